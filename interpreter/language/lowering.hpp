#pragma once
// Internal to lowering (lower_*.cpp): one product's lowering, its state and its steps. Each file
// lowers one concept: lower_product.cpp the product's own items and the literals, lower_meters.cpp
// meters, free quotas and grants, lower_tables.cpp pack and postpaid tables, lower_prices.cpp a
// postpaid table's prices (per N units, packages, flat sums), lower_fees.cpp fees, lower_charges.cpp
// recurring fees, minimums, caps and payable rounding, lower_examples.cpp worked examples.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "interpreter/language/lower.hpp"
#include "interpreter/language/lower_literals.hpp"

namespace tariff::lowering {

class Lowering {
 public:
  Lowering(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics);
  std::unique_ptr<Product> run();

 private:
  const ast::Product& ast_;
  const Prelude& prelude_;
  Diagnostics& diag_;
  std::size_t errors_before_;
  std::unique_ptr<Product> out_;
  std::set<std::string> states_;  // states the product's rules mention
  Literals literals_;

  // ---- literals and words (lower_literals.cpp), and the states rules mention ----
  std::optional<Decimal> amount(const ast::Number& n) { return literals_.amount(n); }
  std::optional<Decimal> whole(const ast::Number& n, const char* what) { return literals_.whole(n, what); }
  std::optional<Decimal> percent(const std::optional<ast::Number>& n, const char* what) {
    return literals_.percent(n, what);
  }
  void currency(const std::optional<ast::Name>& c) { literals_.currency(c); }
  bool one_of(const ast::Name& n, std::initializer_list<const char*> words, const char* what) {
    return literals_.one_of(n, words, what);
  }
  void repeated(const ast::Name& item, const char* owner) { literals_.repeated(item, owner); }
  void state(const ast::Name& name);
  std::string join_states() const;
  // A meter a rule names, resolved as every name a user types is; reported when it is none.
  std::optional<MeterIndex> meter(const ast::Name& ref);
  std::string text_of(const Span& span) const;

  // ---- the product's own items (lower_product.cpp) ----
  void header();
  void settle();
  void notices();
  void rated();

  // ---- meters, free quotas, grants (lower_meters.cpp) ----
  void meters();
  void standing(const ast::Meter& m, Meter& meter);
  std::map<MeterIndex, Span> free_of_, grant_of_;  // a meter has one of each
  bool claim(std::map<MeterIndex, Span>& claimed, MeterIndex m, const Span& at, std::vector<Note>& first);
  void free_quota(const ast::FreeQuota& f);
  void grant(const ast::Grant& g);
  std::optional<int> validity_months(const ast::Validity& v);

  // ---- pack and postpaid tables (lower_tables.cpp) ----
  std::set<MeterIndex> packed_, priced_;  // a meter has one pack row and one postpaid row
  void packs(const ast::Packs& p);
  void postpaid(const ast::Postpaid& p);
  std::vector<std::optional<MeterIndex>> rows(const ast::Table& t, std::set<MeterIndex>& claimed, const char* what,
                                              const char* width_hint);
  std::optional<Price> price(const ast::Row& row, std::size_t i, bool percent_allowed);
  std::shared_ptr<BandSchedule> bands(const ast::Table& t, bool whole_units);

  // ---- a postpaid table's prices (lower_prices.cpp) ----
  bool prices_decimal_meter(const ast::Table& t) const;
  void price_basis(const ast::Postpaid& p, BandSchedule& schedule);
  std::optional<Price> band_price(const ast::Row& row, std::size_t i, const BandSchedule& schedule);
  void check_unit_word(const ast::PriceBasis& basis, const ast::Table& t,
                       const std::vector<std::optional<MeterIndex>>& rows);

  // ---- recurring fees, minimums and caps, payable rounding (lower_charges.cpp) ----
  void recurring_fee(const ast::RecurringFee& f);
  std::optional<Proration> proration(const ast::RecurringFee& f);
  bool cycle_period(const ast::Name& period, const char* what);
  void charge_limits();
  std::optional<ChargeLimit> charge_limit(const ast::ChargeLimit& l, const char* what);
  void payable();
  std::optional<std::pair<Decimal, RoundingMode>> rounding_rule(const ast::Number& unit, const ast::Name& mode,
                                                                const char* what, const char* paid);

  // ---- fees (lower_fees.cpp) ----
  std::map<std::string, Span> fee_names_;  // ids and display names of the fees so far
  std::set<std::string> fee_ids_;
  void fee(const ast::Fee& f);
  std::optional<Decimal> fee_heading(const ast::Name& id, const std::vector<ast::Name>& names, const ast::Number& price,
                                     std::vector<std::string>& out_names);
  void fee_dimensions(const ast::Fee& f, Fee& fee);

  // ---- the draw order of held packs (lower_product.cpp) ----
  void draw();
};

}  // namespace tariff::lowering
