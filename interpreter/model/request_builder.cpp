#include "interpreter/model/request_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

[[noreturn]] void unknown(std::string code, const Name& name, std::string message, std::string hint,
                          std::vector<Note> notes = {}) {
  Diagnostics d;
  d.error(std::move(code), name.span, std::move(message), std::move(hint), std::move(notes));
  throw DiagnosticError(std::move(d));
}

template <typename Items, typename Text>
std::string listed(const Items& items, Text text, const char* none) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + text(item);
  return out.empty() ? none : out;
}

std::string meters_of(const Product& p) {
  return "meters: " +
         listed(
             p.meters, [](const Meter& m) { return m.id + " " + m.display_name() + (m.retired() ? " (retired)" : ""); },
             "none");
}

std::string meters_in_force(const Product& p) {
  std::vector<const Meter*> active;
  for (const Meter& m : p.meters)
    if (!m.retired()) active.push_back(&m);
  return listed(
      active, [](const Meter* m) { return m->id + " " + m->display_name(); }, "none");
}

// "did you mean '照片人脸核身' (photo_verify)?": the nearest of every name a meter answers to (id,
// display names, aliases, API actions), each shown with the meter's id when it is not the id.
std::string meter_suggestion(const Product& p, const std::string& typed) {
  std::vector<std::string> names;
  for (const auto& [name, index] : p.meter_names) names.push_back(name);
  std::sort(names.begin(), names.end());
  std::string out;
  std::vector<MeterIndex> shown;
  for (const auto& name : nearest(typed, names)) {
    MeterIndex m = p.meter_names.at(name);
    if (std::find(shown.begin(), shown.end(), m) != shown.end()) continue;
    shown.push_back(m);
    out += out.empty() ? "did you mean " : " or ";
    out += "'" + name + "'" + (name == p.meters[m].id ? "" : " (" + p.meters[m].id + ")");
  }
  return out.empty() ? out : out + "?\n";
}

template <typename Items, typename Text>
std::vector<std::string> ids(const Items& items, Text text) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(text(item));
  return out;
}

std::vector<std::string> fee_names(const Product& p) {
  std::vector<std::string> out;
  for (const auto& f : p.fees) {
    out.push_back(f.id);
    out.insert(out.end(), f.names.begin(), f.names.end());
  }
  return out;
}

// A size as its table writes it (5000万) and as a plain number (50000000): either may be typed.
std::vector<std::string> pack_sizes(const Meter& m) {
  std::vector<std::string> out;
  for (const auto& k : m.packs) out.push_back(k.size_text);
  return out;
}

}  // namespace

const Product& resolve_product(const Catalog& catalog, const Name& product, std::optional<int> month) {
  auto versions = catalog.versions(product.text);
  if (versions.empty()) {
    // Each id once, though a product with versions is several entries of the catalog.
    std::vector<std::string> known;
    for (const auto& p : catalog.products)
      if (std::find(known.begin(), known.end(), p->id) == known.end()) known.push_back(p->id);
    auto id = [](const std::string& text) { return text; };
    unknown("unknown-product", product, fmt::format("unknown product '{}'", printable(product.text)),
            with_suggestion(product.text, known, "products: " + listed(known, id, "none")));
  }
  if (month) {
    try {
      return version_in_force(versions, *month);
    } catch (const BillingError& e) {
      unknown(e.code, product, e.what(), e.hint, e.notes);
    }
  }
  if (versions.size() > 1 || versions.front()->from)
    unknown("version-month", product,
            fmt::format("product {} has versions from {}: say the month", product.text,
                        listed(versions, [](const Product* p) { return month_text(*p->from); }, "")),
            "each month has one version in force: --month YYYY-MM");
  return *versions.front();
}

MeterIndex resolve_meter(const Product& p, const Name& meter) {
  if (auto m = p.find_meter(meter.text)) return *m;
  if (auto later = added_later(p, meter.text))
    unknown("meter-added-later", meter, priced_from_text(later->first->meters[later->second], *later->first->from),
            fmt::format("the version of {} in force then{} prices {}", p.id,
                        p.from ? " (from " + month_text(*p.from) + ")" : "", meters_of(p)),
            {{later->first->meters[later->second].standing_span, "added here"}});
  unknown("unknown-meter", meter,
          fmt::format("product {} has no meter or API action '{}'", p.id, printable(meter.text)),
          meter_suggestion(p, meter.text) + meters_of(p));
}

std::size_t resolve_pack(const Product& p, MeterIndex meter, const Decimal& size, const Name& written) {
  const Meter& m = p.meters.at(meter);
  for (std::size_t i = 0; i < m.packs.size(); ++i) {
    if (m.packs[i].size != size) continue;
    if (!m.packs[i].price.sold()) {
      std::vector<Note> notes;
      if (m.packs[i].price.span.valid()) notes.push_back({m.packs[i].price.span, "the pack table marks it '-'"});
      unknown("pack-not-sold", written,
              fmt::format("the {} pack of {} is not sold", m.packs[i].size_text, m.display_name()), "", notes);
    }
    return i;
  }
  unknown("unknown-pack", written, fmt::format("{} {} has no {} pack", p.id, m.display_name(), printable(written.text)),
          with_suggestion(written.text, pack_sizes(m), "sizes: " + listed(m.packs, [](const Pack& k) { return k.size_text; }, "none")));
}

std::size_t resolve_fee(const Product& p, const Name& fee) {
  if (auto f = p.find_fee(fee.text)) return *f;
  unknown("unknown-fee", fee, fmt::format("product {} has no fee '{}'", p.id, printable(fee.text)),
          p.fees.empty() ? "the product defines no fee"
                         : with_suggestion(fee.text, fee_names(p),
                                           "fees: " + listed(p.fees, [](const Fee& f) { return f.id + " " + f.display_name(); }, "")));
}

std::size_t resolve_dimension(const Product&, const Fee& fee, const Name& dimension) {
  for (std::size_t i = 0; i < fee.dimensions.size(); ++i)
    if (fee.dimensions[i].name == dimension.text) return i;
  unknown("unknown-dimension", dimension, fmt::format("fee {} is not priced per '{}'", fee.id, printable(dimension.text)),
          fee.dimensions.empty() ? "the fee is a flat amount, priced per nothing"
                                 : with_suggestion(dimension.text, ids(fee.dimensions, [](const FeeDimension& d) { return d.name; }),
                                                   "dimensions: " + listed(fee.dimensions, [](const FeeDimension& d) { return d.name; }, "")));
}

const std::string& resolve_state(const Product& p, const Name& state) {
  for (const auto& s : p.states)
    if (s == state.text) return s;
  unknown("unknown-state", state,
          fmt::format("product {} has no rule for the account state '{}'", p.id, printable(state.text)),
          p.states.empty() ? "this product's rules mention no account state"
                           : with_suggestion(state.text, p.states,
                                             "its rules mention: " + listed(p.states, [](const std::string& s) { return s; }, "")));
}

std::string one_line(const DiagnosticError& error) {
  if (error.diagnostics.empty()) return "not found";
  const Diagnostic& d = error.diagnostics.list().front();
  std::string hint = d.hint;
  for (std::size_t at = hint.find('\n'); at != std::string::npos; at = hint.find('\n', at))
    hint.replace(at, 1, " ");
  return hint.empty() ? d.message : fmt::format("{} ({})", d.message, hint);
}

RequestBuilder::RequestBuilder(const Product& product) : product_(product) {
  request_.usage.resize(product.meters.size());
}

// A meter that takes usage: a retired one is refused (its packs held still expire as they would).
MeterIndex resolve_usage_meter(const Product& p, const Name& meter) {
  MeterIndex m = resolve_meter(p, meter);
  const Meter& found = p.meters[m];
  if (found.retired())
    unknown("meter-retired", meter, retired_text(found),
            fmt::format("a retired meter stays declared to keep its place, but takes no usage and sells nothing; "
                        "the meters in force: {}",
                        meters_in_force(p)),
            {{found.standing_span, "retired here"}});
  return m;
}

RequestBuilder& RequestBuilder::usage(const Name& meter, const Decimal& quantity) {
  request_.usage[resolve_usage_meter(product_, meter)] += quantity;
  return *this;
}

RequestBuilder& RequestBuilder::buy(const Name& meter, const Decimal& size, const Name& size_written,
                                    const Decimal& count) {
  MeterIndex m = resolve_usage_meter(product_, meter);
  request_.buys.push_back({m, resolve_pack(product_, m, size, size_written), count});
  return *this;
}

RequestBuilder& RequestBuilder::hold(const Name& meter, const Decimal& remaining, std::optional<Decimal> size) {
  request_.held.push_back({resolve_meter(product_, meter), remaining, std::move(size)});
  return *this;
}

RequestBuilder& RequestBuilder::fee(const Name& name, const std::optional<std::pair<Span, Decimal>>& first,
                                    const std::vector<std::pair<Name, Decimal>>& dimensions) {
  std::size_t index = resolve_fee(product_, name);
  const Fee& fee = product_.fees[index];
  FeePurchase purchase{index, {}};
  for (const auto& d : fee.dimensions) purchase.quantities.push_back(d.default_quantity());
  std::vector<bool> given(fee.dimensions.size(), false);
  auto set = [&](std::size_t d, const Name& written, const Decimal& quantity) {
    if (given[d]) unknown("duplicate-dimension", written, fmt::format("fee {}: {} is given twice", fee.id, written.text), "");
    given[d] = true;
    purchase.quantities[d] = quantity;
  };
  if (first) {
    if (fee.dimensions.empty())
      unknown("flat-fee", {name.text, first->first},
              fmt::format("fee {} is a flat amount, not priced per anything: it takes no quantity", fee.id), "");
    set(0, {fee.dimensions.front().name, first->first}, first->second);
  }
  for (const auto& [dimension, quantity] : dimensions)
    set(resolve_dimension(product_, fee, dimension), dimension, quantity);
  request_.fees.push_back(std::move(purchase));
  return *this;
}

RequestBuilder& RequestBuilder::state(const Name& state) {
  const std::string& s = resolve_state(product_, state);
  if (std::find(request_.states.begin(), request_.states.end(), s) == request_.states.end())
    request_.states.push_back(s);
  return *this;
}

}  // namespace tariff
