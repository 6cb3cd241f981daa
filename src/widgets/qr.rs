//! A QR code in a terminal: each module drawn as two columns of one row (about square in a
//! terminal's cells), a blank with an explicit background — black for a dark module, white
//! for a light one — and a quiet zone of four light modules all round. No glyph is written
//! (so no character of ambiguous width can shift it) and no colour is left to the terminal's
//! defaults (so a dark theme cannot invert it). The colours are the fixed black and white
//! of the 256-colour cube, which themes do not remap as they do the first sixteen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// The light modules around the code, on every side.
pub const QUIET: u16 = 4;
/// A dark module's background: black (#000000 in the 256-colour cube).
pub const DARK: Color = Color::Indexed(16);
/// A light module's background: white (#ffffff in the 256-colour cube).
pub const LIGHT: Color = Color::Indexed(231);
/// Columns per module at scale 1 (a terminal cell is about twice as tall as wide).
pub const COLUMNS_PER_MODULE: u16 = 2;

/// A QR code ready to draw: its modules, row by row, without the quiet zone.
#[derive(Clone, PartialEq, Eq)]
pub struct Qr {
    side: u16,
    dark: Vec<bool>,
}

impl std::fmt::Debug for Qr {
    // The modules carry the text (a link may carry a code): never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Qr({0}×{0})", self.side)
    }
}

impl Qr {
    /// The smallest code at error correction level M that holds `text`; `None` when it is
    /// too long for any version.
    pub fn new(text: &str) -> Option<Qr> {
        let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
        let side = u16::try_from(code.width()).ok()?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Qr { side, dark })
    }

    /// Modules on a side, without the quiet zone.
    pub fn side(&self) -> u16 {
        self.side
    }

    /// Whether the module at (`x`, `y`) is dark (outside the code: the quiet zone, light).
    pub fn is_dark(&self, x: u16, y: u16) -> bool {
        x < self.side && y < self.side && self.dark[y as usize * self.side as usize + x as usize]
    }

    /// Columns and rows the code takes with its quiet zone, each module `scale` rows tall
    /// and twice as many columns wide.
    pub fn size(&self, scale: u16) -> (u16, u16) {
        let modules = self.side + 2 * QUIET;
        (
            modules
                .saturating_mul(COLUMNS_PER_MODULE)
                .saturating_mul(scale),
            modules.saturating_mul(scale),
        )
    }

    /// The largest scale at which the code fits in `width` × `height` cells; 0 when it does
    /// not fit even at scale 1.
    pub fn scale_to_fit(&self, width: u16, height: u16) -> u16 {
        let (w, h) = self.size(1);
        if w == 0 || h == 0 {
            return 0;
        }
        (width / w).min(height / h)
    }

    /// Draws the code with its quiet zone at `scale` (at least 1), its top left corner at
    /// (`x`, `y`); what falls outside the buffer is left out.
    pub fn draw(&self, buf: &mut Buffer, x: u16, y: u16, scale: u16) {
        let scale = scale.max(1);
        let (w, h) = self.size(scale);
        let area = Rect::new(x, y, w, h).intersection(buf.area);
        let module_w = COLUMNS_PER_MODULE * scale;
        for cy in area.top()..area.bottom() {
            // The module's row and column in the code, counted from the quiet zone's corner.
            let my = (cy - y) / scale;
            for cx in area.left()..area.right() {
                let mx = (cx - x) / module_w;
                let dark = mx >= QUIET && my >= QUIET && self.is_dark(mx - QUIET, my - QUIET);
                let colour = if dark { DARK } else { LIGHT };
                let cell = &mut buf[(cx, cy)];
                cell.reset();
                cell.set_symbol(" ")
                    .set_style(Style::default().fg(colour).bg(colour));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_takes_version_2_at_level_m() {
        let qr = Qr::new("http://192.168.1.23:7374").expect("fits");
        assert_eq!(qr.side(), 25);
        assert_eq!(qr.size(1), (66, 33));
        assert_eq!(qr.scale_to_fit(66, 33), 1);
        assert_eq!(qr.scale_to_fit(65, 40), 0);
        assert_eq!(qr.scale_to_fit(140, 70), 2);
    }

    #[test]
    fn every_cell_is_a_blank_on_black_or_white() {
        let qr = Qr::new("http://10.0.0.2:7374").expect("fits");
        let (w, h) = qr.size(1);
        let mut buf = Buffer::empty(Rect::new(0, 0, w + 3, h + 1));
        qr.draw(&mut buf, 1, 1, 1);
        for y in 1..=h {
            for x in 1..=w {
                let cell = &buf[(x, y)];
                assert_eq!(cell.symbol(), " ");
                assert!(cell.bg == DARK || cell.bg == LIGHT, "{x},{y}");
                assert_eq!(cell.fg, cell.bg);
            }
        }
        // The quiet zone: the first four modules (eight columns) light; then the finder.
        assert!((1..9).all(|x| buf[(x, 5)].bg == LIGHT));
        assert_eq!(buf[(9, 5)].bg, DARK);
        assert_eq!(buf[(10, 5)].bg, DARK);
        // Nothing outside it touched.
        assert_eq!(buf[(0, 0)].bg, Color::Reset);
        assert_eq!(buf[(w + 1, 1)].bg, Color::Reset);
    }
}
