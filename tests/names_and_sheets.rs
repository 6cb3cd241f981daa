//! Issue [A2], the imports and the plan check: grade counts bounded (0 taken), the encoding a
//! UTF-16 CSV is read in, two columns for one field, an Excel date where a score belongs, a
//! truncated plan's path, the sheet of a workbook that is read, and names that look equal but
//! are not. Each test fails on the code before the fix.

use chrono::{FixedOffset, TimeZone};
use podium::import;
use podium::plan::Plan;
use podium::session::record::Record;
use podium::session::{Command, EventKind, GradeEntry, Refusal, Session, Time};
use podium::strings::Lang;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn t0() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .and_then(|o| o.with_ymd_and_hms(2026, 5, 30, 9, 0, 0).single())
        .expect("a valid time")
}

fn plan(value: Value) -> Plan {
    serde_json::from_value(value).expect("the test plan parses")
}

fn grades_plan() -> Plan {
    plan(json!({
        "title": "等次评议",
        "units": [{"name": "甲"}, {"name": "乙"}],
        "scoring": {"mode": "grades"}
    }))
}

/// Writes `bytes` as `name` in a new temporary folder (kept alive by the returned guard).
fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the file");
    (dir, path)
}

fn import_scores(path: &Path, session: &Session) -> Result<import::ScoreImport, String> {
    let table = import::read_table(path)?;
    import::scores(&table, session, Lang::En, None).map_err(|e| e.join("\n"))
}

fn record(session: &Session) -> Value {
    serde_json::to_value(Record::of(session, t0())).expect("the record serialises")
}

fn final_of(rec: &Value, unit: &str) -> Option<f64> {
    rec["units"]
        .as_array()
        .and_then(|units| units.iter().find(|u| u["name"] == unit))
        .and_then(|u| u["result"]["score"].as_f64())
}

// ---------------------------------------------------------------------------------------------
// Item 8: grade counts
// ---------------------------------------------------------------------------------------------

#[test]
fn a_tally_sheet_with_zeros_imports_and_huge_counts_are_refused() {
    let session = Session::new(grades_plan());
    // A typed-up tally lists every grade, zeros included.
    let csv = "单位,等次,票数\n甲,优秀,5\n甲,良好,0\n甲,一般,０\n甲,较差,2\n";
    let (_dir, path) = file("tally.csv", csv.as_bytes());
    let import = import_scores(&path, &session).expect("zeros are counts");
    assert_eq!(import.grades.len(), 4);
    assert_eq!((import.new, import.unchanged), (2, 2));
    let mut s = session.clone();
    let events = s
        .decide(&import.command(), t0())
        .expect("the tally is taken");
    assert_eq!(events.len(), 2, "zeros record nothing: {events:?}");
    s.commit(events);
    // (5×100 + 2×40) / 7 = 82.857…
    assert_eq!(final_of(&record(&s), "甲"), Some(82.86));

    // i64::MAX ballots on a row, or just over the bound: refused with a sentence, the cell named.
    for count in ["9223372036854775807", "100001", "-1", "2.5"] {
        let csv = format!("unit,grade,count\n甲,优秀,{count}\n");
        let (_dir, path) = file("tally.csv", csv.as_bytes());
        let e = import_scores(&path, &session).expect_err(count);
        assert!(e.contains(":2:C:"), "{e}");
        assert!(e.contains("from 0 to 100000"), "{e}");
    }
    let csv = "unit,grade,count\n甲,优秀,100000\n";
    let (_dir, path) = file("tally.csv", csv.as_bytes());
    assert!(
        import_scores(&path, &session).is_ok(),
        "100,000 is the bound itself"
    );
}

#[test]
fn a_command_over_the_bound_is_refused() {
    let s = Session::new(grades_plan());
    let add = |count| {
        s.decide(
            &Command::AddGrades {
                entries: vec![GradeEntry {
                    unit: "甲".into(),
                    grade: "优秀".into(),
                    count,
                    group: None,
                }],
            },
            t0(),
        )
    };
    assert!(matches!(add(i64::MAX), Err(Refusal::Score(_))));
    assert!(matches!(add(100_001), Err(Refusal::Score(_))));
    assert!(add(100_000).is_ok());
    assert_eq!(add(0), Err(Refusal::NothingChanged));
}

#[test]
fn saturated_tallies_never_score_above_the_top_grade() {
    // A session edited by hand (or written before the bound) with i64::MAX ballots twice for
    // 优秀 (100) and once for 较差 (40): the mean is between 40 and 100, never 140.
    let mut s = Session::new(grades_plan());
    for grade in ["优秀", "优秀", "较差"] {
        let mut events = s
            .decide(
                &Command::AddGrades {
                    entries: vec![GradeEntry {
                        unit: "甲".into(),
                        grade: grade.into(),
                        count: 1,
                        group: None,
                    }],
                },
                t0(),
            )
            .expect("a ballot");
        for e in &mut events {
            if let EventKind::GradesAdded { count, .. } = &mut e.kind {
                *count = i64::MAX;
            }
        }
        s.commit(events);
    }
    // The state saturates 优秀 at i64::MAX; 较差 holds i64::MAX: (MAX×100 + MAX×40) / 2·MAX = 70.
    let score = final_of(&record(&s), "甲").expect("a score");
    assert!((40.0..=100.0).contains(&score), "score {score}");
    assert_eq!(score, 70.0);
}

// ---------------------------------------------------------------------------------------------
// Item 10: the encoding, two columns for one field, dates, a truncated plan
// ---------------------------------------------------------------------------------------------

fn points_plan() -> Plan {
    plan(json!({
        "title": "述职评议",
        "units": [{"name": "市财政局"}, {"name": "城东街道"}],
        "reviewers": [{"name": "市领导A"}, {"name": "市领导B"}],
        "scoring": {"criteria": [{"name": "实绩", "max": 60}, {"name": "表达", "max": 40}]}
    }))
}

const SCORES_CSV: &str =
    "单位,评委,指标,得分\n市财政局,市领导A,实绩,55\n城东街道,市领导B,表达,36.5\n";

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn a_utf16_csv_is_said_to_be_utf16() {
    let session = Session::new(points_plan());
    // Excel's "Unicode text": UTF-16LE with a BOM, cells separated by tabs.
    let tabbed = SCORES_CSV.replace(',', "\t");
    for (bytes, label) in [
        (utf16le(SCORES_CSV, true), "UTF-16LE"),
        (utf16le(&tabbed, true), "UTF-16LE"),
        (utf16le(SCORES_CSV, false), "UTF-16LE"),
    ] {
        let (_dir, path) = file("scores.csv", &bytes);
        let table = import::read_table(&path).expect("UTF-16 reads");
        assert_eq!(table.encoding, label);
        let import = import::scores(&table, &session, Lang::En, None).expect("the rows are valid");
        assert_eq!(import.scores.len(), 2);
        let summary = import.summary(&table, Lang::En);
        assert!(summary.contains("(UTF-16LE)"), "{summary}");
        assert!(!summary.contains("GB18030"), "{summary}");
    }
    let (text, label) = import::decode(&[0xFE, 0xFF, 0, b'a']).expect("UTF-16BE");
    assert_eq!((text.as_str(), label), ("a", "UTF-16BE"));
}

#[test]
fn two_columns_for_one_field_are_refused_naming_both() {
    let session = Session::new(points_plan());
    let csv = "unit,reviewer,criterion,score,得分\n市财政局,市领导A,实绩,55,50\n";
    let (_dir, path) = file("scores.csv", csv.as_bytes());
    let e = import_scores(&path, &session).expect_err("which score is meant?");
    assert!(e.contains("columns D (\"score\") and E (\"得分\")"), "{e}");
    assert!(e.contains("both mean the score"), "{e}");
    let table = import::read_table(&path).expect("reads");
    let zh = import::scores(&table, &session, Lang::Zh, None)
        .expect_err("refused")
        .join("\n");
    assert!(zh.contains("D 列") && zh.contains("E 列"), "{zh}");

    // A unit list with two name columns.
    let (_dir, path) = file("units.csv", "序号,单位,单位名称\n1,甲,乙\n".as_bytes());
    let table = import::read_table(&path).expect("reads");
    let e = import::plan_from_units(&table, "会")
        .expect_err("refused")
        .join("\n");
    assert!(
        e.contains("columns B (\"单位\") and C (\"单位名称\")"),
        "{e}"
    );
}

/// A one-sheet workbook: header row, then rows of cells (a `None` is a date 2026-05-30).
fn workbook(sheets: &[(&str, &[&[Option<&str>]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 5, 30).expect("a date");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Some(text) => match text.parse::<f64>() {
                        Ok(n) if r > 0 => ws.write_number(r, c, n).map(|_| ()),
                        _ => ws.write_string(r, c, *text).map(|_| ()),
                    },
                    None => ws
                        .write_datetime_with_format(r, c, &date, &date_format)
                        .map(|_| ()),
                }
                .expect("write a cell");
            }
        }
    }
    book.save_to_buffer().expect("the workbook")
}

#[test]
fn an_excel_date_where_a_score_belongs_says_it_is_a_date() {
    let session = Session::new(points_plan());
    let rows: &[&[Option<&str>]] = &[
        &[Some("单位"), Some("评委"), Some("指标"), Some("得分")],
        &[Some("市财政局"), Some("市领导A"), Some("实绩"), Some("55")],
        &[Some("城东街道"), Some("市领导A"), Some("实绩"), None],
    ];
    let (_dir, path) = file("scores.xlsx", &workbook(&[("打分", rows)]));
    let e = import_scores(&path, &session).expect_err("a date is not a score");
    assert!(
        e.contains("cell D3 is a date (2026-05-30), not a score"),
        "{e}"
    );
    assert!(!e.contains("46172"), "{e}");
    assert!(
        e.contains("scores.xlsx[打分]:3:D"),
        "the sheet is named: {e}"
    );
    let table = import::read_table(&path).expect("reads");
    let zh = import::scores(&table, &session, Lang::Zh, None)
        .expect_err("refused")
        .join("\n");
    assert!(
        zh.contains("单元格 D3 是日期（2026-05-30），不是分数"),
        "{zh}"
    );
}

#[test]
fn a_truncated_plan_names_the_field_not_a_question_mark() {
    for (text, place) in [
        ("{\"title\": \"会\", \"un", "p.json:1:"),
        (
            "{\"title\": \"会\", \"units\": [{\"name\": \"甲\"",
            "units[0]: ",
        ),
        (
            "{\"title\": \"会\", \"units\": [{\"name\": \"甲\", ",
            "units[0]: ",
        ),
    ] {
        for lang in [Lang::En, Lang::Zh] {
            let e = podium::planfile::parse("p.json", text, lang)
                .expect_err("a cut file")
                .join("\n");
            assert!(!e.contains("?:") && !e.contains(".?"), "{e}");
            assert!(e.contains(place), "{e}");
        }
        let e = podium::planfile::parse("p.json", text, Lang::En)
            .expect_err("a cut file")
            .join("\n");
        assert!(e.contains("cut short"), "{e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Item 7: the sheet that is read
// ---------------------------------------------------------------------------------------------

fn podium_cmd(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG")
        .output()
        .expect("podium runs")
}

fn new_session(dir: &Path, name: &str, plan: Plan) -> PathBuf {
    let path = dir.join(name);
    let writer = podium::store::Writer::create(&path, plan, t0()).expect("a new session");
    writer.close(t0()).expect("closed");
    path
}

#[test]
fn podiums_own_workbook_imports_back_from_its_scores_sheet() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (_csv_dir, csv) = file("scores.csv", SCORES_CSV.as_bytes());
    for (lang, sheet) in [("zh", "评分"), ("en", "Scores")] {
        let first = new_session(dir.path(), &format!("a-{lang}.session.json"), points_plan());
        let out = podium_cmd(&["scores".as_ref(), first.as_os_str(), csv.as_os_str()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let xlsx = dir.path().join(format!("report-{lang}.xlsx"));
        let out = podium_cmd(&[
            "report".as_ref(),
            first.as_os_str(),
            "--format".as_ref(),
            "xlsx".as_ref(),
            "-o".as_ref(),
            xlsx.as_os_str(),
            "--lang".as_ref(),
            lang.as_ref(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The first sheet is the ranking; the scores sheet is the second.
        let table = import::read_table(&xlsx).expect("the workbook reads");
        assert_ne!(table.sheets[0].name.as_deref(), Some(sheet));
        let second = new_session(dir.path(), &format!("b-{lang}.session.json"), points_plan());
        let out = podium_cmd(&[
            "scores".as_ref(),
            second.as_os_str(),
            xlsx.as_os_str(),
            "--lang".as_ref(),
            "en".as_ref(),
        ]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains(&format!("sheet \"{sheet}\"")), "{said}");
        assert!(said.contains("2 rows — 2 new"), "{said}");
        let session = podium::store::read(&second).expect("the session reads");
        assert_eq!(
            serde_json::to_value(Record::of(&session, t0()))
                .expect("a record")
                .get("units")
                .map(|u| u.to_string().contains("55")),
            Some(true)
        );
    }
}

const SCORE_HEADER: &[Option<&str>] = &[Some("单位"), Some("评委"), Some("指标"), Some("得分")];

#[test]
fn two_score_sheets_are_refused_naming_both() {
    let session = Session::new(points_plan());
    let a: &[&[Option<&str>]] = &[
        SCORE_HEADER,
        &[Some("市财政局"), Some("市领导A"), Some("实绩"), Some("55")],
    ];
    let b: &[&[Option<&str>]] = &[
        SCORE_HEADER,
        &[Some("市财政局"), Some("市领导A"), Some("实绩"), Some("50")],
    ];
    let notes: &[&[Option<&str>]] = &[&[Some("说明")], &[Some("打分规则见附件")]];
    let (_dir, path) = file(
        "scores.xlsx",
        &workbook(&[("说明", notes), ("第一轮", a), ("第二轮", b)]),
    );
    let e = import_scores(&path, &session).expect_err("two score sheets");
    assert!(e.contains("\"第一轮\" and \"第二轮\""), "{e}");
    assert!(e.contains("both look like a score sheet"), "{e}");

    // One score sheet after a notes sheet: read, and said.
    let (_dir, path) = file("scores.xlsx", &workbook(&[("说明", notes), ("第二轮", b)]));
    let table = import::read_table(&path).expect("reads");
    let import = import::scores(&table, &session, Lang::En, None).expect("the second sheet");
    assert_eq!(import.sheet.as_deref(), Some("第二轮"));
    assert!(
        import
            .summary(&table, Lang::En)
            .contains("sheet \"第二轮\""),
        "{}",
        import.summary(&table, Lang::En)
    );
    assert!(import.summary(&table, Lang::Zh).contains("工作表“第二轮”"));

    // No sheet looks like scores: every sheet and its header are named.
    let (_dir, path) = file(
        "scores.xlsx",
        &workbook(&[("说明", notes), ("其他", notes)]),
    );
    let e = import_scores(&path, &session).expect_err("no score sheet");
    assert!(e.contains("no sheet has the columns"), "{e}");
    assert!(e.contains("\"说明\"") && e.contains("\"其他\""), "{e}");
}

#[test]
fn every_error_names_the_sheet() {
    let session = Session::new(points_plan());
    let bad: &[&[Option<&str>]] = &[
        SCORE_HEADER,
        &[Some("市税务局"), Some("市领导A"), Some("实绩"), Some("55")],
        &[Some("市财政局"), Some("市领导A"), Some("实绩"), Some("95")],
    ];
    let (_dir, path) = file("scores.xlsx", &workbook(&[("评分", bad)]));
    let e = import_scores(&path, &session).expect_err("two bad rows");
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    for line in lines {
        assert!(line.contains("scores.xlsx[评分]:"), "{line}");
    }
}

#[test]
fn a_unit_list_on_a_later_sheet_imports_and_two_lists_are_refused() {
    let cover: &[&[Option<&str>]] = &[&[Some("2026年述职评议")], &[Some("市委办公室")]];
    let list: &[&[Option<&str>]] = &[
        &[Some("序号"), Some("单位"), Some("汇报人")],
        &[Some("2"), Some("城东街道"), Some("李四")],
        &[Some("1"), Some("市财政局"), Some("张三")],
    ];
    let (_dir, path) = file("units.xlsx", &workbook(&[("封面", cover), ("名单", list)]));
    let table = import::read_table(&path).expect("reads");
    let (plan, sheet) = import::units_plan(&table, "会").expect("the list on sheet 2");
    assert_eq!(sheet.as_deref(), Some("名单"));
    assert_eq!(plan.units[0].name, "市财政局");

    let (_dir, path) = file("units.xlsx", &workbook(&[("名单", list), ("备用", list)]));
    let table = import::read_table(&path).expect("reads");
    let e = import::plan_from_units(&table, "会")
        .expect_err("two lists")
        .join("\n");
    assert!(e.contains("\"名单\" and \"备用\""), "{e}");

    // `podium import` says which sheet it read.
    let (_dir, path) = file("units.xlsx", &workbook(&[("封面", cover), ("名单", list)]));
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let out_path = out_dir.path().join("plan.json");
    let out = podium_cmd(&[
        "import".as_ref(),
        path.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("sheet \"名单\""), "{said}");
}

// ---------------------------------------------------------------------------------------------
// Item 2: names that look equal but are not
// ---------------------------------------------------------------------------------------------

#[test]
fn check_refuses_names_that_would_be_matched_wrongly() {
    let text = r#"{
  "title": "述职评议",
  "units": [
    {"name": "城东街道 "},
    {"name": "　西城街道"},
    {"name": "市财政局"},
    {"name": "市财政局\u200b"},
    {"name": "\u200b\u200d"}
  ],
  "reviewers": [{"name": "ＡＢ"}, {"name": "AB"}],
  "scoring": {
    "criteria": [{"name": "Café", "max": 50}, {"name": "Cafe\u0301", "max": 50}],
    "groups": [{"name": "甲组", "weight": 50}, {"name": "甲組", "weight": 50}]
  }
}"#;
    let errors = podium::planfile::parse("plan.json", text, Lang::En).expect_err("refused");
    let find = |path: &str| {
        errors
            .iter()
            .find(|e| e.contains(&format!(": {path}: ")))
            .unwrap_or_else(|| panic!("no error at {path}: {errors:#?}"))
            .clone()
    };
    let e = find("units[0].name");
    assert!(e.starts_with("plan.json:4:14: "), "{e}");
    assert!(e.contains("begins or ends with a space"), "{e}");
    let e = find("units[1].name");
    assert!(e.contains("\"<U+3000>西城街道\""), "{e}");
    let e = find("units[3].name");
    assert!(
        e.contains("looks the same as the unit \"市财政局\" (units[2].name)"),
        "{e}"
    );
    assert!(e.contains("invisible characters"), "{e}");
    let e = find("units[4].name");
    assert!(e.contains("made only of invisible characters"), "{e}");
    let e = find("reviewers[1].name");
    assert!(e.contains("looks the same as the reviewer \"ＡＢ\""), "{e}");
    let e = find("scoring.criteria[1].name");
    assert!(e.contains("looks the same as the criterion"), "{e}");
    // 甲组 and 甲組 are different characters (simplified and traditional): both stand.
    assert!(
        !errors.iter().any(|e| e.contains("groups[1]")),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 6, "{errors:#?}");

    let zh = podium::planfile::parse("plan.json", text, Lang::Zh).expect_err("refused");
    assert!(zh.iter().any(|e| e.contains("首尾有空格")), "{zh:#?}");
    assert!(zh.iter().any(|e| e.contains("看起来相同")), "{zh:#?}");
    assert!(zh.iter().any(|e| e.contains("只由看不见的字符")), "{zh:#?}");

    // A unit list whose names only look different is refused the same way.
    let (_dir, path) = file("units.csv", "单位\n市财政局\nｱｲ\nアイ\n".as_bytes());
    let table = import::read_table(&path).expect("reads");
    let e = import::plan_from_units(&table, "会")
        .expect_err("look-alikes")
        .join("\n");
    assert!(e.contains("looks the same as the unit \"ｱｲ\""), "{e}");
}

#[test]
fn a_session_holding_such_names_opens_and_imports_match_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old = plan(json!({
        "title": "旧会议",
        "units": [{"name": "城东街道 "}, {"name": "\u{3000}西城街道"}, {"name": "AB"}, {"name": "ＡＢ"}],
        "reviewers": [{"name": "市领导A"}],
    }));
    assert!(
        old.validate().iter().any(|f| !f.warning),
        "the plan check refuses these names"
    );
    let path = new_session(dir.path(), "old.session.json", old);
    let session = podium::store::read(&path).expect("a session holding such names opens");

    // Cells are trimmed; they still find the names with the spaces.
    let csv = "单位,评委,指标,得分\n城东街道,市领导A,总分,88\n西城街道,市领导A,总分,90\n";
    let (_csv_dir, csv_path) = file("scores.csv", csv.as_bytes());
    let import = import_scores(&csv_path, &session).expect("matched after normalisation");
    let units: Vec<&str> = import.scores.iter().map(|s| s.unit.as_str()).collect();
    assert_eq!(units, ["城东街道 ", "\u{3000}西城街道"]);
    let mut s = session.clone();
    let events = s
        .decide(&import.command(), t0())
        .expect("the scores are taken");
    s.commit(events);
    assert_eq!(final_of(&record(&s), "城东街道 "), Some(88.0));

    // Width forms, a zero-width space and NFD in the cells match too.
    let csv = "单位,评委,指标,得分\n城东\u{200B}街道,市领导Ａ,总分,80\n";
    let (_csv_dir, csv_path) = file("scores.csv", csv.as_bytes());
    let import = import_scores(&csv_path, &session).expect("matched");
    assert_eq!(
        (
            import.scores[0].unit.as_str(),
            import.scores[0].reviewer.as_str()
        ),
        ("城东街道 ", "市领导A")
    );

    // A cell that could be either of two names is refused, naming both.
    let csv = "单位,评委,指标,得分\nAB,市领导A,总分,80\n";
    let (_csv_dir, csv_path) = file("scores.csv", csv.as_bytes());
    let e = import_scores(&csv_path, &session).expect_err("ambiguous");
    assert!(e.contains("scores.csv:2:A:"), "{e}");
    assert!(
        e.contains("\"AB\" could be any of the units \"AB\", \"ＡＢ\""),
        "{e}"
    );
}
