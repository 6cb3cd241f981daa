//! Note-takers over the local network (docs/PROTOCOL.md).
//!
//! The host (`podium run --serve`) stays the one writer: a note-taker's command travels to
//! the host, is decided by the same `Session::decide_as` as a local one and is durable on the
//! host before it is confirmed. This module holds the wire format and the secure channel;
//! `host` accepts connections, `client` joins, `outbox` keeps a note-taker's unsent commands
//! on its own disk. The console loops stay as they are and talk to the network through
//! channels: the network runs on its own thread with a small tokio runtime.

pub mod ballots;
pub mod client;
pub mod host;
pub mod outbox;
pub mod page;
pub mod wire;

pub use wire::{Channel, HandshakeError, Hello, Message, Text, ToHost};

/// The protocol's version: both sides must speak the same one. 2: talk events carry
/// `elapsed_ms` (session format 2). 3: agenda items have a `kind` (session format 3, plan
/// format 2: `kind` on the plan's units and on `unit_added`, the plan's `attendees`,
/// `observers`, `recorder`, scoring mode `none`). A version-2 laptop would decode a meeting
/// of reports only and then stop, mid-meeting, at the first speech added live: it is refused
/// at the handshake instead, naming both versions. 4: the task ledger (session format 4:
/// `task_*` events and commands, `previous_linked`; plan format 3: `tasks`, `previous`).
pub const PROTOCOL: u32 = 6;
/// The port `--serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 7373;
/// The port the ballot page is served on unless told otherwise (`--ballots-port`).
pub const BALLOTS_PORT: u16 = 7374;
/// The largest handshake message (either side).
pub const MAX_HANDSHAKE: usize = 4 * 1024;
/// The largest message a note-taker may send (a remark is at most a few tens of kilobytes).
pub const MAX_FROM_CLIENT: usize = 256 * 1024;
/// The largest message the host sends (the whole meeting, when someone joins).
pub const MAX_FROM_HOST: usize = 64 * 1024 * 1024;
/// Wrong codes allowed from one address in `TRY_WINDOW` before it is refused.
pub const MAX_TRIES: usize = 5;
pub const TRY_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);
/// The whole handshake must finish within this time.
pub const HANDSHAKE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// The host sends its clock this often (it also tells a silent connection is still there).
pub const CLOCK_EVERY: std::time::Duration = std::time::Duration::from_secs(2);
/// A connection that sends nothing for this long is closed (note-takers ping every
/// `CLOCK_EVERY`).
pub const IDLE_LIMIT: std::time::Duration = std::time::Duration::from_secs(15);

/// A new join code: six random digits (an error when the system has no random source: a
/// guessable code is worse than none).
pub fn new_code() -> Result<String, String> {
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| format!("no random numbers for the join code: {e}"))?;
    Ok(format!("{:06}", u64::from_le_bytes(bytes) % 1_000_000))
}

/// A random identifier (hex), for a note-taker's laptop and for a meeting.
pub fn new_id() -> String {
    let mut bytes = [0u8; 12];
    if getrandom::getrandom(&mut bytes).is_err() {
        // No random source: the time and the process still make it unique on this machine.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes[..8].copy_from_slice(&(nanos as u64).to_le_bytes());
        bytes[8..].copy_from_slice(&std::process::id().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `ADDR[:PORT]` as typed: a bare port, a host, a host with a port, `[v6]:port`.
pub fn parse_addr(text: &str, default_host: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(format!("{default_host}:{DEFAULT_PORT}"));
    }
    if let Some(port) = text.strip_prefix(':').filter(|p| !p.contains(':')) {
        return port
            .parse::<u16>()
            .map(|p| format!("{default_host}:{p}"))
            .map_err(|_| format!("“{text}” is not a port number"));
    }
    if text.parse::<u16>().is_ok() && !text.contains('.') {
        return Ok(format!("{default_host}:{text}"));
    }
    if text.parse::<std::net::SocketAddr>().is_ok() {
        return Ok(text.to_string());
    }
    if text.parse::<std::net::IpAddr>().is_ok() {
        return Ok(if text.contains(':') {
            format!("[{text}]:{DEFAULT_PORT}")
        } else {
            format!("{text}:{DEFAULT_PORT}")
        });
    }
    match text.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => port
            .parse::<u16>()
            .map(|_| text.to_string())
            .map_err(|_| format!("“{port}” is not a port number")),
        _ => Ok(format!("{text}:{DEFAULT_PORT}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_typed() {
        assert_eq!(parse_addr("", "0.0.0.0").unwrap(), "0.0.0.0:7373");
        assert_eq!(parse_addr(":9000", "0.0.0.0").unwrap(), "0.0.0.0:9000");
        assert_eq!(parse_addr("9000", "0.0.0.0").unwrap(), "0.0.0.0:9000");
        assert_eq!(parse_addr("127.0.0.1", "x").unwrap(), "127.0.0.1:7373");
        assert_eq!(parse_addr("127.0.0.1:80", "x").unwrap(), "127.0.0.1:80");
        assert_eq!(parse_addr("::1", "x").unwrap(), "[::1]:7373");
        assert_eq!(parse_addr("host.lan", "x").unwrap(), "host.lan:7373");
        assert_eq!(parse_addr("host.lan:81", "x").unwrap(), "host.lan:81");
        assert!(parse_addr("host.lan:x", "x").is_err());
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let c = new_code().expect("random");
            assert_eq!(c.len(), 6);
            assert!(c.chars().all(|c| c.is_ascii_digit()));
        }
    }
}
