//! Every output of a meeting with ballot groups (`podium report --format json|md|csv|xlsx|docx`,
//! internal and `--public`): the ballots by group (issued, counted, voided), grades counted by
//! group, points ballots under their serials — and never a ballot's code. The codes are drawn
//! here, issued, some cast and one voided, and every output is searched for each of them.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::commands::ReportFormat;
use podium::plan::Plan;
use podium::report::export::render_for;
use podium::session::ballots::{Secret, code_from, hash, show_code};
use podium::session::{BallotGrade, BallotKey, BallotScore, Command, GradeEntry, Session, Time};
use podium::strings::Lang;
use serde_json::json;
use std::io::Read;

fn t(s: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(s)
}

fn run(s: &mut Session, c: Command) {
    let e = s.decide(&c, t(1)).unwrap_or_else(|r| panic!("{r:?}"));
    s.commit(e);
}

const SALT: &str = "00112233445566778899aabbccddeeff";

/// Issues `n` ballots to `group` (codes from `seed`), returning their codes.
fn issue(s: &mut Session, group: &str, n: u8, seed: u8) -> Vec<String> {
    let codes: Vec<String> = (0..n).map(|i| code_from(&[seed + i; 10])).collect();
    run(
        s,
        Command::IssueBallots {
            group: group.into(),
            salt: SALT.into(),
            hashes: codes.iter().map(|c| hash(SALT, c)).collect(),
        },
    );
    codes
}

fn key(code: &str) -> BallotKey {
    BallotKey::Code(Secret(show_code(code)))
}

/// Every text an output holds: itself, or each part of a zipped document (xlsx, docx).
fn texts(bytes: &[u8]) -> String {
    if !bytes.starts_with(b"PK") {
        return String::from_utf8(bytes.to_vec()).expect("a text output");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut part = Vec::new();
        f.read_to_end(&mut part).unwrap();
        all.push_str(&String::from_utf8_lossy(&part));
        all.push('\n');
    }
    all
}

const FORMATS: [ReportFormat; 5] = [
    ReportFormat::Json,
    ReportFormat::Md,
    ReportFormat::Csv,
    ReportFormat::Xlsx,
    ReportFormat::Docx,
];

/// No output, internal or public, in either language, holds a code in any of its forms.
fn no_code_anywhere(s: &Session, codes: &[String]) {
    for lang in [Lang::Zh, Lang::En] {
        for public in [false, true] {
            for f in FORMATS {
                let bytes = render_for(s, f, t(99), lang, public).unwrap();
                let all = texts(&bytes);
                for c in codes {
                    let shown = show_code(c);
                    for form in [c.clone(), shown.clone(), shown.to_lowercase()] {
                        assert!(!all.contains(&form), "a code in {f:?} (public {public})");
                    }
                }
            }
        }
    }
    let journal = format!("{:?}", s.events());
    assert!(codes.iter().all(|c| !journal.contains(c.as_str())));
}

fn grades_session() -> (Session, Vec<String>) {
    let plan: Plan = serde_json::from_value(json!({
        "title": "乡镇工作测评", "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    }))
    .unwrap();
    let mut s = Session::new(plan);
    let mut codes = issue(&mut s, "领导", 3, 0);
    codes.extend(issue(&mut s, "部门", 4, 10));
    run(&mut s, Command::OpenVoting);
    let cast = |code: &str, a: &str, b: &str| Command::CastBallot {
        ballot: key(code),
        grades: vec![
            BallotGrade {
                unit: "甲镇".into(),
                grade: a.into(),
            },
            BallotGrade {
                unit: "乙镇".into(),
                grade: b.into(),
            },
        ],
        scores: vec![],
    };
    // 领导: 3 cast. 部门: 3 cast, one of them voided; one never cast.
    for (i, (a, b)) in [("优秀", "良好"), ("优秀", "一般"), ("良好", "良好")]
        .iter()
        .enumerate()
    {
        run(&mut s, cast(&codes[i], a, b));
    }
    for (i, (a, b)) in [("一般", "优秀"), ("良好", "优秀"), ("较差", "较差")]
        .iter()
        .enumerate()
    {
        run(&mut s, cast(&codes[3 + i], a, b));
    }
    run(
        &mut s,
        Command::VoidBallot {
            serial: "部门-003".into(),
        },
    );
    // A typed-up paper tally of 部门: one 良好 more for each.
    run(
        &mut s,
        Command::AddGrades {
            entries: ["甲镇", "乙镇"]
                .map(|u| GradeEntry {
                    unit: u.into(),
                    grade: "良好".into(),
                    count: 1,
                    group: Some("部门".into()),
                })
                .to_vec(),
        },
    );
    (s, codes)
}

#[test]
fn grades_by_group_in_every_output_and_no_code() {
    let (s, codes) = grades_session();
    // By hand. 甲镇: 领导 优秀 优秀 良好 → 280/3; 部门 一般, 良好 (cast) + 良好 (tally) → 220/3;
    // (60 × 280/3 + 40 × 220/3) / 100 = (5600 + 2933.33…) / 100 = 85.33.
    let rec: serde_json::Value = serde_json::from_slice(
        &render_for(&s, ReportFormat::Json, t(99), Lang::Zh, false).unwrap(),
    )
    .unwrap();
    assert_eq!(rec["units"][0]["result"]["score"], 85.33);
    assert_eq!(rec["units"][0]["scores"]["部门"]["良好"], 2);
    assert_eq!(rec["ballots"]["issued"], 7);
    assert_eq!(rec["ballots"]["cast"], 5);
    assert_eq!(rec["ballots"]["voided"], 1);

    // The minutes: the ballots line in 测评, each unit's counts by group in the appendix.
    let md = texts(&render_for(&s, ReportFormat::Md, t(99), Lang::Zh, false).unwrap());
    assert!(
        md.contains("发放测评票 7 张，收回有效票 5 张（领导 3/3，部门 2/4），作废 1 张。"),
        "{md}"
    );
    assert!(md.contains("| 组别 | 优秀 | 良好 | 一般 | 较差 |"), "{md}");
    assert!(md.contains("| 领导 | 2 | 1 | 0 | 0 |"), "{md}");
    assert!(md.contains("| 部门 | 0 | 2 | 1 | 0 |"), "{md}");
    let en = texts(&render_for(&s, ReportFormat::Md, t(99), Lang::En, false).unwrap());
    assert!(
        en.contains("7 ballots issued, 5 counted (领导 3/3, 部门 2/4), 1 voided."),
        "{en}"
    );
    // Public: the ballots line stays (counts), the per-unit appendix goes.
    let public = texts(&render_for(&s, ReportFormat::Md, t(99), Lang::Zh, true).unwrap());
    assert!(public.contains("发放测评票 7 张"), "{public}");
    assert!(!public.contains("| 组别 | 优秀"), "{public}");
    // The Word minutes say the same.
    let docx = texts(&render_for(&s, ReportFormat::Docx, t(99), Lang::Zh, false).unwrap());
    assert!(docx.contains("收回有效票 5 张"), "the Word minutes");

    // The workbook: 评分 by group, and a 测评票 sheet; the public one has no 评分.
    let dir = tempfile::tempdir().unwrap();
    for public in [false, true] {
        let path = dir.path().join(format!("r{public}.xlsx"));
        let bytes = render_for(&s, ReportFormat::Xlsx, t(99), Lang::Zh, public).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
        let ballots = book.sheet_by_name("测评票").expect("a 测评票 sheet");
        // Row 1 is the workbook's title line.
        let row = |r: u32| {
            (1..=4)
                .map(|c| ballots.value((c, r + 1)))
                .collect::<Vec<_>>()
        };
        assert_eq!(row(1), ["组别", "发放", "有效", "作废"]);
        assert_eq!(row(2), ["领导", "3", "3", "0"]);
        assert_eq!(row(3), ["部门", "4", "2", "1"]);
        assert_eq!(row(4), ["合计", "7", "5", "1"]);
        match book.sheet_by_name("评分").ok() {
            Some(ws) => {
                assert!(!public, "评分 in the public workbook");
                let head: Vec<String> = (1..=4).map(|c| ws.value((c, 1))).collect();
                assert_eq!(head, ["单位", "分组", "等次", "票数"]);
                let rows: Vec<Vec<String>> = (2..=17)
                    .map(|r| (1..=4).map(|c| ws.value((c, r))).collect())
                    .collect();
                assert!(rows.contains(&["甲镇", "部门", "良好", "2"].map(String::from).to_vec()));
                assert!(rows.contains(&["乙镇", "领导", "良好", "2"].map(String::from).to_vec()));
            }
            None => assert!(public, "no 评分 in the internal workbook"),
        }
    }
    no_code_anywhere(&s, &codes);
}

#[test]
fn points_ballots_under_their_serials_and_no_code() {
    let plan: Plan = serde_json::from_value(json!({
        "title": "乡镇工作测评", "units": [{"name": "甲镇"}],
        "scoring": {"criteria": [{"name": "实绩", "max": 60}, {"name": "作风", "max": 40}],
            "ballot_groups": [{"name": "领导", "weight": 50}, {"name": "群众", "weight": 50}]}
    }))
    .unwrap();
    let mut s = Session::new(plan);
    let mut codes = issue(&mut s, "领导", 3, 0);
    codes.extend(issue(&mut s, "群众", 2, 10));
    run(&mut s, Command::OpenVoting);
    for (code, a, b) in [
        (&codes[0], 50, 30),
        (&codes[1], 60, 40),
        (&codes[2], 55, 35),
        (&codes[3], 40, 20),
        (&codes[4], 30, 30),
    ] {
        run(
            &mut s,
            Command::CastBallot {
                ballot: key(code),
                grades: vec![],
                scores: vec![
                    BallotScore {
                        unit: "甲镇".into(),
                        criterion: "实绩".into(),
                        value: a * 10_000,
                    },
                    BallotScore {
                        unit: "甲镇".into(),
                        criterion: "作风".into(),
                        value: b * 10_000,
                    },
                ],
            },
        );
    }
    // 领导 (80 + 100 + 90) / 3 = 90; 群众 (60 + 60) / 2 = 60; (50×90 + 50×60) / 100 = 75.
    let rec: serde_json::Value = serde_json::from_slice(
        &render_for(&s, ReportFormat::Json, t(99), Lang::Zh, false).unwrap(),
    )
    .unwrap();
    assert_eq!(rec["units"][0]["result"]["score"], 75.0);
    let md = texts(&render_for(&s, ReportFormat::Md, t(99), Lang::Zh, false).unwrap());
    assert!(md.contains("| 领导-002 | 60 | 40 | 100 |"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    let bytes = render_for(&s, ReportFormat::Xlsx, t(99), Lang::Zh, false).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    let ws = book.sheet_by_name("评分").unwrap();
    let rows: Vec<Vec<String>> = (2..=11)
        .map(|r| (1..=5).map(|c| ws.value((c, r))).collect())
        .collect();
    assert!(
        rows.contains(
            &["甲镇", "群众-001", "群众", "实绩", "40"]
                .map(String::from)
                .to_vec()
        ),
        "{rows:?}"
    );
    // Public: no serial (a ballot's own scores) anywhere, and 群众's score (two ballots, fewer
    // than three) is not shown.
    for f in FORMATS {
        let all = texts(&render_for(&s, f, t(99), Lang::Zh, true).unwrap());
        assert!(
            !all.contains("领导-00") && !all.contains("群众-00"),
            "{f:?}"
        );
    }
    let public: serde_json::Value =
        serde_json::from_slice(&render_for(&s, ReportFormat::Json, t(99), Lang::Zh, true).unwrap())
            .unwrap();
    assert!(
        public["units"][0]["result"]["group_scores"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    no_code_anywhere(&s, &codes);
}
