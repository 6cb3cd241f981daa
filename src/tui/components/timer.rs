//! The current unit and its timer (right of the live screen, above the remarks).

use super::stack;
use crate::session::{Status, Time};
use crate::strings;
use crate::text;
use crate::timer::{self, clock_text};
use crate::tui::app::Action;
use crate::tui::app::App;
use crate::widgets::{bigtext, block, put, talk_label, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The current unit: its name, presenter and topic, the timer in big digits, the phase and
/// the limit, and a progress bar. A speech or the comments count up: the time so far, never
/// a warning or overtime, and its soft limit on a line of its own (hidden with `p`); a
/// written item has no timer, only what it is and how to mark it announced.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let title = match app.current_kind() {
        Some(kind) if !kind.is_report() => strings::console::current_item(lang),
        _ => s.current_unit,
    };
    let b = block(title, amb, false);
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
    let w = inner.width.saturating_sub(1);
    // A line of text in a row (not drawn when the row has no height).
    let line = |buf: &mut Buffer, row: Rect, content: &str, style: Style| {
        if row.height > 0 {
            let t = text::truncate(&text::clean_line(content), w as usize, amb);
            put(buf, row.x + 1, row.y, w, &t, style, amb);
        }
    };
    let who = unit.speaker();
    let topic = unit.topic.as_deref().filter(|_| inner.height >= 10);
    let [name_row, who_row, topic_row, rest] = stack(
        inner,
        [
            1,
            u16::from(!who.is_empty()),
            u16::from(topic.is_some()),
            inner.height,
        ],
    );
    line(buf, name_row, &unit.name, theme::title());
    line(buf, who_row, &who, Style::default());
    line(buf, topic_row, topic.unwrap_or_default(), theme::dim());
    if !unit.kind.is_timed() {
        // A written item: no digits, no phase, no bar.
        let [_, what_row, how_row] = stack(rest, [1, 1, 1]);
        let done = unit.status() == Status::Done;
        let what = match done {
            true => strings::console::item_status(lang, unit.kind, Status::Done),
            false => strings::console::written_item(lang),
        };
        line(buf, what_row, what, theme::info());
        if !done && app.nothing_to_time().is_none() {
            let key = |action: Action, fallback: &str| {
                app.keys
                    .bar_key(action)
                    .unwrap_or_else(|| fallback.to_string())
            };
            let how = strings::console::written_how(
                lang,
                &key(Action::ToggleTalk, "Space"),
                &key(Action::Next, "n"),
            );
            line(buf, how_row, &how, theme::dim());
        }
        return;
    }
    let counts_down = unit.kind.counts_down();
    let reading = timer::read(unit, app.session().plan().warn_seconds(), now);
    let status = unit.status();
    let paused = status == Status::Paused;
    // The digits take five rows and a blank under them; the one-line fallback one row.
    let digits_rows = if rest.height >= 5 { 6 } else { 1 };
    let [_, label_row, bar_row] = stack(rest, [digits_rows, 1, 1]);
    let big = Rect::new(rest.x, rest.y, rest.width, rest.height.min(5));
    let shown = reading.text();
    let (fill, style) = theme::digit_cell(amb, reading.phase, paused);
    if !bigtext::draw_fitting(buf, big, &shown, style, fill, 2) {
        let style = theme::phase_text(reading.phase);
        put(buf, inner.x + 1, rest.y, w, &shown, style, amb);
    }
    if label_row.height > 0 {
        let (label, style) = talk_label(lang, status, &reading, s.not_started.to_string());
        let x = label_row.x + 1;
        let used = put(buf, x, label_row.y, w, &label, style, amb);
        if counts_down {
            let limit = format!("  {} {}", s.col_plan, clock_text(reading.limit));
            let room = w.saturating_sub(used);
            put(buf, x + used, label_row.y, room, &limit, theme::dim(), amb);
        }
    }
    if !counts_down {
        // A speech or the comments: no bar filling towards a limit (the room could read it
        // as a countdown); the soft limit, if any, for the host's eyes only.
        if let Some(soft) = unit.soft_limit_seconds().filter(|_| !app.private) {
            let text = strings::console::soft_limit(lang, &clock_text(soft));
            line(buf, bar_row, &text, theme::dim());
        }
        return;
    }
    if bar_row.height > 0 {
        let [_, bar, _] = bar_row.layout(&Layout::horizontal([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let filled = (reading.progress() * bar.width as f64).round() as u16;
        buf.set_style(bar, Style::default().bg(Color::DarkGray));
        buf.set_style(
            Rect::new(bar.x, bar.y, filled, 1),
            Style::default().bg(theme::phase_color(reading.phase)),
        );
    }
}
