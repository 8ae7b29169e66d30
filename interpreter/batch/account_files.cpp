// The files a run over months reads beside its usage: purchases (BUY.csv), an opening ledger
// (OPEN.csv) and account states (STATES.csv). Every row is taken or rejected with its file, line
// and reason; a ledger row is checked against the rules it claims to come from.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/csv_file.hpp"
#include "interpreter/batch/rate.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/model/month.hpp"

namespace tariff::rate {

const char* const ledger_header = "account,product,meter,pack,bought,expires,remaining,kind";

namespace {

using detail::resolved;
using detail::RowRejected;

// Accounts are copied into outputs: valid UTF-8, no control characters (as in the usage file).
const std::string& account(const std::string& text) {
  if (text.empty()) throw RowRejected("empty account");
  if (!is_valid_utf8(text)) throw RowRejected(fmt::format("account '{}' is not valid UTF-8", printable(text)));
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
    throw RowRejected(fmt::format("account '{}' holds a control character", printable(text)));
  return text;
}

int month(const std::string& text, const char* column) {
  auto m = parse_month(text);
  if (!m) throw RowRejected(fmt::format("bad {} '{}' (expected YYYY-MM)", column, printable(text)));
  return *m;
}

// A state's first or last month, or day of one (2027-01-15): the days count inclusively.
std::pair<int, std::optional<int>> month_or_day(const std::string& text, const char* column) {
  auto d = parse_month_or_day(text);
  if (!d) throw RowRejected(fmt::format("bad {} '{}' (expected YYYY-MM or YYYY-MM-DD)", column, printable(text)));
  return *d;
}

// The product; a purchase's or a ledger entry's (`month` given: bought): its version in force
// that month, whose prices and pack terms it was bought under.
// Without a month (a states row names a product, not a version) any version will do: states are
// the product's (a ledger row's meter is its bought version's: a later version may add meters).
const Product& product(const RuleSet& rules, const std::string& id, std::optional<int> month = std::nullopt) {
  if (!month)
    if (const Product* p = rules.catalog.find(id)) return *p;
  return resolved([&]() -> const Product& { return resolve_product(rules.catalog, {id, {}}, month); });
}

MeterIndex meter(const Product& p, const std::string& name) {
  return resolved([&] { return resolve_meter(p, {name, {}}); });
}

// An amount of the product's currency, from 0 up: a commitment and what is left of it.
Decimal money(const RuleSet& rules, const std::string& text, const char* column) {
  LiteralValue v = parse_quantity_text(text, rules.prelude.units);
  if (!v.value || v.value->is_negative())
    throw RowRejected(fmt::format("bad {} '{}': an amount from 0 up, like 1200", column, printable(text)));
  return *v.value;
}

// A whole number of calls, from 0 (or 1) up, in the usage file's syntax (300万).
Decimal calls(const RuleSet& rules, const std::string& text, const char* column, bool zero_allowed = true) {
  LiteralValue v = parse_quantity_text(text, rules.prelude.units);
  if (!v.value || !v.value->is_integer() || v.value->is_negative() || (!zero_allowed && v.value->is_zero()))
    throw RowRejected(fmt::format("bad {} '{}': a whole number{}, like 300万", column, printable(text),
                                  zero_allowed ? "" : " from 1 up"));
  return *v.value;
}

std::function<void(std::uint64_t, const std::string&)> rejecting(AccountData& data, const std::string& path) {
  return [&data, path](std::uint64_t line, const std::string& why) { data.rejects.push_back({line, why, 1, path}); };
}

// ---- ledger entries: what the rules say each kind must be ------------------------------------

std::optional<int> after(int bought, std::optional<int> months) {
  if (!months) return std::nullopt;
  return bought + *months;
}

// The entry's size is one the rules give it, and its expiry the one they set, in `p`, the version
// in force when it entered the ledger (a pack keeps the terms it was bought under); fills in the
// size's name and the entry's origin.
void check_entry(const Product& p, LedgerEntry& e) {
  const Meter& m = p.meters[e.holds_calls() ? e.meter : 0];
  std::optional<int> expected;
  bool known = false;
  switch (e.kind) {
    case LedgerEntry::Kind::commitment:
      if (!p.limits.commitment || p.limits.commitment->amount != e.size)
        throw RowRejected(fmt::format("{} has no minimum commitment of {} {}", p.id, e.size.to_string(), p.currency));
      e.origin = p.limits.commitment->period;
      expected = *e.bought + 12;
      break;
    case LedgerEntry::Kind::pack:
      for (const Pack& pack : m.packs)
        if (pack.size == e.size && pack.price.sold()) {
          known = true;
          e.size_text = pack.size_text;
          expected = after(*e.bought, pack.terms ? pack.terms->valid_months : std::nullopt);
        }
      if (!known) throw RowRejected(fmt::format("no {} pack of {} is sold", e.size.to_string(), m.id));
      break;
    case LedgerEntry::Kind::included:
      for (const Fee& fee : p.fees)
        for (const IncludedPack& inc : fee.includes)
          if (!known && &p.meters[inc.meter] == &m && inc.size == e.size) {
            known = true;
            e.size_text = inc.size_text;
            e.origin = fee.id;
            expected = after(*e.bought, inc.valid_months);
          }
      if (!known) throw RowRejected(fmt::format("no fee includes a {} pack of {}", e.size.to_string(), m.id));
      break;
    case LedgerEntry::Kind::grant:
      if (!m.grant || m.grant->quantity != e.size)
        throw RowRejected(fmt::format("{} has no grant of {}", m.id, e.size.to_string()));
      e.origin = m.grant->when_state;
      expected = *e.bought + m.grant->valid_months;
      break;
    case LedgerEntry::Kind::free:
      if (!m.free || m.free->period == "month" || m.free->quantity != e.size)
        throw RowRejected(fmt::format("{} has no free quota of {} that a ledger keeps (per year or per activity)", m.id,
                                      e.size.to_string()));
      e.origin = m.free->period;
      if (m.free->period == "year" && *e.bought % 12 != 0)
        throw RowRejected("a free quota per year is given in January: bought must be YYYY-01");
      if (m.free->period == "year") expected = *e.bought + 12;
      break;
  }
  if (e.kind != LedgerEntry::Kind::included && e.kind != LedgerEntry::Kind::pack) e.size_text = e.size.to_string();
  if (e.expires && *e.expires <= *e.bought)
    throw RowRejected(fmt::format("expires {} is not after bought {}", month_text(*e.expires), month_text(*e.bought)));
  if (e.expires != expected)
    throw RowRejected(expected ? fmt::format("expires must be {}: the rules' validity after {}", month_text(*expected),
                                             month_text(*e.bought))
                               : std::string("expires must be empty: the rules set no validity for it"));
  if (e.remaining > e.size)
    throw RowRejected(
        fmt::format("remaining {} is more than its size {}", e.remaining.to_string(), e.size.to_string()));
}

}  // namespace

void read_purchases(const RuleSet& rules, const std::string& path, AccountData& data) {
  data.over_time = true;
  data.purchases_file = path;
  detail::read_csv_rows({path,
                         "purchases file",
                         {"account,month,product,meter,pack,count"},
                         [&](std::uint64_t line, const std::vector<std::string>& f, std::size_t) {
                           int bought = month(f[1], "month");
                           Purchase p{account(f[0]), bought, &product(rules, f[2], bought), {}, line};
                           MeterIndex m = meter(*p.product, f[3]);
                           Decimal size = calls(rules, f[4], "pack size", false);
                           Decimal count = calls(rules, f[5], "count", false);
                           if (count > Decimal(max_ledger_packs))
                             throw RowRejected(fmt::format("count {} is more than the {} packs one purchase may hold",
                                                           count.to_string(), max_ledger_packs));
                           std::size_t pack = resolved([&] { return resolve_pack(*p.product, m, size, {f[4], {}}); });
                           p.pack = {m, pack, count};
                           data.purchases.push_back(std::move(p));
                         },
                         rejecting(data, path)});
}

void read_ledger(const RuleSet& rules, const std::string& path, AccountData& data) {
  data.over_time = true;
  detail::read_csv_rows({path,
                         "ledger",
                         {ledger_header, "account,product,meter,pack,bought,expires,remaining"},
                         [&](std::uint64_t, const std::vector<std::string>& f, std::size_t header) {
                           LedgerRow row{account(f[0]), &product(rules, f[1]), {}};
                           LedgerEntry& e = row.entry;
                           // The version bought under: its terms, and its meters (one a later
                           // version adds is not the first version's).
                           e.bought = month(f[4], "bought");
                           row.product = &product(rules, f[1], e.bought);
                           if (header == 0) {
                             auto kind = parse_ledger_kind(f[7]);
                             if (!kind)
                               throw RowRejected(fmt::format(
                                   "bad kind '{}': pack, included, grant, free or commitment", printable(f[7])));
                             e.kind = *kind;
                           }
                           // A commitment is an amount of the product's, not calls of a meter.
                           if (!e.holds_calls() && !f[2].empty())
                             throw RowRejected(fmt::format("a commitment names no meter ('{}'): it is the product's",
                                                           printable(f[2])));
                           if (e.holds_calls()) e.meter = meter(*row.product, f[2]);
                           e.size = e.holds_calls() ? calls(rules, f[3], "pack", false) : money(rules, f[3], "pack");
                           if (!f[5].empty()) e.expires = month(f[5], "expires");
                           e.remaining = e.holds_calls() ? calls(rules, f[6], "remaining")
                                                         : money(rules, f[6], "remaining");
                           check_entry(*row.product, e);
                           data.opening.push_back(std::move(row));
                         },
                         rejecting(data, path)});
}

void read_account_states(const RuleSet& rules, const std::string& path, AccountData& data) {
  data.over_time = true;
  detail::read_csv_rows({path,
                         "states file",
                         {"account,product,state,from,until"},
                         [&](std::uint64_t, const std::vector<std::string>& f, std::size_t) {
                           AccountState s{account(f[0]), &product(rules, f[1]), {}};
                           s.period.state = resolved([&] { return resolve_state(*s.product, {f[2], {}}); });
                           auto from = month_or_day(f[3], "from");
                           s.period.from = from.first;
                           s.period.from_day = from.second.value_or(1);
                           if (!f[4].empty()) {
                             auto until = month_or_day(f[4], "until");
                             s.period.until = until.first;
                             s.period.until_day = until.second;
                           }
                           if (!period_ends_after_start(s.period))
                             throw RowRejected(fmt::format("until {} is before from {}", f[4], f[3]));
                           data.states.push_back(std::move(s));
                         },
                         rejecting(data, path)});
}

std::string ledger_row_csv(const std::string& account, const Product& product, const LedgerEntry& e) {
  return fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(account), product.id, ledger_meter_id(product, e),
                     e.size.to_string(), e.bought ? month_text(*e.bought) : "", e.expires ? month_text(*e.expires) : "",
                     e.remaining.to_string(), to_string(e.kind));
}

}  // namespace tariff::rate
