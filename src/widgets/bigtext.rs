//! Big digits for the countdown, drawn with lit cells (a full block, or a coloured blank where
//! the terminal draws block characters wide), scaled to fill the room they are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// 3×5 glyphs; `#` is a lit cell.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => ["  #", "  #", "  #", "  #", "  #"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        ':' => [" ", "#", " ", "#", " "],
        '+' => ["   ", " # ", "###", " # ", "   "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

pub const GLYPH_HEIGHT: u16 = 5;

/// Width of `text` at horizontal scale `sx` (glyphs and the gaps between them).
pub fn width(text: &str, sx: u16) -> u16 {
    let glyphs: u16 = text.chars().map(|c| glyph(c)[0].len() as u16 * sx).sum();
    glyphs + text.chars().count().saturating_sub(1) as u16 * sx
}

/// The largest scale (horizontal, vertical) at which `text` fits `area`, keeping cells about
/// twice as wide as tall so digits look upright; at most `max_sy` rows per glyph row.
pub fn fit(text: &str, area: Rect, max_sy: u16) -> Option<(u16, u16)> {
    let base = width(text, 1).max(1);
    let sy = (area.height / GLYPH_HEIGHT).min(max_sy);
    if sy == 0 {
        return None;
    }
    let by_width = area.width / base;
    if by_width == 0 {
        return None;
    }
    let sy = sy.min(by_width.div_ceil(2).max(1));
    let sx = by_width.min(sy * 2).max(1);
    Some((sx, sy))
}

/// Draws `text` centred in `area` at scale (sx, sy).
pub fn draw(buf: &mut Buffer, area: Rect, text: &str, style: Style, fill: &str, sx: u16, sy: u16) {
    let w = width(text, sx);
    let h = GLYPH_HEIGHT * sy;
    if w > area.width || h > area.height {
        return;
    }
    let mut x = area.x + (area.width - w) / 2;
    let top = area.y + (area.height - h) / 2;
    for c in text.chars() {
        let g = glyph(c);
        for (row, line) in g.iter().enumerate() {
            for (col, pixel) in line.chars().enumerate() {
                if pixel != '#' {
                    continue;
                }
                for dy in 0..sy {
                    for dx in 0..sx {
                        let cx = x + col as u16 * sx + dx;
                        let cy = top + row as u16 * sy + dy;
                        buf[(cx, cy)].set_symbol(fill).set_style(style);
                    }
                }
            }
        }
        x += (g[0].len() as u16 + 1) * sx;
    }
}

/// Draws `text` as large as fits (up to `max_sy`); false when even the smallest does not fit.
pub fn draw_fitting(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    fill: &str,
    max_sy: u16,
) -> bool {
    match fit(text, area, max_sy) {
        Some((sx, sy)) => {
            draw(buf, area, text, style, fill, sx, sy);
            true
        }
        None => false,
    }
}
