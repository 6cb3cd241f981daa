//! End-to-end: the real `podium` binary in a pseudo-terminal (portable-pty), its screen parsed by
//! vt100, driven by the bytes a keyboard sends, the session file read back afterwards.
//!
//! Each test works in its own temporary folder holding a copy of `data/city-report.json`, runs
//! `podium run city-report.json --lang zh` at 100×30 with LANG=zh_CN.UTF-8 and TERM=xterm-256color.

mod common {
    pub mod pty;
}

use common::pty::{TIMEOUT, Term, copy_plan, list_dir};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

const PLAN: &str = "city-report.json";
const SESSION: &str = "city-report.session.json";
const ARGS: [&str; 4] = ["run", PLAN, "--lang", "zh"];

const SPACE: &str = " ";
const ENTER: &str = "\r";

/// The `record` of the session file in `dir`.
fn record(dir: &Path) -> Value {
    let path = dir.join(SESSION);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut v: Value = serde_json::from_str(&text).expect("the session file is JSON");
    assert_eq!(v["format"], "podium-session");
    v["record"].take()
}

/// Opens the console and waits for the first unit to be on the screen, pending.
fn open(dir: &Path) -> Term {
    let t = Term::spawn(dir, &ARGS);
    t.wait_for("市财政局", TIMEOUT);
    t
}

/// Starts the current talk; returns once the agenda says it is being presented.
fn start_talk(t: &mut Term) {
    t.send(SPACE);
    t.wait_for("汇报中", TIMEOUT);
}

/// `r`, the text typed (or pasted) as `bytes`, Enter; waits until the remarks panel of the first
/// unit counts `count` remarks and shows `shown`.
fn remark(t: &mut Term, bytes: &str, shown: &str, count: usize) {
    t.send("r");
    t.wait_for("新点评", TIMEOUT);
    t.send(bytes);
    t.wait_for(shown, TIMEOUT);
    t.send(ENTER);
    t.wait_gone("新点评", TIMEOUT);
    t.wait_for(&format!("点评 · 市财政局 ({count})"), TIMEOUT);
    t.wait_for(shown, TIMEOUT);
}

/// `q`, then `y`; waits for a clean exit and checks the terminal was given back as it was.
fn quit(t: &mut Term) {
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "podium exited with {status:?}");
}

/// The talk time the agenda shows for unit 1 (`  1 市财政局 … 08:00  00:07 汇报中`), in seconds.
fn agenda_talk_seconds(screen: &str) -> Option<u64> {
    let row = screen.lines().find(|l| l.contains(" 1 市财政局"))?;
    let times: Vec<u64> = row
        .split_whitespace()
        .filter_map(|w| {
            let (m, s) = w.split_once(':')?;
            if m.len() == 2 && s.len() == 2 {
                Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
            } else {
                None
            }
        })
        .collect();
    // The planned time (08:00), then the time used.
    times.get(1).copied()
}

#[test]
fn a_chinese_remark_typed_during_a_talk_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = open(dir.path());

    start_talk(&mut t);
    remark(&mut t, "职责清晰，目标明确", "职责清晰，目标明确", 1);
    quit(&mut t);

    let r = record(dir.path());
    let u = &r["units"][0];
    assert_eq!(u["name"], "市财政局");
    assert_eq!(u["remarks"][0]["text"], "职责清晰，目标明确", "{u:#}");
    assert_eq!(u["remarks"].as_array().unwrap().len(), 1);
    assert_eq!(
        u["status"], "presenting",
        "the talk was running at quit: {u:#}"
    );
    assert_eq!(r["units"][1]["status"], "pending");
    assert_eq!(r["general_remarks"].as_array().map(Vec::len), Some(0));

    // A clean quit leaves no journal, lock or draft behind.
    assert_eq!(list_dir(dir.path()), [PLAN, SESSION]);
    // The terminal is given back: main screen, cursor shown, bracketed paste off.
    assert_eq!(
        t.modes(),
        (false, false, false),
        "(alternate screen, hidden cursor, paste)"
    );
}

#[cfg(unix)]
#[test]
fn sigkill_during_a_talk_loses_nothing_and_the_talk_keeps_running() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = open(dir.path());

    let before_start = Instant::now();
    start_talk(&mut t);
    // The talk started at or before this instant.
    let started_by = Instant::now();
    remark(&mut t, "断电前的点评", "断电前的点评", 1);
    std::thread::sleep(Duration::from_secs(1));

    t.sigkill();
    drop(t);
    // The laptop is down for 3 s; the speaker goes on talking.
    std::thread::sleep(Duration::from_secs(3));

    let relaunched = Instant::now();
    let mut t = open(dir.path());
    t.wait_for("已恢复", TIMEOUT);
    t.wait_for("汇报中", TIMEOUT);
    t.wait_for("断电前的点评", TIMEOUT);
    // The running time shown counts the downtime: at least the time from the start to the
    // relaunch, at most the time since just before Space (plus the second being drawn).
    let at_least = (relaunched - started_by).as_secs();
    t.wait_until(
        &format!("unit 1's time used to reach {at_least} s"),
        TIMEOUT,
        |s| agenda_talk_seconds(s).is_some_and(|secs| secs >= at_least),
    );
    let shown = agenda_talk_seconds(&t.screen()).unwrap();
    assert!(
        shown <= before_start.elapsed().as_secs() + 1,
        "{shown} s shown, only {:?} since the start",
        before_start.elapsed()
    );

    let before_quit = Instant::now();
    quit(&mut t);
    let after_quit = Instant::now();

    let r = record(dir.path());
    let u = &r["units"][0];
    assert_eq!(u["remarks"][0]["text"], "断电前的点评", "{u:#}");
    assert_eq!(u["status"], "presenting", "{u:#}");
    let talk = u["talk_seconds"].as_u64().expect("talk_seconds");
    let lo = (before_quit - started_by).as_secs();
    let hi = (after_quit - before_start).as_secs() + 1;
    assert!(
        talk >= lo && lo >= 4,
        "talk_seconds {talk}: at least {lo} s elapsed, 3 s of downtime included"
    );
    assert!(talk <= hi, "talk_seconds {talk}: at most {hi} s elapsed");

    // The clean quit after the crash tidies the journal and the stale lock away too.
    assert_eq!(list_dir(dir.path()), [PLAN, SESSION]);
}

#[test]
fn bracketed_paste_in_typing_mode_is_inserted_whole() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = open(dir.path());

    start_talk(&mut t);
    remark(&mut t, "\x1b[200~粘贴的一段话\x1b[201~", "粘贴的一段话", 1);
    // End the talk: the unit is done, the next one current.
    t.send("n");
    t.wait_for("已完成", TIMEOUT);
    quit(&mut t);

    let r = record(dir.path());
    let u = &r["units"][0];
    assert_eq!(u["remarks"][0]["text"], "粘贴的一段话", "{u:#}");
    assert_eq!(u["remarks"].as_array().unwrap().len(), 1);
    assert_eq!(u["status"], "done", "{u:#}");
    assert_eq!(r["units"][1]["status"], "pending");
    assert_eq!(list_dir(dir.path()), [PLAN, SESSION]);
}

/// Starts a talk, opens the remark editor, types `text` without saving, waits past the draft's
/// delay (at most a second behind), SIGKILLs podium and opens the console again.
#[cfg(unix)]
fn crash_while_typing(dir: &Path, text: &str) -> Term {
    let mut t = open(dir);
    start_talk(&mut t);
    t.send("r");
    t.wait_for("新点评", TIMEOUT);
    t.send(text);
    t.wait_for(text, TIMEOUT);
    std::thread::sleep(Duration::from_secs(2));
    t.sigkill();
    drop(t);
    open(dir)
}

#[cfg(unix)]
#[test]
fn sigkill_while_typing_brings_the_unsaved_text_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = crash_while_typing(dir.path(), "还没保存的半句话");

    // The editor is open again, holding the text, and the talk is still running.
    t.wait_for("新点评", TIMEOUT);
    t.wait_for("还没保存的半句话", TIMEOUT);
    t.wait_for("汇报中", TIMEOUT);
    t.send(ENTER);
    t.wait_gone("新点评", TIMEOUT);
    t.wait_for("点评 · 市财政局 (1)", TIMEOUT);
    quit(&mut t);

    let r = record(dir.path());
    let u = &r["units"][0];
    assert_eq!(u["remarks"][0]["text"], "还没保存的半句话", "{u:#}");
    assert_eq!(u["status"], "presenting", "{u:#}");
    // Saving cleared the draft; the clean quit took the journal and the stale lock.
    assert_eq!(list_dir(dir.path()), [PLAN, SESSION]);
}

#[cfg(unix)]
#[test]
fn the_resume_banner_is_shown_when_a_draft_comes_back_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let t = crash_while_typing(dir.path(), "半句话");
    t.wait_for("新点评", TIMEOUT);
    // "已恢复会议：市财政局的汇报仍在计时（含断开期间），共 0 条点评" — what was resumed.
    t.wait_for("已恢复会议", TIMEOUT);
}
