//! A task's status (督办事项的状态), as the task ledger records it and as offices write it.
//! Pure; the words live in `strings::tasks`.

use serde::{Deserialize, Serialize};

/// Where a task stands. `Done`, `Closed` and `Cancelled` are finished: a later meeting does
/// not carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未启动.
    #[default]
    Open,
    /// 推进中.
    InProgress,
    /// 已办结: the owner says it is done.
    Done,
    /// 已销号: checked and ticked off.
    Closed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Closed,
        Status::Cancelled,
    ];

    /// The name written in records and plans.
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Closed => "closed",
            Status::Cancelled => "cancelled",
        }
    }

    /// Finished: done, closed or cancelled (never overdue, never carried forward).
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Closed | Status::Cancelled)
    }

    /// The status a cell states, and whether it says the task is behind (滞后): the plan's
    /// keys (`in_progress`, any case) or the words offices write (未开始, 正在推进, 序时推进,
    /// 滞后, 已完成, 销号, 取消…). `None` for anything else: the caller names the cell.
    pub fn read(text: &str) -> Option<(Status, bool)> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let lower = t.to_ascii_lowercase();
        if let Some(s) = Status::ALL.into_iter().find(|s| s.key() == lower) {
            return Some((s, false));
        }
        crate::strings::tasks::STATUS_WORDS
            .iter()
            .find(|(w, _, _)| *w == t)
            .map(|(_, s, behind)| (*s, *behind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_offices_write_map_to_the_issues_statuses() {
        let cases = [
            ("未开始", Status::Open, false),
            ("正在推进", Status::InProgress, false),
            ("序时推进", Status::InProgress, false),
            ("进行中", Status::InProgress, false),
            ("滞后", Status::InProgress, true),
            ("已完成", Status::Done, false),
            ("完成", Status::Done, false),
            ("销号", Status::Closed, false),
            ("取消", Status::Cancelled, false),
            (" 已 完成 ", Status::Done, false),
            ("IN_PROGRESS", Status::InProgress, false),
            ("closed", Status::Closed, false),
        ];
        for (word, status, behind) in cases {
            assert_eq!(Status::read(word), Some((status, behind)), "{word}");
        }
        for word in ["", "好", "done!", "完成了吗"] {
            assert_eq!(Status::read(word), None, "{word}");
        }
    }

    #[test]
    fn every_status_has_a_name_in_both_languages_that_reads_back() {
        use crate::strings::{Lang, tasks::status_name};
        for lang in [Lang::Zh, Lang::En] {
            let names: std::collections::HashSet<&str> =
                Status::ALL.iter().map(|s| status_name(lang, *s)).collect();
            assert_eq!(names.len(), Status::ALL.len(), "{lang:?}: distinct names");
        }
        // A sheet written by podium reads back as what it says.
        for s in Status::ALL {
            assert_eq!(
                Status::read(status_name(Lang::Zh, s)),
                Some((s, false)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn finished_statuses_are_not_carried() {
        let finished: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| s.is_finished())
            .collect();
        assert_eq!(finished, [Status::Done, Status::Closed, Status::Cancelled]);
        for s in Status::ALL {
            let json = serde_json::to_value(s).expect("serialises");
            assert_eq!(json, s.key());
            assert_eq!(serde_json::from_value::<Status>(json).expect("reads"), s);
        }
    }
}
