//! Scoring benchmarks: results for 100 units × 300 reviewers × 5 criteria (150,000 scores),
//! and an import of 150,000 score rows.
//!
//! `cargo bench --bench scoring` (harness = false). Plain `std::time` timing (no criterion):
//! every figure is printed as min / median / max over its runs.
//!
//! - results: `scoring::results` (every unit's totals, trimming, group means, weighted sum,
//!   penalties, then the ranking) on a session holding the 150,000 scores; beside it
//!   `Record::of` (the whole record with every score, what reports and snapshots build) and
//!   `store::snapshot_text` (the session file's text: plan, 150,000 events, record).
//! - import: a generated long-format CSV of 150,000 rows (unit, reviewer, criterion, score)
//!   read with `import::read_table`, checked with `import::scores`, then the
//!   `SetScores` command decided and committed into an empty session; and the whole
//!   `podium scores` command (`commands::scores::run`: open the session file, read, check,
//!   append the 150,000 events durably, write the snapshot, close).
//!
//! - series: a round of a series — 500 units in 20 categories, quota bands, 5 reviewers with
//!   trimming, and the round before's results copied in (`previous_linked`) —
//!   `scoring::results` (category ranks, bands, rank changes), `Record::of`, and the public
//!   workbook (`report::xlsx::workbook_for`, printable, every sheet).
//!
//! `PODIUM_BENCH_RUNS` (default 10) sets the runs of the results figures, `PODIUM_BENCH_IMPORTS`
//! (default 5) those of the import. Files go to a temp folder under Cargo's target dir, or
//! under `PODIUM_BENCH_DIR`.

mod common;
use common::{Stats, bench_dir, env_count};

use chrono::{DateTime, Duration};
use podium::import;
use podium::plan::Plan;
use podium::scoring;
use podium::session::record::Record;
use podium::session::{Command, Event, EventKind, Session, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use serde_json::json;
use std::path::Path;
use std::time::Instant;

const UNITS: usize = 100;
const REVIEWERS: usize = 300;
const CRITERIA: [(&str, i64); 5] = [
    ("明职责", 20),
    ("对目标", 20),
    ("抓落实", 20),
    ("争一流", 20),
    ("作风建设", 20),
];

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
}

fn unit_name(u: usize) -> String {
    format!("第{:03}单位", u + 1)
}

fn reviewer_name(r: usize) -> String {
    format!("评委{:03}", r + 1)
}

/// 100 units, 300 reviewers in three groups (领导 50 %, 两代表一委员 30 %, 群众代表
/// 20 %, 100 reviewers each), five criteria of 20 points, step 0.5, trim 2, penalties and
/// tie-breaks as a real plan would set them. Every reviewer scores every unit: 150,000 scores.
fn plan() -> Plan {
    let groups = ["领导", "两代表一委员", "群众代表"];
    let reviewers: Vec<_> = (0..REVIEWERS)
        .map(|r| json!({"name": reviewer_name(r), "group": groups[r % 3]}))
        .collect();
    let plan: Plan = serde_json::from_value(json!({
        "title": "百家单位述职评议（基准）",
        "units": (0..UNITS).map(|u| json!({"name": unit_name(u)})).collect::<Vec<_>>(),
        "reviewers": reviewers,
        "scoring": {
            "criteria": CRITERIA.iter().map(|(n, m)| json!({"name": n, "max": m})).collect::<Vec<_>>(),
            "step": 0.5,
            "groups": [
                {"name": "领导", "weight": 50},
                {"name": "两代表一委员", "weight": 30},
                {"name": "群众代表", "weight": 20}
            ],
            "trim": 2,
            "decimals": 2,
            "overtime": {"grace_seconds": 5, "every_seconds": 30, "points": 1, "max_points": 3},
            "tie_break": ["less_overtime", "untrimmed_mean", "group:领导"]
        }
    }))
    .expect("the bench plan parses");
    assert!(
        plan.validate().iter().all(|f| f.warning),
        "the plan is valid"
    );
    plan
}

/// Every score of the benchmark: (unit, reviewer, criterion, value in ten-thousandths),
/// a multiple of 0.5 between 12 and 20, from a fixed pseudo-random sequence.
fn scores() -> Vec<(usize, usize, usize, i64)> {
    let mut seed: u64 = 0x5EED_2026_0530;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as i64
    };
    let mut out = Vec::with_capacity(UNITS * REVIEWERS * CRITERIA.len());
    for u in 0..UNITS {
        for r in 0..REVIEWERS {
            for c in 0..CRITERIA.len() {
                // 12.0 ..= 20.0 in steps of 0.5: 17 values.
                out.push((u, r, c, 120_000 + (next() % 17) * 5_000));
            }
        }
    }
    out
}

fn score_events(data: &[(usize, usize, usize, i64)]) -> Vec<Event> {
    data.iter()
        .enumerate()
        .map(|(i, (u, r, c, v))| Event {
            seq: i as u64 + 1,
            at: t0(),
            part_of: (i > 0).then_some(1),
            by: None,
            command: None,
            elapsed_ms: None,
            kind: EventKind::ScoreSet {
                unit: unit_name(*u),
                reviewer: reviewer_name(*r),
                criterion: CRITERIA[*c].0.to_string(),
                value: podium::decimal::plain(*v),
                group: None,
                serial: None,
            },
        })
        .collect()
}

fn write_csv(path: &Path, data: &[(usize, usize, usize, i64)]) {
    let mut w = csv::Writer::from_path(path).expect("create the CSV");
    w.write_record(["unit", "reviewer", "criterion", "score"])
        .expect("write");
    for (u, r, c, v) in data {
        w.write_record([
            unit_name(*u),
            reviewer_name(*r),
            CRITERIA[*c].0.to_string(),
            podium::decimal::plain(*v),
        ])
        .expect("write");
    }
    w.flush().expect("flush");
}
fn show(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn row(label: &str, s: &Stats) {
    println!(
        "  {label:<52} {:>9} {:>9} {:>9}   (n={})",
        show(s.min),
        show(s.median),
        show(s.max),
        s.n
    );
}

fn header() {
    println!("  {:<52} {:>9} {:>9} {:>9}", "", "min", "median", "max");
}
fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let runs = env_count("PODIUM_BENCH_RUNS", 10);
    let imports = env_count("PODIUM_BENCH_IMPORTS", 5);
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-scoring-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    let dir = tmp.path();
    println!("podium scoring benchmark, files in {}", dir.display());

    let plan = plan();
    let data = scores();
    assert_eq!(data.len(), 150_000);
    println!(
        "  {UNITS} units × {REVIEWERS} reviewers × {} criteria: {} scores",
        CRITERIA.len(),
        data.len()
    );

    // ---- results ------------------------------------------------------------------------
    let events = score_events(&data);
    let start = Instant::now();
    let session = Session::from_events(plan.clone(), events);
    println!(
        "  setup: Session::from_events of {} ScoreSet events in {}",
        data.len(),
        show(ms_since(start))
    );
    let now = t0() + Duration::hours(2);
    let (mut results_t, mut record_t, mut snapshot_t) = (Vec::new(), Vec::new(), Vec::new());
    let mut snapshot_bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let results = scoring::results(session.rules(), session.plan(), session.state(), now);
        results_t.push(ms_since(start));
        assert_eq!(results.len(), UNITS);
        assert!(results.iter().all(|r| r.rank.is_some()));

        let start = Instant::now();
        let record = Record::of(&session, now);
        record_t.push(ms_since(start));
        assert_eq!(record.ranking.len(), UNITS);

        let start = Instant::now();
        let text = store::snapshot_text(&session, now);
        snapshot_t.push(ms_since(start));
        snapshot_bytes = text.len();
    }
    println!();
    println!("results of {UNITS} units × {REVIEWERS} reviewers × 5 criteria ({runs} runs):");
    header();
    row(
        "scoring::results (all units, ranked)",
        &Stats::of(results_t),
    );
    row(
        "Record::of (the record with every score)",
        &Stats::of(record_t),
    );
    row(
        &format!(
            "store::snapshot_text ({:.1} MB session file)",
            snapshot_bytes as f64 / 1e6
        ),
        &Stats::of(snapshot_t),
    );

    series(runs, now);

    // ---- import -------------------------------------------------------------------------
    let csv_path = dir.join("scores.csv");
    write_csv(&csv_path, &data);
    let csv_size = std::fs::metadata(&csv_path).map_or(0, |m| m.len());
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); 6];
    println!();
    println!("(each `podium scores` run prints its summary line)");
    for run in 0..imports {
        let empty = Session::new(plan.clone());
        let total = Instant::now();
        let start = Instant::now();
        let table = import::read_table(&csv_path).expect("read the CSV");
        times[0].push(ms_since(start));
        assert_eq!(
            table.sheets.iter().map(|s| s.rows.len()).sum::<usize>(),
            data.len()
        );

        let start = Instant::now();
        let checked = import::scores(&table, &empty, Lang::En, None).expect("every row is valid");
        times[1].push(ms_since(start));
        assert_eq!(checked.new, data.len());

        let mut session = empty;
        let start = Instant::now();
        let events = session
            .decide(
                &Command::SetScores {
                    entries: checked.scores,
                },
                now,
            )
            .expect("the scores are accepted");
        times[2].push(ms_since(start));
        assert_eq!(events.len(), data.len());

        let start = Instant::now();
        session.commit(events);
        times[3].push(ms_since(start));
        times[4].push(ms_since(total));

        // The whole `podium scores` command on a fresh session file.
        let path = dir.join(format!("run{run}.session.json"));
        Writer::create(&path, plan.clone(), t0())
            .and_then(|w| w.close(t0()))
            .expect("create the session");
        let start = Instant::now();
        podium::commands::scores::run(
            &path,
            &csv_path,
            None,
            podium::strings::Choice(Some(podium::strings::Lang::En)),
        )
        .expect("podium scores");
        times[5].push(ms_since(start));
        let back = store::read(&path).expect("read back");
        assert_eq!(back.events().len(), data.len());
    }
    println!();
    println!(
        "import of {} score rows ({:.1} MB CSV, {imports} runs):",
        data.len(),
        csv_size as f64 / 1e6
    );
    header();
    let labels = [
        "import::read_table (read, decode, parse the CSV)",
        "import::scores (check every row)",
        "Session::decide(SetScores)",
        "Session::commit (fold 150,000 events)",
        "read + check + decide + commit",
        "podium scores (all of it + durable write + snapshot)",
    ];
    for (label, t) in labels.iter().zip(times) {
        row(label, &Stats::of(t));
    }
}

/// A round of a series: 500 units in 20 categories (25 each), quota bands, five reviewers
/// (trim 1), every unit scored, and the round before's results (every unit, ranks reversed)
/// copied in as the session's first event.
fn series(runs: usize, now: Time) {
    use podium::session::{PreviousMeeting, PreviousResult, PreviousResults};
    const N: usize = 500;
    const CATEGORIES: usize = 20;
    let units: Vec<_> = (0..N)
        .map(|u| json!({"name": unit_name(u), "category": format!("类别{:02}", u % CATEGORIES)}))
        .collect();
    let reviewers: Vec<_> = (0..5).map(|r| json!({"name": reviewer_name(r)})).collect();
    let plan: Plan = serde_json::from_value(json!({
        "version": 4,
        "title": "比晒拼创（基准）",
        "units": units,
        "reviewers": reviewers,
        "scoring": {
            "trim": 1,
            "decimals": 2,
            "bands": {"by": "quota", "levels": [
                {"name": "好", "percent": 30}, {"name": "较好", "percent": 50}, {"name": "一般"}
            ]}
        }
    }))
    .expect("the series plan parses");
    let mut session = Session::new(plan);
    let previous = PreviousResults {
        published: true,
        decimals: 2,
        units: (0..N)
            .map(|u| PreviousResult {
                unit: unit_name(u),
                category: Some(format!("类别{:02}", u % CATEGORIES)),
                final_score: Some(60.0 + (u % 40) as f64),
                rank: Some(N - u),
                category_rank: Some(N / CATEGORIES - u / CATEGORIES),
                band: None,
            })
            .collect(),
    };
    let link = Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "上一轮".into(),
            date: Some("2026-03-30".into()),
            path: "r1.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: Vec::new(),
        results: Some(Box::new(previous)),
    };
    let events = session.decide(&link, t0()).expect("linked");
    session.commit(events);
    let entries = (0..N)
        .flat_map(|u| {
            (0..5).map(move |r| podium::session::ScoreEntry {
                unit: unit_name(u),
                reviewer: reviewer_name(r),
                criterion: podium::strings::cli::DEFAULT_CRITERION.into(),
                value: (70 + ((u * 7 + r * 13) % 30) as i64) * scoring::ONE,
            })
        })
        .collect();
    let events = session
        .decide(&Command::SetScores { entries }, t0())
        .expect("scored");
    session.commit(events);
    let (mut results_t, mut record_t, mut xlsx_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = Instant::now();
        let results = scoring::results(session.rules(), session.plan(), session.state(), now);
        results_t.push(ms_since(start));
        assert!(
            results
                .iter()
                .all(|r| r.category_rank.is_some() && r.band.is_some())
        );
        assert!(results.iter().all(|r| r.rank_change.is_some()));

        let start = Instant::now();
        let record = Record::of(&session, now);
        record_t.push(ms_since(start));
        assert_eq!(record.ranking.len(), N);

        let start = Instant::now();
        let bytes = podium::report::xlsx::workbook_for(&session, now, Lang::Zh, true)
            .expect("the workbook");
        xlsx_t.push(ms_since(start));
        assert!(!bytes.is_empty());
    }
    println!();
    println!(
        "a series' round: {N} units in {CATEGORIES} categories, quota bands, the round before copied ({runs} runs):"
    );
    header();
    row(
        "scoring::results (category ranks, bands, changes)",
        &Stats::of(results_t),
    );
    row("Record::of", &Stats::of(record_t));
    row("xlsx::workbook_for (public, printable)", &Stats::of(xlsx_t));
}
