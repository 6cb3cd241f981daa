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
    let text = match format {
        ReportFormat::Json => {
            let record = Record::of(&session, now);
            let mut t = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
            t.push('\n');
            t
        }
        ReportFormat::Md => report::markdown::minutes(&session, now, lang),
    };
    match output {
        Some(out) => std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string())
        }
    }
}
