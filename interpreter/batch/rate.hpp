#pragma once
// Batch rating: a month-end usage file (CSV `account,month,product,meter,quantity`) summed per
// account/month/meter and billed per account/month/product. Two phases:
//   1. read (row_reader.cpp): rows are parsed in N newline-aligned chunks, one thread each, into
//      per-thread sums keyed by account/month/product/meter; memory grows with keys, not rows.
//   2. rate (rate.cpp): the sums are merged, sorted (account text, month, product id, meter
//      order) and billed, so the result is the same whatever the number of threads.
// Nothing is printed: the caller gets rows, rejects and a summary.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/batch/account_data.hpp"
#include "interpreter/batch/rate_result.hpp"
#include "interpreter/batch/reject.hpp"
#include "interpreter/language/load.hpp"

namespace tariff::rate {

// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

// Rates a regular file, read in `jobs` chunks in parallel, or "-" / any other path that cannot be
// split (a pipe) as one stream, with the products of `rules` (and the prelude's units for
// quantities like 35万). Throws RateError when the input cannot be opened or its header is not
// `account,month,product,meter,quantity` (a UTF-8 byte order mark before it is allowed).
Result rate_file(const RuleSet& rules, const std::string& path, const HeldPacks& packs, const Options& options);

// The size of a regular file, or nullopt (stdin, a pipe): for progress.
std::optional<std::uint64_t> input_size(const std::string& path);

}  // namespace tariff::rate
