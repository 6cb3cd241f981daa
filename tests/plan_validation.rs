//! Every plan validation rule of issue 2, each with its full message (file, line, column,
//! field path, sentence), read through `planfile::parse` in English.

use podium::planfile::{self, Loaded};
use podium::strings::Lang;

const FILE: &str = "plan.json";

fn parse(text: &str) -> Result<Loaded, Vec<String>> {
    planfile::parse(FILE, text, Lang::En)
}

/// The errors of a plan that must not load.
fn errors(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(loaded) => panic!(
            "the plan loaded, with warnings {:?}:\n{text}",
            loaded.warnings
        ),
        Err(errors) => errors,
    }
}

/// The one error of a plan that must not load.
fn error(text: &str) -> String {
    let mut all = errors(text);
    assert_eq!(all.len(), 1, "expected exactly one error, got {all:#?}");
    all.remove(0)
}

/// A plan that must load; returns it with its warnings.
fn loads(text: &str) -> Loaded {
    match parse(text) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("the plan did not load: {errors:#?}\n{text}"),
    }
}

/// `line:col` (1-based; the column counts characters) of `value`, which sits inside the one
/// place where `context` occurs in `text`. Computed from the text itself, independently of
/// podium's own position finder.
fn at(text: &str, context: &str, value: &str) -> String {
    let starts: Vec<usize> = text.match_indices(context).map(|(i, _)| i).collect();
    assert_eq!(starts.len(), 1, "{context:?} must occur once in the text");
    let offset = starts[0]
        + context
            .find(value)
            .unwrap_or_else(|| panic!("{value:?} is not in {context:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{line}:{col}")
}

/// A plan with a title, the given top-level fields and units, one unit per line.
fn plan(extra: &str, units: &[&str]) -> String {
    let units = units.join(",\n    ");
    format!("{{\n  \"title\": \"汇报会\",{extra}\n  \"units\": [\n    {units}\n  ]\n}}\n")
}

/// A plan with two units and the given `reviewers` and `scoring` (JSON texts, may be empty).
fn scored(reviewers: &str, scoring: &str) -> String {
    let mut text = String::from(
        "{\n  \"title\": \"汇报会\",\n  \"units\": [\n    {\"name\": \"市财政局\"},\n    {\"name\": \"市税务局\"}\n  ]",
    );
    if !reviewers.is_empty() {
        text.push_str(",\n  \"reviewers\": ");
        text.push_str(reviewers);
    }
    if !scoring.is_empty() {
        text.push_str(",\n  \"scoring\": ");
        text.push_str(scoring);
    }
    text.push_str("\n}\n");
    text
}

#[test]
fn the_example_of_the_issue_is_reported_word_for_word() {
    let text = r#"{
  "title": "汇报会",
  "date": "2026-05-30",
  "start": "09:00",
  "venue": "第一会议室",
  "host": "主持人",
  "units": [
    {"name": "甲"},
    {"name": "乙"},
    {"name": "丙"},
    {
      "name": "丁",
      "presenter": "负责人",
      "minutes": -5
    }
  ]
}
"#;
    assert_eq!(
        errors(text),
        vec!["plan.json:14:18: units[3].minutes: must be more than 0 (got -5)"]
    );
}

#[test]
fn the_full_example_plan_of_the_issue_is_valid() {
    let text = r#"{
  "title": "“明职责、对目标、争一流”工作汇报会",
  "date": "2026-05-30", "start": "09:00", "venue": "…", "host": "…",
  "talk_minutes": 8, "warn_seconds": 60,
  "units": [ {"name": "市财政局", "presenter": "…", "role": "党组书记、局长", "minutes": 8, "topic": "…"} ],
  "reviewers": [ {"name": "…", "role": "市委常委、常务副市长", "group": "领导", "recused": ["市财政局"]} ],
  "scoring": {
    "mode": "points",
    "criteria": [ {"name": "工作成效", "max": 40}, {"name": "目标谋划", "max": 30} ],
    "step": 0.5,
    "groups": [ {"name": "领导", "weight": 60}, {"name": "代表委员", "weight": 40} ],
    "trim": 1, "trim_min": 5, "decimals": 2,
    "overtime": {"grace_seconds": 10, "every_seconds": 30, "points": 0.5, "max_points": 2},
    "undertime": {"min_minutes": 5, "points": 1},
    "tie_break": ["group:领导", "untrimmed_mean", "less_overtime"],
    "spread_warn": 15,
    "grades": [ {"name": "优秀", "points": 100}, {"name": "良好", "points": 80}, {"name": "一般", "points": 60}, {"name": "较差", "points": 40} ]
  }
}"#;
    let loaded = loads(text);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.plan.units.len(), 1);
    assert_eq!(loaded.plan.unit_limit_seconds(&loaded.plan.units[0]), 480);
}

#[test]
fn the_sample_plans_in_data_are_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("data/ exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Err(errors) = planfile::parse(&name, &text, Lang::En) {
                panic!("{name} does not load: {errors:#?}");
            }
            seen += 1;
        }
    }
    assert!(seen >= 2, "data/ should hold at least two plans");
}

// ---- units -------------------------------------------------------------------------------

#[test]
fn no_units_is_an_error() {
    let text = "{\n  \"title\": \"汇报会\",\n  \"units\": []\n}\n";
    assert_eq!(
        error(text),
        "plan.json:3:12: units: needs at least one unit"
    );
}

#[test]
fn a_missing_units_field_is_an_error() {
    let text = "{\n  \"title\": \"汇报会\"\n}\n";
    let e = error(text);
    assert!(e.starts_with("plan.json:3:1: "), "{e}");
    assert!(e.ends_with("missing field `units`"), "{e}");
}

#[test]
fn a_duplicate_unit_name_is_an_error() {
    let text = plan(
        "",
        &[
            r#"{"name": "市财政局"}"#,
            r#"{"name": "市财政局", "minutes": 5}"#,
        ],
    );
    let place = at(&text, r#""市财政局", "minutes""#, "\"市财政局\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: units[1].name: duplicate unit name \"市财政局\"")
    );
}

#[test]
fn a_duplicate_reviewer_name_is_an_error() {
    let text = scored(
        r#"[
    {"name": "常务副市长"},
    {"name": "分管副市长"},
    {"name": "常务副市长", "role": "again"}
  ]"#,
        "",
    );
    let place = at(&text, r#""常务副市长", "role""#, "\"常务副市长\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: reviewers[2].name: duplicate reviewer name \"常务副市长\"")
    );
}

#[test]
fn an_empty_name_is_an_error() {
    let text = plan("", &[r#"{"name": "市财政局"}"#, r#"{"name": ""}"#]);
    let place = at(&text, r#""name": """#, "\"\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: units[1].name: must not be empty")
    );
}

#[test]
fn a_blank_name_counts_as_empty() {
    let text = scored(r#"[{"name": "   "}]"#, "");
    let place = at(&text, r#""   ""#, "\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: reviewers[0].name: must not be empty")
    );
}

#[test]
fn an_empty_title_is_an_error() {
    let text = "{\n  \"title\": \"\",\n  \"units\": [{\"name\": \"甲\"}]\n}\n";
    assert_eq!(error(text), "plan.json:2:12: title: must not be empty");
}

#[test]
fn a_name_with_control_characters_is_an_error() {
    let text = plan("", &[r#"{"name": "市财\u001b[31m政局"}"#]);
    let place = at(&text, r#""市财\u001b"#, "\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: units[0].name: must not contain control characters")
    );
}

#[test]
fn control_characters_in_a_reviewer_name_or_presenter_are_errors() {
    let text = r#"{
  "title": "汇报会",
  "units": [
    {"name": "市财政局", "presenter": "局\u0007长"}
  ],
  "reviewers": [
    {"name": "常务\u0085副市长"}
  ]
}
"#;
    assert_eq!(
        errors(text),
        vec![
            "plan.json:4:35: units[0].presenter: must not contain control characters",
            "plan.json:7:14: reviewers[0].name: must not contain control characters",
        ]
    );
}

#[test]
fn minutes_of_zero_or_less_are_an_error() {
    let text = plan("", &[r#"{"name": "甲", "minutes": 0}"#]);
    let place = at(&text, r#""minutes": 0"#, "0");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: units[0].minutes: must be more than 0 (got 0)")
    );
    let text = plan("\n  \"talk_minutes\": -1.5,", &[r#"{"name": "甲"}"#]);
    let place = at(&text, "-1.5", "-1.5");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: talk_minutes: must be more than 0 (got -1.5)")
    );
}

#[test]
fn minutes_over_600_are_an_error() {
    let text = plan(
        "",
        &[
            r#"{"name": "甲", "minutes": 600}"#,
            r#"{"name": "乙", "minutes": 600.5}"#,
        ],
    );
    let place = at(&text, "600.5", "600.5");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: units[1].minutes: must be at most 600 minutes (got 600.5)")
    );
}

#[test]
fn minutes_whose_limit_rounds_below_one_second_are_an_error() {
    // 0.008 min = 0.48 s, which rounds to 0 s; 0.0084 min = 0.504 s rounds to 1 s and is fine.
    let text = plan(
        "\n  \"warn_seconds\": 0,",
        &[
            r#"{"name": "甲", "minutes": 0.0084}"#,
            r#"{"name": "乙", "minutes": 0.008}"#,
        ],
    );
    let place = at(&text, "0.008}", "0.008");
    assert_eq!(
        error(&text),
        format!(
            "plan.json:{place}: units[1].minutes: gives a limit below 1 second (0.008 minutes)"
        )
    );
}

#[test]
fn a_negative_warning_time_is_an_error() {
    let text = plan("\n  \"warn_seconds\": -1,", &[r#"{"name": "甲"}"#]);
    assert_eq!(
        error(&text),
        "plan.json:3:19: warn_seconds: must not be negative (got -1)"
    );
}

#[test]
fn a_warning_time_not_shorter_than_a_limit_is_a_warning_not_an_error() {
    let text = plan(
        "\n  \"warn_seconds\": 90,",
        &[
            r#"{"name": "市财政局", "minutes": 8}"#,
            r#"{"name": "市税务局", "minutes": 1.5}"#,
            r#"{"name": "市人社局", "minutes": 1}"#,
        ],
    );
    let loaded = loads(&text);
    assert_eq!(
        loaded.warnings,
        vec![
            "plan.json:3:19: warning: warn_seconds: the 90 s warning is not shorter than 市税务局's 90 s limit: it will sound as the talk starts",
            "plan.json:3:19: warning: warn_seconds: the 90 s warning is not shorter than 市人社局's 60 s limit: it will sound as the talk starts",
        ]
    );
}

#[test]
fn with_the_default_warning_time_the_warning_names_the_units_minutes() {
    let text = plan("", &[r#"{"name": "甲", "minutes": 0.5}"#]);
    let place = at(&text, "0.5", "0.5");
    let loaded = loads(&text);
    assert_eq!(
        loaded.warnings,
        vec![format!(
            "plan.json:{place}: warning: units[0].minutes: the 60 s warning is not shorter than 甲's 30 s limit: it will sound as the talk starts"
        )]
    );
}

#[test]
fn fractional_minutes_give_exact_limits() {
    let text = plan(
        "\n  \"talk_minutes\": 7.5,",
        &[
            r#"{"name": "甲", "minutes": 8.2}"#,
            r#"{"name": "乙", "minutes": 0.5}"#,
            r#"{"name": "丙"}"#,
            r#"{"name": "丁", "minutes": 0.075}"#,
            r#"{"name": "戊", "minutes": 600}"#,
        ],
    );
    let loaded = loads(&text);
    let plan = &loaded.plan;
    let limits: Vec<i64> = plan
        .units
        .iter()
        .map(|u| plan.unit_limit_seconds(u))
        .collect();
    // 8.2 × 60 = 492 exactly (not 491.99…); 0.5 → 30; talk_minutes 7.5 → 450;
    // 0.075 × 60 = 4.5 s rounds half up to 5; 600 → 36000.
    assert_eq!(limits, vec![492, 30, 450, 5, 36000]);
    assert_eq!(podium::plan::limit_seconds(8.2), Some(492));
    assert_eq!(podium::plan::limit_seconds(0.5), Some(30));
}

#[test]
fn defaults_apply_when_fields_are_absent() {
    let loaded = loads(&plan("", &[r#"{"name": "甲"}"#]));
    let plan = &loaded.plan;
    assert_eq!(plan.talk_minutes(), 8.0);
    assert_eq!(plan.warn_seconds(), 60);
    assert_eq!(plan.unit_limit_seconds(&plan.units[0]), 480);
    assert!(loaded.warnings.is_empty());
}

// ---- date and time -----------------------------------------------------------------------

#[test]
fn a_bad_date_is_an_error() {
    let text = plan("\n  \"date\": \"2026-02-30\",", &[r#"{"name": "甲"}"#]);
    assert_eq!(
        error(&text),
        "plan.json:3:11: date: must be a date YYYY-MM-DD (got \"2026-02-30\")"
    );
    let text = plan("\n  \"date\": \"30.05.2026\",", &[r#"{"name": "甲"}"#]);
    assert_eq!(
        error(&text),
        "plan.json:3:11: date: must be a date YYYY-MM-DD (got \"30.05.2026\")"
    );
}

#[test]
fn a_bad_start_time_is_an_error() {
    let text = plan("\n  \"start\": \"25:00\",", &[r#"{"name": "甲"}"#]);
    assert_eq!(
        error(&text),
        "plan.json:3:12: start: must be a time HH:MM (got \"25:00\")"
    );
    let text = plan("\n  \"start\": \"上午九点\",", &[r#"{"name": "甲"}"#]);
    assert_eq!(
        error(&text),
        "plan.json:3:12: start: must be a time HH:MM (got \"上午九点\")"
    );
}

// ---- reviewers and groups ----------------------------------------------------------------

#[test]
fn a_reviewer_in_an_undeclared_group_is_an_error() {
    let text = scored(
        r#"[
    {"name": "常务副市长", "group": "领导"},
    {"name": "人大代表", "group": "代表"}
  ]"#,
        r#"{"groups": [{"name": "领导", "weight": 60}, {"name": "代表委员", "weight": 40}]}"#,
    );
    let place = at(&text, r#""group": "代表""#, "\"代表\"");
    assert_eq!(
        error(&text),
        format!(
            "plan.json:{place}: reviewers[1].group: group \"代表\" is not declared in scoring.groups"
        )
    );
}

#[test]
fn reviewer_groups_are_free_when_no_groups_are_declared() {
    let text = scored(r#"[{"name": "常务副市长", "group": "领导"}]"#, "");
    assert!(loads(&text).warnings.is_empty());
}

#[test]
fn group_weights_must_sum_to_100() {
    let text = scored(
        "",
        r#"{
    "groups": [
      {"name": "领导", "weight": 60},
      {"name": "代表委员", "weight": 30}
    ]
  }"#,
    );
    let place = at(&text, "\"groups\": [", "[");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.groups: group weights must sum to 100 (got 90)")
    );
}

#[test]
fn group_weights_summing_to_100_with_decimals_are_exact() {
    // 33.3333 + 33.3333 + 33.3334 is 100 exactly, although the binary floats are not.
    let text = scored(
        "",
        r#"{"groups": [{"name": "甲", "weight": 33.3333}, {"name": "乙", "weight": 33.3333}, {"name": "丙", "weight": 33.3334}]}"#,
    );
    loads(&text);
}

#[test]
fn a_group_weight_of_zero_or_less_is_an_error() {
    let text = scored(
        "",
        r#"{
    "groups": [
      {"name": "领导", "weight": 100},
      {"name": "代表委员", "weight": 0}
    ]
  }"#,
    );
    let place = at(&text, r#""weight": 0"#, "0");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.groups[1].weight: must be more than 0 (got 0)")
    );
    let text = scored(
        "",
        r#"{"groups": [{"name": "领导", "weight": 110}, {"name": "代表委员", "weight": -10}]}"#,
    );
    let place = at(&text, "-10", "-10");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.groups[1].weight: must be more than 0 (got -10)")
    );
}

#[test]
fn a_recused_unit_that_does_not_exist_is_an_error() {
    let text = scored(
        r#"[
    {"name": "常务副市长", "recused": ["市财政局", "市财政厅"]}
  ]"#,
        "",
    );
    let place = at(&text, "\"市财政厅\"", "\"");
    assert_eq!(
        error(&text),
        format!(
            "plan.json:{place}: reviewers[0].recused[1]: names no unit of the plan (\"市财政厅\")"
        )
    );
}

// ---- scoring -----------------------------------------------------------------------------

#[test]
fn a_criterion_max_of_zero_or_less_is_an_error() {
    let text = scored(
        "",
        r#"{
    "criteria": [
      {"name": "工作成效", "max": 40},
      {"name": "目标谋划", "max": 0},
      {"name": "创新亮点", "max": -5}
    ]
  }"#,
    );
    assert_eq!(
        errors(&text),
        vec![
            format!(
                "plan.json:{}: scoring.criteria[1].max: must be more than 0 (got 0)",
                at(&text, r#""max": 0"#, "0")
            ),
            format!(
                "plan.json:{}: scoring.criteria[2].max: must be more than 0 (got -5)",
                at(&text, r#""max": -5"#, "-5")
            ),
        ]
    );
}

#[test]
fn a_duplicate_criterion_name_is_an_error() {
    let text = scored(
        "",
        r#"{
    "criteria": [
      {"name": "工作成效", "max": 40},
      {"name": "工作成效", "max": 60}
    ]
  }"#,
    );
    let place = at(&text, r#""工作成效", "max": 60"#, "\"");
    assert_eq!(
        error(&text),
        format!(
            "plan.json:{place}: scoring.criteria[1].name: duplicate criterion name \"工作成效\""
        )
    );
}

#[test]
fn a_step_of_zero_or_less_is_an_error() {
    for (step, shown) in [("0", "0"), ("-0.5", "-0.5")] {
        let text = scored("", &format!("{{\n    \"step\": {step}\n  }}"));
        let place = at(&text, &format!("\"step\": {step}"), step);
        assert_eq!(
            error(&text),
            format!("plan.json:{place}: scoring.step: must be more than 0 (got {shown})")
        );
    }
}

#[test]
fn a_step_that_is_not_a_multiple_of_a_ten_thousandth_is_an_error() {
    let text = scored("", "{\n    \"step\": 0.00015\n  }");
    let place = at(&text, "0.00015", "0");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.step: must be a multiple of 0.0001 (got 0.00015)")
    );
    loads(&scored("", "{\"step\": 0.0001}"));
    loads(&scored("", "{\"step\": 0.25}"));
}

#[test]
fn a_negative_trim_is_an_error() {
    let text = scored("", "{\n    \"trim\": -1\n  }");
    let place = at(&text, "\"trim\": -1", "-1");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.trim: must not be negative (got -1)")
    );
}

#[test]
fn trim_min_below_twice_trim_plus_one_is_an_error() {
    let text = scored("", "{\n    \"trim\": 2,\n    \"trim_min\": 4\n  }");
    let place = at(&text, "\"trim_min\": 4", "4");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.trim_min: must be at least 2·trim+1 = 5 (got 4)")
    );
    loads(&scored("", "{\"trim\": 2, \"trim_min\": 5}"));
}

#[test]
fn decimals_above_4_are_an_error() {
    let text = scored("", "{\n    \"decimals\": 5\n  }");
    let place = at(&text, "\"decimals\": 5", "5");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.decimals: must be between 0 and 4 (got 5)")
    );
    loads(&scored("", "{\"decimals\": 4}"));
    loads(&scored("", "{\"decimals\": 0}"));
}

#[test]
fn an_unknown_tie_break_entry_is_an_error() {
    let text = scored(
        "",
        r#"{
    "criteria": [{"name": "工作成效", "max": 100}],
    "groups": [{"name": "领导", "weight": 100}],
    "tie_break": ["group:领导", "group:外宾", "criterion:工作成效", "criterion:亮点", "median", "untrimmed_mean", "less_overtime", "excellent_share"]
  }"#,
    );
    let use_list =
        "(use group:NAME, criterion:NAME, untrimmed_mean, less_overtime, excellent_share)";
    assert_eq!(
        errors(&text),
        vec![
            format!(
                "plan.json:{}: scoring.tie_break[1]: \"group:外宾\" names no known rule, group or criterion {use_list}",
                at(&text, "\"group:外宾\"", "\"")
            ),
            format!(
                "plan.json:{}: scoring.tie_break[3]: \"criterion:亮点\" names no known rule, group or criterion {use_list}",
                at(&text, "\"criterion:亮点\"", "\"")
            ),
            format!(
                "plan.json:{}: scoring.tie_break[4]: \"median\" names no known rule, group or criterion {use_list}",
                at(&text, "\"median\"", "\"")
            ),
        ]
    );
}

#[test]
fn a_spread_warning_of_zero_or_less_is_an_error() {
    let text = scored("", "{\n    \"spread_warn\": 0\n  }");
    let place = at(&text, "\"spread_warn\": 0", "0");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.spread_warn: must be more than 0 (got 0)")
    );
    let text = scored("", "{\n    \"spread_warn\": -2.5\n  }");
    let place = at(&text, "-2.5", "-");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.spread_warn: must be more than 0 (got -2.5)")
    );
}

#[test]
fn duplicate_grade_names_are_an_error() {
    let text = scored(
        "",
        r#"{
    "mode": "grades",
    "grades": [
      {"name": "优秀", "points": 100},
      {"name": "良好", "points": 80},
      {"name": "优秀", "points": 60}
    ]
  }"#,
    );
    let place = at(&text, r#""优秀", "points": 60"#, "\"");
    assert_eq!(
        error(&text),
        format!("plan.json:{place}: scoring.grades[2].name: duplicate grade name \"优秀\"")
    );
}

// ---- the file as a whole -----------------------------------------------------------------

#[test]
fn an_unknown_field_is_an_error_naming_its_path() {
    let text = plan("", &[r#"{"name": "甲", "minuts": 5}"#]);
    let e = error(&text);
    let line = at(&text, "\"minuts\"", "\"");
    let line = line.split(':').next().unwrap();
    assert!(e.starts_with(&format!("plan.json:{line}:")), "{e}");
    assert!(
        e.ends_with(
            ": units[0].minuts: unknown field `minuts`, expected one of `name`, `kind`, `presenter`, `role`, `minutes`, `topic`, `category`"
        ),
        "{e}"
    );
}

#[test]
fn an_unknown_top_level_or_scoring_field_is_an_error() {
    let text = "{\n  \"titel\": \"汇报会\",\n  \"units\": [{\"name\": \"甲\"}]\n}\n";
    let e = error(text);
    assert!(e.starts_with("plan.json:2:"), "{e}");
    assert!(e.contains("unknown field `titel`"), "{e}");

    let text = scored("", "{\n    \"stepp\": 0.5\n  }");
    let e = error(&text);
    let line = at(&text, "\"stepp\"", "\"");
    let line = line.split(':').next().unwrap();
    assert!(e.starts_with(&format!("plan.json:{line}:")), "{e}");
    assert!(
        e.contains(": scoring.stepp: unknown field `stepp`, expected one of"),
        "{e}"
    );
}

#[test]
fn a_json_syntax_error_names_its_place() {
    let text = "{\n  \"title\": \"汇报会\",\n  \"units\": [{\"name\": \"甲\",}]\n}\n";
    let e = error(text);
    assert!(e.starts_with("plan.json:3:"), "{e}");
}

#[test]
fn a_wrong_type_is_an_error_naming_its_path() {
    let text = plan("", &[r#"{"name": "甲", "minutes": "8"}"#]);
    let e = error(&text);
    assert!(
        e.contains(": units[0].minutes: invalid type: string \"8\""),
        "{e}"
    );
}

#[test]
fn every_error_in_a_file_is_reported_at_once_in_document_order() {
    let text = r#"{
  "title": "汇报会",
  "date": "2026-13-01",
  "start": "9点",
  "warn_seconds": -5,
  "units": [
    {"name": "市财政局", "minutes": 0},
    {"name": "市财政局", "minutes": 700}
  ],
  "reviewers": [
    {"name": "常务副市长", "group": "外宾", "recused": ["市交通局"]}
  ],
  "scoring": {
    "criteria": [{"name": "总分", "max": 0}],
    "step": -1,
    "groups": [{"name": "领导", "weight": 50}],
    "trim": -1,
    "decimals": 9,
    "tie_break": ["coin_toss"],
    "spread_warn": -1,
    "grades": [{"name": "优秀", "points": 100}, {"name": "优秀", "points": 90}]
  }
}
"#;
    let tie = "\"coin_toss\" names no known rule, group or criterion (use group:NAME, criterion:NAME, untrimmed_mean, less_overtime, excellent_share)";
    assert_eq!(
        errors(text),
        vec![
            "plan.json:3:11: date: must be a date YYYY-MM-DD (got \"2026-13-01\")".to_string(),
            "plan.json:4:12: start: must be a time HH:MM (got \"9点\")".into(),
            "plan.json:5:19: warn_seconds: must not be negative (got -5)".into(),
            "plan.json:7:33: units[0].minutes: must be more than 0 (got 0)".into(),
            "plan.json:8:14: units[1].name: duplicate unit name \"市财政局\"".into(),
            "plan.json:8:33: units[1].minutes: must be at most 600 minutes (got 700)".into(),
            "plan.json:11:32: reviewers[0].group: group \"外宾\" is not declared in scoring.groups"
                .into(),
            "plan.json:11:50: reviewers[0].recused[0]: names no unit of the plan (\"市交通局\")"
                .into(),
            "plan.json:14:40: scoring.criteria[0].max: must be more than 0 (got 0)".into(),
            "plan.json:15:13: scoring.step: must be more than 0 (got -1)".into(),
            "plan.json:16:15: scoring.groups: group weights must sum to 100 (got 50)".into(),
            "plan.json:17:13: scoring.trim: must not be negative (got -1)".into(),
            "plan.json:18:17: scoring.decimals: must be between 0 and 4 (got 9)".into(),
            format!("plan.json:19:19: scoring.tie_break[0]: {tie}"),
            "plan.json:20:20: scoring.spread_warn: must be more than 0 (got -1)".into(),
            "plan.json:21:56: scoring.grades[1].name: duplicate grade name \"优秀\"".into(),
        ]
    );
}

#[test]
fn errors_can_be_read_in_chinese() {
    let text = plan("", &[r#"{"name": "甲", "minutes": -5}"#]);
    let place = at(&text, "-5", "-5");
    assert_eq!(
        planfile::parse(FILE, &text, Lang::Zh).unwrap_err(),
        vec![format!(
            "plan.json:{place}: units[0].minutes: 必须大于 0（实际为 -5）"
        )]
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", plan("", &[r#"{"name": "甲"}"#]));
    loads(&text);
}

#[test]
fn overtime_undertime_and_group_rules_are_checked_too() {
    let text = scored(
        "",
        r#"{
    "groups": [{"name": "领导", "weight": 50}, {"name": "领导", "weight": 50}],
    "overtime": {"grace_seconds": -1, "every_seconds": 0, "points": -0.5, "max_points": 2},
    "undertime": {"min_minutes": 0, "points": 1}
  }"#,
    );
    assert_eq!(
        errors(&text),
        vec![
            format!(
                "plan.json:{}: scoring.groups[1].name: duplicate group name \"领导\"",
                at(&text, r#""领导", "weight": 50}]"#, "\"")
            ),
            format!(
                "plan.json:{}: scoring.overtime.grace_seconds: must not be negative (got -1)",
                at(&text, "\"grace_seconds\": -1", "-1")
            ),
            format!(
                "plan.json:{}: scoring.overtime.every_seconds: must be more than 0 (got 0)",
                at(&text, "\"every_seconds\": 0", "0")
            ),
            format!(
                "plan.json:{}: scoring.overtime.points: must not be negative (got -0.5)",
                at(&text, "-0.5", "-0.5")
            ),
            format!(
                "plan.json:{}: scoring.undertime.min_minutes: must be more than 0 (got 0)",
                at(&text, "\"min_minutes\": 0", "0")
            ),
        ]
    );
}

#[test]
fn windows_line_endings_do_not_shift_positions() {
    let text = "{\r\n  \"title\": \"汇报会\",\r\n  \"units\": [\r\n    {\"name\": \"甲\", \"minutes\": -5}\r\n  ]\r\n}\r\n";
    assert_eq!(
        errors(text),
        vec!["plan.json:4:30: units[0].minutes: must be more than 0 (got -5)"]
    );
}
