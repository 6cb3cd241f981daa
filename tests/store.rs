//! The store: journal, snapshot, lock and recovery, on real files in a temporary folder.
//!
//! Two tests re-run this test binary as a child process (`child_holds_lock`,
//! `child_writes_remarks`): those are `#[ignore]`d and return at once unless the parent set
//! their environment variable.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::plan::Plan;
use podium::session::{Command, Event, EventKind, RemarkKind, Session, Time};
use podium::store::{self, ExecError, OpenReport, StoreError, Writer};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed, TestRunner};
use serde_json::json;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

const NAME: &str = "meeting.session.json";
const JOURNAL: &str = "meeting.session.journal";
const LOCK: &str = "meeting.session.lock";
const DRAFT: &str = "meeting.session.draft";

/// 2026-05-30 09:00:00 +08:00 plus `ms` milliseconds.
fn t(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::milliseconds(ms)
}

fn plan() -> Plan {
    serde_json::from_value(json!({
        "title": "工作汇报会",
        "units": [
            {"name": "甲", "presenter": "甲负责人", "minutes": 0.5},
            {"name": "乙"},
            {"name": "丙", "minutes": 8.2},
            {"name": "丁"}
        ],
        "reviewers": [{"name": "常务副市长"}, {"name": "人大代表"}]
    }))
    .expect("the test plan parses")
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(NAME);
    (dir, path)
}

/// Every file in `dir`, hidden ones included, sorted.
/// What a closed session leaves: the session file (on Unix the lock file is removed while
/// still locked; elsewhere it stays).
fn closed_files() -> Vec<String> {
    if cfg!(unix) {
        vec![NAME.to_string()]
    } else {
        vec![NAME.to_string(), LOCK.to_string()]
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("甲".into()),
        reviewer: "常务副市长".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

fn exec(writer: &mut Writer, command: Command, now: Time) -> Vec<Event> {
    writer
        .execute(&command, now)
        .unwrap_or_else(|e| panic!("{command:?}: {e}"))
}

/// Events as their exact JSON text (times keep their offsets).
fn event_texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect()
}

fn assert_same_session(found: &Session, expected: &Session, what: &str) {
    assert_eq!(found.state(), expected.state(), "{what}: state");
    assert_eq!(found.events(), expected.events(), "{what}: events");
    assert_eq!(
        event_texts(found.events()),
        event_texts(expected.events()),
        "{what}: event texts"
    );
    assert_eq!(found.plan(), expected.plan(), "{what}: plan");
}

/// The events in the session file itself (not the journal).
fn snapshot_events(path: &Path) -> Vec<Event> {
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).expect("the session file is JSON");
    serde_json::from_value(value["events"].clone()).unwrap()
}

// ---- (a) replaying the journal of any event sequence gives the in-memory state -------------

#[derive(Debug, Clone)]
enum Op {
    /// A command, after moving the clock by the given milliseconds (possibly backwards).
    Run(Command, i64),
    /// The event loop's snapshot timer, after moving the clock.
    Tick(i64),
    /// A crash: the writer goes away without closing, and the session is opened again.
    Reopen,
}

fn unit_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["甲", "乙", "丙", "丁"]),
        1 => prop::sample::select(vec!["新一", "新二", "无"]),
    ]
    .prop_map(String::from)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z甲乙讲得好 \n]{1,8}",
        1 => Just(String::new()),
        1 => Just(" \t ".to_string()),
    ]
}

fn kind() -> impl Strategy<Value = RemarkKind> {
    prop_oneof![Just(RemarkKind::Remark), Just(RemarkKind::Task)]
}

fn command() -> impl Strategy<Value = Command> {
    let reviewer =
        prop::sample::select(vec!["常务副市长", "人大代表", "新嘉宾"]).prop_map(String::from);
    prop_oneof![
        6 => Just(Command::ToggleTalk),
        4 => Just(Command::Next),
        2 => unit_name().prop_map(|unit| Command::SetCurrent { unit }),
        1 => (-40i64..=60).prop_map(|seconds| Command::AdjustLimit { seconds }),
        2 => unit_name().prop_map(|unit| Command::ToggleSkip { unit }),
        2 => (unit_name(), prop::sample::select(vec![-1i64, 1]))
            .prop_map(|(unit, delta)| Command::MoveUnit { unit, delta }),
        1 => (
            prop::sample::select(vec!["新一", "新二"]),
            prop::option::of(Just("负责人".to_string())),
            prop::sample::select(vec![None, Some(0.5), Some(8.2), Some(0.0)]),
        )
            .prop_map(|(name, presenter, minutes)| Command::AddUnit {
                name: name.into(),
                presenter,
                role: None,
                minutes,
                kind: None,
            }),
        1 => (unit_name(), prop::option::of(Just("代理".to_string())))
            .prop_map(|(unit, presenter)| Command::UpdateUnit { unit, presenter, role: None }),
        6 => (prop::option::of(unit_name()), reviewer.clone(), text(), kind())
            .prop_map(|(unit, reviewer, text, kind)| Command::AddRemark { unit, reviewer, text, kind }),
        2 => (1u64..30, reviewer, text(), kind())
            .prop_map(|(id, reviewer, text, kind)| Command::EditRemark { id, reviewer, text, kind }),
        1 => (1u64..30).prop_map(|id| Command::DeleteRemark { id }),
        4 => Just(Command::Undo),
        1 => Just(Command::EndMeeting),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let step = prop_oneof![9 => 0i64..15_000, 1 => -5_000i64..0];
    prop_oneof![
        12 => (command(), step.clone()).prop_map(|(c, ms)| Op::Run(c, ms)),
        2 => step.prop_map(Op::Tick),
        1 => Just(Op::Reopen),
    ]
}

/// Runs `ops` through a writer on disk and through a session in memory, side by side.
fn replay_matches_memory(ops: &[Op]) -> Result<(), TestCaseError> {
    let (dir, path) = folder();
    let mut now = t(0);
    let mut writer = Writer::create(&path, plan(), now).unwrap();
    let mut memory = Session::new(plan());
    for op in ops {
        match op {
            Op::Run(command, ms) => {
                now += Duration::milliseconds(*ms);
                let expected = memory.decide(command, now);
                match (writer.execute(command, now), expected) {
                    (Ok(events), Ok(expected)) => {
                        prop_assert_eq!(&events, &expected);
                        memory.commit(expected);
                    }
                    (Err(ExecError::Refused(r)), Err(expected)) => prop_assert_eq!(r, expected),
                    (found, expected) => {
                        return Err(TestCaseError::fail(format!(
                            "{command:?}: the writer gave {found:?}, memory {expected:?}"
                        )));
                    }
                }
            }
            Op::Tick(ms) => {
                now += Duration::milliseconds(*ms);
                writer.tick(now).unwrap();
            }
            Op::Reopen => {
                drop(writer);
                let (reopened, report) = Writer::open(&path, now).unwrap();
                prop_assert!(!report.torn_tail);
                writer = reopened;
                assert_same_session(writer.session(), &memory, "after a reopen");
            }
        }
        prop_assert_eq!(writer.session().state(), memory.state());
    }
    // A reader sees what the writer holds, while the writer still holds the lock.
    let read = store::read(&path).unwrap();
    assert_same_session(&read, &memory, "store::read");
    assert_same_session(writer.session(), &memory, "the writer");
    // A crash now, then a writer opens the files again.
    drop(writer);
    let (writer, _) = Writer::open(&path, now).unwrap();
    assert_same_session(writer.session(), &memory, "Writer::open");
    writer.close(now).unwrap();
    assert_same_session(
        &store::read(&path).unwrap(),
        &memory,
        "store::read after close",
    );
    prop_assert_eq!(files(dir.path()), closed_files());
    Ok(())
}

#[test]
fn replaying_the_journal_of_any_command_sequence_gives_the_in_memory_state() {
    let config = ProptestConfig {
        cases: 24,
        max_shrink_iters: 400,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x706f_6469_756d),
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(op(), 1..48), |ops| {
        replay_matches_memory(&ops)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---- durability and snapshots ------------------------------------------------------------

#[test]
fn an_event_is_in_the_journal_file_before_execute_returns() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    let session_bytes = fs::read(&path).unwrap();
    let events = exec(&mut w, Command::ToggleTalk, t(1000));
    let journal = fs::read_to_string(dir.path().join(JOURNAL)).unwrap();
    let on_disk: Vec<Event> = journal
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(on_disk, events);
    assert!(journal.ends_with('\n'));
    let events = exec(&mut w, remark("讲得好"), t(1500));
    let journal = fs::read_to_string(dir.path().join(JOURNAL)).unwrap();
    let last: Event = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    assert_eq!(last, events[0]);
    // The session file is not rewritten per event.
    assert_eq!(fs::read(&path).unwrap(), session_bytes);
}

#[test]
fn the_snapshot_follows_within_two_seconds_of_an_event() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    assert_eq!(w.snapshot_due(), None);
    assert!(!w.tick(t(60_000)).unwrap(), "nothing to snapshot");
    exec(&mut w, remark("一"), t(10_000));
    exec(&mut w, remark("二"), t(11_000));
    assert_eq!(
        w.snapshot_due(),
        Some(t(12_000)),
        "2 s after the first unsaved event"
    );
    let before = fs::read(&path).unwrap();
    assert!(!w.tick(t(11_999)).unwrap());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(w.tick(t(12_000)).unwrap());
    // Written on the snapshot thread; the journal is trimmed when it is done.
    w.wait_for_snapshot(t(12_000)).unwrap();
    assert_eq!(snapshot_events(&path).len(), 2);
    assert_eq!(fs::metadata(dir.path().join(JOURNAL)).unwrap().len(), 0);
    assert_eq!(w.snapshot_due(), None);
    assert!(!w.tick(t(20_000)).unwrap());
}

#[test]
fn a_unit_change_brings_the_snapshot_up_to_date_at_once() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    exec(&mut w, Command::ToggleTalk, t(0));
    exec(&mut w, remark("好"), t(5_000));
    assert_eq!(snapshot_events(&path).len(), 0);
    exec(&mut w, Command::Next, t(30_000));
    assert_eq!(snapshot_events(&path), w.session().events());
    assert_eq!(fs::metadata(dir.path().join(JOURNAL)).unwrap().len(), 0);
    // The snapshot carries the record, for people and scripts.
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(value["format"], "podium-session");
    assert_eq!(value["version"], store::VERSION);
    assert_eq!(value["plan"]["title"], "工作汇报会");
    assert_eq!(value["record"]["units"][0]["status"], "done");
    assert_eq!(value["record"]["units"][0]["talk_seconds"], 30);
    assert_eq!(value["record"]["units"][0]["remarks"][0]["text"], "好");
}

#[test]
fn the_record_in_the_file_is_ignored_on_load() {
    let (_dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    exec(&mut w, Command::ToggleTalk, t(0));
    exec(&mut w, Command::Next, t(10_000));
    let expected = w.session().clone();
    w.close(t(10_000)).unwrap();
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    value["record"] = json!({"units": "edited by hand"});
    fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    assert_same_session(&store::read(&path).unwrap(), &expected, "store::read");
}

#[test]
fn events_already_in_the_snapshot_are_not_replayed_twice() {
    // A crash between the snapshot's rename and the journal's truncation leaves the journal
    // holding events the snapshot already has.
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    exec(&mut w, Command::ToggleTalk, t(0));
    exec(&mut w, remark("一"), t(1_000));
    let journal = fs::read(dir.path().join(JOURNAL)).unwrap();
    w.snapshot(t(2_000)).unwrap();
    let expected = w.session().clone();
    drop(w);
    fs::write(dir.path().join(JOURNAL), &journal).unwrap();
    let (w, report) = Writer::open(&path, t(3_000)).unwrap();
    assert_eq!(report, OpenReport::default());
    assert_same_session(w.session(), &expected, "Writer::open");
}

// ---- (b) a torn last journal line ------------------------------------------------------------

/// A session with five events in its journal and none in its snapshot, left as by a crash.
fn crashed_with_five_journal_events(path: &Path) -> Session {
    let mut w = Writer::create(path, plan(), t(0)).unwrap();
    exec(&mut w, Command::ToggleTalk, t(0)); // 2 events
    exec(&mut w, remark("讲得好"), t(1_000));
    exec(&mut w, Command::AdjustLimit { seconds: 30 }, t(1_500));
    exec(&mut w, remark("目标明确"), t(1_900));
    let session = w.session().clone();
    assert_eq!(session.events().len(), 5);
    assert_eq!(snapshot_events(path).len(), 0, "nothing snapshotted yet");
    drop(w); // no close: a crash
    session
}

fn append(path: &Path, bytes: &[u8]) {
    let mut f = fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(bytes).unwrap();
}

#[test]
fn a_torn_last_journal_line_is_dropped_and_the_rest_kept() {
    let (dir, path) = folder();
    let expected = crashed_with_five_journal_events(&path);
    let journal = dir.path().join(JOURNAL);
    append(
        &journal,
        br#"{"seq":6,"at":"2026-05-30T09:00:02+08:00","type":"remark_ad"#,
    );

    let read = store::read(&path).unwrap();
    assert_same_session(&read, &expected, "store::read");

    let (mut w, report) = Writer::open(&path, t(3_000)).unwrap();
    assert_eq!(
        report,
        OpenReport {
            replayed: 5,
            torn_tail: true
        }
    );
    assert_same_session(w.session(), &expected, "Writer::open");
    // The open folded the journal into the snapshot, so new events never follow the torn line.
    assert_eq!(snapshot_events(&path), expected.events());
    assert_eq!(fs::metadata(&journal).unwrap().len(), 0);
    let next = exec(&mut w, remark("再一条"), t(4_000));
    assert_eq!(next[0].seq, 6);
    drop(w);
    let (w, report) = Writer::open(&path, t(5_000)).unwrap();
    assert!(!report.torn_tail);
    assert_eq!(report.replayed, 1);
    assert_eq!(w.session().events().len(), 6);
    assert_eq!(w.session().state().remark(6).unwrap().text, "再一条");
}

#[test]
fn a_journal_line_torn_inside_a_chinese_character_is_dropped() {
    let (dir, path) = folder();
    let expected = crashed_with_five_journal_events(&path);
    let next = expected
        .decide(&remark("各单位月底前反馈落实情况"), t(2_000))
        .unwrap();
    let line = serde_json::to_vec(&next[0]).unwrap();
    // Cut inside a multi-byte character: the bytes are not even UTF-8.
    let cut = (line.len() / 2..line.len())
        .find(|&i| line[i] & 0b1100_0000 == 0b1000_0000)
        .expect("a continuation byte");
    append(&dir.path().join(JOURNAL), &line[..cut]);
    assert!(std::str::from_utf8(&fs::read(dir.path().join(JOURNAL)).unwrap()).is_err());
    let (w, report) = Writer::open(&path, t(3_000)).unwrap();
    assert!(report.torn_tail);
    assert_same_session(w.session(), &expected, "Writer::open");
}

#[test]
fn a_damaged_line_before_good_ones_is_an_error_and_nothing_changes() {
    let (dir, path) = folder();
    crashed_with_five_journal_events(&path);
    let journal = dir.path().join(JOURNAL);
    let text = fs::read_to_string(&journal).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[2] = "{\"seq\":3,\"at\":";
    fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let session_before = fs::read(&path).unwrap();
    let journal_before = fs::read(&journal).unwrap();

    let err = Writer::open(&path, t(3_000)).err().expect("refused");
    match &err {
        StoreError::JournalCorrupt { line, .. } => assert_eq!(*line, 3),
        other => panic!("expected JournalCorrupt, got {other:?}"),
    }
    assert!(
        err.to_string()
            .ends_with(":3: the journal is damaged before its last line; nothing was changed"),
        "{err}"
    );
    assert!(matches!(
        store::read(&path),
        Err(StoreError::JournalCorrupt { line: 3, .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), session_before);
    assert_eq!(fs::read(&journal).unwrap(), journal_before);
}

// ---- (c) a corrupt session file ----------------------------------------------------------

const CORRUPT: &str = "{\n  \"format\": \"podium-session\",\n  \"version\": 1,\n  \"plan\": {\"title\": \"会\", \"units\": [\n";

#[test]
fn a_corrupt_session_file_is_refused_by_a_reader_and_left_untouched() {
    let (dir, path) = folder();
    fs::write(&path, CORRUPT).unwrap();
    let err = store::read(&path).expect_err("refused");
    match &err {
        StoreError::Parse { path: p, line, .. } => {
            assert_eq!(p, &path.display().to_string());
            assert_eq!(*line, 5, "EOF after the fourth line");
        }
        other => panic!("expected Parse, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with(&format!("{}:5:", path.display())),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), CORRUPT);
    assert_eq!(
        files(dir.path()),
        vec![NAME.to_string()],
        "a reader writes nothing"
    );
}

#[test]
fn a_corrupt_session_file_is_refused_by_a_writer_and_left_untouched() {
    let (dir, path) = folder();
    fs::write(&path, CORRUPT).unwrap();
    let err = Writer::open(&path, t(0)).err().expect("refused");
    assert!(matches!(err, StoreError::Parse { .. }), "{err:?}");
    // Trying again changes nothing either.
    assert!(matches!(
        Writer::open(&path, t(1)).err(),
        Some(StoreError::Parse { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), CORRUPT);
    assert_eq!(
        files(dir.path()),
        closed_files(),
        "no journal, lock or temporary file is left beside a session that failed to open"
    );
}

#[test]
fn an_empty_or_foreign_session_file_is_refused_untouched() {
    let (dir, path) = folder();
    fs::write(&path, "").unwrap();
    assert!(matches!(store::read(&path), Err(StoreError::Parse { .. })));
    assert_eq!(fs::read(&path).unwrap(), b"");

    let plan_text = serde_json::to_string(&plan()).unwrap();
    fs::write(&path, &plan_text).unwrap();
    assert!(matches!(
        store::read(&path),
        Err(StoreError::NotSession { .. })
    ));
    assert!(matches!(
        Writer::open(&path, t(0)).err(),
        Some(StoreError::NotSession { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), plan_text);

    let version = store::VERSION + 1;
    let newer =
        json!({"format": "podium-session", "version": version, "plan": plan(), "events": []});
    fs::write(&path, newer.to_string()).unwrap();
    assert!(matches!(
        store::read(&path),
        Err(StoreError::NewerVersion { version: v, .. }) if v == u64::from(version)
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer.to_string());
    assert!(!dir.path().join(JOURNAL).exists());
}

#[test]
fn a_journal_without_its_session_file_is_refused() {
    let (dir, path) = folder();
    crashed_with_five_journal_events(&path);
    fs::remove_file(&path).unwrap();
    let journal_before = fs::read(dir.path().join(JOURNAL)).unwrap();
    assert!(matches!(
        store::read(&path),
        Err(StoreError::MissingSnapshot { .. })
    ));
    assert!(matches!(
        Writer::open(&path, t(0)).err(),
        Some(StoreError::MissingSnapshot { .. })
    ));
    assert_eq!(fs::read(dir.path().join(JOURNAL)).unwrap(), journal_before);
    assert!(!path.exists());
}

#[test]
fn creating_over_an_existing_session_is_refused() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    exec(&mut w, remark("一"), t(1));
    w.close(t(2)).unwrap();
    let before = fs::read(&path).unwrap();
    assert!(matches!(
        Writer::create(&path, plan(), t(3)).err(),
        Some(StoreError::Exists { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        files(dir.path()),
        closed_files(),
        "a refused create leaves no lock file behind"
    );
}

// ---- (d) one writer ----------------------------------------------------------------------

const HOLD_LOCK: &str = "PODIUM_TEST_HOLD_LOCK";
const WRITE_LOOP: &str = "PODIUM_TEST_WRITE_LOOP";
const LOCKED_LINE: &str = "PODIUM-CHILD-LOCKED";

/// Runs one ignored test of this binary in a child process, with `env` set to `path`.
fn spawn_child(test: &str, env: &str, path: &Path) -> Child {
    std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            test,
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .env(env, path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the test binary runs as a child")
}

/// Reads the child's output until a line containing `marker`.
fn wait_for(lines: &mut impl Iterator<Item = std::io::Result<String>>, marker: &str) {
    for line in lines {
        if line.expect("the child's output").contains(marker) {
            return;
        }
    }
    panic!("the child ended before printing {marker}");
}

/// The child of the lock tests: opens the session, says so, and holds it until its stdin
/// closes (or it is killed).
#[test]
#[ignore = "a child process of the lock tests"]
fn child_holds_lock() {
    let Some(path) = std::env::var_os(HOLD_LOCK) else {
        return;
    };
    let (writer, _) = Writer::open(Path::new(&path), t(0)).expect("the child opens the session");
    let mut out = std::io::stdout();
    writeln!(out, "\n{LOCKED_LINE}").unwrap();
    out.flush().unwrap();
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
    drop(writer);
}

fn new_session(path: &Path) {
    let mut w = Writer::create(path, plan(), t(0)).unwrap();
    exec(&mut w, remark("已有内容"), t(1));
    w.close(t(2)).unwrap();
}

#[test]
fn a_lock_held_by_another_process_refuses_a_second_writer() {
    let (dir, path) = folder();
    new_session(&path);
    let mut child = spawn_child("child_holds_lock", HOLD_LOCK, &path);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    wait_for(&mut lines, LOCKED_LINE);
    let pid = child.id();

    let err = Writer::open(&path, t(10))
        .err()
        .expect("a second writer is refused");
    match &err {
        StoreError::Locked { name, pid: found } => {
            assert_eq!(name, NAME);
            assert_eq!(found, &pid.to_string());
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        format!("{NAME} is open in another podium (pid {pid})")
    );
    assert!(matches!(
        Writer::create(&path, plan(), t(10)).err(),
        Some(StoreError::Locked { .. })
    ));
    // Readers are not writers: they still get in.
    assert_eq!(store::read(&path).unwrap().events().len(), 1);
    // The refusal did not disturb the holder's lock file.
    assert_eq!(
        fs::read_to_string(dir.path().join(LOCK)).unwrap().trim(),
        pid.to_string()
    );

    // The holder quits: the session is free again.
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let (w, _) = Writer::open(&path, t(20)).expect("free once the other podium quit");
    w.close(t(21)).unwrap();
}

#[test]
fn a_stale_lock_of_a_killed_process_is_taken_over() {
    let (dir, path) = folder();
    new_session(&path);
    let mut child = spawn_child("child_holds_lock", HOLD_LOCK, &path);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    wait_for(&mut lines, LOCKED_LINE);
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    // The killed process could not clean up: its lock file is still there.
    let lock = dir.path().join(LOCK);
    assert_eq!(fs::read_to_string(&lock).unwrap().trim(), pid.to_string());

    let (w, _) = Writer::open(&path, t(10)).expect("a stale lock is taken over");
    assert_eq!(
        fs::read_to_string(&lock).unwrap(),
        std::process::id().to_string()
    );
    assert_eq!(w.session().events().len(), 1);
    w.close(t(11)).unwrap();
    assert_eq!(files(dir.path()), closed_files());
}

#[test]
fn a_lock_file_left_with_a_dead_pid_is_taken_over() {
    let (dir, path) = folder();
    new_session(&path);
    fs::write(dir.path().join(LOCK), "4194303999\n").unwrap();
    let (w, _) = Writer::open(&path, t(10)).expect("a stale lock file is taken over");
    assert_eq!(
        fs::read_to_string(dir.path().join(LOCK)).unwrap(),
        std::process::id().to_string()
    );
    w.close(t(11)).unwrap();
}

#[test]
fn a_second_writer_in_the_same_process_is_refused() {
    let (_dir, path) = folder();
    new_session(&path);
    let (w, _) = Writer::open(&path, t(10)).unwrap();
    match Writer::open(&path, t(11)).err() {
        Some(StoreError::Locked { name, pid }) => {
            assert_eq!(name, NAME);
            assert_eq!(pid, std::process::id().to_string());
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    w.close(t(12)).unwrap();
}

// ---- (e) kill -9 of a writer in a loop loses no acknowledged event ------------------------

/// The child of the kill test: opens the session and adds remarks as fast as it can,
/// printing `ACK seq text` once `execute` has returned. Every eighth command changes the
/// current unit (a snapshot at once), and the snapshot timer runs as in the console.
#[test]
#[ignore = "a child process of the kill -9 test"]
fn child_writes_remarks() {
    let Some(path) = std::env::var_os(WRITE_LOOP) else {
        return;
    };
    let (mut w, _) = Writer::open(Path::new(&path), t(0)).expect("the child opens the session");
    let start = w.session().last_at().unwrap_or(t(0));
    let round = w.session().last_seq();
    let mut out = std::io::stdout();
    for i in 0i64.. {
        let now = start + Duration::milliseconds(250 * (i + 1));
        let (command, text) = if i % 8 == 7 {
            let target = if w.session().state().current.as_deref() == Some("甲") {
                "乙"
            } else {
                "甲"
            };
            (
                Command::SetCurrent {
                    unit: target.into(),
                },
                "-".to_string(),
            )
        } else {
            let text = format!("第{round}轮第{i}条");
            (
                Command::AddRemark {
                    unit: None,
                    reviewer: "记录员".into(),
                    text: text.clone(),
                    kind: RemarkKind::Remark,
                },
                text,
            )
        };
        let events = w.execute(&command, now).expect("the child executes");
        writeln!(out, "ACK {} {}", events[0].seq, text).unwrap();
        out.flush().unwrap();
        w.tick(now).expect("the child snapshots");
    }
}

#[cfg(unix)]
#[test]
fn kill_9_of_a_writing_process_loses_no_acknowledged_event() {
    let (dir, path) = folder();
    Writer::create(&path, plan(), t(0))
        .unwrap()
        .close(t(0))
        .unwrap();
    let mut acked: Vec<(u64, String)> = Vec::new();
    let parse = |line: &str| -> Option<(u64, String)> {
        let rest = &line[line.find("ACK ")? + 4..];
        let (seq, text) = rest.split_once(' ')?;
        Some((seq.parse().ok()?, text.to_string()))
    };
    for round in 0..5 {
        let mut child = spawn_child("child_writes_remarks", WRITE_LOOP, &path);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Kill at a different point each round.
        let want = 12 + round * 11;
        let mut seen = 0;
        while seen < want {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("round {round}: the child stopped after {seen} acks"))
                .unwrap();
            if let Some(ack) = parse(&line) {
                acked.push(ack);
                seen += 1;
            }
        }
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();
        // Whatever the child printed before it died was acknowledged too.
        for line in lines {
            let Ok(line) = line else { break };
            if let Some(ack) = parse(&line) {
                acked.push(ack);
            }
        }

        // A reader sees every acknowledged event straight after the crash.
        let read = store::read(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let (w, _report) =
            Writer::open(&path, t(0)).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for session in [&read, w.session()] {
            let state = session.state();
            for (seq, text) in &acked {
                let event = session
                    .events()
                    .iter()
                    .find(|e| e.seq == *seq)
                    .unwrap_or_else(|| panic!("round {round}: acknowledged event {seq} is lost"));
                if text != "-" {
                    assert!(
                        matches!(&event.kind, EventKind::RemarkAdded { text: t, .. } if t == text),
                        "round {round}: event {seq} is {event:?}, acknowledged as {text}"
                    );
                    assert_eq!(
                        state.remark(*seq).map(|r| r.text.as_str()),
                        Some(text.as_str()),
                        "round {round}: remark {seq}"
                    );
                }
            }
            for (i, e) in session.events().iter().enumerate() {
                assert_eq!(e.seq, i as u64 + 1, "round {round}: seqs without gaps");
            }
        }
        assert_same_session(&read, w.session(), "reader and writer after a crash");
        drop(w);
    }
    assert!(acked.len() >= 12 + 23 + 34 + 45 + 56);
    let (w, _) = Writer::open(&path, t(0)).unwrap();
    w.close(t(0)).unwrap();
    assert_eq!(files(dir.path()), closed_files());
}

// ---- (f) a clean close leaves one file ---------------------------------------------------

#[test]
fn a_clean_close_leaves_only_the_session_file() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    assert!(dir.path().join(LOCK).exists());
    exec(&mut w, Command::ToggleTalk, t(0));
    exec(&mut w, remark("一"), t(1_000));
    exec(&mut w, Command::Next, t(20_000));
    exec(&mut w, remark("二"), t(21_000));
    w.write_draft("正在输入的点评").unwrap();
    assert_eq!(w.read_draft().as_deref(), Some("正在输入的点评"));
    let expected = w.session().clone();
    w.close(t(22_000)).unwrap();
    // The draft is the console's to clear (a signal or a quit with the editor open keeps it).
    let mut left = closed_files();
    left.insert(0, DRAFT.to_string());
    assert_eq!(files(dir.path()), left);
    fs::remove_file(dir.path().join(DRAFT)).unwrap();
    assert_same_session(&store::read(&path).unwrap(), &expected, "after close");

    // Open again (after a crash with a torn line, even) and close: still one file.
    let (mut w, _) = Writer::open(&path, t(30_000)).unwrap();
    exec(&mut w, remark("三"), t(31_000));
    drop(w);
    append(&dir.path().join(JOURNAL), b"{\"seq\":");
    let (w, report) = Writer::open(&path, t(32_000)).unwrap();
    assert!(report.torn_tail);
    w.close(t(33_000)).unwrap();
    assert_eq!(files(dir.path()), closed_files());
    assert_eq!(store::read(&path).unwrap().events().len(), 7);
}

// ---- (g) a read-only open while a writer holds the lock ----------------------------------

#[test]
fn a_reader_sees_every_executed_event_while_a_writer_holds_the_lock() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    // While a timed snapshot is under way, the snapshot thread writes its temporary file and
    // renames it over the session file, at moments of its own: those two are left out of
    // "reading wrote nothing" then (the reader must still see every event).
    let bg_temp = store::Paths::of(&path)
        .bg_temp
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let check = |w: &Writer, what: &str, snapshot_under_way: bool| {
        let listed = || {
            let mut names = files(dir.path());
            if snapshot_under_way {
                names.retain(|f| *f != bg_temp);
            }
            names
        };
        let listing = listed();
        let bytes: Vec<Vec<u8>> = listing
            .iter()
            .map(|f| fs::read(dir.path().join(f)).unwrap())
            .collect();
        let read = store::read(&path).unwrap();
        assert_same_session(&read, w.session(), what);
        // Reading wrote nothing.
        assert_eq!(listed(), listing, "{what}");
        for (f, b) in listing.iter().zip(bytes) {
            if snapshot_under_way && f == NAME {
                continue;
            }
            assert_eq!(fs::read(dir.path().join(f)).unwrap(), b, "{what}: {f}");
        }
    };
    check(&w, "a new session", false);
    exec(&mut w, Command::ToggleTalk, t(0));
    check(&w, "a started talk, in the journal only", false);
    exec(&mut w, remark("一"), t(500));
    exec(&mut w, Command::ToggleTalk, t(800));
    check(&w, "more journal events", false);
    exec(&mut w, Command::Next, t(1_000));
    check(&w, "just after a snapshot", false);
    exec(&mut w, remark("二"), t(1_200));
    exec(&mut w, Command::Undo, t(1_300));
    check(&w, "snapshot plus journal", false);
    assert!(w.tick(t(3_200)).unwrap());
    check(&w, "while the timed snapshot is written", true);
    w.wait_for_snapshot(t(3_200)).unwrap();
    check(&w, "after the timed snapshot", false);
    // The writer still holds the session and goes on.
    assert!(matches!(
        Writer::open(&path, t(4_000)).err(),
        Some(StoreError::Locked { .. })
    ));
    exec(&mut w, remark("三"), t(4_000));
    check(&w, "after more events", false);
    w.close(t(5_000)).unwrap();
}

#[test]
fn a_reader_racing_a_writer_sees_every_acknowledged_event() {
    // The projector display reads while the console writes. Whatever moment a read happens
    // at, it must hold every event acknowledged before it began, numbered without gaps.
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let (_dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    let acked = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (acked, done, path) = (acked.clone(), done.clone(), path.clone());
        std::thread::spawn(move || {
            let mut problems = Vec::new();
            let mut reads = 0;
            while !done.load(Ordering::SeqCst) {
                let before = acked.load(Ordering::SeqCst);
                let session = match store::read(&path) {
                    Ok(s) => s,
                    Err(e) => {
                        problems.push(format!("read failed: {e}"));
                        continue;
                    }
                };
                reads += 1;
                let seqs: Vec<u64> = session.events().iter().map(|e| e.seq).collect();
                if session.last_seq() < before {
                    problems.push(format!(
                        "{} events read, {before} acknowledged before the read",
                        session.last_seq()
                    ));
                } else if seqs.iter().enumerate().any(|(i, s)| *s != i as u64 + 1) {
                    problems.push(format!("a gap in the seqs read: {seqs:?}"));
                }
            }
            (reads, problems)
        })
    };
    for i in 0..150i64 {
        let command = if i % 3 == 0 {
            // A unit change: the snapshot is rewritten and the journal emptied.
            let unit = if i % 2 == 0 { "甲" } else { "乙" };
            Command::SetCurrent { unit: unit.into() }
        } else {
            remark(&format!("第{i}条"))
        };
        let events = exec(&mut w, command, t(i * 10));
        acked.store(events.last().unwrap().seq, Ordering::SeqCst);
    }
    done.store(true, Ordering::SeqCst);
    let (reads, problems) = reader.join().unwrap();
    assert!(reads > 0);
    assert!(
        problems.is_empty(),
        "{} of {reads} reads were wrong; the first: {}",
        problems.len(),
        problems[0]
    );
    w.close(t(10_000)).unwrap();
}

// ---- the snapshot thread -------------------------------------------------------------------

#[test]
fn events_recorded_while_the_snapshot_thread_writes_stay_in_the_journal() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    exec(&mut w, remark("一"), t(1_000));
    exec(&mut w, remark("二"), t(1_500));
    assert!(w.tick(t(3_000)).unwrap(), "the snapshot is started");
    // The meeting goes on while the thread writes.
    exec(&mut w, remark("三"), t(3_010));
    exec(&mut w, remark("四"), t(3_020));
    assert_same_session(&store::read(&path).unwrap(), w.session(), "during");
    w.wait_for_snapshot(t(3_050)).unwrap();
    assert_eq!(
        snapshot_events(&path).len(),
        2,
        "the snapshot holds what came before it"
    );
    let journal = fs::read_to_string(dir.path().join(JOURNAL)).unwrap();
    assert_eq!(
        journal.lines().count(),
        2,
        "the journal keeps what came after: {journal}"
    );
    assert!(journal.contains("三") && journal.contains("四"));
    assert_same_session(&store::read(&path).unwrap(), w.session(), "after");
    // The next snapshot is due 2 s after the oldest event the snapshot lacks.
    assert!(w.snapshot_due().is_some());
    // A crash now, or while a snapshot is under way, loses nothing.
    assert!(w.tick(t(6_000)).unwrap());
    exec(&mut w, remark("五"), t(6_001));
    let expected = w.session().clone();
    drop(w);
    assert_same_session(&store::read(&path).unwrap(), &expected, "after a crash");
    let (w, _) = Writer::open(&path, t(7_000)).unwrap();
    assert_same_session(w.session(), &expected, "reopened");
}
