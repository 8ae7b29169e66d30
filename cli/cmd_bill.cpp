// tariff bill PRODUCT [METER=QTY...] [--buy METER=SIZE[xN]]... [--held METER=LEFT[/SIZE]]...
//             [--STATE]... [--state NAME]... [--STATE-since YYYY-MM --month YYYY-MM] [--json]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/common.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/report/format_bill.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff::cli {

namespace {

std::pair<std::string, std::string> split_assignment(const std::string& word, const char* what) {
  auto eq = word.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == word.size())
    throw UsageError(fmt::format("{} '{}' is not METER=QUANTITY", what, word));
  return {word.substr(0, eq), word.substr(eq + 1)};
}

// "1000万x3", "1000万×3", "1000万*3" → size and count.
std::pair<std::string, std::string> split_count(const std::string& text) {
  for (const char* sep : {"×", "x", "*"})
    if (auto at = text.find(sep); at != std::string::npos)
      return {text.substr(0, at), text.substr(at + std::string(sep).size())};
  return {text, "1"};
}

std::size_t find_pack(const Product& product, MeterIndex m, const Decimal& size, const std::string& text) {
  const auto& packs = product.meters[m].packs;
  for (std::size_t i = 0; i < packs.size(); ++i)
    if (packs[i].size == size) return i;
  std::string sizes;
  for (const auto& p : packs) sizes += (sizes.empty() ? "" : ", ") + p.size_text;
  throw UsageError(fmt::format("{} {} has no {} pack (sizes: {})", product.id, product.meters[m].display_name(), text,
                               sizes.empty() ? "none" : sizes));
}

// --fee licence=2 (the first dimension), --fee qps_upgrade:activity=1,day=7,qps=100; dimensions
// not given take their default (the lowest allowed, else one unit).
FeePurchase parse_fee(const RuleSet& rules, const Product& product, const std::string& text) {
  std::string name = text.substr(0, text.find_first_of(":="));
  auto index = product.find_fee(name);
  if (!index) {
    std::string known;
    for (const auto& f : product.fees) known += (known.empty() ? "" : ", ") + f.id;
    throw UsageError(
        fmt::format("product {} has no fee '{}' (fees: {})", product.id, name, known.empty() ? "none" : known));
  }
  const Fee& fee = product.fees[*index];
  FeePurchase purchase{*index, {}};
  for (const auto& d : fee.dimensions) purchase.quantities.push_back(d.default_quantity());
  if (fee.dimensions.empty() && name.size() < text.size())
    throw UsageError(fmt::format("--fee {}: fee {} is a flat amount, not priced per anything: write --fee {}", text,
                                 fee.id, name));
  if (name.size() < text.size() && text[name.size()] == '=') {
    purchase.quantities.front() = parse_quantity(rules, text.substr(name.size() + 1), text);
    return purchase;
  }
  std::string rest = name.size() < text.size() ? text.substr(name.size() + 1) : "";
  std::vector<bool> given(fee.dimensions.size(), false);
  for (std::size_t start = 0; start < rest.size();) {
    std::size_t end = std::min(rest.find(',', start), rest.size());
    auto [dim, qty] = split_assignment(rest.substr(start, end - start), "--fee");
    auto it = std::find_if(fee.dimensions.begin(), fee.dimensions.end(),
                           [&](const FeeDimension& d) { return d.name == dim; });
    if (it == fee.dimensions.end())
      throw UsageError(fmt::format("fee {} is not priced per '{}'", fee.id, printable(dim)));
    auto d = static_cast<std::size_t>(it - fee.dimensions.begin());
    if (given[d]) throw UsageError(fmt::format("--fee {}: {} is given twice", text, dim));
    given[d] = true;
    purchase.quantities[d] = parse_quantity(rules, qty, text);
    start = end + 1;
  }
  return purchase;
}

// YYYY-MM → months since year 0, for the age of a grant.
int month_number(const std::string& text, const char* option) {
  auto month = parse_month(text);
  if (!month) throw UsageError(fmt::format("{} '{}' is not a month like 2026-11", option, printable(text)));
  return *month;
}

}  // namespace

int cmd_bill(Args args) {
  auto paths = rule_paths(args);
  bool json = args.take_flag("--json");
  auto buys = args.take_all("--buy");
  auto held = args.take_all("--held");
  auto states = args.take_all("--state");
  auto fees = args.take_all("--fee");
  auto month = args.take("--month");
  if (args.words.empty() || args.words.front().starts_with("--"))
    throw UsageError("bill needs a PRODUCT, then METER=QUANTITY for each meter used");
  auto rules = std::make_optional(load(paths));
  const Product& product = find_product(*rules, args.words.front());
  // Every state the loaded rules mention is an option: --trial, --suspended, --licensed, ...; and
  // --STATE-since YYYY-MM says when the grant given in that state was activated.
  std::optional<std::string> grant_since;
  for (const auto& p : rules->catalog.products)
    for (const auto& s : p->states) {
      if (args.take_flag("--" + s)) states.push_back(s);
      if (auto since = args.take("--" + s + "-since")) {
        grant_since = *since;
        states.push_back(s);
      }
    }
  args.expect_no_options();

  BillRequest request;
  request.usage.resize(product.meters.size());
  for (std::size_t i = 1; i < args.words.size(); ++i) {
    auto [meter, qty] = split_assignment(args.words[i], "usage");
    request.usage[find_meter(product, meter)] += parse_quantity(*rules, qty, args.words[i]);
  }
  for (const auto& b : buys) {
    auto [meter, rest] = split_assignment(b, "--buy");
    auto [size_text, count_text] = split_count(rest);
    MeterIndex m = find_meter(product, meter);
    Decimal size = parse_quantity(*rules, size_text, b);
    request.buys.push_back({m, find_pack(product, m, size, size_text), parse_quantity(*rules, count_text, b)});
  }
  for (const auto& h : held) {
    auto [meter, rest] = split_assignment(h, "--held");
    auto slash = rest.find('/');
    HeldPack pack{find_meter(product, meter), parse_quantity(*rules, rest.substr(0, slash), h), std::nullopt};
    if (slash != std::string::npos) pack.size = parse_quantity(*rules, rest.substr(slash + 1), h);
    request.held.push_back(std::move(pack));
  }
  for (const auto& f : fees) request.fees.push_back(parse_fee(*rules, product, f));
  if (grant_since) {
    if (!month) throw UsageError("--STATE-since needs --month, the month billed");
    request.grant_age_months = month_number(*month, "--month") - month_number(*grant_since, "--STATE-since");
    if (*request.grant_age_months < 0) throw UsageError(fmt::format("the grant's month {} is after --month {}", *grant_since, *month));
  }
  for (const auto& s : states) {
    if (std::find(product.states.begin(), product.states.end(), s) == product.states.end())
      throw UsageError(fmt::format("product {} has no rule for the account state '{}'", product.id, s));
    if (std::count(request.states.begin(), request.states.end(), s) == 0) request.states.push_back(s);
  }

  try {
    Bill b = bill(product, request);
    std::cout << (json ? format_bill_json(b) + "\n" : format_bill_text(b));
    return ok;
  } catch (const BillingError& e) {
    std::cerr << "tariff: cannot bill: " << e.what() << "\n";
    return usage_error;
  }
}

}  // namespace tariff::cli
