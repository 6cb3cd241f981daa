#!/usr/bin/env bash
# Idle cost of the live console, side by side in one run with a bare ratatui loop and two
# countdown timers: termdown (PyPI) and timr-tui (crates.io).
#
# Four programs, each in a tmux session of the same size on its own private tmux server, all
# started together and measured over the same window, with no key pressed during it:
# - podium running a talk (Space pressed once, on a plan whose limit is far beyond the window,
#   so no phase change or bell happens);
# - the baseline, examples/idle_baseline.rs: a one-line clock drawn once a second, input waited
#   for with `crossterm::event::poll` (the least a ratatui program showing seconds can cost);
# - termdown counting down the same long span;
# - timr-tui counting down the same long span (its countdown started with Space).
# For each program: CPU time over the window (utime+stime from /proc/PID/stat divided by
# CLK_TCK, 10 ms steps; also the on-CPU nanoseconds summed over its threads from
# /proc/PID/task/*/schedstat when the kernel keeps them), the bytes it wrote (wchar of
# /proc/PID/io: for these programs, what they send to the terminal), resident memory at the
# end (VmRSS) from /proc/PID/status, and the CPU time of the tmux server drawing it (what the
# program's output costs the terminal; for information).
#
# Usage, from anywhere after `cargo build --release && cargo build --release --example
# idle_baseline`, `pip install termdown` and `cargo install timr-tui`:
#   benches/idle_cpu.sh [--seconds N] [--runs N] [--size COLSxROWS]
#       --seconds N   the measured window (default IDLE_SECONDS, else 60)
#       --runs N      repeat the whole measurement N times (default 1)
#       --size WxH    the terminal size for all four (default 120x36)
# Environment: PODIUM (default target/release/podium), BASELINE (default
# target/release/examples/idle_baseline), TERMDOWN and TIMR (default: termdown and timr-tui on
# PATH, or in ~/.cargo/bin), IDLE_SECONDS. A comparison program that is missing is named and
# left out; podium must be there.
# Needs Linux (/proc), tmux, python3. Prints Markdown tables. Exit status: 0 when podium used at
# most a twentieth of termdown's CPU time and at most twice the baseline's in every run (a goal
# whose program is missing is not judged), 1 when not, 2 on a usage or set-up error.
set -u

seconds=${IDLE_SECONDS:-60} runs=1 size=120x36
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?}; shift 2 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --size) size=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$seconds$runs" in *[!0-9]*|'') echo "--seconds and --runs take whole numbers" >&2; exit 2 ;; esac
[ "$seconds" -gt 0 ] && [ "$runs" -gt 0 ] || { echo "--seconds and --runs must be at least 1" >&2; exit 2; }
cols=${size%x*} rows=${size#*x}

root=$(cd "$(dirname "$0")/.." && pwd)
PODIUM=${PODIUM:-$root/target/release/podium}
[ -x "$PODIUM" ] || { echo "no release binary at $PODIUM: cargo build --release" >&2; exit 2; }
for tool in tmux python3; do
  command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -r /proc/self/stat ] || { echo "needs Linux /proc" >&2; exit 2; }

# The comparison programs: found, or named as missing and left out.
find_tool() {                              # name, then where else to look
  local found
  found=$(command -v "$1" 2>/dev/null) || { [ -x "$2" ] && found=$2; } || return 1
  # A pyenv (or similar) shim is a shell script that execs the real one: resolve it up front so
  # the process measured is the program itself (the PID stays the same through exec anyway).
  if command -v pyenv >/dev/null 2>&1 && real=$(pyenv which "$1" 2>/dev/null); then found=$real; fi
  echo "$found"
}
BASELINE=${BASELINE:-$root/target/release/examples/idle_baseline}
TERMDOWN=${TERMDOWN:-$(find_tool termdown /nonexistent)}
TIMR=${TIMR:-$(find_tool timr-tui "$HOME/.cargo/bin/timr-tui")}
names=(podium)
[ -x "$BASELINE" ] && names+=(baseline) \
  || echo "baseline missing ($BASELINE): cargo build --release --example idle_baseline; going on without it" >&2
[ -n "$TERMDOWN" ] && [ -x "$TERMDOWN" ] && names+=(termdown) \
  || echo "termdown missing: pip install termdown; going on without it" >&2
[ -n "$TIMR" ] && [ -x "$TIMR" ] && names+=(timr-tui) \
  || echo "timr-tui missing: cargo install timr-tui; going on without it" >&2

tck=$(getconf CLK_TCK)
settle=3                                  # after the start, before the first sample
# The talk limit in minutes (at least 10): the window ends well before its 60 s warning.
minutes=$(( (seconds + settle + 60 + 30 + 59) / 60 ))
[ "$minutes" -lt 10 ] && minutes=10
[ "$minutes" -gt 600 ] && { echo "--seconds too long" >&2; exit 2; }
work=$(mktemp -d)
tag=idle$$
sock() { echo "$tag-$1"; }
tm() { local name=$1; shift; tmux -L "$(sock "$name")" -f /dev/null "$@"; }
socks=()                                  # tmux leaves its socket files behind
kill_all() { for n in "${names[@]}"; do tm "$n" kill-server 2>/dev/null; done; }
cleanup() {
  kill_all
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
# schedstat; 0 when the kernel does not keep it. /proc/PID/schedstat alone is the main thread.
nanos() {
  if [ -r "/proc/$1/schedstat" ]; then cat /proc/"$1"/task/*/schedstat | awk '{ n += $1 } END { print n + 0 }'
  else echo 0; fi
}
# Bytes written through write(2) and the like (what a terminal program sends its terminal).
wchar() { awk '/^wchar:/ { print $2 }' "/proc/$1/io" 2>/dev/null || echo 0; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
alive() { [ -d "/proc/$1" ]; }
screen_of() { tm "$1" capture-pane -t "$1" -p 2>/dev/null; }
waitfor() {                               # name, text
  for _ in $(seq 100); do screen_of "$1" | grep -qF "$2" && return 0; sleep 0.1; done
  echo "$1 never showed '$2'; the terminal shows:" >&2; screen_of "$1" | sed '/^\s*$/d' | head -20 >&2
  return 1
}
command_of() {                            # name, the run's folder
  case $1 in
    podium) echo "cd '$2' && exec env LANG=zh_CN.UTF-8 '$PODIUM' run plan.json --lang zh" ;;
    baseline) echo "exec env LANG=C.UTF-8 '$BASELINE'" ;;
    termdown) echo "exec env LANG=C.UTF-8 '$TERMDOWN' $((minutes * 60))" ;;
    timr-tui) echo "exec env LANG=C.UTF-8 '$TIMR' --mode countdown --countdown ${minutes}:00 --notification off" ;;
  esac
}

results=$work/results.tsv
: > "$results"
declare -A pid srv t0 n0 w0 s0
for run in $(seq "$runs"); do
  kill_all
  dir=$work/run$run                       # a fresh meeting each run
  mkdir "$dir" && cp "$work/plan.json" "$dir/"
  # `exec` makes the pane's process the program itself. timr-tui keeps its state in its data
  # folder: a fresh one each run, so every run starts from the same countdown.
  for n in "${names[@]}"; do
    SHELL=/bin/sh XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config \
      tm "$n" new-session -d -s "$n" -x "$cols" -y "$rows" "$(command_of "$n" "$dir")"
    socks+=("$(tm "$n" display -p '#{socket_path}')")
    pid[$n]=$(tm "$n" display -p -t "$n" '#{pane_pid}')
    srv[$n]=$(tm "$n" display -p -t "$n" '#{pid}')
  done
  waitfor podium "市财政局" || exit 2
  tm podium send-keys -t podium Space
  waitfor podium "汇报中" || exit 2
  if [ -n "${pid[timr-tui]:-}" ]; then
    sleep 0.5
    tm timr-tui send-keys -t timr-tui Space # starts timr-tui's countdown
  fi
  sleep "$settle"
  for n in "${names[@]}"; do
    alive "${pid[$n]}" || { echo "$n is not running" >&2; exit 2; }
  done
  # Nothing is pressed from here on; all are sampled together, at the start and at the end.
  for n in "${names[@]}"; do
    t0[$n]=$(ticks "${pid[$n]}") n0[$n]=$(nanos "${pid[$n]}") w0[$n]=$(wchar "${pid[$n]}")
    s0[$n]=$(ticks "${srv[$n]}")
  done
  timr_before=$( [ -n "${pid[timr-tui]:-}" ] && screen_of timr-tui )
  sleep "$seconds"
  for n in "${names[@]}"; do
    p=${pid[$n]}
    alive "$p" || { echo "$n ended during the window" >&2; exit 2; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$n" $(( $(ticks "$p") - ${t0[$n]} )) \
      $(( $(nanos "$p") - ${n0[$n]} )) $(( $(wchar "$p") - ${w0[$n]} )) "$(rss "$p")" \
      $(( $(ticks "${srv[$n]}") - ${s0[$n]} )) >> "$results"
  done
  screen_of podium | grep -qF "汇报中" || { echo "podium's talk is not running at the end" >&2; exit 2; }
  if [ -n "${pid[timr-tui]:-}" ] && [ "$(screen_of timr-tui)" = "$timr_before" ]; then
    echo "timr-tui's screen did not change during the window: its countdown did not run" >&2
  fi
  kill_all
done

python3 - "$results" "$tck" "$seconds" "$cols" "$rows" "$runs" "$([ -r /proc/self/schedstat ] && echo 1)" <<'EOF'
import sys
from collections import defaultdict
path, tck, seconds, cols, rows, runs, hires = sys.argv[1:8]
tck, seconds = int(tck), int(seconds)
order = ["podium", "baseline", "termdown", "timr-tui"]
by_run = defaultdict(dict)
for line in open(path):
    if line.strip():
        run, name, t, n, w, rss, srv = line.rstrip("\n").split("\t")
        by_run[int(run)][name] = dict(t=int(t), n=int(n), w=int(w), rss=int(rss), srv=int(srv))

def cpu_ms(m):
    """CPU time in ms: schedstat where the kernel keeps it, else utime+stime."""
    return m["n"] / 1e6 if hires else m["t"] * 1000 / tck

def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"

def table(title, runs_):
    window = seconds * len(runs_)
    print(title)
    print()
    print("| program | CPU, utime+stime (ms) | CPU, schedstat, all threads (ms) | % of one core "
          "| bytes written (per s) | VmRSS at the end (MiB) | tmux server CPU (ms) | podium / this (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total = {}
    for name in order:
        ms = [r[name] for r in runs_ if name in r]
        if not ms:
            continue
        m = {k: sum(x[k] for x in ms) for k in ("t", "n", "w", "srv")}
        m["rss"] = max(x["rss"] for x in ms)
        total[name] = m
    for name, m in total.items():
        sched = f"{m['n'] / 1e6:.1f}" if hires else "n/a"
        print(f"| {name} | {m['t'] * 1000 / tck:.0f} | {sched} | {cpu_ms(m) / 10 / window:.3f} "
              f"| {m['w']} ({m['w'] / window:.0f}) | {m['rss'] / 1024:.1f} | {m['srv'] * 1000 / tck:.0f} "
              f"| {ratio(cpu_ms(total['podium']), cpu_ms(m))} |")
    print()
    return total

print(f"Idle live console, side by side: {seconds} s window, {cols}x{rows}, {runs} run(s), "
      f"CLK_TCK={tck}, CPU compared by {'schedstat' if hires else 'utime+stime'}")
print()
ok = True
judged = []
for run in sorted(by_run):
    total = table(f"Run {run}", [by_run[run]])
    p = cpu_ms(total["podium"])
    if "termdown" in total:
        ok = ok and p <= cpu_ms(total["termdown"]) / 20
        judged.append("termdown")
    if "baseline" in total:
        ok = ok and p <= cpu_ms(total["baseline"]) * 2
        judged.append("baseline")
if len(by_run) > 1:
    table(f"All {len(by_run)} runs: CPU and bytes summed, memory the largest", list(by_run.values()))
goals = []
if "termdown" in judged:
    goals.append("at most 1/20 of termdown's CPU time")
if "baseline" in judged:
    goals.append("at most 2x the baseline's")
if goals:
    print(f"podium {' and '.join(goals)}, in every run:", "yes" if ok else "NO")
else:
    print("no comparison program ran: nothing judged")
sys.exit(0 if ok else 1)
EOF
