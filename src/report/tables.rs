//! The tables every export shares — ranking, scores, remarks, timing, tasks — as rows of
//! cells, so CSV, XLSX and Markdown say the same thing.

use crate::plan::ScoringMode;
use crate::scoring::{self, UnitResult};
use crate::session::record::{self, TaskRecord, number};
use crate::session::{RemarkKind, Session, Time};
use crate::strings::{self, Lang};

/// A cell: text, a number that spreadsheets should treat as a number (shown as it is: a
/// rank, a count), a score with the published decimals, a share shown as a percent, a
/// duration, a time of day, or a date (a date cell in the workbook, `YYYY-MM-DD` elsewhere).
/// Every kind but text stays a number in the workbook, with its number format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A score, a final, a penalty, a group score: the value and its published decimals
    /// (`0.00` in the workbook, `91.10` in text).
    Decimal(f64, u32),
    /// A share from 0 to 1 (the excellent share, to 4 decimals): `0.0%` in the workbook,
    /// `66.7%` in text, the fraction itself in the CSV.
    Percent(f64),
    /// Seconds, shown `mm:ss` (minutes beyond 59 go on counting: `75:00`).
    Duration(i64),
    /// A time of day, `hh:mm:ss`.
    Clock(chrono::NaiveTime),
    Date(chrono::NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => format!("{n}"),
            Cell::Decimal(n, d) => format!("{n:.*}", *d as usize),
            Cell::Percent(n) => format!("{:.1}%", n * 100.0),
            Cell::Duration(s) => duration_text(*s),
            Cell::Clock(t) => t.format("%H:%M:%S").to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Seconds as `mm:ss`, the minutes counting on past 59 (`[mm]:ss` in the workbook).
pub fn duration_text(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 60, s % 60)
}

/// Whether a spreadsheet would take text that starts so for a formula: `=`, `+`, `-`, `@`, a
/// tab or a carriage return (the OWASP list for CSV injection).
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Text for a spreadsheet cell (CSV or XLSX, headers and data alike): a formula-looking text
/// gets a leading `'`, so a spreadsheet shows it and never runs it.
pub fn sheet_text(text: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// `sheet_text` undone, for a file podium exported and reads back (a score sheet): a `'`
/// before a formula-looking text is dropped. (A name that itself starts with `'=` reads back
/// without its quote: the two cannot be told apart.)
pub fn sheet_unquote(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => text,
    }
}

pub struct Table {
    pub name: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns of long text, wrapped in a narrower column in the workbook.
    pub wrap: Vec<usize>,
    /// Whether the workbook puts a filter on the header.
    pub filter: bool,
}

/// Flag keys as words for people.
pub fn flag_text(lang: Lang, flag: &str) -> String {
    strings::report::flag(lang, flag)
}

pub fn results(session: &Session, now: Time) -> Vec<UnitResult> {
    let now = session.clock(now);
    scoring::results(session.rules(), session.plan(), session.state(), now)
}

/// The ranking, as the office's workbook and CSV have it (internal: every note).
pub fn ranking(session: &Session, results: &[UnitResult], lang: Lang) -> Table {
    ranking_for(session, results, lang, false)
}

/// Whether a public output leaves the group columns out: when any unit has a group with one
/// or two scorers, whose group score would be a person's own (`PUBLIC_GROUP_MIN`).
fn groups_hidden(results: &[UnitResult]) -> bool {
    results.iter().any(|r| {
        r.groups
            .iter()
            .any(|g| (1..record::PUBLIC_GROUP_MIN).contains(&g.counted()))
    })
}

/// The ranking: with categories, the units grouped by category (each in category-rank
/// order) under 类别 and 类别排名, with the overall rank (总排名) unless
/// `scoring.overall_rank` is false; 等次 with `scoring.bands`; 上期排名, 上期得分 and 较上期
/// when the session holds the round before's results (the change of the category rank when
/// there are categories). Then the scores, the penalty, the group scores, the ballots and the
/// notes.
///
/// `public`: for circulation — the notes name no reviewer (`record::public_flags`), and the
/// group columns are left out when a group of some unit has fewer than three scorers.
pub fn ranking_for(session: &Session, results: &[UnitResult], lang: Lang, public: bool) -> Table {
    let rules = session.rules();
    let c = &strings::report::of(lang).columns;
    let p = strings::print::columns(lang);
    let categories = results.iter().any(|r| r.category.is_some());
    let overall = !categories || rules.overall_rank;
    let previous = session.state().previous_results.as_ref();
    let groups = rules.declared_groups && !(public && groups_hidden(results));
    let mut header: Vec<String> = Vec::new();
    if categories {
        header.extend([p.category, p.category_rank].map(String::from));
        if overall {
            header.push(p.overall_rank.into());
        }
    } else {
        header.push(c.rank.into());
    }
    header.extend([c.unit, c.final_score].map(String::from));
    if rules.bands.is_some() {
        header.push(p.band.into());
    }
    if previous.is_some() {
        if categories {
            header.push(p.previous_category_rank.into());
            if overall {
                header.push(p.previous_rank.into());
            }
        } else {
            header.push(p.previous_rank.into());
        }
        header.extend([p.previous_final, p.change].map(String::from));
    }
    header.extend([c.score, c.penalty].map(String::from));
    if groups {
        header.extend(rules.groups.iter().map(|g| g.name.clone()));
    }
    if rules.mode == ScoringMode::Grades {
        header.extend(rules.grades.iter().map(|g| g.name.clone()));
        header.push(c.excellent_share.to_string());
    }
    header.push(c.notes.to_string());

    let d = rules.decimals;
    let dec = |v: Option<i64>| v.map_or(Cell::Empty, |v| Cell::Decimal(number(rules, v), d));
    let whole = |v: Option<usize>| v.map_or(Cell::Empty, |k| Cell::Number(k as f64));
    let order: Vec<&UnitResult> = if categories {
        scoring::by_category(results)
            .into_iter()
            .flat_map(|(_, units)| units)
            .collect()
    } else {
        scoring::ranking(results)
    };
    let rows = order
        .into_iter()
        .map(|r| {
            let mut row = Vec::new();
            if categories {
                row.push(r.category.clone().map_or(Cell::Empty, Cell::Text));
                row.push(whole(r.category_rank));
                if overall {
                    row.push(whole(r.rank));
                }
            } else {
                row.push(whole(r.rank));
            }
            row.push(Cell::text(&r.unit));
            row.push(dec(r.final_score));
            if rules.bands.is_some() {
                row.push(r.band.clone().map_or(Cell::Empty, Cell::Text));
            }
            if let Some(prev) = previous {
                let before = r.previous.as_ref();
                if categories {
                    row.push(whole(before.and_then(|b| b.category_rank)));
                    if overall {
                        row.push(whole(before.and_then(|b| b.rank)));
                    }
                } else {
                    row.push(whole(before.and_then(|b| b.rank)));
                }
                row.push(
                    before
                        .and_then(|b| b.final_score)
                        .map_or(Cell::Empty, |v| Cell::Decimal(v, prev.decimals)),
                );
                let said = strings::series::change(lang, r.shown_change());
                row.push(if said.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(said)
                });
            }
            row.push(dec(r.score_rounded));
            row.push(Cell::Decimal(number(rules, r.penalty()), d));
            if groups {
                row.extend(
                    r.groups
                        .iter()
                        .map(|g| dec(g.score.map(|s| rules.publish(s)))),
                );
            }
            if rules.mode == ScoringMode::Grades {
                row.extend(r.grade_counts.iter().map(|n| Cell::Number(*n as f64)));
                row.push(
                    r.excellent_share
                        .map_or(Cell::Empty, |s| Cell::Percent(s.round(4) as f64 / 10_000.0)),
                );
            }
            let flags = if public {
                record::public_flags(&r.flags())
            } else {
                r.flags()
            };
            let notes: Vec<String> = flags.iter().map(|f| flag_text(lang, f)).collect();
            row.push(Cell::text(
                notes.join(strings::report::notes_separator(lang)),
            ));
            row
        })
        .collect();
    let notes = header.len() - 1;
    Table {
        name: strings::report::of(lang).sheets.ranking,
        header,
        rows,
        wrap: vec![notes],
        filter: false,
    }
}

/// With ballot groups, grades mode: a unit's ballots per grade in each group (the typed-up
/// tallies and the cast ballots that count), in the plan's order of groups and grades.
pub fn group_grade_counts(session: &Session, unit: &str) -> Vec<(String, Vec<i64>)> {
    let rules = session.rules();
    let st = session.state();
    rules
        .groups
        .iter()
        .map(|g| {
            let mut counts = st
                .scores
                .group_grades
                .get(unit)
                .and_then(|by| by.get(&g.name))
                .cloned()
                .unwrap_or_default();
            counts.resize(rules.grades.len(), 0);
            for b in st
                .ballots
                .issued
                .iter()
                .filter(|b| b.group == g.name && b.counts())
            {
                let given = b.cast.as_ref().and_then(|c| c.grades.get(unit));
                if let Some(k) = given.and_then(|grade| rules.grade(grade)) {
                    counts[k] = counts[k].saturating_add(1);
                }
            }
            (g.name.clone(), counts)
        })
        .collect()
}

/// With ballot groups, points mode: each counting ballot's scores of a unit, under its serial
/// and group (an anonymous scorer).
pub fn ballot_sheets(session: &Session, unit: &str) -> Vec<(String, String, Vec<Option<i64>>)> {
    session
        .state()
        .ballots
        .issued
        .iter()
        .filter(|b| b.counts())
        .filter_map(|b| {
            let values = b.cast.as_ref()?.points.get(unit)?;
            Some((b.serial.clone(), b.group.clone(), values.clone()))
        })
        .collect()
}

/// The ballots issued, counted and voided by group, and all together (`None` without
/// ballot groups).
pub fn ballots(session: &Session, lang: Lang) -> Option<Table> {
    let rec = record::BallotsRecord::of(session)?;
    let n = |v: &serde_json::Value, k: &str| {
        Cell::Number(v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as f64)
    };
    let mut rows: Vec<Vec<Cell>> = rec
        .groups
        .iter()
        .map(|(g, v)| vec![Cell::text(g), n(v, "issued"), n(v, "cast"), n(v, "voided")])
        .collect();
    rows.push(vec![
        Cell::text(strings::report::ballots_total(lang)),
        Cell::Number(rec.issued as f64),
        Cell::Number(rec.cast as f64),
        Cell::Number(rec.voided as f64),
    ]);
    Some(Table {
        name: strings::report::ballots_sheet(lang),
        header: strings::report::ballots_columns(lang)
            .map(String::from)
            .to_vec(),
        rows,
        wrap: Vec::new(),
        filter: false,
    })
}

pub fn scores(session: &Session, lang: Lang) -> Table {
    let rules = session.rules();
    let st = session.state();
    let mut rows = Vec::new();
    let words = strings::report::of(lang);
    let header = match rules.mode {
        ScoringMode::Grades if rules.ballots => {
            for u in st.reports() {
                for (group, counts) in group_grade_counts(session, &u.name) {
                    for (g, n) in rules.grades.iter().zip(counts) {
                        rows.push(vec![
                            Cell::text(&u.name),
                            Cell::text(&group),
                            Cell::text(&g.name),
                            Cell::Number(n as f64),
                        ]);
                    }
                }
            }
            vec![
                words.columns.unit.to_string(),
                words.columns.group.to_string(),
                words.columns.grade.to_string(),
                words.columns.count.to_string(),
            ]
        }
        ScoringMode::Points => {
            for u in st.reports() {
                for r in &session.plan().reviewers {
                    for (c, crit) in rules.criteria.iter().enumerate() {
                        if let Some(v) = st.scores.value(&u.name, &r.name, c) {
                            rows.push(vec![
                                Cell::text(&u.name),
                                Cell::text(&r.name),
                                Cell::text(r.group.clone().unwrap_or_default()),
                                Cell::text(&crit.name),
                                Cell::Number(v as f64 / scoring::ONE as f64),
                            ]);
                        }
                    }
                }
                // Each counting ballot, an anonymous scorer under its serial.
                for (serial, group, values) in ballot_sheets(session, &u.name) {
                    for (crit, v) in rules.criteria.iter().zip(values) {
                        if let Some(v) = v {
                            rows.push(vec![
                                Cell::text(&u.name),
                                Cell::text(&serial),
                                Cell::text(&group),
                                Cell::text(&crit.name),
                                Cell::Number(v as f64 / scoring::ONE as f64),
                            ]);
                        }
                    }
                }
            }
            vec![
                strings::report::of(lang).columns.unit.to_string(),
                strings::report::of(lang).columns.reviewer.to_string(),
                strings::report::of(lang).columns.group.to_string(),
                strings::report::of(lang).columns.criterion.to_string(),
                strings::report::of(lang).columns.score.to_string(),
            ]
        }
        // A meeting that does not score has no scores table (`scored_tables`); its header
        // is the grades' only so that the match is whole.
        ScoringMode::Grades | ScoringMode::None => {
            for u in st.reports() {
                if let Some(counts) = st.scores.grades.get(&u.name) {
                    for (g, n) in rules.grades.iter().zip(counts) {
                        rows.push(vec![
                            Cell::text(&u.name),
                            Cell::text(&g.name),
                            Cell::Number(*n as f64),
                        ]);
                    }
                }
            }
            vec![
                strings::report::of(lang).columns.unit.to_string(),
                strings::report::of(lang).columns.grade.to_string(),
                strings::report::of(lang).columns.count.to_string(),
            ]
        }
    };
    Table {
        name: strings::report::of(lang).sheets.scores,
        header,
        rows,
        wrap: Vec::new(),
        filter: false,
    }
}

/// The tables of a workbook, in order: 排名 and 评分 only when the meeting scores.
pub fn workbook(session: &Session, now: Time, lang: Lang) -> Vec<Table> {
    workbook_for(session, now, lang, false)
}

/// The tables of a workbook; `public`: for circulation — no 评分 (every rater's scores), a
/// ranking that names no reviewer (`ranking_for`); 点评 (remarks are public statements, with
/// their speakers), 计时 and 交办 as they are.
pub fn workbook_for(session: &Session, now: Time, lang: Lang, public: bool) -> Vec<Table> {
    let mut out = Vec::new();
    if session.rules().mode.scores() {
        let results = results(session, now);
        out.push(ranking_for(session, &results, lang, public));
        if !public {
            out.push(scores(session, lang));
        }
        // How many ballots were issued, counted and voided: counts, public as they are.
        out.extend(ballots(session, lang));
    }
    out.push(remarks(session, lang));
    out.push(timing(session, now, lang));
    out.push(tasks(session, now, lang));
    out
}

pub fn remarks(session: &Session, lang: Lang) -> Table {
    let st = session.state();
    let s = lang.s();
    let rows = st
        .remarks
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.unit.clone().unwrap_or_else(|| s.whole_meeting.into())),
                Cell::text(&r.reviewer),
                Cell::text(if r.kind == RemarkKind::Task {
                    strings::report::of(lang).columns.kind_task.to_string()
                } else {
                    strings::report::of(lang).columns.kind_remark.to_string()
                }),
                Cell::text(&r.text),
                Cell::text(r.at.format("%Y-%m-%d %H:%M:%S").to_string()),
            ]
        })
        .collect();
    Table {
        name: strings::report::of(lang).sheets.remarks,
        header: vec![
            strings::report::of(lang).columns.unit.to_string(),
            strings::report::of(lang).columns.remarker.to_string(),
            strings::report::of(lang).columns.kind.to_string(),
            strings::report::of(lang).columns.text.to_string(),
            strings::report::of(lang).columns.time.to_string(),
        ],
        rows,
        // 内容.
        wrap: vec![3],
        filter: false,
    }
}

/// 计时: each item's limit, talk and overtime as durations (`mm:ss`), its start and end as
/// times of day.
pub fn timing(session: &Session, now: Time, lang: Lang) -> Table {
    let now = session.clock(now);
    let durations = strings::print::timing_headers(lang);
    let st = session.state();
    let t = |v: Option<Time>| v.map_or(Cell::Empty, |v| Cell::Clock(v.time()));
    let rows = st
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            // A written item has no limit and no talk time; a speech's or the comments' limit
            // is a soft one (none: empty), and neither is ever over time.
            let limit = u.limit_seconds();
            let (limit, talked, over) = if u.kind.counts_down() {
                (
                    Cell::Duration(limit),
                    Cell::Duration(u.talk_seconds(now)),
                    Cell::Duration(u.overtime_seconds(now)),
                )
            } else if u.kind.is_timed() {
                let soft = if limit > 0 {
                    Cell::Duration(limit)
                } else {
                    Cell::Empty
                };
                (soft, Cell::Duration(u.talk_seconds(now)), Cell::Empty)
            } else {
                (Cell::Empty, Cell::Empty, Cell::Empty)
            };
            vec![
                Cell::Number((i + 1) as f64),
                Cell::text(&u.name),
                Cell::text(u.presenter.clone().unwrap_or_default()),
                Cell::text(strings::console::item_status(lang, u.kind, u.status())),
                limit,
                talked,
                over,
                t(u.talk.started_at),
                t(u.talk.ended_at),
                Cell::text(strings::report::kind_name(lang, u.kind)),
            ]
        })
        .collect();
    Table {
        name: strings::report::of(lang).sheets.timing,
        header: vec![
            strings::report::of(lang).columns.no.to_string(),
            strings::report::of(lang).columns.unit.to_string(),
            strings::report::of(lang).columns.presenter.to_string(),
            strings::report::of(lang).columns.status.to_string(),
            durations[0].to_string(),
            durations[1].to_string(),
            durations[2].to_string(),
            strings::report::of(lang).columns.started.to_string(),
            strings::report::of(lang).columns.ended.to_string(),
            strings::report::of(lang).columns.kind.to_string(),
        ],
        rows,
        wrap: Vec::new(),
        filter: false,
    }
}

/// 序号 as a number when it is a plain whole number (`3`), else the text as written (`3.1`,
/// `一`); a task without one is numbered by its place in the ledger.
fn task_no(no: Option<&str>, place: usize) -> Cell {
    match no.map(str::trim) {
        Some(no) if !no.is_empty() => {
            let plain = no.len() <= 9
                && no.bytes().all(|b| b.is_ascii_digit())
                && !(no.len() > 1 && no.starts_with('0'));
            match no.parse::<u32>() {
                Ok(n) if plain => Cell::Number(f64::from(n)),
                _ => Cell::text(no),
            }
        }
        _ => Cell::Number(place as f64),
    }
}

/// The deadline as written, when it says more than the due date written out: “6月底前”,
/// “长期坚持”; none when it is that date (an Excel date cell read back) or absent.
pub fn due_text_beyond(task: &TaskRecord) -> Option<&str> {
    let text = task
        .due_text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    match task.due {
        Some(due) if due.format("%Y-%m-%d").to_string() == text => None,
        _ => Some(text),
    }
}

/// A progress report as one line: its day and its text.
pub fn progress_line(p: &crate::session::Progress) -> String {
    format!("{} {}", p.at.format("%Y-%m-%d"), p.text)
}

/// The tasks of the ledger as the record has them (overdue as of the meeting's date).
pub fn task_records(session: &Session, now: Time) -> Vec<TaskRecord> {
    let day = session.meeting_date(session.clock(now));
    let st = session.state();
    st.tasks
        .iter()
        .map(|t| TaskRecord::of(t, day, st))
        .collect()
}

/// 交办: the task ledger, in ledger order (carried tasks, the plan's list, then as raised),
/// every field a column; the due date a date, the progress newest first on lines.
pub fn tasks(session: &Session, now: Time, lang: Lang) -> Table {
    let c = &strings::report::of(lang).columns;
    let when = |t: &Option<Time>| t.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
    let text = |v: Option<String>| v.map_or(Cell::Empty, Cell::Text);
    let rows = task_records(session, now)
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let progress: Vec<String> = t.progress.iter().rev().map(progress_line).collect();
            vec![
                task_no(t.no.as_deref(), i + 1),
                text(t.list.clone()),
                Cell::text(&t.text),
                text(t.owner.clone()),
                text(
                    (!t.partners.is_empty())
                        .then(|| strings::report::partners_list(lang, &t.partners)),
                ),
                text(t.leader.clone()),
                t.due.map_or(Cell::Empty, Cell::Date),
                text(due_text_beyond(t).map(str::to_string)),
                Cell::text(strings::tasks::status_name(lang, t.status)),
                text(t.overdue.then(|| c.overdue_yes.to_string())),
                text((!progress.is_empty()).then(|| progress.join("\n"))),
                text(t.assigned_by.clone()),
                Cell::text(t.unit.clone().unwrap_or_else(|| c.raised_meeting.into())),
                text(t.carried_from.as_ref().map(|m| {
                    strings::report::carried_from(lang, &m.title, m.date.as_deref(), false)
                })),
                text(when(&t.claimed_at)),
                Cell::Number(t.id as f64),
            ]
        })
        .collect();
    let header = [
        c.no,
        c.list,
        c.task,
        c.owner,
        c.partners,
        c.leader,
        c.due,
        c.due_text,
        c.status,
        c.overdue,
        c.progress,
        c.by,
        c.raised_at,
        c.carried_from,
        c.claimed,
        c.ledger_id,
    ];
    Table {
        name: strings::report::of(lang).sheets.tasks,
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
        // 事项 and 进展.
        wrap: vec![2, 10],
        filter: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_quoted() {
        for text in ["=1+1", "+86", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(sheet_text(text), format!("'{text}"));
        }
        for text in ["", "城东街道", " =1", "＝1", "'=1"] {
            assert_eq!(sheet_text(text), text);
        }
        for text in [
            "=1+1",
            "-1 单位",
            "@SUM(A1)",
            "\t=1",
            "城东街道",
            "'城东",
            "'",
            "",
        ] {
            assert_eq!(sheet_unquote(&sheet_text(text)), text);
        }
    }
}
