//! Note-takers over the network, under load: 50 protocol clients (a test harness, not 50
//! consoles) each send 10 remarks a second for 60 s to a host that runs its console loop
//! meanwhile, with someone typing at it. Nothing may be lost or doubled, and the host's
//! key-to-frame time is measured under that load (the goal: p99 ≤ 16 ms).
//!
//! `cargo bench --bench network`. Plain `std::time` timing (no criterion).
//!
//! - **The host**: a new session of the demo meeting (`data/city-report.json`) in a temp
//!   folder under Cargo's target dir (a real disk) or under `PODIUM_BENCH_DIR`, an `App` on
//!   it, a real `Server` on 127.0.0.1 (a free port; `PODIUM_BENCH_BIND` to change it), the
//!   first talk started. The main thread runs the loop of `tui::run`: `tick` (the snapshot
//!   when due, then the network pump: every note-taker's command decided, made durable —
//!   journal append + `fdatasync` — broadcast and acknowledged) → draw into a ratatui
//!   `TestBackend` of 120×40 when something changed (input, news from the network, a due
//!   change on screen) → wait for input until the next wake, `NETWORK_EVERY_MS` (40 ms) at
//!   most while serving, then take every key that is waiting.
//! - **The keys**: a synthetic typist, a key every 60–140 ms (100 ms on average): `r`, 20
//!   Chinese characters, then Enter (the remark is saved) or Esc + `y` (discarded), then Down
//!   and Up on the agenda; over and over. A key "arrives" at its scheduled moment: if the
//!   loop is busy then (pumping, drawing, writing a snapshot), it waits, as a real key would.
//!   **Key to frame** is the time from that moment to the end of the first frame drawn after
//!   the key was handled.
//! - **The note-takers**: 50 tasks on a tokio runtime of its own (one worker thread unless
//!   `PODIUM_BENCH_CLIENT_THREADS` says otherwise), each joined with
//!   `net::client::connect` (role note-taker, its own name and laptop id), sending
//!   `ToHost::Command { id: "bench-07-123", AddRemark on the current unit, ~40 Chinese
//!   characters }` on a fixed schedule (10 a second, the clients spread over the 100 ms), and
//!   reading the host's messages meanwhile: every `Ack` (send → ack latency) and every
//!   `Events` (each client must see every event, without a gap). At most `MAX_TRIES - 1`
//!   clients are in their handshake at once: the host reserves a try per handshake in
//!   progress from one address, and all of them come from 127.0.0.1.
//! - **At the end**: every command acknowledged (waited for, up to 60 s), every remark in the
//!   host's session exactly once (by command id and by text), again in the session as read
//!   back from the disk (`store::read`: snapshot + journal), and every client has seen the
//!   host's last event. The process exits with 1 if anything was lost, doubled, refused or
//!   unacknowledged.
//!
//! `PODIUM_BENCH_SECONDS` (default 60), `PODIUM_BENCH_CLIENTS` (default 50) and
//! `PODIUM_BENCH_RATE` (remarks a second per client, default 10) change the load.

mod common;
use common::{Stats, bench_dir, env_count};

use podium::net::client::{JoinSpec, connect};
use podium::net::host::Server;
use podium::net::wire::{self, Opener, Role};
use podium::net::{Channel, MAX_FROM_HOST, Message, ToHost};
use podium::session::{Command, EventKind, RemarkKind, Session};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{Action, App, Level, Mode, NETWORK_EVERY_MS, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc as tmpsc, watch};

const SIZE: (u16, u16) = (120, 40);
/// The typist's keys come this far apart, give or take `KEY_JITTER_MS`.
const KEY_EVERY_MS: u64 = 100;
const KEY_JITTER_MS: u64 = 40;
/// What the host types, a character at a time.
const TYPED: &str = "职责清晰目标明确举措有力下一步要把税源培育落到具体项目上";
/// Characters typed into each remark before it is saved or discarded.
const PER_REMARK: usize = 20;
/// How long the end waits for acknowledgements, and then for the last events.
const ACK_WAIT: Duration = Duration::from_secs(60);
const SETTLE_WAIT: Duration = Duration::from_secs(15);

const PHRASES: [&str; 4] = [
    "职责清晰，目标明确，举措有力；下一步要把税源培育落到具体项目上，按季度抓好落实",
    "建议把明年目标细化到季度，三季度前完成十二个重点项目的前期工作，并明确责任人",
    "数据要实，问题要准，请会后一周内报送整改清单，逐项标明完成时限和牵头科室名称",
    "各单位要对标一流、比学赶超，把群众反映强烈的问题作为突破口，拿出看得见的成效",
];

fn client_name(i: usize) -> String {
    format!("记录员{:02}", i + 1)
}

fn client_id(i: usize) -> String {
    format!("bench-{:02}", i + 1)
}

fn command_id(i: usize, n: usize) -> String {
    format!("{}-{n}", client_id(i))
}

/// The text of client `i`'s remark `n`: about 40 Chinese characters, unique.
fn remark_text(i: usize, n: usize) -> String {
    format!(
        "{}（{:02}-{:04}）",
        PHRASES[(i + n) % PHRASES.len()],
        i + 1,
        n
    )
}

// ---- statistics and printing ---------------------------------------------------------------

fn show(micros: f64) -> String {
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn header() {
    println!(
        "  {:<58} {:>9} {:>9} {:>9} {:>9}",
        "", "min", "median", "p99", "max"
    );
}

fn row(label: &str, samples: &[f64]) {
    if samples.is_empty() {
        println!("  {label:<58} {:>9}", "-");
        return;
    }
    let s = Stats::of(samples.to_vec());
    println!(
        "  {label:<58} {:>9} {:>9} {:>9} {:>9}   (n={})",
        show(s.min),
        show(s.median),
        show(s.p99),
        show(s.max),
        s.n
    );
}

fn sleep_until(t: Instant) {
    let d = t.saturating_duration_since(Instant::now());
    if !d.is_zero() {
        std::thread::sleep(d);
    }
}

/// A small deterministic pseudo-random sequence (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

// ---- CPU and disk from /proc ----------------------------------------------------------------

/// On-CPU time of the host's console thread (the main thread), of its network thread
/// (`podium-net`) and of the harness's client threads, in seconds (`/proc/self/task/*/
/// schedstat`, nanoseconds).
#[derive(Debug, Clone, Copy, Default)]
struct Cpu {
    console: f64,
    net: f64,
    clients: f64,
    other: f64,
}

fn cpu_now() -> Option<Cpu> {
    let pid = std::process::id();
    let mut cpu = Cpu::default();
    for entry in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let Some(tid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let comm = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
        let Some(ns) = std::fs::read_to_string(entry.path().join("schedstat"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        else {
            continue;
        };
        let s = ns / 1e9;
        if tid == pid {
            cpu.console += s;
        } else if comm.trim() == "podium-net" {
            cpu.net += s;
        } else if comm.starts_with("bench-client") {
            cpu.clients += s;
        } else {
            cpu.other += s;
        }
    }
    Some(cpu)
}

/// Bytes this process caused to be sent to the storage layer (`/proc/self/io`).
fn disk_written() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("write_bytes:"))
        .and_then(|v| v.trim().parse().ok())
}

/// The disk's floor for a durable write, in the session's folder: `n` times, append a line of
/// the size of a remark's journal line to a file and `fdatasync` it (µs each).
fn flush_floor(dir: &Path, n: usize) -> Vec<f64> {
    use std::io::Write;
    let path = dir.join("flush-floor.probe");
    let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return Vec::new();
    };
    let line = [b'x'; 400];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        if f.write_all(&line).and_then(|()| f.sync_data()).is_err() {
            break;
        }
        out.push(micros(start.elapsed()));
    }
    drop(f);
    let _ = std::fs::remove_file(&path);
    out
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

// ---- the note-takers -------------------------------------------------------------------------

/// What the harness and the host's loop share.
#[derive(Default)]
struct Shared {
    /// Clients whose join ended (joined or failed).
    joined: AtomicUsize,
    join_failed: AtomicUsize,
    /// Acknowledgements received, all clients together (first ones only).
    acked: AtomicUsize,
    /// The host's last seq once every command is acknowledged (0 until then): each client
    /// stops once it has seen it.
    final_seq: AtomicU64,
    /// Clients that stopped.
    finished: AtomicUsize,
    /// The host gave up waiting: clients stop as they are.
    stop: AtomicBool,
}

/// One client's account.
#[derive(Default)]
struct ClientReport {
    name: String,
    joined: bool,
    sent: usize,
    acks: usize,
    again: usize,
    double_acks: usize,
    stray_acks: usize,
    refused: Vec<String>,
    /// Send → ack, microseconds.
    ack_latency: Vec<f64>,
    /// How late the sends were against their schedule (the harness's own delay), µs.
    send_late: Vec<f64>,
    event_messages: usize,
    events: usize,
    /// `RemarkAdded` events entered by this client, as seen in `Events`.
    own_events: usize,
    /// Events whose seq did not follow the one before.
    gaps: usize,
    last_seq: u64,
    error: Option<String>,
}

/// What the reading half learnt.
#[derive(Default)]
struct Heard {
    acks: usize,
    again: usize,
    double_acks: usize,
    stray_acks: usize,
    refused: Vec<String>,
    ack_latency: Vec<f64>,
    event_messages: usize,
    events: usize,
    own_events: usize,
    gaps: usize,
    last_seq: u64,
    error: Option<String>,
}

struct Plan {
    addr: String,
    code: String,
    per_client: usize,
    period: Duration,
}

#[allow(clippy::too_many_arguments)]
async fn read_loop(
    rd: tokio::net::tcp::OwnedReadHalf,
    mut opener: Opener,
    name: String,
    prefix: String,
    total: usize,
    sent_at: Arc<Mutex<Vec<Option<Instant>>>>,
    acked_here: Arc<AtomicUsize>,
    mut last_seq: u64,
    shared: Arc<Shared>,
) -> Heard {
    // Frames are read by a task of their own, so that waiting for one can be given up
    // without losing half a frame.
    let (tx, mut frames) = tmpsc::channel::<std::io::Result<Vec<u8>>>(256);
    let framer = tokio::spawn(async move {
        let mut rd = rd;
        loop {
            let f = wire::read_frame(&mut rd, MAX_FROM_HOST).await;
            let end = f.is_err();
            if tx.send(f).await.is_err() || end {
                return;
            }
        }
    });
    let mut heard = Heard::default();
    let mut acked = vec![false; total];
    loop {
        if heard.acks == total {
            let target = shared.final_seq.load(Ordering::SeqCst);
            if target > 0 && last_seq >= target {
                break;
            }
        }
        if shared.stop.load(Ordering::SeqCst) {
            heard.error.get_or_insert_with(|| {
                format!(
                    "{name}: stopped with {} of {total} acknowledged, last seq {last_seq}",
                    heard.acks
                )
            });
            break;
        }
        let frame = match tokio::time::timeout(Duration::from_millis(100), frames.recv()).await {
            Err(_) => continue,
            Ok(Some(Ok(frame))) => frame,
            Ok(Some(Err(e))) => {
                heard.error = Some(format!("{name}: connection lost: {e}"));
                break;
            }
            Ok(None) => {
                heard.error = Some(format!("{name}: connection closed"));
                break;
            }
        };
        match opener.open_json::<Message>(&frame) {
            Ok(Message::Ack { id, again, .. }) => {
                let n = id
                    .strip_prefix(&prefix)
                    .and_then(|s| s.parse::<usize>().ok())
                    .filter(|n| *n < total);
                let Some(n) = n else {
                    heard.stray_acks += 1;
                    continue;
                };
                if acked[n] {
                    heard.double_acks += 1;
                    continue;
                }
                acked[n] = true;
                heard.acks += 1;
                acked_here.fetch_add(1, Ordering::SeqCst);
                shared.acked.fetch_add(1, Ordering::SeqCst);
                if again {
                    heard.again += 1;
                }
                let sent = sent_at.lock().map(|s| s[n]).unwrap_or(None);
                if let Some(t) = sent {
                    heard.ack_latency.push(micros(t.elapsed()));
                }
            }
            Ok(Message::Refused { id, message }) => {
                heard.refused.push(format!("{id}: {}", message.en));
            }
            Ok(Message::Events { events, .. }) => {
                heard.event_messages += 1;
                for e in events {
                    if e.seq != last_seq + 1 {
                        heard.gaps += 1;
                    }
                    last_seq = last_seq.max(e.seq);
                    heard.events += 1;
                    if e.by.as_deref() == Some(name.as_str())
                        && matches!(e.kind, EventKind::RemarkAdded { .. })
                    {
                        heard.own_events += 1;
                    }
                }
            }
            Ok(Message::Bye { message }) => {
                heard.error = Some(format!("{name}: the host said bye: {}", message.en));
                break;
            }
            Ok(_) => {}
            Err(e) => {
                heard.error = Some(format!("{name}: {e}"));
                break;
            }
        }
    }
    framer.abort();
    heard.last_seq = last_seq;
    heard
}

async fn client(
    i: usize,
    plan: Arc<Plan>,
    offset: Duration,
    mut start: watch::Receiver<Option<Instant>>,
    shared: Arc<Shared>,
    joins: Arc<tokio::sync::Semaphore>,
) -> ClientReport {
    let name = client_name(i);
    let mut report = ClientReport {
        name: name.clone(),
        ..ClientReport::default()
    };
    let spec = JoinSpec {
        addr: plan.addr.clone(),
        role: Role::Notetaker,
        name: name.clone(),
        client: client_id(i),
        code: plan.code.clone(),
    };
    // Joins overlap at most `MAX_TRIES - 1` at a time: the host reserves a try per handshake
    // in progress from one address, and every client here comes from 127.0.0.1.
    let permit = joins.acquire().await;
    let joined = connect(&spec, 0).await;
    drop(permit);
    shared.joined.fetch_add(1, Ordering::SeqCst);
    let (stream, channel, welcome) = match joined {
        Ok(open) => open,
        Err(e) => {
            shared.join_failed.fetch_add(1, Ordering::SeqCst);
            shared.finished.fetch_add(1, Ordering::SeqCst);
            report.error = Some(format!("{name}: could not join: {}", e.text().en));
            return report;
        }
    };
    report.joined = true;
    let replica = Session::from_events(welcome.plan, welcome.events);
    let unit = replica.state().current.clone();
    let reviewers: Vec<String> = replica
        .plan()
        .reviewers
        .iter()
        .map(|r| r.name.clone())
        .collect();
    let Channel { mut sealer, opener } = channel;
    let (rd, mut wr) = stream.into_split();
    let total = plan.per_client;
    let sent_at = Arc::new(Mutex::new(vec![None; total]));
    let acked_here = Arc::new(AtomicUsize::new(0));
    let mut reader = tokio::spawn(read_loop(
        rd,
        opener,
        name.clone(),
        format!("{}-", client_id(i)),
        total,
        sent_at.clone(),
        acked_here.clone(),
        replica.last_seq(),
        shared.clone(),
    ));
    // Wait for the start, shared by everyone.
    let start = loop {
        if let Some(s) = *start.borrow_and_update() {
            break Some(s);
        }
        if start.changed().await.is_err() {
            break None;
        }
    };
    if let Some(start) = start {
        let start = tokio::time::Instant::from_std(start) + offset;
        for n in 0..total {
            let due = start + plan.period * n as u32;
            tokio::time::sleep_until(due).await;
            report.send_late.push(micros(
                tokio::time::Instant::now().saturating_duration_since(due),
            ));
            let command = Command::AddRemark {
                unit: unit.clone(),
                reviewer: reviewers[(i + n) % reviewers.len().max(1)].clone(),
                text: remark_text(i, n),
                kind: RemarkKind::Remark,
            };
            let msg = ToHost::Command {
                id: command_id(i, n),
                command,
                pending: n.saturating_sub(acked_here.load(Ordering::SeqCst)),
            };
            let bytes = sealer.seal_json(&msg);
            if let Ok(mut s) = sent_at.lock() {
                s[n] = Some(Instant::now());
            }
            if let Err(e) = wire::write_frame(&mut wr, &bytes).await {
                report.error = Some(format!("{name}: send {n} failed: {e}"));
                break;
            }
            report.sent += 1;
        }
    }
    // Keep the connection alive (a ping every 2 s, as a laptop does) until the reader is done.
    let heard = loop {
        tokio::select! {
            r = &mut reader => break r.unwrap_or_default(),
            _ = tokio::time::sleep(podium::net::CLOCK_EVERY) => {
                let pending = total.saturating_sub(acked_here.load(Ordering::SeqCst));
                let ping = sealer.seal_json(&ToHost::Ping { pending });
                let _ = wire::write_frame(&mut wr, &ping).await;
            }
        }
    };
    shared.finished.fetch_add(1, Ordering::SeqCst);
    report.acks = heard.acks;
    report.again = heard.again;
    report.double_acks = heard.double_acks;
    report.stray_acks = heard.stray_acks;
    report.refused = heard.refused;
    report.ack_latency = heard.ack_latency;
    report.event_messages = heard.event_messages;
    report.events = heard.events;
    report.own_events = heard.own_events;
    report.gaps = heard.gaps;
    report.last_seq = heard.last_seq;
    if report.error.is_none() {
        report.error = heard.error;
    }
    report
}

/// The harness: its own thread and runtime, one task per client.
fn start_clients(
    clients: usize,
    threads: usize,
    plan: Plan,
    start: watch::Receiver<Option<Instant>>,
    shared: Arc<Shared>,
) -> std::thread::JoinHandle<Vec<ClientReport>> {
    let plan = Arc::new(plan);
    std::thread::Builder::new()
        .name("bench-clients".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(threads)
                .thread_name("bench-client")
                .enable_all()
                .build()
                .expect("the clients' runtime");
            rt.block_on(async move {
                let spread = plan.period.as_nanos() as u64 / clients.max(1) as u64;
                let joins = Arc::new(tokio::sync::Semaphore::new(
                    podium::net::MAX_TRIES.saturating_sub(1).max(1),
                ));
                let handles: Vec<_> = (0..clients)
                    .map(|i| {
                        let offset = Duration::from_nanos(spread * i as u64);
                        tokio::spawn(client(
                            i,
                            plan.clone(),
                            offset,
                            start.clone(),
                            shared.clone(),
                            joins.clone(),
                        ))
                    })
                    .collect();
                let mut reports = Vec::new();
                for (i, h) in handles.into_iter().enumerate() {
                    reports.push(h.await.unwrap_or_else(|e| ClientReport {
                        name: client_name(i),
                        error: Some(format!("{}: the task failed: {e}", client_name(i))),
                        ..ClientReport::default()
                    }));
                }
                reports
            })
        })
        .expect("the clients' thread")
}

// ---- the typist ------------------------------------------------------------------------------

/// Round `round` of the typist: `r`, 20 characters, then Enter (saved) on even rounds, Esc +
/// `y` (discarded) on odd ones; then Down and Up on the agenda (off the current unit and back).
fn key_round(round: usize) -> Vec<KeyCode> {
    let chars: Vec<char> = TYPED.chars().collect();
    let mut keys = vec![KeyCode::Char('r')];
    for c in 0..PER_REMARK {
        keys.push(KeyCode::Char(chars[(round + c) % chars.len()]));
    }
    if round.is_multiple_of(2) {
        keys.push(KeyCode::Enter);
    } else {
        keys.push(KeyCode::Esc);
        keys.push(KeyCode::Char('y'));
    }
    keys.push(KeyCode::Down);
    keys.push(KeyCode::Up);
    keys
}

/// The whole rounds of keys that fit in `window` from `start`, each at its moment (every
/// `KEY_EVERY_MS` ± `KEY_JITTER_MS`); and how many remarks the host saves with them.
fn key_schedule(start: Instant, window: Duration) -> (Vec<KeyCode>, Vec<Instant>, usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut keys = Vec::new();
    let mut due = Vec::new();
    let mut saves = 0;
    let mut at = start;
    for round in 0.. {
        let mut round_due = Vec::new();
        let round_keys = key_round(round);
        for _ in &round_keys {
            let jitter = rng.next() % (2 * KEY_JITTER_MS + 1);
            at += Duration::from_millis(KEY_EVERY_MS - KEY_JITTER_MS + jitter);
            round_due.push(at);
        }
        if at > start + window {
            break;
        }
        keys.extend(round_keys);
        due.extend(round_due);
        if round.is_multiple_of(2) {
            saves += 1;
        }
    }
    (keys, due, saves)
}

// ---- the host's loop -------------------------------------------------------------------------

/// One pass of the loop: its tick (snapshot + network pump) and its frame.
struct Pass {
    tick_start: Instant,
    tick_end: Instant,
    frame_end: Instant,
    /// A snapshot was due: the tick rewrote the session file.
    snapshot: bool,
    /// The pass drew a frame (the loop draws only after input, news or a due change).
    drew: bool,
    /// Events the tick took in from the network.
    pumped: u64,
    /// In the measured window.
    window: bool,
}

/// One key: when it arrived, when the loop took it, the pass before it was taken, and the
/// pass whose frame shows it.
struct Key {
    due: Instant,
    handled: Instant,
    before: usize,
    shown: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Joining,
    Running,
    Draining,
    Settling,
    Done,
}

/// Counts each text among `texts` and compares with what is expected: (missing, doubled,
/// unexpected).
fn tally<'a>(
    texts: impl Iterator<Item = &'a str>,
    expected: &HashMap<String, usize>,
) -> (usize, usize, usize) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *seen.entry(t).or_default() += 1;
    }
    let mut missing = 0;
    let mut doubled = 0;
    for (text, want) in expected {
        let got = seen.get(text.as_str()).copied().unwrap_or(0);
        if got < *want {
            missing += want - got;
        }
        if got > *want {
            doubled += got - want;
        }
    }
    let unexpected = seen
        .iter()
        .filter(|(t, _)| !expected.contains_key(**t))
        .map(|(_, n)| n)
        .sum();
    (missing, doubled, unexpected)
}

fn main() {
    let clients = env_count("PODIUM_BENCH_CLIENTS", 50);
    let rate = env_count("PODIUM_BENCH_RATE", 10);
    let seconds = env_count("PODIUM_BENCH_SECONDS", 60);
    let client_threads = env_count("PODIUM_BENCH_CLIENT_THREADS", 1);
    let per_client = rate * seconds;
    let expected_total = clients * per_client;
    let window = Duration::from_secs(seconds as u64);

    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    println!(
        "podium network load benchmark, session in {}",
        tmp.path().display()
    );
    println!(
        "  {clients} note-takers × {rate} remarks/s × {seconds} s = {expected_total} remarks; a key every {KEY_EVERY_MS} ± {KEY_JITTER_MS} ms on the host; client threads: {client_threads}; load average before: {}",
        load_average()
    );

    let floor_before = flush_floor(tmp.path(), 200);

    // ---- the host ----------------------------------------------------------------------------
    let plan = podium::planfile::parse(
        "city-report.json",
        include_str!("../data/city-report.json"),
        Lang::Zh,
    )
    .expect("the demo plan parses")
    .plan;
    let path = tmp.path().join("load.session.json");
    let now = podium::wallclock::now();
    let writer = Writer::create(&path, plan, now).expect("create the session");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(writer, opts, now);
    let server = Server::start(
        &std::env::var("PODIUM_BENCH_BIND").unwrap_or_else(|_| "127.0.0.1:0".into()),
        &path,
        app.core.ledger.writer().expect("a local session"),
        podium::wallclock::now,
    )
    .expect("start the server");
    let addr = server.addrs[0].clone();
    let code = server.code().to_string();
    app.core.server = Some(server);
    app.perform(Action::ToggleTalk, app.clock_now());
    let current = app
        .session()
        .state()
        .running_unit()
        .map(|u| u.name.clone())
        .expect("the first talk runs");
    println!("  host: {addr}, code {code}, talk running: {current}");
    let (w, h) = SIZE;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");

    // ---- the clients -------------------------------------------------------------------------
    let shared = Arc::new(Shared::default());
    let (start_tx, start_rx) = watch::channel(None);
    let harness = start_clients(
        clients,
        client_threads,
        Plan {
            addr,
            code,
            per_client,
            period: Duration::from_nanos(1_000_000_000 / rate as u64),
        },
        start_rx,
        shared.clone(),
    );

    // ---- the loop ----------------------------------------------------------------------------
    let mut script: Vec<KeyCode> = Vec::new();
    let mut due: Vec<Instant> = Vec::new();
    let mut host_saves = 0;
    let mut passes: Vec<Pass> = Vec::new();
    let mut keys: Vec<Key> = Vec::new();
    let mut waiting: Vec<(Instant, Instant, usize)> = Vec::new();
    let mut next_key = 0usize;
    let mut phase = Phase::Joining;
    let mut phase_since = Instant::now();
    let mut window_start = Instant::now();
    let mut window_end = Instant::now();
    let mut cpu_start = None;
    let mut cpu_end = None;
    let mut disk_start = None;
    let mut disk_end = None;
    let mut seq_start = 0u64;
    let mut seq_end = 0u64;
    let mut acks_at_end = 0usize;
    let mut drained_in = Duration::ZERO;
    let mut final_seq = 0u64;
    let mut problems: Vec<String> = Vec::new();
    // How late the loop woke against the moment it asked for (µs), and how long it meant to
    // wait, in the window: a starved CPU shows here.
    let mut oversleep: Vec<f64> = Vec::new();
    let mut waits: Vec<f64> = Vec::new();
    // The host's warnings as its screen showed them (a wrong join code, a departure).
    let mut warnings: Vec<String> = Vec::new();
    let mut last_notice = String::new();
    let joined_at;
    {
        let joining = Instant::now();
        let mut joined = None;
        let mut draw_due = true;
        let mut wake_at: Option<podium::session::Time> = None;
        while phase != Phase::Done {
            let t = app.clock_now();
            let snapshot = app.core.ledger.snapshot_due().is_some_and(|d| d <= t);
            let before = app.session().last_seq();
            let tick_start = Instant::now();
            app.tick(t);
            let tick_end = Instant::now();
            app.core.bell = false;
            if let Some(n) = &app.core.notice
                && n.text != last_notice
            {
                last_notice = n.text.clone();
                if n.level != Level::Info {
                    warnings.push(n.text.clone());
                }
            }
            // Draw after input, when the network changed something, or when the screen must
            // change (`tui::run`).
            let drew = draw_due || app.core.redraw || wake_at.is_none_or(|w| t >= w);
            if drew {
                terminal
                    .draw(|frame| view::draw(frame, &app, t))
                    .expect("draw");
                app.core.redraw = false;
                draw_due = false;
                wake_at = app.next_wake(t);
            }
            let frame_end = Instant::now();
            let shown = passes.len();
            passes.push(Pass {
                tick_start,
                tick_end,
                frame_end,
                snapshot,
                drew,
                pumped: app.session().last_seq() - before,
                window: phase == Phase::Running,
            });
            if drew {
                for (d, handled, before) in waiting.drain(..) {
                    keys.push(Key {
                        due: d,
                        handled,
                        before,
                        shown,
                    });
                }
            }
            match phase {
                Phase::Joining => {
                    if shared.joined.load(Ordering::SeqCst) >= clients {
                        joined = Some(joining.elapsed());
                        let start = Instant::now() + Duration::from_millis(300);
                        (script, due, host_saves) = key_schedule(start, window);
                        let _ = start_tx.send(Some(start));
                        window_start = start;
                        phase = Phase::Running;
                        phase_since = Instant::now();
                    } else if joining.elapsed() > Duration::from_secs(60) {
                        problems.push(format!(
                            "only {} of {clients} clients joined within 60 s",
                            shared.joined.load(Ordering::SeqCst)
                        ));
                        shared.stop.store(true, Ordering::SeqCst);
                        phase = Phase::Done;
                    }
                }
                Phase::Running => {
                    if cpu_start.is_none() && Instant::now() >= window_start {
                        cpu_start = cpu_now();
                        disk_start = disk_written();
                        seq_start = app.session().last_seq();
                    }
                    if Instant::now() >= window_start + window && next_key >= due.len() {
                        window_end = Instant::now();
                        cpu_end = cpu_now();
                        disk_end = disk_written();
                        seq_end = app.session().last_seq();
                        acks_at_end = shared.acked.load(Ordering::SeqCst);
                        phase = Phase::Draining;
                        phase_since = Instant::now();
                    }
                }
                Phase::Draining => {
                    let expected =
                        (clients - shared.join_failed.load(Ordering::SeqCst)) * per_client;
                    if shared.acked.load(Ordering::SeqCst) >= expected {
                        drained_in = phase_since.elapsed();
                        final_seq = app.session().last_seq();
                        shared.final_seq.store(final_seq, Ordering::SeqCst);
                        phase = Phase::Settling;
                        phase_since = Instant::now();
                    } else if phase_since.elapsed() > ACK_WAIT {
                        problems.push(format!(
                            "{} of {expected} acknowledgements after waiting {} s",
                            shared.acked.load(Ordering::SeqCst),
                            ACK_WAIT.as_secs()
                        ));
                        final_seq = app.session().last_seq();
                        shared.stop.store(true, Ordering::SeqCst);
                        phase = Phase::Settling;
                        phase_since = Instant::now();
                    }
                }
                Phase::Settling => {
                    if shared.finished.load(Ordering::SeqCst) >= clients {
                        phase = Phase::Done;
                    } else if phase_since.elapsed() > SETTLE_WAIT {
                        problems.push(format!(
                            "{} of {clients} clients had not seen the host's last event (seq {final_seq}) after {} s",
                            clients - shared.finished.load(Ordering::SeqCst),
                            SETTLE_WAIT.as_secs()
                        ));
                        shared.stop.store(true, Ordering::SeqCst);
                        phase = Phase::Done;
                    }
                }
                Phase::Done => {}
            }
            if phase == Phase::Done {
                break;
            }
            // Wait for input until the next wake, at most `NETWORK_EVERY_MS` while serving,
            // as `tui::run` does.
            let mut wait = wake_at
                .map(|w| (w - app.clock_now()).num_milliseconds().clamp(1, 1000))
                .unwrap_or(1000);
            if app.networked() {
                wait = wait.min(NETWORK_EVERY_MS);
            }
            let deadline = Instant::now() + Duration::from_millis(wait as u64);
            if phase == Phase::Running && next_key < due.len() && due[next_key] <= deadline {
                // A key already due when the loop gets here is taken at once (it waited for
                // the busy loop, which key to frame counts); only a real sleep can be late.
                let asked = due[next_key];
                let slept = asked > Instant::now();
                sleep_until(asked);
                if phase == Phase::Running && slept {
                    oversleep.push(micros(Instant::now().saturating_duration_since(asked)));
                }
                // Take every key that is waiting before drawing again.
                while next_key < due.len() && due[next_key] <= Instant::now() {
                    let handled = Instant::now();
                    app.on_key(
                        KeyEvent::new(script[next_key], KeyModifiers::NONE),
                        app.clock_now(),
                    );
                    waiting.push((due[next_key], handled, shown));
                    next_key += 1;
                    draw_due = true;
                }
            } else {
                sleep_until(deadline);
                if phase == Phase::Running {
                    oversleep.push(micros(Instant::now().saturating_duration_since(deadline)));
                    waits.push(wait as f64 * 1000.0);
                }
            }
        }
        joined_at = joined;
    }
    // Clients still waiting for a start that never came (a failed join) stop now.
    drop(start_tx);
    let reports = harness.join().expect("the clients' thread");
    if !matches!(app.mode(), Mode::Live) {
        problems.push("the typist's last round did not end on the live screen".into());
    }

    // ---- checks ------------------------------------------------------------------------------
    let mut expected_texts: HashMap<String, usize> = HashMap::new();
    for i in 0..clients {
        for n in 0..per_client {
            expected_texts.insert(remark_text(i, n), 1);
        }
    }
    let session = app.session();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut wrong_author = 0;
    for e in session.events() {
        if let Some(id) = &e.command {
            *by_id.entry(id.as_str()).or_default() += 1;
            let i = id
                .strip_prefix("bench-")
                .and_then(|s| s.split('-').next())
                .and_then(|s| s.parse::<usize>().ok())
                .and_then(|i| i.checked_sub(1));
            if i.map(client_name) != e.by || !matches!(e.kind, EventKind::RemarkAdded { .. }) {
                wrong_author += 1;
            }
        }
    }
    let mut ids_missing = 0;
    let mut ids_doubled = 0;
    for i in 0..clients {
        for n in 0..per_client {
            match by_id.get(command_id(i, n).as_str()).copied().unwrap_or(0) {
                0 => ids_missing += 1,
                1 => {}
                k => ids_doubled += k - 1,
            }
        }
    }
    let ids_unexpected = by_id.len() + ids_missing - expected_total;
    let remarks = &session.state().remarks;
    let (missing, doubled, unexpected) = tally(
        remarks
            .iter()
            .filter(|r| r.by.is_some())
            .map(|r| r.text.as_str()),
        &expected_texts,
    );
    let wrong_unit = remarks
        .iter()
        .filter(|r| r.by.is_some() && r.unit.as_deref() != Some(current.as_str()))
        .count();
    let host_remarks = remarks.iter().filter(|r| r.by.is_none()).count();
    let note_remarks = remarks.len() - host_remarks;
    // What the disk holds now (snapshot + journal, as a reader or a restart sees it).
    let on_disk = store::read(&path).expect("read the session back");
    let disk_remarks = on_disk.state().remarks.len();
    let (d_missing, d_doubled, d_unexpected) = tally(
        on_disk
            .state()
            .remarks
            .iter()
            .filter(|r| r.by.is_some())
            .map(|r| r.text.as_str()),
        &expected_texts,
    );
    let session_size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let journal_size = std::fs::metadata(&app.core.ledger.paths().journal).map_or(0, |m| m.len());

    if ids_missing + ids_doubled + ids_unexpected + wrong_author > 0 {
        problems.push(format!(
            "events by command id: {ids_missing} missing, {ids_doubled} doubled, {ids_unexpected} unexpected, {wrong_author} with the wrong author or kind"
        ));
    }
    if missing + doubled + unexpected + wrong_unit > 0 {
        problems.push(format!(
            "note-takers' remarks in the host's session: {missing} missing, {doubled} doubled, {unexpected} unexpected, {wrong_unit} on the wrong unit"
        ));
    }
    if d_missing + d_doubled + d_unexpected > 0 {
        problems.push(format!(
            "note-takers' remarks on disk: {d_missing} missing, {d_doubled} doubled, {d_unexpected} unexpected"
        ));
    }
    if host_remarks != host_saves {
        problems.push(format!(
            "the host saved {host_saves} remarks of its own, the session holds {host_remarks}"
        ));
    }
    if disk_remarks != remarks.len() {
        problems.push(format!(
            "{} remarks in the host's session, {disk_remarks} on disk",
            remarks.len()
        ));
    }
    for r in &reports {
        let mut bad = Vec::new();
        if !r.joined {
            bad.push("did not join".to_string());
        }
        if r.sent != per_client {
            bad.push(format!("sent {} of {per_client}", r.sent));
        }
        if r.acks != per_client {
            bad.push(format!("{} of {per_client} acknowledged", r.acks));
        }
        if r.again + r.double_acks + r.stray_acks > 0 {
            bad.push(format!(
                "{} acks 'again', {} doubled, {} for unknown ids",
                r.again, r.double_acks, r.stray_acks
            ));
        }
        if !r.refused.is_empty() {
            bad.push(format!(
                "{} refused (first: {})",
                r.refused.len(),
                r.refused[0]
            ));
        }
        if r.gaps > 0 {
            bad.push(format!("{} gaps in the events", r.gaps));
        }
        if r.own_events != per_client {
            bad.push(format!(
                "saw {} of its {per_client} remarks in Events",
                r.own_events
            ));
        }
        if r.joined && r.last_seq < final_seq {
            bad.push(format!("last event seen {} < {final_seq}", r.last_seq));
        }
        if let Some(e) = &r.error {
            bad.push(e.clone());
        }
        if !bad.is_empty() {
            problems.push(format!("{}: {}", r.name, bad.join("; ")));
        }
    }

    let floor_after = flush_floor(tmp.path(), 200);

    // ---- figures -----------------------------------------------------------------------------
    let window_secs = (window_end - window_start).as_secs_f64();
    let k2f: Vec<f64> = keys
        .iter()
        .map(|k| micros(passes[k.shown].frame_end - k.due))
        .collect();
    // A key met a snapshot when the frame that shows it wrote one, or it arrived while the
    // pass before was writing one.
    let met_snapshot = |k: &Key| {
        passes[k.shown].snapshot || (passes[k.before].snapshot && k.due < passes[k.before].tick_end)
    };
    let k2f_snap: Vec<f64> = keys
        .iter()
        .filter(|k| met_snapshot(k))
        .map(|k| micros(passes[k.shown].frame_end - k.due))
        .collect();
    let k2f_plain: Vec<f64> = keys
        .iter()
        .filter(|k| !met_snapshot(k))
        .map(|k| micros(passes[k.shown].frame_end - k.due))
        .collect();
    let part = window / 6;
    let k2f_first: Vec<f64> = keys
        .iter()
        .filter(|k| k.due < window_start + part)
        .map(|k| micros(passes[k.shown].frame_end - k.due))
        .collect();
    let k2f_last: Vec<f64> = keys
        .iter()
        .filter(|k| k.due >= window_start + window - part)
        .map(|k| micros(passes[k.shown].frame_end - k.due))
        .collect();
    let key_wait: Vec<f64> = keys.iter().map(|k| micros(k.handled - k.due)).collect();
    let in_window: Vec<&Pass> = passes.iter().filter(|p| p.window).collect();
    let tick_plain: Vec<f64> = in_window
        .iter()
        .filter(|p| !p.snapshot)
        .map(|p| micros(p.tick_end - p.tick_start))
        .collect();
    let tick_snap: Vec<f64> = in_window
        .iter()
        .filter(|p| p.snapshot)
        .map(|p| micros(p.tick_end - p.tick_start))
        .collect();
    let draw: Vec<f64> = in_window
        .iter()
        .filter(|p| p.drew)
        .map(|p| micros(p.frame_end - p.tick_end))
        .collect();
    let pumped_plain: u64 = in_window
        .iter()
        .filter(|p| !p.snapshot)
        .map(|p| p.pumped)
        .sum();
    let pumped_per_tick: Vec<f64> = in_window
        .iter()
        .filter(|p| p.pumped > 0)
        .map(|p| p.pumped as f64)
        .collect();
    let per_event = tick_plain.iter().sum::<f64>() / pumped_plain.max(1) as f64;
    let acks: Vec<f64> = reports
        .iter()
        .flat_map(|r| r.ack_latency.iter().copied())
        .collect();
    let send_late: Vec<f64> = reports
        .iter()
        .flat_map(|r| r.send_late.iter().copied())
        .collect();
    let events_per_sec = (seq_end - seq_start) as f64 / window_secs;
    let event_msgs: usize = reports.iter().map(|r| r.event_messages).sum();
    let events_delivered: usize = reports.iter().map(|r| r.events).sum();

    println!();
    if let Some(j) = joined_at {
        println!(
            "  {clients} clients joined in {} (handshake + Welcome through the host's loop)",
            show(micros(j))
        );
    }
    println!(
        "  window: {window_secs:.1} s, {} keys, {} passes of the loop, {} frames ({:.1} a second), {} snapshots",
        keys.len(),
        in_window.len(),
        draw.len(),
        draw.len() as f64 / window_secs,
        tick_snap.len()
    );
    println!();
    println!(
        "host, key to frame ({w}×{h}; from the key's arrival to the end of the frame that shows it):"
    );
    header();
    row("all keys", &k2f);
    row(
        "  keys that met a snapshot (in their tick, or waiting)",
        &k2f_snap,
    );
    row("  keys that did not", &k2f_plain);
    row(
        &format!("  keys of the first {:.0} s", part.as_secs_f64()),
        &k2f_first,
    );
    row(
        &format!("  keys of the last {:.0} s", part.as_secs_f64()),
        &k2f_last,
    );
    row(
        "  of which: waiting for the loop (arrival → on_key)",
        &key_wait,
    );
    println!();
    println!("host loop, per pass in the window:");
    header();
    row(
        "tick without a snapshot (pump: decide, one append + fdatasync)",
        &tick_plain,
    );
    row("tick that started or ended a snapshot (+ pump)", &tick_snap);
    row("draw (view::draw into the TestBackend)", &draw);
    let period: Vec<f64> = in_window
        .windows(2)
        .map(|w| micros(w[1].tick_start - w[0].tick_start))
        .collect();
    row("pass to pass (tick start to the next tick start)", &period);
    row(
        "wait asked for when no key came (next_wake, ms steps)",
        &waits,
    );
    row(
        "woken late by the OS (against the moment asked for)",
        &oversleep,
    );
    println!(
        "  events taken in per tick that had any: median {:.0}, max {:.0}; tick time per event (no snapshot): {}",
        if pumped_per_tick.is_empty() {
            0.0
        } else {
            Stats::of(pumped_per_tick.clone()).median
        },
        pumped_per_tick.iter().copied().fold(0.0, f64::max),
        show(per_event)
    );
    println!();
    println!("note-takers:");
    header();
    row("send → ack (at the client)", &acks);
    row("send lateness against the schedule (harness)", &send_late);
    println!(
        "  acknowledged by the end of the window: {acks_at_end} of {expected_total}; all {} within {} after it",
        shared.acked.load(Ordering::SeqCst),
        show(micros(drained_in))
    );
    println!(
        "  events recorded: {events_per_sec:.0}/s (durable: one journal append + fdatasync per pass of the loop); Events messages received: {event_msgs} ({:.0}/s to each client), events delivered: {events_delivered}",
        event_msgs as f64 / clients as f64 / window_secs
    );
    if let (Some(a), Some(b)) = (disk_start, disk_end) {
        println!(
            "  bytes to disk in the window: {:.1} MB ({:.2} MB/s: journal lines and snapshots); session file at the end {:.1} MB, journal {:.1} KB",
            (b - a) as f64 / 1e6,
            (b - a) as f64 / 1e6 / window_secs,
            session_size as f64 / 1e6,
            journal_size as f64 / 1e3
        );
    }
    if let (Some(a), Some(b)) = (cpu_start, cpu_end) {
        let pct = |x: f64| 100.0 * x / window_secs;
        println!(
            "  CPU in the window: host console thread {:.2} s ({:.1} % of a core), host network thread {:.2} s ({:.1} %), harness clients {:.2} s ({:.1} %)",
            b.console - a.console,
            pct(b.console - a.console),
            b.net - a.net,
            pct(b.net - a.net),
            b.clients - a.clients,
            pct(b.clients - a.clients),
        );
    }
    println!("  load average after: {}", load_average());
    println!();
    println!("the disk's floor (append a 400-byte line + fdatasync, in the session's folder):");
    header();
    row("before the run", &floor_before);
    row("after the run", &floor_after);
    println!();
    println!(
        "checks: {note_remarks} note-takers' remarks in the host's session (expected {expected_total}), {} on disk; {host_remarks} of the host's own (expected {host_saves}); every client saw up to seq {final_seq}",
        disk_remarks - host_remarks.min(disk_remarks)
    );
    let p99 = if k2f.is_empty() {
        f64::NAN
    } else {
        Stats::of(k2f.clone()).p99
    };
    println!(
        "goal p99 key to frame ≤ 16 ms: {} (p99 {})",
        if p99 <= 16_000.0 { "met" } else { "NOT met" },
        show(p99)
    );
    // Close the session as podium does at a quit (the final snapshot), and check it.
    let ledger = app.core.ledger;
    drop(app.core.server);
    let close_start = Instant::now();
    ledger
        .close(podium::wallclock::now())
        .expect("close the session");
    let closed = store::read(&path).expect("read the closed session");
    println!(
        "  closed in {}; the closed session holds {} remarks",
        show(micros(close_start.elapsed())),
        closed.state().remarks.len()
    );
    if closed.state().remarks.len() != disk_remarks {
        problems.push(format!(
            "the closed session holds {} remarks, {disk_remarks} before",
            closed.state().remarks.len()
        ));
    }
    if !warnings.is_empty() {
        println!("  the host's warnings on screen ({}):", warnings.len());
        for w in warnings.iter().take(10) {
            println!("    {w}");
        }
    }
    if problems.is_empty() {
        println!("no loss: every remark exactly once, every command acknowledged");
    } else {
        println!();
        println!("PROBLEMS:");
        for p in &problems {
            println!("  {p}");
        }
        std::process::exit(1);
    }
}
