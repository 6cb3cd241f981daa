//! Quitting while something is not on disk, and typed text kept when the console ends.
//!
//! The host's disk fills up (`FullDisk`, a disk that cuts writes short once its budget is
//! spent) while a remark is added: `q` must not ask the ordinary "Everything is saved"
//! question, `y` must not quit, and the dialog offers to retry, to write the whole session
//! elsewhere, to stay, and — only on `Ctrl+Q` — to quit without the changes. The app is driven
//! with key events on the tests' fixed clock, and the files are read back from disk.

mod common {
    pub mod clock;
    pub mod full_disk;
    pub mod screen;
}

use common::clock::{at, t0};
use common::full_disk::FullDisk;
use common::screen::screen_text;
use podium::planfile;
use podium::session::{Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Confirm, Mode, Options};
use podium::tui::editor::text_of;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tempfile::TempDir;

const ROOMY: u64 = u64::MAX / 2;

struct Meeting {
    dir: TempDir,
    path: PathBuf,
    app: App,
    /// Bytes the disk still takes: 0 is a full disk.
    room: Arc<AtomicU64>,
}

fn options(lang: Lang) -> Options {
    Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A fresh session of data/city-report.json on a disk that can be filled up; the first talk
/// is running.
fn meeting(lang: Lang) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let mut writer = Writer::create(&path, plan, t0()).expect("session created");
    let room = Arc::new(AtomicU64::new(ROOMY));
    writer.set_disk(Box::new(FullDisk {
        budget: room.clone(),
    }));
    let app = App::new(writer, options(lang), t0());
    let mut m = Meeting {
        dir,
        path,
        app,
        room,
    };
    m.press(0, KeyCode::Char(' '));
    assert_eq!(m.app.shown_unit_status(), Some(Status::Presenting));
    m
}

impl Meeting {
    /// One key at `s` seconds, after the tick the real loop runs first.
    fn key(&mut self, s: i64, k: KeyEvent) {
        self.app.tick(at(s));
        self.app.on_key(k, at(s));
    }

    fn press(&mut self, s: i64, code: KeyCode) {
        self.key(s, KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn ctrl(&mut self, s: i64, c: char) {
        self.key(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    fn type_text(&mut self, s: i64, text: &str) {
        for c in text.chars() {
            self.press(s, KeyCode::Char(c));
        }
    }

    fn remark(&mut self, s: i64, text: &str) {
        self.press(s, KeyCode::Char('r'));
        self.type_text(s, text);
        self.press(s, KeyCode::Enter);
        assert!(matches!(self.app.mode(), Mode::Live), "the remark is taken");
    }

    fn fill_disk(&self) {
        self.room.store(0, Ordering::SeqCst);
    }

    fn make_room(&self) {
        self.room.store(ROOMY, Ordering::SeqCst);
    }

    fn in_dialog(&self) -> bool {
        matches!(self.app.mode(), Mode::Unsaved(_))
    }

    /// The dialog's last word (a retry that failed, a copy written).
    fn outcome(&self) -> String {
        match self.app.mode() {
            Mode::Unsaved(d) => d
                .outcome
                .as_ref()
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            _ => panic!("the dialog is not open"),
        }
    }

    fn screen(&mut self, s: i64, size: (u16, u16)) -> String {
        shot(&mut self.app, at(s), size)
    }
}

/// What a terminal of `w`×`h` shows after one frame at `now` (tick, then draw).
fn shot(app: &mut App, now: Time, (w, h): (u16, u16)) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

fn remarks(session: &podium::session::Session) -> Vec<String> {
    session
        .state()
        .remarks
        .iter()
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn quitting_with_a_remark_not_on_disk_takes_an_explicit_choice() {
    let mut m = meeting(Lang::En);
    m.fill_disk();
    m.remark(5, "磁盘满时的点评");
    assert_eq!(remarks(m.app.session()), ["磁盘满时的点评"], "shown");
    assert_eq!(m.app.core.ledger.unsaved(), 1, "held only in memory");
    assert!(
        m.screen(5, (100, 30))
            .contains("NOT SAVED! 1 change only in memory")
    );

    // q then y, the reflex of the ordinary question, does not quit.
    m.press(6, KeyCode::Char('q'));
    assert!(m.in_dialog(), "not the 'Everything is saved' question");
    let screen = m.screen(6, (100, 30));
    assert!(!screen.contains("Everything is saved"), "{screen}");
    assert!(screen.contains("1 change is NOT on disk"), "{screen}");
    assert!(screen.contains("no space left on device"), "{screen}");
    m.press(6, KeyCode::Char('y'));
    assert!(!m.app.quit, "y does not quit");
    assert!(m.in_dialog());
    assert!(m.outcome().contains("Ctrl+Q"), "{}", m.outcome());
    // Enter takes the highlighted answer, retrying: the disk is still full.
    m.press(7, KeyCode::Enter);
    assert!(!m.app.quit, "Enter does not quit");
    assert!(
        m.outcome().starts_with("Still not saved"),
        "{}",
        m.outcome()
    );
    assert!(m.screen(7, (100, 30)).contains("Still not saved"));
    // Nor does any answer the highlight can reach, nor Ctrl+C.
    for _ in 0..3 {
        m.press(7, KeyCode::Down);
        assert!(m.in_dialog() && !m.app.quit);
    }
    m.ctrl(7, 'c');
    assert!(
        m.in_dialog() && !m.app.quit,
        "Ctrl+C in the dialog does nothing"
    );
    m.press(8, KeyCode::Esc);
    assert!(matches!(m.app.mode(), Mode::Live), "Esc stays");
    // Every way to quit leads to the dialog: Ctrl+C, and the F10 menu's last entry.
    m.ctrl(9, 'c');
    assert!(m.in_dialog(), "Ctrl+C");
    m.press(9, KeyCode::Esc);
    m.press(10, KeyCode::F(10));
    m.press(10, KeyCode::Up);
    m.press(10, KeyCode::Enter);
    assert!(m.in_dialog(), "the menu's quit");

    // w: the whole session, written to another folder (a copy, with the remark).
    m.press(11, KeyCode::Char('w'));
    let prefilled = match m.app.mode() {
        Mode::Unsaved(d) => d.folder.as_ref().map(text_of).expect("the folder field"),
        _ => panic!("the dialog"),
    };
    assert!(!prefilled.is_empty(), "a folder is proposed");
    assert!(
        m.screen(11, (100, 30)).contains("Ctrl+U"),
        "its keys are shown"
    );
    m.ctrl(11, 'u');
    m.press(11, KeyCode::Enter);
    assert!(m.outcome().contains("Type a folder"), "{}", m.outcome());
    let usb = tempfile::tempdir().expect("another folder");
    m.app.on_paste(&usb.path().display().to_string(), at(12));
    m.press(12, KeyCode::Enter);
    assert!(!m.app.quit);
    assert!(m.outcome().contains("written to"), "{}", m.outcome());
    let (copy, _) = m
        .app
        .core
        .copies
        .first()
        .cloned()
        .expect("a copy was written");
    assert_eq!(copy.parent(), Some(usb.path()));
    assert!(m.outcome().contains(&copy.display().to_string()));
    let copied = store::read(&copy).expect("the copy is a session podium opens");
    assert_eq!(remarks(&copied), ["磁盘满时的点评"]);
    assert!(copied.state().units[0].talk.is_running());
    // Written again: a new file beside the first, never over it.
    m.press(13, KeyCode::Char('w'));
    m.ctrl(13, 'u');
    m.app.on_paste(&usb.path().display().to_string(), at(13));
    m.press(13, KeyCode::Enter);
    assert_eq!(m.app.core.copies.len(), 2);
    assert_ne!(m.app.core.copies[0].0, m.app.core.copies[1].0);
    assert!(store::read(&m.app.core.copies[0].0).is_ok());
    // The session's own file does not have the remark yet.
    assert_eq!(
        remarks(&store::read(&m.path).expect("reads")),
        [] as [&str; 0]
    );

    // Room is made: r saves everything, and the ordinary question comes back.
    m.make_room();
    m.press(14, KeyCode::Char('r'));
    assert!(
        matches!(
            m.app.mode(),
            Mode::Confirm {
                what: Confirm::Quit,
                yes: true
            }
        ),
        "saved: the ordinary quit question"
    );
    assert_eq!(m.app.core.ledger.unsaved(), 0);
    assert_eq!(
        remarks(&store::read(&m.path).expect("reads")),
        ["磁盘满时的点评"]
    );
    assert!(m.screen(14, (100, 30)).contains("Everything is saved"));
    m.press(14, KeyCode::Char('n'));
    assert!(!m.app.quit);

    // The disk fills again: Ctrl+Q, and only it, quits without the new remark.
    m.fill_disk();
    m.remark(20, "第二条");
    m.press(21, KeyCode::Char('q'));
    assert!(m.in_dialog());
    assert!(
        m.screen(21, (100, 30))
            .contains("Quit and lose this change")
    );
    m.ctrl(22, 'q');
    assert!(m.app.quit, "Ctrl+Q quits");
    drop(m.dir);
}

#[test]
fn saving_that_works_again_by_itself_turns_the_dialog_into_the_ordinary_question() {
    let mut m = meeting(Lang::En);
    m.fill_disk();
    m.remark(5, "满");
    m.press(6, KeyCode::Char('q'));
    assert!(m.in_dialog());
    m.make_room();
    // The writer retries on its own, a few seconds later.
    m.app.tick(at(30));
    assert!(matches!(
        m.app.mode(),
        Mode::Confirm {
            what: Confirm::Quit,
            ..
        }
    ));
    assert_eq!(remarks(&store::read(&m.path).expect("reads")), ["满"]);
}

#[test]
fn the_editor_under_the_dialog_comes_back_and_its_text_is_kept_on_quit() {
    let mut m = meeting(Lang::Zh);
    m.fill_disk();
    m.remark(5, "已显示未保存");
    m.press(6, KeyCode::Char('r'));
    m.type_text(6, "正在输入");
    m.ctrl(6, 'c');
    assert!(m.in_dialog(), "Ctrl+C in the editor");
    m.press(7, KeyCode::Esc);
    match m.app.mode() {
        Mode::Editor(ed) => assert_eq!(text_of(&ed.text), "正在输入"),
        _ => panic!("Esc goes back to the editor"),
    }
    m.ctrl(8, 'c');
    m.ctrl(8, 'q');
    assert!(m.app.quit);
    assert!(
        matches!(m.app.mode(), Mode::Editor(_)),
        "the editor stays open under the quit"
    );
}

/// The dialog as the host sees it, in English and in Chinese, at both usual sizes.
#[test]
fn the_dialog_on_screen() {
    for (lang, tag, head) in [
        (Lang::En, "en", "1 change is NOT on disk"),
        (Lang::Zh, "zh", "有 1 处改动没有存到磁盘"),
    ] {
        let mut m = meeting(lang);
        m.fill_disk();
        m.remark(5, "磁盘满时的点评");
        m.press(6, KeyCode::Char('q'));
        for (w, h) in [(100, 30), (80, 24)] {
            let s = m.screen(6, (w, h));
            insta::assert_snapshot!(format!("quit_not_saved_{tag}_{w}x{h}"), s);
            assert!(s.contains(head), "{s}");
            assert!(s.contains("Ctrl+Q"), "{s}");
        }
        m.press(6, KeyCode::Char('y'));
        let s = m.screen(6, (100, 30));
        insta::assert_snapshot!(format!("quit_not_saved_{tag}_after_y"), s);
        m.press(7, KeyCode::Char('w'));
        m.ctrl(7, 'u');
        m.type_text(7, "/media/usb");
        let s = m.screen(7, (100, 30));
        insta::assert_snapshot!(format!("quit_not_saved_{tag}_folder"), s);
    }
}

#[test]
fn a_quit_with_text_in_the_editor_keeps_it_for_the_next_start() {
    let mut m = meeting(Lang::Zh);
    m.press(10, KeyCode::Char('r'));
    m.type_text(10, "退出时还没保存的话");
    // Ctrl+C, y: everything is saved, so the ordinary question.
    m.ctrl(10, 'c');
    m.press(10, KeyCode::Char('y'));
    assert!(m.app.quit);
    // What the terminal loop does when it ends, then the clean close of `podium run`.
    m.app.keep_draft();
    let Meeting { dir, path, app, .. } = m;
    app.core.ledger.close(at(11)).expect("closed");

    let (writer, _) = Writer::open(&path, at(60)).expect("reopened");
    let mut app = App::new(writer, options(Lang::Zh), at(60));
    app.restore_draft(at(60));
    match app.mode() {
        Mode::Editor(ed) => assert_eq!(text_of(&ed.text), "退出时还没保存的话"),
        _ => panic!("the draft is offered again"),
    }
    drop(dir);
}

#[test]
fn text_typed_before_esc_is_kept_while_the_discard_question_is_open() {
    let mut m = meeting(Lang::Zh);
    m.press(10, KeyCode::Char('r'));
    m.type_text(10, "按了 Esc 还没回答");
    m.press(10, KeyCode::Esc);
    assert!(matches!(
        m.app.mode(),
        Mode::Confirm {
            what: Confirm::DiscardEditor,
            ..
        }
    ));
    // A second later the draft is on disk, the question still open; then the process dies.
    m.app.tick(at(12));
    let Meeting { dir, path, app, .. } = m;
    drop(app);
    let (writer, _) = Writer::open(&path, at(60)).expect("reopened");
    let mut app = App::new(writer, options(Lang::Zh), at(60));
    app.restore_draft(at(60));
    match app.mode() {
        Mode::Editor(ed) => assert_eq!(text_of(&ed.text), "按了 Esc 还没回答"),
        _ => panic!("the draft is offered again"),
    }
    drop(dir);
}

#[test]
fn an_empty_editor_leaves_no_draft() {
    let mut m = meeting(Lang::En);
    m.press(10, KeyCode::Char('r'));
    m.type_text(10, "x");
    m.app.tick(at(11));
    let draft = m.path.with_file_name("meeting.session.draft");
    assert!(draft.exists());
    m.press(12, KeyCode::Backspace);
    m.app.keep_draft();
    assert!(!draft.exists(), "nothing typed, nothing offered next time");
}

#[test]
fn the_terminal_is_told_what_was_lost_and_what_each_copy_holds() {
    let copies = [
        ("/usb/a.session.json".to_string(), 0),
        ("/usb/b.session.json".to_string(), 2),
    ];
    let en = podium::strings::close_failed(Lang::En, "disk full", 1, &copies);
    assert!(
        en.starts_with("1 change was not saved to disk: disk full"),
        "{en}"
    );
    assert!(
        en.contains("Every change is in the copy /usb/a.session.json"),
        "{en}"
    );
    assert!(
        en.contains("without the last 2 changes: /usb/b.session.json"),
        "{en}"
    );
    let zh = podium::strings::close_failed(Lang::Zh, "磁盘已满", 3, &copies);
    assert!(zh.starts_with("3 处改动没有存到磁盘：磁盘已满"), "{zh}");
    assert!(
        zh.contains("所有改动都在副本 /usb/a.session.json 中"),
        "{zh}"
    );
}

/// The console ends without the host's decision (a signal, a lost terminal) while a remark is
/// only in memory: the whole session goes to the first folder that takes it, and the exit
/// message names that copy.
#[test]
fn an_exit_without_a_decision_writes_an_emergency_copy() {
    let mut m = meeting(Lang::En);
    m.fill_disk();
    m.remark(5, "只在内存里的点评");
    assert_eq!(m.app.core.ledger.unsaved(), 1);
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let missing = m.dir.path().join("no such folder");
    let copy = m
        .app
        .emergency_copy([missing, elsewhere.path().to_path_buf()], at(6))
        .expect("written to the second folder");
    assert!(copy.starts_with(elsewhere.path()));
    let saved = store::read(&copy).expect("the copy opens");
    assert!(
        saved
            .state()
            .remarks
            .iter()
            .any(|r| r.text == "只在内存里的点评"),
        "the copy holds the remark that was only in memory"
    );
    assert_eq!(m.app.core.copies.len(), 1, "the exit message names it");
}
