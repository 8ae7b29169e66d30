// The formatter's view of the parse tree: only where items begin and end (format_layout.hpp).
// Any rule file the loader accepts is parsed here with the same grammar and control.
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/rules.hpp"
#include "interpreter/language/format_layout.hpp"
#include "interpreter/language/parse_control.hpp"

namespace tariff::formatting {

namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

// The containers' items, not the statements themselves: a statement added to one of these
// alternatives is an item without any change here.
template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule, pegtl::parse_tree::store_content::on<g::top_item, g::product_item, g::fee_item, g::example_item,
                                               g::script_statement, g::header_row, g::separator_row, g::data_row>>;

void collect(const pegtl::parse_tree::node& n, const char* base, std::vector<Item>& out) {
  if (!n.is_root())
    out.push_back({static_cast<std::size_t>(n.m_begin.data - base), static_cast<std::size_t>(n.m_end.data - base),
                   n.is_type<g::script_statement>()});
  for (const auto& c : n.children) collect(*c, base, out);
}

}  // namespace

std::optional<std::vector<Item>> items_of(const SourcePtr& source, Diagnostics& diagnostics) {
  pegtl::memory_input in(source->text.data(), source->text.data() + source->text.size(), source->name);
  try {
    parse_control::operands_seen = 0;
    auto root = pegtl::parse_tree::parse<g::file, selector, pegtl::nothing, parse_control::control>(in);
    std::vector<Item> items;
    collect(*root, source->text.data(), items);
    return items;
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, 0, diagnostics);
    return std::nullopt;
  }
}

}  // namespace tariff::formatting
