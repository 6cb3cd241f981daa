//! Hostile text: names and remarks carrying escape sequences (`ESC [2J`, `ESC ]0;title BEL`,
//! cursor moves), every C0 control character, DEL, the C1 CSI (U+009B), right-to-left
//! overrides, zero-width joiners and spaces, emoji (ZWJ families, skin tones, flags),
//! combining marks, a 10,000-character remark, and a 1,000-unit plan.
//!
//! The console (`view::draw` into a `TestBackend` at 100×30 and 80×24: live, with a remark
//! selected, in the editor), the stage display (`display::view::draw`) and the reports
//! (Markdown, CSV, XLSX) are produced from them, and:
//! - no escape or control character (C0, DEL, C1) and no bidi control reaches any cell of
//!   the screen buffer, nor any report;
//! - every row of the buffer is exactly the terminal's width in display cells, and no cell
//!   hidden under a wide character holds anything (a border or a letter there would be lost
//!   or pushed right): the layout is not broken, the borders are at their columns;
//! - nothing panics.
//!
//! Plan names with control characters are refused by validation (tested in
//! `plan_validation.rs`); here units carry the hostile text that validation lets through
//! (bidi marks, joiners, emoji, combining marks, very long names, pipes, formula-like
//! names). Escape sequences and control characters come in through the console: pasted into
//! remarks and typed as new reviewer names.

use chrono::{DateTime, Duration};
use podium::commands::ReportFormat;
use podium::commands::report::render;
use podium::display::{DisplayOptions, view as display_view};
use podium::planfile;
use podium::session::Time;
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(100, 30), (80, 24)];

fn at(seconds: i64) -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").expect("a valid time")
        + Duration::seconds(seconds)
}

/// Every C0 control character, DEL, and C1 controls, with some text around them.
fn all_controls() -> String {
    let mut s = String::from("控制字符：");
    s.extend((0u8..0x20).map(char::from));
    s.push('\x7f');
    s.extend('\u{80}'..='\u{9f}');
    s.push_str("结束");
    s
}

/// The 10,000-character remark: Chinese, Latin words, digits, emoji and joiners mixed.
fn long_remark() -> String {
    let unit = "职责清晰，目标明确。Targets 2026: +5.5%；👨\u{200d}👩\u{200d}👧 第二点：\u{202e}反向\u{202c} e\u{301} ";
    unit.chars().cycle().take(10_000).collect()
}

/// Remarks as they are pasted into the editor, escapes and all.
fn hostile_remarks() -> Vec<String> {
    vec![
        "\x1b[2J\x1b[H清屏之后的点评".into(),
        "\x1b]0;被改掉的窗口标题\x07标题攻击".into(),
        "\x1b[10A\x1b[20C光标上移右移\x1b[s\x1b[u\x1b[6n\x1b[?1049l离开备用屏".into(),
        all_controls(),
        "\u{9b}31m C1 CSI 红字\u{9b}0m".into(),
        "\u{202e}从右到左覆盖\u{202c} RTL \u{200f}مرحبا\u{200e} \u{2067}隔离\u{2069}".into(),
        "👨\u{200d}👩\u{200d}👧 家庭 👍🏽 🇨🇳 🏳️\u{200d}🌈 ❤️ 😀 emoji".into(),
        "Z\u{351}\u{362}a\u{307}\u{330}l\u{341}g\u{353}o 组合字符 e\u{301}\u{301}\u{301}".into(),
        "零宽\u{200b}空格\u{2060}与\u{feff}BOM\u{200d}连接".into(),
        "第一行\r\n第二行\r第三行\n\n\n| 表格 | 注入 |\n```\n# 标题注入\n- 列表".into(),
        long_remark(),
    ]
}

/// Reviewer names typed as new names: those with control characters are refused.
const BAD_REVIEWERS: [&str; 3] = ["\x1b[31m红色评委\x1b[0m", "评委\x07响铃", "\u{9b}2J评委"];

/// Reviewer names typed as new names that are accepted.
const ODD_REVIEWERS: [&str; 4] = [
    "\u{202e}委评向反",
    "👩\u{200d}⚖️ 法官",
    "Zo\u{308}e\u{301} 评委",
    "很长很长很长很长很长很长很长很长很长很长很长很长很长很长的评委名字",
];

/// Unit names that validation lets through.
fn odd_units() -> Vec<String> {
    vec![
        "\u{202e}局政财市".into(),
        "👨\u{200d}👩\u{200d}👧 家庭服务中心".into(),
        "e\u{301}\u{301}\u{301} 组合音标单位".into(),
        "🇨🇳🏳️\u{200d}🌈 emoji 单位".into(),
        "城郊街道办事处".repeat(30),
        "=1+1".into(),
        "@SUM(A1)".into(),
        "A|B 管道|单位".into(),
        "零宽\u{200b}空格\u{2060}单位".into(),
        "﷽ 宽连字".into(),
        "ＡＢＣ全角单位".into(),
        "Z\u{351}\u{362}a\u{307}\u{330}l\u{341}g\u{353}o".into(),
    ]
}

fn plan_json(units: &[String]) -> String {
    let units: Vec<serde_json::Value> = units
        .iter()
        .enumerate()
        .map(|(i, name)| {
            serde_json::json!({
                "name": name,
                "presenter": if i % 3 == 0 { "\u{202e}人告报" } else { "党组书记 👍🏽" },
                "topic": format!("主题 {i} 👨\u{200d}👩\u{200d}👧 \u{202e}反向\u{202c}"),
            })
        })
        .collect();
    serde_json::to_string(&serde_json::json!({
        "title": "\u{202e}会报汇作工\u{202c} 👨\u{200d}👩\u{200d}👧 e\u{301} “明职责、对目标、争一流”工作汇报会（首场）加长加长加长加长加长",
        "venue": "会议室 👍🏽",
        "host": "主持人\u{202e}",
        "talk_minutes": 8,
        "units": units,
        "reviewers": [
            {"name": "常务副市长", "group": "领导"},
            {"name": "\u{202e}表代", "group": "代表"},
            {"name": "👩\u{200d}⚖️ 委员", "group": "代表"}
        ],
        "scoring": {
            "criteria": [{"name": "明职责 👍🏽", "max": 30}, {"name": "对目标\u{202e}", "max": 70}],
            "step": 0.5,
            "groups": [{"name": "领导", "weight": 60}, {"name": "代表", "weight": 40}],
            "decimals": 2
        }
    }))
    .expect("the plan serialises")
}

fn app_for(units: &[String]) -> (TempDir, App) {
    let dir = tempfile::tempdir().expect("a temp folder");
    let plan = planfile::parse("hostile.json", &plan_json(units), Lang::Zh)
        .unwrap_or_else(|e| panic!("the hostile plan passes validation: {e:?}"))
        .plan;
    let writer = Writer::create(&dir.path().join("hostile.session.json"), plan, at(0))
        .expect("a new session");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, at(0));
    (dir, app)
}

fn key(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ctrl(app: &mut App, c: char, now: Time) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now);
}

/// A character that must never reach the terminal: C0, DEL, C1, and the bidi controls that
/// reorder what follows them.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// The buffer as text, for failure messages.
fn dump(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                out.extend(sym.chars().map(|c| if forbidden(c) { '¿' } else { c }));
            }
            skip = sym.width().max(1).max(skip) - 1;
        }
        out.push('\n');
    }
    out
}

/// No forbidden character in any cell; every row exactly `width` display cells, with the
/// cells under a wide character left empty.
fn check_buffer(buf: &Buffer, what: &str) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        let mut cols = 0usize;
        while x < area.right() {
            let sym = buf[(x, y)].symbol();
            if let Some(c) = sym.chars().find(|c| forbidden(*c)) {
                panic!(
                    "{what}: U+{:04X} in the cell at ({x}, {y}):\n{}",
                    c as u32,
                    dump(buf)
                );
            }
            let w = sym.width();
            assert!(
                w >= 1,
                "{what}: the cell at ({x}, {y}) holds {sym:?}, zero columns wide: the row shifts\n{}",
                dump(buf)
            );
            for covered in x + 1..(x + w as u16).min(area.right()) {
                let hidden = buf[(covered, y)].symbol();
                assert!(
                    hidden.trim().is_empty(),
                    "{what}: {hidden:?} at ({covered}, {y}) is hidden under the wide {sym:?}\n{}",
                    dump(buf)
                );
            }
            cols += w;
            x += w as u16;
        }
        assert_eq!(
            cols,
            area.width as usize,
            "{what}: row {y} is {cols} cells wide, not {}\n{}",
            area.width,
            dump(buf)
        );
    }
}

/// The live console's frame at `w`×`h`, checked.
fn draw_console(app: &App, w: u16, h: u16, now: Time, what: &str) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .unwrap_or_else(|e| panic!("{what} at {w}x{h}: {e}"));
    let buf = terminal.backend().buffer().clone();
    check_buffer(&buf, &format!("{what} at {w}x{h}"));
    buf
}

fn draw_all_sizes(app: &App, now: Time, what: &str) {
    for (w, h) in SIZES {
        draw_console(app, w, h, now, what);
    }
}

/// The stage display at a few sizes, in both languages, checked.
fn draw_display(app: &App, now: Time, what: &str) {
    for (w, h) in [(100, 30), (80, 24), (40, 12), (300, 80)] {
        for lang in [Lang::Zh, Lang::En] {
            for clock_only in [false, true] {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                let opts = DisplayOptions {
                    lang,
                    ambiguous: Ambiguous::Narrow,
                    clock_only,
                };
                display_view::draw(&mut buf, area, app.session(), opts, now);
                check_buffer(
                    &buf,
                    &format!("the display ({what}, {lang:?}, clock only {clock_only}) at {w}x{h}"),
                );
            }
        }
    }
}

/// The control characters a report may hold: line ends.
fn check_report_text(text: &str, what: &str) {
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            panic!("{what}, line {}: U+{:04X} in {line:?}", i + 1, c as u32);
        }
    }
}

/// Every Markdown table keeps its columns: each row has as many unescaped pipes as its
/// header.
fn check_markdown_tables(md: &str) {
    let pipes = |line: &str| {
        let mut n = 0;
        let mut escaped = false;
        for c in line.chars() {
            if c == '|' && !escaped {
                n += 1;
            }
            escaped = c == '\\' && !escaped;
        }
        n
    };
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = pipes(line);
            match header {
                None => header = Some(n),
                Some(h) => assert_eq!(n, h, "a Markdown table row lost its columns: {line}"),
            }
        } else {
            header = None;
        }
    }
}

fn check_reports(app: &App, now: Time, units: usize) {
    let session = app.session();
    for lang in [Lang::Zh, Lang::En] {
        let md = render(session, ReportFormat::Md, now, lang).expect("the minutes");
        let md = String::from_utf8(md).expect("the minutes are UTF-8");
        check_report_text(&md, "the minutes");
        check_markdown_tables(&md);

        let csv_bytes = render(session, ReportFormat::Csv, now, lang).expect("the ranking CSV");
        let text = String::from_utf8(csv_bytes.clone()).expect("the CSV is UTF-8");
        check_report_text(&text, "the ranking CSV");
        let mut reader = csv::ReaderBuilder::new().from_reader(&csv_bytes[3..]);
        let columns = reader.headers().expect("a header").len();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.expect("a CSV record");
            assert_eq!(
                record.len(),
                columns,
                "a CSV row lost its columns: {record:?}"
            );
            for field in &record {
                assert!(
                    !field.starts_with(['=', '+', '-', '@']),
                    "a formula-looking CSV cell is not quoted away: {field:?}"
                );
            }
            rows += 1;
        }
        assert_eq!(rows, units, "one CSV row per unit");

        let xlsx = render(session, ReportFormat::Xlsx, now, lang).expect("the workbook");
        check_workbook(&xlsx, session);
    }
}

fn check_workbook(bytes: &[u8], session: &podium::session::Session) {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let mut texts = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a sheet");
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                if let Some(c) = s.chars().find(|c| c.is_control() && *c != '\n') {
                    panic!("sheet {name}: U+{:04X} in {s:?}", c as u32);
                }
                texts.push(s.clone());
            }
        }
    }
    // Every remark is in the workbook whole, the 10,000-character one included.
    for r in &session.state().remarks {
        assert!(
            texts.contains(&r.text),
            "the remark {:?}… is not in the workbook whole",
            r.text.chars().take(20).collect::<String>()
        );
    }
}

/// `r`, optionally a reviewer typed as a new name (Ctrl+R, paste, Enter), the text pasted;
/// the editor drawn; Enter.
fn add_remark(app: &mut App, reviewer: Option<&str>, text: &str, now: Time) {
    key(app, KeyCode::Char('r'), now);
    assert!(matches!(app.mode(), Mode::Editor(_)), "r opens the editor");
    if let Some(name) = reviewer {
        ctrl(app, 'r', now);
        app.on_paste(name, now);
        draw_all_sizes(app, now, "the editor searching a hostile reviewer");
        key(app, KeyCode::Enter, now);
    }
    app.on_paste(text, now);
    draw_all_sizes(app, now, "the editor holding a hostile remark");
    key(app, KeyCode::Enter, now);
}

#[test]
fn hostile_remarks_and_names_never_reach_the_terminal_raw_nor_break_the_layout() {
    let units = odd_units();
    let (_dir, mut app) = app_for(&units);
    let mut now = at(1);
    draw_all_sizes(&app, now, "the console before the meeting");
    draw_display(&app, now, "before the first talk");
    key(&mut app, KeyCode::Char(' '), now);

    // Remarks on the first unit (its name reversed by an RTL override), by odd reviewers.
    let remarks = hostile_remarks();
    for (i, text) in remarks.iter().enumerate() {
        now = at(10 + i as i64);
        let reviewer = ODD_REVIEWERS.get(i % 5).copied();
        add_remark(&mut app, reviewer, text, now);
        assert!(
            matches!(app.mode(), Mode::Live),
            "remark {i} was saved and the editor closed"
        );
        draw_all_sizes(&app, now, &format!("the console after remark {i}"));
    }
    let st = app.session().state();
    assert_eq!(
        st.remarks.len(),
        remarks.len(),
        "every hostile remark was saved"
    );
    for r in &st.remarks {
        assert!(
            !r.text.chars().any(|c| c.is_control() && c != '\n'),
            "a stored remark keeps no control character but line breaks: {:?}",
            r.text
        );
        assert!(!r.reviewer.chars().any(char::is_control));
    }
    // The 10,000-character remark is kept whole, but for what the console never puts on a
    // terminal (joiners, bidi controls, variation selectors).
    let long = st.remarks.last().expect("the long remark");
    let kept: String = long_remark()
        .chars()
        .filter(|c| podium::text::safe_char(*c) == Some(*c))
        .collect();
    assert_eq!(long.text, kept.trim(), "the 10,000-character remark");

    // Reviewer names with control characters are refused; the editor stays open, drawn.
    for name in BAD_REVIEWERS {
        now += Duration::seconds(1);
        add_remark(&mut app, Some(name), "这条点评的点评人名字不合规", now);
        assert!(
            matches!(app.mode(), Mode::Editor(_)),
            "a reviewer name with control characters is refused: {name:?}"
        );
        draw_all_sizes(&app, now, "the editor after a refused reviewer name");
        key(&mut app, KeyCode::Esc, now);
        key(&mut app, KeyCode::Char('y'), now);
        assert!(matches!(app.mode(), Mode::Live), "the editor was discarded");
    }
    assert_eq!(app.session().state().remarks.len(), remarks.len());

    // A general remark and a task, with escapes.
    key(&mut app, KeyCode::Char('g'), now);
    app.on_paste("\x1b[2J总体点评\x1b[0m 👨\u{200d}👩\u{200d}👧", now);
    key(&mut app, KeyCode::Enter, now);
    key(&mut app, KeyCode::Char('t'), now);
    app.on_paste("交办\x1b]0;x\x07事项 \u{202e}反向", now);
    key(&mut app, KeyCode::Enter, now);
    // The task is the ledger's (not a remark), its text cleaned as a remark's is.
    assert_eq!(app.session().state().remarks.len(), remarks.len() + 1);
    let task = app.session().state().tasks.last().expect("the task");
    assert!(
        task.fields.text.starts_with("交办") && task.fields.text.chars().all(|c| !c.is_control()),
        "{:?}",
        task.fields.text
    );

    // The remarks panel focused, each remark selected in turn (the long one, the RTL one …).
    key(&mut app, KeyCode::Tab, now);
    for i in 0..=remarks.len() {
        draw_all_sizes(
            &app,
            now,
            &format!("the console with remark {i} from the end selected"),
        );
        key(&mut app, KeyCode::Up, now);
    }
    // Editing the long remark: the editor holds 10,000 characters.
    key(&mut app, KeyCode::End, now);
    key(&mut app, KeyCode::Up, now);
    key(&mut app, KeyCode::Char('e'), now);
    assert!(matches!(app.mode(), Mode::Editor(_)));
    draw_all_sizes(&app, now, "the editor holding the 10,000-character remark");
    key(&mut app, KeyCode::Esc, now);
    key(&mut app, KeyCode::Esc, now);
    if !matches!(app.mode(), Mode::Live) {
        key(&mut app, KeyCode::Char('y'), now);
    }

    // A stage message with escapes; every unit selected in turn (the long name, the pipes …).
    key(&mut app, KeyCode::Char('m'), now);
    app.on_paste("\x1b[5m请\u{202e}注意\x07时间 👨\u{200d}👩\u{200d}👧", now);
    key(&mut app, KeyCode::Enter, now);
    key(&mut app, KeyCode::Esc, now);
    for i in 0..units.len() {
        key(&mut app, KeyCode::Down, now);
        draw_all_sizes(&app, now, &format!("the console with unit {i} selected"));
    }
    draw_display(&app, now, "a talk running, a stage message up");

    // Every unit presented in turn, so the display and the timer show each name.
    key(&mut app, KeyCode::Home, now);
    for i in 0..units.len() {
        now += Duration::seconds(600);
        draw_display(&app, now, &format!("unit {i} in overtime"));
        draw_all_sizes(&app, now, &format!("unit {i} in overtime"));
        key(&mut app, KeyCode::Char('n'), now);
        key(&mut app, KeyCode::Char(' '), now);
    }

    // Every unit scored on the sheet (one reviewer's two criteria each), so that the ranking,
    // with the hostile names, is in the minutes, the CSV and the workbook.
    key(&mut app, KeyCode::Home, now);
    key(&mut app, KeyCode::Char('s'), now);
    assert!(
        matches!(app.mode(), Mode::Sheet(_)),
        "s opens the score sheet"
    );
    for _ in 0..units.len() {
        for c in "20".chars() {
            key(&mut app, KeyCode::Char(c), now);
        }
        key(&mut app, KeyCode::Tab, now);
        for c in "50".chars() {
            key(&mut app, KeyCode::Char(c), now);
        }
        key(&mut app, KeyCode::Tab, now);
        draw_all_sizes(&app, now, "the score sheet of a hostile unit");
        key(&mut app, KeyCode::PageDown, now);
    }
    key(&mut app, KeyCode::Esc, now);
    assert!(matches!(app.mode(), Mode::Live));
    let scored = app
        .session()
        .state()
        .units
        .iter()
        .filter(|u| {
            (0..3).any(|r| {
                let name = &app.session().plan().reviewers[r].name;
                app.session().state().scores.value(&u.name, name, 1) == Some(500_000)
            })
        })
        .count();
    assert_eq!(scored, units.len(), "every unit has a complete sheet");

    // The menu, the help, a confirmation, the score sheet and the results over it all.
    for keys in [
        vec![KeyCode::F(10)],
        vec![KeyCode::Char('?')],
        vec![KeyCode::Char('q')],
        vec![KeyCode::Char('s')],
        vec![KeyCode::Char('v')],
    ] {
        for k in keys {
            key(&mut app, k, now);
        }
        draw_all_sizes(&app, now, "an overlay");
        key(&mut app, KeyCode::Esc, now);
        if !matches!(app.mode(), Mode::Live) {
            key(&mut app, KeyCode::Char('n'), now);
        }
    }
    check_reports(&app, now, units.len());
}

#[test]
fn a_thousand_unit_plan_draws_and_reports_whole() {
    let odd = odd_units();
    let units: Vec<String> = (0..1000)
        .map(|i| match i % 50 {
            7 => format!("{}{i}", odd[(i / 50) % odd.len()]),
            _ => format!(
                "第{:04}号单位·{}",
                i + 1,
                ["财政局", "街道办事处", "发改局"][i % 3]
            ),
        })
        .collect();
    let (_dir, mut app) = app_for(&units);
    let mut now = at(1);
    draw_all_sizes(&app, now, "1,000 units");
    key(&mut app, KeyCode::Char(' '), now);
    add_remark(&mut app, None, "\x1b[2J第一条点评", now);
    // Through the agenda: page by page to the middle, then the end, then back.
    for step in 0..60 {
        key(&mut app, KeyCode::PageDown, now);
        if step % 10 == 0 {
            draw_all_sizes(&app, now, &format!("1,000 units, page {step}"));
        }
    }
    add_remark(
        &mut app,
        Some("👩\u{200d}⚖️ 法官"),
        "第六百个单位的点评 \u{202e}反向",
        now,
    );
    key(&mut app, KeyCode::End, now);
    draw_all_sizes(&app, now, "1,000 units, the last selected");
    add_remark(&mut app, None, "最后一个单位的点评", now);
    key(&mut app, KeyCode::Tab, now);
    key(&mut app, KeyCode::Up, now);
    draw_all_sizes(&app, now, "1,000 units, the last unit's remark selected");
    key(&mut app, KeyCode::Home, now);
    draw_all_sizes(&app, now, "1,000 units, back at the top");
    assert_eq!(app.session().state().remarks.len(), 3);

    // Some units presented; the display follows.
    for _ in 0..3 {
        now += Duration::seconds(500);
        draw_display(&app, now, "1,000 units");
        key(&mut app, KeyCode::Char('n'), now);
        key(&mut app, KeyCode::Char(' '), now);
    }
    draw_all_sizes(&app, now, "1,000 units, the fourth talk running");
    check_reports(&app, now, units.len());
}

/// The editor leaves joiners out: a terminal without ZWJ support would draw a family emoji
/// as three, six columns where the layout counted two, and the row's border would move.
#[test]
fn the_editor_writes_no_joined_emoji_into_one_cell() {
    let (_dir, mut app) = app_for(&odd_units());
    let now = at(1);
    key(&mut app, KeyCode::Char('r'), now);
    app.on_paste(
        "一家人 👨\u{200d}👩\u{200d}👧 彩虹旗 🏳\u{fe0f}\u{200d}🌈",
        now,
    );
    for (w, h) in SIZES {
        let buf = draw_console(&app, w, h, now, "the editor holding joined emoji");
        for y in 0..h {
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                assert!(
                    !sym.contains('\u{200d}'),
                    "a zero-width joiner reaches the terminal in {sym:?} at ({x}, {y}):\n{}",
                    dump(&buf)
                );
            }
        }
    }
}

/// A remark longer than Excel's limit for a cell (32,767 characters) is whole in the
/// session and the minutes, and cut with a note in the workbook, which is still written.
#[test]
fn a_remark_longer_than_an_excel_cell_still_exports() {
    let (_dir, mut app) = app_for(&odd_units());
    let now = at(1);
    add_remark(&mut app, None, &"长".repeat(40_000), now);
    assert_eq!(
        app.session().state().remarks.len(),
        1,
        "the remark is saved"
    );
    let md = render(app.session(), ReportFormat::Md, now, Lang::Zh).expect("the minutes");
    assert!(String::from_utf8_lossy(&md).contains(&"长".repeat(40_000)));
    let xlsx = render(app.session(), ReportFormat::Xlsx, now, Lang::Zh).expect("the workbook");
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx");
    let cut = book
        .worksheet_range("点评")
        .expect("the remarks sheet")
        .used_cells()
        .find_map(|(_, _, cell)| match cell {
            Data::String(s) if s.starts_with("长长长") => Some(s.clone()),
            _ => None,
        })
        .expect("the long remark is in the workbook");
    assert!(cut.chars().count() <= 32_767);
    assert!(cut.starts_with(&"长".repeat(30_000)), "cut, not dropped");
}
