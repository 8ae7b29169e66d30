#!/usr/bin/env python3
"""The README runs: every shell block of README.md is run and its output compared.

usage: run_readme.py TARIFF SOURCE_DIR BUILD_DIR

Conventions (for whoever adds a README section):

  ```console      a transcript: each line starting with "$ " is a command, the lines after it
                  (up to the next "$ " or the end of the block) are what it prints, stdout and
                  stderr together. Compared line by line after trailing blanks are removed;
                  "…" in a shown line stands for any text (a long path, a timing).
                  A command continues on the next line while it ends with "\\" or has an open
                  quote (tariff eval -e 'let x = 1<newline>x + 2 CNY').
  ```sh           commands only, one per line (# comments allowed): each must exit 0.

  A command is expected to exit 0, unless its line ends with "# exits N" (N its exit code).
  Any other block (``` with no language, ```tariff, indented text) is not run.

How they run: from SOURCE_DIR, with bash, TARIFF_PATH unset, NO_COLOR=1 and LC_ALL=C.UTF-8;
"scripts/tariff" is replaced by TARIFF (the program under test, already built) and
"cmake --install build" by "cmake --install BUILD_DIR". A command may write only under /tmp.
The first difference fails the test and is shown as a diff.
"""
import difflib
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\w*)\s*$")
EXITS = re.compile(r"\s+#[^#\n]*?\bexits (\d+)\s*$")


def blocks(text):
    """Yields (language, first line number, lines) for each fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        language, start, body = m.group(1), i + 1, []
        i += 1
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        i += 1
        yield language, start + 1, body


def open_quote(command):
    """True while a command has an unclosed single or double quote."""
    quote = None
    for c in command:
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
    return quote is not None


def commands(language, body):
    """Yields (command, expected exit code, shown output lines or None)."""
    i = 0
    while i < len(body):
        line = body[i]
        if language == "sh":
            i += 1
            if line.strip() and not line.lstrip().startswith("#"):
                code = EXITS.search(line)
                yield (EXITS.sub("", line) if code else line), int(code.group(1)) if code else 0, None
            continue
        if not line.startswith("$ "):
            i += 1
            continue
        command = line[2:]
        i += 1
        while (command.endswith("\\") or open_quote(command)) and i < len(body):
            command += "\n" + body[i]
            i += 1
        shown = []
        while i < len(body) and not body[i].startswith("$ "):
            shown.append(body[i])
            i += 1
        while shown and not shown[-1].strip():
            shown.pop()
        code = EXITS.search(command)
        yield (EXITS.sub("", command) if code else command), int(code.group(1)) if code else 0, shown


def matches(shown, actual):
    """A shown line matches when equal, "…" standing for any text."""
    if "…" not in shown:
        return shown == actual
    pattern = "^" + ".*".join(re.escape(part) for part in shown.split("…")) + "$"
    return re.match(pattern, actual) is not None


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    tariff, source, build = sys.argv[1:]
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    env = {k: v for k, v in os.environ.items() if k != "TARIFF_PATH"}
    env.update(NO_COLOR="1", LC_ALL="C.UTF-8")
    ran = failed = 0
    for language, line, body in blocks(readme):
        if language not in ("console", "sh"):
            continue
        for command, expected_rc, shown in commands(language, body):
            run = command.replace("scripts/tariff", tariff).replace("cmake --install build", f"cmake --install {build}")
            p = subprocess.run(["bash", "-c", run], cwd=source, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            ran += 1
            out = p.stdout.decode("utf-8", "replace").split("\n")
            out = [l.rstrip() for l in out]
            while out and not out[-1]:
                out.pop()
            problems = []
            if p.returncode != expected_rc:
                problems.append(f"exit {p.returncode}, expected {expected_rc}")
            if shown is not None:
                shown = [l.rstrip() for l in shown]
                if len(shown) != len(out) or not all(matches(s, a) for s, a in zip(shown, out)):
                    diff = difflib.unified_diff(shown, out, "README (shown)", "actual", lineterm="")
                    problems.append("output differs:\n" + "\n".join(diff))
            if problems:
                failed += 1
                print(f"FAIL README.md:{line}: $ {command}")
                for problem in problems:
                    print("  " + problem.replace("\n", "\n  "))
                if shown is None and p.stdout:
                    print("  output:\n  " + p.stdout.decode("utf-8", "replace").replace("\n", "\n  "))
    print(f"{ran} README commands run, {failed} failed")
    return 1 if failed or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
