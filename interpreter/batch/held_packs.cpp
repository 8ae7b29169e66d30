// The packs file of batch rating: `account,product,meter,remaining`, packs an account holds, drawn
// month by month in the run.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/lines.hpp"
#include "interpreter/batch/usage_file.hpp"
#include "interpreter/language/literal.hpp"

namespace tariff::rate {

namespace {

// One line of a packs file after its header.
void read_pack_line(const RuleSet& rules, std::string_view text, std::vector<std::string>& f, HeldPacks& packs,
                    const std::function<RateError(const std::string&)>& fail) {
  if (!detail::split_csv(text, f) || f.size() != 4) throw fail("expected 4 columns: account,product,meter,remaining");
  if (f[0].empty() || !is_valid_utf8(f[0])) throw fail(fmt::format("bad account '{}'", printable(f[0])));
  const Product* product = rules.catalog.find(f[1]);
  if (!product) throw fail(fmt::format("unknown product '{}'", printable(f[1])));
  auto meter = product->find_meter(f[2]);
  if (!meter) throw fail(fmt::format("unknown meter '{}' of product {}", printable(f[2]), f[1]));
  const auto& order = product->settlement;
  if (std::find(order.begin(), order.end(), SettlementStep::packs) == order.end())
    throw fail(fmt::format("product {} settles no packs: a held pack could never be drawn", f[1]));
  bool sold = !product->meters[*meter].packs.empty();
  for (const Fee& fee : product->fees)
    for (const IncludedPack& inc : fee.includes) sold = sold || inc.meter == *meter;
  if (!sold) throw fail(fmt::format("no packs are sold for {} {}", f[1], product->meters[*meter].id));
  LiteralValue remaining = parse_quantity_text(f[3], rules.prelude.units);
  if (!remaining.value || !remaining.value->is_integer())
    throw fail(fmt::format("bad remaining calls '{}': a whole number of calls, like 300万", printable(f[3])));
  packs.entries.push_back({f[0], product, HeldPack{*meter, *remaining.value, std::nullopt}});
}

}  // namespace

HeldPacks read_packs(const RuleSet& rules, const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw RateError(fmt::format("cannot open the packs file {}: {}", path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  HeldPacks packs;
  std::vector<std::string> f;
  std::uint64_t number = 0;
  auto fail = [&](const std::string& why) { return RateError(fmt::format("{}:{}: {}", path, number, why)); };
  auto on_line = [&](std::string_view text) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (number == 1) {
      if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      if (text != "account,product,meter,remaining")
        throw fail(fmt::format("the header must be 'account,product,meter,remaining', not '{}'", printable(text)));
    } else if (!text.empty()) {
      read_pack_line(rules, text, f, packs, fail);
    }
  };
  auto fill = [&](char* to, std::size_t room) -> std::size_t {
    for (;;) {
      ssize_t n = ::read(fd, to, room);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw RateError(fmt::format("cannot read the packs file {}: {}", path, std::strerror(errno)));
      return static_cast<std::size_t>(n);
    }
  };
  auto on_long_line = [&] {
    ++number;
    throw fail(fmt::format("line longer than {} bytes", max_line_bytes));
  };
  detail::for_each_line(
      fill, on_line, on_long_line, [] {}, nullptr);
  if (number == 0)
    throw RateError(
        fmt::format("{}: the packs file is empty: expected the header 'account,product,meter,remaining'", path));
  return packs;
}

}  // namespace tariff::rate
