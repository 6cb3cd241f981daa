//! Words of the printed score sheets (`podium sheets`), and of reading them back.

use super::Lang;

/// What the sheets are: “评分表”, or “测评票” for a grades ballot.
pub fn sheet_word(lang: Lang, ballot: bool) -> &'static str {
    match ballot {
        false => lang.pick("评分表", "Score sheet"),
        true => lang.pick("测评票", "Ballot"),
    }
}

/// The labels the importer reads a sheet's reviewer or group from (either language, either
/// colon): the cell “评委：王明”.
pub const REVIEWER_LABELS: &[&str] = &["评委", "reviewer"];
pub const GROUP_LABELS: &[&str] = &["组别", "group"];

/// “评委：王明”.
pub fn reviewer_cell(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("评委：{name}"),
        Lang::En => format!("Reviewer: {name}"),
    }
}

/// “组别：领导”.
pub fn group_cell(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Zh => format!("组别：{group}"),
        Lang::En => format!("Group: {group}"),
    }
}

/// “评分表（领导）第 3 张 / 共 12 张”.
pub fn numbered(lang: Lang, ballot: bool, group: &str, n: usize, of: usize) -> String {
    let what = sheet_word(lang, ballot);
    match lang {
        Lang::Zh => format!("{what}（{group}）第 {n} 张 / 共 {of} 张"),
        Lang::En => format!("{what} ({group}) {n} of {of}"),
    }
}

/// The meeting's date on the sheet.
pub fn date_cell(lang: Lang, day: &str) -> String {
    match lang {
        Lang::Zh => format!("会议日期：{day}"),
        Lang::En => format!("Date of the meeting: {day}"),
    }
}

pub fn col_no(lang: Lang) -> &'static str {
    lang.pick("序号", "No.")
}
pub fn col_unit(lang: Lang) -> &'static str {
    lang.pick("单位", "Unit")
}
pub fn col_total(lang: Lang) -> &'static str {
    lang.pick("合计", "Total")
}
/// Headers of a total column the importer passes over.
pub const TOTAL_NAMES: &[&str] = &["合计", "小计", "total"];

/// “工作实绩（40分）”.
pub fn criterion_head(lang: Lang, name: &str, max: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（{max}分）"),
        Lang::En => format!("{name} ({max} pts)"),
    }
}

/// The cell of a unit the reviewer is recused from (read back as not scored).
pub fn recused(lang: Lang) -> &'static str {
    lang.pick("回避", "Recused")
}
pub const RECUSED_NAMES: &[&str] = &["回避", "recused"];

/// The box to tick on a ballot.
pub const BOX: &str = "□";

pub fn ballot_instruction(lang: Lang) -> &'static str {
    lang.pick(
        "请在每个单位的一个等次下的 □ 内打 √，每个单位只选一个等次。",
        "Tick one box (□) per unit: one grade for each unit.",
    )
}

pub fn signature(lang: Lang, anonymous: bool) -> &'static str {
    match anonymous {
        false => lang.pick(
            "评委签名：________________　　日期：________________",
            "Signature: ________________    Date: ________________",
        ),
        true => lang.pick("日期：________________", "Date: ________________"),
    }
}

/// The written file, said on the standard output.
pub fn written(lang: Lang, file: &str, sheets: usize) -> String {
    match lang {
        Lang::Zh => format!("已写入 {file}（{sheets} 张）"),
        Lang::En => format!("Wrote {file} ({sheets} sheets)"),
    }
}

pub fn not_scored(lang: Lang) -> String {
    lang.pick(
        "本次会议不评分（scoring.mode 为 none），没有评分表",
        "this meeting does not score (scoring.mode is none): it has no score sheets",
    )
    .into()
}

pub fn no_reviewers(lang: Lang) -> String {
    lang.pick(
        "计划中没有评委：写明评委（reviewers），或用 --group 组别=张数 打印不记名评分表",
        "the plan names no reviewers: add them (reviewers), or print unnamed sheets with --group NAME=N",
    )
    .into()
}

pub fn bad_group(lang: Lang, arg: &str, max: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("--group “{arg}”：应写作 组别=张数（如 --group 领导=12），张数为 1 到 {max}")
        }
        Lang::En => format!(
            "--group \"{arg}\": write it as NAME=N (for example --group 领导=12), N from 1 to {max}"
        ),
    }
}

pub fn bad_extension(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}：评分表写成 .xlsx 或 .docx 文件"),
        Lang::En => format!("{file}: score sheets are written as an .xlsx or .docx file"),
    }
}

pub fn exists(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("{file} 已存在，未覆盖：请换一个文件名，或先移走它"),
        Lang::En => {
            format!("{file} exists and was not replaced: name another file, or move it first")
        }
    }
}

/// The default file name's tail: `plan-评分表.xlsx`.
pub fn file_tail(lang: Lang) -> &'static str {
    lang.pick("评分表", "score-sheets")
}

// Reading the sheets back (`podium scores`).

/// A sheet with a table but no “评委：” cell above it.
pub fn no_reviewer_cell(lang: Lang, place: &str, header_row: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：第 {header_row} 行表头之上没有“评委：姓名”单元格，不知道是哪位评委的评分表"
        ),
        Lang::En => format!(
            "{place}: no \"Reviewer: name\" cell above the header in row {header_row}: whose sheet it is cannot be told"
        ),
    }
}

pub fn empty_reviewer(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：“评委：”之后没有姓名"),
        Lang::En => format!("{at}: no name after \"Reviewer:\""),
    }
}

pub fn reviewer_twice(lang: Lang, reviewer: &str, first: &str, second: &str) -> String {
    match lang {
        Lang::Zh => format!("评委“{reviewer}”有两张评分表：{first} 和 {second}"),
        Lang::En => format!("reviewer \"{reviewer}\" has two sheets: {first} and {second}"),
    }
}

pub fn unknown_column(lang: Lang, at: &str, head: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：表头“{head}”不是本次会议的评分指标（也不是序号、单位、合计）"),
        Lang::En => format!(
            "{at}: the header \"{head}\" is not one of the meeting's criteria (nor No., Unit, Total)"
        ),
    }
}

pub fn no_criteria_columns(lang: Lang, place: &str, row: usize) -> String {
    match lang {
        Lang::Zh => format!("{place}：第 {row} 行表头没有本次会议的评分指标"),
        Lang::En => format!("{place}: the header in row {row} has none of the meeting's criteria"),
    }
}

/// A grades ballot typed into podium as it is: counted by hand first.
pub fn ballot_not_imported(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place} 是测评票：先按单位统计各等次票数，再按长表（单位、等次、票数）录入导入"
        ),
        Lang::En => format!(
            "{place} is a ballot: count the ticks per unit and grade, then import the tally (unit, grade, count)"
        ),
    }
}

/// The sheets read, as the import's summary names them: “王明、李华”.
pub fn sheet_list(lang: Lang, names: &[String]) -> String {
    names.join(lang.pick("、", ", "))
}

/// `--group NAME=N` given twice for one group.
pub fn group_twice(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Zh => format!("--group 重复给出了“{group}”：每组只写一次（如 --group {group}=12）"),
        Lang::En => {
            format!("--group names “{group}” twice: give each group once (--group {group}=12)")
        }
    }
}

/// A 合计 typed on a row whose criteria are blank.
pub fn total_only(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：只填了合计，没有各项得分；评分按指标导入，请把各项得分录入对应的列（合计不导入）"
        ),
        Lang::En => format!(
            "{at}: a total without the criteria's scores; scores are imported by criterion: type each criterion's score in its column (the total is not imported)"
        ),
    }
}

/// 回避 written where the plan does not recuse the reviewer from the unit.
pub fn not_recused(lang: Lang, at: &str, reviewer: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：计划中“{reviewer}”对这个单位没有回避；请填写得分，或先在计划的 recused 中写明回避"
        ),
        Lang::En => format!(
            "{at}: the plan does not recuse “{reviewer}” from this unit; type the score, or name the unit in the reviewer's recused list in the plan first"
        ),
    }
}

// Ballot groups (`scoring.ballot_groups`).

/// The column of a tally that says its ballot group.
pub const GROUP_COLUMN: super::cli::Column = super::cli::Column {
    names: &["组别", "分组", "group", "ballot group"],
    en: "group",
    zh: "组别",
};

/// `--group NAME=N` naming no ballot group of the plan.
pub fn not_a_ballot_group(lang: Lang, group: &str, groups: &[String]) -> String {
    let list = groups.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!("--group “{group}”不是计划的测评组别（ballot_groups：{list}）"),
        Lang::En => {
            format!(
                "--group \"{group}\" is not one of the plan's ballot groups (ballot_groups: {list})"
            )
        }
    }
}

/// A ballot group with no `ballots` count and no `--group NAME=N`.
pub fn ballots_count_needed(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "测评组别“{group}”没有写张数：在计划的 ballot_groups 中写明 ballots，或用 --group {group}=张数"
        ),
        Lang::En => format!(
            "the ballot group \"{group}\" has no number of ballots: give its ballots in the plan's ballot_groups, or --group {group}=N"
        ),
    }
}

/// A cell or `--group` naming no ballot group, on import.
pub fn unknown_ballot_group(lang: Lang, at: &str, group: &str, groups: &[String]) -> String {
    let list = groups.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!("{at}：“{group}”不是本次会议的测评组别（{list}）"),
        Lang::En => format!("{at}: \"{group}\" is not one of the meeting's ballot groups ({list})"),
    }
}

/// A tally row without its group, in a meeting with ballot groups.
pub fn group_needed(lang: Lang, at: &str, groups: &[String]) -> String {
    let list = groups.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!(
            "{at}：本次会议按测评组别（{list}）计票，这一行没有组别：加一列“组别”，或用 --group 组别 说明整个文件的组别"
        ),
        Lang::En => format!(
            "{at}: the meeting counts ballots by group ({list}) and this row has none: add a 组别 (group) column, or give the whole file's group with --group NAME"
        ),
    }
}

/// A group given both by the file and `--group`, differently.
pub fn group_differs(lang: Lang, at: &str, cell: &str, given: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}：文件中的组别“{cell}”与 --group “{given}”不一致"),
        Lang::En => format!("{at}: the file's group \"{cell}\" differs from --group \"{given}\""),
    }
}

/// `--group` given for a meeting without ballot groups.
pub fn no_ballot_groups(lang: Lang) -> String {
    lang.pick(
        "--group：计划没有测评组别（scoring.ballot_groups），导入时不需要组别",
        "--group: the plan has no ballot groups (scoring.ballot_groups); an import takes no group",
    )
    .into()
}

/// An unnamed sheet in a meeting without ballot groups.
pub fn unnamed_without_groups(lang: Lang, at: &str, group: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{at}：这是不记名评分表（组别“{group}”），但计划没有测评组别（scoring.ballot_groups）；请在计划中声明组别，或按长表（单位、评委、指标、得分）录入"
        ),
        Lang::En => format!(
            "{at}: this is an unnamed sheet (group \"{group}\") but the plan has no ballot groups (scoring.ballot_groups): declare them in the plan, or type the sheet up in the long format (unit, reviewer, criterion, score)"
        ),
    }
}

/// A unit row of an unnamed sheet with some criteria blank: a ballot scores a unit whole.
pub fn row_incomplete(lang: Lang, at: &str, criterion: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{at}：“{criterion}”未填；不记名评分表的一个单位要么各项都填，要么都不填")
        }
        Lang::En => format!(
            "{at}: \"{criterion}\" is blank; an unnamed sheet scores a unit on every criterion or on none"
        ),
    }
}

/// The number of ballots an import records, in its summary.
pub fn ballots_read(lang: Lang, sheets: usize, blank: usize) -> String {
    match (lang, blank) {
        (Lang::Zh, 0) => format!("{sheets} 张不记名评分表，每张记为一张新的测评票"),
        (Lang::Zh, b) => {
            format!("{sheets} 张不记名评分表，每张记为一张新的测评票（{b} 张空白未计）")
        }
        (Lang::En, 0) => format!("{sheets} unnamed sheets, each recorded as a new ballot"),
        (Lang::En, b) => {
            format!(
                "{sheets} unnamed sheets, each recorded as a new ballot ({b} blank ones not counted)"
            )
        }
    }
}

/// A workbook with both reviewers' sheets and unnamed sheets: one import is one or the other.
pub fn mixed_sheets(lang: Lang, named: &str, unnamed: &str) -> String {
    match lang {
        Lang::Zh => format!("{named} 是评委的评分表，{unnamed} 是不记名评分表：请分两个文件导入"),
        Lang::En => format!(
            "{named} is a reviewer's sheet and {unnamed} an unnamed one: import them as two files"
        ),
    }
}

/// `--group` on reviewers' scores (the long format), which belong to no ballot group.
pub fn group_not_used(lang: Lang, place: &str, group: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place} 是评委的评分（单位、评委、指标、得分），不属于测评组别：去掉 --group “{group}”"
        ),
        Lang::En => format!(
            "{place} holds reviewers' scores (unit, reviewer, criterion, score), which belong to no ballot group: leave out --group \"{group}\""
        ),
    }
}
