#pragma once
// DecimalSum: an exact sum of any number of Decimals, for a batch run's grand totals.
//
// Why it is not a Decimal: the grand total of a batch run adds millions of bills of different
// scales (0.000…1 and 10^9 together need more than 38 digits), so it needs an unbounded
// coefficient, Boost.Multiprecision's cpp_int, which allocates. It is only ever added to (once per
// bill, not per usage row) and shown, so that cost is off the billing path; it never overflows.

#include <boost/multiprecision/cpp_int.hpp>

#include <iosfwd>
#include <string>

#include "decimal.hpp"

namespace tariff {

class DecimalSum {
 public:
  DecimalSum& operator+=(const Decimal& d);
  std::string to_string() const;  // canonical, as Decimal::to_string
  bool operator==(const Decimal& d) const;

 private:
  boost::multiprecision::cpp_int coefficient_ = 0;
  int scale_ = 0;
};
std::ostream& operator<<(std::ostream& out, const DecimalSum& value);

}  // namespace tariff
