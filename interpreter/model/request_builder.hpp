#pragma once
// The one place where what a user names for a bill is resolved against a product, wherever it was
// typed: a rule file's example, a script's bill(), the command line, a usage or packs file. Meters
// by id, display name, alias or API action; packs by size; fees by id or name, with their
// dimensions; account states by name. A name that resolves to nothing is a Diagnostic with a code,
// the span where it was written, and a hint listing the known choices.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/base/name.hpp"
#include "interpreter/model/bill_request.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// Each throws DiagnosticError (one diagnostic) when the name is not the catalog's or the product's.
// The product's version in force at `month` (Catalog::in_force); without a month, the product
// itself, or "version-month" for a product with versions (which one would be a guess).
const Product& resolve_product(const Catalog& catalog, const Name& product, std::optional<int> month = std::nullopt);
// A meter only a later version adds is "meter-added-later" (priced from that version's month).
MeterIndex resolve_meter(const Product& product, const Name& meter);
// A meter usage (or a purchase) may name: also "meter-retired" for a meter the version retires.
MeterIndex resolve_usage_meter(const Product& product, const Name& meter);
// A pack of `size` calls sold for the meter: "unknown-pack" if there is none, "pack-not-sold"
// where the table prints '-'.
// `written` is the size as typed (500万), for the message.
std::size_t resolve_pack(const Product& product, MeterIndex meter, const Decimal& size, const Name& written);
std::size_t resolve_fee(const Product& product, const Name& fee);
std::size_t resolve_dimension(const Product& product, const Fee& fee, const Name& dimension);
const std::string& resolve_state(const Product& product, const Name& state);

// A resolver's diagnostic on one line, for the row of a file it rejects (a rejects file holds one
// reason a row, in CSV): "MESSAGE (HINT)", the hint's lines joined by a blank.
std::string one_line(const DiagnosticError& error);

// A bill request built from names, item by item; each item throws as its resolver does.
class RequestBuilder {
 public:
  explicit RequestBuilder(const Product& product);

  RequestBuilder& usage(const Name& meter, const Decimal& quantity);
  RequestBuilder& buy(const Name& meter, const Decimal& size, const Name& size_written, const Decimal& count);
  RequestBuilder& hold(const Name& meter, const Decimal& remaining, std::optional<Decimal> size);
  // A fee: the first dimension's quantity given bare (`first`, as in `--fee licence=2`), and/or
  // DIMENSION = QUANTITY pairs; a dimension not given takes its default, one given twice is an error.
  RequestBuilder& fee(const Name& fee, const std::optional<std::pair<Span, Decimal>>& first,
                      const std::vector<std::pair<Name, Decimal>>& dimensions);
  RequestBuilder& state(const Name& state);

  const BillRequest& request() const { return request_; }
  BillRequest take() { return std::move(request_); }

 private:
  const Product& product_;
  BillRequest request_;
};

}  // namespace tariff
