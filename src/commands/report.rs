//! `podium report SESSION --format json|md`: the record or the minutes, read-only.

use super::{CmdResult, ReportFormat};
use crate::report;
use crate::session::record::Record;
use crate::store;
use crate::strings::Lang;
use std::path::Path;

pub fn run(
    path: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    lang: Option<&str>,
) -> CmdResult {
    let lang = Lang::detect(lang);
    let session = store::read(path).map_err(|e| e.to_string())?;
    let now = super::now();
    let bytes = render(&session, format, now, lang)?;
    match output {
        Some(out) => std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display())),
        None if format == ReportFormat::Xlsx => Err(match lang {
            Lang::Zh => "xlsx 是二进制文件，请用 -o 文件名.xlsx 指定输出".into(),
            Lang::En => "xlsx is a binary file: name it with -o FILE.xlsx".into(),
        }),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| e.to_string())
        }
    }
}

/// A report's bytes in one format.
pub fn render(
    session: &crate::session::Session,
    format: ReportFormat,
    now: crate::session::Time,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        ReportFormat::Json => {
            let record = Record::of(session, now);
            let mut t = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
            t.push('\n');
            t.into_bytes()
        }
        ReportFormat::Md => report::markdown::minutes(session, now, lang).into_bytes(),
        ReportFormat::Csv => report::csv::ranking(session, now, lang)?,
        ReportFormat::Xlsx => report::xlsx::workbook(session, now, lang)?,
    })
}

/// Writes the workbook, the ranking CSV and the minutes beside the session, named with the
/// date and time; an existing file is never overwritten (a number is added instead).
pub fn export_beside(
    session_path: &Path,
    session: &crate::session::Session,
    now: crate::session::Time,
    lang: Lang,
) -> Result<Vec<std::path::PathBuf>, String> {
    use std::io::Write;
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".session.json")
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name)
        .to_string();
    let stamp = now.format("%Y%m%d-%H%M%S");
    let mut written = Vec::new();
    for (format, ext) in [
        (ReportFormat::Xlsx, "xlsx"),
        (ReportFormat::Csv, "csv"),
        (ReportFormat::Md, "md"),
    ] {
        let bytes = render(session, format, now, lang)?;
        let mut n = 1;
        loop {
            let file = if n == 1 {
                format!("{stem}-{stamp}.{ext}")
            } else {
                format!("{stem}-{stamp}-{n}.{ext}")
            };
            let path = session_path.with_file_name(file);
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    f.write_all(&bytes)
                        .and_then(|()| f.sync_all())
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    written.push(path);
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
    }
    Ok(written)
}
