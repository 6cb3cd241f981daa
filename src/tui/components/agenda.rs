//! The agenda (left of the live screen): the units with their times, status and remarks.
//! With the focus on it, the arrows move the selected row.

use crate::session::{Status, Time, UnitState};
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use crate::timer::clock_text;
use crate::tui::app::{App, Focus, Mode};
use crate::widgets::table::{Cell, Column, Row, Table};
use crate::widgets::{block, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::collections::HashMap;

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

/// The agenda's columns: number, unit, presenter, plan, actual, status, over, remarks.
/// Narrow panels drop the presenter first, then plan, remarks, over and number, so the unit
/// name always keeps room to be read; the name takes 3/5 of what is left, the presenter the
/// rest. The times' columns are as wide as their widest text (`figures`: plan, actual,
/// over), so a talk of an hour or more ("2:00:00", "+1:41:40") is never cut.
fn columns(lang: Lang, amb: Ambiguous, figures: [u16; 3]) -> Vec<Column> {
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
    vec![
        Column::fixed(s.col_no, 3).right().priority(5),
        Column::growing(s.col_unit, 10, 3),
        Column::growing(s.col_presenter, 10, 2).priority(1),
        Column::fixed(s.col_plan, figures[0].max(6))
            .right()
            .priority(2),
        Column::fixed(s.col_actual, figures[1].max(6)).right(),
        Column::fixed(s.col_status, status_w),
        Column::fixed(s.col_over, figures[2].max(7))
            .right()
            .priority(4),
        Column::fixed(s.col_remarks, 4).right().priority(3),
    ]
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
    let st = app.session().state();
    let mut counts: HashMap<Option<&str>, usize> = HashMap::new();
    for r in &st.remarks {
        *counts.entry(r.unit.as_deref()).or_default() += 1;
    }
    let whole = counts.get(&None).copied().unwrap_or(0);
    let mut rows = vec![
        Row::new([
            String::new(),
            s.whole_meeting.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            whole.to_string(),
        ])
        .style(theme::dim()),
    ];
    for (i, u) in st.units.iter().enumerate() {
        let status = u.status();
        let over = u.overtime_seconds(now);
        let n = counts.get(&Some(u.name.as_str())).copied().unwrap_or(0);
        let over_cell = if over > 0 {
            // Overtime stands out in red in its own column.
            Cell::new(format!("+{}", clock_text(over))).mark(theme::overtime())
        } else {
            Cell::new("")
        };
        rows.push(
            Row::new([
                Cell::new((i + 1).to_string()),
                Cell::new(u.name.as_str()),
                Cell::new(u.presenter.as_deref().unwrap_or_default()),
                Cell::new(clock_text(u.limit_seconds())),
                Cell::new(if u.talk.started_at.is_some() {
                    clock_text(u.talk_seconds(now))
                } else {
                    String::new()
                }),
                Cell::new(strings::status(lang, status)),
                over_cell,
                Cell::new(if n > 0 && !app.private {
                    n.to_string()
                } else {
                    String::new()
                }),
            ])
            .style(row_style(u)),
        );
    }
    let figures = [3, 4, 6].map(|c| {
        rows.iter()
            .map(|r| text::width(&r.cells[c].text, amb) as u16)
            .max()
            .unwrap_or(0)
    });
    let drawn = Table::new(columns(lang, amb, figures), amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::title()))
        .selected(Some(app.selected), theme::selected(focused))
        .draw(buf, inner);
    // A unit's category (类别) after its name, dim, where the name's column has room for it.
    if let Some(pos) = drawn.columns.iter().position(|p| p.column == 1) {
        let col = drawn.columns[pos];
        for r in &drawn.rows {
            let category = r
                .index
                .checked_sub(1)
                .and_then(|i| st.units.get(i))
                .and_then(|u| app.session().plan().units.iter().find(|p| p.name == u.name))
                .and_then(|p| p.category.as_deref());
            let (Some(category), Some(&end)) = (category, r.ends.get(pos)) else {
                continue;
            };
            let need = text::width(category, amb) as u16 + 1;
            if end.saturating_add(need) <= col.x.saturating_add(col.width) {
                let style = if r.index == app.selected {
                    theme::selected(focused)
                } else {
                    theme::dim()
                };
                put(buf, end + 1, r.y, need - 1, category, style, amb);
            }
        }
    }
    // The current unit is marked, seen without colours too.
    if let Some(pos) = st.current_position()
        && let Some(y) = drawn.row_y(pos + 1)
    {
        let style = if pos + 1 == app.selected {
            theme::selected(focused)
        } else {
            row_style(&st.units[pos])
        };
        let marker = style.patch(theme::current_marker());
        put(buf, inner.x, y, 1, ">", marker, amb);
    }
}

/// The style of a unit's row when it is not selected.
fn row_style(u: &UnitState) -> Style {
    match u.status() {
        Status::Presenting => theme::current_marker(),
        Status::Done | Status::Skipped => theme::dim(),
        _ => Style::default(),
    }
}
