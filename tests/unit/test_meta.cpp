// The meta-test's subject (tests/CMakeLists.txt): a hidden test case that asserts nothing, which
// `-w NoAssertions`, the flag every unit test runs with, must fail.
#include <catch2/catch.hpp>

TEST_CASE("meta: a test case that asserts nothing", "[.meta]") {}
