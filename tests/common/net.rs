//! Helpers for the network end-to-end tests: a host (`podium run --serve 127.0.0.1:0`) and
//! note-takers (`podium join`) as real processes in pseudo-terminals, the host's session read
//! back while it runs, and a TCP proxy that can cut the line between a note-taker and the host.
#![allow(dead_code)]

use super::pty::{Term, copy_plan};
use podium::session::{Event, Session};
use podium::store;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const PLAN: &str = "city-report.json";
pub const SESSION: &str = "city-report.session.json";
pub const JOIN_FILE: &str = "city-report.session.join";
/// The first unit of the demo plan: the current one when the meeting starts.
pub const FIRST_UNIT: &str = "市财政局";

/// Wide and tall enough that a remarks panel holds a few dozen one-line remarks.
pub const COLS: u16 = 140;
pub const ROWS: u16 = 56;

/// How long the network tests wait for anything (other test files run at the same time).
pub const WAIT: Duration = Duration::from_secs(20);

/// Polls `probe` every 20 ms until it returns `Some`, or panics after `timeout` with what
/// `describe` says about the state then.
pub fn poll<T>(
    what: &str,
    timeout: Duration,
    mut probe: impl FnMut() -> Option<T>,
    describe: impl Fn() -> String,
) -> T {
    let end = Instant::now() + timeout;
    loop {
        if let Some(v) = probe() {
            return v;
        }
        if Instant::now() >= end {
            panic!("waited {timeout:?} for {what}; {}", describe());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The host's console, serving on 127.0.0.1 at a port the system picked.
pub struct Host {
    pub term: Term,
    pub dir: PathBuf,
    /// `127.0.0.1:PORT`, from the join file.
    pub addr: String,
    pub code: String,
}

impl Host {
    /// Copies the demo plan into `dir` and runs `podium run PLAN --serve 127.0.0.1:0` there.
    pub fn start(dir: &Path) -> Host {
        copy_plan(dir, PLAN);
        let term = Term::spawn_full(
            dir,
            &["run", PLAN, "--serve", "127.0.0.1:0", "--lang", "zh"],
            COLS,
            ROWS,
            &[],
        );
        let join_path = dir.join(JOIN_FILE);
        let join: serde_json::Value = poll(
            "the join file",
            WAIT,
            || {
                let text = std::fs::read_to_string(&join_path).ok()?;
                let v: serde_json::Value = serde_json::from_str(&text).ok()?;
                v["addrs"]
                    .as_array()
                    .is_some_and(|a| !a.is_empty())
                    .then_some(v)
            },
            || format!("the terminal shows:\n{}", term.screen()),
        );
        let code = join["code"].as_str().expect("a code").to_string();
        assert_eq!(code.len(), 6, "{join}");
        let addr = join["addrs"][0].as_str().expect("an address").to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{join}");
        assert_ne!(addr, "127.0.0.1:0", "{join}");
        // The console is up and shows the join code.
        term.wait_for(&format!("加入码 {code}"), WAIT);
        term.wait_for(FIRST_UNIT, WAIT);
        Host {
            term,
            dir: dir.to_path_buf(),
            addr,
            code,
        }
    }

    pub fn session_path(&self) -> PathBuf {
        self.dir.join(SESSION)
    }

    /// The host's meeting as its files say now (it may be running).
    pub fn session(&self) -> Session {
        read_session(&self.session_path())
    }

    /// Space: starts the current unit's talk.
    pub fn start_talk(&mut self) {
        self.term.send(" ");
        self.term.wait_for("汇报中", WAIT);
    }

    /// `q`, `y`: closes the session cleanly.
    pub fn quit(&mut self) {
        quit(&mut self.term);
    }
}

/// `q`, then `y`; waits for a clean exit.
pub fn quit(t: &mut Term) {
    t.send("q");
    t.wait_for("退出 podium？", WAIT);
    t.send("y");
    let status = t.wait_exit(WAIT);
    assert!(status.success(), "podium exited with {status:?}");
}

pub fn read_session(path: &Path) -> Session {
    store::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The remarks' texts in the session's order.
pub fn remark_texts(s: &Session) -> Vec<String> {
    s.state().remarks.iter().map(|r| r.text.clone()).collect()
}

/// The event that added remark `id` (its seq).
pub fn event(s: &Session, seq: u64) -> &Event {
    s.events()
        .iter()
        .find(|e| e.seq == seq)
        .unwrap_or_else(|| panic!("no event {seq}"))
}

/// `podium join ADDR --name NAME --code CODE --outbox OUTBOX --lang zh`, waiting until it says
/// it is connected.
pub fn join(dir: &Path, addr: &str, name: &str, code: &str, outbox: &Path) -> Term {
    let t = spawn_join(dir, addr, name, code, outbox);
    t.wait_for("已连接主持人", WAIT);
    t
}

/// As `join`, without waiting.
pub fn spawn_join(dir: &Path, addr: &str, name: &str, code: &str, outbox: &Path) -> Term {
    let outbox = outbox.to_str().expect("a UTF-8 path");
    Term::spawn_full(
        dir,
        &[
            "join", addr, "--name", name, "--code", code, "--outbox", outbox, "--lang", "zh",
        ],
        COLS,
        ROWS,
        &[],
    )
}

/// `r`, the text, Enter, in one go: the remark editor for the current unit, saved.
pub fn type_remark(t: &mut Term, text: &str) {
    t.send(format!("r{text}\r"));
}

/// The line a remark waiting for the host's confirmation shows in the remarks panel.
pub fn waiting_line(text: &str) -> String {
    format!("⏳待确认 常务副市长 — {text}")
}

/// The markers (`NAME-NN`) on `screen`, top to bottom, left to right.
pub fn markers(screen: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in screen.lines() {
        let mut found: Vec<(usize, String)> = Vec::new();
        for name in names {
            for (at, _) in line.match_indices(&format!("{name}-")) {
                let rest = &line[at + name.len() + 1..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if digits.len() == 2 {
                    found.push((at, format!("{name}-{digits}")));
                }
            }
        }
        found.sort();
        out.extend(found.into_iter().map(|(_, m)| m));
    }
    out
}

/// The marker a remark's text starts with.
pub fn marker_of(text: &str) -> String {
    text.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One proxied connection: both sockets, and whether its traffic is to be dropped.
struct Conn {
    client: TcpStream,
    host: TcpStream,
    dead: Arc<AtomicBool>,
}

struct ProxyState {
    upstream: SocketAddr,
    /// While set, new connections are closed at once and nothing is forwarded.
    cut: AtomicBool,
    /// Set: the next note-taker command (a large frame after the handshake) is forwarded to
    /// the host, and then the line is cut before anything comes back.
    arm: AtomicBool,
    /// How many times the armed cut happened.
    tripped: AtomicUsize,
    /// Connections accepted (and forwarded) so far.
    accepted: AtomicUsize,
    stop: AtomicBool,
    conns: Mutex<Vec<Conn>>,
}

impl ProxyState {
    fn cut_all(&self) {
        self.cut.store(true, Ordering::SeqCst);
        let conns = std::mem::take(&mut *self.conns.lock().unwrap());
        for c in conns {
            c.dead.store(true, Ordering::SeqCst);
            // The note-taker sees its connection end; the host sees the end of what was
            // sent (no reset: the host-to-client side keeps being read, and dropped, until
            // the host closes it, so the host reads everything forwarded before the cut).
            let _ = c.client.shutdown(Shutdown::Both);
            let _ = c.host.shutdown(Shutdown::Write);
        }
    }
}

/// A TCP proxy on 127.0.0.1 in front of the host, that can cut the line.
pub struct Proxy {
    pub addr: SocketAddr,
    state: Arc<ProxyState>,
}

impl Proxy {
    pub fn start(upstream: &str) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let addr = listener.local_addr().expect("the proxy's address");
        let state = Arc::new(ProxyState {
            upstream: upstream.parse().expect("the host's address"),
            cut: AtomicBool::new(false),
            arm: AtomicBool::new(false),
            tripped: AtomicUsize::new(0),
            accepted: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            conns: Mutex::new(Vec::new()),
        });
        let st = state.clone();
        std::thread::spawn(move || accept_loop(listener, st));
        Proxy { addr, state }
    }

    /// Closes every proxied connection and closes new ones at once, until `restore`.
    pub fn cut(&self) {
        self.state.cut_all();
    }

    pub fn restore(&self) {
        self.state.cut.store(false, Ordering::SeqCst);
    }

    /// The next command a note-taker sends reaches the host, and then the line is cut (as
    /// `cut`) before the host's confirmation can come back.
    pub fn cut_after_next_command(&self) {
        self.state.arm.store(true, Ordering::SeqCst);
    }

    pub fn tripped(&self) -> usize {
        self.state.tripped.load(Ordering::SeqCst)
    }

    pub fn accepted(&self) -> usize {
        self.state.accepted.load(Ordering::SeqCst)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        self.state.cut_all();
        // Wakes the accept loop so that it sees `stop`.
        let _ = TcpStream::connect(self.addr);
    }
}

fn accept_loop(listener: TcpListener, state: Arc<ProxyState>) {
    for stream in listener.incoming() {
        if state.stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(client) = stream else { continue };
        if state.cut.load(Ordering::SeqCst) {
            drop(client);
            continue;
        }
        let Ok(host) = TcpStream::connect_timeout(&state.upstream, Duration::from_secs(5)) else {
            continue;
        };
        let _ = client.set_nodelay(true);
        let _ = host.set_nodelay(true);
        let dead = Arc::new(AtomicBool::new(false));
        let clones = (
            client.try_clone(),
            host.try_clone(),
            client.try_clone(),
            host.try_clone(),
        );
        let (Ok(c1), Ok(h1), Ok(c2), Ok(h2)) = clones else {
            continue;
        };
        state.conns.lock().unwrap().push(Conn {
            client,
            host,
            dead: dead.clone(),
        });
        state.accepted.fetch_add(1, Ordering::SeqCst);
        // A cut may have come between the check above and the registration.
        if state.cut.load(Ordering::SeqCst) {
            state.cut_all();
        }
        let st = state.clone();
        let d = dead.clone();
        std::thread::spawn(move || client_to_host(c1, h1, d, st));
        std::thread::spawn(move || host_to_client(h2, c2, dead));
    }
}

/// Forwards the note-taker's frames (a 4-byte length, then the bytes) whole, one by one.
fn client_to_host(
    mut client: TcpStream,
    mut host: TcpStream,
    dead: Arc<AtomicBool>,
    state: Arc<ProxyState>,
) {
    let mut index = 0usize;
    loop {
        let mut len = [0u8; 4];
        if client.read_exact(&mut len).is_err() {
            break;
        }
        let n = u32::from_be_bytes(len) as usize;
        let mut frame = vec![0u8; n];
        if client.read_exact(&mut frame).is_err() {
            break;
        }
        if dead.load(Ordering::SeqCst) {
            break;
        }
        // Frame 0 is the hello, frame 1 the first sealed message (small); a sealed command
        // carrying a remark is well over 100 bytes, a ping well under.
        let trip = index >= 2 && n > 100 && state.arm.swap(false, Ordering::SeqCst);
        if trip {
            // Nothing the host sends from now on reaches the note-taker.
            dead.store(true, Ordering::SeqCst);
        }
        let mut bytes = len.to_vec();
        bytes.extend_from_slice(&frame);
        if host.write_all(&bytes).and_then(|()| host.flush()).is_err() {
            break;
        }
        if trip {
            state.cut_all();
            state.tripped.fetch_add(1, Ordering::SeqCst);
            break;
        }
        index += 1;
    }
    let _ = host.shutdown(Shutdown::Write);
    let _ = client.shutdown(Shutdown::Both);
}

/// Forwards what the host sends, as it comes, unless the connection was cut; then reads on
/// (dropping it) until the host closes, so that the host never gets a reset.
fn host_to_client(mut host: TcpStream, mut client: TcpStream, dead: Arc<AtomicBool>) {
    let _ = host.set_read_timeout(Some(Duration::from_secs(30)));
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match host.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if dead.load(Ordering::SeqCst) {
            continue;
        }
        if client.write_all(&buf[..n]).is_err() {
            dead.store(true, Ordering::SeqCst);
        }
    }
    let _ = client.shutdown(Shutdown::Both);
}
