// At -O3 GCC 12 inlines the std::string code of cpp_int::str() and warns falsely that it may copy
// exabytes onto itself (-Wrestrict, GCC bug 105329). The pragma must precede the headers, where
// that code is.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include "decimal_sum.hpp"

#include <ostream>

#include "int128.hpp"

namespace tariff {

namespace {

namespace mp = boost::multiprecision;

mp::cpp_int power_of_ten(int n) { return mp::pow(mp::cpp_int(10), static_cast<unsigned>(n)); }

}  // namespace

DecimalSum& DecimalSum::operator+=(const Decimal& d) {
  // cpp_int is sign and magnitude: build the magnitude from its words, then put the sign on.
  mp::cpp_int c = int128::widen<mp::cpp_int>(int128::magnitude(d.coefficient()));
  if (d.is_negative()) c = -c;
  if (d.scale() > scale_) {
    coefficient_ *= power_of_ten(d.scale() - scale_);
    scale_ = d.scale();
  } else {
    c *= power_of_ten(scale_ - d.scale());
  }
  coefficient_ += c;
  return *this;
}

std::string DecimalSum::to_string() const {
  mp::cpp_int c = coefficient_;
  int scale = scale_;
  while (scale > 0 && c % 10 == 0) c /= 10, --scale;
  const bool negative = c < 0;
  const std::string digits = (negative ? mp::cpp_int(-c) : c).str();
  const auto places = static_cast<std::size_t>(scale);
  std::string out = negative ? "-" : "";
  if (digits.size() <= places) {
    out += "0.";
    out.append(places - digits.size(), '0');  // "0.00xx"
    return out + digits;
  }
  out.append(digits, 0, digits.size() - places);
  if (places > 0) out.append(".").append(digits, digits.size() - places);
  return out;
}

bool DecimalSum::operator==(const Decimal& d) const { return to_string() == d.to_string(); }

std::ostream& operator<<(std::ostream& out, const DecimalSum& value) { return out << value.to_string(); }

}  // namespace tariff
