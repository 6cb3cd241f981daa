//! `podium import UNITS.csv|UNITS.xlsx [-o PLAN] [--title TITLE]`: a plan from a unit list.

use super::CmdResult;
use crate::import;
use crate::strings::{Choice, cli};
use std::path::Path;

pub fn run(file: &Path, output: Option<&Path>, title: Option<&str>, choice: Choice) -> CmdResult {
    let table = import::read_table(file)?;
    let (title, from_name) = match title {
        Some(t) => (t.to_string(), false),
        None => (
            file.file_stem()
                .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned()),
            true,
        ),
    };
    let (plan, sheet) = import::units_plan(&table, &title).map_err(|e| e.join("\n"))?;
    // The user's language, else the one the units are named in.
    let lang = choice.plan(&plan);
    let source = import::source(table.encoding, sheet.as_deref(), lang);
    let mut text = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
    text.push('\n');
    let note_title = if from_name {
        cli::import_title_from_name(lang, &title)
    } else {
        String::new()
    };
    match output {
        Some(out) => {
            if out.exists() {
                return Err(cli::already_exists(lang, &out.display().to_string()));
            }
            std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?;
            let done =
                cli::import_written(lang, &out.display().to_string(), plan.units.len(), &source);
            eprintln!("podium: {done}");
        }
        None => {
            print!("{text}");
            if let Some(sheet) = &sheet {
                eprintln!("podium: {}", cli::import_sheet_read(lang, sheet));
            }
        }
    }
    if !note_title.is_empty() {
        eprintln!("podium: {note_title}");
    }
    Ok(())
}
