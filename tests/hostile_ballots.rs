//! The ballot core attacked as an adversary would: codes typed every wrong way (look-alike
//! characters, lower case, full-width forms, odd spaces, a character short or over, a code of
//! another session), hash lists with duplicates or upper-case hex, more ballots than a group
//! may have, group names built to collide with serials, and session files edited by hand (a
//! cast for a serial never issued, a cast of a voided one, tallies of `i64::MAX`, a group not
//! in the plan, a cast before its issue, a unit that is a speech). Each attack states what
//! podium should do.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::plan::{MAX_BALLOTS, Plan};
use podium::session::ballots::{Secret, code_from, hash, normalize_code, serial, show_code};
use podium::session::record::Record;
use podium::session::{
    BallotGrade, BallotKey, BallotScore, Command, Event, EventKind, RecordedBallot, Refusal,
    Session, Time,
};
use serde_json::{Value, json};

fn t(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

const SALT: &str = "0123456789abcdef0123456789abcdef";

fn plan(value: Value) -> Plan {
    let plan: Plan = serde_json::from_value(value).expect("the test plan parses");
    let errors: Vec<_> = plan.validate().into_iter().filter(|f| !f.warning).collect();
    assert!(errors.is_empty(), "the test plan is invalid: {errors:?}");
    plan
}

fn grades_plan() -> Plan {
    plan(json!({
        "title": "测评",
        "units": [{"name": "甲镇"}, {"name": "乙镇"}, {"name": "书记讲话", "kind": "speech"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    }))
}

fn run(session: &mut Session, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

fn refused(session: &Session, command: Command, now: Time) -> Refusal {
    match session.decide(&command, now) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    }
}

fn code(n: u16) -> String {
    let [a, b] = n.to_be_bytes();
    code_from(&[a, b, 1, 2, 3, 4, 5, 6, a, b])
}

fn cast(ballot: BallotKey, unit: &str, grade: &str) -> Command {
    Command::CastBallot {
        ballot,
        grades: vec![BallotGrade {
            unit: unit.into(),
            grade: grade.into(),
        }],
        scores: vec![],
    }
}

fn typed(text: &str) -> BallotKey {
    BallotKey::Code(Secret(text.to_string()))
}

fn record(session: &Session) -> Value {
    serde_json::to_value(Record::of(session, t(3600))).expect("the record serialises")
}

/// A session with `n` 领导 ballots issued and voting open.
fn open_session(n: u16) -> (Session, Vec<String>) {
    let mut s = Session::new(grades_plan());
    let codes: Vec<String> = (0..n).map(code).collect();
    run(
        &mut s,
        Command::IssueBallots {
            group: "领导".into(),
            salt: SALT.into(),
            hashes: codes.iter().map(|c| hash(SALT, c)).collect(),
        },
        t(1),
    );
    run(&mut s, Command::OpenVoting, t(2));
    (s, codes)
}

/// A session from hand-written events (seq and time filled in).
fn from_events(plan: Plan, kinds: Vec<EventKind>) -> Session {
    let events = kinds
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Event {
            seq: i as u64 + 1,
            at: t(i as i64),
            part_of: None,
            by: None,
            command: None,
            kind,
            elapsed_ms: None,
        })
        .collect();
    Session::from_events(plan, events)
}

// ---------------------------------------------------------------------------------------
// Codes typed every way
// ---------------------------------------------------------------------------------------

#[test]
fn a_code_is_found_however_it_is_typed_and_never_by_a_near_miss() {
    let (s, codes) = open_session(2);
    let c = &codes[0];
    let shown = show_code(c);
    let wide: String = shown
        .chars()
        .map(|ch| match ch {
            '-' => '－',
            ch if ch.is_ascii_alphanumeric() => char::from_u32(ch as u32 + 0xFEE0).unwrap(),
            ch => ch,
        })
        .collect();
    // Spaces a phone or a chat app puts in: a no-break space, a thin space, a full-width
    // space, a line break, a dash an input method makes of a hyphen.
    let spaced = format!(
        " {}\u{a0}{}\u{2009}{}\u{3000}{}\n",
        &c[0..4],
        &c[4..8],
        &c[8..12],
        &c[12..]
    );
    let dashed = format!("{}–{}—{}‐{}", &c[0..4], &c[4..8], &c[8..12], &c[12..]);
    for text in [
        c.clone(),
        shown.clone(),
        shown.to_lowercase(),
        wide.clone(),
        wide.to_lowercase(),
        spaced,
        dashed,
    ] {
        assert_eq!(
            s.state().ballots.by_code(&text).map(|b| b.serial.as_str()),
            Some("领导-001"),
            "{text:?}"
        );
        assert!(
            s.decide(&cast(typed(&text), "甲镇", "优秀"), t(3)).is_ok(),
            "{text:?}"
        );
    }
    // A character short or over, a look-alike that is not in the alphabet, another
    // session's code: no ballot, and the refusal repeats nothing of what was typed.
    let swapped: String = c
        .chars()
        .enumerate()
        .map(|(i, ch)| {
            if i == 0 {
                if ch == '2' { '3' } else { '2' }
            } else {
                ch
            }
        })
        .collect();
    let other_salt = "ffffffffffffffffffffffffffffffff";
    let mut other = Session::new(grades_plan());
    run(
        &mut other,
        Command::IssueBallots {
            group: "领导".into(),
            salt: other_salt.into(),
            hashes: vec![hash(other_salt, &code(99))],
        },
        t(1),
    );
    for text in [
        c[..15].to_string(),
        format!("{c}2"),
        format!("{}0", &c[..15]),
        format!("{}O", &c[..15]),
        format!("{}1", &c[..15]),
        format!("{}I", &c[..15]),
        format!("{}i", &c[..15]),
        format!("{}o", &c[..15]),
        swapped,
        code(99),
        String::new(),
        "----".into(),
        "领导-001".into(),
    ] {
        assert_eq!(
            refused(&s, cast(typed(&text), "甲镇", "优秀"), t(3)),
            Refusal::UnknownBallot,
            "{text:?}"
        );
    }
    // Each code opens only its own ballot.
    assert_eq!(
        s.state()
            .ballots
            .by_code(&codes[1])
            .map(|b| b.serial.as_str()),
        Some("领导-002")
    );
    // A serial as the key is found as typed (spaces around it are forgiven).
    assert!(
        s.decide(
            &cast(BallotKey::Serial(" 领导-002 ".into()), "甲镇", "优秀"),
            t(3)
        )
        .is_ok()
    );
    // Upper-case l does not exist in the alphabet, but a lower-case l is an L.
    assert!(normalize_code("llllllllllllllll").is_some());
}

// ---------------------------------------------------------------------------------------
// Hash lists and counts
// ---------------------------------------------------------------------------------------

#[test]
fn a_hash_list_must_be_what_podium_makes() {
    let (mut s, codes) = open_session(1);
    let h = |n: u16| hash(SALT, &code(n));
    let issue = |hashes: Vec<String>, salt: &str| Command::IssueBallots {
        group: "部门".into(),
        salt: salt.into(),
        hashes,
    };
    for (hashes, salt) in [
        // Duplicates within the list.
        (vec![h(10), h(11), h(10)], SALT),
        // Upper-case hex.
        (vec![h(10).to_uppercase()], SALT),
        // Too short, too long, not hex.
        (vec![h(10)[..63].to_string()], SALT),
        (vec![format!("{}0", h(10))], SALT),
        (vec![h(10).replace('a', "g")], SALT),
        // A hash already issued (another group's ballot).
        (vec![hash(SALT, &codes[0])], SALT),
        // A salt that is not 32 lower-case hex digits.
        (vec![h(10)], "00"),
        (vec![h(10)], &SALT.to_uppercase()),
    ] {
        if hashes[0].chars().any(|c| c.is_ascii_uppercase()) || hashes[0].contains('g') {
            // (a hash that has no lower-case form is still refused)
        }
        assert_eq!(
            refused(&s, issue(hashes.clone(), salt), t(5)),
            Refusal::BadBallotHash,
            "{hashes:?} {salt}"
        );
    }
    assert_eq!(
        refused(&s, issue(vec![], SALT), t(5)),
        Refusal::NothingChanged
    );
    assert_eq!(
        refused(
            &s,
            Command::IssueBallots {
                group: "领导 ".into(),
                salt: SALT.into(),
                hashes: vec![h(10)]
            },
            t(5)
        ),
        Refusal::UnknownBallotGroup {
            group: "领导 ".into()
        }
    );
    run(&mut s, issue(vec![h(10)], SALT), t(6));
    assert!(s.state().ballots.get("部门-001").is_some());
}

#[test]
fn a_group_holds_at_most_9999_ballots() {
    let mut s = Session::new(grades_plan());
    let hashes: Vec<String> = (0..10_000u16).map(|n| hash(SALT, &code(n))).collect();
    assert_eq!(
        refused(
            &s,
            Command::IssueBallots {
                group: "领导".into(),
                salt: SALT.into(),
                hashes: hashes.clone()
            },
            t(1)
        ),
        Refusal::TooManyBallots { max: MAX_BALLOTS }
    );
    run(
        &mut s,
        Command::IssueBallots {
            group: "领导".into(),
            salt: SALT.into(),
            hashes: hashes[..9999].to_vec(),
        },
        t(1),
    );
    assert!(s.state().ballots.get("领导-9999").is_some());
    assert!(s.state().ballots.get("领导-001").is_some());
    assert_eq!(
        refused(
            &s,
            Command::IssueBallots {
                group: "领导".into(),
                salt: SALT.into(),
                hashes: hashes[9999..].to_vec()
            },
            t(2)
        ),
        Refusal::TooManyBallots { max: MAX_BALLOTS }
    );
    // Nor by RecordBallots.
    assert_eq!(
        refused(
            &s,
            Command::RecordBallots {
                salt: SALT.into(),
                ballots: vec![RecordedBallot {
                    group: "领导".into(),
                    serial: None,
                    hash: Some(hashes[9999].clone()),
                    grades: vec![BallotGrade {
                        unit: "甲镇".into(),
                        grade: "优秀".into()
                    }],
                    scores: vec![],
                }],
            },
            t(2)
        ),
        Refusal::TooManyBallots { max: MAX_BALLOTS }
    );
    // The other group is not full.
    run(
        &mut s,
        Command::IssueBallots {
            group: "部门".into(),
            salt: SALT.into(),
            hashes: vec![hash(SALT, &code(20_000))],
        },
        t(3),
    );
}

// ---------------------------------------------------------------------------------------
// Names built to collide
// ---------------------------------------------------------------------------------------

#[test]
fn serials_of_a_group_named_like_a_serial_do_not_collide() {
    let p = plan(json!({
        "title": "测评", "units": [{"name": "甲镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 50}, {"name": "领导-0", "weight": 30},
            {"name": "领导-001", "weight": 20}]}
    }));
    let mut s = Session::new(p);
    for (i, group) in ["领导", "领导-0", "领导-001"].into_iter().enumerate() {
        run(
            &mut s,
            Command::IssueBallots {
                group: group.into(),
                salt: SALT.into(),
                hashes: (0..12u16)
                    .map(|n| hash(SALT, &code(100 * i as u16 + n)))
                    .collect(),
            },
            t(1),
        );
    }
    let b = &s.state().ballots;
    assert_eq!(b.counts(None).issued, 36);
    for group in ["领导", "领导-0", "领导-001"] {
        assert_eq!(b.counts(Some(group)).issued, 12, "{group}");
        assert_eq!(b.get(&serial(group, 1)).unwrap().group, group);
    }
    assert_eq!(b.get("领导-0-001").unwrap().group, "领导-0");
    assert_eq!(b.get("领导-001").unwrap().group, "领导");
    assert_eq!(b.get("领导-001-001").unwrap().group, "领导-001");
}

#[test]
fn ballot_groups_that_look_alike_are_refused_by_the_plan_check() {
    for other in ["领导 ", "領導", "ＡＢ", "AB"] {
        let first = if other.starts_with(['Ａ', 'A']) {
            "AB"
        } else {
            "领导"
        };
        let p: Plan = serde_json::from_value(json!({
            "title": "测评", "units": [{"name": "甲镇"}],
            "scoring": {"mode": "grades", "ballot_groups": [
                {"name": first, "weight": 50}, {"name": other, "weight": 50}]}
        }))
        .unwrap();
        let errors: Vec<_> = p.validate().into_iter().filter(|f| !f.warning).collect();
        if other == "領導" {
            // Traditional characters are another name: allowed.
            continue;
        }
        assert!(!errors.is_empty(), "{first:?} and {other:?} both accepted");
    }
}

#[test]
fn a_plan_reviewer_named_like_a_serial_is_refused_or_kept_apart() {
    // A reviewer “领导-001” in a ballot group would have the same name as the first ballot of
    // 领导: its sheet and the ballot's would be one entry in the record.
    let p: Plan = serde_json::from_value(json!({
        "title": "测评", "units": [{"name": "甲镇"}],
        "reviewers": [{"name": "领导-001", "group": "领导"}],
        "scoring": {"mode": "points", "ballot_groups": [
            {"name": "领导", "weight": 100}]}
    }))
    .unwrap();
    let errors: Vec<_> = p.validate().into_iter().filter(|f| !f.warning).collect();
    if !errors.is_empty() {
        assert!(
            errors
                .iter()
                .any(|f| matches!(f.problem, podium::plan::Problem::ReviewerLikeSerial(_))),
            "{errors:?}"
        );
        return; // refused by the plan check
    }
    let mut s = Session::new(p);
    run(
        &mut s,
        Command::IssueBallots {
            group: "领导".into(),
            salt: SALT.into(),
            hashes: vec![hash(SALT, &code(1))],
        },
        t(1),
    );
    run(
        &mut s,
        Command::SetScores {
            entries: vec![podium::session::ScoreEntry {
                unit: "甲镇".into(),
                reviewer: "领导-001".into(),
                criterion: "总分".into(),
                value: 900_000,
            }],
        },
        t(2),
    );
    run(
        &mut s,
        Command::CastBallot {
            ballot: BallotKey::Serial("领导-001".into()),
            grades: vec![],
            scores: vec![BallotScore {
                unit: "甲镇".into(),
                criterion: "总分".into(),
                value: 700_000,
            }],
        },
        t(3),
    );
    let rec = record(&s);
    // Two scorers, two sheets: (90 + 70) / 2 = 80.
    assert_eq!(rec["units"][0]["result"]["score"], 80.0);
    assert_eq!(
        rec["units"][0]["scores"].as_object().unwrap().len(),
        2,
        "{}",
        rec["units"][0]["scores"]
    );
}

// ---------------------------------------------------------------------------------------
// Units that are not scored
// ---------------------------------------------------------------------------------------

#[test]
fn a_speech_takes_no_ballot() {
    let (s, codes) = open_session(1);
    assert!(matches!(
        refused(
            &s,
            cast(
                BallotKey::Code(Secret(codes[0].clone())),
                "书记讲话",
                "优秀"
            ),
            t(3)
        ),
        Refusal::Score(_)
    ));
    // A hand-edited file casting for it counts nothing.
    let s = from_events(
        grades_plan(),
        vec![
            EventKind::BallotsIssued {
                group: "领导".into(),
                salt: SALT.into(),
                ballots: vec![podium::session::ballots::IssuedBallot {
                    serial: "领导-001".into(),
                    hash: hash(SALT, &codes[0]),
                }],
            },
            EventKind::GradesAdded {
                unit: "书记讲话".into(),
                grade: "优秀".into(),
                count: 1,
                group: Some("领导".into()),
                serial: Some("领导-001".into()),
            },
            EventKind::GradesAdded {
                unit: "书记讲话".into(),
                grade: "优秀".into(),
                count: 5,
                group: Some("领导".into()),
                serial: None,
            },
        ],
    );
    let rec = record(&s);
    let speech = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "书记讲话")
        .unwrap();
    assert_eq!(speech["result"], Value::Null);
    assert_eq!(
        rec["ballots"]["cast"], 0,
        "a ballot that scores nothing is not cast"
    );
    // A unit added live as a speech, after a hand-written cast named it before it existed.
    let s = from_events(
        grades_plan(),
        vec![
            EventKind::BallotsIssued {
                group: "领导".into(),
                salt: SALT.into(),
                ballots: vec![podium::session::ballots::IssuedBallot {
                    serial: "领导-001".into(),
                    hash: hash(SALT, &codes[0]),
                }],
            },
            EventKind::GradesAdded {
                unit: "致辞".into(),
                grade: "优秀".into(),
                count: 1,
                group: Some("领导".into()),
                serial: Some("领导-001".into()),
            },
            EventKind::UnitAdded {
                unit: "致辞".into(),
                presenter: None,
                role: None,
                limit_seconds: 300,
                after: None,
                kind: Some(podium::plan::UnitKind::Speech),
            },
        ],
    );
    let rec = record(&s);
    let speech = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "致辞")
        .unwrap();
    assert_eq!(speech["result"], Value::Null);
    assert_eq!(rec["ballots"]["cast"], 0, "{}", rec["ballots"]);
}

// ---------------------------------------------------------------------------------------
// Session files edited by hand
// ---------------------------------------------------------------------------------------

fn issued(group: &str, serials: &[(&str, u16)]) -> EventKind {
    EventKind::BallotsIssued {
        group: group.into(),
        salt: SALT.into(),
        ballots: serials
            .iter()
            .map(|(s, n)| podium::session::ballots::IssuedBallot {
                serial: s.to_string(),
                hash: hash(SALT, &code(*n)),
            })
            .collect(),
    }
}

fn graded(
    unit: &str,
    grade: &str,
    serial: Option<&str>,
    group: Option<&str>,
    count: i64,
) -> EventKind {
    EventKind::GradesAdded {
        unit: unit.into(),
        grade: grade.into(),
        count,
        group: group.map(str::to_string),
        serial: serial.map(str::to_string),
    }
}

#[test]
fn hand_edited_casts_for_unissued_voided_or_later_serials_count_nothing() {
    let s = from_events(
        grades_plan(),
        vec![
            // Cast before its issue: the ballot did not exist yet.
            graded("甲镇", "较差", Some("领导-001"), Some("领导"), 1),
            issued("领导", &[("领导-001", 1), ("领导-002", 2)]),
            // A serial never issued.
            graded("甲镇", "较差", Some("领导-077"), Some("领导"), 1),
            // A serial of the plan's format in a group not in the plan.
            issued("群众", &[("群众-001", 3)]),
            graded("甲镇", "较差", Some("群众-001"), Some("群众"), 1),
            // A voided serial cast afterwards.
            EventKind::BallotVoided {
                serial: "领导-002".into(),
            },
            graded("甲镇", "较差", Some("领导-002"), Some("领导"), 1),
            // The one ballot that counts; its event names the wrong group, the ballot's
            // own group is what counts.
            graded("甲镇", "优秀", Some("领导-001"), Some("部门"), 1),
            // A tally of a group not in the plan.
            graded("甲镇", "较差", None, Some("群众"), 40),
            // A tally without a group in a plan with ballot groups: not a ballot group's.
            graded("甲镇", "较差", None, None, 40),
            // A count of 7 on a ballot (each event is its own action here: the last cast of
            // 领导-001 above is the one that counts, so 领导-003 takes this).
            issued("领导", &[("领导-003", 4)]),
            graded("乙镇", "较差", Some("领导-003"), Some("领导"), 7),
        ],
    );
    let rec = record(&s);
    // 甲镇: 领导-001's 优秀 alone → 100.
    assert_eq!(
        rec["units"][0]["result"]["score"], 100.0,
        "{}",
        rec["units"][0]
    );
    assert_eq!(
        rec["units"][0]["scores"],
        json!({"领导": {"优秀": 1, "良好": 0, "一般": 0, "较差": 0},
               "部门": {"优秀": 0, "良好": 0, "一般": 0, "较差": 0}})
    );
    // 乙镇: a ballot is one ballot whatever count the event says: 较差 once → 40.
    assert_eq!(rec["units"][1]["scores"]["领导"]["较差"], 1);
    assert_eq!(rec["units"][1]["result"]["score"], 40.0);
    assert_eq!(rec["ballots"]["issued"], 3);
    assert_eq!(rec["ballots"]["cast"], 2);
    assert_eq!(rec["ballots"]["voided"], 1);
}

#[test]
fn tallies_of_i64_max_neither_panic_nor_give_a_score_out_of_range() {
    let s = from_events(
        grades_plan(),
        vec![
            graded("甲镇", "优秀", None, Some("领导"), i64::MAX),
            graded("甲镇", "优秀", None, Some("领导"), i64::MAX),
            graded("甲镇", "较差", None, Some("领导"), i64::MAX),
            graded("甲镇", "一般", None, Some("部门"), i64::MAX),
            graded("乙镇", "较差", None, Some("部门"), i64::MIN),
            graded("乙镇", "良好", None, Some("部门"), 1),
        ],
    );
    let rec = record(&s);
    for u in rec["units"].as_array().unwrap() {
        let score = &u["result"]["score"];
        assert!(
            score.is_null() || (0.0..=100.0).contains(&score.as_f64().unwrap()),
            "{}: {score}",
            u["name"]
        );
        let share = &u["result"]["excellent_share"];
        assert!(
            share.is_null() || (0.0..=1.0).contains(&share.as_f64().unwrap()),
            "{}: {share}",
            u["name"]
        );
    }
    // 乙镇: a negative count is none; 良好 once → 80 (部门 alone).
    assert_eq!(rec["units"][1]["result"]["score"], 80.0);
    // Points mode too: a hand-edited ballot value of i64::MAX.
    let p = plan(json!({
        "title": "测评", "units": [{"name": "甲镇"}],
        "scoring": {"mode": "points", "ballot_groups": [{"name": "领导", "weight": 100}]}
    }));
    let big = |serial: &str, value: &str| EventKind::ScoreSet {
        unit: "甲镇".into(),
        reviewer: serial.into(),
        criterion: "总分".into(),
        value: value.into(),
        group: Some("领导".into()),
        serial: Some(serial.into()),
    };
    let s = from_events(
        p,
        vec![
            issued("领导", &[("领导-001", 1), ("领导-002", 2)]),
            big("领导-001", "922337203685477.5807"),
            big("领导-002", "922337203685477.5807"),
        ],
    );
    let _ = record(&s);
}

#[test]
fn a_hand_edited_issue_that_reuses_a_serial_does_not_swallow_a_later_ballot() {
    // 领导's batch holds a serial in 部门's numbering. Issuing 部门's first ballot must not
    // give a slip whose code opens nothing.
    let mut s = from_events(
        grades_plan(),
        vec![issued("领导", &[("领导-001", 1), ("部门-001", 2)])],
    );
    let c = code(50);
    match s.decide(
        &Command::IssueBallots {
            group: "部门".into(),
            salt: SALT.into(),
            hashes: vec![hash(SALT, &c)],
        },
        t(10),
    ) {
        Err(_) => {} // refused: fine, no slip is printed
        Ok(events) => {
            s.commit(events);
            let b = s.state().ballots.by_code(&c);
            assert!(b.is_some(), "an issued code opens no ballot");
            assert_eq!(b.unwrap().group, "部门");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------

#[test]
fn three_hundred_ballots_on_three_hundred_units_fold_and_count() {
    let units: Vec<Value> = (0..300)
        .map(|i| json!({"name": format!("单位{i:03}")}))
        .collect();
    let p = plan(json!({
        "title": "测评", "units": units,
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    }));
    let mut s = Session::new(p);
    let codes: Vec<String> = (0..300).map(code).collect();
    for (group, range) in [("领导", 0..100), ("部门", 100..300)] {
        run(
            &mut s,
            Command::IssueBallots {
                group: group.into(),
                salt: SALT.into(),
                hashes: codes[range].iter().map(|c| hash(SALT, c)).collect(),
            },
            t(1),
        );
    }
    run(&mut s, Command::OpenVoting, t(2));
    let names = ["优秀", "良好", "一般", "较差"];
    let started = std::time::Instant::now();
    for (i, c) in codes.iter().enumerate() {
        run(
            &mut s,
            Command::CastBallot {
                ballot: BallotKey::Code(Secret(c.clone())),
                grades: (0..300)
                    .map(|u| BallotGrade {
                        unit: format!("单位{u:03}"),
                        grade: names[(i + u) % 4].into(),
                    })
                    .collect(),
                scores: vec![],
            },
            t(3),
        );
    }
    let cast = started.elapsed();
    let started = std::time::Instant::now();
    let again = Session::from_events(s.plan().clone(), s.events().to_vec());
    let fold = started.elapsed();
    let started = std::time::Instant::now();
    let rec = record(&again);
    let counted = started.elapsed();
    eprintln!("300 ballots × 300 units: cast {cast:?}, fold {fold:?}, record {counted:?}");
    assert_eq!(rec["ballots"]["cast"], 300);
    assert_eq!(rec["units"][0]["scores"]["领导"]["优秀"], 25);
    assert_eq!(record(&s), rec);
}

/// The minutes' and workbook's counts by group (`report::tables::group_grade_counts`) add each
/// cast ballot with `+= 1` onto the tally: a hand-edited tally of `i64::MAX` overflows (a
/// panic in a debug build). The fix: `counts[k] = counts[k].saturating_add(1)`.
#[test]
fn a_tally_of_i64_max_does_not_overflow_the_minutes_counts() {
    let s = from_events(
        grades_plan(),
        vec![
            issued("领导", &[("领导-001", 1)]),
            graded("甲镇", "优秀", None, Some("领导"), i64::MAX),
            graded("甲镇", "优秀", Some("领导-001"), Some("领导"), 1),
        ],
    );
    let counts = podium::report::tables::group_grade_counts(&s, "甲镇");
    assert_eq!(counts[0].1[0], i64::MAX);
}
