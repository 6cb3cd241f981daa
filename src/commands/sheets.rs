//! `podium sheets PLAN [-o 评分表.xlsx|.docx] [--group NAME=N]…`: printed score sheets.
//!
//! PLAN may be a session (its plan is used). Without `-o` the workbook is written beside the
//! plan as `<plan>-评分表.xlsx` (`-2`, `-3`… when that name is taken); an existing file is
//! never replaced.

use super::CmdResult;
use crate::report::sheets;
use crate::strings::{Choice, Lang, sheets as words};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct SheetsArgs {
    /// The plan (or a session: its plan)
    pub plan: PathBuf,
    /// The file to write (.xlsx or .docx)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Unnamed sheets for anonymous scoring: GROUP=COUNT (repeatable)
    #[arg(long = "group", value_name = "NAME=N")]
    pub groups: Vec<String>,
}

/// The most unnamed sheets one group may ask for.
const MAX_GROUP_SHEETS: usize = 500;

/// `领导=12` → ("领导", 12).
pub fn parse_group(arg: &str, lang: Lang) -> Result<(String, usize), String> {
    parse_group_up_to(arg, lang, MAX_GROUP_SHEETS)
}

/// `领导=12` → ("领导", 12), with N from 1 to `max`.
pub fn parse_group_up_to(arg: &str, lang: Lang, max: usize) -> Result<(String, usize), String> {
    let bad = || words::bad_group(lang, arg, max);
    let (name, n) = arg
        .rsplit_once('=')
        .or_else(|| arg.rsplit_once('＝'))
        .ok_or_else(bad)?;
    let name = name.trim();
    let n: String = n.trim().chars().map(crate::text::ascii_digit).collect();
    let n: usize = n.parse().map_err(|_| bad())?;
    if name.is_empty() || crate::plan::has_control(name) || !(1..=max).contains(&n) {
        return Err(bad());
    }
    Ok((name.to_string(), n))
}

pub fn run(args: SheetsArgs, choice: Choice) -> CmdResult {
    let path = args.plan.as_path();
    let (plan, lang) = if crate::store::is_session_text(&super::read_text(path, choice.first())?) {
        let session = crate::store::read(path).map_err(|e| e.to_string())?;
        let lang = choice.session(&session);
        (session.plan().clone(), lang)
    } else {
        let loaded = super::load_plan(path, choice.first())?;
        let lang = choice.plan(&loaded.plan);
        for w in &loaded.warnings {
            eprintln!("podium: {w}");
        }
        (loaded.plan, lang)
    };
    let groups = args
        .groups
        .iter()
        .map(|g| parse_group(g, lang))
        .collect::<Result<Vec<_>, _>>()?;
    // One group named twice would print two sets numbered apart (“第 1 张 / 共 2 张” and
    // “第 1 张 / 共 3 张” of one group): refused.
    for (i, (name, _)) in groups.iter().enumerate() {
        if groups[..i].iter().any(|(other, _)| other == name) {
            return Err(words::group_twice(lang, name));
        }
    }
    let docx = match &args.output {
        Some(out) => {
            let ext = out
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match ext.as_str() {
                "xlsx" => false,
                "docx" => true,
                _ => return Err(words::bad_extension(lang, &out.display().to_string())),
            }
        }
        None => false,
    };
    let papers = sheets::papers(&plan, lang, &groups)?;
    let bytes = if docx {
        sheets::docx(&papers, lang)?
    } else {
        sheets::xlsx(&papers, lang)?
    };
    let written = match &args.output {
        Some(out) => write_new(out, &bytes, lang)?,
        None => {
            let stem = crate::report::export::export_stem(path);
            let mut n = 1;
            loop {
                let name = match n {
                    1 => format!("{stem}-{}.xlsx", words::file_tail(lang)),
                    n => format!("{stem}-{}-{n}.xlsx", words::file_tail(lang)),
                };
                let target = path.with_file_name(name);
                match write_new(&target, &bytes, lang) {
                    Ok(p) => break p,
                    Err(_) if target.exists() && n < 100 => n += 1,
                    Err(e) => return Err(e),
                }
            }
        }
    };
    println!(
        "{}",
        words::written(lang, &written.display().to_string(), papers.len())
    );
    Ok(())
}

/// Writes `bytes` to a new file `target`: refused when it exists (a user's file is never
/// replaced); removed when it could not be filled.
fn write_new(target: &Path, bytes: &[u8], lang: Lang) -> Result<PathBuf, String> {
    use std::io::Write;
    let shown = target.display().to_string();
    let mut f = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(words::exists(lang, &shown));
        }
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    if let Err(e) = f.write_all(bytes).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(target);
        return Err(format!("{shown}: {e}"));
    }
    Ok(target.to_path_buf())
}
