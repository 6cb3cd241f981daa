//! `podium display`: the stage display, a second process that follows the live meeting.
//! It opens the session read-only (no lock, no writes) and watches its files: two `stat`
//! calls every 100 ms, and a reload only when one of them changed — no busy loop.

pub mod page;
pub mod view;
pub mod voting;

use crate::session::{Session, Time};
use crate::store::{self, Paths};
pub use page::{BallotPage, PageSource};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};
pub use view::DisplayOptions;

/// How often the session's files are checked for changes.
pub const CHECK_EVERY: Duration = Duration::from_millis(100);

/// What a file looked like when last read: its length and modification time.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// Follows a session on disk: knows when it changed and reloads it.
pub struct Follower {
    path: PathBuf,
    paths: Paths,
    seen: (Stamp, Stamp),
    pub session: Session,
    /// The last reload that failed (a file caught mid-replace is retried on the next check).
    pub error: Option<String>,
}

impl Follower {
    pub fn open(path: &Path) -> Result<Follower, String> {
        let paths = Paths::of(path);
        let seen = (stamp(&paths.session), stamp(&paths.journal));
        let session = store::read(path).map_err(|e| e.to_string())?;
        Ok(Follower {
            path: path.to_path_buf(),
            paths,
            seen,
            session,
            error: None,
        })
    }

    /// Reloads the session if its files changed; true when it did.
    pub fn check(&mut self) -> bool {
        let now = (stamp(&self.paths.session), stamp(&self.paths.journal));
        if now == self.seen {
            return false;
        }
        match store::read(&self.path) {
            Ok(session) => {
                self.seen = now;
                self.session = session;
                self.error = None;
                true
            }
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }
}

/// What the display follows: a session file on this machine, or a served meeting.
pub trait Source {
    /// Takes in changes; true when the meeting changed.
    fn check(&mut self) -> bool;
    fn session(&self) -> &Session;
    /// The meeting's clock (the host's, for a served meeting).
    fn now(&self) -> Time {
        crate::wallclock::now()
    }

    /// A line under the meeting when what is shown is no longer live (a served meeting whose
    /// host cannot be reached), in `lang`.
    fn notice(&self, _lang: crate::strings::Lang) -> Option<String> {
        None
    }
}

impl Source for Follower {
    fn check(&mut self) -> bool {
        Follower::check(self)
    }

    fn session(&self) -> &Session {
        &self.session
    }
}

impl Source for crate::net::client::Link {
    fn check(&mut self) -> bool {
        self.poll().changed
    }

    fn session(&self) -> &Session {
        &self.session
    }

    fn now(&self) -> Time {
        self.host_time(crate::wallclock::now())
    }

    fn notice(&self, lang: crate::strings::Lang) -> Option<String> {
        use crate::net::client::LinkState;
        match &self.state {
            LinkState::Offline(why) => Some(crate::strings::display::offline(lang, why, true)),
            LinkState::Closed(why) => Some(crate::strings::display::offline(lang, why, false)),
            LinkState::Connecting | LinkState::Online => None,
        }
    }
}

/// Runs the display until `q`, `Esc` or `Ctrl+C`.
/// `pages` says where the ballot page is, for the voting screen.
pub fn run(
    mut follower: impl Source,
    opts: DisplayOptions,
    mut pages: PageSource,
) -> std::io::Result<()> {
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let stop = crate::terminal::stop_flag(done.clone());
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> std::io::Result<()> {
        let mut dirty = true;
        let mut shown_second = i64::MIN;
        loop {
            let t = follower.now();
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            if follower.check() {
                dirty = true;
            }
            if pages.check() {
                dirty = true;
            }
            let second = t.timestamp();
            if dirty || second != shown_second {
                let notice = follower.notice(opts.lang);
                terminal.draw(|frame| {
                    let area = frame.area();
                    let session = follower.session();
                    view::draw_stage(frame.buffer_mut(), area, session, opts, pages.page(), t);
                    if let Some(line) = &notice {
                        view::draw_notice(frame.buffer_mut(), area, line, opts.ambiguous);
                    }
                })?;
                dirty = false;
                shown_second = second;
            }
            // Wake for the next file check, or sooner when the shown second ticks over.
            let to_next_second = 1000 - t.timestamp_subsec_millis() as u64;
            let wait = Duration::from_millis(to_next_second).min(CHECK_EVERY);
            if event::poll(wait)? {
                match event::read()? {
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                        match k.code {
                            KeyCode::Char('q' | 'Q') | KeyCode::Esc => return Ok(()),
                            KeyCode::Char('c' | 'C') if ctrl => return Ok(()),
                            _ => {}
                        }
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            }
        }
    })();
    done.store(true, Ordering::SeqCst);
    ratatui::restore();
    result
}
