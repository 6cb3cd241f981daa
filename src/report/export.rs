//! Writing reports to files: a report's bytes in one format (`render`), a file named with
//! `-o` (guarded so that no report replaces a meeting's own files), and the three exports
//! beside the session (`export_beside`), each written whole or not at all.

use super::ReportFormat;
use crate::session::record::Record;
use crate::store;
use crate::strings::{Lang, report};
use std::path::{Path, PathBuf};

/// Writes a report to `out` as `-o` names it: the standard output, a device, or a file that
/// is not one of the meeting's own (`guard_output`), replaced whole.
pub fn write_to(out: &Path, session: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let output = output_of(out);
    if let Output::File(target) = &output {
        guard_output(target, session, lang)?;
    }
    write_output(&output, out, bytes)
}

/// Where a report goes: the standard output, a device or pipe written as it is, or a file
/// (replaced whole, through a temporary file and a rename).
pub enum Output {
    Stdout,
    Device(PathBuf),
    File(PathBuf),
}

/// `-o` as podium writes it. `-` and `/dev/stdout` are the standard output, written directly
/// (never resolved through `/proc/self/fd` to a file that `>>` is appending to); other
/// devices, pipes and anything under /dev or /proc are appended to, never truncated, never
/// read.
pub fn output_of(out: &Path) -> Output {
    if out == Path::new("-") || out == Path::new("/dev/stdout") {
        return Output::Stdout;
    }
    let special = out.starts_with("/dev") || out.starts_with("/proc");
    match std::fs::metadata(out) {
        Ok(m) if special || (!m.is_file() && !m.is_dir()) => Output::Device(out.to_path_buf()),
        // A link to a file is followed: the report replaces its target, never the link.
        _ => Output::File(store::Paths::of(out).session),
    }
}

/// The first bytes of a file at most: enough to tell a session or plan (a session's snapshot
/// starts with its format; a plan names its units early), without reading a huge file.
const HEAD_BYTES: u64 = 256 * 1024;

/// Refuses an output file that would destroy the meeting: the session itself, its journal,
/// lock or draft, the plan beside it, any file named like a session's (`NAME.session.…`),
/// and any file that holds a podium session, journal or plan
/// (`-o o.session.json` once replaced the record with a spreadsheet).
pub fn guard_output(target: &Path, session: &Path, lang: Lang) -> Result<(), String> {
    let paths = store::Paths::of(session);
    let stem = paths.display_name();
    let stem = stem
        .strip_suffix(".session.json")
        .unwrap_or(&stem)
        .to_string();
    let plan = paths.session.with_file_name(format!("{stem}.json"));
    let own = [
        &paths.session,
        &paths.journal,
        &paths.lock,
        &paths.draft,
        &plan,
    ];
    let is_own = own.iter().any(|p| same_file(p, target));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let podium_name = name.contains(".session.");
    let holds_meeting = std::fs::metadata(target).is_ok_and(|m| m.is_file())
        && std::fs::File::open(target).is_ok_and(|f| {
            use std::io::Read;
            let mut head = Vec::new();
            f.take(HEAD_BYTES).read_to_end(&mut head).is_ok() && looks_like_podium(&head)
        });
    if is_own || podium_name || holds_meeting {
        return Err(report::output_is_meeting(
            lang,
            &target.display().to_string(),
        ));
    }
    Ok(())
}

/// Whether the start of a file looks like a podium session, journal or plan. Leans to yes:
/// a report is never worth a meeting.
fn looks_like_podium(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('{') {
        return false;
    }
    let first_line = text.lines().next().unwrap_or_default();
    text.contains("\"podium-session\"")
        || text.contains("\"units\"")
        || serde_json::from_str::<crate::session::Event>(first_line).is_ok()
}

/// Whether two paths name one file (both existing and the same, or the same path).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => {
            let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            abs(a) == abs(b)
        }
    }
}

/// Writes a report: a file whole or not at all (through a temporary file beside it, renamed
/// into place, so a full disk never leaves a half-written file where a good one was).
pub fn write_output(output: &Output, shown: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let failed = |e: std::io::Error| format!("{}: {e}", shown.display());
    match output {
        Output::Stdout => {
            let mut out = std::io::stdout();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(failed)
        }
        // Appended: `/dev/fd/1` may be a file that `>>` is appending to.
        Output::Device(path) => std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(failed),
        Output::File(target) => {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "report".into());
            let temp = target.with_file_name(format!(".{name}.tmp"));
            store::write_atomic(target, &temp, bytes).map_err(failed)
        }
    }
}

/// A report's bytes in one format, for the office (everything, every rater's scores).
pub fn render(
    session: &crate::session::Session,
    format: ReportFormat,
    now: crate::session::Time,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    render_for(session, format, now, lang, false)
}

/// A report's bytes in one format; `public` (`podium report --public`): for circulation,
/// without any individual score or anything that ties a score to a person.
pub fn render_for(
    session: &crate::session::Session,
    format: ReportFormat,
    now: crate::session::Time,
    lang: Lang,
    public: bool,
) -> Result<Vec<u8>, String> {
    render_doc(session, format, now, lang, public, super::DocKind::Minutes)
}

/// `render_for`, with the document `--format docx` writes.
pub fn render_doc(
    session: &crate::session::Session,
    format: ReportFormat,
    now: crate::session::Time,
    lang: Lang,
    public: bool,
    doc: super::DocKind,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        ReportFormat::Json => {
            let mut record = Record::of(session, now);
            if public {
                record.make_public();
            }
            let mut t = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
            t.push('\n');
            t.into_bytes()
        }
        ReportFormat::Md => super::markdown::minutes_for(session, now, lang, public).into_bytes(),
        ReportFormat::Csv => super::csv::ranking_for(session, now, lang, public)?,
        ReportFormat::Xlsx => super::xlsx::workbook_for(session, now, lang, public)?,
        ReportFormat::Docx => super::docx::document(session, now, lang, public, doc)?,
    })
}

/// What `export_beside_each` wrote, and what it could not.
#[derive(Debug, Default)]
pub struct Exported {
    /// Each file written, with its format, in the order written.
    pub written: Vec<(ReportFormat, PathBuf)>,
    /// Each format not written: the file it would have been (when one was chosen) and why.
    pub failed: Vec<ExportFailure>,
}

/// One format that could not be exported.
#[derive(Debug)]
pub struct ExportFailure {
    pub format: ReportFormat,
    pub path: Option<PathBuf>,
    pub error: String,
}

/// A format's name for people.
pub fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Json => "JSON",
        ReportFormat::Md => "Markdown",
        ReportFormat::Csv => "CSV",
        ReportFormat::Xlsx => "XLSX",
        ReportFormat::Docx => "DOCX",
    }
}

use crate::text::file_name;

impl Exported {
    /// The files written, by name.
    pub fn files(&self) -> Vec<PathBuf> {
        self.written.iter().map(|(_, p)| p.clone()).collect()
    }

    /// One line for people: the files written, then each format not written and why.
    pub fn summary(&self, lang: Lang) -> String {
        let names: Vec<String> = self.written.iter().map(|(_, p)| file_name(p)).collect();
        let failed: Vec<String> = self
            .failed
            .iter()
            .map(|f| {
                let name = format_name(f.format);
                let file = f.path.as_deref().map(file_name);
                report::export_failure(lang, name, file.as_deref(), &f.error)
            })
            .collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(report::exported(lang, &names));
        }
        if !failed.is_empty() {
            parts.push(report::not_exported(lang, &failed));
        }
        report::export_summary(lang, &parts)
    }
}

/// Writes the workbook, the ranking CSV (when the meeting scores), the minutes in Markdown and
/// the minutes as a Word document beside the session, named with the date and time; an
/// existing file is never overwritten (a number is added instead). All are written, or a
/// sentence says which were and which formats failed, and why.
pub fn export_beside(
    session_path: &Path,
    session: &crate::session::Session,
    now: crate::session::Time,
    lang: Lang,
) -> Result<Vec<PathBuf>, String> {
    let done = export_beside_each(session_path, session, now, lang);
    if done.failed.is_empty() {
        Ok(done.files())
    } else {
        Err(done.summary(lang))
    }
}

/// `export_beside`, format by format: one format's failure (a workbook that cannot be made,
/// a name that cannot be written) never stops the others.
pub fn export_beside_each(
    session_path: &Path,
    session: &crate::session::Session,
    now: crate::session::Time,
    lang: Lang,
) -> Exported {
    let stem = export_stem(session_path);
    let stamp = now.format("%Y%m%d-%H%M%S");
    let mut done = Exported::default();
    // The CSV is the ranking: a meeting that does not score has none to write.
    let scores = session.rules().mode.scores();
    for (format, ext) in [
        (ReportFormat::Xlsx, "xlsx"),
        (ReportFormat::Csv, "csv"),
        (ReportFormat::Md, "md"),
        (ReportFormat::Docx, "docx"),
    ]
    .into_iter()
    .filter(|(f, _)| scores || *f != ReportFormat::Csv)
    {
        let result = render(session, format, now, lang)
            .map_err(|error| (None, error))
            .and_then(|bytes| write_new(session_path, &format!("{stem}-{stamp}"), ext, &bytes));
        match result {
            Ok(path) => done.written.push((format, path)),
            Err((path, error)) => done.failed.push(ExportFailure {
                format,
                path,
                error,
            }),
        }
    }
    done
}

/// The name the exports of a session start with, before the export's own date and time: the
/// session's stem without the date and time `--new` gave it, so that an export of
/// `plan-20261204-213413.session.json` is `plan-20261204-214238.xlsx`, never
/// `plan-20261204-213413-20261204-214238.xlsx`.
pub fn export_stem(session_path: &Path) -> String {
    crate::sessions::without_stamp(&session_stem(session_path)).to_string()
}

/// A session's file name without `.session.json` (or `.json`): `meeting` for
/// `meeting.session.json`.
pub fn session_stem(session_path: &Path) -> String {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".session.json")
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name)
        .to_string()
}

/// Writes `bytes` to a new file `{base}.{ext}` beside `beside` (`{base}-2.{ext}` and so on
/// when that name is taken, up to 100); a file it created but could not fill is removed.
fn write_new(
    beside: &Path,
    base: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<PathBuf, (Option<PathBuf>, String)> {
    use std::io::Write;
    let mut n = 1;
    loop {
        let file = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        let path = beside.with_file_name(file);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                return match f.write_all(bytes).and_then(|()| f.sync_all()) {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        drop(f);
                        let _ = std::fs::remove_file(&path);
                        Err((Some(path), e.to_string()))
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err((Some(path), e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_doubles_the_date() {
        let stem = |p: &str| export_stem(Path::new(p));
        assert_eq!(stem("d/plan-20261204-213413.session.json"), "plan");
        assert_eq!(stem("d/plan-20261204-213413-2.session.json"), "plan");
        assert_eq!(stem("d/plan.session.json"), "plan");
        assert_eq!(stem("d/会议-20261204-213413.session.json"), "会议");
        assert_eq!(stem("d/plan-notes.session.json"), "plan-notes");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan-20261204-213413.session.json");
        let plan =
            crate::planfile::parse("plan", r#"{"title":"T","units":[{"name":"A"}]}"#, Lang::En)
                .unwrap()
                .plan;
        let session = crate::session::Session::new(plan);
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-04T21:42:38+08:00").unwrap();
        let files = export_beside(&path, &session, now, Lang::En).unwrap();
        let mut names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "plan-20261204-214238.csv",
                "plan-20261204-214238.docx",
                "plan-20261204-214238.md",
                "plan-20261204-214238.xlsx"
            ]
        );
    }
}
