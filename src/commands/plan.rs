//! `podium plan new [-o PLAN]` and `podium plan edit PLAN`: the terminal form that makes or
//! edits a plan (`crate::planform`). Nothing is written until its last step; then the plan
//! is written atomically (a temporary file beside it, renamed over it), after asking when a
//! file of that name exists and is not the one being edited.

use super::{CmdResult, read_text};
use crate::plan::{PLAN_VERSION, Plan};
use crate::planform::{self, PlanForm};
use crate::strings::{Choice, cli, planform as t};
use std::io::IsTerminal;
use std::path::Path;

/// What `podium plan` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanAction {
    /// A new plan.
    New,
    /// Edit an existing plan.
    Edit,
}

pub fn run(
    action: PlanAction,
    plan: Option<&Path>,
    output: Option<&Path>,
    choice: Choice,
    wide_ambiguous: bool,
) -> CmdResult {
    let lang = choice.first();
    let mut form = match action {
        PlanAction::New => PlanForm::new(lang, output.or(plan)),
        PlanAction::Edit => {
            let path = plan
                .or(output)
                .ok_or_else(|| t::edit_needs_file(lang).to_string())?;
            let read = open(path, choice)?;
            let mut form = PlanForm::edit(choice.plan(&read), &read, path);
            if let (Some(out), Some(_)) = (output, plan) {
                form.save.cells[0] = out.display().to_string();
                form.refresh();
            }
            form
        }
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(t::needs_terminal(form.lang).to_string());
    }
    let amb = super::ambiguous(wide_ambiguous);
    let opened = match action {
        PlanAction::Edit => form.source.as_deref().and_then(|p| std::fs::read(p).ok()),
        PlanAction::New => None,
    };
    let written = planform::run(&mut form, amb, opened)
        .map_err(|e| cli::terminal_unusable(form.lang, &e.to_string()))?;
    if let (Some(path), Some(plan)) = (written, &form.plan) {
        println!(
            "podium: {}",
            t::written(form.lang, &path.display().to_string())
        );
        print!("{}", super::check::summary(plan, form.lang));
    }
    Ok(())
}

/// The plan to edit: read as it is, errors and all (the form shows them), unless it is not a
/// plan podium can read at all (not JSON, an unknown field, a newer version, a session).
fn open(path: &Path, choice: Choice) -> Result<Plan, String> {
    let lang = choice.first();
    let text = read_text(path, lang)?;
    let shown = path.display().to_string();
    if crate::store::is_session_text(&text) {
        return Err(t::not_a_plan(lang, &shown));
    }
    let bare = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str::<Plan>(bare) {
        Ok(plan) if plan.version.unwrap_or(1) <= PLAN_VERSION && plan.version != Some(0) => {
            Ok(plan)
        }
        // The reader's own sentence, with the line and column.
        _ => match crate::planfile::parse(&shown, &text, lang) {
            Err(errors) => Err(errors.join("\n")),
            Ok(loaded) => Ok(loaded.plan),
        },
    }
}
