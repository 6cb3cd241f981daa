//! The stage display (`display::view::draw`) in a round of a series: the round before's
//! ranking (上期测评结果, the copy in the session, every place at once, by category), and this
//! meeting's ranking by category, with 等次 and 较上期, revealed one category after another,
//! each from its last place up. Drawn into a ratatui `Buffer` of a fixed size at a fixed
//! clock, as tests/display_snapshots.rs does; the meeting is `tests/fixtures/series_view` (its
//! README has the expected finals, ranks, bands and changes).

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::display::view::{self, DisplayOptions};
use podium::planfile;
use podium::session::{
    Command, PreviousMeeting, PreviousResult, PreviousResults, ScoreEntry, Session, Time,
};
use podium::strings::Lang;
use podium::text::{self, Ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

const NARROW: (u16, u16) = (80, 24);
const MEDIUM: (u16, u16) = (100, 30);
const WIDE: (u16, u16) = (200, 50);
const SMALL: (u16, u16) = (40, 12);

fn t0() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 6, 30, 9, 0, 0)
        .single()
        .expect("time")
}

fn at(seconds: i64) -> Time {
    t0() + Duration::seconds(seconds)
}

fn exec(s: &mut Session, command: Command, now: Time) {
    let events = s
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    s.commit(events);
}

const FINALS: [(&str, f64); 6] = [
    ("甲县", 95.0),
    ("市财政局", 85.0),
    ("乙县", 88.0),
    ("市发改局", 92.0),
    ("丙县", 79.0),
    ("市交通局", 91.0),
];

fn previous_results() -> PreviousResults {
    let unit =
        |unit: &str, category: &str, f: f64, rank: usize, cat: usize, band: &str| PreviousResult {
            unit: unit.into(),
            category: Some(category.into()),
            final_score: Some(f),
            rank: Some(rank),
            category_rank: Some(cat),
            band: Some(band.into()),
        };
    PreviousResults {
        published: true,
        decimals: 2,
        units: vec![
            unit("市发改局", "部门", 93.5, 1, 1, "好"),
            unit("甲县", "县区", 90.25, 2, 1, "好"),
            unit("丙县", "县区", 89.0, 3, 2, "较好"),
            unit("乙县", "县区", 87.1, 4, 3, "较好"),
            unit("市民政局", "部门", 86.0, 5, 2, "较好"),
            unit("市交通局", "部门", 80.0, 6, 3, "较好"),
        ],
    }
}

/// The fixture's meeting, linked to the round before (its first event), every unit scored
/// and the results published.
fn meeting() -> Session {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/series_view/plan.json"
    );
    let text = std::fs::read_to_string(file).expect("the fixture's plan");
    let plan = planfile::parse("plan.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan;
    let mut s = Session::new(plan);
    let link = Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "一季度“比晒拼创”工作汇报会".into(),
            date: Some("2026-03-30".into()),
            path: "q1.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: vec![],
        results: Some(Box::new(previous_results())),
    };
    exec(&mut s, link, t0());
    let entries = FINALS
        .iter()
        .flat_map(|(unit, f)| {
            ["评委一", "评委二", "评委三"].map(|reviewer| ScoreEntry {
                unit: unit.to_string(),
                reviewer: reviewer.into(),
                criterion: "综合".into(),
                value: (f * 10_000.0).round() as i64,
            })
        })
        .collect();
    exec(&mut s, Command::SetScores { entries }, at(1));
    exec(&mut s, Command::Publish, at(2));
    s
}

fn opts(lang: Lang, ambiguous: Ambiguous) -> DisplayOptions {
    DisplayOptions {
        lang,
        ambiguous,
        clock_only: false,
    }
}

fn zh() -> DisplayOptions {
    opts(Lang::Zh, Ambiguous::Narrow)
}

struct Shot {
    text: String,
    buf: Buffer,
}

fn draw(s: &Session, (w, h): (u16, u16), opts: DisplayOptions) -> Shot {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    view::draw(&mut buf, area, s, opts, at(10));
    Shot {
        text: screen_text(&buf),
        buf,
    }
}

impl Shot {
    fn contains(&self, s: &str) -> bool {
        self.text.contains(s)
    }

    /// The row holding every one of `cells`, in this order, if any.
    fn place_row(&self, cells: &[&str]) -> Option<usize> {
        self.text.lines().position(|line| {
            let mut rest = line;
            cells.iter().all(|c| match rest.find(c) {
                Some(i) => {
                    rest = &rest[i + c.len()..];
                    true
                }
                None => false,
            })
        })
    }

    fn row_of(&self, needle: &str) -> Option<usize> {
        self.text.lines().position(|l| l.contains(needle))
    }

    /// The screen column where `needle` starts on row `y` (cells, not characters).
    fn x_of(&self, y: usize, needle: &str, amb: Ambiguous) -> Option<u16> {
        let area = self.buf.area;
        let first = needle.chars().next()?.to_string();
        (0..area.width).find(|&x| {
            if self.buf[(x, y as u16)].symbol() != first {
                return false;
            }
            // The rest of the needle follows, each character after the width of the one
            // before.
            let mut cx = x;
            needle.chars().all(|c| {
                let ok = cx < area.width && self.buf[(cx, y as u16)].symbol() == c.to_string();
                cx += text::width(&c.to_string(), amb).max(1) as u16;
                ok
            })
        })
    }
}

fn name(base: &str, (w, h): (u16, u16)) -> String {
    format!("{base}_{w}x{h}")
}

/// The round before's places as the stage shows them: (place in its category, overall, unit,
/// final, band), category by category.
const BEFORE: [[&str; 5]; 6] = [
    ["第1名", "总第2名", "甲县", "90.25", "好"],
    ["第2名", "总第3名", "丙县", "89.00", "较好"],
    ["第3名", "总第4名", "乙县", "87.10", "较好"],
    ["第1名", "总第1名", "市发改局", "93.50", "好"],
    ["第2名", "总第5名", "市民政局", "86.00", "较好"],
    ["第3名", "总第6名", "市交通局", "80.00", "较好"],
];

#[test]
fn the_round_before_on_the_stage_every_place_at_once() {
    let mut s = meeting();
    exec(&mut s, Command::ShowPrevious { shown: true }, at(3));
    for size in [MEDIUM, NARROW, WIDE] {
        let shot = draw(&s, size, zh());
        insta::assert_snapshot!(name("previous_zh", size), shot.text);
        assert!(
            shot.contains("上期测评结果 · 一季度“比晒拼创”工作汇报会"),
            "{}",
            shot.text
        );
        assert!(!shot.contains("· · ·"), "no reveal: {}", shot.text);
        let county = shot.row_of("【县区】").expect("县区's heading");
        let dept = shot.row_of("【部门】").expect("部门's heading");
        assert!(county < dept, "{}", shot.text);
        let mut last = county;
        for (i, cells) in BEFORE.iter().enumerate() {
            let row = shot
                .place_row(cells)
                .unwrap_or_else(|| panic!("{cells:?} at {size:?}:\n{}", shot.text));
            assert!(row > last, "{cells:?} in order:\n{}", shot.text);
            assert_eq!(row > dept, i >= 3, "{cells:?} under its category");
            last = row;
        }
        assert!(!shot.contains("市财政局"), "not ranked then");
        assert!(
            !shot.contains("较上期"),
            "no change column for the round before"
        );
    }
    // English.
    let shot = draw(&s, MEDIUM, opts(Lang::En, Ambiguous::Narrow));
    insta::assert_snapshot!(name("previous_en", MEDIUM), shot.text);
    assert!(shot.contains("Earlier results · "), "{}", shot.text);
    assert!(
        shot.place_row(&["#2", "overall #5", "市民政局", "86.00"])
            .is_some(),
        "{}",
        shot.text
    );
    // This meeting's results take it down.
    exec(&mut s, Command::ShowResults { shown: true }, at(4));
    let shot = draw(&s, MEDIUM, zh());
    assert!(!shot.contains("上期测评结果"), "{}", shot.text);
    assert!(shot.contains("测评结果"), "{}", shot.text);
    // --clock-only never shows it.
    exec(&mut s, Command::ShowPrevious { shown: true }, at(5));
    let shot = draw(
        &s,
        MEDIUM,
        DisplayOptions {
            clock_only: true,
            ..zh()
        },
    );
    assert!(!shot.contains("上期测评结果"), "{}", shot.text);
}

/// (place in its category, overall, unit, final, band, 较上期), category by category.
const NOW: [[&str; 6]; 6] = [
    ["第1名", "总第1名", "甲县", "95.00", "好", "持平"],
    ["第2名", "总第4名", "乙县", "88.00", "较好", "↑1"],
    ["第3名", "总第6名", "丙县", "79.00", "一般", "↓1"],
    ["第1名", "总第2名", "市发改局", "92.00", "好", "持平"],
    ["第2名", "总第3名", "市交通局", "91.00", "好", "↑1"],
    ["第3名", "总第5名", "市财政局", "85.00", "较好", "新"],
];

#[test]
fn the_reveal_goes_category_by_category_from_the_last_place_up() {
    let mut s = meeting();
    exec(&mut s, Command::ShowResults { shown: true }, at(3));
    let shot = draw(&s, MEDIUM, zh());
    assert_eq!(shot.text.matches("· · ·").count(), 6, "{}", shot.text);
    assert!(shot.contains("【县区】") && shot.contains("【部门】"));
    for header in ["名次", "总排名", "单位", "得分", "等次", "较上期"] {
        assert!(shot.contains(header), "{header}:\n{}", shot.text);
    }
    // One place at a time: 丙县, 乙县, 甲县 (县区 from its last place up), then 部门's.
    let order = [2, 1, 0, 5, 4, 3];
    for (k, &i) in order.iter().enumerate() {
        exec(
            &mut s,
            Command::RevealResults { places: k + 1 },
            at(4 + k as i64),
        );
        let shot = draw(&s, MEDIUM, zh());
        if k == 3 {
            insta::assert_snapshot!(name("series_reveal_four_zh", MEDIUM), shot.text);
        }
        for (j, cells) in NOW.iter().enumerate() {
            let shown = order[..=k].contains(&j);
            assert_eq!(
                shot.place_row(cells).is_some(),
                shown,
                "after {} places, {} is {}:\n{}",
                k + 1,
                cells[2],
                if shown { "shown" } else { "hidden" },
                shot.text
            );
        }
        assert_eq!(shot.text.matches("· · ·").count(), 5 - k, "{}", shot.text);
        let _ = i;
    }
    // Everything revealed: each category's first in yellow, in order under its heading.
    let shot = draw(&s, MEDIUM, zh());
    let county = shot.row_of("【县区】").expect("heading");
    let dept = shot.row_of("【部门】").expect("heading");
    let rows: Vec<usize> = NOW
        .iter()
        .map(|c| shot.place_row(c).expect("shown"))
        .collect();
    assert!(
        county < rows[0] && rows[2] < dept && dept < rows[3],
        "{}",
        shot.text
    );
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{}", shot.text);
    for unit in ["甲县", "市发改局"] {
        let y = shot.row_of(unit).expect("row");
        let x = shot.x_of(y, unit, Ambiguous::Narrow).expect("x");
        assert_eq!(
            shot.buf[(x, y as u16)].style().fg,
            Some(Color::Yellow),
            "{unit}"
        );
    }
    let y = shot.row_of("乙县").expect("row");
    let x = shot.x_of(y, "乙县", Ambiguous::Narrow).expect("x");
    assert_ne!(shot.buf[(x, y as u16)].style().fg, Some(Color::Yellow));
}

#[test]
fn a_small_stage_keeps_the_category_being_revealed_in_sight() {
    let mut s = meeting();
    exec(&mut s, Command::ShowResults { shown: true }, at(3));
    exec(&mut s, Command::RevealResults { places: 4 }, at(4));
    let shot = draw(&s, SMALL, zh());
    assert!(shot.contains("市财政局"), "just revealed:\n{}", shot.text);
    assert!(shot.contains("【部门】"), "its heading:\n{}", shot.text);
    for size in [NARROW, WIDE] {
        let shot = draw(&s, size, zh());
        insta::assert_snapshot!(name("series_reveal_four_zh", size), shot.text);
        assert!(
            shot.contains("市财政局") && shot.contains("甲县"),
            "{}",
            shot.text
        );
    }
}

/// With the ambiguous-wide option "↑", "↓" and "—" take two columns: the columns are measured
/// so, and every row's unit, score and change start where the header's do.
#[test]
fn ambiguous_wide_keeps_the_columns_in_line() {
    let mut s = meeting();
    exec(&mut s, Command::ShowResults { shown: true }, at(3));
    exec(&mut s, Command::RevealResults { places: 6 }, at(4));
    let amb = Ambiguous::Wide;
    let shot = draw(&s, MEDIUM, opts(Lang::Zh, amb));
    insta::assert_snapshot!(name("series_wide_zh", MEDIUM), shot.text);
    let head = shot.row_of("较上期").expect("the header");
    let unit_x = shot.x_of(head, "单位", amb).expect("单位");
    let change_x = shot.x_of(head, "较上期", amb).expect("较上期");
    for cells in NOW {
        // The screen's text has a blank after a character drawn two columns wide.
        let y = shot.place_row(&cells[..5]).expect("shown");
        assert_eq!(shot.x_of(y, cells[2], amb), Some(unit_x), "{}", shot.text);
        assert_eq!(shot.x_of(y, cells[5], amb), Some(change_x), "{}", shot.text);
    }
    // The round before, too.
    exec(&mut s, Command::ShowPrevious { shown: true }, at(5));
    let shot = draw(&s, NARROW, opts(Lang::Zh, amb));
    for cells in BEFORE {
        assert!(shot.place_row(&cells).is_some(), "{}", shot.text);
    }
}

#[test]
fn without_the_overall_rank_the_stage_shows_the_category_place_alone() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/series_view/plan.json"
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("plan")).expect("JSON");
    json["scoring"]["overall_rank"] = serde_json::Value::Bool(false);
    let plan = planfile::parse("plan.json", &json.to_string(), Lang::Zh)
        .expect("plan valid")
        .plan;
    let mut s = Session::new(plan);
    let entries = FINALS
        .iter()
        .flat_map(|(unit, f)| {
            ["评委一", "评委二", "评委三"].map(|reviewer| ScoreEntry {
                unit: unit.to_string(),
                reviewer: reviewer.into(),
                criterion: "综合".into(),
                value: (f * 10_000.0).round() as i64,
            })
        })
        .collect();
    exec(&mut s, Command::SetScores { entries }, at(1));
    exec(&mut s, Command::Publish, at(2));
    exec(&mut s, Command::ShowResults { shown: true }, at(3));
    exec(&mut s, Command::RevealResults { places: 6 }, at(4));
    let shot = draw(&s, MEDIUM, zh());
    assert!(!shot.contains("总第"), "{}", shot.text);
    assert!(!shot.contains("较上期"), "no round before: {}", shot.text);
    assert!(
        shot.place_row(&["第2名", "市交通局", "91.00", "好"])
            .is_some(),
        "{}",
        shot.text
    );
}

/// Too many lines for the header row: the change says what it is beside its arrow.
#[test]
fn without_a_header_row_the_change_is_named() {
    let mut s = meeting();
    exec(&mut s, Command::ShowResults { shown: true }, at(3));
    exec(&mut s, Command::RevealResults { places: 6 }, at(4));
    let shot = draw(&s, (80, 10), zh());
    assert!(!shot.contains("总排名"), "no header row:\n{}", shot.text);
    assert!(
        shot.place_row(&["第1名", "市发改局", "92.00", "好", "较上期 持平"])
            .is_some(),
        "{}",
        shot.text
    );
    // With the header row, the arrow alone under 较上期.
    let shot = draw(&s, MEDIUM, zh());
    assert!(!shot.contains("较上期 持平"), "{}", shot.text);
}
