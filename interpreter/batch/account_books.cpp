// Account books of a run over time: opened from the purchases, opening ledger and states files,
// entered month by month as the Biller settles them, closed when the run ends.
#include "interpreter/batch/account_books.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <tuple>

namespace tariff::rate::detail {

namespace {

std::uint64_t rank_of(const std::vector<std::string>& accounts, const std::string& account) {
  auto at = std::lower_bound(accounts.begin(), accounts.end(), account);
  return static_cast<std::uint64_t>(at - accounts.begin());  // every account of the files is ranked
}

AccountBook& book_for(Books& books, const Dictionary& dict, const std::vector<std::string>& accounts,
                      const std::string& account, const Product& product) {
  auto p = static_cast<std::size_t>(dict.product(product.id));
  AccountBook& book = books[book_key(rank_of(accounts, account), p)];
  // Sized for every version's meters: the product's last version has them all.
  if (book.flows.empty()) book.flows.assign(dict.at(p).meters.size(), {});
  return book;
}

const char* alert_kind(PackAlert::Kind kind) { return kind == PackAlert::Kind::low ? "low" : "used_up"; }

Alert expiry_alert(const std::string& account, const Product& product, const LedgerEntry& e) {
  return {account, *e.expires, &product, e.meter, e.size_text, "expired", e.remaining};
}

}  // namespace

std::vector<std::string> accounts_named(const AccountData& data) {
  std::vector<std::string> names;
  for (const Purchase& p : data.purchases) names.push_back(p.account);
  for (const LedgerRow& r : data.opening) names.push_back(r.account);
  for (const AccountState& s : data.states) names.push_back(s.account);
  return names;
}

Books open_books(const Dictionary& dict, const AccountData& data, const std::vector<std::string>& accounts) {
  Books books;
  for (const LedgerRow& r : data.opening) {
    AccountBook& book = book_for(books, dict, accounts, r.account, *r.product);
    book.ledger.entries.push_back(r.entry);
    if (r.entry.holds_calls()) book.flows.at(r.entry.meter).opening += r.entry.remaining;
  }
  for (const AccountState& s : data.states) {
    AccountBook& book = book_for(books, dict, accounts, s.account, *s.product);
    book.periods.push_back(s.period);
    book.has_periods = true;
  }
  for (const Purchase& p : data.purchases)
    book_for(books, dict, accounts, p.account, *p.product).buys[p.month].push_back(&p);
  for (auto& [key, book] : books) {
    sort_ledger(book.ledger);
    std::stable_sort(book.periods.begin(), book.periods.end(),
                     [](const StatePeriod& a, const StatePeriod& b) { return a.from < b.from; });
  }
  return books;
}

std::vector<Sum> purchase_months(const Books& books) {
  std::vector<Sum> sums;
  for (const auto& [key, book] : books)
    for (const auto& [month, buys] : book.buys) {
      Sum s;
      s.key = make_key(key >> 8, static_cast<std::uint64_t>(month), key & 0xff, buys.front()->pack.meter);
      s.first_line = UINT64_MAX;
      sums.push_back(s);
    }
  return sums;
}

std::vector<Sum> state_months(const Dictionary& dict, const Books& books, const std::vector<int>& months) {
  std::vector<Sum> sums;
  for (const auto& [key, book] : books) {
    const Product& product = dict.at(key & 0xff);
    if (!book.has_periods || (product.recurring.empty() && !product.limits.minimum)) continue;
    for (int month : months) {
      if (states_in(book.periods, month).empty()) continue;
      Sum s;
      s.key = make_key(key >> 8, static_cast<std::uint64_t>(month), key & 0xff, 0);
      s.first_line = UINT64_MAX;
      sums.push_back(s);
    }
  }
  return sums;
}

namespace {

// Where the account's commitment period, open as the run begins, ends (its expiry).
std::optional<int> open_period_end(const AccountBook& book) {
  for (const LedgerEntry& e : book.ledger.entries)
    if (e.kind == LedgerEntry::Kind::commitment) return e.expires;
  return std::nullopt;
}

// The version in force has a commitment (a month no version covers is rejected when billed).
bool committed(const Dictionary& dict, std::size_t product, int month) {
  try {
    return dict.version(dict.in_force(product, month)).limits.commitment.has_value();
  } catch (const BillingError&) {
    return false;
  }
}

}  // namespace

std::vector<Sum> commitment_months(const Dictionary& dict, const Books& books, const std::vector<Sum>& sums, int first,
                                   int last) {
  // Only products with a commitment in some version: a run without one does nothing here.
  std::vector<bool> committing(dict.size(), false);
  for (std::size_t v = 0; v < dict.version_count(); ++v)
    if (dict.version(v).limits.commitment) committing[static_cast<std::size_t>(dict.product(dict.version(v).id))] = true;
  if (std::find(committing.begin(), committing.end(), true) == committing.end()) return {};
  std::map<std::uint64_t, std::vector<int>> billed;  // by book key: the months billed, ascending
  for (const Sum& s : sums) {
    if (!committing[key_product(s.key)]) continue;
    std::vector<int>& months = billed[book_key(key_account(s.key), key_product(s.key))];
    if (months.empty() || months.back() != key_month(s.key)) months.push_back(key_month(s.key));
  }
  std::map<std::uint64_t, int> open;  // by book key: the end of the period open as the run begins
  for (const auto& [key, book] : books)
    if (auto end = open_period_end(book)) open[key] = *end, billed.try_emplace(key);
  std::vector<Sum> out;
  for (const auto& [key, months] : billed) {
    std::size_t product = key & 0xff;
    std::optional<int> until;
    if (auto o = open.find(key); o != open.end()) until = o->second;
    for (std::size_t i = 0;;) {
      bool more = i < months.size();
      if (until && (!more || months[i] >= *until)) {  // the period ends before the next bill
        int closing = *until - 1;
        if (closing >= first && closing <= last && !std::binary_search(months.begin(), months.end(), closing)) {
          Sum s;
          s.key = make_key(key >> 8, static_cast<std::uint64_t>(closing), product, 0);
          s.first_line = UINT64_MAX;
          out.push_back(s);
        }
        until.reset();
        continue;
      }
      if (!more) break;
      if (!until && committed(dict, product, months[i])) until = months[i] + 12;
      ++i;
    }
  }
  return out;
}

void record_month(AccountBook& book, const std::string& account, const Product& product, const AccountMonth& month) {
  // Most accounts of a run have no ledger: their months move nothing, and keep no flows.
  bool moved = std::any_of(month.flows.begin(), month.flows.end(), [](const LedgerFlow& f) {
    return !(f.bought.is_zero() && f.included.is_zero() && f.granted.is_zero() && f.drawn.is_zero() &&
             f.expired.is_zero());
  });
  if (!moved && month.alerts.empty()) return;
  // A later version may price more meters than the one that opened the book (it adds them).
  if (book.flows.size() < month.flows.size()) book.flows.resize(month.flows.size());
  for (MeterIndex m = 0; m < month.flows.size(); ++m) {
    LedgerFlow f = month.flows[m];
    f.opening = f.closing = Decimal();  // a month's opening and closing are the book's in passing
    book.flows[m] += f;
  }
  for (const LedgerEntry& e : month.expired) book.alerts.push_back(expiry_alert(account, product, e));
  for (const PackAlert& a : month.alerts)
    book.alerts.push_back(
        {account, month.month, &product, a.meter, a.draw.size_text, alert_kind(a.kind), a.draw.remaining()});
}

void close_books(const Dictionary& dict, std::vector<Books*> all, int last_month, Result& result) {
  for (Books* books : all)
    for (auto& [key, book] : *books) {
      const Product& product = dict.at(key & 0xff);
      const std::string& account = result.accounts.at(key >> 8);
      AccountSettler settler(product);
      std::vector<LedgerEntry> expired;
      if (book.flows.empty()) book.flows.assign(product.meters.size(), {});
      settler.expire(book.ledger, last_month, expired, book.flows);
      for (const LedgerEntry& e : expired) book.alerts.push_back(expiry_alert(account, product, e));
      for (const LedgerEntry& e : book.ledger.entries) {
        if (e.holds_calls()) book.flows.at(e.meter).closing += e.remaining;
        result.closing.push_back({account, &product, e});
      }
      LedgerFlow& sum = result.summary.ledger[product.currency];
      for (const LedgerFlow& f : book.flows) {
        if (!f.conserved())
          throw ConservationError(fmt::format("{} {}: the run's ledger does not balance", account, product.id));
        sum += f;
      }
      result.alerts.insert(result.alerts.end(), book.alerts.begin(), book.alerts.end());
    }
  for (const auto& [currency, f] : result.summary.ledger)
    if (!f.conserved()) throw ConservationError(fmt::format("the run's {} ledger does not balance", currency));
  auto row_key = [](const LedgerRow& r) {
    const LedgerEntry& e = r.entry;
    return std::make_tuple(std::cref(r.account), std::cref(r.product->id), e.meter, static_cast<int>(e.kind),
                           e.expires.value_or(INT_MAX), e.bought.value_or(INT_MIN), e.size, e.remaining);
  };
  std::sort(result.closing.begin(), result.closing.end(),
            [&](const LedgerRow& a, const LedgerRow& b) { return row_key(a) < row_key(b); });
  auto alert_key = [](const Alert& a) {
    return std::make_tuple(std::cref(a.account), a.month, std::cref(a.product->id), a.meter, std::cref(a.kind),
                           std::cref(a.pack), a.remaining);
  };
  std::sort(result.alerts.begin(), result.alerts.end(),
            [&](const Alert& a, const Alert& b) { return alert_key(a) < alert_key(b); });
}

}  // namespace tariff::rate::detail
