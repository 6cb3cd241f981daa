//! The console's screen state: the live screen's focus and selection, and the popups open
//! over it (a stack, the top one gets the keys). What is not drawing — the ledger, saving,
//! notices, timers, the clock, import and export — is the core's (`crate::console`); each
//! screen and popup is a component of its own (`components`), and `view` draws them.

use super::components;
use super::keys::{Keymap, Screen};
use crate::console::Console;
use crate::console::ledger::{Ledger, Remote};
use crate::plan::UnitKind;
use crate::session::{Command, Session, Status, Time};
use crate::store::Writer;
use crate::strings::{self, Lang};
use crate::text::Ambiguous;
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use super::popups::{Confirm, Form, FormKind, Mode, RemarkEditor, Sheet, UnsavedQuit};
pub use crate::console::{Level, NETWORK_EVERY_MS, Notice};

/// One line of the remarks panel: a remark, or a task raised on the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelItem {
    Remark(u64),
    Task(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Agenda,
    Remarks,
}

/// Every action of the console; `keys::TABLE` holds their keys, screens, labels and who may
/// use them; `App::perform` (`actions`) carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ToggleTalk,
    Next,
    SetCurrent,
    Remark,
    General,
    Task,
    /// The task view: the whole ledger (`components::tasks`).
    Tasks,
    /// The task view on the unfinished tasks of the unit on now.
    TalkTasks,
    /// The selected remark becomes a task, or the selected task a remark again.
    ConvertTask,
    Undo,
    EditRemark,
    DeleteRemark,
    ToggleSkip,
    AddTime,
    TakeTime,
    AddUnit,
    UpdateUnit,
    MoveUp,
    MoveDown,
    Help,
    ScoreSheet,
    Results,
    Publish,
    Unlock,
    ImportScores,
    Export,
    StageMessage,
    Privacy,
    Connections,
    EndMeeting,
    Quit,
    /// The results on or off the stage display (results view).
    ResultsOnStage,
    /// Reveal the next place on the stage display (results view).
    RevealNext,
    /// Reveal every place (results view).
    RevealAll,
    /// The results view shows the round before's ranking, or this one's again.
    PreviousRanking,
    /// The round before's ranking on or off the stage display (results view).
    PreviousOnStage,
    /// The ballots view (`components::ballots`): voting, counts, issuing and voiding.
    Ballots,
}

impl Action {
    /// The actions about scores and results, which a meeting that does not score (`mode:
    /// none`) has not: out of the key bar and the menu, and a notice when pressed.
    pub fn is_scoring(self) -> bool {
        matches!(
            self,
            Action::ScoreSheet
                | Action::Results
                | Action::Publish
                | Action::Unlock
                | Action::ImportScores
                | Action::ResultsOnStage
                | Action::RevealNext
                | Action::RevealAll
                | Action::PreviousRanking
                | Action::PreviousOnStage
                | Action::Ballots
        )
    }

    /// What only the host does: on a note-taker's console these answer at once that only the
    /// host can (rather than after a form or a confirmation).
    pub fn host_only(self) -> bool {
        super::keys::host_only(self)
    }
}

/// Settings from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub quiet: bool,
    pub ambiguous: Ambiguous,
}

pub struct App {
    /// What is not drawing: the ledger, the server, save state, notices, timers, the clock.
    pub core: Console,
    pub opts: Options,
    /// The keys in use: the defaults of `keys::TABLE`, or a venue's `keys.toml`.
    pub keys: Keymap,
    pub focus: Focus,
    /// 0 is the whole meeting, `i + 1` the unit at position `i`.
    pub selected: usize,
    /// The selection follows the current unit until the user moves it.
    pub follow: bool,
    /// The selected remark in the remarks panel (index into the selected row's remarks).
    pub remark_selected: Option<usize>,
    /// The popups over the live screen, the top one last. A question asked over the editor
    /// is pushed above it; any other popup takes the place of the one on top.
    pub(super) popups: Vec<Mode>,
    /// A line saying this is the demo meeting and where its session is, when it is.
    pub demo: Option<String>,
    pub last_reviewer: Option<String>,
    /// Remarks, tasks and scores hidden from this screen (a laptop mirrored to the room).
    pub private: bool,
    /// The results view shows the round before's ranking (the copy in the session).
    pub results_previous: bool,
    pub quit: bool,
}

impl App {
    pub fn new(writer: Writer, opts: Options, now: Time) -> App {
        App::with_ledger(Ledger::Local(writer), opts, now)
    }

    /// A note-taker's console: the host's meeting, changes sent to the host.
    pub fn remote(remote: Remote, opts: Options, now: Time) -> App {
        App::with_ledger(Ledger::Remote(Box::new(remote)), opts, now)
    }

    fn with_ledger(ledger: Ledger, opts: Options, now: Time) -> App {
        let mut app = App {
            core: Console::new(ledger, opts.lang, opts.quiet, now),
            opts,
            keys: Keymap::default(),
            focus: Focus::Agenda,
            selected: 0,
            follow: true,
            remark_selected: None,
            popups: Vec::new(),
            demo: None,
            last_reviewer: None,
            private: false,
            results_previous: false,
            quit: false,
        };
        app.sync_selection();
        app
    }

    pub fn session(&self) -> &Session {
        self.core.session()
    }

    pub fn lang(&self) -> Lang {
        self.opts.lang
    }

    /// Whether the meeting scores at all (its scoring mode is not `none`).
    pub fn scores(&self) -> bool {
        self.session().rules().mode.scores()
    }

    /// What the current agenda item is, when there is one.
    pub fn current_kind(&self) -> Option<UnitKind> {
        self.session().state().current_unit().map(|u| u.kind)
    }

    /// Uses `keys` (a venue's key file, `keys::load`) and says, until the next notice, what in
    /// the file could not be used (those actions keep their default keys).
    pub fn use_keys(&mut self, keys: Keymap, problems: &[String]) {
        self.keys = keys;
        if let Some(first) = problems.first() {
            let text = strings::keys_file_notice(self.lang(), first, problems.len() - 1);
            self.banner(text, Level::Warn);
        }
    }

    pub fn notify(&mut self, text: String, level: Level, now: Time) {
        self.core.notify(text, level, now);
    }

    /// A notice that stays until the next one.
    pub fn banner(&mut self, text: String, level: Level) {
        self.core.banner(text, level);
    }

    /// The unit name of the selected row, `None` for the whole meeting.
    pub fn selected_unit(&self) -> Option<String> {
        let st = self.session().state();
        self.selected
            .checked_sub(1)
            .and_then(|i| st.units.get(i))
            .map(|u| u.name.clone())
    }

    pub(super) fn rows(&self) -> usize {
        self.session().state().units.len() + 1
    }

    /// Keeps the selection on the current unit while it follows, and in range always.
    pub(super) fn sync_selection(&mut self) {
        if self.follow
            && let Some(pos) = self.session().state().current_position()
        {
            self.selected = pos + 1;
        }
        self.selected = self.selected.min(self.rows() - 1);
        let n = self.panel_items().len();
        self.remark_selected = match self.remark_selected {
            _ if n == 0 => None,
            Some(i) => Some(i.min(n - 1)),
            None => Some(n - 1),
        };
    }

    /// What the remarks panel lists for the selected row: its remarks and the tasks raised
    /// there, in the order they were raised (on the whole meeting's row: the tasks typed in
    /// the console on no unit, not the numbered lists nor the tasks carried from the meeting
    /// before).
    pub fn panel_items(&self) -> Vec<PanelItem> {
        // (During the comments, their own row shows the meeting's general remarks.)
        let unit = self.remark_unit();
        let st = self.session().state();
        let remarks = st
            .remarks_on(unit.as_deref())
            .map(|r| (Some(r.at), r.id, PanelItem::Remark(r.id)));
        let tasks = st
            .tasks
            .iter()
            .filter(|t| {
                t.unit == unit
                    && (unit.is_some() || (t.carried_from.is_none() && t.list_key().is_none()))
                    // A task remark of an older session shows as that remark already.
                    && !matches!(t.origin, crate::session::ledger::Origin::RemarkTask(_))
            })
            .map(|t| (t.at, t.id, PanelItem::Task(t.id)));
        // In the order they were raised (the time, then the number).
        let mut items: Vec<_> = remarks.chain(tasks).collect();
        items.sort_by_key(|(at, id, _)| (*at, *id));
        let items: Vec<PanelItem> = items.into_iter().map(|i| i.2).collect();
        items
    }

    /// Ids of the remarks (not the tasks) shown for the selected row.
    pub fn selected_remarks(&self) -> Vec<u64> {
        self.panel_items()
            .into_iter()
            .filter_map(|i| match i {
                PanelItem::Remark(id) => Some(id),
                PanelItem::Task(_) => None,
            })
            .collect()
    }

    /// The item selected in the remarks panel.
    pub fn selected_item(&self) -> Option<PanelItem> {
        let items = self.panel_items();
        self.remark_selected.and_then(|i| items.get(i).copied())
    }

    pub(super) fn selected_remark_id(&self) -> Option<u64> {
        match self.selected_item() {
            Some(PanelItem::Remark(id)) => Some(id),
            _ => None,
        }
    }

    /// Carries out a command: durable first, then shown. Refusals and failures become notices.
    pub fn execute(&mut self, command: Command, now: Time) -> bool {
        let done = self.core.execute(command, now);
        if done.current_moved {
            self.follow = true;
        }
        if done.changed {
            self.sync_selection();
        }
        done.ok
    }

    /// Time-driven work (`Console::tick`), and what it means for this screen: the selection
    /// follows what the network brought, the quit dialog becomes the ordinary question once
    /// everything is saved, and the draft typed is written when due.
    pub fn tick(&mut self, now: Time) {
        // The remarks panel follows new remarks unless someone is looking at an older one.
        let following = self.focus != Focus::Remarks
            || self
                .remark_selected
                .is_none_or(|i| i + 1 >= self.panel_items().len());
        let ticked = self.core.tick(now);
        if ticked.network_changed && following {
            self.remark_selected = None;
        }
        if ticked.network_changed || ticked.imported {
            self.sync_selection();
        }
        // Saving worked again (the writer retries by itself): the quit dialog becomes the
        // ordinary quit question, unless a folder is being typed in it.
        if let Some(Mode::Unsaved(d)) = self.popups.last()
            && d.folder.is_none()
            && !self.unsaved_changes()
        {
            self.open(Mode::Confirm {
                what: Confirm::Quit,
                yes: true,
            });
        }
        if self.core.draft_due(now) {
            self.save_draft();
        }
    }

    /// True when something of the host's session is not safely on disk.
    pub fn unsaved_changes(&self) -> bool {
        self.core.unsaved_changes()
    }

    /// The actions of the `F10` menu: all of them on the host's console; on a note-taker's,
    /// only those that work there.
    pub fn menu(&self) -> Vec<Action> {
        let scores = self.scores();
        let ballots = self.has_ballot_groups();
        super::keys::menu(self.core.is_remote())
            .into_iter()
            .filter(|a| scores || !a.is_scoring())
            .filter(|a| ballots || *a != Action::Ballots)
            .collect()
    }

    /// Whether the plan declares ballot groups (`scoring.ballot_groups`): the ballots view.
    pub fn has_ballot_groups(&self) -> bool {
        self.session()
            .plan()
            .scoring
            .as_ref()
            .is_some_and(|s| !s.ballot_groups.is_empty())
    }

    /// True when this console talks to the network (`Console::networked`).
    pub fn networked(&self) -> bool {
        self.core.networked()
    }

    /// How long the loop may wait before looking at the network again.
    pub fn network_wait(&self) -> i64 {
        self.core.network_wait()
    }

    /// The remark editor, also while a question is asked over it.
    pub fn editor(&self) -> Option<&RemarkEditor> {
        self.popups.iter().rev().find_map(|m| match m {
            Mode::Editor(ed) => Some(ed.as_ref()),
            _ => None,
        })
    }

    /// The task form, also while a question is asked over it.
    pub fn task_form(&self) -> Option<&super::popups::TaskForm> {
        self.popups.iter().rev().find_map(|m| match m {
            Mode::TaskForm(f) => Some(f.as_ref()),
            _ => None,
        })
    }

    pub(super) fn save_draft(&mut self) {
        let text = components::taskform::any_draft(self);
        self.core.write_draft(text);
    }

    /// The draft typed but not yet written, shared with the watchdog (`tui::run`).
    pub fn unwritten_draft(&self) -> Arc<Mutex<Option<String>>> {
        self.core.unwritten_draft()
    }

    /// The console ends (a quit, SIGHUP, SIGTERM, a terminal gone) with the editor open: its
    /// text is written as the draft now, so the next start offers it again, as after a crash.
    /// Typed text is only thrown away when the host cancels the editor.
    pub fn keep_draft(&mut self) {
        let typed = self
            .editor()
            .map(RemarkEditor::has_text)
            .or_else(|| self.task_form().map(|f| f.has_text()));
        match typed {
            Some(true) => self.save_draft(),
            // An empty editor: nothing to offer next time.
            Some(false) => self.core.drop_draft(),
            None => {}
        }
    }

    /// The editor is done with (saved, or its text discarded): it closes and no draft stays.
    pub(super) fn close_editor(&mut self) {
        self.core.drop_draft();
        self.popups.retain(|m| !matches!(m, Mode::Editor(_)));
    }

    /// The task form is done with (saved, or its text discarded): it closes and no draft
    /// stays.
    pub(super) fn close_task_form(&mut self) {
        self.core.drop_draft();
        self.popups.retain(|m| !matches!(m, Mode::TaskForm(_)));
    }

    /// The moment the screen or the store next needs attention, if any.
    pub fn next_wake(&self, now: Time) -> Option<Time> {
        self.core.next_wake(now)
    }

    /// Writes the whole session to the first of `folders` that takes it
    /// (`Console::emergency_copy`).
    pub fn emergency_copy(
        &mut self,
        folders: impl IntoIterator<Item = PathBuf>,
        now: Time,
    ) -> Option<PathBuf> {
        self.core.emergency_copy(folders, now)
    }

    /// Brings back the text that was being typed when podium stopped, if any.
    pub fn restore_draft(&mut self, now: Time) {
        // A task form's draft, else the remark editor's.
        let form = self
            .core
            .read_draft()
            .and_then(|text| components::taskform::restore(self, &text));
        if let Some(form) = form {
            self.open(Mode::TaskForm(Box::new(form)));
        } else {
            let Some(ed) = components::editor::restore(self) else {
                return;
            };
            self.open(Mode::Editor(Box::new(ed)));
        }
        let restored = self.lang().s().draft_restored;
        match &mut self.core.notice {
            // The banner that says what was resumed stays; the draft is added to it.
            Some(banner) if banner.until.is_none() => {
                banner.text = format!("{} · {restored}", banner.text);
            }
            _ => self.notify(restored.to_string(), Level::Info, now),
        }
    }

    /// True while a score file given to `Ctrl+O` is still being read or waits to be applied.
    pub fn import_pending(&self) -> bool {
        self.core.import_pending()
    }

    /// The action a key stands for on the live screen with the default keys (`keys::TABLE`).
    /// Letters work in either case.
    pub fn action_for(key: &KeyEvent) -> Option<Action> {
        Keymap::default().action(Screen::Live, key)
    }

    /// The time for this console (`Console::clock_now`).
    pub fn clock_now(&self) -> Time {
        self.core.clock_now()
    }

    /// Times talks with `source` from now on (`Console::set_clock`).
    pub fn set_clock(&mut self, source: Box<dyn super::clock::Source>) {
        self.core.set_clock(source);
    }

    /// `set_clock` with the machine's clocks, unless the console has a clock already.
    pub fn use_system_clock(&mut self) {
        self.core.use_system_clock();
    }

    /// What the clock on screen shows when the console's time is `now` (`Console::wall_time`).
    pub fn wall_time(&self, now: Time) -> Time {
        self.core.wall_time(now)
    }

    /// The status of the talk the timer panel shows: the current unit, else nothing.
    pub fn shown_unit_status(&self) -> Option<Status> {
        self.session().state().current_unit().map(|u| u.status())
    }
}
