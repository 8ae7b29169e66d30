#pragma once
// A usage that cannot be billed as asked: a contact-sales band, a quantity below a minimum, a
// pack not sold. The message names what and why, for the user to act on; the code is stable, for
// tests and tools.
#include <stdexcept>
#include <string>

namespace tariff {

struct BillingError : std::runtime_error {
  std::string code;
  BillingError(std::string c, const std::string& message) : std::runtime_error(message), code(std::move(c)) {}
};

}  // namespace tariff
