//! `podium check PLAN`: validates a plan and prints a short summary.

use super::{CmdResult, load_plan};
use crate::plan::Plan;
use crate::strings::{Choice, Lang, cli, previous as previous_words, report};
use crate::timer::clock_text;
use std::path::Path;

pub fn run(path: &Path, choice: Choice) -> CmdResult {
    // A session is not a plan: say what it is and where to look at it instead (exit 0: the
    // file is sound; one that cannot be read is an error).
    if crate::store::is_session_text(&super::read_text(path, choice.first())?) {
        let session = crate::store::read(path).map_err(|e| e.to_string())?;
        let lang = choice.session(&session);
        let st = session.state();
        print!(
            "{}",
            cli::check_session(
                lang,
                &super::sessions::file_name(path),
                &session.plan().title,
                st.reports().count(),
                session.events().len(),
                st.is_ended(),
            )
        );
        return Ok(());
    }
    let loaded = load_plan(path, choice.first())?;
    let lang = choice.plan(&loaded.plan);
    for w in &loaded.warnings {
        eprintln!("podium: {w}");
    }
    let file = path.display().to_string();
    for w in crate::planfile::scoring_warnings(&file, &loaded.plan, lang) {
        eprintln!("podium: {w}");
    }
    print!("{}", summary(&loaded.plan, lang));
    print!("{}", tasks_and_previous(path, &loaded.plan, lang));
    Ok(())
}

/// The plan's prepared tasks (how many, in how many lists) and the meeting before it names
/// (`previous`): found and readable, with its unfinished tasks; a warning on the standard
/// error when it is not (a missing previous must be seen before the meeting, not at it).
fn tasks_and_previous(path: &Path, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    if !plan.tasks.is_empty() {
        let mut lists: Vec<Option<&str>> = Vec::new();
        for t in &plan.tasks {
            let list = t.list.as_deref().map(str::trim).filter(|l| !l.is_empty());
            if !lists.contains(&list) {
                lists.push(list);
            }
        }
        out.push_str(&previous_words::check_tasks(
            lang,
            plan.tasks.len(),
            lists.len(),
        ));
    }
    match super::previous::find(None, Some(path), plan, None, lang, super::now()) {
        Ok(None) => {}
        Ok(Some(link)) => {
            out.push_str(&previous_words::check_previous(
                lang,
                &link.previous.path,
                &link.previous.title,
                link.previous.date.as_deref(),
                link.tasks.len(),
            ));
            if let Some(results) = &link.results {
                out.push_str(&previous_words::check_previous_results(
                    lang,
                    results.units.len(),
                    results.published,
                ));
            }
        }
        Err(e) => eprintln!(
            "podium: {}",
            previous_words::check_previous_warning(lang, &e)
        ),
    }
    out
}

/// The agenda by kind, the planned time of every item (a written item adds nothing, a speech
/// its soft limit), reviewers per group, scoring mode, and the meeting's roles when given.
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
        let name = cli::check_everyone(lang);
        groups.push((name.to_string(), ungrouped));
    }
    let groups = groups
        .iter()
        .map(|(n, c)| format!("{n} {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mode = cli::check_mode(lang, plan.scoring_mode());
    let agenda = report::agenda_counts(lang, plan.units.iter().map(|u| u.kind()));
    let mut out = cli::check_summary(
        lang,
        &plan.title,
        &agenda,
        &clock_text(total),
        plan.reviewers.len(),
        &groups,
        mode,
    );
    out.push_str(&series(plan, lang));
    out.push_str(&cli::check_roles(
        lang,
        &plan.attendees,
        &plan.observers,
        plan.recorder.as_deref(),
    ));
    out
}

/// The categories of the 汇报单位 (how many, and units in each), whether the overall rank is
/// shown, and the bands (`scoring.bands`), for a plan that scores.
fn series(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let mut categories: Vec<(&str, usize)> = Vec::new();
    let mut none = 0;
    for u in plan.units.iter().filter(|u| u.kind().is_report()) {
        match u
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            // Matched as scoring matches them (`names::key`): “ＡＢ” is “AB”.
            Some(c) => match categories
                .iter_mut()
                .find(|(n, _)| crate::names::key(n) == crate::names::key(c))
            {
                Some(entry) => entry.1 += 1,
                None => categories.push((c, 1)),
            },
            None => none += 1,
        }
    }
    if !categories.is_empty() {
        out.push_str(&cli::check_categories(lang, &categories, none));
    }
    if !plan.scoring_mode().scores() {
        return out;
    }
    let scoring = plan.scoring();
    if !scoring.ballot_groups.is_empty() {
        let groups: Vec<(&str, f64, Option<u32>)> = scoring
            .ballot_groups
            .iter()
            .map(|g| (g.name.as_str(), g.weight, g.ballots))
            .collect();
        out.push_str(&cli::check_ballot_groups(lang, &groups));
    }
    if scoring.overall_rank == Some(false) {
        out.push_str(cli::check_no_overall_rank(lang));
    }
    if let Some(bands) = &scoring.bands {
        let by_quota = bands.by == crate::plan::BandsBy::Quota;
        let levels: Vec<(&str, Option<f64>)> = bands
            .levels
            .iter()
            .map(|l| {
                let v = if by_quota { l.percent } else { l.min };
                (l.name.as_str(), v)
            })
            .collect();
        out.push_str(&cli::check_bands(
            lang,
            by_quota,
            &levels,
            !categories.is_empty(),
        ));
    }
    out
}
