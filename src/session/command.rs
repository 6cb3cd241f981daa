//! Commands: what someone wants done to a meeting. `Session::decide` checks a command against
//! the current state and turns it into events, or refuses it with a `Refusal`.

use super::event::RemarkKind;
use super::ledger::{PreviousMeeting, Task, TaskFields};
use crate::task::Status as TaskStatus;
use serde::{Deserialize, Serialize};

/// Commands travel between a note-taker's laptop and the host as JSON (docs/PROTOCOL.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Start the current unit's talk, or pause / resume it.
    ToggleTalk,
    /// End the current talk (if any) and make the next pending unit current.
    Next,
    SetCurrent {
        unit: String,
    },
    AdjustLimit {
        seconds: i64,
    },
    /// Skip a pending unit, or restore a skipped one.
    ToggleSkip {
        unit: String,
    },
    /// Move a unit not yet presented one place up (`-1`) or down (`+1`).
    MoveUnit {
        unit: String,
        delta: i64,
    },
    AddUnit {
        name: String,
        presenter: Option<String>,
        role: Option<String>,
        minutes: Option<f64>,
        /// What the item is; absent: a unit's talk.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<crate::plan::UnitKind>,
    },
    UpdateUnit {
        unit: String,
        presenter: Option<String>,
        role: Option<String>,
    },
    AddRemark {
        unit: Option<String>,
        reviewer: String,
        text: String,
        kind: RemarkKind,
    },
    EditRemark {
        id: u64,
        reviewer: String,
        text: String,
        kind: RemarkKind,
    },
    DeleteRemark {
        id: u64,
    },
    Undo,
    EndMeeting,
    /// Scores for one or more sheets, all or nothing (one action: one undo).
    SetScores {
        entries: Vec<ScoreEntry>,
    },
    ClearScore {
        unit: String,
        reviewer: String,
        criterion: String,
    },
    /// Grade ballots or tallies, all or nothing.
    AddGrades {
        entries: Vec<GradeEntry>,
    },
    Publish,
    Unlock {
        reason: String,
    },
    /// Send a message to the stage display; empty text takes it down.
    StageMessage {
        text: String,
    },
    /// Show or hide the published ranking on the stage display.
    ShowResults {
        shown: bool,
    },
    /// Reveal `places` places of the ranking, from the last place up.
    RevealResults {
        places: usize,
    },
    /// Show or hide the round before's ranking (the copy in the session) on the stage.
    ShowPrevious {
        shown: bool,
    },
    /// A task enters the ledger; `from_remark` turns that remark into it. `unit`: the agenda
    /// item where it came up. `status`: open when absent.
    AddTask {
        task: Box<TaskFields>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<TaskStatus>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_remark: Option<u64>,
    },
    /// A task's written fields, all of them as they should be.
    EditTask {
        id: u64,
        task: Box<TaskFields>,
    },
    SetTaskStatus {
        id: u64,
        status: TaskStatus,
    },
    AddTaskProgress {
        id: u64,
        text: String,
    },
    /// A unit claims a task on the spot (认领 / 揭榜) and becomes its owner.
    ClaimTask {
        id: u64,
        owner: String,
    },
    DeleteTask {
        id: u64,
    },
    /// Turn a task back into a remark.
    RevertTask {
        id: u64,
    },
    /// A task list read from a file, all or nothing (one action): rows matched by `list` +
    /// `no` update their task, the others are added.
    ImportTasks {
        tasks: Vec<ImportedTask>,
    },
    /// Link the meeting before this one and carry its unfinished tasks (only into a session
    /// with no events yet: the first event).
    LinkPrevious {
        previous: Box<PreviousMeeting>,
        tasks: Vec<Task>,
        results: Option<Box<super::ledger::PreviousResults>>,
    },
    /// Issue ballots for a ballot group: one per hash (`ballots::hash(salt, code)`; the
    /// caller drew the codes). Serials continue the group's numbering.
    IssueBallots {
        group: String,
        salt: String,
        hashes: Vec<String>,
    },
    /// Void a ballot by its serial (a lost slip).
    VoidBallot {
        serial: String,
    },
    OpenVoting,
    CloseVoting,
    /// A ballot cast: by its code (an attendee; only while voting is open) or by its serial
    /// (a paper ballot typed up by the office). Grades mode gives `grades`, points mode
    /// `scores`; a unit left out is not scored on this ballot. It replaces the ballot's
    /// earlier cast.
    CastBallot {
        ballot: BallotKey,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        grades: Vec<BallotGrade>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        scores: Vec<BallotScore>,
    },
    /// Ballots typed up or imported (paper ballots, a questionnaire's respondents), all or
    /// nothing, in one action: each is cast under its `serial` when it gives one (an issued
    /// ballot), else issued as a new ballot of its group (`hash`: of a code nobody holds,
    /// drawn by the caller with `salt`) and cast.
    RecordBallots {
        salt: String,
        ballots: Vec<RecordedBallot>,
    },
    /// Copy the earlier round's results again into a session already linked to it.
    CopyPreviousResults {
        sha256: String,
        results: Box<super::ledger::PreviousResults>,
    },
}

/// One row of an imported task list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ImportedTask {
    /// The task's ledger id, when the row gives one (podium's own 交办 sheet writes it in its
    /// 台账编号 column): the row updates that task, whatever its list and number say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    pub task: TaskFields,
    /// The row's status; unchanged (open for a new task) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
    /// Progress the row reports (进展; 滞后 noted here too); a text the task already has is
    /// not added again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<String>,
}

/// One score: `value` in ten-thousandths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreEntry {
    pub unit: String,
    pub reviewer: String,
    pub criterion: String,
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeEntry {
    pub unit: String,
    pub grade: String,
    pub count: i64,
    /// The ballot group whose tally this is (required when the plan has ballot groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Which ballot a cast is: its code, or (the office typing up a paper ballot) its serial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotKey {
    Code(super::ballots::Secret),
    Serial(String),
}

/// One ballot of `RecordBallots`: `serial` (an issued ballot) or `hash` (a new one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedBallot {
    pub group: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<BallotGrade>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<BallotScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotGrade {
    pub unit: String,
    pub grade: String,
}

/// One score of a ballot: `value` in ten-thousandths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotScore {
    pub unit: String,
    pub criterion: String,
    pub value: i64,
}

/// A note-taker who sent a command over the network: their name (recorded as `by`), the
/// command's id (so a command sent twice is carried out once) and whether the host lets
/// note-takers enter scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub name: String,
    pub command: Option<String>,
    pub scores: bool,
}

/// Why a command was not carried out. Shown to people through `strings::refusal`.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    NoCurrentUnit,
    MeetingEnded,
    AnotherTalkRunning {
        unit: String,
    },
    TalkRunning {
        unit: String,
    },
    TalkAlreadyEnded {
        unit: String,
    },
    UnitSkipped {
        unit: String,
    },
    UnknownUnit {
        unit: String,
    },
    UnknownRemark {
        id: u64,
    },
    NotPending {
        unit: String,
    },
    CannotMove {
        unit: String,
    },
    LimitTooShort,
    /// A written item has no timer: there is no limit to change and nothing to start.
    NoTimer {
        unit: String,
    },
    /// The meeting does not score (`mode: none`): nothing to publish or show.
    NotScored,
    EmptyText,
    EmptyName,
    ControlChars,
    DuplicateUnit {
        unit: String,
    },
    BadMinutes,
    NothingToUndo,
    Score(crate::scoring::ScoreProblem),
    ResultsPublished,
    NotPublished,
    EmptyReason,
    NothingChanged,
    TextTooLong {
        max: usize,
    },
    /// A note-taker asked for something only the host does (timing, order, publishing...).
    HostOnly,
    /// A note-taker entered scores while the host does not allow it.
    ScoresNotAllowed,
    /// A note-taker tried to change a remark somebody else entered.
    NotYourRemark {
        id: u64,
    },
    /// The events are numbered up to the largest number: no event can follow.
    SeqExhausted,
    UnknownTask {
        id: u64,
    },
    /// A note-taker tried to change a task somebody else entered.
    NotYourTask {
        id: u64,
    },
    /// Closing (销号) or cancelling a task is the host's.
    TaskStatusHostOnly,
    /// Another task of the same list has this number.
    DuplicateTask {
        list: Option<String>,
        no: String,
    },
    /// The meeting before is linked only when a session is created, as its first event.
    PreviousTooLate,
    /// Results of a round before copied into a session not linked to one.
    NotLinked,
    /// The round before's ranking shown when the session holds none.
    NoPreviousResults,
    /// The plan declares no ballot groups.
    NoBallotGroups,
    UnknownBallotGroup {
        group: String,
    },
    /// A tally without its ballot group, in a plan with ballot groups (or the other way).
    BallotGroupNeeded,
    /// More than `plan::MAX_BALLOTS` ballots in one group.
    TooManyBallots {
        max: u32,
    },
    /// A code that opens no ballot. The code itself is never repeated.
    UnknownBallot,
    /// A serial no ballot has.
    UnknownSerial {
        serial: String,
    },
    /// A typed-up ballot whose serial belongs to another group than the one it gives.
    BallotOtherGroup {
        serial: String,
        group: String,
    },
    /// A group's tally for a unit above the group's ballots.
    TallyAboveBallots {
        unit: String,
        group: String,
        limit: usize,
    },
    /// One serial twice among the ballots of one import.
    BallotTwice {
        serial: String,
    },
    BallotVoided {
        serial: String,
    },
    /// A ballot by code while voting is not open.
    VotingClosed,
    /// Results published while voting is still open.
    VotingOpen,
    /// A ballot that scores nothing.
    EmptyBallot,
    /// A unit given twice on one ballot, or a points ballot missing a criterion of a unit.
    BallotUnit {
        unit: String,
    },
    /// A salt or hash that is not what `ballots` makes.
    BadBallotHash,
}
