//! What each action of the console does (`App::perform`): the actions of `keys::TABLE`,
//! from a key, the `F10` menu or the results view.

use super::app::{Action, App, Confirm, Form, FormKind, Mode, PanelItem, Sheet};
use super::components::editor::RemarkEditor;
use super::editor::Target;
use super::popups::TaskView;
use crate::console::Level;
use crate::plan::UnitKind;
use crate::session::{Command, Refusal, RemarkKind, Status, Time};
use crate::strings;

impl App {
    /// Carries out one console action.
    pub fn perform(&mut self, action: Action, now: Time) {
        let lang = self.lang();
        if action.host_only() && self.core.is_remote() {
            return self.core.host_only(now);
        }
        // A meeting that does not score has no sheet, results or ranking: say so.
        if action.is_scoring() && !self.scores() {
            return self.core.refuse(&Refusal::NotScored, now);
        }
        match action {
            Action::ToggleTalk | Action::Next => {
                // Nothing left to time: say so, and how to go on, rather than offering to
                // pick a unit that has presented already.
                if let Some(text) = self.nothing_to_time() {
                    return self.notify(text, Level::Warn, now);
                }
                let command = match action {
                    Action::ToggleTalk => Command::ToggleTalk,
                    _ => Command::Next,
                };
                self.execute(command, now);
            }
            Action::SetCurrent => {
                if let Some(unit) = self.selected_unit() {
                    if self.session().state().current.as_deref() == Some(unit.as_str()) {
                        return;
                    }
                    self.ask(Confirm::SetCurrent(unit));
                }
            }
            Action::Remark => {
                let unit = self.remark_unit();
                self.open_editor(
                    Target::New {
                        unit,
                        kind: RemarkKind::Remark,
                    },
                    None,
                    "",
                );
            }
            Action::General => self.open_editor(
                Target::New {
                    unit: None,
                    kind: RemarkKind::Remark,
                },
                None,
                "",
            ),
            Action::Task => {
                let unit = self.remark_unit();
                self.open_task_form(unit, None);
            }
            Action::Tasks => self.open(Mode::Tasks(Box::new(TaskView::all()))),
            Action::TalkTasks => {
                // The unit on now; else the selected row's; else every unfinished task.
                let st = self.session().state();
                let unit = st.current.clone().or_else(|| self.selected_unit());
                let view = match unit {
                    Some(unit) => TaskView::talk(unit),
                    None => {
                        let text = strings::taskview::no_unit(lang).to_string();
                        self.notify(text, Level::Info, now);
                        TaskView::talk_all()
                    }
                };
                self.open(Mode::Tasks(Box::new(view)));
            }
            Action::ConvertTask => match self.selected_item() {
                Some(PanelItem::Remark(id)) => self.convert_remark(id, now),
                Some(PanelItem::Task(id)) => {
                    if self.execute(Command::RevertTask { id }, now) {
                        let text = strings::taskview::reverted(lang).to_string();
                        self.notify(text, Level::Info, now);
                    }
                }
                None => self.notify(lang.s().no_remarks.into(), Level::Warn, now),
            },
            Action::Undo => {
                self.execute(Command::Undo, now);
            }
            Action::EditRemark => {
                if let Some(PanelItem::Task(id)) = self.selected_item() {
                    return self.open_task_edit(id);
                }
                let Some(id) = self.selected_remark_id() else {
                    self.notify(lang.s().no_remarks.into(), Level::Warn, now);
                    return;
                };
                if let Some(r) = self.session().state().remark(id).cloned() {
                    self.open_editor(
                        Target::Edit { id, kind: r.kind },
                        Some(r.reviewer.clone()),
                        &r.text,
                    );
                }
            }
            Action::DeleteRemark => match self.selected_item() {
                Some(PanelItem::Remark(id)) => self.ask(Confirm::DeleteRemark(id)),
                Some(PanelItem::Task(id)) => self.ask(Confirm::DeleteTask(id)),
                None => self.notify(lang.s().no_remarks.into(), Level::Warn, now),
            },
            Action::ToggleSkip => {
                if let Some(unit) = self.selected_unit() {
                    self.ask(Confirm::ToggleSkip(unit));
                }
            }
            Action::AddTime => {
                self.execute(Command::AdjustLimit { seconds: 30 }, now);
            }
            Action::TakeTime => {
                self.execute(Command::AdjustLimit { seconds: -30 }, now);
            }
            Action::AddUnit => {
                let form = Form::add_item(lang, self.session().plan().talk_minutes());
                self.open(Mode::Form(Box::new(form)));
            }
            Action::UpdateUnit => {
                let Some(unit) = self.selected_unit() else {
                    return;
                };
                let s = lang.s();
                let (presenter, role) = self
                    .session()
                    .state()
                    .unit(&unit)
                    .map(|u| {
                        (
                            u.presenter.clone().unwrap_or_default(),
                            u.role.clone().unwrap_or_default(),
                        )
                    })
                    .unwrap_or_default();
                self.open_form(
                    FormKind::UpdateUnit { unit },
                    vec![s.field_presenter, s.field_role],
                    vec![presenter, role],
                );
            }
            Action::MoveUp | Action::MoveDown => {
                let Some(unit) = self.selected_unit() else {
                    return;
                };
                let delta = if action == Action::MoveUp { -1 } else { 1 };
                if self.execute(
                    Command::MoveUnit {
                        unit: unit.clone(),
                        delta,
                    },
                    now,
                ) && let Some(pos) = self.session().state().position(&unit)
                {
                    self.selected = pos + 1;
                    self.follow = false;
                }
            }
            Action::Help => self.open(Mode::Help { scroll: 0 }),
            Action::ScoreSheet => {
                // The selected unit's sheet; on another kind of item (or the whole meeting)
                // the next 汇报单位's: only they are scored.
                let st = self.session().state();
                let n = st.units.len();
                let from = self.selected.saturating_sub(1);
                let unit = (0..n)
                    .map(|i| &st.units[(from + i) % n])
                    .find(|u| u.kind.is_report())
                    .map(|u| u.name.clone());
                match unit {
                    Some(unit) => self.open(Mode::Sheet(Box::new(Sheet::new(unit)))),
                    None => {
                        let text = match n {
                            0 => strings::sheet_without_units(lang),
                            _ => strings::console::no_reports(lang),
                        };
                        self.notify(text.to_string(), Level::Warn, now);
                    }
                }
            }
            Action::Results => {
                // The view opens on this meeting's ranking.
                self.results_previous = false;
                self.open(Mode::Results { selected: 0 });
            }
            Action::Publish => {
                if self.session().state().scores.published {
                    self.core.refuse(&Refusal::ResultsPublished, now);
                } else {
                    match self.publish_gaps(now) {
                        Some(gaps) => self.ask(Confirm::PublishIncomplete(gaps)),
                        None => self.ask(Confirm::Publish),
                    }
                }
            }
            Action::Unlock => {
                if !self.session().state().scores.published {
                    self.core.refuse(&Refusal::NotPublished, now);
                } else {
                    let label = strings::console::unlock_reason(lang);
                    self.open_form(FormKind::Unlock, vec![label], vec![String::new()]);
                }
            }
            Action::ImportScores => {
                let label = strings::console::score_file(lang);
                self.open_form(FormKind::ImportScores, vec![label], vec![String::new()]);
            }
            Action::Export => self.core.export(now),
            Action::StageMessage => {
                let label = strings::console::stage_message(lang);
                self.open_form(FormKind::StageMessage, vec![label], vec![String::new()]);
            }
            Action::Privacy => {
                self.private = !self.private;
                // The key that shows them again is the one in use (a key file may move it).
                let key = self
                    .keys
                    .bar_key(Action::Privacy)
                    .unwrap_or_else(|| "F10".to_string());
                let text = strings::console::privacy(lang, self.private, &key);
                self.notify(text, Level::Info, now);
            }
            Action::Connections => {
                if self.core.server.is_some() {
                    self.open(Mode::Connections { selected: 0 });
                } else {
                    let text = strings::console::no_connections(lang, self.core.is_remote());
                    self.notify(text.to_string(), Level::Warn, now);
                }
            }
            Action::EndMeeting => self.ask(Confirm::EndMeeting),
            Action::Quit => self.ask(Confirm::Quit),
            Action::ResultsOnStage => {
                let shown = !self.session().state().stage.results_shown;
                self.execute(Command::ShowResults { shown }, now);
            }
            Action::RevealNext => {
                let places = self.session().state().stage.revealed + 1;
                self.execute(Command::RevealResults { places }, now);
            }
            Action::RevealAll => {
                let places = self.session().state().reports().count();
                self.execute(Command::RevealResults { places }, now);
            }
            Action::PreviousRanking => {
                // Read-only: the copy of the round before's results in this session.
                if self.has_previous_results() {
                    self.results_previous = !self.results_previous;
                    // The selection starts again at the top of the other ranking.
                    if let Some(Mode::Results { selected }) = self.popups.last_mut() {
                        *selected = 0;
                    }
                } else {
                    self.results_previous = false;
                    self.core.refuse(&Refusal::NoPreviousResults, now);
                }
            }
            Action::PreviousOnStage => {
                let shown = !self.session().state().stage.previous_shown;
                self.execute(Command::ShowPrevious { shown }, now);
            }
            Action::Ballots => {
                if self.has_ballot_groups() {
                    let view = super::components::ballots::BallotView::default();
                    self.open(Mode::Ballots(Box::new(view)));
                } else {
                    let text = strings::ballotview::no_ballot_groups(lang).to_string();
                    self.notify(text, Level::Warn, now);
                }
            }
        }
    }

    /// Whether the session holds the round before's results (a ranking to show).
    pub fn has_previous_results(&self) -> bool {
        self.session()
            .state()
            .previous_results
            .as_ref()
            .is_some_and(|r| !r.units.is_empty())
    }

    /// When `Space` or `n` has no talk to time: the meeting has ended, or every unit has
    /// presented or was skipped. What to say then, with the keys that go on from there.
    pub(super) fn nothing_to_time(&self) -> Option<String> {
        let lang = self.lang();
        let st = self.session().state();
        let key = |action: Action, fallback: &str| {
            self.keys
                .bar_key(action)
                .unwrap_or_else(|| fallback.to_string())
        };
        if st.is_ended() {
            let results = self.scores().then(|| key(Action::Results, "v"));
            let export = key(Action::Export, "Ctrl+E");
            let text = strings::console::meeting_is_over(lang, results.as_deref(), &export);
            return Some(text);
        }
        let all_done = st.current_unit().is_none()
            && !st.units.is_empty()
            && st
                .units
                .iter()
                .all(|u| matches!(u.status(), Status::Done | Status::Skipped));
        all_done.then(|| {
            let end = self
                .keys
                .bar_key(Action::EndMeeting)
                .unwrap_or_else(|| strings::console::end_through_menu(lang).to_string());
            let units = st.units.iter().all(|u| u.kind.is_report());
            strings::console::all_presented(lang, &end, units)
        })
    }

    /// What the results lack before they are published, in a sentence: the units (not
    /// skipped) with no score at all, and the units whose score lacks a group of reviewers.
    /// `None` when nothing is missing.
    pub fn publish_gaps(&self, now: Time) -> Option<String> {
        let session = self.session();
        let rules = session.rules();
        let st = session.state();
        let results = crate::scoring::results(rules, session.plan(), st, session.clock(now));
        let mut unscored = Vec::new();
        let mut missing = Vec::new();
        for r in &results {
            if st.unit(&r.unit).is_some_and(|u| u.skipped) {
                continue;
            }
            if r.score.is_none() {
                unscored.push(r.unit.clone());
            } else if rules.declared_groups {
                let groups: Vec<String> = r
                    .groups
                    .iter()
                    .filter(|g| g.score.is_none())
                    .map(|g| g.name.clone())
                    .collect();
                if !groups.is_empty() {
                    missing.push((r.unit.clone(), groups));
                }
            }
        }
        (!unscored.is_empty() || !missing.is_empty())
            .then(|| strings::console::publish_gaps(self.lang(), &unscored, &missing))
    }

    /// The units that have not presented yet (not skipped, not done, not on stage now).
    pub fn pending_units(&self) -> Vec<String> {
        self.session()
            .state()
            .units
            .iter()
            .filter(|u| u.status() == Status::Pending)
            .map(|u| u.name.clone())
            .collect()
    }

    /// The unit a new remark or task is on, and whose remarks the remarks panel shows: the
    /// selected row's. While the reviewers comment (the current item is the comments), the
    /// comments item itself means the meeting as a whole; any other row selected is that unit
    /// (the editor changes it with PgUp/PgDn).
    pub fn remark_unit(&self) -> Option<String> {
        let unit = self.selected_unit();
        let st = self.session().state();
        match st.current_unit() {
            Some(cur) if cur.kind == UnitKind::Comments && unit.as_deref() == Some(&cur.name) => {
                None
            }
            _ => unit,
        }
    }

    /// The remark `id` becomes a task: at once when it is on a 汇报单位 (the unit owns it, the
    /// reviewer assigned it); elsewhere the task form opens with it, to choose the owner.
    fn convert_remark(&mut self, id: u64, now: Time) {
        let Some(remark) = self.session().state().remark(id).cloned() else {
            return;
        };
        // A task remark of an older session is a task already: the key turns it back.
        if remark.kind == RemarkKind::Task {
            let task = self
                .session()
                .state()
                .tasks
                .iter()
                .find(|t| t.origin == crate::session::ledger::Origin::RemarkTask(id));
            if let Some(task) = task.map(|t| t.id)
                && self.execute(Command::RevertTask { id: task }, now)
            {
                let text = strings::taskview::reverted(self.lang()).to_string();
                self.notify(text, Level::Info, now);
            }
            return;
        }
        let Some(owner) = self.session().report_unit(remark.unit.as_deref()) else {
            return self.open_task_form(remark.unit.clone(), Some(id));
        };
        let assigned_by = Some(remark.reviewer.clone()).filter(|r| !r.is_empty());
        let command = Command::AddTask {
            task: Box::new(crate::session::TaskFields {
                text: remark.text.clone(),
                owner: Some(owner.clone()),
                assigned_by,
                ..Default::default()
            }),
            unit: remark.unit.clone(),
            status: None,
            from_remark: Some(id),
        };
        if self.execute(command, now) {
            let text = strings::taskview::converted(self.lang(), Some(&owner));
            self.notify(text, Level::Info, now);
        }
    }

    fn open_form(&mut self, kind: FormKind, labels: Vec<&'static str>, values: Vec<String>) {
        self.open(Mode::Form(Box::new(Form::new(kind, labels, values))));
    }

    /// The units a new remark can be on, in the agenda's order (the editor's PgUp/PgDn).
    pub(super) fn unit_choices(&self) -> Vec<String> {
        let st = self.session().state();
        st.units.iter().map(|u| u.name.clone()).collect()
    }

    pub(super) fn reviewer_choices(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .session()
            .plan()
            .reviewers
            .iter()
            .map(|r| r.name.clone())
            .collect();
        for r in &self.session().state().remarks {
            if !r.reviewer.is_empty() && !names.contains(&r.reviewer) {
                names.push(r.reviewer.clone());
            }
        }
        names
    }

    fn open_editor(&mut self, target: Target, reviewer: Option<String>, text: &str) {
        let reviewer = reviewer
            .or_else(|| self.last_reviewer.clone())
            .or_else(|| {
                self.session()
                    .plan()
                    .reviewers
                    .first()
                    .map(|r| r.name.clone())
            })
            .unwrap_or_default();
        let mut ed = RemarkEditor::new(target, reviewer, text, self.reviewer_choices());
        ed.units = self.unit_choices();
        ed.text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        ed.text.move_cursor(ratatui_textarea::CursorMove::End);
        self.open(Mode::Editor(Box::new(ed)));
    }
}
