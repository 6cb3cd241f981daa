#!/usr/bin/env bash
# Idle cost of the live console, side by side with termdown (PyPI) in one run.
#
# podium runs a talk (Space pressed once, on a plan whose limit is far beyond the window, so no
# phase change or bell happens), termdown counts down the same long span; both in tmux sessions
# of the same size, each on its own private tmux server; no key is pressed during the window.
# For each program: CPU time over the window (utime+stime from /proc/PID/stat divided by
# CLK_TCK, 10 ms steps; also the on-CPU nanoseconds summed over its threads from
# /proc/PID/task/*/schedstat when the kernel keeps them), resident memory at the end (VmRSS) and
# its peak (VmHWM) from /proc/PID/status, and the CPU time of the tmux server drawing it (what the
# program's output costs the terminal; for information).
#
# Usage, from anywhere after `cargo build --release` and `pip install termdown`:
#   benches/idle_cpu.sh [--seconds N] [--runs N] [--size COLSxROWS]
#       --seconds N   the measured window (default 60)
#       --runs N      repeat the whole measurement N times (default 1)
#       --size WxH    the terminal size for both (default 100x30)
# Environment: PODIUM (default target/release/podium), TERMDOWN (default: termdown on PATH).
# Needs Linux (/proc), tmux, python3. Prints Markdown tables. Exit status: 0 when podium used less
# than a tenth of termdown's CPU time (by both measures) and less than a third of its resident
# memory (VmRSS) in every run, 1 when not, 2 on a usage or set-up error.
set -u

seconds=60 runs=1 size=100x30
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?}; shift 2 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --size) size=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$seconds$runs" in *[!0-9]*) echo "--seconds and --runs take whole numbers" >&2; exit 2 ;; esac
[ "$seconds" -gt 0 ] && [ "$runs" -gt 0 ] || { echo "--seconds and --runs must be at least 1" >&2; exit 2; }
cols=${size%x*} rows=${size#*x}

root=$(cd "$(dirname "$0")/.." && pwd)
PODIUM=${PODIUM:-$root/target/release/podium}
[ -x "$PODIUM" ] || { echo "no release binary at $PODIUM: cargo build --release" >&2; exit 2; }
TERMDOWN=${TERMDOWN:-$(command -v termdown)}
[ -n "$TERMDOWN" ] || { echo "termdown not found: pip install termdown" >&2; exit 2; }
# A pyenv (or similar) shim is a shell script that execs the real one: resolve it up front so
# the process measured is termdown itself (the PID stays the same through exec anyway).
if command -v pyenv >/dev/null 2>&1 && real=$(pyenv which termdown 2>/dev/null); then TERMDOWN=$real; fi
for tool in tmux python3; do
  command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -r /proc/self/stat ] || { echo "needs Linux /proc" >&2; exit 2; }

tck=$(getconf CLK_TCK)
settle=3                                  # after the start, before the first sample
# The talk limit in minutes (at least 10): the window ends well before its 60 s warning.
minutes=$(( (seconds + settle + 60 + 30 + 59) / 60 ))
[ "$minutes" -lt 10 ] && minutes=10
[ "$minutes" -gt 600 ] && { echo "--seconds too long" >&2; exit 2; }
work=$(mktemp -d)
tag=idle$$
P=${tag}p T=${tag}t
tmp() { tmux -L "$P" -f /dev/null "$@"; }
tmt() { tmux -L "$T" -f /dev/null "$@"; }
socks=()                                  # tmux leaves its socket files behind
cleanup() {
  tmp kill-server 2>/dev/null; tmt kill-server 2>/dev/null
  rm -rf "$work"; [ ${#socks[@]} -gt 0 ] && rm -f "${socks[@]}"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# A plan like the sample meeting, with a limit far beyond the measured window.
python3 - "$root/data/city-report.json" "$work/plan.json" "$minutes" <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
plan["talk_minutes"] = int(sys.argv[3])
for u in plan["units"]:
    u.pop("minutes", None)
json.dump(plan, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF

# CPU ticks (utime+stime) of a process; fields counted after the ")" that ends its name.
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# Nanoseconds on a CPU, summed over the process's threads (termdown runs three) from their
# schedstat; empty when the kernel does not keep it. /proc/PID/schedstat alone is the main thread.
nanos() { [ -r "/proc/$1/schedstat" ] && cat /proc/"$1"/task/*/schedstat | awk '{ n += $1 } END { print n }'; }
# VmRSS and VmHWM in kB.
mem() { awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { print r, h }' "/proc/$1/status"; }
alive() { [ -d "/proc/$1" ]; }
# The terminal's screen, for the checks below.
screen_p() { tmp capture-pane -t "$P" -p 2>/dev/null; }
waitfor() {
  for _ in $(seq 100); do screen_p | grep -qF "$1" && return 0; sleep 0.1; done
  echo "podium never showed '$1'; the terminal shows:" >&2; screen_p | sed '/^\s*$/d' | head -20 >&2
  return 1
}

results=$work/results.tsv
: > "$results"
for run in $(seq "$runs"); do
  tmp kill-server 2>/dev/null; tmt kill-server 2>/dev/null
  dir=$work/run$run                       # a fresh meeting each run
  mkdir "$dir" && cp "$work/plan.json" "$dir/"
  # `exec` makes the pane's process the program itself.
  SHELL=/bin/sh tmp new-session -d -s "$P" -x "$cols" -y "$rows" \
    "cd '$dir' && exec env LANG=zh_CN.UTF-8 '$PODIUM' run plan.json --lang zh"
  SHELL=/bin/sh tmt new-session -d -s "$T" -x "$cols" -y "$rows" \
    "exec env LANG=zh_CN.UTF-8 '$TERMDOWN' $((minutes * 60))"
  socks=("$(tmp display -p '#{socket_path}')" "$(tmt display -p '#{socket_path}')")
  ppid=$(tmp display -p -t "$P" '#{pane_pid}') tpid=$(tmt display -p -t "$T" '#{pane_pid}')
  psrv=$(tmp display -p -t "$P" '#{pid}') tsrv=$(tmt display -p -t "$T" '#{pid}')
  waitfor "市财政局" || exit 2
  tmp send-keys -t "$P" Space
  waitfor "汇报中" || exit 2
  sleep "$settle"
  alive "$tpid" || { echo "termdown is not running" >&2; exit 2; }
  # Nothing is pressed from here on.
  p0=$(ticks "$ppid") t0=$(ticks "$tpid") pn0=$(nanos "$ppid") tn0=$(nanos "$tpid")
  ps0=$(ticks "$psrv") ts0=$(ticks "$tsrv")
  sleep "$seconds"
  p1=$(ticks "$ppid") t1=$(ticks "$tpid") pn1=$(nanos "$ppid") tn1=$(nanos "$tpid")
  ps1=$(ticks "$psrv") ts1=$(ticks "$tsrv")
  read -r prss phwm < <(mem "$ppid")
  read -r trss thwm < <(mem "$tpid")
  alive "$ppid" && alive "$tpid" || { echo "a program ended during the window" >&2; exit 2; }
  screen_p | grep -qF "汇报中" || { echo "podium's talk is not running at the end" >&2; exit 2; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" \
    $((p1 - p0)) $((t1 - t0)) "$(( ${pn1:-0} - ${pn0:-0} ))" "$(( ${tn1:-0} - ${tn0:-0} ))" \
    "$prss" "$trss" "$phwm" "$thwm" $((ps1 - ps0)) $((ts1 - ts0)) >> "$results"
  tmp kill-server 2>/dev/null; tmt kill-server 2>/dev/null
done

python3 - "$results" "$tck" "$seconds" "$cols" "$rows" "$runs" "$([ -r /proc/self/schedstat ] && echo 1)" <<'EOF'
import sys
path, tck, seconds, cols, rows, runs, hires = sys.argv[1:8]
tck, seconds = int(tck), int(seconds)
runs_ = [list(map(int, l.split("\t"))) for l in open(path) if l.strip()]

def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"

def table(title, pt, tt, pn, tn, prss, trss, phwm, thwm, psrv, tsrv, window):
    print(title)
    print()
    print("| measure | podium | termdown | podium / termdown |")
    print("|---|---|---|---|")
    print(f"| CPU time, utime+stime (s) | {pt / tck:.2f} | {tt / tck:.2f} | {ratio(pt, tt)} |")
    if hires:
        print(f"| CPU time, schedstat, all threads (s) | {pn / 1e9:.3f} | {tn / 1e9:.3f} | {ratio(pn, tn)} |")
        print(f"| CPU use (% of one core) | {pn / 1e9 / window * 100:.3f} | {tn / 1e9 / window * 100:.3f} | |")
    print(f"| resident memory at the end, VmRSS (MiB) | {prss / 1024:.1f} | {trss / 1024:.1f} | {ratio(prss, trss)} |")
    print(f"| peak resident memory, VmHWM (MiB) | {phwm / 1024:.1f} | {thwm / 1024:.1f} | {ratio(phwm, thwm)} |")
    print(f"| CPU time of the tmux server drawing it (s) | {psrv / tck:.2f} | {tsrv / tck:.2f} | {ratio(psrv, tsrv)} |")
    print()

print(f"Idle live console vs termdown: {seconds} s window, {cols}x{rows}, {runs} run(s), CLK_TCK={tck}")
print()
ok = True
for r in runs_:
    run, pt, tt, pn, tn, prss, trss, phwm, thwm, psrv, tsrv = r
    table(f"Run {run}", pt, tt, pn, tn, prss, trss, phwm, thwm, psrv, tsrv, seconds)
    cpu_ok = pt < tt / 10 and (not hires or pn < tn / 10)
    ok = ok and cpu_ok and prss < trss / 3
if len(runs_) > 1:
    cols_ = list(zip(*runs_))
    total = lambda i: sum(cols_[i])
    table(f"All {len(runs_)} runs: CPU summed, memory the largest", total(1), total(2), total(3),
          total(4), max(cols_[5]), max(cols_[6]), max(cols_[7]), max(cols_[8]), total(9),
          total(10), seconds * len(runs_))
print("podium under a tenth of termdown's CPU time (both measures) and under a third of its",
      "resident memory, in every run:", "yes" if ok else "NO")
sys.exit(0 if ok else 1)
EOF
