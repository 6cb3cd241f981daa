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
