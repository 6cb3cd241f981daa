//! The results view (`v`) of a round of a series: the ranking grouped by category (名次 in the
//! category, 总排名 beside it), 等次 and 较上期 columns, the selection, the explanation and `s`
//! following the rows as listed, `b` showing the round before's ranking from the session's
//! copy, and `Ctrl+B` putting it on the stage. The meeting is `tests/fixtures/series_view`
//! (its README has the expected finals, ranks, bands and changes); the round before is linked
//! with the session's first command, as `podium run PLAN --previous FILE` does.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::{
    Command, EventKind, PreviousMeeting, PreviousResult, PreviousResults, ScoreEntry, Time,
};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use tempfile::TempDir;

fn fixture(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/series_view")
        .join(file)
}

/// 2026-06-30 09:00:00 +08:00, the plan's own start.
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

/// The finals given (every reviewer the same score): see the fixture's README.
const FINALS: [(&str, f64); 6] = [
    ("甲县", 95.0),
    ("市财政局", 85.0),
    ("乙县", 88.0),
    ("市发改局", 92.0),
    ("丙县", 79.0),
    ("市交通局", 91.0),
];

/// The round before as copied into the session: its ranking order, with 市民政局, which is
/// not on this agenda, and without 市财政局.
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

fn link() -> Command {
    Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "一季度“比晒拼创”工作汇报会".into(),
            date: Some("2026-03-30".into()),
            path: "q1.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: vec![],
        results: Some(Box::new(previous_results())),
    }
}

struct Meeting {
    _dir: TempDir,
    app: App,
}

/// The fixture's plan (`edit` changes its JSON first), linked to the round before when
/// `linked`, every unit scored.
fn meeting_with(lang: Lang, linked: bool, edit: impl Fn(&mut serde_json::Value)) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("plan.json")).expect("the fixture's plan");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("plan JSON");
    edit(&mut json);
    let plan = planfile::parse("plan.json", &json.to_string(), lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, t0()).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(writer, opts, t0());
    if linked {
        assert!(app.execute(link(), t0()), "the link is the first event");
    }
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
    assert!(app.execute(Command::SetScores { entries }, at(1)));
    Meeting { _dir: dir, app }
}

fn meeting(lang: Lang) -> Meeting {
    meeting_with(lang, true, |_| {})
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ctrl(app: &mut App, c: char, now: Time) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now);
}

fn shot(app: &mut App, now: Time, (w, h): (u16, u16)) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

/// The results view open at `now`.
fn results(app: &mut App, now: Time) {
    press(app, KeyCode::Char('v'), now);
    assert!(
        matches!(app.mode(), Mode::Results { .. }),
        "v opens the results"
    );
}

/// The screen line holding `needle` (first), and its number.
fn line_of<'a>(text: &'a str, needle: &str) -> (usize, &'a str) {
    text.lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("no line holds {needle:?}:\n{text}"))
}

/// The ranking's row of `unit` (not the explanation's title, which names it too): the line
/// where it stands as the second or third word.
fn row_of<'a>(text: &'a str, unit: &str) -> (usize, &'a str) {
    text.lines()
        .enumerate()
        .find(|(_, l)| words(l).iter().take(3).any(|w| *w == unit))
        .unwrap_or_else(|| panic!("no ranking row of {unit:?}:\n{text}"))
}

/// The words of a ranking row, after the frame's border: rank, overall, unit, final, …
fn words(line: &str) -> Vec<&str> {
    line.trim_start_matches(['│', ' '])
        .split([' ', '│'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// (unit, category rank, overall rank, final, band, 较上期) as the fixture's README has them,
/// in the order the view lists them: 县区 first (its first unit leads the agenda).
const LISTED: [(&str, &str, &str, &str, &str, &str); 6] = [
    ("甲县", "1", "1", "95.00", "好", "持平"),
    ("乙县", "2", "4", "88.00", "较好", "↑1"),
    ("丙县", "3", "6", "79.00", "一般", "↓1"),
    ("市发改局", "1", "2", "92.00", "好", "持平"),
    ("市交通局", "2", "3", "91.00", "好", "↑1"),
    ("市财政局", "3", "5", "85.00", "较好", "新"),
];

#[test]
fn the_ranking_is_listed_by_category_with_bands_and_changes_zh() {
    let mut m = meeting(Lang::Zh);
    results(&mut m.app, at(2));
    let s = shot(&mut m.app, at(2), (120, 30));
    insta::assert_snapshot!("series_results_zh_120x30", s);
    let (head, line) = line_of(&s, "总排名");
    for word in [
        "名次",
        "总排名",
        "单位",
        "最终",
        "等次",
        "较上期",
        "得分",
        "扣分",
    ] {
        assert!(line.contains(word), "the head has {word}: {line:?}");
    }
    let (county, _) = line_of(&s, "【县区】");
    let (dept, _) = line_of(&s, "【部门】");
    assert!(head < county && county < dept, "县区 then 部门:\n{s}");
    let mut last = county;
    for (i, (unit, cat, overall, f, band, change)) in LISTED.iter().enumerate() {
        let (row, line) = row_of(&s, unit);
        assert!(row > last, "{unit} is listed after the row before it:\n{s}");
        if i == 3 {
            assert!(row > dept, "部门's units under its heading");
        } else if i < 3 {
            assert!(row < dept, "县区's units above 部门's heading");
        }
        last = row;
        let w = words(line);
        assert_eq!(
            &w[..6],
            &[*cat, *overall, *unit, *f, *band, *change],
            "{unit}'s row: {line:?}"
        );
    }
}

#[test]
fn the_ranking_by_category_in_english() {
    let mut m = meeting(Lang::En);
    results(&mut m.app, at(2));
    let s = shot(&mut m.app, at(2), (120, 30));
    insta::assert_snapshot!("series_results_en_120x30", s);
    assert!(s.contains("[县区]") && s.contains("[部门]"), "{s}");
    let w = words(row_of(&s, "市财政局").1);
    assert_eq!(&w[..6], &["3", "5", "市财政局", "85.00", "较好", "new"]);
    let w = words(row_of(&s, "甲县").1);
    assert_eq!(w[5], "same", "甲县 kept its place in 县区: {w:?}");
}

#[test]
fn without_the_overall_rank_only_the_category_rank_is_shown() {
    let mut m = meeting_with(Lang::Zh, true, |p| {
        p["scoring"]["overall_rank"] = serde_json::Value::Bool(false);
    });
    results(&mut m.app, at(2));
    let s = shot(&mut m.app, at(2), (120, 30));
    assert!(!s.contains("总排名"), "no overall rank column:\n{s}");
    let w = words(row_of(&s, "市交通局").1);
    assert_eq!(&w[..5], &["2", "市交通局", "91.00", "好", "↑1"]);
    // The explanation says no overall rank either.
    press(&mut m.app, KeyCode::Down, at(2));
    let s = shot(&mut m.app, at(2), (120, 30));
    assert!(s.contains("类别：县区，第2名"), "{s}");
    assert!(!s.contains("总第4名"), "{s}");
}

#[test]
fn the_selection_the_explanation_and_the_sheet_follow_the_rows_as_listed() {
    let mut m = meeting(Lang::Zh);
    results(&mut m.app, at(2));
    for (i, (unit, cat, overall, ..)) in LISTED.iter().enumerate() {
        if i > 0 {
            press(&mut m.app, KeyCode::Down, at(2));
        }
        match m.app.mode() {
            Mode::Results { selected } => assert_eq!(*selected, i),
            _ => panic!("the results stay open"),
        }
        let s = shot(&mut m.app, at(2), (120, 30));
        // The explanation's first line is the selected unit's name, right of the table;
        // its category line names its ranks.
        let category = if i < 3 { "县区" } else { "部门" };
        let expect = format!("类别：{category}，第{cat}名，总第{overall}名");
        assert!(s.contains(&expect), "{unit}: {expect} explained:\n{s}");
        let (_, line) = row_of(&s, unit);
        assert!(
            s.lines().filter(|l| l.contains(unit)).count() >= 2,
            "{unit}: its row and the explanation's title ({line:?}):\n{s}"
        );
    }
    // Down at the last row stays there.
    press(&mut m.app, KeyCode::Down, at(2));
    assert!(matches!(m.app.mode(), Mode::Results { selected: 5 }));
    // Up twice: 丙县 is the fourth row listed (the third unit), not the ranking's third.
    press(&mut m.app, KeyCode::Up, at(2));
    press(&mut m.app, KeyCode::Up, at(2));
    press(&mut m.app, KeyCode::Up, at(2));
    press(&mut m.app, KeyCode::Char('s'), at(2));
    match m.app.mode() {
        Mode::Sheet(sheet) => assert_eq!(sheet.unit, "丙县", "s opens the row selected"),
        _ => panic!("s opens the score sheet"),
    }
}

#[test]
fn the_explanation_tells_the_round_before() {
    let mut m = meeting(Lang::Zh);
    results(&mut m.app, at(2));
    for _ in 0..2 {
        press(&mut m.app, KeyCode::Down, at(2));
    }
    let s = shot(&mut m.app, at(2), (120, 30));
    assert!(s.contains("等次：一般"), "{s}");
    assert!(s.contains("上期：县区第2名，89.00分；较上期 ↓1"), "{s}");
}

#[test]
fn b_shows_the_round_before_from_the_copy_and_back() {
    let mut m = meeting(Lang::Zh);
    results(&mut m.app, at(2));
    let before = shot(&mut m.app, at(2), (120, 30));
    assert!(before.contains("b 上期"), "the key bar offers b:\n{before}");
    press(&mut m.app, KeyCode::Down, at(2));
    press(&mut m.app, KeyCode::Char('b'), at(3));
    assert!(m.app.results_previous);
    assert!(
        matches!(m.app.mode(), Mode::Results { selected: 0 }),
        "the selection starts at the top"
    );
    let s = shot(&mut m.app, at(3), (120, 30));
    insta::assert_snapshot!("series_previous_zh_120x30", s);
    assert!(
        s.contains("上期排名（《一季度“比晒拼创”工作汇报会》，2026年3月30日，已公布）"),
        "{s}"
    );
    // The round before's own ranking: by category (this agenda's order), its finals with
    // its decimals, its bands; 市民政局 too, though not on this agenda.
    let (county, _) = line_of(&s, "【县区】");
    let (dept, _) = line_of(&s, "【部门】");
    assert!(county < dept);
    let expect = [
        ("甲县", ["1", "2", "甲县", "90.25", "好"]),
        ("丙县", ["2", "3", "丙县", "89.00", "较好"]),
        ("乙县", ["3", "4", "乙县", "87.10", "较好"]),
        ("市发改局", ["1", "1", "市发改局", "93.50", "好"]),
        ("市民政局", ["2", "5", "市民政局", "86.00", "较好"]),
        ("市交通局", ["3", "6", "市交通局", "80.00", "较好"]),
    ];
    let mut last = county;
    for (unit, cells) in expect {
        let (row, line) = row_of(&s, unit);
        assert!(row > last, "{unit} in order:\n{s}");
        last = row;
        assert_eq!(&words(line)[..5], &cells, "{line:?}");
    }
    assert!(
        !s.contains("市财政局"),
        "not ranked in the round before:\n{s}"
    );
    assert!(s.contains("b 本期"), "the key bar says b goes back:\n{s}");
    // s does nothing there (the sheets are this meeting's).
    press(&mut m.app, KeyCode::Char('s'), at(3));
    assert!(matches!(m.app.mode(), Mode::Results { .. }));
    // b again: this meeting's ranking.
    press(&mut m.app, KeyCode::Char('b'), at(4));
    assert!(!m.app.results_previous);
    let s = shot(&mut m.app, at(4), (120, 30));
    assert!(s.contains("总排名") && !s.contains("上期排名（"), "{s}");
    // Closing and opening the view again starts on this meeting's ranking.
    press(&mut m.app, KeyCode::Char('b'), at(5));
    press(&mut m.app, KeyCode::Esc, at(5));
    results(&mut m.app, at(6));
    assert!(!m.app.results_previous);
}

#[test]
fn b_without_a_round_before_says_so() {
    let mut m = meeting_with(Lang::Zh, false, |_| {});
    results(&mut m.app, at(2));
    let s = shot(&mut m.app, at(2), (120, 30));
    assert!(!s.contains("上期"), "no 上期 key, no 较上期 column:\n{s}");
    assert!(!s.contains("较上期"), "{s}");
    press(&mut m.app, KeyCode::Char('b'), at(3));
    assert!(!m.app.results_previous);
    let s = shot(&mut m.app, at(3), (120, 30));
    assert!(
        s.contains("这场会议没有上期测评结果"),
        "a notice says there is none:\n{s}"
    );
    assert!(s.contains("【县区】"), "the ranking stays on screen:\n{s}");
    // The stage key says so too, and nothing is written.
    let events = m.app.session().events().len();
    ctrl(&mut m.app, 'b', at(4));
    assert_eq!(m.app.session().events().len(), events);
    assert!(!m.app.session().state().stage.previous_shown);
}

#[test]
fn ctrl_b_puts_the_round_before_on_the_stage_and_takes_it_down() {
    let mut m = meeting(Lang::Zh);
    results(&mut m.app, at(2));
    ctrl(&mut m.app, 'b', at(3));
    let st = m.app.session().state();
    assert!(st.stage.previous_shown, "on the stage");
    let last = m.app.session().events().last().expect("an event");
    assert!(
        matches!(last.kind, EventKind::PreviousDisplayed { shown: true }),
        "{:?}",
        last.kind
    );
    // This meeting's results on the stage take it down (once published).
    assert!(m.app.execute(Command::Publish, at(4)));
    press(&mut m.app, KeyCode::Char('d'), at(5));
    let st = m.app.session().state();
    assert!(st.stage.results_shown && !st.stage.previous_shown);
    // And back: Ctrl+B shows it again (taking the results down), Ctrl+B takes it off.
    ctrl(&mut m.app, 'b', at(6));
    let st = m.app.session().state();
    assert!(st.stage.previous_shown && !st.stage.results_shown);
    ctrl(&mut m.app, 'b', at(7));
    assert!(!m.app.session().state().stage.previous_shown);
    let last = m.app.session().events().last().expect("an event");
    assert!(matches!(
        last.kind,
        EventKind::PreviousDisplayed { shown: false }
    ));
}

/// A round before that ranked nobody (its copy holds no unit): nothing to compare with, no
/// 较上期 column, and `b` says there is no earlier ranking rather than showing an empty one.
#[test]
fn a_round_before_without_results_adds_no_change_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("plan.json")).expect("the fixture's plan");
    let plan = planfile::parse("plan.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan;
    let writer = Writer::create(&dir.path().join("m.session.json"), plan, t0()).expect("session");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(writer, opts, t0());
    let Command::LinkPrevious {
        previous, tasks, ..
    } = link()
    else {
        unreachable!()
    };
    let empty = PreviousResults {
        published: false,
        decimals: 2,
        units: vec![],
    };
    assert!(app.execute(
        Command::LinkPrevious {
            previous,
            tasks,
            results: Some(Box::new(empty)),
        },
        t0()
    ));
    results(&mut app, at(1));
    let s = shot(&mut app, at(1), (120, 30));
    assert!(!s.contains("较上期"), "{s}");
    press(&mut app, KeyCode::Char('b'), at(2));
    assert!(!app.results_previous);
    let s = shot(&mut app, at(2), (120, 30));
    assert!(s.contains("这场会议没有上期测评结果"), "{s}");
}
