//! Every scoring rule of issue 4 with hand-computed expected values: trimming (with ties),
//! fewer scores than trim_min, a missing group, unscored units, recusal, partial sheets,
//! overtime and undertime penalties at their boundaries, a running talk, half-up rounding,
//! the floor at 0, grade tallies, every tie-break key, shared ranks, publishing, unlocking and
//! undo. Driven through `Session::decide` + `commit` with a fake clock; the results are read
//! from the record's JSON (`Record::of` → `serde_json::to_value`), as scripts read them.
//!
//! The arithmetic behind every expected figure is written beside it.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::decimal::parse_typed;
use podium::plan::Plan;
use podium::scoring::ScoreProblem;
use podium::session::record::Record;
use podium::session::{
    Command, Event, EventKind, GradeEntry, Refusal, ScoreEntry, Session, Status, Time,
};
use podium::store::{self, Writer};
use podium::strings::{self, Lang};
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

/// A plan from JSON, which must pass validation (no errors; warnings are fine).
fn plan(value: Value) -> Plan {
    let plan: Plan = serde_json::from_value(value).expect("the test plan parses");
    let errors: Vec<_> = plan.validate().into_iter().filter(|f| !f.warning).collect();
    assert!(errors.is_empty(), "the test plan is invalid: {errors:?}");
    plan
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

/// One score, typed as a person types it ("27.5").
fn entry(unit: &str, reviewer: &str, criterion: &str, value: &str) -> ScoreEntry {
    ScoreEntry {
        unit: unit.into(),
        reviewer: reviewer.into(),
        criterion: criterion.into(),
        value: parse_typed(value).unwrap_or_else(|| panic!("{value} is not a number")),
    }
}

/// Totals for plans without declared criteria (one criterion, 总分, max 100).
fn totals(unit: &str, scores: &[(&str, &str)]) -> Vec<ScoreEntry> {
    scores
        .iter()
        .map(|(reviewer, value)| entry(unit, reviewer, "总分", value))
        .collect()
}

fn set(session: &mut Session, entries: Vec<ScoreEntry>, now: Time) {
    run(session, Command::SetScores { entries }, now);
}

fn record(session: &Session, now: Time) -> Value {
    serde_json::to_value(Record::of(session, now)).expect("the record serialises")
}

fn unit<'a>(rec: &'a Value, name: &str) -> &'a Value {
    rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name} in the record"))
}

fn result<'a>(rec: &'a Value, name: &str) -> &'a Value {
    &unit(rec, name)["result"]
}

fn final_of(rec: &Value, name: &str) -> Option<f64> {
    result(rec, name)["final"].as_f64()
}

fn score_of(rec: &Value, name: &str) -> Option<f64> {
    result(rec, name)["score"].as_f64()
}

fn rank_of(rec: &Value, name: &str) -> Option<u64> {
    let r = &result(rec, name)["rank"];
    assert!(r.is_u64() || r.is_null(), "rank is an integer or null: {r}");
    r.as_u64()
}

fn tied_of(rec: &Value, name: &str) -> bool {
    result(rec, name)["tied"].as_bool().expect("tied is a bool")
}

fn flags_of(rec: &Value, name: &str) -> Vec<String> {
    result(rec, name)["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect()
}

fn group_score(rec: &Value, name: &str, group: &str) -> Option<f64> {
    let v = &result(rec, name)["group_scores"][group];
    assert!(
        v.is_number() || v.is_null(),
        "group_scores.{group} of {name}: {v}"
    );
    v.as_f64()
}

fn trimmed_of(rec: &Value, name: &str) -> Vec<String> {
    result(rec, name)["trimmed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect()
}

/// `ranking[]` as (rank, unit, final, tied).
fn ranking(rec: &Value) -> Vec<(Option<u64>, String, Option<f64>, bool)> {
    rec["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rank"].as_u64(),
                r["unit"].as_str().unwrap().to_string(),
                r["final"].as_f64(),
                r["tied"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// Times `unit`'s talk: it becomes current at `start`, talks `seconds`, and `Next` ends it.
fn talk(session: &mut Session, name: &str, start: i64, seconds: i64) {
    run(session, Command::SetCurrent { unit: name.into() }, t(start));
    run(session, Command::ToggleTalk, t(start));
    run(session, Command::Next, t(start + seconds));
}

/// Two groups as in the acceptance plan (领导 70 / 代表 30), trim 1 with trim_min 5, one
/// criterion (总分, max 100, step 0.5). Reviewers listed L1..L5 (领导) then D1..D3 (代表);
/// L5 is recused from 丙 (when the plan has 丙).
fn grouped_plan(units: &[&str], extra: Value) -> Plan {
    let mut scoring = json!({
        "step": 0.5,
        "groups": [{"name": "领导", "weight": 70}, {"name": "代表", "weight": 30}],
        "trim": 1,
        "trim_min": 5,
        "decimals": 2
    });
    for (k, v) in extra.as_object().unwrap() {
        scoring[k] = v.clone();
    }
    let recused: Vec<&str> = units.iter().copied().filter(|u| *u == "丙").collect();
    plan(json!({
        "title": "评分规则",
        "units": units.iter().map(|u| json!({"name": u})).collect::<Vec<_>>(),
        "reviewers": [
            {"name": "L1", "group": "领导"},
            {"name": "L2", "group": "领导"},
            {"name": "L3", "group": "领导"},
            {"name": "L4", "group": "领导"},
            {"name": "L5", "group": "领导", "recused": recused},
            {"name": "D1", "group": "代表"},
            {"name": "D2", "group": "代表"},
            {"name": "D3", "group": "代表"}
        ],
        "scoring": scoring
    }))
}

/// No groups: `reviewers` named R1..Rn in one pool, one criterion 总分, `scoring` as given.
fn simple_plan(units: &[(&str, Option<f64>)], reviewers: usize, scoring: Value) -> Plan {
    plan(json!({
        "title": "评分规则",
        "units": units
            .iter()
            .map(|(u, m)| match m {
                Some(m) => json!({"name": u, "minutes": m}),
                None => json!({"name": u}),
            })
            .collect::<Vec<_>>(),
        "reviewers": (1..=reviewers).map(|i| json!({"name": format!("R{i}")})).collect::<Vec<_>>(),
        "scoring": scoring
    }))
}

// ---------------------------------------------------------------------------------------
// Trimming
// ---------------------------------------------------------------------------------------

/// 甲's 领导 totals: L1 90, L2 95, L3 95, L4 80, L5 80; 代表: D1 88, D2 89, D3 90.
fn sheets_甲() -> Vec<ScoreEntry> {
    totals(
        "甲",
        &[
            ("L1", "90"),
            ("L2", "95"),
            ("L3", "95"),
            ("L4", "80"),
            ("L5", "80"),
            ("D1", "88"),
            ("D2", "89"),
            ("D3", "90"),
        ],
    )
}

#[test]
fn trimming_with_ties_drops_the_first_listed_high_and_the_last_listed_low() {
    let mut s = Session::new(grouped_plan(&["甲", "乙"], json!({})));
    set(&mut s, sheets_甲(), t(0));
    // 乙: every 领导 total is 90: the high drop is L1 (listed first), the low drop L5 (last).
    set(
        &mut s,
        totals(
            "乙",
            &[
                ("L1", "90"),
                ("L2", "90"),
                ("L3", "90"),
                ("L4", "90"),
                ("L5", "90"),
            ],
        ),
        t(1),
    );
    let rec = record(&s, t(2));

    // 领导 of 甲: n = 5 ≥ trim_min 5 → drop 1 high and 1 low.
    //   highest 95 is shared by L2 and L3 → L2 (listed first) is dropped;
    //   lowest 80 is shared by L4 and L5 → L5 (listed last) is dropped.
    //   mean of L1 90, L3 95, L4 80 = 265 / 3 = 88.3333…  (shown 88.33)
    // 代表 of 甲: n = 3 < 5 → plain mean (88 + 89 + 90) / 3 = 89, flagged not trimmed.
    // score = (70 × 265/3 + 30 × 89) / 100 = (18550/3 + 2670) / 100 = 26560 / 300 = 88.5333…
    //       → 88.53
    assert_eq!(trimmed_of(&rec, "甲"), ["L2", "L5"]);
    assert_eq!(
        flags_of(&rec, "甲"),
        ["trimmed:领导:L2,L5", "not_trimmed:代表"]
    );
    assert_eq!(group_score(&rec, "甲", "领导"), Some(88.33));
    assert_eq!(group_score(&rec, "甲", "代表"), Some(89.0));
    assert_eq!(score_of(&rec, "甲"), Some(88.53));
    assert_eq!(final_of(&rec, "甲"), Some(88.53));

    // 乙: five equal totals → L1 and L5 dropped, mean of L2..L4 = 90; 代表 has none.
    assert_eq!(trimmed_of(&rec, "乙"), ["L1", "L5"]);
    assert_eq!(
        flags_of(&rec, "乙"),
        ["trimmed:领导:L1,L5", "group_missing:代表"]
    );
    assert_eq!(final_of(&rec, "乙"), Some(90.0));
}

#[test]
fn trimming_does_not_depend_on_the_order_of_entry() {
    let now = t(100);
    // In plan order, as one command.
    let mut a = Session::new(grouped_plan(&["甲"], json!({})));
    set(&mut a, sheets_甲(), t(0));
    // Reversed, as one command.
    let mut b = Session::new(grouped_plan(&["甲"], json!({})));
    let mut reversed = sheets_甲();
    reversed.reverse();
    set(&mut b, reversed, t(0));
    // One sheet per command, in a scrambled order, with L3 first typed as 80 then corrected.
    let mut c = Session::new(grouped_plan(&["甲"], json!({})));
    set(&mut c, totals("甲", &[("L3", "80")]), t(0));
    for (i, k) in [4, 7, 2, 0, 6, 3, 5, 1].into_iter().enumerate() {
        set(&mut c, vec![sheets_甲()[k].clone()], t(1 + i as i64));
    }
    let (ra, rb, rc) = (record(&a, now), record(&b, now), record(&c, now));
    assert_eq!(result(&ra, "甲"), result(&rb, "甲"));
    assert_eq!(result(&ra, "甲"), result(&rc, "甲"));
    assert_eq!(trimmed_of(&rc, "甲"), ["L2", "L5"]);
    assert_eq!(final_of(&rc, "甲"), Some(88.53));
}

#[test]
fn fewer_scores_than_trim_min_take_the_plain_mean_flagged_not_trimmed() {
    let mut s = Session::new(grouped_plan(&["甲"], json!({})));
    // 领导: n = 4 < trim_min 5 → plain mean (90 + 91 + 92 + 99) / 4 = 372 / 4 = 93
    //   (trimmed it would have been (91 + 92) / 2 = 91.5).
    // 代表: (88 + 89 + 90) / 3 = 89.
    // score = (70 × 93 + 30 × 89) / 100 = (6510 + 2670) / 100 = 91.80
    set(
        &mut s,
        totals(
            "甲",
            &[
                ("L1", "90"),
                ("L2", "91"),
                ("L3", "92"),
                ("L4", "99"),
                ("D1", "88"),
                ("D2", "89"),
                ("D3", "90"),
            ],
        ),
        t(0),
    );
    let rec = record(&s, t(1));
    assert_eq!(
        flags_of(&rec, "甲"),
        ["not_trimmed:领导", "not_trimmed:代表"]
    );
    assert!(trimmed_of(&rec, "甲").is_empty());
    assert_eq!(group_score(&rec, "甲", "领导"), Some(93.0));
    assert_eq!(final_of(&rec, "甲"), Some(91.8));
}

#[test]
fn trim_min_defaults_to_twice_trim_plus_one() {
    // trim 1 and no trim_min → trim_min = 2·1 + 1 = 3.
    let p = simple_plan(&[("甲", None), ("乙", None)], 3, json!({"trim": 1}));
    let mut s = Session::new(p);
    // 甲: n = 3 ≥ 3 → drop R2 (95, high) and R3 (70, low) → R1's 80 alone: 80.
    set(
        &mut s,
        totals("甲", &[("R1", "80"), ("R2", "95"), ("R3", "70")]),
        t(0),
    );
    // 乙: n = 2 < 3 → plain mean (95 + 70) / 2 = 82.5, not trimmed.
    set(&mut s, totals("乙", &[("R1", "95"), ("R2", "70")]), t(1));
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "甲"), Some(80.0));
    assert_eq!(trimmed_of(&rec, "甲"), ["R2", "R3"]);
    assert_eq!(final_of(&rec, "乙"), Some(82.5));
    assert_eq!(flags_of(&rec, "乙"), ["not_trimmed:"]);
}

// ---------------------------------------------------------------------------------------
// Groups, unscored units, recusal, partial sheets
// ---------------------------------------------------------------------------------------

#[test]
fn a_missing_group_is_flagged_and_the_weights_renormalise() {
    let mut s = Session::new(grouped_plan(&["甲", "乙"], json!({})));
    // 甲: only 代表 scored: 88, 89, 90 → 89.
    //   score = 30 × 89 / 30 = 89 (the 领导 group is not counted as 0: that would be
    //   (70 × 0 + 30 × 89) / 100 = 26.70).
    set(
        &mut s,
        totals("甲", &[("D1", "88"), ("D2", "89"), ("D3", "90")]),
        t(0),
    );
    // 乙: only 领导: L1..L5 = 84, 86, 88, 82, 85 → drop L3 88 and L4 82 → 255 / 3 = 85.
    //   score = 70 × 85 / 70 = 85.
    set(
        &mut s,
        totals(
            "乙",
            &[
                ("L1", "84"),
                ("L2", "86"),
                ("L3", "88"),
                ("L4", "82"),
                ("L5", "85"),
            ],
        ),
        t(1),
    );
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "甲"), Some(89.0));
    assert_eq!(
        flags_of(&rec, "甲"),
        ["group_missing:领导", "not_trimmed:代表"]
    );
    assert_eq!(group_score(&rec, "甲", "领导"), None);
    assert_eq!(group_score(&rec, "甲", "代表"), Some(89.0));
    assert_eq!(final_of(&rec, "乙"), Some(85.0));
    assert_eq!(
        flags_of(&rec, "乙"),
        ["trimmed:领导:L3,L4", "group_missing:代表"]
    );
    assert_eq!(group_score(&rec, "乙", "代表"), None);
}

#[test]
fn a_unit_without_scores_has_no_score_and_no_rank_and_comes_last() {
    let mut s = Session::new(grouped_plan(&["甲", "乙", "丙"], json!({})));
    // 甲 (first in the running order) gets nothing. 乙: D1 80 → 80. 丙: D1 90 → 90.
    set(&mut s, totals("乙", &[("D1", "80")]), t(0));
    set(&mut s, totals("丙", &[("D1", "90")]), t(1));
    let rec = record(&s, t(2));
    let r = result(&rec, "甲");
    assert_eq!(r["score"], Value::Null, "never 0");
    assert_eq!(r["final"], Value::Null);
    assert_eq!(r["rank"], Value::Null);
    assert_eq!(r["tied"], false);
    // 缺评 first; each group also says it has no scores.
    assert_eq!(
        flags_of(&rec, "甲"),
        ["no_scores", "group_missing:领导", "group_missing:代表"]
    );
    assert_eq!(unit(&rec, "甲")["scores"], json!({}));
    assert_eq!(
        ranking(&rec),
        [
            (Some(1), "丙".to_string(), Some(90.0), false),
            (Some(2), "乙".to_string(), Some(80.0), false),
            (None, "甲".to_string(), None, false),
        ]
    );
}

#[test]
fn a_recused_reviewer_is_refused_with_the_reason() {
    let mut s = Session::new(grouped_plan(&["甲", "丙"], json!({})));
    // L5 is recused from 丙; one bad entry refuses the whole batch (all or nothing).
    let batch = totals("丙", &[("L1", "90"), ("L5", "90")]);
    let r = refused(&s, Command::SetScores { entries: batch }, t(0));
    assert_eq!(
        r,
        Refusal::Score(ScoreProblem::Recused {
            reviewer: "L5".into(),
            unit: "丙".into()
        })
    );
    assert_eq!(strings::refusal(Lang::Zh, &r), "L5回避丙，不能为其打分");
    assert_eq!(
        strings::refusal(Lang::En, &r),
        "L5 is recused from 丙 and cannot score it"
    );
    assert!(s.events().is_empty());
    // L5 may score 甲; without L5, 丙's 领导 has 4 totals < trim_min 5 → plain mean.
    set(&mut s, totals("甲", &[("L5", "90")]), t(1));
    set(
        &mut s,
        totals(
            "丙",
            &[("L1", "92"), ("L2", "91"), ("L3", "93"), ("L4", "90")],
        ),
        t(2),
    );
    let rec = record(&s, t(3));
    // (92 + 91 + 93 + 90) / 4 = 366 / 4 = 91.5
    assert_eq!(group_score(&rec, "丙", "领导"), Some(91.5));
    assert!(unit(&rec, "丙")["scores"].get("L5").is_none());
}

#[test]
fn a_partial_sheet_is_incomplete_and_left_out() {
    let p = plan(json!({
        "title": "评分规则",
        "units": [{"name": "甲"}],
        "reviewers": [{"name": "A"}, {"name": "B"}],
        "scoring": {
            "criteria": [{"name": "明职责", "max": 30}, {"name": "对目标", "max": 30}, {"name": "争一流", "max": 40}],
            "step": 0.5
        }
    }));
    let mut s = Session::new(p);
    // A's total = 27.5 + 27.5 + 36 = 91. B has two of the three criteria.
    set(
        &mut s,
        vec![
            entry("甲", "A", "明职责", "27.5"),
            entry("甲", "A", "对目标", "27.5"),
            entry("甲", "A", "争一流", "36"),
            entry("甲", "B", "明职责", "20"),
            entry("甲", "B", "争一流", "20"),
        ],
        t(0),
    );
    let rec = record(&s, t(1));
    // Only A's 91 counts (B's 40 would pull the mean down to 65.5).
    assert_eq!(final_of(&rec, "甲"), Some(91.0));
    assert_eq!(flags_of(&rec, "甲"), ["incomplete:B"]);
    assert_eq!(
        unit(&rec, "甲")["scores"]["B"],
        json!({"明职责": 20.0, "争一流": 20.0})
    );
    // B completes the sheet: 20 + 25 + 20 = 65 → (91 + 65) / 2 = 78.
    set(&mut s, vec![entry("甲", "B", "对目标", "25")], t(2));
    let rec = record(&s, t(3));
    assert_eq!(final_of(&rec, "甲"), Some(78.0));
    assert!(flags_of(&rec, "甲").is_empty());
    // Clearing one of A's scores makes A incomplete: only B's 65 counts.
    run(
        &mut s,
        Command::ClearScore {
            unit: "甲".into(),
            reviewer: "A".into(),
            criterion: "争一流".into(),
        },
        t(4),
    );
    let rec = record(&s, t(5));
    assert_eq!(final_of(&rec, "甲"), Some(65.0));
    assert_eq!(flags_of(&rec, "甲"), ["incomplete:A"]);
}

#[test]
fn scores_are_checked_against_range_step_and_names() {
    let p = plan(json!({
        "title": "评分规则",
        "units": [{"name": "甲"}],
        "reviewers": [{"name": "A"}],
        "scoring": {"criteria": [{"name": "明职责", "max": 30}], "step": 0.5}
    }));
    let s = Session::new(p);
    let try_one = |unit: &str, reviewer: &str, criterion: &str, value: &str| {
        refused(
            &s,
            Command::SetScores {
                entries: vec![entry(unit, reviewer, criterion, value)],
            },
            t(0),
        )
    };
    // 30.5 > max 30 (values in ten-thousandths).
    assert_eq!(
        try_one("甲", "A", "明职责", "30.5"),
        Refusal::Score(ScoreProblem::OutOfRange {
            value: 305_000,
            max: 300_000
        })
    );
    // 27.3 is not a multiple of 0.5.
    assert_eq!(
        try_one("甲", "A", "明职责", "27.3"),
        Refusal::Score(ScoreProblem::OffStep {
            value: 273_000,
            step: 5_000
        })
    );
    assert_eq!(
        try_one("乙", "A", "明职责", "1"),
        Refusal::Score(ScoreProblem::UnknownUnit("乙".into()))
    );
    assert_eq!(
        try_one("甲", "Z", "明职责", "1"),
        Refusal::Score(ScoreProblem::UnknownReviewer("Z".into()))
    );
    assert_eq!(
        try_one("甲", "A", "争一流", "1"),
        Refusal::Score(ScoreProblem::UnknownCriterion("争一流".into()))
    );
    // The boundaries are allowed: 0 and the max.
    for v in ["0", "30", "29.5"] {
        assert!(
            s.decide(
                &Command::SetScores {
                    entries: vec![entry("甲", "A", "明职责", v)]
                },
                t(0)
            )
            .is_ok(),
            "{v} is a valid score"
        );
    }
}

#[test]
fn any_unit_can_be_scored_at_any_time() {
    let p = simple_plan(&[("甲", None), ("乙", None), ("丙", None)], 1, json!({}));
    let mut s = Session::new(p);
    // 乙 is skipped, 甲 presenting, then the meeting ends; all three still take scores.
    run(&mut s, Command::ToggleSkip { unit: "乙".into() }, t(0));
    run(&mut s, Command::ToggleTalk, t(1));
    set(&mut s, totals("甲", &[("R1", "80")]), t(2));
    set(&mut s, totals("乙", &[("R1", "85")]), t(3));
    run(&mut s, Command::EndMeeting, t(4));
    assert!(s.state().is_ended());
    set(&mut s, totals("丙", &[("R1", "90")]), t(5));
    run(&mut s, Command::Publish, t(6));
    let rec = record(&s, t(7));
    assert_eq!(unit(&rec, "乙")["status"], "skipped");
    assert_eq!(rank_of(&rec, "丙"), Some(1));
    assert_eq!(rank_of(&rec, "乙"), Some(2));
    assert_eq!(rank_of(&rec, "甲"), Some(3));
    assert_eq!(rec["results_published"], true);
}

#[test]
fn a_wide_spread_of_totals_is_flagged_when_the_plan_sets_spread_warn() {
    let p = simple_plan(&[("甲", None), ("乙", None)], 2, json!({"spread_warn": 10}));
    let mut s = Session::new(p);
    // 甲: 91 − 80 = 11 > 10 → flagged. 乙: 90 − 80 = 10, not more than 10 → not flagged.
    set(&mut s, totals("甲", &[("R1", "80"), ("R2", "91")]), t(0));
    set(&mut s, totals("乙", &[("R1", "80"), ("R2", "90")]), t(1));
    let rec = record(&s, t(2));
    assert_eq!(flags_of(&rec, "甲"), ["spread"]);
    assert!(flags_of(&rec, "乙").is_empty());
}

// ---------------------------------------------------------------------------------------
// Penalties
// ---------------------------------------------------------------------------------------

/// Units 1 minute long (60 s), one reviewer; overtime: grace 5 s, every 30 s, 2 points a
/// step, at most 5 points.
fn overtime_plan(names: &[&str]) -> Plan {
    let units: Vec<(&str, Option<f64>)> = names.iter().map(|n| (*n, Some(1.0))).collect();
    simple_plan(
        &units,
        1,
        json!({
            "overtime": {"grace_seconds": 5, "every_seconds": 30, "points": 2, "max_points": 5}
        }),
    )
}

#[test]
fn overtime_penalty_at_its_boundaries() {
    // (unit, overtime seconds, penalty)
    //   0 s               → 0
    //   5 s = grace       → 0
    //   6 s = grace + 1   → 2 × ⌈6/30⌉ = 2 × 1 = 2
    //  30 s = every       → 2 × ⌈30/30⌉ = 2 × 1 = 2
    //  31 s = every + 1   → 2 × ⌈31/30⌉ = 2 × 2 = 4 (steps count from the limit: counted
    //                       from the end of the grace it would be ⌈26/30⌉ = 1 → 2)
    //  60 s               → 2 × 2 = 4
    //  61 s               → 2 × 3 = 6, capped at max_points → 5
    // 200 s               → 2 × 7 = 14 → 5
    let cases: [(&str, i64, f64); 8] = [
        ("ot0", 0, 0.0),
        ("ot5", 5, 0.0),
        ("ot6", 6, 2.0),
        ("ot30", 30, 2.0),
        ("ot31", 31, 4.0),
        ("ot60", 60, 4.0),
        ("ot61", 61, 5.0),
        ("ot200", 200, 5.0),
    ];
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let mut s = Session::new(overtime_plan(&names));
    let mut clock = 0;
    for (name, over, _) in cases {
        talk(&mut s, name, clock, 60 + over);
        set(&mut s, totals(name, &[("R1", "90")]), t(clock + 60 + over));
        clock += 60 + over + 10;
    }
    let rec = record(&s, t(clock));
    for (name, over, penalty) in cases {
        let u = unit(&rec, name);
        assert_eq!(u["status"], "done", "{name}");
        assert_eq!(u["overtime_seconds"], over, "{name}");
        let r = &u["result"];
        assert_eq!(r["overtime_penalty"].as_f64(), Some(penalty), "{name}");
        assert_eq!(r["undertime_penalty"].as_f64(), Some(0.0), "{name}");
        assert_eq!(r["penalty"].as_f64(), Some(penalty), "{name}");
        assert_eq!(r["score"].as_f64(), Some(90.0), "{name}");
        // final = 90 − penalty
        assert_eq!(r["final"].as_f64(), Some(90.0 - penalty), "{name}");
    }
}

#[test]
fn overtime_counts_from_the_adjusted_limit() {
    let mut s = Session::new(overtime_plan(&["加时", "减时"]));
    // 加时: limit 60 + 30 = 90 s; talks 100 s → 10 s over → ⌈10/30⌉ = 1 step → 2 points
    //   (against the planned 60 s it would be 40 s over → 2 steps → 4).
    run(&mut s, Command::ToggleTalk, t(0));
    run(&mut s, Command::AdjustLimit { seconds: 30 }, t(1));
    run(&mut s, Command::Next, t(100));
    // 减时: limit 60 − 30 = 30 s; talks 61 s → 31 s over → 2 steps → 4 points.
    run(&mut s, Command::ToggleTalk, t(200));
    run(&mut s, Command::AdjustLimit { seconds: -30 }, t(201));
    run(&mut s, Command::Next, t(261));
    set(&mut s, totals("加时", &[("R1", "90")]), t(300));
    set(&mut s, totals("减时", &[("R1", "90")]), t(301));
    let rec = record(&s, t(400));
    assert_eq!(unit(&rec, "加时")["limit_seconds"], 90);
    assert_eq!(unit(&rec, "加时")["overtime_seconds"], 10);
    assert_eq!(final_of(&rec, "加时"), Some(88.0));
    assert_eq!(unit(&rec, "减时")["overtime_seconds"], 31);
    assert_eq!(final_of(&rec, "减时"), Some(86.0));
}

#[test]
fn a_running_talk_is_penalised_as_of_now() {
    let mut s = Session::new(overtime_plan(&["甲"]));
    set(&mut s, totals("甲", &[("R1", "90")]), t(0));
    run(&mut s, Command::ToggleTalk, t(10));
    // Limit 60 s from t=10: at t=75 it is 5 s over (= grace) → 0; at t=76, 6 s → 2;
    // at t=101, 31 s → 4; at t=400, 330 s → capped 5.
    for (now, over, final_score) in [(40, 0, 90.0), (75, 5, 90.0), (76, 6, 88.0), (101, 31, 86.0)] {
        let rec = record(&s, t(now));
        assert_eq!(unit(&rec, "甲")["status"], "presenting");
        assert_eq!(unit(&rec, "甲")["overtime_seconds"], over, "at {now}");
        assert_eq!(final_of(&rec, "甲"), Some(final_score), "at {now}");
    }
    // Paused at t=80 (10 s over): the penalty stays at one step however long the pause.
    run(&mut s, Command::ToggleTalk, t(80));
    assert_eq!(s.state().unit("甲").unwrap().status(), Status::Paused);
    let rec = record(&s, t(1000));
    assert_eq!(unit(&rec, "甲")["overtime_seconds"], 10);
    assert_eq!(final_of(&rec, "甲"), Some(88.0));
}

#[test]
fn undertime_penalises_a_finished_talk_shorter_than_min_minutes() {
    let units = [
        ("短", Some(8.0)),
        ("整", Some(8.0)),
        ("进行中", Some(8.0)),
        ("未讲", Some(8.0)),
    ];
    let p = simple_plan(
        &units,
        1,
        json!({"undertime": {"min_minutes": 1, "points": 1.5}}),
    );
    let mut s = Session::new(p);
    for (name, _) in units {
        set(&mut s, totals(name, &[("R1", "90")]), t(0));
    }
    // 短: finished after 59 s < 60 s → 1.5 points: 90 − 1.5 = 88.5.
    talk(&mut s, "短", 10, 59);
    // 整: finished after exactly 60 s, not shorter → 0.
    talk(&mut s, "整", 100, 60);
    // 进行中: running for 10 s as of now: not finished → 0. 未讲: never talked → 0.
    run(
        &mut s,
        Command::SetCurrent {
            unit: "进行中".into(),
        },
        t(200),
    );
    run(&mut s, Command::ToggleTalk, t(200));
    let rec = record(&s, t(210));
    assert_eq!(unit(&rec, "短")["talk_seconds"], 59);
    assert_eq!(result(&rec, "短")["undertime_penalty"].as_f64(), Some(1.5));
    assert_eq!(result(&rec, "短")["overtime_penalty"].as_f64(), Some(0.0));
    assert_eq!(final_of(&rec, "短"), Some(88.5));
    assert_eq!(final_of(&rec, "整"), Some(90.0));
    assert_eq!(unit(&rec, "进行中")["status"], "presenting");
    assert_eq!(final_of(&rec, "进行中"), Some(90.0));
    assert_eq!(final_of(&rec, "未讲"), Some(90.0));
    assert_eq!(rank_of(&rec, "短"), Some(4));
}

#[test]
fn the_final_is_never_below_zero() {
    let mut s = Session::new(overtime_plan(&["甲"]));
    // score 1, 200 s over → penalty 5 (the cap): 1 − 5 = −4 → 0.
    talk(&mut s, "甲", 0, 260);
    set(&mut s, totals("甲", &[("R1", "1")]), t(300));
    let rec = record(&s, t(301));
    assert_eq!(score_of(&rec, "甲"), Some(1.0));
    assert_eq!(result(&rec, "甲")["penalty"].as_f64(), Some(5.0));
    assert_eq!(final_of(&rec, "甲"), Some(0.0));
    assert_eq!(rank_of(&rec, "甲"), Some(1), "a final of 0 is still ranked");
}

#[test]
fn a_penalty_finer_than_the_published_decimals_is_refused_by_the_plan() {
    let p: Plan = serde_json::from_value(json!({
        "title": "评分规则",
        "units": [{"name": "A", "minutes": 1}, {"name": "B", "minutes": 1}],
        "reviewers": [{"name": "R1"}],
        "scoring": {
            "decimals": 0,
            "overtime": {"grace_seconds": 0, "every_seconds": 30, "points": 0.5, "max_points": 3}
        }
    }))
    .unwrap();
    // The plan refuses a penalty finer than the published decimals, naming the field…
    let errors: Vec<_> = p.validate().into_iter().filter(|f| !f.warning).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        podium::jsonpos::path_text(&errors[0].path),
        "scoring.overtime.points"
    );
    assert!(
        podium::strings::plan_problem(podium::strings::Lang::En, &errors[0].problem)
            .contains("more decimals than the 0"),
    );
}

// ---------------------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------------------

#[test]
fn publishing_rounds_half_up_from_the_exact_value() {
    let names = ["a", "b", "c", "d", "e"];
    let units: Vec<(&str, Option<f64>)> = names.iter().map(|n| (*n, None)).collect();
    let p = simple_plan(
        &units,
        3,
        json!({"step": 0.01, "decimals": 2, "overtime": {"grace_seconds": 0, "every_seconds": 60, "points": 2, "max_points": 2}}),
    );
    let mut s = Session::new(p);
    // a: (90.00 + 90.01) / 2 = 90.005 exactly → 90.01. (In binary floating point 90.005 is
    //    90.00499999999999545…, which a float rounding would take down to 90.00.)
    set(
        &mut s,
        totals("a", &[("R1", "90.00"), ("R2", "90.01")]),
        t(0),
    );
    // b: (0.12 + 0.13) / 2 = 0.125 → 0.13 (half up; half-to-even would give 0.12).
    set(&mut s, totals("b", &[("R1", "0.12"), ("R2", "0.13")]), t(1));
    // c: (1.00 + 1.01) / 2 = 1.005 → 1.01 (the float 1.005 is 1.00499999999999989…).
    set(&mut s, totals("c", &[("R1", "1.00"), ("R2", "1.01")]), t(2));
    // d: (90 + 90 + 90.01) / 3 = 270.01 / 3 = 90.00333… → 90.00 (below the half).
    set(
        &mut s,
        totals("d", &[("R1", "90"), ("R2", "90"), ("R3", "90.01")]),
        t(3),
    );
    // e: (80.01 + 80.02 + 80.02) / 3 = 240.05 / 3 = 80.01666… → 80.02, then a 2-point
    //    overtime penalty: final = round(score) − penalty = 80.02 − 2 = 78.02.
    set(
        &mut s,
        totals("e", &[("R1", "80.01"), ("R2", "80.02"), ("R3", "80.02")]),
        t(4),
    );
    talk(&mut s, "e", 10, 8 * 60 + 1);
    let rec = record(&s, t(1000));
    assert_eq!(final_of(&rec, "a"), Some(90.01));
    assert_eq!(final_of(&rec, "b"), Some(0.13));
    assert_eq!(final_of(&rec, "c"), Some(1.01));
    assert_eq!(final_of(&rec, "d"), Some(90.0));
    assert_eq!(score_of(&rec, "e"), Some(80.02));
    assert_eq!(final_of(&rec, "e"), Some(78.02));
}

#[test]
fn half_up_at_other_decimals() {
    let p = |decimals: i64| {
        simple_plan(
            &[("甲", None), ("乙", None)],
            2,
            json!({"step": 0.01, "decimals": decimals}),
        )
    };
    // decimals 0: (89 + 90) / 2 = 89.5 → 90; (89 + 89.99) / 2 = 89.495 → 89.
    let mut s = Session::new(p(0));
    set(&mut s, totals("甲", &[("R1", "89"), ("R2", "90")]), t(0));
    set(&mut s, totals("乙", &[("R1", "89"), ("R2", "89.99")]), t(1));
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "甲"), Some(90.0));
    assert_eq!(final_of(&rec, "乙"), Some(89.0));
    // decimals 1: (89.2 + 89.3) / 2 = 89.25 → 89.3; (89.2 + 89.29) / 2 = 89.245 → 89.2.
    let mut s = Session::new(p(1));
    set(
        &mut s,
        totals("甲", &[("R1", "89.2"), ("R2", "89.3")]),
        t(0),
    );
    set(
        &mut s,
        totals("乙", &[("R1", "89.2"), ("R2", "89.29")]),
        t(1),
    );
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "甲"), Some(89.3));
    assert_eq!(final_of(&rec, "乙"), Some(89.2));
}

#[test]
fn group_scores_enter_the_weighted_sum_unrounded() {
    let p = plan(json!({
        "title": "评分规则",
        "units": [{"name": "甲"}],
        "reviewers": [
            {"name": "L1", "group": "领导"}, {"name": "L2", "group": "领导"},
            {"name": "L3", "group": "领导"}, {"name": "D1", "group": "代表"}
        ],
        "scoring": {"groups": [{"name": "领导", "weight": 50}, {"name": "代表", "weight": 50}]}
    }));
    let mut s = Session::new(p);
    set(
        &mut s,
        totals(
            "甲",
            &[("L1", "89"), ("L2", "90"), ("L3", "90"), ("D1", "90")],
        ),
        t(0),
    );
    let rec = record(&s, t(1));
    // 领导 = 269 / 3 = 89.6666… (shown 89.67); 代表 = 90.
    // score = (50 × 269/3 + 50 × 90) / 100 = (269 + 270) / 6 = 539 / 6 = 89.8333… → 89.83.
    // (Rounding the group first would give (89.67 + 90) / 2 = 89.835 → 89.84.)
    assert_eq!(group_score(&rec, "甲", "领导"), Some(89.67));
    assert_eq!(group_score(&rec, "甲", "代表"), Some(90.0));
    assert_eq!(final_of(&rec, "甲"), Some(89.83));
}

// ---------------------------------------------------------------------------------------
// Grades
// ---------------------------------------------------------------------------------------

fn grades_plan(extra: Value) -> Plan {
    let mut scoring = json!({"mode": "grades"});
    for (k, v) in extra.as_object().unwrap() {
        scoring[k] = v.clone();
    }
    plan(json!({
        "title": "等次评议",
        "units": [{"name": "甲", "minutes": 1}, {"name": "乙", "minutes": 1}, {"name": "丙", "minutes": 1}],
        "reviewers": [{"name": "A", "recused": ["甲"]}],
        "scoring": scoring
    }))
}

fn grades(unit: &str, grade: &str, count: i64) -> GradeEntry {
    GradeEntry {
        unit: unit.into(),
        grade: grade.into(),
        count,
        group: None,
    }
}

#[test]
fn grade_tallies_add_up() {
    // Default grades: 优秀 100, 良好 80, 一般 60, 较差 40.
    let mut s = Session::new(grades_plan(json!({})));
    // 甲: a tally of 5 优秀 and 3 良好, then single ballots 优秀 and 一般 (recusal does not
    //   apply in grades mode).
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![grades("甲", "优秀", 5), grades("甲", "良好", 3)],
        },
        t(0),
    );
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![grades("甲", "优秀", 1)],
        },
        t(1),
    );
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![grades("甲", "一般", 1)],
        },
        t(2),
    );
    // 乙: 2 优秀, 1 良好.
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![grades("乙", "优秀", 2), grades("乙", "良好", 1)],
        },
        t(3),
    );
    let rec = record(&s, t(4));
    // 甲: counts 优秀 5+1 = 6, 良好 3, 一般 1, 较差 0; Σ = 10 ballots.
    //   score = (6×100 + 3×80 + 1×60 + 0×40) / 10 = 900 / 10 = 90; 优秀率 6/10 = 0.6.
    assert_eq!(
        unit(&rec, "甲")["scores"],
        json!({"优秀": 6, "良好": 3, "一般": 1, "较差": 0})
    );
    assert_eq!(final_of(&rec, "甲"), Some(90.0));
    assert_eq!(result(&rec, "甲")["excellent_share"].as_f64(), Some(0.6));
    // 乙: (2×100 + 1×80) / 3 = 280 / 3 = 93.333… → 93.33; 优秀率 2/3 = 0.6667.
    assert_eq!(final_of(&rec, "乙"), Some(93.33));
    assert_eq!(result(&rec, "乙")["excellent_share"].as_f64(), Some(0.6667));
    // 丙: no ballots → no score, no rank.
    assert_eq!(final_of(&rec, "丙"), None);
    assert_eq!(rank_of(&rec, "丙"), None);
    assert_eq!(rank_of(&rec, "乙"), Some(1));
    assert_eq!(rank_of(&rec, "甲"), Some(2));
    // Groups and trimming do not apply: no such flags.
    assert!(flags_of(&rec, "甲").is_empty());
}

#[test]
fn grades_take_custom_points_and_penalties_apply() {
    let p = grades_plan(json!({
        "grades": [{"name": "好", "points": 95}, {"name": "较好", "points": 85.5}, {"name": "差", "points": 60}],
        "overtime": {"grace_seconds": 0, "every_seconds": 30, "points": 1, "max_points": 3}
    }));
    let mut s = Session::new(p);
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![grades("甲", "好", 1), grades("甲", "较好", 3)],
        },
        t(0),
    );
    // 甲 talks 60 + 31 s: ⌈31/30⌉ = 2 steps → 2 points.
    talk(&mut s, "甲", 10, 91);
    let rec = record(&s, t(200));
    // (1×95 + 3×85.5) / 4 = (95 + 256.5) / 4 = 351.5 / 4 = 87.875 → 87.88; − 2 = 85.88.
    assert_eq!(score_of(&rec, "甲"), Some(87.88));
    assert_eq!(final_of(&rec, "甲"), Some(85.88));
    // 1 of 4 ballots is the first grade: 0.25.
    assert_eq!(result(&rec, "甲")["excellent_share"].as_f64(), Some(0.25));
}

#[test]
fn bad_grade_entries_are_refused() {
    let s = Session::new(grades_plan(json!({})));
    let add = |entries| refused(&s, Command::AddGrades { entries }, t(0));
    // A count of 0 is a grade nobody gave (a typed-up tally lists every grade): taken, and
    // alone it changes nothing. Over 100,000 ballots on one row is refused.
    assert_eq!(add(vec![grades("甲", "优秀", 0)]), Refusal::NothingChanged);
    assert_eq!(
        add(vec![grades("甲", "优秀", 100_001)]),
        Refusal::Score(ScoreProblem::BadCount("100001".into()))
    );
    assert_eq!(
        add(vec![grades("甲", "优秀", -1)]),
        Refusal::Score(ScoreProblem::BadCount("-1".into()))
    );
    assert_eq!(
        add(vec![grades("甲", "优秀", 1), grades("甲", "极好", 1)]),
        Refusal::Score(ScoreProblem::UnknownGrade("极好".into()))
    );
    assert_eq!(
        add(vec![grades("丁", "优秀", 1)]),
        Refusal::UnknownUnit { unit: "丁".into() }
    );
    // Points are not taken in grades mode, nor grades in points mode.
    assert_eq!(
        refused(
            &s,
            Command::SetScores {
                entries: totals("甲", &[("A", "90")])
            },
            t(0)
        ),
        Refusal::Score(ScoreProblem::WrongMode)
    );
    let points = Session::new(simple_plan(&[("甲", None)], 1, json!({})));
    assert_eq!(
        refused(
            &points,
            Command::AddGrades {
                entries: vec![grades("甲", "优秀", 1)]
            },
            t(0)
        ),
        Refusal::Score(ScoreProblem::WrongMode)
    );
}

// ---------------------------------------------------------------------------------------
// Ranking: tie-breaks and shared ranks
// ---------------------------------------------------------------------------------------

#[test]
fn ties_are_shared_with_standard_competition_ranking() {
    let names = ["A", "B", "C", "D", "E"];
    let units: Vec<(&str, Option<f64>)> = names.iter().map(|n| (*n, None)).collect();
    let mut s = Session::new(simple_plan(&units, 1, json!({})));
    // Finals 90, 85, 85, 80 and E unscored → ranks 1, 2, 2, 4 and null.
    for (u, v) in [("A", "90"), ("B", "85"), ("C", "85"), ("D", "80")] {
        set(&mut s, totals(u, &[("R1", v)]), t(0));
    }
    let rec = record(&s, t(1));
    assert_eq!(
        ranking(&rec),
        [
            (Some(1), "A".to_string(), Some(90.0), false),
            (Some(2), "B".to_string(), Some(85.0), true),
            (Some(2), "C".to_string(), Some(85.0), true),
            (Some(4), "D".to_string(), Some(80.0), false),
            (None, "E".to_string(), None, false),
        ]
    );
    assert_eq!(flags_of(&rec, "B"), ["tied"]);
    assert_eq!(flags_of(&rec, "C"), ["tied"]);
    assert!(tied_of(&rec, "C"));
    assert!(!tied_of(&rec, "A"));
    assert_eq!(rank_of(&rec, "D"), Some(4));
}

#[test]
fn tie_break_by_a_group_with_a_missing_group_last() {
    let p = |tie_break: Value| {
        plan(json!({
            "title": "并列",
            "units": [{"name": "X"}, {"name": "Y"}, {"name": "Z"}],
            "reviewers": [{"name": "L1", "group": "领导"}, {"name": "D1", "group": "代表"}],
            "scoring": {
                "groups": [{"name": "领导", "weight": 50}, {"name": "代表", "weight": 50}],
                "tie_break": tie_break
            }
        }))
    };
    let fill = |s: &mut Session| {
        // X: (50×90 + 50×80)/100 = 85. Y: (50×80 + 50×90)/100 = 85. Z: only 代表 85 → 85.
        set(s, totals("X", &[("L1", "90"), ("D1", "80")]), t(0));
        set(s, totals("Y", &[("L1", "80"), ("D1", "90")]), t(1));
        set(s, totals("Z", &[("D1", "85")]), t(2));
    };
    let mut s = Session::new(p(json!(["group:领导"])));
    fill(&mut s);
    let rec = record(&s, t(3));
    // 领导: X 90 > Y 80 > Z none (last on this key).
    assert_eq!(rank_of(&rec, "X"), Some(1));
    assert_eq!(rank_of(&rec, "Y"), Some(2));
    assert_eq!(rank_of(&rec, "Z"), Some(3));
    assert!(!tied_of(&rec, "X") && !tied_of(&rec, "Y") && !tied_of(&rec, "Z"));
    // By 代表 instead: Y 90 > Z 85 > X 80.
    let mut s = Session::new(p(json!(["group:代表"])));
    fill(&mut s);
    let rec = record(&s, t(3));
    assert_eq!(
        [rank_of(&rec, "Y"), rank_of(&rec, "Z"), rank_of(&rec, "X")],
        [Some(1), Some(2), Some(3)]
    );
    // Without a tie-break the three share rank 1.
    let mut s = Session::new(p(json!([])));
    fill(&mut s);
    let rec = record(&s, t(3));
    for u in ["X", "Y", "Z"] {
        assert_eq!(rank_of(&rec, u), Some(1), "{u}");
        assert!(tied_of(&rec, u), "{u}");
    }
}

#[test]
fn tie_break_by_untrimmed_mean() {
    let p = simple_plan(
        &[("X", None), ("Y", None)],
        3,
        json!({"trim": 1, "tie_break": ["untrimmed_mean"]}),
    );
    let mut s = Session::new(p);
    // X: 80, 85, 90 → trimmed 85; untrimmed 255/3 = 85.
    // Y: 84, 85, 100 → trimmed 85; untrimmed 269/3 = 89.67 → Y ahead.
    set(
        &mut s,
        totals("X", &[("R1", "80"), ("R2", "85"), ("R3", "90")]),
        t(0),
    );
    set(
        &mut s,
        totals("Y", &[("R1", "84"), ("R2", "85"), ("R3", "100")]),
        t(1),
    );
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "X"), Some(85.0));
    assert_eq!(final_of(&rec, "Y"), Some(85.0));
    assert_eq!(rank_of(&rec, "Y"), Some(1));
    assert_eq!(rank_of(&rec, "X"), Some(2));
    assert!(!tied_of(&rec, "X"));
}

#[test]
fn tie_break_by_less_overtime() {
    // No overtime rule, so no penalty; only the seconds over compare.
    let p = simple_plan(
        &[("X", Some(1.0)), ("Y", Some(1.0)), ("Z", Some(1.0))],
        1,
        json!({"tie_break": ["less_overtime"]}),
    );
    let mut s = Session::new(p);
    // X 10 s over, Y 3 s over, Z never talked (0 s); all score 85.
    talk(&mut s, "X", 0, 70);
    talk(&mut s, "Y", 100, 63);
    for u in ["X", "Y", "Z"] {
        set(&mut s, totals(u, &[("R1", "85")]), t(200));
    }
    let rec = record(&s, t(300));
    assert_eq!(final_of(&rec, "X"), Some(85.0));
    assert_eq!(rank_of(&rec, "Z"), Some(1));
    assert_eq!(rank_of(&rec, "Y"), Some(2));
    assert_eq!(rank_of(&rec, "X"), Some(3));
}

#[test]
fn tie_break_by_a_criterion() {
    let p = plan(json!({
        "title": "并列",
        "units": [{"name": "X"}, {"name": "Y"}],
        "reviewers": [{"name": "A"}, {"name": "B"}],
        "scoring": {
            "criteria": [{"name": "甲", "max": 50}, {"name": "乙", "max": 50}],
            "tie_break": ["criterion:乙"]
        }
    }));
    let mut s = Session::new(p);
    // X: A 45+40, B 44+41 → totals 85, 85 → 85; mean of 乙 = (40 + 41)/2 = 40.5.
    // Y: A 40+45, B 41+44 → 85; mean of 乙 = (45 + 44)/2 = 44.5 → Y ahead.
    set(
        &mut s,
        vec![
            entry("X", "A", "甲", "45"),
            entry("X", "A", "乙", "40"),
            entry("X", "B", "甲", "44"),
            entry("X", "B", "乙", "41"),
            entry("Y", "A", "甲", "40"),
            entry("Y", "A", "乙", "45"),
            entry("Y", "B", "甲", "41"),
            entry("Y", "B", "乙", "44"),
        ],
        t(0),
    );
    let rec = record(&s, t(1));
    assert_eq!(final_of(&rec, "X"), Some(85.0));
    assert_eq!(final_of(&rec, "Y"), Some(85.0));
    assert_eq!(rank_of(&rec, "Y"), Some(1));
    assert_eq!(rank_of(&rec, "X"), Some(2));
}

#[test]
fn tie_break_by_excellent_share() {
    let mut s = Session::new(grades_plan(json!({"tie_break": ["excellent_share"]})));
    // 甲: 优秀 1 + 一般 1 → (100 + 60)/2 = 80, share 0.5. 乙: 良好 2 → 80, share 0.
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![
                grades("甲", "优秀", 1),
                grades("甲", "一般", 1),
                grades("乙", "良好", 2),
            ],
        },
        t(0),
    );
    let rec = record(&s, t(1));
    assert_eq!(final_of(&rec, "甲"), Some(80.0));
    assert_eq!(final_of(&rec, "乙"), Some(80.0));
    assert_eq!(rank_of(&rec, "甲"), Some(1));
    assert_eq!(rank_of(&rec, "乙"), Some(2));
}

#[test]
fn tie_break_keys_apply_in_turn() {
    // The acceptance plan's keys: less_overtime first, then group:领导.
    let p = grouped_plan(
        &["X", "Y", "Z"],
        json!({"tie_break": ["less_overtime", "group:领导"]}),
    );
    let mut s = Session::new(p);
    // Each unit has one 领导 and one 代表 total, and all three finals are 87:
    // X: L1 90, D1 80 → (70×90 + 30×80)/100 = (6300 + 2400)/100 = 87.
    // Y: L1 87, D1 87 → 87.
    // Z: L1 84, D1 94 → (5880 + 2820)/100 = 87.
    set(&mut s, totals("X", &[("L1", "90"), ("D1", "80")]), t(0));
    set(&mut s, totals("Y", &[("L1", "87"), ("D1", "87")]), t(0));
    set(&mut s, totals("Z", &[("L1", "84"), ("D1", "94")]), t(0));
    // Nobody talked: less_overtime is equal (0 s) for all → group:领导 decides:
    // X 90 > Y 87 > Z 84.
    let rec = record(&s, t(1));
    for u in ["X", "Y", "Z"] {
        assert_eq!(final_of(&rec, u), Some(87.0), "{u}");
    }
    assert_eq!(
        [rank_of(&rec, "X"), rank_of(&rec, "Y"), rank_of(&rec, "Z")],
        [Some(1), Some(2), Some(3)]
    );
    // X now talks 4 s over its 8-minute limit (no penalty: the plan has no overtime rule):
    // it loses on the first key to Y and Z, whatever its 领导 score.
    talk(&mut s, "X", 10, 8 * 60 + 4);
    let rec = record(&s, t(1000));
    assert_eq!(final_of(&rec, "X"), Some(87.0));
    assert_eq!(
        [rank_of(&rec, "Y"), rank_of(&rec, "Z"), rank_of(&rec, "X")],
        [Some(1), Some(2), Some(3)]
    );
}

#[test]
fn tie_break_keys_compare_at_published_precision() {
    let p = simple_plan(
        &[("X", None), ("Y", None)],
        3,
        json!({"step": 0.01, "tie_break": ["untrimmed_mean"]}),
    );
    let mut s = Session::new(p);
    // X: (89 + 90 + 90)/3 = 89.6666… → 89.67. Y: 89.67 × 3 → 89.67 exactly.
    // Equal at 2 decimals on the final and on the untrimmed mean → shared rank 1, tied.
    set(
        &mut s,
        totals("X", &[("R1", "89"), ("R2", "90"), ("R3", "90")]),
        t(0),
    );
    set(
        &mut s,
        totals("Y", &[("R1", "89.67"), ("R2", "89.67"), ("R3", "89.67")]),
        t(1),
    );
    let rec = record(&s, t(2));
    assert_eq!(final_of(&rec, "X"), Some(89.67));
    assert_eq!(final_of(&rec, "Y"), Some(89.67));
    assert_eq!(rank_of(&rec, "X"), Some(1));
    assert_eq!(rank_of(&rec, "Y"), Some(1));
    assert!(tied_of(&rec, "X") && tied_of(&rec, "Y"));
}

// ---------------------------------------------------------------------------------------
// Publishing, unlocking, undo
// ---------------------------------------------------------------------------------------

#[test]
fn publishing_locks_scores_and_unlocking_needs_a_reason() {
    let mut s = Session::new(simple_plan(&[("甲", None), ("乙", None)], 1, json!({})));
    set(&mut s, totals("甲", &[("R1", "90")]), t(0));
    set(&mut s, totals("乙", &[("R1", "80")]), t(1));
    let before = record(&s, t(2));
    assert_eq!(before["results_published"], false);
    assert_eq!(
        refused(
            &s,
            Command::Unlock {
                reason: "更正".into()
            },
            t(2)
        ),
        Refusal::NotPublished
    );
    run(&mut s, Command::Publish, t(2));
    let after = record(&s, t(3));
    assert_eq!(after["results_published"], true);
    // Publishing only locks: the results are the same.
    assert_eq!(after["ranking"], before["ranking"]);
    // Locked: no new score, no change, no clearing, no second publication.
    let r = refused(
        &s,
        Command::SetScores {
            entries: totals("甲", &[("R1", "95")]),
        },
        t(3),
    );
    assert_eq!(r, Refusal::ResultsPublished);
    assert_eq!(
        strings::refusal(Lang::Zh, &r),
        "结果已公布，评分已锁定；如需修改请在结果页按 Ctrl+U 解锁"
    );
    assert_eq!(
        refused(
            &s,
            Command::ClearScore {
                unit: "甲".into(),
                reviewer: "R1".into(),
                criterion: "总分".into()
            },
            t(3)
        ),
        Refusal::ResultsPublished
    );
    assert_eq!(
        refused(&s, Command::Publish, t(3)),
        Refusal::ResultsPublished
    );
    // Unlocking needs a reason.
    for empty in ["", "   ", "\n\t"] {
        assert_eq!(
            refused(
                &s,
                Command::Unlock {
                    reason: empty.into()
                },
                t(4)
            ),
            Refusal::EmptyReason,
            "{empty:?}"
        );
    }
    let events = run(
        &mut s,
        Command::Unlock {
            reason: "  评委更正笔误 ".into(),
        },
        t(4),
    );
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        [EventKind::ResultsUnlocked {
            reason: "评委更正笔误".into()
        }]
    );
    assert_eq!(record(&s, t(5))["results_published"], false);
    set(&mut s, totals("甲", &[("R1", "70")]), t(5));
    let rec = record(&s, t(6));
    assert_eq!(rank_of(&rec, "乙"), Some(1));
    assert_eq!(rank_of(&rec, "甲"), Some(2));
}

#[test]
fn publication_and_unlock_are_recorded_in_the_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("会议.session.json");
    let p = simple_plan(&[("甲", None)], 1, json!({}));
    let mut w = Writer::create(&path, p, t(0)).unwrap();
    w.execute(
        &Command::SetScores {
            entries: totals("甲", &[("R1", "88.5")]),
        },
        t(1),
    )
    .unwrap();
    w.execute(&Command::Publish, t(2)).unwrap();
    w.execute(
        &Command::Unlock {
            reason: "补录一份评分表".into(),
        },
        t(3),
    )
    .unwrap();
    w.close(t(4)).unwrap();
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let kinds: Vec<Value> = file["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let o = e.as_object_mut().unwrap();
            o.remove("seq");
            o.remove("at");
            e
        })
        .collect();
    assert_eq!(
        kinds,
        [
            json!({"type": "score_set", "unit": "甲", "reviewer": "R1", "criterion": "总分", "value": "88.5"}),
            json!({"type": "results_published"}),
            json!({"type": "results_unlocked", "reason": "补录一份评分表"}),
        ]
    );
    assert_eq!(file["record"]["results_published"], false);
    assert_eq!(file["record"]["units"][0]["scores"]["R1"]["总分"], 88.5);
    assert_eq!(file["record"]["units"][0]["result"]["final"], 88.5);
    // Read back: the same session.
    let s = store::read(&path).unwrap();
    assert!(!s.state().scores.published);
}

#[test]
fn undo_does_not_cross_a_publication() {
    let mut s = Session::new(simple_plan(&[("甲", None)], 1, json!({})));
    // Before publishing, a score can be undone.
    set(&mut s, totals("甲", &[("R1", "90")]), t(0));
    run(&mut s, Command::Undo, t(1));
    assert_eq!(final_of(&record(&s, t(2)), "甲"), None);
    // A score, then publication: undo stops at the publication.
    set(&mut s, totals("甲", &[("R1", "91")]), t(2));
    run(&mut s, Command::Publish, t(3));
    assert_eq!(refused(&s, Command::Undo, t(4)), Refusal::NothingToUndo);
    // The unlock is a boundary too.
    run(
        &mut s,
        Command::Unlock {
            reason: "更正".into(),
        },
        t(4),
    );
    assert_eq!(refused(&s, Command::Undo, t(5)), Refusal::NothingToUndo);
    // A score after the unlock can be undone, and then nothing more.
    set(&mut s, totals("甲", &[("R1", "95")]), t(5));
    assert_eq!(final_of(&record(&s, t(6)), "甲"), Some(95.0));
    run(&mut s, Command::Undo, t(6));
    assert_eq!(final_of(&record(&s, t(7)), "甲"), Some(91.0));
    assert_eq!(refused(&s, Command::Undo, t(7)), Refusal::NothingToUndo);
    // And the replay agrees.
    let replayed = Session::from_events(s.plan().clone(), s.events().to_vec());
    assert_eq!(record(&replayed, t(8)), record(&s, t(8)));
}

#[test]
fn one_score_batch_is_one_undo_and_unchanged_cells_record_nothing() {
    let mut s = Session::new(simple_plan(&[("甲", None), ("乙", None)], 2, json!({})));
    set(&mut s, totals("甲", &[("R1", "90"), ("R2", "80")]), t(0));
    // Same values again: nothing changed.
    assert_eq!(
        refused(
            &s,
            Command::SetScores {
                entries: totals("甲", &[("R1", "90"), ("R2", "80")])
            },
            t(1)
        ),
        Refusal::NothingChanged
    );
    // One changed, one unchanged, one new: two events, one action.
    let mut batch = totals("甲", &[("R1", "90"), ("R2", "82")]);
    batch.extend(totals("乙", &[("R1", "70")]));
    let events = run(&mut s, Command::SetScores { entries: batch }, t(1));
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].part_of, Some(events[0].seq));
    // (90 + 82)/2 = 86
    assert_eq!(final_of(&record(&s, t(2)), "甲"), Some(86.0));
    run(&mut s, Command::Undo, t(2));
    let rec = record(&s, t(3));
    // (90 + 80)/2 = 85, and 乙 unscored again.
    assert_eq!(final_of(&rec, "甲"), Some(85.0));
    assert_eq!(final_of(&rec, "乙"), None);
}
