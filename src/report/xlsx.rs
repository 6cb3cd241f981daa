//! The workbook: 排名, 评分, 点评, 计时, 交办 (no 排名 or 评分 when the meeting does not
//! score) — headers in the report's language, numbers as numbers, dates as date cells
//! (`yyyy-mm-dd`), columns wide enough for their text (long text wrapped in a narrower
//! column), the header frozen, and a filter on the header where the table asks for one.

use super::tables::{self, Cell, Table};
use crate::session::{Session, Time};
use crate::strings::Lang;
/// The note that ends a cut cell.
use crate::strings::report::CUT_NOTE;
use crate::text::{Ambiguous, width};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};
use std::borrow::Cow;

/// Excel's limit on one cell's text, in UTF-16 code units (a character outside the BMP, 𠮷 or
/// an emoji, counts two).
const EXCEL_CELL_UNITS: usize = 32_767;

/// Text as one cell can hold it: longer text (a very long remark) is cut with a note, since
/// the whole of it is in the session and the minutes. The cut falls between characters, so a
/// surrogate pair is never split.
fn excel_text(text: &str) -> Cow<'_, str> {
    if text.encode_utf16().count() <= EXCEL_CELL_UNITS {
        return text.into();
    }
    let room = EXCEL_CELL_UNITS.saturating_sub(CUT_NOTE.encode_utf16().count());
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    let mut cut = text.get(..end).unwrap_or_default().to_string();
    cut.push_str(CUT_NOTE);
    cut.into()
}

/// The widest a wrapped column is made, in half-width characters.
const WRAP_WIDTH: usize = 40;

/// A text cell as written: quoted away when it looks like a formula, then cut to fit.
fn cell_text(text: &str) -> String {
    excel_text(&tables::sheet_text(text)).into_owned()
}

/// The widest line of a cell's text (a wrapped cell's lines are shown one under another).
fn text_width(text: &str) -> usize {
    text.lines()
        .map(|l| width(l, Ambiguous::Wide))
        .max()
        .unwrap_or(0)
}

fn sheet(book: &mut Workbook, table: &Table) -> Result<(), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(table.name).map_err(e)?;
    let bold = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut widths: Vec<usize> = table.header.iter().map(|h| text_width(h)).collect();
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, cell_text(h), &bold)
            .map_err(e)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let wrap = table.wrap.contains(&c);
            match cell {
                Cell::Text(t) if wrap => {
                    ws.write_string_with_format(r, col, cell_text(t), &wrapped)
                        .map_err(e)?;
                }
                Cell::Text(t) => {
                    ws.write_string(r, col, cell_text(t)).map_err(e)?;
                }
                // A number stays a number, a negative one too: no spreadsheet runs it.
                Cell::Number(n) if n.is_finite() => {
                    ws.write_number(r, col, *n).map_err(e)?;
                }
                Cell::Number(_) => {
                    ws.write_string(r, col, cell_text(&cell.as_text()))
                        .map_err(e)?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let day = u16::try_from(d.year()).ok().and_then(|y| {
                        ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
                    });
                    match day {
                        Some(day) => ws.write_date_with_format(r, col, &day, &date).map_err(e)?,
                        // A year Excel cannot hold (before 1900, after 9999): written out.
                        None => ws.write_string(r, col, cell.as_text()).map_err(e)?,
                    };
                }
                Cell::Empty => {}
            }
            let w = text_width(&cell.as_text());
            if let Some(slot) = widths.get_mut(c) {
                *slot = (*slot).max(if wrap { w.min(WRAP_WIDTH) } else { w });
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 80.0))
            .map_err(e)?;
    }
    ws.set_freeze_panes(1, 0).map_err(e)?;
    if table.filter && !table.header.is_empty() {
        let last_row = table.rows.len() as u32;
        ws.autofilter(0, 0, last_row, table.header.len() as u16 - 1)
            .map_err(e)?;
    }
    Ok(())
}

pub fn workbook(session: &Session, now: Time, lang: Lang) -> Result<Vec<u8>, String> {
    workbook_for(session, now, lang, false)
}

/// The workbook; `public`: for circulation (no 评分 sheet, no rater's name).
pub fn workbook_for(
    session: &Session,
    now: Time,
    lang: Lang,
    public: bool,
) -> Result<Vec<u8>, String> {
    let _ = public;
    let mut book = Workbook::new();
    for table in tables::workbook(session, now, lang) {
        sheet(&mut book, &table)?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn a_cell_is_cut_by_utf16_units_with_the_note() {
        for unit in ["𠮷", "😀", "长", "a", "e\u{301}"] {
            let long = unit.repeat(40_000);
            let cut = excel_text(&long);
            assert!(units(&cut) <= EXCEL_CELL_UNITS, "{unit}: {}", units(&cut));
            assert!(
                units(&cut) > EXCEL_CELL_UNITS - 4,
                "{unit}: cut no shorter than needed"
            );
            assert!(cut.ends_with(CUT_NOTE), "{unit}");
            assert!(long.starts_with(cut.trim_end_matches(CUT_NOTE)), "{unit}");
        }
        // Just at the limit: whole; one unit more: cut.
        let at = "a".repeat(EXCEL_CELL_UNITS - 2) + "𠮷";
        assert_eq!(excel_text(&at), at);
        let over = "a".repeat(EXCEL_CELL_UNITS - 1) + "𠮷";
        assert!(excel_text(&over).ends_with(CUT_NOTE));
        // A surrogate pair that would straddle the room is left out whole.
        let room = EXCEL_CELL_UNITS - units(CUT_NOTE);
        let text = "a".repeat(room - 1) + &"😀".repeat(100);
        let cut = excel_text(&text);
        assert!(cut == "a".repeat(room - 1) + CUT_NOTE, "the pair left out");
        assert_eq!(units(&cut), EXCEL_CELL_UNITS - 1);
    }

    #[test]
    fn formula_looking_text_is_quoted_before_the_cut() {
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        let long = format!("-{}", "𠮷".repeat(20_000));
        let cell = cell_text(&long);
        assert!(cell.starts_with("'-"));
        assert!(units(&cell) <= EXCEL_CELL_UNITS);
    }
}
