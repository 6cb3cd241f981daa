//! Where the console's changes go. The host's console writes its own session (`Local`, the
//! one writer); a note-taker's console (`podium join`) sends them to the host (`Remote`):
//! each is saved in the laptop's outbox first, then sent, and counts as entered once the
//! host confirms it is durable there. Both show the same meeting through the same `Session`.

use crate::net::client::{Link, LinkState};
use crate::net::outbox::{Outbox, Queued};
use crate::session::{Author, Command, Event, Refusal, Session, Time};
use crate::strings::net as strings;

/// The largest command a note-taker's laptop sends: well inside what the host reads
/// (`net::MAX_FROM_CLIENT`), with room for the envelope and the encryption.
pub const MAX_COMMAND_BYTES: usize = crate::net::MAX_FROM_CLIENT / 2;
use crate::store::{ExecError, Paths, StoreError, Writer};

#[allow(clippy::large_enum_variant)] // one per console, never moved in a loop
pub enum Ledger {
    Local(Writer),
    Remote(Box<Remote>),
}

/// A note-taker's end: the host's meeting (through `link`) and the commands not yet
/// confirmed (in `outbox`).
pub struct Remote {
    pub name: String,
    pub link: Link,
    pub outbox: Outbox,
    paths: Paths,
}

/// What happened on the network since the last look, for the console's notice line.
pub struct Heard {
    pub notes: Vec<(String, bool)>,
    pub changed: bool,
}

impl Remote {
    pub fn new(name: String, link: Link, outbox: Outbox) -> Remote {
        let paths = Paths::of(outbox.path());
        let mut remote = Remote {
            name,
            link,
            outbox,
            paths,
        };
        remote.send_waiting();
        remote
    }

    /// Sends everything still waiting for this meeting (after a connection opened), in the
    /// order it was written; returns how many wait for another meeting.
    fn send_waiting(&mut self) -> usize {
        let waiting: Vec<Queued> = self.waiting().cloned().collect();
        let n = waiting.len();
        for q in &waiting {
            self.link.send(&q.id, &q.command, n);
        }
        self.outbox.pending().len() - n
    }

    fn author(&self) -> Author {
        Author {
            name: self.name.clone(),
            command: None,
            scores: self.link.scores,
        }
    }

    /// Commands still waiting for the host, for this meeting.
    pub fn waiting(&self) -> impl Iterator<Item = &Queued> {
        self.outbox
            .pending()
            .iter()
            .filter(|q| q.meeting == self.link.meeting)
    }

    /// Saves the command in the outbox (durably) and sends it. Refused at once when the host
    /// would refuse it anyway (a timing key, someone else's remark, scores not allowed).
    fn submit(&mut self, command: &Command, now: Time) -> Result<(), ExecError> {
        if !matches!(command, Command::Undo) {
            self.link
                .session
                .decide_as(command, Some(&self.author()), now)
                .map_err(ExecError::Refused)?;
        }
        // A command the host would not even read (over its size limit) would be sent again
        // and again: it is refused here, before it reaches the outbox.
        let size = serde_json::to_vec(command).map_or(usize::MAX, |b| b.len());
        if size > MAX_COMMAND_BYTES {
            return Err(ExecError::Refused(Refusal::TextTooLong {
                max: MAX_COMMAND_BYTES / 4,
            }));
        }
        let q = self
            .outbox
            .push(&self.link.meeting, command.clone(), now)
            .map_err(|source| StoreError::Io {
                path: self.outbox.path().display().to_string(),
                source,
            })?;
        let pending = self.waiting().count();
        self.link.send(&q.id, &q.command, pending);
        Ok(())
    }

    /// Takes in what the host sent: the meeting's new events, confirmations and refusals;
    /// after a (re)connection, sends again everything still waiting.
    pub fn poll(&mut self, lang: crate::strings::Lang) -> Heard {
        let heard = self.link.poll();
        let mut notes = Vec::new();
        if heard.welcomed {
            let other = self.send_waiting();
            if other > 0 {
                notes.push((
                    strings::other_meeting_kept(other, &self.outbox.path().display().to_string())
                        .pick(lang)
                        .to_string(),
                    true,
                ));
            }
        }
        for (id, seq) in &heard.acks {
            if let Err(e) = self.outbox.done(id, *seq) {
                notes.push((format!("{}: {e}", self.outbox.path().display()), true));
            }
        }
        for (id, message) in &heard.refusals {
            if let Ok(Some(_)) = self.outbox.refused(id, message) {
                let text = strings::host_refused(message);
                notes.push((text.pick(lang).to_string(), true));
            }
        }
        if let Some(why) = &heard.lost {
            let reconnecting = !matches!(self.link.state, LinkState::Closed(_));
            let text = strings::link_lost(why, reconnecting);
            notes.push((text.pick(lang).to_string(), true));
        }
        let pending = self.waiting().count();
        self.link.set_pending(pending);
        Heard {
            notes,
            changed: heard.changed,
        }
    }
}

impl Ledger {
    pub fn session(&self) -> &Session {
        match self {
            Ledger::Local(w) => w.session(),
            Ledger::Remote(r) => &r.link.session,
        }
    }

    /// Carries out a command: on the host, durable before it returns; on a note-taker's
    /// laptop, durable in the outbox and on its way to the host (no events yet).
    pub fn execute(&mut self, command: &Command, now: Time) -> Result<Vec<Event>, ExecError> {
        match self {
            Ledger::Local(w) => w.execute(command, now),
            Ledger::Remote(r) => r.submit(command, now).map(|()| Vec::new()),
        }
    }

    pub fn paths(&self) -> &Paths {
        match self {
            Ledger::Local(w) => w.paths(),
            Ledger::Remote(r) => &r.paths,
        }
    }

    pub fn writer(&self) -> Option<&Writer> {
        match self {
            Ledger::Local(w) => Some(w),
            Ledger::Remote(_) => None,
        }
    }

    pub fn writer_mut(&mut self) -> Option<&mut Writer> {
        match self {
            Ledger::Local(w) => Some(w),
            Ledger::Remote(_) => None,
        }
    }

    pub fn remote(&self) -> Option<&Remote> {
        match self {
            Ledger::Local(_) => None,
            Ledger::Remote(r) => Some(r),
        }
    }

    pub fn save_error(&self) -> Option<&str> {
        self.writer().and_then(Writer::save_error)
    }

    pub fn unsaved(&self) -> usize {
        self.writer().map_or(0, Writer::unsaved)
    }

    pub fn last_write(&self) -> Option<Time> {
        self.writer().and_then(Writer::last_write)
    }

    pub fn snapshot_due(&self) -> Option<Time> {
        self.writer().and_then(Writer::snapshot_due)
    }

    pub fn tick(&mut self, now: Time) {
        if let Some(w) = self.writer_mut() {
            let _ = w.tick(now);
        }
    }

    pub fn write_draft(&self, text: &str) -> Result<(), StoreError> {
        self.paths().write_draft(text)
    }

    pub fn clear_draft(&self) {
        self.paths().clear_draft();
    }

    pub fn read_draft(&self) -> Option<String> {
        self.paths().read_draft()
    }

    /// Closes the session (the host's snapshot; nothing to close on a note-taker's laptop).
    pub fn close(self, now: Time) -> Result<(), StoreError> {
        match self {
            Ledger::Local(w) => w.close(now),
            Ledger::Remote(_) => Ok(()),
        }
    }
}
