//! The ballot page over HTTP ([F2]): `podium run PLAN --serve` also serves, on the same
//! address at port 7374 (`--ballots-port`), the page where each attendee types or scans
//! their ballot's code and scores the reports (docs/PROTOCOL.md, “The ballot page”).
//!
//! The HTTP side runs on its own thread (`podium-ballots`, a current-thread tokio runtime:
//! axum's router, each connection driven by hyper's HTTP/1 server) and never touches the
//! session: it reads a snapshot (`View`) the console publishes after each pump, and sends a
//! ballot to the console as a `BallotInbound` over a std channel. The console's pump
//! (`BallotServer::pump`) decides the ballots with the same `Writer` as its own keys, in one
//! group commit, and answers each only once nothing is left unsaved: a phone is told
//! “已提交” only when its ballot is durable on the host's disk.
//!
//! Defences: wrong codes per client address (`Limits::max_tries` in `try_window`, then 429
//! until the window frees, a right code included: otherwise the refusal itself would tell a
//! right code from a wrong one); a request's body at most `max_body` bytes (413); headers
//! within `read_timeout` and a body within `read_timeout` (the connection is cut / 408);
//! headers at most `MAX_HEADERS` and the read buffer `MAX_BUF`; at most `max_connections`
//! connections at once; a connection lives at most `CONNECTION_LIFE`. No code, no URL is
//! ever written to a log or an error.

use super::page::{self, Choices};
use crate::plan::ScoringMode;
use crate::session::ballots::{Ballot, Ballots, Secret, normalize_code};
use crate::session::{BallotGrade, BallotKey, BallotScore, Command, Refusal, Session, Time};
use crate::store::Writer;
use crate::strings::{Lang, page as words};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// At most this many headers in a request.
pub const MAX_HEADERS: usize = 64;
/// hyper's read buffer (a request's line and headers must fit in it).
pub const MAX_BUF: usize = 16 * 1024;
/// A connection (kept alive between requests) is closed after this long.
pub const CONNECTION_LIFE: Duration = Duration::from_secs(120);
/// At most this many ballots are taken in one pass of the console's loop.
pub const MAX_PER_PASS: usize = 32;

/// The page's limits (`Limits::default()` in a meeting; tests shorten the times).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Headers, and then a body, must arrive within this time.
    pub read_timeout: Duration,
    /// The largest request body (a ballot's form is a few kilobytes).
    pub max_body: usize,
    pub max_connections: usize,
    /// Connections open at once from one address (one device cannot take them all).
    pub max_per_address: usize,
    /// Wrong codes allowed from one address within `try_window`.
    pub max_tries: usize,
    pub try_window: Duration,
    /// How long a submission waits for the console to say it is durable.
    pub reply_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            read_timeout: Duration::from_secs(10),
            max_body: 16 * 1024,
            max_connections: 512,
            max_per_address: 16,
            max_tries: 5,
            try_window: Duration::from_secs(60),
            reply_timeout: Duration::from_secs(5),
        }
    }
}

/// A report unit as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageUnit {
    pub name: String,
    pub presenter: Option<String>,
}

/// What the page knows of the meeting: a read-only snapshot the console publishes.
#[derive(Debug, Clone)]
pub struct View {
    /// The session's last seq when this was made.
    pub seq: u64,
    pub lang: Lang,
    pub title: String,
    pub mode: ScoringMode,
    /// The units that are reports (not skipped), in agenda order.
    pub units: Vec<PageUnit>,
    /// Grades mode: the grades' names, best first.
    pub grades: Vec<String>,
    /// Points mode: each criterion's name and most, in ten-thousandths.
    pub criteria: Vec<(String, i64)>,
    /// Points mode: the step, in ten-thousandths.
    pub step: i64,
    pub open: bool,
    pub published: bool,
    pub ballots: Ballots,
}

impl View {
    pub fn of(session: &Session, lang: Lang) -> View {
        let rules = session.rules();
        let st = session.state();
        View {
            seq: session.last_seq(),
            lang,
            title: session.plan().title.clone(),
            mode: rules.mode,
            units: st
                .units
                .iter()
                .filter(|u| u.kind.is_report() && !u.skipped)
                .map(|u| PageUnit {
                    name: u.name.clone(),
                    presenter: u.presenter.clone().filter(|p| !p.trim().is_empty()),
                })
                .collect(),
            grades: rules.grades.iter().map(|g| g.name.clone()).collect(),
            criteria: rules
                .criteria
                .iter()
                .map(|c| (c.name.clone(), c.max))
                .collect(),
            step: rules.step.max(1),
            open: st.ballots.open,
            published: st.scores.published,
            ballots: st.ballots.clone(),
        }
    }
}

/// The snapshot shared with the HTTP thread.
pub type Snapshot = Arc<RwLock<Arc<View>>>;

/// What became of a ballot sent to the console.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Recorded and durable.
    Saved,
    /// The same as the ballot's last cast (durable before).
    Unchanged,
    Refused(Refusal),
}

/// A ballot from a phone, for the console to decide.
pub struct BallotInbound {
    pub command: Command,
    pub reply: oneshot::Sender<Outcome>,
}

/// The HTTP thread: it stops (and closes every connection) when this is dropped.
pub struct Handle {
    pub local: SocketAddr,
    _stop: oneshot::Sender<()>,
}

/// Serves the page on `bind` (`ADDR:PORT`) from `snapshot`, sending ballots to `tx`: fails
/// at once when the address cannot be used (a port in use, say), naming it. The console's
/// side is `BallotServer`; a bench can drive this directly.
pub fn serve(
    bind: &str,
    snapshot: Snapshot,
    tx: mpsc::Sender<BallotInbound>,
    limits: Limits,
) -> Result<Handle, String> {
    let listener = std::net::TcpListener::bind(bind).map_err(|e| format!("{bind}: {e}"))?;
    let local = listener.local_addr().map_err(|e| format!("{bind}: {e}"))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("{bind}: {e}"))?;
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let app = Arc::new(App {
        snapshot,
        tx,
        limits,
        tries: Mutex::new(HashMap::new()),
        open: AtomicUsize::new(0),
        per_address: Mutex::new(HashMap::new()),
    });
    std::thread::Builder::new()
        .name("podium-ballots".into())
        .spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                tokio::select! {
                    _ = accept_loop(listener, app) => {}
                    _ = stop_rx => {}
                }
            });
        })
        .map_err(|e| e.to_string())?;
    Ok(Handle {
        local,
        _stop: stop_tx,
    })
}

/// The page's address for a server bound to `local`: that address, or, bound to every
/// interface, this computer's first LAN IPv4 address (`commands::ballots::default_url`'s
/// rule; loopback when it has none).
pub fn page_url(local: SocketAddr) -> String {
    let port = local.port();
    let ip = if local.ip().is_unspecified() {
        lan_address().map_or(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), IpAddr::V4)
    } else {
        local.ip()
    };
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{port}"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
    }
}

/// The IPv4 address phones in the room most likely reach this computer at: the one the
/// system would send from (a UDP socket "connected" to an outside address; nothing is sent),
/// when it is one of this computer's; else a private address, 192.168/16 before 10/8 before
/// 172.16/12, in numeric order. Link-local (169.254/16) and loopback never.
fn lan_address() -> Option<std::net::Ipv4Addr> {
    let mine: Vec<std::net::Ipv4Addr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_link_local() => Some(v4),
            _ => None,
        })
        .collect();
    let routed = std::net::UdpSocket::bind(("0.0.0.0", 0))
        .and_then(|s| s.connect(("192.0.2.1", 9)).map(|()| s))
        .and_then(|s| s.local_addr())
        .ok()
        .and_then(|a| match a.ip() {
            IpAddr::V4(v4) if mine.contains(&v4) => Some(v4),
            _ => None,
        });
    routed.or_else(|| {
        let class = |ip: &std::net::Ipv4Addr| match ip.octets() {
            [192, 168, ..] => 0,
            [10, ..] => 1,
            [172, b, ..] if (16..32).contains(&b) => 2,
            _ => 3,
        };
        mine.into_iter()
            .min_by_key(|ip| (class(ip), u32::from(*ip)))
    })
}

/// The console's end of the ballot page.
pub struct BallotServer {
    pub local: SocketAddr,
    /// The page's address (`http://ADDR:PORT`), for the stage's QR code and the slips.
    pub url: String,
    snapshot: Snapshot,
    inbound: mpsc::Receiver<BallotInbound>,
    /// Answers held back until nothing is left unsaved.
    waiting: Vec<(oneshot::Sender<Outcome>, Outcome)>,
    lang: Lang,
    /// The last pass took `MAX_PER_PASS`: come back at once.
    pub backlog: bool,
    _handle: Handle,
}

impl BallotServer {
    /// Serves the ballot page of `writer`'s meeting on `bind`, in `lang`.
    pub fn start(
        bind: &str,
        writer: &Writer,
        lang: Lang,
        limits: Limits,
    ) -> Result<BallotServer, String> {
        let snapshot = Arc::new(RwLock::new(Arc::new(View::of(writer.session(), lang))));
        let (tx, inbound) = mpsc::channel();
        let handle = serve(bind, snapshot.clone(), tx, limits)?;
        Ok(BallotServer {
            local: handle.local,
            url: page_url(handle.local),
            snapshot,
            inbound,
            waiting: Vec::new(),
            lang,
            backlog: false,
            _handle: handle,
        })
    }

    /// The page's language from now on (the host switched it).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// Takes the ballots that arrived, decides them in one group commit, answers them once
    /// they are durable, and publishes the meeting as it is on disk. True when the session
    /// changed.
    pub fn pump(&mut self, writer: &mut Writer, now: Time) -> bool {
        let before = writer.session().last_seq();
        let mut batch = Vec::new();
        let mut replies = Vec::new();
        while batch.len() < MAX_PER_PASS {
            match self.inbound.try_recv() {
                Ok(m) => {
                    batch.push((m.command, None));
                    replies.push(m.reply);
                }
                Err(_) => break,
            }
        }
        self.backlog = batch.len() >= MAX_PER_PASS;
        if !batch.is_empty() {
            let results = writer.execute_batch(&batch, now);
            for (reply, result) in replies.into_iter().zip(results) {
                let outcome = match result {
                    Ok(_) => Outcome::Saved,
                    Err(Refusal::NothingChanged) => Outcome::Unchanged,
                    // A refusal records nothing: said at once, not held back by the disk.
                    Err(r) => {
                        let _ = reply.send(Outcome::Refused(r));
                        continue;
                    }
                };
                self.waiting.push((reply, outcome));
            }
        }
        if writer.unsaved() == 0 {
            for (reply, outcome) in self.waiting.drain(..) {
                let _ = reply.send(outcome);
            }
            self.publish(writer.session());
        }
        writer.session().last_seq() != before
    }

    /// Publishes the meeting to the page when it changed (only what is on disk: called when
    /// nothing is unsaved).
    fn publish(&mut self, session: &Session) {
        let stale = self
            .snapshot
            .read()
            .map(|v| v.seq != session.last_seq() || v.lang != self.lang)
            .unwrap_or(true);
        if stale {
            let view = Arc::new(View::of(session, self.lang));
            if let Ok(mut v) = self.snapshot.write() {
                *v = view;
            }
        }
    }

    /// Ballots waiting for the disk (while saving fails).
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }
}

/// What the HTTP thread shares between connections.
struct App {
    snapshot: Snapshot,
    tx: mpsc::Sender<BallotInbound>,
    limits: Limits,
    /// Wrong codes per address, within the last `try_window`.
    tries: Mutex<HashMap<IpAddr, Vec<Instant>>>,
    open: AtomicUsize,
    /// Connections open per address.
    per_address: Mutex<HashMap<IpAddr, usize>>,
}

impl App {
    fn view(&self) -> Arc<View> {
        self.snapshot
            .read()
            .map(|v| v.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }

    /// Seconds to wait when `ip` has used up its wrong codes.
    fn blocked(&self, ip: IpAddr) -> Option<u64> {
        let mut all = self.tries.lock().unwrap_or_else(|e| e.into_inner());
        let window = self.limits.try_window;
        all.retain(|_, t| {
            t.retain(|at| at.elapsed() < window);
            !t.is_empty()
        });
        let t = all.get(&ip)?;
        if t.len() < self.limits.max_tries {
            return None;
        }
        let oldest = t[t.len() - self.limits.max_tries];
        Some(window.saturating_sub(oldest.elapsed()).as_secs() + 1)
    }

    fn wrong(&self, ip: IpAddr) {
        let mut all = self.tries.lock().unwrap_or_else(|e| e.into_inner());
        all.entry(ip).or_default().push(Instant::now());
    }
}

/// Counts a connection while it lives (in all, and from its address).
struct Open(Arc<App>, IpAddr);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
        let mut per = self.0.per_address.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = per.get_mut(&self.1) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                per.remove(&self.1);
            }
        }
    }
}

#[derive(Clone)]
struct Conn {
    app: Arc<App>,
    ip: IpAddr,
}

fn router() -> Router<Conn> {
    Router::new()
        .route("/", get(root))
        .route("/b", get(by_query))
        .route("/b/{code}", get(by_path).post(submit))
        .fallback(not_found)
        // Every answer carries the headers, axum's own (405, say) too.
        .layer(axum::middleware::map_response(guarded))
}

async fn guarded(r: Response) -> Response {
    guard(r)
}

async fn accept_loop(listener: std::net::TcpListener, app: Arc<App>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let routes = router();
    loop {
        let Ok((stream, addr)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        if app.open.fetch_add(1, Ordering::SeqCst) >= app.limits.max_connections {
            app.open.fetch_sub(1, Ordering::SeqCst);
            drop(stream);
            continue;
        }
        // This computer itself (127.0.0.1, ::1: the host's own browser, a load test) is not
        // shared out; every other address gets its share.
        let ip = addr.ip();
        let own = ip == IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
            || ip == IpAddr::V6(std::net::Ipv6Addr::LOCALHOST);
        if !own {
            let mut per = app.per_address.lock().unwrap_or_else(|e| e.into_inner());
            let n = per.entry(addr.ip()).or_insert(0);
            // At most half of all connections, whatever `max_per_address` says: one address
            // never takes them all.
            let share = app
                .limits
                .max_per_address
                .min((app.limits.max_connections / 2).max(1));
            if *n >= share {
                drop(per);
                app.open.fetch_sub(1, Ordering::SeqCst);
                drop(stream);
                continue;
            }
            *n += 1;
        }
        let open = Open(app.clone(), addr.ip());
        let _ = stream.set_nodelay(true);
        let service = routes.clone().with_state(Conn {
            app: app.clone(),
            ip: addr.ip(),
        });
        let read_timeout = app.limits.read_timeout;
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(read_timeout)
                .max_headers(MAX_HEADERS)
                .max_buf_size(MAX_BUF);
            let conn = http.serve_connection(
                hyper_util::rt::TokioIo::new(stream),
                hyper_util::service::TowerToHyperService::new(service),
            );
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = tokio::time::sleep(CONNECTION_LIFE) => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(read_timeout, conn).await;
                }
            }
            drop(open);
        });
    }
}

/// A page (the headers are added by `guard`, on every answer).
fn respond(status: StatusCode, html: String) -> Response {
    guard((status, Html(html)).into_response())
}

/// The headers every answer carries: no referrer (the code is in the address), no cache,
/// no type sniffing, nothing loaded from anywhere, forms only to this page, no frames.
fn guard(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

async fn root(State(c): State<Conn>) -> Response {
    let lang = c.app.view().lang;
    respond(StatusCode::OK, page::entry(lang, None))
}

async fn not_found(State(c): State<Conn>) -> Response {
    let lang = c.app.view().lang;
    respond(
        StatusCode::NOT_FOUND,
        page::message(lang, words::entry_title(lang), words::not_found(lang)),
    )
}

#[derive(serde::Deserialize)]
struct CodeQuery {
    #[serde(default)]
    code: String,
}

async fn by_query(
    State(c): State<Conn>,
    query: Result<Query<CodeQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let code = query.map(|q| q.0.code).unwrap_or_default();
    show(&c, &code)
}

async fn by_path(State(c): State<Conn>, code: Option<Path<String>>) -> Response {
    let code = code.map(|p| p.0).unwrap_or_default();
    show(&c, &code)
}

/// The ballot a typed code opens, or the page to answer instead (too many tries, a wrong
/// code, a voided ballot).
fn open_ballot(c: &Conn, view: &View, typed: &str) -> Result<(Ballot, String), Box<Response>> {
    let lang = view.lang;
    // Nothing typed: the field again, not a wrong try.
    if typed.trim().is_empty() {
        return Err(Box::new(respond(StatusCode::OK, page::entry(lang, None))));
    }
    if let Some(wait) = c.app.blocked(c.ip) {
        return Err(Box::new(respond(
            StatusCode::TOO_MANY_REQUESTS,
            page::entry(lang, Some(&words::too_many_tries(lang, wait))),
        )));
    }
    let found = normalize_code(typed)
        .and_then(|code| view.ballots.by_code(&code).map(|b| (b.clone(), code)));
    let Some((ballot, code)) = found else {
        c.app.wrong(c.ip);
        return Err(Box::new(respond(
            StatusCode::NOT_FOUND,
            page::entry(lang, Some(words::wrong_code(lang))),
        )));
    };
    if ballot.voided {
        return Err(Box::new(respond(
            StatusCode::GONE,
            page::message(lang, &view.title, &words::voided(lang, &ballot.serial)),
        )));
    }
    Ok((ballot, code))
}

fn show(c: &Conn, typed: &str) -> Response {
    let view = c.app.view();
    let (ballot, code) = match open_ballot(c, &view, typed) {
        Ok(found) => found,
        Err(r) => return *r,
    };
    if !view.open || view.published {
        return respond(StatusCode::OK, page::closed(&view, &ballot));
    }
    let choices = Choices::of(&ballot, &view);
    let note = ballot.cast.is_some().then(|| words::prefilled(view.lang));
    respond(
        StatusCode::OK,
        page::form(&view, &ballot, &code, &choices, note, None),
    )
}

async fn submit(
    State(c): State<Conn>,
    code: Option<Path<String>>,
    headers: axum::http::HeaderMap,
    body: Body,
) -> Response {
    let typed = code.map(|p| p.0).unwrap_or_default();
    let view = c.app.view();
    let lang = view.lang;
    let (ballot, code) = match open_ballot(&c, &view, &typed) {
        Ok(found) => found,
        Err(r) => return *r,
    };
    let limits = &c.app.limits;
    // Said too large before anything of it is read, when its length says so.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body as u64) {
        return respond(
            StatusCode::PAYLOAD_TOO_LARGE,
            page::message(lang, &view.title, words::too_large(lang)),
        );
    }
    let read = tokio::time::timeout(
        limits.read_timeout,
        axum::body::to_bytes(body, limits.max_body),
    )
    .await;
    let bytes = match read {
        Err(_) => {
            return respond(
                StatusCode::REQUEST_TIMEOUT,
                page::message(lang, &view.title, words::too_slow(lang)),
            );
        }
        Ok(Err(_)) => {
            return respond(
                StatusCode::PAYLOAD_TOO_LARGE,
                page::message(lang, &view.title, words::too_large(lang)),
            );
        }
        Ok(Ok(b)) => b,
    };
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    let has = |name: &str| fields.iter().any(|(n, _)| n == name);
    let choices = Choices::from_fields(&fields, view.criteria.len());
    if !view.open || view.published {
        return respond(StatusCode::OK, page::closed(&view, &ballot));
    }
    if has("edit") {
        return respond(
            StatusCode::OK,
            page::form(&view, &ballot, &code, &choices, None, None),
        );
    }
    let (grades, scores) = match checked(&view, &choices) {
        Ok(cast) => cast,
        Err(e) => {
            return respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                page::form(&view, &ballot, &code, &choices, None, Some(&e)),
            );
        }
    };
    if !has("confirm") {
        return respond(StatusCode::OK, page::check(&view, &ballot, &code, &choices));
    }
    let (reply, answer) = oneshot::channel();
    let command = Command::CastBallot {
        ballot: BallotKey::Code(Secret(code.clone())),
        grades,
        scores,
    };
    if c.app.tx.send(BallotInbound { command, reply }).is_err() {
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            page::message(lang, &view.title, words::host_gone(lang)),
        );
    }
    let outcome = match tokio::time::timeout(limits.reply_timeout, answer).await {
        Err(_) => {
            return respond(
                StatusCode::ACCEPTED,
                page::message(lang, &view.title, words::saving(lang)),
            );
        }
        Ok(Err(_)) => {
            return respond(
                StatusCode::SERVICE_UNAVAILABLE,
                page::message(lang, &view.title, words::host_gone(lang)),
            );
        }
        Ok(Ok(outcome)) => outcome,
    };
    match outcome {
        Outcome::Saved | Outcome::Unchanged => respond(
            StatusCode::OK,
            page::done(
                &view,
                &ballot,
                &code,
                &choices,
                outcome == Outcome::Unchanged,
            ),
        ),
        Outcome::Refused(Refusal::VotingClosed | Refusal::ResultsPublished) => {
            // The newest snapshot says what the ballot recorded.
            let now = c.app.view();
            let ballot = now.ballots.get(&ballot.serial).cloned().unwrap_or(ballot);
            respond(StatusCode::CONFLICT, page::closed(&now, &ballot))
        }
        Outcome::Refused(Refusal::BallotVoided { serial }) => respond(
            StatusCode::GONE,
            page::message(lang, &view.title, &words::voided(lang, &serial)),
        ),
        Outcome::Refused(Refusal::UnknownBallot) => respond(
            StatusCode::NOT_FOUND,
            page::entry(lang, Some(words::wrong_code(lang))),
        ),
        Outcome::Refused(r) => respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            page::form(
                &view,
                &ballot,
                &code,
                &choices,
                None,
                Some(&crate::strings::refusal(lang, &r)),
            ),
        ),
    }
}

/// The cast `choices` give, checked against the page's units, grades and ranges, or the
/// sentence saying what to correct.
fn checked(view: &View, choices: &Choices) -> Result<(Vec<BallotGrade>, Vec<BallotScore>), String> {
    let lang = view.lang;
    if let Some(unit) = &choices.twice {
        return Err(words::given_twice(lang, unit));
    }
    let known = |unit: &str| view.units.iter().any(|u| u.name == unit);
    let mut grades = Vec::new();
    let mut scores = Vec::new();
    match view.mode {
        ScoringMode::Points => {
            let step = view.step.max(1);
            for unit in &view.units {
                let Some(typed) = choices.points.get(&unit.name) else {
                    continue;
                };
                if typed.iter().any(|t| t.is_empty()) {
                    return Err(words::partly_filled(lang, &unit.name));
                }
                for ((crit, max), text) in view.criteria.iter().zip(typed) {
                    let value = crate::decimal::parse_typed(text)
                        .ok_or_else(|| words::not_a_number(lang, &unit.name, crit, text))?;
                    if value > *max {
                        let max = crate::decimal::plain(*max);
                        return Err(words::out_of_range(lang, &unit.name, crit, &max));
                    }
                    if value % step != 0 {
                        let step = crate::decimal::plain(step);
                        return Err(words::off_step(lang, &unit.name, crit, &step));
                    }
                    scores.push(BallotScore {
                        unit: unit.name.clone(),
                        criterion: crit.clone(),
                        value,
                    });
                }
            }
            if let Some(unit) = choices.points.keys().find(|u| !known(u)) {
                return Err(words::unknown_unit(lang, unit));
            }
        }
        _ => {
            for (unit, grade) in &choices.grades {
                if !known(unit) {
                    return Err(words::unknown_unit(lang, unit));
                }
                if !view.grades.contains(grade) {
                    return Err(words::unknown_grade(lang, unit, grade));
                }
                grades.push(BallotGrade {
                    unit: unit.clone(),
                    grade: grade.clone(),
                });
            }
        }
    }
    if grades.is_empty() && scores.is_empty() {
        return Err(words::empty_ballot(lang).to_string());
    }
    Ok((grades, scores))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wifi_as_typed() {
        let w = crate::report::slips::Wifi::parse("Hall;2:pa:ss").expect("wifi");
        assert_eq!(w.ssid, "Hall;2");
        assert_eq!(w.password, "pa:ss");
        let open = crate::report::slips::Wifi::parse("会议室:").expect("an open network");
        assert_eq!(open.password, "");
        assert!(crate::report::slips::Wifi::parse("nocolon").is_none());
        assert!(crate::report::slips::Wifi::parse(":pw").is_none());
        assert!(crate::report::slips::Wifi::parse("a\nb:pw").is_none());
    }

    #[test]
    fn bound_to_an_address_the_page_is_there() {
        let a: SocketAddr = "127.0.0.1:7374".parse().unwrap();
        assert_eq!(page_url(a), "http://127.0.0.1:7374");
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        assert_eq!(page_url(v6), "http://[::1]:80");
        assert!(page_url("0.0.0.0:7374".parse().unwrap()).ends_with(":7374"));
    }
}
