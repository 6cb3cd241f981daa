//! The real `podium` binary in a pseudo-terminal: a reader thread feeds everything the program
//! writes into a vt100 parser, and the tests read the parsed screen the way a person would.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Generous: the point is correctness, not speed, and CI machines can be slow.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

/// A copy of the repository's sample plan in `dir`; returns its path.
pub fn copy_plan(dir: &Path, name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    let dst = dir.join(name);
    std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copy {}: {e}", src.display()));
    dst
}

/// The names in `dir`, sorted.
pub fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the folder")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the life of the child: dropping the master hangs the terminal up.
    _master: Option<Box<dyn MasterPty + Send>>,
    /// Set by `hang_up`: the child is left to end by itself.
    let_run: bool,
    reader: Option<JoinHandle<()>>,
}

impl Term {
    /// Runs `podium ARGS` in `dir` in a 100×30 terminal, with a Chinese locale and TERM=xterm-256color.
    pub fn spawn(dir: &Path, args: &[&str]) -> Term {
        Term::spawn_with_env(dir, args, &[])
    }

    /// As `spawn`, with extra environment variables.
    pub fn spawn_with_env(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Term {
        Term::spawn_full(dir, args, COLS, ROWS, vars)
    }

    /// Runs `podium ARGS` in `dir` in a `cols`×`rows` terminal, otherwise as `spawn`.
    pub fn spawn_sized(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn_full(dir, args, cols, rows, &[])
    }

    /// Runs `podium ARGS` in `dir` in a `cols`×`rows` terminal with extra environment variables.
    pub fn spawn_full(
        dir: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        vars: &[(&str, &str)],
    ) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_podium"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("PODIUM_LANG");
        cmd.env_remove("PODIUM_WIDE_AMBIGUOUS");
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd.env("TERM", "xterm-256color");
        for (key, value) in vars {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn podium");
        // Only the child holds the slave side now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().expect("a pty reader");
        let sink = Arc::clone(&parser);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().expect("a pty writer");
        Term {
            parser,
            writer: Some(writer),
            child,
            _master: Some(pair.master),
            let_run: false,
            reader: Some(reader),
        }
    }

    /// Whether the child is still running (it has not exited).
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// The text on the screen now, row by row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the parsed screen: cells with their colours and attributes, for tests that
    /// need more than the text (which cell is highlighted, say).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self.parser.lock().unwrap().screen())
    }

    /// The terminal modes a full-screen program must give back: (alternate screen, cursor hidden,
    /// bracketed paste).
    pub fn modes(&self) -> (bool, bool, bool) {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        (s.alternate_screen(), s.hide_cursor(), s.bracketed_paste())
    }

    /// Waits until `text` is on the screen; panics with what the screen shows instead.
    pub fn wait_for(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} on the screen"), timeout, |s| {
            s.contains(text)
        });
    }

    /// Waits until `text` is no longer on the screen.
    pub fn wait_gone(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} to leave the screen"), timeout, |s| {
            !s.contains(text)
        });
    }

    pub fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) {
        let end = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return;
            }
            if Instant::now() >= end {
                panic!("waited {timeout:?} for {what}; the terminal shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Writes raw bytes to the terminal, as typing (or pasting) does.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        let w = self.writer.as_mut().expect("the terminal is open");
        w.write_all(bytes.as_ref()).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Waits for the child to exit; panics after `timeout` with the screen.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let end = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return status;
            }
            if Instant::now() >= end {
                panic!(
                    "podium did not exit within {timeout:?}; the terminal shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Closes the terminal under the program, as when a terminal window or an SSH connection
    /// goes away; returns the program's pid, which is left to end by itself.
    pub fn hang_up(mut self) -> u32 {
        let pid = self.pid();
        drop(self.writer.take());
        drop(self._master.take());
        // The child is not killed: the test watches it end on its own.
        self.let_run = true;
        pid
    }

    /// SIGKILL: no handler runs, nothing is flushed or cleaned up — a crash or a power cut.
    #[cfg(unix)]
    pub fn sigkill(&mut self) {
        let pid = self.pid();
        assert!(sigkill(pid), "kill -9 {pid}");
        let status = self.wait_exit(TIMEOUT);
        assert!(!status.success(), "a killed process does not exit 0");
    }
}

/// portable-pty's `ChildKiller::kill` sends SIGHUP (a catchable signal) first; a crash needs
/// SIGKILL, sent here without libc through the shell's own `kill` (every Unix has `sh`; the
/// `kill` program comes with procps, which a minimal system lacks).
#[cfg(unix)]
fn sigkill(pid: u32) -> bool {
    std::process::Command::new("sh")
        .args(["-c", "kill -9 \"$1\"", "sh", &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success())
}

impl Drop for Term {
    fn drop(&mut self) {
        // Never leave a podium behind when a test fails; kill it before the writer goes, since
        // dropping the writer types a newline and an EOF into the terminal.
        if !self.let_run
            && let Ok(None) = self.child.try_wait()
        {
            #[cfg(unix)]
            let _ = sigkill(self.pid());
            #[cfg(not(unix))]
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader thread ends by itself when the terminal closes; it is not joined here,
        // so a failing test can never hang on it.
        self.writer.take();
    }
}
