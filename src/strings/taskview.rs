//! Words of the console's task form and task view.

use super::{Lang, Said};

/// What the task view's keys do (the `?` help, the `F10` menu and docs/KEYS.md).
pub const TASKS: Said = Said::new(
    "任务台账：筛选、改状态、记进展、认领",
    "Task ledger: filter, status, progress, claim",
);
pub const TALK_TASKS: Said = Said::new(
    "当前单位的未完成任务（记进展）",
    "Open tasks of the unit on now (progress)",
);
pub const CONVERT_TASK: Said = Said::new(
    "选中的点评转为任务 / 转回点评",
    "Selected remark to a task, or back",
);

/// The key bar's words for the new actions.
pub fn key_tasks(lang: Lang) -> &'static str {
    lang.pick("台账", "tasks")
}

pub fn key_talk_tasks(lang: Lang) -> &'static str {
    lang.pick("本单位任务", "its tasks")
}

pub fn key_convert(lang: Lang) -> &'static str {
    lang.pick("转任务", "to task")
}

// ------------------------------------------------------------------------------ the form

/// The task form's title: a new task (where it came up), a remark turned into one, an edit.
pub fn form_title(lang: Lang, unit: Option<&str>, from_remark: bool, edit: bool) -> String {
    let base = match (edit, from_remark) {
        (true, _) => lang.pick("修改任务", "Edit task"),
        (false, true) => lang.pick("点评转为任务", "Remark to task"),
        (false, false) => lang.pick("交办任务", "New task"),
    };
    match unit {
        Some(u) => format!("{base} · {u}"),
        None => base.to_string(),
    }
}

/// The form's field labels, in order: text, owner, partners, leader, deadline, list,
/// assigner.
pub fn form_labels(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "事项",
            "责任单位",
            "配合单位",
            "责任领导",
            "完成时限",
            "清单",
            "提出人",
        ],
        Lang::En => [
            "Task",
            "Owner",
            "Partners",
            "Leader",
            "Deadline",
            "List",
            "Assigned by",
        ],
    }
}

/// The line under the form: how the deadline typed reads against the meeting's date.
pub fn due_reads(lang: Lang, date: Option<&str>, typed: bool) -> String {
    match (date, typed, lang) {
        (_, false, Lang::Zh) => "完成时限：可写“6月底前”“年底前”“三季度末”或日期".into(),
        (_, false, Lang::En) => "Deadline: “6月底前”, “年底前”, “三季度末” or a date".into(),
        (Some(d), true, Lang::Zh) => format!("完成时限读作 {d}"),
        (Some(d), true, Lang::En) => format!("The deadline reads as {d}"),
        (None, true, Lang::Zh) => "完成时限不是日期：按原文保留".into(),
        (None, true, Lang::En) => "The deadline is not a date: kept as written".into(),
    }
}

/// An open-ended deadline (长期坚持).
pub fn due_ongoing(lang: Lang) -> &'static str {
    lang.pick(
        "完成时限为长期：没有截止日期",
        "An open-ended deadline: no due date",
    )
}

/// The form's hint on a field with choices (owner, assigner).
pub fn key_choose(lang: Lang) -> &'static str {
    lang.pick("选择", "choose")
}

/// The form's hint: next field.
pub fn key_field(lang: Lang) -> &'static str {
    lang.pick("下一项", "next field")
}

/// The mark of a field that takes a choice (`PgUp/PgDn`), after its value.
pub fn choice_mark(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("PgUp/PgDn 在 {n} 个中选择"),
        Lang::En => format!("PgUp/PgDn: one of {n}"),
    }
}

/// Said when a task form is saved with no text.
pub fn no_text(lang: Lang) -> &'static str {
    lang.pick("请填写事项", "Write what the task is")
}

/// The question before dropping a task form with typed text.
pub fn confirm_discard(lang: Lang) -> &'static str {
    lang.pick("放弃已填写的任务？", "Discard the task typed?")
}

// ------------------------------------------------------------------------------ the panel

/// A task among the remarks: its mark, owner and deadline.
pub fn panel_task(lang: Lang, owner: Option<&str>, due: Option<&str>, done: bool) -> String {
    let mark = match (done, lang) {
        (false, Lang::Zh) => "☐ 任务",
        (true, Lang::Zh) => "☑ 任务",
        (false, Lang::En) => "☐ Task",
        (true, Lang::En) => "☑ Task",
    };
    let mut out = mark.to_string();
    for part in [owner, due].into_iter().flatten() {
        out.push_str(" · ");
        out.push_str(part);
    }
    out
}

/// A remark turned into a task.
pub fn converted(lang: Lang, owner: Option<&str>) -> String {
    match (lang, owner) {
        (Lang::Zh, Some(o)) => format!("已转为任务，责任单位：{o}"),
        (Lang::Zh, None) => "已转为任务".into(),
        (Lang::En, Some(o)) => format!("Turned into a task owned by {o}"),
        (Lang::En, None) => "Turned into a task".into(),
    }
}

/// A task turned back into a remark.
pub fn reverted(lang: Lang) -> &'static str {
    lang.pick("已转回点评", "Turned back into a remark")
}

/// The open tasks of a unit on the live screen (overdue ones too).
pub fn open_count(lang: Lang, open: usize, overdue: usize) -> String {
    match (lang, overdue) {
        (Lang::Zh, 0) => format!("任务 {open}"),
        (Lang::Zh, o) => format!("任务 {open}（逾期 {o}）"),
        (Lang::En, 0) => format!("Tasks {open}"),
        (Lang::En, o) => format!("Tasks {open} ({o} overdue)"),
    }
}

// ------------------------------------------------------------------------------ the view

/// The task view's title: the tasks shown and in the ledger.
pub fn view_title(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("任务台账（{shown} / {total}）"),
        Lang::En => format!("Task ledger ({shown} / {total})"),
    }
}

/// The columns: number, text, owner, deadline, status, overdue, latest progress.
pub fn columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "序号",
            "事项",
            "责任单位",
            "时限",
            "状态",
            "逾期",
            "最新进展",
        ],
        Lang::En => [
            "No.",
            "Task",
            "Owner",
            "Due",
            "Status",
            "Late",
            "Latest progress",
        ],
    }
}

/// The overdue mark of a row.
pub fn overdue_mark(lang: Lang) -> &'static str {
    lang.pick("逾期", "late")
}

/// The filter line's parts.
pub fn filter_all(lang: Lang) -> &'static str {
    lang.pick("全部", "all")
}

pub fn filter_unfinished(lang: Lang) -> &'static str {
    lang.pick("未完成", "unfinished")
}

pub fn filter_none(lang: Lang) -> &'static str {
    lang.pick("（无）", "(none)")
}

/// The filter line: each filter named with its value; `talk`: the unit whose talk it is.
pub fn filter_line(
    lang: Lang,
    talk: Option<&str>,
    owner: &str,
    list: &str,
    status: &str,
    overdue: bool,
) -> String {
    let mut out = match (lang, talk) {
        (Lang::Zh, Some(u)) => format!("筛选：{u} 的任务 · "),
        (Lang::En, Some(u)) => format!("Filter: tasks of {u} · "),
        (Lang::Zh, None) => "筛选：".to_string(),
        (Lang::En, None) => "Filter: ".to_string(),
    };
    match lang {
        Lang::Zh => out.push_str(&format!("单位 {owner} · 清单 {list} · 状态 {status}")),
        Lang::En => out.push_str(&format!("owner {owner} · list {list} · status {status}")),
    }
    if overdue {
        out.push_str(lang.pick(" · 仅逾期", " · overdue only"));
    }
    out
}

/// No task in the ledger, or none that the filters let through.
pub fn empty(lang: Lang, filtered: bool) -> &'static str {
    match filtered {
        true => lang.pick(
            "没有符合筛选的任务（a 显示全部）",
            "No task matches the filters (a shows all)",
        ),
        false => lang.pick(
            "台账中还没有任务（t 新增）",
            "No task in the ledger yet (t adds one)",
        ),
    }
}

/// The task view's key bar words.
pub fn key_status(lang: Lang) -> &'static str {
    lang.pick("状态", "status")
}

pub fn key_progress(lang: Lang) -> &'static str {
    lang.pick("进展", "progress")
}

pub fn key_edit(lang: Lang) -> &'static str {
    lang.pick("编辑", "edit")
}

pub fn key_delete(lang: Lang) -> &'static str {
    lang.pick("删除", "delete")
}

pub fn key_claim(lang: Lang) -> &'static str {
    lang.pick("认领", "claim")
}

pub fn key_new(lang: Lang) -> &'static str {
    lang.pick("新增", "new")
}

pub fn key_by_owner(lang: Lang) -> &'static str {
    lang.pick("按单位", "owner")
}

pub fn key_by_list(lang: Lang) -> &'static str {
    lang.pick("按清单", "list")
}

pub fn key_by_status(lang: Lang) -> &'static str {
    lang.pick("按状态", "by status")
}

pub fn key_overdue(lang: Lang) -> &'static str {
    lang.pick("逾期", "overdue")
}

pub fn key_all(lang: Lang) -> &'static str {
    lang.pick("全部", "all")
}

pub fn key_back(lang: Lang) -> &'static str {
    lang.pick("返回", "back")
}

/// The status chooser's title, and the mark of a status only the host sets.
pub fn status_title(lang: Lang) -> &'static str {
    lang.pick("设置状态", "Set the status")
}

pub fn host_only_mark(lang: Lang) -> &'static str {
    lang.pick("（仅主持人）", " (host only)")
}

/// The progress line's title and label.
pub fn progress_title(lang: Lang) -> &'static str {
    lang.pick("记录进展", "Add progress")
}

/// The claim's title and label.
pub fn claim_title(lang: Lang) -> &'static str {
    lang.pick("认领任务（揭榜）", "Claim the task")
}

pub fn claim_label(lang: Lang) -> &'static str {
    lang.pick("认领单位", "Claiming unit")
}

/// The question before deleting a task.
pub fn confirm_delete(lang: Lang, preview: &str) -> String {
    match lang {
        Lang::Zh => format!("删除任务“{preview}”？"),
        Lang::En => format!("Delete the task “{preview}”?"),
    }
}

/// A key of the task view with no task selected.
pub fn no_task(lang: Lang) -> &'static str {
    lang.pick("没有选中的任务", "No task selected")
}

/// The talk's tasks asked for with no unit on stage nor selected.
pub fn no_unit(lang: Lang) -> &'static str {
    lang.pick(
        "没有当前单位：显示全部未完成任务",
        "No unit on now: every unfinished task is shown",
    )
}

/// The line under the table: the selected task's fields the table has no room for.
pub fn detail(lang: Lang, t: &crate::session::Task) -> String {
    let f = &t.fields;
    let mut parts: Vec<String> = Vec::new();
    let mut add = |zh: &str, en: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            parts.push(format!("{}{v}", lang.pick(zh, en)));
        }
    };
    add("清单：", "List: ", f.list.clone());
    add("序号：", "No. ", f.no.clone());
    add(
        "配合：",
        "Partners: ",
        Some(f.partners.join(lang.pick("、", ", "))),
    );
    add("领导：", "Leader: ", f.leader.clone());
    add("提出人：", "Assigned by ", f.assigned_by.clone());
    add("认领：", "Claimed by ", t.claimed_at.and(f.owner.clone()));
    if let Some(m) = &t.carried_from {
        add("上次会议：", "Carried from ", Some(m.title.clone()));
    }
    if !t.progress.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("进展 {} 条", t.progress.len()),
            Lang::En => format!("{} progress notes", t.progress.len()),
        });
    }
    parts.join(" · ")
}

/// How partners are joined when a task's are shown in a field to edit.
pub const PARTNER_SEPARATOR: &str = "、";
