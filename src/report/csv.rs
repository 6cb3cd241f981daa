//! The ranking as CSV: UTF-8 with a BOM, so Excel and WPS show Chinese correctly.

use super::tables::{self, Cell};
use crate::session::{Session, Time};
use crate::strings::Lang;

pub fn ranking(session: &Session, now: Time, lang: Lang) -> Result<Vec<u8>, String> {
    let results = tables::results(session, now);
    let table = tables::ranking(session, &results, lang);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(&table.header).map_err(|e| e.to_string())?;
        for row in &table.rows {
            // A formula-looking text cell is quoted away so a spreadsheet never runs it.
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(t) if t.starts_with(['=', '+', '-', '@']) => format!("'{t}"),
                    other => other.as_text(),
                })
                .collect();
            w.write_record(&cells).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
