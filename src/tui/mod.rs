//! The live console's screens, over the console's core (`crate::console`): `app` (the
//! screen state: focus, selection), `popups` (the popups on a stack and where a key goes),
//! `components` (one file per screen or popup: its state, keys, hints and drawing),
//! `actions` (what each action of `keys` does), `view` (the frame), and the terminal loop
//! here, which draws only when something visible changes (`Console::next_wake`).

pub mod actions;
pub mod app;
pub mod components;
pub mod editor;
pub mod keys;
pub mod popups;
pub mod view;

pub use crate::console::{clock, ledger};

pub use crate::widgets::{bigtext, theme};

use crate::terminal::stop_flag_then;
use app::App;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration as StdDuration;

fn leave_terminal() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Runs the console until the host quits (or the process is told to stop). Draws only when
/// something visible changes: after input, when the network brought something, and at the
/// next moment the screen must change (the shown second ticks over, a notice expires, a
/// snapshot falls due).
pub fn run(app: &mut App) -> std::io::Result<()> {
    let done = std::sync::Arc::new(AtomicBool::new(false));
    // A loop stuck after a signal loses no typed text: the watchdog writes the draft that the
    // loop had not written yet (it is written at most half a second behind otherwise).
    let unwritten = app.unwritten_draft();
    let paths = app.core.ledger.paths().clone();
    let stop = stop_flag_then(
        done.clone(),
        Box::new(move || {
            let text = match unwritten.try_lock() {
                Ok(mut slot) => slot.take(),
                Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().take(),
                Err(std::sync::TryLockError::WouldBlock) => None,
            };
            if let Some(text) = text {
                let _ = paths.write_draft(&text);
            }
        }),
    );
    // A venue's keys (`keys.toml`, or the file `PODIUM_KEYS` names) over the defaults.
    let (keys, problems) = keys::load(app.lang());
    app.use_keys(keys, &problems);
    let mut terminal = ratatui::try_init()?;
    // Restore the terminal on a panic too, before the report is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A damaged workbook's reader thread is not the console: its panic is an error
        // message, and the screen stays as it is.
        if std::thread::current().name() != Some(crate::import::GUARD_THREAD) {
            leave_terminal();
        }
        previous(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    // Talks are timed by a monotonic clock from here on: a step of the wall clock neither
    // stops a running talk nor adds to it.
    app.use_system_clock();
    let result = (|| -> std::io::Result<()> {
        // Draw at once, then whenever input came, the network changed something, or the
        // moment arrives when the screen must change (`App::next_wake`).
        let mut draw_due = true;
        let mut wake_at: Option<crate::session::Time> = None;
        loop {
            let t = app.clock_now();
            // The frame of what was just typed comes first: a pass of the network (ballots or
            // note-takers' commands, with its flush to disk) waits for it, not the other way.
            if draw_due {
                terminal.draw(|frame| view::draw(frame, app, t))?;
                app.core.redraw = false;
                draw_due = false;
                wake_at = app.next_wake(t);
            }
            app.tick(t);
            if app.core.bell {
                app.core.bell = false;
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
            if draw_due || app.core.redraw || wake_at.is_none_or(|w| t >= w) {
                terminal.draw(|frame| view::draw(frame, app, t))?;
                app.core.redraw = false;
                draw_due = false;
                wake_at = app.next_wake(t);
            }
            if app.quit || stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            let mut wait = wake_at
                .map(|w| (w - app.clock_now()).num_milliseconds().clamp(1, 1000))
                .unwrap_or(1000);
            if app.networked() {
                wait = wait.min(app.network_wait());
            }
            if event::poll(StdDuration::from_millis(wait as u64))? {
                draw_due = true;
                // Take every event that is waiting before drawing again.
                loop {
                    match event::read()? {
                        Event::Key(key) if key.kind == KeyEventKind::Press => {
                            app.on_key(key, app.clock_now())
                        }
                        Event::Paste(text) => app.on_paste(&text, app.clock_now()),
                        _ => {}
                    }
                    if app.quit || !event::poll(StdDuration::ZERO)? {
                        break;
                    }
                }
            }
        }
    })();
    // However the loop ended (a quit, a signal, the terminal gone), text still in the editor
    // is kept as the draft, written now: the next start offers it again.
    app.keep_draft();
    done.store(true, Ordering::SeqCst);
    leave_terminal();
    let _ = std::panic::take_hook();
    result
}
