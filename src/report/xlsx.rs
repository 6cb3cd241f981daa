//! The workbook: 排名, 评分, 点评, 计时, 交办 (no 排名 or 评分 when the meeting does not
//! score; no 评分 in a public one) — headers in the report's language, numbers as numbers
//! with their formats (scores with the published decimals, shares as percents, durations
//! `[mm]:ss`, times of day `hh:mm:ss`, dates `yyyy-mm-dd`), and every sheet ready to print:
//! a title row (the meeting, the sheet, the date) merged over the table, the header under it
//! frozen, repeated on every printed page and filtered where the table asks; thin borders on
//! every cell; text wrapped and top-aligned in columns of sensible width, each row as tall as
//! its text; A4, one page wide (landscape when the columns are wide), page N of M in the
//! footer; the document's title in its properties.

use super::tables::{self, Cell, Table};
use crate::session::{Session, Time};
/// The note that ends a cut cell.
use crate::strings::report::CUT_NOTE;
use crate::strings::{self, Lang};
use crate::text::{Ambiguous, width};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};
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

/// The widest a column of long text (a remark, a task, 备注, 进展) is made at first, in
/// half-width characters; it is widened, up to [`WRAP_WIDEST`], when a cell of it would
/// need a row taller than Excel allows.
const WRAP_WIDTH: usize = 40;
const WRAP_WIDEST: usize = 80;
/// The widest any other text column is made (its text wraps beyond).
const TEXT_WIDTH: usize = 30;
/// The most a header's text widens its column, in half-width characters.
const HEADER_WIDTH: usize = 12;
/// Points per line of wrapped text (11-point text, CJK included), and Excel's tallest row.
const LINE_HEIGHT: f64 = 15.0;
const MAX_ROW_HEIGHT: f64 = 409.0;
/// A sheet whose columns add up to more than this (in half-width characters) prints
/// landscape: an A4 portrait page holds about 90 at 100%.
const PORTRAIT_WIDTH: f64 = 90.0;

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

/// How many lines `text` takes wrapped in a column `column` characters wide (a CJK
/// character counts two; a cell keeps about a character of padding).
fn wrapped_lines(text: &str, column: f64) -> usize {
    let room = (column - 1.0).max(1.0);
    let lines: usize = text
        .lines()
        .map(|l| ((width(l, Ambiguous::Wide) as f64 / room).ceil() as usize).max(1))
        .sum();
    lines.max(1)
}

/// The height of a row whose tallest cell takes `lines` lines, in points (Excel's tallest at
/// most).
fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE_HEIGHT + 3.0).min(MAX_ROW_HEIGHT)
}

/// The number format of a score with `decimals` decimals: `0`, `0.0`, `0.00`…
fn decimal_format(decimals: u32) -> String {
    if decimals == 0 {
        "0".into()
    } else {
        format!("0.{}", "0".repeat(decimals as usize))
    }
}

/// The number formats the cells use (a duration `[mm]:ss`, so that durations add up).
const PERCENT: &str = "0.0%";
const DURATION: &str = "[mm]:ss";
const CLOCK: &str = "hh:mm:ss";
const DATE: &str = "yyyy-mm-dd";

/// A cell's number format, when it has one.
fn number_format(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Decimal(_, d) => Some(decimal_format(*d)),
        Cell::Percent(_) => Some(PERCENT.into()),
        Cell::Duration(_) => Some(DURATION.into()),
        Cell::Clock(_) => Some(CLOCK.into()),
        Cell::Date(_) => Some(DATE.into()),
        _ => None,
    }
}

/// The formats of one sheet: every table cell bordered and top-aligned, text wrapped; one
/// format per number format, made when first needed.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    numbers: std::collections::HashMap<String, Format>,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell.clone().set_text_wrap(),
            numbers: [String::new()]
                .into_iter()
                .map(|k| (k, cell.clone()))
                .collect(),
        }
    }

    /// The format of a number cell with number format `code` ("" for General).
    fn number(&mut self, code: &str) -> &Format {
        self.numbers.entry(code.to_string()).or_insert_with(|| {
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_num_format(code)
        })
    }
}

/// The columns' widths: as wide as their text (at least 6), long text wrapped in a column of
/// [`WRAP_WIDTH`] (wider when one of its cells would need a row taller than Excel allows),
/// other text in at most [`TEXT_WIDTH`].
fn column_widths(table: &Table) -> Vec<f64> {
    (0..table.header.len())
        .map(|c| {
            // A header wraps too: one longer than [`HEADER_WIDTH`] does not widen its
            // column (上期类别排名, “Previous category rank” over a column of ranks).
            let header = table.header.get(c).map_or(0, |h| text_width(h));
            let natural = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| text_width(&cell.as_text()))
                .max()
                .unwrap_or(0)
                .max(header.min(HEADER_WIDTH))
                + 2;
            let w = if table.wrap.contains(&c) {
                let fits = |w: usize| {
                    table
                        .rows
                        .iter()
                        .filter_map(|r| r.get(c))
                        .all(|cell| match cell {
                            Cell::Text(t) => {
                                row_height(wrapped_lines(t, w as f64)) < MAX_ROW_HEIGHT
                            }
                            _ => true,
                        })
                };
                let wide = (WRAP_WIDTH..=WRAP_WIDEST)
                    .step_by(10)
                    .find(|w| fits(*w))
                    .unwrap_or(WRAP_WIDEST);
                natural.min(wide)
            } else {
                natural.min(TEXT_WIDTH)
            };
            w.max(6) as f64
        })
        .collect()
}

/// Where a sheet's table starts: a title row (none on 评分, which `podium scores` reads back
/// and which keeps its header on the first row: its title is in the printed page header).
struct Layout<'a> {
    title: &'a str,
    title_row: bool,
    lang: Lang,
}

fn sheet(book: &mut Workbook, table: &Table, layout: &Layout) -> Result<(), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(table.name).map_err(e)?;
    let mut f = Formats::new();
    let widths = column_widths(table);
    let columns = table.header.len();
    let header_row: u32 = u32::from(layout.title_row);
    let total: f64 = widths.iter().sum();

    if layout.title_row && columns > 0 {
        let title = cell_text(layout.title);
        if columns > 1 {
            ws.merge_range(0, 0, 0, columns as u16 - 1, &title, &f.title)
                .map_err(e)?;
        } else {
            ws.write_string_with_format(0, 0, &title, &f.title)
                .map_err(e)?;
        }
        // 14-point text: about 1.3 of the 11-point characters the widths count.
        let lines = wrapped_lines(&title, total / 1.3);
        ws.set_row_height(0, (lines as f64 * 20.0 + 6.0).min(MAX_ROW_HEIGHT))
            .map_err(e)?;
    }

    let mut tallest = 1;
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, cell_text(h), &f.header)
            .map_err(e)?;
        tallest = tallest.max(wrapped_lines(
            h,
            widths.get(c).copied().unwrap_or(WRAP_WIDTH as f64),
        ));
    }
    if tallest > 1 {
        ws.set_row_height(header_row, row_height(tallest))
            .map_err(e)?;
    }

    for (r, row) in table.rows.iter().enumerate() {
        let r = header_row + 1 + r as u32;
        let mut tallest = 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let number = |v: f64| v.is_finite().then_some(v);
            let value = match cell {
                Cell::Number(n) | Cell::Decimal(n, _) | Cell::Percent(n) => number(*n),
                Cell::Duration(s) => Some(*s as f64 / 86_400.0),
                Cell::Clock(t) => {
                    use chrono::Timelike;
                    Some(f64::from(t.num_seconds_from_midnight()) / 86_400.0)
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    u16::try_from(d.year())
                        .ok()
                        .and_then(|y| {
                            ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
                        })
                        .map(|day| day.to_excel())
                }
                Cell::Text(_) | Cell::Empty => None,
            };
            match (cell, value) {
                (Cell::Empty, _) => {
                    ws.write_blank(r, col, &f.text).map_err(e)?;
                }
                // A number stays a number, a negative one too: no spreadsheet runs it.
                (_, Some(v)) => {
                    let code = number_format(cell).unwrap_or_default();
                    ws.write_number_with_format(r, col, v, f.number(&code))
                        .map_err(e)?;
                }
                // Text; or a number that is none (infinite), or a date Excel cannot hold
                // (before 1900, after 9999): written out.
                (_, None) => {
                    let text = cell_text(&cell.as_text());
                    tallest = tallest.max(wrapped_lines(
                        &text,
                        widths.get(c).copied().unwrap_or(WRAP_WIDTH as f64),
                    ));
                    ws.write_string_with_format(r, col, text, &f.text)
                        .map_err(e)?;
                }
            }
        }
        if tallest > 1 {
            ws.set_row_height(r, row_height(tallest)).map_err(e)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(e)?;
    }

    print_setup(ws, total, header_row, layout.lang)?;
    if !layout.title_row {
        ws.set_header(page_header(layout.title));
    }
    ws.set_freeze_panes(header_row + 1, 0).map_err(e)?;
    if table.filter && columns > 0 {
        let last_row = header_row + table.rows.len() as u32;
        ws.autofilter(header_row, 0, last_row, columns as u16 - 1)
            .map_err(e)?;
    }
    Ok(())
}

/// A page header that says `title`, centred: `&` doubled (the header's own fields start
/// with it), cut well within Excel's 255 characters.
/// A sheet printed as it is (the workbook's and the printed score sheets'): A4, one page
/// wide, landscape when its columns are wider than a portrait page (`width`, in characters),
/// page N of M in the footer, the header row `header_row` on every page.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    width: f64,
    header_row: u32,
    lang: Lang,
) -> Result<(), String> {
    ws.set_paper_size(9);
    if width > PORTRAIT_WIDTH {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
    ws.set_footer(strings::print::page_footer(lang));
    ws.set_repeat_rows(header_row, header_row)
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn page_header(title: &str) -> String {
    let mut out = String::from("&C");
    for c in title.chars().filter(|c| !c.is_control()).take(100) {
        if c == '&' {
            out.push('&');
        }
        out.push(c);
    }
    out
}

pub fn workbook(session: &Session, now: Time, lang: Lang) -> Result<Vec<u8>, String> {
    workbook_for(session, now, lang, false)
}

/// The workbook; `public`: for circulation (no 评分 sheet, no rater's name:
/// `tables::workbook_for`). Every sheet prints as it is: a title row (the meeting, the
/// sheet, the date), the header repeated on every page, borders, the published decimals.
pub fn workbook_for(
    session: &Session,
    now: Time,
    lang: Lang,
    public: bool,
) -> Result<Vec<u8>, String> {
    let meeting = &session.plan().title;
    let at = session.state().started_at.unwrap_or(session.clock(now));
    let day = strings::print::date(lang, session.meeting_date(at));
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new().set_title(strings::print::document_title(lang, meeting, public)),
    );
    let scores = strings::report::of(lang).sheets.scores;
    for table in tables::workbook_for(session, now, lang, public) {
        let title = strings::print::sheet_title(lang, meeting, table.name, &day);
        let layout = Layout {
            title: &title,
            title_row: table.name != scores,
            lang,
        };
        sheet(&mut book, &table, &layout)?;
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
