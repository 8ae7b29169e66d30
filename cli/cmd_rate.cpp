// tariff rate [USAGE.csv | -] [--out FILE] [--format csv|jsonl] [--rejects FILE] [--jobs N] [--detail]
//             [--packs FILE | --purchases BUY.csv --ledger OPEN.csv --ledger-out CLOSE.csv
//              --accounts STATES.csv --alerts FILE]
// Over 300 lines: the command's outputs (bills, rejects, summary, ledger, alerts) and its progress
// bar are each short and only this command writes them.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/common.hpp"
#include "interpreter/base/json.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/rate.hpp"
#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_price.hpp"

namespace tariff::cli {

namespace {

using namespace tariff::rate;

// A field of an output record: its text (a CSV cell, a JSON string), or, for JSON, a value already
// written as JSON (the list of bands).
struct Field {
  const char* name;
  std::string text;
  std::string json = {};
};

// One output record: names and values in order, written as a CSV line or a JSON object.
void record(std::string& out, bool jsonl, const std::vector<Field>& fields) {
  bool first = true;
  out += jsonl ? "{" : "";
  for (const auto& f : fields) {
    if (!first) out += ',';
    first = false;
    if (jsonl)
      out += fmt::format("\"{}\":{}", f.name, f.json.empty() ? json_quote(f.text) : f.json);
    else
      out += csv_field(f.text);
  }
  out += jsonl ? "}\n" : "\n";
}

// What each band charged, as CSV text ("[1, 1] 1 × 300000 = 300000; [2, ∞) 2 × 30000 = 60000")
// and as a JSON list of {band, quantity, unit_price, amount}, as `bill --json` writes it.
Field bands_field(const Meter& m, const Line& l) {
  Field f{"bands", "", "["};
  std::vector<BandCharge> charges = band_charges(l.charge(), l.postpaid);
  for (const auto& c : charges) {
    const std::string& band = m.postpaid->schedule->bands[c.band].text;
    f.text += fmt::format("{}{} {}", f.text.empty() ? "" : "; ", band, band_charge_text(c));
    JsonWriter w;
    w.begin_object();
    w.key("band").string(band);
    w.key("quantity").string(c.quantity.to_string());
    w.key("unit_price").string(c.unit_price.to_string());
    if (!c.flat.is_zero()) w.key("flat").string(c.flat.to_string());
    if (c.packages) w.key("packages").string(c.packages->to_string());
    w.key("amount").string(c.amount.to_string());
    w.end_object();
    f.json += (f.json.size() > 1 ? "," : "") + w.str();
  }
  f.json += "]";
  return f;
}

// The payable amount beside the exact total: empty in CSV, null in JSON, where the product's rules
// do not round it (the summary names those products).
Field payable_field(const Row& row) {
  if (row.payable) return {"payable", row.product->payable->written(*row.payable)};
  return {"payable", "", "null"};
}

// A bill's line besides its meters' (a pack or fee bought, a recurring fee, a true-up): its
// amount, what it is in `charge`, and the bill's text of it in `note`; the meter's columns empty
// (null in JSON) but a pack's meter, so that a bill's amounts sum to its total.
void write_charge(std::string& out, bool jsonl, const std::string& account, const std::string& month,
                  const Product& p, const ChargeLine& c) {
  struct Described {
    std::string meter, charge, text;
  };
  Described d = std::visit(
      [&](const auto& line) -> Described {
        using T = std::decay_t<decltype(line)>;
        if constexpr (std::is_same_v<T, PurchaseLine>) return {p.meters[line.meter].id, "pack", purchase_text(p, line)};
        if constexpr (std::is_same_v<T, FeeLine>) return {"", "fee", fee_text(p, line)};
        if constexpr (std::is_same_v<T, RecurringLine>) return {"", "recurring", recurring_text(p, line)};
        if constexpr (std::is_same_v<T, TrueUp>) return {"", "true_up", true_up_text(p, line, std::nullopt)};
      },
      c.what);
  auto empty = [](const char* name) { return Field{name, "", "null"}; };
  record(out, jsonl,
         {{"account", account},
          {"month", month},
          {"product", p.id},
          {"meter", d.meter, d.meter.empty() ? "null" : ""},
          {"currency", p.currency},
          empty("usage"),
          empty("free"),
          empty("packs"),
          empty("postpaid"),
          empty("band"),
          empty("unit_price"),
          {"amount", c.amount().to_string()},
          {"bands", "", "[]"},
          {"charge", d.charge},
          {"note", d.text}});
}

void write_rows(OutputFile& to, const Result& r, bool jsonl, bool detail) {
  std::string out;
  if (!jsonl)
    out = detail ? "account,month,product,meter,currency,usage,free,packs,postpaid,band,unit_price,amount,bands,charge,note\n"
                 : "account,month,product,currency,total,payable\n";
  for (const Row& row : r.rows) {
    const std::string& account = r.accounts[row.account];
    std::string month = month_text(row.month);
    const Product& p = *row.product;
    if (!detail)
      record(out, jsonl,
             {{"account", account},
              {"month", month},
              {"product", p.id},
              {"currency", p.currency},
              {"total", row.total.to_string()},
              payable_field(row)});
    for (std::uint32_t i = 0; detail && i < row.line_count; ++i) {
      const Line& l = r.lines[row.first_line + i];
      const auto& prices = p.meters[l.meter].postpaid;
      std::string band = l.band && prices ? prices->schedule->bands[*l.band].text : "";
      bool one_price = l.band && l.crossed.empty();  // a graduated line has no one unit price
      record(out, jsonl,
             {{"account", account},
              {"month", month},
              {"product", p.id},
              {"meter", p.meters[l.meter].id},
              {"currency", p.currency},
              {"usage", l.usage.to_string()},
              {"free", l.free.to_string()},
              {"packs", l.packs.to_string()},
              {"postpaid", l.postpaid.to_string()},
              // Empty is null in JSON, as `bill --json` writes it.
              {"band", band, band.empty() ? "null" : ""},
              {"unit_price", one_price ? l.unit_price.to_string() : "", one_price ? "" : "null"},
              {"amount", l.amount.to_string()},
              bands_field(p.meters[l.meter], l),
              {"charge", "meter"},
              {"note", "", "null"}});
    }
    for (std::uint32_t i = 0; detail && i < row.charge_count; ++i)
      write_charge(out, jsonl, account, month, p, r.charges[row.first_charge + i]);
    if (out.size() > (1U << 20)) to.write(out), out.clear();
  }
  to.write(out);
}

// To the --rejects file as CSV, or to stderr as messages. Over time the CSV has a `file` column
// (empty for the usage file): a purchases, ledger or states row can be rejected too.
void write_rejects(Result& r, OutputFile& to, bool over_time) {
  bool csv_file = !to.is_standard();
  std::string out = csv_file ? (over_time ? "line,rows,reason,file\n" : "line,rows,reason\n") : "";
  for_each_reject(r, [&](const Reject& j) {
    if (csv_file)
      out += fmt::format("{},{},{}{}\n", j.line, j.rows, csv_field(j.reason), over_time ? fmt::format(",{}", csv_field(j.file)) : std::string());
    else
      out += fmt::format("tariff: {}line {}: {}{}\n", j.file.empty() ? "" : j.file + ": ", j.line, j.reason,
                         j.rows > 1 ? fmt::format(" ({} rows)", j.rows) : "");
    if (out.size() > (1U << 20)) to.write(out), out.clear();
  });
  to.write(out);
}

void write_summary(const Result& r) {
  const Summary& s = r.summary;
  std::cerr << fmt::format("rate: {} rows read, {} rated, {} rejected ({} rejects); {} accounts\n", s.rows_read,
                           s.rows_rated, s.rows_rejected, r.reject_count, s.accounts);
  if (s.bills_without_usage > 0)
    std::cerr << fmt::format(
        "rate: {} bill{} without usage rows (a month's purchases, an account's state with a recurring fee or "
        "minimum, or a commitment year's last month)\n",
        s.bills_without_usage, s.bills_without_usage == 1 ? "" : "s");
  for (const auto& [currency, total] : s.totals)
    std::cerr << fmt::format("rate: total {} {}\n", currency, total.to_string());
  for (const auto& [currency, payable] : s.payable)
    std::cerr << fmt::format("rate: payable {} {}\n", currency, payable.to_string());
  if (!s.not_rounded.empty()) {
    std::string products;
    for (const auto& id : s.not_rounded) products += (products.empty() ? "" : ", ") + id;
    std::cerr << fmt::format("rate: payable not rounded (no rounding rule): {}\n", products);
  }
  for (const auto& id : s.committed)
    std::cerr << fmt::format(
        "rate: {}: the minimum commitment is not trued up by a run without accounts over time (give --ledger, "
        "--purchases or --accounts to keep each account's period, or bill the period's last month with tariff "
        "bill --period-spent)\n",
        id);
  for (const auto& id : s.idle_unknown)
    std::cerr << fmt::format(
        "rate: {}: only months with usage rows are billed (their recurring fee and minimum included); give "
        "--accounts STATES.csv to bill the accounts in a state without usage\n",
        id);
  for (const auto& [currency, f] : s.ledger)
    std::cerr << fmt::format(
        "rate: ledger {} in calls: opening {}, bought {}, included {}, granted {}, drawn {}, expired {}, closing {}\n",
        currency, f.opening.to_string(), f.bought.to_string(), f.included.to_string(), f.granted.to_string(),
        f.drawn.to_string(), f.expired.to_string(), f.closing.to_string());
  if (!s.ledger.empty())
    std::cerr << "rate: conservation check held: opening + bought + included + granted = drawn + expired + closing\n";
}

void write_ledger(const Result& r, OutputFile& to) {
  std::string out = std::string(ledger_header) + "\n";
  for (const LedgerRow& row : r.closing) out += ledger_row_csv(row.account, *row.product, row.entry);
  to.write(out);
}

void write_alerts(const Result& r, OutputFile& to) {
  std::string out = "account,month,product,meter,pack,alert,remaining\n";
  for (const Alert& a : r.alerts)
    out += fmt::format("{},{},{},{},{},{},{}\n", csv_field(a.account), month_text(a.month), a.product->id,
                       a.product->meters[a.meter].id, csv_field(a.pack), a.kind, a.remaining.to_string());
  to.write(out);
}

// A progress bar on stderr while rating takes longer than a second, only on a terminal.
class Progress {
 public:
  explicit Progress(std::optional<std::uint64_t> size) : size_(size) {
    if (::isatty(STDERR_FILENO)) thread_ = std::thread([this] { run(); });
  }
  ~Progress() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  std::atomic<std::uint64_t>* counter() { return &bytes_; }

 private:
  std::optional<std::uint64_t> size_;
  std::atomic<std::uint64_t> bytes_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;

  void run() {
    using namespace std::chrono_literals;
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, 1s, [&] { return done_; })) return;
    while (!wake_.wait_for(lock, 200ms, [&] { return done_; })) draw();
    std::cerr << "\r\033[K" << std::flush;
  }

  void draw() {
    double mb = static_cast<double>(bytes_.load()) / 1e6;  // display only, never money
    if (!size_ || *size_ == 0) {
      std::cerr << fmt::format("\rrating: {:.0f} MB read", mb) << std::flush;
      return;
    }
    double part = std::min(1.0, static_cast<double>(bytes_.load()) / static_cast<double>(*size_));
    int filled = static_cast<int>(part * 30);
    std::cerr << fmt::format("\rrating [{}{}] {:3.0f}% {:.0f} MB", std::string(static_cast<std::size_t>(filled), '#'),
                             std::string(static_cast<std::size_t>(30 - filled), ' '), part * 100, mb)
              << std::flush;
  }
};

unsigned parse_jobs(const std::optional<std::string>& text) {
  unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  if (!text) return cores;
  constexpr unsigned most = 1024;
  unsigned n = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') throw UsageError(fmt::format("--jobs needs a number of threads, not '{}'", *text));
    n = std::min(n * 10 + static_cast<unsigned>(c - '0'), most + 1);  // any larger number is out of range
  }
  if (text->empty()) throw UsageError("--jobs needs a number of threads");
  if (n == 0 || n > most) throw UsageError(fmt::format("--jobs must be between 1 and 1024, not '{}'", *text));
  return n;
}

// --purchases, --ledger, --accounts: the files a run over months reads beside its usage.
struct OverTime {
  std::optional<std::string> purchases, ledger, ledger_out, accounts, alerts;
  bool any() const { return purchases || ledger || ledger_out || accounts || alerts; }
};

AccountData read_account_data(const RuleSet& rules, const OverTime& files) {
  AccountData data;
  data.over_time = true;
  if (files.purchases) read_purchases(rules, *files.purchases, data);
  if (files.ledger) read_ledger(rules, *files.ledger, data);
  if (files.accounts) read_account_states(rules, *files.accounts, data);
  return data;
}

}  // namespace

int cmd_rate(Args args) {
  auto paths = rule_paths(args);
  auto out_path = args.take("--out");
  auto format = args.take("--format").value_or(args.take_flag("--json") ? "jsonl" : "csv");
  if (format == "json") format = "jsonl";
  auto rejects_path = args.take("--rejects");
  auto packs_path = args.take("--packs");
  OverTime files{args.take("--purchases"), args.take("--ledger"), args.take("--ledger-out"), args.take("--accounts"),
                 args.take("--alerts")};
  Options options;
  options.jobs = parse_jobs(args.take("--jobs"));
  options.detail = args.take_flag("--detail");
  args.expect_no_options();
  if (format != "csv" && format != "jsonl")
    throw UsageError(fmt::format("--format must be csv or jsonl, not '{}'", printable(format)),
                     did_you_mean(format, {"csv", "jsonl"}));
  if (args.words.size() > 1) throw UsageError("rate takes one usage file (or - for stdin)");
  if (packs_path && files.any())
    throw UsageError("--packs holds packs without dates; over months give them as a --ledger instead");
  std::string input = args.words.empty() ? "-" : args.words.front();
  std::vector<NamedPath> outputs, inputs{{"the usage file", input}};
  if (out_path) outputs.push_back({"--out", *out_path});
  if (rejects_path) outputs.push_back({"--rejects", *rejects_path});
  if (files.ledger_out) outputs.push_back({"--ledger-out", *files.ledger_out});
  if (files.alerts) outputs.push_back({"--alerts", *files.alerts});
  if (packs_path) inputs.push_back({"--packs", *packs_path});
  if (files.purchases) inputs.push_back({"--purchases", *files.purchases});
  if (files.ledger) inputs.push_back({"--ledger", *files.ledger});
  if (files.accounts) inputs.push_back({"--accounts", *files.accounts});
  check_distinct_files(outputs, inputs);
  auto rules = std::make_optional(load(paths));
  OutputFile bills(out_path), rejects(rejects_path, stderr);
  std::optional<OutputFile> ledger_out, alerts;
  if (files.ledger_out) ledger_out.emplace(files.ledger_out);
  if (files.alerts) alerts.emplace(files.alerts);

  Result result;
  AccountData data;
  try {
    HeldPacks packs = packs_path ? read_packs(*rules, *packs_path) : HeldPacks{};
    if (files.any()) data = read_account_data(*rules, files);
    Progress progress(input_size(input));
    options.progress = progress.counter();
    options.accounts = files.any() ? &data : nullptr;
    result = rate_file(*rules, input, packs, options);
  } catch (const RateError& e) {
    throw UsageError(e.what());
  }
  write_rows(bills, result, format == "jsonl", options.detail);
  bills.commit();
  write_rejects(result, rejects, files.any());
  rejects.commit();
  if (ledger_out) write_ledger(result, *ledger_out), ledger_out->commit();
  if (alerts) write_alerts(result, *alerts), alerts->commit();
  write_summary(result);
  return result.reject_count == 0 ? ok : problems;
}

}  // namespace tariff::cli
