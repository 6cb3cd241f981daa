//! The console's screens and popups, one component per file: its state, its keys (`key`,
//! answering an `Outcome`), its key hints and its drawing (`draw`). `App` keeps the popups on
//! a stack and hands the key to the one on top; `view` draws the live screen and the popups.
//!
//! A new popup: a file here with its state, `key` and `draw`; a variant of `app::Mode`
//! holding the state; one line in `App::on_key`, `view::draw` and `keybar::hints`.

pub mod agenda;
pub mod ballots;
pub mod confirm;
pub mod connections;
pub mod editor;
pub mod form;
pub mod header;
pub mod help;
pub mod keybar;
pub mod live;
pub mod menu;
pub mod notice;
pub mod remarks;
pub mod results;
pub mod sheet;
pub mod sheet_view;
pub mod status;
pub mod taskform;
pub mod tasks;
pub mod timer;
pub mod unsaved;
pub mod unsaved_view;

use super::app::{Action, Mode};
use super::components::confirm::Confirm;

/// What a popup answers to a key: whether it stays, closes, or gives way.
pub enum Outcome {
    /// It stays on top (changed or not).
    Stay,
    /// It closes: what is under it shows again.
    Close,
    /// Another popup takes its place.
    Replace(Mode),
    /// It stays, with a question asked over it (`App::ask`).
    Ask(Confirm),
    /// It stays, and an action runs over it: a popup the action opens takes its place.
    Run(Action),
    /// It stays under another popup (the task form over the task view).
    Over(Mode),
}

/// A key and what it does, with a priority (0 is kept longest when the key bar is narrow).
pub type Hint = (String, &'static str, u8);

/// Fixed hints, as `Hint`s.
pub(crate) fn hints(fixed: &[(&str, &'static str, u8)]) -> Vec<Hint> {
    fixed
        .iter()
        .map(|(k, l, p)| (k.to_string(), *l, *p))
        .collect()
}

/// Rows of `heights` stacked from the top of `area`, each cut at its bottom: a row that
/// starts below the area has no height (and is not drawn). Unlike `Layout`, rows that do not
/// fit are never shrunk in favour of later ones: the first rows keep their height.
pub(crate) fn stack<const N: usize>(
    area: ratatui::layout::Rect,
    heights: [u16; N],
) -> [ratatui::layout::Rect; N] {
    let mut y = area.y;
    heights.map(|h| {
        let top = y.min(area.bottom());
        y = y.saturating_add(h);
        let bottom = y.min(area.bottom());
        ratatui::layout::Rect::new(area.x, top, area.width, bottom - top)
    })
}
