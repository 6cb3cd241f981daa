//! `podium display SESSION`: the stage display, read-only.

use super::CmdResult;
use crate::display::{self, DisplayOptions, Follower};
use crate::store;
use crate::strings::Lang;
use std::path::{Path, PathBuf};

/// The session to follow: the file itself, or for a plan the session beside it.
fn session_path(file: &Path) -> PathBuf {
    if let Ok(text) = std::fs::read_to_string(file)
        && !store::is_session_text(&text)
        && let Some(stem) = file.file_stem()
    {
        let beside = file.with_file_name(format!("{}.session.json", stem.to_string_lossy()));
        if beside.exists() {
            return beside;
        }
    }
    file.to_path_buf()
}

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
    lang: Lang,
    wide_ambiguous: bool,
    clock_only: bool,
) -> CmdResult {
    let opts = DisplayOptions {
        lang,
        ambiguous: super::ambiguous(wide_ambiguous),
        clock_only,
    };
    let shown = if is_address(file) {
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
        display::run(link, opts)
    } else {
        display::run(Follower::open(&session_path(file))?, opts)
    };
    shown.map_err(|e| crate::strings::cli::terminal_unusable(lang, &e.to_string()))
}
