//! Note-takers in the pure core: what they may do (`Session::decide_as`), who entered what
//! (`by`), undo per person, and commands carried out once by their id — through a reload of
//! the session file too.

mod common {
    pub mod clock;
}
use common::clock::at;
use podium::planfile;
use podium::session::{Author, Command, Refusal, RemarkKind, ScoreEntry, Session, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;

fn plan() -> podium::plan::Plan {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan");
    planfile::parse("city-report.json", &text, Lang::Zh)
        .expect("valid")
        .plan
}

fn author(name: &str, id: &str, scores: bool) -> Author {
    Author {
        name: name.into(),
        command: Some(id.into()),
        scores,
    }
}

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("市财政局".into()),
        reviewer: "王局长".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

/// Decides and commits, as the host does for a command (from `by`, or its own when `None`).
fn run(s: &mut Session, c: &Command, by: Option<&Author>, t: Time) -> Result<u64, Refusal> {
    let events = s.decide_as(c, by, t)?;
    let first = events[0].seq;
    s.commit(events);
    Ok(first)
}

#[test]
fn notetakers_may_add_remarks_but_not_run_the_meeting() {
    let mut s = Session::new(plan());
    run(&mut s, &Command::ToggleTalk, None, at(1)).expect("host starts");
    let zs = author("张三", "a-1", false);
    let seq = run(&mut s, &remark("一"), Some(&zs), at(2)).expect("a remark");
    let r = s.state().remark(seq).expect("added");
    assert_eq!(r.by.as_deref(), Some("张三"));
    assert_eq!(
        s.events().last().and_then(|e| e.command.as_deref()),
        Some("a-1")
    );
    for host_only in [
        Command::ToggleTalk,
        Command::Next,
        Command::AdjustLimit { seconds: 30 },
        Command::EndMeeting,
        Command::Publish,
        Command::StageMessage { text: "x".into() },
        Command::MoveUnit {
            unit: "市发改局".into(),
            delta: 1,
        },
        Command::SetCurrent {
            unit: "市发改局".into(),
        },
    ] {
        assert_eq!(
            s.decide_as(&host_only, Some(&author("张三", "a-2", true)), at(3)),
            Err(Refusal::HostOnly),
            "{host_only:?}"
        );
    }
    // The host's own remark has no `by`.
    let host_seq = run(&mut s, &remark("主持人"), None, at(4)).expect("host remark");
    assert_eq!(s.state().remark(host_seq).and_then(|r| r.by.clone()), None);
}

#[test]
fn notetakers_change_only_their_own_remarks() {
    let mut s = Session::new(plan());
    let zs = author("张三", "a-1", false);
    let ls = author("李四", "b-1", false);
    let mine = run(&mut s, &remark("张三的"), Some(&zs), at(1)).expect("added");
    let host = run(&mut s, &remark("主持人的"), None, at(2)).expect("added");
    let edit = |id| Command::EditRemark {
        id,
        reviewer: "王局长".into(),
        text: "改".into(),
        kind: RemarkKind::Remark,
    };
    assert_eq!(
        s.decide_as(&edit(mine), Some(&ls), at(3)),
        Err(Refusal::NotYourRemark { id: mine })
    );
    assert_eq!(
        s.decide_as(&Command::DeleteRemark { id: host }, Some(&zs), at(3)),
        Err(Refusal::NotYourRemark { id: host })
    );
    run(
        &mut s,
        &edit(mine),
        Some(&author("张三", "a-2", false)),
        at(4),
    )
    .expect("own edit");
    assert_eq!(s.state().remark(mine).map(|r| r.text.as_str()), Some("改"));
    // The host may edit anyone's.
    run(&mut s, &Command::DeleteRemark { id: mine }, None, at(5)).expect("host deletes");
}

#[test]
fn scores_from_notetakers_only_when_the_host_allows() {
    let mut s = Session::new(plan());
    let sheet = Command::SetScores {
        entries: vec![ScoreEntry {
            unit: "市财政局".into(),
            reviewer: s.plan().reviewers[0].name.clone(),
            criterion: "明职责".into(),
            value: 200_000,
        }],
    };
    assert_eq!(
        s.decide_as(&sheet, Some(&author("张三", "a-1", false)), at(1)),
        Err(Refusal::ScoresNotAllowed)
    );
    run(&mut s, &sheet, Some(&author("张三", "a-2", true)), at(2)).expect("allowed");
}

#[test]
fn undo_takes_back_only_what_that_person_entered() {
    let mut s = Session::new(plan());
    run(&mut s, &Command::ToggleTalk, None, at(1)).expect("start");
    let zs1 = run(
        &mut s,
        &remark("张三一"),
        Some(&author("张三", "a-1", false)),
        at(2),
    )
    .unwrap();
    let ls1 = run(
        &mut s,
        &remark("李四一"),
        Some(&author("李四", "b-1", false)),
        at(3),
    )
    .unwrap();
    let host1 = run(&mut s, &remark("主持人一"), None, at(4)).unwrap();
    let zs2 = run(
        &mut s,
        &remark("张三二"),
        Some(&author("张三", "a-2", false)),
        at(5),
    )
    .unwrap();
    // The host's undo skips the note-takers' remarks: it takes back the host's own remark.
    run(&mut s, &Command::Undo, None, at(6)).expect("host undo");
    let texts =
        |s: &Session| -> Vec<String> { s.state().remarks.iter().map(|r| r.text.clone()).collect() };
    assert_eq!(texts(&s), ["张三一", "李四一", "张三二"]);
    assert!(s.state().remark(host1).is_none());
    // 李四's undo takes back 李四's remark, not 张三's later one.
    run(
        &mut s,
        &Command::Undo,
        Some(&author("李四", "b-2", false)),
        at(7),
    )
    .expect("undo");
    assert_eq!(texts(&s), ["张三一", "张三二"]);
    assert!(s.state().remark(ls1).is_none());
    // 张三 undoes twice, newest first; a third time there is nothing of theirs left.
    run(
        &mut s,
        &Command::Undo,
        Some(&author("张三", "a-3", false)),
        at(8),
    )
    .expect("undo");
    assert!(s.state().remark(zs2).is_none());
    run(
        &mut s,
        &Command::Undo,
        Some(&author("张三", "a-4", false)),
        at(9),
    )
    .expect("undo");
    assert!(s.state().remark(zs1).is_none());
    assert_eq!(
        s.decide_as(&Command::Undo, Some(&author("张三", "a-5", false)), at(10)),
        Err(Refusal::NothingToUndo)
    );
    // The host's next undo is the talk start: the note-takers' undos are not the host's.
    run(&mut s, &Command::Undo, None, at(11)).expect("host undo");
    assert!(s.state().running_unit().is_none());
}

#[test]
fn command_ids_are_remembered_through_a_reload() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("m.session.json");
    let mut w = Writer::create(&path, plan(), at(0)).expect("created");
    let events = w
        .execute_as(
            &remark("一次"),
            Some(&author("张三", "laptop-7", false)),
            at(1),
        )
        .expect("done");
    let seq = events[0].seq;
    assert_eq!(w.session().command_seq("张三", "laptop-7"), Some(seq));
    assert_eq!(w.session().command_seq("张三", "laptop-8"), None);
    // Ids are each note-taker's own: the same id from someone else is another command.
    assert_eq!(w.session().command_seq("李四", "laptop-7"), None);
    // A crash: the journal is all there is; the id is still known after reading it back.
    drop(w);
    let back = store::read(&path).expect("read");
    assert_eq!(back.command_seq("张三", "laptop-7"), Some(seq));
    assert_eq!(
        back.state()
            .remark(seq)
            .and_then(|r| r.by.clone())
            .as_deref(),
        Some("张三")
    );
    // And the record (the JSON export) says who entered it.
    let record = podium::session::record::Record::of(&back, at(2));
    let json = serde_json::to_value(&record).expect("json");
    let text = json.to_string();
    assert!(text.contains(r#""by":"张三""#), "{text}");
}

#[test]
fn a_batch_is_decided_in_order_and_made_durable_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("m.session.json");
    let mut w = Writer::create(&path, plan(), at(0)).expect("created");
    let appends = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    w.set_disk(Box::new(CountingDisk(appends.clone())));
    let zs = |id: &str| Some(author("张三", id, false));
    let items = vec![
        (remark("一"), zs("z-1")),
        (Command::Next, zs("z-2")),
        (remark("二"), zs("z-3")),
        (Command::Undo, zs("z-4")),
        (remark("三"), None),
    ];
    let results = w.execute_batch(&items, at(1));
    assert_eq!(
        appends.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "one write and one flush for the whole batch"
    );
    assert_eq!(results.len(), 5);
    assert!(results[0].is_ok());
    assert_eq!(results[1], Err(Refusal::HostOnly));
    assert!(results[2].is_ok());
    // The undo sees the remark decided just before it in the same batch.
    let undone = results[3].as_ref().expect("undo").clone();
    let second = results[2].as_ref().expect("second")[0].seq;
    assert!(matches!(
        undone[0].kind,
        podium::session::EventKind::Undone { action } if action == second
    ));
    let texts: Vec<String> = w
        .session()
        .state()
        .remarks
        .iter()
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(texts, ["一", "三"]);
    // All of it is on disk already (the journal), as another process reads it.
    let back = store::read(&path).expect("read");
    assert_eq!(back.events().len(), w.session().events().len());
    assert_eq!(back.command_seq("张三", "z-3"), Some(second));
}

/// The real disk, counting the journal appends (each one is a write and a flush).
struct CountingDisk(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl podium::store::Disk for CountingDisk {
    fn append(&mut self, journal: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        podium::store::RealDisk.append(journal, bytes)
    }

    fn replace(
        &mut self,
        path: &std::path::Path,
        temp: &std::path::Path,
        bytes: &[u8],
    ) -> std::io::Result<()> {
        podium::store::RealDisk.replace(path, temp, bytes)
    }

    fn truncate(&mut self, journal: &mut std::fs::File) -> std::io::Result<()> {
        podium::store::RealDisk.truncate(journal)
    }
}
