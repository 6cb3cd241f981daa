//! Drawing the score sheet (`sheet`): a grid of reviewers × criteria (or grades and ballot
//! counts), and beside it how the unit's result stands.

use super::sheet::Sheet;
use crate::decimal::plain;
use crate::plan::ScoringMode;
use crate::session::Time;
use crate::strings;
use crate::text::{self, Ambiguous};
use crate::tui::app::App;
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
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
    let name_w = 12u16;
    let cell_w = match rules.mode {
        ScoringMode::Points => rules
            .criteria
            .iter()
            .map(|c| text::width(&format!("{}/{}", c.name, plain(c.max)), amb))
            .max()
            .unwrap_or(8)
            .clamp(8, 14) as u16,
        ScoringMode::Grades => 8,
    };
    let mut y = grid.y;
    // Header.
    let headers: Vec<String> = match rules.mode {
        ScoringMode::Points => rules
            .criteria
            .iter()
            .map(|c| format!("{}/{}", c.name, plain(c.max)))
            .chain([words.total.to_string()])
            .collect(),
        ScoringMode::Grades => vec![words.ballots.to_string(), words.add.to_string()],
    };
    put(
        buf,
        grid.x + 1,
        y,
        name_w,
        words.reviewer,
        theme::title(),
        amb,
    );
    for (i, h) in headers.iter().enumerate() {
        let x = grid.x + 1 + name_w + i as u16 * (cell_w + 1);
        put(
            buf,
            x,
            y,
            cell_w,
            &text::truncate(h, cell_w as usize, amb),
            theme::title(),
            amb,
        );
    }
    y += 1;
    let rows: Vec<String> = match rules.mode {
        ScoringMode::Points => session
            .plan()
            .reviewers
            .iter()
            .map(|r| r.name.clone())
            .collect(),
        ScoringMode::Grades => rules.grades.iter().map(|g| g.name.clone()).collect(),
    };
    let room = grid.bottom().saturating_sub(y + 2) as usize;
    let first = (sheet.row + 1).saturating_sub(room.max(1));
    for (i, name) in rows.iter().enumerate().skip(first).take(room) {
        put(
            buf,
            grid.x + 1,
            y,
            name_w,
            &text::truncate(name, name_w as usize, amb),
            Style::default(),
            amb,
        );
        let recused = rules
            .recused
            .get(name)
            .is_some_and(|u| u.contains(&sheet.unit));
        let cells: Vec<String> = match rules.mode {
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
            ScoringMode::Grades => {
                let count = st
                    .scores
                    .grades
                    .get(&sheet.unit)
                    .and_then(|c| c.get(i))
                    .copied()
                    .unwrap_or(0);
                vec![count.to_string(), String::new()]
            }
        };
        for (c, value) in cells.iter().enumerate() {
            let x = grid.x + 1 + name_w + c as u16 * (cell_w + 1);
            let editable_col = match rules.mode {
                ScoringMode::Points => c,
                ScoringMode::Grades => c.saturating_sub(1),
            };
            let is_cursor = i == sheet.row
                && editable_col == sheet.col
                && (rules.mode == ScoringMode::Points || c == 1);
            let (content, style) = if is_cursor {
                let shown = if sheet.input.is_empty() {
                    value.clone()
                } else {
                    sheet.input.clone()
                };
                let style = if sheet.problem.is_some() {
                    theme::error()
                } else {
                    theme::selected(true)
                };
                (shown, style)
            } else {
                (value.clone(), Style::default())
            };
            buf.set_style(Rect::new(x, y, cell_w, 1).intersection(grid), style);
            put(
                buf,
                x,
                y,
                cell_w,
                &text::truncate(&content, cell_w as usize, amb),
                style,
                amb,
            );
        }
        y += 1;
    }
    // The inline problem, under the grid.
    if let Some(p) = &sheet.problem {
        let line = strings::score_problem(lang, p);
        put(
            buf,
            grid.x + 1,
            grid.bottom().saturating_sub(1),
            grid.width.saturating_sub(1),
            &line,
            theme::warn(),
            amb,
        );
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
