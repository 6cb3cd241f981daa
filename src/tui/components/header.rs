//! The header line: the meeting's title, and the clock, the time elapsed, the planned and
//! projected end. While a talk runs it counts on the talk timer's tick (`Console::shown`), so
//! the screen changes once a second.

use crate::session::Time;
use crate::strings;
use crate::text;
use crate::timer::clock_text;
use crate::tui::app::App;
use crate::widgets::{fill, put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;

/// The pieces on the right, by importance: the least important go first when the line is
/// narrow.
fn pieces(app: &App, now: Time) -> Vec<String> {
    let lang = app.lang();
    let s = lang.s();
    // Held back to the talk timer's last tick while a talk runs (at most a second late).
    let shown = app.core.shown(now);
    let st = app.session().state();
    let elapsed = match (st.started_at, st.ended_at) {
        (Some(start), Some(end)) => clock_text((end - start).num_seconds()),
        (Some(start), None) => clock_text((shown - start).num_seconds()),
        _ => "--:--".into(),
    };
    let times = app.core.meeting_times(shown);
    let hm = |t: Option<Time>| t.map_or_else(|| "--:--".into(), |t| t.format("%H:%M").to_string());
    vec![
        format!(
            "{} {}",
            s.now,
            app.core.header_clock(now).format("%H:%M:%S")
        ),
        format!("{} {}", s.elapsed, elapsed),
        format!("{} {}", s.planned_end, hm(times.planned)),
        format!(
            "{} {} ({})",
            s.projected_end,
            hm(times.projected),
            strings::drift(lang, times.drift_minutes)
        ),
    ]
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    fill(buf, area, theme::header());
    let mut pieces = pieces(app, now);
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
    let [_, title_area, right_area] = area.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(rw),
    ]));
    let title = text::truncate(
        &text::clean_line(&app.session().plan().title),
        title_area.width as usize,
        amb,
    );
    let bold = theme::header().add_modifier(Modifier::BOLD);
    put_in(buf, title_area, &title, bold, amb);
    put_in(buf, right_area, &right, theme::header(), amb);
}

/// Writes `content` on the first row of `area`, at most its width.
fn put_in(
    buf: &mut Buffer,
    area: Rect,
    content: &str,
    style: ratatui::style::Style,
    amb: text::Ambiguous,
) -> u16 {
    put(buf, area.x, area.y, area.width, content, style, amb)
}
