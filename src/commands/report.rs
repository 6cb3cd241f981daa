//! `podium report SESSION --format json|md|csv|xlsx [-o FILE]`: the record, the minutes, the
//! ranking or the workbook, read from the session without changing it; `report::export` writes.

use super::{CmdResult, ReportFormat};
use crate::store;
use crate::strings::{Choice, cli};
use std::path::Path;

pub use crate::report::export::{
    ExportFailure, Exported, export_beside, export_beside_each, format_name, render,
};

pub fn run(
    path: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    public: bool,
    doc: crate::report::DocKind,
    choice: Choice,
) -> CmdResult {
    // A plan means its most recent session (docs/SESSIONS.md).
    let path = &super::sessions::existing(path, "report", choice)?;
    let session = store::read(path).map_err(|e| e.to_string())?;
    let lang = choice.session(&session);
    let now = super::now();
    let bytes = crate::report::export::render_doc(&session, format, now, lang, public, doc)?;
    match output {
        Some(out) => crate::report::export::write_to(out, path, &bytes, lang),
        None if format == ReportFormat::Xlsx => Err(cli::xlsx_needs_output(lang).into()),
        None if format == ReportFormat::Docx => Err(cli::docx_needs_output(lang).into()),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| e.to_string())
        }
    }
}
