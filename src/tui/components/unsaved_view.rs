//! Drawing the quit dialog shown while changes are not on disk (`unsaved`).

use super::stack;
use super::unsaved::{Choice, UnsavedQuit};
use crate::strings;
use crate::text;
use crate::tui::app::App;
use crate::widgets::{fill, popup, put, put_in, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
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
    // What is at stake, a blank row, the answers (or the folder), how the last attempt went;
    // a row that does not fit is not drawn.
    let [head_rows, _, body, outcome_rows] = stack(
        inner,
        [head.len() as u16, 1, body_rows as u16, outcome_rows as u16],
    );
    // The text of a row, after one blank column.
    let text_column = |row: Rect| {
        let [_, text] = row.layout(&Layout::horizontal([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        text
    };
    let line = |buf: &mut Buffer, row: Rect, t: &str, style: Style| {
        let at = text_column(row);
        put(buf, at.x, at.y, at.width, t, style, amb);
    };
    for (i, (row, l)) in head_rows.rows().zip(&head).enumerate() {
        let style = if i == 0 {
            theme::error()
        } else {
            theme::title()
        };
        line(buf, row, l, style);
    }
    let mut caret = None;
    if let Some(field) = &d.folder {
        // The title, the folder's label and field, a blank row, the keys.
        let [title_row, field_row, _, keys_row] = stack(body, [1, 1, 1, 1]);
        if title_row.height > 0 {
            line(buf, title_row, u.write_copy, theme::title());
        }
        if field_row.height > 0 {
            let label_w = text::width(u.folder, amb) as u16;
            let [_, label_at, fr, _] = field_row.layout(&Layout::horizontal([
                Constraint::Length(1),
                Constraint::Length(label_w),
                Constraint::Fill(1),
                Constraint::Length(1),
            ]));
            put(
                buf,
                label_at.x,
                label_at.y,
                label_at.width,
                u.folder,
                theme::dim(),
                amb,
            );
            field.render(fr, buf);
            let c = field.screen_cursor();
            let (_, left) = field.scroll_offset();
            caret = Some(Position::new(
                (fr.x + c.col.saturating_sub(left as usize) as u16)
                    .min(fr.right().saturating_sub(1)),
                fr.y,
            ));
        }
        if keys_row.height > 0 {
            // Each key and what it does, one after the other, cut at the row's end.
            let at = text_column(keys_row);
            let mut x = at.x;
            for (key, label) in [
                ("Enter", u.key_write),
                ("Ctrl+U", u.key_clear),
                ("Esc", u.key_back),
            ] {
                for (t, style) in [
                    (format!(" {key} "), theme::key()),
                    (format!(" {label}  "), Style::default()),
                ] {
                    x += put(buf, x, at.y, at.right().saturating_sub(x), &t, style, amb);
                }
            }
        }
    } else {
        // The mark of the highlighted answer, the key, what it does.
        let columns = Layout::horizontal([
            Constraint::Length(1),
            Constraint::Length(8),
            Constraint::Fill(1),
        ]);
        for (row, (key, label, choice)) in body.rows().zip(&rows) {
            let on = choice.is_some_and(|c| c == d.choice);
            let style = if on {
                theme::selected(true)
            } else if choice.is_none() {
                theme::error()
            } else {
                Style::default()
            };
            let [mark, key_at, label_at] = row.layout(&columns);
            if on {
                fill(buf, row, style);
                // Seen without colours too.
                put(buf, mark.x, mark.y, row.width, ">", style, amb);
            }
            let key = format!(" {key} ");
            put(
                buf,
                key_at.x,
                key_at.y,
                key_at.width,
                &key,
                theme::key(),
                amb,
            );
            put_in(buf, label_at, label, style, amb);
        }
    }
    let [_, outcome_lines] = stack(outcome_rows, [1, outcome_rows.height]);
    let style = if outcome.1 {
        theme::error()
    } else {
        theme::info()
    };
    for (row, l) in outcome_lines.rows().zip(&outcome.0) {
        line(buf, row, l, style);
    }
    caret
}
