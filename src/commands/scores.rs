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
            Err(ExecError::Store(e)) => return Err(not_saved(lang, rows, grades, &e.to_string())),
        }
    }
    // Held only in memory (the journal could not take them): nothing of the import is on disk.
    if writer.unsaved() > 0 {
        let e = writer.save_error().unwrap_or_default().to_string();
        return Err(not_saved(lang, rows, grades, &e));
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
            journal_only(lang, rows, grades, &name(&journal), &e.to_string())
        );
    }
    Ok(())
}

/// What `rows` rows are: scores, or ballot counts.
fn what(lang: Lang, rows: usize, grades: bool) -> String {
    match (lang, grades, rows) {
        (Lang::Zh, false, n) => format!("这 {n} 个分数"),
        (Lang::Zh, true, n) => format!("这 {n} 行票数"),
        (Lang::En, false, 1) => "the 1 score".into(),
        (Lang::En, false, n) => format!("the {n} scores"),
        (Lang::En, true, 1) => "the 1 ballot count".into(),
        (Lang::En, true, n) => format!("the {n} ballot counts"),
    }
}

/// The import could not be written at all (exit 1).
fn not_saved(lang: Lang, rows: usize, grades: bool, err: &str) -> String {
    let what = what(lang, rows, grades);
    match lang {
        Lang::Zh => format!("{what}没有保存，会议记录保持原样：{err}"),
        Lang::En => {
            let were = if rows == 1 { "was" } else { "were" };
            format!("{what} {were} NOT saved; the session is as it was: {err}")
        }
    }
}

/// The import is in the journal; the session file could not be brought up to date.
fn journal_only(lang: Lang, rows: usize, grades: bool, journal: &str, err: &str) -> String {
    let what = what(lang, rows, grades);
    match lang {
        Lang::Zh => format!(
            "注意：{what}已存入日志 {journal}，但会议记录文件没能更新（{err}）。没有丢失任何内容：下次打开这场会议时会自动更新"
        ),
        Lang::En => {
            let are = if rows == 1 { "is" } else { "are" };
            format!(
                "warning: {what} {are} saved in the journal {journal}, but the session file could not be brought up to date ({err}). Nothing is lost: it is brought up to date the next time podium opens the session"
            )
        }
    }
}
