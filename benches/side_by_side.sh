#!/usr/bin/env bash
# "Performance, side by side in one run" (issue 6): the figures a user can rerun, each as
# min / median / max over repeated runs, with the machine they ran on.
#
# (a) Startup to the first drawn frame, for the demo meeting (`podium`, no arguments) and for a
#     generated 1,000-unit plan (`podium run plan.json`), each in a fresh folder (so the session
#     file is created, as at a meeting's first launch), in a private tmux server at --size.
#     The clock starts inside the pane, just before `exec` of podium (bash's $EPOCHREALTIME,
#     written to a file), and stops when `capture-pane` first shows the first unit's name; the
#     screen is polled every 5 ms, each capture a command to one tmux control-mode client
#     (`tmux -C`, no process started per capture). Each figure is therefore late by at most one
#     polling interval plus one capture (both printed below). Beside it, the floor of the method: the
#     same measurement of a program that only prints the name (`printf`), which is what tmux
#     and the polling cost any program. Then `q`, `y` quits podium and the next run starts once
#     it has exited.
# (b) `podium report --format json` on a generated session of 200 units and 10,000 remarks
#     (events as in docs/FORMAT.md, then opened and closed once by `podium run` so that the file
#     is exactly what podium writes, record included), against `jq . FILE` on the same file;
#     both write to /dev/null. With hyperfine when installed (`apt-get install hyperfine`;
#     --shell=none, 3 warm-up runs), else a timed loop.
# (c) The other figures of the issue, by their own tools, when asked (they take minutes):
#     --idle     benches/idle_cpu.sh (idle CPU and memory against termdown; needs termdown)
#     --store    cargo bench --bench store (durable write per event against a bare fsync)
#     --console  cargo bench --bench console (frame and key-to-frame time)
#     --all      all three
#
# Usage, from anywhere after `cargo build --release`:
#   benches/side_by_side.sh [--runs N] [--size COLSxROWS] [--idle] [--store] [--console] [--all]
#       --runs N     runs of each startup and report figure (default 20)
#       --size WxH   the terminal size for (a) (default 100x30)
# Environment: PODIUM (default target/release/podium), IDLE_SECONDS (window of --idle, 60).
# Needs Linux, bash 5, tmux, python3, jq. Prints Markdown. Exit status 0, or 2 on a usage or
# set-up error (a figure that cannot be taken stops the script).
set -u

runs=20 size=100x30 idle=0 store=0 console=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?}; shift 2 ;;
    --size) size=${2:?}; shift 2 ;;
    --idle) idle=1; shift ;;
    --store) store=1; shift ;;
    --console) console=1; shift ;;
    --all) idle=1 store=1 console=1; shift ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "--runs takes a whole number" >&2; exit 2 ;; esac
[ "$runs" -gt 0 ] || { echo "--runs must be at least 1" >&2; exit 2; }
case "$size" in *[0-9]x[0-9]*) ;; *) echo "--size takes COLSxROWS, e.g. 100x30" >&2; exit 2 ;; esac
cols=${size%x*} rows=${size#*x}

root=$(cd "$(dirname "$0")/.." && pwd)
PODIUM=${PODIUM:-$root/target/release/podium}
[ -x "$PODIUM" ] || { echo "no release binary at $PODIUM: cargo build --release" >&2; exit 2; }
for tool in tmux python3 jq; do
  command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x /bin/bash ] || { echo "needs /bin/bash" >&2; exit 2; }

work=$(mktemp -d)
sock=sbs$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
server=
cleanup() {
  tm kill-server 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# ---- The machine ----------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal:/ { printf "%.0f GB", $2 / 1024 / 1024 }' /proc/meminfo 2>/dev/null)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
fs=$(df -T "$work" 2>/dev/null | awk 'NR == 2 { print $2 " on " $1 }')
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")
[ -n "$(git -C "$root" status --porcelain -- src Cargo.toml 2>/dev/null)" ] && commit="$commit (src/ changed since)"
hyper=$(command -v hyperfine >/dev/null && hyperfine --version || echo "not installed (timed loop)")
load0=$(cut -d' ' -f1-3 /proc/loadavg)

echo "# podium side by side ($(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "| | |"
echo "|---|---|"
echo "| CPU | ${cpu:-?}, nproc = $(nproc) |"
echo "| Memory | ${mem:-?} |"
echo "| OS | ${os:-?}, Linux $(uname -r) |"
echo "| Work folder | $fs |"
echo "| podium | $PODIUM, commit $commit |"
echo "| Tools | $(tmux -V), $(jq --version), hyperfine: $hyper, $(python3 --version) |"
echo "| Load average at the start | $load0 |"
echo

# ---- (a) Startup to the first drawn frame ----------------------------------------------------
python3 - "$root/data/city-report.json" "$work/plan1000.json" <<'EOF' || exit 2
import json, sys
base = json.load(open(sys.argv[1], encoding="utf-8"))
plan = {k: base[k] for k in ("title", "date", "start", "venue", "host", "reviewers", "scoring")}
plan["title"] = "千家单位汇报会（1,000 units）"
plan["talk_minutes"] = 8
plan["units"] = [
    {"name": f"第{i:04d}号单位 Unit {i}", "presenter": "党组书记", "role": "局长",
     "topic": f"第{i}项重点工作"}
    for i in range(1, 1001)
]
json.dump(plan, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
"$PODIUM" check "$work/plan1000.json" >/dev/null || { echo "the 1,000-unit plan does not check" >&2; exit 2; }

# A server that lives for the whole run (a placeholder session keeps it up), bash as its shell.
SHELL=/bin/bash tm new-session -d -s keep -x "$cols" -y "$rows" "sleep 100000" || exit 2
server=$(tm display-message -p '#{pid}')
tm set-option -g default-shell /bin/bash >/dev/null

startup=$work/startup.tsv
python3 - "$sock" "$runs" "$cols" "$rows" "$work" "$PODIUM" "$startup" <<'EOF' || exit 2
import atexit, os, shutil, subprocess, sys, time
sock, runs, cols, rows, work, podium, out = sys.argv[1:8]
runs = int(runs)
tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
POLL = 0.005

def tm(*args, check=True):
    return subprocess.run(tmux + list(args), capture_output=True, text=True, check=check)

# The screen is read through one control-mode client (`tmux -C`), so that a capture is one
# command on an open pipe rather than a new tmux process each time.
ctl = subprocess.Popen(tmux + ["-C", "attach-session", "-t", "keep"], stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE, bufsize=0)

def control(command):
    ctl.stdin.write((command + "\n").encode())
    return block()

def block():
    """The next command's output (between its %begin and %end), notifications skipped."""
    body, inside = [], False
    while True:
        line = ctl.stdout.readline()
        if not line:
            sys.exit("the tmux control client ended")
        if line.startswith(b"%begin"):
            inside = True
        elif line.startswith((b"%end", b"%error")):
            if inside:
                return b"".join(body).decode("utf-8", "replace")
        elif inside:
            body.append(line)

# Past the answer to the attach itself: from here on, one command, one block.
ctl.stdin.write(b"display-message -p sbs-ready\n")
while "sbs-ready" not in block():
    pass

def capture():
    return control("capture-pane -p -t run")

def exists():
    return tm("has-session", "-t", "run", check=False).returncode == 0

captures, intervals, spawns = [], [], []

def measure(name, folder, command, needle, quit_keys):
    """Seconds from the pane's exec to the first capture that shows `needle`."""
    t0_file = os.path.join(folder, ".t0")
    inner = f"cd '{folder}' && printf %s \"$EPOCHREALTIME\" > .t0 && exec {command}"
    before = time.time()
    tm("new-session", "-d", "-s", "run", "-x", cols, "-y", rows, inner)
    spawned = time.time()
    spawns.append(spawned - before)
    last = None
    deadline = time.monotonic() + 20
    while True:
        if time.monotonic() > deadline:
            sys.exit(f"{name}: '{needle}' not on screen within 20 s:\n{capture()}")
        c0 = time.time()
        screen = capture()
        c1 = time.time()
        captures.append(c1 - c0)
        if last is not None:
            intervals.append(c1 - last)
        last = c1
        if needle in screen:
            seen = c1
            break
        time.sleep(POLL)
    try:
        with open(t0_file) as f:
            t0 = float(f.read().strip())
    except (OSError, ValueError):
        sys.exit(f"{name}: the pane did not record its launch time in {t0_file}")
    # Quit and wait for the process to end before the next run.
    if quit_keys:
        for key in quit_keys:
            time.sleep(0.05)
            tm("send-keys", "-t", "run", key, check=False)
    else:
        tm("kill-session", "-t", "run", check=False)
    end = time.monotonic() + 10
    while exists() and time.monotonic() < end:
        time.sleep(0.02)
    if exists():
        tm("kill-session", "-t", "run", check=False)
        sys.exit(f"{name}: did not quit on {quit_keys}")
    return seen - t0

env = "env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8"
cases = [
    ("demo", f"{env} '{podium}'", "市财政局", ["q", "y"], None),
    ("plan1000", f"{env} '{podium}' run plan1000.json", "第0001号单位", ["q", "y"],
     os.path.join(work, "plan1000.json")),
    ("floor", "sh -c 'printf \"%s\\n\" 市财政局; exec sleep 60'", "市财政局", None, None),
]
results = {name: [] for name, *_ in cases}
atexit.register(ctl.kill)
for i in range(runs):
    for name, command, needle, quit_keys, plan in cases:  # interleaved: load hits all alike
        folder = os.path.join(work, f"{name}-{i}")
        os.mkdir(folder)
        if plan:
            shutil.copy(plan, folder)
        results[name].append(measure(name, folder, command, needle, quit_keys))
        if name != "floor":
            made = [f for f in os.listdir(folder) if f.endswith(".session.json")]
            if not made:
                sys.exit(f"{name}: no session file was made")
ctl.stdin.close()
ctl.wait(timeout=5)
with open(out, "w") as f:
    for name, values in results.items():
        f.write(name + "\t" + "\t".join(f"{v:.6f}" for v in values) + "\n")
    for name, values in (("capture", captures), ("interval", intervals), ("spawn", spawns)):
        f.write(name + "\t" + "\t".join(f"{v:.6f}" for v in values) + "\n")
EOF

# ---- (b) podium report against jq ------------------------------------------------------------
session=$work/remarks10k/remarks10k.session.json
mkdir -p "$work/remarks10k"
python3 - "$root/data/city-report.json" "$session" <<'EOF' || exit 2
import json, sys
from datetime import datetime, timedelta, timezone
base = json.load(open(sys.argv[1], encoding="utf-8"))
plan = {k: base[k] for k in ("title", "date", "start", "venue", "host", "reviewers", "scoring")}
plan["title"] = "万条点评汇报会（200 units, 10,000 remarks）"
plan["units"] = [{"name": f"第{i:03d}号单位", "presenter": "党组书记", "role": "局长"}
                 for i in range(1, 201)]
reviewers = [r["name"] for r in base["reviewers"]]
tz = timezone(timedelta(hours=8))
clock = datetime(2026, 5, 30, 9, 0, 0, tzinfo=tz)
events = []
def add(event_type, **fields):
    global clock
    clock += timedelta(seconds=1)
    e = {"seq": len(events) + 1, "at": clock.isoformat(timespec="seconds"), "type": event_type}
    e.update(fields)
    events.append(e)
add("meeting_started")
for u in range(1, 201):
    unit = f"第{u:03d}号单位"
    add("talk_started", unit=unit)
    for k in range(50):                        # 200 x 50 = 10,000 remarks
        n = (u - 1) * 50 + k + 1
        add("remark_added", unit=unit, reviewer=reviewers[n % len(reviewers)],
            text=f"第{n}条点评：目标要量化、可考核，责任到人，按季度报送进展（remark {n}）。",
            kind="task" if n % 10 == 0 else "remark")
    end = len(events) + 1
    add("talk_ended", unit=unit)
    nxt = f"第{u + 1:03d}号单位" if u < 200 else None
    add("current_changed", unit=nxt, part_of=end)
add("meeting_ended")
doc = {"format": "podium-session", "version": 1, "plan": plan, "events": events}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
EOF
remarks=$("$PODIUM" report "$session" --format json | jq '[.units[].remarks | length] | add')
[ "$remarks" = 10000 ] || { echo "the generated session holds $remarks remarks, not 10000" >&2; exit 2; }
# Opened and closed once by podium: the file becomes what podium writes (record included).
tm new-session -d -s canon -x "$cols" -y "$rows" \
  "cd '$work/remarks10k' && exec env LANG=zh_CN.UTF-8 '$PODIUM' run remarks10k.session.json"
for _ in $(seq 200); do tm capture-pane -p -t canon 2>/dev/null | grep -qF "第001号单位" && break; sleep 0.05; done
tm send-keys -t canon q; sleep 0.2; tm send-keys -t canon y
for _ in $(seq 200); do tm has-session -t canon 2>/dev/null || break; sleep 0.05; done
tm has-session -t canon 2>/dev/null && { echo "podium did not close the 10,000-remark session" >&2; exit 2; }
grep -q '"record": {' "$session" || { echo "the session was not rewritten by podium" >&2; exit 2; }
bytes=$(stat -c %s "$session")
events=$(jq '.events | length' "$session")
out_bytes=$("$PODIUM" report "$session" --format json | wc -c)
jq_bytes=$(jq . "$session" | wc -c)

report=$work/report.tsv
if command -v hyperfine >/dev/null; then
  hyperfine --shell=none --warmup 3 --runs "$runs" --style none \
    --export-json "$work/hyperfine.json" \
    "$PODIUM report $session --format json" "jq . $session" >/dev/null 2>"$work/hyperfine.err" \
    || { cat "$work/hyperfine.err" >&2; exit 2; }
  python3 - "$work/hyperfine.json" "$report" <<'EOF' || exit 2
import json, sys
data = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    for name, r in zip(("podium", "jq"), data["results"]):
        f.write(name + "\t" + "\t".join(f"{t:.6f}" for t in r["times"]) + "\n")
EOF
else
  python3 - "$PODIUM" "$session" "$runs" "$report" <<'EOF' || exit 2
import subprocess, sys, time
podium, session, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cmds = {"podium": [podium, "report", session, "--format", "json"], "jq": ["jq", ".", session]}
times = {k: [] for k in cmds}
for i in range(runs + 3):
    for name, cmd in cmds.items():
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        if i >= 3:
            times[name].append(time.perf_counter() - t0)
with open(out, "w") as f:
    for name, values in times.items():
        f.write(name + "\t" + "\t".join(f"{t:.6f}" for t in values) + "\n")
EOF
fi

# ---- The tables -----------------------------------------------------------------------------
python3 - "$startup" "$report" "$runs" "$size" "$bytes" "$events" "$out_bytes" "$jq_bytes" <<'EOF'
import statistics, sys
startup, report, runs, size, size_b, events, out_b, jq_b = sys.argv[1:9]
def load(path):
    rows = {}
    for line in open(path):
        name, *values = line.rstrip("\n").split("\t")
        rows[name] = [float(v) for v in values]
    return rows
def ms(v):
    return f"{v * 1000:.1f} ms"
def row(label, values):
    return f"| {label} | {ms(min(values))} | {ms(statistics.median(values))} | {ms(max(values))} |"
s, r = load(startup), load(report)
print(f"## (a) Startup to the first drawn frame ({runs} runs each, {size}, interleaved)")
print()
print("| from exec to the first unit on the screen | min | median | max |")
print("|---|---:|---:|---:|")
print(row("demo meeting (`podium`, 7 units, new session)", s["demo"]))
print(row("1,000-unit plan (`podium run plan.json`, new session)", s["plan1000"]))
print(row("floor: `printf` of the same text, same method", s["floor"]))
print()
print(f"Polling: a capture every {ms(statistics.median(s['interval']))} (median; "
      f"5 ms sleep + one `capture-pane` through the control client of "
      f"{ms(statistics.median(s['capture']))}, "
      f"max {ms(max(s['capture']))}), so each figure is late by at most about one interval. "
      f"`tmux new-session` itself took {ms(statistics.median(s['spawn']))} (median; not counted).")
print()
print(f"## (b) `podium report --format json` against `jq . FILE` ({runs} runs each)")
print()
print(f"The session: 200 units, 10,000 remarks, {int(events):,} events, "
      f"{int(size_b) / 1e6:.1f} MB as podium writes it (record included). Output: podium "
      f"{int(out_b) / 1e6:.1f} MB, jq {int(jq_b) / 1e6:.1f} MB, both to /dev/null.")
print()
print("| | min | median | max |")
print("|---|---:|---:|---:|")
print(row("`podium report FILE --format json`", r["podium"]))
print(row("`jq . FILE`", r["jq"]))
ratio = statistics.median(r["podium"]) / statistics.median(r["jq"])
print()
print(f"Median podium / median jq: **{ratio:.2f}**.")
EOF
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- (c) The other figures, when asked -------------------------------------------------------
if [ "$idle" = 1 ]; then
  echo
  echo "## (c) Idle CPU and memory against termdown: benches/idle_cpu.sh --seconds ${IDLE_SECONDS:-60}"
  echo
  PODIUM=$PODIUM "$root/benches/idle_cpu.sh" --seconds "${IDLE_SECONDS:-60}" --size "$size" \
    || echo "(benches/idle_cpu.sh exited $?)"
fi
if [ "$store" = 1 ]; then
  echo
  echo "## (c) Durable write per event against a bare fsync: cargo bench --bench store"
  echo
  (cd "$root" && cargo bench --bench store 2>/dev/null) || echo "(cargo bench --bench store failed)"
fi
if [ "$console" = 1 ]; then
  echo
  echo "## (c) Frame and key-to-frame time: cargo bench --bench console"
  echo
  (cd "$root" && cargo bench --bench console 2>/dev/null) || echo "(cargo bench --bench console failed)"
fi
exit 0
