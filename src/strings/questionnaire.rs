//! Strings of [F1]'s questionnaire import (`src/import/questionnaire.rs`).

use super::Lang;

/// Service columns a questionnaire export adds, passed over (compared by `names::key`,
/// case ignored).
pub const META_HEADERS: &[&str] = &[
    "序号",
    "编号",
    "答卷编号",
    "答卷序号",
    "提交序号",
    "id",
    "提交时间",
    "提交答卷时间",
    "开始时间",
    "开始答题时间",
    "结束时间",
    "答题时间",
    "所用时间",
    "答题时长",
    "填写时间",
    "填写时长",
    "更新时间",
    "修改时间",
    "ip",
    "ip地址",
    "ip属地",
    "来源",
    "来源渠道",
    "来源详情",
    "填写设备",
    "设备",
    "浏览器",
    "操作系统",
    "用户id",
    "用户",
    "用户名",
    "昵称",
    "微信昵称",
    "填写人",
    "提交人",
    "填写者",
    "地理位置",
    "省份",
    "城市",
    "状态",
    "答卷状态",
    "总分",
    "no",
    "#",
    "submitted",
    "submission time",
    "start time",
    "end time",
    "time taken",
    "ip address",
    "source",
    "device",
    "browser",
    "user id",
    "nickname",
];

/// The headers of the respondent's group.
pub const GROUP_HEADERS: &[&str] = &[
    "分组",
    "身份",
    "类别",
    "组别",
    "人员类别",
    "测评组别",
    "评议组别",
    "您的身份",
    "您的类别",
    "group",
];

/// `问卷.xlsx[Sheet1]：第 5 行第 C 列（“湟中区”）`.
pub fn at(lang: Lang, place: &str, row: usize, col: &str, head: &str) -> String {
    match lang {
        Lang::Zh if head.is_empty() => format!("{place}：第 {row} 行第 {col} 列"),
        Lang::Zh => format!("{place}：第 {row} 行第 {col} 列（“{head}”）"),
        Lang::En if head.is_empty() => format!("{place}: row {row}, column {col}"),
        Lang::En => format!("{place}: row {row}, column {col} (“{head}”)"),
    }
}

/// `问卷.xlsx：第 5 行`.
pub fn at_row(lang: Lang, place: &str, row: usize) -> String {
    match lang {
        Lang::Zh => format!("{place}：第 {row} 行"),
        Lang::En => format!("{place}: row {row}"),
    }
}

pub fn unknown_column(lang: Lang, head: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "列标题“{head}”既不是汇报单位（或“单位-指标”），也不是分组列或问卷平台的说明列；请改成单位名称，或删去这一列"
        ),
        Lang::En => format!(
            "the header “{head}” is neither a reported unit (or “unit-criterion”), nor the group column, nor a column the questionnaire service adds; name a unit or delete the column"
        ),
    }
}

pub fn empty_header(lang: Lang) -> String {
    match lang {
        Lang::Zh => "这一列有内容但没有列标题；请写上单位名称，或删去这一列".into(),
        Lang::En => "the column holds answers but has no header; name a unit or delete it".into(),
    }
}

pub fn needs_criterion(lang: Lang, unit: &str, criteria: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "“{unit}”有多个指标（{}），列标题要写明指标，如“{unit}-{}”",
            criteria.join("、"),
            criteria.first().map_or("", String::as_str)
        ),
        Lang::En => format!(
            "“{unit}” is scored on several criteria ({}); the header must name one, as “{unit}-{}”",
            criteria.join(", "),
            criteria.first().map_or("", String::as_str)
        ),
    }
}

pub fn same_column(lang: Lang, first: &str) -> String {
    match lang {
        Lang::Zh => format!("与第 {first} 列是同一项评分；每项只能有一列"),
        Lang::En => format!("scores the same as column {first}; one column per score"),
    }
}

pub fn two_group_columns(lang: Lang, first: &str) -> String {
    match lang {
        Lang::Zh => format!("第 {first} 列已是分组列；只能有一个分组列"),
        Lang::En => format!("column {first} is already the group column; there can be only one"),
    }
}

pub fn no_ballot_groups(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：这是一份问卷（每行一位答卷人），但计划没有测评组（scoring.ballot_groups）；问卷的答卷只能作为各组的测评票导入，请先在计划中写明测评组及其权重"
        ),
        Lang::En => format!(
            "{place}: this is a questionnaire (one respondent a row), but the plan has no ballot groups (scoring.ballot_groups); respondents are imported as ballots of their groups: declare the groups and their weights in the plan first"
        ),
    }
}

pub fn no_group(lang: Lang, place: &str, groups: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：不知道答卷人属于哪个测评组：表中没有“分组”（或“身份”“类别”）列，也没有给出 --group（测评组：{}）",
            groups.join("、")
        ),
        Lang::En => format!(
            "{place}: which ballot group the respondents belong to is not said: no “分组” (or “身份”, “类别”) column, and no --group (the groups: {})",
            groups.join(", ")
        ),
    }
}

pub fn unknown_group(lang: Lang, value: &str, groups: &[String]) -> String {
    match lang {
        Lang::Zh => format!("“{value}”不是计划中的测评组（{}）", groups.join("、")),
        Lang::En => format!(
            "“{value}” is not one of the plan's ballot groups ({})",
            groups.join(", ")
        ),
    }
}

pub fn empty_group(lang: Lang) -> String {
    match lang {
        Lang::Zh => "分组为空：答卷人属于哪个测评组？".into(),
        Lang::En => "the group is empty: which ballot group is the respondent in?".into(),
    }
}

pub fn bad_option_group(lang: Lang, value: &str, groups: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "--group “{value}”不是计划中的测评组（{}）",
            groups.join("、")
        ),
        Lang::En => format!(
            "--group “{value}” is not one of the plan's ballot groups ({})",
            groups.join(", ")
        ),
    }
}

pub fn group_disagrees(lang: Lang, cell: &str, option: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "分组“{cell}”与 --group “{option}”不符；请去掉 --group（按分组列导入），或只导入该组的答卷"
        ),
        Lang::En => format!(
            "the group “{cell}” is not --group “{option}”; leave --group out (the column says each respondent's group), or import only that group's rows"
        ),
    }
}

pub fn unknown_grade(lang: Lang, value: &str, grades: &[String]) -> String {
    match lang {
        Lang::Zh => format!("“{value}”不是计划中的等次（{}）", grades.join("、")),
        Lang::En => format!(
            "“{value}” is not one of the plan's grades ({})",
            grades.join(", ")
        ),
    }
}

pub fn ambiguous_grade(lang: Lang, value: &str, grades: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("“{value}”可能是等次 {}；请写明", grades.join("、")),
        Lang::En => format!(
            "“{value}” could be the grade {}; write which",
            grades.join(" or ")
        ),
    }
}

pub fn half_filled(lang: Lang, unit: &str, given: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "“{unit}”的这一指标没有评分，而同一答卷给了它 {given} 列的分数；一个单位要么每个指标都评，要么都不评"
        ),
        Lang::En => format!(
            "this criterion of “{unit}” is not scored, though the respondent scored column {given}; score every criterion of a unit or none"
        ),
    }
}

pub fn nothing_scored(lang: Lang) -> String {
    match lang {
        Lang::Zh => "这位答卷人没有给任何单位评分；如是无效答卷，请删去这一行".into(),
        Lang::En => {
            "this respondent scored no unit; if the response is void, delete the row".into()
        }
    }
}

pub fn no_respondents(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：问卷没有答卷行"),
        Lang::En => format!("{place}: the questionnaire has no respondent rows"),
    }
}

pub fn two_sheets(lang: Lang, file: &str, a: &str, b: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}：工作表“{a}”和“{b}”都像问卷导出表；请只留下要导入的一张"),
        Lang::En => format!(
            "{file}: the sheets “{a}” and “{b}” both look like questionnaire exports; keep only the one to import"
        ),
    }
}

/// `serials`: the ballots issued with the same answers, by group (`领导-001 至 领导-012`).
pub fn imported_before(lang: Lang, place: &str, serials: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：这份问卷的答卷已经导入过（测评票 {serials}）；再导入会重复计票。如确需重新导入，请先作废这些测评票"
        ),
        Lang::En => format!(
            "{place}: these answers were imported before (ballots {serials}); importing them again would count them twice. To import them again, void those ballots first"
        ),
    }
}

/// Respondents of a later export imported before: passed over.
pub fn skipped(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("；另有 {n} 份答卷此前已导入，未重复计票"),
        Lang::En => format!("; {n} answers were imported before and are not counted again"),
    }
}

/// `领导-001 至 领导-012`, or one serial.
pub fn serial_range(lang: Lang, first: &str, last: &str) -> String {
    if first == last {
        return first.to_string();
    }
    match lang {
        Lang::Zh => format!("{first} 至 {last}"),
        Lang::En => format!("{first} to {last}"),
    }
}

/// One group's part of the summary: `领导 12 张（领导-001 至 领导-012）`.
pub fn group_part(lang: Lang, group: &str, n: usize, range: &str) -> String {
    match lang {
        Lang::Zh => format!("{group} {n} 张（{range}）"),
        Lang::En => format!("{group} {n} ({range})"),
    }
}

/// `问卷.xlsx（XLSX，工作表“答卷”）：新增 60 张测评票：领导 12 张（…）；…`: anonymous
/// ballots an import added (a questionnaire's respondents, unnamed paper ballots).
pub fn summary(lang: Lang, file: &str, source: &str, total: usize, parts: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "{file}（{source}）：新增 {total} 张测评票：{}",
            parts.join("；")
        ),
        Lang::En => {
            let s = if total == 1 { "" } else { "s" };
            format!(
                "{file} ({source}): {total} new ballot{s}: {}",
                parts.join("; ")
            )
        }
    }
}

pub fn missing_criterion(lang: Lang, unit: &str, criterion: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "“{unit}”没有“{criterion}”一列；一个单位的每个指标都要有一列（如“{unit}-{criterion}”）"
        ),
        Lang::En => format!(
            "“{unit}” has no column for “{criterion}”; every criterion of a unit needs its column (as “{unit}-{criterion}”)"
        ),
    }
}

/// A message at its place: “第 3 行第 C 列：…” / “row 3, column C: …”.
pub fn located(lang: Lang, place: &str, what: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：{what}"),
        Lang::En => format!("{place}: {what}"),
    }
}

/// Between the items of a list: “、” / “, ”.
pub fn list_separator(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}
