//! Word/WPS documents (`podium report --format docx --doc minutes|notice|tasks`).

use super::DocKind;
use crate::session::{Session, Time};
use crate::strings::Lang;

/// The document's bytes.
pub fn document(
    session: &Session,
    now: Time,
    lang: Lang,
    public: bool,
    doc: DocKind,
) -> Result<Vec<u8>, String> {
    let _ = (session, now, public, doc);
    Err(crate::strings::docx::not_built(lang))
}
