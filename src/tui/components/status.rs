//! The status line at the bottom of the screen.

use crate::console::ledger::Remote;
use crate::net::client::LinkState;
use crate::strings;
use crate::text;
use crate::tui::app::App;
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A note-taker's status line: who, the connection, what still waits for the host.
fn remote_status(app: &App, r: &Remote) -> (String, Style) {
    let lang = app.lang();
    let waiting = r.waiting().count();
    let addr = &r.link.spec.addr;
    let wait = strings::console::waiting_for_host(lang, waiting);
    match &r.link.state {
        LinkState::Online => (
            strings::console::note_taker_online(lang, &r.name, addr, &wait),
            if waiting > 0 {
                theme::warn()
            } else {
                theme::dim()
            },
        ),
        LinkState::Connecting | LinkState::Offline(_) => (
            strings::console::note_taker_offline(lang, &r.name, addr, &wait),
            theme::warn(),
        ),
        LinkState::Closed(why) => (format!(" {}{wait}", why.pick(lang)), theme::error()),
    }
}

/// The host's join details: the code (hidden in private mode) and how many joined.
fn serving_status(app: &App) -> String {
    let Some(server) = &app.core.server else {
        return String::new();
    };
    let code = if app.private {
        "••••••"
    } else {
        server.code()
    };
    let addr = server.addrs.first().map_or("", |a| a.as_str());
    strings::console::serving(app.lang(), code, addr, server.peers.len())
}

/// The status line: where the meeting is saved (or why it is not), the host's join details
/// or a note-taker's connection, and what the stage display shows besides the timer.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let s = app.lang().s();
    let path = app.core.ledger.paths().display_name();
    let serving = serving_status(app);
    let (text_, style) = match (&app.core.save_error, app.core.ledger.last_write()) {
        _ if let Some(r) = app.core.ledger.remote() => remote_status(app, r),
        (Some(err), _) => (
            format!(
                " {}",
                strings::not_saved_status(
                    app.lang(),
                    app.core.ledger.unsaved(),
                    &crate::console::short_error(err, &app.core.ledger.paths().session)
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
