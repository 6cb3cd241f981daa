//! The talk timer: which phase a talk is in at `now`, and what the countdown shows.
//! Pure: the time is passed in.

use crate::session::{Time, UnitState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// More than the warning time left.
    Normal,
    /// Within `warn_seconds` of the limit (yellow).
    Warning,
    /// The limit reached, the display at 00:00 (red).
    TimeUp,
    /// Past the limit by at least a second, counting up (red, blinking).
    Overtime,
    /// An item that does not count down (a speech, the comments; a written item, which is
    /// never started): the time so far, counting up, never a warning or overtime.
    Elapsed,
}

/// What the countdown shows at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub phase: Phase,
    /// Seconds left, rounded up (so a fresh 8-minute talk shows 08:00); 0 once the limit is reached.
    pub remaining: i64,
    /// Whole seconds past the limit.
    pub overtime: i64,
    pub elapsed_ms: i64,
    pub limit: i64,
}

impl Reading {
    /// Share of the limit used, 0.0..=1.0.
    pub fn progress(&self) -> f64 {
        let limit_ms = (self.limit * 1000).max(1) as f64;
        (self.elapsed_ms as f64 / limit_ms).clamp(0.0, 1.0)
    }

    /// `mm:ss`, `h:mm:ss` from an hour on, and `+mm:ss` in overtime; the time so far for an
    /// item that does not count down.
    pub fn text(&self) -> String {
        match self.phase {
            Phase::Overtime => format!("+{}", clock_text(self.overtime)),
            Phase::Elapsed => clock_text(self.elapsed_ms.div_euclid(1000)),
            _ => clock_text(self.remaining),
        }
    }
}

pub fn read(unit: &UnitState, warn_seconds: i64, now: Time) -> Reading {
    let limit = unit.limit_seconds();
    let elapsed_ms = unit.talk.elapsed_ms(now);
    if !unit.kind.counts_down() {
        return Reading {
            phase: Phase::Elapsed,
            remaining: 0,
            overtime: 0,
            elapsed_ms,
            limit,
        };
    }
    let remaining_ms = limit * 1000 - elapsed_ms;
    let remaining = if remaining_ms > 0 {
        (remaining_ms + 999) / 1000
    } else {
        0
    };
    let overtime = (-remaining_ms).max(0) / 1000;
    let phase = if remaining_ms > 0 {
        if remaining <= warn_seconds {
            Phase::Warning
        } else {
            Phase::Normal
        }
    } else if overtime >= 1 {
        Phase::Overtime
    } else {
        Phase::TimeUp
    };
    Reading {
        phase,
        remaining,
        overtime,
        elapsed_ms,
        limit,
    }
}

/// Milliseconds until the shown reading of a running talk next changes (the second ticks over).
pub fn ms_to_next_change(reading: &Reading) -> i64 {
    let into_second = reading.elapsed_ms.rem_euclid(1000);
    1000 - into_second
}

/// `mm:ss` below an hour, `h:mm:ss` from an hour on.
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Talk, UnitState};
    use chrono::{DateTime, Duration};

    fn t0() -> Time {
        DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
    }

    fn running(limit: i64) -> UnitState {
        UnitState {
            name: "市财政局".into(),
            kind: crate::plan::UnitKind::Report,
            presenter: None,
            role: None,
            topic: None,
            planned_seconds: limit,
            adjust_seconds: 0,
            skipped: false,
            late: false,
            talk: Talk {
                started_at: Some(t0()),
                ended_at: None,
                running_since: Some(t0()),
                accumulated_ms: 0,
            },
        }
    }

    #[test]
    fn phases_follow_the_limit() {
        let u = running(480);
        let at = |ms: i64| read(&u, 60, t0() + Duration::milliseconds(ms));
        assert_eq!((at(0).phase, at(0).text()), (Phase::Normal, "08:00".into()));
        assert_eq!(at(419_999).phase, Phase::Normal);
        assert_eq!(
            (at(420_000).phase, at(420_000).text()),
            (Phase::Warning, "01:00".into())
        );
        assert_eq!(
            (at(479_999).phase, at(479_999).text()),
            (Phase::Warning, "00:01".into())
        );
        assert_eq!(
            (at(480_000).phase, at(480_000).text()),
            (Phase::TimeUp, "00:00".into())
        );
        assert_eq!(
            (at(481_000).phase, at(481_000).text()),
            (Phase::Overtime, "+00:01".into())
        );
        assert_eq!(at(480_000 + 366_500).text(), "+06:06");
    }

    #[test]
    fn hours_show_when_needed() {
        assert_eq!(clock_text(3599), "59:59");
        assert_eq!(clock_text(3600), "1:00:00");
        assert_eq!(clock_text(36000), "10:00:00");
    }

    #[test]
    fn a_clock_stepping_back_counts_no_negative_time() {
        let u = running(480);
        let r = read(&u, 60, t0() - Duration::seconds(30));
        assert_eq!(r.elapsed_ms, 0);
        assert_eq!(r.text(), "08:00");
    }
}
