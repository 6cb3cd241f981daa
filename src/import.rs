//! Reading the office's tables: CSV (UTF-8 with or without a BOM, UTF-16 as Excel's "Unicode
//! text" saves it, or GB18030/GBK as Excel and WPS save on Chinese Windows — detected, and
//! said) and XLSX. Then unit lists become plans, and score sheets become commands, every row
//! checked before anything is written.
//!
//! A workbook is read whole: the sheet whose header row is recognised is the one imported
//! (a score sheet for `podium scores`, a unit list for `podium import`), the summary names it,
//! and every error names it; two sheets that both look right are refused, naming both.
//! Table cells are matched to the session's names by `names::key` (width forms, NFC/NFD,
//! invisible characters and edge spaces do not count), and a cell that could mean two names
//! is refused.

use crate::names::{self, Match};
use crate::plan::Plan;
use crate::scoring::{self, ScoreProblem};
use crate::session::{GradeEntry, ScoreEntry, Session};
use crate::strings::{self, Lang, Said, cli};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub mod office;
pub mod questionnaire;
pub mod tasks;

/// A table read from a file: a CSV's one sheet or a workbook's sheets, with the encoding it
/// was read in.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub encoding: &'static str,
    pub sheets: Vec<Sheet>,
}

/// One sheet: its header row and data rows.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The sheet's name in a workbook; `None` for a CSV file.
    pub name: Option<String>,
    /// The first row with any text; empty when the sheet has none.
    pub header: Vec<String>,
    /// The header's 1-based row number in the file (0 when the sheet has no text).
    pub header_row: usize,
    /// Data rows with their 1-based row numbers in the file.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Cells the workbook holds as dates or times, by (1-based row, 0-based column): what the
    /// cell shows, and whether it is a time of day or a duration rather than a date.
    pub dates: BTreeMap<(usize, usize), (String, bool)>,
    /// The workbook's merged cells: first and last (1-based row, 0-based column). The text is
    /// in the first cell only.
    pub merged: Vec<((usize, usize), (usize, usize))>,
    /// Formula cells the workbook holds no result for (a file a program wrote, never saved
    /// in Excel or WPS), by (1-based row, 0-based column); their text is the formula (`=…`).
    pub unsaved: BTreeSet<(usize, usize)>,
}

/// Decodes CSV bytes: UTF-8 (a BOM is dropped), UTF-16 (with a BOM, or without one when the
/// text holds NUL bytes as UTF-16 does), else GB18030 when it decodes cleanly.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let utf16 = |rest: &[u8], enc: &'static encoding_rs::Encoding, label: &'static str| {
        enc.decode_without_bom_handling_and_without_replacement(rest)
            .map(|t| (t.into_owned(), label))
            .ok_or_else(|| {
                format!("not valid {label} text; save it from Excel or WPS as CSV (UTF-8)")
            })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, encoding_rs::UTF_16LE, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, encoding_rs::UTF_16BE, "UTF-16BE");
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // No text file in UTF-8 or GB18030 holds NUL bytes; UTF-16 holds one in every ASCII
    // character. The side they fall on says the byte order.
    if bytes.len().is_multiple_of(2) && bytes.contains(&0) {
        let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
        let (enc, label) = if odd >= even {
            (encoding_rs::UTF_16LE, "UTF-16LE")
        } else {
            (encoding_rs::UTF_16BE, "UTF-16BE")
        };
        if let Ok(found) = utf16(bytes, enc, label) {
            return Ok(found);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), "GB18030")),
        None => Err(
            "neither UTF-8 nor GB18030/GBK text (nor UTF-16); save it from Excel or WPS as CSV (UTF-8)"
                .into(),
        ),
    }
}

fn parse_csv(name: &str, text: &str, encoding: &'static str, lang: Lang) -> Result<Table, String> {
    // Excel's "Unicode text" separates cells with tabs: a header line with tabs and no comma.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut all = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{name}:{}: {e}", i + 1))?;
        let mut cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        // Trailing empty cells (a sheet saved with stray commas) hold nothing; a cell beyond
        // the last column a podium table may use is refused, as in a workbook, not named
        // in a hundred thousand warnings.
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.len() > MAX_COLUMNS as usize {
            return Err(strings::import::outside_table(
                lang,
                name,
                i + 1,
                &letter(cells.len() - 1),
                MAX_COLUMNS,
            ));
        }
        all.push((i + 1, cells));
    }
    let sheet = sheet_of(None, all, BTreeMap::new());
    if sheet.header.is_empty() {
        return Err(strings::console::file_is_empty(lang, name));
    }
    Ok(Table {
        name: name.to_string(),
        encoding,
        sheets: vec![sheet],
    })
}

/// A sheet from its rows: the first row with any text is the header.
fn sheet_of(
    name: Option<String>,
    all: Vec<(usize, Vec<String>)>,
    dates: BTreeMap<(usize, usize), (String, bool)>,
) -> Sheet {
    let mut rows = all
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    let (header_row, header) = rows.next().unwrap_or_default();
    Sheet {
        name,
        header,
        header_row,
        rows: rows.collect(),
        dates,
        merged: Vec::new(),
        unsaved: BTreeSet::new(),
    }
}

/// How an Excel date or time reads: `2026-05-30`, `2026-05-30 14:30`, `14:30:00`; a duration
/// as `[h]:mm:ss`. The flag is true for a time of day or a duration.
fn date_text(d: &calamine::ExcelDateTime) -> (String, bool) {
    if d.is_duration() {
        let seconds = (d.as_f64() * 86_400.0).round();
        let s = if seconds.is_finite() {
            seconds as i64
        } else {
            0
        };
        let sign = if s < 0 { "-" } else { "" };
        let s = s.unsigned_abs();
        return (
            format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
            true,
        );
    }
    let (y, mo, day, h, mi, sec, _) = d.to_ymd_hms_milli();
    let value = d.as_f64();
    if (0.0..1.0).contains(&value) {
        (format!("{h:02}:{mi:02}:{sec:02}"), true)
    } else if (h, mi, sec) == (0, 0, 0) {
        (format!("{y:04}-{mo:02}-{day:02}"), false)
    } else {
        (format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}"), false)
    }
}

/// A cell's text, and how it reads as a date when the workbook holds it as one.
fn cell_text(cell: &calamine::Data) -> (String, Option<(String, bool)>) {
    use calamine::Data;
    match cell {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.trim().to_string(), None),
        Data::Float(f) => (format!("{f}"), None),
        Data::Int(i) => (i.to_string(), None),
        Data::Bool(b) => (b.to_string(), None),
        Data::DateTime(d) => {
            let shown = date_text(d);
            (shown.0.clone(), Some(shown))
        }
        Data::DateTimeIso(t) => (t.trim().to_string(), Some((t.trim().to_string(), false))),
        Data::DurationIso(t) => (t.trim().to_string(), Some((t.trim().to_string(), true))),
        other => (other.to_string(), None),
    }
}

/// Reads a CSV or XLSX file (by its extension) into a table: every sheet of a workbook.
pub fn read_table(path: &Path) -> Result<Table, String> {
    read_table_in(path, Lang::En)
}

/// `read_table`, its errors said in `lang` (the console's `Ctrl+O`): a file that is not
/// there or cannot be read, an empty file, an unknown encoding, a damaged workbook.
pub fn read_table_in(path: &Path, lang: Lang) -> Result<Table, String> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| {
        strings::console::cannot_read(lang, &name, &strings::console::io_reason(lang, &e))
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "xlsx" || ext == "xlsm" || ext == "xls" {
        // A damaged workbook may make the spreadsheet reader panic: that is an error in
        // the file, reported as one, never a crash of podium (nor of the console's screen).
        let (owned, name2) = (path.to_path_buf(), name.clone());
        let read = std::thread::Builder::new()
            .name(GUARD_THREAD.into())
            .spawn(move || read_workbook(&owned, &name2, &ext, lang))
            .map_err(io)?
            .join();
        return read.unwrap_or_else(|_| Err(strings::console::damaged_workbook(lang, &name)));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let (text, encoding) =
        decode(&bytes).map_err(|e| strings::console::undecodable(lang, &name, &e))?;
    parse_csv(&name, &text, encoding, lang)
}

/// The name of the threads that read untrusted workbooks; a panic there is a damaged file,
/// reported as an error, so the panic hooks stay silent for them.
pub const GUARD_THREAD: &str = "podium-guard";

/// The largest column a podium table may use (far more than any unit list or score sheet).
const MAX_COLUMNS: u32 = 256;
/// Excel's own limit on rows.
const MAX_ROWS: u32 = 1_048_576;

fn read_workbook(path: &Path, name: &str, ext: &str, lang: Lang) -> Result<Table, String> {
    use calamine::Reader;
    // What the reader says is technical and in English: the sentence around it is not.
    let said = |place: &str, e: &dyn std::fmt::Display| match lang {
        Lang::En => format!("{place}: {e}"),
        Lang::Zh => strings::console::cannot_read(lang, place, &e.to_string()),
    };
    if ext == "xls" {
        let mut book = calamine::open_workbook_auto(path).map_err(|e| said(name, &e))?;
        let mut sheets = Vec::new();
        for sheet in book.sheet_names() {
            let range = book
                .worksheet_range(&sheet)
                .map_err(|e| said(&format!("{name}[{sheet}]"), &e))?;
            let start_row = range.start().map_or(0, |(r, _)| r as usize);
            let start_col = range.start().map_or(0, |(_, c)| c as usize);
            let mut dates = BTreeMap::new();
            let mut all = Vec::new();
            for (i, row) in range.rows().enumerate() {
                let mut line = vec![String::new(); start_col];
                for (j, c) in row.iter().enumerate() {
                    let (text, date) = cell_text(c);
                    if let Some(d) = date {
                        dates.insert((start_row + i + 1, start_col + j), d);
                    }
                    line.push(text);
                }
                all.push((start_row + i + 1, line));
            }
            sheets.push(sheet_of(Some(sheet), all, dates));
        }
        return workbook_table(name, "XLS", sheets, lang);
    }
    check_shared_strings(path, lang).map_err(|e| said(name, &e))?;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(|e| said(name, &e))?;
    let mut sheets = Vec::new();
    // Worksheets only: a chart sheet has no cells.
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for sheet in names {
        let place = format!("{name}[{sheet}]");
        // Cell by cell, never as a dense range: one stray cell at XFD1048576 must not make the
        // reader fill in every cell between A1 and it.
        let mut cells = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| said(&place, &e))?;
        let mut rows: BTreeMap<u32, Vec<(u32, String)>> = Default::default();
        let mut dates = BTreeMap::new();
        let mut unsaved = BTreeSet::new();
        while let Some(cell) = cells
            .next_cell_with_formula()
            .map_err(|e| said(&place, &e))?
        {
            let (row, col) = cell.pos;
            let (mut text, date) = cell_text(&cell.value.clone().into());
            // A formula with no result saved: its text, so that the cell is not taken for
            // an empty one (`office` refuses it where it reads it).
            if text.is_empty()
                && let Some(formula) = cell.formula.as_deref().map(str::trim)
                && !formula.is_empty()
            {
                text = format!("={}", formula.trim_start_matches('='));
                unsaved.insert((row as usize + 1, col as usize));
            }
            if text.is_empty() {
                continue;
            }
            if col >= MAX_COLUMNS || row >= MAX_ROWS {
                return Err(strings::import::outside_table(
                    lang,
                    &place,
                    row as usize + 1,
                    &letter(col as usize),
                    MAX_COLUMNS,
                ));
            }
            if let Some(d) = date {
                dates.insert((row as usize + 1, col as usize), d);
            }
            rows.entry(row).or_default().push((col, text));
        }
        let all = rows
            .into_iter()
            .map(|(row, cells)| {
                let width = cells
                    .iter()
                    .map(|(c, _)| *c as usize + 1)
                    .max()
                    .unwrap_or(0);
                let mut line = vec![String::new(); width];
                for (c, text) in cells {
                    if let Some(slot) = line.get_mut(c as usize) {
                        *slot = text;
                    }
                }
                (row as usize + 1, line)
            })
            .collect();
        drop(cells);
        // Merged cells only help to read a sheet (`office`): a workbook whose merges cannot
        // be read is read without them.
        let merged = book
            .merge_cells_by_sheet_name(&sheet)
            .unwrap_or_default()
            .iter()
            .map(|d| {
                let at = |(r, c): (u32, u32)| (r as usize + 1, c as usize);
                (at(d.start), at(d.end))
            })
            .collect();
        let mut read = sheet_of(Some(sheet), all, dates);
        read.merged = merged;
        read.unsaved = unsaved;
        sheets.push(read);
    }
    workbook_table(name, "XLSX", sheets, lang)
}

fn workbook_table(
    name: &str,
    encoding: &'static str,
    sheets: Vec<Sheet>,
    lang: Lang,
) -> Result<Table, String> {
    if sheets.is_empty() {
        return Err(strings::console::no_sheet(lang, name));
    }
    if sheets.iter().all(|s| s.header.is_empty()) {
        return Err(strings::console::file_is_empty(lang, name));
    }
    Ok(Table {
        name: name.to_string(),
        encoding,
        sheets,
    })
}

/// The most any part of a workbook may unpack to (a sheet of an office's list is a few MB; a
/// small file that unpacks to gigabytes would hold the reader's memory and time).
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Refuses a workbook a part of which unpacks to more than `MAX_PART_BYTES`, or whose
/// shared-string table claims more strings than it can hold: the reader would reserve room
/// for all of them at once.
fn check_shared_strings(path: &Path, lang: Lang) -> Result<(), String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| strings::console::io_reason(lang, &e))?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| strings::console::not_a_workbook(lang, &e.to_string()))?;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        if part.size() > MAX_PART_BYTES {
            return Err(strings::console::workbook_part_too_large(
                lang,
                &crate::text::clean_line(&part.name().map(|n| n.to_string()).unwrap_or_default()),
                part.size() / (1024 * 1024),
                MAX_PART_BYTES / (1024 * 1024),
            ));
        }
    }
    let Ok(entry) = zip.by_name("xl/sharedStrings.xml") else {
        return Ok(());
    };
    let mut head = Vec::new();
    entry
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| strings::console::workbook_damaged(lang, &e.to_string()))?;
    let head = String::from_utf8_lossy(&head);
    let Some(start) = head.find("<sst").or_else(|| head.find(":sst")) else {
        return Ok(());
    };
    let tag = &head[start..head[start..].find('>').map_or(head.len(), |e| start + e)];
    for attr in ["uniqueCount=\"", "count=\""] {
        if let Some(at) = tag.find(attr) {
            let digits: String = tag[at + attr.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            let claimed: u64 = digits.trim().parse().unwrap_or(u64::MAX);
            if claimed > 10_000_000 {
                return Err(strings::console::too_many_strings(lang, &digits));
            }
        }
    }
    Ok(())
}

/// A column podium looks for, by any of its header names (case, width forms and edge spaces
/// ignored).
type Field = cli::Column;

const UNIT: Field = cli::COL_UNIT;
const REVIEWER: Field = cli::COL_REVIEWER;
const CRITERION: Field = cli::COL_CRITERION;
const SCORE: Field = cli::COL_SCORE;
const GRADE: Field = cli::COL_GRADE;
const COUNT: Field = cli::COL_COUNT;

const POINTS_SHEET: &[Field] = &[UNIT, REVIEWER, CRITERION, SCORE];
const GRADES_SHEET: &[Field] = &[UNIT, GRADE, COUNT];

fn header_key(text: &str) -> String {
    names::key(text).to_lowercase()
}

impl Sheet {
    /// Every column whose header is one of `field`'s names.
    fn columns(&self, field: &Field) -> Vec<usize> {
        self.header
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                let h = header_key(h);
                field.names.iter().any(|n| h == header_key(n))
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn has(&self, field: &Field) -> bool {
        !self.columns(field).is_empty()
    }
}

/// Where messages point: the file, the sheet read, and the language.
struct Ctx<'a> {
    table: &'a Table,
    sheet: &'a Sheet,
    lang: Lang,
}

impl Ctx<'_> {
    /// `scores.csv`, or `scores.xlsx[评分]` for a workbook's sheet.
    fn place(&self) -> String {
        match &self.sheet.name {
            Some(s) => format!("{}[{s}]", self.table.name),
            None => self.table.name.clone(),
        }
    }

    /// `scores.xlsx[评分]:5:C`.
    fn at(&self, row: usize, col: usize) -> String {
        format!("{}:{row}:{}", self.place(), letter(col))
    }

    /// The column of `field`: none, one, or an error when two columns both mean it.
    fn column(&self, field: &Field) -> Result<Option<usize>, String> {
        match self.sheet.columns(field).as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            [a, b, ..] => {
                let (la, lb) = (letter(*a), letter(*b));
                let ha = cell(&self.sheet.header, *a);
                let hb = cell(&self.sheet.header, *b);
                Err(cli::two_columns(
                    self.lang,
                    &self.place(),
                    (&la, ha),
                    (&lb, hb),
                    field,
                ))
            }
        }
    }

    fn require(&self, field: &Field) -> Result<usize, String> {
        self.column(field)?
            .ok_or_else(|| cli::no_column(self.lang, &self.place(), field, &self.sheet.header))
    }

    /// The sentence for a date or time cell where a number (`what`) belongs.
    fn date(&self, row: usize, col: usize, what: Said) -> Option<String> {
        let (shown, time) = self.sheet.dates.get(&(row, col))?;
        let c = format!("{}{row}", letter(col));
        Some(format!(
            "{}: {}",
            self.at(row, col),
            cli::date_cell(self.lang, &c, shown, *time, what)
        ))
    }

    /// The session's name a cell means (the cell itself when none: the check then says there
    /// is no such name), or the sentence refusing a cell that could mean two.
    fn name(
        &self,
        index: &names::Index,
        what: &str,
        row: usize,
        col: usize,
        cells: &[String],
    ) -> Result<String, String> {
        let text = cell(cells, col);
        // A name podium's own export quoted away from a formula (`'=…`) reads back as itself.
        let found = match index.find(text) {
            Match::None => index.find(crate::report::tables::sheet_unquote(text)),
            found => found,
        };
        match found {
            Match::One(name) => Ok(name.to_string()),
            Match::None => Ok(text.to_string()),
            Match::Many(many) => Err(format!(
                "{}: {}",
                self.at(row, col),
                names::ambiguous(self.lang, what, text, &many)
            )),
        }
    }
}

/// The sheet to import: a file's only sheet, else the one sheet whose header has every one of
/// `fields`; refused, naming them, when none or two do.
fn pick<'a>(
    table: &'a Table,
    fields: &[Field],
    what: Said,
    lang: Lang,
) -> Result<&'a Sheet, String> {
    let filled: Vec<&Sheet> = table
        .sheets
        .iter()
        .filter(|s| !s.header.is_empty())
        .collect();
    if filled.len() <= 1 {
        return filled
            .first()
            .copied()
            .ok_or_else(|| cli::table_empty(lang, &table.name));
    }
    let fits: Vec<&Sheet> = filled
        .iter()
        .copied()
        .filter(|s| fields.iter().all(|f| s.has(f)))
        .collect();
    let sheet_name = |s: &Sheet| s.name.clone().unwrap_or_default();
    match fits.as_slice() {
        [one] => Ok(one),
        [] => {
            let heads: Vec<String> = filled
                .iter()
                .map(|s| {
                    let mut head: Vec<&str> = s.header.iter().take(8).map(String::as_str).collect();
                    if s.header.len() > 8 {
                        head.push("…");
                    }
                    cli::sheet_head(lang, &sheet_name(s), &head)
                })
                .collect();
            Err(cli::no_sheet_fits(lang, &table.name, fields, what, &heads))
        }
        [a, b, ..] => Err(cli::two_sheets_fit(
            lang,
            &table.name,
            &sheet_name(a),
            &sheet_name(b),
            fields,
            what,
        )),
    }
}

fn cell(row: &[String], col: usize) -> &str {
    row.get(col).map_or("", |s| s.as_str())
}

/// Excel's column letter for a 0-based index.
fn letter(col: usize) -> String {
    let mut n = col + 1;
    let mut out = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    out
}

/// What a score import would do.
#[derive(Debug, Default, PartialEq)]
pub struct ScoreImport {
    pub scores: Vec<ScoreEntry>,
    pub grades: Vec<GradeEntry>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// The workbook's sheet that was read (`None` for a CSV file).
    pub sheet: Option<String>,
    /// Anonymous ballots (unnamed paper sheets, a questionnaire's respondents), recorded as
    /// new ballots of their groups with codes nobody holds, hashed with `salt`.
    pub ballots: Vec<crate::session::RecordedBallot>,
    pub salt: String,
    /// Respondents of a questionnaire imported before, passed over.
    pub skipped: usize,
}

impl ScoreImport {
    /// The one command that carries the import out (one action: one undo).
    pub fn command(&self) -> crate::session::Command {
        use crate::session::Command;
        if !self.ballots.is_empty() {
            Command::RecordBallots {
                salt: self.salt.clone(),
                ballots: self.ballots.clone(),
            }
        } else if self.grades.is_empty() {
            Command::SetScores {
                entries: self.scores.clone(),
            }
        } else {
            Command::AddGrades {
                entries: self.grades.clone(),
            }
        }
    }

    /// Whether carrying it out changes anything.
    pub fn changes(&self) -> bool {
        self.new + self.changed > 0 || !self.ballots.is_empty()
    }

    /// "scores.csv (UTF-8): 156 rows — 156 new, 0 changed, 0 unchanged", or for a workbook
    /// "scores.xlsx (XLSX, sheet "评分"): …".
    pub fn summary(&self, table: &Table, lang: Lang) -> String {
        let rows = self.scores.len()
            + self.grades.len()
            + self
                .ballots
                .iter()
                .map(|b| b.scores.len() + b.grades.len())
                .sum::<usize>();
        let name = Path::new(&table.name)
            .file_name()
            .map_or_else(|| table.name.clone(), |n| n.to_string_lossy().into_owned());
        let enc = source(table.encoding, self.sheet.as_deref(), lang);
        let counts = (self.new, self.changed, self.unchanged);
        cli::import_summary(lang, &name, &enc, rows, counts)
    }
}

/// `UTF-8`, or `XLSX, sheet "评分"` / `XLSX，工作表“评分”`: what was read.
pub fn source(encoding: &str, sheet: Option<&str>, lang: Lang) -> String {
    cli::source(lang, encoding, sheet)
}

/// Reads score rows (`unit, reviewer, criterion, score` or, for grades, `unit, grade,
/// count`), checking every row against the session. All errors, one per line, or the import.
/// `group`: the ballot group of the whole file (`podium scores --group`), for a tally, unnamed
/// sheets or a questionnaire.
pub fn scores(
    table: &Table,
    session: &Session,
    lang: Lang,
    group: Option<&str>,
) -> Result<ScoreImport, Vec<String>> {
    let rules = session.rules();
    let state = session.state();
    let ballot_groups = session.ballot_groups();
    let group = match group {
        None => None,
        Some(_) if ballot_groups.is_empty() => {
            return Err(vec![strings::sheets::no_ballot_groups(lang)]);
        }
        Some(g) => Some(
            ballot_group(&ballot_groups, g)
                .ok_or_else(|| {
                    vec![strings::sheets::unknown_ballot_group(
                        lang,
                        "--group",
                        g,
                        &ballot_groups,
                    )]
                })?
                .to_string(),
        ),
    };
    let group = group.as_deref();
    // A grades tally headed by its group (“组别：领导” on the row above 单位, 等次, 票数): read
    // as if `--group 领导` were given (and refused when `--group` says another).
    if rules.mode == crate::plan::ScoringMode::Grades
        && !ballot_groups.is_empty()
        && let Some((relabelled, at, text)) = group_headed(table, lang)
    {
        let found = ballot_group(&ballot_groups, &text).ok_or_else(|| {
            vec![strings::sheets::unknown_ballot_group(
                lang,
                &at,
                &text,
                &ballot_groups,
            )]
        })?;
        if let Some(g) = group
            && g != found
        {
            return Err(vec![strings::sheets::group_differs(lang, &at, &text, g)]);
        }
        return scores(&relabelled, session, lang, Some(found));
    }
    let fields = match rules.mode {
        crate::plan::ScoringMode::Points => POINTS_SHEET,
        crate::plan::ScoringMode::Grades => GRADES_SHEET,
        crate::plan::ScoringMode::None => {
            let file = crate::text::file_name(Path::new(&table.name));
            return Err(vec![cli::scores_not_scored(lang, &file)]);
        }
    };
    // A questionnaire export (one row per respondent, units as columns): only a sheet with
    // no column of the other formats and a unit's name in its header.
    if let Some(read) = questionnaire::scores(table, session, lang, group) {
        return read;
    }
    // The printed score sheets (`podium sheets`), typed up: one worksheet per reviewer. Only
    // when no sheet is in the long format, which is read exactly as before.
    if !table.sheets.iter().any(|s| fields.iter().all(|f| s.has(f))) {
        match rules.mode {
            crate::plan::ScoringMode::Points => {
                if let Some(read) = score_sheets(table, session, lang, group) {
                    return read;
                }
            }
            _ => {
                if let Some(s) = table.sheets.iter().find(|s| is_ballot(s)) {
                    let ctx = Ctx {
                        table,
                        sheet: s,
                        lang,
                    };
                    return Err(vec![strings::sheets::ballot_not_imported(
                        lang,
                        &ctx.place(),
                    )]);
                }
            }
        }
    }
    let sheet = pick(table, fields, cli::SCORE_SHEET, lang).map_err(|e| vec![e])?;
    let ctx = Ctx { table, sheet, lang };
    let cols: Vec<Result<usize, String>> = fields.iter().map(|f| ctx.require(f)).collect();
    let missing: Vec<String> = cols.iter().filter_map(|c| c.clone().err()).collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let cols: Vec<usize> = cols.into_iter().map(|c| c.unwrap_or(0)).collect();
    let mut errors = Vec::new();
    let mut out = ScoreImport {
        sheet: sheet.name.clone(),
        ..ScoreImport::default()
    };
    // Only 汇报单位 take scores: a cell is matched to them first, so that a speech whose name
    // looks like a unit's (`甲 `, full-width) neither takes its scores nor makes it ambiguous.
    // A cell that means no 汇报单位 is then matched to the other items, to be refused by name.
    let reports = names::Index::new(state.reports().map(|u| u.name.as_str()));
    let others = names::Index::new(
        state
            .units
            .iter()
            .filter(|u| !u.kind.is_report())
            .map(|u| u.name.as_str()),
    );
    let unit_of = |row: usize, col: usize, cells: &[String]| match ctx
        .name(&reports, "unit", row, col, cells)
    {
        Ok(name) if state.unit(&name).is_none() => ctx.name(&others, "unit", row, col, cells),
        found => found,
    };
    match rules.mode {
        crate::plan::ScoringMode::Points => {
            // Named reviewers' scores have no ballot group: `--group` would say nothing.
            if let Some(g) = group {
                return Err(vec![strings::sheets::group_not_used(lang, &ctx.place(), g)]);
            }
            let [u, r, c, v] = [0, 1, 2, 3].map(|i| cols.get(i).copied().unwrap_or(0));
            let reviewers =
                names::Index::new(session.plan().reviewers.iter().map(|r| r.name.as_str()));
            let criteria = names::Index::new(rules.criteria.iter().map(|c| c.name.as_str()));
            let mut seen = std::collections::HashMap::new();
            for (row, cells) in &sheet.rows {
                if let Some(e) = ctx.date(*row, v, cli::A_SCORE) {
                    errors.push(e);
                    continue;
                }
                let value_text = cell(cells, v);
                let Some(value) = scoring::parse_value(value_text) else {
                    let p = ScoreProblem::NotANumber(value_text.to_string());
                    errors.push(format!(
                        "{}: {}",
                        ctx.at(*row, v),
                        strings::score_problem(lang, &p)
                    ));
                    continue;
                };
                let found = (
                    unit_of(*row, u, cells),
                    ctx.name(&reviewers, "reviewer", *row, r, cells),
                    ctx.name(&criteria, "criterion", *row, c, cells),
                );
                let (unit, reviewer, criterion) = match found {
                    (Ok(unit), Ok(reviewer), Ok(criterion)) => (unit, reviewer, criterion),
                    (a, b, c) => {
                        errors.extend([a.err(), b.err(), c.err()].into_iter().flatten());
                        continue;
                    }
                };
                match scoring::check_score(rules, state, &unit, &reviewer, &criterion, value) {
                    Ok(ci) => {
                        let previous = state.scores.value(&unit, &reviewer, ci);
                        let key = (unit.clone(), reviewer.clone(), ci);
                        if let Some(first) = seen.insert(key, *row) {
                            errors.push(format!(
                                "{}: {}",
                                ctx.at(*row, c),
                                cli::repeated_row(lang, first)
                            ));
                            continue;
                        }
                        match previous {
                            None => out.new += 1,
                            Some(p) if p == value => out.unchanged += 1,
                            Some(_) => out.changed += 1,
                        }
                        out.scores.push(ScoreEntry {
                            unit,
                            reviewer,
                            criterion,
                            value,
                        });
                    }
                    Err(p) => {
                        let col = match p {
                            ScoreProblem::UnknownUnit(_) | ScoreProblem::NotAReport(_) => u,
                            ScoreProblem::UnknownReviewer(_) | ScoreProblem::Recused { .. } => r,
                            ScoreProblem::UnknownCriterion(_) => c,
                            _ => v,
                        };
                        errors.push(format!(
                            "{}: {}",
                            ctx.at(*row, col),
                            strings::score_problem(lang, &p)
                        ));
                    }
                }
            }
        }
        // `None` never comes here: refused above, before the sheet is read.
        crate::plan::ScoringMode::Grades | crate::plan::ScoringMode::None => {
            let [u, g, n] = [0, 1, 2].map(|i| cols.get(i).copied().unwrap_or(0));
            let grades = names::Index::new(rules.grades.iter().map(|g| g.name.as_str()));
            // With ballot groups a tally is a group's: from its 组别 column, or `--group`.
            let group_col = if ballot_groups.is_empty() {
                None
            } else {
                ctx.column(&strings::sheets::GROUP_COLUMN)
                    .map_err(|e| vec![e])?
            };
            for (row, cells) in &sheet.rows {
                let tally_group = if ballot_groups.is_empty() {
                    None
                } else {
                    match tally_group(&ctx, &ballot_groups, group_col, group, *row, u, cells) {
                        Ok(found) => Some(found),
                        Err(e) => {
                            errors.push(e);
                            continue;
                        }
                    }
                };
                let found = (
                    unit_of(*row, u, cells),
                    ctx.name(&grades, "grade", *row, g, cells),
                );
                let (unit, grade) = match found {
                    (Ok(unit), Ok(grade)) => (unit, grade),
                    (a, b) => {
                        errors.extend([a.err(), b.err()].into_iter().flatten());
                        continue;
                    }
                };
                let count = cell(cells, n);
                let parsed = scoring::parse_count(count);
                let problem = if state.unit(&unit).is_none() {
                    Some((u, ScoreProblem::UnknownUnit(unit.clone())))
                } else if state.unit(&unit).is_some_and(|it| !it.kind.is_report()) {
                    Some((u, ScoreProblem::NotAReport(unit.clone())))
                } else if rules.grade(&grade).is_none() {
                    Some((g, ScoreProblem::UnknownGrade(grade.clone())))
                } else if let Some(e) = ctx.date(*row, n, cli::A_COUNT) {
                    errors.push(e);
                    continue;
                } else if parsed.is_none() {
                    Some((n, ScoreProblem::BadCount(count.into())))
                } else {
                    None
                };
                match (problem, parsed) {
                    (Some((col, p)), _) => errors.push(format!(
                        "{}: {}",
                        ctx.at(*row, col),
                        strings::score_problem(lang, &p)
                    )),
                    (None, None) => {}
                    (None, Some(count)) => {
                        if count == 0 {
                            out.unchanged += 1;
                        } else {
                            out.new += 1;
                        }
                        out.grades.push(GradeEntry {
                            unit,
                            grade,
                            count,
                            group: tally_group,
                        });
                    }
                }
            }
        }
    }
    if out.scores.is_empty() && out.grades.is_empty() && errors.is_empty() {
        errors.push(cli::no_score_rows(lang, &ctx.place()));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A table whose one sheet starts with a group label row (“组别：领导”, or 组别 and the name in
/// the next cell, nothing else in the row) above its header: the table with that row dropped
/// (the next row is the header), the label's place, and its text.
fn group_headed(table: &Table, lang: Lang) -> Option<(Table, String, String)> {
    let mut found = None;
    for (i, sheet) in table.sheets.iter().enumerate() {
        let filled: Vec<usize> = (0..sheet.header.len())
            .filter(|c| !cell(&sheet.header, *c).trim().is_empty())
            .collect();
        let Some(&first) = filled.first() else {
            continue;
        };
        let Some((text, tc)) = labelled(&sheet.header, first, strings::sheets::GROUP_LABELS) else {
            continue;
        };
        if text.is_empty()
            || filled.iter().any(|c| *c != first && *c != tc)
            || sheet.rows.is_empty()
        {
            continue;
        }
        if found.is_some() {
            return None;
        }
        let ctx = Ctx { table, sheet, lang };
        found = Some((i, ctx.at(sheet.header_row, tc), text.to_string()));
    }
    let (i, at, text) = found?;
    let mut relabelled = table.clone();
    let sheet = &mut relabelled.sheets[i];
    let (row, header) = sheet.rows.remove(0);
    sheet.header = header;
    sheet.header_row = row;
    Some((relabelled, at, text))
}

/// The ballot group `text` means (width forms, case and edge spaces ignored).
fn ballot_group<'a>(groups: &'a [String], text: &str) -> Option<&'a str> {
    match names::Index::new(groups.iter().map(String::as_str)).find(text) {
        Match::One(name) => groups.iter().find(|g| *g == name).map(String::as_str),
        _ => None,
    }
}

/// A tally row's ballot group: its 组别 cell, else the file's (`--group`); refused at the cell
/// when it names no group, differs from `--group`, or there is none.
fn tally_group(
    ctx: &Ctx,
    groups: &[String],
    col: Option<usize>,
    given: Option<&str>,
    row: usize,
    unit_col: usize,
    cells: &[String],
) -> Result<String, String> {
    let lang = ctx.lang;
    let text = col.map_or("", |c| cell(cells, c).trim());
    let at = ctx.at(row, col.unwrap_or(unit_col));
    if text.is_empty() {
        return given
            .map(str::to_string)
            .ok_or_else(|| strings::sheets::group_needed(lang, &at, groups));
    }
    let found = ballot_group(groups, text)
        .ok_or_else(|| strings::sheets::unknown_ballot_group(lang, &at, text, groups))?;
    match given {
        Some(g) if g != found => Err(strings::sheets::group_differs(lang, &at, text, g)),
        _ => Ok(found.to_string()),
    }
}

/// A sheet's rows, the first (the one `sheet_of` took for a header) included.
fn all_rows(sheet: &Sheet) -> impl Iterator<Item = (usize, &Vec<String>)> {
    std::iter::once((sheet.header_row, &sheet.header))
        .filter(|(r, _)| *r > 0)
        .chain(sheet.rows.iter().map(|(r, c)| (*r, c)))
}

/// Whether a header cell is one of `names` (case, width forms and edge spaces ignored).
fn is_one_of(text: &str, names: &[&str]) -> bool {
    let k = header_key(text);
    names.iter().any(|n| k == header_key(n))
}

/// A criterion's header without the maximum a printed sheet adds: “工作实绩（40分）” →
/// “工作实绩”, “Results (40 pts)” → “Results”.
fn without_max(head: &str) -> &str {
    let t = head.trim();
    let Some(open) = t.rfind(['（', '(']) else {
        return t;
    };
    let inside = &t[open..];
    if (inside.ends_with('）') || inside.ends_with(')'))
        && inside
            .chars()
            .any(|c| crate::text::ascii_digit(c).is_ascii_digit())
    {
        t[..open].trim_end()
    } else {
        t
    }
}

/// The text after a label cell “评委：王明” (either colon), or after the label alone: the next
/// cell with text in the row. `None` when the cell is not the label.
fn labelled<'a>(cells: &'a [String], col: usize, labels: &[&str]) -> Option<(&'a str, usize)> {
    let text = cell(cells, col).trim();
    for label in labels {
        let Some(head) = text.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let rest = text[label.len()..].trim_start();
        if rest.is_empty() {
            let next = (col + 1..cells.len()).find(|c| !cell(cells, *c).trim().is_empty());
            return Some(next.map_or(("", col), |c| (cell(cells, c).trim(), c)));
        }
        if let Some(name) = rest.strip_prefix([':', '：']) {
            return Some((name.trim(), col));
        }
    }
    None
}

/// A label (“评委：…” or “组别：…”) in the rows above `before`: (row, column, text after it,
/// the column of the text).
fn find_label<'a>(
    sheet: &'a Sheet,
    before: usize,
    labels: &[&str],
) -> Option<(usize, usize, &'a str, usize)> {
    all_rows(sheet)
        .take_while(|(r, _)| *r < before)
        .find_map(|(r, cells)| {
            (0..cells.len()).find_map(|c| labelled(cells, c, labels).map(|(t, tc)| (r, c, t, tc)))
        })
}

/// Whether a sheet is a printed grades ballot (boxes to tick).
fn is_ballot(sheet: &Sheet) -> bool {
    all_rows(sheet).any(|(_, cells)| cells.iter().any(|c| c.trim() == strings::sheets::BOX))
}

/// A printed sheet's table: its header row, the unit column and each criterion's column.
struct SheetTable {
    header_row: usize,
    unit: usize,
    criteria: Vec<(usize, String)>,
    /// The 合计 column, when the sheet has one.
    total: Option<usize>,
    /// Header cells that are neither 序号, 单位, 合计 nor a criterion.
    unknown: Vec<(usize, String)>,
}

impl SheetTable {
    /// Whether the cell is the sheet's own 合计 formula, never computed (a file podium wrote,
    /// never saved in Excel or WPS): its text is the formula, not a typed total.
    fn unsaved_formula(&self, sheet: &Sheet, row: usize, col: usize) -> bool {
        sheet.unsaved.contains(&(row, col))
    }
}

/// The printed sheet's table on `sheet`: the first row (of the top rows) with a 单位 cell and
/// a criterion's name (with or without its maximum).
fn sheet_table(sheet: &Sheet, criteria: &names::Index) -> Option<SheetTable> {
    all_rows(sheet)
        .take(strings::import::HEADER_SEARCH_ROWS)
        .find_map(|(row, cells)| {
            let unit = cells
                .iter()
                .position(|c| is_one_of(c, cli::COL_UNIT.names))?;
            let mut found = SheetTable {
                header_row: row,
                unit,
                criteria: Vec::new(),
                total: None,
                unknown: Vec::new(),
            };
            for (c, head) in cells.iter().enumerate() {
                if is_one_of(head, strings::sheets::TOTAL_NAMES) && c != unit {
                    found.total.get_or_insert(c);
                    continue;
                }
                if c == unit
                    || head.trim().is_empty()
                    || is_one_of(head, strings::import::ORDER.names)
                {
                    continue;
                }
                match criteria.find(without_max(head)) {
                    Match::One(name) => found.criteria.push((c, name.to_string())),
                    _ => found.unknown.push((c, head.clone())),
                }
            }
            (!found.criteria.is_empty()).then_some(found)
        })
}

/// Reads the printed score sheets (`podium sheets`) typed up in a workbook: each worksheet
/// names its reviewer in the cell “评委：王明” above a table of units × criteria; a blank cell
/// is not scored, 回避 and 合计 are passed over. `None` when no sheet has such a table.
///
/// With ballot groups, an unnamed sheet (“组别：领导”, `podium sheets`) is one new anonymous
/// ballot of its group (or of `group`, `--group`, when its cell is blank): every unit row
/// scored on every criterion or on none; a blank sheet is passed over (and counted in the
/// summary). The ballots' codes are drawn here and forgotten: only their hashes are recorded.
fn score_sheets(
    table: &Table,
    session: &Session,
    lang: Lang,
    group: Option<&str>,
) -> Option<Result<ScoreImport, Vec<String>>> {
    let rules = session.rules();
    let state = session.state();
    let criteria = names::Index::new(rules.criteria.iter().map(|c| c.name.as_str()));
    let found: Vec<(&Sheet, SheetTable)> = table
        .sheets
        .iter()
        .filter_map(|s| sheet_table(s, &criteria).map(|t| (s, t)))
        .collect();
    if found.is_empty() {
        return None;
    }
    let reviewers = names::Index::new(session.plan().reviewers.iter().map(|r| r.name.as_str()));
    let reports = names::Index::new(state.reports().map(|u| u.name.as_str()));
    let others = names::Index::new(
        state
            .units
            .iter()
            .filter(|u| !u.kind.is_report())
            .map(|u| u.name.as_str()),
    );
    let mut errors = Vec::new();
    let mut out = ScoreImport::default();
    let mut read = Vec::new();
    let mut whose: BTreeMap<String, String> = BTreeMap::new();
    let ballot_groups = session.ballot_groups();
    let mut named = None;
    let mut unnamed = None;
    let mut blank = 0;
    for (sheet, t) in &found {
        let ctx = Ctx { table, sheet, lang };
        for (c, head) in &t.unknown {
            errors.push(strings::sheets::unknown_column(
                lang,
                &ctx.at(t.header_row, *c),
                head,
            ));
        }
        let label = find_label(sheet, t.header_row, strings::sheets::REVIEWER_LABELS);
        let Some((lrow, lcol, name, ncol)) = label else {
            match find_label(sheet, t.header_row, strings::sheets::GROUP_LABELS) {
                Some((r, c, text, _)) if ballot_groups.is_empty() => errors.push(
                    strings::sheets::unnamed_without_groups(lang, &ctx.at(r, c), text),
                ),
                Some((r, c, text, tc)) => {
                    unnamed.get_or_insert_with(|| ctx.place());
                    let found = if text.is_empty() {
                        group.map(str::to_string).ok_or_else(|| {
                            strings::sheets::group_needed(lang, &ctx.at(r, c), &ballot_groups)
                        })
                    } else {
                        match ballot_group(&ballot_groups, text) {
                            None => Err(strings::sheets::unknown_ballot_group(
                                lang,
                                &ctx.at(r, tc),
                                text,
                                &ballot_groups,
                            )),
                            Some(g) if group.is_some_and(|given| given != g) => {
                                Err(strings::sheets::group_differs(
                                    lang,
                                    &ctx.at(r, tc),
                                    text,
                                    group.unwrap_or_default(),
                                ))
                            }
                            Some(g) => Ok(g.to_string()),
                        }
                    };
                    match found {
                        Ok(g) => match unnamed_ballot(&ctx, session, t, &g) {
                            Ok(Some(b)) => {
                                read.push(sheet.name.clone().unwrap_or_default());
                                out.ballots.push(b);
                            }
                            Ok(None) => blank += 1,
                            Err(e) => errors.extend(e),
                        },
                        Err(e) => errors.push(e),
                    }
                }
                None => errors.push(strings::sheets::no_reviewer_cell(
                    lang,
                    &ctx.place(),
                    t.header_row,
                )),
            }
            continue;
        };
        named.get_or_insert_with(|| ctx.place());
        if name.is_empty() {
            errors.push(strings::sheets::empty_reviewer(lang, &ctx.at(lrow, lcol)));
            continue;
        }
        let cells = vec![name.to_string(); ncol + 1];
        let reviewer = match ctx.name(&reviewers, "reviewer", lrow, ncol, &cells) {
            Ok(r) if rules.reviewer_order.contains_key(&r) => r,
            Ok(r) => {
                let p = ScoreProblem::UnknownReviewer(r);
                errors.push(format!(
                    "{}: {}",
                    ctx.at(lrow, ncol),
                    strings::score_problem(lang, &p)
                ));
                continue;
            }
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if let Some(first) = whose.insert(reviewer.clone(), ctx.place()) {
            errors.push(strings::sheets::reviewer_twice(
                lang,
                &reviewer,
                &first,
                &ctx.place(),
            ));
            continue;
        }
        read.push(sheet.name.clone().unwrap_or_default());
        let mut seen = std::collections::HashMap::new();
        for (row, cells) in all_rows(sheet).filter(|(r, _)| *r > t.header_row) {
            // 回避 only where the plan recuses this reviewer from the row's unit: anywhere
            // else it would drop a score without a word.
            let recused_here = cell(cells, t.unit).trim().is_empty()
                || ctx
                    .name(&reports, "unit", row, t.unit, cells)
                    .is_ok_and(|u| rules.recused.get(&reviewer).is_some_and(|r| r.contains(&u)));
            for (c, _) in &t.criteria {
                if is_one_of(cell(cells, *c).trim(), strings::sheets::RECUSED_NAMES)
                    && !recused_here
                {
                    errors.push(strings::sheets::not_recused(
                        lang,
                        &ctx.at(row, *c),
                        &reviewer,
                    ));
                }
            }
            let values: Vec<&(usize, String)> = t
                .criteria
                .iter()
                .filter(|(c, _)| {
                    let v = cell(cells, *c).trim();
                    !v.is_empty() && !is_one_of(v, strings::sheets::RECUSED_NAMES)
                })
                .collect();
            if values.is_empty() {
                // A 合计 typed without the criteria it sums: nothing could be imported from it.
                if let Some(c) = t.total {
                    let v = cell(cells, c).trim();
                    let zero = scoring::parse_value(v) == Some(0);
                    if !v.is_empty() && !zero && !t.unsaved_formula(sheet, row, c) {
                        errors.push(strings::sheets::total_only(lang, &ctx.at(row, c)));
                    }
                }
                continue;
            }
            let unit = match ctx.name(&reports, "unit", row, t.unit, cells) {
                Ok(name) if state.unit(&name).is_none() => {
                    ctx.name(&others, "unit", row, t.unit, cells)
                }
                found => found,
            };
            let unit = match unit {
                Ok(u) => u,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for (col, criterion) in values {
                if let Some(e) = ctx.date(row, *col, cli::A_SCORE) {
                    errors.push(e);
                    continue;
                }
                let text = cell(cells, *col);
                let Some(value) = scoring::parse_value(text) else {
                    let p = ScoreProblem::NotANumber(text.to_string());
                    errors.push(format!(
                        "{}: {}",
                        ctx.at(row, *col),
                        strings::score_problem(lang, &p)
                    ));
                    continue;
                };
                match scoring::check_score(rules, state, &unit, &reviewer, criterion, value) {
                    Ok(ci) => {
                        if let Some(first) = seen.insert((unit.clone(), ci), row) {
                            errors.push(format!(
                                "{}: {}",
                                ctx.at(row, t.unit),
                                cli::repeated_row(lang, first)
                            ));
                            continue;
                        }
                        match state.scores.value(&unit, &reviewer, ci) {
                            None => out.new += 1,
                            Some(p) if p == value => out.unchanged += 1,
                            Some(_) => out.changed += 1,
                        }
                        out.scores.push(ScoreEntry {
                            unit: unit.clone(),
                            reviewer: reviewer.clone(),
                            criterion: criterion.clone(),
                            value,
                        });
                    }
                    Err(p) => {
                        let at = match p {
                            ScoreProblem::UnknownUnit(_) | ScoreProblem::NotAReport(_) => {
                                ctx.at(row, t.unit)
                            }
                            _ => ctx.at(row, *col),
                        };
                        errors.push(format!("{at}: {}", strings::score_problem(lang, &p)));
                    }
                }
            }
        }
    }
    // One import is one command: reviewers' scores or new ballots, never both.
    if let (Some(a), Some(b)) = (&named, &unnamed) {
        errors.push(strings::sheets::mixed_sheets(lang, a, b));
    }
    if out.scores.is_empty() && out.ballots.is_empty() && errors.is_empty() {
        errors.push(cli::no_score_rows(lang, &table.name));
    }
    if !out.ballots.is_empty() && errors.is_empty() {
        match crate::commands::ballots::draw(out.ballots.len()) {
            Ok((salt, codes)) => {
                for (b, code) in out.ballots.iter_mut().zip(&codes) {
                    b.hash = Some(crate::session::ballots::hash(&salt, code));
                }
                out.salt = salt;
            }
            Err(e) => errors.push(e),
        }
        out.new = out.ballots.iter().map(|b| b.scores.len()).sum();
    }
    out.sheet = Some(if out.ballots.is_empty() {
        strings::sheets::sheet_list(lang, &read)
    } else {
        strings::sheets::ballots_read(lang, out.ballots.len(), blank)
    });
    Some(if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    })
}

/// One unnamed sheet as a new ballot of `group`: each unit row scored on every criterion (a
/// row left blank is not scored); `None` for a blank sheet.
fn unnamed_ballot(
    ctx: &Ctx,
    session: &Session,
    t: &SheetTable,
    group: &str,
) -> Result<Option<crate::session::RecordedBallot>, Vec<String>> {
    use crate::session::{BallotScore, RecordedBallot};
    let (lang, sheet) = (ctx.lang, ctx.sheet);
    let rules = session.rules();
    let state = session.state();
    let reports = names::Index::new(state.reports().map(|u| u.name.as_str()));
    let mut errors = Vec::new();
    let mut scores = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (row, cells) in all_rows(sheet).filter(|(r, _)| *r > t.header_row) {
        let filled = t
            .criteria
            .iter()
            .any(|(c, _)| !cell(cells, *c).trim().is_empty());
        if !filled {
            if let Some(c) = t.total {
                let v = cell(cells, c).trim();
                let zero = scoring::parse_value(v) == Some(0);
                if !v.is_empty() && !zero && !t.unsaved_formula(sheet, row, c) {
                    errors.push(strings::sheets::total_only(lang, &ctx.at(row, c)));
                }
            }
            continue;
        }
        let unit = match ctx.name(&reports, "unit", row, t.unit, cells) {
            Ok(u) => u,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let problem = match state.unit(&unit) {
            None => Some(ScoreProblem::UnknownUnit(unit.clone())),
            Some(u) if !u.kind.is_report() => Some(ScoreProblem::NotAReport(unit.clone())),
            Some(_) => None,
        };
        if let Some(p) = problem {
            let at = ctx.at(row, t.unit);
            errors.push(format!("{at}: {}", strings::score_problem(lang, &p)));
            continue;
        }
        if let Some(first) = seen.insert(unit.clone(), row) {
            errors.push(format!(
                "{}: {}",
                ctx.at(row, t.unit),
                cli::repeated_row(lang, first)
            ));
            continue;
        }
        for (col, criterion) in &t.criteria {
            if cell(cells, *col).trim().is_empty() {
                errors.push(strings::sheets::row_incomplete(
                    lang,
                    &ctx.at(row, *col),
                    criterion,
                ));
                continue;
            }
            if let Some(e) = ctx.date(row, *col, cli::A_SCORE) {
                errors.push(e);
                continue;
            }
            let text = cell(cells, *col);
            let checked = scoring::parse_value(text)
                .ok_or_else(|| ScoreProblem::NotANumber(text.to_string()))
                .and_then(|v| {
                    let c = rules
                        .criterion(criterion)
                        .ok_or_else(|| ScoreProblem::UnknownCriterion(criterion.clone()))?;
                    scoring::check_value(rules, c, v).map(|()| v)
                });
            match checked {
                Ok(value) => scores.push(BallotScore {
                    unit: unit.clone(),
                    criterion: criterion.clone(),
                    value,
                }),
                Err(p) => errors.push(format!(
                    "{}: {}",
                    ctx.at(row, *col),
                    strings::score_problem(lang, &p)
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((!scores.is_empty()).then(|| RecordedBallot {
        group: group.to_string(),
        serial: None,
        hash: None,
        grades: Vec::new(),
        scores,
    }))
}

/// A plan from a unit list (序号, 单位, 汇报人, 职务, 时长 or order, unit, presenter, role, minutes),
/// its errors in English: `office::plan` reads the whole workbook, in the user's language.
pub fn plan_from_units(table: &Table, title: &str) -> Result<Plan, Vec<String>> {
    units_plan(table, title).map(|(plan, _)| plan)
}

/// A plan from a unit list, with the workbook's sheet it was read from (`None` for a CSV).
pub fn units_plan(table: &Table, title: &str) -> Result<(Plan, Option<String>), Vec<String>> {
    office::plan(table, office::Extra::default(), title, Lang::En).map(|i| (i.plan, i.sheet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_detected_and_said() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("单位,评委\n市财政局,市领导A\n");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, "GB18030");
        assert!(text.contains("市财政局"));
        let (text, enc) = decode("\u{feff}单位".as_bytes()).unwrap();
        assert_eq!((text.as_str(), enc), ("单位", "UTF-8"));
    }

    #[test]
    fn a_printed_sheets_header_and_label() {
        assert_eq!(without_max("工作实绩（40分）"), "工作实绩");
        assert_eq!(without_max("Results (7.5 pts)"), "Results");
        assert_eq!(without_max("工作实绩（４０分）"), "工作实绩");
        assert_eq!(without_max("创新（举措）"), "创新（举措）");
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let labels = strings::sheets::REVIEWER_LABELS;
        assert_eq!(
            labelled(&row(&["评委：王明"]), 0, labels),
            Some(("王明", 0))
        );
        assert_eq!(
            labelled(&row(&["评委: 王明"]), 0, labels),
            Some(("王明", 0))
        );
        assert_eq!(
            labelled(&row(&["Reviewer: Li"]), 0, labels),
            Some(("Li", 0))
        );
        assert_eq!(
            labelled(&row(&["评委", "", "王明"]), 0, labels),
            Some(("王明", 2))
        );
        assert_eq!(labelled(&row(&["评委签名：___"]), 0, labels), None);
        assert_eq!(labelled(&row(&["单位"]), 0, labels), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(3), "D");
        assert_eq!(letter(26), "AA");
    }
}
