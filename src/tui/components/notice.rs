//! The notice line above the key bar: what just happened, a refusal, a save that failed
//! (the core's notices, `console::Notice`), or the line about the demo meeting.

use crate::console::Level;
use crate::text;
use crate::tui::app::App;
use crate::widgets::{fill, put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The notice line: the latest notice, else the demo's line.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let (message, style) = match (&app.core.notice, &app.demo) {
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
