//! Drawing pieces shared by the console (`tui`) and the stage display (`display`): text
//! placed by display width with the ambiguous-width option, framed boxes, big digits, the
//! phase colours, the talk's label, and a table whose columns give way by priority.
//!
//! Nothing here knows the app or its modes; everything takes the buffer, an area and the
//! values to show.

pub mod bigtext;
pub mod qr;
pub mod table;
pub mod theme;

use crate::session::Status;
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use crate::timer;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// `put` at the top left of `area`, cut at its width.
pub fn put_in(buf: &mut Buffer, area: Rect, content: &str, style: Style, amb: Ambiguous) -> u16 {
    put(buf, area.x, area.y, area.width, content, style, amb)
}

/// Writes `content` at (x, y), at most `max` columns; returns the columns used.
/// Wide characters take two cells; with `Ambiguous::Wide`, ambiguous ones do too.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    content: &str,
    style: Style,
    amb: Ambiguous,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() {
        return 0;
    }
    let right = x.saturating_add(max).min(area.right());
    let mut cx = x;
    let mut tmp = [0u8; 4];
    for c in content.chars() {
        let Some(c) = text::safe_char(if c == '\n' || c == '\t' { ' ' } else { c }) else {
            continue;
        };
        let w = text::char_width(c, amb) as u16;
        if w == 0 {
            continue;
        }
        if cx + w > right {
            break;
        }
        buf.set_stringn(cx, y, c.encode_utf8(&mut tmp), w as usize, style);
        if w == 2 && text::char_width(c, Ambiguous::Narrow) == 1 {
            // Drawn wide by this terminal: the next cell is covered, never written.
            buf[(cx + 1, y)]
                .set_symbol(" ")
                .set_style(style)
                .set_diff_option(ratatui::buffer::CellDiffOption::Skip);
        }
        cx += w;
    }
    cx - x
}

/// Writes one line centred in the width of `area`, on row `y`, cut with an ellipsis when it
/// is wider than the area.
pub fn centered(buf: &mut Buffer, area: Rect, y: u16, line: &str, style: Style, amb: Ambiguous) {
    let line = text::truncate(&text::clean_line(line), area.width as usize, amb);
    let w = text::width(&line, amb) as u16;
    put(
        buf,
        area.x + area.width.saturating_sub(w) / 2,
        y,
        area.width,
        &line,
        style,
        amb,
    );
}

/// Fills a row of `area` with `style`.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
}

/// A bordered block with `title`; the border takes the info colour when `focused`.
pub fn block<'a>(title: &'a str, amb: Ambiguous, focused: bool) -> Block<'a> {
    let style = if focused {
        theme::info()
    } else {
        Style::default()
    };
    Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(style)
        .title(text::clean_line(title))
}

/// Clears `area` for a box drawn over the screen, and the halves of wide characters it cuts:
/// a wide character just left of it would otherwise cover its left column (the terminal
/// draws the character over it, and ratatui never writes a cell a wide character covers),
/// and a cell right of it covered by a character now cleared would never be written.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        if area.x > buf.area.x {
            // Wide as ratatui measures it, or marked as covered by an ambiguous character
            // `put` drew wide.
            let covered = buf[(area.x, y)].diff_option == CellDiffOption::Skip;
            let left = &mut buf[(area.x - 1, y)];
            if covered || UnicodeWidthStr::width(left.symbol()) > 1 {
                left.reset();
            }
        }
        if area.right() < buf.area.right() {
            let right = &mut buf[(area.right(), y)];
            if right.diff_option == CellDiffOption::Skip {
                right.reset();
            }
        }
    }
    Clear.render(area, buf);
}

/// A box centred in `area`, cleared, with a border; returns its inner area.
pub fn popup(
    buf: &mut Buffer,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    amb: Ambiguous,
) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    clear(buf, r);
    let b = block(title, amb, true);
    let inner = b.inner(r);
    b.render(r, buf);
    inner
}

/// What the timer shows in words, and its style; `pending` is the words before the talk.
pub fn talk_label(
    lang: Lang,
    status: Status,
    reading: &timer::Reading,
    pending: String,
) -> (String, Style) {
    let label = match status {
        Status::Pending => pending,
        Status::Paused => lang.s().paused.to_string(),
        Status::Done | Status::Skipped => strings::status(lang, status).to_string(),
        Status::Presenting => strings::phase(lang, reading.phase).to_string(),
    };
    let style = match status {
        Status::Presenting => theme::phase_text(reading.phase),
        Status::Paused => theme::warn(),
        _ => theme::dim(),
    };
    (label, style)
}

/// A key bar: each hint as " KEY " in the key style and its label, left to right; while the
/// row is too narrow the least important hint (the highest rank; the later one on a tie) is
/// left out.
pub fn key_bar<K: AsRef<str>>(
    buf: &mut Buffer,
    area: Rect,
    mut hints: Vec<(K, &str, u8)>,
    amb: Ambiguous,
) {
    let need = |h: &[(K, &str, u8)]| -> usize {
        h.iter()
            .map(|(k, l, _)| text::width(k.as_ref(), amb) + 3 + text::width(l, amb))
            .sum()
    };
    while need(&hints) > area.width as usize {
        let Some(worst) = hints
            .iter()
            .enumerate()
            .max_by_key(|(i, h)| (h.2, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        hints.remove(worst);
    }
    let mut x = area.x;
    for (key, label, _) in hints {
        let room = area.right().saturating_sub(x);
        x += put(
            buf,
            x,
            area.y,
            room,
            &format!(" {} ", key.as_ref()),
            theme::key(),
            amb,
        );
        let room = area.right().saturating_sub(x);
        x += put(
            buf,
            x,
            area.y,
            room,
            &format!("{label} "),
            Style::default(),
            amb,
        );
    }
}
