//! Store benchmarks: the cost of one durable event as the session grows, and the snapshot.
//!
//! `cargo bench --bench store`. Plain `std::time` timing (no criterion): every figure is
//! printed as min / median / max over its repetitions.
//!
//! - append: `Writer::execute` of an `AddRemark` (decide, journal append + fdatasync, fold)
//!   on sessions already holding 10, 1,000 and 100,000 events; the cost must stay flat.
//!   The rounds are interleaved (one append to each session, then the next round), beside
//!   the floor: a bare append of one small line to an open file + fdatasync (and + fsync)
//!   on the same disk.
//! - snapshot: `Writer::snapshot` of a session with 10,000 remarks (serialise, write a temp
//!   file, fsync, rename, fsync the folder, truncate the journal).
//!
//! The files live in a temp folder under Cargo's target dir (a real disk, not a tmpfs /tmp),
//! or under `PODIUM_BENCH_DIR`. `PODIUM_BENCH_APPENDS` (default 1000) and
//! `PODIUM_BENCH_SNAPSHOTS` (default 30) set the repetitions.

mod common;
use common::{Stats, bench_dir, env_count};

use chrono::{DateTime, Duration};
use podium::plan::Plan;
use podium::session::{Command, Event, EventKind, RemarkKind, Session, Time};
use podium::store::{self, Writer};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

const SIZES: [usize; 3] = [10, 1_000, 100_000];
const SNAPSHOT_REMARKS: usize = 10_000;

const PLAN: &str = r#"{
  "title": "“明职责、对目标、争一流”工作汇报会",
  "date": "2026-05-30", "start": "09:00", "venue": "市委第一会议室", "host": "市委副书记",
  "talk_minutes": 8, "warn_seconds": 60,
  "units": [
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"},
    {"name": "城郊街道办事处", "presenter": "党工委书记", "role": "主任"},
    {"name": "市发改局", "presenter": "党组书记", "role": "局长"},
    {"name": "市交通运输局", "presenter": "党组书记", "role": "局长"},
    {"name": "市应急管理局", "presenter": "党组书记", "role": "局长"},
    {"name": "市税务局", "presenter": "党委书记", "role": "局长"},
    {"name": "市人社局", "presenter": "党组书记", "role": "局长"}
  ],
  "reviewers": [
    {"name": "常务副市长", "role": "市委常委、常务副市长"},
    {"name": "党代表", "role": "律师事务所主任"}
  ]
}"#;

const TEXTS: [&str; 4] = [
    "职责清晰，目标明确，举措有力；下一步要把税源培育落到具体项目上。",
    "建议把 2026 年目标细化到季度，Q3 前完成 12 个重点项目的前期工作。",
    "数据要实，问题要准，请会后一周内报送整改清单。",
    "各单位要对标一流，比学赶超。",
];

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
}

fn plan() -> Plan {
    serde_json::from_str(PLAN).expect("the bench plan parses")
}

/// `n` remark events, as a meeting would record them: on the units in turn, from both
/// reviewers, a task now and then, a general remark now and then.
fn remark_events(plan: &Plan, n: usize) -> Vec<Event> {
    (0..n)
        .map(|i| Event {
            seq: i as u64 + 1,
            at: t0() + Duration::milliseconds(i as i64 * 100),
            part_of: None,
            by: None,
            command: None,
            elapsed_ms: None,
            kind: EventKind::RemarkAdded {
                unit: (i % 10 != 9).then(|| plan.units[i % plan.units.len()].name.clone()),
                reviewer: plan.reviewers[i % plan.reviewers.len()].name.clone(),
                text: TEXTS[i % TEXTS.len()].to_string(),
                kind: if i % 7 == 0 {
                    RemarkKind::Task
                } else {
                    RemarkKind::Remark
                },
            },
        })
        .collect()
}

/// Writes a session of `n` events the way the store would have left it, and opens it for
/// writing. Returns the writer and the time after its last event.
fn session_with(dir: &Path, name: &str, n: usize) -> (Writer, Time) {
    let plan = plan();
    let events = remark_events(&plan, n);
    let session = Session::from_events(plan, events);
    let now = session.last_at().unwrap_or_else(t0) + Duration::seconds(1);
    let path = dir.join(format!("{name}.session.json"));
    std::fs::write(&path, store::snapshot_text(&session, now)).expect("write the session file");
    let (writer, report) = Writer::open(&path, now).expect("open the session");
    assert_eq!(writer.session().events().len(), n);
    assert_eq!(report.replayed, 0);
    (writer, now)
}

fn add_remark(i: usize) -> Command {
    Command::AddRemark {
        unit: Some("市财政局".to_string()),
        reviewer: "常务副市长".to_string(),
        text: TEXTS[i % TEXTS.len()].to_string(),
        kind: RemarkKind::Remark,
    }
}
fn show(micros: f64) -> String {
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

fn row(label: &str, s: &Stats) {
    println!(
        "  {label:<48} {:>10} {:>10} {:>10}   (n={})",
        show(s.min),
        show(s.median),
        show(s.max),
        s.n
    );
}

fn header() {
    println!("  {:<48} {:>10} {:>10} {:>10}", "", "min", "median", "max");
}
fn micros_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e6
}

fn main() {
    let appends = env_count("PODIUM_BENCH_APPENDS", 1000);
    let snapshots = env_count("PODIUM_BENCH_SNAPSHOTS", 30);
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    let dir = tmp.path();
    println!("podium store benchmark, files in {}", dir.display());

    // ---- per-event durable append -------------------------------------------------------
    let mut writers = Vec::new();
    for n in SIZES {
        let start = Instant::now();
        let (writer, now) = session_with(dir, &format!("s{n}"), n);
        let size = std::fs::metadata(&writer.paths().session).map_or(0, |m| m.len());
        println!(
            "  setup: {n} events, session file {:.1} MB, written and opened in {}",
            size as f64 / 1e6,
            show(micros_since(start))
        );
        writers.push((n, writer, now));
    }
    let line = {
        let mut l = serde_json::to_vec(&remark_events(&plan(), 1)[0]).expect("serialise");
        l.push(b'\n');
        l
    };
    let mut floor_data = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("floor-fdatasync.bin"))
        .expect("open the floor file");
    let mut floor_all = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("floor-fsync.bin"))
        .expect("open the floor file");

    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(appends); SIZES.len() + 2];
    for round in 0..appends {
        let start = Instant::now();
        floor_data.write_all(&line).expect("write");
        floor_data.sync_data().expect("fdatasync");
        times[0].push(micros_since(start));

        let start = Instant::now();
        floor_all.write_all(&line).expect("write");
        floor_all.sync_all().expect("fsync");
        times[1].push(micros_since(start));

        for (k, (_, writer, now)) in writers.iter_mut().enumerate() {
            let at = *now + Duration::milliseconds(round as i64 * 500);
            let start = Instant::now();
            let events = writer.execute(&add_remark(round), at).expect("append");
            times[k + 2].push(micros_since(start));
            assert_eq!(events.len(), 1);
        }
    }
    println!();
    println!("per-event durable append ({appends} rounds, interleaved):");
    header();
    row(
        "floor: append one line + fdatasync",
        &Stats::of(std::mem::take(&mut times[0])),
    );
    row(
        "floor: append one line + fsync",
        &Stats::of(std::mem::take(&mut times[1])),
    );
    let mut medians = Vec::new();
    for (k, n) in SIZES.iter().enumerate() {
        let stats = Stats::of(std::mem::take(&mut times[k + 2]));
        row(
            &format!("Writer::execute(AddRemark), {n} events before"),
            &stats,
        );
        medians.push(stats.median);
    }
    println!(
        "  median at {} events / median at {} events: {:.2}",
        SIZES[SIZES.len() - 1],
        SIZES[0],
        medians[medians.len() - 1] / medians[0]
    );
    // Every acknowledged event is on disk: a reader sees them all (snapshot + journal).
    for (n, writer, _) in writers {
        let seen = store::read(&writer.paths().session).expect("read back");
        assert_eq!(seen.events().len(), n + appends, "events lost at {n}");
        drop(writer);
    }

    // ---- snapshot -------------------------------------------------------------------------
    let (mut writer, now) = session_with(dir, "snap", SNAPSHOT_REMARKS);
    assert_eq!(writer.session().state().remarks.len(), SNAPSHOT_REMARKS);
    let mut text_times = Vec::with_capacity(snapshots);
    let mut snap_times = Vec::with_capacity(snapshots);
    let mut bytes = 0;
    for i in 0..snapshots {
        let at = now + Duration::seconds(i as i64);
        let start = Instant::now();
        let text = store::snapshot_text(writer.session(), at);
        text_times.push(micros_since(start));
        bytes = text.len();
        let start = Instant::now();
        writer.snapshot(at).expect("snapshot");
        snap_times.push(micros_since(start));
    }
    println!();
    println!(
        "snapshot of a session with {SNAPSHOT_REMARKS} remarks ({:.1} MB, {snapshots} runs):",
        bytes as f64 / 1e6
    );
    header();
    row(
        "store::snapshot_text (serialise only)",
        &Stats::of(text_times),
    );
    row(
        "Writer::snapshot (serialise + atomic replace)",
        &Stats::of(snap_times),
    );
    writer
        .close(now + Duration::seconds(snapshots as i64))
        .expect("close");
}
