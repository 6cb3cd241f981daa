//! Layout of the console at the sizes a host uses (80×24, 100×30, 120×40): what a terminal
//! really shows after the frames are sent (a `TestBackend` takes only the cells ratatui
//! sends, as a terminal does), so a border that is never written is caught.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::Time;
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::{self, Ambiguous};
use podium::tui::app::{App, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (120, 40)];

fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

/// A fresh session of data/city-report.json, its title replaced when `title` is given.
fn meeting(lang: Lang, title: Option<&str>) -> (TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let mut plan = planfile::parse("city-report.json", &text, lang)
        .expect("plan valid")
        .plan;
    if let Some(t) = title {
        plan.title = t.to_string();
    }
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, at(0));
    (dir, app)
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), now);
    }
}

/// One more frame on `terminal`, as the real loop draws it.
fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App, now: Time) -> String {
    app.tick(now);
    terminal.draw(|f| view::draw(f, app, now)).expect("draw");
    screen_text(terminal.backend().buffer())
}

fn terminal((w, h): (u16, u16)) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("terminal")
}

/// The column of the first cell whose symbol is `symbol` on row `y` (by cell, not char).
fn cell_x(terminal: &Terminal<TestBackend>, y: u16, symbol: &str) -> Option<u16> {
    let buf = terminal.backend().buffer();
    (0..buf.area.width).find(|&x| buf[(x, y)].symbol() == symbol)
}

// ---------------------------------------------------------------------------------------------
// The F10 menu

#[test]
fn the_menus_borders_are_whole_over_wide_characters() {
    for size in SIZES {
        let (_dir, mut app) = meeting(Lang::Zh, None);
        let mut t = terminal(size);
        // The live screen first (Chinese names under where the menu opens), then the menu.
        frame(&mut t, &mut app, at(1));
        press(&mut app, KeyCode::F(10), at(1));
        let shown = frame(&mut t, &mut app, at(1));
        let buf = t.backend().buffer().clone();
        let top = (0..size.1)
            .find(|&y| screen_text_row(&shown, y).contains("╭全部操作"))
            .unwrap_or_else(|| panic!("menu at {size:?}:\n{shown}"));
        let left = cell_x(&t, top, "╭").expect("top left");
        let left = (left..size.0)
            .find(|&x| buf[(x, top)].symbol() == "╭" && buf[(x + 1, top)].symbol() == "全")
            .expect("menu's corner");
        let right = (left + 1..size.0)
            .find(|&x| buf[(x, top)].symbol() == "╮")
            .expect("menu's right corner");
        let bottom = (top + 1..size.1)
            .find(|&y| buf[(left, y)].symbol() == "╰")
            .unwrap_or_else(|| panic!("menu's bottom at {size:?}:\n{shown}"));
        assert!(bottom - top > 5, "{shown}");
        for y in top + 1..bottom {
            assert_eq!(
                buf[(left, y)].symbol(),
                "│",
                "left border, row {y} at {size:?}:\n{shown}"
            );
            assert_eq!(
                buf[(right, y)].symbol(),
                "│",
                "right border, row {y} at {size:?}:\n{shown}"
            );
            // Every row of the menu is exactly as wide as the box: the text inside is
            // padded by display width.
            let row = screen_text_row(&shown, y);
            let inside: String = row_cells(&buf, y, left, right);
            assert_eq!(
                text::width(&inside, Ambiguous::Narrow),
                (right - left - 1) as usize,
                "{row}"
            );
        }
    }
}

fn screen_text_row(shown: &str, y: u16) -> String {
    shown.lines().nth(y as usize).unwrap_or("").to_string()
}

/// The text strictly between columns `left` and `right` of row `y`, as the terminal shows it.
fn row_cells(buf: &ratatui::buffer::Buffer, y: u16, left: u16, right: u16) -> String {
    let mut out = String::new();
    let mut x = left + 1;
    while x < right {
        let s = buf[(x, y)].symbol();
        out.push_str(s);
        x += text::width(s, Ambiguous::Narrow).max(1) as u16;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The header

#[test]
fn a_normal_chinese_title_is_whole_at_120_columns() {
    let title = "2026年度全市“明职责、对目标、争一流”工作汇报会（首场）";
    let (_dir, mut app) = meeting(Lang::Zh, Some(title));
    press(&mut app, KeyCode::Char(' '), at(10));
    let mut t = terminal((120, 40));
    // An hour and more into the meeting, late: the longest the pieces get.
    let shown = frame(&mut t, &mut app, at(3725));
    let header = screen_text_row(&shown, 0);
    assert!(header.contains(title), "{header}");
    assert!(header.contains("预计结束"), "{header}");
    // At 80 columns it is cut, with "…", and the projected end still shows.
    let mut t = terminal((80, 24));
    let shown = frame(&mut t, &mut app, at(3725));
    let header = screen_text_row(&shown, 0);
    assert!(
        header.contains("2026年度全市") && header.contains('…'),
        "{header}"
    );
    assert!(header.contains("预计结束"), "{header}");
    let _ = type_text;
}

// ---------------------------------------------------------------------------------------------
// The remarks panel

/// Four long Chinese remarks on the current unit, typed as the host does (`r`, the text,
/// Enter), each several lines in the panel.
fn long_remarks(app: &mut App) {
    for i in 1..=4 {
        let now = at(20 + i);
        press(app, KeyCode::Char('r'), now);
        type_text(
            app,
            &format!(
                "第{i}条：职责清晰，目标明确，举措有力，但是重大项目谋划还要提前，税源培育要落到\
                 实处，数据要与统计部门核对一致，下一步要把群众反映强烈的问题列出清单、限时办结。"
            ),
            now,
        );
        press(app, KeyCode::Enter, now);
    }
}

/// A remark's first line: "reviewer — 第N条…".
fn starts_a_remark(row: &str) -> bool {
    row.split_once(" — ")
        .is_some_and(|(who, rest)| who.chars().count() <= 8 && rest.starts_with('第'))
}

/// `line` from display column `col` on.
fn from_col(line: &str, col: usize) -> String {
    let mut used = 0;
    line.chars()
        .skip_while(|c| {
            let skip = used < col;
            used += text::width(&c.to_string(), Ambiguous::Narrow);
            skip
        })
        .collect()
}

/// The rows inside the remarks panel (under its title, above its bottom border).
fn remarks_panel(shown: &str) -> Vec<String> {
    let lines: Vec<&str> = shown.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("╭点评 · 市财政局"))
        .unwrap_or_else(|| panic!("remarks panel:\n{shown}"));
    let title = lines[top];
    let x = text::width(
        &title[..title.find("╭点评").expect("corner")],
        Ambiguous::Narrow,
    );
    lines[top + 1..]
        .iter()
        .map(|l| from_col(l, x))
        .take_while(|l| !l.starts_with('╰'))
        .map(|l| {
            l.trim_start_matches('│')
                .trim_end_matches('│')
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn the_remarks_panel_starts_at_a_remarks_first_line() {
    for size in SIZES {
        let (_dir, mut app) = meeting(Lang::Zh, None);
        press(&mut app, KeyCode::Char(' '), at(10));
        long_remarks(&mut app);
        let mut t = terminal(size);
        let shown = frame(&mut t, &mut app, at(30));
        let rows = remarks_panel(&shown);
        let text: Vec<&String> = rows.iter().filter(|r| !r.is_empty()).collect();
        assert!(!text.is_empty(), "{shown}");
        // The top row is the first line of a remark, or says that earlier ones are above.
        assert!(
            starts_a_remark(text[0]) || text[0] == "↑ 更早的点评",
            "{size:?}: the panel starts mid-remark:\n{shown}"
        );
        // When the panel says so, the next row starts a remark.
        if text[0] == "↑ 更早的点评" {
            assert!(starts_a_remark(text[1]), "{shown}");
        }
        // The newest remark is in sight, from its first line.
        let newest = rows
            .iter()
            .position(|r| r.contains(" — 第4条"))
            .unwrap_or_else(|| panic!("{size:?}: the newest remark:\n{shown}"));
        // To its last line, or cut with "…" at the bottom when it is taller than the panel.
        let last = text.last().expect("a row");
        assert!(
            rows[newest..].iter().any(|r| r.ends_with("限时办结。")) || last.ends_with('…'),
            "{size:?}: {rows:?}\n{shown}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The score sheet

/// The score sheet of the first unit, on its first cell.
fn sheet(app: &mut App, now: Time) {
    press(app, KeyCode::Home, now);
    press(app, KeyCode::Down, now);
    press(app, KeyCode::Char('s'), now);
}

#[test]
fn a_values_error_is_right_under_its_cell() {
    for size in SIZES {
        let (_dir, mut app) = meeting(Lang::Zh, None);
        let now = at(60);
        sheet(&mut app, now);
        // Two full sheets (30 + 30 + 40 points), then 45 into the third reviewer's 争一流.
        for value in ["28", "27", "36", "27.5", "28", "35", "29", "28", "45"] {
            type_text(&mut app, value, now);
            press(&mut app, KeyCode::Tab, now);
        }
        let mut t = terminal(size);
        let shown = frame(&mut t, &mut app, now);
        let lines: Vec<&str> = shown.lines().collect();
        let row = lines
            .iter()
            .position(|l| l.contains("人大代表") && l.contains("45"))
            .unwrap_or_else(|| panic!("{size:?}: the row being edited:\n{shown}"));
        // The next row says what is wrong, its arrow under the cell.
        let under = lines[row + 1];
        assert!(
            under.contains("↑ 45 超出范围（0 到 40）"),
            "{size:?}:\n{shown}"
        );
        let cell_x = text::width(
            &lines[row][..lines[row].find("45").expect("45")],
            Ambiguous::Narrow,
        );
        let arrow_x = text::width(&under[..under.find('↑').expect("arrow")], Ambiguous::Narrow);
        // Under the cell when the sentence fits there, else from the row's start.
        assert!(arrow_x <= cell_x, "{size:?}:\n{shown}");
        if size.0 >= 100 {
            assert_eq!(
                arrow_x, cell_x,
                "{size:?}: the arrow points at the cell:\n{shown}"
            );
        }
        // Said once, and the rows under it follow.
        assert_eq!(shown.matches("超出范围").count(), 1, "{shown}");
        assert!(lines[row + 2].contains("党代表"), "{size:?}:\n{shown}");
    }
}

/// The agenda's plan, actual and over columns were 6, 6 and 7 wide: a two-hour talk showed
/// "2:00:…", "3:41:…" and "+1:41:…". They take the width of their widest figure.
#[test]
fn the_agendas_times_of_an_hour_or_more_are_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file)
        .expect("plan readable")
        .replace("\"talk_minutes\": 8", "\"talk_minutes\": 120");
    let plan = planfile::parse("city-report.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(writer, opts, at(0));
    press(&mut app, KeyCode::Char(' '), at(0));
    let mut t = terminal((100, 30));
    let shown = frame(&mut t, &mut app, at(13_300));
    let row = shown
        .lines()
        .find(|l| l.contains("汇报中"))
        .expect("the current unit's row");
    for figure in ["2:00:00", "3:41:40", "+1:41:40"] {
        assert!(row.contains(figure), "{figure} in {row}\n{shown}");
    }
    assert!(!row.contains(":…"), "{row}");
}
