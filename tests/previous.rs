//! Carrying the task ledger to the next meeting: a session linked to the meeting before it
//! (`podium run PLAN --previous FILE`, or the plan's `previous`) starts with ONE event that
//! copies the earlier meeting's title, date, path and SHA-256 and exactly its unfinished
//! tasks, with their history and ids; the earlier session is only read (its bytes never
//! change); errors are sentences and write nothing; undo never takes the link back; a third
//! meeting carries from the second. `podium check` names the plan's tasks and its previous.

mod common {
    pub mod cli;
    pub mod pty;
}

use common::cli::{podium, text};

use common::pty::{TIMEOUT, Term, list_dir};
use podium::commands::previous;
use podium::session::record::Record;
use podium::session::{Command, EventKind, Session, Task, TaskFields};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::task::Status;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Meeting one: three prepared tasks in two lists (one already done in the plan).
const PLAN_ONE: &str = r#"{"title": "一季度重点工作推进会", "date": "2026-03-30",
  "units": [{"name": "市发改局"}, {"name": "市交通运输局"}, {"name": "城东街道"}],
  "reviewers": [{"name": "常务副市长"}],
  "tasks": [
    {"list": "重点项目", "no": "1", "text": "推进东部新城路网建设", "owner": "市交通运输局",
     "partners": ["市发改局"], "leader": "分管副市长", "due_text": "6月底前", "status": "推进中"},
    {"list": "重点项目", "no": "2", "text": "完成产业园二期规划", "owner": "市发改局", "due": "2026-03-15"},
    {"list": "民生实事", "no": "1", "text": "新增公共停车位500个", "owner": "城东街道", "status": "已完成"},
    {"list": "民生实事", "no": "2", "text": "老旧小区加装电梯20部", "owner": "城东街道"}
  ]}"#;

/// Meeting two's plan: its own prepared task, and no `previous` (given on the command line).
fn plan_two(previous: Option<&str>) -> String {
    let previous = previous.map_or(String::new(), |p| format!(r#""previous": "{p}","#));
    format!(
        r#"{{"title": "二季度重点工作推进会", "date": "2026-06-30", {previous}
  "units": [{{"name": "市发改局"}}, {{"name": "市交通运输局"}}],
  "reviewers": [{{"name": "常务副市长"}}],
  "tasks": [{{"list": "三季度任务", "no": "1", "text": "启动智慧停车平台", "owner": "市交通运输局"}}]}}"#
    )
}

fn at(s: &str) -> podium::session::Time {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn parse(name: &str, text: &str) -> podium::plan::Plan {
    podium::planfile::parse(name, text, Lang::Zh).unwrap().plan
}

fn sha(path: &Path) -> String {
    previous::sha256_hex(&std::fs::read(path).unwrap())
}

fn task<'a>(s: &'a Session, text: &str) -> &'a Task {
    s.state()
        .tasks
        .iter()
        .find(|t| t.fields.text == text)
        .unwrap_or_else(|| panic!("no task {text}"))
}

/// Meeting one, run with the library in `dir` as `一季度.json` and its session: the plan's
/// tasks, two raised in the meeting (one claimed), progress, and some closed, cancelled or
/// done. Returns the session's path.
fn meeting_one(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("一季度.json"), PLAN_ONE).unwrap();
    let path = dir.join("一季度.session.json");
    let t = at("2026-03-30T09:00:00+08:00");
    let mut w = Writer::create(&path, parse("一季度.json", PLAN_ONE), t).unwrap();
    let add = |text: &str, owner: &str| Command::AddTask {
        task: Box::new(TaskFields {
            text: text.into(),
            owner: Some(owner.into()),
            assigned_by: Some("常务副市长".into()),
            due_text: Some("年底前".into()),
            ..TaskFields::default()
        }),
        unit: Some("城东街道".into()),
        status: None,
        from_remark: None,
    };
    w.execute(&Command::ToggleTalk, t).unwrap();
    w.execute(&add("整治背街小巷10条", "城东街道"), t).unwrap();
    w.execute(&add("建设口袋公园3个", "城东街道"), t).unwrap();
    w.execute(&add("清理闲置土地", "市发改局"), t).unwrap();
    let s = w.session().clone();
    let id = |text: &str| task(&s, text).id;
    w.execute(
        &Command::AddTaskProgress {
            id: id("推进东部新城路网建设"),
            text: "主干道已开工3条".into(),
        },
        t,
    )
    .unwrap();
    w.execute(
        &Command::ClaimTask {
            id: id("建设口袋公园3个"),
            owner: "市交通运输局".into(),
        },
        t,
    )
    .unwrap();
    let set = |text: &str, status| Command::SetTaskStatus {
        id: id(text),
        status,
    };
    w.execute(&set("完成产业园二期规划", Status::Closed), t)
        .unwrap();
    w.execute(&set("整治背街小巷10条", Status::Cancelled), t)
        .unwrap();
    w.execute(&set("清理闲置土地", Status::Done), t).unwrap();
    w.execute(&set("老旧小区加装电梯20部", Status::InProgress), t)
        .unwrap();
    w.execute(&Command::EndMeeting, t).unwrap();
    w.close(t).unwrap();
    path
}

/// The tasks meeting one leaves unfinished, by id, as its own ledger holds them.
fn unfinished(s: &Session) -> BTreeMap<u64, Task> {
    s.state()
        .tasks
        .iter()
        .filter(|t| !t.status.is_finished())
        .map(|t| (t.id, t.clone()))
        .collect()
}

/// Meeting two's session in `dir`, created with the library and linked by `carry`.
fn meeting_two(
    dir: &Path,
    plan_file: &Path,
    explicit: Option<&Path>,
) -> (Writer, Result<Option<String>, String>) {
    let text = std::fs::read_to_string(plan_file).unwrap();
    let plan = parse("二季度.json", &text);
    let t = at("2026-06-30T09:00:00+08:00");
    let mut w = Writer::create(&dir.join("二季度.session.json"), plan.clone(), t).unwrap();
    let r = previous::carry(&mut w, Some(plan_file), &plan, explicit, Lang::Zh, t);
    (w, r)
}

/// Checks meeting two against meeting one: exactly the unfinished tasks, with status,
/// progress, ids and `carried_from`, in one first event; the plan's own task numbered after.
fn assert_carried(one: &Session, two: &Session, path: &str, sha256: &str) {
    let expected = unfinished(one);
    assert_eq!(expected.len(), 3, "meeting one: {:#?}", one.state().tasks);
    let first = &two.events()[0];
    let EventKind::PreviousLinked {
        previous, tasks, ..
    } = &first.kind
    else {
        panic!("the first event is not the link: {first:?}");
    };
    assert_eq!(two.events().len(), 1, "the link is one event");
    assert_eq!(previous.title, "一季度重点工作推进会");
    assert_eq!(previous.date.as_deref(), Some("2026-03-30"));
    assert_eq!(previous.path, path);
    assert_eq!(previous.sha256, sha256);
    assert_eq!(tasks.len(), expected.len());
    let st = two.state();
    let carried: BTreeMap<u64, &Task> = st
        .tasks
        .iter()
        .filter(|t| t.carried_from.is_some())
        .map(|t| (t.id, t))
        .collect();
    assert_eq!(
        carried.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (id, old) in &expected {
        let new = carried[id];
        assert_eq!(new.fields, old.fields, "task {id}");
        assert_eq!(new.status, old.status, "task {id}");
        assert_eq!(new.progress, old.progress, "task {id}");
        assert_eq!(new.claimed_at, old.claimed_at, "task {id}");
        assert_eq!(new.at, old.at, "task {id}");
        assert_eq!(new.unit, old.unit, "task {id}");
        let from = new.carried_from.as_ref().unwrap();
        assert_eq!(from.title, "一季度重点工作推进会");
        assert_eq!(from.date.as_deref(), Some("2026-03-30"));
    }
    // The progress and the claim came along.
    assert_eq!(
        task(two, "推进东部新城路网建设").progress[0].text,
        "主干道已开工3条"
    );
    assert_eq!(
        task(two, "建设口袋公园3个").fields.owner.as_deref(),
        Some("市交通运输局")
    );
    // The plan's own task: a number no carried task has.
    let own = task(two, "启动智慧停车平台");
    assert!(own.carried_from.is_none());
    assert!(!expected.contains_key(&own.id), "id {} collides", own.id);
    let mut ids: Vec<u64> = st.tasks.iter().map(|t| t.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), st.tasks.len(), "ids repeat: {:?}", st.tasks);
    // The record.
    let record = serde_json::to_value(Record::of(two, at("2026-06-30T10:00:00+08:00"))).unwrap();
    assert_eq!(record["previous"]["title"], "一季度重点工作推进会");
    assert_eq!(record["previous"]["date"], "2026-03-30");
    assert_eq!(record["previous"]["path"], path);
    let rows = record["tasks"].as_array().unwrap();
    assert_eq!(rows.len(), expected.len() + 1);
    for row in rows {
        let id = row["id"].as_u64().expect("a numeric id");
        if expected.contains_key(&id) {
            assert_eq!(
                row["carried_from"]["title"], "一季度重点工作推进会",
                "{row}"
            );
        } else {
            assert_eq!(row["text"], "启动智慧停车平台");
            assert!(row.get("carried_from").is_none_or(Value::is_null), "{row}");
        }
    }
}

#[test]
fn meeting_two_created_with_previous_holds_exactly_the_unfinished_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let before = sha(&one_path);
    let files_before = list_dir(dir.path());
    let one = store::read(&one_path).unwrap();
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(None)).unwrap();
    let (w, r) = meeting_two(dir.path(), &plan2, Some(&one_path));
    let notice = r.unwrap().expect("linked");
    assert!(notice.contains("一季度重点工作推进会"), "{notice}");
    assert!(notice.contains("3 项"), "{notice}");
    let two = w.session().clone();
    w.close(at("2026-06-30T09:00:00+08:00")).unwrap();
    assert_carried(&one, &two, &one_path.display().to_string(), &before);
    // Read back from disk: the same fold.
    let again = store::read(&dir.path().join("二季度.session.json")).unwrap();
    assert_eq!(again.state().tasks, two.state().tasks);
    // The first session: the same bytes, and nothing new beside it (no lock, no journal).
    assert_eq!(sha(&one_path), before);
    let mut files_after = list_dir(dir.path());
    files_after.retain(|n| !n.starts_with("二季度"));
    let mut files_before = files_before;
    files_before.retain(|n| !n.starts_with("二季度"));
    assert_eq!(files_after, files_before);
}

#[test]
fn the_plans_relative_previous_is_used_and_previous_on_the_command_line_wins() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    std::fs::create_dir(&first).unwrap();
    let one_path = meeting_one(&first);
    let one = store::read(&one_path).unwrap();
    // The plan in another folder names the session relative to itself.
    let second = dir.path().join("second");
    std::fs::create_dir(&second).unwrap();
    let plan2 = second.join("二季度.json");
    std::fs::write(&plan2, plan_two(Some("../first/一季度.session.json"))).unwrap();
    let (w, r) = meeting_two(&second, &plan2, None);
    assert!(r.unwrap().is_some());
    assert_carried(
        &one,
        w.session(),
        "../first/一季度.session.json",
        &sha(&one_path),
    );
    drop(w);
    // `--previous` wins over the plan's (which now names a file that is not there).
    let third = dir.path().join("third");
    std::fs::create_dir(&third).unwrap();
    let plan3 = third.join("二季度.json");
    std::fs::write(&plan3, plan_two(Some("nowhere.session.json"))).unwrap();
    let (w, r) = meeting_two(&third, &plan3, Some(&one_path));
    assert!(r.unwrap().is_some());
    assert_carried(
        &one,
        w.session(),
        &one_path.display().to_string(),
        &sha(&one_path),
    );
}

#[test]
fn a_plan_named_as_previous_means_its_newest_session_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let one = store::read(&one_path).unwrap();
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(Some("一季度.json"))).unwrap();
    let (w, r) = meeting_two(dir.path(), &plan2, None);
    let notice = r.unwrap().unwrap();
    assert!(notice.contains("一季度.session.json"), "{notice}");
    // The path recorded is the session's, as the plan's folder sees it.
    assert_carried(&one, w.session(), "一季度.session.json", &sha(&one_path));
}

/// Every refusal: a sentence naming the file, and nothing written to the new session.
#[test]
fn errors_are_sentences_naming_the_file_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(None)).unwrap();
    // A plan with no session yet.
    let lonely = dir.path().join("三季度.json");
    std::fs::write(&lonely, plan_two(None).replace("二季度", "三季度")).unwrap();
    // Not a session (nor a plan).
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, r#"{"hello": 1}"#).unwrap();
    // A newer podium's session.
    let newer = dir.path().join("newer.session.json");
    let text = std::fs::read_to_string(&one_path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let version = v["version"].as_u64().unwrap();
    let mut v = v;
    v["version"] = Value::from(version + 1);
    std::fs::write(&newer, serde_json::to_string(&v).unwrap()).unwrap();
    let session2 = dir.path().join("二季度.session.json");
    let cases: [(PathBuf, &[&str]); 5] = [
        (
            dir.path().join("missing.session.json"),
            &["missing.session.json", "不存在"],
        ),
        (notes.clone(), &["notes.json", "不是"]),
        (lonely.clone(), &["三季度.json", "还没有会议记录"]),
        (newer.clone(), &["newer.session.json", "更新版本"]),
        (session2.clone(), &["二季度.session.json", "本次会议"]),
    ];
    for (given, words) in cases {
        let (w, r) = meeting_two(dir.path(), &plan2, Some(&given));
        let e = r.expect_err("refused");
        for word in words {
            assert!(e.contains(word), "{given:?}: {e}");
        }
        assert!(e.contains("未写入任何内容"), "{e}");
        assert_eq!(w.session().last_seq(), 0, "{given:?} wrote something");
        w.release(at("2026-06-30T09:00:00+08:00")).unwrap();
        std::fs::remove_file(&session2).unwrap();
    }
    // English too.
    let plan = parse("二季度.json", &plan_two(None));
    let t = at("2026-06-30T09:00:00+08:00");
    let mut w = Writer::create(&session2, plan.clone(), t).unwrap();
    let missing = dir.path().join("gone.session.json");
    let e = previous::carry(&mut w, Some(&plan2), &plan, Some(&missing), Lang::En, t)
        .expect_err("refused");
    assert!(
        e.contains("gone.session.json") && e.contains("no such file"),
        "{e}"
    );
    assert!(e.contains("Nothing was written"), "{e}");
}

#[test]
fn a_session_that_already_exists_is_not_linked_again() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let other_path = meeting_one(&other);
    // Another meeting one (its bytes differ: it is another file, not a copy).
    let mut bytes = std::fs::read(&other_path).unwrap();
    bytes.push(b'\n');
    std::fs::write(&other_path, bytes).unwrap();
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(None)).unwrap();
    let (w, r) = meeting_two(dir.path(), &plan2, Some(&one_path));
    r.unwrap();
    let t = at("2026-06-30T09:10:00+08:00");
    w.close(t).unwrap();
    let session2 = dir.path().join("二季度.session.json");
    let plan = parse("二季度.json", &plan_two(None));
    // The very same file again: resumed as it is.
    let (mut w, _) = Writer::open(&session2, t).unwrap();
    let r = previous::carry(&mut w, Some(&plan2), &plan, Some(&one_path), Lang::Zh, t);
    assert_eq!(r, Ok(None));
    // Another file: refused, saying how to make a new linked session.
    let r = previous::carry(&mut w, Some(&plan2), &plan, Some(&other_path), Lang::Zh, t);
    let e = r.expect_err("refused");
    assert!(e.contains("--new --previous"), "{e}");
    assert!(e.contains("二季度.session.json"), "{e}");
    assert_eq!(w.session().last_seq(), 1);
    drop(w);
    // A session not linked at all, resumed with --previous: refused the same way.
    let plain = dir.path().join("plain.session.json");
    let mut w = Writer::create(&plain, plan.clone(), t).unwrap();
    w.execute(&Command::ToggleTalk, t).unwrap();
    let seq = w.session().last_seq();
    let e = previous::carry(&mut w, Some(&plan2), &plan, Some(&one_path), Lang::Zh, t)
        .expect_err("refused");
    assert!(e.contains("只在创建会议记录时"), "{e}");
    assert!(e.contains("--new --previous"), "{e}");
    assert_eq!(w.session().last_seq(), seq);
    assert!(w.session().state().previous.is_none());
}

#[test]
fn undo_never_takes_back_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(None)).unwrap();
    let (mut w, r) = meeting_two(dir.path(), &plan2, Some(&one_path));
    r.unwrap();
    let t = at("2026-06-30T09:05:00+08:00");
    assert!(w.execute(&Command::Undo, t).is_err(), "the link was undone");
    w.execute(&Command::ToggleTalk, t).unwrap();
    w.execute(&Command::Undo, t).unwrap();
    assert!(w.execute(&Command::Undo, t).is_err());
    let s = w.session();
    assert!(s.state().previous.is_some());
    assert_eq!(
        s.state()
            .tasks
            .iter()
            .filter(|t| t.carried_from.is_some())
            .count(),
        3
    );
}

#[test]
fn a_third_meeting_carries_from_the_second_with_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let one_sha = sha(&one_path);
    let one = store::read(&one_path).unwrap();
    let plan2 = dir.path().join("二季度.json");
    std::fs::write(&plan2, plan_two(None)).unwrap();
    let (mut w, r) = meeting_two(dir.path(), &plan2, Some(&one_path));
    r.unwrap();
    // Meeting two closes one carried task and adds progress to another.
    let t = at("2026-06-30T10:00:00+08:00");
    let s = w.session().clone();
    let lift = task(&s, "老旧小区加装电梯20部").id;
    let road = task(&s, "推进东部新城路网建设").id;
    w.execute(
        &Command::SetTaskStatus {
            id: lift,
            status: Status::Closed,
        },
        t,
    )
    .unwrap();
    w.execute(
        &Command::AddTaskProgress {
            id: road,
            text: "二季度又开工2条".into(),
        },
        t,
    )
    .unwrap();
    let two = w.session().clone();
    w.close(t).unwrap();
    let two_path = dir.path().join("二季度.session.json");
    let two_sha = sha(&two_path);
    // Meeting three, from meeting two.
    let plan3_text = plan_two(None)
        .replace("二季度重点工作推进会", "三季度重点工作推进会")
        .replace("2026-06-30", "2026-09-30");
    let plan3 = parse("三季度.json", &plan3_text);
    let t3 = at("2026-09-30T09:00:00+08:00");
    let path3 = dir.path().join("三季度.session.json");
    let mut w3 = Writer::create(&path3, plan3.clone(), t3).unwrap();
    let notice = previous::carry(&mut w3, None, &plan3, Some(&two_path), Lang::En, t3)
        .unwrap()
        .unwrap();
    assert!(notice.contains("3 unfinished tasks"), "{notice}");
    let three = w3.session();
    let carried: BTreeMap<u64, &Task> = three
        .state()
        .tasks
        .iter()
        .filter(|t| t.carried_from.is_some())
        .map(|t| (t.id, t))
        .collect();
    // Two carried twice (ids stable), and meeting two's own prepared task.
    let own2 = task(&two, "启动智慧停车平台").id;
    let mut expected = vec![road, task(&one, "建设口袋公园3个").id, own2];
    expected.sort();
    assert_eq!(carried.keys().copied().collect::<Vec<_>>(), expected);
    assert!(!carried.contains_key(&lift));
    let road3 = carried[&road];
    assert_eq!(road3.progress.len(), 2, "{road3:?}");
    let from = road3.carried_from.as_ref().unwrap();
    assert_eq!(from.title, "二季度重点工作推进会");
    assert_eq!(from.date.as_deref(), Some("2026-06-30"));
    // Meeting three's own task: after all of them.
    let own3 = three
        .state()
        .tasks
        .iter()
        .find(|t| t.carried_from.is_none())
        .unwrap();
    assert!(expected.iter().all(|id| *id != own3.id));
    assert_eq!(sha(&two_path), two_sha);
    assert_eq!(sha(&one_path), one_sha);
}

// ---- The binary ----

#[test]
fn podium_run_with_previous_links_the_new_session_before_the_console_shows() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let one = store::read(&one_path).unwrap();
    let before = sha(&one_path);
    std::fs::write(dir.path().join("二季度.json"), plan_two(None)).unwrap();
    let mut t = Term::spawn(
        dir.path(),
        &[
            "run",
            "二季度.json",
            "--previous",
            "一季度.session.json",
            "--lang",
            "zh",
        ],
    );
    t.wait_for("已接续上次会议", TIMEOUT);
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    let path2 = dir.path().join("二季度.session.json");
    let two = store::read(&path2).unwrap();
    assert_carried(&one, &two, "一季度.session.json", &before);
    assert_eq!(sha(&one_path), before);
    // The json record from the command line.
    let out = podium(
        dir.path(),
        &["report", "二季度.session.json", "--lang", "zh"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["previous"]["path"], "一季度.session.json");
    assert_eq!(record["previous"]["sha256"], before.as_str());
    // Resumed with the same --previous: it goes on (then stops: no terminal here).
    let out = podium(
        dir.path(),
        &[
            "run",
            "二季度.json",
            "--previous",
            "一季度.session.json",
            "--lang",
            "zh",
        ],
    );
    assert!(
        !text(&out.stderr).contains("--new --previous"),
        "{}",
        text(&out.stderr)
    );
    // Resumed with another file: refused with how to make a new one.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    // Another meeting one (its bytes differ: it is another file, not a copy).
    let other_path = meeting_one(&other);
    let mut bytes = std::fs::read(&other_path).unwrap();
    bytes.push(b'\n');
    std::fs::write(&other_path, bytes).unwrap();
    let out = podium(
        dir.path(),
        &[
            "run",
            "二季度.json",
            "--previous",
            "other/一季度.session.json",
            "--lang",
            "zh",
        ],
    );
    let e = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        e.contains("podium run PLAN --new --previous other/一季度.session.json"),
        "{e}"
    );
    assert_eq!(store::read(&path2).unwrap().events().len(), 1);
}

#[test]
fn podium_run_with_a_bad_previous_says_so_and_makes_no_session() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("二季度.json"), plan_two(None)).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "会议纪要").unwrap();
    for (given, word) in [
        ("missing.session.json", "不存在"),
        ("notes.txt", "不是 podium 的会议记录"),
        ("二季度.json", "还没有会议记录"),
    ] {
        let out = podium(
            dir.path(),
            &["run", "二季度.json", "--previous", given, "--lang", "zh"],
        );
        assert!(!out.status.success());
        let e = text(&out.stderr);
        assert!(e.contains(given) && e.contains(word), "{given}: {e}");
        assert!(!e.contains("panicked"), "{e}");
        let files = list_dir(dir.path());
        assert!(
            !files
                .iter()
                .any(|n| n.contains(".session.json") && n != given),
            "{given}: {files:?}"
        );
    }
}

#[test]
fn podium_check_names_the_tasks_and_the_previous_meeting() {
    let dir = tempfile::tempdir().unwrap();
    meeting_one(dir.path());
    std::fs::write(
        dir.path().join("二季度.json"),
        plan_two(Some("一季度.session.json")),
    )
    .unwrap();
    let out = podium(dir.path(), &["check", "二季度.json", "--lang", "zh"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("任务清单 1 项"), "{s}");
    assert!(
        s.contains("接续上次会议：一季度.session.json《一季度重点工作推进会》（2026-03-30），未办结任务 3 项"),
        "{s}"
    );
    let out = podium(dir.path(), &["check", "一季度.json", "--lang", "en"]);
    assert!(
        text(&out.stdout).contains("4 prepared tasks (2 lists)"),
        "{}",
        text(&out.stdout)
    );
    // A previous that is not there: a warning naming it, before the meeting.
    std::fs::write(
        dir.path().join("三季度.json"),
        plan_two(Some("gone.session.json")),
    )
    .unwrap();
    let out = podium(dir.path(), &["check", "三季度.json", "--lang", "zh"]);
    assert!(out.status.success());
    let e = text(&out.stderr);
    assert!(
        e.contains("警告") && e.contains("gone.session.json") && e.contains("不存在"),
        "{e}"
    );
}

/// A fixture of `tests/fixtures/tasks/`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("tasks")
        .join(name)
}

/// The issue's two-meeting test, all through the binary but the host's closing: meeting one
/// IMPORTS an office's list with `podium tasks` (and an updated list: one item done), the host
/// closes and cancels some; meeting two, made by `podium run --previous`, holds exactly the
/// open ones with their history, and meeting one's file is byte for byte what it was.
#[test]
fn meeting_one_imports_a_list_and_meeting_two_carries_exactly_its_open_items() {
    let dir = tempfile::tempdir().unwrap();
    let plan1 = r#"{"title": "一季度重点工作推进会", "date": "2026-03-30",
      "units": [{"name": "市交通运输局"}], "reviewers": [{"name": "常务副市长"}]}"#;
    std::fs::write(dir.path().join("一季度.json"), plan1).unwrap();
    for list in ["tasks.xlsx", "tasks-v2.xlsx"] {
        let list = fixture(list);
        let out = podium(
            dir.path(),
            &[
                "tasks",
                "一季度.json",
                list.to_str().unwrap(),
                "--lang",
                "zh",
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let one_path = dir.path().join("一季度.session.json");
    // The host closes two open items and cancels one.
    let t = at("2026-03-30T11:00:00+08:00");
    let (mut w, _) = Writer::open(&one_path, t).unwrap();
    let open: Vec<u64> = w
        .session()
        .state()
        .tasks
        .iter()
        .filter(|t| !t.status.is_finished())
        .map(|t| t.id)
        .collect();
    assert!(open.len() > 5, "{:?}", w.session().state().tasks);
    for (id, status) in [
        (open[0], Status::Closed),
        (open[2], Status::Closed),
        (open[4], Status::Cancelled),
    ] {
        w.execute(&Command::SetTaskStatus { id, status }, t)
            .unwrap();
    }
    w.close(t).unwrap();
    let one = store::read(&one_path).unwrap();
    let before = sha(&one_path);
    let expected = unfinished(&one);
    let finished = one.state().tasks.len() - expected.len();
    assert!(finished >= 4, "{finished} finished");
    // Meeting two.
    std::fs::write(dir.path().join("二季度.json"), plan_two(None)).unwrap();
    let mut term = Term::spawn(
        dir.path(),
        &[
            "run",
            "二季度.json",
            "--previous",
            "一季度.session.json",
            "--lang",
            "zh",
        ],
    );
    term.wait_for(&format!("带入未办结任务 {} 项", expected.len()), TIMEOUT);
    term.send("q");
    term.wait_for("退出 podium？", TIMEOUT);
    term.send("y");
    assert!(term.wait_exit(TIMEOUT).success());
    let two = store::read(&dir.path().join("二季度.session.json")).unwrap();
    let carried: BTreeMap<u64, &Task> = two
        .state()
        .tasks
        .iter()
        .filter(|t| t.carried_from.is_some())
        .map(|t| (t.id, t))
        .collect();
    assert_eq!(
        carried.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (id, old) in &expected {
        let new = carried[id];
        assert_eq!(
            (&new.fields, new.status, &new.progress),
            (&old.fields, old.status, &old.progress),
            "task {id}"
        );
        assert_eq!(
            new.carried_from.as_ref().unwrap().title,
            "一季度重点工作推进会"
        );
    }
    // Imported progress came along (the fixture's lists have some).
    assert!(carried.values().any(|t| !t.progress.is_empty()));
    let st = two.state();
    assert_eq!(st.tasks.len(), expected.len() + 1);
    let previous = st.previous.as_ref().unwrap();
    assert_eq!(previous.path, "一季度.session.json");
    assert_eq!(previous.sha256, before);
    assert_eq!(sha(&one_path), before);
}

/// `podium run PLAN --new` makes a dated session linked by the plan's `previous`, here a plan
/// (meaning its newest session), while the plan's older session, resumed, is left unlinked.
#[test]
fn podium_run_new_links_by_the_plans_previous_naming_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let one_path = meeting_one(dir.path());
    let one = store::read(&one_path).unwrap();
    std::fs::write(
        dir.path().join("二季度.json"),
        plan_two(Some("一季度.json")),
    )
    .unwrap();
    // A rehearsal session of meeting two, made before the plan named its previous.
    let plan = parse("二季度.json", &plan_two(None));
    let t = at("2026-06-29T09:00:00+08:00");
    let rehearsal = dir.path().join("二季度.session.json");
    let mut w = Writer::create(&rehearsal, plan, t).unwrap();
    w.execute(&Command::ToggleTalk, t).unwrap();
    w.close(t).unwrap();
    let mut term = Term::spawn(dir.path(), &["run", "二季度.json", "--new", "--lang", "zh"]);
    term.wait_for("带入未办结任务 3 项", TIMEOUT);
    term.send("q");
    term.wait_for("退出 podium？", TIMEOUT);
    term.send("y");
    assert!(term.wait_exit(TIMEOUT).success());
    let dated: Vec<String> = list_dir(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("二季度-") && n.ends_with(".session.json"))
        .collect();
    assert_eq!(dated.len(), 1, "{:?}", list_dir(dir.path()));
    let two = store::read(&dir.path().join(&dated[0])).unwrap();
    assert_carried(&one, &two, "一季度.session.json", &sha(&one_path));
    assert!(store::read(&rehearsal).unwrap().state().previous.is_none());
}
