//! The one table of the console's keys. Each action has its default keys, the screens it
//! works on, whether only the host has it, what it is called (in `?` help, the `F10` menu
//! and docs/KEYS.md), and where it stands in the key bar. `App::action_for`, the menu, the
//! help, the key bar, the note-taker's filter and docs/KEYS.md all read `TABLE`; a venue's
//! `keys.toml` replaces the keys of an action (`Keymap`), and all of them then show the keys
//! in use.
//!
//! Keys that are not actions of their own — moving the selection, `Tab`, the `F10` menu,
//! closing a view — are fixed (`FIXED`): they are listed for the key bar and the docs, and a
//! key file cannot take `Esc`, `Tab`, `F10`, `Ctrl+K` or `Ctrl+C`.

use super::app::Action;
use crate::strings::{Lang, Said, actions as say};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The screens whose keys are actions: the live screen and the results view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Live,
    Results,
}

/// Who may use an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The host and note-takers.
    Everyone,
    /// Only the host: a note-taker's console answers at once that only the host can.
    Host,
    /// Shown only on the host's laptop (a note-taker's console says where it is instead).
    HostLaptop,
}

/// A place in the key bar: `slot` orders the bar; the priority (0 is kept longest when the
/// bar is too narrow) on the host's console and on a note-taker's (`None`: not shown there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub screen: Screen,
    pub slot: u8,
    pub host: u8,
    pub note_taker: Option<u8>,
}

const fn spot(screen: Screen, slot: u8, host: u8, note_taker: Option<u8>) -> Option<Spot> {
    Some(Spot {
        screen,
        slot,
        host,
        note_taker,
    })
}

/// One key: letters are kept in lower case and match in either case; `shift` is required
/// only where it is set (`Shift+↑`); other modifiers than `Ctrl` are not looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub shift: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            shift: false,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn f(n: u8) -> Key {
        Key::plain(KeyCode::F(n))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            shift: false,
        }
    }

    const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            shift: true,
        }
    }

    /// Whether a key press is this key.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if ev.modifiers.contains(KeyModifiers::CONTROL) != self.ctrl {
            return false;
        }
        if self.shift && !ev.modifiers.contains(KeyModifiers::SHIFT) {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b.to_ascii_lowercase(),
            (a, b) => a == b,
        }
    }

    /// The same key as typed through a Chinese input method, or on the other half of the
    /// key (`=` for `+`): these work wherever the key does, and are not listed.
    pub fn aliases(&self) -> &'static [Key] {
        if self.ctrl {
            return &[];
        }
        const SPACE: &[Key] = &[Key::ch('\u{3000}')];
        const PLUS: &[Key] = &[Key::ch('＋'), Key::ch('=')];
        const MINUS: &[Key] = &[Key::ch('－'), Key::ch('_')];
        const QUESTION: &[Key] = &[Key::ch('？')];
        match self.code {
            KeyCode::Char(' ') => SPACE,
            KeyCode::Char('+') => PLUS,
            KeyCode::Char('-') => MINUS,
            KeyCode::Char('?') => QUESTION,
            _ => &[],
        }
    }

    /// How the key is written in the help, the menu and the docs (`Ctrl+P`, `Shift+↑`, `F5`).
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char('\u{3000}') => "full-width space (U+3000)".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl+");
        }
        if self.shift {
            out.push_str("Shift+");
        }
        out.push_str(&base);
        out
    }

    /// The key as the key bar writes it (`Del` for `Delete`).
    pub fn short(&self) -> String {
        match (self.code, self.ctrl, self.shift) {
            (KeyCode::Delete, false, false) => "Del".into(),
            _ => self.label(),
        }
    }
}

/// One action of the table.
pub struct Binding {
    pub action: Action,
    /// Its name in `keys.toml` (stable, snake_case).
    pub name: &'static str,
    /// The default keys, the first one shown in the key bar.
    pub keys: &'static [Key],
    /// Keys handled before the table (`Ctrl+C` quits anywhere): listed, never remapped.
    pub also: &'static [Key],
    pub screens: &'static [Screen],
    pub who: Who,
    /// Listed in the `F10` menu.
    pub menu: bool,
    /// Listed in the `?` help.
    pub help: bool,
    pub bar: Option<Spot>,
    /// What it does (help, menu, docs).
    pub label: Said,
    /// Its word in the key bar.
    pub bar_label: fn(Lang) -> &'static str,
}

use Screen::{Live, Results};

const LIVE: &[Screen] = &[Live];
const RESULTS: &[Screen] = &[Results];
const BOTH: &[Screen] = &[Live, Results];

/// Every action, in the order of the menu and the help (the results view's own keys last).
pub static TABLE: &[Binding] = &[
    Binding {
        action: Action::ToggleTalk,
        name: "start_pause",
        keys: &[Key::ch(' '), Key::f(5)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Live, 0, 0, None),
        label: say::TOGGLE_TALK,
        bar_label: |l| l.s().key_start,
    },
    Binding {
        action: Action::Next,
        name: "next",
        keys: &[Key::ch('n'), Key::f(6)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Live, 1, 1, None),
        label: say::NEXT,
        bar_label: |l| l.s().key_next,
    },
    Binding {
        action: Action::SetCurrent,
        name: "set_current",
        keys: &[Key::plain(KeyCode::Enter)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::SET_CURRENT,
        bar_label: |l| l.s().key_pick,
    },
    Binding {
        action: Action::Remark,
        name: "remark",
        keys: &[Key::ch('r'), Key::f(2)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 2, 1, Some(0)),
        label: say::REMARK,
        bar_label: |l| l.s().key_remark,
    },
    Binding {
        action: Action::General,
        name: "general_remark",
        keys: &[Key::ch('g'), Key::f(3)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 3, 3, Some(2)),
        label: say::GENERAL,
        bar_label: |l| l.s().key_general,
    },
    Binding {
        action: Action::Task,
        name: "task",
        keys: &[Key::ch('t'), Key::f(4)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 4, 4, Some(1)),
        label: say::TASK,
        bar_label: |l| l.s().key_task,
    },
    Binding {
        action: Action::Undo,
        name: "undo",
        keys: &[Key::ch('u'), Key::f(7)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 5, 2, Some(1)),
        label: say::UNDO,
        bar_label: |l| l.s().key_undo,
    },
    Binding {
        action: Action::EditRemark,
        name: "edit_remark",
        keys: &[Key::ch('e')],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 6, 2, Some(2)),
        label: say::EDIT_REMARK,
        bar_label: |l| l.s().key_edit,
    },
    Binding {
        action: Action::DeleteRemark,
        name: "delete_remark",
        keys: &[Key::plain(KeyCode::Delete)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 7, 3, Some(3)),
        label: say::DELETE_REMARK,
        bar_label: |l| l.s().key_delete,
    },
    Binding {
        action: Action::ToggleSkip,
        name: "skip",
        keys: &[Key::ch('x')],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::TOGGLE_SKIP,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::AddTime,
        name: "add_time",
        keys: &[Key::ch('+')],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::ADD_TIME,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::TakeTime,
        name: "take_time",
        keys: &[Key::ch('-')],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::TAKE_TIME,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::AddUnit,
        name: "add_unit",
        keys: &[Key::ch('a')],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::ADD_UNIT,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::UpdateUnit,
        name: "update_unit",
        keys: &[Key::ch('o')],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::UPDATE_UNIT,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::MoveUp,
        name: "move_up",
        keys: &[Key::shift(KeyCode::Up)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::MOVE_UP,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::MoveDown,
        name: "move_down",
        keys: &[Key::shift(KeyCode::Down)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::MOVE_DOWN,
        bar_label: |l| l.s().key_select,
    },
    Binding {
        action: Action::ScoreSheet,
        name: "score_sheet",
        keys: &[Key::ch('s')],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 9, 4, Some(2)),
        label: say::SCORE_SHEET,
        bar_label: |l| l.s().key_sheet,
    },
    Binding {
        action: Action::Results,
        name: "results",
        keys: &[Key::ch('v')],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 10, 4, Some(4)),
        label: say::RESULTS,
        bar_label: |l| l.s().key_results,
    },
    Binding {
        action: Action::Publish,
        name: "publish",
        keys: &[Key::ctrl('p')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Results, 2, 0, Some(0)),
        label: say::PUBLISH,
        bar_label: |l| l.s().key_publish,
    },
    Binding {
        action: Action::Unlock,
        name: "unlock",
        keys: &[Key::ctrl('u')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Results, 6, 1, Some(1)),
        label: say::UNLOCK,
        bar_label: |l| l.s().key_unlock,
    },
    Binding {
        action: Action::ImportScores,
        name: "import_scores",
        keys: &[Key::ctrl('o')],
        also: &[],
        screens: BOTH,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Results, 8, 2, Some(2)),
        label: say::IMPORT_SCORES,
        bar_label: |l| l.s().key_import,
    },
    Binding {
        action: Action::Export,
        name: "export",
        keys: &[Key::ctrl('e')],
        also: &[],
        screens: BOTH,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Results, 7, 1, Some(1)),
        label: say::EXPORT,
        bar_label: |l| l.s().key_export,
    },
    Binding {
        action: Action::StageMessage,
        name: "stage_message",
        keys: &[Key::ch('m'), Key::f(9)],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: spot(Live, 11, 5, None),
        label: say::STAGE_MESSAGE,
        bar_label: |l| l.s().key_message,
    },
    Binding {
        action: Action::Privacy,
        name: "privacy",
        keys: &[Key::ch('p'), Key::f(8)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 12, 5, None),
        label: say::PRIVACY,
        bar_label: |l| l.s().key_hide,
    },
    Binding {
        action: Action::Connections,
        name: "connections",
        keys: &[Key::ch('c')],
        also: &[],
        screens: LIVE,
        who: Who::HostLaptop,
        menu: true,
        help: true,
        bar: spot(Live, 14, 1, None),
        label: say::CONNECTIONS,
        bar_label: |l| say::BAR_NETWORK.get(l),
    },
    Binding {
        action: Action::Help,
        name: "help",
        keys: &[Key::ch('?'), Key::f(1)],
        also: &[],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 15, 0, Some(0)),
        label: say::HELP,
        bar_label: |l| l.s().key_help,
    },
    Binding {
        action: Action::EndMeeting,
        name: "end_meeting",
        keys: &[],
        also: &[],
        screens: LIVE,
        who: Who::Host,
        menu: true,
        help: true,
        bar: None,
        label: say::END_MEETING,
        bar_label: |l| l.s().key_quit,
    },
    Binding {
        action: Action::Quit,
        name: "quit",
        keys: &[Key::ch('q')],
        also: &[Key::ctrl('c')],
        screens: LIVE,
        who: Who::Everyone,
        menu: true,
        help: true,
        bar: spot(Live, 17, 0, Some(0)),
        label: say::QUIT,
        bar_label: |l| l.s().key_quit,
    },
    Binding {
        action: Action::ResultsOnStage,
        name: "results_on_stage",
        keys: &[Key::ch('d')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: false,
        help: true,
        bar: spot(Results, 3, 1, Some(1)),
        label: say::RESULTS_ON_STAGE,
        bar_label: |l| l.s().key_display,
    },
    Binding {
        action: Action::RevealNext,
        name: "reveal_next",
        keys: &[Key::ch(' ')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: false,
        help: true,
        bar: spot(Results, 4, 1, Some(1)),
        label: say::REVEAL_NEXT,
        bar_label: |l| l.s().key_reveal,
    },
    Binding {
        action: Action::RevealAll,
        name: "reveal_all",
        keys: &[Key::ch('a')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: false,
        help: true,
        bar: spot(Results, 5, 2, Some(2)),
        label: say::REVEAL_ALL,
        bar_label: |l| l.s().key_reveal_all,
    },
];

/// Keys that are not actions of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// `↑` `↓`… on the live screen: a row, or a remark.
    Select,
    /// `Tab`: the agenda or the remarks.
    Focus,
    /// `F10` / `Ctrl+K`.
    Menu,
    /// `↑` `↓` in the results.
    ResultsSelect,
    /// `s` in the results: the selected unit's score sheet.
    ResultsSheet,
    /// `Esc` (or `v`) closes the results.
    Close,
}

/// A fixed key, for the key bar and the docs.
pub struct Fixed {
    pub nav: Nav,
    pub screen: Screen,
    /// The keys as the docs list them; the first is the key bar's unless `bar_key` says.
    pub keys: &'static [&'static str],
    pub bar_key: &'static str,
    pub bar: Option<Spot>,
    pub label: Said,
    pub bar_label: fn(Lang) -> &'static str,
}

pub static FIXED: &[Fixed] = &[
    Fixed {
        nav: Nav::Select,
        screen: Live,
        keys: &["↑", "↓", "PgUp", "PgDn", "Home", "End"],
        bar_key: "↑↓",
        bar: spot(Live, 8, 5, Some(3)),
        label: say::SELECT_ROW,
        bar_label: |l| l.s().key_select,
    },
    Fixed {
        nav: Nav::Focus,
        screen: Live,
        keys: &["Tab"],
        bar_key: "Tab",
        bar: spot(Live, 13, 5, Some(5)),
        label: say::SWITCH_FOCUS,
        bar_label: |l| l.s().key_focus,
    },
    Fixed {
        nav: Nav::Menu,
        screen: Live,
        keys: &["F10", "Ctrl+K"],
        bar_key: "F10",
        bar: spot(Live, 16, 0, Some(0)),
        label: say::OPEN_MENU,
        bar_label: |l| l.s().key_menu,
    },
    Fixed {
        nav: Nav::ResultsSelect,
        screen: Results,
        keys: &["↑", "↓"],
        bar_key: "↑↓",
        bar: spot(Results, 0, 1, Some(1)),
        label: say::RESULTS_SELECT,
        bar_label: |l| l.s().key_select,
    },
    Fixed {
        nav: Nav::ResultsSheet,
        screen: Results,
        keys: &["s"],
        bar_key: "s",
        bar: spot(Results, 1, 2, Some(2)),
        label: say::RESULTS_SHEET,
        bar_label: |l| l.s().key_sheet,
    },
    Fixed {
        nav: Nav::Close,
        screen: Results,
        keys: &["Esc", "v"],
        bar_key: "Esc",
        bar: spot(Results, 9, 0, Some(0)),
        label: say::CLOSE,
        bar_label: |l| l.s().key_close,
    },
];

/// The row of the table for an action.
pub fn binding(action: Action) -> Option<&'static Binding> {
    TABLE.iter().find(|b| b.action == action)
}

/// The row of the table named so in `keys.toml`.
pub fn named(name: &str) -> Option<&'static Binding> {
    TABLE.iter().find(|b| b.name == name)
}

/// Whether only the host may use an action (the note-taker's filter).
pub fn host_only(action: Action) -> bool {
    binding(action).is_some_and(|b| b.who == Who::Host)
}

/// The actions of the `F10` menu, in order; on a note-taker's console only those that work
/// there.
pub fn menu(note_taker: bool) -> Vec<Action> {
    TABLE
        .iter()
        .filter(|b| b.menu && (!note_taker || b.who == Who::Everyone))
        .map(|b| b.action)
        .collect()
}

/// The keys in use: the table's defaults, or what a key file put instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of `TABLE[i]`.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: TABLE.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    fn index(action: Action) -> Option<usize> {
        TABLE.iter().position(|b| b.action == action)
    }

    /// The keys of an action now.
    pub fn keys(&self, action: Action) -> &[Key] {
        Self::index(action)
            .and_then(|i| self.keys.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The action a key press stands for on a screen.
    pub fn action(&self, screen: Screen, ev: &KeyEvent) -> Option<Action> {
        TABLE
            .iter()
            .zip(&self.keys)
            .filter(|(b, _)| b.screens.contains(&screen))
            .find(|(_, keys)| {
                keys.iter()
                    .any(|k| k.matches(ev) || k.aliases().iter().any(|a| a.matches(ev)))
            })
            .map(|(b, _)| b.action)
    }

    /// The keys of an action as the help and the menu write them (`Space F5`); an action
    /// without a key is reached from the menu (`F10 ▸`).
    pub fn text(&self, action: Action) -> String {
        let also = binding(action).map_or(&[][..], |b| b.also);
        let keys: Vec<String> = self
            .keys(action)
            .iter()
            .chain(also)
            .map(Key::label)
            .collect();
        if keys.is_empty() {
            "F10 ▸".to_string()
        } else {
            keys.join(" ")
        }
    }

    /// The key the key bar shows for an action, if it has one.
    pub fn bar_key(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(Key::short)
    }

    /// Puts `keys` on an action.
    pub fn set(&mut self, action: Action, keys: Vec<Key>) {
        if let Some(slot) = Self::index(action).and_then(|i| self.keys.get_mut(i)) {
            *slot = keys;
        }
    }
}

/// An action's label in a language.
pub fn label(action: Action, lang: Lang) -> &'static str {
    binding(action).map_or("", |b| b.label.get(lang))
}

/// Where docs/KEYS.md holds the table of defaults (`markdown`).
pub const DOCS_BEGIN: &str =
    "<!-- keys table: generated from src/tui/keys.rs, see tests/keys.rs -->";
pub const DOCS_END: &str = "<!-- end of the keys table -->";

/// The table of default keys as docs/KEYS.md shows it: every action of the live screen and
/// the results view, then the fixed keys.
pub fn markdown() -> String {
    let code = |k: &str| format!("`{k}`");
    let screens = |s: &[Screen]| {
        s.iter()
            .map(|s| match s {
                Live => "live",
                Results => "results",
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from(
        "| Action | Key | Also | Screen | Who | Name in `keys.toml` |\n|---|---|---|---|---|---|\n",
    );
    for b in TABLE {
        let (key, also) = match b.keys.split_first() {
            Some((first, rest)) => {
                let mut also: Vec<String> = rest.iter().map(|k| code(&k.label())).collect();
                also.extend(
                    b.keys
                        .iter()
                        .flat_map(|k| k.aliases())
                        .map(|a| match a.code {
                            KeyCode::Char('\u{3000}') => a.label(),
                            _ => code(&a.label()),
                        }),
                );
                also.extend(b.also.iter().map(|k| code(&k.label())));
                (code(&first.label()), also.join(", "))
            }
            None => ("the `F10` menu".to_string(), String::new()),
        };
        let who = match b.who {
            Who::Everyone => "everyone",
            Who::Host => "host",
            Who::HostLaptop => "host's laptop",
        };
        out.push_str(&format!(
            "| {} | {key} | {also} | {} | {who} | `{}` |\n",
            b.label.en,
            screens(b.screens),
            b.name
        ));
    }
    for f in FIXED {
        let (first, rest) = f.keys.split_first().map_or(("", &[][..]), |(a, b)| (*a, b));
        let also: Vec<String> = rest.iter().map(|k| code(k)).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | everyone | (fixed) |\n",
            f.label.en,
            code(first),
            also.join(", "),
            screens(&[f.screen]),
        ));
    }
    out
}

/// The part of docs/KEYS.md between the markers, if both are there.
pub fn docs_table(doc: &str) -> Option<&str> {
    let start = doc.find(DOCS_BEGIN)? + DOCS_BEGIN.len();
    let end = start + doc[start..].find(DOCS_END)?;
    Some(doc[start..end].trim_matches('\n'))
}

/// Keys a key file cannot take: they close views, open the menu and quit everywhere.
fn reserved(k: &Key) -> bool {
    matches!(
        (k.code, k.ctrl),
        (
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::F(10),
            _
        ) | (KeyCode::Char('k' | 'c'), true)
    )
}

/// A key as a key file writes it: `n`, `+`, `Space`, `Enter`, `PageDown` (`PgDn`), `F5`,
/// `Ctrl+O`, `Shift+Up`… (names in either case).
pub fn parse_key(text: &str) -> Option<Key> {
    let mut ctrl = false;
    let mut shift = false;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("ctrl+") && rest.len() > 5 {
            ctrl = true;
            rest = &rest[5..];
        } else if lower.starts_with("shift+") && rest.len() > 6 {
            shift = true;
            rest = &rest[6..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return None,
            c => KeyCode::Char(c.to_ascii_lowercase()),
        },
        (None, _) => return None,
        _ => {
            let name = rest.to_ascii_lowercase();
            match name.as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "delete" | "del" => KeyCode::Delete,
                "backspace" => KeyCode::Backspace,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
                    _ => return None,
                },
            }
        }
    };
    // Shift is part of a letter already (either case matches).
    let shift = shift && !matches!(code, KeyCode::Char(_));
    Some(Key { code, ctrl, shift })
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// Reads a key file (`[keys]`, each line `action = ["Key", …]`): the defaults with the
/// file's keys put on its actions, and a sentence for each entry that could not be used (it
/// names `file` and the line; that action keeps its default keys). Never fails.
pub fn parse(text: &str, file: &str, lang: Lang) -> (Keymap, Vec<String>) {
    use crate::strings::{KeysProblem as P, keys_file_problem};
    let mut problems: Vec<(usize, String)> = Vec::new();
    let mut say = |line: Option<usize>, what: P| {
        problems.push((
            line.unwrap_or(0),
            keys_file_problem(lang, file, line, &what),
        ))
    };
    let mut map = Keymap::default();
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start));
            let message = e.message().lines().next().unwrap_or_default().to_string();
            say(line, P::Syntax(message));
            return (map, problems.into_iter().map(|p| p.1).collect());
        }
    };
    if !table.contains_key("keys") {
        say(None, P::NoKeysTable);
        return (map, problems.into_iter().map(|p| p.1).collect());
    }
    // The spans of the entries (`toml::Table` keeps none): a second, spanned reading.
    #[derive(serde::Deserialize)]
    struct Spanned {
        keys: std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>,
    }
    let entries = match toml::from_str::<Spanned>(text) {
        Ok(s) => {
            let mut v: Vec<_> = s.keys.into_iter().collect();
            v.sort_by_key(|(k, _)| k.span().start);
            v
        }
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start));
            say(line, P::NoKeysTable);
            return (map, problems.into_iter().map(|p| p.1).collect());
        }
    };
    // Each usable entry: the row of the table, its keys, its line.
    let mut overrides: Vec<(usize, usize)> = Vec::new();
    for (name, value) in entries {
        let line = line_of(text, name.span().start);
        let name = name.into_inner();
        let Some(row) = TABLE.iter().position(|b| b.name == name) else {
            say(Some(line), P::UnknownAction(name));
            continue;
        };
        let items: Vec<toml::Value> = match value.into_inner() {
            toml::Value::Array(a) => a,
            s @ toml::Value::String(_) => vec![s],
            _ => {
                say(Some(line), P::NotAList(name));
                continue;
            }
        };
        let mut keys = Vec::new();
        let mut bad = None;
        for item in &items {
            let Some(text) = item.as_str() else {
                bad = Some(P::NotAList(name.clone()));
                break;
            };
            match parse_key(text) {
                None => {
                    bad = Some(P::BadKey(text.to_string()));
                    break;
                }
                Some(k) if reserved(&k) => {
                    bad = Some(P::Reserved(k.label()));
                    break;
                }
                Some(k) if !keys.contains(&k) => keys.push(k),
                Some(_) => {}
            }
        }
        if let Some(what) = bad {
            say(Some(line), what);
            continue;
        }
        if let Some(slot) = map.keys.get_mut(row) {
            *slot = keys;
        }
        overrides.retain(|(r, _)| *r != row);
        overrides.push((row, line));
    }
    // A key on two actions of one screen: the later entry of the file keeps its defaults
    // (again, until no key is on two actions; defaults never clash).
    while let Some((row, other, key)) = map.clash(&overrides) {
        let line = overrides.iter().find(|(r, _)| *r == row).map(|o| o.1);
        if let Some(slot) = map.keys.get_mut(row) {
            *slot = TABLE[row].keys.to_vec();
        }
        overrides.retain(|(r, _)| *r != row);
        say(
            line,
            P::Clash {
                key: key.label(),
                other: TABLE[other].name.to_string(),
            },
        );
    }
    problems.sort_by_key(|p| p.0);
    (map, problems.into_iter().map(|p| p.1).collect())
}

impl Keymap {
    /// Two actions of one screen on the same key: (the overridden row to put back, the
    /// other row, the key). The row put back is the one from the later line of the file.
    fn clash(&self, overrides: &[(usize, usize)]) -> Option<(usize, usize, Key)> {
        let with_aliases = |keys: &[Key]| -> Vec<Key> {
            keys.iter()
                .flat_map(|k| std::iter::once(*k).chain(k.aliases().iter().copied()))
                .collect()
        };
        let line = |row: usize| overrides.iter().find(|(r, _)| *r == row).map(|o| o.1);
        for (i, a) in TABLE.iter().enumerate() {
            for (j, b) in TABLE.iter().enumerate().skip(i + 1) {
                if !a.screens.iter().any(|s| b.screens.contains(s)) {
                    continue;
                }
                let ka = with_aliases(self.keys.get(i).map_or(&[], Vec::as_slice));
                let kb = with_aliases(self.keys.get(j).map_or(&[], Vec::as_slice));
                if let Some(k) = ka.iter().find(|k| kb.contains(k)) {
                    return match (line(i), line(j)) {
                        (Some(li), Some(lj)) if li > lj => Some((i, j, *k)),
                        (_, Some(_)) => Some((j, i, *k)),
                        (Some(_), None) => Some((i, j, *k)),
                        (None, None) => None,
                    };
                }
            }
        }
        None
    }
}

/// The key file: `PODIUM_KEYS` when set, else `keys.toml` in podium's folder of the user's
/// configuration (`%APPDATA%\podium` on Windows, `~/Library/Application Support/podium` on
/// macOS, `$XDG_CONFIG_HOME/podium` or `~/.config/podium` on Linux).
pub fn file() -> Option<std::path::PathBuf> {
    match std::env::var_os("PODIUM_KEYS") {
        Some(p) if !p.is_empty() => Some(p.into()),
        _ => dirs::config_dir().map(|d| d.join("podium").join("keys.toml")),
    }
}

/// The keys to use: the key file's (`file`) over the defaults, with a sentence for each
/// problem; the defaults alone when there is no key file.
pub fn load(lang: Lang) -> (Keymap, Vec<String>) {
    let Some(path) = file() else {
        return (Keymap::default(), Vec::new());
    };
    let named = std::env::var_os("PODIUM_KEYS").is_some_and(|p| !p.is_empty());
    load_from(&path, named, lang)
}

/// `load` from a given file; a missing file is a problem only when it was asked for by name.
pub fn load_from(path: &std::path::Path, named: bool, lang: Lang) -> (Keymap, Vec<String>) {
    use crate::strings::{KeysProblem, keys_file_problem};
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            parse(text, &shown, lang)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            (Keymap::default(), Vec::new())
        }
        Err(e) => (
            Keymap::default(),
            vec![keys_file_problem(
                lang,
                &shown,
                None,
                &KeysProblem::Unreadable(e.to_string()),
            )],
        ),
    }
}
