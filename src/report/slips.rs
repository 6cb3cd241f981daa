//! The ballot slips (测评票) as a Word document: per slip the meeting's title, the group, the
//! serial, a QR code of the ballot's own link and the same code in readable characters, cut
//! lines, several to an A4 page; the venue's Wi-Fi as a `WIFI:` QR code when given. And the
//! same as CSV for a mail merge (a secret file).

use crate::strings::Lang;

/// One slip: its ballot's serial and group, its code (normalized, `ballots::normalize_code`)
/// and its link.
#[derive(Debug, Clone, PartialEq)]
pub struct Slip {
    pub group: String,
    pub serial: String,
    pub code: String,
    pub link: String,
}

/// The venue's Wi-Fi (`--wifi SSID:PASSWORD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Wifi {
    pub ssid: String,
    pub password: String,
}

/// What the slips document holds.
#[derive(Debug, Clone)]
pub struct Slips {
    pub title: String,
    /// “2026年5月30日”, when the plan has a date.
    pub date: Option<String>,
    pub slips: Vec<Slip>,
    pub wifi: Option<Wifi>,
    pub lang: Lang,
}

/// A ballot's own link: the page's address and the code (`http://ADDR:PORT/b/CODE`).
pub fn link(base: &str, code: &str) -> String {
    format!("{}/b/{code}", base.trim_end_matches('/'))
}

/// The slips as a Word document (part A of [F1] fills this in).
pub fn docx(s: &Slips) -> Result<Vec<u8>, String> {
    let _ = s;
    Err("slips: not built yet".into())
}

/// The slips as CSV for a mail merge: 组别, 票号, 测评码, 链接 (part A of [F1] fills this in).
pub fn csv(s: &Slips) -> String {
    let _ = s;
    String::new()
}
