//! When the screen must next change, and the one tick the screen follows while a talk runs.
//!
//! The loop draws only when something visible changes. While a talk runs, two clocks would
//! tick on screen at different moments: the talk timer (the talk's start plus whole seconds)
//! and the header's clock (whole seconds of the wall clock, and the meeting's elapsed time).
//! Drawn each on its own tick, the screen would change about twice a second. So while a talk
//! runs the header follows the talk timer's tick (`shown`): its clock is then at most one
//! second late, and a running talk costs one frame a second.

use super::{Console, import::IMPORT_POLL_MS, notice::BANNER_SECONDS};
use crate::session::Time;
use crate::timer;
use chrono::Duration;

impl Console {
    /// How far past the talk timer's last tick the console's time `now` is (zero when no talk
    /// runs): what the header holds back so that it changes on the same tick.
    pub fn tick_lag(&self, now: Time) -> Duration {
        let session = self.session();
        let now = session.clock(now);
        match session.state().running_unit() {
            Some(unit) => {
                let r = timer::read(unit, session.plan().warn_seconds(), now);
                let lag = r.elapsed_ms.rem_euclid(1000);
                // Never further back than the moment the talk (re)started: the header showed
                // whole seconds up to then, and must not step back when a talk resumes.
                let since = unit
                    .talk
                    .running_since
                    .map_or(lag, |s| (now - s).num_milliseconds().max(0));
                Duration::milliseconds(lag.min(since))
            }
            None => Duration::zero(),
        }
    }

    /// The time the header counts with (the meeting's elapsed time, its projected end): the
    /// talk timer's last tick while a talk runs, else `now`.
    pub fn shown(&self, now: Time) -> Time {
        now - self.tick_lag(now)
    }

    /// The wall clock the header shows: `wall_time`, held back to the talk timer's last tick
    /// while a talk runs (so at most one second late).
    pub fn header_clock(&self, now: Time) -> Time {
        self.wall_time(now) - self.tick_lag(now)
    }

    /// The moment the screen or the store next needs attention, if any.
    pub fn next_wake(&self, now: Time) -> Option<Time> {
        let mut wake: Vec<Time> = Vec::new();
        let now = self.session().clock(now);
        // A score file being read: look again soon whether it is done.
        if self.import_job.is_some() {
            wake.push(now + Duration::milliseconds(IMPORT_POLL_MS));
        }
        match self.session().state().running_unit() {
            // The talk timer, and the header with it (`shown`).
            Some(unit) => {
                let r = timer::read(unit, self.session().plan().warn_seconds(), now);
                wake.push(now + Duration::milliseconds(timer::ms_to_next_change(&r)));
            }
            // The clock on screen shows seconds (of the wall clock).
            None => {
                let ms = self.wall_time(now).timestamp_subsec_millis() as i64;
                wake.push(now + Duration::milliseconds(1000 - ms));
            }
        }
        // A notice's end: it goes without a key press. A banner not yet shown ends
        // `BANNER_SECONDS` after the tick that shows it; an error banner stays.
        match &self.notice {
            Some(n) if n.stays() => {}
            Some(n) => wake.push(n.until.unwrap_or(now + Duration::seconds(BANNER_SECONDS))),
            None => {}
        }
        if let Some(due) = self.ledger.snapshot_due() {
            wake.push(due);
        }
        if let Some(due) = self.draft.due() {
            wake.push(due);
        }
        wake.into_iter().min()
    }
}
