//! Notices: one line under the screen, for a few seconds or until the next one.

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
    /// When it goes; `None` stays until the next notice (a banner).
    pub until: Option<Time>,
}

/// How long a notice stays.
pub(super) const NOTICE_SECONDS: i64 = 8;

impl Notice {
    pub fn expired(&self, now: Time) -> bool {
        self.until.is_some_and(|until| now >= until)
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

    /// A notice that stays until the next one.
    pub fn banner(&mut self, text: String, level: Level) {
        self.notice = Some(Notice {
            text,
            level,
            until: None,
        });
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
