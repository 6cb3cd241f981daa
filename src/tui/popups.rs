//! The popups over the live screen, on a stack: which popup is on screen (`App::mode`), how
//! one opens (`open`, `ask`), and where a key or a paste goes (the popup on top, else the live
//! screen). A popup answers a key with an `Outcome`; the stack does the rest here.

use super::app::App;
use super::components::{self, Outcome};
use crate::session::Time;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::components::confirm::Confirm;
pub use super::components::editor::RemarkEditor;
pub use super::components::form::{Form, FormKind};
pub use super::components::sheet::Sheet;
pub use super::components::taskform::{TaskForm, TaskTarget};
pub use super::components::tasks::TaskView;
pub use super::components::unsaved::UnsavedQuit;

/// What is on screen: the live screen, or a popup over it (`App::mode`). Each popup is a
/// component in `components`: its state here, its keys, hints and drawing there.
pub enum Mode {
    Live,
    Editor(Box<RemarkEditor>),
    Form(Box<Form>),
    /// The task form (`t`, `e` on a task, a remark turned into a task).
    TaskForm(Box<TaskForm>),
    /// The task view (`l`, `k`).
    Tasks(Box<TaskView>),
    Confirm {
        what: Confirm,
        yes: bool,
    },
    /// Quitting while changes are not on disk (`components::unsaved`): retry, write a copy
    /// elsewhere, stay, or quit without them on a key of its own.
    Unsaved(Box<UnsavedQuit>),
    Help {
        scroll: u16,
    },
    Menu {
        selected: usize,
    },
    Sheet(Box<Sheet>),
    /// The results view; `selected` is a position in the ranking.
    Results {
        selected: usize,
    },
    /// The host's list of joined note-takers (`c`).
    Connections {
        selected: usize,
    },
    /// The ballots view (`Ctrl+B`, `components::ballots`).
    Ballots(Box<super::components::ballots::BallotView>),
}

/// The live screen, what `App::mode` answers when no popup is open.
const LIVE: &Mode = &Mode::Live;

/// `F12` panics when the environment sets `PODIUM_PANIC_KEY=1`: a way to test that a crash
/// restores the terminal and keeps the session. Off for everyone else.
fn panic_key_enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var("PODIUM_PANIC_KEY").is_ok_and(|v| v == "1"))
}

impl App {
    /// What is on screen: the popup on top, or the live screen.
    pub fn mode(&self) -> &Mode {
        self.popups.last().unwrap_or(LIVE)
    }

    /// Every popup open, the lowest first.
    pub fn popups(&self) -> &[Mode] {
        &self.popups
    }

    /// Shows `mode` alone: every popup closes, and `mode` (unless the live screen) opens.
    pub fn set_mode(&mut self, mode: Mode) {
        self.popups.clear();
        if !matches!(mode, Mode::Live) {
            self.popups.push(mode);
        }
    }

    /// Opens `mode` in place of the popup on top (over the live screen when none is open).
    pub fn open(&mut self, mode: Mode) {
        self.popups.pop();
        self.popups.push(mode);
    }

    /// Asks a question: over the editor or the results it is pushed above them (they come
    /// back after No); otherwise it takes the place of the popup on top. Quitting while something is not
    /// on disk is not a yes/no question but the quit dialog.
    pub fn ask(&mut self, what: Confirm) {
        let question = if what == Confirm::Quit && self.unsaved_changes() {
            Mode::Unsaved(Box::default())
        } else {
            let yes = what.default_yes();
            Mode::Confirm { what, yes }
        };
        match self.popups.last() {
            // Over the results (publishing), they stay in sight under the question.
            Some(Mode::Editor(_) | Mode::Results { .. } | Mode::TaskForm(_) | Mode::Tasks(_)) => {
                self.popups.push(question)
            }
            _ => self.open(question),
        }
    }

    pub fn on_paste(&mut self, text: &str, now: Time) {
        let typed = match self.popups.last_mut() {
            Some(Mode::Editor(ed)) => {
                ed.paste(text);
                components::editor::draft_json(ed)
            }
            Some(Mode::TaskForm(form)) => {
                form.paste(text);
                components::taskform::draft_json(form)
            }
            Some(Mode::Tasks(view)) => return components::tasks::paste(view, text),
            Some(Mode::Form(form)) => return form.paste(text),
            Some(Mode::Unsaved(d)) => return d.paste(text),
            _ => return,
        };
        self.core.typed(typed, now);
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Time) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code == KeyCode::F(12) && panic_key_enabled() {
            panic!("F12 pressed with PODIUM_PANIC_KEY set (a test of crash handling)");
        }
        if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
            match self.mode() {
                Mode::Confirm { .. } | Mode::Unsaved(_) => {}
                Mode::Editor(_) | Mode::TaskForm(_) => {
                    self.save_draft();
                    self.ask(Confirm::Quit);
                }
                _ => self.ask(Confirm::Quit),
            }
            return;
        }
        // The popup on top takes the key, off the stack while it does: what it answers
        // (`Outcome`) says whether it stays, closes or gives way.
        let Some(mut top) = self.popups.pop() else {
            return components::live::key(self, key, now);
        };
        let outcome = match &mut top {
            Mode::Live => Outcome::Close,
            Mode::Editor(ed) => components::editor::key(ed, &key, self, now),
            Mode::Form(form) => components::form::key(form, &key, self, now),
            Mode::TaskForm(form) => components::taskform::key(form, &key, self, now),
            Mode::Tasks(view) => components::tasks::key(view, &key, self, now),
            Mode::Confirm { what, yes } => components::confirm::key(what, yes, &key, self, now),
            Mode::Unsaved(d) => components::unsaved::key(d, &key, self, now),
            Mode::Help { scroll } => components::help::key(scroll, &key),
            Mode::Menu { selected } => components::menu::key(selected, &key, self, now),
            Mode::Sheet(sheet) => components::sheet::key(sheet, &key, self, now),
            Mode::Results { selected } => components::results::key(selected, &key, self, now),
            Mode::Connections { selected } => {
                components::connections::key(selected, &key, self, now)
            }
            Mode::Ballots(view) => components::ballots::key(view, &key, self, now),
        };
        match outcome {
            Outcome::Stay => self.popups.push(top),
            Outcome::Close => {}
            Outcome::Replace(mode) => self.popups.push(mode),
            Outcome::Over(mode) => {
                self.popups.push(top);
                self.popups.push(mode);
            }
            Outcome::Ask(what) => {
                self.popups.push(top);
                self.ask(what);
            }
            Outcome::Run(action) => {
                self.popups.push(top);
                self.perform(action, now);
            }
        }
    }
}
