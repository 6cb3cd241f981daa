//! `podium check PLAN`: validates a plan and prints a short summary.

use super::{CmdResult, load_plan};
use crate::plan::{Plan, ScoringMode};
use crate::strings::Lang;
use crate::timer::clock_text;
use std::path::Path;

pub fn run(path: &Path, lang: Option<&str>) -> CmdResult {
    let lang = Lang::detect(lang);
    let loaded = load_plan(path, lang)?;
    for w in &loaded.warnings {
        eprintln!("podium: {w}");
    }
    print!("{}", summary(&loaded.plan, lang));
    Ok(())
}

/// Units, total planned time, reviewers per group, scoring mode.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let total: i64 = plan.units.iter().map(|u| plan.unit_limit_seconds(u)).sum();
    let scoring = plan.scoring();
    let mut groups: Vec<(String, usize)> =
        scoring.groups.iter().map(|g| (g.name.clone(), 0)).collect();
    let mut ungrouped = 0;
    for r in &plan.reviewers {
        match r
            .group
            .as_ref()
            .and_then(|g| groups.iter_mut().find(|(n, _)| n == g))
        {
            Some(entry) => entry.1 += 1,
            None => ungrouped += 1,
        }
    }
    if groups.is_empty() || ungrouped > 0 {
        let name = match lang {
            Lang::Zh => "全体",
            Lang::En => "all",
        };
        groups.push((name.to_string(), ungrouped));
    }
    let groups = groups
        .iter()
        .map(|(n, c)| format!("{n} {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mode = match (scoring.mode.unwrap_or_default(), lang) {
        (ScoringMode::Points, Lang::Zh) => "打分",
        (ScoringMode::Points, Lang::En) => "points",
        (ScoringMode::Grades, Lang::Zh) => "等次评议",
        (ScoringMode::Grades, Lang::En) => "grades",
    };
    match lang {
        Lang::Zh => format!(
            "{}\n汇报单位 {} 个，计划用时 {}\n点评人 {} 位（{}）\n评分方式：{}\n",
            plan.title,
            plan.units.len(),
            clock_text(total),
            plan.reviewers.len(),
            groups,
            mode
        ),
        Lang::En => format!(
            "{}\n{} units, {} planned\n{} reviewers ({})\nscoring: {}\n",
            plan.title,
            plan.units.len(),
            clock_text(total),
            plan.reviewers.len(),
            groups,
            mode
        ),
    }
}
