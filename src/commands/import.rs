//! `podium import UNITS.csv|UNITS.xlsx [-o PLAN] [--title TITLE] [--reviewers FILE]
//! [--criteria FILE]`: a plan from the office's unit list, with its reviewers (a sheet named
//! 评委, or `--reviewers`) and criteria (a sheet named 指标, or `--criteria`).

use super::CmdResult;
use crate::import::{self, office};
use crate::plan::Plan;
use crate::strings::{Choice, Lang, cli, import as s};
use std::path::Path;

/// What the other tables are: `--reviewers FILE`, `--criteria FILE`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub reviewers: Option<&'a Path>,
    pub criteria: Option<&'a Path>,
}

pub fn run(
    file: &Path,
    output: Option<&Path>,
    title: Option<&str>,
    sources: Sources,
    choice: Choice,
) -> CmdResult {
    // Before the plan exists, the language is the user's, else the one the sheets' headers
    // are written in.
    let early = choice.0.unwrap_or(Lang::En);
    let table = import::read_table_in(file, early)?;
    let lang = choice.0.unwrap_or_else(|| headers_lang(&table));
    let read = |p: Option<&Path>| p.map(|p| import::read_table_in(p, lang)).transpose();
    let reviewers = read(sources.reviewers)?;
    let criteria = read(sources.criteria)?;
    let extra = office::Extra {
        reviewers: reviewers.as_ref(),
        criteria: criteria.as_ref(),
    };
    let stem = file
        .file_stem()
        .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
    let mut done =
        office::plan(&table, extra, title.unwrap_or(&stem), lang).map_err(|e| e.join("\n"))?;
    // The title: --title, else the sheet's title row, else the file's name (said).
    let note_title = match (title, &done.title_row) {
        (Some(_), _) => None,
        (None, Some(row)) => {
            done.plan.title = row.clone();
            Some(s::title_from_sheet(lang, row))
        }
        (None, None) => Some(cli::import_title_from_name(lang, &stem)),
    };
    let lang = choice.plan(&done.plan);
    let plan = &done.plan;
    let mut text = serde_json::to_string_pretty(plan).map_err(|e| e.to_string())?;
    text.push('\n');
    let source = import::source(table.encoding, done.sheet.as_deref(), lang);
    // 汇报单位: the items that report (a speech, a briefing… is on the agenda, not one).
    let counts = (
        plan.reports().count(),
        plan.reviewers.len(),
        plan.scoring.as_ref().map_or(0, |s| s.criteria.len()),
    );
    match output {
        Some(out) => {
            // Never over an existing file, even one made between a look and the write.
            let shown = out.display().to_string();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(out);
            let mut file = match file {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists || out.exists() => {
                    return Err(cli::already_exists(lang, &shown));
                }
                other => other
                    .map_err(|e| s::cannot_write(lang, &shown, &s::write_reason(lang, out, &e)))?,
            };
            if let Err(e) =
                std::io::Write::write_all(&mut file, text.as_bytes()).and_then(|()| file.sync_all())
            {
                drop(file);
                // No half a plan left behind (a full disk).
                let _ = std::fs::remove_file(out);
                return Err(s::cannot_write(
                    lang,
                    &shown,
                    &s::write_reason(lang, out, &e),
                ));
            }
            let out = out.display().to_string();
            let written = match counts {
                // An agenda with speeches, briefings…: counted by kind.
                (reports, r, c) if reports < plan.units.len() => {
                    let agenda = crate::strings::report::agenda_counts(
                        lang,
                        plan.units.iter().map(|u| u.kind()),
                    );
                    s::written_agenda(lang, &out, &agenda, (r, c), &source)
                }
                (units, 0, 0) => cli::import_written(lang, &out, units, &source),
                _ => s::written(lang, &out, counts, &source),
            };
            eprintln!("podium: {written}");
        }
        None => {
            print!("{text}");
            if let Some(sheet) = &done.sheet {
                eprintln!("podium: {}", cli::import_sheet_read(lang, sheet));
            }
        }
    }
    for (what, from) in [
        (s::REVIEWER_LIST, &done.reviewers_from),
        (s::CRITERIA_LIST, &done.criteria_from),
    ] {
        if let Some(from) = from {
            eprintln!("podium: {}", s::read_from(lang, what, from));
        }
    }
    for line in done.notes.iter().chain(&done.warnings) {
        eprintln!("podium: {line}");
    }
    if let Some(note) = note_title {
        eprintln!("podium: {note}");
    }
    Ok(())
}

/// Chinese when the sheets' first rows are (a plan named so would be).
fn headers_lang(table: &import::Table) -> Lang {
    let words: Vec<&str> = table
        .sheets
        .iter()
        .flat_map(|sh| {
            sh.header
                .iter()
                .chain(sh.rows.iter().take(3).flat_map(|r| &r.1))
        })
        .map(String::as_str)
        .collect();
    Lang::of_plan(&Plan {
        version: None,
        title: words.join(" "),
        date: None,
        start: None,
        venue: None,
        host: None,
        attendees: Vec::new(),
        observers: Vec::new(),
        recorder: None,
        talk_minutes: None,
        warn_seconds: None,
        units: Vec::new(),
        reviewers: Vec::new(),
        scoring: None,
        tasks: Vec::new(),
        previous: None,
    })
}
