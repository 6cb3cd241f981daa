//! The one table of keys (`tui::keys`): the defaults keep the keys the console always had,
//! the table agrees with itself, docs/KEYS.md shows it, and a venue's `keys.toml` remaps
//! actions without ever stopping the console.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::{Status, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{Action, App, Mode, Options};
use podium::tui::keys::{self, Keymap, Screen, TABLE};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashSet;
use tempfile::TempDir;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn plain(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Every action of the console (a new one must be added here and to the table).
const ALL: [Action; 37] = [
    Action::ToggleTalk,
    Action::Next,
    Action::SetCurrent,
    Action::Remark,
    Action::General,
    Action::Task,
    Action::Tasks,
    Action::TalkTasks,
    Action::ConvertTask,
    Action::Undo,
    Action::EditRemark,
    Action::DeleteRemark,
    Action::ToggleSkip,
    Action::AddTime,
    Action::TakeTime,
    Action::AddUnit,
    Action::UpdateUnit,
    Action::MoveUp,
    Action::MoveDown,
    Action::Help,
    Action::ScoreSheet,
    Action::Results,
    Action::Publish,
    Action::Unlock,
    Action::ImportScores,
    Action::Export,
    Action::StageMessage,
    Action::Privacy,
    Action::Connections,
    Action::EndMeeting,
    Action::Quit,
    Action::ResultsOnStage,
    Action::RevealNext,
    Action::RevealAll,
    Action::PreviousRanking,
    Action::PreviousOnStage,
    Action::Ballots,
];

#[test]
fn every_action_is_in_the_table_once_with_a_name_of_its_own() {
    for a in ALL {
        let n = TABLE.iter().filter(|b| b.action == a).count();
        assert_eq!(n, 1, "{a:?} is in the table {n} times");
    }
    assert_eq!(TABLE.len(), ALL.len());
    let names: HashSet<&str> = TABLE.iter().map(|b| b.name).collect();
    assert_eq!(names.len(), TABLE.len(), "two actions share a name");
    for b in TABLE {
        assert!(
            b.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{} is not snake_case",
            b.name
        );
    }
}

#[test]
fn no_key_stands_for_two_actions_on_one_screen() {
    for screen in [Screen::Live, Screen::Results] {
        let mut seen = HashSet::new();
        for b in TABLE.iter().filter(|b| b.screens.contains(&screen)) {
            for k in b.keys.iter().chain(b.keys.iter().flat_map(|k| k.aliases())) {
                assert!(seen.insert(*k), "{k:?} twice on {screen:?}");
            }
        }
    }
}

/// The live screen's keys as `App::action_for` matched them before the table.
#[test]
fn the_defaults_are_the_keys_the_console_always_had() {
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let ctrl = KeyModifiers::CONTROL;
    let cases = [
        (key(KeyCode::Char(' '), none), Some(Action::ToggleTalk)),
        (plain('\u{3000}'), Some(Action::ToggleTalk)),
        (key(KeyCode::F(5), none), Some(Action::ToggleTalk)),
        (plain('n'), Some(Action::Next)),
        (key(KeyCode::Char('N'), shift), Some(Action::Next)),
        (key(KeyCode::F(6), none), Some(Action::Next)),
        (key(KeyCode::Enter, none), Some(Action::SetCurrent)),
        (plain('r'), Some(Action::Remark)),
        (key(KeyCode::F(2), none), Some(Action::Remark)),
        (plain('g'), Some(Action::General)),
        (key(KeyCode::F(3), none), Some(Action::General)),
        (plain('t'), Some(Action::Task)),
        (key(KeyCode::F(4), none), Some(Action::Task)),
        (plain('l'), Some(Action::Tasks)),
        (plain('k'), Some(Action::TalkTasks)),
        (key(KeyCode::Char('t'), ctrl), Some(Action::ConvertTask)),
        (plain('u'), Some(Action::Undo)),
        (key(KeyCode::F(7), none), Some(Action::Undo)),
        (plain('e'), Some(Action::EditRemark)),
        (key(KeyCode::Delete, none), Some(Action::DeleteRemark)),
        (plain('x'), Some(Action::ToggleSkip)),
        (plain('+'), Some(Action::AddTime)),
        (plain('＋'), Some(Action::AddTime)),
        (plain('='), Some(Action::AddTime)),
        (plain('-'), Some(Action::TakeTime)),
        (plain('－'), Some(Action::TakeTime)),
        (plain('_'), Some(Action::TakeTime)),
        (plain('a'), Some(Action::AddUnit)),
        (plain('o'), Some(Action::UpdateUnit)),
        (key(KeyCode::Up, shift), Some(Action::MoveUp)),
        (key(KeyCode::Down, shift), Some(Action::MoveDown)),
        (key(KeyCode::Up, none), None),
        (plain('?'), Some(Action::Help)),
        (plain('？'), Some(Action::Help)),
        (key(KeyCode::F(1), none), Some(Action::Help)),
        (plain('q'), Some(Action::Quit)),
        (key(KeyCode::Char('Q'), shift), Some(Action::Quit)),
        (plain('s'), Some(Action::ScoreSheet)),
        (plain('v'), Some(Action::Results)),
        (plain('m'), Some(Action::StageMessage)),
        (key(KeyCode::F(9), none), Some(Action::StageMessage)),
        (plain('p'), Some(Action::Privacy)),
        (key(KeyCode::F(8), none), Some(Action::Privacy)),
        (plain('c'), Some(Action::Connections)),
        (key(KeyCode::Char('o'), ctrl), Some(Action::ImportScores)),
        (key(KeyCode::Char('O'), ctrl), Some(Action::ImportScores)),
        (key(KeyCode::Char('e'), ctrl), Some(Action::Export)),
        (key(KeyCode::Char('p'), ctrl), None),
        (key(KeyCode::Char('n'), ctrl), None),
        (key(KeyCode::F(10), none), None),
        (key(KeyCode::Tab, none), None),
        (key(KeyCode::Esc, none), None),
        (key(KeyCode::PageDown, none), None),
        (plain('ｑ'), None),
    ];
    for (ev, want) in cases {
        assert_eq!(App::action_for(&ev), want, "{ev:?}");
    }
    let results = Keymap::default();
    for (ev, want) in [
        (key(KeyCode::Char('p'), ctrl), Some(Action::Publish)),
        (key(KeyCode::Char('u'), ctrl), Some(Action::Unlock)),
        (key(KeyCode::Char('e'), ctrl), Some(Action::Export)),
        (key(KeyCode::Char('o'), ctrl), Some(Action::ImportScores)),
        (plain('d'), Some(Action::ResultsOnStage)),
        (key(KeyCode::Char('D'), shift), Some(Action::ResultsOnStage)),
        (plain(' '), Some(Action::RevealNext)),
        (plain('\u{3000}'), Some(Action::RevealNext)),
        (plain('a'), Some(Action::RevealAll)),
        (plain('s'), None),
        (plain('v'), None),
    ] {
        assert_eq!(results.action(Screen::Results, &ev), want, "{ev:?}");
    }
}

#[test]
fn the_menu_lists_what_it_always_listed() {
    let host = keys::menu(false);
    assert_eq!(host.len(), 32);
    assert_eq!(host.first(), Some(&Action::ToggleTalk));
    assert_eq!(host.last(), Some(&Action::Quit));
    let note_taker = keys::menu(true);
    for a in &note_taker {
        assert!(!a.host_only() && *a != Action::Connections, "{a:?}");
    }
    assert!(note_taker.contains(&Action::Remark));
    assert!(note_taker.contains(&Action::Privacy));
    // The task ledger is the note-takers' too (progress on the spot).
    for a in [
        Action::Task,
        Action::Tasks,
        Action::TalkTasks,
        Action::ConvertTask,
    ] {
        assert!(note_taker.contains(&a), "{a:?}");
    }
}

#[test]
fn help_and_menu_write_the_keys_of_the_table() {
    let k = Keymap::default();
    assert_eq!(k.text(Action::ToggleTalk), "Space F5");
    assert_eq!(k.text(Action::Quit), "q Ctrl+C");
    assert_eq!(k.text(Action::EndMeeting), "F10 ▸");
    assert_eq!(k.text(Action::MoveUp), "Shift+↑");
    assert_eq!(k.text(Action::Publish), "Ctrl+P");
    assert_eq!(k.bar_key(Action::DeleteRemark).as_deref(), Some("Del"));
}

#[test]
fn docs_keys_md_shows_the_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/KEYS.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let want = keys::markdown();
    let found = keys::docs_table(&doc).unwrap_or("");
    assert!(
        found.trim() == want.trim(),
        "docs/KEYS.md and the table of keys (src/tui/keys/) disagree. Paste this between\n{}\nand\n{}\nin docs/KEYS.md:\n\n{}",
        keys::DOCS_BEGIN,
        keys::DOCS_END,
        want
    );
}

/// The docs' table read on its own, not through `keys::markdown`: one row for each action of
/// the table and each fixed key, with every default key of that row, and no other row.
#[test]
fn docs_keys_md_lists_every_binding_with_its_keys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/KEYS.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let table = keys::docs_table(&doc).unwrap_or("");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip(2)
        .map(|line| {
            line.trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect()
        })
        .collect();
    assert_eq!(
        rows.len(),
        TABLE.len() + keys::FIXED.len(),
        "docs/KEYS.md has {} rows of keys",
        rows.len()
    );
    let keys_of = |row: &[&str]| format!("{} {}", row[1], row[2]);
    for b in TABLE {
        let name = format!("`{}`", b.name);
        let row = rows
            .iter()
            .find(|r| r.len() == 6 && r[5] == name)
            .unwrap_or_else(|| panic!("docs/KEYS.md has no row for {}", b.name));
        assert_eq!(row[0], b.label.en, "{}", b.name);
        match b.keys.split_first() {
            Some((first, rest)) => {
                assert_eq!(row[1], format!("`{}`", first.label()), "{}", b.name);
                for k in rest.iter().chain(b.also) {
                    let want = format!("`{}`", k.label());
                    assert!(
                        row[2].split(", ").any(|k| k == want),
                        "{}: {want} missing in docs/KEYS.md",
                        b.name
                    );
                }
            }
            None => assert!(row[1].contains("F10"), "{}", b.name),
        }
    }
    // The keys the issue found missing: m/F9, p/F8 and the results view's reveal keys.
    for (name, want) in [
        ("stage_message", ["`m`", "`F9`"]),
        ("privacy", ["`p`", "`F8`"]),
        ("reveal_next", ["`Space`", "results"]),
        ("reveal_all", ["`a`", "results"]),
    ] {
        let row = rows
            .iter()
            .find(|r| r.len() == 6 && r[5] == format!("`{name}`"))
            .unwrap_or_else(|| panic!("docs/KEYS.md has no row for {name}"));
        for w in want {
            assert!(row.join(" ").contains(w), "{name}: {w} missing: {row:?}");
        }
    }
    for f in keys::FIXED {
        let row = rows
            .iter()
            .find(|r| r.len() == 6 && r[0] == f.label.en && r[5] == "(fixed)")
            .unwrap_or_else(|| panic!("docs/KEYS.md has no row for {}", f.label.en));
        for k in f.keys {
            assert!(
                keys_of(row).contains(&format!("`{k}`")),
                "{}: `{k}` missing in docs/KEYS.md",
                f.label.en
            );
        }
    }
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

/// A fresh session of data/city-report.json (7 units), in English.
fn meeting() -> (TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, Lang::En)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let options = Options {
        lang: Lang::En,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    (dir, App::new(writer, options, at(0)))
}

fn press(app: &mut App, code: KeyCode, now: Time) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn screen(app: &mut App, now: Time, (w, h): (u16, u16)) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

fn current(app: &App) -> (Option<String>, Option<Status>) {
    let st = app.session().state();
    (st.current.clone(), st.current_unit().map(|u| u.status()))
}

/// A presenter's clicker: `PgDn` ends the talk, `b` (and `F5`) start and pause it.
const CLICKER: &str = "[keys]\nnext = [\"PageDown\", \"n\"]\nstart_pause = [\"F5\", \"b\"]\n";

#[test]
fn a_clicker_s_page_down_moves_to_the_next_unit() {
    let (k, problems) = keys::parse(CLICKER, "keys.toml", Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    let (_dir, mut app) = meeting();
    app.use_keys(k, &[]);
    let (first, _) = current(&app);
    press(&mut app, KeyCode::Char('b'), at(1));
    assert_eq!(current(&app), (first.clone(), Some(Status::Presenting)));
    // Space is not the talk's key any more.
    press(&mut app, KeyCode::Char(' '), at(2));
    assert_eq!(current(&app).1, Some(Status::Presenting));
    press(&mut app, KeyCode::F(5), at(3));
    assert_eq!(current(&app).1, Some(Status::Paused));
    press(&mut app, KeyCode::PageDown, at(10));
    let (second, _) = current(&app);
    assert!(
        second.is_some() && second != first,
        "{first:?} then {second:?}"
    );
    assert!(matches!(app.mode(), Mode::Live));
    // The key bar and the help show the keys in use.
    let text = screen(&mut app, at(11), (120, 36));
    let bar = text.lines().rev().nth(1).unwrap_or_default();
    assert!(bar.contains(" PgDn ") && bar.contains(" F5 "), "{bar:?}");
    press(&mut app, KeyCode::Char('?'), at(12));
    let text = screen(&mut app, at(12), (120, 36));
    assert!(text.contains("PgDn n"), "{text}");
    assert!(text.contains("F5 b"), "{text}");
    assert!(!text.contains("Space F5"), "{text}");
    // The menu too.
    press(&mut app, KeyCode::Esc, at(13));
    press(&mut app, KeyCode::F(10), at(13));
    let text = screen(&mut app, at(13), (120, 36));
    assert!(text.contains("PgDn n"), "{text}");
}

#[test]
fn an_unknown_action_on_line_3_is_named_and_the_defaults_still_work() {
    let file = "# the hall's clicker\n[keys]\nnxet = [\"PageDown\"]\nundo = [\"F7\"]\n";
    let (k, problems) = keys::parse(file, "keys.toml", Lang::En);
    assert_eq!(
        problems,
        vec![
            "Key file keys.toml, line 3: there is no action named nxet; \
             the default keys are used for it"
                .to_string()
        ]
    );
    let (_dir, mut app) = meeting();
    app.use_keys(k, &problems);
    let notice = app
        .core
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("line 3"), "{notice}");
    let text = screen(&mut app, at(0), (120, 36));
    assert!(text.contains("keys.toml, line 3"), "{text}");
    // The defaults work: Space starts the talk, n moves on; u is no longer undo.
    let (first, _) = current(&app);
    press(&mut app, KeyCode::Char(' '), at(1));
    assert_eq!(current(&app).1, Some(Status::Presenting));
    press(&mut app, KeyCode::Char('n'), at(5));
    assert_ne!(current(&app).0, first);
    // PageDown still moves the selection only.
    let before = current(&app);
    press(&mut app, KeyCode::PageDown, at(6));
    assert_eq!(current(&app), before);
}

#[test]
fn every_bad_entry_is_named_by_its_line_and_keeps_its_defaults() {
    let file = "[keys]\n\
                next = [\"r\"]\n\
                help = [\"Esc\"]\n\
                quit = [\"Hyper+Q\"]\n\
                undo = 5\n\
                results = [\"PageUp\"]\n";
    let (k, problems) = keys::parse(file, "keys.toml", Lang::En);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(
        problems[0].contains("line 2") && problems[0].contains("remark"),
        "{problems:#?}"
    );
    assert!(
        problems[1].contains("line 3") && problems[1].contains("Esc"),
        "{problems:#?}"
    );
    assert!(
        problems[2].contains("line 4") && problems[2].contains("Hyper+Q"),
        "{problems:#?}"
    );
    assert!(problems[3].contains("line 5"), "{problems:#?}");
    let d = Keymap::default();
    for a in [Action::Next, Action::Help, Action::Quit, Action::Undo] {
        assert_eq!(k.keys(a), d.keys(a), "{a:?}");
    }
    assert_eq!(k.text(Action::Results), "PgUp");

    // Not TOML at all: the line of the mistake, every default.
    let (k, problems) = keys::parse("[keys]\nnext = [\"n\"\n", "keys.toml", Lang::En);
    assert_eq!(k, Keymap::default());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("is not valid TOML"), "{problems:?}");
    // In Chinese too.
    let (_, problems) = keys::parse("[keys]\n\nfoo = [\"x\"]\n", "keys.toml", Lang::Zh);
    assert!(problems[0].contains("第 3 行"), "{problems:?}");
}

#[test]
fn the_key_file_comes_from_podium_keys_or_the_configuration_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("venue.toml");
    std::fs::write(&path, CLICKER).expect("written");
    // SAFETY: no other test of this file reads or writes the environment.
    unsafe { std::env::set_var("PODIUM_KEYS", &path) };
    assert_eq!(keys::file().as_deref(), Some(path.as_path()));
    let (k, problems) = keys::load(Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(k.text(Action::Next), "PgDn n");
    // A file asked for by name that is not there is said; the defaults are used.
    let missing = dir.path().join("missing.toml");
    unsafe { std::env::set_var("PODIUM_KEYS", &missing) };
    let (k, problems) = keys::load(Lang::En);
    assert_eq!(k, Keymap::default());
    assert!(problems[0].contains("missing.toml"), "{problems:?}");
    unsafe { std::env::remove_var("PODIUM_KEYS") };
    let file = keys::file();
    assert!(
        file.as_ref()
            .is_none_or(|f| f.ends_with(std::path::Path::new("podium").join("keys.toml"))),
        "{file:?}"
    );
    // The configuration folder's file need not exist.
    let (_, problems) = keys::load_from(&missing, false, Lang::En);
    assert!(problems.is_empty());
}

#[test]
fn the_clicker_example_of_docs_keys_md_is_a_good_key_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/KEYS.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let example = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_default();
    assert!(example.contains("[keys]"), "no example in docs/KEYS.md");
    let (k, problems) = keys::parse(example, "keys.toml", Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(k.text(Action::Next), "PgDn n");
}

#[test]
fn the_privacy_notice_names_the_key_in_use() {
    let (k, problems) = keys::parse("[keys]\nprivacy = [\"F8\"]\n", "keys.toml", Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    let (_dir, mut app) = meeting();
    app.use_keys(k, &problems);
    press(&mut app, KeyCode::Char('p'), at(1));
    assert!(!app.private, "p is no longer the privacy key");
    press(&mut app, KeyCode::F(8), at(1));
    assert!(app.private);
    let notice = app
        .core
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("(F8 shows them)"), "{notice}");
}
