//! `podium sheets`: printed score sheets from a plan, filled in with a spreadsheet library as
//! whoever types up the paper would, and imported back with `podium scores` unchanged.
//!
//! The plan (tests/fixtures/sheets/plan.json): 4 汇报单位 (and a speech, which gets no row),
//! 3 criteria (工作实绩 40, 创新举措 30, 汇报质量 30; step 0.5; 2 decimals), 4 reviewers with
//! no groups and no trimming; 张强 is recused from 市发改局.

mod common {
    pub mod cli;
}

use common::cli::{podium, text};
use std::path::Path;

const PLAN: &str = include_str!("fixtures/sheets/plan.json");
const GRADES: &str = include_str!("fixtures/sheets/grades.json");

/// The scores written on paper: reviewer → rows of (unit, 工作实绩, 创新举措, 汇报质量);
/// `None` for the recused unit (its cells read 回避 and stay as they are).
type Paper = (&'static str, [(&'static str, Option<[f64; 3]>); 4]);
const FILLED: [Paper; 4] = [
    (
        "王明",
        [
            ("市财政局", Some([36.0, 27.0, 28.0])),       // 91
            ("市发改局", Some([32.0, 25.5, 26.0])),       // 83.5
            ("市交通运输局", Some([38.0, 28.0, 29.0])),   // 95
            ("城郊街道办事处", Some([30.0, 24.0, 25.0])), // 79
        ],
    ),
    (
        "李华",
        [
            ("市财政局", Some([35.0, 26.0, 27.0])),       // 88
            ("市发改局", Some([34.0, 26.0, 27.0])),       // 87
            ("市交通运输局", Some([37.0, 29.0, 28.5])),   // 94.5
            ("城郊街道办事处", Some([31.0, 25.0, 24.0])), // 80
        ],
    ),
    (
        "张强",
        [
            ("市财政局", Some([37.0, 28.0, 27.0])),       // 92
            ("市发改局", None),                           // 回避
            ("市交通运输局", Some([36.0, 27.0, 28.0])),   // 91
            ("城郊街道办事处", Some([32.0, 23.0, 26.0])), // 81
        ],
    ),
    (
        "赵丽",
        [
            ("市财政局", Some([36.0, 27.0, 26.0])),       // 89
            ("市发改局", Some([33.0, 25.0, 26.5])),       // 84.5
            ("市交通运输局", Some([39.0, 28.0, 29.0])),   // 96
            ("城郊街道办事处", Some([29.0, 24.0, 25.0])), // 78
        ],
    ),
];

fn setup(dir: &Path) {
    std::fs::write(dir.join("plan.json"), PLAN).unwrap();
    std::fs::write(dir.join("grades.json"), GRADES).unwrap();
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = podium(dir, args);
    assert!(
        out.status.success(),
        "podium {args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The row of `unit` on a generated sheet: found by reading column B (the sheet's layout is
/// the generator's, not assumed here beyond 单位 in B and the criteria from C on).
fn row_of(ws: &umya_spreadsheet::Worksheet, unit: &str) -> u32 {
    (1..=40)
        .find(|r| ws.value((2, *r)) == unit)
        .unwrap_or_else(|| panic!("{unit} not on the sheet"))
}

/// Fills the generated workbook with `FILLED`, changing the value at (reviewer, unit,
/// criterion index) when `poke` says so, and saves it as `out`.
fn fill(src: &Path, out: &Path, poke: Option<(&str, &str, usize, &str)>) {
    let mut book = umya_spreadsheet::reader::xlsx::read(src).unwrap();
    for (reviewer, rows) in FILLED {
        let ws = book.sheet_by_name_mut(reviewer).unwrap();
        assert_eq!(ws.value("A3"), format!("评委：{reviewer}"));
        for (unit, values) in rows {
            let r = row_of(ws, unit);
            match values {
                None => {
                    for c in 3..=5 {
                        assert_eq!(ws.value((c, r)), "回避", "{reviewer} {unit}");
                    }
                }
                Some(v) => {
                    for (i, x) in v.iter().enumerate() {
                        ws.cell_mut((3 + i as u32, r)).set_value_number(*x);
                    }
                }
            }
            if let Some((who, u, i, value)) = poke
                && who == reviewer
                && u == unit
            {
                ws.cell_mut((3 + i as u32, r)).set_value(value);
            }
        }
    }
    umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
}

fn record(dir: &Path) -> serde_json::Value {
    let out = run_ok(
        dir,
        &[
            "report",
            "plan.session.json",
            "--format",
            "json",
            "--lang",
            "zh",
        ],
    );
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_sheets_come_back_with_the_figures_computed_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let said = run_ok(
        d,
        &["sheets", "plan.json", "-o", "评分表.xlsx", "--lang", "zh"],
    );
    assert!(said.contains("评分表.xlsx") && said.contains('4'), "{said}");

    // The layout a person sees: one sheet per reviewer, the header with each maximum.
    let book = umya_spreadsheet::reader::xlsx::read(d.join("评分表.xlsx")).unwrap();
    let names: Vec<String> = book
        .sheet_collection()
        .iter()
        .map(|s| s.name().to_string())
        .collect();
    assert_eq!(names, ["王明", "李华", "张强", "赵丽"]);
    let ws = book.sheet_by_name("王明").unwrap();
    let header: Vec<String> = (1..=6).map(|c| ws.value((c, 5))).collect();
    assert_eq!(
        header,
        [
            "序号",
            "单位",
            "工作实绩（40分）",
            "创新举措（30分）",
            "汇报质量（30分）",
            "合计"
        ]
    );
    assert_eq!(ws.value("A1"), "2026年上半年重点工作汇报会");
    let units: Vec<String> = (6..=9).map(|r| ws.value((2, r))).collect();
    assert_eq!(
        units,
        ["市财政局", "市发改局", "市交通运输局", "城郊街道办事处"]
    );
    assert!(
        (1..=20).any(|r| ws.value((1, r)).starts_with("评委签名")),
        "the signature line"
    );

    // A blank sheet imports nothing: refused, nothing made.
    let out = podium(d, &["scores", "plan.json", "评分表.xlsx", "--lang", "zh"]);
    assert!(!out.status.success());
    assert!(!d.join("plan.session.json").exists());

    fill(&d.join("评分表.xlsx"), &d.join("filled.xlsx"), None);
    let said = run_ok(d, &["scores", "plan.json", "filled.xlsx", "--lang", "zh"]);
    // 4 reviewers × 4 units × 3 criteria, less 张强's 3 cells of 市发改局: 45 scores.
    assert!(said.contains("45"), "{said}");

    // By hand (no groups, no trim: the mean of the reviewers' totals, 2 decimals, half up):
    // 市财政局       (91 + 88 + 92 + 89) / 4        = 90.00
    // 市发改局       (83.5 + 87 + 84.5) / 3 (张强回避) = 85.00
    // 市交通运输局   (95 + 94.5 + 91 + 96) / 4      = 94.125 → 94.13
    // 城郊街道办事处 (79 + 80 + 81 + 78) / 4        = 79.50
    // Ranks: 交通 1, 财政 2, 发改 3, 城郊 4.
    let rec = record(d);
    let ranking: Vec<(String, f64, u64)> = rec["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit"].as_str().unwrap().to_string(),
                r["final"].as_f64().unwrap(),
                r["rank"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("市交通运输局", 94.13, 1),
        ("市财政局", 90.0, 2),
        ("市发改局", 85.0, 3),
        ("城郊街道办事处", 79.5, 4),
    ];
    assert_eq!(ranking.len(), 4, "{ranking:?}");
    for ((unit, f, r), (eu, ef, er)) in ranking.iter().zip(expected) {
        assert_eq!((unit.as_str(), *r), (eu, er));
        assert!((f - ef).abs() < 1e-9, "{unit}: {f} ≠ {ef}");
    }

    // The same sheets again change nothing.
    let said = run_ok(d, &["scores", "plan.json", "filled.xlsx", "--lang", "zh"]);
    assert!(said.contains("新增 0"), "{said}");
}

#[test]
fn a_value_over_the_maximum_is_refused_naming_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.xlsx", "--lang", "zh"]);
    // 李华, 市交通运输局 (the third unit: row 8), 创新举措 (column D): 31 of 30.
    fill(
        &d.join("s.xlsx"),
        &d.join("over.xlsx"),
        Some(("李华", "市交通运输局", 1, "31")),
    );
    let out = podium(d, &["scores", "plan.json", "over.xlsx", "--lang", "zh"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("over.xlsx[李华]:8:D"), "{err}");
    assert!(err.contains("31") && err.contains("30"), "{err}");
    assert!(!d.join("plan.session.json").exists(), "nothing made");

    // Off the step (0.5): refused as the long format refuses it.
    fill(
        &d.join("s.xlsx"),
        &d.join("step.xlsx"),
        Some(("赵丽", "市财政局", 0, "35.3")),
    );
    let out = podium(d, &["scores", "plan.json", "step.xlsx", "--lang", "zh"]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("step.xlsx[赵丽]:6:C") && err.contains("0.5"),
        "{err}"
    );

    // A score written over 回避: refused at that cell.
    fill(
        &d.join("s.xlsx"),
        &d.join("rec.xlsx"),
        Some(("张强", "市发改局", 2, "20")),
    );
    let out = podium(d, &["scores", "plan.json", "rec.xlsx", "--lang", "zh"]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("rec.xlsx[张强]:7:E") && err.contains("回避"),
        "{err}"
    );
}

#[test]
fn a_sheet_naming_nobody_in_the_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.xlsx", "--lang", "zh"]);
    fill(&d.join("s.xlsx"), &d.join("f.xlsx"), None);
    let mut book = umya_spreadsheet::reader::xlsx::read(d.join("f.xlsx")).unwrap();
    book.sheet_by_name_mut("赵丽")
        .unwrap()
        .cell_mut("A3")
        .set_value("评委：钱七");
    umya_spreadsheet::writer::xlsx::write(&book, d.join("nobody.xlsx")).unwrap();
    let out = podium(d, &["scores", "plan.json", "nobody.xlsx", "--lang", "zh"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("nobody.xlsx[赵丽]:3:A") && err.contains("钱七"),
        "{err}"
    );
    assert!(!d.join("plan.session.json").exists());
}

#[test]
fn unnamed_sheets_per_group_are_numbered_and_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(
        d,
        &[
            "sheets",
            "plan.json",
            "-o",
            "g.xlsx",
            "--group",
            "领导=12",
            "--group",
            "部门=3",
            "--lang",
            "zh",
        ],
    );
    let book = umya_spreadsheet::reader::xlsx::read(d.join("g.xlsx")).unwrap();
    let sheets = book.sheet_collection();
    assert_eq!(sheets.len(), 15);
    let leaders: Vec<_> = sheets
        .iter()
        .filter(|s| s.value("A2").starts_with("评分表（领导）"))
        .collect();
    assert_eq!(leaders.len(), 12);
    assert_eq!(leaders[2].value("A2"), "评分表（领导）第 3 张 / 共 12 张");
    for s in sheets {
        assert!(
            !s.value("A3").contains("评委"),
            "unnamed: {}",
            s.value("A3")
        );
        for name in ["王明", "李华", "张强", "赵丽"] {
            let all: String = (1..=12)
                .flat_map(|r| (1..=6).map(move |c| (c, r)))
                .map(|at| s.value(at))
                .collect();
            assert!(!all.contains(name), "{name} on an unnamed sheet");
        }
    }
    // Filled in or not, an unnamed sheet is refused with a sentence naming it.
    let out = podium(d, &["scores", "plan.json", "g.xlsx", "--lang", "zh"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("g.xlsx[领导-1]:3:A") && err.contains("不记名"),
        "{err}"
    );

    // A bad --group is a sentence, not a panic.
    let out = podium(
        d,
        &["sheets", "plan.json", "--group", "领导", "--lang", "zh"],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("组别=张数"));
}

#[test]
fn the_docx_holds_a_table_per_reviewer_with_the_maxima() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.docx", "--lang", "zh"]);
    let bytes = std::fs::read(d.join("s.docx")).unwrap();
    let doc = docx_rs::read_docx(&bytes).unwrap();
    let tables = doc
        .document
        .children
        .iter()
        .filter(|c| matches!(c, docx_rs::DocumentChild::Table(_)))
        .count();
    assert_eq!(tables, 4, "a table per reviewer");
    let json = doc.json();
    for want in [
        "评委：王明",
        "评委：李华",
        "评委：张强",
        "评委：赵丽",
        "工作实绩（40分）",
        "创新举措（30分）",
        "汇报质量（30分）",
        "城郊街道办事处",
        "评委签名",
        "回避",
    ] {
        assert!(json.contains(want), "{want} missing from the docx");
    }
    assert!(json.contains("\"page\""), "one reviewer per page");
    // Never replaced: the same -o again is refused.
    let out = podium(d, &["sheets", "plan.json", "-o", "s.docx", "--lang", "zh"]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(d.join("s.docx")).unwrap(), bytes);
}

#[test]
fn grades_mode_prints_a_ballot_with_a_box_per_grade() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    // No -o: beside the plan, named after it.
    let said = run_ok(d, &["sheets", "grades.json", "--lang", "zh"]);
    assert!(said.contains("grades-评分表.xlsx"), "{said}");
    let book = umya_spreadsheet::reader::xlsx::read(d.join("grades-评分表.xlsx")).unwrap();
    let ws = book.sheet_by_name("王明").unwrap();
    assert_eq!(ws.value("A2"), "测评票");
    assert!(ws.value("A4").contains("打 √"), "{}", ws.value("A4"));
    let header: Vec<String> = (1..=6).map(|c| ws.value((c, 5))).collect();
    assert_eq!(header, ["序号", "单位", "优秀", "良好", "一般", "较差"]);
    for c in 3..=6 {
        assert_eq!(ws.value((c, 6)), "□");
    }
    // Typed into podium as it is: refused, saying how (the tally in the long format).
    let out = podium(
        d,
        &[
            "scores",
            "grades.json",
            "grades-评分表.xlsx",
            "--lang",
            "zh",
        ],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("票数"), "{}", text(&out.stderr));
    // A second run writes a second file, never over the first.
    let said = run_ok(d, &["sheets", "grades.json", "--lang", "zh"]);
    assert!(said.contains("grades-评分表-2.xlsx"), "{said}");
}

#[test]
fn english_sheets_come_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let said = run_ok(d, &["sheets", "plan.json", "--lang", "en"]);
    assert!(said.contains("plan-score-sheets.xlsx"), "{said}");
    let mut book = umya_spreadsheet::reader::xlsx::read(d.join("plan-score-sheets.xlsx")).unwrap();
    let ws = book.sheet_by_name_mut("李华").unwrap();
    assert_eq!(ws.value("A3"), "Reviewer: 李华");
    assert_eq!(ws.value("A5"), "No.");
    assert_eq!(ws.value("C5"), "工作实绩 (40 pts)");
    let r = row_of(ws, "市财政局");
    ws.cell_mut((3, r)).set_value_number(33.5);
    ws.cell_mut((5, r)).set_value_number(30);
    umya_spreadsheet::writer::xlsx::write(&book, d.join("en.xlsx")).unwrap();
    let said = run_ok(d, &["scores", "plan.json", "en.xlsx", "--lang", "en"]);
    assert!(said.contains("2 rows") && said.contains("2 new"), "{said}");
}

#[test]
fn a_blank_cell_is_not_scored_and_the_sheet_stays_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.xlsx", "--lang", "zh"]);
    // 王明 leaves 汇报质量 of 市财政局 blank (a space, as a cleared cell may hold).
    fill(
        &d.join("s.xlsx"),
        &d.join("gap.xlsx"),
        Some(("王明", "市财政局", 2, " ")),
    );
    let said = run_ok(d, &["scores", "plan.json", "gap.xlsx", "--lang", "zh"]);
    assert!(said.contains("44 行"), "{said}");
    let rec = record(d);
    let unit = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "市财政局")
        .unwrap();
    let flags = unit["result"]["flags"].to_string();
    assert!(flags.contains("incomplete:王明"), "{unit}");
}

#[test]
fn a_reviewer_twice_and_an_unknown_column_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.xlsx", "--lang", "zh"]);
    fill(&d.join("s.xlsx"), &d.join("f.xlsx"), None);
    let mut book = umya_spreadsheet::reader::xlsx::read(d.join("f.xlsx")).unwrap();
    book.sheet_by_name_mut("赵丽")
        .unwrap()
        .cell_mut("A3")
        .set_value("评委：王明");
    book.sheet_by_name_mut("李华")
        .unwrap()
        .cell_mut("G5")
        .set_value("备注");
    umya_spreadsheet::writer::xlsx::write(&book, d.join("twice.xlsx")).unwrap();
    let out = podium(d, &["scores", "plan.json", "twice.xlsx", "--lang", "zh"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("评委“王明”有两张评分表：twice.xlsx[王明] 和 twice.xlsx[赵丽]"),
        "{err}"
    );
    assert!(
        err.contains("twice.xlsx[李华]:5:G") && err.contains("备注"),
        "{err}"
    );
    assert!(!d.join("plan.session.json").exists());
}

/// What an attack on the import found: a 合计 typed on a row whose criteria are blank was
/// passed over without a word (the unit left unscored), and so was 回避 written on a unit the
/// plan does not recuse the reviewer from. Both are refused at their cell now.
#[test]
fn a_total_alone_and_a_recusal_the_plan_does_not_make_are_refused_at_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    run_ok(d, &["sheets", "plan.json", "-o", "s.xlsx", "--lang", "zh"]);
    fill(&d.join("s.xlsx"), &d.join("f.xlsx"), None);
    // 王明, 市发改局: the criteria blanked, 85 typed in 合计 (column F).
    let mut book = umya_spreadsheet::reader::xlsx::read(d.join("f.xlsx")).unwrap();
    let ws = book.sheet_by_name_mut("王明").unwrap();
    let r = row_of(ws, "市发改局");
    for c in 3..=5 {
        ws.cell_mut((c, r)).set_value("");
    }
    ws.cell_mut((6, r)).set_value_number(85);
    umya_spreadsheet::writer::xlsx::write(&book, d.join("total.xlsx")).unwrap();
    let out = podium(d, &["scores", "plan.json", "total.xlsx", "--lang", "zh"]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(&format!("total.xlsx[王明]:{r}:F")) && err.contains("只填了合计"),
        "{err}"
    );
    assert!(!d.join("plan.session.json").exists(), "nothing made");

    // 李华 is recused from nothing: 回避 on 市财政局's 工作实绩 is refused at C.
    fill(
        &d.join("s.xlsx"),
        &d.join("rec.xlsx"),
        Some(("李华", "市财政局", 0, "回避")),
    );
    let out = podium(d, &["scores", "plan.json", "rec.xlsx", "--lang", "zh"]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("rec.xlsx[李华]:6:C") && err.contains("没有回避"),
        "{err}"
    );

    // The sheets as filled in (张强's 回避 where the plan recuses him) still import.
    run_ok(d, &["scores", "plan.json", "f.xlsx", "--lang", "zh"]);
}
