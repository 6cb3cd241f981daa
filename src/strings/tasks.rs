//! The words offices write in a task list's status column (状态), which `crate::task::Status`
//! reads: vocabulary, not messages, kept here with every other CJK text.

use crate::task::Status;

/// Each word with the status it means and whether it says the task is behind (滞后).
pub const STATUS_WORDS: &[(&str, Status, bool)] = &[
    ("未开始", Status::Open, false),
    ("未启动", Status::Open, false),
    ("待启动", Status::Open, false),
    ("正在推进", Status::InProgress, false),
    ("序时推进", Status::InProgress, false),
    ("进行中", Status::InProgress, false),
    ("推进中", Status::InProgress, false),
    ("滞后", Status::InProgress, true),
    ("进度滞后", Status::InProgress, true),
    ("已完成", Status::Done, false),
    ("完成", Status::Done, false),
    ("已办结", Status::Done, false),
    ("办结", Status::Done, false),
    ("销号", Status::Closed, false),
    ("已销号", Status::Closed, false),
    ("取消", Status::Cancelled, false),
    ("已取消", Status::Cancelled, false),
];

/// How the console and the exports name a status.
pub fn status_name(lang: crate::strings::Lang, status: Status) -> &'static str {
    match status {
        Status::Open => lang.pick("未启动", "open"),
        Status::InProgress => lang.pick("推进中", "in progress"),
        Status::Done => lang.pick("已办结", "done"),
        Status::Closed => lang.pick("已销号", "closed"),
        Status::Cancelled => lang.pick("已取消", "cancelled"),
    }
}
