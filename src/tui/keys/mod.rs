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
//!
//! The parts: `key` (one key, and how a key file writes it), `table` and `rows` (the rows of
//! `TABLE`), `fixed` (`FIXED`), `map` (`Keymap`, the keys in use), `file` (reading
//! `keys.toml` and saying what is wrong in it) and `docs` (the table as docs/KEYS.md shows it).

mod docs;
mod file;
mod fixed;
mod key;
mod map;
mod rows;
mod table;

pub use docs::{DOCS_BEGIN, DOCS_END, docs_table, markdown};
pub use file::{file, load, load_from, parse};
pub use fixed::{FIXED, Fixed, Nav};
pub use key::{Key, parse_key};
pub use map::Keymap;
pub use table::{Binding, TABLE, binding, host_only, label, menu, named};

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
