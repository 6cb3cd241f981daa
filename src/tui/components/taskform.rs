//! The task form (`t`, `F4`; `e` on a task; a remark turned into a task): what the task is
//! (事项, typed in the same text field as a remark, so an input method never moves the
//! caret), its owner (责任单位: the 汇报单位 where it came up, never a speech or a briefing;
//! `PgUp`/`PgDn` choose among the agenda's units, or type any name), partners, leader,
//! deadline (read against the meeting's date as it is typed), list and who assigned it (the
//! speaker of a speech on now by default). `Enter` saves; `Esc` asks before dropping typed
//! text. What is typed is kept as the draft, like a remark's.

use super::{Hint, Outcome, hints};
use crate::deadline::{self, Deadline};
use crate::plan::UnitKind;
use crate::session::{Command, Task, TaskFields, Time};
use crate::strings::{Lang, taskview as say};
use crate::text;
use crate::tui::app::{App, Confirm};
use crate::tui::editor::{edit_key, new_textarea, text_of};
use crate::widgets::{popup, put, put_in, theme};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

/// The fields, in the form's order.
pub const TEXT: usize = 0;
pub const OWNER: usize = 1;
pub const PARTNERS: usize = 2;
pub const LEADER: usize = 3;
pub const DUE: usize = 4;
pub const LIST: usize = 5;
pub const ASSIGNER: usize = 6;
const FIELDS: usize = 7;

/// What the form saves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum TaskTarget {
    /// A new task raised on `unit` (none: the meeting as a whole), or the remark
    /// `from_remark` turned into one.
    New {
        unit: Option<String>,
        from_remark: Option<u64>,
    },
    /// A task of the ledger.
    Edit { id: u64 },
}

/// The form's draft as written to disk (beside the remark editor's, told apart by
/// `task_form`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDraft {
    pub task_form: TaskTarget,
    pub values: Vec<String>,
}

pub struct TaskForm {
    pub target: TaskTarget,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    /// The owners `PgUp`/`PgDn` go through: the agenda's 汇报单位, then the ledger's owners.
    pub owners: Vec<String>,
    /// The assigners `PgUp`/`PgDn` go through: speakers, reviewers, attendees.
    pub assigners: Vec<String>,
    /// The meeting's date, which deadlines are read against.
    pub meeting: NaiveDate,
    /// An edited task's number and due date (kept while its deadline text is not changed).
    no: Option<String>,
    due: Option<NaiveDate>,
    due_text: Option<String>,
    pub dirty: bool,
}

fn line_field(text: &str) -> TextArea<'static> {
    let mut ta = new_textarea(vec![text.replace(['\r', '\n'], " ")]);
    ta.set_wrap_mode(WrapMode::None);
    ta.move_cursor(CursorMove::End);
    ta
}

fn text_field(text: &str) -> TextArea<'static> {
    let mut ta = new_textarea(text.split('\n').map(str::to_string).collect());
    ta.move_cursor(CursorMove::Bottom);
    ta.move_cursor(CursorMove::End);
    ta
}

impl TaskForm {
    /// A form holding `fields` (text, owner, partners, leader, deadline, list, assigner).
    pub fn new(target: TaskTarget, values: &[String], meeting: NaiveDate) -> TaskForm {
        let fields = (0..FIELDS)
            .map(|i| {
                let v = values.get(i).map_or("", String::as_str);
                if i == TEXT {
                    text_field(v)
                } else {
                    line_field(v)
                }
            })
            .collect();
        TaskForm {
            target,
            fields,
            focus: TEXT,
            owners: Vec::new(),
            assigners: Vec::new(),
            meeting,
            no: None,
            due: None,
            due_text: None,
            dirty: false,
        }
    }

    /// The form on a task of the ledger.
    pub fn edit(task: &Task, meeting: NaiveDate) -> TaskForm {
        let f = &task.fields;
        let values = [
            f.text.clone(),
            f.owner.clone().unwrap_or_default(),
            f.partners.join(say::PARTNER_SEPARATOR),
            f.leader.clone().unwrap_or_default(),
            f.due_text
                .clone()
                .or_else(|| f.due.map(|d| d.to_string()))
                .unwrap_or_default(),
            f.list.clone().unwrap_or_default(),
            f.assigned_by.clone().unwrap_or_default(),
        ];
        let mut form = TaskForm::new(TaskTarget::Edit { id: task.id }, &values, meeting);
        form.no = f.no.clone();
        form.due = f.due;
        form.due_text = Some(values[DUE].clone());
        form
    }

    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(text_of).unwrap_or_default()
    }

    pub fn set_value(&mut self, i: usize, text: &str) {
        if let Some(f) = self.fields.get_mut(i) {
            *f = if i == TEXT {
                text_field(text)
            } else {
                line_field(text)
            };
        }
    }

    pub fn has_text(&self) -> bool {
        !self.value(TEXT).trim().is_empty()
    }

    pub fn draft(&self) -> TaskDraft {
        TaskDraft {
            task_form: self.target.clone(),
            values: (0..FIELDS).map(|i| self.value(i)).collect(),
        }
    }

    /// The choices of the focused field (owner, assigner), if it has any.
    fn choices(&self) -> Option<&[String]> {
        match self.focus {
            OWNER => Some(&self.owners),
            ASSIGNER => Some(&self.assigners),
            _ => None,
        }
    }

    /// The next (`step` 1) or previous choice in the focused field; from a typed name that
    /// is not a choice, the first (or last).
    fn cycle(&mut self, step: isize) {
        let Some(choices) = self.choices().filter(|c| !c.is_empty()) else {
            return;
        };
        let n = choices.len() as isize;
        let typed = self.value(self.focus);
        let next = match choices.iter().position(|c| *c == typed.trim()) {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        let choice = choices[next as usize].clone();
        self.set_value(self.focus, &choice);
        self.dirty = true;
    }

    /// How the deadline typed reads: `None` when nothing is typed.
    pub fn due_reading(&self, lang: Lang) -> String {
        let typed = self.value(DUE);
        let typed = typed.trim();
        if typed.is_empty() {
            return say::due_reads(lang, None, false);
        }
        if self.due_text.as_deref() == Some(typed)
            && let Some(d) = self.due
        {
            return say::due_reads(lang, Some(&d.to_string()), true);
        }
        match deadline::read(typed, self.meeting) {
            Some(Deadline::On(d)) => say::due_reads(lang, Some(&d.to_string()), true),
            Some(Deadline::Ongoing) => say::due_ongoing(lang).to_string(),
            None => say::due_reads(lang, None, true),
        }
    }

    /// The task's fields as typed.
    pub fn fields(&self) -> TaskFields {
        let opt = |i: usize| {
            let t = self.value(i).trim().to_string();
            (!t.is_empty()).then_some(t)
        };
        let due_text = opt(DUE);
        // An edited task keeps its date while its deadline text stays as it was (a date read
        // from a spreadsheet cell); a new text is read again.
        let due = match &due_text {
            Some(t) if self.due_text.as_deref() == Some(t.as_str()) => self.due,
            Some(t) => match deadline::read(t, self.meeting) {
                Some(Deadline::On(d)) => Some(d),
                _ => None,
            },
            None => None,
        };
        TaskFields {
            no: self.no.clone(),
            text: self.value(TEXT).trim().to_string(),
            list: opt(LIST),
            owner: opt(OWNER),
            partners: opt(PARTNERS).into_iter().collect(),
            leader: opt(LEADER),
            due,
            due_text,
            assigned_by: opt(ASSIGNER),
        }
    }

    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = text
            .chars()
            .filter(|c| *c == '\n' || crate::text::safe_char(*c) == Some(*c))
            .collect();
        let clean = if self.focus == TEXT {
            clean
        } else {
            clean.replace('\n', " ")
        };
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.insert_str(clean);
            self.dirty = true;
        }
    }
}

/// What a key did in the form.
pub enum Typed {
    Typing,
    Save,
    Cancel,
}

impl TaskForm {
    pub fn key(&mut self, key: &KeyEvent) -> Typed {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => return Typed::Save,
            KeyCode::Esc => return Typed::Cancel,
            KeyCode::Char('j' | 'J') if ctrl && self.focus == TEXT => {
                self.fields[TEXT].insert_newline();
                self.dirty = true;
            }
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % FIELDS,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + FIELDS - 1) % FIELDS,
            KeyCode::PageDown => self.cycle(1),
            KeyCode::PageUp => self.cycle(-1),
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && edit_key(f, key)
                {
                    self.dirty = true;
                }
            }
        }
        Typed::Typing
    }
}

/// The form's draft as written to disk (JSON).
pub fn draft_json(form: &TaskForm) -> Option<String> {
    serde_json::to_string(&form.draft()).ok()
}

impl App {
    /// The meeting's date: the plan's, else today's.
    pub fn meeting_day(&self) -> NaiveDate {
        self.session().meeting_date(self.clock_now())
    }

    /// The owners a task can be given by choice: the agenda's 汇报单位, then the other owners
    /// of the ledger.
    pub fn owner_choices(&self) -> Vec<String> {
        let st = self.session().state();
        let mut out: Vec<String> = st
            .units
            .iter()
            .filter(|u| u.kind.is_report())
            .map(|u| u.name.clone())
            .collect();
        for t in &st.tasks {
            if let Some(o) = &t.fields.owner
                && !out.contains(o)
            {
                out.push(o.clone());
            }
        }
        out
    }

    /// Who may have assigned a task: the speakers of the speeches, the reviewers (and names
    /// used for remarks), the attendees.
    pub fn assigner_choices(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .session()
            .state()
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Speech)
            .filter_map(|u| u.presenter.clone())
            .collect();
        let more = self
            .reviewer_choices()
            .into_iter()
            .chain(self.session().plan().attendees.iter().cloned());
        for name in more {
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The assigner of a task raised on `unit`: the speaker of a speech (the one it came up
    /// in, else the one on now), else the last name used, else the first reviewer.
    pub fn default_assigner(&self, unit: Option<&str>) -> String {
        let st = self.session().state();
        let speaker = |u: &crate::session::UnitState| {
            (u.kind == UnitKind::Speech)
                .then(|| u.presenter.clone())
                .flatten()
        };
        unit.and_then(|u| st.unit(u))
            .and_then(speaker)
            .or_else(|| st.current_unit().and_then(speaker))
            .or_else(|| self.last_reviewer.clone())
            .or_else(|| {
                self.session()
                    .plan()
                    .reviewers
                    .first()
                    .map(|r| r.name.clone())
            })
            .unwrap_or_default()
    }

    /// The task form for a new task on `unit` (`from_remark`: that remark's text and
    /// reviewer in it, turned into the task on saving).
    pub fn new_task_form(&self, unit: Option<String>, from_remark: Option<u64>) -> TaskForm {
        let remark = from_remark.and_then(|id| self.session().state().remark(id).cloned());
        let owner = self
            .session()
            .report_unit(unit.as_deref())
            .unwrap_or_default();
        let assigner = match &remark {
            Some(r) if !r.reviewer.is_empty() => r.reviewer.clone(),
            _ => self.default_assigner(unit.as_deref()),
        };
        let text = remark.map(|r| r.text).unwrap_or_default();
        let values = [
            text,
            owner,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            assigner,
        ];
        let target = TaskTarget::New { unit, from_remark };
        let mut form = TaskForm::new(target, &values, self.meeting_day());
        form.owners = self.owner_choices();
        form.assigners = self.assigner_choices();
        form
    }

    /// The task form on task `id`.
    pub fn edit_task_form(&self, id: u64) -> Option<TaskForm> {
        let task = self.session().state().task(id)?;
        let mut form = TaskForm::edit(task, self.meeting_day());
        form.owners = self.owner_choices();
        form.assigners = self.assigner_choices();
        Some(form)
    }

    /// Opens the task form for a new task on `unit`.
    pub fn open_task_form(&mut self, unit: Option<String>, from_remark: Option<u64>) {
        let form = self.new_task_form(unit, from_remark);
        self.open(crate::tui::app::Mode::TaskForm(Box::new(form)));
    }

    /// Opens the task form on task `id`.
    pub fn open_task_edit(&mut self, id: u64) {
        if let Some(form) = self.edit_task_form(id) {
            self.open(crate::tui::app::Mode::TaskForm(Box::new(form)));
        }
    }
}

/// The form as the draft of an earlier run left it, if the draft is a task form's.
pub fn restore(app: &App, text: &str) -> Option<TaskForm> {
    let draft: TaskDraft = serde_json::from_str(text).ok()?;
    let mut form = match &draft.task_form {
        TaskTarget::Edit { id } => {
            let task = app.session().state().task(*id)?;
            let mut f = TaskForm::edit(task, app.meeting_day());
            for (i, v) in draft.values.iter().enumerate() {
                f.set_value(i, v);
            }
            f
        }
        TaskTarget::New { .. } => {
            TaskForm::new(draft.task_form.clone(), &draft.values, app.meeting_day())
        }
    };
    form.owners = app.owner_choices();
    form.assigners = app.assigner_choices();
    Some(form)
}

pub fn key(form: &mut TaskForm, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    match form.key(key) {
        Typed::Typing => {
            if std::mem::take(&mut form.dirty) {
                app.core.typed(draft_json(form), now);
            }
            Outcome::Stay
        }
        Typed::Save => save(form, app, now),
        Typed::Cancel if form.has_text() => Outcome::Ask(Confirm::DiscardTaskForm),
        Typed::Cancel => {
            app.core.drop_draft();
            Outcome::Close
        }
    }
}

/// Saves the task: the form closes once it is recorded, and stays open when it is not.
fn save(form: &TaskForm, app: &mut App, now: Time) -> Outcome {
    let lang = app.lang();
    if !form.has_text() {
        app.notify(
            say::no_text(lang).to_string(),
            crate::console::Level::Warn,
            now,
        );
        return Outcome::Stay;
    }
    let fields = Box::new(form.fields());
    let command = match &form.target {
        TaskTarget::New { unit, from_remark } => Command::AddTask {
            task: fields,
            unit: unit.clone(),
            status: None,
            from_remark: *from_remark,
        },
        TaskTarget::Edit { id } => Command::EditTask {
            id: *id,
            task: fields,
        },
    };
    if !app.execute(command, now) {
        return Outcome::Stay;
    }
    let assigner = form.value(ASSIGNER).trim().to_string();
    // A speaker is not a reviewer: the remark editor's next default stays a reviewer's.
    if !assigner.is_empty() && app.reviewer_choices().contains(&assigner) {
        app.last_reviewer = Some(assigner);
    }
    if let TaskTarget::New { from_remark, .. } = &form.target {
        let owner = form.value(OWNER);
        if from_remark.is_some() {
            let owner = Some(owner.trim()).filter(|o| !o.is_empty());
            let text = say::converted(lang, owner);
            app.notify(text, crate::console::Level::Info, now);
        }
        app.remark_selected = None;
        app.sync_selection();
    }
    app.core.drop_draft();
    Outcome::Close
}

pub fn key_hints(app: &App, form: &TaskForm) -> Vec<Hint> {
    let lang = app.lang();
    let s = lang.s();
    let mut out = hints(&[
        ("Enter", s.key_save, 0),
        ("Esc", s.key_cancel, 0),
        ("Tab", say::key_field(lang), 1),
    ]);
    if form.choices().is_some_and(|c| !c.is_empty()) {
        out.push(("PgUp/PgDn".to_string(), say::key_choose(lang), 0));
    }
    if form.focus == TEXT {
        out.push(("Ctrl+J".to_string(), s.key_newline, 2));
    }
    out
}

/// The form over `area`; the caret's position.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, form: &TaskForm) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let (unit, from_remark, edit) = match &form.target {
        TaskTarget::New { unit, from_remark } => (unit.as_deref(), from_remark.is_some(), false),
        TaskTarget::Edit { id } => (
            app.session()
                .state()
                .task(*id)
                .and_then(|t| t.unit.as_deref()),
            false,
            true,
        ),
    };
    let title = say::form_title(lang, unit, from_remark, edit);
    // A blank row, the text on two rows, a row for each other field, a blank row and the
    // line that says how the deadline reads (or how to choose).
    let height = (1 + 2 + (FIELDS as u16 - 1) + 1 + 1 + 2).min(area.height);
    let width = area.width.min(78);
    // Over the lower part of the screen, as the remark editor: the timer stays in sight.
    // (Over the task view, in its middle.)
    let over_view = app
        .popups()
        .iter()
        .any(|m| matches!(m, crate::tui::app::Mode::Tasks(_)));
    let below = match over_view {
        true => area,
        false => Rect {
            y: area.bottom() - height,
            height,
            ..area
        },
    };
    let inner = popup(buf, below, width, height, &title, amb);
    if inner.height < 3 || inner.width < 12 {
        return None;
    }
    let labels = say::form_labels(lang);
    let label_w = labels
        .iter()
        .map(|l| text::width(l, amb))
        .max()
        .unwrap_or(0) as u16
        + 2;
    let field_x = inner.x + 1 + label_w;
    let field_w = inner.width.saturating_sub(label_w + 2);
    let mut y = inner.y + 1;
    let mut caret = None;
    for (i, label) in labels.iter().enumerate() {
        let rows = if i == TEXT { 2 } else { 1 };
        if y + rows > inner.bottom() {
            break;
        }
        let style = if i == form.focus {
            theme::title()
        } else {
            theme::dim()
        };
        put(buf, inner.x + 1, y, label_w, label, style, amb);
        let at = Rect::new(field_x, y, field_w, rows);
        (&form.fields[i]).render(at, buf);
        if i == form.focus {
            let c = form.fields[i].screen_cursor();
            let (top, left) = form.fields[i].scroll_offset();
            let row = c.row.saturating_sub(top as usize) as u16;
            let col = c.col.saturating_sub(left as usize) as u16;
            caret = Some(Position::new(
                (at.x + col).min(at.right().saturating_sub(1)),
                (at.y + row).min(at.bottom().saturating_sub(1)),
            ));
        }
        y += rows;
    }
    // The note: how to choose on a field with choices, else how the deadline reads.
    let note_y = inner.bottom().saturating_sub(1);
    if note_y > y {
        let note = match form.choices() {
            Some(c) if !c.is_empty() => say::choice_mark(lang, c.len()),
            _ => form.due_reading(lang),
        };
        let at = Rect::new(inner.x + 1, note_y, inner.width.saturating_sub(2), 1);
        put_in(buf, at, &note, theme::info(), amb);
    }
    caret
}

/// The remark editor's draft or the task form's, whichever the console holds.
pub fn any_draft(app: &App) -> Option<String> {
    if let Some(form) = app.task_form() {
        return draft_json(form);
    }
    app.editor()
        .and_then(crate::tui::components::editor::draft_json)
}
