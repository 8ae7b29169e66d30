#include "interpreter/money/decimal.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <unordered_set>

using tariff::Decimal;
using tariff::DecimalError;
using tariff::RoundingMode;

namespace {

// Parses a literal that the test expects to be valid.
Decimal D(std::string_view text) {
  const auto value = Decimal::parse(text);
  if (!value) FAIL("test literal did not parse: " << text);
  return *value;
}

std::string rounded(std::string_view text, int places, RoundingMode mode) {
  return D(text).round(places, mode).to_string();
}

}  // namespace

// ---- parsing and printing ------------------------------------------------------------

TEST_CASE("integers of every type convert exactly", "[decimal]") {
  // Regression: Decimal(UINT64_MAX) went through long long and became -1.
  CHECK(Decimal(UINT64_MAX).to_string() == "18446744073709551615");
  CHECK(Decimal(std::uint32_t{4000000000U}).to_string() == "4000000000");
  CHECK(Decimal(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK(Decimal(static_cast<short>(-7)).to_string() == "-7");
  CHECK(Decimal(std::size_t{0}).is_zero());
}

TEST_CASE("parse and print round-trip canonical text", "[decimal]") {
  for (const char* text : {"0", "1", "-1", "123", "-0.0032", "10470", "148868", "0.5", "-1.5",
                           "123456789012345678901234567890.12345678", "170141183460469231731687303715884105727",
                           "-170141183460469231731687303715884105728", "0.000000000000000000000000000001"}) {
    INFO(text);
    CHECK(D(text).to_string() == text);
  }
}

TEST_CASE("parse keeps scale and value", "[decimal]") {
  const Decimal d = D("-0.0032");
  CHECK(d.coefficient() == -32);
  CHECK(d.scale() == 4);
  CHECK(d.is_negative());
  CHECK(D("1.50").scale() == 2);
  CHECK(D("+5") == Decimal(5));
  CHECK(D("-0") == Decimal(0));
  CHECK_FALSE(D("-0").is_negative());
  CHECK(D("-0").to_string() == "0");
  CHECK(D("007.50").to_string() == "7.5");
}

TEST_CASE("parse accepts thousands separators between groups", "[decimal]") {
  CHECK(D("1,000,000") == Decimal(1000000));
  CHECK(D("1_000_000") == Decimal(1000000));
  CHECK(D("12,345.678") == D("12345.678"));
  CHECK(D("-999_999") == Decimal(-999999));
  CHECK(D("100") == Decimal(100));
}

TEST_CASE("parse rejects malformed text", "[decimal]") {
  for (const char* text : {"",    "-",   "+",     "1.2.3", "abc",       "1,00", "1__0", ".5",     "5.",
                           "1e5", "1E5", " 1",    "1 ",    "1,000_000", ",100", "100,", "1,0000", "1234,567",
                           "+-1", "--1", "1.5,0", "1._5",  "1.5_0",     "0x10", "1/2",  "١"}) {
    INFO("'" << text << "'");
    CHECK_FALSE(Decimal::parse(text).has_value());
  }
}

// The coefficient is a native two's-complement __int128: -2^127 .. 2^127 - 1. (Boost's
// checked_int128_t, before it, was sign and magnitude: +-(2^128 - 1).)
TEST_CASE("parse rejects values beyond 128 bits and scale beyond max_scale", "[decimal]") {
  CHECK(Decimal::parse("170141183460469231731687303715884105727").has_value());  // 2^127 - 1
  CHECK_FALSE(Decimal::parse("170141183460469231731687303715884105728").has_value());
  CHECK(Decimal::parse("-170141183460469231731687303715884105728").has_value());  // -2^127
  CHECK_FALSE(Decimal::parse("-170141183460469231731687303715884105729").has_value());
  CHECK_FALSE(Decimal::parse("340282366920938463463374607431768211455").has_value());  // 2^128 - 1
  CHECK_FALSE(Decimal::parse("99999999999999999999999999999999999999999999").has_value());
  CHECK_FALSE(Decimal::parse("1701411834604692317316873037158841057.28").has_value());
  // 31 significant decimals need rounding, which parsing never does...
  CHECK_FALSE(Decimal::parse("0.0000000000000000000000000000001").has_value());
  // ...but surplus trailing zeros do not change the value.
  CHECK(D("1.0000000000000000000000000000000000") == Decimal(1));
  // Leading zeros do not count towards the 128-bit limit.
  CHECK(D("0000000000000000000000000000000000000000000042") == Decimal(42));
}

TEST_CASE("from_parts validates the scale", "[decimal]") {
  CHECK(Decimal::from_parts(15, 1).to_string() == "1.5");
  CHECK(Decimal::from_parts(-32, 4) == D("-0.0032"));
  CHECK_THROWS_AS(Decimal::from_parts(1, -1), DecimalError);
  CHECK_THROWS_AS(Decimal::from_parts(1, Decimal::max_scale + 1), DecimalError);
}

// ---- exactness -----------------------------------------------------------------------

TEST_CASE("addition and multiplication are exact", "[decimal]") {
  CHECK(D("0.1") + D("0.2") == D("0.3"));
  CHECK((D("0.1") + D("0.2")).to_string() == "0.3");
  CHECK(Decimal(1990000) * D("0.0032") == Decimal(6368));
  CHECK((Decimal(1990000) * D("0.0032")).to_string() == "6368");
  const Decimal fee = (Decimal(52000000) - Decimal(50000000) - Decimal(10000)) * D("0.0032") + Decimal(142500);
  CHECK(fee == Decimal(148868));
  CHECK(fee.to_string() == "148868");
  CHECK((Decimal(3490000) * D("0.003")).to_string() == "10470");
  CHECK(D("1.50") == D("1.5"));
  CHECK(D("1.50").to_string() == "1.5");
}

TEST_CASE("subtraction, negation and compound assignment", "[decimal]") {
  CHECK((D("1") - D("1.01")).to_string() == "-0.01");
  CHECK((-D("2.5")).to_string() == "-2.5");
  CHECK((-Decimal(0)).to_string() == "0");
  Decimal total;
  for (int i = 0; i < 10; ++i) total += D("0.1");
  CHECK(total == Decimal(1));
  total -= D("0.25");
  CHECK(total.to_string() == "0.75");
  total *= Decimal(4);
  CHECK(total == Decimal(3));
  CHECK((D("-1.5") * D("-2")).to_string() == "3");
  CHECK((D("-1.5") * D("2")).to_string() == "-3");
}

TEST_CASE("multiplication keeps max_scale by stripping trailing zeros", "[decimal]") {
  // 20 + 20 places = 40 > 30, but the product 0.25 needs only 2.
  const Decimal a = D("0.50000000000000000000");
  CHECK((a * a).to_string() == "0.25");
  CHECK((a * a).scale() <= Decimal::max_scale);
  // 15 + 15 places stays exact at scale 30.
  CHECK((D("0.000000000000001") * D("0.000000000000001")).to_string() == "0.000000000000000000000000000001");
}

TEST_CASE("comparison orders by value", "[decimal]") {
  CHECK(D("1.5") < D("1.51"));
  CHECK(D("-1.5") > D("-1.51"));
  CHECK(D("-0.001") < Decimal(0));
  CHECK(Decimal(0) < D("0.001"));
  CHECK(D("2") > D("1.999999999999999999999999999999"));
  CHECK((D("1.50") <=> D("1.5")) == std::strong_ordering::equal);
  CHECK(D("10") != D("1.0"));
  CHECK(Decimal(3) == 3);
  CHECK(5 > D("4.99"));
}

TEST_CASE("comparison does not overflow when aligning scales", "[decimal]") {
  const Decimal huge = D("170141183460469231731687303715884105727");
  const Decimal tiny = D("0.000000000000000000000000000001");
  const Decimal almost_huge = D("17014118346046923173168730371588410.5727");
  CHECK(huge > tiny);
  CHECK(huge > almost_huge);
  CHECK(almost_huge < huge);
  CHECK(-huge < -almost_huge);
  CHECK(-almost_huge > -huge);
  CHECK(-huge < tiny);
  CHECK(huge != almost_huge);
}

// ---- overflow and precision ----------------------------------------------------------

TEST_CASE("overflow throws DecimalError", "[decimal]") {
  const Decimal big = D("100000000000000000000");  // 1e20
  CHECK_THROWS_AS(big * big, DecimalError);
  CHECK_THROWS_WITH(big * big, Catch::Contains("overflow"));
  const Decimal max = D("170141183460469231731687303715884105727");
  CHECK_THROWS_AS(max + Decimal(1), DecimalError);
  CHECK_THROWS_WITH(max + Decimal(1), Catch::Contains("addition"));
  CHECK_THROWS_AS(-max - Decimal(2), DecimalError);  // -max - 1 is -2^127, which fits
  CHECK_THROWS_WITH(-max - Decimal(2), Catch::Contains("subtraction"));
  // Aligning 1e37 to one decimal place overflows even though the sum would not be exact.
  CHECK_THROWS_AS(D("100000000000000000000000000000000000000") + D("0.5"), DecimalError);
  Decimal accumulator = max;
  CHECK_THROWS_AS(accumulator += Decimal(1), DecimalError);
}

TEST_CASE("trailing zeros do not cause spurious overflow", "[decimal]") {
  // 1e38 + 0.0: aligning 1e38 to scale 1 overflows but the sum is representable.
  const Decimal e38 = D("100000000000000000000000000000000000000");
  CHECK(e38 + D("0.0") == e38);
  // 1.000...0 (30 places) squared: coefficient product is 1e60, the value is 1.
  const Decimal one = D("1.000000000000000000000000000000");
  CHECK(one * one == Decimal(1));
  CHECK(e38 * one == e38);
}

TEST_CASE("exceeding max_scale throws DecimalError", "[decimal]") {
  const Decimal a = D("0.1234567890123456");  // 16 places
  CHECK_THROWS_AS(a * a, DecimalError);
  CHECK_THROWS_WITH(a * a, Catch::Contains("precision"));
  CHECK_THROWS_AS(D("1.5").shifted(-30), DecimalError);
  CHECK_THROWS_AS(Decimal(1).shifted(-31), DecimalError);
}

// ---- rounding ------------------------------------------------------------------------

TEST_CASE("rounding modes on halves", "[decimal]") {
  using M = RoundingMode;
  // clang-format off
    struct Case { const char* in; int places; M mode; const char* out; };
    const Case cases[] = {
        {"2.5", 0, M::half_up, "3"},    {"-2.5", 0, M::half_up, "-3"},
        {"2.5", 0, M::half_down, "2"},  {"-2.5", 0, M::half_down, "-2"},
        {"2.5", 0, M::half_even, "2"},  {"-2.5", 0, M::half_even, "-2"},
        {"3.5", 0, M::half_even, "4"},  {"-3.5", 0, M::half_even, "-4"},
        {"2.5", 0, M::down, "2"},       {"-2.5", 0, M::down, "-2"},
        {"2.5", 0, M::up, "3"},         {"-2.5", 0, M::up, "-3"},
        {"2.5", 0, M::floor, "2"},      {"-2.5", 0, M::floor, "-3"},
        {"2.5", 0, M::ceiling, "3"},    {"-2.5", 0, M::ceiling, "-2"},
        {"2.45", 1, M::half_up, "2.5"}, {"-2.45", 1, M::half_up, "-2.5"},
        {"2.45", 1, M::half_down, "2.4"}, {"2.45", 1, M::half_even, "2.4"},
        {"2.55", 1, M::half_even, "2.6"}, {"-2.55", 1, M::half_even, "-2.6"},
        {"2.451", 1, M::half_down, "2.5"}, {"2.449", 1, M::half_up, "2.4"},
        {"2.41", 1, M::up, "2.5"},      {"-2.41", 1, M::up, "-2.5"},
        {"2.49", 1, M::down, "2.4"},    {"-2.49", 1, M::down, "-2.4"},
        {"-0.01", 0, M::floor, "-1"},   {"0.01", 0, M::ceiling, "1"},
        {"-0.01", 0, M::ceiling, "0"},  {"0.01", 0, M::floor, "0"},
        {"0.5", 0, M::half_even, "0"},  {"1.5", 0, M::half_even, "2"},
        {"2.40", 1, M::up, "2.4"},      {"-7", 0, M::up, "-7"},
    };
  // clang-format on
  for (const Case& c : cases) {
    INFO(c.in << " to " << c.places << " places, " << tariff::to_string(c.mode));
    CHECK(rounded(c.in, c.places, c.mode) == c.out);
  }
}

TEST_CASE("round_to rounds to a multiple of a unit, halves by each mode", "[decimal]") {
  using M = RoundingMode;
  auto to = [](const char* v, const char* unit, M mode) {
    return Decimal::parse(v)->round_to(*Decimal::parse(unit), mode).to_string();
  };
  // A half of the unit, in each mode the payable rounding names.
  CHECK(to("0.125", "0.01", M::half_up) == "0.13");
  CHECK(to("0.125", "0.01", M::half_even) == "0.12");
  CHECK(to("0.135", "0.01", M::half_even) == "0.14");
  CHECK(to("0.125", "0.01", M::up) == "0.13");
  CHECK(to("0.125", "0.01", M::down) == "0.12");
  CHECK(to("-0.125", "0.01", M::half_up) == "-0.13");
  CHECK(to("-0.125", "0.01", M::down) == "-0.12");
  // Just off the half; exact multiples are unchanged in every mode.
  CHECK(to("0.12500001", "0.01", M::half_even) == "0.13");
  CHECK(to("0.01152", "0.01", M::up) == "0.02");
  CHECK(to("0.01152", "0.01", M::down) == "0.01");
  CHECK(to("7.30", "0.01", M::up) == "7.3");
  // Units other than a power of ten: to the nearest 0.05 (Swiss rounding), to hundreds.
  CHECK(to("1.025", "0.05", M::half_up) == "1.05");
  CHECK(to("1.024", "0.05", M::half_up) == "1");
  CHECK(to("1.075", "0.05", M::half_even) == "1.1");
  CHECK(to("150", "100", M::half_even) == "200");
  CHECK(to("250", "100", M::half_even) == "200");
  CHECK_THROWS_AS(Decimal(1).round_to(Decimal(0), M::half_up), DecimalError);
  CHECK_THROWS_AS(Decimal(1).round_to(Decimal(-1), M::half_up), DecimalError);
}

TEST_CASE("round keeps scale when already coarse enough and handles negative places", "[decimal]") {
  CHECK(D("1.5").round(2, RoundingMode::half_up).scale() == 1);
  CHECK(D("1.234").round(2, RoundingMode::half_up).scale() == 2);
  CHECK(rounded("1250", -2, RoundingMode::half_even) == "1200");
  CHECK(rounded("1350", -2, RoundingMode::half_even) == "1400");
  CHECK(rounded("1201", -2, RoundingMode::ceiling) == "1300");
  CHECK(rounded("-1249.99", -2, RoundingMode::half_up) == "-1200");
  // Rounding away more digits than the coefficient holds (up to 68).
  CHECK(rounded("0.000000000000000000000000000001", -38, RoundingMode::up) ==
        "100000000000000000000000000000000000000");
  CHECK(rounded("0.000000000000000000000000000001", -38, RoundingMode::half_up) == "0");
  CHECK(rounded("-0.000000000000000000000000000001", -38, RoundingMode::ceiling) == "0");
  CHECK_THROWS_AS(D("1").round(Decimal::max_scale + 1, RoundingMode::down), DecimalError);
  CHECK_THROWS_AS(D("1").round(Decimal::min_places - 1, RoundingMode::down), DecimalError);
  CHECK_THROWS_AS(D("170141183460469231731687303715884105727").round(-38, RoundingMode::up), DecimalError);
}

TEST_CASE("rounding mode names", "[decimal]") {
  for (auto mode : {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::half_down, RoundingMode::down,
                    RoundingMode::up, RoundingMode::floor, RoundingMode::ceiling}) {
    CHECK(tariff::parse_rounding_mode(tariff::to_string(mode)) == mode);
  }
  CHECK(tariff::to_string(RoundingMode::half_even) == "half_even");
  CHECK_FALSE(tariff::parse_rounding_mode("HALF_UP").has_value());
  CHECK_FALSE(tariff::parse_rounding_mode("").has_value());
}

// ---- division ------------------------------------------------------------------------

TEST_CASE("divide rounds the quotient to the requested places", "[decimal]") {
  using M = RoundingMode;
  CHECK(Decimal::divide(1, 3, 4, M::half_up).to_string() == "0.3333");
  CHECK(Decimal::divide(2, 3, 4, M::half_up).to_string() == "0.6667");
  CHECK(Decimal::divide(2, 3, 4, M::down).to_string() == "0.6666");
  CHECK(Decimal::divide(-2, 3, 4, M::floor).to_string() == "-0.6667");
  CHECK(Decimal::divide(-2, 3, 4, M::ceiling).to_string() == "-0.6666");
  CHECK(Decimal::divide(2, -3, 2, M::half_up).to_string() == "-0.67");
  CHECK(Decimal::divide(-2, -3, 2, M::half_up).to_string() == "0.67");
  CHECK(Decimal::divide(5, 2, 0, M::half_even).to_string() == "2");
  CHECK(Decimal::divide(7, 2, 0, M::half_even).to_string() == "4");
  CHECK(Decimal::divide(D("10.00"), 4, 2, M::half_up).scale() == 2);
  CHECK(Decimal::divide(D("100"), D("0.03"), 2, M::half_up).to_string() == "3333.33");
  CHECK(Decimal::divide(D("0.0001"), D("3000000"), 12, M::half_up).to_string() == "0.000000000033");
  CHECK(Decimal::divide(D("123456"), 7, -2, M::half_up).to_string() == "17600");
}

TEST_CASE("divide works when scaled operands need more than 128 bits", "[decimal]") {
  const Decimal huge = D("100000000000000000000000000000000000");  // 1e35
  CHECK(Decimal::divide(huge, huge, 30, RoundingMode::half_up) == Decimal(1));
  CHECK(Decimal::divide(Decimal(1), D("0.000000000000000000000000000003"), 0, RoundingMode::half_up).to_string() ==
        "333333333333333333333333333333");
  CHECK_THROWS_AS(Decimal::divide(huge, D("0.000001"), 10, RoundingMode::half_up), DecimalError);
}

TEST_CASE("division by zero throws", "[decimal]") {
  CHECK_THROWS_AS(Decimal::divide(1, 0, 2, RoundingMode::half_up), DecimalError);
  CHECK_THROWS_WITH(Decimal::divide(1, D("0.00"), 2, RoundingMode::half_up), Catch::Contains("division by zero"));
  CHECK_THROWS_AS(Decimal::divide_exact(1, 0), DecimalError);
  CHECK_THROWS_AS(Decimal::divide(1, 1, Decimal::max_scale + 1, RoundingMode::half_up), DecimalError);
}

TEST_CASE("divide_exact returns terminating quotients only", "[decimal]") {
  CHECK_FALSE(Decimal::divide_exact(1, 3).has_value());
  REQUIRE(Decimal::divide_exact(1, 4).has_value());
  CHECK(*Decimal::divide_exact(1, 4) == D("0.25"));
  CHECK(Decimal::divide_exact(1, 4)->to_string() == "0.25");
  CHECK(Decimal::divide_exact(D("10.00"), D("2.5"))->to_string() == "4");
  CHECK(Decimal::divide_exact(D("10.00"), D("2.5"))->scale() == 0);
  CHECK(Decimal::divide_exact(D("-7"), D("0.008"))->to_string() == "-875");
  CHECK(Decimal::divide_exact(1, D("1024"))->to_string() == "0.0009765625");
  // 2^-100 needs 100 places.
  CHECK_FALSE(Decimal::divide_exact(1, D("1267650600228229401496703205376")).has_value());
  // Huge integer quotient is computed in wide arithmetic and still fits.
  const Decimal e37 = D("10000000000000000000000000000000000000");
  CHECK(*Decimal::divide_exact(e37, D("0.1")) == D("100000000000000000000000000000000000000"));
  CHECK_THROWS_AS(Decimal::divide_exact(e37, D("0.001")), DecimalError);
}

// ---- scaling, normalization, queries ------------------------------------------------

TEST_CASE("shifted scales by powers of ten exactly", "[decimal]") {
  CHECK(Decimal(350).shifted(4) == Decimal(3500000));
  CHECK(Decimal(120).shifted(-2) == D("1.2"));
  CHECK(Decimal(120).shifted(-2).to_string() == "1.2");
  CHECK(D("1.5").shifted(8).to_string() == "150000000");
  CHECK(D("0.0035").shifted(2).to_string() == "0.35");
  CHECK(D("5").shifted(0) == Decimal(5));
  CHECK(Decimal(0).shifted(1000) == Decimal(0));
  // Trailing zeros pay for extra places beyond max_scale.
  CHECK(Decimal(1000).shifted(-33).to_string() == "0.000000000000000000000000000001");
  CHECK_THROWS_AS(Decimal(1).shifted(39), DecimalError);
  CHECK_THROWS_AS(D("170141183460469231731687303715884105727").shifted(1), DecimalError);
  CHECK_THROWS_AS(Decimal(1).shifted(INT_MIN), DecimalError);
  CHECK_THROWS_AS(Decimal(1).shifted(INT_MAX), DecimalError);
}

TEST_CASE("normalized strips trailing zeros", "[decimal]") {
  const Decimal n = D("1.5000").normalized();
  CHECK(n.coefficient() == 15);
  CHECK(n.scale() == 1);
  CHECK(D("100.000").normalized().scale() == 0);
  CHECK(D("100.000").normalized().coefficient() == 100);
  CHECK(D("0.000").normalized().scale() == 0);
  const Decimal thirty = D("1.000000000000000000000000000000").normalized();
  CHECK(thirty.coefficient() == 1);
  CHECK(thirty.scale() == 0);
}

TEST_CASE("integer queries", "[decimal]") {
  CHECK(D("3.000").is_integer());
  CHECK_FALSE(D("3.001").is_integer());
  CHECK(D("-3.000").to_int64() == -3);
  CHECK_FALSE(D("3.5").to_int64().has_value());
  CHECK(D("9223372036854775807").to_int64() == LLONG_MAX);
  CHECK(D("-9223372036854775808").to_int64() == LLONG_MIN);
  CHECK_FALSE(D("9223372036854775808").to_int64().has_value());
  CHECK(Decimal(0).is_zero());
  CHECK(D("0.00").is_zero());
  CHECK_FALSE(D("0.01").is_zero());
}

TEST_CASE("equal values hash equally", "[decimal]") {
  CHECK(D("1.5").hash() == D("1.50").hash());
  CHECK(D("-2").hash() == D("-2.000").hash());
  std::unordered_set<Decimal> set{D("1.5"), D("1.50"), D("-1.5"), D("15")};
  CHECK(set.size() == 3);
}

// ---- formatting ----------------------------------------------------------------------

TEST_CASE("to_string_grouped groups the integer part only", "[decimal]") {
  CHECK(D("1234567.5").to_string_grouped() == "1,234,567.5");
  CHECK(D("-1234567.5").to_string_grouped() == "-1,234,567.5");
  CHECK(D("1234567.0032").to_string_grouped('_') == "1_234_567.0032");
  CHECK(D("-1000").to_string_grouped() == "-1,000");
  CHECK(D("999").to_string_grouped() == "999");
  CHECK(D("100000").to_string_grouped() == "100,000");
  CHECK(D("0.12345").to_string_grouped() == "0.12345");
  CHECK(Decimal(0).to_string_grouped() == "0");
  // Grouped output parses back to the same value.
  CHECK(D(D("-98765432.1").to_string_grouped()) == D("-98765432.1"));
}

TEST_CASE("to_string_fixed pads but never rounds", "[decimal]") {
  CHECK(D("1.5").to_string_fixed(2) == "1.50");
  CHECK(D("1.50").to_string_fixed(2) == "1.50");
  CHECK(D("-3").to_string_fixed(2) == "-3.00");
  CHECK(D("1.555").to_string_fixed(2) == "1.555");
  CHECK(D("0.0032").to_string_fixed(2) == "0.0032");
  CHECK(D("7").to_string_fixed(0) == "7");
  CHECK(Decimal(0).to_string_fixed(3) == "0.000");
}

TEST_CASE("to_string prints every digit with no exponent", "[decimal]") {
  CHECK(D("10000000000000000000000000000000000000").to_string() == "10000000000000000000000000000000000000");
  CHECK(D("1000000000000000000.0000000000000000001").to_string() == "1000000000000000000.0000000000000000001");
  CHECK(D("0.0000000000000000000100").to_string() == "0.00000000000000000001");
  std::ostringstream out;
  out << D("-12.50");
  CHECK(out.str() == "-12.5");
}

TEST_CASE("integers convert implicitly, floating point does not", "[decimal]") {
  STATIC_REQUIRE(std::is_convertible_v<int, Decimal>);
  STATIC_REQUIRE(std::is_convertible_v<long long, Decimal>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<double, Decimal>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, double>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, float>);
  CHECK(Decimal(LLONG_MIN).to_string() == "-9223372036854775808");
}

// ---- the 128-bit boundary ------------------------------------------------------------

namespace {

const char* const max_text = "170141183460469231731687303715884105727";   // 2^127 - 1
const char* const min_text = "-170141183460469231731687303715884105728";  // -2^127

}  // namespace

TEST_CASE("addition and subtraction overflow exactly at the 128-bit boundary", "[decimal]") {
  const Decimal max = D(max_text), min = D(min_text);
  CHECK((max - Decimal(1)) + Decimal(1) == max);
  CHECK((min + Decimal(1)) - Decimal(1) == min);
  CHECK(-max - Decimal(1) == min);
  CHECK(max + min == Decimal(-1));
  CHECK_THROWS_WITH(max + Decimal(1), Catch::Contains("overflow in addition"));
  CHECK_THROWS_WITH(min + Decimal(-1), Catch::Contains("overflow in addition"));
  CHECK_THROWS_WITH(min - Decimal(1), Catch::Contains("overflow in subtraction"));
  CHECK_THROWS_WITH(max - Decimal(-1), Catch::Contains("overflow in subtraction"));
  CHECK_THROWS_WITH(Decimal(0) - min, Catch::Contains("overflow in subtraction"));
  // Aligning scales: the coefficient max at one place, plus a tenth.
  const Decimal max_tenths = Decimal::from_parts(max.coefficient(), 1);
  CHECK((max_tenths - D("0.1")) + D("0.1") == max_tenths);
  CHECK_THROWS_AS(max_tenths + D("0.1"), DecimalError);
  CHECK_THROWS_AS(max + D("0.1"), DecimalError);  // aligning max to one place overflows
  CHECK(max + D("0.0") == max);                   // ... but the zero's trailing zero goes
  Decimal total = max - Decimal(3);
  for (int i = 0; i < 3; ++i) total += Decimal(1);
  CHECK(total == max);
  CHECK_THROWS_AS(total += Decimal(1), DecimalError);
}

TEST_CASE("multiplication overflows exactly at the 128-bit boundary", "[decimal]") {
  const Decimal max = D(max_text), min = D(min_text);
  const Decimal two_63 = D("9223372036854775808"), two_64 = D("18446744073709551616");
  CHECK(-two_63 * two_64 == min);                                                     // -2^127 fits...
  CHECK_THROWS_WITH(two_63 * two_64, Catch::Contains("overflow in multiplication"));  // ... 2^127 does not
  CHECK_THROWS_AS(min * Decimal(-1), DecimalError);
  CHECK(max * Decimal(-1) == -max);
  CHECK(min * Decimal(1) == min);
  CHECK_THROWS_AS(max * Decimal(2), DecimalError);
  CHECK_THROWS_AS(Decimal(UINT64_MAX) * Decimal(UINT64_MAX), DecimalError);
  CHECK((Decimal(INT64_MIN) * Decimal(INT64_MIN)).to_string() == "85070591730234615865843651857942052864");
  // 2^127 - 1 at 30 places times 1.000...: the coefficient product overflows, the value does not.
  const Decimal one = D("1.000000000000000000000000000000");
  CHECK(max * one == max);
  CHECK(min * one == min);
}

TEST_CASE("negating -2^127 throws, the other extremes negate", "[decimal]") {
  const Decimal max = D(max_text), min = D(min_text);
  CHECK_THROWS_AS(-min, DecimalError);
  CHECK_THROWS_WITH(-min, Catch::Contains("overflow in negation"));
  CHECK((-max).to_string() == "-170141183460469231731687303715884105727");
  CHECK(-(-max) == max);
  CHECK(min.is_negative());
  CHECK(min < max);
  CHECK(min < -max);
  CHECK(min.to_string() == min_text);
  CHECK(min.coefficient() == -max.coefficient() - 1);
  CHECK_THROWS_AS(-Decimal::from_parts(min.coefficient(), 30), DecimalError);
}

TEST_CASE("comparison and scaling at the 128-bit boundary", "[decimal]") {
  const Decimal max = D(max_text), min = D(min_text);
  const Decimal max_30 = Decimal::from_parts(max.coefficient(), 30),
                min_30 = Decimal::from_parts(min.coefficient(), 30);
  CHECK(max > max_30);
  CHECK(min < min_30);
  CHECK(max_30 < Decimal(170141184));
  CHECK(max_30 > Decimal(170141183));
  CHECK(min_30 > Decimal(-170141184));
  CHECK(min_30 < max_30);
  CHECK(D("17014118346046923173168730371588410572").shifted(1).to_string() ==
        "170141183460469231731687303715884105720");
  CHECK_THROWS_AS(D("17014118346046923173168730371588410573").shifted(1), DecimalError);
  CHECK(max_30.shifted(30) == max);
  CHECK(min.shifted(-30) == min_30);
  CHECK(max_30.normalized() == max_30);
  CHECK(max_30.is_integer() == false);
  CHECK_FALSE(max.to_int64().has_value());
  CHECK_FALSE(min.to_int64().has_value());
}

TEST_CASE("integer constructors cover every type without wrapping", "[decimal]") {
  CHECK(Decimal(std::int8_t{-128}).to_string() == "-128");
  CHECK(Decimal(std::uint8_t{255}).to_string() == "255");
  CHECK(Decimal(std::uint16_t{65535}).to_string() == "65535");
  CHECK(Decimal(INT32_MIN).to_string() == "-2147483648");
  CHECK(Decimal(UINT32_MAX).to_string() == "4294967295");
  CHECK(Decimal(INT64_MAX).to_string() == "9223372036854775807");
  CHECK(Decimal(static_cast<unsigned long long>(INT64_MAX) + 1).to_string() == "9223372036854775808");
  CHECK(Decimal(UINT64_MAX).coefficient() == Decimal::Coefficient{UINT64_MAX});
  CHECK(Decimal(UINT64_MAX).scale() == 0);
  CHECK(Decimal('7').to_string() == "55");
  STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, bool>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<bool, Decimal>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, long double>);
  // A 128-bit coefficient goes through from_parts, never an implicit conversion.
  STATIC_REQUIRE_FALSE(std::is_convertible_v<Decimal::Coefficient, Decimal>);
  STATIC_REQUIRE(sizeof(Decimal) == 24);
  CHECK(Decimal::from_parts(D(max_text).coefficient(), 30).to_string() == "170141183.460469231731687303715884105727");
  CHECK(Decimal::from_parts(D(min_text).coefficient(), 0).to_string() == min_text);
  CHECK(Decimal::from_parts(Decimal::pow10(38), 0).to_string() == "100000000000000000000000000000000000000");
  CHECK_THROWS_AS(Decimal::pow10(39), DecimalError);
}

TEST_CASE("division at the largest coefficients", "[decimal]") {
  using M = RoundingMode;
  const Decimal max = D(max_text), min = D(min_text);
  CHECK(Decimal::divide(max, max, 30, M::half_up) == Decimal(1));
  CHECK(Decimal::divide(min, min, 30, M::half_up) == Decimal(1));
  CHECK(Decimal::divide(max, 1, 0, M::down) == max);
  CHECK(Decimal::divide(min, 1, 0, M::down) == min);
  CHECK(Decimal::divide(max, -1, 0, M::down) == -max);
  CHECK_THROWS_WITH(Decimal::divide(min, -1, 0, M::down), Catch::Contains("overflow in division"));  // 2^127
  CHECK_THROWS_AS(Decimal::divide(max, D("0.1"), 0, M::down), DecimalError);
  // (2^127 - 1) / 2 = ...863.5 in every mode; -2^127 / 2 is exact.
  const char* const half_down = "85070591730234615865843651857942052863";
  const char* const half_up = "85070591730234615865843651857942052864";
  CHECK(Decimal::divide(max, 2, 0, M::half_up).to_string() == half_up);
  CHECK(Decimal::divide(max, 2, 0, M::half_even).to_string() == half_up);
  CHECK(Decimal::divide(max, 2, 0, M::half_down).to_string() == half_down);
  CHECK(Decimal::divide(max, 2, 0, M::down).to_string() == half_down);
  CHECK(Decimal::divide(max, 2, 0, M::floor).to_string() == half_down);
  CHECK(Decimal::divide(max, 2, 0, M::ceiling).to_string() == half_up);
  CHECK(Decimal::divide(-max, 2, 0, M::floor).to_string() == std::string("-") + half_up);
  CHECK(Decimal::divide(-max, 2, 0, M::ceiling).to_string() == std::string("-") + half_down);
  CHECK(Decimal::divide(min, 2, 0, M::up).to_string() == std::string("-") + half_up);
  // 1 / (2^127 - 1) is about 5.9e-39: zero at 30 places unless the mode rounds away.
  CHECK(Decimal::divide(1, max, 30, M::half_up).is_zero());
  CHECK(Decimal::divide(1, max, 30, M::up) == D("0.000000000000000000000000000001"));
  CHECK(Decimal::divide(-1, max, 30, M::floor) == D("-0.000000000000000000000000000001"));
  CHECK(Decimal::divide(1, min, 30, M::ceiling).is_zero());
  // Scaled past 128 bits: max * 10^30 / (max at 30 places) needs the wide intermediate.
  const Decimal max_30 = Decimal::from_parts(max.coefficient(), 30);
  CHECK(Decimal::divide(max, max_30, 0, M::half_up) == D("1000000000000000000000000000000"));
  CHECK(Decimal::divide(max_30, max, 30, M::half_up) == D("0.000000000000000000000000000001"));
  CHECK(Decimal::divide(min, max_30, -30, M::floor) == D("-2000000000000000000000000000000"));
  CHECK_THROWS_AS(Decimal::divide(max, max_30, 30, M::half_up), DecimalError);  // 10^60 at 30 places
}

TEST_CASE("divide_exact at the largest coefficients", "[decimal]") {
  const Decimal max = D(max_text), min = D(min_text);
  CHECK(*Decimal::divide_exact(max, 1) == max);
  CHECK(*Decimal::divide_exact(min, 1) == min);
  CHECK(*Decimal::divide_exact(min, -2) == D("85070591730234615865843651857942052864"));
  CHECK(*Decimal::divide_exact(D("85070591730234615865843651857942052863"), D("0.5")) == max - Decimal(1));
  CHECK_THROWS_WITH(Decimal::divide_exact(max, D("0.2")), Catch::Contains("overflow in division"));
  CHECK_FALSE(Decimal::divide_exact(max, 3).has_value());
  CHECK_THROWS_AS(Decimal::divide_exact(min, -1), DecimalError);
  CHECK_THROWS_AS(Decimal::divide_exact(max, D("0.1")), DecimalError);
  const Decimal max_30 = Decimal::from_parts(max.coefficient(), 30);
  CHECK(*Decimal::divide_exact(max_30, max) == D("0.000000000000000000000000000001"));
  CHECK(*Decimal::divide_exact(max, max_30) == D("1000000000000000000000000000000"));
}

TEST_CASE("rounding at the largest coefficients", "[decimal]") {
  using M = RoundingMode;
  const Decimal max = D(max_text), min = D(min_text);
  const Decimal max_30 = Decimal::from_parts(max.coefficient(), 30);
  CHECK(max_30.round(0, M::half_up) == Decimal(170141183));
  CHECK(max_30.round(29, M::half_up).to_string() == "170141183.46046923173168730371588410573");
  CHECK(max_30.round(29, M::down).to_string() == "170141183.46046923173168730371588410572");
  CHECK(Decimal::from_parts(min.coefficient(), 30).round(29, M::half_even).to_string() ==
        "-170141183.46046923173168730371588410573");
  CHECK(max.round(-1, M::down).to_string() == "170141183460469231731687303715884105720");
  CHECK(min.round(-1, M::down).to_string() == "-170141183460469231731687303715884105720");
  CHECK_THROWS_WITH(max.round(-1, M::half_up), Catch::Contains("overflow in rounding"));
  CHECK_THROWS_AS(min.round(-1, M::up), DecimalError);
  CHECK(max.round(-38, M::down).to_string() == "100000000000000000000000000000000000000");
  CHECK(max.round(-37, M::half_up).to_string() == "170000000000000000000000000000000000000");
  CHECK_THROWS_AS(max.round(-38, M::half_up), DecimalError);  // 2 * 10^38
}

TEST_CASE("equal values of different scales hash equally", "[decimal]") {
  CHECK(D("1.5").hash() == D("1.500000000000000000000000000000").hash());
  CHECK(D("1.5").hash() == Decimal::from_parts(150, 2).hash());
  CHECK(D("-0.10").hash() == D("-0.1").hash());
  CHECK(D("0.000").hash() == Decimal(0).hash());
  const Decimal big = D("17014118346046923173168730371588410572");
  const Decimal big_tenths = Decimal::from_parts(big.coefficient() * 10, 1);
  CHECK(big == big_tenths);
  CHECK(big.hash() == big_tenths.hash());
  CHECK(D(min_text).hash() == D(min_text).shifted(-30).shifted(30).hash());
  std::unordered_set<Decimal> set{D("2"),  D("2.0"),    D("2.000000000000000000000000000000"),
                                  D("-2"), D(max_text), D(min_text)};
  CHECK(set.size() == 4);
}

TEST_CASE("parse and print round-trip at 38 digits and 30 places", "[decimal]") {
  for (const char* text :
       {"99999999999999999999999999999999999999", "-99999999999999999999999999999999999999",
        "99999999.999999999999999999999999999999", "-12345678.901234567890123456789012345678",
        "0.123456789012345678901234567891", "-0.000000000000000000000000000001",
        "170141183.460469231731687303715884105727", "-170141183.460469231731687303715884105728", max_text, min_text,
        "18446744073709551616", "10000000000000000000", "0.0000000000000000001"}) {
    INFO(text);
    CHECK(D(text).to_string() == text);
    CHECK(D(D(text).to_string_grouped()) == D(text));
  }
  CHECK(D("99999999999999999999999999999999999999").scale() == 0);
  CHECK(D("0.123456789012345678901234567891").scale() == 30);
  CHECK(D(max_text).to_string_grouped() == "170,141,183,460,469,231,731,687,303,715,884,105,727");
  CHECK(D("-0.5").to_string_fixed(30) == "-0.500000000000000000000000000000");
}

TEST_CASE("the unchecked 64-bit path and the checked path meet exactly", "[decimal]") {
  // + - x and comparison skip overflow checks when both coefficients fit 64 bits and alignment
  // needs at most 10^18; one step past either limit takes the checked path. Both must agree.
  const Decimal big = Decimal(INT64_MAX), small = Decimal(INT64_MIN);
  const Decimal e_18 = Decimal::from_parts(1, 18), e_19 = Decimal::from_parts(1, 19);
  CHECK((big + e_18).to_string() == "9223372036854775807.000000000000000001");
  CHECK((big + e_19).to_string() == "9223372036854775807.0000000000000000001");
  CHECK((small - e_18).to_string() == "-9223372036854775808.000000000000000001");
  CHECK((small - e_19).to_string() == "-9223372036854775808.0000000000000000001");
  CHECK((small * small).to_string() == "85070591730234615865843651857942052864");
  CHECK((small * big).to_string() == "-85070591730234615856620279821087277056");
  CHECK((big * Decimal(INT64_MAX) + Decimal(INT64_MAX) - big) == big * big);
  const Decimal beyond_64 = Decimal(UINT64_MAX) + Decimal(1);
  CHECK(beyond_64.to_string() == "18446744073709551616");
  CHECK((beyond_64 * Decimal(-2)).to_string() == "-36893488147419103232");
  CHECK(big > big - e_18);
  CHECK(big > big - e_19);
  CHECK(small < small + e_19);
  CHECK(beyond_64 > Decimal(UINT64_MAX) + D("0.999999999999999999"));
  CHECK(Decimal::from_parts(INT64_MAX, 30) < Decimal::from_parts(INT64_MAX, 11));
  CHECK(Decimal::from_parts(INT64_MIN, 30) > Decimal::from_parts(INT64_MIN, 11));
}
