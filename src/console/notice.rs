//! Notices: one line under the screen, for a few seconds.
//!
//! How long a notice stays: what just happened ("Undone: …", an export, a refusal) stays
//! `NOTICE_SECONDS`; a banner (what was resumed at start, a key file's problems, a score file
//! being read) stays `BANNER_SECONDS` from the moment the console first shows it; an error
//! banner (saving failed) stays until saving works again or another notice takes its place,
//! since it needs the host to act. The console wakes at a notice's end (`next_wake`), so it
//! goes without a key press.

use crate::session::Time;
use std::path::Path;

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
    /// When it goes; `None` for a banner not shown yet (its time starts at the console's
    /// next tick) and for an error banner, which stays until the next notice.
    pub until: Option<Time>,
}

/// How long a notice stays.
pub(super) const NOTICE_SECONDS: i64 = 8;

/// How long a banner stays, from the moment it is first shown.
pub(super) const BANNER_SECONDS: i64 = 30;

impl Notice {
    pub fn expired(&self, now: Time) -> bool {
        self.until.is_some_and(|until| now >= until)
    }

    /// True for a notice that stays until the next one: an error banner (saving failed).
    pub fn stays(&self) -> bool {
        self.until.is_none() && self.level == Level::Error
    }
}

impl super::Console {
    /// A notice for `NOTICE_SECONDS`.
    pub fn notify(&mut self, text: String, level: Level, now: Time) {
        self.notice = Some(Notice {
            text,
            level,
            until: Some(now + chrono::Duration::seconds(NOTICE_SECONDS)),
        });
    }

    /// A longer notice (`BANNER_SECONDS` from the next tick, when it is first shown); at the
    /// level `Error`, one that stays until the next notice.
    pub fn banner(&mut self, text: String, level: Level) {
        self.notice = Some(Notice {
            text,
            level,
            until: None,
        });
    }

    /// Gives a banner just shown its end, and drops a notice whose time is over.
    pub(super) fn age_notice(&mut self, now: Time) {
        if let Some(n) = &mut self.notice
            && n.until.is_none()
            && n.level != Level::Error
        {
            n.until = Some(now + chrono::Duration::seconds(BANNER_SECONDS));
        }
        if self.notice.as_ref().is_some_and(|n| n.expired(now)) {
            self.notice = None;
        }
    }
}

/// A save error for the screen: the session's folder left out of the paths (the file names
/// stay), a path said twice in a row said once, and the OS error number dropped.
pub fn short_error(err: &str, session: &Path) -> String {
    let mut text = err.to_string();
    if let Some(dir) = session.parent().filter(|d| !d.as_os_str().is_empty()) {
        let prefix = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
        text = text.replace(&prefix, "");
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in text.split(": ") {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    let mut text = parts.join(": ");
    if let Some(at) = text.rfind(" (os error ")
        && text.ends_with(')')
    {
        text.truncate(at);
    }
    text
}
