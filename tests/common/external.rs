//! Tests that need a program from outside Rust (tmux today) run only when `PODIUM_EXTERNAL=1`,
//! as `.ci/run` sets after installing them, and then fail if the program is missing. Without
//! it they print one line saying what they would need and pass, so that a fresh clone passes
//! `cargo test` with nothing but Rust installed.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

/// The variable that turns on the tests that need outside programs.
pub const VAR: &str = "PODIUM_EXTERNAL";

/// Whether `PODIUM_EXTERNAL` is set (to anything but empty or `0`).
pub fn enabled() -> bool {
    std::env::var_os(VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Whether a test that needs `program` is to run. With `PODIUM_EXTERNAL=1` it must: this
/// panics when `program` is not on the `PATH`. Without it the test is skipped: one line says
/// so (on the terminal itself, past the test harness's capture) and this returns `false`.
///
/// ```ignore
/// if !common::external::needs("tmux") {
///     return;
/// }
/// ```
pub fn needs(program: &str) -> bool {
    if !enabled() {
        // Written to the stream, not with `eprintln!`, so that `cargo test` shows it.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: needs {program}; set {VAR}=1 to run"
        );
        return false;
    }
    assert!(
        on_path(program),
        "{VAR} is set, and this test needs `{program}`, which is not on the PATH: install it"
    );
    true
}

/// Whether an executable file named `program` is in one of the `PATH`'s folders.
pub fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| executable(&dir.join(program)))
}

#[cfg(unix)]
fn executable(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn executable(file: &Path) -> bool {
    file.is_file() || file.with_extension("exe").is_file()
}
