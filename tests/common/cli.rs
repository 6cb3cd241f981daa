//! Running the built `podium` as a user's shell would, for tests of the command line: in a
//! folder, with no terminal on stdin and the language pinned by the test (the locale and
//! `PODIUM_LANG` cleared, so only `--lang` or the files decide).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `podium ARGS…` run in `dir`, its output collected.
pub fn podium<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "")
        .env_remove("PODIUM_LANG")
        .stdin(Stdio::null())
        .output()
        .expect("podium runs")
}

/// Output bytes as text (invalid UTF-8 shown, never a panic).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
