//! Terminal faults: SIGTERM, SIGHUP (the terminal window closed) and a panic each leave the
//! terminal restored and the session saved and closed cleanly — the real binary in a pty.

mod common {
    pub mod pty;
}

use common::pty::{TIMEOUT, Term, copy_plan, list_dir};
use serde_json::Value;
use std::path::Path;

const PLAN: &str = "city-report.json";
const SESSION: &str = "city-report.session.json";
const ARGS: [&str; 4] = ["run", PLAN, "--lang", "zh"];

fn record(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join(SESSION)).expect("the session file");
    let mut v: Value = serde_json::from_str(&text).expect("JSON");
    v["record"].take()
}

/// A console with a running talk and one remark.
fn meeting(dir: &Path, env: &[(&str, &str)]) -> Term {
    let mut t = Term::spawn_with_env(dir, &ARGS, env);
    t.wait_for("市财政局", TIMEOUT);
    t.send(" ");
    t.wait_for("汇报中", TIMEOUT);
    t.send("r");
    t.wait_for("新点评", TIMEOUT);
    t.send("信号之前的点评");
    t.send("\r");
    t.wait_gone("新点评", TIMEOUT);
    t
}

fn assert_saved_and_clean(dir: &Path) {
    let rec = record(dir);
    assert_eq!(
        rec["units"][0]["status"], "presenting",
        "the talk is still running"
    );
    assert_eq!(rec["units"][0]["remarks"][0]["text"], "信号之前的点评");
    assert_eq!(
        list_dir(dir),
        vec![PLAN.to_string(), SESSION.to_string()],
        "closed cleanly: no journal, lock or draft left"
    );
}

#[cfg(unix)]
fn signal(pid: u32, name: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill -{name} {pid}");
}

#[cfg(unix)]
#[test]
fn sigterm_closes_the_session_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = meeting(dir.path(), &[]);
    signal(t.pid(), "TERM");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "a requested stop is a clean exit");
    let (alternate, hidden, paste) = t.modes();
    assert!(!alternate && !hidden && !paste, "terminal restored");
    assert_saved_and_clean(dir.path());
}

#[cfg(unix)]
#[test]
fn sighup_closes_the_session() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = meeting(dir.path(), &[]);
    signal(t.pid(), "HUP");
    t.wait_exit(TIMEOUT);
    assert_saved_and_clean(dir.path());
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_session() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = meeting(
        dir.path(),
        &[("PODIUM_PANIC_KEY", "1"), ("RUST_BACKTRACE", "0")],
    );
    t.send("\x1b[24~"); // F12
    let status = t.wait_exit(TIMEOUT);
    assert!(!status.success(), "an internal error is not a clean exit");
    let (alternate, hidden, paste) = t.modes();
    assert!(!alternate && !hidden && !paste, "terminal restored");
    t.wait_for("会议记录已完整保存", TIMEOUT);
    assert_saved_and_clean(dir.path());
}

#[test]
fn f12_does_nothing_without_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let mut t = meeting(dir.path(), &[]);
    t.send("\x1b[24~");
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.send("q");
    t.wait_for("退出 podium", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    assert_saved_and_clean(dir.path());
}
