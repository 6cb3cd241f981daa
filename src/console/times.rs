//! The meeting's planned and projected end, for the header.

use crate::plan::Plan;
use crate::session::{Session, Status, Time};
use crate::strings::{self, Lang};
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
    /// The difference of the two ends as the header shows them (hours and minutes, the
    /// seconds cut off): "22:18" and "22:18" are on time, "22:18" and "22:19" one minute
    /// late, whatever the seconds were.
    pub drift_minutes: i64,
}

/// A time as the header shows it ("22:18").
fn hm(t: Option<Time>) -> String {
    t.map_or_else(|| "--:--".into(), |t| t.format("%H:%M").to_string())
}

/// The minute `t` shows as, counted on its own clock face (the seconds cut off, as `hm`).
fn shown_minute(t: Time) -> i64 {
    t.naive_local().and_utc().timestamp().div_euclid(60)
}

/// Minutes from `planned` to `projected` as the two read in the header.
fn drift(planned: Option<Time>, projected: Option<Time>) -> i64 {
    match (planned, projected) {
        (Some(p), Some(q)) => shown_minute(q) - shown_minute(p),
        _ => 0,
    }
}

impl MeetingTimes {
    /// The planned end as the header shows it: "22:18", or "--:--" when unknown.
    pub fn planned_text(&self) -> String {
        hm(self.planned)
    }

    /// The projected end with its drift from the planned end, as the header shows it:
    /// "22:19 (+1 min)", or "22:18 (on time)" when the two ends read the same.
    pub fn projected_text(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            hm(self.projected),
            strings::drift(lang, self.drift_minutes)
        )
    }
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
        return MeetingTimes {
            planned,
            projected: Some(ended),
            drift_minutes: drift(planned, Some(ended)),
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
    MeetingTimes {
        planned,
        projected: Some(projected),
        drift_minutes: drift(planned, Some(projected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    /// 22:18:00 +08:00 and `late` seconds after it.
    fn ends(planned_second: u32, late: i64) -> MeetingTimes {
        let planned = FixedOffset::east_opt(8 * 3600)
            .and_then(|o| {
                o.with_ymd_and_hms(2026, 5, 30, 22, 18, planned_second)
                    .single()
            })
            .expect("time");
        let projected = planned + Duration::seconds(late);
        MeetingTimes {
            planned: Some(planned),
            projected: Some(projected),
            drift_minutes: drift(Some(planned), Some(projected)),
        }
    }

    fn shown(t: &MeetingTimes, lang: Lang) -> (String, String) {
        (t.planned_text(), t.projected_text(lang))
    }

    #[test]
    fn the_drift_agrees_with_the_two_times_shown() {
        use Lang::{En, Zh};
        // Exactly on time.
        let t = ends(0, 0);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:18 (on time)".into()));
        assert_eq!(shown(&t, Zh), ("22:18".into(), "22:18 (按时)".into()));
        // 59 s late, both in the same minute: the same time, on time (it used to round to
        // "+1 min" next to two equal times).
        let t = ends(0, 59);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:18 (on time)".into()));
        // 59 s late across a minute: the times differ by one, and so does the drift.
        let t = ends(30, 59);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:19 (+1 min)".into()));
        assert_eq!(shown(&t, Zh), ("22:18".into(), "22:19 (晚 1 分钟)".into()));
        // 61 s late.
        let t = ends(0, 61);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:19 (+1 min)".into()));
        let t = ends(50, 61);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:19 (+1 min)".into()));
        // Early.
        let t = ends(0, -1);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:17 (-1 min)".into()));
        assert_eq!(shown(&t, Zh), ("22:18".into(), "22:17 (早 1 分钟)".into()));
        let t = ends(40, -150);
        assert_eq!(shown(&t, En), ("22:18".into(), "22:16 (-2 min)".into()));
        // Unknown ends: no drift.
        let none = MeetingTimes {
            planned: None,
            projected: None,
            drift_minutes: drift(None, None),
        };
        assert_eq!(shown(&none, En), ("--:--".into(), "--:-- (on time)".into()));
    }
}
