//! Paper ballots of the ballot groups (`scoring.ballot_groups`): `podium sheets` prints each
//! group's ballots, and `podium scores` reads them back — a grades tally by group (from its
//! 组别/分组 column or `--group`), and unnamed points sheets, each one new anonymous ballot of
//! its group. Every figure below is computed by hand.
//!
//! Fixtures (tests/fixtures/ballots_paper): grades.json (甲镇, 乙镇; the default grades 优秀 100,
//! 良好 80, 一般 60, 较差 40; 领导 weight 60, 3 ballots; 部门 weight 40, 4 ballots) and
//! points.json (实绩 60 + 作风 40; 领导 50, 2 ballots; 群众 50, 2 ballots; no trimming).

mod common {
    pub mod cli;
}

use common::cli::{podium, text};
use std::path::Path;

const GRADES: &str = include_str!("fixtures/ballots_paper/grades.json");
const POINTS: &str = include_str!("fixtures/ballots_paper/points.json");
const TALLY: &str = include_str!("fixtures/ballots_paper/tally.csv");
const TALLY_NO_GROUP: &str = include_str!("fixtures/ballots_paper/tally_nogroup.csv");
const TALLY_HEADED: &str = include_str!("fixtures/ballots_paper/tally_headed.csv");
const TALLY_BAD_GROUP: &str = include_str!("fixtures/ballots_paper/tally_badgroup.csv");

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

fn run_err(dir: &Path, args: &[&str]) -> String {
    let out = podium(dir, args);
    assert!(
        !out.status.success(),
        "podium {args:?} should be refused: {}",
        text(&out.stdout)
    );
    text(&out.stderr)
}

fn record(dir: &Path, session: &str) -> serde_json::Value {
    let out = run_ok(
        dir,
        &["report", session, "--format", "json", "--lang", "zh"],
    );
    serde_json::from_str(&out).unwrap()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let book = umya_spreadsheet::reader::xlsx::read(path).unwrap();
    book.sheet_collection()
        .iter()
        .map(|s| s.name().to_string())
        .collect()
}

#[test]
fn sheets_print_each_ballot_group_s_ballots() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("grades.json"), GRADES).unwrap();
    // The plan's counts: 领导 3, 部门 6.
    let said = run_ok(
        d,
        &["sheets", "grades.json", "-o", "测评票.xlsx", "--lang", "zh"],
    );
    assert!(said.contains('9'), "{said}");
    let names = sheet_names(&d.join("测评票.xlsx"));
    assert_eq!(
        names,
        [
            "领导-1", "领导-2", "领导-3", "部门-1", "部门-2", "部门-3", "部门-4", "部门-5",
            "部门-6"
        ]
    );
    let book = umya_spreadsheet::reader::xlsx::read(d.join("测评票.xlsx")).unwrap();
    let ws = book.sheet_by_name("领导-2").unwrap();
    assert_eq!(ws.value("A2"), "测评票（领导）第 2 张 / 共 3 张");
    assert_eq!(ws.value("A3"), "组别：领导");
    let header: Vec<String> = (1..=6).map(|c| ws.value((c, 5))).collect();
    assert_eq!(header, ["序号", "单位", "优秀", "良好", "一般", "较差"]);
    assert_eq!(ws.value((3, 6)), "□");

    // `--group` with ballot groups: a ballot group's count, or refused.
    run_ok(
        d,
        &["sheets", "grades.json", "--group", "部门=2", "-o", "b.xlsx"],
    );
    assert_eq!(sheet_names(&d.join("b.xlsx")), ["部门-1", "部门-2"]);
    let err = run_err(
        d,
        &[
            "sheets",
            "grades.json",
            "--group",
            "群众=5",
            "-o",
            "c.xlsx",
            "--lang",
            "zh",
        ],
    );
    assert!(err.contains("群众") && err.contains("领导"), "{err}");
    assert!(!d.join("c.xlsx").exists());

    // A ballot group without a count and no `--group`: refused, naming it.
    let plan = GRADES.replace(", \"ballots\": 6", "");
    std::fs::write(d.join("nocount.json"), plan).unwrap();
    let err = run_err(
        d,
        &["sheets", "nocount.json", "-o", "d.xlsx", "--lang", "zh"],
    );
    assert!(err.contains("部门") && err.contains("--group"), "{err}");

    // `podium check` lists the ballot groups.
    let said = run_ok(d, &["check", "grades.json", "--lang", "zh"]);
    assert!(
        said.contains("测评组别：领导 权重 60% 3 张；部门 权重 40% 6 张"),
        "{said}"
    );
}

#[test]
fn a_tally_by_group_imports_to_the_weighted_score() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("grades.json"), GRADES).unwrap();
    std::fs::write(d.join("tally.csv"), TALLY).unwrap();
    std::fs::write(d.join("nogroup.csv"), TALLY_NO_GROUP).unwrap();
    std::fs::write(d.join("badgroup.csv"), TALLY_BAD_GROUP).unwrap();

    // Without a group (no column, no --group): refused at its row, nothing made.
    let err = run_err(d, &["scores", "grades.json", "nogroup.csv", "--lang", "zh"]);
    assert!(
        err.contains("nogroup.csv:2:A") && err.contains("组别"),
        "{err}"
    );
    assert!(!d.join("grades.session.json").exists());
    // A group that is not the plan's: refused at its cell (分组 is read as the group column).
    let err = run_err(
        d,
        &["scores", "grades.json", "badgroup.csv", "--lang", "zh"],
    );
    assert!(
        err.contains("badgroup.csv:3:B") && err.contains("群众"),
        "{err}"
    );
    assert!(!err.contains(":2:"), "{err}");
    // --group naming no ballot group: refused.
    let err = run_err(
        d,
        &[
            "scores",
            "grades.json",
            "nogroup.csv",
            "--group",
            "群众",
            "--lang",
            "zh",
        ],
    );
    assert!(err.contains("群众"), "{err}");
    // --group differing from the file's column: refused.
    let err = run_err(
        d,
        &[
            "scores",
            "grades.json",
            "tally.csv",
            "--group",
            "部门",
            "--lang",
            "zh",
        ],
    );
    assert!(
        err.contains("tally.csv:2:B") && err.contains("不一致"),
        "{err}"
    );
    assert!(!d.join("grades.session.json").exists());

    run_ok(d, &["scores", "grades.json", "tally.csv", "--lang", "zh"]);
    let rec = record(d, "grades.session.json");
    let u = &rec["units"][0];
    assert_eq!(u["name"], "甲镇");
    assert_eq!(u["scores"]["领导"]["优秀"], 2);
    assert_eq!(u["scores"]["领导"]["良好"], 1);
    assert_eq!(u["scores"]["部门"]["一般"], 4);
    // 甲镇: 领导 (2×100 + 80) / 3 = 93.33…, 部门 60; (60 × 93.33… + 40 × 60) / 100 = 80.
    assert_eq!(u["result"]["score"], 80.0);
    // 乙镇: 领导 80; 部门 (2×100 + 2×40) / 4 = 70; (60×80 + 40×70) / 100 = 76.
    assert_eq!(rec["units"][1]["result"]["score"], 76.0);
    assert_eq!(rec["units"][1]["result"]["group_scores"]["部门"], 70.0);

    // The whole file's group from a “组别：部门” row above the header (and refused when
    // --group says another): 部门 adds one 优秀 to 甲镇, one 良好 to 乙镇.
    std::fs::write(d.join("headed.csv"), TALLY_HEADED).unwrap();
    let err = run_err(
        d,
        &[
            "scores",
            "grades.session.json",
            "headed.csv",
            "--group",
            "领导",
            "--lang",
            "zh",
        ],
    );
    assert!(
        err.contains("headed.csv:1:A") && err.contains("不一致"),
        "{err}"
    );
    run_ok(
        d,
        &[
            "scores",
            "grades.session.json",
            "headed.csv",
            "--lang",
            "zh",
        ],
    );
    let rec = record(d, "grades.session.json");
    assert_eq!(rec["units"][0]["scores"]["部门"]["优秀"], 1);
    // 甲镇: 部门 (100 + 4×60) / 5 = 68; (60 × 93.33… + 40 × 68) / 100 = 56 + 27.2 = 83.2.
    assert_eq!(rec["units"][0]["result"]["score"], 83.2);
    // 乙镇: 部门 (200 + 80 + 80) / 5 = 72; 48 + 28.8 = 76.8.
    assert_eq!(rec["units"][1]["result"]["score"], 76.8);

    // The same from --group on a file without a group: 部门 6 ballots for 甲镇 now.
    run_ok(
        d,
        &[
            "scores",
            "grades.session.json",
            "nogroup.csv",
            "--group",
            "部门",
            "--lang",
            "zh",
        ],
    );
    let rec = record(d, "grades.session.json");
    assert_eq!(rec["units"][0]["scores"]["部门"]["优秀"], 2);
    // 甲镇: 部门 (200 + 240) / 6 = 73.33…; (5600 + 40 × 440/6) / 100 = 56 + 29.33… = 85.33.
    assert_eq!(rec["units"][0]["result"]["score"], 85.33);
}

/// A row of an unnamed sheet: (unit, 实绩, 作风), `None` for a cell left blank.
type Row<'a> = (&'a str, Option<f64>, Option<f64>);

/// Fills an unnamed sheet: rows of (unit, 实绩, 作风), `None` for a cell left blank.
fn fill(ws: &mut umya_spreadsheet::Worksheet, rows: &[Row]) {
    for (unit, a, b) in rows {
        let r = (6..=20)
            .find(|r| ws.value((2, *r)) == *unit)
            .unwrap_or_else(|| panic!("{unit} not on the sheet"));
        for (c, v) in [(3, a), (4, b)] {
            if let Some(v) = v {
                ws.cell_mut((c, r)).set_value_number(*v);
            }
        }
    }
}

fn filled(src: &Path, out: &Path, poke: impl Fn(&mut umya_spreadsheet::Workbook)) {
    let mut book = umya_spreadsheet::reader::xlsx::read(src).unwrap();
    let sheets: [(&str, &[Row]); 3] = [
        (
            "领导-1",
            &[
                ("甲镇", Some(50.0), Some(30.0)),
                ("乙镇", Some(40.0), Some(30.0)),
            ],
        ),
        (
            "领导-2",
            &[
                ("甲镇", Some(60.0), Some(40.0)),
                ("乙镇", Some(50.0), Some(30.0)),
            ],
        ),
        (
            "群众-1",
            &[
                ("甲镇", Some(40.0), Some(20.0)),
                ("乙镇", Some(30.0), Some(30.0)),
            ],
        ),
    ];
    for (name, rows) in sheets {
        let ws = book.sheet_by_name_mut(name).unwrap();
        assert_eq!(ws.value("A3"), format!("组别：{}", &name[..6]));
        fill(ws, rows);
    }
    // 群众-2 comes back blank.
    poke(&mut book);
    umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
}

#[test]
fn unnamed_points_sheets_become_ballots_of_their_groups() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("points.json"), POINTS).unwrap();
    run_ok(
        d,
        &["sheets", "points.json", "-o", "评分表.xlsx", "--lang", "zh"],
    );
    let src = d.join("评分表.xlsx");
    assert_eq!(sheet_names(&src), ["领导-1", "领导-2", "群众-1", "群众-2"]);

    // A unit scored on one criterion only: refused at the blank cell, nothing made.
    filled(&src, &d.join("half.xlsx"), |b| {
        let ws = b.sheet_by_name_mut("群众-2").unwrap();
        fill(ws, &[("乙镇", Some(30.0), None)]);
    });
    let err = run_err(d, &["scores", "points.json", "half.xlsx", "--lang", "zh"]);
    assert!(
        err.contains("half.xlsx[群众-2]:7:D") && err.contains("作风"),
        "{err}"
    );
    assert!(!d.join("points.session.json").exists());

    // A score over the criterion's maximum: refused at its cell.
    filled(&src, &d.join("over.xlsx"), |b| {
        let ws = b.sheet_by_name_mut("群众-2").unwrap();
        fill(ws, &[("甲镇", Some(61.0), Some(10.0))]);
    });
    let err = run_err(d, &["scores", "points.json", "over.xlsx", "--lang", "zh"]);
    assert!(err.contains("over.xlsx[群众-2]:6:C"), "{err}");

    // A group cell that names no ballot group: refused at the cell.
    filled(&src, &d.join("badgroup.xlsx"), |b| {
        let ws = b.sheet_by_name_mut("群众-1").unwrap();
        ws.cell_mut("A3").set_value("组别：干部");
    });
    let err = run_err(
        d,
        &["scores", "points.json", "badgroup.xlsx", "--lang", "zh"],
    );
    assert!(
        err.contains("badgroup.xlsx[群众-1]:3:A") && err.contains("干部"),
        "{err}"
    );
    assert!(!d.join("points.session.json").exists());

    // Reviewers' scores (the long format) belong to no ballot group: --group is refused.
    std::fs::write(
        d.join("long.csv"),
        "单位,评委,指标,得分\n甲镇,王明,实绩,50\n",
    )
    .unwrap();
    let err = run_err(
        d,
        &[
            "scores",
            "points.json",
            "long.csv",
            "--group",
            "领导",
            "--lang",
            "zh",
        ],
    );
    assert!(err.contains("long.csv") && err.contains("--group"), "{err}");

    filled(&src, &d.join("filled.xlsx"), |_| {});
    let said = run_ok(d, &["scores", "points.json", "filled.xlsx", "--lang", "zh"]);
    assert!(
        said.contains("3 张不记名评分表") && said.contains("1 张空白"),
        "{said}"
    );
    let rec = record(d, "points.session.json");
    let b = &rec["ballots"];
    assert_eq!(b["issued"], 3);
    assert_eq!(b["cast"], 3);
    assert_eq!(b["groups"]["领导"]["cast"], 2);
    assert_eq!(b["groups"]["群众"]["cast"], 1);
    let u = &rec["units"][0];
    assert_eq!(u["scores"]["领导-001"]["实绩"], 50.0);
    assert_eq!(u["scores"]["领导-002"]["作风"], 40.0);
    assert_eq!(u["scores"]["群众-001"]["实绩"], 40.0);
    // 甲镇: 领导 (80 + 100) / 2 = 90, 群众 60; (50×90 + 50×60) / 100 = 75.
    assert_eq!(u["result"]["score"], 75.0);
    // 乙镇: 领导 (70 + 80) / 2 = 75, 群众 60; 67.5.
    assert_eq!(rec["units"][1]["result"]["score"], 67.5);
    // No code anywhere: the session holds hashes only (64 hex digits), no 16-character code.
    let session = std::fs::read_to_string(d.join("points.session.json")).unwrap();
    assert!(!session.contains("\"code\""), "a code in the session");

    // The same workbook again: three more ballots (serials 领导-003…), never the same ones.
    run_ok(
        d,
        &[
            "scores",
            "points.session.json",
            "filled.xlsx",
            "--lang",
            "zh",
        ],
    );
    let rec = record(d, "points.session.json");
    assert_eq!(rec["ballots"]["cast"], 6);
    assert!(rec["units"][0]["scores"]["领导-003"].is_object());
}

/// `podium plan` over a plan with ballot groups: the form has no place for them and keeps them
/// as the plan has them, whatever else is changed, with the plan version that has them (5).
#[test]
fn the_plan_form_keeps_the_ballot_groups() {
    use podium::planform::PlanForm;
    use podium::planform::state::BALLOTS_VERSION;
    use podium::strings::Lang;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let written = |form: &PlanForm| {
        let text = form.text().expect("the form writes the plan");
        podium::planfile::parse("p.json", &text, Lang::Zh)
            .expect("the written plan checks")
            .plan
    };
    for (name, text) in [("grades.json", GRADES), ("points.json", POINTS)] {
        // Without its version (a plan edited by hand): written with version 5.
        let text = text.replace("\"version\": 5,", "");
        let plan = podium::planfile::parse(name, &text, Lang::Zh)
            .expect("the fixture plan checks")
            .plan;
        let groups = plan.scoring.as_ref().unwrap().ballot_groups.clone();
        assert_eq!(groups.len(), 2, "{name}");
        for lang in [Lang::Zh, Lang::En] {
            let mut form = PlanForm::edit(lang, &plan, Path::new(name));
            assert_eq!(form.errors().count(), 0, "{name}: {:?}", form.issues);
            for c in "（修订）".chars() {
                form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
            let again = written(&form);
            assert_ne!(again.title, plan.title, "{name}: the title was typed");
            assert_eq!(
                again.scoring.as_ref().unwrap().ballot_groups,
                groups,
                "{name}"
            );
            assert_eq!(again.scoring, plan.scoring, "{name}");
            assert_eq!(again.version, Some(BALLOTS_VERSION), "{name}");
        }
    }
}
