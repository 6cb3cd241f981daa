//! The sessions of one plan: `plan.session.json` and the dated ones that `podium run PLAN
//! --new` makes beside it (`plan-YYYYMMDD-HHMMSS[-N].session.json`). Which of them is the
//! meeting a command means: the most recently changed one, with a doubt when it has ended or
//! has not changed for more than `STALE_HOURS` (docs/SESSIONS.md).
//!
//! Names are pure functions; `list` reads the folder and each session (read-only, no lock).
//! Time is an input: the caller passes `now`.

use crate::session::{Session, Status, Time};
use crate::store;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A session whose last change is older than this many hours is asked about before it is
/// resumed (or refused as ambiguous where nobody can be asked).
pub const STALE_HOURS: i64 = 12;

/// A session whose last change is more than this many minutes after now was recorded with a
/// clock that was ahead (or this computer's is behind): it would stay the newest whatever is
/// run later, so it is asked about too.
pub const FUTURE_MINUTES: i64 = 10;

/// `-YYYYMMDD-HHMMSS` or `-YYYYMMDD-HHMMSS-N` at the end of a stem (after at least one
/// character), as `--new` writes it: the length of that suffix, or `None`.
fn stamp_len(stem: &str) -> Option<usize> {
    let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    let stamped = |s: &str| {
        let b = s.as_bytes();
        let n = b.len();
        n > 16
            && b[n - 16] == b'-'
            && b[n - 7] == b'-'
            && digits(&b[n - 15..n - 7])
            && digits(&b[n - 6..])
    };
    if stamped(stem) {
        return Some(16);
    }
    let (head, n) = stem.rsplit_once('-')?;
    ((1..=5).contains(&n.len()) && digits(n.as_bytes()) && stamped(head)).then_some(n.len() + 17)
}

/// The stem without the date and time `--new` added: `plan-20261204-213413-2` → `plan`;
/// any other stem as it is.
pub fn without_stamp(stem: &str) -> &str {
    match stamp_len(stem) {
        Some(len) => &stem[..stem.len() - len],
        None => stem,
    }
}

/// Whether `name` is the file name of a session of the plan whose stem is `stem`:
/// `STEM.session.json` or `STEM-YYYYMMDD-HHMMSS[-N].session.json`, nothing else
/// (`STEMx.session.json` and `STEM-notes.session.json` belong to other plans).
pub fn is_session_name(stem: &str, name: &str) -> bool {
    let Some(rest) = name.strip_suffix(".session.json") else {
        return false;
    };
    if rest == stem {
        return true;
    }
    rest.strip_prefix(stem)
        .and_then(|tail| tail.strip_prefix('-'))
        .is_some_and(|_| stamp_len(rest).is_some() && without_stamp(rest) == stem)
}

/// The stem of the plan a file belongs to: `plan.json` → `plan`, `plan.session.json` and
/// `plan-20261204-213413.session.json` → `plan`.
pub fn plan_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(stem) = name.strip_suffix(".session.json") {
        return without_stamp(stem).to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(name)
}

/// `plan.session.json` beside the plan: the first session of a plan.
pub fn first_session(plan: &Path) -> PathBuf {
    plan.with_file_name(format!("{}.session.json", plan_stem(plan)))
}

/// What a session holds, for a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    pub done: usize,
    pub total: usize,
    pub remarks: usize,
    /// Units with at least one score or grade ballot.
    pub scored: usize,
    pub ended: bool,
    /// No talk started, nothing recorded.
    pub untouched: bool,
    pub events: usize,
}

impl Summary {
    pub fn of(session: &Session) -> Summary {
        let st = session.state();
        let scored =
            st.units
                .iter()
                .filter(|u| {
                    let points = st.scores.points.get(&u.name).is_some_and(|by| {
                        by.values().any(|values| values.iter().any(|v| v.is_some()))
                    });
                    let ballots = st
                        .scores
                        .grades
                        .get(&u.name)
                        .is_some_and(|b| b.iter().any(|n| *n > 0));
                    points || ballots
                })
                .count();
        Summary {
            title: session.plan().title.clone(),
            done: st
                .units
                .iter()
                .filter(|u| u.status() == Status::Done)
                .count(),
            total: st.units.len(),
            remarks: st.remarks.len(),
            scored,
            ended: st.is_ended(),
            untouched: session.events().is_empty(),
            events: session.events().len(),
        }
    }
}

/// One session of a plan, as found on disk.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// The file name.
    pub name: String,
    /// The last change: the time of its last event, or for a session without events the
    /// newer modification time of the session file and its journal.
    pub changed: Option<Time>,
    /// What it holds, or why it cannot be read.
    pub summary: Result<Summary, String>,
}

/// The last change of a session: its last event's time, else the newer of the files' times.
pub fn last_change(last_event: Option<Time>, modified: &[Option<SystemTime>]) -> Option<Time> {
    last_event.or_else(|| {
        modified
            .iter()
            .flatten()
            .max()
            .map(|t| chrono::DateTime::<chrono::Local>::from(*t).fixed_offset())
    })
}

/// Newest first (by last change; those without one last), then by name, newest name first.
pub fn sort_newest_first(found: &mut [Found]) {
    found.sort_by(|a, b| b.changed.cmp(&a.changed).then_with(|| b.name.cmp(&a.name)));
}

/// The sessions of the plan at `plan` (which need not exist any more), newest first. A
/// session that cannot be read is listed with the reason.
pub fn list(plan: &Path) -> Result<Vec<Found>, String> {
    let stem = plan_stem(plan);
    let dir = match plan.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_session_name(&stem, &name) {
            continue;
        }
        let path = plan.with_file_name(&name);
        // A folder named like a session is none; a file with a session's name that cannot be
        // read (its permissions, not text) is listed with the reason rather than passed over:
        // passed over, an older session would be taken for the newest without a word.
        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        let paths = store::Paths::of(&path);
        let modified = [&paths.session, &paths.journal]
            .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        match std::fs::read_to_string(&path) {
            Ok(text) if !store::is_session_text(&text) => continue,
            Ok(_) => {}
            Err(e) => {
                found.push(Found {
                    path,
                    name,
                    changed: last_change(None, &modified),
                    summary: Err(e.to_string()),
                });
                continue;
            }
        }
        let (changed, summary) = match store::read(&path) {
            Ok(session) => (
                last_change(session.last_at(), &modified),
                Ok(Summary::of(&session)),
            ),
            Err(e) => (last_change(None, &modified), Err(e.to_string())),
        };
        found.push(Found {
            path,
            name,
            changed,
            summary,
        });
    }
    sort_newest_first(&mut found);
    Ok(found)
}

/// Why a session might not be the one meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    Ended,
    /// Its last change is more than `STALE_HOURS` old (the hours since).
    Stale(i64),
    /// Its last change is more than `FUTURE_MINUTES` after now: a clock was wrong.
    Future,
}

/// Whether a session might not be the one meant at `now`: it has ended, or it has not
/// changed for more than `STALE_HOURS`, or its last change is in the future (more than
/// `FUTURE_MINUTES` ahead: such a session would otherwise be resumed in place of every newer
/// one). A session that cannot be read raises no doubt (opening it says what is wrong).
pub fn doubt(found: &Found, now: Time) -> Option<Doubt> {
    let summary = found.summary.as_ref().ok()?;
    if summary.ended {
        return Some(Doubt::Ended);
    }
    let changed = found.changed?;
    if changed - now > chrono::Duration::minutes(FUTURE_MINUTES) {
        return Some(Doubt::Future);
    }
    let hours = (now - changed).num_hours();
    (now - changed > chrono::Duration::hours(STALE_HOURS)).then_some(Doubt::Stale(hours))
}

/// Which session of a plan a command means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meant {
    /// The plan has no session yet.
    None,
    /// The newest session (by index into the list), without a doubt.
    Newest(usize),
    /// The newest session, with a doubt: ask before using it.
    Doubtful(usize, Doubt),
}

/// The session meant, from a list sorted newest first.
pub fn meant(found: &[Found], now: Time) -> Meant {
    match found.first() {
        None => Meant::None,
        Some(newest) => match doubt(newest, now) {
            None => Meant::Newest(0),
            Some(d) => Meant::Doubtful(0, d),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};

    fn at(s: &str) -> Time {
        DateTime::<FixedOffset>::parse_from_rfc3339(s).unwrap()
    }

    fn found(name: &str, changed: &str, ended: bool) -> Found {
        Found {
            path: PathBuf::from(name),
            name: name.into(),
            changed: Some(at(changed)),
            summary: Ok(Summary {
                title: "t".into(),
                done: 0,
                total: 3,
                remarks: 0,
                scored: 0,
                ended,
                untouched: false,
                events: 1,
            }),
        }
    }

    #[test]
    fn only_the_plans_own_sessions_are_its_sessions() {
        for name in [
            "a.session.json",
            "a-20261204-213413.session.json",
            "a-20261204-213413-2.session.json",
            "a-20261204-213413-17.session.json",
        ] {
            assert!(is_session_name("a", name), "{name}");
        }
        for name in [
            "ab.session.json",
            "a-notes.session.json",
            "a-20261204.session.json",
            "a-2026120-213413.session.json",
            "a-20261204-21341.session.json",
            "a-20261204-213413-x.session.json",
            "a-20261204-213413-2-3.session.json",
            "a-b-20261204-213413.session.json",
            "a.session.journal",
            "a.json",
            "a-20261204-213413.json",
            "b.session.json",
            ".a.session.json.tmp",
        ] {
            assert!(!is_session_name("a", name), "{name}");
        }
        // A plan whose own name has dashes and digits.
        assert!(is_session_name(
            "q3-2026",
            "q3-2026-20261204-213413.session.json"
        ));
        assert!(!is_session_name(
            "q3",
            "q3-2026-20261204-213413.session.json"
        ));
    }

    #[test]
    fn the_stamp_comes_off_the_stem_and_only_the_stamp() {
        assert_eq!(without_stamp("plan-20261204-213413"), "plan");
        assert_eq!(without_stamp("plan-20261204-213413-2"), "plan");
        assert_eq!(without_stamp("plan"), "plan");
        assert_eq!(without_stamp("plan-notes"), "plan-notes");
        assert_eq!(without_stamp("20261204-213413"), "20261204-213413");
        assert_eq!(without_stamp("会议-20261204-213413"), "会议");
        assert_eq!(
            plan_stem(Path::new("d/plan-20261204-213413.session.json")),
            "plan"
        );
        assert_eq!(plan_stem(Path::new("d/plan.session.json")), "plan");
        assert_eq!(plan_stem(Path::new("d/plan.json")), "plan");
        assert_eq!(
            first_session(Path::new("d/plan.json")),
            Path::new("d/plan.session.json")
        );
    }

    #[test]
    fn the_newest_by_change_comes_first_whatever_the_names() {
        let mut list = vec![
            found("a.session.json", "2026-12-05T09:00:00+08:00", false),
            found(
                "a-20261204-213413.session.json",
                "2026-12-04T22:00:00+08:00",
                false,
            ),
            found(
                "a-20261205-080000.session.json",
                "2026-12-05T08:00:00+08:00",
                false,
            ),
        ];
        sort_newest_first(&mut list);
        let names: Vec<&str> = list.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "a.session.json",
                "a-20261205-080000.session.json",
                "a-20261204-213413.session.json"
            ]
        );
        // Times in other offsets compare as instants.
        let mut list = vec![
            found("a.session.json", "2026-12-05T09:00:00+08:00", false),
            found(
                "a-20261205-080000.session.json",
                "2026-12-05T02:00:00+00:00",
                false,
            ),
        ];
        sort_newest_first(&mut list);
        assert_eq!(list[0].name, "a-20261205-080000.session.json");
    }

    #[test]
    fn ended_or_older_than_twelve_hours_is_in_doubt() {
        let now = at("2026-12-05T10:00:00+08:00");
        let fresh = found("a.session.json", "2026-12-05T09:00:00+08:00", false);
        assert_eq!(doubt(&fresh, now), None);
        assert_eq!(meant(std::slice::from_ref(&fresh), now), Meant::Newest(0));
        let just = found("a.session.json", "2026-12-04T22:00:00+08:00", false);
        assert_eq!(doubt(&just, now), None, "exactly 12 hours is not stale");
        let stale = found("a.session.json", "2026-12-04T21:59:00+08:00", false);
        assert_eq!(doubt(&stale, now), Some(Doubt::Stale(12)));
        let old = found("a.session.json", "2026-12-01T10:00:00+08:00", false);
        assert_eq!(doubt(&old, now), Some(Doubt::Stale(96)));
        let ended = found("a.session.json", "2026-12-05T09:59:00+08:00", true);
        assert_eq!(doubt(&ended, now), Some(Doubt::Ended));
        assert_eq!(
            meant(&[ended, fresh], now),
            Meant::Doubtful(0, Doubt::Ended)
        );
        assert_eq!(meant(&[], now), Meant::None);
        // A clock that was ahead: in doubt beyond a few minutes.
        let ahead = found("a.session.json", "2026-12-05T10:09:00+08:00", false);
        assert_eq!(doubt(&ahead, now), None);
        let future = found("a.session.json", "2026-12-06T10:00:00+08:00", false);
        assert_eq!(doubt(&future, now), Some(Doubt::Future));
        assert_eq!(
            meant(&[future, ahead], now),
            Meant::Doubtful(0, Doubt::Future)
        );
        let mut unreadable = found("a.session.json", "2026-12-01T10:00:00+08:00", true);
        unreadable.summary = Err("broken".into());
        assert_eq!(doubt(&unreadable, now), None);
    }

    #[test]
    fn a_file_named_like_a_session_that_cannot_be_read_is_listed_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.json");
        std::fs::write(&plan, r#"{"title":"T","units":[{"name":"A"}]}"#).unwrap();
        std::fs::write(dir.path().join("a.session.json"), b"\xff\xfe not text").unwrap();
        std::fs::create_dir(dir.path().join("a-20261205-100000.session.json")).unwrap();
        let found = list(&plan).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "a.session.json");
        assert!(found[0].summary.is_err(), "{found:?}");
        assert!(found[0].changed.is_some());
    }

    #[test]
    fn the_last_event_wins_over_the_files_times() {
        let event = at("2026-12-04T21:00:00+08:00");
        let later = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(2_000_000_000);
        assert_eq!(last_change(Some(event), &[Some(later)]), Some(event));
        let earlier = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
        let t = last_change(None, &[Some(earlier), Some(later), None]).unwrap();
        assert_eq!(t.timestamp(), 2_000_000_000);
        assert_eq!(last_change(None, &[None, None]), None);
    }
}
