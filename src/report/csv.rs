//! The ranking as CSV: UTF-8 with a BOM, so Excel and WPS show Chinese correctly. A meeting
//! that does not score has no ranking, and no CSV.

use super::tables::{self, Cell};
use crate::session::{Session, Time};
use crate::strings::Lang;

/// One CSV field. Every text — a header (group and grade names are headers) as much as a
/// unit's name or a note — that a spreadsheet would take for a formula gets a leading `'`.
/// A number stays a number, a negative one too (`-1.5`): podium wrote it from a value, it
/// holds nothing but digits, a sign and a point, and quoting it would make it text that
/// no sum or sort counts.
///
/// A score is written with the published decimals (`90.00` beside `91.05`); the excellent
/// share as the fraction (`0.6667`), a number any sheet can format.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) | Cell::Percent(n) if n.is_finite() => format!("{n}"),
        Cell::Decimal(n, _) if n.is_finite() => cell.as_text(),
        Cell::Empty => String::new(),
        other => tables::sheet_text(&other.as_text()).into_owned(),
    }
}

/// The ranking; refused, in one sentence, for a meeting that does not score.
pub fn ranking(session: &Session, now: Time, lang: Lang) -> Result<Vec<u8>, String> {
    ranking_for(session, now, lang, false)
}

/// The ranking; `public`: for circulation — no reviewer named in the notes, no group score
/// of a group with fewer than three scorers (`tables::ranking_for`).
pub fn ranking_for(
    session: &Session,
    now: Time,
    lang: Lang,
    public: bool,
) -> Result<Vec<u8>, String> {
    if !session.rules().mode.scores() {
        return Err(crate::strings::report::csv_not_scored(lang));
    }
    let results = tables::results(session, now);
    let table = tables::ranking_for(session, &results, lang, public);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let header: Vec<String> = table
            .header
            .iter()
            .map(|h| tables::sheet_text(h).into_owned())
            .collect();
        w.write_record(&header).map_err(|e| e.to_string())?;
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(field).collect();
            w.write_record(&cells).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_quoted_and_numbers_stay_numbers() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(field(&Cell::text(text)), format!("'{text}"));
        }
        assert_eq!(field(&Cell::text("城东街道")), "城东街道");
        assert_eq!(field(&Cell::text("")), "");
        assert_eq!(field(&Cell::Number(-1.5)), "-1.5");
        assert_eq!(field(&Cell::Number(92.25)), "92.25");
        assert_eq!(field(&Cell::Decimal(90.0, 2)), "90.00");
        assert_eq!(field(&Cell::Decimal(91.05, 2)), "91.05");
        assert_eq!(field(&Cell::Decimal(-1.5, 1)), "-1.5");
        assert_eq!(field(&Cell::Percent(0.6667)), "0.6667");
        assert_eq!(field(&Cell::Number(f64::NEG_INFINITY)), "'-inf");
        assert_eq!(field(&Cell::Empty), "");
    }
}
