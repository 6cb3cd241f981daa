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

fn what_zh(what: &str) -> &'static str {
    match what {
        "unit" => "单位",
        "reviewer" => "点评人",
        "criterion" => "评分指标",
        "group" => "分组",
        _ => "等次",
    }
}

/// Why a name is refused, in a sentence.
pub fn sentence(lang: Lang, p: &NameProblem) -> String {
    match (lang, p) {
        (Lang::Zh, NameProblem::Edge { name }) => format!(
            "名称“{}”首尾有空格（半角、全角或不换行空格）：导入表格时单元格两端的空格会被去掉，分数会对不上这个名称；请删去",
            shown(name)
        ),
        (Lang::En, NameProblem::Edge { name }) => format!(
            "the name \"{}\" begins or ends with a space (an ASCII, ideographic or no-break space): a table cell loses it on import, so scores would not find this name; remove it",
            shown(name)
        ),
        (Lang::Zh, NameProblem::OnlyInvisible { name }) => format!(
            "名称“{}”只由看不见的字符（零宽空格、连接符等）组成，无法辨认和输入；请改成看得见的名称",
            shown(name)
        ),
        (Lang::En, NameProblem::OnlyInvisible { name }) => format!(
            "the name \"{}\" is made only of invisible characters (zero-width spaces, joiners…): nobody can see or type it; give it a visible name",
            shown(name)
        ),
        (
            Lang::Zh,
            NameProblem::LooksLike {
                what,
                name,
                other,
                other_path,
            },
        ) => format!(
            "“{}”与{}“{}”（{other_path}）看起来相同（只差全角/半角、组合字符的写法或看不见的字符），导入分数时无法区分；请改成明显不同的名称",
            shown(name),
            what_zh(what),
            shown(other)
        ),
        (
            Lang::En,
            NameProblem::LooksLike {
                what,
                name,
                other,
                other_path,
            },
        ) => format!(
            "\"{}\" looks the same as the {what} \"{}\" ({other_path}): they differ only in full-/half-width forms, composed or decomposed accents, or invisible characters, so an imported score could not tell them apart; make the names differ visibly",
            shown(name),
            shown(other)
        ),
    }
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
    let list: Vec<String> = names.iter().map(|n| shown(n)).collect();
    match lang {
        Lang::Zh => format!(
            "“{}”可以是以下任一{}：“{}”（它们只差全角/半角、组合字符或看不见的字符）；无法确定是哪一个，未导入。请先在会议中把名称改得明显不同",
            shown(cell),
            what_zh(what),
            list.join("”、“")
        ),
        Lang::En => format!(
            "\"{}\" could be any of the {what}s \"{}\" (they differ only in full-/half-width forms, accents or invisible characters): which one is meant cannot be told, so nothing is imported; make the names differ visibly first",
            shown(cell),
            list.join("\", \"")
        ),
    }
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
