//! The language follows the user, then the meeting, in real processes: a console run on an
//! English machine remembers English in its session (and its reports then speak English on a
//! machine whose locale names no language); a note-taker and a remote display on such a
//! machine speak the language of the host's meeting (its plan's, which the host's `Welcome`
//! carries). Every process here is given the whole language environment it depends on.

mod common {
    pub mod net;
    pub mod pty;
}

use common::net::{COLS, FIRST_UNIT, Host, ROWS, WAIT};
use common::pty::{Term, copy_plan};

fn session_lang(path: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(path).expect("the session file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["lang"].as_str().map(str::to_string)
}

fn report_md(dir: &std::path::Path, session: &str, vars: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_podium"));
    command
        .args(["report", session, "--format", "md"])
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG");
    for (key, value) in vars {
        command.env(key, value);
    }
    let out = command.output().expect("podium report runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_meeting_run_in_english_is_remembered_in_english() {
    let dir = tempfile::tempdir().expect("dir");
    copy_plan(dir.path(), "city-report.json");
    // The Chinese plan on an English machine, no option: the console speaks English.
    let mut t = Term::spawn_full(
        dir.path(),
        &["run", "city-report.json"],
        100,
        30,
        &[("LANG", "en_US.UTF-8")],
    );
    t.wait_for(FIRST_UNIT, WAIT);
    t.wait_for("Agenda", WAIT);
    t.send("q");
    t.wait_for("Quit podium?", WAIT);
    t.send("y");
    assert!(t.wait_exit(WAIT).success());
    let session = dir.path().join("city-report.session.json");
    assert_eq!(session_lang(&session).as_deref(), Some("en"));
    // A machine whose locale names no language: the report speaks the session's language.
    let md = report_md(dir.path(), "city-report.session.json", &[("LANG", "C")]);
    assert!(
        md.contains("## 1. Overview") && !md.contains("## 一、基本情况"),
        "{md}"
    );
    // Told otherwise, it does as told.
    let md = report_md(
        dir.path(),
        "city-report.session.json",
        &[("PODIUM_LANG", "zh")],
    );
    assert!(md.contains("## 一、基本情况"), "{md}");

    // Resumed in Chinese (`--lang zh`): the session now remembers Chinese.
    let mut t = Term::spawn_full(
        dir.path(),
        &["run", "city-report.json", "--lang", "zh"],
        100,
        30,
        &[("LANG", "en_US.UTF-8")],
    );
    t.wait_for(FIRST_UNIT, WAIT);
    t.send("q");
    t.wait_for("退出 podium？", WAIT);
    t.send("y");
    assert!(t.wait_exit(WAIT).success());
    assert_eq!(session_lang(&session).as_deref(), Some("zh"));
    let md = report_md(dir.path(), "city-report.session.json", &[]);
    assert!(md.contains("## 一、基本情况"), "{md}");
}

#[test]
fn a_note_taker_and_a_remote_display_speak_the_hosts_meetings_language() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = Host::start(dir.path());
    let elsewhere = tempfile::tempdir().expect("the note-taker's laptop");
    let outbox = elsewhere.path().join("outbox.json");
    let outbox = outbox.to_str().expect("a UTF-8 path");
    // A laptop whose locale names no language, no option: the host's Chinese meeting.
    let mut note = Term::spawn_full(
        elsewhere.path(),
        &[
            "join",
            &host.addr,
            "--name",
            "王记录",
            "--code",
            &host.code,
            "--outbox",
            outbox,
        ],
        COLS,
        ROWS,
        &[("LANG", "C"), ("LC_ALL", "C")],
    );
    note.wait_for("已连接主持人", WAIT);
    let mut display = Term::spawn_full(
        elsewhere.path(),
        &["display", &host.addr, "--code", &host.code],
        COLS,
        ROWS,
        &[("LANG", "C.UTF-8")],
    );
    display.wait_for(FIRST_UNIT, WAIT);
    host.start_talk();
    display.wait_for("计时中", WAIT);
    note.wait_for("汇报中", WAIT);
    display.send("q");
    display.wait_exit(WAIT);
    note.send("q");
    note.wait_for("退出 podium？", WAIT);
    note.send("y");
    note.wait_exit(WAIT);
    // The locale, when it names a language, still comes first.
    let mut display = Term::spawn_full(
        elsewhere.path(),
        &["display", &host.addr, "--code", &host.code],
        COLS,
        ROWS,
        &[("LANG", "en_US.UTF-8")],
    );
    display.wait_for(FIRST_UNIT, WAIT);
    display.wait_for("on time", WAIT);
    display.send("q");
    display.wait_exit(WAIT);
    host.quit();
}
