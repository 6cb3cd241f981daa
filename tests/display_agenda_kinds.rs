//! The stage display (`podium display`) with agenda items of every kind: a leader's speech and
//! the reviewers' comments show their title and speaker and no timer at all, however long they
//! run (the projector once showed “已超时” under 市委书记讲话); a written item shows 书面通报; a
//! briefing counts down like a talk; the results list 汇报单位 only, and a meeting that does
//! not score has none. The same for a display on another machine: the kind crosses the wire,
//! and a message from an older host, without it, reads as a unit's talk.
//!
//! As in tests/display_snapshots.rs, `display::view::draw` is drawn into a `Buffer` at a fixed
//! clock and read back as text; the plan is data/city-report.json with agenda items of the
//! other kinds put in.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::display::view::{self, DisplayOptions};
use podium::net::client::{self, JoinSpec, Link};
use podium::net::host::Server;
use podium::net::wire::{Message, Role};
use podium::plan::{Plan, UnitKind};
use podium::planfile;
use podium::session::{Command, ScoreEntry, Session, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const SMALL: (u16, u16) = (40, 12);
const MEDIUM: (u16, u16) = (100, 30);
const LARGE: (u16, u16) = (300, 80);

const BRIEFING: &str = "传达学习上级会议精神";
const WRITTEN: &str = "安全生产情况通报";
const COMMENTS: &str = "集中点评";
const SPEECH: &str = "市委书记讲话";
const REVIEWERS: [&str; 5] = ["常务副市长", "分管副市长", "人大代表", "党代表", "政协委员"];

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

/// data/city-report.json (seven 汇报单位 of 8 minutes) with, after the second unit, a
/// briefing of 5 minutes and a written item, and after the last unit the comments (a soft
/// limit of 20 minutes) and the 市委书记's speech (a soft limit of 30 minutes). `mode`, when
/// given, is the scoring mode (and the plan's own scoring rules are left out).
fn plan_text(mode: Option<&str>) -> String {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let units = v["units"].as_array_mut().expect("units");
    units.insert(
        2,
        serde_json::json!({"name": BRIEFING, "kind": "briefing", "minutes": 5, "presenter": "市委秘书长"}),
    );
    units.insert(3, serde_json::json!({"name": WRITTEN, "kind": "written"}));
    units.push(serde_json::json!({"name": COMMENTS, "kind": "comments", "minutes": 20}));
    units.push(serde_json::json!({"name": SPEECH, "kind": "speech", "minutes": 30, "presenter": "市委书记"}));
    if let Some(mode) = mode {
        v["scoring"] = serde_json::json!({"mode": mode});
    }
    serde_json::to_string_pretty(&v).expect("json")
}

fn plan(mode: Option<&str>) -> Plan {
    planfile::parse("kinds.json", &plan_text(mode), Lang::Zh)
        .unwrap_or_else(|e| panic!("plan invalid: {e:?}"))
        .plan
}

fn meeting() -> Session {
    Session::new(plan(None))
}

/// Carries out `command` at `now` as the console would; panics when it is refused.
fn exec(s: &mut Session, command: Command, now: Time) {
    let events = s
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    s.commit(events);
}

/// The item `unit` made current (nothing runs), at t0.
fn current(unit: &str) -> Session {
    let mut s = meeting();
    exec(&mut s, Command::SetCurrent { unit: unit.into() }, t0());
    s
}

/// The item `unit` made current and started at t0.
fn running(unit: &str) -> Session {
    let mut s = current(unit);
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

fn every_option() -> [DisplayOptions; 4] {
    [
        zh(),
        en(),
        DisplayOptions {
            ambiguous: Ambiguous::Wide,
            ..zh()
        },
        DisplayOptions {
            clock_only: true,
            ..zh()
        },
    ]
}

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

impl Shot {
    fn contains(&self, s: &str) -> bool {
        self.text.contains(s)
    }

    /// Cells of big digits: full blocks, or (wide ambiguous) blanks with a background colour.
    fn digit_cells(&self) -> usize {
        self.buf
            .content
            .iter()
            .filter(|c| c.symbol() == "█" || (c.symbol() == " " && c.bg != Color::Reset))
            .count()
    }
}

/// What a timer would put on the stage, in any form: big digits, a clock in small digits, a
/// phase in words, a limit, a progress bar, a warning colour, blinking.
fn assert_no_timer(shot: &Shot, what: &str) {
    assert_eq!(
        shot.digit_cells(),
        0,
        "{what}: big digits or a bar:\n{}",
        shot.text
    );
    assert!(
        !shot.text.chars().any(|c| c.is_ascii_digit()),
        "{what}: a clock in digits:\n{}",
        shot.text
    );
    for word in [
        "超时", "到时", "计时", "时限", "用时", "暂停", "overtime", "Overtime", "time", "Limit",
        "elapsed", "paused", "+",
    ] {
        assert!(
            !shot.contains(word),
            "{what}: “{word}” on the stage:\n{}",
            shot.text
        );
    }
    for cell in &shot.buf.content {
        assert!(
            !matches!(
                cell.fg,
                Color::Red | Color::LightRed | Color::Yellow | Color::LightYellow | Color::Green
            ),
            "{what}: a phase colour ({:?}) on “{}”:\n{}",
            cell.fg,
            cell.symbol(),
            shot.text
        );
        assert_eq!(
            cell.bg,
            Color::Reset,
            "{what}: a coloured background (a bar) on “{}”:\n{}",
            cell.symbol(),
            shot.text
        );
        assert!(
            !cell.modifier.contains(Modifier::SLOW_BLINK),
            "{what}: blinking:\n{}",
            shot.text
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A speech and the comments

#[test]
fn a_speech_shows_no_timer_however_long_it_runs() {
    let s = running(SPEECH);
    for opts in every_option() {
        for size in [SMALL, MEDIUM, LARGE] {
            let first = draw(&s, size, opts, t0());
            for seconds in [0, 1, 59, 10 * 60, 30 * 60, 31 * 60, 3 * 3600, 10 * 3600] {
                let shot = draw(&s, size, opts, at(seconds));
                let what = format!("the speech at {seconds} s, {size:?}, {opts:?}");
                assert_no_timer(&shot, &what);
                assert!(shot.contains(SPEECH), "{what}: its title:\n{}", shot.text);
                // Nothing on the stage changes with the time.
                assert_eq!(shot.text, first.text, "{what}");
                assert_eq!(shot.buf, first.buf, "{what}");
            }
        }
    }
    // The speaker, under the title (not with --clock-only, which shows the title alone).
    for size in [SMALL, MEDIUM, LARGE] {
        let shot = draw(&s, size, zh(), at(3 * 3600));
        let title = shot.text.lines().position(|l| l.contains(SPEECH));
        let speaker = shot.text.lines().position(|l| l.trim() == "市委书记");
        assert!(
            title.is_some() && speaker > title,
            "the speaker under the title at {size:?}:\n{}",
            shot.text
        );
    }
    insta::assert_snapshot!(
        "speech_three_hours_100x30",
        draw(&s, MEDIUM, zh(), at(3 * 3600)).text
    );
    insta::assert_snapshot!(
        "speech_three_hours_en_100x30",
        draw(&s, MEDIUM, en(), at(3 * 3600)).text
    );
}

#[test]
fn a_paused_speech_and_one_not_yet_begun_show_no_timer_either() {
    let mut paused = running(SPEECH);
    exec(&mut paused, Command::ToggleTalk, at(40 * 60));
    let pending = current(SPEECH);
    for opts in every_option() {
        for size in [SMALL, MEDIUM] {
            assert_no_timer(&draw(&paused, size, opts, at(50 * 60)), "a paused speech");
            let shot = draw(&pending, size, opts, at(5));
            assert_no_timer(&shot, "a speech not yet begun (its soft limit is 30 min)");
        }
    }
    // Before it begins: about to begin, not a unit about to report.
    let shot = draw(&pending, MEDIUM, zh(), t0());
    assert!(shot.contains("即将开始：市委书记讲话"), "{}", shot.text);
    assert!(!shot.contains("即将汇报"), "{}", shot.text);
    let shot = draw(&pending, MEDIUM, en(), t0());
    assert!(shot.contains("Up next: 市委书记讲话"), "{}", shot.text);
}

#[test]
fn the_comments_show_no_timer_and_the_next_item() {
    let s = running(COMMENTS);
    for opts in every_option() {
        for seconds in [0, 20 * 60, 2 * 3600] {
            let shot = draw(&s, MEDIUM, opts, at(seconds));
            assert_no_timer(&shot, &format!("the comments at {seconds} s, {opts:?}"));
            assert!(shot.contains(COMMENTS), "{}", shot.text);
        }
    }
    // The agenda item after them, whatever its kind.
    let shot = draw(&s, MEDIUM, zh(), at(2 * 3600));
    assert!(shot.contains("下一个：市委书记讲话"), "{}", shot.text);
}

// ---------------------------------------------------------------------------------------------
// A written item

#[test]
fn a_written_item_shows_its_title_and_written_announcement() {
    let s = current(WRITTEN);
    for opts in every_option() {
        for size in [SMALL, MEDIUM, LARGE] {
            let shot = draw(&s, size, opts, at(600));
            assert_no_timer(&shot, &format!("the written item, {size:?}, {opts:?}"));
            assert!(shot.contains(WRITTEN), "{}", shot.text);
            assert!(
                !shot.contains("即将"),
                "never about to begin:\n{}",
                shot.text
            );
        }
    }
    let shot = draw(&s, MEDIUM, zh(), at(600));
    insta::assert_snapshot!("written_100x30", shot.text);
    let title = shot.text.lines().position(|l| l.contains(WRITTEN));
    let label = shot.text.lines().position(|l| l.trim() == "书面通报");
    assert!(
        title.is_some() && label > title,
        "书面通报 under the title:\n{}",
        shot.text
    );
    let shot = draw(&s, MEDIUM, en(), at(600));
    assert!(shot.contains("Written announcement"), "{}", shot.text);
    // Announced with Space: done, and the next item (a 汇报单位) is up next with its countdown.
    let mut s = s;
    exec(&mut s, Command::ToggleTalk, at(600));
    let shot = draw(&s, MEDIUM, zh(), at(601));
    assert!(shot.contains("即将汇报：市发改局"), "{}", shot.text);
    assert!(shot.contains("时限 08:00"), "{}", shot.text);
}

#[test]
fn the_next_line_marks_a_written_item() {
    let s = running(BRIEFING);
    let shot = draw(&s, MEDIUM, zh(), at(10));
    assert!(
        shot.contains("下一个：安全生产情况通报（书面通报）"),
        "{}",
        shot.text
    );
    let shot = draw(&s, MEDIUM, en(), at(10));
    assert!(
        shot.contains("Next: 安全生产情况通报 (written announcement)"),
        "{}",
        shot.text
    );
}

// ---------------------------------------------------------------------------------------------
// A briefing

#[test]
fn a_briefing_counts_down_and_goes_over_time() {
    // Before it starts: its limit, and about to begin (not to report).
    let pending = current(BRIEFING);
    let shot = draw(&pending, MEDIUM, zh(), t0());
    assert!(
        shot.contains("即将开始：传达学习上级会议精神"),
        "{}",
        shot.text
    );
    assert!(shot.contains("时限 05:00"), "{}", shot.text);
    assert!(shot.digit_cells() > 0, "its limit in big digits");

    let s = running(BRIEFING);
    let shot = draw(&s, MEDIUM, zh(), at(100));
    assert!(shot.contains("计时中"), "{}", shot.text);
    assert!(shot.contains("市委秘书长"), "the presenter:\n{}", shot.text);
    assert!(shot.digit_cells() > 0, "a countdown:\n{}", shot.text);
    let shot = draw(&s, MEDIUM, zh(), at(270));
    assert!(shot.contains("即将到时"), "{}", shot.text);
    let shot = draw(&s, MEDIUM, zh(), at(400));
    insta::assert_snapshot!("briefing_overtime_100x30", shot.text);
    assert!(shot.contains("已超时"), "{}", shot.text);
    let red = shot
        .buf
        .content
        .iter()
        .any(|c| c.symbol() == "█" && c.fg == Color::Red);
    assert!(red, "red digits in overtime:\n{}", shot.text);
    let shot = draw(&s, MEDIUM, en(), at(400));
    assert!(shot.contains("overtime"), "{}", shot.text);
}

// ---------------------------------------------------------------------------------------------
// The results

/// Every 汇报单位 scored by every reviewer (a different total each), the meeting ended.
fn scored() -> Session {
    let mut s = meeting();
    exec(&mut s, Command::ToggleTalk, t0());
    exec(&mut s, Command::EndMeeting, at(300));
    let units: Vec<String> = s.state().reports().map(|u| u.name.clone()).collect();
    assert_eq!(units.len(), 7);
    let mut entries = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        for reviewer in REVIEWERS {
            for (criterion, points) in [("明职责", 25), ("对目标", 25), ("争一流", 38 - i as i64)]
            {
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
fn the_results_list_the_reports_only() {
    let mut s = scored();
    exec(&mut s, Command::Publish, at(500));
    exec(&mut s, Command::ShowResults { shown: true }, at(510));
    let shot = draw(&s, MEDIUM, zh(), at(515));
    assert_eq!(
        shot.text.matches("· · ·").count(),
        7,
        "seven places, one per 汇报单位:\n{}",
        shot.text
    );
    exec(&mut s, Command::RevealResults { places: 99 }, at(520));
    let shot = draw(&s, MEDIUM, zh(), at(530));
    insta::assert_snapshot!("results_reports_only_100x30", shot.text);
    for unit in s.state().reports() {
        assert!(shot.contains(&unit.name), "{}:\n{}", unit.name, shot.text);
    }
    for item in [BRIEFING, WRITTEN, COMMENTS, SPEECH] {
        assert!(!shot.contains(item), "{item} ranked:\n{}", shot.text);
    }
    assert!(shot.contains("第7名"), "{}", shot.text);
    assert!(!shot.contains("第8名"), "{}", shot.text);
    assert!(!shot.contains("缺评"), "{}", shot.text);
    assert_eq!(shot.text.matches("· · ·").count(), 0, "{}", shot.text);
}

#[test]
fn a_meeting_that_does_not_score_never_shows_results() {
    let mut s = Session::new(plan(Some("none")));
    exec(&mut s, Command::ToggleTalk, t0());
    exec(&mut s, Command::EndMeeting, at(300));
    assert!(s.decide(&Command::Publish, at(310)).is_err());
    // A session whose events say the results were published and shown (made under a plan that
    // scored, its scoring then set to none by hand): still no results on the stage.
    let mut scoring = scored();
    exec(&mut scoring, Command::Publish, at(500));
    exec(&mut scoring, Command::ShowResults { shown: true }, at(510));
    exec(&mut scoring, Command::RevealResults { places: 7 }, at(520));
    assert!(draw(&scoring, MEDIUM, zh(), at(530)).contains("测评结果"));
    let edited = Session::from_events(plan(Some("none")), scoring.events().to_vec());
    for opts in every_option() {
        let shot = draw(&edited, MEDIUM, opts, at(530));
        assert!(!shot.contains("测评结果"), "{}", shot.text);
        assert!(!shot.contains("Results"), "{}", shot.text);
        assert!(!shot.contains("第1名"), "{}", shot.text);
    }
    assert!(draw(&edited, MEDIUM, zh(), at(530)).contains("会议结束"));
}

// ---------------------------------------------------------------------------------------------
// A display on another machine

const CODE: &str = "135790";

/// A host serving the plan with every kind on 127.0.0.1, and a remote display joined to it.
fn served(dir: &std::path::Path) -> (Writer, Server, Link) {
    let path = dir.join("kinds.session.json");
    std::fs::write(
        dir.join("kinds.session.join"),
        format!(r#"{{"code":"{CODE}","meeting":"m-kinds","scores":false}}"#),
    )
    .expect("join file");
    let mut writer = Writer::create(&path, plan(None), t0()).expect("session created");
    let mut server = Server::start("127.0.0.1:0", &path, &writer, podium::wallclock::now)
        .expect("server started");
    let spec = JoinSpec {
        addr: server.addrs[0].clone(),
        role: Role::Display,
        name: String::new(),
        client: "projector".into(),
        code: CODE.into(),
    };
    let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
    while !joining.is_finished() {
        server.pump(&mut writer, t0());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let link = joining.join().expect("thread").expect("joined");
    (writer, server, link)
}

/// Pumps the host and the display's link until the display has every event of the host.
fn settle(writer: &mut Writer, server: &mut Server, link: &mut Link, now: Time) {
    let start = std::time::Instant::now();
    while link.session.last_seq() < writer.session().last_seq() {
        server.pump(writer, now);
        link.poll();
        assert!(start.elapsed().as_secs() < 20, "the display did not follow");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn kinds(s: &Session) -> Vec<(String, UnitKind)> {
    s.state()
        .units
        .iter()
        .map(|u| (u.name.clone(), u.kind))
        .collect()
}

#[test]
fn the_kind_crosses_the_wire_and_a_remote_display_shows_a_speech_as_the_local_one_does() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut writer, mut server, mut link) = served(dir.path());
    // The welcome: every item with its kind.
    assert_eq!(kinds(&link.session), kinds(writer.session()));
    assert_eq!(
        link.session.state().unit(SPEECH).map(|u| u.kind),
        Some(UnitKind::Speech)
    );
    assert_eq!(
        link.session.state().unit(WRITTEN).map(|u| u.kind),
        Some(UnitKind::Written)
    );
    // A leader who decides to speak on the spot: added live, the kind in the event.
    let add = Command::AddUnit {
        name: "市长讲话".into(),
        presenter: Some("市长".into()),
        role: None,
        minutes: Some(15.0),
        kind: Some(UnitKind::Speech),
    };
    writer.execute(&add, at(10)).expect("added");
    writer
        .execute(
            &Command::SetCurrent {
                unit: "市长讲话".into(),
            },
            at(20),
        )
        .expect("current");
    writer
        .execute(&Command::ToggleTalk, at(30))
        .expect("started");
    settle(&mut writer, &mut server, &mut link, at(30));
    assert_eq!(
        link.session.state().unit("市长讲话").map(|u| u.kind),
        Some(UnitKind::Speech)
    );
    assert_eq!(kinds(&link.session), kinds(writer.session()));
    // The remote display draws exactly what the local one draws, and no timer.
    for opts in every_option() {
        for seconds in [30, 15 * 60 + 30, 3 * 3600] {
            let remote = draw(&link.session, MEDIUM, opts, at(seconds));
            let local = draw(writer.session(), MEDIUM, opts, at(seconds));
            assert_eq!(remote.buf, local.buf, "at {seconds} s, {opts:?}");
            assert_no_timer(&remote, &format!("the remote speech at {seconds} s"));
            assert!(remote.contains("市长讲话"), "{}", remote.text);
        }
    }
    // And the speech written in the plan, over the wire too.
    writer.execute(&Command::Next, at(4 * 3600)).expect("next");
    writer
        .execute(
            &Command::SetCurrent {
                unit: SPEECH.into(),
            },
            at(4 * 3600),
        )
        .expect("current");
    writer
        .execute(&Command::ToggleTalk, at(4 * 3600))
        .expect("started");
    settle(&mut writer, &mut server, &mut link, at(4 * 3600));
    let later = at(8 * 3600);
    let remote = draw(&link.session, MEDIUM, zh(), later);
    assert_eq!(remote.buf, draw(writer.session(), MEDIUM, zh(), later).buf);
    assert_no_timer(&remote, "the plan's speech on the remote display");
}

/// A `welcome` and an `events` message as a host of protocol 2 sent them (docs/PROTOCOL.md
/// §7.2): no `kind` on the plan's units nor on `unit_added`. Every item is a unit's talk.
#[test]
fn a_message_without_kind_reads_as_a_units_talk() {
    let welcome = r#"{"t":"welcome","meeting":"9d3e0c55b1a24f6e8c7d0a13","scores":false,"now":"2026-05-30T09:00:00.000+08:00","plan":{"title":"汇报会","talk_minutes":8.0,"units":[{"name":"市财政局"},{"name":"市发改局"}],"reviewers":[{"name":"常务副市长"}]},"events":[{"seq":1,"at":"2026-05-30T09:00:00.000+08:00","type":"unit_added","unit":"市审计局","presenter":"局长","limit_seconds":300,"after":"市财政局"}]}"#;
    let events = r#"{"t":"events","events":[{"seq":2,"at":"2026-05-30T09:00:00.000+08:00","type":"unit_added","unit":"市委书记讲话","limit_seconds":480,"after":null},{"seq":3,"at":"2026-05-30T09:00:00.000+08:00","type":"current_changed","unit":"市委书记讲话"},{"seq":4,"at":"2026-05-30T09:00:00.000+08:00","type":"meeting_started"},{"seq":5,"at":"2026-05-30T09:00:00.000+08:00","part_of":4,"type":"talk_started","unit":"市委书记讲话"}],"now":"2026-05-30T09:00:00.000+08:00"}"#;
    let Message::Welcome {
        plan, events: e, ..
    } = serde_json::from_str::<Message>(welcome).expect("an old welcome reads")
    else {
        panic!("not a welcome");
    };
    let mut s = Session::from_events(*plan, e);
    let Message::Events { events: more, .. } =
        serde_json::from_str::<Message>(events).expect("old events read")
    else {
        panic!("not events");
    };
    s.commit(more);
    assert_eq!(
        kinds(&s),
        ["市财政局", "市审计局", "市发改局", "市委书记讲话"]
            .map(|n| (n.to_string(), UnitKind::Report))
            .to_vec()
    );
    // Named like a speech, but an older host said nothing of its kind: a unit's talk, with
    // its countdown, that runs over.
    let shot = draw(&s, MEDIUM, zh(), at(100));
    assert!(shot.contains("计时中"), "{}", shot.text);
    assert!(shot.digit_cells() > 0, "{}", shot.text);
    let shot = draw(&s, MEDIUM, zh(), at(600));
    assert!(shot.contains("已超时"), "{}", shot.text);
    // What this podium sends for a unit's talk is what the older one sent: no `kind`.
    let plain = serde_json::to_string(&Message::Events {
        events: s.events().to_vec(),
        now: t0(),
    })
    .expect("json");
    assert!(!plain.contains("\"kind\""), "{plain}");
}

// ---------------------------------------------------------------------------------------------
// Any size

/// The states without a timer: a speech running and not yet begun, a written item, the
/// comments under a stage message.
fn untimed_states() -> Vec<(&'static str, Session)> {
    let mut message = running(COMMENTS);
    exec(
        &mut message,
        Command::StageMessage {
            text: "请各位评委依次点评".into(),
        },
        at(5),
    );
    vec![
        ("speech", running(SPEECH)),
        ("speech pending", current(SPEECH)),
        ("written", current(WRITTEN)),
        ("comments with a message", message),
    ]
}

/// From 1×1 to 50×16, in an area set off from the buffer's corner: no panic, nothing drawn
/// outside the area, and the title on the screen from 40×12 on.
#[test]
fn untimed_items_draw_only_inside_their_area_at_any_size() {
    for (label, s) in untimed_states() {
        for opts in every_option() {
            for w in 1..=50u16 {
                for h in 1..=16u16 {
                    let area = Rect::new(1, 1, w, h);
                    let outer = Rect::new(0, 0, w + 3, h + 3);
                    let mut buf = Buffer::empty(outer);
                    view::draw(&mut buf, area, &s, opts, at(3 * 3600));
                    for y in outer.top()..outer.bottom() {
                        for x in outer.left()..outer.right() {
                            if !area.contains((x, y).into()) {
                                assert_eq!(
                                    buf[(x, y)],
                                    ratatui::buffer::Cell::EMPTY,
                                    "{label} {w}×{h} {opts:?}: ({x}, {y}) written"
                                );
                            }
                        }
                    }
                    if w >= 40 && h >= 12 {
                        let text = screen_text(&buf);
                        let name = s.state().current_unit().expect("current").name.clone();
                        assert!(text.contains(&name), "{label} {w}×{h} {opts:?}:\n{text}");
                    }
                }
            }
        }
    }
}
