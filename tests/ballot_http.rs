//! The ballot page over HTTP ([F2]) on loopback: the page with and without a code, ballots
//! cast, changed, cast again unchanged, refused after the vote closes and for a voided
//! ballot, wrong codes rate-limited, oversized and slow requests cut, the connection cap,
//! many phones at once; and the real binary (`podium run SESSION --serve --open-voting`)
//! serving a ballot that is on disk when the phone is told 已提交, with no code anywhere.
//!
//! Most tests drive the server's API (`BallotServer`) with a test console: a thread that
//! pumps it with a real `Writer` on a session in a temporary folder, as `Console` does.

mod common {
    pub mod full_disk;
    pub mod net;
    pub mod pty;
}

use chrono::{FixedOffset, TimeZone};
use common::net::{poll, quit};
use common::pty::Term;
use podium::net::ballots::{BallotServer, Limits};
use podium::session::ballots::{code_from, hash, show_code};
use podium::session::{Command, Session, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

const SALT: &str = "00112233445566778899aabbccddeeff";
const TITLE: &str = "区级部门述职测评";

fn t() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .unwrap()
}

fn grades_plan() -> serde_json::Value {
    serde_json::json!({
        "title": TITLE,
        "units": [
            {"name": "甲镇", "presenter": "张三"},
            {"name": "乙镇", "presenter": "李四"},
            {"name": "书记讲话", "kind": "speech", "minutes": 10}
        ],
        "scoring": {"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60}, {"name": "部门", "weight": 40}]}
    })
}

fn points_plan() -> serde_json::Value {
    serde_json::json!({
        "title": TITLE,
        "units": [{"name": "甲镇"}, {"name": "乙镇"}],
        "scoring": {"mode": "points", "step": 0.5,
            "criteria": [{"name": "实绩", "max": 60}, {"name": "作风", "max": 40}],
            "ballot_groups": [{"name": "领导", "weight": 100}]}
    })
}

/// Something for the test console to do with its writer, and where to say how it went.
type Job = Box<dyn FnOnce(&mut Writer) -> Result<(), String> + Send>;
type Exec = (Job, mpsc::Sender<Result<(), String>>);

/// A test console: a session with ballots issued and voting open, its ballot page on
/// 127.0.0.1, pumped every few milliseconds.
struct Host {
    addr: SocketAddr,
    path: PathBuf,
    dir: tempfile::TempDir,
    /// The codes issued, by group: 领导's first, then 部门's.
    codes: Vec<String>,
    exec: mpsc::Sender<Exec>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Host {
    fn start(plan: serde_json::Value, groups: &[(&str, usize)], limits: Limits) -> Host {
        Host::start_in(plan, groups, limits, Lang::Zh)
    }

    fn start_in(
        plan: serde_json::Value,
        groups: &[(&str, usize)],
        limits: Limits,
        lang: Lang,
    ) -> Host {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("测评.session.json");
        let plan = serde_json::from_value(plan).expect("a plan");
        let mut writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).expect("a session");
        let mut codes = Vec::new();
        for (group, n) in groups {
            let batch: Vec<String> = (0..*n)
                .map(|i| {
                    let k = codes.len() + i + 1;
                    code_from(&[k as u8, (k >> 8) as u8, 7, 7, 7, 7, 7, 7, 7, 7])
                })
                .collect();
            let hashes = batch.iter().map(|c| hash(SALT, c)).collect();
            writer
                .execute(
                    &Command::IssueBallots {
                        group: group.to_string(),
                        salt: SALT.into(),
                        hashes,
                    },
                    t(),
                )
                .expect("ballots issued");
            codes.extend(batch);
        }
        writer
            .execute(&Command::OpenVoting, t())
            .expect("voting opened");
        let mut server =
            BallotServer::start("127.0.0.1:0", &writer, lang, limits).expect("the page");
        let addr = server.local;
        assert_eq!(server.url, format!("http://{addr}"));
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
                // As the console does (its snapshot tick): saving tried again while it fails.
                if writer.unsaved() > 0 {
                    let _ = writer.retry(t());
                }
                server.pump(&mut writer, t());
                std::thread::sleep(Duration::from_millis(5));
            }
            drop(server);
            writer.close(t()).expect("the session closed");
        });
        Host {
            addr,
            path,
            dir,
            codes,
            exec,
            stop,
            thread: Some(thread),
        }
    }

    /// Carries out a command of the host's (closing the vote, voiding a ballot).
    fn run(&self, command: Command) {
        self.with_writer(move |w| {
            w.execute(&command, t())
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
    }

    fn with_writer(&self, job: impl FnOnce(&mut Writer) -> Result<(), String> + Send + 'static) {
        let (tx, rx) = mpsc::channel();
        self.exec
            .send((Box::new(job), tx))
            .expect("the console runs");
        rx.recv_timeout(Duration::from_secs(10))
            .expect("an answer")
            .expect("carried out");
    }

    /// The meeting as its files say now.
    fn session(&self) -> Session {
        store::read(&self.path).expect("the session reads")
    }

    fn get(&self, path: &str) -> Resp {
        http(self.addr, "GET", path, None)
    }

    fn post(&self, code: &str, fields: &[(&str, &str)]) -> Resp {
        let body = form(fields);
        http(self.addr, "POST", &format!("/b/{code}"), Some(&body))
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

fn form(fields: &[(&str, &str)]) -> String {
    let mut f = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        f.append_pair(k, v);
    }
    f.finish()
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn parse(raw: &[u8]) -> Resp {
    let text = String::from_utf8_lossy(raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP response: {text:?}"));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status: {head}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
    }
}

/// One request on a connection of its own (closed after the answer).
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(body.unwrap_or(""));
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("the answer");
    parse(&raw)
}

fn grades_of(s: &Session, serial: &str) -> Vec<(String, String)> {
    let b = s.state().ballots.get(serial).expect("the ballot");
    b.cast
        .as_ref()
        .map(|c| c.grades.clone().into_iter().collect())
        .unwrap_or_default()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Every file in `dir`, as text.
fn all_files(dir: &Path) -> String {
    let mut text = String::new();
    for e in std::fs::read_dir(dir).expect("the folder").flatten() {
        if e.path().is_file() {
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(e.path()).unwrap_or_default(),
            ));
        }
    }
    text
}

fn assert_no_code(text: &str, codes: &[String], what: &str) {
    for c in codes {
        assert!(!text.contains(c.as_str()), "a code in {what}");
        assert!(!text.contains(&show_code(c)), "a code in {what}");
    }
}

#[test]
fn without_a_code_the_page_shows_nothing_of_the_meeting() {
    let host = Host::start(grades_plan(), &[("领导", 1)], Limits::default());
    for path in ["/", "/nothing/here", "/b"] {
        let r = host.get(path);
        for word in [TITLE, "甲镇", "乙镇", "领导", "张三"] {
            assert!(!r.body.contains(word), "{path} shows {word}");
        }
        assert_eq!(r.header("Referrer-Policy"), Some("no-referrer"), "{path}");
        assert_eq!(r.header("Cache-Control"), Some("no-store"), "{path}");
        assert_eq!(
            r.header("X-Content-Type-Options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            r.header("Content-Security-Policy"),
            Some("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"),
            "{path}"
        );
        assert!(
            r.header("Content-Type")
                .is_some_and(|t| t.starts_with("text/html")),
            "{path}"
        );
    }
    // Another method: axum's own answer, with the same headers.
    let put = http(host.addr, "PUT", "/", None);
    assert_eq!(put.status, 405);
    assert_eq!(put.header("Referrer-Policy"), Some("no-referrer"));
    assert_eq!(put.header("Cache-Control"), Some("no-store"));
    let root = host.get("/");
    assert_eq!(root.status, 200);
    assert!(
        root.body.contains("请输入测评票上的测评码"),
        "{}",
        root.body
    );
    assert!(root.body.contains("name=\"viewport\""));
    assert!(root.body.contains("action=\"/b\""));
    assert!(!root.body.contains("<script"), "no script");
    assert!(!root.body.contains("http"), "no external resource");
    assert_eq!(host.get("/nothing/here").status, 404);
}

#[test]
fn a_grades_ballot_is_cast_changed_cast_again_and_refused_once_closed() {
    let host = Host::start(
        grades_plan(),
        &[("领导", 2), ("部门", 1)],
        Limits::default(),
    );
    let code = host.codes[0].clone();
    // Typed as printed, in lower case: the same ballot.
    let typed = show_code(&code).to_lowercase();
    let page = host.get(&format!("/b/{typed}"));
    assert_eq!(page.status, 200, "{}", page.body);
    for word in [
        TITLE,
        "领导组",
        "领导-001",
        "甲镇",
        "乙镇",
        "汇报人：张三",
        "优秀",
        "不评",
    ] {
        assert!(page.body.contains(word), "the form lacks {word}");
    }
    assert!(
        !page.body.contains("书记讲话"),
        "a speech is no unit to score"
    );
    assert!(page.body.contains("type=\"radio\""));
    assert!(page.body.len() < 30 * 1024, "{} bytes", page.body.len());
    assert!(!page.body.contains("<script"));
    assert_eq!(page.header("Referrer-Policy"), Some("no-referrer"));
    // The code field's form lands on the same ballot.
    let by_query = host.get(&format!("/b?code={}", show_code(&code)));
    assert_eq!(by_query.status, 200);
    assert!(by_query.body.contains("领导-001"));

    // The first step shows the summary to confirm; nothing is recorded yet.
    let fields = [("g:甲镇", "优秀"), ("g:乙镇", "良好")];
    let check = host.post(&code, &fields);
    assert_eq!(check.status, 200, "{}", check.body);
    assert!(check.body.contains("确认提交"), "{}", check.body);
    assert!(check.body.contains("返回修改"));
    assert!(
        check
            .body
            .contains("type=\"hidden\" name=\"g:甲镇\" value=\"优秀\"")
    );
    assert!(!check.body.contains("已提交"));
    assert!(grades_of(&host.session(), "领导-001").is_empty());

    // Confirmed: 已提交, and the ballot is in the session's files by then.
    let done = host.post(&code, &[fields[0], fields[1], ("confirm", "1")]);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("已提交"), "{}", done.body);
    assert!(!done.body.contains("已提交（未改变）"));
    assert_eq!(
        grades_of(&host.session(), "领导-001"),
        pairs(&[("乙镇", "良好"), ("甲镇", "优秀")])
    );

    // Opened again: filled in with what it gave.
    let again = host.get(&format!("/b/{code}"));
    assert!(
        again.body.contains("value=\"优秀\" checked"),
        "{}",
        again.body
    );
    assert!(again.body.contains("已按这张票上次提交的内容填好"));

    // 返回修改 from the summary: the form with what was typed.
    let edit = host.post(&code, &[("g:甲镇", "一般"), ("edit", "1")]);
    assert!(
        edit.body.contains("value=\"一般\" checked"),
        "{}",
        edit.body
    );

    // Changed: the last one counts.
    let changed = host.post(
        &code,
        &[("g:甲镇", "优秀"), ("g:乙镇", "一般"), ("confirm", "1")],
    );
    assert!(changed.body.contains("已提交"), "{}", changed.body);
    assert_eq!(
        grades_of(&host.session(), "领导-001"),
        pairs(&[("乙镇", "一般"), ("甲镇", "优秀")])
    );
    let seq = host.session().last_seq();

    // The same again: said so, nothing recorded.
    let same = host.post(
        &code,
        &[("g:甲镇", "优秀"), ("g:乙镇", "一般"), ("confirm", "1")],
    );
    assert_eq!(same.status, 200);
    assert!(same.body.contains("已提交（未改变）"), "{}", same.body);
    assert_eq!(host.session().last_seq(), seq);

    // Nothing chosen, a grade or a unit not on the ballot: said on the form.
    let empty = host.post(&code, &[("g:甲镇", ""), ("confirm", "1")]);
    assert_eq!(empty.status, 422);
    assert!(
        empty.body.contains("还没有给任何单位评分"),
        "{}",
        empty.body
    );
    let bad = host.post(&code, &[("g:甲镇", "超级"), ("confirm", "1")]);
    assert!(bad.body.contains("“超级”不是可选的等次"), "{}", bad.body);
    let other = host.post(&code, &[("g:书记讲话", "优秀"), ("confirm", "1")]);
    assert!(
        other.body.contains("“书记讲话”不是本次测评的单位"),
        "{}",
        other.body
    );

    // Another ballot of another group.
    let second = host.post(&host.codes[2], &[("g:乙镇", "优秀"), ("confirm", "1")]);
    assert!(second.body.contains("部门组"), "{}", second.body);
    assert!(second.body.contains("已提交"));

    // Closed: the page says so and what the ballot recorded; a late one is refused.
    host.run(Command::CloseVoting);
    let closed = host.get(&format!("/b/{code}"));
    assert_eq!(closed.status, 200);
    assert!(
        closed.body.contains("测评投票未开始或已结束"),
        "{}",
        closed.body
    );
    assert!(closed.body.contains("这张票记录的内容"));
    assert!(closed.body.contains("<b>一般</b>"), "{}", closed.body);
    let seq = host.session().last_seq();
    let late = host.post(
        &code,
        &[("g:甲镇", "较差"), ("g:乙镇", "较差"), ("confirm", "1")],
    );
    assert!(
        late.body.contains("测评投票未开始或已结束"),
        "{}",
        late.body
    );
    assert!(!late.body.contains("已提交"));
    assert_eq!(host.session().last_seq(), seq);
    assert_eq!(
        grades_of(&host.session(), "领导-001"),
        pairs(&[("乙镇", "一般"), ("甲镇", "优秀")])
    );
    // Never cast: nothing recorded.
    let never = host.get(&format!("/b/{}", host.codes[1]));
    assert!(
        never.body.contains("这张票没有记录任何评分"),
        "{}",
        never.body
    );

    // No code in any of the session's files.
    assert_no_code(
        &all_files(host.dir.path()),
        &host.codes,
        "the session's files",
    );
}

#[test]
fn a_points_ballot_is_checked_then_cast() {
    let host = Host::start(points_plan(), &[("领导", 1)], Limits::default());
    let code = host.codes[0].clone();
    let page = host.get(&format!("/b/{code}"));
    assert!(page.body.contains("type=\"number\""), "{}", page.body);
    assert!(page.body.contains("max=\"60\""));
    assert!(page.body.contains("step=\"0.5\""));
    assert!(page.body.contains("实绩（0–60）"));
    let refused = [
        (
            vec![("p:0:甲镇", "61"), ("p:1:甲镇", "30")],
            "应在 0 到 60 之间",
        ),
        (vec![("p:0:甲镇", "50")], "请填写每一项，或整个单位留空"),
        (
            vec![("p:0:甲镇", "50.3"), ("p:1:甲镇", "30")],
            "应是 0.5 的整数倍",
        ),
        (
            vec![("p:0:甲镇", "abc"), ("p:1:甲镇", "30")],
            "“abc”不是数字",
        ),
    ];
    for (fields, said) in refused {
        let mut f = fields.clone();
        f.push(("confirm", "1"));
        let r = host.post(&code, &f);
        assert_eq!(r.status, 422, "{fields:?}");
        assert!(r.body.contains(said), "{fields:?}: {}", r.body);
        // The form keeps what was typed.
        assert!(r.body.contains(&format!("value=\"{}\"", fields[0].1)));
    }
    assert_eq!(host.session().state().ballots.counts(None).cast, 0);
    let fields = [("p:0:甲镇", "55.5"), ("p:1:甲镇", "38"), ("p:0:乙镇", "")];
    let check = host.post(&code, &fields);
    assert!(check.body.contains("实绩 55.5；作风 38"), "{}", check.body);
    let done = host.post(&code, &[fields[0], fields[1], ("confirm", "1")]);
    assert!(done.body.contains("已提交"), "{}", done.body);
    let s = host.session();
    let cast = s
        .state()
        .ballots
        .get("领导-001")
        .unwrap()
        .cast
        .clone()
        .unwrap();
    assert_eq!(cast.points["甲镇"], vec![Some(555_000), Some(380_000)]);
    assert!(!cast.points.contains_key("乙镇"));
    let again = host.get(&format!("/b/{code}"));
    assert!(again.body.contains("value=\"55.5\""), "{}", again.body);
}

#[test]
fn a_voided_ballot_is_refused() {
    let host = Host::start(grades_plan(), &[("领导", 2)], Limits::default());
    host.run(Command::VoidBallot {
        serial: "领导-002".into(),
    });
    let code = &host.codes[1];
    let page = host.get(&format!("/b/{code}"));
    assert_eq!(page.status, 410);
    assert!(page.body.contains("已作废"), "{}", page.body);
    let post = host.post(code, &[("g:甲镇", "优秀"), ("confirm", "1")]);
    assert_eq!(post.status, 410);
    assert!(!post.body.contains("已提交"));
    assert!(grades_of(&host.session(), "领导-002").is_empty());
}

#[test]
fn wrong_codes_are_limited_per_address() {
    let host = Host::start(grades_plan(), &[("领导", 1)], Limits::default());
    let right = host.get(&format!("/b/{}", host.codes[0]));
    assert_eq!(right.status, 200, "a right code counts as no try");
    for (i, wrong) in [
        "2222-2222-2222-2222",
        "not a code",
        "ZZZZZZZZZZZZZZZZ",
        "3333-3333-3333-3333",
        "4444444444444444",
    ]
    .iter()
    .enumerate()
    {
        let r = host.get(&format!("/b?code={}", form_value(wrong)));
        assert_eq!(r.status, 404, "try {i}");
        assert!(r.body.contains("测评码无效"), "{}", r.body);
        for word in [TITLE, "甲镇", "领导"] {
            assert!(!r.body.contains(word));
        }
    }
    let sixth = host.get("/b/5555-5555-5555-5555");
    assert_eq!(sixth.status, 429, "{}", sixth.body);
    assert!(sixth.body.contains("秒后再试"), "{}", sixth.body);
    // Refused now even with a right code: the refusal tells nothing about a guess.
    assert_eq!(host.get(&format!("/b/{}", host.codes[0])).status, 429);
    let post = host.post(&host.codes[0], &[("g:甲镇", "优秀"), ("confirm", "1")]);
    assert_eq!(post.status, 429);
}

fn form_value(v: &str) -> String {
    form_urlencoded::byte_serialize(v.as_bytes()).collect()
}

#[test]
fn an_oversized_request_is_refused() {
    let host = Host::start(grades_plan(), &[("领导", 1)], Limits::default());
    let code = host.codes[0].clone();
    // A megabyte declared: refused before it is read.
    let mut s = TcpStream::connect(host.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "POST /b/{code} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        1024 * 1024
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&[b'a'; 1024]).unwrap();
    let mut raw = vec![0u8; 64 * 1024];
    let n = s.read(&mut raw).expect("an answer");
    let r = parse(&raw[..n]);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("提交的内容过大"));
    // A megabyte sent in chunks, with no length said: refused once past the limit (the
    // answer, or the connection cut while sending).
    let mut s = TcpStream::connect(host.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "POST /b/{code} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    s.write_all(head.as_bytes()).unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 8192, "g".repeat(8192));
    let mut cut = false;
    for _ in 0..128 {
        if s.write_all(chunk.as_bytes()).is_err() {
            cut = true;
            break;
        }
    }
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    if !raw.is_empty() {
        assert_eq!(parse(&raw).status, 413);
    } else {
        assert!(cut, "neither an answer nor a cut");
    }
    // The header block is limited too.
    let mut s = TcpStream::connect(host.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let big = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    let _ = s.write_all(big.as_bytes());
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    if !raw.is_empty() {
        assert_ne!(parse(&raw).status, 200);
    }
    assert_eq!(host.session().state().ballots.counts(None).cast, 0);
}

#[test]
fn slow_requests_are_cut() {
    let limits = Limits {
        read_timeout: Duration::from_millis(800),
        ..Limits::default()
    };
    let host = Host::start(grades_plan(), &[("领导", 1)], limits);
    // Half a request line and headers, then nothing.
    let mut s = TcpStream::connect(host.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let start = Instant::now();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(8), "cut after {took:?}");
    assert!(
        raw.is_empty() || !String::from_utf8_lossy(&raw).contains(" 200 "),
        "answered a half request"
    );
    // The headers, then half the body: 408.
    let code = &host.codes[0];
    let mut s = TcpStream::connect(host.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let head = format!(
        "POST /b/{code} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\ng%3A"
    );
    s.write_all(head.as_bytes()).unwrap();
    let start = Instant::now();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    assert!(start.elapsed() < Duration::from_secs(8));
    let r = parse(&raw);
    assert_eq!(r.status, 408, "{}", r.body);
    assert!(r.body.contains("提交太慢"));
}

#[test]
fn connections_are_capped() {
    let limits = Limits {
        max_connections: 2,
        ..Limits::default()
    };
    let host = Host::start(grades_plan(), &[("领导", 1)], limits);
    let a = TcpStream::connect(host.addr).unwrap();
    let b = TcpStream::connect(host.addr).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let mut c = TcpStream::connect(host.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    assert!(raw.is_empty(), "a third connection was served");
    drop((a, b));
    let ok = poll(
        "a connection once the others closed",
        Duration::from_secs(10),
        || {
            let mut s = TcpStream::connect(host.addr).ok()?;
            s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .ok()?;
            let mut raw = Vec::new();
            s.read_to_end(&mut raw).ok()?;
            (!raw.is_empty())
                .then(|| parse(&raw))
                .filter(|r| r.status == 200)
        },
        String::new,
    );
    assert_eq!(ok.status, 200);
}

#[test]
fn many_phones_at_once_none_lost_none_doubled() {
    let n = 60;
    let host = Host::start(grades_plan(), &[("领导", n)], Limits::default());
    let addr = host.addr;
    let threads: Vec<_> = host
        .codes
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, code)| {
            std::thread::spawn(move || {
                let grade = ["优秀", "良好", "一般", "较差"][i % 4];
                let body = form(&[("g:甲镇", grade), ("confirm", "1")]);
                let r = http(addr, "POST", &format!("/b/{code}"), Some(&body));
                (r.status, r.body.contains("已提交"))
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), (200, true));
    }
    let s = host.session();
    assert_eq!(s.state().ballots.counts(None).cast, n);
    let casts = s
        .events()
        .iter()
        .filter(|e| matches!(e.kind, podium::session::EventKind::GradesAdded { .. }))
        .count();
    assert_eq!(casts, n, "one grade event per ballot");
}

/// The real binary: `podium run SESSION --serve 127.0.0.1:0 --ballots-port 0 --open-voting`
/// serves the page, writes its address into the join file, and a ballot is on disk when the
/// phone is told 已提交; no code on the screen (where its standard error goes) or in a file.
#[test]
fn the_host_serves_the_page_and_keeps_no_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("测评.session.json");
    let plan = serde_json::from_value(grades_plan()).unwrap();
    let mut writer = Writer::create_in(&path, plan, Some(Lang::Zh), t()).unwrap();
    let codes: Vec<String> = (1..=2u8).map(|i| code_from(&[i; 10])).collect();
    writer
        .execute(
            &Command::IssueBallots {
                group: "领导".into(),
                salt: SALT.into(),
                hashes: codes.iter().map(|c| hash(SALT, c)).collect(),
            },
            t(),
        )
        .unwrap();
    writer.close(t()).unwrap();
    let mut term = Term::spawn_full(
        dir.path(),
        &[
            "run",
            "测评.session.json",
            "--serve",
            "127.0.0.1:0",
            "--ballots-port",
            "0",
            "--open-voting",
            "--wifi",
            "会场:12345678",
            "--lang",
            "zh",
        ],
        120,
        40,
        &[],
    );
    let join_path = dir.path().join("测评.session.join");
    let join: serde_json::Value = poll(
        "the page's address in the join file",
        Duration::from_secs(20),
        || {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&join_path).ok()?).ok()?;
            v["ballots_url"].is_string().then_some(v)
        },
        || term.screen(),
    );
    assert_eq!(join["wifi"], "会场:12345678");
    let url = join["ballots_url"].as_str().unwrap();
    let addr: SocketAddr = url
        .strip_prefix("http://")
        .expect("http://")
        .parse()
        .expect("ADDR:PORT");
    assert_ne!(addr.port(), 0);
    term.wait_for(TITLE, Duration::from_secs(20));
    // The console says where the page is.
    term.wait_for(&format!("测评页面：{url}"), Duration::from_secs(20));
    let page = http(addr, "GET", &format!("/b/{}", codes[0]), None);
    assert!(page.body.contains("领导-001"), "{}", page.body);
    let body = form(&[("g:甲镇", "优秀"), ("confirm", "1")]);
    let done = http(addr, "POST", &format!("/b/{}", codes[0]), Some(&body));
    assert!(done.body.contains("已提交"), "{}", done.body);
    // On disk by the time the phone was told.
    let s = store::read(&path).unwrap();
    assert!(s.state().ballots.open);
    assert_eq!(grades_of(&s, "领导-001"), pairs(&[("甲镇", "优秀")]));
    let screen = term.screen();
    quit(&mut term);
    assert_no_code(&screen, &codes, "the screen");
    assert_no_code(&all_files(dir.path()), &codes, "the session's files");
}

/// The page's flags are refused where they do not apply, in one clear sentence.
#[test]
fn the_flags_are_refused_where_they_do_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    common::pty::copy_plan(dir.path(), "city-report.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .current_dir(dir.path())
        .args(["run", "city-report.json", "--open-voting", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("要和 --serve 一起用"), "{err}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .current_dir(dir.path())
        .args(["run", "city-report.json", "--serve", "127.0.0.1:0"])
        .args(["--wifi", "nocolon", "--lang", "zh"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--wifi 应写作 名称:密码"), "{err}");
    let mut term = Term::spawn_full(
        dir.path(),
        &[
            "run",
            "city-report.json",
            "--serve",
            "127.0.0.1:0",
            "--open-voting",
            "--lang",
            "zh",
        ],
        120,
        40,
        &[],
    );
    let status = term.wait_exit(Duration::from_secs(20));
    assert!(!status.success());
    assert!(term.screen().contains("没有测评组"), "{}", term.screen());
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let plan = serde_json::from_value(grades_plan()).unwrap();
    let writer = Writer::create_in(&dir.path().join("m.session.json"), plan, None, t()).unwrap();
    let err = BallotServer::start(
        &format!("127.0.0.1:{port}"),
        &writer,
        Lang::Zh,
        Limits::default(),
    )
    .err()
    .expect("refused");
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    writer.close(t()).unwrap();
}

/// A meeting of twenty units: the form stays under 30 KB in either mode.
#[test]
fn the_form_of_twenty_units_is_under_30_kb() {
    let units: Vec<serde_json::Value> = (1..=20)
        .map(|i| serde_json::json!({"name": format!("第{i}单位名称较长的某某局"), "presenter": format!("局长{i}")}))
        .collect();
    let grades = serde_json::json!({
        "title": TITLE, "units": units,
        "scoring": {"mode": "grades", "ballot_groups": [{"name": "领导", "weight": 100}]}
    });
    let points = serde_json::json!({
        "title": TITLE, "units": units,
        "scoring": {"mode": "points", "criteria": [
            {"name": "工作实绩", "max": 40}, {"name": "工作作风", "max": 30}, {"name": "群众评价", "max": 30}],
            "ballot_groups": [{"name": "领导", "weight": 100}]}
    });
    for plan in [grades, points] {
        let host = Host::start(plan, &[("领导", 1)], Limits::default());
        let page = host.get(&format!("/b/{}", host.codes[0]));
        assert_eq!(page.status, 200);
        assert!(page.body.contains("第20单位"));
        assert!(page.body.len() < 30 * 1024, "{} bytes", page.body.len());
        eprintln!("form: {} bytes", page.body.len());
    }
}

/// A meeting run in English: the page is in English.
#[test]
fn in_english_when_the_meeting_is() {
    let host = Host::start_in(grades_plan(), &[("领导", 1)], Limits::default(), Lang::En);
    let root = host.get("/");
    assert!(root.body.contains("lang=\"en\""));
    assert!(
        root.body
            .contains("Type the code printed on your ballot slip")
    );
    let code = host.codes[0].clone();
    let page = host.get(&format!("/b/{code}"));
    assert!(
        page.body.contains("Group 领导 · ballot 领导-001"),
        "{}",
        page.body
    );
    let done = host.post(&code, &[("g:甲镇", "优秀"), ("confirm", "1")]);
    assert!(done.body.contains("Submitted"), "{}", done.body);
    let wrong = host.get("/b/2222-2222-2222-2222");
    assert!(
        wrong.body.contains("This code is not valid"),
        "{}",
        wrong.body
    );
}

/// While the host's disk is full, a phone is never told 已提交: it is asked to look again
/// later, and the ballot is on disk (and then 已提交（未改变）) once there is room.
#[test]
fn never_submitted_before_it_is_on_disk() {
    use common::full_disk::FullDisk;
    use std::sync::atomic::AtomicU64;
    let limits = Limits {
        reply_timeout: Duration::from_millis(800),
        ..Limits::default()
    };
    let host = Host::start(grades_plan(), &[("领导", 1)], limits);
    let budget = Arc::new(AtomicU64::new(0));
    let disk = FullDisk {
        budget: budget.clone(),
    };
    host.with_writer(move |w| {
        w.set_disk(Box::new(disk));
        Ok(())
    });
    let code = host.codes[0].clone();
    let fields = [("g:甲镇", "优秀"), ("confirm", "1")];
    let r = host.post(&code, &fields);
    assert_eq!(r.status, 202, "{}", r.body);
    assert!(r.body.contains("正在保存，请稍后刷新查看"), "{}", r.body);
    assert!(!r.body.contains("已提交"));
    assert!(grades_of(&host.session(), "领导-001").is_empty());
    budget.store(u64::MAX / 2, Ordering::SeqCst);
    poll(
        "the ballot on disk once there is room",
        Duration::from_secs(20),
        || (!grades_of(&host.session(), "领导-001").is_empty()).then_some(()),
        String::new,
    );
    let again = host.post(&code, &fields);
    assert!(again.body.contains("已提交（未改变）"), "{}", again.body);
}
