//! No English string of podium carries Chinese punctuation. A meeting whose every name is
//! ASCII is run in English (scores in two weighted groups with trimming, an overtime penalty,
//! an incomplete sheet, a unit without scores, remarks and a task, a stage message, published
//! results), and every screen reached cheaply — the live console, the sheet, the results,
//! the help, the menu, a confirmation, the stage display — and the Markdown and CSV reports
//! are searched for CJK punctuation (U+3000–U+303F, U+FF01–U+FF5E: ，。、：；（）「」『』《》
//! 【】！？ and the other full-width forms). With ASCII names in the plan, any such character can
//! only come from podium's own strings. The fixed English strings (`strings::EN` and the quit
//! dialog's) are read field by field too: a field added to them without being listed here
//! does not compile.

mod common {
    pub mod clock;
    pub mod screen;
}

use common::clock::{at, t0};
use common::screen::screen_text;
use podium::commands::ReportFormat;
use podium::commands::report::render;
use podium::display::view::DisplayOptions;
use podium::planfile;
use podium::session::{Command, GradeEntry, RemarkKind, ScoreEntry};
use podium::store::Writer;
use podium::strings::{self, Lang};
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tempfile::TempDir;

/// CJK symbols and punctuation, and the full-width forms.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}')
}

/// Every place in `text` holding CJK punctuation, with its line, for the failure message.
fn cjk_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.chars().any(is_cjk_punctuation))
        .map(str::to_string)
        .collect()
}

/// Collects what was seen, by where it was seen.
#[derive(Default)]
struct Seen {
    bad: Vec<String>,
    looked: usize,
    /// Whether the Markdown and CSV reports are searched too.
    reports: bool,
}

impl Seen {
    fn check(&mut self, place: &str, text: &str) {
        self.looked += 1;
        for line in cjk_lines(text) {
            self.bad.push(format!("{place}: {line}"));
        }
    }

    fn finish(self) {
        assert!(self.looked > 0);
        assert!(
            self.bad.is_empty(),
            "Chinese punctuation in English output:\n{}",
            self.bad.join("\n")
        );
    }
}

const POINTS_PLAN: &str = r#"{
  "title": "Quarterly review", "date": "2026-05-30", "start": "09:00", "venue": "Room 1",
  "host": "Chair", "talk_minutes": 1, "warn_seconds": 10,
  "units": [
    {"name": "East", "presenter": "Ann", "role": "Head", "topic": "Roads"},
    {"name": "West", "presenter": "Bob", "role": "Head"},
    {"name": "North", "presenter": "Cy"}
  ],
  "reviewers": [
    {"name": "Lead A", "role": "Mayor", "group": "Leaders"},
    {"name": "Lead B", "group": "Leaders"},
    {"name": "Rep C", "group": "Reps"},
    {"name": "Rep D", "group": "Reps"},
    {"name": "Rep E", "group": "Reps"}
  ],
  "scoring": {
    "mode": "points",
    "criteria": [{"name": "Duty", "max": 30}, {"name": "Goal", "max": 70}],
    "step": 0.5,
    "groups": [{"name": "Leaders", "weight": 60}, {"name": "Reps", "weight": 40}],
    "trim": 1, "trim_min": 3, "decimals": 2, "spread_warn": 5,
    "overtime": {"grace_seconds": 5, "every_seconds": 10, "points": 0.5, "max_points": 2},
    "tie_break": ["group:Leaders"]
  }
}"#;

const GRADES_PLAN: &str = r#"{
  "title": "Ballot review", "date": "2026-05-30", "start": "09:00",
  "units": [{"name": "East"}, {"name": "West"}],
  "reviewers": [{"name": "Lead A"}],
  "scoring": {"mode": "grades", "grades": [{"name": "Good", "points": 100},
    {"name": "Fair", "points": 70}, {"name": "Poor", "points": 40}]}
}"#;

struct Meeting {
    _dir: TempDir,
    app: App,
}

fn meeting(json: &str) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = planfile::parse("plan.json", json, Lang::En)
        .expect("plan valid")
        .plan;
    let writer =
        Writer::create(&dir.path().join("meeting.session.json"), plan, t0()).expect("session");
    let opts = Options {
        lang: Lang::En,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, t0());
    Meeting { _dir: dir, app }
}

impl Meeting {
    fn exec(&mut self, command: Command, s: i64) {
        assert!(self.app.execute(command.clone(), at(s)), "{command:?}");
    }

    fn key(&mut self, code: KeyCode, s: i64) {
        self.app.tick(at(s));
        self.app
            .on_key(KeyEvent::new(code, KeyModifiers::NONE), at(s));
    }

    fn ctrl(&mut self, c: char, s: i64) {
        self.app.tick(at(s));
        self.app.on_key(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            at(s),
        );
    }

    fn screen(&mut self, s: i64, (w, h): (u16, u16)) -> String {
        self.app.tick(at(s));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &self.app, at(s)))
            .expect("draw");
        screen_text(terminal.backend().buffer())
    }

    fn scores(&mut self, unit: &str, rows: &[(&str, f64, f64)], s: i64) {
        let entries = rows
            .iter()
            .flat_map(|(who, duty, goal)| {
                [("Duty", duty), ("Goal", goal)].map(|(c, v)| ScoreEntry {
                    unit: unit.into(),
                    reviewer: (*who).into(),
                    criterion: c.into(),
                    value: (v * 10_000.0).round() as i64,
                })
            })
            .collect();
        self.exec(Command::SetScores { entries }, s);
    }
}

fn display(session: &podium::session::Session, s: i64, seen: &mut Seen, place: &str) {
    for (w, h) in [(100, 30), (40, 12)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let opts = DisplayOptions {
            lang: Lang::En,
            ambiguous: Ambiguous::Narrow,
            clock_only: false,
        };
        podium::display::view::draw(&mut buf, area, session, opts, at(s));
        seen.check(&format!("display {place} {w}x{h}"), &screen_text(&buf));
    }
}

fn reports(session: &podium::session::Session, s: i64, seen: &mut Seen, place: &str) {
    if !seen.reports {
        return;
    }
    for format in [ReportFormat::Md, ReportFormat::Csv] {
        let bytes = render(session, format, at(s), Lang::En).expect("report");
        let text = String::from_utf8_lossy(&bytes);
        seen.check(&format!("{place} {format:?}"), &text);
    }
}

#[test]
fn no_english_string_has_cjk_punctuation() {
    let mut seen = Seen::default();
    fixed_strings(&mut seen);
    points_meeting(&mut seen);
    grades_meeting(&mut seen);
    seen.finish();
}

/// The same meetings' Markdown and CSV reports in English.
#[test]
fn english_reports_have_no_cjk_punctuation() {
    let mut seen = Seen {
        reports: true,
        ..Seen::default()
    };
    points_meeting(&mut seen);
    grades_meeting(&mut seen);
    seen.finish();
}

/// The fixed strings: `Text::all` lists every field (a field it misses does not compile).
fn fixed_strings(seen: &mut Seen) {
    let all = Lang::En.s().all();
    assert!(all.len() > 80, "the whole table: {}", all.len());
    for s in all {
        seen.check("strings::EN", s);
    }
    for s in strings::unsaved_text(Lang::En).all() {
        seen.check("strings::unsaved_text(En)", s);
    }
    seen.check(
        "sheet_without_cells",
        strings::sheet_without_cells(Lang::En),
    );
    seen.check(
        "sheet_without_units",
        strings::sheet_without_units(Lang::En),
    );
    for n in 0..3 {
        let line = strings::not_saved_status(Lang::En, n, "meeting.session.json: disk full");
        seen.check("not_saved_status", &line);
    }
}

fn points_meeting(seen: &mut Seen) {
    const SIZE: (u16, u16) = (120, 40);
    let mut m = meeting(POINTS_PLAN);
    seen.check("live, before the first talk", &m.screen(0, SIZE));
    display(m.app.session(), 0, seen, "before the first talk");
    // East runs 80 s of its 60: over by 20 s, a penalty.
    m.exec(Command::ToggleTalk, 0);
    seen.check("live, a talk running", &m.screen(30, SIZE));
    display(m.app.session(), 55, seen, "a talk in its warning");
    display(m.app.session(), 70, seen, "a talk over time");
    m.exec(
        Command::AddRemark {
            unit: Some("East".into()),
            reviewer: "Lead A".into(),
            text: "Good roads, more buses".into(),
            kind: RemarkKind::Remark,
        },
        40,
    );
    m.exec(
        Command::AddRemark {
            unit: Some("East".into()),
            reviewer: "Rep C".into(),
            text: "Report back in June".into(),
            kind: RemarkKind::Task,
        },
        41,
    );
    m.exec(Command::Next, 80);
    m.exec(
        Command::StageMessage {
            text: "Break until 10".into(),
        },
        85,
    );
    display(m.app.session(), 86, seen, "a stage message");
    m.exec(
        Command::StageMessage {
            text: String::new(),
        },
        87,
    );
    m.exec(
        Command::AddRemark {
            unit: None,
            reviewer: "Lead B".into(),
            text: "Well run".into(),
            kind: RemarkKind::Remark,
        },
        88,
    );
    // Undo says what it undid.
    m.key(KeyCode::Char('u'), 89);
    seen.check("live, after an undo", &m.screen(89, SIZE));
    m.app.focus = podium::tui::app::Focus::Remarks;
    seen.check("live, remarks", &m.screen(90, SIZE));
    m.app.focus = podium::tui::app::Focus::Agenda;
    // The remark editor: its field labels end in an ASCII colon ("Reviewer: ", "Text: ").
    m.key(KeyCode::Char('r'), 90);
    assert!(
        matches!(m.app.mode(), Mode::Editor(_)),
        "the editor is open"
    );
    let editor = m.screen(90, SIZE);
    assert!(
        editor.contains("Reviewer: ") && editor.contains("Text:") && !editor.contains('：'),
        "the English editor's labels:\n{editor}"
    );
    seen.check("remark editor", &editor);
    m.key(KeyCode::Esc, 90);
    assert!(
        matches!(m.app.mode(), Mode::Live),
        "the empty editor closes"
    );
    // Scores: East complete and spread out (the Reps trimmed, the Leaders too few to trim);
    // West has one incomplete sheet; North none.
    m.scores(
        "East",
        &[
            ("Lead A", 28.0, 60.0),
            ("Lead B", 20.0, 50.0),
            ("Rep C", 25.0, 65.0),
            ("Rep D", 22.5, 55.0),
            ("Rep E", 30.0, 70.0),
        ],
        100,
    );
    m.scores(
        "West",
        &[("Lead A", 25.0, 60.0), ("Rep C", 25.0, 60.0)],
        101,
    );
    m.exec(
        Command::ClearScore {
            unit: "West".into(),
            reviewer: "Rep C".into(),
            criterion: "Goal".into(),
        },
        102,
    );
    m.exec(Command::Next, 103);
    m.exec(Command::ToggleTalk, 104);
    m.exec(Command::ToggleTalk, 110);
    seen.check("live, a talk paused", &m.screen(111, SIZE));
    m.exec(Command::Next, 112);
    seen.check("live, all talks done", &m.screen(113, SIZE));
    // The sheet of each unit, a bad value typed into it.
    m.app.selected = 1;
    m.key(KeyCode::Char('s'), 120);
    assert!(matches!(m.app.mode(), Mode::Sheet(_)));
    for unit in 0..3 {
        seen.check(&format!("sheet {unit}"), &m.screen(120, SIZE));
        m.key(KeyCode::PageDown, 120);
    }
    m.key(KeyCode::Char('9'), 120);
    m.key(KeyCode::Char('9'), 120);
    seen.check("sheet, a bad value", &m.screen(120, SIZE));
    m.key(KeyCode::Esc, 120);
    m.key(KeyCode::Esc, 120);
    // The results, each unit selected.
    m.key(KeyCode::Char('v'), 121);
    assert!(matches!(m.app.mode(), Mode::Results { .. }));
    for size in [SIZE, (80, 30)] {
        for i in 0..3 {
            m.app.set_mode(Mode::Results { selected: i });
            seen.check(&format!("results {i} {size:?}"), &m.screen(121, size));
        }
    }
    reports(m.app.session(), 121, seen, "report before publishing");
    // Publish, show on stage, reveal.
    m.ctrl('p', 122);
    seen.check("confirm publish", &m.screen(122, SIZE));
    m.key(KeyCode::Char('y'), 122);
    m.key(KeyCode::Char('d'), 123);
    m.key(KeyCode::Char(' '), 124);
    seen.check("results, published", &m.screen(124, SIZE));
    display(m.app.session(), 124, seen, "one place revealed");
    m.key(KeyCode::Char('a'), 125);
    display(m.app.session(), 125, seen, "all revealed");
    m.key(KeyCode::Char('p'), 126);
    seen.check("results, unlock refused", &m.screen(126, SIZE));
    m.key(KeyCode::Esc, 126);
    // Help, scrolled through; the menu; a confirmation; the end.
    m.key(KeyCode::Char('?'), 127);
    for page in 0..6 {
        seen.check(&format!("help page {page}"), &m.screen(127, SIZE));
        m.key(KeyCode::PageDown, 127);
    }
    m.key(KeyCode::Esc, 127);
    m.key(KeyCode::F(10), 128);
    seen.check("menu", &m.screen(128, (120, 50)));
    m.key(KeyCode::Esc, 128);
    m.key(KeyCode::Char('q'), 129);
    seen.check("confirm quit", &m.screen(129, SIZE));
    m.key(KeyCode::Char('n'), 129);
    m.exec(Command::EndMeeting, 130);
    seen.check("live, the meeting ended", &m.screen(131, SIZE));
    display(m.app.session(), 131, seen, "ended");
    reports(m.app.session(), 131, seen, "report at the end");
}

fn grades_meeting(seen: &mut Seen) {
    const SIZE: (u16, u16) = (120, 40);
    let mut m = meeting(GRADES_PLAN);
    let grades = |unit: &str, counts: [i64; 3]| Command::AddGrades {
        entries: ["Good", "Fair", "Poor"]
            .iter()
            .zip(counts)
            .map(|(g, count)| GradeEntry {
                unit: unit.into(),
                grade: (*g).into(),
                count,
                group: None,
            })
            .collect(),
    };
    m.exec(grades("East", [5, 3, 1]), 10);
    m.exec(grades("West", [2, 4, 3]), 11);
    m.app.selected = 1;
    m.key(KeyCode::Char('s'), 12);
    seen.check("grades sheet", &m.screen(12, SIZE));
    m.key(KeyCode::Esc, 12);
    m.key(KeyCode::Char('v'), 13);
    for i in 0..2 {
        m.app.set_mode(Mode::Results { selected: i });
        seen.check(&format!("grades results {i}"), &m.screen(13, SIZE));
    }
    reports(m.app.session(), 13, seen, "grades report");
}
