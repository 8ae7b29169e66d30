// The built-ins for a product's fees and purchase plans: fee(P, NAME, DIM = Q, ...), the fees a
// bill buys (fee = NAME ...), plan(P, METER, ANNUAL_QTY) and what a plan says.
#include <fmt/format.h>

#include "interpreter/model/fee.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/report/format_plan.hpp"
#include "interpreter/script/builtins.hpp"
#include "interpreter/script/call.hpp"

namespace tariff::script::builtin {

namespace {

// A fee by id or name: a bare name is the fee's own first (licence), else a binding holding one.
std::size_t fee_index(Call& call, const Product& p, const Expr& arg) {
  std::string name = arg.text;
  if (arg.kind != Expr::Kind::text && !(arg.kind == Expr::Kind::variable && (p.find_fee(name) || !call.bound(name)))) {
    Value v = call.evaluate(arg);
    const auto* text = std::get_if<std::string>(&v);
    if (!text) fail(arg.span, "type", fmt::format("expected the name of a fee of {}, not {}", p.id, kind_name(v)));
    name = *text;
  }
  return resolve_fee(p, {name, arg.span});
}

}  // namespace

// fee = NAME [QTY] [DIM = QTY ...] in a bill: dimensions not given take their default quantity.
void add_fee(Call& call, RequestBuilder& request, const Product& p, const FeeSpec& spec) {
  Expr name;
  name.kind = Expr::Kind::variable;
  name.text = spec.fee.text;
  name.span = spec.fee.span;
  Name fee{p.fees[fee_index(call, p, name)].id, spec.fee.span};
  std::optional<std::pair<Span, Decimal>> first;
  if (spec.first) first = {spec.first->span, call.quantity(*spec.first)};
  std::vector<std::pair<Name, Decimal>> dimensions;
  for (const auto& [dim, q] : spec.dimensions) dimensions.emplace_back(dim, call.quantity(*q));
  request.fee(fee, first, dimensions);
}

// fee(PRODUCT, NAME, [QTY,] DIM = QTY, ...): the fee's amount; a quantity outside its limits is an error.
Value fee(Call& call) {
  const Expr& e = call.expr;
  const Product& p = call.product(0);
  FeeSpec spec;
  const Expr& name = call.positional(1);
  spec.fee = {name.text, name.span};
  std::size_t index = fee_index(call, p, name);
  spec.fee.text = p.fees[index].id;
  for (std::size_t i = 2; i < e.args.size(); ++i) {
    const Arg& a = e.args[i];
    if (a.name && a.value)
      spec.dimensions.emplace_back(*a.name, a.value);
    else if (i == 2 && a.value)
      spec.first = a.value;
    else
      fail(a.span, "arity", "after the fee's name, fee takes DIMENSION = QUANTITY", std::string(call.usage()));
  }
  RequestBuilder request(p);
  add_fee(call, request, p, spec);
  const FeePurchase& purchase = request.request().fees.front();
  return Call::money(p, fee_amount(p.id, p.fees[purchase.fee], purchase.quantities));
}

// plan(PRODUCT, METER, ANNUAL_QUANTITY): what `tariff plan` computes, as a value.
Value plan(Call& call) {
  const Product& p = call.product(0);
  MeterIndex m = call.meter(p, 1);
  Decimal volume = call.number(2);
  return PlanValue{std::make_shared<Plan>(plan_purchase(p, m, volume)), call.rules()};
}

namespace {

// The plan argument; shared, since the value it came in may be all that holds it.
std::shared_ptr<const Plan> plan_arg(Call& call) {
  Value v = call.value(0);
  auto* plan = std::get_if<PlanValue>(&v);
  if (!plan)
    fail(call.positional(0).span, "type", fmt::format("expected a plan, not {}", kind_name(v)),
         "plan(product, meter, annual_quantity)");
  return std::move(plan->plan);
}

// A plan with packs (the cheapest, and the cheapest in one size): none when the meter sells none.
std::shared_ptr<const Plan> plan_with_packs(Call& call) {
  auto plan = plan_arg(call);
  const Product& p = *plan->product;
  if (!plan->cheapest)
    fail(call.span(), "no-packs", fmt::format("{} sells no packs for {}", p.id, p.meters[plan->meter].display_name()));
  return plan;
}

}  // namespace

Value plan_cost(Call& call) {
  auto plan = plan_with_packs(call);
  return Call::money(*plan->product, plan->cheapest->cost);
}

Value plan_one_size(Call& call) {
  auto plan = plan_with_packs(call);
  return Call::money(*plan->product, plan->one_size->cost);
}

Value plan_postpaid(Call& call) {
  auto plan = plan_arg(call);
  if (!plan->postpaid.unavailable.empty())
    fail(call.span(), "not-priced", fmt::format("postpaid cannot price this plan: {}", plan->postpaid.unavailable));
  return Call::money(*plan->product, plan->postpaid.cost);
}

// "packs", "postpaid", "tie" or "none".
Value winner(Call& call) { return std::string(plan_winner_name(plan_arg(call)->winner)); }

}  // namespace tariff::script::builtin
