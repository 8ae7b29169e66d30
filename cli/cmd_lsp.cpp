// tariff lsp: a Language Server for rule files, JSON-RPC 2.0 over stdin and stdout with the LSP's
// Content-Length framing. Full-text sync; diagnostics on open and change (codes, hints, related
// places), completion (keywords, meters, units, states), hover on a table cell, go to a meter's
// definition, formatting by `tariff fmt`. Each document is checked alone, with the prelude.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/common.hpp"
#include "cli/lsp_document.hpp"

namespace tariff::cli {

namespace {

using lsp::json;

// One message: headers up to a blank line, then Content-Length bytes. nullopt at end of input.
std::optional<std::string> read_message(std::istream& in) {
  std::size_t length = 0;
  bool any = false;
  for (std::string line; std::getline(in, line);) {
    any = true;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    if (line.rfind("Content-Length:", 0) == 0) length = std::stoul(line.substr(15));
  }
  if (!any || !in) return std::nullopt;
  constexpr std::size_t most = 64U << 20;
  if (length > most) throw UsageError("lsp: a message larger than 64 MiB");
  std::string body(length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return std::nullopt;
  return body;
}

void write_message(const json& message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::cout << "Content-Length: " << body.size() << "\r\n\r\n" << body << std::flush;
}

// file:///a/b%20c.tariff → /a/b c.tariff, for the names diagnostics carry.
std::string path_of(const std::string& uri) {
  std::string p = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri, out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '%' && i + 2 < p.size()) {
      out += static_cast<char>(std::stoi(p.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += p[i];
    }
  }
  return out;
}

json capabilities() {
  return {{"capabilities",
           {{"textDocumentSync", 1},
            {"completionProvider", {{"triggerCharacters", json::array({"|", " "})}}},
            {"hoverProvider", true},
            {"definitionProvider", true},
            {"documentFormattingProvider", true}}},
          {"serverInfo", {{"name", "tariff"}, {"version", TARIFF_VERSION}}}};
}

class Server {
 public:
  // Handles one message; returns false when the client said exit.
  bool handle(const json& m) {
    std::string method = m.value("method", "");
    const json params = m.value("params", json::object());
    json id = m.contains("id") ? m["id"] : json();
    if (method == "exit") {
      exit_code_ = shut_down_ ? 0 : 1;
      return false;
    }
    try {
      json result = answer(method, params);
      if (!id.is_null()) write_message({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
    } catch (const std::exception& e) {
      if (!id.is_null())
        write_message({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", -32603}, {"message", e.what()}}}});
    }
    return true;
  }
  int exit_code() const { return exit_code_; }

 private:
  std::map<std::string, lsp::Document> documents_;
  bool shut_down_ = false;
  int exit_code_ = 1;

  lsp::Document& document(const json& params) {
    return documents_.at(params.at("textDocument").at("uri").get<std::string>());
  }

  void opened(const std::string& uri, std::string text) {
    lsp::Document& d = documents_[uri];
    d.uri = uri;
    d.path = path_of(uri);
    d.update(std::move(text));
    write_message(
        {{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", d.published_diagnostics()}});
  }

  json answer(const std::string& method, const json& params) {
    if (method == "initialize") return capabilities();
    if (method == "shutdown") {
      shut_down_ = true;
      return nullptr;
    }
    if (method == "textDocument/didOpen") {
      opened(params.at("textDocument").at("uri"), params.at("textDocument").at("text"));
    } else if (method == "textDocument/didChange") {
      const json& changes = params.at("contentChanges");
      if (!changes.empty()) opened(params.at("textDocument").at("uri"), changes.back().at("text"));
    } else if (method == "textDocument/didClose") {
      documents_.erase(params.at("textDocument").at("uri").get<std::string>());
    } else if (method == "textDocument/completion") {
      return document(params).completion();
    } else if (method == "textDocument/hover") {
      auto& d = document(params);
      return d.hover(d.offset(params.at("position")));
    } else if (method == "textDocument/definition") {
      auto& d = document(params);
      return d.definition(d.offset(params.at("position")));
    } else if (method == "textDocument/formatting") {
      return document(params).formatting();
    }
    return nullptr;  // notifications (initialized, $/…) and requests not offered
  }
};

}  // namespace

int cmd_lsp(Args args) {
  args.expect_no_options();
  if (!args.words.empty()) throw UsageError("lsp takes no arguments: it speaks on stdin and stdout");
  std::ios::sync_with_stdio(false);
  Server server;
  while (auto body = read_message(std::cin)) {
    json message = json::parse(*body, nullptr, false);
    if (message.is_discarded()) {
      write_message({{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", "parse error"}}}});
      continue;
    }
    if (!server.handle(message)) return server.exit_code();
  }
  return server.exit_code();
}

}  // namespace tariff::cli
