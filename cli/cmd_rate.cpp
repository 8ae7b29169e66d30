// tariff rate [USAGE.csv | -] [--out FILE] [--format csv|jsonl] [--rejects FILE] [--jobs N] [--detail]
//             [--packs FILE]
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
#include "interpreter/batch/rate.hpp"
#include "interpreter/report/format_price.hpp"

namespace tariff::cli {

namespace {

using namespace tariff::rate;

// A field as CSV needs it: quoted when it holds a comma, a quote or a line break.
std::string csv(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

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
      out += csv(f.text);
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

void write_rows(OutputFile& to, const Result& r, bool jsonl, bool detail) {
  std::string out;
  if (!jsonl)
    out = detail ? "account,month,product,meter,currency,usage,free,packs,postpaid,band,unit_price,amount,bands\n"
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
              {"band", band},
              {"unit_price", one_price ? l.unit_price.to_string() : ""},
              {"amount", l.amount.to_string()},
              bands_field(p.meters[l.meter], l)});
    }
    if (out.size() > (1U << 20)) to.write(out), out.clear();
  }
  to.write(out);
}

// To the --rejects file as CSV, or to stderr as messages.
void write_rejects(Result& r, OutputFile& to) {
  bool csv_file = !to.is_standard();
  std::string out = csv_file ? "line,rows,reason\n" : "";
  for_each_reject(r, [&](const Reject& j) {
    if (csv_file)
      out += fmt::format("{},{},{}\n", j.line, j.rows, csv(j.reason));
    else
      out +=
          fmt::format("tariff: line {}: {}{}\n", j.line, j.reason, j.rows > 1 ? fmt::format(" ({} rows)", j.rows) : "");
    if (out.size() > (1U << 20)) to.write(out), out.clear();
  });
  to.write(out);
}

void write_summary(const Result& r) {
  const Summary& s = r.summary;
  std::cerr << fmt::format("rate: {} rows read, {} rated, {} rejected ({} rejects); {} accounts\n", s.rows_read,
                           s.rows_rated, s.rows_rejected, r.reject_count, s.accounts);
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
        "rate: {}: the minimum commitment is not trued up by rate (bill the period's last month with "
        "tariff bill --period-spent)\n",
        id);
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

}  // namespace

int cmd_rate(Args args) {
  auto paths = rule_paths(args);
  auto out_path = args.take("--out");
  auto format = args.take("--format").value_or("csv");
  auto rejects_path = args.take("--rejects");
  auto packs_path = args.take("--packs");
  Options options;
  options.jobs = parse_jobs(args.take("--jobs"));
  options.detail = args.take_flag("--detail");
  args.expect_no_options();
  if (format != "csv" && format != "jsonl")
    throw UsageError(fmt::format("--format must be csv or jsonl, not '{}'", format));
  if (args.words.size() > 1) throw UsageError("rate takes one usage file (or - for stdin)");
  std::string input = args.words.empty() ? "-" : args.words.front();
  std::vector<NamedPath> outputs, inputs{{"the usage file", input}};
  if (out_path) outputs.push_back({"--out", *out_path});
  if (rejects_path) outputs.push_back({"--rejects", *rejects_path});
  if (packs_path) inputs.push_back({"--packs", *packs_path});
  check_distinct_files(outputs, inputs);
  auto rules = std::make_optional(load(paths));
  OutputFile bills(out_path), rejects(rejects_path, stderr);

  Result result;
  try {
    HeldPacks packs = packs_path ? read_packs(*rules, *packs_path) : HeldPacks{};
    Progress progress(input_size(input));
    options.progress = progress.counter();
    result = rate_file(*rules, input, packs, options);
  } catch (const RateError& e) {
    throw UsageError(e.what());
  }
  write_rows(bills, result, format == "jsonl", options.detail);
  bills.commit();
  write_rejects(result, rejects);
  rejects.commit();
  write_summary(result);
  return result.reject_count == 0 ? ok : problems;
}

}  // namespace tariff::cli
