//! The keys in use: the table's defaults, or what a key file put instead.

use super::Screen;
use super::key::Key;
use super::table::{TABLE, binding};
use crate::tui::app::Action;
use ratatui::crossterm::event::KeyEvent;

/// The keys in use: the table's defaults, or what a key file put instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of `TABLE[i]`.
    pub(super) keys: Vec<Vec<Key>>,
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

impl Keymap {
    /// Two actions of one screen on the same key: (the overridden row to put back, the
    /// other row, the key). The row put back is the one from the later line of the file.
    pub(super) fn clash(&self, overrides: &[(usize, usize)]) -> Option<(usize, usize, Key)> {
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
