//! The one table of keys (`tui::keys`): the defaults keep the keys the console always had,
//! the table agrees with itself, docs/KEYS.md shows it, and a venue's `keys.toml` remaps
//! actions without ever stopping the console.

use podium::tui::app::{Action, App};
use podium::tui::keys::{self, Keymap, Screen, TABLE};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashSet;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn plain(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Every action of the console (a new one must be added here and to the table).
const ALL: [Action; 31] = [
    Action::ToggleTalk,
    Action::Next,
    Action::SetCurrent,
    Action::Remark,
    Action::General,
    Action::Task,
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
    assert_eq!(host.len(), 28);
    assert_eq!(host.first(), Some(&Action::ToggleTalk));
    assert_eq!(host.last(), Some(&Action::Quit));
    let note_taker = keys::menu(true);
    for a in &note_taker {
        assert!(!a.host_only() && *a != Action::Connections, "{a:?}");
    }
    assert!(note_taker.contains(&Action::Remark));
    assert!(note_taker.contains(&Action::Privacy));
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
        "docs/KEYS.md and the table of keys (src/tui/keys.rs) disagree. Paste this between\n{}\nand\n{}\nin docs/KEYS.md:\n\n{}",
        keys::DOCS_BEGIN,
        keys::DOCS_END,
        want
    );
}
