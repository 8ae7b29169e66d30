// tariff._tariff: the engine for Python. A client of the layers, as cli/ is: rules are loaded by the
// language layer, names resolved by the one request builder (exactly as cli/cmd_bill.cpp resolves
// them), bills settled by the billing layer and written by the report layer (its JSON is what
// tariff/__init__.py builds the Python bill from), frames written as the CLI's files (frame_file.cpp)
// and rated by the batch rater, over time with the ledger, purchases and states. The GIL is
// released while anything is billed or rated. Errors are raised as the package's exceptions
// (tariff.BillingError, tariff.RuleError), defined in Python before this module is imported.
// Over 300 lines: each entry point's conversions between Python values and the engine's types sit
// beside the binding they serve (the frames' own writer is frame_file.cpp).
#include <fmt/format.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/batch/rate.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/report/format_bill.hpp"
#include "interpreter/script/interpreter.hpp"
#include "python/frame_file.hpp"

namespace py = pybind11;

namespace tariff::python {

namespace {

// ---- errors -------------------------------------------------------------------------------

// A diagnostic as the package's Diagnostic takes it: code, message, hint, file, line, column,
// notes [(file, line, column, message)], and the text the CLI prints for it.
py::tuple diagnostic_tuple(const Diagnostic& d) {
  auto where = [](const Span& s) -> std::tuple<std::string, int, int> {
    if (!s.valid()) return {"", 0, 0};
    auto p = s.source->position(s.begin);
    return {s.source->name, static_cast<int>(p.line), static_cast<int>(p.column)};
  };
  auto [file, line, column] = where(d.span);
  py::list notes;
  for (const auto& n : d.notes) {
    auto [nf, nl, nc] = where(n.span);
    notes.append(py::make_tuple(nf, nl, nc, n.message));
  }
  return py::make_tuple(d.code, d.message, d.hint, file, line, column, notes, render(d));
}

// Thrown here, raised in Python as tariff.BillingError(code, message, hint, notes, text): the
// diagnostic as the CLI renders it, and its message without the CLI's "cannot bill: ".
struct BillFailure {
  Diagnostic diagnostic;
  std::string message = diagnostic.message;
};
// Raised as tariff.RuleError(diagnostics).
struct RuleFailure {
  Diagnostics diagnostics;
};

py::object package_error(const char* name) { return py::module_::import("tariff").attr(name); }

void raise(py::object error) { PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr()); }

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const BillFailure& f) {
    py::tuple d = diagnostic_tuple(f.diagnostic);  // code, message, hint, ..., notes, text
    raise(package_error("BillingError")(d[0], f.message, d[2], d[6], d[7]));
  } catch (const RuleFailure& f) {
    py::list all;
    for (const auto& d : f.diagnostics.list()) all.append(diagnostic_tuple(d));
    raise(package_error("RuleError")(all));
  }
}

// ---- rules --------------------------------------------------------------------------------

struct Rules {
  std::shared_ptr<const RuleSet> set;
  Diagnostics diagnostics;  // of loading, and of the files' let and fn statements
};

// Loads as every command does (cli/common.cpp): any diagnostic stops a strict load; a lenient one
// keeps the products that loaded and their diagnostics, for check().
std::shared_ptr<Rules> load(const std::vector<std::string>& paths, bool strict) {
  auto rules = std::make_shared<Rules>();
  {
    py::gil_scoped_release unlocked;
    RuleSet loaded = load_rules(paths, rules->diagnostics);
    rules->set = std::make_shared<const RuleSet>(std::move(loaded));
    // The rule files' let and fn statements are part of the rules, as `tariff check` says.
    if (rules->diagnostics.empty()) script::Interpreter(rules->set).define_loaded(rules->diagnostics);
  }
  if (strict && !rules->diagnostics.empty()) throw RuleFailure{rules->diagnostics};
  return rules;
}

py::list diagnostics(const Rules& r) {
  py::list out;
  for (const auto& d : r.diagnostics.list()) out.append(diagnostic_tuple(d));
  return out;
}

// Each product: (id, display name, currency, [(meter id, display name, names, actions)], fee ids,
// states).
py::list products(const Rules& r) {
  py::list out;
  for (const auto& p : r.set->catalog.products) {
    if (r.set->catalog.find(p->id) != p.get()) continue;  // a later version: the product is listed once
    py::list meters;
    for (const auto& m : p->meters) {
      std::vector<std::string> names = m.names;
      names.insert(names.end(), m.aka.begin(), m.aka.end());
      meters.append(py::make_tuple(m.id, m.display_name(), names, m.actions));
    }
    std::vector<std::string> fees;
    for (const auto& f : p->fees) fees.push_back(f.id);
    out.append(py::make_tuple(p->id, p->display_name(), p->currency, meters, fees, p->states));
  }
  return out;
}

// ---- bills --------------------------------------------------------------------------------

// A quantity as text, in the one quantity syntax (3500000, 350万, 1.5亿), parsed as the CLI parses
// its arguments; `what` names the argument in the message ("人脸比对=35x").
Decimal quantity(const RuleSet& rules, const std::string& text, const std::string& what) {
  LiteralValue v = parse_quantity_text(text, rules.prelude.units);
  if (!v.value) throw BillFailure{{v.code.empty() ? "quantity" : v.code, {}, what + ": " + v.message, v.hint, {}}};
  return *v.value;
}

int month_number(const std::string& text, const char* what) {
  auto month = parse_month(text);
  if (!month) throw py::value_error(fmt::format("{} '{}' is not a month like 2026-11", what, text));
  return *month;
}

using Usage = std::vector<std::pair<std::string, std::string>>;                              // meter, quantity
using Buys = std::vector<std::tuple<std::string, std::string, std::string>>;                 // meter, size, count
using Held = std::vector<std::tuple<std::string, std::string, std::optional<std::string>>>;  // meter, left, size
using Fees = std::vector<std::tuple<std::string, std::optional<std::string>, Usage>>;        // fee, first, dims

// The request, built item by item as cmd_bill builds it from its arguments.
BillRequest build_request(const RuleSet& rules, const Product& product, const Usage& usage, const Buys& buys,
                          const Held& held, const Fees& fees, const std::vector<std::string>& states) {
  RequestBuilder request(product);
  for (const auto& [meter, qty] : usage) request.usage({meter, {}}, quantity(rules, qty, meter + "=" + qty));
  for (const auto& [meter, size, count] : buys) {
    std::string what = meter + "=" + size + "x" + count;
    request.buy({meter, {}}, quantity(rules, size, what), {size, {}}, quantity(rules, count, what));
  }
  for (const auto& [meter, left, size] : held) {
    std::string what = meter + "=" + left + (size ? "/" + *size : "");
    std::optional<Decimal> s;
    if (size) s = quantity(rules, *size, what);
    request.hold({meter, {}}, quantity(rules, left, what), s);
  }
  for (const auto& [fee, first, dimensions] : fees) {
    std::optional<std::pair<Span, Decimal>> bare;
    if (first) bare = {Span{}, quantity(rules, *first, fee + "=" + *first)};
    std::vector<std::pair<Name, Decimal>> dims;
    for (const auto& [dim, qty] : dimensions) dims.emplace_back(Name{dim, {}}, quantity(rules, qty, dim + "=" + qty));
    request.fee({fee, {}}, bare, dims);
  }
  for (const auto& s : states) request.state({s, {}});
  return request.take();
}

// Bills one request; returns the bill as `bill --json` writes it and as `bill` prints it.
std::pair<std::string, std::string> bill_one(const Rules& r, const std::string& product_id, const Usage& usage,
                                             const Buys& buys, const Held& held, const Fees& fees,
                                             const std::vector<std::string>& states,
                                             const std::optional<std::string>& grant_since,
                                             const std::optional<std::string>& month) {
  const RuleSet& rules = *r.set;
  std::optional<int> age;
  if (grant_since) {
    if (!month) throw py::value_error("a state's since month needs month=, the month billed");
    age = month_number(*month, "month") - month_number(*grant_since, "since");
    if (*age < 0) throw py::value_error(fmt::format("the grant's month {} is after month {}", *grant_since, *month));
  }
  // With month=, the version in force that month (a product with versions needs it).
  std::optional<int> at;
  if (month) at = month_number(*month, "month");
  py::gil_scoped_release unlocked;
  try {
    const Product& product = resolve_product(rules.catalog, {product_id, {}}, at);
    BillRequest request = build_request(rules, product, usage, buys, held, fees, states);
    request.grant_age_months = age;
    Bill b = bill(product, request);
    return {format_bill_json(b), format_bill_text(b)};
  } catch (const BillingError& e) {
    throw BillFailure{e.diagnostic({}, "cannot bill: "), e.what()};
  } catch (const DiagnosticError& e) {
    throw BillFailure{e.diagnostics.list().front()};
  }
}

// Every worked example of one bill (those over months need a ledger: tariff simulate plays them;
// those closing a commitment period, what the period spent: tariff bill --period-spent),
// as the names a caller would give bill(): (product, title,
// usage, buys, held, fees, states, grant age in months or None, [(subject, value, text)],
// discrepancy or None).
py::list examples(const Rules& r) {
  py::list out;
  for (const auto& p : r.set->catalog.products)
    for (const auto& e : p->examples) {
      if (e.spans_months() || e.request.period_spent) continue;  // bill() takes neither a ledger nor a period
      const BillRequest& q = e.request;
      Usage usage;
      for (std::size_t m = 0; m < q.usage.size(); ++m)
        if (!q.usage[m].is_zero()) usage.emplace_back(p->meters[m].id, q.usage[m].to_string());
      Buys buys;
      for (const auto& b : q.buys)
        buys.emplace_back(p->meters[b.meter].id, p->meters[b.meter].packs[b.pack].size.to_string(),
                          b.count.to_string());
      Held held;
      for (const auto& h : q.held)
        held.emplace_back(p->meters[h.meter].id, h.remaining.to_string(),
                          h.size ? std::optional(h.size->to_string()) : std::nullopt);
      Fees fees;
      for (const auto& f : q.fees) {
        Usage dims;
        for (std::size_t i = 0; i < f.quantities.size(); ++i)
          dims.emplace_back(p->fees[f.fee].dimensions[i].name, f.quantities[i].to_string());
        fees.emplace_back(p->fees[f.fee].id, std::nullopt, dims);
      }
      py::list expects;
      for (const auto& x : e.expects)
        expects.append(
            py::make_tuple(x.subject, x.value ? py::object(py::str(x.value->to_string())) : py::none(), x.text));
      out.append(py::make_tuple(p->id, e.title, usage, buys, held, fees, q.states,
                                q.grant_age_months ? py::object(py::int_(*q.grant_age_months)) : py::none(), expects,
                                e.discrepancy ? py::object(py::str(*e.discrepancy)) : py::none(),
                                p->from ? py::object(py::str(month_text(*p->from))) : py::none()));
    }
  return out;
}

// ---- rating -------------------------------------------------------------------------------

// The closing ledger as columns: account, product, meter, pack, bought, expires (None: never),
// remaining, kind; calls as exact text (the package makes them Decimal).
py::dict ledger_dict(const rate::Result& result) {
  std::vector<std::string> account, product, meter, pack, bought, remaining, kind;
  py::list expires;
  for (const rate::LedgerRow& row : result.closing) {
    const LedgerEntry& e = row.entry;
    account.push_back(row.account);
    product.push_back(row.product->id);
    meter.push_back(ledger_meter_id(*row.product, e));
    pack.push_back(e.size.to_string());
    bought.push_back(e.bought ? month_text(*e.bought) : "");
    expires.append(e.expires ? py::object(py::str(month_text(*e.expires))) : py::none());
    remaining.push_back(e.remaining.to_string());
    kind.push_back(to_string(e.kind));
  }
  py::dict out;
  out["account"] = account, out["product"] = product, out["meter"] = meter, out["pack"] = pack;
  out["bought"] = bought, out["expires"] = expires, out["remaining"] = remaining, out["kind"] = kind;
  return out;
}

// The alerts as columns, as --alerts writes them: account, month, product, meter, pack, alert,
// remaining.
py::dict alerts_dict(const rate::Result& result) {
  std::vector<std::string> account, month, product, meter, pack, alert, remaining;
  for (const rate::Alert& a : result.alerts) {
    account.push_back(a.account);
    month.push_back(month_text(a.month));
    product.push_back(a.product->id);
    meter.push_back(a.product->meters[a.meter].id);
    pack.push_back(a.pack);
    alert.push_back(a.kind);
    remaining.push_back(a.remaining.to_string());
  }
  py::dict out;
  out["account"] = account, out["month"] = month, out["product"] = product, out["meter"] = meter;
  out["pack"] = pack, out["alert"] = alert, out["remaining"] = remaining;
  return out;
}

// A rating as columns: bills {account, month, product, currency, total}, rejects {line, rows,
// reason, file} (line 1 is the header, so a frame's row i is line i + 2; file empty for the usage),
// the run's totals, and over time the closing ledger and the alerts.
py::dict result_dict(rate::Result& result, bool over_time) {
  std::vector<std::string> account, month, product, currency, total;
  py::list payable;  // None where the product does not round its payable amount
  for (const rate::Row& row : result.rows) {
    account.push_back(result.accounts[row.account]);
    month.push_back(month_text(row.month));
    product.push_back(row.product->id);
    currency.push_back(row.product->currency);
    total.push_back(row.total.to_string());
    payable.append(row.payable ? py::object(py::str(row.payable->to_string())) : py::none());
  }
  std::vector<std::uint64_t> line, rows;
  std::vector<std::string> reason, file;
  rate::for_each_reject(result, [&](const rate::Reject& j) {
    line.push_back(j.line);
    rows.push_back(j.rows);
    reason.push_back(j.reason);
    file.push_back(j.file);
  });
  py::dict totals;
  for (const auto& [c, t] : result.summary.totals) totals[py::str(c)] = t.to_string();
  py::dict bills, rejects, out;
  bills["account"] = account, bills["month"] = month, bills["product"] = product;
  bills["currency"] = currency, bills["total"] = total, bills["payable"] = payable;
  rejects["line"] = line, rejects["rows"] = rows, rejects["reason"] = reason, rejects["file"] = file;
  out["bills"] = bills, out["rejects"] = rejects, out["totals"] = totals;
  out["rows_read"] = result.summary.rows_read;
  if (over_time) out["ledger"] = ledger_dict(result), out["alerts"] = alerts_dict(result);
  return out;
}

// The files of a run over months, as paths (a frame's is its MemoryFile's): --purchases, --ledger,
// --accounts.
struct OverTime {
  bool on = false;
  std::optional<std::string> purchases, ledger, accounts;
};

// Rates the usage at `path` as `tariff rate` does, over time as `tariff rate --purchases ...
// --ledger ... --accounts ...` does when `over.on`. Called without the GIL.
rate::Result rate_path(const Rules& r, const std::string& path, unsigned jobs, const OverTime& over) {
  rate::Options options;
  options.jobs = jobs;
  try {
    rate::AccountData data;
    if (over.on) {
      data.over_time = true;
      if (over.purchases) rate::read_purchases(*r.set, *over.purchases, data);
      if (over.ledger) rate::read_ledger(*r.set, *over.ledger, data);
      if (over.accounts) rate::read_account_states(*r.set, *over.accounts, data);
      options.accounts = &data;
    }
    return rate::rate_file(*r.set, path, {}, options);
  } catch (const rate::RateError& e) {
    throw py::value_error(e.what());
  }
}

// A frame written into a new MemoryFile (see write_frame).
std::shared_ptr<MemoryFile> frame_file(const std::vector<py::object>& columns, const std::vector<std::string>& names,
                                       const std::string& what) {
  auto file = std::make_shared<MemoryFile>();
  write_frame(columns, names, what, *file);
  return file;
}

py::dict rate_files(const Rules& r, const std::string& usage, unsigned jobs, bool over_time,
                    const std::optional<std::string>& purchases, const std::optional<std::string>& ledger,
                    const std::optional<std::string>& accounts) {
  OverTime over{over_time, purchases, ledger, accounts};
  rate::Result result;
  {
    py::gil_scoped_release unlocked;
    result = rate_path(r, usage, jobs, over);
  }
  return result_dict(result, over_time);
}

}  // namespace

}  // namespace tariff::python

PYBIND11_MODULE(_tariff, m) {
  using namespace tariff::python;
  m.doc() = "The tariff engine (use the tariff package, not this module)";
  py::register_exception_translator(translate);
  py::class_<MemoryFile, std::shared_ptr<MemoryFile>>(m, "FrameFile").def_property_readonly("path", &MemoryFile::path);
  py::class_<Rules, std::shared_ptr<Rules>>(m, "Rules")
      .def("diagnostics", &diagnostics)
      .def("products", &products)
      .def("examples", &examples)
      .def("bill", &bill_one)
      .def("rate_files", &rate_files);
  m.def("load", &load, py::arg("paths"), py::arg("strict"));
  m.def("frame_file", &frame_file, py::arg("columns"), py::arg("names"), py::arg("what"));
  m.attr("source_rules_dir") = TARIFF_SOURCE_RULES_DIR;
  m.attr("install_rules_dir") = TARIFF_INSTALL_RULES_DIR;
}
