//! The table's rows: what a row holds, the results view's own rows, and `TABLE`, the menu's
//! rows (`rows`) followed by those.

use super::key::Key;
use super::rows::MENU_ROWS;
use super::{Screen, Spot, Who, spot};
use crate::strings::{Lang, Said, actions as say, series};
use crate::tui::app::Action;

/// One action of the table.
#[derive(Clone, Copy)]
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

pub(super) const LIVE: &[Screen] = &[Live];
pub(super) const RESULTS: &[Screen] = &[Results];
pub(super) const BOTH: &[Screen] = &[Live, Results];

/// Every action, in the order of the menu and the help (the results view's own keys last).
pub static TABLE: &[Binding] =
    &join::<{ MENU_ROWS.len() + RESULTS_ROWS.len() }>(MENU_ROWS, RESULTS_ROWS);

/// The results view's own keys.
const RESULTS_ROWS: &[Binding] = &[
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
    // In the key bar only when the session holds the round before's results
    // (`components::results::key_hints`).
    Binding {
        action: Action::PreviousRanking,
        name: "previous_ranking",
        keys: &[Key::ch('b')],
        also: &[],
        screens: RESULTS,
        who: Who::Everyone,
        menu: false,
        help: true,
        bar: spot(Results, 5, 1, Some(1)),
        label: series::PREVIOUS_RANKING,
        bar_label: series::key_previous,
    },
    Binding {
        action: Action::PreviousOnStage,
        name: "previous_on_stage",
        keys: &[Key::ctrl('b')],
        also: &[],
        screens: RESULTS,
        who: Who::Host,
        menu: false,
        help: true,
        bar: spot(Results, 5, 3, None),
        label: series::PREVIOUS_ON_STAGE,
        bar_label: series::key_previous_on_stage,
    },
];

/// `first` then `then`, as one array of `N` rows.
const fn join<const N: usize>(first: &[Binding], then: &[Binding]) -> [Binding; N] {
    let mut out = [first[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < first.len() {
            first[i]
        } else {
            then[i - first.len()]
        };
        i += 1;
    }
    out
}

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

/// An action's label in a language.
pub fn label(action: Action, lang: Lang) -> &'static str {
    binding(action).map_or("", |b| b.label.get(lang))
}
