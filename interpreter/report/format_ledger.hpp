#pragma once
// A ledger entry as the command line prints it: "pack 1000万 of compare, from 2026-01, expires
// 2027-01" (bill against a ledger, simulate).
#include <string>

#include "interpreter/model/ledger.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

std::string ledger_entry_text(const Product& product, const LedgerEntry& entry);

}  // namespace tariff
