//! `podium tasks SESSION|PLAN FILE`: adds or updates a task list (责任分解表) in a session's
//! task ledger — every row checked first, nothing written unless all are valid.

use super::CmdResult;
use crate::strings::Choice;
use std::path::Path;

pub fn run(path: &Path, file: &Path, choice: Choice) -> CmdResult {
    let _ = (path, file, choice);
    Err("podium tasks: being built".to_string())
}
