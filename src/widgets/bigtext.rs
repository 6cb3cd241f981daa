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

/// Blank columns on each side of a colon, besides the gap between any two glyphs: the colon
/// stands apart from the digits, so "08:00" never reads as "0800" or "08100". At least one,
/// half the scale at larger scales.
pub fn colon_pad(sx: u16) -> u16 {
    sx.div_ceil(2)
}

/// Width of `text` at horizontal scale `sx` (glyphs, the gaps between them, and the room
/// around a colon).
pub fn width(text: &str, sx: u16) -> u16 {
    let glyphs: u16 = text.chars().map(|c| glyph(c)[0].len() as u16 * sx).sum();
    let colons = text.chars().filter(|c| *c == ':').count() as u16;
    glyphs + text.chars().count().saturating_sub(1) as u16 * sx + colons * 2 * colon_pad(sx)
}

/// The largest scale (horizontal, vertical) at which `text` fits `area`, keeping cells about
/// twice as wide as tall so digits look upright; at most `max_sy` rows per glyph row. `None`
/// when even the smallest does not fit (the caller writes the text on one line instead).
pub fn fit(text: &str, area: Rect, max_sy: u16) -> Option<(u16, u16)> {
    let sy = (area.height / GLYPH_HEIGHT).min(max_sy);
    if sy == 0 || width(text, 1) > area.width {
        return None;
    }
    // The widest scale that fits: width grows with the scale, so count up to it.
    let by_width = (1..=area.width)
        .take_while(|&sx| width(text, sx) <= area.width)
        .last()
        .unwrap_or(1);
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
        let pad = if c == ':' { colon_pad(sx) } else { 0 };
        x += pad;
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
        x += (g[0].len() as u16 + 1) * sx + pad;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of `text` drawn at scale (sx, 1), `#` for a lit cell.
    fn rows(text: &str, sx: u16) -> Vec<String> {
        let w = width(text, sx);
        let area = Rect::new(0, 0, w, GLYPH_HEIGHT);
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, text, Style::default(), "#", sx, 1);
        (0..GLYPH_HEIGHT)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn the_colon_stands_apart_from_the_digits() {
        // At the smallest scale: two blank columns each side of the colon's dots, which
        // sit on rows 2 and 4 only.
        assert_eq!(
            rows("07:43", 1),
            [
                "### ###     # # ###",
                "# #   #  #  # #   #",
                "# #   #     ### ###",
                "# #   #  #    #   #",
                "###   #       # ###",
            ]
        );
        assert_eq!(width("07:43", 1), 19);
        // Doubled: the dots two columns wide, three blank columns each side.
        let r = rows("08:00", 2);
        assert_eq!(r[1], "##  ##  ##  ##   ##   ##  ##  ##  ##");
        assert_eq!(r[2], "##  ##  ######        ##  ##  ##  ##");
        assert_eq!(width("08:00", 2), r[0].len() as u16);
        // Over an hour, two colons: five glyphs of 3, two colons of 1, six gaps, two blanks around each colon.
        assert_eq!(width("1:00:00", 1), 15 + 2 + 6 + 4);
    }

    #[test]
    fn the_scale_is_the_largest_that_fits() {
        let area = |w, h| Rect::new(0, 0, w, h);
        // The console's timer at 80x24: 28 columns, 5 rows: scale 1 (19 columns).
        assert_eq!(fit("07:43", area(28, 5), 2), Some((1, 1)));
        // 38 columns take scale 2 (36 columns).
        assert_eq!(width("07:43", 2), 36);
        assert_eq!(fit("07:43", area(38, 5), 2), Some((2, 1)));
        // Too narrow for the colon's room even at scale 1: none (one line of text instead).
        assert_eq!(fit("07:43", area(18, 5), 2), None);
        // The stage display at 80x24 (about 16 rows for the digits): scale 4, 70 columns.
        let (sx, sy) = fit("07:43", area(80, 16), u16::MAX).expect("fits");
        assert_eq!((sx, sy), (4, 2));
        assert!(width("07:43", sx) <= 80);
    }
}
