//! The console's clock. Two clocks are read here, at the edge: the wall clock, which the clock
//! on screen shows, and a monotonic clock, which a step of the wall clock (an NTP correction,
//! a clock set by hand) does not move.
//!
//! The console's time — the `now` it gives the meeting, and so the `at` its events record — is
//! the wall clock's reading when the console started (or the last recorded event's time, when
//! that is later), counted on by the monotonic clock. Within a process it never steps back and
//! never jumps ahead, so a running talk always counts the time that really passed, and the
//! running time recorded on a pause or an end (`Event::elapsed_ms`) is the time measured.

use crate::session::Time;
use chrono::TimeDelta;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where the console's readings come from.
pub trait Source: Send {
    /// The wall clock, local time.
    fn wall(&self) -> Time;
    /// A monotonic clock: the time since some fixed moment, never stepping.
    fn monotonic(&self) -> Duration;
}

/// The machine's clocks.
pub struct System {
    start: Instant,
}

impl System {
    pub fn new() -> System {
        System {
            start: Instant::now(),
        }
    }
}

impl Default for System {
    fn default() -> System {
        System::new()
    }
}

impl Source for System {
    fn wall(&self) -> Time {
        crate::wallclock::now()
    }

    fn monotonic(&self) -> Duration {
        self.start.elapsed()
    }
}

/// Clocks moved by hand (tests): time passing moves both, a step of the wall clock only the
/// wall clock. Clones share their readings.
#[derive(Debug, Clone)]
pub struct Manual {
    readings: Arc<Mutex<(Time, Duration)>>,
}

impl Manual {
    /// Clocks whose wall clock reads `wall`.
    pub fn new(wall: Time) -> Manual {
        Manual {
            readings: Arc::new(Mutex::new((wall, Duration::ZERO))),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut (Time, Duration)) -> R) -> R {
        let mut readings = self
            .readings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut readings)
    }

    /// `ms` milliseconds pass: both clocks move on (a negative `ms` moves nothing).
    pub fn pass_ms(&self, ms: i64) {
        let ms = ms.max(0);
        self.with(|(wall, mono)| {
            *wall = wall
                .checked_add_signed(TimeDelta::milliseconds(ms))
                .unwrap_or(*wall);
            *mono += Duration::from_millis(ms.unsigned_abs());
        });
    }

    /// The wall clock is set to `wall`, ahead or back; no time passes.
    pub fn set_wall(&self, wall: Time) {
        self.with(|readings| readings.0 = wall);
    }
}

impl Source for Manual {
    fn wall(&self) -> Time {
        self.with(|readings| readings.0)
    }

    fn monotonic(&self) -> Duration {
        self.with(|readings| readings.1)
    }
}

/// The console's time: see the module's comment.
pub struct Clock {
    source: Box<dyn Source>,
    /// The console's time at the monotonic reading `origin_mono`.
    origin: Time,
    origin_mono: Duration,
}

impl Clock {
    /// Starts the console's time at the wall clock's reading, or at `not_before` (the last
    /// recorded event) when that is later: a clock that stepped back while podium was not
    /// running (or that ran ahead when the events were recorded) then adds no time to a talk
    /// still running, and takes none from it.
    pub fn new(source: Box<dyn Source>, not_before: Option<Time>) -> Clock {
        let wall = source.wall();
        let origin = match not_before {
            Some(last) if last > wall => last.with_timezone(wall.offset()),
            _ => wall,
        };
        let origin_mono = source.monotonic();
        Clock {
            source,
            origin,
            origin_mono,
        }
    }

    /// The console's time now, to the millisecond.
    pub fn now(&self) -> Time {
        let passed = self.source.monotonic().saturating_sub(self.origin_mono);
        let ms = i64::try_from(passed.as_millis()).unwrap_or(i64::MAX);
        TimeDelta::try_milliseconds(ms)
            .and_then(|d| self.origin.checked_add_signed(d))
            .unwrap_or(self.origin)
    }

    /// The wall clock now, for the clock on screen: the real time of day, even after a step.
    pub fn wall(&self) -> Time {
        self.source.wall()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn t(text: &str) -> Time {
        DateTime::parse_from_rfc3339(text).expect("a time")
    }

    #[test]
    fn steps_of_the_wall_clock_do_not_move_the_console_time() {
        let clocks = Manual::new(t("2026-05-30T09:00:00+08:00"));
        let clock = Clock::new(Box::new(clocks.clone()), None);
        clocks.pass_ms(1_500);
        assert_eq!(clock.now(), t("2026-05-30T09:00:01.500+08:00"));
        clocks.set_wall(t("2026-05-30T11:00:01.500+08:00"));
        assert_eq!(clock.now(), t("2026-05-30T09:00:01.500+08:00"));
        assert_eq!(clock.wall(), t("2026-05-30T11:00:01.500+08:00"));
        clocks.set_wall(t("2026-05-30T08:00:00+08:00"));
        clocks.pass_ms(5_000);
        assert_eq!(clock.now(), t("2026-05-30T09:00:06.500+08:00"));
        assert_eq!(clock.wall(), t("2026-05-30T08:00:05+08:00"));
    }

    #[test]
    fn the_console_time_starts_no_earlier_than_the_last_event() {
        let clocks = Manual::new(t("2026-05-30T09:00:00+08:00"));
        let clock = Clock::new(
            Box::new(clocks.clone()),
            Some(t("2026-05-30T03:00:10Z")), // 11:00:10 +08:00
        );
        assert_eq!(clock.now(), t("2026-05-30T11:00:10+08:00"));
        assert_eq!(
            clock.now().offset(),
            t("2026-05-30T09:00:00+08:00").offset()
        );
        clocks.pass_ms(2_000);
        assert_eq!(clock.now(), t("2026-05-30T11:00:12+08:00"));
        let later = Clock::new(Box::new(clocks), Some(t("2026-05-30T08:00:00+08:00")));
        assert_eq!(later.now(), t("2026-05-30T09:00:02+08:00"));
    }
}
