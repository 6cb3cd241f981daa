//! The task ledger attacked from the outside: `podium tasks` given hostile files, and the
//! meeting before read while its console rewrites it. Every test runs the real binary (or
//! the library's `--previous` reader) the way a user or an attacker would.

use podium::commands::previous;
use podium::strings::Lang;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

mod common {
    pub mod cli;
}

use common::cli::{podium, text};

const PLAN: &str = r#"{"title": "2026年重点工作推进会", "date": "2026-03-20",
  "units": [{"name": "市交通运输局"}, {"name": "市教育局"}]}"#;

fn plan_in(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, PLAN).expect("the plan");
    path
}

/// The ledger of `session`: (序号, 事项) of every task.
fn ledger(session: &Path) -> Vec<(Option<String>, String)> {
    podium::store::read(session)
        .expect("the session reads")
        .state()
        .tasks
        .iter()
        .map(|t| (t.fields.no.clone(), t.fields.text.clone()))
        .collect()
}

/// Two sheets pasted one under the other (a title row, the header written again): the second
/// header is skipped with a warning naming its row, never taken for a task 序号 “序号”.
#[test]
fn a_header_written_again_is_not_a_task() {
    let dir = tempfile::tempdir().expect("a folder");
    plan_in(dir.path(), "推进会.json");
    let csv = "2026年任务分解表\n\
               序号,重点任务,责任单位\n\
               1,修缮校舍,市教育局\n\
               序号,重点任务,责任单位\n\
               2,改造道路,市交通运输局\n";
    std::fs::write(dir.path().join("两表.csv"), csv).expect("the list");
    let out = podium(
        dir.path(),
        &["tasks", "推进会.json", "两表.csv", "--lang", "zh"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let session = dir.path().join("推进会.session.json");
    assert_eq!(
        ledger(&session),
        vec![
            (Some("1".into()), "修缮校舍".into()),
            (Some("2".into()), "改造道路".into()),
        ]
    );
    assert!(
        text(&out.stderr).contains("两表.csv:4"),
        "{}",
        text(&out.stderr)
    );
}

/// A status cell holding terminal escapes (a title change, a screen clear, a bell): the
/// error names the row and column and prints the word cleaned, never the escapes raw.
#[test]
fn an_unknown_status_is_named_without_its_terminal_escapes() {
    let dir = tempfile::tempdir().expect("a folder");
    plan_in(dir.path(), "推进会.json");
    let csv = "序号,事项,责任单位,状态\n1,修缮校舍,市教育局,\"\u{1b}]0;pwned\u{7}\u{1b}[2J坏\u{202e}词\"\n";
    std::fs::write(dir.path().join("状态.csv"), csv).expect("the list");
    let out = podium(
        dir.path(),
        &["tasks", "推进会.json", "状态.csv", "--lang", "zh"],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("状态.csv:2:D"), "{err}");
    assert!(err.contains("坏"), "{err}");
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!err.contains(raw), "{raw:?} printed raw: {err:?}");
    }
    assert!(!dir.path().join("推进会.session.json").exists());
}

/// Header cells holding terminal escapes, in a file that is not a task list and in one
/// without a 序号 column: the sentences quote the header cleaned, never the escapes raw.
#[test]
fn header_cells_are_quoted_without_their_terminal_escapes() {
    let dir = tempfile::tempdir().expect("a folder");
    plan_in(dir.path(), "推进会.json");
    let files = [
        (
            "无表头.csv",
            "\u{1b}]0;pwned\u{7}编号,\u{1b}[2J名称,单位\n1,x,y\n",
            "名称",
        ),
        (
            "无序号.csv",
            "事项,\u{1b}[5m责任\u{202e}单位\n修缮校舍,市教育局\n",
            "序号",
        ),
    ];
    for (name, csv, said) in files {
        std::fs::write(dir.path().join(name), csv).expect("the list");
        let out = podium(dir.path(), &["tasks", "推进会.json", name, "--lang", "zh"]);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(name) && err.contains(said), "{err}");
        for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!err.contains(raw), "{name}: {raw:?} printed raw: {err:?}");
        }
    }
    assert!(!dir.path().join("推进会.session.json").exists());
}

/// Two `podium tasks` at once on a plan that has no session yet: both lists end in its one
/// session, or the one that finds the other at work is refused in the language asked for
/// (naming the lock); never a list reported imported and lost.
#[test]
fn two_imports_at_once_into_a_new_session_lose_nothing() {
    for round in 0..6 {
        let dir = tempfile::tempdir().expect("a folder");
        plan_in(dir.path(), "推进会.json");
        for list in ["甲", "乙"] {
            let csv = format!("序号,清单,事项,责任单位\n1,{list},{list}清单第一项,市教育局\n");
            std::fs::write(dir.path().join(format!("{list}.csv")), csv).expect("the list");
        }
        let spawn = |list: &str| {
            Process::new(env!("CARGO_BIN_EXE_podium"))
                .args([
                    "tasks",
                    "推进会.json",
                    &format!("{list}.csv"),
                    "--lang",
                    "zh",
                ])
                .current_dir(dir.path())
                .env("LC_ALL", "")
                .env("LC_MESSAGES", "")
                .env("LANG", "")
                .env_remove("PODIUM_LANG")
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("podium runs")
        };
        let (a, b) = (spawn("甲"), spawn("乙"));
        let outs = [a, b].map(|c| c.wait_with_output().expect("podium ends"));
        let done = outs.iter().filter(|o| o.status.success()).count();
        assert!(done > 0, "round {round}: neither list imported");
        for o in outs.iter().filter(|o| !o.status.success()) {
            let err = text(&o.stderr);
            assert!(
                err.contains("已在另一个 podium 中打开"),
                "round {round}: {err}"
            );
        }
        let session = dir.path().join("推进会.session.json");
        assert_eq!(ledger(&session).len(), done, "round {round}");
    }
}

/// A session from a newer podium: `podium tasks` refuses it by its version, in the language
/// asked for, and leaves its bytes and its folder as they were.
#[test]
fn a_session_from_a_newer_podium_is_refused_by_version_untouched() {
    let dir = tempfile::tempdir().expect("a folder");
    let bytes = session_with(dir.path(), "新版", 1);
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    json["version"] = serde_json::json!(99);
    let session = dir.path().join("新版.session.json");
    let newer = serde_json::to_vec(&json).expect("json");
    std::fs::write(&session, &newer).expect("written");
    let before = std::fs::read_dir(dir.path()).expect("the folder").count();
    let out = podium(
        dir.path(),
        &["tasks", "新版.session.json", "新版.csv", "--lang", "zh"],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("版本 99") && err.contains("未作任何改动"),
        "{err}"
    );
    assert_eq!(std::fs::read(&session).expect("read"), newer);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the folder").count(),
        before
    );
}

/// Makes a closed session of the plan in `dir` holding `n` tasks (through `podium tasks`).
fn session_with(dir: &Path, name: &str, n: usize) -> Vec<u8> {
    plan_in(dir, &format!("{name}.json"));
    let mut csv = String::from("序号,清单,事项,责任单位\n");
    for i in 1..=n {
        csv.push_str(&format!("{i},{name},第{i}项任务,市教育局\n"));
    }
    std::fs::write(dir.join(format!("{name}.csv")), csv).expect("the list");
    let plan = format!("{name}.json");
    let list = format!("{name}.csv");
    let out = podium(dir, &["tasks", &plan, &list, "--lang", "zh"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read(dir.join(format!("{name}.session.json"))).expect("the session")
}

/// The meeting before, read while its console replaces its snapshot again and again (each
/// time other bytes, as a console's snapshots are): the SHA-256 recorded is always of the very
/// bytes the carried tasks came from (never one version's hash with another's tasks).
#[test]
fn a_previous_rewritten_while_read_is_hashed_as_read() {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().expect("a folder");
    let few = session_with(dir.path(), "甲", 300);
    let many = session_with(dir.path(), "乙", 3000);
    let target = dir.path().join("上次 会议.session.json");
    // Every version written: its SHA-256 → how many tasks it carries.
    let written: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let put = |bytes: &[u8], n: usize| {
        written
            .lock()
            .expect("the map")
            .insert(previous::sha256_hex(bytes), n);
    };
    put(&few, 300);
    std::fs::write(&target, &few).expect("written");
    let stop = Arc::new(AtomicBool::new(false));
    let flipper = {
        let (target, stop, written) = (target.clone(), stop.clone(), written.clone());
        let temp = dir.path().join("上次.tmp");
        std::thread::spawn(move || {
            let mut k = 0usize;
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                let (base, n) = if k.is_multiple_of(2) {
                    (&few, 300)
                } else {
                    (&many, 3000)
                };
                // Trailing blanks: another file of the same session, as a new snapshot is.
                let mut bytes = base.clone();
                bytes.extend(std::iter::repeat_n(b' ', k));
                written
                    .lock()
                    .expect("the map")
                    .insert(previous::sha256_hex(&bytes), n);
                std::fs::write(&temp, &bytes).expect("written");
                std::fs::rename(&temp, &target).expect("renamed");
                std::thread::sleep(std::time::Duration::from_millis(3));
            }
        })
    };
    let plan = podium::planfile::parse("丙.json", PLAN, Lang::Zh)
        .expect("the plan")
        .plan;
    let now = chrono::DateTime::parse_from_rfc3339("2026-06-20T09:00:00+08:00").expect("a time");
    let (mut read, mut torn) = (0, Vec::new());
    for _ in 0..150 {
        let Ok(Some(link)) = previous::find(None, None, &plan, Some(&target), Lang::Zh, now) else {
            continue;
        };
        read += 1;
        let hashed = written
            .lock()
            .expect("the map")
            .get(&link.previous.sha256)
            .copied();
        if hashed != Some(link.tasks.len()) {
            torn.push((link.tasks.len(), hashed));
        }
    }
    stop.store(true, Ordering::Relaxed);
    flipper.join().expect("the writer thread");
    assert!(read > 0, "never read");
    assert!(
        torn.is_empty(),
        "{} of {read} reads hashed other bytes than they carried (carried, hashed): {:?}",
        torn.len(),
        &torn[..torn.len().min(5)]
    );
}

/// A small workbook whose sheet unpacks to more than podium reads (a zip bomb) is refused at
/// once with a sentence naming the part, before the reader holds it in memory; nothing is
/// made.
#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("a folder");
    plan_in(dir.path(), "推进会.json");
    let path = dir.path().join("炸弹.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("the file"));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("[Content_Types].xml", deflated)
        .expect("a part");
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>")
        .expect("written");
    zip.start_file("xl/worksheets/sheet1.xml", deflated)
        .expect("a part");
    let zeros = vec![b' '; 1024 * 1024];
    let parts = podium::import::MAX_PART_BYTES / (1024 * 1024) + 1;
    for _ in 0..parts {
        zip.write_all(&zeros).expect("written");
    }
    zip.finish().expect("the workbook");
    assert!(std::fs::metadata(&path).expect("the file").len() < 2 * 1024 * 1024);
    let out = podium(
        dir.path(),
        &["tasks", "推进会.json", "炸弹.xlsx", "--lang", "zh"],
    );
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("xl/worksheets/sheet1.xml") && err.contains("解压后有 257 MB"),
        "{err}"
    );
    assert!(
        !dir.path().join("推进会.session.json").exists(),
        "no session made"
    );
}

/// A cell longer than a task may hold (a document pasted into 事项) is an error at its row
/// and column; nothing is made.
#[test]
fn a_cell_longer_than_a_task_may_hold_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a folder");
    plan_in(dir.path(), "推进会.json");
    let long = "很".repeat(podium::import::tasks::MAX_CELL_CHARS + 1);
    let csv = format!("序号,重点任务,责任单位\n1,修缮校舍,市教育局\n2,{long},市交通运输局\n");
    std::fs::write(dir.path().join("长.csv"), csv).expect("the list");
    let out = podium(
        dir.path(),
        &["tasks", "推进会.json", "长.csv", "--lang", "zh"],
    );
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("长.csv:3:B") && err.contains("20001 个字"),
        "{err}"
    );
    assert!(
        !dir.path().join("推进会.session.json").exists(),
        "no session made"
    );
}
