//! Strings of the reports (the minutes, the ranking CSV, the workbook, the exports), in
//! Chinese and English side by side. The column headers and sheet names are read back by
//! spreadsheets and by `podium scores`: they never change.

use super::Lang;
use crate::plan::UnitKind;

/// The note that ends a cell cut to a spreadsheet's limit (both languages at once).
pub const CUT_NOTE: &str = "… (全文见会议纪要 / full text in the minutes)";

/// A ranking's flag key (`trimmed:领导:a,b`, `no_scores`, …) as words for people.
pub fn flag(lang: Lang, flag: &str) -> String {
    let (key, rest) = flag.split_once(':').unwrap_or((flag, ""));
    match (lang, key) {
        (Lang::Zh, "no_scores") => "缺评".into(),
        (Lang::En, "no_scores") => "no scores".into(),
        (Lang::Zh, "group_missing") => format!("{rest}组无评分"),
        (Lang::En, "group_missing") => format!("no scores from {rest}"),
        // `trimmed:GROUP` (a public output: no names) says only that it was done.
        (Lang::Zh, "trimmed") => match rest.split_once(':') {
            Some((g, who)) => format!("{g}去掉最高最低：{}", who.replace(',', "、")),
            None => format!("{rest}去掉最高分和最低分"),
        },
        (Lang::En, "trimmed") => match rest.split_once(':') {
            Some((g, who)) => format!("{g} trimmed: {}", who.replace(',', ", ")),
            None if rest.is_empty() => "highest and lowest dropped".into(),
            None => format!("{rest}: highest and lowest dropped"),
        },
        (Lang::Zh, "not_trimmed") => format!("{rest}人数不足未去分"),
        (Lang::En, "not_trimmed") => format!("{rest} not trimmed"),
        (Lang::Zh, "incomplete") => format!("{rest}评分不完整"),
        (Lang::En, "incomplete") => format!("{rest}'s sheet incomplete"),
        (Lang::Zh, "tied") => "并列".into(),
        (Lang::En, "tied") => "tied".into(),
        (Lang::Zh, "spread") => "评分分歧大".into(),
        (Lang::En, "spread") => "scores disagree".into(),
        _ => flag.into(),
    }
}

/// The separator between a ranking row's notes.
pub fn notes_separator(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

/// The tables' names (the workbook's sheets).
pub struct Sheets {
    pub ranking: &'static str,
    pub scores: &'static str,
    pub remarks: &'static str,
    pub timing: &'static str,
    pub tasks: &'static str,
}

/// The tables' column headers.
pub struct Columns {
    pub rank: &'static str,
    pub unit: &'static str,
    pub final_score: &'static str,
    pub score: &'static str,
    pub penalty: &'static str,
    pub excellent_share: &'static str,
    pub notes: &'static str,
    pub reviewer: &'static str,
    pub group: &'static str,
    pub criterion: &'static str,
    pub grade: &'static str,
    pub count: &'static str,
    pub remarker: &'static str,
    pub kind: &'static str,
    pub text: &'static str,
    pub time: &'static str,
    pub no: &'static str,
    pub presenter: &'static str,
    pub status: &'static str,
    pub limit_s: &'static str,
    pub talked_s: &'static str,
    pub over_s: &'static str,
    pub started: &'static str,
    pub ended: &'static str,
    /// 提出人: who handed a task down.
    pub by: &'static str,
    pub task: &'static str,
    /// The task sheet's columns (交办): 清单, 责任单位, 配合单位, 责任领导, 完成时限 (a date
    /// cell), the deadline as written when it says more than the date, 逾期, 进展, 提出于,
    /// 接续自, 认领. Their Chinese names are the ones `podium tasks` reads back.
    pub list: &'static str,
    pub owner: &'static str,
    pub partners: &'static str,
    pub leader: &'static str,
    pub due: &'static str,
    pub due_text: &'static str,
    pub overdue: &'static str,
    pub progress: &'static str,
    pub raised_at: &'static str,
    pub carried_from: &'static str,
    pub claimed: &'static str,
    /// 台账编号: the task's id in the ledger, by which `podium tasks` finds it again.
    pub ledger_id: &'static str,
    /// 逾期 said yes.
    pub overdue_yes: &'static str,
    /// 提出于 of a task raised on no agenda item.
    pub raised_meeting: &'static str,
    /// The kind of a remark, in the remarks table.
    pub kind_task: &'static str,
    pub kind_remark: &'static str,
}

/// Everything fixed in the reports, in one language.
pub struct Report {
    pub sheets: Sheets,
    pub columns: Columns,
    /// The minutes' headings and labels: `date` is 时间, when the meeting ran (or its date).
    pub date: &'static str,
    pub venue: &'static str,
    pub host: &'static str,
    /// 出席, 列席 and 记录.
    pub attendees: &'static str,
    pub observers: &'static str,
    pub recorder: &'static str,
    pub units_heading: &'static str,
    /// The heading over an agenda that has items other than 汇报单位.
    pub agenda_heading: &'static str,
    pub tasks_heading: &'static str,
    pub no_tasks: &'static str,
    /// The heading over the tasks of no owner, last in the minutes' task list.
    pub no_owner: &'static str,
    /// The minutes' mark of an overdue task.
    pub overdue_mark: &'static str,
    /// The minutes' label of a task's latest progress.
    pub latest_progress: &'static str,
    pub ranking_published: &'static str,
    pub ranking_unpublished: &'static str,
    /// A score sheet's reviewer column and its total, in the minutes.
    pub sheet_reviewer: &'static str,
    pub sheet_total: &'static str,
    pub sheet_incomplete: &'static str,
    /// A full-width colon in Chinese, a colon and a space in English.
    pub colon: &'static str,
}

pub static ZH: Report = Report {
    sheets: Sheets {
        ranking: "排名",
        scores: "评分",
        remarks: "点评",
        timing: "计时",
        tasks: "交办",
    },
    columns: Columns {
        rank: "名次",
        unit: "单位",
        final_score: "最终得分",
        score: "得分",
        penalty: "扣分",
        excellent_share: "优秀率",
        notes: "备注",
        reviewer: "评委",
        group: "分组",
        criterion: "指标",
        grade: "等次",
        count: "票数",
        remarker: "点评人",
        kind: "类型",
        text: "内容",
        time: "时间",
        no: "序号",
        presenter: "汇报人",
        status: "状态",
        limit_s: "时限（秒）",
        talked_s: "用时（秒）",
        over_s: "超时（秒）",
        started: "开始",
        ended: "结束",
        by: "提出人",
        task: "事项",
        list: "清单",
        owner: "责任单位",
        partners: "配合单位",
        leader: "责任领导",
        due: "完成时限",
        due_text: "时限原文",
        overdue: "逾期",
        progress: "进展",
        raised_at: "提出于",
        carried_from: "接续自",
        claimed: "认领",
        ledger_id: "台账编号",
        overdue_yes: "是",
        raised_meeting: "会议",
        kind_task: "交办",
        kind_remark: "点评",
    },
    date: "时间",
    venue: "地点",
    host: "主持",
    attendees: "出席",
    observers: "列席",
    recorder: "记录",
    units_heading: "## 汇报单位\n\n",
    agenda_heading: "## 会议议程\n\n",
    tasks_heading: "## 交办事项\n\n",
    no_tasks: "无\n",
    no_owner: "未明确责任单位",
    overdue_mark: "**逾期**",
    latest_progress: "最新进展",
    ranking_published: "## 测评排名（已公布）\n\n",
    ranking_unpublished: "## 测评排名（未公布）\n\n",
    sheet_reviewer: "评委",
    sheet_total: "合计",
    sheet_incomplete: "不完整",
    colon: "：",
};

pub static EN: Report = Report {
    sheets: Sheets {
        ranking: "Ranking",
        scores: "Scores",
        remarks: "Remarks",
        timing: "Timing",
        tasks: "Tasks",
    },
    columns: Columns {
        rank: "Rank",
        unit: "Unit",
        final_score: "Final",
        score: "Score",
        penalty: "Penalty",
        excellent_share: "Excellent share",
        notes: "Notes",
        reviewer: "Reviewer",
        group: "Group",
        criterion: "Criterion",
        grade: "Grade",
        count: "Count",
        remarker: "Reviewer",
        kind: "Kind",
        text: "Text",
        time: "Time",
        no: "#",
        presenter: "Presenter",
        status: "Status",
        limit_s: "Limit (s)",
        talked_s: "Talked (s)",
        over_s: "Over (s)",
        started: "Started",
        ended: "Ended",
        by: "Assigned by",
        task: "Task",
        list: "List",
        owner: "Owner",
        partners: "Partners",
        leader: "Leader",
        due: "Due",
        due_text: "Deadline as written",
        overdue: "Overdue",
        progress: "Progress",
        raised_at: "Raised at",
        carried_from: "Carried from",
        claimed: "Claimed",
        ledger_id: "Ledger id",
        overdue_yes: "yes",
        raised_meeting: "meeting",
        kind_task: "task",
        kind_remark: "remark",
    },
    date: "Time",
    venue: "Venue",
    host: "Host",
    attendees: "Attending",
    observers: "Sitting in",
    recorder: "Minutes by",
    units_heading: "## Units\n\n",
    agenda_heading: "## Agenda\n\n",
    tasks_heading: "## Follow-up tasks\n\n",
    no_tasks: "None\n",
    no_owner: "No owner",
    overdue_mark: "**overdue**",
    latest_progress: "Latest progress",
    ranking_published: "## Ranking (published)\n\n",
    ranking_unpublished: "## Ranking (not published)\n\n",
    sheet_reviewer: "Reviewer",
    sheet_total: "Total",
    sheet_incomplete: "incomplete",
    colon: ": ",
};

/// The reports' fixed strings in `lang`.
pub fn of(lang: Lang) -> &'static Report {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The minutes: the meeting's planned and actual talking time.
pub fn meeting_times(lang: Lang, planned: &str, talked: &str) -> String {
    match lang {
        Lang::Zh => format!("- 计划用时：{planned}；实际用时：{talked}\n\n"),
        Lang::En => format!("- Planned: {planned}; talked: {talked}\n\n"),
    }
}

/// The minutes: a unit's times and state.
pub fn unit_times(
    lang: Lang,
    limit: &str,
    talk: &str,
    over: &str,
    state: &str,
    from: &str,
    to: &str,
) -> String {
    match lang {
        Lang::Zh => format!("- 计划 {limit}，实际 {talk}，超时 {over}（{state}；{from} – {to}）\n"),
        Lang::En => {
            format!("- Planned {limit}, talked {talk}, over {over} ({state}; {from} – {to})\n")
        }
    }
}

/// An export that failed: the format, the file it would have been, and why.
pub fn export_failure(lang: Lang, format: &str, file: Option<&str>, err: &str) -> String {
    match (file, lang) {
        (Some(f), Lang::Zh) => format!("{format}（{f}：{err}）"),
        (Some(f), Lang::En) => format!("{format} ({f}: {err})"),
        (None, Lang::Zh) => format!("{format}（{err}）"),
        (None, Lang::En) => format!("{format} ({err})"),
    }
}

/// The files exported.
pub fn exported(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Zh => format!("已导出：{}", names.join("、")),
        Lang::En => format!("Exported: {}", names.join(", ")),
    }
}

/// The formats not exported, and why.
pub fn not_exported(lang: Lang, failed: &[String]) -> String {
    match lang {
        Lang::Zh => format!("未能导出：{}", failed.join("；")),
        Lang::En => format!("Not exported: {}", failed.join("; ")),
    }
}

/// The parts of an export's summary, as one line.
pub fn export_summary(lang: Lang, parts: &[String]) -> String {
    parts.join(lang.pick("；", ". "))
}

/// `-o` names one of the meeting's own files.
pub fn output_is_meeting(lang: Lang, target: &str) -> String {
    match lang {
        Lang::Zh => {
            format!(
                "{target}：这是会议记录或会议方案文件，不能用报表覆盖它；请用 -o 指定另一个文件名"
            )
        }
        Lang::En => format!(
            "{target}: this is a podium session or plan (or one of its files); a report never \
             replaces it. Name another file with -o"
        ),
    }
}

/// What an agenda item is, as the minutes and the workbook name it.
pub fn kind_name(lang: Lang, kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Report => lang.pick("汇报", "report"),
        UnitKind::Speech => lang.pick("讲话", "speech"),
        UnitKind::Briefing => lang.pick("通报", "briefing"),
        UnitKind::Written => lang.pick("书面通报", "written notice"),
        UnitKind::Comments => lang.pick("集中点评", "reviewers' comments"),
    }
}

/// How many items of one kind: “汇报单位 5 个”, “讲话 2 个”; “5 units”, “2 speeches”.
pub fn kind_count(lang: Lang, kind: UnitKind, n: usize) -> String {
    if lang == Lang::Zh {
        let name = match kind {
            UnitKind::Report => "汇报单位",
            other => kind_name(lang, other),
        };
        return format!("{name} {n} 个");
    }
    let (one, many) = match kind {
        UnitKind::Report => ("unit", "units"),
        UnitKind::Speech => ("speech", "speeches"),
        UnitKind::Briefing => ("briefing", "briefings"),
        UnitKind::Written => ("written notice", "written notices"),
        UnitKind::Comments => ("round of comments", "rounds of comments"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The agenda counted by kind. An agenda of 汇报单位 only: “汇报单位 7 个” / “7 units”; any
/// other: “议程 9 项：汇报单位 5 个、讲话 2 个、书面通报 2 个” / “9 agenda items: 5 units, 2
/// speeches, 2 written notices” (kinds it does not have are left out).
pub fn agenda_counts(lang: Lang, kinds: impl IntoIterator<Item = UnitKind>) -> String {
    let mut counts = [0usize; UnitKind::ALL.len()];
    for kind in kinds {
        if let Some(i) = UnitKind::ALL.iter().position(|k| *k == kind) {
            counts[i] += 1;
        }
    }
    let total: usize = counts.iter().sum();
    if counts[0] == total {
        return kind_count(lang, UnitKind::Report, total);
    }
    let parts: Vec<String> = UnitKind::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| kind_count(lang, *k, n))
        .collect();
    match lang {
        Lang::Zh => format!("议程 {total} 项：{}", parts.join("、")),
        Lang::En => {
            let items = if total == 1 { "item" } else { "items" };
            format!("{total} agenda {items}: {}", parts.join(", "))
        }
    }
}

/// The minutes: who speaks for an item, by its kind (汇报人, 讲话人, …).
pub fn speaker_label(lang: Lang, kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Report => lang.pick("汇报人", "Presenter"),
        UnitKind::Speech => lang.pick("讲话人", "Speaker"),
        UnitKind::Briefing | UnitKind::Written => lang.pick("通报人", "From"),
        UnitKind::Comments => lang.pick("点评人", "Reviewers"),
    }
}

/// The minutes: an agenda item's heading, with its kind when it is not a 汇报单位 — unless
/// its Chinese name already ends with it (“市委书记讲话”, “集中点评”).
pub fn item_heading(lang: Lang, no: usize, name: &str, kind: UnitKind) -> String {
    let said = name.ends_with(kind_name(Lang::Zh, kind));
    match (kind, lang) {
        (UnitKind::Report, _) => format!("### {no}. {name}\n\n"),
        (_, Lang::Zh) if said => format!("### {no}. {name}\n\n"),
        (k, Lang::Zh) => format!("### {no}. {name}（{}）\n\n", kind_name(lang, k)),
        (k, Lang::En) => format!("### {no}. {name} ({})\n\n", kind_name(lang, k)),
    }
}

/// The minutes: a written item, announced and never spoken (no time of its own).
pub fn written_times(lang: Lang, state: &str) -> String {
    match lang {
        Lang::Zh => format!("- 书面（{state}）\n"),
        Lang::En => format!("- In writing ({state})\n"),
    }
}

/// The minutes: a speech's or the comments' time: elapsed time only, never overtime; the
/// soft limit when it has one.
pub fn elapsed_times(
    lang: Lang,
    soft: Option<&str>,
    talk: &str,
    state: &str,
    from: &str,
    to: &str,
) -> String {
    match (soft, lang) {
        (Some(soft), Lang::Zh) => {
            format!("- 预计 {soft}，实际 {talk}（{state}；{from} – {to}）\n")
        }
        (None, Lang::Zh) => format!("- 实际 {talk}（{state}；{from} – {to}）\n"),
        (Some(soft), Lang::En) => {
            format!("- About {soft}, took {talk} ({state}; {from} – {to})\n")
        }
        (None, Lang::En) => format!("- Took {talk} ({state}; {from} – {to})\n"),
    }
}

/// The names of 出席 or 列席, as one line of the minutes.
pub fn names_list(lang: Lang, names: &[String]) -> String {
    names.join(lang.pick("、", ", "))
}

/// `podium report --format csv` of a meeting that does not score: the CSV is the ranking.
pub fn csv_not_scored(lang: Lang) -> String {
    match lang {
        Lang::Zh => "本场会议不评分（评分方式为“不评分”），没有排名可导出为 CSV；会议纪要请用 --format md，点评、计时和交办请用 --format xlsx".into(),
        Lang::En => "This meeting does not score (its scoring mode is “none”), so there is no ranking to export as CSV; for the minutes use --format md, for remarks, timing and tasks --format xlsx".into(),
    }
}

impl Report {
    /// Every fixed string of the reports, in the order of the fields: a field added without
    /// being listed here does not compile (the tests read them all).
    pub fn all(&self) -> Vec<&'static str> {
        let Report {
            sheets:
                Sheets {
                    ranking,
                    scores,
                    remarks,
                    timing,
                    tasks,
                },
            columns:
                Columns {
                    rank,
                    unit,
                    final_score,
                    score,
                    penalty,
                    excellent_share,
                    notes,
                    reviewer,
                    group,
                    criterion,
                    grade,
                    count,
                    remarker,
                    kind,
                    text,
                    time,
                    no,
                    presenter,
                    status,
                    limit_s,
                    talked_s,
                    over_s,
                    started: col_started,
                    ended: col_ended,
                    by,
                    task,
                    list,
                    owner,
                    partners,
                    leader,
                    due,
                    due_text,
                    overdue,
                    progress,
                    raised_at,
                    carried_from,
                    claimed,
                    ledger_id,
                    overdue_yes,
                    raised_meeting,
                    kind_task,
                    kind_remark,
                },
            date,
            venue,
            host,
            attendees,
            observers,
            recorder,
            units_heading,
            agenda_heading,
            tasks_heading,
            no_tasks,
            no_owner,
            overdue_mark,
            latest_progress,
            ranking_published,
            ranking_unpublished,
            sheet_reviewer,
            sheet_total,
            sheet_incomplete,
            colon,
        } = self;
        vec![
            ranking,
            scores,
            remarks,
            timing,
            tasks,
            rank,
            unit,
            final_score,
            score,
            penalty,
            excellent_share,
            notes,
            reviewer,
            group,
            criterion,
            grade,
            count,
            remarker,
            kind,
            text,
            time,
            no,
            presenter,
            status,
            limit_s,
            talked_s,
            over_s,
            col_started,
            col_ended,
            by,
            task,
            list,
            owner,
            partners,
            leader,
            due,
            due_text,
            overdue,
            progress,
            raised_at,
            carried_from,
            claimed,
            ledger_id,
            overdue_yes,
            raised_meeting,
            kind_task,
            kind_remark,
            date,
            venue,
            host,
            attendees,
            observers,
            recorder,
            units_heading,
            agenda_heading,
            tasks_heading,
            no_tasks,
            no_owner,
            overdue_mark,
            latest_progress,
            ranking_published,
            ranking_unpublished,
            sheet_reviewer,
            sheet_total,
            sheet_incomplete,
            colon,
        ]
        .into_iter()
        .copied()
        .collect()
    }
}

/// The minutes: the meeting this one follows up (`record.previous`).
pub fn previous_meeting(lang: Lang, title: &str, date: Option<&str>) -> String {
    match (lang, date) {
        (Lang::Zh, Some(d)) => format!("上次会议：《{title}》（{d}）\n\n"),
        (Lang::Zh, None) => format!("上次会议：《{title}》\n\n"),
        (Lang::En, Some(d)) => format!("Previous meeting: “{title}” ({d})\n\n"),
        (Lang::En, None) => format!("Previous meeting: “{title}”\n\n"),
    }
}

/// A carried task's meeting of origin: in the workbook's 接续自 column (`mark` false) and
/// after the task in the minutes (`mark` true).
pub fn carried_from(lang: Lang, title: &str, date: Option<&str>, mark: bool) -> String {
    let said = match (lang, date) {
        (Lang::Zh, Some(d)) => format!("《{title}》（{d}）"),
        (Lang::Zh, None) => format!("《{title}》"),
        (Lang::En, Some(d)) => format!("“{title}” ({d})"),
        (Lang::En, None) => format!("“{title}”"),
    };
    match (lang, mark) {
        (_, false) => said,
        (Lang::Zh, true) => format!("（接续自{said}）"),
        (Lang::En, true) => format!(" (carried from {said})"),
    }
}

/// The minutes: one fact of a task (完成时限：…), and the separator between facts.
pub fn task_fact(lang: Lang, label: &str, value: &str) -> String {
    format!("{label}{}{value}", of(lang).colon)
}

/// The separator between a task's facts in the minutes.
pub fn task_facts_separator(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

/// A due date with the deadline as written beside it when it says more: “2026-06-30（6月底前）”.
pub fn due_with_text(lang: Lang, date: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{date}（{text}）"),
        Lang::En => format!("{date} ({text})"),
    }
}

/// The names of partners in one cell or line.
pub fn partners_list(lang: Lang, names: &[String]) -> String {
    names.join(lang.pick("、", ", "))
}

/// The ballots table (`scoring.ballot_groups`): its sheet's name and columns.
pub fn ballots_sheet(lang: Lang) -> &'static str {
    lang.pick("测评票", "Ballots")
}

/// 组别, 发放, 有效, 作废.
pub fn ballots_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["组别", "发放", "有效", "作废"],
        Lang::En => ["Group", "Issued", "Counted", "Voided"],
    }
}

/// The ballots table's last row: every group together.
pub fn ballots_total(lang: Lang) -> &'static str {
    lang.pick("合计", "Total")
}
