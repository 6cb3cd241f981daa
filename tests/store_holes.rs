//! The data-loss holes found when podium was attacked (issue [A1]), one test or more each:
//! two writers at once, a journal without its session, saving after a failed write, event
//! numbers that cannot go on, sessions reached through a symbolic link, and reports written
//! over the meeting. Each failed on the code before its fix.
//!
//! The concurrency tests run in seconds; `PODIUM_STRESS=1` runs them ten times longer.

mod common {
    pub mod full_disk;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::full_disk::FullDisk;
use podium::plan::Plan;
use podium::session::{Command, RemarkKind, Time};
use podium::store::{self, ExecError, StoreError, Writer};
use serde_json::json;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

const NAME: &str = "meeting.session.json";
const JOURNAL: &str = "meeting.session.journal";
const LOCK: &str = "meeting.session.lock";

fn t(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::milliseconds(ms)
}

fn stress() -> usize {
    if std::env::var("PODIUM_STRESS").is_ok_and(|v| v == "1") {
        10
    } else {
        1
    }
}

/// Ten units, six reviewers, one criterion: sixty score cells a writer each can fill.
fn plan() -> Plan {
    let units: Vec<_> = (1..=10)
        .map(|i| json!({"name": format!("单位{i}")}))
        .collect();
    let reviewers: Vec<_> = (1..=6)
        .map(|i| json!({"name": format!("评委{i}")}))
        .collect();
    serde_json::from_value(json!({
        "title": "工作汇报会",
        "units": units,
        "reviewers": reviewers,
        "scoring": {"criteria": [{"name": "总分", "max": 100}]}
    }))
    .expect("the test plan parses")
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(NAME);
    (dir, path)
}

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("单位1".into()),
        reviewer: "评委1".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

fn remark_texts(path: &Path) -> Vec<String> {
    let session = store::read(path).expect("the session reads");
    session
        .state()
        .remarks
        .iter()
        .map(|r| r.text.clone())
        .collect()
}

/// `Writer::open`, again while the lock is held by this very process and no longer than 10 s.
/// Another test here starting a process (`podium scores`, `podium run`) forks this one: until
/// the child execs, it holds a copy of every open file, a lock just let go by a writer of
/// this test included, so the lock stays taken for a moment after `close` or `drop`.
fn reopen(path: &Path, now: Time) -> Result<(Writer, store::OpenReport), StoreError> {
    again_while_held_here(|| Writer::open(path, now))
}

/// `Writer::create`, again while the lock is held by this very process (see `reopen`).
fn create_again(path: &Path, now: Time) -> Result<Writer, StoreError> {
    again_while_held_here(|| Writer::create(path, plan(), now))
}

fn again_while_held_here<T>(
    mut attempt: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let me = std::process::id().to_string();
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match attempt() {
            Err(StoreError::Locked { pid, .. }) if pid == me && std::time::Instant::now() < end => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            result => return result,
        }
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

// ---- 1. two writers at once ---------------------------------------------------------------

/// Many writers open, write one remark and close the same session at once, retrying while
/// it is locked: every remark a writer saw acknowledged is in the final session. (The lock
/// file used to be deleted on close: a writer that had just opened it locked an orphan while
/// the next created a new one, and both wrote.)
#[test]
fn concurrent_writers_lose_no_acknowledged_remark() {
    for round in 0..3 * stress() {
        let (dir, path) = folder();
        Writer::create(&path, plan(), t(0))
            .unwrap()
            .close(t(0))
            .unwrap();
        let acked = Arc::new(Mutex::new(Vec::new()));
        let threads: Vec<_> = (0..12)
            .map(|w| {
                let path = path.clone();
                let acked = acked.clone();
                std::thread::spawn(move || {
                    for i in 0..6 {
                        let text = format!("第{round}轮 写入者{w} 第{i}条");
                        loop {
                            match Writer::open(&path, t(1_000)) {
                                Ok((mut writer, _)) => {
                                    writer
                                        .execute(&remark(&text), t(1_000))
                                        .unwrap_or_else(|e| panic!("{text}: {e}"));
                                    writer.close(t(1_000)).expect("closes");
                                    acked.lock().unwrap().push(text);
                                    break;
                                }
                                Err(StoreError::Locked { .. }) => std::thread::yield_now(),
                                Err(e) => panic!("writer {w}: {e}"),
                            }
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("no writer panicked");
        }
        let found = remark_texts(&path);
        let acked = acked.lock().unwrap();
        let missing: Vec<_> = acked.iter().filter(|a| !found.contains(a)).collect();
        assert!(
            missing.is_empty(),
            "round {round}: {} acknowledged remarks missing: {missing:?}",
            missing.len()
        );
        assert_eq!(found.len(), acked.len(), "round {round}: no remark twice");
        assert_eq!(files(dir.path()), vec![NAME.to_string()]);
    }
}

/// The same with the real binary: many `podium scores` processes, one score sheet row each,
/// started at once and retried while the session is locked. Every import that said it was
/// done is in the final session.
#[test]
fn concurrent_score_imports_lose_no_acknowledged_row() {
    let bin = env!("CARGO_BIN_EXE_podium");
    // Before the fix, one round in five or so lost a row or failed ("No such file").
    for round in 0..3 * stress() {
        let (dir, path) = folder();
        Writer::create(&path, plan(), t(0))
            .unwrap()
            .close(t(0))
            .unwrap();
        let mut cells = Vec::new();
        for u in 1..=10 {
            for r in 1..=3 {
                cells.push((format!("单位{u}"), format!("评委{r}"), 50 + u + r));
            }
        }
        let acked = Arc::new(Mutex::new(Vec::new()));
        let threads: Vec<_> = cells
            .chunks(3)
            .enumerate()
            .map(|(k, chunk)| {
                let chunk = chunk.to_vec();
                let dir = dir.path().to_path_buf();
                let path = path.clone();
                let acked = acked.clone();
                std::thread::spawn(move || {
                    for (i, (unit, reviewer, score)) in chunk.into_iter().enumerate() {
                        let csv = dir.join(format!("row-{k}-{i}.csv"));
                        fs::write(
                            &csv,
                            format!(
                                "unit,reviewer,criterion,score\n{unit},{reviewer},总分,{score}\n"
                            ),
                        )
                        .unwrap();
                        for attempt in 0.. {
                            let out = std::process::Command::new(bin)
                                .args(["scores", "--lang", "en"])
                                .arg(&path)
                                .arg(&csv)
                                .stdin(std::process::Stdio::null())
                                .output()
                                .expect("podium runs");
                            let err = String::from_utf8_lossy(&out.stderr).into_owned();
                            if out.status.success() {
                                acked.lock().unwrap().push((unit, reviewer, score));
                                break;
                            }
                            assert!(
                                err.contains("open in another podium") && attempt < 2_000,
                                "round {round}: {unit}/{reviewer}: {err}"
                            );
                            std::thread::sleep(std::time::Duration::from_millis(2));
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("no importer panicked");
        }
        let session = store::read(&path).unwrap();
        let scores = &session.state().scores;
        let acked = acked.lock().unwrap();
        assert_eq!(acked.len(), 30);
        for (unit, reviewer, score) in acked.iter() {
            assert_eq!(
                scores.value(unit, reviewer, 0),
                Some(*score as i64 * 10_000),
                "round {round}: the acknowledged score of {unit} by {reviewer} is in the session"
            );
        }
    }
}

// ---- 2. a journal without its session file -------------------------------------------------

#[test]
fn a_journal_without_its_session_file_is_never_deleted() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    w.execute(&remark("第一条"), t(60_000)).unwrap();
    w.execute(&remark("第二条"), t(120_000)).unwrap();
    drop(w); // a crash: the two remarks are in the journal only
    fs::remove_file(&path).unwrap(); // the session file is lost
    let journal = dir.path().join(JOURNAL);
    let before = fs::read(&journal).unwrap();
    assert!(!before.is_empty());

    let err = create_again(&path, t(200_000)).err().expect("refused");
    let text = err.to_string();
    assert!(matches!(err, StoreError::MissingSnapshot { .. }), "{err:?}");
    assert!(text.contains("2 events"), "says how many events: {text}");
    assert!(
        text.contains("09:01:00") && text.contains("09:02:00"),
        "says their time range: {text}"
    );
    assert!(text.contains("backup"), "says what to do: {text}");
    assert_eq!(
        fs::read(&journal).unwrap(),
        before,
        "the journal is untouched"
    );
    assert!(!path.exists(), "no new session was made over it");
    assert!(matches!(
        reopen(&path, t(0)).err(),
        Some(StoreError::MissingSnapshot { .. })
    ));
    assert_eq!(fs::read(&journal).unwrap(), before);
}

/// `podium run PLAN` with the session gone and its journal there: refused, both untouched.
#[test]
fn podium_run_refuses_a_journal_without_its_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("meeting.json");
    fs::write(&plan_path, serde_json::to_string(&plan()).unwrap()).unwrap();
    let session = dir.path().join("meeting.session.json");
    let mut w = Writer::create(&session, plan(), t(0)).unwrap();
    w.execute(&remark("只在日志里"), t(1_000)).unwrap();
    drop(w);
    fs::remove_file(&session).unwrap();
    let journal = dir.path().join("meeting.session.journal");
    let before = fs::read(&journal).unwrap();
    for extra in [
        vec![],
        vec!["--session".to_string(), session.display().to_string()],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["run", "--lang", "en"])
            .arg(&plan_path)
            .args(&extra)
            .stdin(std::process::Stdio::null())
            .env("TERM", "dumb")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{extra:?}: refused");
        assert!(err.contains("1 event"), "{extra:?}: {err}");
        assert_eq!(
            fs::read(&journal).unwrap(),
            before,
            "{extra:?}: journal kept"
        );
        assert!(!session.exists(), "{extra:?}: no new session");
    }
}

// ---- 3. saving after a failed write ----------------------------------------------------------

/// The snapshot thread cannot write (its temporary file's name is taken by a folder): the
/// journal still works, and every later remark is appended to it, so a crash loses none.
#[test]
fn a_failed_background_snapshot_never_stops_a_working_journal() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    let blocker = dir.path().join(format!(".{NAME}.bg.tmp"));
    fs::create_dir(&blocker).unwrap();
    w.execute(&remark("快照前"), t(1_000)).unwrap();
    assert!(w.tick(t(3_500)).unwrap(), "the snapshot is started");
    assert!(w.wait_for_snapshot(t(3_600)).is_err(), "and it fails");
    assert!(w.save_error().is_some());
    w.execute(&remark("快照失败之后"), t(4_000)).unwrap();
    assert_eq!(w.unsaved(), 0, "appended to the journal");
    drop(w); // a crash
    fs::remove_dir(&blocker).unwrap();
    assert_eq!(remark_texts(&path), vec!["快照前", "快照失败之后"]);
}

/// An append cut short by a full disk is taken back, and the remark is appended again (before
/// the next one) once there is room: the journal stays whole and in order, and a crash after
/// that loses nothing.
#[test]
fn a_failed_append_is_written_again_once_there_is_room() {
    for cut_at in [0u64, 10, 40] {
        let (_dir, path) = folder();
        let mut w = Writer::create(&path, plan(), t(0)).unwrap();
        let budget = Arc::new(AtomicU64::new(cut_at));
        w.set_disk(Box::new(FullDisk {
            budget: budget.clone(),
        }));
        w.execute(&remark("磁盘满时"), t(1_000)).unwrap();
        assert_eq!(w.unsaved(), 1, "cut {cut_at}: held in memory");
        assert!(w.save_error().is_some());
        budget.store(1 << 20, std::sync::atomic::Ordering::SeqCst);
        w.execute(&remark("腾出空间后"), t(1_500)).unwrap();
        assert_eq!(w.unsaved(), 0, "cut {cut_at}: both appended");
        drop(w); // a crash before any snapshot
        let (w, report) = reopen(&path, t(5_000)).unwrap();
        assert!(
            !report.torn_tail,
            "cut {cut_at}: the cut line was taken back"
        );
        assert_eq!(report.replayed, 2);
        drop(w);
        assert_eq!(remark_texts(&path), vec!["磁盘满时", "腾出空间后"]);
    }
}

/// The host can ask for a retry, or write the whole session elsewhere, while the disk fails.
#[test]
fn unsaved_events_can_be_retried_or_written_to_another_folder() {
    let (dir, path) = folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    let budget = Arc::new(AtomicU64::new(0));
    w.set_disk(Box::new(FullDisk {
        budget: budget.clone(),
    }));
    w.execute(&remark("未保存"), t(1_000)).unwrap();
    assert_eq!(w.unsaved(), 1);
    assert!(w.retry(t(1_100)).is_err(), "still full");
    let copy = w.save_copy(elsewhere.path(), t(1_200)).unwrap();
    assert_eq!(copy, elsewhere.path().join(NAME));
    assert_eq!(remark_texts(&copy), vec!["未保存"]);
    let second = w.save_copy(elsewhere.path(), t(1_300)).unwrap();
    assert_eq!(second, elsewhere.path().join("meeting-2.session.json"));
    assert_eq!(remark_texts(&copy), vec!["未保存"], "never written over");
    budget.store(1 << 20, std::sync::atomic::Ordering::SeqCst);
    w.retry(t(1_400)).unwrap();
    assert_eq!(w.unsaved(), 0);
    assert!(w.save_error().is_none());
    drop(w);
    assert_eq!(remark_texts(&path), vec!["未保存"]);
    drop(dir);
}

// ---- 4. event numbers that cannot go on ------------------------------------------------------

fn session_with_last_seq(path: &Path, seq: u64) {
    let mut w = Writer::create(path, plan(), t(0)).unwrap();
    w.execute(&remark("一"), t(1_000)).unwrap();
    w.close(t(2_000)).unwrap();
    let text = fs::read_to_string(path).unwrap();
    let text = text.replacen("\"seq\":1,", &format!("\"seq\":{seq},"), 1);
    assert!(text.contains(&format!("\"seq\":{seq},")));
    fs::write(path, text).unwrap();
}

#[test]
fn event_numbers_never_wrap_around() {
    let (_dir, path) = folder();
    session_with_last_seq(&path, u64::MAX - 1);
    let (mut w, _) = reopen(&path, t(3_000)).expect("one number is left");
    let before = w.session().events().len();
    match w.execute(&remark("二"), t(4_000)) {
        Err(ExecError::Refused(podium::session::Refusal::SeqExhausted)) => {}
        other => panic!("refused with a reason, not wrapped to 0: {other:?}"),
    }
    assert_eq!(w.session().events().len(), before);
    assert!(
        w.session().events().iter().all(|e| e.seq != 0),
        "no event numbered 0"
    );
    drop(w);

    let (_dir, path) = folder();
    session_with_last_seq(&path, u64::MAX);
    let before = fs::read(&path).unwrap();
    let err = reopen(&path, t(3_000)).err().expect("refused");
    assert!(matches!(err, StoreError::SeqExhausted { .. }), "{err:?}");
    assert!(err.to_string().contains("no event can follow"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "untouched");
}

// ---- 6. a session reached through a symbolic link ----------------------------------------------

#[cfg(unix)]
#[test]
fn a_session_reached_through_a_link_is_written_beside_its_target() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let usb = dir.path().join("usb");
    let desk = dir.path().join("desk");
    fs::create_dir_all(&usb).unwrap();
    fs::create_dir_all(&desk).unwrap();
    let target = usb.join(NAME);
    let link = desk.join(NAME);
    // A link made before the session exists (a dangling link), with a relative target.
    symlink(Path::new("../usb").join(NAME), &link).unwrap();
    let mut w = Writer::create(&link, plan(), t(0)).unwrap();
    w.execute(&remark("写到U盘"), t(1_000)).unwrap();
    w.close(t(2_000)).unwrap();
    let (mut w, _) = reopen(&link, t(3_000)).unwrap();
    w.execute(&remark("再写一条"), t(4_000)).unwrap();
    w.execute(&Command::Next, t(5_000)).unwrap(); // a unit change: a snapshot at once
    w.close(t(6_000)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(remark_texts(&target), vec!["写到U盘", "再写一条"]);
    assert_eq!(
        files(&desk),
        vec![NAME.to_string()],
        "nothing beside the link"
    );
    assert_eq!(files(&usb), vec![NAME.to_string()]);
}

// ---- 7. reports written over the meeting ---------------------------------------------------------

#[test]
fn a_report_never_writes_over_a_session_or_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("meeting.json");
    fs::write(&plan_path, serde_json::to_string_pretty(&plan()).unwrap()).unwrap();
    let session = dir.path().join(NAME);
    let mut w = Writer::create(&session, plan(), t(0)).unwrap();
    w.execute(&remark("会议记录"), t(1_000)).unwrap();
    w.close(t(2_000)).unwrap();
    let other_session = dir.path().join("other.session.json");
    fs::copy(&session, &other_session).unwrap();
    let renamed_plan = dir.path().join("方案（最终版）.txt");
    fs::copy(&plan_path, &renamed_plan).unwrap();
    let journal = dir.path().join(JOURNAL);
    let lock = dir.path().join(LOCK);
    let report = |out: &Path, format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["report", "--lang", "en", "--format", format])
            .arg(&session)
            .arg("-o")
            .arg(out)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    for out in [
        &session,
        &plan_path,
        &other_session,
        &renamed_plan,
        &journal,
        &lock,
        &dir.path().join("new.session.json"),
    ] {
        let before = fs::read(out).ok();
        for format in ["md", "xlsx", "json", "csv"] {
            let result = report(out, format);
            let err = String::from_utf8_lossy(&result.stderr);
            assert!(
                !result.status.success(),
                "{} ({format}): refused",
                out.display()
            );
            assert!(err.contains("never replaces it"), "{err}");
            assert_eq!(fs::read(out).ok(), before, "{}: untouched", out.display());
        }
    }
    assert_eq!(remark_texts(&session), vec!["会议记录"]);
    // An ordinary file is written, also over an older report.
    let minutes = dir.path().join("纪要.md");
    fs::write(&minutes, "旧的纪要").unwrap();
    let result = report(&minutes, "md");
    assert!(result.status.success(), "{result:?}");
    assert!(fs::read_to_string(&minutes).unwrap().contains("会议记录"));
}

// ---- found by the hostile review of the fixes above ----------------------------------------------

/// Only a last line without its line end can be a write cut short: whole lines that cannot be
/// read (damage, or events of a newer podium) are refused, never dropped.
#[test]
fn whole_unreadable_journal_lines_are_refused_not_dropped() {
    let (dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    w.execute(&remark("一"), t(1_000)).unwrap();
    drop(w);
    let journal = dir.path().join(JOURNAL);
    let mut bytes = fs::read(&journal).unwrap();
    for seq in 2..5 {
        bytes.extend_from_slice(
            format!(
                "{{\"seq\":{seq},\"at\":\"2026-05-30T09:00:02+08:00\",\"type\":\"ballot_cast\"}}\n"
            )
            .as_bytes(),
        );
    }
    fs::write(&journal, &bytes).unwrap();
    let err = Writer::open(&path, t(5_000)).err().expect("refused");
    assert!(
        matches!(err, StoreError::JournalUnreadable { line: 2, .. }),
        "{err:?}"
    );
    assert!(store::read(&path).is_err(), "readers refuse it too");
    assert_eq!(
        fs::read(&journal).unwrap(),
        bytes,
        "the journal is untouched"
    );
    // A last line cut short (no line end) is still a torn write, dropped and reported.
    let mut w = {
        fs::write(&journal, b"").unwrap();
        Writer::open(&path, t(6_000)).unwrap().0
    };
    w.execute(&remark("二"), t(7_000)).unwrap();
    drop(w);
    let mut torn = fs::read(&journal).unwrap();
    torn.extend_from_slice(b"{\"seq\":9,\"at\":");
    fs::write(&journal, &torn).unwrap();
    let (_, report) = Writer::open(&path, t(8_000)).unwrap();
    assert!(report.torn_tail);
}

/// A lock file or journal that is a link (to the session, to a plan) is never written through.
#[cfg(unix)]
#[test]
fn a_lock_file_or_journal_that_is_a_link_is_refused() {
    use std::os::unix::fs::symlink;
    let (dir, path) = folder();
    Writer::create(&path, plan(), t(0))
        .unwrap()
        .close(t(0))
        .unwrap();
    let session = fs::read(&path).unwrap();
    let lock = dir.path().join(LOCK);
    let _ = fs::remove_file(&lock);
    symlink(NAME, &lock).unwrap();
    let err = Writer::open(&path, t(1_000)).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurs { .. }), "{err:?}");
    assert_eq!(
        fs::read(&path).unwrap(),
        session,
        "the session is untouched"
    );
    fs::remove_file(&lock).unwrap();
    // A lock file holding something else than a process id.
    fs::write(&lock, "version = 4\n[inputs]\n").unwrap();
    let err = Writer::open(&path, t(1_000)).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurs { .. }), "{err:?}");
    assert_eq!(
        fs::read_to_string(&lock).unwrap(),
        "version = 4\n[inputs]\n"
    );
    fs::remove_file(&lock).unwrap();
    // A journal that is a link to a plan.
    let plan_path = dir.path().join("plan2.json");
    fs::write(&plan_path, "{\"title\": \"会\", \"units\": []}").unwrap();
    symlink("plan2.json", dir.path().join(JOURNAL)).unwrap();
    assert!(Writer::open(&path, t(2_000)).is_err());
    assert_eq!(
        fs::read_to_string(&plan_path).unwrap(),
        "{\"title\": \"会\", \"units\": []}",
        "the plan is untouched"
    );
}

/// A writer only takes a name ending in `.session.json`: `notes.json` would take `notes.lock`
/// and `notes.draft`, which may be the user's own files.
#[test]
fn a_writer_takes_only_session_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flake.json");
    fs::write(dir.path().join("flake.lock"), "the user's own lock\n").unwrap();
    let err = Writer::create(&path, plan(), t(0)).err().expect("refused");
    assert!(matches!(err, StoreError::NotSessionName { .. }), "{err:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("flake.lock")).unwrap(),
        "the user's own lock\n"
    );
    assert!(!path.exists());
}

/// Someone deletes the lock file while a writer has the session open: the writer notices at
/// its next write, writes nothing more there (another writer may have it now), and keeps the
/// events for a copy elsewhere.
#[test]
fn a_writer_whose_lock_file_was_deleted_stops_writing_there() {
    let (dir, path) = folder();
    let mut first = Writer::create(&path, plan(), t(0)).unwrap();
    first.execute(&remark("第一个写入者"), t(1_000)).unwrap();
    fs::remove_file(dir.path().join(LOCK)).unwrap();
    // A second writer can now come in (as podium scores would).
    let (mut second, _) = Writer::open(&path, t(2_000)).expect("a new lock file is taken");
    second.execute(&remark("第二个写入者"), t(3_000)).unwrap();
    second.close(t(4_000)).unwrap();
    first.execute(&remark("之后"), t(5_000)).unwrap();
    assert!(
        matches!(first.save_error(), Some(e) if e.contains("deleted or replaced")),
        "{:?}",
        first.save_error()
    );
    assert_eq!(first.unsaved(), 1);
    assert!(
        first.close(t(6_000)).is_err(),
        "the first writer writes nothing more"
    );
    assert_eq!(
        remark_texts(&path),
        vec!["第一个写入者", "第二个写入者"],
        "the second writer's import is not written over"
    );
}

/// A write that fails leaves no temporary file holding the space a full disk needs.
#[test]
fn a_failed_atomic_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("busy");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside"), "x").unwrap();
    let temp = dir.path().join(".busy.tmp");
    assert!(store::write_atomic(&target, &temp, b"data").is_err());
    assert!(!temp.exists());
}

/// A copy is never given a name whose journal or lock is there: that journal would be read
/// into the copy.
#[test]
fn a_copy_is_never_named_after_another_meetings_journal() {
    let (_dir, path) = folder();
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    w.execute(&remark("今天"), t(1_000)).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut old = Writer::create(&elsewhere.path().join(NAME), plan(), t(0)).unwrap();
    for i in 0..4 {
        old.execute(&remark(&format!("旧会议{i}")), t(1_000))
            .unwrap();
    }
    drop(old); // a crash: a journal and a lock beside an old session of the same name
    fs::remove_file(elsewhere.path().join(NAME)).unwrap();
    let copy = w.save_copy(elsewhere.path(), t(2_000)).unwrap();
    assert_eq!(copy, elsewhere.path().join("meeting-2.session.json"));
    assert_eq!(remark_texts(&copy), vec!["今天"]);
}

/// `-o /dev/stdout` while the shell appends stdout to a file adds to it; a journal of a
/// session with another name is refused like any journal.
#[cfg(unix)]
#[test]
fn a_report_to_stdout_appends_and_journals_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join(NAME);
    let mut w = Writer::create(&session, plan(), t(0)).unwrap();
    w.execute(&remark("会议记录"), t(1_000)).unwrap();
    w.close(t(2_000)).unwrap();
    let all = dir.path().join("all.md");
    fs::write(&all, "PREVIOUS\n").unwrap();
    let appended = fs::OpenOptions::new().append(true).open(&all).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["report", "--lang", "en", "--format", "md"])
        .arg(&session)
        .args(["-o", "/dev/stdout"])
        .stdin(std::process::Stdio::null())
        .stdout(appended)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = fs::read_to_string(&all).unwrap();
    assert!(text.starts_with("PREVIOUS\n"), "kept: {text:.40}");
    assert!(text.contains("会议记录"));

    let journal = dir.path().join("other.journal");
    let line = "{\"seq\":2,\"at\":\"2026-05-30T09:00:02+08:00\",\"type\":\"talk_started\",\"unit\":\"甲\"}\n";
    fs::write(&journal, line).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["report", "--lang", "en", "--format", "csv"])
        .arg(&session)
        .arg("-o")
        .arg(&journal)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(fs::read_to_string(&journal).unwrap(), line);
}
