//! The sessions of one plan, from the command line without a terminal (stdin is not a tty):
//! `podium sessions PLAN` lists them newest first; `report`, `scores` and `display` given the
//! plan use its newest session, and refuse with the candidates when more than one could be
//! meant; `scores PLAN FILE` makes the first session when none exists; `check` on a session
//! says what it is.

use podium::session::Command;
use podium::store::Writer;
use podium::strings::Lang;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

const PLAN: &str = r#"{"title": "季度交流汇报会", "units": [{"name": "城东街道"}, {"name": "城西街道"}],
  "reviewers": [{"name": "张评委"}]}"#;

fn podium(dir: &Path, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "")
        .env_remove("PODIUM_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("podium runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn at(s: &str) -> podium::session::Time {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn plan_in(dir: &Path) -> PathBuf {
    let path = dir.join("季度.json");
    std::fs::write(&path, PLAN).unwrap();
    path
}

/// A session of the plan named `name`, its first talk started at `when`, ended when `ended`.
fn session(dir: &Path, name: &str, when: &str, ended: bool) -> PathBuf {
    let plan = podium::planfile::parse("季度.json", PLAN, Lang::Zh)
        .unwrap()
        .plan;
    let path = dir.join(name);
    let t = at(when);
    let mut w = Writer::create(&path, plan, t).unwrap();
    w.execute(&Command::ToggleTalk, t).unwrap();
    w.execute(&Command::Next, t).unwrap();
    if ended {
        w.execute(&Command::EndMeeting, t).unwrap();
    }
    w.close(t).unwrap();
    path
}

#[test]
fn sessions_lists_the_plans_sessions_newest_first_in_aligned_columns() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let out = podium(dir.path(), &["sessions", "季度.json", "--lang", "zh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("还没有会议记录"), "{}", stdout(&out));

    session(
        dir.path(),
        "季度.session.json",
        "2026-11-20T09:00:00+08:00",
        true,
    );
    session(
        dir.path(),
        "季度-20261204-213413.session.json",
        "2026-12-04T21:42:00+08:00",
        false,
    );
    // Look-alikes of another plan.
    session(
        dir.path(),
        "季度总结.session.json",
        "2026-12-05T08:00:00+08:00",
        false,
    );
    session(
        dir.path(),
        "季度-notes.session.json",
        "2026-12-05T08:00:00+08:00",
        false,
    );

    let out = podium(dir.path(), &["sessions", "季度.json", "--lang", "zh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("最后改动") && lines[0].contains("会议记录文件"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2026-12-04 21:42  季度-20261204-213413.session.json"),
        "{text}"
    );
    assert!(
        lines[1].contains("1/2") && lines[1].ends_with("进行中"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("2026-11-20 09:00  季度.session.json "),
        "{text}"
    );
    assert!(lines[2].ends_with("已结束"), "{text}");
    // The third column starts at the same display column on every line.
    let column = |line: &str, at: &str| {
        let i = line.find(at).unwrap();
        podium::text::width(&line[..i], podium::text::Ambiguous::Narrow)
    };
    assert_eq!(column(lines[0], "已完成"), column(lines[1], "1/2"));
    assert_eq!(column(lines[1], "1/2"), column(lines[2], "1/2"));

    let out = podium(dir.path(), &["sessions", "季度.json", "--lang", "en"]);
    let text = stdout(&out);
    assert!(text.starts_with("Last change"), "{text}");
    assert!(
        text.contains("ended") && text.contains("in progress"),
        "{text}"
    );
}

#[test]
fn report_scores_and_display_refuse_a_plan_with_sessions_in_doubt_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    // One session: the plan means it, ended or not.
    session(
        dir.path(),
        "季度.session.json",
        "2026-11-20T09:00:00+08:00",
        true,
    );
    let out = podium(
        dir.path(),
        &["report", "季度.json", "--format", "md", "--lang", "zh"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("季度交流汇报会"));
    assert!(
        stderr(&out).contains("季度.session.json"),
        "{}",
        stderr(&out)
    );

    // Two, the newest ended: which one is meant is unclear, and nobody can be asked.
    session(
        dir.path(),
        "季度-20261204-213413.session.json",
        "2026-12-04T21:42:00+08:00",
        true,
    );
    std::fs::write(
        dir.path().join("s.csv"),
        "单位,评委,指标,得分\n城东街道,张评委,总分,90\n",
    )
    .unwrap();
    for args in [
        &["report", "季度.json", "--lang", "zh"][..],
        &["scores", "季度.json", "s.csv", "--lang", "zh"][..],
        &["display", "季度.json", "--lang", "zh"][..],
    ] {
        let out = podium(dir.path(), args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("无法确定"), "{args:?}: {err}");
        assert!(
            err.contains("季度-20261204-213413.session.json"),
            "{args:?}: {err}"
        );
        assert!(err.contains("季度.session.json"), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "podium {} 季度-20261204-213413.session.json",
                args[0]
            )),
            "{args:?}: {err}"
        );
    }
    // The session file itself is never in doubt.
    let out = podium(dir.path(), &["report", "季度.session.json", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Nothing was written by the refused import.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(".lock") || n.ends_with(".journal")),
        "{names:?}"
    );
}

#[test]
fn scores_for_a_plan_no_console_ran_makes_its_first_session() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    // A bad row: nothing is made.
    std::fs::write(
        dir.path().join("bad.csv"),
        "单位,评委,指标,得分\n城北街道,张评委,总分,90\n",
    )
    .unwrap();
    let out = podium(
        dir.path(),
        &["scores", "季度.json", "bad.csv", "--lang", "zh"],
    );
    assert!(!out.status.success());
    assert!(!dir.path().join("季度.session.json").exists());
    // Good rows: the session is made and holds them.
    std::fs::write(
        dir.path().join("s.csv"),
        "单位,评委,指标,得分\n城东街道,张评委,总分,90\n",
    )
    .unwrap();
    let out = podium(
        dir.path(),
        &["scores", "季度.json", "s.csv", "--lang", "zh"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("已新建会议记录 季度.session.json"),
        "{}",
        stderr(&out)
    );
    let session = podium::store::read(&dir.path().join("季度.session.json")).unwrap();
    assert_eq!(
        session.state().scores.value("城东街道", "张评委", 0),
        Some(900_000)
    );
    // Again: into the same session, nothing new made.
    let out = podium(
        dir.path(),
        &["scores", "季度.json", "s.csv", "--lang", "en"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("started the session"),
        "{}",
        stderr(&out)
    );
    // The session that took them is named, as `report PLAN` names the one it reads.
    assert!(
        stderr(&out).contains("季度.session.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_on_a_session_says_it_is_a_session() {
    let dir = tempfile::tempdir().unwrap();
    session(
        dir.path(),
        "季度.session.json",
        "2026-11-20T09:00:00+08:00",
        true,
    );
    let out = podium(dir.path(), &["check", "季度.session.json", "--lang", "zh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("是 podium 的会议记录") && text.contains("季度交流汇报会"),
        "{text}"
    );
    assert!(
        text.contains("2 个汇报单位") && text.contains("podium sessions"),
        "{text}"
    );
    assert!(!stderr(&out).contains("format"), "{}", stderr(&out));
    let out = podium(dir.path(), &["check", "季度.session.json", "--lang", "en"]);
    assert!(
        stdout(&out).contains("is a podium session, not a plan"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_score_sheet_that_cannot_be_read_is_said_in_the_meetings_language() {
    // No language from the user (no flag, no PODIUM_LANG, no locale): the Chinese meeting's.
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let plan = plan.to_str().unwrap();
    // Before any session: the plan's language, and no session is made.
    let out = podium(dir.path(), &["scores", plan, "missing.csv"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("missing.csv") && err.contains("找不到"),
        "{err}"
    );
    assert!(!dir.path().join("季度.session.json").exists(), "{err}");
    // With a session: the session's language.
    session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T09:00:00+08:00",
        false,
    );
    let out = podium(dir.path(), &["scores", plan, "missing.csv"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("missing.csv") && err.contains("找不到"),
        "{err}"
    );
    // A sheet with its header and no rows, and an empty file, too.
    std::fs::write(dir.path().join("header.csv"), "单位,评委,指标,得分\n").unwrap();
    std::fs::write(dir.path().join("empty.csv"), "").unwrap();
    let out = podium(dir.path(), &["scores", plan, "header.csv"]);
    let err = stderr(&out);
    assert!(err.contains("header.csv：表头下面没有评分行"), "{err}");
    let out = podium(dir.path(), &["scores", plan, "empty.csv"]);
    let err = stderr(&out);
    assert!(err.contains("empty.csv：文件是空的"), "{err}");
    // Told otherwise, English.
    let out = podium(dir.path(), &["scores", plan, "missing.csv", "--lang", "en"]);
    let err = stderr(&out);
    assert!(
        err.contains("missing.csv") && !err.contains("找不到"),
        "{err}"
    );
}

/// A score sheet that is refused leaves the session file exactly as it was, even one of an
/// older version (which opening for writing would bring up to this version).
#[test]
fn a_refused_score_sheet_leaves_an_older_versions_session_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let path = session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["version"] = serde_json::Value::from(1);
    for event in file["events"].as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("elapsed_ms");
    }
    let old = serde_json::to_string(&file).unwrap();
    std::fs::write(&path, &old).unwrap();
    std::fs::write(
        dir.path().join("bad.csv"),
        "单位,评委,指标,得分\n城北街道,张评委,总分,90\n",
    )
    .unwrap();
    for target in ["季度.session.json", "季度.json"] {
        let out = podium(dir.path(), &["scores", target, "bad.csv", "--lang", "zh"]);
        assert!(!out.status.success(), "{target}");
        assert!(stderr(&out).contains("城北街道"), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), old, "{target}");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(".lock") || n.ends_with(".journal")),
        "{names:?}"
    );
}

/// `podium` without a controlling terminal: through `setsid` when this test has one (or
/// `None` when it has one and `setsid` is not there to drop it).
fn podium_without_a_terminal(dir: &Path, args: &[&str]) -> Option<Output> {
    let has_tty = std::fs::File::open("/dev/tty").is_ok();
    let mut cmd = if has_tty {
        let mut cmd = Process::new("setsid");
        cmd.arg(env!("CARGO_BIN_EXE_podium"));
        cmd
    } else {
        Process::new(env!("CARGO_BIN_EXE_podium"))
    };
    cmd.args(args)
        .current_dir(dir)
        .env_remove("PODIUM_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()
}

/// `podium run` where the console cannot start (no terminal): no session is made (an empty
/// one would become the plan's newest, and `report PLAN` would take it for the meeting), and
/// an existing one, even of an older version, is not rewritten.
#[cfg(unix)]
#[test]
fn run_without_a_terminal_makes_no_session_and_rewrites_none() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    for args in [
        &["run", "季度.json", "--lang", "zh"][..],
        &["run", "季度.json", "--new", "--lang", "zh"],
    ] {
        let Some(out) = podium_without_a_terminal(dir.path(), args) else {
            eprintln!("skipped: a terminal and no setsid to leave it");
            return;
        };
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains("无法使用终端"), "{}", stderr(&out));
        assert_eq!(listing(), ["季度.json"], "{args:?}");
    }
    let path = session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["version"] = serde_json::Value::from(1);
    for event in file["events"].as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("elapsed_ms");
    }
    let old = serde_json::to_string(&file).unwrap();
    std::fs::write(&path, &old).unwrap();
    let out = podium_without_a_terminal(dir.path(), &["run", "季度.session.json"]).unwrap();
    assert!(!out.status.success());
    // Said in the session's language (its plan's: Chinese).
    assert!(stderr(&out).contains("无法使用终端"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);
    assert_eq!(listing(), ["季度.json", "季度.session.json"]);
}

/// A session recorded with a clock that was ahead stays the newest whatever runs later: it
/// is in doubt, so a plan given without a terminal is refused, naming it.
#[test]
fn a_session_whose_last_change_is_in_the_future_is_in_doubt() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let now = chrono::Local::now().fixed_offset();
    let fmt = |t: podium::session::Time| t.to_rfc3339();
    session(
        dir.path(),
        "季度.session.json",
        &fmt(now + chrono::Duration::days(400)),
        false,
    );
    session(
        dir.path(),
        "季度-20261204-213413.session.json",
        &fmt(now - chrono::Duration::minutes(5)),
        false,
    );
    let out = podium(dir.path(), &["report", "季度.json", "--lang", "en"]);
    assert!(!out.status.success(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the newest (季度.session.json) was last changed in the future"),
        "{err}"
    );
    assert!(err.contains("季度-20261204-213413.session.json"), "{err}");
}

/// A session another podium holds open: `scores` says so in the meeting's language.
#[test]
fn scores_into_a_session_open_elsewhere_is_refused_in_the_meetings_language() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let path = session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    let (held, _) = Writer::open(&path, at("2026-12-04T21:05:00+08:00")).unwrap();
    std::fs::write(
        dir.path().join("s.csv"),
        "单位,评委,指标,得分\n城东街道,张评委,总分,90\n",
    )
    .unwrap();
    let out = podium(dir.path(), &["scores", "季度.session.json", "s.csv"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("会议记录 季度.session.json 已在另一个 podium 中打开（进程 ")
            && err.contains("Ctrl+O"),
        "{err}"
    );
    assert!(!err.contains("is open in another"), "{err}");
    drop(held);
}

/// The newest session cannot be read (here: not text): `run PLAN` opens nothing, names it and
/// says how to go on; `sessions` lists it with the reason instead of passing over it (which
/// made an older session the newest without a word).
#[test]
fn an_unreadable_newest_session_is_named_with_the_way_on() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let older = session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    let before = std::fs::read(&older).unwrap();
    std::fs::write(
        dir.path().join("季度-20261205-093000.session.json"),
        b"\xff\xfe damaged",
    )
    .unwrap();
    let out = podium(dir.path(), &["sessions", "季度.json", "--lang", "zh"]);
    assert!(
        stdout(&out).contains("季度-20261205-093000.session.json"),
        "{}",
        stdout(&out)
    );
    let out = podium(dir.path(), &["run", "季度.json", "--lang", "zh"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("最近的会议记录 季度-20261205-093000.session.json 无法读取")
            && err.contains("podium run 季度.json --new"),
        "{err}"
    );
    assert_eq!(std::fs::read(&older).unwrap(), before);
}

/// `podium sessions` given a session file (of a Chinese meeting) and no language: the table
/// is in the meeting's language, as it is given the plan.
#[test]
fn sessions_given_a_session_speaks_the_meetings_language() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    for arg in ["季度.json", "季度.session.json"] {
        let out = podium(dir.path(), &["sessions", arg]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).starts_with("最后改动"),
            "{arg}: {}",
            stdout(&out)
        );
    }
}

/// A plan saved under a session's name is refused by `report`, `scores` and `run`: taken for
/// a plan, it stood for the sessions of the plan its name names, and `report` printed another
/// file's meeting.
#[test]
fn a_plan_named_like_a_session_is_refused_not_taken_for_another_plan() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    session(
        dir.path(),
        "季度.session.json",
        "2026-12-04T21:00:00+08:00",
        false,
    );
    let odd = "季度-20261205-010101.session.json";
    std::fs::write(dir.path().join(odd), PLAN).unwrap();
    std::fs::write(
        dir.path().join("s.csv"),
        "单位,评委,指标,得分\n城东街道,张评委,总分,90\n",
    )
    .unwrap();
    for args in [
        &["report", odd, "--format", "csv"][..],
        &["scores", odd, "s.csv"],
        &["run", odd],
    ] {
        let out = podium(dir.path(), args);
        assert!(!out.status.success(), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("的文件名是会议记录的名字，但它不是会议记录"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}
