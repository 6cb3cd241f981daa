//! Words of the Word/WPS documents: 会议纪要, 通报, 督办清单, and the fonts they name.

use super::Lang;

/// The fonts of a document after GB/T 9704: the title's, the body's, the level-1 and
/// level-2 headings' (East Asian names), each with the font Word or WPS substitutes when it
/// is missing (`w:altName` in the font table).
pub struct Fonts {
    pub title: &'static str,
    pub body: &'static str,
    pub heading1: &'static str,
    pub heading2: &'static str,
    /// The Latin font of every run (ASCII and hAnsi).
    pub latin: &'static str,
    /// The Latin font of headings.
    pub latin_heading: &'static str,
}

pub fn fonts(lang: Lang) -> Fonts {
    match lang {
        Lang::Zh => Fonts {
            title: "方正小标宋简体",
            body: "仿宋_GB2312",
            heading1: "黑体",
            heading2: "楷体_GB2312",
            latin: "Times New Roman",
            latin_heading: "Times New Roman",
        },
        Lang::En => Fonts {
            title: "Times New Roman",
            body: "Times New Roman",
            heading1: "Arial",
            heading2: "Times New Roman",
            latin: "Times New Roman",
            latin_heading: "Arial",
        },
    }
}

/// Every East Asian font a document may name, with the font an office's Word or WPS
/// substitutes for it (`w:altName`) and its family.
pub const FONT_TABLE: &[(&str, &str, &str)] = &[
    ("仿宋_GB2312", "仿宋", "modern"),
    ("方正小标宋简体", "宋体", "script"),
    ("楷体_GB2312", "楷体", "modern"),
    ("黑体", "SimHei", "modern"),
    ("仿宋", "FangSong", "modern"),
    ("宋体", "SimSun", "auto"),
    ("楷体", "KaiTi", "modern"),
];

/// The page number in the footer: — 1 — (the number itself is a PAGE field).
pub fn page_number_sides() -> (&'static str, &'static str) {
    ("— ", " —")
}

/// The title of the notice: 关于《…》测评结果的通报.
pub fn notice_title(lang: Lang, meeting: &str) -> String {
    match lang {
        Lang::Zh => format!("关于《{meeting}》测评结果的通报"),
        Lang::En => format!("Notice of the evaluation results of {meeting}"),
    }
}

/// How the units were scored, for the notice's opening.
pub enum HowScored<'a> {
    /// Points by criteria: names with their maximum, and the full mark.
    Points(&'a [(String, String)], String),
    /// Ballots of grades.
    Grades(&'a [String]),
}

/// The notice's opening paragraph.
pub fn notice_opening(
    lang: Lang,
    date: Option<&str>,
    meeting: &str,
    units: usize,
    how: HowScored,
) -> String {
    match lang {
        Lang::Zh => {
            let when = date.map_or_else(String::new, |d| format!("{d}，"));
            let how = match how {
                HowScored::Points(criteria, total) => {
                    let items: Vec<String> = criteria
                        .iter()
                        .map(|(n, m)| format!("{n}（{m}分）"))
                        .collect();
                    if items.is_empty() {
                        format!("由评委现场评分，满分{total}分")
                    } else {
                        format!("由评委按{}现场评分，满分{total}分", items.join("、"))
                    }
                }
                HowScored::Grades(grades) => {
                    format!("由评委按{}等次现场投票", grades.join("、"))
                }
            };
            format!("{when}《{meeting}》听取了{units}个单位的汇报，{how}。现将测评结果通报如下。")
        }
        Lang::En => {
            let when = date.map_or_else(String::new, |d| format!("On {d}, "));
            let how = match how {
                HowScored::Points(criteria, total) => {
                    let items: Vec<String> = criteria
                        .iter()
                        .map(|(n, m)| format!("{n} ({m} points)"))
                        .collect();
                    if items.is_empty() {
                        format!("scored by the reviewers out of {total} points")
                    } else {
                        format!(
                            "scored by the reviewers on {}, out of {total} points",
                            items.join(", ")
                        )
                    }
                }
                HowScored::Grades(grades) => {
                    format!("graded by the reviewers' ballots ({})", grades.join(", "))
                }
            };
            let head = if when.is_empty() {
                format!("{meeting} heard the reports of {units} units, {how}.")
            } else {
                format!("{when}{meeting} heard the reports of {units} units, {how}.")
            };
            format!("{head} The results are as follows.")
        }
    }
}

/// A category's heading in the notice: （一）街道 — numbered from 0.
pub fn notice_category(lang: Lang, index: usize, name: &str) -> String {
    const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match lang {
        Lang::Zh => match NUMERALS.get(index) {
            Some(n) => format!("（{n}）{name}"),
            None => format!("（{}）{name}", index + 1),
        },
        Lang::En => format!("({}) {name}", index + 1),
    }
}

/// The notice's table columns: 名次, 单位, 得分, 等次, 较上期.
pub struct NoticeColumns {
    pub rank: &'static str,
    pub unit: &'static str,
    pub score: &'static str,
    pub band: &'static str,
    pub change: &'static str,
}

pub fn notice_columns(lang: Lang) -> NoticeColumns {
    match lang {
        Lang::Zh => NoticeColumns {
            rank: "名次",
            unit: "单位",
            score: "得分",
            band: "等次",
            change: "较上期",
        },
        Lang::En => NoticeColumns {
            rank: "Rank",
            unit: "Unit",
            score: "Score",
            band: "Band",
            change: "Change",
        },
    }
}

/// The notice's closing line.
pub fn notice_closing(lang: Lang) -> &'static str {
    lang.pick("特此通报。", "This notice is hereby issued.")
}

/// The notice when nothing was scored.
pub fn notice_no_results(lang: Lang) -> &'static str {
    lang.pick(
        "本次会议尚无测评结果。",
        "The meeting has no evaluation results yet.",
    )
}

/// The title of the task list: 《…》督办清单.
pub fn tasks_title(lang: Lang, meeting: &str) -> String {
    match lang {
        Lang::Zh => format!("《{meeting}》督办清单"),
        Lang::En => format!("Follow-up tasks of {meeting}"),
    }
}

/// The heading of the tasks that belong to no list.
pub fn no_list(lang: Lang) -> &'static str {
    lang.pick("其他事项", "Other tasks")
}

/// The task list's columns: 序号, 事项, 责任单位, 配合单位, 责任领导, 完成时限, 状态, 进展.
pub fn task_columns(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "序号",
            "事项",
            "责任单位",
            "配合单位",
            "责任领导",
            "完成时限",
            "状态",
            "进展",
        ],
        Lang::En => [
            "No.", "Task", "Owner", "Partners", "Leader", "Due", "Status", "Progress",
        ],
    }
}

/// The task list with no task.
pub fn no_tasks(lang: Lang) -> &'static str {
    lang.pick(
        "本次会议无督办事项。",
        "The meeting has no follow-up tasks.",
    )
}

/// The separator of partner units in a cell.
pub fn list_separator(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}

/// A Word document that could not be made.
pub fn failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法生成 Word 文档：{why}"),
        Lang::En => format!("Could not make the Word document: {why}"),
    }
}

/// What joins a list item run into the paragraph before it (a remark after its speaker's
/// line, a task's facts after the task): nothing after a full stop or a colon, else a
/// semicolon.
pub fn run_in(lang: Lang, before: &str) -> &'static str {
    let ends = before.trim_end().chars().last();
    let closed = ends.is_some_and(|c| "。！？；：…”）.!?;:)".contains(c));
    match (lang, closed) {
        (Lang::Zh, true) => "",
        (Lang::Zh, false) => "；",
        (Lang::En, true) => " ",
        (Lang::En, false) => "; ",
    }
}

/// `--doc notice` for a meeting that does not score: there are no results to make known.
pub fn notice_not_scored(lang: Lang) -> String {
    lang.pick(
        "本场会议不评分（评分方式为“不评分”），没有测评结果可通报；会议纪要请用 --doc minutes，督办清单请用 --doc tasks",
        "This meeting does not score (its scoring mode is “none”): there are no results for a notice; for the minutes use --doc minutes, for the task list --doc tasks",
    )
    .into()
}
