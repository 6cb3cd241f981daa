//! The results view (`v`): the ranking, a bar chart of the finals, and how the selected
//! unit's final was computed, step by step; the keys that put the results on the stage
//! display and reveal them place by place.

use super::{Hint, Outcome};
use crate::decimal::plain;
use crate::report::tables::flag_text;
use crate::session::Time;
use crate::strings;
use crate::strings::Lang;
use crate::text::{self, Ambiguous};
use crate::tui::app::{App, Mode, Sheet};
use crate::tui::keys::Screen;
use crate::widgets::table::{Align, Cell, Column, Row, Table};
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

pub fn key(selected: &mut usize, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // The ranking holds the 汇报单位 only.
    let n = app.session().state().reports().count().max(1);
    if let Some(action) = app.keys.action(Screen::Results, key) {
        return Outcome::Run(action);
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('v' | 'V') if !ctrl => return Outcome::Close,
        KeyCode::Up => *selected = selected.saturating_sub(1),
        KeyCode::Down => *selected = (*selected + 1).min(n - 1),
        KeyCode::Char('s' | 'S') if !ctrl => {
            let session = app.session();
            let results = crate::scoring::results(
                session.rules(),
                session.plan(),
                session.state(),
                session.clock(now),
            );
            if let Some(r) = crate::scoring::ranking(&results).get(*selected) {
                return Outcome::Replace(Mode::Sheet(Box::new(Sheet::new(r.unit.clone()))));
            }
        }
        _ => {}
    }
    Outcome::Stay
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    super::keybar::table_hints(app, Screen::Results)
}

/// The results over `area`: the ranking, a bar chart of the finals, and how the selected
/// unit's final was computed.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let rules = session.rules();
    let published = session.state().scores.published;
    let title = strings::console::results_title(lang, published);
    let inner = super::sheet_view::frame(buf, area, title, amb);
    if inner.height < 4 || inner.width < 30 {
        return;
    }
    let results =
        crate::scoring::results(rules, session.plan(), session.state(), session.clock(now));
    let order = crate::scoring::ranking(&results);
    // Columns: rank, unit, final, score, penalty, one per group, then notes (and bars when
    // there is room for them); the explanation of the selected unit takes the rest.
    let groups: Vec<&str> = if rules.declared_groups {
        rules.groups.iter().map(|g| g.name.as_str()).collect()
    } else {
        Vec::new()
    };
    let columns = columns(lang, &groups, amb);
    // What the fixed columns take, with the lead and the gap before the notes.
    let fixed_w = 1 + columns
        .iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.width } else { c.gap + c.width })
        .sum::<u16>();
    let table_need = fixed_w + 16;
    // Side by side where the table fits beside the explanation; stacked on narrow screens.
    let [table, detail] = if inner.width >= table_need + 28 {
        inner.layout(&Layout::horizontal([
            Constraint::Length(table_need),
            Constraint::Min(20),
        ]))
    } else {
        let rows = (order.len() as u16 + 1).min(inner.height / 2).max(2);
        inner.layout(&Layout::vertical([
            Constraint::Length(rows),
            Constraint::Min(1),
        ]))
    };
    let rows = order
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::new(rank_text(r)),
                Cell::new(r.unit.as_str()),
                Cell::new(strings::console::shown(rules, r.final_score)),
                Cell::new(strings::console::shown(rules, r.score_rounded)),
                Cell::new(penalty_text(r)),
            ];
            for g in r.groups.iter().filter(|_| !groups.is_empty()) {
                let v = strings::console::shown(rules, g.score.map(|s| rules.publish(s)));
                cells.push(Cell::new(v));
            }
            // A unit with more groups than declared keeps the notes in their column.
            cells.resize(columns.len(), Cell::new(""));
            let notes = format!(" {}", strings::console::short_notes(lang, r));
            cells.push(Cell::new(notes).style(theme::warn()));
            Row::new(cells)
        })
        .collect();
    let mut all = columns;
    all.push(notes_column(lang));
    let notes = all.len() - 1;
    let ranking = Table::new(all, amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::title()))
        .selected(Some(selected), theme::selected(true));
    let drawn = if table.width >= fixed_w {
        ranking.draw(buf, table)
    } else {
        // Too narrow for the fixed columns: drawn at their full width, cut at the edge.
        let wide = Rect {
            width: fixed_w,
            ..table
        };
        let mut full = Buffer::empty(wide);
        let drawn = ranking.draw(&mut full, wide);
        cut_copy(&full, buf, table, amb);
        drawn
    };
    // Bars start from a floor below the lowest final, so close finals still look different.
    let finals: Vec<i64> = order.iter().filter_map(|r| r.final_score).collect();
    let best = finals.iter().copied().max().unwrap_or(1);
    let worst = finals.iter().copied().min().unwrap_or(0);
    let floor = (worst - (best - worst).max(1)).max(0);
    let notes_at = drawn.columns.iter().position(|p| p.column == notes);
    for row in &drawn.rows {
        let r = &order[row.index];
        if !pads_alike(app, r, &groups) {
            // Kept as it was: a dash counted as one character but drawn two columns wide
            // moves the rest of its row one column to the right.
            let is_sel = row.index == selected;
            legacy_row(buf, table, row.y, app, r, &groups, is_sel, (floor, best));
            continue;
        }
        // A bar of the final, scaled from the floor to the best, where room is left.
        let Some(end) = notes_at.and_then(|i| row.ends.get(i)) else {
            continue;
        };
        let bar_x = end + 1;
        let bar_room = table.right().saturating_sub(bar_x + 1);
        if let Some(f) = r.final_score
            && bar_room > 4
        {
            bar(buf, bar_x, row.y, bar_room, f, floor, best, amb);
        }
    }
    // How the selected unit's final was computed.
    if let Some(r) = order.get(selected) {
        let mut lines = vec![r.unit.clone()];
        lines.extend(strings::console::explain(lang, rules, r));
        let flags: Vec<String> = r.flags().iter().map(|f| flag_text(lang, f)).collect();
        if !flags.is_empty() {
            lines.push(flags.join(strings::console::flag_separator(lang)));
        }
        let wrapped = lines.iter().enumerate().flat_map(|(n, line)| {
            text::wrap(line, detail.width.saturating_sub(2) as usize, amb)
                .into_iter()
                .map(move |part| (n, part))
        });
        for (row, (n, part)) in detail.rows().zip(wrapped) {
            let style = if n == 0 {
                theme::title()
            } else {
                Style::default()
            };
            put(
                buf,
                row.x + 1,
                row.y,
                row.width.saturating_sub(1),
                &part,
                style,
                amb,
            );
        }
    }
}

/// The ranking's fixed columns: rank, unit, final, score, penalty, and one per group. The
/// heads sit where the one-line head of `strings` puts them, left in their columns.
fn columns(lang: Lang, groups: &[&str], amb: Ambiguous) -> Vec<Column> {
    let head: Vec<&str> = strings::console::ranking_head(lang)
        .split_whitespace()
        .collect();
    let h = |i: usize| head.get(i).copied().unwrap_or_default();
    let mut columns = vec![
        Column::fixed(h(0), 4)
            .right()
            .header_align(Align::Left)
            .clip(),
        Column::fixed(h(1), 16),
        Column::fixed(format!(" {}", h(2)), 7)
            .right()
            .header_align(Align::Left)
            .clip(),
        Column::fixed(format!(" {}", h(3)), 7)
            .right()
            .header_align(Align::Left)
            .clip(),
        Column::fixed(h(4), 5)
            .right()
            .header_align(Align::Left)
            .clip(),
    ];
    // Seven columns a group, right-aligned; its name cut with an ellipsis to six and kept
    // one column off the right edge, as in the one-line head.
    columns.extend(groups.iter().map(|g| {
        let name = text::truncate(g, 6, amb);
        Column::fixed(format!("{name} "), 7).right().gap(0)
    }));
    columns
}

/// The notes, taking what the other columns leave: the head one column left of them, as
/// in the one-line head, so the notes' cells start with a blank.
fn notes_column(lang: Lang) -> Column {
    Column::growing(strings::console::ranking_notes(lang).trim_start(), 0, 1).clip()
}

/// Copies the cells of `from` inside `area` to `to`; a double-width character that would
/// cross the right edge is left out.
fn cut_copy(from: &Buffer, to: &mut Buffer, area: Rect, amb: Ambiguous) {
    let area = area.intersection(to.area);
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &from[(x, y)];
            let w = text::width(cell.symbol(), amb).max(1) as u16;
            if x + w > area.right() {
                break;
            }
            for dx in 0..w {
                to[(x + dx, y)] = from[(x + dx, y)].clone();
            }
            x += w;
        }
    }
}

/// A bar of the final `f`, scaled from `floor` to `best` over `room` columns.
#[allow(clippy::too_many_arguments)]
fn bar(buf: &mut Buffer, x: u16, y: u16, room: u16, f: i64, floor: i64, best: i64, amb: Ambiguous) {
    let span = (best - floor).max(1) as f64;
    let len = (((f - floor) as f64 / span) * room as f64).round().max(1.0) as u16;
    let (symbol, bar_style) = match amb {
        Ambiguous::Narrow => ("█", Style::default().fg(ratatui::style::Color::Cyan)),
        Ambiguous::Wide => (" ", Style::default().bg(ratatui::style::Color::Cyan)),
    };
    for dx in 0..len.min(room) {
        buf[(x + dx, y)].set_symbol(symbol).set_style(bar_style);
    }
}

#[allow(clippy::too_many_arguments)]
/// The row of `r` as it was drawn before the table, one line padded by characters: used
/// only where that differs from padding by width (a dash drawn two columns wide with the
/// ambiguous-wide option), so such a row looks as it always did.
fn legacy_row(
    buf: &mut Buffer,
    table: Rect,
    y: u16,
    app: &App,
    r: &crate::scoring::UnitResult,
    groups: &[&str],
    is_sel: bool,
    bars: (i64, i64),
) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let style = if is_sel {
        theme::selected(true)
    } else {
        Style::default()
    };
    for x in table.left()..table.right() {
        buf[(x, y)].reset();
    }
    if is_sel {
        buf.set_style(Rect::new(table.x, y, table.width, 1), style);
    }
    let line = legacy_line(app, r, groups);
    let notes = strings::console::short_notes(lang, r);
    let used = put(
        buf,
        table.x + 1,
        y,
        table.width.saturating_sub(1),
        &line,
        style,
        amb,
    );
    let notes_used = put(
        buf,
        table.x + 1 + used,
        y,
        table.width.saturating_sub(used + 1),
        &notes,
        if is_sel { style } else { theme::warn() },
        amb,
    );
    let bar_x = table.x + 1 + used + notes_used + 1;
    let bar_room = table.right().saturating_sub(bar_x + 1);
    if let Some(f) = r.final_score
        && bar_room > 4
    {
        bar(buf, bar_x, y, bar_room, f, bars.0, bars.1, amb);
    }
}

/// The fixed part of a row padded by characters, as before the table; the notes follow it.
fn legacy_line(app: &App, r: &crate::scoring::UnitResult, groups: &[&str]) -> String {
    let amb = app.opts.ambiguous;
    let rules = app.session().rules();
    let rank = rank_text(r);
    let name = text::truncate(&text::clean_line(&r.unit), 16, amb);
    let pad = 16usize.saturating_sub(text::width(&name, amb));
    let mut line = format!(
        "{rank:>4} {name}{} {:>7} {:>7} {:>5}",
        " ".repeat(pad),
        strings::console::shown(rules, r.final_score),
        strings::console::shown(rules, r.score_rounded),
        penalty_text(r),
    );
    for g in r.groups.iter().filter(|_| !groups.is_empty()) {
        line.push_str(&format!(
            "{:>7}",
            strings::console::shown(rules, g.score.map(|s| rules.publish(s)))
        ));
    }
    line.push_str("  ");
    line
}

/// Whether a row's rank and values take as many columns as characters (so padding them by
/// characters, as before, and by width, as the table does, agree).
fn pads_alike(app: &App, r: &crate::scoring::UnitResult, groups: &[&str]) -> bool {
    let amb = app.opts.ambiguous;
    let rules = app.session().rules();
    let mut fields = vec![
        rank_text(r),
        strings::console::shown(rules, r.final_score),
        strings::console::shown(rules, r.score_rounded),
        penalty_text(r),
    ];
    for g in r.groups.iter().filter(|_| !groups.is_empty()) {
        fields.push(strings::console::shown(
            rules,
            g.score.map(|s| rules.publish(s)),
        ));
    }
    fields
        .iter()
        .all(|f| text::width(f, amb) == f.chars().count())
}

fn rank_text(r: &crate::scoring::UnitResult) -> String {
    match (r.rank, r.tied) {
        (Some(k), true) => format!("{k}="),
        (Some(k), false) => k.to_string(),
        (None, _) => "—".into(),
    }
}

fn penalty_text(r: &crate::scoring::UnitResult) -> String {
    if r.penalty() > 0 {
        format!("-{}", plain(r.penalty()))
    } else {
        String::new()
    }
}
