//! The record: the meeting as people and scripts read it, derived from the session at a
//! given moment. Written into the session file and printed by `podium report --format json`;
//! ignored on load.

use super::Session;
use super::event::{RemarkKind, Time};
use super::state::Remark;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Record {
    pub meeting: MeetingRecord,
    pub units: Vec<UnitRecord>,
    pub general_remarks: Vec<RemarkRecord>,
    pub tasks: Vec<TaskRecord>,
}

#[derive(Debug, Serialize)]
pub struct MeetingRecord {
    pub title: String,
    pub date: Option<String>,
    pub venue: Option<String>,
    pub host: Option<String>,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    /// The sum of the limits of the units not skipped.
    pub planned_seconds: i64,
    /// The sum of every unit's talk time.
    pub talk_seconds: i64,
}

#[derive(Debug, Serialize)]
pub struct UnitRecord {
    pub name: String,
    pub presenter: Option<String>,
    pub role: Option<String>,
    pub topic: Option<String>,
    pub status: &'static str,
    pub limit_seconds: i64,
    pub talk_seconds: i64,
    pub overtime_seconds: i64,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    pub late_addition: bool,
    pub remarks: Vec<RemarkRecord>,
}

#[derive(Debug, Serialize)]
pub struct RemarkRecord {
    pub id: u64,
    pub reviewer: String,
    pub text: String,
    pub kind: RemarkKind,
    pub at: Time,
}

#[derive(Debug, Serialize)]
pub struct TaskRecord {
    pub id: u64,
    pub unit: Option<String>,
    pub reviewer: String,
    pub text: String,
    pub at: Time,
}

impl From<&Remark> for RemarkRecord {
    fn from(r: &Remark) -> Self {
        RemarkRecord {
            id: r.id,
            reviewer: r.reviewer.clone(),
            text: r.text.clone(),
            kind: r.kind,
            at: r.at,
        }
    }
}

impl Record {
    /// The record as of `now` (a running talk counts up to `now`).
    pub fn of(session: &Session, now: Time) -> Record {
        let now = session.clock(now);
        let st = session.state();
        let plan = session.plan();
        let mut by_unit: std::collections::HashMap<&str, Vec<RemarkRecord>> =
            std::collections::HashMap::new();
        let mut general_remarks = Vec::new();
        for r in &st.remarks {
            match &r.unit {
                Some(u) => by_unit.entry(u.as_str()).or_default().push(r.into()),
                None => general_remarks.push(r.into()),
            }
        }
        let units: Vec<UnitRecord> = st
            .units
            .iter()
            .map(|u| UnitRecord {
                name: u.name.clone(),
                presenter: u.presenter.clone(),
                role: u.role.clone(),
                topic: u.topic.clone(),
                status: u.status().key(),
                limit_seconds: u.limit_seconds(),
                talk_seconds: u.talk_seconds(now),
                overtime_seconds: u.overtime_seconds(now),
                started_at: u.talk.started_at,
                ended_at: u.talk.ended_at,
                late_addition: u.late,
                remarks: by_unit.remove(u.name.as_str()).unwrap_or_default(),
            })
            .collect();
        let tasks = st
            .remarks
            .iter()
            .filter(|r| r.kind == RemarkKind::Task)
            .map(|r| TaskRecord {
                id: r.id,
                unit: r.unit.clone(),
                reviewer: r.reviewer.clone(),
                text: r.text.clone(),
                at: r.at,
            })
            .collect();
        Record {
            meeting: MeetingRecord {
                title: plan.title.clone(),
                date: plan.date.clone(),
                venue: plan.venue.clone(),
                host: plan.host.clone(),
                started_at: st.started_at,
                ended_at: st.ended_at,
                planned_seconds: st
                    .units
                    .iter()
                    .filter(|u| !u.skipped)
                    .map(|u| u.limit_seconds())
                    .sum(),
                talk_seconds: units.iter().map(|u| u.talk_seconds).sum(),
            },
            units,
            general_remarks,
            tasks,
        }
    }
}
