//! The console's state (focus, selection, mode, notices) and the mapping from keys to
//! commands. Every change to the meeting goes through `Writer::execute`; drawing lives in
//! `view` and only reads this.

use super::editor::{Draft, Form, FormKind, Outcome, RemarkEditor, Target};
use super::keys::{Keymap, Screen};
use super::ledger::{Ledger, Remote};
use super::sheet::{Sheet, SheetAction};
use super::unsaved::{self, Step, UnsavedQuit};
use crate::net::host::Server;
use crate::session::{Command, EventKind, RemarkKind, Session, Status, Time};
use crate::store::{ExecError, Writer};
use crate::strings::{self, Lang};
use crate::text::Ambiguous;
use crate::timer::{self, Phase};
use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Agenda,
    Remarks,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Quit,
    DeleteRemark(u64),
    ToggleSkip(String),
    SetCurrent(String),
    DiscardEditor,
    EndMeeting,
    Publish,
    /// Disconnect a note-taker (connection id, name).
    Disconnect(u64, String),
}

impl Confirm {
    /// The answer highlighted first: Yes only for quitting (everything is saved).
    fn default_yes(&self) -> bool {
        matches!(self, Confirm::Quit)
    }
}

/// Every action of the console; `keys::TABLE` holds their keys, screens, labels and who may
/// use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ToggleTalk,
    Next,
    SetCurrent,
    Remark,
    General,
    Task,
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
}

impl Action {
    /// What only the host does: on a note-taker's console these answer at once that only the
    /// host can (rather than after a form or a confirmation).
    pub fn host_only(self) -> bool {
        super::keys::host_only(self)
    }
}

pub enum Mode {
    Live,
    Editor(Box<RemarkEditor>),
    Form(Box<Form>),
    Confirm {
        what: Confirm,
        yes: bool,
    },
    /// Quitting while changes are not on disk (`unsaved`): retry, write a copy elsewhere,
    /// stay, or quit without them on a key of its own.
    Unsaved(Box<UnsavedQuit>),
    Help {
        scroll: u16,
    },
    Menu {
        selected: usize,
    },
    Sheet(Box<Sheet>),
    /// The results view; `selected` is a position in the ranking.
    Results {
        selected: usize,
    },
    /// The host's list of joined note-takers (`c`).
    Connections {
        selected: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub text: String,
    pub level: Level,
    pub until: Option<Time>,
}

/// Settings from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub quiet: bool,
    pub ambiguous: Ambiguous,
}

pub struct App {
    /// Where changes go: the host's own session, or (a note-taker) the host over the network.
    pub ledger: Ledger,
    /// Note-takers' connections, when the host serves the meeting (`--serve`).
    pub server: Option<Server>,
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
    pub mode: Mode,
    pub notice: Option<Notice>,
    /// A line saying this is the demo meeting and where its session is, when it is.
    pub demo: Option<String>,
    pub last_reviewer: Option<String>,
    pub save_error: Option<String>,
    /// Remarks, tasks and scores hidden from this screen (a laptop mirrored to the room).
    pub private: bool,
    pub quit: bool,
    /// Bytes to ring the bell with, taken by the terminal loop.
    pub bell: bool,
    /// The network changed what the screen shows: the loop draws and clears it.
    pub redraw: bool,
    /// Copies of the whole session written from the quit dialog, each with the number of
    /// the last event it holds; said again on exit.
    pub copies: Vec<(PathBuf, u64)>,
    /// A score file being read and checked off the console's thread (`Ctrl+O`); `tick`
    /// applies the result when it is ready.
    import_job: Option<ImportJob>,
    last_phase: Option<(String, Phase)>,
    draft_dirty_since: Option<Time>,
    /// The draft typed since it was last written (JSON), for the watchdog that ends a stuck
    /// loop after a signal: it writes this before the process exits.
    unwritten_draft: Arc<Mutex<Option<String>>>,
    /// The editor under a confirmation, back when the answer is No.
    pending_editor: Option<Box<RemarkEditor>>,
    /// The console's clock (`use_system_clock`, `set_clock`); without one, the wall clock.
    clock: Option<super::clock::Clock>,
}

const NOTICE_SECONDS: i64 = 8;

/// How often a networked console looks at what arrived, at most.
pub const NETWORK_EVERY_MS: i64 = 40;

/// `F12` panics when the environment sets `PODIUM_PANIC_KEY=1`: a way to test that a crash
/// restores the terminal and keeps the session. Off for everyone else.
fn panic_key_enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var("PODIUM_PANIC_KEY").is_ok_and(|v| v == "1"))
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
            ledger,
            server: None,
            opts,
            keys: Keymap::default(),
            focus: Focus::Agenda,
            selected: 0,
            follow: true,
            remark_selected: None,
            mode: Mode::Live,
            notice: None,
            import_job: None,
            demo: None,
            last_reviewer: None,
            save_error: None,
            private: false,
            quit: false,
            bell: false,
            redraw: false,
            copies: Vec::new(),
            last_phase: None,
            draft_dirty_since: None,
            unwritten_draft: Arc::new(Mutex::new(None)),
            pending_editor: None,
            clock: None,
        };
        app.sync_selection();
        app.last_phase = app.running_phase(now);
        app
    }

    pub fn session(&self) -> &Session {
        self.ledger.session()
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

    pub fn lang(&self) -> Lang {
        self.opts.lang
    }

    pub fn notify(&mut self, text: String, level: Level, now: Time) {
        self.notice = Some(Notice {
            text,
            level,
            until: Some(now + Duration::seconds(NOTICE_SECONDS)),
        });
    }

    /// A notice that stays until the next one.
    pub fn banner(&mut self, text: String, level: Level) {
        self.notice = Some(Notice {
            text,
            level,
            until: None,
        });
    }

    /// The unit name of the selected row, `None` for the whole meeting.
    pub fn selected_unit(&self) -> Option<String> {
        let st = self.session().state();
        self.selected
            .checked_sub(1)
            .and_then(|i| st.units.get(i))
            .map(|u| u.name.clone())
    }

    fn rows(&self) -> usize {
        self.session().state().units.len() + 1
    }

    /// Keeps the selection on the current unit while it follows, and in range always.
    fn sync_selection(&mut self) {
        if self.follow
            && let Some(pos) = self.session().state().current_position()
        {
            self.selected = pos + 1;
        }
        self.selected = self.selected.min(self.rows() - 1);
        let n = self.selected_remarks().len();
        self.remark_selected = match self.remark_selected {
            _ if n == 0 => None,
            Some(i) => Some(i.min(n - 1)),
            None => Some(n - 1),
        };
    }

    /// Ids of the remarks shown for the selected row.
    pub fn selected_remarks(&self) -> Vec<u64> {
        let unit = self.selected_unit();
        self.session()
            .state()
            .remarks_on(unit.as_deref())
            .map(|r| r.id)
            .collect()
    }

    fn selected_remark_id(&self) -> Option<u64> {
        let ids = self.selected_remarks();
        self.remark_selected.and_then(|i| ids.get(i).copied())
    }

    fn running_phase(&self, now: Time) -> Option<(String, Phase)> {
        let st = self.session().state();
        let unit = st.running_unit()?;
        let warn = self.session().plan().warn_seconds();
        let now = self.session().clock(now);
        Some((unit.name.clone(), timer::read(unit, warn, now).phase))
    }

    /// Carries out a command: durable first, then shown. Refusals and failures become notices.
    pub fn execute(&mut self, command: Command, now: Time) -> bool {
        let lang = self.lang();
        match self.ledger.execute(&command, now) {
            Ok(events) if events.is_empty() => {
                // A note-taker's command: saved on this laptop, on its way to the host.
                if let Some(r) = self.ledger.remote()
                    && r.link.state != crate::net::client::LinkState::Online
                {
                    let text = match lang {
                        Lang::Zh => "未连接主持人：已保存在本机，连接恢复后自动发送",
                        Lang::En => {
                            "Not connected: saved on this laptop, sent when the host is back"
                        }
                    };
                    self.notify(text.to_string(), Level::Warn, now);
                }
                true
            }
            Ok(events) => {
                let was_failing = self.save_error.is_some();
                self.sync_save_state(now);
                if self.save_error.is_some() && !was_failing {
                    let text = self.save_error.clone().unwrap_or_default();
                    let text = unsaved::short_error(&text, &self.ledger.paths().session);
                    self.banner(strings::save_failed(lang, &text), Level::Error);
                } else if let Some(EventKind::Undone { action }) = events.first().map(|e| &e.kind) {
                    let what: Vec<_> = self.session().action_events(*action).collect();
                    let text = strings::action(lang, &what);
                    self.notify(strings::undone(lang, &text), Level::Info, now);
                } else if self.save_error.is_none()
                    && matches!(
                        self.notice,
                        Some(Notice {
                            level: Level::Error,
                            ..
                        })
                    )
                {
                    self.notice = None;
                }
                if events
                    .iter()
                    .any(|e| matches!(e.kind, EventKind::CurrentChanged { .. }))
                {
                    self.follow = true;
                }
                self.sync_selection();
                true
            }
            Err(ExecError::Refused(r)) => {
                self.notify(strings::refusal(lang, &r), Level::Warn, now);
                false
            }
            Err(ExecError::Store(e)) => {
                let text = e.to_string();
                let short = unsaved::short_error(&text, &self.ledger.paths().session);
                self.notify(strings::save_failed(lang, &short), Level::Error, now);
                self.save_error = Some(text);
                false
            }
        }
    }

    /// Mirrors the writer's save state on screen; says so when saving works again.
    fn sync_save_state(&mut self, now: Time) {
        let error = self.ledger.save_error().map(str::to_string);
        if self.save_error.is_some() && error.is_none() {
            let text = match self.lang() {
                Lang::Zh => "已重新保存，所有内容都在磁盘上",
                Lang::En => "Saved again: everything is on disk",
            };
            self.notify(text.to_string(), Level::Info, now);
        }
        self.save_error = error;
    }

    /// Time-driven work: expiring notices, bells, the snapshot and the draft.
    pub fn tick(&mut self, now: Time) {
        if let Some(Notice {
            until: Some(until), ..
        }) = &self.notice
            && now >= *until
        {
            self.notice = None;
        }
        let phase = self.running_phase(now);
        if let (Some((unit, p)), Some((last_unit, last_p))) = (&phase, &self.last_phase)
            && unit == last_unit
            && p != last_p
            && matches!(p, Phase::Warning | Phase::TimeUp)
            && !self.opts.quiet
        {
            self.bell = true;
        }
        if let (Some((unit, Phase::Overtime)), Some((last_unit, Phase::Warning | Phase::Normal))) =
            (&phase, &self.last_phase)
            && unit == last_unit
            && !self.opts.quiet
        {
            self.bell = true;
        }
        self.last_phase = phase;
        self.ledger.tick(now);
        self.poll_import(now);
        self.pump_network(now);
        self.sync_save_state(now);
        // Saving worked again (the writer retries by itself): the quit dialog becomes the
        // ordinary quit question, unless a folder is being typed in it.
        if let Mode::Unsaved(d) = &self.mode
            && d.folder.is_none()
            && !self.unsaved_changes()
        {
            self.mode = Mode::Confirm {
                what: Confirm::Quit,
                yes: true,
            };
        }
        if let Some(since) = self.draft_dirty_since
            && now - since >= Duration::milliseconds(500)
        {
            self.save_draft();
        }
    }

    /// True when something of the host's session is not safely on disk: changes held only in
    /// memory, or a save that failed. Never on a note-taker's console (the outbox is its disk).
    pub fn unsaved_changes(&self) -> bool {
        self.ledger
            .writer()
            .is_some_and(|w| w.unsaved() > 0 || w.save_error().is_some())
    }

    /// The actions of the `F10` menu: all of them on the host's console; on a note-taker's,
    /// only those that work there.
    pub fn menu(&self) -> Vec<Action> {
        super::keys::menu(self.ledger.remote().is_some())
    }

    /// True when this console talks to the network (it serves, or it joined a host): the loop
    /// then looks at what arrived every `NETWORK_EVERY_MS`, and draws only when it changed
    /// something (`redraw`).
    pub fn networked(&self) -> bool {
        self.server.is_some() || self.ledger.remote().is_some()
    }

    /// How long the loop may wait before looking at the network again: at once while
    /// commands are still queued from the last pass.
    pub fn network_wait(&self) -> i64 {
        if self.server.as_ref().is_some_and(|s| s.backlog) {
            0
        } else {
            NETWORK_EVERY_MS
        }
    }

    /// Takes in what the network brought: note-takers' commands on the host (decided and
    /// made durable here, then confirmed), the host's events on a note-taker's laptop.
    pub fn pump_network(&mut self, now: Time) {
        let lang = self.lang();
        let mut notes = Vec::new();
        let mut changed = false;
        // The remarks panel follows new remarks unless someone is looking at an older one.
        let following = self.focus != Focus::Remarks
            || self
                .remark_selected
                .is_none_or(|i| i + 1 >= self.selected_remarks().len());
        match (&mut self.server, &mut self.ledger) {
            (Some(server), Ledger::Local(writer)) => {
                let before = writer.session().last_seq();
                for n in server.pump(writer, now) {
                    notes.push((n.text.pick(lang).to_string(), n.warn));
                }
                changed = writer.session().last_seq() != before;
            }
            (_, Ledger::Remote(remote)) => {
                let heard = remote.poll(lang);
                notes = heard.notes;
                changed = heard.changed;
            }
            _ => {}
        }
        if changed || !notes.is_empty() {
            self.redraw = true;
        }
        if changed {
            if following {
                self.remark_selected = None;
            }
            self.sync_selection();
        }
        for (text, warn) in notes {
            let level = if warn { Level::Warn } else { Level::Info };
            self.notify(text, level, now);
        }
    }

    /// The remark editor, also while a question is asked over it.
    fn editor(&self) -> Option<&RemarkEditor> {
        match &self.mode {
            Mode::Editor(ed) => Some(ed),
            _ => self.pending_editor.as_deref(),
        }
    }

    fn save_draft(&mut self) {
        self.draft_dirty_since = None;
        if let Some(ed) = self.editor()
            && let Ok(text) = serde_json::to_string(&ed.draft())
        {
            let _ = self.ledger.write_draft(&text);
        }
        self.set_unwritten_draft(None);
    }

    /// Text was typed: the draft is written within half a second (`tick`), and until then the
    /// watchdog has it.
    fn typed(&mut self, now: Time) {
        self.draft_dirty_since.get_or_insert(now);
        let text = self
            .editor()
            .and_then(|ed| serde_json::to_string(&ed.draft()).ok());
        self.set_unwritten_draft(text);
    }

    fn set_unwritten_draft(&self, text: Option<String>) {
        let mut slot = match self.unwritten_draft.lock() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        *slot = text;
    }

    /// The draft typed but not yet written, shared with the watchdog (`tui::run`).
    pub fn unwritten_draft(&self) -> Arc<Mutex<Option<String>>> {
        self.unwritten_draft.clone()
    }

    /// The console ends (a quit, SIGHUP, SIGTERM, a terminal gone) with the editor open: its
    /// text is written as the draft now, so the next start offers it again, as after a crash.
    /// Typed text is only thrown away when the host cancels the editor.
    pub fn keep_draft(&mut self) {
        match self.editor().map(RemarkEditor::has_text) {
            Some(true) => self.save_draft(),
            // An empty editor: nothing to offer next time.
            Some(false) => {
                self.draft_dirty_since = None;
                self.set_unwritten_draft(None);
                self.ledger.clear_draft();
            }
            None => {}
        }
    }

    /// The moment the screen or the store next needs attention, if any.
    pub fn next_wake(&self, now: Time) -> Option<Time> {
        let mut wake: Vec<Time> = Vec::new();
        let now = self.session().clock(now);
        // A score file being read: look again soon whether it is done.
        if self.import_job.is_some() {
            wake.push(now + Duration::milliseconds(IMPORT_POLL_MS));
        }
        if let Some(unit) = self.session().state().running_unit() {
            let r = timer::read(unit, self.session().plan().warn_seconds(), now);
            wake.push(now + Duration::milliseconds(timer::ms_to_next_change(&r)));
        }
        if let Some(Notice {
            until: Some(until), ..
        }) = &self.notice
        {
            wake.push(*until);
        }
        if let Some(due) = self.ledger.snapshot_due() {
            wake.push(due);
        }
        if let Some(since) = self.draft_dirty_since {
            wake.push(since + Duration::milliseconds(500));
        }
        // The clock on screen shows seconds (of the wall clock).
        let ms = self.wall_time(now).timestamp_subsec_millis() as i64;
        wake.push(now + Duration::milliseconds(1000 - ms));
        wake.into_iter().min()
    }

    /// Brings back the text that was being typed when podium stopped, if any.
    /// Writes the whole session to the first of `folders` that takes it, when the console
    /// ended without the host's decision (a signal, a lost terminal, a bug) while changes were
    /// only in memory; the copy joins those the exit message names. The path, if written.
    pub fn emergency_copy(
        &mut self,
        folders: impl IntoIterator<Item = PathBuf>,
        now: Time,
    ) -> Option<PathBuf> {
        let writer = self.ledger.writer()?;
        let last = self.session().last_seq();
        let path = folders
            .into_iter()
            .find_map(|folder| writer.save_copy(&folder, now).ok())?;
        self.copies.push((path.clone(), last));
        Some(path)
    }

    pub fn restore_draft(&mut self, now: Time) {
        let Some(text) = self.ledger.read_draft() else {
            return;
        };
        let Ok(draft) = serde_json::from_str::<Draft>(&text) else {
            self.ledger.clear_draft();
            return;
        };
        let choices = self.reviewer_choices();
        let mut ed = RemarkEditor::new(draft.target, draft.reviewer, &draft.text, choices);
        ed.text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        ed.text.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Editor(Box::new(ed));
        let restored = self.lang().s().draft_restored;
        match &mut self.notice {
            // The banner that says what was resumed stays; the draft is added to it.
            Some(banner) if banner.until.is_none() => {
                banner.text = format!("{} · {restored}", banner.text);
            }
            _ => self.notify(restored.to_string(), Level::Info, now),
        }
    }

    fn reviewer_choices(&self) -> Vec<String> {
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
        ed.text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        ed.text.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Editor(Box::new(ed));
    }

    pub fn on_paste(&mut self, text: &str, now: Time) {
        match &mut self.mode {
            Mode::Editor(ed) => {
                ed.paste(text);
                self.typed(now);
            }
            Mode::Form(form) => form.paste(text),
            Mode::Unsaved(d) => d.paste(text),
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Time) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code == KeyCode::F(12) && panic_key_enabled() {
            panic!("F12 pressed with PODIUM_PANIC_KEY set (a test of crash handling)");
        }
        if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
            if !matches!(self.mode, Mode::Confirm { .. } | Mode::Unsaved(_)) {
                if let Mode::Editor(_) = self.mode {
                    self.save_draft();
                }
                self.ask(Confirm::Quit);
            }
            return;
        }
        match std::mem::replace(&mut self.mode, Mode::Live) {
            Mode::Live => self.live_key(key, now),
            Mode::Editor(mut ed) => match ed.key(&key) {
                Outcome::Typing => {
                    let dirty = std::mem::take(&mut ed.dirty);
                    self.mode = Mode::Editor(ed);
                    if dirty {
                        self.typed(now);
                    }
                }
                Outcome::Save => self.save_editor(ed, now),
                Outcome::Cancel => {
                    if ed.has_text() {
                        self.mode = Mode::Editor(ed);
                        self.ask(Confirm::DiscardEditor);
                    } else {
                        self.close_editor();
                    }
                }
            },
            Mode::Form(mut form) => match form.key(&key) {
                Outcome::Typing => self.mode = Mode::Form(form),
                Outcome::Cancel => {}
                Outcome::Save => self.save_form(form, now),
            },
            Mode::Confirm { what, yes } => self.confirm_key(key, what, yes, now),
            Mode::Unsaved(d) => self.unsaved_key(key, d, now),
            Mode::Help { scroll } => {
                self.mode = match key.code {
                    KeyCode::Esc
                    | KeyCode::Char('?' | '？' | 'q' | 'Q')
                    | KeyCode::F(1)
                    | KeyCode::Enter => Mode::Live,
                    KeyCode::Up => Mode::Help {
                        scroll: scroll.saturating_sub(1),
                    },
                    KeyCode::Down => Mode::Help {
                        scroll: scroll.saturating_add(1),
                    },
                    KeyCode::PageUp => Mode::Help {
                        scroll: scroll.saturating_sub(10),
                    },
                    KeyCode::PageDown | KeyCode::Char(' ') => Mode::Help {
                        scroll: scroll.saturating_add(10),
                    },
                    KeyCode::Home => Mode::Help { scroll: 0 },
                    KeyCode::End => Mode::Help { scroll: u16::MAX },
                    _ => Mode::Help { scroll },
                };
            }
            Mode::Menu { selected } => self.menu_key(key, selected, now),
            Mode::Sheet(sheet) => self.sheet_key(key, sheet, now),
            Mode::Results { selected } => self.results_key(key, selected, now),
            Mode::Connections { selected } => self.connections_key(key, selected, now),
        }
    }

    fn sheet_key(&mut self, key: KeyEvent, mut sheet: Box<Sheet>, now: Time) {
        match sheet.key(&key, self.session()) {
            SheetAction::None => {}
            SheetAction::Close => return,
            SheetAction::Execute(command) => {
                self.execute(command, now);
            }
            SheetAction::Unit(step) => {
                let st = self.session().state();
                if let Some(pos) = st.position(&sheet.unit) {
                    let n = st.units.len() as isize;
                    let next = (pos as isize + step).rem_euclid(n) as usize;
                    sheet.unit = st.units[next].name.clone();
                }
            }
        }
        self.mode = Mode::Sheet(sheet);
    }

    fn results_key(&mut self, key: KeyEvent, selected: usize, now: Time) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let n = self.session().state().units.len().max(1);
        self.mode = Mode::Results { selected };
        if let Some(action) = self.keys.action(Screen::Results, &key) {
            self.perform(action, now);
            return;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('v' | 'V') if !ctrl => self.mode = Mode::Live,
            KeyCode::Up => {
                self.mode = Mode::Results {
                    selected: selected.saturating_sub(1),
                }
            }
            KeyCode::Down => {
                self.mode = Mode::Results {
                    selected: (selected + 1).min(n - 1),
                }
            }
            KeyCode::Char('s' | 'S') if !ctrl => {
                let results = crate::scoring::results(
                    self.session().rules(),
                    self.session().plan(),
                    self.session().state(),
                    self.session().clock(now),
                );
                if let Some(r) = crate::scoring::ranking(&results).get(selected) {
                    self.mode = Mode::Sheet(Box::new(Sheet::new(r.unit.clone())));
                }
            }
            _ => {}
        }
    }

    /// Writes the workbook, the ranking and the minutes beside the session, under new names.
    fn export(&mut self, now: Time) {
        let lang = self.lang();
        let path = self.ledger.paths().session.clone();
        match crate::commands::report::export_beside(&path, self.session(), now, lang) {
            Ok(files) => {
                let names: Vec<String> = files
                    .iter()
                    .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                let text = match lang {
                    Lang::Zh => format!("已导出：{}", names.join("、")),
                    Lang::En => format!("Exported: {}", names.join(", ")),
                };
                self.notify(text, Level::Info, now);
            }
            Err(e) => self.notify(e, Level::Error, now),
        }
    }

    /// Imports a score file typed in the prompt: the file is read and checked on a thread of
    /// its own, so a large or slow file never stops the console; `tick` applies the result
    /// through this console's own writer (`apply_import`).
    fn import_scores(&mut self, path: &str, now: Time) {
        let lang = self.lang();
        let path = PathBuf::from(path.trim().trim_matches(['"', '\'']));
        if let Some(job) = &self.import_job {
            let text = match lang {
                Lang::Zh => format!("还在读取 {}，请稍候再导入", job.path.display()),
                Lang::En => format!(
                    "Still reading {}: import again once it is done",
                    job.path.display()
                ),
            };
            return self.notify(text, Level::Warn, now);
        }
        let session = self.session().clone();
        let seq = session.last_seq();
        let (send, result) = std::sync::mpsc::channel();
        let file = path.clone();
        // Named as the import's guard threads are: a panic reading a damaged file is an error
        // of the file (said when the thread ends without a result), never the console's.
        let spawned = std::thread::Builder::new()
            .name(crate::import::GUARD_THREAD.into())
            .spawn(move || {
                let read = crate::import::read_table(&file).map(|table| {
                    let checked = crate::import::scores(&table, &session, lang);
                    (table, checked)
                });
                let _ = send.send(read);
            });
        match spawned {
            Ok(_) => {
                let text = match lang {
                    Lang::Zh => format!("正在读取 {} …", path.display()),
                    Lang::En => format!("Reading {}…", path.display()),
                };
                self.banner(text, Level::Info);
                self.import_job = Some(ImportJob { path, seq, result });
            }
            Err(e) => self.notify(format!("{}: {e}", path.display()), Level::Error, now),
        }
    }

    /// True while a score file given to `Ctrl+O` is still being read or waits to be applied.
    pub fn import_pending(&self) -> bool {
        self.import_job.is_some()
    }

    /// Applies the score file read off the console's thread, once it is ready.
    fn poll_import(&mut self, now: Time) {
        use std::sync::mpsc::TryRecvError;
        let Some(job) = &self.import_job else {
            return;
        };
        let outcome = match job.result.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err(match self.lang() {
                Lang::Zh => format!("{}：文件已损坏，无法读取", job.path.display()),
                Lang::En => format!(
                    "{}: the file is damaged and cannot be read",
                    job.path.display()
                ),
            }),
        };
        let Some(job) = self.import_job.take() else {
            return;
        };
        self.redraw = true;
        self.apply_import(&job, outcome, now);
    }

    /// Carries out an import read by `import_scores`, through the normal execute path.
    fn apply_import(&mut self, job: &ImportJob, outcome: ImportOutcome, now: Time) {
        let lang = self.lang();
        let (table, checked) = match outcome {
            Ok(read) => read,
            Err(e) => return self.notify(e, Level::Error, now),
        };
        // Checked against the session as it was when the file was given; anything recorded
        // since (a score typed meanwhile) and the file is checked again, here.
        let checked = if self.session().last_seq() == job.seq {
            checked
        } else {
            crate::import::scores(&table, self.session(), lang)
        };
        let plan = match checked {
            Ok(p) => p,
            Err(errors) => {
                let more = match lang {
                    Lang::Zh => format!("（共 {} 处错误，未导入任何分数）", errors.len()),
                    Lang::En => format!(" ({} errors; nothing was imported)", errors.len()),
                };
                let first = errors.first().cloned().unwrap_or_default();
                return self.notify(format!("{first}{more}"), Level::Error, now);
            }
        };
        if plan.changes() && !self.execute(plan.command(), now) {
            return;
        }
        let text = match lang {
            Lang::Zh => format!("已导入 {}", plan.summary(&table, lang)),
            Lang::En => format!("Imported {}", plan.summary(&table, lang)),
        };
        self.notify(text, Level::Info, now);
    }

    fn close_editor(&mut self) {
        self.draft_dirty_since = None;
        self.set_unwritten_draft(None);
        self.ledger.clear_draft();
        self.mode = Mode::Live;
    }

    fn save_editor(&mut self, ed: Box<RemarkEditor>, now: Time) {
        let text = super::editor::text_of(&ed.text);
        let command = match &ed.target {
            Target::New { unit, kind } => Command::AddRemark {
                unit: unit.clone(),
                reviewer: ed.reviewer.clone(),
                text,
                kind: *kind,
            },
            Target::Edit { id, kind } => Command::EditRemark {
                id: *id,
                reviewer: ed.reviewer.clone(),
                text,
                kind: *kind,
            },
        };
        let reviewer = ed.reviewer.clone();
        if self.execute(command, now) {
            if !reviewer.is_empty() {
                self.last_reviewer = Some(reviewer);
            }
            if let Target::New { .. } = ed.target {
                self.remark_selected = None;
                self.sync_selection();
            }
            self.close_editor();
        } else {
            self.mode = Mode::Editor(ed);
        }
    }

    fn save_form(&mut self, form: Box<Form>, now: Time) {
        let opt = |s: String| {
            let t = s.trim().to_string();
            (!t.is_empty()).then_some(t)
        };
        let command = match &form.kind {
            FormKind::AddUnit => {
                let minutes = match opt(form.value(3)) {
                    None => None,
                    Some(m) => match m.replace('．', ".").parse::<f64>() {
                        Ok(v) => Some(v),
                        Err(_) => {
                            let lang = self.lang();
                            self.notify(lang.s().bad_minutes.into(), Level::Warn, now);
                            self.mode = Mode::Form(form);
                            return;
                        }
                    },
                };
                Command::AddUnit {
                    name: form.value(0),
                    presenter: opt(form.value(1)),
                    role: opt(form.value(2)),
                    minutes,
                }
            }
            FormKind::UpdateUnit { unit } => Command::UpdateUnit {
                unit: unit.clone(),
                presenter: opt(form.value(0)),
                role: opt(form.value(1)),
            },
            FormKind::Unlock => {
                if self.execute(
                    Command::Unlock {
                        reason: form.value(0),
                    },
                    now,
                ) {
                    self.mode = Mode::Results { selected: 0 };
                } else {
                    self.mode = Mode::Form(form);
                }
                return;
            }
            FormKind::StageMessage => Command::StageMessage {
                text: form.value(0),
            },
            FormKind::ImportScores => {
                self.import_scores(&form.value(0), now);
                self.mode = Mode::Results { selected: 0 };
                return;
            }
        };
        if !self.execute(command, now) {
            self.mode = Mode::Form(form);
        }
    }

    fn ask(&mut self, what: Confirm) {
        let yes = what.default_yes();
        // A confirmation over the editor keeps the editor underneath.
        if let Mode::Editor(ed) = std::mem::replace(&mut self.mode, Mode::Live) {
            self.pending_editor = Some(ed);
        }
        // Quitting while something is not on disk is not a yes/no question.
        if what == Confirm::Quit && self.unsaved_changes() {
            self.mode = Mode::Unsaved(Box::default());
            return;
        }
        self.mode = Mode::Confirm { what, yes };
    }

    /// Keys of the quit dialog shown while changes are not on disk.
    fn unsaved_key(&mut self, key: KeyEvent, mut d: Box<UnsavedQuit>, now: Time) {
        let lang = self.lang();
        let session = self.ledger.paths().session.clone();
        let short = |e: &str| unsaved::short_error(e, &session);
        match d.key(&key) {
            Step::None => {}
            Step::Retry => {
                let result = match self.ledger.writer_mut() {
                    Some(w) => w.retry(now),
                    None => Ok(()),
                };
                self.sync_save_state(now);
                match result {
                    Ok(()) if !self.unsaved_changes() => {
                        // Everything is on disk: the ordinary quit question.
                        self.mode = Mode::Confirm {
                            what: Confirm::Quit,
                            yes: true,
                        };
                        return;
                    }
                    Ok(()) => {
                        let why = self.ledger.save_error().unwrap_or_default().to_string();
                        d.outcome = Some(unsaved::Outcome {
                            text: strings::retry_failed(lang, &short(&why)),
                            error: true,
                        });
                    }
                    Err(e) => {
                        d.outcome = Some(unsaved::Outcome {
                            text: strings::retry_failed(lang, &short(&e.to_string())),
                            error: true,
                        });
                    }
                }
            }
            Step::Write(typed) => {
                let written = match (unsaved::folder_of(&typed), self.ledger.writer()) {
                    (None, _) => Err(strings::unsaved_text(lang).type_folder.to_string()),
                    (Some(dir), Some(w)) => w
                        .save_copy(&dir, now)
                        .map_err(|e| strings::copy_failed(lang, &e.to_string())),
                    (Some(_), None) => Err(strings::copy_failed(lang, "-")),
                };
                match written {
                    Ok(path) => {
                        let shown = path.display().to_string();
                        d.folder = None;
                        d.outcome = Some(unsaved::Outcome {
                            text: strings::copy_written(lang, &shown),
                            error: false,
                        });
                        let last = self.session().last_seq();
                        self.copies.push((path, last));
                    }
                    // The folder stays open to be corrected.
                    Err(text) => d.outcome = Some(unsaved::Outcome { text, error: true }),
                }
            }
            Step::Stay => {
                self.mode = match self.pending_editor.take() {
                    Some(ed) => Mode::Editor(ed),
                    None => Mode::Live,
                };
                return;
            }
            Step::QuitAnyway => {
                // The editor stays open under the quit, so its text is kept as the draft.
                if let Some(ed) = self.pending_editor.take() {
                    self.mode = Mode::Editor(ed);
                } else {
                    self.mode = Mode::Live;
                }
                self.quit = true;
                return;
            }
            Step::NotQuitting => {
                let n = self.ledger.unsaved();
                d.outcome = Some(unsaved::Outcome {
                    text: strings::quit_refused(lang, n),
                    error: true,
                });
            }
        }
        self.mode = Mode::Unsaved(d);
    }

    fn confirm_key(&mut self, key: KeyEvent, what: Confirm, yes: bool, now: Time) {
        let answer = match key.code {
            KeyCode::Char('y' | 'Y' | 'ｙ' | 'Ｙ') => Some(true),
            KeyCode::Char('n' | 'N' | 'ｎ' | 'Ｎ') | KeyCode::Esc => Some(false),
            KeyCode::Enter => Some(yes),
            KeyCode::Left | KeyCode::Right | KeyCode::Tab => {
                self.mode = Mode::Confirm { what, yes: !yes };
                return;
            }
            _ => None,
        };
        let Some(answer) = answer else {
            self.mode = Mode::Confirm { what, yes };
            return;
        };
        let editor = self.pending_editor.take();
        if !answer {
            if let Some(ed) = editor {
                self.mode = Mode::Editor(ed);
            }
            return;
        }
        match what {
            Confirm::Quit => {
                if let Some(ed) = editor {
                    self.mode = Mode::Editor(ed);
                }
                self.quit = true;
            }
            Confirm::DiscardEditor => self.close_editor(),
            Confirm::DeleteRemark(id) => {
                self.execute(Command::DeleteRemark { id }, now);
            }
            Confirm::ToggleSkip(unit) => {
                self.execute(Command::ToggleSkip { unit }, now);
            }
            Confirm::SetCurrent(unit) => {
                self.execute(Command::SetCurrent { unit }, now);
            }
            Confirm::EndMeeting => {
                self.execute(Command::EndMeeting, now);
            }
            Confirm::Publish => {
                self.execute(Command::Publish, now);
                self.mode = Mode::Results { selected: 0 };
            }
            Confirm::Disconnect(conn, name) => {
                if let Some(server) = &mut self.server {
                    server.disconnect(conn);
                }
                let text = match self.lang() {
                    Lang::Zh => format!("已断开 {name}"),
                    Lang::En => format!("{name} was disconnected"),
                };
                self.notify(text, Level::Info, now);
                self.mode = Mode::Connections { selected: 0 };
            }
        }
    }

    fn host_only(&mut self, now: Time) {
        let text = strings::refusal(self.lang(), &crate::session::Refusal::HostOnly);
        self.notify(text, Level::Warn, now);
    }

    /// The time for this console: the console's clock (see `tui::clock`), which a step of the
    /// wall clock does not move; the host's clock on a note-taker's laptop.
    pub fn clock_now(&self) -> Time {
        let wall = || {
            self.clock
                .as_ref()
                .map_or_else(crate::session::event::now_local, super::clock::Clock::wall)
        };
        match (self.ledger.remote(), &self.clock) {
            (Some(r), _) => r.link.host_time(wall()),
            (None, Some(clock)) => clock.now(),
            (None, None) => wall(),
        }
    }

    /// Times talks with `source` from now on: the console's time starts at its wall clock
    /// (never before the last recorded event) and is counted on by its monotonic clock.
    pub fn set_clock(&mut self, source: Box<dyn super::clock::Source>) {
        let last = self.session().last_at();
        self.clock = Some(super::clock::Clock::new(source, last));
    }

    /// `set_clock` with the machine's clocks, unless the console has a clock already.
    pub fn use_system_clock(&mut self) {
        if self.clock.is_none() {
            self.set_clock(Box::new(super::clock::System::new()));
        }
    }

    /// What the clock on screen shows when the console's time is `now`: the wall clock, even
    /// after it stepped (the host's clock on a note-taker's laptop).
    pub fn wall_time(&self, now: Time) -> Time {
        match (&self.clock, self.ledger.remote()) {
            (Some(clock), None) => clock.wall(),
            _ => now,
        }
    }

    /// Keys of the connection list: `d` disconnects, `k` a new code, `s` score entry.
    fn connections_key(&mut self, key: KeyEvent, selected: usize, now: Time) {
        let Some(server) = &mut self.server else {
            return;
        };
        let lang = self.opts.lang;
        let n = server.peers.len();
        let selected = selected.min(n.saturating_sub(1));
        self.mode = Mode::Connections { selected };
        let code = match key.code {
            KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        match code {
            KeyCode::Esc | KeyCode::Char('c' | 'q') => self.mode = Mode::Live,
            KeyCode::Up => {
                self.mode = Mode::Connections {
                    selected: selected.saturating_sub(1),
                }
            }
            KeyCode::Down => {
                self.mode = Mode::Connections {
                    selected: (selected + 1).min(n.saturating_sub(1)),
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if let Some(p) = server.peers.get(selected) {
                    let who = if p.name.is_empty() {
                        p.addr.to_string()
                    } else {
                        p.name.clone()
                    };
                    self.mode = Mode::Confirm {
                        what: Confirm::Disconnect(p.conn, who),
                        yes: false,
                    };
                }
            }
            KeyCode::Char('k') => {
                let private = self.private;
                let text = match server.new_code() {
                    // The room may see this screen: the code stays in the connection list.
                    Ok(()) if private => match lang {
                        Lang::Zh => "已生成新的加入码（隐私模式下不显示；按 p 显示）".to_string(),
                        Lang::En => "A new join code was made (hidden in private mode; p shows it)"
                            .to_string(),
                    },
                    Ok(()) => match lang {
                        Lang::Zh => format!("新的加入码：{}（已连接的人不受影响）", server.code()),
                        Lang::En => format!(
                            "New join code: {} (who is connected stays connected)",
                            server.code()
                        ),
                    },
                    Err(e) => e,
                };
                self.notify(text, Level::Info, now);
            }
            KeyCode::Char('s') => {
                let on = !server.scores();
                let text = match (server.set_scores(on), lang, on) {
                    (Err(e), _, _) => e,
                    (Ok(()), Lang::Zh, true) => "记录员现在可以录入评分".to_string(),
                    (Ok(()), Lang::Zh, false) => "已停止记录员录入评分".to_string(),
                    (Ok(()), Lang::En, true) => "Note-takers may now enter scores".to_string(),
                    (Ok(()), Lang::En, false) => {
                        "Note-takers may no longer enter scores".to_string()
                    }
                };
                self.notify(text, Level::Info, now);
            }
            _ => {}
        }
    }

    fn menu_key(&mut self, key: KeyEvent, selected: usize, now: Time) {
        let menu = self.menu();
        let n = menu.len();
        match key.code {
            KeyCode::Esc | KeyCode::F(10) => {}
            KeyCode::Up => {
                self.mode = Mode::Menu {
                    selected: (selected + n - 1) % n,
                }
            }
            KeyCode::Down => {
                self.mode = Mode::Menu {
                    selected: (selected + 1) % n,
                }
            }
            KeyCode::Enter => {
                if let Some(action) = menu.get(selected) {
                    self.perform(*action, now);
                }
            }
            _ => self.mode = Mode::Menu { selected },
        }
    }

    /// The action a key stands for on the live screen with the default keys (`keys::TABLE`).
    /// Letters work in either case.
    pub fn action_for(key: &KeyEvent) -> Option<Action> {
        Keymap::default().action(Screen::Live, key)
    }

    fn live_key(&mut self, key: KeyEvent, now: Time) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        // The table first: a key file may put an action on `PgDn` (a presenter's clicker).
        if let Some(action) = self.keys.action(Screen::Live, &key) {
            self.perform(action, now);
            return;
        }
        match key.code {
            KeyCode::F(10) => self.mode = Mode::Menu { selected: 0 },
            KeyCode::Char('k' | 'K') if ctrl => self.mode = Mode::Menu { selected: 0 },
            KeyCode::Tab | KeyCode::BackTab => {
                self.focus = match self.focus {
                    Focus::Agenda => Focus::Remarks,
                    Focus::Remarks => Focus::Agenda,
                };
            }
            KeyCode::Esc => self.focus = Focus::Agenda,
            KeyCode::Up
            | KeyCode::Down
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
                if !shift =>
            {
                self.move_selection(key.code)
            }
            _ => {}
        }
    }

    fn move_selection(&mut self, code: KeyCode) {
        match self.focus {
            Focus::Agenda => {
                let last = self.rows() - 1;
                self.selected = match code {
                    KeyCode::Up => self.selected.saturating_sub(1),
                    KeyCode::Down => (self.selected + 1).min(last),
                    KeyCode::PageUp => self.selected.saturating_sub(10),
                    KeyCode::PageDown => (self.selected + 10).min(last),
                    KeyCode::Home => 0,
                    _ => last,
                };
                let current = self.session().state().current_position().map(|p| p + 1);
                self.follow = current == Some(self.selected);
                self.remark_selected = None;
                self.sync_selection();
            }
            Focus::Remarks => {
                let n = self.selected_remarks().len();
                if n == 0 {
                    return;
                }
                let i = self.remark_selected.unwrap_or(n - 1);
                self.remark_selected = Some(match code {
                    KeyCode::Up => i.saturating_sub(1),
                    KeyCode::Down => (i + 1).min(n - 1),
                    KeyCode::PageUp => i.saturating_sub(5),
                    KeyCode::PageDown => (i + 5).min(n - 1),
                    KeyCode::Home => 0,
                    _ => n - 1,
                });
            }
        }
    }

    /// Carries out one console action.
    pub fn perform(&mut self, action: Action, now: Time) {
        let lang = self.lang();
        if action.host_only() && self.ledger.remote().is_some() {
            return self.host_only(now);
        }
        match action {
            Action::ToggleTalk => {
                self.execute(Command::ToggleTalk, now);
            }
            Action::Next => {
                self.execute(Command::Next, now);
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
                let unit = self.selected_unit();
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
                let unit = self.selected_unit();
                self.open_editor(
                    Target::New {
                        unit,
                        kind: RemarkKind::Task,
                    },
                    None,
                    "",
                );
            }
            Action::Undo => {
                self.execute(Command::Undo, now);
            }
            Action::EditRemark => {
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
            Action::DeleteRemark => match self.selected_remark_id() {
                Some(id) => self.ask(Confirm::DeleteRemark(id)),
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
                let s = lang.s();
                let minutes = self.session().plan().talk_minutes().to_string();
                self.mode = Mode::Form(Box::new(Form::new(
                    FormKind::AddUnit,
                    vec![
                        s.field_name,
                        s.field_presenter,
                        s.field_role,
                        s.field_minutes,
                    ],
                    vec![String::new(), String::new(), String::new(), minutes],
                )));
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
                self.mode = Mode::Form(Box::new(Form::new(
                    FormKind::UpdateUnit { unit },
                    vec![s.field_presenter, s.field_role],
                    vec![presenter, role],
                )));
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
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::ScoreSheet => {
                let unit = self
                    .selected_unit()
                    .or_else(|| self.session().state().units.first().map(|u| u.name.clone()));
                match unit {
                    Some(unit) => self.mode = Mode::Sheet(Box::new(Sheet::new(unit))),
                    None => {
                        let text = strings::sheet_without_units(lang).to_string();
                        self.notify(text, Level::Warn, now);
                    }
                }
            }
            Action::Results => self.mode = Mode::Results { selected: 0 },
            Action::Publish => {
                if self.session().state().scores.published {
                    self.notify(
                        strings::refusal(lang, &crate::session::Refusal::ResultsPublished),
                        Level::Warn,
                        now,
                    );
                } else {
                    self.ask(Confirm::Publish);
                }
            }
            Action::Unlock => {
                if !self.session().state().scores.published {
                    self.notify(
                        strings::refusal(lang, &crate::session::Refusal::NotPublished),
                        Level::Warn,
                        now,
                    );
                } else {
                    let label = match lang {
                        Lang::Zh => "解锁原因",
                        Lang::En => "Reason",
                    };
                    self.mode = Mode::Form(Box::new(Form::new(
                        FormKind::Unlock,
                        vec![label],
                        vec![String::new()],
                    )));
                }
            }
            Action::ImportScores => {
                let label = match lang {
                    Lang::Zh => "评分文件（CSV/XLSX）",
                    Lang::En => "Score file (CSV/XLSX)",
                };
                self.mode = Mode::Form(Box::new(Form::new(
                    FormKind::ImportScores,
                    vec![label],
                    vec![String::new()],
                )));
            }
            Action::Export => self.export(now),
            Action::StageMessage => {
                let label = match lang {
                    Lang::Zh => "提示（留空则撤下）",
                    Lang::En => "Message (empty takes it down)",
                };
                self.mode = Mode::Form(Box::new(Form::new(
                    FormKind::StageMessage,
                    vec![label],
                    vec![String::new()],
                )));
            }
            Action::Privacy => {
                self.private = !self.private;
                // The key that shows them again is the one in use (a key file may move it).
                let key = self
                    .keys
                    .bar_key(Action::Privacy)
                    .unwrap_or_else(|| "F10".to_string());
                let text = match (lang, self.private) {
                    (Lang::Zh, true) => format!("点评、交办和评分已在本屏隐藏（再按 {key} 显示）"),
                    (Lang::Zh, false) => "点评、交办和评分已重新显示".to_string(),
                    (Lang::En, true) => {
                        format!(
                            "Remarks, tasks and scores are hidden on this screen ({key} shows them)"
                        )
                    }
                    (Lang::En, false) => "Remarks, tasks and scores are shown again".to_string(),
                };
                self.notify(text, Level::Info, now);
            }
            Action::Connections => {
                if self.server.is_some() {
                    self.mode = Mode::Connections { selected: 0 };
                } else {
                    let text = match (lang, self.ledger.remote()) {
                        (Lang::Zh, None) => "本场会议没有开放联网：用 podium run 文件 --serve 启动",
                        (Lang::En, None) => {
                            "This meeting is not served: start it with podium run FILE --serve"
                        }
                        (Lang::Zh, Some(_)) => "连接列表只在主持人的电脑上",
                        (Lang::En, Some(_)) => "The connection list is on the host's laptop",
                    };
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
                let places = self.session().state().units.len();
                self.execute(Command::RevealResults { places }, now);
            }
        }
    }

    /// The status of the talk the timer panel shows: the current unit, else nothing.
    pub fn shown_unit_status(&self) -> Option<Status> {
        self.session().state().current_unit().map(|u| u.status())
    }
}

/// How often the console looks whether a score file given to `Ctrl+O` has been read.
const IMPORT_POLL_MS: i64 = 100;

/// What the import thread sends back: the table read and its rows checked, or why the file
/// could not be read.
type ImportOutcome = Result<
    (
        crate::import::Table,
        Result<crate::import::ScoreImport, Vec<String>>,
    ),
    String,
>;

/// A score file given to `Ctrl+O`, being read and checked on a thread of its own.
struct ImportJob {
    path: PathBuf,
    /// The session's last event when the file was given (its rows were checked against it).
    seq: u64,
    result: std::sync::mpsc::Receiver<ImportOutcome>,
}
