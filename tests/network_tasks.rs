//! Note-takers' task commands over the network (protocol 4): a real host (`Server` on
//! 127.0.0.1, the host's console loop run by the test) and note-takers joined through the
//! encrypted channel — real consoles (`App::remote`: outbox, replica) and a bare protocol
//! client that sends what it likes. The host carries every command out through
//! `Session::decide_as`: note-takers add tasks, progress and claims, set a status short of
//! 销号 / cancelled, change only the tasks they entered, and never import or link; what they
//! enter reaches every laptop, and each laptop's ledger is the host's.

mod common {
    pub mod clock;
}

use chrono::NaiveDate;
use common::clock::{at, t0};
use podium::net::client::{self, JoinSpec, connect};
use podium::net::host::Server;
use podium::net::outbox::Outbox;
use podium::net::wire::{self, Channel, ErrorCode, HandshakeError, Message, Refusal as Said, Role};
use podium::net::{MAX_FROM_HOST, MAX_HANDSHAKE, PROTOCOL, ToHost};
use podium::planfile;
use podium::session::{
    Command, ImportedTask, PreviousMeeting, Refusal, RemarkKind, Session, Task, TaskFields, Time,
};
use podium::store::{ExecError, Writer};
use podium::strings::Lang;
use podium::task::Status;
use podium::text::Ambiguous;
use podium::tui::app::{App, Options};
use podium::tui::ledger::Remote;
use std::path::Path;
use std::time::{Duration, Instant};

const CODE: &str = "531975";
const WAIT: Duration = Duration::from_secs(20);

const PLAN: &str = r#"{
  "title": "重点工作推进会",
  "date": "2026-05-30",
  "units": [
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"},
    {"name": "市税务局", "presenter": "党委书记", "role": "局长"},
    {"name": "市人社局"},
    {"name": "书记讲话", "kind": "speech", "minutes": 20, "presenter": "市委书记"}
  ],
  "reviewers": [{"name": "常务副市长"}]
}"#;

fn opts() -> Options {
    Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A host serving `PLAN` on 127.0.0.1, with a known join code.
fn host(dir: &Path) -> App {
    let plan = planfile::parse("tasks.json", PLAN, Lang::Zh)
        .unwrap_or_else(|e| panic!("plan invalid: {e:?}"))
        .plan;
    let path = dir.join("tasks.session.json");
    std::fs::write(
        dir.join("tasks.session.join"),
        format!(r#"{{"code":"{CODE}","meeting":"m-tasks","scores":false}}"#),
    )
    .expect("join file");
    let writer = Writer::create(&path, plan, t0()).expect("session created");
    let mut app = App::new(writer, opts(), t0());
    let server = Server::start(
        "127.0.0.1:0",
        &path,
        app.core.ledger.writer().expect("host"),
        podium::wallclock::now,
    )
    .expect("server started");
    app.core.server = Some(server);
    app
}

fn spec(host: &App, name: &str, client: &str) -> JoinSpec {
    JoinSpec {
        addr: host.core.server.as_ref().expect("serving").addrs[0].clone(),
        role: Role::Notetaker,
        name: name.into(),
        client: client.into(),
        code: CODE.into(),
    }
}

/// Runs the host's loop while `work` runs on a thread of its own (a join, which needs the
/// host to answer).
fn with_host<T: Send + 'static>(host: &mut App, work: impl FnOnce() -> T + Send + 'static) -> T {
    let joining = std::thread::spawn(work);
    let start = Instant::now();
    while !joining.is_finished() {
        host.tick(at(1));
        assert!(start.elapsed() < WAIT, "the join did not finish");
        std::thread::sleep(Duration::from_millis(5));
    }
    joining.join().expect("thread")
}

/// A note-taker's console (`podium join`), joined as `name`.
fn join(host: &mut App, dir: &Path, name: &str, client: &str) -> App {
    let spec = spec(host, name, client);
    let link = with_host(host, move || client::open(spec, 0, podium::wallclock::now))
        .unwrap_or_else(|e| panic!("{name} could not join: {e:?}"));
    let outbox = Outbox::open(&dir.join(format!("outbox-{client}.jsonl"))).expect("outbox");
    App::remote(Remote::new(name.into(), link, outbox), opts(), at(1))
}

/// Runs every loop until no note-taker has a command waiting and every replica holds every
/// event of the host.
fn settle(host: &mut App, laptops: &mut [&mut App], now: Time) {
    let start = Instant::now();
    loop {
        host.tick(now);
        for l in laptops.iter_mut() {
            l.tick(now);
        }
        let last = host.session().last_seq();
        if laptops.iter().all(|l| {
            l.session().last_seq() == last
                && l.core.ledger.remote().expect("a laptop").waiting().count() == 0
        }) {
            return;
        }
        assert!(start.elapsed() < WAIT, "the network did not settle");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A note-taker's command, as its console carries it out: saved in its outbox and sent.
fn enter(laptop: &mut App, command: Command, now: Time) -> Result<(), Refusal> {
    match laptop.core.ledger.execute(&command, now) {
        Ok(_) => Ok(()),
        Err(ExecError::Refused(r)) => Err(r),
        Err(e) => panic!("{command:?}: {e}"),
    }
}

fn fields(no: &str, text: &str, owner: &str) -> TaskFields {
    TaskFields {
        no: Some(no.into()),
        list: Some("会议交办".into()),
        text: text.into(),
        owner: Some(owner.into()),
        ..TaskFields::default()
    }
}

fn add(task: TaskFields, unit: Option<&str>) -> Command {
    Command::AddTask {
        task: Box::new(task),
        unit: unit.map(str::to_string),
        status: None,
        from_remark: None,
    }
}

fn task_by_text<'a>(s: &'a Session, text: &str) -> &'a Task {
    let found: Vec<&Task> = s
        .state()
        .tasks
        .iter()
        .filter(|t| t.fields.text == text)
        .collect();
    assert_eq!(found.len(), 1, "tasks “{text}”: {:#?}", s.state().tasks);
    found[0]
}

/// Two prepared tasks, imported by the host (each with a progress entry).
fn import_two(host: &mut App) -> (u64, u64) {
    let row = |no: &str, text: &str, owner: &str, progress: &str| ImportedTask {
        id: None,
        task: TaskFields {
            no: Some(no.into()),
            list: Some("重点任务清单".into()),
            text: text.into(),
            owner: Some(owner.into()),
            partners: vec!["市人社局".into()],
            leader: Some("副市长".into()),
            due_text: Some("年底前".into()),
            ..TaskFields::default()
        },
        status: Some(Status::InProgress),
        progress: vec![progress.into()],
    };
    assert!(host.execute(
        Command::ImportTasks {
            tasks: vec![
                row("1", "盘活存量资产", "市财政局", "已完成摸底"),
                row("2", "清理拖欠账款", "市税务局", "已制定方案"),
            ],
        },
        at(2),
    ));
    let s = host.session();
    (
        task_by_text(s, "盘活存量资产").id,
        task_by_text(s, "清理拖欠账款").id,
    )
}

#[test]
fn notetakers_tasks_reach_every_laptop_and_each_ledger_is_the_hosts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = host(dir.path());
    let (first, second) = import_two(&mut host);
    let mut zs = join(&mut host, dir.path(), "张三", "laptop-zs");
    let mut ls = join(&mut host, dir.path(), "李四", "laptop-ls");
    assert!(host.execute(Command::ToggleTalk, at(3)));
    settle(&mut host, &mut [&mut zs, &mut ls], at(3));

    // 张三 enters a task of his own, with partners in one cell and a written deadline.
    let mut own = fields("1", "六月底前报送盘活方案", "市财政局");
    own.partners = vec!["市税务局、市人社局".into()];
    own.leader = Some("常务副市长".into());
    own.due_text = Some("6月底前".into());
    own.assigned_by = Some("常务副市长".into());
    enter(&mut zs, add(own, Some("市财政局")), at(10)).expect("a note-taker adds a task");
    // A task typed the old way (a remark of kind task) becomes a ledger task.
    enter(
        &mut zs,
        Command::AddRemark {
            unit: Some("市财政局".into()),
            reviewer: "常务副市长".into(),
            text: "下周一前报送债务化解进度".into(),
            kind: RemarkKind::Task,
        },
        at(11),
    )
    .expect("a task as a remark");
    // Progress, a claim and a status on the host's tasks.
    enter(
        &mut zs,
        Command::AddTaskProgress {
            id: first,
            text: "已盘活闲置房产12处".into(),
        },
        at(12),
    )
    .expect("progress");
    enter(
        &mut zs,
        Command::ClaimTask {
            id: second,
            owner: "市人社局".into(),
        },
        at(13),
    )
    .expect("a claim");
    enter(
        &mut zs,
        Command::SetTaskStatus {
            id: first,
            status: Status::Done,
        },
        at(14),
    )
    .expect("done is a note-taker's to set");
    settle(&mut host, &mut [&mut zs, &mut ls], at(15));

    let zs_task = task_by_text(host.session(), "六月底前报送盘活方案").clone();
    let remark_task = task_by_text(host.session(), "下周一前报送债务化解进度").clone();

    // 李四 may add progress to anyone's task, but not change 张三's task, close or cancel a
    // task, import a list or link a meeting: his console refuses at once, with the host's
    // reason.
    enter(
        &mut ls,
        Command::AddTaskProgress {
            id: zs_task.id,
            text: "已与市税务局对接".into(),
        },
        at(20),
    )
    .expect("progress on another's task");
    let mut edited = zs_task.fields.clone();
    edited.text = "李四改过的事项".into();
    let refused = [
        (
            Command::EditTask {
                id: zs_task.id,
                task: Box::new(edited.clone()),
            },
            Refusal::NotYourTask { id: zs_task.id },
        ),
        (
            Command::DeleteTask { id: zs_task.id },
            Refusal::NotYourTask { id: zs_task.id },
        ),
        (
            Command::RevertTask { id: remark_task.id },
            Refusal::NotYourTask { id: remark_task.id },
        ),
        (
            Command::SetTaskStatus {
                id: second,
                status: Status::Closed,
            },
            Refusal::TaskStatusHostOnly,
        ),
        (
            Command::SetTaskStatus {
                id: zs_task.id,
                status: Status::Cancelled,
            },
            Refusal::TaskStatusHostOnly,
        ),
        (
            Command::ImportTasks {
                tasks: vec![ImportedTask {
                    id: None,
                    task: fields("9", "冒充导入", "市财政局"),
                    ..ImportedTask::default()
                }],
            },
            Refusal::HostOnly,
        ),
    ];
    for (command, why) in refused {
        assert_eq!(
            enter(&mut ls, command.clone(), at(21)),
            Err(why),
            "{command:?}"
        );
    }
    // Only the progress waits for the host: nothing refused reached the outbox.
    let waiting: Vec<Command> = ls
        .core
        .ledger
        .remote()
        .expect("laptop")
        .outbox
        .pending()
        .iter()
        .map(|q| q.command.clone())
        .collect();
    assert!(
        waiting
            .iter()
            .all(|c| matches!(c, Command::AddTaskProgress { .. })),
        "a refused command waits in the outbox: {waiting:?}"
    );
    // 张三 edits his own task and turns his remark-task back into a remark.
    enter(
        &mut zs,
        Command::EditTask {
            id: zs_task.id,
            task: Box::new(TaskFields {
                text: "六月底前报送盘活方案（含清单）".into(),
                ..zs_task.fields.clone()
            }),
        },
        at(22),
    )
    .expect("his own task");
    enter(&mut zs, Command::RevertTask { id: remark_task.id }, at(23))
        .expect("his own task back to a remark");
    settle(&mut host, &mut [&mut zs, &mut ls], at(24));

    // Every laptop holds the host's ledger and remarks, event for event.
    let h = host.session();
    for laptop in [&zs, &ls] {
        let s = laptop.session();
        assert_eq!(s.last_seq(), h.last_seq());
        assert_eq!(s.events(), h.events());
        assert_eq!(s.state().tasks, h.state().tasks);
        assert_eq!(s.state().remarks, h.state().remarks);
    }
    // What the host recorded, as entered.
    let tasks = &h.state().tasks;
    let ids: Vec<u64> = tasks.iter().map(|t| t.id).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "task ids repeat: {ids:?}");
    assert!(h.state().task(remark_task.id).is_none(), "reverted");
    let reverted = h
        .state()
        .remarks
        .iter()
        .find(|r| r.text == "下周一前报送债务化解进度")
        .expect("the task is a remark again");
    assert_eq!(reverted.by.as_deref(), Some("张三"));
    assert_eq!(remark_task.by.as_deref(), Some("张三"));
    assert_eq!(remark_task.fields.owner.as_deref(), Some("市财政局"));
    assert_eq!(
        remark_task.fields.assigned_by.as_deref(),
        Some("常务副市长")
    );

    let t = h.state().task(zs_task.id).expect("张三's task");
    assert_eq!(t.fields.text, "六月底前报送盘活方案（含清单）");
    assert_eq!(t.by.as_deref(), Some("张三"));
    assert_eq!(t.unit.as_deref(), Some("市财政局"));
    assert_eq!(t.fields.owner.as_deref(), Some("市财政局"));
    assert_eq!(t.fields.partners, ["市税务局", "市人社局"]);
    assert_eq!(t.fields.due, NaiveDate::from_ymd_opt(2026, 6, 30));
    assert_eq!(t.status, Status::Open);
    assert_eq!(t.progress.len(), 1);
    assert_eq!(t.progress[0].by.as_deref(), Some("李四"));
    assert_eq!(t.progress[0].text, "已与市税务局对接");

    let t = h.state().task(first).expect("the host's first task");
    assert_eq!(t.status, Status::Done);
    assert_eq!(t.by, None, "imported by the host");
    let by: Vec<(Option<&str>, &str)> = t
        .progress
        .iter()
        .map(|p| (p.by.as_deref(), p.text.as_str()))
        .collect();
    assert_eq!(
        by,
        [(None, "已完成摸底"), (Some("张三"), "已盘活闲置房产12处")]
    );
    let t = h.state().task(second).expect("the host's second task");
    assert_eq!(t.fields.owner.as_deref(), Some("市人社局"));
    assert!(t.claimed_at.is_some(), "claimed");
    assert_eq!(t.status, Status::InProgress, "not closed by 李四");
    // Each note-taker's action is recorded under their name with its command id (the
    // import, at(2), is the host's).
    let mut theirs = 0;
    for e in h.events().iter().filter(|e| {
        matches!(
            e.kind,
            podium::session::EventKind::TaskAdded { .. }
                | podium::session::EventKind::TaskProgressAdded { .. }
                | podium::session::EventKind::TaskClaimed { .. }
        ) && e.at > at(2)
    }) {
        assert!(
            matches!(e.by.as_deref(), Some("张三" | "李四")),
            "an event of a note-taker's action without its name: {e:?}"
        );
        assert!(e.command.is_some(), "{e:?}");
        theirs += 1;
    }
    // 张三: two tasks, a progress, a claim; 李四: a progress.
    assert_eq!(theirs, 5);
    // And on the host's disk.
    let on_disk = podium::store::read(&dir.path().join("tasks.session.json")).expect("read");
    assert_eq!(on_disk.state().tasks, h.state().tasks);

    let count = tasks.len();
    // 张三's undo takes back his own last task, on the host and on every laptop.
    enter(
        &mut zs,
        add(fields("2", "会后补充的事项", "市税务局"), None),
        at(30),
    )
    .expect("another task");
    settle(&mut host, &mut [&mut zs, &mut ls], at(31));
    task_by_text(host.session(), "会后补充的事项");
    enter(&mut zs, Command::Undo, at(32)).expect("undo");
    settle(&mut host, &mut [&mut zs, &mut ls], at(33));
    let h = host.session();
    assert!(
        h.state()
            .tasks
            .iter()
            .all(|t| t.fields.text != "会后补充的事项"),
        "undone"
    );
    assert_eq!(h.state().tasks.len(), count);
    for laptop in [&zs, &ls] {
        assert_eq!(laptop.session().state().tasks, h.state().tasks);
    }
}

// ---------------------------------------------------------------------------------------------
// A bare protocol client: sends what it likes, and keeps a replica folded from what it hears.

struct Raw {
    rt: tokio::runtime::Runtime,
    stream: tokio::net::TcpStream,
    channel: Channel,
    replica: Session,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

impl Raw {
    fn join(host: &mut App, name: &str, client: &str) -> Raw {
        let spec = spec(host, name, client);
        let (stream, channel, welcome) = with_host(host, move || {
            let (stream, channel, welcome) = runtime().block_on(connect(&spec, 0)).expect("joined");
            (stream.into_std().expect("std stream"), channel, welcome)
        });
        let rt = runtime();
        let stream = rt
            .block_on(async { tokio::net::TcpStream::from_std(stream) })
            .expect("stream");
        Raw {
            rt,
            stream,
            channel,
            replica: Session::from_events(welcome.plan, welcome.events),
        }
    }

    /// Sends `command` as `id` and returns the host's answer (`Ack` or `Refused`), running the
    /// host's loop meanwhile; the events heard on the way are folded into the replica.
    fn send(&mut self, host: &mut App, id: &str, command: Command, now: Time) -> Message {
        let frame = self.channel.sealer.seal_json(&ToHost::Command {
            id: id.into(),
            command,
            pending: 1,
        });
        self.rt
            .block_on(wire::write_frame(&mut self.stream, &frame))
            .expect("sent");
        let start = Instant::now();
        loop {
            assert!(start.elapsed() < WAIT, "no answer to {id}");
            host.tick(now);
            let frame = self.rt.block_on(async {
                tokio::time::timeout(
                    Duration::from_millis(20),
                    wire::read_frame(&mut self.stream, MAX_FROM_HOST),
                )
                .await
            });
            let Ok(frame) = frame else { continue };
            let frame = frame.unwrap_or_else(|e| panic!("closed before the answer to {id}: {e}"));
            match self
                .channel
                .opener
                .open_json::<Message>(&frame)
                .expect("opens")
            {
                Message::Events { events, .. } => {
                    let last = self.replica.last_seq();
                    self.replica
                        .commit(events.into_iter().filter(|e| e.seq > last).collect());
                }
                m @ (Message::Ack { .. } | Message::Refused { .. }) => match &m {
                    Message::Ack { id: i, .. } | Message::Refused { id: i, .. } if i == id => {
                        return m;
                    }
                    _ => panic!("an answer to another command: {m:?}"),
                },
                Message::Bye { message } => panic!("bye before the answer to {id}: {message:?}"),
                _ => {}
            }
        }
    }
}

/// The sentence a note-taker's laptop receives for `r`.
fn sentence(r: &Refusal) -> podium::net::Text {
    podium::strings::net::refusal(r)
}

#[test]
fn the_host_refuses_a_notetakers_closing_and_others_tasks_with_a_sentence_and_a_resend_adds_once() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = host(dir.path());
    let (first, _) = import_two(&mut host);
    let mut raw = Raw::join(&mut host, "王五", "raw-laptop");

    // A task sent twice under the same command id (a lost ack), then again after a
    // reconnection: added once.
    let text = "七月十五日前完成全部整改";
    let command = add(fields("3", text, "市税务局"), Some("市税务局"));
    let Message::Ack {
        seq, again: false, ..
    } = raw.send(&mut host, "raw-laptop-1", command.clone(), at(5))
    else {
        panic!("the first send was not carried out");
    };
    assert_eq!(
        raw.send(&mut host, "raw-laptop-1", command.clone(), at(6)),
        Message::Ack {
            id: "raw-laptop-1".into(),
            seq,
            again: true
        }
    );
    let mut raw = Raw::join(&mut host, "王五", "raw-laptop");
    assert_eq!(
        raw.send(&mut host, "raw-laptop-1", command, at(7)),
        Message::Ack {
            id: "raw-laptop-1".into(),
            seq,
            again: true
        }
    );
    let own = task_by_text(host.session(), text).clone();
    assert_eq!(own.by.as_deref(), Some("王五"));
    assert_eq!(
        host.session().command_seq("王五", "raw-laptop-1"),
        Some(seq)
    );
    assert_eq!(raw.replica.state().tasks, host.session().state().tasks);

    // What is the host's is refused, with the sentence the laptop shows, and records nothing.
    let before = host.session().events().len();
    let refused = [
        (
            Command::SetTaskStatus {
                id: first,
                status: Status::Closed,
            },
            Refusal::TaskStatusHostOnly,
        ),
        (
            Command::SetTaskStatus {
                id: own.id,
                status: Status::Cancelled,
            },
            Refusal::TaskStatusHostOnly,
        ),
        (
            Command::EditTask {
                id: first,
                task: Box::new(fields("1", "改写别人的任务", "市财政局")),
            },
            Refusal::NotYourTask { id: first },
        ),
        (
            Command::DeleteTask { id: first },
            Refusal::NotYourTask { id: first },
        ),
        (
            Command::RevertTask { id: first },
            Refusal::NotYourTask { id: first },
        ),
        (
            Command::ImportTasks {
                tasks: vec![ImportedTask {
                    id: None,
                    task: fields("1", "覆盖主持人的清单", "市财政局"),
                    status: Some(Status::Closed),
                    progress: Vec::new(),
                }],
            },
            Refusal::HostOnly,
        ),
        (
            Command::LinkPrevious {
                previous: Box::new(PreviousMeeting {
                    title: "上次会议".into(),
                    date: None,
                    path: "x.session.json".into(),
                    sha256: "0".repeat(64),
                }),
                tasks: Vec::new(),
                results: None,
            },
            Refusal::HostOnly,
        ),
    ];
    for (i, (command, why)) in refused.into_iter().enumerate() {
        let id = format!("raw-laptop-{}", i + 2);
        match raw.send(&mut host, &id, command.clone(), at(8)) {
            Message::Refused { message, .. } => {
                assert_eq!(message, sentence(&why), "{command:?}");
                assert!(!message.zh.is_empty() && !message.en.is_empty());
            }
            other => panic!("{command:?} from a note-taker: {other:?}"),
        }
    }
    assert_eq!(host.session().events().len(), before, "a refusal recorded");
    let t = host.session().state().task(first).expect("kept");
    assert_eq!(t.status, Status::InProgress);
    assert_eq!(t.fields.text, "盘活存量资产");

    // Their own task: progress, done, then deleted; each broadcast to the replica.
    for (i, command) in [
        Command::AddTaskProgress {
            id: own.id,
            text: "整改已完成八成".into(),
        },
        Command::SetTaskStatus {
            id: own.id,
            status: Status::Done,
        },
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("raw-laptop-own-{i}");
        assert!(
            matches!(
                raw.send(&mut host, &id, command, at(9)),
                Message::Ack { again: false, .. }
            ),
            "{id}"
        );
    }
    let t = raw.replica.state().task(own.id).expect("on the replica");
    assert_eq!(t.status, Status::Done);
    assert_eq!(t.progress.len(), 1);
    assert_eq!(t.progress[0].by.as_deref(), Some("王五"));
    assert_eq!(raw.replica.state().tasks, host.session().state().tasks);
    assert!(matches!(
        raw.send(
            &mut host,
            "raw-laptop-del",
            Command::DeleteTask { id: own.id },
            at(10)
        ),
        Message::Ack { again: false, .. }
    ));
    assert!(host.session().state().task(own.id).is_none());
    assert_eq!(raw.replica.state().tasks, host.session().state().tasks);
    assert_eq!(raw.replica.events(), host.session().events());
}

#[test]
fn a_task_too_large_for_the_wire_is_refused_in_a_sentence_and_a_large_one_goes_through() {
    let dir = tempfile::tempdir().expect("dir");
    let mut host = host(dir.path());
    let mut zs = join(&mut host, dir.path(), "张三", "laptop-zs");
    settle(&mut host, &mut [&mut zs], at(2));

    // Long text and many partners, yet within what the host reads (~70 KB of JSON).
    let mut large = fields("1", &"推进重点项目建设".repeat(2_000), "市财政局");
    large.partners = (0..300).map(|i| format!("第{i}配合单位")).collect();
    let size = serde_json::to_vec(&add(large.clone(), None))
        .expect("json")
        .len();
    assert!(size > 50_000, "{size}");
    enter(&mut zs, add(large.clone(), None), at(3)).expect("a large task");
    settle(&mut host, &mut [&mut zs], at(4));
    let on_host = task_by_text(host.session(), &large.text).clone();
    assert_eq!(on_host.fields.partners.len(), 300);
    assert_eq!(zs.session().state().tasks, host.session().state().tasks);

    // Over what a frame may carry: refused on the laptop with a sentence, before its outbox.
    let mut huge = fields("2", &"推进重点项目建设".repeat(12_000), "市财政局");
    huge.partners = (0..3_000).map(|i| format!("第{i}配合单位")).collect();
    let size = serde_json::to_vec(&add(huge.clone(), None))
        .expect("json")
        .len();
    assert!(size > podium::net::MAX_FROM_CLIENT, "{size}");
    let why = enter(&mut zs, add(huge, None), at(5)).expect_err("too large for the host");
    assert!(matches!(why, Refusal::TextTooLong { .. }), "{why:?}");
    let said = sentence(&why);
    assert!(
        said.zh.contains("太长") && said.en.contains("too long"),
        "{said:?}"
    );
    let remote = zs.core.ledger.remote().expect("laptop");
    assert_eq!(remote.outbox.pending().len(), 0, "queued anyway");
    // The connection is still there: the next task goes through.
    enter(
        &mut zs,
        add(fields("3", "之后的任务照常送达", "市税务局"), None),
        at(6),
    )
    .expect("the next task");
    settle(&mut host, &mut [&mut zs], at(7));
    task_by_text(host.session(), "之后的任务照常送达");
    assert_eq!(zs.session().state().tasks, host.session().state().tasks);
}

/// The first frame a laptop of another protocol version sends: the version is checked before
/// anything else in it.
fn hello(version: u32) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "podium": version,
        "role": "notetaker",
        "name": "老版本",
        "client": "old-laptop",
        "spake": vec![0x53u8; 33],
    }))
    .expect("json")
}

#[test]
fn an_older_laptop_is_refused_at_the_handshake_naming_both_versions() {
    // The ledger's commands and events are new in protocol 4 (and the series' in 5): an older
    // laptop could not read a `task_added` or `previous_displayed` event, and must be turned
    // away before the meeting.
    let old = PROTOCOL - 1;
    let dir = tempfile::tempdir().expect("dir");
    let host = host(dir.path());
    let addr = host.core.server.as_ref().expect("serving").addrs[0].clone();
    let rt = runtime();
    let refusal: Said = rt.block_on(async {
        let mut s = tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect");
        wire::write_frame(&mut s, &hello(old)).await.expect("hello");
        let frame = tokio::time::timeout(WAIT, wire::read_frame(&mut s, MAX_HANDSHAKE))
            .await
            .expect("an answer in time")
            .expect("a refusal");
        serde_json::from_slice(&frame).expect("a refusal in the clear")
    });
    assert_eq!(refusal.error, ErrorCode::Version);
    assert!(
        refusal
            .message
            .zh
            .contains(&format!("主持人的 podium 是第 {PROTOCOL} 版"))
            && refusal
                .message
                .zh
                .contains(&format!("加入的电脑是第 {old} 版")),
        "{refusal:?}"
    );
    assert!(
        refusal
            .message
            .en
            .contains(&format!("speaks version {PROTOCOL}"))
            && refusal
                .message
                .en
                .contains(&format!("laptop's version {old}")),
        "{refusal:?}"
    );

    // A protocol-3 host, as a protocol-4 laptop sees it: the same sentence, built on the
    // laptop's side.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let old_host = listener.local_addr().expect("addr").to_string();
    let fake = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        stream.set_nonblocking(true).expect("nonblocking");
        runtime().block_on(async {
            let mut s = tokio::net::TcpStream::from_std(stream).expect("stream");
            let _ = wire::read_frame(&mut s, MAX_HANDSHAKE)
                .await
                .expect("hello");
            let answer = serde_json::to_vec(&serde_json::json!({
                "podium": old,
                "spake": vec![0x53u8; 33],
            }))
            .expect("json");
            wire::write_frame(&mut s, &answer).await.expect("answer");
            // Hold the line until the laptop has read the answer.
            let _ = tokio::time::timeout(
                Duration::from_secs(5),
                wire::read_frame(&mut s, MAX_HANDSHAKE),
            )
            .await;
        });
    });
    let spec = JoinSpec {
        addr: old_host,
        role: Role::Notetaker,
        name: "张三".into(),
        client: "laptop-zs".into(),
        code: CODE.into(),
    };
    let err = rt
        .block_on(connect(&spec, 0))
        .map(|_| ())
        .expect_err("joined a protocol-3 host");
    match err {
        HandshakeError::Refused { code, message } => {
            assert_eq!(code, ErrorCode::Version);
            assert!(
                message
                    .zh
                    .contains(&format!("主持人的 podium 是第 {old} 版"))
                    && message
                        .zh
                        .contains(&format!("加入的电脑是第 {PROTOCOL} 版")),
                "{message:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    fake.join().expect("the old host");
}
