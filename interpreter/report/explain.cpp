#include "interpreter/report/explain.hpp"

#include <fmt/format.h>

#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_price.hpp"

namespace tariff {

namespace {

std::string g(const Decimal& d) { return d.to_string_grouped(','); }

class ExplainWriter : public SettlementListener {
 public:
  explicit ExplainWriter(const Product& p) : p_(p) {
    std::string order;
    for (auto s : p.settlement) order += (order.empty() ? "" : " > ") + std::string(to_string(s));
    out_ = fmt::format("{} {}: settled {}\n", p.id, p.display_name(), order);
  }
  std::string take() { return std::move(out_); }

  void pack_bought(const PurchaseLine& b) override {
    bought_ += b.amount;
    purchases_ += "bought: " + purchase_text(p_, b) + "\n";
  }
  void recurring_charged(const RecurringLine& r) override {
    charges_ += "fee: " + recurring_text(p_, r) + "\n";
  }
  void trued_up(const TrueUp& t) override {
    const char* kind = t.kind == TrueUp::Kind::minimum   ? "minimum"
                       : t.kind == TrueUp::Kind::maximum ? "maximum"
                                                         : "commitment";
    charges_ +=
        fmt::format("{} {}: {} {}\n", kind, g(t.limit), t.amount.is_negative() ? "cap" : "true-up", g(t.amount));
  }
  void payable(const Payable& p) override {
    out_ += fmt::format("payable: {} {} ({})\n", p_.payable->written(p.total, ','), p_.currency, p_.payable->text());
  }
  void meter_begins(MeterIndex m, const Decimal& usage) override {
    const Meter& meter = p_.meters[m];
    out_ += fmt::format("{} ({}): usage {}\n", meter.display_name(), meter.id, g(usage));
    step_ = 0;
    left_ = usage;
  }
  void pack_drawn(MeterIndex, const PackDraw& d) override {
    left_ -= d.drawn;
    draws_ += fmt::format("       {} pack {}: {} available, {} drawn, {} remain → {} left\n", d.bought() ? "bought" : "held",
                          d.size_text, g(d.available), g(d.drawn), g(d.remaining()), g(left_));
  }
  void postpaid_charged(MeterIndex m, const Decimal& quantity, const PostpaidCharge& charge) override {
    postpaid_ += charge.amount;
    postpaid_line_ = postpaid_text(p_.meters[m], quantity, charge);
  }
  void step_done(MeterIndex, SettlementStep step, const Decimal& taken, const Decimal& left) override {
    int n = ++step_;
    switch (step) {
      case SettlementStep::free:
        out_ += fmt::format("  {}. free quota: {} → {} left\n", n, g(taken), g(left));
        break;
      case SettlementStep::grant:
        out_ += fmt::format("  {}. grant: {} → {} left\n", n, g(taken), g(left));
        break;
      case SettlementStep::packs:
        if (draws_.empty())
          out_ += fmt::format("  {}. packs: none → {} left\n", n, g(left));
        else
          out_ += fmt::format("  {}. packs:\n{}", n, std::exchange(draws_, {}));
        break;
      case SettlementStep::postpaid:
        out_ += fmt::format("  {}. postpaid: {}", n, std::exchange(postpaid_line_, {}));
        break;
    }
    left_ = left;
  }
  // Other charges (fees) may add to the total: the sum is shown only when it is the whole story.
  void total(const Decimal& total) override {
    out_ += purchases_ + charges_;
    if (postpaid_ + bought_ == total)
      out_ += fmt::format("total: {} postpaid + {} packs bought = {} {}\n", g(postpaid_), g(bought_), g(total),
                          p_.currency);
    else
      out_ += fmt::format("total: {} {}\n", g(total), p_.currency);
  }
  void freeze(const Decimal& amount) override { out_ += fmt::format("freeze for next month: {} {}\n", g(amount), p_.currency); }
  void alert(const std::string& text) override { out_ += fmt::format("alert: {}\n", text); }
  void notice(const std::string& text) override { out_ += fmt::format("notice: {}\n", text); }

 private:
  const Product& p_;
  std::string out_, purchases_, charges_, draws_, postpaid_line_;
  Decimal left_, postpaid_, bought_;
  int step_ = 0;

  static std::string postpaid_text(const Meter& m, const Decimal& quantity, const PostpaidCharge& c) {
    if (!c.band) return fmt::format("{} → 0\n", g(quantity));
    const BandSchedule& schedule = *m.postpaid->schedule;
    const auto& bands = schedule.bands;
    auto price = [&](std::size_t band) { return price_text(m.postpaid->prices[band], schedule); };
    if (c.crossed.empty())
      return fmt::format("{} in band {} at {} = {}\n", g(quantity), bands[*c.band].text, price(*c.band), g(c.amount));
    std::string out = fmt::format("{}, each band at its own price:\n", g(quantity));
    for (const auto& b : c.crossed)
      out += fmt::format("       {} in band {} at {} = {}\n", g(b.quantity), bands[b.band].text, price(b.band),
                         g(b.amount));
    return out + fmt::format("       = {}\n", g(c.amount));
  }
};

}  // namespace

std::string explain_bill(const Bill& bill) {
  ExplainWriter writer(*bill.product);
  Settler(*bill.product).settle(bill.request, writer);
  return writer.take();
}

}  // namespace tariff
