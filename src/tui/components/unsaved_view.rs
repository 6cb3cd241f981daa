//! Drawing the quit dialog shown while changes are not on disk (`unsaved`).

use super::unsaved::{Choice, UnsavedQuit};
use crate::strings;
use crate::text;
use crate::tui::app::App;
use crate::widgets::{fill, popup, put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The quit dialog while changes are not on disk: what is at stake and why, then the
/// answers with their keys (or the folder field), then how the last attempt went.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, d: &UnsavedQuit) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let u = strings::unsaved_text(lang);
    let n = app.core.ledger.unsaved();
    let width = area.width.min(76);
    let room = width.saturating_sub(4) as usize;
    let mut head = text::wrap(&strings::unsaved_head(lang, n), room, amb);
    if let Some(err) = app.core.ledger.save_error() {
        let why = strings::unsaved_why(
            lang,
            &crate::console::short_error(err, &app.core.ledger.paths().session),
        );
        // Two lines at most: the status line has the rest.
        let mut lines = text::wrap(&why, room, amb);
        if lines.len() > 2 {
            lines.truncate(2);
            if let Some(last) = lines.last_mut() {
                *last = text::truncate(&format!("{last}…"), room, amb);
            }
        }
        head.extend(lines);
    }
    let quit = strings::quit_losing(lang, n);
    let rows: Vec<(&str, String, Option<Choice>)> = match d.folder {
        Some(_) => Vec::new(),
        None => vec![
            ("r", u.retry.to_string(), Some(Choice::Retry)),
            ("w", u.write_copy.to_string(), Some(Choice::Copy)),
            ("Esc", u.stay.to_string(), Some(Choice::Stay)),
            ("Ctrl+Q", quit, None),
        ],
    };
    let outcome = d
        .outcome
        .as_ref()
        .map(|o| (text::wrap(&o.text, room, amb), o.error))
        .unwrap_or_default();
    let body_rows = if d.folder.is_some() { 4 } else { rows.len() };
    let outcome_rows = if outcome.0.is_empty() {
        0
    } else {
        outcome.0.len() + 1
    };
    let height = (head.len() + 1 + body_rows + outcome_rows) as u16 + 2;
    let inner = popup(buf, area, width, height, u.title, amb);
    let mut y = inner.y;
    let line = |buf: &mut Buffer, y: u16, x: u16, t: &str, style: Style| -> u16 {
        if y < inner.bottom() && x < inner.right() {
            put(buf, x, y, inner.right().saturating_sub(x), t, style, amb)
        } else {
            0
        }
    };
    for (i, l) in head.iter().enumerate() {
        let style = if i == 0 {
            theme::error()
        } else {
            theme::title()
        };
        line(buf, y, inner.x + 1, l, style);
        y += 1;
    }
    y += 1;
    let mut caret = None;
    if let Some(field) = &d.folder {
        line(buf, y, inner.x + 1, u.write_copy, theme::title());
        y += 1;
        let used = line(buf, y, inner.x + 1, u.folder, theme::dim());
        let fx = inner.x + 1 + used;
        let fr = Rect::new(fx, y, inner.right().saturating_sub(fx + 1), 1);
        if y < inner.bottom() {
            field.render(fr, buf);
            let c = field.screen_cursor();
            let (_, left) = field.scroll_offset();
            caret = Some(Position::new(
                (fr.x + c.col.saturating_sub(left as usize) as u16)
                    .min(fr.right().saturating_sub(1)),
                y,
            ));
        }
        y += 2;
        let mut x = inner.x + 1;
        for (key, label) in [
            ("Enter", u.key_write),
            ("Ctrl+U", u.key_clear),
            ("Esc", u.key_back),
        ] {
            x += line(buf, y, x, &format!(" {key} "), theme::key());
            x += line(buf, y, x, &format!(" {label}  "), Style::default());
        }
        y += 1;
    } else {
        let key_w = 8;
        for (key, label, choice) in &rows {
            let on = choice.is_some_and(|c| c == d.choice);
            let style = if on {
                theme::selected(true)
            } else if choice.is_none() {
                theme::error()
            } else {
                Style::default()
            };
            if on && y < inner.bottom() {
                fill(buf, Rect::new(inner.x, y, inner.width, 1), style);
            }
            if on {
                // Seen without colours too.
                line(buf, y, inner.x, ">", style);
            }
            line(buf, y, inner.x + 1, &format!(" {key} "), theme::key());
            line(buf, y, inner.x + 1 + key_w, label, style);
            y += 1;
        }
    }
    if !outcome.0.is_empty() {
        y += 1;
        let style = if outcome.1 {
            theme::error()
        } else {
            theme::info()
        };
        for l in &outcome.0 {
            line(buf, y, inner.x + 1, l, style);
            y += 1;
        }
    }
    caret
}
