// Batch rating: sums, rejects (each reason), contact sales, held packs, API actions, the summary,
// and output that does not depend on the number of threads.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "interpreter/billing/bill.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/batch/rate.hpp"
#include "support.hpp"
#include "temp_file.hpp"

using namespace tariff;
using namespace tariff::rate;

namespace {

Decimal D(const char* text) { return *Decimal::parse(text); }

const RuleSet& rules() {
  static const RuleSet r = [] {
    Diagnostics d;
    return load_rules({TARIFF_RULES_DIR "/face_recognition.tariff", TARIFF_RULES_DIR "/faceid.tariff"}, d);
  }();
  return r;
}

using tariff::test::TempFile;

Result rate_text(const std::string& text, unsigned jobs = 1, const HeldPacks& packs = {},
                 const RuleSet* catalog = nullptr) {
  TempFile f(text);
  Options o;
  o.jobs = jobs;
  o.detail = true;
  return rate_file(catalog ? *catalog : rules(), f.path, packs, o);
}

// The same, read from a pipe (one stream, as `tariff rate -` reads standard input).
Result rate_pipe(const std::string& text) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    for (std::size_t at = 0; at < text.size();) {
      ssize_t n = ::write(fds[1], text.data() + at, text.size() - at);
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  Options o;
  o.detail = true;
  Result r = rate_file(rules(), "/proc/self/fd/" + std::to_string(fds[0]), {}, o);
  writer.join();
  ::close(fds[0]);
  return r;
}

const std::string header = "account,month,product,meter,quantity\n";

// Everything a result says, as text, for comparing runs.
std::string dump(const Result& r) {
  std::ostringstream out;
  for (const Row& row : r.rows) {
    out << r.accounts[row.account] << ' ' << month_text(row.month) << ' ' << row.product->id << ' ' << row.total
        << '\n';
    for (std::uint32_t i = 0; i < row.line_count; ++i) {
      const Line& l = r.lines[row.first_line + i];
      out << "  " << l.meter << ' ' << l.usage << ' ' << l.free << ' ' << l.packs << ' ' << l.postpaid << ' '
          << l.amount << '\n';
    }
  }
  for (const Reject& j : r.rejects) out << j.line << ' ' << j.rows << ' ' << j.reason << '\n';
  out << r.summary.rows_read << ' ' << r.summary.rows_rated << ' ' << r.summary.rows_rejected << ' '
      << r.summary.accounts << '\n';
  for (const auto& [c, t] : r.summary.totals) out << c << ' ' << t << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("repeated keys are summed, API actions and names reach their meter", "[rate]") {
  Result r = rate_text(header +
                       "acme,2026-10,face_recognition,compare,2000000\n"
                       "acme,2026-10,face_recognition,CompareFace,1500000\n"  // API action of compare
                       "acme,2026-10,face_recognition,五官定位,1000000\n"
                       "beta,2026-10,face_recognition,DetectLiveFace,5000000\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.accounts[r.rows[0].account] == "acme");
  CHECK(r.rows[0].total == D("12450"));  // (3500000 - 10000) x 0.003 + (1000000 - 10000) x 0.002
  CHECK(r.rows[0].line_count == 2);
  CHECK(r.lines[r.rows[0].first_line + 1].usage == D("3500000"));
  CHECK(r.rows[1].total == D("8483"));  // 后付费 示例三
  CHECK(r.summary.rows_read == 4);
  CHECK(r.summary.rows_rated == 4);
  CHECK(r.summary.accounts == 2);
  CHECK(r.summary.totals.at("CNY") == D("20933"));
  CHECK(r.rejects.empty());
}

TEST_CASE("rate reads quantities in the one syntax bill, eval and rule files use", "[rate]") {
  // Regression: rate accepted +5, -0 and "1,000", which bill refuses, and refused 35万, which bill
  // takes. Lines 2-4 are rated (35万 + 1_000 + 1.5亿 calls), lines 5-9 rejected.
  Result r = rate_text(header +
                       "a,2026-10,face_recognition,detect,35万\n"
                       "a,2026-10,face_recognition,detect,1_000\n"
                       "a,2026-10,face_recognition,detect,1.5亿\n"
                       "a,2026-10,face_recognition,detect,+5\n"
                       "a,2026-10,face_recognition,detect,-0\n"
                       "a,2026-10,face_recognition,detect,\"1,000\"\n"
                       "a,2026-10,face_recognition,detect,10_\n"
                       "a,2026-10,face_recognition,detect,1234_567\n");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.lines[r.rows[0].first_line].usage == D("150351000"));
  std::vector<std::pair<std::uint64_t, std::string>> want = {{5, "quantity '+5' has a sign"},
                                                             {6, "quantity '-0' is negative"},
                                                             {7, "quantity '1,000' is not a number"},
                                                             {8, "quantity '10_' is not a number"},
                                                             {9, "quantity '1234_567': digits are not grouped"}};
  REQUIRE(r.rejects.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(r.rejects[i].reason);
    CHECK(r.rejects[i].line == want[i].first);
    CHECK(r.rejects[i].reason.find(want[i].second) != std::string::npos);
  }
}

TEST_CASE("a UTF-8 byte order mark before the header is accepted", "[rate]") {
  // Regression: Excel and WPS write one; it was rejected with two headers that look identical.
  Result r = rate_text("\xEF\xBB\xBF" + header + "a,2026-10,face_recognition,detect,100\n");
  CHECK(r.rows.size() == 1);
  CHECK(r.rejects.empty());
}

TEST_CASE("an account that is not valid UTF-8 is rejected, not copied into the output", "[rate]") {
  Result r = rate_text(header + "a\xff,2026-10,face_recognition,detect,100\n\"\xc3\x28\",2026-10,face_recognition,detect,1\n"
                       "账户,2026-10,face_recognition,detect,1\n");
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].reason == "account 'a\\xff' is not valid UTF-8");
  CHECK(r.rejects[1].line == 3);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.accounts[r.rows[0].account] == "账户");
}

TEST_CASE("an account with a control character is rejected, not copied into the CSV", "[rate]") {
  Result r = rate_text(header + std::string("a\0b,2026-10,face_recognition,detect,1\n", 38) +
                       "\"c\rd\",2026-10,face_recognition,detect,1\n");
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].reason == "account 'a\\x00b' holds a control character");
  CHECK(r.rejects[1].reason == "account 'c\\x0dd' holds a control character");
}

TEST_CASE("the summary adds up bills of any scale exactly, and every bill is written", "[rate]") {
  // Regression: 10^-30 CNY and 10^9 CNY overflowed the summary's Decimal: exit 3, nothing written.
  Diagnostics d;
  RuleSet mixed = test::load_text(
      "product tiny \"T\" {\n  currency CNY\n  meter m \"M\"\n  postpaid volume {\n    | 量 | (0, ∞) |\n"
      "    | m | 0.000000000000000000000000000001 |\n  }\n  settle postpaid\n}\n"
      "product big \"B\" {\n  currency CNY\n  meter m \"M\"\n  postpaid volume {\n    | 量 | (0, ∞) |\n"
      "    | m | 1 |\n  }\n  settle postpaid\n}\n",
      d);
  REQUIRE(d.empty());
  Result r = rate_text(header + "a,2026-10,tiny,m,3\nb,2026-10,big,m,1000000000\n", 1, {}, &mixed);
  CHECK(r.rows.size() == 2);
  CHECK(r.summary.totals.at("CNY").to_string() == "1000000000.000000000000000000000000000003");
}

TEST_CASE("a product too large to key is rejected row by row, the others rated", "[rate]") {
  // Regression: one product of 300 meters refused the whole run (exit 2).
  std::string text = "product many \"M\" {\n  currency CNY\n";
  for (int i = 0; i < 300; ++i) text += "  meter m" + std::to_string(i) + " \"N" + std::to_string(i) + "\"\n";
  text += "  postpaid volume {\n    | q | (0, ∞) |\n";
  for (int i = 0; i < 300; ++i) text += "    | m" + std::to_string(i) + " | 1 |\n";
  text += "  }\n  settle postpaid\n}\n";
  Diagnostics d;
  RuleSet both = load_rules({TARIFF_RULES_DIR "/face_recognition.tariff"}, d);
  load_source(both, test::source(text), d);
  REQUIRE(d.empty());
  Result r = rate_text(header + "a,2026-10,many,m1,5\na,2026-10,face_recognition,detect,100\n", 1, {}, &both);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].reason == "product many has 300 meters, more than batch rating can key (255)");
  CHECK(r.rows.size() == 1);
}

TEST_CASE("a line past 64 KiB is rejected without being held, on a pipe as in a file", "[rate]") {
  // Regression: on a pipe each read re-scanned the whole unfinished line (quadratic: 20 s at
  // 200 MB), and a long line was held whole in memory.
  std::string text = header + "a,2026-10,face_recognition,detect,1\n" + std::string(5 << 20, 'x') +
                     "\nb,2026-10,face_recognition,detect,2\n" + std::string(max_line_bytes + 1, 'y');
  for (unsigned jobs : {0U, 1U, 2U}) {  // 0: through a pipe
    Result r = jobs == 0 ? rate_pipe(text) : rate_text(text, jobs);
    REQUIRE(r.rejects.size() == 2);
    CHECK(r.rejects[0].line == 3);
    CHECK(r.rejects[0].reason == "line longer than 65536 bytes");
    CHECK(r.rejects[1].line == 5);
    CHECK(r.rows.size() == 2);
    CHECK(r.summary.rows_read == 4);
  }
  // A line of exactly the limit is still read (and rejected for its content, not its length).
  Result edge = rate_text(header + std::string(max_line_bytes, 'z') + "\n");
  REQUIRE(edge.rejects.size() == 1);
  CHECK(edge.rejects[0].reason.starts_with("wrong column count"));
}

TEST_CASE("every malformed row is rejected with its line and reason, and counted", "[rate]") {
  Result r = rate_text(header +
                       "a,2026-10,face_recognition,detect,100\n"                   // 2 ok
                       "a,2026-10,face_recognition,detect\n"                       // 3 four columns
                       "a,2026-10,face_recognition,detect,1,2\n"                   // 4 six columns
                       "a,2026-10,nosuch,detect,1\n"                               // 5
                       "a,2026-10,face_recognition,nosuch,1\n"                     // 6
                       "a,2026-10,face_recognition,detect,12x\n"                   // 7
                       "a,2026-10,face_recognition,detect,-5\n"                    // 8
                       "a,2026-13,face_recognition,detect,1\n"                     // 9
                       "a,26-10,face_recognition,detect,1\n"                       // 10
                       ",2026-10,face_recognition,detect,1\n"                      // 11
                       "a,2026-10,face_recognition,detect,1.5\n"                   // 12
                       "\n"                                                        // 13 blank: not a row
                       "a,2026-10,face_recognition,detect,99999999999999999999\n"  // 14
                       "\"a\",2026-10,face_recognition,\"detect\",1.0\n");         // 15 ok (quoted, 1.0)
  std::vector<std::pair<std::uint64_t, std::string>> want = {{3, "wrong column count: 4"},
                                                             {4, "wrong column count: 6"},
                                                             {5, "unknown product 'nosuch'"},
                                                             {6, "product face_recognition has no meter or API action 'nosuch' (meters: "},
                                                             {7, "quantity '12x': unknown unit 'x'"},
                                                             {8, "quantity '-5' is negative"},
                                                             {9, "bad month '2026-13'"},
                                                             {10, "bad month '26-10'"},
                                                             {11, "empty account"},
                                                             {12, "not a whole number"},
                                                             {14, "too large"}};
  REQUIRE(r.rejects.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(r.rejects[i].reason);
    CHECK(r.rejects[i].line == want[i].first);
    CHECK(r.rejects[i].reason.find(want[i].second) != std::string::npos);
  }
  CHECK(r.summary.rows_read == 13);
  CHECK(r.summary.rows_rejected == 11);
  CHECK(r.summary.rows_rated == 2);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.lines[r.rows[0].first_line].usage == D("101"));
}

TEST_CASE("a bill that reaches a contact-sales band is rejected for its account, not priced", "[rate]") {
  Result r = rate_text(header +
                       "x,2026-10,faceid,活体人脸核身,150000\n"
                       "y,2026-10,faceid,照片人脸核身,3000\n"
                       "x,2026-10,faceid,LivenessRecognition,60000\n"  // sums to 21万: [20万, ∞) 联系商务
                       "x,2026-10,faceid,照片人脸核身,10\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 2);  // the first row of the meter that failed
  CHECK(r.rejects[0].rows == 3);  // every row of x's faceid bill
  CHECK(r.rejects[0].reason.find("contact sales") != std::string::npos);
  CHECK(r.rejects[0].reason.find("[20万, ∞)") != std::string::npos);
  CHECK(r.summary.rows_rejected == 3);
  CHECK(r.summary.rows_rated == 1);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.accounts[r.rows[0].account] == "y");
  CHECK(r.rows[0].total == D("2550"));  // 3000 x 0.85 (后付费 示例二)
}

TEST_CASE("held packs are drawn after the free quota and carry from month to month", "[rate]") {
  const Product& fr = *rules().catalog.find("face_recognition");
  HeldPacks packs;
  packs.entries.push_back({"acme", &fr, HeldPack{*fr.find_meter("compare"), D("1000000"), std::nullopt}});
  Result r = rate_text(header +
                           "acme,2026-11,face_recognition,compare,1000000\n"
                           "acme,2026-10,face_recognition,compare,610000\n"
                           "other,2026-10,face_recognition,compare,610000\n",
                       2, packs);
  REQUIRE(r.rows.size() == 3);
  // October: 10000 free, 600000 from the pack, nothing postpaid.
  CHECK(month_text(r.rows[0].month) == "2026-10");
  CHECK(r.rows[0].total == D("0"));
  CHECK(r.lines[r.rows[0].first_line].packs == D("600000"));
  // November: 10000 free, the pack's last 400000, then 590000 x 0.0032.
  CHECK(r.rows[1].total == D("1888"));
  CHECK(r.lines[r.rows[1].first_line].packs == D("400000"));
  // Another account does not share acme's pack: (610000 - 10000) x 0.0032.
  CHECK(r.rows[2].total == D("1920"));
}

TEST_CASE("the packs file is read, and its mistakes are named with their line", "[rate]") {
  TempFile good("account,product,meter,remaining\nacme,face_recognition,CompareFace,500\n");
  HeldPacks packs = read_packs(rules(), good.path);
  REQUIRE(packs.entries.size() == 1);
  CHECK(packs.entries[0].pack.remaining == D("500"));
  CHECK(packs.entries[0].pack.meter == *rules().catalog.find("face_recognition")->find_meter("compare"));
  TempFile bad("account,product,meter,remaining\nacme,face_recognition,compare,-1\n");
  CHECK_THROWS_WITH(read_packs(rules(), bad.path), Catch::Contains(":2: bad remaining calls '-1'"));
  TempFile header_only("account,meter\n");
  CHECK_THROWS_AS(read_packs(rules(), header_only.path), RateError);
  // Regression: an empty file and a directory were read as "no packs", exit 0.
  TempFile empty("");
  CHECK_THROWS_WITH(read_packs(rules(), empty.path), Catch::Contains("the packs file is empty"));
  CHECK_THROWS_AS(read_packs(rules(), "/tmp"), RateError);
  // A pack for a meter that sells none could never be drawn.
  TempFile unsold("account,product,meter,remaining\nacme,faceid,银行卡信息核验,5\n");
  CHECK_THROWS_WITH(read_packs(rules(), unsold.path), Catch::Contains(":2: no packs are sold for faceid bankcard_verify"));
}

TEST_CASE("a wrong header or an empty file cannot be rated", "[rate]") {
  CHECK_THROWS_AS(rate_text("acct,month,product,meter,qty\n"), RateError);
  CHECK_THROWS_AS(rate_text(""), RateError);
  CHECK(rate_text(header).rows.empty());
}

TEST_CASE("the result is the same whatever the number of threads", "[rate]") {
  std::mt19937 rng(7);
  const char* meters[] = {"detect", "DetectFace", "compare", "人脸搜索", "liveness", "CreatePerson", "nosuch"};
  std::string text = header;
  for (int i = 0; i < 5000; ++i) {
    text += "acct" + std::to_string(rng() % 300) +
            (rng() % 50 == 0 ? ",2026-9,"
             : rng() % 4     ? ",2026-10,"
                             : ",2026-11,");
    text += rng() % 20 == 0
                ? std::string("faceid,活体人脸核身,") + std::to_string(rng() % 90000)
                : std::string("face_recognition,") + meters[rng() % 7] + "," + std::to_string(rng() % 3000000);
    text += "\n";
  }
  std::string one = dump(rate_text(text, 1));
  CHECK(one == dump(rate_text(text, 2)));
  CHECK(one == dump(rate_text(text, 7)));
  Result r = rate_text(text, 3);
  CHECK(!r.rejects.empty());
  CHECK(r.summary.rows_read == 5000);
  CHECK(r.summary.rows_rated + r.summary.rows_rejected == r.summary.rows_read);
  // The grand total per currency is the sum of the output totals.
  Decimal sum;
  for (const Row& row : r.rows) sum += row.total;
  CHECK(r.summary.totals.at("CNY") == sum);
  CHECK(sum > D("0"));
}

// A daily log (every key once a round, in the same order: the rows are added up as predicted,
// without hashing) and the same rows shuffled or reversed (every prediction fails, rows take the
// hash probe; the sums come in many runs to merge) must give the same bills.
TEST_CASE("the result is the same whatever the order of the rows", "[rate]") {
  std::mt19937 rng(11);
  const char* meters[] = {"detect", "DetectFace", "compare", "人脸搜索", "liveness"};
  std::vector<std::string> prefixes;
  for (int a = 0; a < 120; ++a)
    for (int m = 0; m < 5; ++m)
      if (rng() % 3 != 0)
        prefixes.push_back("acct" + std::to_string(a) + (a % 17 == 0 ? ",2026-09," : ",2026-10,") +
                           "face_recognition," + meters[m] + ",");
  std::vector<std::string> rows;
  for (int round = 0; round < 30; ++round)
    for (const std::string& p : prefixes) rows.push_back(p + std::to_string(rng() % 5000) + "\n");
  auto rated = [&](const std::vector<std::string>& order) {
    std::string text = header;
    for (const std::string& r : order) text += r;
    Result r = rate_text(text, 1);
    CHECK(r.rejects.empty());
    CHECK(r.summary.rows_rated == rows.size());
    return dump(r);
  };
  std::string logged = rated(rows);
  std::vector<std::string> reversed(rows.rbegin(), rows.rend());
  CHECK(logged == rated(reversed));
  std::vector<std::string> shuffled = rows;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  CHECK(logged == rated(shuffled));
}

// Each account's row and detail lines, against bill() of the same month: the rater reads, sums and
// groups, and must reach the very figures of the engine, line by line, with and without held packs
// (the two paths of bill_sums.cpp), meters without postpaid prices and bills the engine refuses.
TEST_CASE("batch rating bills each bundled product as the engine does", "[rate]") {
  Diagnostics d;
  RuleSet all = load_rules({TARIFF_RULES_DIR}, d);
  REQUIRE(d.empty());
  std::mt19937_64 rng(11);
  for (const auto& p : all.catalog.products) {
    DYNAMIC_SECTION(p->id) {
      std::string text = header;
      HeldPacks held;
      std::vector<BillRequest> requests;  // per account acct<i>, in account order (acct00 ...)
      std::vector<bool> has_rows;
      for (int account = 0; account < 60; ++account) {
        has_rows.push_back(false);
        BillRequest request;
        request.states = p->rated_states;
        request.usage.resize(p->meters.size());
        std::string name = fmt::format("acct{:02}", account);
        for (std::size_t m = 0; m < p->meters.size(); ++m) {
          if (rng() % 3 == 0) continue;
          long long q = static_cast<long long>(rng() % (account < 30 ? 200000 : 30000000));
          request.usage[m] = q;
          has_rows.back() = true;
          text += name + ",2026-10," + p->id + "," + p->meters[m].id + "," + std::to_string(q) + "\n";
          bool draws_packs = std::count(p->settlement.begin(), p->settlement.end(), SettlementStep::packs) > 0;
          if (draws_packs && !p->meters[m].packs.empty() && rng() % 4 == 0) {
            HeldPack pack{m, Decimal(static_cast<long long>(rng() % 300000)), std::nullopt};
            request.held.push_back(pack);
            held.entries.push_back({name, p.get(), pack});
          }
        }
        requests.push_back(std::move(request));
      }
      Result r = rate_text(text, 2, held, &all);
      std::size_t row = 0;
      for (std::size_t a = 0; a < requests.size(); ++a) {
        if (!has_rows[a]) continue;  // no usage row: no bill
        std::string name = fmt::format("acct{:02}", a);
        INFO(name);
        std::optional<Bill> b;
        try {
          b = bill(*p, requests[a]);
        } catch (const BillingError&) {
        }
        bool rated = row < r.rows.size() && r.accounts[r.rows[row].account] == name;
        CHECK(rated == b.has_value());  // rated by both, or refused by both
        if (!b || !rated) continue;
        const Row& out = r.rows[row++];
        CHECK(out.total == b->total);
        for (std::uint32_t i = 0; i < out.line_count; ++i) {
          const Line& l = r.lines[out.first_line + i];
          auto engine = std::find_if(b->lines.begin(), b->lines.end(), [&](const BillLine& x) { return x.meter == l.meter; });
          if (engine == b->lines.end()) {  // a meter used 0 times: nothing to bill
            CHECK(l.amount.is_zero());
            continue;
          }
          Decimal drawn;
          for (const PackDraw& draw : engine->packs) drawn += draw.drawn;
          CHECK(l.usage == engine->usage);
          CHECK(l.free == engine->free + engine->grant);
          CHECK(l.packs == drawn);
          CHECK(l.postpaid == engine->postpaid);
          CHECK(l.band == engine->charge.band);
          CHECK(l.amount == engine->charge.amount);
          if (engine->charge.band) CHECK(l.unit_price == engine->charge.unit_price);
        }
      }
      CHECK(row == r.rows.size());
      CHECK(r.summary.rows_rated + r.summary.rows_rejected == r.summary.rows_read);
    }
  }
}

TEST_CASE("thousands of rejected rows wait in temporary files and come back in line order", "[rate]") {
  std::string text = header;
  for (int i = 0; i < 30000; ++i) {
    if (i == 15000)
      text += "big,2026-10,faceid,活体人脸核身,250000\n";  // a contact-sales bill among them
    else
      text += i % 3 ? "a,2026-10,face_recognition,nosuch,1\n" : "a,2026-10,face_recognition,detect,1\n";
  }
  for (unsigned jobs : {1U, 2U}) {
    Result r = rate_text(text, jobs);
    CHECK(!r.spills.empty());
    CHECK(r.rejects.size() < r.reject_count);
    std::vector<std::uint64_t> lines;
    bool contact = false;
    for_each_reject(r, [&](const Reject& j) {
      lines.push_back(j.line);
      if (j.line == 15002) contact = j.reason.find("contact sales") != std::string::npos;
    });
    CHECK(lines.size() == r.reject_count);
    CHECK(lines.size() == 20000 + 1);
    CHECK(std::is_sorted(lines.begin(), lines.end()));
    CHECK(std::adjacent_find(lines.begin(), lines.end()) == lines.end());
    CHECK(contact);
    CHECK(r.summary.rows_rejected == 20001);
  }
}
