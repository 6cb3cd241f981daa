//! The task view (`l`; `k` for the unfinished tasks of the unit on now): the ledger as a
//! table — number, text, owner, deadline, status, overdue, latest progress — filtered by
//! owner, list, status and overdue (the filters in use are on screen), and on the selected
//! task: its status (a small chooser; closed and cancelled are the host's), a line of
//! progress, the task form, deleting it, a unit claiming it (认领 / 揭榜). Only the rows in
//! sight are laid out, so a ledger of thousands of tasks draws as fast as one of ten.

use super::{Hint, Outcome};
use crate::console::Level;
use crate::session::{Command, Refusal, Task, Time};
use crate::strings::{self, Lang, taskview as say};
use crate::task::Status;
use crate::text;
use crate::tui::app::{App, Confirm, Mode};
use crate::tui::editor::{edit_key, new_textarea, text_of};
use crate::widgets::table::{Column, Row, Table};
use crate::widgets::{popup, put, put_in, theme};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Which statuses the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    /// Not done, closed or cancelled.
    Unfinished,
    Is(Status),
}

impl StatusFilter {
    fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::Unfinished,
            StatusFilter::Unfinished => StatusFilter::Is(Status::ALL[0]),
            StatusFilter::Is(s) => match Status::ALL.iter().position(|x| *x == s) {
                Some(i) if i + 1 < Status::ALL.len() => StatusFilter::Is(Status::ALL[i + 1]),
                _ => StatusFilter::All,
            },
        }
    }

    fn lets(self, status: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Unfinished => !status.is_finished(),
            StatusFilter::Is(s) => s == status,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            StatusFilter::All => say::filter_all(lang),
            StatusFilter::Unfinished => say::filter_unfinished(lang),
            StatusFilter::Is(s) => strings::tasks::status_name(lang, s),
        }
    }
}

/// A question asked inside the view about the selected task.
pub enum Sub {
    /// The status chooser: the status highlighted.
    Status { selected: usize },
    /// A line of progress being typed.
    Progress(TextArea<'static>),
    /// The unit claiming the task, typed or chosen (`PgUp`/`PgDn` through `choices`).
    Claim {
        field: TextArea<'static>,
        choices: Vec<String>,
    },
}

#[derive(Default)]
pub struct TaskView {
    /// The selected row among those shown.
    pub selected: usize,
    /// Only tasks with this owner (`Some("")`: with none).
    pub owner: Option<String>,
    /// Only tasks of this list (`Some("")`: in none).
    pub list: Option<String>,
    pub status: StatusFilter,
    pub overdue: bool,
    /// The tasks of this unit only (owned by it or raised on it): its talk's tasks.
    pub talk: Option<String>,
    pub sub: Option<Sub>,
}

fn line_field(text: &str) -> TextArea<'static> {
    let mut ta = new_textarea(vec![text.to_string()]);
    ta.set_wrap_mode(WrapMode::None);
    ta.move_cursor(CursorMove::End);
    ta
}

/// A task's deadline as shown: its text as written, else its date.
pub fn due_shown(t: &Task) -> Option<String> {
    t.fields
        .due_text
        .clone()
        .or_else(|| t.fields.due.map(|d| d.to_string()))
}

/// The next value of a filter among `values` (in ledger order), all of them after the last.
fn cycle(current: &Option<String>, values: Vec<String>) -> Option<String> {
    match current {
        None => values.into_iter().next(),
        Some(c) => {
            let at = values.iter().position(|v| v == c);
            at.and_then(|i| values.get(i + 1).cloned())
        }
    }
}

impl TaskView {
    /// The view on the whole ledger.
    pub fn all() -> TaskView {
        TaskView::default()
    }

    /// The view on the unfinished tasks of `unit`.
    pub fn talk(unit: String) -> TaskView {
        TaskView {
            talk: Some(unit),
            status: StatusFilter::Unfinished,
            ..TaskView::default()
        }
    }

    /// The view on every unfinished task.
    pub fn talk_all() -> TaskView {
        TaskView {
            status: StatusFilter::Unfinished,
            ..TaskView::default()
        }
    }

    /// Whether any filter is on.
    pub fn filtered(&self) -> bool {
        self.owner.is_some()
            || self.list.is_some()
            || self.status != StatusFilter::All
            || self.overdue
            || self.talk.is_some()
    }

    fn lets(&self, t: &Task, day: NaiveDate) -> bool {
        if let Some(u) = &self.talk
            && t.fields.owner.as_deref() != Some(u.as_str())
            && t.unit.as_deref() != Some(u.as_str())
        {
            return false;
        }
        if let Some(o) = &self.owner
            && t.fields.owner.as_deref().unwrap_or("") != o
        {
            return false;
        }
        if let Some(l) = &self.list
            && t.fields.list.as_deref().unwrap_or("") != l
        {
            return false;
        }
        self.status.lets(t.status) && (!self.overdue || t.overdue(day))
    }

    /// The tasks shown, in ledger order.
    pub fn rows<'a>(&self, tasks: &'a [Task], day: NaiveDate) -> Vec<&'a Task> {
        tasks.iter().filter(|t| self.lets(t, day)).collect()
    }

    /// The filter line.
    pub fn describe(&self, lang: Lang) -> String {
        let value = |v: &Option<String>| match v.as_deref() {
            None => say::filter_all(lang).to_string(),
            Some("") => say::filter_none(lang).to_string(),
            Some(v) => v.to_string(),
        };
        say::filter_line(
            lang,
            self.talk.as_deref(),
            &value(&self.owner),
            &value(&self.list),
            self.status.name(lang),
            self.overdue,
        )
    }
}

/// The ids of the tasks the view shows.
pub fn shown_ids(app: &App, view: &TaskView) -> Vec<u64> {
    let day = app.meeting_day();
    view.rows(&app.session().state().tasks, day)
        .iter()
        .map(|t| t.id)
        .collect()
}

fn selected_id(app: &App, view: &TaskView) -> Option<u64> {
    let day = app.meeting_day();
    let rows = view.rows(&app.session().state().tasks, day);
    rows.get(view.selected.min(rows.len().saturating_sub(1)))
        .map(|t| t.id)
}

pub fn key(view: &mut TaskView, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    if view.sub.is_some() {
        return sub_key(view, key, app, now);
    }
    let lang = app.lang();
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let n = shown_ids(app, view).len();
    let last = n.saturating_sub(1);
    let needs_task = |app: &mut App, view: &TaskView| {
        let id = selected_id(app, view);
        if id.is_none() {
            app.notify(say::no_task(lang).to_string(), Level::Warn, now);
        }
        id
    };
    let st = app.session().state();
    match key.code {
        KeyCode::Esc | KeyCode::Char('q' | 'Q') if !ctrl => return Outcome::Close,
        KeyCode::Up => view.selected = view.selected.saturating_sub(1),
        KeyCode::Down => view.selected = (view.selected + 1).min(last),
        KeyCode::PageUp => view.selected = view.selected.saturating_sub(10),
        KeyCode::PageDown => view.selected = (view.selected + 10).min(last),
        KeyCode::Home => view.selected = 0,
        KeyCode::End => view.selected = last,
        KeyCode::Char('o' | 'O') if !ctrl => {
            let mut owners: Vec<String> = Vec::new();
            for t in &st.tasks {
                let o = t.fields.owner.clone().unwrap_or_default();
                if !owners.contains(&o) {
                    owners.push(o);
                }
            }
            view.owner = cycle(&view.owner, owners);
            view.selected = 0;
        }
        KeyCode::Char('l' | 'L') if !ctrl => {
            let mut lists: Vec<String> = Vec::new();
            for t in &st.tasks {
                let l = t.fields.list.clone().unwrap_or_default();
                if !lists.contains(&l) {
                    lists.push(l);
                }
            }
            view.list = cycle(&view.list, lists);
            view.selected = 0;
        }
        KeyCode::Char('s' | 'S') if !ctrl => {
            view.status = view.status.next();
            view.selected = 0;
        }
        KeyCode::Char('d' | 'D') if !ctrl => {
            view.overdue = !view.overdue;
            view.selected = 0;
        }
        KeyCode::Char('a' | 'A') if !ctrl => {
            *view = TaskView::all();
        }
        KeyCode::Char('t' | 'T' | 'n' | 'N') if !ctrl => {
            let unit = view.talk.clone().or_else(|| app.remark_unit());
            let form = app.new_task_form(unit, None);
            return Outcome::Over(Mode::TaskForm(Box::new(form)));
        }
        KeyCode::Enter => {
            if let Some(id) = needs_task(app, view) {
                let status = app.session().state().task(id).map(|t| t.status);
                let selected = Status::ALL
                    .iter()
                    .position(|s| Some(*s) == status)
                    .unwrap_or(0);
                view.sub = Some(Sub::Status { selected });
            }
        }
        KeyCode::Char('p' | 'P') if !ctrl => {
            view.sub = needs_task(app, view).map(|_| Sub::Progress(line_field("")));
        }
        KeyCode::Char('c' | 'C') if !ctrl => {
            if needs_task(app, view).is_none() {
                return Outcome::Stay;
            }
            let st = app.session().state();
            let on = st.current.as_deref().or(view.talk.as_deref());
            let unit = app
                .session()
                .report_unit(on)
                .or_else(|| app.session().report_unit(app.selected_unit().as_deref()))
                .unwrap_or_default();
            view.sub = Some(Sub::Claim {
                field: line_field(&unit),
                choices: app.owner_choices(),
            });
        }
        KeyCode::Char('e' | 'E') if !ctrl => {
            if let Some(form) = needs_task(app, view).and_then(|id| app.edit_task_form(id)) {
                return Outcome::Over(Mode::TaskForm(Box::new(form)));
            }
        }
        KeyCode::Delete => {
            if let Some(id) = needs_task(app, view) {
                return Outcome::Ask(Confirm::DeleteTask(id));
            }
        }
        _ => {}
    }
    Outcome::Stay
}

/// The keys of a question inside the view.
fn sub_key(view: &mut TaskView, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let Some(id) = selected_id(app, view) else {
        view.sub = None;
        return Outcome::Stay;
    };
    let remote = app.core.is_remote();
    let Some(sub) = view.sub.as_mut() else {
        return Outcome::Stay;
    };
    if key.code == KeyCode::Esc {
        view.sub = None;
        return Outcome::Stay;
    }
    match sub {
        Sub::Status { selected } => {
            let n = Status::ALL.len();
            let pick = match key.code {
                KeyCode::Up => {
                    *selected = (*selected + n - 1) % n;
                    None
                }
                KeyCode::Down | KeyCode::Tab => {
                    *selected = (*selected + 1) % n;
                    None
                }
                KeyCode::Enter => Some(*selected),
                KeyCode::Char(c @ '1'..='5') => Some(c as usize - '1' as usize),
                _ => None,
            };
            if let Some(i) = pick {
                let status = Status::ALL[i];
                if remote && host_only(status) {
                    // A note-taker hears at once, as for the host's own keys.
                    app.core.refuse(&Refusal::TaskStatusHostOnly, now);
                    return Outcome::Stay;
                }
                app.execute(Command::SetTaskStatus { id, status }, now);
                view.sub = None;
                clamp(view, app);
            }
        }
        Sub::Progress(field) => match key.code {
            KeyCode::Enter => {
                let text = text_of(field).trim().to_string();
                if text.is_empty() || app.execute(Command::AddTaskProgress { id, text }, now) {
                    view.sub = None;
                }
            }
            _ => {
                edit_key(field, key);
            }
        },
        Sub::Claim { field, choices } => match key.code {
            KeyCode::Enter => {
                let owner = text_of(field).trim().to_string();
                if app.execute(Command::ClaimTask { id, owner }, now) {
                    view.sub = None;
                    clamp(view, app);
                }
            }
            KeyCode::PageDown | KeyCode::PageUp if !choices.is_empty() => {
                let n = choices.len() as isize;
                let typed = text_of(field);
                let step = if key.code == KeyCode::PageDown { 1 } else { -1 };
                let next = match choices.iter().position(|c| *c == typed.trim()) {
                    Some(i) => (i as isize + step).rem_euclid(n),
                    None if step > 0 => 0,
                    None => n - 1,
                };
                *field = line_field(&choices[next as usize]);
            }
            _ => {
                edit_key(field, key);
            }
        },
    }
    Outcome::Stay
}

/// Closed and cancelled are set by the host only.
fn host_only(status: Status) -> bool {
    matches!(status, Status::Closed | Status::Cancelled)
}

/// Keeps the selection on a row shown (a task that left the filter).
fn clamp(view: &mut TaskView, app: &App) {
    let n = shown_ids(app, view).len();
    view.selected = view.selected.min(n.saturating_sub(1));
}

/// A paste goes into the line being typed.
pub fn paste(view: &mut TaskView, text: &str) {
    let clean: String = text
        .replace(['\r', '\n'], " ")
        .chars()
        .filter(|c| crate::text::safe_char(*c) == Some(*c))
        .collect();
    match &mut view.sub {
        Some(Sub::Progress(field)) | Some(Sub::Claim { field, .. }) => {
            field.insert_str(clean);
        }
        _ => {}
    }
}

pub fn key_hints(app: &App, view: &TaskView) -> Vec<Hint> {
    let lang = app.lang();
    let s = lang.s();
    let h = |k: &str, l: &'static str, p: u8| (k.to_string(), l, p);
    match &view.sub {
        Some(Sub::Status { .. }) => {
            return vec![
                h("↑↓", s.key_select, 0),
                h("Enter", s.key_pick, 0),
                h("Esc", s.key_cancel, 0),
            ];
        }
        Some(Sub::Progress(_)) => {
            return vec![h("Enter", s.key_save, 0), h("Esc", s.key_cancel, 0)];
        }
        Some(Sub::Claim { .. }) => {
            return vec![
                h("Enter", say::key_claim(lang), 0),
                h("PgUp/PgDn", say::key_choose(lang), 0),
                h("Esc", s.key_cancel, 0),
            ];
        }
        None => {}
    }
    vec![
        h("↑↓", s.key_select, 3),
        h("Enter", say::key_status(lang), 0),
        h("p", say::key_progress(lang), 0),
        h("c", say::key_claim(lang), 1),
        h("e", say::key_edit(lang), 2),
        h("t", say::key_new(lang), 2),
        h("Del", say::key_delete(lang), 4),
        h("o", say::key_by_owner(lang), 1),
        h("l", say::key_by_list(lang), 3),
        h("s", say::key_by_status(lang), 1),
        h("d", say::key_overdue(lang), 2),
        h("a", say::key_all(lang), 3),
        h("Esc", say::key_back(lang), 0),
    ]
}

/// The columns of the table.
fn columns(lang: Lang, amb: text::Ambiguous, no_w: u16) -> Vec<Column> {
    let [no, task, owner, due, status, late, progress] = say::columns(lang);
    let w = |t: &str| text::width(t, amb) as u16;
    let status_w = Status::ALL
        .iter()
        .map(|s| w(strings::tasks::status_name(lang, *s)))
        .chain([w(status)])
        .max()
        .unwrap_or(6);
    let late_w = w(late).max(w(say::overdue_mark(lang)));
    vec![
        Column::fixed(no, no_w.max(w(no)).min(16)).priority(3),
        Column::growing(task, 14, 3),
        Column::growing(owner, 10, 1).min(8).priority(6),
        Column::fixed(due, 10).priority(4),
        Column::fixed(status, status_w).priority(7),
        Column::fixed(late, late_w).priority(5),
        Column::growing(progress, 12, 2).priority(1),
    ]
}

/// A row of the table.
fn row<'a>(t: &'a Task, lang: Lang, day: NaiveDate) -> Row<'a> {
    let no = match (&t.fields.no, &t.fields.list) {
        (Some(no), Some(list)) => format!("{no}·{list}"),
        (Some(no), None) => no.clone(),
        (None, _) => format!("#{}", t.id),
    };
    let due = match (t.fields.due, &t.fields.due_text) {
        (Some(d), _) => d.to_string(),
        (None, Some(text)) => text.clone(),
        (None, None) => "—".to_string(),
    };
    let overdue = t.overdue(day);
    let latest = t
        .progress
        .last()
        .map(|p| text::clean_line(&p.text))
        .unwrap_or_default();
    let cells = vec![
        no,
        text::clean_line(&t.fields.text),
        t.fields.owner.clone().unwrap_or_else(|| "—".to_string()),
        due,
        strings::tasks::status_name(lang, t.status).to_string(),
        if overdue {
            say::overdue_mark(lang).to_string()
        } else {
            String::new()
        },
        latest,
    ];
    let style = if overdue {
        theme::warn()
    } else if t.status.is_finished() {
        theme::dim()
    } else {
        ratatui::style::Style::default()
    };
    Row::new(cells).style(style)
}

/// The view over `area`; the caret's position while a line is typed.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, view: &TaskView) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let st = app.session().state();
    let day = app.meeting_day();
    let rows = view.rows(&st.tasks, day);
    let title = say::view_title(lang, rows.len(), st.tasks.len());
    let inner = popup(buf, area, area.width, area.height, &title, amb);
    if inner.height < 3 || inner.width < 10 {
        return None;
    }
    let line = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(2), 1);
    put_in(buf, line, &view.describe(lang), theme::info(), amb);
    let body = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    if app.private {
        let hidden = app.lang().s().hidden;
        put(
            buf,
            body.x + 1,
            body.y,
            body.width,
            hidden,
            theme::warn(),
            amb,
        );
        return None;
    }
    // The selected task's other fields on the last row, when there is room for the table.
    let body = if body.height > 6 && !rows.is_empty() {
        let t = rows[view.selected.min(rows.len() - 1)];
        let last = Rect::new(
            inner.x + 1,
            body.bottom() - 1,
            inner.width.saturating_sub(2),
            1,
        );
        put_in(buf, last, &say::detail(lang, t), theme::dim(), amb);
        Rect {
            height: body.height - 2,
            ..body
        }
    } else {
        body
    };
    if rows.is_empty() {
        let text = say::empty(lang, view.filtered());
        put(
            buf,
            body.x + 1,
            body.y + 1,
            body.width,
            text,
            theme::dim(),
            amb,
        );
    } else {
        // Only the rows in sight are laid out: the header takes a row.
        let room = body.height.saturating_sub(1) as usize;
        let selected = view.selected.min(rows.len() - 1);
        let first = if room > 0 && selected >= room {
            selected + 1 - room
        } else {
            0
        };
        let shown: Vec<Row> = rows
            .iter()
            .skip(first)
            .take(room)
            .map(|t| row(t, lang, day))
            .collect();
        // The number's column is as wide as the numbers in sight (with their lists).
        let no_w = shown
            .iter()
            .filter_map(|r| r.cells.first())
            .map(|c| text::width(&c.text, amb) as u16)
            .max()
            .unwrap_or(4);
        Table::new(columns(lang, amb, no_w), amb)
            .rows(shown)
            .selected(Some(selected - first), theme::selected(true))
            .header_style(Some(theme::title()))
            .lead(1)
            .draw(buf, body);
    }
    let sub = view.sub.as_ref()?;
    let task = rows.get(view.selected.min(rows.len().saturating_sub(1)))?;
    draw_sub(buf, area, app, sub, task)
}

/// The question about the selected task, over the lower part of the view.
fn draw_sub(buf: &mut Buffer, area: Rect, app: &App, sub: &Sub, task: &Task) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let preview = text::truncate(&text::clean_line(&task.fields.text), 40, amb);
    match sub {
        Sub::Status { selected } => {
            let title = format!("{} · {preview}", say::status_title(lang));
            let height = Status::ALL.len() as u16 + 2;
            let inner = popup(buf, area, 44.min(area.width), height, &title, amb);
            let remote = app.core.is_remote();
            for (i, (row, status)) in inner.rows().zip(Status::ALL).enumerate() {
                let mut label = format!("{} {}", i + 1, strings::tasks::status_name(lang, status));
                let style = if i == *selected {
                    theme::selected(true)
                } else if remote && host_only(status) {
                    theme::dim()
                } else if task.status == status {
                    theme::title()
                } else {
                    ratatui::style::Style::default()
                };
                if remote && host_only(status) {
                    label.push_str(say::host_only_mark(lang));
                }
                if i == *selected {
                    crate::widgets::fill(buf, row, style);
                }
                put(
                    buf,
                    row.x + 1,
                    row.y,
                    row.width.saturating_sub(1),
                    &label,
                    style,
                    amb,
                );
            }
            None
        }
        Sub::Progress(field) => line_popup(
            buf,
            area,
            app,
            &format!("{} · {preview}", say::progress_title(lang)),
            say::progress_title(lang),
            field,
        ),
        Sub::Claim { field, .. } => line_popup(
            buf,
            area,
            app,
            &format!("{} · {preview}", say::claim_title(lang)),
            say::claim_label(lang),
            field,
        ),
    }
}

/// A popup of one typed line with its label; the caret.
fn line_popup(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    title: &str,
    label: &str,
    field: &TextArea<'static>,
) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let inner = popup(buf, area, 64.min(area.width), 5, title, amb);
    if inner.height < 2 {
        return None;
    }
    let y = inner.y + 1;
    let lw = put(
        buf,
        inner.x + 1,
        y,
        inner.width.saturating_sub(1),
        label,
        theme::title(),
        amb,
    ) + 2;
    let at = Rect::new(inner.x + 1 + lw, y, inner.width.saturating_sub(lw + 2), 1);
    field.render(at, buf);
    let c = field.screen_cursor();
    let (_, left) = field.scroll_offset();
    Some(Position::new(
        (at.x + c.col.saturating_sub(left as usize) as u16).min(at.right().saturating_sub(1)),
        y,
    ))
}
