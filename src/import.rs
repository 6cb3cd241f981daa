//! Reading the office's tables: CSV (UTF-8 with or without a BOM, or GB18030/GBK as Excel and
//! WPS save on Chinese Windows — detected, and said) and XLSX. Then unit lists become plans,
//! and score sheets become commands, every row checked before anything is written.

use crate::plan::{Plan, UnitPlan};
use crate::scoring::{self, ScoreProblem};
use crate::session::{GradeEntry, ScoreEntry, Session};
use crate::strings::{self, Lang};
use std::path::Path;

/// A table read from a file: its header row and data rows, with the encoding it was read in.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub encoding: &'static str,
    pub header: Vec<String>,
    /// Data rows with their 1-based row numbers in the file (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Decodes CSV bytes: UTF-8 (a BOM is dropped), else GB18030 when it decodes cleanly.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(
            "neither UTF-8 nor GB18030/GBK text; save it from Excel or WPS as CSV (UTF-8)".into(),
        );
    }
    Ok((text.into_owned(), "GB18030"))
}

fn parse_csv(name: &str, text: &str, encoding: &'static str) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut all = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{name}:{}: {e}", i + 1))?;
        all.push((
            i + 1,
            record
                .iter()
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>(),
        ));
    }
    split_header(name, encoding, all)
}

fn split_header(
    name: &str,
    encoding: &'static str,
    all: Vec<(usize, Vec<String>)>,
) -> Result<Table, String> {
    let mut rows = all
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err(format!("{name}: the file is empty"));
    };
    Ok(Table {
        name: name.to_string(),
        encoding,
        header,
        rows: rows.collect(),
    })
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Reads a CSV or XLSX file (by its extension) into a table.
pub fn read_table(path: &Path) -> Result<Table, String> {
    let name = path.display().to_string();
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
            .spawn(move || read_workbook(&owned, &name2, &ext))
            .map_err(|e| format!("{name}: {e}"))?
            .join();
        return read.unwrap_or_else(|_| {
            Err(format!(
                "{name}: the workbook is damaged and cannot be read"
            ))
        });
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let (text, encoding) = decode(&bytes).map_err(|e| format!("{name}: {e}"))?;
    parse_csv(&name, &text, encoding)
}

/// The name of the threads that read untrusted workbooks; a panic there is a damaged file,
/// reported as an error, so the panic hooks stay silent for them.
pub const GUARD_THREAD: &str = "podium-guard";

/// The largest column a podium table may use (far more than any unit list or score sheet).
const MAX_COLUMNS: u32 = 256;
/// Excel's own limit on rows.
const MAX_ROWS: u32 = 1_048_576;

fn read_workbook(path: &Path, name: &str, ext: &str) -> Result<Table, String> {
    use calamine::Reader;
    if ext == "xls" {
        let mut book = calamine::open_workbook_auto(path).map_err(|e| format!("{name}: {e}"))?;
        let sheet = book
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| format!("{name}: the workbook has no sheet"))?;
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| format!("{name}: {e}"))?;
        let start_row = range.start().map_or(0, |(r, _)| r as usize);
        let all = range
            .rows()
            .enumerate()
            .map(|(i, row)| (start_row + i + 1, row.iter().map(cell_text).collect()))
            .collect();
        return split_header(name, "XLS", all);
    }
    check_shared_strings(path).map_err(|e| format!("{name}: {e}"))?;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e| format!("{name}: {e}"))?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| format!("{name}: the workbook has no sheet"))?;
    // Cell by cell, never as a dense range: one stray cell at XFD1048576 must not make the
    // reader fill in every cell between A1 and it.
    let mut cells = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| format!("{name}: {e}"))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    while let Some(cell) = cells.next_cell().map_err(|e| format!("{name}: {e}"))? {
        let (row, col) = cell.get_position();
        let text = cell_text(&cell.get_value().clone().into());
        if text.is_empty() {
            continue;
        }
        if col >= MAX_COLUMNS || row >= MAX_ROWS {
            return Err(format!(
                "{name}: a cell at row {}, column {} is outside a podium table (at most {MAX_COLUMNS} columns)",
                row as u64 + 1,
                letter(col as usize)
            ));
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
                line[c as usize] = text;
            }
            (row as usize + 1, line)
        })
        .collect();
    split_header(name, "XLSX", all)
}

/// Refuses a workbook whose shared-string table claims more strings than it can hold: the
/// reader would reserve room for all of them at once.
fn check_shared_strings(path: &Path) -> Result<(), String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| format!("not an XLSX workbook ({e})"))?;
    let Ok(entry) = zip.by_name("xl/sharedStrings.xml") else {
        return Ok(());
    };
    let mut head = Vec::new();
    entry
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| format!("the workbook is damaged ({e})"))?;
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
                return Err(format!(
                    "the workbook is damaged (it claims {digits} shared strings)"
                ));
            }
        }
    }
    Ok(())
}

impl Table {
    /// The index of the column named by one of `names` (case and spaces ignored).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| {
            let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
            names.iter().any(|n| h == n.to_lowercase())
        })
    }

    fn require(&self, names: &[&str]) -> Result<usize, String> {
        self.column(names).ok_or_else(|| {
            format!(
                "{}: no column \"{}\" in the header row ({})",
                self.name,
                names.join("\" or \""),
                self.header.join(", ")
            )
        })
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

fn at(table: &Table, row: usize, col: usize) -> String {
    format!("{}:{row}:{}", table.name, letter(col))
}

/// What a score import would do.
#[derive(Debug, Default, PartialEq)]
pub struct ScoreImport {
    pub scores: Vec<ScoreEntry>,
    pub grades: Vec<GradeEntry>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl ScoreImport {
    /// The one command that carries the import out (one action: one undo).
    pub fn command(&self) -> crate::session::Command {
        use crate::session::Command;
        if self.grades.is_empty() {
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
        self.new + self.changed > 0
    }

    /// "scores.csv (UTF-8): 156 rows — 156 new, 0 changed, 0 unchanged".
    pub fn summary(&self, table: &Table, lang: Lang) -> String {
        let rows = self.scores.len() + self.grades.len();
        let name = Path::new(&table.name)
            .file_name()
            .map_or_else(|| table.name.clone(), |n| n.to_string_lossy().into_owned());
        let enc = table.encoding;
        let (new, changed, unchanged) = (self.new, self.changed, self.unchanged);
        match lang {
            Lang::Zh => {
                format!("{name}（{enc}）：{rows} 行 — 新增 {new}，修改 {changed}，未变 {unchanged}")
            }
            Lang::En => format!(
                "{name} ({enc}): {rows} rows — {new} new, {changed} changed, {unchanged} unchanged"
            ),
        }
    }
}

/// Reads score rows (`unit, reviewer, criterion, score` or, for grades, `unit, grade,
/// count`), checking every row against the session. All errors, one per line, or the import.
pub fn scores(table: &Table, session: &Session, lang: Lang) -> Result<ScoreImport, Vec<String>> {
    let rules = session.rules();
    let state = session.state();
    let mut errors = Vec::new();
    let mut out = ScoreImport::default();
    match rules.mode {
        crate::plan::ScoringMode::Points => {
            let cols = [
                table.require(&["unit", "单位"]),
                table.require(&["reviewer", "评委"]),
                table.require(&["criterion", "指标"]),
                table.require(&["score", "得分"]),
            ];
            let missing: Vec<String> = cols.iter().filter_map(|c| c.clone().err()).collect();
            if !missing.is_empty() {
                return Err(missing);
            }
            let [u, r, c, v] = cols.map(|c| c.unwrap_or(0));
            let mut seen = std::collections::HashMap::new();
            for (row, cells) in &table.rows {
                let value_text = cell(cells, v);
                let Some(value) = scoring::parse_value(value_text) else {
                    let p = ScoreProblem::NotANumber(value_text.to_string());
                    errors.push(format!(
                        "{}: {}",
                        at(table, *row, v),
                        strings::score_problem(lang, &p)
                    ));
                    continue;
                };
                let (unit, reviewer, criterion) = (cell(cells, u), cell(cells, r), cell(cells, c));
                match scoring::check_score(rules, state, unit, reviewer, criterion, value) {
                    Ok(ci) => {
                        let previous = state.scores.value(unit, reviewer, ci);
                        let key = (unit.to_string(), reviewer.to_string(), ci);
                        if let Some(first) = seen.insert(key, *row) {
                            errors.push(format!(
                                "{}: {}",
                                at(table, *row, c),
                                match lang {
                                    Lang::Zh =>
                                        format!("与第 {first} 行重复（同一单位、评委和指标）"),
                                    Lang::En => format!(
                                        "repeats row {first} (same unit, reviewer and criterion)"
                                    ),
                                }
                            ));
                            continue;
                        }
                        match previous {
                            None => out.new += 1,
                            Some(p) if p == value => out.unchanged += 1,
                            Some(_) => out.changed += 1,
                        }
                        out.scores.push(ScoreEntry {
                            unit: unit.to_string(),
                            reviewer: reviewer.to_string(),
                            criterion: criterion.to_string(),
                            value,
                        });
                    }
                    Err(p) => {
                        let col = match p {
                            ScoreProblem::UnknownUnit(_) => u,
                            ScoreProblem::UnknownReviewer(_) | ScoreProblem::Recused { .. } => r,
                            ScoreProblem::UnknownCriterion(_) => c,
                            _ => v,
                        };
                        errors.push(format!(
                            "{}: {}",
                            at(table, *row, col),
                            strings::score_problem(lang, &p)
                        ));
                    }
                }
            }
        }
        crate::plan::ScoringMode::Grades => {
            let cols = [
                table.require(&["unit", "单位"]),
                table.require(&["grade", "等次"]),
                table.require(&["count", "票数"]),
            ];
            let missing: Vec<String> = cols.iter().filter_map(|c| c.clone().err()).collect();
            if !missing.is_empty() {
                return Err(missing);
            }
            let [u, g, n] = cols.map(|c| c.unwrap_or(0));
            for (row, cells) in &table.rows {
                let (unit, grade, count) = (cell(cells, u), cell(cells, g), cell(cells, n));
                let parsed = scoring::parse_count(count);
                let problem = if state.unit(unit).is_none() {
                    Some((u, ScoreProblem::UnknownUnit(unit.into())))
                } else if rules.grade(grade).is_none() {
                    Some((g, ScoreProblem::UnknownGrade(grade.into())))
                } else if parsed.is_none() {
                    Some((n, ScoreProblem::BadCount(count.into())))
                } else {
                    None
                };
                match (problem, parsed) {
                    (Some((col, p)), _) => errors.push(format!(
                        "{}: {}",
                        at(table, *row, col),
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
                            unit: unit.into(),
                            grade: grade.into(),
                            count,
                        });
                    }
                }
            }
        }
    }
    if out.scores.is_empty() && out.grades.is_empty() && errors.is_empty() {
        errors.push(format!("{}: no score rows", table.name));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A plan from a unit list (序号, 单位, 汇报人, 职务, 时长 or order, unit, presenter, role, minutes).
pub fn plan_from_units(table: &Table, title: &str) -> Result<Plan, Vec<String>> {
    let unit = table
        .require(&["unit", "单位", "name", "单位名称"])
        .map_err(|e| vec![e])?;
    let order = table.column(&["order", "序号", "no", "#"]);
    let presenter = table.column(&["presenter", "汇报人"]);
    let role = table.column(&["role", "职务"]);
    let minutes = table.column(&["minutes", "时长", "时长（分钟）", "时长(分钟)"]);
    let mut errors = Vec::new();
    let mut units: Vec<(f64, usize, UnitPlan)> = Vec::new();
    let text = |cells: &[String], col: Option<usize>| {
        col.map(|c| cell(cells, c).to_string())
            .filter(|s| !s.is_empty())
    };
    for (i, (row, cells)) in table.rows.iter().enumerate() {
        let name = cell(cells, unit).to_string();
        if name.is_empty() {
            errors.push(format!("{}: the unit name is empty", at(table, *row, unit)));
            continue;
        }
        let sort = match order.map(|c| cell(cells, c)).filter(|s| !s.is_empty()) {
            None => i as f64,
            Some(t) => match t.parse::<f64>() {
                Ok(v) => v,
                Err(_) => {
                    errors.push(format!(
                        "{}: the order \"{t}\" is not a number",
                        at(table, *row, order.unwrap_or(0))
                    ));
                    continue;
                }
            },
        };
        let mins = match minutes.map(|c| cell(cells, c)).filter(|s| !s.is_empty()) {
            None => None,
            Some(t) => match scoring::parse_value(t) {
                Some(v) => Some(v as f64 / scoring::ONE as f64),
                None => {
                    errors.push(format!(
                        "{}: the minutes \"{t}\" are not a number",
                        at(table, *row, minutes.unwrap_or(0))
                    ));
                    continue;
                }
            },
        };
        units.push((
            sort,
            i,
            UnitPlan {
                name,
                presenter: text(cells, presenter),
                role: text(cells, role),
                minutes: mins,
                topic: None,
            },
        ));
    }
    units.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let plan = Plan {
        version: None,
        title: title.to_string(),
        date: None,
        start: None,
        venue: None,
        host: None,
        talk_minutes: None,
        warn_seconds: None,
        units: units.into_iter().map(|u| u.2).collect(),
        reviewers: Vec::new(),
        scoring: None,
    };
    for f in plan.validate().iter().filter(|f| !f.warning) {
        errors.push(strings::finding(Lang::En, &table.name, None, f));
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
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
    fn column_letters() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(3), "D");
        assert_eq!(letter(26), "AA");
    }
}
