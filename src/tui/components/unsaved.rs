//! The quit dialog when something is not on disk (the session's disk is full or gone). It
//! says how many changes are held only in memory and why, and offers: retry saving now,
//! write the whole session to another folder or drive, stay — and, only on a key of its own
//! that is never the highlighted answer, quit without them.

use super::{Hint, Outcome as Next, hints};
use crate::session::Time;
use crate::strings;
use crate::tui::app::{App, Confirm, Mode};
use crate::tui::editor::{edit_key, new_textarea, text_of};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use std::path::{Path, PathBuf};

/// The answers the highlight moves between. Quitting without the changes is not one of them:
/// it takes its own key (`Ctrl+Q`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Retry,
    Copy,
    Stay,
}

const CHOICES: [Choice; 3] = [Choice::Retry, Choice::Copy, Choice::Stay];

/// What a key asks the console to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Nothing beyond what the dialog did itself (the highlight moved, a letter was typed).
    None,
    Retry,
    /// Write the whole session into the folder typed.
    Write(String),
    Stay,
    /// `Ctrl+Q`: quit, losing what is not on disk.
    QuitAnyway,
    /// `y` or `q`, the keys of the ordinary quit question: they do not quit here.
    NotQuitting,
}

/// How the last attempt went, shown at the bottom of the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub text: String,
    pub error: bool,
}

pub struct UnsavedQuit {
    pub choice: Choice,
    /// The folder being typed (after `w`), prefilled with `default_folder`.
    pub folder: Option<TextArea<'static>>,
    pub outcome: Option<Outcome>,
}

impl Default for UnsavedQuit {
    fn default() -> Self {
        UnsavedQuit::new()
    }
}

impl UnsavedQuit {
    pub fn new() -> UnsavedQuit {
        UnsavedQuit {
            choice: Choice::Retry,
            folder: None,
            outcome: None,
        }
    }

    /// Opens the folder field, prefilled with `folder`.
    pub fn ask_folder(&mut self, folder: &Path) {
        let mut ta = new_textarea(vec![folder.display().to_string()]);
        ta.set_wrap_mode(WrapMode::None);
        ta.move_cursor(CursorMove::End);
        self.folder = Some(ta);
        self.outcome = None;
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = &mut self.folder {
            f.insert_str(text.replace(['\r', '\n'], ""));
        }
    }

    fn step(&mut self, by: usize) {
        let at = CHOICES.iter().position(|c| *c == self.choice).unwrap_or(0);
        self.choice = CHOICES[(at + by) % CHOICES.len()];
    }

    pub fn key(&mut self, key: &KeyEvent) -> Step {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Some(field) = &mut self.folder {
            match key.code {
                KeyCode::Enter => return Step::Write(text_of(field)),
                KeyCode::Esc => self.folder = None,
                KeyCode::Char('u' | 'U') if ctrl => {
                    *field = new_textarea(vec![String::new()]);
                    field.set_wrap_mode(WrapMode::None);
                }
                _ => {
                    edit_key(field, key);
                }
            }
            return Step::None;
        }
        if ctrl {
            return match key.code {
                KeyCode::Char('q' | 'Q') => Step::QuitAnyway,
                _ => Step::None,
            };
        }
        match key.code {
            KeyCode::Up | KeyCode::Left | KeyCode::BackTab => self.step(CHOICES.len() - 1),
            KeyCode::Down | KeyCode::Right | KeyCode::Tab => self.step(1),
            KeyCode::Enter => {
                return match self.choice {
                    Choice::Retry => Step::Retry,
                    Choice::Copy => {
                        self.ask_folder(&default_folder());
                        Step::None
                    }
                    Choice::Stay => Step::Stay,
                };
            }
            KeyCode::Char('r' | 'R' | 'ｒ' | 'Ｒ') => return Step::Retry,
            KeyCode::Char('w' | 'W' | 'ｗ' | 'Ｗ') => {
                self.choice = Choice::Copy;
                self.ask_folder(&default_folder());
            }
            KeyCode::Esc | KeyCode::Char('n' | 'N' | 'ｎ' | 'Ｎ') => return Step::Stay,
            KeyCode::Char('y' | 'Y' | 'ｙ' | 'Ｙ' | 'q' | 'Q' | 'ｑ' | 'Ｑ') => {
                return Step::NotQuitting;
            }
            _ => {}
        }
        Step::None
    }
}

/// Where a copy goes unless the host types another folder: the desktop, else the home
/// folder, else the current one.
pub fn default_folder() -> PathBuf {
    dirs::desktop_dir()
        .filter(|d| d.is_dir())
        .or_else(|| dirs::home_dir().filter(|d| d.is_dir()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The folder typed: quotes around it (a path dragged into the terminal) taken off, `~` the
/// home folder. `None` when nothing was typed.
pub fn folder_of(typed: &str) -> Option<PathBuf> {
    let t = typed.trim().trim_matches(['"', '\'']).trim();
    if t.is_empty() {
        return None;
    }
    if t == "~" {
        return dirs::home_dir().or_else(|| Some(PathBuf::from(t)));
    }
    if let Some(rest) = t.strip_prefix("~/")
        && let Some(home) = dirs::home_dir()
    {
        return Some(home.join(rest));
    }
    Some(PathBuf::from(t))
}

/// Keys of the quit dialog: what the dialog asks for is carried out here, and said in it.
pub fn key(d: &mut UnsavedQuit, key: &KeyEvent, app: &mut App, now: Time) -> Next {
    let lang = app.lang();
    let session = app.core.ledger.paths().session.clone();
    let short = |e: &str| crate::console::short_error(e, &session);
    match d.key(key) {
        Step::None => {}
        Step::Retry => {
            let result = app.core.retry_save(now);
            if result.is_ok() && !app.unsaved_changes() {
                // Everything is on disk: the ordinary quit question.
                return Next::Replace(Mode::Confirm {
                    what: Confirm::Quit,
                    yes: true,
                });
            }
            let why = match result {
                Ok(()) => app.core.ledger.save_error().unwrap_or_default().to_string(),
                Err(e) => e,
            };
            d.outcome = Some(Outcome {
                text: strings::retry_failed(lang, &short(&why)),
                error: true,
            });
        }
        Step::Write(typed) => {
            let written = match folder_of(&typed) {
                None => Err(strings::unsaved_text(lang).type_folder.to_string()),
                Some(dir) => app.core.write_copy(&dir, now),
            };
            match written {
                Ok(path) => {
                    d.folder = None;
                    d.outcome = Some(Outcome {
                        text: strings::copy_written(lang, &path.display().to_string()),
                        error: false,
                    });
                }
                // The folder stays open to be corrected.
                Err(text) => d.outcome = Some(Outcome { text, error: true }),
            }
        }
        Step::Stay => return Next::Close,
        Step::QuitAnyway => {
            // The editor stays open under the quit, so its text is kept as the draft.
            app.quit = true;
            return Next::Close;
        }
        Step::NotQuitting => {
            let n = app.core.ledger.unsaved();
            d.outcome = Some(Outcome {
                text: strings::quit_refused(lang, n),
                error: true,
            });
        }
    }
    Next::Stay
}

pub fn key_hints(app: &App, d: &UnsavedQuit) -> Vec<Hint> {
    let s = app.lang().s();
    let u = strings::unsaved_text(app.lang());
    if d.folder.is_some() {
        return hints(&[
            ("Enter", u.key_write, 0),
            ("Ctrl+U", u.key_clear, 1),
            ("Esc", u.key_back, 0),
        ]);
    }
    hints(&[
        ("r", u.key_retry, 0),
        ("w", u.key_copy, 0),
        ("Esc", u.key_stay, 0),
        ("Ctrl+Q", u.key_quit_anyway, 0),
        ("↑↓", s.key_select, 1),
        ("Enter", s.key_pick, 1),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_shortened() {
        use crate::console::short_error;
        let session = Path::new("/data/m/meeting.session.json");
        assert_eq!(
            short_error(
                "/data/m/meeting.session.json: /data/m/meeting.session.json: No space left on device (os error 28)",
                session
            ),
            "meeting.session.json: No space left on device"
        );
        assert_eq!(
            short_error(
                "/data/m/meeting.session.journal: no space left on device",
                session
            ),
            "meeting.session.journal: no space left on device"
        );
    }

    #[test]
    fn folders_typed() {
        assert_eq!(folder_of("  "), None);
        assert_eq!(folder_of("'/media/usb'"), Some(PathBuf::from("/media/usb")));
    }

    #[test]
    fn the_quit_key_is_never_the_highlighted_answer() {
        let mut d = UnsavedQuit::new();
        for _ in 0..5 {
            assert_ne!(d.key(&KeyEvent::from(KeyCode::Enter)), Step::QuitAnyway);
            d.key(&KeyEvent::from(KeyCode::Down));
            d.folder = None;
        }
        assert_eq!(
            d.key(&KeyEvent::from(KeyCode::Char('y'))),
            Step::NotQuitting
        );
        assert_eq!(
            d.key(&KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Step::QuitAnyway
        );
    }
}
