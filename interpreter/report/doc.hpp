#pragma once
// `tariff doc`: a product's price page rendered back from its rules, so that a reviewer can hold
// it beside the published page: each table with its bands in the document's own notation
// (0 < 调用量 ≤ 300万) and its cells as written, packs, free quotas, grants, fees, the settlement
// order, notes, and each worked example with the figures the rules give. The HTML is one
// self-contained UTF-8 file and adds a chart per meter (inline SVG, doc_chart.cpp). Nothing here
// computes a price: the examples and charts ask the billing layer.
#include <string>

#include "interpreter/model/product.hpp"

namespace tariff {

std::string doc_markdown(const Product& product);
std::string doc_html(const Product& product);

// A band as the documents write it: (0, 300万] → "0 < 调用量 ≤ 300万", [20万, ∞) → "调用量 ≥ 20万".
std::string band_notation(const Band& band, const std::string& quantity);

namespace doc {

// The page, before it is rendered as Markdown or HTML.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
struct Block {
  enum class Kind { paragraph, list, table, code, chart } kind = Kind::paragraph;
  std::string text;                // paragraph, code; chart: the SVG
  std::vector<std::string> items;  // list
  Table table;
};
struct Section {
  std::string title;
  int level = 2;
  std::vector<Block> blocks;
};
struct Page {
  std::string title;
  std::vector<Section> sections;
};

// doc.cpp; without `worked` (tariff show), the price tables alone: no charts, no worked examples.
Page page_of(const Product& product, bool worked = true);

// One meter's monthly bill against its usage, on log scales, as an SVG (doc_chart.cpp): band
// edges, the cliffs where a volume band makes more usage cheaper, and where each pack breaks even
// against postpaid. Empty for a meter without postpaid prices.
std::string meter_chart(const Product& product, MeterIndex meter);

}  // namespace doc

}  // namespace tariff
