//! The task ledger (督办台账): the tasks a meeting hands down or follows up, with owners,
//! deadlines, status and progress, carried from one meeting to the next. Folded like every
//! other part of the meeting (`State::apply`); written in events as `Task` and `TaskFields`.
//!
//! A task's `id` is a number podium assigns, stable for the task's life and unique along the
//! chain of meetings that carry it: a task raised as a remark (session versions 1 to 3) keeps
//! its remark's number, a carried task keeps the number it had, and every other task takes a
//! number above all of them (docs/FORMAT.md, "The task ledger").

use super::event::Time;
use super::state::Remark;
use crate::task::Status;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a person writes about a task: the fields of a 责任分解表 row, of the console's task
/// form and of a plan's `tasks[]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TaskFields {
    /// The list's own 序号, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<String>,
    /// 事项.
    pub text: String,
    /// Which list or category (清单名 / 类别).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// 责任单位.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 配合单位.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// 责任领导 / 牵头领导 / 挂帅领导 / 领衔领导.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The due date (none for an open-ended task or a deadline podium cannot read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The deadline as written (“6月底前”, “长期坚持”; an Excel date written out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<String>,
    /// 提出人: who handed the task down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_by: Option<String>,
}

/// One report of progress on a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub at: Time,
    /// The note-taker who entered it; none for the host (and for an import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub text: String,
}

/// A meeting a task was carried from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRef {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The results of the round before, as they stood when they were copied
/// (`previous_linked.results`, `previous_results_copied`): per ranked or scored unit its
/// final, rank, rank within its category and band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PreviousResults {
    /// Whether that meeting had published its results.
    pub published: bool,
    /// The decimals its finals were published with.
    pub decimals: u32,
    /// Every 汇报单位 of that meeting with a result, in its ranking order.
    pub units: Vec<PreviousResult>,
}

/// One unit's result in the round before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PreviousResult {
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The final as published (null: not scored).
    #[serde(rename = "final")]
    pub final_score: Option<f64>,
    pub rank: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_rank: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
}

impl PreviousResults {
    /// As folded: `decimals` no more than a plan may publish (with a hand-edited
    /// 4,000,000,000, every output that prints a previous final would write that many zeros),
    /// and a rank the copy cannot hold (0, or beyond its number of units) no rank.
    pub fn sane(mut self) -> Self {
        self.decimals = self.decimals.min(crate::plan::SCORE_PLACES);
        let most = self.units.len();
        for u in &mut self.units {
            u.rank = u.rank.filter(|k| (1..=most).contains(k));
            u.category_rank = u.category_rank.filter(|k| (1..=most).contains(k));
        }
        self
    }

    /// The unit named `unit` (the same name, as written).
    pub fn unit(&self, unit: &str) -> Option<&PreviousResult> {
        self.units.iter().find(|u| u.unit == unit)
    }
}

/// The meeting before this one, as the event that linked them copied it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousMeeting {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The earlier session's path as given (relative to the plan, or as typed).
    pub path: String,
    /// The SHA-256 of the earlier session file's bytes when it was read, in hex.
    pub sha256: String,
}

/// A task in the ledger. Read through `TaskWire`: a field this podium does not know is an
/// error, as everywhere in an event, never dropped (serde cannot refuse unknown fields of a
/// flattened struct).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "TaskWire")]
pub struct Task {
    pub id: u64,
    #[serde(flatten)]
    pub fields: TaskFields,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Progress>,
    /// The agenda item where it came up (none: the meeting as a whole, a list, a carry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// When it was raised (none for a plan's prepared task).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Time>,
    /// The note-taker who entered it; none for the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When a unit claimed it (认领 / 揭榜) and became its owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_at: Option<Time>,
    /// The meeting it was carried from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<MeetingRef>,
    /// Where it came from in this meeting, for turning it back into a remark; not written.
    #[serde(skip)]
    pub origin: Origin,
}

/// A task as written in an event: `Task` with its fields spelled out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskWire {
    id: u64,
    #[serde(default)]
    no: Option<String>,
    text: String,
    #[serde(default)]
    list: Option<String>,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    leader: Option<String>,
    #[serde(default)]
    due: Option<NaiveDate>,
    #[serde(default)]
    due_text: Option<String>,
    #[serde(default)]
    assigned_by: Option<String>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    progress: Vec<Progress>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    at: Option<Time>,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    claimed_at: Option<Time>,
    #[serde(default)]
    carried_from: Option<MeetingRef>,
}

impl From<TaskWire> for Task {
    fn from(w: TaskWire) -> Task {
        Task {
            id: w.id,
            fields: TaskFields {
                no: w.no,
                text: w.text,
                list: w.list,
                owner: w.owner,
                partners: w.partners,
                leader: w.leader,
                due: w.due,
                due_text: w.due_text,
                assigned_by: w.assigned_by,
            },
            status: w.status,
            progress: w.progress,
            unit: w.unit,
            at: w.at,
            by: w.by,
            claimed_at: w.claimed_at,
            carried_from: w.carried_from,
            origin: Origin::Entered,
        }
    }
}

/// Where a task came from in this meeting.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Origin {
    /// Typed as a task, imported, prepared in the plan or carried.
    #[default]
    Entered,
    /// A remark of kind `task` (sessions before the ledger): the remark stays in the remarks,
    /// and this task follows its edits.
    RemarkTask(u64),
    /// A remark turned into a task: the remark as it was, to give back when it is turned back.
    Converted(Box<Remark>),
}

impl Task {
    /// A new task with `fields`, open, raised at `at`.
    pub fn new(id: u64, fields: TaskFields) -> Task {
        Task {
            id,
            fields,
            status: Status::Open,
            progress: Vec::new(),
            unit: None,
            at: None,
            by: None,
            claimed_at: None,
            carried_from: None,
            origin: Origin::Entered,
        }
    }

    /// Overdue on `day`: due before it and not done, closed or cancelled.
    pub fn overdue(&self, day: NaiveDate) -> bool {
        !self.status.is_finished() && self.fields.due.is_some_and(|due| due < day)
    }

    /// The task's key in its list (`list` + `no`), when it has a number, as written (trimmed).
    /// Tasks are matched by `match_key`, which also reads “１” as “1”.
    pub fn list_key(&self) -> Option<(Option<&str>, &str)> {
        let no = self.fields.no.as_deref()?.trim();
        (!no.is_empty()).then_some((self.fields.list.as_deref(), no))
    }

    /// The key tasks are matched by (`match_key` of its list and number).
    pub fn match_key(&self) -> Option<MatchKey> {
        self.fields.match_key()
    }
}

impl TaskFields {
    /// The key tasks are matched by (`match_key` of the list and number).
    pub fn match_key(&self) -> Option<MatchKey> {
        match_key(self.list.as_deref(), self.no.as_deref())
    }

    /// Whether these fields' list and number are `key` (`match_key(..) == Some(key)`, without
    /// building a key: the duplicate check of a typed task goes through the whole ledger).
    pub fn has_key(&self, key: &MatchKey) -> bool {
        let Some(no) = self.no.as_deref() else {
            return false;
        };
        let folded_no = no.chars().map(half_width).filter(|c| !c.is_whitespace());
        if !folded_no.eq(key.1.chars()) {
            return false;
        }
        let list = self
            .list
            .as_deref()
            .map(|l| l.trim_matches(|c: char| half_width(c).is_whitespace()))
            .filter(|l| !l.is_empty());
        match (list, &key.0) {
            (None, None) => true,
            (Some(l), Some(k)) => {
                // Folded, then trimmed (as `match_key`): the ends of `l` were trimmed of what
                // folds to a space, so the folded middle compares as is.
                l.chars().map(half_width).eq(k.chars())
            }
            _ => false,
        }
    }
}

/// A list's name and a 序号 as tasks are matched by them.
pub type MatchKey = (Option<String>, String);

/// `list` + `no` as tasks are matched by them (an import's rows, a number already taken):
/// full-width letters, digits and signs read as their ASCII forms (office sheets mix “1” and
/// “１”), spaces inside or around a number ignored (“1 ”, “１ ２”), a list's name trimmed and
/// an empty one none. `None` for a task without a number.
pub fn match_key(list: Option<&str>, no: Option<&str>) -> Option<MatchKey> {
    let fold = |s: &str| -> String { s.chars().map(half_width).collect() };
    let no: String = fold(no?).chars().filter(|c| !c.is_whitespace()).collect();
    if no.is_empty() {
        return None;
    }
    let list = list
        .map(|l| fold(l).trim().to_string())
        .filter(|l| !l.is_empty());
    Some((list, no))
}

/// A full-width form (U+FF01..U+FF5E, the ideographic space) as its ASCII form.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// A task of a plan's `tasks[]` as it enters the ledger (id `id`), its deadline read against
/// the meeting's date.
pub fn from_plan(id: u64, t: &crate::plan::TaskPlan, meeting: Option<NaiveDate>) -> Task {
    let due = t
        .due
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // Cleaned as a typed task is: the text as a remark's (no terminal escapes or other
    // control characters; `Plan::validate` refuses an empty one), names trimmed, partners
    // split and each once.
    let name = |n: &Option<String>| {
        n.as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    };
    let mut partners: Vec<String> = Vec::new();
    for p in t.partners.iter().flat_map(|p| split_partners(p)) {
        if !partners.contains(&p) {
            partners.push(p);
        }
    }
    let mut fields = TaskFields {
        no: name(&t.no),
        text: super::clean_text(&t.text).unwrap_or_default(),
        list: name(&t.list),
        owner: name(&t.owner),
        partners,
        leader: name(&t.leader),
        due,
        due_text: name(&t.due_text),
        assigned_by: None,
    };
    fill_due(&mut fields, meeting);
    let mut task = Task::new(id, fields);
    task.status = t.status();
    task
}

/// Sets `due` from `due_text` when only the text is given (“6月底前” in the meeting's year).
pub fn fill_due(fields: &mut TaskFields, meeting: Option<NaiveDate>) {
    if fields.due.is_none()
        && let (Some(text), Some(day)) = (&fields.due_text, meeting)
        && let Some(crate::deadline::Deadline::On(date)) = crate::deadline::read(text, day)
    {
        fields.due = Some(date);
    }
}

/// Splits a cell of partners (配合单位) on 、，, ; and ；, trimming each.
pub fn split_partners(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', ';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_task_is_overdue_only_when_due_before_the_day_and_unfinished() {
        let mut t = Task::new(1, TaskFields::default());
        assert!(!t.overdue(day(2026, 7, 1)), "no due date, never overdue");
        t.fields.due = Some(day(2026, 6, 30));
        assert!(t.overdue(day(2026, 7, 1)));
        assert!(!t.overdue(day(2026, 6, 30)), "due today is not overdue");
        for s in [Status::Done, Status::Closed, Status::Cancelled] {
            t.status = s;
            assert!(!t.overdue(day(2026, 7, 1)), "{s:?}");
        }
        t.status = Status::InProgress;
        assert!(t.overdue(day(2026, 7, 1)));
    }

    #[test]
    fn has_key_agrees_with_match_key() {
        let lists = [
            None,
            Some(""),
            Some(" 重点项目 "),
            Some("重点项目"),
            Some("\u{3000}重点\u{3000}"),
            Some("ＡＢ"),
        ];
        let nos = [
            None,
            Some(""),
            Some(" "),
            Some("1"),
            Some("１"),
            Some(" 1 2"),
            Some("１２"),
            Some("3.1"),
        ];
        for la in lists {
            for na in nos {
                let a = TaskFields {
                    list: la.map(String::from),
                    no: na.map(String::from),
                    ..TaskFields::default()
                };
                for lb in lists {
                    for nb in nos {
                        let Some(key) = match_key(lb, nb) else {
                            continue;
                        };
                        assert_eq!(
                            a.has_key(&key),
                            a.match_key().as_ref() == Some(&key),
                            "{la:?} {na:?} against {lb:?} {nb:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn partners_split_on_the_separators_offices_use() {
        assert_eq!(
            split_partners("市财政局、市发改局，市交通局, 市应急局；市公安局;"),
            ["市财政局", "市发改局", "市交通局", "市应急局", "市公安局"]
        );
        assert!(split_partners(" 、 ").is_empty());
    }

    #[test]
    fn a_plan_task_reads_its_deadline_against_the_meeting_date() {
        let plan_task = crate::plan::TaskPlan {
            no: Some("3".into()),
            text: " 报送清单 ".into(),
            due_text: Some("6月底前".into()),
            status: Some("推进中".into()),
            ..Default::default()
        };
        let t = from_plan(7, &plan_task, Some(day(2026, 3, 1)));
        assert_eq!(t.id, 7);
        assert_eq!(t.fields.text, "报送清单");
        assert_eq!(t.fields.due, Some(day(2026, 6, 30)));
        assert_eq!(t.status, Status::InProgress);
        let t = from_plan(7, &plan_task, None);
        assert_eq!(
            t.fields.due, None,
            "no meeting date: the text is kept, no date"
        );
    }
}
