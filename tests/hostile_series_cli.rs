//! [E1] attacked through the binary as an office uses it: `podium scores` from a CSV, then
//! `podium report --public` in every format, searched for what must not leave the room.

use std::io::Read;
use std::path::Path;

mod common {
    pub mod cli;
}

use common::cli::{podium, text};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile_series_cli"
);

/// The plan (two groups of exactly three scorers, `trim` as given) and its scores imported.
fn scored(dir: &Path, trim: u32) -> std::path::PathBuf {
    let plan = std::fs::read_to_string(Path::new(FIXTURE).join("plan.json")).expect("the plan");
    let plan = plan.replace("\"trim\": 1", &format!("\"trim\": {trim}"));
    assert!(plan.contains(&format!("\"trim\": {trim}")));
    std::fs::write(dir.join("plan.json"), plan).expect("plan written");
    std::fs::copy(
        Path::new(FIXTURE).join("scores.csv"),
        dir.join("scores.csv"),
    )
    .expect("scores copied");
    let out = podium(dir, &["--lang", "zh", "scores", "plan.json", "scores.csv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir.join("plan.session.json")
}

/// `podium report` of the session in `format` (`--public` when asked): the text of the file,
/// every part of a workbook joined.
fn report(dir: &Path, format: &str, public: bool) -> String {
    let name = format!("out-{public}.{format}");
    let mut args = vec![
        "--lang",
        "zh",
        "report",
        "plan.session.json",
        "--format",
        format,
    ];
    if public {
        args.push("--public");
    }
    args.extend(["-o", &name]);
    let out = podium(dir, &args);
    assert!(out.status.success(), "{format}: {}", text(&out.stderr));
    let bytes = std::fs::read(dir.join(&name)).expect("the report");
    if format != "xlsx" {
        return text(&bytes);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        part.read_to_string(&mut all).expect("a text part");
    }
    all
}

/// The score of the one sheet of each group left after trimming (the middle of three): with
/// `trim: 1` the group's score IS that reviewer's score.
const MIDDLE: [&str; 4] = ["83.59", "79.41", "74.63", "71.83"];

/// Three scorers trimmed by one leave one sheet: the group's score is one reviewer's own, so
/// no public output may give it (as with a group of one or two scorers). The internal outputs
/// do give it, so the search can find it.
#[test]
fn a_group_of_three_trimmed_to_one_sheet_is_not_public() {
    let dir = tempfile::tempdir().expect("a folder");
    scored(dir.path(), 1);
    let internal = report(dir.path(), "json", false);
    for value in MIDDLE {
        assert!(internal.contains(value), "internal JSON lacks {value}");
    }
    for format in ["json", "md", "csv", "xlsx"] {
        let public = report(dir.path(), format, true);
        for value in MIDDLE {
            assert!(
                !public.contains(value),
                "public {format} gives {value}, one reviewer's score"
            );
        }
        for name in ["王明", "李强", "赵一", "钱二", "孙三"] {
            assert!(!public.contains(name), "public {format} names {name}");
        }
    }
}

/// Without trimming, three sheets make a group's score public: the mean of three is nobody's
/// own (城东区 领导 (81.37 + 83.59 + 86.71) / 3 = 83.89).
#[test]
fn a_group_of_three_untrimmed_stays_public() {
    let dir = tempfile::tempdir().expect("a folder");
    scored(dir.path(), 0);
    let record: serde_json::Value =
        serde_json::from_str(&report(dir.path(), "json", true)).expect("JSON");
    let groups = &record["units"][0]["result"]["group_scores"];
    assert_eq!(groups["领导"], serde_json::json!(83.89), "{record}");
    let csv = report(dir.path(), "csv", true);
    assert!(csv.contains("83.89"), "{csv}");
}

/// A unit not ranked yet (no sheet in) that was ranked the round before: the explanation
/// gives its place the round before and no 较上期 with nothing after it (it read
/// “上期：第6名，73.01分；较上期 ”).
#[test]
fn the_explanation_of_a_unit_not_ranked_now_has_no_empty_change() {
    use podium::strings::{Lang, series};
    for lang in [Lang::Zh, Lang::En] {
        let lines = series::explain(
            lang,
            None,
            None,
            None,
            Some((Some((None, 6)), Some("73.01".into()))),
            None,
        );
        let line = lines.last().expect("the round before's line");
        assert!(line.contains('6') && line.contains("73.01"), "{line}");
        assert!(
            !line.contains("较上期") && !line.contains("change"),
            "{line}"
        );
        let ranked = series::explain(
            lang,
            None,
            None,
            None,
            Some((Some((None, 6)), Some("73.01".into()))),
            Some("↑5".into()),
        );
        assert!(ranked.last().expect("a line").ends_with("↑5"), "{ranked:?}");
    }
}

/// Categories written in two width forms are one category for `podium check`, as for the
/// ranking (`names::key`): “ＡＢ类” is “AB类”.
#[test]
fn check_counts_categories_that_only_look_different_as_one() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = r#"{"version": 4, "title": "会", "units": [
        {"name": "甲", "category": "AB类"}, {"name": "乙", "category": "ＡＢ类"},
        {"name": "丙", "category": "县区"}
    ], "reviewers": [{"name": "评委一"}]}"#;
    std::fs::write(dir.path().join("plan.json"), plan).expect("plan");
    let out = podium(dir.path(), &["--lang", "zh", "check", "plan.json"]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(said.contains("类别 2 个：AB类 2、县区 1"), "{said}");
}
