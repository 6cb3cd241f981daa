//! `podium schema` read by a stock JSON Schema validator (the `jsonschema` crate, strict about
//! formats): the schema is valid JSON Schema 2020-12 with no format a validator does not
//! know; every sample plan in data/ and the plan imported from the office workbook pass it;
//! plans `podium check` refuses (negative minutes, no units, an unknown mode…) fail it too.

use podium::strings::Lang;
use serde_json::{Value, json};
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let schema = podium::plan::json_schema();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    jsonschema::options()
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(&schema)
        .unwrap_or_else(|e| panic!("a strict validator refuses the schema: {e}"))
}

fn errors(v: &jsonschema::Validator, plan: &Value) -> Vec<String> {
    v.iter_errors(plan)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_binary_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .arg("schema")
        .output()
        .expect("podium runs");
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(printed, podium::plan::json_schema());
}

#[test]
fn every_sample_plan_passes() {
    let v = validator();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut seen = 0;
    for entry in std::fs::read_dir(&data).expect("data/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("reads");
        let plan: Value = serde_json::from_str(&text).expect("JSON");
        let e = errors(&v, &plan);
        assert!(e.is_empty(), "{}: {e:#?}", path.display());
        podium::planfile::parse("plan.json", &text, Lang::En).expect("check accepts it");
        seen += 1;
    }
    assert!(seen >= 2, "the sample plans are in data/");

    // The plan made from the office workbook: units with categories, reviewers, weights.
    let table = podium::import::read_table(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office/units.xlsx"),
    )
    .expect("reads");
    let done = podium::import::office::plan(
        &table,
        podium::import::office::Extra::default(),
        "会",
        Lang::Zh,
    )
    .expect("imports");
    let plan = serde_json::to_value(&done.plan).expect("JSON");
    let e = errors(&v, &plan);
    assert!(e.is_empty(), "{e:#?}");
}

/// A sound plan with `change` applied at the top level.
fn plan_with(change: impl FnOnce(&mut Value)) -> Value {
    let mut plan = json!({
        "title": "三季度汇报会",
        "date": "2026-09-28",
        "start": "14:30",
        "units": [
            {"name": "城东区", "minutes": 8, "category": "县区"},
            {"name": "市财政局", "minutes": 6.5}
        ],
        "reviewers": [{"name": "张三", "group": "领导组"}, {"name": "李四", "group": "专家组"}],
        "scoring": {
            "mode": "points",
            "criteria": [{"name": "实绩", "max": 60}, {"name": "创新", "max": 40}],
            "groups": [{"name": "领导组", "weight": 60}, {"name": "专家组", "weight": 40}],
            "decimals": 2,
            "tie_break": ["untrimmed_mean", "group:领导组"]
        }
    });
    change(&mut plan);
    plan
}

#[test]
fn what_check_refuses_the_schema_refuses() {
    let v = validator();
    let good = plan_with(|_| {});
    assert!(errors(&v, &good).is_empty(), "{:#?}", errors(&v, &good));
    podium::planfile::parse("plan.json", &good.to_string(), Lang::En).expect("sound");

    let bad: Vec<(&str, Value)> = vec![
        (
            "negative minutes",
            plan_with(|p| p["units"][0]["minutes"] = json!(-5)),
        ),
        ("zero minutes", plan_with(|p| p["talk_minutes"] = json!(0))),
        (
            "more than 600 minutes",
            plan_with(|p| p["units"][1]["minutes"] = json!(601)),
        ),
        ("no units", plan_with(|p| p["units"] = json!([]))),
        (
            "an unknown mode",
            plan_with(|p| p["scoring"]["mode"] = json!("votes")),
        ),
        (
            "a blank unit name",
            plan_with(|p| p["units"][0]["name"] = json!("  ")),
        ),
        ("a bad date", plan_with(|p| p["date"] = json!("28/09/2026"))),
        ("a bad start", plan_with(|p| p["start"] = json!("25:00"))),
        (
            "a criterion of no points",
            plan_with(|p| p["scoring"]["criteria"][0]["max"] = json!(0)),
        ),
        (
            "decimals out of range",
            plan_with(|p| p["scoring"]["decimals"] = json!(7)),
        ),
        (
            "an unknown tie-break",
            plan_with(|p| p["scoring"]["tie_break"] = json!(["coin"])),
        ),
        (
            "a negative warning",
            plan_with(|p| p["warn_seconds"] = json!(-1)),
        ),
        (
            "an unknown field",
            plan_with(|p| p["units"][0]["minuts"] = json!(5)),
        ),
        (
            "a missing title",
            plan_with(|p| {
                p.as_object_mut().expect("an object").remove("title");
            }),
        ),
    ];
    for (what, plan) in bad {
        assert!(
            !errors(&v, &plan).is_empty(),
            "the schema lets {what} through"
        );
        assert!(
            podium::planfile::parse("plan.json", &plan.to_string(), Lang::En).is_err(),
            "podium check lets {what} through"
        );
    }
}

#[test]
fn the_strict_validator_would_refuse_the_formats_schemars_adds() {
    // schemars writes `"format": "double"`, `"uint32"`…; `json_schema` leaves them out, and
    // this is what a strict validator would make of them.
    let raw = schemars::schema_for!(podium::plan::Plan).to_value();
    let strict = jsonschema::options()
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(&raw);
    assert!(strict.is_err(), "the raw schema has no unknown format");
}
