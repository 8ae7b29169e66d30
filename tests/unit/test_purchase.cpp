// The one purchase syntax (grammar/purchase.hpp), through each front end that takes it: a rule file's
// `buy`/`held`, a script's `buy =`/`held =` in bill(), the command line's --buy/--held. Every spelling
// is taken by all three with the same meaning, and a bad one gets the same message in all three.
#include <optional>
#include <string>

#include "interpreter/language/parse.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::source;

namespace {

// What a purchase came to, whichever front end read it: meter, size (or what is left), count (or
// the held pack's size), as written.
struct Read {
  std::string meter, size, extra;
  bool operator==(const Read&) const = default;
};

std::optional<Read> from_rule_file(const std::string& key, const std::string& spec, std::string& error) {
  Diagnostics d;
  auto file = parse_file(source("product p {\n  example \"e\" {\n    " + key + " " + spec + "\n  }\n}\n"), d);
  if (!file) return error = d.list().front().message, std::nullopt;
  const auto& e = file->products.at(0).examples.at(0);
  if (key == "buy") {
    const auto& b = e.buys.at(0);
    return Read{b.meter.text, b.size.text, b.count ? b.count->text : ""};
  }
  const auto& h = e.held.at(0);
  return Read{h.meter.text, h.remaining.text, h.size ? h.size->text : ""};
}

std::optional<Read> from_script(const std::string& key, const std::string& spec, std::string& error) {
  Diagnostics d;
  auto statements = parse_script(source("bill(p, " + key + " = " + spec + ")", "<script>"), d);
  if (!statements) return error = d.list().front().message, std::nullopt;
  const auto& pack = *statements->at(0)->body->args.at(1).pack;
  CHECK(pack.held == (key == "held"));
  return Read{pack.meter.text, pack.size->number.text, pack.extra ? pack.extra->number.text : ""};
}

std::optional<Read> from_command_line(const std::string& key, const std::string& spec, std::string& error) {
  Diagnostics d;
  auto value = source(spec, "--" + key);
  if (key == "buy") {
    auto b = parse_buy_option(value, d);
    if (!b) return error = d.list().front().message, std::nullopt;
    return Read{b->meter.text, b->size.text, b->count ? b->count->text : ""};
  }
  auto h = parse_held_option(value, d);
  if (!h) return error = d.list().front().message, std::nullopt;
  return Read{h->meter.text, h->remaining.text, h->size ? h->size->text : ""};
}

}  // namespace

TEST_CASE("every spelling of a purchase is taken by rule files, scripts and the command line alike", "[purchase]") {
  struct Case {
    const char* key;
    const char* spec;
    Read read;
  };
  const Case cases[] = {
      {"buy", "人脸比对 1000万", {"人脸比对", "1000万", ""}},
      {"buy", "人脸比对 1000万 × 3", {"人脸比对", "1000万", "3"}},  // rule files and scripts
      {"buy", "人脸比对 1000万 * 3", {"人脸比对", "1000万", "3"}},  // rule files and scripts
      {"buy", "人脸比对 1000万 x 3", {"人脸比对", "1000万", "3"}},  // rule files
      {"buy", "人脸比对=1000万x3", {"人脸比对", "1000万", "3"}},    // the command line
      {"buy", "人脸比对=1000万×3", {"人脸比对", "1000万", "3"}},
      {"buy", "人脸比对 = 1000万 × 3", {"人脸比对", "1000万", "3"}},
      {"buy", "compare 100x2", {"compare", "100", "2"}},          // a size's unit stops before x and a digit
      {"buy", "compare 1.5亿x1.5", {"compare", "1.5亿", "1.5"}},  // a fractional count is the checker's
      {"buy", "\"Face comparison\" 100万", {"Face comparison", "100万", ""}},
      {"held", "人脸比对 300万", {"人脸比对", "300万", ""}},
      {"held", "人脸比对 300万 of 1000万", {"人脸比对", "300万", "1000万"}},  // rule files and scripts
      {"held", "人脸比对=300万/1000万", {"人脸比对", "300万", "1000万"}},     // the command line
      {"held", "人脸比对 300万 / 1000万", {"人脸比对", "300万", "1000万"}},
  };
  for (const Case& c : cases) {
    INFO(c.key << " " << c.spec);
    std::string error;
    CHECK(from_rule_file(c.key, c.spec, error) == std::optional<Read>(c.read));
    CHECK(from_script(c.key, c.spec, error) == std::optional<Read>(c.read));
    CHECK(from_command_line(c.key, c.spec, error) == std::optional<Read>(c.read));
    CHECK(error == "");
  }
}

// (A script's operands are expressions, so `?` stands for what no front end takes.)
TEST_CASE("a bad purchase gets the same message from every front end", "[purchase]") {
  struct Case {
    const char* key;
    const char* spec;
    const char* message;
  };
  const Case cases[] = {
      {"buy", "1000万", "expected a meter and a pack size, like 人脸比对 1000万 × 3"},
      {"buy", "人脸比对 ?", "expected the pack size, like 1000万"},
      {"buy", "人脸比对 1000万 × ?", "expected how many packs, like 3"},
      {"held", "300万", "expected a meter and what is left of its pack, like 人脸比对 300万 of 1000万"},
      {"held", "人脸比对 ?", "expected how many calls the held pack has left, like 300万"},
      {"held", "人脸比对 300万 of ?", "expected the held pack's size, like 1000万"},
  };
  for (const Case& c : cases) {
    INFO(c.key << " " << c.spec);
    for (auto front_end : {from_rule_file, from_script, from_command_line}) {
      std::string error;
      CHECK_FALSE(front_end(c.key, c.spec, error));
      CHECK(error == c.message);
    }
  }
}

TEST_CASE("a --buy or --held value is one purchase, nothing after it", "[purchase]") {
  Diagnostics d;
  auto value = source("人脸比对=1000万x3 more", "--buy");
  CHECK_FALSE(parse_buy_option(value, d));
  REQUIRE(d.size() == 1);
  CHECK(d.list().front().message == "expected the end of the purchase");
  CHECK(d.list().front().span.begin == std::string("人脸比对=1000万x3 ").size());
  Diagnostics h;
  CHECK_FALSE(parse_held_option(source("人脸比对=300万/1000万/2", "--held"), h));
  REQUIRE(h.size() == 1);
  CHECK(h.list().front().message == "expected the end of the purchase");
}
