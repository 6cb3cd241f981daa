//! End-to-end: the live console and the stage display as two real `podium` processes on one
//! session, each in its own pseudo-terminal (portable-pty), their screens parsed by vt100.
//!
//! Each test works in its own temporary folder holding a copy of `data/city-report.json`. The
//! console runs `podium run city-report.json --lang zh` at 100×30, the display
//! `podium display city-report.session.json --lang zh` at 80×24, both with LANG=zh_CN.UTF-8 and
//! TERM=xterm-256color. The waits are generous (10 s): this is about correctness; how fast the
//! display follows is measured by `benches/display.sh`.

mod common {
    pub mod pty;
}

use common::pty::{TIMEOUT, Term, copy_plan, list_dir};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

const PLAN: &str = "city-report.json";
const SESSION: &str = "city-report.session.json";
const CONSOLE: [&str; 4] = ["run", PLAN, "--lang", "zh"];
const DISPLAY: [&str; 4] = ["display", SESSION, "--lang", "zh"];
const DISPLAY_COLS: u16 = 80;
const DISPLAY_ROWS: u16 = 24;

const SPACE: &str = " ";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// Opens the console and waits for the first unit to be on its screen.
fn console(dir: &Path) -> Term {
    let t = Term::spawn(dir, &CONSOLE);
    t.wait_for("市财政局", TIMEOUT);
    t
}

/// Opens the display at 80×24 on `args` and waits for the first unit to be on its screen.
fn display(dir: &Path, args: &[&str]) -> Term {
    let t = Term::spawn_sized(dir, args, DISPLAY_COLS, DISPLAY_ROWS);
    t.wait_for("市财政局", TIMEOUT);
    t
}

/// `q`, then `y` in the console; waits for a clean exit.
fn quit_console(t: &mut Term) {
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "the console exited with {status:?}");
}

/// Quits the display with `key` (no question asked); waits for a clean exit and checks the
/// terminal was given back: main screen, cursor shown.
fn quit_display(t: &mut Term, key: &str) {
    t.send(key);
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "the display exited with {status:?}");
    let (alternate, cursor_hidden, _) = t.modes();
    assert!(!alternate, "the display left the alternate screen");
    assert!(!cursor_hidden, "the display showed the cursor again");
}

/// The `m` form: types `text`, Enter; waits until the form is gone.
fn stage_message(t: &mut Term, text: &str) {
    t.send("m");
    t.wait_for("提示（留空则撤下）", TIMEOUT);
    t.send(text);
    t.wait_for(text, TIMEOUT);
    t.send(ENTER);
    t.wait_gone("提示（留空则撤下）", TIMEOUT);
}

/// Whether `file` (an open handle) is still a name in its folder, or has been replaced (renamed
/// over) since it was opened. Holding it open also keeps its inode from being reused.
#[cfg(unix)]
fn still_linked(file: &std::fs::File) -> bool {
    use std::os::unix::fs::MetadataExt;
    file.metadata().expect("the open file").nlink() > 0
}

/// The screen's rows that hold big timer digits (full blocks).
fn digit_rows(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains('█')).count()
}

/// The console and the display on one session: a key in the console shows on the display; the
/// display outlives a console killed with SIGKILL and follows the relaunched one, whose
/// snapshots replace the session file under it.
#[cfg(unix)]
#[test]
fn the_display_follows_the_console_through_a_crash_and_a_relaunch() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let session = dir.path().join(SESSION);
    let mut c = console(dir.path());
    assert!(session.exists(), "the console created the session");
    let mut d = display(dir.path(), &DISPLAY);
    // Before the first talk: the first unit is up next.
    d.wait_for("即将汇报：市财政局", TIMEOUT);
    d.wait_for("时限 08:00", TIMEOUT);
    assert!(digit_rows(&d.screen()) >= 5, "big digits:\n{}", d.screen());

    // Space in the console: the display shows the running talk.
    c.send(SPACE);
    c.wait_for("汇报中", TIMEOUT);
    d.wait_for("计时中", TIMEOUT);
    d.wait_gone("即将汇报", TIMEOUT);
    let screen = d.screen();
    assert!(screen.contains("市财政局"), "{screen}");
    assert!(screen.contains("党组书记 局长"), "the presenter:\n{screen}");
    assert!(
        screen.contains("下一个：城郊街道办事处"),
        "the next unit:\n{screen}"
    );
    // The countdown runs: the digits change within a few seconds.
    d.wait_until("the countdown to move", TIMEOUT, |s| {
        s != screen && s.contains("计时中")
    });

    // A stage message.
    stage_message(&mut c, "请抓紧时间");
    d.wait_for("请抓紧时间", TIMEOUT);
    let before_kill = std::fs::File::open(&session).unwrap();

    // The console dies (SIGKILL: no handler, no clean-up); the display carries on.
    c.sigkill();
    drop(c);
    // Killed within 2 s of the message, the console has not yet folded it into a snapshot: the
    // journal holds it (unless this machine is very slow; then only `n` below replaces the file).
    let journal = dir.path().join("city-report.session.journal");
    let journaled = std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0);
    std::thread::sleep(Duration::from_millis(2500));
    assert!(d.is_running(), "the display outlives the console");
    let screen = d.screen();
    for text in ["市财政局", "请抓紧时间", "计时中"] {
        assert!(screen.contains(text), "{text:?} still shown:\n{screen}");
    }
    // Still drawing: the countdown keeps moving with no console around.
    d.wait_until("the countdown to move without the console", TIMEOUT, |s| {
        s != screen && s.contains("市财政局")
    });

    // The console comes back: it folds the journal into a snapshot that replaces the session
    // file; then `n` ends the talk, and the unit change is another snapshot.
    let mut c = console(dir.path());
    c.wait_for("已恢复会议", TIMEOUT);
    c.wait_for("汇报中", TIMEOUT);
    if journaled {
        assert!(
            !still_linked(&before_kill),
            "the relaunched console folded the journal into a new session file"
        );
    }
    c.send("n");
    c.wait_for("已完成", TIMEOUT);
    d.wait_for("即将汇报：城郊街道办事处", TIMEOUT);
    d.wait_for("党工委书记 主任", TIMEOUT);
    d.wait_gone("计时中", TIMEOUT);
    assert!(
        !still_linked(&before_kill),
        "the session file the display follows was replaced under it"
    );
    // The message stays until the host takes it down (an empty one).
    assert!(d.screen().contains("请抓紧时间"), "{}", d.screen());
    stage_message(&mut c, "");
    d.wait_gone("请抓紧时间", TIMEOUT);

    // Another talk, to be sure the display is not stuck on the replaced file.
    c.send(SPACE);
    c.wait_for("汇报中", TIMEOUT);
    d.wait_for("计时中", TIMEOUT);
    assert!(d.screen().contains("城郊街道办事处"), "{}", d.screen());

    quit_console(&mut c);
    // The display shows the session as the console left it, and quits on Ctrl+C.
    std::thread::sleep(Duration::from_millis(500));
    assert!(d.is_running());
    assert!(d.screen().contains("城郊街道办事处"));
    quit_display(&mut d, CTRL_C);
    assert_eq!(list_dir(dir.path()), [PLAN, SESSION]);
}

/// The display is read-only: with no console running it takes no lock, creates no file and
/// leaves the session file byte for byte (and its modification time) as it was.
#[test]
fn the_display_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    copy_plan(dir.path(), PLAN);
    let session = dir.path().join(SESSION);
    // A session with some history: a talk started, a message, then a clean quit.
    let mut c = console(dir.path());
    c.send(SPACE);
    c.wait_for("汇报中", TIMEOUT);
    stage_message(&mut c, "还剩一分钟");
    quit_console(&mut c);
    let files = list_dir(dir.path());
    assert_eq!(files, [PLAN, SESSION]);
    let bytes = std::fs::read(&session).unwrap();
    let modified = |p: &Path| -> SystemTime { std::fs::metadata(p).unwrap().modified().unwrap() };
    let mtime = modified(&session);

    // Following the session file, quit with `q`; then through the plan's name (the session
    // beside it), quit with Esc.
    let by_plan = ["display", PLAN, "--lang", "zh"];
    for (args, key) in [(&DISPLAY[..], "q"), (&by_plan[..], "\x1b")] {
        let mut d = display(dir.path(), args);
        d.wait_for("还剩一分钟", TIMEOUT);
        d.wait_for("计时中", TIMEOUT);
        std::thread::sleep(Duration::from_secs(2));
        assert_eq!(
            list_dir(dir.path()),
            files,
            "no lock or other file while open"
        );
        assert!(d.is_running());
        quit_display(&mut d, key);
        assert_eq!(list_dir(dir.path()), files, "no new file after {args:?}");
        assert!(
            std::fs::read(&session).unwrap() == bytes,
            "the session's bytes unchanged"
        );
        assert_eq!(
            modified(&session),
            mtime,
            "the session file was not rewritten"
        );
    }

    // The display on a running console's session does not take its lock either: the console
    // opens it while a display is already following it.
    let mut d = display(dir.path(), &DISPLAY);
    let mut c = console(dir.path());
    c.wait_for("汇报中", TIMEOUT);
    quit_console(&mut c);
    quit_display(&mut d, "q");
}

/// A meeting that opens with the 市委书记's speech, with a soft limit of 3 s, then a unit's talk.
const SPEECH_PLAN: &str = r#"{
  "title": "全市工作会议",
  "units": [
    {"name": "市委书记讲话", "kind": "speech", "presenter": "市委书记", "minutes": 0.05},
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"}
  ]
}"#;

/// A speech on the real display, following the real console: its title and speaker, and no
/// timer at all — no digits, no phase, no 超时 — before it, while it runs and past its soft
/// limit.
#[cfg(unix)]
#[test]
fn a_speech_on_the_display_shows_no_timer_past_its_soft_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("speech.json"), SPEECH_PLAN).unwrap();
    let mut c = Term::spawn(dir.path(), &["run", "speech.json", "--lang", "zh"]);
    c.wait_for("市委书记讲话", TIMEOUT);
    let mut d = Term::spawn_sized(
        dir.path(),
        &["display", "speech.session.json", "--lang", "zh"],
        DISPLAY_COLS,
        DISPLAY_ROWS,
    );
    let no_timer = |screen: &str, when: &str| {
        assert_eq!(digit_rows(screen), 0, "big digits {when}:\n{screen}");
        assert!(
            !screen.chars().any(|c| c.is_ascii_digit()),
            "a clock {when}:\n{screen}"
        );
        for word in ["超时", "到时", "计时", "时限", "用时", "暂停"] {
            assert!(!screen.contains(word), "“{word}” {when}:\n{screen}");
        }
    };
    d.wait_for("即将开始：市委书记讲话", TIMEOUT);
    no_timer(&d.screen(), "before the speech");
    c.send(SPACE);
    d.wait_gone("即将开始", TIMEOUT);
    // Twice its soft limit, looked at five times a second.
    let end = Instant::now() + Duration::from_secs(6);
    while Instant::now() < end {
        let screen = d.screen();
        assert!(screen.contains("市委书记讲话"), "{screen}");
        assert!(screen.contains("下一个：市财政局"), "{screen}");
        no_timer(&screen, "during the speech");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The next item is a unit's talk: its countdown is back.
    c.send("n");
    d.wait_for("即将汇报：市财政局", TIMEOUT);
    d.wait_for("时限 08:00", TIMEOUT);
    quit_console(&mut c);
    quit_display(&mut d, "q");
}
