#include "interpreter/language/script_ast.hpp"

namespace tariff::script {

const char* op_text(Op op) {
  switch (op) {
    case Op::add: return "+";
    case Op::subtract: return "-";
    case Op::multiply: return "*";
    case Op::divide: return "/";
    case Op::equal: return "==";
    case Op::not_equal: return "!=";
    case Op::less: return "<";
    case Op::less_equal: return "<=";
    case Op::greater: return ">";
    case Op::greater_equal: return ">=";
    case Op::and_: return "and";
    case Op::or_: return "or";
  }
  return "?";
}

bool is_comparison(Op op) { return op >= Op::equal && op <= Op::greater_equal; }

Span Expr::prefix_span(std::size_t n) const {
  return Span{operands.front()->span.source, operands.front()->span.begin, operands[n - 1]->span.end};
}

}  // namespace tariff::script
