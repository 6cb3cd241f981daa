//! The `F10` menu: every action of the console with its keys (those in use), for whoever
//! does not remember the letters. On a note-taker's console, only those that work there.

use super::{Hint, Outcome, hints};
use crate::session::Time;
use crate::text;
use crate::tui::app::App;
use crate::widgets::{fill, popup, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn key(selected: &mut usize, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let menu = app.menu();
    let n = menu.len();
    match key.code {
        KeyCode::Esc | KeyCode::F(10) => Outcome::Close,
        KeyCode::Up => {
            *selected = (*selected + n - 1) % n;
            Outcome::Stay
        }
        KeyCode::Down => {
            *selected = (*selected + 1) % n;
            Outcome::Stay
        }
        KeyCode::Enter => {
            // The menu closes first: a popup the action opens is on its own.
            if let Some(action) = menu.get(*selected) {
                app.perform(*action, now);
            }
            Outcome::Close
        }
        _ => Outcome::Stay,
    }
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let s = app.lang().s();
    hints(&[
        ("↑↓", s.key_select, 0),
        ("Enter", s.key_pick, 0),
        ("Esc", s.key_close, 0),
    ])
}

/// The menu in the middle of `area`, `selected` highlighted.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let menu = app.menu();
    let rows: Vec<(String, &str)> = menu
        .iter()
        .map(|a| super::help::describe(lang, &app.keys, *a))
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
