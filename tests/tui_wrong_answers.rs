//! Wrong answers found by attack, on the console: the score sheet of a plan it cannot fill
//! (no reviewers), what the status line says when saving fails, and a score file imported in
//! the console (`Ctrl+O`) read off the console's thread. The app is driven with key events on
//! the tests' fixed clock and drawn into a `TestBackend`.

mod common {
    pub mod clock;
    pub mod full_disk;
    pub mod screen;
}

use common::clock::{at, t0};
use common::full_disk::FullDisk;
use common::screen::screen_text;
use podium::planfile;
use podium::session::Time;
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tempfile::TempDir;

struct Meeting {
    dir: TempDir,
    path: PathBuf,
    app: App,
}

fn options(lang: Lang) -> Options {
    Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A fresh session of the plan `json` (ASCII names) in a temporary folder.
fn meeting_of(json: &str, lang: Lang) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = planfile::parse("plan.json", json, lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, t0()).expect("session created");
    let app = App::new(writer, options(lang), t0());
    Meeting { dir, path, app }
}

/// Points mode (the default), two units, no reviewers.
const NO_REVIEWERS: &str = r#"{"title": "Quarterly review", "date": "2026-05-30",
  "start": "09:00", "units": [{"name": "East"}, {"name": "West"}]}"#;

impl Meeting {
    fn key(&mut self, s: i64, k: KeyEvent) {
        self.app.tick(at(s));
        self.app.on_key(k, at(s));
    }

    fn press(&mut self, s: i64, code: KeyCode) {
        self.key(s, KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn type_text(&mut self, s: i64, text: &str) {
        for c in text.chars() {
            self.press(s, KeyCode::Char(c));
        }
    }

    fn screen(&mut self, now: Time, (w, h): (u16, u16)) -> String {
        self.app.tick(now);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &self.app, now))
            .expect("draw");
        screen_text(terminal.backend().buffer())
    }
}

/// The screen's text as one line of words, for finding a sentence however it was wrapped.
fn words(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A points plan without reviewers: `s`, digits, Tab, Enter, Esc used to panic (an index out
/// of bounds in the sheet); the sheet now says what to do, and nothing is recorded.
#[test]
fn sheet_without_reviewers_says_what_to_do() {
    for lang in [Lang::En, Lang::Zh] {
        let mut m = meeting_of(NO_REVIEWERS, lang);
        let before = m.app.session().last_seq();
        m.press(0, KeyCode::Char('s'));
        assert!(matches!(m.app.mode(), Mode::Sheet(_)), "s opens the sheet");
        m.type_text(1, "7");
        m.type_text(1, "25.5");
        m.press(2, KeyCode::Tab);
        m.type_text(2, "3");
        m.press(3, KeyCode::Enter);
        m.press(3, KeyCode::BackTab);
        m.press(3, KeyCode::Down);
        m.press(3, KeyCode::Delete);
        m.press(3, KeyCode::PageDown);
        m.type_text(4, "9");
        let screen = m.screen(at(4), (100, 24));
        let said = words(&screen);
        let sentence = match lang {
            Lang::En => "This plan has no reviewers",
            Lang::Zh => "本场计划没有评委",
        };
        assert!(said.contains(sentence), "{lang:?}:\n{screen}");
        assert!(said.contains("podium run"), "{lang:?}:\n{screen}");
        assert_eq!(m.app.session().last_seq(), before, "nothing was recorded");
        if lang == Lang::En {
            insta::assert_snapshot!("sheet_without_reviewers_en", screen);
        }
        m.press(5, KeyCode::Esc);
        assert!(matches!(m.app.mode(), Mode::Live), "Esc closes the sheet");
    }
}

/// What the status line (the screen's last line) says.
fn status_line(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().trim().to_string()
}

/// A session on a disk that can be filled up (`FullDisk`): `room` is what it still takes.
fn on_full_disk(m: &mut Meeting) -> Arc<AtomicU64> {
    let room = Arc::new(AtomicU64::new(ROOMY));
    m.app
        .core
        .ledger
        .writer_mut()
        .expect("the host's console")
        .set_disk(Box::new(FullDisk {
            budget: room.clone(),
        }));
    room
}

const ROOMY: u64 = u64::MAX / 2;

/// The status line while saving fails: how many changes are only in memory, in words, and why,
/// naming the file once; never "(0)" when the journal holds every change and only the session
/// file is behind (it used to say "NOT SAVED! (0) meeting.session.json: …").
#[test]
fn not_saved_line_counts_in_words_and_names_the_file_once() {
    for lang in [Lang::En, Lang::Zh] {
        let mut m = meeting_of(NO_REVIEWERS, lang);
        let room = on_full_disk(&mut m);
        m.press(0, KeyCode::Char(' '));
        // Nothing goes to disk: the changes are held in memory.
        room.store(0, Ordering::SeqCst);
        m.press(1, KeyCode::Char('n'));
        m.press(2, KeyCode::Char(' '));
        for s in 3..10 {
            m.app.tick(at(s));
        }
        let line = status_line(&m.screen(at(10), (120, 24)));
        let n = m.app.core.ledger.unsaved();
        assert!(n >= 2, "the changes are held in memory");
        let expected = match lang {
            Lang::En => format!("NOT SAVED! {n} changes only in memory: "),
            Lang::Zh => format!("未保存！{n} 处改动只在内存中："),
        };
        assert!(line.starts_with(&expected), "{lang:?}: {line}");
        assert_eq!(
            line.matches("meeting.session").count(),
            1,
            "{lang:?}: {line}"
        );
        assert!(!line.contains('('), "{lang:?}: {line}");
        // Room again: everything saved.
        room.store(ROOMY, Ordering::SeqCst);
        for s in 11..20 {
            m.app.tick(at(s));
        }
        let line = status_line(&m.screen(at(20), (120, 24)));
        assert!(m.app.core.save_error.is_none(), "{lang:?}: {line}");
        // Room for a journal line, not for the session file: every change is in the journal.
        room.store(300, Ordering::SeqCst);
        m.press(21, KeyCode::Char(' '));
        for s in 22..30 {
            m.app.tick(at(s));
        }
        assert_eq!(
            m.app.core.ledger.unsaved(),
            0,
            "the journal took the change"
        );
        assert!(m.app.core.save_error.is_some(), "the snapshot failed");
        let screen = m.screen(at(30), (120, 24));
        let line = status_line(&screen);
        let expected = match lang {
            Lang::En => {
                "Session file not updated (every change is in the journal): meeting.session.json: no space left on device"
            }
            Lang::Zh => {
                "会议记录文件未更新（改动都已存入日志）：meeting.session.json: no space left on device"
            }
        };
        assert_eq!(line, expected, "{lang:?}:\n{screen}");
        assert!(!line.contains("(0)") && !line.contains("（0）"));
    }
}

/// Points mode, two units, two reviewers, one criterion.
const TWO_REVIEWERS: &str = r#"{"title": "Quarterly review", "date": "2026-05-30",
  "start": "09:00", "units": [{"name": "East"}, {"name": "West"}],
  "reviewers": [{"name": "Lead A"}, {"name": "Rep B"}],
  "scoring": {"criteria": [{"name": "Overall", "max": 100}]}}"#;

impl Meeting {
    fn ctrl(&mut self, s: i64, c: char) {
        self.key(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    /// `Ctrl+O`, the file's path, Enter: what the host does to import a score file.
    fn import(&mut self, s: i64, file: &std::path::Path) {
        self.ctrl(s, 'o');
        assert!(
            matches!(self.app.mode(), Mode::Form(_)),
            "Ctrl+O asks for a file"
        );
        self.app.on_paste(&file.display().to_string(), at(s));
        self.press(s, KeyCode::Enter);
    }

    /// Ticks, as the console's loop does, until the import is applied (a failsafe bound only:
    /// the test never judges how long it took).
    fn until_imported(&mut self, s: i64) {
        for _ in 0..6000 {
            if !self.app.import_pending() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.app.tick(at(s));
        }
        panic!("the import never finished");
    }

    fn notice(&self) -> String {
        self.app
            .core
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }
}

/// `Ctrl+O` with a 50 MB file that is not a score sheet: it is read off the console's thread.
/// The key returns with the import still pending (only `tick` applies a result), the console
/// keeps drawing and taking keys meanwhile, and a later tick says why nothing was imported.
/// A small valid file then goes through the same path and its scores are recorded.
#[test]
fn a_large_invalid_score_file_is_read_off_the_console_thread() {
    use std::io::Write;
    let mut m = meeting_of(TWO_REVIEWERS, Lang::En);
    let big = m.dir.path().join("big.csv");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&big).expect("big file"));
        out.write_all(b"name,comment\n").expect("written");
        let row = format!("Nowhere,{}\n", "x".repeat(200));
        for _ in 0..(50 << 20) / row.len() {
            out.write_all(row.as_bytes()).expect("written");
        }
        out.flush().expect("written");
    }
    let before = m.app.session().last_seq();
    m.import(1, &big);
    // on_key returned: the file is being read, or read and waiting for a tick.
    assert!(m.app.import_pending(), "the key does not wait for the file");
    assert!(m.notice().starts_with("Reading "), "{}", m.notice());
    let screen = m.screen(at(1), (100, 24));
    assert!(words(&screen).contains("Reading"), "{screen}");
    // Keys still work: a second import is refused while the first is read, Esc leaves the
    // results, and the talk starts.
    m.import(2, &big);
    assert!(m.notice().starts_with("Still reading"), "{}", m.notice());
    m.press(2, KeyCode::Esc);
    assert!(matches!(m.app.mode(), Mode::Live));
    m.press(2, KeyCode::Char(' '));
    assert!(m.app.session().last_seq() > before, "the talk started");
    let started = m.app.session().last_seq();
    m.until_imported(3);
    let said = m.notice();
    assert!(said.contains("big.csv"), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    assert_eq!(m.app.session().last_seq(), started, "nothing recorded");

    // A valid file: applied by a tick through the console's writer.
    let small = m.path.with_file_name("scores.csv");
    std::fs::write(
        &small,
        "unit,reviewer,criterion,score\nEast,Lead A,Overall,91\nEast,Rep B,Overall,88.5\n",
    )
    .expect("scores written");
    m.import(4, &small);
    assert!(m.app.import_pending());
    m.until_imported(5);
    assert!(
        m.notice().starts_with("Imported scores.csv"),
        "{}",
        m.notice()
    );
    let scores = &m.app.session().state().scores;
    assert_eq!(scores.value("East", "Rep B", 0), Some(885_000));
    assert_eq!(scores.value("East", "Lead A", 0), Some(910_000));
}

/// A note-taker's console shares the sheet: joined to a host whose plan has no reviewers (scores
/// allowed), `s` and digits say what to do instead of panicking.
#[test]
fn a_notetakers_sheet_without_reviewers_says_what_to_do() {
    use podium::net::client::{self, JoinSpec};
    use podium::net::host::Server;
    use podium::net::outbox::Outbox;
    use podium::net::wire::Role;
    use podium::tui::ledger::Remote;
    let mut host = meeting_of(NO_REVIEWERS, Lang::En);
    std::fs::write(
        host.path.with_file_name("meeting.session.join"),
        r#"{"code":"246810","meeting":"m-1","scores":true}"#,
    )
    .expect("join file");
    let server = Server::start(
        "127.0.0.1:0",
        &host.path,
        host.app.core.ledger.writer().expect("host"),
        podium::wallclock::now,
    )
    .expect("server started");
    let spec = JoinSpec {
        addr: server.addrs[0].clone(),
        role: Role::Notetaker,
        name: "Ann".into(),
        client: "laptop-ann".into(),
        code: "246810".into(),
    };
    host.app.core.server = Some(server);
    let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
    while !joining.is_finished() {
        host.app.tick(t0());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let link = joining.join().expect("thread").expect("joined");
    let outbox = Outbox::open(&host.dir.path().join("outbox-ann.jsonl")).expect("outbox");
    let remote = Remote::new("Ann".into(), link, outbox);
    let mut ann = Meeting {
        app: App::remote(remote, options(Lang::En), t0()),
        dir: tempfile::tempdir().expect("temp dir"),
        path: host.path.clone(),
    };
    ann.press(1, KeyCode::Char('s'));
    assert!(
        matches!(ann.app.mode(), Mode::Sheet(_)),
        "s opens the sheet"
    );
    ann.type_text(1, "42");
    ann.press(1, KeyCode::Tab);
    ann.press(1, KeyCode::Enter);
    let said = words(&ann.screen(at(1), (100, 24)));
    assert!(said.contains("This plan has no reviewers"), "{said}");
}
