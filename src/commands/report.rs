//! `podium report SESSION --format json|md`: the record or the minutes, read-only.

use super::{CmdResult, ReportFormat};
use crate::report;
use crate::session::record::Record;
use crate::store;
use crate::strings::Lang;
use std::path::{Path, PathBuf};

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
        Some(out) => {
            guard_output(out, path, lang)?;
            write_output(out, &bytes)
        }
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

/// Refuses an output file that would destroy the meeting: the session itself, its journal,
/// lock or draft, the plan beside it, or any file that holds a podium session or plan
/// (`-o o.session.json` once replaced the record with a spreadsheet).
fn guard_output(out: &Path, session: &Path, lang: Lang) -> Result<(), String> {
    let paths = store::Paths::of(session);
    let stem = paths.display_name();
    let stem = stem
        .strip_suffix(".session.json")
        .unwrap_or(&stem)
        .to_string();
    let plan = paths.session.with_file_name(format!("{stem}.json"));
    let target = store::Paths::of(out).session;
    let own = [
        &paths.session,
        &paths.journal,
        &paths.lock,
        &paths.draft,
        &plan,
    ];
    let is_own = own.iter().any(|p| same_file(p, &target));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let podium_name = [
        ".session.json",
        ".session.journal",
        ".session.lock",
        ".session.draft",
    ]
    .iter()
    .any(|suffix| name.ends_with(suffix));
    let holds_meeting = std::fs::read(&target)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .is_some_and(|text| {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            store::is_session_text(text) || is_plan_text(text)
        });
    if is_own || podium_name || holds_meeting {
        return Err(match lang {
            Lang::Zh => format!(
                "{}：这是会议记录或会议方案文件，不能用报表覆盖它；请用 -o 指定另一个文件名",
                out.display()
            ),
            Lang::En => format!(
                "{}: this is a podium session or plan (or one of its files); a report never \
                 replaces it. Name another file with -o",
                out.display()
            ),
        });
    }
    Ok(())
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

/// Whether a JSON text looks like a podium plan: an object with a `units` list.
fn is_plan_text(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .is_ok_and(|v| v.get("units").is_some_and(serde_json::Value::is_array))
}

/// Writes a report whole or not at all: through a temporary file beside it, renamed into
/// place, so a full disk never leaves a half-written file where a good one was.
fn write_output(out: &Path, bytes: &[u8]) -> CmdResult {
    let target = store::Paths::of(out).session;
    if std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) {
        // A device or a pipe (-o /dev/stdout): written as it is.
        return std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", out.display()));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let temp = target.with_file_name(format!(".{name}.tmp"));
    store::write_atomic(&target, &temp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("{}: {e}", out.display())
    })
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
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

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
                match (&f.path, lang) {
                    (Some(p), Lang::Zh) => format!("{name}（{}：{}）", file_name(p), f.error),
                    (Some(p), Lang::En) => format!("{name} ({}: {})", file_name(p), f.error),
                    (None, Lang::Zh) => format!("{name}（{}）", f.error),
                    (None, Lang::En) => format!("{name} ({})", f.error),
                }
            })
            .collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(match lang {
                Lang::Zh => format!("已导出：{}", names.join("、")),
                Lang::En => format!("Exported: {}", names.join(", ")),
            });
        }
        if !failed.is_empty() {
            parts.push(match lang {
                Lang::Zh => format!("未能导出：{}", failed.join("；")),
                Lang::En => format!("Not exported: {}", failed.join("; ")),
            });
        }
        match lang {
            Lang::Zh => parts.join("；"),
            Lang::En => parts.join(". "),
        }
    }
}

/// Writes the workbook, the ranking CSV and the minutes beside the session, named with the
/// date and time; an existing file is never overwritten (a number is added instead). All
/// three are written, or a sentence says which were and which formats failed, and why.
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
    let mut done = Exported::default();
    for (format, ext) in [
        (ReportFormat::Xlsx, "xlsx"),
        (ReportFormat::Csv, "csv"),
        (ReportFormat::Md, "md"),
    ] {
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
