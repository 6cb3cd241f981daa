//! Words for linking a meeting to the one before it (`podium run --previous`, the plan's
//! `previous`) and carrying its unfinished tasks.

use super::Lang;

/// Where the earlier meeting was named: `--previous`, or the plan's `previous` (with the
/// plan's file).
pub fn source(lang: Lang, plan: Option<&str>) -> String {
    match (lang, plan) {
        (_, None) => "--previous".to_string(),
        (Lang::Zh, Some(plan)) => format!("计划 {plan} 的 previous"),
        (Lang::En, Some(plan)) => format!("the plan {plan}'s \"previous\""),
    }
}

/// The earlier meeting's file is not there. `resolved` is where it was looked for, when that
/// differs from the path as written (a plan's `previous` is relative to the plan's folder).
pub fn missing(lang: Lang, source: &str, path: &str, resolved: Option<&str>) -> String {
    let looked = resolved.map_or(String::new(), |r| match lang {
        Lang::Zh => format!("（查找位置：{r}）"),
        Lang::En => format!(" (looked for at {r})"),
    });
    match lang {
        Lang::Zh => format!(
            "{source} 指定的上次会议记录 {path} 不存在{looked}。--previous 的路径相对于当前文件夹，计划中的 previous 相对于计划所在的文件夹；请改正路径后再试"
        ),
        Lang::En => format!(
            "{source} names {path} as the meeting before, but there is no such file{looked}. A --previous path is relative to the current folder, a plan's previous to the plan's folder; correct the path and try again"
        ),
    }
}

/// The earlier meeting's file cannot be read (permissions, a folder, not UTF-8…).
pub fn unreadable(lang: Lang, source: &str, path: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{source} 指定的上次会议记录 {path} 无法读取：{why}"),
        Lang::En => {
            format!("{source} names {path} as the meeting before, but it cannot be read: {why}")
        }
    }
}

/// The file is neither a session nor a plan.
pub fn not_session(lang: Lang, source: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{source} 指定的 {path} 不是 podium 的会议记录（*.session.json），也不是会议计划：请指定上次会议的会议记录文件"
        ),
        Lang::En => format!(
            "{source} names {path}, which is neither a podium session (*.session.json) nor a plan: name the session file of the meeting before"
        ),
    }
}

/// A plan was named, but it has no session yet.
pub fn plan_without_session(lang: Lang, source: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{source} 指定的 {path} 是会议计划，但它还没有会议记录（上次会议没有用 podium run 开过，或记录已移走）：请指定上次会议的会议记录文件"
        ),
        Lang::En => format!(
            "{source} names {path}, a plan that has no session yet (the meeting before was never run with podium run, or its session was moved): name the session file of the meeting before"
        ),
    }
}

/// The earlier session was made by a newer podium.
pub fn newer(lang: Lang, source: &str, path: &str, version: u64) -> String {
    match lang {
        Lang::Zh => format!(
            "{source} 指定的上次会议记录 {path} 由更新版本的 podium 生成（会议记录版本 {version}）：本版本无法读取，请用更新版本的 podium 开会"
        ),
        Lang::En => format!(
            "{source} names {path} as the meeting before, but it was made by a newer podium (session version {version}) that this podium cannot read: run the meeting with a newer podium"
        ),
    }
}

/// The earlier session cannot be read as a session (damaged, edited by hand, another
/// podium version's): `why` is the reason the store gives.
pub fn bad_session(lang: Lang, source: &str, path: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{source} 指定的上次会议记录 {path} 无法作为会议记录读取（文件损坏、被手工修改，或来自无法读取的 podium 版本）：{why}"
        ),
        Lang::En => format!(
            "{source} names {path} as the meeting before, but it cannot be read as a session (damaged, edited by hand, or from a podium version this one cannot read): {why}"
        ),
    }
}

/// The earlier session is the very session being created.
pub fn same_file(lang: Lang, source: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{source} 指定的上次会议记录 {path} 就是本次会议的会议记录：一次会议不能接续它自己，请指定上次会议的会议记录"
        ),
        Lang::En => format!(
            "{source} names {path} as the meeting before, but that is this meeting's own session: a meeting cannot follow itself; name the session of the meeting before"
        ),
    }
}

/// `--previous` for a session that already exists (resumed, not created).
pub fn too_late(lang: Lang, session: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "会议记录 {session} 已经存在，本次是继续开会：接续上次会议只在创建会议记录时进行，不能再接续 {path}。要开新的一次会议并接续上次会议，请用 podium run PLAN --new --previous {path}"
        ),
        Lang::En => format!(
            "The session {session} already exists and is resumed: a session is linked to the meeting before only when it is created, so it cannot now be linked to {path}. To start a new meeting linked to it: podium run PLAN --new --previous {path}"
        ),
    }
}

/// `--previous` for a session that is already linked to another meeting.
pub fn linked_elsewhere(lang: Lang, session: &str, linked: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "会议记录 {session} 已经接续上次会议 {linked}，不能再接续 {path}。要开新的一次会议并接续 {path}，请用 podium run PLAN --new --previous {path}"
        ),
        Lang::En => format!(
            "The session {session} is already linked to the meeting before, {linked}; it cannot be linked to {path} as well. To start a new meeting linked to {path}: podium run PLAN --new --previous {path}"
        ),
    }
}

/// The one line said when a new session is linked: the earlier meeting, its date, how many
/// unfinished tasks came with it, and the file used when a plan was named.
pub fn linked(
    lang: Lang,
    title: &str,
    date: Option<&str>,
    carried: usize,
    from: Option<&str>,
) -> String {
    match lang {
        Lang::Zh => {
            let date = date.map_or(String::new(), |d| format!("（{d}）"));
            let from = from.map_or(String::new(), |f| format!("（会议记录：{f}）"));
            format!("已接续上次会议《{title}》{date}：带入未办结任务 {carried} 项{from}")
        }
        Lang::En => {
            let date = date.map_or(String::new(), |d| format!(" ({d})"));
            let from = from.map_or(String::new(), |f| format!(" (session: {f})"));
            let tasks = if carried == 1 { "task" } else { "tasks" };
            format!(
                "Linked to the meeting before, “{title}”{date}: {carried} unfinished {tasks} carried{from}"
            )
        }
    }
}

/// `podium check`: the plan's prepared tasks, and in how many lists.
pub fn check_tasks(lang: Lang, tasks: usize, lists: usize) -> String {
    match lang {
        Lang::Zh if lists > 1 => format!("任务清单 {tasks} 项（{lists} 个清单）\n"),
        Lang::Zh => format!("任务清单 {tasks} 项\n"),
        Lang::En => {
            let t = if tasks == 1 { "task" } else { "tasks" };
            if lists > 1 {
                format!("{tasks} prepared {t} ({lists} lists)\n")
            } else {
                format!("{tasks} prepared {t}\n")
            }
        }
    }
}

/// `podium check`: the meeting before, found and readable.
pub fn check_previous(
    lang: Lang,
    path: &str,
    title: &str,
    date: Option<&str>,
    open: usize,
) -> String {
    match lang {
        Lang::Zh => {
            let date = date.map_or(String::new(), |d| format!("（{d}）"));
            format!("接续上次会议：{path}《{title}》{date}，未办结任务 {open} 项\n")
        }
        Lang::En => {
            let date = date.map_or(String::new(), |d| format!(" ({d})"));
            let t = if open == 1 { "task" } else { "tasks" };
            format!("follows the meeting before: {path}, “{title}”{date}, {open} unfinished {t}\n")
        }
    }
}

/// `podium check`: the results the meeting before would hand on (copied when the session is
/// made: 较上期 comes from them).
pub fn check_previous_results(lang: Lang, units: usize, published: bool) -> String {
    match lang {
        Lang::Zh => {
            let state = if published {
                "已公布"
            } else {
                "尚未公布"
            };
            format!("上次会议测评结果：{units} 个单位（{state}），用于较上期\n")
        }
        Lang::En => {
            let word = if units == 1 { "unit" } else { "units" };
            let state = if published {
                "published"
            } else {
                "not yet published"
            };
            format!(
                "results of the meeting before: {units} {word} ({state}), for the change of rank\n"
            )
        }
    }
}

/// `podium check`: a warning when the plan's `previous` cannot be carried from (`why` is
/// the sentence saying why).
pub fn check_previous_warning(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("警告：{why}；会前请改正，否则无法接续上次会议"),
        Lang::En => format!(
            "warning: {why}; correct it before the meeting, or it cannot follow the meeting before"
        ),
    }
}

/// A refusal to link, with what it left alone.
pub fn refused(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{why}。未写入任何内容"),
        Lang::En => format!("{why}. Nothing was written"),
    }
}

/// The link could not be written to the new session's journal.
pub fn not_saved(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("与上次会议的接续未能写入会议记录：{why}"),
        Lang::En => {
            format!("The link to the meeting before could not be written to the session: {why}")
        }
    }
}

/// Why the meeting before could not be read: a console kept rewriting it while it was read.
pub fn kept_changing(lang: Lang) -> String {
    lang.pick(
        "读取时文件一直在变化（会议仍在进行？请稍后再试）",
        "the file kept changing while it was read (is its meeting still running? try again shortly)",
    )
    .to_string()
}

/// Added to the link's line: how many units' results of the round before were copied.
pub fn with_results(lang: Lang, line: &str, units: usize, published: bool) -> String {
    match lang {
        Lang::Zh => {
            let state = if published {
                ""
            } else {
                "（上期结果尚未公布）"
            };
            format!("{line}；复制上期测评结果 {units} 个单位{state}")
        }
        Lang::En => {
            let state = if published {
                ""
            } else {
                " (not yet published there)"
            };
            let word = if units == 1 { "unit" } else { "units" };
            format!("{line}; the earlier results of {units} {word} copied{state}")
        }
    }
}

/// Said when a resumed session copies the round before's results again (`--previous`).
pub fn recopied(lang: Lang, title: &str, units: usize, published: bool) -> String {
    match lang {
        Lang::Zh => {
            let state = if published {
                ""
            } else {
                "（上期结果尚未公布）"
            };
            format!("已重新复制上次会议《{title}》的测评结果：{units} 个单位{state}")
        }
        Lang::En => {
            let state = if published {
                ""
            } else {
                " (not yet published there)"
            };
            let word = if units == 1 { "unit" } else { "units" };
            format!(
                "The results of the meeting before, “{title}”, copied again: {units} {word}{state}"
            )
        }
    }
}

/// Said when `--previous` names a meeting that does not score: nothing to copy.
pub fn no_results(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("上次会议《{title}》不评分，没有测评结果可复制"),
        Lang::En => format!("The meeting before, “{title}”, does not score: no results to copy"),
    }
}

/// `--previous FILE` on a resumed session when FILE is now another meeting than the one the
/// session was linked to (the file replaced): its results are not copied.
pub fn replaced(lang: Lang, path: &str, linked: &str, now: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{path} 现在是另一次会议《{now}》，不是本次会议接续的上次会议《{linked}》（文件已被替换），不复制其测评结果"
        ),
        Lang::En => format!(
            "{path} is now another meeting, “{now}”, not the meeting before this one was linked to, “{linked}” (the file was replaced): its results are not copied"
        ),
    }
}

/// Said when `--previous` resumes a session whose results are published: the round before's
/// results are not copied again (a 较上期 read out must not change under its 通报).
pub fn not_recopied_published(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "本场结果已公布，上次会议《{title}》的测评结果没有重新复制（较上期不变）；如需按上期更正后的结果重算，先在结果界面解锁评分（Ctrl+U），再用 --previous 运行一次"
        ),
        Lang::En => format!(
            "This meeting's results are published: the results of the meeting before, “{title}”, were not copied again (the rank changes stay as read out). To count from the corrected earlier results, unlock the scores in the results view (Ctrl+U), then run with --previous again"
        ),
    }
}
