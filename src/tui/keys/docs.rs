//! The table of default keys as docs/KEYS.md shows it (tests/keys.rs compares the two).

use super::Screen::{self, Live, Results};
use super::Who;
use super::fixed::FIXED;
use super::table::TABLE;
use ratatui::crossterm::event::KeyCode;

/// Where docs/KEYS.md holds the table of defaults (`markdown`).
pub const DOCS_BEGIN: &str = "<!-- keys table: generated from src/tui/keys/, see tests/keys.rs -->";
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
