//! What the console and the stage display share about running in a terminal that is not
//! drawing: noticing that the process is asked to stop.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
#[cfg(unix)]
use std::sync::atomic::Ordering;
#[cfg(unix)]
use std::time::Duration;

/// How long the loop has to notice a stop request before the watchdog ends the process.
#[cfg(unix)]
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
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        for signal in [SIGTERM, SIGHUP] {
            let _ = signal_hook::flag::register(signal, flag.clone());
        }
        // The watchdog sleeps in the kernel until a signal comes: no wake-up at all while the
        // meeting runs (a thread polling the flag five times a second cost a fifth of the
        // console's idle CPU time).
        match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
            Ok(mut signals) => {
                std::thread::spawn(move || {
                    if signals.forever().next().is_some() {
                        end_unless_done(&done, last);
                    }
                });
            }
            Err(_) => {
                let watched = flag.clone();
                std::thread::spawn(move || {
                    while !done.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(200));
                        if watched.load(Ordering::SeqCst) {
                            end_unless_done(&done, last);
                            return;
                        }
                    }
                });
            }
        }
    }
    // Elsewhere no signal sets the flag (closing a console window ends the process at once;
    // the journal holds every event): there is nothing to watch.
    #[cfg(not(unix))]
    let _ = (done, last);
    flag
}

/// Gives the loop `STOP_GRACE` to end by itself after a stop request, then ends the process.
#[cfg(unix)]
fn end_unless_done(done: &AtomicBool, last: Box<dyn FnOnce() + Send>) {
    std::thread::sleep(STOP_GRACE);
    if !done.load(Ordering::SeqCst) {
        last();
        std::process::exit(0);
    }
}
