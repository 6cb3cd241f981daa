//! `podium scores` when the import reached the journal but the session file could not be
//! brought up to date at close (a full disk, or here the snapshot's temporary file name taken
//! by a folder: the snapshot fails while the journal works). The import is saved — every
//! reader sees it, and the next open folds it into the session file — so the command succeeds
//! (exit 0), prints its summary, and warns on stderr saying exactly what was saved and where.
//! It used to exit 1 with only the write error, as if nothing had been imported.

mod common {
    pub mod clock;
}

use common::clock::t0;
use podium::planfile;
use podium::store::{self, Writer};
use podium::strings::Lang;
use std::fs;
use std::process::Command;

const PLAN: &str = r#"{"title": "Quarterly review", "date": "2026-05-30", "start": "09:00",
  "units": [{"name": "East"}, {"name": "West"}],
  "reviewers": [{"name": "Lead A"}, {"name": "Rep B"}],
  "scoring": {"criteria": [{"name": "Duty", "max": 40}, {"name": "Goal", "max": 60}]}}"#;

const SCORES: &str = "unit,reviewer,criterion,score\n\
East,Lead A,Duty,30\nEast,Lead A,Goal,50\nEast,Rep B,Duty,35\nEast,Rep B,Goal,55\n";

#[test]
fn scores_saved_in_the_journal_only_succeed_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.session.json");
    let plan = planfile::parse("plan.json", PLAN, Lang::En)
        .expect("plan valid")
        .plan;
    Writer::create(&path, plan, t0())
        .expect("session created")
        .close(t0())
        .expect("closed");
    let before = fs::read(&path).expect("session file");
    let csv = dir.path().join("scores.csv");
    fs::write(&csv, SCORES).expect("scores written");
    // The snapshot's temporary file cannot be created: the session file cannot be replaced.
    let blocker = dir.path().join(".meeting.session.json.tmp");
    fs::create_dir(&blocker).expect("blocker");

    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["scores", "--lang", "en"])
        .arg(&path)
        .arg(&csv)
        .output()
        .expect("podium ran");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stdout.contains("4 rows — 4 new"), "{stdout}");
    assert!(
        stderr.contains(
            "warning: the 4 scores are saved in the journal meeting.session.journal, but the session file could not be brought up to date"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing is lost"), "{stderr}");
    assert_eq!(
        fs::read(&path).expect("session file"),
        before,
        "not replaced"
    );

    // Every reader sees the scores now; the next open brings the session file up to date.
    let session = store::read(&path).expect("readable");
    assert_eq!(
        session.state().scores.value("East", "Rep B", 1),
        Some(550_000)
    );
    fs::remove_dir(&blocker).expect("blocker removed");
    let (writer, _) = Writer::open(&path, t0()).expect("opened");
    writer.close(t0()).expect("closed");
    assert_ne!(
        fs::read(&path).expect("session file"),
        before,
        "brought up to date"
    );
    let text = fs::read_to_string(&path).expect("session file");
    assert!(text.contains("Rep B"), "the scores are in the session file");
}
