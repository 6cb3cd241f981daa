//! `podium sheets PLAN [-o 评分表.xlsx|.docx] [--group NAME=N]…`: printed score sheets.

use super::CmdResult;
use crate::strings::Choice;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone)]
pub struct SheetsArgs {
    /// The plan (or a session: its plan)
    pub plan: PathBuf,
    /// The file to write (.xlsx or .docx)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Unnamed sheets for anonymous scoring: GROUP=COUNT (repeatable)
    #[arg(long = "group", value_name = "NAME=N")]
    pub groups: Vec<String>,
}

pub fn run(args: SheetsArgs, choice: Choice) -> CmdResult {
    let _ = (args, choice);
    Err("podium sheets: not built yet".into())
}
