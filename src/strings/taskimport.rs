//! Words for `podium tasks`: reading an office's task list (责任分解表) into the ledger.
//! The header names are data (what offices write in a task list's header), kept here with the
//! messages, in Chinese and English side by side.

use super::Lang;
use super::cli::Column;

/// 序号: the list's own number; a task is matched by its list and this number.
pub const NO: Column = Column {
    names: &["序号", "编号", "任务编号", "no", "no.", "number", "#"],
    en: "number",
    zh: "序号",
};
/// 事项: the task itself. The column that makes a header row a task list's.
pub const TEXT: Column = Column {
    names: &[
        "事项",
        "任务",
        "重点任务",
        "工作任务",
        "任务内容",
        "工作内容",
        "具体任务",
        "工作事项",
        "督办事项",
        "交办事项",
        "重点工作",
        "task",
        "text",
    ],
    en: "task",
    zh: "事项",
};
/// 清单 / 类别: which list the task is in (序号 restart in every list).
pub const LIST: Column = Column {
    names: &[
        "清单",
        "清单名称",
        "类别",
        "分类",
        "任务类别",
        "list",
        "category",
    ],
    en: "list",
    zh: "清单",
};
/// 责任单位: the owner.
pub const OWNER: Column = Column {
    names: &["责任单位", "揭榜单位", "承办单位", "owner"],
    en: "owner",
    zh: "责任单位",
};
/// 牵头单位: the owner when the sheet has it (its 责任单位 then join the partners).
pub const LEAD: Column = Column {
    names: &["牵头单位", "牵头责任单位", "lead"],
    en: "lead unit",
    zh: "牵头单位",
};
/// 配合单位.
pub const PARTNERS: Column = Column {
    names: &["配合单位", "协同单位", "协办单位", "partners"],
    en: "partners",
    zh: "配合单位",
};
/// 时限原文: the deadline as written, beside a 完成时限 of dates (podium's own 交办 sheet
/// writes both).
pub const DUE_TEXT: Column = Column {
    names: &["时限原文", "完成时限原文", "原定时限", "due as written"],
    en: "due as written",
    zh: "时限原文",
};
/// 台账编号: the task's number in podium's ledger (podium's own 交办 sheet writes it), by
/// which a row finds its task before its list and 序号 are looked at.
pub const LEDGER_ID: Column = Column {
    names: &["台账编号", "ledger id"],
    en: "ledger id",
    zh: "台账编号",
};
/// 提出人: who handed the task down.
pub const ASSIGNER: Column = Column {
    names: &["提出人", "交办人", "交办领导", "assigned by"],
    en: "assigned by",
    zh: "提出人",
};
/// The columns of podium's own 交办 sheet that the ledger derives (逾期, 提出于, 接续自, 认领):
/// read back, they are passed over without a word.
pub const DERIVED: &[&str] = &[
    "逾期",
    "提出于",
    "接续自",
    "认领",
    "overdue",
    "raised at",
    "carried from",
    "claimed",
];
/// 责任领导 and the other names of the leader who answers for the task.
pub const LEADER: Column = Column {
    names: &[
        "责任领导",
        "牵头领导",
        "牵头市领导",
        "挂帅领导",
        "领衔领导",
        "责任市领导",
        "分管领导",
        "分管市领导",
        "leader",
    ],
    en: "leader",
    zh: "责任领导",
};
/// 完成时限.
pub const DUE: Column = Column {
    names: &[
        "完成时限",
        "时限",
        "完成时间",
        "时间节点",
        "完成期限",
        "时限要求",
        "due",
        "deadline",
    ],
    en: "deadline",
    zh: "完成时限",
};
/// 状态.
pub const STATUS: Column = Column {
    names: &["状态", "完成状态", "推进状态", "进度状态", "status"],
    en: "status",
    zh: "状态",
};
/// 进展.
pub const PROGRESS: Column = Column {
    names: &["进展", "进展情况", "推进情况", "工作进展", "progress"],
    en: "progress",
    zh: "进展",
};

/// How a note under a table begins (a row of one cell starting so is skipped, and said).
pub const NOTE_STARTS: &[&str] = &["注：", "注:", "说明：", "说明:", "备注：", "备注:"];

/// A message about a place: `file[sheet]:5:C: …`.
pub fn at(lang: Lang, place: &str, message: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：{message}"),
        Lang::En => format!("{place}: {message}"),
    }
}

/// No sheet of the file has a task list's header row.
pub fn no_task_sheet(lang: Lang, file: &str, rows: usize, heads: &[String]) -> String {
    let names = TEXT.names[..6].join(lang.pick("”“", "\", \""));
    let heads = heads.join(lang.pick("；", "; "));
    match lang {
        Lang::Zh => format!(
            "{file}：前 {rows} 行中没有任务清单的表头行（应有“{names}”等列），不像责任分解表（{heads}）"
        ),
        Lang::En => format!(
            "{file}: no task list header in the first {rows} rows (one with a column \"{names}\" or the like): not a task list ({heads})"
        ),
    }
}

/// The table has a header and no task under it.
pub fn no_rows(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：表头下没有任务"),
        Lang::En => format!("{place}: no task under the header row"),
    }
}

/// The header has no 序号 column.
pub fn no_number_column(lang: Lang, place: &str, header: &[String]) -> String {
    let header = header.join(", ");
    match lang {
        Lang::Zh => format!(
            "{place}：表头中没有“序号”列（{header}）；任务按清单和序号对应，再次导入时据此更新"
        ),
        Lang::En => format!(
            "{place}: no column \"序号\" (number) in the header row ({header}); tasks are matched by their list and number when a list is imported again"
        ),
    }
}

/// A row with no 事项.
pub fn no_text(lang: Lang) -> String {
    lang.pick("这一行没有事项（任务内容）", "this row has no task (事项)")
        .to_string()
}

/// A cell longer than a task's text may be (`chars` characters; at most `max`).
pub fn cell_too_long(lang: Lang, chars: usize, max: usize) -> String {
    match lang {
        Lang::Zh => format!("这一格有 {chars} 个字，超过 {max} 字的上限：请删减后再导入"),
        Lang::En => format!(
            "this cell holds {chars} characters, more than the {max} a task may hold: shorten it and import again"
        ),
    }
}

/// A row with no 序号.
pub fn no_number(lang: Lang) -> String {
    lang.pick(
        "这一行没有序号；任务按清单和序号对应",
        "this row has no number (序号); tasks are matched by their list and number",
    )
    .to_string()
}

/// The same 序号 twice in one list.
pub fn duplicate_no(lang: Lang, no: &str, list: Option<&str>, first: &str) -> String {
    match (lang, list) {
        (Lang::Zh, Some(l)) => format!("序号“{no}”在清单“{l}”中与 {first} 重复"),
        (Lang::Zh, None) => format!("序号“{no}”与 {first} 重复"),
        (Lang::En, Some(l)) => format!("number \"{no}\" repeats {first} in the list \"{l}\""),
        (Lang::En, None) => format!("number \"{no}\" repeats {first}"),
    }
}

/// A status podium does not know.
pub fn unknown_status(lang: Lang, word: &str, accepted: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("状态“{word}”无法识别；可写：{}", accepted.join("、")),
        Lang::En => format!(
            "status \"{word}\" is not one podium knows; write one of: {}",
            accepted.join(", ")
        ),
    }
}

/// A deadline podium cannot read as a date (a warning: the text is kept).
pub fn unread_deadline(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("完成时限“{text}”读不出日期：照原文保留，不设到期日"),
        Lang::En => format!(
            "deadline \"{text}\" cannot be read as a date: kept as written, with no due date"
        ),
    }
}

/// A row skipped (a note under the table).
pub fn skipped_note(lang: Lang) -> String {
    lang.pick("说明文字，跳过", "a note, skipped").to_string()
}

/// `podium tasks` on a session made by a newer podium: refused, the file untouched.
pub fn newer_session(lang: Lang, name: &str, version: u64) -> String {
    let ours = crate::store::VERSION;
    match lang {
        Lang::Zh => format!(
            "会议记录 {name} 由更新版本的 podium 生成（会议记录版本 {version}；本版本只能读取版本 {ours} 及更早的会议记录）：请用更新版本的 podium 导入任务清单；未作任何改动"
        ),
        Lang::En => format!(
            "{name} was made by a newer podium (session version {version}; this podium reads session version {ours} and older): import the task list with a newer podium; nothing was changed"
        ),
    }
}

/// A row that repeats the header (its 序号 and 事项 cells are header names).
pub fn skipped_header(lang: Lang) -> String {
    lang.pick("表头重复，跳过", "the header again, skipped")
        .to_string()
}

/// Header columns the import does not read.
pub fn unused_columns(lang: Lang, place: &str, columns: &[String]) -> String {
    match lang {
        Lang::Zh => format!("{place}：未读取的列：{}", columns.join("，")),
        Lang::En => format!("{place}: columns not read: {}", columns.join(", ")),
    }
}

/// One column as named in `unused_columns`: `K “备注”`.
pub fn column_named(lang: Lang, letter: &str, header: &str) -> String {
    match lang {
        Lang::Zh => format!("{letter}“{header}”"),
        Lang::En => format!("{letter} \"{header}\""),
    }
}

/// Where an updated task is in the file: `第5行 序号3`, with the sheet when several were read.
pub fn row_label(lang: Lang, sheet: Option<&str>, row: usize, no: &str) -> String {
    match (lang, sheet) {
        (Lang::Zh, Some(s)) => format!("“{s}”第{row}行 序号{no}"),
        (Lang::Zh, None) => format!("第{row}行 序号{no}"),
        (Lang::En, Some(s)) => format!("\"{s}\" row {row} no. {no}"),
        (Lang::En, None) => format!("row {row} no. {no}"),
    }
}

/// An updated task and what changed in it: `第5行 序号3 状态 推进中→已办结，新进展“…”`.
pub fn updated(lang: Lang, label: &str, changes: &[String]) -> String {
    format!("{label} {}", changes.join(lang.pick("，", ", ")))
}

/// A field that changed from `old` to `new`: `状态 推进中→已办结`.
pub fn changed_from(lang: Lang, field: &str, old: &str, new: &str) -> String {
    let none = lang.pick("（空）", "(none)");
    let old = if old.is_empty() { none } else { old };
    let new = if new.is_empty() { none } else { new };
    format!("{field} {old}→{new}")
}

/// A field that changed, named only (a long text).
pub fn changed(lang: Lang, field: &str) -> String {
    match lang {
        Lang::Zh => format!("{field}已改"),
        Lang::En => format!("{field} changed"),
    }
}

/// Progress added to a task: `新进展“…”`.
pub fn progress_added(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("新进展“{text}”"),
        Lang::En => format!("new progress \"{text}\""),
    }
}

/// The status named in a change.
pub fn status_word(lang: Lang, status: crate::task::Status) -> &'static str {
    super::tasks::status_name(lang, status)
}

/// What an import did: `tasks.xlsx（XLSX，工作表“…”）：12 行 — 新增 12 项，更新 3 项：…；未变 20 项`.
pub fn summary(
    lang: Lang,
    (file, source, rows): (&str, &str, usize),
    added: usize,
    updated: &[String],
    unchanged: usize,
) -> String {
    match lang {
        Lang::Zh => {
            let list = if updated.is_empty() {
                String::new()
            } else {
                format!("：{}", updated.join("；"))
            };
            format!(
                "{file}（{source}）：{rows} 行 — 新增 {added} 项，更新 {} 项{list}；未变 {unchanged} 项",
                updated.len()
            )
        }
        Lang::En => {
            let list = if updated.is_empty() {
                String::new()
            } else {
                format!(": {}", updated.join("; "))
            };
            format!(
                "{file} ({source}): {rows} rows — {added} new, {} updated{list}; {unchanged} unchanged",
                updated.len()
            )
        }
    }
}

/// Nothing to change: the ledger already says what the list says.
pub fn nothing_changed(lang: Lang, (file, source, rows): (&str, &str, usize)) -> String {
    match lang {
        Lang::Zh => {
            format!("{file}（{source}）：{rows} 行，与会议记录中的任务台账一致，没有改动（未写入）")
        }
        Lang::En => format!(
            "{file} ({source}): {rows} rows, as the session's task ledger already has them: nothing changed (nothing written)"
        ),
    }
}

/// The session is open in a console.
pub fn locked(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("{err}；请关闭那个控制台后再导入任务清单"),
        Lang::En => format!("{err}; close that console, then import the task list"),
    }
}

/// A plan's first session, made to take the list.
pub fn new_session(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("计划还没有会议记录：已新建 {name}"),
        Lang::En => format!("the plan had no session yet: started {name}"),
    }
}

/// The import could not be saved.
pub fn not_saved(lang: Lang, rows: usize, err: &str) -> String {
    match lang {
        Lang::Zh => format!("{rows} 行任务没有保存，会议记录保持原样：{err}"),
        Lang::En => format!("the {rows} task rows were NOT saved; the session is as it was: {err}"),
    }
}

/// The import is in the journal; the session file could not be updated.
pub fn journal_only(lang: Lang, journal: &str, err: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "注意：任务清单已存入日志 {journal}，但会议记录文件没能更新（{err}）。没有丢失任何内容：下次打开这场会议时会自动更新"
        ),
        Lang::En => format!(
            "note: the task list is in the journal {journal}, but the session file could not be updated ({err}). Nothing is lost: the next open brings it up to date"
        ),
    }
}
