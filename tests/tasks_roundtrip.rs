//! The office's loop: podium's 交办 sheet is sent out as the 督办清单, the units fill in their
//! status and progress, and the sheet comes back with `podium tasks`. Read back unchanged it
//! changes nothing (no task twice, no progress twice, no deadline rewritten); with a status
//! and a progress typed in, it updates exactly those tasks — also the tasks typed during the
//! meeting, which have no 序号 of their own and are found by their 台账编号.

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{DateTime, FixedOffset};
use podium::session::{Command, TaskFields};
use podium::store::Writer;
use podium::task::Status;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common {
    pub mod cli;
}

/// `podium ARGS… --lang zh`.
fn podium(dir: &Path, args: &[&str]) -> Output {
    common::cli::podium(dir, &[args, &["--lang", "zh"]].concat())
}

fn ok(out: Output) -> String {
    use common::cli::text;
    assert!(
        out.status.success(),
        "podium failed: {}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout) + &text(&out.stderr)
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a time")
}

const PLAN: &str = r#"{"version": 3, "title": "重点工作推进会", "date": "2026-07-10",
  "units": [{"name": "市交通运输局"}, {"name": "市教育局"}],
  "tasks": [
    {"no": "1", "list": "重点项目", "text": "=SUM(A1) 开头像公式的事项", "owner": "市交通运输局",
     "due_text": "6月底前"},
    {"no": "2", "list": "重点项目", "text": "新建学校", "owner": "市教育局", "due": "2026-12-31",
     "status": "推进中"}
  ]}"#;

/// A session with the plan's two tasks and two typed during the meeting (no 序号, no list),
/// one with two progress reports.
fn meeting(dir: &Path) -> PathBuf {
    let plan = podium::planfile::parse("p.json", PLAN, podium::strings::Lang::Zh)
        .expect("the plan")
        .plan;
    let path = dir.join("推进会.session.json");
    let mut w = Writer::create(&path, plan, at("2026-07-10T09:00:00+08:00")).expect("created");
    for (text, owner) in [("报送税源清单", "市交通运输局"), ("整改食堂", "市教育局")]
    {
        w.execute(
            &Command::AddTask {
                task: Box::new(TaskFields {
                    text: text.into(),
                    owner: Some(owner.into()),
                    due_text: Some("三季度末".into()),
                    ..TaskFields::default()
                }),
                unit: Some(owner.into()),
                status: None,
                from_remark: None,
            },
            at("2026-07-10T09:10:00+08:00"),
        )
        .expect("a task");
    }
    let id = w.session().state().tasks[2].id;
    for (text, time) in [
        ("已对接税务部门", "2026-07-10T09:20:00+08:00"),
        ("完成初稿", "2026-07-10T09:30:00+08:00"),
    ] {
        w.execute(
            &Command::AddTaskProgress {
                id,
                text: text.into(),
            },
            at(time),
        )
        .expect("progress");
    }
    w.close(at("2026-07-10T10:00:00+08:00")).expect("closed");
    path
}

/// The 交办 sheet's cells as text (dates as calamine reads them).
fn sheet(path: &Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    let range = book.worksheet_range("交办").expect("the 交办 sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A CSV (UTF-8 with a byte-order mark, as Excel writes "CSV UTF-8") of `rows`.
fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    for r in rows {
        w.write_record(r).expect("a row");
    }
    std::fs::write(path, w.into_inner().expect("the bytes")).expect("written");
}

#[test]
fn the_sheet_sent_out_comes_back_and_updates_exactly_what_the_units_wrote() {
    let dir = tempfile::tempdir().expect("a folder");
    let session = meeting(dir.path());
    let s = session.to_str().expect("a path");
    ok(podium(
        dir.path(),
        &["report", s, "--format", "xlsx", "-o", "督办清单.xlsx"],
    ));
    let before = std::fs::read(&session).expect("the session");

    // Unchanged, the workbook changes nothing.
    let said = ok(podium(dir.path(), &["tasks", s, "督办清单.xlsx"]));
    assert!(
        std::fs::read(&session).expect("the session") == before,
        "nothing written: {said}"
    );

    // The same as a CSV, with a status and a progress typed in by two units.
    // The sheet's title row (the meeting, 交办, the date) stays above the header, as an
    // office sends it out.
    let mut rows = sheet(&dir.path().join("督办清单.xlsx"));
    assert!(rows[0][0].contains("交办"), "the title row: {:?}", rows[0]);
    let header = rows[1].clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let (status, progress, task) = (col("状态"), col("进展"), col("事项"));
    let row_of = |rows: &Vec<Vec<String>>, text: &str| {
        rows.iter()
            .position(|r| r[task] == text)
            .unwrap_or_else(|| panic!("{text} in the sheet"))
    };
    let canteen = row_of(&rows, "整改食堂");
    rows[canteen][status] = "已完成".into();
    rows[canteen][progress] = "食堂已验收".into();
    let school = row_of(&rows, "新建学校");
    rows[school][status] = "滞后".into();
    write_csv(&dir.path().join("回收.csv"), &rows);
    let said = ok(podium(dir.path(), &["tasks", s, "回收.csv"]));

    assert!(
        said.contains("新增 0 项，更新 2 项") && said.contains("未变 2 项"),
        "the summary counts the rows found by their 台账编号: {said}"
    );
    let st = podium::store::read(&session).expect("the session");
    let tasks = &st.state().tasks;
    assert_eq!(tasks.len(), 4, "no task twice: {said}");
    let by_text = |text: &str| {
        tasks
            .iter()
            .find(|t| t.fields.text == text)
            .unwrap_or_else(|| panic!("{text}"))
    };
    let canteen = by_text("整改食堂");
    assert_eq!(canteen.status, Status::Done, "{said}");
    assert_eq!(
        canteen
            .progress
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        ["食堂已验收"]
    );
    assert_eq!(canteen.fields.no, None, "a task of no 序号 is given none");
    assert_eq!(canteen.fields.list, None, "nor a list from the row above");
    let school = by_text("新建学校");
    assert_eq!(school.status, Status::InProgress);
    assert_eq!(
        school.progress.last().map(|p| p.text.as_str()),
        Some("滞后")
    );
    let tax = by_text("报送税源清单");
    assert_eq!(
        tax.progress
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        ["已对接税务部门", "完成初稿"],
        "the progress sent out is not added again"
    );
    assert_eq!(
        tax.fields.due_text.as_deref(),
        Some("三季度末"),
        "as written"
    );
    let formula = by_text("=SUM(A1) 开头像公式的事项");
    assert_eq!(formula.fields.due_text.as_deref(), Some("6月底前"));
    assert_eq!(formula.status, Status::Open);
}
