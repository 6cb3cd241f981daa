//! The task ledger in what leaves the room (issue [D2], "Exports"), on a session built with
//! `store::Writer` at fixed times: linked to the meeting before (`Command::LinkPrevious`,
//! one carried task with its progress), the plan's prepared list (an in-progress task, an
//! overdue one whose text starts like a formula, a finished one owned by no unit of the
//! agenda), a task typed live during the speech with a written deadline, a remark turned into
//! a task, a claimed task, and progress.
//!
//! - the workbook's 交办 sheet, read back with calamine: every column of every task, the due
//!   date a date cell (calamine reads it as a date only when its format is one), formula-
//!   looking text quoted away;
//! - the minutes list the tasks by owner (agenda units, then other owners, no owner last),
//!   with the meeting before;
//! - `podium report --format json` pins the ledger's fields;
//! - an old session's task remarks (the corpus's city-points) export as ledger tasks.

mod common {
    pub mod forks;
}

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Duration, NaiveDate};
use podium::commands::ReportFormat;
use podium::commands::report::render;
use podium::session::{
    Command, MeetingRef, PreviousMeeting, Progress, RemarkKind, Session, Task, TaskFields, Time,
};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::task::Status;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PLAN: &str = r#"{
  "version": 3,
  "title": "二季度重点工作推进会",
  "date": "2026-05-30",
  "units": [
    {"name": "市财政局", "presenter": "党组书记"},
    {"name": "市交通运输局", "presenter": "党组书记"},
    {"name": "市委书记讲话", "kind": "speech", "minutes": 20, "presenter": "市委书记"}
  ],
  "reviewers": [{"name": "评委甲"}],
  "scoring": {"mode": "none"},
  "tasks": [
    {"no": "1", "list": "重点任务清单", "text": "推进税源培育", "owner": "市财政局",
     "partners": ["市税务局", "市发改委"], "leader": "李副市长", "due": "2026-06-30",
     "status": "推进中"},
    {"no": "2", "list": "重点任务清单", "text": "=SUM(A1)清理拖欠账款", "owner": "市交通运输局",
     "due": "2026-05-20", "due_text": "5月20日前", "status": "未开始"},
    {"no": "3.1", "list": "重点任务清单", "text": "完成审计整改", "owner": "市审计局",
     "due": "2026-04-30", "status": "已完成"}
  ]
}"#;

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

fn at(minutes: i64) -> Time {
    t0() + Duration::minutes(minutes)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The meeting before, and the one task it carries (open, overdue, with one progress).
fn link_previous() -> Command {
    let mut carried = Task::new(
        7,
        TaskFields {
            no: Some("5".into()),
            text: "老旧小区改造".into(),
            list: Some("民生实事".into()),
            owner: Some("市住建局".into()),
            due: Some(day(2026, 4, 30)),
            due_text: Some("4月底前".into()),
            assigned_by: Some("市长".into()),
            ..TaskFields::default()
        },
    );
    carried.status = Status::InProgress;
    carried.progress.push(Progress {
        at: DateTime::parse_from_rfc3339("2026-04-15T10:00:00+08:00").unwrap(),
        by: None,
        text: "完成60%".into(),
    });
    carried.carried_from = Some(MeetingRef {
        title: "一季度工作推进会".into(),
        date: Some("2026-04-15".into()),
    });
    Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "一季度工作推进会".into(),
            date: Some("2026-04-15".into()),
            path: "一季度.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: vec![carried],
        results: None,
    }
}

fn exec(w: &mut Writer, command: &Command, now: Time) {
    if let Err(e) = w.execute(command, now) {
        panic!("{command:?}: {e}");
    }
}

fn last_task(w: &Writer) -> u64 {
    w.session().state().tasks.last().expect("a task").id
}

/// The meeting, written and closed in `dir`; its path.
fn meeting(dir: &Path) -> PathBuf {
    let plan = podium::planfile::parse("推进会.json", PLAN, Lang::Zh)
        .expect("the plan loads")
        .plan;
    let path = dir.join("推进会.session.json");
    let _no_process_starts = common::forks::exclusive();
    let mut w = Writer::create(&path, plan, t0()).expect("created");
    exec(&mut w, &link_previous(), t0());
    let ids: Vec<u64> = w.session().state().tasks.iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), 4, "the carried task and the plan's three");
    // Progress on the carried task and on the plan's first.
    exec(
        &mut w,
        &Command::AddTaskProgress {
            id: ids[0],
            text: "完成80%".into(),
        },
        at(5),
    );
    exec(
        &mut w,
        &Command::AddTaskProgress {
            id: ids[1],
            text: "新增市场主体1200户".into(),
        },
        at(6),
    );
    // A remark on 市财政局 turned into a task.
    exec(
        &mut w,
        &Command::AddRemark {
            unit: Some("市财政局".into()),
            reviewer: "评委甲".into(),
            text: "压减一般性支出".into(),
            kind: RemarkKind::Remark,
        },
        at(10),
    );
    let remark = w.session().state().remarks.last().expect("the remark").id;
    exec(
        &mut w,
        &Command::EditRemark {
            id: remark,
            reviewer: "评委甲".into(),
            text: "压减一般性支出".into(),
            kind: RemarkKind::Task,
        },
        at(11),
    );
    // During the speech: a task typed with a written deadline; a task claimed by a unit.
    exec(
        &mut w,
        &Command::AddTask {
            task: Box::new(TaskFields {
                text: "编制交通专项方案".into(),
                owner: Some("市交通运输局".into()),
                leader: Some("王副市长".into()),
                due_text: Some("6月底前".into()),
                assigned_by: Some("市委书记".into()),
                ..TaskFields::default()
            }),
            unit: Some("市委书记讲话".into()),
            status: None,
            from_remark: None,
        },
        at(30),
    );
    exec(
        &mut w,
        &Command::AddTask {
            task: Box::new(TaskFields {
                text: "数字政府攻坚（揭榜）".into(),
                due_text: Some("长期坚持".into()),
                assigned_by: Some("市委书记".into()),
                ..TaskFields::default()
            }),
            unit: Some("市委书记讲话".into()),
            status: None,
            from_remark: None,
        },
        at(31),
    );
    let claimed = last_task(&w);
    exec(
        &mut w,
        &Command::ClaimTask {
            id: claimed,
            owner: "市财政局".into(),
        },
        at(32),
    );
    w.close(at(60)).expect("closed");
    path
}

fn s(v: &str) -> Data {
    Data::String(v.into())
}

/// The 交办 sheet's rows (the header first, the title row above it left out) in `lang`.
fn task_sheet(session: &Session, lang: Lang) -> Vec<Vec<Data>> {
    let bytes = render(session, ReportFormat::Xlsx, at(60), lang).expect("the workbook");
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("it reads");
    let name = lang.pick("交办", "Tasks");
    let range = book.worksheet_range(name).expect("the task sheet");
    let mut rows = range.rows().map(<[Data]>::to_vec);
    let title = rows.next().expect("a title row");
    assert!(
        matches!(&title[0], Data::String(t) if t.contains(name)),
        "the title row names the sheet: {title:?}"
    );
    rows.collect()
}

/// A date cell as calamine reads it.
fn date_cell(cell: &Data) -> Option<NaiveDate> {
    match cell {
        Data::DateTime(d) if d.is_datetime() => {
            let serial = d.as_f64();
            (serial.fract() == 0.0).then(|| day(1899, 12, 30) + chrono::Days::new(serial as u64))
        }
        _ => None,
    }
}

#[test]
fn the_task_sheet_has_every_column_of_every_task() {
    let dir = tempfile::tempdir().unwrap();
    let session = store::read(&meeting(dir.path())).expect("the session reads");
    let rows = task_sheet(&session, Lang::Zh);
    assert_eq!(
        rows[0],
        [
            "序号",
            "清单",
            "事项",
            "责任单位",
            "配合单位",
            "责任领导",
            "完成时限",
            "时限原文",
            "状态",
            "逾期",
            "进展",
            "提出人",
            "提出于",
            "接续自",
            "认领",
            "台账编号"
        ]
        .map(s)
    );
    assert_eq!(rows.len(), 8, "a header and seven tasks");
    let e = Data::Empty;
    // In ledger order: the carried task, the plan's list, then as raised. The due dates are
    // date cells, checked apart.
    let expected: [[Data; 15]; 7] = [
        [
            Data::Float(5.0),
            s("民生实事"),
            s("老旧小区改造"),
            s("市住建局"),
            e.clone(),
            e.clone(),
            e.clone(),
            s("4月底前"),
            s("推进中"),
            s("是"),
            s("2026-05-30 完成80%\n2026-04-15 完成60%"),
            s("市长"),
            s("会议"),
            s("《一季度工作推进会》（2026-04-15）"),
            e.clone(),
        ],
        [
            Data::Float(1.0),
            s("重点任务清单"),
            s("推进税源培育"),
            s("市财政局"),
            s("市税务局、市发改委"),
            s("李副市长"),
            e.clone(),
            e.clone(),
            s("推进中"),
            e.clone(),
            s("2026-05-30 新增市场主体1200户"),
            e.clone(),
            s("会议"),
            e.clone(),
            e.clone(),
        ],
        [
            Data::Float(2.0),
            s("重点任务清单"),
            s("'=SUM(A1)清理拖欠账款"),
            s("市交通运输局"),
            e.clone(),
            e.clone(),
            e.clone(),
            s("5月20日前"),
            s("未启动"),
            s("是"),
            e.clone(),
            e.clone(),
            s("会议"),
            e.clone(),
            e.clone(),
        ],
        [
            s("3.1"),
            s("重点任务清单"),
            s("完成审计整改"),
            s("市审计局"),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            s("已办结"),
            e.clone(),
            e.clone(),
            e.clone(),
            s("会议"),
            e.clone(),
            e.clone(),
        ],
        [
            Data::Float(5.0),
            e.clone(),
            s("压减一般性支出"),
            s("市财政局"),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            s("未启动"),
            e.clone(),
            e.clone(),
            s("评委甲"),
            s("市财政局"),
            e.clone(),
            e.clone(),
        ],
        [
            Data::Float(6.0),
            e.clone(),
            s("编制交通专项方案"),
            s("市交通运输局"),
            e.clone(),
            s("王副市长"),
            e.clone(),
            s("6月底前"),
            s("未启动"),
            e.clone(),
            e.clone(),
            s("市委书记"),
            s("市委书记讲话"),
            e.clone(),
            e.clone(),
        ],
        [
            Data::Float(7.0),
            e.clone(),
            s("数字政府攻坚（揭榜）"),
            s("市财政局"),
            e.clone(),
            e.clone(),
            e.clone(),
            s("长期坚持"),
            s("未启动"),
            e.clone(),
            e.clone(),
            s("市委书记"),
            s("市委书记讲话"),
            e.clone(),
            s("2026-05-30 09:32"),
        ],
    ];
    let dues = [
        Some(day(2026, 4, 30)),
        Some(day(2026, 6, 30)),
        Some(day(2026, 5, 20)),
        Some(day(2026, 4, 30)),
        None,
        Some(day(2026, 6, 30)),
        None,
    ];
    for (i, (want, due)) in expected.iter().zip(dues).enumerate() {
        let row = &rows[i + 1];
        assert_eq!(row.len(), 16, "row {i}: {row:?}");
        // The last column is the task's ledger id, by which `podium tasks` finds it again.
        let id = session.state().tasks[i].id;
        assert_eq!(row[15], Data::Float(id as f64), "row {i}: the ledger id");
        assert_eq!(
            date_cell(&row[6]),
            due,
            "row {i}: the due date cell {:?}",
            row[6]
        );
        if due.is_none() {
            assert_eq!(row[6], Data::Empty, "row {i}");
        }
        let mut got = row[..15].to_vec();
        got[6] = Data::Empty;
        assert_eq!(got, want, "row {i}");
    }

    // English: the same cells under English headers and words.
    let en = task_sheet(&session, Lang::En);
    assert_eq!(
        en[0][..4],
        [s("#"), s("List"), s("Task"), s("Owner")],
        "{:?}",
        en[0]
    );
    assert_eq!(en[1][8], s("in progress"));
    assert_eq!(en[1][9], s("yes"));
    assert_eq!(en[1][12], s("meeting"));
    assert_eq!(en[1][13], s("“一季度工作推进会” (2026-04-15)"));
    assert_eq!(en[2][4], s("市税务局, 市发改委"));
    assert_eq!(date_cell(&en[2][6]), Some(day(2026, 6, 30)));
}

/// The section of the minutes after `start`, up to the next heading of its level or above.
fn section<'a>(md: &'a str, start: &str) -> &'a str {
    let at = md
        .find(start)
        .unwrap_or_else(|| panic!("{start} in:\n{md}"));
    let rest = &md[at + start.len()..];
    let end = [rest.find("\n### "), rest.find("\n## ")]
        .into_iter()
        .flatten()
        .min()
        .map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

#[test]
fn the_minutes_list_the_tasks_by_owner() {
    let dir = tempfile::tempdir().unwrap();
    let session = store::read(&meeting(dir.path())).expect("the session reads");
    let md =
        String::from_utf8(render(&session, ReportFormat::Md, at(60), Lang::Zh).unwrap()).unwrap();
    let tasks = section(&md, "## 四、议定事项（交办事项）\n");
    assert!(
        tasks.starts_with("\n上次会议：《一季度工作推进会》（2026年4月15日）\n\n"),
        "{tasks}"
    );
    let tasks = &md[md.find("## 四、").expect("a task list")..];
    let tasks = &tasks[..tasks[3..].find("\n## ").map_or(tasks.len(), |e| e + 4)];
    // The agenda's units in agenda order, then the other owners as the ledger names them.
    let owners: Vec<&str> = tasks
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .collect();
    assert_eq!(owners, ["市财政局", "市交通运输局", "市住建局", "市审计局"]);
    assert_eq!(
        section(tasks, "### 市财政局\n\n"),
        "- \\[重点任务清单 1\\] 推进税源培育\n\
         \x20 - 完成时限：2026年6月30日；状态：推进中；配合单位：市税务局、市发改委；责任领导：李副市长\n\
         \x20 - 最新进展：2026年5月30日 新增市场主体1200户\n\
         - 压减一般性支出\n\
         \x20 - 状态：未启动；提出人：评委甲\n\
         - 数字政府攻坚（揭榜）\n\
         \x20 - 完成时限：长期坚持；状态：未启动；提出人：市委书记\n\n"
    );
    assert_eq!(
        section(tasks, "### 市交通运输局\n\n"),
        "- \\[重点任务清单 2\\] =SUM(A1)清理拖欠账款\n\
         \x20 - 完成时限：2026年5月20日（5月20日前）；状态：未启动；**逾期**\n\
         - 编制交通专项方案\n\
         \x20 - 完成时限：2026年6月30日（6月底前）；状态：未启动；责任领导：王副市长；提出人：市委书记\n\n"
    );
    assert_eq!(
        section(tasks, "### 市住建局\n\n"),
        "- \\[民生实事 5\\] 老旧小区改造（接续自《一季度工作推进会》（2026年4月15日））\n\
         \x20 - 完成时限：2026年4月30日（4月底前）；状态：推进中；**逾期**；提出人：市长\n\
         \x20 - 最新进展：2026年5月30日 完成80%\n\n"
    );
    assert!(
        section(tasks, "### 市审计局\n\n").contains("状态：已办结\n"),
        "finished, never overdue:\n{tasks}"
    );
    assert!(!tasks.contains("未明确责任单位"), "every task has an owner");

    let en =
        String::from_utf8(render(&session, ReportFormat::Md, at(60), Lang::En).unwrap()).unwrap();
    for line in [
        "## 4. Decisions and follow-up tasks\n\nPrevious meeting: “一季度工作推进会” (15 April 2026)\n\n",
        "- \\[民生实事 5\\] 老旧小区改造 (carried from “一季度工作推进会” (15 April 2026))\n",
        "  - Due: 30 April 2026 (4月底前); Status: in progress; **overdue**; Assigned by: 市长\n",
        "  - Latest progress: 30 May 2026 完成80%\n",
    ] {
        assert!(en.contains(line), "{line:?} in:\n{en}");
    }
}

fn podium_json(session: &Path) -> Value {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_podium"));
    command
        .args(["report".as_ref(), session.as_os_str()])
        .args(["--format", "json", "--lang", "zh"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG");
    let out = common::forks::output(&mut command);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_json_record_holds_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let rec = podium_json(&meeting(dir.path()));
    assert_eq!(
        rec["previous"],
        serde_json::json!({
            "title": "一季度工作推进会", "date": "2026-04-15",
            "path": "一季度.session.json", "sha256": "0".repeat(64)
        })
    );
    let tasks = rec["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 7);
    let carried = &tasks[0];
    assert_eq!(carried["id"], 7, "a carried task keeps its number");
    assert_eq!(carried["no"], "5");
    assert_eq!(carried["list"], "民生实事");
    assert_eq!(carried["owner"], "市住建局");
    assert_eq!(carried["due"], "2026-04-30");
    assert_eq!(carried["due_text"], "4月底前");
    assert_eq!(carried["status"], "in_progress");
    assert_eq!(carried["overdue"], true);
    assert_eq!(
        carried["carried_from"],
        serde_json::json!({"title": "一季度工作推进会", "date": "2026-04-15"})
    );
    let progress: Vec<&str> = carried["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(progress, ["完成60%", "完成80%"]);
    let first = &tasks[1];
    assert!(first["id"].is_u64(), "ids are numbers: {first}");
    assert_eq!(
        first["partners"],
        serde_json::json!(["市税务局", "市发改委"])
    );
    assert_eq!(first["leader"], "李副市长");
    assert_eq!(first["overdue"], false);
    assert!(first["unit"].is_null());
    assert_eq!(tasks[3]["status"], "done");
    assert_eq!(
        tasks[3]["overdue"], false,
        "done before its due date passed"
    );
    let converted = &tasks[4];
    assert_eq!(converted["owner"], "市财政局");
    assert_eq!(converted["assigned_by"], "评委甲");
    assert_eq!(converted["unit"], "市财政局");
    let typed = &tasks[5];
    assert_eq!(
        typed["due"], "2026-06-30",
        "6月底前 read against the meeting's date"
    );
    assert_eq!(typed["due_text"], "6月底前");
    assert_eq!(typed["unit"], "市委书记讲话");
    assert_eq!(typed["owner"], "市交通运输局");
    let claimed = &tasks[6];
    assert_eq!(claimed["owner"], "市财政局");
    assert_eq!(claimed["claimed_at"], "2026-05-30T09:32:00+08:00");
    assert!(claimed["due"].is_null(), "长期坚持 has no date");
    assert_eq!(claimed["due_text"], "长期坚持");
    // No remark is left of the converted one.
    let remarks = rec["units"][0]["remarks"].as_array().unwrap();
    assert!(remarks.is_empty(), "{remarks:?}");
}

/// The corpus's old session (format before the ledger), read-only: its two task remarks are
/// ledger tasks in every export, owned by their unit and handed down by their reviewer.
#[test]
fn an_old_sessions_task_remarks_export_as_ledger_tasks() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/city-points.session.json");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("city-points.session.json");
    std::fs::copy(&fixture, &copy).unwrap();
    let session = store::read(&copy).expect("the old session reads");
    let now = at(120);
    let rows = task_sheet(&session, Lang::Zh);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let pick = |row: &[Data]| [0, 2, 3, 8, 11, 12].map(|c| row[c].clone()).to_vec();
    assert_eq!(
        pick(&rows[1]),
        [
            Data::Float(1.0),
            s("6 月底前报送税源培育清单"),
            s("市财政局"),
            s("未启动"),
            s("分管副市长"),
            s("市财政局")
        ]
    );
    assert_eq!(
        pick(&rows[2]),
        [
            Data::Float(2.0),
            s("会后整理一份问题清单"),
            Data::Empty,
            s("未启动"),
            s("常务副市长"),
            s("会议")
        ]
    );
    let md = String::from_utf8(render(&session, ReportFormat::Md, now, Lang::Zh).unwrap()).unwrap();
    assert!(
        md.contains(
            "### 市财政局\n\n- 6 月底前报送税源培育清单\n  - 状态：未启动；提出人：分管副市长\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("### 未明确责任单位\n\n- 会后整理一份问题清单\n"),
        "{md}"
    );
    let rec: Value =
        serde_json::from_slice(&render(&session, ReportFormat::Json, now, Lang::Zh).unwrap())
            .unwrap();
    let tasks = rec["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0]["owner"], "市财政局");
    assert_eq!(tasks[0]["assigned_by"], "分管副市长");
    assert!(tasks[1]["owner"].is_null());
    assert_eq!(tasks[1]["assigned_by"], "常务副市长");
    assert_eq!(
        std::fs::read(&fixture).unwrap(),
        std::fs::read(&copy).unwrap(),
        "the corpus file is read, never written"
    );
}

/// A meeting without tasks: the sheet is there with its header alone, the minutes say none.
#[test]
fn a_meeting_without_tasks_keeps_the_sheet_and_says_none() {
    let plan = podium::planfile::parse(
        "p.json",
        r#"{"title": "交流会", "units": [{"name": "城东街道"}]}"#,
        Lang::Zh,
    )
    .unwrap()
    .plan;
    let session = Session::new(plan);
    let rows = task_sheet(&session, Lang::Zh);
    assert_eq!(rows.len(), 1, "the header alone");
    assert_eq!(rows[0].len(), 16);
    let md =
        String::from_utf8(render(&session, ReportFormat::Md, t0(), Lang::Zh).unwrap()).unwrap();
    assert!(
        md.contains("## 四、议定事项（交办事项）\n\n无\n\n## "),
        "{md}"
    );
}

/// Markdown's backslash escapes undone: `\x` is `x`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

fn run(session: &mut Session, command: Command, now: Time) {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    session.commit(events);
}

/// Every field of a task holding markup: the minutes escape each, and each line reads back
/// as what was typed.
#[test]
fn every_field_of_a_task_is_escaped_in_the_minutes() {
    let plan = podium::planfile::parse(
        "p.json",
        r#"{"title": "交流会", "date": "2026-05-30", "units": [{"name": "城东街道"}]}"#,
        Lang::Zh,
    )
    .unwrap()
    .plan;
    let mut session = Session::new(plan);
    run(
        &mut session,
        Command::AddTask {
            task: Box::new(TaskFields {
                no: Some("1|2".into()),
                text: "- 列表 | *粗* `码`".into(),
                list: Some("#清单_甲".into()),
                owner: Some("a|b_c".into()),
                partners: vec!["x*y".into(), "[z](u)".into()],
                leader: Some("`领导`".into()),
                due_text: Some("<年底前>".into()),
                assigned_by: Some("\\甲&乙".into()),
                ..TaskFields::default()
            }),
            unit: None,
            status: None,
            from_remark: None,
        },
        t0(),
    );
    let id = session.state().tasks[0].id;
    run(
        &mut session,
        Command::AddTaskProgress {
            id,
            text: "# 标题 ~删~".into(),
        },
        at(1),
    );
    let md =
        String::from_utf8(render(&session, ReportFormat::Md, at(2), Lang::Zh).unwrap()).unwrap();
    let tasks = &md[md
        .find("## 四、议定事项（交办事项）\n\n")
        .expect("a task list")..];
    let lines: Vec<&str> = tasks.lines().skip(2).collect();
    assert_eq!(lines[0], "### a\\|b\\_c", "{tasks}");
    assert_eq!(
        unescape(lines[2]),
        "- [#清单_甲 1|2] - 列表 | *粗* `码`",
        "{tasks}"
    );
    assert_eq!(
        unescape(lines[3]),
        "  - 完成时限：<年底前>；状态：未启动；配合单位：x*y、[z](u)；\
         责任领导：`领导`；提出人：\\甲&乙",
        "{tasks}"
    );
    assert_eq!(
        unescape(lines[4]),
        "  - 最新进展：2026年5月30日 # 标题 ~删~",
        "{tasks}"
    );
    // Nothing of the markup is left bare: every markup character is escaped.
    for line in &lines[..5] {
        let mut chars = line.chars().peekable();
        let mut escaped = false;
        for c in chars.by_ref() {
            if escaped {
                escaped = false;
                continue;
            }
            match c {
                '\\' => escaped = true,
                '|' | '`' | '[' | ']' | '<' | '>' | '~' | '&' | '_' => {
                    panic!("{c:?} bare in {line:?}")
                }
                _ => {}
            }
        }
    }
}
