//! Wrong answers found by attack, on the console: the score sheet of a plan it cannot fill
//! (no reviewers), what the status line says when saving fails, and a score file imported in
//! the console (`Ctrl+O`) read off the console's thread. The app is driven with key events on
//! the tests' fixed clock and drawn into a `TestBackend`.

mod common {
    pub mod clock;
    pub mod screen;
}

use common::clock::{at, t0};
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
use tempfile::TempDir;

#[allow(dead_code)]
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
        assert!(matches!(m.app.mode, Mode::Sheet(_)), "s opens the sheet");
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
        assert!(matches!(m.app.mode, Mode::Live), "Esc closes the sheet");
    }
}
