//! Small forms of one-line fields: a late unit, a presenter change, the reason for an
//! unlock, a score file to import, a message for the stage display.

use super::{Hint, Outcome, hints};
use crate::console::Level;
use crate::plan::UnitKind;
use crate::session::{Command, Time};
use crate::strings::{self, Lang};
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
    /// An agenda item added during the meeting: its name, its kind (a choice, `←`/`→`), the
    /// presenter, the role and the minutes (`ADD_KIND`, `ADD_MINUTES`).
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

/// A small form of one-line fields; `Tab` and `↑`/`↓` move between them. In the score file
/// form (one field) `Tab` completes the path instead.
pub struct Form {
    pub kind: FormKind,
    pub labels: Vec<&'static str>,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    /// The line under the score file field: the choices a second `Tab` lists, or why `Tab`
    /// found nothing (`true`: said as an error). `None`: the hint.
    pub note: Option<(String, bool)>,
    /// The path as the last `Tab` left it: a `Tab` on it again lists the choices.
    tabbed: Option<String>,
    /// The kind chosen in the form that adds an agenda item (a unit's talk by default).
    pub item_kind: UnitKind,
    /// The plan's talk limit, which the minutes field holds for a kind that counts down.
    default_minutes: String,
}

/// The add-item form's kind field (a choice, not typed).
pub const ADD_KIND: usize = 1;
/// The add-item form's minutes field.
pub const ADD_MINUTES: usize = 4;

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
            note: None,
            tabbed: None,
            item_kind: UnitKind::Report,
            default_minutes: String::new(),
        }
    }

    /// The form that adds an agenda item: a unit's talk of the plan's talk limit to begin
    /// with; the kind changes with `←`/`→` on its field.
    pub fn add_item(lang: Lang, talk_minutes: f64) -> Form {
        let s = lang.s();
        let [name, kind] = strings::console::add_item_labels(lang);
        let minutes = talk_minutes.to_string();
        let labels = vec![
            name,
            kind,
            s.field_presenter,
            s.field_role,
            strings::console::minutes_label(lang, UnitKind::Report),
        ];
        let values = vec![
            String::new(),
            strings::console::kind_choice(lang, UnitKind::Report),
            String::new(),
            String::new(),
            minutes.clone(),
        ];
        let mut form = Form::new(FormKind::AddUnit, labels, values);
        form.default_minutes = minutes;
        form
    }

    /// Another kind in the add-item form (`step` through `UnitKind::ALL`): the minutes
    /// field follows it — the talk limit for a kind that counts down, empty (optional) for
    /// a speech or the comments, none for a written item.
    pub fn cycle_kind(&mut self, lang: Lang, step: isize) {
        let all = UnitKind::ALL;
        let at = all.iter().position(|k| *k == self.item_kind).unwrap_or(0) as isize;
        let next = all[(at + step).rem_euclid(all.len() as isize) as usize];
        self.item_kind = next;
        self.set_value(ADD_KIND, &strings::console::kind_choice(lang, next));
        if let Some(label) = self.labels.get_mut(ADD_MINUTES) {
            *label = strings::console::minutes_label(lang, next);
        }
        let typed = self.value(ADD_MINUTES);
        let minutes = if next.counts_down() {
            match typed.trim() {
                "" => self.default_minutes.clone(),
                _ => typed,
            }
        } else if next.is_timed() && typed != self.default_minutes {
            typed
        } else {
            String::new()
        };
        self.set_value(ADD_MINUTES, &minutes);
    }

    /// Whether field `i` takes typing: not the add-item form's kind (a choice), nor its
    /// minutes for a written item (no timer).
    fn typed_field(&self, i: usize) -> bool {
        self.kind != FormKind::AddUnit
            || !(i == ADD_KIND || (i == ADD_MINUTES && !self.item_kind.is_timed()))
    }

    /// Puts `text` in field `i`, the caret at its end.
    pub fn set_value(&mut self, i: usize, text: &str) {
        if let Some(f) = self.fields.get_mut(i) {
            let mut ta = new_textarea(vec![text.to_string()]);
            ta.set_wrap_mode(WrapMode::None);
            ta.move_cursor(CursorMove::End);
            *f = ta;
        }
    }

    /// `Tab` in the score file field: the path completed as far as the folder's entries
    /// agree; a `Tab` that adds nothing, pressed again, lists the choices under the field.
    pub fn complete(&mut self, app: &App) {
        let lang = app.lang();
        let typed = self.value(0);
        match app.core.complete_score_path(&typed) {
            Err(e) => {
                self.note = Some((e, true));
                self.tabbed = None;
            }
            Ok(None) => {
                self.note = Some((strings::console::no_path_match(lang, &typed), true));
                self.tabbed = None;
            }
            Ok(Some(c)) => {
                let again = self.tabbed.as_deref() == Some(typed.as_str());
                if c.text != typed {
                    self.set_value(0, &c.text);
                    self.note = None;
                } else if again && !c.choices.is_empty() {
                    self.note = Some((c.choices.join("\n"), false));
                }
                self.tabbed = Some(c.text);
            }
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(text_of).unwrap_or_default()
    }

    pub fn paste(&mut self, text: &str) {
        if !self.typed_field(self.focus) {
            return;
        }
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
            _ if !self.typed_field(self.focus) => {}
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
    if form.kind == FormKind::AddUnit && form.focus == ADD_KIND {
        match key.code {
            KeyCode::Left => form.cycle_kind(app.lang(), -1),
            KeyCode::Right | KeyCode::Char(' ') => form.cycle_kind(app.lang(), 1),
            _ => {}
        }
    }
    if form.kind == FormKind::ImportScores {
        if key.code == KeyCode::Tab {
            form.complete(app);
            return Outcome::Stay;
        }
        if key.code != KeyCode::Enter {
            form.note = None;
            form.tabbed = None;
        }
    }
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
            let kind = form.item_kind;
            let minutes = match opt(form.value(ADD_MINUTES)) {
                // A written item has no timer: its minutes are not asked.
                _ if !kind.is_timed() => None,
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
                presenter: opt(form.value(2)),
                role: opt(form.value(3)),
                minutes,
                kind: Some(kind),
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
            // Not started (no such file, a folder…): the notice says why; fix the path here.
            return match app.core.import_scores(&form.value(0), now) {
                true => Outcome::Replace(Mode::Results { selected: 0 }),
                false => Outcome::Stay,
            };
        }
    };
    match app.execute(command, now) {
        true => Outcome::Close,
        false => Outcome::Stay,
    }
}

pub fn key_hints(app: &App, form: &Form) -> Vec<Hint> {
    let s = app.lang().s();
    if form.kind == FormKind::ImportScores {
        return hints(&[
            ("Enter", s.key_import, 0),
            ("Tab", strings::console::key_complete(app.lang()), 0),
            ("Esc", s.key_cancel, 0),
        ]);
    }
    let mut out = hints(&[
        ("Enter", s.key_save, 0),
        ("Tab", s.key_select, 1),
        ("Esc", s.key_cancel, 0),
    ]);
    if form.kind == FormKind::AddUnit && form.focus == ADD_KIND {
        let label = strings::console::key_other_kind(app.lang());
        out.insert(1, ("←/→".to_string(), label, 0));
    }
    out
}

/// The form in the middle of `area`; the caret's position.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, form: &Form) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let lang = app.lang();
    let title = match &form.kind {
        FormKind::AddUnit => strings::console::add_item_title(lang).to_string(),
        FormKind::UpdateUnit { unit } => format!("{} · {unit}", s.editor_update_unit),
        FormKind::Unlock => strings::console::unlock_title(lang).to_string(),
        FormKind::StageMessage => {
            let current = app.session().state().stage.message.as_deref();
            strings::console::stage_title(lang, current)
        }
        FormKind::ImportScores => strings::console::import_title(lang).to_string(),
    };
    // The score file form has room under its field for the hint, the choices or an error.
    let note_rows = if form.kind == FormKind::ImportScores {
        NOTE_ROWS + 1
    } else {
        0
    };
    let height = form.fields.len() as u16 * 2 + 3 + note_rows;
    let inner = popup(buf, area, 60, height, &title, amb);
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
        if note_rows > 0 {
            let below = Rect {
                y: row.y + 2,
                height: NOTE_ROWS.min(inner.bottom().saturating_sub(row.y + 2)),
                ..row
            };
            let [_, note, _] = below.layout(&Layout::horizontal([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
            ]));
            draw_note(buf, note, app, form);
        }
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

/// Rows under the score file field for the hint, the choices or an error.
const NOTE_ROWS: u16 = 3;

/// The line(s) under the score file field: the choices (as many as fit, then how many
/// more), why `Tab` found nothing, or the hint.
fn draw_note(buf: &mut Buffer, area: Rect, app: &App, form: &Form) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let width = area.width as usize;
    let (lines, style) = match &form.note {
        None => (
            text::wrap(strings::console::path_hint(lang), width, amb),
            theme::dim(),
        ),
        Some((error, true)) => (text::wrap(error, width, amb), theme::error()),
        Some((choices, false)) => {
            let names: Vec<String> = choices.split('\n').map(str::to_string).collect();
            // As many choices as fit in the rows, then how many more.
            let mut shown = names.len();
            let lines = loop {
                let more = names.len() - shown;
                let line = strings::console::path_candidates(lang, &names[..shown], more);
                let lines = text::wrap(&line, width, amb);
                if lines.len() <= area.height as usize || shown == 0 {
                    break lines;
                }
                shown -= 1;
            };
            (lines, theme::info())
        }
    };
    for (row, line) in area.rows().zip(&lines) {
        put_in(buf, row, line, style, amb);
    }
}
