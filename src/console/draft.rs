//! The draft timer: text typed in the remark editor is written within half a second, and
//! until then a watchdog (`tui::run`) holds it, to write it if the loop is stuck after a
//! signal. The editor itself is a screen's: it hands its draft (JSON) here.

use super::Console;
use crate::session::Time;
use chrono::Duration;
use std::sync::{Arc, Mutex};

/// How long typed text waits before it is written as the draft.
pub(super) const DRAFT_DELAY_MS: i64 = 500;

#[derive(Default)]
pub(super) struct DraftTimer {
    /// Since when text typed has not been written.
    pub(super) dirty_since: Option<Time>,
    /// The draft typed since it was last written (JSON), for the watchdog.
    unwritten: Arc<Mutex<Option<String>>>,
}

impl DraftTimer {
    pub(super) fn unwritten(&self) -> Arc<Mutex<Option<String>>> {
        self.unwritten.clone()
    }

    fn set_unwritten(&self, text: Option<String>) {
        let mut slot = match self.unwritten.lock() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        *slot = text;
    }

    /// When the draft typed is due to be written.
    pub(super) fn due(&self) -> Option<Time> {
        self.dirty_since
            .map(|since| since + Duration::milliseconds(DRAFT_DELAY_MS))
    }
}

impl Console {
    /// Text was typed (`draft` is the editor's draft, JSON): it is written within half a
    /// second (`draft_due`), and until then the watchdog has it.
    pub fn typed(&mut self, draft: Option<String>, now: Time) {
        self.draft.dirty_since.get_or_insert(now);
        self.draft.set_unwritten(draft);
    }

    /// True when text typed is due to be written (`write_draft`).
    pub fn draft_due(&self, now: Time) -> bool {
        self.draft.due().is_some_and(|due| now >= due)
    }

    /// Writes the editor's draft now (`None`: no editor, nothing to write).
    pub fn write_draft(&mut self, draft: Option<String>) {
        self.draft.dirty_since = None;
        if let Some(text) = draft {
            let _ = self.ledger.write_draft(&text);
        }
        self.draft.set_unwritten(None);
    }

    /// The editor closed (saved, or cancelled by the host): no draft is kept.
    pub fn drop_draft(&mut self) {
        self.draft.dirty_since = None;
        self.draft.set_unwritten(None);
        self.ledger.clear_draft();
    }

    /// The draft written by an earlier run, if any.
    pub fn read_draft(&self) -> Option<String> {
        self.ledger.read_draft()
    }
}
