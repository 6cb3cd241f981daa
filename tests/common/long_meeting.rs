//! A simulated 8-hour meeting, driven through `store::Writer` with a fake clock: 300 units,
//! 20 reviewers × 5 criteria, 5,000 remarks and 30,000 scores (every cell of every sheet).
//!
//! Shared by `tests/long_meeting.rs` (what must hold at the end) and
//! `benches/long_meeting.rs` (how long it takes, how much memory it needs), so both measure
//! the same meeting.
//!
//! Each unit has 96 s (300 × 96 s = 8 h): the talk starts at 0 s; its remarks come one by
//! one between 5 s and 75 s (every tenth is a task); its 100 score cells are typed one by one
//! between 76 s and 94 s, as on the score sheet (one `SetScores` per cell); `Next` ends the
//! talk at 95 s. The talk limit is 90 s, so every talk runs 5 s over (inside the 10-s grace).
//! The store's snapshot timer runs as the console's loop runs it: before each command,
//! `tick` is called at the moment a snapshot fell due, if one did.
#![allow(dead_code)]

use chrono::{DateTime, Duration};
use podium::planfile;
use podium::session::{Command, RemarkKind, ScoreEntry, Time};
use podium::store::Writer;
use podium::strings::Lang;
use std::time::{Duration as StdDuration, Instant};

pub const UNITS: usize = 300;
pub const REVIEWERS: usize = 20;
pub const CRITERIA: [&str; 5] = ["明职责", "对目标", "争一流", "抓落实", "优作风"];
/// Each criterion's maximum, in points.
pub const CRITERION_MAX: i64 = 20;
pub const REMARKS: usize = 5_000;
pub const SCORES: usize = UNITS * REVIEWERS * CRITERIA.len();
/// Seconds of meeting per unit: 300 × 96 s = 8 h.
pub const UNIT_SECONDS: i64 = 96;
/// When, within its 96 s, a unit's talk ends (`Next`).
pub const TALK_SECONDS: i64 = 95;
/// The planned talk limit, in seconds.
pub const LIMIT_SECONDS: i64 = 90;

const DEPARTMENTS: [&str; 12] = [
    "财政局",
    "发改局",
    "交通运输局",
    "应急管理局",
    "税务局",
    "人社局",
    "住建局",
    "自然资源局",
    "生态环境局",
    "教育局",
    "卫健委",
    "街道办事处",
];

const PHRASES: [&str; 8] = [
    "职责清晰，目标明确，举措有力；下一步要把税源培育落到具体项目上。",
    "建议把 2026 年目标细化到季度，Q3 前完成 12 个重点项目的前期工作。",
    "数据要实，问题要准，请会后一周内报送整改清单。",
    "对标一流还不够具体，要找准差距，拿出追赶的时间表和路线图。",
    "基层治理的经验值得推广，但要注意台账不能代替实效。",
    "安全生产责任要压实到岗位，汛期前完成隐患排查。",
    "就业数据和技能培训要衔接起来，培训后的就业率要跟踪。",
    "重大项目要盯紧资金和土地两个要素，防止“开工即停工”。",
];

/// 2026-05-30 09:00:00 +08:00.
pub fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
}

pub fn at_ms(ms: i64) -> Time {
    t0() + Duration::milliseconds(ms)
}

pub fn unit_name(i: usize) -> String {
    format!("第{:03}号·{}", i + 1, DEPARTMENTS[i % DEPARTMENTS.len()])
}

pub fn reviewer_name(r: usize) -> String {
    let group = if r < REVIEWERS / 2 {
        "领导"
    } else {
        "代表"
    };
    format!("{group}评委{:02}", r + 1)
}

/// The plan: 300 units with a 1.5-minute limit, 20 reviewers in two groups, five criteria of
/// 20 points, trimming one high and one low total per group.
pub fn plan_json() -> String {
    let units: Vec<serde_json::Value> = (0..UNITS)
        .map(|i| {
            serde_json::json!({
                "name": unit_name(i),
                "presenter": "党组书记",
                "role": "局长",
                "topic": format!("第{}项重点工作推进情况", i + 1),
            })
        })
        .collect();
    let reviewers: Vec<serde_json::Value> = (0..REVIEWERS)
        .map(|r| {
            serde_json::json!({
                "name": reviewer_name(r),
                "group": if r < REVIEWERS / 2 { "领导" } else { "代表" },
            })
        })
        .collect();
    let criteria: Vec<serde_json::Value> = CRITERIA
        .iter()
        .map(|c| serde_json::json!({"name": c, "max": CRITERION_MAX}))
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "title": "全天工作汇报会（300 个单位）",
        "date": "2026-05-30",
        "start": "09:00",
        "talk_minutes": LIMIT_SECONDS as f64 / 60.0,
        "warn_seconds": 30,
        "units": units,
        "reviewers": reviewers,
        "scoring": {
            "mode": "points",
            "criteria": criteria,
            "step": 0.5,
            "groups": [{"name": "领导", "weight": 60}, {"name": "代表", "weight": 40}],
            "trim": 1,
            "decimals": 2,
            "overtime": {"grace_seconds": 10, "every_seconds": 30, "points": 0.5, "max_points": 2},
            "tie_break": ["group:领导", "untrimmed_mean", "less_overtime"]
        }
    }))
    .expect("the plan serialises")
}

pub fn plan() -> podium::plan::Plan {
    planfile::parse("long-meeting.json", &plan_json(), Lang::Zh)
        .unwrap_or_else(|e| panic!("the generated plan is valid: {e:?}"))
        .plan
}

/// Remark `k` (0-based, over the whole meeting): a unique, realistic Chinese text.
pub fn remark_text(k: usize) -> String {
    format!("（{}）{}", k + 1, PHRASES[k % PHRASES.len()])
}

/// How many remarks unit `i` gets: 5,000 spread as evenly as whole numbers allow.
pub fn remarks_of(i: usize) -> usize {
    REMARKS * (i + 1) / UNITS - REMARKS * i / UNITS
}

/// The score reviewer `r` gives unit `u` on criterion `c`, in ten-thousandths: 12 to 20
/// points on the 0.5 step, varied so that units rank apart.
pub fn score_of(u: usize, r: usize, c: usize) -> i64 {
    let halves = (u * 31 + r * 17 + c * 7 + u * u) % 17;
    (12 * 2 + halves as i64) * 5_000
}

/// One command of the meeting, at its moment.
pub struct Step {
    pub at: Time,
    pub command: Command,
}

/// The whole meeting as timed commands, in order.
pub fn schedule() -> Vec<Step> {
    let mut steps = Vec::with_capacity(UNITS * 120 + REMARKS + SCORES);
    let mut k = 0;
    for u in 0..UNITS {
        let base = u as i64 * UNIT_SECONDS * 1000;
        steps.push(Step {
            at: at_ms(base),
            command: Command::ToggleTalk,
        });
        let n = remarks_of(u);
        for j in 0..n {
            steps.push(Step {
                at: at_ms(base + 5_000 + (j as i64 * 70_000) / n as i64),
                command: Command::AddRemark {
                    unit: Some(unit_name(u)),
                    reviewer: reviewer_name(k % REVIEWERS),
                    text: remark_text(k),
                    kind: if k % 10 == 9 {
                        RemarkKind::Task
                    } else {
                        RemarkKind::Remark
                    },
                },
            });
            k += 1;
        }
        let cells = REVIEWERS * CRITERIA.len();
        for cell in 0..cells {
            let (r, c) = (cell / CRITERIA.len(), cell % CRITERIA.len());
            steps.push(Step {
                at: at_ms(base + 76_000 + (cell as i64 * 18_000) / cells as i64),
                command: Command::SetScores {
                    entries: vec![ScoreEntry {
                        unit: unit_name(u),
                        reviewer: reviewer_name(r),
                        criterion: CRITERIA[c].to_string(),
                        value: score_of(u, r, c),
                    }],
                },
            });
        }
        steps.push(Step {
            at: at_ms(base + TALK_SECONDS * 1000),
            command: Command::Next,
        });
    }
    steps.push(Step {
        at: at_ms(UNITS as i64 * UNIT_SECONDS * 1000),
        command: Command::EndMeeting,
    });
    steps
}

/// How many commands the meeting has.
pub fn schedule_len() -> usize {
    UNITS * 2 + REMARKS + SCORES + 1
}

/// What the simulation saw.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub commands: usize,
    pub snapshots: usize,
    /// The largest the journal file grew between two snapshots, in bytes.
    pub max_journal_bytes: u64,
    /// The most events the journal held between two snapshots.
    pub max_journal_events: usize,
    /// The session file's size after the last snapshot, in bytes.
    pub session_bytes: u64,
    /// Bytes written by all the snapshots together (each rewrites the whole session).
    pub snapshot_bytes: u64,
    /// Wall time spent in `Writer::execute` (decide, journal append, fold; the unit-change
    /// snapshots included).
    pub execute_time: StdDuration,
    /// Wall time spent in `Writer::tick` (the 2-s snapshots).
    pub tick_time: StdDuration,
    /// The slowest single `execute` or `tick`: how long the console would not answer a key.
    pub slowest_call: StdDuration,
    /// The last moment of the fake clock.
    pub end: Option<Time>,
}

/// When the simulation lets the store's snapshot timer run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// As the console's loop does: `tick` at every moment a snapshot falls due (within 2 s of
    /// any event), about 8,000 snapshots of a session growing to 10 MB.
    Console,
    /// Only the snapshots every unit change writes by itself (300) and the last one, through
    /// `tick`: the journal holds at most one unit's events.
    Units,
}

/// Runs the whole meeting on `w` (a writer of a new session of `plan()`), with the
/// snapshot timer ticking at `cadence`. `progress` is called after every command with the
/// writer and the command's index.
pub fn run(w: &mut Writer, cadence: Cadence, mut progress: impl FnMut(&Writer, usize)) -> Stats {
    let journal = w.paths().journal.clone();
    let session = w.paths().session.clone();
    let file_len = |path: &std::path::Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let mut stats = Stats::default();
    let mut journal_events = 0usize;
    for (i, step) in schedule().into_iter().enumerate() {
        // The console wakes when a snapshot falls due and writes it before the next key.
        if let Some(due) = w.snapshot_due()
            && due <= step.at
            && cadence == Cadence::Console
        {
            let started = Instant::now();
            let wrote = w.tick(due).expect("the snapshot is written");
            let took = started.elapsed();
            stats.tick_time += took;
            stats.slowest_call = stats.slowest_call.max(took);
            if wrote {
                stats.snapshots += 1;
                stats.snapshot_bytes += file_len(&session);
                journal_events = 0;
            }
        }
        let started = Instant::now();
        let events = w
            .execute(&step.command, step.at)
            .unwrap_or_else(|e| panic!("command {i} ({:?}): {e}", step.command));
        let took = started.elapsed();
        stats.execute_time += took;
        stats.slowest_call = stats.slowest_call.max(took);
        stats.commands += 1;
        if events
            .iter()
            .any(|e| matches!(e.kind, podium::session::EventKind::CurrentChanged { .. }))
        {
            // A unit change writes the snapshot at once.
            stats.snapshots += 1;
            stats.snapshot_bytes += file_len(&session);
            journal_events = 0;
        } else {
            journal_events += events.len();
        }
        stats.max_journal_events = stats.max_journal_events.max(journal_events);
        stats.max_journal_bytes = stats.max_journal_bytes.max(file_len(&journal));
        stats.end = Some(step.at);
        progress(w, i);
    }
    // The last snapshot, when it falls due.
    let end = w
        .snapshot_due()
        .or(stats.end)
        .expect("the meeting had commands");
    if w.tick(end).expect("the last snapshot") {
        stats.snapshots += 1;
        stats.snapshot_bytes += file_len(&session);
    }
    stats.end = Some(end);
    stats.session_bytes = file_len(&session);
    stats
}

/// A disk that writes like the real one but never waits for the device: every file operation
/// happens (journal lines, temp file, rename, truncation), only the flushes are left out. For
/// a simulation about volume, not durability (the crash campaign and `tests/store.rs` test
/// the flushes), so that 36,000 appends do not take 36,000 device flushes.
pub struct NoSyncDisk;

impl podium::store::Disk for NoSyncDisk {
    fn append(&mut self, journal: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write;
        journal.write_all(bytes)
    }

    fn replace(
        &mut self,
        path: &std::path::Path,
        temp: &std::path::Path,
        bytes: &[u8],
    ) -> std::io::Result<()> {
        std::fs::write(temp, bytes)?;
        std::fs::rename(temp, path)
    }

    fn truncate(&mut self, journal: &mut std::fs::File) -> std::io::Result<()> {
        journal.set_len(0)
    }
}
