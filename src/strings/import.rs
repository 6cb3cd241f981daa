//! Strings of `podium import` (a plan from the office's unit list, reviewer list and
//! criteria) and of the scoring checks of `podium check`, in Chinese and English side by side.
//! The header names the import recognises are data (what people write in a sheet), kept here
//! with the messages.

use super::cli::Column;
use super::{Lang, Said};
use crate::plan::UnitKind;

/// How many rows from the top of a sheet may hold titles before the header row.
pub const HEADER_SEARCH_ROWS: usize = 20;

// The unit list.
pub const ORDER: Column = Column {
    names: &[
        "序号",
        "顺序",
        "汇报顺序",
        "编号",
        "order",
        "no",
        "no.",
        "#",
    ],
    en: "order",
    zh: "序号",
};
pub const UNIT: Column = Column {
    names: &["单位", "汇报单位", "单位名称", "unit", "name"],
    en: "unit",
    zh: "汇报单位",
};
pub const PRESENTER: Column = Column {
    names: &["汇报人", "汇报人姓名", "姓名", "presenter"],
    en: "presenter",
    zh: "汇报人",
};
pub const ROLE: Column = Column {
    names: &["职务", "职位", "汇报人职务", "role"],
    en: "role",
    zh: "职务",
};
pub const MINUTES: Column = Column {
    names: &["时长", "汇报时长", "发言时长", "时限", "minutes"],
    en: "minutes",
    zh: "时长",
};
pub const TOPIC: Column = Column {
    names: &["汇报主题", "题目", "主题", "汇报题目", "topic"],
    en: "topic",
    zh: "汇报主题",
};
pub const CATEGORY: Column = Column {
    names: &["类别", "单位类别", "分类", "category"],
    en: "category",
    zh: "类别",
};

/// What an agenda item is (汇报, 讲话, 通报, 书面, 点评); a row without it is a unit's report.
pub const KIND: Column = Column {
    names: &["类型", "议程类型", "形式", "议程形式", "汇报形式", "kind"],
    en: "kind",
    zh: "类型",
};

/// The words a sheet (or the form's kind column) may write for an agenda item's kind, as
/// people write them: the names the form shows in both languages, the plan's keys, and the
/// words meeting agendas use. Compared as `names::key`, lower case, without spaces.
pub const KIND_WORDS: &[(&str, UnitKind)] = &[
    ("汇报", UnitKind::Report),
    ("工作汇报", UnitKind::Report),
    ("交流发言", UnitKind::Report),
    ("现场汇报", UnitKind::Report),
    ("视频汇报", UnitKind::Report),
    ("口头汇报", UnitKind::Report),
    ("report", UnitKind::Report),
    ("讲话", UnitKind::Speech),
    ("领导讲话", UnitKind::Speech),
    ("speech", UnitKind::Speech),
    ("通报", UnitKind::Briefing),
    ("传达学习", UnitKind::Briefing),
    ("说明", UnitKind::Briefing),
    ("清单说明", UnitKind::Briefing),
    ("briefing", UnitKind::Briefing),
    ("书面", UnitKind::Written),
    ("书面通报", UnitKind::Written),
    ("书面交流", UnitKind::Written),
    ("书面汇报", UnitKind::Written),
    ("written", UnitKind::Written),
    ("点评", UnitKind::Comments),
    ("集中点评", UnitKind::Comments),
    ("现场点评", UnitKind::Comments),
    ("comments", UnitKind::Comments),
];

/// The kind a word names (`讲话`, `书面通报`, `Speech`), if any.
pub fn kind_of_word(text: &str) -> Option<UnitKind> {
    let form = |t: &str| -> String {
        crate::names::key(t)
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let k = form(text);
    if k.is_empty() {
        return None;
    }
    KIND_WORDS
        .iter()
        .find(|(w, _)| form(w) == k)
        .map(|(_, kind)| *kind)
}

/// An agenda item's kind as the form shows it and a sheet may write it: the console's word.
pub use super::console::kind_name;

/// The words a kind cell may hold, for a sentence refusing one.
pub fn kind_choices(lang: Lang) -> String {
    match lang {
        Lang::Zh => "汇报、讲话、通报、书面、点评（也可写 交流发言、现场汇报、传达学习、说明、清单说明、书面通报、书面汇报、集中点评、现场点评）".into(),
        Lang::En => "report, speech, briefing, written, comments (or 汇报, 讲话, 通报, 书面, 点评)".into(),
    }
}

/// A kind cell that names no kind: never taken for a report.
pub fn unknown_kind(lang: Lang, at: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：类型“{text}”无法识别；应为 {}", kind_choices(lang)),
        Lang::En => format!(
            "{at}: the kind \"{text}\" is not one podium knows; write {}",
            kind_choices(lang)
        ),
    }
}

/// The labels of the meeting's roles in a title row or a row under the table
/// (`出席：…`, `列席：…`, `记录：…`).
pub const ATTENDEE_LABELS: &[&str] = &["出席领导", "出席人员", "出席", "Attendees", "attendees"];
pub const OBSERVER_LABELS: &[&str] = &["列席人员", "列席", "Observers", "observers"];
pub const RECORDER_LABELS: &[&str] = &["记录人", "记录", "Recorder", "recorder"];
/// Other labels of a title row, where the value of a role's label ends.
pub const OTHER_LABELS: &[&str] = &["时间", "日期", "Date", "date", "Time", "time"];
/// What separates the names of `出席：` and `列席：` (never inside brackets): also a line
/// break (one a line).
pub const NAME_SEPARATORS: &[char] = &['、', '，', ',', ';', '；', '\n'];
/// Between two names kept as one (a recorder stated on two rows): Chinese, and Latin names.
pub const NAMES_JOINED_ZH: &str = "、";
pub const NAMES_JOINED_EN: &str = ", ";

/// What the rows said of the meeting's roles.
pub fn roles_read(
    lang: Lang,
    place: &str,
    attendees: &[String],
    observers: &[String],
    recorder: Option<&str>,
) -> String {
    let join = |v: &[String]| v.join(lang.pick("、", ", "));
    let mut parts = Vec::new();
    let (a, o, r) = match lang {
        Lang::Zh => ("出席", "列席", "记录"),
        Lang::En => ("attendees", "observers", "recorder"),
    };
    if !attendees.is_empty() {
        parts.push(format!("{a} {}", join(attendees)));
    }
    if !observers.is_empty() {
        parts.push(format!("{o} {}", join(observers)));
    }
    if let Some(name) = recorder {
        parts.push(format!("{r} {name}"));
    }
    match lang {
        Lang::Zh => format!("{place}：读得会议人员 {}", parts.join("；")),
        Lang::En => format!("{place}: the meeting's people read: {}", parts.join("; ")),
    }
}

// The reviewer list (a sheet named 评委).
pub const REVIEWER: Column = Column {
    names: &["姓名", "评委", "评委姓名", "name", "reviewer"],
    en: "name",
    zh: "姓名",
};
pub const REVIEWER_ROLE: Column = Column {
    names: &["职务", "职位", "role"],
    en: "role",
    zh: "职务",
};
pub const GROUP: Column = Column {
    names: &["分组", "组别", "group"],
    en: "group",
    zh: "分组",
};
pub const RECUSED: Column = Column {
    names: &["回避", "回避单位", "recused"],
    en: "recused",
    zh: "回避",
};

// The criteria (a sheet named 指标).
pub const CRITERION: Column = Column {
    names: &["指标", "评分指标", "指标名称", "criterion"],
    en: "criterion",
    zh: "指标",
};
pub const MAX: Column = Column {
    names: &["满分", "分值", "最高分", "max"],
    en: "max",
    zh: "满分",
};
pub const WEIGHTS: Column = Column {
    names: &["分组权重", "权重", "weights", "group weights"],
    en: "group weights",
    zh: "分组权重",
};

/// The sheets a workbook keeps its reviewers and its criteria in, by name.
pub const REVIEWER_SHEETS: &[&str] = &["评委", "评委名单", "reviewers"];
pub const CRITERIA_SHEETS: &[&str] = &["指标", "评分指标", "criteria"];

/// A date in a title row (`2026年9月28日`), and the labels of the venue and the host.
pub const YEAR: &str = "年";
pub const MONTH: &str = "月";
pub const DAY: &str = "日";
pub const VENUE_LABELS: &[&str] = &["会议地点", "地点", "venue"];
pub const HOST_LABELS: &[&str] = &["主持人", "主持", "host"];

/// What the title rows said of the meeting: date, start, venue, host (empty when not said).
pub fn heading_read(lang: Lang, place: &str, [date, start, venue, host]: [String; 4]) -> String {
    let parts: Vec<String> = match lang {
        Lang::Zh => [
            ("日期", date),
            ("开始", start),
            ("地点", venue),
            ("主持", host),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect(),
        Lang::En => [
            ("date", date),
            ("start", start),
            ("venue", venue),
            ("host", host),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect(),
    };
    match lang {
        Lang::Zh => format!("{place}：由标题行读得 {}", parts.join("，")),
        Lang::En => format!("{place}: read from the title rows: {}", parts.join(", ")),
    }
}

/// A row whose first words are one of these is a total, not a unit.
pub const TOTAL_WORDS: &[&str] = &["合计", "小计", "总计", "total", "subtotal"];

/// What follows a number of minutes, and of seconds (`8分钟`, `8分`, `30秒`).
pub const MINUTE_WORDS: &[&str] = &["分钟", "分", "minutes", "minute", "mins", "min", "'"];
pub const SECOND_WORDS: &[&str] = &["秒钟", "秒", "seconds", "second", "secs", "sec", "s", "\""];
/// What follows a number of hours (`1小时`, `1.5 hours`); `半小时` is half an hour.
pub const HOUR_WORDS: &[&str] = &["个小时", "小时", "hours", "hour"];
pub const HALF_HOUR: &str = "半小时";

/// What separates the units of a 回避 cell, and the groups of a 分组权重 cell.
pub const LIST_SEPARATORS: &[char] = &['、', '，', ',', ';', '；', '\n'];

pub const UNIT_LIST: Said = Said::new("单位名单", "unit list");
pub const REVIEWER_LIST: Said = Said::new("评委名单", "reviewer list");
pub const CRITERIA_LIST: Said = Said::new("指标表", "criteria sheet");

/// The header row of a sheet could not be found.
pub fn no_header(lang: Lang, place: &str, field: &Column, what: Said) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：前 {HEADER_SEARCH_ROWS} 行中没有表头行（应有“{}”列），不像{}",
            field.names.join("”或“"),
            what.zh
        ),
        Lang::En => format!(
            "{place}: no header row in the first {HEADER_SEARCH_ROWS} rows (one with a column \"{}\"): not a {}",
            field.names.join("\" or \""),
            what.en
        ),
    }
}

/// Rows above the header were read as titles.
pub fn title_rows(lang: Lang, place: &str, rows: &[(usize, String)]) -> String {
    match lang {
        Lang::Zh => {
            let list: Vec<String> = rows
                .iter()
                .map(|(r, t)| format!("第 {r} 行“{t}”"))
                .collect();
            format!("{place}：跳过表头上方的标题行（{}）", list.join("；"))
        }
        Lang::En => {
            let list: Vec<String> = rows
                .iter()
                .map(|(r, t)| format!("row {r} \"{t}\""))
                .collect();
            format!(
                "{place}: title rows above the header skipped ({})",
                list.join("; ")
            )
        }
    }
}

/// The meeting's title was taken from the sheet's title row.
pub fn title_from_sheet(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("会议标题取自表格的标题行：“{title}”（可用 --title 指定）"),
        Lang::En => {
            format!("the title is the sheet's title row, \"{title}\" (set it with --title)")
        }
    }
}

/// What kind of row was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    Blank,
    Total,
    Note,
}

/// Rows skipped, by kind: blank rows, total rows, a note under the table.
pub fn skipped_rows(lang: Lang, place: &str, kind: Skipped, rows: &[usize]) -> String {
    let list: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    let rows = if rows.len() == 1 { "row" } else { "rows" };
    match (lang, kind) {
        (Lang::Zh, Skipped::Blank) => {
            format!("{place}：跳过空行（第 {} 行）", list.join("、"))
        }
        (Lang::Zh, Skipped::Total) => {
            format!("{place}：跳过合计/小计行（第 {} 行）", list.join("、"))
        }
        (Lang::Zh, Skipped::Note) => {
            format!("{place}：跳过没有名称的说明行（第 {} 行）", list.join("、"))
        }
        (Lang::En, Skipped::Blank) => {
            format!("{place}: blank {rows} skipped ({rows} {})", list.join(", "))
        }
        (Lang::En, Skipped::Total) => {
            format!("{place}: total {rows} skipped ({rows} {})", list.join(", "))
        }
        (Lang::En, Skipped::Note) => format!(
            "{place}: note {rows} without a name skipped ({rows} {})",
            list.join(", ")
        ),
    }
}

/// A merged cell read for every row it spans.
pub fn merged_spread(lang: Lang, place: &str, range: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：合并单元格 {range}“{text}”用于其跨越的每一行"),
        Lang::En => {
            format!("{place}: the merged cells {range} \"{text}\" are read for every row they span")
        }
    }
}

/// A column the import does not use: never dropped without a word.
pub fn unused_column(lang: Lang, place: &str, letter: &str, header: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：{letter} 列“{header}”未导入（podium 不使用这一列）"),
        Lang::En => format!(
            "{place}: column {letter} \"{header}\" is not imported (podium has no use for it)"
        ),
    }
}

/// A column with values under no header.
pub fn unnamed_column(lang: Lang, place: &str, letter: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：{letter} 列有内容但没有表头，未导入"),
        Lang::En => format!("{place}: column {letter} has values but no header: not imported"),
    }
}

/// A warning's prefix.
pub fn warning(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("警告：{text}"),
        Lang::En => format!("warning: {text}"),
    }
}

/// A unit row with presenter, minutes… but no unit name.
pub fn empty_unit(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：单位名称为空（合并单元格请拆开后每行填写单位名称）"),
        Lang::En => format!(
            "{at}: the unit name is empty (unmerge merged cells and write the unit on every row)"
        ),
    }
}

/// An order cell that is not a number.
pub fn bad_order(lang: Lang, at: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：序号“{text}”不是数字"),
        Lang::En => format!("{at}: the order \"{text}\" is not a number"),
    }
}

/// A minutes cell that cannot be read.
pub fn bad_minutes(lang: Lang, at: &str, text: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{at}：时长“{text}”无法识别；请写分钟数，如 8、8分钟、6.5 或 08:00（分:秒）")
        }
        Lang::En => format!(
            "{at}: the minutes \"{text}\" are not a number: write minutes such as 8, 8分钟, 6.5 or 08:00 (mm:ss)"
        ),
    }
}

/// An Excel time cell of an hour or more, read as minutes and seconds.
pub fn time_as_minutes(lang: Lang, at: &str, shown: &str, minutes: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：单元格是时间 {shown}（Excel 把“分:秒”当作“时:分”保存），按 {minutes} 分钟导入"
        ),
        Lang::En => format!(
            "{at}: the cell is the time {shown} (Excel keeps a typed mm:ss as hh:mm), imported as {minutes} minutes"
        ),
    }
}

/// A reviewer row without a name.
pub fn empty_reviewer(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：评委姓名为空"),
        Lang::En => format!("{at}: the reviewer's name is empty"),
    }
}

/// A 回避 entry that names no unit of the list.
pub fn unknown_recused(lang: Lang, at: &str, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：回避的“{name}”不是单位名单中的单位；请写单位名单里的名称"),
        Lang::En => format!(
            "{at}: \"{name}\" to be recused from is not a unit of the unit list; write the name as the list has it"
        ),
    }
}

/// A criterion row without a name.
pub fn empty_criterion(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：指标名称为空"),
        Lang::En => format!("{at}: the criterion's name is empty"),
    }
}

/// A criterion without its maximum.
pub fn no_max(lang: Lang, at: &str, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：指标“{name}”没有满分；请在满分列填写，如 30"),
        Lang::En => {
            format!(
                "{at}: the criterion \"{name}\" has no maximum; write one in the max column, such as 30"
            )
        }
    }
}

/// A number cell (满分, a weight) that is not a positive number.
pub fn bad_number(lang: Lang, at: &str, text: &str, what: Said) -> String {
    match lang {
        Lang::Zh => format!("{at}：{}“{text}”不是正数", what.zh),
        Lang::En => format!("{at}: the {} \"{text}\" is not a positive number", what.en),
    }
}

pub const A_MAX: Said = Said::new("满分", "maximum");
pub const A_WEIGHT: Said = Said::new("权重", "weight");

/// A 分组权重 entry that is not `group weight`.
pub fn bad_weight(lang: Lang, at: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：分组权重“{text}”应写成“组名 权重”，如“领导组 60%”"),
        Lang::En => format!(
            "{at}: the group weight \"{text}\" should read \"group weight\", such as \"Leaders 60%\""
        ),
    }
}

/// A group given a weight twice.
pub fn weight_twice(lang: Lang, at: &str, group: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：分组“{group}”的权重写了两次"),
        Lang::En => format!("{at}: the group \"{group}\" has a weight twice"),
    }
}

/// A reviewer in a group the weights leave out.
pub fn group_without_weight(lang: Lang, at: &str, group: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：分组“{group}”在指标表的分组权重中没有权重；请补上"),
        Lang::En => format!(
            "{at}: the group \"{group}\" has no weight in the criteria sheet's group weights; add it"
        ),
    }
}

/// Reviewers in groups, and no group weights: one group.
pub fn groups_without_weights(lang: Lang, groups: &[&str]) -> String {
    let first = groups.first().copied().unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "评委分为 {} 组（{}），但没有分组权重，评分时按一个组计算；如需按组加权，请在指标表加“分组权重”列，如“{first} 50%”",
            groups.len(),
            groups.join("、"),
        ),
        Lang::En => format!(
            "the reviewers are in {} groups ({}) but no group has a weight, so they are scored as one group; to weight them, add a column 分组权重 to the criteria, such as \"{first} 50%\"",
            groups.len(),
            groups.join(", "),
        ),
    }
}

/// The weights do not add up to 100.
pub fn weights_not_100(lang: Lang, place: &str, total: &str) -> String {
    // Fractions (`0.5`) where percentages are meant.
    let fractions = total.parse::<f64>().is_ok_and(|t| (t - 1.0).abs() < 1e-9);
    match (lang, fractions) {
        (Lang::Zh, false) => format!("{place}：分组权重合计为 {total}，应为 100"),
        (Lang::En, false) => format!("{place}: the group weights add up to {total}, not 100"),
        (Lang::Zh, true) => format!(
            "{place}：分组权重合计为 {total}，应为 100；权重按百分数写（0.5 写作 50 或 50%）"
        ),
        (Lang::En, true) => format!(
            "{place}: the group weights add up to {total}, not 100; write them as percentages (0.5 as 50 or 50%)"
        ),
    }
}

/// A workbook named for reviewers or criteria without such a sheet.
pub fn no_such_sheet(lang: Lang, file: &str, names: &[&str], what: Said) -> String {
    match lang {
        Lang::Zh => format!(
            "{file}：没有名为“{}”的工作表，也没有唯一一个像{}的工作表",
            names.join("”或“"),
            what.zh
        ),
        Lang::En => format!(
            "{file}: no sheet named \"{}\", nor one sheet that looks like a {}",
            names.join("\" or \""),
            what.en
        ),
    }
}

/// `podium import`: what the plan holds, and where it was read from.
pub fn written(
    lang: Lang,
    file: &str,
    (units, reviewers, criteria): (usize, usize, usize),
    source: &str,
) -> String {
    match lang {
        Lang::Zh => {
            format!("{file}：{units} 个汇报单位，{reviewers} 位评委，{criteria} 项指标（{source}）")
        }
        Lang::En => {
            format!("{file}: {units} units, {reviewers} reviewers, {criteria} criteria ({source})")
        }
    }
}

/// `podium import`: what the plan holds when its agenda has items other than 汇报单位
/// (`agenda`: `strings::report::agenda_counts`, “议程 6 项：汇报单位 2 个、讲话 1 个…”).
pub fn written_agenda(
    lang: Lang,
    file: &str,
    agenda: &str,
    (reviewers, criteria): (usize, usize),
    source: &str,
) -> String {
    match (lang, reviewers + criteria) {
        (Lang::Zh, 0) => format!("{file}：{agenda}（{source}）"),
        (Lang::En, 0) => format!("{file}: {agenda} ({source})"),
        (Lang::Zh, _) => {
            format!("{file}：{agenda}；{reviewers} 位评委，{criteria} 项指标（{source}）")
        }
        (Lang::En, _) => {
            format!("{file}: {agenda}; {reviewers} reviewers, {criteria} criteria ({source})")
        }
    }
}

/// A file and what of it was read: `units.xlsx（XLSX，工作表“评委”）`.
pub fn file_source(lang: Lang, file: &str, source: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}（{source}）"),
        Lang::En => format!("{file} ({source})"),
    }
}

/// `podium import` to the standard output: what was read.
pub fn read_from(lang: Lang, what: Said, source: &str) -> String {
    match lang {
        Lang::Zh => format!("{}读取自 {source}", what.zh),
        Lang::En => format!("{} read from {source}", what.en),
    }
}

/// `podium check`: a scoring that cannot work, and what to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoringGap {
    /// Points mode and no reviewer to give them.
    NoReviewers,
    /// A declared group no reviewer is in.
    EmptyGroup(String),
    /// Groups are declared and a reviewer is in none of them (their scores count in the
    /// first group): the reviewer, the first group.
    Ungrouped(String, String),
    /// Every reviewer must stay out of a unit's scoring: nobody can score it.
    AllRecused(String),
}

pub fn scoring_gap(lang: Lang, gap: &ScoringGap) -> String {
    match (lang, gap) {
        (Lang::Zh, ScoringGap::NoReviewers) => "警告：按打分方式评分，但计划中没有评委；请在 \"reviewers\" 中添加评委（或在导入的表格中加一个“评委”工作表：姓名、职务、分组、回避）".to_string(),
        (Lang::En, ScoringGap::NoReviewers) => "warning: scoring is by points but the plan has no reviewers; add them under \"reviewers\" (or a sheet named 评委 with 姓名, 职务, 分组, 回避 to the imported workbook)".to_string(),
        (Lang::Zh, ScoringGap::EmptyGroup(g)) => format!("警告：分组“{g}”没有评委，它的权重无从计算；请给评委写上 \"group\": \"{g}\"，或删去这个分组"),
        (Lang::En, ScoringGap::EmptyGroup(g)) => format!("warning: the group \"{g}\" has no reviewers, so its weight counts nothing; give reviewers \"group\": \"{g}\", or remove the group"),
        (Lang::Zh, ScoringGap::Ungrouped(r, g)) => format!("警告：评委“{r}”不在任何分组中，其评分计入第一个分组“{g}”；请给他写上 \"group\""),
        (Lang::En, ScoringGap::Ungrouped(r, g)) => format!("warning: the reviewer \"{r}\" is in no group, so their scores count in the first group, \"{g}\"; give them a \"group\""),
        (Lang::Zh, ScoringGap::AllRecused(u)) => format!("警告：所有评委都回避“{u}”，没有人能给它评分；请调整 \"recused\""),
        (Lang::En, ScoringGap::AllRecused(u)) => format!("warning: every reviewer is recused from \"{u}\", so nobody can score it; change \"recused\""),
    }
}

/// Why a file could not be written (`podium import -o`, `podium plan`), in the user's
/// language: a folder that does not exist is named as such, not as "no such file".
pub fn write_reason(lang: Lang, path: &std::path::Path, err: &std::io::Error) -> String {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if err.kind() == std::io::ErrorKind::NotFound
        && let Some(dir) = parent.filter(|p| !p.is_dir())
    {
        let dir = dir.display();
        return match lang {
            Lang::Zh => format!("文件夹 {dir} 不存在，请先建好它或换一个路径"),
            Lang::En => {
                format!("the folder {dir} does not exist; make it first or choose another path")
            }
        };
    }
    if err.kind() == std::io::ErrorKind::PermissionDenied {
        return lang.pick("没有写入权限", "permission denied").to_string();
    }
    crate::strings::console::io_reason(lang, err)
}

/// A plan file that could not be written (`podium import -o`).
pub fn cannot_write(lang: Lang, path: &str, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("无法写入 {path}：{reason}"),
        Lang::En => format!("cannot write {path}: {reason}"),
    }
}

/// A workbook with the reviewers' or the criteria's sheets and no unit list.
pub fn only_other_sheets(lang: Lang, file: &str, sheets: &[String]) -> String {
    let names = sheets.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!(
            "{file}：只有工作表 {names}，没有汇报单位名单；请加一个工作表，表头有“汇报单位”列"
        ),
        Lang::En => format!(
            "{file}: only the sheets {names}, no unit list; add a sheet with a column \"汇报单位\" (unit)"
        ),
    }
}

/// A header of two rows, read as one.
pub fn two_header_rows(lang: Lang, place: &str, first: usize, second: usize) -> String {
    match lang {
        Lang::Zh => format!("{place}：第 {first}、{second} 行合起来作为表头"),
        Lang::En => format!("{place}: rows {first} and {second} read together as the header"),
    }
}

/// A cell beyond the columns a podium table may use (a stray cell far to the right).
pub fn outside_table(lang: Lang, place: &str, row: usize, col: &str, max: u32) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：第 {row} 行 {col} 列的单元格超出了 podium 表格的范围（最多 {max} 列）；请删去表格右侧多余的内容"
        ),
        Lang::En => format!(
            "{place}: a cell at row {row}, column {col} is outside a podium table (at most {max} columns); delete what is far to the right of the table"
        ),
    }
}

/// A cell holding an Excel error value (`#N/A`) where a name or a number was expected.
pub fn excel_error(lang: Lang, at: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：单元格是 Excel 的错误值 {value}（公式没有算出结果，如 VLOOKUP 没找到）；请改正公式或直接填写内容"
        ),
        Lang::En => format!(
            "{at}: the cell holds the Excel error {value} (a formula that failed, such as a VLOOKUP that found nothing); fix the formula or type the value"
        ),
    }
}

/// A formula cell the workbook holds no result for (written by a program, never saved in
/// Excel or WPS).
pub fn unsaved_formula(lang: Lang, at: &str, formula: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：单元格是公式 {formula}，文件中没有保存它的结果（文件由程序生成，未在 Excel/WPS 中保存过）；请用 Excel 或 WPS 打开并保存一次，或直接填写内容"
        ),
        Lang::En => format!(
            "{at}: the cell is the formula {formula} and the file holds no result for it (a program wrote the file; it was never saved in Excel or WPS); open and save it in Excel or WPS, or type the value"
        ),
    }
}

/// What a date cell is not, in the sentence refusing it (`cli::date_cell`).
pub const A_UNIT_NAME: Said = Said::new("单位名称", "unit name");
pub const A_REVIEWER_NAME: Said = Said::new("评委姓名", "reviewer's name");
