//! Words of the console's ballots view (测评票, `Ctrl+B`): voting open or closed, the counts per
//! ballot group, the list of ballots, and its questions. No code is ever among them.

use super::{Lang, Said};

/// What the key does (the `?` help, the `F10` menu and docs/KEYS.md).
pub const BALLOTS: Said = Said::new(
    "测评票：发放、作废、开始/结束投票、收票情况",
    "Ballots: issue, void, open/close voting, counts",
);

/// The key bar's word for the view.
pub fn key_ballots(lang: Lang) -> &'static str {
    lang.pick("测评票", "ballots")
}

/// Said when the plan declares no ballot groups.
pub fn no_ballot_groups(lang: Lang) -> &'static str {
    lang.pick(
        "本次会议方案未设置测评票分组（scoring.ballot_groups），没有测评票可管理",
        "The plan declares no ballot groups (scoring.ballot_groups): there are no ballots",
    )
}

/// The view's title.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("测评票", "Ballots")
}

/// Voting open or closed, in big letters on the first line.
pub fn voting(lang: Lang, open: bool) -> &'static str {
    match (lang, open) {
        (Lang::Zh, true) => "● 测评投票进行中",
        (Lang::Zh, false) => "■ 测评投票未开放",
        (Lang::En, true) => "● VOTING IS OPEN",
        (Lang::En, false) => "■ VOTING IS CLOSED",
    }
}

/// One group's “cast/counted-of” pair in the total line.
pub struct GroupCount<'a> {
    pub name: &'a str,
    /// Cast and not voided.
    pub cast: usize,
    /// Issued and not voided.
    pub valid: usize,
}

/// “已收 45 / 62（领导 10/12 · 部门 25/30 · 乡镇 10/20）”.
pub fn total(lang: Lang, cast: usize, valid: usize, groups: &[GroupCount]) -> String {
    let parts: Vec<String> = groups
        .iter()
        .map(|g| format!("{} {}/{}", g.name, g.cast, g.valid))
        .collect();
    match lang {
        Lang::Zh => format!("已收 {cast} / {valid}（{}）", parts.join(" · ")),
        Lang::En => format!("Cast {cast} / {valid} ({})", parts.join(" · ")),
    }
}

/// The group table's columns: group, issued, cast, voided, not yet cast.
pub fn group_columns(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["分组", "已发", "已收", "作废", "未收"],
        Lang::En => ["Group", "Issued", "Cast", "Voided", "Not cast"],
    }
}

/// The ballot list's columns: serial, group, state, last cast at.
pub fn ballot_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["票号", "分组", "状态", "最后提交"],
        Lang::En => ["Serial", "Group", "State", "Last cast"],
    }
}

/// A ballot's state in the list.
pub fn state(lang: Lang, voided: bool, cast: bool) -> &'static str {
    match (lang, voided, cast) {
        (Lang::Zh, true, _) => "已作废",
        (Lang::Zh, false, true) => "已提交",
        (Lang::Zh, false, false) => "未提交",
        (Lang::En, true, _) => "voided",
        (Lang::En, false, true) => "cast",
        (Lang::En, false, false) => "not cast",
    }
}

/// No ballot issued yet.
pub fn none_issued(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("尚未发放测评票：按 {key} 发放"),
        Lang::En => format!("No ballots issued yet: press {key} to issue"),
    }
}

/// Questions.
pub fn confirm_close(lang: Lang, not_cast: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("结束测评投票？之后扫码提交的测评票将被拒收（尚有 {not_cast} 张未提交）")
        }
        Lang::En => {
            format!("Close voting? Ballots cast after this are refused ({not_cast} not cast yet)")
        }
    }
}

pub fn confirm_void(lang: Lang, serial: &str, cast: bool) -> String {
    match (lang, cast) {
        (Lang::Zh, false) => format!("作废测评票 {serial}？作废后此票不能再提交"),
        (Lang::Zh, true) => format!("作废测评票 {serial}？它已提交的评分将不再计入"),
        (Lang::En, false) => format!("Void ballot {serial}? It can no longer be cast"),
        (Lang::En, true) => format!("Void ballot {serial}? Its cast scores stop counting"),
    }
}

pub fn yes_no(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Zh => ["是 (y)", "否 (n)"],
        Lang::En => ["Yes (y)", "No (n)"],
    }
}

/// The issue form.
pub fn issue_title(lang: Lang) -> &'static str {
    lang.pick("增发测评票", "Issue more ballots")
}

pub fn issue_labels(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Zh => ["分组", "张数"],
        Lang::En => ["Group", "How many"],
    }
}

/// A count that is not a number from 1 to 9999.
pub fn bad_count(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Zh => format!("张数“{typed}”无效：请输入 1 到 9999 的整数"),
        Lang::En => format!("“{typed}” is not a number of ballots from 1 to 9999"),
    }
}

/// The new slips are written.
pub fn issued(lang: Lang, n: usize, group: &str, file: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("已增发 {group} 测评票 {n} 张，票面已保存到 {file}（内含测评码，请妥善保管）")
        }
        Lang::En => format!(
            "Issued {n} more {group} ballots; the slips are in {file} (it holds the codes: keep it safe)"
        ),
    }
}

/// The slips could not be made or written before issuing: nothing was issued.
pub fn slips_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("票面文件未能生成，未增发测评票：{why}"),
        Lang::En => format!("The slips could not be written, no ballot was issued: {why}"),
    }
}

/// The ballots were issued but their slips' file could not be put in place.
pub fn slips_lost(lang: Lang, first: &str, last: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "测评票 {first} 至 {last} 已发放，但票面文件未能保存（{why}）：请将这些票作废后重新增发"
        ),
        Lang::En => format!(
            "Ballots {first} to {last} were issued but their slips could not be saved ({why}): void them and issue again"
        ),
    }
}

/// The ballots were issued but the disk has not taken them yet: their slips stay in the
/// temporary file until they are saved.
pub fn not_saved(lang: Lang, first: &str, last: &str, temp: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "测评票 {first} 至 {last} 尚未存盘（保存失败）：票面暂存在 {temp}，存盘恢复前请勿发出；若会议中断，请作废这些票后重新增发"
        ),
        Lang::En => format!(
            "Ballots {first} to {last} are not on disk yet (saving failed): their slips wait in {temp}; do not hand them out before saving works again, and void them if the console stops"
        ),
    }
}

/// The codes could not be drawn (no random source).
pub fn draw_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法生成测评码：{why}"),
        Lang::En => format!("Could not draw ballot codes: {why}"),
    }
}

/// The name of a file of new slips (without `.docx`), the same in either language:
/// `<session>-测评票-<group>-<from>至<to>`.
pub fn file_name(stem: &str, group: &str, from: &str, to: &str) -> String {
    format!("{stem}-测评票-{group}-{from}至{to}")
}

/// Nothing selected to void.
pub fn no_ballot(lang: Lang) -> &'static str {
    lang.pick("没有选中的测评票", "No ballot selected")
}

/// The ballot is voided already.
pub fn already_voided(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("测评票 {serial} 已作废"),
        Lang::En => format!("Ballot {serial} is voided already"),
    }
}

/// Voting opened / closed / a ballot voided (notices after the command).
pub fn opened(lang: Lang) -> &'static str {
    lang.pick("测评投票已开始", "Voting is open")
}

pub fn closed(lang: Lang) -> &'static str {
    lang.pick("测评投票已结束", "Voting is closed")
}

pub fn voided(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("测评票 {serial} 已作废"),
        Lang::En => format!("Ballot {serial} voided"),
    }
}

/// Voting is open already / closed already.
pub fn already(lang: Lang, open: bool) -> &'static str {
    match (lang, open) {
        (Lang::Zh, true) => "测评投票已在进行中",
        (Lang::Zh, false) => "测评投票尚未开放",
        (Lang::En, true) => "Voting is open already",
        (Lang::En, false) => "Voting is not open",
    }
}

/// The view's key bar words.
pub fn key_open(lang: Lang) -> &'static str {
    lang.pick("开始投票", "open")
}

pub fn key_close(lang: Lang) -> &'static str {
    lang.pick("结束投票", "close")
}

pub fn key_void(lang: Lang) -> &'static str {
    lang.pick("作废", "void")
}

pub fn key_issue(lang: Lang) -> &'static str {
    lang.pick("增发", "issue")
}

pub fn key_group(lang: Lang) -> &'static str {
    lang.pick("换分组", "group")
}

pub fn key_back(lang: Lang) -> &'static str {
    lang.pick("返回", "back")
}

/// The grade tally of the score sheet with ballot groups: a row's name, group · grade.
pub fn tally_row(group: &str, grade: &str) -> String {
    format!("{group}·{grade}")
}
