//! `podium scores` reading a questionnaire export ([F1]): one row per respondent, a column per
//! unit (grades) or per unit × criterion (points), each respondent one new anonymous ballot
//! of its group; every bad cell refused with its row and column, the session untouched.
//!
//! The fixtures under tests/fixtures/questionnaire/ are written by the generators below
//! (`PODIUM_REGENERATE=1 cargo test --test questionnaire` writes them again; a test checks
//! the committed ones are what the generators write).

mod common {
    pub mod cli;
}

use common::cli::{podium, text};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/questionnaire");
const GRADES_PLAN: &str = include_str!("fixtures/questionnaire/grades_plan.json");
const POINTS_PLAN: &str = include_str!("fixtures/questionnaire/points_plan.json");

const UNITS: [&str; 6] = ["湟中区", "大通县", "湟源县", "城东区", "城中区", "城西区"];
const GROUPS: [(&str, usize); 3] = [("领导", 12), ("部门", 30), ("乡镇", 18)];
const GRADES: [&str; 4] = ["优秀", "良好", "一般", "较差"];

/// How each group graded each unit: [优秀 100, 良好 80, 一般 60, 较差 40] counts. Fewer than
/// the group's respondents: the rest left the cell blank (did not grade the unit).
///
/// By hand (group mean = Σ count·points / Σ count; score = (50·领导 + 30·部门 + 20·乡镇) / 100):
/// - 湟中区: 领导 (9·100 + 3·80)/12 = 1140/12 = 95; 部门 (15·100 + 15·80)/30 = 90;
///   乡镇 (9·100 + 9·80)/18 = 90 → (4750 + 2700 + 1800)/100 = 92.5
/// - 大通县: 领导 (6·100 + 6·80)/12 = 90; 部门 (12·100 + 18·80)/30 = 2640/30 = 88;
///   乡镇 80 → (4500 + 2640 + 1600)/100 = 87.4
/// - 湟源县: 领导 (3·100 + 9·80)/12 = 85; 部门 (6·100 + 18·80 + 6·60)/30 = 2400/30 = 80;
///   乡镇 90 → (4250 + 2400 + 1800)/100 = 84.5
/// - 城东区: 领导 11 × 良好 (one blank) = 80; 部门 (15·80 + 15·60)/30 = 70;
///   乡镇 (9·80 + 9·60)/18 = 70 → (4000 + 2100 + 1400)/100 = 75
/// - 城中区: 领导 100; 部门 (3·100 + 3·80 + 12·60 + 12·40)/30 = 1740/30 = 58;
///   乡镇 (9·60 + 9·40)/18 = 50 → (5000 + 1740 + 1000)/100 = 77.4
/// - 城西区: 领导 (6·60 + 6·40)/12 = 50; 部门 (6·80 + 12·60 + 12·40)/30 = 1680/30 = 56;
///   乡镇 60 → (2500 + 1680 + 1200)/100 = 53.8
///
/// Ranking: 湟中区 92.5, 大通县 87.4, 湟源县 84.5, 城中区 77.4, 城东区 75, 城西区 53.8.
const COUNTS: [[[usize; 4]; 3]; 6] = [
    [[9, 3, 0, 0], [15, 15, 0, 0], [9, 9, 0, 0]],
    [[6, 6, 0, 0], [12, 18, 0, 0], [0, 18, 0, 0]],
    [[3, 9, 0, 0], [6, 18, 6, 0], [9, 9, 0, 0]],
    [[0, 11, 0, 0], [0, 15, 15, 0], [0, 9, 9, 0]],
    [[12, 0, 0, 0], [3, 3, 12, 12], [0, 0, 9, 9]],
    [[0, 0, 6, 6], [0, 6, 12, 12], [0, 0, 18, 0]],
];

const EXPECTED: [(&str, f64, usize); 6] = [
    ("湟中区", 92.5, 1),
    ("大通县", 87.4, 2),
    ("湟源县", 84.5, 3),
    ("城东区", 75.0, 5),
    ("城中区", 77.4, 4),
    ("城西区", 53.8, 6),
];

/// The 60 respondents in the order they submitted: (group, grade of each unit, "" = blank).
fn respondents() -> Vec<(&'static str, [&'static str; 6])> {
    let mut by_group: Vec<Vec<[&'static str; 6]>> = Vec::new();
    for (g, (_, n)) in GROUPS.iter().enumerate() {
        let mut rows = vec![[""; 6]; *n];
        for (u, counts) in COUNTS.iter().enumerate() {
            let mut list: Vec<&str> = Vec::new();
            for (k, c) in counts[g].iter().enumerate() {
                list.extend(std::iter::repeat_n(GRADES[k], *c));
            }
            assert!(list.len() <= *n);
            list.resize(*n, "");
            // Rotated per unit, so that no two columns are alike.
            for (j, row) in rows.iter_mut().enumerate() {
                row[u] = list[(j + 7 * u) % *n];
            }
        }
        by_group.push(rows);
    }
    // Round robin over the groups, as the answers came in.
    let mut out = Vec::new();
    for j in 0..30 {
        for (g, rows) in by_group.iter().enumerate() {
            if let Some(r) = rows.get(j) {
                out.push((GROUPS[g].0, *r));
            }
        }
    }
    assert_eq!(out.len(), 60);
    out
}

/// The export as an online questionnaire service writes it: service columns, the group as
/// question 1, the units as question 2's matrix (“2、…—湟中区”).
fn write_xlsx(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 5, 30).unwrap()),
    );
    let ws = book.add_worksheet();
    ws.set_name("答卷数据").unwrap();
    let mut header: Vec<String> = [
        "序号",
        "提交答卷时间",
        "所用时间",
        "来源",
        "来源详情",
        "IP地址",
        "1、您的身份",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(
        UNITS
            .iter()
            .map(|u| format!("2、请对以下单位的工作进行评价—{u}")),
    );
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (i, (group, grades)) in respondents().iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        let time = format!("2026/5/30 10:{:02}:{:02}", i / 6, (i * 7) % 60);
        ws.write_string(r, 1, &time).unwrap();
        ws.write_string(r, 2, format!("{}秒", 40 + i % 30)).unwrap();
        ws.write_string(r, 3, "微信").unwrap();
        ws.write_string(r, 4, "直接访问").unwrap();
        ws.write_string(r, 5, format!("10.0.0.{}(内网)", i + 2))
            .unwrap();
        ws.write_string(r, 6, *group).unwrap();
        for (u, g) in grades.iter().enumerate() {
            if !g.is_empty() {
                ws.write_string(r, 7 + u as u16, *g).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// The same answers as a WPS form's CSV saved on Chinese Windows: GBK, the group column
/// 分组, the units by name alone (one with a trailing space), and some grades written
/// “良好等”.
fn csv_bytes() -> Vec<u8> {
    let mut text = String::from("序号,提交时间,IP,分组");
    for (u, name) in UNITS.iter().enumerate() {
        text.push(',');
        text.push_str(name);
        if u == 2 {
            text.push(' ');
        }
    }
    text.push_str("\r\n");
    for (i, (group, grades)) in respondents().iter().enumerate() {
        text.push_str(&format!(
            "{},2026-05-30 10:{:02}:{:02},10.0.0.{},{group}",
            i + 1,
            i / 6,
            (i * 7) % 60,
            i + 2
        ));
        for g in grades {
            text.push(',');
            text.push_str(g);
            if !g.is_empty() && i % 7 == 3 {
                text.push('等');
            }
        }
        text.push_str("\r\n");
    }
    let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    bytes.into_owned()
}

#[test]
fn fixtures_are_what_the_generators_write() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("q.xlsx");
    write_xlsx(&xlsx);
    let csv = csv_bytes();
    if std::env::var_os("PODIUM_REGENERATE").is_some() {
        std::fs::copy(&xlsx, Path::new(FIXTURES).join("问卷_60人.xlsx")).unwrap();
        std::fs::write(Path::new(FIXTURES).join("问卷_60人_GBK.csv"), &csv).unwrap();
    }
    assert_eq!(
        std::fs::read(Path::new(FIXTURES).join("问卷_60人_GBK.csv")).unwrap(),
        csv
    );
    assert!(
        std::str::from_utf8(&csv).is_err(),
        "the csv is GBK, not UTF-8"
    );
    // The workbook's cells (the zip's bytes may differ by library version).
    let committed = podium::import::read_table(&Path::new(FIXTURES).join("问卷_60人.xlsx"))
        .unwrap()
        .sheets;
    let fresh = podium::import::read_table(&xlsx).unwrap().sheets;
    assert_eq!(committed.len(), fresh.len());
    for (a, b) in committed.iter().zip(&fresh) {
        assert_eq!((&a.name, &a.header, &a.rows), (&b.name, &b.header, &b.rows));
    }
}

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = podium(dir, args);
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let (ok, out, err) = run(dir, args);
    assert!(ok, "podium {args:?}: {out}{err}");
    out
}

/// The refusal's text; the command must fail.
fn refused(dir: &Path, args: &[&str]) -> String {
    let (ok, out, err) = run(dir, args);
    assert!(!ok, "podium {args:?} should be refused: {out}{err}");
    err
}

fn record(dir: &Path, session: &str) -> serde_json::Value {
    let out = run_ok(
        dir,
        &["report", session, "--format", "json", "--lang", "zh"],
    );
    serde_json::from_str(&out).unwrap()
}

fn unit<'a>(rec: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the record"))
}

fn check_grades_record(rec: &serde_json::Value) {
    assert_eq!(rec["ballots"]["issued"], 60);
    assert_eq!(rec["ballots"]["cast"], 60);
    for (g, n) in GROUPS {
        assert_eq!(rec["ballots"]["groups"][g]["issued"], n, "{g}");
        assert_eq!(rec["ballots"]["groups"][g]["cast"], n, "{g}");
    }
    for (u, (name, score, rank)) in EXPECTED.iter().enumerate() {
        let it = unit(rec, name);
        for (g, (group, _)) in GROUPS.iter().enumerate() {
            for (k, grade) in GRADES.iter().enumerate() {
                assert_eq!(
                    it["scores"][group][grade].as_u64(),
                    Some(COUNTS[u][g][k] as u64),
                    "{name} {group} {grade}: {}",
                    it["scores"]
                );
            }
        }
        assert_eq!(it["result"]["score"].as_f64(), Some(*score), "{name}");
        assert_eq!(it["result"]["rank"].as_u64(), Some(*rank as u64), "{name}");
    }
}

#[test]
fn sixty_respondents_from_xlsx_give_the_hand_computed_result() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), GRADES_PLAN).unwrap();
    let file = Path::new(FIXTURES).join("问卷_60人.xlsx");
    let out = run_ok(
        dir.path(),
        &[
            "scores",
            "plan.json",
            file.to_str().unwrap(),
            "--lang",
            "zh",
        ],
    );
    assert!(
        out.contains("新增 60 张测评票：领导 12 张（领导-001 至 领导-012）；部门 30 张（部门-001 至 部门-030）；乡镇 18 张（乡镇-001 至 乡镇-018）"),
        "{out}"
    );
    assert!(
        out.contains("答卷数据"),
        "the summary names the sheet: {out}"
    );
    let rec = record(dir.path(), "plan.session.json");
    check_grades_record(&rec);
    // No code anywhere: the session holds hashes only; no 16-character code in the files.
    let session = std::fs::read_to_string(dir.path().join("plan.session.json")).unwrap();
    assert!(!session.contains("\"code\""), "{session}");

    // The same file again is refused (it would count twice), and nothing changes.
    let before = std::fs::read(dir.path().join("plan.session.json")).unwrap();
    let err = refused(
        dir.path(),
        &[
            "scores",
            "plan.session.json",
            file.to_str().unwrap(),
            "--lang",
            "zh",
        ],
    );
    assert!(
        err.contains("已经导入过（测评票 领导-001 至 领导-012"),
        "{err}"
    );
    assert!(err.contains("重复计票"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("plan.session.json")).unwrap(),
        before
    );
}

#[test]
fn sixty_respondents_from_a_gbk_csv_give_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), GRADES_PLAN).unwrap();
    let file = Path::new(FIXTURES).join("问卷_60人_GBK.csv");
    let out = run_ok(
        dir.path(),
        &[
            "scores",
            "plan.json",
            file.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(out.contains("(GB18030)"), "{out}");
    assert!(
        out.contains("60 new ballots: 领导 12 (领导-001 to 领导-012); 部门 30 (部门-001 to 部门-030); 乡镇 18 (乡镇-001 to 乡镇-018)"),
        "{out}"
    );
    check_grades_record(&record(dir.path(), "plan.session.json"));
}

/// A session of `plan` with one respondent already imported; its file's bytes.
fn session_with_one(dir: &Path, plan: &str, csv: &str) -> Vec<u8> {
    std::fs::write(dir.join("plan.json"), plan).unwrap();
    std::fs::write(dir.join("first.csv"), csv).unwrap();
    run_ok(dir, &["scores", "plan.json", "first.csv", "--lang", "zh"]);
    std::fs::read(dir.join("plan.session.json")).unwrap()
}

/// `csv` refused on the session: every line of the refusal, the session untouched.
fn refuse_csv(dir: &Path, before: &[u8], csv: &str, extra: &[&str]) -> String {
    std::fs::write(dir.join("bad.csv"), csv).unwrap();
    let mut args = vec!["scores", "plan.session.json", "bad.csv", "--lang", "zh"];
    args.extend_from_slice(extra);
    let err = refused(dir, &args);
    assert_eq!(
        std::fs::read(dir.join("plan.session.json")).unwrap(),
        before,
        "the session changed after: {err}"
    );
    err
}

#[test]
fn bad_grades_cells_are_refused_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = session_with_one(d, GRADES_PLAN, "分组,湟中区\n领导,优秀\n");

    // An unknown column, named by its letter and header.
    let err = refuse_csv(d, &before, "分组,湟中区,备注\n领导,优秀,很好\n", &[]);
    assert!(err.contains("bad.csv：第 1 行第 C 列（“备注”）"), "{err}");

    // A grade word not in the plan, a group value that is no ballot group, a row with
    // nothing graded: all listed at once.
    let err = refuse_csv(
        d,
        &before,
        "分组,湟中区,大通县\n领导,优秀,很好\n群众,良好,良好\n部门,,\n",
        &[],
    );
    assert!(
        err.contains("第 2 行第 C 列（“大通县”）：“很好”不是计划中的等次"),
        "{err}"
    );
    assert!(
        err.contains("第 3 行第 A 列（“分组”）：“群众”不是计划中的测评组"),
        "{err}"
    );
    assert!(
        err.contains("第 4 行：这位答卷人没有给任何单位评分"),
        "{err}"
    );

    // No group at all.
    let err = refuse_csv(d, &before, "湟中区,大通县\n优秀,良好\n", &[]);
    assert!(err.contains("没有“分组”"), "{err}");
    assert!(err.contains("--group"), "{err}");

    // --group and the column disagreeing: refused at the cell.
    let err = refuse_csv(
        d,
        &before,
        "分组,湟中区\n领导,优秀\n部门,良好\n",
        &["--group", "领导"],
    );
    assert!(
        err.contains("第 3 行第 A 列（“分组”）：分组“部门”与 --group “领导”不符"),
        "{err}"
    );
    assert!(!err.contains("第 2 行"), "{err}");

    // A group that is not a ballot group in --group.
    let err = refuse_csv(d, &before, "湟中区\n优秀\n", &["--group", "群众"]);
    assert!(err.contains("群众"), "{err}");

    // --group agreeing with every row, or alone, is taken.
    std::fs::write(d.join("ok.csv"), "分组,湟中区\n领导,良好\n领导,良好\n").unwrap();
    run_ok(
        d,
        &["scores", "plan.session.json", "ok.csv", "--group", "领导"],
    );
    std::fs::write(d.join("ok2.csv"), "湟中区\n一般\n").unwrap();
    let out = run_ok(
        d,
        &[
            "scores",
            "plan.session.json",
            "ok2.csv",
            "--group",
            "部门",
            "--lang",
            "zh",
        ],
    );
    assert!(out.contains("部门 1 张（部门-001）"), "{out}");
    let rec = record(d, "plan.session.json");
    // 领导 优秀, 良好, 良好 → 260/3; 部门 一般 60: (50·260/3 + 30·60)/80 = 76.666… → 76.67.
    assert_eq!(
        unit(&rec, "湟中区")["result"]["score"].as_f64(),
        Some(76.67)
    );
}

/// The points questionnaire: two units × two criteria, headers in four forms; 领导 4 and
/// 群众 5 respondents, trim 1 within each group (weights 领导 60, 群众 40).
///
/// Totals (工作实绩 + 群众评价):
/// - 甲镇: 领导 85, 93, 75, 88 → 93 and 75 dropped → (85 + 88)/2 = 86.5;
///   群众 80, 100, 70, 80, 89 → 100 and 70 dropped → (80 + 80 + 89)/3 = 83;
///   (60·86.5 + 40·83)/100 = (5190 + 3320)/100 = 85.1
/// - 乙镇 (领导 4 left it blank): 领导 70, 77, 85 → 85 and 70 dropped → 77;
///   群众 70, 75, 80, 50, 90 → 90 and 50 dropped → (70 + 75 + 80)/3 = 75;
///   (60·77 + 40·75)/100 = (4620 + 3000)/100 = 76.2
const POINTS_CSV: &str = "\
提交时间,分组,甲镇-工作实绩,甲镇_群众评价,乙镇（工作实绩）,群众评价-乙镇
2026-05-30 10:00,领导,50,35,40,30
2026-05-30 10:01,领导,55,38,45,32
2026-05-30 10:02,领导,45,30,50,35
2026-05-30 10:03,领导,52,36,,
2026-05-30 10:04,群众,48,32,42,28
2026-05-30 10:05,群众,60,40,45,30
2026-05-30 10:06,群众,40,30,46,34
2026-05-30 10:07,群众,50,30,30,20
2026-05-30 10:08,群众,53,36,50,40
";

#[test]
fn a_points_questionnaire_is_trimmed_within_groups() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plan.json"), POINTS_PLAN).unwrap();
    std::fs::write(d.join("points.csv"), POINTS_CSV).unwrap();
    let out = run_ok(d, &["scores", "plan.json", "points.csv", "--lang", "zh"]);
    assert!(
        out.contains(
            "新增 9 张测评票：领导 4 张（领导-001 至 领导-004）；群众 5 张（群众-001 至 群众-005）"
        ),
        "{out}"
    );
    let rec = record(d, "plan.session.json");
    assert_eq!(unit(&rec, "甲镇")["result"]["score"].as_f64(), Some(85.1));
    assert_eq!(unit(&rec, "乙镇")["result"]["score"].as_f64(), Some(76.2));
    assert_eq!(unit(&rec, "甲镇")["result"]["rank"].as_u64(), Some(1));
    assert_eq!(unit(&rec, "乙镇")["result"]["rank"].as_u64(), Some(2));
    // Each ballot is an anonymous scorer, named by its serial.
    let scores = unit(&rec, "甲镇")["scores"].to_string();
    assert!(scores.contains("领导-004"), "{scores}");
}

#[test]
fn bad_points_cells_are_refused_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = session_with_one(
        d,
        POINTS_PLAN,
        "分组,甲镇-工作实绩,甲镇-群众评价\n领导,50,30\n",
    );
    // Out of range (工作实绩 is out of 60), and a half-filled unit.
    let err = refuse_csv(
        d,
        &before,
        "分组,甲镇-工作实绩,甲镇-群众评价,乙镇-工作实绩,乙镇-群众评价\n领导,70,30,50,30\n群众,50,30,50,\n",
        &[],
    );
    assert!(err.contains("第 2 行第 B 列（“甲镇-工作实绩”）"), "{err}");
    assert!(
        err.contains("第 3 行第 E 列（“乙镇-群众评价”）：“乙镇”的这一指标没有评分"),
        "{err}"
    );
    // A unit's column without its criterion, and a unit missing a criterion's column.
    let err = refuse_csv(d, &before, "分组,甲镇,乙镇-工作实绩\n领导,50,50\n", &[]);
    assert!(
        err.contains("第 1 行第 B 列（“甲镇”）：“甲镇”有多个指标"),
        "{err}"
    );
    assert!(
        err.contains("第 1 行第 C 列（“乙镇-工作实绩”）：“乙镇”没有“群众评价”一列"),
        "{err}"
    );
}

#[test]
fn a_two_row_header_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plan.json"), POINTS_PLAN).unwrap();
    // The criterion above (merged over its units: the cells to its right are empty), the
    // units below; the group column has its header in the top row only.
    let csv =
        "分组,工作实绩,,群众评价,\n,甲镇,乙镇,甲镇,乙镇\n领导,50,40,30,30\n群众,40,44,20,36\n";
    std::fs::write(d.join("two.csv"), csv).unwrap();
    run_ok(d, &["scores", "plan.json", "two.csv"]);
    let rec = record(d, "plan.session.json");
    // One ballot each: 甲镇 (60·80 + 40·60)/100 = 72; 乙镇 (60·70 + 40·80)/100 = 74.
    assert_eq!(unit(&rec, "甲镇")["result"]["score"].as_f64(), Some(72.0));
    assert_eq!(unit(&rec, "乙镇")["result"]["score"].as_f64(), Some(74.0));
}

#[test]
fn a_plan_without_ballot_groups_refuses_a_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = r#"{"title": "测评", "units": [{"name": "湟中区"}], "scoring": {"mode": "grades"}}"#;
    std::fs::write(d.join("plan.json"), plan).unwrap();
    std::fs::write(d.join("q.csv"), "分组,湟中区\n领导,优秀\n").unwrap();
    let err = refused(d, &["scores", "plan.json", "q.csv", "--lang", "zh"]);
    assert!(err.contains("计划没有测评组"), "{err}");
    assert!(!d.join("plan.session.json").exists());
}

#[test]
fn a_workbook_with_a_sheet_of_another_format_is_read_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = r#"{"title": "测评", "units": [{"name": "湟中区"}, {"name": "大通县"}],
        "scoring": {"mode": "grades"}}"#;
    std::fs::write(d.join("plan.json"), plan).unwrap();
    // The tally (单位, 等次, 票数) beside a sheet whose header names the units: the tally is
    // imported, the other sheet is not taken for a questionnaire.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("汇总").unwrap();
    for (c, h) in ["项目", "湟中区", "大通县"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "优秀票").unwrap();
    ws.write_number(1, 1, 3.0).unwrap();
    let ws = book.add_worksheet();
    ws.set_name("评分").unwrap();
    for (r, row) in [["单位", "等次", "票数"], ["湟中区", "优秀", "3"]]
        .iter()
        .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(d.join("book.xlsx")).unwrap();
    let out = run_ok(d, &["scores", "plan.json", "book.xlsx", "--lang", "en"]);
    assert!(out.contains("1 row"), "{out}");
    let rec = record(d, "plan.session.json");
    assert_eq!(
        unit(&rec, "湟中区")["result"]["score"].as_f64(),
        Some(100.0)
    );
}
