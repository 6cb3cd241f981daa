//! [F1]/[F2] attacked through the binary as an office and an attendee would: `podium ballots`
//! with every bad input, the codes searched for in everything podium writes, a 60-respondent
//! questionnaire (UTF-8 csv, GBK csv, xlsx) against figures computed by hand, and the cases
//! the attack found wrong (each failed before its fix), with what should happen.
//!
//! Fixtures (tests/fixtures/hostile_ballots_cli): `plan.json` (领导 50 / 部门 30 / 乡镇 20,
//! 12 / 30 / 20 slips, eight townships, grades), `points.json` (the same groups, points mode,
//! no reviewers), `q.csv` / `q_gbk.csv` / `q.xlsx` (the same 60 respondents: 领导 12, 部门 28,
//! 乡镇 20, a few units left blank), `first55.csv` (the first 55 of them: an earlier export).

use std::io::Read;
use std::path::{Path, PathBuf};

mod common {
    pub mod cli;
    pub mod external;
    pub mod office;
}

use common::cli::{podium, text};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile_ballots_cli"
);

/// A folder holding copies of the named fixtures.
fn dir_with(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    for f in files {
        std::fs::copy(Path::new(FIXTURE).join(f), dir.path().join(f)).expect("fixture copied");
    }
    dir
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = podium(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// `podium ARGS` is refused: exit 1, one sentence on stderr, no panic.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = podium(dir, args);
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?} should be refused: {err}"
    );
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    err
}

/// The session's ballots summary as the JSON record has it.
fn record(dir: &Path, session: &str) -> serde_json::Value {
    ok(
        dir,
        &[
            "--lang", "zh", "report", session, "--format", "json", "-o", "r.json",
        ],
    );
    let r = std::fs::read_to_string(dir.join("r.json")).expect("the record");
    std::fs::remove_file(dir.join("r.json")).expect("removed");
    serde_json::from_str(&r).expect("json")
}

/// The codes of a `--format csv` file, as printed (with dashes).
fn codes_of(csv: &Path) -> Vec<String> {
    std::fs::read_to_string(csv)
        .expect("the codes file")
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).expect("a code column").to_string())
        .collect()
}

/// Every file under `dir` (zips opened: every part), as text.
fn everything_written(dir: &Path, skip: &[&str]) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("the folder") {
        let p = e.expect("an entry").path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if skip.iter().any(|s| name == *s) || p.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&p).expect("a file");
        if bytes.starts_with(b"PK") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).expect("a part");
                let mut b = Vec::new();
                part.read_to_end(&mut b).expect("read");
                let inner = part.name().map(|n| n.to_string()).unwrap_or_default();
                out.push((p.join(inner), text(&b)));
            }
        } else {
            out.push((p, text(&bytes)));
        }
    }
    out
}

#[test]
fn bad_inputs_to_podium_ballots_are_refused_and_issue_nothing() {
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--format",
            "csv",
            "-o",
            "a.csv",
        ],
    );
    std::fs::create_dir(d.join("folder.docx")).unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["--group", "领导=20", "--url", "ftp://h"],
        vec!["--group", "领导=20", "--url", "http://h/path"],
        vec!["--group", "领导=20", "--url", "http://u@h:1"],
        vec!["--group", "领导=20", "--url", "192.168.1.5:7374"],
        vec!["--group", "领导=20", "--url", "http://h:99999"],
        vec!["--group", "领导=20", "--wifi", "nocolon"],
        vec!["--group", "领导=20", "--wifi", ":password"],
        vec!["--group", "领导=20", "--group", "领导=21"],
        vec!["--group", "领导=11"],
        vec!["--group", "外人=3"],
        vec!["--group", "领导=abc"],
        vec!["--group", "领导=0"],
        vec!["--group", "领导=20", "-o", "a.csv"],
        vec!["--group", "领导=20", "-o", "folder.docx"],
        vec!["--group", "领导=20", "-o", "x.txt"],
        vec!["--void", "领导-099"],
        vec!["--void", "领导-001", "--void", "领导-001"],
    ];
    for case in &cases {
        let mut args = vec!["--lang", "zh", "ballots", "plan.json"];
        args.extend(case);
        let err = refused(d, &args);
        assert!(err.trim().lines().count() <= 2, "{case:?}: {err}");
    }
    let r = record(d, "plan.session.json");
    assert_eq!(r["ballots"]["issued"], 62, "nothing more was issued");
    assert_eq!(r["ballots"]["voided"], 0, "nothing was voided");
    // Nothing left behind: no hidden temporary file, no slips.
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp") || n.contains("测评票"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    // A plan without ballot groups says what to add.
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/ballots/无分组.json"
        ),
        d.join("无分组.json"),
    )
    .unwrap();
    let err = refused(d, &["--lang", "zh", "ballots", "无分组.json"]);
    assert!(err.contains("ballot_groups"), "{err}");
}

#[test]
fn no_code_reaches_the_session_the_journal_or_any_report() {
    let dir = dir_with(&["plan.json", "q.csv"]);
    let d = dir.path();
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--format",
            "csv",
            "-o",
            "codes.csv",
        ],
    );
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--group",
            "领导=14",
            "-o",
            "more.docx",
        ],
    );
    ok(
        d,
        &["--lang", "zh", "ballots", "plan.json", "--void", "领导-003"],
    );
    ok(d, &["--lang", "zh", "scores", "plan.json", "q.csv"]);
    let codes = codes_of(&d.join("codes.csv"));
    assert_eq!(codes.len(), 62);
    for f in ["json", "md", "csv", "xlsx", "docx"] {
        ok(
            d,
            &[
                "--lang",
                "zh",
                "report",
                "plan.session.json",
                "--format",
                f,
                "-o",
                &format!("rep.{f}"),
            ],
        );
    }
    let written = everything_written(d, &["codes.csv", "more.docx"]);
    assert!(written.len() > 10, "the reports were written");
    for code in &codes {
        let bare = code.replace('-', "");
        for (path, body) in &written {
            for form in [code.clone(), bare.clone(), bare.to_lowercase()] {
                assert!(!body.contains(&form), "a code is in {}", path.display());
            }
        }
    }
}

/// Hand-computed (exact fractions over the 60 rows, group weights 50/30/20, 优秀 100, 良好 80,
/// 一般 60, 较差 40, blanks not counted), rounded to two places.
const EXPECTED: [(&str, f64); 8] = [
    ("甲镇", 68.62),
    ("乙镇", 79.84),
    ("丙乡", 71.74),
    ("丁镇", 64.91),
    ("戊乡", 72.25),
    ("己镇", 72.43),
    ("庚乡", 71.17),
    ("辛镇", 69.94),
];

#[test]
fn a_questionnaire_of_60_respondents_imports_to_the_hand_computed_scores_once() {
    for file in ["q.csv", "q_gbk.csv", "q.xlsx"] {
        let dir = dir_with(&["plan.json", "q.csv", "q_gbk.csv", "q.xlsx"]);
        let d = dir.path();
        let said = ok(d, &["--lang", "zh", "scores", "plan.json", file]);
        assert!(said.contains("新增 60 张测评票"), "{file}: {said}");
        let r = record(d, "plan.session.json");
        for (name, score) in EXPECTED {
            let unit = r["units"]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["name"] == name)
                .expect("the unit");
            assert_eq!(
                unit["result"]["score"].as_f64(),
                Some(score),
                "{file}: {name}"
            );
        }
        assert_eq!(r["ballots"]["cast"], 60, "{file}");
        // The same answers again, in any of the three files: refused, nothing counted twice.
        for again in ["q.csv", "q_gbk.csv", "q.xlsx"] {
            let err = refused(d, &["--lang", "zh", "scores", "plan.json", again]);
            assert!(err.contains("已经导入过"), "{file} then {again}: {err}");
        }
        assert_eq!(record(d, "plan.session.json")["ballots"]["cast"], 60);
    }
}

#[test]
fn broken_questionnaires_are_refused_at_their_row_and_column() {
    let dir = dir_with(&["plan.json", "q.csv"]);
    let d = dir.path();
    let q = std::fs::read_to_string(d.join("q.csv")).unwrap();
    let lines: Vec<&str> = q.lines().take(6).collect();
    let edit = |name: &str, f: &dyn Fn(usize, &str) -> String| {
        let body: Vec<String> = lines.iter().enumerate().map(|(i, l)| f(i, l)).collect();
        std::fs::write(d.join(name), body.join("\n") + "\n").unwrap();
    };
    edit("unit.csv", &|i, l| {
        if i == 0 {
            l.replace("辛镇", "外星镇")
        } else {
            l.to_string()
        }
    });
    edit("grade.csv", &|i, l| {
        if i == 3 {
            l.replacen("优秀", "很好", 1).replacen("良好", "很好", 1)
        } else {
            l.to_string()
        }
    });
    edit("group.csv", &|i, l| {
        if i == 2 {
            l.replace(",领导,", ",群众,")
                .replace(",部门,", ",群众,")
                .replace(",乡镇,", ",群众,")
        } else {
            l.to_string()
        }
    });
    for (file, says) in [
        ("unit.csv", "第 1 行第 L 列"),
        ("grade.csv", "第 4 行"),
        ("group.csv", "第 3 行第 D 列"),
    ] {
        let err = refused(d, &["--lang", "zh", "scores", "plan.json", file]);
        assert!(err.contains(says), "{file}: {err}");
    }
    // --group disagreeing with the column.
    let err = refused(
        d,
        &[
            "--lang",
            "zh",
            "scores",
            "plan.json",
            "q.csv",
            "--group",
            "部门",
        ],
    );
    assert!(err.contains("--group"), "{err}");
    assert!(
        !d.join("plan.session.json").exists()
            || record(d, "plan.session.json")["ballots"]["cast"] == 0
    );
}

#[test]
fn a_csv_is_not_written_under_a_docx_name() {
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    refused(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--format",
            "csv",
            "-o",
            "x.docx",
        ],
    );
    assert!(!d.join("x.docx").exists());
}

#[test]
fn a_group_can_grow_past_500_as_the_plan_allows() {
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--group",
            "部门=600",
            "--format",
            "csv",
            "-o",
            "a.csv",
        ],
    );
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--group",
            "部门=601",
            "--format",
            "csv",
            "-o",
            "b.csv",
        ],
    );
}

#[cfg(unix)]
#[test]
fn the_codes_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--format",
            "csv",
            "-o",
            "codes.csv",
        ],
    );
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--group",
            "领导=13",
            "-o",
            "s.docx",
        ],
    );
    for f in ["codes.csv", "s.docx"] {
        let mode = std::fs::metadata(d.join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{f} is {mode:o}");
    }
}

#[test]
fn a_later_export_does_not_count_the_same_respondents_twice() {
    let dir = dir_with(&["plan.json", "first55.csv", "q.csv"]);
    let d = dir.path();
    ok(d, &["--lang", "zh", "scores", "plan.json", "first55.csv"]);
    let second = podium(d, &["--lang", "zh", "scores", "plan.json", "q.csv"]);
    let cast = record(d, "plan.session.json")["ballots"]["cast"]
        .as_u64()
        .unwrap();
    assert!(
        cast <= 60,
        "{cast} ballots counted from 60 respondents ({})",
        text(&second.stdout)
    );
}

#[test]
fn a_points_plan_scored_by_ballots_needs_no_reviewers() {
    let dir = dir_with(&["points.json"]);
    let d = dir.path();
    let out = podium(d, &["--lang", "zh", "check", "points.json"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(!err.contains("没有评委"), "{err}");
}

#[test]
fn a_tally_above_the_groups_ballots_is_said() {
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    std::fs::write(d.join("t.csv"), "单位,等次,票数\n甲镇,优秀,80\n").unwrap();
    let out = podium(
        d,
        &[
            "--lang",
            "zh",
            "scores",
            "plan.json",
            "t.csv",
            "--group",
            "领导",
        ],
    );
    let err = text(&out.stderr);
    assert!(
        !out.status.success() || err.contains("甲镇"),
        "taken silently: {}{err}",
        text(&out.stdout)
    );
}

#[test]
fn a_long_title_leaves_the_code_and_the_address_on_the_slip() {
    if !common::external::needs("soffice") {
        return;
    }
    let dir = dir_with(&["plan.json"]);
    let d = dir.path();
    let plan = std::fs::read_to_string(d.join("plan.json")).unwrap().replace(
        "2026年扩大会议乡镇现场测评",
        "中共某某县委常委会（扩大）会议暨2026年度全县乡镇党委书记抓基层党建工作述职评议考核现场测评大会",
    );
    std::fs::write(d.join("plan.json"), plan).unwrap();
    ok(
        d,
        &[
            "--lang",
            "zh",
            "ballots",
            "plan.json",
            "--group",
            "领导=2",
            "--group",
            "部门=1",
            "--group",
            "乡镇=1",
            "-o",
            "s.docx",
        ],
    );
    let pdf = common::office::to_pdf(&d.join("s.docx"), d);
    let page = common::office::page_text(&pdf, 1);
    assert_eq!(page.matches("用手机扫码").count(), 4, "{page}");
}

#[test]
fn the_summary_of_a_session_issues_nothing() {
    let dir = dir_with(&["plan.json", "q.csv"]);
    let d = dir.path();
    ok(d, &["--lang", "zh", "scores", "plan.json", "q.csv"]);
    let said = ok(d, &["--lang", "zh", "ballots", "plan.session.json"]);
    assert!(!said.contains("发放 2 张"), "{said}");
    assert_eq!(record(d, "plan.session.json")["ballots"]["issued"], 60);
}
