//! `podium plan` over a plan of a series' round (plan version 4): the form has no place for
//! `scoring.overall_rank` and `scoring.bands`, and keeps them as the plan has them (as it keeps
//! `tasks` and `previous`), whatever else the host changes; a plan that has them is written
//! with the version that has them.

use podium::plan::{BandsBy, Plan};
use podium::planfile;
use podium::planform::PlanForm;
use podium::planform::state::{KEPT_SCORING, SERIES_VERSION};
use podium::strings::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn typed(form: &mut PlanForm, text: &str) {
    for c in text.chars() {
        form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn fixture(name: &str) -> (String, Plan) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/series")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the fixture plan");
    let plan = planfile::parse(name, &text, Lang::Zh)
        .expect("the fixture plan checks")
        .plan;
    (text, plan)
}

/// The plan the form writes, read back as `podium check` reads it.
fn written(form: &PlanForm) -> Plan {
    let text = form.text().expect("the form writes the plan");
    planfile::parse("p.json", &text, Lang::Zh)
        .expect("the written plan checks")
        .plan
}

#[test]
fn the_form_keeps_the_bands_and_the_overall_rank_of_a_plan_it_edits() {
    assert_eq!(KEPT_SCORING, ["overall_rank", "bands"]);
    for (name, by, overall) in [
        ("round1.plan.json", BandsBy::Quota, None),
        ("round2.plan.json", BandsBy::Score, Some(false)),
    ] {
        let (_, plan) = fixture(name);
        let scoring = plan.scoring.as_ref().expect("scoring");
        assert_eq!(scoring.bands.as_ref().map(|b| b.by), Some(by), "{name}");
        assert_eq!(scoring.overall_rank, overall, "{name}");
        for lang in [Lang::Zh, Lang::En] {
            let mut form = PlanForm::edit(lang, &plan, Path::new(name));
            assert_eq!(form.errors().count(), 0, "{name}: {:?}", form.issues);
            assert_eq!(written(&form), plan, "{name}, unchanged");
            // The host changes the title: the rest stays, bands and overall rank too.
            typed(&mut form, "（修订）");
            let again = written(&form);
            assert_ne!(again.title, plan.title, "{name}: the title was typed");
            assert_eq!(again.scoring, plan.scoring, "{name}");
            assert_eq!(again.units, plan.units, "{name}: categories too");
            assert_eq!(again.version, Some(SERIES_VERSION), "{name}");
        }
    }
}

#[test]
fn a_plan_with_bands_is_written_with_the_version_that_has_them() {
    // An older version said (a plan edited by hand): raised to 4 on writing.
    for (said, overall) in [("", "\"overall_rank\": false,"), ("\"version\": 2,", "")] {
        let text = format!(
            r#"{{{said} "title": "三季度比晒拼创", "units": [{{"name": "甲", "category": "县区"}},
            {{"name": "乙", "category": "部门"}}],
            "scoring": {{"mode": "points", {overall}
              "bands": {{"by": "score", "levels": [{{"name": "好", "min": 90}}, {{"name": "一般"}}]}}}}}}"#
        );
        let plan = planfile::parse("p.json", &text, Lang::Zh)
            .expect("valid (warned for its version)")
            .plan;
        let form = PlanForm::edit(Lang::Zh, &plan, Path::new("p.json"));
        let again = written(&form);
        assert_eq!(again.version, Some(SERIES_VERSION), "{text}");
        assert_eq!(again.scoring, plan.scoring, "{text}");
    }
    // Without them the version is not raised: a plan of version 1 stays one.
    let text = r#"{"title": "三季度汇报会", "units": [{"name": "甲"}],
        "scoring": {"mode": "points", "decimals": 2}}"#;
    let plan = planfile::parse("p.json", text, Lang::Zh)
        .expect("valid")
        .plan;
    let again = written(&PlanForm::edit(Lang::Zh, &plan, Path::new("p.json")));
    assert_eq!(again.version, None);
    let scoring = again.scoring.expect("scoring");
    assert!(scoring.bands.is_none() && scoring.overall_rank.is_none());
    // A new plan has neither.
    let form = PlanForm::new(Lang::Zh, Some(Path::new("new.json")));
    assert!(form.kept_scoring.is_empty());
}
