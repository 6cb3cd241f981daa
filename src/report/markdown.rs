//! The minutes (会议纪要) in Markdown, laid out as an office writes one: the title; 一、基本情况
//! (时间、地点、主持、出席、列席、记录); 二、会议听取了… (each item in agenda order with its
//! unit, presenter and topic); 三、点评与讲话要点 (by speaker, with role); 四、议定事项 (the
//! tasks by owner); 五、测评结果 (one table per category) when the meeting scored; the score
//! sheets (internal minutes only) and the timing as appendices. Tables carry alignment
//! markers so converted documents size their columns.

use super::tables;
use crate::decimal::plain;
use crate::plan::{ScoringMode, UnitKind};
use crate::scoring;
use crate::session::record::{Record, RemarkRecord, ResultRecord, TaskRecord};
use crate::session::{RemarkKind, Session, Time};
use crate::strings::{self, Lang, minutes, report};

/// The characters a backslash keeps literal: the backslash itself first (so `a\|b` stays
/// three characters and never ends a table cell), the table pipe, emphasis, code, links,
/// HTML, strikethrough, headings and entities.
const MD_ESCAPED: &[char] = &['\\', '|', '*', '_', '`', '[', ']', '<', '>', '~', '#', '&'];

/// Markdown-safe one-line text: control characters cleaned, line breaks and tabs as spaces,
/// and every character Markdown would read as markup escaped with a backslash.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::clean_line(text).chars() {
        if MD_ESCAPED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `md`, for a line that starts a line of the minutes (a remark's second line and after):
/// a list marker, a numbered item, a rule or a setext underline at its start is escaped too.
fn md_line_start(text: &str) -> String {
    let line = md(text);
    let body = line.trim_start();
    let lead = &line[..line.len() - body.len()];
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = if body.starts_with(['-', '+', '=']) {
        Some(0)
    } else if digits > 0 && body[digits..].starts_with(['.', ')']) {
        Some(digits)
    } else {
        None
    };
    match marker {
        Some(at) => format!("{lead}{}\\{}", &body[..at], &body[at..]),
        None => line,
    }
}

/// How a table column lines up: text left, numbers right.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// A Markdown table from a header of (name, alignment) and rows of plain text (escaped
/// here), with alignment markers so a converted table (pandoc, LibreOffice) sizes its
/// columns by their content and lines numbers up on the right.
fn table(out: &mut String, header: &[(String, Align)], rows: &[Vec<String>]) {
    if header.is_empty() {
        return;
    }
    out.push_str(&format!(
        "| {} |\n",
        header
            .iter()
            .map(|(h, _)| md(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let marks: Vec<&str> = header
        .iter()
        .map(|(_, a)| match a {
            Align::Left => ":---",
            Align::Right => "---:",
        })
        .collect();
    out.push_str(&format!("| {} |\n", marks.join(" | ")));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

fn left(name: &str) -> (String, Align) {
    (name.to_string(), Align::Left)
}

fn right(name: &str) -> (String, Align) {
    (name.to_string(), Align::Right)
}

/// The unit's score sheets (internal minutes only): one row per reviewer who scored, with
/// the total; the grades' ballots in grades mode.
fn unit_scores(out: &mut String, session: &Session, no: usize, unit: &str, lang: Lang) {
    let rules = session.rules();
    let st = session.state();
    let words = report::of(lang);
    match rules.mode {
        ScoringMode::Points => {
            let mut rows = Vec::new();
            for r in &session.plan().reviewers {
                let values: Vec<Option<i64>> = (0..rules.criteria.len())
                    .map(|c| st.scores.value(unit, &r.name, c))
                    .collect();
                if values.iter().all(Option::is_none) {
                    continue;
                }
                let mut row = vec![r.name.clone()];
                row.extend(values.iter().map(|v| v.map_or_else(String::new, plain)));
                row.push(if values.iter().all(Option::is_some) {
                    plain(values.iter().flatten().sum())
                } else {
                    words.sheet_incomplete.to_string()
                });
                rows.push(row);
            }
            // Each counting ballot under its serial (an anonymous scorer of its group).
            for (serial, _, values) in tables::ballot_sheets(session, unit) {
                let mut row = vec![serial];
                row.extend(values.iter().map(|v| v.map_or_else(String::new, plain)));
                row.push(if values.iter().all(Option::is_some) {
                    plain(values.iter().flatten().sum())
                } else {
                    words.sheet_incomplete.to_string()
                });
                rows.push(row);
            }
            if rows.is_empty() {
                return;
            }
            let mut header = vec![left(words.sheet_reviewer)];
            header.extend(rules.criteria.iter().map(|c| right(&c.name)));
            header.push(right(words.sheet_total));
            out.push_str(&minutes::sheet_heading(no, &md(unit)));
            table(out, &header, &rows);
        }
        ScoringMode::None => {}
        // With ballot groups: one row per group, its ballots per grade.
        ScoringMode::Grades if rules.ballots => {
            let counts = tables::group_grade_counts(session, unit);
            if counts.iter().all(|(_, c)| c.iter().all(|n| *n == 0)) {
                return;
            }
            let mut header = vec![left(minutes::group_column(lang))];
            header.extend(rules.grades.iter().map(|g| right(&g.name)));
            let rows: Vec<Vec<String>> = counts
                .into_iter()
                .map(|(g, c)| {
                    let mut row = vec![md(&g)];
                    row.extend(c.iter().map(i64::to_string));
                    row
                })
                .collect();
            out.push_str(&minutes::sheet_heading(no, &md(unit)));
            table(out, &header, &rows);
        }
        ScoringMode::Grades => {
            let Some(counts) = st.scores.grades.get(unit) else {
                return;
            };
            let header: Vec<(String, Align)> =
                rules.grades.iter().map(|g| right(&g.name)).collect();
            let row: Vec<String> = counts.iter().map(|c| c.to_string()).collect();
            out.push_str(&minutes::sheet_heading(no, &md(unit)));
            table(out, &header, &[row]);
        }
    }
}

/// A ranking flag as the minutes' 备注 say it: a public `trimmed:GROUP` (no names) in words
/// that name no one.
fn note(lang: Lang, flag: &str) -> String {
    match flag.strip_prefix("trimmed:") {
        Some(group) if !group.contains(':') => minutes::trimmed(lang, group),
        _ => report::flag(lang, flag),
    }
}

/// 五、测评结果: one table per category (by category rank), with the overall rank beside it
/// when the plan shows it, the final with the published decimals, the band, the change from
/// the round before, the penalty, the group scores (left out in public when a group has
/// fewer than three scorers), the ballots in grades mode, and the notes.
fn results_section(out: &mut String, session: &Session, rec: &Record, now: Time, lang: Lang) {
    let rules = session.rules();
    if !rules.mode.scores() {
        return;
    }
    let results = tables::results(session, now);
    if results.iter().all(|r| r.score.is_none()) {
        return;
    }
    out.push_str(minutes::results_heading(lang));
    out.push_str(minutes::results_published(
        lang,
        session.state().scores.published,
    ));
    // The ballots (`scoring.ballot_groups`): issued, counted, voided — counts, never a code.
    if let Some(b) = &rec.ballots
        && b.issued > 0
    {
        let n = |v: &serde_json::Value, k: &str| {
            v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize
        };
        let groups: Vec<(String, usize, usize)> = b
            .groups
            .iter()
            .map(|(g, v)| (md(g), n(v, "cast"), n(v, "issued")))
            .collect();
        out.push_str(&minutes::ballots_line(
            lang, b.issued, b.cast, b.voided, &groups,
        ));
    }
    let c = minutes::columns(lang);
    let d = rules.decimals as usize;
    let categories = scoring::by_category(&results);
    let has_categories = categories.iter().any(|(k, _)| k.is_some());
    let overall = has_categories && rules.overall_rank;
    let previous = session.state().previous_results.is_some();
    let groups: Vec<&str> = if rules.declared_groups {
        rules.groups.iter().map(|g| g.name.as_str()).collect()
    } else {
        Vec::new()
    };
    let grades = rules.mode == ScoringMode::Grades;
    let mut header = vec![right(c.rank)];
    if overall {
        header.push(right(c.overall_rank));
    }
    header.push(left(c.unit));
    header.push(right(c.score));
    if rules.bands.is_some() {
        header.push(left(c.band));
    }
    if previous {
        header.push(right(c.change));
    }
    header.push(right(c.penalty));
    header.extend(groups.iter().map(|g| right(g)));
    if grades {
        header.extend(rules.grades.iter().map(|g| right(&g.name)));
    }
    header.push(left(c.notes));
    let by_name: std::collections::HashMap<&str, &ResultRecord> = rec
        .units
        .iter()
        .filter_map(|u| u.result.as_ref().map(|r| (u.name.as_str(), r)))
        .collect();
    let dash = || "—".to_string();
    for (category, members) in categories {
        if has_categories {
            let name = category.map_or_else(|| minutes::no_category(lang).to_string(), md);
            out.push_str(&format!("### {name}\n\n"));
        }
        let mut rows = Vec::new();
        for u in members {
            let Some(r) = by_name.get(u.unit.as_str()) else {
                continue;
            };
            let rank = if category.is_some() {
                r.category_rank
            } else {
                r.rank
            };
            let mut row = vec![rank.map_or_else(dash, |n| n.to_string())];
            if overall {
                row.push(r.rank.map_or_else(dash, |n| n.to_string()));
            }
            row.push(u.unit.clone());
            row.push(r.final_score.map_or_else(dash, |v| format!("{v:.d$}")));
            if rules.bands.is_some() {
                row.push(r.band.clone().unwrap_or_else(dash));
            }
            if previous {
                // 较上期: one rule for every output (`UnitResult::shown_change`).
                let said = strings::series::change(lang, u.shown_change());
                row.push(if said.is_empty() { dash() } else { said });
            }
            row.push(format!("{:.d$}", r.penalty));
            for g in &groups {
                row.push(match r.group_scores.get(*g).and_then(|v| v.as_f64()) {
                    Some(v) => format!("{v:.d$}"),
                    None => dash(),
                });
            }
            if grades {
                row.extend(u.grade_counts.iter().map(|n| n.to_string()));
                row.extend((u.grade_counts.len()..rules.grades.len()).map(|_| "0".to_string()));
            }
            // In a category's table 并列 is a tie within the category.
            let notes: Vec<String> = r
                .flags
                .iter()
                .filter(|f| category.is_none() || f.as_str() != "tied")
                .map(|f| note(lang, f))
                .chain((category.is_some() && u.category_tied).then(|| note(lang, "tied")))
                .collect();
            row.push(notes.join(report::notes_separator(lang)));
            rows.push(row);
        }
        table(out, &header, &rows);
    }
}

/// A full-width colon in Chinese text, a colon and a space in English.
fn colon(lang: Lang) -> &'static str {
    report::of(lang).colon
}

/// A date of the plan or of the ledger (`YYYY-MM-DD`) as the minutes write it; anything else
/// as given.
fn plan_date(lang: Lang, text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => minutes::date(lang, d),
        Err(_) => text.to_string(),
    }
}

fn time_of_day(t: &Option<Time>) -> String {
    t.map_or_else(|| "—".into(), |t| t.format("%H:%M:%S").to_string())
}

/// The meeting's time: when it ran (its first talk to its end: 2026年5月30日 9:00—11:40),
/// else the plan's date and planned start.
fn meeting_time(
    lang: Lang,
    plan: &crate::plan::Plan,
    started: Option<Time>,
    ended: Option<Time>,
) -> Option<String> {
    let Some(start) = started else {
        return plan.date.as_ref().map(|d| {
            let day = plan_date(lang, d);
            match &plan.start {
                Some(at) => minutes::date_time(lang, &day, at),
                None => day,
            }
        });
    };
    let day = minutes::date(lang, start.date_naive());
    let from = minutes::clock(lang, start.time());
    let Some(end) = ended else {
        return Some(minutes::date_time(lang, &day, &from));
    };
    let to = if end.date_naive() == start.date_naive() {
        minutes::clock(lang, end.time())
    } else {
        minutes::date_time(
            lang,
            &minutes::date(lang, end.date_naive()),
            &minutes::clock(lang, end.time()),
        )
    };
    Some(minutes::date_time(
        lang,
        &day,
        &minutes::span(lang, &from, &to),
    ))
}

/// An item's name, bold, with its kind when it is not a 汇报单位.
fn item_name(lang: Lang, name: &str, kind: UnitKind) -> String {
    format!("**{name}**{}", minutes::kind_suffix(lang, name, kind))
}

/// The minutes for the office: everything, every rater's scores.
pub fn minutes(session: &Session, now: Time, lang: Lang) -> String {
    minutes_for(session, now, lang, false)
}

/// The minutes (会议纪要); `public`: for circulation, without any individual score or
/// anything that ties a score to a person (no score sheets, no reviewer's name in a note, no
/// group score of a group of one or two scorers). Remarks keep their speakers.
pub fn minutes_for(session: &Session, now: Time, lang: Lang, public: bool) -> String {
    let mut rec = Record::of(session, now);
    if public {
        rec.make_public();
    }
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md(&rec.meeting.title)));
    out.push_str(&format!("**{}**\n\n", minutes::subtitle(lang)));
    basics(&mut out, session, &rec, lang);
    heard(&mut out, &rec, lang);
    remarks_section(&mut out, session, &rec, lang);
    out.push_str(minutes::decisions_heading(lang));
    tasks_by_owner(&mut out, &rec, lang);
    out.truncate(out.trim_end().len());
    out.push_str("\n\n");
    results_section(&mut out, session, &rec, now, lang);
    if !public && session.rules().mode.scores() {
        let mut sheets = String::new();
        for (i, u) in rec.units.iter().enumerate() {
            if u.kind.is_report() {
                unit_scores(&mut sheets, session, i + 1, &u.name, lang);
            }
        }
        if !sheets.is_empty() {
            out.push_str(minutes::sheets_heading(lang));
            out.push_str(&sheets);
        }
    }
    timing(&mut out, &rec, lang);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// 一、基本情况: 时间, 地点, 主持, 出席, 列席, 记录 — each only when known.
fn basics(out: &mut String, session: &Session, rec: &Record, lang: Lang) {
    let r = report::of(lang);
    let plan = session.plan();
    let m = &rec.meeting;
    out.push_str(minutes::basics_heading(lang));
    let names = |list: &[String]| (!list.is_empty()).then(|| report::names_list(lang, list));
    let rows: [(&str, Option<String>); 6] = [
        (r.date, meeting_time(lang, plan, m.started_at, m.ended_at)),
        (r.venue, plan.venue.clone()),
        (r.host, plan.host.clone()),
        (r.attendees, names(&plan.attendees)),
        (r.observers, names(&plan.observers)),
        (r.recorder, plan.recorder.clone()),
    ];
    for (label, value) in rows {
        if let Some(v) = value {
            out.push_str(&format!("- {label}{}{}\n", colon(lang), md(&v)));
        }
    }
    out.push('\n');
}

/// 二、会议听取了…: every agenda item in order: a report with its unit, presenter (with
/// role), topic and time; a speech, briefing or written notice worded by its kind.
fn heard(out: &mut String, rec: &Record, lang: Lang) {
    let kinds: Vec<UnitKind> = rec.units.iter().map(|u| u.kind).collect();
    out.push_str(minutes::heard_heading(
        lang,
        kinds.iter().all(|k| k.is_report()),
    ));
    out.push_str(&format!(
        "{}\n\n",
        report::agenda_counts(lang, kinds.iter().copied())
    ));
    let sep = report::task_facts_separator(lang);
    for (i, u) in rec.units.iter().enumerate() {
        let mut facts: Vec<String> = Vec::new();
        let who = match (&u.presenter, &u.role) {
            (Some(p), Some(role)) => Some(minutes::with_role(lang, &md(p), &md(role))),
            (Some(p), None) => Some(md(p)),
            (None, Some(role)) => Some(md(role)),
            (None, None) => None,
        };
        if let Some(who) = who {
            facts.push(report::task_fact(
                lang,
                report::speaker_label(lang, u.kind),
                &who,
            ));
        }
        if let Some(topic) = u.topic.as_deref().filter(|t| !t.trim().is_empty()) {
            facts.push(report::task_fact(lang, minutes::topic(lang), &md(topic)));
        }
        let status = crate::session::Status::from_key(u.status);
        let state = strings::console::item_status(lang, u.kind, status);
        let ran = u.talk_seconds > 0 || u.started_at.is_some();
        if u.kind.is_timed() && ran {
            let talk = minutes::duration(lang, u.talk_seconds);
            let over = (u.kind.counts_down() && u.overtime_seconds > 0)
                .then(|| minutes::duration(lang, u.overtime_seconds));
            facts.push(minutes::took(lang, &talk, over.as_deref()));
        }
        if !u.kind.is_timed() || status != crate::session::Status::Done {
            facts.push(state.to_string());
        }
        let name = item_name(lang, &md(&u.name), u.kind);
        if facts.is_empty() {
            out.push_str(&format!("{}. {name}\n", i + 1));
        } else {
            out.push_str(&format!(
                "{}. {name}{}{}\n",
                i + 1,
                colon(lang),
                facts.join(sep)
            ));
        }
    }
    out.push('\n');
}

/// 三、点评与讲话要点: the remarks by speaker, in the order they first spoke; each speaker
/// with their role (a reviewer's from the plan, else a speech's presenter's); a remark about
/// an agenda item names it.
fn remarks_section(out: &mut String, session: &Session, rec: &Record, lang: Lang) {
    out.push_str(minutes::remarks_heading(lang));
    let mut all: Vec<(Option<&str>, &RemarkRecord)> = rec
        .units
        .iter()
        .flat_map(|u| u.remarks.iter().map(move |r| (Some(u.name.as_str()), r)))
        .chain(rec.general_remarks.iter().map(|r| (None, r)))
        .collect();
    all.sort_by_key(|(_, r)| (r.at, r.id));
    if all.is_empty() {
        out.push_str(&format!("{}\n\n", minutes::no_remarks(lang)));
        return;
    }
    let mut speakers: Vec<&str> = Vec::new();
    for (_, r) in &all {
        if !speakers.contains(&r.reviewer.as_str()) {
            speakers.push(&r.reviewer);
        }
    }
    let plan = session.plan();
    for speaker in speakers {
        let reviewer = plan.reviewers.iter().find(|r| r.name == speaker);
        let presented = plan
            .units
            .iter()
            .find(|u| u.presenter.as_deref() == Some(speaker) && !u.kind().is_report());
        let role = reviewer
            .and_then(|r| r.role.as_deref())
            .or_else(|| presented.and_then(|u| u.role.as_deref()));
        let name = if speaker.trim().is_empty() {
            minutes::unnamed(lang).to_string()
        } else {
            md(speaker)
        };
        let who = match role {
            Some(role) => minutes::with_role(lang, &name, &md(role)),
            None => name,
        };
        out.push_str(&minutes::speaker_says(
            lang,
            &who,
            reviewer.is_some(),
            presented.is_some(),
        ));
        for (unit, r) in all.iter().filter(|(_, r)| r.reviewer == speaker) {
            // A speaker's remark on their own speech needs no “about”.
            let own = unit.is_some_and(|u| {
                plan.units
                    .iter()
                    .any(|p| p.name == u && p.presenter.as_deref() == Some(speaker))
            });
            remark_line(out, if own { None } else { *unit }, r, lang);
        }
        out.push('\n');
    }
}

/// One remark of a speaker: `- 关于市财政局：…`, its later lines kept from making blocks.
fn remark_line(out: &mut String, unit: Option<&str>, r: &RemarkRecord, lang: Lang) {
    let task = if r.kind == RemarkKind::Task {
        lang.s().task_mark
    } else {
        ""
    };
    let text = r
        .text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                md(line)
            } else {
                md_line_start(line)
            }
        })
        .collect::<Vec<_>>()
        .join("  \n  ");
    let about = unit.map_or_else(String::new, |u| minutes::about_unit(lang, &md(u)));
    out.push_str(&format!("- {about}{task}{text}\n"));
}

/// 附件：计时: every item with its planned and actual time written as durations, its
/// overtime, when it started and ended, and its status; the meeting's totals last.
fn timing(out: &mut String, rec: &Record, lang: Lang) {
    let c = minutes::timing_columns(lang);
    out.push_str(minutes::timing_heading(lang));
    let header = [
        right(c.no),
        left(c.item),
        right(c.planned),
        right(c.took),
        right(c.over),
        right(c.started),
        right(c.ended),
        left(c.status),
    ];
    let dash = || "—".to_string();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, u) in rec.units.iter().enumerate() {
        let status = crate::session::Status::from_key(u.status);
        let state = strings::console::item_status(lang, u.kind, status).to_string();
        let name = match u.kind {
            UnitKind::Report => u.name.clone(),
            k => format!("{}{}", u.name, minutes::kind_suffix(lang, &u.name, k)),
        };
        let (planned, took, over) = if !u.kind.is_timed() {
            (dash(), dash(), dash())
        } else {
            let took = if u.talk_seconds > 0 || u.started_at.is_some() {
                minutes::duration(lang, u.talk_seconds)
            } else {
                dash()
            };
            if u.kind.counts_down() {
                let over = if u.overtime_seconds > 0 {
                    minutes::duration(lang, u.overtime_seconds)
                } else {
                    dash()
                };
                (minutes::duration(lang, u.limit_seconds), took, over)
            } else {
                let soft = (u.limit_seconds > 0)
                    .then(|| minutes::about(lang, &minutes::duration(lang, u.limit_seconds)));
                (soft.unwrap_or_else(dash), took, dash())
            }
        };
        rows.push(vec![
            (i + 1).to_string(),
            name,
            planned,
            took,
            over,
            time_of_day(&u.started_at),
            time_of_day(&u.ended_at),
            state,
        ]);
    }
    let m = &rec.meeting;
    rows.push(vec![
        String::new(),
        c.total.to_string(),
        minutes::duration(lang, m.planned_seconds),
        minutes::duration(lang, m.talk_seconds),
        String::new(),
        time_of_day(&m.started_at),
        time_of_day(&m.ended_at),
        String::new(),
    ]);
    table(out, &header, &rows);
}

/// The owners of `tasks` in the minutes' order: the agenda's units first, in agenda order,
/// then every other owner as the ledger first names it; the tasks of no owner come last.
fn owners<'a>(rec: &'a Record, tasks: &'a [TaskRecord]) -> Vec<Option<&'a str>> {
    let mut out: Vec<Option<&str>> = Vec::new();
    let owned = |name: &str| tasks.iter().any(|t| t.owner.as_deref() == Some(name));
    for u in &rec.units {
        if owned(&u.name) && !out.contains(&Some(u.name.as_str())) {
            out.push(Some(u.name.as_str()));
        }
    }
    for t in tasks {
        if let Some(owner) = t.owner.as_deref()
            && !out.contains(&Some(owner))
        {
            out.push(Some(owner));
        }
    }
    if tasks.iter().any(|t| t.owner.is_none()) {
        out.push(None);
    }
    out
}

/// The task list of the minutes: the meeting before (when linked), then the tasks by owner
/// (责任单位 headings), each with its deadline, status, overdue mark, partners, leader and
/// latest progress; a carried task says where it came from.
fn tasks_by_owner(out: &mut String, rec: &Record, lang: Lang) {
    let r = report::of(lang);
    if let Some(p) = &rec.previous {
        out.push_str(&report::previous_meeting(
            lang,
            &md(&p.title),
            p.date
                .as_deref()
                .map(|d| md(&plan_date(lang, d)))
                .as_deref(),
        ));
    }
    if rec.tasks.is_empty() {
        out.push_str(r.no_tasks);
        return;
    }
    for owner in owners(rec, &rec.tasks) {
        let heading = owner.map_or_else(|| r.no_owner.to_string(), md);
        out.push_str(&format!(
            "### {heading}

"
        ));
        for t in rec.tasks.iter().filter(|t| t.owner.as_deref() == owner) {
            task_lines(out, t, lang);
        }
        out.push('\n');
    }
}

/// One task of the minutes: `- [清单 序号] 事项（接续自…）`, its facts on the next line, and
/// its latest progress.
fn task_lines(out: &mut String, t: &TaskRecord, lang: Lang) {
    let r = report::of(lang);
    let c = &r.columns;
    let number: Vec<String> = [t.list.as_deref(), t.no.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(md)
        .collect();
    let number = if number.is_empty() {
        String::new()
    } else {
        format!("\\[{}\\] ", number.join(" "))
    };
    let carried = t.carried_from.as_ref().map_or_else(String::new, |m| {
        report::carried_from(
            lang,
            &md(&m.title),
            m.date
                .as_deref()
                .map(|d| md(&plan_date(lang, d)))
                .as_deref(),
            true,
        )
    });
    // A text that starts the line is kept from making a list or a rule of it.
    let text = if number.is_empty() {
        md_line_start(&t.text)
    } else {
        md(&t.text)
    };
    out.push_str(&format!("- {number}{text}{carried}\n"));
    let due = match (t.due, tables::due_text_beyond(t)) {
        (Some(d), Some(text)) => Some(report::due_with_text(
            lang,
            &minutes::date(lang, d),
            &md(text),
        )),
        (Some(d), None) => Some(minutes::date(lang, d)),
        (None, Some(text)) => Some(md(text)),
        (None, None) => None,
    };
    let mut facts: Vec<String> = Vec::new();
    if let Some(due) = due {
        facts.push(report::task_fact(lang, c.due, &due));
    }
    facts.push(report::task_fact(
        lang,
        c.status,
        strings::tasks::status_name(lang, t.status),
    ));
    if t.overdue {
        facts.push(r.overdue_mark.to_string());
    }
    if !t.partners.is_empty() {
        let names: Vec<String> = t.partners.iter().map(|p| md(p)).collect();
        facts.push(report::task_fact(
            lang,
            c.partners,
            &report::partners_list(lang, &names),
        ));
    }
    if let Some(leader) = &t.leader {
        facts.push(report::task_fact(lang, c.leader, &md(leader)));
    }
    if let Some(by) = &t.assigned_by {
        facts.push(report::task_fact(lang, c.by, &md(by)));
    }
    out.push_str(&format!(
        "  - {}\n",
        facts.join(report::task_facts_separator(lang))
    ));
    if let Some(p) = t.progress.last() {
        let line = format!("{} {}", minutes::date(lang, p.at.date_naive()), md(&p.text));
        out.push_str(&format!(
            "  - {}\n",
            report::task_fact(lang, r.latest_progress, &line)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backslashes_are_escaped_before_pipes() {
        assert_eq!(md("a\\|b"), "a\\\\\\|b");
        assert_eq!(md("a|b"), "a\\|b");
        assert_eq!(md("结尾\\"), "结尾\\\\");
        assert_eq!(md("*粗*_斜_`码`"), "\\*粗\\*\\_斜\\_\\`码\\`");
        assert_eq!(md("两\n行\t字"), "两 行 字");
        assert_eq!(md("城东街道"), "城东街道");
    }

    #[test]
    fn a_line_start_that_makes_a_block_is_escaped() {
        assert_eq!(md_line_start("- 列表"), "\\- 列表");
        assert_eq!(md_line_start("  + 列表"), "  \\+ 列表");
        assert_eq!(md_line_start("12. 编号"), "12\\. 编号");
        assert_eq!(md_line_start("3) 编号"), "3\\) 编号");
        assert_eq!(md_line_start("==="), "\\===");
        assert_eq!(md_line_start("# 标题"), "\\# 标题");
        assert_eq!(md_line_start("2026 年"), "2026 年");
        assert_eq!(md_line_start("正文 - 不变"), "正文 - 不变");
    }
}
