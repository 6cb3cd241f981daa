//! The meeting's planned and projected end, for the header.

use crate::plan::Plan;
use crate::session::{Session, Status, Time};
use chrono::{Duration, NaiveDate, NaiveTime};

/// The plan's date and start time, read once from the plan (not on every frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanDay {
    /// The meeting's day; `None` when the plan names none (or none that can be read).
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
}

impl PlanDay {
    pub fn of(plan: &Plan) -> PlanDay {
        PlanDay {
            date: plan
                .date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            start: plan.start.as_deref().and_then(crate::plan::parse_start),
        }
    }
}

/// Planned and projected end of the meeting, and the drift between them in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingTimes {
    pub planned: Option<Time>,
    pub projected: Option<Time>,
    pub drift_minutes: i64,
}

fn minutes(seconds: i64) -> i64 {
    (seconds as f64 / 60.0).round() as i64
}

pub fn meeting_times(session: &Session, day: &PlanDay, now: Time) -> MeetingTimes {
    let st = session.state();
    let planned_total: i64 = st
        .units
        .iter()
        .filter(|u| !u.skipped)
        .map(|u| u.limit_seconds())
        .sum();
    // The plan's start counts on the meeting's own day; on another day (a rehearsal, the
    // demo) the meeting is planned from when it started, or from now.
    let today = now.date_naive();
    let on_the_day = day.date.is_none_or(|d| d == today);
    let planned_start = day
        .start
        .filter(|_| on_the_day)
        .and_then(|t| today.and_time(t).and_local_timezone(*now.offset()).single())
        .or(st.started_at)
        .or(Some(now));
    let planned = planned_start.map(|s| s + Duration::seconds(planned_total));
    if let Some(ended) = st.ended_at {
        let drift = planned.map_or(0, |p| (ended - p).num_seconds());
        return MeetingTimes {
            planned,
            projected: Some(ended),
            drift_minutes: minutes(drift),
        };
    }
    let remaining: i64 = st
        .units
        .iter()
        .map(|u| match u.status() {
            Status::Pending => u.limit_seconds(),
            Status::Presenting | Status::Paused => (u.limit_seconds() - u.talk_seconds(now)).max(0),
            Status::Done | Status::Skipped => 0,
        })
        .sum();
    let from = match (st.started_at, planned_start) {
        (None, Some(p)) if p > now => p,
        _ => now,
    };
    let projected = from + Duration::seconds(remaining);
    let drift = planned.map_or(0, |p| (projected - p).num_seconds());
    MeetingTimes {
        planned,
        projected: Some(projected),
        drift_minutes: minutes(drift),
    }
}
