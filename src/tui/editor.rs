//! Typing mode: the remark / task editor with its reviewer picker, and small forms (a late
//! unit, a presenter change). Every printable key goes into the text; podium's own keys are
//! handled here before the text widget sees them, so the widget's defaults never apply.

use crate::session::RemarkKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

/// What the editor's text is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum Target {
    /// A new remark or task on a unit, or on the whole meeting (`unit: None`).
    New {
        unit: Option<String>,
        kind: RemarkKind,
    },
    /// An existing remark.
    Edit { id: u64, kind: RemarkKind },
}

/// What a key did in the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Keep editing.
    Typing,
    Save,
    Cancel,
}

/// A draft: what the editor held, saved to disk at most a second behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub target: Target,
    pub reviewer: String,
    pub text: String,
}

pub fn new_textarea(lines: Vec<String>) -> TextArea<'static> {
    let mut ta = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_cursor_line_style(ratatui::style::Style::default());
    ta.set_max_histories(200);
    ta
}

/// Edit keys shared by every text field: characters, deletion, caret movement.
/// Returns whether the text changed.
pub fn edit_key(ta: &mut TextArea<'static>, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if !ctrl && !alt => match crate::text::safe_char(c) {
            // Joiners and bidi controls are left out: the terminal cannot be trusted to draw
            // them, and the layout must not move.
            Some(c) if !c.is_control() => {
                ta.insert_char(c);
                true
            }
            _ => false,
        },
        KeyCode::Backspace => ta.delete_char(),
        KeyCode::Delete => ta.delete_next_char(),
        KeyCode::Left => {
            ta.move_cursor(CursorMove::Back);
            false
        }
        KeyCode::Right => {
            ta.move_cursor(CursorMove::Forward);
            false
        }
        KeyCode::Up => {
            ta.move_cursor(CursorMove::Up);
            false
        }
        KeyCode::Down => {
            ta.move_cursor(CursorMove::Down);
            false
        }
        KeyCode::Home => {
            ta.move_cursor(CursorMove::Head);
            false
        }
        KeyCode::End => {
            ta.move_cursor(CursorMove::End);
            false
        }
        _ => false,
    }
}

pub fn text_of(ta: &TextArea<'_>) -> String {
    ta.lines().join("\n")
}

/// The remark editor.
pub struct RemarkEditor {
    pub target: Target,
    pub text: TextArea<'static>,
    pub reviewer: String,
    /// The reviewer search (`Ctrl+R`): the query typed so far, while searching.
    pub search: Option<String>,
    /// Plan reviewers, then names typed during the meeting.
    pub choices: Vec<String>,
    pub dirty: bool,
}

impl RemarkEditor {
    pub fn new(target: Target, reviewer: String, text: &str, choices: Vec<String>) -> Self {
        RemarkEditor {
            target,
            text: new_textarea(text.split('\n').map(str::to_string).collect()),
            reviewer,
            search: None,
            choices,
            dirty: false,
        }
    }

    pub fn draft(&self) -> Draft {
        Draft {
            target: self.target.clone(),
            reviewer: self.reviewer.clone(),
            text: text_of(&self.text),
        }
    }

    pub fn has_text(&self) -> bool {
        !text_of(&self.text).trim().is_empty()
    }

    /// The reviewer choices that match the search query.
    pub fn matches(&self) -> Vec<&String> {
        let query = self.search.as_deref().unwrap_or("").to_lowercase();
        self.choices
            .iter()
            .filter(|c| c.to_lowercase().contains(&query))
            .collect()
    }

    fn cycle_reviewer(&mut self, step: isize) {
        // The cycle is: every choice, then "no reviewer" (an empty name).
        let n = self.choices.len() as isize + 1;
        let at = self
            .choices
            .iter()
            .position(|c| *c == self.reviewer)
            .map_or(n - 1, |i| i as isize);
        let next = (at + step).rem_euclid(n);
        self.reviewer = self.choices.get(next as usize).cloned().unwrap_or_default();
    }

    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match &mut self.search {
            Some(query) => query.push_str(&text.replace('\n', " ")),
            None => {
                let clean: String = text
                    .chars()
                    .filter(|c| *c == '\n' || crate::text::safe_char(*c) == Some(*c))
                    .collect();
                self.text.insert_str(clean);
                self.dirty = true;
            }
        }
    }

    pub fn key(&mut self, key: &KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        if let Some(query) = &mut self.search {
            match key.code {
                KeyCode::Esc => self.search = None,
                KeyCode::Enter | KeyCode::Tab => {
                    let typed = query.trim().to_string();
                    let found = self.matches().first().map(|s| s.to_string());
                    self.reviewer = found.unwrap_or(typed);
                    self.search = None;
                }
                KeyCode::Backspace => {
                    query.pop();
                }
                KeyCode::Char(c) if !ctrl => query.push(c),
                _ => {}
            }
            return Outcome::Typing;
        }
        match key.code {
            KeyCode::Enter if shift => {
                self.text.insert_newline();
                self.dirty = true;
            }
            KeyCode::Enter => return Outcome::Save,
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('j' | 'J') if ctrl => {
                self.text.insert_newline();
                self.dirty = true;
            }
            KeyCode::Char('r' | 'R') if ctrl => self.search = Some(String::new()),
            KeyCode::Tab => self.cycle_reviewer(1),
            KeyCode::BackTab => self.cycle_reviewer(-1),
            _ => {
                if edit_key(&mut self.text, key) {
                    self.dirty = true;
                }
            }
        }
        Outcome::Typing
    }
}

/// Which form, and for which unit.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    AddUnit,
    UpdateUnit {
        unit: String,
    },
    /// The reason for unlocking published results.
    Unlock,
    /// The path of a score file to import.
    ImportScores,
    /// A message for the stage display.
    StageMessage,
}

/// A small form of one-line fields; `Tab` and `↑`/`↓` move between them.
pub struct Form {
    pub kind: FormKind,
    pub labels: Vec<&'static str>,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
}

impl Form {
    pub fn new(kind: FormKind, labels: Vec<&'static str>, values: Vec<String>) -> Form {
        let fields = values
            .into_iter()
            .map(|v| {
                let mut ta = new_textarea(vec![v]);
                ta.set_wrap_mode(WrapMode::None);
                ta.move_cursor(CursorMove::End);
                ta
            })
            .collect();
        Form {
            kind,
            labels,
            fields,
            focus: 0,
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(text_of).unwrap_or_default()
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.insert_str(text.replace(['\r', '\n'], " "));
        }
    }

    pub fn key(&mut self, key: &KeyEvent) -> Outcome {
        let n = self.fields.len().max(1);
        match key.code {
            KeyCode::Enter => return Outcome::Save,
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    edit_key(f, key);
                }
            }
        }
        Outcome::Typing
    }
}
