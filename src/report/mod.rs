//! Reports written from a session: the minutes in Markdown, the ranking as CSV, the
//! workbook as XLSX (the JSON record lives in `session::record`), and `export`, which writes
//! them to files.

pub mod csv;
pub mod export;
pub mod markdown;
pub mod tables;
pub mod xlsx;

/// A report's format, as `podium report --format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    Md,
    Csv,
    Xlsx,
}
