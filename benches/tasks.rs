//! Task ledger benchmark: a meeting carrying a large ledger (docs/BENCHMARKS.md, "Task ledger").
//!
//! `cargo bench --bench tasks`. Plain `std::time` timing (no criterion): min / median / p99 /
//! max over the repetitions.
//!
//! The session: 5,000 tasks imported with `ImportTasks` in chunks of 500 rows (10 lists, each
//! row with two progress entries), then 10,000 task events (status changes, progress, edits,
//! claims; a third entered by a note-taker), all through `Session::decide` + `commit`.
//! Measured at that size:
//! - decide + commit of one task command, per kind (in memory: what the core itself costs),
//!   beside the same on a ledger of 50 tasks;
//! - `Writer::execute` of task commands (decide, journal append + fdatasync, fold);
//! - a full refold (`Session::from_events`), `Record::of`, `store::snapshot_text`;
//! - opening the session file (`store::read`, `Writer::open`);
//! - peak memory (VmHWM) of a child process that only opens the session file, and of the
//!   whole benchmark.
//!
//! Files go to a temp folder under Cargo's target dir, or under `PODIUM_BENCH_DIR`.
//! `PODIUM_BENCH_TASK_SAMPLES` (default 1000) sets the per-command repetitions,
//! `PODIUM_BENCH_TASK_DURABLE` (default 300) the durable ones, `PODIUM_BENCH_TASK_ROUNDS`
//! (default 10) those of the refold, the record and the opening.

mod common;
use common::{Stats, bench_dir, env_count};

use chrono::{DateTime, Duration};
use podium::plan::Plan;
use podium::session::record::Record;
use podium::session::{Author, Command, ImportedTask, Session, TaskFields, Time};
use podium::store::{self, Writer};
use podium::task::Status;
use std::path::Path;
use std::time::Instant;

const TASKS: usize = 5_000;
const CHUNK: usize = 500;
const TASK_EVENTS: usize = 10_000;
const SMALL: usize = 50;
const LISTS: usize = 10;

const PLAN: &str = r#"{
  "title": "全市重点工作推进会",
  "date": "2026-05-30", "start": "09:00", "venue": "市委第一会议室", "host": "市委副书记",
  "talk_minutes": 8,
  "units": [
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"},
    {"name": "城郊街道办事处", "presenter": "党工委书记", "role": "主任"},
    {"name": "市发改局", "presenter": "党组书记", "role": "局长"},
    {"name": "市交通运输局", "presenter": "党组书记", "role": "局长"},
    {"name": "市应急管理局", "presenter": "党组书记", "role": "局长"},
    {"name": "市税务局", "presenter": "党委书记", "role": "局长"},
    {"name": "市人社局", "presenter": "党组书记", "role": "局长"}
  ],
  "reviewers": [{"name": "常务副市长"}, {"name": "市委秘书长"}]
}"#;

const TEXTS: [&str; 4] = [
    "加快推进城市更新项目前期工作，确保三季度末前完成立项审批",
    "盘活存量资产，清理闲置房产和低效用地，形成可复制的经验做法",
    "落实安全生产责任制，开展重点行业领域隐患排查整治",
    "优化营商环境，推动涉企审批事项全程网办",
];
const DUES: [&str; 4] = ["6月底前", "年底前", "三季度末", "长期坚持"];

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
}

fn plan() -> Plan {
    serde_json::from_str(PLAN).expect("the bench plan parses")
}

fn unit(i: usize) -> String {
    let p = plan();
    p.units[i % p.units.len()].name.clone()
}

fn list(i: usize) -> String {
    format!("第{}批重点任务清单", i % LISTS + 1)
}

/// Row `i` of the imported lists: the `i / LISTS`-th of its list.
fn row(i: usize) -> ImportedTask {
    ImportedTask {
        id: None,
        task: TaskFields {
            no: Some((i / LISTS + 1).to_string()),
            text: format!("{}（{i}）", TEXTS[i % TEXTS.len()]),
            list: Some(list(i)),
            owner: Some(unit(i)),
            partners: vec![unit(i + 1), unit(i + 3)],
            leader: Some("副市长".into()),
            due_text: Some(DUES[i % DUES.len()].into()),
            ..TaskFields::default()
        },
        status: Some(Status::Open),
        progress: vec![
            format!("已制定工作方案（{i}）"),
            format!("已召开推进会，完成年度目标的{}%", i % 100),
        ],
    }
}

/// Carries `command` out in memory (decide + commit); panics on a refusal.
fn run(session: &mut Session, command: &Command, author: Option<&Author>, now: Time) {
    let events = session
        .decide_as(command, author, now)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    session.commit(events);
}

fn notetaker(i: usize) -> Author {
    Author {
        name: "记录员张三".into(),
        command: Some(format!("bench-laptop-{i}")),
        scores: false,
    }
}

/// The `i`-th task command of the workload, on the task `id` as it stands in `s`.
fn task_command(s: &Session, i: usize, id: u64) -> Command {
    let t = s.state().task(id).expect("a task of the ledger");
    match i % 4 {
        0 => Command::SetTaskStatus {
            id,
            status: if t.status == Status::InProgress {
                Status::Done
            } else {
                Status::InProgress
            },
        },
        1 => Command::AddTaskProgress {
            id,
            text: format!("第{i}次调度：已完成阶段目标"),
        },
        2 => Command::EditTask {
            id,
            task: Box::new(TaskFields {
                text: format!("{}（第{i}次修改）", TEXTS[i % TEXTS.len()]),
                ..t.fields.clone()
            }),
        },
        _ => Command::ClaimTask {
            id,
            owner: unit(i + t.fields.owner.as_ref().map_or(0, String::len)),
        },
    }
}

/// A session holding `tasks` imported tasks (two progress entries each) and `events` task
/// events after them.
fn ledger(tasks: usize, events: usize) -> (Session, Time, Vec<f64>) {
    let mut s = Session::new(plan());
    let mut now = t0();
    let mut chunk_ms = Vec::new();
    for start in (0..tasks).step_by(CHUNK) {
        let rows = (start..(start + CHUNK).min(tasks)).map(row).collect();
        let t = Instant::now();
        run(&mut s, &Command::ImportTasks { tasks: rows }, None, now);
        chunk_ms.push(t.elapsed().as_secs_f64() * 1e3);
        now += Duration::seconds(1);
    }
    assert_eq!(s.state().tasks.len(), tasks);
    let ids: Vec<u64> = s.state().tasks.iter().map(|t| t.id).collect();
    for i in 0..events {
        let id = ids[(i * 7_919) % ids.len()];
        let command = task_command(&s, i, id);
        // A third entered by a note-taker (who may not edit the host's tasks).
        let author = (i % 3 == 0 && i % 4 != 2).then(|| notetaker(i));
        // A claim by the owner it already has is refused as nothing changed: skip it.
        if let Ok(events) = s.decide_as(&command, author.as_ref(), now) {
            s.commit(events);
        } else {
            let command = Command::AddTaskProgress {
                id,
                text: format!("第{i}次调度"),
            };
            run(&mut s, &command, author.as_ref(), now);
        }
        now += Duration::milliseconds(200);
    }
    (s, now, chunk_ms)
}

fn show(micros: f64) -> String {
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else if micros >= 10.0 {
        format!("{micros:.0} µs")
    } else {
        format!("{micros:.1} µs")
    }
}

fn header() {
    println!(
        "  {:<52} {:>9} {:>9} {:>9} {:>9}",
        "", "min", "median", "p99", "max"
    );
}

fn row_of(label: &str, s: &Stats) {
    println!(
        "  {label:<52} {:>9} {:>9} {:>9} {:>9}   (n={})",
        show(s.min),
        show(s.median),
        show(s.p99),
        show(s.max),
        s.n
    );
}

fn micros_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e6
}

/// The process's peak resident memory (VmHWM) and current one (VmRSS), in MB (Linux).
fn memory() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |key: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.split_whitespace().nth(1)?.parse::<f64>().ok()
    };
    Some((kb("VmHWM:")? / 1024.0, kb("VmRSS:")? / 1024.0))
}

/// Decide + commit of each kind of task command, `samples` times, on `s` (which grows by
/// what they add); the tasks named are spread over the whole ledger.
fn per_command(s: &mut Session, now: &mut Time, samples: usize, label: &str) {
    let ids: Vec<u64> = s.state().tasks.iter().map(|t| t.id).collect();
    let kinds = [
        "AddTaskProgress",
        "SetTaskStatus",
        "EditTask",
        "ClaimTask",
        "AddTask (with list + no)",
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(samples); kinds.len()];
    for i in 0..samples {
        let id = ids[(i * 7_919 + 13) % ids.len()];
        for (k, times) in times.iter_mut().enumerate() {
            let command = match k {
                0 => Command::AddTaskProgress {
                    id,
                    text: format!("会上补充进展{i}"),
                },
                1 => Command::SetTaskStatus {
                    id,
                    status: if s.state().task(id).expect("task").status == Status::InProgress {
                        Status::Done
                    } else {
                        Status::InProgress
                    },
                },
                2 => task_command(s, 2, id),
                3 => Command::ClaimTask {
                    id,
                    owner: format!("认领单位{i}"),
                },
                _ => Command::AddTask {
                    task: Box::new(TaskFields {
                        no: Some(format!("{}", i + 1)),
                        list: Some("会议交办事项".into()),
                        text: format!("会上交办事项{i}"),
                        owner: Some(unit(i)),
                        due_text: Some("6月底前".into()),
                        ..TaskFields::default()
                    }),
                    unit: Some(unit(i)),
                    status: None,
                    from_remark: None,
                },
            };
            let command = if k == 2 {
                match command {
                    Command::EditTask { id, task } => Command::EditTask {
                        id,
                        task: Box::new(TaskFields {
                            text: format!("会上修改的事项{i}"),
                            ..*task
                        }),
                    },
                    c => c,
                }
            } else {
                command
            };
            *now += Duration::milliseconds(100);
            let start = Instant::now();
            let events = s
                .decide_as(&command, None, *now)
                .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
            s.commit(events);
            times.push(micros_since(start));
        }
    }
    println!("\n  decide + commit, one task command ({label}):");
    header();
    for (k, t) in times.into_iter().enumerate() {
        row_of(kinds[k], &Stats::of(t));
    }
}

fn main() {
    // A child run: open the session file only, and say how much memory that took.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--open-only") {
        let path = Path::new(&args[i + 1]);
        let before = memory().map_or(0.0, |m| m.0);
        let s = store::read(path).expect("read the session");
        let after = memory().map_or(0.0, |m| m.0);
        println!(
            "{} {} {before:.1} {after:.1}",
            s.state().tasks.len(),
            s.events().len()
        );
        return;
    }
    let samples = env_count("PODIUM_BENCH_TASK_SAMPLES", 1000);
    let durable = env_count("PODIUM_BENCH_TASK_DURABLE", 300);
    let rounds = env_count("PODIUM_BENCH_TASK_ROUNDS", 10);
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create the bench folder");
    let tmp = tempfile::Builder::new()
        .prefix("podium-bench-tasks-")
        .tempdir_in(&base)
        .expect("create a temp folder");
    let dir = tmp.path();
    println!("podium task ledger benchmark, files in {}", dir.display());

    // ---- the ledger --------------------------------------------------------------------
    let start = Instant::now();
    let (mut big, mut now, chunks) = ledger(TASKS, TASK_EVENTS);
    let built = micros_since(start);
    let st = big.state();
    let progress: usize = st.tasks.iter().map(|t| t.progress.len()).sum();
    println!(
        "  ledger: {} tasks, {} progress entries, {} events; built in {} (import chunks of {CHUNK}: first {:.1} ms, last {:.1} ms)",
        st.tasks.len(),
        progress,
        big.events().len(),
        show(built),
        chunks[0],
        chunks[chunks.len() - 1],
    );
    let events_before = big.events().to_vec();

    // ---- the session file and opening it -------------------------------------------------
    let path = dir.join("ledger.session.json");
    let start = Instant::now();
    let text = store::snapshot_text(&big, now);
    let serialise = micros_since(start);
    std::fs::write(&path, &text).expect("write the session file");
    println!(
        "  session file: {:.1} MB ({} events; store::snapshot_text {})",
        text.len() as f64 / 1e6,
        big.events().len(),
        show(serialise)
    );
    drop(text);

    let mut refold = Vec::new();
    let mut record = Vec::new();
    let mut snapshot = Vec::new();
    let mut read = Vec::new();
    let mut open = Vec::new();
    for _ in 0..rounds {
        let events = events_before.clone();
        let start = Instant::now();
        let s = Session::from_events(plan(), events);
        refold.push(micros_since(start));
        assert_eq!(s.state().tasks, big.state().tasks);

        let start = Instant::now();
        let r = Record::of(&big, now);
        record.push(micros_since(start));
        assert_eq!(r.tasks.len(), TASKS);
        drop(r);

        let start = Instant::now();
        let t = store::snapshot_text(&big, now);
        snapshot.push(micros_since(start));
        drop(t);

        let start = Instant::now();
        let s = store::read(&path).expect("read the session");
        read.push(micros_since(start));
        assert_eq!(s.state().tasks.len(), TASKS);
        drop(s);

        let start = Instant::now();
        let (w, _) = Writer::open(&path, now).expect("open the session");
        open.push(micros_since(start));
        drop(w);
    }
    println!(
        "\n  the whole session ({} events, {TASKS} tasks):",
        big.events().len()
    );
    header();
    row_of("Session::from_events (full refold)", &Stats::of(refold));
    row_of("Record::of", &Stats::of(record));
    row_of("store::snapshot_text", &Stats::of(snapshot));
    row_of("store::read (open the file, read-only)", &Stats::of(read));
    row_of("Writer::open (lock, read, journal)", &Stats::of(open));

    // ---- a whole list in one import, then imported again (every row matched) ----------
    let rows: Vec<ImportedTask> = (0..TASKS).map(row).collect();
    let mut fresh = Session::new(plan());
    let start = Instant::now();
    run(
        &mut fresh,
        &Command::ImportTasks {
            tasks: rows.clone(),
        },
        None,
        t0(),
    );
    let once = micros_since(start);
    let again: Vec<ImportedTask> = rows
        .into_iter()
        .map(|mut r| {
            r.status = Some(Status::InProgress);
            r
        })
        .collect();
    let start = Instant::now();
    run(
        &mut fresh,
        &Command::ImportTasks { tasks: again },
        None,
        t0(),
    );
    let update = micros_since(start);
    println!(
        "\n  ImportTasks of {TASKS} rows in one action: into an empty ledger {}, again (every row matched, status changed) {}",
        show(once),
        show(update)
    );
    drop(fresh);

    // ---- per command, in memory -----------------------------------------------------------
    let (mut small, mut small_now, _) = ledger(SMALL, SMALL * 2);
    per_command(
        &mut small,
        &mut small_now,
        samples,
        &format!("{SMALL} tasks"),
    );
    per_command(&mut big, &mut now, samples, &format!("{TASKS} tasks"));

    // ---- durable, through the writer ---------------------------------------------------
    let (mut writer, _) = Writer::open(&path, now).expect("open the session");
    let ids: Vec<u64> = writer
        .session()
        .state()
        .tasks
        .iter()
        .map(|t| t.id)
        .collect();
    let mut times = Vec::with_capacity(durable);
    let mut floor = Vec::with_capacity(durable);
    let mut floor_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("floor-fdatasync.bin"))
        .expect("open the floor file");
    let line = {
        let mut l = serde_json::to_vec(&writer.session().events()[TASKS]).expect("serialise");
        l.push(b'\n');
        l
    };
    for i in 0..durable {
        // The floor, interleaved: one line of the same size appended and flushed.
        let start = Instant::now();
        std::io::Write::write_all(&mut floor_file, &line).expect("write");
        floor_file.sync_data().expect("fdatasync");
        floor.push(micros_since(start));

        let id = ids[(i * 7_919 + 29) % ids.len()];
        let command = match i % 2 {
            0 => Command::AddTaskProgress {
                id,
                text: format!("会上补充进展{i}"),
            },
            _ => task_command(writer.session(), 0, id),
        };
        now += Duration::milliseconds(500);
        let start = Instant::now();
        writer.execute(&command, now).expect("carried out");
        times.push(micros_since(start));
    }
    println!("\n  durable, {TASKS} tasks:");
    header();
    row_of("floor: append one line + fdatasync", &Stats::of(floor));
    row_of(
        "Writer::execute (progress / status, + fdatasync)",
        &Stats::of(times),
    );
    drop(writer);

    // ---- memory ---------------------------------------------------------------------------
    let child = std::process::Command::new(std::env::current_exe().expect("this benchmark"))
        .arg("--open-only")
        .arg(&path)
        .output()
        .expect("run the child");
    let out = String::from_utf8_lossy(&child.stdout);
    let f: Vec<f64> = out
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    println!("\n  memory:");
    if f.len() == 4 {
        println!(
            "  a process that only opens the session (store::read): peak RSS {:.1} MB ({:.1} MB before reading)",
            f[3], f[2]
        );
    } else {
        println!("  the child run said: {out}");
    }
    if let Some((peak, now)) = memory() {
        println!("  this benchmark: peak RSS {peak:.1} MB, now {now:.1} MB");
    }
}
