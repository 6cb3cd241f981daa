//! The wire: length-prefixed frames, the SPAKE2 handshake keyed by the join code, and the
//! encrypted channel (ChaCha20-Poly1305, one key and one counter per direction).

use super::{HANDSHAKE_TIMEOUT, MAX_HANDSHAKE, PROTOCOL};
use crate::plan::Plan;
use crate::session::{Command, Event, Time};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};
use spake2::{Ed25519Group, Identity, Password, Spake2};
use std::io;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// A sentence in both of the interface's languages: the other side picks its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn pick(&self, lang: crate::strings::Lang) -> &str {
        match lang {
            crate::strings::Lang::Zh => &self.zh,
            crate::strings::Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Enters remarks (and scores, when the host allows it).
    Notetaker,
    /// Only follows the meeting (a stage display on another machine).
    Display,
}

/// The first message, from the one who joins (in the clear: it carries no secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hello {
    pub podium: u32,
    pub role: Role,
    /// The note-taker's name, recorded as `by` on what they enter.
    #[serde(default)]
    pub name: String,
    /// The laptop's own id (kept in its outbox): a reconnection replaces its old connection.
    #[serde(default)]
    pub client: String,
    /// The SPAKE2 message.
    pub spake: Vec<u8>,
}

/// The host's answer to `Hello` (in the clear).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostHello {
    pub podium: u32,
    pub spake: Vec<u8>,
}

/// A refusal in the clear, before or instead of the encrypted channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub error: ErrorCode,
    pub message: Text,
}

/// Why a handshake failed: a refusal's `error` on the wire (the same snake_case words), or
/// what the joining side makes of a host that closed or could not be understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The two sides speak different protocol versions.
    Version,
    /// The Hello is not a valid Hello, or the name breaks the rules.
    Malformed,
    /// Too many wrong codes from this address in the last minute (final).
    TooManyTries,
    /// Too many handshakes under way from this address: try again in a moment (not final).
    Busy,
    /// The first sealed frame did not open: the join code is wrong.
    WrongCode,
    /// The joining side's own: the host closed (a `bye`) instead of welcoming.
    Closed,
    /// The joining side's own: the host's answer opened but could not be understood.
    Incompatible,
    /// A code this podium does not know (from a newer one): read, shown by its text.
    #[serde(other)]
    Unknown,
}

/// Why a handshake did not lead to a channel.
#[derive(Debug, Clone, PartialEq)]
pub enum HandshakeError {
    /// The host refused (or closed, or answered what cannot be understood): `code` says why.
    Refused { code: ErrorCode, message: Text },
    /// The answer could not be checked against the code: not the host, or a wrong code.
    NotVerified,
    /// The network failed or the other side closed.
    Io(String),
}

impl HandshakeError {
    pub fn text(&self) -> Text {
        match self {
            HandshakeError::Refused { message, .. } => message.clone(),
            HandshakeError::NotVerified => crate::strings::net::not_verified(),
            HandshakeError::Io(e) => crate::strings::net::network_error(e),
        }
    }

    /// True when trying again with the same code cannot help (a `busy` host asks for another
    /// try in a moment).
    pub fn is_final(&self) -> bool {
        match self {
            HandshakeError::Io(_) => false,
            HandshakeError::Refused { code, .. } => *code != ErrorCode::Busy,
            HandshakeError::NotVerified => true,
        }
    }
}

/// What a note-taker (or a remote display) sends once the channel is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case", deny_unknown_fields)]
pub enum ToHost {
    /// The first encrypted message: it proves the code. `pending`: commands still queued.
    Join {
        pending: usize,
    },
    /// A command with the id the laptop gave it (the same id when it is sent again).
    Command {
        id: String,
        command: Command,
        pending: usize,
    },
    Ping {
        pending: usize,
    },
}

/// What the host sends once the channel is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case", deny_unknown_fields)]
pub enum Message {
    /// The whole meeting, when someone joins; `meeting` identifies it (a laptop's queued
    /// commands are only ever sent to the meeting they were written in).
    Welcome {
        meeting: String,
        scores: bool,
        now: Time,
        plan: Box<Plan>,
        events: Vec<Event>,
    },
    /// Events recorded since the last message, in the host's order.
    Events { events: Vec<Event>, now: Time },
    /// The command `id` is durable on the host; `seq` is its first event. `again`: it had
    /// been carried out before (a resend), nothing new was recorded.
    Ack { id: String, seq: u64, again: bool },
    /// The command `id` was not carried out, and why.
    Refused { id: String, message: Text },
    /// The host's clock, so a note-taker's timer runs in step with the host's.
    Clock { now: Time },
    /// Whether note-takers may enter scores.
    Settings { scores: bool },
    /// The host closes the connection, and why; the laptop does not reconnect by itself.
    Bye { message: Text },
}

pub async fn read_frame<R: AsyncRead + Unpin>(r: &mut R, max: usize) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).await?;
    let len = u32::from_be_bytes(len) as usize;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a message of {len} bytes is over the limit of {max}"),
        ));
    }
    let mut buf = vec![0u8; len];
    r.read_exact(&mut buf).await?;
    Ok(buf)
}

pub async fn write_frame<W: AsyncWrite + Unpin>(w: &mut W, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "message too large"))?;
    let mut frame = Vec::with_capacity(4 + bytes.len());
    frame.extend_from_slice(&len.to_be_bytes());
    frame.extend_from_slice(bytes);
    w.write_all(&frame).await?;
    w.flush().await
}

fn nonce(counter: u64) -> Nonce {
    let mut n = [0u8; 12];
    n[4..].copy_from_slice(&counter.to_be_bytes());
    Nonce::from(n)
}

/// Encrypts one direction's messages. The nonce is a counter: never repeated under a key.
pub struct Sealer {
    cipher: ChaCha20Poly1305,
    counter: u64,
}

impl Sealer {
    pub fn seal(&mut self, plain: &[u8]) -> Vec<u8> {
        let n = nonce(self.counter);
        self.counter += 1;
        self.cipher
            .encrypt(
                &n,
                Payload {
                    msg: plain,
                    aad: b"",
                },
            )
            .unwrap_or_default()
    }

    pub fn seal_json<T: Serialize>(&mut self, value: &T) -> Vec<u8> {
        self.seal(&serde_json::to_vec(value).unwrap_or_default())
    }
}

/// Decrypts the other direction's messages, in order: a replayed, reordered or altered
/// message fails.
pub struct Opener {
    cipher: ChaCha20Poly1305,
    counter: u64,
}

impl Opener {
    pub fn open(&mut self, sealed: &[u8]) -> Option<Vec<u8>> {
        let plain = self
            .cipher
            .decrypt(
                &nonce(self.counter),
                Payload {
                    msg: sealed,
                    aad: b"",
                },
            )
            .ok()?;
        self.counter += 1;
        Some(plain)
    }

    pub fn open_json<T: DeserializeOwned>(&mut self, sealed: &[u8]) -> Result<T, OpenError> {
        let plain = self.open(sealed).ok_or(OpenError::Decrypt)?;
        serde_json::from_slice(&plain).map_err(|e| OpenError::Parse(e.to_string()))
    }
}

/// Why a sealed message could not be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Not sealed with this channel's key (a wrong code, an altered or replayed message).
    Decrypt,
    /// Sealed by the other side but not understood: another version of podium, or a bug.
    Parse(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Decrypt => write!(f, "a message failed to decrypt"),
            OpenError::Parse(e) => write!(f, "a malformed message: {e}"),
        }
    }
}

/// What a laptop says when the host's messages cannot be understood.
pub fn incompatible(detail: &str) -> Text {
    crate::strings::net::incompatible(detail)
}

/// Both directions of an open channel.
pub struct Channel {
    pub sealer: Sealer,
    pub opener: Opener,
}

fn identity() -> Identity {
    Identity::new(b"podium meeting")
}

/// The two directions' keys from the SPAKE2 key, bound to both hellos as sent.
fn channel(key: &[u8], hello: &[u8], answer: &[u8], host: bool) -> Channel {
    let salt = Sha256::new()
        .chain_update((hello.len() as u64).to_be_bytes())
        .chain_update(hello)
        .chain_update(answer)
        .finalize();
    let hk = hkdf::Hkdf::<Sha256>::new(Some(&salt), key);
    let derive = |info: &[u8]| {
        let mut k = [0u8; 32];
        let _ = hk.expand(info, &mut k);
        ChaCha20Poly1305::new(Key::from_slice(&k))
    };
    let to_host = derive(b"podium/1 to host");
    let to_client = derive(b"podium/1 to client");
    let (send, recv) = if host {
        (to_client, to_host)
    } else {
        (to_host, to_client)
    };
    Channel {
        sealer: Sealer {
            cipher: send,
            counter: 0,
        },
        opener: Opener {
            cipher: recv,
            counter: 0,
        },
    }
}

fn io_error(e: io::Error) -> HandshakeError {
    HandshakeError::Io(e.to_string())
}

/// The joining side's half of the handshake, up to the encrypted channel. The first sealed
/// message (`ToHost::Join`) and the host's sealed `Welcome` then prove the code both ways.
pub async fn join<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    role: Role,
    name: &str,
    client: &str,
    code: &str,
) -> Result<Channel, HandshakeError> {
    let go = async {
        let (state, spake) = Spake2::<Ed25519Group>::start_symmetric(
            &Password::new(code.trim().as_bytes()),
            &identity(),
        );
        let hello = serde_json::to_vec(&Hello {
            podium: PROTOCOL,
            role,
            name: name.to_string(),
            client: client.to_string(),
            spake,
        })
        .unwrap_or_default();
        write_frame(stream, &hello).await.map_err(io_error)?;
        let answer = read_frame(stream, MAX_HANDSHAKE).await.map_err(io_error)?;
        if let Ok(r) = serde_json::from_slice::<Refusal>(&answer) {
            return Err(HandshakeError::Refused {
                code: r.error,
                message: r.message,
            });
        }
        let host: HostHello =
            serde_json::from_slice(&answer).map_err(|_| HandshakeError::NotVerified)?;
        if host.podium != PROTOCOL {
            return Err(version_refusal(host.podium, PROTOCOL));
        }
        let key = state
            .finish(&host.spake)
            .map_err(|_| HandshakeError::NotVerified)?;
        Ok(channel(&key, &hello, &answer, false))
    };
    tokio::time::timeout(HANDSHAKE_TIMEOUT, go)
        .await
        .unwrap_or_else(|_| Err(HandshakeError::Io("the handshake timed out".into())))
}

/// The refusal both sides show when the versions differ: the host's version and the
/// joining laptop's, named as such on either side.
pub fn version_refusal(host: u32, joiner: u32) -> HandshakeError {
    HandshakeError::Refused {
        code: ErrorCode::Version,
        message: crate::strings::net::versions_differ(host, joiner),
    }
}

/// The host's half of the handshake: reads the hello, answers it, and returns the channel
/// with the hello. The caller checks the first sealed message (a wrong code fails there).
pub async fn accept<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    code: &str,
    allowed: impl FnOnce(&Hello) -> Result<(), Refusal>,
) -> Result<(Channel, Hello), HandshakeError> {
    let hello_bytes = read_frame(stream, MAX_HANDSHAKE).await.map_err(io_error)?;
    let value: serde_json::Value = serde_json::from_slice(&hello_bytes).unwrap_or_default();
    let version = value.get("podium").and_then(|v| v.as_u64());
    if let Some(v) = version
        && v != u64::from(PROTOCOL)
    {
        let err = version_refusal(PROTOCOL, u32::try_from(v).unwrap_or(u32::MAX));
        refuse(stream, &err).await;
        return Err(err);
    }
    let hello: Hello = match serde_json::from_value(value) {
        Ok(h) => h,
        Err(_) => {
            let err = HandshakeError::Refused {
                code: ErrorCode::Malformed,
                message: crate::strings::net::malformed_hello(),
            };
            refuse(stream, &err).await;
            return Err(err);
        }
    };
    if let Err(r) = allowed(&hello) {
        let err = HandshakeError::Refused {
            code: r.error,
            message: r.message,
        };
        refuse(stream, &err).await;
        return Err(err);
    }
    let (state, spake) =
        Spake2::<Ed25519Group>::start_symmetric(&Password::new(code.as_bytes()), &identity());
    let answer = serde_json::to_vec(&HostHello {
        podium: PROTOCOL,
        spake,
    })
    .unwrap_or_default();
    write_frame(stream, &answer).await.map_err(io_error)?;
    let key = state
        .finish(&hello.spake)
        .map_err(|_| HandshakeError::NotVerified)?;
    Ok((channel(&key, &hello_bytes, &answer, true), hello))
}

/// Sends a refusal in the clear (best effort: the connection closes after it).
pub async fn refuse<S: AsyncWrite + Unpin>(stream: &mut S, err: &HandshakeError) {
    if let HandshakeError::Refused { code, message } = err {
        let bytes = serde_json::to_vec(&Refusal {
            error: *code,
            message: message.clone(),
        })
        .unwrap_or_default();
        let _ = write_frame(stream, &bytes).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pair(client_code: &str, host_code: &str) -> (Result<Channel, HandshakeError>, bool) {
        let (mut a, mut b) = tokio::io::duplex(1 << 16);
        let host = async move {
            let (mut ch, _hello) = accept(&mut b, host_code, |_| Ok(())).await.ok()?;
            let first = read_frame(&mut b, 1 << 16).await.ok()?;
            let join: ToHost = ch.opener.open_json(&first).ok()?;
            let reply = ch.sealer.seal_json(&Message::Clock {
                now: crate::wallclock::now(),
            });
            write_frame(&mut b, &reply).await.ok()?;
            Some(join)
        };
        let client = async {
            let mut ch = join(&mut a, Role::Notetaker, "张三", "c1", client_code).await?;
            let first = ch.sealer.seal_json(&ToHost::Join { pending: 0 });
            write_frame(&mut a, &first).await.map_err(io_error)?;
            let reply = read_frame(&mut a, 1 << 16).await.map_err(io_error)?;
            ch.opener
                .open_json::<Message>(&reply)
                .map_err(|_| HandshakeError::NotVerified)?;
            Ok(ch)
        };
        let (h, c) = tokio::join!(
            tokio::time::timeout(std::time::Duration::from_secs(5), host),
            client
        );
        (c, matches!(h, Ok(Some(ToHost::Join { .. }))))
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn the_same_code_opens_a_channel_both_ways() {
        let (client, host_ok) = rt().block_on(pair("123456", "123456"));
        assert!(client.is_ok());
        assert!(host_ok);
    }

    #[test]
    fn a_wrong_code_opens_nothing() {
        let (client, host_ok) = rt().block_on(pair("123457", "123456"));
        assert!(!host_ok, "the host accepted a wrong code");
        assert!(client.is_err());
    }

    #[test]
    fn a_replayed_or_altered_message_is_refused() {
        let key = [7u8; 32];
        let mut a = channel(&key, b"h", b"a", false);
        let mut b = channel(&key, b"h", b"a", true);
        let one = a.sealer.seal(b"one");
        let two = a.sealer.seal(b"two");
        assert_eq!(b.opener.open(&one).as_deref(), Some(&b"one"[..]));
        assert!(b.opener.open(&one).is_none(), "a replay must fail");
        let mut bad = two.clone();
        bad[0] ^= 1;
        assert!(
            b.opener.open(&bad).is_none(),
            "an altered message must fail"
        );
        assert_eq!(b.opener.open(&two).as_deref(), Some(&b"two"[..]));
        // A message sealed for the host cannot be sent back to the note-taker as the host's.
        let mut c = channel(&key, b"h", b"a", false);
        let to_host = c.sealer.seal(b"x");
        let mut d = channel(&key, b"h", b"a", false);
        assert!(d.opener.open(&to_host).is_none());
    }

    #[test]
    fn error_codes_keep_their_words_on_the_wire() {
        for (code, word) in [
            (ErrorCode::Version, "version"),
            (ErrorCode::Malformed, "malformed"),
            (ErrorCode::TooManyTries, "too_many_tries"),
            (ErrorCode::Busy, "busy"),
            (ErrorCode::WrongCode, "wrong_code"),
            (ErrorCode::Closed, "closed"),
            (ErrorCode::Incompatible, "incompatible"),
        ] {
            let r = Refusal {
                error: code,
                message: Text::new("", ""),
            };
            let json = serde_json::to_string(&r).unwrap();
            assert!(
                json.starts_with(&format!("{{\"error\":\"{word}\",")),
                "{json}"
            );
            assert_eq!(serde_json::from_str::<Refusal>(&json).unwrap(), r);
        }
        // A code from a newer podium is still read, with its text.
        let newer = r#"{"error":"meeting_full","message":{"zh":"满","en":"full"}}"#;
        let r: Refusal = serde_json::from_str(newer).unwrap();
        assert_eq!(r.error, ErrorCode::Unknown);
        assert_eq!(r.message.en, "full");
    }
}
