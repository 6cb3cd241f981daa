//! The live screen under every popup: the agenda on the left, the current unit and the
//! remarks on the right. Its keys: the actions of `keys::TABLE`, the `F10` menu, `Tab`
//! between agenda and remarks, the arrows in the one with the focus.

use crate::session::Time;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::keys::Screen;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};

pub fn key(app: &mut App, key: KeyEvent, now: Time) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    // The table first: a key file may put an action on `PgDn` (a presenter's clicker).
    if let Some(action) = app.keys.action(Screen::Live, &key) {
        return app.perform(action, now);
    }
    match key.code {
        KeyCode::F(10) => app.open(Mode::Menu { selected: 0 }),
        KeyCode::Char('k' | 'K') if ctrl => app.open(Mode::Menu { selected: 0 }),
        KeyCode::Tab | KeyCode::BackTab => {
            app.focus = match app.focus {
                Focus::Agenda => Focus::Remarks,
                Focus::Remarks => Focus::Agenda,
            };
        }
        KeyCode::Esc => app.focus = Focus::Agenda,
        KeyCode::Up
        | KeyCode::Down
        | KeyCode::PageUp
        | KeyCode::PageDown
        | KeyCode::Home
        | KeyCode::End
            if !shift =>
        {
            match app.focus {
                Focus::Agenda => super::agenda::move_selection(app, key.code),
                Focus::Remarks => super::remarks::move_selection(app, key.code),
            }
        }
        _ => {}
    }
}

/// The body of the live screen: the agenda, and beside it the timer over the remarks.
pub fn draw(buf: &mut Buffer, body: Rect, app: &App, now: Time) {
    let right_width = (body.width * 2 / 5).max(30);
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Min(30),
        Constraint::Length(right_width),
    ]));
    super::agenda::draw(buf, left, app, now);
    let timer_height = if right.height >= 22 { 13 } else { 11 }.min(right.height.saturating_sub(4));
    let [timer_area, remarks_area] = right.layout(&Layout::vertical([
        Constraint::Length(timer_height),
        Constraint::Min(4),
    ]));
    super::timer::draw(buf, timer_area, app, now);
    super::remarks::draw(buf, remarks_area, app);
}
