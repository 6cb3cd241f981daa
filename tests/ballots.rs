//! Anonymous ballots (issue 20) counted against figures computed by hand: grades weighted by
//! ballot group (a group without ballots for a unit leaves the weights renormalized over the
//! others), typed-up tallies by group beside cast ballots, points trimmed within each group
//! (ties broken by issue order, a plan reviewer scoring in a ballot group), a changed ballot,
//! a voided serial, a closed vote, publication and unlocking, undo passing over ballots,
//! `RecordBallots`, a plan without ballot groups, a save and load, and no code anywhere.
//! Driven through `Session::decide` + `commit` with a fake clock; the figures are read from
//! the record's JSON, as scripts read them.
//!
//! The arithmetic behind every expected figure is written beside it.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::plan::Plan;
use podium::session::ballots::{Secret, code_from, hash, show_code};
use podium::session::record::Record;
use podium::session::{
    BallotGrade, BallotKey, BallotScore, Command, Event, EventKind, GradeEntry, RecordedBallot,
    Refusal, RemarkKind, Session, Time,
};
use podium::store::{self, Writer};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn t(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

const SALT: &str = "0123456789abcdef0123456789abcdef";
const SALT2: &str = "fedcba9876543210fedcba9876543210";

/// A plan from JSON, which must pass validation (no errors; warnings are fine).
fn plan(value: Value) -> Plan {
    let plan: Plan = serde_json::from_value(value).expect("the test plan parses");
    let errors: Vec<_> = plan.validate().into_iter().filter(|f| !f.warning).collect();
    assert!(errors.is_empty(), "the test plan is invalid: {errors:?}");
    plan
}

/// Three towns, grades mode, three ballot groups weighted 50/30/20.
fn grades_plan() -> Plan {
    plan(json!({
        "title": "现场测评",
        "units": [{"name": "甲镇"}, {"name": "乙镇"}, {"name": "丙镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 50},
            {"name": "部门", "weight": 30},
            {"name": "乡镇", "weight": 20}
        ]}
    }))
}

/// Decides and commits `command`, which must be accepted.
fn run(session: &mut Session, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

/// The reason `command` is refused (nothing is recorded).
fn refused(session: &Session, command: Command, now: Time) -> Refusal {
    match session.decide(&command, now) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    }
}

/// The `n`th code of a test (distinct bytes, distinct codes).
fn code(n: u16) -> String {
    let [a, b] = n.to_be_bytes();
    code_from(&[a, b, 7, 7, 7, 7, 7, 7, a, b])
}

/// Issues one ballot per code to `group` (under `SALT`).
fn issue(session: &mut Session, group: &str, codes: &[String]) {
    run(
        session,
        Command::IssueBallots {
            group: group.into(),
            salt: SALT.into(),
            hashes: codes.iter().map(|c| hash(SALT, c)).collect(),
        },
        t(10),
    );
}

fn by_code(code: &str) -> BallotKey {
    // As a phone sends it: shown in groups of four.
    BallotKey::Code(Secret(show_code(code)))
}

fn by_serial(serial: &str) -> BallotKey {
    BallotKey::Serial(serial.into())
}

fn grades(list: &[(&str, &str)]) -> Vec<BallotGrade> {
    list.iter()
        .map(|(unit, grade)| BallotGrade {
            unit: unit.to_string(),
            grade: grade.to_string(),
        })
        .collect()
}

fn cast_grades(ballot: BallotKey, list: &[(&str, &str)]) -> Command {
    Command::CastBallot {
        ballot,
        grades: grades(list),
        scores: vec![],
    }
}

/// A points ballot: each unit with its (criterion, value as typed) pairs.
type PointsCast = Vec<(&'static str, Vec<(&'static str, i64)>)>;

/// Points: (unit, [(criterion, value as typed)]).
fn scores(list: &[(&str, &[(&str, i64)])]) -> Vec<BallotScore> {
    list.iter()
        .flat_map(|(unit, values)| {
            values.iter().map(move |(criterion, v)| BallotScore {
                unit: unit.to_string(),
                criterion: criterion.to_string(),
                value: v * 10_000,
            })
        })
        .collect()
}

fn record(session: &Session) -> Value {
    serde_json::to_value(Record::of(session, t(3600))).expect("the record serialises")
}

fn unit<'a>(rec: &'a Value, name: &str) -> &'a Value {
    rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

fn result<'a>(rec: &'a Value, name: &str) -> &'a Value {
    &unit(rec, name)["result"]
}

fn ranking(rec: &Value) -> Vec<(String, Option<u64>)> {
    rec["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["unit"].as_str().unwrap().to_string(), r["rank"].as_u64()))
        .collect()
}

/// The grades session of the first test: six ballots, two per group, cast by code.
fn six_ballots() -> (Session, Vec<String>) {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..6).map(code).collect();
    issue(&mut s, "领导", &codes[0..2]);
    issue(&mut s, "部门", &codes[2..4]);
    issue(&mut s, "乡镇", &codes[4..6]);
    run(&mut s, Command::OpenVoting, t(20));
    let casts: [&[(&str, &str)]; 6] = [
        // 领导-001, 领导-002
        &[("甲镇", "优秀"), ("乙镇", "良好"), ("丙镇", "优秀")],
        &[("甲镇", "良好"), ("乙镇", "良好"), ("丙镇", "一般")],
        // 部门-001, 部门-002: neither grades 丙镇.
        &[("甲镇", "优秀"), ("乙镇", "一般")],
        &[("甲镇", "一般"), ("乙镇", "较差")],
        // 乡镇-001, 乡镇-002
        &[("甲镇", "优秀"), ("乙镇", "优秀"), ("丙镇", "良好")],
        &[("甲镇", "较差"), ("乙镇", "良好"), ("丙镇", "一般")],
    ];
    for (c, list) in codes.iter().zip(casts) {
        run(&mut s, cast_grades(by_code(c), list), t(30));
    }
    (s, codes)
}

// ---------------------------------------------------------------------------------------
// Grades with group weights
// ---------------------------------------------------------------------------------------

#[test]
fn grades_are_weighted_by_group_and_renormalized_without_a_group() {
    let (s, _) = six_ballots();
    let rec = record(&s);
    // Default grades: 优秀 100, 良好 80, 一般 60, 较差 40.
    // 甲镇: 领导 (100+80)/2 = 90, 部门 (100+60)/2 = 80, 乡镇 (100+40)/2 = 70;
    // (50×90 + 30×80 + 20×70) / 100 = (4500 + 2400 + 1400) / 100 = 83.
    assert_eq!(result(&rec, "甲镇")["score"], 83.0);
    assert_eq!(
        result(&rec, "甲镇")["group_scores"],
        json!({"领导": 90.0, "部门": 80.0, "乡镇": 70.0})
    );
    // 优秀 shares 1/2, 1/2, 1/2 → (50×½ + 30×½ + 20×½) / 100 = 0.5.
    assert_eq!(result(&rec, "甲镇")["excellent_share"], 0.5);
    // 乙镇: 领导 (80+80)/2 = 80, 部门 (60+40)/2 = 50, 乡镇 (100+80)/2 = 90;
    // (4000 + 1500 + 1800) / 100 = 73. 优秀: 乡镇 ½ only → 20×½ / 100 = 0.1.
    assert_eq!(result(&rec, "乙镇")["score"], 73.0);
    assert_eq!(result(&rec, "乙镇")["excellent_share"], 0.1);
    // 丙镇: 部门 gave no ballot, so the weights are 50 and 20 only: 领导 (100+60)/2 = 80,
    // 乡镇 (80+60)/2 = 70; (50×80 + 20×70) / 70 = 5400 / 70 = 77.142857… → 77.14.
    assert_eq!(result(&rec, "丙镇")["score"], 77.14);
    assert_eq!(
        result(&rec, "丙镇")["group_scores"],
        json!({"领导": 80.0, "部门": null, "乡镇": 70.0})
    );
    assert!(
        result(&rec, "丙镇")["flags"]
            .as_array()
            .unwrap()
            .contains(&json!("group_missing:部门"))
    );
    // 优秀: 领导 ½, 乡镇 0 → 50×½ / 70 = 25/70 = 0.357142… → 0.3571.
    assert_eq!(result(&rec, "丙镇")["excellent_share"], 0.3571);
    // Ranked 83 > 77.14 > 73.
    assert_eq!(
        ranking(&rec),
        vec![
            ("甲镇".into(), Some(1)),
            ("丙镇".into(), Some(2)),
            ("乙镇".into(), Some(3))
        ]
    );
    // Scores by group → grade → count.
    assert_eq!(
        unit(&rec, "甲镇")["scores"],
        json!({
            "领导": {"优秀": 1, "良好": 1, "一般": 0, "较差": 0},
            "部门": {"优秀": 1, "良好": 0, "一般": 1, "较差": 0},
            "乡镇": {"优秀": 1, "良好": 0, "一般": 0, "较差": 1}
        })
    );
    assert_eq!(
        rec["ballots"],
        json!({"open": true, "issued": 6, "cast": 6, "voided": 0, "groups": {
            "领导": {"issued": 2, "cast": 2, "voided": 0},
            "部门": {"issued": 2, "cast": 2, "voided": 0},
            "乡镇": {"issued": 2, "cast": 2, "voided": 0}
        }})
    );
}

#[test]
fn tallies_by_group_count_beside_cast_ballots() {
    let (mut s, _) = six_ballots();
    let tally = |unit: &str, grade: &str, count: i64, group: Option<&str>| GradeEntry {
        unit: unit.into(),
        grade: grade.into(),
        count,
        group: group.map(str::to_string),
    };
    // A tally needs its group in a plan with ballot groups, and a group of the plan.
    assert_eq!(
        refused(
            &s,
            Command::AddGrades {
                entries: vec![tally("丙镇", "优秀", 3, None)]
            },
            t(40)
        ),
        Refusal::BallotGroupNeeded
    );
    assert_eq!(
        refused(
            &s,
            Command::AddGrades {
                entries: vec![tally("丙镇", "优秀", 3, Some("群众"))]
            },
            t(40)
        ),
        Refusal::UnknownBallotGroup {
            group: "群众".into()
        }
    );
    // Paper ballots of 部门 for 丙镇 (优秀 3, 良好 1) and of 领导 for 甲镇 (一般 2).
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![
                tally("丙镇", "优秀", 3, Some("部门")),
                tally("丙镇", "良好", 1, Some("部门")),
                tally("丙镇", "较差", 0, Some("部门")),
                tally("甲镇", "一般", 2, Some("领导")),
            ],
        },
        t(40),
    );
    let rec = record(&s);
    // 甲镇: 领导 now 优秀, 良好 cast + 一般 ×2 tallied = (100+80+60+60)/4 = 75;
    // (50×75 + 30×80 + 20×70) / 100 = (3750 + 2400 + 1400) / 100 = 75.5.
    assert_eq!(result(&rec, "甲镇")["score"], 75.5);
    // 优秀: 领导 ¼, 部门 ½, 乡镇 ½ → (12.5 + 15 + 10) / 100 = 0.375.
    assert_eq!(result(&rec, "甲镇")["excellent_share"], 0.375);
    // 丙镇: 部门 now (3×100 + 80)/4 = 95, so all three weigh in:
    // (50×80 + 30×95 + 20×70) / 100 = (4000 + 2850 + 1400) / 100 = 82.5.
    assert_eq!(result(&rec, "丙镇")["score"], 82.5);
    // 优秀: 领导 ½, 部门 ¾, 乡镇 0 → (25 + 22.5) / 100 = 0.475.
    assert_eq!(result(&rec, "丙镇")["excellent_share"], 0.475);
    assert_eq!(unit(&rec, "丙镇")["scores"]["部门"]["优秀"], 3);
    assert_eq!(unit(&rec, "甲镇")["scores"]["领导"]["一般"], 2);
    // Tallies are not ballots: the counts of ballots are unchanged.
    assert_eq!(rec["ballots"]["cast"], 6);
    // 丙镇 82.5 > 乙镇 73 and 甲镇 75.5.
    assert_eq!(
        ranking(&rec),
        vec![
            ("丙镇".into(), Some(1)),
            ("甲镇".into(), Some(2)),
            ("乙镇".into(), Some(3))
        ]
    );
    // A tally is the host's action: undo takes it back (ballots stay).
    run(&mut s, Command::Undo, t(50));
    assert_eq!(result(&record(&s), "丙镇")["score"], 77.14);
}

// ---------------------------------------------------------------------------------------
// Points trimmed within groups
// ---------------------------------------------------------------------------------------

fn points_plan() -> Plan {
    plan(json!({
        "title": "现场测评（打分）",
        "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "reviewers": [{"name": "王主任", "group": "领导"}],
        "scoring": {
            "mode": "points",
            "criteria": [{"name": "工作", "max": 60}, {"name": "特色", "max": 40}],
            "trim": 1, "trim_min": 3,
            "ballot_groups": [{"name": "领导", "weight": 60}, {"name": "群众", "weight": 40}]
        }
    }))
}

/// The points meeting: 王主任 (a plan reviewer in 领导) and six ballots.
fn points_session() -> Session {
    let mut s = Session::new(points_plan());
    let codes: Vec<String> = (0..6).map(code).collect();
    issue(&mut s, "领导", &codes[0..3]);
    issue(&mut s, "群众", &codes[3..6]);
    run(&mut s, Command::OpenVoting, t(20));
    let sheet = |w: i64, f: i64| -> Vec<(&'static str, i64)> { vec![("工作", w), ("特色", f)] };
    // 王主任: 甲镇 50+35 = 85, 乙镇 50+30 = 80.
    run(
        &mut s,
        Command::SetScores {
            entries: [("甲镇", 50, 35), ("乙镇", 50, 30)]
                .iter()
                .flat_map(|(u, w, f)| {
                    [("工作", *w), ("特色", *f)].map(|(c, v)| podium::session::ScoreEntry {
                        unit: u.to_string(),
                        reviewer: "王主任".into(),
                        criterion: c.into(),
                        value: v * 10_000,
                    })
                })
                .collect(),
        },
        t(25),
    );
    let ballots: [(BallotKey, PointsCast); 6] = [
        // 领导-001: 甲 55+35 = 90, 乙 40+30 = 70.
        (
            by_code(&codes[0]),
            vec![("甲镇", sheet(55, 35)), ("乙镇", sheet(40, 30))],
        ),
        // 领导-002: 甲 50+40 = 90, 乙 45+30 = 75.
        (
            by_serial("领导-002"),
            vec![("甲镇", sheet(50, 40)), ("乙镇", sheet(45, 30))],
        ),
        // 领导-003: 甲 40+30 = 70; leaves 乙 out.
        (by_code(&codes[2]), vec![("甲镇", sheet(40, 30))]),
        // 群众-001: 甲 35+25 = 60, 乙 50+38 = 88.
        (
            by_code(&codes[3]),
            vec![("甲镇", sheet(35, 25)), ("乙镇", sheet(50, 38))],
        ),
        // 群众-002: 甲 45+30 = 75; leaves 乙 out.
        (by_code(&codes[4]), vec![("甲镇", sheet(45, 30))]),
        // 群众-003: 甲 30+30 = 60, 乙 55+37 = 92.
        (
            by_code(&codes[5]),
            vec![("甲镇", sheet(30, 30)), ("乙镇", sheet(55, 37))],
        ),
    ];
    for (key, list) in ballots {
        let list: Vec<(&str, &[(&str, i64)])> =
            list.iter().map(|(u, v)| (*u, v.as_slice())).collect();
        run(
            &mut s,
            Command::CastBallot {
                ballot: key,
                grades: vec![],
                scores: scores(&list),
            },
            t(30),
        );
    }
    s
}

#[test]
fn points_are_trimmed_within_each_group_ties_by_issue_order() {
    let s = points_session();
    let rec = record(&s);
    let r = result(&rec, "甲镇");
    // 甲镇 领导: 王主任 85, 领导-001 90, 领导-002 90, 领导-003 70; four ≥ trim_min 3, trim 1.
    // Highest: 90 twice — the one issued first (领导-001) goes. Lowest: 70 (领导-003).
    // Left: 85, 90 → 87.5.
    // 群众: 60, 75, 60. Highest 75 (群众-002) goes; lowest: 60 twice — the one issued last
    // (群众-003) goes. Left: 群众-001's 60 → 60.
    // (60×87.5 + 40×60) / 100 = (5250 + 2400) / 100 = 76.5.
    assert_eq!(r["score"], 76.5);
    assert_eq!(r["group_scores"], json!({"领导": 87.5, "群众": 60.0}));
    assert_eq!(
        r["trimmed"],
        json!(["领导-001", "领导-003", "群众-002", "群众-003"])
    );
    assert_eq!(
        r["flags"],
        json!([
            "trimmed:领导:领导-001,领导-003",
            "trimmed:群众:群众-002,群众-003"
        ])
    );
    let r = result(&rec, "乙镇");
    // 乙镇 领导: 王主任 80, 领导-001 70, 领导-002 75 (领导-003 left it out): three, trimmed:
    // 80 and 70 go, 75 is left → 75. 群众: 88, 92 (群众-002 left it out): two < 3, not
    // trimmed → 90. (60×75 + 40×90) / 100 = (4500 + 3600) / 100 = 81.
    assert_eq!(r["score"], 81.0);
    assert_eq!(r["group_scores"], json!({"领导": 75.0, "群众": 90.0}));
    assert_eq!(
        r["flags"],
        json!(["trimmed:领导:王主任,领导-001", "not_trimmed:群众"])
    );
    // 81 > 76.5.
    assert_eq!(
        ranking(&rec),
        vec![("乙镇".into(), Some(1)), ("甲镇".into(), Some(2))]
    );
    // Each ballot under its serial beside the plan reviewer's sheet.
    let scores = &unit(&rec, "乙镇")["scores"];
    assert_eq!(scores["王主任"], json!({"工作": 50.0, "特色": 30.0}));
    assert_eq!(scores["领导-002"], json!({"工作": 45.0, "特色": 30.0}));
    assert!(scores.get("领导-003").is_none());
    assert_eq!(scores.as_object().unwrap().len(), 5);
}

#[test]
fn a_points_ballot_needs_every_criterion_of_a_unit() {
    let mut s = points_session();
    let only_one = Command::CastBallot {
        ballot: by_serial("领导-003"),
        grades: vec![],
        scores: scores(&[("乙镇", &[("工作", 50)])]),
    };
    assert_eq!(
        refused(&s, only_one, t(40)),
        Refusal::BallotUnit {
            unit: "乙镇".into()
        }
    );
    // Given twice on one ballot: refused too.
    let twice = Command::CastBallot {
        ballot: by_serial("领导-003"),
        grades: vec![],
        scores: scores(&[("乙镇", &[("工作", 50), ("特色", 30), ("工作", 40)])]),
    };
    assert_eq!(
        refused(&s, twice, t(40)),
        Refusal::BallotUnit {
            unit: "乙镇".into()
        }
    );
    // Over the criterion's maximum.
    let over = Command::CastBallot {
        ballot: by_serial("领导-003"),
        grades: vec![],
        scores: scores(&[("乙镇", &[("工作", 61), ("特色", 30)])]),
    };
    assert!(matches!(refused(&s, over, t(40)), Refusal::Score(_)));
    // Grades on a points ballot.
    assert!(matches!(
        refused(
            &s,
            cast_grades(by_serial("领导-003"), &[("乙镇", "优秀")]),
            t(40)
        ),
        Refusal::Score(_)
    ));
    // 领导-003 changed to score 乙镇 too (and no longer 甲镇): 乙镇 领导 now 王主任 80,
    // 70, 75, 领导-003 60: trimmed 80 and 60 → (70+75)/2 = 72.5;
    // (60×72.5 + 40×90) / 100 = (4350 + 3600) / 100 = 79.5.
    run(
        &mut s,
        Command::CastBallot {
            ballot: by_serial("领导-003"),
            grades: vec![],
            scores: scores(&[("乙镇", &[("工作", 30), ("特色", 30)])]),
        },
        t(50),
    );
    let rec = record(&s);
    assert_eq!(result(&rec, "乙镇")["score"], 79.5);
    // 甲镇 领导 without 领导-003: 85, 90, 90 → 90 (领导-001) and 85 go → 90;
    // (60×90 + 40×60) / 100 = (5400 + 2400) / 100 = 78.
    assert_eq!(result(&rec, "甲镇")["score"], 78.0);
    assert!(unit(&rec, "甲镇")["scores"].get("领导-003").is_none());
}

// ---------------------------------------------------------------------------------------
// A changed ballot
// ---------------------------------------------------------------------------------------

#[test]
fn a_changed_ballot_moves_its_counts_and_the_same_again_changes_nothing() {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..2).map(code).collect();
    issue(&mut s, "领导", &codes);
    run(&mut s, Command::OpenVoting, t(20));
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀"), ("乙镇", "良好")]),
        t(30),
    );
    run(
        &mut s,
        cast_grades(by_code(&codes[1]), &[("甲镇", "良好")]),
        t(30),
    );
    // 甲镇: (100 + 80) / 2 = 90; 乙镇: 80.
    let rec = record(&s);
    assert_eq!(result(&rec, "甲镇")["score"], 90.0);
    assert_eq!(result(&rec, "乙镇")["score"], 80.0);
    // Changed: 甲镇 一般, 乙镇 left out. The counts move, they do not add.
    run(
        &mut s,
        cast_grades(
            BallotKey::Code(Secret(codes[0].to_lowercase())),
            &[("甲镇", "一般")],
        ),
        t(40),
    );
    let rec = record(&s);
    // 甲镇: (60 + 80) / 2 = 70.
    assert_eq!(result(&rec, "甲镇")["score"], 70.0);
    assert_eq!(
        unit(&rec, "甲镇")["scores"]["领导"],
        json!({"优秀": 0, "良好": 1, "一般": 1, "较差": 0})
    );
    // 乙镇: no ballot left, no score.
    assert_eq!(result(&rec, "乙镇")["score"], Value::Null);
    assert_eq!(unit(&rec, "乙镇")["scores"]["领导"]["良好"], 0);
    assert_eq!(rec["ballots"]["cast"], 2);
    // The same again: nothing changed (by code or by serial).
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "一般")]),
            t(50)
        ),
        Refusal::NothingChanged
    );
    assert_eq!(
        refused(
            &s,
            cast_grades(by_serial("领导-001"), &[("甲镇", "一般")]),
            t(50)
        ),
        Refusal::NothingChanged
    );
    // A ballot that grades nothing, or a unit twice, or a grade the plan has not.
    assert_eq!(
        refused(&s, cast_grades(by_code(&codes[0]), &[]), t(50)),
        Refusal::EmptyBallot
    );
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "一般"), ("甲镇", "优秀")]),
            t(50)
        ),
        Refusal::BallotUnit {
            unit: "甲镇".into()
        }
    );
    assert!(matches!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "很好")]),
            t(50)
        ),
        Refusal::Score(_)
    ));
    assert!(matches!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("丁镇", "优秀")]),
            t(50)
        ),
        Refusal::UnknownUnit { .. }
    ));
}

// ---------------------------------------------------------------------------------------
// A voided serial
// ---------------------------------------------------------------------------------------

#[test]
fn a_voided_serial_casts_nothing_and_its_cast_stops_counting() {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..3).map(code).collect();
    issue(&mut s, "领导", &codes);
    run(&mut s, Command::OpenVoting, t(20));
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
        t(30),
    );
    run(
        &mut s,
        cast_grades(by_code(&codes[1]), &[("甲镇", "一般")]),
        t(30),
    );
    // (100 + 60) / 2 = 80.
    assert_eq!(result(&record(&s), "甲镇")["score"], 80.0);
    run(
        &mut s,
        Command::VoidBallot {
            serial: "领导-001".into(),
        },
        t(40),
    );
    let rec = record(&s);
    // Only 领导-002's 一般 counts: 60.
    assert_eq!(result(&rec, "甲镇")["score"], 60.0);
    assert_eq!(unit(&rec, "甲镇")["scores"]["领导"]["优秀"], 0);
    assert_eq!(rec["ballots"]["voided"], 1);
    assert_eq!(rec["ballots"]["cast"], 1);
    assert_eq!(rec["ballots"]["groups"]["领导"]["voided"], 1);
    let voided = Refusal::BallotVoided {
        serial: "领导-001".into(),
    };
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "良好")]),
            t(50)
        ),
        voided
    );
    assert_eq!(
        refused(
            &s,
            cast_grades(by_serial("领导-001"), &[("甲镇", "良好")]),
            t(50)
        ),
        voided
    );
    assert_eq!(
        refused(
            &s,
            Command::VoidBallot {
                serial: "领导-001".into()
            },
            t(50)
        ),
        Refusal::NothingChanged
    );
    assert_eq!(
        refused(
            &s,
            Command::VoidBallot {
                serial: "领导-009".into()
            },
            t(50)
        ),
        Refusal::UnknownSerial {
            serial: "领导-009".into()
        }
    );
    // After publication a cast ballot is not voided (it would change published results); a
    // ballot never cast still is.
    run(&mut s, Command::CloseVoting, t(60));
    run(&mut s, Command::Publish, t(60));
    assert_eq!(
        refused(
            &s,
            Command::VoidBallot {
                serial: "领导-002".into()
            },
            t(70)
        ),
        Refusal::ResultsPublished
    );
    run(
        &mut s,
        Command::VoidBallot {
            serial: "领导-003".into(),
        },
        t(70),
    );
    assert_eq!(record(&s)["ballots"]["voided"], 2);
}

// ---------------------------------------------------------------------------------------
// Voting closed, reopened, publication, unlocking
// ---------------------------------------------------------------------------------------

#[test]
fn a_closed_vote_refuses_codes_but_not_the_office_and_publication_refuses_both() {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..2).map(code).collect();
    issue(&mut s, "部门", &codes);
    // Never opened: a code is refused, the office's typed-up serial is not.
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
            t(20)
        ),
        Refusal::VotingClosed
    );
    assert_eq!(
        refused(&s, Command::CloseVoting, t(20)),
        Refusal::NothingChanged
    );
    run(&mut s, Command::OpenVoting, t(20));
    assert_eq!(
        refused(&s, Command::OpenVoting, t(20)),
        Refusal::NothingChanged
    );
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
        t(30),
    );
    run(&mut s, Command::CloseVoting, t(40));
    assert_eq!(record(&s)["ballots"]["open"], false);
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[1]), &[("甲镇", "良好")]),
            t(50)
        ),
        Refusal::VotingClosed
    );
    // The office types up 部门-002's paper ballot: 甲镇 (100 + 80) / 2 = 90.
    run(
        &mut s,
        cast_grades(by_serial("部门-002"), &[("甲镇", "良好")]),
        t(50),
    );
    assert_eq!(result(&record(&s), "甲镇")["score"], 90.0);
    // Reopened: codes count again. 部门-001 changed to 一般: (60 + 80) / 2 = 70.
    run(&mut s, Command::OpenVoting, t(60));
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "一般")]),
        t(70),
    );
    assert_eq!(result(&record(&s), "甲镇")["score"], 70.0);
    // Results are not published while voting is open.
    assert_eq!(refused(&s, Command::Publish, t(80)), Refusal::VotingOpen);
    run(&mut s, Command::CloseVoting, t(80));
    // Published: no ballot, by code or serial, and voting is not opened again.
    run(&mut s, Command::Publish, t(80));
    assert_eq!(
        refused(
            &s,
            cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
            t(90)
        ),
        Refusal::VotingClosed
    );
    assert_eq!(
        refused(
            &s,
            cast_grades(by_serial("部门-002"), &[("甲镇", "优秀")]),
            t(90)
        ),
        Refusal::ResultsPublished
    );
    assert_eq!(
        refused(
            &s,
            Command::RecordBallots {
                salt: SALT2.into(),
                ballots: vec![RecordedBallot {
                    group: "部门".into(),
                    serial: Some("部门-002".into()),
                    hash: None,
                    grades: grades(&[("甲镇", "优秀")]),
                    scores: vec![],
                }],
            },
            t(90)
        ),
        Refusal::ResultsPublished
    );
    assert_eq!(
        refused(&s, Command::OpenVoting, t(95)),
        Refusal::ResultsPublished
    );
    // Unlocked: voting opens again and a ballot changes. (100 + 80) / 2 = 90.
    run(
        &mut s,
        Command::Unlock {
            reason: "补录一张".into(),
        },
        t(100),
    );
    run(&mut s, Command::OpenVoting, t(105));
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
        t(110),
    );
    let rec = record(&s);
    assert_eq!(result(&rec, "甲镇")["score"], 90.0);
    assert_eq!(rec["results_published"], false);
}

// ---------------------------------------------------------------------------------------
// Undo passes over ballots
// ---------------------------------------------------------------------------------------

#[test]
fn undo_passes_over_ballot_actions_to_the_hosts_remark() {
    let mut s = Session::new(grades_plan());
    let remark = run(
        &mut s,
        Command::AddRemark {
            unit: Some("甲镇".into()),
            reviewer: "主持人".into(),
            text: "请各位现场测评".into(),
            kind: RemarkKind::Remark,
        },
        t(5),
    );
    let codes: Vec<String> = (0..2).map(code).collect();
    issue(&mut s, "领导", &codes);
    run(&mut s, Command::OpenVoting, t(20));
    run(
        &mut s,
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")]),
        t(30),
    );
    run(
        &mut s,
        Command::VoidBallot {
            serial: "领导-002".into(),
        },
        t(35),
    );
    run(&mut s, Command::CloseVoting, t(40));
    let undo = run(&mut s, Command::Undo, t(50));
    assert_eq!(
        undo[0].kind,
        EventKind::Undone {
            action: remark[0].seq
        }
    );
    let rec = record(&s);
    assert!(unit(&rec, "甲镇")["remarks"].as_array().unwrap().is_empty());
    // Every ballot action stands.
    assert_eq!(result(&rec, "甲镇")["score"], 100.0);
    assert_eq!(
        rec["ballots"],
        json!({"open": false, "issued": 2, "cast": 1, "voided": 1, "groups": {
            "领导": {"issued": 2, "cast": 1, "voided": 1},
            "部门": {"issued": 0, "cast": 0, "voided": 0},
            "乡镇": {"issued": 0, "cast": 0, "voided": 0}
        }})
    );
    assert_eq!(refused(&s, Command::Undo, t(60)), Refusal::NothingToUndo);
}

// ---------------------------------------------------------------------------------------
// RecordBallots
// ---------------------------------------------------------------------------------------

fn recorded(
    group: &str,
    serial: Option<&str>,
    hash: Option<String>,
    list: &[(&str, &str)],
) -> RecordedBallot {
    RecordedBallot {
        group: group.into(),
        serial: serial.map(str::to_string),
        hash,
        grades: grades(list),
        scores: vec![],
    }
}

#[test]
fn recorded_ballots_continue_the_numbering_all_or_nothing() {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..6).map(code).collect();
    issue(&mut s, "领导", &codes[0..2]);
    let before = s.events().len();
    // One bad ballot (a grade the plan has not) and nothing is recorded.
    let bad = Command::RecordBallots {
        salt: SALT2.into(),
        ballots: vec![
            recorded(
                "领导",
                None,
                Some(hash(SALT2, &codes[2])),
                &[("甲镇", "优秀")],
            ),
            recorded(
                "部门",
                None,
                Some(hash(SALT2, &codes[3])),
                &[("甲镇", "特好")],
            ),
        ],
    };
    assert!(matches!(refused(&s, bad, t(20)), Refusal::Score(_)));
    // A serial and a hash at once; neither; a voided or unknown serial; the same hash twice.
    for (ballots, why) in [
        (
            vec![recorded(
                "领导",
                Some("领导-001"),
                Some(hash(SALT2, &codes[2])),
                &[("甲镇", "优秀")],
            )],
            Refusal::BadBallotHash,
        ),
        (
            vec![recorded("领导", None, None, &[("甲镇", "优秀")])],
            Refusal::BadBallotHash,
        ),
        (
            vec![recorded(
                "领导",
                Some("领导-003"),
                None,
                &[("甲镇", "优秀")],
            )],
            Refusal::UnknownSerial {
                serial: "领导-003".into(),
            },
        ),
        (
            vec![
                recorded(
                    "部门",
                    None,
                    Some(hash(SALT2, &codes[3])),
                    &[("甲镇", "优秀")],
                ),
                recorded(
                    "部门",
                    None,
                    Some(hash(SALT2, &codes[3])),
                    &[("甲镇", "良好")],
                ),
            ],
            Refusal::BadBallotHash,
        ),
        (
            vec![recorded(
                "群众",
                None,
                Some(hash(SALT2, &codes[3])),
                &[("甲镇", "优秀")],
            )],
            Refusal::UnknownBallotGroup {
                group: "群众".into(),
            },
        ),
    ] {
        assert_eq!(
            refused(
                &s,
                Command::RecordBallots {
                    salt: SALT2.into(),
                    ballots
                },
                t(20)
            ),
            why
        );
    }
    assert_eq!(s.events().len(), before);
    // Two new 领导 ballots, one new 部门 ballot, and 领导-001 typed up by its serial: one
    // action.
    let events = run(
        &mut s,
        Command::RecordBallots {
            salt: SALT2.into(),
            ballots: vec![
                recorded(
                    "领导",
                    None,
                    Some(hash(SALT2, &codes[2])),
                    &[("甲镇", "优秀")],
                ),
                recorded(
                    "部门",
                    None,
                    Some(hash(SALT2, &codes[3])),
                    &[("甲镇", "一般")],
                ),
                recorded("领导", Some("领导-001"), None, &[("甲镇", "良好")]),
                recorded(
                    "领导",
                    None,
                    Some(hash(SALT2, &codes[4])),
                    &[("甲镇", "较差")],
                ),
            ],
        },
        t(30),
    );
    let first = events[0].seq;
    assert!(events[1..].iter().all(|e| e.part_of == Some(first)));
    let serials: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::BallotsIssued { ballots, .. } => {
                Some(ballots.iter().map(|b| b.serial.clone()))
            }
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(serials, ["领导-003", "领导-004", "部门-001"]);
    let rec = record(&s);
    // 甲镇: 领导 优秀, 良好, 较差 → (100+80+40)/3 = 73.333…; 部门 一般 60;
    // (50×220/3 + 30×60) / 80 = (11000/3 + 1800) / 80 = (16400/3) / 80 = 68.333… → 68.33.
    assert_eq!(result(&rec, "甲镇")["score"], 68.33);
    assert_eq!(rec["ballots"]["groups"]["领导"]["issued"], 4);
    assert_eq!(rec["ballots"]["groups"]["领导"]["cast"], 3);
    assert_eq!(rec["ballots"]["groups"]["部门"]["issued"], 1);
    // The new ballots' codes open them (a questionnaire respondent's code nobody holds, but
    // the hash is the one given).
    assert_eq!(
        s.state()
            .ballots
            .by_code(&codes[4])
            .map(|b| b.serial.as_str()),
        Some("领导-004")
    );
    // Issued later, the next 领导 ballot is 领导-005.
    issue(&mut s, "领导", &codes[5..6]);
    assert!(s.state().ballots.get("领导-005").is_some());
}

// ---------------------------------------------------------------------------------------
// A plan without ballot groups
// ---------------------------------------------------------------------------------------

#[test]
fn a_plan_without_ballot_groups_records_as_before() {
    let mut s = Session::new(plan(json!({
        "title": "评议", "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "grades"}
    })));
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![
                GradeEntry {
                    unit: "甲镇".into(),
                    grade: "优秀".into(),
                    count: 3,
                    group: None,
                },
                GradeEntry {
                    unit: "甲镇".into(),
                    grade: "一般".into(),
                    count: 1,
                    group: None,
                },
            ],
        },
        t(10),
    );
    let rec = record(&s);
    assert!(rec.get("ballots").is_none());
    // grade → count, flat; (3×100 + 60) / 4 = 90; 优秀 share ¾.
    assert_eq!(
        unit(&rec, "甲镇")["scores"],
        json!({"优秀": 3, "良好": 0, "一般": 1, "较差": 0})
    );
    assert_eq!(result(&rec, "甲镇")["score"], 90.0);
    assert_eq!(result(&rec, "甲镇")["excellent_share"], 0.75);
    assert_eq!(result(&rec, "甲镇")["group_scores"], json!({}));
    // Ballot commands are refused; a tally with a group too.
    assert_eq!(
        refused(&s, Command::OpenVoting, t(20)),
        Refusal::NoBallotGroups
    );
    assert_eq!(
        refused(
            &s,
            Command::IssueBallots {
                group: "领导".into(),
                salt: SALT.into(),
                hashes: vec![hash(SALT, &code(1))]
            },
            t(20)
        ),
        Refusal::NoBallotGroups
    );
    assert_eq!(
        refused(
            &s,
            Command::AddGrades {
                entries: vec![GradeEntry {
                    unit: "甲镇".into(),
                    grade: "优秀".into(),
                    count: 1,
                    group: Some("领导".into()),
                }]
            },
            t(20)
        ),
        Refusal::NoBallotGroups
    );
    // The frozen sessions of earlier versions carry no ballots either.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    for name in [
        "grades.session.json",
        "trim.session.json",
        "city-points.session.json",
    ] {
        let old = store::read(&corpus.join(name)).expect("a corpus session opens");
        let rec = record(&old);
        assert!(rec.get("ballots").is_none(), "{name}");
        for u in rec["units"].as_array().unwrap() {
            for (k, v) in u["scores"].as_object().into_iter().flatten() {
                // Points: reviewer → criterion → number; grades: grade → count.
                assert!(
                    v.is_number()
                        || v.as_object()
                            .is_some_and(|o| o.values().all(Value::is_number)),
                    "{name}: {k}: {v}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Saved and loaded; no code anywhere
// ---------------------------------------------------------------------------------------

/// Every ballot action of the grades meeting, through a writer.
fn through_a_writer(path: &std::path::Path, codes: &[String]) -> Session {
    let mut w = Writer::create(path, grades_plan(), t(0)).expect("session created");
    let mut exec = |c: Command, at: i64| {
        w.execute(&c, t(at))
            .unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
    };
    exec(
        Command::IssueBallots {
            group: "领导".into(),
            salt: SALT.into(),
            hashes: codes[0..2].iter().map(|c| hash(SALT, c)).collect(),
        },
        1,
    );
    exec(
        Command::IssueBallots {
            group: "乡镇".into(),
            salt: SALT2.into(),
            hashes: codes[2..4].iter().map(|c| hash(SALT2, c)).collect(),
        },
        2,
    );
    exec(Command::OpenVoting, 3);
    exec(
        cast_grades(by_code(&codes[0]), &[("甲镇", "优秀"), ("乙镇", "一般")]),
        4,
    );
    exec(cast_grades(by_code(&codes[2]), &[("甲镇", "良好")]), 5);
    exec(cast_grades(by_code(&codes[0]), &[("甲镇", "良好")]), 6);
    exec(cast_grades(by_code(&codes[3]), &[("乙镇", "较差")]), 7);
    exec(
        Command::VoidBallot {
            serial: "乡镇-002".into(),
        },
        8,
    );
    exec(
        Command::RecordBallots {
            salt: SALT2.into(),
            ballots: vec![recorded(
                "部门",
                None,
                Some(hash(SALT2, &codes[4])),
                &[("丙镇", "优秀")],
            )],
        },
        9,
    );
    exec(Command::CloseVoting, 10);
    let session = w.session().clone();
    w.close(t(11)).expect("closed");
    session
}

#[test]
fn a_saved_session_loads_with_the_same_record_and_no_code_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("测评.session.json");
    let codes: Vec<String> = (0..5).map(code).collect();
    let live = through_a_writer(&path, &codes);
    let loaded = store::read(&path).expect("the session opens");
    assert_eq!(loaded.events(), live.events());
    assert_eq!(record(&loaded), record(&live));
    let rec = record(&loaded);
    // 甲镇: 领导 良好 (changed from 优秀) 80, 乡镇 良好 80 → 80.
    assert_eq!(result(&rec, "甲镇")["score"], 80.0);
    // 乙镇: 领导 left it out on the change; 乡镇-002 voided → no score.
    assert_eq!(result(&rec, "乙镇")["score"], Value::Null);
    // 丙镇: 部门 优秀 alone → 100.
    assert_eq!(result(&rec, "丙镇")["score"], 100.0);
    assert_eq!(rec["ballots"]["cast"], 3);
    // No code, in any form, in the file, the record, the events, or a Debug print.
    let file = std::fs::read_to_string(&path).unwrap();
    let mut texts = vec![
        file,
        serde_json::to_string(&rec).unwrap(),
        format!("{:?}", loaded.events()),
        format!("{:?}", loaded.state()),
        format!("{:?}", cast_grades(by_code(&codes[0]), &[("甲镇", "优秀")])),
        format!(
            "{:?}",
            cast_grades(
                BallotKey::Code(Secret(codes[1].clone())),
                &[("甲镇", "优秀")]
            )
        ),
    ];
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
            texts.push(text);
        }
    }
    for text in &texts {
        for c in &codes {
            assert!(!text.contains(c.as_str()), "a code leaked: {text:.200}");
            assert!(!text.contains(&show_code(c)), "a code leaked");
            assert!(!text.contains(&c.to_lowercase()), "a code leaked");
        }
    }
}

// ---------------------------------------------------------------------------------------
// The frozen corpus of session version 6 (tests/fixtures/corpus/ballots.*)
// ---------------------------------------------------------------------------------------

/// The moment the corpus records are taken (tests/old_formats.rs's `now`).
fn corpus_now() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 10, 15, 15, 0, 0)
        .unwrap()
}

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// The grades meeting frozen as `ballots.*`: its plan's text (plan version 5).
const CORPUS_GRADES_PLAN: &str = r#"{
  "version": 5,
  "title": "乡镇工作现场测评",
  "date": "2026-10-15",
  "start": "09:00",
  "venue": "区委第一会议室",
  "talk_minutes": 5,
  "units": [
    {"name": "区委书记讲话", "kind": "speech", "minutes": 3},
    {"name": "花亭湖镇", "presenter": "镇长"},
    {"name": "龙山乡", "presenter": "乡长"},
    {"name": "白鹤街道", "presenter": "主任"}
  ],
  "scoring": {
    "mode": "grades",
    "tie_break": ["excellent_share"],
    "ballot_groups": [
      {"name": "领导", "weight": 50, "ballots": 3},
      {"name": "部门", "weight": 30, "ballots": 3},
      {"name": "乡镇", "weight": 20, "ballots": 2}
    ]
  }
}
"#;

/// The points meeting frozen as `ballots.points.*`.
const CORPUS_POINTS_PLAN: &str = r#"{
  "version": 5,
  "title": "重点项目现场打分",
  "date": "2026-10-15",
  "start": "14:00",
  "talk_minutes": 5,
  "units": [{"name": "一号项目"}, {"name": "二号项目"}],
  "reviewers": [{"name": "李主任", "group": "领导"}],
  "scoring": {
    "mode": "points",
    "criteria": [{"name": "进度", "max": 60}, {"name": "质量", "max": 40}],
    "trim": 1,
    "trim_min": 3,
    "decimals": 2,
    "ballot_groups": [
      {"name": "领导", "weight": 60, "ballots": 3},
      {"name": "代表", "weight": 40, "ballots": 3}
    ]
  }
}
"#;

fn corpus_at(h: u32, m: u32, s: u32) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 10, 15, h, m, s)
        .unwrap()
}

/// The codes of the frozen sessions' slips (never in the files).
fn corpus_codes() -> Vec<String> {
    (0..12u8)
        .map(|i| code_from(&[i, 0x5a, 0xc3, i, 0x11, 0x7e, i, 0x90, 0x2b, i]))
        .collect()
}

/// Writes both frozen sessions into `dir` the way a console would (a writer, fixed times)
/// and returns their records at `corpus_now`.
fn write_corpus(dir: &std::path::Path) -> Vec<(String, String)> {
    let codes = corpus_codes();
    let salt = "7b1e0c2d9a4f88e3516b0d2ce47a9f10";
    let salt2 = "c0ffee00d15ea5e0b0a710ad5eed1e55";
    let mut out = Vec::new();
    // Grades.
    let plan: Plan = serde_json::from_str(CORPUS_GRADES_PLAN).unwrap();
    let path = dir.join("ballots.session.json");
    let mut w = Writer::create(&path, plan, corpus_at(8, 50, 0)).unwrap();
    let mut exec = |c: Command, at: Time| {
        w.execute(&c, at).unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
    };
    for (g, range) in [("领导", 0..3), ("部门", 3..6), ("乡镇", 6..8)] {
        exec(
            Command::IssueBallots {
                group: g.into(),
                salt: salt.into(),
                hashes: codes[range].iter().map(|c| hash(salt, c)).collect(),
            },
            corpus_at(8, 55, 0),
        );
    }
    exec(Command::ToggleTalk, corpus_at(9, 0, 0));
    exec(Command::Next, corpus_at(9, 3, 0));
    exec(Command::ToggleTalk, corpus_at(9, 3, 10));
    exec(Command::Next, corpus_at(9, 8, 0));
    exec(Command::ToggleTalk, corpus_at(9, 8, 10));
    exec(Command::Next, corpus_at(9, 13, 0));
    exec(Command::ToggleTalk, corpus_at(9, 13, 10));
    exec(Command::Next, corpus_at(9, 18, 30));
    exec(Command::OpenVoting, corpus_at(9, 20, 0));
    let all = |a: &str, b: &str, c: &str| -> Vec<(&'static str, String)> {
        vec![
            ("花亭湖镇", a.to_string()),
            ("龙山乡", b.to_string()),
            ("白鹤街道", c.to_string()),
        ]
    };
    let casts = [
        (0, all("优秀", "良好", "良好")),
        (1, all("优秀", "优秀", "一般")),
        (3, all("良好", "良好", "优秀")),
        (4, all("优秀", "一般", "良好")),
        (5, all("较差", "良好", "良好")),
        (6, all("优秀", "良好", "一般")),
        // 领导-002 changes its ballot, leaving 白鹤街道 out.
        (
            1,
            vec![("花亭湖镇", "良好".into()), ("龙山乡", "优秀".into())],
        ),
    ];
    for (i, (n, list)) in casts.iter().enumerate() {
        let list: Vec<(&str, &str)> = list.iter().map(|(u, g)| (*u, g.as_str())).collect();
        exec(
            cast_grades(by_code(&codes[*n]), &list),
            corpus_at(9, 21, i as u32),
        );
    }
    // 部门-003's slip was lost: voided, its cast no longer counts.
    exec(
        Command::VoidBallot {
            serial: "部门-003".into(),
        },
        corpus_at(9, 25, 0),
    );
    exec(Command::CloseVoting, corpus_at(9, 30, 0));
    // 领导-003 handed in on paper, typed up by its serial.
    exec(
        cast_grades(
            by_serial("领导-003"),
            &[
                ("花亭湖镇", "一般"),
                ("龙山乡", "良好"),
                ("白鹤街道", "优秀"),
            ],
        ),
        corpus_at(9, 31, 0),
    );
    // A paper tally of 乡镇 for 白鹤街道, and two questionnaire respondents of 乡镇.
    exec(
        Command::AddGrades {
            entries: vec![GradeEntry {
                unit: "白鹤街道".into(),
                grade: "良好".into(),
                count: 2,
                group: Some("乡镇".into()),
            }],
        },
        corpus_at(9, 32, 0),
    );
    exec(
        Command::RecordBallots {
            salt: salt2.into(),
            ballots: vec![
                recorded(
                    "乡镇",
                    None,
                    Some(hash(salt2, &codes[9])),
                    &[("花亭湖镇", "良好"), ("龙山乡", "一般")],
                ),
                recorded(
                    "乡镇",
                    None,
                    Some(hash(salt2, &codes[10])),
                    &[
                        ("花亭湖镇", "优秀"),
                        ("龙山乡", "较差"),
                        ("白鹤街道", "良好"),
                    ],
                ),
            ],
        },
        corpus_at(9, 33, 0),
    );
    exec(Command::Publish, corpus_at(9, 35, 0));
    exec(Command::ShowResults { shown: true }, corpus_at(9, 35, 10));
    exec(Command::EndMeeting, corpus_at(9, 40, 0));
    w.close(corpus_at(9, 40, 1)).unwrap();
    out.push(("ballots".to_string(), corpus_record(&path)));

    // Points.
    let plan: Plan = serde_json::from_str(CORPUS_POINTS_PLAN).unwrap();
    let path = dir.join("ballots.points.session.json");
    let mut w = Writer::create(&path, plan, corpus_at(13, 50, 0)).unwrap();
    let mut exec = |c: Command, at: Time| {
        w.execute(&c, at).unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
    };
    exec(
        Command::IssueBallots {
            group: "领导".into(),
            salt: salt.into(),
            hashes: codes[0..3].iter().map(|c| hash(salt, c)).collect(),
        },
        corpus_at(13, 55, 0),
    );
    exec(
        Command::IssueBallots {
            group: "代表".into(),
            salt: salt.into(),
            hashes: codes[3..6].iter().map(|c| hash(salt, c)).collect(),
        },
        corpus_at(13, 55, 1),
    );
    exec(Command::OpenVoting, corpus_at(14, 20, 0));
    exec(
        Command::SetScores {
            entries: [("一号项目", 50, 35), ("二号项目", 45, 30)]
                .iter()
                .flat_map(|(u, a, b)| {
                    [("进度", *a), ("质量", *b)].map(|(c, v)| podium::session::ScoreEntry {
                        unit: u.to_string(),
                        reviewer: "李主任".into(),
                        criterion: c.into(),
                        value: v * 10_000,
                    })
                })
                .collect(),
        },
        corpus_at(14, 20, 30),
    );
    let sheet = |a: i64, b: i64| -> Vec<(&'static str, i64)> { vec![("进度", a), ("质量", b)] };
    let points: [(usize, PointsCast); 7] = [
        (
            0,
            vec![("一号项目", sheet(55, 35)), ("二号项目", sheet(40, 30))],
        ),
        (
            1,
            vec![("一号项目", sheet(55, 35)), ("二号项目", sheet(50, 35))],
        ),
        (2, vec![("一号项目", sheet(40, 28))]),
        (
            3,
            vec![("一号项目", sheet(48, 32)), ("二号项目", sheet(52, 36))],
        ),
        (
            4,
            vec![("一号项目", sheet(58, 38)), ("二号项目", sheet(44, 31))],
        ),
        (
            5,
            vec![("一号项目", sheet(48, 32)), ("二号项目", sheet(60, 40))],
        ),
        // 代表-003 changed: 二号项目 lower.
        (
            5,
            vec![("一号项目", sheet(48, 32)), ("二号项目", sheet(51, 33))],
        ),
    ];
    for (i, (n, list)) in points.iter().enumerate() {
        let list: Vec<(&str, &[(&str, i64)])> =
            list.iter().map(|(u, v)| (*u, v.as_slice())).collect();
        exec(
            Command::CastBallot {
                ballot: by_code(&codes[*n]),
                grades: vec![],
                scores: scores(&list),
            },
            corpus_at(14, 21, i as u32),
        );
    }
    exec(Command::CloseVoting, corpus_at(14, 30, 0));
    exec(Command::Publish, corpus_at(14, 31, 0));
    w.close(corpus_at(14, 31, 1)).unwrap();
    out.push(("ballots.points".to_string(), corpus_record(&path)));
    out
}

fn corpus_record(path: &std::path::Path) -> String {
    let session = store::read(path).expect("the session opens");
    let rec = serde_json::to_value(Record::of(&session, corpus_now())).unwrap();
    serde_json::to_string_pretty(&rec).unwrap() + "\n"
}

/// Writes the corpus files afresh into the folder `PODIUM_FREEZE_BALLOTS` names (run once,
/// by hand; the frozen files are then never regenerated: see the corpus README).
#[test]
#[ignore = "writes the frozen corpus; run by hand with PODIUM_FREEZE_BALLOTS=DIR"]
fn freeze_the_ballots_corpus() {
    let dir = std::path::PathBuf::from(
        std::env::var_os("PODIUM_FREEZE_BALLOTS").expect("PODIUM_FREEZE_BALLOTS=DIR"),
    );
    for (stem, record) in write_corpus(&dir) {
        std::fs::write(dir.join(format!("{stem}.record.json")), record).unwrap();
    }
    std::fs::write(dir.join("ballots.plan.json"), CORPUS_GRADES_PLAN).unwrap();
    let plan: Plan = serde_json::from_str(CORPUS_GRADES_PLAN).unwrap();
    let rec = serde_json::to_value(Record::of(&Session::new(plan), corpus_now())).unwrap();
    std::fs::write(
        dir.join("ballots.plan.record.json"),
        serde_json::to_string_pretty(&rec).unwrap() + "\n",
    )
    .unwrap();
}

/// The frozen sessions of version 6 open to their frozen records (tests/old_formats.rs checks
/// every corpus session the same way); here, what they must keep covering, with the figures
/// worked out by hand.
#[test]
fn the_frozen_ballot_sessions_keep_their_figures() {
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(corpus_dir().join(name)).unwrap()).unwrap()
    };
    for stem in ["ballots", "ballots.points"] {
        let file = read(&format!("{stem}.session.json"));
        assert_eq!(file["version"], 6, "{stem}");
        assert_eq!(file["plan"]["version"], 5, "{stem}");
        let session = store::read(&corpus_dir().join(format!("{stem}.session.json"))).unwrap();
        let rec = serde_json::to_value(Record::of(&session, corpus_now())).unwrap();
        assert_eq!(rec, read(&format!("{stem}.record.json")), "{stem}");
    }
    for name in [
        "ballots.session.json",
        "ballots.record.json",
        "ballots.points.session.json",
        "ballots.points.record.json",
    ] {
        let text = std::fs::read_to_string(corpus_dir().join(name)).unwrap();
        for c in corpus_codes() {
            assert!(
                !text.contains(&c) && !text.contains(&show_code(&c)),
                "{name}: a code"
            );
        }
    }
    let file = read("ballots.session.json");
    let kinds: std::collections::BTreeSet<&str> = file["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["type"].as_str())
        .collect();
    for kind in [
        "ballots_issued",
        "ballot_voided",
        "voting_opened",
        "voting_closed",
        "grades_added",
    ] {
        assert!(kinds.contains(kind), "no {kind}");
    }
    let rec = read("ballots.record.json");
    // 花亭湖镇: 领导 优秀 (001), 良好 (002 changed), 一般 (003 typed up) → 240/3 = 80;
    // 部门 良好, 优秀 (003 voided) → 90; 乡镇 优秀 (001), 良好, 优秀 (respondents) → 280/3;
    // (50×80 + 30×90 + 20×280/3) / 100 = (4000 + 2700 + 5600/3) / 100 = 85.666… → 85.67.
    assert_eq!(result(&rec, "花亭湖镇")["score"], 85.67);
    // 白鹤街道: 领导 良好 (001), 优秀 (003) → 90 (002 left it out); 部门 优秀, 良好 → 90;
    // 乡镇 一般 (001), 良好 ×2 (tally), 良好 (respondent) → 300/4 = 75;
    // (4500 + 2700 + 1500) / 100 = 87.
    assert_eq!(result(&rec, "白鹤街道")["score"], 87.0);
    // 龙山乡: 领导 良好, 优秀, 良好 → 260/3; 部门 良好, 一般 → 70; 乡镇 良好, 一般, 较差 → 60;
    // (50×260/3 + 2100 + 1200) / 100 = (13000/3 + 3300) / 100 = 76.333… → 76.33.
    assert_eq!(result(&rec, "龙山乡")["score"], 76.33);
    assert_eq!(rec["ballots"]["groups"]["乡镇"]["issued"], 4);
    assert_eq!(rec["ballots"]["voided"], 1);
    let rec = read("ballots.points.record.json");
    // 一号项目 领导: 李主任 85, 领导-001 90, 领导-002 90, 领导-003 68: 90 (001, issued
    // first) and 68 go → (85 + 90)/2 = 87.5; 代表: 80, 96, 80: 96 and 80 (代表-003, issued
    // last) go → 80; (60×87.5 + 40×80) / 100 = 52.5 + 32 = 84.5.
    assert_eq!(result(&rec, "一号项目")["score"], 84.5);
    // 二号项目 领导: 75, 70, 85: trimmed → 75; 代表: 88, 75, 84 (changed): 88 and 75 go → 84;
    // (4500 + 3360) / 100 = 78.6.
    assert_eq!(result(&rec, "二号项目")["score"], 78.6);
}
