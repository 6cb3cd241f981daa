//! Terminal sizes: the console draws at every size from 1×1 to 40×20 and at a sample of sizes
//! up to 300×100 in each mode (live, editor with a long mixed 中文/English/digits remark, help,
//! menu, a confirmation, a form) without a panic, and resizing while typing keeps the terminal
//! cursor on the screen.

use chrono::{Duration, FixedOffset, TimeZone};
use podium::planfile;
use podium::session::Time;
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Confirm, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;
use tempfile::TempDir;

fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

const LONG_REMARK: &str = "职责清晰，目标明确。Targets for 2026: revenue +5.5%, 120 projects, \
    3 new districts；第二点：重大项目谋划要提前 18 个月，investment of 1,000,000,000 yuan \
    要落到实处。Averyveryverylongwordwithoutanyspacethatmustwrapbyglyph1234567890 \
    然后是一段很长很长的中文没有任何标点一直写下去直到换行为止看看宽度是否正确计算";

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), now);
    }
}

/// A meeting in full swing: a talk in overtime, remarks (long, wrapped, a task, a general
/// one), a skipped unit and a notice; `lang` and `ambiguous` as given.
fn busy_meeting(lang: Lang, ambiguous: Ambiguous) -> (TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous,
    };
    let mut app = App::new(writer, opts, at(0));
    press(&mut app, KeyCode::Char(' '), at(0));
    press(&mut app, KeyCode::Char('r'), at(10));
    type_text(&mut app, LONG_REMARK, at(10));
    press(&mut app, KeyCode::Enter, at(10));
    press(&mut app, KeyCode::Char('t'), at(20));
    type_text(&mut app, "三个月内报送 report", at(20));
    press(&mut app, KeyCode::Enter, at(20));
    press(&mut app, KeyCode::Char('g'), at(30));
    type_text(&mut app, "整体 good", at(30));
    press(&mut app, KeyCode::Enter, at(30));
    press(&mut app, KeyCode::Down, at(40));
    press(&mut app, KeyCode::Char('x'), at(40));
    press(&mut app, KeyCode::Char('y'), at(40));
    press(&mut app, KeyCode::Char('u'), at(41));
    press(&mut app, KeyCode::Char('x'), at(42));
    press(&mut app, KeyCode::Char('y'), at(42));
    assert!(app.core.notice.is_some(), "the undo left a notice");
    (dir, app)
}

/// The modes to draw: each is a sequence of keys from the live screen.
fn enter_mode(app: &mut App, mode: &str, now: Time) {
    for _ in 0..4 {
        match app.mode() {
            Mode::Live => break,
            Mode::Confirm {
                what: Confirm::DiscardEditor,
                ..
            } => press(app, KeyCode::Char('y'), now),
            _ => press(app, KeyCode::Esc, now),
        }
    }
    assert!(matches!(app.mode(), Mode::Live), "back on the live screen");
    assert!(!app.quit);
    match mode {
        "live" => {}
        "editor" => {
            press(app, KeyCode::Char('r'), now);
            type_text(app, LONG_REMARK, now);
            app.on_key(
                KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL),
                now,
            );
            type_text(app, "新的一行 new line 42", now);
        }
        "search" => {
            press(app, KeyCode::Char('r'), now);
            app.on_key(
                KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
                now,
            );
            type_text(app, "代表", now);
        }
        "help" => press(app, KeyCode::Char('?'), now),
        "menu" => {
            press(app, KeyCode::F(10), now);
            for _ in 0..17 {
                press(app, KeyCode::Down, now);
            }
        }
        "confirm" => press(app, KeyCode::Char('q'), now),
        "form" => {
            press(app, KeyCode::Char('a'), now);
            type_text(app, "新增单位 Late addition 2026", now);
        }
        other => panic!("unknown mode {other}"),
    }
}

const MODES: [&str; 7] = [
    "live", "editor", "search", "help", "menu", "confirm", "form",
];

/// Draws one frame at `w`×`h`; the cursor, when shown, must be on the screen.
fn draw_at(app: &App, w: u16, h: u16, now: Time) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .unwrap_or_else(|e| panic!("draw at {w}x{h}: {e}"));
    assert_cursor_inside(&mut terminal, w, h);
}

fn assert_cursor_inside(terminal: &mut Terminal<TestBackend>, w: u16, h: u16) {
    if terminal.backend().cursor_visible() {
        let p: Position = terminal.get_cursor_position().expect("cursor");
        assert!(p.x < w && p.y < h, "cursor {p:?} outside {w}x{h}");
    }
}

fn sample_sizes() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    for w in (41..=300).step_by(29) {
        for h in (21..=100).step_by(16) {
            sizes.push((w, h));
        }
    }
    // The edges: around the "too small" limit, the usual terminals, one dimension huge.
    sizes.extend([
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 30),
        (120, 40),
        (300, 100),
        (300, 16),
        (60, 100),
        (300, 1),
        (1, 100),
        (41, 21),
    ]);
    sizes
}

#[test]
fn every_small_size_draws_in_every_mode() {
    for (lang, amb) in [(Lang::Zh, Ambiguous::Narrow), (Lang::En, Ambiguous::Wide)] {
        let (_dir, mut app) = busy_meeting(lang, amb);
        let now = at(600);
        for mode in MODES {
            enter_mode(&mut app, mode, now);
            for w in 1..=40 {
                for h in 1..=20 {
                    draw_at(&app, w, h, now);
                }
            }
        }
    }
}

#[test]
fn a_sample_of_large_sizes_draws_in_every_mode() {
    for (lang, amb) in [(Lang::Zh, Ambiguous::Narrow), (Lang::En, Ambiguous::Wide)] {
        let (_dir, mut app) = busy_meeting(lang, amb);
        let now = at(600);
        for mode in MODES {
            enter_mode(&mut app, mode, now);
            for (w, h) in sample_sizes() {
                draw_at(&app, w, h, now);
            }
        }
    }
}

#[test]
fn the_caret_stays_on_screen_in_the_editor_at_every_size() {
    let (_dir, mut app) = busy_meeting(Lang::Zh, Ambiguous::Narrow);
    let now = at(600);
    enter_mode(&mut app, "editor", now);
    for w in (60..=140).step_by(3) {
        for h in 16..=40 {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|frame| view::draw(frame, &app, now))
                .expect("draw");
            assert!(
                terminal.backend().cursor_visible(),
                "the caret is shown in the editor at {w}x{h}"
            );
            assert_cursor_inside(&mut terminal, w, h);
        }
    }
}

#[test]
fn resizing_while_typing() {
    let (_dir, mut app) = busy_meeting(Lang::Zh, Ambiguous::Narrow);
    let now = at(600);
    press(&mut app, KeyCode::Char('r'), now);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let steps: [(u16, u16, &str); 6] = [
        (100, 30, "职责清晰，"),
        (30, 10, "目标明确 goals 2026，"),
        (61, 17, LONG_REMARK),
        (100, 30, "。"),
        (1, 1, "再写一点"),
        (61, 17, "结束"),
    ];
    let mut typed = String::new();
    for (w, h, text) in steps {
        type_text(&mut app, text, now);
        typed.push_str(text);
        terminal.backend_mut().resize(w, h);
        terminal
            .draw(|frame| view::draw(frame, &app, now))
            .unwrap_or_else(|e| panic!("draw at {w}x{h}: {e}"));
        assert_cursor_inside(&mut terminal, w, h);
        let big_enough = w >= view::MIN_WIDTH && h >= view::MIN_HEIGHT;
        assert_eq!(
            terminal.backend().cursor_visible(),
            big_enough,
            "the caret is shown exactly when the editor is, at {w}x{h}"
        );
        // Also resize between two frames without typing.
        terminal
            .backend_mut()
            .resize(w.saturating_add(7), h.saturating_add(3));
        terminal
            .draw(|frame| view::draw(frame, &app, now))
            .expect("draw");
        assert_cursor_inside(&mut terminal, w + 7, h + 3);
    }
    match app.mode() {
        Mode::Editor(ed) => assert_eq!(podium::tui::editor::text_of(&ed.text), typed),
        _ => panic!("still typing"),
    }
}

/// The text of a TestBackend screen, one string per row, cells covered by a wide character
/// left out.
fn screen_rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0usize;
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(symbol);
                skip = symbol.width().saturating_sub(1);
            }
            line
        })
        .collect()
}

#[test]
fn the_agenda_stays_inside_its_panel_at_every_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan;
    let writer = Writer::create(&dir.path().join("meeting.session.json"), plan, at(0))
        .expect("session created");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, at(0));
    let mut broken = Vec::new();
    for w in view::MIN_WIDTH..=120 {
        let h = 24;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &app, at(0)))
            .expect("draw");
        let rows = screen_rows(&terminal);
        // Rows 2..=10: the agenda's column heads, the whole meeting and the seven units,
        // beside the timer panel. Each keeps both borders where the panels meet, and the
        // timer panel's first line is the current unit's name alone.
        let borders_kept = rows[2..=10].iter().all(|r| r.contains("││"));
        let name_line = rows[2]
            .split_once("││")
            .map(|(_, right)| right.trim_end_matches('│').trim().to_string());
        if !borders_kept || name_line.as_deref() != Some("市财政局") {
            broken.push((w, rows[2].clone(), rows[4].clone()));
        }
    }
    assert!(broken.is_empty(), "widths drawn wrong: {broken:#?}");
}
