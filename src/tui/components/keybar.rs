//! The key bar under the screen: the keys that work in what is on screen, each with what it
//! does. The live screen's and the results' come from `keys::TABLE` (with the keys in use);
//! each popup gives its own (`key_hints` in its file).

use super::Hint;
use crate::plan::UnitKind;
use crate::session::Status;
use crate::strings;
use crate::tui::app::{Action, App, Focus, Mode};
use crate::tui::keys::{self, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The keys that work in the current mode, with a priority (0 is kept longest when the bar
/// is too narrow for all of them).
pub fn hints(app: &App) -> Vec<Hint> {
    match app.mode() {
        Mode::Live => table_hints(app, Screen::Live),
        Mode::Results { .. } => super::results::key_hints(app),
        Mode::Editor(ed) => super::editor::key_hints(app, ed),
        Mode::Form(form) => super::form::key_hints(app, form),
        Mode::TaskForm(form) => super::taskform::key_hints(app, form),
        Mode::Tasks(view) => super::tasks::key_hints(app, view),
        Mode::Confirm { what, .. } => super::confirm::key_hints(app, what),
        Mode::Unsaved(d) => super::unsaved::key_hints(app, d),
        Mode::Help { .. } => super::help::key_hints(app),
        Mode::Menu { .. } => super::menu::key_hints(app),
        Mode::Sheet(_) => super::sheet::key_hints(app),
        Mode::Connections { .. } => super::connections::key_hints(app),
        Mode::Ballots(view) => super::ballots::key_hints(app, view),
    }
}

/// The key bar of a screen of `keys::TABLE`: the actions placed in it and the fixed keys, in
/// their slots; on a note-taker's console only those it shows there.
pub fn table_hints(app: &App, screen: Screen) -> Vec<Hint> {
    let lang = app.lang();
    let s = lang.s();
    let note_taker = app.core.ledger.remote();
    let scores = app.scores();
    // A written item is not spoken: Space marks it announced.
    let written = app.current_kind() == Some(UnitKind::Written)
        && app.shown_unit_status() == Some(Status::Pending);
    let priority = |spot: &keys::Spot| match note_taker {
        Some(_) => spot.note_taker,
        None => Some(spot.host),
    };
    let mut out: Vec<(u8, String, &'static str, u8)> = Vec::new();
    for b in keys::TABLE {
        let Some(spot) = b.bar.filter(|p| p.screen == screen) else {
            continue;
        };
        let Some(prio) = priority(&spot) else {
            continue;
        };
        let shown = match b.action {
            // Nothing left to time (every unit presented, or the meeting ended).
            Action::ToggleTalk | Action::Next => app.nothing_to_time().is_none(),
            Action::EditRemark | Action::DeleteRemark | Action::ConvertTask => {
                app.focus == Focus::Remarks
            }
            // The unit on now's tasks, while a unit is on.
            Action::TalkTasks => app.session().state().current_unit().is_some(),
            Action::ScoreSheet => scores && note_taker.is_none_or(|r| r.link.scores),
            Action::Connections => app.core.server.is_some(),
            // A meeting that does not score has no sheet, results or ranking.
            a if a.is_scoring() => scores,
            _ => true,
        };
        let Some(key) = app.keys.bar_key(b.action).filter(|_| shown) else {
            continue;
        };
        let label = match b.action {
            Action::ToggleTalk if written => strings::console::key_announced(lang),
            Action::ToggleTalk => match app.shown_unit_status() {
                Some(Status::Presenting) => s.key_pause,
                Some(Status::Paused) => s.key_resume,
                _ => s.key_start,
            },
            Action::Privacy if app.private => s.key_unhide,
            _ => (b.bar_label)(lang),
        };
        // Once the meeting has ended, the results are what the host looks at.
        let prio = match b.action {
            Action::Results if app.session().state().is_ended() => 0,
            _ => prio,
        };
        out.push((spot.slot, key, label, prio));
    }
    for f in keys::FIXED {
        let Some(spot) = f.bar.filter(|p| p.screen == screen) else {
            continue;
        };
        let Some(prio) = priority(&spot) else {
            continue;
        };
        if f.nav == keys::Nav::Select && app.focus != Focus::Agenda {
            continue;
        }
        out.push((spot.slot, f.bar_key.to_string(), (f.bar_label)(lang), prio));
    }
    // Once the meeting has ended, the exports take the place of the timing keys (on the
    // host's console: a note-taker does not export).
    if screen == Screen::Live
        && note_taker.is_none()
        && app.session().state().is_ended()
        && let Some(key) = app.keys.bar_key(Action::Export)
    {
        out.push((0, key, s.key_export, 1));
    }
    out.sort_by_key(|h| h.0);
    out.into_iter().map(|(_, k, l, p)| (k, l, p)).collect()
}

/// The key bar: the keys of what is on screen, the least important left out when narrow.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    crate::widgets::key_bar(buf, area, hints(app), app.opts.ambiguous);
}
