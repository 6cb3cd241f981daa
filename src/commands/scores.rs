//! `podium scores SESSION FILE`: adds typed-up score sheets to a session — every row checked
//! first, nothing written unless all are valid. Refused while a console holds the session.

use super::CmdResult;
use crate::import;
use crate::session::Command;
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
            // Nothing is written: the session file stays as it was, and no lock is left.
            let _ = writer.release(now);
            return Err(errors.join("\n"));
        }
    };
    let command = if plan.grades.is_empty() {
        Command::SetScores {
            entries: plan.scores.clone(),
        }
    } else {
        Command::AddGrades {
            entries: plan.grades.clone(),
        }
    };
    if plan.new + plan.changed > 0 {
        match writer.execute(&command, now) {
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
    if plan.new + plan.changed > 0 {
        writer.close(now).map_err(|e| e.to_string())?;
    } else {
        writer.release(now).map_err(|e| e.to_string())?;
    }
    println!("{}", summary(lang, &table, &plan));
    Ok(())
}

fn summary(lang: Lang, table: &import::Table, plan: &import::ScoreImport) -> String {
    let rows = plan.scores.len() + plan.grades.len();
    match lang {
        Lang::Zh => format!(
            "{}（{}）：{rows} 行 — 新增 {}，修改 {}，未变 {}",
            table.name, table.encoding, plan.new, plan.changed, plan.unchanged
        ),
        Lang::En => format!(
            "{} ({}): {rows} rows — {} new, {} changed, {} unchanged",
            table.name, table.encoding, plan.new, plan.changed, plan.unchanged
        ),
    }
}
