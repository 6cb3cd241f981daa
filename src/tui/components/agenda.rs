//! The agenda (left of the live screen): the units with their times, status and remarks.
//! With the focus on it, the arrows move the selected row.

use crate::plan::UnitKind;
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

/// The agenda's columns: number, (kind,) unit, presenter, plan, actual, status, over,
/// remarks. Narrow panels drop the presenter first, then plan, remarks, over and number, so
/// the unit name always keeps room to be read; the name takes 3/5 of what is left, the
/// presenter the rest. The times' columns are as wide as their widest text (`figures`: plan,
/// actual, over), so a talk of an hour or more ("2:00:00", "+1:41:40") is never cut. The
/// kind's column is there when the agenda has items other than unit talks (`kinds`: the
/// kinds on it), and stays longest after the name.
fn columns(lang: Lang, amb: Ambiguous, figures: [u16; 3], kinds: &[UnitKind]) -> Vec<Column> {
    let s = lang.s();
    let statuses = [
        Status::Pending,
        Status::Presenting,
        Status::Paused,
        Status::Done,
        Status::Skipped,
    ];
    let status_w = [UnitKind::Report]
        .iter()
        .chain(kinds)
        .flat_map(|k| statuses.map(|st| strings::console::item_status(lang, *k, st)))
        .map(|t| text::width(t, amb))
        .chain([text::width(s.col_status, amb)])
        .max()
        .unwrap_or(6) as u16;
    let mut columns = vec![
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
    ];
    if kinds.iter().any(|k| !k.is_report()) {
        let kind_w = kinds
            .iter()
            .map(|k| text::width(strings::console::kind_name(lang, *k), amb))
            .chain([text::width(strings::console::col_kind(lang), amb)])
            .max()
            .unwrap_or(4) as u16;
        columns.insert(
            1,
            Column::fixed(strings::console::col_kind(lang), kind_w).priority(6),
        );
    }
    columns
}

/// A row's cells with the kind's cell after the number, when the agenda shows the kinds
/// (`shown`); a unit's talk leaves it empty.
fn with_kind(lang: Lang, shown: bool, mut cells: Vec<Cell>, kind: Option<UnitKind>) -> Vec<Cell> {
    if shown {
        let name = kind
            .filter(|k| !k.is_report())
            .map_or("", |k| strings::console::kind_name(lang, k));
        cells.insert(1, Cell::new(name));
    }
    cells
}

/// What the agenda's plan column shows for an item: a talk's or briefing's limit; a
/// speech's or the comments' soft limit, when there is one and the screen is not hidden
/// from the room (`private`); nothing for a written item.
fn plan_text(u: &UnitState, private: bool) -> String {
    if u.kind.counts_down() {
        clock_text(u.limit_seconds())
    } else {
        match u.soft_limit_seconds() {
            Some(soft) if !private => clock_text(soft),
            _ => String::new(),
        }
    }
}

/// The agenda: one row for the whole meeting, then one per unit; the selected row kept in
/// view, the current unit marked.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let focused = app.focus == Focus::Agenda && matches!(app.mode(), Mode::Live);
    let st = app.session().state();
    let title = strings::console::agenda_title(lang, st.units.len(), st.reports().count());
    let b = block(&title, amb, focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let mut counts: HashMap<Option<&str>, usize> = HashMap::new();
    for r in &st.remarks {
        *counts.entry(r.unit.as_deref()).or_default() += 1;
    }
    let whole = counts.get(&None).copied().unwrap_or(0);
    // The kinds on the agenda: a column of them when any item is not a unit's talk.
    let mut kinds: Vec<UnitKind> = Vec::new();
    for u in &st.units {
        if !kinds.contains(&u.kind) {
            kinds.push(u.kind);
        }
    }
    let with_kinds = kinds.iter().any(|k| !k.is_report());
    // The column of cell `c` of a row made without the kind's column.
    let at = |c: usize| if with_kinds && c >= 1 { c + 1 } else { c };
    let with_kind = |cells, kind| with_kind(lang, with_kinds, cells, kind);
    let mut rows = vec![
        Row::new(with_kind(
            [
                String::new(),
                s.whole_meeting.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                whole.to_string(),
            ]
            .map(Cell::new)
            .into(),
            None,
        ))
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
            Row::new(with_kind(
                vec![
                    Cell::new((i + 1).to_string()),
                    Cell::new(u.name.as_str()),
                    Cell::new(u.presenter.as_deref().unwrap_or_default()),
                    Cell::new(plan_text(u, app.private)),
                    // A written item is announced, not spoken: it has no talk time to show.
                    Cell::new(if u.talk.started_at.is_some() && u.kind.is_timed() {
                        clock_text(u.talk_seconds(now))
                    } else {
                        String::new()
                    }),
                    Cell::new(strings::console::item_status(lang, u.kind, status)),
                    over_cell,
                    Cell::new(if n > 0 && !app.private {
                        n.to_string()
                    } else {
                        String::new()
                    }),
                ],
                Some(u.kind),
            ))
            .style(row_style(u)),
        );
    }
    let figures = [3, 4, 6].map(|c| {
        let c = at(c);
        rows.iter()
            .map(|r| text::width(&r.cells[c].text, amb) as u16)
            .max()
            .unwrap_or(0)
    });
    let drawn = Table::new(columns(lang, amb, figures, &kinds), amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::title()))
        .selected(Some(app.selected), theme::selected(focused))
        .draw(buf, inner);
    // A unit's category (类别) after its name, dim, where the name's column has room for it.
    if let Some(pos) = drawn.columns.iter().position(|p| p.column == at(1)) {
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
