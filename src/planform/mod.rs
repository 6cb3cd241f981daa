//! `podium plan`: a terminal form that makes or edits a plan step by step — the meeting,
//! the units (a range pasted from Excel or WPS becomes rows), the reviewers, the scoring and
//! its rules, then what `podium check` would say, and the file written at the end.
//!
//! `state` is the form's state machine (texts, focus, `handle(key) -> Reply`; no terminal, no
//! disk), checked with `Plan::validate` after every change; `view` draws it; `run` here is
//! the terminal loop, which writes the plan atomically when the form says so.

pub mod state;
pub mod view;

pub use state::{PlanForm, Reply};

use crate::strings::planform as t;
use crate::terminal::stop_flag;
use crate::text::Ambiguous;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use state::Sec;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The keys that work now: (key, what it does, priority: 0 is kept longest).
pub fn hints(form: &PlanForm) -> Vec<(&'static str, &'static str, u8)> {
    let k = t::keys(form.lang);
    if form.ask.is_some() {
        return Vec::new();
    }
    let sec = form.focused_sec();
    let last = form.focus.step + 1 == state::STEPS;
    let mut out = Vec::new();
    if last {
        out.push(("Enter", k.save, 0));
    } else if sec.is_table() {
        out.push(("Tab", k.next_cell, 0));
        out.push(("Enter", k.new_row, 1));
    } else {
        out.push(("Enter", k.next_field, 0));
    }
    if sec == Sec::Mode || form.focused_col().kind == state::Kind::Agenda {
        out.push(("Space", k.switch, 0));
    }
    out.push(("↑↓", k.up_down, 2));
    if !last {
        out.push(("Ctrl+N", k.next_step, 0));
    }
    out.push(("Esc", k.back, 0));
    if sec.is_table() {
        out.push(("Ctrl+D", k.delete_row, 1));
        out.push(("Alt+↑↓", k.move_row, 2));
    }
    if !last {
        out.push(("Ctrl+S", k.save, 1));
    }
    out.push(("Ctrl+C", k.quit, 0));
    out
}

fn leave_terminal() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Runs the form in the terminal until the plan is written or the host quits. Returns where
/// it was written, if it was. `opened`: the edited plan's bytes as the form read them; the
/// form asks before writing over the file when it no longer holds them.
pub fn run(
    form: &mut PlanForm,
    amb: Ambiguous,
    opened: Option<Vec<u8>>,
) -> std::io::Result<Option<PathBuf>> {
    let done = Arc::new(AtomicBool::new(false));
    let stop = stop_flag(done.clone());
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        previous(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = (|| -> std::io::Result<Option<PathBuf>> {
        let mut draw = true;
        loop {
            if draw {
                terminal.draw(|frame| view::draw(frame, form, amb))?;
                draw = false;
            }
            if stop.load(Ordering::SeqCst) {
                return Ok(None);
            }
            if !event::poll(Duration::from_millis(500))? {
                continue;
            }
            draw = true;
            let reply = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => form.handle(key),
                Event::Paste(text) => {
                    form.paste(&text);
                    Reply::Stay
                }
                _ => Reply::Stay,
            };
            match reply {
                Reply::Stay => {}
                Reply::Quit => return Ok(None),
                Reply::Save {
                    path,
                    text,
                    overwrite,
                } => {
                    if path.is_dir() {
                        // A folder is no plan to write over: said at once, not asked about.
                        let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
                        let why = crate::strings::import::write_reason(form.lang, &path, &e);
                        form.failed(&path, &why);
                        continue;
                    }
                    if !overwrite && path.exists() {
                        form.ask_overwrite(path);
                        continue;
                    }
                    if form.source.as_deref() == Some(path.as_path())
                        && !form.overwrite_changed
                        && let Some(before) = &opened
                        && let Ok(now) = std::fs::read(&path)
                        && now != *before
                    {
                        form.ask_changed(path);
                        continue;
                    }
                    let text = as_opened(opened.as_deref(), text);
                    match write(&path, &text) {
                        Ok(()) => {
                            form.saved(path.clone());
                            return Ok(Some(path));
                        }
                        Err(e) => {
                            let why = crate::strings::import::write_reason(form.lang, &path, &e);
                            form.failed(&path, &why)
                        }
                    }
                }
            }
        }
    })();
    done.store(true, Ordering::SeqCst);
    leave_terminal();
    let _ = std::panic::take_hook();
    result
}

/// What to write for `text`: the edited plan's own bytes (`opened`) when they are the same
/// plan, so that a plan saved without a change keeps its layout, its order of fields and its
/// line breaks byte for byte (a hand-written or `podium import`ed file is not reformatted).
pub fn as_opened(opened: Option<&[u8]>, text: String) -> String {
    let Some(bytes) = opened else {
        return text;
    };
    let Ok(before) = std::str::from_utf8(bytes) else {
        return text;
    };
    let plan = |t: &str| {
        serde_json::from_str::<crate::plan::Plan>(t.strip_prefix('\u{feff}').unwrap_or(t)).ok()
    };
    match (plan(before), plan(&text)) {
        (Some(a), Some(b)) if a == b => before.to_string(),
        _ => text,
    }
}

/// Writes the plan atomically: a new hidden temporary file beside it, flushed, renamed over
/// it (a file of the user's named like the temporary one is left alone).
pub fn write(path: &Path, text: &str) -> std::io::Result<()> {
    crate::store::write_atomic_fresh(path, text.as_bytes())
}
