//! Exports that hold whatever people typed (issue [A2], items 3–5), on sessions built with
//! `store::Writer` at fixed times:
//!
//! - a remark of 40,000 characters outside the BMP (𠮷, emoji) is cut in the workbook to
//!   Excel's 32,767 UTF-16 units, with the note, and the workbook is written;
//! - one format that fails (its names all taken, or a workbook that cannot be made) never
//!   stops the others, and the failure is named;
//! - every Markdown table of the minutes keeps its columns, whatever the names hold
//!   (`\ | * _` and line breaks), and its cells read back as the names;
//! - no CSV or XLSX cell, headers included, starts like a formula (`= + - @`, tab, CR), while
//!   numbers, negative ones too, stay numbers.

use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, FixedOffset, TimeZone};
use podium::commands::ReportFormat;
use podium::commands::report::{export_beside, export_beside_each, render};
use podium::plan::Plan;
use podium::session::{Command, GradeEntry, RemarkKind, ScoreEntry, Session, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::clean_line;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};

const NAME: &str = "meeting.session.json";
/// The note that ends a cell cut to fit Excel.
const CUT_NOTE: &str = "… (全文见会议纪要 / full text in the minutes)";
/// Excel's limit on one cell, in UTF-16 code units.
const EXCEL_CELL_UNITS: usize = 32_767;
/// What a spreadsheet takes for the start of a formula (OWASP, CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Ten-thousandths: one point.
const ONE: i64 = 10_000;

fn t(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

/// The time of the exports: 11:00:00, so the files are `meeting-20260530-110000.*`.
fn now() -> Time {
    t(7200)
}

const STAMPED: &str = "meeting-20260530-110000";

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(NAME);
    (dir, path)
}

fn plan(value: Value) -> Plan {
    serde_json::from_value(value).expect("the test plan parses")
}

/// A session made by `Writer`: each command at its second, then closed and read back.
fn session(path: &Path, plan: Plan, steps: &[(i64, Command)]) -> Session {
    let mut writer = Writer::create(path, plan, t(0)).expect("the session is created");
    for (at, command) in steps {
        if let Err(e) = writer.execute(command, t(*at)) {
            panic!("{command:?}: {e}");
        }
    }
    writer.close(t(3600)).expect("the session closes");
    store::read(path).expect("the session reads back")
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn units16(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Every cell of a workbook: (sheet, row, column, value).
fn workbook_cells(bytes: &[u8]) -> Vec<(String, usize, usize, Data)> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .expect("the workbook reads");
    let mut cells = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a sheet");
        for (r, c, value) in range.used_cells() {
            cells.push((name.clone(), r, c, value.clone()));
        }
    }
    cells
}

/// The CSV's records, the header first, after the BOM.
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the CSV starts with a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

// ---- 3. a cell longer than Excel holds; one format failing --------------------------------

/// 40,000 characters, each outside the BMP (two UTF-16 units each): 80,000 units.
fn long_remark() -> String {
    "𠮷😀".repeat(20_000)
}

/// One unit, one reviewer; the long text as a remark and as a task.
fn long_session(path: &Path) -> Session {
    let p = plan(json!({
        "title": "工作汇报会",
        "units": [{"name": "城东街道"}],
        "reviewers": [{"name": "评委1"}],
        "scoring": {"criteria": [{"name": "总分", "max": 100}]}
    }));
    let steps = [RemarkKind::Remark, RemarkKind::Task].map(|kind| {
        (
            60,
            Command::AddRemark {
                unit: Some("城东街道".into()),
                reviewer: "评委1".into(),
                text: long_remark(),
                kind,
            },
        )
    });
    let s = session(path, p, &steps);
    assert!(
        s.state().remarks.iter().all(|r| r.text == long_remark()),
        "the session holds the remark whole"
    );
    s
}

/// The workbook used to be refused: the text was cut at 32,767 *characters*, twice that
/// in UTF-16 units, which Excel (and the XLSX writer) refuse.
#[test]
fn a_remark_beyond_the_bmp_is_cut_by_utf16_units_and_the_workbook_written() {
    let (dir, path) = folder();
    let session = long_session(&path);
    for lang in [Lang::Zh, Lang::En] {
        let bytes = render(&session, ReportFormat::Xlsx, now(), lang).expect("the workbook");
        let cut: Vec<String> = workbook_cells(&bytes)
            .into_iter()
            .filter_map(|(_, _, _, cell)| match cell {
                Data::String(s) if s.starts_with("𠮷😀") => Some(s),
                _ => None,
            })
            .collect();
        assert_eq!(
            cut.len(),
            2,
            "the remark in the remarks sheet, the task (a ledger task, no longer a remark) in \
             the tasks sheet"
        );
        for cell in cut {
            let n = units16(&cell);
            assert!(n <= EXCEL_CELL_UNITS, "{n} UTF-16 units in one cell");
            assert!(cell.ends_with(CUT_NOTE), "the cut is marked");
            let kept = cell.strip_suffix(CUT_NOTE).unwrap_or_default();
            assert!(long_remark().starts_with(kept), "the cut keeps the start");
            assert!(
                n + 4 > EXCEL_CELL_UNITS,
                "cut no shorter than it must be ({n} units)"
            );
        }
        let md = render(&session, ReportFormat::Md, now(), lang).expect("the minutes");
        assert!(
            String::from_utf8_lossy(&md).contains(&long_remark()),
            "the minutes hold it whole"
        );
    }
    let written = export_beside(&path, &session, now(), Lang::Zh).expect("all three exported");
    let names: Vec<String> = written
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        ["xlsx", "csv", "md", "docx"].map(|ext| format!("{STAMPED}.{ext}"))
    );
    for file in &written {
        assert!(file.starts_with(dir.path()) && file.is_file(), "{file:?}");
    }
}

/// The console's export (Ctrl+E) with the workbook's every name taken by a folder: the CSV
/// and the minutes are still written, and the failure is named with its reason. (Before, the
/// first format to fail stopped the rest: nothing was written.)
#[test]
fn a_workbook_that_cannot_be_written_stops_neither_the_csv_nor_the_minutes() {
    let (dir, path) = folder();
    let session = long_session(&path);
    // `export_beside` tries `NAME.xlsx`, then `NAME-2.xlsx` … `NAME-100.xlsx`.
    for n in 1..=100 {
        let name = if n == 1 {
            format!("{STAMPED}.xlsx")
        } else {
            format!("{STAMPED}-{n}.xlsx")
        };
        fs::create_dir(dir.path().join(name)).expect("a folder in the way");
    }
    let err = export_beside(&path, &session, now(), Lang::En)
        .expect_err("the workbook could not be written");
    let csv = dir.path().join(format!("{STAMPED}.csv"));
    let md = dir.path().join(format!("{STAMPED}.md"));
    assert!(csv.is_file(), "the CSV is written: {:?}", files(dir.path()));
    assert!(
        md.is_file(),
        "the minutes are written: {:?}",
        files(dir.path())
    );
    let minutes = fs::read_to_string(&md).expect("the minutes read");
    assert!(minutes.contains(&long_remark()));
    assert!(!csv_records(&fs::read(&csv).expect("the CSV reads")).is_empty());
    assert!(
        err.starts_with(&format!(
            "Exported: {STAMPED}.csv, {STAMPED}.md, {STAMPED}.docx. Not exported: XLSX ("
        )),
        "{err}"
    );
    assert!(err.contains(&format!("{STAMPED}-100.xlsx")), "{err}");
    for n in 1..=100 {
        let name = if n == 1 {
            format!("{STAMPED}.xlsx")
        } else {
            format!("{STAMPED}-{n}.xlsx")
        };
        assert!(dir.path().join(name).is_dir(), "the folders are untouched");
    }

    // The same, format by format: what was written and what failed, and why.
    let done = export_beside_each(&path, &session, now(), Lang::Zh);
    let written: Vec<(ReportFormat, String)> = done
        .written
        .iter()
        .map(|(f, p)| {
            (
                *f,
                p.file_name().unwrap_or_default().to_string_lossy().into(),
            )
        })
        .collect();
    assert_eq!(
        written,
        [
            (ReportFormat::Csv, format!("{STAMPED}-2.csv")),
            (ReportFormat::Md, format!("{STAMPED}-2.md")),
            (ReportFormat::Docx, format!("{STAMPED}-2.docx")),
        ]
    );
    assert_eq!(done.failed.len(), 1);
    let failure = &done.failed[0];
    assert_eq!(failure.format, ReportFormat::Xlsx);
    assert_eq!(
        failure.path.as_deref(),
        Some(dir.path().join(format!("{STAMPED}-100.xlsx")).as_path())
    );
    assert!(!failure.error.is_empty());
    let summary = done.summary(Lang::Zh);
    assert!(
        summary.starts_with(&format!(
            "已导出：{STAMPED}-2.csv、{STAMPED}-2.md、{STAMPED}-2.docx；未能导出：XLSX（{STAMPED}-100.xlsx："
        )),
        "{summary}"
    );
}

/// A workbook that cannot be made at all (a ranking wider than Excel's 16,384 columns: one
/// per grade): the CSV and the minutes are written all the same, the workbook's error named.
#[test]
fn a_workbook_that_cannot_be_made_stops_neither_the_csv_nor_the_minutes() {
    let (dir, path) = folder();
    let grades: Vec<Value> = (0..16_400)
        .map(|i| json!({"name": format!("等次{i}"), "points": 100 - (i % 100)}))
        .collect();
    let p = plan(json!({
        "title": "工作汇报会",
        "units": [{"name": "城东街道"}],
        "scoring": {"mode": "grades", "grades": grades}
    }));
    let entries = vec![GradeEntry {
        unit: "城东街道".into(),
        grade: "等次0".into(),
        count: 3,
        group: None,
    }];
    let session = session(&path, p, &[(60, Command::AddGrades { entries })]);
    assert!(render(&session, ReportFormat::Xlsx, now(), Lang::En).is_err());

    let err = export_beside(&path, &session, now(), Lang::En)
        .expect_err("the workbook could not be made");
    assert!(
        err.starts_with(&format!(
            "Exported: {STAMPED}.csv, {STAMPED}.md, {STAMPED}.docx. Not exported: XLSX ("
        )),
        "{err}"
    );
    assert_eq!(
        files(dir.path())
            .into_iter()
            .filter(|n| n.starts_with(STAMPED))
            .collect::<Vec<_>>(),
        [
            format!("{STAMPED}.csv"),
            format!("{STAMPED}.docx"),
            format!("{STAMPED}.md")
        ],
        "no workbook file, whole or part"
    );
    let done = export_beside_each(&path, &session, now(), Lang::En);
    assert_eq!(done.written.len(), 3);
    assert_eq!(done.failed.len(), 1);
    assert_eq!(done.failed[0].format, ReportFormat::Xlsx);
    assert_eq!(done.failed[0].path, None, "no file was chosen for it");
}

// ---- 4. Markdown tables -------------------------------------------------------------------

/// A table row's cells: split at the pipes no backslash escapes (`\\` is one backslash, `\|`
/// one pipe, as CommonMark reads any escaped punctuation), each read back and trimmed.
/// `None` when the line is not a row `| … |`.
fn row_cells(line: &str) -> Option<Vec<String>> {
    let mut chars = line.chars();
    if chars.next() != Some('|') {
        return None;
    }
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut closed = false;
    while let Some(c) = chars.next() {
        closed = false;
        match c {
            '\\' => match chars.next() {
                Some(n) if n.is_ascii_punctuation() => cell.push(n),
                Some(n) => {
                    cell.push('\\');
                    cell.push(n);
                }
                None => cell.push('\\'),
            },
            '|' => {
                cells.push(cell.trim().to_string());
                cell.clear();
                closed = true;
            }
            c => cell.push(c),
        }
    }
    closed.then_some(cells)
}

struct MdTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Every table of the minutes, checked as it is read: a blank line before and after, a
/// delimiter row of as many columns as the header, and every row as many cells.
fn md_tables(md: &str) -> Vec<MdTable> {
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        assert!(
            i == 0 || lines[i - 1].is_empty(),
            "a table after a blank line: {:?}",
            lines[i]
        );
        let header = row_cells(lines[i]).unwrap_or_else(|| panic!("a header row: {}", lines[i]));
        let delimiter = lines
            .get(i + 1)
            .and_then(|l| row_cells(l))
            .unwrap_or_else(|| panic!("a delimiter row under {}", lines[i]));
        assert_eq!(delimiter.len(), header.len(), "{}", lines[i]);
        // Every column lines up: text left, numbers right.
        assert!(
            delimiter.iter().all(|d| d == ":---" || d == "---:"),
            "{:?}",
            lines[i + 1]
        );
        i += 2;
        let mut rows = Vec::new();
        while let Some(line) = lines.get(i).filter(|l| l.starts_with('|')) {
            let row = row_cells(line).unwrap_or_else(|| panic!("a table row: {line}"));
            assert_eq!(
                row.len(),
                header.len(),
                "a row of {} cells under a header of {}:\n{line}\n{header:?}",
                row.len(),
                header.len()
            );
            rows.push(row);
            i += 1;
        }
        assert!(
            lines.get(i).is_none_or(|l| l.is_empty()),
            "a blank line after a table: {:?}",
            lines.get(i)
        );
        tables.push(MdTable { header, rows });
    }
    tables
}

/// The names of a meeting, and the texts of its remarks.
#[derive(Debug, Clone)]
struct Names {
    units: Vec<String>,
    reviewers: Vec<String>,
    criteria: Vec<String>,
    groups: Vec<String>,
    grades: Vec<String>,
    remarks: Vec<String>,
    /// Who wrote the remarks (names typed in the console hold no line break).
    remark_by: Vec<String>,
}

/// A points meeting: every reviewer in a group, every unit scored by all (the first unit by
/// the first reviewer only partly, so the sheet says "incomplete"), two of at least three
/// reviewers per group trimmed so the notes carry names; each remark on a unit, and as a
/// task, and one for the whole meeting.
fn points_session(path: &Path, n: &Names) -> Session {
    let p = plan(json!({
        "title": n.remarks[0],
        "venue": n.units[0],
        "host": n.reviewers[0],
        "units": n.units.iter().enumerate().map(|(i, u)| json!({
            "name": u, "presenter": n.reviewers[i % n.reviewers.len()], "role": n.groups[0]
        })).collect::<Vec<_>>(),
        "reviewers": n.reviewers.iter().enumerate().map(|(i, r)| json!({
            "name": r, "group": n.groups[i % n.groups.len()]
        })).collect::<Vec<_>>(),
        "scoring": {
            "criteria": n.criteria.iter().map(|c| json!({"name": c, "max": 50})).collect::<Vec<_>>(),
            "groups": n.groups.iter().map(|g| json!({"name": g, "weight": 100.0 / n.groups.len() as f64})).collect::<Vec<_>>(),
            "trim": 1,
            "trim_min": 3
        }
    }));
    let mut steps = Vec::new();
    let mut entries = Vec::new();
    for (u, unit) in n.units.iter().enumerate() {
        for (r, reviewer) in n.reviewers.iter().enumerate() {
            for (c, criterion) in n.criteria.iter().enumerate() {
                if u == 0 && r == 0 && c > 0 {
                    continue;
                }
                entries.push(ScoreEntry {
                    unit: unit.clone(),
                    reviewer: reviewer.clone(),
                    criterion: criterion.clone(),
                    value: (30 + ((u * 7 + r * 3 + c) % 20) as i64) * ONE,
                });
            }
        }
    }
    steps.push((30, Command::SetScores { entries }));
    remarks(&mut steps, n);
    session(path, p, &steps)
}

fn remarks(steps: &mut Vec<(i64, Command)>, n: &Names) {
    for (i, text) in n.remarks.iter().enumerate() {
        for kind in [RemarkKind::Remark, RemarkKind::Task] {
            let mut unit = n.units.get(i % (n.units.len() + 1)).cloned();
            // A task's owner is its unit, and an owner holds no line break (nor does a unit
            // of a plan that loads): such a task is raised on the meeting.
            if kind == RemarkKind::Task && unit.as_deref().is_some_and(|u| u.contains('\n')) {
                unit = None;
            }
            steps.push((
                40 + i as i64,
                Command::AddRemark {
                    unit,
                    reviewer: n.remark_by[i % n.remark_by.len()].clone(),
                    text: text.clone(),
                    kind,
                },
            ));
        }
    }
}

/// A grades meeting: the grades named, every unit voted.
fn grades_session(path: &Path, n: &Names) -> Session {
    let p = plan(json!({
        "title": n.units[0],
        "units": n.units.iter().map(|u| json!({"name": u})).collect::<Vec<_>>(),
        "scoring": {
            "mode": "grades",
            "grades": n.grades.iter().enumerate().map(|(i, g)| json!({"name": g, "points": 100 - 20 * i as i64})).collect::<Vec<_>>()
        }
    }));
    let entries = n
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            n.grades
                .iter()
                .enumerate()
                .map(move |(g, grade)| GradeEntry {
                    unit: unit.clone(),
                    grade: grade.clone(),
                    count: (1 + (u + g) % 4) as i64,
                    group: None,
                })
        })
        .collect();
    let mut steps = vec![(30, Command::AddGrades { entries })];
    remarks(&mut steps, n);
    session(path, p, &steps)
}

/// Checks every table of both meetings' minutes in both languages, and that the names read
/// back from the cells as they were given (line breaks as spaces).
fn check_minutes(n: &Names) {
    for (kind, make) in [
        ("points", points_session as fn(&Path, &Names) -> Session),
        ("grades", grades_session),
    ] {
        let (_dir, path) = folder();
        let session = make(&path, n);
        for lang in [Lang::Zh, Lang::En] {
            let md = render(&session, ReportFormat::Md, now(), lang).expect("the minutes");
            let md = String::from_utf8(md).expect("the minutes are UTF-8");
            let tables = md_tables(&md);
            let headers: Vec<&String> = tables.iter().flat_map(|t| &t.header).collect();
            let cells: Vec<&String> = tables
                .iter()
                .flat_map(|t| t.rows.iter().flatten())
                .collect();
            let has_header = |name: &str| headers.iter().any(|h| **h == clean_line(name));
            let has_cell = |name: &str| cells.iter().any(|c| **c == clean_line(name));
            // A score table per unit, the results and the timing; the tasks are a list by
            // owner.
            assert_eq!(tables.len(), n.units.len() + 2, "{kind} {lang:?}:\n{md}");
            check_task_list(&md, n, lang);
            if kind == "points" {
                for name in n.criteria.iter().chain(&n.groups) {
                    assert!(has_header(name), "{name:?} heads a column:\n{md}");
                }
                for name in &n.reviewers {
                    assert!(has_cell(name), "{name:?} in a cell:\n{md}");
                }
            } else {
                for name in &n.grades {
                    assert!(has_header(name), "{name:?} heads a column:\n{md}");
                }
            }
            for name in &n.units {
                assert!(
                    has_cell(name),
                    "{name:?} in a cell ({kind} {lang:?}):\n{md}"
                );
            }
        }
    }
}

/// Markdown's backslash escapes undone: `\\x` is `x`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// The minutes' task list (after its heading): each task's line reads back as the task's
/// text, its 提出人 as the remark's author, and each owner heading as a unit that was given a
/// task — whatever markup the names hold.
fn check_task_list(md: &str, n: &Names, lang: Lang) {
    let (heading, by) = match lang {
        Lang::Zh => ("## 四、议定事项（交办事项）\n", "提出人："),
        Lang::En => ("## 4. Decisions and follow-up tasks\n", "Assigned by: "),
    };
    let at = md.rfind(heading).expect("a task list");
    let list = &md[at + heading.len()..];
    let list = &list[..list.find("\n## ").unwrap_or(list.len())];
    let items: Vec<String> = list
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(unescape)
        .collect();
    let authors: Vec<String> = list
        .lines()
        .filter_map(|l| l.strip_prefix("  - "))
        .filter_map(|l| l.split_once(by))
        .map(|(_, who)| unescape(who))
        .collect();
    let owners: Vec<String> = list
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(unescape)
        .collect();
    assert_eq!(items.len(), n.remarks.len(), "one line per task:\n{list}");
    for (i, text) in n.remarks.iter().enumerate() {
        assert!(items.contains(&clean_line(text)), "{text:?} in:\n{list}");
        let who = &n.remark_by[i % n.remark_by.len()];
        assert!(authors.contains(&clean_line(who)), "{who:?} in:\n{list}");
        if let Some(unit) = n.units.get(i % (n.units.len() + 1))
            && !unit.contains('\n')
        {
            assert!(owners.contains(unit), "{unit:?} heads its tasks:\n{list}");
        }
    }
}

/// The names of the issue: a backslash before a pipe (`a\|b` used to become `a\\|b`, a
/// pipe that ends the cell), a trailing backslash, emphasis and code marks, line breaks.
#[test]
fn markdown_tables_keep_their_columns_with_backslashes_pipes_and_line_breaks() {
    let names = Names {
        units: vec!["a\\|b".into(), "城东\\".into(), "**粗**_斜_`码`".into()],
        reviewers: vec![
            "评委\\\\|甲".into(),
            "|乙|".into(),
            "丙\n丁".into(),
            "\\戊".into(),
        ],
        criteria: vec!["内容\\|完整".into(), "表达 | 清晰\n(30)".into()],
        groups: vec!["领导\\|组".into(), "*专家*_组_".into()],
        grades: vec!["优\\|秀".into(), "良|好".into(), "一\\般\\".into()],
        remarks: vec![
            "第一\\|点\n- 列表\n1. 编号\n---".into(),
            "| 表格 | 注入 |\n|---|---|".into(),
            "结尾\\".into(),
            "<b>粗</b> [链接](x) &amp; ~删~ # 标题".into(),
        ],
        remark_by: vec!["记录员\\|甲".into(), "**乙**".into()],
    };
    check_minutes(&names);
}

/// A name's first character: one that breaks tables or makes markup.
const FIRST: [char; 6] = ['\\', '|', '*', '_', '`', '#'];
/// The characters the rest is made of.
const HOSTILE: [char; 14] = [
    '\\', '|', '*', '_', '\n', ' ', '`', '#', '-', '&', '<', '[', 'a', '组',
];

fn hostile(count: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        (
            prop::sample::select(FIRST.to_vec()),
            prop::collection::vec(prop::sample::select(HOSTILE.to_vec()), 0..8),
        ),
        count,
    )
    .prop_map(|names| {
        // Numbered: distinct, and never ending in a space or a line break.
        names
            .into_iter()
            .enumerate()
            .map(|(i, (first, rest))| {
                let mut name: String = std::iter::once(first).chain(rest).collect();
                name.push_str(&i.to_string());
                name
            })
            .collect()
    })
}

fn names() -> impl Strategy<Value = Names> {
    (
        hostile(3),
        hostile(4),
        hostile(2),
        hostile(2),
        hostile(3),
        hostile(3),
        hostile(2),
    )
        .prop_map(
            |(units, reviewers, criteria, groups, grades, remarks, remark_by)| Names {
                units,
                reviewers,
                criteria,
                groups,
                grades,
                remarks,
                // A name typed in the console holds no line break.
                remark_by: remark_by.iter().map(|r| r.replace('\n', " ")).collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any names made of `\ | * _ ` # - & < [` and line breaks: every table row of the
    /// minutes has as many cells as its header, and the names read back from the cells.
    #[test]
    fn every_markdown_table_keeps_its_columns_whatever_the_names(n in names()) {
        check_minutes(&n);
    }
}

// ---- 5. formula injection -----------------------------------------------------------------

const LINK: &str = "=HYPERLINK(\"http://evil.example/x\",\"点此\")";

/// A points meeting whose unit, reviewer, group, criterion and presenter names all start like
/// formulas; the first unit talks 150 s over a 60 s limit (a 1.5-point penalty); the last
/// unit has no scores from the group `-1`, so its notes name that group.
fn formula_points_session(path: &Path) -> Session {
    let units = [
        LINK.to_string(),
        "+1 单位".into(),
        "-1 单位".into(),
        "@SUM(A1:A9) 单位".into(),
    ];
    let groups = [
        LINK.to_string(),
        "+1".into(),
        "-1".into(),
        "@SUM(B1)".into(),
    ];
    let reviewers = [
        format!("{LINK}评委"),
        "+1 评委".into(),
        "-1 评委".into(),
        "@SUM(C1) 评委".into(),
    ];
    let criteria = [
        format!("{LINK}指标"),
        "+1 指标".into(),
        "-1 指标".into(),
        "@SUM(D1) 指标".into(),
    ];
    let p = plan(json!({
        "title": LINK,
        "talk_minutes": 1,
        "units": units.iter().map(|u| json!({"name": u, "presenter": "-汇报人"})).collect::<Vec<_>>(),
        "reviewers": reviewers.iter().zip(&groups).map(|(r, g)| json!({"name": r, "group": g})).collect::<Vec<_>>(),
        "scoring": {
            "criteria": criteria.iter().map(|c| json!({"name": c, "max": 25})).collect::<Vec<_>>(),
            "groups": groups.iter().map(|g| json!({"name": g, "weight": 25})).collect::<Vec<_>>(),
            "overtime": {"grace_seconds": 0, "every_seconds": 30, "points": 0.5, "max_points": 5}
        }
    }));
    let mut entries = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        for (r, reviewer) in reviewers.iter().enumerate() {
            if u == 3 && r == 2 {
                continue;
            }
            for (c, criterion) in criteria.iter().enumerate() {
                entries.push(ScoreEntry {
                    unit: unit.clone(),
                    reviewer: reviewer.clone(),
                    criterion: criterion.clone(),
                    value: (20 + ((u + r + c) % 5) as i64) * ONE,
                });
            }
        }
    }
    let remark = |text: &str, kind| Command::AddRemark {
        unit: Some(units[0].clone()),
        reviewer: reviewers[0].clone(),
        text: text.into(),
        kind,
    };
    let steps = [
        (10, Command::ToggleTalk),
        (160, Command::Next),
        (200, Command::SetScores { entries }),
        (210, remark("-1 分：超时", RemarkKind::Remark)),
        (211, remark("+1 建议", RemarkKind::Remark)),
        (212, remark("@所有人 注意", RemarkKind::Task)),
        (213, remark("=1+1", RemarkKind::Task)),
    ];
    session(path, p, &steps)
}

/// A grades meeting whose grade names start like formulas, the last grade worth -20 points:
/// the first unit, all votes in it, scores -20 — a negative number, not a formula.
fn formula_grades_session(path: &Path) -> Session {
    let grades = [
        (LINK.to_string(), 100),
        ("+1 良好".into(), 80),
        ("-1 一般".into(), 0),
        ("@SUM(A1) 不称职".into(), -20),
    ];
    let p = plan(json!({
        "title": "测评会",
        "units": [{"name": "=城东"}, {"name": "城西"}],
        "scoring": {
            "mode": "grades",
            "grades": grades.iter().map(|(g, p)| json!({"name": g, "points": p})).collect::<Vec<_>>()
        }
    }));
    let mut entries = vec![GradeEntry {
        unit: "=城东".into(),
        grade: grades[3].0.clone(),
        count: 5,
        group: None,
    }];
    entries.extend(grades.iter().map(|(g, _)| GradeEntry {
        unit: "城西".into(),
        grade: g.clone(),
        count: 2,
        group: None,
    }));
    session(path, p, &[(30, Command::AddGrades { entries })])
}

fn looks_like_formula(text: &str) -> bool {
    text.starts_with(FORMULA_START)
}

/// Whether a CSV field is a number as podium writes one: digits, at most a leading minus and
/// one point.
fn plain_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && field.parse::<f64>().is_ok()
}

/// The CSV and the workbook of `session`, both languages: no text cell starts like a formula
/// (a plain number in a numeric column may be negative), and each of `names` is there quoted
/// away — in the CSV's header when `in_csv_header`. Returns the CSV's records and the
/// workbook's cells per language.
#[allow(clippy::type_complexity)]
fn check_no_formula(
    session: &Session,
    csv_header: &[&str],
    in_workbook: &[&str],
) -> Vec<(Vec<Vec<String>>, Vec<(String, usize, usize, Data)>)> {
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let csv = render(session, ReportFormat::Csv, now(), lang).expect("the CSV");
        let records = csv_records(&csv);
        let header = records.first().expect("a header").clone();
        let unit_column = 1;
        let notes_column = header.len() - 1;
        for (r, record) in records.iter().enumerate() {
            assert_eq!(record.len(), header.len(), "{record:?}");
            for (c, field) in record.iter().enumerate() {
                if !looks_like_formula(field) {
                    continue;
                }
                let numeric = r > 0 && c != unit_column && c != notes_column;
                assert!(
                    numeric && plain_number(field),
                    "CSV ({lang:?}) row {r} column {c} starts like a formula: {field:?}"
                );
            }
        }
        for name in csv_header {
            assert!(
                header.contains(&format!("'{name}")),
                "{name:?} heads a CSV column, quoted away: {header:?}"
            );
        }

        let xlsx = render(session, ReportFormat::Xlsx, now(), lang).expect("the workbook");
        let cells = workbook_cells(&xlsx);
        for (sheet, r, c, cell) in &cells {
            if let Data::String(s) = cell {
                assert!(
                    !looks_like_formula(s),
                    "workbook ({lang:?}) {sheet}!R{r}C{c} starts like a formula: {s:?}"
                );
            }
        }
        for name in in_workbook {
            let quoted = Data::String(format!("'{name}"));
            assert!(
                cells.iter().any(|(_, _, _, cell)| *cell == quoted),
                "{name:?} is in the workbook ({lang:?}), quoted away"
            );
        }
        out.push((records, cells));
    }
    out
}

/// Group names head columns of the ranking: they were written as they were (`=HYPERLINK`
/// in a CSV header ran as a link), while data cells were quoted. Now every text cell is, in
/// the CSV and the workbook; the penalty stays the number 1.5.
#[test]
fn no_csv_or_workbook_cell_starts_like_a_formula_headers_included() {
    let (_dir, path) = folder();
    let session = formula_points_session(&path);
    let groups = [LINK, "+1", "-1", "@SUM(B1)"];
    let everything = [
        LINK,
        "+1 单位",
        "-1 单位",
        "@SUM(A1:A9) 单位",
        "+1",
        "-1",
        "@SUM(B1)",
        &format!("{LINK}评委"),
        "+1 评委",
        "-1 评委",
        "@SUM(C1) 评委",
        &format!("{LINK}指标"),
        "+1 指标",
        "-1 指标",
        "@SUM(D1) 指标",
        "-汇报人",
        "-1 分：超时",
        "+1 建议",
        "@所有人 注意",
        "=1+1",
    ];
    for (records, cells) in check_no_formula(&session, &groups, &everything) {
        // The first unit's penalty: the number 1.5, in the CSV and in the workbook.
        let header = &records[0];
        let penalty = header
            .iter()
            .position(|h| h == "扣分" || h == "Penalty")
            .expect("a penalty column");
        let row = records
            .iter()
            .find(|r| r[1] == format!("'{LINK}"))
            .expect("the first unit's row");
        assert_eq!(row[penalty], "1.50", "the published decimals");
        let sheet = cells
            .iter()
            .find(|(_, r, c, v)| {
                // Row 0 is the sheet's title row; the header is under it.
                *r == 1 && *c == penalty && *v == Data::String(header[penalty].clone())
            })
            .map(|(s, ..)| s.clone())
            .expect("the ranking sheet");
        let unit_row = cells
            .iter()
            .find(|(s, _, c, v)| *s == sheet && *c == 1 && *v == Data::String(format!("'{LINK}")))
            .map(|(_, r, ..)| *r)
            .expect("the first unit in the ranking sheet");
        assert!(
            cells.iter().any(|(s, r, c, v)| *s == sheet
                && *r == unit_row
                && *c == penalty
                && *v == Data::Float(1.5)),
            "the penalty is the number 1.5 in the workbook"
        );
    }
}

/// Grade names head columns too; a negative score (-20) stays a number: `-20.00` (the
/// published decimals) in the CSV
/// (a plain number no spreadsheet runs, and quoting it would make it text no sum counts),
/// the number -20 in the workbook.
#[test]
fn grade_names_are_quoted_and_negative_scores_stay_numbers() {
    let (_dir, path) = folder();
    let session = formula_grades_session(&path);
    let grades = [LINK, "+1 良好", "-1 一般", "@SUM(A1) 不称职"];
    let mut in_workbook = grades.to_vec();
    in_workbook.push("=城东");
    for (records, cells) in check_no_formula(&session, &grades, &in_workbook) {
        let header = &records[0];
        let score = header
            .iter()
            .position(|h| h == "得分" || h == "Score")
            .expect("a score column");
        let row = records
            .iter()
            .find(|r| r[1] == "'=城东")
            .expect("the unit, quoted away");
        assert_eq!(row[score], "-20.00", "a negative score is a plain number");
        assert!(
            cells
                .iter()
                .any(|(_, r, c, v)| *r == row_of(&cells, "'=城东")
                    && *c == score
                    && *v == Data::Float(-20.0)),
            "the negative score is a number in the workbook"
        );
    }
}

/// The row of the ranking sheet (the first) that holds `text`.
fn row_of(cells: &[(String, usize, usize, Data)], text: &str) -> usize {
    let first = &cells[0].0;
    cells
        .iter()
        .find(|(s, _, _, v)| s == first && *v == Data::String(text.into()))
        .map(|(_, r, ..)| *r)
        .expect("the row")
}
