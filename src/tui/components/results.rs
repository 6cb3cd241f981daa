//! The results view (`v`): the ranking, a bar chart of the finals, and how the selected
//! unit's final was computed, step by step; the keys that put the results on the stage
//! display and reveal them place by place.

use super::{Hint, Outcome};
use crate::decimal::plain;
use crate::report::tables::flag_text;
use crate::scoring::UnitResult;
use crate::session::Time;
use crate::session::{PreviousResult, PreviousResults};
use crate::strings;
use crate::strings::{Lang, series};
use crate::text::{self, Ambiguous};
use crate::tui::app::{Action, App, Mode, Sheet};
use crate::tui::keys::Screen;
use crate::widgets::table::{Align, Cell, Column, Row, Table};
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

pub fn key(selected: &mut usize, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // The ranking holds the 汇报单位 only; the round before's, the units of its copy.
    let previous = showing_previous(app);
    let n = if previous {
        previous_units(app).len()
    } else {
        app.session().state().reports().count()
    }
    .max(1);
    if let Some(action) = app.keys.action(Screen::Results, key) {
        return Outcome::Run(action);
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('v' | 'V') if !ctrl => return Outcome::Close,
        KeyCode::Up => *selected = selected.saturating_sub(1),
        KeyCode::Down => *selected = (*selected + 1).min(n - 1),
        // The sheet is this meeting's: not over the round before's ranking.
        KeyCode::Char('s' | 'S') if !ctrl && !previous => {
            let session = app.session();
            let results = crate::scoring::results(
                session.rules(),
                session.plan(),
                session.state(),
                session.clock(now),
            );
            if let Some(r) = displayed(&results).get(*selected) {
                return Outcome::Replace(Mode::Sheet(Box::new(Sheet::new(r.unit.clone()))));
            }
        }
        _ => {}
    }
    Outcome::Stay
}

/// One line of the ranking as the results view lists it: a category's heading, or a unit.
#[derive(Debug, Clone, Copy)]
pub enum Line<'a> {
    /// A category (`None`: the units without one, when others have one).
    Heading(Option<&'a str>),
    Unit(&'a UnitResult),
}

/// The ranking's lines: grouped by category (`scoring::by_category`) with a heading per
/// category when any unit has one, else the overall ranking as it always was.
pub fn lines(results: &[UnitResult]) -> Vec<Line<'_>> {
    if !results.iter().any(|r| r.category.is_some()) {
        return crate::scoring::ranking(results)
            .into_iter()
            .map(Line::Unit)
            .collect();
    }
    let mut out = Vec::new();
    for (category, units) in crate::scoring::by_category(results) {
        out.push(Line::Heading(category));
        out.extend(units.into_iter().map(Line::Unit));
    }
    out
}

/// The units in the order the results view lists them. The selection (`↑`/`↓`), the
/// explanation of the selected unit and `s` all index this, so the row selected and the unit
/// explained are always the same.
pub fn displayed(results: &[UnitResult]) -> Vec<&UnitResult> {
    lines(results)
        .into_iter()
        .filter_map(|l| match l {
            Line::Unit(r) => Some(r),
            Line::Heading(_) => None,
        })
        .collect()
}

/// Whether the view shows the round before's ranking now (asked for, and there is one).
fn showing_previous(app: &App) -> bool {
    app.results_previous && app.has_previous_results()
}

/// The round before's units as the view lists them: grouped by category when its units had
/// one (this meeting's categories first, in agenda order, then the others as they come;
/// units without one last), by category rank then rank; units with no rank after.
pub fn previous_units(app: &App) -> Vec<(Option<&str>, &PreviousResult)> {
    let Some(prev) = app.session().state().previous_results.as_ref() else {
        return Vec::new();
    };
    previous_order(app.session().plan(), prev)
}

/// `previous_units` of a copy, by the categories of `plan` (as the stage lists them).
pub fn previous_order<'a>(
    plan: &'a crate::plan::Plan,
    prev: &'a PreviousResults,
) -> Vec<(Option<&'a str>, &'a PreviousResult)> {
    crate::display::view::previous_ranking(plan, prev)
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let mut hints = super::keybar::table_hints(app, Screen::Results);
    // Over the round before's ranking, its key goes back to this one, and the keys about
    // this meeting's scores (its sheets, publishing, revealing) are left out of the bar.
    if showing_previous(app) {
        let lang = app.lang();
        let s = lang.s();
        let scores = [
            s.key_sheet,
            s.key_publish,
            s.key_unlock,
            s.key_import,
            s.key_reveal,
            s.key_reveal_all,
        ];
        hints.retain(|(_, label, _)| !scores.contains(label));
        let key = app.keys.bar_key(Action::PreviousRanking);
        for (k, label, _) in &mut hints {
            if *label == series::key_previous(lang) && key.as_deref() == Some(k.as_str()) {
                *label = series::key_current(lang);
            }
        }
    }
    // The round before's keys only where there is a round before to show.
    if !app.has_previous_results() {
        let lang = app.lang();
        let ours = [
            (Action::PreviousRanking, series::key_previous(lang)),
            (Action::PreviousOnStage, series::key_previous_on_stage(lang)),
        ];
        hints.retain(|(k, label, _)| {
            !ours
                .iter()
                .any(|(a, l)| l == label && app.keys.bar_key(*a).as_deref() == Some(k.as_str()))
        });
    }
    hints
}

/// What a series adds to the ranking: the overall rank beside the category rank, the band,
/// the change since the round before. None of them: the view as it always was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Extras {
    categories: bool,
    overall: bool,
    bands: bool,
    previous: bool,
}

impl Extras {
    fn of(app: &App, results: &[UnitResult]) -> Extras {
        let session = app.session();
        let categories = results.iter().any(|r| r.category.is_some());
        Extras {
            categories,
            overall: categories && session.rules().overall_rank,
            bands: session.rules().bands.is_some(),
            // A round before with nobody ranked has no place to compare with.
            previous: app.has_previous_results(),
        }
    }

    fn any(self) -> bool {
        self.categories || self.bands || self.previous
    }
}

/// What a column of the ranking holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rank,
    Overall,
    Unit,
    Final,
    Band,
    Change,
    Score,
    Penalty,
    Group(usize),
}

/// The results over `area`: the ranking, a bar chart of the finals, and how the selected
/// unit's final was computed; or the round before's ranking (`b`).
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize, now: Time) {
    if showing_previous(app) {
        draw_previous(buf, area, app, selected);
        return;
    }
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
    let lines = lines(&results);
    let order = displayed(&results);
    let extras = Extras::of(app, &results);
    // Columns: rank, unit, final, score, penalty, one per group, then notes (and bars when
    // there is room for them); the explanation of the selected unit takes the rest.
    let groups: Vec<&str> = if rules.declared_groups {
        rules.groups.iter().map(|g| g.name.as_str()).collect()
    } else {
        Vec::new()
    };
    let (kinds, columns) = columns(lang, &groups, amb, extras, rules);
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
        let rows = (lines.len() as u16 + 1).min(inner.height / 2).max(2);
        inner.layout(&Layout::vertical([
            Constraint::Length(rows),
            Constraint::Min(1),
        ]))
    };
    let rows = lines
        .iter()
        .map(|line| {
            let Line::Unit(r) = line else {
                return Row::new(Vec::<Cell>::new());
            };
            let mut cells: Vec<Cell> = kinds
                .iter()
                .map(|k| Cell::new(cell_text(lang, rules, r, *k)))
                .collect();
            let notes = format!(" {}", strings::console::short_notes(lang, r));
            cells.push(Cell::new(notes).style(theme::warn()));
            Row::new(cells)
        })
        .collect();
    let mut all = columns;
    all.push(notes_column(lang));
    let notes = all.len() - 1;
    // The selected unit's line (the headings are not selectable).
    let selected_line = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l, Line::Unit(_)))
        .nth(selected)
        .map(|(i, _)| i);
    let ranking = Table::new(all, amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::title()))
        .selected(selected_line, theme::selected(true));
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
        let r = match lines[row.index] {
            Line::Unit(r) => r,
            Line::Heading(category) => {
                // A category's heading across the table.
                for x in table.left()..table.right() {
                    buf[(x, row.y)].reset();
                }
                category_heading(buf, table, row.y, lang, category, amb);
                continue;
            }
        };
        if !extras.any() && !pads_alike(app, r, &groups) {
            // Kept as it was: a dash counted as one character but drawn two columns wide
            // moves the rest of its row one column to the right.
            let is_sel = Some(row.index) == selected_line;
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
        if extras.any() {
            lines.extend(series_lines(app, r, extras));
        }
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

/// A category's heading (【县区】) on line `y` of `table`.
fn category_heading(
    buf: &mut Buffer,
    table: Rect,
    y: u16,
    lang: Lang,
    category: Option<&str>,
    amb: Ambiguous,
) {
    let heading = series::category_heading(lang, category);
    put(
        buf,
        table.x + 1,
        y,
        table.width.saturating_sub(1),
        &heading,
        theme::title(),
        amb,
    );
}

/// The explanation's lines of a series: category and its rank, band, the round before.
fn series_lines(app: &App, r: &UnitResult, extras: Extras) -> Vec<String> {
    let lang = app.lang();
    let decimals = app
        .session()
        .state()
        .previous_results
        .as_ref()
        .map_or(0, |p| p.decimals);
    let category = r
        .category
        .as_deref()
        .filter(|_| extras.categories)
        .map(|c| (c, r.category_rank));
    let overall = r.rank.filter(|_| extras.overall);
    // The place the change is counted from (`UnitResult::shown_change`): within the category
    // when both rounds ranked the unit there, else overall.
    let within = r.category.is_some() && r.category_rank_change.is_some();
    let before = r.previous.as_ref().map(|p| {
        (
            if within {
                p.category_rank.map(|k| (p.category.as_deref(), k))
            } else {
                p.rank.map(|k| (None, k))
            },
            Some(series::previous_final(p.final_score, decimals)),
        )
    });
    let change = extras
        .previous
        .then(|| series::change(lang, r.shown_change()))
        .filter(|c| !c.is_empty());
    series::explain(lang, category, overall, r.band.as_deref(), before, change)
}

/// A cell of the ranking.
fn cell_text(lang: Lang, rules: &crate::scoring::Rules, r: &UnitResult, kind: Kind) -> String {
    match kind {
        Kind::Rank if r.category.is_some() => rank_of(r.category_rank, r.category_tied),
        Kind::Rank | Kind::Overall => rank_text(r),
        Kind::Unit => r.unit.clone(),
        Kind::Final => strings::console::shown(rules, r.final_score),
        Kind::Score => strings::console::shown(rules, r.score_rounded),
        Kind::Penalty => penalty_text(r),
        Kind::Band => r.band.clone().unwrap_or_default(),
        Kind::Change => series::change(lang, r.shown_change()),
        Kind::Group(i) => r.groups.get(i).map_or_else(String::new, |g| {
            strings::console::shown(rules, g.score.map(|s| rules.publish(s)))
        }),
    }
}

/// The round before's ranking, read from the copy in this session (never from its file):
/// category headings, category rank, overall rank, unit, final, band.
fn draw_previous(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let st = session.state();
    let (Some(meeting), Some(prev)) = (st.previous.as_ref(), st.previous_results.as_ref()) else {
        return;
    };
    let title = series::previous_view_title(
        lang,
        &meeting.title,
        meeting.date.as_deref(),
        prev.published,
    );
    let inner = super::sheet_view::frame(buf, area, &title, amb);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let units = previous_order(session.plan(), prev);
    let categories = prev.units.iter().any(|u| u.category.is_some());
    let overall = categories && session.rules().overall_rank;
    let bands = prev.units.iter().any(|u| u.band.is_some());
    // The lines: a heading before each category's first unit.
    let mut lines: Vec<Option<usize>> = Vec::new();
    let mut last: Option<Option<&str>> = None;
    for (i, (c, _)) in units.iter().enumerate() {
        if categories && last != Some(*c) {
            lines.push(None);
            last = Some(*c);
        }
        lines.push(Some(i));
    }
    let head: Vec<&str> = strings::console::ranking_head(lang)
        .split_whitespace()
        .collect();
    let h = |i: usize| head.get(i).copied().unwrap_or_default().to_string();
    let mut columns = vec![
        Column::fixed(h(0), 4)
            .right()
            .header_align(Align::Left)
            .clip(),
    ];
    if overall {
        let head = series::overall_head(lang);
        let w = (text::width(head, amb) as u16).max(4);
        columns.push(
            Column::fixed(head, w)
                .right()
                .header_align(Align::Left)
                .clip(),
        );
    }
    columns.push(Column::growing(h(1), 16, 1));
    columns.push(
        Column::fixed(format!(" {}", h(2)), 7)
            .right()
            .header_align(Align::Left)
            .clip(),
    );
    if bands {
        let names = prev.units.iter().filter_map(|u| u.band.as_deref());
        columns.push(band_column(lang, names, amb).gap(2));
    }
    let rank = |k: Option<usize>| k.map_or_else(|| "—".to_string(), |k| k.to_string());
    let rows: Vec<Row> = lines
        .iter()
        .map(|line| {
            let Some(i) = line else {
                return Row::new(Vec::<Cell>::new());
            };
            let u = units[*i].1;
            let mut cells = vec![Cell::new(if u.category.is_some() {
                rank(u.category_rank)
            } else {
                rank(u.rank)
            })];
            if overall {
                cells.push(Cell::new(rank(u.rank)));
            }
            cells.push(Cell::new(u.unit.as_str()));
            cells.push(Cell::new(series::previous_final(
                u.final_score,
                prev.decimals,
            )));
            if bands {
                cells.push(Cell::new(u.band.clone().unwrap_or_default()));
            }
            Row::new(cells)
        })
        .collect();
    let selected_line = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_some())
        .nth(selected)
        .map(|(i, _)| i);
    let [table, note] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    // No wider than the columns want (a long unit name may take a few more).
    let want = 1 + columns.iter().map(|c| c.gap + c.width).sum::<u16>() + 8;
    let table = Rect {
        width: table.width.min(want),
        ..table
    };
    let drawn = Table::new(columns, amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::title()))
        .selected(selected_line, theme::selected(true))
        .draw(buf, table);
    for row in &drawn.rows {
        if lines[row.index].is_some() {
            continue;
        }
        let c = lines
            .get(row.index + 1)
            .copied()
            .flatten()
            .and_then(|i| units.get(i))
            .and_then(|(c, _)| *c);
        category_heading(buf, table, row.y, lang, c, amb);
    }
    let key = app
        .keys
        .bar_key(Action::PreviousRanking)
        .unwrap_or_else(|| "F10".to_string());
    let line = series::previous_view_note(lang, &key);
    put(
        buf,
        note.x + 1,
        note.y,
        note.width.saturating_sub(1),
        &line,
        theme::dim(),
        amb,
    );
}

/// The band's column, as wide as its head or its longest level's name.
fn band_column<'a>(lang: Lang, names: impl Iterator<Item = &'a str>, amb: Ambiguous) -> Column {
    let head = series::band_head(lang);
    let w = names
        .map(|n| text::width(n, amb))
        .chain([text::width(head, amb)])
        .max()
        .unwrap_or(4)
        .min(12) as u16;
    Column::fixed(head, w)
}

/// The ranking's fixed columns: rank, unit, final, score, penalty, and one per group; in a
/// series also the overall rank (after the rank in the category), the band and the change
/// since the round before (after the final). The heads sit where the one-line head of
/// `strings` puts them, left in their columns.
fn columns(
    lang: Lang,
    groups: &[&str],
    amb: Ambiguous,
    extras: Extras,
    rules: &crate::scoring::Rules,
) -> (Vec<Kind>, Vec<Column>) {
    let head: Vec<&str> = strings::console::ranking_head(lang)
        .split_whitespace()
        .collect();
    let h = |i: usize| head.get(i).copied().unwrap_or_default();
    let mut out = vec![(
        Kind::Rank,
        Column::fixed(h(0), 4)
            .right()
            .header_align(Align::Left)
            .clip(),
    )];
    if extras.overall {
        let head = series::overall_head(lang);
        let w = (text::width(head, amb) as u16).max(4);
        out.push((
            Kind::Overall,
            Column::fixed(head, w)
                .right()
                .header_align(Align::Left)
                .clip(),
        ));
    }
    out.push((Kind::Unit, Column::fixed(h(1), 16)));
    out.push((
        Kind::Final,
        Column::fixed(format!(" {}", h(2)), 7)
            .right()
            .header_align(Align::Left)
            .clip(),
    ));
    if extras.bands {
        let names = rules
            .bands
            .iter()
            .flat_map(|b| b.levels.iter().map(|(n, _)| n.as_str()));
        out.push((Kind::Band, band_column(lang, names, amb).gap(2)));
    }
    if extras.previous {
        let head = series::change_head(lang);
        let w = (text::width(head, amb) as u16).max(4);
        out.push((Kind::Change, Column::fixed(head, w).gap(2).clip()));
    }
    out.push((
        Kind::Score,
        Column::fixed(format!(" {}", h(3)), 7)
            .right()
            .header_align(Align::Left)
            .clip(),
    ));
    out.push((
        Kind::Penalty,
        Column::fixed(h(4), 5)
            .right()
            .header_align(Align::Left)
            .clip(),
    ));
    // Seven columns a group, right-aligned; its name cut with an ellipsis to six and kept
    // one column off the right edge, as in the one-line head.
    out.extend(groups.iter().enumerate().map(|(i, g)| {
        let name = text::truncate(g, 6, amb);
        (
            Kind::Group(i),
            Column::fixed(format!("{name} "), 7).right().gap(0),
        )
    }));
    out.into_iter().unzip()
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
    rank_of(r.rank, r.tied)
}

/// A rank with "=" when tied, a dash when none.
fn rank_of(rank: Option<usize>, tied: bool) -> String {
    match (rank, tied) {
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
