//! `podium plan`'s form, driven by keys and pastes through its pure API (`PlanForm::handle`,
//! `PlanForm::paste`) and drawn into a ratatui `TestBackend`: a snapshot of each step, in
//! both languages, at 100×30 and 80×24; and what the keys do (the checks as it goes, a range
//! pasted from Excel, going back, quitting, saving, editing a plan without losing a field).

mod common {
    pub mod screen;
}

use common::screen::screen_text;
use podium::plan::Plan;
use podium::planfile;
use podium::planform::state::{Ask, Sec};
use podium::planform::{PlanForm, Reply, view};
use podium::strings::Lang;
use podium::text::Ambiguous;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;
use std::path::Path;

struct Shot {
    text: String,
    cursor: Option<Position>,
}

fn shot(form: &PlanForm, (w, h): (u16, u16)) -> Shot {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, form, Ambiguous::Narrow))
        .expect("draw");
    let cursor = terminal
        .backend()
        .cursor_visible()
        .then(|| terminal.get_cursor_position().expect("cursor"));
    Shot {
        text: screen_text(terminal.backend().buffer()),
        cursor,
    }
}

fn key(form: &mut PlanForm, code: KeyCode) -> Reply {
    form.handle(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(form: &mut PlanForm, c: char) -> Reply {
    form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typed(form: &mut PlanForm, text: &str) {
    for c in text.chars() {
        key(form, KeyCode::Char(c));
    }
}

/// Types each field of a column of fields, Enter after each.
fn fields(form: &mut PlanForm, values: &[&str]) {
    for v in values {
        typed(form, v);
        key(form, KeyCode::Enter);
    }
}

const UNITS: &str = "市财政局\t张三\t8\n城郊街道办事处\t李四\t6分钟\n市发改局\t王五\t７\n";

/// The meeting step filled in as a host would.
fn meeting(lang: Lang) -> PlanForm {
    let mut form = PlanForm::new(lang, Some(Path::new("q3.json")));
    fields(
        &mut form,
        &[
            "第三季度工作汇报会",
            "2026-10-15",
            "14:30",
            "市行政中心 3F 会议室",
        ],
    );
    typed(&mut form, "常务副市长");
    form
}

/// Through the units step: three units pasted from a sheet.
fn units(lang: Lang) -> PlanForm {
    let mut form = meeting(lang);
    ctrl(&mut form, 'n');
    form.paste(UNITS);
    form
}

/// Through the reviewers step: three reviewers typed, in two groups, one recused.
fn reviewers(lang: Lang) -> PlanForm {
    let mut form = units(lang);
    ctrl(&mut form, 'n');
    for (i, row) in [
        ["市委书记", "市委书记", "领导", ""],
        ["人大代表甲", "市人大代表", "代表委员", "市财政局"],
        ["政协委员乙", "", "代表委员", ""],
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            key(&mut form, KeyCode::Enter);
        }
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                key(&mut form, KeyCode::Tab);
            }
            typed(&mut form, cell);
        }
    }
    form
}

/// Through the scoring step: points, two criteria, two weighted groups.
fn scoring(lang: Lang) -> PlanForm {
    let mut form = reviewers(lang);
    ctrl(&mut form, 'n');
    key(&mut form, KeyCode::Down);
    for (name, max) in [("工作成效", "60"), ("创新亮点", "40")] {
        typed(&mut form, name);
        key(&mut form, KeyCode::Tab);
        typed(&mut form, max);
        key(&mut form, KeyCode::Enter);
    }
    // Enter on the blank row after the last criterion: on to the group weights.
    key(&mut form, KeyCode::Enter);
    for (name, weight) in [("领导", "60"), ("代表委员", "40")] {
        typed(&mut form, name);
        key(&mut form, KeyCode::Tab);
        typed(&mut form, weight);
        key(&mut form, KeyCode::Enter);
    }
    form
}

/// Through the rules step: overtime penalties and two decimals.
fn rules(lang: Lang) -> PlanForm {
    let mut form = scoring(lang);
    ctrl(&mut form, 'n');
    fields(
        &mut form,
        &["0.5", "1", "", "2", "", "group:领导", "10", "30", "0.5"],
    );
    typed(&mut form, "2");
    form
}

fn summary(lang: Lang) -> PlanForm {
    let mut form = rules(lang);
    ctrl(&mut form, 'n');
    form
}

fn name(base: &str, (w, h): (u16, u16)) -> String {
    format!("{base}_{w}x{h}")
}

const BIG: (u16, u16) = (100, 30);
const SMALL: (u16, u16) = (80, 24);

// ----- a snapshot of each step ----------------------------------------------------------------

#[test]
fn step_1_meeting() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let form = meeting(lang);
        assert_eq!(form.focus.step, 0);
        assert!(form.errors().all(|e| e.at.sec != Sec::Meeting));
        let s = shot(&form, BIG);
        assert!(s.text.contains("第三季度工作汇报会"), "{}", s.text);
        // The caret sits after the host's name, where the input method opens its window:
        // "常务副市长" is 5 characters, 10 columns wide.
        let row = s
            .text
            .lines()
            .position(|l| l.contains("常务副市长"))
            .unwrap();
        let start = s.text.lines().nth(row).unwrap().find("常务副市长").unwrap();
        let col = podium::text::width(
            &s.text.lines().nth(row).unwrap()[..start],
            Ambiguous::Narrow,
        );
        assert_eq!(s.cursor, Some(Position::new(col as u16 + 10, row as u16)));
        insta::assert_snapshot!(name(&format!("step_1_meeting_{tag}"), BIG), s.text);
    }
    insta::assert_snapshot!(
        name("step_1_meeting_zh", SMALL),
        shot(&meeting(Lang::Zh), SMALL).text
    );
}

#[test]
fn step_2_units_pasted_from_a_sheet() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let form = units(lang);
        assert_eq!(form.focus.step, 1);
        let names: Vec<&str> = form.units.iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(names, ["市财政局", "城郊街道办事处", "市发改局"]);
        let plan = form.plan.as_ref().expect("a plan");
        let minutes: Vec<Option<f64>> = plan.units.iter().map(|u| u.minutes).collect();
        assert_eq!(minutes, [Some(8.0), Some(6.0), Some(7.0)]);
        assert_eq!(plan.units[1].presenter.as_deref(), Some("李四"));
        assert_eq!(form.errors().count(), 0, "{:?}", form.issues);
        let s = shot(&form, BIG);
        insta::assert_snapshot!(name(&format!("step_2_units_{tag}"), BIG), s.text);
    }
    insta::assert_snapshot!(
        name("step_2_units_zh", SMALL),
        shot(&units(Lang::Zh), SMALL).text
    );
    // At 80 columns a long header is cut with an ellipsis; the kind, one of five words, never.
    let s = shot(&units(Lang::En), SMALL);
    assert!(s.text.contains("Categ…"), "{}", s.text);
    assert!(s.text.contains("  report\n"), "{}", s.text);
    insta::assert_snapshot!(name("step_2_units_en", SMALL), s.text);
}

#[test]
fn step_3_reviewers() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let form = reviewers(lang);
        assert_eq!(form.focus.step, 2);
        let plan = form.plan.as_ref().expect("a plan");
        assert_eq!(plan.reviewers.len(), 3);
        assert_eq!(plan.reviewers[1].recused, ["市财政局"]);
        assert_eq!(plan.reviewers[2].group.as_deref(), Some("代表委员"));
        insta::assert_snapshot!(
            name(&format!("step_3_reviewers_{tag}"), BIG),
            shot(&form, BIG).text
        );
    }
}

#[test]
fn step_4_scoring() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let form = scoring(lang);
        assert_eq!(form.focus.step, 3);
        let s = form.plan.as_ref().expect("a plan").scoring();
        assert_eq!(s.criteria.len(), 2);
        assert_eq!(s.criteria[1].max, 40.0);
        assert_eq!(s.groups.iter().map(|g| g.weight).sum::<f64>(), 100.0);
        assert_eq!(form.errors().count(), 0, "{:?}", form.issues);
        insta::assert_snapshot!(
            name(&format!("step_4_scoring_{tag}"), BIG),
            shot(&form, BIG).text
        );
    }
    insta::assert_snapshot!(
        name("step_4_scoring_zh", SMALL),
        shot(&scoring(Lang::Zh), SMALL).text
    );
}

#[test]
fn step_5_rules() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let form = rules(lang);
        assert_eq!(form.focus.step, 4);
        let s = form.plan.as_ref().expect("a plan").scoring();
        assert_eq!(s.step, Some(0.5));
        assert_eq!(s.trim, Some(1));
        assert_eq!(s.decimals, Some(2));
        assert_eq!(s.tie_break, ["group:领导"]);
        let o = s.overtime.expect("overtime");
        assert_eq!(
            (o.grace_seconds, o.every_seconds, o.points, o.max_points),
            (10, 30, 0.5, 2.0)
        );
        insta::assert_snapshot!(
            name(&format!("step_5_rules_{tag}"), BIG),
            shot(&form, BIG).text
        );
    }
}

#[test]
fn step_6_summary_and_save() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut form = summary(lang);
        assert_eq!(form.focus.step, 5);
        let s = shot(&form, BIG);
        // What `podium check` prints, on the screen.
        let plan = form.plan.clone().expect("a plan");
        for line in podium::commands::check::summary(&plan, lang).lines() {
            assert!(s.text.contains(line), "{line}\n{}", s.text);
        }
        insta::assert_snapshot!(name(&format!("step_6_summary_{tag}"), BIG), s.text);
        let Reply::Save {
            path,
            text,
            overwrite,
        } = key(&mut form, KeyCode::Enter)
        else {
            panic!("Enter on the last step saves");
        };
        assert_eq!(path, Path::new("q3.json"));
        assert!(!overwrite, "a new plan never overwrites without asking");
        // What would be written is a plan `podium check` accepts, the same plan.
        let loaded = planfile::parse("q3.json", &text, lang).expect("a valid plan");
        assert_eq!(loaded.plan, plan);
        assert!(text.contains("\"minutes\": 6\n"), "{text}");
    }
    insta::assert_snapshot!(
        name("step_6_summary_zh", SMALL),
        shot(&summary(Lang::Zh), SMALL).text
    );
}

// ----- checked as it goes ---------------------------------------------------------------------

#[test]
fn a_wrong_field_is_shown_beside_it_and_the_step_is_not_left() {
    let mut form = PlanForm::new(Lang::Zh, None);
    // No title yet: the step cannot be left.
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 0);
    assert!(form.note.as_ref().is_some_and(|(_, error)| *error));
    typed(&mut form, "汇报会");
    key(&mut form, KeyCode::Enter);
    typed(&mut form, "2026-13-45");
    let errors: Vec<_> = form.errors().filter(|e| e.at.sec == Sec::Meeting).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].at.row, Some(1), "the date field");
    let s = shot(&form, BIG);
    assert!(s.text.contains("2026-13-45"), "{}", s.text);
    insta::assert_snapshot!(name("bad_date_zh", BIG), s.text);
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 0, "refused while the date is wrong");
    assert_eq!(form.focus.row, 1, "the focus goes to the wrong field");
    for _ in 0..10 {
        key(&mut form, KeyCode::Backspace);
    }
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 1);
}

#[test]
fn a_minutes_cell_that_is_no_number_is_an_error_at_its_row() {
    let mut form = units(Lang::En);
    form.paste("Audit office\tZhao\teight\n");
    let e: Vec<_> = form.errors().collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        (e[0].at.sec, e[0].at.row, e[0].at.col),
        (Sec::Units, Some(3), Some(2))
    );
    assert!(
        e[0].text.contains("row 4") && e[0].text.contains("eight"),
        "{}",
        e[0].text
    );
    // A unit name seen twice: the plan's own rule, at the second. (A single cell copied
    // from a sheet ends in a line break: it goes into the cell.)
    key(&mut form, KeyCode::Enter);
    form.paste("市财政局\n");
    assert_eq!(form.units.len(), 5);
    let dup = form
        .errors()
        .find(|e| e.at.row == Some(4))
        .expect("duplicate");
    assert_eq!(dup.at.col, Some(0));
}

#[test]
fn weights_that_do_not_sum_to_100_block_the_save() {
    let mut form = reviewers(Lang::Zh);
    ctrl(&mut form, 'n');
    key(&mut form, KeyCode::Down);
    key(&mut form, KeyCode::Down);
    typed(&mut form, "领导");
    key(&mut form, KeyCode::Tab);
    typed(&mut form, "70");
    // Reviewers of 代表委员: a group not declared now that groups are.
    assert!(
        form.errors().any(|e| e.at.sec == Sec::Reviewers),
        "{:?}",
        form.issues
    );
    assert!(
        form.errors()
            .any(|e| e.at.sec == Sec::Groups && e.at.row.is_none())
    );
    ctrl(&mut form, 's');
    assert_eq!(form.focus.step, 5, "Ctrl+S goes to the last step");
    let s = shot(&form, BIG);
    insta::assert_snapshot!(name("summary_with_errors_zh", BIG), s.text);
    assert_eq!(
        key(&mut form, KeyCode::Enter),
        Reply::Stay,
        "not saved with errors"
    );
    // Enter went to the first error instead: the second reviewer's group.
    assert_eq!(form.focus.step, 2);
    assert_eq!((form.focus.row, form.focus.col), (1, 2));
    assert!(form.note.as_ref().is_some_and(|(_, error)| *error));
    insta::assert_snapshot!(name("save_refused_zh", SMALL), shot(&form, SMALL).text);
}

/// Every field of a plan, as its JSON Schema lists them, has a place in the form.
#[test]
fn every_field_of_a_plan_is_in_the_form() {
    use podium::planform::state::{
        CRITERIA, GRADES, GROUPS, MEETING, MODE, REVIEWERS, RULES, UNITS,
    };
    let mut schema = serde_json::to_value(schemars::schema_for!(Plan)).expect("schema");
    // The task list and the meeting before are kept as the plan has them (`podium tasks` and
    // the console change a meeting's tasks): no place in the form, never dropped by it
    // (`editing_a_plan_keeps_its_task_list_and_the_meeting_before`).
    for kept in podium::planform::state::KEPT {
        assert!(
            schema["properties"]
                .as_object_mut()
                .expect("properties")
                .remove(*kept)
                .is_some(),
            "{kept} is a field of the plan"
        );
    }
    schema["$defs"]
        .as_object_mut()
        .expect("$defs")
        .remove("TaskPlan")
        .expect("the task's schema");
    // The same for the scoring's `overall_rank` and `bands` (tests/plan_form_series.rs), and
    // its `ballot_groups` (tests/ballots_paper.rs).
    for kept in podium::planform::state::KEPT_SCORING
        .iter()
        .chain(podium::planform::state::KEPT_BALLOTS)
    {
        assert!(
            schema["$defs"]["Scoring"]["properties"]
                .as_object_mut()
                .expect("the scoring's properties")
                .remove(*kept)
                .is_some(),
            "scoring.{kept} is a field of the plan"
        );
    }
    for def in ["Bands", "BandLevel", "BandsBy", "BallotGroup"] {
        schema["$defs"].as_object_mut().expect("$defs").remove(def);
    }
    let mut fields = std::collections::BTreeSet::new();
    fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(props)) = m.get("properties") {
                    out.extend(props.keys().cloned());
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&schema, &mut fields);
    let mut in_form: std::collections::BTreeSet<String> = [
        "version",
        "units",
        "reviewers",
        "scoring",
        "criteria",
        "groups",
        "grades",
        "overtime",
        "undertime",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for cols in [
        MEETING, UNITS, REVIEWERS, MODE, CRITERIA, GROUPS, GRADES, RULES,
    ] {
        for c in cols {
            in_form.insert(c.key.rsplit('.').next().unwrap().to_string());
        }
    }
    let missing: Vec<&String> = fields.difference(&in_form).collect();
    assert!(
        missing.is_empty(),
        "fields of Plan the form cannot set: {missing:?}"
    );
    assert!(fields.contains("category") && fields.contains("max_points"));
}

// ----- tables ---------------------------------------------------------------------------------

#[test]
fn rows_are_added_moved_and_deleted() {
    let mut form = units(Lang::En);
    assert_eq!(form.focus.row, 2);
    form.handle(KeyEvent::new(KeyCode::Up, KeyModifiers::ALT));
    let names: Vec<&str> = form.units.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(names, ["市财政局", "市发改局", "城郊街道办事处"]);
    assert_eq!(form.focus.row, 1);
    ctrl(&mut form, 'd');
    assert_eq!(form.units.len(), 2);
    assert_eq!(form.plan.as_ref().unwrap().units[1].name, "城郊街道办事处");
    key(&mut form, KeyCode::Down);
    key(&mut form, KeyCode::Enter);
    assert_eq!(
        form.units.len(),
        3,
        "Enter after the last row makes a new one"
    );
    typed(&mut form, "Audit office");
    assert_eq!(form.plan.as_ref().unwrap().units.len(), 3);
}

#[test]
fn a_pasted_line_without_tabs_goes_into_the_cell() {
    let mut form = units(Lang::Zh);
    key(&mut form, KeyCode::Tab);
    key(&mut form, KeyCode::Tab);
    key(&mut form, KeyCode::Tab);
    form.paste("局长");
    assert_eq!(form.units[2].cells[3], "局长");
    assert_eq!(form.units.len(), 3);
}

// ----- going back, quitting -------------------------------------------------------------------

#[test]
fn esc_goes_back_a_step_and_quitting_with_changes_asks() {
    let mut form = units(Lang::Zh);
    key(&mut form, KeyCode::Esc);
    assert_eq!(form.focus.step, 0);
    assert_eq!(form.units.len(), 3, "going back keeps what was typed");
    assert_eq!(key(&mut form, KeyCode::Esc), Reply::Stay);
    assert_eq!(form.ask, Some(Ask::Quit));
    let s = shot(&form, BIG);
    assert!(s.cursor.is_none());
    insta::assert_snapshot!(name("quit_asks_zh", BIG), s.text);
    assert_eq!(key(&mut form, KeyCode::Char('n')), Reply::Stay);
    assert_eq!(form.ask, None);
    assert_eq!(ctrl(&mut form, 'c'), Reply::Stay);
    assert_eq!(key(&mut form, KeyCode::Char('y')), Reply::Quit);
    // Nothing typed: quits at once.
    let mut blank = PlanForm::new(Lang::En, None);
    assert_eq!(ctrl(&mut blank, 'c'), Reply::Quit);
}

#[test]
fn an_existing_file_is_overwritten_only_when_the_host_says_so() {
    let mut form = summary(Lang::En);
    let Reply::Save { path, .. } = key(&mut form, KeyCode::Enter) else {
        panic!("saves");
    };
    form.ask_overwrite(path.clone());
    insta::assert_snapshot!(name("overwrite_asks_en", SMALL), shot(&form, SMALL).text);
    assert_eq!(key(&mut form, KeyCode::Char('n')), Reply::Stay);
    assert_eq!(form.ask, None);
    key(&mut form, KeyCode::Enter);
    form.ask_overwrite(path.clone());
    match key(&mut form, KeyCode::Char('y')) {
        Reply::Save {
            path: p, overwrite, ..
        } => {
            assert_eq!(p, path);
            assert!(overwrite);
        }
        other => panic!("{other:?}"),
    }
}

// ----- editing --------------------------------------------------------------------------------

/// A sample plan of `data/`, and the name the form is given for it (the form reads no file).
fn sample(name: &str) -> (Plan, std::path::PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("sample plan");
    (
        planfile::parse(name, &text, Lang::Zh).expect("valid").plan,
        Path::new(name).to_path_buf(),
    )
}

#[test]
fn editing_a_plan_keeps_every_field_it_does_not_change() {
    for file in ["district-exchange.json", "city-report.json"] {
        let (plan, path) = sample(file);
        let form = PlanForm::edit(Lang::Zh, &plan, &path);
        assert_eq!(form.errors().count(), 0, "{file}: {:?}", form.issues);
        let text = form.text().expect("text");
        let again = planfile::parse(file, &text, Lang::Zh).expect("valid").plan;
        assert_eq!(again, plan, "{file}");
    }
}

#[test]
fn editing_a_plan_keeps_its_task_list_and_the_meeting_before() {
    let text = r#"{"version": 3, "title": "推进会", "date": "2026-07-10",
        "units": [{"name": "甲"}],
        "previous": "上次.session.json",
        "tasks": [{"no": "1", "list": "重点项目", "text": "完成可研", "owner": "甲",
                   "partners": ["乙"], "leader": "分管副市长", "due_text": "6月底前",
                   "status": "推进中"}]}"#;
    let plan = planfile::parse("p.json", text, Lang::Zh)
        .expect("valid")
        .plan;
    let mut form = PlanForm::edit(Lang::Zh, &plan, Path::new("p.json"));
    assert_eq!(form.errors().count(), 0, "{:?}", form.issues);
    let again = planfile::parse("p.json", &form.text().expect("text"), Lang::Zh)
        .expect("valid")
        .plan;
    assert_eq!(again, plan);
    // Changing the title keeps them too, and the version that has them.
    typed(&mut form, "（二）");
    let again = planfile::parse("p.json", &form.text().expect("text"), Lang::Zh)
        .expect("valid")
        .plan;
    assert_eq!(again.tasks, plan.tasks);
    assert_eq!(again.previous, plan.previous);
    assert_eq!(again.version, Some(3));
}

#[test]
fn editing_changes_what_the_host_changes_and_writes_over_the_same_file() {
    let (plan, path) = sample("district-exchange.json");
    let mut form = PlanForm::edit(Lang::Zh, &plan, &path);
    assert!(!form.dirty);
    ctrl(&mut form, 'n');
    // The second unit's minutes.
    key(&mut form, KeyCode::Down);
    for _ in 0..2 {
        key(&mut form, KeyCode::Tab);
    }
    typed(&mut form, "5");
    assert!(form.dirty);
    insta::assert_snapshot!(name("edit_units_zh", SMALL), shot(&form, SMALL).text);
    ctrl(&mut form, 's');
    let Reply::Save {
        path: to,
        text,
        overwrite,
    } = ctrl(&mut form, 's')
    else {
        panic!("Ctrl+S twice saves");
    };
    assert_eq!(to, path);
    assert!(overwrite, "editing writes back over the plan");
    let again = planfile::parse("x", &text, Lang::Zh).expect("valid").plan;
    assert_eq!(again.units[1].minutes, Some(5.0));
    assert_eq!(again.reviewers, plan.reviewers);
    assert_eq!(again.scoring, plan.scoring);
}

#[test]
fn grades_mode_shows_the_grades() {
    let mut form = reviewers(Lang::En);
    ctrl(&mut form, 'n');
    key(&mut form, KeyCode::Char(' '));
    assert_eq!(form.sections(3).len(), 4);
    key(&mut form, KeyCode::Up);
    for _ in 0..3 {
        key(&mut form, KeyCode::Down);
    }
    typed(&mut form, "Excellent");
    key(&mut form, KeyCode::Tab);
    typed(&mut form, "100");
    let s = form.plan.as_ref().unwrap().scoring();
    assert_eq!(s.mode, Some(podium::plan::ScoringMode::Grades));
    assert_eq!(s.grades.len(), 1);
    insta::assert_snapshot!(name("step_4_grades_en", BIG), shot(&form, BIG).text);
}

#[test]
fn a_unit_category_and_the_scoring_warnings_of_podium_check() {
    let mut form = units(Lang::Zh);
    for _ in 0..5 {
        key(&mut form, KeyCode::Tab);
    }
    typed(&mut form, "部门");
    let plan = form.plan.clone().expect("a plan");
    assert_eq!(plan.units[2].category.as_deref(), Some("部门"));
    // Points and nobody to give them: podium check's warning, shown with the reviewers.
    let warnings: Vec<_> = form
        .step_issues(2)
        .into_iter()
        .filter(|i| i.warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        warnings[0].text,
        podium::strings::planform::scoring_gap(
            Lang::Zh,
            &podium::strings::import::ScoringGap::NoReviewers
        )
    );
    // In the form's terms, never the plan's JSON fields.
    assert!(
        !warnings[0].text.contains("reviewers"),
        "{}",
        warnings[0].text
    );
    assert!(warnings[0].text.contains("评委表"), "{}", warnings[0].text);
    assert_eq!(form.errors().count(), 0, "a warning does not stop the plan");
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 2);
}

#[test]
fn every_step_draws_at_any_size_without_a_panic() {
    let mut form = summary(Lang::Zh);
    form.ask_overwrite(std::path::PathBuf::from(
        "很长的文件名很长的文件名很长的文件名.json",
    ));
    for size in [
        (1, 1),
        (2, 2),
        (10, 4),
        (24, 6),
        (40, 12),
        (60, 16),
        (200, 60),
    ] {
        shot(&form, size);
    }
    form.ask = None;
    for step in 0..6 {
        form.go_step(step);
        for size in [
            (1, 1),
            (3, 2),
            (10, 4),
            (24, 6),
            (40, 12),
            (60, 16),
            (200, 60),
        ] {
            let s = shot(&form, size);
            if let Some(c) = s.cursor {
                assert!(c.x < size.0 && c.y < size.1, "{c:?} in {size:?}");
            }
        }
    }
}

#[test]
fn a_range_copied_with_its_header_row_goes_by_the_headers() {
    let mut form = meeting(Lang::Zh);
    ctrl(&mut form, 'n');
    form.paste(
        "序号\t汇报单位\t汇报人\t职务\t时长（分钟）\t备注\r\n\
         1\t市财政局\t张三\t局长\t8分钟\t\r\n\
         2\t市发改局\t李四\t主任\t08:30\t重点\r\n",
    );
    let plan = form.plan.clone().expect("a plan");
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        ["市财政局", "市发改局"],
        "the header row is not a unit"
    );
    assert_eq!(plan.units[0].role.as_deref(), Some("局长"));
    assert_eq!(plan.units[0].minutes, Some(8.0));
    assert_eq!(
        plan.units[1].minutes,
        Some(8.5),
        "08:30 is 8 minutes 30 seconds"
    );
    let (note, error) = form.note.clone().expect("a note");
    assert!(!error);
    assert!(note.contains("按表头") && note.contains("备注"), "{note}");
    assert!(!note.contains("序号"), "the order column is known: {note}");
    // Without a header row the columns fill from the caret: a name is not a header.
    let mut form = meeting(Lang::En);
    ctrl(&mut form, 'n');
    form.paste("Finance\tZhang\t8\nTransport\tLi\t6\n");
    assert_eq!(form.plan.as_ref().unwrap().units.len(), 2);
    // Reviewers by their headers too.
    ctrl(&mut form, 'n');
    form.paste("姓名\t职务\t分组\n市委书记\t书记\t领导\n");
    let r = &form.plan.as_ref().unwrap().reviewers[0];
    assert_eq!(
        (r.name.as_str(), r.group.as_deref()),
        ("市委书记", Some("领导"))
    );
}

#[test]
fn on_a_tiny_screen_the_question_and_its_answers_do_not_overlap() {
    let mut form = summary(Lang::Zh);
    let Reply::Save { path, .. } = key(&mut form, KeyCode::Enter) else {
        panic!("saves");
    };
    form.ask_overwrite(path);
    let s = shot(&form, (20, 5));
    let answers = s
        .text
        .lines()
        .find(|l| l.contains("y 是"))
        .expect("the answers are shown");
    let after: String = answers
        .split("n 否")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert!(after.is_empty(), "the question shows through: {}", s.text);
}

#[test]
fn a_column_pasted_into_a_one_line_field_is_refused_and_one_cell_with_a_break_goes_in() {
    let mut form = PlanForm::new(Lang::Zh, None);
    let column: String = (0..5000).map(|i| format!("单位{i}\t张{i}\t8\n")).collect();
    form.paste(&column);
    assert_eq!(form.meeting.cells[0], "", "nothing pasted into the title");
    let note = form.note.clone().expect("said").0;
    assert!(note.contains("5000 行"), "{note}");
    // One cell with a line break, as Excel copies it: quoted.
    form.paste("\"第三季度\r\n工作汇报会\"\r\n");
    assert_eq!(form.meeting.cells[0], "第三季度 工作汇报会");
}

#[test]
fn a_question_is_answered_through_a_chinese_input_method_and_ctrl_c_is_no() {
    let mut form = units(Lang::Zh);
    ctrl(&mut form, 'c');
    assert_eq!(form.ask, Some(Ask::Quit));
    assert_eq!(
        ctrl(&mut form, 'c'),
        Reply::Stay,
        "Ctrl+C in a question is no"
    );
    assert_eq!(form.ask, None);
    ctrl(&mut form, 'c');
    assert_eq!(key(&mut form, KeyCode::Char('否')), Reply::Stay);
    assert_eq!(form.ask, None);
    ctrl(&mut form, 'c');
    assert_eq!(key(&mut form, KeyCode::Char('ｙ')), Reply::Quit);
    ctrl(&mut form, 'c');
    assert_eq!(key(&mut form, KeyCode::Char('是')), Reply::Quit);
}

#[test]
fn saving_leaves_the_users_own_files_named_like_a_temporary_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let mine = [
        dir.path().join("plan.json.tmp"),
        dir.path().join(".plan.json.tmp"),
    ];
    for f in &mine {
        std::fs::write(f, "the user's own").unwrap();
    }
    podium::planform::write(&plan, "{}\n").unwrap();
    podium::planform::write(&plan, "{\"a\": 1}\n").unwrap();
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), "{\"a\": 1}\n");
    for f in &mine {
        assert_eq!(std::fs::read_to_string(f).unwrap(), "the user's own");
    }
    // Nothing else is left beside them.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".plan.json.tmp", "plan.json", "plan.json.tmp"]);
}

// ----- agenda kinds, the meeting's roles, meetings that do not score (issue 16) -------------

/// Tab from the first column to the kind column.
fn to_kind(form: &mut PlanForm) {
    let kind = podium::planform::state::UNITS
        .iter()
        .position(|c| c.key == "kind")
        .expect("a kind column");
    for _ in 0..kind {
        key(form, KeyCode::Tab);
    }
}

#[test]
fn a_speech_a_written_item_and_attendees_typed_in_chinese_make_a_plan_podium_check_accepts() {
    use podium::plan::UnitKind;
    let mut form = PlanForm::new(Lang::Zh, Some(Path::new("全会.json")));
    fields(
        &mut form,
        &[
            "区委全会",
            "2026-10-15",
            "09:00",
            "区委常委会议室",
            "区委书记",
            "王明（区委书记）、李明（区长），王强（区委常委、常务副区长）",
            "各街道党工委书记",
        ],
    );
    typed(&mut form, "区委办 张敏");
    let plan = form.plan.clone().expect("a plan");
    assert_eq!(
        plan.attendees,
        [
            "王明（区委书记）",
            "李明（区长）",
            "王强（区委常委、常务副区长）"
        ],
        "、 inside brackets does not split a name"
    );
    assert_eq!(plan.observers, ["各街道党工委书记"]);
    assert_eq!(plan.recorder.as_deref(), Some("区委办 张敏"));
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 1);
    // A speech, chosen with Space on the kind column.
    typed(&mut form, "区委书记讲话");
    key(&mut form, KeyCode::Tab);
    typed(&mut form, "区委书记");
    key(&mut form, KeyCode::Tab);
    typed(&mut form, "20");
    for _ in 0..4 {
        key(&mut form, KeyCode::Tab);
    }
    key(&mut form, KeyCode::Char(' '));
    assert_eq!(form.units[0].cells[6], "讲话");
    // A unit's report, the default kind.
    key(&mut form, KeyCode::Enter);
    typed(&mut form, "城东街道");
    key(&mut form, KeyCode::Tab);
    typed(&mut form, "张三");
    // A written item, its kind typed through an input method (书面通报 is 书面).
    key(&mut form, KeyCode::Enter);
    typed(&mut form, "各部门工作情况");
    to_kind(&mut form);
    typed(&mut form, "书面通报");
    // The reviewers' comments, cycled back from the report with ←.
    key(&mut form, KeyCode::Enter);
    typed(&mut form, "集中点评");
    to_kind(&mut form);
    key(&mut form, KeyCode::Left);
    assert_eq!(form.units[3].cells[6], "点评");
    assert_eq!(form.errors().count(), 0, "{:?}", form.issues);
    let plan = form.plan.clone().expect("a plan");
    let kinds: Vec<UnitKind> = plan.units.iter().map(|u| u.kind()).collect();
    assert_eq!(
        kinds,
        [
            UnitKind::Speech,
            UnitKind::Report,
            UnitKind::Written,
            UnitKind::Comments
        ]
    );
    assert_eq!(
        plan.units[1].kind, None,
        "a report is written without a kind"
    );
    assert_eq!(plan.reports().count(), 1);
    insta::assert_snapshot!(name("agenda_kinds_zh", BIG), shot(&form, BIG).text);
    // No reviewers, a meeting that does not score: Space twice on the mode.
    ctrl(&mut form, 'n');
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 3);
    key(&mut form, KeyCode::Char(' '));
    key(&mut form, KeyCode::Char(' '));
    assert_eq!(form.mode, Some(podium::plan::ScoringMode::None));
    ctrl(&mut form, 'n');
    assert_eq!(
        form.focus.step, 5,
        "the rules of a meeting that does not score"
    );
    let s = shot(&form, BIG);
    assert!(s.text.contains("汇报单位 1 个"), "{}", s.text);
    let Reply::Save { path, text, .. } = key(&mut form, KeyCode::Enter) else {
        panic!("saves: {:?}", form.issues);
    };
    assert!(text.starts_with("{\n  \"version\": 2,\n"), "{text}");
    assert!(text.contains("\"kind\": \"speech\""), "{text}");
    assert!(text.contains("\"mode\": \"none\""), "{text}");
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(&path), &text).expect("written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", "全会.json", "--lang", "zh"])
        .current_dir(dir.path())
        .output()
        .expect("podium check runs");
    let said = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(summary.contains("汇报单位 1 个"), "{summary}");
    assert!(
        !said.contains("评委"),
        "no scoring, no warning about reviewers: {said}"
    );
    // And the form reads it back as it wrote it.
    let again = planfile::parse("全会.json", &text, Lang::Zh)
        .expect("valid")
        .plan;
    let edited = PlanForm::edit(Lang::Zh, &again, Path::new("全会.json"));
    assert_eq!(edited.units[0].cells[6], "讲话");
    assert_eq!(edited.text().as_deref(), Some(text.as_str()));
}

#[test]
fn mode_none_asks_for_no_criteria_and_passes_over_the_rules() {
    let mut form = reviewers(Lang::En);
    ctrl(&mut form, 'n');
    assert_eq!(form.sections(3).len(), 3);
    key(&mut form, KeyCode::Left);
    assert_eq!(form.mode, Some(podium::plan::ScoringMode::None));
    assert_eq!(
        form.sections(3),
        [Sec::Mode],
        "no criteria, groups or grades asked"
    );
    let s = shot(&form, BIG);
    assert!(s.text.contains("none (no scoring)"), "{}", s.text);
    insta::assert_snapshot!(name("step_4_none_en", BIG), s.text);
    let plan = form.plan.clone().expect("a plan");
    assert_eq!(plan.scoring_mode(), podium::plan::ScoringMode::None);
    assert_eq!(plan.version, Some(2));
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 5);
    key(&mut form, KeyCode::Esc);
    assert_eq!(form.focus.step, 3, "back over the rules too");
    // Gone to on purpose, the rules step says they are not used.
    form.go_step(4);
    let s = shot(&form, BIG);
    assert!(s.text.contains("these rules are not used"), "{}", s.text);
    form.go_step(3);
    // Back to points: the rules step again, and no version.
    key(&mut form, KeyCode::Right);
    assert_eq!(form.mode, Some(podium::plan::ScoringMode::Points));
    assert_eq!(form.plan.as_ref().expect("a plan").version, None);
    ctrl(&mut form, 'n');
    assert_eq!(form.focus.step, 4);
}

#[test]
fn a_plan_without_the_new_fields_says_no_version_and_one_with_them_says_2() {
    let mut form = units(Lang::Zh);
    let text = form.text().expect("text");
    assert!(!text.contains("version"), "{text}");
    to_kind(&mut form);
    typed(&mut form, "讲话");
    let text = form.text().expect("text");
    assert!(text.starts_with("{\n  \"version\": 2,\n"), "{text}");
    for _ in 0..2 {
        key(&mut form, KeyCode::Backspace);
    }
    assert!(!form.text().expect("text").contains("version"));
    // A plan that says version 1 keeps it until it uses a new field.
    let (mut plan, path) = sample("city-report.json");
    plan.version = Some(1);
    let mut form = PlanForm::edit(Lang::Zh, &plan, &path);
    assert!(form.text().expect("text").contains("\"version\": 1,"));
    form.go_step(0);
    for _ in 0..5 {
        key(&mut form, KeyCode::Down);
    }
    typed(&mut form, "王明");
    let text = form.text().expect("text");
    assert!(text.contains("\"version\": 2,"), "{text}");
    assert!(
        text.contains("\"attendees\": [\n    \"王明\"\n  ]"),
        "{text}"
    );
}

#[test]
fn an_unknown_kind_is_an_error_at_its_cell_and_sheets_paste_their_kind_words() {
    let mut form = units(Lang::Zh);
    to_kind(&mut form);
    typed(&mut form, "茶歇");
    let e: Vec<_> = form.errors().collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        (e[0].at.sec, e[0].at.row, e[0].at.col),
        (Sec::Units, Some(2), Some(6))
    );
    assert!(e[0].text.contains("茶歇"), "{}", e[0].text);
    // A range with its header row: the kind column by its header, the synonyms as kinds.
    let mut form = meeting(Lang::Zh);
    ctrl(&mut form, 'n');
    form.paste(
        "序号\t议程类型\t汇报单位\t汇报人\r\n\
         1\t交流发言\t城东区\t张三\r\n\
         2\t传达学习\t传达省委会议精神\t秘书长\r\n\
         3\t书面通报\t市统计局\t\r\n\
         4\t现场点评\t点评\t\r\n",
    );
    let plan = form.plan.clone().expect("a plan");
    let kinds: Vec<&str> = plan.units.iter().map(|u| u.kind().key()).collect();
    assert_eq!(kinds, ["report", "briefing", "written", "comments"]);
    assert_eq!(form.errors().count(), 0, "{:?}", form.issues);
    // A column of names pasted into 出席: one a line.
    form.go_step(0);
    for _ in 0..5 {
        key(&mut form, KeyCode::Down);
    }
    form.paste("王明（市委书记）\r\n李明（市长）\r\n");
    let plan = form.plan.clone().expect("a plan");
    assert_eq!(plan.attendees, ["王明（市委书记）", "李明（市长）"]);
    assert_eq!(form.meeting.cells[5], "王明（市委书记）、李明（市长）");
}
