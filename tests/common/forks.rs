//! Writers and child processes in one test binary. Starting a process forks the whole test
//! process, and until the child execs it holds a copy of every file the process has open: the
//! lock of a `store::Writer` that another test holds included (the lock belongs to the open
//! file, so the copy keeps it taken). That test then closes its writer and at once needs the
//! lock again — `Writer::open`, or a `podium` command on the session — and finds the session
//! "open in another podium", with its own pid. So in a binary that does both, a writer is
//! held, and a process started, only under `exclusive()`: never at the same time.
#![allow(dead_code)]

use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};

static FORKS: Mutex<()> = Mutex::new(());

/// Held for as long as a writer is open in this process, and while a process is started.
pub fn exclusive() -> MutexGuard<'static, ()> {
    // A test that failed while holding it has let go of its writer by now.
    FORKS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `command.output()`, started under `exclusive()` (held only until the child has exec'd).
pub fn output(command: &mut Command) -> Output {
    let child = {
        let _guard = exclusive();
        spawn(command)
    };
    child.wait_with_output().expect("the child's output")
}

/// `command.output()` for a test that holds `exclusive()` itself (a writer of its own open).
pub fn output_holding(_guard: &MutexGuard<'static, ()>, command: &mut Command) -> Output {
    spawn(command)
        .wait_with_output()
        .expect("the child's output")
}

/// `spawn` returns once the child has exec'd (or failed to): its copies of our files are
/// closed by then.
fn spawn(command: &mut Command) -> Child {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} starts: {e}"))
}
