//! The console's core: everything of the live console that is not drawing. It owns the ledger
//! (the host's own session, or a note-taker's link to the host), the note-takers' server, the
//! save state, the notices, the bell, the draft timer, the clock, export and score import, and
//! the moment the screen next has to change (`next_wake`). It knows nothing of terminals: the
//! screens (`tui`) call it, and it is tested without one.

pub mod clock;
mod draft;
mod import;
pub mod ledger;
mod notice;
mod times;
mod wake;

#[cfg(test)]
mod tests;

pub use import::{Completion, complete_path, typed_path};
pub use notice::{Level, Notice, short_error};
pub use times::{MeetingTimes, PlanDay};

use crate::net::host::Server;
use crate::session::{Command, EventKind, Refusal, Session, Time};
use crate::store::ExecError;
use crate::strings::{self, Lang};
use crate::timer::{self, Phase};
use ledger::Ledger;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How often a networked console looks at what arrived, at most.
pub const NETWORK_EVERY_MS: i64 = 40;

/// What a command did, for the screens: whether it was carried out, whether it changed the
/// session here (a note-taker's command changes it only when the host confirms), and whether
/// it moved the current unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Executed {
    pub ok: bool,
    pub changed: bool,
    pub current_moved: bool,
}

/// What a tick brought: the network changed the session, or an import was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ticked {
    pub network_changed: bool,
    pub imported: bool,
}

pub struct Console {
    /// Where changes go: the host's own session, or (a note-taker) the host over the network.
    pub ledger: Ledger,
    /// Note-takers' connections, when the host serves the meeting (`--serve`).
    pub server: Option<Server>,
    /// The ballot page served to the attendees' phones (`--serve` with ballot groups).
    pub ballots: Option<crate::net::ballots::BallotServer>,
    pub lang: Lang,
    /// No bell.
    pub quiet: bool,
    pub notice: Option<Notice>,
    pub save_error: Option<String>,
    /// The bell is to ring: taken by the terminal loop.
    pub bell: bool,
    /// The network changed what the screen shows: the loop draws and clears it.
    pub redraw: bool,
    /// Copies of the whole session written from the quit dialog, each with the number of
    /// the last event it holds; said again on exit.
    pub copies: Vec<(PathBuf, u64)>,
    /// The files the last export wrote (`export`), for the line that stays once the meeting
    /// has ended.
    pub exported: Vec<PathBuf>,
    /// A score file being read and checked off the console's thread (`Ctrl+O`); `tick`
    /// applies the result when it is ready.
    import_job: Option<import::ImportJob>,
    last_phase: Option<(String, Phase)>,
    draft: draft::DraftTimer,
    /// The console's clock (`use_system_clock`, `set_clock`); without one, the wall clock.
    clock: Option<clock::Clock>,
    /// The plan's date and start, read once.
    day: PlanDay,
}

impl Console {
    pub fn new(ledger: Ledger, lang: Lang, quiet: bool, now: Time) -> Console {
        let day = PlanDay::of(ledger.session().plan());
        let mut console = Console {
            ledger,
            server: None,
            ballots: None,
            lang,
            quiet,
            notice: None,
            save_error: None,
            bell: false,
            redraw: false,
            copies: Vec::new(),
            exported: Vec::new(),
            import_job: None,
            last_phase: None,
            draft: draft::DraftTimer::default(),
            clock: None,
            day,
        };
        console.last_phase = console.running_phase(now);
        console
    }

    pub fn session(&self) -> &Session {
        self.ledger.session()
    }

    /// True on a note-taker's console.
    pub fn is_remote(&self) -> bool {
        self.ledger.remote().is_some()
    }

    fn running_phase(&self, now: Time) -> Option<(String, Phase)> {
        let st = self.session().state();
        let unit = st.running_unit()?;
        let warn = self.session().plan().warn_seconds();
        let now = self.session().clock(now);
        Some((unit.name.clone(), timer::read(unit, warn, now).phase))
    }

    /// Carries out a command: durable first, then shown. Refusals and failures become notices.
    pub fn execute(&mut self, command: Command, now: Time) -> Executed {
        let lang = self.lang;
        match self.ledger.execute(&command, now) {
            Ok(events) if events.is_empty() => {
                // A note-taker's command: saved on this laptop, on its way to the host.
                if let Some(r) = self.ledger.remote()
                    && r.link.state != crate::net::client::LinkState::Online
                {
                    let text = strings::console::saved_offline(lang).to_string();
                    self.notify(text, Level::Warn, now);
                }
                Executed {
                    ok: true,
                    ..Executed::default()
                }
            }
            Ok(events) => {
                let was_failing = self.save_error.is_some();
                self.sync_save_state(now);
                if self.save_error.is_some() && !was_failing {
                    let text = self.save_error.clone().unwrap_or_default();
                    let text = short_error(&text, &self.ledger.paths().session);
                    self.banner(strings::save_failed(lang, &text), Level::Error);
                } else if let Some(EventKind::Undone { action }) = events.first().map(|e| &e.kind) {
                    let what: Vec<_> = self.session().action_events(*action).collect();
                    let st = self.session().state();
                    let text = strings::action(lang, &what, &|u| st.unit(u).map(|x| x.kind));
                    self.notify(strings::undone(lang, &text), Level::Info, now);
                } else if self.save_error.is_none()
                    && self
                        .notice
                        .as_ref()
                        .is_some_and(|n| n.level == Level::Error)
                {
                    self.notice = None;
                }
                let current_moved = events
                    .iter()
                    .any(|e| matches!(e.kind, EventKind::CurrentChanged { .. }));
                Executed {
                    ok: true,
                    changed: true,
                    current_moved,
                }
            }
            Err(ExecError::Refused(r)) => {
                self.notify(strings::refusal(lang, &r), Level::Warn, now);
                Executed::default()
            }
            Err(ExecError::Store(e)) => {
                let text = e.to_string();
                let short = short_error(&text, &self.ledger.paths().session);
                self.notify(strings::save_failed(lang, &short), Level::Error, now);
                self.save_error = Some(text);
                Executed::default()
            }
        }
    }

    /// Says that only the host does this.
    pub fn host_only(&mut self, now: Time) {
        self.refuse(&Refusal::HostOnly, now);
    }

    /// Says why something is refused.
    pub fn refuse(&mut self, refusal: &Refusal, now: Time) {
        let text = strings::refusal(self.lang, refusal);
        self.notify(text, Level::Warn, now);
    }

    /// Mirrors the writer's save state on screen; says so when saving works again.
    pub fn sync_save_state(&mut self, now: Time) {
        let error = self.ledger.save_error().map(str::to_string);
        if self.save_error.is_some() && error.is_none() {
            let text = strings::console::saved_again(self.lang).to_string();
            self.notify(text, Level::Info, now);
        }
        self.save_error = error;
    }

    /// Time-driven work: expiring notices, bells, the snapshot, a finished import and what
    /// the network brought. The draft is written by the screen that holds it (`draft_due`).
    pub fn tick(&mut self, now: Time) -> Ticked {
        self.age_notice(now);
        let phase = self.running_phase(now);
        if !self.quiet
            && let (Some((unit, p)), Some((last_unit, last_p))) = (&phase, &self.last_phase)
            && unit == last_unit
            && p != last_p
            && matches!(
                (last_p, p),
                (_, Phase::Warning | Phase::TimeUp)
                    | (Phase::Warning | Phase::Normal, Phase::Overtime)
            )
        {
            self.bell = true;
        }
        self.last_phase = phase;
        self.ledger.tick(now);
        let imported = self.poll_import(now);
        let network_changed = self.pump_network(now);
        self.sync_save_state(now);
        Ticked {
            network_changed,
            imported,
        }
    }

    /// True when something of the host's session is not safely on disk: changes held only in
    /// memory, or a save that failed. Never on a note-taker's console (the outbox is its disk).
    pub fn unsaved_changes(&self) -> bool {
        self.ledger
            .writer()
            .is_some_and(|w| w.unsaved() > 0 || w.save_error().is_some())
    }

    /// True when this console talks to the network (it serves, or it joined a host): the loop
    /// then looks at what arrived every `NETWORK_EVERY_MS`, and draws only when it changed
    /// something (`redraw`).
    pub fn networked(&self) -> bool {
        self.server.is_some() || self.ballots.is_some() || self.is_remote()
    }

    /// How long the loop may wait before looking at the network again: at once while
    /// commands are still queued from the last pass.
    pub fn network_wait(&self) -> i64 {
        if self.server.as_ref().is_some_and(|s| s.backlog)
            || self.ballots.as_ref().is_some_and(|b| b.backlog)
        {
            0
        } else {
            NETWORK_EVERY_MS
        }
    }

    /// Takes in what the network brought: note-takers' commands on the host (decided and
    /// made durable here, then confirmed), the host's events on a note-taker's laptop. True
    /// when the session changed.
    pub fn pump_network(&mut self, now: Time) -> bool {
        let lang = self.lang;
        let mut notes = Vec::new();
        let mut changed = false;
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
                // A rejoin may bring another plan (the host's welcome replaces the session):
                // its date and start are read again.
                if changed {
                    self.day = PlanDay::of(self.ledger.session().plan());
                }
            }
            _ => {}
        }
        // Ballots from the attendees' phones: decided here, answered once durable.
        if let (Some(ballots), Ledger::Local(writer)) = (&mut self.ballots, &mut self.ledger) {
            ballots.set_lang(lang);
            changed |= ballots.pump(writer, now);
        }
        if changed || !notes.is_empty() {
            self.redraw = true;
        }
        for (text, warn) in notes {
            let level = if warn { Level::Warn } else { Level::Info };
            self.notify(text, level, now);
        }
        changed
    }

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

    /// Writes a copy of the whole session into `folder` (the quit dialog), remembered for the
    /// exit message. The error, said in a sentence, when it could not be written.
    pub fn write_copy(&mut self, folder: &std::path::Path, now: Time) -> Result<PathBuf, String> {
        let lang = self.lang;
        let path = match self.ledger.writer() {
            Some(w) => w
                .save_copy(folder, now)
                .map_err(|e| strings::copy_failed(lang, &e.to_string()))?,
            None => return Err(strings::copy_failed(lang, "-")),
        };
        let last = self.session().last_seq();
        self.copies.push((path.clone(), last));
        Ok(path)
    }

    /// Tries at once to bring the disk up to date (the quit dialog's retry).
    pub fn retry_save(&mut self, now: Time) -> Result<(), String> {
        let result = match self.ledger.writer_mut() {
            Some(w) => w.retry(now).map_err(|e| e.to_string()),
            None => Ok(()),
        };
        self.sync_save_state(now);
        result
    }

    /// Writes the workbook, the ranking and the minutes beside the session, under new names.
    pub fn export(&mut self, now: Time) {
        let lang = self.lang;
        let path = self.ledger.paths().session.clone();
        match crate::report::export::export_beside(&path, self.session(), now, lang) {
            Ok(files) => {
                let names: Vec<String> = files
                    .iter()
                    .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                self.notify(strings::console::exported(lang, &names), Level::Info, now);
                self.exported = files;
            }
            Err(e) => self.notify(e, Level::Error, now),
        }
    }

    /// Disconnects a note-taker (the connection list).
    pub fn disconnect(&mut self, conn: u64, name: &str, now: Time) {
        if let Some(server) = &mut self.server {
            server.disconnect(conn);
        }
        let text = strings::console::disconnected(self.lang, name);
        self.notify(text, Level::Info, now);
    }

    /// A new join code; `private` keeps it off the notice (the room may see the screen).
    pub fn new_join_code(&mut self, private: bool, now: Time) {
        let lang = self.lang;
        let Some(server) = &mut self.server else {
            return;
        };
        let text = match server.new_code() {
            Ok(()) if private => strings::console::new_code_hidden(lang).to_string(),
            Ok(()) => strings::console::new_code(lang, server.code()),
            Err(e) => e,
        };
        self.notify(text, Level::Info, now);
    }

    /// Lets note-takers enter scores, or stops them.
    pub fn toggle_note_scores(&mut self, now: Time) {
        let lang = self.lang;
        let Some(server) = &mut self.server else {
            return;
        };
        let on = !server.scores();
        let text = match server.set_scores(on) {
            Ok(()) => strings::console::note_scores(lang, on).to_string(),
            Err(e) => e,
        };
        self.notify(text, Level::Info, now);
    }

    /// The time for this console: the console's clock (see `clock`), which a step of the
    /// wall clock does not move; the host's clock on a note-taker's laptop.
    pub fn clock_now(&self) -> Time {
        let wall = || {
            self.clock
                .as_ref()
                .map_or_else(crate::wallclock::now, clock::Clock::wall)
        };
        match (self.ledger.remote(), &self.clock) {
            (Some(r), _) => r.link.host_time(wall()),
            (None, Some(clock)) => clock.now(),
            (None, None) => wall(),
        }
    }

    /// Times talks with `source` from now on: the console's time starts at its wall clock
    /// (never before the last recorded event) and is counted on by its monotonic clock.
    pub fn set_clock(&mut self, source: Box<dyn clock::Source>) {
        let last = self.session().last_at();
        self.clock = Some(clock::Clock::new(source, last));
    }

    /// `set_clock` with the machine's clocks, unless the console has a clock already.
    pub fn use_system_clock(&mut self) {
        if self.clock.is_none() {
            self.set_clock(Box::new(clock::System::new()));
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

    /// The draft typed but not yet written, shared with the watchdog (`tui::run`).
    pub fn unwritten_draft(&self) -> Arc<Mutex<Option<String>>> {
        self.draft.unwritten()
    }

    /// Planned and projected end of the meeting, and the drift between them in minutes.
    pub fn meeting_times(&self, now: Time) -> MeetingTimes {
        times::meeting_times(self.session(), &self.day, now)
    }
}
