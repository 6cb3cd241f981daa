//! Drawing the stage display: a pure function of the session, the settings and the time.
//! Read from the back of a room: the countdown as large as the screen allows, the phase
//! colours of the console, the speaker's name, a stage message, and the results reveal (of
//! the 汇报单位, in a meeting that scores). Only items that count down (a unit's talk, a
//! briefing) have a timer on the stage: a speech and the comments show their title and
//! speaker, a written item its title and 书面通报.

use crate::plan::UnitKind;
use crate::scoring;
use crate::session::{Session, Status, Time, UnitState};
use crate::strings::{self, Lang};
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

/// Draws the display for the whole `area`.
pub fn draw(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let now = session.clock(now);
    let st = session.state();
    // A meeting that does not score never shows results (publishing is refused there; a
    // hand-edited session that says otherwise is not believed).
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

fn draw_results(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    let amb = opts.ambiguous;
    let lang = opts.lang;
    let rules = session.rules();
    let results = scoring::results(rules, session.plan(), session.state(), now);
    let ranked: Vec<_> = scoring::ranking(&results)
        .into_iter()
        .filter(|r| r.rank.is_some())
        .collect();
    let revealed = session.state().stage.revealed.min(ranked.len());
    let [title_row, _, mut list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let title = strings::display::results_title(lang, &session.plan().title);
    centered(buf, area, title_row.y, &title, theme::title(), amb);
    let first_revealed = ranked.len() - revealed;
    // A mark next to a final score computed without a declared group: "*" for the first set
    // of groups missing, "**" for another, explained under the list.
    let mut legend: Vec<(String, Vec<String>)> = Vec::new();
    let marks: Vec<String> = ranked
        .iter()
        .map(|r| {
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
        })
        .collect();
    // Only the marks of the places revealed are explained (and shown).
    let used: Vec<&(String, Vec<String>)> = legend
        .iter()
        .filter(|(m, _)| marks[first_revealed..].contains(m))
        .collect();
    // Their lines under the list (room kept for them at the bottom of the screen).
    let legend_band = (!used.is_empty() && list.height > used.len() as u16 + 2)
        .then(|| take_bottom(&mut list, used.len() as u16 + 1));
    // The columns: place, unit, final score, mark; their widths from every ranked unit, so
    // nothing moves as places are revealed.
    let texts: Vec<[String; 3]> = ranked
        .iter()
        .map(|r| {
            let rank = r.rank.map_or_else(String::new, |k| k.to_string());
            [
                strings::display::rank(lang, &rank, r.tied),
                text::clean_line(&r.unit),
                r.final_score.map_or_else(String::new, |f| rules.show(f)),
            ]
        })
        .collect();
    let headers = strings::display::results_headers(lang);
    let widest = |i: usize| {
        texts
            .iter()
            .map(|t| text::width(&t[i], amb))
            .chain([text::width(headers[i], amb)])
            .max()
            .unwrap_or(0) as u16
    };
    let mark_w = marks.iter().map(|m| m.len()).max().unwrap_or(0) as u16;
    let (rank_w, unit_w, score_w) = (widest(0), widest(1), widest(2));
    // Too narrow for all: the unit goes first, then the place is cut short; the score is
    // never cut (a cut "7…" reads as a wrong figure).
    let mut columns = vec![
        Column::fixed(headers[0], rank_w).min(1),
        Column::growing(headers[1], unit_w.min(4), 1)
            .gap(RESULTS_GAP)
            .priority(1),
        Column::fixed(headers[2], score_w).right().gap(RESULTS_GAP),
    ];
    if mark_w > 0 {
        columns.push(Column::fixed("", mark_w));
    }
    let total =
        rank_w + unit_w + score_w + 2 * RESULTS_GAP + if mark_w > 0 { mark_w + 1 } else { 0 };
    let w = total.min(area.width);
    let x = area.x + (area.width - w) / 2;
    // A header row when every place still fits under it.
    if list.height as usize > ranked.len() + 1 {
        let row = take_top(&mut list, 2);
        Table::new(columns.clone(), amb)
            .header_style(Some(theme::dim()))
            .draw(buf, Rect::new(x, row.y, w, 1));
    }
    let room = list.height as usize;
    // Spread the rows out when there is room, for reading from afar.
    let step = if ranked.len() * 2 <= room { 2 } else { 1 };
    let rows = ranked.len().min(room / step);
    // The window keeps the places just revealed in sight (they come from the bottom up).
    let start_index = first_revealed.min(ranked.len() - rows);
    let mut last_y = list.y;
    for (i, r) in ranked.iter().enumerate().skip(start_index).take(rows) {
        let y = list.y + ((i - start_index) * step) as u16;
        if y >= list.bottom() {
            break;
        }
        last_y = y;
        if i < first_revealed {
            centered(buf, Rect::new(x, y, w, 1), y, "· · ·", theme::dim(), amb);
            continue;
        }
        let style = if r.rank == Some(1) {
            theme::title().fg(Color::Yellow)
        } else {
            theme::title()
        };
        let [rank, unit, score] = texts[i].clone();
        let row = Row::new([rank, unit, score, marks[i].clone()]).style(style);
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
