//! A hostile user at the plan form (`podium plan`) and the stage display (`podium display`):
//! keys and pastes in any order at any terminal size, plans edited without a change, agenda
//! items of every kind on the projector.

mod common {
    pub mod screen;
}

use chrono::{FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::display::view::{self as stage, DisplayOptions};
use podium::planform::{PlanForm, Reply, view};
use podium::session::{Command, Session, Time};
use podium::strings::Lang;
use podium::text::Ambiguous;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::Path;

/// A small deterministic generator (no dependency, the same run every time).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PASTES: &[&str] = &[
    "序号\t汇报单位\t汇报人\t时长（分钟）\t类型\n1\t市财政局\t张三\t8\t汇报\n2\t市委书记讲话\t市委书记\t30\t讲话\n3\t安全生产\t\t\t书面通报\n",
    "讲话\n书面\n点评\n奇怪\n\n",
    "王明（市委书记）\n王强（市委常委、常务副市长）\n",
    "\"工作\n汇报会\"",
    "市财政局\t张三\t8\n城郊街道办事处\t李四\t6分钟\n",
    "\t\t\t\n\n",
    "",
    "姓名\t职务\t分组\t回避\n评委甲\t副市长\t领导\t市财政局\n",
];

fn random_key(rng: &mut Lcg) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let (code, mods) = match rng.below(30) {
        0 => (KeyCode::Char(' '), none),
        1 => (KeyCode::Left, none),
        2 => (KeyCode::Right, none),
        3 => (KeyCode::Up, none),
        4 => (KeyCode::Down, none),
        5 => (KeyCode::Tab, none),
        6 => (KeyCode::BackTab, KeyModifiers::SHIFT),
        7 => (KeyCode::Enter, none),
        8 => (KeyCode::Char('n'), KeyModifiers::CONTROL),
        9 => (KeyCode::Esc, none),
        10 => (KeyCode::Char('d'), KeyModifiers::CONTROL),
        11 => (KeyCode::Up, KeyModifiers::ALT),
        12 => (KeyCode::Down, KeyModifiers::ALT),
        13 => (KeyCode::Char('s'), KeyModifiers::CONTROL),
        14 => (KeyCode::Backspace, none),
        15 => (KeyCode::Delete, none),
        16 => (KeyCode::Home, none),
        17 => (KeyCode::End, none),
        18 => (KeyCode::PageUp, none),
        19 => (KeyCode::PageDown, none),
        20 => (KeyCode::Char('n'), none),
        21 => (KeyCode::Char('y'), none),
        22 => (KeyCode::Char('8'), none),
        23 => (KeyCode::Char('讲'), none),
        24 => (KeyCode::Char('话'), none),
        25 => (KeyCode::Char('、'), none),
        26 => (KeyCode::Char('（'), none),
        _ => (KeyCode::Char('汇'), none),
    };
    KeyEvent::new(code, mods)
}

#[test]
fn random_keys_and_pastes_at_any_size_never_panic_and_a_saved_plan_passes_check() {
    let sizes = [(1, 1), (20, 5), (40, 12), (100, 30), (200, 60)];
    for seed in 0..40u64 {
        let mut rng = Lcg(seed);
        let mut form = PlanForm::new(Lang::Zh, Some(Path::new("fuzz.json")));
        for _ in 0..400 {
            if rng.below(12) == 0 {
                let p = PASTES[rng.below(PASTES.len())];
                form.paste(p);
            } else {
                let key = random_key(&mut rng);
                match form.handle(key) {
                    Reply::Quit => break,
                    Reply::Stay => {}
                    Reply::Save { text, .. } => {
                        podium::planfile::parse("fuzz.json", &text, Lang::Zh).unwrap_or_else(|e| {
                            panic!(
                                "seed {seed}: the form saved a plan check refuses: {e:?}\n{text}"
                            )
                        });
                        form.saved(Path::new("fuzz.json").to_path_buf());
                    }
                }
            }
            let size = sizes[rng.below(sizes.len())];
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
            terminal
                .draw(|frame| view::draw(frame, &form, Ambiguous::Narrow))
                .expect("draw");
        }
    }
}

/// Opens `text` in the form as `podium plan edit` does, and saves it at once (Ctrl+S, then
/// Enter on the last step): what would be written.
fn edit_and_save(text: &str) -> (PlanForm, String) {
    let plan = podium::planfile::parse("plan.json", text, Lang::Zh)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .plan;
    let mut form = PlanForm::edit(Lang::Zh, &plan, Path::new("plan.json"));
    form.handle(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    match form.handle(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)) {
        Reply::Save { text: out, .. } => {
            let written = podium::planform::as_opened(Some(text.as_bytes()), out);
            (form, written)
        }
        other => panic!("no save: {other:?}; {:?}", form.issues),
    }
}

#[test]
fn a_sample_plan_saved_without_a_change_is_written_byte_for_byte_as_it_was() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let (_, written) = edit_and_save(&text);
        assert!(
            written == text,
            "{} was rewritten:\n{written}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 5, "the samples: {seen}");
    // A change is written, in the form's layout.
    let text = std::fs::read_to_string(format!("{dir}/suizhou-five-tasks.json")).expect("plan");
    let plan = podium::planfile::parse("p.json", &text, Lang::Zh)
        .expect("plan")
        .plan;
    let mut form = PlanForm::edit(Lang::Zh, &plan, Path::new("p.json"));
    form.handle(KeyEvent::new(KeyCode::Char('！'), KeyModifiers::NONE));
    form.handle(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let Reply::Save { text: out, .. } =
        form.handle(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL))
    else {
        panic!("no save");
    };
    let written = podium::planform::as_opened(Some(text.as_bytes()), out);
    assert!(written.contains("专题会！"), "{written}");
}

#[test]
fn attendees_the_form_cannot_split_back_are_kept_when_their_field_is_not_touched() {
    let text = r#"{"title": "T", "attendees": ["市委、市政府领导", "王强（市委常委", "张三, 李四"],
        "observers": ["A;B"], "units": [{"name": "甲"}, {"name": "乙", "kind": "speech"}],
        "scoring": {"mode": "none"}}"#;
    let (form, _) = edit_and_save(text);
    let plan = form.plan.expect("a plan");
    assert_eq!(
        plan.attendees,
        ["市委、市政府领导", "王强（市委常委", "张三, 李四"]
    );
    assert_eq!(plan.observers, ["A;B"]);
    // Once the host changes the field, it is read as typed (one name per separator).
    let plan = podium::planfile::parse("plan.json", text, Lang::Zh)
        .expect("plan")
        .plan;
    let mut form = PlanForm::edit(Lang::Zh, &plan, Path::new("plan.json"));
    let observers = podium::planform::state::MEETING
        .iter()
        .position(|c| c.key == "observers")
        .expect("observers");
    for _ in 0..observers {
        form.handle(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
    form.handle(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    assert_eq!(form.plan.expect("a plan").observers, ["A"]);
}

// ----- the stage display ---------------------------------------------------------------------

const LONG_SPEECH: &str = "市委书记在全市推进落实五重任务专题会暨第三季度工作汇报会上的讲话";

fn t0() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
}

fn stage_plan() -> podium::plan::Plan {
    let text = format!(
        r#"{{"version": 2, "title": "专题会", "units": [
            {{"name": "{LONG_SPEECH}", "kind": "speech", "presenter": "市委书记", "minutes": 0.05}},
            {{"name": "市财政局", "presenter": "张三", "minutes": 0.05}}],
            "scoring": {{"mode": "none"}}}}"#
    );
    podium::planfile::parse("stage.json", &text, Lang::Zh)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .plan
}

fn exec(s: &mut Session, command: Command, now: Time) {
    let events = s
        .decide(&command, now)
        .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    s.commit(events);
}

fn stage_text(s: &Session, (w, h): (u16, u16), clock_only: bool, now: Time) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    let opts = DisplayOptions {
        lang: Lang::Zh,
        ambiguous: Ambiguous::Narrow,
        clock_only,
    };
    stage::draw(&mut buf, area, s, opts, now);
    screen_text(&buf)
}

/// A speech has no timer on the stage: its title is all the room reads, and a long one is
/// wrapped over several rows instead of being cut short with “…” on a screen that has them.
#[test]
fn a_long_speech_title_is_wrapped_on_the_stage_not_cut() {
    let mut s = Session::new(stage_plan());
    exec(&mut s, Command::ToggleTalk, t0());
    let later = t0() + chrono::Duration::seconds(600);
    for size in [(40, 12), (60, 16), (100, 30)] {
        for clock_only in [false, true] {
            let text = stage_text(&s, size, clock_only, later);
            let joined: String = text.split_whitespace().collect();
            assert!(
                joined.contains(LONG_SPEECH) && !text.contains('…'),
                "{size:?} clock only {clock_only}:\n{text}"
            );
            let speaker = text.lines().any(|l| l.trim() == "市委书记");
            assert_eq!(speaker, !clock_only, "{size:?}:\n{text}");
        }
    }
    // Too few rows for all of it: cut on its last row, nothing drawn over another line.
    let text = stage_text(&s, (24, 4), false, later);
    assert!(text.contains('…'), "{text}");
}

/// A display on another machine that lost its host says so on its bottom row, instead of
/// running a stale clock as if it were live; back online, the line goes.
#[test]
fn a_remote_display_that_lost_the_host_says_so() {
    use podium::display::Source;
    use podium::net::client::{self, JoinSpec, LinkState};
    use podium::net::host::Server;
    use podium::net::wire::Role;
    use podium::store::Writer;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("stage.session.json");
    std::fs::write(
        dir.path().join("stage.session.join"),
        r#"{"code":"246802","meeting":"m-stage","scores":false}"#,
    )
    .expect("join file");
    let mut writer = Writer::create(&path, stage_plan(), t0()).expect("session");
    let mut server = Server::start("127.0.0.1:0", &path, &writer, podium::wallclock::now)
        .expect("server started");
    let spec = JoinSpec {
        addr: server.addrs[0].clone(),
        role: Role::Display,
        name: String::new(),
        client: "projector".into(),
        code: "246802".into(),
    };
    let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
    while !joining.is_finished() {
        server.pump(&mut writer, t0());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut link = joining.join().expect("thread").expect("joined");
    assert_eq!(Source::notice(&link, Lang::Zh), None, "online: no notice");
    // The host goes away (it quit, its laptop went to sleep, the Wi-Fi dropped).
    drop(server);
    let start = std::time::Instant::now();
    while link.state == LinkState::Online {
        Source::check(&mut link);
        assert!(start.elapsed().as_secs() < 30, "the loss was never noticed");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let line = Source::notice(&link, Lang::Zh).expect("a notice while offline");
    assert!(line.contains("重连"), "{line}");
    let en = Source::notice(&link, Lang::En).expect("a notice while offline");
    assert!(en.contains("reconnecting"), "{en}");
    // Whole on a 40-column screen.
    for l in [&line, &en] {
        assert!(podium::text::width(l, Ambiguous::Narrow) <= 40, "{l}");
    }
    // Drawn on the bottom row, over the meeting, inside the area.
    let area = Rect::new(1, 1, 60, 12);
    let mut buf = Buffer::empty(Rect::new(0, 0, 62, 14));
    let opts = DisplayOptions {
        lang: Lang::Zh,
        ambiguous: Ambiguous::Narrow,
        clock_only: false,
    };
    stage::draw(&mut buf, area, Source::session(&link), opts, t0());
    stage::draw_notice(&mut buf, area, &line, Ambiguous::Narrow);
    let text = screen_text(&buf);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[12].contains("重连"), "{text}");
    assert!(
        rows[13].trim().is_empty() && rows[0].trim().is_empty(),
        "{text}"
    );
}

/// A Chinese input method in its full-width mode types “　” for Space: on a unit's kind and on
/// the scoring mode it goes to the next one as Space does, never into the cell.
#[test]
fn the_full_width_space_of_an_input_method_switches_the_kind_and_the_mode() {
    let key = |form: &mut PlanForm, code: KeyCode| {
        form.handle(KeyEvent::new(code, KeyModifiers::NONE));
    };
    let mut form = PlanForm::new(Lang::Zh, Some(Path::new("plan.json")));
    for c in "会".chars() {
        key(&mut form, KeyCode::Char(c));
    }
    form.handle(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    for c in "市委书记讲话".chars() {
        key(&mut form, KeyCode::Char(c));
    }
    let kind = podium::planform::state::UNITS
        .iter()
        .position(|c| c.key == "kind")
        .expect("a kind column");
    for _ in 0..kind {
        key(&mut form, KeyCode::Tab);
    }
    key(&mut form, KeyCode::Char('\u{3000}'));
    assert_eq!(form.units[0].cells[kind], "讲话");
    let plan = form.plan.clone().expect("a plan");
    assert_eq!(plan.units[0].kind, Some(podium::plan::UnitKind::Speech));
    form.go_step(3);
    key(&mut form, KeyCode::Char('\u{3000}'));
    assert_eq!(form.mode, Some(podium::plan::ScoringMode::Grades));
}

/// The kind column holds one of five words: in English at 80 columns (the usual terminal)
/// each stands whole in the table, never “brief…” or “comme…”.
#[test]
fn every_kind_stands_whole_in_the_units_table_in_both_languages() {
    let text = r#"{"title": "T", "units": [{"name": "A", "kind": "briefing"},
        {"name": "B", "kind": "comments"}, {"name": "C", "kind": "written"},
        {"name": "D", "kind": "speech"}, {"name": "E"}], "scoring": {"mode": "none"}}"#;
    let plan = podium::planfile::parse("plan.json", text, Lang::En)
        .expect("plan")
        .plan;
    for (lang, words) in [
        (
            Lang::En,
            ["briefing", "comments", "written", "speech", "report"],
        ),
        (Lang::Zh, ["通报", "点评", "书面", "讲话", "汇报"]),
    ] {
        let mut form = PlanForm::edit(lang, &plan, Path::new("plan.json"));
        form.handle(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
        // The caret on the last row's name, not on a kind cell.
        form.handle(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        for size in [(80, 24), (100, 30)] {
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
            terminal
                .draw(|frame| view::draw(frame, &form, Ambiguous::Narrow))
                .expect("draw");
            let shown = screen_text(terminal.backend().buffer());
            for word in words {
                assert!(
                    shown.lines().any(|l| l.trim_end().ends_with(word)),
                    "{lang:?} {size:?}: {word}\n{shown}"
                );
            }
        }
    }
}

/// The check-and-save step lists every error left; when they do not fit (a pasted agenda of
/// 500 rows with a wrong kind in every eighth), its last row says how many lines are not
/// shown instead of ending mid-list as if that were all.
#[test]
fn the_last_step_says_how_many_lines_it_does_not_show() {
    let mut form = PlanForm::new(Lang::Zh, Some(Path::new("big.json")));
    form.handle(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::NONE));
    form.handle(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    let rows: String = (0..500)
        .map(|i| {
            let kind = if i % 8 == 7 { "奇怪" } else { "汇报" };
            format!("单位{i}\t张三\t8\t\t\t\t{kind}\n")
        })
        .collect();
    form.paste(&rows);
    assert_eq!(form.errors().count(), 62, "{:?}", form.issues.first());
    form.go_step(5);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, &form, Ambiguous::Narrow))
        .expect("draw");
    let shown = screen_text(terminal.backend().buffer());
    assert!(shown.contains("还有 62 处错误"), "{shown}");
    assert!(shown.contains("行未显示"), "{shown}");
    // Everything fits: no such line.
    let mut form = PlanForm::new(Lang::Zh, Some(Path::new("small.json")));
    form.go_step(5);
    terminal
        .draw(|frame| view::draw(frame, &form, Ambiguous::Narrow))
        .expect("draw");
    let shown = screen_text(terminal.backend().buffer());
    assert!(!shown.contains("未显示"), "{shown}");
}
