//! `podium display SESSION`: the stage display, read-only.

use super::CmdResult;
use crate::display::{self, DisplayOptions, Follower};
use crate::strings::Choice;
use std::path::Path;

/// True when `arg` names a served meeting (`ADDR[:PORT]`) rather than a file.
fn is_address(arg: &Path) -> bool {
    if arg.exists() {
        return false;
    }
    let text = arg.to_string_lossy();
    text.parse::<std::net::SocketAddr>().is_ok()
        || text.parse::<std::net::IpAddr>().is_ok()
        || text
            .rsplit_once(':')
            .is_some_and(|(host, port)| !host.contains(['/', '\\']) && port.parse::<u16>().is_ok())
}

pub fn run(
    file: &Path,
    code: Option<&str>,
    choice: Choice,
    wide_ambiguous: bool,
    clock_only: bool,
) -> CmdResult {
    // The user's language, else the meeting's (the session's, or the served plan's).
    let lang = choice.first();
    let opts = |session: &crate::session::Session| DisplayOptions {
        lang: choice.session(session),
        ambiguous: super::ambiguous(wide_ambiguous),
        clock_only,
    };
    let (shown, lang) = if is_address(file) {
        let addr = crate::net::parse_addr(&file.to_string_lossy(), "127.0.0.1")?;
        let link = super::join::open_link(
            &addr,
            crate::net::wire::Role::Display,
            "",
            &crate::net::new_id(),
            code,
            0,
            lang,
        )?;
        let opts = opts(&link.session);
        (display::run(link, opts), opts.lang)
    } else {
        // A plan means its most recent session (docs/SESSIONS.md).
        let session = super::sessions::existing(file, "display", choice)?;
        let follower = Follower::open(&session)?;
        let opts = opts(&follower.session);
        (display::run(follower, opts), opts.lang)
    };
    shown.map_err(|e| crate::strings::cli::terminal_unusable(lang, &e.to_string()))
}
