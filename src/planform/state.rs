//! The form's state machine: the plan being made as texts (what the host typed, kept as typed
//! so a wrong number stays on screen to be corrected), the focus, the question on screen, and
//! `handle` / `paste`, which take a key or a pasted text and answer what the caller must do.
//! No terminal and no disk here: writing is the caller's (`Reply::Save`).
//!
//! Every change rebuilds the plan from the texts and checks it with `Plan::validate`, the
//! rules of `podium check`; each finding is placed on the field it names.

use crate::jsonpos::Seg;
use crate::plan::{Plan, ScoringMode, UnitKind};
use crate::strings::cli::Column;
use crate::strings::import::ScoringGap;
use crate::strings::{self, Lang, planform as t};
use crate::tui::editor::{edit_key, new_textarea, text_of};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// What a field holds, and how its text becomes the plan's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text; left out of the plan when empty, unless `required` (then empty is checked).
    Text,
    /// A number (full-width digits and `．` accepted).
    Number,
    /// Minutes: a number, also with `分钟`, `分` or `min` after it (as sheets write it).
    Minutes,
    /// A whole number.
    Int,
    /// Names separated by `、`, `,`, `;` (full-width too).
    List,
    /// People (出席, 列席): one per line, or separated by `、` `，` `,` `;` `；`, never
    /// inside brackets (`王强（市委常委、副市长）` is one).
    Names,
    /// An agenda item's kind: 汇报, 讲话, 通报, 书面, 点评 (or a word `podium import` takes
    /// for one); empty is a report. Space and ←→ go through the five.
    Agenda,
}

/// A field of a form section, or a column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// The key in the plan; `overtime.points` for the parts of the overtime rule.
    pub key: &'static str,
    pub kind: Kind,
    /// Needed in every row that is not blank (in the plan: a field without a default).
    pub required: bool,
    /// The column's share of a table's width.
    pub width: u16,
}

const fn col(key: &'static str, kind: Kind, required: bool, width: u16) -> Col {
    Col {
        key,
        kind,
        required,
        width,
    }
}

pub const MEETING: &[Col] = &[
    col("title", Kind::Text, true, 0),
    col("date", Kind::Text, false, 0),
    col("start", Kind::Text, false, 0),
    col("venue", Kind::Text, false, 0),
    col("host", Kind::Text, false, 0),
    col("attendees", Kind::Names, false, 0),
    col("observers", Kind::Names, false, 0),
    col("recorder", Kind::Text, false, 0),
    col("talk_minutes", Kind::Minutes, false, 0),
    col("warn_seconds", Kind::Int, false, 0),
];
pub const UNITS: &[Col] = &[
    col("name", Kind::Text, true, 5),
    col("presenter", Kind::Text, false, 3),
    col("minutes", Kind::Minutes, false, 2),
    col("role", Kind::Text, false, 3),
    col("topic", Kind::Text, false, 5),
    col("category", Kind::Text, false, 2),
    col("kind", Kind::Agenda, false, 2),
];
pub const REVIEWERS: &[Col] = &[
    col("name", Kind::Text, true, 3),
    col("role", Kind::Text, false, 3),
    col("group", Kind::Text, false, 3),
    col("recused", Kind::List, false, 5),
];
pub const MODE: &[Col] = &[col("mode", Kind::Text, false, 0)];
pub const CRITERIA: &[Col] = &[
    col("name", Kind::Text, true, 3),
    col("max", Kind::Number, true, 1),
];
pub const GROUPS: &[Col] = &[
    col("name", Kind::Text, true, 3),
    col("weight", Kind::Number, true, 1),
];
pub const GRADES: &[Col] = &[
    col("name", Kind::Text, true, 3),
    col("points", Kind::Number, true, 1),
];
pub const RULES: &[Col] = &[
    col("step", Kind::Number, false, 0),
    col("trim", Kind::Int, false, 0),
    col("trim_min", Kind::Int, false, 0),
    col("decimals", Kind::Int, false, 0),
    col("spread_warn", Kind::Number, false, 0),
    col("tie_break", Kind::List, false, 0),
    col("overtime.grace_seconds", Kind::Int, false, 0),
    col("overtime.every_seconds", Kind::Int, false, 0),
    col("overtime.points", Kind::Number, false, 0),
    col("overtime.max_points", Kind::Number, false, 0),
    col("undertime.min_minutes", Kind::Number, false, 0),
    col("undertime.points", Kind::Number, false, 0),
];
pub const SAVE: &[Col] = &[col("path", Kind::Text, true, 0)];

/// A part of a step: a column of fields (`Meeting`, `Mode`, `Rules`, `Save`) or a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sec {
    Meeting,
    Units,
    Reviewers,
    Mode,
    Criteria,
    Groups,
    Grades,
    Rules,
    Save,
}

impl Sec {
    /// Its name in `strings::planform` (`label`, `hint`).
    pub fn name(self) -> &'static str {
        match self {
            Sec::Meeting => "meeting",
            Sec::Units => "units",
            Sec::Reviewers => "reviewers",
            Sec::Mode => "mode",
            Sec::Criteria => "criteria",
            Sec::Groups => "groups",
            Sec::Grades => "grades",
            Sec::Rules => "rules",
            Sec::Save => "save",
        }
    }

    pub fn cols(self) -> &'static [Col] {
        match self {
            Sec::Meeting => MEETING,
            Sec::Units => UNITS,
            Sec::Reviewers => REVIEWERS,
            Sec::Mode => MODE,
            Sec::Criteria => CRITERIA,
            Sec::Groups => GROUPS,
            Sec::Grades => GRADES,
            Sec::Rules => RULES,
            Sec::Save => SAVE,
        }
    }

    pub fn is_table(self) -> bool {
        matches!(
            self,
            Sec::Units | Sec::Reviewers | Sec::Criteria | Sec::Groups | Sec::Grades
        )
    }

    /// The step it is shown in.
    pub fn step(self) -> usize {
        match self {
            Sec::Meeting => 0,
            Sec::Units => 1,
            Sec::Reviewers => 2,
            Sec::Mode | Sec::Criteria | Sec::Groups | Sec::Grades => 3,
            Sec::Rules => 4,
            Sec::Save => 5,
        }
    }

    fn col_of(self, key: &str) -> Option<usize> {
        self.cols().iter().position(|c| c.key == key)
    }
}

/// The plan version that added agenda kinds, the meeting's roles and the mode `none`: what a
/// plan using them says.
pub const KINDS_VERSION: u32 = 2;
/// The plan version that added the task ledger's `tasks` and `previous`.
pub const LEDGER_VERSION: u32 = 3;
/// The plan's fields the form keeps as they are, without a place of their own.
pub const KEPT: &[&str] = &["tasks", "previous"];
/// The plan version that added `scoring.overall_rank` and `scoring.bands` (a series' rounds).
pub const SERIES_VERSION: u32 = 4;
/// The scoring's fields the form keeps as they are, without a place of their own (plan
/// version 4): whether the overall rank is shown, and the bands (等次).
pub const KEPT_SCORING: &[&str] = &["overall_rank", "bands"];
/// The plan version that added `scoring.ballot_groups` (anonymous ballots by group).
pub const BALLOTS_VERSION: u32 = 5;
/// The scoring's ballot groups, kept as the edited plan had them (plan version 5): the form
/// has no place of its own for them, and a save never drops them.
pub const KEPT_BALLOTS: &[&str] = &["ballot_groups"];

/// The space a Chinese input method types in its full-width mode: on the scoring mode and on
/// a unit's kind it is Space.
const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// How many steps the form has: meeting, units, reviewers, scoring, rules, check and save.
pub const STEPS: usize = 6;

/// One row of a table, or the fields of a form section: the texts, a cell per column, and
/// what the plan had that the form does not show (kept as it was).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub extra: Map<String, Value>,
}

impl Row {
    fn blank(n: usize) -> Row {
        Row {
            cells: vec![String::new(); n],
            extra: Map::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Where something is: a section, and a row (a table's row, or a field of a form section)
/// and a column when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub sec: Sec,
    pub row: Option<usize>,
    pub col: Option<usize>,
}

/// A problem of the plan so far, placed on its field.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub at: Place,
    /// The sentence, with its place (`第 2 行 · 时长：…`).
    pub text: String,
    pub warning: bool,
}

/// The question on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Quit with unsaved changes?
    Quit,
    /// The file exists: overwrite it?
    Overwrite(PathBuf),
    /// The plan being edited changed on disk since it was opened: overwrite it?
    Changed(PathBuf),
}

/// What the caller must do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Stay,
    /// End the form; nothing is written.
    Quit,
    /// Write `text` to `path` (atomically); unless `overwrite`, ask first (`ask_overwrite`)
    /// when the file exists. Then `saved` or `failed`.
    Save {
        path: PathBuf,
        text: String,
        overwrite: bool,
    },
}

/// The focus: a step, a section of it (by index in `sections`), a row and a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub step: usize,
    pub sec: usize,
    pub row: usize,
    pub col: usize,
}

/// The form.
pub struct PlanForm {
    pub lang: Lang,
    /// The file being edited (`podium plan edit`), or none for a new plan.
    pub source: Option<PathBuf>,
    pub meeting: Row,
    pub units: Vec<Row>,
    pub reviewers: Vec<Row>,
    pub mode: Option<ScoringMode>,
    pub criteria: Vec<Row>,
    pub groups: Vec<Row>,
    pub grades: Vec<Row>,
    pub rules: Row,
    pub save: Row,
    pub focus: Focus,
    /// The focused text field, being typed in.
    pub editor: TextArea<'static>,
    pub ask: Option<Ask>,
    /// A line for the host until the next key: (text, is an error).
    pub note: Option<(String, bool)>,
    /// Changes not written yet.
    pub dirty: bool,
    /// The plan as the texts make it (when they make one), and its problems.
    pub plan: Option<Plan>,
    pub issues: Vec<Issue>,
    /// Where it was written, once it was.
    pub written: Option<PathBuf>,
    /// The host said to write over the edited plan although it changed on disk.
    pub overwrite_changed: bool,
    /// The edited plan's people (出席, 列席): the field's key, its text as the form showed
    /// it, and the names as the plan had them. While the text is unchanged the names are
    /// written as they were: a name the form cannot split back (`市委、市政府领导`, an
    /// unclosed bracket) is never split or joined by a save that did not touch it.
    names_opened: Vec<(&'static str, String, Vec<String>)>,
    /// What the form does not edit, kept as the edited plan had it and written back with it:
    /// the prepared task list (`tasks`) and the meeting before (`previous`), plan version 3.
    /// (`podium tasks` and the console change a meeting's tasks; a save here never drops them.)
    pub kept: Map<String, Value>,
    /// The same for the scoring's `overall_rank` and `bands` (plan version 4): written back
    /// into `scoring` as the edited plan had them.
    pub kept_scoring: Map<String, Value>,
}

impl PlanForm {
    /// A new plan, to be written to `output` (`plan.json` when none is given).
    pub fn new(lang: Lang, output: Option<&Path>) -> PlanForm {
        let path = output.map_or_else(|| t::DEFAULT_FILE.to_string(), path_text);
        let mut form = PlanForm::blank(lang, None, path);
        form.units.push(Row::blank(UNITS.len()));
        form.refresh();
        form
    }

    /// The form over an existing plan read from `source`; it is written back there unless the
    /// host names another file. The plan may have errors: the form shows them.
    pub fn edit(lang: Lang, plan: &Plan, source: &Path) -> PlanForm {
        let mut form = PlanForm::blank(lang, Some(source.to_path_buf()), path_text(source));
        let value = serde_json::to_value(plan).unwrap_or(Value::Null);
        let mut top = value.as_object().cloned().unwrap_or_default();
        let list = |top: &mut Map<String, Value>, key: &str, cols: &[Col]| -> Vec<Row> {
            match top.remove(key) {
                Some(Value::Array(items)) => items
                    .into_iter()
                    .map(|item| row_of(item.as_object().cloned().unwrap_or_default(), cols))
                    .collect(),
                _ => Vec::new(),
            }
        };
        for key in KEPT {
            if let Some(v) = top.remove(*key) {
                form.kept.insert(key.to_string(), v);
            }
        }
        form.units = list(&mut top, "units", UNITS);
        form.reviewers = list(&mut top, "reviewers", REVIEWERS);
        let mut scoring = match top.remove("scoring") {
            Some(Value::Object(s)) => s,
            _ => Map::new(),
        };
        form.mode = plan.scoring.as_ref().and_then(|s| s.mode);
        scoring.remove("mode");
        for key in KEPT_SCORING.iter().chain(KEPT_BALLOTS) {
            if let Some(v) = scoring.remove(*key) {
                form.kept_scoring.insert(key.to_string(), v);
            }
        }
        form.criteria = list(&mut scoring, "criteria", CRITERIA);
        form.groups = list(&mut scoring, "groups", GROUPS);
        form.grades = list(&mut scoring, "grades", GRADES);
        // The overtime and undertime rules are fields of their own here.
        for rule in ["overtime", "undertime"] {
            if let Some(Value::Object(parts)) = scoring.remove(rule) {
                for (k, v) in parts {
                    scoring.insert(format!("{rule}.{k}"), v);
                }
            }
        }
        form.rules = row_of(scoring, RULES);
        form.meeting = row_of(top, MEETING);
        // People as the form writes them (`、` between them in Chinese), kinds by their names.
        for (key, names) in [
            ("attendees", &plan.attendees),
            ("observers", &plan.observers),
        ] {
            if let Some(i) = Sec::Meeting.col_of(key) {
                let shown = names.join(t::list_join(lang));
                form.meeting.cells[i] = shown.clone();
                form.names_opened
                    .push((MEETING[i].key, shown, names.clone()));
            }
        }
        if let Some(k) = Sec::Units.col_of("kind") {
            for (row, unit) in form.units.iter_mut().zip(&plan.units) {
                if let (Some(cell), Some(kind)) = (row.cells.get_mut(k), unit.kind) {
                    *cell = strings::import::kind_name(lang, kind).to_string();
                }
            }
        }
        for rows in [
            &mut form.units,
            &mut form.reviewers,
            &mut form.criteria,
            &mut form.groups,
            &mut form.grades,
        ] {
            if rows.is_empty() {
                rows.push(Row::blank(2));
            }
        }
        form.fix_widths();
        form.load_editor();
        form.refresh();
        form
    }

    fn blank(lang: Lang, source: Option<PathBuf>, path: String) -> PlanForm {
        let mut save = Row::blank(1);
        save.cells[0] = path;
        let mut form = PlanForm {
            lang,
            source,
            meeting: Row::blank(MEETING.len()),
            units: Vec::new(),
            reviewers: vec![Row::blank(REVIEWERS.len())],
            mode: None,
            criteria: vec![Row::blank(CRITERIA.len())],
            groups: vec![Row::blank(GROUPS.len())],
            grades: vec![Row::blank(GRADES.len())],
            rules: Row::blank(RULES.len()),
            save,
            focus: Focus {
                step: 0,
                sec: 0,
                row: 0,
                col: 0,
            },
            editor: new_textarea(vec![String::new()]),
            ask: None,
            note: None,
            dirty: false,
            plan: None,
            issues: Vec::new(),
            written: None,
            overwrite_changed: false,
            names_opened: Vec::new(),
            kept: Map::new(),
            kept_scoring: Map::new(),
        };
        form.load_editor();
        form
    }

    /// Every row as wide as its section's columns.
    fn fix_widths(&mut self) {
        for sec in [
            Sec::Units,
            Sec::Reviewers,
            Sec::Criteria,
            Sec::Groups,
            Sec::Grades,
        ] {
            let n = sec.cols().len();
            for row in self.rows_mut(sec) {
                row.cells.resize(n, String::new());
            }
        }
    }

    // ----- reading -----

    /// The sections shown in `step`: grades only in the grades mode (or when some are set).
    pub fn sections(&self, step: usize) -> Vec<Sec> {
        match step {
            0 => vec![Sec::Meeting],
            1 => vec![Sec::Units],
            2 => vec![Sec::Reviewers],
            3 => {
                // A meeting that does not score is not asked for criteria, groups or grades
                // (those it has are shown: they are written).
                let none = self.mode == Some(ScoringMode::None);
                let filled = |rows: &[Row]| rows.iter().any(|r| !r.is_blank());
                let mut out = vec![Sec::Mode];
                for (sec, rows) in [(Sec::Criteria, &self.criteria), (Sec::Groups, &self.groups)] {
                    if !none || filled(rows) {
                        out.push(sec);
                    }
                }
                if self.mode == Some(ScoringMode::Grades) || filled(&self.grades) {
                    out.push(Sec::Grades);
                }
                out
            }
            4 => vec![Sec::Rules],
            _ => vec![Sec::Save],
        }
    }

    pub fn focused_sec(&self) -> Sec {
        let secs = self.sections(self.focus.step);
        secs[self.focus.sec.min(secs.len() - 1)]
    }

    /// A table's rows (a form section: its one row of fields).
    pub fn rows(&self, sec: Sec) -> &[Row] {
        match sec {
            Sec::Meeting => std::slice::from_ref(&self.meeting),
            Sec::Units => &self.units,
            Sec::Reviewers => &self.reviewers,
            Sec::Mode => &[],
            Sec::Criteria => &self.criteria,
            Sec::Groups => &self.groups,
            Sec::Grades => &self.grades,
            Sec::Rules => std::slice::from_ref(&self.rules),
            Sec::Save => std::slice::from_ref(&self.save),
        }
    }

    fn rows_mut(&mut self, sec: Sec) -> &mut Vec<Row> {
        match sec {
            Sec::Units => &mut self.units,
            Sec::Reviewers => &mut self.reviewers,
            Sec::Criteria => &mut self.criteria,
            Sec::Groups => &mut self.groups,
            _ => &mut self.grades,
        }
    }

    /// How many rows the focus moves over in `sec`: a table's rows, a form's fields.
    fn height(&self, sec: Sec) -> usize {
        match sec {
            Sec::Mode => 1,
            s if s.is_table() => self.rows(s).len().max(1),
            s => s.cols().len(),
        }
    }

    fn width(&self, sec: Sec) -> usize {
        if sec.is_table() { sec.cols().len() } else { 1 }
    }

    /// The text of a cell: a table's row and column, or a form section's field (`row`).
    pub fn cell(&self, sec: Sec, row: usize, col: usize) -> &str {
        if sec.is_table() {
            self.rows(sec)
                .get(row)
                .and_then(|r| r.cells.get(col))
                .map_or("", String::as_str)
        } else {
            self.rows(sec)
                .first()
                .and_then(|r| r.cells.get(row))
                .map_or("", String::as_str)
        }
    }

    fn set_cell(&mut self, sec: Sec, row: usize, col: usize, text: String) {
        let slot = match sec {
            Sec::Meeting => self.meeting.cells.get_mut(row),
            Sec::Rules => self.rules.cells.get_mut(row),
            Sec::Save => self.save.cells.get_mut(row),
            Sec::Mode => None,
            s => self
                .rows_mut(s)
                .get_mut(row)
                .and_then(|r| r.cells.get_mut(col)),
        };
        if let Some(slot) = slot
            && *slot != text
        {
            *slot = text;
            self.dirty = true;
        }
    }

    /// The column (table) or field (form section) the focus is on.
    pub fn focused_col(&self) -> Col {
        let sec = self.focused_sec();
        let i = if sec.is_table() {
            self.focus.col
        } else {
            self.focus.row
        };
        sec.cols()[i.min(sec.cols().len() - 1)]
    }

    /// The problems that stop the plan (not the warnings).
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.warning)
    }

    /// The problems shown in `step`, those of the focused field first.
    pub fn step_issues(&self, step: usize) -> Vec<&Issue> {
        let mut out: Vec<&Issue> = self
            .issues
            .iter()
            .filter(|i| i.at.sec.step() == step)
            .collect();
        out.sort_by_key(|i| (!self.is_focused(i.at), i.warning));
        out
    }

    /// Whether `at` names the focused field (a table's cell, or its row as a whole).
    pub fn is_focused(&self, at: Place) -> bool {
        let sec = self.focused_sec();
        at.sec == sec
            && at.row == Some(self.focus.row)
            && (!sec.is_table() || at.col.is_none_or(|c| c == self.focus.col))
    }

    /// Whether a cell has an error (it is drawn in the error colour).
    pub fn cell_has_error(&self, sec: Sec, row: usize, col: usize) -> bool {
        self.errors().any(|i| {
            i.at.sec == sec && i.at.row == Some(row) && (!sec.is_table() || i.at.col == Some(col))
        })
    }

    /// The group names the reviewers use, in order, each once.
    pub fn reviewer_groups(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.reviewers {
            let g = r.cells.get(2).map_or("", |g| g.trim());
            if !g.is_empty() && !out.iter().any(|o| o == g) {
                out.push(g.to_string());
            }
        }
        out
    }

    /// The people (出席, 列席) of an edited plan as it had them, while their field `col` of
    /// `sec` still reads `text`, the way the form showed them.
    fn names_as_opened(&self, sec: Sec, col: &Col, text: &str) -> Option<Value> {
        if sec != Sec::Meeting || col.kind != Kind::Names {
            return None;
        }
        self.names_opened
            .iter()
            .find(|(key, shown, names)| *key == col.key && shown == text && !names.is_empty())
            .map(|(_, _, names)| Value::from(names.clone()))
    }

    /// The plan file's text as it would be written.
    pub fn text(&self) -> Option<String> {
        let plan = serde_json::to_value(self.plan.as_ref()?).ok()?;
        let mut text = serde_json::to_string_pretty(&whole_numbers(plan)).ok()?;
        text.push('\n');
        Some(text)
    }

    // ----- keys -----

    /// A key, as the terminal gave it. The answer says what the caller must do.
    pub fn handle(&mut self, key: KeyEvent) -> Reply {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        self.note = None;
        if let Some(ask) = self.ask.clone() {
            return self.answer(ask, key);
        }
        match key.code {
            KeyCode::Char('c' | 'C' | 'q' | 'Q') if ctrl => return self.quit(),
            KeyCode::Esc | KeyCode::PageUp => {
                if self.focus.step == 0 {
                    return self.quit();
                }
                let mut step = self.focus.step - 1;
                while step > 0 && self.skipped(step) {
                    step -= 1;
                }
                self.go_step(step);
            }
            KeyCode::Char('n' | 'N') if ctrl => self.next_step(),
            KeyCode::PageDown => self.next_step(),
            KeyCode::Char('s' | 'S') if ctrl => {
                if self.focus.step == STEPS - 1 {
                    return self.save();
                }
                self.go_step(STEPS - 1);
            }
            KeyCode::Enter if self.focus.step == STEPS - 1 => return self.save(),
            KeyCode::Tab => self.move_cell(1),
            KeyCode::BackTab => self.move_cell(-1),
            KeyCode::Up | KeyCode::Down if (ctrl || alt) && self.focused_sec().is_table() => {
                self.move_row(if key.code == KeyCode::Up { -1 } else { 1 })
            }
            KeyCode::Down => self.move_line(1),
            KeyCode::Up => self.move_line(-1),
            KeyCode::Enter => self.enter(),
            KeyCode::Char('d' | 'D') if ctrl && self.focused_sec().is_table() => self.delete_row(),
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ' | IDEOGRAPHIC_SPACE)
                if self.focused_sec() == Sec::Mode =>
            {
                let back = key.code == KeyCode::Left;
                self.mode = Some(match (self.mode.unwrap_or_default(), back) {
                    (ScoringMode::Points, false) | (ScoringMode::None, true) => ScoringMode::Grades,
                    (ScoringMode::Grades, false) | (ScoringMode::Points, true) => ScoringMode::None,
                    (ScoringMode::None, false) | (ScoringMode::Grades, true) => ScoringMode::Points,
                });
                self.dirty = true;
                self.refresh();
            }
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ' | IDEOGRAPHIC_SPACE)
                if self.focused_col().kind == Kind::Agenda && !ctrl && !alt =>
            {
                self.cycle_kind(if key.code == KeyCode::Left { -1 } else { 1 });
            }
            _ if self.focused_sec() == Sec::Mode => {}
            _ => {
                if edit_key(&mut self.editor, &key) {
                    self.store_editor();
                }
            }
        }
        Reply::Stay
    }

    /// Space or ←→ on a kind cell: the next (or previous) of the five kinds, by its name.
    fn cycle_kind(&mut self, step: isize) {
        let sec = self.focused_sec();
        let (row, col) = (self.focus.row, self.focus.col);
        let now = strings::import::kind_of_word(self.cell(sec, row, col)).unwrap_or_default();
        let at = UnitKind::ALL.iter().position(|k| *k == now).unwrap_or(0) as isize;
        let n = UnitKind::ALL.len() as isize;
        let next = UnitKind::ALL[(at + step).rem_euclid(n) as usize];
        let name = strings::import::kind_name(self.lang, next).to_string();
        self.set_cell(sec, row, col, name);
        self.load_editor();
        self.refresh();
    }

    /// Whether `step` is passed over by Ctrl+N and Esc: the rules of a meeting that does not
    /// score, while none is set.
    pub fn skipped(&self, step: usize) -> bool {
        step == Sec::Rules.step() && self.mode == Some(ScoringMode::None) && self.rules.is_blank()
    }

    /// A bracketed paste. In a table, several lines make several rows and tab-separated
    /// columns fill the columns from the focused one rightwards (a range copied from Excel or
    /// WPS); elsewhere the text goes into the field, its line breaks as spaces.
    pub fn paste(&mut self, text: &str) {
        self.note = None;
        if self.ask.is_some() || self.focused_sec() == Sec::Mode {
            return;
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let sec = self.focused_sec();
        let trimmed = text.trim_end_matches('\n');
        if sec.is_table() && (trimmed.contains('\n') || trimmed.contains('\t')) {
            self.paste_rows(sec, trimmed);
            return;
        }
        // Several cells (a column copied from a sheet) into a one-line field: refused and
        // said, not run together into one line of thousands. One cell with line breaks
        // arrives quoted (`"工作\n汇报会"`) and goes in, unquoted, its lines joined.
        let quoted = trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"');
        let lines = trimmed.lines().filter(|l| !l.trim().is_empty()).count();
        // A column of names (出席, 列席) copied from a sheet: one a line, joined as a list.
        if self.focused_col().kind == Kind::Names && lines > 1 && !quoted {
            let names: Vec<&str> = trimmed
                .split(['\n', '\t'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let mut text = text_of(&self.editor).trim_end().to_string();
            if !text.is_empty() && !text.ends_with(t::LIST_SEPARATORS) {
                text.push_str(t::list_join(self.lang));
            }
            text.push_str(&names.join(t::list_join(self.lang)));
            let clean: String = text
                .chars()
                .filter(|c| crate::text::safe_char(*c) == Some(*c))
                .collect();
            self.editor = new_textarea(vec![clean]);
            self.editor.set_wrap_mode(WrapMode::None);
            self.editor.move_cursor(CursorMove::End);
            self.store_editor();
            return;
        }
        if !sec.is_table() && lines > 1 && !quoted {
            self.note = Some((t::paste_lines_into_field(self.lang, lines), true));
            return;
        }
        let text = if quoted && trimmed.contains('\n') {
            trimmed[1..trimmed.len() - 1].replace("\"\"", "\"")
        } else {
            text
        };
        let clean: String = text
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| crate::text::safe_char(*c) == Some(*c))
            .collect();
        self.editor.insert_str(clean);
        self.store_editor();
    }

    fn paste_rows(&mut self, sec: Sec, text: &str) {
        let ncols = sec.cols().len();
        let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
        // A range copied with its header row: the columns go where their headers say (as
        // `podium import` reads them), the others are left out and named.
        let (target, skip, unused) = match header_map(sec, &lines[0]) {
            Some((map, unused)) => (map, 1, unused),
            None => (
                (0..ncols).map(|j| Some(self.focus.col + j)).collect(),
                0,
                Vec::new(),
            ),
        };
        let mut at = self.focus.row;
        let mut count = 0;
        for cells in lines.iter().skip(skip) {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let rows = self.rows_mut(sec);
            let here_blank = rows.get(at).is_some_and(Row::is_blank);
            if !(count == 0 && here_blank) {
                at = if rows.is_empty() { 0 } else { at + 1 };
                rows.insert(at.min(rows.len()), Row::blank(ncols));
            }
            let row = &mut rows[at];
            for (j, cell) in cells.iter().enumerate() {
                if let Some(slot) = target
                    .get(j)
                    .copied()
                    .flatten()
                    .and_then(|c| row.cells.get_mut(c))
                {
                    *slot = crate::text::clean_line(cell.trim());
                }
            }
            count += 1;
        }
        if count > 0 {
            self.dirty = true;
            self.focus.row = at;
            self.note = Some((t::pasted(self.lang, count, skip == 1, &unused), false));
            self.load_editor();
            self.refresh();
        }
    }

    /// The file exists: the form asks whether to overwrite it.
    pub fn ask_overwrite(&mut self, path: PathBuf) {
        self.ask = Some(Ask::Overwrite(path));
    }

    /// The plan being edited changed on disk since the form read it: the form asks whether
    /// to write over it.
    pub fn ask_changed(&mut self, path: PathBuf) {
        self.ask = Some(Ask::Changed(path));
    }

    /// The plan was written to `path`.
    pub fn saved(&mut self, path: PathBuf) {
        self.dirty = false;
        self.note = Some((t::written(self.lang, &path_text(&path)), false));
        self.written = Some(path);
    }

    /// Writing failed: the form stays, saying why.
    pub fn failed(&mut self, path: &Path, err: &str) {
        self.note = Some((t::write_failed(self.lang, &path_text(path), err), true));
    }

    fn answer(&mut self, ask: Ask, key: KeyEvent) -> Reply {
        // Answers typed through a Chinese input method count (`ｙ`, `是`); Ctrl+C is no.
        let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c' | 'C'));
        let typed =
            |keys: &[char]| !ctrl_c && matches!(key.code, KeyCode::Char(c) if keys.contains(&c));
        let yes = typed(t::YES_KEYS);
        let no = typed(t::NO_KEYS) || ctrl_c || key.code == KeyCode::Esc;
        if !yes && !no {
            return Reply::Stay;
        }
        self.ask = None;
        if !yes {
            return Reply::Stay;
        }
        let path = match ask {
            Ask::Quit => return Reply::Quit,
            Ask::Overwrite(path) => path,
            Ask::Changed(path) => {
                self.overwrite_changed = true;
                path
            }
        };
        match self.text() {
            Some(text) => Reply::Save {
                path,
                text,
                overwrite: true,
            },
            None => Reply::Stay,
        }
    }

    fn quit(&mut self) -> Reply {
        if self.dirty {
            self.ask = Some(Ask::Quit);
            Reply::Stay
        } else {
            Reply::Quit
        }
    }

    fn save(&mut self) -> Reply {
        let errors: Vec<Place> = self.errors().map(|i| i.at).collect();
        if let Some(first) = errors.first() {
            // To the first error, to be corrected.
            self.go_to(*first);
            self.note = Some((t::save_refused(self.lang, errors.len()), true));
            return Reply::Stay;
        }
        let path = self.save.cells[0].trim().to_string();
        if path.is_empty() {
            self.note = Some((t::no_path(self.lang).to_string(), true));
            return Reply::Stay;
        }
        let Some(text) = self.text() else {
            return Reply::Stay;
        };
        let path = PathBuf::from(path);
        let overwrite = self.source.as_deref() == Some(path.as_path());
        Reply::Save {
            path,
            text,
            overwrite,
        }
    }

    fn next_step(&mut self) {
        if self.focus.step + 1 >= STEPS {
            return;
        }
        let step = self.focus.step;
        let errors: Vec<Place> = self
            .errors()
            .filter(|i| i.at.sec.step() == step)
            .map(|i| i.at)
            .collect();
        if let Some(first) = errors.first() {
            self.note = Some((t::fix_first(self.lang, errors.len()), true));
            self.go_to(*first);
            return;
        }
        let mut next = step + 1;
        while next + 1 < STEPS && self.skipped(next) {
            next += 1;
        }
        self.go_step(next);
    }

    /// To the start of `step`.
    pub fn go_step(&mut self, step: usize) {
        self.focus = Focus {
            step: step.min(STEPS - 1),
            sec: 0,
            row: 0,
            col: 0,
        };
        self.load_editor();
    }

    /// To the field of `at`, in its step.
    fn go_to(&mut self, at: Place) {
        let step = at.sec.step();
        let secs = self.sections(step);
        let Some(sec) = secs.iter().position(|s| *s == at.sec) else {
            return;
        };
        self.focus = Focus {
            step,
            sec,
            row: at.row.unwrap_or(0).min(self.height(at.sec) - 1),
            col: at.col.unwrap_or(0).min(self.width(at.sec) - 1),
        };
        self.load_editor();
    }

    /// Tab: the next cell (a table's next column, then the next row), or the next field.
    fn move_cell(&mut self, step: isize) {
        let sec = self.focused_sec();
        let w = self.width(sec);
        if sec.is_table() {
            let col = self.focus.col as isize + step;
            if (0..w as isize).contains(&col) {
                self.focus.col = col as usize;
                self.load_editor();
                return;
            }
            let before = self.focus;
            self.move_line(step);
            if self.focus != before && self.focused_sec() == sec {
                self.focus.col = if step > 0 { 0 } else { w - 1 };
                self.load_editor();
            }
            return;
        }
        self.move_line(step);
    }

    /// ↑/↓: the row or field above or below, across the sections of the step.
    fn move_line(&mut self, step: isize) {
        let sec = self.focused_sec();
        let row = self.focus.row as isize + step;
        if (0..self.height(sec) as isize).contains(&row) {
            self.focus.row = row as usize;
            self.load_editor();
            return;
        }
        let secs = self.sections(self.focus.step);
        let next = self.focus.sec as isize + step;
        if (0..secs.len() as isize).contains(&next) {
            let to = secs[next as usize];
            self.focus.sec = next as usize;
            self.focus.row = if step > 0 { 0 } else { self.height(to) - 1 };
            self.focus.col = 0;
            self.load_editor();
        }
    }

    /// Enter: the next field; in a table the next row, a new one after the last row when that
    /// is filled in; after the step's last field, the next step.
    fn enter(&mut self) {
        let sec = self.focused_sec();
        if sec.is_table() {
            let last = self.focus.row + 1 >= self.rows(sec).len();
            let blank = self.rows(sec).get(self.focus.row).is_none_or(Row::is_blank);
            if last && !blank {
                let n = sec.cols().len();
                self.rows_mut(sec).push(Row::blank(n));
                self.focus.row += 1;
                self.focus.col = 0;
                self.load_editor();
                return;
            }
            if !last {
                self.focus.row += 1;
                self.focus.col = 0;
                self.load_editor();
                return;
            }
        }
        let before = self.focus;
        self.move_line(1);
        if self.focus == before {
            self.next_step();
        } else if self.focused_sec().is_table() {
            self.focus.col = 0;
            self.load_editor();
        }
    }

    fn delete_row(&mut self) {
        let sec = self.focused_sec();
        let n = sec.cols().len();
        let at = self.focus.row;
        let rows = self.rows_mut(sec);
        if at < rows.len() {
            rows.remove(at);
        }
        if rows.is_empty() {
            rows.push(Row::blank(n));
        }
        let len = rows.len();
        self.focus.row = at.min(len - 1);
        self.dirty = true;
        self.load_editor();
        self.refresh();
    }

    fn move_row(&mut self, step: isize) {
        let sec = self.focused_sec();
        let at = self.focus.row;
        let to = at as isize + step;
        let rows = self.rows_mut(sec);
        if to < 0 || to as usize >= rows.len() {
            return;
        }
        rows.swap(at, to as usize);
        self.focus.row = to as usize;
        self.dirty = true;
        self.load_editor();
        self.refresh();
    }

    /// The focused field's text into the editor, the caret at its end.
    fn load_editor(&mut self) {
        let sec = self.focused_sec();
        let text = self.cell(sec, self.focus.row, self.focus.col).to_string();
        let mut ta = new_textarea(vec![text]);
        ta.set_wrap_mode(WrapMode::None);
        ta.move_cursor(CursorMove::End);
        self.editor = ta;
    }

    /// The editor's text back into the focused field, and the plan checked again.
    fn store_editor(&mut self) {
        let sec = self.focused_sec();
        let text = text_of(&self.editor);
        self.set_cell(sec, self.focus.row, self.focus.col, text);
        self.refresh();
    }

    // ----- checking -----

    /// The plan rebuilt from the texts, and its problems placed on their fields.
    pub fn refresh(&mut self) {
        let (plan, issues) = build(self);
        self.plan = plan;
        self.issues = issues;
    }
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

/// A row of texts from a plan object: a cell per column (dotted keys read from the flattened
/// object), the rest kept aside.
fn row_of(mut object: Map<String, Value>, cols: &[Col]) -> Row {
    let cells = cols
        .iter()
        .map(|c| match object.remove(c.key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => number_text(&n),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(", "),
            Some(other) => other.to_string(),
        })
        .collect();
    Row {
        cells,
        extra: object,
    }
}

/// Whole numbers written as a person writes them (`8`, not `8.0`), everywhere in `value`.
fn whole_numbers(value: Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(v) if n.is_f64() && v.fract() == 0.0 && v.abs() < 1e15 => Value::from(v as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(whole_numbers).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, whole_numbers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A number as a person writes it: `8`, not `8.0`.
fn number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        _ => n.to_string(),
    }
}

/// The numbers a Chinese keyboard types made plain.
fn plain(text: &str) -> String {
    text.trim()
        .chars()
        .map(crate::text::ascii_digit)
        .map(|c| match c {
            '．' | '。' => '.',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect()
}

/// A cell's value in the plan: `Ok(None)` when empty; `Err` with the sentence when it is
/// not what the field takes.
fn value_of(kind: Kind, text: &str, lang: Lang) -> Result<Option<Value>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| -> Result<Value, String> {
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(if v.fract() == 0.0 && v.abs() < 1e15 {
                Value::from(v as i64)
            } else {
                Value::from(v)
            }),
            _ => Err(t::not_a_number(lang, trimmed)),
        }
    };
    match kind {
        Kind::Text => Ok(Some(Value::String(trimmed.to_string()))),
        Kind::Number => number(&plain(trimmed)).map(Some),
        // As `podium import` reads a minutes cell: `8`, `8分钟`, `6.5`, `08:00`, `8分30秒`.
        Kind::Minutes => match crate::import::office::parse_minutes(trimmed) {
            Some(m) => number(&m.to_string()).map(Some),
            None => Err(t::not_a_number(lang, trimmed)),
        },
        Kind::Int => match plain(trimmed).parse::<i64>() {
            Ok(v) => Ok(Some(Value::from(v))),
            Err(_) => Err(t::not_whole(lang, trimmed)),
        },
        Kind::Names => {
            let items: Vec<Value> = crate::import::office::split_names(trimmed)
                .into_iter()
                .map(Value::String)
                .collect();
            Ok((!items.is_empty()).then_some(Value::Array(items)))
        }
        // A report is what an item is without a kind: the plan leaves it out.
        Kind::Agenda => match strings::import::kind_of_word(trimmed) {
            Some(UnitKind::Report) => Ok(None),
            Some(k) => Ok(Some(Value::String(k.key().to_string()))),
            None => Err(t::not_a_kind(lang, trimmed)),
        },
        Kind::List => {
            let items: Vec<Value> = trimmed
                .split(t::LIST_SEPARATORS)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect();
            Ok((!items.is_empty()).then_some(Value::Array(items)))
        }
    }
}

/// The header names a table's columns are known by in a sheet (`podium import`'s).
fn headers(sec: Sec) -> &'static [(&'static str, Column)] {
    use crate::strings::import as h;
    match sec {
        Sec::Units => &[
            ("name", h::UNIT),
            ("presenter", h::PRESENTER),
            ("minutes", h::MINUTES),
            ("role", h::ROLE),
            ("topic", h::TOPIC),
            ("category", h::CATEGORY),
            ("kind", h::KIND),
        ],
        Sec::Reviewers => &[
            ("name", h::REVIEWER),
            ("role", h::REVIEWER_ROLE),
            ("group", h::GROUP),
            ("recused", h::RECUSED),
        ],
        Sec::Criteria => &[("name", h::CRITERION), ("max", h::MAX)],
        _ => &[],
    }
}

/// When the first pasted line is a header row (at least half of its filled cells name a
/// column of the table, or the order column), the table's column of each pasted column, and
/// the headers of those left out.
fn header_map(sec: Sec, line: &[&str]) -> Option<(Vec<Option<usize>>, Vec<String>)> {
    let known = headers(sec);
    if known.is_empty() {
        return None;
    }
    let filled: Vec<&str> = line
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let column = |cell: &str| {
        known
            .iter()
            .find(|(_, c)| crate::import::office::is_field(cell, c))
            .and_then(|(key, _)| sec.col_of(key))
    };
    let order = |cell: &str| crate::import::office::is_field(cell, &crate::strings::import::ORDER);
    let named = filled.iter().filter(|c| column(c).is_some()).count();
    let ordered = filled.iter().filter(|c| order(c)).count();
    if named == 0 || (named + ordered) * 2 < filled.len() {
        return None;
    }
    let mut used = vec![false; sec.cols().len()];
    let mut unused = Vec::new();
    let map = line
        .iter()
        .map(|cell| match column(cell.trim()) {
            // The first column of a name wins (`姓名` twice: the first is the name).
            Some(c) if !used[c] => {
                used[c] = true;
                Some(c)
            }
            _ => {
                // The order column is the rows' order: used, not kept.
                if !cell.trim().is_empty() && !order(cell.trim()) {
                    unused.push(crate::text::clean_line(cell.trim()));
                }
                None
            }
        })
        .collect();
    Some((map, unused))
}

/// Where the plan's rows came from: for each table, the form's row of each plan item.
#[derive(Default)]
struct Rows {
    units: Vec<usize>,
    reviewers: Vec<usize>,
    criteria: Vec<usize>,
    groups: Vec<usize>,
    grades: Vec<usize>,
}

impl Rows {
    fn of(&mut self, sec: Sec) -> &mut Vec<usize> {
        match sec {
            Sec::Units => &mut self.units,
            Sec::Reviewers => &mut self.reviewers,
            Sec::Criteria => &mut self.criteria,
            Sec::Groups => &mut self.groups,
            _ => &mut self.grades,
        }
    }
}

/// The plan the texts make, and every problem: first those of the texts themselves (a number
/// that is not one, a required cell left empty), then `Plan::validate`'s.
fn build(form: &PlanForm) -> (Option<Plan>, Vec<Issue>) {
    let lang = form.lang;
    let mut issues = Vec::new();
    let mut rows = Rows::default();
    let mut say = |at: Place, text: String, warning: bool| {
        let label = label_at(lang, at);
        issues.push(Issue {
            text: t::issue(lang, &t::place(lang, table_row(at), label), &text, warning),
            at,
            warning,
        });
    };
    // The texts of a form section or a table row as a JSON object; `None` when a required
    // cell is missing or wrong (the row is left out; its problem is said).
    let object =
        |sec: Sec, row: &Row, index: Option<usize>, say: &mut dyn FnMut(Place, String, bool)| {
            let mut out = row.extra.clone();
            let mut complete = true;
            for (i, c) in sec.cols().iter().enumerate() {
                let at = match index {
                    Some(r) => Place {
                        sec,
                        row: Some(r),
                        col: Some(i),
                    },
                    None => Place {
                        sec,
                        row: Some(i),
                        col: None,
                    },
                };
                let text = row.cells.get(i).map_or("", String::as_str);
                let value = match form.names_as_opened(sec, c, text) {
                    Some(names) => Ok(Some(names)),
                    None => value_of(c.kind, text, lang),
                };
                match value {
                    Ok(Some(v)) => {
                        out.insert(c.key.to_string(), v);
                    }
                    Ok(None) if c.required && c.kind == Kind::Text => {
                        // An empty name: `validate` says so, at its place.
                        out.insert(c.key.to_string(), Value::String(String::new()));
                    }
                    Ok(None) if c.required => {
                        say(at, t::needed(lang).to_string(), false);
                        complete = false;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        say(at, e, false);
                        if c.required {
                            complete = false;
                        }
                    }
                }
            }
            complete.then_some(out)
        };
    let mut top = object(Sec::Meeting, &form.meeting, None, &mut say).unwrap_or_default();
    let table = |sec: Sec, rows: &mut Rows, say: &mut dyn FnMut(Place, String, bool)| {
        let mut items = Vec::new();
        for (i, row) in form.rows(sec).iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            if let Some(o) = object(sec, row, Some(i), say) {
                items.push(Value::Object(o));
                rows.of(sec).push(i);
            }
        }
        items
    };
    top.insert(
        "units".into(),
        Value::Array(table(Sec::Units, &mut rows, &mut say)),
    );
    let reviewers = table(Sec::Reviewers, &mut rows, &mut say);
    if !reviewers.is_empty() {
        top.insert("reviewers".into(), Value::Array(reviewers));
    }
    let mut scoring = object(Sec::Rules, &form.rules, None, &mut say).unwrap_or_default();
    // The overtime and undertime rules: all their parts, or none.
    for rule in ["overtime", "undertime"] {
        let prefix = format!("{rule}.");
        let parts: Vec<(usize, &Col)> = RULES
            .iter()
            .enumerate()
            .filter(|(_, c)| c.key.starts_with(&prefix))
            .collect();
        let filled = |i: usize| !form.rules.cells[i].trim().is_empty();
        if parts.iter().all(|(i, _)| !filled(*i)) {
            continue;
        }
        let mut whole = Map::new();
        for (i, c) in &parts {
            match scoring.remove(c.key) {
                Some(v) => {
                    whole.insert(c.key[prefix.len()..].to_string(), v);
                }
                None if !filled(*i) => say(
                    Place {
                        sec: Sec::Rules,
                        row: Some(*i),
                        col: None,
                    },
                    t::needed_with_others(lang).to_string(),
                    false,
                ),
                None => {}
            }
        }
        if whole.len() == parts.len() {
            scoring.insert(rule.into(), Value::Object(whole));
        }
    }
    if let Some(mode) = form.mode {
        scoring.insert(
            "mode".into(),
            serde_json::to_value(mode).unwrap_or(Value::Null),
        );
    }
    for (sec, key) in [
        (Sec::Criteria, "criteria"),
        (Sec::Groups, "groups"),
        (Sec::Grades, "grades"),
    ] {
        let items = table(sec, &mut rows, &mut say);
        if !items.is_empty() {
            scoring.insert(key.into(), Value::Array(items));
        }
    }
    // Whether the overall rank is shown and the bands, as the edited plan had them.
    for (key, value) in &form.kept_scoring {
        scoring.insert(key.clone(), value.clone());
    }
    if !scoring.is_empty() {
        top.insert("scoring".into(), Value::Object(scoring));
    }
    // A plan using what plan version 2 added says so; one that does not stays as it was
    // (its `version` kept, or none).
    let new_fields = ["attendees", "observers", "recorder"]
        .iter()
        .any(|k| top.contains_key(*k))
        || form.mode == Some(ScoringMode::None)
        || top
            .get("units")
            .and_then(Value::as_array)
            .is_some_and(|units| units.iter().any(|u| u.get("kind").is_some()));
    let said = top.get("version").and_then(Value::as_u64);
    if new_fields && said.is_none_or(|v| v < u64::from(KINDS_VERSION)) {
        top.insert("version".into(), Value::from(KINDS_VERSION));
    }
    // The task list and the meeting before, as the edited plan had them (and its version 3).
    for (key, value) in &form.kept {
        top.insert(key.clone(), value.clone());
    }
    let said = top.get("version").and_then(Value::as_u64);
    if !form.kept.is_empty() && said.is_none_or(|v| v < u64::from(LEDGER_VERSION)) {
        top.insert("version".into(), Value::from(LEDGER_VERSION));
    }
    // And the version that has `overall_rank` and `bands`.
    let said = top.get("version").and_then(Value::as_u64);
    if !form.kept_scoring.is_empty() && said.is_none_or(|v| v < u64::from(SERIES_VERSION)) {
        top.insert("version".into(), Value::from(SERIES_VERSION));
    }
    // And the version that has `ballot_groups`.
    let said = top.get("version").and_then(Value::as_u64);
    let ballots = KEPT_BALLOTS
        .iter()
        .any(|k| form.kept_scoring.contains_key(*k));
    if ballots && said.is_none_or(|v| v < u64::from(BALLOTS_VERSION)) {
        top.insert("version".into(), Value::from(BALLOTS_VERSION));
    }
    let plan = match serde_json::from_value::<Plan>(Value::Object(top)) {
        Ok(plan) => plan,
        Err(e) => {
            let at = Place {
                sec: Sec::Save,
                row: None,
                col: None,
            };
            say(at, crate::text::clean_line(&e.to_string()), false);
            return (None, issues);
        }
    };
    for f in plan.validate() {
        let at = locate(&f.path, &mut rows);
        say(at, strings::plan_problem(lang, &f.problem), f.warning);
    }
    // What keeps the scoring from working (`podium check`'s warnings), in the form's terms.
    for gap in crate::planfile::scoring_gaps(&plan) {
        let find = |sec: Sec, name: &str| {
            form.rows(sec)
                .iter()
                .position(|r| r.cells.first().is_some_and(|c| c.trim() == name))
        };
        let at = match &gap {
            ScoringGap::NoReviewers | ScoringGap::AllRecused(_) => Place {
                sec: Sec::Reviewers,
                row: None,
                col: None,
            },
            ScoringGap::EmptyGroup(g) => Place {
                sec: Sec::Groups,
                row: find(Sec::Groups, g),
                col: Some(0),
            },
            ScoringGap::Ungrouped(r, _) => Place {
                sec: Sec::Reviewers,
                row: find(Sec::Reviewers, r),
                col: Sec::Reviewers.col_of("group"),
            },
        };
        issues.push(Issue {
            at,
            text: strings::planform::scoring_gap(lang, &gap),
            warning: true,
        });
    }
    (Some(plan), issues)
}

/// A place's row number as the host reads it, for tables only.
fn table_row(at: Place) -> Option<usize> {
    if at.sec.is_table() { at.row } else { None }
}

/// The label of a place: its column or field, or its section's name.
fn label_at(lang: Lang, at: Place) -> &'static str {
    let cols = at.sec.cols();
    let i = if at.sec.is_table() { at.col } else { at.row };
    match i.and_then(|i| cols.get(i)) {
        Some(c) => t::label(lang, at.sec.name(), c.key),
        None if at.sec.is_table() && at.row.is_some() => "",
        None => match at.sec {
            Sec::Criteria | Sec::Groups | Sec::Grades => t::section(lang, at.sec.name()),
            s => t::step(lang, s.step()),
        },
    }
}

/// The form's place of a finding's path in the plan.
fn locate(path: &[Seg], rows: &mut Rows) -> Place {
    let key = |i: usize| match path.get(i) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match path.get(i) {
        Some(Seg::Index(n)) => Some(*n),
        _ => None,
    };
    let in_table = |sec: Sec, at: usize, rows: &mut Rows| -> Place {
        let row = index(at).map(|i| rows.of(sec).get(i).copied().unwrap_or(i));
        let col = key(at + 1).and_then(|k| sec.col_of(k));
        Place {
            sec,
            row,
            col: if row.is_some() { col } else { None },
        }
    };
    let field = |sec: Sec, k: &str| Place {
        sec,
        row: sec.col_of(k),
        col: None,
    };
    match (key(0), key(1)) {
        (Some("units"), _) => in_table(Sec::Units, 1, rows),
        (Some("reviewers"), _) => in_table(Sec::Reviewers, 1, rows),
        (Some("scoring"), Some("criteria")) => in_table(Sec::Criteria, 2, rows),
        (Some("scoring"), Some("groups")) => in_table(Sec::Groups, 2, rows),
        (Some("scoring"), Some("grades")) => in_table(Sec::Grades, 2, rows),
        (Some("scoring"), Some(rule @ ("overtime" | "undertime"))) => match key(2) {
            Some(part) => field(Sec::Rules, &format!("{rule}.{part}")),
            None => field(Sec::Rules, &format!("{rule}.points")),
        },
        (Some("scoring"), Some("mode")) => Place {
            sec: Sec::Mode,
            row: Some(0),
            col: None,
        },
        (Some("scoring"), Some(k)) => field(Sec::Rules, k),
        (Some(k), _) if Sec::Meeting.col_of(k).is_some() => field(Sec::Meeting, k),
        _ => Place {
            sec: Sec::Save,
            row: None,
            col: None,
        },
    }
}
