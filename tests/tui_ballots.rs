//! The console's ballots view ([F1], `Ctrl+B`), driven with keys on a real session in a
//! temporary folder: opening and closing voting (closing asks first) as events in the
//! session, voiding a ballot (asked first, naming its serial), issuing more ballots (a slips
//! document written beside the session, no code in the session, the journal or on screen),
//! the counts following a ballot cast meanwhile, the key in the help and the menu, the
//! notice of a plan without ballot groups, the grade tally per ballot group in the score
//! sheet, and snapshots in Chinese at 80×24 and 100×30 (ambiguous characters wide).

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::ballots::{Secret, code_from, hash, show_code};
use podium::session::{BallotGrade, BallotKey, Command, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{Action, App, Mode, Options};
use podium::tui::components::ballots::{Ask, Sub};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::Read;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const SALT: &str = "00112233445566778899aabbccddeeff";

fn plan_json(groups: bool) -> String {
    let scoring = if groups {
        r#"{"mode": "grades", "ballot_groups": [
            {"name": "领导", "weight": 60},
            {"name": "部门", "weight": 30},
            {"name": "乡镇", "weight": 10}]}"#
    } else {
        r#"{"mode": "grades"}"#
    };
    format!(
        r#"{{
  "version": 5,
  "title": "县委常委会扩大会议",
  "date": "2026-05-30",
  "start": "09:00",
  "talk_minutes": 8,
  "units": [{{"name": "甲镇"}}, {{"name": "乙镇"}}],
  "scoring": {scoring}
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
    dir: TempDir,
    path: PathBuf,
    app: App,
}

/// The code of the `i`th ballot issued by the test itself (not by the view).
fn code(i: u8) -> String {
    code_from(&[i.wrapping_mul(37).wrapping_add(5); 10])
}

/// A meeting whose plan has three ballot groups (or none), with 2 + 3 + 1 ballots issued
/// under codes the test knows.
fn meeting(groups: bool) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = planfile::parse("ballots.json", &plan_json(groups), Lang::Zh)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("常委会.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let mut app = App::new(
        writer,
        Options {
            lang: Lang::Zh,
            quiet: true,
            ambiguous: Ambiguous::Narrow,
        },
        at(0),
    );
    if groups {
        let mut i = 0u8;
        for (group, n) in [("领导", 2), ("部门", 3), ("乡镇", 1)] {
            let hashes = (0..n)
                .map(|_| {
                    i += 1;
                    hash(SALT, &code(i))
                })
                .collect();
            let issued = app.execute(
                Command::IssueBallots {
                    group: group.into(),
                    salt: SALT.into(),
                    hashes,
                },
                at(1),
            );
            assert!(issued, "{:?}", app.core.notice.as_ref().map(|n| &n.text));
        }
    }
    Meeting { dir, path, app }
}

fn key(app: &mut App, ev: KeyEvent, now: Time) {
    app.tick(now);
    app.on_key(ev, now);
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    key(app, KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn ch(app: &mut App, c: char, now: Time) {
    press(app, KeyCode::Char(c), now);
}

fn ctrl_b(app: &mut App, now: Time) {
    key(
        app,
        KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL),
        now,
    );
}

fn draw(app: &mut App, now: Time, (w, h): (u16, u16)) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

fn notice(app: &App) -> String {
    app.core
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn in_view(app: &App) -> bool {
    matches!(app.mode(), Mode::Ballots(_))
}

fn sub(app: &App) -> Option<Sub> {
    match app.mode() {
        Mode::Ballots(v) => v.sub.clone(),
        _ => None,
    }
}

/// Everything the session keeps on disk: the session file and its journal.
fn on_disk(path: &Path) -> String {
    let paths = podium::store::Paths::of(path);
    let mut out = std::fs::read_to_string(&paths.session).unwrap_or_default();
    out.push_str(&std::fs::read_to_string(&paths.journal).unwrap_or_default());
    out
}

fn cast(code: &str, grade: &str) -> Command {
    Command::CastBallot {
        ballot: BallotKey::Code(Secret(show_code(code))),
        grades: vec![
            BallotGrade {
                unit: "甲镇".into(),
                grade: grade.into(),
            },
            BallotGrade {
                unit: "乙镇".into(),
                grade: grade.into(),
            },
        ],
        scores: vec![],
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn without_ballot_groups_the_key_says_so_and_the_menu_leaves_it_out() {
    let mut m = meeting(false);
    let app = &mut m.app;
    assert!(!app.menu().contains(&Action::Ballots));
    ctrl_b(app, at(2));
    assert!(!in_view(app));
    assert!(
        notice(app).contains("scoring.ballot_groups"),
        "{}",
        notice(app)
    );
}

#[test]
fn the_key_is_in_the_help_and_the_menu() {
    let mut m = meeting(true);
    let app = &mut m.app;
    assert!(app.menu().contains(&Action::Ballots));
    ch(app, '?', at(2));
    let screen = draw(app, at(2), (100, 40));
    assert!(screen.contains("Ctrl+B"), "{screen}");
    assert!(screen.contains("测评票"), "{screen}");
    press(app, KeyCode::Esc, at(3));
    // The F10 menu lists it, and choosing it opens the view.
    press(app, KeyCode::F(10), at(3));
    let screen = draw(app, at(3), (100, 40));
    assert!(screen.contains("测评票"), "{screen}");
    let pos = app
        .menu()
        .iter()
        .position(|a| *a == Action::Ballots)
        .expect("in the menu");
    for _ in 0..pos {
        press(app, KeyCode::Down, at(3));
    }
    press(app, KeyCode::Enter, at(3));
    assert!(in_view(app), "the menu opens the view");
    press(app, KeyCode::Esc, at(4));
    assert!(
        matches!(app.mode(), Mode::Live),
        "Esc returns to the live view"
    );
}

#[test]
fn opening_and_closing_voting_are_events_and_closing_asks_first() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ctrl_b(app, at(2));
    assert!(in_view(app));
    assert!(draw(app, at(2), (100, 30)).contains("测评投票未开放"));
    ch(app, 'o', at(3));
    assert!(app.session().state().ballots.open);
    assert!(on_disk(&m.path).contains("voting_opened"));
    assert!(draw(app, at(3), (100, 30)).contains("测评投票进行中"));
    // Closing asks; No leaves it open.
    ch(app, 'c', at(4));
    assert_eq!(
        sub(app),
        Some(Sub::Confirm {
            ask: Ask::Close,
            yes: false
        })
    );
    assert!(draw(app, at(4), (100, 30)).contains("结束测评投票？"));
    ch(app, 'n', at(5));
    assert!(app.session().state().ballots.open);
    // Enter on the answer highlighted (No) does not close either.
    ch(app, 'c', at(5));
    press(app, KeyCode::Enter, at(5));
    assert!(app.session().state().ballots.open);
    assert!(!on_disk(&m.path).contains("voting_closed"));
    ch(app, 'c', at(6));
    ch(app, 'y', at(6));
    assert!(!app.session().state().ballots.open);
    assert!(on_disk(&m.path).contains("voting_closed"));
    assert!(in_view(app), "the view stays");
    // A ballot cast now is refused, and the refusal shows.
    let refused = app.execute(cast(&code(1), "优秀"), at(7));
    assert!(!refused);
    assert!(
        notice(app).contains("测评投票未开始或已结束"),
        "{}",
        notice(app)
    );
}

#[test]
fn voiding_asks_naming_the_serial() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ctrl_b(app, at(2));
    press(app, KeyCode::Down, at(2));
    ch(app, 'x', at(3));
    assert_eq!(
        sub(app),
        Some(Sub::Confirm {
            ask: Ask::Void("领导-002".into()),
            yes: false
        })
    );
    let screen = draw(app, at(3), (80, 24));
    assert!(screen.contains("作废测评票 领导-002？"), "{screen}");
    press(app, KeyCode::Esc, at(3));
    assert!(
        !app.session()
            .state()
            .ballots
            .get("领导-002")
            .unwrap()
            .voided
    );
    press(app, KeyCode::Delete, at(4));
    ch(app, 'y', at(4));
    assert!(
        app.session()
            .state()
            .ballots
            .get("领导-002")
            .unwrap()
            .voided
    );
    assert!(on_disk(&m.path).contains("ballot_voided"));
    // Voided: counted out of the total (5 valid of 6 issued).
    let screen = draw(app, at(5), (100, 30));
    assert!(
        screen.contains("已收 0 / 5（领导 0/1 · 部门 0/3 · 乡镇 0/1）"),
        "{screen}"
    );
    assert!(screen.contains("已作废"), "{screen}");
    // Voiding it again only says it is voided.
    ch(app, 'x', at(6));
    assert_eq!(sub(app), None);
    assert!(notice(app).contains("已作废"), "{}", notice(app));
}

#[test]
fn counts_follow_a_ballot_cast_meanwhile() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ctrl_b(app, at(2));
    ch(app, 'o', at(2));
    let before = draw(app, at(3), (100, 30));
    assert!(
        before.contains("已收 0 / 6（领导 0/2 · 部门 0/3 · 乡镇 0/1）"),
        "{before}"
    );
    // Ballots arrive (as the ballot page's would) while the view is open.
    assert!(app.execute(cast(&code(1), "优秀"), at(10)));
    assert!(app.execute(cast(&code(4), "良好"), at(11)));
    let after = draw(app, at(12), (100, 30));
    assert!(
        after.contains("已收 2 / 6（领导 1/2 · 部门 1/3 · 乡镇 0/1）"),
        "{after}"
    );
    assert!(after.contains("已提交"), "{after}");
    assert!(
        after.contains("09:00:10"),
        "the time of the last cast: {after}"
    );
    // A changed ballot is still one ballot.
    assert!(app.execute(cast(&code(1), "一般"), at(20)));
    let again = draw(app, at(21), (100, 30));
    assert!(again.contains("已收 2 / 6"), "{again}");
    assert!(again.contains("09:00:20"), "{again}");
    for c in (1..=6).map(code) {
        assert!(!again.contains(&c) && !again.contains(&show_code(&c)));
    }
}

/// The codes printed in a slips document (its links and readable codes).
fn codes_in_docx(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).expect("xml");
            text.push_str(&s);
        }
    }
    // The readable codes: ABCD-EFGH-JKLM-NPQR.
    let alphabet = podium::session::ballots::CODE_ALPHABET;
    let chars: Vec<char> = text.chars().collect();
    let mut codes = Vec::new();
    for w in chars.windows(19) {
        let shaped = w.iter().enumerate().all(|(i, c)| match i {
            4 | 9 | 14 => *c == '-',
            _ => c.is_ascii() && alphabet.contains(&(*c as u8)),
        });
        if shaped {
            let code: String = w.iter().filter(|c| **c != '-').collect();
            codes.push(code);
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn issuing_more_writes_slips_beside_the_session_and_no_code_anywhere_else() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ctrl_b(app, at(2));
    // On 领导-001: the form starts on its group; → goes to 部门.
    ch(app, 'i', at(3));
    assert!(matches!(sub(app), Some(Sub::Issue { group: 0, .. })));
    press(app, KeyCode::Right, at(3));
    // A bad count is said, nothing is issued.
    press(app, KeyCode::Enter, at(3));
    assert!(matches!(
        sub(app),
        Some(Sub::Issue {
            problem: Some(_),
            ..
        })
    ));
    assert!(draw(app, at(3), (80, 24)).contains("张数“”无效"));
    ch(app, '4', at(4));
    let form = draw(app, at(4), (80, 24));
    assert!(
        form.contains("增发测评票") && form.contains("◀ 部门 ▶"),
        "{form}"
    );
    press(app, KeyCode::Enter, at(4));
    assert_eq!(sub(app), None);
    let st = &app.session().state().ballots;
    assert_eq!(st.counts(Some("部门")).issued, 7);
    assert!(st.get("部门-004").is_some() && st.get("部门-007").is_some());
    // The slips are a new file beside the session, named for the group and serials.
    let file = m.dir.path().join("常委会-测评票-部门-004至007.docx");
    let text = notice(app);
    assert!(file.exists(), "{text}");
    assert!(text.contains("常委会-测评票-部门-004至007.docx"), "{text}");
    let bytes = std::fs::read(&file).expect("slips");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip (docx)");
    // No temporary file stays.
    let names: Vec<String> = std::fs::read_dir(m.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    // The codes are on the slips, and nowhere else: not in the session, the journal, the
    // screen or the notice.
    let codes = codes_in_docx(&bytes);
    assert_eq!(codes.len(), 4, "four new codes in the slips");
    let disk = on_disk(&m.path);
    let screen = draw(app, at(5), (100, 30));
    for c in &codes {
        for form in [c.clone(), show_code(c)] {
            assert!(!disk.contains(&form), "a code in the session");
            assert!(!screen.contains(&form), "a code on screen");
            assert!(!text.contains(&form), "a code in the notice");
        }
        // Each code opens its new ballot.
        let b = app.session().state().ballots.by_code(c).expect("issued");
        assert_eq!(b.group, "部门");
    }
    // Issuing again never replaces a file: the next batch has its own name.
    ch(app, 'i', at(6));
    ch(app, '1', at(6));
    press(app, KeyCode::Enter, at(6));
    assert!(
        m.dir
            .path()
            .join("常委会-测评票-领导-003至003.docx")
            .exists()
    );
    assert!(file.exists());
}

#[test]
fn the_grade_tally_in_the_sheet_says_its_group() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ch(app, 's', at(2));
    let screen = draw(app, at(2), (100, 30));
    assert!(screen.contains("领导·优秀"), "{screen}");
    assert!(screen.contains("部门·优秀"), "{screen}");
    // The first row: 领导·优秀.
    ch(app, '5', at(3));
    press(app, KeyCode::Enter, at(3));
    let grades = app.session().rules().grades.len();
    // Down to 部门's first grade (Enter moved one row already).
    for _ in 1..grades {
        press(app, KeyCode::Down, at(3));
    }
    ch(app, '7', at(4));
    press(app, KeyCode::Enter, at(4));
    let st = app.session().state();
    let tally = st.scores.group_grades.get("甲镇").expect("tallied");
    assert_eq!(tally.get("领导").map(|c| c[0]), Some(5));
    assert_eq!(tally.get("部门").map(|c| c[0]), Some(7));
    assert!(
        !st.scores.grades.contains_key("甲镇"),
        "no tally without a group"
    );
    let screen = draw(app, at(5), (100, 30));
    assert!(screen.contains("部门·优秀"), "{screen}");
}

#[test]
fn snapshots_of_the_view_in_chinese() {
    let mut m = meeting(true);
    let app = &mut m.app;
    ctrl_b(app, at(2));
    ch(app, 'o', at(2));
    assert!(app.execute(cast(&code(1), "优秀"), at(30)));
    assert!(app.execute(cast(&code(3), "良好"), at(45)));
    press(app, KeyCode::Down, at(50));
    press(app, KeyCode::Down, at(50));
    app.opts.ambiguous = Ambiguous::Wide;
    insta::assert_snapshot!("ballots_view_zh_100x30", draw(app, at(60), (100, 30)));
    insta::assert_snapshot!("ballots_view_zh_80x24", draw(app, at(60), (80, 24)));
    ch(app, 'x', at(61));
    insta::assert_snapshot!("ballots_void_zh_80x24", draw(app, at(61), (80, 24)));
}

#[test]
fn a_note_taker_has_not_the_view_the_host_only_key() {
    assert!(Action::Ballots.host_only());
}

#[test]
fn the_view_speaks_english_too() {
    let mut m = meeting(true);
    let app = &mut m.app;
    app.opts.lang = Lang::En;
    ctrl_b(app, at(2));
    let closed = draw(app, at(2), (100, 30));
    assert!(closed.contains("VOTING IS CLOSED"), "{closed}");
    assert!(
        closed.contains("Cast 0 / 6 (领导 0/2 · 部门 0/3 · 乡镇 0/1)"),
        "{closed}"
    );
    ch(app, 'o', at(3));
    let open = draw(app, at(3), (100, 30));
    assert!(open.contains("VOTING IS OPEN"), "{open}");
    assert!(open.contains("not cast"), "{open}");
    ch(app, 'x', at(4));
    let asked = draw(app, at(4), (100, 30));
    assert!(asked.contains("Void ballot 领导-001?"), "{asked}");
}
