// A meter's monthly bill against its usage, on log scales, as inline SVG (doc.hpp). The bill at
// each usage is the billing layer's; the doubles here only place points on the picture.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "interpreter/billing/bill.hpp"
#include "interpreter/report/doc.hpp"

namespace tariff::doc {

namespace {

constexpr double width = 720, height = 360, left = 78, right = 24, top = 34, bottom = 44;

double number(const Decimal& d) { return std::stod(d.to_string()); }  // for drawing only

// The postpaid-only bill of `q` units of one meter; nullopt where the rules refuse it (contact
// sales, below a minimum).
std::optional<Decimal> bill_at(const Product& p, MeterIndex m, std::uint64_t q) {
  BillRequest r;
  r.usage.resize(p.meters.size());
  r.usage[m] = Decimal(q);
  for (const auto& s : p.rated_states) r.states.push_back(s);
  try {
    return bill(p, r).total;
  } catch (const BillingError&) {
    return std::nullopt;
  }
}

// 3000000 → 300万, 100000000 → 1亿: the axis in the documents' units.
std::string short_quantity(double q) {
  if (q >= 1e8) return fmt::format("{:g}亿", q / 1e8);
  if (q >= 1e4) return fmt::format("{:g}万", q / 1e4);
  return fmt::format("{:g}", q);
}

struct Scale {
  double lo, hi, from, to;  // log10 range → pixels
  double operator()(double v) const {
    double t = (std::log10(std::max(v, std::pow(10.0, lo))) - lo) / (hi - lo);
    return from + t * (to - from);
  }
};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  return out;
}

}  // namespace

std::string meter_chart(const Product& p, MeterIndex m) {
  const Meter& meter = p.meters[m];
  if (!meter.postpaid) return {};
  const auto& bands = meter.postpaid->schedule->bands;
  double top_edge = 1e4;
  for (const auto& b : bands) top_edge = std::max(top_edge, number(b.upper ? *b.upper : b.lower));
  for (const auto& k : meter.packs) top_edge = std::max(top_edge, number(k.size));
  double hi_x = std::ceil(std::log10(top_edge * 10));
  // Usage sampled evenly on the log scale, and on both sides of every band edge (the cliffs).
  std::vector<std::uint64_t> qs;
  for (int i = 0; i <= 240; ++i)
    qs.push_back(static_cast<std::uint64_t>(std::llround(std::pow(10.0, hi_x * i / 240.0))));
  for (const auto& b : bands)
    for (const Decimal* edge : {&b.lower, b.upper ? &*b.upper : nullptr})
      if (edge && edge->is_integer() && !edge->is_negative())
        for (long d : {-1L, 0L, 1L}) {
          double v = number(*edge) + static_cast<double>(d);
          if (v >= 1 && v < 1e18) qs.push_back(static_cast<std::uint64_t>(v));
        }
  std::sort(qs.begin(), qs.end());
  qs.erase(std::unique(qs.begin(), qs.end()), qs.end());
  std::vector<std::pair<double, std::optional<double>>> points;
  double max_y = 1;
  for (auto q : qs) {
    auto t = bill_at(p, m, q);
    points.emplace_back(static_cast<double>(q), t ? std::optional(number(*t)) : std::nullopt);
    if (t) max_y = std::max(max_y, number(*t));
  }
  for (const auto& k : meter.packs)
    if (k.price.sold()) max_y = std::max(max_y, number(k.price.amount));
  double hi_y = std::ceil(std::log10(max_y * 1.5)), lo_y = std::min(-2.0, hi_y - 8);
  Scale x{0, hi_x, left, width - right}, y{lo_y, hi_y, height - bottom, top};

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">\n"
      "<title>{}: the monthly bill against usage</title>\n"
      "<text x=\"{}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{} — monthly bill ({}), postpaid only, log "
      "scales</text>\n",
      width, height, width, height, escape(meter.display_name()), left, escape(meter.display_name()), p.currency);
  for (double e = 0; e <= hi_x; ++e)
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" font-size=\"11\" text-anchor=\"middle\">{4}</text>\n",
        x(std::pow(10.0, e)), top, height - bottom, height - bottom + 16, short_quantity(std::pow(10.0, e)));
  for (double e = lo_y; e <= hi_y; ++e)
    svg += fmt::format(
        "<line x1=\"{1}\" y1=\"{0:.1f}\" x2=\"{2}\" y2=\"{0:.1f}\" stroke=\"#eee\"/>"
        "<text x=\"{3}\" y=\"{0:.1f}\" font-size=\"11\" text-anchor=\"end\">{4}</text>\n",
        y(std::pow(10.0, e)), left, width - right, left - 6, fmt::format("{:g}", std::pow(10.0, e)));
  // Band edges, labelled with the band they start.
  for (const auto& b : bands) {
    double at = std::max(1.0, number(b.lower));
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#9aa\" stroke-dasharray=\"4 3\"/>"
        "<text x=\"{3:.1f}\" y=\"{4}\" font-size=\"10\" fill=\"#577\">{5}</text>\n",
        x(at), top, height - bottom, x(at) + 3, top + 10, escape(b.text));
  }
  // The bill, broken where the rules refuse to price (contact sales).
  std::string path;
  double last_y = 0, last_q = 0;
  for (const auto& [q, t] : points) {
    if (!t) {
      if (!path.empty())
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#0b63c5\" stroke-width=\"2\"/>\n", path);
      path.clear();
      continue;
    }
    double py = *t > 0 ? *t : std::pow(10.0, lo_y);
    if (!path.empty() && *t < last_y && q > last_q)  // a volume cliff: more usage, a smaller bill
      svg += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"none\" stroke=\"#c53b0b\"/>"
          "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" fill=\"#c53b0b\">cliff at {}</text>\n",
          x(q), y(py), x(q) + 6, y(py) + 14, short_quantity(q));
    path += fmt::format("{}{:.1f},{:.1f} ", path.empty() ? "M" : "L", x(q), y(py));
    last_y = *t;
    last_q = q;
  }
  if (!path.empty()) svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#0b63c5\" stroke-width=\"2\"/>\n", path);
  // Each pack's break-even: the least usage whose postpaid bill reaches the pack's price.
  for (const auto& k : meter.packs) {
    if (!k.price.sold()) continue;
    double price = number(k.price.amount);
    std::uint64_t lo = 0, hi = 0;
    for (const auto& [q, t] : points)
      if (t && *t >= price) {
        hi = static_cast<std::uint64_t>(q);
        break;
      } else {
        lo = static_cast<std::uint64_t>(q);
      }
    if (hi == 0 || static_cast<double>(hi) > number(k.size) * 2) continue;
    while (hi - lo > 1) {
      std::uint64_t mid = lo + (hi - lo) / 2;
      auto t = bill_at(p, m, mid);
      (t && number(*t) >= price ? hi : lo) = mid;
    }
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"#1a7f37\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" fill=\"#1a7f37\">{} pack ({}) pays off from {}</text>\n",
        x(static_cast<double>(hi)), y(price), x(static_cast<double>(hi)) - 4, y(price) - 7, escape(k.size_text),
        k.price.amount.to_string_grouped(','), short_quantity(static_cast<double>(hi)));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">usage per month ({}s)</text>\n",
                     (left + width - right) / 2, height - 6, escape(meter.unit));
  return svg + "</svg>\n";
}

}  // namespace tariff::doc
