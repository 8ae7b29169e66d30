#!/bin/sh
# Pipes a session into `tariff repl` and compares stdout+stderr with its golden transcript.
# The session holds errors, so the REPL must exit 1. UPDATE_GOLDEN=1 rewrites the golden file.
# usage: run_piped.sh TARIFF RULE_FILE SESSION GOLDEN
set -u
tariff=$1 rules=$2 session=$3 golden=$4
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$tariff" repl --rules "$rules" < "$session" > "$out" 2>&1
status=$?
if [ "$status" -ne 1 ]; then echo "FAIL: exit status $status, expected 1"; cat "$out"; exit 1; fi
if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$out" "$golden"; echo "updated $golden"; exit 0; fi
diff -u "$golden" "$out" || { echo "FAIL: transcript differs from $golden"; exit 1; }
echo "piped REPL session: ok"
