#!/bin/sh
# Types a session into `tariff repl` in a real terminal (tmux) and checks the screen: a binding, a
# bill, :explain, a multi-line function, Tab completion of a meter name, an error the session
# survives, Ctrl-C, :reload after the rule file changed on disk, history saved on Ctrl-D.
# usage: tmux_session.sh TARIFF RULE_FILE
set -eu
tariff=$1
rules=$2
work=$(mktemp -d)
socket="tariff-repl-test-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/rules"
cp "$rules" "$work/rules/face_recognition.tariff"

screen() { tmux -L "$socket" capture-pane -p -J -S - -t repl 2>/dev/null || true; }
count() { screen | grep -F -c -- "$1" || true; }
fail() { echo "FAIL: $1"; echo "---- screen ----"; screen; exit 1; }
# Waits (up to 10 s) until TEXT is on the screen more than BEFORE times.
wait_for() {
  text=$1 before=${2:-0} tries=0
  while [ "$(count "$text")" -le "$before" ]; do
    tries=$((tries + 1))
    [ $tries -gt 100 ] && fail "no '$text' on the screen"
    sleep 0.1
  done
}
# Types LINE and Enter, then waits for EXPECTED to appear once more.
type_line() {
  expected=$2
  before=$(count "$expected")
  tmux -L "$socket" send-keys -t repl -l -- "$1"
  tmux -L "$socket" send-keys -t repl Enter
  wait_for "$expected" "$before"
}

tmux -L "$socket" new-session -d -s repl -x 150 -y 50 \
  "env HOME='$work' TERM=xterm LANG=C.UTF-8 LC_ALL=C.UTF-8 '$tariff' repl --rules '$work/rules'; echo REPL-ENDED; sleep 30"
wait_for "tariff> "

type_line 'let b = bill(face_recognition, 人脸比对 = 350万)' "tariff> " 
type_line 'total(b)' "10,470 CNY"
type_line ':explain total(b)' "3. postpaid: 3,490,000 in band (300万, 1500万] at 0.003 = 10,470"

# A function over two lines: the open `if` continues with the continuation prompt.
before=$(count "...> ")
tmux -L "$socket" send-keys -t repl -l 'fn tier(q) = if q > 300万'
tmux -L "$socket" send-keys -t repl Enter
wait_for "...> " "$before"
type_line '  then "high" else "low"' "tariff> "
type_line 'tier(350万)' "high"

# Tab completes the meter name 人脸比 → 人脸比对.
before=$(count "0.003 CNY")
tmux -L "$socket" send-keys -t repl -l 'unit_price(face_recognition, 人脸比'
tmux -L "$socket" send-keys -t repl Tab
wait_for "unit_price(face_recognition, 人脸比对"
tmux -L "$socket" send-keys -t repl -l ', 350万)'
tmux -L "$socket" send-keys -t repl Enter
wait_for "0.003 CNY" "$before"

# An error prints its diagnostic; the session goes on.
type_line 'round(1 / 3) + nothing' "error[arity]: round takes 3 arguments"
type_line '2 + 2 == 4' "true"

# Ctrl-C drops the line being typed.
tmux -L "$socket" send-keys -t repl -l 'let dropped = 1'
tmux -L "$socket" send-keys -t repl C-c
type_line 'dropped' "unknown name 'dropped'"

# :reload after the rule file changed on disk: the new price, the old binding kept.
sed -i 's/^\(    | 人脸比对 *| 0.0032 *| \)0.003 /\10.004 /' "$work/rules/face_recognition.tariff"
grep -q '人脸比对 *| 0.0032 *| 0.004 ' "$work/rules/face_recognition.tariff" || fail "the test could not edit the rule file"
type_line ':reload' "loaded 1 product"
type_line 'total(bill(face_recognition, 人脸比对 = 350万))' "13,960 CNY"
before=$(count "10,470 CNY")
type_line 'total(b)' "10,470 CNY"

# Ctrl-D leaves; the history is in $HOME.
tmux -L "$socket" send-keys -t repl C-d
wait_for "REPL-ENDED"
grep -q 'tier' "$work/.tariff_history" || fail "history not saved in \$HOME/.tariff_history"
[ -n "${SHOW_SCREEN:-}" ] && screen
echo "tmux REPL session: ok"
