//! A yes/no question before something that cannot be taken back, or is easy to do by
//! mistake. Over the editor it is pushed above it, and No brings the editor back.

use super::{Hint, Outcome, hints, stack};
use crate::session::{Command, Time};
use crate::strings;
use crate::text;
use crate::tui::app::{App, Mode};
use crate::widgets::{popup, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Quit,
    DeleteRemark(u64),
    ToggleSkip(String),
    SetCurrent(String),
    DiscardEditor,
    /// Drop the task form with its typed text.
    DiscardTaskForm,
    /// Delete a task of the ledger.
    DeleteTask(u64),
    EndMeeting,
    Publish,
    /// Publishing results that lack scores: the sentence saying what is missing. Only `y`
    /// publishes them; `Enter` does not (the answer highlighted is No and stays No).
    PublishIncomplete(String),
    /// Disconnect a note-taker (connection id, name).
    Disconnect(u64, String),
}

impl Confirm {
    /// The answer highlighted first: Yes only for quitting (everything is saved).
    pub fn default_yes(&self) -> bool {
        matches!(self, Confirm::Quit)
    }

    /// True for a question only `y` answers Yes: `Enter` and the arrows cannot.
    pub fn needs_y(&self) -> bool {
        matches!(self, Confirm::PublishIncomplete(_))
    }
}

pub fn key(what: &Confirm, yes: &mut bool, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let answer = match key.code {
        KeyCode::Char('y' | 'Y' | 'ｙ' | 'Ｙ') => true,
        KeyCode::Char('n' | 'N' | 'ｎ' | 'Ｎ') | KeyCode::Esc => false,
        KeyCode::Enter => *yes && !what.needs_y(),
        KeyCode::Left | KeyCode::Right | KeyCode::Tab if what.needs_y() => return Outcome::Stay,
        KeyCode::Left | KeyCode::Right | KeyCode::Tab => {
            *yes = !*yes;
            return Outcome::Stay;
        }
        _ => return Outcome::Stay,
    };
    // Publishing is asked from the results view, which stays under the question (from the
    // menu it is opened after the answer).
    let publishing = matches!(what, Confirm::Publish | Confirm::PublishIncomplete(_));
    let over_results = matches!(app.mode(), Mode::Results { .. });
    let to_results = || match over_results {
        true => Outcome::Close,
        false => Outcome::Replace(Mode::Results { selected: 0 }),
    };
    if !answer {
        return if publishing {
            to_results()
        } else {
            Outcome::Close
        };
    }
    match what {
        // The editor stays open under the quit, so its text is kept as the draft.
        Confirm::Quit => app.quit = true,
        Confirm::DiscardEditor => app.close_editor(),
        Confirm::DiscardTaskForm => app.close_task_form(),
        Confirm::DeleteTask(id) => {
            app.execute(Command::DeleteTask { id: *id }, now);
        }
        Confirm::DeleteRemark(id) => {
            app.execute(Command::DeleteRemark { id: *id }, now);
        }
        Confirm::ToggleSkip(unit) => {
            app.execute(Command::ToggleSkip { unit: unit.clone() }, now);
        }
        Confirm::SetCurrent(unit) => {
            app.execute(Command::SetCurrent { unit: unit.clone() }, now);
        }
        // The end of the meeting shows the results; the line under the screen says where the
        // exports go and what still works.
        Confirm::EndMeeting => {
            // (A meeting that does not score has no results: the live screen stays.)
            if app.execute(Command::EndMeeting, now) && app.scores() {
                return Outcome::Replace(Mode::Results { selected: 0 });
            }
        }
        Confirm::Publish | Confirm::PublishIncomplete(_) => {
            app.execute(Command::Publish, now);
            return to_results();
        }
        Confirm::Disconnect(conn, name) => {
            app.core.disconnect(*conn, name, now);
            return Outcome::Replace(Mode::Connections { selected: 0 });
        }
    }
    Outcome::Close
}

/// The question, in the console's language.
pub fn question(app: &App, what: &Confirm) -> String {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    match what {
        Confirm::Quit => match app.core.ledger.remote() {
            // A note-taker: what waits for the host is not lost, and says where it is.
            Some(r) => match r.waiting().count() {
                0 => strings::console::confirm_quit_sent(lang).to_string(),
                n => strings::console::confirm_quit_waiting(
                    lang,
                    n,
                    &r.outbox.path().display().to_string(),
                ),
            },
            None => s.confirm_quit.to_string(),
        },
        Confirm::Disconnect(_, name) => strings::console::confirm_disconnect(lang, name),
        Confirm::DiscardEditor => s.confirm_discard.to_string(),
        Confirm::DiscardTaskForm => strings::taskview::confirm_discard(lang).to_string(),
        Confirm::DeleteTask(id) => {
            let preview = app
                .session()
                .state()
                .task(*id)
                .map(|t| text::truncate(&text::clean_line(&t.fields.text), 30, amb))
                .unwrap_or_default();
            strings::taskview::confirm_delete(lang, &preview)
        }
        Confirm::EndMeeting => match app.pending_units() {
            pending if pending.is_empty() => s.confirm_end_meeting.to_string(),
            pending => {
                // Items other than unit talks (a speech not given yet…) are not "units".
                let st = app.session().state();
                let units = pending
                    .iter()
                    .all(|p| st.unit(p).is_none_or(|u| u.kind.is_report()));
                strings::console::confirm_end_pending(lang, &pending, units)
            }
        },
        Confirm::DeleteRemark(id) => {
            let preview = app
                .session()
                .state()
                .remark(*id)
                .map(|r| text::truncate(&text::clean_line(&r.text), 30, amb))
                .unwrap_or_default();
            strings::console::confirm_delete_remark(lang, &preview)
        }
        Confirm::ToggleSkip(unit) => {
            let skipped = app.session().state().unit(unit).is_some_and(|u| u.skipped);
            strings::console::confirm_skip(lang, unit, skipped)
        }
        Confirm::SetCurrent(unit) => {
            let report = app
                .session()
                .state()
                .unit(unit)
                .is_none_or(|u| u.kind.is_report());
            strings::console::confirm_set_current(lang, unit, report)
        }
        Confirm::Publish => strings::console::confirm_publish(lang).to_string(),
        Confirm::PublishIncomplete(gaps) => {
            strings::console::confirm_publish_incomplete(lang, gaps)
        }
    }
}

/// The two answers' labels: Yes and No, or what they do when only `y` says Yes.
fn answer_labels(app: &App, what: &Confirm) -> [String; 2] {
    let s = app.lang().s();
    if what.needs_y() {
        let [yes, no] = strings::console::publish_answers(app.lang());
        [format!(" {yes} (y) "), format!(" {no} (n / Esc / Enter) ")]
    } else {
        [format!(" {} (y) ", s.yes), format!(" {} (n) ", s.no)]
    }
}

pub fn key_hints(app: &App, what: &Confirm) -> Vec<Hint> {
    let s = app.lang().s();
    if what.needs_y() {
        let [yes, no] = strings::console::publish_answers(app.lang());
        return hints(&[("y", yes, 0), ("n", no, 0), ("Esc", no, 1)]);
    }
    hints(&[
        ("y", s.key_yes, 0),
        ("n", s.key_no, 0),
        ("←→", s.key_select, 1),
        ("Enter", s.key_pick, 1),
    ])
}

/// The question in the middle of `area`, the answer `yes` highlighted.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, what: &Confirm, yes: bool) {
    let amb = app.opts.ambiguous;
    let question = question(app, what);
    // A long question (the units not presented yet) wraps in a popup of at most 72 columns.
    let width = (text::width(&question, amb) as u16 + 6).clamp(30, area.width.min(72));
    let lines = text::wrap(&question, width.saturating_sub(4) as usize, amb);
    let inner = popup(buf, area, width, lines.len() as u16 + 4, "", amb);
    // One blank column on the left; the question, a blank row, the answers.
    let [_, body] = inner.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let [asked, _, answers] = stack(body, [lines.len() as u16, 1, 1]);
    for (row, line) in asked.rows().zip(&lines) {
        put(buf, row.x, row.y, row.width, line, theme::title(), amb);
    }
    if answers.height == 0 {
        return;
    }
    let [yes_label, no_label] = answer_labels(app, what);
    let style = |on: bool| {
        if on {
            theme::selected(true)
        } else {
            Style::default()
        }
    };
    // The two answers side by side, two columns apart.
    let [yes_at, _, no_at] = answers.layout(&Layout::horizontal([
        Constraint::Length(text::width(&yes_label, amb) as u16),
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    for (at, label, on) in [(yes_at, &yes_label, yes), (no_at, &no_label, !yes)] {
        put(buf, at.x, at.y, at.width, label, style(on), amb);
    }
}
