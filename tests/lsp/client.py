#!/usr/bin/env python3
"""A scripted LSP client for `tariff lsp` (usage: client.py TARIFF RULES.tariff).

initialize; didOpen of a rule file with a misspelt settlement step (diagnostics with the code and
the did-you-mean hint); didChange to the correct text (no diagnostics); completion (meters, units,
keywords); hover on a postpaid cell (meter, band, price, the examples billed in that band), also
in the second version of a product with versions (that version's examples);
definition of a meter named in an example; formatting of a badly spaced copy (the edit gives the
formatted file back); shutdown and exit (exit code 0). Any difference fails with a message.
"""
import json
import os
import subprocess
import sys


class Client:
    def __init__(self, tariff):
        self.p = subprocess.Popen([tariff, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.notifications = []

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise SystemExit("FAIL: the server closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            m = self.receive()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise SystemExit(f"FAIL: {method}: {m['error']}")
                return m.get("result")
            self.notifications.append(m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self):
        """The next publishDiagnostics (asks for nothing: a shutdown-free ping flushes the queue)."""
        while True:
            for i, m in enumerate(self.notifications):
                if m.get("method") == "textDocument/publishDiagnostics":
                    return self.notifications.pop(i)["params"]["diagnostics"]
            self.notifications.append(self.receive())


def expect(condition, what):
    if not condition:
        raise SystemExit("FAIL: " + what)


def utf16_column(line, index):
    return len(line[:index].encode("utf-16-le")) // 2


def hover(c, uri, lines, row, column):
    """The hover at line `row`, code point `column` (LSP counts UTF-16 units)."""
    return c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                            "position": {"line": row, "character": utf16_column(lines[row], column)}})


def main():
    tariff, rules = sys.argv[1:3]
    with open(rules, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    uri = "file://" + rules
    c = Client(tariff)
    init = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = init["capabilities"]
    expect(caps.get("hoverProvider") and caps.get("definitionProvider") and caps.get("documentFormattingProvider"),
           f"capabilities: {caps}")
    c.notify("initialized", {})

    broken = text.replace("settle free > packs > postpaid", "settle free > pakcs > postpaid")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "tariff", "version": 1, "text": broken}})
    d = c.diagnostics()
    expect(len(d) == 1 and d[0]["code"] == "unknown-step", f"one unknown-step diagnostic, got {d}")
    expect("did you mean 'packs'" in d[0]["message"], f"the hint names packs: {d[0]['message']}")
    settle_line = next(i for i, l in enumerate(lines) if "settle free" in l)
    expect(d[0]["range"]["start"]["line"] == settle_line, f"the diagnostic is on line {settle_line}: {d[0]['range']}")

    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]})
    d = c.diagnostics()
    expect(d == [], f"no diagnostics once fixed, got {d}")

    items = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    labels = {i["label"] for i in items}
    for want in ("人脸比对", "compare", "CompareFace", "万", "settle", "postpaid"):
        expect(want in labels, f"completion offers {want}")

    row = next(i for i, l in enumerate(lines) if l.strip().startswith("| 人脸比对") and "0.0032" in l)
    column = lines[row].index("| 0.003 ") + 2
    cell = hover(c, uri, lines, row, column)
    expect(cell is not None, "a hover on the postpaid cell")
    value = cell["contents"]["value"]
    for want in ("人脸比对", "compare", "(300万, 1500万]", "0.003", "后付费 示例二"):
        expect(want in value, f"the hover names {want}: {value}")

    # A product with versions: a cell of the second version is hovered with that version's
    # examples, not the first version's.
    versions_path = os.path.join(os.path.dirname(rules), "illustration_translation.tariff")
    with open(versions_path, encoding="utf-8") as f:
        vtext = f.read()
    vlines = vtext.split("\n")
    vuri = "file://" + versions_path
    c.notify("textDocument/didOpen", {"textDocument": {"uri": vuri, "languageId": "tariff", "version": 1, "text": vtext}})
    expect(c.diagnostics() == [], "the file with versions checks clean")
    vrow = next(i for i, l in enumerate(vlines) if l.strip().startswith("| 文本翻译") and "0.0004" in l)
    vcol = vlines[vrow].index("0.0004") + 1
    vhover = hover(c, vuri, vlines, vrow, vcol)
    expect(vhover is not None, "a hover on the second version's cell")
    vvalue = vhover["contents"]["value"]
    expect("2026 prices" not in vvalue, f"the hover lists the first version's examples: {vvalue}")

    usage = next(i for i, l in enumerate(lines) if l.strip() == "usage 人脸比对 = 350万")
    at = lines[usage].index("人脸比对") + 1
    location = c.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                      "position": {"line": usage, "character": utf16_column(lines[usage], at)}})
    meter_line = next(i for i, l in enumerate(lines) if l.strip().startswith("meter compare"))
    expect(location and location["range"]["start"]["line"] == meter_line, f"definition at line {meter_line}: {location}")

    messy = text.replace("  currency CNY", "currency    CNY").replace("| 人脸比对         |", "|人脸比对|")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": messy}]})
    c.diagnostics()
    edits = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    expect(len(edits) == 1 and edits[0]["newText"] == text, "formatting gives the formatted file back")

    expect(c.request("shutdown", None) is None, "shutdown answers null")
    c.notify("exit", None)
    rc = c.p.wait(timeout=30)
    expect(rc == 0, f"exit code 0 after shutdown, got {rc}")
    print("lsp: initialize, diagnostics, change, completion, hover, definition, formatting, shutdown: ok")


if __name__ == "__main__":
    main()
