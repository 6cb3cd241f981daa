//! The notice line above the key bar: what just happened, a refusal, a save that failed
//! (the core's notices, `console::Notice`); with none, once the meeting has ended, the line
//! that says so (the results, the exports, what still works), or the line about the demo
//! meeting.

use crate::console::Level;
use crate::strings;
use crate::text;
use crate::tui::app::Action;
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
        (None, _) if app.session().state().is_ended() => (ended_line(app), theme::info()),
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

/// The line that stays once the meeting has ended: the key to the results, where the exports
/// go (beside the session file) or how many went there (on the host's console), that remarks
/// still work, and how to quit; the keys in use.
pub fn ended_line(app: &App) -> String {
    let key = |action: Action, fallback: &str| {
        app.keys
            .bar_key(action)
            .unwrap_or_else(|| fallback.to_string())
    };
    // A meeting that does not score has no results to look at.
    let results = app.scores().then(|| key(Action::Results, "v"));
    let results = results.as_deref();
    if app.core.is_remote() {
        let quit = key(Action::Quit, "q");
        return strings::console::ended_line_note_taker(app.lang(), results, &quit);
    }
    let beside = app.core.ledger.paths().display_name();
    let exported = (!app.core.exported.is_empty()).then_some(app.core.exported.len());
    let keys = [key(Action::Export, "Ctrl+E"), key(Action::Quit, "q")];
    strings::console::ended_line(
        app.lang(),
        results,
        keys.each_ref().map(String::as_str),
        &beside,
        exported,
    )
}
