//! The remark / task editor with its reviewer picker (`r`, `g`, `t`, `e`): it takes the lower
//! half of the screen so the timer stays in sight while typing. What is typed is written as a
//! draft within half a second (the core's draft timer) and offered again after a crash.

use super::{Hint, Outcome, hints};
use crate::session::{Command, RemarkKind, Time};
use crate::strings;
use crate::tui::app::{App, Confirm};
use crate::tui::editor::{Draft, Outcome as Typed, Target, edit_key, new_textarea, text_of};
use crate::widgets::{popup, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea};

/// The remark editor.
pub struct RemarkEditor {
    pub target: Target,
    pub text: TextArea<'static>,
    pub reviewer: String,
    /// The reviewer search (`Ctrl+R`): the query typed so far, while searching.
    pub search: Option<String>,
    /// Plan reviewers, then names typed during the meeting.
    pub choices: Vec<String>,
    /// The agenda's units, which a new remark or task can be moved to (PgUp/PgDn), the whole
    /// meeting before the first.
    pub units: Vec<String>,
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
            units: Vec::new(),
            dirty: false,
        }
    }

    /// A new remark or task onto the next (`step` 1) or previous unit of the agenda, the
    /// whole meeting before the first (an existing remark keeps its unit).
    fn cycle_unit(&mut self, step: isize) {
        let Target::New { unit, .. } = &mut self.target else {
            return;
        };
        // The cycle is: the whole meeting, then every unit.
        let n = self.units.len() as isize + 1;
        let at = unit
            .as_deref()
            .and_then(|u| self.units.iter().position(|c| c == u))
            .map_or(0, |i| i as isize + 1);
        let next = (at + step).rem_euclid(n);
        *unit = next
            .checked_sub(1)
            .and_then(|i| self.units.get(i as usize))
            .cloned();
        self.dirty = true;
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

    pub fn key(&mut self, key: &KeyEvent) -> Typed {
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
            return Typed::Typing;
        }
        match key.code {
            KeyCode::Enter if shift => {
                self.text.insert_newline();
                self.dirty = true;
            }
            KeyCode::Enter => return Typed::Save,
            KeyCode::Esc => return Typed::Cancel,
            KeyCode::Char('j' | 'J') if ctrl => {
                self.text.insert_newline();
                self.dirty = true;
            }
            KeyCode::Char('r' | 'R') if ctrl => self.search = Some(String::new()),
            KeyCode::Tab => self.cycle_reviewer(1),
            KeyCode::BackTab => self.cycle_reviewer(-1),
            KeyCode::PageDown => self.cycle_unit(1),
            KeyCode::PageUp => self.cycle_unit(-1),
            _ => {
                if edit_key(&mut self.text, key) {
                    self.dirty = true;
                }
            }
        }
        Typed::Typing
    }
}

/// The editor's draft as written to disk (JSON).
pub fn draft_json(ed: &RemarkEditor) -> Option<String> {
    serde_json::to_string(&ed.draft()).ok()
}

/// A new editor on `target`, its caret at the end of `text`.
pub fn open(target: Target, reviewer: String, text: &str, choices: Vec<String>) -> RemarkEditor {
    let mut ed = RemarkEditor::new(target, reviewer, text, choices);
    ed.text.move_cursor(CursorMove::Bottom);
    ed.text.move_cursor(CursorMove::End);
    ed
}

/// The editor as the draft of an earlier run left it, if there is a draft (one that cannot be
/// read is removed).
pub fn restore(app: &mut App) -> Option<RemarkEditor> {
    let text = app.core.read_draft()?;
    let Ok(draft) = serde_json::from_str::<Draft>(&text) else {
        app.core.ledger.clear_draft();
        return None;
    };
    let choices = app.reviewer_choices();
    let mut ed = open(draft.target, draft.reviewer, &draft.text, choices);
    ed.units = app.unit_choices();
    Some(ed)
}

pub fn key(ed: &mut RemarkEditor, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    match ed.key(key) {
        Typed::Typing => {
            if std::mem::take(&mut ed.dirty) {
                app.core.typed(draft_json(ed), now);
            }
            Outcome::Stay
        }
        Typed::Save => save(ed, app, now),
        Typed::Cancel if ed.has_text() => Outcome::Ask(Confirm::DiscardEditor),
        Typed::Cancel => {
            app.close_editor();
            Outcome::Close
        }
    }
}

/// Saves the remark: the editor closes once it is recorded, and stays open when it is not.
fn save(ed: &RemarkEditor, app: &mut App, now: Time) -> Outcome {
    let text = text_of(&ed.text);
    let command = match &ed.target {
        Target::New { unit, kind } => Command::AddRemark {
            unit: unit.clone(),
            reviewer: ed.reviewer.clone(),
            text,
            kind: *kind,
        },
        Target::Edit { id, kind } => Command::EditRemark {
            id: *id,
            reviewer: ed.reviewer.clone(),
            text,
            kind: *kind,
        },
    };
    if !app.execute(command, now) {
        return Outcome::Stay;
    }
    if !ed.reviewer.is_empty() {
        app.last_reviewer = Some(ed.reviewer.clone());
    }
    if let Target::New { .. } = ed.target {
        app.remark_selected = None;
        app.sync_selection();
    }
    app.close_editor();
    Outcome::Close
}

pub fn key_hints(app: &App, ed: &RemarkEditor) -> Vec<Hint> {
    let s = app.lang().s();
    if ed.search.is_some() {
        return hints(&[("Enter", s.key_pick, 0), ("Esc", s.key_cancel, 0)]);
    }
    let mut out = hints(&[
        ("Enter", s.key_save, 0),
        ("Esc", s.key_cancel, 0),
        ("Ctrl+J", s.key_newline, 1),
        ("Tab", s.key_reviewer, 1),
        ("Ctrl+R", s.key_search, 2),
    ]);
    // A new remark can go to another unit (the reviewers' comments speak of any of them).
    if matches!(ed.target, Target::New { .. }) && !ed.units.is_empty() {
        out.push(("PgUp/PgDn".to_string(), s.key_other_unit, 3));
    }
    out
}

/// The editor over the lower part of `area`; the caret's position.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, ed: &RemarkEditor) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let title = match &ed.target {
        Target::New {
            unit: Some(u),
            kind: RemarkKind::Remark,
        } => format!("{} · {u}", s.editor_remark),
        Target::New {
            unit: Some(u),
            kind: RemarkKind::Task,
        } => format!("{} · {u}", s.editor_task),
        Target::New {
            unit: None,
            kind: RemarkKind::Task,
        } => format!("{} · {}", s.editor_task, s.whole_meeting),
        Target::New { unit: None, .. } => s.editor_general.to_string(),
        Target::Edit { .. } => s.editor_edit.to_string(),
    };
    // The editor takes the lower part of the screen: the timer stays in sight while typing.
    let height = (area.height / 2).max(7).min(area.height);
    let [_, bottom] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
    ]));
    let inner = popup(buf, bottom, area.width, height, &title, amb);
    if inner.height < 3 || inner.width < 6 {
        return None;
    }
    // The reviewer's line, the text's label, then the text; one blank column on the left.
    let [reviewer_row, label_row, text_rows] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let label = strings::console::field_label(app.lang(), s.field_reviewer);
    let lw = put(
        buf,
        reviewer_row.x + 1,
        reviewer_row.y,
        reviewer_row.width - 1,
        &label,
        theme::title(),
        amb,
    );
    let rx = inner.x + 1 + lw;
    let room = inner.width.saturating_sub(lw + 1);
    if let Some(query) = &ed.search {
        let shown = format!("{}{query}", s.search_reviewer);
        let used = put(buf, rx, inner.y, room, &shown, theme::warn(), amb);
        let matches: Vec<String> = ed.matches().iter().map(|m| m.to_string()).collect();
        put(
            buf,
            rx + used + 1,
            inner.y,
            room.saturating_sub(used + 1),
            &format!("→ {}", matches.join(" / ")),
            theme::dim(),
            amb,
        );
        let caret = Position::new((rx + used).min(inner.right().saturating_sub(1)), inner.y);
        return Some(caret);
    }
    let who = if ed.reviewer.is_empty() {
        s.new_reviewer.to_string()
    } else {
        ed.reviewer.clone()
    };
    put(
        buf,
        rx,
        inner.y,
        room,
        &format!("‹ {who} ›"),
        theme::info(),
        amb,
    );
    let [_, text_area, _] = text_rows.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    put(
        buf,
        label_row.x + 1,
        label_row.y,
        label_row.width - 1,
        &strings::console::field_label(app.lang(), s.field_text),
        theme::dim(),
        amb,
    );
    (&ed.text).render(text_area, buf);
    let cursor = ed.text.screen_cursor();
    let (top, left) = ed.text.scroll_offset();
    let row = cursor.row.saturating_sub(top as usize) as u16;
    let col = cursor.col.saturating_sub(left as usize) as u16;
    Some(Position::new(
        (text_area.x + col).min(text_area.right().saturating_sub(1)),
        (text_area.y + row).min(text_area.bottom().saturating_sub(1)),
    ))
}
