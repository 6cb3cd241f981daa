//! The fixed clock of the tests: 2026-05-30 09:00:00 +08:00 (the demo plan's own start).

#![allow(dead_code)]

use chrono::{Duration, FixedOffset, TimeZone};
use podium::session::Time;

pub fn t0() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
}

/// `seconds` after `t0`.
pub fn at(seconds: i64) -> Time {
    t0() + Duration::seconds(seconds)
}
