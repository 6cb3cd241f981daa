//! `podium scores SESSION FILE`: adds typed-up score sheets to a session — every row checked
//! first, nothing written unless all are valid. Refused while a console holds the session.

use super::CmdResult;
use crate::import;
use crate::store::{ExecError, StoreError, Writer};
use crate::strings::{self, Lang, cli};
use std::path::Path;

pub fn run(session_path: &Path, file: &Path, lang: Lang) -> CmdResult {
    let table = import::read_table(file)?;
    let now = super::now();
    let (mut writer, _) = Writer::open(session_path, now).map_err(|e| match e {
        StoreError::Locked { .. } => cli::scores_locked(lang, &e.to_string()),
        other => other.to_string(),
    })?;
    let plan = match import::scores(&table, writer.session(), lang) {
        Ok(plan) => plan,
        Err(errors) => {
            // Nothing is written: the session file stays as it was (and no lock file is left).
            let _ = writer.release(now);
            return Err(errors.join("\n"));
        }
    };
    let rows = plan.scores.len() + plan.grades.len();
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
    let closed = if plan.changes() {
        writer.close(now)
    } else {
        writer.release(now)
    };
    println!("{}", plan.summary(&table, lang));
    // The journal holds the import (every reader sees it); only the session file is behind,
    // and the next open brings it up to date: the import worked, with a warning (exit 0).
    if let Err(e) = closed {
        let journal = crate::store::Paths::of(session_path).journal;
        let name = |p: &Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        eprintln!(
            "podium: {}",
            cli::scores_journal_only(lang, rows, grades, &name(&journal), &e.to_string())
        );
    }
    Ok(())
}
