//! `podium display ADDR`: the stage display on another machine, following a served meeting
//! over the network, read-only. Real processes on 127.0.0.1: a host (`podium run --serve`)
//! and a display that asks for the join code at its prompt, like a note-taker.

mod common {
    pub mod net;
    pub mod pty;
}

use common::net::{COLS, FIRST_UNIT, Host, ROWS, WAIT};
use common::pty::Term;

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
