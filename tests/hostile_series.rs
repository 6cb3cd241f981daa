//! [E1]'s core attacked from inside (white-box): bands by quota at n = 0…3, percents adding
//! to 100, a level of 0.5 %, ties across two and three boundaries, unscored units, units
//! without a category beside others, categories spelled two ways (a trailing space, full-width
//! forms, NFC/NFD); bands by score at the boundary and at every published precision; rank
//! changes from a copy holding duplicates, renamed units, rank 0 or a huge rank, a category
//! changed; `previous_results_copied` without a link, first, twice, and undo around it;
//! note-takers sending the host's series commands; `Record::make_public` searched for every
//! reviewer's name and individual score; `commands::previous::recopy` against a vanished or
//! replaced file; the plan's `bands` validated; `scoring::results` timed at 500 units.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::commands::previous;
use podium::decimal::parse_typed;
use podium::plan::Plan;
use podium::scoring::{self, UnitResult};
use podium::session::record::Record;
use podium::session::{
    Author, Command, Event, EventKind, PreviousMeeting, PreviousResult, PreviousResults, Refusal,
    ScoreEntry, Session, Time,
};
use podium::store::Writer;
use podium::strings::Lang;
use serde_json::{Value, json};
use std::path::Path;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// 2026-06-30 09:00:00 +08:00 plus `seconds`.
fn t(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 6, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

/// A plan from JSON, which must pass validation (warnings are fine).
fn plan(value: Value) -> Plan {
    let plan: Plan = serde_json::from_value(value).expect("the test plan parses");
    let errors: Vec<_> = plan.validate().into_iter().filter(|f| !f.warning).collect();
    assert!(errors.is_empty(), "the test plan is invalid: {errors:?}");
    plan
}

fn run(session: &mut Session, command: Command, now: Time) {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events);
}

fn refused(session: &Session, command: &Command, author: Option<&Author>) -> Refusal {
    match session.decide_as(command, author, t(0)) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    }
}

/// A plan of `units` (name, category) with `reviewers` reviewers R1…Rn in one pool, one
/// criterion 总分 (step 0.001), the published `decimals` and `extra` scoring fields.
fn series_plan(
    units: &[(&str, Option<&str>)],
    reviewers: usize,
    decimals: u32,
    extra: Value,
) -> Plan {
    let mut scoring = json!({"step": 0.001, "decimals": decimals});
    for (k, v) in extra.as_object().unwrap() {
        scoring[k] = v.clone();
    }
    plan(json!({
        "title": "二季度比晒拼创",
        "date": "2026-06-30",
        "units": units
            .iter()
            .map(|(u, c)| match c {
                Some(c) => json!({"name": u, "category": c}),
                None => json!({"name": u}),
            })
            .collect::<Vec<_>>(),
        "reviewers": (1..=reviewers).map(|i| json!({"name": format!("R{i}")})).collect::<Vec<_>>(),
        "scoring": scoring
    }))
}

/// Scores: each (unit, total) from R1 alone (its final is the total: no penalties).
fn score(session: &mut Session, totals: &[(&str, &str)]) {
    let entries = totals
        .iter()
        .map(|(unit, value)| ScoreEntry {
            unit: (*unit).into(),
            reviewer: "R1".into(),
            criterion: "总分".into(),
            value: parse_typed(value).unwrap(),
        })
        .collect();
    run(session, Command::SetScores { entries }, t(0));
}

fn results(s: &Session) -> Vec<UnitResult> {
    scoring::results(s.rules(), s.plan(), s.state(), t(0))
}

fn of<'a>(results: &'a [UnitResult], unit: &str) -> &'a UnitResult {
    results
        .iter()
        .find(|r| r.unit == unit)
        .unwrap_or_else(|| panic!("no result for {unit}"))
}

/// Each unit's band, in agenda order.
fn bands(results: &[UnitResult]) -> Vec<(String, Option<String>)> {
    results
        .iter()
        .map(|r| (r.unit.clone(), r.band.clone()))
        .collect()
}

fn quota(levels: Value) -> Value {
    json!({"bands": {"by": "quota", "levels": levels}})
}

/// 好 30 %, 较好 50 %, 一般 the rest.
fn quota_30_50() -> Value {
    quota(json!([
        {"name": "好", "percent": 30},
        {"name": "较好", "percent": 50},
        {"name": "一般"}
    ]))
}

/// `n` units U1…Un without categories, scored 100, 99, … (all different).
fn n_units(n: usize, extra: Value) -> Session {
    let names: Vec<String> = (1..=n).map(|i| format!("U{i}")).collect();
    let units: Vec<(&str, Option<&str>)> = names.iter().map(|n| (n.as_str(), None)).collect();
    let mut s = Session::new(series_plan(&units, 1, 2, extra));
    let values: Vec<String> = (0..n).map(|i| format!("{}", 100 - i)).collect();
    let totals: Vec<(&str, &str)> = names
        .iter()
        .zip(&values)
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    if n > 0 {
        score(&mut s, &totals);
    }
    s
}

fn band_list(s: &Session) -> Vec<Option<String>> {
    results(s).into_iter().map(|r| r.band).collect()
}

fn some(names: &[&str]) -> Vec<Option<String>> {
    names
        .iter()
        .map(|n| (!n.is_empty()).then(|| n.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Bands by quota
// ---------------------------------------------------------------------------------------

#[test]
fn quota_bands_with_no_unit_scored_give_no_band() {
    // Three units, none scored: n = 0, nothing to share out, nothing panics.
    let s = Session::new(series_plan(
        &[("甲", None), ("乙", None), ("丙", None)],
        1,
        2,
        quota_30_50(),
    ));
    assert_eq!(band_list(&s), some(&["", "", ""]));
}

#[test]
fn quota_bands_for_one_two_and_three_units_round_each_count_half_up() {
    // n = 1: 好 = round(0.3) = 0, 较好 = round(0.5) = 1 → the only unit is 较好.
    assert_eq!(band_list(&n_units(1, quota_30_50())), some(&["较好"]));
    // n = 2: 好 = round(0.6) = 1, 较好 = round(1.0) = 1.
    assert_eq!(band_list(&n_units(2, quota_30_50())), some(&["好", "较好"]));
    // n = 3: 好 = round(0.9) = 1, 较好 = round(1.5) = 2: 一般 is empty.
    assert_eq!(
        band_list(&n_units(3, quota_30_50())),
        some(&["好", "较好", "较好"])
    );
}

#[test]
fn quota_percents_adding_to_exactly_100_leave_the_last_level_empty() {
    let levels = quota(json!([
        {"name": "好", "percent": 30},
        {"name": "较好", "percent": 70},
        {"name": "一般"}
    ]));
    // n = 10: 3 好, 7 较好, 0 一般.
    let got = band_list(&n_units(10, levels));
    assert_eq!(got.iter().filter(|b| b.as_deref() == Some("好")).count(), 3);
    assert_eq!(
        got.iter().filter(|b| b.as_deref() == Some("较好")).count(),
        7
    );
    assert!(got.iter().all(|b| b.as_deref() != Some("一般")), "{got:?}");
}

#[test]
fn a_level_of_half_a_percent_is_empty_below_100_units_and_one_unit_at_100() {
    let levels = || {
        quota(json!([
            {"name": "优秀", "percent": 0.5},
            {"name": "合格"}
        ]))
    };
    // n = 10: round(0.05) = 0.
    let ten = band_list(&n_units(10, levels()));
    assert!(ten.iter().all(|b| b.as_deref() == Some("合格")), "{ten:?}");
    // n = 100: round(0.5) = 1 (half up).
    let hundred = band_list(&n_units(100, levels()));
    assert_eq!(hundred[0].as_deref(), Some("优秀"));
    assert_eq!(
        hundred
            .iter()
            .filter(|b| b.as_deref() == Some("优秀"))
            .count(),
        1
    );
}

#[test]
fn a_tie_spanning_two_and_three_boundaries_shares_the_best_band() {
    // Ten units: U1 100, U2…U9 all 90 (one tie of eight, ranks 2), U10 50.
    // 好 30 % → 3 (ends after place 3), 较好 50 % → 5 (ends after place 8): the tie at places
    // 2…9 crosses both boundaries and is 好 throughout; U10 (place 10) is 一般.
    let names: Vec<String> = (1..=10).map(|i| format!("U{i}")).collect();
    let units: Vec<(&str, Option<&str>)> = names.iter().map(|n| (n.as_str(), None)).collect();
    let mut s = Session::new(series_plan(&units, 1, 2, quota_30_50()));
    let mut totals: Vec<(&str, &str)> = vec![("U1", "100")];
    for n in &names[1..9] {
        totals.push((n.as_str(), "90"));
    }
    totals.push(("U10", "50"));
    score(&mut s, &totals);
    let mut want = vec!["好"; 9];
    want.push("一般");
    assert_eq!(band_list(&s), some(&want));

    // Three boundaries: 10 % / 20 % / 30 % / rest, a tie of U2…U9 at places 2…9 crosses
    // 1, 3 and 6 → all of it shares the best band it touches (B, place 2 < 3).
    let four = quota(json!([
        {"name": "A", "percent": 10},
        {"name": "B", "percent": 20},
        {"name": "C", "percent": 30},
        {"name": "D"}
    ]));
    let mut s = Session::new(series_plan(&units, 1, 2, four));
    score(&mut s, &totals);
    let mut want = vec!["A"];
    want.extend(vec!["B"; 8]);
    want.push("D");
    assert_eq!(band_list(&s), some(&want));
}

#[test]
fn unscored_units_get_no_band_and_do_not_count_in_the_quota() {
    // Four units, two scored: n = 2, 好 = round(0.6) = 1, 较好 = round(1.0) = 1.
    let units = [("甲", None), ("乙", None), ("丙", None), ("丁", None)];
    let mut s = Session::new(series_plan(&units, 1, 2, quota_30_50()));
    score(&mut s, &[("乙", "80"), ("丁", "90")]);
    assert_eq!(band_list(&s), some(&["", "较好", "", "好"]));
}

#[test]
fn units_without_a_category_beside_others_form_their_own_quota_group_without_category_rank() {
    let units = [
        ("A县", Some("县区")),
        ("B县", Some("县区")),
        ("C县", Some("县区")),
        ("甲局", Some("部门")),
        ("乙局", Some("部门")),
        ("X园", None),
        ("Y园", None),
    ];
    let mut s = Session::new(series_plan(&units, 1, 2, quota_30_50()));
    score(
        &mut s,
        &[
            ("A县", "80"),
            ("B县", "90"),
            ("C县", "70"),
            ("甲局", "60"),
            ("乙局", "95"),
            ("X园", "50"),
            ("Y园", "99"),
        ],
    );
    let r = results(&s);
    // 县区 (n = 3): B 好, A 较好, C 较好. 部门 (n = 2): 乙 好, 甲 较好.
    // Without a category (n = 2, ranked among themselves: Y 99 then X 50): Y 好, X 较好 —
    // although Y's overall rank is 1 and X's 7.
    assert_eq!(
        bands(&r),
        vec![
            ("A县".into(), Some("较好".into())),
            ("B县".into(), Some("好".into())),
            ("C县".into(), Some("较好".into())),
            ("甲局".into(), Some("较好".into())),
            ("乙局".into(), Some("好".into())),
            ("X园".into(), Some("较好".into())),
            ("Y园".into(), Some("好".into())),
        ]
    );
    assert_eq!(of(&r, "X园").category_rank, None);
    assert_eq!(of(&r, "Y园").category_rank, None);
    assert_eq!(of(&r, "Y园").rank, Some(1));
    assert_eq!(of(&r, "X园").rank, Some(7));
    assert_eq!(of(&r, "乙局").category_rank, Some(1));
    // by_category: 县区, 部门 (agenda order), then the units without one, last.
    let groups: Vec<(Option<&str>, Vec<&str>)> = scoring::by_category(&r)
        .into_iter()
        .map(|(c, us)| (c, us.into_iter().map(|u| u.unit.as_str()).collect()))
        .collect();
    assert_eq!(
        groups,
        vec![
            (Some("县区"), vec!["B县", "A县", "C县"]),
            (Some("部门"), vec!["乙局", "甲局"]),
            (None, vec!["Y园", "X园"]),
        ]
    );
}

#[test]
fn categories_spelled_two_ways_are_one_category() {
    // The same category typed with a trailing space, in full-width letters, and with a
    // decomposed accent: one category of four, matched as names are (names::key), shown as
    // its first unit writes it. Before: four categories of one unit each, every unit first
    // in its own and every one 好.
    let units = [
        ("A县", Some("A类 县区")),
        ("B县", Some("A类 县区 ")),
        ("C县", Some("Ａ类 县区")),
        ("D县", Some("A类 县区\u{200B}")),
    ];
    let mut s = Session::new(series_plan(&units, 1, 2, quota_30_50()));
    score(
        &mut s,
        &[("A县", "80"), ("B县", "90"), ("C县", "70"), ("D县", "60")],
    );
    let r = results(&s);
    let ranks: Vec<Option<usize>> = r.iter().map(|u| u.category_rank).collect();
    assert_eq!(ranks, vec![Some(2), Some(1), Some(3), Some(4)]);
    assert!(r.iter().all(|u| u.category.as_deref() == Some("A类 县区")));
    // n = 4: 好 round(1.2) = 1, 较好 round(2.0) = 2, 一般 1.
    assert_eq!(
        band_list(&s),
        some(&["较好", "好", "较好", "一般"]),
        "one category of four"
    );
    assert_eq!(scoring::by_category(&r).len(), 1);

    // NFC and NFD: "Café" and "Cafe" + combining acute.
    let units = [("甲", Some("Café")), ("乙", Some("Cafe\u{301}"))];
    let mut s = Session::new(series_plan(&units, 1, 2, json!({})));
    score(&mut s, &[("甲", "80"), ("乙", "90")]);
    let r = results(&s);
    assert_eq!(of(&r, "乙").category_rank, Some(1));
    assert_eq!(of(&r, "甲").category_rank, Some(2));
}

// ---------------------------------------------------------------------------------------
// Bands by score
// ---------------------------------------------------------------------------------------

fn by_score() -> Value {
    json!({"bands": {"by": "score", "levels": [
        {"name": "好", "min": 90},
        {"name": "较好", "min": 80},
        {"name": "一般"}
    ]}})
}

fn score_band(decimals: u32, value: &str) -> Option<String> {
    let mut s = Session::new(series_plan(&[("甲", None)], 1, decimals, by_score()));
    score(&mut s, &[("甲", value)]);
    results(&s).remove(0).band
}

#[test]
fn bands_by_score_compare_the_final_as_published() {
    // Exactly on a `min`.
    assert_eq!(score_band(2, "90").as_deref(), Some("好"));
    assert_eq!(score_band(2, "80").as_deref(), Some("较好"));
    assert_eq!(score_band(2, "79.99").as_deref(), Some("一般"));
    // 89.995 published with 2 decimals is 90.00 (half up): 好, as the sheet prints it.
    assert_eq!(score_band(2, "89.995").as_deref(), Some("好"));
    // With 4 decimals it is 89.995: 较好.
    assert_eq!(score_band(4, "89.995").as_deref(), Some("较好"));
    // With 0 decimals 89.5 is 90 and 89.499 is 89.
    assert_eq!(score_band(0, "89.5").as_deref(), Some("好"));
    assert_eq!(score_band(0, "89.499").as_deref(), Some("较好"));
}

#[test]
fn a_last_score_level_with_a_min_leaves_units_below_it_without_a_band() {
    let mut s = Session::new(series_plan(
        &[("甲", None), ("乙", None)],
        1,
        2,
        json!({"bands": {"by": "score", "levels": [
            {"name": "好", "min": 90},
            {"name": "合格", "min": 60}
        ]}}),
    ));
    score(&mut s, &[("甲", "95"), ("乙", "59")]);
    assert_eq!(band_list(&s), some(&["好", ""]));
}

// ---------------------------------------------------------------------------------------
// Rank changes
// ---------------------------------------------------------------------------------------

fn prev(
    unit: &str,
    category: Option<&str>,
    rank: Option<usize>,
    crank: Option<usize>,
) -> PreviousResult {
    PreviousResult {
        unit: unit.into(),
        category: category.map(str::to_string),
        final_score: rank.map(|r| 100.0 - r as f64),
        rank,
        category_rank: crank,
        band: None,
    }
}

fn meeting_before() -> PreviousMeeting {
    PreviousMeeting {
        title: "一季度比晒拼创".into(),
        date: Some("2026-03-30".into()),
        path: "一季度.session.json".into(),
        sha256: "0".repeat(64),
    }
}

fn link(results: Vec<PreviousResult>) -> Command {
    Command::LinkPrevious {
        previous: Box::new(meeting_before()),
        tasks: vec![],
        results: Some(Box::new(PreviousResults {
            published: true,
            decimals: 2,
            units: results,
        })),
    }
}

/// 甲 乙 丙 (县区) 丁 (部门), scored 90, 80, 70, 60: ranks 1…4; 县区 ranks 1…3, 丁 1.
fn linked_session(before: Vec<PreviousResult>) -> Session {
    let units = [
        ("甲", Some("县区")),
        ("乙", Some("县区")),
        ("丙", Some("县区")),
        ("丁", Some("部门")),
    ];
    let mut s = Session::new(series_plan(&units, 1, 2, json!({})));
    run(&mut s, link(before), t(0));
    score(
        &mut s,
        &[("甲", "90"), ("乙", "80"), ("丙", "70"), ("丁", "60")],
    );
    s
}

#[test]
fn rank_changes_from_duplicates_renamed_and_foreign_units() {
    let s = linked_session(vec![
        // Listed twice by a hand edit: the first entry counts.
        prev("甲", Some("县区"), Some(3), Some(3)),
        prev("甲", Some("县区"), Some(1), Some(1)),
        // Renamed since (乙 was 乙镇): no change, no previous.
        prev("乙镇", Some("县区"), Some(1), Some(1)),
        // Not in this meeting at all.
        prev("戊", Some("部门"), Some(2), Some(1)),
        // Changed category: a rank change overall, none within the category.
        prev("丁", Some("县区"), Some(4), Some(4)),
    ]);
    let r = results(&s);
    assert_eq!(of(&r, "甲").rank_change, Some(3 - 1));
    assert_eq!(of(&r, "甲").category_rank_change, Some(3 - 1));
    assert_eq!(of(&r, "乙").previous, None);
    assert_eq!(of(&r, "乙").rank_change, None);
    assert_eq!(of(&r, "丁").rank_change, Some(0));
    assert_eq!(of(&r, "丁").category_rank_change, None);
    assert!(r.iter().all(|u| u.unit != "戊"));
}

#[test]
fn a_unit_written_another_way_last_round_is_the_same_unit() {
    // Last quarter's plan wrote the full-width form and an invisible space: the same unit,
    // as names are matched everywhere else (names::key).
    let s = linked_session(vec![
        prev("丙\u{200B}", Some("县区"), Some(1), Some(1)),
        prev("ｄ", None, Some(2), None),
    ]);
    let r = results(&s);
    assert_eq!(of(&r, "丙").rank_change, Some(1 - 3));
    assert_eq!(of(&r, "丙").category_rank_change, Some(1 - 3));
}

#[test]
fn a_rank_zero_or_out_of_range_in_a_hand_edited_copy_makes_no_rank_change() {
    // Rank 0 does not exist (ranks count from 1), and a rank beyond the copy's own list of
    // units (usize::MAX wraps to −1 as i64) is not a rank: no change rather than a nonsense
    // 退位 or a wrapped number.
    let s = linked_session(vec![
        prev("甲", Some("县区"), Some(0), Some(0)),
        prev("乙", Some("县区"), Some(usize::MAX), Some(usize::MAX)),
        prev("丙", Some("县区"), Some(1_000_000), Some(7)),
    ]);
    let r = results(&s);
    for u in ["甲", "乙", "丙"] {
        let before = of(&r, u).previous.as_ref().expect("still the copy's unit");
        assert_eq!((before.rank, before.category_rank), (None, None), "{u}");
        assert_eq!(of(&r, u).rank_change, None, "{u}");
        assert_eq!(of(&r, u).category_rank_change, None, "{u}");
    }
    // The record says null, and serialises.
    let rec = serde_json::to_value(Record::of(&s, t(0))).unwrap();
    // Nor in the round before's ranking as the session holds it (the stage shows it).
    for u in rec["previous"]["results"]["units"].as_array().unwrap() {
        assert!(u["rank"].is_null(), "{u}");
    }
    for u in rec["units"].as_array().unwrap() {
        assert!(u["result"]["rank_change"].is_null(), "{u}");
        assert!(u["result"]["previous_rank"].is_null(), "{u}");
    }
}

#[test]
fn a_negative_rank_in_a_session_file_is_a_sentence_naming_the_file_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("二季度.session.json");
    let units = [("甲", Some("县区"))];
    let mut w = Writer::create(&path, series_plan(&units, 1, 2, json!({})), t(0)).unwrap();
    w.execute(
        &link(vec![prev("甲", Some("县区"), Some(2), Some(2))]),
        t(0),
    )
    .unwrap();
    w.close(t(1)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"rank\": 2") || text.contains("\"rank\":2"),
        "{text}"
    );
    let edited =
        text.replacen("\"rank\": 2", "\"rank\": -2", 1)
            .replacen("\"rank\":2", "\"rank\":-2", 1);
    std::fs::write(&path, edited).unwrap();
    let e = podium::store::read(&path).expect_err("a negative rank is not read");
    assert!(e.to_string().contains("二季度.session.json"), "{e}");
}

// ---------------------------------------------------------------------------------------
// previous_results_copied, undo, note-takers
// ---------------------------------------------------------------------------------------

fn copied(results: Vec<PreviousResult>, sha: &str) -> Command {
    Command::CopyPreviousResults {
        sha256: sha.into(),
        results: Box::new(PreviousResults {
            published: true,
            decimals: 2,
            units: results,
        }),
    }
}

fn event(seq: u64, kind: EventKind) -> Event {
    Event {
        seq,
        at: t(0),
        part_of: None,
        by: None,
        command: None,
        elapsed_ms: None,
        kind,
    }
}

#[test]
fn results_copied_without_a_link_are_refused_and_ignored_in_a_file() {
    let units = [("甲", None)];
    let s = Session::new(series_plan(&units, 1, 2, json!({})));
    assert_eq!(
        refused(
            &s,
            &copied(vec![prev("甲", None, Some(1), None)], "ab"),
            None
        ),
        Refusal::NotLinked
    );
    // Written by hand as the first event, or later without a link: folded as nothing.
    let kind = || EventKind::PreviousResultsCopied {
        sha256: "ab".into(),
        results: PreviousResults {
            published: true,
            decimals: 2,
            units: vec![prev("甲", None, Some(1), None)],
        },
    };
    let s = Session::from_events(
        series_plan(&units, 1, 2, json!({})),
        vec![event(1, kind()), event(2, kind())],
    );
    assert_eq!(s.state().previous_results, None);
    assert_eq!(s.state().previous, None);
    assert_eq!(
        refused(&s, &Command::ShowPrevious { shown: true }, None),
        Refusal::NoPreviousResults
    );
}

#[test]
fn results_copied_twice_keep_the_last_and_its_sha_and_are_never_undone() {
    let mut s = linked_session(vec![prev("甲", Some("县区"), Some(2), Some(2))]);
    // Four units in each copy, as a meeting of four lists them.
    let four = |first: usize| {
        let mut units = vec![prev("甲", Some("县区"), Some(first), Some(first.min(3)))];
        units.extend(["乙", "丙", "丁"].map(|u| prev(u, None, None, None)));
        units
    };
    run(&mut s, copied(four(4), "11"), t(1));
    run(&mut s, copied(four(3), "22"), t(2));
    let r = results(&s);
    assert_eq!(of(&r, "甲").rank_change, Some(3 - 1));
    let rec = serde_json::to_value(Record::of(&s, t(3))).unwrap();
    assert_eq!(rec["previous"]["sha256"], "22");
    assert_eq!(rec["previous"]["results"]["units"][0]["rank"], 3);
    // Undo does not take a copy back, nor cross it to the scores before.
    assert_eq!(refused(&s, &Command::Undo, None), Refusal::NothingToUndo);
    // After it, an action is undone and the copy stays.
    run(&mut s, Command::ShowPrevious { shown: true }, t(4));
    assert!(s.state().stage.previous_shown);
    run(&mut s, Command::Undo, t(5));
    assert!(!s.state().stage.previous_shown);
    assert_eq!(s.state().previous.as_ref().unwrap().sha256, "22");
    assert_eq!(refused(&s, &Command::Undo, None), Refusal::NothingToUndo);
}

#[test]
fn showing_one_ranking_takes_the_other_down() {
    let mut s = linked_session(vec![prev("甲", Some("县区"), Some(2), Some(2))]);
    run(&mut s, Command::ShowPrevious { shown: true }, t(1));
    assert_eq!(
        refused(&s, &Command::ShowPrevious { shown: true }, None),
        Refusal::NothingChanged
    );
    run(&mut s, Command::Publish, t(2));
    run(&mut s, Command::ShowResults { shown: true }, t(3));
    assert!(s.state().stage.results_shown);
    assert!(!s.state().stage.previous_shown);
    run(&mut s, Command::ShowPrevious { shown: true }, t(4));
    assert!(!s.state().stage.results_shown);
    assert!(s.state().stage.previous_shown);
}

#[test]
fn note_takers_may_not_link_copy_or_show_the_round_before() {
    let s = linked_session(vec![prev("甲", Some("县区"), Some(2), Some(2))]);
    let author = Author {
        name: "记录员".into(),
        command: Some("c1".into()),
        scores: true,
    };
    for command in [
        copied(vec![prev("甲", None, Some(1), None)], "33"),
        Command::ShowPrevious { shown: true },
        Command::ShowPrevious { shown: false },
        link(vec![]),
    ] {
        assert_eq!(
            refused(&s, &command, Some(&author)),
            Refusal::HostOnly,
            "{command:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Record::make_public
// ---------------------------------------------------------------------------------------

const LEADERS: [&str; 5] = ["金玉", "潘功发", "梁晗鹍", "周建国", "陈丽华"];
const DEPUTIES: [&str; 3] = ["王志强", "李秀娟", "赵海燕"];

/// Two groups, 区领导 (70, five reviewers) and 代表 (30, three); trim 1 from 5 scorers up (a
/// group of 5 counts 3 sheets, a group of 3 all three); two criteria 实绩 and 创新 (50 each).
fn public_plan(mode_grades: bool) -> Plan {
    let mut reviewers: Vec<Value> = LEADERS
        .iter()
        .map(|n| json!({"name": n, "group": "区领导"}))
        .collect();
    reviewers.extend(DEPUTIES.iter().map(|n| json!({"name": n, "group": "代表"})));
    let scoring = if mode_grades {
        json!({"mode": "grades"})
    } else {
        json!({
            "criteria": [{"name": "实绩", "max": 50}, {"name": "创新", "max": 50}],
            "groups": [{"name": "区领导", "weight": 70}, {"name": "代表", "weight": 30}],
            "trim": 1, "trim_min": 5, "decimals": 2
        })
    };
    plan(json!({
        "title": "二季度比晒拼创",
        "date": "2026-06-30",
        "attendees": ["区委书记"],
        "units": [{"name": "甲镇"}, {"name": "乙镇"}, {"name": "丙镇"}, {"name": "丁镇"}],
        "reviewers": reviewers,
        "scoring": scoring
    }))
}

fn sheet(unit: &str, reviewer: &str, a: &str, b: Option<&str>) -> Vec<ScoreEntry> {
    let mut out = vec![ScoreEntry {
        unit: unit.into(),
        reviewer: reviewer.into(),
        criterion: "实绩".into(),
        value: parse_typed(a).unwrap(),
    }];
    if let Some(b) = b {
        out.push(ScoreEntry {
            unit: unit.into(),
            reviewer: reviewer.into(),
            criterion: "创新".into(),
            value: parse_typed(b).unwrap(),
        });
    }
    out
}

#[test]
fn a_public_record_names_no_reviewer_who_made_no_remark_and_holds_no_individual_score() {
    let mut s = Session::new(public_plan(false));
    let mut entries = Vec::new();
    // 甲镇: everyone (区领导 trimmed to 3 sheets, 代表 3 untrimmed: group scores kept).
    for (i, r) in LEADERS.iter().chain(&DEPUTIES).enumerate() {
        entries.extend(sheet("甲镇", r, &format!("{}", 40 + i), Some("41")));
    }
    // 乙镇: five leaders, two deputies (a group of 2: its score is theirs → no group scores).
    for (i, r) in LEADERS.iter().chain(&DEPUTIES[..2]).enumerate() {
        entries.extend(sheet("乙镇", r, &format!("{}", 30 + i), Some("33")));
    }
    // 丙镇: five leaders, one deputy (a group of 1), and a half-filled sheet (incomplete).
    for r in LEADERS.iter().chain(&DEPUTIES[..1]) {
        entries.extend(sheet("丙镇", r, "44", Some("45")));
    }
    entries.extend(sheet("丙镇", DEPUTIES[2], "47", None));
    // 丁镇: a single leader in all (no trimming).
    entries.extend(sheet("丁镇", LEADERS[0], "48", Some("49")));
    run(&mut s, Command::SetScores { entries }, t(0));
    // One reviewer speaks (a public statement, kept with its speaker).
    run(
        &mut s,
        Command::AddRemark {
            unit: Some("甲镇".into()),
            reviewer: LEADERS[2].into(),
            text: "亮点突出".into(),
            kind: Default::default(),
        },
        t(1),
    );
    run(&mut s, Command::Publish, t(2));

    let internal = serde_json::to_string(&Record::of(&s, t(3))).unwrap();
    let mut public = Record::of(&s, t(3));
    public.make_public();
    let text = serde_json::to_string(&public).unwrap();
    // The internal record names them all (so this test can fail)…
    for name in LEADERS.iter().chain(&DEPUTIES) {
        assert!(internal.contains(name), "{name} is in the internal record");
    }
    // …the public one only the one who spoke.
    for name in LEADERS
        .iter()
        .chain(&DEPUTIES)
        .filter(|n| **n != LEADERS[2])
    {
        assert!(!text.contains(name), "{name} in the public record: {text}");
    }
    assert!(text.contains(LEADERS[2]), "the remark keeps its speaker");
    let v: Value = serde_json::from_str(&text).unwrap();
    let result = |u: &str| {
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == u)
            .unwrap()["result"]
            .clone()
    };
    for u in v["units"].as_array().unwrap() {
        assert!(u.get("scores").is_none(), "{u}");
        assert!(u["result"].get("trimmed").is_none(), "{u}");
        for f in u["result"]["flags"].as_array().unwrap() {
            let f = f.as_str().unwrap();
            assert!(!f.starts_with("incomplete"), "{f}");
            if let Some(rest) = f.strip_prefix("trimmed:") {
                assert!(!rest.contains(':'), "{f}");
            }
        }
    }
    // Groups counting 3 and 3 sheets keep their scores; a group of 2, or of 1, takes all of
    // the unit's.
    assert_eq!(result("甲镇")["group_scores"].as_object().unwrap().len(), 2);
    assert!(
        result("乙镇")["group_scores"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    assert!(
        result("丙镇")["group_scores"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    assert!(
        result("丁镇")["group_scores"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    // Finals, ranks and flags that name no one stay.
    assert!(result("甲镇")["final"].is_number());
    assert!(
        result("甲镇")["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "trimmed:区领导")
    );
    assert_eq!(v["ranking"].as_array().unwrap().len(), 4);
}

#[test]
fn a_public_record_in_grades_mode_has_no_ballots_by_unit_and_no_reviewer() {
    let mut s = Session::new(public_plan(true));
    run(
        &mut s,
        Command::AddGrades {
            entries: vec![podium::session::GradeEntry {
                unit: "甲镇".into(),
                grade: "优秀".into(),
                count: 4,
                group: None,
            }],
        },
        t(0),
    );
    let mut public = Record::of(&s, t(1));
    public.make_public();
    let text = serde_json::to_string(&public).unwrap();
    for name in LEADERS.iter().chain(&DEPUTIES) {
        assert!(!text.contains(name), "{name}: {text}");
    }
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["units"][0].get("scores").is_none());
}

// ---------------------------------------------------------------------------------------
// commands::previous::recopy
// ---------------------------------------------------------------------------------------

fn titled(title: &str, date: &str) -> Plan {
    let mut p = series_plan(&[("甲", None), ("乙", None)], 1, 2, json!({}));
    p.title = title.into();
    p.date = Some(date.into());
    p
}

/// A scored session file of `plan` at `path`: 甲 `a`, 乙 `b`.
fn scored_file(path: &Path, plan: Plan, a: &str, b: &str) {
    let mut w = Writer::create(path, plan, t(-86_400)).unwrap();
    let entries = [("甲", a), ("乙", b)]
        .iter()
        .map(|(u, v)| ScoreEntry {
            unit: (*u).into(),
            reviewer: "R1".into(),
            criterion: "总分".into(),
            value: parse_typed(v).unwrap(),
        })
        .collect();
    w.execute(&Command::SetScores { entries }, t(-86_400))
        .unwrap();
    w.close(t(-86_000)).unwrap();
}

/// The round before at `dir/一季度.session.json` (甲 80, 乙 90) and this round's session
/// linked to it, open. Returns (its writer, the earlier file).
fn linked_writer(dir: &Path) -> (Writer, std::path::PathBuf) {
    let before = dir.join("一季度.session.json");
    scored_file(&before, titled("一季度比晒拼创", "2026-03-30"), "80", "90");
    let now = dir.join("二季度.session.json");
    let plan = titled("二季度比晒拼创", "2026-06-30");
    let found = previous::find(Some(&now), None, &plan, Some(&before), Lang::Zh, t(0))
        .unwrap()
        .unwrap();
    let mut w = Writer::create(&now, plan, t(0)).unwrap();
    previous::link(&mut w, found, Lang::Zh, t(0)).unwrap();
    (w, before)
}

#[test]
fn recopy_takes_scores_typed_up_late_and_records_the_new_sha() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, before) = linked_writer(dir.path());
    let first = w.session().state().previous.clone().unwrap();
    // The same meeting, its scores typed up again (乙 now 70): a new file, a new SHA-256.
    std::fs::remove_file(&before).unwrap();
    scored_file(&before, titled("一季度比晒拼创", "2026-03-30"), "80", "70");
    let bytes_before = std::fs::read(&before).unwrap();
    let line = previous::recopy(&mut w, &before, Lang::Zh, t(10)).unwrap();
    assert!(line.contains("一季度比晒拼创"), "{line}");
    let now = w.session().state().previous.clone().unwrap();
    assert_ne!(now.sha256, first.sha256);
    assert_eq!(now.sha256, previous::sha256_hex(&bytes_before));
    let copy = w.session().state().previous_results.clone().unwrap();
    assert_eq!(copy.units[0].unit, "甲");
    assert_eq!(copy.units[0].rank, Some(1));
    let rec = serde_json::to_value(Record::of(w.session(), t(11))).unwrap();
    assert_eq!(rec["previous"]["sha256"], now.sha256.as_str());
    // The earlier file is only read.
    assert_eq!(std::fs::read(&before).unwrap(), bytes_before);
    w.close(t(12)).unwrap();
}

#[test]
fn recopy_refuses_a_vanished_file_a_folder_and_a_file_replaced_by_another_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, before) = linked_writer(dir.path());
    let events = w.session().events().len();
    let copy = w.session().state().previous_results.clone();

    std::fs::remove_file(&before).unwrap();
    let e = previous::recopy(&mut w, &before, Lang::Zh, t(10)).unwrap_err();
    assert!(e.contains("一季度.session.json"), "{e}");

    std::fs::create_dir(&before).unwrap();
    let e = previous::recopy(&mut w, &before, Lang::Zh, t(10)).unwrap_err();
    assert!(e.contains("一季度.session.json"), "{e}");
    std::fs::remove_dir(&before).unwrap();

    // Another meeting saved over the same path (another title, or the same title on another
    // date): check_resumed accepts the path, but its results are not this series' round
    // before. Before the fix they were copied.
    scored_file(&before, titled("安全生产专题会", "2026-03-30"), "10", "20");
    let e = previous::recopy(&mut w, &before, Lang::Zh, t(10)).unwrap_err();
    assert!(
        e.contains("安全生产专题会") && e.contains("一季度比晒拼创"),
        "{e}"
    );
    std::fs::remove_file(&before).unwrap();
    scored_file(&before, titled("一季度比晒拼创", "2025-12-30"), "10", "20");
    let e = previous::recopy(&mut w, &before, Lang::En, t(10)).unwrap_err();
    assert!(e.contains("2025-12-30") && e.contains("2026-03-30"), "{e}");

    assert_eq!(w.session().events().len(), events, "nothing was written");
    assert_eq!(w.session().state().previous_results, copy);
    w.close(t(12)).unwrap();
}

// ---------------------------------------------------------------------------------------
// The plan's bands
// ---------------------------------------------------------------------------------------

fn plan_text(version: Option<u32>, scoring: &str) -> String {
    let version = version.map_or(String::new(), |v| format!(r#""version": {v},"#));
    format!(
        r#"{{{version} "title": "比晒拼创", "units": [{{"name": "甲"}}, {{"name": "乙"}}],
  "reviewers": [{{"name": "R1"}}], "scoring": {scoring}}}"#
    )
}

fn errors(scoring: &str) -> String {
    match podium::planfile::parse("p.json", &plan_text(None, scoring), Lang::En) {
        Ok(l) => panic!("accepted: {scoring} ({:?})", l.warnings),
        Err(e) => e.join("\n"),
    }
}

fn warnings(version: Option<u32>, scoring: &str) -> Vec<String> {
    podium::planfile::parse("p.json", &plan_text(version, scoring), Lang::En)
        .unwrap_or_else(|e| panic!("refused: {scoring}: {e:?}"))
        .warnings
}

#[test]
fn bad_bands_are_refused_with_the_field_named() {
    let cases = [
        (r#"{"bands": {"by": "score", "levels": []}}"#, "levels"),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 90}, {"name": "好"}]}}"#,
            "levels[1].name",
        ),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 80}, {"name": "较好", "min": 90}, {"name": "一般"}]}}"#,
            "levels[1].min",
        ),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 80}, {"name": "较好", "min": 80}, {"name": "一般"}]}}"#,
            "levels[1].min",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 0}, {"name": "一般"}]}}"#,
            "levels[0].percent",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": -5}, {"name": "一般"}]}}"#,
            "levels[0].percent",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 101}, {"name": "一般"}]}}"#,
            "levels[0].percent",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 60}, {"name": "较好", "percent": 41}, {"name": "一般"}]}}"#,
            "levels[1].percent",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 1e999}, {"name": "一般"}]}}"#,
            "percent",
        ),
        (
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "min": 90}, {"name": "一般"}]}}"#,
            "levels[0]",
        ),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 90, "percent": 30}, {"name": "一般"}]}}"#,
            "levels[0].percent",
        ),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": "好"}, {"name": "一般"}]}}"#,
            "levels[0]",
        ),
        (
            r#"{"bands": {"by": "rank", "levels": [{"name": "好"}]}}"#,
            "by",
        ),
        (
            r#"{"bands": {"by": "score", "levels": [{"name": " "}]}}"#,
            "levels[0].name",
        ),
    ];
    for (scoring, field) in cases {
        let e = errors(scoring);
        assert!(e.contains(field), "{scoring}: {e}");
        assert!(!e.contains("panick"), "{e}");
    }
}

#[test]
fn bands_that_pass_and_the_warnings_they_bring() {
    // Exactly 100 %, and 0.5 %.
    assert!(
        warnings(
            None,
            r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 30}, {"name": "较好", "percent": 70}, {"name": "一般"}]}}"#
        )
        .is_empty()
    );
    assert!(
        warnings(
            None,
            r#"{"bands": {"by": "quota", "levels": [{"name": "优秀", "percent": 0.5}, {"name": "合格"}]}}"#
        )
        .is_empty()
    );
    // The last level with a `min` (units below it get no band): accepted, with a warning
    // at that `min`; percents adding up to less than 100 likewise.
    let w = warnings(
        None,
        r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 90}, {"name": "合格", "min": 60}]}}"#,
    );
    assert!(
        w.len() == 1 && w[0].contains("levels[1].min") && w[0].contains("no band"),
        "{w:?}"
    );
    let w = warnings(
        None,
        r#"{"bands": {"by": "quota", "levels": [{"name": "好", "percent": 30}, {"name": "一般", "percent": 20}]}}"#,
    );
    assert!(
        w.len() == 1 && w[0].contains("levels[1].percent") && w[0].contains("no band"),
        "{w:?}"
    );
    // A plan that says version 3 and uses bands: a warning naming version 4.
    let w = warnings(
        Some(3),
        r#"{"bands": {"by": "score", "levels": [{"name": "好", "min": 90}, {"name": "一般"}]}}"#,
    );
    assert!(
        w.iter().any(|w| w.contains('4') && w.contains("bands")),
        "{w:?}"
    );
    // overall_rank or bands in a plan that does not score: a warning naming the field.
    let w = warnings(
        None,
        r#"{"mode": "none", "overall_rank": false, "bands": {"by": "score", "levels": [{"name": "好"}]}}"#,
    );
    assert!(w.iter().any(|w| w.contains("overall_rank")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("bands")), "{w:?}");
}

// ---------------------------------------------------------------------------------------
// Performance: the results view computes the results every frame
// ---------------------------------------------------------------------------------------

/// `n` units in 20 categories, 5 reviewers, quota bands and a copy of the round before:
/// (scoring::results each, by_category, Record::of), checked as it goes.
fn timed(n: usize) -> [std::time::Duration; 3] {
    let names: Vec<String> = (0..n).map(|i| format!("单位{i:04}")).collect();
    let cats: Vec<String> = (0..20).map(|i| format!("类别{i:02}")).collect();
    let units: Vec<(&str, Option<&str>)> = names
        .iter()
        .enumerate()
        .map(|(i, u)| (u.as_str(), Some(cats[i % 20].as_str())))
        .collect();
    let mut s = Session::new(series_plan(&units, 5, 2, quota_30_50()));
    let copy = names
        .iter()
        .enumerate()
        .map(|(i, u)| prev(u, Some(&cats[i % 20]), Some(n - i), Some(n / 20 - i / 20)))
        .collect();
    run(&mut s, link(copy), t(0));
    let entries: Vec<ScoreEntry> = names
        .iter()
        .enumerate()
        .flat_map(|(i, u)| {
            (1..=5).map(move |r| ScoreEntry {
                unit: u.clone(),
                reviewer: format!("R{r}"),
                criterion: "总分".into(),
                // Many ties: 50 distinct values.
                value: parse_typed(&format!("{}", 50 + (i * 7 + r) % 50)).unwrap(),
            })
        })
        .collect();
    run(&mut s, Command::SetScores { entries }, t(0));
    let started = std::time::Instant::now();
    let rounds = 10;
    let mut r = Vec::new();
    for _ in 0..rounds {
        r = results(&s);
    }
    let each = started.elapsed() / rounds;
    let started = std::time::Instant::now();
    let groups = scoring::by_category(&r).len();
    let by_cat = started.elapsed();
    let started = std::time::Instant::now();
    let _ = Record::of(&s, t(0));
    let record = started.elapsed();
    assert_eq!(groups, 20);
    assert_eq!(r.iter().filter(|u| u.band.is_some()).count(), n);
    assert!(r.iter().all(|u| u.rank_change.is_some()));
    [each, by_cat, record]
}

#[test]
fn results_of_500_units_in_20_categories_with_quota_bands_and_a_copy_timed() {
    // A figure, not a bar: printed (run with --nocapture), 250 / 500 / 1000 units to see how
    // it grows.
    for n in [250, 500, 1000] {
        let [each, by_cat, record] = timed(n);
        eprintln!(
            "{n} units, 20 categories, 5 reviewers, quota bands, a copy of {n}: \
             scoring::results {each:?} each, by_category {by_cat:?}, Record::of {record:?}"
        );
    }
}

#[test]
fn published_results_keep_their_rank_changes_until_unlocked() {
    // Before: a copy after publication changed the 较上期 of results already read out.
    let mut s = linked_session(vec![
        prev("甲", Some("县区"), Some(2), Some(2)),
        prev("乙", None, None, None),
    ]);
    run(&mut s, Command::Publish, t(1));
    let four = vec![
        prev("甲", Some("县区"), Some(4), Some(3)),
        prev("乙", None, None, None),
        prev("丙", None, None, None),
        prev("丁", None, None, None),
    ];
    assert_eq!(
        refused(&s, &copied(four.clone(), "44"), None),
        Refusal::ResultsPublished
    );
    assert_eq!(of(&results(&s), "甲").rank_change, Some(2 - 1));
    run(
        &mut s,
        Command::Unlock {
            reason: "上期分数补录".into(),
        },
        t(2),
    );
    run(&mut s, copied(four, "44"), t(3));
    assert_eq!(of(&results(&s), "甲").rank_change, Some(4 - 1));
}

#[test]
fn recopy_on_a_published_session_opens_it_and_says_nothing_was_copied() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, before) = linked_writer(dir.path());
    w.execute(&Command::Publish, t(5)).unwrap();
    let events = w.session().events().len();
    let line = previous::recopy(&mut w, &before, Lang::En, t(10)).unwrap();
    assert!(
        line.contains("not copied again") && line.contains("unlock"),
        "{line}"
    );
    assert_eq!(w.session().events().len(), events);
    w.close(t(12)).unwrap();
}

#[test]
fn a_task_a_reviewer_handed_down_stays_in_the_public_record_as_a_remark_does() {
    // Decided: a task assigned by a reviewer (交办) is a public statement, like a remark —
    // its `assigned_by` stays; no score goes with it.
    let mut s = Session::new(public_plan(false));
    run(
        &mut s,
        Command::AddTask {
            task: Box::new(podium::session::TaskFields {
                text: "三季度前完成园区道路改造".into(),
                owner: Some("甲镇".into()),
                assigned_by: Some(LEADERS[1].into()),
                ..Default::default()
            }),
            unit: Some("甲镇".into()),
            status: None,
            from_remark: None,
        },
        t(0),
    );
    run(
        &mut s,
        Command::SetScores {
            entries: sheet("甲镇", LEADERS[0], "40", Some("40")),
        },
        t(1),
    );
    let mut public = Record::of(&s, t(2));
    public.make_public();
    let v = serde_json::to_value(&public).unwrap();
    assert_eq!(v["tasks"][0]["assigned_by"], LEADERS[1]);
    let text = v.to_string();
    assert!(
        !text.contains(LEADERS[0]),
        "the scorer is not named: {text}"
    );
}

#[test]
fn a_copy_with_absurd_decimals_is_folded_with_at_most_four() {
    // A hand-edited copy saying its finals were published with 4,294,967,295 decimals: the
    // outputs format previous finals with them (`{:.*}`), that many zeros per cell.
    let units = [("甲", None), ("乙", None)];
    let results = |decimals| PreviousResults {
        published: true,
        decimals,
        units: vec![
            prev("甲", None, Some(1), None),
            prev("乙", None, Some(2), None),
        ],
    };
    let linked = EventKind::PreviousLinked {
        previous: meeting_before(),
        tasks: vec![],
        results: Some(results(u32::MAX)),
    };
    let plan = || series_plan(&units, 1, 2, json!({}));
    let s = Session::from_events(plan(), vec![event(1, linked.clone())]);
    assert_eq!(s.state().previous_results.as_ref().unwrap().decimals, 4);
    let again = EventKind::PreviousResultsCopied {
        sha256: "55".into(),
        results: results(9),
    };
    let s = Session::from_events(plan(), vec![event(1, linked), event(2, again)]);
    assert_eq!(s.state().previous_results.as_ref().unwrap().decimals, 4);
    let rec = serde_json::to_value(Record::of(&s, t(0))).unwrap();
    assert_eq!(rec["previous"]["results"]["decimals"], 4);
    // Sensible values are kept.
    let s = Session::from_events(
        plan(),
        vec![event(
            1,
            EventKind::PreviousLinked {
                previous: meeting_before(),
                tasks: vec![],
                results: Some(results(1)),
            },
        )],
    );
    assert_eq!(s.state().previous_results.as_ref().unwrap().decimals, 1);
}

#[test]
fn recopy_through_the_plan_of_the_round_before_takes_its_newest_session() {
    // Linked by naming last quarter's plan (its newest session is used); resumed naming the
    // plan again after its scores were typed up: the same session, copied again.
    let dir = tempfile::tempdir().unwrap();
    let plan_file = dir.path().join("一季度.json");
    let first = titled("一季度比晒拼创", "2026-03-30");
    std::fs::write(&plan_file, serde_json::to_string(&first).unwrap()).unwrap();
    let before = dir.path().join("一季度.session.json");
    scored_file(&before, first.clone(), "80", "90");
    let now = dir.path().join("二季度.session.json");
    let plan = titled("二季度比晒拼创", "2026-06-30");
    let found = previous::find(Some(&now), None, &plan, Some(&plan_file), Lang::Zh, t(0))
        .unwrap()
        .unwrap();
    let mut w = Writer::create(&now, plan, t(0)).unwrap();
    previous::link(&mut w, found, Lang::Zh, t(0)).unwrap();
    std::fs::remove_file(&before).unwrap();
    scored_file(&before, first, "95", "90");
    previous::check_resumed(w.session(), &now, &plan_file, Lang::Zh, t(1)).unwrap();
    previous::recopy(&mut w, &plan_file, Lang::Zh, t(1)).unwrap();
    let copy = w.session().state().previous_results.clone().unwrap();
    assert_eq!(
        (copy.units[0].unit.as_str(), copy.units[0].rank),
        ("甲", Some(1))
    );
    assert_eq!(
        w.session().state().previous.as_ref().unwrap().sha256,
        previous::sha256_hex(&std::fs::read(&before).unwrap())
    );
    w.close(t(2)).unwrap();
}

#[test]
fn recopy_from_a_meeting_without_a_planned_date_linked_before_it_began() {
    // Linked while the round before had no event (no date: its plan gives none), recopied
    // once it has been scored (its date now the day of its first event): the same meeting.
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("一季度.session.json");
    let mut undated = titled("一季度比晒拼创", "2026-03-30");
    undated.date = None;
    Writer::create(&before, undated.clone(), t(-86_400))
        .unwrap()
        .close(t(-86_400))
        .unwrap();
    let now = dir.path().join("二季度.session.json");
    let plan = titled("二季度比晒拼创", "2026-06-30");
    let found = previous::find(Some(&now), None, &plan, Some(&before), Lang::Zh, t(0))
        .unwrap()
        .unwrap();
    assert_eq!(found.previous.date, None);
    let mut w = Writer::create(&now, plan, t(0)).unwrap();
    previous::link(&mut w, found, Lang::Zh, t(0)).unwrap();
    std::fs::remove_file(&before).unwrap();
    scored_file(&before, undated, "80", "90");
    previous::recopy(&mut w, &before, Lang::Zh, t(1)).unwrap();
    let copy = w.session().state().previous_results.clone().unwrap();
    assert_eq!(
        (copy.units[0].unit.as_str(), copy.units[0].rank),
        ("乙", Some(1))
    );
    w.close(t(2)).unwrap();
}
