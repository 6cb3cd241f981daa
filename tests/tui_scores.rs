//! Whole-screen snapshots of the score sheet and the results view, on the acceptance meeting
//! (`tests/fixtures/acceptance/plan.json`: 7 units, 8 reviewers in two weighted groups, criteria
//! 明职责/30, 对目标/30, 争一流/40 in steps of 0.5, trimming from 5 scores, an overtime
//! penalty; `scores.csv`: the paper sheets). Drawn into a ratatui `TestBackend` with a fixed
//! clock and a fixed size, on a real session in a temporary folder; each snapshot is the
//! buffer as plain text (one line per row, the cells covered by a wide character left out,
//! trailing blanks trimmed). What a user checks on each screen is asserted as well, and what
//! the screen says is checked against the saved session.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::{Command, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Confirm, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use std::path::PathBuf;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

/// The acceptance meeting's data, carried in the repository (`tests/fixtures/acceptance`).
fn acceptance(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acceptance")
        .join(file)
}

/// 2026-05-30 09:00:00 +08:00, the plan's own start.
fn t0() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
}

fn at(seconds: i64) -> Time {
    t0() + Duration::seconds(seconds)
}

/// A fresh session of the acceptance plan, always named `meeting.session.json` so the status
/// line is the same in every test.
struct Meeting {
    _dir: TempDir,
    app: App,
}

fn meeting(lang: Lang) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = acceptance("plan.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the acceptance plan {}: {e}", path.display()));
    let plan = planfile::parse("plan.json", &text, lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, t0()).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, t0());
    Meeting { _dir: dir, app }
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ctrl(app: &mut App, c: char, now: Time) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now);
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), now);
    }
}

/// Types a value into the current cell and leaves it with Tab, as a fast typist does.
fn enter_score(app: &mut App, text: &str, now: Time) {
    type_text(app, text, now);
    press(app, KeyCode::Tab, now);
}

struct Shot {
    text: String,
    buffer: Buffer,
}

impl Shot {
    fn contains(&self, s: &str) -> bool {
        self.text.contains(s)
    }

    /// The sheet's grid row of `reviewer`: the screen line that starts with the name.
    fn grid_row(&self, reviewer: &str) -> &str {
        let head = format!("│ {reviewer} ");
        self.text
            .lines()
            .find(|l| l.starts_with(&head))
            .unwrap_or_else(|| panic!("no grid row for {reviewer}:\n{}", self.text))
    }

    /// The screen line holding `needle`, first match.
    fn line_with(&self, needle: &str) -> &str {
        self.text
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line holds {needle:?}:\n{}", self.text))
    }

    /// The style of the cell where the ASCII text `needle` first starts on screen.
    fn style_at(&self, needle: &str) -> ratatui::style::Style {
        let area = self.buffer.area;
        let n = needle.len() as u16;
        for y in 0..area.height {
            for x in 0..area.width.saturating_sub(n.saturating_sub(1)) {
                if needle
                    .chars()
                    .enumerate()
                    .all(|(i, c)| self.buffer[(x + i as u16, y)].symbol() == c.to_string())
                {
                    return self.buffer[(x, y)].style();
                }
            }
        }
        panic!("{needle:?} is not on screen:\n{}", self.text)
    }
}

/// One frame at `now`, as the real loop does it (tick, then draw).
fn shot(app: &mut App, now: Time, (w, h): (u16, u16)) -> Shot {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    Shot {
        text: screen_text(&buffer),
        buffer,
    }
}

/// The saved score of a cell (criteria in plan order: 明职责, 对目标, 争一流).
fn saved(app: &App, unit: &str, reviewer: &str, criterion: usize) -> Option<i64> {
    app.session()
        .state()
        .scores
        .value(unit, reviewer, criterion)
}

/// Points in ten-thousandths, as the session stores them.
fn pts(x: f64) -> i64 {
    (x * 10_000.0).round() as i64
}

/// Opens the score sheet of the agenda row `position` (1-based) with `s`.
fn open_sheet(app: &mut App, position: usize, now: Time) {
    press(app, KeyCode::Home, now);
    for _ in 0..position {
        press(app, KeyCode::Down, now);
    }
    press(app, KeyCode::Char('s'), now);
    match app.mode() {
        Mode::Sheet(sheet) => {
            assert_eq!(sheet.unit, app.session().state().units[position - 1].name);
            assert_eq!(
                (sheet.row, sheet.col),
                (0, 0),
                "the sheet opens on its first cell"
            );
        }
        _ => panic!("s opens the score sheet"),
    }
}

fn sheet_cell(app: &App) -> (usize, usize, String) {
    match app.mode() {
        Mode::Sheet(sheet) => (sheet.row, sheet.col, sheet.input.clone()),
        _ => panic!("the score sheet is open"),
    }
}

/// The timing of the acceptance run: unit 1 talks 11 s against a 3 s limit (8 s over, inside
/// the first 30 s step: 1 point off), unit 2 talks 1 s; unit 3 is current, not started.
fn timed(lang: Lang) -> Meeting {
    let mut m = meeting(lang);
    press(&mut m.app, KeyCode::Char(' '), at(0));
    press(&mut m.app, KeyCode::Char('n'), at(11));
    press(&mut m.app, KeyCode::Char(' '), at(12));
    press(&mut m.app, KeyCode::Char('n'), at(13));
    let st = m.app.session().state();
    assert_eq!(st.current.as_deref(), Some("市发改局"));
    m
}

/// `scores.csv` imported as `podium scores` would: read, checked against the session, one
/// `SetScores` command through the console's own writer.
fn import_scores(app: &mut App, now: Time) {
    let table = podium::import::read_table(&acceptance("scores.csv")).expect("scores.csv reads");
    let import =
        podium::import::scores(&table, app.session(), app.lang(), None).expect("every row valid");
    assert_eq!(
        (import.new, import.changed, import.unchanged),
        (156, 0, 0),
        "7 units × 8 reviewers × 3 criteria, 市领导E recused from 市税务局"
    );
    assert!(app.execute(
        Command::SetScores {
            entries: import.scores
        },
        now
    ));
}

/// The hand-computed ranking of the acceptance data (`expected.tsv`).
const EXPECTED: [(&str, &str, usize); 7] = [
    ("市税务局", "91.05", 1),
    ("市财政局", "90.10", 2),
    ("城郊街道办事处", "90.07", 3),
    ("市交通运输局", "90.00", 4),
    ("市人社局", "88.37", 5),
    ("市发改局", "87.93", 6),
    ("市应急管理局", "85.00", 7),
];

/// Results view lines in ranking order: each unit on its own row, with its rank and final.
fn assert_ranking(s: &Shot) {
    let mut last_row = 0;
    for (unit, final_score, rank) in EXPECTED {
        let (row, line) = s
            .text
            .lines()
            .enumerate()
            .find(|(_, l)| {
                let t = l.trim_start_matches(['│', ' ']);
                t.starts_with(&format!("{rank} ")) && l.contains(unit)
            })
            .unwrap_or_else(|| panic!("no ranking row {rank} {unit}:\n{}", s.text));
        assert!(
            line.contains(final_score),
            "{unit}: final {final_score} in {line:?}"
        );
        assert!(row > last_row, "{unit} is below the unit ranked before it");
        last_row = row;
    }
}

// ---------------------------------------------------------------------------------------------
// The score sheet

#[test]
fn sheet_with_an_inline_error_zh() {
    let mut m = meeting(Lang::Zh);
    let now = at(60);
    open_sheet(&mut m.app, 1, now);
    enter_score(&mut m.app, "28", now);
    enter_score(&mut m.app, "27", now);
    // 45 into 争一流 (max 40): said inline, never saved; the cursor stays on the cell.
    enter_score(&mut m.app, "45", now);
    assert_eq!(
        sheet_cell(&m.app),
        (0, 2, "45".into()),
        "the value stays typed"
    );
    assert_eq!(saved(&m.app, "市财政局", "市领导A", 0), Some(pts(28.0)));
    assert_eq!(saved(&m.app, "市财政局", "市领导A", 1), Some(pts(27.0)));
    assert_eq!(
        saved(&m.app, "市财政局", "市领导A", 2),
        None,
        "an out-of-range value is never saved"
    );
    // Nor is it on disk.
    let on_disk = podium::store::read(&m.app.core.ledger.paths().session).expect("read back");
    assert_eq!(on_disk.state().scores.value("市财政局", "市领导A", 2), None);
    assert_eq!(
        on_disk.state().scores.value("市财政局", "市领导A", 0),
        Some(pts(28.0))
    );

    let s = shot(&mut m.app, now, (100, 30));
    insta::assert_snapshot!("sheet_inline_error_zh_100x30", s.text);
    assert!(s.contains("评分表 · 市财政局"), "{}", s.text);
    assert!(s.contains("明职责/30") && s.contains("对目标/30") && s.contains("争一流/40"));
    assert!(
        s.contains("45 超出范围（0 到 40）"),
        "the error sentence:\n{}",
        s.text
    );
    let row_a = s.grid_row("市领导A");
    assert!(
        row_a.contains("28") && row_a.contains("27") && row_a.contains("45"),
        "{row_a:?}"
    );
    assert!(
        row_a.contains("不完整"),
        "a partial sheet says so: {row_a:?}"
    );
    assert_eq!(
        s.style_at("45").bg,
        Some(Color::Red),
        "the bad cell is marked"
    );
    assert!(s.contains("未评："), "who has not scored yet:\n{}", s.text);

    // Corrected: 36 saves, the row is complete (28 + 27 + 36 = 91), the cursor moves down.
    press(&mut m.app, KeyCode::Backspace, now);
    press(&mut m.app, KeyCode::Backspace, now);
    enter_score(&mut m.app, "36", now);
    assert_eq!(saved(&m.app, "市财政局", "市领导A", 2), Some(pts(36.0)));
    assert_eq!(sheet_cell(&m.app), (1, 0, String::new()));
    // Full-width digits and point from an input method: ２７．５ is 27.5.
    enter_score(&mut m.app, "２７．５", now);
    assert_eq!(saved(&m.app, "市财政局", "市领导B", 0), Some(pts(27.5)));
    // 。 (the ideographic full stop) counts as the point too.
    enter_score(&mut m.app, "２８。５", now);
    assert_eq!(saved(&m.app, "市财政局", "市领导B", 1), Some(pts(28.5)));
    let s = shot(&mut m.app, now, (100, 30));
    insta::assert_snapshot!("sheet_typed_zh_100x30", s.text);
    assert!(!s.contains("超出范围"), "the error is gone:\n{}", s.text);
    let row_a = s.grid_row("市领导A");
    assert!(row_a.contains("91"), "A's total: {row_a:?}");
    let row_b = s.grid_row("市领导B");
    assert!(
        row_b.contains("27.5") && row_b.contains("28.5"),
        "{row_b:?}"
    );
    assert!(row_b.contains("不完整"), "{row_b:?}");
}

#[test]
fn sheet_with_an_inline_error_en() {
    let mut m = meeting(Lang::En);
    let now = at(60);
    open_sheet(&mut m.app, 1, now);
    // Off the 0.5 step.
    enter_score(&mut m.app, "27.3", now);
    assert_eq!(sheet_cell(&m.app), (0, 0, "27.3".into()));
    assert_eq!(saved(&m.app, "市财政局", "市领导A", 0), None);
    let s = shot(&mut m.app, now, (100, 30));
    insta::assert_snapshot!("sheet_off_step_en_100x30", s.text);
    assert!(s.contains("Score sheet · 市财政局"), "{}", s.text);
    assert!(
        s.contains("27.3 is not a multiple of 0.5"),
        "the error sentence:\n{}",
        s.text
    );
    assert_eq!(s.style_at("27.3").bg, Some(Color::Red));
    // Esc drops what was typed (and keeps the sheet open); a second Esc closes it.
    press(&mut m.app, KeyCode::Esc, now);
    assert_eq!(sheet_cell(&m.app), (0, 0, String::new()));
    enter_score(&mut m.app, "２７．５", now);
    assert_eq!(saved(&m.app, "市财政局", "市领导A", 0), Some(pts(27.5)));
    let s = shot(&mut m.app, now, (100, 30));
    assert!(!s.contains("not a multiple"), "{}", s.text);
    assert!(s.grid_row("市领导A").contains("27.5"));
    assert!(s.grid_row("市领导A").contains("partial"));
    press(&mut m.app, KeyCode::Esc, now);
    assert!(matches!(m.app.mode(), Mode::Live), "Esc closes the sheet");
}

#[test]
fn sheet_of_a_unit_with_a_recused_reviewer() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = meeting(lang);
        let now = at(60);
        open_sheet(&mut m.app, 6, now);
        let s = shot(&mut m.app, now, (100, 30));
        let (tag, recused, title) = match lang {
            Lang::Zh => ("zh", "回避", "评分表 · 市税务局"),
            Lang::En => ("en", "recused", "Score sheet · 市税务局"),
        };
        insta::assert_snapshot!(format!("sheet_recused_{tag}_100x30"), s.text);
        assert!(s.contains(title), "{}", s.text);
        assert!(
            s.grid_row("市领导E").contains(recused),
            "E's row says recused:\n{}",
            s.text
        );
        for other in ["市领导A", "市领导D", "人大代表", "政协委员"] {
            assert!(
                !s.grid_row(other).contains(recused),
                "{other} is not recused"
            );
        }
        // A score typed into E's row is refused, with the reason, and not saved.
        for _ in 0..4 {
            press(&mut m.app, KeyCode::Down, now);
        }
        enter_score(&mut m.app, "25", now);
        assert_eq!(sheet_cell(&m.app), (4, 0, "25".into()));
        assert_eq!(saved(&m.app, "市税务局", "市领导E", 0), None);
        let s = shot(&mut m.app, now, (100, 30));
        insta::assert_snapshot!(format!("sheet_recused_typed_{tag}_100x30"), s.text);
        let reason = match lang {
            Lang::Zh => "市领导E回避市税务局，不能为其打分",
            Lang::En => "市领导E is recused from 市税务局 and cannot score it",
        };
        assert!(s.contains(reason), "{}", s.text);
    }
}

// ---------------------------------------------------------------------------------------------
// The results view

#[test]
fn results_after_the_paper_sheets_zh() {
    let mut m = timed(Lang::Zh);
    import_scores(&mut m.app, at(20));
    press(&mut m.app, KeyCode::Char('v'), at(30));
    assert!(matches!(m.app.mode(), Mode::Results { selected: 0 }));
    for size in [(100, 30), (80, 24)] {
        let s = shot(&mut m.app, at(30), size);
        insta::assert_snapshot!(format!("results_zh_{}x{}", size.0, size.1), s.text);
        assert!(s.contains("结果（实时，未公布）"), "{}", s.text);
        assert_ranking(&s);
        // 市财政局 ran 8 s over: 1 point off.
        assert!(s.line_with("市财政局").contains("-1"), "{}", s.text);
        // The selected unit, 市税务局 (rank 1), explained: four leaders score it (市领导E is
        // recused), below trim_min 5, so neither group is trimmed.
        assert!(s.contains("不足 5 份，不去分"), "{}", s.text);
        assert!(s.contains("最终得分 91.05 − 0 = 91.05"), "{}", s.text);
    }
    // The next unit down, 市财政局, with its overtime penalty explained.
    press(&mut m.app, KeyCode::Down, at(31));
    let s = shot(&mut m.app, at(31), (100, 30));
    insta::assert_snapshot!("results_second_selected_zh_100x30", s.text);
    assert!(s.contains("超时 8 秒"), "{}", s.text);
    assert!(
        s.contains("去掉最高"),
        "trimmed in the leaders' group:\n{}",
        s.text
    );
    assert!(s.contains("最终得分 91.10 − 1 = 90.10"), "{}", s.text);
    press(&mut m.app, KeyCode::Esc, at(32));
    assert!(matches!(m.app.mode(), Mode::Live), "Esc closes the results");
}

#[test]
fn results_after_the_paper_sheets_en() {
    let mut m = timed(Lang::En);
    import_scores(&mut m.app, at(20));
    press(&mut m.app, KeyCode::Char('v'), at(30));
    for size in [(100, 30), (80, 24)] {
        let s = shot(&mut m.app, at(30), size);
        insta::assert_snapshot!(format!("results_en_{}x{}", size.0, size.1), s.text);
        assert!(s.contains("Results (live, not published)"), "{}", s.text);
        assert_ranking(&s);
        assert!(s.contains("final 91.05 − 0 = 91.05"), "{}", s.text);
    }
}

#[test]
fn publishing_locks_the_scores() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = timed(lang);
        import_scores(&mut m.app, at(20));
        press(&mut m.app, KeyCode::Char('v'), at(30));
        ctrl(&mut m.app, 'p', at(31));
        assert!(
            matches!(
                m.app.mode(),
                Mode::Confirm {
                    what: Confirm::PublishIncomplete(gaps),
                    yes: false
                } if gaps.contains("市应急管理局") && gaps.contains("两代表一委员")
            ),
            "publishing asks first, on No, and names the group 市应急管理局 lacks"
        );
        press(&mut m.app, KeyCode::Char('y'), at(32));
        assert!(m.app.session().state().scores.published);
        assert!(matches!(m.app.mode(), Mode::Results { .. }));
        let tag = if lang == Lang::Zh { "zh" } else { "en" };
        let s = shot(&mut m.app, at(33), (100, 30));
        insta::assert_snapshot!(format!("results_published_{tag}_100x30"), s.text);
        let title = match lang {
            Lang::Zh => "结果（已公布，评分已锁定）",
            Lang::En => "Results (published, scores locked)",
        };
        assert!(s.contains(title), "{}", s.text);
        assert_ranking(&s);

        // A score typed after publishing (市税务局's sheet, from the results with `s`) is
        // refused with the reason, and the saved score stays.
        press(&mut m.app, KeyCode::Char('s'), at(40));
        match m.app.mode() {
            Mode::Sheet(sheet) => assert_eq!(sheet.unit, "市税务局"),
            _ => panic!("s in the results opens the selected unit's sheet"),
        }
        let before = saved(&m.app, "市税务局", "市领导A", 0);
        assert!(before.is_some());
        enter_score(&mut m.app, "20", at(41));
        assert_eq!(
            saved(&m.app, "市税务局", "市领导A", 0),
            before,
            "not changed"
        );
        let s = shot(&mut m.app, at(42), (100, 30));
        insta::assert_snapshot!(format!("sheet_after_publishing_{tag}_100x30"), s.text);
        let reason = match lang {
            Lang::Zh => "结果已公布，评分已锁定",
            Lang::En => "The results are published and scores are locked",
        };
        assert!(s.contains(reason), "the reason is shown:\n{}", s.text);
        let on_disk = podium::store::read(&m.app.core.ledger.paths().session).expect("read back");
        assert_eq!(
            on_disk.state().scores.value("市税务局", "市领导A", 0),
            before
        );
    }
}

#[test]
fn importing_from_the_console_gives_the_same_ranking() {
    let mut m = timed(Lang::En);
    press(&mut m.app, KeyCode::Char('v'), at(20));
    ctrl(&mut m.app, 'o', at(20));
    assert!(
        matches!(m.app.mode(), Mode::Form(_)),
        "Ctrl+O asks for the file"
    );
    let path = acceptance("scores.csv");
    type_text(&mut m.app, &path.display().to_string(), at(21));
    press(&mut m.app, KeyCode::Enter, at(22));
    assert!(matches!(m.app.mode(), Mode::Results { .. }));
    // The file is read off the console's thread; a tick of the loop applies it.
    for _ in 0..6000 {
        if !m.app.import_pending() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        m.app.tick(at(22));
    }
    let s = shot(&mut m.app, at(23), (100, 30));
    assert!(
        s.contains("Imported") && s.contains("156 new, 0 changed, 0 unchanged"),
        "the import is reported:\n{}",
        s.text
    );
    assert_ranking(&s);
}

// Screen facts the snapshots showed to be wrong. The first two were fixed in src/ (22af969)
// and stay as regression tests; the ignored ones wait for a fix.

/// Where `needle` starts on screen (its first cell), wide characters counted once.
fn find_cell(s: &Shot, needle: &str) -> Option<(u16, u16)> {
    let want: Vec<String> = needle.chars().map(String::from).collect();
    let area = s.buffer.area;
    for y in 0..area.height {
        let mut cells: Vec<(u16, &str)> = Vec::new();
        let mut skip = 0usize;
        for x in 0..area.width {
            let symbol = s.buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            cells.push((x, symbol));
            skip = symbol.width().saturating_sub(1);
        }
        for start in 0..cells.len() {
            if cells.len() - start >= want.len()
                && want.iter().zip(&cells[start..]).all(|(w, (_, c))| w == c)
            {
                return Some((cells[start].0, y));
            }
        }
    }
    None
}

/// The cells of screen row `y` from column 0 up to `cols`, as text (wide characters once).
fn left_part(s: &Shot, y: u16, cols: u16) -> String {
    let mut out = String::new();
    let mut skip = 0usize;
    for x in 0..cols.min(s.buffer.area.width) {
        let symbol = s.buffer[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        out.push_str(symbol);
        skip = symbol.width().saturating_sub(1);
    }
    out
}

#[test]
fn results_table_shows_each_groups_score() {
    let mut m = timed(Lang::Zh);
    import_scores(&mut m.app, at(20));
    press(&mut m.app, KeyCode::Char('v'), at(30));
    let s = shot(&mut m.app, at(30), (100, 30));
    // 市财政局: 领导 92 (five leaders, highest and lowest dropped), 两代表一委员 89.
    let y = s
        .text
        .lines()
        .position(|l| l.contains("   2 市财政局"))
        .expect("the row of rank 2") as u16;
    let row = left_part(&s, y, 60);
    let rest = row.replacen("90.10", "", 1).replacen("91.10", "", 1);
    assert!(
        rest.contains("92") && rest.contains("89"),
        "group scores in the ranking row {row:?}:\n{}",
        s.text
    );
}

#[test]
fn results_explanation_keeps_numbers_whole() {
    let mut m = timed(Lang::Zh);
    import_scores(&mut m.app, at(20));
    press(&mut m.app, KeyCode::Char('v'), at(30));
    let s = shot(&mut m.app, at(30), (100, 30));
    assert!(
        s.contains("91.0500"),
        "the weighted sum is split:\n{}",
        s.text
    );
}

/// The notes cell of a ranking row: from the notes column up to the bar.
fn notes_of(s: &Shot, unit: &str, notes_x: u16) -> String {
    let (_, y) = find_cell(s, unit).unwrap_or_else(|| panic!("{unit} is listed"));
    let mut out = String::new();
    let mut skip = 0usize;
    for x in notes_x..s.buffer.area.width {
        let symbol = s.buffer[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if symbol == "█" || symbol == "│" {
            break;
        }
        out.push_str(symbol);
        skip = symbol.width().saturating_sub(1);
    }
    out.trim().to_string()
}

#[test]
fn results_table_notes_tell_trimmed_from_untrimmed() {
    let mut m = timed(Lang::Zh);
    import_scores(&mut m.app, at(20));
    press(&mut m.app, KeyCode::Char('v'), at(30));
    let s = shot(&mut m.app, at(30), (100, 30));
    let (x, _) = find_cell(&s, "备注").expect("the notes column");
    let untrimmed = notes_of(&s, "市税务局", x);
    let trimmed = notes_of(&s, "市财政局", x);
    assert_ne!(
        trimmed, untrimmed,
        "市财政局's leaders were trimmed, 市税务局's were not:\n{}",
        s.text
    );
}

#[test]
fn sheet_explanation_lines_do_not_start_with_punctuation() {
    let mut m = timed(Lang::Zh);
    import_scores(&mut m.app, at(20));
    open_sheet(&mut m.app, 6, at(30));
    let s = shot(&mut m.app, at(30), (100, 30));
    let (x, top) = find_cell(&s, "领导（4）").expect("the explanation beside the grid");
    for y in top..s.buffer.area.height {
        let first = s.buffer[(x, y)].symbol();
        assert!(
            !matches!(first, "、" | "，" | "。" | "；" | "：" | "）"),
            "row {y} of the explanation starts with {first:?}:\n{}",
            s.text
        );
    }
}
