//! Steps of the wall clock (an NTP correction, a clock set by hand) never stop a running talk
//! from counting, nor add to it. The console times talks with a monotonic clock
//! (`podium::tui::clock`), records the running time on each pause and end (`elapsed_ms`,
//! session version 2), and the record computed from the events agrees with what the console
//! showed. The console here runs on clocks moved by hand (`clock::Manual`): time passing moves
//! both, a step moves only the wall clock.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Command, Event, EventKind, Session, Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::timer;
use podium::tui::app::{App, Options};
use podium::tui::clock::Manual;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const UNIT: &str = "市财政局";
const NEXT: &str = "城郊街道办事处";
const PLAN: &str = r#"{"title": "季度交流汇报会", "talk_minutes": 8,
  "units": [{"name": "市财政局"}, {"name": "城郊街道办事处"}],
  "reviewers": [{"name": "常务副市长"}]}"#;

/// 2026-05-30 09:00:00 +08:00 plus `ms` milliseconds.
fn at_ms(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::milliseconds(ms)
}

const TWO_HOURS_MS: i64 = 2 * 3600 * 1000;

fn options() -> Options {
    Options {
        lang: Lang::En,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

fn plan() -> podium::plan::Plan {
    planfile::parse("plan.json", PLAN, Lang::En)
        .expect("plan valid")
        .plan
}

/// A console on a new session, its clocks reading `wall`.
struct Console {
    _dir: TempDir,
    path: PathBuf,
    app: App,
    clocks: Manual,
}

fn console(wall: Time) -> Console {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan(), wall).expect("session created");
    let (app, clocks) = app_on(writer, wall);
    Console {
        _dir: dir,
        path,
        app,
        clocks,
    }
}

fn app_on(writer: Writer, wall: Time) -> (App, Manual) {
    let clocks = Manual::new(wall);
    let mut app = App::new(writer, options(), wall);
    app.set_clock(Box::new(clocks.clone()));
    (app, clocks)
}

impl Console {
    /// The console's time, after the tick the real loop runs first.
    fn now(&mut self) -> Time {
        let now = self.app.clock_now();
        self.app.tick(now);
        now
    }

    fn key(&mut self, code: KeyCode) {
        let now = self.now();
        self.app
            .on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    }

    /// `r`, the text, `Enter`: a remark on the current unit.
    fn remark(&mut self, text: &str) {
        self.key(KeyCode::Char('r'));
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self.key(KeyCode::Enter);
    }

    /// The console's screen now, as text.
    fn screen(&mut self) -> String {
        let now = self.now();
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &self.app, now))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    /// What the console's timer shows for `unit` now: its running time in milliseconds.
    fn shown_ms(&mut self, unit: &str) -> i64 {
        let now = self.now();
        let session = self.app.session();
        let u = session.state().unit(unit).expect("the unit");
        timer::read(u, session.plan().warn_seconds(), session.clock(now)).elapsed_ms
    }
}

fn talk_events(session: &Session, unit: &str) -> Vec<Event> {
    session
        .events()
        .iter()
        .filter(|e| match &e.kind {
            EventKind::TalkStarted { unit: u }
            | EventKind::TalkPaused { unit: u }
            | EventKind::TalkResumed { unit: u }
            | EventKind::TalkEnded { unit: u } => u == unit,
            _ => false,
        })
        .cloned()
        .collect()
}

fn recorded_seconds(path: &Path, unit: &str, now: Time) -> i64 {
    let session = store::read(path).expect("the session reads back");
    let record = serde_json::to_value(Record::of(&session, now)).expect("record JSON");
    let units = record["units"].as_array().cloned().unwrap_or_default();
    units
        .iter()
        .find(|u| u["name"] == unit)
        .and_then(|u| u["talk_seconds"].as_i64())
        .expect("the unit's talk_seconds")
}

fn assert_at_never_decreases(session: &Session) {
    for pair in session.events().windows(2) {
        assert!(pair[0].at <= pair[1].at, "{:?} then {:?}", pair[0], pair[1]);
    }
}

/// The issue's case: a talk starts, the wall clock jumps 2 h ahead, a remark is recorded, the
/// clock steps back, 5 s pass and the talk ends. The talk ran 1.5 s + 5 s; before the fix it
/// was recorded as 2 h (its end clamped to the remark's time), and a talk started while the
/// clock was ahead showed 00:00 and was recorded as 0 s.
#[test]
fn a_talk_counts_through_a_jump_ahead_and_a_step_back() {
    let mut c = console(at_ms(0));
    c.key(KeyCode::Char(' '));
    assert_eq!(
        c.app.session().state().unit(UNIT).map(|u| u.status()),
        Some(Status::Presenting)
    );

    c.clocks.pass_ms(1_000);
    c.clocks.set_wall(at_ms(1_000 + TWO_HOURS_MS));
    c.remark("ok");
    assert_eq!(
        c.app.session().state().remarks.len(),
        1,
        "the remark is recorded"
    );
    c.clocks.pass_ms(500);
    c.clocks.set_wall(at_ms(1_500));
    c.clocks.pass_ms(5_000);

    // The console counts on through both steps, and its clock on screen is the wall clock.
    assert_eq!(c.shown_ms(UNIT), 6_500);
    let now = c.now();
    assert_eq!(c.app.wall_time(now), at_ms(6_500));
    let screen = c.screen();
    assert!(
        screen.contains("09:00:06"),
        "the wall clock on screen:\n{screen}"
    );
    assert!(
        !screen.contains("11:00:0"),
        "no clock in the future:\n{screen}"
    );
    assert!(
        screen.contains("08:00  00:06 presenting"),
        "6.5 s talked, in the agenda:\n{screen}"
    );

    c.key(KeyCode::Char('n'));
    let session = store::read(&c.path).expect("the session reads back");
    let ended = talk_events(&session, UNIT);
    let last = ended.last().expect("talk events");
    assert!(matches!(last.kind, EventKind::TalkEnded { .. }), "{last:?}");
    assert_eq!(last.elapsed_ms, Some(6_500), "the running time measured");
    assert_at_never_decreases(&session);

    // The record (what `podium report` prints), at any later moment, on any clock.
    let unit = session.state().unit(UNIT).expect("the unit");
    assert_eq!(unit.status(), Status::Done);
    assert_eq!(unit.talk.elapsed_ms(at_ms(0)), 6_500);
    for later in [at_ms(0), at_ms(60_000), at_ms(TWO_HOURS_MS * 3)] {
        assert_eq!(recorded_seconds(&c.path, UNIT, later), 6);
    }
    // And the console, once the talk is over, shows what the record says.
    assert_eq!(c.shown_ms(UNIT), 6_500);
}

/// The same with the talk started while the clock ran ahead: it used to show 00:00 after the
/// step back and be recorded as 0 s.
#[test]
fn a_talk_started_while_the_clock_ran_ahead_counts_after_the_step_back() {
    let mut c = console(at_ms(TWO_HOURS_MS));
    c.key(KeyCode::Char(' '));
    c.clocks.pass_ms(2_000);
    c.remark("ahead");
    c.clocks.set_wall(at_ms(2_000));
    for second in 1..=5 {
        c.clocks.pass_ms(1_000);
        assert_eq!(c.shown_ms(UNIT), 2_000 + second * 1_000, "never frozen");
    }
    let now = c.now();
    assert_eq!(c.app.wall_time(now), at_ms(7_000), "the clock on screen");
    c.key(KeyCode::Char('n'));
    let session = store::read(&c.path).expect("reads back");
    let end = talk_events(&session, UNIT).pop().expect("talk events");
    assert_eq!(end.elapsed_ms, Some(7_000));
    assert_eq!(recorded_seconds(&c.path, UNIT, at_ms(7_000)), 7);
    assert_eq!(session.state().current.as_deref(), Some(NEXT), "moved on");
}

/// A forward step within a process adds nothing to a running talk, paused or ended.
#[test]
fn a_forward_step_does_not_add_two_hours() {
    let mut c = console(at_ms(0));
    c.key(KeyCode::Char(' '));
    c.clocks.pass_ms(3_000);
    c.clocks.set_wall(at_ms(3_000 + TWO_HOURS_MS));
    c.clocks.pass_ms(2_000);
    assert_eq!(c.shown_ms(UNIT), 5_000);
    let now = c.now();
    assert_eq!(c.app.wall_time(now), at_ms(5_000 + TWO_HOURS_MS));

    c.key(KeyCode::Char(' ')); // pause
    c.clocks.pass_ms(10_000);
    assert_eq!(c.shown_ms(UNIT), 5_000, "paused");
    c.key(KeyCode::Char(' ')); // resume
    c.clocks.pass_ms(1_250);
    c.key(KeyCode::Char('n'));
    let session = store::read(&c.path).expect("reads back");
    let events = talk_events(&session, UNIT);
    let elapsed: Vec<Option<i64>> = events.iter().map(|e| e.elapsed_ms).collect();
    assert_eq!(elapsed, vec![None, Some(5_000), None, Some(6_250)]);
    assert_eq!(
        recorded_seconds(&c.path, UNIT, at_ms(20_000 + TWO_HOURS_MS)),
        6
    );
    assert_eq!(c.shown_ms(UNIT), 6_250);
}

/// After a restart the talk that was running goes on counting: the downtime by the wall clock
/// from the last recorded event, nothing when the clock stepped back meanwhile, and never less
/// than what was counted before.
#[test]
fn a_restart_across_a_step_back_neither_freezes_nor_rewinds_the_talk() {
    let mut c = console(at_ms(TWO_HOURS_MS));
    c.key(KeyCode::Char(' '));
    c.clocks.pass_ms(4_000);
    c.key(KeyCode::Char(' ')); // pause at 4 s
    c.key(KeyCode::Char(' ')); // resume
    c.clocks.pass_ms(3_000);
    c.remark("before the crash"); // the last event: 7 s into the talk
    let path = c.path.clone();
    let dir = c._dir;
    drop(c.app); // killed: nothing more is written

    // The clock stepped back 2 h while podium was down.
    let (writer, _) = Writer::open(&path, at_ms(9_000)).expect("reopens");
    let (mut app, clocks) = app_on(writer, at_ms(9_000));
    let shown = |app: &App| {
        let now = app.clock_now();
        let s = app.session();
        let u = s.state().unit(UNIT).expect("unit");
        timer::read(u, s.plan().warn_seconds(), s.clock(now)).elapsed_ms
    };
    assert_eq!(shown(&app), 7_000, "what was counted, not less");
    clocks.pass_ms(5_000);
    assert_eq!(shown(&app), 12_000, "counting again at once");
    let now = app.clock_now();
    assert_eq!(app.wall_time(now), at_ms(14_000));
    app.execute(Command::Next, now);
    let session = store::read(&path).expect("reads back");
    let end = talk_events(&session, UNIT).pop().expect("talk events");
    assert_eq!(end.elapsed_ms, Some(12_000));
    assert_at_never_decreases(&session);
    drop(app);

    // Down for a minute with a clock that did not step: the minute counts.
    let (writer, _) = Writer::open(&path, at_ms(14_000)).expect("reopens");
    let (mut app, clocks) = app_on(writer, at_ms(TWO_HOURS_MS + 7_000 + 5_000));
    let now = app.clock_now();
    app.execute(Command::ToggleTalk, now); // the second unit starts
    clocks.pass_ms(2_000);
    app.execute(
        Command::AddRemark {
            unit: Some(NEXT.into()),
            reviewer: "常务副市长".into(),
            text: "x".into(),
            kind: podium::session::RemarkKind::Remark,
        },
        app.clock_now(),
    );
    drop(app);
    let restart = at_ms(TWO_HOURS_MS + 7_000 + 5_000 + 2_000 + 60_000);
    let (writer, _) = Writer::open(&path, restart).expect("reopens");
    let (app, clocks) = app_on(writer, restart);
    clocks.pass_ms(1_000);
    assert_eq!(shown_of(&app, NEXT), 63_000);
    drop(dir);
}

fn shown_of(app: &App, unit: &str) -> i64 {
    let now = app.clock_now();
    let s = app.session();
    let u = s.state().unit(unit).expect("unit");
    timer::read(u, s.plan().warn_seconds(), s.clock(now)).elapsed_ms
}

/// A session of version 1 says version 2 before the first event with `elapsed_ms` goes into
/// its journal; its old pause, whose time came from `at`, still counts as before.
#[test]
fn an_old_session_is_raised_to_version_2_before_a_new_event_is_journaled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.session.json");
    let plan = serde_json::to_string(&plan()).expect("plan JSON");
    let text = format!(
        "{{\n  \"format\": \"podium-session\",\n  \"version\": 1,\n  \"plan\": {plan},\n  \"events\": [\n    \
         {{\"seq\":1,\"at\":\"2026-05-30T09:00:00+08:00\",\"type\":\"meeting_started\"}},\n    \
         {{\"seq\":2,\"at\":\"2026-05-30T09:00:00+08:00\",\"part_of\":1,\"type\":\"talk_started\",\"unit\":\"{UNIT}\"}},\n    \
         {{\"seq\":3,\"at\":\"2026-05-30T09:00:30+08:00\",\"type\":\"talk_paused\",\"unit\":\"{UNIT}\"}},\n    \
         {{\"seq\":4,\"at\":\"2026-05-30T09:01:00+08:00\",\"type\":\"talk_resumed\",\"unit\":\"{UNIT}\"}}\n  ]\n}}\n"
    );
    std::fs::write(&path, text).expect("write");
    let version = |path: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON");
        v["version"].as_u64()
    };
    let old = store::read(&path).expect("reads");
    assert_eq!(
        old.state().unit(UNIT).map(|u| u.talk.accumulated_ms),
        Some(30_000)
    );
    assert_eq!(version(&path), Some(1), "a reader writes nothing");

    let (writer, _) = Writer::open(&path, at_ms(70_000)).expect("opens");
    assert_eq!(version(&path), Some(u64::from(store::VERSION)));
    let journal = dir.path().join("old.session.journal");
    assert_eq!(std::fs::read_to_string(&journal).unwrap_or_default(), "");

    let (mut app, clocks) = app_on(writer, at_ms(70_000));
    clocks.pass_ms(5_000);
    let now = app.clock_now();
    app.execute(Command::ToggleTalk, now); // pause: 30 s + 10 s + 5 s
    let line = std::fs::read_to_string(&journal).expect("journal");
    assert!(
        line.trim_end().ends_with(&format!(
            "\"type\":\"talk_paused\",\"unit\":\"{UNIT}\",\"elapsed_ms\":45000}}"
        )),
        "{line}"
    );
    assert_eq!(
        version(&path),
        Some(u64::from(store::VERSION)),
        "the snapshot said 2 before that line"
    );
    assert_eq!(recorded_seconds(&path, UNIT, at_ms(0)), 45);
    drop(app);
}

/// A recorded running time is the talk's time from then on; a hand-edited one never makes
/// it negative, nor less than what the earlier events counted.
#[test]
fn recorded_running_times_are_never_negative_nor_rewound() {
    let event = |seq: u64, s: i64, kind: EventKind, elapsed_ms: Option<i64>| Event {
        seq,
        at: at_ms(s * 1000),
        part_of: None,
        by: None,
        command: None,
        kind,
        elapsed_ms,
    };
    let unit = || UNIT.to_string();
    let fold = |events: Vec<Event>| {
        let session = Session::from_events(plan(), events);
        session
            .state()
            .unit(UNIT)
            .map(|u| u.talk.elapsed_ms(at_ms(0)))
    };
    // `at` says 20 s and 40 s; the console measured 12 s and 19 s.
    assert_eq!(
        fold(vec![
            event(1, 0, EventKind::TalkStarted { unit: unit() }, None),
            event(2, 20, EventKind::TalkPaused { unit: unit() }, Some(12_000)),
            event(3, 30, EventKind::TalkResumed { unit: unit() }, None),
            event(4, 50, EventKind::TalkEnded { unit: unit() }, Some(19_000)),
        ]),
        Some(19_000)
    );
    // A negative value, and one below the time already counted, count as no more time.
    assert_eq!(
        fold(vec![
            event(1, 0, EventKind::TalkStarted { unit: unit() }, None),
            event(2, 0, EventKind::TalkPaused { unit: unit() }, Some(-5_000)),
        ]),
        Some(0)
    );
    assert_eq!(
        fold(vec![
            event(1, 0, EventKind::TalkStarted { unit: unit() }, None),
            event(2, 10, EventKind::TalkPaused { unit: unit() }, None),
            event(3, 10, EventKind::TalkResumed { unit: unit() }, None),
            event(4, 15, EventKind::TalkEnded { unit: unit() }, Some(3_000)),
        ]),
        Some(10_000)
    );
    // A huge hand-edited value is bounded: the record's figures never overflow.
    let huge = vec![
        event(1, 0, EventKind::TalkStarted { unit: unit() }, None),
        event(2, 1, EventKind::TalkEnded { unit: unit() }, Some(i64::MAX)),
    ];
    assert_eq!(
        fold(huge.clone()),
        Some(podium::session::state::MAX_ELAPSED_MS)
    );
    let record = Record::of(&Session::from_events(plan(), huge), at_ms(0));
    let record = serde_json::to_value(record).expect("record JSON");
    assert_eq!(
        record["units"][0]["talk_seconds"].as_i64(),
        Some(podium::session::state::MAX_ELAPSED_MS / 1000)
    );
    // An event's `elapsed_ms` is written after its type's fields, and read back.
    let e = event(2, 20, EventKind::TalkPaused { unit: unit() }, Some(12_000));
    let line = serde_json::to_string(&e).expect("JSON");
    assert!(
        line.ends_with("\"unit\":\"市财政局\",\"elapsed_ms\":12000}"),
        "{line}"
    );
    assert_eq!(serde_json::from_str::<Event>(&line).expect("reads"), e);
}
