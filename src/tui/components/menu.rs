//! The `F10` menu: every action of the console with its keys (those in use), for whoever
//! does not remember the letters. On a note-taker's console, only those that work there.

use super::{Hint, Outcome, hints};
use crate::session::Time;
use crate::text;
use crate::tui::app::App;
use crate::widgets::table::{Cell, Column, Row, Table};
use crate::widgets::{popup, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

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
    // The label, cut to the room the keys leave; the keys right-aligned one column short of
    // the right edge (an empty last column keeps that blank).
    let columns = vec![
        Column::growing("", 0, 1),
        Column::fixed("", key_w).right(),
        Column::fixed("", 0),
    ];
    let rows = rows
        .into_iter()
        .map(|(keys, label)| Row::new([Cell::new(label), Cell::new(keys).style(theme::dim())]))
        .collect();
    Table::new(columns, amb)
        .rows(rows)
        .lead(1)
        .header_style(None)
        .selected(Some(selected), theme::selected(true))
        .draw(buf, inner);
}
