//! The ballot page's words ([F2]): what a phone shows (src/net/page.rs) and what `podium run`
//! says about the page (its flags, the address it serves at), Chinese and English side by side.

use super::Lang;

/// The `<html lang>` of the page.
pub fn html_lang(lang: Lang) -> &'static str {
    lang.pick("zh-CN", "en")
}

/// The title of the page before a code is typed (nothing of the meeting).
pub fn entry_title(lang: Lang) -> &'static str {
    lang.pick("测评", "Ballot")
}

pub fn entry_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "请输入测评票上的测评码",
        "Type the code printed on your ballot slip",
    )
}

pub fn open_button(lang: Lang) -> &'static str {
    lang.pick("打开测评票", "Open the ballot")
}

pub fn wrong_code(lang: Lang) -> &'static str {
    lang.pick(
        "测评码无效，请核对票面后重新输入",
        "This code is not valid: check the slip and type it again",
    )
}

pub fn too_many_tries(lang: Lang, wait: u64) -> String {
    match lang {
        Lang::Zh => format!("输错次数过多，请 {wait} 秒后再试"),
        Lang::En => format!("Too many wrong codes: try again in {wait} seconds"),
    }
}

/// Under the title: the ballot's group and serial.
pub fn ballot_line(lang: Lang, group: &str, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("{group}组 · 票号 {serial}"),
        Lang::En => format!("Group {group} · ballot {serial}"),
    }
}

pub fn grades_help(lang: Lang) -> &'static str {
    lang.pick(
        "请为每个单位选择一个等次；选“不评”的单位本票不评。",
        "Choose a grade for each unit; a unit marked “not scored” is left out of this ballot.",
    )
}

pub fn points_help(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("请为每个单位逐项打分（分值为 {step} 的整数倍）；整个单位留空则本票不评。")
        }
        Lang::En => format!(
            "Score each criterion of each unit (in steps of {step}); a unit left blank is not scored on this ballot."
        ),
    }
}

/// A criterion's label with its range: “工作实绩（0–40）”.
pub fn criterion_label(lang: Lang, name: &str, max: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（0–{max}）"),
        Lang::En => format!("{name} (0–{max})"),
    }
}

pub fn presenter(lang: Lang, who: &str) -> String {
    match lang {
        Lang::Zh => format!("汇报人：{who}"),
        Lang::En => format!("Presented by {who}"),
    }
}

pub fn not_scored(lang: Lang) -> &'static str {
    lang.pick("不评", "not scored")
}

pub fn prefilled(lang: Lang) -> &'static str {
    lang.pick(
        "已按这张票上次提交的内容填好，可以修改。",
        "Filled in with what this ballot last gave; change what you like.",
    )
}

pub fn next_button(lang: Lang) -> &'static str {
    lang.pick("下一步：核对", "Next: check")
}

pub fn check_title(lang: Lang) -> &'static str {
    lang.pick("请核对后确认提交", "Check, then confirm")
}

pub fn confirm_button(lang: Lang) -> &'static str {
    lang.pick("确认提交", "Confirm")
}

pub fn change_button(lang: Lang) -> &'static str {
    lang.pick("返回修改", "Change")
}

pub fn submitted(lang: Lang) -> &'static str {
    lang.pick("已提交", "Submitted")
}

pub fn submitted_unchanged(lang: Lang) -> &'static str {
    lang.pick("已提交（未改变）", "Submitted (unchanged)")
}

pub fn can_change(lang: Lang) -> &'static str {
    lang.pick(
        "投票结束前，可以用同一测评码再次打开并修改。",
        "Until voting closes you can open it again with the same code and change it.",
    )
}

pub fn saving(lang: Lang) -> &'static str {
    lang.pick(
        "正在保存，请稍后刷新查看",
        "Saving: refresh in a moment to check",
    )
}

pub fn closed(lang: Lang) -> &'static str {
    lang.pick("测评投票未开始或已结束", "Voting is not open")
}

pub fn recorded(lang: Lang) -> &'static str {
    lang.pick("这张票记录的内容：", "What this ballot recorded:")
}

pub fn nothing_recorded(lang: Lang) -> &'static str {
    lang.pick(
        "这张票没有记录任何评分。",
        "Nothing was recorded on this ballot.",
    )
}

pub fn voided(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("这张测评票（{serial}）已作废，不能再提交"),
        Lang::En => format!("This ballot ({serial}) has been voided and cannot be cast"),
    }
}

pub fn not_a_number(lang: Lang, unit: &str, criterion: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}的“{criterion}”：“{text}”不是数字"),
        Lang::En => format!("{unit}, “{criterion}”: “{text}” is not a number"),
    }
}

pub fn out_of_range(lang: Lang, unit: &str, criterion: &str, max: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}的“{criterion}”应在 0 到 {max} 之间"),
        Lang::En => format!("{unit}, “{criterion}”: give 0 to {max}"),
    }
}

pub fn off_step(lang: Lang, unit: &str, criterion: &str, step: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}的“{criterion}”应是 {step} 的整数倍"),
        Lang::En => format!("{unit}, “{criterion}”: give a multiple of {step}"),
    }
}

pub fn partly_filled(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}：请填写每一项，或整个单位留空"),
        Lang::En => format!("{unit}: fill in every criterion, or leave the whole unit blank"),
    }
}

/// A posted form that gives a unit twice.
pub fn given_twice(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}：提交的内容重复，请重新选择"),
        Lang::En => format!("{unit}: the form gave it twice; choose again"),
    }
}

pub fn unknown_unit(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("“{unit}”不是本次测评的单位，请返回重新填写"),
        Lang::En => format!("“{unit}” is not a unit of this ballot: go back and fill it in again"),
    }
}

pub fn unknown_grade(lang: Lang, unit: &str, grade: &str) -> String {
    match lang {
        Lang::Zh => format!("{unit}：“{grade}”不是可选的等次"),
        Lang::En => format!("{unit}: “{grade}” is not one of the grades"),
    }
}

pub fn empty_ballot(lang: Lang) -> &'static str {
    lang.pick("还没有给任何单位评分", "You have not scored any unit yet")
}

pub fn too_large(lang: Lang) -> &'static str {
    lang.pick("提交的内容过大", "What was sent is too large")
}

pub fn too_slow(lang: Lang) -> &'static str {
    lang.pick(
        "提交太慢，已中断，请重试",
        "What was sent came too slowly: try again",
    )
}

pub fn not_found(lang: Lang) -> &'static str {
    lang.pick("没有这个页面", "There is no such page")
}

pub fn host_gone(lang: Lang) -> &'static str {
    lang.pick(
        "主持人的电脑已停止接收，请联系会务人员",
        "The host's computer is no longer taking ballots: ask the organisers",
    )
}

pub fn back_to_start(lang: Lang) -> &'static str {
    lang.pick("重新输入测评码", "Type a code again")
}

/// `podium run`: the flags of the ballot page without `--serve`.
pub fn needs_serve(lang: Lang) -> &'static str {
    lang.pick(
        "--ballots-port、--open-voting 和 --wifi 要和 --serve 一起用",
        "--ballots-port, --open-voting and --wifi go with --serve",
    )
}

/// `podium run`: the flags of the ballot page for a plan without ballot groups.
pub fn needs_ballot_groups(lang: Lang) -> &'static str {
    lang.pick(
        "这份计划没有测评组（scoring.ballot_groups），--ballots-port、--open-voting 和 --wifi 用不上",
        "This plan has no ballot groups (scoring.ballot_groups): --ballots-port, --open-voting and --wifi do not apply",
    )
}

pub fn bad_wifi(lang: Lang) -> &'static str {
    lang.pick(
        "--wifi 应写作 名称:密码（如 --wifi 会议室:12345678；无密码的网络写 名称:）",
        "--wifi is NAME:PASSWORD (say --wifi Hall:12345678; NAME: for an open network)",
    )
}

pub fn cannot_serve_ballots(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法开放测评页面：{err}"),
        Lang::En => format!("cannot serve the ballot page: {err}"),
    }
}

/// The console's notice once the page is served.
pub fn serving(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Zh => format!("测评页面：{url}"),
        Lang::En => format!("Ballot page: {url}"),
    }
}

/// `--open-voting` refused (the results are published, say).
pub fn open_voting_refused(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("未能开始测评投票：{why}"),
        Lang::En => format!("Voting was not opened: {why}"),
    }
}

/// Between a unit's criteria in the summary: “；” / “; ”.
pub fn criteria_separator(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}
