//! The score sheet (`s`): a grid of reviewers × criteria for one unit (or grades and ballot
//! counts), with fast keyboard entry. A value is checked as it is typed and saved — durable
//! first — when the cursor leaves the cell; a bad value is said inline and never saved.

use super::{Hint, Outcome, hints};
use crate::plan::ScoringMode;
use crate::scoring::{self, ScoreProblem};
use crate::session::Time;
use crate::session::{Command, GradeEntry, ScoreEntry, Session};
use crate::tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub struct Sheet {
    pub unit: String,
    /// Row: a plan reviewer (points) or a grade (grades).
    pub row: usize,
    /// Column: a criterion (points); grades have one column, the ballots to add.
    pub col: usize,
    /// What is being typed into the current cell.
    pub input: String,
    /// Why the typed value cannot be saved, when it cannot.
    pub problem: Option<ScoreProblem>,
}

/// What a key asks of the app.
pub enum SheetAction {
    None,
    Close,
    Execute(Command),
    /// Another unit (PageUp/PageDown).
    Unit(isize),
}

impl Sheet {
    pub fn new(unit: String) -> Sheet {
        Sheet {
            unit,
            row: 0,
            col: 0,
            input: String::new(),
            problem: None,
        }
    }

    fn rows(session: &Session) -> usize {
        match session.rules().mode {
            ScoringMode::Points => session.plan().reviewers.len(),
            ScoringMode::Grades => {
                session.rules().grades.len() * Self::tally_groups(session).len().max(1)
            }
            ScoringMode::None => 0,
        }
    }

    /// The ballot groups a grade tally is typed for (grades mode with `scoring.ballot_groups`):
    /// the sheet's rows are then group × grade, each tally saved under its group.
    pub fn tally_groups(session: &Session) -> Vec<String> {
        if session.rules().mode != ScoringMode::Grades {
            return Vec::new();
        }
        session.ballot_groups()
    }

    /// A grades row's ballot group (with ballot groups) and grade (its place in the plan).
    pub fn grade_row(session: &Session, row: usize) -> (Option<String>, usize) {
        let n = session.rules().grades.len().max(1);
        let group = Self::tally_groups(session).get(row / n).cloned();
        (group, row % n)
    }

    /// The names of the grades rows: the grades, or group·grade with ballot groups.
    pub fn grade_row_names(session: &Session) -> Vec<String> {
        let grades = &session.rules().grades;
        let groups = Self::tally_groups(session);
        if groups.is_empty() {
            return grades.iter().map(|g| g.name.clone()).collect();
        }
        groups
            .iter()
            .flat_map(|group| {
                grades
                    .iter()
                    .map(move |g| crate::strings::ballotview::tally_row(group, &g.name))
            })
            .collect()
    }

    /// The tallied count of a grades row for `unit` (with ballot groups: the group's typed-up
    /// tally, the cast ballots not included).
    pub fn grade_count(session: &Session, unit: &str, row: usize) -> i64 {
        let scores = &session.state().scores;
        match Self::grade_row(session, row) {
            (Some(group), g) => scores
                .group_grades
                .get(unit)
                .and_then(|m| m.get(&group))
                .and_then(|c| c.get(g))
                .copied()
                .unwrap_or(0),
            (None, g) => scores
                .grades
                .get(unit)
                .and_then(|c| c.get(g))
                .copied()
                .unwrap_or(0),
        }
    }

    fn cols(session: &Session) -> usize {
        match session.rules().mode {
            ScoringMode::Points => session.rules().criteria.len(),
            ScoringMode::Grades => 1,
            ScoringMode::None => 0,
        }
    }

    /// False when the plan gives the sheet no cell to type into (points without reviewers):
    /// the sheet then says what to do instead (`strings::sheet_without_cells`).
    pub fn has_cells(session: &Session) -> bool {
        Self::rows(session) > 0 && Self::cols(session) > 0
    }

    /// Checks the typed value of the current cell; `Ok(None)` when nothing is typed.
    pub fn check(&self, session: &Session) -> Result<Option<Command>, ScoreProblem> {
        let text = self.input.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if session.state().scores.published {
            return Err(ScoreProblem::Published);
        }
        let rules = session.rules();
        match rules.mode {
            ScoringMode::Points => {
                // A cell outside the plan (no reviewers) takes nothing.
                let (Some(reviewer), Some(criterion)) = (
                    session.plan().reviewers.get(self.row).map(|r| &r.name),
                    rules.criteria.get(self.col).map(|c| &c.name),
                ) else {
                    return Ok(None);
                };
                let value = scoring::parse_value(text)
                    .ok_or_else(|| ScoreProblem::NotANumber(text.to_string()))?;
                scoring::check_score(
                    rules,
                    session.state(),
                    &self.unit,
                    reviewer,
                    criterion,
                    value,
                )?;
                Ok(Some(Command::SetScores {
                    entries: vec![ScoreEntry {
                        unit: self.unit.clone(),
                        reviewer: reviewer.clone(),
                        criterion: criterion.clone(),
                        value,
                    }],
                }))
            }
            ScoringMode::Grades | ScoringMode::None => {
                let digits: String = text
                    .chars()
                    .map(|c| match c {
                        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                        c => c,
                    })
                    .collect();
                let (group, g) = Self::grade_row(session, self.row);
                let Some(grade) = rules.grades.get(g) else {
                    return Ok(None);
                };
                match digits.parse::<i64>() {
                    Ok(count) if count > 0 => Ok(Some(Command::AddGrades {
                        entries: vec![GradeEntry {
                            unit: self.unit.clone(),
                            grade: grade.name.clone(),
                            count,
                            group,
                        }],
                    })),
                    _ => Err(ScoreProblem::BadCount(text.to_string())),
                }
            }
        }
    }

    /// Handles a key; moving off a cell saves what was typed into it.
    pub fn key(&mut self, key: &KeyEvent, session: &Session) -> SheetAction {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if !Self::has_cells(session) {
            // Nothing to type into: the sheet only says what to do; Esc closes it.
            self.input.clear();
            self.problem = None;
            return match key.code {
                KeyCode::Esc => SheetAction::Close,
                KeyCode::PageUp => SheetAction::Unit(-1),
                KeyCode::PageDown => SheetAction::Unit(1),
                _ => SheetAction::None,
            };
        }
        let (rows, cols) = (Self::rows(session).max(1), Self::cols(session).max(1));
        let typed = |c: char| c.is_ascii_digit() || matches!(c, '.' | '．' | '。' | '０'..='９');
        match key.code {
            KeyCode::Char(c) if !ctrl && typed(c) => {
                self.input.push(c);
                self.problem = self.check(session).err();
                SheetAction::None
            }
            KeyCode::Backspace => {
                self.input.pop();
                self.problem = self.check(session).err();
                SheetAction::None
            }
            KeyCode::Delete
                if self.input.is_empty() && session.rules().mode == ScoringMode::Points =>
            {
                let reviewer = session
                    .plan()
                    .reviewers
                    .get(self.row)
                    .map(|r| r.name.clone());
                let criterion = session
                    .rules()
                    .criteria
                    .get(self.col)
                    .map(|c| c.name.clone());
                match (reviewer, criterion) {
                    (Some(reviewer), Some(criterion)) => {
                        SheetAction::Execute(Command::ClearScore {
                            unit: self.unit.clone(),
                            reviewer,
                            criterion,
                        })
                    }
                    _ => SheetAction::None,
                }
            }
            KeyCode::Esc => {
                if self.input.is_empty() {
                    SheetAction::Close
                } else {
                    self.input.clear();
                    self.problem = None;
                    SheetAction::None
                }
            }
            KeyCode::PageUp => self.leave(session, -1),
            KeyCode::PageDown => self.leave(session, 1),
            code => {
                let next = |s: &mut Sheet| match code {
                    KeyCode::Up => s.row = (s.row + rows - 1) % rows,
                    KeyCode::Down => s.row = (s.row + 1) % rows,
                    KeyCode::Left | KeyCode::BackTab => s.col = (s.col + cols - 1) % cols,
                    KeyCode::Right | KeyCode::Tab => {
                        s.col += 1;
                        if s.col == cols {
                            s.col = 0;
                            s.row = (s.row + 1) % rows;
                        }
                    }
                    // Enter moves on like a spreadsheet: across, then down.
                    KeyCode::Enter => {
                        s.col += 1;
                        if s.col == cols {
                            s.col = 0;
                            s.row = (s.row + 1) % rows;
                        }
                    }
                    _ => {}
                };
                if !matches!(
                    code,
                    KeyCode::Up
                        | KeyCode::Down
                        | KeyCode::Left
                        | KeyCode::Right
                        | KeyCode::Tab
                        | KeyCode::BackTab
                        | KeyCode::Enter
                ) {
                    return SheetAction::None;
                }
                match self.check(session) {
                    Err(p) => {
                        self.problem = Some(p);
                        SheetAction::None
                    }
                    Ok(command) => {
                        self.input.clear();
                        self.problem = None;
                        next(self);
                        command.map_or(SheetAction::None, SheetAction::Execute)
                    }
                }
            }
        }
    }

    /// Saves the typed cell (if valid) before switching units.
    fn leave(&mut self, session: &Session, step: isize) -> SheetAction {
        match self.check(session) {
            Err(p) => {
                self.problem = Some(p);
                SheetAction::None
            }
            Ok(Some(command)) => {
                self.input.clear();
                SheetAction::Execute(command)
            }
            Ok(None) => SheetAction::Unit(step),
        }
    }
}

/// Keys of the sheet: a value saved as the cursor leaves its cell, another unit on
/// PageUp/PageDown, Esc closes.
pub fn key(sheet: &mut Sheet, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    match sheet.key(key, app.session()) {
        SheetAction::None => {}
        SheetAction::Close => return Outcome::Close,
        SheetAction::Execute(command) => {
            app.execute(command, now);
        }
        SheetAction::Unit(step) => {
            // Only the 汇报单位 are scored: the sheet goes from one to the next.
            let reports: Vec<&str> = app
                .session()
                .state()
                .reports()
                .map(|u| u.name.as_str())
                .collect();
            if let Some(pos) = reports.iter().position(|u| *u == sheet.unit) {
                let n = reports.len() as isize;
                let next = (pos as isize + step).rem_euclid(n) as usize;
                sheet.unit = reports[next].to_string();
            }
        }
    }
    Outcome::Stay
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    let s = app.lang().s();
    // A plan without reviewers: the sheet only says what to do.
    if !Sheet::has_cells(app.session()) {
        return hints(&[("PgUp/PgDn", s.key_other_unit, 2), ("Esc", s.key_close, 0)]);
    }
    hints(&[
        ("0-9 .", s.key_type_score, 0),
        ("Enter/Tab", s.key_save, 0),
        ("↑↓←→", s.key_select, 1),
        ("PgUp/PgDn", s.key_other_unit, 2),
        ("Del", s.key_delete, 3),
        ("Esc", s.key_close, 0),
    ])
}
