//! End-to-end, in a pseudo-terminal: which session `podium run PLAN` opens. After `--new`,
//! the plain command resumes the newest (dated) session and names it on the screen; an ended
//! session is asked about before the console opens (Enter resumes it, `n` starts a new one).
//! `podium demo` and `podium run --demo` start the built-in demo.

mod common {
    pub mod pty;
}

use common::pty::{TIMEOUT, Term, copy_plan, list_dir};
use podium::session::Command;
use podium::store::Writer;
use podium::strings::Lang;
use std::path::Path;

const PLAN: &str = "city-report.json";
const SESSION: &str = "city-report.session.json";
const RUN: [&str; 4] = ["run", PLAN, "--lang", "zh"];
const ENTER: &str = "\r";

fn open(dir: &Path, args: &[&str]) -> Term {
    let t = Term::spawn(dir, args);
    t.wait_for("市财政局", TIMEOUT);
    t
}

fn quit(t: &mut Term) {
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "podium exited with {status:?}");
}

/// The dated sessions in `dir` (`city-report-YYYYMMDD-HHMMSS….session.json`).
fn dated(dir: &Path) -> Vec<String> {
    list_dir(dir)
        .into_iter()
        .filter(|n| n.starts_with("city-report-") && n.ends_with(".session.json"))
        .collect()
}

#[test]
fn after_new_the_plain_command_resumes_the_newest_session_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    // The rehearsal: a talk started, then quit.
    let mut t = open(dir.path(), &RUN);
    t.send(" ");
    t.wait_for("汇报中", TIMEOUT);
    quit(&mut t);
    // The real meeting: `--new`, then quit before anything happened.
    let mut t = open(dir.path(), &["run", PLAN, "--new", "--lang", "zh"]);
    quit(&mut t);
    let new = dated(dir.path());
    assert_eq!(new.len(), 1, "{:?}", list_dir(dir.path()));
    // The plain command: the dated session, named on the screen, its first unit pending.
    let mut t = open(dir.path(), &RUN);
    t.wait_for(&new[0], TIMEOUT);
    let screen = t.screen();
    assert!(
        !screen.contains("汇报中"),
        "the rehearsal was opened:\n{screen}"
    );
    quit(&mut t);
    // Nothing new was made.
    assert_eq!(dated(dir.path()), new);
}

/// A session of the sample plan last changed long ago (ended when `end`), built with the
/// library.
fn old_session(dir: &Path, end: bool) {
    let text = std::fs::read_to_string(dir.join(PLAN)).unwrap();
    let plan = podium::planfile::parse(PLAN, &text, Lang::Zh).unwrap().plan;
    let at = chrono::DateTime::parse_from_rfc3339("2026-01-05T21:00:00+08:00").unwrap();
    let mut w = Writer::create(&dir.join(SESSION), plan, at).unwrap();
    w.execute(&Command::ToggleTalk, at).unwrap();
    if end {
        w.execute(&Command::EndMeeting, at).unwrap();
    }
    w.close(at).unwrap();
}

fn ended_session(dir: &Path) {
    old_session(dir, true);
}

#[test]
fn a_session_untouched_for_hours_is_asked_about_and_a_wrong_answer_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    old_session(dir.path(), false);
    let mut t = Term::spawn(dir.path(), &RUN);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    let screen = t.screen();
    assert!(screen.contains("小时没有改动"), "{screen}");
    assert!(!screen.contains("已结束"), "{screen}");
    t.send("what\r");
    t.wait_for("请按 Enter 继续这场会议，或输入 n 新开一场", TIMEOUT);
    t.send(ENTER);
    // The old session, its talk still running (the downtime counted).
    t.wait_for("汇报中", TIMEOUT);
    t.wait_for(SESSION, TIMEOUT);
    quit(&mut t);
    assert!(dated(dir.path()).is_empty(), "{:?}", list_dir(dir.path()));
}

#[test]
fn an_ended_session_is_asked_about_enter_resumes_it_and_n_starts_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    ended_session(dir.path());

    // Enter: the ended session, as it was.
    let mut t = Term::spawn(dir.path(), &RUN);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    let screen = t.screen();
    assert!(
        screen.contains(SESSION)
            && screen.contains("已结束")
            && screen.contains("2026-01-05 21:00"),
        "{screen}"
    );
    t.send(ENTER);
    t.wait_for("市财政局", TIMEOUT);
    t.wait_for(SESSION, TIMEOUT);
    quit(&mut t);
    assert!(dated(dir.path()).is_empty(), "{:?}", list_dir(dir.path()));

    // `n`: a new, dated session; the ended one stays as it was.
    let before = std::fs::read(dir.path().join(SESSION)).unwrap();
    let mut t = Term::spawn(dir.path(), &RUN);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    t.send("n\r");
    t.wait_for("市财政局", TIMEOUT);
    let new = dated(dir.path());
    assert_eq!(new.len(), 1, "{:?}", list_dir(dir.path()));
    t.wait_for(&new[0], TIMEOUT);
    quit(&mut t);
    assert_eq!(std::fs::read(dir.path().join(SESSION)).unwrap(), before);

    // The new session is the newest and not in doubt: no question, straight to the console.
    let mut t = open(dir.path(), &RUN);
    t.wait_for(&new[0], TIMEOUT);
    quit(&mut t);
}

/// `Ctrl+D` at the question, or a third answer that is neither Enter nor `n`: nothing is
/// opened or made, and the way to each choice is said. Full-width `ｎ` (a Chinese input
/// method) starts a new session.
#[test]
fn ctrl_d_or_three_wrong_answers_cancel_and_a_full_width_n_starts_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    ended_session(dir.path());
    let before = std::fs::read(dir.path().join(SESSION)).unwrap();
    let listing = list_dir(dir.path());
    for typed in [&["\x04"][..], &["新的\r", "好\r", "是的\r"]] {
        let mut t = Term::spawn(dir.path(), &RUN);
        t.wait_for("按 Enter 继续这场会议", TIMEOUT);
        for answer in typed {
            t.send(answer);
        }
        t.wait_for("没有得到回答，什么也没做", TIMEOUT);
        let status = t.wait_exit(TIMEOUT);
        assert!(!status.success(), "{typed:?}");
        assert!(!t.screen().contains("市财政局"), "{}", t.screen());
        assert_eq!(list_dir(dir.path()), listing, "{typed:?}");
        assert_eq!(std::fs::read(dir.path().join(SESSION)).unwrap(), before);
    }
    let mut t = Term::spawn(dir.path(), &RUN);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    t.send("ｎ\r");
    t.wait_for("市财政局", TIMEOUT);
    let new = dated(dir.path());
    assert_eq!(new.len(), 1, "{:?}", list_dir(dir.path()));
    quit(&mut t);
}

/// Two `podium run PLAN` at once: the second is refused in the meeting's language, saying
/// where to go; nothing is made.
#[test]
fn a_second_run_of_a_session_open_elsewhere_is_refused_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut first = open(dir.path(), &["run", PLAN]);
    let listing = list_dir(dir.path());
    let mut second = Term::spawn(dir.path(), &["run", PLAN]);
    second.wait_for("已在另一个 podium 中打开", TIMEOUT);
    second.wait_for("--new", TIMEOUT);
    assert!(!second.wait_exit(TIMEOUT).success());
    assert_eq!(list_dir(dir.path()), listing);
    quit(&mut first);
}

/// `podium run DATED.session.json --new`: the new session is the plan's
/// (`city-report-DATE-TIME.session.json`), not `city-report-DATE-TIME-DATE-TIME…`, which no
/// command counts as the plan's: the plain command resumes it afterwards.
#[test]
fn new_from_a_dated_session_makes_a_session_of_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    ended_session(dir.path());
    let old = "city-report-20260105-210000.session.json";
    std::fs::rename(dir.path().join(SESSION), dir.path().join(old)).unwrap();
    let mut t = open(dir.path(), &["run", old, "--new", "--lang", "zh"]);
    quit(&mut t);
    let new: Vec<String> = dated(dir.path()).into_iter().filter(|n| n != old).collect();
    assert_eq!(new.len(), 1, "{:?}", list_dir(dir.path()));
    assert!(
        podium::sessions::is_session_name("city-report", &new[0]),
        "{new:?}"
    );
    let mut t = open(dir.path(), &RUN);
    t.wait_for(&new[0], TIMEOUT);
    quit(&mut t);
}

/// Without `--lang` and without a locale that names a language, the question about a
/// Chinese meeting is asked in Chinese (the session's language, else its plan's), not English.
#[test]
fn the_question_speaks_the_meetings_language_when_the_user_chose_none() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    ended_session(dir.path());
    let vars = [("LANG", "C.UTF-8"), ("LC_ALL", ""), ("LC_MESSAGES", "")];
    let mut t = Term::spawn_with_env(dir.path(), &["run", PLAN], &vars);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    t.send(ENTER);
    t.wait_for("市财政局", TIMEOUT);
    quit(&mut t);
}

/// The newest session beside the plan holds a plan with another title (another plan's
/// session, a name reused): the question says so with both titles before it asks.
#[test]
fn a_session_of_a_plan_with_another_title_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let text = std::fs::read_to_string(dir.path().join(PLAN)).unwrap();
    let mut plan = podium::planfile::parse(PLAN, &text, Lang::Zh).unwrap().plan;
    plan.title = "年终述职会".into();
    let at = chrono::Local::now().fixed_offset();
    let mut w = Writer::create(&dir.path().join(SESSION), plan, at).unwrap();
    w.execute(&Command::ToggleTalk, at).unwrap();
    w.close(at).unwrap();
    let mut t = Term::spawn(dir.path(), &RUN);
    t.wait_for("按 Enter 继续这场会议", TIMEOUT);
    let screen = t.screen();
    assert!(
        screen.contains("年终述职会") && screen.contains("可能是另一个计划的会议记录"),
        "{screen}"
    );
    t.send("n\r");
    t.wait_for("市财政局", TIMEOUT);
    quit(&mut t);
}

#[test]
fn demo_and_run_demo_start_the_built_in_demo() {
    for args in [
        &["demo", "--lang", "zh"][..],
        &["run", "--demo", "--lang", "zh"][..],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut t = open(dir.path(), args);
        t.wait_for("演示会议", TIMEOUT);
        quit(&mut t);
        assert_eq!(list_dir(dir.path()), ["podium-demo.session.json"]);
    }
}
