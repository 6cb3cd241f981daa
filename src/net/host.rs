//! The host's side: `podium run --serve`. A network thread accepts connections, runs the
//! handshake and the encrypted channel, and passes commands to the console through a
//! channel; the console (`Server::pump`, called from its loop) decides them with the same
//! `Writer` as its own keys, confirms each once it is durable, and sends every new event to
//! everyone who joined.

use super::wire::{
    self, Channel, ErrorCode, HandshakeError, Hello, Message, Refusal, Role, Text, ToHost,
};
use super::{HANDSHAKE_TIMEOUT, IDLE_LIMIT, MAX_FROM_CLIENT, MAX_TRIES, TRY_WINDOW};
use crate::session::{Author, Command, Time};
use crate::store::Writer;
use crate::strings::net as texts;
use crate::wallclock::Clock;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::mpsc as tmpsc;

/// From the network thread to the console.
pub enum Inbound {
    Joined {
        conn: u64,
        hello: Hello,
        addr: SocketAddr,
        pending: usize,
        out: tmpsc::UnboundedSender<Outbound>,
    },
    Command {
        conn: u64,
        id: String,
        command: Command,
        pending: usize,
    },
    Pending {
        conn: u64,
        pending: usize,
    },
    Left {
        conn: u64,
        why: Text,
    },
    /// Something the host should know (a wrong code, a version mismatch, a bad message).
    Notice(Text),
}

/// From the console to one connection.
pub enum Outbound {
    /// A message (JSON), sealed by the connection for its own channel.
    Send(Arc<Vec<u8>>),
    /// Close the connection, saying why when there is something to say.
    Close(Option<Text>),
}

/// State the network thread shares with the console.
struct Shared {
    code: Mutex<String>,
    /// Wrong codes per address, within the last `TRY_WINDOW`.
    tries: Mutex<HashMap<IpAddr, Tries>>,
    next_conn: AtomicU64,
    /// Connections open now (joined or still in the handshake).
    open: std::sync::atomic::AtomicUsize,
    /// Where the time in the `Clock` messages comes from (the wall clock, given by the caller).
    clock: Clock,
}

/// At most this many commands are taken in one pass of the console's loop, so that a key
/// pressed during a flood of remarks waits for one bounded pass, not for the whole backlog.
pub const MAX_PER_PASS: usize = 128;

/// At most this many connections at once: a flood of connections cannot exhaust the host.
pub const MAX_CONNECTIONS: usize = 256;

/// Counts a connection while it lives.
struct Open(Arc<Shared>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One address's tries: wrong codes within the window, and handshakes under way.
#[derive(Default)]
struct Tries {
    failed: Vec<Instant>,
    in_flight: usize,
}

impl Shared {
    /// Reserves a try for `ip` before the key exchange starts. A handshake under way counts
    /// as a try, so handshakes run side by side cannot test more codes than `MAX_TRIES`: when
    /// wrong codes fill the window the address is refused (`too_many_tries`, with the wait);
    /// when handshakes under way do, it is asked to come back in a moment (`busy`, several
    /// laptops behind one address joining at once). A reservation ends as a wrong code
    /// (`wrong`) or is given back (`give_back`): the code proved right, or the other side
    /// left before its first sealed message and learnt nothing.
    fn reserve_try(&self, ip: IpAddr) -> Result<(), Refusal> {
        let Ok(mut all) = self.tries.lock() else {
            return Err(too_many(TRY_WINDOW.as_secs()));
        };
        // Addresses with nothing under way and no recent wrong code are forgotten.
        all.retain(|_, t| {
            t.failed.retain(|at| at.elapsed() < TRY_WINDOW);
            !t.failed.is_empty() || t.in_flight > 0
        });
        let t = all.entry(ip).or_default();
        if t.failed.len() >= MAX_TRIES {
            // Enough wrong codes must expire to leave room for one more.
            let wait = t
                .failed
                .get(t.failed.len() - MAX_TRIES)
                .map_or(TRY_WINDOW, |at| TRY_WINDOW.saturating_sub(at.elapsed()));
            return Err(too_many(wait.as_secs() + 1));
        }
        if t.failed.len() + t.in_flight >= MAX_TRIES {
            return Err(Refusal {
                error: ErrorCode::Busy,
                message: texts::busy(),
            });
        }
        t.in_flight += 1;
        Ok(())
    }

    fn end_try(&self, ip: IpAddr, wrong: bool) {
        if let Ok(mut all) = self.tries.lock()
            && let Some(t) = all.get_mut(&ip)
        {
            t.in_flight = t.in_flight.saturating_sub(1);
            if wrong {
                t.failed.push(Instant::now());
            }
        }
    }
}

/// The join code and the meeting's id, kept beside the session (`NAME.session.join`, readable
/// by its owner only) so that a relaunched host keeps the code its note-takers typed.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct JoinFile {
    code: String,
    meeting: String,
    #[serde(default)]
    scores: bool,
    /// Where this host listens now (for a person, or a script, to read).
    #[serde(default)]
    addrs: Vec<String>,
    /// The ballot page's address (`http://ADDR:7374`), while this host serves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ballots_url: Option<String>,
    /// The venue's Wi-Fi, `SSID:PASSWORD` (`--wifi`), for the stage's QR code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wifi: Option<String>,
}

/// The join file beside a session (`NAME.session.json` → `NAME.session.join`).
pub fn join_path(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    session.with_file_name(format!("{stem}.join"))
}

fn save_join(path: &Path, join: &JoinFile) -> std::io::Result<()> {
    let text = serde_json::to_vec_pretty(join).map_err(std::io::Error::other)?;
    crate::store::write_private(path, &path.with_extension("join.tmp"), &text)
}

/// One joined laptop, as the connection list shows it.
#[derive(Debug, Clone)]
pub struct Peer {
    pub conn: u64,
    pub name: String,
    pub role: Role,
    pub addr: SocketAddr,
    client: String,
    pub since: Time,
    /// Commands still waiting on that laptop (as it last said).
    pub pending: usize,
    /// Commands of theirs carried out.
    pub entered: usize,
    out: tmpsc::UnboundedSender<Outbound>,
}

/// A notice for the host's screen.
pub struct Note {
    pub text: Text,
    pub warn: bool,
}

/// The console's end of the network.
pub struct Server {
    /// Addresses note-takers can join at.
    pub addrs: Vec<String>,
    pub port: u16,
    shared: Arc<Shared>,
    inbound: mpsc::Receiver<Inbound>,
    pub peers: Vec<Peer>,
    join: JoinFile,
    join_path: PathBuf,
    /// The last seq sent to everyone.
    sent: u64,
    /// Confirmations held back while the host's disk is failing (not durable yet).
    unconfirmed: Vec<(u64, String, u64)>,
    /// The last pass left commands waiting (it took `MAX_PER_PASS`): come back at once.
    pub backlog: bool,
    /// Dropped with the server: the network thread then stops and closes every connection.
    _stop: tokio::sync::oneshot::Sender<()>,
}

fn serialize(msg: &Message) -> Arc<Vec<u8>> {
    Arc::new(serde_json::to_vec(msg).unwrap_or_default())
}

impl Server {
    /// Listens on `bind` (`ADDR:PORT`) for the meeting in `session`: fails at once when the
    /// address cannot be used (a port in use, say). `clock` gives the time sent to everyone
    /// connected every `CLOCK_EVERY` (the wall clock: `crate::wallclock::now`).
    pub fn start(
        bind: &str,
        session: &Path,
        writer: &Writer,
        clock: Clock,
    ) -> Result<Server, String> {
        let listener = std::net::TcpListener::bind(bind).map_err(|e| format!("{bind}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("{bind}: {e}"))?;
        let join_path = join_path(session);
        let join = match std::fs::read(&join_path)
            .ok()
            .and_then(|b| serde_json::from_slice::<JoinFile>(&b).ok())
        {
            Some(j) if j.code.len() == 6 && j.code.chars().all(|c| c.is_ascii_digit()) => j,
            _ => JoinFile {
                code: super::new_code()?,
                meeting: super::new_id(),
                scores: false,
                addrs: Vec::new(),
                ballots_url: None,
                wifi: None,
            },
        };
        let addrs = join_addresses(local);
        let join = JoinFile {
            addrs: addrs.clone(),
            ballots_url: None,
            wifi: None,
            ..join
        };
        save_join(&join_path, &join).map_err(|e| format!("{}: {e}", join_path.display()))?;
        let shared = Arc::new(Shared {
            code: Mutex::new(join.code.clone()),
            tries: Mutex::new(HashMap::new()),
            next_conn: AtomicU64::new(1),
            open: std::sync::atomic::AtomicUsize::new(0),
            clock,
        });
        let (tx, rx) = mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let net_shared = shared.clone();
        std::thread::Builder::new()
            .name("podium-net".into())
            .spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    tokio::select! {
                        _ = accept_loop(listener, net_shared, tx) => {}
                        _ = stop_rx => {}
                    }
                });
            })
            .map_err(|e| e.to_string())?;
        Ok(Server {
            addrs,
            port: local.port(),
            shared,
            inbound: rx,
            peers: Vec::new(),
            join,
            join_path,
            sent: writer.session().last_seq(),
            unconfirmed: Vec::new(),
            backlog: false,
            _stop: stop_tx,
        })
    }

    pub fn code(&self) -> &str {
        &self.join.code
    }

    pub fn scores(&self) -> bool {
        self.join.scores
    }

    /// A new join code: nobody joins with the old one from now on (who is connected stays).
    pub fn new_code(&mut self) -> Result<(), String> {
        let mut join = self.join.clone();
        join.code = super::new_code()?;
        save_join(&self.join_path, &join).map_err(|e| e.to_string())?;
        if let Ok(mut code) = self.shared.code.lock() {
            *code = join.code.clone();
        }
        self.join = join;
        Ok(())
    }

    /// Allows or stops score entry from note-takers.
    pub fn set_scores(&mut self, on: bool) -> Result<(), String> {
        let mut join = self.join.clone();
        join.scores = on;
        save_join(&self.join_path, &join).map_err(|e| e.to_string())?;
        self.join = join;
        let msg = serialize(&Message::Settings { scores: on });
        for p in &self.peers {
            let _ = p.out.send(Outbound::Send(msg.clone()));
        }
        Ok(())
    }

    /// Writes the ballot page's address and the venue's Wi-Fi (`SSID:PASSWORD`) into the
    /// join file, for the stage display.
    pub fn set_ballot_page(
        &mut self,
        url: Option<String>,
        wifi: Option<String>,
    ) -> Result<(), String> {
        let mut join = self.join.clone();
        join.ballots_url = url;
        join.wifi = wifi;
        save_join(&self.join_path, &join).map_err(|e| e.to_string())?;
        self.join = join;
        Ok(())
    }

    /// Closes one note-taker's connection; their laptop says the host disconnected it.
    pub fn disconnect(&mut self, conn: u64) {
        if let Some(i) = self.peers.iter().position(|p| p.conn == conn) {
            let p = self.peers.remove(i);
            let _ = p
                .out
                .send(Outbound::Close(Some(texts::disconnected_by_host())));
        }
    }

    /// Handles what arrived from the network: joins, commands (decided and made durable by
    /// `writer`), departures; then sends every new event to everyone, then the confirmations.
    pub fn pump(&mut self, writer: &mut Writer, now: Time) -> Vec<Note> {
        let mut notes = Vec::new();
        let mut acks: Vec<(u64, Message)> = Vec::new();
        // Commands taken in this pass, carried out together (one flush for all of them).
        let mut batch: Vec<(Command, Option<Author>)> = Vec::new();
        let mut owners: Vec<(u64, String)> = Vec::new();
        // Commands carried out before (a resend), or sent twice within the pass: confirmed
        // after the pass, and only once they are on disk.
        let mut repeats: Vec<(u64, String, String)> = Vec::new();
        let mut taken = 0;
        while taken < MAX_PER_PASS
            && let Ok(msg) = self.inbound.try_recv()
        {
            match msg {
                Inbound::Joined {
                    conn,
                    hello,
                    addr,
                    pending,
                    out,
                } => self.joined(writer, conn, hello, addr, pending, out, now, &mut notes),
                Inbound::Command {
                    conn,
                    id,
                    command,
                    pending,
                } => {
                    taken += 1;
                    let Some(peer) = self.peers.iter_mut().find(|p| p.conn == conn) else {
                        continue;
                    };
                    peer.pending = pending;
                    if peer.role == Role::Display {
                        acks.push((
                            conn,
                            Message::Refused {
                                id,
                                message: texts::display_cannot_change(),
                            },
                        ));
                    } else if writer.session().command_seq(&peer.name, &id).is_some()
                        || batch.iter().any(|(_, a)| {
                            a.as_ref().is_some_and(|a| {
                                a.name == peer.name && a.command.as_deref() == Some(id.as_str())
                            })
                        })
                    {
                        repeats.push((conn, peer.name.clone(), id));
                    } else {
                        let author = Author {
                            name: peer.name.clone(),
                            command: Some(id.clone()),
                            scores: self.join.scores,
                        };
                        batch.push((command, Some(author)));
                        owners.push((conn, id));
                    }
                }
                Inbound::Pending { conn, pending } => {
                    if let Some(p) = self.peers.iter_mut().find(|p| p.conn == conn) {
                        p.pending = pending;
                    }
                }
                Inbound::Left { conn, why } => {
                    if let Some(i) = self.peers.iter().position(|p| p.conn == conn) {
                        let p = self.peers.remove(i);
                        notes.push(Note {
                            text: texts::left(&p.name, &why),
                            warn: p.pending > 0,
                        });
                    }
                }
                Inbound::Notice(text) => notes.push(Note { text, warn: true }),
            }
        }
        self.backlog = taken >= MAX_PER_PASS;
        if !batch.is_empty() {
            let results = writer.execute_batch(&batch, now);
            for ((conn, id), result) in owners.into_iter().zip(results) {
                let reply = match result {
                    Ok(events) => {
                        if let Some(p) = self.peers.iter_mut().find(|p| p.conn == conn) {
                            p.entered += 1;
                        }
                        let seq = events.first().map_or(0, |e| e.seq);
                        if writer.unsaved() > 0 {
                            self.unconfirmed.push((conn, id, seq));
                            continue;
                        }
                        Message::Ack {
                            id,
                            seq,
                            again: false,
                        }
                    }
                    Err(r) => Message::Refused {
                        id,
                        message: texts::refusal(&r),
                    },
                };
                acks.push((conn, reply));
            }
        }
        for (conn, name, id) in repeats {
            if let Some(seq) = writer.session().command_seq(&name, &id) {
                if writer.unsaved() > 0 {
                    self.unconfirmed.push((conn, id, seq));
                } else {
                    acks.push((
                        conn,
                        Message::Ack {
                            id,
                            seq,
                            again: true,
                        },
                    ));
                }
            }
        }
        // Only what is on the host's disk goes out: while saving fails, nothing is sent.
        if writer.unsaved() == 0 {
            self.broadcast(writer, now);
            for (conn, id, seq) in self.unconfirmed.drain(..) {
                acks.push((
                    conn,
                    Message::Ack {
                        id,
                        seq,
                        again: false,
                    },
                ));
            }
        }
        for (conn, msg) in acks {
            if let Some(p) = self.peers.iter().find(|p| p.conn == conn) {
                let _ = p.out.send(Outbound::Send(serialize(&msg)));
            }
        }
        notes
    }

    /// Sends the events recorded since the last call to everyone who joined.
    fn broadcast(&mut self, writer: &Writer, now: Time) {
        let session = writer.session();
        let last = session.last_seq();
        if last <= self.sent {
            return;
        }
        let all = session.events();
        let events = all[all.partition_point(|e| e.seq <= self.sent)..].to_vec();
        let msg = serialize(&Message::Events { events, now });
        for p in &self.peers {
            let _ = p.out.send(Outbound::Send(msg.clone()));
        }
        self.sent = last;
    }

    #[allow(clippy::too_many_arguments)]
    fn joined(
        &mut self,
        writer: &Writer,
        conn: u64,
        hello: Hello,
        addr: SocketAddr,
        pending: usize,
        out: tmpsc::UnboundedSender<Outbound>,
        now: Time,
        notes: &mut Vec<Note>,
    ) {
        if hello.role == Role::Notetaker
            && let Some(i) = self
                .peers
                .iter()
                .position(|p| p.role == Role::Notetaker && p.name == hello.name)
        {
            if self.peers[i].client != hello.client {
                let _ = out.send(Outbound::Close(Some(texts::name_taken(&hello.name))));
                notes.push(Note {
                    text: texts::name_taken_notice(&addr.to_string(), &hello.name),
                    warn: true,
                });
                return;
            }
            // The same laptop again (its old connection is gone, or about to be).
            let old = self.peers.remove(i);
            let _ = old.out.send(Outbound::Close(None));
        }
        let session = writer.session();
        // Only what is on the host's disk (while saving fails, the newest events are not).
        let durable = session.events().len().saturating_sub(writer.unsaved());
        let welcome = serialize(&Message::Welcome {
            meeting: self.join.meeting.clone(),
            scores: self.join.scores,
            now,
            plan: Box::new(session.plan().clone()),
            events: session.events()[..durable].to_vec(),
        });
        let _ = out.send(Outbound::Send(welcome));
        notes.push(Note {
            text: match hello.role {
                Role::Notetaker => texts::notetaker_joined(&hello.name, &addr.to_string()),
                Role::Display => texts::display_joined(&addr.to_string()),
            },
            warn: false,
        });
        self.peers.push(Peer {
            conn,
            name: match hello.role {
                Role::Notetaker => hello.name,
                Role::Display => String::new(),
            },
            role: hello.role,
            addr,
            client: hello.client,
            since: now,
            pending,
            entered: 0,
            out,
        });
    }
}

/// The addresses to show for joining: the bound one, or every interface's when bound to all.
fn join_addresses(local: SocketAddr) -> Vec<String> {
    let port = local.port();
    let fmt = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    };
    if !local.ip().is_unspecified() {
        return vec![fmt(local.ip())];
    }
    let mut out: Vec<String> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .map(|i| i.ip())
        .filter(|ip| ip.is_ipv4() && local.is_ipv4() || ip.is_ipv6() && local.is_ipv6())
        .filter(|ip| !matches!(ip, IpAddr::V6(v6) if v6.segments()[0] & 0xffc0 == 0xfe80))
        .map(fmt)
        .collect();
    out.sort();
    out.dedup();
    if out.is_empty() {
        out.push(fmt(if local.is_ipv4() {
            IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
        } else {
            IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)
        }));
    }
    out
}

async fn accept_loop(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    tx: mpsc::Sender<Inbound>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let Ok((stream, addr)) = listener.accept().await else {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        if shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            shared.open.fetch_sub(1, Ordering::SeqCst);
            drop(stream);
            continue;
        }
        let open = Open(shared.clone());
        let _ = stream.set_nodelay(true);
        let tx = tx.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            connection(stream, addr, shared, tx).await;
            drop(open);
        });
    }
}

/// A note-taker's name as the host accepts it: not blank, at most 40 characters, no spaces
/// around it, no control, invisible or direction characters (two names that look the same
/// on screen must be the same name).
pub fn name_ok(name: &str) -> bool {
    !name.trim().is_empty()
        && name.trim() == name
        && name.chars().count() <= 40
        && name.chars().all(|c| crate::text::safe_char(c) == Some(c))
        && crate::session::clean_text(name).is_ok()
}

fn too_many(wait: u64) -> Refusal {
    Refusal {
        error: ErrorCode::TooManyTries,
        message: texts::too_many_tries(wait),
    }
}

/// One connection, from the handshake to its end.
async fn connection(
    mut stream: tokio::net::TcpStream,
    addr: SocketAddr,
    shared: Arc<Shared>,
    tx: mpsc::Sender<Inbound>,
) {
    let ip = addr.ip();
    let code = shared.code.lock().map(|c| c.clone()).unwrap_or_default();
    let mut reserved = false;
    let accepted = tokio::time::timeout(
        HANDSHAKE_TIMEOUT,
        wire::accept(&mut stream, &code, |hello| {
            if hello.role == Role::Notetaker && !name_ok(&hello.name) {
                return Err(Refusal {
                    error: ErrorCode::Malformed,
                    message: texts::name_needed(),
                });
            }
            shared.reserve_try(ip)?;
            reserved = true;
            Ok(())
        }),
    )
    .await;
    let give_back = || {
        if reserved {
            shared.end_try(ip, false);
        }
    };
    let (channel, hello) = match accepted {
        Ok(Ok(pair)) => pair,
        Ok(Err(HandshakeError::Refused { code, message })) => {
            if code == ErrorCode::Version || code == ErrorCode::TooManyTries {
                let _ = tx.send(Inbound::Notice(texts::from_addr(
                    &addr.to_string(),
                    &message,
                )));
            }
            give_back();
            return;
        }
        _ => {
            give_back();
            return;
        }
    };
    let Channel {
        mut sealer,
        mut opener,
    } = channel;
    // The first sealed message proves the code.
    let first = tokio::time::timeout(
        HANDSHAKE_TIMEOUT,
        wire::read_frame(&mut stream, MAX_FROM_CLIENT),
    )
    .await;
    let frame = match first {
        Ok(Ok(frame)) => frame,
        // Gone (or too large) before a sealed message: nothing was learnt about the code.
        _ => {
            give_back();
            return;
        }
    };
    let pending = match opener.open_json::<ToHost>(&frame) {
        Ok(ToHost::Join { pending }) => {
            give_back();
            pending
        }
        _ => {
            // The try counts: a wrong code.
            shared.end_try(ip, true);
            let err = HandshakeError::Refused {
                code: ErrorCode::WrongCode,
                message: texts::wrong_code(),
            };
            wire::refuse(&mut stream, &err).await;
            let _ = tx.send(Inbound::Notice(texts::wrong_code_notice(&addr.to_string())));
            return;
        }
    };
    let conn = shared.next_conn.fetch_add(1, Ordering::SeqCst);
    let (out_tx, mut out_rx) = tmpsc::unbounded_channel();
    if tx
        .send(Inbound::Joined {
            conn,
            hello,
            addr,
            pending,
            out: out_tx.clone(),
        })
        .is_err()
    {
        return;
    }
    let (mut rd, mut wr) = stream.into_split();
    let clock_now = shared.clock;
    let writer = tokio::spawn(async move {
        // The first message is the `Welcome` (from the console), so the clock starts later.
        let mut clock = tokio::time::interval_at(
            tokio::time::Instant::now() + super::CLOCK_EVERY,
            super::CLOCK_EVERY,
        );
        loop {
            let bytes = tokio::select! {
                m = out_rx.recv() => match m {
                    Some(Outbound::Send(json)) => sealer.seal(&json),
                    Some(Outbound::Close(why)) => {
                        if let Some(message) = why {
                            let bye = sealer.seal_json(&Message::Bye { message });
                            let _ = wire::write_frame(&mut wr, &bye).await;
                        }
                        let _ = tokio::io::AsyncWriteExt::shutdown(&mut wr).await;
                        return;
                    }
                    None => return,
                },
                _ = clock.tick() => sealer.seal_json(&Message::Clock { now: clock_now() }),
            };
            if wire::write_frame(&mut wr, &bytes).await.is_err() {
                return;
            }
        }
    });
    let why = loop {
        let frame = tokio::time::timeout(IDLE_LIMIT, wire::read_frame(&mut rd, MAX_FROM_CLIENT));
        let msg = match frame.await {
            Err(_) => break texts::no_answer(),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                let why = texts::too_large(&e.to_string());
                let _ = out_tx.send(Outbound::Close(Some(why.clone())));
                break why;
            }
            Ok(Err(_)) => break texts::connection_closed(),
            Ok(Ok(frame)) => opener.open_json::<ToHost>(&frame),
        };
        let sent = match msg {
            Ok(ToHost::Command {
                id,
                command,
                pending,
            }) => tx.send(Inbound::Command {
                conn,
                id,
                command,
                pending,
            }),
            Ok(ToHost::Ping { pending } | ToHost::Join { pending }) => {
                tx.send(Inbound::Pending { conn, pending })
            }
            Err(e) => {
                let why = texts::malformed_message(&e.to_string());
                let _ = out_tx.send(Outbound::Close(Some(why.clone())));
                break why;
            }
        };
        if sent.is_err() {
            break texts::host_quit();
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), writer).await;
    let _ = tx.send(Inbound::Left { conn, why });
}
