// Source text → syntax tree: the one parse front end of rule files, scripts and purchases typed on
// the command line (a quantity alone is read by literal.cpp, with the same grammar).
// PEGTL builds a parse tree of the meaningful rules (parse_tree.hpp's selector), converted at once
// into the AST (convert_rules.cpp, convert_script.cpp); a rule file's script statements are part of
// that one parse. The only part of the interpreter, with convert_*.cpp, that includes PEGTL.
#include "interpreter/language/parse.hpp"

#include <fmt/format.h>

#include "grammar/errors.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/language/parse_control.hpp"
#include "interpreter/language/parse_tree.hpp"

namespace tariff {

namespace {

using namespace parsing;
using parse_control::control;

// The parse tree of text [from, end) of `source` under `Rule`; throws pegtl::parse_error.
template <typename Rule>
std::unique_ptr<Node> tree_of(const SourcePtr& source, std::size_t from) {
  pegtl::memory_input in(source->text.data() + from, source->text.data() + source->text.size(), source->name);
  parse_control::operands_seen = 0;
  return pegtl::parse_tree::parse<Rule, selector, pegtl::nothing, control>(in);
}

}  // namespace

std::optional<ast::File> parse_file(SourcePtr source, Diagnostics& diagnostics) {
  try {
    auto root = tree_of<g::file>(source, 0);
    return convert_file(Reader{source}, *root);
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, 0, diagnostics);
    return std::nullopt;
  }
}

std::optional<std::vector<script::StatementPtr>> parse_script(SourcePtr source, Diagnostics& diagnostics,
                                                              std::size_t from) {
  std::string_view text = std::string_view(source->text).substr(from);
  if (std::size_t bad = utf8_valid_prefix(text); bad < text.size()) {
    diagnostics.error("invalid-utf8", Span{source, from + bad, from + bad + 1},
                      fmt::format("the script is not valid UTF-8: byte 0x{:02x}", static_cast<unsigned char>(text[bad])),
                      "write scripts in UTF-8");
    return std::nullopt;
  }
  try {
    auto root = tree_of<gs::script>(source, from);
    std::vector<script::StatementPtr> statements;
    Reader reader{source};
    for (const auto& n : root->children) statements.push_back(convert_statement(reader, *n));
    return statements;
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, from, diagnostics);
    return std::nullopt;
  }
}

bool script_incomplete(SourcePtr source, std::size_t from) {
  try {
    tree_of<gs::script>(source, from);
    return false;
  } catch (const pegtl::parse_error& e) {
    return from + e.positions().front().byte >= source->text.size();
  }
}

namespace {

template <typename Rule, typename Convert>
auto parse_option(const SourcePtr& source, Diagnostics& diagnostics, Convert convert)
    -> std::optional<decltype(convert(Reader{source}, std::declval<const Node&>()))> {
  try {
    auto root = tree_of<Rule>(source, 0);
    return convert(Reader{source}, *root);
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, 0, diagnostics);
    return std::nullopt;
  }
}

}  // namespace

std::optional<ast::ExampleBill::Buy> parse_buy_option(SourcePtr source, Diagnostics& diagnostics) {
  return parse_option<g::buy_option>(source, diagnostics, convert_buy);
}

std::optional<ast::ExampleBill::Held> parse_held_option(SourcePtr source, Diagnostics& diagnostics) {
  return parse_option<g::held_option>(source, diagnostics, convert_held);
}


}  // namespace tariff
