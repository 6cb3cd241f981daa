//! Names that look equal: one rule, in one place, for the plan check and for every import.
//!
//! A unit, reviewer, criterion, group or grade name is compared by its [`key`]:
//! - invisible format characters are dropped ([`is_invisible`]: zero-width space, joiners and
//!   non-joiners, word joiner, byte-order mark, soft hyphen, direction marks and embeddings,
//!   invisible operators, Hangul fillers, variation selectors and tag characters). A variation
//!   selector picks a glyph of the same character (葛 and 葛󠄀), so two names that differ only
//!   by one read as the same name;
//! - NFKC folds full-width and half-width forms (`ＡＢ１` is `AB1`, `ｶ` is `カ`), composed and
//!   decomposed accents (NFC/NFD), and the ideographic space U+3000 and NBSP into a space;
//! - whitespace of every kind (Unicode White_Space) is trimmed from both ends.
//!
//! Case is kept (`abc` and `ABC` look different), and so are spaces inside a name.
//!
//! `podium check` refuses a plan whose names would be matched wrongly ([`check`] and the
//! duplicate test in `Plan::validate`); a session that already holds such names still opens,
//! and imports match cells by the key, refusing a cell that matches two names.

use crate::strings::Lang;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Characters that show nothing by themselves (Unicode's default-ignorable format characters
/// that turn up in pasted text).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen
        | '\u{034F}' // combining grapheme joiner
        | '\u{061C}' // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}' // Mongolian variation selectors and vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space, non-joiner, joiner; LRM, RLM
        | '\u{202A}'..='\u{202E}' // direction embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}' // direction isolates, deprecated format characters
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FEFF}' // byte-order mark, zero-width no-break space
        | '\u{E0000}'..='\u{E0FFF}' // tags, variation selectors supplement
    )
}

/// The form in which names are compared (see the module's doc).
pub fn key(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    let folded: String = visible.nfkc().filter(|c| !is_invisible(*c)).collect();
    folded.trim_matches(char::is_whitespace).to_string()
}

/// What is wrong with one name, or with a name beside another.
#[derive(Debug, Clone, PartialEq)]
pub enum NameProblem {
    /// Whitespace of any kind at the start or the end.
    Edge { name: String },
    /// Nothing left once invisible characters are removed.
    OnlyInvisible { name: String },
    /// The same key as another name of the same list.
    LooksLike {
        what: &'static str,
        name: String,
        other: String,
        other_path: String,
    },
}

/// The problem of a name on its own (a name that is empty or blank is the plan's own
/// `EmptyName`, not this).
pub fn check(name: &str) -> Option<NameProblem> {
    if name.trim().is_empty() {
        return None;
    }
    if key(name).is_empty() {
        return Some(NameProblem::OnlyInvisible { name: name.into() });
    }
    // A table cell loses exactly these on import (Unicode White_Space: ASCII spaces, U+3000,
    // NBSP…). Invisible characters at the ends are no trap: imports drop them before
    // matching, and a name that differs from another only by them is refused as a look-alike.
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if edge(name.chars().next()) || edge(name.chars().next_back()) {
        return Some(NameProblem::Edge { name: name.into() });
    }
    None
}

/// A name as it can be read in a message: invisible characters and unusual spaces written
/// out as `<U+200B>`.
pub fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if is_invisible(c) || (c.is_whitespace() && c != ' ') {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Why a name is refused, in a sentence.
pub fn sentence(lang: Lang, p: &NameProblem) -> String {
    crate::strings::cli::name_problem(lang, p)
}

/// Which name a table cell means.
#[derive(Debug, Clone, PartialEq)]
pub enum Match<'a> {
    One(&'a str),
    None,
    /// Names that share the cell's key (a session made before the plan check refused them).
    Many(Vec<&'a str>),
}

/// Names by their key, to match table cells against.
#[derive(Debug, Default)]
pub struct Index<'a> {
    by_key: HashMap<String, Vec<&'a str>>,
}

impl<'a> Index<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Index<'a> {
        let mut by_key: HashMap<String, Vec<&'a str>> = HashMap::new();
        for name in names {
            let list = by_key.entry(key(name)).or_default();
            if !list.contains(&name) {
                list.push(name);
            }
        }
        Index { by_key }
    }

    /// The name `cell` means, compared by key.
    pub fn find(&self, cell: &str) -> Match<'a> {
        match self.by_key.get(&key(cell)).map(Vec::as_slice) {
            None | Some([]) => Match::None,
            Some([one]) => Match::One(one),
            Some(many) => Match::Many(many.to_vec()),
        }
    }
}

/// The sentence for a cell that matches several names.
pub fn ambiguous(lang: Lang, what: &str, cell: &str, names: &[&str]) -> String {
    crate::strings::cli::ambiguous_name(lang, what, cell, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_width_forms_and_invisibles() {
        assert_eq!(key("城东街道 "), "城东街道");
        assert_eq!(key("\u{3000}城东街道\u{3000}"), "城东街道");
        assert_eq!(key("城东\u{200B}街道"), "城东街道");
        assert_eq!(key("ＡＢ１"), "AB1");
        assert_eq!(key("Cafe\u{301}"), key("Café"));
        assert_eq!(key("\u{FEFF}\u{200D}"), "");
        assert_ne!(key("abc"), key("ABC"));
    }

    #[test]
    fn edges_and_invisible_names() {
        assert!(matches!(check("城东街道 "), Some(NameProblem::Edge { .. })));
        assert!(matches!(
            check("\u{3000}城东街道"),
            Some(NameProblem::Edge { .. })
        ));
        assert!(matches!(
            check("城东街道\u{A0}"),
            Some(NameProblem::Edge { .. })
        ));
        assert_eq!(check("城东街道\u{200B}"), None, "matched without it");
        assert!(matches!(
            check("\u{200B}\u{200D}"),
            Some(NameProblem::OnlyInvisible { .. })
        ));
        assert_eq!(check("城东 街道"), None);
        assert_eq!(check("葛\u{E0100}"), None);
        assert_eq!(check("   "), None, "blank is the plan's own EmptyName");
        assert_eq!(shown("甲\u{200B} "), "甲<U+200B> ");
    }

    #[test]
    fn an_index_finds_one_or_refuses_many() {
        let names = ["城东街道", "ＡＢ", "AB"];
        let index = Index::new(names);
        assert_eq!(index.find("城东街道\u{3000}"), Match::One("城东街道"));
        assert_eq!(index.find("西城"), Match::None);
        assert_eq!(index.find("AB"), Match::Many(vec!["ＡＢ", "AB"]));
    }
}
