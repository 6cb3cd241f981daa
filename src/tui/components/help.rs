//! The full key list (`?`), and the names of actions for the `F10` menu.

use super::{Hint, Outcome, hints};
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use crate::tui::app::{Action, App};
use crate::tui::keys::{self, Keymap, TABLE};
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Widget};

/// The keys of an action (those in use) and what it does, from `keys::TABLE`.
pub fn describe(lang: Lang, keys: &Keymap, action: Action) -> (String, &'static str) {
    (keys.text(action), keys::label(action, lang))
}

/// One row of the help: one or two actions side by side, or a note.
enum Row {
    Actions(Vec<(String, &'static str)>),
    Note(String),
}

/// Keys of the help: it scrolls, and closes on Esc, `?`, `q`, F1 or Enter.
pub fn key(scroll: &mut u16, key: &KeyEvent) -> Outcome {
    *scroll = match key.code {
        KeyCode::Esc | KeyCode::Char('?' | '？' | 'q' | 'Q') | KeyCode::F(1) | KeyCode::Enter => {
            return Outcome::Close;
        }
        KeyCode::Up => scroll.saturating_sub(1),
        KeyCode::Down => scroll.saturating_add(1),
        KeyCode::PageUp => scroll.saturating_sub(10),
        KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
        KeyCode::Home => 0,
        KeyCode::End => u16::MAX,
        _ => *scroll,
    };
    Outcome::Stay
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let s = app.lang().s();
    hints(&[("↑↓", s.key_scroll, 1), ("Esc", s.key_close, 0)])
}

/// The rows of the help for a width: actions in two columns when there is room. A meeting
/// that does not score (`scores` false) lists no scoring keys: they do nothing there.
fn rows(lang: Lang, keys: &Keymap, width: usize, amb: Ambiguous, app: &App) -> Vec<Row> {
    let scores = app.scores();
    // The ballots view only with ballot groups.
    let ballots = app.has_ballot_groups();
    let actions: Vec<(String, &str)> = TABLE
        .iter()
        .filter(|b| b.help && (scores || !b.action.is_scoring()))
        .filter(|b| ballots || b.action != Action::Ballots)
        .map(|b| describe(lang, keys, b.action))
        .collect();
    let mut out = Vec::new();
    if width >= 96 {
        let half = actions.len().div_ceil(2);
        for i in 0..half {
            let mut row = vec![actions[i].clone()];
            if let Some(right) = actions.get(half + i) {
                row.push(right.clone());
            }
            out.push(Row::Actions(row));
        }
    } else {
        out.extend(actions.into_iter().map(|a| Row::Actions(vec![a])));
    }
    out.push(Row::Note(String::new()));
    for note in strings::console::help_notes(lang) {
        for line in text::wrap(note, width, amb) {
            out.push(Row::Note(line));
        }
    }
    out
}

/// The full key list, scrolled by `scroll` rows when it is taller than the screen; without the
/// scoring keys when the meeting does not score.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, amb: Ambiguous, scroll: u16) {
    let (lang, keys) = (app.lang(), &app.keys);
    crate::widgets::clear(buf, area);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(lang.s().help_title);
    let inner = b.inner(area);
    b.render(area, buf);
    let key_w = 10u16;
    let all = rows(lang, keys, inner.width.saturating_sub(2) as usize, amb, app);
    let room = inner.height as usize;
    let top = (scroll as usize).min(all.len().saturating_sub(room));
    let col_w = if inner.width >= 98 {
        (inner.width - 2) / 2
    } else {
        inner.width.saturating_sub(1)
    };
    // Two columns of col_w a blank apart, a blank before them; a key and its label in each.
    let columns = match col_w * 2 + 2 <= inner.width {
        true => Layout::horizontal([
            Constraint::Length(1),
            Constraint::Length(col_w),
            Constraint::Length(1),
            Constraint::Length(col_w),
        ]),
        false => Layout::horizontal([Constraint::Length(1), Constraint::Length(col_w)]),
    };
    let pair = Layout::horizontal([Constraint::Length(key_w), Constraint::Fill(1)]);
    for (line, row) in inner.rows().zip(all.iter().skip(top)) {
        match row {
            Row::Note(note) => {
                let [_, text] = line.layout(&Layout::horizontal([
                    Constraint::Length(1),
                    Constraint::Fill(1),
                ]));
                put(buf, text.x, text.y, text.width, note, theme::dim(), amb);
            }
            Row::Actions(actions) => {
                let places = line.layout_vec(&columns);
                let cols = places.iter().skip(1).step_by(2);
                for (col, (keys, label)) in cols.zip(actions) {
                    let [k, l] = col.layout(&pair);
                    put(buf, k.x, k.y, key_w, keys, theme::title(), amb);
                    let label = text::truncate(label, l.width as usize, amb);
                    put(buf, l.x, l.y, l.width, &label, Default::default(), amb);
                }
            }
        }
    }
    // Say that there is more above or below, one column in from the right border.
    let marker = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]);
    let rows: Vec<Rect> = inner.rows().collect();
    if top > 0
        && let Some(first) = rows.first()
    {
        let [_, m, _] = first.layout(&marker);
        put(buf, m.x, m.y, 1, "↑", theme::info(), amb);
    }
    if top + room < all.len()
        && let Some(last) = rows.last()
    {
        let [_, m, _] = last.layout(&marker);
        put(buf, m.x, m.y, 1, "↓", theme::info(), amb);
    }
}
