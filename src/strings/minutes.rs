//! Words of the minutes (会议纪要) in Markdown: the sections of a 纪要 (基本情况, 会议听取了…,
//! 点评与讲话要点, 议定事项, 测评结果, the appendices), dates written as an office writes them
//! (2026年5月30日), durations as durations (8分36秒), and the results table's columns.

use super::Lang;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// The line under the title.
pub fn subtitle(lang: Lang) -> &'static str {
    lang.pick("会议纪要", "Minutes")
}

/// The section headings, each a whole line with its blank line after.
pub fn basics_heading(lang: Lang) -> &'static str {
    lang.pick("## 一、基本情况\n\n", "## 1. Overview\n\n")
}

/// 会议听取了…: reports only, or an agenda with items of other kinds.
pub fn heard_heading(lang: Lang, reports_only: bool) -> &'static str {
    match (lang, reports_only) {
        (Lang::Zh, true) => "## 二、会议听取了以下汇报\n\n",
        (Lang::Zh, false) => "## 二、会议听取了以下汇报和议程\n\n",
        (Lang::En, true) => "## 2. Reports heard\n\n",
        (Lang::En, false) => "## 2. Reports and agenda items heard\n\n",
    }
}

pub fn remarks_heading(lang: Lang) -> &'static str {
    lang.pick(
        "## 三、点评与讲话要点\n\n",
        "## 3. Remarks and speeches\n\n",
    )
}

pub fn decisions_heading(lang: Lang) -> &'static str {
    lang.pick(
        "## 四、议定事项（交办事项）\n\n",
        "## 4. Decisions and follow-up tasks\n\n",
    )
}

pub fn results_heading(lang: Lang) -> &'static str {
    lang.pick("## 五、测评结果\n\n", "## 5. Evaluation results\n\n")
}

pub fn sheets_heading(lang: Lang) -> &'static str {
    lang.pick("## 附件：评分明细\n\n", "## Appendix: score sheets\n\n")
}

pub fn timing_heading(lang: Lang) -> &'static str {
    lang.pick("## 附件：计时\n\n", "## Appendix: timing\n\n")
}

/// Whether the results were announced in the room.
pub fn results_published(lang: Lang, published: bool) -> &'static str {
    match (lang, published) {
        (Lang::Zh, true) => "测评结果已在会上公布。\n\n",
        (Lang::Zh, false) => "测评结果未在会上公布。\n\n",
        (Lang::En, true) => "The results were announced at the meeting.\n\n",
        (Lang::En, false) => "The results were not announced at the meeting.\n\n",
    }
}

/// A date as an office writes it: 2026年5月30日; 30 May 2026.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A time of day: 9:00 in Chinese, 09:00 in English.
pub fn clock(lang: Lang, t: NaiveTime) -> String {
    match lang {
        Lang::Zh => format!("{}:{:02}", t.hour(), t.minute()),
        Lang::En => t.format("%H:%M").to_string(),
    }
}

/// A date with a time: 2026年5月30日 9:00; 30 May 2026, 09:00.
pub fn date_time(lang: Lang, d: &str, t: &str) -> String {
    match lang {
        Lang::Zh => format!("{d} {t}"),
        Lang::En => format!("{d}, {t}"),
    }
}

/// A span of time: 9:00—11:40; 09:00–11:40.
pub fn span(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Zh => format!("{from}—{to}"),
        Lang::En => format!("{from}–{to}"),
    }
}

/// A duration written as one: 8分36秒, 8分钟, 36秒, 1小时5分; 8 min 36 s, 8 min, 36 s, 1 h 5 min.
pub fn duration(lang: Lang, seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut parts: Vec<String> = Vec::new();
    match lang {
        Lang::Zh => {
            if h > 0 {
                parts.push(format!("{h}小时"));
            }
            if m > 0 {
                parts.push(if h == 0 && s == 0 {
                    format!("{m}分钟")
                } else {
                    format!("{m}分")
                });
            }
            if s > 0 || parts.is_empty() {
                parts.push(format!("{s}秒"));
            }
            parts.concat()
        }
        Lang::En => {
            if h > 0 {
                parts.push(format!("{h} h"));
            }
            if m > 0 {
                parts.push(format!("{m} min"));
            }
            if s > 0 || parts.is_empty() {
                parts.push(format!("{s} s"));
            }
            parts.join(" ")
        }
    }
}

/// A soft limit (a speech's, the comments'): 约20分钟; about 20 min.
pub fn about(lang: Lang, duration: &str) -> String {
    match lang {
        Lang::Zh => format!("约{duration}"),
        Lang::En => format!("about {duration}"),
    }
}

/// How long an item took, with its overtime: 用时 8分36秒，超时 36秒; took 8 min 36 s, 36 s over.
pub fn took(lang: Lang, talk: &str, over: Option<&str>) -> String {
    match (lang, over) {
        (Lang::Zh, Some(o)) => format!("用时 {talk}，超时 {o}"),
        (Lang::Zh, None) => format!("用时 {talk}"),
        (Lang::En, Some(o)) => format!("took {talk}, {o} over"),
        (Lang::En, None) => format!("took {talk}"),
    }
}

/// The label of a topic (题目).
pub fn topic(lang: Lang) -> &'static str {
    lang.pick("题目", "Topic")
}

/// The kind after an agenda item's name: （讲话）; (speech) — nothing for a 汇报单位, nor when
/// its Chinese name already ends with it (“市委书记讲话”, “集中点评”).
pub fn kind_suffix(lang: Lang, name: &str, kind: crate::plan::UnitKind) -> String {
    let said = name.ends_with(super::report::kind_name(Lang::Zh, kind));
    match (kind, lang) {
        (crate::plan::UnitKind::Report, _) => String::new(),
        (_, Lang::Zh) if said => String::new(),
        (k, Lang::Zh) => format!("（{}）", super::report::kind_name(lang, k)),
        (k, Lang::En) => format!(" ({})", super::report::kind_name(lang, k)),
    }
}

/// A name with a role: 梁晗鹍（常务副市长）; 梁晗鹍 (常务副市长).
pub fn with_role(lang: Lang, name: &str, role: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（{role}）"),
        Lang::En => format!("{name} ({role})"),
    }
}

/// A speaker's line over their remarks: `reviewer`: one of the plan's reviewers (点评);
/// `speech`: the presenter of a speech or a briefing (讲话).
pub fn speaker_says(lang: Lang, who: &str, reviewer: bool, speech: bool) -> String {
    match (lang, reviewer, speech) {
        (Lang::Zh, true, _) => format!("**{who}**点评指出：\n\n"),
        (Lang::Zh, false, true) => format!("**{who}**讲话指出：\n\n"),
        (Lang::Zh, false, false) => format!("**{who}**指出：\n\n"),
        (Lang::En, true, _) => format!("**{who}** remarked:\n\n"),
        (Lang::En, false, true) => format!("**{who}** said in the speech:\n\n"),
        (Lang::En, false, false) => format!("**{who}** said:\n\n"),
    }
}

/// 三、点评与讲话要点 when nobody remarked.
pub fn no_remarks(lang: Lang) -> &'static str {
    lang.pick("无。", "None.")
}

/// A remark made without a speaker's name.
pub fn unnamed(lang: Lang) -> &'static str {
    lang.pick("未署名", "Unnamed")
}

/// A remark about one agenda item: 关于市财政局：; On 市财政局: .
pub fn about_unit(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("关于{unit}："),
        Lang::En => format!("On {unit}: "),
    }
}

/// The results table's columns.
pub struct Columns {
    pub rank: &'static str,
    pub overall_rank: &'static str,
    pub unit: &'static str,
    pub score: &'static str,
    pub band: &'static str,
    pub change: &'static str,
    pub penalty: &'static str,
    pub notes: &'static str,
}

pub fn columns(lang: Lang) -> Columns {
    match lang {
        Lang::Zh => Columns {
            rank: "名次",
            overall_rank: "总排名",
            unit: "单位",
            score: "得分",
            band: "等次",
            change: "较上期",
            penalty: "扣分",
            notes: "备注",
        },
        Lang::En => Columns {
            rank: "Rank",
            overall_rank: "Overall",
            unit: "Unit",
            score: "Score",
            band: "Band",
            change: "Change",
            penalty: "Penalty",
            notes: "Notes",
        },
    }
}

/// The heading over the units of no category when others have one.
pub fn no_category(lang: Lang) -> &'static str {
    lang.pick("其他单位", "Other units")
}

/// A public note that a group's highest and lowest totals were dropped, naming no one.
pub fn trimmed(lang: Lang, group: &str) -> String {
    match (lang, group.is_empty()) {
        (Lang::Zh, true) => "去掉最高分和最低分".into(),
        (Lang::Zh, false) => format!("{group}去掉最高分和最低分"),
        (Lang::En, true) => "highest and lowest dropped".into(),
        (Lang::En, false) => format!("{group}: highest and lowest dropped"),
    }
}

/// The timing table's columns.
pub struct TimingColumns {
    pub no: &'static str,
    pub item: &'static str,
    pub planned: &'static str,
    pub took: &'static str,
    pub over: &'static str,
    pub started: &'static str,
    pub ended: &'static str,
    pub status: &'static str,
    /// The last row: the whole meeting.
    pub total: &'static str,
}

pub fn timing_columns(lang: Lang) -> TimingColumns {
    match lang {
        Lang::Zh => TimingColumns {
            no: "序号",
            item: "单位/议程",
            planned: "计划用时",
            took: "实际用时",
            over: "超时",
            started: "开始",
            ended: "结束",
            status: "状态",
            total: "合计",
        },
        Lang::En => TimingColumns {
            no: "No.",
            item: "Unit / item",
            planned: "Planned",
            took: "Took",
            over: "Over",
            started: "Started",
            ended: "Ended",
            status: "Status",
            total: "Total",
        },
    }
}

/// A unit's score sheet heading in the appendix.
pub fn sheet_heading(no: usize, unit: &str) -> String {
    format!("### {no}. {unit}\n\n")
}

/// The ballots of the meeting's 测评 (`scoring.ballot_groups`): “发放测评票 62 张，收回有效票
/// 58 张（领导 12/12，部门 28/30，乡镇 18/20），作废 2 张。” — counted / issued by group.
pub fn ballots_line(
    lang: Lang,
    issued: usize,
    cast: usize,
    voided: usize,
    groups: &[(String, usize, usize)],
) -> String {
    let by: Vec<String> = groups
        .iter()
        .map(|(g, cast, issued)| format!("{g} {cast}/{issued}"))
        .collect();
    match lang {
        Lang::Zh => {
            let mut s = format!(
                "发放测评票 {issued} 张，收回有效票 {cast} 张（{}）",
                by.join("，")
            );
            if voided > 0 {
                s.push_str(&format!("，作废 {voided} 张"));
            }
            s + "。\n\n"
        }
        Lang::En => {
            let mut s = format!(
                "{issued} ballots issued, {cast} counted ({})",
                by.join(", ")
            );
            if voided > 0 {
                s.push_str(&format!(", {voided} voided"));
            }
            s + ".\n\n"
        }
    }
}

/// The header of a unit's ballot counts by group (the appendix of score sheets).
pub fn group_column(lang: Lang) -> &'static str {
    lang.pick("组别", "Group")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_durations() {
        assert_eq!(duration(Lang::Zh, 516), "8分36秒");
        assert_eq!(duration(Lang::Zh, 480), "8分钟");
        assert_eq!(duration(Lang::Zh, 36), "36秒");
        assert_eq!(duration(Lang::Zh, 0), "0秒");
        assert_eq!(duration(Lang::Zh, 3900), "1小时5分");
        assert_eq!(duration(Lang::En, 516), "8 min 36 s");
        assert_eq!(duration(Lang::En, 3600), "1 h");
        let d = NaiveDate::from_ymd_opt(2026, 5, 30).unwrap();
        assert_eq!(date(Lang::Zh, d), "2026年5月30日");
        assert_eq!(date(Lang::En, d), "30 May 2026");
    }
}
