//! Drawing the console: a pure function of the app state and the time. Nothing here changes
//! the meeting; text is cleaned and measured by display width before it reaches the buffer.

use super::app::{Action, App, Confirm, Focus, Level, Mode};
use super::editor::{Form, RemarkEditor, Target};
use super::help;
use super::keys::{self, Screen};
use super::theme;
use crate::session::{RemarkKind, Status, Time};
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use crate::timer::{self, Phase, clock_text};
use crate::widgets::block;
pub(crate) use crate::widgets::{fill, popup};
pub use crate::widgets::{put, talk_label};
use chrono::Duration;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App, now: Time) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(buf, area, lang, amb);
        return;
    }
    let now = app.session().clock(now);
    let [header, body, notice, keys, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(8),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    draw_header(buf, header, app, now);
    let right_width = (area.width * 2 / 5).max(30);
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Min(30),
        Constraint::Length(right_width),
    ]));
    draw_agenda(buf, left, app, now);
    let timer_height = if right.height >= 22 { 13 } else { 11 }.min(right.height.saturating_sub(4));
    let [timer_area, remarks_area] = right.layout(&Layout::vertical([
        Constraint::Length(timer_height),
        Constraint::Min(4),
    ]));
    draw_timer(buf, timer_area, app, now);
    draw_remarks(buf, remarks_area, app);
    draw_notice(buf, notice, app);
    draw_keys(buf, keys, app);
    draw_status(buf, status, app);
    match &app.mode {
        Mode::Live => {}
        Mode::Editor(ed) => {
            if let Some(pos) = draw_editor(buf, body, app, ed) {
                frame.set_cursor_position(pos);
            }
        }
        Mode::Form(form) => {
            if let Some(pos) = draw_form(buf, body, app, form) {
                frame.set_cursor_position(pos);
            }
        }
        Mode::Confirm { what, yes } => draw_confirm(buf, body, app, what, *yes),
        Mode::Unsaved(d) => {
            if let Some(pos) = draw_unsaved(buf, body, app, d) {
                frame.set_cursor_position(pos);
            }
        }
        Mode::Help { scroll } => {
            // The help takes the whole screen above the key bar.
            let r = Rect::new(area.x, area.y, area.width, keys.y - area.y);
            help::draw(buf, r, lang, &app.keys, amb, *scroll)
        }
        Mode::Menu { selected } => draw_menu(buf, body, app, *selected),
        Mode::Sheet(_) | Mode::Results { .. } if app.private => {
            let inner = popup(buf, body, body.width, body.height, "", amb);
            put(
                buf,
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(1),
                lang.s().hidden,
                theme::warn(),
                amb,
            );
        }
        Mode::Sheet(sheet) => super::results::draw_sheet(buf, body, app, sheet, now),
        Mode::Results { selected } => super::results::draw_results(buf, body, app, *selected, now),
        Mode::Connections { selected } => super::connections::draw(buf, body, app, *selected),
    }
}

fn too_small(buf: &mut Buffer, area: Rect, lang: Lang, amb: Ambiguous) {
    let message = lang.s().too_small;
    let lines = text::wrap(message, area.width.max(1) as usize, amb);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let w = text::width(line, amb) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        put(buf, x, top + i as u16, area.width, line, theme::warn(), amb);
    }
}

/// Planned and projected end of the meeting, and the drift between them in minutes.
pub fn meeting_times(app: &App, now: Time) -> (Option<Time>, Option<Time>, i64) {
    let session = app.session();
    let st = session.state();
    let plan = session.plan();
    let planned_total: i64 = st
        .units
        .iter()
        .filter(|u| !u.skipped)
        .map(|u| u.limit_seconds())
        .sum();
    // The plan's start counts on the meeting's own day; on another day (a rehearsal, the
    // demo) the meeting is planned from when it started, or from now.
    let today = now.date_naive();
    let on_the_day = plan
        .date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .is_none_or(|d| d == today);
    let planned_start = plan
        .start
        .as_deref()
        .and_then(crate::plan::parse_start)
        .filter(|_| on_the_day)
        .and_then(|t| today.and_time(t).and_local_timezone(*now.offset()).single())
        .or(st.started_at)
        .or(Some(now));
    let planned_end = planned_start.map(|s| s + Duration::seconds(planned_total));
    if let Some(ended) = st.ended_at {
        let drift = planned_end.map_or(0, |p| (ended - p).num_seconds());
        return (
            planned_end,
            Some(ended),
            (drift as f64 / 60.0).round() as i64,
        );
    }
    let remaining: i64 = st
        .units
        .iter()
        .map(|u| match u.status() {
            Status::Pending => u.limit_seconds(),
            Status::Presenting | Status::Paused => (u.limit_seconds() - u.talk_seconds(now)).max(0),
            Status::Done | Status::Skipped => 0,
        })
        .sum();
    let from = match (st.started_at, planned_start) {
        (None, Some(p)) if p > now => p,
        _ => now,
    };
    let projected = from + Duration::seconds(remaining);
    let drift = planned_end.map_or(0, |p| (projected - p).num_seconds());
    (
        planned_end,
        Some(projected),
        (drift as f64 / 60.0).round() as i64,
    )
}

fn draw_header(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    fill(buf, area, theme::header());
    let st = app.session().state();
    let elapsed = match (st.started_at, st.ended_at) {
        (Some(start), Some(end)) => clock_text((end - start).num_seconds()),
        (Some(start), None) => clock_text((now - start).num_seconds()),
        _ => "--:--".into(),
    };
    let (planned, projected, drift) = meeting_times(app, now);
    let hm = |t: Option<Time>| t.map_or_else(|| "--:--".into(), |t| t.format("%H:%M").to_string());
    // Pieces by importance; the least important go first when the line is narrow.
    let mut pieces = vec![
        format!("{} {}", s.now, app.wall_time(now).format("%H:%M:%S")),
        format!("{} {}", s.elapsed, elapsed),
        format!("{} {}", s.planned_end, hm(planned)),
        format!(
            "{} {} ({})",
            s.projected_end,
            hm(projected),
            strings::drift(lang, drift)
        ),
    ];
    let title_min = 16;
    let joined = |p: &[String]| format!(" {} ", p.join("  "));
    for drop in [2usize, 1] {
        if text::width(&joined(&pieces), amb) + title_min <= area.width as usize {
            break;
        }
        pieces.remove(drop);
    }
    let right = joined(&pieces);
    let rw = (text::width(&right, amb) as u16).min(area.width);
    let title_room = area.width.saturating_sub(rw + 1);
    let title = text::truncate(
        &text::clean_line(&app.session().plan().title),
        title_room as usize,
        amb,
    );
    put(
        buf,
        area.x + 1,
        area.y,
        title_room,
        &title,
        theme::header().add_modifier(ratatui::style::Modifier::BOLD),
        amb,
    );
    put(
        buf,
        area.right().saturating_sub(rw),
        area.y,
        rw,
        &right,
        theme::header(),
        amb,
    );
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

fn draw_agenda(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let focused = app.focus == Focus::Agenda && matches!(app.mode, Mode::Live);
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

fn draw_timer(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let b = block(s.current_unit, amb, false);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let st = app.session().state();
    let Some(unit) = st.current_unit() else {
        let message = if st.is_ended() {
            s.meeting_over
        } else {
            s.no_current
        };
        put(
            buf,
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(1),
            message,
            theme::title(),
            amb,
        );
        return;
    };
    let mut y = inner.y;
    let w = inner.width.saturating_sub(1);
    put(
        buf,
        inner.x + 1,
        y,
        w,
        &text::truncate(&text::clean_line(&unit.name), w as usize, amb),
        theme::title(),
        amb,
    );
    y += 1;
    let who = [unit.presenter.as_deref(), unit.role.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !who.is_empty() && y < inner.bottom() {
        put(
            buf,
            inner.x + 1,
            y,
            w,
            &text::truncate(&text::clean_line(&who), w as usize, amb),
            Style::default(),
            amb,
        );
        y += 1;
    }
    if let Some(topic) = &unit.topic
        && y < inner.bottom()
        && inner.height >= 10
    {
        put(
            buf,
            inner.x + 1,
            y,
            w,
            &text::truncate(&text::clean_line(topic), w as usize, amb),
            theme::dim(),
            amb,
        );
        y += 1;
    }
    let reading = timer::read(unit, app.session().plan().warn_seconds(), now);
    let status = unit.status();
    let paused = status == Status::Paused;
    let rest = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    let big = Rect::new(rest.x, rest.y, rest.width, rest.height.min(5));
    let shown = reading.text();
    let (fill, style) = theme::digit_cell(amb, reading.phase, paused);
    if !super::bigtext::draw_fitting(buf, big, &shown, style, fill, 2) {
        put(
            buf,
            inner.x + 1,
            y,
            w,
            &shown,
            theme::phase_text(reading.phase),
            amb,
        );
    }
    y += if rest.height >= 5 { 6 } else { 1 };
    if y < inner.bottom() {
        let (label, style) = talk_label(lang, status, &reading, s.not_started.to_string());
        let used = put(buf, inner.x + 1, y, w, &label, style, amb);
        let limit = format!("  {} {}", s.col_plan, clock_text(reading.limit));
        put(
            buf,
            inner.x + 1 + used,
            y,
            w.saturating_sub(used),
            &limit,
            theme::dim(),
            amb,
        );
        y += 1;
    }
    if y < inner.bottom() {
        let bar_w = inner.width.saturating_sub(2);
        let filled = (reading.progress() * bar_w as f64).round() as u16;
        buf.set_style(
            Rect::new(inner.x + 1, y, bar_w, 1),
            Style::default().bg(ratatui::style::Color::DarkGray),
        );
        buf.set_style(
            Rect::new(inner.x + 1, y, filled, 1),
            Style::default().bg(theme::phase_color(reading.phase)),
        );
    }
}

fn draw_remarks(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let unit = app.selected_unit();
    let ids = app.selected_remarks();
    let title = match &unit {
        Some(u) => format!("{} · {} ({})", s.remarks, u, ids.len()),
        None => format!("{} ({})", s.general_remarks, ids.len()),
    };
    let focused = app.focus == Focus::Remarks && matches!(app.mode, Mode::Live);
    let b = block(&title, amb, focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    if app.private {
        put(
            buf,
            inner.x + 1,
            inner.y,
            inner.width - 1,
            s.hidden,
            theme::warn(),
            amb,
        );
        return;
    }
    let width = (inner.width - 1) as usize;
    // A note-taker's remarks that the host has not confirmed yet, at the bottom.
    let mut waiting: Vec<String> = Vec::new();
    if let Some(r) = app.ledger.remote() {
        // Newest first, only as many as the panel holds (the wrapping is the cost).
        let queued: Vec<_> = r.waiting().collect();
        for q in queued.into_iter().rev() {
            if waiting.len() >= inner.height as usize {
                break;
            }
            if let crate::session::Command::AddRemark {
                unit: u,
                reviewer,
                text: t,
                kind,
            } = &q.command
                && *u == unit
            {
                let mark = if *kind == RemarkKind::Task {
                    s.task_mark
                } else {
                    ""
                };
                let who = if reviewer.is_empty() { "—" } else { reviewer };
                let label = match lang {
                    Lang::Zh => "⏳待确认 ",
                    Lang::En => "⏳waiting ",
                };
                let lines = text::wrap(&format!("{label}{who} — {mark}{t}"), width, amb);
                waiting.splice(0..0, lines);
            }
        }
    }
    let keep = waiting.len().min(inner.height as usize);
    for (row, line) in waiting[waiting.len() - keep..].iter().enumerate() {
        let y = inner.bottom() - keep as u16 + row as u16;
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            line,
            theme::dim(),
            amb,
        );
    }
    let inner = Rect::new(inner.x, inner.y, inner.width, inner.height - keep as u16);
    if ids.is_empty() {
        if keep == 0 {
            put(
                buf,
                inner.x + 1,
                inner.y,
                inner.width - 1,
                s.no_remarks,
                theme::dim(),
                amb,
            );
        }
        return;
    }
    let st = app.session().state();
    // Lay out the selected remark and those before it, only as many as fill the panel, so a
    // row with thousands of remarks costs no more to draw than one with ten.
    let unit = app.selected_unit();
    let remarks: Vec<&crate::session::Remark> = st.remarks_on(unit.as_deref()).collect();
    let selected = app
        .remark_selected
        .unwrap_or(ids.len() - 1)
        .min(remarks.len().saturating_sub(1));
    let room = inner.height as usize;
    let mut lines: Vec<(String, Style, usize)> = Vec::new();
    for i in (0..=selected).rev() {
        let Some(r) = remarks.get(i) else { continue };
        let who = if r.reviewer.is_empty() {
            "—"
        } else {
            r.reviewer.as_str()
        };
        let mark = if r.kind == RemarkKind::Task {
            s.task_mark
        } else {
            ""
        };
        let style = if r.kind == RemarkKind::Task {
            theme::task()
        } else {
            Style::default()
        };
        let wrapped = text::wrap(&format!("{who} — {mark}{}", r.text), width, amb);
        lines.splice(0..0, wrapped.into_iter().map(|l| (l, style, i)));
        if lines.len() >= room {
            break;
        }
    }
    let first = lines.len().saturating_sub(room);
    for (row, (line, style, i)) in lines.iter().skip(first).enumerate() {
        let y = inner.y + row as u16;
        let style = if *i == selected && focused {
            fill(
                buf,
                Rect::new(inner.x, y, inner.width, 1),
                theme::selected(true),
            );
            theme::selected(true)
        } else {
            *style
        };
        put(buf, inner.x + 1, y, inner.width - 1, line, style, amb);
    }
}

fn draw_notice(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let (message, style) = match (&app.notice, &app.demo) {
        (Some(n), _) => (
            n.text.clone(),
            match n.level {
                Level::Info => theme::info(),
                Level::Warn => theme::warn(),
                Level::Error => theme::error(),
            },
        ),
        (None, Some(demo)) => (demo.clone(), theme::info()),
        (None, None) => return,
    };
    let t = text::truncate(
        &text::clean_line(&message),
        area.width.saturating_sub(1) as usize,
        amb,
    );
    fill(buf, area, style);
    put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &t,
        style,
        amb,
    );
}

/// The keys that work in the current mode, with a priority (0 is kept longest when the bar
/// is too narrow for all of them). The live screen's and the results' come from
/// `keys::TABLE` (with the keys in use), the other modes' are fixed.
pub fn key_hints(app: &App) -> Vec<(String, &'static str, u8)> {
    match &app.mode {
        Mode::Live => table_hints(app, Screen::Live),
        Mode::Results { .. } => table_hints(app, Screen::Results),
        _ => fixed_hints(app)
            .into_iter()
            .map(|(k, l, p)| (k.to_string(), l, p))
            .collect(),
    }
}

/// The key bar of a screen of `keys::TABLE`: the actions placed in it and the fixed keys, in
/// their slots; on a note-taker's console only those it shows there.
fn table_hints(app: &App, screen: Screen) -> Vec<(String, &'static str, u8)> {
    let lang = app.lang();
    let s = lang.s();
    let note_taker = app.ledger.remote();
    let priority = |spot: &keys::Spot| match note_taker {
        Some(_) => spot.note_taker,
        None => Some(spot.host),
    };
    let mut out: Vec<(u8, String, &'static str, u8)> = Vec::new();
    for b in keys::TABLE {
        let Some(spot) = b.bar.filter(|p| p.screen == screen) else {
            continue;
        };
        let Some(prio) = priority(&spot) else {
            continue;
        };
        let shown = match b.action {
            Action::ToggleTalk | Action::Next => !app.session().state().is_ended(),
            Action::EditRemark | Action::DeleteRemark => app.focus == Focus::Remarks,
            Action::ScoreSheet => note_taker.is_none_or(|r| r.link.scores),
            Action::Connections => app.server.is_some(),
            _ => true,
        };
        let Some(key) = app.keys.bar_key(b.action).filter(|_| shown) else {
            continue;
        };
        let label = match b.action {
            Action::ToggleTalk => match app.shown_unit_status() {
                Some(Status::Presenting) => s.key_pause,
                Some(Status::Paused) => s.key_resume,
                _ => s.key_start,
            },
            Action::Privacy if app.private => s.key_unhide,
            _ => (b.bar_label)(lang),
        };
        out.push((spot.slot, key, label, prio));
    }
    for f in keys::FIXED {
        let Some(spot) = f.bar.filter(|p| p.screen == screen) else {
            continue;
        };
        let Some(prio) = priority(&spot) else {
            continue;
        };
        if f.nav == keys::Nav::Select && app.focus != Focus::Agenda {
            continue;
        }
        out.push((spot.slot, f.bar_key.to_string(), (f.bar_label)(lang), prio));
    }
    out.sort_by_key(|h| h.0);
    out.into_iter().map(|(_, k, l, p)| (k, l, p)).collect()
}

/// The key bar of the modes outside `keys::TABLE`: typing, forms, confirmations, popups.
fn fixed_hints(app: &App) -> Vec<(&'static str, &'static str, u8)> {
    let s = app.lang().s();
    match &app.mode {
        Mode::Live | Mode::Results { .. } => Vec::new(),
        Mode::Editor(ed) if ed.search.is_some() => {
            vec![("Enter", s.key_pick, 0), ("Esc", s.key_cancel, 0)]
        }
        Mode::Editor(_) => vec![
            ("Enter", s.key_save, 0),
            ("Esc", s.key_cancel, 0),
            ("Ctrl+J", s.key_newline, 1),
            ("Tab", s.key_reviewer, 1),
            ("Ctrl+R", s.key_search, 2),
        ],
        Mode::Form(_) => vec![
            ("Enter", s.key_save, 0),
            ("Tab", s.key_select, 1),
            ("Esc", s.key_cancel, 0),
        ],
        Mode::Confirm { .. } => vec![
            ("y", s.key_yes, 0),
            ("n", s.key_no, 0),
            ("←→", s.key_select, 1),
            ("Enter", s.key_pick, 1),
        ],
        Mode::Unsaved(d) => {
            let u = strings::unsaved_text(app.lang());
            if d.folder.is_some() {
                vec![
                    ("Enter", u.key_write, 0),
                    ("Ctrl+U", u.key_clear, 1),
                    ("Esc", u.key_back, 0),
                ]
            } else {
                vec![
                    ("r", u.key_retry, 0),
                    ("w", u.key_copy, 0),
                    ("Esc", u.key_stay, 0),
                    ("Ctrl+Q", u.key_quit_anyway, 0),
                    ("↑↓", s.key_select, 1),
                    ("Enter", s.key_pick, 1),
                ]
            }
        }
        Mode::Help { .. } => vec![("↑↓", s.key_scroll, 1), ("Esc", s.key_close, 0)],
        Mode::Menu { .. } => vec![
            ("↑↓", s.key_select, 0),
            ("Enter", s.key_pick, 0),
            ("Esc", s.key_close, 0),
        ],
        // A plan without reviewers: the sheet only says what to do.
        Mode::Sheet(_) if !super::sheet::Sheet::has_cells(app.session()) => {
            vec![("PgUp/PgDn", s.key_other_unit, 2), ("Esc", s.key_close, 0)]
        }
        Mode::Sheet(_) => vec![
            ("0-9 .", s.key_type_score, 0),
            ("Enter/Tab", s.key_save, 0),
            ("↑↓←→", s.key_select, 1),
            ("PgUp/PgDn", s.key_other_unit, 2),
            ("Del", s.key_delete, 3),
            ("Esc", s.key_close, 0),
        ],
        Mode::Connections { .. } => {
            let zh = app.lang() == Lang::Zh;
            let pick = |z: &'static str, e: &'static str| if zh { z } else { e };
            vec![
                ("↑↓", s.key_select, 1),
                ("d", pick("断开", "disconnect"), 0),
                ("k", pick("新加入码", "new code"), 0),
                ("s", pick("评分录入", "score entry"), 0),
                ("Esc", s.key_close, 0),
            ]
        }
    }
}

fn draw_keys(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let mut hints = key_hints(app);
    let need = |h: &[(String, &str, u8)]| -> u16 {
        h.iter()
            .map(|(k, l, _)| text::width(k, amb) as u16 + 3 + text::width(l, amb) as u16)
            .sum()
    };
    // Drop the least important keys until the rest fit.
    while need(&hints) > area.width {
        let Some(worst) = hints
            .iter()
            .enumerate()
            .max_by_key(|(i, h)| (h.2, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        hints.remove(worst);
    }
    let mut x = area.x;
    for (key, label, _) in hints {
        x += put(
            buf,
            x,
            area.y,
            area.right().saturating_sub(x),
            &format!(" {key} "),
            theme::key(),
            amb,
        );
        x += put(
            buf,
            x,
            area.y,
            area.right().saturating_sub(x),
            &format!("{label} "),
            Style::default(),
            amb,
        );
    }
}

/// A note-taker's status line: who, the connection, what still waits for the host.
fn remote_status(app: &App, r: &crate::tui::ledger::Remote) -> (String, Style) {
    use crate::net::client::LinkState;
    let lang = app.lang();
    let waiting = r.waiting().count();
    let addr = &r.link.spec.addr;
    let zh = lang == Lang::Zh;
    let wait = match (zh, waiting) {
        (_, 0) => String::new(),
        (true, n) => format!(" · 待主持人确认 {n} 条"),
        (false, n) => format!(" · {n} waiting for the host"),
    };
    match &r.link.state {
        LinkState::Online => (
            if zh {
                format!(" 记录员 {} · 已连接主持人 {addr}{wait}", r.name)
            } else {
                format!(
                    " Note-taker {} · connected to the host at {addr}{wait}",
                    r.name
                )
            },
            if waiting > 0 {
                theme::warn()
            } else {
                theme::dim()
            },
        ),
        LinkState::Connecting | LinkState::Offline(_) => (
            if zh {
                format!(" 记录员 {} · 未连接主持人 {addr}，正在重试{wait}", r.name)
            } else {
                format!(
                    " Note-taker {} · not connected to {addr}, retrying{wait}",
                    r.name
                )
            },
            theme::warn(),
        ),
        LinkState::Closed(why) => (format!(" {}{wait}", why.pick(lang)), theme::error()),
    }
}

/// The host's join details: the code (hidden in private mode) and how many joined.
fn serving_status(app: &App) -> String {
    let Some(server) = &app.server else {
        return String::new();
    };
    let code = if app.private {
        "••••••"
    } else {
        server.code()
    };
    let addr = server.addrs.first().map_or("", |a| a.as_str());
    let n = server.peers.len();
    match app.lang() {
        Lang::Zh => format!(" 加入码 {code} · {addr} · 已连接 {n}（c）·"),
        Lang::En => format!(" Join code {code} · {addr} · {n} joined (c) ·"),
    }
}

fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let path = app.ledger.paths().display_name();
    let serving = serving_status(app);
    let (text_, style) = match (&app.save_error, app.ledger.last_write()) {
        _ if let Some(r) = app.ledger.remote() => remote_status(app, r),
        (Some(err), _) => (
            format!(
                " {}",
                strings::not_saved_status(
                    app.lang(),
                    app.ledger.unsaved(),
                    &super::unsaved::short_error(err, &app.ledger.paths().session)
                )
            ),
            theme::error(),
        ),
        (None, Some(t)) => (
            format!("{serving} {} {} · {}", s.saved, t.format("%H:%M:%S"), path),
            theme::dim(),
        ),
        (None, None) => (format!("{serving} {path}"), theme::dim()),
    };
    let t = text::truncate(&text_, area.width as usize, amb);
    let used = put(buf, area.x, area.y, area.width, &t, style, amb);
    // What the stage display shows besides the timer, so the host knows.
    let stage = &app.session().state().stage;
    let mut notes = Vec::new();
    if let Some(m) = &stage.message {
        notes.push(format!("{}{m}", s.on_stage));
    }
    if stage.results_shown {
        notes.push(s.results_on_stage.to_string());
    }
    if app.private {
        notes.push(s.private_on.to_string());
    }
    if !notes.is_empty() {
        let line = format!("  {}", notes.join("  "));
        let room = area.width.saturating_sub(used);
        let line = text::truncate(&line, room as usize, amb);
        put(buf, area.x + used, area.y, room, &line, theme::warn(), amb);
    }
}

fn draw_editor(buf: &mut Buffer, area: Rect, app: &App, ed: &RemarkEditor) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let title = match &ed.target {
        Target::New {
            unit: Some(u),
            kind: RemarkKind::Remark,
        } => format!("{} · {u}", s.editor_remark),
        Target::New {
            unit: Some(u),
            kind: RemarkKind::Task,
        } => format!("{} · {u}", s.editor_task),
        Target::New {
            unit: None,
            kind: RemarkKind::Task,
        } => format!("{} · {}", s.editor_task, s.whole_meeting),
        Target::New { unit: None, .. } => s.editor_general.to_string(),
        Target::Edit { .. } => s.editor_edit.to_string(),
    };
    // The editor takes the lower part of the screen: the timer stays in sight while typing.
    let height = (area.height / 2).max(7).min(area.height);
    let bottom = Rect::new(area.x, area.bottom() - height, area.width, height);
    let inner = popup(buf, bottom, area.width, height, &title, amb);
    if inner.height < 3 || inner.width < 6 {
        return None;
    }
    let label = format!("{}：", s.field_reviewer);
    let lw = put(
        buf,
        inner.x + 1,
        inner.y,
        inner.width - 1,
        &label,
        theme::title(),
        amb,
    );
    let rx = inner.x + 1 + lw;
    let room = inner.width.saturating_sub(lw + 1);
    if let Some(query) = &ed.search {
        let shown = format!("{}{query}", s.search_reviewer);
        let used = put(buf, rx, inner.y, room, &shown, theme::warn(), amb);
        let matches: Vec<String> = ed.matches().iter().map(|m| m.to_string()).collect();
        put(
            buf,
            rx + used + 1,
            inner.y,
            room.saturating_sub(used + 1),
            &format!("→ {}", matches.join(" / ")),
            theme::dim(),
            amb,
        );
        let caret = Position::new((rx + used).min(inner.right().saturating_sub(1)), inner.y);
        return Some(caret);
    }
    let who = if ed.reviewer.is_empty() {
        s.new_reviewer.to_string()
    } else {
        ed.reviewer.clone()
    };
    put(
        buf,
        rx,
        inner.y,
        room,
        &format!("‹ {who} ›"),
        theme::info(),
        amb,
    );
    let text_area = Rect::new(
        inner.x + 1,
        inner.y + 2,
        inner.width.saturating_sub(2),
        inner.height.saturating_sub(2),
    );
    put(
        buf,
        inner.x + 1,
        inner.y + 1,
        inner.width - 1,
        &format!("{}：", s.field_text),
        theme::dim(),
        amb,
    );
    (&ed.text).render(text_area, buf);
    let cursor = ed.text.screen_cursor();
    let (top, left) = ed.text.scroll_offset();
    let row = cursor.row.saturating_sub(top as usize) as u16;
    let col = cursor.col.saturating_sub(left as usize) as u16;
    Some(Position::new(
        (text_area.x + col).min(text_area.right().saturating_sub(1)),
        (text_area.y + row).min(text_area.bottom().saturating_sub(1)),
    ))
}

fn draw_form(buf: &mut Buffer, area: Rect, app: &App, form: &Form) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let title = match &form.kind {
        super::editor::FormKind::AddUnit => s.editor_add_unit.to_string(),
        super::editor::FormKind::UpdateUnit { unit } => {
            format!("{} · {unit}", s.editor_update_unit)
        }
        super::editor::FormKind::Unlock => match app.lang() {
            Lang::Zh => "解锁评分（原因会记入会议记录）".to_string(),
            Lang::En => "Unlock the scores (the reason is recorded)".to_string(),
        },
        super::editor::FormKind::StageMessage => {
            let current = app.session().state().stage.message.clone();
            match (app.lang(), current) {
                (Lang::Zh, Some(m)) => format!("大屏提示（当前：{m}）"),
                (Lang::Zh, None) => "大屏提示".to_string(),
                (Lang::En, Some(m)) => format!("Stage message (now: {m})"),
                (Lang::En, None) => "Stage message".to_string(),
            }
        }
        super::editor::FormKind::ImportScores => match app.lang() {
            Lang::Zh => "导入评分文件".to_string(),
            Lang::En => "Import a score file".to_string(),
        },
    };
    let inner = popup(buf, area, 60, form.fields.len() as u16 * 2 + 3, &title, amb);
    let label_w = form
        .labels
        .iter()
        .map(|l| text::width(l, amb))
        .max()
        .unwrap_or(0) as u16
        + 2;
    let mut caret = None;
    for (i, (label, field)) in form.labels.iter().zip(&form.fields).enumerate() {
        let y = inner.y + 1 + i as u16 * 2;
        if y >= inner.bottom() {
            break;
        }
        let style = if i == form.focus {
            theme::title()
        } else {
            theme::dim()
        };
        put(buf, inner.x + 1, y, label_w, label, style, amb);
        let fr = Rect::new(
            inner.x + 1 + label_w,
            y,
            inner.width.saturating_sub(label_w + 2),
            1,
        );
        field.render(fr, buf);
        if i == form.focus {
            let c = field.screen_cursor();
            let (_, left) = field.scroll_offset();
            caret = Some(Position::new(
                (fr.x + c.col.saturating_sub(left as usize) as u16)
                    .min(fr.right().saturating_sub(1)),
                y,
            ));
        }
    }
    caret
}

fn draw_confirm(buf: &mut Buffer, area: Rect, app: &App, what: &Confirm, yes: bool) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let question = match what {
        Confirm::Quit => s.confirm_quit.to_string(),
        Confirm::Disconnect(_, name) => match lang {
            Lang::Zh => format!("断开 {name} 的连接？（对方需要重新加入）"),
            Lang::En => format!("Disconnect {name}? (they will have to join again)"),
        },
        Confirm::DiscardEditor => s.confirm_discard.to_string(),
        Confirm::EndMeeting => s.confirm_end_meeting.to_string(),
        Confirm::DeleteRemark(id) => {
            let preview = app
                .session()
                .state()
                .remark(*id)
                .map(|r| text::truncate(&text::clean_line(&r.text), 30, amb))
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("删除点评“{preview}”？"),
                Lang::En => format!("Delete the remark \"{preview}\"?"),
            }
        }
        Confirm::ToggleSkip(unit) => {
            let skipped = app.session().state().unit(unit).is_some_and(|u| u.skipped);
            match (lang, skipped) {
                (Lang::Zh, true) => format!("恢复{unit}？"),
                (Lang::Zh, false) => format!("跳过{unit}？"),
                (Lang::En, true) => format!("Restore {unit}?"),
                (Lang::En, false) => format!("Skip {unit}?"),
            }
        }
        Confirm::SetCurrent(unit) => match lang {
            Lang::Zh => format!("将{unit}设为当前汇报单位？"),
            Lang::En => format!("Make {unit} the current unit?"),
        },
        Confirm::Publish => match lang {
            Lang::Zh => "公布结果？公布后评分锁定，修改需解锁并说明原因。".to_string(),
            Lang::En => {
                "Publish the results? Scores lock; changing them needs an unlock with a reason."
                    .to_string()
            }
        },
    };
    let width = (text::width(&question, amb) as u16 + 6).clamp(30, area.width);
    let lines = text::wrap(&question, width.saturating_sub(4) as usize, amb);
    let inner = popup(buf, area, width, lines.len() as u16 + 4, "", amb);
    for (i, line) in lines.iter().enumerate() {
        put(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            inner.width.saturating_sub(1),
            line,
            theme::title(),
            amb,
        );
    }
    let y = inner.y + lines.len() as u16 + 1;
    let yes_label = format!(" {} (y) ", s.yes);
    let no_label = format!(" {} (n) ", s.no);
    let style = |on: bool| {
        if on {
            theme::selected(true)
        } else {
            Style::default()
        }
    };
    let x = inner.x + 1;
    let used = put(
        buf,
        x,
        y,
        inner.width.saturating_sub(1),
        &yes_label,
        style(yes),
        amb,
    );
    put(
        buf,
        x + used + 2,
        y,
        inner.width.saturating_sub(used + 3),
        &no_label,
        style(!yes),
        amb,
    );
}

/// The quit dialog while changes are not on disk: what is at stake and why, then the
/// answers with their keys (or the folder field), then how the last attempt went.
fn draw_unsaved(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    d: &super::unsaved::UnsavedQuit,
) -> Option<Position> {
    use super::unsaved::Choice;
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let u = strings::unsaved_text(lang);
    let n = app.ledger.unsaved();
    let width = area.width.min(76);
    let room = width.saturating_sub(4) as usize;
    let mut head = text::wrap(&strings::unsaved_head(lang, n), room, amb);
    if let Some(err) = app.ledger.save_error() {
        let why = strings::unsaved_why(
            lang,
            &super::unsaved::short_error(err, &app.ledger.paths().session),
        );
        // Two lines at most: the status line has the rest.
        let mut lines = text::wrap(&why, room, amb);
        if lines.len() > 2 {
            lines.truncate(2);
            if let Some(last) = lines.last_mut() {
                *last = text::truncate(&format!("{last}…"), room, amb);
            }
        }
        head.extend(lines);
    }
    let quit = strings::quit_losing(lang, n);
    let rows: Vec<(&str, String, Option<Choice>)> = match d.folder {
        Some(_) => Vec::new(),
        None => vec![
            ("r", u.retry.to_string(), Some(Choice::Retry)),
            ("w", u.write_copy.to_string(), Some(Choice::Copy)),
            ("Esc", u.stay.to_string(), Some(Choice::Stay)),
            ("Ctrl+Q", quit, None),
        ],
    };
    let outcome = d
        .outcome
        .as_ref()
        .map(|o| (text::wrap(&o.text, room, amb), o.error))
        .unwrap_or_default();
    let body_rows = if d.folder.is_some() { 4 } else { rows.len() };
    let outcome_rows = if outcome.0.is_empty() {
        0
    } else {
        outcome.0.len() + 1
    };
    let height = (head.len() + 1 + body_rows + outcome_rows) as u16 + 2;
    let inner = popup(buf, area, width, height, u.title, amb);
    let mut y = inner.y;
    let line = |buf: &mut Buffer, y: u16, x: u16, t: &str, style: Style| -> u16 {
        if y < inner.bottom() && x < inner.right() {
            put(buf, x, y, inner.right().saturating_sub(x), t, style, amb)
        } else {
            0
        }
    };
    for (i, l) in head.iter().enumerate() {
        let style = if i == 0 {
            theme::error()
        } else {
            theme::title()
        };
        line(buf, y, inner.x + 1, l, style);
        y += 1;
    }
    y += 1;
    let mut caret = None;
    if let Some(field) = &d.folder {
        line(buf, y, inner.x + 1, u.write_copy, theme::title());
        y += 1;
        let used = line(buf, y, inner.x + 1, u.folder, theme::dim());
        let fx = inner.x + 1 + used;
        let fr = Rect::new(fx, y, inner.right().saturating_sub(fx + 1), 1);
        if y < inner.bottom() {
            field.render(fr, buf);
            let c = field.screen_cursor();
            let (_, left) = field.scroll_offset();
            caret = Some(Position::new(
                (fr.x + c.col.saturating_sub(left as usize) as u16)
                    .min(fr.right().saturating_sub(1)),
                y,
            ));
        }
        y += 2;
        let mut x = inner.x + 1;
        for (key, label) in [
            ("Enter", u.key_write),
            ("Ctrl+U", u.key_clear),
            ("Esc", u.key_back),
        ] {
            x += line(buf, y, x, &format!(" {key} "), theme::key());
            x += line(buf, y, x, &format!(" {label}  "), Style::default());
        }
        y += 1;
    } else {
        let key_w = 8;
        for (key, label, choice) in &rows {
            let on = choice.is_some_and(|c| c == d.choice);
            let style = if on {
                theme::selected(true)
            } else if choice.is_none() {
                theme::error()
            } else {
                Style::default()
            };
            if on && y < inner.bottom() {
                fill(buf, Rect::new(inner.x, y, inner.width, 1), style);
            }
            if on {
                // Seen without colours too.
                line(buf, y, inner.x, ">", style);
            }
            line(buf, y, inner.x + 1, &format!(" {key} "), theme::key());
            line(buf, y, inner.x + 1 + key_w, label, style);
            y += 1;
        }
    }
    if !outcome.0.is_empty() {
        y += 1;
        let style = if outcome.1 {
            theme::error()
        } else {
            theme::info()
        };
        for l in &outcome.0 {
            line(buf, y, inner.x + 1, l, style);
            y += 1;
        }
    }
    caret
}

fn draw_menu(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let menu = app.menu();
    let rows: Vec<(String, &str)> = menu
        .iter()
        .map(|a| help::describe(lang, &app.keys, *a))
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| text::width(k, amb))
        .max()
        .unwrap_or(0) as u16;
    let label_w = rows
        .iter()
        .map(|(_, l)| text::width(l, amb))
        .max()
        .unwrap_or(0) as u16;
    let inner = popup(
        buf,
        area,
        label_w + key_w + 6,
        menu.len() as u16 + 2,
        lang.s().menu_title,
        amb,
    );
    let room = inner.height as usize;
    let first = (selected + 1).saturating_sub(room);
    for (row, (i, (keys, label))) in rows.iter().enumerate().skip(first).take(room).enumerate() {
        let y = inner.y + row as u16;
        let style = if i == selected {
            theme::selected(true)
        } else {
            Style::default()
        };
        if i == selected {
            fill(buf, Rect::new(inner.x, y, inner.width, 1), style);
        }
        let room_for_label = inner.width.saturating_sub(key_w + 3);
        let label = text::truncate(label, room_for_label as usize, amb);
        put(buf, inner.x + 1, y, room_for_label, &label, style, amb);
        let kw = text::width(keys, amb) as u16;
        let key_style = if i == selected { style } else { theme::dim() };
        put(
            buf,
            inner.right().saturating_sub(kw + 1),
            y,
            kw,
            keys,
            key_style,
            amb,
        );
    }
}

/// Whether the overtime phase of the shown talk is on screen (used by tests).
pub fn shown_phase(app: &App, now: Time) -> Option<Phase> {
    let unit = app.session().state().current_unit()?;
    Some(
        timer::read(
            unit,
            app.session().plan().warn_seconds(),
            app.session().clock(now),
        )
        .phase,
    )
}
