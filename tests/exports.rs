//! The command line on the acceptance meeting: `podium scores` imports the paper score sheets
//! (`tests/fixtures/acceptance/scores.csv`) into a session built here with `store::Writer`, and
//! `podium report` gives the finals and ranks computed by hand (expected.tsv) as JSON, CSV
//! (read back with the csv crate), XLSX (read back with calamine) and Markdown. Then the
//! import's edges: GB18030 and BOM files, bad rows (every error with its row and column,
//! nothing written), a second import (unchanged), a locked session, and `podium import` of a
//! unit list.

mod common {
    pub mod forks;
}

use calamine::{Data, Reader};
use chrono::{DateTime, Duration};
use podium::planfile;
use podium::session::{Command, Time};
use podium::store::Writer;
use podium::strings::Lang;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The acceptance meeting's data, carried in the repository (`tests/fixtures/acceptance`).
fn acceptance(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acceptance")
        .join(name)
}

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

/// Runs the real binary with a neutral locale (the language comes from `--lang`).
fn podium<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    common::forks::output(&mut podium_command(args))
}

/// The real binary with a neutral locale; started through `common::forks`, since the tests
/// here hold writers of their own.
fn podium_command<I, S>(args: I) -> std::process::Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_podium"));
    command
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG");
    command
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Must succeed; returns stdout.
fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "podium failed ({}):\nstdout: {}\nstderr: {}",
        o.status,
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

/// The names in `dir`, sorted.
fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A copy of the acceptance plan in `dir` and a new session for it, built with
/// `Writer::create`; `talks` may time talks in it before the clean close.
fn session_with(dir: &Path, talks: impl FnOnce(&mut Writer)) -> PathBuf {
    let plan_path = dir.join("plan.json");
    std::fs::copy(acceptance("plan.json"), &plan_path).unwrap();
    let text = std::fs::read_to_string(&plan_path).unwrap();
    let loaded = planfile::parse("plan.json", &text, Lang::En).expect("the acceptance plan loads");
    let path = dir.join("plan.session.json");
    let _no_process_starts = common::forks::exclusive();
    let mut writer = Writer::create(&path, loaded.plan, t0()).unwrap();
    talks(&mut writer);
    writer.close(t0() + Duration::minutes(30)).unwrap();
    path
}

fn session(dir: &Path) -> PathBuf {
    session_with(dir, |_| {})
}

fn import_acceptance_scores(session: &Path) -> String {
    ok(scores_cmd(session, &acceptance("scores.csv"), "en"))
}

fn report_json(session: &Path) -> Value {
    let out = ok(podium([
        "report".as_ref(),
        session.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]));
    serde_json::from_str(&out).expect("the report is JSON")
}

/// expected.tsv: unit → (final, rank).
fn expected() -> BTreeMap<String, (f64, u64)> {
    std::fs::read_to_string(acceptance("expected.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_string(),
                (f[1].parse().unwrap(), f[2].parse().unwrap()),
            )
        })
        .collect()
}

/// The record's units: name → (final, rank).
fn finals(record: &Value) -> BTreeMap<String, (f64, u64)> {
    record["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let r = &u["result"];
            (
                u["name"].as_str().unwrap().to_string(),
                (r["final"].as_f64().unwrap(), r["rank"].as_u64().unwrap()),
            )
        })
        .collect()
}

fn result<'a>(record: &'a Value, unit: &str) -> &'a Value {
    &record["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == unit)
        .unwrap()["result"]
}

/// The acceptance session with the 156 scores imported (no talk timed).
fn scored(dir: &Path) -> PathBuf {
    let s = session(dir);
    import_acceptance_scores(&s);
    s
}

// ---------------------------------------------------------------------------------------
// The acceptance meeting
// ---------------------------------------------------------------------------------------

#[test]
fn acceptance_scores_import_and_the_ranking_is_as_computed_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let out = import_acceptance_scores(&s);
    assert!(
        out.contains("(UTF-8): 156 rows — 156 new, 0 changed, 0 unchanged"),
        "{out}"
    );
    let rec = report_json(&s);
    // expected.tsv assumes unit 1 (市财政局) ran about 8 s over its 3 s limit: a 1-point
    // penalty (grace 5 s; ⌈8/30⌉ = 1 step × 1 point). No talk ran in this session, so
    // 市财政局 keeps its whole score: 91.10 (see docs/SCORING.md) instead of 90.10, and it
    // ranks 1st, ahead of 市税务局 (91.05), which becomes 2nd. Every other unit as expected.
    let mut want = expected();
    want.insert("市财政局".into(), (91.10, 1));
    want.insert("市税务局".into(), (91.05, 2));
    assert_eq!(finals(&rec), want);
    let r = result(&rec, "市财政局");
    assert_eq!(r["penalty"].as_f64(), Some(0.0));
    assert_eq!(r["score"].as_f64(), Some(91.1));
    assert_eq!(r["tied"], false);
    assert_eq!(
        rec["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["unit"].as_str().unwrap())
            .collect::<Vec<_>>(),
        [
            "市财政局",
            "市税务局",
            "城郊街道办事处",
            "市交通运输局",
            "市人社局",
            "市发改局",
            "市应急管理局"
        ]
    );
    // The steps of the worked example in docs/SCORING.md.
    assert_eq!(r["group_scores"]["领导"].as_f64(), Some(92.0));
    assert_eq!(r["group_scores"]["两代表一委员"].as_f64(), Some(89.0));
    assert_eq!(r["trimmed"], serde_json::json!(["市领导D", "市领导C"]));
    let tax = result(&rec, "市税务局");
    assert_eq!(tax["group_scores"]["领导"].as_f64(), Some(91.5));
    assert_eq!(tax["group_scores"]["两代表一委员"].as_f64(), Some(90.0));
    assert_eq!(
        tax["flags"],
        serde_json::json!(["not_trimmed:领导", "not_trimmed:两代表一委员"])
    );
    let safety = result(&rec, "市应急管理局");
    assert_eq!(safety["group_scores"]["领导"].as_f64(), Some(85.0));
    assert_eq!(safety["group_scores"]["两代表一委员"], Value::Null);
    assert_eq!(
        safety["flags"],
        serde_json::json!(["trimmed:领导:市领导C,市领导D", "group_missing:两代表一委员"])
    );
    // 市交通运输局: every total 90; the high drop is 市领导A (listed first), the low drop
    // 市领导E (listed last).
    assert_eq!(
        result(&rec, "市交通运输局")["trimmed"],
        serde_json::json!(["市领导A", "市领导E"])
    );
    // Scores as recorded: reviewer → criterion → value.
    let unit1 = &rec["units"][0];
    assert_eq!(unit1["scores"]["市领导A"]["明职责"].as_f64(), Some(27.5));
    assert_eq!(unit1["scores"].as_object().unwrap().len(), 8);
    assert!(rec["units"][5]["scores"].get("市领导E").is_none());
}

#[test]
fn acceptance_with_unit_1_eight_seconds_over_gives_expected_tsv_exactly() {
    let dir = tempfile::tempdir().unwrap();
    // Unit 1 (市财政局, limit 0.05 min = 3 s) talks 11 s: 8 s over.
    let s = session_with(dir.path(), |w| {
        w.execute(&Command::ToggleTalk, t0()).unwrap();
        w.execute(&Command::Next, t0() + Duration::seconds(11))
            .unwrap();
    });
    import_acceptance_scores(&s);
    let rec = report_json(&s);
    assert_eq!(rec["units"][0]["overtime_seconds"], 8);
    // 8 s > grace 5 s → ⌈8/30⌉ = 1 step × 1 point = 1 → 91.10 − 1 = 90.10.
    let r = result(&rec, "市财政局");
    assert_eq!(r["overtime_penalty"].as_f64(), Some(1.0));
    assert_eq!(finals(&rec), expected());
}

#[test]
fn a_second_import_of_the_same_file_is_unchanged_and_a_corrected_one_counts_changes() {
    let dir = tempfile::tempdir().unwrap();
    let s = scored(dir.path());
    let events = |s: &Path| {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(s).unwrap()).unwrap();
        v["events"].as_array().unwrap().len()
    };
    assert_eq!(events(&s), 156);
    let out = import_acceptance_scores(&s);
    assert!(
        out.contains("156 rows — 0 new, 0 changed, 156 unchanged"),
        "{out}"
    );
    assert_eq!(events(&s), 156, "nothing recorded");
    // One score corrected (市财政局, 市领导A, 明职责: 27.5 → 26.5), one line added.
    let text = std::fs::read_to_string(acceptance("scores.csv")).unwrap();
    let fixed = text.replacen(
        "市财政局,市领导A,明职责,27.5",
        "市财政局,市领导A,明职责,26.5",
        1,
    );
    assert_ne!(fixed, text);
    let file = dir.path().join("更正.csv");
    std::fs::write(&file, fixed).unwrap();
    let out = ok(podium([
        "scores".as_ref(),
        s.as_os_str(),
        file.as_os_str(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]));
    assert!(
        out.contains("（UTF-8）：156 行 — 新增 0，修改 1，未变 155"),
        "{out}"
    );
    assert_eq!(events(&s), 157);
    // 市领导A's total drops from 91 to 90; 领导 totals 90, 93, 90, 94, 92: drop 94 (D) and
    // 90 — the tie between A and C goes to C, listed last — leaving 90, 93, 92 → 275/3;
    // score = (70 × 275/3 + 30 × 89)/100 = (19250 + 8010)/300 = 90.8666… → 90.87.
    let rec = report_json(&s);
    assert_eq!(result(&rec, "市财政局")["final"].as_f64(), Some(90.87));
    assert_eq!(
        result(&rec, "市财政局")["trimmed"],
        serde_json::json!(["市领导D", "市领导C"])
    );
}

/// rank, unit, final, score, penalty, 领导, 两代表一委员 (None: no scores).
type RankingRow = (u64, &'static str, f64, f64, f64, f64, Option<f64>);

#[test]
fn report_csv_is_the_ranking_with_a_bom_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let s = scored(dir.path());
    let out = dir.path().join("排名.csv");
    ok(podium([
        "report".as_ref(),
        s.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "名次",
            "单位",
            "最终得分",
            "得分",
            "扣分",
            "领导",
            "两代表一委员",
            "备注"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 7);
    let num = |s: &str| -> f64 { s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}")) };
    // rank, unit, final, score, penalty, 领导, 两代表一委员 — computed by hand.
    let want: [RankingRow; 7] = [
        (1, "市财政局", 91.10, 91.10, 0.0, 92.0, Some(89.0)),
        (2, "市税务局", 91.05, 91.05, 0.0, 91.5, Some(90.0)),
        (3, "城郊街道办事处", 90.07, 90.07, 0.0, 89.67, Some(91.0)),
        (4, "市交通运输局", 90.0, 90.0, 0.0, 90.0, Some(90.0)),
        (5, "市人社局", 88.37, 88.37, 0.0, 87.67, Some(90.0)),
        (6, "市发改局", 87.93, 87.93, 0.0, 88.33, Some(87.0)),
        (7, "市应急管理局", 85.0, 85.0, 0.0, 85.0, None),
    ];
    for (row, (rank, unit, fin, score, pen, lead, reps)) in rows.iter().zip(want) {
        assert_eq!(num(&row[0]), rank as f64, "{unit}");
        assert_eq!(&row[1], unit);
        assert_eq!(num(&row[2]), fin, "{unit}");
        assert_eq!(num(&row[3]), score, "{unit}");
        assert_eq!(num(&row[4]), pen, "{unit}");
        assert_eq!(num(&row[5]), lead, "{unit}");
        match reps {
            Some(v) => assert_eq!(num(&row[6]), v, "{unit}"),
            None => assert_eq!(&row[6], "", "{unit}"),
        }
    }
    assert_eq!(
        &rows[6][7],
        "领导去掉最高最低：市领导C、市领导D；两代表一委员组无评分"
    );
    assert_eq!(
        &rows[1][7],
        "领导人数不足未去分；两代表一委员人数不足未去分"
    );
    // In English the header is English.
    let en = dir.path().join("ranking.csv");
    ok(podium([
        "report".as_ref(),
        s.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        en.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]));
    let bytes = std::fs::read(&en).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().take(5).collect::<Vec<_>>(),
        ["Rank", "Unit", "Final", "Score", "Penalty"]
    );
}

#[test]
fn report_xlsx_has_five_sheets_with_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_with(dir.path(), |w| {
        w.execute(&Command::ToggleTalk, t0()).unwrap();
        w.execute(&Command::Next, t0() + Duration::seconds(11))
            .unwrap();
    });
    import_acceptance_scores(&s);
    let out = dir.path().join("会议.xlsx");
    ok(podium([
        "report".as_ref(),
        s.as_os_str(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]));
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), ["排名", "评分", "点评", "计时", "交办"]);

    let ranking = book.worksheet_range("排名").unwrap();
    // A title row (the meeting, the sheet, the date), then the header and the units.
    let rows: Vec<&[Data]> = ranking.rows().collect();
    assert_eq!(
        rows[0][0],
        Data::String("“明职责、对目标、争一流”工作汇报会（首场）　排名　2026年5月30日".into())
    );
    let rows = &rows[1..];
    assert_eq!(rows[0][0], Data::String("名次".into()));
    assert_eq!(rows[0][2], Data::String("最终得分".into()));
    assert_eq!(rows.len(), 8);
    let mut got = BTreeMap::new();
    for row in &rows[1..] {
        let Data::String(unit) = &row[1] else {
            panic!("unit is text: {row:?}")
        };
        let (Data::Float(rank), Data::Float(fin)) = (&row[0], &row[2]) else {
            panic!("rank and final are numbers: {row:?}")
        };
        got.insert(unit.clone(), (*fin, *rank as u64));
    }
    assert_eq!(got, expected());
    let first = rows[2]; // rank 2: 市财政局 with its 1-point penalty
    assert_eq!(first[1], Data::String("市财政局".into()));
    assert_eq!(first[3], Data::Float(91.1));
    assert_eq!(first[4], Data::Float(1.0));

    let scores = book.worksheet_range("评分").unwrap();
    let rows: Vec<&[Data]> = scores.rows().collect();
    assert_eq!(
        rows[0],
        [
            Data::String("单位".into()),
            Data::String("评委".into()),
            Data::String("分组".into()),
            Data::String("指标".into()),
            Data::String("得分".into())
        ]
    );
    assert_eq!(rows.len(), 157, "a header and 156 scores");
    assert_eq!(
        rows[1],
        [
            Data::String("市财政局".into()),
            Data::String("市领导A".into()),
            Data::String("领导".into()),
            Data::String("明职责".into()),
            Data::Float(27.5)
        ]
    );
    // Every score equals the CSV's, as a number.
    let mut csv_scores = BTreeMap::new();
    let mut reader = csv::Reader::from_path(acceptance("scores.csv")).unwrap();
    for r in reader.records() {
        let r = r.unwrap();
        csv_scores.insert(
            (r[0].to_string(), r[1].to_string(), r[2].to_string()),
            r[3].parse::<f64>().unwrap(),
        );
    }
    let mut xlsx_scores = BTreeMap::new();
    for row in &rows[1..] {
        let text = |d: &Data| match d {
            Data::String(s) => s.clone(),
            other => panic!("text expected: {other:?}"),
        };
        let Data::Float(v) = row[4] else {
            panic!("score is a number: {row:?}")
        };
        xlsx_scores.insert((text(&row[0]), text(&row[1]), text(&row[3])), v);
    }
    assert_eq!(xlsx_scores, csv_scores);

    let timing = book.worksheet_range("计时").unwrap();
    let rows: Vec<&[Data]> = timing.rows().skip(1).collect();
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0][6], Data::String("超时".into()));
    // 市财政局: limit 3 s, talked 11 s, 8 s over — durations, in days as Excel counts.
    let seconds = |d: &Data| match d {
        Data::DateTime(t) => (t.as_f64() * 86_400.0).round(),
        other => panic!("a duration: {other:?}"),
    };
    assert_eq!(
        rows[1][..3],
        [
            Data::Float(1.0),
            Data::String("市财政局".into()),
            Data::String("党组书记".into()),
        ]
    );
    assert_eq!(
        rows[1][4..7].iter().map(seconds).collect::<Vec<_>>(),
        [3.0, 11.0, 8.0]
    );
    for name in ["点评", "交办"] {
        let sheet = book.worksheet_range(name).unwrap();
        assert_eq!(
            sheet.rows().count(),
            2,
            "{name}: only the title and the header"
        );
    }
}

#[test]
fn report_md_prints_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let s = scored(dir.path());
    let md = ok(podium([
        "report".as_ref(),
        s.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]));
    assert!(md.starts_with("# “明职责、对目标、争一流”工作汇报会（首场）\n"));
    for unit in ["市财政局", "市应急管理局", "市人社局"] {
        assert!(md.contains(unit), "{unit}");
    }
}

#[test]
fn report_md_has_the_ranking_and_each_units_scores() {
    let dir = tempfile::tempdir().unwrap();
    let s = scored(dir.path());
    let md = ok(podium([
        "report".as_ref(),
        s.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]));
    assert!(md.contains("## 五、测评结果\n"), "a results section:\n{md}");
    for final_text in [
        "91.10", "91.05", "90.07", "90.00", "88.37", "87.93", "85.00",
    ] {
        assert!(md.contains(final_text), "final {final_text}:\n{md}");
    }
    // Each unit's scores, e.g. 市财政局's 市领导A: 27.5 / 27.5 / 36 (total 91).
    assert!(md.contains("27.5"), "scores:\n{md}");
    assert!(md.contains("市领导A"), "reviewers:\n{md}");
}

// ---------------------------------------------------------------------------------------
// Score files: encodings, XLSX, errors, the lock
// ---------------------------------------------------------------------------------------

/// Three rows for 市财政局 by 市领导A, with the Chinese header.
const ZH_ROWS: &str = "单位,评委,指标,得分\n市财政局,市领导A,明职责,27.5\n市财政局,市领导A,对目标,27.5\n市财政局,市领导A,争一流,36\n";

fn scores_cmd(session: &Path, file: &Path, lang: &str) -> Output {
    common::forks::output(&mut scores_command(session, file, lang))
}

fn scores_command(session: &Path, file: &Path, lang: &str) -> std::process::Command {
    podium_command([
        "scores".as_ref(),
        session.as_os_str(),
        file.as_os_str(),
        "--lang".as_ref(),
        lang.as_ref(),
    ])
}

#[test]
fn a_gb18030_csv_with_chinese_headers_imports_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(ZH_ROWS);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let file = dir.path().join("评分表.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = ok(scores_cmd(&s, &file, "en"));
    assert!(
        out.contains("(GB18030): 3 rows — 3 new, 0 changed, 0 unchanged"),
        "{out}"
    );
    let rec = report_json(&s);
    assert_eq!(
        rec["units"][0]["scores"]["市领导A"],
        serde_json::json!({"明职责": 27.5, "对目标": 27.5, "争一流": 36.0})
    );
    // One complete sheet: 市财政局 = 91.
    assert_eq!(result(&rec, "市财政局")["final"].as_f64(), Some(91.0));
}

#[test]
fn a_csv_with_a_bom_and_chinese_headers_imports() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let file = dir.path().join("bom.csv");
    std::fs::write(&file, format!("\u{feff}{ZH_ROWS}")).unwrap();
    let out = ok(scores_cmd(&s, &file, "zh"));
    assert!(
        out.contains("（UTF-8）：3 行 — 新增 3，修改 0，未变 0"),
        "{out}"
    );
    let rec = report_json(&s);
    assert_eq!(result(&rec, "市财政局")["final"].as_f64(), Some(91.0));
}

#[test]
fn an_xlsx_score_sheet_imports() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let file = dir.path().join("评分表.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["单位", "评委", "指标", "得分"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (crit, v)) in [("明职责", 27.5), ("对目标", 27.5), ("争一流", 36.0)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_string(r, 0, "市财政局").unwrap();
        ws.write_string(r, 1, "市领导A").unwrap();
        ws.write_string(r, 2, *crit).unwrap();
        ws.write_number(r, 3, *v).unwrap();
    }
    book.save(&file).unwrap();
    let out = ok(scores_cmd(&s, &file, "en"));
    // The summary names the sheet it read (issue [A2] item 7).
    assert!(
        out.contains("(XLSX, sheet \"Sheet1\"): 3 rows — 3 new"),
        "{out}"
    );
    let rec = report_json(&s);
    assert_eq!(result(&rec, "市财政局")["final"].as_f64(), Some(91.0));
}

#[test]
fn bad_rows_are_all_reported_with_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let before = std::fs::read(&s).unwrap();
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "unit,reviewer,criterion,score\n\
         市财政局,市领导A,明职责,31\n\
         市财政局,市领导A,对目标,27.3\n\
         市财政局,某领导,争一流,30\n\
         市税务局,市领导E,明职责,20\n\
         市财政局,市领导B,明职责,abc\n\
         市财政局,市领导B,对目标,28\n\
         市不存在局,市领导B,争一流,30\n\
         市财政局,市领导C,创新,10\n\
         市财政局,市领导B,对目标,27\n",
    )
    .unwrap();
    let name = file.display().to_string();
    let o = scores_cmd(&s, &file, "en");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let want = [
        format!("podium: {name}:2:D: 31 is out of range (0 to 30)"),
        format!("podium: {name}:3:D: 27.3 is not a multiple of 0.5"),
        format!("podium: {name}:4:B: the plan has no reviewer \"某领导\""),
        format!("podium: {name}:5:B: 市领导E is recused from 市税务局 and cannot score it"),
        format!("podium: {name}:6:D: \"abc\" is not a score"),
        format!("podium: {name}:8:A: there is no unit named \"市不存在局\""),
        format!("podium: {name}:9:C: there is no criterion \"创新\""),
        format!("podium: {name}:10:C: repeats row 7 (same unit, reviewer and criterion)"),
    ];
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), want);
    assert_eq!(
        std::fs::read(&s).unwrap(),
        before,
        "the session is unchanged"
    );
    // In Chinese too, with the same rows and columns.
    let o = scores_cmd(&s, &file, "zh");
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{name}:2:D: 31 超出范围（0 到 30）")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}:5:B: 市领导E回避市税务局，不能为其打分")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}:6:D: “abc”不是有效的分数")),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&s).unwrap(),
        before,
        "the session is unchanged"
    );
    // The session still takes a good file afterwards.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, ZH_ROWS).unwrap();
    ok(scores_cmd(&s, &good, "en"));
}

#[test]
fn a_refused_import_leaves_no_files_behind() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "unit,reviewer,criterion,score\n市财政局,市领导A,明职责,31\n",
    )
    .unwrap();
    let before = list_dir(dir.path());
    let o = scores_cmd(&s, &file, "en");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(list_dir(dir.path()), before);
}

#[test]
fn scores_are_refused_while_another_podium_holds_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let file = dir.path().join("scores.csv");
    std::fs::write(&file, ZH_ROWS).unwrap();
    let no_process_starts = common::forks::exclusive();
    let (writer, _) = Writer::open(&s, t0() + Duration::hours(1)).unwrap();
    let o = common::forks::output_holding(&no_process_starts, &mut scores_command(&s, &file, "en"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("plan.session.json is open in another podium")
            && err.contains("import the scores there with Ctrl+O"),
        "{err}"
    );
    writer.close(t0() + Duration::hours(1)).unwrap();
    drop(no_process_starts);
    ok(scores_cmd(&s, &file, "en"));
}

// ---------------------------------------------------------------------------------------
// `podium import`: a plan from a unit list
// ---------------------------------------------------------------------------------------

const UNITS: &str = "序号,单位,汇报人,职务,时长\n\
                     3,市发改局,党组书记,局长,8\n\
                     1,市财政局,党组书记,局长,5.5\n\
                     2,城郊街道办事处,党工委书记,主任,6\n";

#[test]
fn a_unit_list_becomes_a_plan_in_order_titled_from_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("第一场汇报会.csv");
    std::fs::write(&list, UNITS).unwrap();
    let plan = dir.path().join("plan.json");
    let o = podium([
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        plan.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    let err = stderr(&o);
    ok(o);
    assert!(
        err.contains("the title is the file's name, \"第一场汇报会\" (set it with --title)"),
        "{err}"
    );
    assert!(err.contains("3 units (UTF-8)"), "{err}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(v["title"], "第一场汇报会");
    let units = v["units"].as_array().unwrap();
    let names: Vec<&str> = units.iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["市财政局", "城郊街道办事处", "市发改局"]);
    assert_eq!(units[0]["presenter"], "党组书记");
    assert_eq!(units[0]["role"], "局长");
    assert_eq!(units[0]["minutes"].as_f64(), Some(5.5));
    assert_eq!(units[1]["role"], "主任");
    assert_eq!(units[2]["minutes"].as_f64(), Some(8.0));
    // `podium check` accepts it.
    let out = ok(podium([
        "check".as_ref(),
        plan.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]));
    assert!(out.starts_with("第一场汇报会\n3 units, "), "{out}");
    // With --title the title is given and nothing is said about the file name.
    let plan2 = dir.path().join("plan2.json");
    let o = podium([
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        plan2.as_os_str(),
        "--title".as_ref(),
        "工作汇报会".as_ref(),
        "--lang".as_ref(),
        "zh".as_ref(),
    ]);
    let err = stderr(&o);
    ok(o);
    assert!(!err.contains("文件名"), "{err}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&plan2).unwrap()).unwrap();
    assert_eq!(v["title"], "工作汇报会");
    // The output is never overwritten.
    let o = podium([
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        plan2.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
}

#[test]
fn a_unit_list_in_gb18030_or_xlsx_imports_too() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("units.csv");
    let (bytes, _, _) = encoding_rs::GB18030.encode(UNITS);
    std::fs::write(&list, &bytes).unwrap();
    let plan = dir.path().join("plan.json");
    let o = podium([
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        plan.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    let err = stderr(&o);
    ok(o);
    assert!(err.contains("3 units (GB18030)"), "{err}");

    let xlsx = dir.path().join("名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["order", "unit", "presenter", "role", "minutes"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (n, unit, m)) in [(2.0, "乙局", 6.5), (1.0, "甲局", 8.0)].iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, *n).unwrap();
        ws.write_string(r, 1, *unit).unwrap();
        ws.write_number(r, 4, *m).unwrap();
    }
    book.save(&xlsx).unwrap();
    // Without -o the plan goes to stdout.
    let o = podium([
        "import".as_ref(),
        xlsx.as_os_str(),
        "--title".as_ref(),
        "会".as_ref(),
    ]);
    let v: Value = serde_json::from_str(&ok(o)).unwrap();
    assert_eq!(v["units"][0]["name"], "甲局");
    assert_eq!(v["units"][1]["name"], "乙局");
    assert_eq!(v["units"][1]["minutes"].as_f64(), Some(6.5));
}

#[test]
fn a_bad_cell_in_a_unit_list_names_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("units.csv");
    std::fs::write(
        &list,
        "序号,单位,汇报人,职务,时长\n1,市财政局,党组书记,局长,8\n2,市发改局,党组书记,局长,abc\nx,市人社局,,,8\n",
    )
    .unwrap();
    let plan = dir.path().join("plan.json");
    let o = podium([
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        plan.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let name = list.display().to_string();
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "podium: {name}:3:E: the minutes \"abc\" are not a number"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "podium: {name}:4:A: the order \"x\" is not a number"
        )),
        "{err}"
    );
    assert!(!plan.exists(), "no plan is written");
}
