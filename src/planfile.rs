//! Reading a plan from its JSON text, with every problem named by file, line, column and field.

use crate::jsonpos::{self, Seg};
use crate::plan::{PLAN_VERSION, Plan, ScoringMode};
use crate::strings::import::ScoringGap;
use crate::strings::{self, Lang};

/// A plan that parsed and passed validation, with any warnings as sentences.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub warnings: Vec<String>,
}

/// Parses and validates a plan. `file` is the name used in messages.
/// On failure, every error found, one sentence each.
pub fn parse(file: &str, text: &str, lang: Lang) -> Result<Loaded, Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The version first: a plan made for a newer podium may have fields this one does not
    // know, and is refused by its version (naming both), not by the first unknown field.
    if let Some(refusal) = version_refusal(file, text, lang) {
        return Err(vec![refusal]);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<Plan, (String, serde_json::Error)> =
        match serde_path_to_error::deserialize(&mut de) {
            Ok(plan) => de.end().map(|()| plan).map_err(|e| (String::new(), e)),
            Err(e) => {
                // serde_path_to_error writes `?` for a key it never read (a file cut inside
                // an object): the path is the part it did read.
                let path = e.path().to_string();
                let path = path
                    .split('.')
                    .filter(|seg| *seg != "?")
                    .collect::<Vec<_>>()
                    .join(".");
                Err((path, e.into_inner()))
            }
        };
    let plan = match parsed {
        Ok(plan) => plan,
        Err((path, inner)) => {
            let place = format!("{file}:{}:{}", inner.line(), inner.column());
            let message = describe_serde(lang, &inner);
            return Err(vec![if path.is_empty() || path == "." {
                format!("{place}: {message}")
            } else {
                format!("{place}: {path}: {message}")
            }]);
        }
    };
    let findings = plan.validate();
    let render = |f: &crate::plan::Finding| {
        let position = jsonpos::locate(text, &f.path).or_else(|| {
            // A missing field: point at its parent object.
            let parent: Vec<Seg> = f.path[..f.path.len().saturating_sub(1)].to_vec();
            jsonpos::locate(text, &parent)
        });
        strings::finding(lang, file, position, f)
    };
    let errors: Vec<String> = findings.iter().filter(|f| !f.warning).map(render).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut warnings: Vec<String> = findings.iter().filter(|f| f.warning).map(render).collect();
    warnings.extend(kind_warnings(file, text, &plan, lang));
    Ok(Loaded { warnings, plan })
}

/// What the agenda's kinds make of a sound plan that would not do what it says: a plan that
/// says an older version than a field it uses (an older podium would refuse it by that
/// field, not by its version); scoring rules in a meeting that does not score (nothing uses
/// them); a meeting that scores but has no 汇报单位 (nothing to score or rank). One sentence
/// each, at the field.
fn kind_warnings(file: &str, text: &str, plan: &Plan, lang: Lang) -> Vec<String> {
    let key = |k: &str| Seg::Key(k.to_string());
    let place = |path: &[Seg]| match jsonpos::locate(text, path) {
        Some((line, column)) => format!("{file}:{line}:{column}"),
        None => file.to_string(),
    };
    let mut out = Vec::new();
    // The fields of plan version 3 (the task ledger), then those of version 2 (agenda kinds).
    let ledger: Option<Vec<Seg>> = if !plan.tasks.is_empty() {
        Some(vec![key("tasks")])
    } else {
        plan.previous.as_ref().map(|_| vec![key("previous")])
    };
    let kinds: Option<Vec<Seg>> = plan
        .units
        .iter()
        .position(|u| u.kind.is_some())
        .map(|i| vec![key("units"), Seg::Index(i), key("kind")])
        .or_else(|| {
            [
                ("attendees", !plan.attendees.is_empty()),
                ("observers", !plan.observers.is_empty()),
                ("recorder", plan.recorder.is_some()),
            ]
            .into_iter()
            .find(|(_, used)| *used)
            .map(|(field, _)| vec![key(field)])
        })
        .or_else(|| {
            (plan.scoring_mode() == ScoringMode::None).then(|| vec![key("scoring"), key("mode")])
        });
    // The fields of plan version 4 (categories ranked apart, bands).
    let series: Option<Vec<Seg>> = plan.scoring.as_ref().and_then(|s| {
        if s.bands.is_some() {
            Some(vec![key("scoring"), key("bands")])
        } else {
            s.overall_rank
                .map(|_| vec![key("scoring"), key("overall_rank")])
        }
    });
    let newer = series
        .map(|p| (p, 4))
        .or_else(|| ledger.map(|p| (p, 3)))
        .or_else(|| kinds.map(|p| (p, 2)));
    if let (Some(said), Some((path, needed))) = (plan.version, newer)
        && said < needed
    {
        out.push(strings::cli::plan_says_older_version(
            lang,
            &place(&[key("version")]),
            &format!("{} ({})", jsonpos::path_text(&path), place(&path)),
            said,
            needed,
        ));
    }
    if let Some(s) = plan
        .scoring
        .as_ref()
        .filter(|s| s.mode == Some(ScoringMode::None))
    {
        let unused: Vec<&str> = [
            ("criteria", !s.criteria.is_empty()),
            ("step", s.step.is_some()),
            ("groups", !s.groups.is_empty()),
            ("trim", s.trim.is_some()),
            ("trim_min", s.trim_min.is_some()),
            ("decimals", s.decimals.is_some()),
            ("overtime", s.overtime.is_some()),
            ("undertime", s.undertime.is_some()),
            ("tie_break", !s.tie_break.is_empty()),
            ("spread_warn", s.spread_warn.is_some()),
            ("grades", !s.grades.is_empty()),
            ("overall_rank", s.overall_rank.is_some()),
            ("bands", s.bands.is_some()),
        ]
        .into_iter()
        .filter_map(|(field, set)| set.then_some(field))
        .collect();
        if !unused.is_empty() {
            let at = place(&[key("scoring"), key(unused[0])]);
            out.push(strings::cli::rules_of_no_scoring(lang, &at, &unused));
        }
    }
    if plan.scoring_mode().scores() && plan.reports().next().is_none() {
        let at = place(&[key("units")]);
        out.push(strings::cli::scores_without_reports(lang, &at));
    }
    out
}

/// The sentence refusing a plan whose top-level `version` this podium cannot read: a newer
/// one, or 0. `None` when the version is absent, readable, or not a whole number (the full
/// parse then says what is wrong with it), or when the text is not JSON at all.
fn version_refusal(file: &str, text: &str, lang: Lang) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        version: Option<serde_json::Value>,
    }
    let version = serde_json::from_str::<Probe>(text)
        .ok()?
        .version?
        .as_u64()?;
    if (1..=u64::from(PLAN_VERSION)).contains(&version) {
        return None;
    }
    let place = match jsonpos::locate(text, &[Seg::Key("version".into())]) {
        Some((line, column)) => format!("{file}:{line}:{column}"),
        None => file.to_string(),
    };
    let newest = PLAN_VERSION;
    Some(crate::strings::cli::plan_version(
        lang, &place, version, newest,
    ))
}

/// What keeps a sound plan's scoring from working: points with nobody to give them, a group
/// with no reviewer, a reviewer in no group, a 汇报单位 every reviewer must stay out of. The plan
/// still runs (remarks and timing need no scores); `podium check` says what to add.
pub fn scoring_gaps(plan: &Plan) -> Vec<ScoringGap> {
    let scoring = plan.scoring();
    let mut out = Vec::new();
    // An agenda without 汇报单位 (speeches only) scores nothing whatever its mode says.
    if scoring.mode.unwrap_or_default() == ScoringMode::Points
        && plan.reports().next().is_some()
        && !scoring.ballot_groups.is_empty()
    {
        // Scored by anonymous ballots: no reviewer is needed; one who scores without a group
        // is counted in the first ballot group.
        if let Some(first) = scoring.ballot_groups.first() {
            for r in plan.reviewers.iter().filter(|r| r.group.is_none()) {
                out.push(ScoringGap::Ungrouped(r.name.clone(), first.name.clone()));
            }
        }
    } else if scoring.mode.unwrap_or_default() == ScoringMode::Points
        && plan.reports().next().is_some()
    {
        if plan.reviewers.is_empty() {
            out.push(ScoringGap::NoReviewers);
        }
        for g in &scoring.groups {
            if !plan
                .reviewers
                .iter()
                .any(|r| r.group.as_deref() == Some(g.name.as_str()))
            {
                out.push(ScoringGap::EmptyGroup(g.name.clone()));
            }
        }
        if let Some(first) = scoring.groups.first() {
            for r in plan.reviewers.iter().filter(|r| r.group.is_none()) {
                out.push(ScoringGap::Ungrouped(r.name.clone(), first.name.clone()));
            }
        }
        if !plan.reviewers.is_empty() {
            for u in plan.reports() {
                if plan.reviewers.iter().all(|r| r.recused.contains(&u.name)) {
                    out.push(ScoringGap::AllRecused(u.name.clone()));
                }
            }
        }
    }
    out
}

/// `scoring_gaps`, one sentence each, prefixed with the file.
pub fn scoring_warnings(file: &str, plan: &Plan, lang: Lang) -> Vec<String> {
    scoring_gaps(plan)
        .iter()
        .map(|g| format!("{file}: {}", strings::import::scoring_gap(lang, g)))
        .collect()
}

/// serde_json's message without its own "at line X column Y" (the prefix says where).
fn describe_serde(lang: Lang, e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    crate::strings::cli::serde_problem(lang, &text, e.is_eof(), e.is_syntax())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_from_a_newer_podium_is_refused_by_its_version_not_its_fields() {
        let text = "{\n  \"version\": 9,\n  \"title\": \"会\",\n  \"agenda_kind\": \"vote\",\n  \"units\": [{\"name\": \"甲\", \"ballot\": true}]\n}";
        for lang in [Lang::En, Lang::Zh] {
            let errors = parse("plan.json", text, lang).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            let e = &errors[0];
            assert!(e.starts_with("plan.json:2:"), "{e}");
            assert!(
                e.contains('9') && e.contains(&PLAN_VERSION.to_string()),
                "{e}"
            );
            assert!(!e.to_lowercase().contains("unknown"), "{e}");
        }
        let e = &parse("plan.json", text, Lang::En).unwrap_err()[0];
        assert!(e.contains("plan version 9"), "{e}");
        assert!(
            e.contains(&format!("this podium reads plan version {PLAN_VERSION}")),
            "{e}"
        );
        assert!(e.contains("newer podium"), "{e}");
    }

    #[test]
    fn a_plan_of_this_version_reads_as_one_without_it() {
        let with = "{\"version\": 1, \"title\": \"会\", \"units\": [{\"name\": \"甲\"}]}";
        let without = "{\"title\": \"会\", \"units\": [{\"name\": \"甲\"}]}";
        let a = parse("a.json", with, Lang::En).unwrap().plan;
        let b = parse("b.json", without, Lang::En).unwrap().plan;
        assert_eq!(a.version, Some(1));
        assert_eq!(b.version, None);
        assert_eq!(Plan { version: None, ..a }, b);
        let zero = "{\"version\": 0, \"title\": \"会\", \"units\": [{\"name\": \"甲\"}]}";
        let e = &parse("z.json", zero, Lang::En).unwrap_err()[0];
        assert!(e.contains("no plan version 0"), "{e}");
        // Not a whole number: serde's own complaint, at the field.
        let text = "{\"version\": \"2\", \"title\": \"会\", \"units\": [{\"name\": \"甲\"}]}";
        let e = &parse("s.json", text, Lang::En).unwrap_err()[0];
        assert!(e.contains("version"), "{e}");
    }

    #[test]
    fn a_typo_is_an_error_with_its_place() {
        let text = "{\n  \"title\": \"会\",\n  \"units\": [{\"name\": \"甲\", \"minuts\": 5}]\n}";
        let errors = parse("plan.json", text, Lang::En).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("plan.json:3:"), "{}", errors[0]);
        assert!(errors[0].contains("units[0]"), "{}", errors[0]);
        assert!(
            errors[0].contains("unknown field `minuts`"),
            "{}",
            errors[0]
        );
    }
}

#[cfg(test)]
mod kinds_tests {
    use super::*;

    fn plan(json: serde_json::Value) -> Plan {
        serde_json::from_value(json).expect("plan")
    }

    #[test]
    fn an_agenda_of_speeches_has_no_scoring_gaps() {
        let p = plan(serde_json::json!({
            "title": "全体会议",
            "units": [{"name": "市长讲话", "kind": "speech"}]
        }));
        assert_eq!(scoring_gaps(&p), Vec::new());
        let p = plan(serde_json::json!({
            "title": "全体会议",
            "units": [{"name": "市长讲话", "kind": "speech"}, {"name": "甲"}]
        }));
        assert_eq!(scoring_gaps(&p), vec![ScoringGap::NoReviewers]);
    }

    #[test]
    fn a_reviewer_kept_out_of_a_speech_is_no_gap() {
        let p = plan(serde_json::json!({
            "title": "汇报会",
            "units": [{"name": "书记讲话", "kind": "speech"}, {"name": "甲"}],
            "reviewers": [{"name": "评委", "recused": ["书记讲话"]}]
        }));
        assert_eq!(scoring_gaps(&p), Vec::new());
        let p = plan(serde_json::json!({
            "title": "汇报会",
            "units": [{"name": "书记讲话", "kind": "speech"}, {"name": "甲"}],
            "reviewers": [{"name": "评委", "recused": ["甲"]}]
        }));
        assert_eq!(scoring_gaps(&p), vec![ScoringGap::AllRecused("甲".into())]);
    }
}
