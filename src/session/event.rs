//! Events: the facts of a meeting, in the order they happened. A session is its plan plus
//! these; everything else is folded from them.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub type Time = DateTime<FixedOffset>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RemarkKind {
    #[default]
    Remark,
    Task,
}

/// One recorded fact. `seq` counts from 1 without gaps; `at` is the console's clock when it was
/// recorded (never earlier than the event before it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    pub at: Time,
    /// The first event of the same action, when one action recorded several events (ending a
    /// talk and moving on, say). Undo takes back a whole action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<u64>,
    /// The note-taker who entered this action (on its first event); `None` for the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The id a note-taker's laptop gave the command (on the first event of the action): the
    /// host remembers it through crashes, so a command sent twice is carried out once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(flatten)]
    pub kind: EventKind,
    /// On `talk_paused` and `talk_ended` (session version 2): the talk's whole running time
    /// up to this event, in milliseconds, as the console measured it with a clock that a step
    /// of the wall clock does not move. Absent in older sessions: the time is then what the
    /// `at` of the start, pause, resume and end events give. Ignored on other events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<i64>,
}

impl Event {
    /// The seq of the action this event belongs to.
    pub fn action(&self) -> u64 {
        self.part_of.unwrap_or(self.seq)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    MeetingStarted,
    MeetingEnded,
    TalkStarted {
        unit: String,
    },
    TalkPaused {
        unit: String,
    },
    TalkResumed {
        unit: String,
    },
    TalkEnded {
        unit: String,
    },
    LimitAdjusted {
        unit: String,
        seconds: i64,
    },
    UnitSkipped {
        unit: String,
    },
    UnitRestored {
        unit: String,
    },
    CurrentChanged {
        unit: Option<String>,
    },
    /// A pending unit moved to `position` (0-based) in the running order.
    UnitMoved {
        unit: String,
        position: usize,
    },
    UnitAdded {
        unit: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        presenter: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// A talk's or briefing's limit; a speech's or the comments' soft limit (0: none); 0
        /// for a written item.
        limit_seconds: i64,
        /// Inserted after this unit; at the end when null.
        after: Option<String>,
        /// What the item is (session version 3); absent: a unit's talk (`report`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<crate::plan::UnitKind>,
    },
    UnitUpdated {
        unit: String,
        presenter: Option<String>,
        role: Option<String>,
    },
    /// A remark's id is the seq of the event that added it.
    RemarkAdded {
        unit: Option<String>,
        reviewer: String,
        text: String,
        kind: RemarkKind,
    },
    RemarkEdited {
        id: u64,
        reviewer: String,
        text: String,
        kind: RemarkKind,
    },
    RemarkDeleted {
        id: u64,
    },
    /// A score, as decimal text (exact: "27.5").
    ScoreSet {
        unit: String,
        reviewer: String,
        criterion: String,
        value: String,
        /// A ballot's score (session version 6): its ballot group, and its serial (then also
        /// `reviewer`). The ballot's last cast counts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial: Option<String>,
    },
    ScoreCleared {
        unit: String,
        reviewer: String,
        criterion: String,
    },
    /// Grade ballots: one ballot, or a tally of paper ballots. Counts add up.
    GradesAdded {
        unit: String,
        grade: String,
        count: i64,
        /// The ballot group of a tally or a ballot (session version 6).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
        /// One ballot's grade (count 1): its serial. The ballot's last cast counts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial: Option<String>,
    },
    /// Anonymous ballots issued for a group (session version 6): serials and salted hashes of
    /// their codes; the codes themselves are never recorded.
    BallotsIssued {
        group: String,
        salt: String,
        ballots: Vec<super::ballots::IssuedBallot>,
    },
    /// A ballot voided (a lost slip): it can no longer be cast, and a cast one stops counting.
    BallotVoided {
        serial: String,
    },
    VotingOpened,
    VotingClosed,
    /// Results published: scores are locked; undo does not cross this.
    ResultsPublished,
    /// Scores unlocked after publishing, with the reason.
    ResultsUnlocked {
        reason: String,
    },
    /// A short message for the stage display; empty text takes it down.
    StageMessage {
        text: String,
    },
    /// The published ranking shown on (or taken off) the stage display.
    ResultsDisplayed {
        shown: bool,
    },
    /// How many places of the ranking the display reveals, counted from the last place up.
    ResultsRevealed {
        places: usize,
    },
    /// The round before's ranking (the copy in the session) shown on (or taken off) the
    /// stage display (session version 5). Showing it takes this meeting's ranking down, and
    /// the other way round.
    PreviousDisplayed {
        shown: bool,
    },
    /// Takes back the action whose first event has seq `action`.
    Undone {
        action: u64,
    },
    // The task ledger (session version 4; docs/FORMAT.md, "The task ledger").
    /// A task enters the ledger: typed, claimed, imported, or a remark turned into a task
    /// (`from_remark`: the remark leaves the remarks).
    TaskAdded {
        task: super::ledger::Task,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_remark: Option<u64>,
    },
    /// A task's written fields, all of them as they now are.
    TaskEdited {
        id: u64,
        task: super::ledger::TaskFields,
    },
    TaskStatusSet {
        id: u64,
        status: crate::task::Status,
    },
    /// Progress reported on a task (`at` and `by` are the event's).
    TaskProgressAdded {
        id: u64,
        text: String,
    },
    /// A unit takes the task on the spot (认领 / 揭榜) and becomes its owner.
    TaskClaimed {
        id: u64,
        owner: String,
    },
    TaskDeleted {
        id: u64,
    },
    /// A task turned back into a remark.
    TaskReverted {
        id: u64,
    },
    /// The meeting before this one, and its unfinished tasks with their history, copied when
    /// the session was created (always the first event).
    PreviousLinked {
        previous: super::ledger::PreviousMeeting,
        tasks: Vec<super::ledger::Task>,
        /// The earlier round's results (session version 5; absent before).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        results: Option<super::ledger::PreviousResults>,
    },
    /// The earlier round's results copied again (`podium run --previous` on a session that
    /// already exists: scores are often typed up late), with the earlier file's SHA-256 now.
    PreviousResultsCopied {
        sha256: String,
        results: super::ledger::PreviousResults,
    },
}

impl EventKind {
    pub fn is_undo(&self) -> bool {
        matches!(self, EventKind::Undone { .. })
    }

    /// Publishing and unlocking are a boundary undo does not cross.
    pub fn is_publication(&self) -> bool {
        matches!(
            self,
            EventKind::ResultsPublished | EventKind::ResultsUnlocked { .. }
        )
    }

    /// A ballot's event: issued, voided, voting opened or closed, a ballot cast. Undo passes
    /// over them (a ballot is voided instead; voting closed).
    pub fn is_ballot(&self) -> bool {
        match self {
            EventKind::BallotsIssued { .. }
            | EventKind::BallotVoided { .. }
            | EventKind::VotingOpened
            | EventKind::VotingClosed => true,
            EventKind::GradesAdded { serial, .. } | EventKind::ScoreSet { serial, .. } => {
                serial.is_some()
            }
            _ => false,
        }
    }

    /// A boundary undo does not cross: a publication, or the link to the meeting before.
    pub fn stops_undo(&self) -> bool {
        self.is_publication()
            || matches!(
                self,
                EventKind::PreviousLinked { .. } | EventKind::PreviousResultsCopied { .. }
            )
    }
}
