//! The crash campaign: the real `podium` binary in a pseudo-terminal, driven through a
//! scripted meeting and killed with SIGKILL at random moments, relaunched each time.
//!
//! Each meeting works in its own temporary folder on a copy of `data/city-report.json`
//! (`podium run city-report.json --lang zh`, 100×30, LANG=zh_CN.UTF-8). The script is a
//! seeded random walk through a meeting: Space starts the current talk; `r`, Chinese text
//! (typed in one or two pieces) and Enter add a remark; `n` ends the talk and moves on; `u`
//! takes back the remark just added; `s`, a score, Tab and Esc score the first reviewer's first
//! criterion; and idle pauses of about 2 s let the snapshot timer fall due. Every keystroke
//! normally waits until its effect is on the screen. After a random number of keystrokes
//! (1–12) podium is killed 0–300 ms after the last one, without waiting for the screen; half
//! of the delays are drawn from the first 30 ms, where the keystroke's journal append is
//! still being written, and after `n` (whose unit change writes a snapshot at once) most
//! are drawn from the first 15 ms. An idle pause drawn for the kill ends just when the
//! snapshot falls due, 2 s after the last change, and the kill comes then. One relaunch in
//! eight is killed 0–300 ms after its launch, while podium replays the journal and writes its
//! recovery snapshot. So kills land between keystrokes, during journal appends, during
//! snapshots and during recovery.
//!
//! After every relaunch, with `store::read` while the console runs (readers take no lock):
//! - the session opens: the console shows the agenda;
//! - every remark acknowledged on screen before a kill (the remarks panel counted it) is in
//!   the session, exactly once; a remark whose undo was acknowledged is not; nothing else is;
//! - every talk start, talk end and score acknowledged on screen is there;
//! - a running talk's time is at least the wall time since its start (the downtime counts)
//!   and at most the real time since its start + 1 s, in the session and on the screen; an
//!   ended talk's time is within its start and end windows;
//! - the remarks panel counts the current unit's remarks as acknowledged.
//!
//! A keystroke whose effect was not yet on the screen at the kill may or may not have been
//! carried out; the session decides, and the campaign goes on from what it holds. When a
//! meeting has run through all seven units it is closed with `q`, `y` (a clean exit leaving
//! only the plan and the session file) and the next meeting starts.
//!
//! `cargo test` runs a short campaign: 5 kills. The long run:
//!
//! ```text
//! PODIUM_KILLS=200 cargo test --release --test crash_campaign -- --nocapture
//! ```
//!
//! (or `scripts/crash-campaign.sh`). `PODIUM_SEED` replays a seed (printed at the start);
//! the kills' exact moments still depend on the machine, so a seed reproduces the script, not
//! the timing. With `--nocapture` every kill is logged with where it landed.

mod common {
    pub mod pty;
}

use common::pty::{Term, copy_plan, list_dir};
use podium::session::record::Record;
use podium::session::{EventKind, Session, Status, Time};
use podium::wallclock;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const PLAN: &str = "city-report.json";
const SESSION: &str = "city-report.session.json";
const JOURNAL: &str = "city-report.session.journal";
const DRAFT: &str = "city-report.session.draft";
const TEMP: &str = ".city-report.session.json.tmp";
const ARGS: [&str; 4] = ["run", PLAN, "--lang", "zh"];
const COLS: u16 = 100;
const ROWS: u16 = 30;
/// How long a keystroke's effect may take to reach the screen (debug builds, busy CI).
const ACK: Duration = Duration::from_secs(10);
/// The score sheet's first row and first two columns (the plan's first reviewer, criteria).
const REVIEWER: &str = "常务副市长";
const FIRST_CRITERION: &str = "明职责/30";
const SECOND_CRITERION: &str = "对目标/30";
/// The score sheet's title (the key bar says `s 评分表` too).
const SHEET: &str = "评分表 · ";

const PHRASES: [&str; 8] = [
    "职责清晰目标明确",
    "举措有力成效明显",
    "税源培育要落到项目上",
    "数据要实问题要准",
    "对标一流找准差距",
    "会后一周内报送清单",
    "重大项目要盯紧资金",
    "基层治理经验值得推广",
];

// ---- a tiny seeded random number generator (xorshift64*) -----------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True `num` times in `den`.
    fn chance(&mut self, num: u64, den: u64) -> bool {
        self.next() % den < num
    }

    /// An index into `weights`, drawn in proportion to them.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut r = self.next() % total;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

// ---- what the test knows of the meeting -----------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Talk {
    Pending,
    Running,
    Done,
}

/// A window of wall-clock time in which something happened.
type Window = (Time, Time);

struct Unit {
    name: String,
    talk: Talk,
    started: Option<Window>,
    ended: Option<Window>,
    /// The first reviewer's score on the first criterion, in points.
    score: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum RemarkState {
    /// Enter was pressed; not (yet) acknowledged.
    Sent,
    /// The remarks panel counted it.
    Acked,
    /// `u` was pressed to take it back; not (yet) acknowledged.
    UndoSent,
    /// The panel counted it gone.
    Undone,
    /// Never acknowledged, and not in the session after the crash.
    Lost,
}

struct Remark {
    text: String,
    unit: usize,
    state: RemarkState,
}

/// The one keystroke that changes the meeting whose effect has not been seen yet.
#[derive(Debug, Clone)]
enum Pending {
    Start { unit: usize, lo: Time },
    Next { unit: usize, lo: Time },
    Remark { index: usize },
    Undo { index: usize },
    Score { unit: usize, value: i64 },
}

struct Meeting {
    dir: tempfile::TempDir,
    number: usize,
    units: Vec<Unit>,
    remarks: Vec<Remark>,
    /// The remark the next `u` takes back, when the last action was adding it.
    undoable: Option<usize>,
    pending: Option<Pending>,
    /// Remarks created so far (for unique texts).
    next_text: usize,
    /// When podium was last killed.
    killed_at: Option<Time>,
}

fn unit_names() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(PLAN),
    )
    .expect("the sample plan");
    let plan: serde_json::Value = serde_json::from_str(&text).expect("the sample plan is JSON");
    plan["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["name"].as_str().expect("a unit name").to_string())
        .collect()
}

impl Meeting {
    fn new(number: usize) -> Meeting {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_plan(dir.path(), PLAN);
        Meeting {
            dir,
            number,
            units: unit_names()
                .into_iter()
                .map(|name| Unit {
                    name,
                    talk: Talk::Pending,
                    started: None,
                    ended: None,
                    score: None,
                })
                .collect(),
            remarks: Vec::new(),
            undoable: None,
            pending: None,
            next_text: 0,
            killed_at: None,
        }
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join(SESSION)
    }

    /// The position of the current unit: the first not done.
    fn current(&self) -> Option<usize> {
        self.units.iter().position(|u| u.talk != Talk::Done)
    }

    fn acked_on(&self, unit: usize) -> usize {
        self.remarks
            .iter()
            .filter(|r| r.unit == unit && r.state == RemarkState::Acked)
            .count()
    }

    /// Whether `screen` shows the effect of the pending keystroke.
    fn shows(&self, pending: &Pending, t: &Term) -> bool {
        let screen = t.screen();
        match pending {
            Pending::Start { unit, .. } => agenda_row(&screen, *unit + 1, &self.units[*unit].name)
                .is_some_and(|r| r.status == "汇报中"),
            Pending::Next { unit, .. } => agenda_row(&screen, *unit + 1, &self.units[*unit].name)
                .is_some_and(|r| r.status == "已完成"),
            Pending::Remark { index } => {
                let unit = self.remarks[*index].unit;
                !screen.contains("新点评")
                    && panel_count(&screen, &self.units[unit].name) == Some(self.acked_on(unit) + 1)
            }
            Pending::Undo { index } => {
                let unit = self.remarks[*index].unit;
                panel_count(&screen, &self.units[unit].name) == Some(self.acked_on(unit))
            }
            Pending::Score { value, .. } => score_saved(t, *value),
        }
    }

    /// The pending keystroke's effect was seen (by `seen` at the latest).
    fn acknowledge(&mut self, seen: Time) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match pending {
            Pending::Start { unit, lo } => {
                self.units[unit].talk = Talk::Running;
                self.units[unit].started = Some((lo, seen));
                self.undoable = None;
            }
            Pending::Next { unit, lo } => {
                self.units[unit].talk = Talk::Done;
                self.units[unit].ended = Some((lo, seen));
                self.undoable = None;
            }
            Pending::Remark { index } => {
                self.remarks[index].state = RemarkState::Acked;
                self.undoable = Some(index);
            }
            Pending::Undo { index } => {
                self.remarks[index].state = RemarkState::Undone;
                self.undoable = None;
            }
            Pending::Score { unit, value } => {
                self.units[unit].score = Some(value);
                self.undoable = None;
            }
        }
    }

    /// After a crash: what the session holds decides a keystroke that was not acknowledged.
    /// `killed` is when podium was killed (the latest the keystroke can have taken effect).
    fn resolve(&mut self, session: &Session, killed: Time) -> Result<(), String> {
        let Some(pending) = self.pending.take() else {
            return Ok(());
        };
        let st = session.state();
        let status = |unit: usize| st.unit(&self.units[unit].name).map(|u| u.status());
        match pending {
            Pending::Start { unit, lo } => match status(unit) {
                Some(Status::Presenting) => {
                    self.units[unit].talk = Talk::Running;
                    self.units[unit].started = Some((lo, killed));
                }
                Some(Status::Pending) => {}
                other => return Err(format!("after an unacknowledged start: {other:?}")),
            },
            Pending::Next { unit, lo } => match status(unit) {
                Some(Status::Done) => {
                    self.units[unit].talk = Talk::Done;
                    self.units[unit].ended = Some((lo, killed));
                }
                Some(Status::Presenting) => {}
                other => return Err(format!("after an unacknowledged next: {other:?}")),
            },
            Pending::Remark { index } => {
                let found = st
                    .remarks
                    .iter()
                    .any(|r| r.text == self.remarks[index].text);
                self.remarks[index].state = if found {
                    RemarkState::Acked
                } else {
                    RemarkState::Lost
                };
            }
            Pending::Undo { index } => {
                let found = st
                    .remarks
                    .iter()
                    .any(|r| r.text == self.remarks[index].text);
                self.remarks[index].state = if found {
                    RemarkState::Acked
                } else {
                    RemarkState::Undone
                };
            }
            Pending::Score { unit, value } => {
                let found = st
                    .scores
                    .value(&self.units[unit].name, REVIEWER, 0)
                    .map(|v| v / 10_000);
                if found == Some(value) {
                    self.units[unit].score = Some(value);
                } else if found != self.units[unit].score {
                    return Err(format!(
                        "after an unacknowledged score {value}: {found:?}, acknowledged before: {:?}",
                        self.units[unit].score
                    ));
                }
            }
        }
        // The next `u` takes back the last action: only a remark of ours is taken back.
        self.undoable = session
            .undoable_action()
            .and_then(|seq| session.events().iter().find(|e| e.seq == seq))
            .and_then(|e| match &e.kind {
                EventKind::RemarkAdded { text, .. } => self
                    .remarks
                    .iter()
                    .position(|r| r.text == *text && r.state == RemarkState::Acked),
                _ => None,
            });
        Ok(())
    }

    /// Everything acknowledged is in `session`, and nothing else; talk times are right at
    /// `now`.
    fn check(&self, session: &Session, now: Time) -> Vec<String> {
        let mut problems = Vec::new();
        let st = session.state();
        let mut texts: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &st.remarks {
            *texts.entry(r.text.as_str()).or_default() += 1;
        }
        for r in &self.remarks {
            let n = texts.remove(r.text.as_str()).unwrap_or(0);
            let want = usize::from(r.state == RemarkState::Acked);
            if n != want {
                problems.push(format!(
                    "remark {:?} ({:?}) is in the session {n} times",
                    r.text, r.state
                ));
            }
        }
        for (text, n) in texts {
            problems.push(format!(
                "a remark the test never acknowledged: {text:?} ×{n}"
            ));
        }
        let record = Record::of(session, now);
        for (i, u) in self.units.iter().enumerate() {
            let Some(found) = st.unit(&u.name) else {
                problems.push(format!("unit {} is missing", u.name));
                continue;
            };
            let want = match u.talk {
                Talk::Pending => Status::Pending,
                Talk::Running => Status::Presenting,
                Talk::Done => Status::Done,
            };
            if found.status() != want {
                problems.push(format!(
                    "unit {}: {:?} in the session, {want:?} acknowledged",
                    u.name,
                    found.status()
                ));
                continue;
            }
            let elapsed = found.talk.elapsed_ms(now);
            let ms = |a: Time, b: Time| (a - b).num_milliseconds();
            match (u.talk, u.started, u.ended) {
                (Talk::Running, Some((lo, hi)), _) => {
                    // At least the wall time since the start, downtime included; at most the
                    // real time since the start + 1 s.
                    if elapsed < ms(now, hi) || elapsed > ms(now, lo) + 1000 {
                        problems.push(format!(
                            "unit {}: the running talk has {elapsed} ms; it started {} to {} ms ago",
                            u.name,
                            ms(now, hi),
                            ms(now, lo)
                        ));
                    }
                    let secs = record.units[i].talk_seconds * 1000;
                    if secs < ms(now, hi) - 1000 || secs > ms(now, lo) + 1000 {
                        problems.push(format!(
                            "unit {}: the record says {} s of talk; it started {} to {} ms ago",
                            u.name,
                            secs / 1000,
                            ms(now, hi),
                            ms(now, lo)
                        ));
                    }
                }
                (Talk::Done, Some((s_lo, s_hi)), Some((e_lo, e_hi)))
                    if elapsed < ms(e_lo, s_hi) || elapsed > ms(e_hi, s_lo) + 1000 =>
                {
                    problems.push(format!(
                        "unit {}: the ended talk has {elapsed} ms; between {} and {} ms expected",
                        u.name,
                        ms(e_lo, s_hi),
                        ms(e_hi, s_lo)
                    ));
                }
                _ => {}
            }
            let score = st.scores.value(&u.name, REVIEWER, 0);
            if score != u.score.map(|v| v * 10_000) {
                problems.push(format!(
                    "unit {}: score {score:?} in the session, {:?} acknowledged",
                    u.name, u.score
                ));
            }
        }
        problems
    }
}

// ---- reading the screen ---------------------------------------------------------------------

struct AgendaRow {
    status: String,
    /// The talk time shown, in seconds.
    talk: Option<u64>,
}

fn mmss(word: &str) -> Option<u64> {
    let (m, s) = word.split_once(':')?;
    if m.len() == 2 && s.len() == 2 {
        Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
    } else {
        None
    }
}

/// The agenda row of unit `number` (`│>  1 市财政局   08:00  00:07 汇报中   1││…`).
fn agenda_row(screen: &str, number: usize, name: &str) -> Option<AgendaRow> {
    screen.lines().find_map(|line| {
        let agenda = line.split('│').nth(1)?;
        let words: Vec<&str> = agenda.split_whitespace().filter(|w| *w != ">").collect();
        if words.len() < 3 || words[0] != number.to_string() || words[1] != name {
            return None;
        }
        let status = words
            .iter()
            .find(|w| ["待汇报", "汇报中", "已暂停", "已完成", "已跳过"].contains(w))?
            .to_string();
        let times: Vec<u64> = words.iter().filter_map(|w| mmss(w)).collect();
        Some(AgendaRow {
            status,
            // The planned time (08:00), then the time used.
            talk: times.get(1).copied(),
        })
    })
}

/// The count in the remarks panel's title, `点评 · 市财政局 (3)`, when it shows `unit`.
fn panel_count(screen: &str, unit: &str) -> Option<usize> {
    let head = format!("点评 · {unit} (");
    let at = screen.find(&head)? + head.len();
    let digits: String = screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Where `text` starts on the screen, as (row, column), wide characters counting two.
fn locate(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    for row in 0..ROWS {
        let mut line = String::new();
        let mut cols = Vec::new();
        for col in 0..COLS {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = cell.contents();
            let contents = if contents.is_empty() { " " } else { contents };
            for _ in contents.chars() {
                cols.push(col);
            }
            line.push_str(contents);
        }
        if let Some(byte) = line.find(text) {
            let index = line[..byte].chars().count();
            return Some((row, cols[index]));
        }
    }
    None
}

/// The text of `row` from column `from` up to (not including) `to`.
fn cells_text(screen: &vt100::Screen, row: u16, from: u16, to: u16) -> String {
    (from..to)
        .filter_map(|c| screen.cell(row, c))
        .map(|c| c.contents())
        .collect()
}

/// The score sheet shows `value` saved in the first reviewer's first cell: the cell holds
/// it and the cursor has moved on (the cell is no longer highlighted).
fn score_saved(t: &Term, value: i64) -> bool {
    t.with_screen(|s| {
        let (Some((header, first)), Some((_, second))) =
            (locate(s, FIRST_CRITERION), locate(s, SECOND_CRITERION))
        else {
            return false;
        };
        let row = header + 1;
        if cells_text(s, row, 0, first)
            .trim_start_matches(['│', ' '])
            .trim()
            != REVIEWER
        {
            return false;
        }
        let highlighted = s
            .cell(row, first)
            .is_some_and(|c| c.bgcolor() != vt100::Color::Default || c.inverse());
        cells_text(s, row, first, second).trim() == value.to_string() && !highlighted
    })
}

/// The score sheet shows `typed` in the cell being typed into.
fn score_typed(screen: &str, typed: &str) -> bool {
    screen.lines().any(|l| {
        let mut words = l.split('│').nth(1).unwrap_or("").split_whitespace();
        words.next() == Some(REVIEWER) && words.next() == Some(typed)
    })
}

fn wait(t: &Term, timeout: Duration, ok: impl Fn(&Term) -> bool) -> bool {
    let end = Instant::now() + timeout;
    loop {
        if ok(t) {
            return true;
        }
        if Instant::now() >= end {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

// ---- the campaign ---------------------------------------------------------------------------

/// What a slot of the script was, for the log of where kills landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Launch,
    Space,
    OpenEditor,
    Typing,
    SaveRemark,
    Next,
    Undo,
    OpenSheet,
    TypeScore,
    SaveScore,
    CloseSheet,
    Idle,
}

enum Flow {
    Go,
    Killed,
    /// The keystroke's effect never came: recorded as a failure, podium killed.
    Stuck,
}

struct Campaign {
    rng: Rng,
    seed: u64,
    kills_wanted: usize,
    kills: usize,
    /// Keystrokes left before the next kill.
    budget: u64,
    /// When the oldest change the snapshot may not hold yet was sent, in this launch: the
    /// snapshot falls due 2 s later.
    dirty_since: Option<Instant>,
    failures: Vec<String>,
    /// Where kills landed: the slot, and what the files showed right after.
    landed: BTreeMap<String, usize>,
    slots: BTreeMap<String, usize>,
    meetings: usize,
    log: bool,
}

impl Campaign {
    fn fail(&mut self, m: &Meeting, what: impl std::fmt::Display, screen: &str) {
        let text = format!(
            "seed {} · meeting {} · after {} kills: {what}\n{screen}",
            self.seed, m.number, self.kills
        );
        if self.log {
            eprintln!("FAILURE {text}");
        }
        self.failures.push(text);
    }

    /// Sends one keystroke (or, for `Slot::Idle`, waits about 2 s). When it is the keystroke
    /// the kill was drawn for, podium is killed 0–300 ms later (an idle pause drawn for the
    /// kill ends when the 2-s snapshot falls due, and the kill comes at once); otherwise the
    /// keystroke's effect is awaited.
    fn slot(
        &mut self,
        t: &mut Term,
        m: &mut Meeting,
        kind: Slot,
        bytes: &str,
        ack: impl Fn(&Meeting, &Term) -> bool,
    ) -> Flow {
        let last = self.budget == 1;
        let changes = m.pending.is_some();
        // Ready before the keystroke, so that even a kill 0 ms after it is on time.
        let killer = last.then(Killer::ready);
        let mut aimed = None;
        if kind == Slot::Idle {
            let due = self
                .dirty_since
                .map(|d| d + Duration::from_millis(2000))
                .filter(|due| *due > Instant::now());
            match (last, due) {
                // The kill: aimed at the moment the snapshot falls due, 2 s after the oldest
                // change it does not hold yet, give or take a few ms.
                (true, Some(due)) => {
                    aimed = Some(due + Duration::from_millis(self.rng.range(0, 5)));
                }
                _ => std::thread::sleep(Duration::from_millis(self.rng.range(1600, 2400))),
            }
        } else {
            let sent = Instant::now();
            if changes
                && self
                    .dirty_since
                    .is_none_or(|d| sent > d + Duration::from_millis(2000))
            {
                self.dirty_since = Some(sent);
            }
            t.send(bytes);
        }
        self.budget = self.budget.saturating_sub(1);
        if let Some(killer) = killer {
            let at = aimed.unwrap_or_else(|| Instant::now() + self.delay(kind));
            self.kill(t, m, kind, killer, at);
            return Flow::Killed;
        }
        if wait(t, ACK, |t| ack(m, t)) {
            m.acknowledge(wallclock::now());
            if kind == Slot::Next {
                // A unit change writes the snapshot at once.
                self.dirty_since = None;
            }
            Flow::Go
        } else {
            let screen = t.screen();
            self.fail(
                m,
                format!("{kind:?}: its effect never reached the screen"),
                &screen,
            );
            t.sigkill_quietly();
            Flow::Stuck
        }
    }

    /// How long after a keystroke the kill comes: 0–300 ms, often within the first
    /// milliseconds, where the keystroke's own writes happen (most of all after `n`, whose
    /// unit change writes a snapshot, and after a launch, which writes one when it recovers).
    fn delay(&mut self, kind: Slot) -> Duration {
        let ms = if matches!(kind, Slot::Next | Slot::Launch) && self.rng.chance(3, 5) {
            self.rng.range(0, 15)
        } else if self.rng.chance(1, 2) {
            self.rng.range(0, 30)
        } else {
            self.rng.range(0, 300)
        };
        Duration::from_millis(ms)
    }

    /// Kills podium at `at` (SIGKILL through `killer`, made ready beforehand), then reads what
    /// the screen and the files showed.
    fn kill(&mut self, t: &mut Term, m: &mut Meeting, kind: Slot, killer: Killer, at: Instant) {
        let from = Instant::now();
        std::thread::sleep(at.saturating_duration_since(from));
        let delay = from.elapsed();
        if !t.is_running() {
            let screen = t.screen();
            self.fail(
                m,
                format!("podium exited by itself before the kill ({kind:?})"),
                &screen,
            );
        }
        killer.fire(t.pid());
        t.sigkill_quietly();
        t.wait_exit(ACK);
        let killed = wallclock::now();
        self.kills += 1;
        // Whatever the screen showed last was acknowledged.
        if let Some(p) = m.pending.clone()
            && m.shows(&p, t)
        {
            m.acknowledge(killed);
        }
        let files = forensics(m.dir.path());
        *self.landed.entry(files.clone()).or_default() += 1;
        *self.slots.entry(format!("{kind:?}")).or_default() += 1;
        if self.log {
            eprintln!(
                "kill {:>3}: meeting {} · {kind:?} +{} ms · {files}",
                self.kills,
                m.number,
                delay.as_millis()
            );
        }
        // The time the talk-time checks count from.
        m.killed_at = Some(killed);
    }

    /// Launches podium on the meeting's folder; checks what it shows and what the session
    /// holds. With `may_kill`, sometimes kills it while it opens the session instead.
    fn relaunch(&mut self, m: &mut Meeting, may_kill: bool) -> Result<Term, Relaunch> {
        self.dirty_since = None;
        let kill_at_launch = may_kill && m.killed_at.is_some() && self.rng.chance(1, 8);
        let killer = kill_at_launch.then(Killer::ready);
        let mut t = Term::spawn_full(m.dir.path(), &ARGS, COLS, ROWS, &[]);
        if let Some(killer) = killer {
            // Killed while it opens the session: replaying the journal, writing the snapshot.
            let at = Instant::now() + self.delay(Slot::Launch);
            self.kill(&mut t, m, Slot::Launch, killer, at);
            return Err(Relaunch::Killed);
        }
        let first = m.units[0].name.clone();
        let opened = wait(&t, ACK, |t| {
            let s = t.screen();
            s.contains("议程") && s.contains(&first)
        });
        if !opened {
            let screen = t.screen();
            self.fail(
                m,
                "the session did not open: no agenda on the screen",
                &screen,
            );
            return Err(Relaunch::Failed);
        }
        // A draft typed before the crash comes back in the editor: discard it.
        if t.screen().contains("新点评") {
            t.send("\x1b");
            let decided = wait(&t, ACK, |t| {
                let s = t.screen();
                !s.contains("新点评") || s.contains("放弃已输入的内容")
            });
            if decided && t.screen().contains("放弃已输入的内容") {
                t.send("y");
            }
            if !wait(&t, ACK, |t| !t.screen().contains("新点评")) {
                let screen = t.screen();
                self.fail(m, "the restored draft could not be closed", &screen);
                return Err(Relaunch::Failed);
            }
        }
        let session = match podium::store::read(&m.path()) {
            Ok(s) => s,
            Err(e) => {
                let screen = t.screen();
                self.fail(m, format!("store::read: {e}"), &screen);
                return Err(Relaunch::Failed);
            }
        };
        let killed = m.killed_at.unwrap_or_else(wallclock::now);
        if let Err(e) = m.resolve(&session, killed) {
            let screen = t.screen();
            self.fail(m, e, &screen);
            return Err(Relaunch::Failed);
        }
        let problems = m.check(&session, wallclock::now());
        if !problems.is_empty() {
            let screen = t.screen();
            self.fail(m, problems.join("\n"), &screen);
            return Err(Relaunch::Failed);
        }
        if !self.check_screen(&t, m) {
            return Err(Relaunch::Failed);
        }
        Ok(t)
    }

    /// The console shows the current unit's remarks count and the running talk's time.
    fn check_screen(&mut self, t: &Term, m: &Meeting) -> bool {
        let Some(cur) = m.current() else {
            return true;
        };
        let name = m.units[cur].name.clone();
        let count = m.acked_on(cur);
        if !wait(t, ACK, |t| panel_count(&t.screen(), &name) == Some(count)) {
            let screen = t.screen();
            self.fail(
                m,
                format!("the remarks panel does not count {count} for {name}"),
                &screen,
            );
            return false;
        }
        if let (Talk::Running, Some((lo, hi))) = (m.units[cur].talk, m.units[cur].started) {
            // The agenda redraws every second: what it shows may be a second old.
            let shown_ok = |t: &Term| {
                let now = wallclock::now();
                let least = ((now - hi).num_milliseconds() / 1000 - 1).max(0) as u64;
                let most = ((now - lo).num_milliseconds() / 1000 + 1) as u64;
                agenda_row(&t.screen(), cur + 1, &name)
                    .and_then(|r| r.talk)
                    .is_some_and(|s| s >= least && s <= most)
            };
            if !wait(t, Duration::from_secs(3), shown_ok) {
                let screen = t.screen();
                let now = wallclock::now();
                self.fail(
                    m,
                    format!(
                        "the agenda's talk time for {name} is off: it started {} to {} ms ago",
                        (now - hi).num_milliseconds(),
                        (now - lo).num_milliseconds()
                    ),
                    &screen,
                );
                return false;
            }
        }
        true
    }

    /// Plays the meeting from where it is until the kill (or the meeting's end).
    fn play(&mut self, t: &mut Term, m: &mut Meeting) -> Flow {
        loop {
            let Some(cur) = m.current() else {
                // Every unit is done: close the meeting.
                return Flow::Go;
            };
            let running = m.units[cur].talk == Talk::Running;
            let can_undo = m.undoable.is_some_and(|i| {
                m.remarks[i].unit == cur && m.remarks[i].state == RemarkState::Acked
            });
            // start, remark, next, undo, score, idle
            let weights = if running {
                [0, 6, 2, if can_undo { 2 } else { 0 }, 1, 2]
            } else {
                [6, 2, 0, 0, 1, 1]
            };
            let flow = match self.rng.weighted(&weights) {
                0 => {
                    m.pending = Some(Pending::Start {
                        unit: cur,
                        lo: wallclock::now(),
                    });
                    self.slot(t, m, Slot::Space, " ", |m, t| {
                        m.pending.as_ref().is_some_and(|p| m.shows(p, t))
                    })
                }
                1 => self.remark(t, m, cur),
                2 => {
                    m.pending = Some(Pending::Next {
                        unit: cur,
                        lo: wallclock::now(),
                    });
                    self.slot(t, m, Slot::Next, "n", |m, t| {
                        m.pending.as_ref().is_some_and(|p| m.shows(p, t))
                    })
                }
                3 => {
                    let index = m.undoable.expect("an undoable remark");
                    m.remarks[index].state = RemarkState::UndoSent;
                    m.pending = Some(Pending::Undo { index });
                    self.slot(t, m, Slot::Undo, "u", |m, t| {
                        m.pending.as_ref().is_some_and(|p| m.shows(p, t))
                    })
                }
                4 => self.score(t, m, cur),
                _ => self.slot(t, m, Slot::Idle, "", |_, _| true),
            };
            if !matches!(flow, Flow::Go) {
                return flow;
            }
        }
    }

    fn remark(&mut self, t: &mut Term, m: &mut Meeting, cur: usize) -> Flow {
        let flow = self.slot(t, m, Slot::OpenEditor, "r", |_, t| {
            t.screen().contains("新点评")
        });
        if !matches!(flow, Flow::Go) {
            return flow;
        }
        m.next_text += 1;
        let text = format!(
            "第{}条{}",
            m.next_text,
            PHRASES[self.rng.range(0, PHRASES.len() as u64 - 1) as usize]
        );
        let chars: Vec<char> = text.chars().collect();
        let cut = if self.rng.chance(1, 2) {
            self.rng.range(1, chars.len() as u64 - 1) as usize
        } else {
            chars.len()
        };
        let mut from = 0;
        for end in [cut, chars.len()] {
            if end == from {
                continue;
            }
            let piece: String = chars[from..end].iter().collect();
            let so_far: String = chars[..end].iter().collect();
            from = end;
            let flow = self.slot(t, m, Slot::Typing, &piece, move |_, t| {
                t.screen().contains(&so_far)
            });
            if !matches!(flow, Flow::Go) {
                return flow;
            }
        }
        m.remarks.push(Remark {
            text,
            unit: cur,
            state: RemarkState::Sent,
        });
        m.pending = Some(Pending::Remark {
            index: m.remarks.len() - 1,
        });
        self.slot(t, m, Slot::SaveRemark, "\r", |m, t| {
            m.pending.as_ref().is_some_and(|p| m.shows(p, t))
        })
    }

    fn score(&mut self, t: &mut Term, m: &mut Meeting, cur: usize) -> Flow {
        let flow = self.slot(t, m, Slot::OpenSheet, "s", |_, t| {
            t.screen().contains(SHEET)
        });
        if !matches!(flow, Flow::Go) {
            return flow;
        }
        let mut value = self.rng.range(0, 30) as i64;
        if m.units[cur].score == Some(value) {
            value = (value + 1) % 31;
        }
        let typed = value.to_string();
        let flow = self.slot(t, m, Slot::TypeScore, &typed.clone(), move |_, t| {
            score_typed(&t.screen(), &typed)
        });
        if !matches!(flow, Flow::Go) {
            return flow;
        }
        m.pending = Some(Pending::Score { unit: cur, value });
        let flow = self.slot(t, m, Slot::SaveScore, "\t", |m, t| {
            m.pending.as_ref().is_some_and(|p| m.shows(p, t))
        });
        if !matches!(flow, Flow::Go) {
            return flow;
        }
        self.slot(t, m, Slot::CloseSheet, "\x1b", |_, t| {
            !t.screen().contains(SHEET)
        })
    }

    /// Closes a finished meeting with `q`, `y` and checks what is left.
    fn close(&mut self, mut t: Term, m: &Meeting) {
        t.send("q");
        if !wait(&t, ACK, |t| t.screen().contains("退出 podium？")) {
            let screen = t.screen();
            self.fail(m, "no quit confirmation", &screen);
            return;
        }
        t.send("y");
        let status = t.wait_exit(ACK);
        if !status.success() {
            let screen = t.screen();
            self.fail(m, format!("the clean quit exited with {status:?}"), &screen);
            return;
        }
        let files = list_dir(m.dir.path());
        if files != [PLAN, SESSION] {
            self.fail(
                m,
                format!("after the clean quit the folder holds {files:?}"),
                "",
            );
        }
        match podium::store::read(&m.path()) {
            Ok(session) => {
                let problems = m.check(&session, wallclock::now());
                if !problems.is_empty() {
                    self.fail(m, problems.join("\n"), "");
                }
            }
            Err(e) => self.fail(m, format!("store::read after the quit: {e}"), ""),
        }
        if self.log {
            let acked = m
                .remarks
                .iter()
                .filter(|r| r.state == RemarkState::Acked)
                .count();
            let done = m.units.iter().filter(|u| u.talk == Talk::Done).count();
            eprintln!(
                "meeting {} closed cleanly: {done} units done, {acked} remarks kept, {} taken back",
                m.number,
                m.remarks
                    .iter()
                    .filter(|r| r.state == RemarkState::Undone)
                    .count()
            );
        }
    }

    fn run(&mut self) {
        self.meetings = 1;
        let mut m = Meeting::new(1);
        while self.kills < self.kills_wanted {
            self.budget = self.rng.range(1, 12);
            let flow = match self.relaunch(&mut m, true) {
                Ok(mut t) => match self.play(&mut t, &mut m) {
                    Flow::Go => {
                        self.close(t, &m);
                        Flow::Go
                    }
                    other => other,
                },
                Err(Relaunch::Killed) => Flow::Killed,
                Err(Relaunch::Failed) => Flow::Stuck,
            };
            match flow {
                Flow::Killed => continue,
                // Every unit is done: the meeting was closed.
                Flow::Go => {}
                // A failure was recorded: the test's picture of this meeting is no longer
                // reliable, so the campaign goes on with a fresh one.
                Flow::Stuck => {}
            }
            self.meetings += 1;
            m = Meeting::new(self.meetings);
        }
        // The last relaunch is checked too, then the meeting is closed cleanly.
        if let Ok(t) = self.relaunch(&mut m, false) {
            self.close(t, &m);
        }
    }
}

enum Relaunch {
    Killed,
    Failed,
}

/// What the session's files show right after a kill: where in the store it landed.
fn forensics(dir: &Path) -> String {
    let mut what = Vec::new();
    if dir.join(TEMP).exists() {
        what.push("mid-snapshot (temp file left)");
    }
    let journal = std::fs::read(dir.join(JOURNAL)).unwrap_or_default();
    let snapshot_last = std::fs::read_to_string(dir.join(SESSION))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["events"].as_array()?.last()?["seq"].as_u64())
        .unwrap_or(0);
    if journal.is_empty() {
        what.push("journal empty (snapshot up to date)");
    } else {
        if !journal.ends_with(b"\n") {
            what.push("torn journal line");
        }
        let first = journal
            .split(|b| *b == b'\n')
            .next()
            .and_then(|l| serde_json::from_slice::<serde_json::Value>(l).ok())
            .and_then(|v| v["seq"].as_u64());
        match first {
            Some(seq) if seq <= snapshot_last => {
                what.push("journal not yet emptied after a snapshot")
            }
            _ => what.push("events in the journal only"),
        }
    }
    if dir.join(DRAFT).exists() {
        what.push("a draft");
    }
    if !dir.join(SESSION).exists() {
        what.push("no session file yet");
    }
    what.join(", ")
}

/// A `sh` waiting on its input for the pid to SIGKILL: started ahead, it kills within a
/// fraction of a millisecond when told (starting `kill` itself takes a few ms).
struct Killer(std::process::Child);

impl Killer {
    fn ready() -> Killer {
        let child = std::process::Command::new("sh")
            .args(["-c", "read pid && kill -9 \"$pid\""])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("sh runs");
        Killer(child)
    }

    fn fire(mut self, pid: u32) {
        use std::io::Write;
        if let Some(stdin) = self.0.stdin.as_mut() {
            let _ = writeln!(stdin, "{pid}");
        }
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

trait QuietKill {
    fn sigkill_quietly(&mut self);
}

impl QuietKill for Term {
    /// SIGKILL if podium still runs; never panics (a failure is being recorded already).
    fn sigkill_quietly(&mut self) {
        if self.is_running() {
            let _ = std::process::Command::new("kill")
                .args(["-9", &self.pid().to_string()])
                .status();
        }
    }
}

#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_loses_nothing_acknowledged() {
    let kills_wanted = std::env::var("PODIUM_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let seed = std::env::var("PODIUM_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("crash campaign: {kills_wanted} kills, PODIUM_SEED={seed}");
    let started = Instant::now();
    let mut c = Campaign {
        rng: Rng::new(seed),
        seed,
        kills_wanted,
        kills: 0,
        budget: 0,
        dirty_since: None,
        failures: Vec::new(),
        landed: BTreeMap::new(),
        slots: BTreeMap::new(),
        meetings: 0,
        log: std::env::var_os("PODIUM_KILLS").is_some(),
    };
    c.run();
    let mut summary = String::new();
    let _ = writeln!(
        summary,
        "crash campaign: {} kills in {} meetings, {} failures, {:.1} s (PODIUM_SEED={seed})",
        c.kills,
        c.meetings,
        c.failures.len(),
        started.elapsed().as_secs_f64()
    );
    let _ = writeln!(summary, "killed after:");
    for (slot, n) in &c.slots {
        let _ = writeln!(summary, "  {n:>4}  {slot}");
    }
    let _ = writeln!(summary, "the files right after the kill:");
    for (what, n) in &c.landed {
        let _ = writeln!(summary, "  {n:>4}  {what}");
    }
    eprintln!("{summary}");
    assert!(
        c.failures.is_empty(),
        "{} failures:\n{}",
        c.failures.len(),
        c.failures.join("\n\n")
    );
}
