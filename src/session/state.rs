//! The meeting as it stands: a pure fold of the plan and the events that have not been undone.
//! The fold is lenient (an event that no longer fits is ignored), so a hand-edited session
//! still opens; commands are checked strictly before they become events.

use super::event::{Event, EventKind, RemarkKind, Time};
use super::ledger::{Origin, PreviousMeeting, Progress, Task, TaskFields};
use crate::plan::{Plan, UnitKind};
use std::collections::HashMap;

/// The longest talk limit podium keeps: 600 minutes, the plan's own maximum.
pub const MAX_LIMIT_SECONDS: i64 = 36_000;

/// The longest running time an event can record (`elapsed_ms`): 100 years. A hand-edited
/// larger value counts as this, so that figures derived from it never overflow.
pub const MAX_ELAPSED_MS: i64 = 100 * 366 * 24 * 3600 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Presenting,
    Paused,
    Done,
    Skipped,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Presenting => "presenting",
            Status::Paused => "paused",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    /// The status named by `key` (as written in the record); pending for anything else.
    pub fn from_key(key: &str) -> Status {
        match key {
            "presenting" => Status::Presenting,
            "paused" => Status::Paused,
            "done" => Status::Done,
            "skipped" => Status::Skipped,
            _ => Status::Pending,
        }
    }
}

/// A talk's timing, from its start/pause/resume/end events.
///
/// The pause and end events of session version 2 carry the talk's running time as the console
/// measured it (`Event::elapsed_ms`); that value is the talk's time from then on. Older events
/// carry none, and their interval is the difference of the events' `at`, as before.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Talk {
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    /// When the running interval began; `None` while paused, before the start and after the end.
    pub running_since: Option<Time>,
    /// Milliseconds of the finished running intervals.
    pub accumulated_ms: i64,
}

impl Talk {
    /// Milliseconds talked up to `now`: the finished intervals, plus the running one from its
    /// start to `now`. A `now` earlier than that start (a clock that went backwards) adds no
    /// time, never negative time. The console passes its own clock, which never steps back.
    pub fn elapsed_ms(&self, now: Time) -> i64 {
        let running = self
            .running_since
            .map_or(0, |since| (now - since).num_milliseconds().max(0));
        self.accumulated_ms.saturating_add(running)
    }

    /// Closes the running interval (a pause or the end) at `at`: the running time recorded in
    /// the event when there is one (at most `MAX_ELAPSED_MS`), never less than the time already
    /// counted; otherwise the interval from its start to `at`, never negative.
    fn stop(&mut self, at: Time, recorded_ms: Option<i64>) {
        match recorded_ms {
            Some(ms) => {
                self.running_since = None;
                self.accumulated_ms = self.accumulated_ms.max(ms.min(MAX_ELAPSED_MS));
            }
            None => {
                if let Some(since) = self.running_since.take() {
                    self.accumulated_ms = self
                        .accumulated_ms
                        .saturating_add((at - since).num_milliseconds().max(0));
                }
            }
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitState {
    pub name: String,
    /// What the agenda item is: only `report` items are 汇报单位.
    pub kind: UnitKind,
    pub presenter: Option<String>,
    pub role: Option<String>,
    pub topic: Option<String>,
    /// The limit before any `+`/`-`: a talk's or briefing's limit; a speech's or the
    /// comments' soft limit (0: none); 0 for a written item.
    pub planned_seconds: i64,
    pub adjust_seconds: i64,
    pub skipped: bool,
    /// Added during the meeting.
    pub late: bool,
    pub talk: Talk,
}

impl UnitState {
    /// Who speaks for the unit, as the screens show it: presenter and role, space-separated.
    pub fn speaker(&self) -> String {
        [self.presenter.as_deref(), self.role.as_deref()]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The limit with every `+`/`-`: at least a second for an item that counts down; for a
    /// speech or the comments the soft limit (0: none); 0 for a written item.
    pub fn limit_seconds(&self) -> i64 {
        // Saturating: a hand-edited session can hold any number; it must not overflow.
        let limit = self.planned_seconds.saturating_add(self.adjust_seconds);
        if self.kind.counts_down() {
            limit.clamp(1, MAX_LIMIT_SECONDS)
        } else if self.kind.is_timed() {
            limit.clamp(0, MAX_LIMIT_SECONDS)
        } else {
            0
        }
    }

    /// The soft limit of a speech or the comments, when it has one (the host's eyes only).
    pub fn soft_limit_seconds(&self) -> Option<i64> {
        (!self.kind.counts_down() && self.kind.is_timed())
            .then(|| self.limit_seconds())
            .filter(|s| *s > 0)
    }

    pub fn status(&self) -> Status {
        if self.skipped {
            Status::Skipped
        } else if self.talk.ended_at.is_some() {
            Status::Done
        } else if self.talk.running_since.is_some() {
            Status::Presenting
        } else if self.talk.started_at.is_some() {
            Status::Paused
        } else {
            Status::Pending
        }
    }

    pub fn talk_seconds(&self, now: Time) -> i64 {
        self.talk.elapsed_ms(now).div_euclid(1000)
    }

    /// Time past the limit; always 0 for an item that does not count down (a speech is never
    /// over time).
    pub fn overtime_seconds(&self, now: Time) -> i64 {
        if !self.kind.counts_down() {
            return 0;
        }
        (self.talk_seconds(now) - self.limit_seconds()).max(0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Remark {
    /// The seq of the event that added it.
    pub id: u64,
    /// `None` for a remark on the meeting as a whole.
    pub unit: Option<String>,
    pub reviewer: String,
    pub text: String,
    pub kind: RemarkKind,
    pub at: Time,
    /// The note-taker who entered it; `None` for the host.
    pub by: Option<String>,
}

/// Scores entered so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// Unit → reviewer → value per criterion (in plan order), in ten-thousandths.
    pub points: HashMap<String, HashMap<String, Vec<Option<i64>>>>,
    /// Unit → ballots per grade (in plan order).
    pub grades: HashMap<String, Vec<i64>>,
    /// With ballot groups: unit → group → tallied paper ballots per grade (cast ballots are
    /// in `State::ballots`).
    pub group_grades: HashMap<String, HashMap<String, Vec<i64>>>,
    pub published: bool,
    criteria: Vec<String>,
    grade_names: Vec<String>,
    /// Whether the meeting scores at all (`mode` is not `none`): a meeting that does not
    /// holds no scores and publishes nothing, whatever a hand-edited file says.
    scored: bool,
}

impl Scores {
    pub fn value(&self, unit: &str, reviewer: &str, criterion: usize) -> Option<i64> {
        self.points
            .get(unit)
            .and_then(|s| s.get(reviewer))
            .and_then(|v| v.get(criterion).copied().flatten())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Units in the current running order.
    pub units: Vec<UnitState>,
    pub current: Option<String>,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    /// Live remarks in the order they were added.
    pub remarks: Vec<Remark>,
    pub scores: Scores,
    /// The stage display: a message for the speaker and the room, and the results reveal.
    pub stage: Stage,
    /// The task ledger: carried tasks, the plan's prepared list, then tasks as they were
    /// raised (`super::ledger`).
    pub tasks: Vec<Task>,
    /// The meeting before this one, when the session was linked to it.
    pub previous: Option<PreviousMeeting>,
    /// The round before's results as last copied (`previous_linked`,
    /// `previous_results_copied`).
    pub previous_results: Option<super::ledger::PreviousResults>,
    /// Anonymous ballots: issued, voided, cast; whether voting is open.
    pub ballots: super::ballots::Ballots,
    /// The ballot groups' names (the plan's `scoring.ballot_groups`).
    ballot_groups: Vec<String>,
    /// The largest task id ever given (deleted tasks' ids are not given again).
    max_task_id: u64,
    /// How many of the plan's prepared tasks lead the ledger after the carried ones.
    plan_tasks: usize,
    /// Each task's place in `tasks`, by id: a task event finds its task at once, so that an
    /// import of tens of thousands of rows folds in linear time.
    task_index: HashMap<u64, usize>,
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stage {
    pub message: Option<String>,
    pub results_shown: bool,
    /// Places of the ranking revealed, from the last place up.
    pub revealed: usize,
    /// The round before's ranking is on the stage.
    pub previous_shown: bool,
}

impl State {
    pub fn new(plan: &Plan) -> State {
        let units: Vec<UnitState> = plan
            .units
            .iter()
            .map(|u| UnitState {
                name: u.name.clone(),
                kind: u.kind(),
                presenter: u.presenter.clone(),
                role: u.role.clone(),
                topic: u.topic.clone(),
                planned_seconds: plan.unit_limit_seconds(u),
                adjust_seconds: 0,
                skipped: false,
                late: false,
                talk: Talk::default(),
            })
            .collect();
        let current = units.first().map(|u| u.name.clone());
        let mut state = State {
            units,
            current,
            started_at: None,
            ended_at: None,
            remarks: Vec::new(),
            scores: {
                let rules = crate::scoring::Rules::of(plan);
                Scores {
                    scored: rules.mode.scores(),
                    criteria: rules.criteria.into_iter().map(|c| c.name).collect(),
                    grade_names: rules.grades.into_iter().map(|g| g.name).collect(),
                    ..Scores::default()
                }
            },
            stage: Stage::default(),
            tasks: plan
                .tasks
                .iter()
                .zip(1u64..)
                .map(|(t, id)| super::ledger::from_plan(id, t, plan.meeting_date()))
                .collect(),
            previous: None,
            previous_results: None,
            ballots: Default::default(),
            ballot_groups: plan
                .scoring()
                .ballot_groups
                .iter()
                .map(|g| g.name.clone())
                .collect(),
            max_task_id: plan.tasks.len() as u64,
            plan_tasks: plan.tasks.len(),
            task_index: HashMap::new(),
            index: HashMap::new(),
        };
        state.reindex();
        state.reindex_tasks();
        state
    }

    pub fn task(&self, id: u64) -> Option<&Task> {
        let i = *self.task_index.get(&id)?;
        self.tasks.get(i).filter(|t| t.id == id)
    }

    fn task_mut(&mut self, id: u64) -> Option<&mut Task> {
        let i = *self.task_index.get(&id)?;
        self.tasks.get_mut(i).filter(|t| t.id == id)
    }

    /// The index of the tasks by id, after the ledger changed other than at its end. (Of a
    /// hand-made twin id, the first task keeps the id, as a scan would have found it.)
    fn reindex_tasks(&mut self) {
        self.task_index.clear();
        for (i, t) in self.tasks.iter().enumerate() {
            self.task_index.entry(t.id).or_insert(i);
        }
    }

    /// Adds a task at the end of the ledger.
    fn push_task(&mut self, task: Task) {
        self.task_index.entry(task.id).or_insert(self.tasks.len());
        self.tasks.push(task);
    }

    /// The largest task id given so far in this meeting (carried ones included).
    pub fn max_task_id(&self) -> u64 {
        self.max_task_id
    }

    /// Tasks raised on, or owned by, `unit`, in ledger order.
    pub fn tasks_of<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Task> {
        self.tasks.iter().filter(move |t| {
            t.fields.owner.as_deref() == Some(unit) || t.unit.as_deref() == Some(unit)
        })
    }

    /// A task raised as a remark of kind `task` (sessions before the ledger), numbered by the
    /// remark unless a hand-edited file took that number.
    fn remark_task(&mut self, remark: &Remark) -> Task {
        let id = if self.task(remark.id).is_none() {
            remark.id
        } else {
            self.max_task_id.saturating_add(1)
        };
        self.max_task_id = self.max_task_id.max(id);
        let mut task = Task::new(
            id,
            TaskFields {
                text: remark.text.clone(),
                owner: remark.unit.clone(),
                assigned_by: Some(remark.reviewer.clone()).filter(|r| !r.is_empty()),
                ..TaskFields::default()
            },
        );
        task.unit = remark.unit.clone();
        task.at = Some(remark.at);
        task.by = remark.by.clone();
        task.origin = Origin::RemarkTask(remark.id);
        task
    }

    /// Puts a remark's task in the ledger among the other remarks' tasks in remark order (as
    /// the record of a session before the ledger listed them).
    fn insert_remark_task(&mut self, task: Task) {
        let Origin::RemarkTask(rid) = task.origin else {
            self.push_task(task);
            return;
        };
        let at = self
            .tasks
            .iter()
            .position(|t| matches!(t.origin, Origin::RemarkTask(other) if other > rid))
            .unwrap_or(self.tasks.len());
        self.tasks.insert(at, task);
        self.reindex_tasks();
    }

    fn remark_task_id(&self, remark: u64) -> Option<u64> {
        self.tasks
            .iter()
            .find(|t| t.origin == Origin::RemarkTask(remark))
            .map(|t| t.id)
    }

    /// Folds a task event into the ledger.
    fn apply_task(&mut self, event: &Event) {
        let at = event.at;
        match &event.kind {
            EventKind::TaskAdded { task, from_remark } => {
                if self.task(task.id).is_some() {
                    return;
                }
                let mut task = task.clone();
                task.at.get_or_insert(at);
                if task.by.is_none() {
                    task.by = event.by.clone();
                }
                if let Some(rid) = from_remark
                    && let Some(i) = self
                        .remarks
                        .iter()
                        .position(|r| r.id == *rid && r.kind == RemarkKind::Remark)
                {
                    task.origin = Origin::Converted(Box::new(self.remarks.remove(i)));
                }
                self.max_task_id = self.max_task_id.max(task.id);
                self.push_task(task);
            }
            EventKind::TaskEdited { id, task } => {
                let Some(t) = self.task_mut(*id) else {
                    return;
                };
                t.fields = task.clone();
                // A task that is an old session's remark of kind task: the remark says what
                // the ledger says (the record's remarks and `tasks[]` agree, and turning it
                // back into a remark keeps the edit), as a remark's edit changes the task.
                if let Origin::RemarkTask(rid) = t.origin
                    && let Some(r) = self.remarks.iter_mut().find(|r| r.id == rid)
                {
                    r.text = task.text.clone();
                    r.reviewer = task.assigned_by.clone().unwrap_or_default();
                }
            }
            EventKind::TaskStatusSet { id, status } => {
                if let Some(t) = self.task_mut(*id) {
                    t.status = *status;
                }
            }
            EventKind::TaskProgressAdded { id, text } => {
                let by = event.by.clone();
                if let Some(t) = self.task_mut(*id) {
                    t.progress.push(Progress {
                        at,
                        by,
                        text: text.clone(),
                    });
                }
            }
            EventKind::TaskClaimed { id, owner } => {
                if let Some(t) = self.task_mut(*id) {
                    t.fields.owner = Some(owner.clone());
                    t.claimed_at = Some(at);
                }
            }
            EventKind::TaskDeleted { id } => {
                self.tasks.retain(|t| t.id != *id);
                self.reindex_tasks();
            }
            EventKind::TaskReverted { id } => {
                let Some(i) = self.tasks.iter().position(|t| t.id == *id) else {
                    return;
                };
                let task = self.tasks.remove(i);
                self.reindex_tasks();
                match task.origin {
                    Origin::RemarkTask(rid) => {
                        if let Some(r) = self.remarks.iter_mut().find(|r| r.id == rid) {
                            r.kind = RemarkKind::Remark;
                        }
                    }
                    Origin::Converted(remark) => {
                        let mut remark = *remark;
                        remark.text = task.fields.text;
                        let at = self
                            .remarks
                            .iter()
                            .position(|r| r.id > remark.id)
                            .unwrap_or(self.remarks.len());
                        self.remarks.insert(at, remark);
                    }
                    Origin::Entered => self.remarks.push(Remark {
                        id: event.seq,
                        // A carried task's item may be the meeting before's: then a remark
                        // on the meeting as a whole, never on an item this meeting lacks.
                        unit: task.unit.filter(|u| self.index.contains_key(u)),
                        reviewer: task.fields.assigned_by.unwrap_or_default(),
                        text: task.fields.text,
                        kind: RemarkKind::Remark,
                        at: task.at.unwrap_or(at),
                        by: task.by,
                    }),
                }
            }
            EventKind::PreviousResultsCopied { sha256, results } => {
                if let Some(previous) = &mut self.previous {
                    previous.sha256 = sha256.clone();
                    self.previous_results = Some(results.clone().sane());
                }
            }
            EventKind::PreviousLinked {
                previous,
                tasks,
                results,
            } => {
                // Only as the session's first event: the plan's tasks are numbered after the
                // carried ones before anything can name them.
                if event.seq != 1 || self.previous.is_some() {
                    return;
                }
                let carried_max = tasks.iter().map(|t| t.id).max().unwrap_or(0);
                // A hand-made link whose numbers would not last for the plan's tasks no
                // longer fits: ignored, never folded into two tasks of one id.
                if carried_max.checked_add(self.plan_tasks as u64).is_none() {
                    return;
                }
                for t in self.tasks.iter_mut().take(self.plan_tasks) {
                    t.id += carried_max;
                }
                let mut seen = std::collections::HashSet::new();
                let mut carried: Vec<Task> = Vec::new();
                for t in tasks {
                    if seen.insert(t.id) {
                        let mut t = t.clone();
                        // Where it came from in the meeting before means nothing here.
                        t.origin = Origin::Entered;
                        carried.push(t);
                    }
                }
                self.max_task_id = self
                    .max_task_id
                    .saturating_add(carried_max)
                    .max(carried_max);
                carried.append(&mut self.tasks);
                self.tasks = carried;
                self.reindex_tasks();
                self.previous = Some(previous.clone());
                self.previous_results = results.clone().map(super::ledger::PreviousResults::sane);
            }
            _ => {}
        }
    }

    fn reindex(&mut self) {
        self.index = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.name.clone(), i))
            .collect();
    }

    pub fn position(&self, unit: &str) -> Option<usize> {
        self.index.get(unit).copied()
    }

    pub fn unit(&self, unit: &str) -> Option<&UnitState> {
        self.position(unit).map(|i| &self.units[i])
    }

    fn unit_mut(&mut self, unit: &str) -> Option<&mut UnitState> {
        let i = self.position(unit)?;
        Some(&mut self.units[i])
    }

    /// The unit, unless it is a written item (which has no timer).
    fn timed_unit_mut(&mut self, unit: &str) -> Option<&mut UnitState> {
        self.unit_mut(unit).filter(|u| u.kind.is_timed())
    }

    /// Whether scores may be held for `unit`: the meeting scores, and the unit is a 汇报单位
    /// (or not yet known: a unit added later as another kind drops them then).
    fn takes_scores(&self, unit: &str) -> bool {
        self.scores.scored && self.unit(unit).is_none_or(|u| u.kind.is_report())
    }

    pub fn current_unit(&self) -> Option<&UnitState> {
        self.current.as_deref().and_then(|u| self.unit(u))
    }

    pub fn current_position(&self) -> Option<usize> {
        self.current.as_deref().and_then(|u| self.position(u))
    }

    /// The 汇报单位 (items of kind `report`), in the running order.
    pub fn reports(&self) -> impl Iterator<Item = &UnitState> {
        self.units.iter().filter(|u| u.kind.is_report())
    }

    /// The unit whose talk is running, if any.
    pub fn running_unit(&self) -> Option<&UnitState> {
        self.units.iter().find(|u| u.talk.is_running())
    }

    pub fn remark(&self, id: u64) -> Option<&Remark> {
        self.remarks.iter().find(|r| r.id == id)
    }

    /// Remarks on one unit, or on the meeting as a whole for `None`.
    pub fn remarks_on<'a>(&'a self, unit: Option<&'a str>) -> impl Iterator<Item = &'a Remark> {
        self.remarks
            .iter()
            .filter(move |r| r.unit.as_deref() == unit)
    }

    /// The first pending unit after position `from` in the running order.
    pub fn next_pending_after(&self, from: Option<usize>) -> Option<&UnitState> {
        let start = from.map_or(0, |i| i + 1);
        self.units
            .iter()
            .skip(start)
            .find(|u| u.status() == Status::Pending)
    }

    pub fn is_ended(&self) -> bool {
        self.ended_at.is_some()
    }

    /// What a `talk_paused` or `talk_ended` event records as the talk's running time when it
    /// is recorded at `at` (`None` for every other event).
    pub fn recorded_elapsed_ms(&self, kind: &EventKind, at: Time) -> Option<i64> {
        match kind {
            EventKind::TalkPaused { unit } | EventKind::TalkEnded { unit } => {
                self.unit(unit).map(|u| u.talk.elapsed_ms(at))
            }
            _ => None,
        }
    }

    /// Folds one event into the state.
    pub fn apply(&mut self, event: &Event) {
        let at = event.at;
        match &event.kind {
            EventKind::MeetingStarted => {
                self.started_at.get_or_insert(at);
            }
            EventKind::MeetingEnded => {
                self.ended_at = Some(at);
                self.current = None;
            }
            // A written item has no timer: it never runs, and its end (announced) records
            // no talk time, whatever a hand-edited file says.
            EventKind::TalkStarted { unit } => {
                if let Some(u) = self.timed_unit_mut(unit) {
                    u.talk.started_at.get_or_insert(at);
                    u.talk.running_since = Some(at);
                }
            }
            EventKind::TalkPaused { unit } => {
                if let Some(u) = self.timed_unit_mut(unit)
                    && u.talk.running_since.is_some()
                {
                    u.talk.stop(at, event.elapsed_ms);
                }
            }
            EventKind::TalkResumed { unit } => {
                if let Some(u) = self.timed_unit_mut(unit)
                    && u.talk.started_at.is_some()
                    && u.talk.ended_at.is_none()
                {
                    u.talk.running_since = Some(at);
                }
            }
            EventKind::TalkEnded { unit } => {
                if let Some(u) = self.unit_mut(unit) {
                    if u.kind.is_timed() {
                        u.talk.stop(at, event.elapsed_ms);
                    }
                    u.talk.started_at.get_or_insert(at);
                    u.talk.ended_at = Some(at);
                }
            }
            EventKind::LimitAdjusted { unit, seconds } => {
                if let Some(u) = self.unit_mut(unit) {
                    u.adjust_seconds = u.adjust_seconds.saturating_add(*seconds);
                }
            }
            EventKind::UnitSkipped { unit } => {
                if let Some(u) = self.unit_mut(unit) {
                    u.skipped = true;
                }
            }
            EventKind::UnitRestored { unit } => {
                if let Some(u) = self.unit_mut(unit) {
                    u.skipped = false;
                }
            }
            EventKind::CurrentChanged { unit } => {
                self.current = unit.clone().filter(|u| self.index.contains_key(u));
            }
            EventKind::UnitMoved { unit, position } => {
                if let Some(from) = self.position(unit) {
                    let moved = self.units.remove(from);
                    let to = (*position).min(self.units.len());
                    self.units.insert(to, moved);
                    self.reindex();
                }
            }
            EventKind::UnitAdded {
                unit,
                presenter,
                role,
                limit_seconds,
                after,
                kind,
            } => {
                if !self.index.contains_key(unit) {
                    let kind = kind.unwrap_or_default();
                    let to = after
                        .as_deref()
                        .and_then(|a| self.position(a))
                        .map_or(self.units.len(), |i| i + 1);
                    self.units.insert(
                        to,
                        UnitState {
                            name: unit.clone(),
                            kind,
                            presenter: presenter.clone(),
                            role: role.clone(),
                            topic: None,
                            planned_seconds: (*limit_seconds)
                                .clamp(i64::from(kind.counts_down()), MAX_LIMIT_SECONDS),
                            adjust_seconds: 0,
                            skipped: false,
                            late: true,
                            talk: Talk::default(),
                        },
                    );
                    self.reindex();
                    if !kind.is_report() {
                        self.scores.points.remove(unit);
                        self.scores.grades.remove(unit);
                        self.scores.group_grades.remove(unit);
                        self.ballots.drop_unit(unit);
                    }
                }
            }
            EventKind::UnitUpdated {
                unit,
                presenter,
                role,
            } => {
                if let Some(u) = self.unit_mut(unit) {
                    u.presenter = presenter.clone();
                    u.role = role.clone();
                }
            }
            EventKind::RemarkAdded {
                unit,
                reviewer,
                text,
                kind,
            } => {
                let remark = Remark {
                    id: event.seq,
                    unit: unit.clone(),
                    reviewer: reviewer.clone(),
                    text: text.clone(),
                    kind: *kind,
                    at,
                    by: event.by.clone(),
                };
                if *kind == RemarkKind::Task {
                    let task = self.remark_task(&remark);
                    self.insert_remark_task(task);
                }
                self.remarks.push(remark);
            }
            EventKind::RemarkEdited {
                id,
                reviewer,
                text,
                kind,
            } => {
                let Some(i) = self.remarks.iter().position(|r| r.id == *id) else {
                    return;
                };
                let r = &mut self.remarks[i];
                r.reviewer = reviewer.clone();
                r.text = text.clone();
                r.kind = *kind;
                let remark = r.clone();
                match (self.remark_task_id(*id), *kind) {
                    (Some(task), RemarkKind::Task) => {
                        if let Some(t) = self.task_mut(task) {
                            t.fields.text = remark.text.clone();
                            t.fields.assigned_by =
                                Some(remark.reviewer.clone()).filter(|r| !r.is_empty());
                        }
                    }
                    (Some(task), RemarkKind::Remark) => {
                        self.tasks.retain(|t| t.id != task);
                        self.reindex_tasks();
                    }
                    (None, RemarkKind::Task) => {
                        let task = self.remark_task(&remark);
                        self.insert_remark_task(task);
                    }
                    (None, RemarkKind::Remark) => {}
                }
            }
            EventKind::RemarkDeleted { id } => {
                self.remarks.retain(|r| r.id != *id);
                if let Some(task) = self.remark_task_id(*id) {
                    self.tasks.retain(|t| t.id != task);
                    self.reindex_tasks();
                }
            }
            EventKind::ScoreSet {
                unit,
                reviewer,
                criterion,
                value,
                serial,
                ..
            } => {
                if !self.takes_scores(unit) {
                    return;
                }
                if let Some(serial) = serial {
                    let sc = &self.scores;
                    let n = sc.criteria.len();
                    if let (Some(c), Some(v)) = (
                        sc.criteria.iter().position(|x| x == criterion),
                        crate::decimal::parse_typed(value),
                    ) && let Some(cast) = self.ballots.cast_mut(serial, event.action(), at)
                    {
                        cast.points
                            .entry(unit.clone())
                            .or_insert_with(|| vec![None; n])[c] = Some(v);
                    }
                    return;
                }
                let sc = &mut self.scores;
                if let (Some(c), Some(v)) = (
                    sc.criteria.iter().position(|x| x == criterion),
                    crate::decimal::parse_typed(value),
                ) {
                    let n = sc.criteria.len();
                    let sheet = sc
                        .points
                        .entry(unit.clone())
                        .or_default()
                        .entry(reviewer.clone())
                        .or_insert_with(|| vec![None; n]);
                    sheet[c] = Some(v);
                }
            }
            EventKind::ScoreCleared {
                unit,
                reviewer,
                criterion,
            } => {
                let sc = &mut self.scores;
                if let Some(c) = sc.criteria.iter().position(|x| x == criterion)
                    && let Some(sheet) = sc.points.get_mut(unit).and_then(|s| s.get_mut(reviewer))
                {
                    sheet[c] = None;
                }
            }
            EventKind::GradesAdded {
                unit,
                grade,
                count,
                group,
                serial,
            } => {
                if !self.takes_scores(unit) || !self.scores.grade_names.contains(grade) {
                    return;
                }
                if let Some(serial) = serial {
                    if let Some(cast) = self.ballots.cast_mut(serial, event.action(), at) {
                        cast.grades.insert(unit.clone(), grade.clone());
                    }
                    return;
                }
                if let Some(group) = group {
                    if !self.ballot_groups.contains(group) {
                        return;
                    }
                    let sc = &mut self.scores;
                    let g = sc.grade_names.iter().position(|x| x == grade).unwrap_or(0);
                    let n = sc.grade_names.len();
                    let counts = sc
                        .group_grades
                        .entry(unit.clone())
                        .or_default()
                        .entry(group.clone())
                        .or_insert_with(|| vec![0; n]);
                    counts[g] = counts[g].saturating_add(*count).max(0);
                    return;
                }
                let sc = &mut self.scores;
                if let Some(g) = sc.grade_names.iter().position(|x| x == grade) {
                    let n = sc.grade_names.len();
                    let counts = sc.grades.entry(unit.clone()).or_insert_with(|| vec![0; n]);
                    counts[g] = counts[g].saturating_add(*count).max(0);
                }
            }
            EventKind::ResultsPublished => self.scores.published = self.scores.scored,
            EventKind::ResultsUnlocked { .. } => {
                self.scores.published = false;
                self.stage.results_shown = false;
                self.stage.revealed = 0;
            }
            EventKind::StageMessage { text } => {
                self.stage.message = Some(text.clone()).filter(|t| !t.trim().is_empty());
            }
            EventKind::ResultsDisplayed { shown } => {
                self.stage.results_shown = *shown && self.scores.scored;
                if self.stage.results_shown {
                    self.stage.previous_shown = false;
                }
            }
            EventKind::PreviousDisplayed { shown } => {
                self.stage.previous_shown = *shown && self.previous_results.is_some();
                if self.stage.previous_shown {
                    self.stage.results_shown = false;
                }
            }
            EventKind::ResultsRevealed { places } => {
                self.stage.revealed = if self.scores.scored { *places } else { 0 };
            }
            EventKind::Undone { .. } => {}
            EventKind::BallotsIssued {
                group,
                salt,
                ballots,
            } => {
                if self.ballot_groups.contains(group) {
                    self.ballots.issue(group, salt, ballots);
                }
            }
            EventKind::BallotVoided { serial } => self.ballots.void(serial),
            EventKind::VotingOpened => self.ballots.open = self.scores.scored,
            EventKind::VotingClosed => self.ballots.open = false,
            EventKind::TaskAdded { .. }
            | EventKind::TaskEdited { .. }
            | EventKind::TaskStatusSet { .. }
            | EventKind::TaskProgressAdded { .. }
            | EventKind::TaskClaimed { .. }
            | EventKind::TaskDeleted { .. }
            | EventKind::TaskReverted { .. }
            | EventKind::PreviousLinked { .. }
            | EventKind::PreviousResultsCopied { .. } => self.apply_task(event),
        }
    }
}
