//! `podium schema`: the plan's JSON Schema, for editors that validate plan files.

use super::CmdResult;

pub fn run() -> CmdResult {
    let schema = schemars::schema_for!(crate::plan::Plan);
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}
