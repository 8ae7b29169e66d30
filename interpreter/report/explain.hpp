#pragma once
// A bill explained step by step, in the product's settlement order: for each meter, what the free
// quota, a grant and each pack took, what was left for postpaid, which band that reached and at
// what unit price; then the packs bought, the total and the freeze. Written by a settlement
// listener as the bill is settled again: nothing here knows how a step is computed.
#include <string>

#include "interpreter/billing/bill.hpp"

namespace tariff {

std::string explain_bill(const Bill& bill);

}  // namespace tariff
