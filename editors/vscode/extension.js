// Starts `tariff lsp` for .tariff files: diagnostics, completion, hover, definition, formatting.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("tariff").get("path") || "tariff";
  client = new LanguageClient(
    "tariff",
    "tariff",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "tariff" }] }
  );
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
