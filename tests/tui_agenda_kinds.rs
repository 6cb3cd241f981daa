//! The host's console on an agenda of every kind (issue 16): a speech and the comments count
//! up and are never over time, a written item has no timer and is announced (never
//! skipped), a briefing counts down, only the 汇报单位 are scored; the `a` form asks the kind;
//! a meeting that does not score has no score keys; the remark form during the comments.
//! The app is driven with key events and a fixed clock on a real session in a temporary
//! folder, and the screen drawn into a `TestBackend`.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::plan::UnitKind;
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Command, Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{Action, App, Confirm, Mode, Options};
use podium::tui::components::keybar;
use podium::tui::editor::Target;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::path::PathBuf;
use tempfile::TempDir;

const BRIEFING: &str = "传达学习";
const FINANCE: &str = "市财政局";
const WRITTEN: &str = "安全通报";
const TAX: &str = "市税务局";
const COMMENTS: &str = "集中点评";
const SPEECH: &str = "书记讲话";

/// An agenda of every kind: a briefing, two unit talks around a written item, the
/// reviewers' comments and the secretary's speech (a soft limit of 20 minutes).
fn plan_json(mode: &str) -> String {
    format!(
        r#"{{
  "version": 2,
  "title": "全市工作汇报会",
  "date": "2026-05-30",
  "start": "09:00",
  "talk_minutes": 8,
  "warn_seconds": 60,
  "units": [
    {{"name": "{BRIEFING}", "kind": "briefing", "presenter": "办公室主任", "minutes": 5}},
    {{"name": "{FINANCE}", "presenter": "局长"}},
    {{"name": "{WRITTEN}", "kind": "written"}},
    {{"name": "{TAX}", "presenter": "局长"}},
    {{"name": "{COMMENTS}", "kind": "comments", "minutes": 15}},
    {{"name": "{SPEECH}", "kind": "speech", "presenter": "市委书记", "minutes": 20}}
  ],
  "reviewers": [{{"name": "常务副市长"}}, {{"name": "分管副市长"}}],
  "scoring": {{"mode": "{mode}", "criteria": [{{"name": "总分", "max": 100}}]}}
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

struct Meeting {
    _dir: TempDir,
    path: PathBuf,
    app: App,
}

fn meeting_in(lang: Lang, mode: &str) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = planfile::parse("kinds.json", &plan_json(mode), lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, at(0));
    Meeting {
        _dir: dir,
        path,
        app,
    }
}

fn meeting(lang: Lang) -> Meeting {
    meeting_in(lang, "points")
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.tick(now);
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ch(app: &mut App, c: char, now: Time) {
    press(app, KeyCode::Char(c), now);
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        ch(app, c, now);
    }
}

/// Makes `unit` current, as the host does: `Enter` on its row, then `y`.
fn make_current(app: &mut App, unit: &str, now: Time) {
    let pos = app.session().state().position(unit).expect("unit listed");
    app.selected = pos + 1;
    app.follow = false;
    press(app, KeyCode::Enter, now);
    assert!(
        matches!(
            app.mode(),
            Mode::Confirm {
                what: Confirm::SetCurrent(_),
                ..
            }
        ),
        "Enter asks before making {unit} current"
    );
    ch(app, 'y', now);
    assert_eq!(
        app.session().state().current.as_deref(),
        Some(unit),
        "{unit} is current"
    );
}

fn status(app: &App, unit: &str) -> Status {
    app.session()
        .state()
        .unit(unit)
        .expect("unit exists")
        .status()
}

struct Shot {
    text: String,
    buffer: Buffer,
}

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

impl Shot {
    /// The agenda's line of `unit` (the left panel's part of a row).
    fn agenda_line(&self, unit: &str) -> String {
        self.text
            .lines()
            .filter(|l| l.starts_with('│'))
            .map(|l| l.split("││").next().unwrap_or(l))
            .find(|l| l.contains(unit))
            .unwrap_or_else(|| panic!("{unit} not on screen:\n{}", self.text))
            .to_string()
    }

    /// Whether any cell is red or blinks.
    fn red_or_blinking(&self) -> bool {
        self.buffer.content().iter().any(|c| {
            c.modifier.contains(Modifier::SLOW_BLINK)
                || (c.symbol() == "█" && (c.fg == Color::Red || c.bg == Color::Red))
        })
    }

    /// The style of the first lit cell of the big digits.
    fn digit_fg(&self) -> Option<Color> {
        self.buffer
            .content()
            .iter()
            .find(|c| c.symbol() == "█")
            .map(|c| c.fg)
    }
}

/// The keys the key bar shows, as "KEY label".
fn bar(app: &App) -> Vec<String> {
    keybar::hints(app)
        .into_iter()
        .map(|(k, l, _)| format!("{k} {l}"))
        .collect()
}

fn record(m: &Meeting, now: Time) -> serde_json::Value {
    let session = store::read(&m.path).expect("session readable");
    serde_json::to_value(Record::of(&session, now)).expect("record as JSON")
}

fn record_unit(record: &serde_json::Value, unit: &str) -> serde_json::Value {
    record["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["name"] == unit)
        .unwrap_or_else(|| panic!("{unit} in the record"))
        .clone()
}

// ---------------------------------------------------------------------------------------------

#[test]
fn the_agenda_names_each_kind_and_its_plan() {
    for (lang, words) in [
        (Lang::Zh, ["通报", "书面", "点评", "讲话", "类型"]),
        (
            Lang::En,
            ["briefing", "written", "comments", "speech", "Kind"],
        ),
    ] {
        let mut m = meeting(lang);
        let s = shot(&mut m.app, at(0), (100, 30));
        let tag = if lang == Lang::Zh { "zh" } else { "en" };
        insta::assert_snapshot!(format!("agenda_kinds_{tag}_100x30"), s.text);
        for w in words {
            assert!(s.text.contains(w), "{w} on screen:\n{}", s.text);
        }
        // The agenda's title counts the 汇报单位 only.
        let title = match lang {
            Lang::Zh => "议程 6 项 · 汇报单位 2 个",
            Lang::En => "Agenda · 6 items · 2 units",
        };
        assert!(s.text.contains(title), "{}", s.text);
        // The kinds stand in their own column; a unit's talk leaves it empty.
        assert!(s.agenda_line(BRIEFING).contains(words[0]));
        assert!(s.agenda_line(WRITTEN).contains(words[1]));
        assert!(s.agenda_line(COMMENTS).contains(words[2]));
        assert!(s.agenda_line(SPEECH).contains(words[3]));
        for w in words {
            assert!(!s.agenda_line(FINANCE).contains(w), "{w} beside a unit");
        }
        // The planned end counts every kind: 5 + 8 + 0 (written) + 8 + 15 + 20 (soft limits)
        // minutes from 09:00.
        if lang == Lang::Zh {
            assert!(s.text.contains("计划结束 09:56"), "{}", s.text);
        }
        // At 80×24 the kinds stay (the presenter and the plan give way first).
        let small = shot(&mut m.app, at(0), (80, 24));
        insta::assert_snapshot!(format!("agenda_kinds_{tag}_80x24"), small.text);
        assert!(
            small.agenda_line(SPEECH).contains(words[3]),
            "{}",
            small.text
        );
        assert!(
            small.agenda_line(WRITTEN).contains(words[1]),
            "{}",
            small.text
        );
        // The plan column (it gives way first in English at 100 columns): the briefing's 5
        // minutes, a unit's 8, the soft limits, nothing for the written item.
        if lang == Lang::En {
            continue;
        }
        assert!(s.agenda_line(BRIEFING).contains("05:00"));
        assert!(s.agenda_line(FINANCE).contains("08:00"));
        assert!(s.agenda_line(COMMENTS).contains("15:00"));
        assert!(s.agenda_line(SPEECH).contains("20:00"));
        assert!(
            !s.agenda_line(WRITTEN).contains(":"),
            "{}",
            s.agenda_line(WRITTEN)
        );
        // `p` hides the soft limits with the rest of what the room should not see.
        m.app.perform(Action::Privacy, at(1));
        let s = shot(&mut m.app, at(1), (100, 30));
        assert!(!s.agenda_line(SPEECH).contains("20:00"), "{}", s.text);
        assert!(!s.agenda_line(COMMENTS).contains("15:00"), "{}", s.text);
        assert!(s.agenda_line(FINANCE).contains("08:00"));
    }
}

#[test]
fn a_speech_run_for_three_hours_counts_up_and_is_never_over_time() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = meeting(lang);
        make_current(&mut m.app, SPEECH, at(0));
        ch(&mut m.app, ' ', at(0));
        assert_eq!(status(&m.app, SPEECH), Status::Presenting);
        let (elapsed, forbidden): (&str, &[&str]) = match lang {
            Lang::Zh => ("已用时", &["已超时", "时间到", "即将到时", "+"]),
            Lang::En => ("elapsed", &["overtime", "time is up", "nearly up", "+"]),
        };
        for (t, clock) in [(30, "00:30"), (25 * 60, "25:00"), (3 * 3600, "3:00:00")] {
            let s = shot(&mut m.app, at(t), (100, 30));
            if t == 3 * 3600 {
                let tag = if lang == Lang::Zh { "zh" } else { "en" };
                insta::assert_snapshot!(format!("speech_three_hours_{tag}_100x30"), s.text);
            }
            assert!(
                s.text.contains(elapsed),
                "the label says elapsed:\n{}",
                s.text
            );
            let row = s.agenda_line(SPEECH);
            assert!(row.contains(clock), "the agenda shows {clock}: {row}");
            for f in forbidden {
                assert!(!row.contains(f), "{f} in the speech's row: {row}");
            }
            // The timer panel (right of the agenda) never says over time.
            for line in s.text.lines() {
                for f in forbidden.iter().filter(|f| **f != "+") {
                    assert!(!line.contains(f), "{f} on screen at {t} s:\n{}", s.text);
                }
            }
            assert!(
                !s.red_or_blinking(),
                "red or blinking at {t} s:\n{}",
                s.text
            );
            assert_ne!(s.digit_fg(), Some(Color::Yellow), "a warning colour");
            assert_eq!(
                m.app
                    .session()
                    .state()
                    .current_unit()
                    .map(|u| u.overtime_seconds(at(t))),
                Some(0)
            );
        }
        // `+` changes the soft limit (and `-` brings it back).
        ch(&mut m.app, '+', at(3 * 3600));
        let s = shot(&mut m.app, at(3 * 3600), (100, 30));
        assert!(s.text.contains("20:30"), "+ adds 30 s:\n{}", s.text);
        assert!(!s.red_or_blinking());
        ch(&mut m.app, '-', at(3 * 3600));
        // The soft limit is on a line of its own, for the host only: `p` hides it.
        let s = shot(&mut m.app, at(3 * 3600), (100, 30));
        assert!(
            s.text.contains("20:00"),
            "the soft limit shown:\n{}",
            s.text
        );
        m.app.perform(Action::Privacy, at(3 * 3600));
        let s = shot(&mut m.app, at(3 * 3600), (100, 30));
        assert!(
            !s.text.contains("20:00"),
            "p hides the soft limit:\n{}",
            s.text
        );
        // The record: no overtime either.
        ch(&mut m.app, 'n', at(3 * 3600 + 5));
        let rec = record(&m, at(3 * 3600 + 5));
        let speech = record_unit(&rec, SPEECH);
        assert_eq!(speech["overtime_seconds"], 0, "{speech}");
        assert_eq!(speech["kind"], "speech");
    }
}

#[test]
fn a_briefing_counts_down_and_goes_over_time_like_a_talk() {
    let mut m = meeting(Lang::Zh);
    ch(&mut m.app, ' ', at(0));
    assert_eq!(status(&m.app, BRIEFING), Status::Presenting);
    let s = shot(&mut m.app, at(6 * 60), (100, 30));
    assert!(s.text.contains("已超时"), "{}", s.text);
    assert!(s.agenda_line(BRIEFING).contains("+01:00"), "{}", s.text);
    assert!(s.text.contains("当前议程"), "{}", s.text);
}

#[test]
fn a_written_item_is_announced_with_space_or_n_and_never_skipped() {
    for key in [' ', 'n'] {
        let mut m = meeting(Lang::Zh);
        make_current(&mut m.app, WRITTEN, at(0));
        let s = shot(&mut m.app, at(0), (100, 30));
        insta::assert_snapshot!("written_current_zh_100x30", s.text);
        assert!(s.text.contains("书面通报，不计时"), "{}", s.text);
        assert!(s.text.contains("标记为已宣读"), "{}", s.text);
        assert!(s.digit_fg().is_none(), "no timer digits:\n{}", s.text);
        // The key bar: Space marks it announced; +/- (no limit to change) are not there.
        let keys = bar(&m.app);
        assert!(keys.iter().any(|k| k == "Space 宣读完毕"), "{keys:?}");
        assert!(
            !keys
                .iter()
                .any(|k| k.starts_with('+') || k.starts_with('-')),
            "{keys:?}"
        );
        // `+` is refused: nothing changes.
        ch(&mut m.app, '+', at(1));
        assert_eq!(
            m.app
                .session()
                .state()
                .unit(WRITTEN)
                .map(|u| u.adjust_seconds),
            Some(0)
        );
        ch(&mut m.app, key, at(2));
        assert_eq!(
            status(&m.app, WRITTEN),
            Status::Done,
            "{key:?} announces it"
        );
        assert_eq!(m.app.session().state().current.as_deref(), Some(TAX));
        let s = shot(&mut m.app, at(3), (100, 30));
        let row = s.agenda_line(WRITTEN);
        assert!(row.contains("已宣读"), "{row}");
        assert!(!row.contains("已跳过"), "{row}");
        assert!(
            !row.contains("00:00"),
            "no talk time on a written row: {row}"
        );
        let rec = record(&m, at(3));
        let written = record_unit(&rec, WRITTEN);
        assert_eq!(written["status"], "done", "{written}");
        assert_eq!(written["talk_seconds"], 0, "{written}");
        assert_eq!(written["kind"], "written");
    }
    // In English too.
    let mut m = meeting(Lang::En);
    make_current(&mut m.app, WRITTEN, at(0));
    assert!(bar(&m.app).iter().any(|k| k == "Space mark announced"));
    ch(&mut m.app, ' ', at(1));
    let s = shot(&mut m.app, at(1), (100, 30));
    assert!(s.agenda_line(WRITTEN).contains("announced"), "{}", s.text);
}

#[test]
fn the_a_form_asks_the_kind_and_adds_a_speech() {
    let mut m = meeting(Lang::Zh);
    ch(&mut m.app, 'a', at(0));
    let Mode::Form(form) = m.app.mode() else {
        panic!("a opens the form");
    };
    assert_eq!(form.item_kind, UnitKind::Report, "a unit's talk by default");
    assert_eq!(form.value(4), "8", "the plan's talk limit");
    type_text(&mut m.app, "副市长讲话", at(0));
    press(&mut m.app, KeyCode::Tab, at(0));
    // On the kind's field the key bar says how to change it; letters do nothing there.
    assert!(
        bar(&m.app).iter().any(|k| k == "←/→ 换类型"),
        "{:?}",
        bar(&m.app)
    );
    ch(&mut m.app, 'x', at(0));
    press(&mut m.app, KeyCode::Right, at(0));
    let s = shot(&mut m.app, at(0), (100, 30));
    insta::assert_snapshot!("add_speech_form_zh_100x30", s.text);
    assert!(s.text.contains("‹ 讲话 ›"), "{}", s.text);
    assert!(s.text.contains("建议时长（分钟，可空）"), "{}", s.text);
    let Mode::Form(form) = m.app.mode() else {
        panic!("the form stays");
    };
    assert_eq!(form.item_kind, UnitKind::Speech);
    assert_eq!(
        form.value(1),
        "‹ 讲话 ›",
        "typing does not go into the choice"
    );
    assert_eq!(form.value(4), "", "a speech's minutes are optional");
    press(&mut m.app, KeyCode::Tab, at(0));
    type_text(&mut m.app, "副市长", at(0));
    press(&mut m.app, KeyCode::Enter, at(1));
    assert!(matches!(m.app.mode(), Mode::Live), "Enter adds it");
    let st = m.app.session().state();
    let added = st.unit("副市长讲话").expect("the speech is on the agenda");
    assert_eq!(added.kind, UnitKind::Speech);
    assert_eq!(added.presenter.as_deref(), Some("副市长"));
    assert_eq!(added.soft_limit_seconds(), None);
    // The event that adds it carries the kind, on disk.
    let dir = m.path.parent().expect("folder");
    let journal: String = std::fs::read_dir(dir)
        .expect("folder readable")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    assert!(
        journal.contains(r#""kind":"speech""#),
        "the event carries the kind: {journal}"
    );

    // A written item: the minutes are not asked (typing there does nothing).
    ch(&mut m.app, 'a', at(2));
    type_text(&mut m.app, "书面材料", at(2));
    press(&mut m.app, KeyCode::Tab, at(2));
    for _ in 0..3 {
        press(&mut m.app, KeyCode::Right, at(2));
    }
    press(&mut m.app, KeyCode::Up, at(2));
    press(&mut m.app, KeyCode::Up, at(2));
    type_text(&mut m.app, "9", at(2));
    let Mode::Form(form) = m.app.mode() else {
        panic!("the form is open");
    };
    assert_eq!(form.item_kind, UnitKind::Written);
    assert_eq!(form.focus, 4, "Up from the kind wraps to the minutes");
    assert_eq!(form.value(4), "", "a written item's minutes take nothing");
    press(&mut m.app, KeyCode::Enter, at(3));
    let added = m.app.session().state().unit("书面材料").cloned();
    assert_eq!(
        added.map(|u| (u.kind, u.limit_seconds())),
        Some((UnitKind::Written, 0))
    );
    // ← goes back round to a unit's talk, whose minutes come back.
    ch(&mut m.app, 'a', at(4));
    press(&mut m.app, KeyCode::Tab, at(4));
    press(&mut m.app, KeyCode::Left, at(4));
    press(&mut m.app, KeyCode::Right, at(4));
    let Mode::Form(form) = m.app.mode() else {
        panic!("the form is open");
    };
    assert_eq!(form.item_kind, UnitKind::Report);
    assert_eq!(form.value(4), "8");
}

#[test]
fn a_meeting_that_does_not_score_has_no_score_keys() {
    let mut m = meeting_in(Lang::Zh, "none");
    let keys = bar(&m.app);
    assert!(!keys.iter().any(|k| k.starts_with("s ")), "{keys:?}");
    assert!(!keys.iter().any(|k| k.starts_with("v ")), "{keys:?}");
    let menu = m.app.menu();
    for a in [
        Action::ScoreSheet,
        Action::Results,
        Action::Publish,
        Action::Unlock,
    ] {
        assert!(!menu.contains(&a), "{a:?} in the menu");
    }
    for c in ['s', 'v'] {
        ch(&mut m.app, c, at(1));
        assert!(matches!(m.app.mode(), Mode::Live), "{c} opens nothing");
        let notice = m.app.core.notice.as_ref().map(|n| n.text.clone());
        assert_eq!(
            notice.as_deref(),
            Some("本场会议不评分（评分方式为“不评分”）")
        );
    }
    m.app.perform(Action::Publish, at(2));
    assert!(
        matches!(m.app.mode(), Mode::Live),
        "publishing asks nothing"
    );
    // A meeting that scores has them.
    let m = meeting(Lang::Zh);
    let keys = bar(&m.app);
    assert!(keys.iter().any(|k| k.starts_with("s ")), "{keys:?}");
    assert!(keys.iter().any(|k| k.starts_with("v ")), "{keys:?}");
    assert!(m.app.menu().contains(&Action::Results));
}

#[test]
fn the_end_of_a_meeting_that_does_not_score_stays_on_the_live_screen() {
    let mut m = meeting_in(Lang::En, "none");
    m.app.perform(Action::EndMeeting, at(1));
    // The question counts agenda items, not units: a speech is not a unit.
    let s = shot(&mut m.app, at(1), (100, 30));
    assert!(
        s.text.contains("6 agenda items have not taken place"),
        "{}",
        s.text
    );
    ch(&mut m.app, 'y', at(1));
    assert!(m.app.session().state().is_ended());
    assert!(matches!(m.app.mode(), Mode::Live), "no results to open");
    let line = podium::tui::components::notice::ended_line(&m.app);
    assert!(!line.contains("results"), "{line}");
    assert!(line.contains("Ctrl+E"), "{line}");
}

#[test]
fn the_score_sheet_goes_through_the_units_only() {
    let mut m = meeting(Lang::Zh);
    // On the briefing's row (current), `s` opens the next 汇报单位.
    ch(&mut m.app, 's', at(0));
    let Mode::Sheet(sheet) = m.app.mode() else {
        panic!("s opens the sheet");
    };
    assert_eq!(sheet.unit, FINANCE);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut m.app, KeyCode::PageDown, at(0));
        let Mode::Sheet(sheet) = m.app.mode() else {
            panic!("the sheet stays");
        };
        seen.push(sheet.unit.clone());
    }
    assert_eq!(seen, [TAX, FINANCE, TAX, FINANCE]);
    // On the speech's row: round to the first unit.
    press(&mut m.app, KeyCode::Esc, at(0));
    m.app.selected = 6;
    m.app.follow = false;
    ch(&mut m.app, 's', at(0));
    let Mode::Sheet(sheet) = m.app.mode() else {
        panic!("s opens the sheet");
    };
    assert_eq!(sheet.unit, FINANCE);
}

#[test]
fn the_results_and_their_places_count_the_units_only() {
    let mut m = meeting(Lang::Zh);
    for (unit, score) in [(FINANCE, 90), (TAX, 80)] {
        for reviewer in ["常务副市长", "分管副市长"] {
            let command = Command::SetScores {
                entries: vec![podium::session::ScoreEntry {
                    unit: unit.into(),
                    reviewer: reviewer.into(),
                    criterion: "总分".into(),
                    value: score * 10_000,
                }],
            };
            assert!(m.app.execute(command, at(1)), "score recorded");
        }
    }
    assert!(m.app.execute(Command::Publish, at(2)));
    ch(&mut m.app, 'v', at(3));
    assert!(matches!(m.app.mode(), Mode::Results { .. }));
    for _ in 0..5 {
        press(&mut m.app, KeyCode::Down, at(3));
    }
    assert!(
        matches!(m.app.mode(), Mode::Results { selected: 1 }),
        "the second of two units is the last place"
    );
    ch(&mut m.app, 'a', at(4));
    assert_eq!(
        m.app.session().state().stage.revealed,
        2,
        "two places to reveal"
    );
}

#[test]
fn during_the_comments_a_remark_goes_to_the_meeting_or_the_row_chosen() {
    let mut m = meeting(Lang::Zh);
    make_current(&mut m.app, COMMENTS, at(0));
    // Selection on the comments item itself: the meeting as a whole.
    m.app.follow = true;
    m.app.selected = 5;
    ch(&mut m.app, 'r', at(1));
    let target = |app: &App| match app.mode() {
        Mode::Editor(ed) => ed.target.clone(),
        _ => panic!("the editor is not open"),
    };
    assert!(
        matches!(target(&m.app), Target::New { unit: None, .. }),
        "{:?}",
        target(&m.app)
    );
    let s = shot(&mut m.app, at(1), (100, 30));
    assert!(s.text.contains("新总体点评"), "{}", s.text);
    // Any unit can be chosen: PgDn goes to the first, PgUp back to the meeting.
    press(&mut m.app, KeyCode::PageDown, at(1));
    assert!(matches!(target(&m.app), Target::New { unit: Some(u), .. } if u == BRIEFING));
    press(&mut m.app, KeyCode::PageDown, at(1));
    assert!(matches!(target(&m.app), Target::New { unit: Some(u), .. } if u == FINANCE));
    press(&mut m.app, KeyCode::PageUp, at(1));
    press(&mut m.app, KeyCode::PageUp, at(1));
    assert!(matches!(target(&m.app), Target::New { unit: None, .. }));
    press(&mut m.app, KeyCode::PageUp, at(1));
    assert!(matches!(target(&m.app), Target::New { unit: Some(u), .. } if u == SPEECH));
    press(&mut m.app, KeyCode::PageDown, at(1));
    press(&mut m.app, KeyCode::PageDown, at(1));
    press(&mut m.app, KeyCode::PageDown, at(1));
    type_text(&mut m.app, "财政工作扎实", at(1));
    press(&mut m.app, KeyCode::Enter, at(2));
    assert!(matches!(m.app.mode(), Mode::Live));
    let st = m.app.session().state();
    let saved = st.remarks.last().expect("remark saved");
    assert_eq!(saved.unit.as_deref(), Some(FINANCE));
    // Another row selected: the remark is on it.
    m.app.selected = 4;
    m.app.follow = false;
    ch(&mut m.app, 'r', at(3));
    assert!(matches!(target(&m.app), Target::New { unit: Some(u), .. } if u == TAX));
    press(&mut m.app, KeyCode::Esc, at(3));
    // Back on the comments' row: a remark on the meeting, and the panel shows those.
    m.app.selected = 5;
    ch(&mut m.app, 'r', at(4));
    type_text(&mut m.app, "总体很好", at(4));
    press(&mut m.app, KeyCode::Enter, at(4));
    let saved = m.app.session().state().remarks.last().cloned();
    assert_eq!(saved.map(|r| r.unit), Some(None), "on the meeting");
    let s = shot(&mut m.app, at(5), (100, 30));
    assert!(s.text.contains("总体点评 (1)"), "{}", s.text);
    assert!(s.text.contains("总体很好"), "{}", s.text);
    // Outside the comments, the current unit's row means that unit, as always.
    let mut m = meeting(Lang::Zh);
    ch(&mut m.app, 'r', at(0));
    assert!(matches!(target(&m.app), Target::New { unit: Some(u), .. } if u == BRIEFING));
}

#[test]
fn after_every_item_space_says_the_agenda_is_done() {
    let mut m = meeting(Lang::Zh);
    let mut t = 0;
    while let Some(cur) = m.app.session().state().current_unit().cloned() {
        ch(&mut m.app, ' ', at(t));
        if cur.kind != UnitKind::Written {
            ch(&mut m.app, 'n', at(t + 60));
        }
        t += 120;
        assert!(t < 20 * 120, "the agenda ends");
    }
    for unit in [BRIEFING, FINANCE, WRITTEN, TAX, COMMENTS, SPEECH] {
        assert_eq!(status(&m.app, unit), Status::Done, "{unit}");
    }
    ch(&mut m.app, ' ', at(t));
    let notice = m.app.core.notice.as_ref().map(|n| n.text.clone());
    assert!(
        notice
            .as_deref()
            .is_some_and(|n| n.starts_with("议程已全部完成。结束会议：")),
        "{notice:?}"
    );
}

#[test]
fn the_agenda_title_counts_units_and_says_no_units_when_there_are_none() {
    use podium::strings::console::agenda_title;
    assert_eq!(agenda_title(Lang::Zh, 7, 7), "议程 · 汇报单位 7 个");
    assert_eq!(agenda_title(Lang::Zh, 9, 7), "议程 9 项 · 汇报单位 7 个");
    assert_eq!(agenda_title(Lang::Zh, 2, 0), "议程 2 项");
    assert_eq!(agenda_title(Lang::En, 1, 1), "Agenda · 1 unit");
    assert_eq!(agenda_title(Lang::En, 2, 0), "Agenda · 2 items");
}

/// Enter on a speech's row asks to make it the current item, not the current 汇报单位.
#[test]
fn making_a_speech_current_does_not_call_it_a_unit() {
    for (lang, item, unit) in [
        (
            Lang::Zh,
            "将书记讲话设为当前议程？",
            "将市财政局设为当前汇报单位？",
        ),
        (
            Lang::En,
            "Make 书记讲话 the current item?",
            "Make 市财政局 the current unit?",
        ),
    ] {
        let mut m = meeting(lang);
        for (name, question) in [(SPEECH, item), (FINANCE, unit)] {
            let pos = m.app.session().state().position(name).expect("listed");
            m.app.selected = pos + 1;
            m.app.follow = false;
            press(&mut m.app, KeyCode::Enter, at(1));
            let s = shot(&mut m.app, at(1), (100, 30));
            assert!(s.text.contains(question), "{question}\n{}", s.text);
            press(&mut m.app, KeyCode::Esc, at(1));
        }
    }
}

/// `?` lists no scoring key in a meeting that does not score, and every one in a meeting that
/// does.
#[test]
fn the_help_of_a_meeting_that_does_not_score_lists_no_scoring_keys() {
    let scoring = [
        Action::ScoreSheet,
        Action::Results,
        Action::Publish,
        Action::ImportScores,
    ];
    for (mode, listed) in [("none", false), ("points", true)] {
        let mut m = meeting_in(Lang::Zh, mode);
        ch(&mut m.app, '?', at(1));
        assert!(
            matches!(m.app.mode(), Mode::Help { .. }),
            "? opens the help"
        );
        let s = shot(&mut m.app, at(1), (120, 40));
        for a in scoring {
            let label = podium::tui::keys::label(a, Lang::Zh);
            assert_eq!(
                s.text.contains(label),
                listed,
                "{mode}: {label}\n{}",
                s.text
            );
        }
        let remark = podium::tui::keys::label(Action::Remark, Lang::Zh);
        assert!(s.text.contains(remark), "{}", s.text);
    }
}
