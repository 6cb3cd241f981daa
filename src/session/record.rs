//! The record: the meeting as people and scripts read it, derived from the session at a
//! given moment. Written into the session file and printed by `podium report --format json`;
//! ignored on load.

use super::Session;
use super::event::{RemarkKind, Time};
use super::state::Remark;
use crate::plan::{ScoringMode, UnitKind};
use crate::scoring::{self, Rules, UnitResult};
use serde::Serialize;
use serde_json::{Map, Value};

/// A value in ten-thousandths as a JSON number with the published decimals.
pub fn number(rules: &Rules, value: i64) -> f64 {
    rules.show(value).parse().unwrap_or(0.0)
}

fn exact_number(value: i64) -> Value {
    crate::decimal::plain(value)
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

fn unit_scores(session: &Session, unit: &str, result: Option<&UnitResult>) -> Map<String, Value> {
    let rules = session.rules();
    let scores = &session.state().scores;
    let mut out = Map::new();
    match rules.mode {
        // With ballot groups: group → grade → count (tallies and cast ballots together).
        ScoringMode::Grades if rules.ballots => {
            for (g, group) in rules.groups.iter().enumerate() {
                let mut counts = Map::new();
                for (k, grade) in rules.grades.iter().enumerate() {
                    let n = result
                        .and_then(|r| r.group_grade_counts.get(g))
                        .and_then(|c| c.get(k))
                        .copied()
                        .unwrap_or(0);
                    counts.insert(grade.name.clone(), Value::from(n));
                }
                out.insert(group.name.clone(), Value::Object(counts));
            }
        }
        ScoringMode::Points => {
            for reviewer in &session.plan().reviewers {
                let mut sheet = Map::new();
                for (c, criterion) in rules.criteria.iter().enumerate() {
                    if let Some(v) = scores.value(unit, &reviewer.name, c) {
                        sheet.insert(criterion.name.clone(), exact_number(v));
                    }
                }
                if !sheet.is_empty() {
                    out.insert(reviewer.name.clone(), Value::Object(sheet));
                }
            }
            // Each counting ballot under its serial.
            for b in session.state().ballots.issued.iter().filter(|b| b.counts()) {
                let Some(values) = b.cast.as_ref().and_then(|c| c.points.get(unit)) else {
                    continue;
                };
                let sheet: Map<String, Value> = rules
                    .criteria
                    .iter()
                    .zip(values)
                    .filter_map(|(c, v)| Some((c.name.clone(), exact_number((*v)?))))
                    .collect();
                out.insert(b.serial.clone(), Value::Object(sheet));
            }
        }
        ScoringMode::Grades | ScoringMode::None => {
            if let Some(counts) = scores.grades.get(unit) {
                for (g, count) in rules.grades.iter().zip(counts) {
                    out.insert(g.name.clone(), Value::from(*count));
                }
            }
        }
    }
    out
}

/// The fewest scorers a group may have for its score to be shown in a public output: with
/// one or two, the group's score is a person's (or two people's) own.
pub const PUBLIC_GROUP_MIN: usize = 3;

/// A result's flags for circulation: who was trimmed left out (`trimmed:GROUP`), whose sheet
/// is incomplete left out altogether. The one rule for the record and every public export.
pub fn public_flags(flags: &[String]) -> Vec<String> {
    flags
        .iter()
        .filter(|f| !f.starts_with("incomplete:"))
        .map(|f| match f.strip_prefix("trimmed:") {
            Some(rest) => format!("trimmed:{}", rest.split(':').next().unwrap_or_default()),
            None => f.clone(),
        })
        .collect()
}

fn result_record(rules: &Rules, r: &UnitResult) -> ResultRecord {
    let mut group_scores = Map::new();
    let mut group_sizes = Vec::new();
    if rules.declared_groups {
        for g in &r.groups {
            let v = g.score.map(|s| {
                let rounded = rules.publish(s);
                Value::from(number(rules, rounded))
            });
            group_scores.insert(g.name.clone(), v.unwrap_or(Value::Null));
            group_sizes.push(g.counted());
        }
    }
    let previous = r.previous.as_ref();
    ResultRecord {
        category_rank: r.category_rank,
        band: r.band.clone(),
        previous_final: previous.and_then(|p| p.final_score),
        previous_rank: previous.and_then(|p| p.rank),
        previous_category_rank: previous.and_then(|p| p.category_rank),
        rank_change: r.rank_change,
        category_rank_change: r.category_rank_change,
        group_sizes,
        score: r.score_rounded.map(|v| number(rules, v)),
        penalty: number(rules, r.penalty()),
        overtime_penalty: number(rules, r.overtime_penalty),
        undertime_penalty: number(rules, r.undertime_penalty),
        final_score: r.final_score.map(|v| number(rules, v)),
        rank: r.rank,
        tied: r.tied,
        flags: r.flags(),
        group_scores,
        trimmed: Some(
            r.groups
                .iter()
                .flat_map(|g| g.dropped_high.iter().chain(&g.dropped_low).cloned())
                .collect(),
        ),
        excellent_share: r.excellent_share.map(|s| s.round(4) as f64 / 10_000.0),
    }
}

#[derive(Debug, Serialize)]
pub struct Record {
    pub meeting: MeetingRecord,
    pub units: Vec<UnitRecord>,
    pub general_remarks: Vec<RemarkRecord>,
    /// The task ledger: carried tasks, the plan's list, then tasks as they were raised.
    pub tasks: Vec<TaskRecord>,
    /// The meeting before this one, when the session is linked to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousRecord>,
    /// Units in ranking order: ranked ones first, then those without a score.
    pub ranking: Vec<RankRecord>,
    pub results_published: bool,
    /// Anonymous ballots, when the plan has ballot groups: counts only, never a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ballots: Option<BallotsRecord>,
}

#[derive(Debug, Serialize)]
pub struct BallotsRecord {
    pub open: bool,
    pub issued: usize,
    /// Cast and not voided.
    pub cast: usize,
    pub voided: usize,
    /// In the plan's order.
    pub groups: Map<String, Value>,
}

#[derive(Debug, Serialize)]
pub struct BallotGroupRecord {
    pub issued: usize,
    pub cast: usize,
    pub voided: usize,
}

impl BallotsRecord {
    pub fn of(session: &Session) -> Option<BallotsRecord> {
        let groups = session.ballot_groups();
        if groups.is_empty() {
            return None;
        }
        let b = &session.state().ballots;
        let all = b.counts(None);
        Some(BallotsRecord {
            open: b.open,
            issued: all.issued,
            cast: all.cast,
            voided: all.voided,
            groups: groups
                .into_iter()
                .map(|g| {
                    let c = b.counts(Some(&g));
                    let group = BallotGroupRecord {
                        issued: c.issued,
                        cast: c.cast,
                        voided: c.voided,
                    };
                    (g, serde_json::to_value(group).unwrap_or(Value::Null))
                })
                .collect(),
        })
    }
}

#[derive(Debug, Serialize)]
pub struct RankRecord {
    pub rank: Option<usize>,
    pub unit: String,
    #[serde(rename = "final")]
    pub final_score: Option<f64>,
    pub tied: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_change: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct ResultRecord {
    pub score: Option<f64>,
    pub penalty: f64,
    pub overtime_penalty: f64,
    pub undertime_penalty: f64,
    #[serde(rename = "final")]
    pub final_score: Option<f64>,
    pub rank: Option<usize>,
    pub tied: bool,
    pub flags: Vec<String>,
    /// Group → score (rounded for display only), or null for a group without scores.
    pub group_scores: serde_json::Map<String, serde_json::Value>,
    /// Reviewers whose totals were dropped by trimming (left out of a public record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trimmed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excellent_share: Option<f64>,
    /// The rank among the units of its category (null without a category).
    pub category_rank: Option<usize>,
    /// The 等次 (`scoring.bands`), or null.
    pub band: Option<String>,
    /// The round before (the copy in the session): its final, rank and category rank.
    pub previous_final: Option<f64>,
    pub previous_rank: Option<usize>,
    pub previous_category_rank: Option<usize>,
    /// previous_rank − rank: positive = moved up (进位), negative = moved down (退位); null
    /// unless ranked in both rounds.
    pub rank_change: Option<i64>,
    /// The same within the category (null when the category changed).
    pub category_rank_change: Option<i64>,
    /// How many sheets each group's score is the mean of, after trimming (in
    /// `group_scores` order).
    #[serde(skip)]
    pub group_sizes: Vec<usize>,
}

impl ResultRecord {
    /// For circulation: no reviewer's name in a flag (who was trimmed: `trimmed:GROUP`;
    /// whose sheet is incomplete: left out), no `trimmed` list, and no group score when a
    /// group of the unit has fewer than [`PUBLIC_GROUP_MIN`] scorers (one such group's score
    /// could be worked out from the others and the score).
    pub fn make_public(&mut self) {
        self.trimmed = None;
        self.flags = public_flags(&self.flags);
        if self
            .group_sizes
            .iter()
            .any(|n| (1..PUBLIC_GROUP_MIN).contains(n))
        {
            self.group_scores.clear();
        }
    }
}

#[derive(Debug, Serialize)]
pub struct MeetingRecord {
    pub title: String,
    pub date: Option<String>,
    pub venue: Option<String>,
    pub host: Option<String>,
    /// 出席, 列席 and 记录, as the plan gives them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorder: Option<String>,
    /// `points`, `grades` or `none` (a meeting that does not score).
    pub scoring_mode: ScoringMode,
    /// How many agenda items are 汇报单位 (`kind` `report`).
    pub reports: usize,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    /// The sum of the limits of the items not skipped (a speech's soft limit; nothing for a
    /// written item).
    pub planned_seconds: i64,
    /// The sum of every unit's talk time.
    pub talk_seconds: i64,
}

#[derive(Debug, Serialize)]
pub struct UnitRecord {
    pub name: String,
    /// What the agenda item is: `report` (a 汇报单位), `speech`, `briefing`, `written` or
    /// `comments`.
    pub kind: UnitKind,
    pub presenter: Option<String>,
    pub role: Option<String>,
    pub topic: Option<String>,
    /// The unit's kind from the plan (类别), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub status: &'static str,
    pub limit_seconds: i64,
    pub talk_seconds: i64,
    pub overtime_seconds: i64,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    pub late_addition: bool,
    pub remarks: Vec<RemarkRecord>,
    /// Points mode: reviewer → criterion → score. Grades mode: grade → ballots. Left out of a
    /// public record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<serde_json::Map<String, serde_json::Value>>,
    /// Null for an item that is not a 汇报单位, and in a meeting that does not score.
    pub result: Option<ResultRecord>,
}

#[derive(Debug, Serialize)]
pub struct RemarkRecord {
    pub id: u64,
    pub reviewer: String,
    pub text: String,
    pub kind: RemarkKind,
    pub at: Time,
    /// The note-taker who entered it, when it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A task of the ledger as the record shows it (docs/FORMAT.md, "The task ledger").
#[derive(Debug, Serialize)]
pub struct TaskRecord {
    pub id: u64,
    pub no: Option<String>,
    pub text: String,
    pub list: Option<String>,
    pub owner: Option<String>,
    pub partners: Vec<String>,
    pub leader: Option<String>,
    /// `YYYY-MM-DD`, or null (open-ended, or a deadline podium cannot read).
    pub due: Option<chrono::NaiveDate>,
    pub due_text: Option<String>,
    pub status: crate::task::Status,
    /// Due before the meeting's date and not done, closed or cancelled.
    pub overdue: bool,
    pub progress: Vec<super::ledger::Progress>,
    pub assigned_by: Option<String>,
    /// The reviewer of a task raised as a remark (the field of records before the ledger,
    /// kept for scripts that read it): the same person as `assigned_by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// The agenda item where it came up.
    pub unit: Option<String>,
    pub at: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed_at: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<super::ledger::MeetingRef>,
}

impl TaskRecord {
    /// `task` as of `day` (the meeting's date).
    pub fn of(task: &super::ledger::Task, day: chrono::NaiveDate, st: &super::State) -> TaskRecord {
        let f = &task.fields;
        let reviewer = match task.origin {
            super::ledger::Origin::RemarkTask(id) => st.remark(id).map(|r| r.reviewer.clone()),
            _ => None,
        };
        TaskRecord {
            id: task.id,
            no: f.no.clone(),
            text: f.text.clone(),
            list: f.list.clone(),
            owner: f.owner.clone(),
            partners: f.partners.clone(),
            leader: f.leader.clone(),
            due: f.due,
            due_text: f.due_text.clone(),
            status: task.status,
            overdue: task.overdue(day),
            progress: task.progress.clone(),
            assigned_by: f.assigned_by.clone(),
            reviewer: reviewer.or_else(|| f.assigned_by.clone()),
            unit: task.unit.clone(),
            at: task.at,
            by: task.by.clone(),
            claimed_at: task.claimed_at,
            carried_from: task.carried_from.clone(),
        }
    }
}

/// The meeting before this one (`record.previous`).
#[derive(Debug, Serialize)]
pub struct PreviousRecord {
    pub title: String,
    pub date: Option<String>,
    pub path: String,
    pub sha256: String,
    /// Its results as copied into this session (absent when none were).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<super::ledger::PreviousResults>,
}

impl From<&Remark> for RemarkRecord {
    fn from(r: &Remark) -> Self {
        RemarkRecord {
            id: r.id,
            reviewer: r.reviewer.clone(),
            text: r.text.clone(),
            kind: r.kind,
            at: r.at,
            by: r.by.clone(),
        }
    }
}

impl Record {
    /// For circulation (`podium report --public`): no individual score (`units[].scores`
    /// left out) and nothing that ties a score to a person (`ResultRecord::make_public`).
    /// Remarks keep their speakers: they are public statements.
    pub fn make_public(&mut self) {
        for u in &mut self.units {
            u.scores = None;
            if let Some(r) = &mut u.result {
                r.make_public();
            }
        }
    }

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
        let rules = session.rules();
        let results = scoring::results(rules, plan, st, now);
        let ranking = scoring::ranking(&results)
            .into_iter()
            .map(|r| RankRecord {
                rank: r.rank,
                unit: r.unit.clone(),
                final_score: r.final_score.map(|v| number(rules, v)),
                tied: r.tied,
                category: r.category.clone(),
                category_rank: r.category_rank,
                band: r.band.clone(),
                rank_change: r.rank_change,
            })
            .collect();
        let by_name: std::collections::HashMap<&str, &UnitResult> =
            results.iter().map(|r| (r.unit.as_str(), r)).collect();
        let units: Vec<UnitRecord> = st
            .units
            .iter()
            .map(|u| UnitRecord {
                name: u.name.clone(),
                kind: u.kind,
                presenter: u.presenter.clone(),
                role: u.role.clone(),
                topic: u.topic.clone(),
                category: plan
                    .units
                    .iter()
                    .find(|p| p.name == u.name)
                    .and_then(|p| p.category.clone()),
                status: u.status().key(),
                limit_seconds: u.limit_seconds(),
                talk_seconds: u.talk_seconds(now),
                overtime_seconds: u.overtime_seconds(now),
                started_at: u.talk.started_at,
                ended_at: u.talk.ended_at,
                late_addition: u.late,
                remarks: by_unit.remove(u.name.as_str()).unwrap_or_default(),
                scores: Some(unit_scores(
                    session,
                    &u.name,
                    by_name.get(u.name.as_str()).copied(),
                )),
                result: by_name
                    .get(u.name.as_str())
                    .map(|r| result_record(rules, r)),
            })
            .collect();
        let day = session.meeting_date(now);
        let tasks = st
            .tasks
            .iter()
            .map(|t| TaskRecord::of(t, day, st))
            .collect();
        let previous = st.previous.as_ref().map(|p| PreviousRecord {
            title: p.title.clone(),
            date: p.date.clone(),
            path: p.path.clone(),
            sha256: p.sha256.clone(),
            results: st.previous_results.clone(),
        });
        Record {
            meeting: MeetingRecord {
                title: plan.title.clone(),
                date: plan.date.clone(),
                venue: plan.venue.clone(),
                host: plan.host.clone(),
                attendees: plan.attendees.clone(),
                observers: plan.observers.clone(),
                recorder: plan.recorder.clone(),
                scoring_mode: rules.mode,
                reports: st.reports().count(),
                started_at: st.started_at,
                ended_at: st.ended_at,
                planned_seconds: st
                    .units
                    .iter()
                    .filter(|u| !u.skipped)
                    .map(|u| u.limit_seconds())
                    .fold(0i64, i64::saturating_add),
                talk_seconds: units
                    .iter()
                    .map(|u| u.talk_seconds)
                    .fold(0i64, i64::saturating_add),
            },
            units,
            general_remarks,
            tasks,
            previous,
            ranking,
            results_published: st.scores.published,
            ballots: BallotsRecord::of(session),
        }
    }
}
