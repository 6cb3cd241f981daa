//! What the typing components share (`components::editor`, `components::form`, the quit
//! dialog's folder): the text field, its edit keys, what the editor's text is for, and the
//! draft written to disk. Every printable key goes into the text; podium's own keys are
//! handled before the text widget sees them, so the widget's defaults never apply.

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
