//! The minutes as blocks: the one structure the Markdown minutes and the Word minutes share.
//! The Markdown minutes (`markdown::minutes_for`) are written once; their block structure is
//! read back here from that text, which podium escapes itself (every `*`, `|`, `#`, `\` of
//! a name or remark is backslash-escaped, and a line a remark starts never makes a block),
//! so a heading, a list item, a bold run or a table cell here is one the minutes made.

/// A run of text, bold or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

/// One block of the minutes.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// A whole line in bold (the line under the title).
    Subtitle(String),
    /// `##` is level 1, `###` level 2.
    Heading(u8, String),
    Paragraph(Vec<Run>),
    /// A list item: its depth (0, 1), its number when numbered, its lines (a remark of
    /// several lines keeps them).
    Item {
        depth: u8,
        number: Option<String>,
        lines: Vec<Vec<Run>>,
    },
    Table {
        header: Vec<String>,
        /// Per column: lined up on the right (numbers).
        right: Vec<bool>,
        rows: Vec<Vec<String>>,
    },
}

/// Text without Markdown escapes.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            out.push(next);
            continue;
        }
        out.push(c);
    }
    out
}

/// Inline text as runs: `**…**` (unescaped stars) is bold.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current = String::new();
    let mut bold = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            current.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            if !current.is_empty() {
                out.push(Run {
                    text: std::mem::take(&mut current),
                    bold,
                });
            }
            bold = !bold;
            i += 2;
            continue;
        }
        current.push(c);
        i += 1;
    }
    if !current.is_empty() {
        out.push(Run {
            text: current,
            bold,
        });
    }
    out
}

/// The cells of a table line `| a | b |`, split at unescaped pipes, unescaped.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            '|' => out.push(unescape(std::mem::take(&mut current).trim())),
            _ => current.push(c),
        }
    }
    out.push(unescape(current.trim()));
    out
}

/// A numbered item's number and text: `12. text`.
fn numbered(line: &str) -> Option<(&str, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    line[digits..]
        .strip_prefix(". ")
        .map(|rest| (&line[..digits], rest))
}

/// The blocks of the minutes' Markdown.
pub fn parse(md: &str) -> Vec<Block> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(t) = line.strip_prefix("### ") {
            out.push(Block::Heading(2, unescape(t)));
        } else if let Some(t) = line.strip_prefix("## ") {
            out.push(Block::Heading(1, unescape(t)));
        } else if let Some(t) = line.strip_prefix("# ") {
            out.push(Block::Title(unescape(t)));
        } else if line.starts_with('|') {
            let header = cells(line);
            let mut right = vec![false; header.len()];
            if i < lines.len() && lines[i].starts_with('|') {
                right = cells(lines[i])
                    .iter()
                    .map(|m| m.ends_with(':') && !m.starts_with(':'))
                    .collect();
                i += 1;
            }
            let mut rows = Vec::new();
            while i < lines.len() && lines[i].starts_with('|') {
                rows.push(cells(lines[i]));
                i += 1;
            }
            out.push(Block::Table {
                header,
                right,
                rows,
            });
        } else if let Some((depth, text)) = line
            .strip_prefix("- ")
            .map(|t| (0, t))
            .or_else(|| line.strip_prefix("  - ").map(|t| (1, t)))
        {
            let mut item = vec![text.trim_end()];
            let mut last = line;
            // A remark's later lines: a hard break (two spaces) and an indented line.
            while last.ends_with("  ")
                && i < lines.len()
                && lines[i].starts_with("  ")
                && !lines[i].starts_with("  - ")
            {
                last = lines[i];
                item.push(lines[i].trim());
                i += 1;
            }
            out.push(Block::Item {
                depth,
                number: None,
                lines: item.into_iter().map(runs).collect(),
            });
        } else if let Some((no, text)) = numbered(line) {
            out.push(Block::Item {
                depth: 0,
                number: Some(no.to_string()),
                lines: vec![runs(text)],
            });
        } else {
            let t = line.trim_end();
            if t.len() > 4 && t.starts_with("**") && t.ends_with("**") {
                let r = runs(t);
                if r.len() == 1 && r[0].bold {
                    out.push(Block::Subtitle(r[0].text.clone()));
                    continue;
                }
            }
            out.push(Block::Paragraph(runs(t)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_the_minutes_markdown() {
        let md = "# 标题\\*\n\n**会议纪要**\n\n## 一、基本情况\n\n- 时间：今天\n\n1. **城东街道**：汇报人：张三\n\n### 市财政局\n\n- 关于\\|甲：第一行  \n  第二行\n  - 完成时限：明天\n\n| 名次 | 单位 | 得分 |\n| ---: | :--- | ---: |\n| 1 | 甲\\|乙 | 90.5 |\n";
        let b = parse(md);
        assert_eq!(b[0], Block::Title("标题*".into()));
        assert_eq!(b[1], Block::Subtitle("会议纪要".into()));
        assert_eq!(b[2], Block::Heading(1, "一、基本情况".into()));
        assert!(
            matches!(&b[4], Block::Item { number: Some(n), lines, .. } if n == "1" && lines[0][0].bold && lines[0][0].text == "城东街道")
        );
        assert_eq!(b[5], Block::Heading(2, "市财政局".into()));
        assert!(
            matches!(&b[6], Block::Item { depth: 0, lines, .. } if lines.len() == 2 && lines[0][0].text == "关于|甲：第一行" && lines[1][0].text == "第二行")
        );
        assert!(matches!(&b[7], Block::Item { depth: 1, .. }));
        assert_eq!(
            b[8],
            Block::Table {
                header: vec!["名次".into(), "单位".into(), "得分".into()],
                right: vec![true, false, true],
                rows: vec![vec!["1".into(), "甲|乙".into(), "90.5".into()]],
            }
        );
    }
}
