// tariff simulate [FILE...] [--scenario TITLE] [--json]: scenarios played month by month
// (billing/simulate.hpp). FILEs are scenario files loaded on top of the rules; without them every
// scenario of the rules is played. Each month: its bill, what expired as it began, what each
// ledger entry gave, the freeze released and the new one, then the ledger it leaves; at the end
// the period's total and what went through the ledger.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/base/json.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_ledger.hpp"

namespace tariff::cli {

namespace {

LedgerFlow sum(const std::vector<LedgerFlow>& flows) {
  LedgerFlow all;
  for (const LedgerFlow& f : flows) all += f;
  return all;
}

void print_text(const Scenario& s, const Simulation& sim) {
  const Product& p = *s.product;
  std::cout << fmt::format("scenario \"{}\" ({})\n", s.example.title, p.id);
  std::optional<Decimal> held;  // the freeze the month before left
  for (const SimulatedMonth& m : sim.months) {
    std::cout << fmt::format("\n== {}\n", month_text(m.month));
    if (!m.settled) {
      std::cout << render(m.error->diagnostic({}, "cannot bill: "));
      continue;
    }
    const AccountMonth& a = *m.settled;
    for (const LedgerEntry& e : a.expired)
      std::cout << fmt::format("expired as the month began: {}, {} calls left\n", ledger_entry_text(p, e),
                               e.remaining.to_string());
    std::cout << format_bill_text(a.bill);
    for (const LedgerDraw& d : a.draws)
      std::cout << fmt::format("drawn from {}: {}\n", ledger_entry_text(p, d.entry), d.drawn.to_string());
    if (held) std::cout << fmt::format("freeze of the month before released: {} {}\n", held->to_string(), p.currency);
    held = a.bill.freeze;
    std::cout << "ledger after the month:" << (m.ledger.entries.empty() ? " empty\n" : "\n");
    for (const LedgerEntry& e : m.ledger.entries)
      std::cout << fmt::format("  {}: {} {}\n", ledger_entry_text(p, e), e.remaining.to_string(),
                               e.holds_calls() ? "left" : p.currency + " left to bill");
  }
  LedgerFlow f = sum(sim.flows);
  std::cout << fmt::format("\ntotal over {} months: {} {}\n", sim.months.size(), sim.total.to_string(), p.currency);
  std::cout << fmt::format("ledger in calls: bought {}, included {}, granted {}, drawn {}, expired {}, left {}\n",
                           f.bought.to_string(), f.included.to_string(), f.granted.to_string(), f.drawn.to_string(),
                           f.expired.to_string(), remaining(sim.closing(), std::nullopt).to_string());
}

void entries_json(JsonWriter& w, const Product& p, const std::vector<LedgerEntry>& entries) {
  w.begin_array();
  for (const LedgerEntry& e : entries) {
    w.begin_object();
    w.key("meter");
    e.holds_calls() ? w.string(p.meters[e.meter].id) : w.null();
    w.key("kind").string(to_string(e.kind));
    w.key("pack").string(e.size_text);
    w.key("bought");
    e.bought ? w.string(month_text(*e.bought)) : w.null();
    w.key("expires");
    e.expires ? w.string(month_text(*e.expires)) : w.null();
    w.key("remaining").string(e.remaining.to_string());
    w.end_object();
  }
  w.end_array();
}

void write_json(JsonWriter& w, const Scenario& s, const Simulation& sim) {
  const Product& p = *s.product;
  w.begin_object();
  w.key("scenario").string(s.example.title);
  w.key("product").string(p.id);
  w.key("months").begin_array();
  for (const SimulatedMonth& m : sim.months) {
    w.begin_object();
    w.key("month").string(month_text(m.month));
    w.key("bill");
    m.settled ? w.value(format_bill_json(m.settled->bill)) : w.null();
    w.key("error");
    m.error ? w.string(m.error->what()) : w.null();
    w.key("expired");
    entries_json(w, p, m.settled ? m.settled->expired : std::vector<LedgerEntry>{});
    w.key("drawn").begin_array();
    for (const LedgerDraw& d : m.settled ? m.settled->draws : std::vector<LedgerDraw>{}) {
      w.begin_object();
      w.key("meter").string(p.meters[d.entry.meter].id);
      w.key("kind").string(to_string(d.entry.kind));
      w.key("pack").string(d.entry.size_text);
      w.key("drawn").string(d.drawn.to_string());
      w.end_object();
    }
    w.end_array();
    w.key("ledger");
    entries_json(w, p, m.ledger.entries);
    w.end_object();
  }
  w.end_array();
  w.key("total").string(sim.total.to_string());
  w.key("currency").string(p.currency);
  w.end_object();
}

}  // namespace

int cmd_simulate(Args args) {
  auto paths = rule_paths(args);
  bool json = args.take_flag("--json");
  auto only = args.take("--scenario");
  args.expect_no_options();
  std::vector<std::string> all = paths;
  all.insert(all.end(), args.words.begin(), args.words.end());
  RuleSet rules = load(all);
  std::vector<const Scenario*> chosen;
  for (const Scenario& s : rules.catalog.scenarios) {
    bool in_files = args.words.empty();
    for (const auto& w : args.words)
      in_files = in_files || (s.example.span.valid() && s.example.span.source->name == w);
    if (in_files && (!only || s.example.title.find(*only) != std::string::npos)) chosen.push_back(&s);
  }
  if (chosen.empty())
    throw UsageError(only ? fmt::format("no scenario titled '{}'", *only)
                          : "no scenario to play: a scenario is a `scenario \"TITLE\" { product … month … }` block");
  JsonWriter w;
  if (json) w.begin_array();
  for (const Scenario* s : chosen) {
    Simulation sim = simulate(*s->product, s->example);
    if (json)
      write_json(w, *s, sim);
    else
      print_text(*s, sim), std::cout << (s == chosen.back() ? "" : "\n");
  }
  if (json) std::cout << w.end_array().str() << "\n";
  return ok;
}

}  // namespace tariff::cli
