//! Questionnaire exports (online questionnaire services, WPS forms) read by `podium scores`:
//! one row per respondent, one column per unit (grades mode: a grade word; points mode with
//! one criterion: a number) or per unit × criterion (“湟中区-工作实绩”, “湟中区_工作实绩”,
//! “湟中区（工作实绩）”, “工作实绩-湟中区”, or a two-row header: the criterion above, the
//! unit below), the respondent's group in a 分组 / 身份 / 类别 column or `--group`, and the
//! service's own columns (序号, 提交时间, IP …) passed over. Any other column is refused.
//!
//! Each respondent becomes one new anonymous ballot of its group, with a code drawn here and
//! dropped at once (nobody ever holds it): one `RecordBallots` action for the whole file,
//! every cell checked first, every error listed with its row and column.
//!
//! A repeat is detected: the batch's salt is derived from the answers (a SHA-256 of the
//! sheet's cells), so the same answers imported again find their salt on an earlier
//! `ballots_issued` and are refused while any of those ballots still stands. An export with
//! changed answers is new respondents.

use super::{ScoreImport, Sheet, Table, cell, header_key, letter, without_max};
use crate::names::{self, Match};
use crate::plan::ScoringMode;
use crate::scoring::{self, ScoreProblem};
use crate::session::event::EventKind;
use crate::session::{BallotGrade, BallotScore, RecordedBallot, Session};
use crate::strings::{self, Lang, questionnaire as s};
use sha2::{Digest, Sha256};

/// What one column holds.
#[derive(Debug, Clone, PartialEq)]
enum Col {
    /// A service column (or an empty one): passed over.
    Meta,
    Group,
    /// Grades mode: the unit's grade.
    Grade(String),
    /// Points mode: the unit's score on a criterion (its index).
    Score(String, usize),
    /// A unit's column with no criterion, when the plan has several.
    NoCriterion(String),
    Unknown,
}

/// A sheet read as a questionnaire: what each column holds, the header as shown, and the
/// respondents' rows (after one or two header rows).
struct Shape<'a> {
    sheet: &'a Sheet,
    cols: Vec<Col>,
    heads: Vec<String>,
    /// The (last) header row's number.
    header_row: usize,
    rows: &'a [(usize, Vec<String>)],
}

/// A points cell of a respondent: its column, the criterion, the value (`None`: blank).
type Cell = (usize, usize, Option<i64>);

/// The names a header may mean.
struct Names<'a> {
    mode: ScoringMode,
    reports: names::Index<'a>,
    criteria: names::Index<'a>,
    criteria_names: Vec<String>,
    single: Option<usize>,
}

impl Names<'_> {
    fn unit(&self, text: &str) -> Option<String> {
        match self.reports.find(text) {
            Match::One(u) => Some(u.to_string()),
            _ => None,
        }
    }

    fn criterion(&self, text: &str) -> Option<usize> {
        let find = |t: &str| match self.criteria.find(t) {
            Match::One(c) => Some(c.to_string()),
            _ => None,
        };
        let name = find(text).or_else(|| find(without_max(text)))?;
        self.criteria_names.iter().position(|c| *c == name)
    }

    /// The column of a unit's name alone.
    fn unit_col(&self, unit: String) -> Col {
        match (self.mode, self.single) {
            (ScoringMode::Grades, _) => Col::Grade(unit),
            (_, Some(c)) => Col::Score(unit, c),
            _ => Col::NoCriterion(unit),
        }
    }

    /// A header cell on its own.
    fn classify(&self, head: &str) -> Col {
        let h = question_text(head);
        if names::key(h).is_empty() {
            return Col::Meta;
        }
        if is_one_of(h, s::META_HEADERS) {
            return Col::Meta;
        }
        if is_one_of(h, s::GROUP_HEADERS) {
            return Col::Group;
        }
        if let Some(u) = self.unit(h) {
            return self.unit_col(u);
        }
        let mut found: Vec<Col> = Vec::new();
        for (a, b) in splits(h) {
            if let Some(col) = self.pair(a, b)
                && !found.contains(&col)
            {
                found.push(col);
            }
        }
        match found.as_slice() {
            [one] => one.clone(),
            _ => Col::Unknown,
        }
    }

    /// Two parts of a header: unit and criterion (either way round) in points mode; in
    /// grades mode a question and the unit (“请评价（湟中区）”), or the unit and a note.
    fn pair(&self, a: &str, b: &str) -> Option<Col> {
        let (ua, ub) = (self.unit(a), self.unit(b));
        match self.mode {
            ScoringMode::Grades => match (ua, ub) {
                (Some(u), None) | (None, Some(u)) => Some(Col::Grade(u)),
                _ => None,
            },
            _ => match (ua, ub, self.criterion(a), self.criterion(b)) {
                (Some(u), _, _, Some(c)) | (_, Some(u), Some(c), _) => Some(Col::Score(u, c)),
                _ => None,
            },
        }
    }

    /// A column under a two-row header: `top` carried right over merged cells.
    fn classify_two(&self, top: &str, bottom: &str) -> Col {
        let (t, b) = (question_text(top), question_text(bottom));
        if names::key(b).is_empty() {
            return self.classify(t);
        }
        if names::key(t).is_empty() {
            return self.classify(b);
        }
        if let Some(col) = self.pair(t, b) {
            return col;
        }
        self.classify(b)
    }
}

/// A header without the question number a service puts in front: “3、”, “Q3.”, “第3题：”.
fn question_text(head: &str) -> &str {
    let t = head.trim();
    let rest = t
        .strip_prefix('第')
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|r| r.strip_prefix('题'))
        .or_else(|| {
            let r = t.strip_prefix(['Q', 'q']).unwrap_or(t);
            let digits = r.trim_start_matches(|c: char| c.is_ascii_digit());
            (digits.len() < r.len())
                .then(|| digits.strip_prefix(['、', '.', '．', ':', '：', ')', '）']))
                .flatten()
        });
    match rest {
        Some(r) => r.trim_start_matches(['、', '.', '．', ':', '：']).trim(),
        None => t,
    }
}

/// Every way to cut a header in two: at a separator, or before a bracketed tail.
fn splits(h: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (i, c) in h.char_indices() {
        if matches!(
            c,
            '-' | '_' | '—' | '－' | '·' | '/' | '／' | '：' | ':' | '|' | '｜' | '~'
        ) {
            let (a, b) = (&h[..i], &h[i + c.len_utf8()..]);
            let b = b.trim_start_matches(['-', '—', '－']);
            out.push((a.trim(), b.trim()));
        }
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        let t = h.trim_end();
        if let (Some(o), true) = (t.rfind(open), t.ends_with(close)) {
            out.push((
                t[..o].trim(),
                t[o + open.len_utf8()..t.len() - close.len_utf8()].trim(),
            ));
        }
    }
    out
}

fn is_one_of(text: &str, list: &[&str]) -> bool {
    let k = header_key(text);
    list.iter().any(|n| k == header_key(n))
}

/// Whether a header row belongs to one of the other score tables (a column 单位, 评委,
/// 等次, 票数, 指标, 得分): those are never read as a questionnaire.
fn other_format(header: &[String]) -> bool {
    use strings::cli::*;
    let fields = [
        COL_UNIT,
        COL_REVIEWER,
        COL_CRITERION,
        COL_SCORE,
        COL_GRADE,
        COL_COUNT,
    ];
    header
        .iter()
        .any(|h| fields.iter().any(|f| is_one_of(question_text(h), f.names)))
}

/// Whether a sheet is one of the other score tables: a header (in its top rows) of theirs,
/// or a printed ballot's boxes.
fn other_sheet(sheet: &Sheet) -> bool {
    super::all_rows(sheet)
        .take(strings::import::HEADER_SEARCH_ROWS)
        .any(|(_, cells)| other_format(cells))
        || super::is_ballot(sheet)
}

fn is_unit(col: &Col) -> bool {
    matches!(col, Col::Grade(_) | Col::Score(..) | Col::NoCriterion(_))
}

/// The sheet read as a questionnaire, if it has the shape: no other format's column, and
/// at least one column of a unit (in its first row, or in its first two).
fn shape<'a>(sheet: &'a Sheet, n: &Names) -> Option<Shape<'a>> {
    if sheet.header.is_empty() || other_format(&sheet.header) {
        return None;
    }
    let cols: Vec<Col> = sheet.header.iter().map(|h| n.classify(h)).collect();
    if cols.iter().any(is_unit) {
        return Some(Shape {
            sheet,
            heads: sheet.header.clone(),
            cols,
            header_row: sheet.header_row,
            rows: &sheet.rows,
        });
    }
    // A two-row header: the criterion or question above (merged across its units), the
    // units below.
    let (second_row, second) = sheet.rows.first()?;
    if other_format(second) {
        return None;
    }
    let width = sheet.header.len().max(second.len());
    let mut top = String::new();
    let mut cols = Vec::with_capacity(width);
    let mut heads = Vec::with_capacity(width);
    for c in 0..width {
        let above = cell(&sheet.header, c);
        if !above.trim().is_empty() {
            top = above.to_string();
        }
        let below = cell(second, c);
        // A column with nothing below is one header cell (序号, 提交时间…), not carried.
        let above = if below.trim().is_empty() { above } else { &top };
        cols.push(n.classify_two(above, below));
        heads.push(match (above.trim(), below.trim()) {
            ("", b) => b.to_string(),
            (a, "") => a.to_string(),
            (a, b) => format!("{a}/{b}"),
        });
    }
    cols.iter().any(is_unit).then(|| Shape {
        sheet,
        cols,
        heads,
        header_row: *second_row,
        rows: &sheet.rows[1..],
    })
}

/// Where messages point: `问卷.xlsx[答卷]`.
fn place(table: &Table, sheet: &Sheet) -> String {
    match &sheet.name {
        Some(n) => format!("{}[{n}]", table.name),
        None => table.name.clone(),
    }
}

/// Reads a questionnaire export, or `None` when no sheet has a questionnaire's shape (the
/// other readers then read the table as before).
pub fn scores(
    table: &Table,
    session: &Session,
    lang: Lang,
    group: Option<&str>,
) -> Option<Result<ScoreImport, Vec<String>>> {
    let rules = session.rules();
    let state = session.state();
    let names = Names {
        mode: rules.mode,
        reports: names::Index::new(state.reports().map(|u| u.name.as_str())),
        criteria: names::Index::new(rules.criteria.iter().map(|c| c.name.as_str())),
        criteria_names: rules.criteria.iter().map(|c| c.name.clone()).collect(),
        single: (rules.criteria.len() == 1).then_some(0),
    };
    if rules.mode == ScoringMode::None {
        return None;
    }
    // A workbook holding a sheet of another format (the long format, a tally, printed
    // sheets) is read as before, whatever its other sheets hold.
    if table.sheets.iter().any(other_sheet) {
        return None;
    }
    let found: Vec<Shape> = table
        .sheets
        .iter()
        .filter_map(|sh| shape(sh, &names))
        .collect();
    let shape = match found.as_slice() {
        [] => return None,
        [_] => found.into_iter().next()?,
        [a, b, ..] => {
            let name = |sh: &Sheet| sh.name.clone().unwrap_or_default();
            return Some(Err(vec![s::two_sheets(
                lang,
                &table.name,
                &name(a.sheet),
                &name(b.sheet),
            )]));
        }
    };
    Some(read(table, &shape, session, &names, lang, group))
}

fn read(
    table: &Table,
    shape: &Shape,
    session: &Session,
    n: &Names,
    lang: Lang,
    option: Option<&str>,
) -> Result<ScoreImport, Vec<String>> {
    let rules = session.rules();
    let place = place(table, shape.sheet);
    let groups = session.ballot_groups();
    if groups.is_empty() {
        return Err(vec![s::no_ballot_groups(lang, &place)]);
    }
    let at = |row: usize, col: usize| {
        s::at(
            lang,
            &place,
            row,
            &letter(col),
            shape.heads.get(col).map_or("", |h| h.trim()),
        )
    };
    let mut errors = Vec::new();
    // The columns: every unknown one refused; two columns of the same score refused.
    let header_row = shape.header_row;
    let mut group_col = None;
    for (c, col) in shape.cols.iter().enumerate() {
        match col {
            Col::Unknown => {
                errors.push(s::located(
                    lang,
                    &at(header_row, c),
                    &s::unknown_column(lang, shape.heads[c].trim()),
                ));
            }
            Col::NoCriterion(u) => {
                errors.push(s::located(
                    lang,
                    &at(header_row, c),
                    &s::needs_criterion(lang, u, &n.criteria_names),
                ));
            }
            Col::Meta if names::key(cell(&shape.heads, c)).is_empty() => {
                if shape
                    .rows
                    .iter()
                    .any(|(_, r)| !cell(r, c).trim().is_empty())
                {
                    errors.push(s::located(lang, &at(header_row, c), &s::empty_header(lang)));
                }
            }
            Col::Group => match group_col {
                None => group_col = Some(c),
                Some(first) => errors.push(s::located(
                    lang,
                    &at(header_row, c),
                    &s::two_group_columns(lang, &letter(first)),
                )),
            },
            Col::Grade(_) | Col::Score(..) => {
                if let Some(first) = shape.cols[..c].iter().position(|o| o == col) {
                    errors.push(s::located(
                        lang,
                        &at(header_row, c),
                        &s::same_column(lang, &letter(first)),
                    ));
                }
            }
            Col::Meta => {}
        }
    }
    // Points mode: a unit whose criteria are not all columns can never be scored whole.
    if n.mode == ScoringMode::Points {
        let mut units: Vec<(&str, Vec<usize>, usize)> = Vec::new();
        for (c, col) in shape.cols.iter().enumerate() {
            if let Col::Score(u, k) = col {
                match units.iter_mut().find(|(x, _, _)| x == u) {
                    Some(e) => e.1.push(*k),
                    None => units.push((u, vec![*k], c)),
                }
            }
        }
        for (u, ks, c) in units {
            if let Some(k) = (0..rules.criteria.len()).find(|k| !ks.contains(k)) {
                let missing = &rules.criteria[k].name;
                errors.push(s::located(
                    lang,
                    &at(header_row, c),
                    &s::missing_criterion(lang, u, missing),
                ));
            }
        }
    }
    // Columns of a cell beyond the header are refused too (nothing read silently).
    let width = shape.cols.len();
    for (row, cells) in shape.rows {
        if let Some(c) = (width..cells.len()).find(|c| !cell(cells, *c).trim().is_empty()) {
            errors.push(s::located(lang, &at(*row, c), &s::empty_header(lang)));
        }
    }
    let group_index = names::Index::new(groups.iter().map(String::as_str));
    let option = match option {
        None => None,
        Some(g) => match group_index.find(g) {
            Match::One(g) => Some(g.to_string()),
            _ => {
                errors.push(s::bad_option_group(lang, g, &groups));
                return Err(errors);
            }
        },
    };
    if group_col.is_none() && option.is_none() {
        errors.push(s::no_group(lang, &place, &groups));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if shape.rows.is_empty() {
        return Err(vec![s::no_respondents(lang, &place)]);
    }
    let grade_names: Vec<String> = rules.grades.iter().map(|g| g.name.clone()).collect();
    let grades = names::Index::new(grade_names.iter().map(String::as_str));
    let mut ballots = Vec::new();
    let mut prints: Vec<String> = Vec::new();
    let mut seen_rows: std::collections::HashMap<Vec<String>, usize> = Default::default();
    for (row, cells) in shape.rows {
        let row = *row;
        let group = match (group_col, &option) {
            (Some(c), option) => {
                let text = cell(cells, c).trim();
                let found = match group_index.find(text) {
                    Match::One(g) => Some(g.to_string()),
                    _ => None,
                };
                match (found, option) {
                    (_, _) if names::key(text).is_empty() => {
                        errors.push(s::located(lang, &at(row, c), &s::empty_group(lang)));
                        continue;
                    }
                    (None, _) => {
                        errors.push(s::located(
                            lang,
                            &at(row, c),
                            &s::unknown_group(lang, text, &groups),
                        ));
                        continue;
                    }
                    (Some(g), Some(o)) if g != *o => {
                        errors.push(s::located(
                            lang,
                            &at(row, c),
                            &s::group_disagrees(lang, text, o),
                        ));
                        continue;
                    }
                    (Some(g), _) => g,
                }
            }
            (None, Some(o)) => o.clone(),
            (None, None) => continue,
        };
        let mut ballot = RecordedBallot {
            group,
            serial: None,
            hash: None,
            grades: Vec::new(),
            scores: Vec::new(),
        };
        let before = errors.len();
        // Points: each unit's cells (column, criterion, value) to check it is whole.
        let mut sheets: Vec<(String, Vec<Cell>)> = Vec::new();
        for (c, col) in shape.cols.iter().enumerate() {
            let text = cell(cells, c).trim();
            match col {
                Col::Grade(unit) => {
                    if text.is_empty() {
                        continue;
                    }
                    match grade_of(&grades, &grade_names, text) {
                        Ok(g) => ballot.grades.push(BallotGrade {
                            unit: unit.clone(),
                            grade: g,
                        }),
                        Err(many) if many.is_empty() => errors.push(s::located(
                            lang,
                            &at(row, c),
                            &s::unknown_grade(lang, text, &grade_names),
                        )),
                        Err(many) => errors.push(s::located(
                            lang,
                            &at(row, c),
                            &s::ambiguous_grade(lang, text, &many),
                        )),
                    }
                }
                Col::Score(unit, k) => {
                    let i = match sheets.iter().position(|(u, _)| u == unit) {
                        Some(i) => i,
                        None => {
                            sheets.push((unit.clone(), Vec::new()));
                            sheets.len() - 1
                        }
                    };
                    if text.is_empty() {
                        sheets[i].1.push((c, *k, None));
                        continue;
                    }
                    if let Some((shown, time)) = shape.sheet.dates.get(&(row, c)) {
                        let what = strings::cli::A_SCORE;
                        let c_name = format!("{}{row}", letter(c));
                        errors.push(s::located(
                            lang,
                            &at(row, c),
                            &strings::cli::date_cell(lang, &c_name, shown, *time, what),
                        ));
                        continue;
                    }
                    let checked = scoring::parse_value(text)
                        .ok_or_else(|| ScoreProblem::NotANumber(text.to_string()))
                        .and_then(|v| scoring::check_value(rules, *k, v).map(|()| v));
                    match checked {
                        Ok(v) => sheets[i].1.push((c, *k, Some(v))),
                        Err(p) => errors.push(s::located(
                            lang,
                            &at(row, c),
                            &strings::score_problem(lang, &p),
                        )),
                    }
                }
                _ => {}
            }
        }
        for (unit, values) in sheets {
            let given = values.iter().find(|(_, _, v)| v.is_some());
            let Some((given_col, _, _)) = given else {
                continue;
            };
            for (c, _, v) in &values {
                if v.is_none() {
                    errors.push(s::located(
                        lang,
                        &at(row, *c),
                        &s::half_filled(lang, &unit, &letter(*given_col)),
                    ));
                }
            }
            for (_, k, v) in values {
                if let Some(value) = v {
                    ballot.scores.push(BallotScore {
                        unit: unit.clone(),
                        criterion: rules.criteria[k].name.clone(),
                        value,
                    });
                }
            }
        }
        if errors.len() > before {
            continue;
        }
        if ballot.grades.is_empty() && ballot.scores.is_empty() {
            errors.push(s::located(
                lang,
                &s::at_row(lang, &place, row),
                &s::nothing_scored(lang),
            ));
            continue;
        }
        // The respondent's fingerprint: the row as written (with its 序号 and 提交时间) and
        // how many identical rows came before it, so a later export holding the same answers
        // is recognised row by row.
        let key: Vec<String> = cells.iter().map(|c| names::key(c)).collect();
        let k = seen_rows.entry(key.clone()).or_insert(0);
        *k += 1;
        prints.push(fingerprint(&shape.heads, &key, *k));
        ballots.push(ballot);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let salt = salt_of(shape);
    if let Some(serials) = imported_before(session, &salt, lang) {
        return Err(vec![s::imported_before(lang, &place, &serials)]);
    }
    // Each ballot's hash is its respondent's fingerprint (no code exists: nobody can cast
    // it). A respondent imported before (its ballot voided or not) is passed over.
    let state = session.state();
    let mut skipped = Vec::new();
    let mut fresh = Vec::new();
    for (mut b, print) in ballots.into_iter().zip(prints) {
        if state.ballots.has_hash(&print) {
            skipped.push(print);
        } else {
            b.hash = Some(print);
            fresh.push(b);
        }
    }
    if fresh.is_empty() {
        let serials = state
            .ballots
            .issued
            .iter()
            .filter(|b| !b.voided)
            .filter(|b| {
                skipped
                    .iter()
                    .any(|h| state.ballots.hash_of(&b.serial) == Some(h))
            })
            .map(|b| b.serial.clone())
            .collect::<Vec<_>>();
        let shown = match (serials.first(), serials.last()) {
            (Some(first), Some(last)) => s::serial_range(lang, first, last),
            _ => String::new(),
        };
        return Err(vec![s::imported_before(lang, &place, &shown)]);
    }
    Ok(ScoreImport {
        sheet: shape.sheet.name.clone(),
        ballots: fresh,
        salt,
        skipped: skipped.len(),
        ..ScoreImport::default()
    })
}

/// A respondent's fingerprint: SHA-256 of the questionnaire's header, the row's cells (as
/// names are compared) and its occurrence among identical rows, in hex.
fn fingerprint(heads: &[String], cells: &[String], occurrence: usize) -> String {
    let mut h = Sha256::new();
    h.update(b"podium respondent\n");
    for c in heads {
        h.update(names::key(c).as_bytes());
        h.update(b"\x1f");
    }
    h.update(b"\x1e");
    for c in cells {
        h.update(c.as_bytes());
        h.update(b"\x1f");
    }
    h.update(occurrence.to_string().as_bytes());
    crate::session::ballots::hex(&h.finalize())
}

/// The grade a cell means: the plan's grade by its name, else with a trailing 等/档/级
/// dropped on either side when only one grade fits. `Err`: the grades it could be (none or
/// several).
fn grade_of<'a>(
    grades: &names::Index<'a>,
    all: &'a [String],
    text: &str,
) -> Result<String, Vec<&'a str>> {
    match grades.find(text) {
        Match::One(g) => return Ok(g.to_string()),
        Match::Many(many) => return Err(many),
        Match::None => {}
    }
    let bare = |t: &str| {
        let k = names::key(t);
        k.trim_end_matches(['等', '档', '级']).to_string()
    };
    let want = bare(text);
    if want.is_empty() {
        return Err(Vec::new());
    }
    let fits: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|g| bare(g) == want)
        .collect();
    match fits.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(Vec::new()),
        _ => Err(fits),
    }
}

/// The batch's salt: 16 bytes of a SHA-256 of the respondents' answers (the header as
/// read and every row's cells), so the same answers give the same salt.
fn salt_of(shape: &Shape) -> String {
    let mut h = Sha256::new();
    h.update(b"podium questionnaire\n");
    let mut line = |cells: &[String]| {
        for c in cells {
            h.update(names::key(c).as_bytes());
            h.update(b"\x1f");
        }
        h.update(b"\x1e");
    };
    line(&shape.heads);
    for (_, cells) in shape.rows {
        line(cells);
    }
    let digest = h.finalize();
    crate::session::ballots::hex(&digest[..crate::session::ballots::SALT_BYTES])
}

/// The serials an earlier import of the same answers issued, when any of them stands.
fn imported_before(session: &Session, salt: &str, lang: Lang) -> Option<String> {
    let state = session.state();
    let mut parts = Vec::new();
    let mut standing = false;
    for e in session.events() {
        if let EventKind::BallotsIssued {
            salt: s2, ballots, ..
        } = &e.kind
            && s2 == salt
            && let (Some(first), Some(last)) = (ballots.first(), ballots.last())
        {
            standing |= ballots
                .iter()
                .any(|b| state.ballots.get(&b.serial).is_some_and(|b| !b.voided));
            parts.push(s::serial_range(lang, &first.serial, &last.serial));
        }
    }
    (standing && !parts.is_empty()).then(|| parts.join(s::list_separator(lang)))
}

/// The summary of an import of anonymous ballots (a questionnaire's respondents, unnamed
/// paper ballots), once carried out: the ballots each group gained and their serials
/// (`session`: after the import).
pub fn summary(import: &ScoreImport, table: &Table, session: &Session, lang: Lang) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for b in &import.ballots {
        match counts.iter_mut().find(|(g, _)| *g == b.group) {
            Some(e) => e.1 += 1,
            None => counts.push((&b.group, 1)),
        }
    }
    let order = session.ballot_groups();
    counts.sort_by_key(|(g, _)| order.iter().position(|o| o == g));
    let parts: Vec<String> = counts
        .iter()
        .map(|(g, n)| {
            let last = session.state().ballots.issued_in(g);
            let first = crate::session::ballots::serial(g, last + 1 - n.min(&last));
            let last = crate::session::ballots::serial(g, last);
            s::group_part(lang, g, *n, &s::serial_range(lang, &first, &last))
        })
        .collect();
    let file = crate::text::file_name(std::path::Path::new(&table.name));
    let source = super::source(table.encoding, import.sheet.as_deref(), lang);
    let mut out = s::summary(lang, &file, &source, import.ballots.len(), &parts);
    if import.skipped > 0 {
        out.push_str(&s::skipped(lang, import.skipped));
    }
    out
}
