//! Review R2 of the ballots ([F1]/[F2]): tests of what the review found. Each bug it found
//! has a test here that failed on the code as reviewed and passes since the fix; the others
//! pin down behaviour the review checked and found right.
//!
//! The HTTP tests drive `BallotServer` with a test console (a thread pumping it with a real
//! `Writer` on a session in a temporary folder), as tests/ballot_http.rs does.

mod common {
    pub mod cli;
    pub mod full_disk;
}

use chrono::{FixedOffset, TimeZone};
use common::cli::{podium, text};
use podium::net::ballots::{BallotServer, Limits};
use podium::session::ballots::{code_from, hash};
use podium::session::{Command, Session, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

const SALT: &str = "00112233445566778899aabbccddeeff";

fn t() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
}

fn grades_plan() -> serde_json::Value {
    serde_json::json!({
        "title": "区级部门述职测评",
        "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    })
}

type Job = Box<dyn FnOnce(&mut Writer) -> Result<(), String> + Send>;
type Exec = (Job, mpsc::Sender<Result<(), String>>);

/// A test console: `n` ballots of 领导 issued, voting open, the page on 127.0.0.1.
struct Host {
    addr: SocketAddr,
    path: PathBuf,
    _dir: tempfile::TempDir,
    codes: Vec<String>,
    exec: mpsc::Sender<Exec>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Host {
    fn start(n: usize, limits: Limits) -> Host {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("测评.session.json");
        let plan = serde_json::from_value(grades_plan()).expect("a plan");
        let mut writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).expect("a session");
        let codes: Vec<String> = (0..n)
            .map(|i| code_from(&[i as u8 + 1, 3, 7, 7, 7, 7, 7, 7, 7, 7]))
            .collect();
        writer
            .execute(
                &Command::IssueBallots {
                    group: "领导".into(),
                    salt: SALT.into(),
                    hashes: codes.iter().map(|c| hash(SALT, c)).collect(),
                },
                t(),
            )
            .expect("ballots issued");
        writer.execute(&Command::OpenVoting, t()).expect("open");
        let mut server =
            BallotServer::start("127.0.0.1:0", &writer, Lang::Zh, limits).expect("the page");
        let addr = server.local;
        let (exec, commands) = mpsc::channel::<Exec>();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                while let Ok((job, reply)) = commands.try_recv() {
                    let done = job(&mut writer);
                    server.pump(&mut writer, t());
                    let _ = reply.send(done);
                }
                let _ = writer.tick(t());
                server.pump(&mut writer, t());
                std::thread::sleep(Duration::from_millis(5));
            }
            drop(server);
            let _ = writer.close(t());
        });
        Host {
            addr,
            path,
            _dir: dir,
            codes,
            exec,
            stop,
            thread: Some(thread),
        }
    }

    fn with_writer(&self, job: impl FnOnce(&mut Writer) -> Result<(), String> + Send + 'static) {
        let (tx, rx) = mpsc::channel();
        self.exec.send((Box::new(job), tx)).expect("the console");
        rx.recv_timeout(Duration::from_secs(10))
            .expect("an answer")
            .expect("carried out");
    }

    fn session(&self) -> Session {
        store::read(&self.path).expect("the session reads")
    }

    fn post(&self, code: &str, fields: &[(&str, &str)]) -> Resp {
        let mut f = form_urlencoded::Serializer::new(String::new());
        for (k, v) in fields {
            f.append_pair(k, v);
        }
        http(self.addr, "POST", &format!("/b/{code}"), Some(&f.finish()))
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[derive(Debug)]
struct Resp {
    status: u16,
    body: String,
}

/// The answer on `s` (`None` when the server closed it without one).
fn answer(s: &mut TcpStream) -> Option<Resp> {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some(Resp {
        status,
        body: body.to_string(),
    })
}

fn request(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> String {
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(body.unwrap_or(""));
    req
}

fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request(addr, method, path, body).as_bytes())
        .expect("send");
    answer(&mut s).expect("an HTTP answer")
}

/// A refused ballot is refused at once, even while the disk is full: only "已提交" must wait
/// for the disk. As reviewed, every answer waits until nothing is unsaved (net/ballots.rs
/// `pump`), so a voided ballot is told "正在保存，请稍后刷新查看" (202) — and told so again
/// on every refresh while the disk stays full.
#[test]
fn a_refusal_is_not_held_back_by_a_full_disk() {
    use common::full_disk::FullDisk;
    use std::sync::atomic::AtomicU64;
    let limits = Limits {
        reply_timeout: Duration::from_millis(800),
        ..Limits::default()
    };
    let host = Host::start(2, limits);
    let budget = Arc::new(AtomicU64::new(0));
    let disk = FullDisk {
        budget: budget.clone(),
    };
    host.with_writer(move |w| {
        w.set_disk(Box::new(disk));
        Ok(())
    });
    // The host voids the second slip (lost) while the disk is full: in memory only.
    host.with_writer(|w| {
        w.execute(
            &Command::VoidBallot {
                serial: "领导-002".into(),
            },
            t(),
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
    });
    let r = host.post(&host.codes[1], &[("g:甲镇", "优秀"), ("confirm", "1")]);
    assert!(!r.body.contains("已提交"), "{}", r.body);
    assert_eq!(
        r.status, 410,
        "a voided ballot told to wait and refresh: {}",
        r.body
    );
}

/// While the disk is full, a phone is never told 已提交 (the review checked this holds).
#[test]
fn never_told_submitted_while_the_disk_is_full() {
    use common::full_disk::FullDisk;
    use std::sync::atomic::AtomicU64;
    let limits = Limits {
        reply_timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let host = Host::start(1, limits);
    let budget = Arc::new(AtomicU64::new(0));
    let disk = FullDisk {
        budget: budget.clone(),
    };
    host.with_writer(move |w| {
        w.set_disk(Box::new(disk));
        Ok(())
    });
    let fields = [("g:甲镇", "优秀"), ("confirm", "1")];
    for _ in 0..3 {
        let r = host.post(&host.codes[0], &fields);
        assert_eq!(r.status, 202, "{}", r.body);
        assert!(!r.body.contains("已提交"), "{}", r.body);
    }
    let b = host.session();
    assert!(b.state().ballots.get("领导-001").unwrap().cast.is_none());
}

/// Two grades for one unit in a tampered form: refused, as the core refuses them
/// (`Refusal::BallotUnit`). As reviewed, `page::Choices::from_fields` keeps the last one
/// silently (net/page.rs, `c.grades.insert`), so the core never sees the second.
#[test]
fn two_grades_for_one_unit_are_refused() {
    let host = Host::start(1, Limits::default());
    let r = host.post(
        &host.codes[0],
        &[("g:甲镇", "优秀"), ("g:甲镇", "较差"), ("confirm", "1")],
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("甲镇"), "{}", r.body);
}

/// One address cannot take every connection: with a cap of 4, four idle connections from
/// 127.0.0.2 keep a phone at 127.0.0.1 out (its connection is closed unanswered) until the
/// idle ones time out — on a venue Wi-Fi one hostile or broken device starves every phone.
/// The fix: a per-address share of `max_connections` in `accept_loop`.
#[test]
fn one_address_cannot_take_every_connection() {
    let limits = Limits {
        max_connections: 4,
        ..Limits::default()
    };
    let host = Host::start(1, limits);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let hog: Vec<tokio::net::TcpStream> = rt.block_on(async {
        let mut v = Vec::new();
        for _ in 0..4 {
            let s = tokio::net::TcpSocket::new_v4().unwrap();
            s.bind("127.0.0.2:0".parse().unwrap()).unwrap();
            v.push(s.connect(host.addr).await.expect("connect from 127.0.0.2"));
        }
        v
    });
    std::thread::sleep(Duration::from_millis(300));
    let mut phone = TcpStream::connect(host.addr).unwrap();
    phone
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = phone.write_all(request(host.addr, "GET", "/", None).as_bytes());
    let got = answer(&mut phone);
    drop(hog);
    assert_eq!(
        got.map(|r| r.status),
        Some(200),
        "the phone at another address was not served"
    );
}

/// `podium ballots` prints on each slip the serial the session gives its code. As reviewed,
/// the slips number on from the group's count (commands/ballots.rs `Batch::slips`,
/// `serial(group, from + i)`) while the session skips a serial already taken
/// (`Ballots::next_serials`): the slip says 领导-002 and the session knows that code as
/// 领导-003 — voiding the lost slip by its printed serial voids someone else's ballot.
#[test]
fn the_slip_says_the_serial_the_session_gave() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("测评.session.json");
    let plan = serde_json::from_value(grades_plan()).unwrap();
    let mut writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).unwrap();
    let code = code_from(&[9; 10]);
    writer
        .execute(
            &Command::IssueBallots {
                group: "领导".into(),
                salt: SALT.into(),
                hashes: vec![hash(SALT, &code)],
            },
            t(),
        )
        .unwrap();
    writer.close(t()).unwrap();
    // A file edited by hand: the one ballot is 领导-002 (the case next_serials was made for).
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.contains("领导-001"));
    std::fs::write(&path, file.replace("领导-001", "领导-002")).unwrap();
    let out = podium(
        dir.path(),
        &[
            "ballots",
            "测评.session.json",
            "--group",
            "领导=2",
            "--url",
            "http://10.0.0.2:7374",
            "-o",
            "slips.csv",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(dir.path().join("slips.csv")).unwrap();
    let row = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>())
        .next()
        .expect("one new slip");
    let (printed, shown) = (&row[1], &row[2]);
    let session = store::read(&path).unwrap();
    let opened = session
        .state()
        .ballots
        .by_code(shown)
        .expect("the slip's code opens a ballot");
    assert_eq!(
        &opened.serial, printed,
        "the slip's serial is not the ballot's"
    );
}

/// Slips issued from the console while it serves the page carry the page's own address. As
/// reviewed, tui/components/ballots.rs `issue` takes `commands::ballots::default_url()` (the
/// first LAN address, port 7374) and not the server's `url`: with `--serve ADDR` or
/// `--ballots-port`, every QR code on the extra slips opens nothing.
#[test]
fn slips_issued_from_the_console_link_to_the_page_being_served() {
    use podium::tui::app::{App, Options};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("常委会.session.json");
    let plan = serde_json::from_value(grades_plan()).unwrap();
    let writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).unwrap();
    let mut app = App::new(
        writer,
        Options {
            lang: Lang::Zh,
            quiet: true,
            ambiguous: podium::text::Ambiguous::Narrow,
        },
        t(),
    );
    let server = BallotServer::start(
        "127.0.0.1:0",
        app.core.ledger.writer().expect("a local session"),
        Lang::Zh,
        Limits::default(),
    )
    .expect("the page");
    let url = server.url.clone();
    assert_ne!(server.local.port(), 7374);
    app.core.ballots = Some(server);
    let mut key = |code: KeyCode, m: KeyModifiers| {
        app.tick(t());
        app.on_key(KeyEvent::new(code, m), t());
    };
    key(KeyCode::Char('b'), KeyModifiers::CONTROL);
    key(KeyCode::Char('i'), KeyModifiers::NONE);
    key(KeyCode::Char('1'), KeyModifiers::NONE);
    key(KeyCode::Enter, KeyModifiers::NONE);
    let docx = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("the slips written beside the session");
    let bytes = std::fs::read(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let _ = f.read_to_string(&mut xml);
        }
    }
    assert!(
        xml.contains(&url),
        "the slips do not say the page's address {url} (they say :7374: {})",
        xml.contains(":7374")
    );
}

/// The scores of grouped grades from `tallies` (unit → each group's total), as the results
/// say them; `Err` when working them out panics.
fn grouped_scores(tallies: &[(&str, [i64; 3])]) -> Result<Vec<bool>, String> {
    let plan = serde_json::json!({
        "title": "测评",
        "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 34}, {"name": "部门", "weight": 33},
            {"name": "乡镇", "weight": 33}]}
    });
    let plan: podium::plan::Plan = serde_json::from_value(plan).unwrap();
    let mut s = Session::new(plan);
    let grades: Vec<String> = s.rules().grades.iter().map(|g| g.name.clone()).collect();
    let (best, worst) = (grades[0].clone(), grades[grades.len() - 1].clone());
    for (unit, per_group) in tallies {
        for (group, total) in ["领导", "部门", "乡镇"].iter().zip(per_group) {
            let entry = |grade: &str, count: i64| podium::session::GradeEntry {
                unit: unit.to_string(),
                grade: grade.to_string(),
                count,
                group: Some(group.to_string()),
            };
            let entries = vec![entry(&best, total - 7), entry(&worst, 7)];
            let events = s
                .decide(&Command::AddGrades { entries }, t())
                .expect("a tally within the counts allowed");
            s.commit(events);
        }
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        podium::scoring::results(s.rules(), s.plan(), s.state(), t())
    }))
    .map(|r| r.iter().map(|u| u.score.is_some()).collect())
    .map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// Typed-up group tallies within the allowed counts (each row at most
/// `scoring::MAX_GRADE_COUNT`, whose doc says "far below any sum that could overflow") give
/// every unit a score. As reviewed, at ~10^5 ballots a group with coprime totals,
/// `grouped_grades_result` (scoring.rs) finds `Ratio::checked_add_mul` overflowing and gives
/// the unit no score at all, with nothing said; smaller tallies (5 000, 20 000) are fine and
/// no panic was found (`Ratio::cmp` and `div_int` stay unchecked all the same).
#[test]
fn large_group_tallies_rank_without_overflow() {
    // Each group's total a different prime: the means' denominators multiply.
    for (a, b) in [
        ([4_999, 4_993, 4_987], [4_973, 4_969, 4_967]),
        ([19_997, 19_993, 19_991], [19_979, 19_973, 19_963]),
        ([99_991, 99_989, 99_971], [99_961, 99_929, 99_923]),
    ] {
        let got = grouped_scores(&[("甲镇", a), ("乙镇", b)]);
        assert_eq!(got, Ok(vec![true, true]), "totals {a:?} and {b:?}");
    }
}

/// Slips issued from the console are given their name (and the notice says "issued") only
/// once the new ballots are on disk: durable before visible. As reviewed,
/// tui/components/ballots.rs `issue` takes `app.execute(..)` returning true as issued, but
/// it is true while saving fails too (the events wait in memory): with the disk full the
/// slips are placed and "已增发" said, and a crash then leaves printed slips whose codes open
/// nothing. (The slips' temporary file is also written without a flush, `std::fs::write`.)
#[test]
fn console_slips_wait_for_the_ballots_on_disk() {
    use common::full_disk::FullDisk;
    use podium::console::Level;
    use podium::tui::app::{App, Options};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::sync::atomic::AtomicU64;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("常委会.session.json");
    let plan = serde_json::from_value(grades_plan()).unwrap();
    let writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).unwrap();
    let mut app = App::new(
        writer,
        Options {
            lang: Lang::Zh,
            quiet: true,
            ambiguous: podium::text::Ambiguous::Narrow,
        },
        t(),
    );
    app.core
        .ledger
        .writer_mut()
        .expect("a local session")
        .set_disk(Box::new(FullDisk {
            budget: Arc::new(AtomicU64::new(0)),
        }));
    let mut key = |code: KeyCode, m: KeyModifiers| {
        app.tick(t());
        app.on_key(KeyEvent::new(code, m), t());
    };
    key(KeyCode::Char('b'), KeyModifiers::CONTROL);
    key(KeyCode::Char('i'), KeyModifiers::NONE);
    key(KeyCode::Char('1'), KeyModifiers::NONE);
    key(KeyCode::Enter, KeyModifiers::NONE);
    let unsaved = app.core.ledger.writer().expect("local").unsaved();
    assert!(
        unsaved > 0,
        "the disk is full: the new ballots are only in memory"
    );
    let placed = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .any(|n| n.ends_with(".docx") && !n.starts_with('.'));
    let notice = app.core.notice.as_ref().expect("a notice");
    assert!(
        !placed && notice.level != Level::Info,
        "slips placed: {placed}; notice ({:?}): {}",
        notice.level,
        notice.text
    );
}
