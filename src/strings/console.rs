//! Strings of the console, in Chinese and English side by side: fixed texts are functions
//! returning `&'static str`, texts with values are functions returning `String`.

use super::Lang;
use crate::decimal::plain;
use crate::plan::{ScoringMode, UnitKind};
use crate::scoring::{Rules, UnitResult};
use crate::session::Status;

/// A note-taker's command saved on the laptop while the host is not reachable.
pub fn saved_offline(lang: Lang) -> &'static str {
    lang.pick(
        "未连接主持人：已保存在本机，连接恢复后自动发送",
        "Not connected: saved on this laptop, sent when the host is back",
    )
}

/// The header's label for the end of a meeting that has ended (in place of "projected end").
pub fn ended_at(lang: Lang) -> &'static str {
    lang.pick("结束于", "Ended")
}

/// Saving works again after a failure.
pub fn saved_again(lang: Lang) -> &'static str {
    lang.pick(
        "已重新保存，所有内容都在磁盘上",
        "Saved again: everything is on disk",
    )
}

/// The files written by an export.
pub fn exported(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Zh => format!("已导出：{}", names.join("、")),
        Lang::En => format!("Exported: {}", names.join(", ")),
    }
}

/// A second score file given while the first is still being read.
pub fn still_reading(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("还在读取 {path}，请稍候再导入"),
        Lang::En => format!("Still reading {path}: import again once it is done"),
    }
}

/// A score file being read.
pub fn reading(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("正在读取 {path} …"),
        Lang::En => format!("Reading {path}…"),
    }
}

/// A score file whose reader ended without a result.
pub fn damaged_file(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：文件已损坏，无法读取"),
        Lang::En => format!("{path}: the file is damaged and cannot be read"),
    }
}

/// After the first error of a refused score file: how many there were.
pub fn import_errors(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("（共 {n} 处错误，未导入任何分数）"),
        Lang::En => format!(" ({n} errors; nothing was imported)"),
    }
}

/// A score file imported.
pub fn imported(lang: Lang, summary: &str) -> String {
    match lang {
        Lang::Zh => format!("已导入 {summary}"),
        Lang::En => format!("Imported {summary}"),
    }
}

/// A note-taker disconnected by the host.
pub fn disconnected(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已断开 {name}"),
        Lang::En => format!("{name} was disconnected"),
    }
}

/// A new join code, hidden while the screen is private.
pub fn new_code_hidden(lang: Lang) -> &'static str {
    lang.pick(
        "已生成新的加入码（隐私模式下不显示；按 p 显示）",
        "A new join code was made (hidden in private mode; p shows it)",
    )
}

/// A new join code.
pub fn new_code(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Zh => format!("新的加入码：{code}（已连接的人不受影响）"),
        Lang::En => format!("New join code: {code} (who is connected stays connected)"),
    }
}

/// Note-takers may (or may no longer) enter scores.
pub fn note_scores(lang: Lang, on: bool) -> &'static str {
    match on {
        true => lang.pick("记录员现在可以录入评分", "Note-takers may now enter scores"),
        false => lang.pick(
            "已停止记录员录入评分",
            "Note-takers may no longer enter scores",
        ),
    }
}

/// The label of the unlock form's one field.
pub fn unlock_reason(lang: Lang) -> &'static str {
    lang.pick("解锁原因", "Reason")
}

/// The label of the score import form's one field.
pub fn score_file(lang: Lang) -> &'static str {
    lang.pick("评分文件（CSV/XLSX）", "Score file (CSV/XLSX)")
}

/// The label of the stage message form's one field.
pub fn stage_message(lang: Lang) -> &'static str {
    lang.pick("提示（留空则撤下）", "Message (empty takes it down)")
}

/// Remarks, tasks and scores hidden on this screen (`key` shows them again), or shown again.
pub fn privacy(lang: Lang, private: bool, key: &str) -> String {
    match (lang, private) {
        (Lang::Zh, true) => format!("点评、交办和评分已在本屏隐藏（再按 {key} 显示）"),
        (Lang::Zh, false) => "点评、交办和评分已重新显示".to_string(),
        (Lang::En, true) => {
            format!("Remarks, tasks and scores are hidden on this screen ({key} shows them)")
        }
        (Lang::En, false) => "Remarks, tasks and scores are shown again".to_string(),
    }
}

/// The connection list asked for where there is none: a meeting not served, or a note-taker.
pub fn no_connections(lang: Lang, note_taker: bool) -> &'static str {
    match note_taker {
        false => lang.pick(
            "本场会议没有开放联网：用 podium run 文件 --serve 启动",
            "This meeting is not served: start it with podium run FILE --serve",
        ),
        true => lang.pick(
            "连接列表只在主持人的电脑上",
            "The connection list is on the host's laptop",
        ),
    }
}

/// The title of the unlock form.
pub fn unlock_title(lang: Lang) -> &'static str {
    lang.pick(
        "解锁评分（原因会记入会议记录）",
        "Unlock the scores (the reason is recorded)",
    )
}

/// The title of the stage message form, with the message shown now.
pub fn stage_title(lang: Lang, current: Option<&str>) -> String {
    match (lang, current) {
        (Lang::Zh, Some(m)) => format!("大屏提示（当前：{m}）"),
        (Lang::Zh, None) => "大屏提示".to_string(),
        (Lang::En, Some(m)) => format!("Stage message (now: {m})"),
        (Lang::En, None) => "Stage message".to_string(),
    }
}

/// The title of the score import form.
pub fn import_title(lang: Lang) -> &'static str {
    lang.pick("导入评分文件", "Import a score file")
}

/// Asks before disconnecting a note-taker.
pub fn confirm_disconnect(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("断开 {name} 的连接？（对方需要重新加入）"),
        Lang::En => format!("Disconnect {name}? (they will have to join again)"),
    }
}

/// Asks before deleting a remark (`preview`: its beginning).
pub fn confirm_delete_remark(lang: Lang, preview: &str) -> String {
    match lang {
        Lang::Zh => format!("删除点评“{preview}”？"),
        Lang::En => format!("Delete the remark \"{preview}\"?"),
    }
}

/// Asks before skipping a unit, or restoring a skipped one.
pub fn confirm_skip(lang: Lang, unit: &str, skipped: bool) -> String {
    match (lang, skipped) {
        (Lang::Zh, true) => format!("恢复{unit}？"),
        (Lang::Zh, false) => format!("跳过{unit}？"),
        (Lang::En, true) => format!("Restore {unit}?"),
        (Lang::En, false) => format!("Skip {unit}?"),
    }
}

/// Asks before making another agenda item the current one; `report` is whether it is a unit's
/// talk (a speech is not a 汇报单位).
pub fn confirm_set_current(lang: Lang, unit: &str, report: bool) -> String {
    match (lang, report) {
        (Lang::Zh, true) => format!("将{unit}设为当前汇报单位？"),
        (Lang::Zh, false) => format!("将{unit}设为当前议程？"),
        (Lang::En, true) => format!("Make {unit} the current unit?"),
        (Lang::En, false) => format!("Make {unit} the current item?"),
    }
}

/// Asks before publishing the results.
pub fn confirm_publish(lang: Lang) -> &'static str {
    lang.pick(
        "公布结果？公布后评分锁定，修改需解锁并说明原因。",
        "Publish the results? Scores lock; changing them needs an unlock with a reason.",
    )
}

/// The key bar of the connection list: disconnect, a new code, score entry.
pub fn connection_keys(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["断开", "新加入码", "评分录入"],
        Lang::En => ["disconnect", "new code", "score entry"],
    }
}

/// Before a note-taker's remark the host has not confirmed yet.
pub fn waiting_mark(lang: Lang) -> &'static str {
    lang.pick("⏳待确认 ", "⏳waiting ")
}

/// The host's join details on the status line.
pub fn serving(lang: Lang, code: &str, addr: &str, joined: usize) -> String {
    match lang {
        Lang::Zh => format!(" 加入码 {code} · {addr} · 已连接 {joined}（c）·"),
        Lang::En => format!(" Join code {code} · {addr} · {joined} joined (c) ·"),
    }
}

/// A note-taker's status line: how many commands wait for the host (empty when none).
pub fn waiting_for_host(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Zh, n) => format!(" · 待主持人确认 {n} 条"),
        (Lang::En, n) => format!(" · {n} waiting for the host"),
    }
}

/// A note-taker's status line while connected (`wait`: `waiting_for_host`).
pub fn note_taker_online(lang: Lang, name: &str, addr: &str, wait: &str) -> String {
    match lang {
        Lang::Zh => format!(" 记录员 {name} · 已连接主持人 {addr}{wait}"),
        Lang::En => format!(" Note-taker {name} · connected to the host at {addr}{wait}"),
    }
}

/// A note-taker's status line while not connected.
pub fn note_taker_offline(lang: Lang, name: &str, addr: &str, wait: &str) -> String {
    match lang {
        Lang::Zh => format!(" 记录员 {name} · 未连接主持人 {addr}，正在重试{wait}"),
        Lang::En => format!(" Note-taker {name} · not connected to {addr}, retrying{wait}"),
    }
}

/// The title of the connection list.
pub fn connections_title(lang: Lang) -> &'static str {
    lang.pick("联网 · 记录员连接", "Network · note-takers")
}

/// Lines about the other modes, after the action list of the help.
pub fn help_notes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Zh => &[
            "↑↓ 选择行 · Tab 在议程和点评之间切换 · Esc 关闭任何窗口",
            "F10 或 Ctrl+K：全部操作菜单（不需要记字母）",
            "输入时：Enter 保存 · Esc 取消 · Ctrl+J 换行 · Tab 切换点评人 · Ctrl+R 搜索点评人",
            "新点评：PgUp/PgDn 改到上一个/下一个单位（或会议总体）",
            "确认时：y 是 · n / Esc 否 · ←→ 选择 · Enter 执行所选",
        ],
        Lang::En => &[
            "↑↓ select a row · Tab switch agenda / remarks · Esc closes any view",
            "F10 or Ctrl+K: a menu of every action (no letters to remember)",
            "Typing: Enter saves · Esc cancels · Ctrl+J new line · Tab next reviewer · Ctrl+R find reviewer",
            "A new remark: PgUp/PgDn moves it to the previous / next unit (or the whole meeting)",
            "Confirming: y yes · n / Esc no · ←→ choose · Enter takes the highlighted answer",
        ],
    }
}

/// The title of the score sheet.
pub fn sheet_title(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("评分表 · {unit}"),
        Lang::En => format!("Score sheet · {unit}"),
    }
}

/// Column heads and marks of the score sheet.
pub struct SheetWords {
    pub reviewer: &'static str,
    pub total: &'static str,
    pub ballots: &'static str,
    pub add: &'static str,
    pub recused: &'static str,
    pub partial: &'static str,
}

pub fn sheet_words(lang: Lang) -> SheetWords {
    match lang {
        Lang::Zh => SheetWords {
            reviewer: "评委",
            total: "合计",
            ballots: "票数",
            add: "加票",
            recused: "回避",
            partial: "不完整",
        },
        Lang::En => SheetWords {
            reviewer: "Reviewer",
            total: "Total",
            ballots: "Ballots",
            add: "Add",
            recused: "recused",
            partial: "partial",
        },
    }
}

/// Who has not scored the unit yet.
pub fn not_scored(lang: Lang, missing: &[String]) -> String {
    match lang {
        Lang::Zh => format!("未评：{}", missing.join("、")),
        Lang::En => format!("not scored yet: {}", missing.join(", ")),
    }
}

/// The unit's rank as the scores stand.
pub fn rank_now(lang: Lang, rank: usize) -> String {
    match lang {
        Lang::Zh => format!("当前名次：{rank}"),
        Lang::En => format!("rank now: {rank}"),
    }
}

/// The title of the results view.
pub fn results_title(lang: Lang, published: bool) -> &'static str {
    match published {
        true => lang.pick(
            "结果（已公布，评分已锁定）",
            "Results (published, scores locked)",
        ),
        false => lang.pick("结果（实时，未公布）", "Results (live, not published)"),
    }
}

/// The head of the ranking table, before the group columns.
pub fn ranking_head(lang: Lang) -> &'static str {
    lang.pick(
        "名次 单位              最终    得分   扣分",
        "Rank Unit              Final   Score  Pen.",
    )
}

/// The head of the ranking table's last column.
pub fn ranking_notes(lang: Lang) -> &'static str {
    lang.pick("  备注", "  Notes")
}

/// Between the flags of a unit.
pub fn flag_separator(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

/// A value of the rules' scale, or a dash when there is none.
pub fn shown(rules: &Rules, v: Option<i64>) -> String {
    v.map_or_else(|| "—".into(), |v| rules.show(v))
}

/// The lines that explain one unit's result, in the host's language.
pub fn explain(lang: Lang, rules: &Rules, r: &UnitResult) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    // Exact values are in ten-thousandths: shown with four decimals.
    let four = |x: crate::ratio::Ratio| crate::decimal::format_scaled(x.round(0), 4, 4);
    match rules.mode {
        ScoringMode::Points => {
            for (gi, g) in r.groups.iter().enumerate() {
                let name = if g.name.is_empty() {
                    if zh {
                        "全体".to_string()
                    } else {
                        "all".to_string()
                    }
                } else {
                    g.name.clone()
                };
                let totals: Vec<String> = r
                    .totals
                    .iter()
                    .filter(|(who, _)| rules.reviewer_group.get(who).copied().unwrap_or(0) == gi)
                    .map(|(who, t)| format!("{who} {}", plain(*t)))
                    .collect();
                if g.n == 0 {
                    out.push(if zh {
                        format!("{name}：无完整评分，不计入")
                    } else {
                        format!("{name}: no complete sheet, left out")
                    });
                    continue;
                }
                out.push(if zh {
                    format!("{name}（{}）：{}", g.n, totals.join("、"))
                } else {
                    format!("{name} ({}): {}", g.n, totals.join(", "))
                });
                if g.trimmed {
                    out.push(if zh {
                        format!(
                            "  去掉最高 {}，最低 {}",
                            g.dropped_high.join("、"),
                            g.dropped_low.join("、")
                        )
                    } else {
                        format!(
                            "  dropped highest {}, lowest {}",
                            g.dropped_high.join(", "),
                            g.dropped_low.join(", ")
                        )
                    });
                } else if rules.trim > 0 {
                    out.push(if zh {
                        format!("  不足 {} 份，不去分", rules.trim_min)
                    } else {
                        format!("  fewer than {}, not trimmed", rules.trim_min)
                    });
                }
                if let Some(s) = g.score {
                    out.push(if zh {
                        format!("  平均 {}", four(s))
                    } else {
                        format!("  mean {}", four(s))
                    });
                }
            }
            if let Some(score) = r.score {
                let parts: Vec<String> = r
                    .groups
                    .iter()
                    .zip(&rules.groups)
                    .filter_map(|(g, rule)| {
                        g.score
                            .map(|s| format!("{}×{}", plain(rule.weight), four(s)))
                    })
                    .collect();
                let weights: i64 = r
                    .groups
                    .iter()
                    .zip(&rules.groups)
                    .filter(|(g, _)| g.score.is_some())
                    .map(|(_, rule)| rule.weight)
                    .sum();
                if rules.groups.len() > 1 {
                    out.push(format!(
                        "({}) ÷ {} = {}",
                        parts.join(" + "),
                        plain(weights),
                        four(score)
                    ));
                }
                out.push(if zh {
                    format!(
                        "四舍五入到 {} 位：{}",
                        rules.decimals,
                        shown(rules, r.score_rounded)
                    )
                } else {
                    format!(
                        "rounded to {} decimals: {}",
                        rules.decimals,
                        shown(rules, r.score_rounded)
                    )
                });
            }
        }
        ScoringMode::Grades | ScoringMode::None => {
            let counts: Vec<String> = rules
                .grades
                .iter()
                .zip(&r.grade_counts)
                .map(|(g, c)| format!("{} {c}", g.name))
                .collect();
            out.push(counts.join(if zh { "、" } else { ", " }));
            if let Some(score) = r.score {
                out.push(format!("Σ = {}", four(score)));
            }
        }
    }
    if let Some(o) = &rules.overtime
        && r.overtime_seconds > 0
    {
        out.push(if zh {
            format!(
                "超时 {} 秒（宽限 {} 秒，每 {} 秒扣 {} 分，最多 {} 分）：扣 {}",
                r.overtime_seconds,
                o.grace,
                o.every,
                plain(o.points),
                plain(o.max),
                plain(r.overtime_penalty)
            )
        } else {
            format!(
                "over by {} s (grace {} s, {} per {} s, at most {}): −{}",
                r.overtime_seconds,
                o.grace,
                plain(o.points),
                o.every,
                plain(o.max),
                plain(r.overtime_penalty)
            )
        });
    }
    if r.undertime_penalty > 0 {
        out.push(if zh {
            format!("用时不足：扣 {}", plain(r.undertime_penalty))
        } else {
            format!("too short: −{}", plain(r.undertime_penalty))
        });
    }
    match (r.score_rounded, r.final_score) {
        (Some(s), Some(f)) => out.push(if zh {
            format!(
                "最终得分 {} − {} = {}",
                rules.show(s),
                plain(r.penalty()),
                rules.show(f)
            )
        } else {
            format!(
                "final {} − {} = {}",
                rules.show(s),
                plain(r.penalty()),
                rules.show(f)
            )
        }),
        _ => out.push(if zh {
            "缺评：无得分、不排名".into()
        } else {
            "no scores: no final, no rank".into()
        }),
    }
    if !r.incomplete.is_empty() {
        out.push(if zh {
            format!("评分不完整（未计入）：{}", r.incomplete.join("、"))
        } else {
            format!("incomplete sheets (left out): {}", r.incomplete.join(", "))
        });
    }
    out
}

/// A few words for a unit's flags in the ranking table (the explanation says it in full).
pub fn short_notes(lang: Lang, r: &UnitResult) -> String {
    let zh = lang == Lang::Zh;
    let mut notes = Vec::new();
    if r.score.is_none() {
        notes.push(if zh { "缺评" } else { "no scores" });
    } else {
        if r.groups.iter().any(|g| g.n == 0) && r.groups.len() > 1 {
            notes.push(if zh { "缺组" } else { "group missing" });
        }
        if r.trim_setting {
            // Whether the highest and lowest were dropped: in every group, in some, in none.
            let scored: Vec<_> = r.groups.iter().filter(|g| g.n > 0).collect();
            let trimmed = scored.iter().filter(|g| g.trimmed).count();
            notes.push(match (trimmed, zh) {
                (0, true) => "未去分",
                (0, false) => "not trimmed",
                (t, true) if t == scored.len() => "已去分",
                (t, false) if t == scored.len() => "trimmed",
                (_, true) => "部分组去分",
                (_, false) => "partly trimmed",
            });
        }
    }
    if !r.incomplete.is_empty() {
        notes.push(if zh { "不完整" } else { "incomplete" });
    }
    if r.spread_flag {
        notes.push(if zh { "分歧大" } else { "spread" });
    }
    notes.join(" ")
}

/// The join code and the addresses, at the top of the connection list.
pub fn join_line(lang: Lang, code: &str, addrs: &str) -> String {
    match lang {
        Lang::Zh => format!("加入码 {code}    地址 {addrs}"),
        Lang::En => format!("Join code {code}    at {addrs}"),
    }
}

/// How a note-taker joins.
pub fn join_hint(lang: Lang, addr: &str) -> String {
    match lang {
        Lang::Zh => format!("记录员：podium join {addr} --name 姓名"),
        Lang::En => format!("Note-takers: podium join {addr} --name NAME"),
    }
}

/// Who may enter scores, and the key that changes it.
pub fn score_entry(lang: Lang, note_takers: bool) -> &'static str {
    match note_takers {
        true => lang.pick(
            "评分录入：记录员可以录入（s 停止）",
            "Score entry: note-takers may enter scores (s stops it)",
        ),
        false => lang.pick(
            "评分录入：只有主持人（s 允许记录员录入）",
            "Score entry: the host only (s opens it to note-takers)",
        ),
    }
}

/// The heads of the connection list: name, address, since, waiting, entered.
pub fn connection_heads(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["名字", "地址", "加入时间", "待发送", "已录入"],
        Lang::En => ["Name", "Address", "Since", "Waiting", "Entered"],
    }
}

/// A stage display in the connection list, in place of a name.
pub fn display_peer(lang: Lang) -> &'static str {
    lang.pick("（大屏）", "(display)")
}

/// The connection list while nobody has joined.
pub fn nobody_joined(lang: Lang) -> &'static str {
    lang.pick("还没有人加入", "Nobody has joined yet")
}

/// A field's label in the remark editor: the name and a colon, the full-width one in Chinese,
/// an ASCII colon and a space in English (as wide as the full-width colon, so the reviewer's
/// name after the label stays where it was).
pub fn field_label(lang: Lang, name: &str) -> String {
    format!("{name}{}", lang.pick("：", ": "))
}

/// Names in a sentence: at most `MAX_NAMED`, then how many more.
fn name_list(lang: Lang, names: &[String]) -> String {
    const MAX_NAMED: usize = 5;
    let shown = names[..names.len().min(MAX_NAMED)].to_vec();
    let more = names.len().saturating_sub(MAX_NAMED);
    match (lang, more) {
        (Lang::Zh, 0) => shown.join("、"),
        (Lang::Zh, n) => format!("{}等（另有 {n} 个）", shown.join("、")),
        (Lang::En, 0) => shown.join(", "),
        (Lang::En, n) => format!("{} and {n} more", shown.join(", ")),
    }
}

/// What the results lack before they are published: units without any score, and units
/// whose score lacks a group of reviewers (unit, the groups missing).
pub fn publish_gaps(lang: Lang, unscored: &[String], missing: &[(String, Vec<String>)]) -> String {
    let mut parts = Vec::new();
    if !unscored.is_empty() {
        let names = name_list(lang, unscored);
        parts.push(match lang {
            Lang::Zh => format!("{} 个单位没有评分：{names}", unscored.len()),
            Lang::En if unscored.len() == 1 => format!("1 unit has no scores: {names}"),
            Lang::En => format!("{} units have no scores: {names}", unscored.len()),
        });
    }
    for (unit, groups) in missing {
        let sep = lang.pick("、", ", ");
        parts.push(match lang {
            Lang::Zh => format!("{unit}缺少评委组：{}", groups.join(sep)),
            Lang::En => format!("{unit} lacks the group {}", groups.join(sep)),
        });
    }
    parts.join(lang.pick("；", "; "))
}

/// Asks before publishing results that lack scores (`gaps`, from `publish_gaps`).
pub fn confirm_publish_incomplete(lang: Lang, gaps: &str) -> String {
    match lang {
        Lang::Zh => format!("{gaps}。仍要公布？公布后评分锁定，修改需解锁并说明原因。"),
        Lang::En => format!(
            "{gaps}. Publish anyway? Scores lock; changing them needs an unlock with a reason."
        ),
    }
}

/// The answers of the question before publishing incomplete results: publish, don't.
pub fn publish_answers(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Zh => ["仍要公布", "不公布"],
        Lang::En => ["publish anyway", "don't publish"],
    }
}

/// Asks before ending a meeting whose `pending` units have not presented (`units`: all of
/// them are 汇报单位; else they are agenda items, a speech not given yet among them).
pub fn confirm_end_pending(lang: Lang, pending: &[String], units: bool) -> String {
    let names = name_list(lang, pending);
    match lang {
        _ if !units => confirm_end_items(lang, pending.len(), &names),
        Lang::Zh => format!(
            "还有 {} 个单位未汇报：{names}，仍要结束会议？计时将关闭，点评仍可录入。",
            pending.len()
        ),
        Lang::En if pending.len() == 1 => format!(
            "1 unit has not presented: {names}. End the meeting anyway? Timing closes; remarks can still be added."
        ),
        Lang::En => format!(
            "{} units have not presented: {names}. End the meeting anyway? Timing closes; remarks can still be added.",
            pending.len()
        ),
    }
}

/// Asks before ending a meeting whose `n` agenda items (`names`) have not taken place.
fn confirm_end_items(lang: Lang, n: usize, names: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("还有 {n} 项议程未进行：{names}，仍要结束会议？计时将关闭，点评仍可录入。")
        }
        Lang::En if n == 1 => format!(
            "1 agenda item has not taken place: {names}. End the meeting anyway? Timing closes; remarks can still be added."
        ),
        Lang::En => format!(
            "{n} agenda items have not taken place: {names}. End the meeting anyway? Timing closes; remarks can still be added."
        ),
    }
}

/// `Space` or `n` once every unit has presented (or was skipped): how to end the meeting
/// (`end`: the key, or the way through the menu). `units`: the agenda is unit talks only;
/// else it says every agenda item is done.
pub fn all_presented(lang: Lang, end: &str, units: bool) -> String {
    match lang {
        _ if !units => match lang {
            Lang::Zh => format!("议程已全部完成。结束会议：{end}"),
            Lang::En => format!("Every agenda item is done. To end the meeting: {end}"),
        },
        Lang::Zh => format!("所有单位都已汇报完毕。结束会议：{end}"),
        Lang::En => format!("Every unit has presented. To end the meeting: {end}"),
    }
}

/// The way to end the meeting when no key is set for it: through the `F10` menu.
pub fn end_through_menu(lang: Lang) -> &'static str {
    lang.pick("F10 菜单 →“结束会议”", "F10 menu → \"End the meeting\"")
}

/// `Space` or `n` after the meeting ended: it is over, and what can still be done
/// (`results`: the key to the results; none in a meeting that does not score).
pub fn meeting_is_over(lang: Lang, results: Option<&str>, export: &str) -> String {
    match (lang, results) {
        (Lang::Zh, Some(results)) => {
            format!("会议已结束，计时已关闭：{results} 查看结果，{export} 导出报告")
        }
        (Lang::Zh, None) => format!("会议已结束，计时已关闭：{export} 导出报告"),
        (Lang::En, Some(results)) => format!(
            "The meeting has ended; timing is closed: {results} shows the results, {export} exports"
        ),
        (Lang::En, None) => format!("The meeting has ended; timing is closed: {export} exports"),
    }
}

/// The piece of the ended lines that names the key to the results (none in a meeting that
/// does not score).
fn results_piece(lang: Lang, results: Option<&str>) -> String {
    match results {
        Some(key) => format!(" · {key} {}", lang.pick("结果", "results")),
        None => String::new(),
    }
}

/// The line that stays under the screen once the meeting has ended: the results (`results`:
/// their key, none in a meeting that does not score), the exports (written beside the
/// session file `beside`; how many went there once exported), that remarks still work, and
/// how to quit. `keys`: export, quit.
pub fn ended_line(
    lang: Lang,
    results: Option<&str>,
    keys: [&str; 2],
    beside: &str,
    exported: Option<usize>,
) -> String {
    let [export, quit] = keys;
    let results = results_piece(lang, results);
    match (lang, exported) {
        (Lang::Zh, None) => format!(
            "会议已结束{results} · {export} 导出报告（存到 {beside} 所在文件夹）· 点评仍可录入 · {quit} 退出"
        ),
        (Lang::Zh, Some(n)) => format!(
            "会议已结束{results} · 已导出 {n} 个文件到 {beside} 所在文件夹（{export} 再次导出）· 点评仍可录入 · {quit} 退出"
        ),
        (Lang::En, None) => format!(
            "Meeting ended{results} · {export} exports (beside {beside}) · remarks still work · {quit} quits"
        ),
        (Lang::En, Some(n)) => format!(
            "Meeting ended{results} · {n} files exported beside {beside} ({export} again) · remarks still work · {quit} quits"
        ),
    }
}

/// The line that stays on a note-taker's console once the meeting has ended (only the host
/// exports). `results`: the key to the results (none in a meeting that does not score).
pub fn ended_line_note_taker(lang: Lang, results: Option<&str>, quit: &str) -> String {
    let results = results_piece(lang, results);
    match lang {
        Lang::Zh => format!("会议已结束{results} · 点评仍可录入 · {quit} 退出"),
        Lang::En => format!("Meeting ended{results} · remarks still work · {quit} quits"),
    }
}

/// A note-taker's quit question while entries still wait for the host in the outbox.
pub fn confirm_quit_waiting(lang: Lang, n: usize, outbox: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "退出 podium？还有 {n} 条记录未送达主持人：已保存在本机的发件箱 {outbox}，下次用同一名字加入本场会议（podium join）时自动发送。"
        ),
        Lang::En if n == 1 => format!(
            "Quit podium? 1 entry has not reached the host yet: it is kept in this laptop's outbox {outbox} and sent the next time you join this meeting under the same name (podium join)."
        ),
        Lang::En => format!(
            "Quit podium? {n} entries have not reached the host yet: they are kept in this laptop's outbox {outbox} and sent the next time you join this meeting under the same name (podium join)."
        ),
    }
}

/// A note-taker's quit question with nothing waiting: the host has every entry.
pub fn confirm_quit_sent(lang: Lang) -> &'static str {
    lang.pick(
        "退出 podium？所有记录都已送达主持人。",
        "Quit podium? The host has every entry.",
    )
}

/// `Tab` in the score file field found no file or folder starting with what was typed.
pub fn no_path_match(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Zh => format!("没有以“{typed}”开头的文件或文件夹"),
        Lang::En => format!("No file or folder starts with \"{typed}\""),
    }
}

/// `Tab` in the score file field: a folder that cannot be listed.
pub fn folder_unreadable(lang: Lang, folder: &str) -> String {
    match lang {
        Lang::Zh => format!("无法列出文件夹 {folder}"),
        Lang::En => format!("Cannot list the folder {folder}"),
    }
}

/// The candidates a second `Tab` lists under the score file field (`more`: not shown).
pub fn path_candidates(lang: Lang, names: &[String], more: usize) -> String {
    let sep = "  ";
    match (lang, more) {
        (_, 0) => names.join(sep),
        (Lang::Zh, n) => format!("{}  …（另有 {n} 个）", names.join(sep)),
        (Lang::En, n) => format!("{}  … ({n} more)", names.join(sep)),
    }
}

/// The hint under an empty score file field.
pub fn path_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tab 补全路径，再按 Tab 列出可选项",
        "Tab completes the path; Tab again lists the choices",
    )
}

/// A file that could not be opened or read, in words (`what`: why, from `io_reason`).
pub fn cannot_read(lang: Lang, path: &str, what: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取 {path}：{what}"),
        Lang::En => format!("Cannot read {path}: {what}"),
    }
}

/// Why a file could not be read, from the system's error, in the user's language.
pub fn io_reason(lang: Lang, err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let fixed = match err.kind() {
        K::NotFound => Some(("找不到这个文件", "no such file")),
        K::PermissionDenied => Some(("没有读取权限", "permission denied")),
        K::IsADirectory => Some(("这是一个文件夹，不是文件", "it is a folder, not a file")),
        K::InvalidData => Some(("文件内容无法识别", "the content cannot be read")),
        K::UnexpectedEof => Some(("文件不完整", "the file is cut short")),
        K::OutOfMemory => Some(("内存不足", "out of memory")),
        _ => None,
    };
    match fixed {
        Some((zh, en)) => lang.pick(zh, en).to_string(),
        None => match lang {
            Lang::Zh => {
                let mut text = err.to_string();
                if let Some(at) = text.rfind(" (os error ") {
                    text.truncate(at);
                }
                format!("系统错误（{text}）")
            }
            Lang::En => err.to_string(),
        },
    }
}

/// A folder given where a score file was expected.
pub fn is_a_folder(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 是文件夹：请输入其中的评分文件（Tab 可补全）"),
        Lang::En => format!("{path} is a folder: type the score file in it (Tab completes)"),
    }
}

/// A score file with nothing in it.
pub fn file_is_empty(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：文件是空的"),
        Lang::En => format!("{path}: the file is empty"),
    }
}

/// A text file in none of the encodings podium reads (`said`: what the decoder said, kept in
/// English).
pub fn undecodable(lang: Lang, path: &str, said: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{path}：既不是 UTF-8，也不是 GB18030/GBK（或 UTF-16）文本；请在 Excel 或 WPS 中另存为 CSV（UTF-8）"
        ),
        Lang::En => format!("{path}: {said}"),
    }
}

/// A workbook that cannot be read.
pub fn damaged_workbook(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：工作簿已损坏，无法读取"),
        Lang::En => format!("{path}: the workbook is damaged and cannot be read"),
    }
}

/// A workbook without a worksheet.
pub fn no_sheet(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：工作簿里没有工作表"),
        Lang::En => format!("{path}: the workbook has no sheet"),
    }
}

/// An empty score file field.
pub fn no_file_given(lang: Lang) -> &'static str {
    lang.pick(
        "请输入评分文件的路径（Tab 补全）",
        "Type the path of the score file (Tab completes)",
    )
}

/// The key bar's word for `Tab` in the score file field.
pub fn key_complete(lang: Lang) -> &'static str {
    lang.pick("补全", "complete")
}

/// A file named `.xlsx` that is not a workbook (`detail`: what the reader said).
pub fn not_a_workbook(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Zh => format!("不是 XLSX 工作簿（{detail}）"),
        Lang::En => format!("not an XLSX workbook ({detail})"),
    }
}

/// A workbook whose parts cannot be read (`detail`: what the reader said).
pub fn workbook_damaged(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Zh => format!("工作簿已损坏（{detail}）"),
        Lang::En => format!("the workbook is damaged ({detail})"),
    }
}

/// A workbook that claims more shared strings than it can hold.
pub fn too_many_strings(lang: Lang, claimed: &str) -> String {
    match lang {
        Lang::Zh => format!("工作簿已损坏（声称有 {claimed} 个共享字符串）"),
        Lang::En => format!("the workbook is damaged (it claims {claimed} shared strings)"),
    }
}

/// A part of a workbook that would unpack to more than podium reads (a zip bomb, or a sheet
/// far beyond any office's list).
pub fn workbook_part_too_large(lang: Lang, part: &str, mb: u64, limit_mb: u64) -> String {
    match lang {
        Lang::Zh => format!(
            "工作簿中的 {part} 解压后有 {mb} MB，超过可读取的 {limit_mb} MB：文件已损坏或不是普通的表格，请另存为新的工作簿或 CSV 再试"
        ),
        Lang::En => format!(
            "the workbook's {part} unpacks to {mb} MB, more than the {limit_mb} MB podium reads: the file is damaged or no ordinary sheet; save it again as a new workbook or as CSV and try again"
        ),
    }
}

/// What an agenda item is, as the agenda and the forms name it.
pub fn kind_name(lang: Lang, kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Report => lang.pick("汇报", "report"),
        UnitKind::Speech => lang.pick("讲话", "speech"),
        UnitKind::Briefing => lang.pick("通报", "briefing"),
        UnitKind::Written => lang.pick("书面", "written"),
        UnitKind::Comments => lang.pick("点评", "comments"),
    }
}

/// The agenda's title, with how many 汇报单位 it holds (`reports`) and, when it has other
/// items too, how many items (`items`): “议程 · 汇报单位 7 个”, “议程 9 项 · 汇报单位 7 个”,
/// “议程 2 项”.
pub fn agenda_title(lang: Lang, items: usize, reports: usize) -> String {
    match lang {
        Lang::Zh if items == reports => format!("议程 · 汇报单位 {reports} 个"),
        Lang::Zh if reports == 0 => format!("议程 {items} 项"),
        Lang::Zh => format!("议程 {items} 项 · 汇报单位 {reports} 个"),
        Lang::En => {
            let units = match reports {
                1 => "1 unit".to_string(),
                n => format!("{n} units"),
            };
            match (items == reports, reports) {
                (true, _) => format!("Agenda · {units}"),
                (false, 0) => format!("Agenda · {items} items"),
                (false, _) => format!("Agenda · {items} items · {units}"),
            }
        }
    }
}

/// The agenda's column of the items' kinds.
pub fn col_kind(lang: Lang) -> &'static str {
    lang.pick("类型", "Kind")
}

/// An agenda item's status as the agenda says it: a unit's talk as always (待汇报, 汇报中…);
/// another kind without "汇报"; a written item that is done has been announced (已宣读),
/// never skipped.
pub fn item_status(lang: Lang, kind: UnitKind, status: Status) -> &'static str {
    match (kind, status) {
        (UnitKind::Report, _) | (_, Status::Paused | Status::Skipped) => {
            super::status(lang, status)
        }
        (UnitKind::Written, Status::Pending) => lang.pick("待宣读", "pending"),
        (UnitKind::Written, _) => lang.pick("已宣读", "announced"),
        (_, Status::Pending) => lang.pick("未开始", "pending"),
        (_, Status::Presenting) => lang.pick("进行中", "running"),
        (_, Status::Done) => super::status(lang, Status::Done),
    }
}

/// The timer panel's title: the current unit's talk, or the current item of another kind.
pub fn current_item(lang: Lang) -> &'static str {
    lang.pick("当前议程", "Current item")
}

/// A speech's or the comments' soft limit, on the host's console only (hidden with `p`).
pub fn soft_limit(lang: Lang, time: &str) -> String {
    match lang {
        Lang::Zh => format!("建议时长 {time}（仅本屏可见）"),
        Lang::En => format!("Soft limit {time} (this screen only)"),
    }
}

/// The timer panel on a written item: it has no timer.
pub fn written_item(lang: Lang) -> &'static str {
    lang.pick("书面通报，不计时", "Announced in writing: no timer")
}

/// The timer panel on a written item: how to mark it announced (`space`, `next`: the keys).
pub fn written_how(lang: Lang, space: &str, next: &str) -> String {
    match lang {
        Lang::Zh => format!("按 {space} 或 {next} 标记为已宣读"),
        Lang::En => format!("{space} or {next} marks it announced"),
    }
}

/// The key bar's word for `Space` on a written item.
pub fn key_announced(lang: Lang) -> &'static str {
    lang.pick("宣读完毕", "mark announced")
}

/// The title of the form that adds an agenda item during the meeting.
pub fn add_item_title(lang: Lang) -> &'static str {
    lang.pick(
        "增加议程（排在当前议程之后）",
        "Add an agenda item (after the current one)",
    )
}

/// The fields of the form that adds an agenda item: name, kind, presenter, role.
pub fn add_item_labels(lang: Lang) -> [&'static str; 2] {
    [lang.pick("名称", "Name"), lang.pick("类型", "Kind")]
}

/// The form's minutes field as the kind chosen reads it: a limit, a soft limit, or none.
pub fn minutes_label(lang: Lang, kind: UnitKind) -> &'static str {
    if kind.counts_down() {
        lang.pick("时长（分钟）", "Minutes")
    } else if kind.is_timed() {
        lang.pick("建议时长（分钟，可空）", "Soft limit (minutes, optional)")
    } else {
        lang.pick("时长（书面不计时）", "Minutes (written: no timer)")
    }
}

/// The kind field of the form: the kind chosen, between the arrows that change it.
pub fn kind_choice(lang: Lang, kind: UnitKind) -> String {
    format!("‹ {} ›", kind_name(lang, kind))
}

/// The key bar's word for `←`/`→` on the kind field.
pub fn key_other_kind(lang: Lang) -> &'static str {
    lang.pick("换类型", "other kind")
}

/// `s` where no 汇报单位 is left to score (every item is a speech, a briefing…).
pub fn no_reports(lang: Lang) -> &'static str {
    lang.pick(
        "本场会议没有汇报单位，没有可评分的对象",
        "This meeting has no reporting units, so there is nothing to score",
    )
}
