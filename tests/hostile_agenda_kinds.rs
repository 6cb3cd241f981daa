//! Agenda kinds against hostile files: a plan whose `kind` or `mode` is not a word, sessions
//! edited by hand so that a written item talks, a speech holds scores or a meeting that does
//! not score says its results are published, and score sheets naming an item that looks like
//! a 汇报单位. Each is read as the kinds mean, never as the file pretends.

use chrono::{FixedOffset, TimeZone};
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Event, Session, Time};
use podium::strings::Lang;
use serde_json::{Value, json};

fn at(minute: u32) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 9, 30, 14, minute, 0)
        .unwrap()
}

/// A session folded from `plan` and `events` (each given `seq` and `at` here), as a hand
/// edited session file would give them.
fn session(plan: Value, events: Vec<Value>) -> Session {
    let events: Vec<Event> = events
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            e["seq"] = json!(i + 1);
            e["at"] = json!(at(i as u32).to_rfc3339());
            serde_json::from_value(e).expect("the test event parses")
        })
        .collect();
    Session::from_events(
        serde_json::from_value(plan).expect("the test plan parses"),
        events,
    )
}

fn agenda(mode: &str) -> Value {
    json!({
        "version": 2,
        "title": "推进会",
        "units": [
            {"name": "甲"},
            {"name": "乙"},
            {"name": "书记讲话", "kind": "speech", "minutes": 10},
            {"name": "书面通报", "kind": "written"},
            {"name": "传达", "kind": "briefing", "minutes": 3}
        ],
        "reviewers": [{"name": "评委A"}, {"name": "评委B"}],
        "scoring": {"mode": mode}
    })
}

fn record(s: &Session) -> Value {
    serde_json::to_value(Record::of(s, at(59))).unwrap()
}

fn unit<'a>(rec: &'a Value, name: &str) -> &'a Value {
    rec["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name} in {rec}"))
}

#[test]
fn a_kind_or_mode_that_is_not_text_is_a_wrong_type_not_a_json_syntax_error() {
    for (field, text) in [
        (
            "kind",
            r#"{"title": "会", "units": [{"name": "甲", "kind": 5}]}"#,
        ),
        (
            "kind",
            r#"{"title": "会", "units": [{"name": "甲", "kind": ["speech"]}]}"#,
        ),
        (
            "kind",
            r#"{"title": "会", "units": [{"name": "甲", "kind": {"speech": 1}}]}"#,
        ),
        (
            "mode",
            r#"{"title": "会", "units": [{"name": "甲"}], "scoring": {"mode": 0}}"#,
        ),
    ] {
        for lang in [Lang::En, Lang::Zh] {
            let errors = planfile::parse("plan.json", text, lang).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            let e = &errors[0];
            assert!(e.starts_with("plan.json:1:"), "{e}");
            assert!(e.contains(field), "names the field: {e}");
            // The file is JSON: saying it is not misleads the person fixing it.
            assert!(!e.contains("expected value"), "{e}");
            assert!(!e.contains("JSON 格式错误"), "{e}");
            assert!(
                e.contains("speech") || e.contains("none"),
                "says the words: {e}"
            );
        }
    }
    // The words themselves still read, and `null` is the default.
    let text = r#"{"title": "会", "units": [{"name": "甲", "kind": "speech"}, {"name": "乙", "kind": null}], "scoring": {"mode": "none"}}"#;
    let plan = planfile::parse("plan.json", text, Lang::En).unwrap().plan;
    assert_eq!(plan.units[0].kind(), podium::plan::UnitKind::Speech);
    assert_eq!(plan.units[1].kind(), podium::plan::UnitKind::Report);
    assert_eq!(plan.scoring_mode(), podium::plan::ScoringMode::None);
    let e = &planfile::parse(
        "plan.json",
        r#"{"title": "会", "units": [{"name": "甲", "kind": "Speech"}]}"#,
        Lang::En,
    )
    .unwrap_err()[0];
    assert!(e.contains("unknown variant `Speech`"), "{e}");
}

#[test]
fn a_written_item_never_has_talk_time_whatever_the_file_says() {
    let s = session(
        agenda("points"),
        vec![
            json!({"type": "meeting_started"}),
            json!({"type": "current_changed", "unit": "书面通报"}),
            json!({"type": "talk_started", "unit": "书面通报"}),
            json!({"type": "talk_paused", "unit": "书面通报", "elapsed_ms": 300000}),
            json!({"type": "talk_resumed", "unit": "书面通报"}),
            json!({"type": "talk_ended", "unit": "书面通报", "elapsed_ms": 900000}),
        ],
    );
    let rec = record(&s);
    let w = unit(&rec, "书面通报");
    assert_eq!(w["status"], "done", "{w}");
    assert_eq!(w["talk_seconds"], 0, "{w}");
    assert_eq!(w["overtime_seconds"], 0, "{w}");
    assert_eq!(rec["meeting"]["talk_seconds"], 0, "{rec}");
    // One still `talking` is not a talk that blocks the next one.
    let s = session(
        agenda("points"),
        vec![
            json!({"type": "meeting_started"}),
            json!({"type": "talk_started", "unit": "书面通报"}),
        ],
    );
    assert!(s.state().running_unit().is_none());
    assert_eq!(unit(&record(&s), "书面通报")["talk_seconds"], 0);
}

#[test]
fn scores_on_an_item_that_is_not_a_report_are_not_the_meetings() {
    let s = session(
        agenda("points"),
        vec![
            json!({"type": "score_set", "unit": "书记讲话", "reviewer": "评委A", "criterion": "总分", "value": "90"}),
            json!({"type": "score_set", "unit": "甲", "reviewer": "评委A", "criterion": "总分", "value": "80"}),
            json!({"type": "score_set", "unit": "书面通报", "reviewer": "评委B", "criterion": "总分", "value": "70"}),
        ],
    );
    let rec = record(&s);
    assert_eq!(unit(&rec, "甲")["scores"], json!({"评委A": {"总分": 80.0}}));
    for name in ["书记讲话", "书面通报"] {
        assert_eq!(unit(&rec, name)["scores"], json!({}), "{name}");
        assert!(!s.state().scores.points.contains_key(name), "{name}");
    }
    // A score recorded before the item of that name was added as a speech.
    let s = session(
        agenda("grades"),
        vec![
            json!({"type": "grades_added", "unit": "即席讲话", "grade": "优秀", "count": 3}),
            json!({"type": "unit_added", "unit": "即席讲话", "limit_seconds": 0, "after": null, "kind": "speech"}),
            json!({"type": "grades_added", "unit": "书记讲话", "grade": "优秀", "count": 2}),
            json!({"type": "grades_added", "unit": "甲", "grade": "良好", "count": 1}),
        ],
    );
    let rec = record(&s);
    assert_eq!(unit(&rec, "即席讲话")["scores"], json!({}));
    assert_eq!(unit(&rec, "书记讲话")["scores"], json!({}));
    assert_eq!(unit(&rec, "甲")["scores"]["良好"], 1);
    assert_eq!(s.state().scores.grades.len(), 1, "{:?}", s.state().scores);
}

#[test]
fn a_meeting_that_does_not_score_holds_no_scores_and_publishes_nothing() {
    let s = session(
        agenda("none"),
        vec![
            json!({"type": "score_set", "unit": "甲", "reviewer": "评委A", "criterion": "总分", "value": "90"}),
            json!({"type": "grades_added", "unit": "甲", "grade": "优秀", "count": 3}),
            json!({"type": "grades_added", "unit": "书记讲话", "grade": "优秀", "count": 3}),
            json!({"type": "results_published"}),
            json!({"type": "results_displayed", "shown": true}),
            json!({"type": "results_revealed", "places": 5}),
        ],
    );
    let st = s.state();
    assert!(!st.scores.published);
    assert!(!st.stage.results_shown);
    assert_eq!(st.stage.revealed, 0);
    assert!(st.scores.points.is_empty() && st.scores.grades.is_empty());
    let rec = record(&s);
    assert_eq!(rec["results_published"], false, "{rec}");
    assert_eq!(rec["ranking"], json!([]));
    for u in rec["units"].as_array().unwrap() {
        assert_eq!(u["scores"], json!({}), "{u}");
        assert_eq!(u["result"], Value::Null, "{u}");
    }
    let summary = podium::sessions::Summary::of(&s);
    assert_eq!(summary.scored, 0);
}

/// Writes `text` as `name` in a new temporary folder (kept alive by the returned guard).
fn file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write the file");
    (dir, path)
}

#[test]
fn a_speech_that_looks_like_a_unit_neither_takes_its_scores_nor_blocks_them() {
    let mut plan = agenda("points");
    plan["units"][1]["name"] = json!("AB局");
    let s = session(
        plan,
        vec![
            json!({"type": "unit_added", "unit": "甲 ", "limit_seconds": 0, "after": null, "kind": "speech"}),
            json!({"type": "unit_added", "unit": "ＡＢ局", "limit_seconds": 0, "after": null, "kind": "comments"}),
        ],
    );
    let (_dir, path) = file(
        "scores.csv",
        "单位,评委,指标,得分\n甲,评委A,总分,80\nAB局,评委B,总分,70\nＡＢ局,评委A,总分,75\n",
    );
    let table = podium::import::read_table(&path).unwrap();
    let import =
        podium::import::scores(&table, &s, Lang::En, None).expect("the rows are the units'");
    let units: Vec<&str> = import.scores.iter().map(|e| e.unit.as_str()).collect();
    assert_eq!(units, ["甲", "AB局", "AB局"]);
    // A cell naming the speech itself (as it looks) is refused at its row, as not a unit.
    let (_dir, path) = file(
        "scores.csv",
        "单位,评委,指标,得分\n书记讲话\u{200B},评委A,总分,80\n",
    );
    let table = podium::import::read_table(&path).unwrap();
    let e = podium::import::scores(&table, &s, Lang::En, None).unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains(":2:A:") && e[0].contains("书记讲话"), "{e:?}");
    assert!(!e[0].contains("could be"), "{e:?}");
}

fn import_plan(text: &str) -> Result<podium::import::office::PlanImport, Vec<String>> {
    let (_dir, path) = file("agenda.csv", text);
    let table = podium::import::read_table(&path).unwrap();
    podium::import::office::plan(&table, Default::default(), "会", Lang::Zh)
}

#[test]
fn the_meetings_people_in_a_sheet_are_said_at_their_row_and_none_is_dropped() {
    // A control character in a name: refused at its row, not at the file alone.
    let e = import_plan("会议议程\n序号,类型,汇报单位\n1,讲话,书记讲话\n出席：甲\u{7}乙、丙\n")
        .unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("agenda.csv:4:"), "{e:?}");
    let e =
        import_plan("出席：张三\n列席：李四、王\u{1b}五\n序号,类型,汇报单位\n1,讲话,书记讲话\n")
            .unwrap_err();
    assert!(e[0].contains("agenda.csv:2:"), "{e:?}");
    // The recorder stated on two rows is both of them, as both rows are said to be read.
    let import =
        import_plan("记录：张三\n序号,类型,汇报单位\n1,讲话,书记讲话\n记录：李四\n记录：张三\n")
            .unwrap();
    assert_eq!(import.plan.recorder.as_deref(), Some("张三、李四"));
    let e = import_plan("记录：张三\n序号,类型,汇报单位\n1,讲话,书记讲话\n记录：李\u{7}四\n")
        .unwrap_err();
    assert!(e[0].contains("agenda.csv:1:"), "{e:?}");
    assert!(e[0].contains("recorder"), "{e:?}");
}

fn warnings(text: &str) -> Vec<String> {
    planfile::parse("plan.json", text, Lang::En)
        .expect("the plan is sound")
        .warnings
}

#[test]
fn a_plan_whose_kinds_make_it_do_less_than_it_says_is_warned_at_the_field() {
    // Says version 1 and uses a kind: an older podium would refuse it by `kind`.
    let w = warnings(
        "{\n  \"version\": 1,\n  \"title\": \"会\",\n  \"units\": [{\"name\": \"甲\"}, {\"name\": \"讲话\", \"kind\": \"speech\"}]\n}",
    );
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("plan.json:2:"), "{w:?}");
    assert!(w[0].contains("units[1].kind (plan.json:4:"), "{w:?}");
    assert!(w[0].contains("\"version\": 2"), "{w:?}");
    let w = warnings(
        r#"{"version": 1, "title": "会", "recorder": "办公室", "units": [{"name": "甲"}]}"#,
    );
    assert!(w[0].contains("recorder"), "{w:?}");
    // Version 2, or none at all, is no contradiction.
    for v in ["\"version\": 2,", ""] {
        let text = format!(
            r#"{{{v} "title": "会", "units": [{{"name": "甲"}}, {{"name": "讲话", "kind": "speech"}}], "reviewers": [{{"name": "评委"}}]}}"#
        );
        assert_eq!(warnings(&text), Vec::<String>::new(), "{text}");
    }
    // Scoring rules in a meeting that does not score: nothing uses them.
    let w = warnings(
        r#"{"version": 2, "title": "会", "units": [{"name": "甲"}], "scoring": {"mode": "none", "criteria": [{"name": "总分", "max": 100}], "overtime": {"grace_seconds": 0, "every_seconds": 30, "points": 1, "max_points": 2}}}"#,
    );
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("criteria, overtime"), "{w:?}");
    assert!(w[0].starts_with("plan.json:1:"), "{w:?}");
    let none = r#"{"version": 2, "title": "会", "units": [{"name": "讲话", "kind": "speech"}], "scoring": {"mode": "none"}}"#;
    assert_eq!(warnings(none), Vec::<String>::new());
    // A meeting that scores with nothing on its agenda to score.
    let w = warnings(
        r#"{"version": 2, "title": "会", "units": [{"name": "讲话", "kind": "speech"}, {"name": "书面", "kind": "written"}]}"#,
    );
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("\"mode\": \"none\""), "{w:?}");
}

#[test]
fn the_minutes_rank_graded_units_alone_with_their_ballots_as_whole_numbers() {
    let s = session(
        agenda("grades"),
        vec![
            json!({"type": "grades_added", "unit": "甲", "grade": "良好", "count": 3}),
            json!({"type": "grades_added", "unit": "书记讲话", "grade": "优秀", "count": 2}),
        ],
    );
    let md = podium::report::markdown::minutes(&s, at(59), Lang::Zh);
    let ranking = &md[md.find("## 五、测评结果").expect("a ranking")..];
    let ranking = &ranking[..ranking.find("\n\n## ").unwrap_or(ranking.len())];
    let rows: Vec<&str> = ranking.lines().filter(|l| l.starts_with("| ")).collect();
    // The header and its alignment row, then the two 汇报单位: no speech, no written item.
    assert_eq!(rows.len(), 4, "{ranking}");
    assert!(
        !ranking.contains("书记讲话") && !ranking.contains("书面通报"),
        "{ranking}"
    );
    // 甲: final 80.00, ballots 0 优秀, 3 良好, 0 一般, 0 较差 — counts, not 3.00.
    assert!(
        rows[2].contains("| 1 | 甲 | 80.00 | 0.00 | 0 | 3 | 0 | 0 |"),
        "{ranking}"
    );
}
