//! Disk trouble: a disk that fills up mid-meeting. podium keeps the meeting going in memory,
//! says so, retries, and never damages or shortens the session file on disk.

mod common {
    pub mod full_disk;
}

use chrono::{DateTime, Duration, FixedOffset};
use common::full_disk::FullDisk;
use podium::planfile;
use podium::session::{Command, RemarkKind};
use podium::store::{self, Writer};
use podium::strings::Lang;
use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

fn t(s: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap() + Duration::seconds(s)
}

fn plan() -> podium::plan::Plan {
    let text = r#"{"title": "会", "units": [{"name": "甲"}, {"name": "乙"}]}"#;
    planfile::parse("plan.json", text, Lang::En).unwrap().plan
}

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("甲".into()),
        reviewer: "评委".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

fn texts(session: &podium::session::Session) -> Vec<String> {
    session
        .state()
        .remarks
        .iter()
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn a_full_disk_keeps_the_meeting_and_never_damages_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.session.json");
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    w.execute(&remark("一"), t(1)).unwrap();
    w.snapshot(t(2)).unwrap();
    let on_disk = fs::read(&path).unwrap();

    // Room for about one more journal line, then the disk is full.
    let budget = Arc::new(AtomicU64::new(150));
    w.set_disk(Box::new(FullDisk {
        budget: budget.clone(),
    }));
    for (i, text) in ["二", "三", "四", "五"].iter().enumerate() {
        w.execute(&remark(text), t(3 + i as i64)).unwrap();
    }
    // The meeting goes on in memory, and says that saving fails.
    assert_eq!(texts(w.session()), ["一", "二", "三", "四", "五"]);
    let error = w.save_error().expect("the failure is reported");
    assert!(error.contains("no space left"), "{error}");
    assert!(w.unsaved() >= 3, "unsaved {}", w.unsaved());

    // A retry while the disk is still full fails and leaves the session file as it was.
    assert!(w.tick(t(20)).is_err());
    assert_eq!(
        fs::read(&path).unwrap(),
        on_disk,
        "the session file is untouched"
    );
    // A reader still opens the last good state (the cut journal line is dropped).
    let read = store::read(&path).unwrap();
    assert!(texts(&read).starts_with(&["一".to_string()]));

    // Space is freed: the next retry saves everything.
    budget.store(u64::MAX / 2, Ordering::SeqCst);
    assert!(w.tick(t(40)).unwrap());
    assert_eq!(w.save_error(), None);
    assert_eq!(w.unsaved(), 0);
    let read = store::read(&path).unwrap();
    assert_eq!(texts(&read), ["一", "二", "三", "四", "五"]);

    // And appends work again after it.
    w.execute(&remark("六"), t(41)).unwrap();
    w.close(t(42)).unwrap();
    let read = store::read(&path).unwrap();
    assert_eq!(texts(&read), ["一", "二", "三", "四", "五", "六"]);
}

#[test]
fn a_failed_snapshot_keeps_the_journal_and_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.session.json");
    let mut w = Writer::create(&path, plan(), t(0)).unwrap();
    let on_disk = fs::read(&path).unwrap();
    // Enough for journal lines, never for a whole snapshot.
    let budget = Arc::new(AtomicU64::new(600));
    w.set_disk(Box::new(FullDisk {
        budget: budget.clone(),
    }));
    w.execute(&remark("一"), t(1)).unwrap();
    assert_eq!(w.save_error(), None, "the journal append itself worked");
    // The snapshot due two seconds later cannot be written.
    assert!(w.tick(t(4)).is_err());
    assert!(w.save_error().is_some());
    assert_eq!(fs::read(&path).unwrap(), on_disk, "never half-written");
    // Nothing is lost: the journal holds the event.
    assert_eq!(texts(&store::read(&path).unwrap()), ["一"]);
    drop(w);
    let (reopened, report) = Writer::open(&path, t(10)).unwrap();
    assert_eq!(report.replayed, 1);
    assert_eq!(texts(reopened.session()), ["一"]);
}
