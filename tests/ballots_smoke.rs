//! The ballot model end to end in a few lines (tests/ballots.rs has the hand-computed cases).

use chrono::{Duration, FixedOffset, TimeZone};
use podium::plan::Plan;
use podium::session::ballots::{code_from, hash, show_code};
use podium::session::record::Record;
use podium::session::{BallotGrade, BallotKey, Command, Refusal, Session, Time};
use serde_json::json;

fn t(s: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(s)
}

#[test]
fn a_grades_ballot_is_cast_changed_voided() {
    let plan: Plan = serde_json::from_value(json!({
        "title": "测评", "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    }))
    .unwrap();
    assert!(
        plan.validate().iter().all(|f| f.warning),
        "{:?}",
        plan.validate()
    );
    let mut s = Session::new(plan);
    let salt = "00112233445566778899aabbccddeeff".to_string();
    let codes: Vec<String> = (0..3u8).map(|i| code_from(&[i; 10])).collect();
    let run = |s: &mut Session, c: Command| {
        let e = s.decide(&c, t(1)).unwrap_or_else(|r| panic!("{r:?}"));
        s.commit(e);
    };
    run(
        &mut s,
        Command::IssueBallots {
            group: "领导".into(),
            salt: salt.clone(),
            hashes: codes[..2].iter().map(|c| hash(&salt, c)).collect(),
        },
    );
    run(
        &mut s,
        Command::IssueBallots {
            group: "部门".into(),
            salt: salt.clone(),
            hashes: vec![hash(&salt, &codes[2])],
        },
    );
    let cast = |code: &str, a: &str, b: &str| Command::CastBallot {
        ballot: BallotKey::Code(podium::session::ballots::Secret(
            show_code(code).to_lowercase(),
        )),
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
    assert_eq!(
        s.decide(&cast(&codes[0], "优秀", "良好"), t(2))
            .unwrap_err(),
        Refusal::VotingClosed
    );
    run(&mut s, Command::OpenVoting);
    run(&mut s, cast(&codes[0], "优秀", "良好"));
    run(&mut s, cast(&codes[1], "良好", "良好"));
    run(&mut s, cast(&codes[2], "一般", "优秀"));
    // Changed: the last one counts.
    run(&mut s, cast(&codes[1], "优秀", "较差"));
    let rec = serde_json::to_value(Record::of(&s, t(9))).unwrap();
    assert_eq!(rec["ballots"]["cast"], 3);
    assert_eq!(rec["units"][0]["scores"]["领导"]["优秀"], 2);
    // 甲镇: 领导 优秀, 优秀 → 100; 部门 一般 → 60; (60×100 + 40×60) / 100 = 84.
    assert_eq!(rec["units"][0]["result"]["score"], 84.0);
    // 乙镇: 领导 良好 80, 较差 40 → 60; 部门 优秀 100; (60×60 + 40×100) / 100 = 76.
    assert_eq!(rec["units"][1]["result"]["score"], 76.0);
    let text = serde_json::to_string(&rec).unwrap() + &format!("{:?}", s.events());
    for c in &codes {
        assert!(!text.contains(c.as_str()), "a code leaked");
    }
    run(
        &mut s,
        Command::VoidBallot {
            serial: "部门-001".into(),
        },
    );
    assert!(matches!(
        s.decide(&cast(&codes[2], "良好", "良好"), t(3)),
        Err(Refusal::BallotVoided { .. })
    ));
    run(&mut s, Command::CloseVoting);
    assert_eq!(
        s.decide(&cast(&codes[0], "良好", "良好"), t(3))
            .unwrap_err(),
        Refusal::VotingClosed
    );
    let rec = serde_json::to_value(Record::of(&s, t(9))).unwrap();
    // Voided: 部门 has no ballot left; 甲镇 is 领导's 100 alone.
    assert_eq!(rec["units"][0]["result"]["score"], 100.0);
    assert_eq!(rec["ballots"]["voided"], 1);
    assert_eq!(rec["units"][0]["scores"]["部门"]["一般"], 0);
}
