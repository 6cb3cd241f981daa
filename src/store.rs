//! The session on disk: a JSON snapshot, a journal of events appended since the snapshot,
//! a lock for the one writer, and a draft of the text being typed.
//!
//! Durable before visible: `Writer::execute` appends the events to the journal and flushes
//! them before the session (and so the screen) sees them. The snapshot is replaced
//! atomically; a file that does not parse is never written over.

use crate::plan::Plan;
use crate::session::record::Record;
use crate::session::{Command, Event, Refusal, Session, Time};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "podium-session";
/// The session format's version (docs/FORMAT.md): 2 adds `elapsed_ms` on talk events; 3 adds
/// agenda kinds (`kind` on `unit_added`, and the plan fields of plan version 2); 4 adds the
/// task ledger (`task_*` events, `previous_linked`, and the plan fields of plan version 3); 5
/// adds a series of rounds (`previous_linked.results`, `previous_results_copied`,
/// `previous_displayed`, and the plan fields of plan version 4); 6 adds anonymous ballots
/// (`ballots_issued`, `ballot_voided`, `voting_opened`, `voting_closed`, `group` and `serial`
/// on `grades_added` and `score_set`, and the plan fields of plan version 5).
pub const VERSION: u32 = 6;
/// How long after an event the snapshot is brought up to date.
pub const SNAPSHOT_DELAY_MS: i64 = 2000;
/// How often the console looks whether a background snapshot has finished.
const BACKGROUND_CHECK_MS: i64 = 50;

/// The files that belong to one session, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    pub session: PathBuf,
    pub journal: PathBuf,
    pub lock: PathBuf,
    pub draft: PathBuf,
    pub temp: PathBuf,
    /// The snapshot thread's temporary file.
    pub bg_temp: PathBuf,
    /// The next journal, before it replaces the journal (after a background snapshot).
    pub journal_temp: PathBuf,
}

impl Paths {
    /// `NAME.session.json` → `NAME.session.journal`, `.lock`, `.draft`. A session reached
    /// through a symbolic link (a session kept on a USB stick, linked from the desktop) is
    /// the link's target: every file is written beside the target, and the atomic rename
    /// replaces the target, never the link.
    pub fn of(session: &Path) -> Paths {
        let resolved = resolve_links(session);
        let session = resolved.as_path();
        let name = session
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.strip_suffix(".json").unwrap_or(&name).to_string();
        let sibling = |suffix: &str| session.with_file_name(format!("{stem}{suffix}"));
        Paths {
            session: session.to_path_buf(),
            journal: sibling(".journal"),
            lock: sibling(".lock"),
            draft: sibling(".draft"),
            temp: session.with_file_name(format!(".{name}.tmp")),
            bg_temp: session.with_file_name(format!(".{name}.bg.tmp")),
            journal_temp: session.with_file_name(format!(".{stem}.journal.tmp")),
        }
    }

    /// Saves the text being typed (owner-only: it may be a remark not yet said aloud).
    pub fn write_draft(&self, text: &str) -> Result<(), StoreError> {
        let temp = self.draft.with_extension("draft.tmp");
        write_private(&self.draft, &temp, text.as_bytes()).map_err(io_err(&self.draft))
    }

    pub fn read_draft(&self) -> Option<String> {
        fs::read_to_string(&self.draft).ok()
    }

    pub fn clear_draft(&self) {
        let _ = fs::remove_file(&self.draft);
    }

    /// The file name, for messages.
    pub fn display_name(&self) -> String {
        crate::text::file_name(&self.session)
    }
}

/// `path` with its symbolic links followed (also a link whose target does not exist yet),
/// or `path` itself when it is no link or the links go round in a circle.
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return current;
        }
        let Ok(target) = fs::read_link(&current) else {
            return current;
        };
        current = if target.is_absolute() {
            target
        } else {
            match current.parent() {
                Some(dir) => dir.join(target),
                None => target,
            }
        };
    }
    path.to_path_buf()
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: not a podium session (its \"format\" is not \"podium-session\")")]
    NotSession { path: String },
    #[error(
        "{path}: made by a newer podium (session version {version}; this podium reads session \
         version {VERSION} and older): open it with a newer podium; nothing was changed"
    )]
    NewerVersion { path: String, version: u64 },
    #[error("{name} is open in another podium (pid {pid})")]
    Locked { name: String, pid: String },
    #[error(
        "{path}:{line}: a whole line of the journal cannot be read (damaged, or written by a \
         newer podium); nothing was changed"
    )]
    JournalUnreadable { path: String, line: usize },
    #[error("{path}:{line}: the journal is damaged before its last line; nothing was changed")]
    JournalCorrupt { path: String, line: usize },
    #[error(
        "{path}: the session file is missing, but its journal {journal} holds {holds}; \
         nothing was changed. Put the session file back (from a backup or the USB copy) and \
         run podium again: the journal alone holds only the events since the last snapshot"
    )]
    MissingSnapshot {
        path: String,
        journal: String,
        /// What the journal holds: its event count and time range.
        holds: String,
    },
    #[error(
        "{path}: its events are numbered up to the largest number podium can count to; \
         no event can follow (the file was edited by hand?). Nothing was changed"
    )]
    SeqExhausted { path: String },
    #[error("{path} already exists")]
    Exists { path: String },
    #[error(
        "{path} is not podium's {what} (a link, a folder, or a file with other content in \
         it); podium leaves it alone. Move it away and try again"
    )]
    NotOurs { path: String, what: &'static str },
    #[error(
        "{path}: podium writes a session only under a name ending in .session.json (its \
         journal, lock and draft sit beside it under that name, and must not take the name of \
         another file); rename it to NAME.session.json and try again"
    )]
    NotSessionName { path: String },
    #[error(
        "{path}: its lock file or journal was deleted or replaced while this podium had it \
         open, so another program may be writing it; nothing more is written there. Write \
         the whole session elsewhere (q, then w) and compare the two"
    )]
    LockLost { path: String },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[derive(Deserialize)]
struct SessionFile {
    format: String,
    version: u64,
    /// The language the meeting was last run in (absent before podium recorded it; a code
    /// this podium does not know is passed over).
    #[serde(default)]
    lang: Option<serde_json::Value>,
    plan: Plan,
    events: Vec<Event>,
    #[serde(default)]
    #[allow(dead_code)]
    record: serde_json::Value,
}

/// Whether a JSON text is a session (rather than a plan): its `format` field says so.
pub fn is_session_text(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|p| p.format.is_some())
}

/// What opening a session found, for the banner.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct OpenReport {
    /// Events recovered from the journal (written after the last snapshot).
    pub replayed: usize,
    /// A half-written last journal line (a crash mid-write) was dropped.
    pub torn_tail: bool,
}

fn parse_error(path: &Path, e: serde_json::Error) -> StoreError {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    StoreError::Parse {
        path: path.display().to_string(),
        line: e.line(),
        column: e.column().max(1),
        message,
    }
}

/// Reads a session: the snapshot plus the journal, and the version the snapshot says. Used by
/// writers and readers alike.
fn load(paths: &Paths) -> Result<(Session, OpenReport, u64), StoreError> {
    // The journal first, then the snapshot: a snapshot written in between holds every event
    // of the journal read, so a reader racing the writer still gets every acknowledged event.
    // Whether the journal could be read is judged after the snapshot's version: a session
    // from a newer podium is refused as such, not as a damaged journal.
    let journal = read_journal(&paths.journal);
    let text = match fs::read_to_string(&paths.session) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound && paths.journal.exists() => {
            return Err(missing_snapshot(paths));
        }
        Err(e) => return Err(io_err(&paths.session)(e)),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let file: SessionFile = match serde_json::from_str(text) {
        Ok(f) => f,
        Err(e) => return Err(unreadable_session(&paths.session, text, e)),
    };
    if file.format != FORMAT {
        return Err(StoreError::NotSession {
            path: paths.session.display().to_string(),
        });
    }
    if file.version > u64::from(VERSION) {
        return Err(StoreError::NewerVersion {
            path: paths.session.display().to_string(),
            version: file.version,
        });
    }
    let (journal, report) = journal?;
    let mut events = file.events;
    let mut last = events.last().map_or(0, |e| e.seq);
    let mut replayed = 0;
    for event in journal {
        if event.seq > last {
            last = event.seq;
            events.push(event);
            replayed += 1;
        }
    }
    let mut session = Session::from_events(file.plan, events);
    session.set_lang(
        file.lang
            .as_ref()
            .and_then(serde_json::Value::as_str)
            .and_then(crate::strings::Lang::from_code),
    );
    Ok((session, OpenReport { replayed, ..report }, file.version))
}

/// Why a session file that does not parse as a session of this version is refused. Only
/// `format` and `version` are read now: a file from a newer podium may hold events or fields
/// this podium does not know, and is refused by its version (naming both versions), never by
/// the first name it does not know. (Looked at only after the full parse failed, so that a
/// session of tens of megabytes is parsed once when all is well; the outcome is the same as
/// looking first, since a newer file that parses is refused by its version just after.)
fn unreadable_session(path: &Path, text: &str, e: serde_json::Error) -> StoreError {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let not_session = || StoreError::NotSession {
        path: path.display().to_string(),
    };
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe {
            format: Some(format),
            version,
        }) if format == FORMAT => match version.as_ref().and_then(serde_json::Value::as_u64) {
            Some(version) if version > u64::from(VERSION) => StoreError::NewerVersion {
                path: path.display().to_string(),
                version,
            },
            _ => parse_error(path, e),
        },
        Ok(_) => not_session(),
        Err(_) if serde_json::from_str::<serde_json::Value>(text).is_ok() => not_session(),
        Err(_) => parse_error(path, e),
    }
}

/// The refusal for a journal whose session file is missing, saying what the journal holds.
fn missing_snapshot(paths: &Paths) -> StoreError {
    let holds = match read_journal(&paths.journal) {
        Ok((events, report)) => {
            let mut holds = match (events.first(), events.last()) {
                (Some(first), Some(last)) => format!(
                    "{} event{} (seq {} to {}, {} to {})",
                    events.len(),
                    if events.len() == 1 { "" } else { "s" },
                    first.seq,
                    last.seq,
                    first.at.format("%Y-%m-%d %H:%M:%S"),
                    last.at.format("%Y-%m-%d %H:%M:%S"),
                ),
                _ => "no complete event".to_string(),
            };
            if report.torn_tail {
                holds.push_str(" and a last line cut short");
            }
            holds
        }
        Err(e) => format!("lines that cannot all be read ({e})"),
    };
    StoreError::MissingSnapshot {
        path: paths.session.display().to_string(),
        journal: paths.journal.display().to_string(),
        holds,
    }
}

/// The journal's events. Unreadable lines at the end (a write cut short) are dropped and
/// reported; an unreadable line followed by good ones is an error.
fn read_journal(path: &Path) -> Result<(Vec<Event>, OpenReport), StoreError> {
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(mut f) => f.read_to_end(&mut bytes).map_err(io_err(path))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok((Vec::new(), OpenReport::default()));
        }
        Err(e) => return Err(io_err(path)(e)),
    };
    let mut events = Vec::new();
    let mut bad_line: Option<usize> = None;
    let mut torn_tail = false;
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    // Only the last line, without its line end, can be a write cut short by a crash: it is
    // dropped and reported. A whole line that cannot be read is damage, or an event of a newer
    // podium, and is never dropped.
    let mut whole_bad: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        match serde_json::from_slice::<Event>(line) {
            Ok(event) => {
                if let Some(bad) = whole_bad.or(bad_line) {
                    return Err(StoreError::JournalCorrupt {
                        path: path.display().to_string(),
                        line: bad + 1,
                    });
                }
                events.push(event);
            }
            Err(_) if i + 1 < lines.len() => {
                whole_bad.get_or_insert(i);
            }
            Err(_) => {
                bad_line.get_or_insert(i);
                torn_tail = true;
            }
        }
    }
    if let Some(bad) = whole_bad {
        return Err(StoreError::JournalUnreadable {
            path: path.display().to_string(),
            line: bad + 1,
        });
    }
    Ok((
        events,
        OpenReport {
            replayed: 0,
            torn_tail,
        },
    ))
}

/// Opens a session for reading only (the projector display, reports). Takes no lock and
/// writes nothing; sees every event a writer has acknowledged.
pub fn read(path: &Path) -> Result<Session, StoreError> {
    load(&Paths::of(path)).map(|(session, _, _)| session)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, renamed
/// over the old file, and the folder flushed where the platform allows.
pub fn write_atomic(path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
    finish_temp(File::create(temp), temp, path, bytes)
}

/// `write_atomic` through a temporary file of its own: a hidden `.NAME.tmp` beside `path` made
/// new (`.NAME.2.tmp`… when one is already there), so a file of the user's by any such name is
/// never written over or removed.
pub fn write_atomic_fresh(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut last = None;
    for n in 1..=100 {
        let temp = if n == 1 {
            path.with_file_name(format!(".{name}.tmp"))
        } else {
            path.with_file_name(format!(".{name}.{n}.tmp"))
        };
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(f) => return finish_temp(Ok(f), &temp, path, bytes),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary file name free")))
}

/// Writes `bytes` into the temporary file just opened, flushes it and renames it over `path`,
/// then flushes the folder. On any failure the temporary file goes: a snapshot cut short by a
/// full disk must not keep holding the space the journal needs.
fn finish_temp(opened: io::Result<File>, temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let written = opened.and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| fs::rename(temp, path)) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    sync_dir(path)
}

/// `write_atomic` for a file only its owner may read (a join code, a note-taker's outbox):
/// the new file has those permissions from the start (on Windows the folder's apply).
pub fn write_private(path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let _ = fs::remove_file(temp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    finish_temp(options.open(temp), temp, path, bytes)
}

#[cfg(unix)]
fn sync_dir(path: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_path: &Path) -> io::Result<()> {
    // Windows offers no folder flush; the rename itself is durable once it returns.
    Ok(())
}

/// The session file's text: plan and record pretty-printed, one event per line.
pub fn snapshot_text(session: &Session, now: Time) -> String {
    let mut out = String::with_capacity(256 + session.events().len() * 160);
    out.push_str(&format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n"
    ));
    if let Some(lang) = session.lang() {
        out.push_str(&format!("  \"lang\": \"{}\",\n", lang.code()));
    }
    out.push_str("  \"plan\": ");
    push_indented(&mut out, &session.plan());
    out.push_str(",\n  \"events\": [");
    for (i, event) in session.events().iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(event).unwrap_or_default());
    }
    out.push_str(if session.events().is_empty() {
        "],\n  \"record\": "
    } else {
        "\n  ],\n  \"record\": "
    });
    push_indented(&mut out, &Record::of(session, now));
    out.push_str("\n}\n");
    out
}

fn push_indented<T: Serialize>(out: &mut String, value: &T) {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        out.push_str(line);
    }
}

/// The store's disk operations, so that tests can make them fail (a full disk, a failing
/// device) and check that podium keeps the meeting and never damages the session file.
pub trait Disk: Send {
    /// Appends `bytes` to the journal and flushes them to the device.
    fn append(&mut self, journal: &mut File, bytes: &[u8]) -> io::Result<()>;
    /// Replaces `path` atomically with `bytes`, through `temp`.
    fn replace(&mut self, path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Empties the journal (after a snapshot holds its events).
    fn truncate(&mut self, journal: &mut File) -> io::Result<()>;
}

/// The real disk.
pub struct RealDisk;

impl Disk for RealDisk {
    fn append(&mut self, journal: &mut File, bytes: &[u8]) -> io::Result<()> {
        journal.write_all(bytes)?;
        journal.sync_data()
    }

    fn replace(&mut self, path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
        write_atomic(path, temp, bytes)
    }

    fn truncate(&mut self, journal: &mut File) -> io::Result<()> {
        journal.set_len(0)?;
        journal.sync_all()
    }
}

/// How long podium waits before it tries again to save after a failed write.
pub const RETRY_MS: i64 = 2000;

/// Why a command did not become events.
#[derive(Debug, thiserror::Error)]
pub enum ExecError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The one writer of a session: holds its lock, appends events, keeps the snapshot fresh.
pub struct Writer {
    /// Writes periodic snapshots on a thread of its own (see `Snapshotter`); `None` until the
    /// first one, and always with a test's own `Disk`. First, so that it is dropped (waiting
    /// for a snapshot under way) before the lock is let go.
    bg: Option<Snapshotter>,
    paths: Paths,
    session: Session,
    _lock: File,
    journal: File,
    /// Events in the journal, not yet in the snapshot.
    journaled: usize,
    /// When the oldest event not yet in the snapshot was written.
    dirty_since: Option<Time>,
    last_write: Option<Time>,
    disk: Box<dyn Disk>,
    /// False when the journal's tail is unknown (an append failed and could not be taken
    /// back): nothing more is appended until a snapshot (which empties the journal)
    /// succeeds. A failed snapshot alone never sets it: the journal still works.
    journal_ok: bool,
    /// The journal's length in bytes as far as this writer wrote it: a failed append is cut
    /// back to it, so the journal stays whole and the next append can follow.
    journal_len: u64,
    /// The lock file or the journal was deleted or replaced under this writer: another
    /// process may write the session, so this one writes nothing more to it.
    lost: bool,
    /// Why the last write failed, until a write succeeds again.
    save_error: Option<String>,
    /// Events held only in memory (their write failed), in order: appended before the next
    /// events, or saved by the next snapshot.
    pending: Vec<Event>,
    retry_at: Option<Time>,
    /// False once a test gave the writer its own `Disk`: every snapshot is then written here.
    background: bool,
}

enum ToSnapshotter {
    /// Events the writer made durable, to fold into the thread's copy of the session.
    Events(Vec<Event>),
    /// Write the snapshot of everything up to `upto` (the copy's last event).
    Write { upto: u64, now: Time },
}

/// The thread that writes periodic snapshots, so that a large session's snapshot (tens of
/// milliseconds to serialise and flush) never holds up the console. It keeps its own copy of
/// the session, fed with every durable event, writes the snapshot to its own temporary file
/// and renames it into place; the writer then trims the journal to the events after it.
struct Snapshotter {
    to: std::sync::mpsc::Sender<ToSnapshotter>,
    thread: Option<std::thread::JoinHandle<()>>,
    done: std::sync::mpsc::Receiver<(u64, Result<(), String>)>,
    /// The snapshot under way: up to which event, and since when.
    in_flight: Option<(u64, Time)>,
    /// When to look for its end next.
    check_at: Option<Time>,
}

impl Drop for Snapshotter {
    /// A writer that goes away lets a snapshot under way finish first: a late rename must
    /// never replace a newer snapshot written by the next writer of the session.
    fn drop(&mut self) {
        let (to, _) = std::sync::mpsc::channel();
        drop(std::mem::replace(&mut self.to, to));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Snapshotter {
    fn start(paths: &Paths, session: Session) -> Option<Snapshotter> {
        let (to, from_writer) = std::sync::mpsc::channel();
        let (done_tx, done) = std::sync::mpsc::channel();
        let session_path = paths.session.clone();
        let temp = paths.bg_temp.clone();
        let thread = std::thread::Builder::new()
            .name("podium-snapshot".into())
            .spawn(move || {
                let mut copy = session;
                while let Ok(msg) = from_writer.recv() {
                    match msg {
                        ToSnapshotter::Events(events) => copy.commit(events),
                        ToSnapshotter::Write { upto, now } => {
                            let result = if copy.last_seq() == upto {
                                let text = snapshot_text(&copy, now);
                                write_atomic(&session_path, &temp, text.as_bytes())
                                    .map_err(|e| format!("{}: {e}", session_path.display()))
                            } else {
                                Err(format!(
                                    "{}: the snapshot thread is out of step",
                                    session_path.display()
                                ))
                            };
                            if done_tx.send((upto, result)).is_err() {
                                return;
                            }
                        }
                    }
                }
            })
            .ok()?;
        Some(Snapshotter {
            to,
            thread: Some(thread),
            done,
            in_flight: None,
            check_at: None,
        })
    }
}

/// Events as journal lines: one JSON object a line.
fn journal_lines(events: &[Event], journal: &Path) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::with_capacity(events.len() * 160);
    for event in events {
        serde_json::to_writer(&mut bytes, event).map_err(|e| StoreError::Io {
            path: journal.display().to_string(),
            source: io::Error::other(e),
        })?;
        bytes.push(b'\n');
    }
    Ok(bytes)
}

/// Takes the session's lock: `NAME.session.lock`, locked for as long as the writer lives.
///
/// After locking, the file locked is checked to still be the one at the path: a process that
/// opened it just before its writer removed it (see `release_lock`), or before someone
/// deleted or replaced it by hand, locked a file of its own and takes the lock again, so two
/// writers can never each hold a file of their own.
fn take_lock(paths: &Paths) -> Result<File, StoreError> {
    if !paths
        .display_name()
        .to_lowercase()
        .ends_with(".session.json")
    {
        return Err(StoreError::NotSessionName {
            path: paths.session.display().to_string(),
        });
    }
    // A lock held under this process's own id may be a copy a child process holds for the
    // moment between its fork and its exec (the lock belongs to the open file, and the copy
    // keeps it taken after this process closed it): that is waited out, briefly.
    let patience = std::time::Instant::now() + std::time::Duration::from_millis(300);
    for _ in 0..1000 {
        ours_or_absent(&paths.lock, "lock file")?;
        let mut writable = true;
        let opened = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&paths.lock);
        let mut lock = match opened {
            Ok(f) => f,
            // A lock file left by another user: a read-only handle locks it as well.
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                writable = false;
                File::open(&paths.lock).map_err(|_| io_err(&paths.lock)(e))?
            }
            Err(e) => return Err(io_err(&paths.lock)(e)),
        };
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = (&lock).take(64).read_to_string(&mut pid);
                let pid = pid.trim();
                if pid == std::process::id().to_string() && std::time::Instant::now() < patience {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    continue;
                }
                return Err(StoreError::Locked {
                    name: paths.display_name(),
                    pid: if pid.is_empty() || pid.len() > 20 {
                        "?".into()
                    } else {
                        pid.to_string()
                    },
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&paths.lock)(e)),
        }
        if !same_file_at(&lock, &paths.lock) {
            // Locked a file no longer at the path: let it go and lock the one that is.
            continue;
        }
        // Only a lock file podium wrote (a process id, or nothing) is ever written over.
        let mut held = String::new();
        let is_pid = (&lock).take(65).read_to_string(&mut held).is_ok()
            && held.len() <= 64
            && held.trim().chars().all(|c| c.is_ascii_digit());
        if !is_pid {
            return Err(StoreError::NotOurs {
                path: paths.lock.display().to_string(),
                what: "lock file",
            });
        }
        if writable {
            // A stale lock from a process that died is simply taken over: the OS released it.
            lock.set_len(0).map_err(io_err(&paths.lock))?;
            io::Seek::seek(&mut lock, io::SeekFrom::Start(0)).map_err(io_err(&paths.lock))?;
            lock.write_all(std::process::id().to_string().as_bytes())
                .map_err(io_err(&paths.lock))?;
            lock.sync_all().map_err(io_err(&paths.lock))?;
        }
        return Ok(lock);
    }
    Err(io_err(&paths.lock)(io::Error::other(
        "the lock file keeps being replaced by another program",
    )))
}

/// Refuses a file beside the session that podium would write but did not make: a link (it
/// would write through it into another file), a folder, anything but a plain file.
fn ours_or_absent(path: &Path, what: &'static str) -> Result<(), StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() || !m.is_file() => Err(StoreError::NotOurs {
            path: path.display().to_string(),
            what,
        }),
        _ => Ok(()),
    }
}

/// Lets go of the lock. On Unix the lock file is removed first, while still locked: a process
/// that opened it just before then locks a file no longer at the path, which `take_lock`'s
/// check after locking sees, so it locks the file at the path instead (two writers can never
/// each hold a file of their own). Elsewhere the file stays: an unlocked lock file is simply
/// taken over.
fn release_lock(lock: File, path: &Path) {
    #[cfg(unix)]
    if same_file_at(&lock, path) {
        let _ = fs::remove_file(path);
    }
    drop(lock);
}

/// Whether the open `file` is the file now at `path` (not one deleted or replaced since).
#[cfg(unix)]
fn same_file_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows keeps an open file's name until the last handle closes, and podium never
/// deletes the lock file: the file locked is the one at the path.
#[cfg(not(unix))]
fn same_file_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn open_journal(paths: &Paths) -> Result<File, StoreError> {
    ours_or_absent(&paths.journal, "journal")?;
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(&paths.journal)
        .map_err(io_err(&paths.journal))
}

impl Writer {
    /// A writer over a session just written or read, nothing yet pending.
    fn with(
        paths: Paths,
        session: Session,
        lock: File,
        journal: File,
        last_write: Option<Time>,
    ) -> Writer {
        Writer {
            paths,
            session,
            _lock: lock,
            journal,
            journaled: 0,
            dirty_since: None,
            last_write,
            disk: Box::new(RealDisk),
            journal_ok: true,
            journal_len: 0,
            lost: false,
            save_error: None,
            pending: Vec::new(),
            retry_at: None,
            bg: None,
            background: true,
        }
    }

    /// Starts a new session for `plan` at `path`. Refused when the file exists.
    pub fn create(path: &Path, plan: Plan, now: Time) -> Result<Writer, StoreError> {
        Writer::create_in(path, plan, None, now)
    }

    /// Starts a new session for `plan` at `path` that remembers the language it is run in
    /// (`lang`, recorded in the session file). Refused when the file exists.
    pub fn create_in(
        path: &Path,
        plan: Plan,
        lang: Option<crate::strings::Lang>,
        now: Time,
    ) -> Result<Writer, StoreError> {
        let paths = Paths::of(path);
        let lock = take_lock(&paths)?;
        // Refused: the lock file goes, while still locked (see `release_lock`).
        let refuse = |lock: File, e: StoreError| {
            release_lock(lock, &paths.lock);
            e
        };
        if fs::symlink_metadata(&paths.session).is_ok() {
            let e = StoreError::Exists {
                path: paths.session.display().to_string(),
            };
            return Err(refuse(lock, e));
        }
        // A journal without its session file is the only copy of those events: never
        // deleted, never truncated, never written after.
        let journal_text = fs::read(&paths.journal).unwrap_or_default();
        if !journal_text.iter().all(u8::is_ascii_whitespace) {
            return Err(refuse(lock, missing_snapshot(&paths)));
        }
        let mut session = Session::new(plan);
        session.set_lang(lang);
        let text = snapshot_text(&session, now);
        if let Err(e) = write_atomic(&paths.session, &paths.temp, text.as_bytes()) {
            let _ = fs::remove_file(&paths.temp);
            return Err(refuse(lock, io_err(&paths.session)(e)));
        }
        let journal = open_journal(&paths)?;
        Ok(Writer::with(paths, session, lock, journal, Some(now)))
    }

    /// Opens an existing session for writing: snapshot plus journal, then folds the journal
    /// into a fresh snapshot so that new events never follow a torn line.
    pub fn open(path: &Path, now: Time) -> Result<(Writer, OpenReport), StoreError> {
        let paths = Paths::of(path);
        let lock = take_lock(&paths)?;
        // On a refusal the lock file goes, while still locked, and the session file is
        // untouched.
        let (session, report, version) = match load(&paths) {
            Ok(loaded) => loaded,
            Err(e) => {
                release_lock(lock, &paths.lock);
                return Err(e);
            }
        };
        if session.last_seq() == u64::MAX {
            release_lock(lock, &paths.lock);
            return Err(StoreError::SeqExhausted {
                path: paths.session.display().to_string(),
            });
        }
        let _ = fs::remove_file(&paths.temp);
        let journal = open_journal(&paths)?;
        let mut writer = Writer::with(paths, session, lock, journal, None);
        // Temporary files of a snapshot thread or a journal replacement cut short by a crash.
        let _ = fs::remove_file(&writer.paths.bg_temp);
        let _ = fs::remove_file(&writer.paths.journal_temp);
        // A journal with anything in it is folded in, even when the snapshot already held
        // it all (a crash after a background snapshot, before the journal was replaced).
        let journal_len = fs::metadata(&writer.paths.journal).map_or(0, |m| m.len());
        // An older version's session says this version before any event of it is journaled:
        // an older podium then refuses the file by its version, rather than take the new
        // journal lines for damage or a torn write.
        if report.replayed > 0
            || report.torn_tail
            || journal_len > 0
            || version < u64::from(VERSION)
        {
            writer.snapshot(now)?;
        }
        Ok((writer, report))
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Records the language the meeting is now run in: written with the next snapshot (at the
    /// latest when the writer closes).
    pub fn set_lang(&mut self, lang: crate::strings::Lang) {
        self.session.set_lang(Some(lang));
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// The time of the last durable write.
    pub fn last_write(&self) -> Option<Time> {
        self.last_write
    }

    /// Uses `disk` for every later write (tests inject failing disks this way).
    pub fn set_disk(&mut self, disk: Box<dyn Disk>) {
        self.background = false;
        self.bg = None;
        self.disk = disk;
    }

    /// Why saving fails, while it does; the meeting goes on in memory meanwhile.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Events not yet on disk (their write failed and has not been retried successfully).
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// Decides, persists and then applies `command`: the events are on disk before they are
    /// in the session. A unit change brings the snapshot up to date at once.
    ///
    /// When the disk fails (full, removed), the meeting goes on: the events are kept in
    /// memory, `save_error` says why, and `tick` retries until a snapshot holds them all.
    /// The session file itself is only ever replaced whole, so it is never damaged.
    pub fn execute(&mut self, command: &Command, now: Time) -> Result<Vec<Event>, ExecError> {
        self.execute_as(command, None, now)
    }

    /// `execute` for a command from a note-taker (`author`), or from the host (`None`).
    pub fn execute_as(
        &mut self,
        command: &Command,
        author: Option<&crate::session::Author>,
        now: Time,
    ) -> Result<Vec<Event>, ExecError> {
        let item = [(command.clone(), author.cloned())];
        self.execute_batch(&item, now)
            .pop()
            .unwrap_or(Err(crate::session::Refusal::NothingChanged))
            .map_err(ExecError::Refused)
    }

    /// Carries out several commands in order, each decided against the meeting as the ones
    /// before it left it, and makes all their events durable with one write and one flush
    /// (a group commit: a pass of many note-takers' remarks costs one `fdatasync`). Nothing
    /// is shown before this returns. One result per command, in order.
    pub fn execute_batch(
        &mut self,
        items: &[(Command, Option<crate::session::Author>)],
        now: Time,
    ) -> Vec<Result<Vec<Event>, crate::session::Refusal>> {
        let mut results = Vec::with_capacity(items.len());
        let mut all = Vec::new();
        for (command, author) in items {
            match self.session.decide_as(command, author.as_ref(), now) {
                Ok(events) => {
                    self.session.commit(events.clone());
                    all.extend(events.iter().cloned());
                    results.push(Ok(events));
                }
                Err(r) => results.push(Err(r)),
            }
        }
        if all.is_empty() {
            return results;
        }
        if let Some(bg) = &self.bg {
            let _ = bg.to.send(ToSnapshotter::Events(all.clone()));
        }
        // Events whose write failed before go first: the journal stays in order.
        let mut batch = std::mem::take(&mut self.pending);
        batch.extend(all.iter().cloned());
        let durable = self.journal_ok
            && match self.append(&batch, now) {
                Ok(()) => true,
                Err(e) => {
                    self.failed(&e, now);
                    false
                }
            };
        if !durable {
            self.pending = batch;
            self.dirty_since.get_or_insert(now);
        }
        let unit_change = all
            .iter()
            .any(|e| matches!(e.kind, crate::session::EventKind::CurrentChanged { .. }));
        if unit_change
            && durable
            && let Err(e) = self.snapshot(now)
        {
            self.failed(&e, now);
        }
        results
    }

    /// A write failed: say why until one succeeds, and try again in `RETRY_MS`.
    fn failed(&mut self, e: &StoreError, now: Time) {
        self.save_error = Some(e.to_string());
        self.retry_at = Some(now + chrono::Duration::milliseconds(RETRY_MS));
    }

    /// Appends `events` to the journal and flushes them. A write that fails is cut back to
    /// where the journal ended, so the journal stays whole; when even that fails, its tail is
    /// unknown and nothing more is appended until a snapshot succeeds.
    fn append(&mut self, events: &[Event], now: Time) -> Result<(), StoreError> {
        self.still_ours()?;
        let bytes = journal_lines(events, &self.paths.journal)?;
        if let Err(e) = self.disk.append(&mut self.journal, &bytes) {
            let cut_back = self
                .journal
                .set_len(self.journal_len)
                .and_then(|()| self.journal.sync_all());
            if cut_back.is_err() {
                self.journal_ok = false;
            }
            return Err(io_err(&self.paths.journal)(e));
        }
        self.journal_len += bytes.len() as u64;
        self.journaled += events.len();
        self.dirty_since.get_or_insert(now);
        self.last_write = Some(now);
        Ok(())
    }

    /// When the snapshot must next be written (events waiting in the journal, or a failed
    /// write to retry).
    pub fn snapshot_due(&self) -> Option<Time> {
        if let Some(bg) = &self.bg
            && let Some((_, since)) = bg.in_flight
        {
            // A snapshot under way: look for its end soon.
            return Some(
                bg.check_at
                    .unwrap_or(since + chrono::Duration::milliseconds(BACKGROUND_CHECK_MS)),
            );
        }
        let due = self
            .dirty_since
            .map(|t| t + chrono::Duration::milliseconds(SNAPSHOT_DELAY_MS));
        match (due, self.retry_at) {
            (Some(d), Some(r)) => Some(d.max(r)),
            (d, None) => d,
            (None, r) => r,
        }
    }

    /// Writes the snapshot if it is due at `now`: on the snapshot thread when all is well
    /// (the journal then trimmed when it is done, at a later tick), here when a write failed
    /// before. True when a snapshot was started or written.
    pub fn tick(&mut self, now: Time) -> Result<bool, StoreError> {
        if self.bg.as_ref().is_some_and(|b| b.in_flight.is_some()) {
            return self.finish_background(now, false, true).map(|()| false);
        }
        match self.snapshot_due() {
            Some(due) if now >= due && self.can_snapshot_in_background() => {
                self.start_background(now);
                Ok(true)
            }
            Some(due) if now >= due => match self.snapshot(now) {
                Ok(()) => Ok(true),
                Err(e) => {
                    self.failed(&e, now);
                    Err(e)
                }
            },
            _ => Ok(false),
        }
    }

    /// Waits for a snapshot under way on the snapshot thread and trims the journal after it.
    pub fn wait_for_snapshot(&mut self, now: Time) -> Result<(), StoreError> {
        self.finish_background(now, true, true)
    }

    fn can_snapshot_in_background(&self) -> bool {
        self.background && self.journal_ok && self.pending.is_empty() && self.retry_at.is_none()
    }

    fn start_background(&mut self, now: Time) {
        if self.bg.is_none() {
            self.bg = Snapshotter::start(&self.paths, self.session.clone());
        }
        let upto = self.session.last_seq();
        let sent = self
            .bg
            .as_ref()
            .is_some_and(|bg| bg.to.send(ToSnapshotter::Write { upto, now }).is_ok());
        match (&mut self.bg, sent) {
            (Some(bg), true) => bg.in_flight = Some((upto, now)),
            _ => {
                // No thread: this snapshot, and the ones after it, are written here.
                self.background = false;
                self.bg = None;
                if let Err(e) = self.snapshot(now) {
                    self.failed(&e, now);
                }
            }
        }
    }

    /// Takes the end of a background snapshot (waiting for it when `wait`): the journal is
    /// then replaced by the events recorded since (written to a temporary file, flushed and
    /// renamed, so a crash leaves the old journal or the new one: the reader skips what the
    /// snapshot already holds).
    fn finish_background(&mut self, now: Time, wait: bool, trim: bool) -> Result<(), StoreError> {
        let Some(bg) = &mut self.bg else {
            return Ok(());
        };
        let Some((_, since)) = bg.in_flight else {
            return Ok(());
        };
        let done = if wait {
            bg.done.recv().ok()
        } else {
            match bg.done.try_recv() {
                Ok(d) => Some(d),
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    bg.check_at = Some(now + chrono::Duration::milliseconds(BACKGROUND_CHECK_MS));
                    return Ok(());
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        bg.in_flight = None;
        bg.check_at = None;
        // A snapshot that failed left the journal as it was: appending goes on.
        let result = match done {
            // Before a snapshot written here, which empties the journal anyway.
            Some((_, Ok(()))) if !trim => Ok(()),
            Some((upto, Ok(()))) => self.trim_journal(upto, since),
            Some((_, Err(e))) => Err(StoreError::Io {
                path: self.paths.session.display().to_string(),
                source: io::Error::other(e),
            }),
            None => {
                self.background = false;
                self.bg = None;
                Err(StoreError::Io {
                    path: self.paths.session.display().to_string(),
                    source: io::Error::other("the snapshot thread stopped"),
                })
            }
        };
        if let Err(e) = &result {
            self.failed(e, now);
        }
        result
    }

    /// The snapshot holds every event up to `upto`: the journal keeps only those after it.
    fn trim_journal(&mut self, upto: u64, since: Time) -> Result<(), StoreError> {
        let events = self.session.events();
        let tail = &events[events.partition_point(|e| e.seq <= upto)..];
        let bytes = journal_lines(tail, &self.paths.journal)?;
        let written = write_atomic(&self.paths.journal, &self.paths.journal_temp, &bytes);
        if let Err(e) = written
            && self.paths.journal_temp.exists()
        {
            // Not renamed: the journal is the old one, whole, and appending goes on.
            let _ = fs::remove_file(&self.paths.journal_temp);
            return Err(io_err(&self.paths.journal)(e));
        }
        // Written, or renamed before the folder flush failed: the new journal is in place.
        self.journal = match open_journal(&self.paths) {
            Ok(f) => f,
            Err(e) => {
                // The handle held is the replaced journal's: nothing more goes there.
                self.journal_ok = false;
                return Err(e);
            }
        };
        self.journal_len = bytes.len() as u64;
        self.journaled = tail.len();
        self.dirty_since = (!tail.is_empty()).then_some(since);
        // Every event is now in the snapshot or the new journal, also any whose append failed
        // meanwhile.
        self.journal_ok = true;
        self.pending.clear();
        // `last_write` stays the last append's: the snapshot saved nothing new, and the time
        // on screen must not depend on when the thread finished.
        self.save_error = None;
        self.retry_at = None;
        Ok(())
    }

    /// Whether the lock file and the journal are still the files this writer opened (a few
    /// `stat`s; a hand that deletes the lock file lets another writer in). Once not, nothing
    /// more is written to the session: the events wait in memory, and the quit dialog offers
    /// to write them elsewhere.
    fn still_ours(&mut self) -> Result<(), StoreError> {
        if !self.lost
            && same_file_at(&self._lock, &self.paths.lock)
            && same_file_at(&self.journal, &self.paths.journal)
        {
            return Ok(());
        }
        self.lost = true;
        self.journal_ok = false;
        Err(StoreError::LockLost {
            path: self.paths.session.display().to_string(),
        })
    }

    /// Replaces the snapshot atomically with the whole session, then empties the journal.
    pub fn snapshot(&mut self, now: Time) -> Result<(), StoreError> {
        self.still_ours()?;
        // A background snapshot under way ends first: it must not replace this one later.
        let _ = self.finish_background(now, true, false);
        let text = snapshot_text(&self.session, now);
        self.disk
            .replace(&self.paths.session, &self.paths.temp, text.as_bytes())
            .map_err(io_err(&self.paths.session))?;
        // A crash between the rename and this truncation is harmless: replay skips events
        // the snapshot already holds.
        self.disk
            .truncate(&mut self.journal)
            .map_err(io_err(&self.paths.journal))?;
        self.journaled = 0;
        self.journal_len = 0;
        self.dirty_since = None;
        self.last_write = Some(now);
        self.journal_ok = true;
        self.save_error = None;
        self.pending.clear();
        self.retry_at = None;
        Ok(())
    }

    /// Saves the text being typed, so that a crash does not lose it.
    pub fn write_draft(&self, text: &str) -> Result<(), StoreError> {
        self.paths.write_draft(text)
    }

    pub fn read_draft(&self) -> Option<String> {
        self.paths.read_draft()
    }

    /// Lets go of a session this writer did not change (a refused import): an empty journal
    /// is removed, the lock let go, and the session file is not rewritten. A writer holding
    /// events not yet in the snapshot closes normally instead.
    pub fn release(self, now: Time) -> Result<(), StoreError> {
        if self.journaled > 0 || !self.pending.is_empty() || !self.journal_ok {
            return self.close(now);
        }
        self.let_go();
        Ok(())
    }

    /// A clean close: the snapshot written and the journal removed. The draft stays: only the
    /// console decides to throw typed text away (a signal or a quit with the editor open keeps
    /// it, and the next start offers it again).
    pub fn close(mut self, now: Time) -> Result<(), StoreError> {
        self.snapshot(now)?;
        self.let_go();
        Ok(())
    }

    /// Tries at once to bring the disk up to date (the host asked, e.g. from the quit dialog):
    /// a snapshot of the whole session, which also saves the events only held in memory.
    pub fn retry(&mut self, now: Time) -> Result<(), StoreError> {
        let result = self.snapshot(now);
        if let Err(e) = &result {
            self.failed(e, now);
        }
        result
    }

    /// Writes the whole session, every event held in memory included, as a session file in
    /// `dir` (another folder or drive, when the session's own disk fails). The file is named
    /// like the session, with `-2`, `-3`… when that name is taken; nothing is ever written
    /// over. Returns the path written.
    pub fn save_copy(&self, dir: &Path, now: Time) -> Result<PathBuf, StoreError> {
        let name = self.paths.display_name();
        let stem = name
            .strip_suffix(".session.json")
            .unwrap_or(&name)
            .to_string();
        let text = snapshot_text(&self.session, now);
        for n in 1..=1000u32 {
            let file = if n == 1 {
                dir.join(&name)
            } else {
                dir.join(format!("{stem}-{n}.session.json"))
            };
            // A name whose journal or lock is there belongs to another meeting: its journal
            // would be read into the copy.
            let beside = Paths::of(&file);
            if fs::symlink_metadata(&beside.journal).is_ok()
                || fs::symlink_metadata(&beside.lock).is_ok()
            {
                continue;
            }
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            match options.open(&file) {
                Ok(mut f) => {
                    let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
                    if let Err(e) = written {
                        drop(f);
                        let _ = fs::remove_file(&file);
                        return Err(io_err(&file)(e));
                    }
                    let _ = sync_dir(&file);
                    return Ok(file);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_err(&file)(e)),
            }
        }
        Err(StoreError::Exists {
            path: dir
                .join(format!("{stem}-1000.session.json"))
                .display()
                .to_string(),
        })
    }

    /// Removes the (empty) journal while still holding the lock, then lets the lock go. The
    /// lock file itself stays (see `take_lock`).
    fn let_go(self) {
        let Writer {
            paths,
            _lock,
            journal,
            ..
        } = self;
        drop(journal);
        let _ = fs::remove_file(&paths.journal);
        release_lock(_lock, &paths.lock);
    }
}
