//! Keys that are not actions of their own: moving the selection, `Tab`, the `F10` menu,
//! closing a view. Listed for the key bar and the docs; a key file cannot remap them.

use super::Screen::{Live, Results};
use super::{Screen, Spot, spot};
use crate::strings::{Lang, Said, actions as say};

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
