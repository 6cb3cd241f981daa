//! Properties of scoring (issue 4):
//!
//! (a) the results — finals, ranks, ties, flags, who was trimmed — do not depend on the order
//!     in which scores were entered, nor on how they were batched, nor on wrong values typed
//!     first and corrected later; and the ranking is a standard competition ranking;
//! (b) an import then an export round-trips: random scores written as a long-format score file
//!     (CSV in UTF-8, UTF-8 with a BOM or GB18030, English or Chinese headers; or XLSX), read
//!     with `import::read_table` + `import::scores`, entered with `Command::SetScores`, exported
//!     as the workbook's 评分 sheet (`report::xlsx::workbook`) and read back with calamine,
//!     give exactly the original values.

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Duration};
use podium::decimal::{parse_typed, plain};
use podium::import;
use podium::plan::Plan;
use podium::report;
use podium::session::record::Record;
use podium::session::{Command, ScoreEntry, Session, Time};
use podium::strings::Lang;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Cursor;

fn t(seconds: i64) -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap() + Duration::seconds(seconds)
}

const MAX_UNITS: usize = 4;
const MAX_REVIEWERS: usize = 7;
const MAX_CRITERIA: usize = 3;
const CELLS: usize = MAX_UNITS * MAX_REVIEWERS * MAX_CRITERIA;

/// Steps in ten-thousandths: 0.01, 0.25, 0.5, 1.
const STEPS: [i64; 4] = [100, 2_500, 5_000, 10_000];
const MAXES: [i64; 4] = [10, 30, 40, 50];
const KEYS: [&str; 4] = [
    "untrimmed_mean",
    "less_overtime",
    "group:G1",
    "criterion:C1",
];

/// A random scoring setup.
#[derive(Debug, Clone)]
struct Setup {
    units: usize,
    reviewers: usize,
    /// Group (0 or 1) of each reviewer; one group when `two_groups` is false.
    groups: Vec<usize>,
    two_groups: bool,
    weight: i64,
    criteria: Vec<i64>,
    step: i64,
    trim: i64,
    trim_extra: Option<i64>,
    decimals: i64,
    tie_break: Vec<usize>,
    /// (unit, reviewer) pairs recused, by index into a unit × reviewer grid.
    recused: Vec<bool>,
}

/// Unit names, one with a comma and quotes, so the CSV must quote it.
fn unit_name(u: usize) -> String {
    match u {
        0 => "市财政局".into(),
        1 => "城郊街道办事处（含\"引号\",逗号）".into(),
        2 => "市发改局".into(),
        _ => format!("单位{u}"),
    }
}

fn reviewer_name(r: usize) -> String {
    format!("评委{}", r + 1)
}

fn criterion_name(c: usize) -> String {
    ["C1", "对目标", "争一流"][c].into()
}

fn setup() -> impl Strategy<Value = Setup> {
    (
        1..=MAX_UNITS,
        2..=MAX_REVIEWERS,
        proptest::collection::vec(0..2usize, MAX_REVIEWERS),
        any::<bool>(),
        1..=99i64,
        proptest::collection::vec(proptest::sample::select(&MAXES[..]), 1..=MAX_CRITERIA),
        proptest::sample::select(&STEPS[..]),
        0..=2i64,
        proptest::option::of(0..=2i64),
        0..=3i64,
        proptest::sample::subsequence(vec![0usize, 1, 2, 3], 0..=4),
        proptest::collection::vec(proptest::bool::weighted(0.1), MAX_UNITS * MAX_REVIEWERS),
    )
        .prop_map(
            |(
                units,
                reviewers,
                groups,
                two_groups,
                weight,
                criteria,
                step,
                trim,
                trim_extra,
                decimals,
                tie_break,
                recused,
            )| Setup {
                units,
                reviewers,
                groups,
                two_groups,
                weight,
                criteria,
                step,
                trim,
                trim_extra,
                decimals,
                tie_break,
                recused,
            },
        )
}

impl Setup {
    fn recused(&self, u: usize, r: usize) -> bool {
        self.recused[u * MAX_REVIEWERS + r]
    }

    fn plan(&self) -> Plan {
        let group_name = |g: usize| if g == 0 { "G1" } else { "G2" };
        let reviewers: Vec<Value> = (0..self.reviewers)
            .map(|r| {
                let recused: Vec<String> = (0..self.units)
                    .filter(|u| self.recused(*u, r))
                    .map(unit_name)
                    .collect();
                let group = if self.two_groups { self.groups[r] } else { 0 };
                json!({"name": reviewer_name(r), "group": group_name(group), "recused": recused})
            })
            .collect();
        let groups = if self.two_groups {
            json!([{"name": "G1", "weight": self.weight}, {"name": "G2", "weight": 100 - self.weight}])
        } else {
            json!([{"name": "G1", "weight": 100}])
        };
        let mut scoring = json!({
            "criteria": self.criteria.iter().enumerate()
                .map(|(c, max)| json!({"name": criterion_name(c), "max": max}))
                .collect::<Vec<_>>(),
            "step": self.step as f64 / 10_000.0,
            "groups": groups,
            "trim": self.trim,
            "decimals": self.decimals,
            "tie_break": self.tie_break.iter().map(|k| KEYS[*k]).collect::<Vec<_>>(),
        });
        if let Some(extra) = self.trim_extra {
            scoring["trim_min"] = json!(2 * self.trim + 1 + extra);
        }
        let plan: Plan = serde_json::from_value(json!({
            "title": "性质测试",
            "units": (0..self.units).map(|u| json!({"name": unit_name(u)})).collect::<Vec<_>>(),
            "reviewers": reviewers,
            "scoring": scoring
        }))
        .expect("the generated plan parses");
        let errors: Vec<_> = plan.validate().into_iter().filter(|f| !f.warning).collect();
        assert!(errors.is_empty(), "generated plan invalid: {errors:?}");
        plan
    }

    /// The scores: every cell (unit, reviewer, criterion) not recused whose `present` flag is
    /// set, valued `pick mod (max/step + 1)` steps. In canonical order.
    fn entries(&self, cells: &[(bool, u32)]) -> Vec<ScoreEntry> {
        let mut out = Vec::new();
        for u in 0..self.units {
            for r in 0..self.reviewers {
                if self.recused(u, r) {
                    continue;
                }
                for (c, max) in self.criteria.iter().enumerate() {
                    let (present, pick) = cells[(u * MAX_REVIEWERS + r) * MAX_CRITERIA + c];
                    if !present {
                        continue;
                    }
                    let steps = max * 10_000 / self.step;
                    out.push(ScoreEntry {
                        unit: unit_name(u),
                        reviewer: reviewer_name(r),
                        criterion: criterion_name(c),
                        value: (pick as i64 % (steps + 1)) * self.step,
                    });
                }
            }
        }
        out
    }

    /// A different valid value for the same cell (a typo to be corrected later).
    fn other_value(&self, e: &ScoreEntry) -> i64 {
        let c = (0..self.criteria.len())
            .find(|c| criterion_name(*c) == e.criterion)
            .unwrap();
        let steps = self.criteria[c] * 10_000 / self.step;
        ((e.value / self.step + 1) % (steps + 1)) * self.step
    }
}

fn cells() -> impl Strategy<Value = Vec<(bool, u32)>> {
    proptest::collection::vec((proptest::bool::weighted(0.85), any::<u32>()), CELLS)
}

fn record(session: &Session) -> Value {
    serde_json::to_value(Record::of(session, t(3600))).unwrap()
}

/// Units' results and the ranking: what must not depend on the order of entry.
fn results(rec: &Value) -> (Vec<(Value, Value)>, Value) {
    let units = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["name"].clone(), u["result"].clone()))
        .collect();
    (units, rec["ranking"].clone())
}

/// The ranking is a standard competition ranking (1, 2, 2, 4), units without a final last.
fn check_competition_ranking(rec: &Value) {
    let ranking = rec["ranking"].as_array().unwrap();
    let mut seen_unranked = false;
    for (i, r) in ranking.iter().enumerate() {
        match r["rank"].as_u64() {
            None => {
                seen_unranked = true;
                assert!(r["final"].is_null(), "{r}");
                assert_eq!(r["tied"], false);
            }
            Some(rank) => {
                assert!(!seen_unranked, "a ranked unit after an unranked one");
                assert!(r["final"].is_number());
                let prev = (i > 0).then(|| &ranking[i - 1]);
                let shares = prev.is_some_and(|p| p["rank"].as_u64() == Some(rank));
                if !shares {
                    assert_eq!(rank, i as u64 + 1, "rank = 1 + units ahead: {ranking:?}");
                }
                if let Some(p) = prev {
                    assert!(p["final"].as_f64() >= r["final"].as_f64(), "{ranking:?}");
                }
                let next_shares = ranking
                    .get(i + 1)
                    .is_some_and(|n| n["rank"].as_u64() == Some(rank));
                assert_eq!(r["tied"], shares || next_shares, "{ranking:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// (a) Results do not depend on the order (or batching) of entry, nor on typos corrected.
    #[test]
    fn the_ranking_does_not_depend_on_the_order_of_entry(
        setup in setup(),
        cells in cells(),
        order in proptest::collection::vec(any::<u64>(), CELLS),
        chunks in proptest::collection::vec(1..=12usize, 1..=CELLS),
        typos in proptest::collection::vec(proptest::bool::weighted(0.2), CELLS),
    ) {
        let plan = setup.plan();
        let entries = setup.entries(&cells);

        let mut canonical = Session::new(plan.clone());
        if !entries.is_empty() {
            let events = canonical
                .decide(&Command::SetScores { entries: entries.clone() }, t(0))
                .unwrap();
            canonical.commit(events);
        }

        // Typos first (a wrong value for some cells), then every score in a random order,
        // in random batches.
        let mut shuffled = Session::new(plan);
        let wrong: Vec<ScoreEntry> = entries
            .iter()
            .zip(&typos)
            .filter(|(_, typo)| **typo)
            .map(|(e, _)| ScoreEntry { value: setup.other_value(e), ..e.clone() })
            .collect();
        let mut clock = 0;
        if !wrong.is_empty() {
            let events = shuffled.decide(&Command::SetScores { entries: wrong }, t(clock)).unwrap();
            shuffled.commit(events);
        }
        let mut permuted: Vec<(u64, ScoreEntry)> =
            order.iter().copied().zip(entries.iter().cloned()).collect();
        permuted.sort_by_key(|(k, _)| *k);
        let mut rest: Vec<ScoreEntry> = permuted.into_iter().map(|(_, e)| e).collect();
        let mut sizes = chunks.iter().cycle();
        while !rest.is_empty() {
            let n = (*sizes.next().unwrap()).min(rest.len());
            let batch: Vec<ScoreEntry> = rest.drain(..n).collect();
            clock += 1;
            let events = shuffled
                .decide(&Command::SetScores { entries: batch }, t(clock))
                .unwrap();
            shuffled.commit(events);
        }

        let (a, b) = (record(&canonical), record(&shuffled));
        prop_assert_eq!(results(&a), results(&b));
        // The scores themselves are the same too.
        let scores = |r: &Value| r["units"].as_array().unwrap().iter().map(|u| u["scores"].clone()).collect::<Vec<_>>();
        prop_assert_eq!(scores(&a), scores(&b));
        check_competition_ranking(&a);
        // And a replay of the shuffled session's events gives the same again.
        let replayed = Session::from_events(shuffled.plan().clone(), shuffled.events().to_vec());
        prop_assert_eq!(results(&record(&replayed)), results(&a));
    }
}

/// How the score file is written.
#[derive(Debug, Clone, Copy)]
enum FileKind {
    Utf8,
    Utf8Bom,
    Gb18030,
    Xlsx,
}

fn write_score_file(
    dir: &std::path::Path,
    kind: FileKind,
    chinese: bool,
    entries: &[ScoreEntry],
) -> std::path::PathBuf {
    let header = if chinese {
        ["单位", "评委", "指标", "得分"]
    } else {
        ["unit", "reviewer", "criterion", "score"]
    };
    if let FileKind::Xlsx = kind {
        let path = dir.join("scores.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (i, e) in entries.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &e.unit).unwrap();
            ws.write_string(r, 1, &e.reviewer).unwrap();
            ws.write_string(r, 2, &e.criterion).unwrap();
            // As a spreadsheet holds it: a number.
            ws.write_number(r, 3, plain(e.value).parse::<f64>().unwrap())
                .unwrap();
        }
        book.save(&path).unwrap();
        return path;
    }
    let mut text = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut text);
        w.write_record(header).unwrap();
        for e in entries {
            w.write_record([&e.unit, &e.reviewer, &e.criterion, &plain(e.value)])
                .unwrap();
        }
        w.flush().unwrap();
    }
    let text = String::from_utf8(text).unwrap();
    let bytes = match kind {
        FileKind::Utf8 => text.into_bytes(),
        FileKind::Utf8Bom => format!("\u{feff}{text}").into_bytes(),
        FileKind::Gb18030 => encoding_rs::GB18030.encode(&text).0.into_owned(),
        FileKind::Xlsx => unreachable!(),
    };
    let path = dir.join("scores.csv");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn file_kind() -> impl Strategy<Value = FileKind> {
    prop_oneof![
        Just(FileKind::Utf8),
        Just(FileKind::Utf8Bom),
        Just(FileKind::Gb18030),
        Just(FileKind::Xlsx),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// (b) Import then export: the 评分 sheet holds exactly the scores of the file.
    #[test]
    fn an_import_then_an_export_round_trips(
        setup in setup(),
        cells in cells(),
        kind in file_kind(),
        chinese in any::<bool>(),
    ) {
        let entries = setup.entries(&cells);
        prop_assume!(!entries.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let file = write_score_file(dir.path(), kind, chinese, &entries);

        let mut session = Session::new(setup.plan());
        let table = import::read_table(&file).unwrap();
        let expected_encoding = match kind {
            FileKind::Utf8 | FileKind::Utf8Bom => "UTF-8",
            FileKind::Gb18030 => "GB18030",
            FileKind::Xlsx => "XLSX",
        };
        prop_assert_eq!(table.encoding, expected_encoding);
        let imported = import::scores(&table, &session, Lang::En, None)
            .unwrap_or_else(|e| panic!("the import failed: {e:#?}"));
        prop_assert_eq!(imported.new, entries.len());
        prop_assert_eq!((imported.changed, imported.unchanged), (0, 0));
        prop_assert_eq!(&imported.scores, &entries);
        let events = session
            .decide(&Command::SetScores { entries: imported.scores }, t(0))
            .unwrap();
        session.commit(events);

        let bytes = report::xlsx::workbook(&session, t(60), Lang::Zh).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("评分").unwrap();
        let mut rows = sheet.rows();
        let header: Vec<Data> = rows.next().unwrap().to_vec();
        prop_assert_eq!(header[4].clone(), Data::String("得分".into()));
        let mut exported = BTreeMap::new();
        for row in rows {
            let text = |d: &Data| match d {
                Data::String(s) => s.clone(),
                other => panic!("text expected, got {other:?}"),
            };
            let Data::Float(v) = row[4] else { panic!("a score is a number: {row:?}") };
            let key = (text(&row[0]), text(&row[1]), text(&row[3]));
            prop_assert!(exported.insert(key, v).is_none(), "a score exported twice");
        }
        let original: BTreeMap<(String, String, String), i64> = entries
            .iter()
            .map(|e| ((e.unit.clone(), e.reviewer.clone(), e.criterion.clone()), e.value))
            .collect();
        prop_assert_eq!(exported.len(), original.len());
        for (key, value) in &original {
            let got = exported[key];
            // The number Excel holds is the one the decimal text denotes…
            prop_assert_eq!(got, plain(*value).parse::<f64>().unwrap(), "{:?}", key);
            // …and reads back as exactly the same decimal.
            prop_assert_eq!(parse_typed(&format!("{got}")), Some(*value), "{:?}", key);
        }
    }
}
