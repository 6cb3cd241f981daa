//! Reading a drawn buffer back as text, for snapshot tests: one line per row, a wide
//! character once (not followed by the blank cell it covers), trailing blanks cut.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

pub fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
