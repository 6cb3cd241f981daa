//! The minutes (会议纪要) in Markdown: meeting data, each unit with its timing and remarks by
//! reviewer, the general remarks, the follow-up tasks by owner (责任单位).

use super::tables::{self, Cell};
use crate::decimal::plain;
use crate::plan::{ScoringMode, UnitKind};
use crate::session::record::{Record, RemarkRecord, TaskRecord};
use crate::session::{RemarkKind, Session, Time};
use crate::strings::{self, Lang, report};
use crate::timer::clock_text;

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

fn remark_lines(out: &mut String, remarks: &[RemarkRecord], lang: Lang) {
    for r in remarks {
        let who = if r.reviewer.is_empty() {
            "—".to_string()
        } else {
            md(&r.reviewer)
        };
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
        let colon = colon(lang);
        out.push_str(&format!("- **{who}**{colon}{task}{text}\n"));
    }
}

/// A Markdown table from a header and rows of cells.
fn table(out: &mut String, header: &[String], rows: &[Vec<Cell>]) {
    if header.is_empty() {
        return;
    }
    out.push_str(&format!(
        "| {} |\n",
        header.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
    ));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md(&c.as_text())).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// The unit's score sheets: one row per reviewer who scored, with the total.
fn unit_scores(out: &mut String, session: &Session, unit: &str, lang: Lang) {
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
                let mut row = vec![Cell::text(&r.name)];
                row.extend(
                    values
                        .iter()
                        .map(|v| v.map_or(Cell::Empty, |v| Cell::text(plain(v)))),
                );
                row.push(if values.iter().all(Option::is_some) {
                    Cell::text(plain(values.iter().flatten().sum()))
                } else {
                    Cell::text(words.sheet_incomplete)
                });
                rows.push(row);
            }
            if rows.is_empty() {
                return;
            }
            let mut header = vec![words.sheet_reviewer.to_string()];
            header.extend(rules.criteria.iter().map(|c| c.name.clone()));
            header.push(words.sheet_total.into());
            table(out, &header, &rows);
        }
        ScoringMode::None => {}
        ScoringMode::Grades => {
            let Some(counts) = st.scores.grades.get(unit) else {
                return;
            };
            let header: Vec<String> = rules.grades.iter().map(|g| g.name.clone()).collect();
            let row: Vec<Cell> = counts.iter().map(|c| Cell::text(c.to_string())).collect();
            table(out, &header, &[row]);
        }
    }
}

/// The ranking, as in the results view and the CSV.
fn ranking(out: &mut String, session: &Session, now: Time, lang: Lang) {
    let results = tables::results(session, now);
    if results.iter().all(|r| r.score.is_none()) {
        return;
    }
    out.push_str(if session.state().scores.published {
        report::of(lang).ranking_published
    } else {
        report::of(lang).ranking_unpublished
    });
    let t = tables::ranking(session, &results, lang);
    // Scores with the published decimals (the rank, in the first column, and the grades'
    // ballot counts, after the rank, unit, final, score, penalty and group columns, as whole
    // numbers).
    let rules = session.rules();
    let d = rules.decimals as usize;
    let ballots = if rules.mode == ScoringMode::Grades {
        let first = 5 + if rules.declared_groups {
            rules.groups.len()
        } else {
            0
        };
        first..first + rules.grades.len()
    } else {
        0..0
    };
    let rows: Vec<Vec<Cell>> = t
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| match c {
                    Cell::Number(n) if i == 0 || ballots.contains(&i) => Cell::text(format!("{n}")),
                    Cell::Number(n) => Cell::text(format!("{n:.d$}")),
                    other => other.clone(),
                })
                .collect()
        })
        .collect();
    table(out, &t.header, &rows);
}

/// A full-width colon in Chinese text, a colon and a space in English.
fn colon(lang: Lang) -> &'static str {
    report::of(lang).colon
}

fn time_of_day(t: &Option<Time>) -> String {
    t.map_or_else(|| "—".into(), |t| t.format("%H:%M:%S").to_string())
}

/// The meeting's time: when it ran (its first talk to its end), else the plan's date and
/// planned start.
fn meeting_time(
    plan: &crate::plan::Plan,
    started: Option<Time>,
    ended: Option<Time>,
) -> Option<String> {
    let Some(start) = started else {
        return plan.date.as_ref().map(|d| match &plan.start {
            Some(at) => format!("{d} {at}"),
            None => d.clone(),
        });
    };
    let mut text = start.format("%Y-%m-%d %H:%M").to_string();
    if let Some(end) = ended {
        let same_day = end.date_naive() == start.date_naive();
        let end = end.format(if same_day { "%H:%M" } else { "%Y-%m-%d %H:%M" });
        text.push_str(&format!(" – {end}"));
    }
    Some(text)
}

/// The minutes for the office: everything, every rater's scores.
pub fn minutes(session: &Session, now: Time, lang: Lang) -> String {
    minutes_for(session, now, lang, false)
}

/// The minutes; `public`: for circulation, without any individual score or anything that
/// ties a score to a person.
pub fn minutes_for(session: &Session, now: Time, lang: Lang, public: bool) -> String {
    let _ = public;
    let rec = Record::of(session, now);
    let r = report::of(lang);
    let mut out = String::new();
    let m = &rec.meeting;
    out.push_str(&format!("# {}\n\n", md(&m.title)));
    let plan = session.plan();
    let names = |list: &[String]| (!list.is_empty()).then(|| report::names_list(lang, list));
    let rows: [(&str, Option<String>); 6] = [
        (r.date, meeting_time(plan, m.started_at, m.ended_at)),
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
    let kinds: Vec<UnitKind> = rec.units.iter().map(|u| u.kind).collect();
    out.push_str(&format!(
        "- {}\n",
        report::agenda_counts(lang, kinds.iter().copied())
    ));
    out.push_str(&report::meeting_times(
        lang,
        &clock_text(m.planned_seconds),
        &clock_text(m.talk_seconds),
    ));
    out.push_str(if kinds.iter().all(|k| k.is_report()) {
        r.units_heading
    } else {
        r.agenda_heading
    });
    for (i, u) in rec.units.iter().enumerate() {
        out.push_str(&report::item_heading(lang, i + 1, &md(&u.name), u.kind));
        let who: Vec<String> = [&u.presenter, &u.role]
            .iter()
            .filter_map(|v| v.as_deref().map(md))
            .collect();
        if !who.is_empty() {
            let colon = colon(lang);
            let label = report::speaker_label(lang, u.kind);
            out.push_str(&format!("- {label}{colon}{}\n", who.join(" ")));
        }
        let status = crate::session::Status::from_key(u.status);
        let state = strings::console::item_status(lang, u.kind, status);
        let (from, to) = (time_of_day(&u.started_at), time_of_day(&u.ended_at));
        let talk = clock_text(u.talk_seconds);
        let times = if u.kind.counts_down() {
            let (limit, over) = (clock_text(u.limit_seconds), clock_text(u.overtime_seconds));
            report::unit_times(lang, &limit, &talk, &over, state, &from, &to)
        } else if u.kind.is_timed() {
            let soft = (u.limit_seconds > 0).then(|| clock_text(u.limit_seconds));
            report::elapsed_times(lang, soft.as_deref(), &talk, state, &from, &to)
        } else {
            report::written_times(lang, state)
        };
        out.push_str(&times);
        out.push('\n');
        if !u.remarks.is_empty() {
            remark_lines(&mut out, &u.remarks, lang);
            out.push('\n');
        }
        if u.kind.is_report() {
            unit_scores(&mut out, session, &u.name, lang);
        }
    }
    ranking(&mut out, session, now, lang);
    let s = lang.s();
    out.push_str(&format!("## {}\n\n", s.general_remarks));
    if rec.general_remarks.is_empty() {
        out.push_str(&format!("{}\n\n", s.no_remarks));
    } else {
        remark_lines(&mut out, &rec.general_remarks, lang);
        out.push('\n');
    }
    out.push_str(r.tasks_heading);
    tasks_by_owner(&mut out, &rec, lang);
    out
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
            p.date.as_deref().map(md).as_deref(),
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
            m.date.as_deref().map(md).as_deref(),
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
            &d.format("%Y-%m-%d").to_string(),
            &md(text),
        )),
        (Some(d), None) => Some(d.format("%Y-%m-%d").to_string()),
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
        let line = format!("{} {}", p.at.format("%Y-%m-%d"), md(&p.text));
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
