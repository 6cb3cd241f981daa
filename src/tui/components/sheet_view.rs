//! Drawing the score sheet (`sheet`): a grid of reviewers × criteria (or grades and ballot
//! counts), and beside it how the unit's result stands.

use super::sheet::Sheet;
use crate::decimal::plain;
use crate::plan::ScoringMode;
use crate::session::Time;
use crate::strings;
use crate::text::{self, Ambiguous};
use crate::tui::app::App;
use crate::widgets::table::{Cell, Column, Row, Table};
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Widget};

/// A bordered box over `area`, cleared, titled; its inside.
pub(super) fn frame(buf: &mut Buffer, area: Rect, title: &str, amb: Ambiguous) -> Rect {
    crate::widgets::clear(buf, area);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(text::clean_line(title));
    let inner = b.inner(area);
    b.render(area, buf);
    inner
}

/// The sheet over `area`: the grid on the left, the unit's live result on the right.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, sheet: &Sheet, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let rules = session.rules();
    let title = strings::console::sheet_title(lang, &sheet.unit);
    let words = strings::console::sheet_words(lang);
    let inner = frame(buf, area, &title, amb);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    if !Sheet::has_cells(session) {
        // No cell to type into: say what to do instead.
        let text = strings::sheet_without_cells(lang);
        let width = inner.width.saturating_sub(2);
        for (y, part) in (inner.y..inner.bottom()).zip(text::wrap(text, width as usize, amb)) {
            put(buf, inner.x + 1, y, width, &part, theme::warn(), amb);
        }
        return;
    }
    let [grid, side] = inner.layout(&Layout::horizontal([
        Constraint::Min(20),
        Constraint::Length(inner.width / 3),
    ]));
    let st = session.state();
    let rows: Vec<String> = match rules.mode {
        ScoringMode::Points => session
            .plan()
            .reviewers
            .iter()
            .map(|r| r.name.clone())
            .collect(),
        ScoringMode::Grades => Sheet::grade_row_names(session),
        ScoringMode::None => Vec::new(),
    };
    // The columns: the names as wide as the widest (cut on a narrow screen), a column for
    // each criterion (or the ballots and what is typed), and the total, which gives way first.
    let name_w = rows
        .iter()
        .map(|n| text::width(n, amb))
        .chain([text::width(words.reviewer, amb)])
        .max()
        .unwrap_or(8)
        .clamp(6, 16) as u16;
    let mut columns = vec![Column::fixed(words.reviewer, name_w).min(6)];
    match rules.mode {
        ScoringMode::Points => {
            for c in &rules.criteria {
                let h = format!("{}/{}", c.name, plain(c.max));
                let w = (text::width(&h, amb) as u16).clamp(8, 14);
                columns.push(Column::fixed(h, w).min(6));
            }
            columns.push(Column::fixed(words.total, 8).priority(1));
        }
        ScoringMode::Grades | ScoringMode::None => {
            columns.push(Column::fixed(words.ballots, 8));
            columns.push(Column::fixed(words.add, 8));
        }
    }
    let header_style = Some(theme::title());
    // The cell the cursor is on: its column in the table.
    let cursor_col = 1 + match rules.mode {
        ScoringMode::Points => sheet.col,
        ScoringMode::Grades | ScoringMode::None => 1,
    };
    let cursor_style = if sheet.problem.is_some() {
        theme::error()
    } else {
        theme::selected(true)
    };
    let table_rows: Vec<Row<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let recused = rules
                .recused
                .get(name)
                .is_some_and(|u| u.contains(&sheet.unit));
            let values: Vec<String> = match rules.mode {
                ScoringMode::Points if recused => vec![words.recused.to_string()],
                ScoringMode::Points => {
                    let values: Vec<Option<i64>> = (0..rules.criteria.len())
                        .map(|c| st.scores.value(&sheet.unit, name, c))
                        .collect();
                    let total = if values.iter().all(Option::is_some) {
                        plain(values.iter().flatten().sum())
                    } else if values.iter().any(Option::is_some) {
                        words.partial.to_string()
                    } else {
                        String::new()
                    };
                    values
                        .iter()
                        .map(|v| v.map(plain).unwrap_or_else(|| "·".into()))
                        .chain([total])
                        .collect()
                }
                ScoringMode::Grades | ScoringMode::None => {
                    let count = Sheet::grade_count(session, &sheet.unit, i);
                    vec![count.to_string(), String::new()]
                }
            };
            let mut cells = vec![Cell::new(name.clone())];
            for (c, value) in values.into_iter().enumerate() {
                let cell = if i == sheet.row && 1 + c == cursor_col {
                    let shown = if sheet.input.is_empty() {
                        value
                    } else {
                        sheet.input.clone()
                    };
                    Cell::new(shown).style(cursor_style).mark(cursor_style)
                } else {
                    Cell::new(value)
                };
                cells.push(cell);
            }
            Row::new(cells)
        })
        .collect();
    let table = |rows: &[Row<'static>], header: bool| {
        Table::new(columns.clone(), amb)
            .rows(rows.to_vec())
            .lead(1)
            .header_style(if header { header_style } else { None })
    };
    // A value's problem, right under the row being edited, from the cell's column when it
    // fits there (an arrow pointing up at the cell).
    let placed = table(&[], true).layout(grid.width);
    let problem: Vec<String> = sheet.problem.as_ref().map_or_else(Vec::new, |p| {
        let line = format!("↑ {}", strings::score_problem(lang, p));
        let at = placed
            .iter()
            .find(|c| c.column == cursor_col)
            .map_or(1, |c| c.x);
        let room = grid.width.saturating_sub(at + 1) as usize;
        let indent = if text::width(&line, amb) <= room {
            at
        } else {
            1
        };
        text::wrap(&line, grid.width.saturating_sub(indent + 1) as usize, amb)
            .into_iter()
            .map(|l| format!("{}{l}", " ".repeat(indent as usize)))
            .collect()
    });
    // The rows in sight: the cursor's row kept in view with its problem under it.
    let room = (grid.height as usize)
        .saturating_sub(1 + problem.len())
        .max(1);
    let first = (sheet.row + 1).saturating_sub(room);
    let last = (first + room).min(table_rows.len());
    let upto = (sheet.row + 1).clamp(first, last);
    let top = &table_rows[first.min(last)..upto];
    let mut y = grid.y;
    let drawn = table(top, true).draw(buf, Rect::new(grid.x, y, grid.width, 1 + top.len() as u16));
    y += 1 + drawn.rows.len() as u16;
    for line in &problem {
        if y >= grid.bottom() {
            break;
        }
        put(buf, grid.x, y, grid.width, line, theme::warn(), amb);
        y += 1;
    }
    let below = &table_rows[upto..last];
    if y < grid.bottom() && !below.is_empty() {
        let h = (grid.bottom() - y).min(below.len() as u16);
        table(below, false).draw(buf, Rect::new(grid.x, y, grid.width, h));
    }
    // The unit's live result and who has not scored.
    let results = crate::scoring::results(rules, session.plan(), st, session.clock(now));
    if let Some(r) = results.iter().find(|r| r.unit == sheet.unit) {
        let mut lines = strings::console::explain(lang, rules, r);
        if rules.mode == ScoringMode::Points && !r.missing.is_empty() {
            lines.push(strings::console::not_scored(lang, &r.missing));
        }
        if let Some(rank) = r.rank {
            lines.push(strings::console::rank_now(lang, rank));
        }
        let mut y = side.y;
        for line in lines {
            for part in text::wrap(&line, side.width.saturating_sub(2) as usize, amb) {
                if y >= side.bottom() {
                    break;
                }
                put(
                    buf,
                    side.x + 1,
                    y,
                    side.width.saturating_sub(1),
                    &part,
                    theme::dim(),
                    amb,
                );
                y += 1;
            }
        }
    }
}
