//! Drawing the console: the header, the live screen, the notice, the key bar and the status
//! line, then the popup on top (`App::mode`), each drawn by its component.

use super::app::{App, Mode};
use super::components::{
    ballots, confirm, connections, editor, form, header, help, keybar, live, menu, notice, results,
    sheet_view, status, taskform, tasks, unsaved_view,
};
use crate::session::Time;
use crate::strings::Lang;
use crate::text::{self, Ambiguous};
use crate::timer::{self, Phase};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::widgets::{popup, put, theme};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App, now: Time) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let amb = app.opts.ambiguous;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(buf, area, app.lang(), amb);
        return;
    }
    let now = app.session().clock(now);
    let [header_area, body, notice_area, keys_area, status_area] =
        area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(8),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
    header::draw(buf, header_area, app, now);
    live::draw(buf, body, app, now);
    notice::draw(buf, notice_area, app);
    keybar::draw(buf, keys_area, app);
    status::draw(buf, status_area, app);
    // The help takes the whole screen above the key bar.
    let [above_keys, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(keys_area.height + status_area.height),
    ]));
    // Only the popup on top is drawn (a question over the editor hides the editor); a
    // question over the results (publishing) keeps them in sight under it.
    if let [.., below @ Mode::Results { .. }, Mode::Confirm { .. }] = app.popups() {
        draw_popup(buf, body, above_keys, app, below, now);
    }
    // The task view stays in sight under the task form and the questions asked over it.
    if let [.., below @ Mode::Tasks(_), top] = app.popups()
        && !matches!(top, Mode::Help { .. })
    {
        draw_popup(buf, body, above_keys, app, below, now);
    }
    if let Some(pos) = draw_popup(buf, body, above_keys, app, app.mode(), now) {
        frame.set_cursor_position(pos);
    }
}

/// One popup over `body` (the help over `above_keys`); the caret, when it types.
fn draw_popup(
    buf: &mut Buffer,
    body: Rect,
    above_keys: Rect,
    app: &App,
    mode: &Mode,
    now: Time,
) -> Option<Position> {
    let amb = app.opts.ambiguous;
    match mode {
        Mode::Live => None,
        Mode::Editor(ed) => editor::draw(buf, body, app, ed),
        Mode::Form(f) => form::draw(buf, body, app, f),
        Mode::TaskForm(f) => taskform::draw(buf, body, app, f),
        Mode::Tasks(v) => tasks::draw(buf, body, app, v),
        Mode::Confirm { what, yes } => {
            confirm::draw(buf, body, app, what, *yes);
            None
        }
        Mode::Unsaved(d) => unsaved_view::draw(buf, body, app, d),
        Mode::Help { scroll } => {
            help::draw(buf, above_keys, app, amb, *scroll);
            None
        }
        Mode::Menu { selected } => {
            menu::draw(buf, body, app, *selected);
            None
        }
        Mode::Sheet(_) | Mode::Results { .. } if app.private => {
            let inner = popup(buf, body, body.width, body.height, "", amb);
            let hidden = app.lang().s().hidden;
            put(
                buf,
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(1),
                hidden,
                theme::warn(),
                amb,
            );
            None
        }
        Mode::Sheet(sheet) => {
            sheet_view::draw(buf, body, app, sheet, now);
            None
        }
        Mode::Results { selected } => {
            results::draw(buf, body, app, *selected, now);
            None
        }
        Mode::Connections { selected } => {
            connections::draw(buf, body, app, *selected);
            None
        }
        Mode::Ballots(v) => ballots::draw(buf, body, app, v),
    }
}

fn too_small(buf: &mut Buffer, area: Rect, lang: Lang, amb: Ambiguous) {
    let message = lang.s().too_small;
    let lines = text::wrap(message, area.width.max(1) as usize, amb);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let w = text::width(line, amb) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        put(buf, x, top + i as u16, area.width, line, theme::warn(), amb);
    }
}

/// The phase of the shown talk (used by tests).
pub fn shown_phase(app: &App, now: Time) -> Option<Phase> {
    let unit = app.session().state().current_unit()?;
    let warn = app.session().plan().warn_seconds();
    Some(timer::read(unit, warn, app.session().clock(now)).phase)
}

/// The keys that work in the current mode (`components::keybar::hints`).
pub fn key_hints(app: &App) -> Vec<super::components::Hint> {
    keybar::hints(app)
}
