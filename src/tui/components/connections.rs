//! The host's connection list (`c`): keys here (`d` disconnects, `k` makes a new join code,
//! `s` lets note-takers enter scores), drawing in `tui::connections`.

use super::{Hint, Outcome, hints};
use crate::session::Time;
use crate::strings;
use crate::tui::app::{App, Confirm, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use crate::tui::connections::draw;

pub fn key(selected: &mut usize, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let Some(server) = &app.core.server else {
        return Outcome::Close;
    };
    let n = server.peers.len();
    *selected = (*selected).min(n.saturating_sub(1));
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    match code {
        KeyCode::Esc | KeyCode::Char('c' | 'q') => return Outcome::Close,
        KeyCode::Up => *selected = selected.saturating_sub(1),
        KeyCode::Down => *selected = (*selected + 1).min(n.saturating_sub(1)),
        KeyCode::Char('d') | KeyCode::Delete => {
            if let Some(p) = server.peers.get(*selected) {
                let who = if p.name.is_empty() {
                    p.addr.to_string()
                } else {
                    p.name.clone()
                };
                return Outcome::Replace(Mode::Confirm {
                    what: Confirm::Disconnect(p.conn, who),
                    yes: false,
                });
            }
        }
        KeyCode::Char('k') => app.core.new_join_code(app.private, now),
        KeyCode::Char('s') => app.core.toggle_note_scores(now),
        _ => {}
    }
    Outcome::Stay
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let s = app.lang().s();
    let [disconnect, code, scores] = strings::console::connection_keys(app.lang());
    hints(&[
        ("↑↓", s.key_select, 1),
        ("d", disconnect, 0),
        ("k", code, 0),
        ("s", scores, 0),
        ("Esc", s.key_close, 0),
    ])
}
