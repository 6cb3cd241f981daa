//! The workbook: 排名, 评分, 点评, 计时, 交办 — headers in the report's language, numbers as
//! numbers, columns wide enough for their text.

use super::tables::{self, Cell, Table};
use crate::session::{Session, Time};
use crate::strings::Lang;
use crate::text::{Ambiguous, width};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// Excel's limit on the characters of one cell.
const EXCEL_CELL_CHARS: usize = 32_767;

/// Text as one cell can hold it: longer text (a very long remark) is cut with a note, since
/// the whole of it is in the session and the minutes.
fn excel_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= EXCEL_CELL_CHARS {
        return text.into();
    }
    let note = "…（全文见会议纪要 / full text in the minutes）";
    let keep = EXCEL_CELL_CHARS - note.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(note);
    cut.into()
}

fn sheet(book: &mut Workbook, table: &Table) -> Result<(), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(table.name).map_err(e)?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = table
        .header
        .iter()
        .map(|h| width(h, Ambiguous::Wide))
        .collect();
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)
            .map_err(e)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(t) => {
                    ws.write_string(r, col, excel_text(t)).map_err(e)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, col, *n).map_err(e)?;
                }
                Cell::Empty => {}
            }
            let w = width(&cell.as_text(), Ambiguous::Wide);
            if let Some(slot) = widths.get_mut(c) {
                *slot = (*slot).max(w);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 80.0))
            .map_err(e)?;
    }
    ws.set_freeze_panes(1, 0).map_err(e)?;
    Ok(())
}

pub fn workbook(session: &Session, now: Time, lang: Lang) -> Result<Vec<u8>, String> {
    let results = tables::results(session, now);
    let mut book = Workbook::new();
    for table in [
        tables::ranking(session, &results, lang),
        tables::scores(session, lang),
        tables::remarks(session, lang),
        tables::timing(session, now, lang),
        tables::tasks(session, lang),
    ] {
        sheet(&mut book, &table)?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
