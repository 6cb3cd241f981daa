//! Reports written from a session: the minutes in Markdown, the ranking as CSV, the
//! workbook as XLSX (the JSON record lives in `session::record`), and `export`, which writes
//! them to files.

pub mod csv;
pub mod docx;
pub mod export;
pub mod markdown;
pub mod sheets;
pub mod slips;
pub mod tables;
pub mod xlsx;

/// A report's format, as `podium report --format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    Md,
    Csv,
    Xlsx,
    /// A Word/WPS document: the minutes, the notice of results or the task list (`--doc`).
    Docx,
}

/// Which document `--format docx` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DocKind {
    /// 会议纪要
    #[default]
    Minutes,
    /// 通报 of the results (always public)
    Notice,
    /// 督办清单
    Tasks,
}
