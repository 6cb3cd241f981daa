//! The ballots view (`Ctrl+B`, host only): whether voting is open, in big letters; per ballot
//! group how many ballots were issued, cast, voided and not yet cast, and the total line
//! (已收 45 / 62（领导 10/12 · …）); the ballots by serial with their state and the time of
//! their last cast, scrollable. Its keys open and close voting (closing asks first), void the
//! selected ballot (asked first, naming the serial), and issue more ballots for a group: the
//! new slips are written beside the session to a file of their own, which the notice names.
//!
//! It reads the session's state on every draw, so ballots cast meanwhile show at once. No
//! code is ever on screen: the codes only exist in memory between drawing them and writing
//! the slips.

use super::{Hint, Outcome};
use crate::console::Level;
use crate::report::slips::{self, Slip, Slips};
use crate::session::ballots::Ballot;
use crate::session::{Command, Time};
use crate::strings::ballotview as say;
use crate::text;
use crate::tui::app::App;
use crate::widgets::table::{Column, Row, Table};
use crate::widgets::{popup, put, put_in, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use std::path::{Path, PathBuf};

/// A question asked inside the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Close voting.
    Close,
    /// Void the ballot with this serial.
    Void(String),
}

/// What is open over the list.
#[derive(Debug, Clone, PartialEq)]
pub enum Sub {
    /// A yes/no question; `yes` is the answer highlighted.
    Confirm { ask: Ask, yes: bool },
    /// Issuing more: the group (its place among the plan's ballot groups) and the count typed.
    Issue {
        group: usize,
        count: String,
        problem: Option<String>,
    },
}

#[derive(Debug, Clone, Default)]
pub struct BallotView {
    /// The selected ballot, in issue order.
    pub selected: usize,
    pub sub: Option<Sub>,
}

/// The plan's ballot groups' names, in plan order.
pub fn groups(app: &App) -> Vec<String> {
    app.session().ballot_groups()
}

/// The total line: cast of not voided, of issued − voided, overall and per group.
pub fn total_line(app: &App) -> String {
    let ballots = &app.session().state().ballots;
    let names = groups(app);
    let per: Vec<say::GroupCount> = names
        .iter()
        .map(|g| {
            let c = ballots.counts(Some(g));
            say::GroupCount {
                name: g,
                cast: c.cast,
                valid: c.issued - c.voided,
            }
        })
        .collect();
    let all = ballots.counts(None);
    say::total(app.lang(), all.cast, all.issued - all.voided, &per)
}

fn selected_ballot<'a>(app: &'a App, view: &BallotView) -> Option<&'a Ballot> {
    let issued = &app.session().state().ballots.issued;
    issued.get(view.selected.min(issued.len().saturating_sub(1)))
}

pub fn key(view: &mut BallotView, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    if view.sub.is_some() {
        sub_key(view, key, app, now);
        return Outcome::Stay;
    }
    let lang = app.lang();
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let n = app.session().state().ballots.issued.len();
    let last = n.saturating_sub(1);
    match key.code {
        KeyCode::Esc => return Outcome::Close,
        KeyCode::Char('q' | 'Q') if !ctrl => return Outcome::Close,
        KeyCode::Char('b' | 'B') if ctrl => return Outcome::Close,
        KeyCode::Up => view.selected = view.selected.saturating_sub(1),
        KeyCode::Down => view.selected = (view.selected + 1).min(last),
        KeyCode::PageUp => view.selected = view.selected.saturating_sub(10),
        KeyCode::PageDown => view.selected = (view.selected + 10).min(last),
        KeyCode::Home => view.selected = 0,
        KeyCode::End => view.selected = last,
        KeyCode::Char('o' | 'O') if !ctrl => {
            if app.session().state().ballots.open {
                app.notify(say::already(lang, true).into(), Level::Info, now);
            } else if app.execute(Command::OpenVoting, now) {
                app.notify(say::opened(lang).into(), Level::Info, now);
            }
        }
        KeyCode::Char('c' | 'C') if !ctrl => {
            if app.session().state().ballots.open {
                view.sub = Some(Sub::Confirm {
                    ask: Ask::Close,
                    yes: false,
                });
            } else {
                app.notify(say::already(lang, false).into(), Level::Info, now);
            }
        }
        KeyCode::Delete | KeyCode::Char('x' | 'X') if !ctrl => match selected_ballot(app, view) {
            None => app.notify(say::no_ballot(lang).into(), Level::Warn, now),
            Some(b) if b.voided => {
                let text = say::already_voided(lang, &b.serial);
                app.notify(text, Level::Warn, now);
            }
            Some(b) => {
                view.sub = Some(Sub::Confirm {
                    ask: Ask::Void(b.serial.clone()),
                    yes: false,
                });
            }
        },
        KeyCode::Char('i' | 'I' | '+') if !ctrl => {
            // The group of the selected ballot, else the first.
            let names = groups(app);
            let group = selected_ballot(app, view)
                .and_then(|b| names.iter().position(|g| *g == b.group))
                .unwrap_or(0);
            view.sub = Some(Sub::Issue {
                group,
                count: String::new(),
                problem: None,
            });
        }
        _ => {}
    }
    Outcome::Stay
}

fn sub_key(view: &mut BallotView, key: &KeyEvent, app: &mut App, now: Time) {
    let lang = app.lang();
    let Some(sub) = view.sub.as_mut() else {
        return;
    };
    if key.code == KeyCode::Esc {
        view.sub = None;
        return;
    }
    match sub {
        Sub::Confirm { ask, yes } => {
            let answer = match key.code {
                KeyCode::Char('y' | 'Y' | 'ｙ' | 'Ｙ') => true,
                KeyCode::Char('n' | 'N' | 'ｎ' | 'Ｎ') => false,
                KeyCode::Enter => *yes,
                KeyCode::Left | KeyCode::Right | KeyCode::Tab => {
                    *yes = !*yes;
                    return;
                }
                _ => return,
            };
            let ask = ask.clone();
            view.sub = None;
            if !answer {
                return;
            }
            match ask {
                Ask::Close => {
                    if app.execute(Command::CloseVoting, now) {
                        app.notify(say::closed(lang).into(), Level::Info, now);
                    }
                }
                Ask::Void(serial) => {
                    let command = Command::VoidBallot {
                        serial: serial.clone(),
                    };
                    if app.execute(command, now) {
                        app.notify(say::voided(lang, &serial), Level::Info, now);
                    }
                }
            }
        }
        Sub::Issue {
            group,
            count,
            problem,
        } => {
            let n_groups = groups(app).len().max(1);
            match key.code {
                KeyCode::Left | KeyCode::PageUp | KeyCode::BackTab | KeyCode::Up => {
                    *group = (*group + n_groups - 1) % n_groups;
                }
                KeyCode::Right | KeyCode::PageDown | KeyCode::Tab | KeyCode::Down => {
                    *group = (*group + 1) % n_groups;
                }
                KeyCode::Backspace => {
                    count.pop();
                    *problem = None;
                }
                KeyCode::Char(c) if c.is_ascii_digit() || ('０'..='９').contains(&c) => {
                    if count.chars().count() < 6 {
                        count.push(crate::text::ascii_digit(c));
                    }
                    *problem = None;
                }
                KeyCode::Enter => {
                    let typed = count.trim().to_string();
                    match typed.parse::<usize>() {
                        Ok(n) if (1..=9999).contains(&n) => {
                            let name = groups(app).get(*group).cloned().unwrap_or_default();
                            view.sub = None;
                            issue(app, &name, n, now);
                        }
                        _ => *problem = Some(say::bad_count(lang, &typed)),
                    }
                }
                _ => {}
            }
        }
    }
}

/// The session's stem (`meeting` for `meeting.session.json`) and its folder.
fn session_place(app: &App) -> (PathBuf, String) {
    let path = &app.core.ledger.paths().session;
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    (dir, crate::report::export::session_stem(path))
}

/// `name` with the characters a file name cannot hold (on any system) made `_`.
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}

/// A file name in `dir` that no file has: `name.docx`, else `name (2).docx`, ….
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(format!("{name}.docx"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|i| dir.join(format!("{name} ({i}).docx")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Issues `n` more ballots of `group`: the codes are drawn, their slips written to a temporary
/// file beside the session, the ballots issued (durable), then the file takes its name. A
/// failure before issuing issues nothing; after, the notice says to void the new ballots.
pub fn issue(app: &mut App, group: &str, n: usize, now: Time) {
    let lang = app.lang();
    let (salt, codes) = match crate::commands::ballots::draw(n) {
        Ok(drawn) => drawn,
        Err(e) => return app.notify(say::draw_failed(lang, &e), Level::Error, now),
    };
    // The serials the session will give (a taken one skipped), printed on the slips.
    let serials = app.session().state().ballots.next_serials(group, n);
    // The address being served (`--serve`, `--ballots-port`), else where it would be.
    let base = app
        .core
        .ballots
        .as_ref()
        .map_or_else(crate::commands::ballots::default_url, |b| b.url.clone());
    let plan = app.session().plan();
    let doc = Slips {
        title: plan.title.clone(),
        date: plan
            .meeting_date()
            .map(|d| crate::strings::print::date(lang, d)),
        slips: serials
            .iter()
            .zip(&codes)
            .map(|(s, code)| Slip {
                group: group.to_string(),
                serial: s.clone(),
                code: code.clone(),
                link: slips::link(&base, code),
            })
            .collect(),
        wifi: None,
        lang,
    };
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| crate::session::ballots::hash(&salt, c))
        .collect();
    drop(codes);
    let bytes = match slips::docx(&doc) {
        Ok(b) => b,
        Err(e) => return app.notify(say::slips_failed(lang, &e), Level::Error, now),
    };
    drop(doc);
    let (dir, stem) = session_place(app);
    let (first, last) = (serials[0].clone(), serials[serials.len() - 1].clone());
    let number = |s: &str| s.rsplit('-').next().unwrap_or_default().to_string();
    let name = say::file_name(&stem, group, &number(&first), &number(&last));
    let name = file_safe(&name);
    let target = free_name(&dir, &name);
    // Created new and flushed: never over another file.
    let temp = match crate::commands::ballots::write_temp(&target, &bytes, lang) {
        Ok(t) => t,
        Err(why) => return app.notify(say::slips_failed(lang, &why), Level::Error, now),
    };
    let command = Command::IssueBallots {
        group: group.to_string(),
        salt,
        hashes,
    };
    if !app.execute(command, now) {
        // Refused: the refusal is on screen; the slips go.
        let _ = std::fs::remove_file(&temp);
        return;
    }
    // Issued, but only in memory while saving fails: the slips wait in their temporary file.
    if app
        .core
        .ledger
        .writer()
        .is_none_or(|w| w.unsaved() > 0 || w.save_error().is_some())
    {
        let temp = temp.display().to_string();
        return app.notify(
            say::not_saved(lang, &first, &last, &temp),
            Level::Error,
            now,
        );
    }
    match crate::commands::ballots::place(&temp, &target) {
        Ok(()) => {
            let file = target
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            app.notify(say::issued(lang, n, group, &file), Level::Info, now);
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            let why = format!("{}: {e}", target.display());
            app.notify(
                say::slips_lost(lang, &first, &last, &why),
                Level::Error,
                now,
            );
        }
    }
}

pub fn key_hints(app: &App, view: &BallotView) -> Vec<Hint> {
    let lang = app.lang();
    let s = lang.s();
    let h = |k: &str, l: &'static str, p: u8| (k.to_string(), l, p);
    match &view.sub {
        Some(Sub::Confirm { .. }) => {
            return vec![
                h("y", s.key_yes, 0),
                h("n", s.key_no, 0),
                h("←→", s.key_select, 1),
                h("Enter", s.key_pick, 1),
            ];
        }
        Some(Sub::Issue { .. }) => {
            return vec![
                h("0-9", say::issue_labels(lang)[1], 0),
                h("←→", say::key_group(lang), 0),
                h("Enter", say::key_issue(lang), 0),
                h("Esc", s.key_cancel, 0),
            ];
        }
        None => {}
    }
    let open = app.session().state().ballots.open;
    let mut out = vec![h("↑↓", s.key_select, 3)];
    if open {
        out.push(h("c", say::key_close(lang), 0));
    } else {
        out.push(h("o", say::key_open(lang), 0));
    }
    out.extend([
        h("i", say::key_issue(lang), 1),
        h("x/Del", say::key_void(lang), 1),
        h("Esc", say::key_back(lang), 0),
    ]);
    out
}

/// The view over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, view: &BallotView) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let st = app.session().state();
    let ballots = &st.ballots;
    let inner = popup(buf, area, area.width, area.height, say::title(lang), amb);
    if inner.height < 4 || inner.width < 20 {
        return None;
    }
    let line = |y: u16| Rect::new(inner.x + 1, y, inner.width.saturating_sub(2), 1);
    let (word, style) = match ballots.open {
        true => (
            say::voting(lang, true),
            theme::title().fg(theme::phase_color(crate::timer::Phase::Normal)),
        ),
        false => (say::voting(lang, false), theme::warn()),
    };
    put_in(
        buf,
        line(inner.y),
        word,
        style.add_modifier(ratatui::style::Modifier::BOLD),
        amb,
    );
    put_in(
        buf,
        line(inner.y + 1),
        &total_line(app),
        theme::title(),
        amb,
    );
    // The groups' table.
    let names = groups(app);
    let cols = say::group_columns(lang);
    let w = |t: &str| text::width(t, amb) as u16;
    let name_w = names
        .iter()
        .map(|n| w(n))
        .chain([w(cols[0])])
        .max()
        .unwrap_or(6)
        .min(16);
    let mut columns = vec![Column::fixed(cols[0], name_w)];
    for c in &cols[1..] {
        columns.push(Column::fixed(*c, w(c).max(6)));
    }
    let rows: Vec<Row> = names
        .iter()
        .map(|g| {
            let c = ballots.counts(Some(g));
            let not_cast = c.issued - c.voided - c.cast;
            Row::new(vec![
                g.clone(),
                c.issued.to_string(),
                c.cast.to_string(),
                c.voided.to_string(),
                not_cast.to_string(),
            ])
        })
        .collect();
    let table_h = (rows.len() as u16 + 1).min(inner.height.saturating_sub(3));
    let top = inner.y + 3;
    Table::new(columns, amb)
        .rows(rows)
        .header_style(Some(theme::title()))
        .lead(1)
        .draw(buf, Rect::new(inner.x, top, inner.width, table_h));
    // The ballots' list below.
    let list_y = top + table_h + 1;
    if list_y < inner.bottom() {
        let body = Rect::new(inner.x, list_y, inner.width, inner.bottom() - list_y);
        if app.private {
            put(
                buf,
                body.x + 1,
                body.y,
                body.width,
                lang.s().hidden,
                theme::warn(),
                amb,
            );
        } else if ballots.issued.is_empty() {
            let text = say::none_issued(lang, "i");
            put_in(buf, line(body.y), &text, theme::dim(), amb);
        } else {
            draw_list(buf, body, app, view);
        }
    }
    let sub = view.sub.as_ref()?;
    draw_sub(buf, area, app, sub)
}

fn draw_list(buf: &mut Buffer, body: Rect, app: &App, view: &BallotView) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let issued = &app.session().state().ballots.issued;
    let cols = say::ballot_columns(lang);
    let w = |t: &str| text::width(t, amb) as u16;
    let room = body.height.saturating_sub(1) as usize;
    let selected = view.selected.min(issued.len() - 1);
    let first = if room > 0 && selected >= room {
        selected + 1 - room
    } else {
        0
    };
    let shown: Vec<&Ballot> = issued.iter().skip(first).take(room).collect();
    let serial_w = shown
        .iter()
        .map(|b| w(&b.serial))
        .chain([w(cols[0])])
        .max()
        .unwrap_or(8)
        .min(24);
    let group_w = shown
        .iter()
        .map(|b| w(&b.group))
        .chain([w(cols[1])])
        .max()
        .unwrap_or(6)
        .min(16);
    let state_w = [true, false]
        .iter()
        .flat_map(|v| [say::state(lang, *v, true), say::state(lang, *v, false)])
        .map(w)
        .chain([w(cols[2])])
        .max()
        .unwrap_or(8);
    let columns = vec![
        Column::fixed(cols[0], serial_w),
        Column::fixed(cols[1], group_w).priority(2),
        Column::fixed(cols[2], state_w),
        Column::fixed(cols[3], w(cols[3]).max(8)).priority(1),
    ];
    let rows: Vec<Row> = shown
        .iter()
        .map(|b| {
            let at = b
                .cast
                .as_ref()
                .and_then(|c| c.at)
                .map(|t| t.format("%H:%M:%S").to_string())
                .unwrap_or_default();
            let style = if b.voided {
                theme::dim()
            } else if b.cast.is_some() {
                ratatui::style::Style::default()
            } else {
                theme::info()
            };
            Row::new(vec![
                b.serial.clone(),
                b.group.clone(),
                say::state(lang, b.voided, b.cast.is_some()).to_string(),
                at,
            ])
            .style(style)
        })
        .collect();
    Table::new(columns, amb)
        .rows(rows)
        .selected(Some(selected - first), theme::selected(true))
        .header_style(Some(theme::title()))
        .lead(1)
        .draw(buf, body);
}

fn draw_sub(buf: &mut Buffer, area: Rect, app: &App, sub: &Sub) -> Option<Position> {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    match sub {
        Sub::Confirm { ask, yes } => {
            let question = match ask {
                Ask::Close => {
                    let c = app.session().state().ballots.counts(None);
                    say::confirm_close(lang, c.issued - c.voided - c.cast)
                }
                Ask::Void(serial) => {
                    let cast = app
                        .session()
                        .state()
                        .ballots
                        .get(serial)
                        .is_some_and(|b| b.cast.is_some());
                    say::confirm_void(lang, serial, cast)
                }
            };
            let width = (text::width(&question, amb) as u16 + 6).clamp(30, area.width.min(72));
            let lines = text::wrap(&question, width.saturating_sub(4) as usize, amb);
            let inner = popup(buf, area, width, lines.len() as u16 + 4, "", amb);
            for (i, l) in lines.iter().enumerate() {
                let y = inner.y + i as u16;
                if y < inner.bottom() {
                    put(
                        buf,
                        inner.x + 1,
                        y,
                        inner.width.saturating_sub(2),
                        l,
                        theme::title(),
                        amb,
                    );
                }
            }
            let y = inner.y + lines.len() as u16 + 1;
            if y < inner.bottom() {
                let [yes_l, no_l] = say::yes_no(lang);
                let style = |on: bool| match on {
                    true => theme::selected(true),
                    false => ratatui::style::Style::default(),
                };
                let x = inner.x + 1;
                let used = put(
                    buf,
                    x,
                    y,
                    inner.width.saturating_sub(2),
                    &format!(" {yes_l} "),
                    style(*yes),
                    amb,
                );
                let x2 = x + used + 2;
                put(
                    buf,
                    x2,
                    y,
                    inner.right().saturating_sub(x2),
                    &format!(" {no_l} "),
                    style(!*yes),
                    amb,
                );
            }
            None
        }
        Sub::Issue {
            group,
            count,
            problem,
        } => {
            let names = groups(app);
            let labels = say::issue_labels(lang);
            let inner = popup(
                buf,
                area,
                56.min(area.width),
                6,
                say::issue_title(lang),
                amb,
            );
            if inner.height < 2 {
                return None;
            }
            let lw = labels
                .iter()
                .map(|l| text::width(l, amb))
                .max()
                .unwrap_or(4) as u16
                + 2;
            let x = inner.x + 1;
            let name = names.get(*group).map(String::as_str).unwrap_or("");
            put(buf, x, inner.y, lw, labels[0], theme::title(), amb);
            put(
                buf,
                x + lw,
                inner.y,
                inner.width.saturating_sub(lw + 2),
                &format!("◀ {name} ▶"),
                theme::selected(false),
                amb,
            );
            put(buf, x, inner.y + 1, lw, labels[1], theme::title(), amb);
            let typed_w = put(
                buf,
                x + lw,
                inner.y + 1,
                inner.width.saturating_sub(lw + 2),
                count,
                ratatui::style::Style::default(),
                amb,
            );
            if let Some(p) = problem {
                for (i, l) in text::wrap(p, inner.width.saturating_sub(2) as usize, amb)
                    .iter()
                    .take(2)
                    .enumerate()
                {
                    put(
                        buf,
                        x,
                        inner.y + 2 + i as u16,
                        inner.width.saturating_sub(2),
                        l,
                        theme::warn(),
                        amb,
                    );
                }
            }
            Some(Position::new(x + lw + typed_w, inner.y + 1))
        }
    }
}
