//! `podium display SESSION`: the stage display, read-only.

use super::CmdResult;
use crate::display::{self, DisplayOptions, Follower};
use crate::store;
use crate::strings::Lang;
use crate::text::Ambiguous;
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

pub fn run(file: &Path, lang: Option<&str>, wide_ambiguous: bool, clock_only: bool) -> CmdResult {
    let lang = Lang::detect(lang);
    let wide_env = std::env::var("PODIUM_WIDE_AMBIGUOUS").is_ok_and(|v| !v.is_empty() && v != "0");
    let opts = DisplayOptions {
        lang,
        ambiguous: if wide_ambiguous || wide_env {
            Ambiguous::Wide
        } else {
            Ambiguous::Narrow
        },
        clock_only,
    };
    let follower = Follower::open(&session_path(file))?;
    display::run(follower, opts).map_err(|e| format!("the terminal could not be used: {e}"))
}
