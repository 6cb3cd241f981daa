//! `podium schema`: the plan's JSON Schema, for editors that validate plan files.

use super::CmdResult;

pub fn run() -> CmdResult {
    let schema = crate::plan::json_schema();
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}
