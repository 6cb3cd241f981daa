//! A session: one meeting's plan and its append-only events, with the folded state.
//! `decide` turns a command into events (or refuses it); `commit` folds events in once they
//! are durable. Nothing here reads the clock or touches a file.

pub mod ballots;
pub mod command;
pub mod event;
pub mod ledger;
pub mod record;
pub mod state;
mod tasks;
mod voting;

pub use command::{
    Author, BallotGrade, BallotKey, BallotScore, Command, GradeEntry, ImportedTask, RecordedBallot,
    Refusal, ScoreEntry,
};
pub use event::{Event, EventKind, RemarkKind, Time};
pub use ledger::{
    MeetingRef, PreviousMeeting, PreviousResult, PreviousResults, Progress, Task, TaskFields,
};
pub use state::{Remark, State, Status, Talk, UnitState};

use crate::plan::{self, Plan};
use crate::scoring::{self, Rules, ScoreProblem};
use crate::task::Status as TaskStatus;
use std::collections::{HashMap, HashSet};

/// The longest stage message, in characters: it must be readable from the back of the room.
pub const STAGE_MESSAGE_MAX: usize = 60;

#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    rules: Rules,
    events: Vec<Event>,
    /// Actions (by the seq of their first event) that an `Undone` event took back.
    undone: HashSet<u64>,
    /// Note-takers' command ids (each note-taker's own: by name, then id), with the seq of
    /// the first event each one recorded.
    commands: HashMap<(String, String), u64>,
    state: State,
    /// The language the meeting was last run in (the session file's `lang`); none for a
    /// session written before podium recorded it. Not part of the meeting: no event.
    lang: Option<crate::strings::Lang>,
}

impl Session {
    pub fn new(plan: Plan) -> Session {
        let state = State::new(&plan);
        Session {
            rules: Rules::of(&plan),
            plan,
            events: Vec::new(),
            undone: HashSet::new(),
            commands: HashMap::new(),
            state,
            lang: None,
        }
    }

    /// The language the meeting was last run in, when known.
    pub fn lang(&self) -> Option<crate::strings::Lang> {
        self.lang
    }

    /// Records the language the meeting is run in (written with the next snapshot).
    pub fn set_lang(&mut self, lang: Option<crate::strings::Lang>) {
        self.lang = lang;
    }

    /// A session from recorded events (a load or a replay).
    pub fn from_events(plan: Plan, events: Vec<Event>) -> Session {
        let mut session = Session::new(plan);
        session.events = events;
        session.undone = session
            .events
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::Undone { action } => Some(action),
                _ => None,
            })
            .collect();
        session.commands = session
            .events
            .iter()
            .filter_map(|e| Some(((e.by.clone()?, e.command.clone()?), e.seq)))
            .collect();
        session.refold();
        session
    }

    fn refold(&mut self) {
        let mut state = State::new(&self.plan);
        for event in &self.events {
            if !event.kind.is_undo() && !self.undone.contains(&event.action()) {
                state.apply(event);
            }
        }
        self.state = state;
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn last_seq(&self) -> u64 {
        self.events.last().map_or(0, |e| e.seq)
    }

    pub fn last_at(&self) -> Option<Time> {
        self.events.last().map(|e| e.at)
    }

    /// `now`, but never earlier than the last recorded event: a clock that steps back (an NTP
    /// correction) must not make time run backwards in the meeting.
    pub fn clock(&self, now: Time) -> Time {
        match self.last_at() {
            Some(last) if last > now => last.with_timezone(now.offset()),
            _ => now,
        }
    }

    /// The most recent action that has not been undone, by the seq of its first event.
    /// Undo never crosses a publication of the results.
    pub fn undoable_action(&self) -> Option<u64> {
        self.undoable_action_of(None)
    }

    /// The most recent action entered by `by` (`None`: the host) that has not been undone. The
    /// host's undo never takes back a note-taker's entry, nor a note-taker's the host's.
    pub fn undoable_action_of(&self, by: Option<&str>) -> Option<u64> {
        let author = |action: u64| self.event(action).and_then(|e| e.by.as_deref());
        for e in self.events.iter().rev().filter(|e| !e.kind.is_undo()) {
            if e.kind.stops_undo() {
                return None;
            }
            if e.kind.is_ballot() {
                continue;
            }
            if !self.undone.contains(&e.action()) && author(e.action()) == by {
                return Some(e.action());
            }
        }
        None
    }

    /// The event numbered `seq` (seqs count from 1 without gaps).
    pub fn event(&self, seq: u64) -> Option<&Event> {
        let i = usize::try_from(seq.checked_sub(1)?).ok()?;
        match self.events.get(i) {
            Some(e) if e.seq == seq => Some(e),
            _ => self.events.iter().find(|e| e.seq == seq),
        }
    }

    /// The seq of the first event recorded for note-taker `by`'s command `id`, if the host has
    /// already carried it out. Ids are each note-taker's own: another's id is another command.
    pub fn command_seq(&self, by: &str, id: &str) -> Option<u64> {
        self.commands
            .get(&(by.to_string(), id.to_string()))
            .copied()
    }

    /// The events of one action.
    pub fn action_events(&self, action: u64) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.action() == action)
    }

    /// Folds events that are now durable into the session.
    pub fn commit(&mut self, events: Vec<Event>) {
        let mut needs_refold = false;
        for event in events {
            if let (Some(by), Some(id)) = (&event.by, &event.command) {
                self.commands.insert((by.clone(), id.clone()), event.seq);
            }
            if let EventKind::Undone { action } = event.kind {
                self.undone.insert(action);
                needs_refold = true;
            } else if !needs_refold {
                self.state.apply(&event);
            }
            self.events.push(event);
        }
        if needs_refold {
            self.refold();
        }
    }

    /// Checks `command` against the meeting as it stands at `now` and returns the events that
    /// carry it out, numbered after the last one, or the reason it cannot be done.
    pub fn decide(&self, command: &Command, now: Time) -> Result<Vec<Event>, Refusal> {
        self.decide_as(command, None, now)
    }

    /// `decide` for a command from `author`: a note-taker's command is first checked against
    /// what note-takers may do, and its events record who entered it and the command's id.
    pub fn decide_as(
        &self,
        command: &Command,
        author: Option<&Author>,
        now: Time,
    ) -> Result<Vec<Event>, Refusal> {
        if let Some(author) = author {
            self.notetaker_may(command, author)?;
        }
        let by = author.map(|a| a.name.as_str());
        let at = self.clock(now);
        let kinds = self.decide_kinds(command, by, self.meeting_date(at))?;
        // Checked: a number that wrapped to 0 would be skipped on replay (a crafted file can
        // start near the largest number).
        let first = self
            .last_seq()
            .checked_add(1)
            .filter(|first| first.checked_add(kinds.len() as u64).is_some())
            .ok_or(Refusal::SeqExhausted)?;
        Ok(kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Event {
                seq: first + i as u64,
                at,
                part_of: (i > 0).then_some(first),
                by: (i == 0).then(|| by.map(str::to_string)).flatten(),
                command: (i == 0)
                    .then(|| author.and_then(|a| a.command.clone()))
                    .flatten(),
                elapsed_ms: self.state.recorded_elapsed_ms(&kind, at),
                kind,
            })
            .collect())
    }

    /// What a note-taker may do: add remarks and tasks, edit or delete their own, undo their
    /// own entries, and enter scores when the host allows it. Timing, order and everything
    /// else is the host's alone.
    fn notetaker_may(&self, command: &Command, author: &Author) -> Result<(), Refusal> {
        let own = |id: &u64| match self.state.remark(*id) {
            None => Err(Refusal::UnknownRemark { id: *id }),
            Some(r) if r.by.as_deref() == Some(author.name.as_str()) => Ok(()),
            Some(_) => Err(Refusal::NotYourRemark { id: *id }),
        };
        match command {
            Command::AddRemark { .. } | Command::Undo => Ok(()),
            Command::EditRemark { id, .. } | Command::DeleteRemark { id } => own(id),
            Command::AddTask {
                from_remark,
                status,
                ..
            } => {
                // A task added already closed or cancelled is a closing (销号) too.
                if status.is_some_and(host_status) {
                    return Err(Refusal::TaskStatusHostOnly);
                }
                from_remark.as_ref().map_or(Ok(()), own)
            }
            Command::AddTaskProgress { .. } | Command::ClaimTask { .. } => Ok(()),
            Command::SetTaskStatus { id, status } => {
                // Closing, cancelling, and opening again what the host closed or cancelled.
                let from = self.state.task(*id).map(|t| t.status);
                if host_status(*status) || from.is_some_and(host_status) {
                    Err(Refusal::TaskStatusHostOnly)
                } else {
                    Ok(())
                }
            }
            Command::EditTask { id, .. }
            | Command::DeleteTask { id }
            | Command::RevertTask { id } => match self.state.task(*id) {
                None => Err(Refusal::UnknownTask { id: *id }),
                // Taking a closed or cancelled task off the ledger is the host's too.
                Some(t)
                    if host_status(t.status) && !matches!(command, Command::EditTask { .. }) =>
                {
                    Err(Refusal::TaskStatusHostOnly)
                }
                Some(t) if t.by.as_deref() == Some(author.name.as_str()) => Ok(()),
                Some(_) => Err(Refusal::NotYourTask { id: *id }),
            },
            Command::SetScores { .. } | Command::ClearScore { .. } | Command::AddGrades { .. } => {
                if author.scores {
                    Ok(())
                } else {
                    Err(Refusal::ScoresNotAllowed)
                }
            }
            _ => Err(Refusal::HostOnly),
        }
    }

    /// The meeting's date (the plan's), or the day of `at` when the plan gives none: the day
    /// deadlines are read against and tasks are overdue after.
    pub fn meeting_date(&self, at: Time) -> chrono::NaiveDate {
        self.plan.meeting_date().unwrap_or_else(|| at.date_naive())
    }

    /// The events that carry out `command`, entered by `by` (`None`: the host), on the
    /// meeting's date `day`.
    fn decide_kinds(
        &self,
        command: &Command,
        by: Option<&str>,
        day: chrono::NaiveDate,
    ) -> Result<Vec<EventKind>, Refusal> {
        let st = &self.state;
        let timing_open = || {
            if st.is_ended() {
                Err(Refusal::MeetingEnded)
            } else {
                Ok(())
            }
        };
        let known = |unit: &str| {
            st.unit(unit).ok_or_else(|| Refusal::UnknownUnit {
                unit: unit.to_string(),
            })
        };
        match command {
            Command::ToggleTalk => {
                timing_open()?;
                let cur = st.current_unit().ok_or(Refusal::NoCurrentUnit)?;
                let unit = cur.name.clone();
                if !cur.kind.is_timed() && cur.status() == Status::Pending {
                    // A written item is not spoken: Space marks it announced and moves on.
                    return Ok(self.announce_written(cur));
                }
                match cur.status() {
                    Status::Pending | Status::Paused => {
                        if let Some(other) = st.running_unit() {
                            return Err(Refusal::AnotherTalkRunning {
                                unit: other.name.clone(),
                            });
                        }
                        if cur.status() == Status::Paused {
                            return Ok(vec![EventKind::TalkResumed { unit }]);
                        }
                        let mut kinds = Vec::new();
                        if st.started_at.is_none() {
                            kinds.push(EventKind::MeetingStarted);
                        }
                        kinds.push(EventKind::TalkStarted { unit });
                        Ok(kinds)
                    }
                    Status::Presenting => Ok(vec![EventKind::TalkPaused { unit }]),
                    Status::Done => Err(Refusal::TalkAlreadyEnded { unit }),
                    Status::Skipped => Err(Refusal::UnitSkipped { unit }),
                }
            }
            Command::Next => {
                timing_open()?;
                let cur = st.current_unit().ok_or(Refusal::NoCurrentUnit)?;
                if !cur.kind.is_timed() && cur.status() == Status::Pending {
                    // Announced, never skipped: `n` on a written item marks it done.
                    return Ok(self.announce_written(cur));
                }
                let mut kinds = Vec::new();
                if matches!(cur.status(), Status::Presenting | Status::Paused) {
                    kinds.push(EventKind::TalkEnded {
                        unit: cur.name.clone(),
                    });
                }
                let next = st.next_pending_after(st.current_position());
                kinds.push(EventKind::CurrentChanged {
                    unit: next.map(|u| u.name.clone()),
                });
                Ok(kinds)
            }
            Command::SetCurrent { unit } => {
                timing_open()?;
                let target = known(unit)?;
                if let Some(running) = st.running_unit()
                    && running.name != *unit
                {
                    return Err(Refusal::TalkRunning {
                        unit: running.name.clone(),
                    });
                }
                match target.status() {
                    Status::Done => Err(Refusal::TalkAlreadyEnded { unit: unit.clone() }),
                    Status::Skipped => Err(Refusal::UnitSkipped { unit: unit.clone() }),
                    _ => Ok(vec![EventKind::CurrentChanged {
                        unit: Some(unit.clone()),
                    }]),
                }
            }
            Command::AdjustLimit { seconds } => {
                timing_open()?;
                let cur = st.current_unit().ok_or(Refusal::NoCurrentUnit)?;
                if !cur.kind.is_timed() {
                    return Err(Refusal::NoTimer {
                        unit: cur.name.clone(),
                    });
                }
                let limit = cur
                    .planned_seconds
                    .saturating_add(cur.adjust_seconds)
                    .saturating_add(*seconds);
                // A speech's soft limit may go back to none (0); a countdown keeps a second.
                if limit < i64::from(cur.kind.counts_down()) {
                    return Err(Refusal::LimitTooShort);
                }
                Ok(vec![EventKind::LimitAdjusted {
                    unit: cur.name.clone(),
                    seconds: *seconds,
                }])
            }
            Command::ToggleSkip { unit } => {
                timing_open()?;
                let target = known(unit)?;
                match target.status() {
                    Status::Skipped => Ok(vec![EventKind::UnitRestored { unit: unit.clone() }]),
                    Status::Pending => {
                        let mut kinds = vec![EventKind::UnitSkipped { unit: unit.clone() }];
                        if st.current.as_deref() == Some(unit) {
                            let next = st.next_pending_after(st.position(unit));
                            kinds.push(EventKind::CurrentChanged {
                                unit: next.map(|u| u.name.clone()),
                            });
                        }
                        Ok(kinds)
                    }
                    _ => Err(Refusal::NotPending { unit: unit.clone() }),
                }
            }
            Command::MoveUnit { unit, delta } => {
                timing_open()?;
                let from = st
                    .position(unit)
                    .ok_or_else(|| Refusal::UnknownUnit { unit: unit.clone() })?;
                let not_presented =
                    |u: &UnitState| matches!(u.status(), Status::Pending | Status::Skipped);
                if !not_presented(&st.units[from]) {
                    return Err(Refusal::NotPending { unit: unit.clone() });
                }
                let to = from as i64 + delta;
                if to < 0 || to >= st.units.len() as i64 || !not_presented(&st.units[to as usize]) {
                    return Err(Refusal::CannotMove { unit: unit.clone() });
                }
                Ok(vec![EventKind::UnitMoved {
                    unit: unit.clone(),
                    position: to as usize,
                }])
            }
            Command::AddUnit {
                name,
                presenter,
                role,
                minutes,
                kind,
            } => {
                timing_open()?;
                let name = clean_name(name)?;
                if st.unit(&name).is_some() {
                    return Err(Refusal::DuplicateUnit { unit: name });
                }
                let item = kind.unwrap_or_default();
                let limit_seconds = match minutes {
                    Some(m) => match plan::limit_seconds(*m) {
                        // A written item has no timer: sound minutes given for it count nothing.
                        Some(_) if *m > 0.0 && *m <= 600.0 && !item.is_timed() => 0,
                        Some(s) if *m > 0.0 && *m <= 600.0 && s >= 1 => s,
                        _ => return Err(Refusal::BadMinutes),
                    },
                    None if !item.is_timed() => 0,
                    None if item.counts_down() => {
                        plan::limit_seconds(self.plan.talk_minutes()).unwrap_or(480)
                    }
                    None => 0,
                };
                let after = st.current.clone().or_else(|| {
                    st.units
                        .iter()
                        .rev()
                        .find(|u| u.status() != Status::Pending)
                        .map(|u| u.name.clone())
                });
                let mut kinds = vec![EventKind::UnitAdded {
                    unit: name.clone(),
                    presenter: clean_optional(presenter)?,
                    role: clean_optional(role)?,
                    limit_seconds,
                    after,
                    kind: kind.filter(|k| !k.is_report()),
                }];
                if st.current.is_none() {
                    kinds.push(EventKind::CurrentChanged { unit: Some(name) });
                }
                Ok(kinds)
            }
            Command::UpdateUnit {
                unit,
                presenter,
                role,
            } => {
                known(unit)?;
                Ok(vec![EventKind::UnitUpdated {
                    unit: unit.clone(),
                    presenter: clean_optional(presenter)?,
                    role: clean_optional(role)?,
                }])
            }
            Command::AddRemark {
                unit,
                reviewer,
                text,
                kind,
            } => {
                if *kind == RemarkKind::Task {
                    // A task is the ledger's (a remark of kind `task` is how sessions before
                    // the ledger recorded one).
                    return self.decide_task(command, day);
                }
                if let Some(u) = unit {
                    known(u)?;
                }
                Ok(vec![EventKind::RemarkAdded {
                    unit: unit.clone(),
                    reviewer: clean_reviewer(reviewer)?,
                    text: clean_text(text)?,
                    kind: *kind,
                }])
            }
            Command::EditRemark {
                id,
                reviewer,
                text,
                kind,
            } => {
                let remark = st.remark(*id).ok_or(Refusal::UnknownRemark { id: *id })?;
                if *kind == RemarkKind::Task && remark.kind == RemarkKind::Remark {
                    return self.decide_task(command, day);
                }
                Ok(vec![EventKind::RemarkEdited {
                    id: *id,
                    reviewer: clean_reviewer(reviewer)?,
                    text: clean_text(text)?,
                    kind: *kind,
                }])
            }
            Command::DeleteRemark { id } => {
                st.remark(*id).ok_or(Refusal::UnknownRemark { id: *id })?;
                Ok(vec![EventKind::RemarkDeleted { id: *id }])
            }
            Command::Undo => {
                let action = self.undoable_action_of(by).ok_or(Refusal::NothingToUndo)?;
                Ok(vec![EventKind::Undone { action }])
            }
            Command::EndMeeting => {
                timing_open()?;
                let mut kinds: Vec<EventKind> = st
                    .units
                    .iter()
                    .filter(|u| matches!(u.status(), Status::Presenting | Status::Paused))
                    .map(|u| EventKind::TalkEnded {
                        unit: u.name.clone(),
                    })
                    .collect();
                kinds.push(EventKind::MeetingEnded);
                Ok(kinds)
            }
            Command::SetScores { entries } => {
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                let mut last = std::collections::HashMap::new();
                let mut columns = Vec::with_capacity(entries.len());
                for (i, e) in entries.iter().enumerate() {
                    let c = scoring::check_score(
                        &self.rules,
                        st,
                        &e.unit,
                        &e.reviewer,
                        &e.criterion,
                        e.value,
                    )
                    .map_err(Refusal::Score)?;
                    last.insert((e.unit.as_str(), e.reviewer.as_str(), c), i);
                    columns.push(c);
                }
                // The last entry for a cell wins; unchanged cells record nothing.
                let kinds: Vec<EventKind> = entries
                    .iter()
                    .zip(&columns)
                    .enumerate()
                    .filter(|(i, (e, c))| {
                        last.get(&(e.unit.as_str(), e.reviewer.as_str(), **c)) == Some(i)
                            && st.scores.value(&e.unit, &e.reviewer, **c) != Some(e.value)
                    })
                    .map(|(_, (e, _))| EventKind::ScoreSet {
                        unit: e.unit.clone(),
                        reviewer: e.reviewer.clone(),
                        criterion: e.criterion.clone(),
                        value: crate::decimal::plain(e.value),
                        group: None,
                        serial: None,
                    })
                    .collect();
                if kinds.is_empty() {
                    return Err(Refusal::NothingChanged);
                }
                Ok(kinds)
            }
            Command::ClearScore {
                unit,
                reviewer,
                criterion,
            } => {
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                let c = self.rules.criterion(criterion).ok_or_else(|| {
                    Refusal::Score(ScoreProblem::UnknownCriterion(criterion.clone()))
                })?;
                if st.scores.value(unit, reviewer, c).is_none() {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::ScoreCleared {
                    unit: unit.clone(),
                    reviewer: reviewer.clone(),
                    criterion: criterion.clone(),
                }])
            }
            Command::AddGrades { entries } => {
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                match self.rules.mode {
                    plan::ScoringMode::Grades => {}
                    plan::ScoringMode::None => return Err(Refusal::Score(ScoreProblem::NotScored)),
                    plan::ScoringMode::Points => {
                        return Err(Refusal::Score(ScoreProblem::WrongMode));
                    }
                }
                let groups = self.ballot_groups();
                let mut kinds = Vec::new();
                for e in entries {
                    match &e.group {
                        None if !groups.is_empty() => return Err(Refusal::BallotGroupNeeded),
                        Some(_) if groups.is_empty() => return Err(Refusal::NoBallotGroups),
                        Some(g) if !groups.contains(g) => {
                            return Err(Refusal::UnknownBallotGroup { group: g.clone() });
                        }
                        _ => {}
                    }
                    if !known(&e.unit)?.kind.is_report() {
                        return Err(Refusal::Score(ScoreProblem::NotAReport(e.unit.clone())));
                    }
                    if self.rules.grade(&e.grade).is_none() {
                        return Err(Refusal::Score(ScoreProblem::UnknownGrade(e.grade.clone())));
                    }
                    if !(0..=crate::scoring::MAX_GRADE_COUNT).contains(&e.count) {
                        return Err(Refusal::Score(ScoreProblem::BadCount(e.count.to_string())));
                    }
                    if e.count == 0 {
                        continue; // a grade nobody gave: listed on the tally, nothing to add
                    }
                    kinds.push(EventKind::GradesAdded {
                        unit: e.unit.clone(),
                        grade: e.grade.clone(),
                        count: e.count,
                        group: e.group.clone(),
                        serial: None,
                    });
                }
                if kinds.is_empty() {
                    return Err(Refusal::NothingChanged);
                }
                self.tally_within_ballots(entries)?;
                Ok(kinds)
            }
            Command::StageMessage { text } => {
                let text: String = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let text = text.trim().to_string();
                if text.chars().count() > STAGE_MESSAGE_MAX {
                    return Err(Refusal::TextTooLong {
                        max: STAGE_MESSAGE_MAX,
                    });
                }
                if st.stage.message.as_deref().unwrap_or("") == text {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::StageMessage { text }])
            }
            Command::ShowResults { shown } => {
                if *shown && !st.scores.published {
                    return Err(Refusal::NotPublished);
                }
                if st.stage.results_shown == *shown {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::ResultsDisplayed { shown: *shown }])
            }
            Command::AddTask { .. }
            | Command::EditTask { .. }
            | Command::SetTaskStatus { .. }
            | Command::AddTaskProgress { .. }
            | Command::ClaimTask { .. }
            | Command::DeleteTask { .. }
            | Command::RevertTask { .. }
            | Command::ImportTasks { .. }
            | Command::LinkPrevious { .. }
            | Command::CopyPreviousResults { .. } => self.decide_task(command, day),
            Command::IssueBallots { .. }
            | Command::VoidBallot { .. }
            | Command::OpenVoting
            | Command::CloseVoting
            | Command::CastBallot { .. }
            | Command::RecordBallots { .. } => self.decide_ballot(command),
            Command::ShowPrevious { shown } => {
                if *shown
                    && st
                        .previous_results
                        .as_ref()
                        .is_none_or(|r| r.units.is_empty())
                {
                    return Err(Refusal::NoPreviousResults);
                }
                if st.stage.previous_shown == *shown {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::PreviousDisplayed { shown: *shown }])
            }
            Command::RevealResults { places } => {
                if !st.scores.published {
                    return Err(Refusal::NotPublished);
                }
                let places = (*places).min(st.reports().count());
                if places == st.stage.revealed {
                    return Err(Refusal::NothingChanged);
                }
                let mut kinds = Vec::new();
                if !st.stage.results_shown {
                    kinds.push(EventKind::ResultsDisplayed { shown: true });
                }
                kinds.push(EventKind::ResultsRevealed { places });
                Ok(kinds)
            }
            Command::Publish => {
                if !self.rules.mode.scores() {
                    return Err(Refusal::NotScored);
                }
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                // Ballots still arriving would be refused once published: close voting first.
                if st.ballots.open {
                    return Err(Refusal::VotingOpen);
                }
                Ok(vec![EventKind::ResultsPublished])
            }
            Command::Unlock { reason } => {
                if !st.scores.published {
                    return Err(Refusal::NotPublished);
                }
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(Refusal::EmptyReason);
                }
                Ok(vec![EventKind::ResultsUnlocked {
                    reason: clean_text(reason)?,
                }])
            }
        }
    }
}

impl Session {
    /// A group's tally for a unit never counts more ballots than the group has: the plan's
    /// `ballots`, or as many as were issued when that is more (a typo of 80 for 8 would
    /// outweigh the whole group). No limit when the plan gives no `ballots` for the group.
    fn tally_within_ballots(&self, entries: &[GradeEntry]) -> Result<(), Refusal> {
        let st = &self.state;
        let mut added: HashMap<(&str, &str), i64> = HashMap::new();
        for e in entries {
            if let Some(g) = &e.group {
                *added.entry((e.unit.as_str(), g.as_str())).or_default() += e.count;
            }
        }
        for ((unit, group), n) in added {
            let planned = self
                .plan
                .scoring()
                .ballot_groups
                .iter()
                .find(|g| g.name == group)
                .and_then(|g| g.ballots)
                .map_or(0, |b| b as usize);
            // The plan says how many attend in the group; without it the group's size is
            // unknown (paper ballots beside the issued slips), and nothing is checked.
            if planned == 0 {
                continue;
            }
            let limit = planned.max(st.ballots.issued_in(group));
            let tallied: i64 = st
                .scores
                .group_grades
                .get(unit)
                .and_then(|g| g.get(group))
                .map_or(0, |c| c.iter().sum());
            let cast = st
                .ballots
                .issued
                .iter()
                .filter(|b| b.group == group && b.counts())
                .filter(|b| b.cast.as_ref().is_some_and(|c| c.grades.contains_key(unit)))
                .count() as i64;
            if tallied.saturating_add(cast).saturating_add(n) > limit as i64 {
                return Err(Refusal::TallyAboveBallots {
                    unit: unit.to_string(),
                    group: group.to_string(),
                    limit,
                });
            }
        }
        Ok(())
    }

    /// The events that mark the written item `item` announced (done, with no talk time) and
    /// make the next pending item current. The meeting starts with it when it has not yet.
    fn announce_written(&self, item: &UnitState) -> Vec<EventKind> {
        let st = &self.state;
        let mut kinds = Vec::new();
        if st.started_at.is_none() {
            kinds.push(EventKind::MeetingStarted);
        }
        kinds.push(EventKind::TalkEnded {
            unit: item.name.clone(),
        });
        let next = st.next_pending_after(st.position(&item.name));
        kinds.push(EventKind::CurrentChanged {
            unit: next.map(|u| u.name.clone()),
        });
        kinds
    }
}

/// A task status only the host sets, or takes a task out of: closed (销号) and cancelled.
fn host_status(status: TaskStatus) -> bool {
    matches!(status, TaskStatus::Closed | TaskStatus::Cancelled)
}

/// Remark text as stored: line breaks normalised, tabs as spaces, no other control
/// characters, no trailing blanks. Empty text is refused.
pub fn clean_text(text: &str) -> Result<String, Refusal> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        Err(Refusal::EmptyText)
    } else {
        Ok(cleaned)
    }
}

fn clean_reviewer(name: &str) -> Result<String, Refusal> {
    let name = name.trim();
    if plan::has_control(name) {
        return Err(Refusal::ControlChars);
    }
    Ok(name.to_string())
}

fn clean_name(name: &str) -> Result<String, Refusal> {
    let name = clean_reviewer(name)?;
    if name.is_empty() {
        return Err(Refusal::EmptyName);
    }
    Ok(name)
}

fn clean_optional(value: &Option<String>) -> Result<Option<String>, Refusal> {
    match value.as_deref().map(clean_reviewer).transpose()? {
        Some(v) if v.is_empty() => Ok(None),
        other => Ok(other),
    }
}
