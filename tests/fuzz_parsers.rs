//! Parsers under attack: every reader of outside input is fed random bytes and broken copies of
//! valid inputs, and must return `Ok` or `Err` — never panic, never hang, never balloon.
//!
//! The readers: `planfile::parse` (plan JSON), `store::read` (session file + journal),
//! `import::decode` and `import::read_table` (CSV in UTF-8, with a BOM or in GB18030; XLSX and
//! XLS through calamine) followed by `import::scores` and `import::plan_from_units`. What a
//! session reader returns is also turned into the record and the minutes (`podium report`).
//!
//! Each case runs on its own thread (a 2 MiB stack, less than the real binary's main thread)
//! with a time limit; a panic, a time-out or a peak of live heap memory beyond a bound fails
//! the case, and proptest shrinks it. The heap is measured per thread by a counting global
//! allocator. Inputs are bounded in size (at most a few MB), so a bounded time and memory are
//! what "no hang, memory bounded" means here. Out of scope: zip bombs (a workbook whose parts
//! inflate to gigabytes: the bound would be the size after inflating, not the file's) and
//! cargo-fuzz (coverage-guided runs outside `cargo test`).
//!
//! Budget: a fixed seed and a few hundred cases per property, so `cargo test` stays short
//! and reproducible. For a longer exploration:
//!
//! ```text
//! PODIUM_FUZZ_SEED=random PODIUM_FUZZ_SCALE=20 cargo test --release --test fuzz_parsers
//! ```
//!
//! A failing case is written to `target/tmp/fuzz-failures/` (the bytes proptest shrank to);
//! add it to `tests/corpus/` with its expected outcome in `tests/corpus/EXPECTED.tsv`.
//! `tests/corpus/` is run by `corpus_files_give_their_expected_outcome`; its generated files
//! are written by `regenerate_corpus` (ignored; run it by hand after changing a builder here).
//!
//! Known bugs (tests marked `#[ignore = "bug: …"]`) are kept out of the random runs by
//! `KNOWN_PANICS` (tolerated panics, recognised by where they happen) and by
//! `calamine_memory_bomb` (workbooks whose cell span would make calamine allocate gigabytes: that
//! aborts the process, it cannot be caught).

use chrono::{FixedOffset, TimeZone};
use podium::commands::ReportFormat;
use podium::import;
use podium::plan::Plan;
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Event, Session, Time};
use podium::store::{self, StoreError};
use podium::strings::Lang;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config as ProptestConfig, RngSeed, TestCaseError, TestRunner};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, mpsc};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// The harness: a thread per case, a time limit, a panic catcher and a heap meter.
// ---------------------------------------------------------------------------------------------

/// Counts live heap bytes per thread (and their peak), so a case's memory can be bounded.
struct CountingAlloc;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

fn note_alloc(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| {
            if now > peak.get() {
                peak.set(now);
            }
        });
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the bookkeeping only
// touches `const` thread-locals without destructors, which never allocate.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note_alloc(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note_alloc(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        note_alloc(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            note_alloc(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Longest a case may take (debug build, on a busy machine). `PODIUM_FUZZ_TIMEOUT_MS` changes it.
fn time_limit() -> Duration {
    let ms = std::env::var("PODIUM_FUZZ_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    Duration::from_millis(ms)
}

/// The most live heap a case may add: 16 MiB plus 16 bytes per input byte. The peaks measured
/// are far below: 7.3 MB at most (printed with `--nocapture`).
fn memory_limit(input_len: usize) -> usize {
    16 * 1024 * 1024 + 16 * input_len
}

/// Panics that are known bugs (each has its `#[ignore = "bug: …"]` test below), recognised by
/// the source file they happen in and a piece of their message. They are tolerated in the
/// random runs, counted, and printed; everything else fails the case.
/// All of these are arithmetic overflows on numbers read from a file: a panic in a debug build
/// (overflow checks on), a silent wrap-around in a release build. (The other known bug, a
/// workbook whose cell span aborts the process, is kept out by `calamine_memory_bomb`.)
const KNOWN_PANICS: &[(&str, &str, &str)] = &[];

/// The known bug a failure is, if any (and count it under `label`).
fn known(label: &str, failure: &Failure) -> Option<&'static str> {
    let Failure::Panic { place, message } = failure else {
        return None;
    };
    let (name, _, _) = KNOWN_PANICS
        .iter()
        .find(|(_, file, piece)| place.contains(file) && message.contains(piece))?;
    *KNOWN_HITS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry((label.to_string(), name))
        .or_default() += 1;
    Some(name)
}

static KNOWN_HITS: Mutex<BTreeMap<(String, &'static str), usize>> = Mutex::new(BTreeMap::new());
static WORST: Mutex<BTreeMap<String, (Duration, usize, usize)>> = Mutex::new(BTreeMap::new());
static HOOK: Once = Once::new();

/// Inside a case, a panic's place and message are kept for the report instead of printed.
fn install_hook() {
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_CASE.with(|c| c.get()) {
                let place = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                    s.to_string()
                } else if let Some(s) = info.payload().downcast_ref::<String>() {
                    s.clone()
                } else {
                    "(no message)".to_string()
                };
                LAST_PANIC.with(|p| *p.borrow_mut() = Some((place, message)));
            } else {
                default(info);
            }
        }));
    });
}

#[derive(Debug)]
enum Failure {
    Panic { place: String, message: String },
    Hang(Duration),
    Memory { peak: usize, limit: usize },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic { place, message } => write!(f, "panicked at {place}: {message}"),
            Failure::Hang(d) => write!(f, "did not finish within {d:?} (a hang?)"),
            Failure::Memory { peak, limit } => {
                write!(f, "peak live heap {peak} bytes, over the bound of {limit}")
            }
        }
    }
}

/// Runs `f` on a thread of its own; a panic, a time-out or too much memory is a `Failure`.
fn guarded<T: Send + 'static>(
    label: &str,
    input_len: usize,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    install_hook();
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(format!("fuzz-{label}"))
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            IN_CASE.with(|c| c.set(true));
            PEAK.with(|p| p.set(LIVE.with(|l| l.get())));
            let base = LIVE.with(|l| l.get());
            let start = Instant::now();
            let result = panic::catch_unwind(AssertUnwindSafe(f));
            let elapsed = start.elapsed();
            let peak = (PEAK.with(|p| p.get()) - base).max(0) as usize;
            let sent = match result {
                Ok(v) => Ok((v, elapsed, peak)),
                Err(_) => Err(LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_else(|| ("?".into(), "(unknown panic)".into()))),
            };
            let _ = tx.send(sent);
        })
        .expect("a thread for the case");
    let limit = time_limit();
    match rx.recv_timeout(limit) {
        Ok(Ok((value, elapsed, peak))) => {
            let _ = worker.join();
            let mut worst = WORST.lock().unwrap_or_else(|e| e.into_inner());
            let entry = worst
                .entry(label.to_string())
                .or_insert((Duration::ZERO, 0, 0));
            entry.0 = entry.0.max(elapsed);
            if peak > entry.1 {
                entry.1 = peak;
                entry.2 = input_len;
            }
            let bound = memory_limit(input_len);
            if peak > bound {
                return Err(Failure::Memory { peak, limit: bound });
            }
            Ok(value)
        }
        Ok(Err((place, message))) => {
            let _ = worker.join();
            Err(Failure::Panic { place, message })
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::Hang(limit)), // left running
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Panic {
            place: "?".into(),
            message: "the case's thread vanished".into(),
        }),
    }
}

/// Keeps a failing input where it can be copied into the corpus.
fn keep_failure(label: &str, name_hint: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash = (hash ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
    }
    let path = dir.join(format!("{label}-{hash:016x}{name_hint}"));
    let _ = std::fs::write(&path, bytes);
    path
}

/// One case for proptest: the reader must come back, in time, within its memory. A known
/// bug is tolerated (and counted).
fn case(
    label: &'static str,
    ext: &str,
    input: &[u8],
    run: impl FnOnce() -> Outcome + Send + 'static,
) -> Result<(), TestCaseError> {
    match guarded(label, input.len(), run) {
        Ok(_) => Ok(()),
        Err(failure) if known(label, &failure).is_some() => Ok(()),
        Err(failure) => {
            let kept = keep_failure(label, ext, input);
            Err(TestCaseError::fail(format!(
                "{label}: {failure}; the input ({} bytes) is in {}",
                input.len(),
                kept.display()
            )))
        }
    }
}

/// What a reader said: `Ok` with a short summary, or its error text.
type Outcome = Result<String, String>;

/// Proptest settings: a fixed seed unless `PODIUM_FUZZ_SEED` says otherwise (`random` or a
/// number), and `cases` scaled by `PODIUM_FUZZ_SCALE`.
fn config(label: &str, cases: u32) -> ProptestConfig {
    let scale: f64 = std::env::var("PODIUM_FUZZ_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0);
    let rng_seed = match std::env::var("PODIUM_FUZZ_SEED").ok().as_deref() {
        None | Some("") => RngSeed::Fixed(0x0070_6f64_6975_6d21),
        Some("random") => {
            let seed = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64);
            println!("{label}: PODIUM_FUZZ_SEED={seed}");
            RngSeed::Fixed(seed)
        }
        Some(n) => RngSeed::Fixed(n.parse().expect("PODIUM_FUZZ_SEED: a number or `random`")),
    };
    ProptestConfig {
        cases: ((f64::from(cases) * scale).round() as u32).max(1),
        failure_persistence: None,
        rng_seed,
        max_shrink_iters: 512,
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

/// Runs a property, then prints its figures: the slowest case and the largest heap peak.
fn run_property<S: Strategy>(
    label: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let config = config(label, cases);
    let n = config.cases;
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{label}: {e}");
    }
    print_figures(label, n);
}

fn print_figures(label: &str, cases: u32) {
    let worst = WORST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((time, peak, len)) = worst.get(label) {
        println!(
            "{label}: {cases} cases; slowest {time:.1?}; largest heap peak {:.1} KiB (input {len} bytes)",
            *peak as f64 / 1024.0
        );
    }
    let known = KNOWN_HITS.lock().unwrap_or_else(|e| e.into_inner());
    for ((of, name), n) in known.iter() {
        if of == label {
            println!("  tolerated known bug {name}: {n} cases");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The readers, as podium's commands call them.
// ---------------------------------------------------------------------------------------------

/// 2026-05-30 10:00:00 +08:00: "now" for records.
fn now() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 10, 0, 0)
        .unwrap()
}

fn lang(zh: bool) -> Lang {
    if zh { Lang::Zh } else { Lang::En }
}

/// A plan file: `podium check`/`run` read it as strict UTF-8 (`commands::read_text`), then
/// `planfile::parse`. The parser also gets the lossy text of invalid UTF-8, to be thorough.
/// A plan that passes becomes a session and a record (what `podium run` does next).
fn read_plan(bytes: &[u8], zh: bool) -> Outcome {
    let strict = std::str::from_utf8(bytes).is_ok();
    let text = String::from_utf8_lossy(bytes);
    match planfile::parse("plan.json", &text, lang(zh)) {
        Ok(loaded) => {
            let session = Session::new(loaded.plan);
            let record = Record::of(&session, now());
            let _ = serde_json::to_string(&record);
            if strict {
                Ok(format!("{} units", session.state().units.len()))
            } else {
                Err("not UTF-8".into())
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err without a message");
            Err(errors.join("\n"))
        }
    }
}

/// A session file (and optionally its journal) as `podium report`/`display` read it:
/// `store::read`, then the record and the minutes of what it returned.
fn read_session(session: Option<&[u8]>, journal: Option<&[u8]>, zh: bool) -> Outcome {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("m.session.json");
    if let Some(bytes) = session {
        std::fs::write(&path, bytes).expect("write the session");
    }
    if let Some(bytes) = journal {
        std::fs::write(dir.path().join("m.session.journal"), bytes).expect("write the journal");
    }
    match store::read(&path) {
        Ok(session) => {
            for format in [ReportFormat::Json, ReportFormat::Md] {
                let _ = podium::commands::report::render(&session, format, now(), lang(zh));
            }
            Ok(format!("events={}", session.events().len()))
        }
        Err(e) => {
            let text = e.to_string();
            assert!(!text.is_empty(), "an Err without a message");
            Err(text)
        }
    }
}

/// What a table is read for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Use {
    /// `podium scores` on a points meeting (the city report) and on a grades meeting.
    Scores,
    /// `podium import`: a unit list becomes a plan.
    Units,
    /// All of the above, for random bytes.
    All,
}

/// A CSV/XLSX/XLS file through `import::read_table`, then what the commands do with it.
fn read_table(name: &str, bytes: &[u8], what: Use, zh: bool) -> Outcome {
    if name.ends_with(".csv") {
        let _ = import::decode(bytes);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the table");
    let table = import::read_table(&path)?;
    let mut out = Vec::new();
    if matches!(what, Use::Scores | Use::All) {
        let (points, grades) = sessions();
        for session in [points, grades] {
            out.push(match import::scores(&table, session, lang(zh), None) {
                Ok(i) => {
                    let _ = (i.summary(&table, lang(zh)), i.command(), i.changes());
                    Ok(format!("scores={}+{}", i.scores.len(), i.grades.len()))
                }
                Err(errors) => {
                    assert!(!errors.is_empty(), "an Err without a message");
                    Err(errors.join("\n"))
                }
            });
            if what == Use::Scores {
                break;
            }
        }
    }
    if matches!(what, Use::Units | Use::All) {
        out.push(match import::plan_from_units(&table, "导入的会议") {
            Ok(plan) => {
                let _ = Record::of(&Session::new(plan.clone()), now());
                Ok(format!("units={}", plan.units.len()))
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "an Err without a message");
                Err(errors.join("\n"))
            }
        });
    }
    match what {
        Use::All => Ok(format!("{out:?}")),
        _ => out.pop().unwrap_or_else(|| Err("nothing read".into())),
    }
}

// ---------------------------------------------------------------------------------------------
// Valid inputs, the seeds of the mutations.
// ---------------------------------------------------------------------------------------------

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn city_plan() -> Plan {
    planfile::parse("city-report.json", &data("city-report.json"), Lang::En)
        .expect("the sample plan is valid")
        .plan
}

fn grades_plan() -> Plan {
    serde_json::from_str(
        r#"{"title": "等次评议", "units": [{"name": "城东街道"}, {"name": "城西街道"}],
            "scoring": {"mode": "grades"}}"#,
    )
    .expect("the grades plan parses")
}

/// Valid plans: the two samples, the smallest plan, a grades plan, and every optional field.
fn valid_plans() -> Vec<String> {
    vec![
        data("city-report.json"),
        data("district-exchange.json"),
        r#"{"title": "季度交流汇报会", "units": [{"name": "城东街道"}]}"#.to_string(),
        serde_json::to_string_pretty(&grades_plan()).unwrap(),
        r#"{
  "title": "全字段", "date": "2026-05-30", "start": "9:00", "venue": "会议室", "host": "主持人",
  "talk_minutes": 7.5, "warn_seconds": 30,
  "units": [{"name": "甲", "presenter": "张", "role": "局长", "minutes": 0.075, "topic": "题"},
            {"name": "乙", "minutes": 600}],
  "reviewers": [{"name": "评委一", "role": "r", "group": "领导", "recused": ["甲"]},
                {"name": "评委二", "group": "代表"}],
  "scoring": {"mode": "points", "criteria": [{"name": "甲项", "max": 60}, {"name": "乙项", "max": 40}],
              "step": 0.25, "groups": [{"name": "领导", "weight": 60}, {"name": "代表", "weight": 40}],
              "trim": 1, "trim_min": 3, "decimals": 3,
              "overtime": {"grace_seconds": 10, "every_seconds": 30, "points": 0.5, "max_points": 2},
              "undertime": {"min_minutes": 3, "points": 1},
              "tie_break": ["group:领导", "criterion:甲项", "untrimmed_mean", "less_overtime", "excellent_share"],
              "spread_warn": 10, "grades": [{"name": "好", "points": 100}, {"name": "差", "points": 50}]}
}"#
        .to_string(),
    ]
}

fn at(second: u32) -> String {
    format!("2026-05-30T09:{:02}:{:02}+08:00", second / 60, second % 60)
}

/// One event of every kind, for the city report plan, as journal lines (seq from 1).
fn event_lines() -> Vec<String> {
    let kinds = [
        r#""type":"meeting_started""#,
        r#""type":"talk_started","unit":"市财政局""#,
        r#""type":"remark_added","unit":"市财政局","reviewer":"常务副市长","text":"收支分析扎实，税源培育要有时间表。","kind":"remark""#,
        r#""type":"talk_paused","unit":"市财政局""#,
        r#""type":"talk_resumed","unit":"市财政局""#,
        r#""type":"limit_adjusted","unit":"市财政局","seconds":30"#,
        r#""type":"remark_edited","id":3,"reviewer":"常务副市长","text":"6月15日前报送重点税源清单","kind":"task""#,
        r#""type":"talk_ended","unit":"市财政局""#,
        r#""part_of":8,"type":"current_changed","unit":"城郊街道办事处""#,
        r#""type":"unit_skipped","unit":"市发改局""#,
        r#""type":"unit_restored","unit":"市发改局""#,
        r#""type":"unit_moved","unit":"市交通运输局","position":2"#,
        r#""type":"unit_added","unit":"Smart City 项目办","presenter":"主任","role":"CIO","limit_seconds":330,"after":"城郊街道办事处""#,
        r#""type":"unit_updated","unit":"城郊街道办事处","presenter":null,"role":"主任""#,
        r#""type":"remark_added","unit":null,"reviewer":"党代表","text":"各单位目标要量化、可考核。","kind":"remark""#,
        r#""type":"remark_deleted","id":15"#,
        r#""type":"undone","action":16"#,
        r#""type":"score_set","unit":"市财政局","reviewer":"常务副市长","criterion":"明职责","value":"27.5""#,
        r#""type":"score_cleared","unit":"市财政局","reviewer":"常务副市长","criterion":"明职责""#,
        r#""type":"score_set","unit":"市财政局","reviewer":"人大代表","criterion":"争一流","value":"38""#,
        r#""type":"stage_message","text":"请控制时间""#,
        r#""type":"results_published""#,
        r#""type":"results_unlocked","reason":"更正录入""#,
        r#""type":"results_displayed","shown":true"#,
        r#""type":"results_revealed","places":2"#,
        r#""type":"grades_added","unit":"市财政局","grade":"优秀","count":3"#,
        r#""type":"talk_started","unit":"城郊街道办事处""#,
        r#""type":"remark_added","unit":"城郊街道办事处","reviewer":"政协委员","text":"基层治理 👍 有亮点\n继续","kind":"remark""#,
        r#""type":"score_set","unit":"城郊街道办事处","reviewer":"分管副市长","criterion":"对目标","value":"29.5""#,
        r#""type":"talk_ended","unit":"城郊街道办事处""#,
        r#""type":"meeting_ended""#,
    ];
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| format!(r#"{{"seq":{},"at":"{}",{k}}}"#, i + 1, at(10 * i as u32)))
        .collect()
}

fn events(lines: &[String]) -> Vec<Event> {
    lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// How many of `event_lines()` are in the snapshot; the rest go to the journal.
const IN_SNAPSHOT: usize = 20;

/// A session file as podium writes it, with the first `IN_SNAPSHOT` events.
fn valid_session_text() -> String {
    let lines = event_lines();
    let session = Session::from_events(city_plan(), events(&lines[..IN_SNAPSHOT]));
    store::snapshot_text(&session, now())
}

/// The journal beside it: the other events, one per line.
fn valid_journal_text() -> String {
    let mut out = String::new();
    for line in &event_lines()[IN_SNAPSHOT..] {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A grades-mode session file.
fn valid_grades_session_text() -> String {
    let plan = grades_plan();
    let lines = [
        r#"{"seq":1,"at":"2026-05-30T09:00:00+08:00","type":"grades_added","unit":"城东街道","grade":"优秀","count":12}"#,
        r#"{"seq":2,"at":"2026-05-30T09:00:01+08:00","type":"grades_added","unit":"城西街道","grade":"良好","count":7}"#,
    ]
    .map(String::from);
    store::snapshot_text(&Session::from_events(plan, events(&lines)), now())
}

/// The sessions score sheets are checked against (built once).
fn sessions() -> (&'static Session, &'static Session) {
    static POINTS: std::sync::OnceLock<Session> = std::sync::OnceLock::new();
    static GRADES: std::sync::OnceLock<Session> = std::sync::OnceLock::new();
    (
        POINTS.get_or_init(|| Session::new(city_plan())),
        GRADES.get_or_init(|| Session::new(grades_plan())),
    )
}

const SCORES_CSV: &str = "单位,评委,指标,得分\n\
市财政局,常务副市长,明职责,27.5\n\
市财政局,常务副市长,对目标,28\n\
市财政局,人大代表,争一流,36.5\n\
\"城郊街道办事处\",\"分管副市长\",\"明职责\",\"29\"\n\
市发改局,党代表,对目标,２５．５\n";

const GRADES_CSV: &str = "unit,grade,count\n城东街道,优秀,12\n城西街道,良好,7\n";

const UNITS_CSV: &str = "序号,单位,汇报人,职务,时长\n\
2,城郊街道办事处,党工委书记,主任,5.5\n\
1,市财政局,党组书记,局长,8\n\
3,\"Smart City 项目办, 二期\",主任,CIO,\n";

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn bom(text: &str) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

fn crlf(text: &str) -> Vec<u8> {
    text.replace('\n', "\r\n").into_bytes()
}

/// Valid CSV files and what they are read for.
fn valid_csvs() -> Vec<(Vec<u8>, Use)> {
    vec![
        (SCORES_CSV.as_bytes().to_vec(), Use::Scores),
        (bom(SCORES_CSV), Use::Scores),
        (gbk(SCORES_CSV), Use::Scores),
        (crlf(SCORES_CSV), Use::Scores),
        (GRADES_CSV.as_bytes().to_vec(), Use::All),
        (UNITS_CSV.as_bytes().to_vec(), Use::Units),
        (gbk(UNITS_CSV), Use::Units),
        (bom(&UNITS_CSV.replace('\n', "\r\n")), Use::Units),
    ]
}

/// A score sheet as rust_xlsxwriter writes it (a deflated zip, as Excel's).
fn xlsxwriter_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["单位", "评委", "指标", "得分"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("市财政局", "常务副市长", "明职责", 27.5),
        ("市财政局", "常务副市长", "对目标", 28.0),
        ("城郊街道办事处", "人大代表", "争一流", 36.5),
    ];
    for (r, (u, who, what, v)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *u).unwrap();
        sheet.write_string(r, 1, *who).unwrap();
        sheet.write_string(r, 2, *what).unwrap();
        sheet.write_number(r, 3, *v).unwrap();
    }
    book.save_to_buffer()
        .expect("rust_xlsxwriter writes a workbook")
}

const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of a small workbook written by hand (so they can be mutated as text and zipped
/// again, stored, with correct checksums: the mutations then reach calamine's XML reading).
fn workbook_parts() -> Vec<(String, String)> {
    let strings = [
        "单位",
        "评委",
        "指标",
        "得分",
        "市财政局",
        "常务副市长",
        "明职责",
    ];
    let sst: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{NS_MAIN}"><dimension ref="A1:D3"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2"><v>27.5</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>城郊街道办事处</t></is></c><c r="B3" t="inlineStr"><is><t>人大代表</t></is></c><c r="C3" t="inlineStr"><is><t>争一流</t></is></c><c r="D3" t="n"><v>36</v></c></row></sheetData></worksheet>"#
    );
    vec![
        (
            "[Content_Types].xml".into(),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#
                .to_string(),
        ),
        (
            "_rels/.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{NS_REL}"><Relationship Id="rId1" Type="{REL_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{NS_MAIN}" xmlns:r="{REL_DOC}"><sheets><sheet name="评分" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{NS_REL}"><Relationship Id="rId1" Type="{REL_DOC}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL_DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/sharedStrings.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{NS_MAIN}" count="{n}" uniqueCount="{n}">{sst}</sst>"#,
                n = strings.len()
            ),
        ),
        ("xl/worksheets/sheet1.xml".into(), sheet),
    ]
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `parts`, stored (not compressed), with correct checksums.
fn zip_stored(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_len = name.len() as u16;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0x0800u16.to_le_bytes()); // flags: UTF-8 names
        out.extend_from_slice(&0u16.to_le_bytes()); // stored
        out.extend_from_slice(&0u16.to_le_bytes()); // time
        out.extend_from_slice(&0x5a21u16.to_le_bytes()); // date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&20u16.to_le_bytes()); // needed
        central.extend_from_slice(&0x0800u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0x5a21u16.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let count = parts.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn workbook_from(parts: &[(String, String)]) -> Vec<u8> {
    let parts: Vec<(String, Vec<u8>)> = parts
        .iter()
        .map(|(n, t)| (n.clone(), t.clone().into_bytes()))
        .collect();
    zip_stored(&parts)
}

/// Whether a workbook part would make calamine allocate gigabytes on the file's word (the
/// known bugs `bug_workbook_cell_span_allocates_the_whole_rectangle` and
/// `bug_workbook_shared_string_count_is_trusted`): such inputs are kept out of the in-process
/// runs, since a failed allocation aborts the process.
fn calamine_memory_bomb(xml: &[u8]) -> bool {
    let text = String::from_utf8_lossy(xml);
    if let Some(i) = text.find("uniqueCount=\"") {
        let digits = text[i + 13..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 7 {
            return true;
        }
    }
    let (mut rows, mut cols) = ((u64::MAX, 0u64), (u64::MAX, 0u64));
    let mut rest: &str = &text;
    while let Some(i) = rest.find("r=\"") {
        rest = &rest[i + 3..];
        let value: String = rest.chars().take_while(|c| *c != '"').collect();
        let letters: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let digits: String = value[letters.len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if letters.len() > 6 || digits.len() > 9 {
            return true; // beyond u32 arithmetic: calamine's own overflow, or a vast span
        }
        if let Ok(r) = digits.parse::<u64>() {
            rows = (rows.0.min(r), rows.1.max(r));
        }
        if !letters.is_empty() {
            let c = letters.bytes().fold(0u64, |n, b| {
                n * 26 + u64::from(b.to_ascii_uppercase().wrapping_sub(b'A')) + 1
            });
            cols = (cols.0.min(c), cols.1.max(c));
        }
    }
    let span = |(lo, hi): (u64, u64)| if hi >= lo { hi - lo + 1 } else { 1 };
    span(rows).saturating_mul(span(cols)) > 4_000_000
}

// ---------------------------------------------------------------------------------------------
// Mutations.
// ---------------------------------------------------------------------------------------------

/// 10,000 levels of nesting, unbalanced (`[[[[…`) or closed again.
fn deep(open: &str, close: &str, balanced: bool) -> Vec<u8> {
    let mut out = open.repeat(10_000);
    if balanced {
        out.push_str(&close.repeat(10_000));
    }
    out.into_bytes()
}

/// Hostile byte strings to splice into any input.
fn tokens() -> Vec<Vec<u8>> {
    let mut t: Vec<Vec<u8>> = [
        &b"1e999"[..],
        b"-1e999",
        b"1e-400",
        b"9223372036854775807",
        b"-9223372036854775808",
        b"9223372036854775808",
        b"18446744073709551616",
        b"123456789012345678901234567890",
        b"-0",
        b"0.000000000000000000000000000001",
        b"NaN",
        b"-NaN",
        b"Infinity",
        b"-Infinity",
        b"inf",
        b"\"\\ud800\"",
        b"\\udfff\\ud800",
        b"\\u0000",
        b"\\",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xC0\xAF",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
        b"\x80",
        b"\xE5\xB8",
        b"\x81\x30",
        b"\r\n",
        b"\r",
        b"\n",
        b"\0",
        b"\x1b[2J\x1b]0;x\x07",
        "\u{202e}\u{200d}\u{feff}".as_bytes(),
        "👨‍👩‍👧".as_bytes(),
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b",",
        b":",
        b"null",
        b"true",
        b"{}",
        b"[]",
        b"\"\"",
        b",\"extra\":1",
        b"\"format\":\"podium-session\",",
        b"\"version\":2,",
        b"\"seq\":18446744073709551615,",
        b"\"part_of\":0,",
        b"\"type\":\"undone\",\"action\":1",
        b"\"seconds\":9223372036854775807",
        b"\"count\":9223372036854775807",
        b"\"at\":\"+262143-12-31T23:59:59+23:59\",",
        b"\"9999-12-31T23:59:59.999999999-23:59\"",
        b"\"2026-13-45T25:61:61+99:00\"",
        b"\"quoted \"\" field\"",
        b",,,,,,,,,,,,,,,,,,",
        b"<",
        b">",
        b"</c>",
        b"</row>",
        b"</sheetData>",
        b"<v>1e999</v>",
        b"<v>NaN</v>",
        b"<c r=\"A1\" t=\"s\"><v>999999999</v></c>",
        b"<c t=\"s\"><v>-1</v></c>",
        b"<c r=\"\"/>",
        b"<c r=\"A0\"><v>1</v></c>",
        b"<c r=\"1A\"><v>1</v></c>",
        b"<row r=\"0\">",
        b"<c r=\"B2\" t=\"b\"><v>2</v></c>",
        b"<c r=\"B2\" t=\"d\"><v>not a date</v></c>",
        b"<c r=\"B2\" t=\"e\"><v>#DIV/0!</v></c>",
        b"<c r=\"B2\" t=\"str\"><f>1/0</f><v>x</v></c>",
        b"&#0;",
        b"&#xFFFFFFFF;",
        b"&unknown;",
        b"<![CDATA[x]]>",
        b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>",
        b"<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        b"<dimension ref=\"B2:A1\"/>",
        b"<dimension ref=\"A1\"/>",
        b"PK\x03\x04",
        b"PK\x05\x06\0\0\0\0\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\0\0",
        b"\xff\xff\xff\xff",
    ]
    .iter()
    .map(|b| b.to_vec())
    .collect();
    t.push(deep("[", "]", false));
    t.push(deep("[", "]", true));
    t.push(deep("{\"a\":", "}", false));
    t.push(deep("<a>", "</a>", true));
    t.push(format!("\"{}\"", "长".repeat(100_000)).into_bytes());
    t.push("9".repeat(100_000).into_bytes());
    t.push("\n".repeat(10_000).into_bytes());
    t.push(",".repeat(10_000).into_bytes());
    t
}

fn token_table() -> &'static [Vec<u8>] {
    static TOKENS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    TOKENS.get_or_init(tokens)
}

#[derive(Debug, Clone)]
enum Op {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Insert(Index, Vec<u8>),
    Token(Index, Index),
    Delete(Index, usize),
    Truncate(Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    Crlf,
    Bom,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Op::FlipBit(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Op::SetByte(i, b)),
        2 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Op::Insert(i, b)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Op::Token(i, t)),
        2 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Op::Delete(i, n)),
        1 => any::<Index>().prop_map(Op::Truncate),
        1 => any::<Index>().prop_map(Op::DuplicateLine),
        1 => any::<Index>().prop_map(Op::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Op::SwapLines(a, b)),
        1 => Just(Op::Crlf),
        1 => Just(Op::Bom),
    ]
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 1..6)
}

/// Byte ranges of the lines of `bytes` (each with its `\n`).
fn lines_of(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

fn mutate(mut bytes: Vec<u8>, ops: &[Op]) -> Vec<u8> {
    for op in ops {
        let len = bytes.len();
        match op {
            Op::FlipBit(i, bit) if len > 0 => bytes[i.index(len)] ^= 1 << bit,
            Op::SetByte(i, b) if len > 0 => bytes[i.index(len)] = *b,
            Op::Insert(i, b) => {
                let at = i.index(len + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Op::Token(i, t) => {
                let table = token_table();
                let token = &table[t.index(table.len())];
                let at = i.index(len + 1);
                bytes.splice(at..at, token.iter().copied());
            }
            Op::Delete(i, n) if len > 0 => {
                let at = i.index(len);
                bytes.drain(at..(at + n).min(len));
            }
            Op::Truncate(i) => bytes.truncate(i.index(len + 1)),
            Op::DuplicateLine(i) | Op::DeleteLine(i) => {
                let lines = lines_of(&bytes);
                if !lines.is_empty() {
                    let (a, b) = lines[i.index(lines.len())];
                    if matches!(op, Op::DuplicateLine(_)) {
                        let line = bytes[a..b].to_vec();
                        bytes.splice(b..b, line);
                    } else {
                        bytes.drain(a..b);
                    }
                }
            }
            Op::SwapLines(x, y) => {
                let lines = lines_of(&bytes);
                if lines.len() > 1 {
                    let (p, q) = (x.index(lines.len()), y.index(lines.len()));
                    let mut order: Vec<(usize, usize)> = lines.clone();
                    order.swap(p, q);
                    bytes = order
                        .iter()
                        .flat_map(|(a, b)| bytes[*a..*b].to_vec())
                        .collect();
                }
            }
            Op::Crlf => {
                let mut out = Vec::with_capacity(len + len / 16);
                for b in &bytes {
                    if *b == b'\n' {
                        out.push(b'\r');
                    }
                    out.push(*b);
                }
                bytes = out;
            }
            Op::Bom => bytes = [&b"\xEF\xBB\xBF"[..], &bytes].concat(),
            _ => {}
        }
    }
    bytes
}

/// Hostile JSON values (as text) to put in place of any value of a valid document.
fn hostile_values() -> Vec<String> {
    let mut v: Vec<String> = [
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "18446744073709551615",
        "1e308",
        "-1e308",
        "1e999",
        "5e-324",
        "0",
        "-1",
        "0.5",
        "60.0",
        "1.00000000000000001",
        "0.00005",
        "NaN",
        "\"NaN\"",
        "\"Infinity\"",
        "null",
        "true",
        "\"\"",
        "\" \"",
        "[]",
        "{}",
        "[null]",
        "{\"name\":\"x\"}",
        "\"\\u0000\\u001b[31m\\u202e\\u200d\\r\\n\\t\"",
        "\"\\ud800\"",
        "\"2026-13-45T25:61:61+99:00\"",
        "\"+262143-12-31T23:59:59+23:59\"",
        "\"-262143-01-01T00:00:00-23:59\"",
        "\"9999-12-31T23:59:59.999999999+23:59\"",
        "\"0000-01-01T00:00:00Z\"",
        "\"remark_added\"",
        "\"undone\"",
        "\"limit_adjusted\"",
        "\"podium-session\"",
        "\"group:领导\"",
        "\"criterion:\"",
        "\"市财政局\"",
        "\"常务副市长\"",
        "\"明职责\"",
        "\"优秀\"",
        "\"27.5\"",
        "\"99999999999999999999\"",
        "\"１２３．４５６７\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("\"{}\"", "x".repeat(100_000)));
    v.push(String::from_utf8(deep("[", "]", true)).unwrap());
    v.push(String::from_utf8(deep("{\"a\":", "}", false)).unwrap());
    v.push(String::from_utf8(deep("[", "]", false)).unwrap());
    v
}

fn hostile_table() -> &'static [String] {
    static VALUES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    VALUES.get_or_init(hostile_values)
}

#[derive(Debug, Clone)]
enum ValueOp {
    /// Replace the n-th value (pre-order) with a hostile one.
    Replace(Index, Index),
    /// Remove the n-th value from its object or array.
    Remove(Index),
    /// Duplicate the n-th value in its array (or copy it under a new key).
    Duplicate(Index),
    /// Reverse the n-th value when it is an array.
    Reverse(Index),
}

fn value_ops() -> impl Strategy<Value = Vec<ValueOp>> {
    let one = prop_oneof![
        6 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| ValueOp::Replace(a, b)),
        2 => any::<Index>().prop_map(ValueOp::Remove),
        2 => any::<Index>().prop_map(ValueOp::Duplicate),
        1 => any::<Index>().prop_map(ValueOp::Reverse),
    ];
    prop::collection::vec(one, 1..5)
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

fn paths(value: &serde_json::Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                here.push(Step::Key(k.clone()));
                paths(v, here, out);
                here.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                here.push(Step::At(i));
                paths(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(value: &'a mut serde_json::Value, path: &[Step]) -> &'a mut serde_json::Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::At(i) => &mut v[*i],
    })
}

const PLACEHOLDER: &str = "\u{1}hostile-{}\u{1}";

/// Applies value-level mutations to a JSON document; hostile values are spliced in as text
/// (so that `1e999`, `NaN` and 10,000 levels of nesting can appear).
fn mutate_json(text: &str, ops: &[ValueOp]) -> Vec<u8> {
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return text.as_bytes().to_vec();
    };
    let mut splices = Vec::new();
    for op in ops {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        match op {
            ValueOp::Replace(at, with) => {
                let path = &all[at.index(all.len())];
                let table = hostile_table();
                let n = splices.len();
                splices.push(table[with.index(table.len())].clone());
                *get_mut(&mut doc, path) = PLACEHOLDER.replace("{}", &n.to_string()).into();
            }
            ValueOp::Remove(at) | ValueOp::Duplicate(at) => {
                let path = &all[at.index(all.len())];
                let Some((last, parent)) = path.split_last() else {
                    continue;
                };
                let parent = get_mut(&mut doc, parent);
                match (last, parent, op) {
                    (Step::Key(k), serde_json::Value::Object(map), ValueOp::Remove(_)) => {
                        map.shift_remove(k);
                    }
                    (Step::Key(k), serde_json::Value::Object(map), _) => {
                        let copy = map[k].clone();
                        map.insert(format!("{k}_copy"), copy);
                    }
                    (Step::At(i), serde_json::Value::Array(items), ValueOp::Remove(_)) => {
                        items.remove(*i);
                    }
                    (Step::At(i), serde_json::Value::Array(items), _) => {
                        let copy = items[*i].clone();
                        items.insert(*i, copy);
                    }
                    _ => {}
                }
            }
            ValueOp::Reverse(at) => {
                let path = &all[at.index(all.len())];
                if let serde_json::Value::Array(items) = get_mut(&mut doc, path) {
                    items.reverse();
                }
            }
        }
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap();
    for (n, value) in splices.iter().enumerate() {
        let quoted = serde_json::to_string(&PLACEHOLDER.replace("{}", &n.to_string())).unwrap();
        out = out.replace(&quoted, value);
    }
    out.into_bytes()
}

/// Value-level mutations of a journal: each line is a document of its own.
fn mutate_journal_lines(text: &str, line: Index, ops: &[ValueOp]) -> Vec<u8> {
    let lines: Vec<&str> = text.lines().collect();
    let pick = line.index(lines.len());
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == pick {
            let mutated = mutate_json(l, ops);
            // Pretty-printed over several lines: fold it back to one line.
            out.extend(mutated.iter().map(|b| if *b == b'\n' { b' ' } else { *b }));
        } else {
            out.extend_from_slice(l.as_bytes());
        }
        out.push(b'\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Plans.
// ---------------------------------------------------------------------------------------------

fn json_ish_text() -> impl Strategy<Value = Vec<u8>> {
    // Mostly JSON punctuation and fragments of plan fields: random text that gets further
    // into the parser than uniformly random bytes.
    let pieces = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b":".to_vec()),
        Just(b",".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\"title\"".to_vec()),
        Just(b"\"units\"".to_vec()),
        Just(b"\"name\"".to_vec()),
        Just(b"\"minutes\"".to_vec()),
        Just(b"\"scoring\"".to_vec()),
        Just(b"\"format\"".to_vec()),
        Just(b"\"events\"".to_vec()),
        Just(b"\"seq\"".to_vec()),
        Just(b"\"type\"".to_vec()),
        Just(b"1".to_vec()),
        Just(b"-0.5e3".to_vec()),
        Just(b"null".to_vec()),
        Just(b" ".to_vec()),
        Just("市".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop::collection::vec(pieces, 0..200).prop_map(|v| v.concat())
}

#[test]
fn plan_reader_survives_random_bytes() {
    run_property(
        "plan-random",
        400,
        (
            prop_oneof![prop::collection::vec(any::<u8>(), 0..2048), json_ish_text()],
            any::<bool>(),
        ),
        |(bytes, zh)| {
            let input = bytes.clone();
            case("plan-random", ".json", &input, move || {
                read_plan(&bytes, zh)
            })
        },
    );
}

#[test]
fn plan_reader_survives_mutated_plans() {
    let plans = valid_plans();
    run_property(
        "plan-bytes",
        400,
        (any::<Index>(), ops(), any::<bool>()),
        |(which, ops, zh)| {
            let seed = plans[which.index(plans.len())].clone().into_bytes();
            let bytes = mutate(seed, &ops);
            let input = bytes.clone();
            case("plan-bytes", ".json", &input, move || read_plan(&bytes, zh))
        },
    );
}

#[test]
fn plan_reader_survives_hostile_values() {
    let plans = valid_plans();
    run_property(
        "plan-values",
        500,
        (any::<Index>(), value_ops(), any::<bool>()),
        |(which, ops, zh)| {
            let bytes = mutate_json(&plans[which.index(plans.len())], &ops);
            let input = bytes.clone();
            case("plan-values", ".json", &input, move || {
                read_plan(&bytes, zh)
            })
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Sessions and journals.
// ---------------------------------------------------------------------------------------------

#[test]
fn session_reader_survives_random_bytes() {
    run_property(
        "session-random",
        250,
        prop_oneof![prop::collection::vec(any::<u8>(), 0..2048), json_ish_text()],
        |bytes| {
            let input = bytes.clone();
            case("session-random", ".json", &input, move || {
                read_session(Some(&bytes), None, false)
            })
        },
    );
}

#[test]
fn session_reader_survives_mutated_sessions() {
    let seeds = [valid_session_text(), valid_grades_session_text()];
    run_property(
        "session-bytes",
        300,
        (any::<Index>(), ops(), any::<bool>()),
        |(which, ops, zh)| {
            let bytes = mutate(seeds[which.index(seeds.len())].clone().into_bytes(), &ops);
            let input = bytes.clone();
            case("session-bytes", ".json", &input, move || {
                read_session(Some(&bytes), None, zh)
            })
        },
    );
}

#[test]
fn session_reader_survives_hostile_values() {
    let seeds = [valid_session_text(), valid_grades_session_text()];
    run_property(
        "session-values",
        500,
        (any::<Index>(), value_ops(), any::<bool>()),
        |(which, ops, zh)| {
            let bytes = mutate_json(&seeds[which.index(seeds.len())], &ops);
            let input = bytes.clone();
            case("session-values", ".json", &input, move || {
                read_session(Some(&bytes), None, zh)
            })
        },
    );
}

#[test]
fn journal_reader_survives_mutated_journals() {
    let snapshot = valid_session_text();
    let journal = valid_journal_text();
    run_property(
        "journal",
        400,
        (
            prop_oneof![
                ops().prop_map(JournalInput::Bytes),
                (any::<Index>(), value_ops()).prop_map(|(l, v)| JournalInput::Values(l, v)),
                prop::collection::vec(any::<u8>(), 0..1024).prop_map(JournalInput::Random),
            ],
            any::<bool>(),
        ),
        |(input, with_snapshot)| {
            let bytes = match input {
                JournalInput::Bytes(ops) => mutate(journal.clone().into_bytes(), &ops),
                JournalInput::Values(line, v) => mutate_journal_lines(&journal, line, &v),
                JournalInput::Random(bytes) => bytes,
            };
            let snapshot = with_snapshot.then(|| snapshot.clone().into_bytes());
            let input = bytes.clone();
            case("journal", ".journal", &input, move || {
                read_session(snapshot.as_deref(), Some(&bytes), false)
            })
        },
    );
}

#[derive(Debug, Clone)]
enum JournalInput {
    Bytes(Vec<Op>),
    Values(Index, Vec<ValueOp>),
    Random(Vec<u8>),
}

/// A crash mid-append leaves a prefix of the last line: every complete line before it is
/// kept, the torn line dropped. A bad line followed by a good one is damage: refused.
#[test]
fn journal_keeps_every_complete_line_before_a_torn_tail() {
    let snapshot = valid_session_text();
    let lines: Vec<String> = event_lines()[IN_SNAPSHOT..].to_vec();
    let in_snapshot = IN_SNAPSHOT;
    run_property(
        "journal-torn",
        300,
        (
            0..=lines.len(),
            any::<Index>(),
            any::<Index>(),
            prop_oneof![
                Just(Tail::Prefix),
                Just(Tail::Garbage),
                Just(Tail::Nul),
                Just(Tail::PrefixThenGood)
            ],
            prop::collection::vec(any::<u8>(), 1..64),
        ),
        |(kept, next, cut, tail, garbage)| {
            let mut journal = Vec::new();
            for line in &lines[..kept] {
                journal.extend_from_slice(line.as_bytes());
                journal.push(b'\n');
            }
            // The line being written when the crash came: any event (the next one, or any).
            let torn = &lines[next.index(lines.len())];
            let cut = 1 + cut.index(torn.len() - 1); // 1..len: a proper, non-empty prefix
            let garbage: Vec<u8> = garbage
                .into_iter()
                .map(|b| if b.is_ascii_whitespace() { b'#' } else { b })
                .collect();
            match tail {
                Tail::Prefix | Tail::PrefixThenGood => {
                    journal.extend_from_slice(&torn.as_bytes()[..cut])
                }
                Tail::Garbage => journal.extend_from_slice(&garbage),
                Tail::Nul => journal.extend(std::iter::repeat_n(0u8, cut)),
            }
            let damaged = tail == Tail::PrefixThenGood;
            if damaged {
                journal.push(b'\n');
                journal.extend_from_slice(lines[lines.len() - 1].as_bytes());
                journal.push(b'\n');
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("m.session.json");
            std::fs::write(&path, &snapshot).unwrap();
            std::fs::write(dir.path().join("m.session.journal"), &journal).unwrap();
            let result = store::read(&path);
            if damaged {
                prop_assert!(
                    matches!(result, Err(StoreError::JournalCorrupt { .. })),
                    "a torn line followed by a good one must be refused: {result:?}"
                );
            } else {
                let session = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
                let expected = events(&event_lines()[..in_snapshot + kept]);
                prop_assert_eq!(session.events(), &expected[..]);
            }
            Ok(())
        },
    );
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tail {
    /// A prefix of a line (cut anywhere, also inside a multi-byte character).
    Prefix,
    /// Bytes that are no event, without a final newline.
    Garbage,
    /// NUL bytes (what some file systems leave after a power cut).
    Nul,
    /// A torn line, then a complete event: damage, not a crash.
    PrefixThenGood,
}

// ---------------------------------------------------------------------------------------------
// Tables: CSV and XLSX.
// ---------------------------------------------------------------------------------------------

#[test]
fn csv_reader_survives_random_bytes() {
    run_property(
        "csv-random",
        300,
        (prop::collection::vec(any::<u8>(), 0..2048), any::<bool>()),
        |(bytes, zh)| {
            let input = bytes.clone();
            case("csv-random", ".csv", &input, move || {
                read_table("t.csv", &bytes, Use::All, zh)
            })
        },
    );
}

#[test]
fn csv_reader_survives_mutated_tables() {
    let seeds = valid_csvs();
    run_property(
        "csv-bytes",
        500,
        (any::<Index>(), ops(), any::<bool>()),
        |(which, ops, zh)| {
            let (seed, what) = seeds[which.index(seeds.len())].clone();
            let bytes = mutate(seed, &ops);
            let input = bytes.clone();
            case("csv-bytes", ".csv", &input, move || {
                read_table("t.csv", &bytes, what, zh)
            })
        },
    );
}

#[test]
fn xlsx_reader_survives_mutated_zip_bytes() {
    let seeds = [xlsxwriter_workbook(), workbook_from(&workbook_parts())];
    run_property(
        "xlsx-bytes",
        300,
        (any::<Index>(), ops(), any::<bool>(), any::<bool>()),
        |(which, ops, xls, zh)| {
            let bytes = mutate(seeds[which.index(seeds.len())].clone(), &ops);
            // Stored workbooks carry their sheet as plain text: keep the known bug out.
            if calamine_memory_bomb(&bytes) {
                return Ok(());
            }
            let input = bytes.clone();
            let name = if xls { "t.xls" } else { "t.xlsx" };
            case("xlsx-bytes", ".xlsx", &input, move || {
                read_table(name, &bytes, Use::All, zh)
            })
        },
    );
}

#[test]
fn xlsx_reader_survives_mutated_parts() {
    let parts = workbook_parts();
    run_property(
        "xlsx-parts",
        400,
        (any::<Index>(), ops(), any::<bool>()),
        |(which, ops, zh)| {
            let mut parts: Vec<(String, Vec<u8>)> = parts
                .iter()
                .map(|(n, t)| (n.clone(), t.clone().into_bytes()))
                .collect();
            let i = which.index(parts.len());
            parts[i].1 = mutate(std::mem::take(&mut parts[i].1), &ops);
            if calamine_memory_bomb(&parts[i].1) {
                return Ok(());
            }
            let bytes = zip_stored(&parts);
            let input = bytes.clone();
            case("xlsx-parts", ".xlsx", &input, move || {
                read_table("t.xlsx", &bytes, Use::All, zh)
            })
        },
    );
}

#[test]
fn xlsx_reader_survives_random_bytes() {
    run_property(
        "xlsx-random",
        200,
        (
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..2048),
                prop::collection::vec(any::<u8>(), 0..2048).prop_map(|mut b| {
                    b.splice(0..0, *b"PK\x03\x04");
                    b
                }),
                prop::collection::vec(any::<u8>(), 0..2048).prop_map(|mut b| {
                    // The signature of an OLE compound file (old .xls).
                    b.splice(0..0, *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
                    b
                }),
            ],
            any::<bool>(),
        ),
        |(bytes, xls)| {
            let input = bytes.clone();
            let name = if xls { "t.xls" } else { "t.xlsx" };
            case("xlsx-random", ".xlsx", &input, move || {
                read_table(name, &bytes, Use::All, false)
            })
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Fixed hostile inputs: deep nesting, NaN, huge numbers (beyond what proptest happens to pick).
// ---------------------------------------------------------------------------------------------

fn must_be_err(label: &str, outcome: Result<Outcome, Failure>) {
    match outcome {
        Ok(Err(_)) => {}
        Ok(Ok(summary)) => panic!("{label}: accepted ({summary}), expected an error"),
        Err(f) if known(label, &f).is_some() => {}
        Err(f) => panic!("{label}: {f}"),
    }
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack() {
    let wrap = |prefix: &str, nest: Vec<u8>, suffix: &str| {
        let mut v = prefix.as_bytes().to_vec();
        v.extend(nest);
        v.extend_from_slice(suffix.as_bytes());
        v
    };
    let open = || deep("[", "]", false);
    let closed = || deep("[", "]", true);
    let objects = || deep("{\"a\":", "}", true);
    let plans = [
        open(),
        closed(),
        objects(),
        wrap(r#"{"title": "t", "units": "#, closed(), "}"),
        wrap(
            r#"{"title": "t", "units": [{"name": "a"}], "scoring": "#,
            objects(),
            "}",
        ),
    ];
    for p in plans {
        let len = p.len();
        must_be_err(
            "plan",
            guarded("deep-plan", len, move || read_plan(&p, false)),
        );
    }
    let valid = valid_session_text();
    let record_at = valid.find("\"record\": ").unwrap() + "\"record\": ".len();
    let sessions = [
        closed(),
        wrap(
            r#"{"format": "podium-session", "version": 1, "plan": "#,
            objects(),
            "}",
        ),
        wrap(&valid[..record_at], closed(), "\n}\n"),
        wrap(
            r#"{"format": "podium-session", "version": 1, "plan": {"title": "t", "units": [{"name": "a"}]}, "events": [{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "stage_message", "text": "#,
            objects(),
            "}]}",
        ),
    ];
    for s in sessions {
        let len = s.len();
        must_be_err(
            "session",
            guarded("deep-session", len, move || {
                read_session(Some(&s), None, false)
            }),
        );
    }
    // In the journal: a deep line before a good one is damage; as the last line, a torn tail.
    let good = event_lines()[IN_SNAPSHOT].clone();
    let mut damaged = closed();
    damaged.push(b'\n');
    damaged.extend_from_slice(good.as_bytes());
    damaged.push(b'\n');
    let snapshot = valid.clone().into_bytes();
    let s2 = snapshot.clone();
    must_be_err(
        "journal (deep line, then a good one)",
        guarded("deep-journal", damaged.len(), move || {
            read_session(Some(&s2), Some(&damaged), false)
        }),
    );
    let mut tail = format!("{good}\n").into_bytes();
    tail.extend(open());
    let got = guarded("deep-journal", tail.len(), move || {
        read_session(Some(&snapshot), Some(&tail), false)
    });
    match got {
        Ok(Ok(summary)) => assert_eq!(summary, format!("events={}", IN_SNAPSHOT + 1)),
        other => panic!("journal with a deep torn tail: {other:?}"),
    }
    // XML nested 10,000 deep inside a sheet.
    let mut parts = workbook_parts();
    let sheet = &mut parts[5].1;
    let at = sheet.find("<sheetData>").unwrap();
    let nest = String::from_utf8(deep("<a>", "</a>", true)).unwrap();
    sheet.insert_str(at, &nest);
    let book = workbook_from(&parts);
    let len = book.len();
    let got = guarded("deep-xlsx", len, move || {
        read_table("t.xlsx", &book, Use::Scores, false)
    });
    assert!(got.is_ok(), "xlsx with 10,000 nested elements: {got:?}");
}

#[test]
fn nan_infinity_and_huge_numbers_in_a_plan_are_errors() {
    let cases = [
        r#"{"title": "t", "units": [{"name": "a", "minutes": NaN}]}"#,
        r#"{"title": "t", "units": [{"name": "a", "minutes": Infinity}]}"#,
        r#"{"title": "t", "units": [{"name": "a", "minutes": 1e999}]}"#,
        r#"{"title": "t", "units": [{"name": "a", "minutes": 1e308}]}"#,
        r#"{"title": "t", "units": [{"name": "a", "minutes": "NaN"}]}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "warn_seconds": 9223372036854775808}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "warn_seconds": -9223372036854775808}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "scoring": {"decimals": -9223372036854775808}}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "scoring": {"step": 5e-324}}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "scoring": {"criteria": [{"name": "c", "max": 1e300}]}}"#,
        r#"{"title": "t", "units": [{"name": "a"}], "scoring": {"overtime": {"grace_seconds": 1, "every_seconds": 1, "points": 1e300, "max_points": 1e300}}}"#,
    ];
    for text in cases {
        let bytes = text.as_bytes().to_vec();
        let len = bytes.len();
        must_be_err(
            text,
            guarded("numbers-plan", len, move || read_plan(&bytes, false)),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: tests/corpus/, with the expected outcome of each file in EXPECTED.tsv.
// ---------------------------------------------------------------------------------------------

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Runs one corpus file through the reader its manifest names.
fn run_reader(reader: &str, file: &Path) -> Outcome {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let ext = name.rsplit('.').next().unwrap_or("").to_string();
    let table_name = format!("t.{ext}");
    match reader {
        "plan" => read_plan(&bytes, false),
        "session" => read_session(Some(&bytes), None, false),
        "journal" => read_session(Some(valid_session_text().as_bytes()), Some(&bytes), false),
        "scores" => read_table(&table_name, &bytes, Use::Scores, false),
        "units" => read_table(&table_name, &bytes, Use::Units, false),
        "table" => read_table(&table_name, &bytes, Use::All, false).map(|_| "read".into()),
        other => panic!("EXPECTED.tsv: unknown reader {other:?}"),
    }
}

struct Entry {
    file: String,
    reader: String,
    expected: String,
    note: String,
}

fn manifest() -> Vec<Entry> {
    let path = corpus_dir().join("EXPECTED.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(
                f.len() >= 3,
                "EXPECTED.tsv: file, reader, expected, note: {l:?}"
            );
            Entry {
                file: f[0].into(),
                reader: f[1].into(),
                expected: f[2].into(),
                note: f.get(3).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

/// `ok`, `ok events=N` (a session's event count), `err`, `err SUBSTRING`, or `bug: …`
/// (a known bug: run only by the ignored test of that bug).
fn matches_expected(expected: &str, outcome: &Outcome) -> bool {
    match outcome {
        _ if expected == "any" => true,
        Ok(summary) => {
            expected == "ok"
                || expected
                    .strip_prefix("ok ")
                    .is_some_and(|want| summary == want)
        }
        Err(message) => {
            expected == "err"
                || expected
                    .strip_prefix("err ")
                    .is_some_and(|p| message.contains(p))
        }
    }
}

#[test]
fn corpus_files_give_their_expected_outcome() {
    let entries = manifest();
    let mut listed: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    listed.sort();
    let mut present: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "EXPECTED.tsv" && n != "README.md")
        .collect();
    present.sort();
    assert_eq!(
        listed, present,
        "every corpus file is listed in EXPECTED.tsv, once"
    );
    let mut wrong = Vec::new();
    for entry in &entries {
        if entry.expected.starts_with("bug") {
            continue;
        }
        let file = corpus_dir().join(&entry.file);
        let reader = entry.reader.clone();
        let len = std::fs::metadata(&file)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        match guarded("corpus", len, move || run_reader(&reader, &file)) {
            Ok(outcome) if matches_expected(&entry.expected, &outcome) => {}
            Ok(outcome) => wrong.push(format!(
                "{} ({}): expected {}, got {outcome:?}",
                entry.file, entry.note, entry.expected
            )),
            Err(f) => wrong.push(format!("{}: {f}", entry.file)),
        }
    }
    assert!(wrong.is_empty(), "corpus:\n{}", wrong.join("\n"));
}

/// A hand-written session file: a plan and events, no record.
fn tiny_session(plan: &str, events: &str) -> Vec<u8> {
    format!(
        "{{\n  \"format\": \"podium-session\",\n  \"version\": 1,\n  \"plan\": {plan},\n  \"events\": [\n    {events}\n  ]\n}}\n"
    )
    .into_bytes()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A deflated workbook with one bit flipped inside the compressed sheet.
fn flip_in_sheet(book: &[u8]) -> Vec<u8> {
    let name = b"xl/worksheets/sheet1.xml";
    let at = find(book, name).expect("the sheet's local header");
    let header = at - 30;
    let extra = u16::from_le_bytes([book[header + 28], book[header + 29]]) as usize;
    let data = at + name.len() + extra;
    let mut out = book.to_vec();
    out[data + 40] ^= 0x10;
    out
}

/// The corpus's generated files, by name. Hand-made files (named in EXPECTED.tsv but not
/// here) are left alone.
fn corpus_files() -> Vec<(&'static str, Vec<u8>)> {
    let valid_plan = data("city-report.json");
    let session = valid_session_text();
    let journal = valid_journal_text();
    let lines = event_lines();
    let mut torn_utf8 = format!("{}\n", lines[IN_SNAPSHOT]).into_bytes();
    let torn_line = lines[IN_SNAPSHOT + 8].as_bytes(); // the remark with Chinese text
    let mid_char = torn_line
        .iter()
        .position(|b| *b >= 0x80)
        .expect("a multi-byte character")
        + 1;
    torn_utf8.extend_from_slice(&torn_line[..mid_char]);
    let mut torn_then_good = format!("{}\n", lines[IN_SNAPSHOT]).into_bytes();
    torn_then_good.extend_from_slice(&lines[IN_SNAPSHOT + 1].as_bytes()[..20]);
    torn_then_good.extend_from_slice(format!("\n{}\n", lines[IN_SNAPSHOT + 2]).as_bytes());
    let mut nul_tail = journal.clone().into_bytes();
    nul_tail.extend(std::iter::repeat_n(0u8, 4096));
    let mut deep_tail = journal.clone().into_bytes();
    deep_tail.extend(deep("[", "]", false));
    let bom_journal = bom(&journal);
    let book = xlsxwriter_workbook();
    let parts = workbook_parts();
    let with_part = |i: usize, f: &dyn Fn(&str) -> String| {
        let mut p = parts.clone();
        p[i].1 = f(&p[i].1);
        workbook_from(&p)
    };
    let with_sheet = |f: &dyn Fn(&str) -> String| with_part(5, f);
    let record_at = session.find("\"record\": ").unwrap() + "\"record\": ".len();
    let mut deep_record = session.as_bytes()[..record_at].to_vec();
    deep_record.extend(deep("[", "]", true));
    deep_record.extend_from_slice(b"\n}\n");
    let mut invalid_utf8_plan = valid_plan.clone().into_bytes();
    let title_at = valid_plan.find("工作汇报会").unwrap();
    invalid_utf8_plan[title_at + 1] = 0xFF;
    let mut gbk_bad = gbk(SCORES_CSV);
    gbk_bad.extend_from_slice(b"\x81\x20\xFF,x,y,1\n");
    vec![
        ("plan-valid-city-report.json", valid_plan.clone().into_bytes()),
        ("plan-bom-crlf.json", crlf(&format!("\u{feff}{valid_plan}"))),
        ("plan-deep-nesting.json", deep("[", "]", false)),
        (
            "plan-deep-nesting-in-field.json",
            [
                &br#"{"title": "t", "units": [{"name": "a"}], "scoring": "#[..],
                &deep("{\"a\":", "}", true),
                b"}",
            ]
            .concat(),
        ),
        (
            "plan-huge-numbers.json",
            br#"{"title": "t", "units": [{"name": "a", "minutes": 1e308}], "warn_seconds": 9223372036854775807, "scoring": {"trim": 9223372036854775807, "decimals": -9223372036854775808, "step": 5e-324, "undertime": {"min_minutes": 1e300, "points": 1}}}"#.to_vec(),
        ),
        (
            "plan-number-out-of-range.json",
            br#"{"title": "t", "units": [{"name": "a", "minutes": 1e999}]}"#.to_vec(),
        ),
        (
            "plan-nan-infinity.json",
            br#"{"title": "t", "units": [{"name": "a", "minutes": NaN}], "talk_minutes": Infinity}"#.to_vec(),
        ),
        (
            "plan-lone-surrogate-escape.json",
            br#"{"title": "\ud800", "units": [{"name": "a"}]}"#.to_vec(),
        ),
        ("plan-invalid-utf8.json", invalid_utf8_plan),
        (
            "plan-long-title.json",
            format!(
                r#"{{"title": "{}", "units": [{{"name": "a"}}]}}"#,
                "长".repeat(40_000)
            )
            .into_bytes(),
        ),
        (
            "plan-control-chars.json",
            br#"{"title": "t\u001b[2J", "units": [{"name": "a\u0000b"}]}"#.to_vec(),
        ),
        (
            "plan-trailing-garbage.json",
            br#"{"title": "t", "units": [{"name": "a"}]} {"#.to_vec(),
        ),
        ("plan-empty.json", Vec::new()),
        (
            "plan-overflow-group-weight.json",
            br#"{"title": "t", "units": [{"name": "a"}], "scoring": {"groups": [{"name": "g", "weight": 922337203685477}, {"name": "h", "weight": 40}]}}"#.to_vec(),
        ),
        (
            "plan-overflow-trim.json",
            br#"{"title": "t", "units": [{"name": "a"}], "scoring": {"trim": 9223372036854775807, "trim_min": 3}}"#.to_vec(),
        ),
        (
            "plan-overflow-undertime-minutes.json",
            br#"{"title": "t", "units": [{"name": "a"}], "scoring": {"undertime": {"min_minutes": 922337203685477, "points": 1}}}"#.to_vec(),
        ),
        (
            "plan-huge-spread-and-undertime-read-as-zero.json",
            br#"{"title": "t", "units": [{"name": "a"}], "scoring": {"spread_warn": 1e300, "undertime": {"min_minutes": 1e300, "points": 1}}}"#.to_vec(),
        ),
        ("session-valid.json", session.clone().into_bytes()),
        (
            "session-overflow-limit-adjusted.json",
            tiny_session(
                r#"{"title": "t", "units": [{"name": "a"}]}"#,
                r#"{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "limit_adjusted", "unit": "a", "seconds": 9223372036854775807}"#,
            ),
        ),
        (
            "session-overflow-limit-adjusted-twice.json",
            tiny_session(
                r#"{"title": "t", "units": [{"name": "a"}]}"#,
                r#"{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "limit_adjusted", "unit": "a", "seconds": 9223372036854775807},
    {"seq": 2, "at": "2026-05-30T09:00:01+08:00", "type": "limit_adjusted", "unit": "a", "seconds": 9223372036854775807}"#,
            ),
        ),
        (
            "session-overflow-grades-count.json",
            tiny_session(
                r#"{"title": "t", "units": [{"name": "a"}], "scoring": {"mode": "grades"}}"#,
                r#"{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "grades_added", "unit": "a", "grade": "优秀", "count": 9223372036854775807},
    {"seq": 2, "at": "2026-05-30T09:00:01+08:00", "type": "grades_added", "unit": "a", "grade": "优秀", "count": 9223372036854775807}"#,
            ),
        ),
        (
            "session-overflow-unit-added-limit.json",
            tiny_session(
                r#"{"title": "t", "units": [{"name": "a"}]}"#,
                r#"{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "unit_added", "unit": "b", "limit_seconds": 9223372036854775807, "after": null}"#,
            ),
        ),
        (
            "session-overflow-plan-minutes.json",
            tiny_session(
                r#"{"title": "t", "units": [{"name": "a", "minutes": 153722867280912930}]}"#,
                r#"{"seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "limit_adjusted", "unit": "a", "seconds": 30}"#,
            ),
        ),
        (
            "session-bom-crlf.json",
            crlf(&format!("\u{feff}{session}")),
        ),
        ("session-deep-record.json", deep_record),
        (
            "session-truncated.json",
            session.as_bytes()[..session.len() / 2].to_vec(),
        ),
        (
            "session-newer-version.json",
            session
                .replacen(
                    &format!("\"version\": {}", store::VERSION),
                    &format!("\"version\": {}", store::VERSION + 1),
                    1,
                )
                .into_bytes(),
        ),
        ("session-is-a-plan.json", valid_plan.clone().into_bytes()),
        (
            "session-extreme-dates.json",
            session
                .replacen("2026-05-30T09:00:00+08:00", "-262143-01-01T00:00:00-23:59", 1)
                .replacen("2026-05-30T09:00:10+08:00", "+262143-12-31T23:59:59+23:59", 1)
                .into_bytes(),
        ),
        ("journal-valid.journal", journal.clone().into_bytes()),
        ("journal-torn-utf8.journal", torn_utf8),
        ("journal-torn-then-good.journal", torn_then_good),
        ("journal-nul-tail.journal", nul_tail),
        ("journal-deep-nesting-tail.journal", deep_tail),
        ("journal-crlf.journal", crlf(&journal)),
        (
            "journal-duplicate-lines.journal",
            format!("{journal}{journal}").into_bytes(),
        ),
        ("journal-bom.journal", bom_journal),
        ("scores-valid.csv", SCORES_CSV.as_bytes().to_vec()),
        ("scores-bom.csv", bom(SCORES_CSV)),
        ("scores-gbk.csv", gbk(SCORES_CSV)),
        ("scores-gbk-bad-bytes.csv", gbk_bad),
        ("scores-crlf.csv", crlf(SCORES_CSV)),
        (
            "scores-huge-number.csv",
            "单位,评委,指标,得分\n市财政局,常务副市长,明职责,99999999999999999999\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "scores-nan.csv",
            "单位,评委,指标,得分\n市财政局,常务副市长,明职责,NaN\n市财政局,常务副市长,对目标,inf\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "scores-unterminated-quote.csv",
            "单位,评委,指标,得分\n\"市财政局,常务副市长,明职责,27\n".as_bytes().to_vec(),
        ),
        ("scores-header-only.csv", "单位,评委,指标,得分\n".as_bytes().to_vec()),
        ("scores-empty.csv", Vec::new()),
        (
            "scores-utf16le.csv",
            [
                &b"\xFF\xFE"[..],
                &SCORES_CSV
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect::<Vec<u8>>(),
            ]
            .concat(),
        ),
        (
            "scores-long-field.csv",
            format!("单位,评委,指标,得分\n{},常务副市长,明职责,27\n", "长".repeat(40_000))
                .into_bytes(),
        ),
        ("units-valid.csv", UNITS_CSV.as_bytes().to_vec()),
        ("units-gbk.csv", gbk(UNITS_CSV)),
        (
            "units-nan-order.csv",
            "序号,单位\nNaN,甲\ninf,乙\n-inf,丙\n".as_bytes().to_vec(),
        ),
        (
            "units-huge-minutes.csv",
            "单位,时长\n甲,99999999999999\n乙,1e999\n".as_bytes().to_vec(),
        ),
        ("workbook-valid.xlsx", book.clone()),
        ("workbook-stored-valid.xlsx", workbook_from(&parts)),
        ("workbook-truncated.xlsx", book[..book.len() / 2].to_vec()),
        ("workbook-empty.xlsx", Vec::new()),
        ("workbook-not-a-zip.xlsx", SCORES_CSV.as_bytes().to_vec()),
        ("workbook-bit-flipped.xlsx", flip_in_sheet(&book)),
        ("workbook-crc-mismatch.xlsx", {
            let mut b = workbook_from(&parts);
            let at = find(&b, b"<v>27.5</v>").expect("the stored sheet") + 3;
            b[at] = b'9'; // 97.5: the part's checksum no longer matches
            b
        }),
        (
            "workbook-deep-xml.xlsx",
            with_sheet(&|s| {
                s.replacen(
                    "<sheetData>",
                    &format!(
                        "{}<sheetData>",
                        String::from_utf8(deep("<a>", "</a>", true)).unwrap()
                    ),
                    1,
                )
            }),
        ),
        (
            "workbook-bad-shared-string-index.xlsx",
            with_sheet(&|s| s.replacen("<v>6</v>", "<v>4294967296</v>", 1)),
        ),
        (
            "workbook-entity-expansion.xlsx",
            with_sheet(&|s| {
                s.replacen(
                    "<worksheet",
                    "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><worksheet",
                    1,
                )
                .replacen("<v>27.5</v>", "<v>&c;</v>", 1)
            }),
        ),
        (
            "workbook-reversed-dimension.xlsx",
            with_sheet(&|s| s.replacen("ref=\"A1:D3\"", "ref=\"D3:A1\"", 1)),
        ),
        (
            "workbook-huge-cell-span.xlsx",
            with_sheet(&|s| {
                s.replacen(
                    "</sheetData>",
                    "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>",
                    1,
                )
            }),
        ),
        (
            "workbook-shared-string-count-huge.xlsx",
            with_part(4, &|s| s.replacen("uniqueCount=\"7\"", "uniqueCount=\"100000000000\"", 1)),
        ),
        (
            "workbook-shared-string-count-overflow.xlsx",
            with_part(4, &|s| {
                s.replacen("uniqueCount=\"7\"", "uniqueCount=\"9223372036854775807\"", 1)
            }),
        ),
        (
            "workbook-long-column-letters.xlsx",
            with_sheet(&|s| s.replacen("r=\"D3\"", "r=\"ZZZZZZZZ3\"", 1)),
        ),
    ]
}

#[test]
#[ignore = "writes tests/corpus/: run by hand after changing a builder (PODIUM_WRITE_CORPUS=1)"]
fn regenerate_corpus() {
    if std::env::var_os("PODIUM_WRITE_CORPUS").is_none() {
        return;
    }
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in corpus_files() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

/// The generated corpus files are what the builders here make (so the corpus and the code
/// cannot drift apart unnoticed).
#[test]
fn corpus_matches_its_builders() {
    for (name, bytes) in corpus_files() {
        let path = corpus_dir().join(name);
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if name.ends_with(".xlsx") && name.starts_with("workbook-valid") {
            continue; // rust_xlsxwriter stamps the time into docProps/core.xml
        }
        if name.contains("bit-flipped") || name.contains("truncated") {
            continue; // derived from the stamped workbook above
        }
        assert!(
            on_disk == bytes,
            "{name} differs from its builder: PODIUM_WRITE_CORPUS=1 cargo test --test fuzz_parsers -- --ignored regenerate_corpus"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Every number and string of a valid plan and session, replaced in turn by an extreme value.
// Random mutations rarely land on the one field whose arithmetic overflows; this does.
// ---------------------------------------------------------------------------------------------

/// i64 and u64 limits; the largest value that survives scaling to ten-thousandths
/// (922337203685477); the largest that survives × 60 (153722867280912930); and the ordinary
/// troublemakers.
const EXTREME_NUMBERS: &[&str] = &[
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "922337203685477",
    "153722867280912930",
    "1e300",
    "-1",
    "0",
];

const EXTREME_STRINGS: &[&str] = &[
    "\"\"",
    "\"\\u0000\\u001b[2J\\u202e\\u200d👨‍👩‍👧\\r\\n\\t\"",
    "\"-1.5\"",
];

#[derive(Default)]
struct Sweep {
    cases: usize,
    failures: BTreeMap<String, String>,
}

impl Sweep {
    fn run(&mut self, what: &str, input: Vec<u8>, read: fn(Vec<u8>) -> Outcome) {
        self.cases += 1;
        let len = input.len();
        if let Err(f) = guarded("sweep", len, move || read(input))
            && known("sweep", &f).is_none()
        {
            let key = match &f {
                Failure::Panic { place, message } => format!("{place}: {message}"),
                other => other.to_string(),
            };
            self.failures.entry(key).or_insert_with(|| what.to_string());
        }
    }
}

/// Paths of the leaves of `doc` under `root`, numbers or strings.
fn leaves(doc: &serde_json::Value, numbers: bool) -> Vec<Vec<Step>> {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    all.into_iter()
        .filter(|p| {
            let mut v = doc;
            for s in p {
                v = match s {
                    Step::Key(k) => &v[k.as_str()],
                    Step::At(i) => &v[*i],
                };
            }
            if numbers {
                v.is_number()
            } else {
                v.is_string()
            }
        })
        .collect()
}

fn with_value(doc: &serde_json::Value, path: &[Step], value: &str, twice: bool) -> Vec<u8> {
    let mut doc = doc.clone();
    *get_mut(&mut doc, path) = PLACEHOLDER.replace("{}", "0").into();
    // Arithmetic that overflows only on the second event needs the event twice.
    if twice
        && let [Step::Key(k), Step::At(i), ..] = path
        && k == "events"
    {
        let events = doc["events"].as_array_mut().unwrap();
        let copy = events[*i].clone();
        events.insert(*i, copy);
    }
    let quoted = serde_json::to_string(&PLACEHOLDER.replace("{}", "0")).unwrap();
    serde_json::to_string(&doc)
        .unwrap()
        .replace(&quoted, value)
        .into_bytes()
}

#[test]
fn every_number_and_string_replaced_by_an_extreme_value() {
    let mut sweep = Sweep::default();
    for plan in valid_plans() {
        let doc: serde_json::Value = serde_json::from_str(&plan).unwrap();
        for (numbers, values) in [(true, EXTREME_NUMBERS), (false, EXTREME_STRINGS)] {
            for path in leaves(&doc, numbers) {
                for v in values {
                    let input = with_value(&doc, &path, v, false);
                    let what =
                        format!("plan {} = {v}", podium::jsonpos::path_text(&to_segs(&path)));
                    sweep.run(&what, input, |b| read_plan(&b, false));
                }
            }
        }
    }
    for session in [valid_session_text(), valid_grades_session_text()] {
        let mut doc: serde_json::Value = serde_json::from_str(&session).unwrap();
        doc.as_object_mut().unwrap().shift_remove("record"); // ignored on load
        for (numbers, values) in [(true, EXTREME_NUMBERS), (false, EXTREME_STRINGS)] {
            for path in leaves(&doc, numbers) {
                for v in values {
                    let in_event = matches!(&path[..], [Step::Key(k), ..] if k == "events");
                    for twice in [false, true] {
                        if twice && !in_event {
                            continue;
                        }
                        let input = with_value(&doc, &path, v, twice);
                        let what = format!(
                            "session {} = {v}{}",
                            podium::jsonpos::path_text(&to_segs(&path)),
                            if twice { " (event twice)" } else { "" }
                        );
                        sweep.run(&what, input, |b| read_session(Some(&b), None, false));
                    }
                }
            }
        }
    }
    println!("sweep: {} cases", sweep.cases);
    print_figures("sweep", sweep.cases as u32);
    let report: Vec<String> = sweep
        .failures
        .iter()
        .map(|(failure, first)| format!("{failure}\n    first seen with: {first}"))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

fn to_segs(path: &[Step]) -> Vec<podium::jsonpos::Seg> {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => podium::jsonpos::Seg::Key(k.clone()),
            Step::At(i) => podium::jsonpos::Seg::Index(*i),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Known bugs, each with its exact input in tests/corpus/. Ignored so that `cargo test` stays
// green; `cargo test --test fuzz_parsers -- --ignored bug_` shows whether they are fixed.
// ---------------------------------------------------------------------------------------------

/// A corpus file through its reader, strictly (no known panic is tolerated).
fn strict(name: &str, reader: &'static str) -> Result<Outcome, Failure> {
    let file = corpus_dir().join(name);
    let len = std::fs::metadata(&file).map_or(0, |m| m.len() as usize);
    guarded("bug", len, move || run_reader(reader, &file))
}

#[test]
fn bug_plan_validation_overflows_on_a_huge_weight_or_trim() {
    for name in ["plan-overflow-group-weight.json", "plan-overflow-trim.json"] {
        let got = strict(name, "plan");
        assert!(matches!(got, Ok(Err(_))), "{name}: {got:?}");
    }
}

#[test]
fn bug_undertime_min_minutes_overflows_in_the_rules() {
    let got = strict("plan-overflow-undertime-minutes.json", "plan");
    assert!(got.is_ok(), "{got:?}");
}

#[test]
fn bug_plan_accepts_numbers_it_then_reads_as_zero() {
    let got = strict("plan-huge-spread-and-undertime-read-as-zero.json", "plan");
    assert!(matches!(got, Ok(Err(_))), "{got:?}");
}

#[test]
fn bug_session_fold_overflows_on_huge_numbers() {
    let mut failures = Vec::new();
    for name in [
        "session-overflow-limit-adjusted.json",
        "session-overflow-limit-adjusted-twice.json",
        "session-overflow-grades-count.json",
        "session-overflow-unit-added-limit.json",
        "session-overflow-plan-minutes.json",
    ] {
        if let Err(f) = strict(name, "session") {
            failures.push(format!("{name}: {f}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bug_calamine_overflows_on_a_reversed_dimension() {
    let got = strict("workbook-reversed-dimension.xlsx", "scores");
    assert!(got.is_ok(), "{got:?}");
}

/// Reads a workbook in a child process (this test binary again, running `test`), since an
/// allocation failure aborts the process and cannot be caught. The problem, if any.
fn read_in_child(test: &str, corpus_name: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.xlsx");
    std::fs::copy(corpus_dir().join(corpus_name), &file).unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PODIUM_FUZZ_CHILD_READ", &file)
        .output()
        .expect("run the child");
    if out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let what = match lines.iter().position(|l| l.contains("panicked")) {
        Some(i) => format!("{} {}", lines[i], lines.get(i + 1).unwrap_or(&"")),
        None => lines
            .iter()
            .find(|l| l.contains("memory allocation"))
            .unwrap_or(&"")
            .to_string(),
    };
    Some(format!(
        "{corpus_name}: the reader did not come back ({}): {what}",
        out.status
    ))
}

/// In the child of `read_in_child`: read the file and return.
fn child_reads() -> bool {
    match std::env::var_os("PODIUM_FUZZ_CHILD_READ") {
        Some(file) => {
            let _ = import::read_table(Path::new(&file));
            true
        }
        None => false,
    }
}

#[test]
fn bug_workbook_shared_string_count_is_trusted() {
    if child_reads() {
        return;
    }
    let failures: Vec<String> = [
        "workbook-shared-string-count-huge.xlsx",
        "workbook-shared-string-count-overflow.xlsx",
    ]
    .iter()
    .filter_map(|name| read_in_child("bug_workbook_shared_string_count_is_trusted", name))
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bug_workbook_cell_span_allocates_the_whole_rectangle() {
    if child_reads() {
        return;
    }
    let failures: Vec<String> = [
        "workbook-huge-cell-span.xlsx",
        "workbook-long-column-letters.xlsx",
    ]
    .iter()
    .filter_map(|name| read_in_child("bug_workbook_cell_span_allocates_the_whole_rectangle", name))
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
