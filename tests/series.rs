//! A series of two rounds, end to end ([E1]): round 1 (`tests/fixtures/series/round1.plan.json`:
//! ten units in three categories 县区/部门/园区 as the Xining meeting announces them, five
//! reviewers, one trimmed at each end, two decimals, bands by quota) is scored and published
//! with the library and saved; round 2 (`round2.plan.json`: 城北区 gone, 大通县 new,
//! `overall_rank: false`, bands by score) is linked to it through the path the binary takes
//! (`commands::previous::find` + `link`, by the plan's `previous`), scored, and checked against
//! figures worked out by hand below: 进位/退位 overall and within the category, categories
//! ranked apart, bands by quota (half-up counts, a tie at a boundary sharing the better band)
//! and by score (a final on a boundary), the round-1 file byte-identical throughout. Then a
//! late correction of round 1 is copied again (`previous::recopy`) and the changes follow;
//! the refusals (not linked, nothing to show); undo never crosses the copies; and the binary's
//! `podium report --format json`, internal and `--public`.
//!
//! Every final here is the mean of the three middle scores of five (one trimmed at each end),
//! published with two decimals (half up).

mod common {
    pub mod cli;
    pub mod pty;
}

use common::cli::{podium, text};
use common::pty::{TIMEOUT, Term};
use podium::commands::previous;
use podium::plan::Plan;
use podium::session::record::Record;
use podium::session::{Command, EventKind, Refusal, ScoreEntry, Time};
use podium::store::{self, ExecError, Writer};
use podium::strings::Lang;
use serde_json::Value;
use std::path::{Path, PathBuf};

const REVIEWERS: [&str; 5] = ["梁晗鹍", "金玉", "潘功发", "祁向东", "马海燕"];

/// Round 1's sheets (one per reviewer, in `REVIEWERS` order) and the final they give:
/// the highest and the lowest are trimmed, the three left averaged.
const ROUND_ONE: [(&str, [i64; 5]); 10] = [
    // 95, 88 trimmed: (93 + 92 + 91) / 3 = 276 / 3 = 92.00
    ("城东区", [95, 93, 92, 91, 88]),
    // 94, 80 trimmed: (90 + 89 + 88) / 3 = 267 / 3 = 89.00
    ("城西区", [94, 90, 89, 88, 80]),
    // 91, 86 trimmed: (89 + 89 + 89) / 3 = 267 / 3 = 89.00 (tied with 城西区)
    ("城中区", [91, 89, 89, 89, 86]),
    // 90, 82 trimmed: (86 + 86 + 85) / 3 = 257 / 3 = 85.666… → 85.67
    ("城北区", [90, 86, 86, 85, 82]),
    // 88, 79 trimmed: (85 + 84 + 83) / 3 = 252 / 3 = 84.00
    ("湟中区", [88, 85, 84, 83, 79]),
    // 96, 90 trimmed: (94 + 93 + 92) / 3 = 279 / 3 = 93.00
    ("市发改委", [96, 94, 93, 92, 90]),
    // 92, 85 trimmed: (89 + 88 + 88) / 3 = 265 / 3 = 88.333… → 88.33
    ("市财政局", [92, 89, 88, 88, 85]),
    // 89, 84 trimmed: (87 + 86 + 85) / 3 = 258 / 3 = 86.00
    ("市交通局", [89, 87, 86, 85, 84]),
    // 96, 85 trimmed: (92 + 91 + 91) / 3 = 274 / 3 = 91.333… → 91.33
    ("经开区", [96, 92, 91, 91, 85]),
    // 90, 83 trimmed: (88 + 87 + 86) / 3 = 261 / 3 = 87.00
    ("高新区", [90, 88, 87, 86, 83]),
];

/// Round 2's sheets.
const ROUND_TWO: [(&str, [i64; 5]); 10] = [
    // 90, 84 trimmed: (88 + 87 + 86) / 3 = 261 / 3 = 87.00
    ("城东区", [90, 88, 87, 86, 84]),
    // 93, 85 trimmed: (91 + 90 + 89) / 3 = 270 / 3 = 90.00
    ("城西区", [93, 91, 90, 89, 85]),
    // 88, 80 trimmed: (86 + 85 + 84) / 3 = 255 / 3 = 85.00
    ("城中区", [88, 86, 85, 84, 80]),
    // 95, 86 trimmed: (92 + 91 + 90) / 3 = 273 / 3 = 91.00
    ("湟中区", [95, 92, 91, 90, 86]),
    // 92, 84 trimmed: (89 + 89 + 88) / 3 = 266 / 3 = 88.666… → 88.67
    ("大通县", [92, 89, 89, 88, 84]),
    // 93, 86 trimmed: (90 + 89 + 89) / 3 = 268 / 3 = 89.333… → 89.33
    ("市发改委", [93, 90, 89, 89, 86]),
    // 95, 87 trimmed: (93 + 92 + 91) / 3 = 276 / 3 = 92.00
    ("市财政局", [95, 93, 92, 91, 87]),
    // 88, 80 trimmed: (85 + 85 + 84) / 3 = 254 / 3 = 84.666… → 84.67
    ("市交通局", [88, 85, 85, 84, 80]),
    // 92, 88 trimmed: (91 + 90 + 89) / 3 = 270 / 3 = 90.00 (tied with 城西区 overall)
    ("经开区", [92, 91, 90, 89, 88]),
    // 97, 89 trimmed: (94 + 93 + 92) / 3 = 279 / 3 = 93.00
    ("高新区", [97, 94, 93, 92, 89]),
];

/// 湟中区's round-1 sheets as corrected after the meeting (typed up late):
/// 91, 84 trimmed: (89 + 88 + 87) / 3 = 264 / 3 = 88.00.
const LATE: [i64; 5] = [91, 89, 88, 87, 84];

fn at(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("a time")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/series")
        .join(name)
}

/// A fixture plan copied into `dir` (round 2's `previous` names round 1's session beside it).
fn plan_in(dir: &Path, name: &str) -> (PathBuf, Plan) {
    let text = std::fs::read_to_string(fixture(name)).expect("the fixture plan");
    let path = dir.join(name);
    std::fs::write(&path, &text).expect("copy the plan");
    let loaded = podium::planfile::parse(name, &text, Lang::Zh).expect("the fixture plan checks");
    (path, loaded.plan)
}

fn sheets(unit: &str, scores: [i64; 5]) -> Vec<ScoreEntry> {
    REVIEWERS
        .iter()
        .zip(scores)
        .map(|(r, v)| ScoreEntry {
            unit: unit.into(),
            reviewer: (*r).into(),
            criterion: "综合".into(),
            value: v * 10_000,
        })
        .collect()
}

fn score(w: &mut Writer, table: &[(&str, [i64; 5])], t: Time) {
    let entries = table.iter().flat_map(|(u, s)| sheets(u, *s)).collect();
    w.execute(&Command::SetScores { entries }, t)
        .expect("the scores are taken");
}

fn sha(path: &Path) -> String {
    previous::sha256_hex(&std::fs::read(path).expect("the file"))
}

/// Round 1 in `dir`: scored, published, ended, closed. Returns its session's path.
fn round_one(dir: &Path) -> PathBuf {
    let (_, plan) = plan_in(dir, "round1.plan.json");
    let path = dir.join("round1.session.json");
    let t = at("2026-03-30T09:00:00+08:00");
    let mut w = Writer::create(&path, plan, t).expect("round 1 created");
    score(&mut w, &ROUND_ONE, at("2026-03-30T11:00:00+08:00"));
    w.execute(&Command::Publish, at("2026-03-30T11:30:00+08:00"))
        .expect("published");
    w.execute(&Command::EndMeeting, at("2026-03-30T11:40:00+08:00"))
        .expect("ended");
    w.close(at("2026-03-30T11:41:00+08:00")).expect("closed");
    path
}

/// Round 2 in `dir`, linked to round 1 by its plan's `previous` the way `podium run` links a
/// new session (find, then link as the first event), with a remark by 梁晗鹍, scored, and
/// published when `publish`. Returns the writer (still open) and the notice `podium run` shows.
fn round_two(dir: &Path, publish: bool) -> (Writer, String) {
    let (plan_file, plan) = plan_in(dir, "round2.plan.json");
    let path = dir.join("round2.session.json");
    let t = at("2026-06-30T09:00:00+08:00");
    let found = previous::find(Some(&path), Some(&plan_file), &plan, None, Lang::Zh, t)
        .expect("round 1 is read")
        .expect("the plan names round 1");
    let mut w = Writer::create(&path, plan, t).expect("round 2 created");
    let notice = previous::link(&mut w, found, Lang::Zh, t).expect("linked");
    w.execute(
        &Command::AddRemark {
            unit: Some("湟中区".into()),
            reviewer: "梁晗鹍".into(),
            text: "争先进位成效明显，要保持势头。".into(),
            kind: podium::session::RemarkKind::Remark,
        },
        at("2026-06-30T09:30:00+08:00"),
    )
    .expect("a remark");
    score(&mut w, &ROUND_TWO, at("2026-06-30T11:00:00+08:00"));
    if publish {
        w.execute(&Command::Publish, at("2026-06-30T11:30:00+08:00"))
            .expect("published");
    }
    (w, notice)
}

fn record(w: &Writer, now: &str) -> Value {
    serde_json::to_value(Record::of(w.session(), at(now))).expect("the record")
}

/// `units[NAME].result` of a record.
fn result<'a>(record: &'a Value, unit: &str) -> &'a Value {
    record["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["name"] == unit)
        .unwrap_or_else(|| panic!("no unit {unit}"))
        .get("result")
        .unwrap_or_else(|| panic!("{unit} has no result"))
}

/// A unit's expected (name, final, rank, category rank, band, rank change, category rank
/// change).
type Expected<'a> = (&'a str, f64, i64, i64, &'a str, Option<i64>, Option<i64>);

/// (final, rank, category rank, band) of a unit in a record.
fn placed(record: &Value, unit: &str) -> (f64, i64, i64, String) {
    let r = result(record, unit);
    (
        r["final"].as_f64().unwrap_or(f64::NAN),
        r["rank"].as_i64().unwrap_or(-1),
        r["category_rank"].as_i64().unwrap_or(-1),
        r["band"].as_str().unwrap_or("(null)").to_string(),
    )
}

/// (rank_change, category_rank_change) of a unit, null as None.
fn changes(record: &Value, unit: &str) -> (Option<i64>, Option<i64>) {
    let r = result(record, unit);
    for key in ["rank_change", "category_rank_change"] {
        assert!(r.get(key).is_some(), "{unit}: `{key}` is always present");
    }
    (
        r["rank_change"].as_i64(),
        r["category_rank_change"].as_i64(),
    )
}

/// Round 1 on its own: categories ranked apart, bands by quota.
///
/// Overall, by final: 市发改委 93.00 (1), 城东区 92.00 (2), 经开区 91.33 (3), 城西区 and
/// 城中区 89.00 (4, tied), 市财政局 88.33 (6), 高新区 87.00 (7), 市交通局 86.00 (8),
/// 城北区 85.67 (9), 湟中区 84.00 (10).
///
/// Within each category, restarting at 1: 县区 城东区 1, 城西区 2, 城中区 2, 城北区 4,
/// 湟中区 5; 部门 市发改委 1, 市财政局 2, 市交通局 3; 园区 经开区 1, 高新区 2.
///
/// Bands by quota, 好 30%, 较好 40%, 一般 the rest, counted within each category, half up:
/// - 县区, 5 units: 好 5 × 30% = 1.5 → 2 (half up), 较好 5 × 40% = 2.0 → 2: 好 takes places
///   1–2, 较好 3–4, 一般 5. 城中区 is tied with 城西区 at category rank 2 (place 2, inside 好),
///   so both are 好 (three 好 for a quota of two: a tie at the boundary shares the better
///   band); 城北区 (category rank 4) is 较好; 湟中区 (5) 一般.
/// - 部门, 3 units: 好 0.9 → 1, 较好 1.2 → 1: 市发改委 好, 市财政局 较好, 市交通局 一般.
/// - 园区, 2 units: 好 0.6 → 1, 较好 0.8 → 1: 经开区 好, 高新区 较好.
#[test]
fn round_one_ranks_each_category_apart_and_bands_by_quota_with_a_tie_at_the_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let path = round_one(dir.path());
    let session = store::read(&path).expect("round 1 opens");
    let record = serde_json::to_value(Record::of(&session, at("2026-10-15T15:00:00+08:00")))
        .expect("the record");
    let expected: [(&str, f64, i64, i64, &str); 10] = [
        ("城东区", 92.00, 2, 1, "好"),
        ("城西区", 89.00, 4, 2, "好"),
        ("城中区", 89.00, 4, 2, "好"),
        ("城北区", 85.67, 9, 4, "较好"),
        ("湟中区", 84.00, 10, 5, "一般"),
        ("市发改委", 93.00, 1, 1, "好"),
        ("市财政局", 88.33, 6, 2, "较好"),
        ("市交通局", 86.00, 8, 3, "一般"),
        ("经开区", 91.33, 3, 1, "好"),
        ("高新区", 87.00, 7, 2, "较好"),
    ];
    for (unit, f, rank, cat, band) in expected {
        assert_eq!(
            placed(&record, unit),
            (f, rank, cat, band.to_string()),
            "round 1, {unit}"
        );
        // Round 1 is linked to nothing: no previous figures, no changes.
        let r = result(&record, unit);
        assert!(r["previous_rank"].is_null() && r["rank_change"].is_null());
    }
    assert_eq!(result(&record, "城西区")["tied"], true);
    // The ranking lists each unit's category, category rank and band.
    let ranking = record["ranking"].as_array().unwrap();
    assert_eq!(ranking[0]["unit"], "市发改委");
    assert_eq!(ranking[0]["category"], "部门");
    assert_eq!(ranking[0]["category_rank"], 1);
    assert_eq!(ranking[0]["band"], "好");
    // Grouped by category in agenda order, each by category rank.
    let results = podium::scoring::results(
        session.rules(),
        session.plan(),
        session.state(),
        at("2026-10-15T15:00:00+08:00"),
    );
    let groups: Vec<(Option<&str>, Vec<&str>)> = podium::scoring::by_category(&results)
        .into_iter()
        .map(|(c, units)| (c, units.iter().map(|u| u.unit.as_str()).collect()))
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                Some("县区"),
                vec!["城东区", "城西区", "城中区", "城北区", "湟中区"]
            ),
            (Some("部门"), vec!["市发改委", "市财政局", "市交通局"]),
            (Some("园区"), vec!["经开区", "高新区"]),
        ]
    );
    // Nothing to show from a round before, nothing to copy into a session linked to none.
    let (mut w, _) = Writer::open(&path, at("2026-10-15T15:00:00+08:00")).unwrap();
    let t = at("2026-10-15T15:00:00+08:00");
    assert!(matches!(
        w.execute(&Command::ShowPrevious { shown: true }, t),
        Err(ExecError::Refused(Refusal::NoPreviousResults))
    ));
    let copy = Command::CopyPreviousResults {
        sha256: "0".repeat(64),
        results: Box::default(),
    };
    assert!(matches!(
        w.execute(&copy, t),
        Err(ExecError::Refused(Refusal::NotLinked))
    ));
    assert_eq!(w.session().events().len(), session.events().len());
}

/// Round 2 linked to round 1: rank changes exact, bands by score, `overall_rank: false`.
///
/// Round 2 overall, by final: 高新区 93.00 (1), 市财政局 92.00 (2), 湟中区 91.00 (3),
/// 城西区 and 经开区 90.00 (4, tied), 市发改委 89.33 (6), 大通县 88.67 (7), 城东区 87.00 (8),
/// 城中区 85.00 (9), 市交通局 84.67 (10). Within categories: 县区 湟中区 1, 城西区 2, 大通县 3,
/// 城东区 4, 城中区 5; 部门 市财政局 1, 市发改委 2, 市交通局 3; 园区 高新区 1, 经开区 2.
///
/// Changes (round 1's rank − round 2's; positive = 进位):
/// - 高新区 7 − 1 = +6; category 2 − 1 = +1
/// - 市财政局 6 − 2 = +4; 2 − 1 = +1
/// - 湟中区 10 − 3 = +7; 5 − 1 = +4
/// - 城西区 4 − 4 = 0; 2 − 2 = 0
/// - 经开区 3 − 4 = −1; 1 − 2 = −1
/// - 市发改委 1 − 6 = −5; 1 − 2 = −1
/// - 城东区 2 − 8 = −6; 1 − 4 = −3
/// - 城中区 4 − 9 = −5; 2 − 5 = −3
/// - 市交通局 8 − 10 = −2; 3 − 3 = 0
/// - 大通县: not in round 1 → null, null (and 城北区, not in round 2, has no result at all)
///
/// Bands by score (好 ≥ 90, 较好 ≥ 85, 一般 below): 好 for 93, 92, 91, 90, 90 (经开区 and
/// 城西区 exactly on 90); 较好 for 89.33, 88.67, 87.00 and 城中区's 85.00 (on the boundary);
/// 一般 for 市交通局's 84.67.
#[test]
fn round_two_has_exact_rank_changes_and_round_one_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let one = round_one(dir.path());
    let before = std::fs::read(&one).unwrap();
    let (w, notice) = round_two(dir.path(), true);
    // The notice `podium run` shows says what was copied.
    assert!(notice.contains("一季度比晒拼创汇报会"), "{notice}");
    assert!(notice.contains("10"), "{notice}");
    // The copy is in the link, the session's first event.
    let EventKind::PreviousLinked {
        previous: linked,
        results: Some(copied),
        ..
    } = &w.session().events()[0].kind
    else {
        panic!("the first event: {:?}", w.session().events()[0].kind)
    };
    assert_eq!(linked.path, "round1.session.json");
    assert_eq!(linked.sha256, previous::sha256_hex(&before));
    assert!(copied.published);
    assert_eq!(copied.decimals, 2);
    assert_eq!(copied.units.len(), 10);
    assert_eq!(copied.units[0].unit, "市发改委", "in ranking order");
    let huangzhong = copied.unit("湟中区").unwrap();
    assert_eq!(
        (
            huangzhong.final_score,
            huangzhong.rank,
            huangzhong.category_rank,
            huangzhong.band.as_deref()
        ),
        (Some(84.0), Some(10), Some(5), Some("一般"))
    );
    assert_eq!(
        copied.unit("城北区").unwrap().category.as_deref(),
        Some("县区")
    );

    let record = record(&w, "2026-06-30T12:00:00+08:00");
    let expected: [Expected; 10] = [
        ("高新区", 93.00, 1, 1, "好", Some(6), Some(1)),
        ("市财政局", 92.00, 2, 1, "好", Some(4), Some(1)),
        ("湟中区", 91.00, 3, 1, "好", Some(7), Some(4)),
        ("城西区", 90.00, 4, 2, "好", Some(0), Some(0)),
        ("经开区", 90.00, 4, 2, "好", Some(-1), Some(-1)),
        ("市发改委", 89.33, 6, 2, "较好", Some(-5), Some(-1)),
        ("大通县", 88.67, 7, 3, "较好", None, None),
        ("城东区", 87.00, 8, 4, "较好", Some(-6), Some(-3)),
        ("城中区", 85.00, 9, 5, "较好", Some(-5), Some(-3)),
        ("市交通局", 84.67, 10, 3, "一般", Some(-2), Some(0)),
    ];
    for (unit, f, rank, cat, band, change, cat_change) in expected {
        assert_eq!(
            placed(&record, unit),
            (f, rank, cat, band.to_string()),
            "round 2, {unit}"
        );
        assert_eq!(changes(&record, unit), (change, cat_change), "{unit}");
    }
    // The previous figures beside them, as round 1 published them.
    let r = result(&record, "湟中区");
    assert_eq!(r["previous_final"], 84.0);
    assert_eq!(r["previous_rank"], 10);
    assert_eq!(r["previous_category_rank"], 5);
    let r = result(&record, "大通县");
    assert!(r["previous_final"].is_null() && r["previous_rank"].is_null());
    assert!(r["previous_category_rank"].is_null());
    // `overall_rank: false` hides the overall rank from people, not from the record.
    assert_eq!(
        w.session()
            .plan()
            .scoring
            .as_ref()
            .and_then(|s| s.overall_rank),
        Some(false)
    );
    let ranking = record["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 10, "城北区 is not in round 2");
    assert_eq!(ranking[0]["unit"], "高新区");
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(ranking[0]["rank_change"], 6);
    assert_eq!(ranking[2]["unit"], "湟中区");
    assert_eq!(ranking[2]["rank_change"], 7);
    let datong = ranking.iter().find(|r| r["unit"] == "大通县").unwrap();
    assert!(datong.get("rank_change").is_none(), "{datong}");
    // The copy in the record.
    assert_eq!(
        record["previous"]["results"]["units"][0]["unit"],
        "市发改委"
    );
    w.close(at("2026-06-30T12:00:00+08:00")).unwrap();
    assert_eq!(
        std::fs::read(&one).unwrap(),
        before,
        "round 1's file is byte-identical after round 2"
    );
}

/// Round 1 corrected after round 2 was created and scored, before round 2 publishes
/// (湟中区's sheets typed up late: 84.00 → 88.00); `podium run round2.session.json --previous
/// round1.session.json` on round 2 copies the results again (`check_resumed`, then `recopy`,
/// as run.rs does).
///
/// Round 1 then: 市发改委 93.00 (1), 城东区 92.00 (2), 经开区 91.33 (3), 城西区/城中区 89.00
/// (4), 市财政局 88.33 (6), 湟中区 88.00 (7), 高新区 87.00 (8), 市交通局 86.00 (9), 城北区
/// 85.67 (10); 县区: 城东区 1, 城西区/城中区 2, 湟中区 4, 城北区 5. Bands (县区 places 1–2 好,
/// 3–4 较好, 5 一般): 湟中区 较好, 城北区 一般.
///
/// Round 2's changes now: 湟中区 7 − 3 = +4, category 4 − 1 = +3; 高新区 8 − 1 = +7 (category
/// unchanged: 2 − 1 = +1); 市交通局 9 − 10 = −1 (category 3 − 3 = 0); 市财政局 still 6 − 2 = +4.
#[test]
fn a_late_correction_of_round_one_is_copied_again_and_undo_never_crosses_the_copies() {
    let dir = tempfile::tempdir().unwrap();
    let one = round_one(dir.path());
    let (w, _) = round_two(dir.path(), false);
    let two = w.paths().session.clone();
    w.close(at("2026-06-30T12:00:00+08:00")).unwrap();
    // The late correction, in round 1's own session.
    let t = at("2026-07-02T10:00:00+08:00");
    let (mut w1, _) = Writer::open(&one, t).unwrap();
    w1.execute(
        &Command::Unlock {
            reason: "补录迟交评分".into(),
        },
        t,
    )
    .unwrap();
    score(&mut w1, &[("湟中区", LATE)], t);
    w1.execute(&Command::Publish, t).unwrap();
    w1.close(t).unwrap();
    let corrected = sha(&one);

    // Resumed with --previous: the binary checks the link, then copies again.
    let t = at("2026-07-03T09:00:00+08:00");
    let (mut w, _) = Writer::open(&two, t).unwrap();
    let seq = w.session().last_seq();
    previous::check_resumed(w.session(), &two, &one, Lang::Zh, t).expect("the same file");
    let notice = previous::recopy(&mut w, &one, Lang::Zh, t).expect("copied again");
    assert!(notice.contains("一季度比晒拼创汇报会"), "{notice}");
    assert_eq!(w.session().last_seq(), seq + 1, "one event");
    let last = w.session().events().last().unwrap();
    let EventKind::PreviousResultsCopied { sha256, results } = &last.kind else {
        panic!("the copy: {:?}", last.kind)
    };
    assert_eq!(sha256, &corrected);
    assert_eq!(results.unit("湟中区").unwrap().final_score, Some(88.0));
    assert_eq!(
        results.unit("湟中区").unwrap().band.as_deref(),
        Some("较好")
    );
    assert_eq!(
        results.unit("城北区").unwrap().band.as_deref(),
        Some("一般")
    );
    assert_eq!(sha(&one), corrected, "round 1 only read");

    let record = record(&w, "2026-07-03T09:00:00+08:00");
    assert_eq!(changes(&record, "湟中区"), (Some(4), Some(3)));
    assert_eq!(changes(&record, "高新区"), (Some(7), Some(1)));
    assert_eq!(changes(&record, "市交通局"), (Some(-1), Some(0)));
    assert_eq!(changes(&record, "市财政局"), (Some(4), Some(1)));
    assert_eq!(changes(&record, "大通县"), (None, None));
    assert_eq!(result(&record, "湟中区")["previous_final"], 88.0);
    assert_eq!(result(&record, "湟中区")["previous_rank"], 7);
    assert_eq!(record["previous"]["results"]["units"][6]["unit"], "湟中区");

    // Undo does not take the copy back (nor anything before it).
    assert!(matches!(
        w.execute(&Command::Undo, t),
        Err(ExecError::Refused(_))
    ));
    assert_eq!(w.session().last_seq(), seq + 1);
    // The round before's ranking on the stage, from the copy; and down again.
    w.execute(&Command::ShowPrevious { shown: true }, t)
        .expect("shown");
    assert!(w.session().state().stage.previous_shown);
    w.execute(&Command::ShowPrevious { shown: false }, t)
        .expect("taken down");
    assert!(!w.session().state().stage.previous_shown);
    // Copied once more with nothing changed in round 1: another event, the same figures.
    previous::recopy(&mut w, &one, Lang::Zh, t).expect("copied again");
    assert!(matches!(
        w.session().events().last().unwrap().kind,
        EventKind::PreviousResultsCopied { .. }
    ));
    assert!(matches!(
        w.execute(&Command::Undo, t),
        Err(ExecError::Refused(_))
    ));
    // Round 2 published with the figures of the copy.
    w.execute(&Command::Publish, t).unwrap();
    let record = self::record(&w, "2026-07-03T09:00:00+08:00");
    assert_eq!(record["results_published"], true);
    assert_eq!(changes(&record, "湟中区"), (Some(4), Some(3)));
    w.close(t).unwrap();
    assert_eq!(
        sha(&one),
        corrected,
        "round 1 byte-identical after re-copying"
    );
    // The copies survive a reopen (they are in the file).
    let reread = store::read(&two).unwrap();
    assert_eq!(
        reread
            .state()
            .previous_results
            .as_ref()
            .and_then(|r| r.unit("湟中区"))
            .and_then(|u| u.rank),
        Some(7)
    );
}

/// The binary: `podium report round2.session.json --format json` shows the fields; `--public`
/// has no individual scores, no trimmed names, and no name of a reviewer who made no remark
/// (the internal record has them all).
#[test]
fn podium_report_shows_the_series_fields_and_public_names_no_silent_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let one = round_one(dir.path());
    let before = sha(&one);
    let (w, _) = round_two(dir.path(), true);
    w.close(at("2026-06-30T12:00:00+08:00")).unwrap();
    let json = |public: bool| {
        let mut args = vec![
            "report",
            "round2.session.json",
            "--format",
            "json",
            "--lang",
            "zh",
        ];
        if public {
            args.push("--public");
        }
        let out = podium(dir.path(), &args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        (
            text(&out.stdout),
            serde_json::from_slice::<Value>(&out.stdout).expect("JSON"),
        )
    };
    let (internal_text, internal) = json(false);
    let (public_text, public) = json(true);
    for record in [&internal, &public] {
        assert_eq!(changes(record, "湟中区"), (Some(7), Some(4)));
        assert_eq!(changes(record, "大通县"), (None, None));
        assert_eq!(placed(record, "城中区"), (85.0, 9, 5, "较好".to_string()));
        assert_eq!(result(record, "湟中区")["previous_final"], 84.0);
        assert_eq!(result(record, "湟中区")["previous_category_rank"], 5);
        assert_eq!(record["ranking"][0]["rank_change"], 6);
        assert_eq!(record["ranking"][0]["category"], "园区");
        assert_eq!(record["previous"]["results"]["published"], true);
        // Remarks are public statements, with their speaker.
        assert!(
            record["units"]
                .as_array()
                .unwrap()
                .iter()
                .any(|u| u["remarks"][0]["reviewer"] == "梁晗鹍")
        );
    }
    // The internal record keeps who scored what and who was trimmed.
    assert!(internal["units"][0]["scores"].is_object());
    assert!(result(&internal, "城东区")["trimmed"].is_array());
    for name in REVIEWERS {
        assert!(internal_text.contains(name), "internal: {name}");
    }
    // The public one: none of it.
    for u in public["units"].as_array().unwrap() {
        assert!(u.get("scores").is_none(), "{u}");
        if let Some(r) = u.get("result") {
            assert!(r.get("trimmed").is_none(), "{r}");
        }
    }
    for name in &REVIEWERS[1..] {
        assert!(!public_text.contains(name), "--public names {name}");
    }
    assert_eq!(sha(&one), before);
}

/// `podium run round2.session.json --previous round1.session.json` on the existing round 2,
/// in a terminal: the results are copied again with one event and the console says so (not
/// only the standard error, which the console's screen hides).
#[test]
fn podium_run_previous_on_an_existing_session_copies_again_and_the_console_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let one = round_one(dir.path());
    let before = sha(&one);
    let (w, _) = round_two(dir.path(), false);
    let two = w.paths().session.clone();
    w.close(at("2026-06-30T12:00:00+08:00")).unwrap();
    let events = store::read(&two).unwrap().events().len();
    let mut t = Term::spawn_sized(
        dir.path(),
        &[
            "run",
            "round2.session.json",
            "--previous",
            "round1.session.json",
            "--lang",
            "zh",
        ],
        200,
        40,
    );
    // The console's own banner (the agenda is on the screen, the terminal's line is not).
    t.wait_until(
        "the console says the results were copied again",
        TIMEOUT,
        |s| {
            s.contains("城东区")
                && s.contains("已重新复制上次会议《一季度比晒拼创汇报会》的测评结果")
                && !s.contains("podium: 已重新复制")
        },
    );
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    let after = store::read(&two).unwrap();
    let copies: Vec<_> = after.events()[events..]
        .iter()
        .filter(|e| matches!(e.kind, EventKind::PreviousResultsCopied { .. }))
        .collect();
    assert_eq!(copies.len(), 1, "{:?}", &after.events()[events..]);
    let EventKind::PreviousResultsCopied { sha256, .. } = &copies[0].kind else {
        unreachable!()
    };
    assert_eq!(sha256, &before);
    assert_eq!(sha(&one), before, "round 1 only read");
}

/// `podium check` says the categories with their units, the bands and `overall_rank: false`.
#[test]
fn podium_check_says_the_categories_the_bands_and_the_overall_rank() {
    let dir = tempfile::tempdir().unwrap();
    round_one(dir.path());
    plan_in(dir.path(), "round2.plan.json");
    let check = |plan: &str, lang: &str| {
        let out = podium(dir.path(), &["check", plan, "--lang", lang]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let one = check("round1.plan.json", "zh");
    assert!(
        one.contains("类别 3 个：县区 5、部门 3、园区 2（各类别分别排名）\n"),
        "{one}"
    );
    assert!(
        one.contains("等次按比例：好 30%、较好 40%、一般（各类别分别计算"),
        "{one}"
    );
    assert!(!one.contains("不显示总排名"), "{one}");
    let two = check("round2.plan.json", "zh");
    assert!(two.contains("类别 3 个：县区 5、部门 3、园区 2"), "{two}");
    assert!(two.contains("等次：好 ≥90、较好 ≥85、一般\n"), "{two}");
    assert!(two.contains("不显示总排名"), "{two}");
    // The meeting before it follows, found beside the plan.
    assert!(two.contains("接续上次会议：round1.session.json"), "{two}");
    assert!(
        two.contains("上次会议测评结果：10 个单位（已公布），用于较上期\n"),
        "{two}"
    );
    assert!(!one.contains("上次会议测评结果"), "{one}");
    let en = check("round2.plan.json", "en");
    assert!(
        en.contains("3 categories: 县区 5, 部门 3, 园区 2 (ranked within each category)\n"),
        "{en}"
    );
    assert!(
        en.contains("bands by score: 好 ≥90, 较好 ≥85, 一般\n"),
        "{en}"
    );
    assert!(en.contains("the overall rank is not shown"), "{en}");
    let en = check("round1.plan.json", "en");
    assert!(
        en.contains("bands by quota: 好 30%, 较好 40%, 一般 (within each category"),
        "{en}"
    );
}

/// Every text inside an xlsx (its XML parts, unpacked).
fn xlsx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut part, &mut text).is_ok() {
            out.push_str(&text);
        }
    }
    out
}

/// `--public` in every format names none of the reviewers who made no remark (金玉, 潘功发,
/// 祁向东, 马海燕 score every unit and are trimmed in turn); the internal outputs do name them,
/// so the search is not vacuous. 梁晗鹍 made a remark: a public statement, kept.
#[test]
fn every_public_format_of_round_two_names_no_silent_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    round_one(dir.path());
    let (w, _) = round_two(dir.path(), true);
    w.close(at("2026-06-30T12:00:00+08:00")).unwrap();
    for format in ["json", "md", "csv", "xlsx"] {
        for public in [false, true] {
            let out_file = format!("out-{public}.{format}");
            let mut args = vec![
                "report",
                "round2.session.json",
                "--format",
                format,
                "--lang",
                "zh",
                "-o",
                &out_file,
            ];
            if public {
                args.push("--public");
            }
            let out = podium(dir.path(), &args);
            assert!(out.status.success(), "{format}: {}", text(&out.stderr));
            let bytes = std::fs::read(dir.path().join(&out_file)).expect("written");
            let said = if format == "xlsx" {
                xlsx_text(&bytes)
            } else {
                text(&bytes)
            };
            let named: Vec<&str> = REVIEWERS[1..]
                .iter()
                .copied()
                .filter(|r| said.contains(r))
                .collect();
            if public {
                assert!(named.is_empty(), "{format} --public names {named:?}");
                if format != "csv" {
                    assert!(
                        said.contains("梁晗鹍"),
                        "{format} --public: the remark's speaker"
                    );
                }
            } else if format != "csv" {
                assert!(
                    !named.is_empty(),
                    "{format}: the internal output names the raters"
                );
            }
        }
    }
}

/// `podium run round2.plan.json` in a terminal: a new session linked by the plan's `previous`,
/// round 1's results copied in its first event, and the console's banner says so.
#[test]
fn podium_run_links_a_new_round_by_the_plans_previous_and_says_the_results_were_copied() {
    let dir = tempfile::tempdir().unwrap();
    let one = round_one(dir.path());
    let before = sha(&one);
    plan_in(dir.path(), "round2.plan.json");
    let mut t = Term::spawn_sized(
        dir.path(),
        &["run", "round2.plan.json", "--lang", "zh"],
        200,
        40,
    );
    t.wait_until("the console says the results were copied", TIMEOUT, |s| {
        s.contains("城东区")
            && s.contains("复制上期测评结果 10 个单位")
            && !s.contains("podium: 已接续")
    });
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    // The plan `round2.plan.json`'s session.
    let two = store::read(&dir.path().join("round2.plan.session.json")).unwrap();
    let EventKind::PreviousLinked {
        previous: linked,
        results: Some(results),
        ..
    } = &two.events()[0].kind
    else {
        panic!("the first event: {:?}", two.events()[0].kind)
    };
    assert_eq!(linked.sha256, before);
    assert_eq!(results.units.len(), 10);
    assert!(results.published);
    assert_eq!(sha(&one), before, "round 1 only read");
}
