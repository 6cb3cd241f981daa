//! What an attack on the Word documents and the printed sheets found ([E2]), through the
//! binary: a notice for a meeting that does not score is refused (it once wrote “满分-0分 …
//! 尚无测评结果”); a plan that names no criteria has its notice say the default 总分 of 100
//! (it once said “满分0分”); `--group` naming one group twice is refused (it once printed two
//! sets numbered apart).

mod common {
    pub mod cli;
}

use common::cli::{podium, text};
use std::io::Read;
use std::path::Path;

fn write(dir: &Path, name: &str, body: &str) {
    std::fs::write(dir.join(name), body).expect("write");
}

/// Every text of a .docx's document part.
fn document_text(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("the docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");
    let mut out = String::new();
    for part in xml.split("<w:t").skip(1) {
        if let Some(start) = part.find('>')
            && let Some(end) = part.find("</w:t>")
            && start < end
        {
            out.push_str(&part[start + 1..end]);
        }
    }
    out
}

#[test]
fn a_notice_for_a_meeting_that_does_not_score_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    write(
        d,
        "plan.json",
        r#"{"version": 2, "title": "会", "units": [{"name": "甲"}], "scoring": {"mode": "none"}}"#,
    );
    write(d, "tasks.csv", "序号,事项,责任单位\n1,整改,甲\n");
    let made = podium(d, &["--lang", "zh", "tasks", "plan.json", "tasks.csv"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let out = podium(
        d,
        &[
            "--lang",
            "zh",
            "report",
            "plan.json",
            "--format",
            "docx",
            "--doc",
            "notice",
            "-o",
            "n.docx",
        ],
    );
    assert!(!out.status.success(), "refused");
    let said = text(&out.stderr);
    assert!(
        said.contains("不评分") && said.contains("--doc minutes"),
        "{said}"
    );
    assert!(!d.join("n.docx").exists(), "nothing written");
    // The minutes and the task list of that meeting are written.
    for doc in ["minutes", "tasks"] {
        let out = podium(
            d,
            &[
                "--lang",
                "zh",
                "report",
                "plan.json",
                "--format",
                "docx",
                "--doc",
                doc,
                "-o",
                &format!("{doc}.docx"),
            ],
        );
        assert!(out.status.success(), "{doc}: {}", text(&out.stderr));
    }
}

#[test]
fn a_notice_of_a_plan_without_criteria_says_the_default_full_mark() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    write(
        d,
        "plan.json",
        r#"{"title": "会", "units": [{"name": "甲"}, {"name": "乙"}], "reviewers": [{"name": "评委一"}]}"#,
    );
    write(
        d,
        "s.csv",
        "单位,评委,指标,得分\n甲,评委一,总分,88\n乙,评委一,总分,90\n",
    );
    let made = podium(d, &["--lang", "zh", "scores", "plan.json", "s.csv"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    for (lang, want, wrong) in [
        ("zh", "满分100分", "满分0分"),
        ("en", "100 points", "out of 0 points"),
    ] {
        let out = podium(
            d,
            &[
                "--lang",
                lang,
                "report",
                "plan.json",
                "--format",
                "docx",
                "--doc",
                "notice",
                "-o",
                &format!("n-{lang}.docx"),
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let said = document_text(&d.join(format!("n-{lang}.docx")));
        assert!(said.contains(want) && !said.contains(wrong), "{said}");
    }
}

#[test]
fn a_group_given_twice_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    write(
        d,
        "plan.json",
        r#"{"title": "会", "units": [{"name": "甲"}], "reviewers": [{"name": "评委一"}]}"#,
    );
    let out = podium(
        d,
        &[
            "--lang",
            "zh",
            "sheets",
            "plan.json",
            "--group",
            "领导=2",
            "--group",
            "领导=3",
            "-o",
            "g.xlsx",
        ],
    );
    assert!(!out.status.success(), "refused");
    let said = text(&out.stderr);
    assert!(said.contains("领导") && said.contains("只写一次"), "{said}");
    assert!(!d.join("g.xlsx").exists(), "nothing written");
    let out = podium(
        d,
        &[
            "--lang",
            "zh",
            "sheets",
            "plan.json",
            "--group",
            "领导=2",
            "--group",
            "部门=3",
            "-o",
            "g.xlsx",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}
