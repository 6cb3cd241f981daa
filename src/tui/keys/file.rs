//! The key file, `keys.toml`: where it is, reading it over the defaults, and a sentence for
//! each entry that cannot be used (never a failure).

use super::key::{parse_key, reserved};
use super::map::Keymap;
use super::table::TABLE;
use crate::strings::Lang;

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
