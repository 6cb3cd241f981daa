//! Scenario tests of the live console: the app is driven with key events and a fake clock
//! through the whole 7-unit meeting of data/city-report.json, and the session read back from
//! disk must hold what happened (`podium::store::read` and `Record::of`). Smaller scenarios
//! check typing mode, Caps Lock, the full-width space, the reviewer picker and drafts.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::planfile;
use podium::session::record::Record;
use podium::session::{RemarkKind, Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Confirm, Focus, Mode, Options};
use podium::tui::components::taskform;
use podium::tui::editor::{Target, text_of};
use podium::tui::view;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use tempfile::TempDir;

const FINANCE: &str = "市财政局";
const SUBURB: &str = "城郊街道办事处";
const REFORM: &str = "市发改局";
const TRANSPORT: &str = "市交通运输局";
const EMERGENCY: &str = "市应急管理局";
const TAX: &str = "市税务局";
const LABOUR: &str = "市人社局";

const FIRST_REVIEWER: &str = "常务副市长";
const REVIEWERS: [&str; 5] = ["常务副市长", "分管副市长", "人大代表", "党代表", "政协委员"];

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

struct Meeting {
    _dir: TempDir,
    path: PathBuf,
    app: App,
}

fn options() -> Options {
    Options {
        lang: Lang::En,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A fresh session of data/city-report.json: 7 units of 8 minutes, 5 reviewers.
fn meeting() -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, Lang::En)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let app = App::new(writer, options(), at(0));
    Meeting {
        _dir: dir,
        path,
        app,
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn shift(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::SHIFT)
}

/// The app and the time of the next key: every key is one step of the fake clock.
struct Driver {
    m: Meeting,
}

impl Driver {
    fn app(&self) -> &App {
        &self.m.app
    }

    /// One key at `s` seconds, after the tick the real loop runs first.
    fn key(&mut self, s: i64, k: KeyEvent) {
        self.m.app.tick(at(s));
        self.m.app.on_key(k, at(s));
    }

    fn press(&mut self, s: i64, code: KeyCode) {
        self.key(s, key(code));
    }

    fn char(&mut self, s: i64, c: char) {
        self.press(s, KeyCode::Char(c));
    }

    fn type_text(&mut self, s: i64, text: &str) {
        for c in text.chars() {
            self.char(s, c);
        }
    }

    /// `r` (or `g`, `t`), the text, `Enter`.
    fn remark(&mut self, s: i64, open: char, text: &str) {
        self.char(s, open);
        assert!(self.editing(), "{open} opens the editor");
        self.type_text(s, text);
        self.press(s, KeyCode::Enter);
        assert!(
            matches!(self.app().mode(), Mode::Live),
            "Enter saves and closes"
        );
    }

    fn editing(&self) -> bool {
        matches!(self.app().mode(), Mode::Editor(_))
    }

    fn editor_text(&self) -> String {
        match self.app().mode() {
            Mode::Editor(ed) => text_of(&ed.text),
            _ => panic!("the editor is not open"),
        }
    }

    fn editor_reviewer(&self) -> String {
        match self.app().mode() {
            Mode::Editor(ed) => ed.reviewer.clone(),
            _ => panic!("the editor is not open"),
        }
    }

    /// The task form's 提出人 (who assigned the task).
    fn task_assigner(&self) -> String {
        match self.app().mode() {
            Mode::TaskForm(f) => f.value(taskform::ASSIGNER),
            _ => panic!("the task form is not open"),
        }
    }

    fn status(&self, unit: &str) -> Status {
        self.app()
            .session()
            .state()
            .unit(unit)
            .expect("unit exists")
            .status()
    }

    fn current(&self) -> Option<String> {
        self.app().session().state().current.clone()
    }

    fn order(&self) -> Vec<String> {
        let st = self.app().session().state();
        st.units.iter().map(|u| u.name.clone()).collect()
    }
}

fn driver() -> Driver {
    Driver { m: meeting() }
}

#[test]
fn a_whole_seven_unit_meeting_is_recorded() {
    let mut d = driver();
    assert_eq!(d.current().as_deref(), Some(FINANCE));

    // 市财政局: start, two remarks (the second from another reviewer, on two lines).
    d.char(0, ' ');
    assert_eq!(d.status(FINANCE), Status::Presenting);
    d.char(10, 'r');
    assert_eq!(
        d.editor_reviewer(),
        FIRST_REVIEWER,
        "first time: the plan's first"
    );
    d.type_text(15, "财政收入结构要优化");
    d.press(20, KeyCode::Enter);
    d.char(30, 'r');
    assert_eq!(
        d.editor_reviewer(),
        FIRST_REVIEWER,
        "the last reviewer stays"
    );
    d.press(30, KeyCode::Tab);
    assert_eq!(d.editor_reviewer(), "分管副市长");
    d.type_text(31, "第一点：压减一般性支出");
    d.key(32, ctrl('j'));
    d.type_text(33, "第二点：盘活存量资产");
    assert_eq!(
        d.editor_text(),
        "第一点：压减一般性支出\n第二点：盘活存量资产",
        "Ctrl+J is a new line inside the remark"
    );
    d.press(40, KeyCode::Enter);

    // Pause for a minute, resume, a follow-up task, then run over.
    d.char(200, ' ');
    assert_eq!(d.status(FINANCE), Status::Paused);
    d.char(260, ' ');
    assert_eq!(d.status(FINANCE), Status::Presenting);
    d.char(300, 't');
    assert!(
        matches!(d.app().mode(), Mode::TaskForm(_)),
        "t opens the task form"
    );
    assert_eq!(
        d.task_assigner(),
        "分管副市长",
        "the last reviewer assigns it"
    );
    d.type_text(300, "三个月内报送税源清单");
    d.press(305, KeyCode::Enter);
    assert_eq!(
        view::shown_phase(d.app(), at(560)),
        Some(podium::timer::Phase::Overtime),
        "200 s + 300 s on a 480 s limit"
    );
    d.char(560, 'n');
    assert_eq!(d.status(FINANCE), Status::Done);
    assert_eq!(d.current().as_deref(), Some(SUBURB));

    // A general remark, its reviewer found by Ctrl+R.
    d.char(570, 'g');
    d.key(570, ctrl('r'));
    d.type_text(571, "人大");
    d.press(572, KeyCode::Enter);
    assert_eq!(d.editor_reviewer(), "人大代表");
    d.type_text(573, "整体准备充分，数据翔实");
    d.press(575, KeyCode::Enter);

    // A talk started by mistake, undone.
    d.char(580, ' ');
    assert_eq!(d.status(SUBURB), Status::Presenting);
    d.char(585, 'u');
    assert_eq!(
        d.status(SUBURB),
        Status::Pending,
        "undo takes the start back"
    );
    let notice = d
        .app()
        .core
        .notice
        .clone()
        .expect("undo says what it undid");
    assert!(notice.text.contains("Undone"), "{}", notice.text);
    assert!(notice.text.contains(SUBURB), "{}", notice.text);

    // Skip 市发改局: select it (Down from the current row), x, y.
    d.press(590, KeyCode::Down);
    assert_eq!(d.app().selected_unit().as_deref(), Some(REFORM));
    d.char(590, 'x');
    assert!(matches!(
        d.app().mode(),
        Mode::Confirm { what: Confirm::ToggleSkip(u), yes: false } if u == REFORM
    ));
    d.char(591, 'y');
    assert_eq!(d.status(REFORM), Status::Skipped);
    assert_eq!(
        d.current().as_deref(),
        Some(SUBURB),
        "the current unit stays"
    );

    // Reorder: 市应急管理局 one place down, after 市税务局.
    d.press(592, KeyCode::Down);
    d.press(592, KeyCode::Down);
    assert_eq!(d.app().selected_unit().as_deref(), Some(EMERGENCY));
    d.key(593, shift(KeyCode::Down));
    assert_eq!(
        d.order(),
        [FINANCE, SUBURB, REFORM, TRANSPORT, TAX, EMERGENCY, LABOUR]
    );
    assert_eq!(
        d.app().selected_unit().as_deref(),
        Some(EMERGENCY),
        "the selection moves with the unit"
    );

    // 城郊街道办事处 for real: 470 s.
    d.char(600, ' ');
    d.char(1070, 'n');
    assert_eq!(
        d.current().as_deref(),
        Some(TRANSPORT),
        "the skipped unit is passed over"
    );
    assert_eq!(d.app().selected_unit().as_deref(), Some(TRANSPORT));

    // 市交通运输局: exactly its limit.
    d.char(1080, ' ');
    d.char(1560, 'n');
    assert_eq!(
        d.current().as_deref(),
        Some(TAX),
        "the new order is followed"
    );

    // 市税务局: a remark from a reviewer not in the plan, typed as a new name.
    d.char(1570, ' ');
    d.char(1600, 'r');
    d.key(1600, ctrl('r'));
    d.type_text(1601, "市民代表");
    d.press(1602, KeyCode::Enter);
    assert_eq!(d.editor_reviewer(), "市民代表");
    d.type_text(1603, "服务窗口要再优化");
    d.press(1605, KeyCode::Enter);
    d.char(1870, 'n');
    assert_eq!(d.current().as_deref(), Some(EMERGENCY));

    // 市应急管理局: a remark, then edited from the remarks panel.
    d.char(1880, ' ');
    d.remark(1890, 'r', "预案要细化");
    d.press(1900, KeyCode::Tab);
    assert_eq!(d.app().focus, Focus::Remarks);
    d.char(1900, 'e');
    assert_eq!(d.editor_text(), "预案要细化", "the editor holds the remark");
    assert_eq!(d.editor_reviewer(), "市民代表", "and its reviewer");
    d.press(1901, KeyCode::Backspace);
    d.press(1901, KeyCode::Backspace);
    d.type_text(1902, "具体到乡镇");
    d.press(1903, KeyCode::Enter);
    assert!(matches!(d.app().mode(), Mode::Live));
    d.press(1904, KeyCode::Tab);
    assert_eq!(d.app().focus, Focus::Agenda);
    d.char(2280, 'n');
    assert_eq!(d.current().as_deref(), Some(LABOUR));

    // 市人社局: a remark begun and abandoned (Esc asks first), 10 s over.
    d.char(2290, ' ');
    d.char(2300, 'r');
    d.type_text(2300, "草稿");
    d.press(2301, KeyCode::Esc);
    assert!(
        matches!(
            d.app().mode(),
            Mode::Confirm {
                what: Confirm::DiscardEditor,
                yes: false
            }
        ),
        "Esc with typed text asks, and starts on No"
    );
    d.char(2302, 'n');
    assert_eq!(d.editor_text(), "草稿", "No keeps the text");
    d.press(2303, KeyCode::Esc);
    d.char(2304, 'y');
    assert!(matches!(d.app().mode(), Mode::Live), "Yes discards");
    d.char(2780, 'n');
    assert_eq!(d.current(), None, "after the last unit none is current");

    // Quit: q, y.
    d.char(2790, 'q');
    d.char(2790, 'y');
    assert!(d.app().quit);

    // The session on disk, read as another process would while the console still holds it
    // (journal and snapshot), and again after the clean close.
    let path = d.m.path.clone();
    let before = Record::of(&store::read(&path).expect("session readable"), at(2800));
    let writer = d.m.app.core.ledger;
    writer.close(at(2790)).expect("clean close");
    let session = store::read(&path).expect("session readable after close");
    let record = Record::of(&session, at(2800));
    assert_eq!(
        serde_json::to_value(&before).expect("json"),
        serde_json::to_value(&record).expect("json"),
        "the journal held everything the close wrote"
    );

    let names: Vec<&str> = record.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        [FINANCE, SUBURB, REFORM, TRANSPORT, TAX, EMERGENCY, LABOUR]
    );
    let unit = |name: &str| {
        record
            .units
            .iter()
            .find(|u| u.name == name)
            .expect("unit in record")
    };
    let expect = [
        (FINANCE, "done", 500, 20),
        (SUBURB, "done", 470, 0),
        (REFORM, "skipped", 0, 0),
        (TRANSPORT, "done", 480, 0),
        (TAX, "done", 300, 0),
        (EMERGENCY, "done", 400, 0),
        (LABOUR, "done", 490, 10),
    ];
    for (name, status, talk, over) in expect {
        let u = unit(name);
        assert_eq!(u.status, status, "{name}");
        assert_eq!(u.talk_seconds, talk, "{name}");
        assert_eq!(u.overtime_seconds, over, "{name}");
    }
    assert_eq!(
        unit(SUBURB).started_at,
        Some(at(600)),
        "the undone start left no trace"
    );
    assert_eq!(unit(FINANCE).started_at, Some(at(0)));
    assert_eq!(unit(FINANCE).ended_at, Some(at(560)));

    let remarks = |name: &str| -> Vec<(String, String, RemarkKind)> {
        unit(name)
            .remarks
            .iter()
            .map(|r| (r.reviewer.clone(), r.text.clone(), r.kind))
            .collect()
    };
    let r = |who: &str, text: &str, kind| (who.to_string(), text.to_string(), kind);
    assert_eq!(
        remarks(FINANCE),
        [
            r(FIRST_REVIEWER, "财政收入结构要优化", RemarkKind::Remark),
            r(
                "分管副市长",
                "第一点：压减一般性支出\n第二点：盘活存量资产",
                RemarkKind::Remark
            ),
        ]
    );
    assert_eq!(remarks(SUBURB), []);
    assert_eq!(
        remarks(TAX),
        [r("市民代表", "服务窗口要再优化", RemarkKind::Remark)]
    );
    assert_eq!(
        remarks(EMERGENCY),
        [r("市民代表", "预案要具体到乡镇", RemarkKind::Remark)],
        "the edit replaced the text"
    );
    assert_eq!(remarks(LABOUR), [], "the abandoned draft was not saved");

    let general: Vec<(&str, &str)> = record
        .general_remarks
        .iter()
        .map(|r| (r.reviewer.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(general, [("人大代表", "整体准备充分，数据翔实")]);
    // The task is in the ledger, owned by the unit whose talk it came up in, not among its
    // remarks.
    let tasks: Vec<(Option<&str>, Option<&str>, &str, &str)> = record
        .tasks
        .iter()
        .map(|t| {
            (
                t.unit.as_deref(),
                t.owner.as_deref(),
                t.assigned_by.as_deref().unwrap_or(""),
                t.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        [(
            Some(FINANCE),
            Some(FINANCE),
            "分管副市长",
            "三个月内报送税源清单"
        )]
    );
    assert_eq!(record.meeting.started_at, Some(at(0)));
    assert_eq!(record.meeting.ended_at, None);
    assert_eq!(
        record.meeting.planned_seconds,
        6 * 480,
        "the skipped unit is out"
    );
    assert_eq!(
        record.meeting.talk_seconds,
        500 + 470 + 480 + 300 + 400 + 490
    );
}

#[test]
fn typing_mode_never_fires_a_command() {
    let mut d = driver();
    d.char(0, ' ');
    d.char(10, 'r');
    let events = d.app().session().events().len();
    let typed = "n q u x 空格 N Q ? + - a o e g t r";
    d.type_text(11, typed);
    d.press(12, KeyCode::F(10));
    d.press(12, KeyCode::Delete);
    assert!(d.editing(), "still typing");
    assert_eq!(d.editor_text(), typed, "every key went into the text");
    assert_eq!(
        d.app().session().events().len(),
        events,
        "no command was carried out"
    );
    assert_eq!(d.status(FINANCE), Status::Presenting);
    assert_eq!(d.current().as_deref(), Some(FINANCE));
    // The text widget's own defaults do not apply: Tab picks a reviewer (no tab in the
    // text), Ctrl+R searches (no redo), Ctrl+J is a new line (no deletion).
    d.press(13, KeyCode::Tab);
    d.press(13, KeyCode::BackTab);
    d.key(13, ctrl('r'));
    d.press(13, KeyCode::Esc);
    assert!(d.editing(), "Esc leaves the search, not the editor");
    assert_eq!(d.editor_text(), typed);
    d.key(14, ctrl('j'));
    assert_eq!(d.editor_text(), format!("{typed}\n"));
    d.press(15, KeyCode::Enter);
    let st = d.app().session().state();
    let saved: Vec<&str> = st
        .remarks_on(Some(FINANCE))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        saved,
        [typed],
        "saved whole (the trailing new line trimmed)"
    );
    assert_eq!(d.status(FINANCE), Status::Presenting);
}

#[test]
fn letters_work_with_caps_lock() {
    let mut d = driver();
    d.char(0, ' ');
    // Caps Lock: the terminal reports the upper-case letter, with or without Shift.
    d.char(30, 'N');
    assert_eq!(d.status(FINANCE), Status::Done, "N ends the talk like n");
    assert_eq!(d.current().as_deref(), Some(SUBURB));
    d.char(40, ' ');
    d.key(50, shift(KeyCode::Char('N')));
    assert_eq!(d.status(SUBURB), Status::Done);
    d.char(60, 'U');
    assert_eq!(d.status(SUBURB), Status::Presenting, "U undoes like u");
    d.char(70, 'R');
    assert!(d.editing(), "R opens a remark like r");
    d.press(70, KeyCode::Esc);
    assert!(
        matches!(d.app().mode(), Mode::Live),
        "an empty editor closes at once"
    );
    d.char(80, 'Q');
    assert!(matches!(
        d.app().mode(),
        Mode::Confirm {
            what: Confirm::Quit,
            ..
        }
    ));
    d.char(80, 'Y');
    assert!(d.app().quit, "Y accepts like y");
}

#[test]
fn full_width_space_toggles_the_talk() {
    let mut d = driver();
    d.char(0, '\u{3000}');
    assert_eq!(d.status(FINANCE), Status::Presenting);
    d.char(10, '\u{3000}');
    assert_eq!(d.status(FINANCE), Status::Paused);
    d.char(20, '\u{3000}');
    assert_eq!(d.status(FINANCE), Status::Presenting);
    d.press(30, KeyCode::F(5));
    assert_eq!(d.status(FINANCE), Status::Paused, "F5 too");
}

#[test]
fn the_reviewer_picker() {
    let mut d = driver();
    d.char(0, 'r');
    assert_eq!(
        d.editor_reviewer(),
        FIRST_REVIEWER,
        "first time: the plan's first"
    );
    // Tab cycles through the plan's reviewers, then "no reviewer", then round again.
    for name in REVIEWERS.iter().skip(1) {
        d.press(1, KeyCode::Tab);
        assert_eq!(d.editor_reviewer(), *name);
    }
    d.press(1, KeyCode::Tab);
    assert_eq!(d.editor_reviewer(), "", "no reviewer");
    d.press(1, KeyCode::Tab);
    assert_eq!(d.editor_reviewer(), FIRST_REVIEWER);
    d.press(1, KeyCode::BackTab);
    assert_eq!(d.editor_reviewer(), "", "Shift+Tab goes back");

    // Ctrl+R searches by a typed part of the name.
    d.key(2, ctrl('r'));
    d.type_text(2, "协");
    match d.app().mode() {
        Mode::Editor(ed) => {
            assert_eq!(ed.search.as_deref(), Some("协"));
            assert_eq!(ed.matches(), ["政协委员"]);
        }
        _ => panic!("editor"),
    }
    d.press(2, KeyCode::Enter);
    assert_eq!(d.editor_reviewer(), "政协委员");
    assert_eq!(
        d.editor_text(),
        "",
        "the search typed nothing into the text"
    );

    // A name that matches nobody is kept as a new reviewer.
    d.key(3, ctrl('r'));
    d.type_text(3, "市民代表张三");
    d.press(3, KeyCode::Enter);
    assert_eq!(d.editor_reviewer(), "市民代表张三");
    d.type_text(4, "窗口服务好");
    d.press(5, KeyCode::Enter);
    let st = d.app().session().state();
    let r = st.remarks.last().expect("saved");
    assert_eq!(
        (r.reviewer.as_str(), r.text.as_str()),
        ("市民代表张三", "窗口服务好")
    );

    // The last reviewer used stays selected, for remarks, general remarks and tasks.
    d.char(6, 'r');
    assert_eq!(d.editor_reviewer(), "市民代表张三");
    match d.app().mode() {
        Mode::Editor(ed) => assert!(ed.choices.iter().any(|c| c == "市民代表张三")),
        _ => panic!("editor"),
    }
    d.press(6, KeyCode::Esc);
    d.char(7, 'g');
    assert_eq!(d.editor_reviewer(), "市民代表张三");
    d.press(7, KeyCode::Tab);
    assert_eq!(
        d.editor_reviewer(),
        "",
        "the typed name is in the cycle, last"
    );
    d.press(7, KeyCode::Tab);
    assert_eq!(d.editor_reviewer(), FIRST_REVIEWER);
    d.type_text(8, "总体不错");
    d.press(8, KeyCode::Enter);
    d.char(9, 't');
    assert_eq!(d.task_assigner(), FIRST_REVIEWER, "the last one used");
}

#[test]
fn a_draft_survives_a_crash() {
    let mut d = driver();
    d.char(0, ' ');
    d.char(10, 'r');
    d.press(10, KeyCode::Tab);
    d.type_text(10, "草稿：职责清晰，目标明确 2026");
    d.m.app.tick(at(11));
    let draft = d.m.path.with_file_name("meeting.session.draft");
    assert!(draft.exists(), "the draft is on disk a second later");

    // The process dies: the App is dropped without closing the writer.
    let Driver { m } = d;
    let Meeting { _dir, path, app } = m;
    drop(app);

    let (writer, _report) = Writer::open(&path, at(30)).expect("reopened");
    let mut app = App::new(writer, options(), at(30));
    app.restore_draft(at(30));
    let mut d = Driver {
        m: Meeting { _dir, path, app },
    };
    assert_eq!(d.editor_text(), "草稿：职责清晰，目标明确 2026");
    assert_eq!(
        d.editor_reviewer(),
        "分管副市长",
        "the reviewer comes back too"
    );
    match d.app().mode() {
        Mode::Editor(ed) => assert_eq!(
            ed.target,
            Target::New {
                unit: Some(FINANCE.into()),
                kind: RemarkKind::Remark
            }
        ),
        _ => panic!("editor"),
    }
    assert_eq!(
        d.status(FINANCE),
        Status::Presenting,
        "the talk kept running"
    );
    // Typing goes on at the end of the text; saving clears the draft at once.
    d.type_text(31, "。");
    d.press(32, KeyCode::Enter);
    assert!(!draft.exists(), "saving clears the draft");
    let st = d.app().session().state();
    let r = st.remarks.last().expect("saved");
    assert_eq!(r.text, "草稿：职责清晰，目标明确 2026。");
    assert_eq!(r.reviewer, "分管副市长");
}

#[test]
fn cancelling_clears_the_draft() {
    let mut d = driver();
    d.char(0, 'g');
    d.type_text(0, "要删掉的草稿");
    d.m.app.tick(at(1));
    let draft = d.m.path.with_file_name("meeting.session.draft");
    assert!(draft.exists());
    d.press(2, KeyCode::Esc);
    d.char(2, 'y');
    assert!(!draft.exists(), "cancelling clears the draft");
    assert!(d.app().session().state().remarks.is_empty());
}

#[test]
fn confirmations_answer_by_letter_arrow_and_enter() {
    let mut d = driver();
    // Skipping starts on No: Enter declines.
    d.press(0, KeyCode::Down);
    assert_eq!(d.app().selected_unit().as_deref(), Some(SUBURB));
    d.char(0, 'x');
    d.press(0, KeyCode::Enter);
    assert_eq!(
        d.status(SUBURB),
        Status::Pending,
        "Enter took the safe answer"
    );
    // → moves to Yes, Enter takes it.
    d.char(1, 'x');
    d.press(1, KeyCode::Right);
    d.press(1, KeyCode::Enter);
    assert_eq!(d.status(SUBURB), Status::Skipped);
    // The full-width ｙ of a Chinese input method accepts; Esc declines.
    d.char(2, 'x');
    d.press(2, KeyCode::Esc);
    assert_eq!(d.status(SUBURB), Status::Skipped);
    d.char(3, 'x');
    d.char(3, 'ｙ');
    assert_eq!(d.status(SUBURB), Status::Pending, "restored");
    // Enter on a unit that is not current asks before making it current.
    d.press(4, KeyCode::Enter);
    assert!(matches!(
        d.app().mode(),
        Mode::Confirm { what: Confirm::SetCurrent(u), yes: false } if u == SUBURB
    ));
    d.char(4, 'y');
    assert_eq!(d.current().as_deref(), Some(SUBURB));
    // Quitting starts on Yes: q then Enter quits.
    d.char(5, 'q');
    d.press(5, KeyCode::Enter);
    assert!(d.app().quit);
}

#[test]
fn flow_control_keys_are_left_alone_and_ctrl_c_asks_to_quit() {
    let mut d = driver();
    d.char(0, ' ');
    let events = d.app().session().events().len();
    for c in ['s', 'q', 'z'] {
        d.key(1, ctrl(c));
        assert!(
            matches!(d.app().mode(), Mode::Live),
            "Ctrl+{c} does nothing"
        );
    }
    assert_eq!(d.app().session().events().len(), events);
    assert!(!d.app().quit);
    d.key(2, ctrl('c'));
    assert!(matches!(
        d.app().mode(),
        Mode::Confirm {
            what: Confirm::Quit,
            ..
        }
    ));
    d.char(2, 'n');
    assert!(!d.app().quit);
}

#[test]
fn pasted_text_goes_in_whole() {
    let mut d = driver();
    d.m.app.on_paste("不在编辑时粘贴 n", at(0));
    assert!(
        matches!(d.app().mode(), Mode::Live),
        "a paste on the live screen is ignored"
    );
    assert_eq!(d.current().as_deref(), Some(FINANCE));
    d.char(1, 'r');
    d.m.app.on_paste("第一行 n q\r\n第二行 x u", at(1));
    assert_eq!(d.editor_text(), "第一行 n q\n第二行 x u");
    d.press(2, KeyCode::Enter);
    let st = d.app().session().state();
    assert_eq!(
        st.remarks.last().map(|r| r.text.as_str()),
        Some("第一行 n q\n第二行 x u")
    );
    assert_eq!(
        d.status(FINANCE),
        Status::Pending,
        "no key of the paste was a command"
    );
}

#[test]
fn help_and_menu_close_with_esc_and_the_menu_runs_actions() {
    let mut d = driver();
    d.char(0, '？');
    assert!(
        matches!(d.app().mode(), Mode::Help { .. }),
        "the full-width ？ opens the help"
    );
    d.press(0, KeyCode::Esc);
    assert!(matches!(d.app().mode(), Mode::Live));
    d.key(0, ctrl('k'));
    assert!(matches!(d.app().mode(), Mode::Menu { selected: 0 }));
    d.press(0, KeyCode::Esc);
    assert!(matches!(d.app().mode(), Mode::Live));
    // F10, the first entry (start / pause / resume), Enter.
    d.press(1, KeyCode::F(10));
    d.press(1, KeyCode::Enter);
    assert_eq!(d.status(FINANCE), Status::Presenting);
    // The last entry (quit) is one Up from the first.
    d.press(2, KeyCode::F(10));
    d.press(2, KeyCode::Up);
    d.press(2, KeyCode::Enter);
    assert!(matches!(
        d.app().mode(),
        Mode::Confirm {
            what: Confirm::Quit,
            ..
        }
    ));
}
