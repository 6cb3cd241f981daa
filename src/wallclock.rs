//! The wall clock. Read here only, at the edges (the commands, the console loop, the network
//! threads' clock messages): the core takes the time as an argument, so that a test can give
//! it any time at all.

use crate::session::Time;

/// A source of the time now: `now` in the program, a fixed or stepped clock in a test.
pub type Clock = fn() -> Time;

/// The local wall-clock time, with its offset, to the millisecond.
pub fn now() -> Time {
    use chrono::DurationRound;
    let now = chrono::Local::now().fixed_offset();
    now.duration_trunc(chrono::Duration::milliseconds(1))
        .unwrap_or(now)
}
