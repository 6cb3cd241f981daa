//! The current unit and its timer (right of the live screen, above the remarks).

use crate::session::{Status, Time};
use crate::text;
use crate::timer::{self, clock_text};
use crate::tui::app::App;
use crate::widgets::{bigtext, block, put, talk_label, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The current unit: its name, presenter and topic, the timer in big digits, the phase and
/// the limit, and a progress bar.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
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
    if !bigtext::draw_fitting(buf, big, &shown, style, fill, 2) {
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
