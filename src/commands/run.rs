//! `podium run`: opens or resumes a session and runs the live console.

use super::CmdResult;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// A plan (a new session beside it, or the one already there) or a session file
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub lang: Option<String>,
    /// No terminal bell at the warning and at time up
    #[arg(long)]
    pub quiet: bool,
    /// The session file to use instead of `<plan>.session.json`
    #[arg(long)]
    pub session: Option<PathBuf>,
    /// Start a fresh session beside the old one, named with the date and time
    #[arg(long)]
    pub new: bool,
    /// Lay out East Asian ambiguous-width characters as wide (also PODIUM_WIDE_AMBIGUOUS=1)
    #[arg(long)]
    pub wide_ambiguous: bool,
}

impl RunArgs {
    pub fn demo() -> RunArgs {
        RunArgs {
            file: None,
            lang: None,
            quiet: false,
            session: None,
            new: false,
            wide_ambiguous: false,
        }
    }
}

pub fn run(_args: RunArgs) -> CmdResult {
    Err("the live console is not built yet".into())
}
