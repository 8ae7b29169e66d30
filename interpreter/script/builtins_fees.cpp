// The built-ins for a product's fees and purchase plans: fee(P, NAME, DIM = Q, ...), the fees a
// bill buys (fee = NAME ...), plan(P, METER, ANNUAL_QTY) and what a plan says.
#include <fmt/format.h>

#include "interpreter/report/format_plan.hpp"
#include "interpreter/script/interpreter.hpp"

namespace tariff::script {

namespace {
using Kind = Value::Kind;

const char* fee_usage = "fee(PRODUCT, FEE, DIMENSION = QUANTITY, ...), e.g. fee(p, upgrade, day = 7, qps = 100)";

std::string fee_names(const Product& p) {
  std::string known;
  for (const auto& f : p.fees) known += (known.empty() ? "" : ", ") + f.id + " " + f.display_name();
  return known.empty() ? "none" : known;
}

// The dimensions a fee is priced per: where a quantity goes, or an error at the name given.
std::size_t dimension_of(const Fee& fee, const ast::Name& name) {
  for (std::size_t i = 0; i < fee.dimensions.size(); ++i)
    if (fee.dimensions[i].name == name.text) return i;
  std::string known;
  for (const auto& d : fee.dimensions) known += (known.empty() ? "" : ", ") + d.name;
  fail(name.span, "unknown-dimension", fmt::format("fee {} is not priced per '{}'", fee.id, name.text),
       fmt::format("dimensions: {}", known.empty() ? "none" : known));
}

const Plan& plan_of(const Expr& e, const Value& v) {
  if (v.kind != Kind::plan)
    fail(e.span, "type", fmt::format("expected a plan, not {}", kind_name(v.kind)),
         "plan(product, meter, annual_quantity)");
  return *v.plan;
}

}  // namespace

// A fee by id or name: a bare name is the fee's own first (licence), else a binding holding one.
std::size_t Interpreter::fee_index(const Product& p, const Expr& arg) {
  std::string name = arg.text;
  bool bound = globals_.count(name) > 0 || (!frames_.empty() && frames_.back().count(name) > 0);
  if (arg.kind != Expr::Kind::text && !(arg.kind == Expr::Kind::variable && (p.find_fee(name) || !bound))) {
    Value v = evaluate(arg);
    if (v.kind != Kind::text)
      fail(arg.span, "type", fmt::format("expected the name of a fee of {}, not {}", p.id, kind_name(v.kind)));
    name = v.text;
  }
  if (auto f = p.find_fee(name)) return *f;
  fail(arg.span, "unknown-fee", fmt::format("product {} has no fee '{}'", p.id, name),
       fmt::format("fees: {}", fee_names(p)));
}

// Sets one dimension's quantity; a dimension given twice is a mistake, not a sum.
void Interpreter::set_dimension(FeePurchase& purchase, std::vector<bool>& given, const Fee& fee, const ast::Name& name,
                                const Expr& q) {
  std::size_t i = dimension_of(fee, name);
  if (given[i]) fail(name.span, "duplicate-dimension", fmt::format("fee {}: {} is given twice", fee.id, name.text));
  given[i] = true;
  purchase.quantities[i] = quantity_of(q);
}

// fee = NAME [QTY] [DIM = QTY ...] in a bill: dimensions not given take their default quantity.
FeePurchase Interpreter::fee_purchase(const Product& p, const FeeSpec& spec) {
  Expr name;
  name.kind = Expr::Kind::variable;
  name.text = spec.fee.text;
  name.span = spec.fee.span;
  FeePurchase purchase{fee_index(p, name), {}};
  const Fee& fee = p.fees[purchase.fee];
  for (const auto& d : fee.dimensions) purchase.quantities.push_back(d.default_quantity());
  std::vector<bool> given(fee.dimensions.size(), false);
  if (spec.first) {
    if (fee.dimensions.empty())
      fail(spec.first->span, "unknown-dimension", fmt::format("fee {} has no dimension to buy", fee.id));
    set_dimension(purchase, given, fee, {fee.dimensions.front().name, spec.first->span}, *spec.first);
  }
  for (const auto& [dim, q] : spec.dimensions) set_dimension(purchase, given, fee, dim, *q);
  return purchase;
}

// fee(PRODUCT, NAME, [QTY,] DIM = QTY, ...): the fee's amount; a quantity outside its limits is an error.
Value Interpreter::fee_call(const Expr& e) {
  if (e.args.size() < 2)
    fail(e.span, "arity", "fee takes a product, the fee's name, then DIMENSION = QUANTITY for each dimension",
         fee_usage);
  const Product& p = product_arg(e, 0);
  FeeSpec spec;
  const Expr& name = positional(e, 1);
  spec.fee = {name.text, name.span};
  std::size_t index = fee_index(p, name);
  spec.fee.text = p.fees[index].id;
  for (std::size_t i = 2; i < e.args.size(); ++i) {
    const Arg& a = e.args[i];
    if (a.name && a.value)
      spec.dimensions.emplace_back(*a.name, a.value);
    else if (i == 2 && a.value)
      spec.first = a.value;
    else
      fail(a.span, "arity", "after the fee's name, fee takes DIMENSION = QUANTITY", fee_usage);
  }
  FeePurchase purchase = fee_purchase(p, spec);
  return money_of(p, fee_amount(p.id, p.fees[purchase.fee], purchase.quantities));
}

// plan(PRODUCT, METER, ANNUAL_QUANTITY): what `tariff plan` computes, as a value.
Value Interpreter::plan_call(const Expr& e) {
  expect_args(e, 3, "plan(product, meter, annual_quantity), e.g. plan(p, m, 30万)");
  const Product& p = product_arg(e, 0);
  MeterIndex m = meter_arg(e, p, positional(e, 1));
  Decimal volume = number_arg(e, 2);
  Value v;
  v.kind = Kind::plan;
  v.plan = std::make_shared<Plan>(plan_purchase(p, m, volume));
  v.product = &p;
  v.rules = rules_;
  return v;
}

// plan_cost, plan_one_size, plan_postpaid (money) and winner ("packs", "postpaid", "tie", "none").
Value Interpreter::plan_part(const Expr& e) {
  expect_args(e, 1, "plan_cost(plan), plan_one_size(plan), plan_postpaid(plan) or winner(plan)");
  Value v = evaluate(positional(e, 0));
  const Plan& plan = plan_of(positional(e, 0), v);
  const Product& p = *plan.product;
  if (e.text == "winner") return Value::string(plan_winner_name(plan.winner));
  if (e.text == "plan_postpaid") {
    if (!plan.postpaid.unavailable.empty())
      fail(e.span, "not-priced", fmt::format("postpaid cannot price this plan: {}", plan.postpaid.unavailable));
    return money_of(p, plan.postpaid.cost);
  }
  if (!plan.cheapest)
    fail(e.span, "no-packs", fmt::format("{} sells no packs for {}", p.id, p.meters[plan.meter].display_name()));
  return money_of(p, e.text == "plan_cost" ? plan.cheapest->cost : plan.one_size->cost);
}

}  // namespace tariff::script
