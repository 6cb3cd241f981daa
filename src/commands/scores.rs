//! `podium scores SESSION FILE`: adds typed-up score sheets to a session — every row checked
//! first, nothing written unless all are valid. Refused while a console holds the session.

use super::CmdResult;
use crate::import;
use crate::store::{ExecError, StoreError, Writer};
use crate::strings::{self, Lang};
use std::path::Path;

pub fn run(session_path: &Path, file: &Path, lang: Option<&str>) -> CmdResult {
    let lang = Lang::detect(lang);
    let table = import::read_table(file)?;
    let now = super::now();
    let (mut writer, _) = Writer::open(session_path, now).map_err(|e| match e {
        StoreError::Locked { .. } => match lang {
            Lang::Zh => format!("{e}；请在那个控制台里按 Ctrl+O 导入评分"),
            Lang::En => format!("{e}; import the scores there with Ctrl+O"),
        },
        other => other.to_string(),
    })?;
    let plan = match import::scores(&table, writer.session(), lang) {
        Ok(plan) => plan,
        Err(errors) => {
            // Nothing is written: the session file stays as it was (the lock file stays, unlocked).
            let _ = writer.release(now);
            return Err(errors.join("\n"));
        }
    };
    if plan.changes() {
        match writer.execute(&plan.command(), now) {
            Ok(_) => {}
            Err(ExecError::Refused(r)) => {
                let _ = writer.release(now);
                return Err(strings::refusal(lang, &r));
            }
            Err(ExecError::Store(e)) => return Err(e.to_string()),
        }
    }
    if let Some(e) = writer.save_error() {
        return Err(e.to_string());
    }
    if plan.changes() {
        writer.close(now).map_err(|e| e.to_string())?;
    } else {
        writer.release(now).map_err(|e| e.to_string())?;
    }
    println!("{}", plan.summary(&table, lang));
    Ok(())
}
