//! The session: commands become events (or are refused), the state is a fold of the events,
//! and the record is derived from the state at a given moment. Time is always passed in: these
//! tests use a fake clock of `DateTime<FixedOffset>` values.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use podium::plan::Plan;
use podium::session::record::Record;
use podium::session::{
    Command, Event, EventKind, Refusal, RemarkKind, Session, Status, Time, UnitState,
};
use serde_json::{Value, json};

/// 2026-05-30 09:00:00 +08:00 plus `ms` milliseconds.
fn t(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::milliseconds(ms)
}

/// `t` in whole seconds.
fn s(seconds: i64) -> Time {
    t(seconds * 1000)
}

fn rfc3339(time: Time) -> Value {
    Value::String(time.to_rfc3339())
}

/// Four units: 甲 has a 30 s limit (0.5 min), 丁 a 492 s limit (8.2 min), the others the
/// default of talk_minutes (8 → 480 s).
fn plan() -> Plan {
    serde_json::from_value(json!({
        "title": "工作汇报会",
        "date": "2026-05-30",
        "units": [
            {"name": "甲", "presenter": "甲负责人", "role": "局长", "minutes": 0.5},
            {"name": "乙", "presenter": "乙负责人"},
            {"name": "丙"},
            {"name": "丁", "minutes": 8.2}
        ],
        "reviewers": [
            {"name": "常务副市长"},
            {"name": "人大代表"}
        ]
    }))
    .expect("the test plan parses")
}

fn session() -> Session {
    Session::new(plan())
}

/// Decides and commits `command`, which must be accepted.
fn run(session: &mut Session, command: Command, now: Time) -> Vec<Event> {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events.clone());
    events
}

/// The reason `command` is refused; checks that the refusal changed nothing.
fn refused(session: &Session, command: Command, now: Time) -> Refusal {
    let before = session.events().len();
    let refusal = match session.decide(&command, now) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    };
    assert_eq!(session.events().len(), before);
    refusal
}

fn unit<'a>(session: &'a Session, name: &str) -> &'a UnitState {
    session
        .state()
        .unit(name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

fn order(session: &Session) -> Vec<String> {
    session
        .state()
        .units
        .iter()
        .map(|u| u.name.clone())
        .collect()
}

fn record(session: &Session, now: Time) -> Value {
    serde_json::to_value(Record::of(session, now)).expect("the record serialises")
}

/// The record entry of one unit.
fn unit_record(record: &Value, name: &str) -> Value {
    record["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name} in the record"))
        .clone()
}

/// Every field of `expected` has that value in `found` (which may hold more fields).
fn assert_fields(found: &Value, expected: Value) {
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(&found[key], value, "field {key} of {found:#}");
    }
}

/// Folding the recorded events from scratch gives the state built up command by command.
fn assert_replays(session: &Session) {
    let replayed = Session::from_events(session.plan().clone(), session.events().to_vec());
    assert_eq!(replayed.state(), session.state());
    // seq counts from 1 without gaps, and time never runs backwards.
    for (i, e) in session.events().iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1);
    }
    for pair in session.events().windows(2) {
        assert!(pair[0].at <= pair[1].at, "{pair:?}");
    }
}

fn add_remark(unit: Option<&str>, reviewer: &str, text: &str, kind: RemarkKind) -> Command {
    Command::AddRemark {
        unit: unit.map(String::from),
        reviewer: reviewer.into(),
        text: text.into(),
        kind,
    }
}

// ---- timing ------------------------------------------------------------------------------

#[test]
fn the_first_talk_starts_the_meeting_in_the_same_action() {
    let mut ss = session();
    assert_eq!(ss.state().current.as_deref(), Some("甲"));
    let events = run(&mut ss, Command::ToggleTalk, s(0));
    assert_eq!(
        events,
        vec![
            Event {
                seq: 1,
                at: s(0),
                part_of: None,
                by: None,
                command: None,
                elapsed_ms: None,
                kind: EventKind::MeetingStarted
            },
            Event {
                seq: 2,
                at: s(0),
                part_of: Some(1),
                by: None,
                command: None,
                elapsed_ms: None,
                kind: EventKind::TalkStarted { unit: "甲".into() }
            },
        ]
    );
    assert_eq!(ss.state().started_at, Some(s(0)));
    assert_eq!(unit(&ss, "甲").status(), Status::Presenting);
    // The second talk does not start the meeting again.
    run(&mut ss, Command::Next, s(40));
    let events = run(&mut ss, Command::ToggleTalk, s(50));
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![EventKind::TalkStarted { unit: "乙".into() }]
    );
    assert_eq!(ss.state().started_at, Some(s(0)));
    assert_replays(&ss);
}

#[test]
fn start_pause_resume_and_end_add_up_the_running_intervals() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    assert_eq!(unit(&ss, "甲").talk_seconds(t(12_999)), 12);

    let paused = run(&mut ss, Command::ToggleTalk, s(20));
    assert_eq!(paused[0].kind, EventKind::TalkPaused { unit: "甲".into() });
    assert_eq!(unit(&ss, "甲").status(), Status::Paused);
    // A paused talk does not count on.
    assert_eq!(unit(&ss, "甲").talk_seconds(s(500)), 20);

    let resumed = run(&mut ss, Command::ToggleTalk, s(50));
    assert_eq!(
        resumed[0].kind,
        EventKind::TalkResumed { unit: "甲".into() }
    );
    assert_eq!(unit(&ss, "甲").status(), Status::Presenting);
    assert_eq!(unit(&ss, "甲").talk_seconds(t(60_500)), 30);

    let next = run(&mut ss, Command::Next, s(70));
    assert_eq!(next.len(), 2);
    assert_eq!(next[0].kind, EventKind::TalkEnded { unit: "甲".into() });
    assert_eq!(
        next[1].kind,
        EventKind::CurrentChanged {
            unit: Some("乙".into())
        }
    );
    assert_eq!(next[1].part_of, Some(next[0].seq));
    let 甲 = unit(&ss, "甲");
    assert_eq!(甲.status(), Status::Done);
    assert_eq!(甲.talk.started_at, Some(s(0)));
    assert_eq!(甲.talk.ended_at, Some(s(70)));
    // Ended: no longer counts, whatever the time.
    assert_eq!(甲.talk_seconds(s(10_000)), 40);
    assert_eq!(甲.overtime_seconds(s(10_000)), 10);
    assert_eq!(ss.state().current.as_deref(), Some("乙"));

    let rec = record(&ss, s(1000));
    assert_fields(
        &unit_record(&rec, "甲"),
        json!({
            "name": "甲",
            "presenter": "甲负责人",
            "role": "局长",
            "topic": null,
            "status": "done",
            "limit_seconds": 30,
            "talk_seconds": 40,
            "overtime_seconds": 10,
            "started_at": "2026-05-30T09:00:00+08:00",
            "ended_at": "2026-05-30T09:01:10+08:00",
            "late_addition": false,
            "remarks": []
        }),
    );
    let 乙 = unit_record(&rec, "乙");
    assert_eq!(乙["status"], "pending");
    assert_eq!(乙["talk_seconds"], 0);
    assert_eq!(乙["overtime_seconds"], 0);
    assert_eq!(乙["started_at"], Value::Null);
    assert_eq!(乙["limit_seconds"], 480);
    assert_eq!(unit_record(&rec, "丁")["limit_seconds"], 492);
    assert_fields(
        &rec["meeting"],
        json!({
            "title": "工作汇报会",
            "date": "2026-05-30",
            "venue": null,
            "host": null,
            "started_at": "2026-05-30T09:00:00+08:00",
            "ended_at": null,
            "planned_seconds": 30 + 480 + 480 + 492,
            "talk_seconds": 40
        }),
    );
    assert_replays(&ss);
}

#[test]
fn a_running_talk_counts_up_to_now_in_whole_seconds_floored() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    let at = |now: Time| unit_record(&record(&ss, now), "甲");
    assert_eq!(at(t(0))["talk_seconds"], 0);
    assert_eq!(at(t(999))["talk_seconds"], 0);
    assert_eq!(at(t(29_999))["talk_seconds"], 29);
    assert_eq!(at(t(29_999))["overtime_seconds"], 0);
    assert_eq!(at(t(30_999))["overtime_seconds"], 0);
    assert_eq!(at(t(31_999))["talk_seconds"], 31);
    assert_eq!(at(t(31_999))["overtime_seconds"], 1);
    assert_eq!(at(t(95_700))["talk_seconds"], 95);
    assert_eq!(at(t(95_700))["overtime_seconds"], 65);
    assert_eq!(at(t(95_700))["status"], "presenting");
    assert_eq!(at(t(95_700))["ended_at"], Value::Null);
    assert_eq!(record(&ss, t(95_700))["meeting"]["talk_seconds"], 95);
}

#[test]
fn talk_time_sums_milliseconds_before_flooring() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, t(0));
    run(&mut ss, Command::ToggleTalk, t(10_600)); // 10.6 s
    run(&mut ss, Command::ToggleTalk, t(20_000));
    // 10.6 s + 10.5 s = 21.1 s: 21, not 10 + 10.
    assert_eq!(unit(&ss, "甲").talk_seconds(t(30_500)), 21);
    let rec = record(&ss, t(30_500));
    assert_eq!(unit_record(&rec, "甲")["talk_seconds"], 21);
    assert_eq!(unit_record(&rec, "甲")["status"], "presenting");
    run(&mut ss, Command::ToggleTalk, t(30_500));
    let rec = record(&ss, t(99_000));
    assert_eq!(unit_record(&rec, "甲")["status"], "paused");
    assert_eq!(unit_record(&rec, "甲")["talk_seconds"], 21);
    assert_replays(&ss);
}

#[test]
fn a_clock_stepping_backwards_never_makes_time_negative_or_go_back() {
    let mut ss = session();
    assert_eq!(ss.clock(s(5)), s(5), "no events: now is now");
    run(&mut ss, Command::ToggleTalk, s(100));
    // The clock steps back 60 s (an NTP correction): the meeting's clock stays at the last event.
    assert_eq!(ss.clock(s(40)), s(100));
    assert_eq!(ss.clock(s(130)), s(130));
    let utc_earlier = s(40).with_timezone(&FixedOffset::east_opt(0).unwrap());
    assert_eq!(ss.clock(utc_earlier), s(100));
    assert!(unit(&ss, "甲").talk.elapsed_ms(s(40)) >= 0);
    assert_eq!(unit(&ss, "甲").talk_seconds(s(40)), 0);
    assert_eq!(unit_record(&record(&ss, s(40)), "甲")["talk_seconds"], 0);

    // An event decided at a time before the last one is recorded at the last one's time.
    let paused = run(&mut ss, Command::ToggleTalk, s(40));
    assert_eq!(paused[0].at, s(100));
    assert_eq!(unit(&ss, "甲").talk.accumulated_ms, 0);

    run(&mut ss, Command::ToggleTalk, s(200)); // resume
    run(
        &mut ss,
        add_remark(Some("甲"), "常务副市长", "好", RemarkKind::Remark),
        s(260),
    );
    // The talk ran 60 s up to the remark; a clock now back at 230 s does not take that back.
    assert_eq!(unit_record(&record(&ss, s(230)), "甲")["talk_seconds"], 60);
    assert_eq!(unit_record(&record(&ss, s(290)), "甲")["talk_seconds"], 90);

    // Ending the talk at a clock that stepped far back still ends it at the last event's time.
    let ended = run(&mut ss, Command::Next, s(10));
    assert!(ended.iter().all(|e| e.at == s(260)), "{ended:?}");
    assert_eq!(unit(&ss, "甲").talk_seconds(s(10_000)), 60);
    assert_eq!(unit(&ss, "甲").talk.ended_at, Some(s(260)));
    assert_replays(&ss);
}

// ---- moving through the agenda -----------------------------------------------------------

#[test]
fn next_moves_to_the_next_pending_unit_and_past_the_last() {
    let mut ss = session();
    // Next on a unit that never started just moves on; the unit stays pending.
    let events = run(&mut ss, Command::Next, s(0));
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![EventKind::CurrentChanged {
            unit: Some("乙".into())
        }]
    );
    assert_eq!(unit(&ss, "甲").status(), Status::Pending);
    run(&mut ss, Command::ToggleSkip { unit: "丙".into() }, s(1));
    run(&mut ss, Command::Next, s(2));
    assert_eq!(ss.state().current.as_deref(), Some("丁"), "丙 is skipped");
    run(&mut ss, Command::ToggleTalk, s(3));
    let events = run(&mut ss, Command::Next, s(10));
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![
            EventKind::TalkEnded { unit: "丁".into() },
            EventKind::CurrentChanged { unit: None }
        ]
    );
    assert_eq!(ss.state().current, None);
    assert_eq!(
        refused(&ss, Command::ToggleTalk, s(11)),
        Refusal::NoCurrentUnit
    );
    assert_eq!(refused(&ss, Command::Next, s(11)), Refusal::NoCurrentUnit);
    assert_eq!(
        refused(&ss, Command::AdjustLimit { seconds: 60 }, s(11)),
        Refusal::NoCurrentUnit
    );
    // 甲 never presented: it can be made current again.
    run(&mut ss, Command::SetCurrent { unit: "甲".into() }, s(12));
    assert_eq!(ss.state().current.as_deref(), Some("甲"));
    assert_replays(&ss);
}

#[test]
fn skip_and_restore() {
    let mut ss = session();
    // Skipping a unit that is not current.
    let events = run(&mut ss, Command::ToggleSkip { unit: "丙".into() }, s(0));
    assert_eq!(events[0].kind, EventKind::UnitSkipped { unit: "丙".into() });
    assert_eq!(events.len(), 1);
    assert_eq!(unit(&ss, "丙").status(), Status::Skipped);
    let rec = record(&ss, s(0));
    assert_eq!(unit_record(&rec, "丙")["status"], "skipped");
    assert_eq!(rec["meeting"]["planned_seconds"], 30 + 480 + 492);

    // Restoring it.
    let events = run(&mut ss, Command::ToggleSkip { unit: "丙".into() }, s(1));
    assert_eq!(
        events[0].kind,
        EventKind::UnitRestored { unit: "丙".into() }
    );
    assert_eq!(unit(&ss, "丙").status(), Status::Pending);
    assert_eq!(record(&ss, s(1))["meeting"]["planned_seconds"], 1482);

    // Skipping the current unit moves on to the next pending one, in the same action.
    let events = run(&mut ss, Command::ToggleSkip { unit: "甲".into() }, s(2));
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![
            EventKind::UnitSkipped { unit: "甲".into() },
            EventKind::CurrentChanged {
                unit: Some("乙".into())
            }
        ]
    );
    assert_eq!(events[1].part_of, Some(events[0].seq));
    assert_eq!(ss.state().current.as_deref(), Some("乙"));
    assert_eq!(
        refused(&ss, Command::SetCurrent { unit: "甲".into() }, s(3)),
        Refusal::UnitSkipped { unit: "甲".into() }
    );

    // A unit that has started cannot be skipped.
    run(&mut ss, Command::ToggleTalk, s(3));
    assert_eq!(
        refused(&ss, Command::ToggleSkip { unit: "乙".into() }, s(4)),
        Refusal::NotPending { unit: "乙".into() }
    );
    run(&mut ss, Command::Next, s(5));
    assert_eq!(
        refused(&ss, Command::ToggleSkip { unit: "乙".into() }, s(6)),
        Refusal::NotPending { unit: "乙".into() }
    );
    assert_eq!(
        refused(&ss, Command::ToggleSkip { unit: "戊".into() }, s(6)),
        Refusal::UnknownUnit { unit: "戊".into() }
    );
    assert_replays(&ss);
}

#[test]
fn set_current_is_refused_while_another_talk_runs() {
    let mut ss = session();
    run(&mut ss, Command::SetCurrent { unit: "丙".into() }, s(0));
    assert_eq!(ss.state().current.as_deref(), Some("丙"));
    run(&mut ss, Command::ToggleTalk, s(1));
    assert_eq!(
        refused(&ss, Command::SetCurrent { unit: "乙".into() }, s(2)),
        Refusal::TalkRunning { unit: "丙".into() }
    );
    // Selecting the running unit itself is harmless.
    run(&mut ss, Command::SetCurrent { unit: "丙".into() }, s(2));
    run(&mut ss, Command::Next, s(3));
    assert_eq!(
        refused(&ss, Command::SetCurrent { unit: "丙".into() }, s(4)),
        Refusal::TalkAlreadyEnded { unit: "丙".into() }
    );
    assert_eq!(
        refused(&ss, Command::SetCurrent { unit: "无".into() }, s(4)),
        Refusal::UnknownUnit { unit: "无".into() }
    );
    assert_replays(&ss);
}

#[test]
fn units_not_yet_presented_can_move() {
    let mut ss = session();
    let events = run(
        &mut ss,
        Command::MoveUnit {
            unit: "丁".into(),
            delta: -1,
        },
        s(0),
    );
    assert_eq!(
        events[0].kind,
        EventKind::UnitMoved {
            unit: "丁".into(),
            position: 2
        }
    );
    assert_eq!(order(&ss), ["甲", "乙", "丁", "丙"]);
    run(
        &mut ss,
        Command::MoveUnit {
            unit: "甲".into(),
            delta: 1,
        },
        s(1),
    );
    assert_eq!(order(&ss), ["乙", "甲", "丁", "丙"]);
    assert_eq!(
        ss.state().current.as_deref(),
        Some("甲"),
        "moving keeps the current unit"
    );
    let mv = |unit: &str, delta: i64| Command::MoveUnit {
        unit: unit.into(),
        delta,
    };
    assert_eq!(
        refused(&ss, mv("乙", -1), s(2)),
        Refusal::CannotMove { unit: "乙".into() }
    );
    assert_eq!(
        refused(&ss, mv("丙", 1), s(2)),
        Refusal::CannotMove { unit: "丙".into() }
    );
    assert_eq!(
        refused(&ss, mv("无", 1), s(2)),
        Refusal::UnknownUnit { unit: "无".into() }
    );
    // A skipped unit has not presented: it moves too.
    run(&mut ss, Command::ToggleSkip { unit: "丙".into() }, s(2));
    run(&mut ss, mv("丙", -1), s(3));
    assert_eq!(order(&ss), ["乙", "甲", "丙", "丁"]);

    // Once 甲 has started, it stays put and nothing moves past it.
    run(&mut ss, Command::ToggleTalk, s(4));
    assert_eq!(
        refused(&ss, mv("甲", 1), s(5)),
        Refusal::NotPending { unit: "甲".into() }
    );
    assert_eq!(
        refused(&ss, mv("丙", -1), s(5)),
        Refusal::CannotMove { unit: "丙".into() }
    );
    assert_eq!(
        unit_record(&record(&ss, s(5)), "丙")["status"],
        "skipped",
        "the record lists units in the current order"
    );
    let names: Vec<Value> = record(&ss, s(5))["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].clone())
        .collect();
    assert_eq!(
        names,
        vec![json!("乙"), json!("甲"), json!("丙"), json!("丁")]
    );
    assert_replays(&ss);
}

#[test]
fn a_unit_added_during_the_meeting_goes_after_the_current_one() {
    let mut ss = session();
    run(&mut ss, Command::Next, s(0)); // current: 乙
    let events = run(
        &mut ss,
        Command::AddUnit {
            name: " 新增单位 ".into(),
            presenter: Some("新负责人".into()),
            role: Some("".into()),
            minutes: Some(0.5),
            kind: None,
        },
        s(1),
    );
    assert_eq!(
        events[0].kind,
        EventKind::UnitAdded {
            unit: "新增单位".into(),
            presenter: Some("新负责人".into()),
            role: None,
            limit_seconds: 30,
            after: Some("乙".into()),
            kind: None,
        }
    );
    assert_eq!(order(&ss), ["甲", "乙", "新增单位", "丙", "丁"]);
    let u = unit(&ss, "新增单位");
    assert!(u.late);
    assert_eq!(u.limit_seconds(), 30);
    assert_eq!(u.status(), Status::Pending);
    let rec = unit_record(&record(&ss, s(1)), "新增单位");
    assert_eq!(rec["late_addition"], true);
    assert_eq!(rec["presenter"], "新负责人");
    assert_eq!(rec["role"], Value::Null);

    // Without minutes it gets talk_minutes; 8.2 minutes are exactly 492 s.
    run(
        &mut ss,
        Command::AddUnit {
            name: "另一单位".into(),
            presenter: None,
            role: None,
            minutes: None,
            kind: None,
        },
        s(2),
    );
    assert_eq!(unit(&ss, "另一单位").limit_seconds(), 480);
    run(
        &mut ss,
        Command::AddUnit {
            name: "第三单位".into(),
            presenter: None,
            role: None,
            minutes: Some(8.2),
            kind: None,
        },
        s(3),
    );
    assert_eq!(unit(&ss, "第三单位").limit_seconds(), 492);

    let add = |name: &str, minutes: Option<f64>| Command::AddUnit {
        name: name.into(),
        presenter: None,
        role: None,
        minutes,
        kind: None,
    };
    assert_eq!(
        refused(&ss, add("甲", None), s(4)),
        Refusal::DuplicateUnit { unit: "甲".into() }
    );
    assert_eq!(refused(&ss, add("   ", None), s(4)), Refusal::EmptyName);
    assert_eq!(
        refused(&ss, add("坏\u{1b}名", None), s(4)),
        Refusal::ControlChars
    );
    for bad in [0.0, -1.0, 600.5, 0.008, f64::NAN] {
        assert_eq!(
            refused(&ss, add("时长", Some(bad)), s(4)),
            Refusal::BadMinutes,
            "{bad}"
        );
    }
    assert_replays(&ss);
}

#[test]
fn a_unit_added_when_none_is_current_becomes_current() {
    let mut ss = session();
    for i in 0..4 {
        run(&mut ss, Command::Next, s(i));
    }
    assert_eq!(ss.state().current, None);
    let events = run(
        &mut ss,
        Command::AddUnit {
            name: "补充单位".into(),
            presenter: None,
            role: None,
            minutes: Some(5.0),
            kind: None,
        },
        s(10),
    );
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[1].kind,
        EventKind::CurrentChanged {
            unit: Some("补充单位".into())
        }
    );
    assert_eq!(ss.state().current.as_deref(), Some("补充单位"));
    assert_eq!(unit(&ss, "补充单位").limit_seconds(), 300);
    assert_replays(&ss);
}

#[test]
fn a_units_presenter_and_role_can_change() {
    let mut ss = session();
    run(
        &mut ss,
        Command::UpdateUnit {
            unit: "甲".into(),
            presenter: Some(" 代理负责人 ".into()),
            role: Some("  ".into()),
        },
        s(0),
    );
    let u = unit(&ss, "甲");
    assert_eq!(u.presenter.as_deref(), Some("代理负责人"));
    assert_eq!(u.role, None);
    let rec = unit_record(&record(&ss, s(0)), "甲");
    assert_eq!(rec["presenter"], "代理负责人");
    assert_eq!(rec["role"], Value::Null);
    assert_eq!(
        refused(
            &ss,
            Command::UpdateUnit {
                unit: "无".into(),
                presenter: None,
                role: None
            },
            s(1)
        ),
        Refusal::UnknownUnit { unit: "无".into() }
    );
    assert_eq!(
        refused(
            &ss,
            Command::UpdateUnit {
                unit: "甲".into(),
                presenter: Some("a\u{7}b".into()),
                role: None
            },
            s(1)
        ),
        Refusal::ControlChars
    );
    assert_replays(&ss);
}

#[test]
fn the_limit_can_be_adjusted_but_not_below_one_second() {
    let mut ss = session();
    run(&mut ss, Command::AdjustLimit { seconds: 60 }, s(0));
    assert_eq!(unit(&ss, "甲").limit_seconds(), 90);
    assert_eq!(
        refused(&ss, Command::AdjustLimit { seconds: -90 }, s(1)),
        Refusal::LimitTooShort
    );
    run(&mut ss, Command::AdjustLimit { seconds: -89 }, s(1));
    assert_eq!(unit(&ss, "甲").limit_seconds(), 1);
    run(&mut ss, Command::ToggleTalk, s(2));
    let rec = unit_record(&record(&ss, t(5_500)), "甲");
    assert_eq!(rec["limit_seconds"], 1);
    assert_eq!(rec["overtime_seconds"], 2);
    assert_replays(&ss);
}

// ---- remarks -----------------------------------------------------------------------------

#[test]
fn remarks_are_added_edited_and_deleted() {
    let mut ss = session();
    let a = run(
        &mut ss,
        add_remark(
            Some("甲"),
            " 常务副市长 ",
            "  讲得好\r\n继续努力\t！\u{7} ",
            RemarkKind::Remark,
        ),
        s(10),
    );
    let id_a = a[0].seq;
    let b = run(
        &mut ss,
        add_remark(None, "人大代表", "会议整体节奏好", RemarkKind::Remark),
        s(20),
    );
    let id_b = b[0].seq;
    let c = run(
        &mut ss,
        add_remark(Some("乙"), "新来的嘉宾", "下周报送方案", RemarkKind::Task),
        s(30),
    );
    let id_c = c[0].seq;
    let d = run(
        &mut ss,
        add_remark(None, "常务副市长", "各单位月底前反馈", RemarkKind::Task),
        s(40),
    );
    let id_d = d[0].seq;
    assert_eq!(
        (id_a, id_b, id_c, id_d),
        (1, 2, 3, 4),
        "a remark's id is its seq"
    );

    let r = ss.state().remark(id_a).unwrap();
    assert_eq!(r.reviewer, "常务副市长");
    assert_eq!(
        r.text, "讲得好\n继续努力 ！",
        "line breaks normalised, tab a space, BEL gone"
    );
    assert_eq!(r.unit.as_deref(), Some("甲"));
    assert_eq!(r.at, s(10));

    let rec = record(&ss, s(50));
    assert_eq!(
        unit_record(&rec, "甲")["remarks"],
        json!([{
            "id": 1,
            "reviewer": "常务副市长",
            "text": "讲得好\n继续努力 ！",
            "kind": "remark",
            "at": "2026-05-30T09:00:10+08:00"
        }])
    );
    // A remark of kind `task` is a task of the ledger: numbered like the remark it was
    // (session versions 1 to 3 recorded it as one), owned by the 汇报单位 it came up on.
    assert!(
        unit_record(&rec, "乙")["remarks"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rec["general_remarks"],
        json!([
            {"id": 2, "reviewer": "人大代表", "text": "会议整体节奏好", "kind": "remark", "at": "2026-05-30T09:00:20+08:00"}
        ])
    );
    assert_eq!(rec["tasks"][0]["id"], 3);
    assert_eq!(rec["tasks"][0]["owner"], "乙");
    assert_eq!(rec["tasks"][0]["unit"], "乙");
    assert_eq!(rec["tasks"][0]["assigned_by"], "新来的嘉宾");
    assert_eq!(rec["tasks"][0]["status"], "open");
    assert_eq!(rec["tasks"][1]["id"], 4);
    assert_eq!(rec["tasks"][1]["owner"], json!(null));
    assert_eq!(rec["tasks"][1]["text"], "各单位月底前反馈");

    // Editing a remark into a task: the remark becomes a task of the ledger (and leaves the
    // remarks), owned by the unit it was said on.
    let e = run(
        &mut ss,
        Command::EditRemark {
            id: id_a,
            reviewer: "人大代表".into(),
            text: "请细化目标".into(),
            kind: RemarkKind::Task,
        },
        s(60),
    );
    assert!(
        matches!(&e[0].kind, EventKind::TaskAdded { task, from_remark: Some(r) } if *r == id_a && task.fields.text == "请细化目标"),
        "{e:?}"
    );
    assert!(ss.state().remark(id_a).is_none());
    let rec = record(&ss, s(60));
    assert_eq!(rec["tasks"].as_array().unwrap().len(), 3);
    assert_eq!(rec["tasks"][2]["unit"], "甲");
    assert_eq!(rec["tasks"][2]["owner"], "甲");
    assert_eq!(rec["tasks"][2]["text"], "请细化目标");
    assert_eq!(rec["tasks"][2]["assigned_by"], "人大代表");

    // Deleting.
    run(&mut ss, Command::DeleteRemark { id: id_b }, s(70));
    assert!(ss.state().remark(id_b).is_none());
    let rec = record(&ss, s(70));
    assert!(rec["general_remarks"].as_array().unwrap().is_empty());
    let _ = (id_c, id_d);

    assert_eq!(
        refused(&ss, Command::DeleteRemark { id: id_b }, s(71)),
        Refusal::UnknownRemark { id: id_b }
    );
    assert_eq!(
        refused(
            &ss,
            Command::EditRemark {
                id: 999,
                reviewer: "x".into(),
                text: "y".into(),
                kind: RemarkKind::Remark
            },
            s(71)
        ),
        Refusal::UnknownRemark { id: 999 }
    );
    assert_eq!(
        refused(
            &ss,
            add_remark(Some("无此单位"), "x", "y", RemarkKind::Remark),
            s(71)
        ),
        Refusal::UnknownUnit {
            unit: "无此单位".into()
        }
    );
    assert_eq!(
        refused(
            &ss,
            add_remark(None, "坏\u{1b}[2J名", "y", RemarkKind::Remark),
            s(71)
        ),
        Refusal::ControlChars
    );
    assert_replays(&ss);
}

#[test]
fn an_empty_remark_is_refused() {
    let mut ss = session();
    for text in ["", "   ", "\r\n\t ", "\u{7}\u{1b}"] {
        assert_eq!(
            refused(
                &ss,
                add_remark(Some("甲"), "常务副市长", text, RemarkKind::Remark),
                s(0)
            ),
            Refusal::EmptyText,
            "{text:?}"
        );
    }
    let id = run(
        &mut ss,
        add_remark(Some("甲"), "常务副市长", "好", RemarkKind::Remark),
        s(0),
    )[0]
    .seq;
    assert_eq!(
        refused(
            &ss,
            Command::EditRemark {
                id,
                reviewer: "常务副市长".into(),
                text: " \n ".into(),
                kind: RemarkKind::Remark
            },
            s(1)
        ),
        Refusal::EmptyText
    );
    assert_eq!(ss.state().remark(id).unwrap().text, "好");
}

// ---- undo --------------------------------------------------------------------------------

#[test]
fn nothing_to_undo_in_a_fresh_session() {
    let ss = session();
    assert_eq!(refused(&ss, Command::Undo, s(0)), Refusal::NothingToUndo);
}

#[test]
fn undoing_a_talk_start_also_undoes_the_meeting_start() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    let undo = run(&mut ss, Command::Undo, s(5));
    assert_eq!(undo.len(), 1);
    assert_eq!(undo[0].kind, EventKind::Undone { action: 1 });
    assert_eq!(undo[0].seq, 3);
    assert_eq!(ss.state().started_at, None, "the meeting has not started");
    let 甲 = unit(&ss, "甲");
    assert_eq!(甲.status(), Status::Pending);
    assert_eq!(甲.talk_seconds(s(100)), 0);
    assert_eq!(
        ss.events().len(),
        3,
        "undo records an event, it deletes none"
    );
    assert_eq!(refused(&ss, Command::Undo, s(6)), Refusal::NothingToUndo);
    let rec = record(&ss, s(100));
    assert_eq!(rec["meeting"]["started_at"], Value::Null);
    assert_eq!(unit_record(&rec, "甲")["status"], "pending");

    // Starting again starts the meeting again, at the new time.
    let events = run(&mut ss, Command::ToggleTalk, s(10));
    assert_eq!(events[0].kind, EventKind::MeetingStarted);
    assert_eq!(ss.state().started_at, Some(s(10)));
    assert_eq!(unit(&ss, "甲").talk_seconds(s(15)), 5);
    assert_replays(&ss);
}

#[test]
fn undo_repeats_back_through_the_actions() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0)); // action 1 (seq 1, 2)
    let remark = run(
        &mut ss,
        add_remark(Some("甲"), "常务副市长", "好", RemarkKind::Remark),
        s(10),
    )[0]
    .seq; // 3
    run(&mut ss, Command::AdjustLimit { seconds: 60 }, s(20)); // 4
    run(&mut ss, Command::Next, s(40)); // 5, 6
    assert_eq!(unit(&ss, "甲").status(), Status::Done);
    let after_start = {
        let mut fresh = session();
        run(&mut fresh, Command::ToggleTalk, s(0));
        fresh.state().clone()
    };

    // Undo the Next: 甲's talk runs again as though it never ended.
    let u = run(&mut ss, Command::Undo, s(50));
    assert_eq!(u[0].kind, EventKind::Undone { action: 5 });
    assert_eq!(unit(&ss, "甲").status(), Status::Presenting);
    assert_eq!(ss.state().current.as_deref(), Some("甲"));
    assert_eq!(unit(&ss, "甲").talk_seconds(s(55)), 55);
    assert_eq!(unit(&ss, "甲").talk.ended_at, None);

    let u = run(&mut ss, Command::Undo, s(51));
    assert_eq!(u[0].kind, EventKind::Undone { action: 4 });
    assert_eq!(unit(&ss, "甲").limit_seconds(), 30);

    let u = run(&mut ss, Command::Undo, s(52));
    assert_eq!(u[0].kind, EventKind::Undone { action: remark });
    assert!(ss.state().remarks.is_empty());
    assert_eq!(ss.state(), &after_start);

    let u = run(&mut ss, Command::Undo, s(53));
    assert_eq!(u[0].kind, EventKind::Undone { action: 1 });
    assert_eq!(ss.state(), Session::new(plan()).state());
    assert_eq!(refused(&ss, Command::Undo, s(54)), Refusal::NothingToUndo);
    assert_eq!(ss.events().len(), 6 + 4);
    assert_replays(&ss);
}

#[test]
fn undo_takes_back_edits_deletes_skips_moves_and_additions() {
    let mut ss = session();
    let id = run(
        &mut ss,
        add_remark(None, "人大代表", "原文", RemarkKind::Remark),
        s(0),
    )[0]
    .seq;
    run(
        &mut ss,
        Command::EditRemark {
            id,
            reviewer: "人大代表".into(),
            text: "改后".into(),
            kind: RemarkKind::Remark,
        },
        s(1),
    );
    run(&mut ss, Command::DeleteRemark { id }, s(2));
    run(&mut ss, Command::ToggleSkip { unit: "甲".into() }, s(3));
    run(
        &mut ss,
        Command::MoveUnit {
            unit: "丁".into(),
            delta: -1,
        },
        s(4),
    );
    run(
        &mut ss,
        Command::AddUnit {
            name: "新".into(),
            presenter: None,
            role: None,
            minutes: None,
            kind: None,
        },
        s(5),
    );
    run(
        &mut ss,
        Command::UpdateUnit {
            unit: "乙".into(),
            presenter: Some("代理".into()),
            role: None,
        },
        s(6),
    );

    run(&mut ss, Command::Undo, s(10));
    assert_eq!(unit(&ss, "乙").presenter.as_deref(), Some("乙负责人"));
    run(&mut ss, Command::Undo, s(11));
    assert!(ss.state().unit("新").is_none());
    run(&mut ss, Command::Undo, s(12));
    assert_eq!(order(&ss), ["甲", "乙", "丙", "丁"]);
    run(&mut ss, Command::Undo, s(13));
    assert_eq!(unit(&ss, "甲").status(), Status::Pending);
    assert_eq!(ss.state().current.as_deref(), Some("甲"));
    run(&mut ss, Command::Undo, s(14));
    let r = ss.state().remark(id).expect("the delete is undone");
    assert_eq!((r.text.as_str(), r.kind), ("改后", RemarkKind::Remark));
    run(&mut ss, Command::Undo, s(15));
    let r = ss.state().remark(id).unwrap();
    assert_eq!((r.text.as_str(), r.kind), ("原文", RemarkKind::Remark));
    run(&mut ss, Command::Undo, s(16));
    assert!(ss.state().remarks.is_empty());
    assert_eq!(refused(&ss, Command::Undo, s(17)), Refusal::NothingToUndo);
    assert_replays(&ss);
}

#[test]
fn an_action_after_an_undo_is_undone_first() {
    let mut ss = session();
    run(
        &mut ss,
        add_remark(None, "甲", "一", RemarkKind::Remark),
        s(0),
    );
    run(
        &mut ss,
        add_remark(None, "甲", "二", RemarkKind::Remark),
        s(1),
    );
    run(&mut ss, Command::Undo, s(2)); // takes back 二
    let three = run(
        &mut ss,
        add_remark(None, "甲", "三", RemarkKind::Remark),
        s(3),
    )[0]
    .seq;
    let u = run(&mut ss, Command::Undo, s(4));
    assert_eq!(u[0].kind, EventKind::Undone { action: three });
    let texts: Vec<&str> = ss.state().remarks.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["一"]);
    let u = run(&mut ss, Command::Undo, s(5));
    assert_eq!(u[0].kind, EventKind::Undone { action: 1 });
    assert!(ss.state().remarks.is_empty());
    assert_replays(&ss);
}

// ---- refusals and the end of the meeting ---------------------------------------------------

#[test]
fn a_talk_cannot_start_while_another_runs() {
    // The console never gets here (moving away from a running talk is refused), but a
    // hand-edited session can: the command must still be refused.
    let plan = plan();
    let event = |seq: u64, kind: EventKind| Event {
        seq,
        at: s(seq as i64),
        part_of: None,
        by: None,
        command: None,
        elapsed_ms: None,
        kind,
    };
    let ss = Session::from_events(
        plan.clone(),
        vec![
            event(1, EventKind::MeetingStarted),
            event(2, EventKind::TalkStarted { unit: "甲".into() }),
            event(
                3,
                EventKind::CurrentChanged {
                    unit: Some("乙".into()),
                },
            ),
        ],
    );
    assert_eq!(
        refused(&ss, Command::ToggleTalk, s(4)),
        Refusal::AnotherTalkRunning { unit: "甲".into() }
    );
    // Nor resume a paused one while another runs.
    let ss = Session::from_events(
        plan,
        vec![
            event(1, EventKind::MeetingStarted),
            event(2, EventKind::TalkStarted { unit: "乙".into() }),
            event(3, EventKind::TalkPaused { unit: "乙".into() }),
            event(4, EventKind::TalkStarted { unit: "甲".into() }),
            event(
                5,
                EventKind::CurrentChanged {
                    unit: Some("乙".into()),
                },
            ),
        ],
    );
    assert_eq!(unit(&ss, "乙").status(), Status::Paused);
    assert_eq!(
        refused(&ss, Command::ToggleTalk, s(6)),
        Refusal::AnotherTalkRunning { unit: "甲".into() }
    );
}

#[test]
fn deciding_changes_nothing_until_committed() {
    let ss = session();
    let events = ss.decide(&Command::ToggleTalk, s(0)).unwrap();
    assert_eq!(events.len(), 2);
    assert!(ss.events().is_empty());
    assert_eq!(ss.state(), Session::new(plan()).state());
}

#[test]
fn ending_the_meeting_ends_the_running_talk_and_closes_timing() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    let events = run(&mut ss, Command::EndMeeting, s(45));
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![
            EventKind::TalkEnded { unit: "甲".into() },
            EventKind::MeetingEnded
        ]
    );
    assert_eq!(ss.state().ended_at, Some(s(45)));
    assert_eq!(ss.state().current, None);
    assert_eq!(unit(&ss, "甲").status(), Status::Done);

    let timing = [
        Command::ToggleTalk,
        Command::Next,
        Command::SetCurrent { unit: "乙".into() },
        Command::AdjustLimit { seconds: 30 },
        Command::ToggleSkip { unit: "丙".into() },
        Command::MoveUnit {
            unit: "丁".into(),
            delta: -1,
        },
        Command::AddUnit {
            name: "迟到".into(),
            presenter: None,
            role: None,
            minutes: None,
            kind: None,
        },
        Command::EndMeeting,
    ];
    for command in timing {
        assert_eq!(
            refused(&ss, command.clone(), s(50)),
            Refusal::MeetingEnded,
            "{command:?}"
        );
    }
    // Remarks still work after the end.
    run(
        &mut ss,
        add_remark(Some("甲"), "常务副市长", "会后补充", RemarkKind::Task),
        s(60),
    );
    let rec = record(&ss, s(100));
    assert_eq!(rec["meeting"]["ended_at"], rfc3339(s(45)));
    assert_eq!(rec["meeting"]["started_at"], rfc3339(s(0)));
    assert_eq!(rec["meeting"]["talk_seconds"], 45);
    let 甲 = unit_record(&rec, "甲");
    assert_eq!(甲["status"], "done");
    assert_eq!(甲["talk_seconds"], 45);
    assert_eq!(甲["overtime_seconds"], 15);
    assert_eq!(rec["tasks"][0]["unit"], "甲");

    // Ending can be undone (the remark first), which opens timing again.
    run(&mut ss, Command::Undo, s(61));
    run(&mut ss, Command::Undo, s(62));
    assert_eq!(ss.state().ended_at, None);
    assert_eq!(unit(&ss, "甲").status(), Status::Presenting);
    assert_eq!(unit(&ss, "甲").talk_seconds(s(70)), 70);
    run(&mut ss, Command::Next, s(70));
    assert_replays(&ss);
}

#[test]
fn ending_a_meeting_ends_a_paused_talk_too() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    run(&mut ss, Command::ToggleTalk, s(12));
    let events = run(&mut ss, Command::EndMeeting, s(100));
    assert_eq!(events[0].kind, EventKind::TalkEnded { unit: "甲".into() });
    assert_eq!(unit(&ss, "甲").talk_seconds(s(1000)), 12);
    assert_eq!(unit(&ss, "甲").talk.ended_at, Some(s(100)));
    assert_replays(&ss);
}

#[test]
fn the_record_serialises_with_the_contract_field_names() {
    let mut ss = session();
    run(&mut ss, Command::ToggleTalk, s(0));
    let rec = record(&ss, s(10));
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    for key in ["meeting", "units", "general_remarks", "tasks"] {
        assert!(rec.get(key).is_some(), "record.{key} is missing");
    }
    let meeting = keys(&rec["meeting"]);
    for key in [
        "title",
        "started_at",
        "ended_at",
        "planned_seconds",
        "talk_seconds",
    ] {
        assert!(meeting.contains(&key.to_string()), "record.meeting.{key}");
    }
    let unit = keys(&rec["units"][0]);
    for key in [
        "name",
        "presenter",
        "role",
        "status",
        "limit_seconds",
        "talk_seconds",
        "overtime_seconds",
        "started_at",
        "ended_at",
        "remarks",
    ] {
        assert!(unit.contains(&key.to_string()), "record.units[].{key}");
    }
    // Times are RFC 3339 with the offset they were recorded with.
    let started = rec["meeting"]["started_at"].as_str().unwrap();
    assert_eq!(
        DateTime::parse_from_rfc3339(started).unwrap(),
        s(0),
        "{started}"
    );
    assert!(started.ends_with("+08:00"), "{started}");
}
