//! The joining side: `podium join` (a note-taker) and `podium display ADDR` (a stage display
//! on another machine). A network thread keeps the connection (reconnecting after a drop) and
//! passes what the host sends to the console; `Link` is the console's end of it: a replica of
//! the host's meeting, folded by the same `Session`, and the host's clock.

use super::wire::{self, Channel, HandshakeError, Message, Role, Text, ToHost};
use super::{CLOCK_EVERY, MAX_FROM_HOST};
use crate::session::{Command, Session, Time};
use crate::wallclock::Clock;
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::mpsc as tmpsc;

/// From the network thread to the console.
#[derive(Debug)]
pub enum Down {
    /// The channel is open (the host's `Welcome` is the first message).
    Message(Box<Message>),
    /// The connection dropped; the thread tries again.
    Lost(Text),
    /// The host refused or closed for good (wrong code, disconnected): no more tries.
    Closed(Text),
}

/// From the console to the network thread.
#[derive(Debug)]
pub enum Up {
    Command {
        id: String,
        command: Command,
        pending: usize,
    },
    Pending(usize),
}

/// Where the connection stands, for the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkState {
    Connecting,
    Online,
    Offline(Text),
    Closed(Text),
}

/// Who joins, and how.
#[derive(Debug, Clone)]
pub struct JoinSpec {
    pub addr: String,
    pub role: Role,
    pub name: String,
    pub client: String,
    pub code: String,
}

/// Opens one connection: handshake, the first sealed message, and the host's `Welcome`.
pub async fn connect(
    spec: &JoinSpec,
    pending: usize,
) -> Result<(tokio::net::TcpStream, Channel, Welcome), HandshakeError> {
    let io = |e: std::io::Error| HandshakeError::Io(e.to_string());
    let mut stream = tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::TcpStream::connect(&spec.addr),
    )
    .await
    .map_err(|_| HandshakeError::Io(format!("{}: no answer", spec.addr)))?
    .map_err(|e| HandshakeError::Io(format!("{}: {e}", spec.addr)))?;
    let _ = stream.set_nodelay(true);
    let mut channel =
        wire::join(&mut stream, spec.role, &spec.name, &spec.client, &spec.code).await?;
    let first = channel.sealer.seal_json(&ToHost::Join { pending });
    wire::write_frame(&mut stream, &first).await.map_err(io)?;
    let reply = tokio::time::timeout(
        super::HANDSHAKE_TIMEOUT,
        wire::read_frame(&mut stream, MAX_FROM_HOST),
    )
    .await
    .map_err(|_| HandshakeError::Io("the host did not answer".into()))?
    .map_err(io)?;
    let mut opened = channel.opener.open_json::<Message>(&reply);
    // The host's clock may come before the meeting itself.
    while let Ok(Message::Clock { .. }) = opened {
        let next = tokio::time::timeout(
            super::HANDSHAKE_TIMEOUT,
            wire::read_frame(&mut stream, MAX_FROM_HOST),
        )
        .await
        .map_err(|_| HandshakeError::Io("the host did not answer".into()))?
        .map_err(io)?;
        opened = channel.opener.open_json::<Message>(&next);
    }
    match opened {
        Ok(Message::Welcome {
            meeting,
            scores,
            now,
            plan,
            events,
        }) => Ok((
            stream,
            channel,
            Welcome {
                meeting,
                scores,
                now,
                plan: *plan,
                events,
            },
        )),
        Ok(Message::Bye { message }) => Err(HandshakeError::Refused {
            code: wire::ErrorCode::Closed,
            message,
        }),
        Err(wire::OpenError::Parse(e)) => Err(HandshakeError::Refused {
            code: wire::ErrorCode::Incompatible,
            message: wire::incompatible(&e),
        }),
        Ok(_) => Err(HandshakeError::NotVerified),
        Err(_) => match serde_json::from_slice::<wire::Refusal>(&reply) {
            Ok(r) => Err(HandshakeError::Refused {
                code: r.error,
                message: r.message,
            }),
            Err(_) => Err(HandshakeError::NotVerified),
        },
    }
}

/// Joins: opens the first connection on a network thread of its own and returns the
/// console's end once the host's `Welcome` arrived, or why it did not. The thread then keeps
/// the connection, reconnecting after a drop (1 s, then up to 5 s apart), and stops for good
/// when the host refuses or closes. `clock` is this laptop's clock (`crate::wallclock::now`),
/// read when the host's time arrives, to keep the difference between the two.
pub fn open(spec: JoinSpec, pending: usize, clock: Clock) -> Result<Link, HandshakeError> {
    let (first_tx, first_rx) = mpsc::channel::<Result<Welcome, HandshakeError>>();
    let (down_tx, down_rx) = mpsc::channel();
    let (up_tx, up_rx) = tmpsc::unbounded_channel();
    let thread_spec = spec.clone();
    std::thread::Builder::new()
        .name("podium-join".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    let _ = first_tx.send(Err(HandshakeError::Io(e.to_string())));
                    return;
                }
            };
            rt.block_on(async move {
                // A host that is busy with other joins from this address asks for a moment.
                let mut opened = connect(&thread_spec, pending).await;
                for _ in 0..40 {
                    match &opened {
                        Err(e @ HandshakeError::Refused { .. }) if !e.is_final() => {
                            tokio::time::sleep(Duration::from_millis(250)).await;
                            opened = connect(&thread_spec, pending).await;
                        }
                        _ => break,
                    }
                }
                match opened {
                    Ok((stream, channel, welcome)) => {
                        if first_tx.send(Ok(welcome)).is_ok() {
                            run(thread_spec, Some((stream, channel)), down_tx, up_rx).await;
                        }
                    }
                    Err(e) => {
                        let _ = first_tx.send(Err(e));
                    }
                }
            });
        })
        .map_err(|e| HandshakeError::Io(e.to_string()))?;
    let welcome = first_rx
        .recv()
        .map_err(|_| HandshakeError::Io("the network thread stopped".into()))??;
    let mut link = Link {
        spec,
        down: down_rx,
        up: up_tx,
        state: LinkState::Online,
        session: Session::from_events(welcome.plan, welcome.events),
        meeting: welcome.meeting,
        scores: welcome.scores,
        offset: chrono::Duration::zero(),
        pending,
        clock,
    };
    link.set_clock(welcome.now);
    Ok(link)
}

/// The meeting as the host sent it when the channel opened.
#[derive(Debug, Clone)]
pub struct Welcome {
    pub meeting: String,
    pub scores: bool,
    pub now: Time,
    pub plan: crate::plan::Plan,
    pub events: Vec<crate::session::Event>,
}

async fn run(
    spec: JoinSpec,
    mut first: Option<(tokio::net::TcpStream, Channel)>,
    down: mpsc::Sender<Down>,
    mut up: tmpsc::UnboundedReceiver<Up>,
) {
    let mut pending = 0usize;
    let mut delay = Duration::from_secs(1);
    loop {
        if let Some((stream, channel)) = first.take() {
            // The console already has this connection's `Welcome`.
            match session(stream, channel, &down, &mut up, &mut pending).await {
                Some(Ok(lost)) => {
                    if down.send(Down::Lost(lost)).is_err() {
                        return;
                    }
                    tokio::time::sleep(delay).await;
                    forget_queued(&mut up, &mut pending);
                    continue;
                }
                Some(Err(closed)) => {
                    let _ = down.send(Down::Closed(closed));
                    return;
                }
                None => return,
            }
        }
        let (stream, channel, welcome) = match connect(&spec, pending).await {
            Ok(open) => open,
            Err(e) if e.is_final() => {
                let _ = down.send(Down::Closed(e.text()));
                return;
            }
            Err(e) => {
                if down.send(Down::Lost(e.text())).is_err() {
                    return;
                }
                // Anything asked for while offline is in the outbox; it is sent again after
                // the next `Welcome`.
                tokio::time::sleep(delay).await;
                forget_queued(&mut up, &mut pending);
                delay = (delay * 2).min(Duration::from_secs(5));
                continue;
            }
        };
        delay = Duration::from_secs(1);
        let welcome = Message::Welcome {
            meeting: welcome.meeting,
            scores: welcome.scores,
            now: welcome.now,
            plan: Box::new(welcome.plan),
            events: welcome.events,
        };
        if down.send(Down::Message(Box::new(welcome))).is_err() {
            return;
        }
        let why = session(stream, channel, &down, &mut up, &mut pending).await;
        match why {
            Some(Ok(lost)) => {
                if down.send(Down::Lost(lost)).is_err() {
                    return;
                }
                tokio::time::sleep(delay).await;
                forget_queued(&mut up, &mut pending);
            }
            Some(Err(closed)) => {
                let _ = down.send(Down::Closed(closed));
                return;
            }
            None => return,
        }
    }
}

/// Drops the commands queued while the connection was down or dropping: they wait in the
/// outbox, and the console sends them all again, in order, after the next `Welcome` (a
/// command sent ahead of older ones could be undone out of order).
fn forget_queued(up: &mut tmpsc::UnboundedReceiver<Up>, pending: &mut usize) {
    while let Ok(u) = up.try_recv() {
        if let Up::Pending(n) = u {
            *pending = n;
        }
    }
}

/// One open connection. `Some(Ok)`: lost (try again); `Some(Err)`: closed by the host for
/// good; `None`: the console quit.
async fn session(
    stream: tokio::net::TcpStream,
    channel: Channel,
    down: &mpsc::Sender<Down>,
    up: &mut tmpsc::UnboundedReceiver<Up>,
    pending: &mut usize,
) -> Option<Result<Text, Text>> {
    let (mut rd, mut wr) = stream.into_split();
    let Channel {
        mut sealer,
        mut opener,
    } = channel;
    let (frames_tx, mut frames) = tmpsc::channel::<std::io::Result<Vec<u8>>>(64);
    let reader = tokio::spawn(async move {
        loop {
            let frame =
                tokio::time::timeout(super::IDLE_LIMIT, wire::read_frame(&mut rd, MAX_FROM_HOST))
                    .await
                    .unwrap_or_else(|_| {
                        Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "no answer from the host",
                        ))
                    });
            let end = frame.is_err();
            if frames_tx.send(frame).await.is_err() || end {
                return;
            }
        }
    });
    let mut ping = tokio::time::interval(CLOCK_EVERY);
    let lost = |e: String| Some(Ok(crate::strings::net::connection_lost(&e)));
    let result = loop {
        let out = tokio::select! {
            u = up.recv() => match u {
                Some(Up::Command { id, command, pending: n }) => {
                    *pending = n;
                    ToHost::Command { id, command, pending: n }
                }
                Some(Up::Pending(n)) => {
                    *pending = n;
                    ToHost::Ping { pending: n }
                }
                None => break None,
            },
            _ = ping.tick() => ToHost::Ping { pending: *pending },
            f = frames.recv() => {
                let frame = match f {
                    Some(Ok(frame)) => frame,
                    Some(Err(e)) => break lost(e.to_string()),
                    None => break lost("closed".into()),
                };
                match opener.open_json::<Message>(&frame) {
                    Ok(Message::Bye { message }) => break Some(Err(message)),
                    Ok(msg) => {
                        if down.send(Down::Message(Box::new(msg))).is_err() {
                            break None;
                        }
                        continue;
                    }
                    Err(wire::OpenError::Parse(e)) => break Some(Err(wire::incompatible(&e))),
                    Err(e) => break lost(e.to_string()),
                }
            }
        };
        if let Err(e) = wire::write_frame(&mut wr, &sealer.seal_json(&out)).await {
            break lost(e.to_string());
        }
    };
    reader.abort();
    result
}

/// The console's end of the connection: the host's meeting as last heard, and its clock.
pub struct Link {
    pub spec: JoinSpec,
    down: mpsc::Receiver<Down>,
    up: tmpsc::UnboundedSender<Up>,
    pub state: LinkState,
    /// The host's meeting as last heard.
    pub session: Session,
    pub meeting: String,
    /// Whether the host lets note-takers enter scores.
    pub scores: bool,
    /// The host's clock minus this laptop's.
    offset: chrono::Duration,
    pending: usize,
    /// This laptop's clock, read when the host's time is heard.
    clock: Clock,
}

/// What `Link::poll` learnt, for the console to act on.
#[derive(Debug, Default)]
pub struct Heard {
    pub changed: bool,
    /// The channel (re)opened: everything still waiting must be sent again.
    pub welcomed: bool,
    pub acks: Vec<(String, u64)>,
    pub refusals: Vec<(String, Text)>,
    /// The connection was lost or closed (the text says why).
    pub lost: Option<Text>,
}

impl Link {
    /// The host's clock: this laptop's `now` moved by the last difference heard.
    pub fn host_time(&self, now: Time) -> Time {
        now + self.offset
    }

    fn set_clock(&mut self, host_now: Time) {
        self.offset = host_now - (self.clock)();
    }

    /// Takes everything the network thread passed on.
    pub fn poll(&mut self) -> Heard {
        let mut heard = Heard::default();
        while let Ok(down) = self.down.try_recv() {
            heard.changed = true;
            match down {
                Down::Message(msg) => self.message(*msg, &mut heard),
                Down::Lost(why) => {
                    if self.state == LinkState::Online {
                        heard.lost = Some(why.clone());
                    }
                    self.state = LinkState::Offline(why);
                }
                Down::Closed(why) => {
                    heard.lost = Some(why.clone());
                    self.state = LinkState::Closed(why);
                }
            }
        }
        heard
    }

    fn message(&mut self, msg: Message, heard: &mut Heard) {
        match msg {
            Message::Welcome {
                meeting,
                scores,
                now,
                plan,
                events,
            } => {
                self.set_clock(now);
                self.session = Session::from_events(*plan, events);
                self.meeting = meeting;
                self.scores = scores;
                self.state = LinkState::Online;
                heard.welcomed = true;
            }
            Message::Events { events, now } => {
                self.set_clock(now);
                let last = self.session.last_seq();
                let new: Vec<_> = events.into_iter().filter(|e| e.seq > last).collect();
                self.session.commit(new);
            }
            Message::Ack { id, seq, .. } => heard.acks.push((id, seq)),
            Message::Refused { id, message } => heard.refusals.push((id, message)),
            Message::Clock { now } => self.set_clock(now),
            Message::Settings { scores } => self.scores = scores,
            Message::Bye { message } => self.state = LinkState::Closed(message),
        }
    }

    /// Sends a command (when the connection is open; otherwise it waits in the outbox).
    pub fn send(&mut self, id: &str, command: &Command, pending: usize) {
        self.pending = pending;
        if self.state == LinkState::Online {
            let _ = self.up.send(Up::Command {
                id: id.to_string(),
                command: command.clone(),
                pending,
            });
        }
    }

    /// Tells the host how many commands still wait here.
    pub fn set_pending(&mut self, pending: usize) {
        if pending != self.pending {
            self.pending = pending;
            let _ = self.up.send(Up::Pending(pending));
        }
    }
}
