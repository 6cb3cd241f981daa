//! Live console benchmarks: what a frame costs on a very large meeting, and what a keystroke
//! in typing mode costs from the key to the finished frame.
//!
//! `cargo bench --bench console`. Plain `std::time` timing (no criterion): every figure is
//! printed as min / median / max (and p99 where asked) over its repetitions.
//!
//! The meeting: a plan of 200 units and 8 reviewers; units 1-99 have talked, unit 100's talk
//! is running; 10,000 remarks (50 on each of units 1-199, 50 general remarks). The session is
//! built fast (`Session::from_events` + `store::snapshot_text` written to a file), then opened
//! as podium opens it (`Writer::open`) and handed to `App::new`.
//!
//! - frame: `view::draw` into a ratatui `Terminal` over a `TestBackend` of 120×40 (the draw
//!   plus ratatui's diff against the previous frame), the clock one second later each frame so
//!   the timer changes, with the whole-meeting row selected (50 general remarks) and with the
//!   current unit selected (50 remarks).
//! - key-to-frame: the editor open (`r`) on the current unit, then per keystroke
//!   `App::on_key` (a Chinese character) + the same draw, 1,000 keystrokes into one remark.
//!   A second pass adds `App::tick` between key and frame, as the terminal loop does, with the
//!   clock 150 ms later per key: the draft (a crash copy of the text) is then written to disk
//!   every fourth key or so.
//!
//! The session lives in a temp folder under Cargo's target dir (a real disk), or under
//! `PODIUM_BENCH_DIR`. `PODIUM_BENCH_FRAMES` (default 200) and `PODIUM_BENCH_KEYS` (default
//! 1000) set the repetitions.

mod common;
use common::{Stats, bench_dir, env_count};

use chrono::{DateTime, Duration};
use podium::plan::Plan;
use podium::session::{Command, Event, EventKind, RemarkKind, Session, Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::Instant;
use unicode_width::UnicodeWidthStr;

const UNITS: usize = 200;
const REMARKS: usize = 10_000;
/// Remarks per unit on units 1-199; the rest are general remarks.
const PER_UNIT: usize = 50;
/// The unit whose talk is running (1-based).
const CURRENT: usize = 100;
const SIZE: (u16, u16) = (120, 40);

const BASES: [&str; 10] = [
    "市财政局",
    "城郊街道办事处",
    "市发改局",
    "市交通运输局",
    "市应急管理局",
    "市税务局",
    "市人社局",
    "市教育局",
    "市卫生健康委",
    "市住房城乡建设局",
];

const REVIEWERS: [&str; 8] = [
    "市领导A",
    "市领导B",
    "市领导C",
    "市领导D",
    "市领导E",
    "人大代表",
    "党代表",
    "政协委员",
];

const TEXTS: [&str; 4] = [
    "职责清晰，目标明确，举措有力；下一步要把税源培育落到具体项目上。",
    "建议把 2026 年目标细化到季度，Q3 前完成 12 个重点项目的前期工作。",
    "数据要实，问题要准，请会后一周内报送整改清单。",
    "各单位要对标一流，比学赶超。",
];

/// What the note-taker types, a character at a time.
const TYPED: &str = "职责清晰目标明确举措有力下一步要把税源培育落到具体项目上数据要实问题要准";

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
}

fn unit_name(i: usize) -> String {
    format!("{}{}", BASES[i % BASES.len()], i + 1)
}

fn plan() -> Plan {
    let units: Vec<serde_json::Value> = (0..UNITS)
        .map(|i| {
            serde_json::json!({
                "name": unit_name(i),
                "presenter": "党组书记",
                "role": "局长",
            })
        })
        .collect();
    let reviewers: Vec<serde_json::Value> = REVIEWERS
        .iter()
        .map(|r| serde_json::json!({ "name": r }))
        .collect();
    serde_json::from_value(serde_json::json!({
        "title": "“明职责、对目标、争一流”工作汇报会",
        "date": "2026-05-30", "start": "09:00", "venue": "市委第一会议室", "host": "市委副书记",
        "talk_minutes": 8, "warn_seconds": 60,
        "units": units,
        "reviewers": reviewers,
    }))
    .expect("the bench plan parses")
}

/// The meeting as a list of events: units 1-99 talk (470 s each, 20 s between talks), unit
/// 100's talk starts, then the 10,000 remarks. Returns the events and the time after them.
fn events(plan: &Plan, remarks: usize) -> (Vec<Event>, Time) {
    let mut session = Session::new(plan.clone());
    let mut at = t0();
    let run = |session: &mut Session, command: Command, at: Time| {
        let events = session.decide(&command, at).expect("the command is taken");
        session.commit(events);
    };
    for _ in 0..CURRENT - 1 {
        run(&mut session, Command::ToggleTalk, at);
        at += Duration::seconds(470);
        run(&mut session, Command::Next, at);
        at += Duration::seconds(20);
    }
    run(&mut session, Command::ToggleTalk, at);
    let mut events = session.events().to_vec();
    let first = session.last_seq() + 1;
    for i in 0..remarks {
        let unit = (i < (UNITS - 1) * PER_UNIT).then(|| plan.units[i % (UNITS - 1)].name.clone());
        events.push(Event {
            seq: first + i as u64,
            at: at + Duration::seconds(1) + Duration::milliseconds(i as i64 * 5),
            part_of: None,
            by: None,
            command: None,
            elapsed_ms: None,
            kind: EventKind::RemarkAdded {
                unit,
                reviewer: REVIEWERS[i % REVIEWERS.len()].to_string(),
                text: TEXTS[i % TEXTS.len()].to_string(),
                kind: if i % 7 == 0 {
                    RemarkKind::Task
                } else {
                    RemarkKind::Remark
                },
            },
        });
    }
    (events, at + Duration::seconds(60))
}

/// Writes the session file as the store would have left it and opens a console on it.
fn console(dir: &Path, name: &str, remarks: usize) -> (App, Time) {
    let plan = plan();
    let (events, now) = events(&plan, remarks);
    let session = Session::from_events(plan, events);
    let path = dir.join(format!("{name}.session.json"));
    std::fs::write(&path, store::snapshot_text(&session, now)).expect("write the session file");
    let (writer, report) = Writer::open(&path, now).expect("open the session");
    assert_eq!(report.replayed, 0);
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, now);
    let st = app.session().state();
    assert_eq!(st.units.len(), UNITS);
    assert_eq!(st.remarks.len(), remarks);
    let current = unit_name(CURRENT - 1);
    assert_eq!(st.current.as_deref(), Some(current.as_str()));
    assert_eq!(app.shown_unit_status(), Some(Status::Presenting));
    assert_eq!(
        app.selected_unit().as_deref(),
        Some(current.as_str()),
        "the selection follows the current unit"
    );
    (app, now)
}
fn show(micros: f64) -> String {
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

fn header() {
    println!(
        "  {:<52} {:>9} {:>9} {:>9} {:>9} | {:>9} {:>9} {:>9}",
        "", "min", "median", "p99", "max", "cpu med", "cpu p99", "cpu max"
    );
}

fn row(label: &str, t: &Timings) {
    let wall = Stats::of(t.wall.clone());
    let cpu = if t.cpu.is_empty() {
        ["-".to_string(), "-".to_string(), "-".to_string()]
    } else {
        let c = Stats::of(t.cpu.clone());
        [show(c.median), show(c.p99), show(c.max)]
    };
    println!(
        "  {label:<52} {:>9} {:>9} {:>9} {:>9} | {:>9} {:>9} {:>9}   (n={})",
        show(wall.min),
        show(wall.median),
        show(wall.p99),
        show(wall.max),
        cpu[0],
        cpu[1],
        cpu[2],
        wall.n
    );
}

/// Wall-clock and on-CPU time of each repetition, in microseconds (the CPU time is this
/// thread's CPU clock: it leaves out the time the thread waited, for the disk or for a CPU
/// that other processes held).
#[derive(Default)]
struct Timings {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

impl Timings {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let cpu = thread_cpu_micros();
        let start = Instant::now();
        let out = f();
        self.wall.push(micros_since(start));
        if let (Some(before), Some(after)) = (cpu, thread_cpu_micros()) {
            self.cpu.push(after - before);
        }
        out
    }

    /// The wall-clock times of repetitions `range`.
    fn wall_median(&self, range: std::ops::Range<usize>) -> f64 {
        Stats::of(self.wall[range].to_vec()).median
    }
}

/// This thread's CPU clock (`CLOCK_THREAD_CPUTIME_ID`), in microseconds.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_micros() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec (two 64-bit fields on 64-bit Linux) and
    // clock_gettime writes nothing else.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as f64 * 1e6 + ts.tv_nsec as f64 / 1e3)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_micros() -> Option<f64> {
    None
}
fn micros_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e6
}

fn key(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

/// `frames` frames of the screen as it stands, the clock a second later each time.
fn frames(app: &App, terminal: &mut Terminal<TestBackend>, now: Time, frames: usize) -> Timings {
    let mut times = Timings::default();
    for f in 0..frames {
        let at = now + Duration::seconds(f as i64);
        times.time(|| {
            terminal
                .draw(|frame| view::draw(frame, app, at))
                .expect("draw");
        });
    }
    times
}

/// The text of the screen's row `y` (the cells covered by a wide character left out).
fn screen_row(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buf = terminal.backend().buffer();
    let mut line = String::new();
    let mut skip = 0usize;
    for x in 0..buf.area.width {
        let symbol = buf[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        line.push_str(symbol);
        skip = symbol.width().saturating_sub(1);
    }
    line
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    (0..terminal.backend().buffer().area.height)
        .map(|y| screen_row(terminal, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Types `keys` characters into the open editor, one frame per key. With `tick`, the loop's
/// time-driven work runs between key and frame (the draft written every 500 ms of clock).
fn typing(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    now: Time,
    keys: usize,
    tick: bool,
) -> Timings {
    let chars: Vec<char> = TYPED.chars().collect();
    let mut times = Timings::default();
    for k in 0..keys {
        let at = now + Duration::milliseconds(k as i64 * 150);
        let c = chars[k % chars.len()];
        times.time(|| {
            key(app, KeyCode::Char(c), at);
            if tick {
                app.tick(at);
            }
            terminal
                .draw(|frame| view::draw(frame, app, at))
                .expect("draw");
        });
    }
    times
}

fn typed_text(app: &App) -> String {
    match app.mode() {
        Mode::Editor(ed) => podium::tui::editor::text_of(&ed.text),
        _ => panic!("the editor is open"),
    }
}

fn main() {
    let n_frames = env_count("PODIUM_BENCH_FRAMES", 200);
    let n_keys = env_count("PODIUM_BENCH_KEYS", 1000);
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    println!(
        "podium console benchmark, session in {}",
        tmp.path().display()
    );

    let start = Instant::now();
    let (mut app, now) = console(tmp.path(), "big", REMARKS);
    let size = std::fs::metadata(&app.core.ledger.paths().session).map_or(0, |m| m.len());
    println!(
        "  setup: {UNITS} units, {REMARKS} remarks, {} events, session file {:.1} MB, built and opened in {}",
        app.session().events().len(),
        size as f64 / 1e6,
        show(micros_since(start))
    );
    let (w, h) = SIZE;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");

    // ---- frames ---------------------------------------------------------------------------
    // Warm up (first frame allocates the buffers).
    frames(&app, &mut terminal, now, 5);
    let current = unit_name(CURRENT - 1);
    assert!(
        screen(&terminal).contains(&current),
        "the current unit is on screen"
    );
    let unit = frames(&app, &mut terminal, now, n_frames);
    key(&mut app, KeyCode::Home, now);
    assert_eq!(app.selected, 0, "the whole-meeting row");
    assert_eq!(
        app.selected_remarks().len(),
        REMARKS - (UNITS - 1) * PER_UNIT
    );
    frames(&app, &mut terminal, now, 5);
    let whole = frames(&app, &mut terminal, now, n_frames);
    for _ in 0..CURRENT / 10 {
        key(&mut app, KeyCode::PageDown, now);
    }
    assert_eq!(app.selected_unit().as_deref(), Some(current.as_str()));
    assert_eq!(app.selected_remarks().len(), PER_UNIT);

    // For scale: the same meeting without a single remark.
    let bare = {
        let (bare, now) = console(tmp.path(), "bare", 0);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        frames(&bare, &mut terminal, now, 5);
        frames(&bare, &mut terminal, now, n_frames)
    };

    println!();
    println!("live screen, {w}×{h}, {n_frames} frames (view::draw into a TestBackend terminal):");
    header();
    row(
        &format!("whole-meeting row selected ({} remarks)", whole_count()),
        &whole,
    );
    row(
        &format!("current unit selected ({PER_UNIT} remarks, talk running)"),
        &unit,
    );
    row("for scale: the same 200 units, no remarks at all", &bare);

    // ---- key to frame ---------------------------------------------------------------------
    key(&mut app, KeyCode::Char('r'), now);
    assert!(matches!(app.mode(), Mode::Editor(_)), "r opens the editor");
    let plain = typing(&mut app, &mut terminal, now, n_keys, false);
    assert_eq!(typed_text(&app).chars().count(), n_keys, "every key typed");
    // Discard the remark (Esc, then y), and type it again with the loop's tick.
    key(&mut app, KeyCode::Esc, now);
    key(&mut app, KeyCode::Char('y'), now);
    assert!(matches!(app.mode(), Mode::Live));
    key(&mut app, KeyCode::Char('r'), now);
    let ticked = typing(&mut app, &mut terminal, now, n_keys, true);
    assert_eq!(typed_text(&app).chars().count(), n_keys);
    assert!(
        app.core.ledger.read_draft().is_some(),
        "the draft was written while typing"
    );
    let tenth = (n_keys / 10).max(1);
    println!();
    println!(
        "key to frame in typing mode, {w}×{h}, {n_keys} keystrokes (a Chinese character each) into one remark:"
    );
    header();
    row("on_key + draw", &plain);
    row("on_key + tick + draw (draft saved every 500 ms)", &ticked);
    println!(
        "  median of keys 1-{tenth}: {} ; of keys {}-{n_keys}: {} (on_key + draw)",
        show(plain.wall_median(0..tenth)),
        n_keys - tenth + 1,
        show(plain.wall_median(n_keys - tenth..n_keys))
    );

    key(&mut app, KeyCode::Esc, now);
    key(&mut app, KeyCode::Char('y'), now);
    drop(app);
}

fn whole_count() -> usize {
    REMARKS - (UNITS - 1) * PER_UNIT
}
