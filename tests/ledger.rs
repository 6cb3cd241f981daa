//! The task ledger's core: tasks entered, edited, progressed, claimed, turned into remarks and
//! back, imported by list + number, carried from the meeting before; old sessions' task remarks
//! folding into ledger tasks; what note-takers may do. Time is passed in (a fake clock).

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use podium::plan::Plan;
use podium::session::ledger::{MeetingRef, PreviousMeeting, Task, TaskFields};
use podium::session::record::Record;
use podium::session::{
    Author, Command, Event, EventKind, ImportedTask, Refusal, RemarkKind, Session, Time,
};
use podium::task::Status;
use serde_json::{Value, json};
use std::path::Path;

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn s(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Two units, a speech, a briefing; a prepared list of three tasks.
fn plan() -> Plan {
    serde_json::from_value(json!({
        "version": 3,
        "title": "重点工作推进会",
        "date": "2026-07-10",
        "units": [
            {"name": "市财政局", "presenter": "局长"},
            {"name": "市发改局", "presenter": "主任"},
            {"name": "领导讲话", "kind": "speech", "presenter": "分管副市长"},
            {"name": "情况通报", "kind": "briefing"}
        ],
        "reviewers": [{"name": "常务副市长"}],
        "tasks": [
            {"no": "1", "list": "重点项目", "text": "完成项目可研", "owner": "市发改局",
             "partners": ["市财政局"], "leader": "分管副市长", "due_text": "6月底前"},
            {"no": "2", "list": "重点项目", "text": "争取专项债", "owner": "市财政局",
             "due": "2026-12-31", "status": "推进中"},
            {"no": "1", "list": "民生实事", "text": "新增学位", "owner": "市教育局",
             "due_text": "长期坚持", "status": "done"}
        ]
    }))
    .expect("the test plan parses")
}

fn run(session: &mut Session, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

fn refused(session: &Session, command: Command, now: Time) -> Refusal {
    match session.decide(&command, now) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    }
}

/// The fold of the events from scratch is the state built event by event, and every event
/// survives a trip through JSON unchanged.
fn assert_replays(session: &Session) {
    let replayed = Session::from_events(session.plan().clone(), session.events().to_vec());
    assert_eq!(replayed.state(), session.state());
    // Every task is found by its id (the state's index of the ledger follows every change).
    let st = session.state();
    for t in &st.tasks {
        assert_eq!(st.task(t.id), Some(t), "task {} by its id", t.id);
    }
    let absent = st.tasks.iter().map(|t| t.id).max().unwrap_or(0) + 1;
    assert_eq!(st.task(absent), None);
    for e in session.events() {
        let text = serde_json::to_string(e).unwrap();
        let back: Event = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{text}: {err}"));
        assert_eq!(&back, e, "{text}");
    }
}

fn record(session: &Session, now: Time) -> Value {
    serde_json::to_value(Record::of(session, now)).unwrap()
}

fn fields(text: &str) -> Box<TaskFields> {
    Box::new(TaskFields {
        text: text.into(),
        ..TaskFields::default()
    })
}

fn add(text: &str, owner: Option<&str>, unit: Option<&str>) -> Command {
    Command::AddTask {
        task: Box::new(TaskFields {
            text: text.into(),
            owner: owner.map(String::from),
            ..TaskFields::default()
        }),
        unit: unit.map(String::from),
        status: None,
        from_remark: None,
    }
}

#[test]
fn the_plans_prepared_list_opens_as_ledger_tasks_with_dates_read_against_the_meeting() {
    let ss = Session::new(plan());
    let tasks = &ss.state().tasks;
    assert_eq!(
        tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
        [1, 2, 3],
        "numbered in plan order"
    );
    assert_eq!(
        tasks[0].fields.due,
        Some(day(2026, 6, 30)),
        "6月底前 in 2026"
    );
    assert_eq!(tasks[0].fields.partners, ["市财政局"]);
    assert_eq!(tasks[1].status, Status::InProgress, "推进中");
    assert_eq!(tasks[2].status, Status::Done);
    assert_eq!(tasks[2].fields.due, None, "长期坚持 has no date");
    let rec = record(&ss, s(0));
    assert_eq!(rec["tasks"][0]["due"], "2026-06-30");
    assert_eq!(rec["tasks"][0]["due_text"], "6月底前");
    assert_eq!(
        rec["tasks"][0]["overdue"], true,
        "due before the meeting's date (2026-07-10) and open"
    );
    assert_eq!(rec["tasks"][1]["overdue"], false);
    assert_eq!(rec["tasks"][2]["overdue"], false);
    assert_eq!(rec["tasks"][1]["status"], "in_progress");
    assert_eq!(
        rec["tasks"][0]["at"],
        Value::Null,
        "a prepared task was raised before"
    );
}

#[test]
fn a_task_is_entered_edited_progressed_claimed_and_deleted_each_one_undo() {
    let mut ss = Session::new(plan());
    let e = run(
        &mut ss,
        add(" 报送税源清单 ", Some("市财政局"), Some("市财政局")),
        s(10),
    );
    let id = match &e[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    assert!(id > 3, "above the plan's tasks: {id}");
    let t = ss.state().task(id).unwrap();
    assert_eq!(t.fields.text, "报送税源清单", "trimmed");
    assert_eq!(t.at, Some(s(10)));
    assert_eq!(t.status, Status::Open);

    run(
        &mut ss,
        Command::EditTask {
            id,
            task: Box::new(TaskFields {
                text: "报送税源清单".into(),
                owner: Some("市财政局".into()),
                partners: vec!["市税务局、市统计局".into()],
                due_text: Some("三季度末".into()),
                ..TaskFields::default()
            }),
        },
        s(20),
    );
    let t = ss.state().task(id).unwrap();
    assert_eq!(t.fields.partners, ["市税务局", "市统计局"], "split on 、");
    assert_eq!(t.fields.due, Some(day(2026, 9, 30)), "三季度末");

    run(
        &mut ss,
        Command::AddTaskProgress {
            id,
            text: "已完成初稿".into(),
        },
        s(30),
    );
    run(
        &mut ss,
        Command::SetTaskStatus {
            id,
            status: Status::InProgress,
        },
        s(40),
    );
    run(
        &mut ss,
        Command::ClaimTask {
            id,
            owner: "市发改局".into(),
        },
        s(50),
    );
    let rec = record(&ss, s(60));
    let task = rec["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(task["owner"], "市发改局");
    assert_eq!(task["status"], "in_progress");
    assert_eq!(
        task["progress"],
        json!([{"at": "2026-05-30T09:00:30+08:00", "text": "已完成初稿"}])
    );
    assert_eq!(task["claimed_at"], "2026-05-30T09:00:50+08:00");
    assert_eq!(task["unit"], "市财政局");
    assert_replays(&ss);

    // Each action is one undo, newest first.
    run(&mut ss, Command::Undo, s(61));
    assert_eq!(
        ss.state().task(id).unwrap().fields.owner.as_deref(),
        Some("市财政局")
    );
    run(&mut ss, Command::Undo, s(62));
    assert_eq!(ss.state().task(id).unwrap().status, Status::Open);
    run(&mut ss, Command::Undo, s(63));
    assert!(ss.state().task(id).unwrap().progress.is_empty());
    run(&mut ss, Command::DeleteTask { id }, s(64));
    assert!(ss.state().task(id).is_none());
    run(&mut ss, Command::Undo, s(65));
    assert!(ss.state().task(id).is_some(), "the delete is undone");
    assert_replays(&ss);
}

#[test]
fn a_task_said_during_a_speech_is_not_owned_by_the_speech() {
    let mut ss = Session::new(plan());
    // The legacy command (a note-taker's older key): a remark of kind task.
    run(
        &mut ss,
        Command::AddRemark {
            unit: Some("领导讲话".into()),
            reviewer: "分管副市长".into(),
            text: "各单位月底前报送".into(),
            kind: RemarkKind::Task,
        },
        s(10),
    );
    let t = ss.state().tasks.last().unwrap();
    assert_eq!(t.fields.owner, None, "a speech never owns a task");
    assert_eq!(t.unit.as_deref(), Some("领导讲话"), "where it came up");
    assert_eq!(t.fields.assigned_by.as_deref(), Some("分管副市长"));
    run(
        &mut ss,
        Command::AddRemark {
            unit: Some("市财政局".into()),
            reviewer: "常务副市长".into(),
            text: "加快进度".into(),
            kind: RemarkKind::Task,
        },
        s(20),
    );
    let t = ss.state().tasks.last().unwrap();
    assert_eq!(
        t.fields.owner.as_deref(),
        Some("市财政局"),
        "a 汇报单位 does"
    );
    assert!(ss.state().remarks.is_empty(), "tasks are not remarks");
    assert_eq!(ss.report_unit(Some("情况通报")), None, "nor a briefing");
}

#[test]
fn a_remark_turns_into_a_task_and_back_keeping_its_number_and_words() {
    let mut ss = Session::new(plan());
    let rid = run(
        &mut ss,
        Command::AddRemark {
            unit: Some("市发改局".into()),
            reviewer: "常务副市长".into(),
            text: "项目储备要再充实".into(),
            kind: RemarkKind::Remark,
        },
        s(10),
    )[0]
    .seq;
    let owner = ss.report_unit(Some("市发改局"));
    let e = run(
        &mut ss,
        Command::AddTask {
            task: Box::new(TaskFields {
                text: "项目储备要再充实".into(),
                owner,
                assigned_by: Some("常务副市长".into()),
                due_text: Some("年底前".into()),
                ..TaskFields::default()
            }),
            unit: None,
            status: None,
            from_remark: Some(rid),
        },
        s(20),
    );
    let id = match &e[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    assert!(
        ss.state().remark(rid).is_none(),
        "the remark became the task"
    );
    let t = ss.state().task(id).unwrap();
    assert_eq!(t.unit.as_deref(), Some("市发改局"), "said on that unit");
    assert_eq!(t.fields.due, Some(day(2026, 12, 31)));
    assert_eq!(
        refused(
            &ss,
            Command::AddTask {
                task: fields("再来一次"),
                unit: None,
                status: None,
                from_remark: Some(rid),
            },
            s(21)
        ),
        Refusal::UnknownRemark { id: rid },
        "a remark becomes a task once"
    );

    run(&mut ss, Command::RevertTask { id }, s(30));
    assert!(ss.state().task(id).is_none());
    let r = ss.state().remark(rid).expect("the remark is back");
    assert_eq!(
        (r.text.as_str(), r.reviewer.as_str(), r.kind, r.at),
        ("项目储备要再充实", "常务副市长", RemarkKind::Remark, s(10))
    );
    assert_replays(&ss);
    run(&mut ss, Command::Undo, s(40));
    assert!(ss.state().task(id).is_some(), "undo: a task again");
    run(&mut ss, Command::Undo, s(41));
    assert!(ss.state().task(id).is_none());
    assert!(ss.state().remark(rid).is_some(), "undo: a remark again");

    // A task typed as a task turns into a remark on the unit it came up on.
    let id = match &run(&mut ss, add("补充材料", None, Some("市财政局")), s(50))[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    let e = run(&mut ss, Command::RevertTask { id }, s(60));
    let r = ss.state().remark(e[0].seq).expect("a new remark");
    assert_eq!(
        (r.unit.as_deref(), r.text.as_str()),
        (Some("市财政局"), "补充材料")
    );
    assert_replays(&ss);
}

#[test]
fn an_imported_list_adds_new_rows_and_updates_those_matched_by_list_and_number() {
    let mut ss = Session::new(plan());
    let row = |list: &str, no: &str, text: &str, status: Option<Status>, progress: &[&str]| {
        ImportedTask {
            id: None,
            task: TaskFields {
                no: Some(no.into()),
                list: Some(list.into()),
                text: text.into(),
                ..TaskFields::default()
            },
            status,
            progress: progress.iter().map(|p| p.to_string()).collect(),
        }
    };
    let e = run(
        &mut ss,
        Command::ImportTasks {
            tasks: vec![
                // Matches the plan's 重点项目 1: status and progress updated, text kept.
                row("重点项目", "1", "", Some(Status::Done), &["可研已批复"]),
                // 民生实事 2 is new.
                row("民生实事", "2", "改造老旧小区", None, &["滞后"]),
                row("民生实事", "3", "新建公园", Some(Status::InProgress), &[]),
            ],
        },
        s(10),
    );
    let first = e[0].seq;
    assert!(
        e.iter().skip(1).all(|x| x.part_of == Some(first)),
        "one action"
    );
    let st = ss.state();
    let t1 = st.task(1).unwrap();
    assert_eq!(
        t1.fields.text, "完成项目可研",
        "an empty cell keeps the text"
    );
    assert_eq!(t1.status, Status::Done);
    assert_eq!(t1.progress.len(), 1);
    let new: Vec<&Task> = st
        .tasks
        .iter()
        .filter(|t| t.fields.list.as_deref() == Some("民生实事"))
        .collect();
    assert_eq!(new.len(), 3);
    assert_eq!(new[1].fields.no.as_deref(), Some("2"));
    assert_eq!(new[1].progress[0].text, "滞后");
    let ids: Vec<u64> = st.tasks.iter().map(|t| t.id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "ids are unique");

    // The same list again: nothing to do.
    assert_eq!(
        refused(
            &ss,
            Command::ImportTasks {
                tasks: vec![row(
                    "重点项目",
                    "1",
                    "",
                    Some(Status::Done),
                    &["可研已批复"]
                )]
            },
            s(20)
        ),
        Refusal::NothingChanged
    );
    // A number twice in one list of the file is refused, naming it.
    assert_eq!(
        refused(
            &ss,
            Command::ImportTasks {
                tasks: vec![
                    row("民生实事", "9", "甲", None, &[]),
                    row("民生实事", "9", "乙", None, &[])
                ]
            },
            s(20)
        ),
        Refusal::DuplicateTask {
            list: Some("民生实事".into()),
            no: "9".into()
        }
    );
    // One undo takes the whole import back.
    run(&mut ss, Command::Undo, s(30));
    assert_eq!(ss.state().tasks.len(), 3);
    assert_eq!(ss.state().task(1).unwrap().status, Status::Open);
    assert_replays(&ss);
}

#[test]
fn the_meeting_before_is_linked_once_as_the_first_event_and_undo_does_not_cross_it() {
    let mut ss = Session::new(plan());
    let mut carried = Task::new(
        57,
        TaskFields {
            text: "上次交办的事项".into(),
            owner: Some("市财政局".into()),
            ..TaskFields::default()
        },
    );
    carried.status = Status::InProgress;
    carried.carried_from = Some(MeetingRef {
        title: "一季度推进会".into(),
        date: Some("2026-04-10".into()),
    });
    let previous = PreviousMeeting {
        title: "一季度推进会".into(),
        date: Some("2026-04-10".into()),
        path: "q1.session.json".into(),
        sha256: "ab".repeat(32),
    };
    run(
        &mut ss,
        Command::LinkPrevious {
            previous: Box::new(previous.clone()),
            tasks: vec![carried.clone()],
            results: None,
        },
        s(0),
    );
    let ids: Vec<u64> = ss.state().tasks.iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [57, 58, 59, 60],
        "carried first; the plan's numbered above"
    );
    let id = match &run(&mut ss, add("新任务", None, None), s(10))[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    assert_eq!(id, 61, "above every carried and prepared task");
    let rec = record(&ss, s(20));
    assert_eq!(
        rec["previous"],
        json!({"title": "一季度推进会", "date": "2026-04-10", "path": "q1.session.json", "sha256": "ab".repeat(32)})
    );
    assert_eq!(
        rec["tasks"][0]["carried_from"],
        json!({"title": "一季度推进会", "date": "2026-04-10"})
    );
    assert_eq!(
        refused(
            &ss,
            Command::LinkPrevious {
                previous: Box::new(previous),
                tasks: vec![],
                results: None,
            },
            s(30)
        ),
        Refusal::PreviousTooLate
    );
    run(&mut ss, Command::Undo, s(40));
    assert_eq!(
        refused(&ss, Command::Undo, s(41)),
        Refusal::NothingToUndo,
        "the link is not undone"
    );
    assert!(ss.state().previous.is_some());
    assert_replays(&ss);
}

#[test]
fn note_takers_add_and_report_progress_but_closing_is_the_hosts() {
    let mut ss = Session::new(plan());
    let li = Author {
        name: "小李".into(),
        command: Some("c1".into()),
        scores: false,
    };
    let wang = Author {
        name: "小王".into(),
        command: None,
        scores: false,
    };
    let e = ss
        .decide_as(&add("核对数据", None, None), Some(&li), s(1))
        .unwrap();
    ss.commit(e.clone());
    let id = match &e[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    assert_eq!(ss.state().task(id).unwrap().by.as_deref(), Some("小李"));
    let progress = Command::AddTaskProgress {
        id: 1,
        text: "已对接".into(),
    };
    let e = ss.decide_as(&progress, Some(&wang), s(2)).unwrap();
    ss.commit(e);
    assert_eq!(
        ss.state().task(1).unwrap().progress[0].by.as_deref(),
        Some("小王")
    );
    for status in [Status::Closed, Status::Cancelled] {
        assert_eq!(
            ss.decide_as(&Command::SetTaskStatus { id, status }, Some(&li), s(3)),
            Err(Refusal::TaskStatusHostOnly)
        );
    }
    assert!(
        ss.decide_as(
            &Command::SetTaskStatus {
                id,
                status: Status::Done
            },
            Some(&li),
            s(3)
        )
        .is_ok()
    );
    assert_eq!(
        ss.decide_as(&Command::DeleteTask { id }, Some(&wang), s(4)),
        Err(Refusal::NotYourTask { id })
    );
    assert!(
        ss.decide_as(&Command::DeleteTask { id }, Some(&li), s(4))
            .is_ok()
    );
    for host_only in [
        Command::ImportTasks { tasks: vec![] },
        Command::LinkPrevious {
            previous: Box::new(PreviousMeeting {
                title: "x".into(),
                date: None,
                path: "x".into(),
                sha256: String::new(),
            }),
            tasks: vec![],
            results: None,
        },
        Command::CopyPreviousResults {
            sha256: String::new(),
            results: Box::default(),
        },
    ] {
        assert_eq!(
            ss.decide_as(&host_only, Some(&li), s(5)),
            Err(Refusal::HostOnly)
        );
    }
}

#[test]
fn bad_task_input_is_refused_with_a_reason() {
    let ss = Session::new(plan());
    assert_eq!(
        refused(&ss, add("  \n ", None, None), s(1)),
        Refusal::EmptyText
    );
    assert_eq!(
        refused(&ss, add("事项", Some("坏\u{1b}[2J名"), None), s(1)),
        Refusal::ControlChars
    );
    assert_eq!(
        refused(&ss, add("事项", None, Some("无此议程")), s(1)),
        Refusal::UnknownUnit {
            unit: "无此议程".into()
        }
    );
    assert_eq!(
        refused(
            &ss,
            Command::AddTask {
                task: Box::new(TaskFields {
                    no: Some("2".into()),
                    list: Some("重点项目".into()),
                    text: "重复序号".into(),
                    ..TaskFields::default()
                }),
                unit: None,
                status: None,
                from_remark: None
            },
            s(1)
        ),
        Refusal::DuplicateTask {
            list: Some("重点项目".into()),
            no: "2".into()
        }
    );
    assert_eq!(
        refused(
            &ss,
            Command::SetTaskStatus {
                id: 999,
                status: Status::Done
            },
            s(1)
        ),
        Refusal::UnknownTask { id: 999 }
    );
}

/// An old session (podium 0.1, session version 1) with task remarks: they open as ledger
/// tasks, numbered by their remarks, owned by the unit they were said on, assigned by their
/// reviewer, open. The file is read, never written.
#[test]
fn an_old_session_with_task_remarks_opens_as_ledger_tasks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/city-points.session.json");
    let before = std::fs::read(&path).unwrap();
    let session = podium::store::read(&path).expect("the old session opens");
    let rec = record(&session, s(0));
    let tasks = rec["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0]["id"], 4);
    assert_eq!(tasks[0]["owner"], "市财政局");
    assert_eq!(tasks[0]["unit"], "市财政局");
    assert_eq!(tasks[0]["assigned_by"], "分管副市长");
    assert_eq!(tasks[0]["reviewer"], "分管副市长", "the old field, kept");
    assert_eq!(tasks[0]["status"], "open");
    assert_eq!(tasks[0]["text"], "6 月底前报送税源培育清单");
    assert_eq!(tasks[1]["id"], 25);
    assert_eq!(
        tasks[1]["owner"],
        Value::Null,
        "a task on the meeting has no owner"
    );
    // The remarks are still remarks of kind task, as that podium recorded them.
    let finance = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "市财政局")
        .unwrap();
    assert!(
        finance["remarks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == 4 && r["kind"] == "task")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "never written");

    // Continuing it: the task is followed up like any other.
    let mut session = session;
    let at = session.clock(s(0));
    run(
        &mut session,
        Command::SetTaskStatus {
            id: 4,
            status: Status::InProgress,
        },
        at,
    );
    assert_eq!(session.state().task(4).unwrap().status, Status::InProgress);
    // Deleting it deletes the remark it is (as that podium did).
    run(&mut session, Command::DeleteTask { id: 4 }, at);
    assert!(session.state().task(4).is_none());
    assert!(session.state().remark(4).is_none());
    assert_replays(&session);
}

#[test]
fn the_ledger_survives_the_journal_and_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.session.json");
    let mut w = podium::store::Writer::create(&path, plan(), s(0)).unwrap();
    w.execute(&add("写进日志", Some("市财政局"), None), s(1))
        .unwrap();
    w.execute(
        &Command::AddTaskProgress {
            id: 1,
            text: "第一次进展".into(),
        },
        s(2),
    )
    .unwrap();
    let expected = record(w.session(), s(3));
    drop(w);
    let reopened = podium::store::read(&path).unwrap();
    assert_eq!(record(&reopened, s(3)), expected);
    let text = std::fs::read_to_string(&path).unwrap();
    let version: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(version["version"], podium::store::VERSION);
}

/// The examples of docs/FORMAT.md for the ledger's events are events this podium reads.
#[test]
fn the_format_docs_examples_of_task_events_parse() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md"))
            .unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.starts_with("{\"seq\"") && (l.contains("\"task_") || l.contains("previous_linked"))
        })
        .collect();
    assert!(lines.len() >= 8, "{lines:?}");
    for line in lines {
        let event: Event =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("docs/FORMAT.md: {line}: {e}"));
        let again = serde_json::to_string(&event).unwrap();
        let a: Value = serde_json::from_str(line).unwrap();
        let b: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(a, b, "written back the same: {line}");
    }
}
