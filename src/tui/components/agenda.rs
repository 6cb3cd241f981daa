//! The agenda (left of the live screen): the units with their times, status and remarks.
//! With the focus on it, the arrows move the selected row.

use crate::session::{Status, Time};
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use crate::timer::clock_text;
use crate::tui::app::{App, Focus, Mode};
use crate::widgets::{block, fill, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Moves the selected row; the selection follows the current unit again when it lands on it.
pub fn move_selection(app: &mut App, code: KeyCode) {
    let last = app.rows() - 1;
    app.selected = match code {
        KeyCode::Up => app.selected.saturating_sub(1),
        KeyCode::Down => (app.selected + 1).min(last),
        KeyCode::PageUp => app.selected.saturating_sub(10),
        KeyCode::PageDown => (app.selected + 10).min(last),
        KeyCode::Home => 0,
        _ => last,
    };
    let current = app.session().state().current_position().map(|p| p + 1);
    app.follow = current == Some(app.selected);
    app.remark_selected = None;
    app.sync_selection();
}

struct Column {
    /// Which cell of a row this column shows.
    cell: usize,
    width: u16,
    right: bool,
}

const OVER_CELL: usize = 6;

/// The agenda's columns for a width: number, unit, presenter, plan, actual, status, over,
/// remarks. Narrow panels drop the presenter first, then plan, remarks, over and number, so
/// the unit name always keeps room to be read.
fn agenda_columns(width: u16, lang: Lang, amb: Ambiguous) -> Vec<Column> {
    let s = lang.s();
    let status_w = [
        Status::Pending,
        Status::Presenting,
        Status::Paused,
        Status::Done,
        Status::Skipped,
    ]
    .iter()
    .map(|st| text::width(strings::status(lang, *st), amb))
    .chain([text::width(s.col_status, amb)])
    .max()
    .unwrap_or(6) as u16;
    // (cell, width, right-aligned); width 0 marks the flexible name and presenter.
    let all: [(usize, u16, bool); 8] = [
        (0, 3, true),
        (1, 0, false),
        (2, 0, false),
        (3, 6, true),
        (4, 6, true),
        (5, status_w, false),
        (OVER_CELL, 7, true),
        (7, 4, true),
    ];
    let mut shown = [true; 8];
    let drop_order = [2usize, 3, 7, OVER_CELL, 0];
    let usable = width.saturating_sub(1);
    let mut flexible = 0;
    for step in 0..=drop_order.len() {
        let fixed: u16 = all.iter().filter(|c| shown[c.0]).map(|c| c.1).sum();
        let gaps = shown.iter().filter(|s| **s).count().saturating_sub(1) as u16;
        flexible = usable.saturating_sub(fixed + gaps);
        let needed = if shown[2] { 20 } else { 10 };
        if flexible >= needed || step == drop_order.len() {
            break;
        }
        shown[drop_order[step]] = false;
    }
    let (name_w, presenter_w) = if shown[2] {
        let name = (flexible * 3 / 5).max(10);
        (name, flexible.saturating_sub(name))
    } else {
        (flexible, 0)
    };
    all.iter()
        .filter(|c| shown[c.0])
        .map(|&(cell, w, right)| Column {
            cell,
            width: match cell {
                1 => name_w,
                2 => presenter_w,
                _ => w,
            },
            right,
        })
        .collect()
}

/// The agenda: one row for the whole meeting, then one per unit; the selected row kept in
/// view, the current unit marked.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let focused = app.focus == Focus::Agenda && matches!(app.mode(), Mode::Live);
    let b = block(s.agenda, amb, focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let cols = agenda_columns(inner.width, lang, amb);
    let row = |buf: &mut Buffer, y: u16, cells: &[String], style: Style| {
        let mut x = inner.x + 1;
        for col in &cols {
            let cell = cells.get(col.cell).map_or("", |c| c.as_str());
            let t = text::truncate(&text::clean_line(cell), col.width as usize, amb);
            let w = text::width(&t, amb) as u16;
            let at = if col.right {
                x + col.width.saturating_sub(w)
            } else {
                x
            };
            put(buf, at, y, col.width, &t, style, amb);
            x += col.width + 1;
        }
    };
    let headers: Vec<String> = [
        s.col_no,
        s.col_unit,
        s.col_presenter,
        s.col_plan,
        s.col_actual,
        s.col_status,
        s.col_over,
        s.col_remarks,
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    row(buf, inner.y, &headers, theme::title());
    let st = app.session().state();
    let rows_room = (inner.height - 1) as usize;
    let total_rows = st.units.len() + 1;
    // Keep the selected row in view.
    let first = if app.selected >= rows_room {
        app.selected + 1 - rows_room
    } else {
        0
    };
    let mut counts: std::collections::HashMap<Option<&str>, usize> =
        std::collections::HashMap::new();
    for r in &st.remarks {
        *counts.entry(r.unit.as_deref()).or_default() += 1;
    }
    for (line, index) in (first..total_rows.min(first + rows_room)).enumerate() {
        let y = inner.y + 1 + line as u16;
        let selected = index == app.selected;
        let (cells, mut style) = if index == 0 {
            let n = counts.get(&None).copied().unwrap_or(0);
            (
                vec![
                    String::new(),
                    s.whole_meeting.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    n.to_string(),
                ],
                theme::dim(),
            )
        } else {
            let u = &st.units[index - 1];
            let status = u.status();
            let talk = u.talk_seconds(now);
            let over = u.overtime_seconds(now);
            let n = counts.get(&Some(u.name.as_str())).copied().unwrap_or(0);
            let style = match status {
                Status::Presenting => theme::current_marker(),
                Status::Done | Status::Skipped => theme::dim(),
                _ => Style::default(),
            };
            (
                vec![
                    index.to_string(),
                    u.name.clone(),
                    u.presenter.clone().unwrap_or_default(),
                    clock_text(u.limit_seconds()),
                    if u.talk.started_at.is_some() {
                        clock_text(talk)
                    } else {
                        String::new()
                    },
                    strings::status(app.lang(), status).to_string(),
                    if over > 0 {
                        format!("+{}", clock_text(over))
                    } else {
                        String::new()
                    },
                    if n > 0 && !app.private {
                        n.to_string()
                    } else {
                        String::new()
                    },
                ],
                style,
            )
        };
        if selected {
            style = theme::selected(focused);
            fill(buf, Rect::new(inner.x, y, inner.width, 1), style);
        }
        row(buf, y, &cells, style);
        let is_current =
            index > 0 && st.current.as_deref() == Some(st.units[index - 1].name.as_str());
        if is_current {
            put(
                buf,
                inner.x,
                y,
                1,
                ">",
                style.patch(theme::current_marker()),
                amb,
            );
        }
        if index > 0 && st.units[index - 1].overtime_seconds(now) > 0 && !selected {
            // Overtime stands out in red in its own column.
            let mut x = inner.x + 1;
            for col in &cols {
                if col.cell == OVER_CELL {
                    buf.set_style(Rect::new(x, y, col.width, 1), theme::overtime());
                }
                x += col.width + 1;
            }
        }
    }
}
