//! Small forms of one-line fields: a late unit, a presenter change, the reason for an
//! unlock, a score file to import, a message for the stage display.

use super::{Hint, Outcome, hints};
use crate::console::Level;
use crate::session::{Command, Time};
use crate::strings;
use crate::text;
use crate::tui::app::{App, Mode};
use crate::tui::editor::{Outcome as Typed, edit_key, new_textarea, text_of};
use crate::widgets::{popup, put_in, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

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

    pub fn key(&mut self, key: &KeyEvent) -> Typed {
        let n = self.fields.len().max(1);
        match key.code {
            KeyCode::Enter => return Typed::Save,
            KeyCode::Esc => return Typed::Cancel,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    edit_key(f, key);
                }
            }
        }
        Typed::Typing
    }
}

pub fn key(form: &mut Form, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    match form.key(key) {
        Typed::Typing => Outcome::Stay,
        Typed::Cancel => Outcome::Close,
        Typed::Save => save(form, app, now),
    }
}

/// Carries out the form: it closes when that worked, and stays open to be corrected if not.
fn save(form: &Form, app: &mut App, now: Time) -> Outcome {
    let opt = |s: String| {
        let t = s.trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    let command = match &form.kind {
        FormKind::AddUnit => {
            let minutes = match opt(form.value(3)) {
                None => None,
                Some(m) => match m.replace('．', ".").parse::<f64>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        let text = app.lang().s().bad_minutes.into();
                        app.notify(text, Level::Warn, now);
                        return Outcome::Stay;
                    }
                },
            };
            Command::AddUnit {
                name: form.value(0),
                presenter: opt(form.value(1)),
                role: opt(form.value(2)),
                minutes,
            }
        }
        FormKind::UpdateUnit { unit } => Command::UpdateUnit {
            unit: unit.clone(),
            presenter: opt(form.value(0)),
            role: opt(form.value(1)),
        },
        FormKind::Unlock => {
            let reason = form.value(0);
            return match app.execute(Command::Unlock { reason }, now) {
                true => Outcome::Replace(Mode::Results { selected: 0 }),
                false => Outcome::Stay,
            };
        }
        FormKind::StageMessage => Command::StageMessage {
            text: form.value(0),
        },
        FormKind::ImportScores => {
            app.core.import_scores(&form.value(0), now);
            return Outcome::Replace(Mode::Results { selected: 0 });
        }
    };
    match app.execute(command, now) {
        true => Outcome::Close,
        false => Outcome::Stay,
    }
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let s = app.lang().s();
    hints(&[
        ("Enter", s.key_save, 0),
        ("Tab", s.key_select, 1),
        ("Esc", s.key_cancel, 0),
    ])
}

/// The form in the middle of `area`; the caret's position.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, form: &Form) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let lang = app.lang();
    let title = match &form.kind {
        FormKind::AddUnit => s.editor_add_unit.to_string(),
        FormKind::UpdateUnit { unit } => format!("{} · {unit}", s.editor_update_unit),
        FormKind::Unlock => strings::console::unlock_title(lang).to_string(),
        FormKind::StageMessage => {
            let current = app.session().state().stage.message.as_deref();
            strings::console::stage_title(lang, current)
        }
        FormKind::ImportScores => strings::console::import_title(lang).to_string(),
    };
    let inner = popup(buf, area, 60, form.fields.len() as u16 * 2 + 3, &title, amb);
    let label_w = form
        .labels
        .iter()
        .map(|l| text::width(l, amb))
        .max()
        .unwrap_or(0) as u16
        + 2;
    // A blank row on top, then the fields on every other row: a blank column on each side,
    // the labels in a column as wide as the widest, the fields in the rest.
    let [_, rows] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let columns = Layout::horizontal([
        Constraint::Length(1),
        Constraint::Length(label_w),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]);
    let mut caret = None;
    let fields = form.labels.iter().zip(&form.fields);
    for (i, (row, (label, field))) in rows.rows().step_by(2).zip(fields).enumerate() {
        let [_, label_at, fr, _] = row.layout(&columns);
        let style = if i == form.focus {
            theme::title()
        } else {
            theme::dim()
        };
        put_in(buf, label_at, label, style, amb);
        field.render(fr, buf);
        if i == form.focus {
            let c = field.screen_cursor();
            let (_, left) = field.scroll_offset();
            caret = Some(Position::new(
                (fr.x + c.col.saturating_sub(left as usize) as u16)
                    .min(fr.right().saturating_sub(1)),
                fr.y,
            ));
        }
    }
    caret
}
