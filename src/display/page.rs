//! Where the stage learns the ballot page's address and the venue's Wi-Fi for its voting
//! screen: the flags (`--ballots-url`, `--wifi`), else, for a session on this machine, the
//! join file the host writes beside it (re-read when it changes), else, for a served
//! meeting, its host's address at the ballots port.

use crate::report::slips::Wifi;
use crate::strings::{Lang, stage};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the voting screen shows of the page: its address (without any code: phones type
/// the code, the slips carry each ballot's own link) and the venue's Wi-Fi.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BallotPage {
    pub url: Option<String>,
    pub wifi: Option<Wifi>,
}

impl BallotPage {
    /// `self`, with what `under` has that `self` lacks.
    pub fn over(&self, under: &BallotPage) -> BallotPage {
        BallotPage {
            url: self.url.clone().or_else(|| under.url.clone()),
            wifi: self.wifi.clone().or_else(|| under.wifi.clone()),
        }
    }
}

pub use crate::net::host::join_path;

/// The page's address and the Wi-Fi from a join file: `ballots_url` (a string) and `wifi`
/// (`"SSID:PASSWORD"`, or `{"ssid": …, "password": …}`). Anything else in it (the join code)
/// is not read; a field of another shape is passed over.
pub fn from_join(join: &serde_json::Value) -> BallotPage {
    let url = join
        .get("ballots_url")
        .and_then(|u| u.as_str())
        .and_then(|u| check_url(u).ok());
    let wifi = match join.get("wifi") {
        Some(serde_json::Value::String(s)) => Wifi::parse(s),
        Some(w @ serde_json::Value::Object(_)) => w
            .get("ssid")
            .and_then(|s| s.as_str())
            .filter(|s| !s.trim().is_empty())
            .map(|ssid| Wifi {
                ssid: ssid.to_string(),
                password: w
                    .get("password")
                    .and_then(|p| p.as_str())
                    .unwrap_or_default()
                    .to_string(),
            }),
        _ => None,
    };
    BallotPage { url, wifi }
}

/// Why an address cannot be the page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadUrl {
    /// Not `http://…` or `https://…` with a host.
    NotHttp,
    /// One ballot's link (`…/b/CODE`): its code would be on the screen.
    BallotLink,
}

impl BadUrl {
    pub fn say(self, lang: Lang) -> String {
        match self {
            BadUrl::NotHttp => stage::bad_url(lang).to_string(),
            BadUrl::BallotLink => stage::url_with_code(lang).to_string(),
        }
    }
}

/// The page's address as given, trimmed (a trailing `/` left off), when it is an http(s)
/// address with a host and is not one ballot's link.
pub fn check_url(text: &str) -> Result<String, BadUrl> {
    let url = text.trim().trim_end_matches('/');
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
        .ok_or(BadUrl::NotHttp)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(BadUrl::NotHttp);
    }
    let path = &rest[host.len()..];
    if path == "/b" || path.starts_with("/b/") || path.contains("/b/") {
        return Err(BadUrl::BallotLink);
    }
    Ok(url.to_string())
}

/// The page of a meeting served at `addr` (`HOST:PORT`, as `net::parse_addr` gives it): the
/// same host at the ballots port. A host on this machine (loopback) is named by this
/// machine's address in the room instead, which phones can reach.
pub fn served_url(addr: &str) -> String {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if loopback {
        return crate::commands::ballots::default_url();
    }
    format!("http://{host}:{}", crate::net::BALLOTS_PORT)
}

/// What a file looked like when last read: its length and modification time.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// The page as the display knows it now: the flags over the join file beside the session
/// (when there is one), re-read when that file changes.
#[derive(Debug)]
pub struct PageSource {
    join: Option<PathBuf>,
    seen: Stamp,
    flags: BallotPage,
    page: BallotPage,
}

impl PageSource {
    /// A page that does not change: the flags over what the display worked out itself.
    pub fn fixed(page: BallotPage) -> PageSource {
        PageSource {
            join: None,
            seen: None,
            flags: page.clone(),
            page,
        }
    }

    /// The flags over the join file beside `session`, read now and whenever it changes.
    pub fn beside(session: &Path, flags: BallotPage) -> PageSource {
        let mut source = PageSource {
            join: Some(join_path(session)),
            seen: None,
            page: flags.clone(),
            flags,
        };
        source.read();
        source
    }

    fn read(&mut self) {
        let Some(path) = &self.join else { return };
        self.seen = stamp(path);
        // A file caught mid-write, or of another shape, adds nothing until it is rewritten.
        let joined = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .map(|v| from_join(&v))
            .unwrap_or_default();
        self.page = self.flags.over(&joined);
    }

    /// Re-reads the join file if it changed; true when the page did.
    pub fn check(&mut self) -> bool {
        let Some(path) = &self.join else {
            return false;
        };
        if stamp(path) == self.seen {
            return false;
        }
        let before = self.page.clone();
        self.read();
        self.page != before
    }

    pub fn page(&self) -> &BallotPage {
        &self.page
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn urls() {
        assert_eq!(
            check_url(" http://192.168.1.5:7374/ "),
            Ok("http://192.168.1.5:7374".into())
        );
        assert_eq!(check_url("HTTPS://x.lan"), Ok("HTTPS://x.lan".into()));
        assert_eq!(check_url("192.168.1.5:7374"), Err(BadUrl::NotHttp));
        assert_eq!(check_url("http://"), Err(BadUrl::NotHttp));
        assert_eq!(check_url("http://a b"), Err(BadUrl::NotHttp));
        assert_eq!(
            check_url("http://h:7374/b/ABCDEFGHJKLMNPQR"),
            Err(BadUrl::BallotLink)
        );
        assert_eq!(check_url("http://h/vote"), Ok("http://h/vote".into()));
    }

    #[test]
    fn served_urls() {
        assert_eq!(served_url("10.1.2.3:7373"), "http://10.1.2.3:7374");
        assert_eq!(served_url("[fe80::1]:7373"), "http://[fe80::1]:7374");
        assert!(served_url("127.0.0.1:7373").ends_with(":7374"));
    }

    #[test]
    fn join_files_of_either_shape() {
        let p = from_join(&json!({"code": "x", "ballots_url": "http://h:7374",
            "wifi": "会场:p:w"}));
        assert_eq!(p.url.as_deref(), Some("http://h:7374"));
        let w = p.wifi.expect("wifi");
        assert_eq!((w.ssid.as_str(), w.password.as_str()), ("会场", "p:w"));
        let p = from_join(&json!({"wifi": {"ssid": "V", "password": "pw"}}));
        assert_eq!(p.url, None);
        assert_eq!(p.wifi.map(|w| w.password), Some("pw".into()));
        assert_eq!(
            from_join(&json!({"ballots_url": 3, "wifi": 1})),
            BallotPage::default()
        );
        assert_eq!(Wifi::parse(":pw"), None);
        assert_eq!(
            Wifi::parse("Open:").map(|w| w.password),
            Some(String::new())
        );
    }
}
