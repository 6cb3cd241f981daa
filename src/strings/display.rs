//! Strings of the stage display (`podium display`), in Chinese and English side by side.

use super::Lang;
use crate::plan::UnitKind;

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

/// The heading before an item starts: a unit coming up to report (即将汇报), or another
/// agenda item (a speech, a briefing, the comments) about to begin.
pub fn up_next(lang: Lang, kind: UnitKind, unit: &str) -> String {
    let word = if kind.is_report() {
        lang.pick("即将汇报", "Up next")
    } else {
        lang.pick("即将开始", "Up next")
    };
    format!("{word}{}{unit}", colon(lang))
}

/// The line at the bottom during an item: the agenda item after this one, whatever its kind
/// (a written one marked as such).
pub fn next(lang: Lang, kind: UnitKind, unit: &str) -> String {
    let line = format!("{}{}{unit}", lang.pick("下一个", "Next"), colon(lang));
    match (kind, lang) {
        (UnitKind::Written, Lang::Zh) => format!("{line}（书面通报）"),
        (UnitKind::Written, Lang::En) => format!("{line} (written announcement)"),
        _ => line,
    }
}

/// Under a written item's title: it is not spoken, it is announced in writing (书面通报).
pub fn written(lang: Lang) -> &'static str {
    lang.pick("书面通报", "Written announcement")
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

/// The bottom row of a display on another machine that lost the host: what it shows stopped
/// being live. It reconnects, or (closed for good, `why` in both languages) it does not.
pub fn offline(lang: Lang, why: &crate::net::wire::Text, reconnecting: bool) -> String {
    match (lang, reconnecting) {
        (Lang::Zh, true) => "连接中断，正在重连；画面未更新".to_string(),
        (Lang::Zh, false) => format!("已断开（{}）；画面不再更新，按 q 退出", why.zh),
        (Lang::En, true) => "Offline: reconnecting; not live".to_string(),
        (Lang::En, false) => format!(
            "Disconnected from the host ({}); the screen is no longer updated; q quits",
            why.en
        ),
    }
}
