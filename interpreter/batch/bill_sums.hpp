#pragma once
// The billing half of batch rating (internal to batch/): merged sums settled by the engine, bill
// by bill, each with the settlement listener that writes its output lines.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "interpreter/batch/account_books.hpp"
#include "interpreter/batch/dictionary.hpp"
#include "interpreter/batch/keys.hpp"
#include "interpreter/batch/account_data.hpp"
#include "interpreter/batch/rate_result.hpp"

namespace tariff::rate::detail {

// Held packs by account (global rank) and product index: (rank << 8 | product).
using PackIndex = std::unordered_map<std::uint64_t, std::vector<HeldPack>>;

// What billing a run of sums produced.
struct Batch {
  std::vector<Row> rows;
  std::vector<Line> lines;  // Row::first_line counts within the batch until concatenated
  std::vector<ChargeLine> charges;  // Row::first_charge likewise
  std::vector<Reject> rejects;
  std::uint64_t rows_rated = 0, rows_rejected = 0;
  std::uint64_t bills_without_usage = 0;  // rows for months billed with no usage row
  Books books;  // over time: the books of accounts the files did not name, opened as first billed
};

// Over time: every account is settled against its book, month after month (books: those the
// files opened, shared by the batches, each touching only its own accounts'). Null: one bill a
// month, with held packs (PackIndex).
struct Accounts {
  Books* books = nullptr;
  const AccountData* data = nullptr;
  const std::vector<std::string>* names = nullptr;  // the run's accounts, by rank
};

// Bills merged sums, sorted by key, whose keys hold global account ranks; [begin, end) must hold
// whole accounts, so that held packs carry from month to month within one batch.
Batch bill_sums(const Dictionary& dictionary, const Sum* begin, const Sum* end, const PackIndex& packs, bool detail,
                const Accounts& accounts = {});

}  // namespace tariff::rate::detail
