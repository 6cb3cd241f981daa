//! `podium scores SESSION FILE`: adds typed-up score sheets to a session — every row checked
//! first, nothing written unless all are valid. Refused while a console holds the session.
//! Given a plan, the scores go to its most recent session (docs/SESSIONS.md), or to its first
//! session, made here, when no console ever ran it (paper sheets of a meeting podium did not
//! run).

use super::CmdResult;
use crate::import;
use crate::store::{ExecError, StoreError, Writer};
use crate::strings::{self, Choice, cli};
use std::path::Path;

/// `group`: the ballot group of the whole file (`--group`), for a tally or a questionnaire.
pub fn run(path: &Path, file: &Path, group: Option<&str>, choice: Choice) -> CmdResult {
    let now = super::now();
    let Some(target) = super::sessions::import_target(path, "scores", choice)? else {
        return first_session(path, file, group, choice, now);
    };
    let (session_path, current, lang) = (target.path.as_path(), target.current, target.lang);
    let table = import::read_table_in(file, lang)?;
    // Every row is checked against the session as it is before it is opened for writing:
    // opening may rewrite the file (an older version's session is brought up to this
    // version), and a sheet that is refused leaves the file exactly as it was. (Checked again
    // once it is open, in case a console changed it meanwhile.)
    if let Ok(current) = &current {
        let plan =
            import::scores(&table, current, lang, group).map_err(|errors| errors.join("\n"))?;
        if plan.changes() {
            current
                .decide(&plan.command(), now)
                .map_err(|r| strings::refusal(lang, &r))?;
        }
    }
    let (writer, _) = Writer::open(session_path, now).map_err(|e| match e {
        StoreError::Locked { name, pid } => {
            cli::scores_locked(lang, &cli::session_locked(lang, &name, &pid))
        }
        other => other.to_string(),
    })?;
    import_into(writer, session_path, &table, group, choice, now)
}

/// A plan that has no session yet: the scores are checked against the plan first, and only
/// when every row is valid is its first session (`PLAN.session.json`) made to take them.
fn first_session(
    plan_path: &Path,
    file: &Path,
    group: Option<&str>,
    choice: Choice,
    now: crate::session::Time,
) -> CmdResult {
    let loaded = super::load_plan(plan_path, choice.first())?;
    let lang = choice.plan(&loaded.plan);
    let table = &import::read_table_in(file, lang)?;
    for w in &loaded.warnings {
        eprintln!("podium: {w}");
    }
    let empty = crate::session::Session::new(loaded.plan.clone());
    import::scores(table, &empty, lang, group).map_err(|errors| errors.join("\n"))?;
    let session_path = crate::sessions::first_session(plan_path);
    let writer = Writer::create(&session_path, loaded.plan, now).map_err(|e| e.to_string())?;
    let name = super::sessions::file_name(&session_path);
    eprintln!("podium: {}", cli::scores_new_session(lang, &name));
    import_into(writer, &session_path, table, group, choice, now)
}

/// Checks every row against the session `writer` holds and adds them all, or none.
fn import_into(
    mut writer: Writer,
    session_path: &Path,
    table: &import::Table,
    group: Option<&str>,
    choice: Choice,
    now: crate::session::Time,
) -> CmdResult {
    let lang = choice.session(writer.session());
    let plan = match import::scores(table, writer.session(), lang, group) {
        Ok(plan) => plan,
        Err(errors) => {
            // Nothing is written: the session file stays as it was (and no lock file is left).
            let _ = writer.release(now);
            return Err(errors.join("\n"));
        }
    };
    let rows = plan.scores.len() + plan.grades.len() + plan.ballots.len();
    let grades = !plan.grades.is_empty();
    if plan.changes() {
        match writer.execute(&plan.command(), now) {
            Ok(_) => {}
            Err(ExecError::Refused(r)) => {
                let _ = writer.release(now);
                return Err(strings::refusal(lang, &r));
            }
            Err(ExecError::Store(e)) => {
                return Err(cli::scores_not_saved(lang, rows, grades, &e.to_string()));
            }
        }
    }
    // Held only in memory (the journal could not take them): nothing of the import is on disk.
    if writer.unsaved() > 0 {
        let e = writer.save_error().unwrap_or_default().to_string();
        return Err(cli::scores_not_saved(lang, rows, grades, &e));
    }
    // Ballots (a questionnaire's respondents): how many each group gained, and their serials.
    let summary = if plan.ballots.is_empty() {
        plan.summary(table, lang)
    } else {
        import::questionnaire::summary(&plan, table, writer.session(), lang)
    };
    let closed = if plan.changes() {
        writer.close(now)
    } else {
        writer.release(now)
    };
    println!("{summary}");
    // The journal holds the import (every reader sees it); only the session file is behind,
    // and the next open brings it up to date: the import worked, with a warning (exit 0).
    if let Err(e) = closed {
        let journal = crate::store::Paths::of(session_path).journal;
        let name = crate::text::file_name;
        eprintln!(
            "podium: {}",
            cli::scores_journal_only(lang, rows, grades, &name(&journal), &e.to_string())
        );
    }
    Ok(())
}
