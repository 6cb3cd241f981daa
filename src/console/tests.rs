//! The console's core without a terminal: wakes, the draft timer, notices, meeting times.

use super::clock::Manual;
use super::ledger::Ledger;
use super::*;
use crate::store::Writer;
use chrono::{Duration, FixedOffset, TimeZone};
use tempfile::TempDir;

const PLAN: &str = r#"{"title": "季度交流汇报会", "talk_minutes": 8, "date": "2026-05-30",
  "start": "14:00", "units": [{"name": "市财政局"}, {"name": "城郊街道办事处"}],
  "reviewers": [{"name": "常务副市长"}]}"#;

/// 2026-05-30 09:00:00 +08:00 plus `ms` milliseconds.
fn at_ms(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .and_then(|o| o.with_ymd_and_hms(2026, 5, 30, 9, 0, 0).single())
        .expect("time")
        + Duration::milliseconds(ms)
}

fn console(now: Time) -> (TempDir, Console) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = crate::planfile::parse("plan.json", PLAN, Lang::En)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, now).expect("session created");
    (
        dir,
        Console::new(Ledger::Local(writer), Lang::En, true, now),
    )
}

/// A console whose wall clock reads `wall`, moved by hand.
fn console_on_clock(wall: Time) -> (TempDir, Console, Manual) {
    let (dir, mut c) = console(wall);
    let clocks = Manual::new(wall);
    c.set_clock(Box::new(clocks.clone()));
    (dir, c, clocks)
}

#[test]
fn next_wake_during_a_running_talk_is_the_talk_timers_next_second() {
    // The wall clock is 300 ms into its second when the talk starts.
    let (_dir, mut c, clocks) = console_on_clock(at_ms(300));
    let start = c.clock_now();
    assert!(c.execute(Command::ToggleTalk, start).ok, "the talk starts");
    c.notice = None;
    clocks.pass_ms(250);
    let now = c.clock_now();
    assert_eq!(c.next_wake(now), Some(start + Duration::milliseconds(1000)));
    // Not at the wall clock's next second (700 ms after the start): the header waits for
    // the talk's tick, at most a second late.
    assert_eq!(c.tick_lag(now), Duration::milliseconds(250));
    assert_eq!(c.header_clock(now), at_ms(300));
}

#[test]
fn a_running_talk_wakes_the_screen_once_a_second() {
    let (_dir, mut c, clocks) = console_on_clock(at_ms(437));
    let start = c.clock_now();
    assert!(c.execute(Command::ToggleTalk, start).ok);
    c.notice = None;
    let mut wakes = 0;
    let mut now = c.clock_now();
    while now < start + Duration::seconds(60) {
        c.tick(now);
        // A snapshot started on its thread is done well within the 50 ms the loop gives it;
        // here, where no real time passes, it is waited for.
        if let Some(w) = c.ledger.writer_mut() {
            w.wait_for_snapshot(now).expect("snapshot written");
        }
        let wake = c.next_wake(now).expect("a running talk wakes the screen");
        assert!(wake > now, "the next wake is ahead");
        clocks.pass_ms((wake - now).num_milliseconds());
        now = c.clock_now();
        wakes += 1;
    }
    assert!(wakes <= 61, "{wakes} wakes in 60 seconds of a running talk");
    assert!(
        wakes >= 59,
        "the timer still ticks every second ({wakes} wakes)"
    );
}

#[test]
fn without_a_talk_the_screen_wakes_on_the_wall_clocks_second() {
    let (_dir, c, _clocks) = console_on_clock(at_ms(300));
    let now = c.clock_now();
    assert_eq!(c.next_wake(now), Some(now + Duration::milliseconds(700)));
    assert_eq!(c.tick_lag(now), Duration::zero());
}

#[test]
fn typed_text_is_due_half_a_second_later() {
    let (dir, mut c) = console(at_ms(0));
    let draft = dir.path().join("meeting.session.draft");
    c.typed(Some("{\"text\":\"a\"}".into()), at_ms(100));
    c.typed(Some("{\"text\":\"ab\"}".into()), at_ms(300));
    assert_eq!(
        c.unwritten_draft().lock().expect("lock").as_deref(),
        Some("{\"text\":\"ab\"}")
    );
    assert!(!c.draft_due(at_ms(599)));
    assert!(c.draft_due(at_ms(600)), "due from the first keystroke");
    assert!(c.next_wake(at_ms(450)) <= Some(at_ms(600)));
    c.write_draft(Some("{\"text\":\"ab\"}".into()));
    assert!(!c.draft_due(at_ms(2000)), "written: nothing due");
    assert_eq!(c.unwritten_draft().lock().expect("lock").as_deref(), None);
    assert_eq!(c.read_draft().as_deref(), Some("{\"text\":\"ab\"}"));
    c.drop_draft();
    assert_eq!(c.read_draft(), None);
    assert!(!draft.exists() || c.read_draft().is_none());
}

#[test]
fn notices_and_banners_expire_and_an_error_banner_stays() {
    let (_dir, mut c) = console(at_ms(0));
    c.notify("saved".into(), Level::Info, at_ms(0));
    assert!(c.next_wake(at_ms(0)) <= Some(at_ms(8000)));
    c.tick(at_ms(7999));
    assert!(c.notice.is_some(), "still shown");
    c.tick(at_ms(8000));
    assert!(c.notice.is_none(), "gone after eight seconds");
    // "Resumed: …" at start: its time starts when the console first shows it.
    c.banner("resumed".into(), Level::Info);
    c.tick(at_ms(10_000));
    assert_eq!(c.notice.as_ref().map(|n| n.text.as_str()), Some("resumed"));
    c.tick(at_ms(39_999));
    assert!(c.notice.is_some(), "a banner stays thirty seconds");
    c.tick(at_ms(40_000));
    assert!(c.notice.is_none(), "and goes after them, without a key");
    // Saving failed: it stays until it is dealt with.
    c.banner("not saved".into(), Level::Error);
    c.tick(at_ms(40_000));
    c.tick(at_ms(3_600_000));
    assert_eq!(
        c.notice.as_ref().map(|n| n.text.as_str()),
        Some("not saved")
    );
}

#[test]
fn an_idle_console_wakes_for_a_notices_end_and_otherwise_once_a_second() {
    let (_dir, mut c, clocks) = console_on_clock(at_ms(250));
    let start = c.clock_now();
    c.banner("resumed".into(), Level::Info);
    let mut wakes = 0;
    let mut now = start;
    let mut gone_at = None;
    while now < start + Duration::seconds(60) {
        c.tick(now);
        if c.notice.is_none() && gone_at.is_none() {
            gone_at = Some(now);
        }
        let wake = c.next_wake(now).expect("the clock on screen wakes it");
        assert!(wake > now, "the next wake is ahead");
        clocks.pass_ms((wake - now).num_milliseconds());
        now = c.clock_now();
        wakes += 1;
    }
    assert_eq!(
        gone_at,
        Some(start + Duration::seconds(30)),
        "the banner went at its end, woken for it"
    );
    assert!(wakes <= 62, "{wakes} wakes in a minute: no polling");
}

#[test]
fn meeting_times_count_from_the_plans_start_on_its_day() {
    let (_dir, c) = console(at_ms(0));
    assert_eq!(
        c.day,
        PlanDay {
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 30),
            start: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        }
    );
    // On the day, before the start: planned from 14:00, two talks of 8 minutes.
    let t = c.meeting_times(at_ms(0));
    let two = at_ms(5 * 3600 * 1000);
    assert_eq!(t.planned, Some(two + Duration::minutes(16)));
    assert_eq!(t.projected, Some(two + Duration::minutes(16)));
    assert_eq!(t.drift_minutes, 0);
    // Another day: planned from now.
    let next_day = at_ms(24 * 3600 * 1000);
    let t = c.meeting_times(next_day);
    assert_eq!(t.planned, Some(next_day + Duration::minutes(16)));
    // After the planned start, not started: projected from now, late by the difference.
    let late = two + Duration::minutes(10);
    let t = c.meeting_times(late);
    assert_eq!(t.projected, Some(late + Duration::minutes(16)));
    assert_eq!(t.drift_minutes, 10);
}

#[test]
fn a_plan_without_a_readable_date_is_planned_on_any_day() {
    let plan = crate::planfile::parse(
        "plan.json",
        r#"{"title": "t", "talk_minutes": 5, "start": "09:30", "units": [{"name": "a"}]}"#,
        Lang::En,
    )
    .expect("plan valid")
    .plan;
    let day = PlanDay::of(&plan);
    assert_eq!(day.date, None);
    assert_eq!(day.start, chrono::NaiveTime::from_hms_opt(9, 30, 0));
}

#[test]
fn the_header_clock_never_steps_back_when_a_talk_resumes() {
    let (_dir, mut c, clocks) = console_on_clock(at_ms(0));
    assert!(
        c.execute(Command::ToggleTalk, c.clock_now()).ok,
        "the talk starts"
    );
    clocks.pass_ms(700);
    assert!(c.execute(Command::ToggleTalk, c.clock_now()).ok, "paused");
    clocks.pass_ms(1400);
    let paused = c.header_clock(c.clock_now());
    assert_eq!(
        paused,
        at_ms(2100),
        "paused, the header shows the wall clock"
    );
    assert!(c.execute(Command::ToggleTalk, c.clock_now()).ok, "resumed");
    let mut last = paused;
    for _ in 0..30 {
        let now = c.clock_now();
        let shown = c.header_clock(now);
        assert!(shown >= last, "the header went back from {last} to {shown}");
        assert!(
            c.wall_time(now) - shown < Duration::seconds(1),
            "at most a second late"
        );
        last = shown;
        clocks.pass_ms(100);
    }
}
