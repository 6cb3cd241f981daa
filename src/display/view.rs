//! Drawing the stage display: a pure function of the session, the settings and the time.
//! Read from the back of a room: the countdown as large as the screen allows, the phase
//! colours of the console, the speaker's name, a stage message, and the results reveal (of
//! the 汇报单位, in a meeting that scores). Only items that count down (a unit's talk, a
//! briefing) have a timer on the stage: a speech and the comments show their title and
//! speaker, a written item its title and 书面通报.

use super::page::BallotPage;
use super::voting;
use crate::plan::UnitKind;
use crate::scoring;
use crate::session::{PreviousResult, PreviousResults, Session, Status, Time, UnitState};
use crate::strings::{self, Lang, series};
use crate::text::{self, Ambiguous};
use crate::timer::{self, clock_text};
use crate::widgets::table::{Column, Row, Table};
use crate::widgets::{bigtext, centered, talk_label, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct DisplayOptions {
    pub lang: Lang,
    pub ambiguous: Ambiguous,
    pub clock_only: bool,
}

/// Splits `rows` rows off the top of `area` (at most its height); `area` keeps the rest.
fn take_top(area: &mut Rect, rows: u16) -> Rect {
    let [taken, rest] = area.layout(&Layout::vertical([
        Constraint::Length(rows.min(area.height)),
        Constraint::Fill(1),
    ]));
    *area = rest;
    taken
}

/// Splits `rows` rows off the bottom of `area` (at most its height); `area` keeps the rest.
fn take_bottom(area: &mut Rect, rows: u16) -> Rect {
    let [rest, taken] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows.min(area.height)),
    ]));
    *area = rest;
    taken
}

/// Draws the display for the whole `area`, without knowing where the ballot page is (a
/// voting screen then says its address is unknown).
pub fn draw(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    draw_stage(buf, area, session, opts, &BallotPage::default(), now);
}

/// Draws the display for the whole `area`; while voting is open, the voting screen with the
/// ballot page of `page`, over everything else.
pub fn draw_stage(
    buf: &mut Buffer,
    area: Rect,
    session: &Session,
    opts: DisplayOptions,
    page: &BallotPage,
    now: Time,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    if voting::shown(session, opts) {
        voting::draw(buf, area, session, opts, page);
        return;
    }
    let now = session.clock(now);
    let st = session.state();
    // A meeting that does not score never shows results (publishing is refused there; a
    // hand-edited session that says otherwise is not believed).
    // The round before's ranking (the copy in this session), as these meetings open.
    if st.stage.previous_shown && st.previous_results.is_some() && !opts.clock_only {
        draw_previous(buf, area, session, opts);
        return;
    }
    if st.stage.results_shown
        && st.scores.published
        && session.rules().mode.scores()
        && !opts.clock_only
    {
        draw_results(buf, area, session, opts, now);
        return;
    }
    let amb = opts.ambiguous;
    let lang = opts.lang;
    // What is left for the parts below, shrinking from the top and the bottom.
    let mut rest = area;
    // A stage message, prominent, above everything else.
    if let Some(message) = st.stage.message.as_deref()
        && !opts.clock_only
    {
        let lines = text::wrap(message, area.width.saturating_sub(4).max(1) as usize, amb);
        let rows = (lines.len() as u16 + 2).min(area.height / 3).max(1);
        let band = take_top(&mut rest, rows);
        take_top(&mut rest, u16::from(area.height > 12));
        let style = Style::default()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        buf.set_style(band, style);
        // A blank row above the text when the band has room for it.
        let first = band.y + u16::from(band.height > lines.len() as u16);
        for (i, line) in lines.iter().take(band.height as usize).enumerate() {
            centered(buf, area, first + i as u16, line, style, amb);
        }
    }
    // The message band may take every row: nothing else is drawn over it.
    if rest.height == 0 {
        return;
    }
    let last_row = rest.bottom().saturating_sub(1);
    let Some(unit) = st.current_unit() else {
        let line = if st.is_ended() {
            strings::display::meeting_ended(lang)
        } else {
            strings::display::please_wait(lang)
        };
        let y = (rest.y + rest.height / 2).min(last_row);
        let line_y = y.saturating_add(2).min(last_row);
        // Too few rows for both: the line alone, not drawn over the title.
        if line_y > y {
            centered(buf, area, y, &session.plan().title, theme::dim(), amb);
        }
        centered(buf, area, line_y, line, theme::title(), amb);
        return;
    };
    // A speech, the comments, a written item: no timer on the stage, however long it runs.
    if !unit.kind.counts_down() {
        draw_untimed(buf, area, rest, session, unit, opts);
        return;
    }
    let status = unit.status();
    let reading = timer::read(unit, session.plan().warn_seconds(), now);
    let paused = status == Status::Paused;
    // Lines around the digits, kept only while 5-row digits, the label and the bar still fit.
    let digits_need = bigtext::GLYPH_HEIGHT + 2;
    if !opts.clock_only && rest.height > digits_need {
        // The speaker, in normal text.
        let who = unit.speaker();
        let heading = if status == Status::Pending {
            strings::display::up_next(lang, unit.kind, &unit.name)
        } else {
            unit.name.clone()
        };
        let row = take_top(&mut rest, 1);
        centered(buf, area, row.y, &heading, theme::title(), amb);
        if !who.is_empty() && rest.height > digits_need + 1 {
            let row = take_top(&mut rest, 1);
            centered(buf, area, row.y, &who, Style::default(), amb);
        }
        let spacer = u16::from(rest.height > 12);
        take_top(&mut rest, spacer);
        // Next unit, at the bottom.
        let next = st.next_pending_after(st.current_position());
        if let Some(next) = next
            && status != Status::Pending
            && rest.height > digits_need
        {
            let row = take_bottom(&mut rest, 1);
            let line = strings::display::next(lang, next.kind, &next.name);
            centered(buf, area, row.y, &line, theme::dim(), amb);
        }
    }
    // The phase in words and the progress bar under the digits.
    let limit = strings::display::limit(lang, &clock_text(reading.limit));
    let (label, label_style) = talk_label(lang, status, &reading, limit);
    if rest.height >= 4 {
        let [label_row, bar_row] =
            take_bottom(&mut rest, 2).layout(&Layout::vertical([Constraint::Length(1); 2]));
        let bar = bar_row.inner(Margin::new(2, 0));
        let filled = (reading.progress() * bar.width as f64).round() as u16;
        buf.set_style(bar, Style::default().bg(Color::DarkGray));
        buf.set_style(
            Rect {
                width: filled,
                ..bar
            },
            Style::default().bg(theme::phase_color(reading.phase)),
        );
        centered(buf, area, label_row.y, &label, label_style, amb);
    }
    let digits = rest;
    let shown = reading.text();
    let (fill, mut style) = theme::digit_cell(amb, reading.phase, paused);
    if status == Status::Pending {
        style = style.fg(Color::DarkGray).bg(match amb {
            Ambiguous::Narrow => Color::Reset,
            Ambiguous::Wide => Color::DarkGray,
        });
    }
    if !bigtext::draw_fitting(buf, digits, &shown, style, fill, u16::MAX) {
        let y = digits.y + digits.height / 2;
        centered(
            buf,
            area,
            y.min(area.bottom() - 1),
            &shown,
            theme::phase_text(reading.phase),
            amb,
        );
    }
}

/// An item that does not count down (a speech, the comments) or is not spoken (a written
/// item): its title, what it is when written, and the speaker, in the middle of the screen;
/// no digits, no phase, no bar, nothing that changes with the time. With `--clock-only`, the
/// title alone.
fn draw_untimed(
    buf: &mut Buffer,
    area: Rect,
    mut rest: Rect,
    session: &Session,
    unit: &UnitState,
    opts: DisplayOptions,
) {
    let amb = opts.ambiguous;
    let lang = opts.lang;
    let st = session.state();
    let status = unit.status();
    let heading = if status == Status::Pending && unit.kind.is_timed() {
        strings::display::up_next(lang, unit.kind, &unit.name)
    } else {
        unit.name.clone()
    };
    // The title is all the room reads here: wrapped over a few rows rather than cut short
    // (a leader's speech is often named in full), leaving a row for each line under it.
    let width = area.width.saturating_sub(4).max(1) as usize;
    let room = (rest.height / 2).max(1) as usize;
    let mut title = text::wrap(&heading, width, amb);
    if title.len() > room {
        // What does not fit, on the last row, cut short (a space between words again).
        let mut rest_of = String::new();
        for line in &title[room - 1..] {
            let words = rest_of.ends_with(|c: char| c.is_ascii_graphic())
                && line.starts_with(|c: char| c.is_ascii_alphanumeric());
            if words {
                rest_of.push(' ');
            }
            rest_of.push_str(line);
        }
        title.truncate(room - 1);
        title.push(text::truncate(&rest_of, width, amb));
    }
    let title_rows = title.len();
    let mut lines: Vec<(String, Style)> = title.into_iter().map(|l| (l, theme::title())).collect();
    if !opts.clock_only {
        if unit.kind == UnitKind::Written {
            lines.push((
                strings::display::written(lang).to_string(),
                Style::default(),
            ));
        }
        let who = unit.speaker();
        if !who.is_empty() {
            lines.push((who, Style::default()));
        }
        // The next item, at the bottom, once this one has begun.
        let next = st.next_pending_after(st.current_position());
        if let Some(next) = next
            && status != Status::Pending
            && rest.height > lines.len() as u16 + 2
        {
            let row = take_bottom(&mut rest, 1);
            let line = strings::display::next(lang, next.kind, &next.name);
            centered(buf, area, row.y, &line, theme::dim(), amb);
        }
    }
    // A blank row under the title when there is room for it.
    let gap = u16::from(lines.len() > title_rows && rest.height > lines.len() as u16 + 1);
    let block = (lines.len() as u16 + gap).min(rest.height);
    let mut y = rest.y + (rest.height - block) / 2;
    for (i, (line, style)) in lines.iter().enumerate() {
        if y >= rest.bottom() {
            break;
        }
        centered(buf, area, y, line, *style, amb);
        y += 1 + if i + 1 == title_rows { gap } else { 0 };
    }
}

/// A line on the bottom row over whatever is there (a display on another machine that lost
/// the host: what it shows is no longer live).
pub fn draw_notice(buf: &mut Buffer, area: Rect, line: &str, amb: Ambiguous) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    for x in row.left()..row.right() {
        buf[(x, row.y)].reset();
    }
    centered(buf, row, row.y, line, theme::dim(), amb);
}

/// The groups of reviewers a unit's final score was computed without, when the plan
/// declares groups (empty otherwise, and for a unit without a score).
fn lacking_groups(rules: &scoring::Rules, r: &scoring::UnitResult) -> Vec<String> {
    if !rules.declared_groups || r.final_score.is_none() {
        return Vec::new();
    }
    r.groups
        .iter()
        .filter(|g| g.score.is_none())
        .map(|g| g.name.clone())
        .collect()
}

/// Blank columns between the results' columns, for reading from afar.
const RESULTS_GAP: u16 = 3;

/// What a column of the stage's ranking holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The place (in its category when there are categories).
    Rank,
    /// The overall place, beside the place in the category.
    Overall,
    Unit,
    Score,
    Band,
    Change,
}

/// One place of a ranking on the stage: its cells (one per column), the mark of groups its
/// final lacks, whether it is revealed, whether it is a first place.
struct Place {
    cells: Vec<String>,
    mark: String,
    shown: bool,
    first: bool,
}

/// A ranking as the stage shows it: blocks of places (a category each, with its heading,
/// or one block without), and the marks' legend.
struct Board {
    title: String,
    columns: Vec<(Role, String)>,
    blocks: Vec<(Option<String>, Vec<Place>)>,
    legend: Vec<(String, Vec<String>)>,
}

/// The units of the round before's copy as a ranking lists them: grouped by category when
/// they had one (the categories of `plan` first, in agenda order, then the others as they
/// come; units without one last), each by category rank then rank, unranked after.
pub fn previous_ranking<'a>(
    plan: &'a crate::plan::Plan,
    prev: &'a PreviousResults,
) -> Vec<(Option<&'a str>, &'a PreviousResult)> {
    let mut cats: Vec<Option<&str>> = Vec::new();
    let known = plan.units.iter().filter_map(|u| u.category.as_deref());
    let theirs = prev.units.iter().filter_map(|u| u.category.as_deref());
    for c in known.filter(|c| prev.units.iter().any(|u| u.category.as_deref() == Some(*c))) {
        if !cats.contains(&Some(c)) {
            cats.push(Some(c));
        }
    }
    for c in theirs {
        if !cats.contains(&Some(c)) {
            cats.push(Some(c));
        }
    }
    if prev.units.iter().any(|u| u.category.is_none()) {
        cats.push(None);
    }
    let mut out = Vec::new();
    for c in cats {
        let mut members: Vec<(usize, &PreviousResult)> = prev
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.category.as_deref() == c)
            .collect();
        members.sort_by_key(|(i, u)| {
            let k = if c.is_some() {
                u.category_rank.or(u.rank)
            } else {
                u.rank
            };
            (k.unwrap_or(usize::MAX), u.rank.unwrap_or(usize::MAX), *i)
        });
        out.extend(members.into_iter().map(|(_, u)| (c, u)));
    }
    out
}

/// This meeting's ranking on the stage, revealed from the last place up. With categories:
/// a block per category (in the order `scoring::by_category` lists them), revealed one
/// category after another, each from its last place up to its first, so the room hears a
/// category through before the next begins; without, the one ranking as it always was.
/// The stage ranking's columns and their heads: 名次, 总排名 (`overall`), 单位, 得分, 等次
/// (`bands`), 较上期 (`change`).
fn stage_columns(lang: Lang, overall: bool, bands: bool, change: bool) -> Vec<(Role, String)> {
    let headers = strings::display::results_headers(lang);
    let mut columns = vec![(Role::Rank, headers[0].to_string())];
    if overall {
        columns.push((Role::Overall, series::overall_head(lang).to_string()));
    }
    columns.push((Role::Unit, headers[1].to_string()));
    columns.push((Role::Score, headers[2].to_string()));
    if bands {
        columns.push((Role::Band, series::band_head(lang).to_string()));
    }
    if change {
        columns.push((Role::Change, series::stage_change_head(lang).to_string()));
    }
    columns
}

fn draw_results(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    let lang = opts.lang;
    let rules = session.rules();
    let st = session.state();
    let results = scoring::results(rules, session.plan(), st, now);
    let categories = results.iter().any(|r| r.category.is_some());
    let blocks: Vec<(Option<&str>, Vec<&scoring::UnitResult>)> = if categories {
        scoring::by_category(&results)
            .into_iter()
            .map(|(c, units)| (c, units.into_iter().filter(|r| r.rank.is_some()).collect()))
            .filter(|(_, units): &(Option<&str>, Vec<_>)| !units.is_empty())
            .collect()
    } else {
        let ranked: Vec<_> = scoring::ranking(&results)
            .into_iter()
            .filter(|r| r.rank.is_some())
            .collect();
        vec![(None, ranked)]
    };
    let total: usize = blocks.iter().map(|(_, u)| u.len()).sum();
    let revealed = st.stage.revealed.min(total);
    let overall = categories && rules.overall_rank;
    let bands = rules.bands.is_some();
    let previous = st
        .previous_results
        .as_ref()
        .is_some_and(|p| !p.units.is_empty());
    let columns = stage_columns(lang, overall, bands, previous);
    // A mark next to a final score computed without a declared group: "*" for the first set
    // of groups missing, "**" for another, explained under the list.
    let mut legend: Vec<(String, Vec<String>)> = Vec::new();
    let mut mark_of = |r: &scoring::UnitResult| {
        let lacks = lacking_groups(rules, r);
        if lacks.is_empty() {
            return String::new();
        }
        let k = match legend.iter().position(|(_, g)| *g == lacks) {
            Some(k) => k,
            None => {
                legend.push(("*".repeat(legend.len() + 1), lacks));
                legend.len() - 1
            }
        };
        legend[k].0.clone()
    };
    // Which places are revealed: counted from the last place up, block after block with
    // categories (each block from its last place), over the one ranking without.
    let mut before = 0usize;
    let mut out_blocks = Vec::new();
    for (c, units) in &blocks {
        let n = units.len();
        let places = units
            .iter()
            .enumerate()
            .map(|(j, r)| {
                let step = if categories {
                    before + (n - 1 - j)
                } else {
                    n - 1 - j
                };
                let cells = columns
                    .iter()
                    .map(|(role, _)| match role {
                        Role::Rank if categories && r.category.is_some() => {
                            let k = r.category_rank.map_or_else(String::new, |k| k.to_string());
                            strings::display::rank(lang, &k, r.category_tied)
                        }
                        Role::Rank => {
                            let k = r.rank.map_or_else(String::new, |k| k.to_string());
                            strings::display::rank(lang, &k, r.tied)
                        }
                        Role::Overall => {
                            let k = r.rank.map_or_else(String::new, |k| k.to_string());
                            series::overall(lang, &k, r.tied)
                        }
                        Role::Unit => text::clean_line(&r.unit),
                        Role::Score => r.final_score.map_or_else(String::new, |f| rules.show(f)),
                        Role::Band => r.band.clone().unwrap_or_default(),
                        Role::Change => series::change(lang, r.shown_change()),
                    })
                    .collect();
                let first = if categories && r.category.is_some() {
                    r.category_rank == Some(1)
                } else {
                    r.rank == Some(1)
                };
                Place {
                    cells,
                    mark: mark_of(r),
                    shown: step < revealed,
                    first,
                }
            })
            .collect();
        before += n;
        let heading = categories.then(|| series::category_heading(lang, *c));
        out_blocks.push((heading, places));
    }
    let board = Board {
        title: strings::display::results_title(lang, &session.plan().title),
        columns,
        blocks: out_blocks,
        legend,
    };
    draw_board(buf, area, &board, opts);
}

/// The round before's ranking on the stage (the copy in this session): every place at once,
/// by category when it had them, with its band.
fn draw_previous(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions) {
    let lang = opts.lang;
    let st = session.state();
    let Some(prev) = st.previous_results.as_ref() else {
        return;
    };
    let title = st.previous.as_ref().map_or("", |p| p.title.as_str());
    let units: Vec<(Option<&str>, &PreviousResult)> = previous_ranking(session.plan(), prev)
        .into_iter()
        .filter(|(_, u)| u.rank.is_some())
        .collect();
    let categories = units.iter().any(|(c, _)| c.is_some());
    let overall = categories && session.rules().overall_rank;
    let bands = units.iter().any(|(_, u)| u.band.is_some());
    let columns = stage_columns(lang, overall, bands, false);
    let tied = |k: Option<usize>, of: &dyn Fn(&PreviousResult) -> Option<usize>, c| {
        units
            .iter()
            .filter(|(oc, _)| !categories || *oc == c)
            .filter(|(_, u)| of(u) == k)
            .count()
            > 1
    };
    let mut blocks: Vec<(Option<String>, Vec<Place>)> = Vec::new();
    let mut last: Option<Option<&str>> = None;
    for (c, u) in &units {
        if last != Some(*c) || blocks.is_empty() {
            let heading = categories.then(|| series::category_heading(lang, *c));
            blocks.push((heading, Vec::new()));
            last = Some(*c);
        }
        let in_category = categories && u.category.is_some();
        let cells = columns
            .iter()
            .map(|(role, _)| match role {
                Role::Rank if in_category => {
                    let k = u.category_rank.or(u.rank);
                    let t = tied(k, &|p: &PreviousResult| p.category_rank.or(p.rank), *c);
                    strings::display::rank(lang, &k.map_or_else(String::new, |k| k.to_string()), t)
                }
                Role::Rank => {
                    let t = tied(u.rank, &|p: &PreviousResult| p.rank, *c);
                    let k = u.rank.map_or_else(String::new, |k| k.to_string());
                    strings::display::rank(lang, &k, t)
                }
                Role::Overall => {
                    let t = units.iter().filter(|(_, p)| p.rank == u.rank).count() > 1;
                    let k = u.rank.map_or_else(String::new, |k| k.to_string());
                    series::overall(lang, &k, t)
                }
                Role::Unit => text::clean_line(&u.unit),
                Role::Score => series::previous_final(u.final_score, prev.decimals),
                Role::Band => u.band.clone().unwrap_or_default(),
                Role::Change => String::new(),
            })
            .collect();
        let first = if in_category {
            u.category_rank.or(u.rank) == Some(1)
        } else {
            u.rank == Some(1)
        };
        if let Some((_, places)) = blocks.last_mut() {
            places.push(Place {
                cells,
                mark: String::new(),
                shown: true,
                first,
            });
        }
    }
    let board = Board {
        title: series::previous_stage_title(lang, title),
        columns,
        blocks,
        legend: Vec::new(),
    };
    draw_board(buf, area, &board, opts);
}

/// One line of a board on the stage.
#[derive(Clone, Copy)]
enum BoardLine {
    Heading(usize),
    Place(usize, usize),
}

/// Draws a ranking: the title, a header row when every line fits under it, the blocks with
/// their headings, the places not yet revealed as dots, the legend of the marks revealed.
/// The rows are spread out when there is room; the window keeps the places just revealed in
/// sight.
fn draw_board(buf: &mut Buffer, area: Rect, board: &Board, opts: DisplayOptions) {
    let amb = opts.ambiguous;
    let lang = opts.lang;
    let [title_row, _, mut list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    centered(buf, area, title_row.y, &board.title, theme::title(), amb);
    let places: Vec<&Place> = board.blocks.iter().flat_map(|(_, p)| p).collect();
    // Only the marks of the places revealed are explained (and shown).
    let used: Vec<&(String, Vec<String>)> = board
        .legend
        .iter()
        .filter(|(m, _)| places.iter().any(|p| p.shown && p.mark == *m))
        .collect();
    // Their lines under the list (room kept for them at the bottom of the screen).
    let legend_band = (!used.is_empty() && list.height > used.len() as u16 + 2)
        .then(|| take_bottom(&mut list, used.len() as u16 + 1));
    let mut lines: Vec<BoardLine> = Vec::new();
    for (b, (heading, block)) in board.blocks.iter().enumerate() {
        if heading.is_some() {
            lines.push(BoardLine::Heading(b));
        }
        lines.extend((0..block.len()).map(|i| BoardLine::Place(b, i)));
    }
    // Without a header row (too many lines for it), the change says what it is: "较上期 ↑2".
    let with_header = list.height as usize > lines.len() + 1;
    let cell = |p: &Place, i: usize| -> String {
        let (role, head) = &board.columns[i];
        match role {
            Role::Change if !with_header && !p.cells[i].is_empty() => {
                format!("{head} {}", p.cells[i])
            }
            _ => p.cells[i].clone(),
        }
    };
    // The columns' widths from every place, so nothing moves as places are revealed.
    let widest = |i: usize| {
        places
            .iter()
            .map(|p| text::width(&cell(p, i), amb))
            .chain([text::width(&board.columns[i].1, amb)])
            .max()
            .unwrap_or(0) as u16
    };
    let mark_w = places.iter().map(|p| p.mark.len()).max().unwrap_or(0) as u16;
    // Too narrow for all: the overall rank, the change and the band go first, then the
    // unit, then the place is cut short; the score is never cut (a cut "7…" reads as a
    // wrong figure).
    let mut columns: Vec<Column> = Vec::new();
    let mut total = 0u16;
    for (i, (role, head)) in board.columns.iter().enumerate() {
        let w = widest(i);
        let gap = if i == 0 { 0 } else { RESULTS_GAP };
        total += w + gap;
        columns.push(match role {
            Role::Rank => Column::fixed(head.as_str(), w).min(1),
            Role::Unit => Column::growing(head.as_str(), w.min(4), 1)
                .gap(RESULTS_GAP)
                .priority(4),
            Role::Score => Column::fixed(head.as_str(), w).right().gap(RESULTS_GAP),
            // Dropped before the unit: the overall rank first, then the change, the band.
            Role::Overall => Column::fixed(head.as_str(), w).gap(RESULTS_GAP).priority(1),
            Role::Change => Column::fixed(head.as_str(), w).gap(RESULTS_GAP).priority(2),
            Role::Band => Column::fixed(head.as_str(), w).gap(RESULTS_GAP).priority(3),
        });
    }
    if mark_w > 0 {
        columns.push(Column::fixed("", mark_w));
        total += mark_w + 1;
    }
    let w = total.min(area.width);
    let x = area.x + (area.width - w) / 2;
    // A header row when every line still fits under it.
    if with_header {
        let row = take_top(&mut list, 2);
        Table::new(columns.clone(), amb)
            .header_style(Some(theme::dim()))
            .draw(buf, Rect::new(x, row.y, w, 1));
    }
    let room = list.height as usize;
    // Spread the rows out when there is room, for reading from afar.
    let step = if lines.len() * 2 <= room { 2 } else { 1 };
    let rows = lines.len().min(room / step);
    let start = window(board, &lines, rows);
    let mut last_y = list.y;
    for (i, line) in lines.iter().enumerate().skip(start).take(rows) {
        let y = list.y + ((i - start) * step) as u16;
        if y >= list.bottom() {
            break;
        }
        last_y = y;
        let (b, p) = match *line {
            BoardLine::Heading(b) => {
                let heading = board.blocks[b].0.as_deref().unwrap_or_default();
                centered(buf, area, y, heading, theme::title().fg(Color::Cyan), amb);
                continue;
            }
            BoardLine::Place(b, p) => (b, p),
        };
        let place = &board.blocks[b].1[p];
        if !place.shown {
            centered(buf, Rect::new(x, y, w, 1), y, "· · ·", theme::dim(), amb);
            continue;
        }
        let style = if place.first {
            theme::title().fg(Color::Yellow)
        } else {
            theme::title()
        };
        let mut cells: Vec<String> = (0..place.cells.len()).map(|i| cell(place, i)).collect();
        cells.push(place.mark.clone());
        let row = Row::new(cells).style(style);
        Table::new(columns.clone(), amb)
            .header_style(None)
            .rows(vec![row])
            .draw(buf, Rect::new(x, y, w, 1));
    }
    if let Some(band) = legend_band {
        let top = (last_y + 2).min(band.y + 1);
        for (i, (mark, groups)) in used.iter().enumerate() {
            let line = strings::display::lacks_groups(lang, mark, groups);
            centered(buf, area, top + i as u16, &line, theme::warn(), amb);
        }
    }
}

/// The first line in sight when `rows` of `lines` fit. Without headings: from the topmost
/// place revealed (the places come from the bottom up). With: the block being revealed,
/// from its heading when it fits whole, else from just above the place just revealed.
fn window(board: &Board, lines: &[BoardLine], rows: usize) -> usize {
    let last_start = lines.len() - rows;
    let headed = board.blocks.iter().any(|(h, _)| h.is_some());
    if !headed {
        let places: Vec<&Place> = board.blocks.iter().flat_map(|(_, p)| p).collect();
        let first_revealed = places.iter().position(|p| p.shown).unwrap_or(places.len());
        return first_revealed.min(last_start);
    }
    // The block being revealed: the last one with a place shown (the first before any).
    let current = board
        .blocks
        .iter()
        .rposition(|(_, places)| places.iter().any(|p| p.shown))
        .unwrap_or(0);
    let heading = lines
        .iter()
        .position(|l| matches!(l, BoardLine::Heading(b) if *b == current))
        .unwrap_or(0);
    let block_len = board.blocks[current].1.len();
    if block_len < rows {
        return heading.min(last_start);
    }
    // The place just revealed: the topmost shown of the block (its last place before any).
    let top = board.blocks[current]
        .1
        .iter()
        .position(|p| p.shown)
        .unwrap_or(block_len - 1);
    (heading + top).max(heading).min(last_start)
}
