//! A plan from the sheets an office really keeps: the unit list (title rows above the header,
//! headers with line breaks and units, `8分钟` or Excel time cells, blank and total rows), a
//! sheet of reviewers (评委: 姓名, 职务, 分组, 回避) and one of criteria (指标: 指标, 满分,
//! 分组权重).
//!
//! The header row is found among the first rows of a sheet; every column that is not used is
//! named in a warning; every row skipped is said; every error names the file, the sheet, the
//! row and the column, in the user's language.

use super::{Ctx, Sheet, Table, cell, letter};
use crate::names::{self, Match};
use crate::plan::{Criterion, Group, Plan, Reviewer, Scoring, UnitKind, UnitPlan};
use crate::strings::cli::{self, Column};
use crate::strings::import::{self as s, Skipped};
use crate::strings::{Lang, Said};

/// A plan read from the office's sheets, with what the import has to say about them.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanImport {
    pub plan: Plan,
    /// The workbook's sheet the units came from (`None` for a CSV file).
    pub sheet: Option<String>,
    /// Where the reviewers and the criteria came from (`source` text), when they did.
    pub reviewers_from: Option<String>,
    pub criteria_from: Option<String>,
    /// The unit list's title row, when it has one (the meeting's title without `--title`).
    pub title_row: Option<String>,
    /// Unused columns: one sentence each, never dropped silently.
    pub warnings: Vec<String>,
    /// Rows skipped (titles, blanks, totals, notes) and cells read in a way worth saying.
    pub notes: Vec<String>,
}

/// The other tables a plan may take its reviewers and criteria from (`--reviewers FILE`,
/// `--criteria FILE`); without them, the unit list's workbook is looked at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extra<'a> {
    pub reviewers: Option<&'a Table>,
    pub criteria: Option<&'a Table>,
}

/// A header cell as compared: `names::key`, lower case, no whitespace (line breaks in a cell
/// included), and no unit in brackets at the end (`时长（分钟）` is `时长`).
fn header_form(text: &str) -> String {
    let mut k: String = names::key(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')] {
        if k.ends_with(close)
            && let Some(at) = k.rfind(open)
            && at > 0
        {
            k.truncate(at);
        }
    }
    k
}

/// Whether a header cell names `field` (as `header_form` compares them); also for `podium
/// plan`, which maps a pasted range's columns by its header row.
pub fn is_field(header: &str, field: &Column) -> bool {
    let h = header_form(header);
    !h.is_empty() && field.names.iter().any(|n| header_form(n) == h)
}

/// A sheet with its header row found.
struct Found<'a> {
    ctx: Ctx<'a>,
    header_row: usize,
    /// The header, with a second header row under it read into it (`时长` over `（分钟）`).
    header: Vec<String>,
    /// The second header row, when there is one.
    sub_header: Option<usize>,
    /// The rows below the header.
    rows: Vec<(usize, Vec<String>)>,
    /// Merged cells read for each row they span: the cells (`D4:D5`) and their text.
    spread: Vec<(String, String)>,
    /// Rows above the header (titles).
    titles: Vec<(usize, String)>,
}

/// The header row of `sheet`: the first of its first rows with a `key` column.
fn find_header<'a>(
    table: &'a Table,
    sheet: &'a Sheet,
    key: &Column,
    lang: Lang,
) -> Option<Found<'a>> {
    let first = std::iter::once((sheet.header_row, &sheet.header))
        .chain(sheet.rows.iter().map(|(r, c)| (*r, c)))
        .take(s::HEADER_SEARCH_ROWS);
    let mut titles = Vec::new();
    let mut spread = Vec::new();
    for (k, (row, cells)) in first.enumerate() {
        if cells.iter().any(|c| is_field(c, key)) {
            let mut header = cells.clone();
            let mut sub_header = None;
            let mut k = k;
            if let Some((below, under)) = sheet.rows.get(k).filter(|(r, _)| *r == row + 1)
                && let Some(joined) = two_row_header(sheet, *below, cells, under, key)
            {
                header = joined;
                sub_header = Some(*below);
                k += 1;
            }
            return Some(Found {
                ctx: Ctx { table, sheet, lang },
                header_row: sub_header.unwrap_or(row),
                rows: spread_merged(sheet, k, &header, key, &mut spread),
                header,
                sub_header,
                spread,
                titles,
            });
        }
        let text: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        titles.push((row, text.join(" ")));
    }
    None
}

/// Every column podium reads, of the unit list, the reviewers and the criteria.
const ALL_FIELDS: [&Column; 15] = [
    &s::UNIT,
    &s::KIND,
    &s::ORDER,
    &s::PRESENTER,
    &s::ROLE,
    &s::MINUTES,
    &s::TOPIC,
    &s::CATEGORY,
    &s::REVIEWER,
    &s::REVIEWER_ROLE,
    &s::GROUP,
    &s::RECUSED,
    &s::CRITERION,
    &s::MAX,
    &s::WEIGHTS,
];

fn any_field(text: &str) -> bool {
    ALL_FIELDS.iter().any(|f| is_field(text, f))
}

/// A header of two rows (`汇报人` merged over `姓名` and `职务`; `时长` over `（分钟）`) as
/// one: the row under the header (sheet row `below`) is its second row when its `key`
/// column is empty, it holds no number, minutes, date or total, and each of its cells, with
/// the one above it or alone, names a column podium reads. `None` when it is a row of data.
fn two_row_header(
    sheet: &Sheet,
    below: usize,
    top: &[String],
    under: &[String],
    key: &Column,
) -> Option<Vec<String>> {
    let key_cols: Vec<usize> = (0..top.len())
        .filter(|&c| is_field(cell(top, c), key))
        .collect();
    let texts: Vec<(usize, &str)> = under
        .iter()
        .enumerate()
        .map(|(c, t)| (c, t.trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if texts.is_empty()
        || key_cols.iter().any(|&c| !cell(under, c).trim().is_empty())
        || is_total(under)
        || texts.iter().any(|(c, t)| {
            number(t).is_some()
                || parse_minutes(t).is_some()
                || sheet.dates.contains_key(&(below, *c))
        })
    {
        return None;
    }
    // Every word of the row, with the one above it or alone, names a column podium reads:
    // a unit row missing its name (`张伟` under `汇报人`) is not a header.
    let width = top.len().max(under.len());
    let mut joined = Vec::with_capacity(width);
    for c in 0..width {
        let (a, b) = (cell(top, c).trim(), cell(under, c).trim());
        if b.is_empty() {
            joined.push(a.to_string());
            continue;
        }
        let both = format!("{a}{b}");
        if any_field(&both) {
            joined.push(both);
        } else if any_field(b) {
            joined.push(b.to_string());
        } else {
            return None;
        }
    }
    Some(joined)
}

/// The rows below the header (the `k`th of the first rows), each cell of a merged column
/// (one column wide, two rows or more, below the header) holding the merged text — except
/// in the `key` column, where a merged name is an error the rows report.
fn spread_merged(
    sheet: &Sheet,
    k: usize,
    header: &[String],
    key: &Column,
    spread: &mut Vec<(String, String)>,
) -> Vec<(usize, Vec<String>)> {
    let mut rows: Vec<(usize, Vec<String>)> = sheet.rows.get(k..).unwrap_or_default().to_vec();
    let Some(first_row) = rows.first().map(|(r, _)| *r) else {
        return rows;
    };
    let key_cols: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| is_field(h, key))
        .map(|(i, _)| i)
        .collect();
    for &((r0, c0), (r1, c1)) in &sheet.merged {
        if c0 != c1 || r1 <= r0 || r0 < first_row || key_cols.contains(&c0) {
            continue;
        }
        let Some(text) = rows
            .iter()
            .find(|(r, _)| *r == r0)
            .map(|(_, c)| cell(c, c0).to_string())
            .filter(|t| !t.trim().is_empty())
        else {
            continue;
        };
        let mut any = false;
        for (_, cells) in rows.iter_mut().filter(|(r, _)| (r0 + 1..=r1).contains(r)) {
            if cells.len() <= c0 {
                cells.resize(c0 + 1, String::new());
            }
            if cells[c0].trim().is_empty() {
                cells[c0] = text.clone();
                any = true;
            }
        }
        if any {
            let range = format!("{}{r0}:{}{r1}", letter(c0), letter(c1));
            spread.push((range, text));
        }
    }
    rows
}

fn sheet_name(sheet: &Sheet) -> String {
    sheet.name.clone().unwrap_or_default()
}

impl Found<'_> {
    fn place(&self) -> String {
        self.ctx.place()
    }

    fn at(&self, row: usize, col: usize) -> String {
        self.ctx.at(row, col)
    }

    /// The column of `field`: none, one, or an error when two columns both mean it.
    fn column(&self, field: &Column) -> Result<Option<usize>, String> {
        let cols: Vec<usize> = self
            .header
            .iter()
            .enumerate()
            .filter(|(_, h)| is_field(h, field))
            .map(|(i, _)| i)
            .collect();
        match cols.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            [a, b, ..] => Err(cli::two_columns(
                self.ctx.lang,
                &self.place(),
                (&letter(*a), cell(&self.header, *a)),
                (&letter(*b), cell(&self.header, *b)),
                field,
            )),
        }
    }

    /// The columns of `fields`, or every error (two columns meaning one field).
    fn columns<const N: usize>(
        &self,
        fields: [&Column; N],
        errors: &mut Vec<String>,
    ) -> [Option<usize>; N] {
        fields.map(|f| match self.column(f) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                None
            }
        })
    }

    /// A warning for every column not in `used`: a header podium does not know, or values
    /// under no header.
    fn unused(&self, used: &[Option<usize>], warnings: &mut Vec<String>) {
        let lang = self.ctx.lang;
        let width = self
            .rows
            .iter()
            .map(|(_, c)| c.len())
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        for col in 0..width {
            if used.contains(&Some(col)) {
                continue;
            }
            let head = cell(&self.header, col).trim();
            if !head.is_empty() {
                warnings.push(s::warning(
                    lang,
                    &s::unused_column(lang, &self.place(), &letter(col), head),
                ));
            } else if self
                .rows
                .iter()
                .any(|(_, c)| !cell(c, col).trim().is_empty())
            {
                warnings.push(s::warning(
                    lang,
                    &s::unnamed_column(lang, &self.place(), &letter(col)),
                ));
            }
        }
    }

    /// The title rows, blank rows and `skipped` rows, said.
    fn say_skipped(&self, skipped: &[(Skipped, usize)], notes: &mut Vec<String>) {
        let lang = self.ctx.lang;
        if !self.titles.is_empty() {
            notes.push(s::title_rows(lang, &self.place(), &self.titles));
        }
        if let Some(below) = self.sub_header {
            notes.push(s::two_header_rows(lang, &self.place(), below - 1, below));
        }
        for (range, text) in &self.spread {
            notes.push(s::merged_spread(lang, &self.place(), range, text));
        }
        // Rows the reader left out for holding nothing, between the header and the last row.
        let last = self.rows.last().map_or(self.header_row, |(r, _)| *r);
        let held: std::collections::BTreeSet<usize> = self.rows.iter().map(|(r, _)| *r).collect();
        let blank: Vec<usize> = (self.header_row + 1..last)
            .filter(|r| !held.contains(r))
            .collect();
        if !blank.is_empty() {
            notes.push(s::skipped_rows(lang, &self.place(), Skipped::Blank, &blank));
        }
        for kind in [Skipped::Blank, Skipped::Total, Skipped::Note] {
            let rows: Vec<usize> = skipped
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, r)| *r)
                .collect();
            if !rows.is_empty() {
                notes.push(s::skipped_rows(lang, &self.place(), kind, &rows));
            }
        }
    }
}

/// A row of totals (`合计`, `小计`, `总计` at the start of a cell).
fn is_total(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let k = header_form(c);
        s::TOTAL_WORDS.iter().any(|w| {
            k.strip_prefix(&header_form(w))
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphabetic()))
        })
    })
}

fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// A number as people write it in a cell: full-width digits, edge spaces.
fn number(text: &str) -> Option<f64> {
    let k: String = names::key(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    k.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Minutes from a cell's text: `8`, `8分钟`, `8分`, `6.5`, `08:00` (mm:ss), `0:08:00`
/// (h:mm:ss), `8分30秒`, `90秒`.
pub fn parse_minutes(text: &str) -> Option<f64> {
    let k: String = names::key(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if k.is_empty() {
        return None;
    }
    let whole = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let hours = |t: &str| {
        if t == s::HALF_HOUR {
            return Some(0.5);
        }
        let n = s::HOUR_WORDS.iter().find_map(|w| t.strip_suffix(w))?;
        number(n)
    };
    let seconds = if let Some(h) = hours(&k) {
        h * 3600.0
    } else if k.contains(':') {
        let parts: Vec<&str> = k.split(':').collect();
        match parts.as_slice() {
            [m, sec] => {
                let (m, sec) = (whole(m)?, whole(sec)?);
                (sec < 60).then_some(f64::from(m) * 60.0 + f64::from(sec))?
            }
            [h, m, sec] => {
                let (h, m, sec) = (whole(h)?, whole(m)?, whole(sec)?);
                (m < 60 && sec < 60)
                    .then_some(f64::from(h) * 3600.0 + f64::from(m) * 60.0 + f64::from(sec))?
            }
            _ => return None,
        }
    } else {
        let strip = |t: &str, words: &[&str]| {
            words
                .iter()
                .find_map(|w| t.strip_suffix(w).map(str::to_string))
        };
        if let Some(sec) = strip(&k, s::SECOND_WORDS) {
            // `8分30秒`, or seconds alone.
            match s::MINUTE_WORDS.iter().find_map(|w| {
                sec.split_once(w)
                    .map(|(a, b)| (a.to_string(), b.to_string()))
            }) {
                Some((m, sec)) => number(&m)? * 60.0 + number(&sec)?,
                None => number(&sec)?,
            }
        } else {
            let m = strip(&k, s::MINUTE_WORDS).unwrap_or(k);
            number(&m)? * 60.0
        }
    };
    let minutes = seconds / 60.0;
    // Exact in ten-thousandths, as the plan keeps minutes.
    Some((minutes * 10_000.0).round() / 10_000.0)
}

/// `h:mm:ss` (an Excel time cell as `Sheet.dates` shows it) in seconds.
fn clock_seconds(shown: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = shown.trim().split(':').collect();
    let n = |t: &str| t.parse::<u32>().ok();
    match parts.as_slice() {
        [h, m, sec] => Some((n(h)?, n(m)?, n(sec)?)),
        [h, m] => Some((n(h)?, n(m)?, 0)),
        _ => None,
    }
}

/// Format a number of minutes without trailing zeros.
fn minutes_text(m: f64) -> String {
    let t = format!("{m:.4}");
    t.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A plan from a unit list, with reviewers and criteria from its workbook's sheets 评委 and
/// 指标 or from `extra`'s tables. Every error found, one sentence each, in `lang`.
pub fn plan(
    table: &Table,
    extra: Extra,
    title: &str,
    lang: Lang,
) -> Result<PlanImport, Vec<String>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let found = units_sheet(table, lang).map_err(|e| vec![e])?;
    let mut unit_rows = Vec::new();
    let mut role_rows = Vec::new();
    let units = read_units(
        &found,
        (&mut unit_rows, &mut role_rows),
        &mut errors,
        &mut warnings,
        &mut notes,
    );

    // Reviewers and criteria: from their own files, else the workbook's sheets by name.
    let reviewers_sheet = pick_named(
        extra.reviewers.unwrap_or(table),
        extra.reviewers.is_some(),
        s::REVIEWER_SHEETS,
        &s::REVIEWER,
        s::REVIEWER_LIST,
        lang,
    );
    let criteria_sheet = pick_named(
        extra.criteria.unwrap_or(table),
        extra.criteria.is_some(),
        s::CRITERIA_SHEETS,
        &s::CRITERION,
        s::CRITERIA_LIST,
        lang,
    );
    let source_of = |f: &Found| {
        let name = crate::text::file_name(std::path::Path::new(&f.ctx.table.name));
        let source = super::source(f.ctx.table.encoding, f.ctx.sheet.name.as_deref(), lang);
        s::file_source(lang, &name, &source)
    };
    let mut reviewers_from = None;
    let mut criteria_from = None;
    let mut criterion_rows = Vec::new();
    let (criteria, groups) = match &criteria_sheet {
        Ok(Some(f)) => {
            criteria_from = Some(source_of(f));
            read_criteria(
                f,
                &mut criterion_rows,
                &mut errors,
                &mut warnings,
                &mut notes,
            )
        }
        Ok(None) => (Vec::new(), Vec::new()),
        Err(e) => {
            errors.push(e.clone());
            (Vec::new(), Vec::new())
        }
    };
    let mut reviewer_rows = Vec::new();
    let reviewers = match &reviewers_sheet {
        Ok(Some(f)) => {
            reviewers_from = Some(source_of(f));
            let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
            let read = (&mut reviewer_rows, &mut errors, &mut warnings, &mut notes);
            read_reviewers(f, &names, &groups, read)
        }
        Ok(None) => Vec::new(),
        Err(e) => {
            errors.push(e.clone());
            Vec::new()
        }
    };
    let grouped: Vec<&str> =
        reviewers
            .iter()
            .filter_map(|r| r.group.as_deref())
            .fold(Vec::new(), |mut seen, g| {
                if !seen.contains(&g) {
                    seen.push(g);
                }
                seen
            });
    if groups.is_empty() && !grouped.is_empty() {
        notes.push(s::groups_without_weights(lang, &grouped));
    }
    let scoring = (!criteria.is_empty() || !groups.is_empty()).then(|| Scoring {
        criteria,
        groups,
        ..Scoring::default()
    });
    let said = heading(&found.titles);
    if said != Heading::default() {
        let shown = |v: &Option<String>| v.clone().unwrap_or_default();
        notes.push(s::heading_read(
            lang,
            &found.place(),
            [&said.date, &said.start, &said.venue, &said.host].map(shown),
        ));
    }
    // The meeting's roles: from the title rows, then from rows of the table that state them.
    let mut roles = Roles::default();
    for (row, text) in &found.titles {
        roles.read_at(text, *row);
    }
    if roles != Roles::default() {
        notes.push(roles.said(lang, &found.place()));
    }
    for (row, text) in &role_rows {
        let mut one = Roles::default();
        one.read_at(text, *row);
        notes.push(one.said(lang, &format!("{}:{row}", found.place())));
        roles.extend(one);
    }
    let role_rows_of = roles.clone();
    // A plan with a kind other than a report, or with the meeting's roles, says the plan
    // version that added them.
    let new_fields = units.iter().any(|u| u.kind.is_some()) || roles != Roles::default();
    let plan = Plan {
        version: new_fields.then_some(KINDS_VERSION),
        title: title.to_string(),
        date: said.date,
        start: said.start,
        venue: said.venue,
        host: said.host,
        attendees: roles.attendees,
        observers: roles.observers,
        recorder: roles.recorder,
        talk_minutes: None,
        warn_seconds: None,
        units,
        reviewers,
        scoring,
        tasks: Vec::new(),
        previous: None,
    };
    if errors.is_empty() {
        // Each problem at the cell it comes from (`汇报安排:5:D`), not `units[2].minutes`.
        let sheets = [
            ("units", Some(&found), &unit_rows),
            (
                "reviewers",
                reviewers_sheet.as_ref().ok().and_then(Option::as_ref),
                &reviewer_rows,
            ),
            (
                "criteria",
                criteria_sheet.as_ref().ok().and_then(Option::as_ref),
                &criterion_rows,
            ),
        ];
        for finding in plan.validate().iter() {
            let place = match role_rows_of.row_of(&finding.path) {
                Some(row) => format!("{}:{row}", found.place()),
                None => finding_place(&finding.path, &sheets).unwrap_or_else(|| found.place()),
            };
            if !finding.warning {
                errors.push(crate::strings::finding(lang, &place, None, finding));
            } else if matches!(finding.problem, crate::plan::Problem::MinutesIgnored { .. }) {
                // A written item's minutes: kept, and said (nothing uses them).
                warnings.push(crate::strings::finding(lang, &place, None, finding));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The first title row, unless it states the meeting's people (`出席：…`).
    let title_row = found
        .titles
        .first()
        .map(|(_, t)| t.clone())
        .filter(|t| !t.is_empty() && !is_roles_row(std::slice::from_ref(t)));
    Ok(PlanImport {
        plan,
        sheet: found.ctx.sheet.name.clone(),
        reviewers_from,
        criteria_from,
        title_row,
        warnings,
        notes,
    })
}

/// The cell a plan's problem comes from: `units[2].minutes` is the unit sheet's row of the
/// third unit, in its minutes column (`scoring.criteria[i]` the criteria's, `reviewers[i]` the
/// reviewers'); the field's column, else the name's.
fn finding_place(
    path: &[crate::jsonpos::Seg],
    sheets: &[(&str, Option<&Found>, &Vec<usize>); 3],
) -> Option<String> {
    use crate::jsonpos::Seg;
    let path = match path {
        [Seg::Key(k), rest @ ..] if k == "scoring" => rest,
        _ => path,
    };
    let [Seg::Key(list), Seg::Index(i), rest @ ..] = path else {
        return None;
    };
    let (_, found, rows) = sheets.iter().find(|(name, _, _)| name == list)?;
    let (found, row) = (found.as_ref()?, *rows.get(*i)?);
    let field = match rest.first() {
        Some(Seg::Key(k)) => k.as_str(),
        _ => "name",
    };
    let column = |c: &Column| found.column(c).ok().flatten();
    let col = match (list.as_str(), field) {
        ("units", "presenter") => column(&s::PRESENTER),
        ("units", "role") => column(&s::ROLE),
        ("units", "minutes") => column(&s::MINUTES),
        ("units", "topic") => column(&s::TOPIC),
        ("units", "category") => column(&s::CATEGORY),
        ("units", "kind") => column(&s::KIND),
        ("units", _) => None,
        ("reviewers", "role") => column(&s::REVIEWER_ROLE),
        ("reviewers", "group") => column(&s::GROUP),
        ("reviewers", "recused") => column(&s::RECUSED),
        ("reviewers", _) => None,
        (_, "max") => column(&s::MAX),
        _ => None,
    };
    let key = match list.as_str() {
        "units" => &s::UNIT,
        "reviewers" => &s::REVIEWER,
        _ => &s::CRITERION,
    };
    let col = col.or_else(|| column(key))?;
    Some(found.at(row, col))
}

/// What a unit list's title rows say of the meeting (`时间：2026年9月28日14:30  地点：…`).
#[derive(Debug, Clone, Default, PartialEq)]
struct Heading {
    date: Option<String>,
    start: Option<String>,
    venue: Option<String>,
    host: Option<String>,
}

/// The digits ending at byte `end` of `text`.
fn digits_before(text: &str, end: usize) -> Option<u32> {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    head[start..].parse().ok()
}

/// `2026年9月28日` (full-width digits too) as `2026-09-28`, and the byte after it.
fn date_in(text: &str) -> Option<(String, usize)> {
    let year_at = text.find(s::YEAR)?;
    let rest = &text[year_at + s::YEAR.len()..];
    let month_at = rest.find(s::MONTH)?;
    let after_month = &rest[month_at + s::MONTH.len()..];
    let day_at = after_month.find(s::DAY)?;
    let y = digits_before(text, year_at)?;
    let m = digits_before(rest, month_at)?;
    let d = digits_before(after_month, day_at)?;
    if rest[..month_at].trim().len() != month_at || after_month[..day_at].trim().len() != day_at {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(y as i32, m, d)?;
    let end = year_at + s::YEAR.len() + month_at + s::MONTH.len() + day_at + s::DAY.len();
    Some((date.format("%Y-%m-%d").to_string(), end))
}

/// The text after a label (`地点：` or `地点:`) up to the next space.
fn labelled(text: &str, labels: &[&str]) -> Option<String> {
    labels.iter().find_map(|label| {
        let at = text.find(label)?;
        let rest = text[at + label.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let value: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
        (!value.is_empty()).then_some(value)
    })
}

fn heading(titles: &[(usize, String)]) -> Heading {
    let mut out = Heading::default();
    for (_, row) in titles {
        let row = names::key(row);
        if out.date.is_none()
            && let Some((date, end)) = date_in(&row)
        {
            out.date = Some(date);
            // A start right after the date: `2026年9月28日14:30`, `… 下午 2:30` is not taken.
            let after = row[end..].trim_start();
            let clock: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ':')
                .collect();
            if let Some(t) = crate::plan::parse_start(&clock) {
                out.start = Some(t.format("%H:%M").to_string());
            }
        }
        if out.venue.is_none() {
            out.venue = labelled(&row, s::VENUE_LABELS);
        }
        if out.host.is_none() {
            out.host = labelled(&row, s::HOST_LABELS);
        }
    }
    out
}

/// The plan version that added agenda kinds and the meeting's roles.
const KINDS_VERSION: u32 = 2;

/// The meeting's roles a sheet states (`出席：…`, `列席：…`, `记录：…`).
#[derive(Debug, Clone, Default, PartialEq)]
struct Roles {
    attendees: Vec<String>,
    observers: Vec<String>,
    recorder: Option<String>,
    /// The sheet row each of `attendees` came from, each of `observers`, and the rows that
    /// state the recorder: a problem with a name is said at its row.
    rows: [Vec<usize>; 3],
}

impl Roles {
    /// What `text` (a title row, a row of the table) states, added to what is known.
    #[cfg(test)]
    fn read(&mut self, text: &str) {
        self.read_at(text, 0);
    }

    /// What `text`, the sheet's row `row`, states, added to what is known. A recorder stated
    /// on two rows is both (`张三、李四`), never the first alone: every row read is said.
    fn read_at(&mut self, text: &str, row: usize) {
        if let Some(v) = role_value(text, s::ATTENDEE_LABELS) {
            let names = split_names(&v);
            self.rows[0].extend(std::iter::repeat_n(row, names.len()));
            self.attendees.extend(names);
        }
        if let Some(v) = role_value(text, s::OBSERVER_LABELS) {
            let names = split_names(&v);
            self.rows[1].extend(std::iter::repeat_n(row, names.len()));
            self.observers.extend(names);
        }
        if let Some(v) = role_value(text, s::RECORDER_LABELS) {
            self.add_recorder(v, &[row]);
        }
    }

    fn add_recorder(&mut self, name: String, rows: &[usize]) {
        self.recorder = match self.recorder.take() {
            None => Some(name),
            // The same name stated again (a title row and a row below).
            Some(known)
                if known == name
                    || known
                        .split(s::NAME_SEPARATORS)
                        .any(|part| part.trim() == name) =>
            {
                Some(known)
            }
            Some(known) => {
                let sep = if known.is_ascii() && name.is_ascii() {
                    s::NAMES_JOINED_EN
                } else {
                    s::NAMES_JOINED_ZH
                };
                Some(format!("{known}{sep}{name}"))
            }
        };
        self.rows[2].extend_from_slice(rows);
    }

    /// `other`'s names after these.
    fn extend(&mut self, other: Roles) {
        self.attendees.extend(other.attendees);
        self.observers.extend(other.observers);
        let [a, o, r] = other.rows;
        self.rows[0].extend(a);
        self.rows[1].extend(o);
        if let Some(name) = other.recorder {
            self.add_recorder(name, &r);
        }
    }

    /// The row a plan's problem at `path` comes from (`attendees[2]`, `recorder`).
    fn row_of(&self, path: &[crate::jsonpos::Seg]) -> Option<usize> {
        use crate::jsonpos::Seg;
        match path {
            [Seg::Key(k), Seg::Index(i), ..] if k == "attendees" => self.rows[0].get(*i).copied(),
            [Seg::Key(k), Seg::Index(i), ..] if k == "observers" => self.rows[1].get(*i).copied(),
            [Seg::Key(k), ..] if k == "recorder" => self.rows[2].first().copied(),
            _ => None,
        }
    }

    fn said(&self, lang: Lang, place: &str) -> String {
        s::roles_read(
            lang,
            place,
            &self.attendees,
            &self.observers,
            self.recorder.as_deref(),
        )
    }
}

/// Where `label` followed by a colon (`:` or `：`, spaces around) starts in `text`, and where
/// its value starts.
fn label_at(text: &str, label: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = text[from..].find(label) {
        let at = from + i;
        let rest = &text[at + label.len()..];
        let after = rest.trim_start();
        if let Some(value) = after.strip_prefix([':', '：']) {
            let start = text.len() - value.len();
            return Some((at, start));
        }
        from = at + label.len();
    }
    None
}

/// The value after one of `labels` (`出席：甲、乙`): up to the next label of the row, a gap
/// of two spaces or a full-width space, or the end. `None` when no label is there or its
/// value is empty.
fn role_value(text: &str, labels: &[&str]) -> Option<String> {
    let (_, start) = labels.iter().find_map(|l| label_at(text, l))?;
    let rest = &text[start..];
    let others = [
        s::ATTENDEE_LABELS,
        s::OBSERVER_LABELS,
        s::RECORDER_LABELS,
        s::VENUE_LABELS,
        s::HOST_LABELS,
        s::OTHER_LABELS,
    ];
    let mut end = rest.len();
    for label in others.iter().flat_map(|l| l.iter()) {
        if let Some((at, _)) = label_at(rest, label) {
            end = end.min(at);
        }
    }
    for gap in ["  ", "\u{3000}", "\t", "\n"] {
        if let Some(at) = rest.trim_start().find(gap) {
            end = end.min(at + (rest.len() - rest.trim_start().len()));
        }
    }
    let value = rest[..end].trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Names separated by `、` `，` `,` `;` `；`, never inside brackets (`张三（市委常委、副市长）`
/// is one name).
pub fn split_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' | '〔' => depth += 1,
            ')' | '）' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && s::NAME_SEPARATORS.contains(&c) {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    out.push(current);
    out.into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// A row whose every filled cell states a role of the meeting (`出席：…`).
fn is_roles_row(cells: &[String]) -> bool {
    let mut any = false;
    for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let starts = [s::ATTENDEE_LABELS, s::OBSERVER_LABELS, s::RECORDER_LABELS]
            .iter()
            .flat_map(|l| l.iter())
            .any(|l| label_at(c, l).is_some_and(|(at, _)| at == 0));
        if !starts {
            return false;
        }
        any = true;
    }
    any
}

/// Whether a sheet's name is one of `names`.
fn named(sheet: &Sheet, names: &[&str]) -> bool {
    sheet
        .name
        .as_deref()
        .is_some_and(|n| names.iter().any(|x| header_form(x) == header_form(n)))
}

/// The sheet of the unit list: the one sheet (not the reviewers' nor the criteria's) with a
/// unit column in its first rows.
fn units_sheet(table: &Table, lang: Lang) -> Result<Found<'_>, String> {
    let candidates: Vec<&Sheet> = table
        .sheets
        .iter()
        .filter(|sh| !sh.header.is_empty())
        .filter(|sh| !named(sh, s::REVIEWER_SHEETS) && !named(sh, s::CRITERIA_SHEETS))
        .collect();
    let mut fits: Vec<Found> = candidates
        .iter()
        .filter_map(|sh| find_header(table, sh, &s::UNIT, lang))
        .collect();
    // A workbook that also holds a score sheet (单位, 评委, 得分): the unit list is the other.
    let score_sheet = |f: &Found| {
        [cli::COL_REVIEWER, cli::COL_SCORE]
            .iter()
            .all(|c| f.header.iter().any(|h| is_field(h, c)))
    };
    if fits.len() > 1 && fits.iter().any(|f| !score_sheet(f)) {
        fits.retain(|f| !score_sheet(f));
    }
    let mut fits = fits.into_iter();
    match (fits.next(), fits.next()) {
        (Some(one), None) => Ok(one),
        (Some(a), Some(b)) => Err(cli::two_sheets_fit(
            lang,
            &table.name,
            &sheet_name(a.ctx.sheet),
            &sheet_name(b.ctx.sheet),
            &[s::UNIT],
            s::UNIT_LIST,
        )),
        (None, _) => match candidates.as_slice() {
            [] => {
                // A workbook of the reviewers' or criteria's sheets only is not empty.
                let others: Vec<String> = table
                    .sheets
                    .iter()
                    .filter(|sh| !sh.header.is_empty() || !sh.rows.is_empty())
                    .map(sheet_name)
                    .collect();
                Err(if others.is_empty() {
                    crate::strings::console::file_is_empty(lang, &table.name)
                } else {
                    s::only_other_sheets(lang, &table.name, &others)
                })
            }
            [one] if table.sheets.len() == 1 => {
                let ctx = Ctx {
                    table,
                    sheet: one,
                    lang,
                };
                Err(s::no_header(lang, &ctx.place(), &s::UNIT, s::UNIT_LIST))
            }
            many => {
                let heads: Vec<String> = many
                    .iter()
                    .map(|sh| {
                        let mut head: Vec<&str> =
                            sh.header.iter().take(8).map(String::as_str).collect();
                        if sh.header.len() > 8 {
                            head.push("…");
                        }
                        cli::sheet_head(lang, &sheet_name(sh), &head)
                    })
                    .collect();
                Err(cli::no_sheet_fits(
                    lang,
                    &table.name,
                    &[s::UNIT],
                    s::UNIT_LIST,
                    &heads,
                ))
            }
        },
    }
}

/// The reviewers' or criteria's sheet: the one named so; in a file of its own, also its only
/// sheet with a `key` column. `None` in the unit list's workbook without such a sheet.
fn pick_named<'a>(
    table: &'a Table,
    own_file: bool,
    names: &[&str],
    key: &Column,
    what: Said,
    lang: Lang,
) -> Result<Option<Found<'a>>, String> {
    let by_name = table.sheets.iter().find(|sh| named(sh, names));
    let sheet = match by_name {
        Some(sh) => Some(sh),
        None if own_file => {
            let fits: Vec<&Sheet> = table
                .sheets
                .iter()
                .filter(|sh| find_header(table, sh, key, lang).is_some())
                .collect();
            match fits.as_slice() {
                [one] => Some(*one),
                _ => return Err(s::no_such_sheet(lang, &table.name, names, what)),
            }
        }
        None => None,
    };
    let Some(sheet) = sheet else {
        return Ok(None);
    };
    match find_header(table, sheet, key, lang) {
        Some(f) => Ok(Some(f)),
        None => {
            let ctx = Ctx { table, sheet, lang };
            Err(s::no_header(lang, &ctx.place(), key, what))
        }
    }
}

/// Excel's error values, which a failed formula (a `VLOOKUP` that found nothing) leaves in
/// a cell and a CSV saved from the sheet keeps as text.
const EXCEL_ERRORS: &[&str] = &[
    "#N/A",
    "#REF!",
    "#DIV/0!",
    "#VALUE!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
];

/// An error for the first cell of `cols` in `cells` that holds an Excel error value (never
/// a name, a presenter or a number of minutes).
fn excel_error(f: &Found, row: usize, cells: &[String], cols: &[Option<usize>]) -> Option<String> {
    cols.iter().flatten().find_map(|&c| {
        let text = cell(cells, c).trim();
        if f.ctx.sheet.unsaved.contains(&(row, c)) {
            return Some(s::unsaved_formula(f.ctx.lang, &f.at(row, c), text));
        }
        EXCEL_ERRORS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(text))
            .then(|| s::excel_error(f.ctx.lang, &f.at(row, c), text))
    })
}

fn text_at(cells: &[String], col: Option<usize>) -> Option<String> {
    col.map(|c| cell(cells, c).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The sheet rows of the units read, and the rows stating the meeting's roles (`出席：…`)
/// with their text.
type UnitRows<'a> = (&'a mut Vec<usize>, &'a mut Vec<(usize, String)>);

fn read_units(
    f: &Found,
    (rows, role_rows): UnitRows,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Vec<UnitPlan> {
    let lang = f.ctx.lang;
    let cols = f.columns(
        [
            &s::UNIT,
            &s::ORDER,
            &s::PRESENTER,
            &s::ROLE,
            &s::MINUTES,
            &s::TOPIC,
            &s::CATEGORY,
            &s::KIND,
        ],
        errors,
    );
    let [unit, order, presenter, role, minutes, topic, category, kind] = cols;
    let Some(unit) = unit else {
        return Vec::new();
    };
    f.unused(&cols, warnings);
    let mut skipped = Vec::new();
    let mut units: Vec<(f64, usize, usize, UnitPlan)> = Vec::new();
    for (i, (row, cells)) in f.rows.iter().enumerate() {
        let row = *row;
        if is_total(cells) {
            skipped.push((Skipped::Total, row));
            continue;
        }
        // A row of the meeting's data (`出席：…`, `记录：…`), in any column: not a unit.
        if is_roles_row(cells) {
            let text: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let text = text.join("  ");
            let mut said = Roles::default();
            said.read_at(&text, row);
            if said == Roles::default() {
                // `出席：` with nothing after it: a note like any other.
                skipped.push((Skipped::Note, row));
            } else {
                role_rows.push((row, text));
            }
            continue;
        }
        if let Some(e) =
            excel_error(f, row, cells, &cols).or_else(|| f.ctx.date(row, unit, s::A_UNIT_NAME))
        {
            errors.push(e);
            continue;
        }
        let name = cell(cells, unit).trim().to_string();
        if name.is_empty() {
            // A note under the table (one cell of text), else a unit row missing its name.
            let used = [presenter, role, minutes, topic, category, kind];
            let data = used
                .iter()
                .flatten()
                .any(|c| !cell(cells, *c).trim().is_empty());
            if filled(cells) <= 1 && !data {
                skipped.push((Skipped::Note, row));
            } else {
                errors.push(s::empty_unit(lang, &f.at(row, unit)));
            }
            continue;
        }
        if let Some(e) = order.and_then(|c| f.ctx.date(row, c, cli::A_NUMBER)) {
            errors.push(e);
            continue;
        }
        let sort = match text_at(cells, order) {
            None => i as f64,
            // Any f64 sorts (NaN and infinities by `total_cmp`), as the order always has.
            Some(t) => match names::key(&t).parse::<f64>().ok() {
                Some(v) => v,
                None => {
                    errors.push(s::bad_order(lang, &f.at(row, order.unwrap_or(0)), &t));
                    continue;
                }
            },
        };
        let item_kind = match text_at(cells, kind) {
            None => None,
            Some(t) => match s::kind_of_word(&t) {
                // A report is what a row is without a kind: the plan leaves it out.
                Some(UnitKind::Report) => None,
                Some(k) => Some(k),
                None => {
                    errors.push(s::unknown_kind(lang, &f.at(row, kind.unwrap_or(0)), &t));
                    continue;
                }
            },
        };
        let mins = match minutes {
            None => None,
            Some(c) => match read_minutes(f, row, c, cells, notes) {
                Ok(m) => m,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
        };
        units.push((
            sort,
            i,
            row,
            UnitPlan {
                name,
                kind: item_kind,
                presenter: text_at(cells, presenter),
                role: text_at(cells, role),
                minutes: mins,
                topic: text_at(cells, topic),
                category: text_at(cells, category),
            },
        ));
    }
    f.say_skipped(&skipped, notes);
    units.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    rows.extend(units.iter().map(|u| u.2));
    units.into_iter().map(|u| u.3).collect()
}

/// The minutes of a cell: its text, or an Excel time or duration (`0:08:00` is 8 minutes; a
/// time of an hour or more is what Excel makes of a typed `8:30`, taken as 8½ minutes and
/// said). A date is refused.
fn read_minutes(
    f: &Found,
    row: usize,
    col: usize,
    cells: &[String],
    notes: &mut Vec<String>,
) -> Result<Option<f64>, String> {
    let lang = f.ctx.lang;
    let at = f.at(row, col);
    if let Some((shown, time)) = f.ctx.sheet.dates.get(&(row, col)) {
        if !*time {
            return Err(f.ctx.date(row, col, cli::A_MINUTES).unwrap_or_default());
        }
        let Some((h, m, sec)) = clock_seconds(shown) else {
            return Err(s::bad_minutes(lang, &at, shown));
        };
        if h == 0 {
            return Ok(Some(
                (f64::from(m * 60 + sec) / 60.0 * 10_000.0).round() / 10_000.0,
            ));
        }
        if sec != 0 || m >= 60 {
            return Err(s::bad_minutes(lang, &at, shown));
        }
        let minutes = (f64::from(h * 60 + m) / 60.0 * 10_000.0).round() / 10_000.0;
        notes.push(s::time_as_minutes(lang, &at, shown, &minutes_text(minutes)));
        return Ok(Some(minutes));
    }
    let text = cell(cells, col).trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_minutes(text)
        .map(Some)
        .ok_or_else(|| s::bad_minutes(lang, &at, text))
}

/// Splits a list cell (`市财政局、城东街道`, `a, b; c`, or spaces).
fn list_items(text: &str) -> Vec<String> {
    text.split(|c: char| s::LIST_SEPARATORS.contains(&c) || c.is_whitespace())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The rows read, the errors, the warnings and the notes.
type Out<'a> = (
    &'a mut Vec<usize>,
    &'a mut Vec<String>,
    &'a mut Vec<String>,
    &'a mut Vec<String>,
);

fn read_reviewers(f: &Found, units: &[&str], groups: &[Group], out: Out) -> Vec<Reviewer> {
    let (rows, errors, warnings, notes) = out;
    let lang = f.ctx.lang;
    let cols = f.columns(
        [&s::REVIEWER, &s::REVIEWER_ROLE, &s::GROUP, &s::RECUSED],
        errors,
    );
    let [name, role, group, recused] = cols;
    let Some(name) = name else {
        return Vec::new();
    };
    f.unused(&cols, warnings);
    let index = names::Index::new(units.iter().copied());
    let mut skipped = Vec::new();
    let mut out = Vec::new();
    for (row, cells) in &f.rows {
        let row = *row;
        if is_total(cells) {
            skipped.push((Skipped::Total, row));
            continue;
        }
        if let Some(e) =
            excel_error(f, row, cells, &cols).or_else(|| f.ctx.date(row, name, s::A_REVIEWER_NAME))
        {
            errors.push(e);
            continue;
        }
        let reviewer = cell(cells, name).trim().to_string();
        if reviewer.is_empty() {
            if filled(cells) <= 1 {
                skipped.push((Skipped::Note, row));
            } else {
                errors.push(s::empty_reviewer(lang, &f.at(row, name)));
            }
            continue;
        }
        let in_group = text_at(cells, group);
        if let (Some(g), Some(col)) = (&in_group, group)
            && !groups.is_empty()
            && !groups.iter().any(|x| names::key(&x.name) == names::key(g))
        {
            errors.push(s::group_without_weight(lang, &f.at(row, col), g));
        }
        // The group as the weights spell it.
        let in_group = in_group.map(|g| {
            groups
                .iter()
                .find(|x| names::key(&x.name) == names::key(&g))
                .map_or(g, |x| x.name.clone())
        });
        let mut away = Vec::new();
        if let Some(col) = recused {
            for item in list_items(cell(cells, col)) {
                match index.find(&item) {
                    Match::One(u) => {
                        if !away.iter().any(|a: &String| a == u) {
                            away.push(u.to_string());
                        }
                    }
                    Match::None => errors.push(s::unknown_recused(lang, &f.at(row, col), &item)),
                    Match::Many(many) => errors.push(format!(
                        "{}: {}",
                        f.at(row, col),
                        names::ambiguous(lang, "unit", &item, &many)
                    )),
                }
            }
        }
        rows.push(row);
        out.push(Reviewer {
            name: reviewer,
            role: text_at(cells, role),
            group: in_group,
            recused: away,
        });
    }
    f.say_skipped(&skipped, notes);
    out
}

/// A weight as written: `60`, `60%`, `60％`.
fn weight(text: &str) -> Option<f64> {
    let k = names::key(text);
    number(k.trim().trim_end_matches('%')).filter(|v| *v > 0.0)
}

/// `领导组 60%`, `领导组：60`, `领导组60%`: the group and its weight.
fn group_weight(item: &str) -> Option<(String, f64)> {
    let k = names::key(item);
    let k = k.trim().trim_end_matches('%').trim_end();
    let digits = k
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let (name, value) = k.split_at(digits);
    let name = name.trim_end_matches([':', '=', ' ']).trim();
    let value = weight(value)?;
    (!name.is_empty()).then(|| (name.to_string(), value))
}

fn read_criteria(
    f: &Found,
    rows: &mut Vec<usize>,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> (Vec<Criterion>, Vec<Group>) {
    let lang = f.ctx.lang;
    let cols = f.columns([&s::CRITERION, &s::MAX, &s::WEIGHTS], errors);
    let [name, max, weights] = cols;
    let Some(name) = name else {
        return (Vec::new(), Vec::new());
    };
    f.unused(&cols, warnings);
    let mut skipped = Vec::new();
    let mut criteria = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut weights_at = None;
    for (row, cells) in &f.rows {
        let row = *row;
        // Group weights may sit on any row, a total row's included.
        if let Some(col) = weights {
            for item in list_items_keeping_pairs(cell(cells, col)) {
                weights_at.get_or_insert(f.at(row, col));
                match group_weight(&item) {
                    Some((g, w)) => {
                        if groups.iter().any(|x| names::key(&x.name) == names::key(&g)) {
                            errors.push(s::weight_twice(lang, &f.at(row, col), &g));
                        } else {
                            groups.push(Group { name: g, weight: w });
                        }
                    }
                    None => errors.push(s::bad_weight(lang, &f.at(row, col), &item)),
                }
            }
        }
        if is_total(cells) {
            skipped.push((Skipped::Total, row));
            continue;
        }
        if let Some(e) = excel_error(f, row, cells, &[Some(name), max]) {
            errors.push(e);
            continue;
        }
        let criterion = cell(cells, name).trim().to_string();
        if criterion.is_empty() {
            let only_weights =
                weights.is_some_and(|c| !cell(cells, c).trim().is_empty()) && filled(cells) == 1;
            if !only_weights {
                if filled(cells) <= 1 {
                    skipped.push((Skipped::Note, row));
                } else {
                    errors.push(s::empty_criterion(lang, &f.at(row, name)));
                }
            }
            continue;
        }
        let Some(col) = max.filter(|c| !cell(cells, *c).trim().is_empty()) else {
            errors.push(s::no_max(lang, &f.at(row, max.unwrap_or(name)), &criterion));
            continue;
        };
        let text = cell(cells, col).trim();
        let value = number(text.trim_end_matches('分')).filter(|v| *v > 0.0);
        match value {
            Some(v) => {
                rows.push(row);
                criteria.push(Criterion {
                    name: criterion,
                    max: v,
                })
            }
            None => errors.push(s::bad_number(lang, &f.at(row, col), text, s::A_MAX)),
        }
    }
    if !groups.is_empty() {
        let total: f64 = groups.iter().map(|g| g.weight).sum();
        if (total - 100.0).abs() > 1e-9 {
            let place = weights_at.unwrap_or_else(|| f.place());
            errors.push(s::weights_not_100(lang, &place, &minutes_text(total)));
        }
    }
    f.say_skipped(&skipped, notes);
    (criteria, groups)
}

/// A group-weights cell split into `group weight` items: by the list separators, and by
/// spaces only where a space ends a weight (`领导组 60% 专家组 40%`).
fn list_items_keeping_pairs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text
        .split(|c: char| s::LIST_SEPARATORS.contains(&c))
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let mut current = String::new();
        for word in part.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            if group_weight(&current).is_some() {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_as_people_write_them() {
        for (text, want) in [
            ("8", 8.0),
            ("8分钟", 8.0),
            ("8分", 8.0),
            ("08:00", 8.0),
            ("8:30", 8.5),
            ("0:08:00", 8.0),
            ("6.5", 6.5),
            ("6.5分钟", 6.5),
            ("８分钟", 8.0),
            (" 10 min", 10.0),
            ("8分30秒", 8.5),
            ("90秒", 1.5),
            ("1小时", 60.0),
            ("1.5 小时", 90.0),
            ("半小时", 30.0),
            ("1 hour", 60.0),
        ] {
            assert_eq!(parse_minutes(text), Some(want), "{text}");
        }
        for text in [
            "",
            "八分钟",
            "8:75",
            "a:b",
            "1:2:3:4",
            "约8分钟",
            "小时",
            "一小时",
        ] {
            assert_eq!(parse_minutes(text), None, "{text}");
        }
    }

    #[test]
    fn headers_with_breaks_spaces_and_units() {
        assert!(is_field("时长（分钟）", &s::MINUTES));
        assert!(is_field("时长(分钟)", &s::MINUTES));
        assert!(is_field("汇报\n时长", &s::MINUTES));
        assert!(is_field(" 汇 报 单 位 ", &s::UNIT));
        assert!(is_field("Unit", &s::UNIT));
        assert!(!is_field("备注", &s::UNIT));
        assert!(!is_field("(分钟)", &s::MINUTES));
    }

    #[test]
    fn total_rows() {
        let row = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_total(&row(&["", "合计", "", "96"])));
        assert!(is_total(&row(&["合 计：", ""])));
        assert!(is_total(&row(&["小计"])));
        assert!(!is_total(&row(&["1", "总计划局"])));
    }

    #[test]
    fn what_title_rows_say_of_the_meeting() {
        let rows = |t: &[&str]| -> Vec<(usize, String)> {
            t.iter()
                .enumerate()
                .map(|(i, s)| (i + 1, s.to_string()))
                .collect()
        };
        let h = heading(&rows(&[
            "工作汇报会",
            "时间：２０２６年9月28日 14:30　地点：市政府第一会议室　主持人：王市长",
        ]));
        assert_eq!(h.date.as_deref(), Some("2026-09-28"));
        assert_eq!(h.start.as_deref(), Some("14:30"));
        assert_eq!(h.venue.as_deref(), Some("市政府第一会议室"));
        assert_eq!(h.host.as_deref(), Some("王市长"));
        // Nothing that is not plainly a date, a start, a venue or a host.
        assert_eq!(
            heading(&rows(&["2026年第三季度工作汇报会"])),
            Heading::default()
        );
        assert_eq!(heading(&rows(&["2026年2月30日"])), Heading::default());
        let h = heading(&rows(&["2026年9月28日（星期一）下午2:30"]));
        assert_eq!((h.date.as_deref(), h.start), (Some("2026-09-28"), None));
    }

    #[test]
    fn the_meetings_people_as_rows_state_them() {
        let mut r = Roles::default();
        r.read("出席： 王明（市委书记）、李明（市长）；王强(市委常委、副市长)  列席:各区负责人");
        assert_eq!(
            r.attendees,
            ["王明（市委书记）", "李明（市长）", "王强(市委常委、副市长)"]
        );
        assert_eq!(r.observers, ["各区负责人"]);
        r.read("Recorder: Zhang Min  Attendees: Ma, Li");
        assert_eq!(r.recorder.as_deref(), Some("Zhang Min"));
        assert_eq!(r.attendees.len(), 5);
        // A label without its colon is a word, not a label.
        let mut none = Roles::default();
        none.read("会议记录表");
        none.read("出席会议的单位");
        assert_eq!(none, Roles::default());
        assert!(is_roles_row(&["列席：甲".to_string(), String::new()]));
        assert!(!is_roles_row(&["列席：甲".to_string(), "8".to_string()]));
        assert!(!is_roles_row(&["城东区出席：甲".to_string()]));
    }

    #[test]
    fn group_weights() {
        assert_eq!(group_weight("领导组 60%"), Some(("领导组".into(), 60.0)));
        assert_eq!(group_weight("专家组：40"), Some(("专家组".into(), 40.0)));
        assert_eq!(group_weight("群众组12.5％"), Some(("群众组".into(), 12.5)));
        assert_eq!(group_weight("领导组"), None);
        assert_eq!(
            list_items_keeping_pairs("领导组 60% 专家组 40%"),
            vec!["领导组 60%".to_string(), "专家组 40%".to_string()]
        );
        assert_eq!(
            list_items_keeping_pairs("领导组：60%；专家组：40%"),
            vec!["领导组：60%".to_string(), "专家组：40%".to_string()]
        );
    }
}
