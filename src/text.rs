//! Text for the terminal: display widths (CJK wide, ambiguous characters wide on request),
//! cleaning of control and bidi characters, and wrapping by display width.

use unicode_width::UnicodeWidthChar;

/// How East Asian ambiguous-width characters (“ ” … · ①) are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ambiguous {
    #[default]
    Narrow,
    Wide,
}

/// A character safe to put on the terminal: control characters become a visible `?`, and
/// characters that reorder or join others (bidi controls, zero-width joiners) are dropped.
pub fn safe_char(c: char) -> Option<char> {
    match c {
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' => None,
        '\u{FE00}'..='\u{FE0F}' => None,
        c if c.is_control() => Some('?'),
        c => Some(c),
    }
}

/// One line of text made safe for the terminal (line breaks become spaces).
pub fn clean_line(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter_map(safe_char)
        .collect()
}

pub fn char_width(c: char, amb: Ambiguous) -> usize {
    let w = match amb {
        Ambiguous::Narrow => c.width(),
        Ambiguous::Wide => c.width_cjk(),
    };
    w.unwrap_or(0)
}

pub fn width(text: &str, amb: Ambiguous) -> usize {
    text.chars().map(|c| char_width(c, amb)).sum()
}

/// `text` cut to at most `max` columns, with `…` when it was cut.
pub fn truncate(text: &str, max: usize, amb: Ambiguous) -> String {
    if width(text, amb) <= max {
        return text.to_string();
    }
    let ellipsis = "…";
    let room = max.saturating_sub(char_width('…', amb));
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c, amb);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if max >= char_width('…', amb) {
        out.push_str(ellipsis);
    }
    out
}

/// Wraps text into lines of at most `max` columns. CJK text breaks between any two
/// characters; Latin words move to the next line whole when they fit on one.
pub fn wrap(text: &str, max: usize, amb: Ambiguous) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let clean = clean_line(paragraph);
        let mut line: Vec<char> = Vec::new();
        let mut used = 0;
        let chars: Vec<char> = clean.chars().collect();
        let mut i = 0;
        let mut continued = false;
        // Ends the line before `next`. Closing punctuation never starts a line (避头): the
        // character before it moves down with it.
        let mut break_before = |line: &mut Vec<char>, used: &mut usize, next: char| {
            // The word (or the one character) before the punctuation moves down with it,
            // unless it is all the line holds.
            let mut carried = Vec::new();
            if no_line_start(next) {
                let word = line
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_graphic())
                    .count();
                let take = if word > 0 { word } else { 1 };
                if take < line.len() {
                    carried = line.split_off(line.len() - take);
                }
            }
            lines.push(line.drain(..).collect::<String>());
            *used = carried.iter().map(|c| char_width(*c, amb)).sum();
            *line = carried;
        };
        while i < chars.len() {
            // A run of Latin letters, digits and the marks inside numbers and words
            // ("91.0500", "6.5%", "one-stop") is a word.
            let mut j = i;
            while j < chars.len()
                && chars[j].is_ascii_graphic()
                && !matches!(chars[j], '(' | ')' | '[' | ']')
            {
                j += 1;
            }
            let token: Vec<char> = if j > i {
                chars[i..j].to_vec()
            } else {
                vec![chars[i]]
            };
            let tw: usize = token.iter().map(|c| char_width(*c, amb)).sum();
            if used + tw > max && used > 0 && tw <= max {
                break_before(&mut line, &mut used, token[0]);
                continued = true;
            }
            for c in &token {
                let w = char_width(*c, amb);
                if used + w > max && used > 0 {
                    break_before(&mut line, &mut used, *c);
                    continued = true;
                }
                // A space does not start a continuation line.
                if *c == ' ' && line.is_empty() && continued {
                    continue;
                }
                line.push(*c);
                used += w;
            }
            i += token.len();
        }
        lines.push(line.into_iter().collect());
    }
    lines
}

/// Punctuation that closes: it belongs at the end of a line, never at the start of one.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '！'
            | '？'
            | '；'
            | '：'
            | '）'
            | '」'
            | '』'
            | '》'
            | '】'
            | '〉'
            | '”'
            | '’'
            | '…'
    )
}

/// A full-width digit (`０`–`９`, typed with a Chinese input method) as its ASCII digit; any
/// other character unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        c => c,
    }
}

/// A file's name as messages show it (`plan.session.json`), or the whole path when it has
/// none (`..`, `/`).
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_two() {
        assert_eq!(width("市财政局", Ambiguous::Narrow), 8);
        assert_eq!(width("AB12", Ambiguous::Narrow), 4);
        assert_eq!(width("“好”", Ambiguous::Narrow), 4);
        assert_eq!(width("“好”", Ambiguous::Wide), 6);
    }

    #[test]
    fn wrapping_respects_display_width() {
        let lines = wrap("职责清晰，目标明确，举措有力。", 10, Ambiguous::Narrow);
        assert_eq!(lines, vec!["职责清晰，", "目标明确，", "举措有力。"]);
        for line in wrap("GDP增长6.5%，covering 2026年 targets", 9, Ambiguous::Narrow) {
            assert!(width(&line, Ambiguous::Narrow) <= 9, "{line}");
        }
        let lines = wrap(
            "加权 (70×91.5000 + 30×90.0000) ÷ 100 = 91.0500",
            20,
            Ambiguous::Narrow,
        );
        assert!(lines.iter().any(|l| l.contains("91.0500")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("91.5000")), "{lines:?}");
        let lines = wrap("党代表 90、政协委员 91", 10, Ambiguous::Narrow);
        assert!(lines.iter().all(|l| !l.starts_with('、')), "{lines:?}");
        assert!(
            lines.iter().all(|l| width(l, Ambiguous::Narrow) <= 10),
            "{lines:?}"
        );
        assert_eq!(wrap("a\nb", 5, Ambiguous::Narrow), vec!["a", "b"]);
    }

    #[test]
    fn escapes_never_reach_the_terminal() {
        assert_eq!(clean_line("a\u{1b}[31mb\u{202e}c"), "a?[31mbc");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("城郊街道办事处", 8, Ambiguous::Narrow), "城郊街…");
        assert_eq!(truncate("短", 8, Ambiguous::Narrow), "短");
    }
}
