// tariff doc PRODUCT [--format md|html] [--out FILE]: the price page rendered back from the rules
// (report/doc.hpp): Markdown, or one self-contained HTML file with a chart per meter.
#include <fmt/format.h>

#include "cli/common.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/report/doc.hpp"

namespace tariff::cli {

int cmd_doc(Args args) {
  auto paths = rule_paths(args);
  std::string format = args.take("--format").value_or("md");
  auto out_path = args.take("--out");
  auto month = args.take("--month");
  args.expect_no_options();
  if (format == "markdown") format = "md";
  if (format != "md" && format != "html")
    throw UsageError(fmt::format("--format must be md or html, not '{}'", printable(format)),
                     did_you_mean(format, {"md", "html"}));
  if (args.words.size() != 1) throw UsageError("doc needs one PRODUCT");
  RuleSet rules = load(paths);
  const Product& product = find_product(rules, args.words.front(), month);
  OutputFile out(out_path);
  out.write(format == "html" ? doc_html(product) : doc_markdown(product));
  out.commit();
  return ok;
}

}  // namespace tariff::cli
