//! `podium display ADDR`: the stage display on another machine, following a served meeting
//! over the network, read-only. Real processes on 127.0.0.1: a host (`podium run --serve`)
//! and a display that asks for the join code at its prompt, like a note-taker.

mod common {
    pub mod net;
    pub mod pty;
}

use common::net::{COLS, FIRST_UNIT, Host, ROWS, WAIT, poll, quit};
use common::pty::Term;
use std::time::{Duration, Instant};

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_display_on_another_machine_follows_the_served_meeting() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = Host::start(dir.path());
    let elsewhere = tempfile::tempdir().expect("the venue PC's folder");
    let mut display = Term::spawn_full(
        elsewhere.path(),
        &["display", &host.addr, "--lang", "zh"],
        COLS,
        ROWS,
        &[("PODIUM_CODE", "")],
    );
    // It asks for the code; a wrong one is refused and asked again.
    display.wait_for("加入码", WAIT);
    let wrong = if host.code == "000000" {
        "111111"
    } else {
        "000000"
    };
    display.send(format!("{wrong}\r"));
    display.wait_for("加入码不对", WAIT);
    // Full-width digits, as typed with a Chinese input method, are the same code.
    let full_width: String = host
        .code
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).expect("digit"))
        .collect();
    display.send(format!("{full_width}\r"));
    display.wait_for(FIRST_UNIT, WAIT);
    // The host's connection list shows it as a display.
    host.term.send("c");
    host.term.wait_for("（大屏）", WAIT);
    host.term.send("\x1b");
    // (Esc alone: a key right after it would read as Alt+key.)
    host.term.wait_gone("（大屏）", WAIT);
    // The talk starts on the host: the display shows it running, on the host's clock.
    host.start_talk();
    display.wait_for("计时中", WAIT);
    // A stage message from the host reaches the projector.
    host.term.send("m");
    host.term.send("请各单位控制时间\r");
    display.wait_for("请各单位控制时间", WAIT);
    // Read-only: nothing was written on the display's machine.
    assert!(
        files(elsewhere.path()).is_empty(),
        "{:?}",
        files(elsewhere.path())
    );
    host.quit();
    display.send("q");
    display.wait_exit(WAIT);
}

#[test]
fn a_display_given_a_wrong_code_says_so_and_stops() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = Host::start(dir.path());
    let wrong = if host.code == "000000" {
        "111111"
    } else {
        "000000"
    };
    let mut display = Term::spawn_full(
        dir.path(),
        &["display", &host.addr, "--code", wrong, "--lang", "zh"],
        COLS,
        ROWS,
        &[],
    );
    display.wait_for("加入码不对", WAIT);
    let status = display.wait_exit(WAIT);
    assert!(!status.success(), "a wrong code is an error");
    // Said once (it was printed as the host's refusal, then again as the error).
    let screen = display.screen();
    assert_eq!(screen.matches("加入码不对").count(), 1, "{screen}");
    // The host is undisturbed and says someone tried a wrong code.
    host.term.wait_for("错误的加入码", WAIT);
    host.quit();
}

/// A meeting that opens with the 市委书记's speech, with a soft limit of 3 s, then a unit's talk.
const SPEECH_PLAN: &str = r#"{
  "title": "全市工作会议",
  "units": [
    {"name": "市委书记讲话", "kind": "speech", "presenter": "市委书记", "minutes": 0.05},
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"}
  ]
}"#;

/// A speech on a display on another machine, as on the host's own: its title, speaker and the
/// next item, and no timer at all — no digits, no phase, no 超时 — past its soft limit.
#[test]
fn a_remote_display_shows_a_speech_without_a_timer() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("speech.json"), SPEECH_PLAN).expect("plan");
    let mut host = Term::spawn_full(
        dir.path(),
        &[
            "run",
            "speech.json",
            "--serve",
            "127.0.0.1:0",
            "--lang",
            "zh",
        ],
        COLS,
        ROWS,
        &[],
    );
    let join_path = dir.path().join("speech.session.join");
    let join: serde_json::Value = poll(
        "the join file",
        WAIT,
        || {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&join_path).ok()?).ok()?;
            v["addrs"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
                .then_some(v)
        },
        || host.screen(),
    );
    let code = join["code"].as_str().expect("code").to_string();
    let addr = join["addrs"][0].as_str().expect("address").to_string();
    host.wait_for("市委书记讲话", WAIT);
    let elsewhere = tempfile::tempdir().expect("the venue PC's folder");
    let mut display = Term::spawn_full(
        elsewhere.path(),
        &["display", &addr, "--code", &code, "--lang", "zh"],
        COLS,
        ROWS,
        &[],
    );
    let no_timer = |screen: &str, when: &str| {
        assert!(!screen.contains('█'), "big digits {when}:\n{screen}");
        assert!(
            !screen.chars().any(|c| c.is_ascii_digit()),
            "a clock {when}:\n{screen}"
        );
        for word in ["超时", "到时", "计时", "时限", "用时", "暂停"] {
            assert!(!screen.contains(word), "“{word}” {when}:\n{screen}");
        }
    };
    display.wait_for("即将开始：市委书记讲话", WAIT);
    no_timer(&display.screen(), "before the speech");
    host.send(" ");
    display.wait_gone("即将开始", WAIT);
    // Twice its soft limit, looked at five times a second.
    let end = Instant::now() + Duration::from_secs(6);
    while Instant::now() < end {
        let screen = display.screen();
        assert!(screen.contains("市委书记讲话"), "{screen}");
        assert!(screen.contains("下一个：市财政局"), "{screen}");
        no_timer(&screen, "during the speech");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The next item is a unit's talk: its countdown is back.
    host.send("n");
    display.wait_for("即将汇报：市财政局", WAIT);
    display.wait_for("时限 08:00", WAIT);
    quit(&mut host);
    display.send("q");
    display.wait_exit(WAIT);
}
