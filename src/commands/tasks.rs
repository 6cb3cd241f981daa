//! `podium tasks SESSION|PLAN FILE`: adds or updates a task list (责任分解表) in a session's
//! task ledger — every row checked first, nothing written unless all are valid. Refused while
//! a console holds the session. Given a plan, the list goes to its most recent session
//! (docs/SESSIONS.md), or to its first session, made here, when no console ever ran it.
//! Importing the list again updates the tasks matched by list + 序号 and says what changed;
//! a list the ledger already matches writes nothing.

use super::CmdResult;
use crate::import::{self, tasks::TaskImport};
use crate::session::{Refusal, Session, Time};
use crate::store::{ExecError, StoreError, Writer};
use crate::strings::{self, Choice, Lang, cli, taskimport as s};
use std::path::Path;

pub fn run(path: &Path, file: &Path, choice: Choice) -> CmdResult {
    let now = super::now();
    let Some(target) = super::sessions::import_target(path, "tasks", choice)? else {
        return first_session(path, file, choice, now);
    };
    let (session_path, current, lang) = (target.path.as_path(), target.current, target.lang);
    let table = import::read_table_in(file, lang)?;
    // Every row is checked against the session as it is before it is opened for writing:
    // opening may rewrite the file (an older version's session is brought up to this
    // version), and a list that is refused, or that changes nothing, leaves the file exactly
    // as it was. (Checked again once it is open, in case a console changed it meanwhile.)
    if let Ok(current) = &current {
        let read = read_rows(&table, current, now, lang)?;
        if decide(&read, current, now, lang)?.is_none() {
            println!("{}", read.summary(&table, current, &[], lang));
            return Ok(());
        }
    }
    let (writer, _) = Writer::open(session_path, now).map_err(|e| match e {
        StoreError::Locked { name, pid } => {
            s::locked(lang, &cli::session_locked(lang, &name, &pid))
        }
        StoreError::NewerVersion { version, .. } => {
            s::newer_session(lang, &super::sessions::file_name(session_path), version)
        }
        other => other.to_string(),
    })?;
    import_into(writer, session_path, &table, choice, now)
}

/// The rows of `table`, checked, their deadlines read against the meeting's date; warnings
/// said on the standard error.
fn read_rows(
    table: &import::Table,
    session: &Session,
    now: Time,
    lang: Lang,
) -> Result<TaskImport, String> {
    let read = import::tasks::read(table, session.meeting_date(now), lang)
        .map_err(|errors| errors.join("\n"))?;
    for w in &read.warnings {
        eprintln!("podium: {w}");
    }
    Ok(read)
}

/// The events the import comes to on `session`: `None` when it changes nothing.
fn decide(
    read: &TaskImport,
    session: &Session,
    now: Time,
    lang: Lang,
) -> Result<Option<Vec<crate::session::Event>>, String> {
    match session.decide(&read.command(), now) {
        Ok(events) => Ok(Some(events)),
        Err(Refusal::NothingChanged) => Ok(None),
        Err(r) => Err(strings::refusal(lang, &r)),
    }
}

/// A plan that has no session yet: the list is checked against the plan first, and only when
/// every row is valid is its first session (`PLAN.session.json`) made to take it.
fn first_session(plan_path: &Path, file: &Path, choice: Choice, now: Time) -> CmdResult {
    let loaded = super::load_plan(plan_path, choice.first())?;
    let lang = choice.plan(&loaded.plan);
    let table = &import::read_table_in(file, lang)?;
    for w in &loaded.warnings {
        eprintln!("podium: {w}");
    }
    let session_path = crate::sessions::first_session(plan_path);
    // The meeting before (the plan's `previous`), read only: the new session's first event
    // carries its unfinished tasks, and the list's rows are checked against them too (a row
    // of the same list and 序号 updates the carried task).
    let link = super::previous::find(
        Some(&session_path),
        Some(plan_path),
        &loaded.plan,
        None,
        lang,
        now,
    )?;
    let mut empty = Session::new(loaded.plan.clone());
    if let Some(link) = &link {
        let command = crate::session::Command::LinkPrevious {
            previous: Box::new(link.previous.clone()),
            tasks: link.tasks.clone(),
            results: link.results.clone().map(Box::new),
        };
        let events = empty
            .decide(&command, now)
            .map_err(|r| strings::refusal(lang, &r))?;
        empty.commit(events);
    }
    let read = read_rows(table, &empty, now, lang)?;
    decide(&read, &empty, now, lang)?;
    let mut writer = match Writer::create(&session_path, loaded.plan, now) {
        Ok(writer) => writer,
        // Another `podium tasks` (or a console) made the session meanwhile: the list goes
        // into it as into any session, once that one is done with it.
        Err(StoreError::Exists { .. }) => return run(plan_path, file, choice),
        Err(StoreError::Locked { name, pid }) => {
            return Err(s::locked(lang, &cli::session_locked(lang, &name, &pid)));
        }
        Err(e) => return Err(e.to_string()),
    };
    let name = super::sessions::file_name(&session_path);
    eprintln!("podium: {}", s::new_session(lang, &name));
    if let Some(link) = link {
        match super::previous::link(&mut writer, link, lang, now) {
            Ok(notice) => eprintln!("podium: {notice}"),
            Err(e) => {
                let _ = writer.release(now);
                return Err(e);
            }
        }
    }
    import_into(writer, &session_path, table, choice, now)
}

/// Checks every row against the session `writer` holds and imports them all, or none.
fn import_into(
    mut writer: Writer,
    session_path: &Path,
    table: &import::Table,
    choice: Choice,
    now: Time,
) -> CmdResult {
    let lang = choice.session(writer.session());
    let day = writer.session().meeting_date(now);
    let read = match import::tasks::read(table, day, lang) {
        Ok(read) => read,
        Err(errors) => {
            // Nothing is written: the session file stays as it was (and no lock file is left).
            let _ = writer.release(now);
            return Err(errors.join("\n"));
        }
    };
    let rows = read.tasks.len();
    let before = writer.session().clone();
    let events = match writer.execute(&read.command(), now) {
        Ok(events) => events,
        Err(ExecError::Refused(Refusal::NothingChanged)) => Vec::new(),
        Err(ExecError::Refused(r)) => {
            let _ = writer.release(now);
            return Err(strings::refusal(lang, &r));
        }
        Err(ExecError::Store(e)) => return Err(s::not_saved(lang, rows, &e.to_string())),
    };
    // Held only in memory (the journal could not take them): nothing of the import is on disk.
    if writer.unsaved() > 0 {
        let e = writer.save_error().unwrap_or_default().to_string();
        return Err(s::not_saved(lang, rows, &e));
    }
    let closed = if events.is_empty() {
        writer.release(now)
    } else {
        writer.close(now)
    };
    println!("{}", read.summary(table, &before, &events, lang));
    // The journal holds the import (every reader sees it); only the session file is behind,
    // and the next open brings it up to date: the import worked, with a warning (exit 0).
    if let Err(e) = closed {
        let journal = crate::store::Paths::of(session_path).journal;
        let name = crate::text::file_name(&journal);
        eprintln!("podium: {}", s::journal_only(lang, &name, &e.to_string()));
    }
    Ok(())
}
