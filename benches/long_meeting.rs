//! The 8-hour meeting benchmark: the meeting of `tests/long_meeting.rs` (300 units, 20
//! reviewers × 5 criteria, 5,000 remarks, 30,000 scores, a fake clock), timed.
//!
//! `cargo bench --bench long_meeting` (harness = false). Plain `std::time` timing (no
//! criterion); repeated figures are min / median / max.
//!
//! - The whole simulation through `store::Writer`: every command durably appended to the
//!   journal, the snapshot written at each unit change and within 2 s of other events (the
//!   console loop's `tick`), with the time spent in each and the slowest single call (how
//!   long the console would not answer a key).
//! - At the end (the 8-hour session in memory): one snapshot (`store::snapshot_text` alone,
//!   and `Writer::snapshot` with the atomic replace), `App::new`, one frame of the live
//!   console at 100×30 (`view::draw` into a `TestBackend`), a key typed in the remark editor
//!   followed by its frame (key to frame), and saving that remark (Enter: the durable append)
//!   followed by its frame.
//! - Closing, then opening the 8-hour session again (`Writer::open`) and reading it
//!   (`store::read`).
//! - Memory: `VmHWM` (peak resident) and `VmRSS` from `/proc/self/status`.
//!
//! `PODIUM_BENCH_FSYNC=0` leaves the device flushes out of the simulation (the figures of
//! `benches/store.rs` give their cost); `PODIUM_BENCH_RUNS` (default 20) sets the repetitions
//! at the end. Files go to a temp folder under Cargo's target dir, or under
//! `PODIUM_BENCH_DIR`.

mod common;
use common::{bench_dir, env_count};

#[path = "../tests/common/long_meeting.rs"]
mod long_meeting;

use long_meeting::{Cadence, NoSyncDisk, REMARKS, SCORES, UNITS};
use podium::session::record::Record;
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};
fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1e6 {
        format!("{:.2} s", us / 1e6)
    } else if us >= 10_000.0 {
        format!("{:.1} ms", us / 1000.0)
    } else if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

fn row(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let n = samples.len();
    println!(
        "  {label:<52} {:>10} {:>10} {:>10}   (n={n})",
        show(samples[0]),
        show(samples[n / 2]),
        show(samples[n - 1]),
    );
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// `VmHWM` and `VmRSS` from `/proc/self/status`, in kB.
fn memory_kb() -> (Option<u64>, Option<u64>) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn main() {
    let runs = env_count("PODIUM_BENCH_RUNS", 20).max(1);
    let fsync = std::env::var("PODIUM_BENCH_FSYNC").map_or(true, |v| v != "0");
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-long-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    let path = tmp.path().join("long.session.json");
    println!(
        "podium 8-hour meeting benchmark: {UNITS} units, {REMARKS} remarks, {SCORES} scores; \
         files in {}; device flushes {}",
        tmp.path().display(),
        if fsync {
            "on"
        } else {
            "off (PODIUM_BENCH_FSYNC=0)"
        }
    );

    // ---- the meeting -------------------------------------------------------------------
    let start = long_meeting::t0();
    let mut w = Writer::create(&path, long_meeting::plan(), start).expect("create the session");
    if !fsync {
        w.set_disk(Box::new(NoSyncDisk));
    }
    let (stats, total) = timed(|| long_meeting::run(&mut w, Cadence::Console, |_, _| {}));
    let end = stats.end.expect("the meeting ended");
    let (hwm, _) = memory_kb();
    println!("\nsimulation (8 h of meeting on a fake clock)");
    println!(
        "  commands                                   {}",
        stats.commands
    );
    println!(
        "  events                                     {}",
        w.session().events().len()
    );
    println!(
        "  snapshots written                          {}",
        stats.snapshots
    );
    println!(
        "  wall time, total                           {}",
        show(total)
    );
    println!(
        "  wall time in execute (appends, unit-change snapshots) {}",
        show(stats.execute_time)
    );
    println!(
        "  wall time in tick (2-s snapshots)          {}",
        show(stats.tick_time)
    );
    println!(
        "  slowest single execute or tick             {}",
        show(stats.slowest_call)
    );
    println!(
        "  journal at most                            {} events, {} bytes",
        stats.max_journal_events, stats.max_journal_bytes
    );
    println!(
        "  session file at the end                    {}",
        mb(stats.session_bytes)
    );
    println!(
        "  written by the snapshots, all together     {:.1} GB",
        stats.snapshot_bytes as f64 / 1e9
    );
    println!(
        "  peak resident memory (VmHWM) after it      {} MB",
        hwm.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0))
    );

    // ---- at the end of the meeting -----------------------------------------------------
    println!(
        "\nat the end of the meeting                              min        median        max"
    );
    let session = w.session().clone();
    row(
        "Record::of (the whole record)",
        (0..runs)
            .map(|_| timed(|| Record::of(&session, end)).1)
            .collect(),
    );
    row(
        "store::snapshot_text (serialise only)",
        (0..runs)
            .map(|_| timed(|| store::snapshot_text(&session, end)).1)
            .collect(),
    );
    row(
        "Writer::snapshot (serialise + atomic replace)",
        (0..runs.min(10))
            .map(|_| timed(|| w.snapshot(end).expect("snapshot")).1)
            .collect(),
    );
    drop(session);

    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let (mut app, took) = timed(|| App::new(w, opts, end));
    row("App::new", vec![took]);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    let mut draw = |app: &App| {
        timed(|| {
            terminal
                .draw(|frame| view::draw(frame, app, end))
                .expect("draw");
        })
        .1
    };
    row(
        "one frame of the live console, 100×30",
        (0..runs).map(|_| draw(&app)).collect(),
    );
    app.on_key(key(KeyCode::Char('r')), end);
    row(
        "one frame with the remark editor open",
        (0..runs).map(|_| draw(&app)).collect(),
    );
    let typed: Vec<char> = "会后一周内报送整改清单"
        .chars()
        .cycle()
        .take(runs)
        .collect();
    row(
        "a key typed in the editor, then its frame",
        typed
            .iter()
            .map(|c| {
                let (_, k) = timed(|| app.on_key(key(KeyCode::Char(*c)), end));
                k + draw(&app)
            })
            .collect(),
    );
    let (_, enter) = timed(|| app.on_key(key(KeyCode::Enter), end));
    let frame = draw(&app);
    row(
        "Enter (the remark saved durably), then its frame",
        vec![enter + frame],
    );
    let due = app
        .core
        .ledger
        .snapshot_due()
        .expect("the remark makes a snapshot due");
    let (_, tick) = timed(|| app.tick(due));
    row("the snapshot 2 s later (App::tick)", vec![tick]);
    assert_eq!(app.session().state().remarks.len(), REMARKS + 1);

    // ---- close and open again ----------------------------------------------------------
    let (closed, close) = timed(|| app.core.ledger.close(end));
    closed.expect("close");
    println!();
    row("Writer::close", vec![close]);
    row(
        "Writer::open of the 8-hour session",
        (0..runs.min(5))
            .map(|_| {
                let (opened, took) = timed(|| Writer::open(&path, end));
                let (writer, _) = opened.expect("open");
                writer.release(end).expect("release");
                took
            })
            .collect(),
    );
    row(
        "store::read of the 8-hour session",
        (0..runs.min(5))
            .map(|_| timed(|| store::read(&path).expect("read")).1)
            .collect(),
    );

    let (hwm, rss) = memory_kb();
    let kb = |k: Option<u64>| k.map_or("?".into(), |k| format!("{:.1} MB", k as f64 / 1024.0));
    println!(
        "\nmemory: peak resident (VmHWM) {}, resident now (VmRSS) {}",
        kb(hwm),
        kb(rss)
    );
}
