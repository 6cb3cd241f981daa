//! What the console and the stage display share about running in a terminal that is not
//! drawing: noticing that the process is asked to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the loop has to notice a stop request before the watchdog ends the process.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// Set when the process is asked to stop (SIGTERM, or SIGHUP when the terminal window is
/// closed): the loop ends as after a quit, so the session is closed cleanly.
///
/// When the terminal is gone, the input reader of crossterm can spin on end-of-file without
/// ever returning to the loop. A watchdog thread then ends the process after `STOP_GRACE`:
/// every event is already in the journal, so the next start recovers the whole meeting.
pub fn stop_flag(done: Arc<AtomicBool>) -> Arc<AtomicBool> {
    stop_flag_then(done, Box::new(|| {}))
}

/// `stop_flag`, with `last` run by the watchdog just before it ends the process (the console
/// writes the text typed since the last draft there).
pub fn stop_flag_then(done: Arc<AtomicBool>, last: Box<dyn FnOnce() + Send>) -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(signal, flag.clone());
    }
    let watched = flag.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(200));
            if done.load(Ordering::SeqCst) {
                return;
            }
            if watched.load(Ordering::SeqCst) {
                std::thread::sleep(STOP_GRACE);
                if !done.load(Ordering::SeqCst) {
                    last();
                    std::process::exit(0);
                }
                return;
            }
        }
    });
    flag
}
