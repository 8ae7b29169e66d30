// The built-ins for a product's fees and purchase plans: fee(P, NAME, DIM = Q, ...), the fees a
// bill buys (fee = NAME ...), plan(P, METER, ANNUAL_QTY) and what a plan says.
#include <fmt/format.h>

#include "interpreter/report/format_plan.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/interpreter.hpp"

namespace tariff::script {

namespace {

const char* fee_usage = "fee(PRODUCT, FEE, DIMENSION = QUANTITY, ...), e.g. fee(p, upgrade, day = 7, qps = 100)";

const Plan& plan_of(const Expr& e, const Value& v) {
  const auto* plan = std::get_if<PlanValue>(&v);
  if (!plan)
    fail(e.span, "type", fmt::format("expected a plan, not {}", kind_name(v)), "plan(product, meter, annual_quantity)");
  return *plan->plan;
}

}  // namespace

// A fee by id or name: a bare name is the fee's own first (licence), else a binding holding one.
std::size_t Interpreter::fee_index(const Product& p, const Expr& arg) {
  std::string name = arg.text;
  bool bound = globals_.count(name) > 0 || (!frames_.empty() && frames_.back().count(name) > 0);
  if (arg.kind != Expr::Kind::text && !(arg.kind == Expr::Kind::variable && (p.find_fee(name) || !bound))) {
    Value v = evaluate(arg);
    const auto* text = std::get_if<std::string>(&v);
    if (!text) fail(arg.span, "type", fmt::format("expected the name of a fee of {}, not {}", p.id, kind_name(v)));
    name = *text;
  }
  return resolve_fee(p, {name, arg.span});
}

// fee = NAME [QTY] [DIM = QTY ...] in a bill: dimensions not given take their default quantity.
void Interpreter::add_fee(RequestBuilder& request, const Product& p, const FeeSpec& spec) {
  Expr name;
  name.kind = Expr::Kind::variable;
  name.text = spec.fee.text;
  name.span = spec.fee.span;
  Name fee{p.fees[fee_index(p, name)].id, spec.fee.span};
  std::optional<std::pair<Span, Decimal>> first;
  if (spec.first) first = {spec.first->span, quantity_of(*spec.first)};
  std::vector<std::pair<Name, Decimal>> dimensions;
  for (const auto& [dim, q] : spec.dimensions) dimensions.emplace_back(dim, quantity_of(*q));
  request.fee(fee, first, dimensions);
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
  RequestBuilder request(p);
  add_fee(request, p, spec);
  const FeePurchase& purchase = request.request().fees.front();
  return money_of(p, fee_amount(p.id, p.fees[purchase.fee], purchase.quantities));
}

// plan(PRODUCT, METER, ANNUAL_QUANTITY): what `tariff plan` computes, as a value.
Value Interpreter::plan_call(const Expr& e) {
  expect_args(e, 3, "plan(product, meter, annual_quantity), e.g. plan(p, m, 30万)");
  const Product& p = product_arg(e, 0);
  MeterIndex m = meter_arg(e, p, positional(e, 1));
  Decimal volume = number_arg(e, 2);
  return PlanValue{std::make_shared<Plan>(plan_purchase(p, m, volume)), rules_};
}

// plan_cost, plan_one_size, plan_postpaid (money) and winner ("packs", "postpaid", "tie", "none").
Value Interpreter::plan_part(const Expr& e) {
  expect_args(e, 1, "plan_cost(plan), plan_one_size(plan), plan_postpaid(plan) or winner(plan)");
  Value v = evaluate(positional(e, 0));
  const Plan& plan = plan_of(positional(e, 0), v);
  const Product& p = *plan.product;
  if (e.text == "winner") return std::string(plan_winner_name(plan.winner));
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
