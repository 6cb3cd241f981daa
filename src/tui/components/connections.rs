//! The host's connection list (`c`): the addresses and the code to join with, who joined
//! and since when, what still waits on their laptops, and whether they may enter scores.
//! Its keys: `d` disconnects, `k` makes a new join code, `s` lets note-takers enter scores.

use super::{Hint, Outcome, hints};
use crate::net::wire::Role;
use crate::session::Time;
use crate::strings;
use crate::text;
use crate::tui::app::{App, Confirm, Mode};
use crate::widgets::table::{Column, Row, Table};
use crate::widgets::{popup, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

/// Column widths: name, address, since, waiting, entered.
const WIDTHS: [u16; 5] = [15, 25, 11, 9, 9];
/// On a narrow screen the join time goes first, then the scores entered, then the queue.
const PRIORITIES: [u8; 5] = [u8::MAX, u8::MAX, 1, 3, 2];
/// The narrowest the name and the address get once the others are gone.
const MINIMA: [u16; 5] = [8, 15, 11, 9, 9];

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

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let Some(server) = &app.core.server else {
        return;
    };
    let title = strings::console::connections_title(lang);
    let rows = server.peers.len().max(1) as u16;
    let inner = popup(buf, area, 84, rows + 8, title, amb);
    let [join, hint, scores, _, list] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let line = |buf: &mut Buffer, row: Rect, content: &str, style: Style| {
        if row.height > 0 {
            let w = row.width.saturating_sub(1);
            let t = text::truncate(content, w as usize, amb);
            put(buf, row.x + 1, row.y, w, &t, style, amb);
        }
    };
    let code = if app.private {
        "••••••"
    } else {
        server.code()
    };
    let text = strings::console::join_line(lang, code, &server.addrs.join("  "));
    line(buf, join, &text, theme::info());
    let first = server.addrs.first().map_or("", |a| a.as_str());
    line(
        buf,
        hint,
        &strings::console::join_hint(lang, first),
        theme::dim(),
    );
    let text = strings::console::score_entry(lang, server.scores());
    line(buf, scores, text, Style::default());
    let heads = strings::console::connection_heads(lang);
    let columns = (0..5)
        .map(|i| {
            Column::fixed(heads[i], WIDTHS[i])
                .min(MINIMA[i])
                .priority(PRIORITIES[i])
        })
        .collect();
    let rows = server
        .peers
        .iter()
        .map(|p| {
            let name = match p.role {
                Role::Notetaker => p.name.clone(),
                Role::Display => strings::console::display_peer(lang).to_string(),
            };
            Row::new([
                name,
                p.addr.to_string(),
                p.since.format("%H:%M:%S").to_string(),
                p.pending.to_string(),
                p.entered.to_string(),
            ])
            .style(if p.pending > 0 {
                theme::warn()
            } else {
                Style::default()
            })
        })
        .collect();
    Table::new(columns, amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::dim()))
        .selected(Some(selected), theme::selected(true))
        .draw(buf, list);
    if server.peers.is_empty() {
        // Under the table's head.
        let [_, none] = list.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        line(
            buf,
            none,
            strings::console::nobody_joined(lang),
            theme::dim(),
        );
    }
}
