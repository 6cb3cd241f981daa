//! The console's task ledger (issue 17), driven with keys on a real session in a temporary
//! folder: the task form (`t`) on a unit's talk and during a speech, a remark turned into a
//! task and back (`Ctrl+T`) with undo, claiming, status and progress in the task view (`l`),
//! its filters, the talk's tasks one key away (`k`), a note-taker refused closing a task, the
//! form's draft after a crash, and snapshots of the task view in Chinese.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::{Command, Task, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::task::Status;
use podium::text::Ambiguous;
use podium::tui::app::{Action, App, Confirm, Focus, Mode, Options, PanelItem};
use podium::tui::components::taskform::{ASSIGNER, DUE, OWNER, PARTNERS, TaskTarget};
use podium::tui::components::tasks::{StatusFilter, shown_ids};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use tempfile::TempDir;

const BRIEFING: &str = "传达学习";
const FINANCE: &str = "市财政局";
const TAX: &str = "市税务局";
const SPEECH: &str = "书记讲话";
const SECRETARY: &str = "市委书记";
const FIRST_REVIEWER: &str = "常务副市长";

/// An agenda with a briefing, two unit talks and the secretary's speech; three prepared
/// tasks in two lists (one overdue on the meeting's date, one done).
fn plan_json() -> String {
    format!(
        r#"{{
  "version": 3,
  "title": "全市工作汇报会",
  "date": "2026-05-30",
  "start": "09:00",
  "talk_minutes": 8,
  "units": [
    {{"name": "{BRIEFING}", "kind": "briefing", "presenter": "办公室主任", "minutes": 5}},
    {{"name": "{FINANCE}", "presenter": "局长"}},
    {{"name": "{TAX}", "presenter": "局长"}},
    {{"name": "{SPEECH}", "kind": "speech", "presenter": "{SECRETARY}", "minutes": 20}}
  ],
  "reviewers": [{{"name": "{FIRST_REVIEWER}"}}, {{"name": "分管副市长"}}],
  "scoring": {{"mode": "none"}},
  "tasks": [
    {{"no": "1", "list": "重点任务", "text": "完成税源清单", "owner": "{TAX}", "due_text": "6月底前"}},
    {{"no": "2", "list": "重点任务", "text": "盘活存量资产", "owner": "{FINANCE}", "due": "2026-04-30", "status": "推进中"}},
    {{"no": "1", "list": "民生实事", "text": "新建养老床位", "owner": "{FINANCE}", "status": "已完成"}}
  ]
}}"#
    )
}

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

struct Meeting {
    _dir: TempDir,
    path: PathBuf,
    app: App,
}

fn meeting() -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = planfile::parse("tasks.json", &plan_json(), Lang::Zh)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let app = App::new(writer, opts(Lang::Zh), at(0));
    Meeting {
        _dir: dir,
        path,
        app,
    }
}

fn key(app: &mut App, ev: KeyEvent, now: Time) {
    app.tick(now);
    app.on_key(ev, now);
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    key(app, KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ch(app: &mut App, c: char, now: Time) {
    press(app, KeyCode::Char(c), now);
}

fn ctrl(app: &mut App, c: char, now: Time) {
    key(
        app,
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        now,
    );
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        ch(app, c, now);
    }
}

/// Makes `unit` current: `Enter` on its row, then `y`.
fn make_current(app: &mut App, unit: &str, now: Time) {
    let pos = app.session().state().position(unit).expect("unit listed");
    app.selected = pos + 1;
    app.follow = false;
    press(app, KeyCode::Enter, now);
    ch(app, 'y', now);
    assert_eq!(app.session().state().current.as_deref(), Some(unit));
}

/// Moves the focus of the task form to field `i` (from the text, with `Tab`).
fn to_field(app: &mut App, i: usize, now: Time) {
    for _ in 0..i {
        press(app, KeyCode::Tab, now);
    }
}

fn form_value(app: &App, i: usize) -> String {
    match app.mode() {
        Mode::TaskForm(f) => f.value(i),
        _ => panic!("the task form is not open"),
    }
}

fn task_by_text<'a>(app: &'a App, text: &str) -> &'a Task {
    app.session()
        .state()
        .tasks
        .iter()
        .find(|t| t.fields.text == text)
        .unwrap_or_else(|| panic!("no task {text}"))
}

fn view_texts(app: &App) -> Vec<String> {
    let Some(Mode::Tasks(view)) = app
        .popups()
        .iter()
        .rev()
        .find(|m| matches!(m, Mode::Tasks(_)))
    else {
        panic!("the task view is not open");
    };
    shown_ids(app, view)
        .into_iter()
        .map(|id| {
            app.session()
                .state()
                .task(id)
                .expect("task")
                .fields
                .text
                .clone()
        })
        .collect()
}

/// Selects the row of the task view showing `text` (`Home`, then `↓`).
fn select_in_view(app: &mut App, text: &str) {
    let texts = view_texts(app);
    let i = texts.iter().position(|t| t == text).expect("row shown");
    let now = at(0);
    press(app, KeyCode::Home, now);
    for _ in 0..i {
        press(app, KeyCode::Down, now);
    }
}

fn draw(app: &mut App, now: Time, (w, h): (u16, u16)) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

// ---------------------------------------------------------------------------------------------

#[test]
fn t_on_a_unit_s_talk_makes_a_task_that_unit_owns() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, FINANCE, at(0));
    ch(app, ' ', at(1));
    ch(app, 't', at(10));
    assert!(
        matches!(app.mode(), Mode::TaskForm(_)),
        "t opens the task form"
    );
    assert_eq!(form_value(app, OWNER), FINANCE, "the unit on stage owns it");
    assert_eq!(form_value(app, ASSIGNER), FIRST_REVIEWER);
    type_text(app, "三个月内报送税源清单", at(11));
    to_field(app, PARTNERS, at(12));
    type_text(app, "市税务局、市审计局", at(12));
    to_field(app, DUE - PARTNERS, at(13));
    type_text(app, "6月底前", at(13));
    let screen = draw(app, at(14), (100, 30));
    assert!(
        screen.contains("完成时限读作 2026-06-30"),
        "the form says how the deadline reads:\n{screen}"
    );
    press(app, KeyCode::Enter, at(15));
    assert!(matches!(app.mode(), Mode::Live), "saved and closed");

    let t = task_by_text(app, "三个月内报送税源清单");
    assert_eq!(t.fields.owner.as_deref(), Some(FINANCE));
    assert_eq!(t.unit.as_deref(), Some(FINANCE));
    assert_eq!(t.fields.partners, ["市税务局", "市审计局"]);
    assert_eq!(t.fields.due, Some(day(2026, 6, 30)));
    assert_eq!(t.fields.due_text.as_deref(), Some("6月底前"));
    assert_eq!(t.fields.assigned_by.as_deref(), Some(FIRST_REVIEWER));
    assert_eq!(t.status, Status::Open);
    let id = t.id;
    let st = app.session().state();
    assert!(
        st.remarks.iter().all(|r| r.text != "三个月内报送税源清单"),
        "a task is not a remark"
    );
    // The remarks panel lists it, marked as a task with owner and deadline.
    assert!(app.panel_items().contains(&PanelItem::Task(id)));
    let screen = draw(app, at(16), (100, 30));
    assert!(
        screen.contains("☐ 任务 · 市财政局 · 6月底前"),
        "the panel shows the task:\n{screen}"
    );
}

#[test]
fn t_during_a_speech_never_gives_it_to_the_speech_and_the_speaker_assigns_it() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, SPEECH, at(0));
    ch(app, ' ', at(1));
    ch(app, 't', at(10));
    assert_eq!(form_value(app, OWNER), "", "a speech owns nothing");
    assert_eq!(
        form_value(app, ASSIGNER),
        SECRETARY,
        "the speaker assigned it"
    );
    type_text(app, "年底前完成园区整合", at(11));
    to_field(app, OWNER, at(12));
    // PgUp/PgDn choose among the units' talks (never a speech or a briefing).
    press(app, KeyCode::PageDown, at(12));
    assert_eq!(form_value(app, OWNER), FINANCE);
    press(app, KeyCode::PageDown, at(12));
    assert_eq!(form_value(app, OWNER), TAX);
    press(app, KeyCode::Enter, at(13));
    let t = task_by_text(app, "年底前完成园区整合");
    assert_eq!(t.fields.owner.as_deref(), Some(TAX));
    assert_eq!(t.unit.as_deref(), Some(SPEECH), "raised during the speech");
    assert_eq!(t.fields.assigned_by.as_deref(), Some(SECRETARY));

    // An owner typed freely, not one of the units.
    ch(app, 't', at(20));
    type_text(app, "建立联席会议制度", at(21));
    to_field(app, OWNER, at(22));
    type_text(app, "市发展改革委", at(22));
    press(app, KeyCode::Enter, at(23));
    let t = task_by_text(app, "建立联席会议制度");
    assert_eq!(t.fields.owner.as_deref(), Some("市发展改革委"));
    assert_ne!(t.fields.owner.as_deref(), Some(SPEECH));
}

#[test]
fn a_remark_becomes_a_task_and_back_and_undo_takes_each_back() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, FINANCE, at(0));
    // A task raised first: the remark typed after it is the newest in the panel.
    ch(app, 't', at(3));
    type_text(app, "先交办一件", at(3));
    press(app, KeyCode::Enter, at(4));
    ch(app, 'r', at(5));
    type_text(app, "支出结构还要优化", at(6));
    press(app, KeyCode::Enter, at(7));
    let rid = app.session().state().remarks.last().expect("remark").id;
    let reviewer = app
        .session()
        .state()
        .remarks
        .last()
        .expect("remark")
        .reviewer
        .clone();

    press(app, KeyCode::Tab, at(8));
    assert_eq!(app.focus, Focus::Remarks);
    assert_eq!(
        app.selected_item(),
        Some(PanelItem::Remark(rid)),
        "{:?} {:?}",
        app.panel_items(),
        app.remark_selected
    );
    ctrl(app, 't', at(9));
    let st = app.session().state();
    assert!(st.remark(rid).is_none(), "the remark left the remarks");
    let t = task_by_text(app, "支出结构还要优化");
    assert_eq!(t.fields.owner.as_deref(), Some(FINANCE));
    assert_eq!(t.fields.assigned_by.as_deref(), Some(reviewer.as_str()));
    assert_eq!(t.unit.as_deref(), Some(FINANCE));
    let tid = t.id;
    assert_eq!(app.selected_item(), Some(PanelItem::Task(tid)));

    // The same key on the task turns it back: the same remark, its number kept.
    ctrl(app, 't', at(10));
    let st = app.session().state();
    assert!(st.task(tid).is_none());
    let r = st.remark(rid).expect("the remark is back");
    assert_eq!(r.text, "支出结构还要优化");
    assert_eq!(r.reviewer, reviewer);

    // Undo takes the turning back back, then the turning into a task.
    ch(app, 'u', at(11));
    assert!(app.session().state().task(tid).is_some(), "the task again");
    assert!(app.session().state().remark(rid).is_none());
    ch(app, 'u', at(12));
    assert!(app.session().state().task(tid).is_none());
    assert_eq!(
        app.session().state().remark(rid).map(|r| r.text.as_str()),
        Some("支出结构还要优化"),
        "the remark as it was"
    );
}

#[test]
fn a_remark_on_a_speech_becomes_a_task_through_the_form() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, SPEECH, at(0));
    ch(app, 'r', at(5));
    type_text(app, "各区要压实责任", at(6));
    press(app, KeyCode::Enter, at(7));
    let rid = app.session().state().remarks.last().expect("remark").id;
    press(app, KeyCode::Tab, at(8));
    ctrl(app, 't', at(9));
    match app.mode() {
        Mode::TaskForm(f) => assert_eq!(
            f.target,
            TaskTarget::New {
                unit: Some(SPEECH.into()),
                from_remark: Some(rid)
            }
        ),
        _ => panic!("the form opens to choose the owner"),
    }
    assert_eq!(form_value(app, 0), "各区要压实责任");
    assert_eq!(form_value(app, OWNER), "");
    to_field(app, OWNER, at(10));
    press(app, KeyCode::PageDown, at(10));
    press(app, KeyCode::Enter, at(11));
    let t = task_by_text(app, "各区要压实责任");
    assert_eq!(t.fields.owner.as_deref(), Some(FINANCE));
    assert!(app.session().state().remark(rid).is_none());
}

#[test]
fn status_progress_and_claim_in_the_task_view() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, TAX, at(0));
    ch(app, 'l', at(5));
    assert!(matches!(app.mode(), Mode::Tasks(_)));
    assert_eq!(
        view_texts(app),
        ["完成税源清单", "盘活存量资产", "新建养老床位"],
        "the whole ledger in its order"
    );
    // Status: the chooser, a step down from 未启动 to 推进中.
    select_in_view(app, "完成税源清单");
    press(app, KeyCode::Enter, at(6));
    press(app, KeyCode::Down, at(6));
    press(app, KeyCode::Enter, at(7));
    assert_eq!(task_by_text(app, "完成税源清单").status, Status::InProgress);
    // 3 sets done straight away.
    press(app, KeyCode::Enter, at(8));
    ch(app, '3', at(8));
    assert_eq!(task_by_text(app, "完成税源清单").status, Status::Done);

    // Progress: a line typed, shown as the latest in the table.
    ch(app, 'p', at(9));
    type_text(app, "已报送初稿", at(9));
    press(app, KeyCode::Enter, at(10));
    let t = task_by_text(app, "完成税源清单");
    assert_eq!(t.progress.len(), 1);
    assert_eq!(t.progress[0].text, "已报送初稿");
    let screen = draw(app, at(11), (100, 30));
    assert!(screen.contains("已报送初稿"), "{screen}");

    // Claim: the unit on now takes the task owned by the finance bureau.
    select_in_view(app, "盘活存量资产");
    ch(app, 'c', at(12));
    press(app, KeyCode::Enter, at(13));
    let t = task_by_text(app, "盘活存量资产");
    assert_eq!(
        t.fields.owner.as_deref(),
        Some(TAX),
        "claimed by the unit on now"
    );
    assert!(t.claimed_at.is_some());
    // Another unit chosen with PgDn.
    ch(app, 'c', at(14));
    press(app, KeyCode::PageDown, at(14));
    press(app, KeyCode::Enter, at(15));
    // (TAX was in the field: the next choice is the next unit's talk or owner.)
    let owner = task_by_text(app, "盘活存量资产").fields.owner.clone();
    assert!(
        owner.is_some() && owner.as_deref() != Some(TAX),
        "{owner:?}"
    );

    // Delete asks, then deletes; undo brings it back.
    select_in_view(app, "新建养老床位");
    press(app, KeyCode::Delete, at(16));
    assert!(matches!(
        app.mode(),
        Mode::Confirm {
            what: Confirm::DeleteTask(_),
            ..
        }
    ));
    ch(app, 'y', at(17));
    assert!(matches!(app.mode(), Mode::Tasks(_)), "back in the view");
    assert_eq!(view_texts(app).len(), 2);
    press(app, KeyCode::Esc, at(18));
    assert!(matches!(app.mode(), Mode::Live));
    ch(app, 'u', at(19));
    assert_eq!(app.session().state().tasks.len(), 3);
}

#[test]
fn e_in_the_task_view_edits_the_task() {
    let mut m = meeting();
    let app = &mut m.app;
    ch(app, 'l', at(5));
    select_in_view(app, "完成税源清单");
    ch(app, 'e', at(6));
    assert_eq!(form_value(app, 0), "完成税源清单");
    assert_eq!(form_value(app, DUE), "6月底前");
    to_field(app, DUE, at(7));
    for _ in 0..4 {
        press(app, KeyCode::Backspace, at(7));
    }
    type_text(app, "年底前", at(7));
    press(app, KeyCode::Enter, at(8));
    assert!(matches!(app.mode(), Mode::Tasks(_)), "back in the view");
    let t = task_by_text(app, "完成税源清单");
    assert_eq!(t.fields.due_text.as_deref(), Some("年底前"));
    assert_eq!(t.fields.due, Some(day(2026, 12, 31)));
    assert_eq!(t.fields.no.as_deref(), Some("1"), "its number is kept");
}

#[test]
fn the_filters_show_the_right_rows_and_say_so() {
    let mut m = meeting();
    let app = &mut m.app;
    ch(app, 'l', at(5));
    // Owner: the ledger's owners in turn, then all again.
    ch(app, 'o', at(6));
    assert_eq!(view_texts(app), ["完成税源清单"]);
    ch(app, 'o', at(6));
    assert_eq!(view_texts(app), ["盘活存量资产", "新建养老床位"]);
    let screen = draw(app, at(6), (100, 30));
    assert!(screen.contains("单位 市财政局"), "{screen}");
    ch(app, 'o', at(6));
    assert_eq!(view_texts(app).len(), 3);
    // List.
    ch(app, 'l', at(7));
    assert_eq!(view_texts(app), ["完成税源清单", "盘活存量资产"]);
    ch(app, 'l', at(7));
    assert_eq!(view_texts(app), ["新建养老床位"]);
    ch(app, 'a', at(7));
    assert_eq!(view_texts(app).len(), 3);
    // Status: all, unfinished, then each status.
    ch(app, 's', at(8));
    assert_eq!(view_texts(app), ["完成税源清单", "盘活存量资产"]);
    ch(app, 's', at(8));
    assert_eq!(view_texts(app), ["完成税源清单"], "open");
    ch(app, 's', at(8));
    assert_eq!(view_texts(app), ["盘活存量资产"], "in progress");
    ch(app, 's', at(8));
    assert_eq!(view_texts(app), ["新建养老床位"], "done");
    let screen = draw(app, at(8), (100, 30));
    assert!(screen.contains("状态 已办结"), "{screen}");
    ch(app, 'a', at(9));
    // Overdue: due 2026-04-30, before the meeting's date, not finished.
    ch(app, 'd', at(9));
    assert_eq!(view_texts(app), ["盘活存量资产"]);
    let screen = draw(app, at(9), (100, 30));
    assert!(screen.contains("仅逾期"), "{screen}");
    assert!(screen.contains("逾期"), "{screen}");
    ch(app, 'a', at(10));
    ch(app, 'o', at(10));
    ch(app, 'o', at(10));
    ch(app, 'd', at(10));
    assert_eq!(
        view_texts(app),
        ["盘活存量资产"],
        "owner and overdue together"
    );
}

#[test]
fn the_talk_s_open_tasks_are_one_key_away() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, FINANCE, at(0));
    ch(app, ' ', at(1));
    // A task raised on the talk but owned by another unit is among them too.
    app.execute(
        Command::AddTask {
            task: Box::new(podium::session::TaskFields {
                text: "配合做好数据共享".into(),
                owner: Some(TAX.into()),
                ..Default::default()
            }),
            unit: Some(FINANCE.into()),
            status: None,
            from_remark: None,
        },
        at(2),
    );
    ch(app, 'k', at(5));
    match app.mode() {
        Mode::Tasks(v) => {
            assert_eq!(v.talk.as_deref(), Some(FINANCE));
            assert_eq!(v.status, StatusFilter::Unfinished);
        }
        _ => panic!("k opens the task view"),
    }
    assert_eq!(
        view_texts(app),
        ["盘活存量资产", "配合做好数据共享"],
        "owned by or raised on the unit, not done"
    );
    let screen = draw(app, at(5), (100, 30));
    assert!(screen.contains("市财政局 的任务"), "{screen}");
    // Progress on the spot.
    ch(app, 'p', at(6));
    type_text(app, "已盘活两处闲置用房", at(6));
    press(app, KeyCode::Enter, at(7));
    let t = task_by_text(app, "盘活存量资产");
    assert_eq!(
        t.progress.last().map(|p| p.text.as_str()),
        Some("已盘活两处闲置用房")
    );
    // The key is in the key bar while a unit is on.
    press(app, KeyCode::Esc, at(8));
    let bar: Vec<String> = view::key_hints(app).into_iter().map(|h| h.0).collect();
    assert!(bar.contains(&"k".to_string()), "{bar:?}");
    assert!(bar.contains(&"l".to_string()), "{bar:?}");
    assert_eq!(
        App::action_for(&KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE)),
        Some(Action::TalkTasks)
    );
}

#[test]
fn the_task_form_survives_a_crash() {
    let m = meeting();
    let Meeting {
        _dir,
        path,
        mut app,
    } = m;
    make_current(&mut app, FINANCE, at(0));
    ch(&mut app, 't', at(5));
    type_text(&mut app, "草稿任务", at(5));
    to_field(&mut app, DUE, at(5));
    type_text(&mut app, "年底前", at(5));
    app.tick(at(7));
    let draft = path.with_file_name("meeting.session.draft");
    assert!(draft.exists(), "the draft is on disk");
    drop(app);
    let (writer, _report) = Writer::open(&path, at(30)).expect("reopened");
    let mut app = App::new(writer, opts(Lang::Zh), at(30));
    app.restore_draft(at(30));
    assert_eq!(form_value(&app, 0), "草稿任务");
    assert_eq!(form_value(&app, DUE), "年底前");
    assert_eq!(form_value(&app, OWNER), FINANCE);
    press(&mut app, KeyCode::Enter, at(31));
    assert!(!draft.exists(), "saving clears the draft");
    assert_eq!(
        task_by_text(&app, "草稿任务").fields.due,
        Some(day(2026, 12, 31))
    );
    // Esc with text asks first; No keeps the form.
    ch(&mut app, 't', at(40));
    type_text(&mut app, "再想想", at(40));
    press(&mut app, KeyCode::Esc, at(41));
    assert!(matches!(
        app.mode(),
        Mode::Confirm {
            what: Confirm::DiscardTaskForm,
            ..
        }
    ));
    ch(&mut app, 'n', at(42));
    assert_eq!(form_value(&app, 0), "再想想");
}

#[test]
fn the_task_view_in_chinese_at_100x30_and_80x24() {
    let mut m = meeting();
    let app = &mut m.app;
    make_current(app, FINANCE, at(0));
    ch(app, 't', at(5));
    type_text(app, "三个月内报送税源清单，并同步建立月度调度机制", at(5));
    to_field(app, DUE, at(5));
    type_text(app, "三季度末", at(5));
    press(app, KeyCode::Enter, at(6));
    ch(app, 'l', at(7));
    select_in_view(app, "盘活存量资产");
    ch(app, 'p', at(8));
    type_text(app, "已完成资产清查", at(8));
    press(app, KeyCode::Enter, at(8));
    insta::assert_snapshot!("task_view_zh_100x30", draw(app, at(9), (100, 30)));
    insta::assert_snapshot!("task_view_zh_80x24", draw(app, at(9), (80, 24)));
    // Wide ambiguous characters do not break the table's frame.
    app.opts.ambiguous = Ambiguous::Wide;
    // (Each cell of the buffer is one column: an ambiguous character drawn wide takes two.)
    let wide = draw(app, at(9), (80, 24));
    for line in wide.lines() {
        assert!(
            podium::text::width(line, Ambiguous::Narrow) <= 80,
            "a line wider than the screen: {line}"
        );
        if line.starts_with('│') {
            assert!(line.ends_with('│'), "the frame is broken: {line}");
        }
    }
    assert!(wide.contains("盘活存量资产"), "{wide}");
    app.opts.ambiguous = Ambiguous::Narrow;
    ch(app, 't', at(10));
    insta::assert_snapshot!("task_form_zh_80x24", draw(app, at(10), (80, 24)));
}

#[test]
fn thousands_of_tasks_scroll_and_draw_quickly() {
    let mut m = meeting();
    let app = &mut m.app;
    let tasks: Vec<podium::session::ImportedTask> = (1..=3000)
        .map(|i| podium::session::ImportedTask {
            id: None,
            task: podium::session::TaskFields {
                no: Some(i.to_string()),
                list: Some("责任清单".into()),
                text: format!("第{i}项任务"),
                owner: Some(if i % 2 == 0 { FINANCE } else { TAX }.into()),
                ..Default::default()
            },
            status: None,
            progress: Vec::new(),
        })
        .collect();
    assert!(app.execute(Command::ImportTasks { tasks }, at(1)));
    ch(app, 'l', at(2));
    press(app, KeyCode::End, at(2));
    let start = std::time::Instant::now();
    let screen = draw(app, at(3), (100, 30));
    let took = start.elapsed();
    assert!(
        screen.contains("第3000项任务"),
        "the last row in sight:\n{screen}"
    );
    assert!(!screen.contains("第1项任务"));
    // Generous for a debug build on a busy machine; the frame lays out ~25 rows, not 3003.
    assert!(took.as_millis() < 500, "a frame took {took:?}");
}

// --------------------------------------------------------------------------- a note-taker

mod net {
    use super::*;
    use podium::net::client::{self, JoinSpec};
    use podium::net::host::Server;
    use podium::net::outbox::Outbox;
    use podium::net::wire::Role;
    use podium::tui::ledger::Remote;
    use std::path::Path;

    const CODE: &str = "246810";

    /// The meeting served on 127.0.0.1 with a known join code.
    pub fn host(dir: &Path) -> App {
        let plan = planfile::parse("tasks.json", &plan_json(), Lang::Zh)
            .expect("plan valid")
            .plan;
        let path = dir.join("meeting.session.json");
        std::fs::write(
            dir.join("meeting.session.join"),
            format!(r#"{{"code":"{CODE}","meeting":"m-1","scores":false}}"#),
        )
        .expect("join file");
        let writer = Writer::create(&path, plan, at(0)).expect("session created");
        let mut app = App::new(writer, opts(Lang::Zh), at(0));
        let server = Server::start(
            "127.0.0.1:0",
            &path,
            app.core.ledger.writer().expect("host"),
            podium::wallclock::now,
        )
        .expect("server started");
        app.core.server = Some(server);
        app
    }

    /// `name` joins `host` as a note-taker.
    pub fn join(host: &mut App, dir: &Path, name: &str) -> App {
        let spec = JoinSpec {
            addr: host.core.server.as_ref().expect("serving").addrs[0].clone(),
            role: Role::Notetaker,
            name: name.to_string(),
            client: format!("laptop-{name}"),
            code: CODE.to_string(),
        };
        let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
        while !joining.is_finished() {
            host.tick(at(1));
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let link = joining.join().expect("thread").expect("joined");
        let outbox = Outbox::open(&dir.join(format!("outbox-{name}.jsonl"))).expect("outbox");
        App::remote(
            Remote::new(name.to_string(), link, outbox),
            opts(Lang::Zh),
            at(1),
        )
    }

    /// Runs both loops until `done` holds (or fails after 10 s).
    pub fn settle(host: &mut App, nt: &mut App, done: impl Fn(&App, &App) -> bool) {
        let start = std::time::Instant::now();
        loop {
            host.tick(at(2));
            nt.tick(at(2));
            if done(host, nt) {
                return;
            }
            assert!(start.elapsed().as_secs() < 10, "the network did not settle");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

#[test]
fn a_note_taker_marks_progress_and_status_but_cannot_close_a_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut host = net::host(dir.path());
    make_current(&mut host, FINANCE, at(0));
    let mut nt = net::join(&mut host, dir.path(), "张三");
    net::settle(&mut host, &mut nt, |_, nt| {
        nt.session().state().current.as_deref() == Some(FINANCE)
    });
    // The talk's tasks, one key away on the note-taker's laptop too.
    ch(&mut nt, 'k', at(3));
    assert_eq!(view_texts(&nt), ["盘活存量资产"]);
    // Closing (销号) is the host's: refused at once, nothing sent.
    press(&mut nt, KeyCode::Enter, at(4));
    let screen = draw(&mut nt, at(4), (100, 30));
    assert!(
        screen.contains("（仅主持人）"),
        "shown as the host's:\n{screen}"
    );
    ch(&mut nt, '4', at(4));
    let notice = nt.core.notice.as_ref().map(|n| n.text.clone());
    assert_eq!(
        notice.as_deref(),
        Some(
            podium::strings::refusal(Lang::Zh, &podium::session::Refusal::TaskStatusHostOnly)
                .as_str()
        )
    );
    assert_eq!(
        nt.core.ledger.remote().expect("remote").waiting().count(),
        0
    );
    // Done (已办结) is theirs.
    ch(&mut nt, '3', at(5));
    // Progress typed on the spot.
    ch(&mut nt, 'p', at(6));
    type_text(&mut nt, "资产清查已完成", at(6));
    press(&mut nt, KeyCode::Enter, at(7));
    net::settle(&mut host, &mut nt, |host, _| {
        let t = task_by_text(host, "盘活存量资产");
        t.status == Status::Done && !t.progress.is_empty()
    });
    let t = task_by_text(&host, "盘活存量资产");
    assert_eq!(t.progress[0].text, "资产清查已完成");
    assert_eq!(t.progress[0].by.as_deref(), Some("张三"));
}

#[test]
fn a_task_remark_of_an_older_session_shows_once_and_turns_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trim.session.json");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/trim.session.json"
    );
    std::fs::copy(fixture, &path).expect("copied");
    let (writer, _report) = Writer::open(&path, at(0)).expect("opened");
    let mut app = App::new(writer, opts(Lang::En), at(0));
    let st = app.session().state();
    let remark = st.remark(3).expect("remark 3").clone();
    assert_eq!(remark.kind, podium::session::RemarkKind::Task);
    let task = st
        .tasks
        .iter()
        .find(|t| t.fields.text == remark.text)
        .expect("folded into the ledger")
        .id;
    let pos = remark
        .unit
        .as_deref()
        .and_then(|u| st.position(u))
        .expect("on a unit");
    app.selected = pos + 1;
    app.follow = false;
    app.remark_selected = None;
    press(&mut app, KeyCode::Tab, at(1));
    let items = app.panel_items();
    assert!(items.contains(&PanelItem::Remark(3)));
    assert!(
        !items.contains(&PanelItem::Task(task)),
        "listed once, as the remark it is: {items:?}"
    );
    let i = items
        .iter()
        .position(|x| *x == PanelItem::Remark(3))
        .expect("listed");
    press(&mut app, KeyCode::Home, at(1));
    for _ in 0..i {
        press(&mut app, KeyCode::Down, at(1));
    }
    assert_eq!(app.selected_item(), Some(PanelItem::Remark(3)));
    ctrl(&mut app, 't', at(2));
    let st = app.session().state();
    assert!(st.task(task).is_none(), "no longer a task");
    assert_eq!(
        st.remark(3).map(|r| r.kind),
        Some(podium::session::RemarkKind::Remark)
    );
}
