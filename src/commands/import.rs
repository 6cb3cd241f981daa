//! `podium import UNITS.csv|UNITS.xlsx [-o PLAN] [--title TITLE]`: a plan from a unit list.

use super::CmdResult;
use crate::import;
use crate::strings::Lang;
use std::path::Path;

pub fn run(
    file: &Path,
    output: Option<&Path>,
    title: Option<&str>,
    lang: Option<&str>,
) -> CmdResult {
    let lang = Lang::detect(lang);
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
    let source = import::source(table.encoding, sheet.as_deref(), lang);
    let mut text = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
    text.push('\n');
    let note_title = match (lang, from_name) {
        (Lang::Zh, true) => format!("会议标题取自文件名：“{title}”（可用 --title 指定）"),
        (Lang::En, true) => {
            format!("the title is the file's name, \"{title}\" (set it with --title)")
        }
        _ => String::new(),
    };
    match output {
        Some(out) => {
            if out.exists() {
                return Err(format!(
                    "{}: already exists; choose another name or remove it first",
                    out.display()
                ));
            }
            std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?;
            let done = match lang {
                Lang::Zh => format!(
                    "{}：{} 个汇报单位（{}）",
                    out.display(),
                    plan.units.len(),
                    source
                ),
                Lang::En => format!("{}: {} units ({})", out.display(), plan.units.len(), source),
            };
            eprintln!("podium: {done}");
        }
        None => {
            print!("{text}");
            if let Some(sheet) = &sheet {
                eprintln!(
                    "podium: {}",
                    match lang {
                        Lang::Zh => format!("读取的是工作表“{sheet}”"),
                        Lang::En => format!("read the sheet \"{sheet}\""),
                    }
                );
            }
        }
    }
    if !note_title.is_empty() {
        eprintln!("podium: {note_title}");
    }
    Ok(())
}
