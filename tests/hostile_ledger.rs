//! A hostile review of the task ledger's core: ids near the largest number, ids given again
//! after an undo, remark ↔ task round trips, an old session's task remarks, deadlines as
//! people really write them, list numbers written in full-width digits, note-takers trying
//! to close tasks, unknown fields in a journal line, and a large ledger. Each test here failed
//! before the fix it came with.

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use podium::deadline::{self, Deadline};
use podium::plan::Plan;
use podium::session::ledger::{PreviousMeeting, Task, TaskFields};
use podium::session::{
    Author, Command, Event, EventKind, ImportedTask, Refusal, RemarkKind, Session, Time,
};
use podium::task::Status;
use serde_json::json;
use std::collections::HashSet;

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn s(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

fn plan_with(tasks: serde_json::Value) -> Plan {
    serde_json::from_value(json!({
        "version": 3,
        "title": "重点工作推进会",
        "date": "2026-07-10",
        "units": [
            {"name": "市财政局", "presenter": "局长"},
            {"name": "市发改局", "presenter": "主任"},
            {"name": "领导讲话", "kind": "speech", "presenter": "分管副市长"}
        ],
        "reviewers": [{"name": "常务副市长"}],
        "tasks": tasks
    }))
    .expect("the test plan parses")
}

fn plan() -> Plan {
    plan_with(json!([
        {"no": "1", "list": "重点项目", "text": "完成项目可研", "owner": "市发改局"},
        {"no": "2", "list": "重点项目", "text": "争取专项债", "owner": "市财政局"},
        {"no": "1", "list": "民生实事", "text": "新增学位", "owner": "市教育局"}
    ]))
}

fn run(session: &mut Session, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

fn run_as(session: &mut Session, author: &Author, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide_as(&command, Some(author), now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

/// The fold from scratch equals the state built event by event, and the events survive JSON.
fn assert_replays(session: &Session) {
    let replayed = Session::from_events(session.plan().clone(), session.events().to_vec());
    assert_eq!(replayed.state(), session.state());
    for e in session.events() {
        let text = serde_json::to_string(e).unwrap();
        let back: Event = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{text}: {err}"));
        assert_eq!(&back, e, "{text}");
    }
}

/// No two tasks of the ledger share an id.
fn assert_unique_ids(session: &Session) {
    let ids: Vec<u64> = session.state().tasks.iter().map(|t| t.id).collect();
    let set: HashSet<u64> = ids.iter().copied().collect();
    assert_eq!(set.len(), ids.len(), "ids given twice: {ids:?}");
}

fn fields(text: &str) -> Box<TaskFields> {
    Box::new(TaskFields {
        text: text.into(),
        ..TaskFields::default()
    })
}

fn add(text: &str) -> Command {
    Command::AddTask {
        task: fields(text),
        unit: None,
        status: None,
        from_remark: None,
    }
}

fn added_id(events: &[Event]) -> u64 {
    match &events[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    }
}

fn event(seq: u64, kind: serde_json::Value) -> Event {
    let mut v = kind;
    v["seq"] = json!(seq);
    v["at"] = json!(s(seq as i64));
    serde_json::from_value(v).expect("the hand-made event parses")
}

fn notetaker(name: &str) -> Author {
    Author {
        name: name.into(),
        command: None,
        scores: false,
    }
}

/// Closing (销号) and cancelling are the host's through every path a note-taker has: setting
/// the status, adding a task already closed, and reopening a task the host closed.
#[test]
fn a_note_taker_never_closes_cancels_or_reopens_what_the_host_closed() {
    let mut ss = Session::new(plan());
    let li = notetaker("小李");
    for status in [Status::Closed, Status::Cancelled] {
        let add_closed = Command::AddTask {
            task: fields("一来就销号"),
            unit: None,
            status: Some(status),
            from_remark: None,
        };
        assert_eq!(
            ss.decide_as(&add_closed, Some(&li), s(1)),
            Err(Refusal::TaskStatusHostOnly),
            "{status:?}"
        );
        assert!(ss.decide(&add_closed, s(1)).is_ok(), "the host may");
    }
    // A note-taker may add a task already in progress or done.
    let id = added_id(&run_as(
        &mut ss,
        &li,
        Command::AddTask {
            task: fields("已经在推进"),
            unit: None,
            status: Some(Status::InProgress),
            from_remark: None,
        },
        s(2),
    ));
    // The host closes it; the note-taker who entered it cannot open it again.
    run(
        &mut ss,
        Command::SetTaskStatus {
            id,
            status: Status::Closed,
        },
        s(3),
    );
    for status in [Status::Open, Status::InProgress, Status::Done] {
        assert_eq!(
            ss.decide_as(&Command::SetTaskStatus { id, status }, Some(&li), s(4)),
            Err(Refusal::TaskStatusHostOnly),
            "reopened as {status:?}"
        );
    }
    assert!(
        ss.decide(
            &Command::SetTaskStatus {
                id,
                status: Status::Open
            },
            s(4)
        )
        .is_ok()
    );
}

/// A hand-edited session whose tasks are numbered up to the largest number: every task added
/// is a task of the ledger with an id of its own, or the command is refused — never an event
/// that the fold then drops because its id is taken.
#[test]
fn ids_near_the_largest_number_are_never_given_twice() {
    let events = vec![event(
        1,
        json!({"type": "task_added", "task": {"id": u64::MAX - 1, "text": "手工改出的大编号"}}),
    )];
    let mut ss = Session::from_events(plan(), events);
    assert_eq!(ss.state().tasks.len(), 4);
    let id = added_id(&run(&mut ss, add("最后一个编号"), s(10)));
    assert_eq!(id, u64::MAX);
    assert_eq!(ss.state().tasks.len(), 5);
    match ss.decide(&add("没有编号可给了"), s(11)) {
        Err(Refusal::SeqExhausted) => {}
        other => panic!("a task with a taken id: {other:?}"),
    }
    // An import of several rows: refused, not three events for one id.
    let rows = (0..3)
        .map(|i| ImportedTask {
            task: TaskFields {
                text: format!("导入{i}"),
                ..TaskFields::default()
            },
            ..ImportedTask::default()
        })
        .collect();
    match ss.decide(&Command::ImportTasks { tasks: rows }, s(12)) {
        Err(Refusal::SeqExhausted) => {}
        other => panic!("an import with taken ids: {other:?}"),
    }
    assert_unique_ids(&ss);
    assert_replays(&ss);
}

/// An import near the largest number that fits exactly is taken whole.
#[test]
fn an_import_that_just_fits_below_the_largest_number_is_taken_whole() {
    let events = vec![event(
        1,
        json!({"type": "task_added", "task": {"id": u64::MAX - 3, "text": "大编号"}}),
    )];
    let mut ss = Session::from_events(plan(), events);
    let rows: Vec<ImportedTask> = (0..3)
        .map(|i| ImportedTask {
            task: TaskFields {
                text: format!("导入{i}"),
                ..TaskFields::default()
            },
            ..ImportedTask::default()
        })
        .collect();
    run(&mut ss, Command::ImportTasks { tasks: rows }, s(10));
    assert_eq!(ss.state().tasks.len(), 3 + 1 + 3);
    assert_unique_ids(&ss);
    assert_replays(&ss);
}

/// A task that was added and undone keeps its id to itself: a note-taker's laptop that still
/// shows it must not report progress on another task that took its number.
#[test]
fn an_undone_task_s_id_is_not_given_to_the_next_task() {
    let mut ss = Session::new(plan());
    let first = added_id(&run(&mut ss, add("记错了的任务"), s(1)));
    run(&mut ss, Command::Undo, s(2));
    assert!(ss.state().task(first).is_none());
    let second = added_id(&run(&mut ss, add("另一个任务"), s(3)));
    assert_ne!(second, first, "the undone task's id given again");
    assert_unique_ids(&ss);
    assert_replays(&ss);
    // The same after a reopen (the fold from the events alone).
    let reopened = Session::from_events(ss.plan().clone(), ss.events().to_vec());
    let third = match &reopened.decide(&add("第三个"), s(4)).unwrap()[0].kind {
        EventKind::TaskAdded { task, .. } => task.id,
        other => panic!("{other:?}"),
    };
    assert!(third > second && third != first);
}

/// The meeting before carried tasks numbered near the largest number (or twice the same): the
/// plan's tasks, numbered above them, never share an id.
#[test]
fn a_link_with_ids_near_the_largest_number_never_gives_an_id_twice() {
    let carried = |id: u64| Task::new(id, *fields("上次的事项"));
    let previous = PreviousMeeting {
        title: "上次".into(),
        date: None,
        path: "q1.session.json".into(),
        sha256: "00".repeat(32),
    };
    let mut ss = Session::new(plan());
    let link = Command::LinkPrevious {
        previous: Box::new(previous.clone()),
        tasks: vec![carried(u64::MAX - 1), carried(u64::MAX - 1)],
        results: None,
    };
    match ss.decide(&link, s(0)) {
        Err(Refusal::SeqExhausted) => {}
        Ok(events) => {
            ss.commit(events);
            assert_unique_ids(&ss);
        }
        Err(other) => panic!("{other:?}"),
    }
    // A hand-made link that does not fit is ignored by the fold, never folded into twins.
    let hand_made = vec![event(
        1,
        json!({"type": "previous_linked",
               "previous": {"title": "上次", "path": "q1.session.json", "sha256": "00"},
               "tasks": [{"id": u64::MAX, "text": "上次的事项"}]}),
    )];
    let ss = Session::from_events(plan(), hand_made);
    assert_unique_ids(&ss);
    // Twice the same carried id: kept once.
    let mut ss = Session::new(plan());
    run(
        &mut ss,
        Command::LinkPrevious {
            previous: Box::new(previous),
            tasks: vec![carried(7), carried(7)],
            results: None,
        },
        s(0),
    );
    assert_unique_ids(&ss);
    assert_eq!(ss.state().tasks.len(), 4);
    assert_replays(&ss);
}

/// A remark turned into a task, edited, turned back, undone step by step: the remark is never
/// lost nor held twice, and the fold from scratch is the fold event by event at every step.
#[test]
fn a_remark_and_its_task_are_never_lost_nor_doubled_through_undo() {
    let mut ss = Session::new(plan());
    let rid = run(
        &mut ss,
        Command::AddRemark {
            unit: Some("市财政局".into()),
            reviewer: "常务副市长".into(),
            text: "税源要盯紧".into(),
            kind: RemarkKind::Remark,
        },
        s(1),
    )[0]
    .seq;
    let held = |ss: &Session| {
        let remarks = ss.state().remarks.iter().filter(|r| r.id == rid).count();
        let tasks = ss
            .state()
            .tasks
            .iter()
            .filter(|t| t.fields.text.contains("税源"))
            .count();
        assert_eq!(remarks + tasks, 1, "remarks {remarks}, tasks {tasks}");
        assert_replays(ss);
    };
    // Through EditRemark with kind task, then the task edited, turned back, again a task.
    let id = added_id(&run(
        &mut ss,
        Command::EditRemark {
            id: rid,
            reviewer: "常务副市长".into(),
            text: "税源要盯紧".into(),
            kind: RemarkKind::Task,
        },
        s(2),
    ));
    held(&ss);
    run(
        &mut ss,
        Command::EditTask {
            id,
            task: Box::new(TaskFields {
                text: "税源要盯紧，月底报清单".into(),
                owner: Some("市财政局".into()),
                ..TaskFields::default()
            }),
        },
        s(3),
    );
    held(&ss);
    run(&mut ss, Command::RevertTask { id }, s(4));
    held(&ss);
    assert_eq!(
        ss.state().remark(rid).map(|r| r.text.as_str()),
        Some("税源要盯紧，月底报清单")
    );
    for refused in [
        Command::RevertTask { id },
        Command::DeleteTask { id },
        Command::SetTaskStatus {
            id,
            status: Status::Done,
        },
    ] {
        assert_eq!(ss.decide(&refused, s(5)), Err(Refusal::UnknownTask { id }));
    }
    let again = added_id(&run(
        &mut ss,
        Command::EditRemark {
            id: rid,
            reviewer: "常务副市长".into(),
            text: "税源要盯紧，月底报清单".into(),
            kind: RemarkKind::Task,
        },
        s(6),
    ));
    assert_ne!(again, id);
    held(&ss);
    run(&mut ss, Command::DeleteTask { id: again }, s(7));
    assert!(ss.state().remark(rid).is_none() && ss.state().task(again).is_none());
    for k in 0..5 {
        run(&mut ss, Command::Undo, s(8 + k));
        held(&ss);
    }
    assert_eq!(
        ss.state().remark(rid).map(|r| r.text.as_str()),
        Some("税源要盯紧"),
        "everything undone: the remark as it was"
    );
}

/// A session of version 3 made by hand: a remark of kind task, edited into a remark and back,
/// then followed up in this podium (edited in the ledger, turned back into a remark, undone).
/// The remark and the ledger agree at every step; the record keeps the old fields' meaning.
#[test]
fn an_old_task_remark_edited_back_and_forth_stays_one_remark_and_one_task() {
    let plan = plan_with(json!([]));
    let remark = |seq, kind: &str, text: &str| {
        event(
            seq,
            json!({"type": "remark_edited", "id": 1, "reviewer": "分管副市长", "text": text, "kind": kind}),
        )
    };
    let events = vec![
        event(
            1,
            json!({"type": "remark_added", "unit": "市财政局", "reviewer": "分管副市长",
                   "text": "报送税源清单", "kind": "task"}),
        ),
        remark(2, "remark", "报送税源清单"),
        remark(3, "task", "6月底前报送税源清单"),
        event(4, json!({"type": "remark_deleted", "id": 1})),
        event(5, json!({"type": "undone", "action": 4})),
    ];
    let mut ss = Session::from_events(plan.clone(), events.clone());
    // Event by event gives the same.
    let mut step = Session::new(plan);
    for e in events {
        step.commit(vec![e]);
    }
    assert_eq!(step.state(), ss.state());
    let t = ss.state().task(1).expect("task 1, numbered by its remark");
    assert_eq!(t.fields.text, "6月底前报送税源清单");
    assert_eq!(t.fields.owner.as_deref(), Some("市财政局"));
    assert_eq!(ss.state().tasks.len(), 1);
    let rec = serde_json::to_value(podium::session::record::Record::of(&ss, s(10))).unwrap();
    assert_eq!(rec["tasks"][0]["id"], 1);
    assert_eq!(rec["tasks"][0]["unit"], "市财政局");
    assert_eq!(rec["tasks"][0]["reviewer"], "分管副市长");
    assert_eq!(rec["tasks"][0]["text"], "6月底前报送税源清单");

    // Followed up here: the ledger's edit of the text is what the remark says when it turns
    // back into a remark (as for a remark turned into a task in this podium).
    run(
        &mut ss,
        Command::EditTask {
            id: 1,
            task: Box::new(TaskFields {
                text: "6月底前报送税源培育清单".into(),
                owner: Some("市财政局".into()),
                assigned_by: Some("分管副市长".into()),
                ..TaskFields::default()
            }),
        },
        s(20),
    );
    let rec = serde_json::to_value(podium::session::record::Record::of(&ss, s(21))).unwrap();
    let units = rec["units"].as_array().unwrap();
    let finance = units.iter().find(|u| u["name"] == "市财政局").unwrap();
    assert_eq!(
        finance["remarks"][0]["text"], rec["tasks"][0]["text"],
        "the old record's remark of kind task says what the ledger says"
    );
    run(&mut ss, Command::RevertTask { id: 1 }, s(22));
    let r = ss.state().remark(1).unwrap();
    assert_eq!(
        (r.kind, r.text.as_str()),
        (RemarkKind::Remark, "6月底前报送税源培育清单")
    );
    assert!(ss.state().tasks.is_empty());
    assert_replays(&ss);
    run(&mut ss, Command::Undo, s(23));
    assert_eq!(ss.state().tasks.len(), 1);
    assert_eq!(ss.state().remarks.len(), 1);
    assert_eq!(ss.state().remark(1).unwrap().kind, RemarkKind::Task);
    assert_replays(&ss);
}

/// Office sheets mix “1” and “１”, and cells carry stray spaces: a list's 序号 is the same
/// number whatever the width of its digits or the spaces around it, and a list's name the same
/// with spaces around it. (docs: a task is matched by `list` + `no`.)
#[test]
fn list_numbers_in_full_width_digits_or_with_spaces_are_the_same_number() {
    let mut ss = Session::new(plan());
    for (list, no) in [
        ("重点项目", "１"),
        (" 重点项目 ", "1"),
        ("重点项目", " ２ "),
    ] {
        let cmd = Command::AddTask {
            task: Box::new(TaskFields {
                no: Some(no.into()),
                list: Some(list.into()),
                text: "重复的序号".into(),
                ..TaskFields::default()
            }),
            unit: None,
            status: None,
            from_remark: None,
        };
        assert!(
            matches!(ss.decide(&cmd, s(1)), Err(Refusal::DuplicateTask { .. })),
            "{list:?} {no:?}"
        );
    }
    // An import writing １ updates task 1 of the list; a list cell with spaces, task 2.
    let row = |list: &str, no: &str, status| ImportedTask {
        task: TaskFields {
            no: Some(no.into()),
            list: Some(list.into()),
            ..TaskFields::default()
        },
        status: Some(status),
        ..ImportedTask::default()
    };
    let events = run(
        &mut ss,
        Command::ImportTasks {
            tasks: vec![
                row("重点项目", "１", Status::Done),
                row(" 重点项目 ", "2", Status::InProgress),
            ],
        },
        s(2),
    );
    assert!(
        events
            .iter()
            .all(|e| !matches!(e.kind, EventKind::TaskAdded { .. })),
        "{events:?}"
    );
    assert_eq!(ss.state().tasks.len(), 3);
    assert_eq!(ss.state().task(1).unwrap().status, Status::Done);
    assert_eq!(ss.state().task(2).unwrap().status, Status::InProgress);
    // Twice the same number in one import, once in full width: refused.
    assert!(matches!(
        ss.decide(
            &Command::ImportTasks {
                tasks: ["3", "３"]
                    .map(|no| {
                        let mut r = row("新清单", no, Status::Open);
                        r.task.text = "新的事项".into();
                        r
                    })
                    .to_vec()
            },
            s(3)
        ),
        Err(Refusal::DuplicateTask { .. })
    ));
    // A plan that writes the same number twice that way is told so.
    let twice = plan_with(json!([
        {"no": "1", "list": "重点项目", "text": "甲"},
        {"no": "１", "list": "重点项目 ", "text": "乙"},
        {"no": "2", "text": "丙"},
        {"no": "2", "list": "", "text": "丁"}
    ]));
    let findings = twice.validate();
    let dup = findings
        .iter()
        .filter(|f| matches!(f.problem, podium::plan::Problem::DuplicateTaskNo { .. }))
        .count();
    assert_eq!(dup, 2, "{findings:?}");
}

/// A journal line whose task carries a field this podium does not know is refused like any
/// other unknown field, not read with the field silently dropped (and then written back
/// without it).
#[test]
fn an_unknown_field_inside_a_task_is_refused_not_dropped() {
    let with = |kind: serde_json::Value| {
        let mut v = kind;
        v["seq"] = json!(1);
        v["at"] = json!(s(0));
        serde_json::from_value::<Event>(v)
    };
    // Known fields parse (the control).
    assert!(
        with(json!({"type": "task_added", "task": {"id": 5, "text": "事项", "owner": "市财政局"}}))
            .is_ok()
    );
    assert!(with(json!({"type": "task_edited", "id": 5, "task": {"text": "事项"}})).is_ok());
    for bad in [
        json!({"type": "task_added", "task": {"id": 5, "text": "事项", "weight": 3}}),
        json!({"type": "task_edited", "id": 5, "task": {"text": "事项", "weight": 3}}),
        json!({"type": "previous_linked",
               "previous": {"title": "上次", "path": "a", "sha256": "00"},
               "tasks": [{"id": 5, "text": "事项", "weight": 3}]}),
    ] {
        assert!(with(bad.clone()).is_err(), "read: {bad}");
    }
    // The event's own unknown fields were already refused (the control).
    assert!(with(json!({"type": "task_deleted", "id": 5, "weight": 3})).is_err());
}

/// Deadlines as people really type them: never a panic, never a wrong date (unreadable is
/// `None`), and the office forms read right.
#[test]
fn deadlines_typed_by_hostile_hands_are_read_right_or_not_at_all() {
    let meeting = NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
    let on = |y, m, d| Some(Deadline::On(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
    for (text, want) in [
        ("６月底前", on(2026, 6, 30)),
        ("六月底前", on(2026, 6, 30)),
        ("Q3", on(2026, 9, 30)),
        ("年底", on(2026, 12, 31)),
        ("2026-6-30", on(2026, 6, 30)),
        ("２０２６年１２月３１日前", on(2026, 12, 31)),
    ] {
        assert_eq!(deadline::read(text, meeting), want, "{text}");
    }
    let long = "6月底前".repeat(2000);
    let zeros = "0".repeat(10_000);
    for text in [
        "2月30日前",
        "13月底前",
        "0月",
        "0月底前",
        "6月0日",
        "2026年12月31日24时前",
        "99999年6月底前",
        "-1月底前",
        "-2026-06-30",
        "2026-6-31",
        "2026-02-30",
        "Q0",
        "Q5",
        "第五季度末",
        "零月",
        "十三月",
        "二十月底前",
        "6月三十二日",
        "🎯6月底前",
        "6月底前🎯",
        "\u{202e}6月底前",
        "6月底前完成",
        "9月底前、12月底前",
        "二〇二六年六月底前",
        long.as_str(),
        zeros.as_str(),
        "前前前前",
        "月月",
        "年年",
    ] {
        assert_eq!(deadline::read(text, meeting), None, "{text:?}");
    }
    // Near the ends of the calendar: no panic.
    for meeting in [NaiveDate::MIN, NaiveDate::MAX] {
        for text in ["年底前", "12月底前", "Q4", "月底", "上半年", "2026年12月底"] {
            let _ = deadline::read(text, meeting);
        }
    }
}

/// A large ledger: 5,000 tasks and 20,000 task events. The fold from scratch equals the fold
/// event by event, and the figures (printed with `--nocapture`) say what one command, a
/// reopen and an undo cost. Timing is printed, not asserted (a shared machine).
#[test]
fn a_ledger_of_five_thousand_tasks_and_twenty_thousand_events() {
    let mut ss = Session::new(plan_with(json!([])));
    let started = std::time::Instant::now();
    let mut t = 0;
    for i in 0..5_000u64 {
        let cmd = Command::AddTask {
            task: Box::new(TaskFields {
                no: Some((i % 100 + 1).to_string()),
                list: Some(format!("清单{}", i / 100)),
                text: format!("事项{i}"),
                owner: Some("市财政局".into()),
                ..TaskFields::default()
            }),
            unit: None,
            status: None,
            from_remark: None,
        };
        t += 1;
        run(&mut ss, cmd, s(t));
    }
    let ids: Vec<u64> = ss.state().tasks.iter().map(|t| t.id).collect();
    for k in 0..15_000usize {
        let id = ids[(k * 7919) % ids.len()];
        let cmd = match k % 3 {
            0 => Command::AddTaskProgress {
                id,
                text: format!("进展{k}"),
            },
            1 => Command::ClaimTask {
                id,
                owner: format!("单位{k}"),
            },
            _ => Command::SetTaskStatus {
                id,
                status: if ss.state().task(id).unwrap().status == Status::InProgress {
                    Status::Open
                } else {
                    Status::InProgress
                },
            },
        };
        t += 1;
        run(&mut ss, cmd, s(t));
    }
    let build = started.elapsed();
    assert_eq!(ss.state().tasks.len(), 5_000);
    assert_eq!(ss.events().len(), 20_000);

    let last = *ids.last().unwrap();
    let one = std::time::Instant::now();
    run(
        &mut ss,
        Command::AddTaskProgress {
            id: last,
            text: "最后一条".into(),
        },
        s(t + 1),
    );
    let one = one.elapsed();
    let edit = std::time::Instant::now();
    run(
        &mut ss,
        Command::EditTask {
            id: last,
            task: Box::new(TaskFields {
                no: Some("100".into()),
                list: Some("清单49".into()),
                text: "改过的事项".into(),
                ..TaskFields::default()
            }),
        },
        s(t + 2),
    );
    let edit = edit.elapsed();
    let reopen = std::time::Instant::now();
    let replayed = Session::from_events(ss.plan().clone(), ss.events().to_vec());
    let reopen = reopen.elapsed();
    assert_eq!(replayed.state(), ss.state());
    let undo = std::time::Instant::now();
    run(&mut ss, Command::Undo, s(t + 3));
    let undo = undo.elapsed();
    assert_eq!(ss.state().task(last).unwrap().fields.text, "事项4999");
    // A list of 5,000 rows, each updating its task by list + number.
    let rows: Vec<ImportedTask> = (0..5_000u64)
        .map(|i| ImportedTask {
            task: TaskFields {
                no: Some((i % 100 + 1).to_string()),
                list: Some(format!("清单{}", i / 100)),
                ..TaskFields::default()
            },
            status: Some(Status::Done),
            ..ImportedTask::default()
        })
        .collect();
    let import = std::time::Instant::now();
    run(&mut ss, Command::ImportTasks { tasks: rows }, s(t + 4));
    let import = import.elapsed();
    assert!(ss.state().tasks.iter().all(|t| t.status == Status::Done));
    assert_eq!(ss.state().tasks.len(), 5_000);
    println!(
        "5,000 tasks, 20,000 events: built in {build:?}; progress {one:?}; edit {edit:?}; \
         reopen {reopen:?}; undo {undo:?}; import of 5,000 matched rows {import:?}"
    );
}

/// A note-taker's laptop may send a task of up to 256 KB (`net::MAX_FROM_CLIENT`): tens of
/// thousands of partners in one cell. Cleaning them (split, trimmed, repeats dropped) must not stall the host's console,
/// which does it on its one writer. The bound is generous: a debug build on a shared machine
/// takes about 50 ms; the quadratic check for repeats took about 2 s.
#[test]
fn thirty_five_thousand_partners_do_not_stall_the_host() {
    let ss = Session::new(plan());
    let names: Vec<String> = (0..35_000).map(|i| format!("U{i:05}")).collect();
    let mut cell = names.join(",");
    cell.push_str("、U00007, U00008 ");
    assert!(cell.len() < podium::net::MAX_FROM_CLIENT);
    let cmd = Command::AddTask {
        task: Box::new(TaskFields {
            text: "大量配合单位".into(),
            partners: vec![cell],
            ..TaskFields::default()
        }),
        unit: None,
        status: None,
        from_remark: None,
    };
    let started = std::time::Instant::now();
    let events = ss.decide_as(&cmd, Some(&notetaker("小李")), s(1)).unwrap();
    let took = started.elapsed();
    match &events[0].kind {
        EventKind::TaskAdded { task, .. } => {
            assert_eq!(task.fields.partners, names, "in order, each once");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        took < std::time::Duration::from_secs(1),
        "cleaning 35,000 partners took {took:?}"
    );
}

/// A task carried from the meeting before came up on an agenda item of that meeting: turned
/// into a remark here, it is a remark on this meeting as a whole when this meeting has no such
/// item — never a remark on an item that is not there, which the record leaves out.
#[test]
fn a_carried_task_turned_into_a_remark_is_not_lost_from_the_record() {
    let mut carried = Task::new(40, *fields("上次会上交办的事项"));
    carried.unit = Some("上次的议程".into());
    let mut kept = Task::new(41, *fields("上次在财政局交办的事项"));
    kept.unit = Some("市财政局".into());
    let mut ss = Session::new(plan());
    run(
        &mut ss,
        Command::LinkPrevious {
            previous: Box::new(PreviousMeeting {
                title: "上次".into(),
                date: None,
                path: "q1.session.json".into(),
                sha256: "00".repeat(32),
            }),
            tasks: vec![carried, kept],
            results: None,
        },
        s(0),
    );
    run(&mut ss, Command::RevertTask { id: 40 }, s(1));
    run(&mut ss, Command::RevertTask { id: 41 }, s(2));
    let rec = serde_json::to_value(podium::session::record::Record::of(&ss, s(3))).unwrap();
    let general: Vec<&str> = rec["general_remarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(general, ["上次会上交办的事项"]);
    let finance = rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "市财政局")
        .unwrap();
    assert_eq!(finance["remarks"][0]["text"], "上次在财政局交办的事项");
    assert_replays(&ss);
}

/// A plan's prepared task enters the ledger cleaned as a typed one is: its text without
/// terminal escapes or other control characters (as remarks are), names trimmed, partners
/// split on the separators offices use and each once.
#[test]
fn a_plan_s_prepared_task_is_cleaned_as_a_typed_task_is() {
    let plan = plan_with(json!([
        {"no": " 1 ", "list": " 重点项目 ", "text": "\u{1b}[2J\u{1b}[31m完成\u{7}项目可研\u{1b}[0m\r\n第二行\t",
         "owner": " 市发改局 ", "leader": " 分管副市长 ",
         "partners": ["市财政局、市交通局", " 市财政局 "]}
    ]));
    assert!(
        plan.validate().iter().all(|f| f.warning),
        "{:?}",
        plan.validate()
    );
    let ss = Session::new(plan);
    let t = &ss.state().tasks[0];
    assert_eq!(t.fields.text, "[2J[31m完成项目可研[0m\n第二行");
    assert!(!t.fields.text.chars().any(|c| c.is_control() && c != '\n'));
    assert_eq!(t.fields.owner.as_deref(), Some("市发改局"));
    assert_eq!(t.fields.leader.as_deref(), Some("分管副市长"));
    assert_eq!(t.fields.list.as_deref(), Some("重点项目"));
    assert_eq!(t.fields.no.as_deref(), Some("1"));
    assert_eq!(t.fields.partners, ["市财政局", "市交通局"]);
    // Owned by the unit: one key away during its talk.
    assert_eq!(ss.state().tasks_of("市发改局").count(), 1);
}

/// A task the host closed or cancelled is the host's: the note-taker who entered it can no
/// longer delete it or turn it back into a remark (which would take it off the ledger).
#[test]
fn a_note_taker_cannot_remove_a_task_the_host_closed() {
    let mut ss = Session::new(plan());
    let li = notetaker("小李");
    let id = added_id(&run_as(&mut ss, &li, add("小李记的任务"), s(1)));
    for status in [Status::Closed, Status::Cancelled] {
        run(&mut ss, Command::SetTaskStatus { id, status }, s(2));
        for cmd in [Command::DeleteTask { id }, Command::RevertTask { id }] {
            assert_eq!(
                ss.decide_as(&cmd, Some(&li), s(3)),
                Err(Refusal::TaskStatusHostOnly),
                "{cmd:?} on {status:?}"
            );
        }
    }
    run(
        &mut ss,
        Command::SetTaskStatus {
            id,
            status: Status::Done,
        },
        s(4),
    );
    assert!(
        ss.decide_as(&Command::DeleteTask { id }, Some(&li), s(5))
            .is_ok()
    );
}

/// Every task event, with every field it can hold, survives a trip through JSON; a link that
/// is not the first event (or a second one) is ignored, by the fold from scratch and event by
/// event alike; undoing everything never undoes the link.
#[test]
fn task_events_round_trip_and_the_link_is_first_once_and_never_undone() {
    let mut full = Task::new(9, *fields("全字段"));
    full.fields = TaskFields {
        no: Some("3".into()),
        text: "全字段".into(),
        list: Some("清单".into()),
        owner: Some("市财政局".into()),
        partners: vec!["甲".into(), "乙".into()],
        leader: Some("副市长".into()),
        due: NaiveDate::from_ymd_opt(2026, 6, 30),
        due_text: Some("6月底前".into()),
        assigned_by: Some("市长".into()),
    };
    full.status = Status::InProgress;
    full.progress = vec![podium::session::Progress {
        at: s(1),
        by: Some("小李".into()),
        text: "进展".into(),
    }];
    full.unit = Some("市财政局".into());
    full.at = Some(s(2));
    full.by = Some("小王".into());
    full.claimed_at = Some(s(3));
    full.carried_from = Some(podium::session::MeetingRef {
        title: "上次".into(),
        date: Some("2026-04-01".into()),
    });
    let previous = PreviousMeeting {
        title: "上次".into(),
        date: Some("2026-04-01".into()),
        path: "q1.session.json".into(),
        sha256: "ab".repeat(32),
    };
    for kind in [
        EventKind::PreviousLinked {
            previous: previous.clone(),
            tasks: vec![full.clone()],
            results: None,
        },
        EventKind::TaskAdded {
            task: full.clone(),
            from_remark: Some(4),
        },
        EventKind::TaskEdited {
            id: 9,
            task: full.fields.clone(),
        },
        EventKind::TaskStatusSet {
            id: 9,
            status: Status::Cancelled,
        },
        EventKind::TaskProgressAdded {
            id: 9,
            text: "又有进展".into(),
        },
        EventKind::TaskClaimed {
            id: 9,
            owner: "市交通局".into(),
        },
        EventKind::TaskDeleted { id: 9 },
        EventKind::TaskReverted { id: 9 },
    ] {
        let e = Event {
            seq: 1,
            at: s(0),
            part_of: None,
            by: Some("小李".into()),
            command: Some("c1".into()),
            kind,
            elapsed_ms: None,
        };
        let text = serde_json::to_string(&e).unwrap();
        let back: Event = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{text}: {err}"));
        assert_eq!(back, e, "{text}");
    }

    // A link as the second event, and another as the third: ignored.
    let link = |seq| {
        event(
            seq,
            json!({"type": "previous_linked",
                   "previous": {"title": "上次", "path": "q1.session.json", "sha256": "00"},
                   "tasks": [{"id": 70, "text": "上次的事项"}]}),
        )
    };
    let events = vec![
        event(
            1,
            json!({"type": "task_added", "task": {"id": 4, "text": "先记的任务"}}),
        ),
        link(2),
        link(3),
    ];
    let folded = Session::from_events(plan(), events.clone());
    let mut stepped = Session::new(plan());
    for e in events {
        stepped.commit(vec![e]);
    }
    assert_eq!(folded.state(), stepped.state());
    assert!(folded.state().previous.is_none());
    assert!(folded.state().task(70).is_none());

    // Linked first, then everything undone: the link and its tasks stay.
    let mut ss = Session::new(plan());
    run(
        &mut ss,
        Command::LinkPrevious {
            previous: Box::new(previous),
            tasks: vec![Task::new(70, *fields("上次的事项"))],
            results: None,
        },
        s(0),
    );
    let id = added_id(&run(&mut ss, add("这次的事项"), s(1)));
    run(
        &mut ss,
        Command::AddTaskProgress {
            id: 70,
            text: "这次的进展".into(),
        },
        s(2),
    );
    run(
        &mut ss,
        Command::SetTaskStatus {
            id,
            status: Status::Closed,
        },
        s(3),
    );
    let mut k = 4;
    while ss.decide(&Command::Undo, s(k)).is_ok() {
        run(&mut ss, Command::Undo, s(k));
        k += 1;
    }
    assert_eq!(k, 7, "three actions undone");
    assert!(ss.state().previous.is_some());
    assert_eq!(
        ss.state().tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
        [70, 71, 72, 73]
    );
    assert!(ss.state().task(70).unwrap().progress.is_empty());
    assert_replays(&ss);
}
