//! Terminal faults: SIGTERM, SIGHUP (the terminal window closed) and a panic each leave the
//! terminal restored and the session saved and closed cleanly — the real binary in a pty. A
//! remark half typed when they come is kept as the draft and offered at the next start.

mod common {
    pub mod external;
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
    // The shell's own `kill`: the `kill` program comes with procps, not on every system.
    let ok = std::process::Command::new("sh")
        .args(["-c", "kill -s \"$1\" \"$2\"", "sh", name, &pid.to_string()])
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

/// Whether a process is still there (the shell's `kill -0`).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    std::process::Command::new("sh")
        .args(["-c", "kill -0 \"$1\"", "sh", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A private tmux server (no user configuration), for the one test that needs a terminal
/// that can really disappear: a pty whose master side is closed under the program.
#[cfg(unix)]
struct Tmux {
    socket: String,
}

#[cfg(unix)]
impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env("SHELL", "/bin/sh")
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-t", "t", "-p"]).stdout).into_owned()
    }

    fn wait_for(&self, text: &str) {
        let end = std::time::Instant::now() + TIMEOUT;
        while !self.screen().contains(text) {
            assert!(
                std::time::Instant::now() < end,
                "waited for {text:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

#[cfg(unix)]
impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[cfg(unix)]
#[test]
fn a_terminal_that_goes_away_ends_the_console_and_loses_nothing() {
    if !common::external::needs("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let tmux = Tmux {
        socket: format!("podium-hangup-{}", std::process::id()),
    };
    let command = format!(
        "cd '{}' && LANG=zh_CN.UTF-8 exec '{}' run {PLAN} --lang zh",
        dir.path().display(),
        env!("CARGO_BIN_EXE_podium")
    );
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    assert!(out.status.success(), "{out:?}");
    tmux.wait_for("市财政局");
    tmux.run(&["send-keys", "-t", "t", "Space"]);
    tmux.wait_for("汇报中");
    tmux.run(&["send-keys", "-t", "t", "r"]);
    tmux.wait_for("新点评");
    tmux.run(&["send-keys", "-t", "t", "-l", "信号之前的点评"]);
    tmux.run(&["send-keys", "-t", "t", "Enter"]);
    tmux.wait_for("信号之前的点评");
    let pid = String::from_utf8_lossy(
        &tmux
            .run(&["list-panes", "-t", "t", "-F", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .parse::<u32>()
    .expect("the pane's pid");
    // The terminal disappears at once: its server is killed, the pty's master side closes.
    let server = String::from_utf8_lossy(&tmux.run(&["display-message", "-p", "#{pid}"]).stdout)
        .trim()
        .to_string();
    signal(server.parse().expect("the tmux server's pid"), "KILL");
    let end = std::time::Instant::now() + TIMEOUT;
    while alive(pid) {
        assert!(
            std::time::Instant::now() < end,
            "podium still runs {TIMEOUT:?} after its terminal went away"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Nothing is lost: the remark and the running talk are in the session.
    let session = podium::store::read(&dir.path().join(SESSION)).expect("the session opens");
    let st = session.state();
    assert_eq!(st.remarks[0].text, "信号之前的点评");
    assert!(st.units[0].talk.is_running());
}

const DRAFT: &str = "city-report.session.draft";

/// Opens the remark editor, types `text` and, as soon as it is on the screen (well inside the
/// half second after which the draft is written anyway), ends the console with `stop`.
#[cfg(unix)]
fn typing_then(dir: &Path, text: &str, stop: impl FnOnce(Term)) {
    copy_plan(dir, PLAN);
    let mut t = Term::spawn(dir, &ARGS);
    t.wait_for("市财政局", TIMEOUT);
    t.send(" ");
    t.wait_for("汇报中", TIMEOUT);
    t.send("r");
    t.wait_for("新点评", TIMEOUT);
    t.send(text);
    t.wait_for(text, TIMEOUT);
    stop(t);
    assert!(
        list_dir(dir).contains(&DRAFT.to_string()),
        "the draft is kept: {:?}",
        list_dir(dir)
    );
}

/// The next start offers the text in the editor; saving it puts the remark in the session
/// and takes the draft away.
#[cfg(unix)]
fn the_draft_comes_back(dir: &Path, text: &str) {
    let mut t = Term::spawn(dir, &ARGS);
    t.wait_for("新点评", TIMEOUT);
    t.wait_for(text, TIMEOUT);
    t.wait_for("汇报中", TIMEOUT);
    t.send("\r");
    t.wait_gone("新点评", TIMEOUT);
    t.send("q");
    t.wait_for("退出 podium", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    let rec = record(dir);
    assert_eq!(rec["units"][0]["remarks"][0]["text"], text);
    assert_eq!(rec["units"][0]["status"], "presenting");
    assert_eq!(
        list_dir(dir),
        vec![PLAN.to_string(), SESSION.to_string()],
        "saved: no draft is offered again, and the session was closed"
    );
}

#[cfg(unix)]
#[test]
fn sighup_while_typing_keeps_the_text_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let text = "窗口关闭时还没保存的半句话";
    typing_then(dir.path(), text, |mut t| {
        signal(t.pid(), "HUP");
        t.wait_exit(TIMEOUT);
    });
    the_draft_comes_back(dir.path(), text);
}

#[cfg(unix)]
#[test]
fn sigterm_while_typing_keeps_the_text_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let text = "关机前正在输入的点评";
    typing_then(dir.path(), text, |mut t| {
        signal(t.pid(), "TERM");
        assert!(
            t.wait_exit(TIMEOUT).success(),
            "a requested stop is a clean exit"
        );
        let (alternate, hidden, paste) = t.modes();
        assert!(!alternate && !hidden && !paste, "terminal restored");
    });
    the_draft_comes_back(dir.path(), text);
}

/// The terminal itself goes away under the editor (its window closed): a console in a
/// private tmux whose server is killed. Its input reader may never return to the loop, so this
/// is the watchdog's path: it writes the text typed since the last draft before it ends podium.
#[cfg(unix)]
#[test]
fn a_terminal_gone_while_typing_keeps_the_text_for_the_next_start() {
    if !common::external::needs("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let text = "终端消失时的半句话";
    let tmux = Tmux {
        socket: format!("podium-typing-{}", std::process::id()),
    };
    let command = format!(
        "cd '{}' && LANG=zh_CN.UTF-8 exec '{}' run {PLAN} --lang zh",
        dir.path().display(),
        env!("CARGO_BIN_EXE_podium")
    );
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    assert!(out.status.success(), "{out:?}");
    tmux.wait_for("市财政局");
    tmux.run(&["send-keys", "-t", "t", "Space"]);
    tmux.wait_for("汇报中");
    tmux.run(&["send-keys", "-t", "t", "r"]);
    tmux.wait_for("新点评");
    let pid = String::from_utf8_lossy(
        &tmux
            .run(&["list-panes", "-t", "t", "-F", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .parse::<u32>()
    .expect("the pane's pid");
    let server = String::from_utf8_lossy(&tmux.run(&["display-message", "-p", "#{pid}"]).stdout)
        .trim()
        .to_string();
    tmux.run(&["send-keys", "-t", "t", "-l", text]);
    tmux.wait_for(text);
    // At once, inside the draft's half second: the terminal disappears.
    signal(server.parse().expect("the tmux server's pid"), "KILL");
    let end = std::time::Instant::now() + TIMEOUT;
    while alive(pid) {
        assert!(
            std::time::Instant::now() < end,
            "podium still runs {TIMEOUT:?} after its terminal went away"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        list_dir(dir.path()).contains(&DRAFT.to_string()),
        "the draft is kept: {:?}",
        list_dir(dir.path())
    );
    the_draft_comes_back(dir.path(), text);
}
