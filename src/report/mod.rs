//! Reports written from a session: the minutes in Markdown, the ranking as CSV, the
//! workbook as XLSX (the JSON record lives in `session::record`).

pub mod csv;
pub mod markdown;
pub mod tables;
pub mod xlsx;
