//! An office's task list (责任分解表) read into the task ledger's import: the header found
//! under a title row (the names offices write: 序号, 重点任务, 牵头单位, 责任单位, 配合单位,
//! 牵头市领导, 完成时限, 状态, 进展…), categories merged down their rows, every row checked —
//! errors name the file, the sheet, the row and the column — and deadlines read against the
//! meeting's date. Pure: what the rows become is `Command::ImportTasks`, which the session
//! decides as one action.

use super::office::is_field;
use super::{Sheet, Table, cell, letter};
use crate::deadline::{self, Deadline};
use crate::session::event::{Event, EventKind};
use crate::session::{Command, ImportedTask, Session, TaskFields};
use crate::strings::cli::Column;
use crate::strings::import::HEADER_SEARCH_ROWS;
use crate::strings::taskimport as s;
use crate::strings::{Lang, tasks::STATUS_WORDS};
use crate::task::Status;
use crate::text::clean_line;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Every column read, in the order they are looked for.
const FIELDS: [&Column; 13] = [
    &s::NO,
    &s::TEXT,
    &s::LIST,
    &s::OWNER,
    &s::LEAD,
    &s::PARTNERS,
    &s::LEADER,
    &s::DUE,
    &s::STATUS,
    &s::PROGRESS,
    &s::DUE_TEXT,
    &s::LEDGER_ID,
    &s::ASSIGNER,
];

/// The most characters a cell of a task list may hold (a task's text, its progress, a name):
/// ten pages of text.
pub const MAX_CELL_CHARS: usize = 20_000;

/// Where a row of the import is: its sheet (for a workbook) and its 1-based row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowAt {
    pub sheet: Option<String>,
    pub row: usize,
}

/// A task list read and checked, ready to be decided against a session.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaskImport {
    /// One imported task per row, in the file's order.
    pub tasks: Vec<ImportedTask>,
    /// Where each task's row is.
    pub rows: Vec<RowAt>,
    /// The sheets read (none for a CSV file).
    pub sheets: Vec<String>,
    /// Deadlines kept as written, unused columns, rows skipped: one sentence each.
    pub warnings: Vec<String>,
}

/// The columns of one sheet's header.
#[derive(Default)]
struct Cols {
    no: Option<usize>,
    text: usize,
    list: Option<usize>,
    owner: Option<usize>,
    lead: Option<usize>,
    partners: Option<usize>,
    leader: Option<usize>,
    due: Option<usize>,
    status: Option<usize>,
    progress: Option<usize>,
    due_text: Option<usize>,
    id: Option<usize>,
    assigner: Option<usize>,
}

/// A cell's text as the office meant it: a text that would start like a formula, which
/// podium's own sheets write with a leading `'`, without it.
fn text_cell(cells: &[String], col: usize) -> &str {
    crate::report::tables::sheet_unquote(cell(cells, col))
}

/// The progress in a 进展 cell: one entry, or, when every line begins with a date
/// (`2026-07-10 …`, as podium's own 交办 sheet writes its progress, newest first), one entry
/// per line without its date, oldest first.
fn progress_entries(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let dated = |l: &str| {
        l.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .and_then(|_| l.get(10..))
            .filter(|rest| rest.starts_with(' '))
            .map(|rest| rest.trim().to_string())
    };
    match lines
        .iter()
        .map(|l| dated(l))
        .collect::<Option<Vec<String>>>()
    {
        Some(entries) if !entries.is_empty() => entries
            .into_iter()
            .rev()
            .filter(|e| !e.is_empty())
            .collect(),
        _ if text.trim().is_empty() => Vec::new(),
        _ => vec![text.trim().to_string()],
    }
}

/// Text of one line: whitespace runs (line breaks too) made one space, control characters
/// dropped.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn some(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Rows of a sheet with their 1-based row numbers.
type Rows = Vec<(usize, Vec<String>)>;

/// The header row of `sheet` among its first rows: the first with a 事项 column, and the rows
/// below it.
fn find_header(sheet: &Sheet) -> Option<(usize, Vec<String>, Rows)> {
    let first = std::iter::once((sheet.header_row, &sheet.header))
        .chain(sheet.rows.iter().map(|(r, c)| (*r, c)))
        .take(HEADER_SEARCH_ROWS);
    for (k, (row, cells)) in first.enumerate() {
        if cells.iter().any(|c| is_field(c, &s::TEXT)) {
            let rows = sheet.rows.get(k..).unwrap_or_default().to_vec();
            return Some((row, cells.clone(), rows));
        }
    }
    None
}

/// `file.xlsx[sheet]`, or the CSV file's name.
fn place(table: &Table, sheet: &Sheet) -> String {
    match &sheet.name {
        Some(n) => format!("{}[{}]", table.name, clean_line(n)),
        None => table.name.clone(),
    }
}

/// Reads every sheet of `table` that holds a task list (a header with a 事项 column in its
/// first rows). With several such sheets and no 清单 column, each sheet's name is its list.
/// Deadlines are read against `meeting`. All errors, one per line, or the import.
pub fn read(table: &Table, meeting: NaiveDate, lang: Lang) -> Result<TaskImport, Vec<String>> {
    let found: Vec<(&Sheet, _)> = table
        .sheets
        .iter()
        .filter_map(|sh| find_header(sh).map(|f| (sh, f)))
        .collect();
    if found.is_empty() {
        let heads: Vec<String> = table
            .sheets
            .iter()
            .filter(|s| !s.header.is_empty())
            .map(|sh| {
                // The cells as the terminal may show them (no escapes or bidi controls).
                let mut head: Vec<String> =
                    sh.header.iter().take(8).map(|c| clean_line(c)).collect();
                if sh.header.len() > 8 {
                    head.push("…".to_string());
                }
                let head: Vec<&str> = head.iter().map(String::as_str).collect();
                let name = clean_line(sh.name.as_deref().unwrap_or_default());
                crate::strings::cli::sheet_head(lang, &name, &head)
            })
            .collect();
        return Err(vec![s::no_task_sheet(
            lang,
            &table.name,
            HEADER_SEARCH_ROWS,
            &heads,
        )]);
    }
    let several = found.len() > 1;
    let mut out = TaskImport::default();
    let mut errors = Vec::new();
    // list + 序号 → where it was first seen.
    let mut seen: HashMap<(Option<String>, String), String> = HashMap::new();
    for (sheet, (header_row, header, rows)) in found {
        let place = place(table, sheet);
        let at = |row: usize, col: usize| format!("{place}:{row}:{}", letter(col));
        let cols = match columns(&place, &header, lang) {
            Ok(c) => c,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        let Some(no_col) = cols.no else {
            let header: Vec<String> = header.iter().map(|c| clean_line(c)).collect();
            errors.push(s::no_number_column(lang, &place, &header));
            continue;
        };
        if let Some(name) = &sheet.name {
            out.sheets.push(name.clone());
        }
        let rows = spread_merged(sheet, header_row, rows, &cols);
        let mut any = false;
        // A list (类别) written once over its rows: an empty cell continues the list above
        // (a merged cell as a CSV file keeps it: in its first row only).
        let mut list_above: Option<String> = None;
        for (row, cells) in rows {
            let filled: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            if filled.is_empty() {
                continue;
            }
            if let [one] = filled.as_slice()
                && s::NOTE_STARTS.iter().any(|n| one.starts_with(n))
            {
                out.warnings.push(s::at(
                    lang,
                    &format!("{place}:{row}"),
                    &s::skipped_note(lang),
                ));
                continue;
            }
            // The header written again (sheets pasted one under another, a printout's
            // repeated title rows): its 序号 and 事项 cells are header names, not a task.
            if is_field(cell(&cells, cols.text), &s::TEXT) && is_field(cell(&cells, no_col), &s::NO)
            {
                out.warnings.push(s::at(
                    lang,
                    &format!("{place}:{row}"),
                    &s::skipped_header(lang),
                ));
                continue;
            }
            any = true;
            let text = text_cell(&cells, cols.text).trim().to_string();
            if text.is_empty() {
                errors.push(s::at(lang, &at(row, cols.text), &s::no_text(lang)));
            }
            // No cell longer than a task may be (a pasted document would make every
            // keystroke of the task's edit in the console rewrite megabytes).
            for (c, cell_text) in cells.iter().enumerate() {
                let chars = cell_text.chars().count();
                if chars > MAX_CELL_CHARS {
                    errors.push(s::at(
                        lang,
                        &at(row, c),
                        &s::cell_too_long(lang, chars, MAX_CELL_CHARS),
                    ));
                }
            }
            let no = one_line(cell(&cells, no_col));
            if no.is_empty() {
                errors.push(s::at(lang, &at(row, no_col), &s::no_number(lang)));
            }
            let mut list = cols
                .list
                .map(|c| one_line(text_cell(&cells, c)))
                .and_then(some);
            // (podium's own sheet, with its 台账编号, writes every list out: a task of no
            // list has none.)
            if list.is_some() {
                list_above.clone_from(&list);
            } else if cols.id.is_none() {
                list.clone_from(&list_above);
            }
            if list.is_none() && several {
                list = sheet.name.clone();
            }
            if !no.is_empty() {
                let here = format!("{place}:{row}");
                match seen.get(&(list.clone(), no.clone())) {
                    Some(first) => errors.push(s::at(
                        lang,
                        &at(row, no_col),
                        &s::duplicate_no(lang, &no, list.as_deref(), first),
                    )),
                    None => {
                        seen.insert((list.clone(), no.clone()), here);
                    }
                }
            }
            let get = |c: Option<usize>| c.map(|c| one_line(text_cell(&cells, c))).and_then(some);
            let mut partners = Vec::new();
            let owner = match cols.lead {
                Some(_) => {
                    if let Some(o) = get(cols.owner) {
                        partners.push(o);
                    }
                    get(cols.lead)
                }
                None => get(cols.owner),
            };
            if let Some(p) = get(cols.partners) {
                partners.push(p);
            }
            let mut split: Vec<String> = Vec::new();
            for p in partners
                .iter()
                .flat_map(|p| crate::session::ledger::split_partners(p))
            {
                if !split.contains(&p) {
                    split.push(p);
                }
            }
            let (mut due, mut due_text) = match cols.due {
                Some(c) => match read_due(sheet, row, c, cell(&cells, c), meeting) {
                    Ok(d) => d,
                    Err(written) => {
                        out.warnings.push(s::at(
                            lang,
                            &at(row, c),
                            &s::unread_deadline(lang, &written),
                        ));
                        (None, Some(written))
                    }
                },
                None => (None, None),
            };
            // The deadline as written, beside a column of dates.
            if let Some(written) = get(cols.due_text) {
                if due.is_none()
                    && let Some(Deadline::On(day)) = deadline::read(&written, meeting)
                {
                    due = Some(day);
                }
                due_text = Some(written);
            }
            let mut progress = Vec::new();
            let mut status = None;
            if let Some(c) = cols.status {
                let word = cell(&cells, c).trim();
                if !word.is_empty() {
                    match Status::read(word) {
                        Some((st, behind)) => {
                            status = Some(st);
                            if behind {
                                progress.push(one_line(word));
                            }
                        }
                        None => {
                            let accepted: Vec<&str> =
                                STATUS_WORDS.iter().map(|(w, _, _)| *w).collect();
                            errors.push(s::at(
                                lang,
                                &at(row, c),
                                &s::unknown_status(lang, &clean_line(word), &accepted),
                            ));
                        }
                    }
                }
            }
            if let Some(c) = cols.progress {
                progress.extend(progress_entries(text_cell(&cells, c)));
            }
            out.tasks.push(ImportedTask {
                id: cols
                    .id
                    .and_then(|c| cell(&cells, c).trim().parse::<u64>().ok()),
                task: TaskFields {
                    no: some(no),
                    text,
                    list,
                    owner,
                    partners: split,
                    leader: get(cols.leader),
                    due,
                    due_text,
                    assigned_by: get(cols.assigner),
                },
                status,
                progress,
            });
            out.rows.push(RowAt {
                sheet: sheet.name.clone(),
                row,
            });
        }
        if !any {
            errors.push(s::no_rows(lang, &place));
        }
        let used: Vec<usize> = [
            cols.no,
            Some(cols.text),
            cols.list,
            cols.owner,
            cols.lead,
            cols.partners,
            cols.leader,
            cols.due,
            cols.status,
            cols.progress,
            cols.due_text,
            cols.id,
            cols.assigner,
        ]
        .into_iter()
        .flatten()
        .collect();
        let unused: Vec<String> = header
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.trim().is_empty() && !used.contains(i))
            // podium's own sheet (with its 台账编号): the columns the ledger derives.
            .filter(|(_, h)| {
                cols.id.is_none()
                    || !s::DERIVED
                        .iter()
                        .any(|d| one_line(h).eq_ignore_ascii_case(d))
            })
            .map(|(i, h)| s::column_named(lang, &letter(i), &one_line(h)))
            .collect();
        if !unused.is_empty() {
            out.warnings.push(s::unused_columns(lang, &place, &unused));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The header's columns; two columns that mean one field are an error naming both.
fn columns(place: &str, header: &[String], lang: Lang) -> Result<Cols, Vec<String>> {
    let mut errors = Vec::new();
    let mut found: Vec<Option<usize>> = Vec::new();
    for field in FIELDS {
        let cols: Vec<usize> = (0..header.len())
            .filter(|&c| is_field(cell(header, c), field))
            .collect();
        if let [a, b, ..] = cols.as_slice() {
            let (la, lb) = (letter(*a), letter(*b));
            errors.push(crate::strings::cli::two_columns(
                lang,
                place,
                (&la, &clean_line(cell(header, *a))),
                (&lb, &clean_line(cell(header, *b))),
                field,
            ));
        }
        found.push(cols.first().copied());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Cols {
        no: found[0],
        text: found[1].unwrap_or(0),
        list: found[2],
        owner: found[3],
        lead: found[4],
        partners: found[5],
        leader: found[6],
        due: found[7],
        status: found[8],
        progress: found[9],
        due_text: found[10],
        id: found[11],
        assigner: found[12],
    })
}

/// The rows below the header, a category merged down its rows (one column wide) read into
/// each of them; other merged columns too, except the 事项 and 序号 columns.
fn spread_merged(sheet: &Sheet, header_row: usize, mut rows: Rows, cols: &Cols) -> Rows {
    for &((r0, c0), (r1, c1)) in &sheet.merged {
        if c0 != c1 || r1 <= r0 || r0 <= header_row || c0 == cols.text || Some(c0) == cols.no {
            continue;
        }
        let Some(text) = rows
            .iter()
            .find(|(r, _)| *r == r0)
            .map(|(_, c)| cell(c, c0).to_string())
            .filter(|t| !t.trim().is_empty())
        else {
            continue;
        };
        for (_, cells) in rows.iter_mut().filter(|(r, _)| (r0 + 1..=r1).contains(r)) {
            if cells.len() <= c0 {
                cells.resize(c0 + 1, String::new());
            }
            if cells[c0].trim().is_empty() {
                cells[c0] = text.clone();
            }
        }
    }
    rows
}

/// A due date and the deadline as written.
type Due = (Option<NaiveDate>, Option<String>);

/// A deadline cell: an Excel date is due that day, written out as `2026-06-30`; a text is
/// read against the meeting's date (`长期坚持`: no due date). `Err(text)`: a text that is no
/// deadline podium can read (kept as written, said).
fn read_due(
    sheet: &Sheet,
    row: usize,
    col: usize,
    text: &str,
    meeting: NaiveDate,
) -> Result<Due, String> {
    let written = text.trim();
    if written.is_empty() {
        return Ok((None, None));
    }
    if let Some((shown, false)) = sheet.dates.get(&(row, col))
        && let Some(day) = shown
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Ok((Some(day), Some(day.format("%Y-%m-%d").to_string())));
    }
    let written = one_line(written);
    match deadline::read(&written, meeting) {
        Some(Deadline::On(day)) => Ok((Some(day), Some(written))),
        Some(Deadline::Ongoing) => Ok((None, Some(written))),
        None => Err(written),
    }
}

impl TaskImport {
    /// The one command that carries the import out (one action: one undo).
    pub fn command(&self) -> Command {
        Command::ImportTasks {
            tasks: self.tasks.clone(),
        }
    }

    /// What the import did to `before` (the session as it was) by `events`, in `lang`:
    /// tasks added, tasks updated with what changed in each, rows unchanged.
    pub fn summary(&self, table: &Table, before: &Session, events: &[Event], lang: Lang) -> String {
        let name = crate::text::file_name(Path::new(&table.name));
        let source = super::source(table.encoding, self.one_sheet(), lang);
        let counts = (name.as_str(), source.as_str(), self.tasks.len());
        let state = before.state();
        let mut added = 0;
        // Existing task id → what changed, in the order events say it.
        let mut changes: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        for e in events {
            match &e.kind {
                EventKind::TaskAdded { .. } => added += 1,
                EventKind::TaskEdited { id, task } => {
                    if let Some(old) = state.task(*id) {
                        changes.entry(*id).or_default().extend(field_changes(
                            &old.fields,
                            task,
                            lang,
                        ));
                    }
                }
                EventKind::TaskStatusSet { id, status } => {
                    if let Some(old) = state.task(*id) {
                        changes.entry(*id).or_default().push(s::changed_from(
                            lang,
                            s::STATUS.name(lang),
                            s::status_word(lang, old.status),
                            s::status_word(lang, *status),
                        ));
                    }
                }
                EventKind::TaskProgressAdded { id, text } if state.task(*id).is_some() => {
                    changes
                        .entry(*id)
                        .or_default()
                        .push(s::progress_added(lang, &short(text)));
                }
                _ => {}
            }
        }
        if added == 0 && changes.is_empty() {
            return s::nothing_changed(lang, counts);
        }
        // In the file's order; each row's task found as the import found it: by its ledger id,
        // else by list + 序号 (full-width digits and spaces as the ledger matches them).
        let mut by_key: HashMap<crate::session::ledger::MatchKey, u64> = HashMap::new();
        for t in &state.tasks {
            if let Some(key) = t.match_key() {
                by_key.entry(key).or_insert(t.id);
            }
        }
        let mut updated = Vec::new();
        for (task, at) in self.tasks.iter().zip(&self.rows) {
            let Some(id) = task
                .id
                .filter(|id| state.task(*id).is_some())
                .or_else(|| task.task.match_key().and_then(|k| by_key.get(&k).copied()))
            else {
                continue;
            };
            if let Some(list) = changes.remove(&id) {
                let sheet = if self.sheets.len() > 1 {
                    at.sheet.as_deref()
                } else {
                    None
                };
                let no = task.task.no.as_deref().unwrap_or("");
                let label = s::row_label(lang, sheet, at.row, no);
                updated.push(s::updated(lang, &label, &list));
            }
        }
        let unchanged = self.tasks.len() - added - updated.len();
        s::summary(lang, counts, added, &updated, unchanged)
    }

    /// The one sheet read, when exactly one was.
    fn one_sheet(&self) -> Option<&str> {
        match self.sheets.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// A text cut to 20 characters for a summary line.
fn short(text: &str) -> String {
    let one = one_line(text);
    if one.chars().count() > 20 {
        format!("{}…", one.chars().take(20).collect::<String>())
    } else {
        one
    }
}

/// What changed between a task's fields and a row's, named in `lang`.
fn field_changes(old: &TaskFields, new: &TaskFields, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    if old.text != new.text {
        out.push(s::changed(lang, s::TEXT.name(lang)));
    }
    for (field, a, b) in [
        (&s::OWNER, &old.owner, &new.owner),
        (&s::LEADER, &old.leader, &new.leader),
    ] {
        if a != b {
            out.push(s::changed_from(lang, field.name(lang), &opt(a), &opt(b)));
        }
    }
    if old.partners != new.partners {
        out.push(s::changed(lang, s::PARTNERS.name(lang)));
    }
    if old.due_text != new.due_text || old.due != new.due {
        out.push(s::changed_from(
            lang,
            s::DUE.name(lang),
            &opt(&old.due_text),
            &opt(&new.due_text),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(csv: &str) -> Table {
        super::super::parse_csv("t.csv", csv, "UTF-8", Lang::Zh).expect("csv")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_lead_unit_owns_and_the_responsible_units_join_the_partners() {
        let t = table(
            "重点任务清单\n序号,重点任务,牵头单位,责任单位,配合单位,完成时限,状态\n\
             1,修路,市交通局,甲区、乙区,市财政局；甲区,三季度末,滞后\n",
        );
        let got = read(&t, day(2026, 3, 1), Lang::Zh).expect("reads");
        let task = &got.tasks[0];
        assert_eq!(task.task.owner.as_deref(), Some("市交通局"));
        assert_eq!(task.task.partners, ["甲区", "乙区", "市财政局"]);
        assert_eq!(task.task.due, Some(day(2026, 9, 30)));
        assert_eq!(task.status, Some(Status::InProgress));
        assert_eq!(task.progress, ["滞后"]);
        assert_eq!(got.rows[0].row, 3);
    }

    #[test]
    fn two_owner_columns_and_a_missing_number_column_are_errors_naming_them() {
        let t = table("序号,事项,责任单位,揭榜单位\n1,甲,乙,丙\n");
        let e = read(&t, day(2026, 3, 1), Lang::Zh).expect_err("refused");
        assert!(
            e[0].contains("C 列（“责任单位”）和 D 列（“揭榜单位”）"),
            "{e:?}"
        );
        let t = table("事项,责任单位\n甲,乙\n");
        let e = read(&t, day(2026, 3, 1), Lang::En).expect_err("refused");
        assert!(e[0].starts_with("t.csv: no column \"序号\""), "{e:?}");
        let t = table("单位,时长\n甲,8\n");
        let e = read(&t, day(2026, 3, 1), Lang::En).expect_err("refused");
        assert!(e[0].contains("no task list header"), "{e:?}");
    }

    #[test]
    fn header_cells_with_breaks_spaces_and_brackets_are_read() {
        let t =
            table("序 号,\"工作\n任务\",责任单位（部门）,完成时限（时间节点）\n1,甲,乙,年底前\n");
        let got = read(&t, day(2026, 3, 1), Lang::Zh).expect("reads");
        assert_eq!(got.tasks[0].task.owner.as_deref(), Some("乙"));
        assert_eq!(got.tasks[0].task.due, Some(day(2026, 12, 31)));
    }
}
