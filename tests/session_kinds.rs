//! Agenda items of every kind in the session core: only `report` items are 汇报单位 (scored,
//! ranked, held to a countdown); a speech or the comments count up and are never over time; a
//! written item is marked announced, never skipped; a meeting with `scoring.mode: "none"` has
//! no results at all. Time is passed in.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::plan::{Plan, UnitKind};
use podium::scoring::{self, ScoreProblem};
use podium::session::record::Record;
use podium::session::{Command, EventKind, Refusal, ScoreEntry, Session, Status, Time};
use podium::timer::{self, Phase};
use serde_json::{Value, json};

fn s(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
        + Duration::seconds(seconds)
}

/// 传达学习 (briefing, 5 min), two unit talks (8 min), a written announcement, the reviewers'
/// comments, and the secretary's speech with a 20-minute soft limit.
fn plan_json(mode: &str) -> Value {
    json!({
        "version": 2,
        "title": "工作推进会",
        "date": "2026-05-30",
        "start": "09:00",
        "attendees": ["市委书记", "市长（主持）"],
        "observers": ["各县区主要负责人"],
        "recorder": "市委办公室",
        "units": [
            {"name": "传达学习省委会议精神", "kind": "briefing", "minutes": 5},
            {"name": "甲县", "presenter": "县委书记"},
            {"name": "乙区", "kind": "report"},
            {"name": "重点工作进展情况", "kind": "written"},
            {"name": "现场点评", "kind": "comments"},
            {"name": "市委书记讲话", "kind": "speech", "minutes": 20, "presenter": "市委书记"}
        ],
        "reviewers": [{"name": "评委一"}, {"name": "评委二"}],
        "scoring": {"mode": mode}
    })
}

fn plan(mode: &str) -> Plan {
    serde_json::from_value(plan_json(mode)).expect("the test plan parses")
}

fn run(session: &mut Session, command: Command, now: Time) {
    let events = session
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} was refused: {r:?}"));
    session.commit(events);
}

fn refused(session: &Session, command: Command, now: Time) -> Refusal {
    match session.decide(&command, now) {
        Ok(events) => panic!("{command:?} was accepted: {events:?}"),
        Err(r) => r,
    }
}

fn status(session: &Session, unit: &str) -> Status {
    session.state().unit(unit).expect("unit").status()
}

/// Runs the whole agenda: every timed item for `seconds` each (the speech `speech` seconds),
/// the written item announced with `written_key`.
fn whole_meeting(session: &mut Session, written_key: Command, speech: i64) -> Time {
    let mut now = s(0);
    while let Some(cur) = session.state().current_unit().cloned() {
        if cur.kind == UnitKind::Written {
            run(session, written_key.clone(), now);
            continue;
        }
        run(session, Command::ToggleTalk, now);
        now += Duration::seconds(if cur.kind == UnitKind::Speech {
            speech
        } else {
            600
        });
        run(session, Command::Next, now);
    }
    now
}

#[test]
fn only_report_items_are_reporting_units() {
    let p = plan("points");
    assert_eq!(p.reports().count(), 2);
    let session = Session::new(p);
    let names: Vec<&str> = session.state().reports().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["甲县", "乙区"]);
    let results = scoring::results(session.rules(), session.plan(), session.state(), s(0));
    let ranked: Vec<&str> = results.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(ranked, ["甲县", "乙区"]);
}

#[test]
fn planned_time_counts_every_kind_but_written() {
    let session = Session::new(plan("points"));
    let st = session.state();
    let limits: Vec<i64> = st.units.iter().map(|u| u.limit_seconds()).collect();
    // briefing 5 min, two talks of 8, written nothing, comments no soft limit, speech 20.
    assert_eq!(limits, [300, 480, 480, 0, 0, 1200]);
    let record = Record::of(&session, s(0));
    assert_eq!(record.meeting.planned_seconds, 300 + 480 + 480 + 1200);
}

#[test]
fn a_speech_counts_up_and_is_never_over_time() {
    let mut session = Session::new(plan("points"));
    for _ in 0..5 {
        let cur = session.state().current.clone().expect("current");
        if cur == "市委书记讲话" {
            break;
        }
        run(&mut session, Command::ToggleSkip { unit: cur }, s(0));
    }
    run(&mut session, Command::ToggleTalk, s(0));
    for seconds in [0, 1199, 1200, 1260, 3 * 3600, 30 * 3600] {
        let u = session.state().unit("市委书记讲话").expect("speech");
        let reading = timer::read(u, 60, s(seconds));
        assert_eq!(reading.phase, Phase::Elapsed, "at {seconds} s");
        assert_eq!(reading.overtime, 0);
        assert!(!reading.text().starts_with('+'), "{}", reading.text());
        assert_eq!(u.overtime_seconds(s(seconds)), 0);
        assert_eq!(u.soft_limit_seconds(), Some(1200));
    }
    assert_eq!(
        timer::read(
            session.state().unit("市委书记讲话").unwrap(),
            60,
            s(3 * 3600)
        )
        .text(),
        "3:00:00"
    );
    run(&mut session, Command::Next, s(3 * 3600));
    let record = serde_json::to_value(Record::of(&session, s(3 * 3600))).unwrap();
    let speech = &record["units"][5];
    assert_eq!(speech["kind"], "speech");
    assert_eq!(speech["status"], "done");
    assert_eq!(speech["talk_seconds"], 3 * 3600);
    assert_eq!(speech["overtime_seconds"], 0);
    assert_eq!(speech["result"], Value::Null);
}

#[test]
fn a_briefing_counts_down_and_runs_over_but_is_never_scored() {
    let mut session = Session::new(plan("points"));
    run(&mut session, Command::ToggleTalk, s(0));
    let u = session.state().unit("传达学习省委会议精神").unwrap();
    assert_eq!(timer::read(u, 60, s(250)).phase, Phase::Warning);
    assert_eq!(timer::read(u, 60, s(310)).phase, Phase::Overtime);
    assert_eq!(u.overtime_seconds(s(310)), 10);
    let refusal = refused(
        &session,
        Command::SetScores {
            entries: vec![ScoreEntry {
                unit: "传达学习省委会议精神".into(),
                reviewer: "评委一".into(),
                criterion: scoring::Rules::of(session.plan()).criteria[0].name.clone(),
                value: 90 * scoring::ONE,
            }],
        },
        s(310),
    );
    assert_eq!(
        refusal,
        Refusal::Score(ScoreProblem::NotAReport("传达学习省委会议精神".into()))
    );
}

#[test]
fn a_written_item_is_announced_with_space_or_n_never_skipped() {
    for key in [Command::ToggleTalk, Command::Next] {
        let mut session = Session::new(plan("points"));
        whole_meeting(&mut session, key.clone(), 60);
        assert_eq!(
            status(&session, "重点工作进展情况"),
            Status::Done,
            "{key:?}"
        );
        let u = session.state().unit("重点工作进展情况").unwrap();
        assert_eq!(u.talk_seconds(s(99_999)), 0);
        assert_eq!(u.overtime_seconds(s(99_999)), 0);
        let record = serde_json::to_value(Record::of(&session, s(99_999))).unwrap();
        let written = &record["units"][3];
        assert_eq!(written["kind"], "written");
        assert_eq!(written["status"], "done");
        assert_eq!(written["limit_seconds"], 0);
        // The next item became current: the comments, whose talk then ran.
        assert_eq!(status(&session, "现场点评"), Status::Done);
    }
}

#[test]
fn announcing_the_first_item_starts_the_meeting_and_is_one_undo() {
    let mut p = plan_json("points");
    p["units"].as_array_mut().unwrap().rotate_left(3);
    let mut session = Session::new(serde_json::from_value(p).unwrap());
    assert_eq!(session.state().current.as_deref(), Some("重点工作进展情况"));
    let events = session.decide(&Command::ToggleTalk, s(5)).unwrap();
    assert!(matches!(events[0].kind, EventKind::MeetingStarted));
    session.commit(events);
    assert_eq!(session.state().started_at, Some(s(5)));
    assert_eq!(session.state().current.as_deref(), Some("现场点评"));
    run(&mut session, Command::Undo, s(6));
    assert_eq!(status(&session, "重点工作进展情况"), Status::Pending);
    assert_eq!(session.state().started_at, None);
}

#[test]
fn a_written_item_has_no_limit_to_change() {
    let mut p = plan_json("points");
    p["units"].as_array_mut().unwrap().rotate_left(3);
    let session = Session::new(serde_json::from_value(p).unwrap());
    assert_eq!(
        refused(&session, Command::AdjustLimit { seconds: 60 }, s(0)),
        Refusal::NoTimer {
            unit: "重点工作进展情况".into()
        }
    );
}

#[test]
fn a_speechs_soft_limit_may_go_back_to_none_but_a_talks_limit_keeps_a_second() {
    let mut p = plan_json("points");
    p["units"].as_array_mut().unwrap().rotate_left(5);
    let mut session = Session::new(serde_json::from_value(p).unwrap());
    run(&mut session, Command::AdjustLimit { seconds: -1200 }, s(0));
    let u = session.state().unit("市委书记讲话").unwrap();
    assert_eq!((u.limit_seconds(), u.soft_limit_seconds()), (0, None));
    assert_eq!(
        refused(&session, Command::AdjustLimit { seconds: -1 }, s(0)),
        Refusal::LimitTooShort
    );
}

#[test]
fn a_leader_who_speaks_on_the_spot_is_added_as_a_speech() {
    let mut session = Session::new(plan("points"));
    run(&mut session, Command::ToggleTalk, s(0));
    let command = Command::AddUnit {
        name: "市长讲话".into(),
        presenter: Some("市长".into()),
        role: None,
        minutes: None,
        kind: Some(UnitKind::Speech),
    };
    let events = session.decide(&command, s(10)).unwrap();
    match &events[0].kind {
        EventKind::UnitAdded {
            kind,
            limit_seconds,
            ..
        } => {
            assert_eq!(*kind, Some(UnitKind::Speech));
            assert_eq!(
                *limit_seconds, 0,
                "a speech without minutes has no soft limit"
            );
        }
        other => panic!("{other:?}"),
    }
    let line = serde_json::to_value(&events[0]).unwrap();
    assert_eq!(line["kind"], "speech", "{line}");
    session.commit(events);
    let u = session.state().unit("市长讲话").unwrap();
    assert_eq!(u.kind, UnitKind::Speech);
    assert!(u.late);
    assert_eq!(session.state().reports().count(), 2);
    // A unit added without a kind is a talk, and its event says nothing of kinds.
    let events = session
        .decide(
            &Command::AddUnit {
                name: "丙镇".into(),
                presenter: None,
                role: None,
                minutes: None,
                kind: None,
            },
            s(11),
        )
        .unwrap();
    let line = serde_json::to_value(&events[0]).unwrap();
    assert!(line.get("kind").is_none(), "{line}");
    session.commit(events);
    assert_eq!(session.state().reports().count(), 3);
    assert_eq!(session.state().unit("丙镇").unwrap().limit_seconds(), 480);
}

#[test]
fn an_old_unit_added_event_without_kind_is_a_talk() {
    let event: podium::session::Event = serde_json::from_value(json!({
        "seq": 1, "at": "2026-05-30T09:00:00+08:00", "type": "unit_added",
        "unit": "新单位", "limit_seconds": 300, "after": null
    }))
    .expect("an old event reads");
    let mut session = Session::new(plan("points"));
    session.commit(vec![event]);
    let u = session.state().unit("新单位").unwrap();
    assert_eq!((u.kind, u.limit_seconds()), (UnitKind::Report, 300));
}

#[test]
fn the_ranking_and_reveal_hold_report_items_only() {
    let mut session = Session::new(plan("points"));
    let criterion = scoring::Rules::of(session.plan()).criteria[0].name.clone();
    let entries = [("甲县", 90), ("乙区", 80)]
        .into_iter()
        .flat_map(|(unit, v)| {
            ["评委一", "评委二"].map(|r| ScoreEntry {
                unit: unit.into(),
                reviewer: r.into(),
                criterion: criterion.clone(),
                value: v * scoring::ONE,
            })
        })
        .collect();
    run(&mut session, Command::SetScores { entries }, s(0));
    run(&mut session, Command::Publish, s(1));
    run(&mut session, Command::RevealResults { places: 99 }, s(2));
    assert_eq!(session.state().stage.revealed, 2);
    let record = serde_json::to_value(Record::of(&session, s(3))).unwrap();
    let ranking: Vec<&str> = record["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["unit"].as_str().unwrap())
        .collect();
    assert_eq!(ranking, ["甲县", "乙区"]);
    for u in record["units"].as_array().unwrap() {
        assert_eq!(
            u["result"].is_null(),
            u["kind"] != "report",
            "{}",
            u["name"]
        );
    }
    assert_eq!(record["meeting"]["reports"], 2);
    assert_eq!(record["meeting"]["attendees"][1], "市长（主持）");
    assert_eq!(record["meeting"]["observers"][0], "各县区主要负责人");
    assert_eq!(record["meeting"]["recorder"], "市委办公室");
}

#[test]
fn a_meeting_that_does_not_score_has_no_results() {
    let mut session = Session::new(plan("none"));
    let now = whole_meeting(&mut session, Command::Next, 60);
    assert!(scoring::results(session.rules(), session.plan(), session.state(), now).is_empty());
    assert_eq!(refused(&session, Command::Publish, now), Refusal::NotScored);
    let criterion = scoring::Rules::of(session.plan()).criteria[0].name.clone();
    let refusal = refused(
        &session,
        Command::SetScores {
            entries: vec![ScoreEntry {
                unit: "甲县".into(),
                reviewer: "评委一".into(),
                criterion,
                value: 90 * scoring::ONE,
            }],
        },
        now,
    );
    assert_eq!(refusal, Refusal::Score(ScoreProblem::NotScored));
    let refusal = refused(
        &session,
        Command::AddGrades {
            entries: vec![podium::session::GradeEntry {
                unit: "甲县".into(),
                grade: "好".into(),
                count: 1,
                group: None,
            }],
        },
        now,
    );
    assert_eq!(refusal, Refusal::Score(ScoreProblem::NotScored));
    let record = serde_json::to_value(Record::of(&session, now)).unwrap();
    assert_eq!(record["ranking"], json!([]));
    assert_eq!(record["meeting"]["scoring_mode"], "none");
    assert!(
        record["units"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["result"].is_null())
    );
}

#[test]
fn a_plan_without_kinds_means_what_it_meant() {
    let p: Plan = serde_json::from_value(json!({
        "title": "汇报会",
        "units": [{"name": "甲"}, {"name": "乙", "minutes": 5}]
    }))
    .unwrap();
    assert!(p.units.iter().all(|u| u.kind.is_none()));
    assert_eq!(p.reports().count(), 2);
    let text = serde_json::to_string(&p).unwrap();
    assert!(
        !text.contains("kind") && !text.contains("attendees"),
        "{text}"
    );
    let session = Session::new(p);
    let limits: Vec<i64> = session
        .state()
        .units
        .iter()
        .map(|u| u.limit_seconds())
        .collect();
    assert_eq!(limits, [480, 300]);
}

#[test]
fn a_written_items_minutes_are_a_warning() {
    let mut p = plan_json("points");
    p["units"][3]["minutes"] = json!(3);
    let p: Plan = serde_json::from_value(p).unwrap();
    let findings = p.validate();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].warning);
    assert_eq!(
        findings[0].problem,
        podium::plan::Problem::MinutesIgnored {
            unit: "重点工作进展情况".into()
        }
    );
    let session = Session::new(p);
    assert_eq!(
        session
            .state()
            .unit("重点工作进展情况")
            .unwrap()
            .limit_seconds(),
        0
    );
}

/// What "undone: …" says of an action on an item that is not a unit's talk.
#[test]
fn undoing_an_announcement_or_a_speech_names_it_for_what_it_is() {
    use podium::strings::{self, Lang};
    let mut p = plan_json("points");
    p["units"].as_array_mut().unwrap().rotate_left(3);
    let mut session = Session::new(serde_json::from_value(p).unwrap());
    let said = |session: &Session, lang: Lang| {
        let action = session.undoable_action().expect("an action");
        let events: Vec<_> = session.action_events(action).collect();
        let st = session.state();
        strings::action(lang, &events, &|u| st.unit(u).map(|x| x.kind))
    };
    run(&mut session, Command::Next, s(0));
    assert_eq!(said(&session, Lang::Zh), "宣读重点工作进展情况");
    assert_eq!(said(&session, Lang::En), "announcing 重点工作进展情况");
    run(&mut session, Command::ToggleTalk, s(1));
    assert_eq!(said(&session, Lang::Zh), "现场点评开始");
    assert_eq!(said(&session, Lang::En), "the start of 现场点评");
    run(&mut session, Command::Next, s(2));
    run(&mut session, Command::ToggleTalk, s(3));
    run(&mut session, Command::Next, s(4));
    // A unit's talk is still called one.
    run(&mut session, Command::ToggleTalk, s(5));
    assert_eq!(said(&session, Lang::Zh), "传达学习省委会议精神开始");
    run(&mut session, Command::Next, s(6));
    run(&mut session, Command::ToggleTalk, s(7));
    assert_eq!(said(&session, Lang::Zh), "甲县开始汇报");
}

#[test]
fn resuming_a_speech_does_not_call_it_a_talk() {
    use podium::strings::{self, Lang};
    let zh = strings::resumed(Lang::Zh, Some("市委书记讲话"), false, true, false, 3);
    assert_eq!(
        zh,
        "已恢复会议：市委书记讲话仍在计时（含断开期间），共 3 条点评"
    );
    let en = strings::resumed(Lang::En, Some("Speech"), false, false, true, 3);
    assert_eq!(en, "Resumed: Speech is paused; 3 remarks");
    let talk = strings::resumed(Lang::Zh, Some("甲县"), true, true, false, 0);
    assert!(talk.contains("甲县的汇报仍在计时"), "{talk}");
}

/// A number too long to read is shown in scientific notation, not as 309 digits.
#[test]
fn a_huge_number_in_a_plan_is_said_shortly() {
    use podium::strings::{self, Lang};
    let p: Plan = serde_json::from_value(json!({
        "title": "会", "units": [{"name": "乙", "minutes": 1e308}]
    }))
    .unwrap();
    let findings = p.validate();
    let said = strings::plan_problem(Lang::En, &findings[0].problem);
    assert_eq!(said, "must be at most 600 minutes (got 1e308)");
    let said = strings::plan_problem(Lang::Zh, &findings[0].problem);
    assert!(said.len() < 60, "{said}");
    let p: Plan = serde_json::from_value(json!({
        "title": "会", "units": [{"name": "乙", "minutes": 601.5}]
    }))
    .unwrap();
    let said = strings::plan_problem(Lang::En, &p.validate()[0].problem);
    assert_eq!(said, "must be at most 600 minutes (got 601.5)");
}

/// A written item added live takes no time, but minutes that are not minutes are still refused.
#[test]
fn a_written_item_added_live_refuses_bad_minutes_and_ignores_sound_ones() {
    let session = Session::new(plan("points"));
    let add = |minutes: Option<f64>| Command::AddUnit {
        name: "补充书面材料".into(),
        presenter: None,
        role: None,
        minutes,
        kind: Some(UnitKind::Written),
    };
    assert_eq!(
        refused(&session, add(Some(-5.0)), s(0)),
        Refusal::BadMinutes
    );
    assert_eq!(
        refused(&session, add(Some(601.0)), s(0)),
        Refusal::BadMinutes
    );
    for minutes in [None, Some(5.0)] {
        let events = session.decide(&add(minutes), s(0)).expect("accepted");
        match &events[0].kind {
            EventKind::UnitAdded { limit_seconds, .. } => assert_eq!(*limit_seconds, 0),
            other => panic!("{other:?}"),
        }
    }
}
