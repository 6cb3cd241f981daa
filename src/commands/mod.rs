//! One module per subcommand. Each returns `Err(message)` for bad input; `main` prints it
//! as `podium: …` and exits 1.

pub mod ballots;
pub mod check;
pub mod display;
pub mod import;
pub mod join;
pub mod plan;
pub mod previous;
pub mod report;
pub mod run;
pub mod schema;
pub mod scores;
pub mod sessions;
pub mod sheets;
pub mod tasks;

use crate::planfile;
use crate::strings::Lang;
use std::path::Path;

pub type CmdResult = Result<(), String>;

/// How to lay out East Asian ambiguous-width characters: wide with `--wide-ambiguous` or
/// `PODIUM_WIDE_AMBIGUOUS=1`, narrow otherwise.
pub fn ambiguous(wide_flag: bool) -> crate::text::Ambiguous {
    let wide_env = std::env::var("PODIUM_WIDE_AMBIGUOUS").is_ok_and(|v| !v.is_empty() && v != "0");
    if wide_flag || wide_env {
        crate::text::Ambiguous::Wide
    } else {
        crate::text::Ambiguous::Narrow
    }
}

pub use crate::report::ReportFormat;

/// Reads a file as UTF-8 text, with a sentence naming the file when it cannot.
pub fn read_text(path: &Path, lang: Lang) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let path = path.display().to_string();
        crate::strings::cli::not_utf8(lang, &path, e.utf8_error().valid_up_to())
    })
}

/// Reads and validates a plan file; every error in one message, a line each.
pub fn load_plan(path: &Path, lang: Lang) -> Result<planfile::Loaded, String> {
    let text = read_text(path, lang)?;
    planfile::parse(&path.display().to_string(), &text, lang).map_err(|errors| errors.join("\n"))
}

/// The local time now, with its offset: the commands read the clock only through this.
pub use crate::wallclock::now;
