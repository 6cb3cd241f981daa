//! Strings of the stage display (`podium display`), in Chinese and English side by side.

use super::Lang;

/// Shown when the meeting is over.
pub fn meeting_ended(lang: Lang) -> &'static str {
    lang.pick("会议结束", "The meeting has ended")
}

/// Shown before the first talk.
pub fn please_wait(lang: Lang) -> &'static str {
    lang.pick("请稍候", "Please wait")
}

fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// The heading before a talk starts: the unit coming up.
pub fn up_next(lang: Lang, unit: &str) -> String {
    format!("{}{}{unit}", lang.pick("即将汇报", "Up next"), colon(lang))
}

/// The line at the bottom during a talk: the unit after this one.
pub fn next(lang: Lang, unit: &str) -> String {
    format!("{}{}{unit}", lang.pick("下一个", "Next"), colon(lang))
}

/// The words under the digits before the talk: its time limit.
pub fn limit(lang: Lang, clock: &str) -> String {
    format!("{} {clock}", lang.pick("时限", "Limit"))
}

/// The heading of the results reveal.
pub fn results_title(lang: Lang, meeting: &str) -> String {
    format!("{} · {meeting}", lang.pick("测评结果", "Results"))
}

/// A revealed place's rank, with a tie: "第6名（并列）", "#6 (tied)".
pub fn rank(lang: Lang, rank: &str, tied: bool) -> String {
    let tie = match (tied, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（并列）",
        (true, Lang::En) => " (tied)",
    };
    match lang {
        Lang::Zh => format!("第{rank}名{tie}"),
        Lang::En => format!("#{rank}{tie}"),
    }
}

/// The headers of the results' columns: place, unit, final score.
pub fn results_headers(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["名次", "单位", "得分"],
        Lang::En => ["Place", "Unit", "Score"],
    }
}

/// Under the results: what a mark next to a score means (the score was computed without
/// these declared groups of reviewers).
pub fn lacks_groups(lang: Lang, mark: &str, groups: &[String]) -> String {
    match lang {
        Lang::Zh => format!("{mark} 缺少 {} 评分", groups.join("、")),
        Lang::En => format!("{mark} without the scores of {}", groups.join(", ")),
    }
}
