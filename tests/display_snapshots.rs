//! Snapshots of the stage display (`podium display`): `display::view::draw` is a pure function of
//! the session, the options and the time, so each test builds a session of data/city-report.json
//! with commands at fixed times (`Session::decide` + `commit`, as the console's writer does), draws
//! it into a ratatui `Buffer` of a fixed size at a fixed clock, and snapshots the text (one line
//! per row, the cells covered by a wide character left out, trailing blanks trimmed). What a
//! person in the room would check is asserted as well: the countdown read back from the big
//! digits at whatever scale they were drawn, their colour and blinking by phase, the words shown.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::display::view::{self, DisplayOptions};
use podium::planfile;
use podium::session::{Command, ScoreEntry, Session, Time};
use podium::strings::Lang;
use podium::text::Ambiguous;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

const SMALL: (u16, u16) = (40, 12);
const MEDIUM: (u16, u16) = (100, 30);
const LARGE: (u16, u16) = (300, 80);

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

/// A fresh session of data/city-report.json: 7 units of 8 minutes (480 s), the warning 60 s
/// before the limit, five reviewers scoring three criteria (30 + 30 + 40 points).
fn meeting() -> Session {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan;
    Session::new(plan)
}

/// Carries out `command` at `now` as the console would; panics when it is refused.
fn exec(s: &mut Session, command: Command, now: Time) {
    let events = s
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    s.commit(events);
}

/// The first unit's talk, started at t0.
fn running() -> Session {
    let mut s = meeting();
    exec(&mut s, Command::ToggleTalk, t0());
    s
}

fn zh() -> DisplayOptions {
    DisplayOptions {
        lang: Lang::Zh,
        ambiguous: Ambiguous::Narrow,
        clock_only: false,
    }
}

fn en() -> DisplayOptions {
    DisplayOptions {
        lang: Lang::En,
        ..zh()
    }
}

fn clock_only() -> DisplayOptions {
    DisplayOptions {
        clock_only: true,
        ..zh()
    }
}

fn wide() -> DisplayOptions {
    DisplayOptions {
        ambiguous: Ambiguous::Wide,
        ..zh()
    }
}

/// One frame of the display.
struct Shot {
    text: String,
    buf: Buffer,
}

fn draw(s: &Session, (w, h): (u16, u16), opts: DisplayOptions, now: Time) -> Shot {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    view::draw(&mut buf, area, s, opts, now);
    Shot {
        text: screen_text(&buf),
        buf,
    }
}

fn name(base: &str, (w, h): (u16, u16)) -> String {
    format!("{base}_{w}x{h}")
}

const LIT: &str = "█";

impl Shot {
    fn contains(&self, s: &str) -> bool {
        self.text.contains(s)
    }

    /// The lit cells of the big digits (full blocks), as (x, y).
    fn lit(&self) -> Vec<(u16, u16)> {
        let a = self.buf.area;
        (a.top()..a.bottom())
            .flat_map(|y| (a.left()..a.right()).map(move |x| (x, y)))
            .filter(|&p| self.buf[p].symbol() == LIT)
            .collect()
    }

    /// The style of the first lit cell of the big digits.
    fn digit_style(&self) -> Option<Style> {
        self.lit().first().map(|&p| self.buf[p].style())
    }

    /// All lit cells share one style.
    fn digit_styles_uniform(&self) -> bool {
        let lit = self.lit();
        lit.iter()
            .all(|&p| self.buf[p].style() == self.buf[lit[0]].style())
    }

    /// The scale (sx, sy) at which the big digits spell exactly `text`, if they do: every lit
    /// cell on screen is a pixel of `text` drawn at that scale, and every pixel is lit.
    fn big(&self, text: &str) -> Option<(u16, u16)> {
        let lit = self.lit();
        let (x0, y0) = (
            lit.iter().map(|p| p.0).min()?,
            lit.iter().map(|p| p.1).min()?,
        );
        let h = lit.iter().map(|p| p.1).max()? - y0 + 1;
        if h % 5 != 0 {
            return None;
        }
        let sy = h / 5;
        (1..=self.buf.area.width).find_map(|sx| {
            let pixels = big_pixels(text, sx, sy);
            let (px0, _) = *pixels.iter().min_by_key(|p| p.0)?;
            let mut want: Vec<(u16, u16)> = pixels
                .iter()
                .map(|&(x, y)| (x - px0 + x0, y + y0))
                .collect();
            want.sort_by_key(|&(x, y)| (y, x));
            let mut got = lit.clone();
            got.sort_by_key(|&(x, y)| (y, x));
            (want == got).then_some((sx, sy))
        })
    }

    /// The style of the first cell of the first occurrence of `needle` in row order.
    fn style_of(&self, needle: &str) -> Option<Style> {
        let (row, line) = self
            .text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(needle))?;
        let col = line[..line.find(needle)?].width() as u16;
        Some(self.buf[(col, row as u16)].style())
    }

    /// The row on which `cells` appear in this order, each apart from the next (a place of
    /// the results: rank, unit, score).
    fn place_row(&self, cells: &[&str]) -> Option<usize> {
        self.text.lines().position(|l| {
            let mut rest = l;
            cells.iter().all(|c| match rest.find(c) {
                Some(i) => {
                    rest = &rest[i + c.len()..];
                    rest.is_empty() || rest.starts_with(' ')
                }
                None => false,
            })
        })
    }

    /// The row on which `needle` first appears.
    fn row_of(&self, needle: &str) -> Option<usize> {
        self.text.lines().position(|l| l.contains(needle))
    }

    fn cell(&self, x: u16, y: u16) -> &Cell {
        &self.buf[(x, y)]
    }
}

/// The 3×5 digit glyphs, as a reader of the display sees them.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => ["  #", "  #", "  #", "  #", "  #"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        ':' => [" ", "#", " ", "#", " "],
        '+' => ["   ", " # ", "###", " # ", "   "],
        _ => panic!("no glyph for {c:?}"),
    }
}

/// The lit pixels of `text` in big digits at scale (sx, sy), one blank column (× sx) between
/// glyphs and half the scale (at least one) more on each side of a colon, from (0, 0).
fn big_pixels(text: &str, sx: u16, sy: u16) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let mut x = 0u16;
    for c in text.chars() {
        let pad = if c == ':' { sx.div_ceil(2) } else { 0 };
        x += pad;
        let g = glyph(c);
        for (row, line) in g.iter().enumerate() {
            for (col, p) in line.chars().enumerate() {
                if p != '#' {
                    continue;
                }
                for dy in 0..sy {
                    for dx in 0..sx {
                        out.push((x + col as u16 * sx + dx, row as u16 * sy + dy));
                    }
                }
            }
        }
        x += (g[0].len() as u16 + 1) * sx + pad;
    }
    out
}

/// The big digits read `text`, at some scale; returns it.
fn assert_big(s: &Shot, text: &str) -> (u16, u16) {
    s.big(text)
        .unwrap_or_else(|| panic!("big digits reading {text:?} expected:\n{}", s.text))
}

// ---------------------------------------------------------------------------------------------
// The phases of a running talk

#[test]
fn normal_phase() {
    let s = running();
    for size in [SMALL, MEDIUM, LARGE] {
        let shot = draw(&s, size, zh(), at(100));
        insta::assert_snapshot!(name("normal", size), shot.text);
        assert_big(&shot, "06:20");
        assert!(shot.contains("市财政局"), "the unit's name");
        assert!(
            shot.contains("计时中"),
            "the phase in words:\n{}",
            shot.text
        );
        let style = shot.digit_style().expect("digits");
        assert_eq!(style.fg, Some(Color::Green));
        assert!(!style.add_modifier.contains(Modifier::SLOW_BLINK));
        assert!(shot.digit_styles_uniform());
        if size != SMALL {
            assert!(shot.contains("党组书记 局长"), "presenter and role");
            assert!(shot.contains("下一个：城郊街道办事处"), "the next unit");
        }
    }
}

#[test]
fn normal_phase_in_english() {
    let s = running();
    let shot = draw(&s, MEDIUM, en(), at(100));
    insta::assert_snapshot!(name("normal_en", MEDIUM), shot.text);
    assert_big(&shot, "06:20");
    assert!(shot.contains("on time"));
    let next = shot.row_of("Next").expect("the next unit");
    assert_eq!(shot.row_of("城郊街道办事处"), Some(next), "{}", shot.text);
}

/// The English display writes "Next：城郊街道办事处" and "Up next：…" with the Chinese
/// full-width colon (the format string `"{}：{}"` is shared by both languages).
#[test]
fn english_uses_an_ascii_colon() {
    let s = running();
    let shot = draw(&s, MEDIUM, en(), at(100));
    assert!(shot.contains("Next: 城郊街道办事处"), "{}", shot.text);
    let shot = draw(&meeting(), MEDIUM, en(), t0());
    assert!(shot.contains("Up next: 市财政局"), "{}", shot.text);
}

#[test]
fn warning_phase_is_yellow() {
    let s = running();
    for size in [SMALL, MEDIUM] {
        let shot = draw(&s, size, zh(), at(430));
        insta::assert_snapshot!(name("warning", size), shot.text);
        assert_big(&shot, "00:50");
        assert!(shot.contains("即将到时"), "{}", shot.text);
        let style = shot.digit_style().expect("digits");
        assert_eq!(style.fg, Some(Color::Yellow));
        assert!(!style.add_modifier.contains(Modifier::SLOW_BLINK));
        assert_eq!(
            shot.style_of("即将到时").and_then(|st| st.fg),
            Some(Color::Yellow)
        );
    }
}

#[test]
fn time_up_is_red() {
    let s = running();
    for size in [SMALL, MEDIUM] {
        let shot = draw(&s, size, zh(), at(480));
        insta::assert_snapshot!(name("time_up", size), shot.text);
        assert_big(&shot, "00:00");
        assert!(shot.contains("时间到"), "{}", shot.text);
        let style = shot.digit_style().expect("digits");
        assert_eq!(style.fg, Some(Color::Red));
        assert!(
            !style.add_modifier.contains(Modifier::SLOW_BLINK),
            "time up is red, not yet blinking"
        );
    }
}

#[test]
fn overtime_is_red_blinking_plus() {
    let s = running();
    for size in [SMALL, MEDIUM, LARGE] {
        // 480 s + 65 s.
        let shot = draw(&s, size, zh(), at(545));
        insta::assert_snapshot!(name("overtime", size), shot.text);
        assert_big(&shot, "+01:05");
        assert!(shot.contains("已超时"), "{}", shot.text);
        let style = shot.digit_style().expect("digits");
        assert_eq!(style.fg, Some(Color::Red));
        assert!(style.add_modifier.contains(Modifier::SLOW_BLINK));
        assert!(shot.digit_styles_uniform(), "every lit cell blinks");
        let label = shot.style_of("已超时").expect("label");
        assert_eq!(label.fg, Some(Color::Red));
        assert!(label.add_modifier.contains(Modifier::SLOW_BLINK));
    }
}

/// The thin progress bar: its filled part in the phase colour, the rest dark grey.
#[test]
fn progress_bar_fills_with_the_phase_colour() {
    let s = running();
    let (w, h) = MEDIUM;
    // Half the limit used: half the bar filled.
    let shot = draw(&s, MEDIUM, zh(), at(240));
    let bar_row = (0..h)
        .rev()
        .find(|&y| (0..w).any(|x| shot.cell(x, y).style().bg == Some(Color::DarkGray)))
        .expect("a bar row");
    let bg: Vec<Option<Color>> = (0..w).map(|x| shot.cell(x, bar_row).style().bg).collect();
    let green = bg.iter().filter(|c| **c == Some(Color::Green)).count();
    let grey = bg.iter().filter(|c| **c == Some(Color::DarkGray)).count();
    assert_eq!(
        green + grey,
        w as usize - 4,
        "the bar spans the width less 4"
    );
    assert_eq!(green, grey, "half filled at half time: {bg:?}");
    assert_eq!(bg[2], Some(Color::Green), "filled from the left");
    // Overtime: full, red.
    let shot = draw(&s, MEDIUM, zh(), at(600));
    let reds = (0..w)
        .filter(|&x| shot.cell(x, bar_row).style().bg == Some(Color::Red))
        .count();
    assert_eq!(reds, w as usize - 4);
}

// ---------------------------------------------------------------------------------------------
// Paused, between talks, the end

#[test]
fn paused_is_grey_and_says_so() {
    let mut s = running();
    exec(&mut s, Command::ToggleTalk, at(100));
    for size in [SMALL, MEDIUM] {
        // Long after the pause, the clock still shows what was left at the pause.
        let shot = draw(&s, size, zh(), at(900));
        insta::assert_snapshot!(name("paused", size), shot.text);
        assert_big(&shot, "06:20");
        assert!(shot.contains("已暂停"), "{}", shot.text);
        let style = shot.digit_style().expect("digits");
        assert_eq!(style.fg, Some(Color::DarkGray));
        assert!(!style.add_modifier.contains(Modifier::SLOW_BLINK));
    }
}

#[test]
fn paused_in_overtime_does_not_blink() {
    let mut s = running();
    exec(&mut s, Command::ToggleTalk, at(545));
    let shot = draw(&s, MEDIUM, zh(), at(600));
    assert_big(&shot, "+01:05");
    assert!(shot.contains("已暂停"));
    let style = shot.digit_style().expect("digits");
    assert_eq!(style.fg, Some(Color::DarkGray));
    assert!(!style.add_modifier.contains(Modifier::SLOW_BLINK));
}

#[test]
fn before_the_first_talk() {
    let s = meeting();
    for size in [SMALL, MEDIUM] {
        let shot = draw(&s, size, zh(), t0());
        insta::assert_snapshot!(name("before_first_talk", size), shot.text);
        assert_big(&shot, "08:00");
        assert!(shot.contains("即将汇报：市财政局"), "{}", shot.text);
        assert!(shot.contains("时限 08:00"), "{}", shot.text);
        assert!(!shot.contains("下一个"), "no next line while waiting");
        assert_eq!(
            shot.digit_style().and_then(|st| st.fg),
            Some(Color::DarkGray)
        );
    }
}

/// Between talks: the first unit is done, the next one is current and not yet started.
#[test]
fn between_talks_shows_the_next_unit_and_presenter() {
    let mut s = running();
    exec(&mut s, Command::Next, at(470));
    for size in [SMALL, MEDIUM] {
        let shot = draw(&s, size, zh(), at(500));
        insta::assert_snapshot!(name("between_talks", size), shot.text);
        assert_big(&shot, "08:00");
        assert!(shot.contains("即将汇报：城郊街道办事处"), "{}", shot.text);
        assert!(!shot.contains("市财政局"), "the done unit is gone");
        if size != SMALL {
            assert!(shot.contains("党工委书记 主任"), "its presenter");
        }
        assert_eq!(
            shot.digit_style().and_then(|st| st.fg),
            Some(Color::DarkGray)
        );
    }
}

#[test]
fn the_meeting_ended() {
    let mut s = running();
    exec(&mut s, Command::EndMeeting, at(300));
    for size in [SMALL, MEDIUM] {
        let shot = draw(&s, size, zh(), at(400));
        insta::assert_snapshot!(name("ended", size), shot.text);
        assert!(shot.contains("会议结束"), "{}", shot.text);
        assert!(shot.lit().is_empty(), "no countdown after the meeting");
    }
    let shot = draw(&s, MEDIUM, en(), at(400));
    assert!(shot.contains("The meeting has ended"));
}

/// With one or two rows, the ended line was drawn on the title's row, over its middle
/// ("“明 会议结束 …"): the line alone is shown then. A one-row message band leaves no row for
/// the countdown, which was drawn over the message.
#[test]
fn too_few_rows_draw_nothing_over_each_other() {
    let mut s = running();
    exec(&mut s, Command::EndMeeting, at(300));
    for h in [1, 2] {
        let shot = draw(&s, (30, h), zh(), at(400));
        assert!(shot.contains("会议结束"), "{}", shot.text);
        assert!(!shot.contains("明职责"), "no title fragment: {}", shot.text);
    }
    let mut s = running();
    exec(
        &mut s,
        Command::StageMessage {
            text: "请抓紧时间".into(),
        },
        at(420),
    );
    let shot = draw(&s, (30, 1), zh(), at(430));
    assert_eq!(shot.text.trim(), "请抓紧时间", "{}", shot.text);
}

// ---------------------------------------------------------------------------------------------
// Stage messages

#[test]
fn a_stage_message_is_shown_prominently() {
    let mut s = running();
    exec(
        &mut s,
        Command::StageMessage {
            text: "请抓紧时间".into(),
        },
        at(420),
    );
    for size in [SMALL, MEDIUM, LARGE] {
        let shot = draw(&s, size, zh(), at(430));
        insta::assert_snapshot!(name("message", size), shot.text);
        assert_big(&shot, "00:50");
        let row = shot.row_of("请抓紧时间").expect("the message is shown");
        assert!(
            row < shot.row_of("市财政局").unwrap_or(usize::MAX),
            "above the rest"
        );
        let style = shot.style_of("请抓紧时间").unwrap();
        assert_eq!(
            (style.fg, style.bg),
            (Some(Color::Black), Some(Color::Yellow))
        );
        assert!(style.add_modifier.contains(Modifier::BOLD));
        // The band spans the whole width.
        let (w, _) = size;
        assert_eq!(shot.cell(0, row as u16).style().bg, Some(Color::Yellow));
        assert_eq!(shot.cell(w - 1, row as u16).style().bg, Some(Color::Yellow));
    }
    // An empty message takes it down.
    exec(&mut s, Command::StageMessage { text: "".into() }, at(440));
    let shot = draw(&s, MEDIUM, zh(), at(441));
    assert!(!shot.contains("请抓紧时间"));
    assert!(shot.style_of("市财政局").is_some());
    assert!((0..MEDIUM.0).all(|x| shot.cell(x, 0).style().bg != Some(Color::Yellow)));
}

#[test]
fn a_long_stage_message_wraps() {
    let mut s = running();
    let text = "请各位汇报人严格控制时间，超时将按规则扣分；下一位汇报人请到候场区做好准备";
    exec(&mut s, Command::StageMessage { text: text.into() }, at(10));
    let shot = draw(&s, SMALL, zh(), at(20));
    insta::assert_snapshot!(name("long_message", SMALL), shot.text);
    assert!(shot.contains("请各位汇报人"), "{}", shot.text);
    assert_big(&shot, "07:40");
    let shot = draw(&s, MEDIUM, zh(), at(20));
    insta::assert_snapshot!(name("long_message", MEDIUM), shot.text);
    assert!(shot.contains("请各位汇报人"), "{}", shot.text);
    assert_big(&shot, "07:40");
}

/// At 40×12 a one-line message (3 rows with its padding) leaves 9 rows; the name, the
/// presenter, the next unit, the label and the bar take 5 of them, and the 4 left are too few
/// for 5-row digits, so the countdown shrinks to a plain `00:50` line: the one thing a speaker
/// must see becomes the smallest text on the screen exactly when the host hurries them.
/// Dropping the presenter or the next-unit line when a message is up would leave room.
#[test]
fn a_stage_message_leaves_big_digits_at_the_smallest_size() {
    let mut s = running();
    exec(
        &mut s,
        Command::StageMessage {
            text: "请抓紧时间".into(),
        },
        at(420),
    );
    let shot = draw(&s, SMALL, zh(), at(430));
    assert!(shot.contains("请抓紧时间"));
    assert_big(&shot, "00:50");
}

#[test]
fn a_stage_message_between_talks() {
    let mut s = running();
    exec(&mut s, Command::Next, at(470));
    exec(
        &mut s,
        Command::StageMessage {
            text: "休息十分钟".into(),
        },
        at(480),
    );
    let shot = draw(&s, MEDIUM, zh(), at(500));
    insta::assert_snapshot!(name("message_between_talks", MEDIUM), shot.text);
    assert!(shot.contains("休息十分钟"));
    assert!(shot.contains("即将汇报：城郊街道办事处"));
}

// ---------------------------------------------------------------------------------------------
// Results

const REVIEWERS: [&str; 5] = ["常务副市长", "分管副市长", "人大代表", "党代表", "政协委员"];

/// Every reviewer gives unit i 25 + 25 + (38 − i) points, except that the last two units get
/// the same (33): 市应急管理局 is 5th with 84.00, 市税务局 and 市人社局 share 6th with 83.00
/// (every tie-break equal too: the same scores, no overtime).
fn scored() -> Session {
    let mut s = running();
    exec(&mut s, Command::EndMeeting, at(300));
    let units: Vec<String> = s.plan().units.iter().map(|u| u.name.clone()).collect();
    let mut entries = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let last = 38 - i.min(5) as i64;
        for reviewer in REVIEWERS {
            for (criterion, points) in [("明职责", 25), ("对目标", 25), ("争一流", last)] {
                entries.push(ScoreEntry {
                    unit: unit.clone(),
                    reviewer: reviewer.into(),
                    criterion: criterion.into(),
                    value: points * 10_000,
                });
            }
        }
    }
    exec(&mut s, Command::SetScores { entries }, at(400));
    s
}

#[test]
fn results_are_not_shown_before_the_host_shows_them() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    let shot = draw(&s, MEDIUM, zh(), at(510));
    assert!(!shot.contains("测评结果"), "published, not yet on stage");
    assert!(shot.contains("会议结束"));
    assert!(
        s.decide(&Command::ShowResults { shown: true }, at(500))
            .is_ok()
    );
}

/// At 20 columns the place and the unit left no room for the score, which was cut to "8…"
/// (or not shown): the unit gives way first, then the place is cut short, never the score.
#[test]
fn a_narrow_results_screen_keeps_the_scores_whole() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::ShowResults { shown: true }, at(510));
    exec(&mut s, Command::RevealResults { places: 3 }, at(520));
    for opts in [zh(), en(), wide()] {
        let shot = draw(&s, (20, 5), opts, at(530));
        assert_eq!(shot.text.matches("84.00").count(), 1, "{}", shot.text);
        assert_eq!(shot.text.matches("83.00").count(), 2, "{}", shot.text);
    }
}

#[test]
fn results_reveal_the_last_three_places_with_shared_ranks() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::ShowResults { shown: true }, at(510));
    // Shown, nothing revealed yet: seven hidden rows.
    let shot = draw(&s, MEDIUM, zh(), at(515));
    insta::assert_snapshot!(name("results_hidden", MEDIUM), shot.text);
    assert!(shot.contains("测评结果"));
    assert_eq!(shot.text.matches("· · ·").count(), 7, "{}", shot.text);
    assert!(!shot.contains("第"), "no place revealed yet");

    exec(&mut s, Command::RevealResults { places: 3 }, at(520));
    let shot = draw(&s, MEDIUM, zh(), at(530));
    insta::assert_snapshot!(name("results_three", MEDIUM), shot.text);
    assert_eq!(shot.text.matches("· · ·").count(), 4, "{}", shot.text);
    let fifth = shot.place_row(&["第5名", "市应急管理局", "84.00"]);
    let tax = shot.place_row(&["第6名（并列）", "市税务局", "83.00"]);
    let hr = shot.place_row(&["第6名（并列）", "市人社局", "83.00"]);
    assert!(
        fifth.is_some() && tax.is_some() && hr.is_some(),
        "the last three places, the tie as a shared 6th:\n{}",
        shot.text
    );
    assert!(fifth < tax && tax < hr, "in ranking order");
    for hidden in ["市财政局", "城郊街道办事处", "市发改局", "市交通运输局"] {
        assert!(!shot.contains(hidden), "{hidden} is not revealed yet");
    }
    assert!(
        shot.row_of("· · ·") < fifth,
        "the hidden places are above the revealed"
    );
    assert!(shot.lit().is_empty(), "no countdown over the results");

    // English, the same reveal.
    let shot = draw(&s, MEDIUM, en(), at(530));
    assert!(
        shot.place_row(&["#6 (tied)", "市税务局", "83.00"])
            .is_some(),
        "{}",
        shot.text
    );
    assert!(shot.contains("Results"));

    // `a`: everything.
    exec(&mut s, Command::RevealResults { places: 7 }, at(540));
    let shot = draw(&s, MEDIUM, zh(), at(550));
    insta::assert_snapshot!(name("results_all", MEDIUM), shot.text);
    assert!(!shot.contains("· · ·"));
    assert!(
        shot.place_row(&["第1名", "市财政局", "88.00"]).is_some(),
        "{}",
        shot.text
    );
    assert_eq!(
        shot.style_of("第1名").and_then(|st| st.fg),
        Some(Color::Yellow),
        "the winner in yellow"
    );
    // `d` again: back to the clock (here, the ended meeting).
    exec(&mut s, Command::ShowResults { shown: false }, at(560));
    let shot = draw(&s, MEDIUM, zh(), at(570));
    assert!(!shot.contains("测评结果"));
    assert!(shot.contains("会议结束"));
}

/// The smallest size must still show the places revealed: the revealed ones are the last
/// places, so they are the rows a small screen must not cut off. At 40×12 the view spaces rows
/// two apart because the 3 *revealed* rows fit doubled (3 × 2 ≤ 10), but then draws the first
/// 10 / 2 = 5 of all 7 ranked rows from the top: four hidden rows and 5th place; the two tied
/// 6th places, just revealed, are cut off. (At 100×30 all 7 fit.)
#[test]
fn results_revealed_places_fit_the_smallest_size() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::RevealResults { places: 3 }, at(520));
    let shot = draw(&s, SMALL, zh(), at(530));
    assert!(shot.contains("测评结果"), "{}", shot.text);
    assert!(
        shot.contains("市应急管理局") && shot.contains("市税务局") && shot.contains("市人社局"),
        "the three revealed places are on a 40×12 display:\n{}",
        shot.text
    );
}

#[test]
fn results_at_the_largest_size() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::RevealResults { places: 3 }, at(520));
    let shot = draw(&s, LARGE, zh(), at(530));
    assert!(
        shot.place_row(&["第6名（并列）", "市人社局", "83.00"])
            .is_some(),
        "{}",
        shot.text
    );
    assert_eq!(shot.text.matches("· · ·").count(), 4);
}

/// `--clock-only` ignores the results, the message, names: just the countdown.
#[test]
fn clock_only_results_stay_off() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::RevealResults { places: 7 }, at(520));
    let shot = draw(&s, MEDIUM, clock_only(), at(530));
    assert!(!shot.contains("测评结果"), "{}", shot.text);
}

// ---------------------------------------------------------------------------------------------
// --clock-only

#[test]
fn clock_only_is_just_the_countdown() {
    let mut s = running();
    exec(
        &mut s,
        Command::StageMessage {
            text: "请抓紧时间".into(),
        },
        at(50),
    );
    for size in [SMALL, MEDIUM, LARGE] {
        let shot = draw(&s, size, clock_only(), at(100));
        insta::assert_snapshot!(name("clock_only", size), shot.text);
        assert_big(&shot, "06:20");
        assert!(
            !shot.contains("请抓紧时间"),
            "no message on the speaker's clock"
        );
        assert!(!shot.contains("市财政局"), "no name");
        assert!(!shot.contains("下一个"), "no next unit");
        assert_eq!(shot.digit_style().and_then(|st| st.fg), Some(Color::Green));
    }
    // Overtime still blinks red there.
    let shot = draw(&s, MEDIUM, clock_only(), at(545));
    assert_big(&shot, "+01:05");
    let style = shot.digit_style().unwrap();
    assert_eq!(style.fg, Some(Color::Red));
    assert!(style.add_modifier.contains(Modifier::SLOW_BLINK));
}

/// On a clock-only screen the digits have more room than with the names around them.
#[test]
fn clock_only_digits_are_at_least_as_large() {
    let s = running();
    for size in [SMALL, MEDIUM, LARGE] {
        let full = draw(&s, size, zh(), at(100));
        let clock = draw(&s, size, clock_only(), at(100));
        let (fx, fy) = assert_big(&full, "06:20");
        let (cx, cy) = assert_big(&clock, "06:20");
        assert!(
            cx >= fx && cy >= fy,
            "{size:?}: clock-only {cx}×{cy}, full {fx}×{fy}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes

/// The digits grow with the screen: the largest that fit, upright (cells about twice as wide
/// as tall), filling most of the width on a projector.
#[test]
fn digits_scale_with_the_screen() {
    let s = running();
    let mut last = (0usize, 0u16, 0u16);
    for size in [
        SMALL,
        (60, 20),
        (80, 24),
        MEDIUM,
        (160, 45),
        (200, 60),
        LARGE,
    ] {
        let shot = draw(&s, size, zh(), at(100));
        let (sx, sy) = assert_big(&shot, "06:20");
        let lit = shot.lit().len();
        assert!(
            lit >= last.0 && sx >= last.1 && sy >= last.2,
            "{size:?}: {lit} lit cells at {sx}×{sy}, after {last:?}"
        );
        assert!(
            sx <= 2 * sy && sx + 2 >= 2 * sy,
            "{size:?}: upright {sx}×{sy}"
        );
        last = (lit, sx, sy);
    }
    let small = draw(&s, SMALL, zh(), at(100));
    let large = draw(&s, LARGE, zh(), at(100));
    let (ssx, ssy) = assert_big(&small, "06:20");
    let (lsx, lsy) = assert_big(&large, "06:20");
    assert!(
        large.lit().len() >= 20 * small.lit().len(),
        "the projector's digits are much larger: {} lit cells against {}",
        large.lit().len(),
        small.lit().len()
    );
    assert!(
        lsx >= 8 * ssx && lsy >= 8 * ssy,
        "{lsx}×{lsy} vs {ssx}×{ssy}"
    );
    // "06:20" is 17 glyph columns: at 300 columns the digits span well over half the width.
    let xs: Vec<u16> = large.lit().iter().map(|p| p.0).collect();
    let span = xs.iter().max().unwrap() - xs.iter().min().unwrap() + 1;
    assert!(span >= 200, "the digits span {span} of 300 columns");
}

/// Terminals that draw ambiguous-width block characters wide: lit cells are coloured blanks.
#[test]
fn wide_ambiguous_digits_are_coloured_blanks() {
    let s = running();
    let shot = draw(&s, MEDIUM, wide(), at(545));
    assert!(shot.lit().is_empty(), "no block characters");
    let red_blanks = shot
        .buf
        .content()
        .iter()
        .filter(|c| c.symbol() == " " && c.style().bg == Some(Color::Red))
        .count();
    // Far more than the bar (96 cells): the digits.
    assert!(red_blanks > 200, "{red_blanks} red cells");
    let blinking = shot
        .buf
        .content()
        .iter()
        .filter(|c| c.style().add_modifier.contains(Modifier::SLOW_BLINK))
        .count();
    assert!(blinking > 200, "the overtime digits blink: {blinking}");
}

/// Every state the display can be in.
fn all_states() -> Vec<(&'static str, Session, Time)> {
    let mut states = vec![
        ("before", meeting(), t0()),
        ("normal", running(), at(100)),
        ("warning", running(), at(430)),
        ("time up", running(), at(480)),
        ("overtime", running(), at(545)),
        ("long overtime", running(), at(480 + 3 * 3600 + 7)),
    ];
    let mut paused = running();
    exec(&mut paused, Command::ToggleTalk, at(100));
    states.push(("paused", paused, at(200)));
    let mut between = running();
    exec(&mut between, Command::Next, at(470));
    states.push(("between", between, at(500)));
    let mut message = running();
    exec(
        &mut message,
        Command::StageMessage {
            text: "请各位汇报人严格控制时间，超时将按规则扣分".into(),
        },
        at(10),
    );
    states.push(("message", message, at(20)));
    let mut last = running();
    for _ in 0..6 {
        exec(&mut last, Command::Next, at(30));
    }
    exec(&mut last, Command::ToggleTalk, at(40));
    states.push(("last unit", last, at(50)));
    let mut ended = running();
    exec(&mut ended, Command::EndMeeting, at(300));
    states.push(("ended", ended.clone(), at(400)));
    let mut ended_message = ended;
    exec(
        &mut ended_message,
        Command::StageMessage {
            text: "谢谢".into(),
        },
        at(410),
    );
    states.push(("ended with a message", ended_message, at(420)));
    let mut results = scored();
    exec(&mut results, Command::Publish, at(500));
    exec(&mut results, Command::RevealResults { places: 3 }, at(520));
    states.push(("results", results, at(530)));
    states
}

fn all_options() -> [DisplayOptions; 5] {
    [
        zh(),
        en(),
        clock_only(),
        wide(),
        DisplayOptions {
            clock_only: true,
            ..wide()
        },
    ]
}

/// Draws `s` into `area` inside a larger buffer; the cells outside `area` that were written.
fn written_outside(s: &Session, area: Rect, opts: DisplayOptions, now: Time) -> Vec<(u16, u16)> {
    let outer = Rect::new(0, 0, area.right() + 2, area.bottom() + 2);
    let mut buf = Buffer::empty(outer);
    view::draw(&mut buf, area, s, opts, now);
    (outer.top()..outer.bottom())
        .flat_map(|y| (outer.left()..outer.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| !area.contains((x, y).into()) && buf[(x, y)] != Cell::EMPTY)
        .collect()
}

#[test]
fn no_panic_at_any_small_size() {
    for (label, s, now) in all_states() {
        for opts in all_options() {
            for w in 1..=60 {
                for h in 1..=20 {
                    let area = Rect::new(0, 0, w, h);
                    let mut buf = Buffer::empty(area);
                    view::draw(&mut buf, area, &s, opts, now);
                    assert_eq!(buf.area, area, "{label}");
                }
            }
        }
    }
}

/// Sizes from 1×1 to 300×100: the edges of the supported range (40×12 and 300×80) and either
/// side of them, and sizes in between. (Large buffers are slow to fill in a debug build, so
/// this samples; every size up to 60×20 is drawn above.)
#[test]
fn no_panic_at_sampled_sizes_up_to_300x100() {
    let widths = [1, 7, 39, 40, 41, 99, 160, 233, 299, 300];
    let heights = [1, 6, 11, 12, 13, 30, 47, 79, 80, 81, 100];
    for (label, s, now) in all_states() {
        for opts in [zh(), clock_only()] {
            for w in widths {
                for h in heights {
                    let area = Rect::new(0, 0, w, h);
                    let mut buf = Buffer::empty(area);
                    view::draw(&mut buf, area, &s, opts, now);
                    if w >= 40 && h >= 12 {
                        assert!(
                            buf.content().iter().any(|c| c.symbol() != " "),
                            "{label}: something is shown at {w}×{h} with {opts:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn zero_sized_area_draws_nothing() {
    let s = running();
    for (w, h) in [(0, 0), (0, 10), (10, 0)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 12));
        view::draw(&mut buf, area, &s, zh(), at(100));
        assert_eq!(buf, Buffer::empty(Rect::new(0, 0, 12, 12)));
    }
}

/// The cases where the display writes outside its area, over the states and options, at the
/// sizes given.
fn outside_cases(sizes: &[(u16, u16)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (label, s, now) in all_states() {
        for opts in all_options() {
            for &(w, h) in sizes {
                let area = Rect::new(1, 1, w, h);
                let cells = written_outside(&s, area, opts, now);
                if !cells.is_empty() {
                    bad.push(format!("{label} {w}x{h} {opts:?}: {cells:?}"));
                }
            }
        }
    }
    bad
}

/// The display draws only inside the area it is given (an offset one here), at every size up
/// to 50×16 of at least two rows.
#[test]
fn draws_only_inside_its_area() {
    let sizes: Vec<(u16, u16)> = (1..=50)
        .flat_map(|w| (2..=16).map(move |h| (w, h)))
        .collect();
    let bad = outside_cases(&sizes);
    assert!(bad.is_empty(), "{} cases:\n{}", bad.len(), bad.join("\n"));
}

/// One row, a stage message, no current unit (the meeting ended): the message takes the only
/// row, and the plan's title (above "会议结束") is put at `top + (bottom - top) / 2`, which is
/// `bottom`: one row below the area. Invisible when the area is the whole terminal (the buffer clips it), but it writes
/// outside any smaller area it is given.
#[test]
fn draws_only_inside_its_area_one_row_high() {
    let sizes: Vec<(u16, u16)> = (1..=50).map(|w| (w, 1)).collect();
    let bad = outside_cases(&sizes);
    assert!(bad.is_empty(), "{} cases:\n{}", bad.len(), bad.join("\n"));
}

/// `scored()`, except that only the leaders (常务副市长, 分管副市长) scored 市发改局: its
/// final is computed without the group 两代表一委员.
fn scored_without_a_group() -> Session {
    let mut s = running();
    exec(&mut s, Command::EndMeeting, at(300));
    let units: Vec<String> = s.plan().units.iter().map(|u| u.name.clone()).collect();
    let mut entries = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let last = 38 - i.min(5) as i64;
        let reviewers = if unit == "市发改局" {
            &REVIEWERS[..2]
        } else {
            &REVIEWERS[..]
        };
        for reviewer in reviewers {
            for (criterion, points) in [("明职责", 25), ("对目标", 25), ("争一流", last)] {
                entries.push(ScoreEntry {
                    unit: unit.clone(),
                    reviewer: (*reviewer).into(),
                    criterion: criterion.into(),
                    value: points * 10_000,
                });
            }
        }
    }
    exec(&mut s, Command::SetScores { entries }, at(400));
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::ShowResults { shown: true }, at(510));
    s
}

/// The display column at which `needle` starts on row `y` of the text.
fn column_of(shot: &Shot, y: usize, needle: &str) -> Option<usize> {
    let line = shot.text.lines().nth(y)?;
    Some(line[..line.find(needle)?].width())
}

#[test]
fn a_final_without_a_group_is_marked_and_explained() {
    let mut s = scored_without_a_group();
    exec(&mut s, Command::RevealResults { places: 7 }, at(520));
    let shot = draw(&s, MEDIUM, zh(), at(530));
    insta::assert_snapshot!(name("results_group_missing", MEDIUM), shot.text);
    let row = shot
        .place_row(&["市发改局"])
        .unwrap_or_else(|| panic!("{}", shot.text));
    let line = shot.text.lines().nth(row).expect("row");
    assert!(
        line.trim_end().ends_with('*'),
        "the mark by the score: {line}"
    );
    // Only that place is marked; the legend says what the mark means.
    let marked: Vec<&str> = shot
        .text
        .lines()
        .filter(|l| l.contains('第') && l.trim_end().ends_with('*'))
        .collect();
    assert_eq!(marked.len(), 1, "{}", shot.text);
    let legend = shot
        .row_of("* 缺少 两代表一委员 评分")
        .unwrap_or_else(|| panic!("the legend:\n{}", shot.text));
    assert!(legend > row, "the legend under the list");
    let shot = draw(&s, MEDIUM, en(), at(530));
    assert!(
        shot.contains("* without the scores of 两代表一委员"),
        "{}",
        shot.text
    );
    // Not yet revealed: neither the mark nor the legend gives it away.
    let mut s = scored_without_a_group();
    exec(&mut s, Command::RevealResults { places: 2 }, at(520));
    let shot = draw(&s, MEDIUM, zh(), at(530));
    assert!(!shot.contains("缺少"), "{}", shot.text);
    assert!(!shot.text.contains('*'), "{}", shot.text);
}

#[test]
fn results_stand_in_columns() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::ShowResults { shown: true }, at(510));
    exec(&mut s, Command::RevealResults { places: 7 }, at(520));
    for (size, opts) in [(MEDIUM, zh()), (MEDIUM, en()), (LARGE, zh()), (SMALL, zh())] {
        let shot = draw(&s, size, opts, at(530));
        let units = ["市财政局", "城郊街道办事处", "市发改局", "市人社局"];
        let rows: Vec<usize> = units.iter().filter_map(|u| shot.place_row(&[u])).collect();
        assert!(rows.len() >= 2, "{}", shot.text);
        // Every unit starts in one column, every score ends in one column.
        let starts: Vec<usize> = rows
            .iter()
            .zip(units)
            .filter_map(|(&y, u)| column_of(&shot, y, u))
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] == w[1]),
            "{starts:?}\n{}",
            shot.text
        );
        let ends: Vec<usize> = rows
            .iter()
            .filter_map(|&y| {
                let line = shot.text.lines().nth(y)?;
                Some(line.trim_end().width())
            })
            .collect();
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "{ends:?}\n{}",
            shot.text
        );
    }
}
