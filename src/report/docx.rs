//! Word/WPS documents (`podium report --format docx --doc minutes|notice|tasks`), laid out as
//! an official document after GB/T 9704: A4, margins 37/35/28/26 mm, the page number
//! “— 1 —” centred in the footer, the title in 方正小标宋简体 二号, the body in 仿宋_GB2312
//! 三号 with a first-line indent of two characters and a fixed line spacing of 28 pt,
//! level-1 headings in 黑体 and level-2 in 楷体_GB2312, tables in 仿宋_GB2312 小四 with
//! borders and the header row repeated on every page. Fonts are named as East Asian fonts
//! (Times New Roman for Latin text), and the font table names the font Word or WPS
//! substitutes when one is missing (`w:altName`, which docx-rs does not write: the font
//! table is written here).
//!
//! The minutes are the Markdown minutes' blocks (`blocks`), so both say the same; the
//! notice (通报, always public) and the task list (督办清单, landscape) are built here from
//! the session's record.

mod blocks;

pub use blocks::{Block, Run as TextRun};

use super::DocKind;
use crate::session::record::{Record, TaskRecord};
use crate::session::{Session, Time};
use crate::strings::{self, Lang, docx as words, minutes, report};
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType, Table,
    TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

/// A4 in twips.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// Millimetres in twips.
const fn mm(v: u32) -> i32 {
    (v * 1440 * 10 / 254) as i32
}

/// Margins after GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const TOP: i32 = mm(37);
const BOTTOM: i32 = mm(35);
const LEFT: i32 = mm(28);
const RIGHT: i32 = mm(26);
/// A landscape page's margins.
const LANDSCAPE_SIDE: i32 = mm(25);
const LANDSCAPE_FOOT: i32 = mm(22);

/// Font sizes in half-points: 二号, 三号, 四号, 小四, 五号.
pub const SIZE_2: usize = 44;
pub const SIZE_3: usize = 32;
pub const SIZE_4: usize = 28;
pub const SIZE_SMALL_4: usize = 24;
pub const SIZE_5: usize = 21;

/// A table cell's padding left and right, in twips.
const CELL_PADDING: usize = 80;

/// The body's fixed line spacing: 28 pt in twips.
const LINE: i32 = 560;
/// A table's fixed line spacing: 18 pt.
const TABLE_LINE: i32 = 360;

/// The document's bytes.
pub fn document(
    session: &Session,
    now: Time,
    lang: Lang,
    public: bool,
    doc: DocKind,
) -> Result<Vec<u8>, String> {
    let page = match doc {
        DocKind::Minutes => {
            let md = super::markdown::minutes_for(session, now, lang, public);
            Page::portrait(minutes_blocks(&blocks::parse(&md), lang))
        }
        // A meeting that does not score has no results to make known.
        DocKind::Notice if !session.rules().mode.scores() => {
            return Err(words::notice_not_scored(lang));
        }
        DocKind::Notice => Page::portrait(notice(session, now, lang)),
        DocKind::Tasks => Page::landscape(tasks(session, now, lang)),
    };
    page.pack(lang)
}

/// What a page carries: its parts in order.
enum Part {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

fn para(p: Paragraph) -> Part {
    Part::Paragraph(Box::new(p))
}

struct Page {
    landscape: bool,
    parts: Vec<Part>,
}

impl Page {
    fn portrait(parts: Vec<Part>) -> Page {
        Page {
            landscape: false,
            parts,
        }
    }

    fn landscape(parts: Vec<Part>) -> Page {
        Page {
            landscape: true,
            parts,
        }
    }

    fn pack(self, lang: Lang) -> Result<Vec<u8>, String> {
        let f = words::fonts(lang);
        let (w, h) = if self.landscape {
            (A4_LONG, A4_SHORT)
        } else {
            (A4_SHORT, A4_LONG)
        };
        let margin = if self.landscape {
            // A landscape table (the 督办清单): 25 mm each side, 22 mm at the foot.
            PageMargin::new()
                .top(LANDSCAPE_SIDE)
                .bottom(LANDSCAPE_FOOT)
                .left(LANDSCAPE_SIDE)
                .right(LANDSCAPE_SIDE)
        } else {
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
        }
        .header(851)
        .footer(992)
        .gutter(0);
        let mut docx = Docx::new()
            .page_size(w, h)
            .page_orient(if self.landscape {
                PageOrientationType::Landscape
            } else {
                PageOrientationType::Portrait
            })
            .page_margin(margin)
            .default_fonts(fonts(f.body, f.latin))
            .default_size(SIZE_3)
            .add_style(
                Style::new("BodyText", StyleType::Paragraph)
                    .name("Body Text")
                    .fonts(fonts(f.body, f.latin))
                    .size(SIZE_3)
                    .line_spacing(exact(LINE)),
            )
            .add_style(
                Style::new("Title", StyleType::Paragraph)
                    .name("Title")
                    .based_on("BodyText")
                    .fonts(fonts(f.title, f.latin))
                    .size(SIZE_2)
                    .align(AlignmentType::Center)
                    .line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Exact)
                            .line(700),
                    ),
            )
            .add_style(
                Style::new("Subtitle", StyleType::Paragraph)
                    .name("Subtitle")
                    .based_on("BodyText")
                    .fonts(fonts(f.heading2, f.latin))
                    .size(SIZE_3)
                    .align(AlignmentType::Center)
                    .line_spacing(exact(LINE)),
            )
            .add_style(heading_style(1, fonts(f.heading1, f.latin_heading)))
            .add_style(heading_style(2, fonts(f.heading2, f.latin)))
            .add_style(
                Style::new("TableText", StyleType::Paragraph)
                    .name("Table Text")
                    .based_on("BodyText")
                    .fonts(fonts(f.body, f.latin))
                    .size(SIZE_SMALL_4)
                    .line_spacing(exact(TABLE_LINE)),
            )
            .footer(page_footer(lang));
        for part in self.parts {
            docx = match part {
                Part::Paragraph(p) => docx.add_paragraph(*p),
                Part::Table(t) => docx.add_table(*t),
            };
        }
        let mut xml = docx.build();
        xml.font_table = font_table(lang);
        xml.document = repeat_header_rows(&xml.document);
        let mut out = std::io::Cursor::new(Vec::new());
        xml.pack(&mut out)
            .map_err(|e| words::failed(lang, &e.to_string()))?;
        Ok(out.into_inner())
    }
}

/// East Asian `east_asia` with `latin` for ASCII and hAnsi.
pub(crate) fn fonts(east_asia: &str, latin: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
}

pub(crate) fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
}

/// The footer: — 1 — centred, the number a PAGE field, 四号 in the Latin font.
fn page_footer(lang: Lang) -> Footer {
    let f = words::fonts(lang);
    let (before, after) = words::page_number_sides();
    let run = |t: &str| {
        Run::new()
            .add_text(t)
            .fonts(fonts(f.latin, f.latin))
            .size(SIZE_4)
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run(before))
            .add_page_num(PageNum::new())
            .add_run(run(after)),
    )
}

/// The font table: the Latin fonts and every East Asian font with its substitute.
fn font_table(lang: Lang) -> Vec<u8> {
    let _ = lang;
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    x.push_str(r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#);
    x.push_str(r#"<w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#);
    for (name, alt, family) in words::FONT_TABLE {
        x.push_str(&format!(
            r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="fixed"/></w:font>"#
        ));
    }
    x.push_str("</w:fonts>");
    x.into_bytes()
}

/// The header rows (written with `w:cantSplit`, which no other row has) also repeat on every
/// page (`w:tblHeader`, which docx-rs does not write).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}

/// Two characters of 三号 in twips.
const TWO_CHARS: i32 = 640;

/// A first-line indent of two 三号 characters (640 twips: docx-rs does not write
/// `w:firstLineChars`), `left` twips from the margin.
fn indented(p: Paragraph, left: Option<i32>) -> Paragraph {
    p.indent(
        left,
        Some(SpecialIndentType::FirstLine(TWO_CHARS)),
        None,
        None,
    )
    .first_line_chars(200)
}

/// A body paragraph: first-line indent of two characters.
fn body(runs: &[TextRun]) -> Paragraph {
    let mut p = indented(Paragraph::new().style("BodyText"), None);
    for r in runs {
        let mut run = Run::new().add_text(&r.text);
        if r.bold {
            run = run.bold();
        }
        p = p.add_run(run);
    }
    p
}

fn text(t: &str) -> Vec<TextRun> {
    vec![TextRun {
        text: t.to_string(),
        bold: false,
    }]
}

fn styled(style: &str, t: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(t))
}

/// A heading's style (`Heading1`, `Heading2`): body size, indented two characters like the
/// body, an outline level of `level` − 1.
fn heading_style(level: usize, fonts: RunFonts) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("BodyText")
        .next("BodyText")
        .fonts(fonts)
        .size(SIZE_3)
        .outline_lvl(level - 1)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(TWO_CHARS)),
            None,
            None,
        )
        .first_line_chars(200)
        .line_spacing(exact(LINE))
}

/// The width of a line of text at `size` half-points, in twips: a wide (CJK) character is
/// one em (`size * 10` twips), any other 0.65 em — a little more than Times New Roman's
/// digits, so a substituted Latin font still fits, and the space LibreOffice and Word put
/// between CJK and Latin text is covered.
fn twips(t: &str, size: usize) -> usize {
    let mut total = 0;
    let mut last_wide = None;
    for c in t.chars() {
        let wide = match crate::text::char_width(c, crate::text::Ambiguous::Wide) {
            0 => continue,
            1 => false,
            _ => true,
        };
        total += if wide { size * 10 } else { size * 13 / 2 };
        // A quarter em between CJK and Latin text.
        if last_wide.is_some_and(|w| w != wide) {
            total += size * 5 / 2;
        }
        last_wide = Some(wide);
    }
    total
}

/// A table with borders, the header row bold, repeated on every page, and centred; the
/// columns share `total` twips by their content's width (each between `min` and `max`
/// half-characters), numbers lined up on the right.
fn table(
    header: &[String],
    right: &[bool],
    rows: &[Vec<String>],
    total: usize,
    size: usize,
) -> Table {
    let n = header.len().max(1);
    let widths = column_widths(header, rows, total, size);
    let cell = |t: &str, col: usize, bold: bool| {
        let align = if bold {
            AlignmentType::Center
        } else if right.get(col).copied().unwrap_or(false) {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        let mut c = TableCell::new()
            .width(widths[col.min(widths.len() - 1)], WidthType::Dxa)
            .vertical_align(VAlignType::Center);
        for line in t.split('\n') {
            let mut run = Run::new().add_text(line);
            if bold {
                run = run.bold();
            }
            c = c.add_paragraph(
                Paragraph::new()
                    .style("TableText")
                    .line_spacing(exact((size * 35 / 3) as i32))
                    .size(size)
                    .align(align)
                    .add_run(run.size(size)),
            );
        }
        c
    };
    let mut out = vec![
        TableRow::new(
            header
                .iter()
                .enumerate()
                .map(|(i, h)| cell(h, i, true))
                .collect(),
        )
        .cant_split(),
    ];
    for r in rows {
        let cells: Vec<TableCell> = (0..n)
            .map(|i| cell(r.get(i).map_or("", String::as_str), i, false))
            .collect();
        out.push(TableRow::new(cells));
    }
    let total: usize = widths.iter().sum();
    Table::new(out)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(total, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
        .align(docx_rs::TableAlignmentType::Center)
}

/// The columns' widths in twips: each column's natural width (its widest line at `size`
/// half-points, with the cell's padding); when they do not fit in `total`, the narrow
/// columns (numbers, dates, names: up to eight characters) keep theirs and the wide ones
/// share what is left by their natural width; what is left over goes to the wide ones too.
fn column_widths(header: &[String], rows: &[Vec<String>], total: usize, size: usize) -> Vec<usize> {
    const PADDING: usize = 2 * CELL_PADDING + 40;
    let n = header.len().max(1);
    let natural: Vec<usize> = (0..n)
        .map(|c| {
            let widest = std::iter::once(header.get(c))
                .chain(rows.iter().map(|r| r.get(c)))
                .flatten()
                .map(|t| t.split('\n').map(|l| twips(l, size)).max().unwrap_or(0))
                .max()
                .unwrap_or(0)
                .max(twips("00", size));
            widest + PADDING
        })
        .collect();
    // Every column gets its natural width up to eight characters (a date, a time, a name
    // fits whole); what is left goes to the columns wider than that, by how much wider.
    let floor: Vec<usize> = natural
        .iter()
        .map(|w| (*w).min(8 * size * 10 + PADDING))
        .collect();
    let floors: usize = floor.iter().sum();
    let sum: usize = natural.iter().sum();
    if sum <= total {
        return natural.iter().map(|w| total * w / sum).collect();
    }
    if floors >= total {
        // Too wide even so: the columns wider than four characters give up what they have
        // beyond that, by how much they have, before every column shrinks alike.
        let four = 4 * size * 10 + PADDING;
        let spare: usize = floor.iter().map(|w| w.saturating_sub(four)).sum();
        let over = floors - total;
        if spare >= over {
            return floor
                .iter()
                .map(|w| w - w.saturating_sub(four) * over / spare.max(1))
                .collect();
        }
        return floor.iter().map(|w| total * w / floors).collect();
    }
    let more: usize = natural.iter().zip(&floor).map(|(n, f)| n - f).sum();
    natural
        .iter()
        .zip(&floor)
        .map(|(n, f)| f + (total - floors) * (n - f) / more.max(1))
        .collect()
}

/// The width of the text in twips.
fn text_width(landscape: bool) -> usize {
    if landscape {
        (A4_LONG as i32 - 2 * LANDSCAPE_SIDE) as usize
    } else {
        (A4_SHORT as i32 - LEFT - RIGHT) as usize
    }
}

/// Whether a heading of the minutes is one of its appendices (附件：评分明细, 附件：计时).
fn is_appendix(lang: Lang, heading: &str) -> bool {
    [minutes::sheets_heading(lang), minutes::timing_heading(lang)]
        .iter()
        .any(|h| h.trim_start_matches('#').trim() == heading.trim())
}

/// The minutes' blocks as the Word minutes: the title, the line under it, the headings,
/// the paragraphs and list items as body paragraphs (a numbered item keeps its number, a
/// fact under a task is indented two more characters), the tables.
fn minutes_blocks(blocks: &[Block], lang: Lang) -> Vec<Part> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Title(t) => out.push(para(styled("Title", t))),
            Block::Subtitle(t) => out.push(para(styled("Subtitle", t))),
            // An appendix (附件) starts a page of its own (GB/T 9704: 附件另面编排).
            Block::Heading(1, t) if is_appendix(lang, t) => {
                out.push(para(styled("Heading1", t).page_break_before(true)))
            }
            Block::Heading(1, t) => out.push(para(styled("Heading1", t))),
            Block::Heading(_, t) => out.push(para(styled("Heading2", t))),
            Block::Paragraph(runs) => {
                // A speaker's remarks run on after the line that names them.
                let mut runs = runs.clone();
                while let Some(Block::Item {
                    depth: 0,
                    number: None,
                    lines,
                }) = blocks.get(i + 1)
                {
                    run_in(&mut runs, lines, lang);
                    i += 1;
                }
                out.push(para(body(&runs)));
            }
            Block::Item {
                depth,
                number,
                lines,
            } => {
                let mut runs = Vec::new();
                if let Some(n) = number {
                    runs.push(TextRun {
                        text: format!("{n}. "),
                        bold: false,
                    });
                }
                run_in(&mut runs, lines, lang);
                // A task's facts run on after the task.
                while let Some(Block::Item {
                    depth: deeper,
                    lines,
                    ..
                }) = blocks.get(i + 1)
                    && deeper > depth
                {
                    run_in(&mut runs, lines, lang);
                    i += 1;
                }
                let mut p = body(&runs);
                if *depth > 0 {
                    p = indented(p, Some(TWO_CHARS));
                }
                out.push(para(p));
            }
            Block::Table {
                header,
                right,
                rows,
            } => {
                // A table of many columns (the timing, a results table with groups) in 五号.
                let size = if header.len() >= 7 {
                    SIZE_5
                } else {
                    SIZE_SMALL_4
                };
                out.push(Part::Table(Box::new(table(
                    header,
                    right,
                    rows,
                    text_width(false),
                    size,
                ))));
                // A table is followed by a little space before the next paragraph.
                out.push(para(Paragraph::new().style("TableText")));
            }
        }
        i += 1;
    }
    out
}

/// `lines` (an item's lines) added to `runs`, each joined to what comes before it.
fn run_in(runs: &mut Vec<TextRun>, lines: &[Vec<TextRun>], lang: Lang) {
    for line in lines {
        let before: String = runs.iter().map(|r| r.text.as_str()).collect();
        if !before.trim().is_empty() {
            let sep = words::run_in(lang, &before);
            if !sep.is_empty() {
                runs.push(TextRun {
                    text: sep.to_string(),
                    bold: false,
                });
            }
        }
        runs.extend(line.iter().cloned());
    }
}

/// A date of the plan (`YYYY-MM-DD`) as an office writes it; anything else as given.
fn plan_date(lang: Lang, text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => minutes::date(lang, d),
        Err(_) => text.to_string(),
    }
}

/// 通报: the title, the opening, the ranking per category (名次, 单位, 得分, 等次 when bands,
/// 较上期 when the round before is linked), the closing line. Always public: made from the
/// public record, and it carries no rater's name or score in any case.
fn notice(session: &Session, now: Time, lang: Lang) -> Vec<Part> {
    let mut rec = Record::of(session, now);
    rec.make_public();
    let plan = session.plan();
    let rules = session.rules();
    let mut out = vec![para(styled(
        "Title",
        &words::notice_title(lang, &rec.meeting.title),
    ))];
    let date = rec
        .meeting
        .started_at
        .map(|t| minutes::date(lang, t.date_naive()))
        .or_else(|| plan.date.as_deref().map(|d| plan_date(lang, d)));
    let reports: Vec<&str> = rec
        .units
        .iter()
        .filter(|u| u.kind.is_report())
        .map(|u| u.name.as_str())
        .collect();
    // The criteria as scored (the default 总分 of 100 when the plan names none).
    let criteria: Vec<(String, String)> = rules
        .criteria
        .iter()
        .map(|c| (c.name.clone(), crate::decimal::plain(c.max)))
        .collect();
    let full = rules
        .criteria
        .iter()
        .fold(0i64, |sum, c| sum.saturating_add(c.max));
    let grades: Vec<String> = rules.grades.iter().map(|g| g.name.clone()).collect();
    let how = if rules.mode == crate::plan::ScoringMode::Grades {
        words::HowScored::Grades(&grades)
    } else {
        words::HowScored::Points(&criteria, crate::decimal::plain(full))
    };
    out.push(para(body(&text(&words::notice_opening(
        lang,
        date.as_deref(),
        &rec.meeting.title,
        reports.len(),
        how,
    )))));
    let results = super::tables::results(session, now);
    if !rules.mode.scores() || results.iter().all(|r| r.score.is_none()) {
        out.push(para(body(&text(words::notice_no_results(lang)))));
    } else {
        let c = words::notice_columns(lang);
        let d = rules.decimals as usize;
        let bands = rules.bands.is_some();
        let previous = session.state().previous_results.is_some();
        let mut header = vec![c.rank.to_string(), c.unit.to_string(), c.score.to_string()];
        let mut right = vec![true, false, true];
        if bands {
            header.push(c.band.to_string());
            right.push(false);
        }
        if previous {
            header.push(c.change.to_string());
            right.push(false);
        }
        let categories = crate::scoring::by_category(&results);
        let has_categories = categories.iter().any(|(k, _)| k.is_some());
        let dash = || "—".to_string();
        for (i, (category, members)) in categories.iter().enumerate() {
            if has_categories {
                let name = category.unwrap_or(minutes::no_category(lang));
                out.push(para(styled(
                    "Heading2",
                    &words::notice_category(lang, i, name),
                )));
            }
            let mut rows = Vec::new();
            for u in members {
                let Some(r) = rec
                    .units
                    .iter()
                    .find(|x| x.name == u.unit)
                    .and_then(|x| x.result.as_ref())
                else {
                    continue;
                };
                let rank = if category.is_some() {
                    r.category_rank
                } else {
                    r.rank
                };
                let mut row = vec![
                    rank.map_or_else(dash, |n| n.to_string()),
                    u.unit.clone(),
                    r.final_score.map_or_else(dash, |v| format!("{v:.d$}")),
                ];
                if bands {
                    row.push(r.band.clone().unwrap_or_else(dash));
                }
                if previous {
                    // 较上期: one rule for every output (`UnitResult::shown_change`).
                    let said = strings::series::change(lang, u.shown_change());
                    row.push(if said.is_empty() { dash() } else { said });
                }
                rows.push(row);
            }
            out.push(Part::Table(Box::new(table(
                &header,
                &right,
                &rows,
                text_width(false),
                SIZE_4,
            ))));
            out.push(para(Paragraph::new().style("TableText")));
        }
    }
    out.push(para(body(&text(words::notice_closing(lang)))));
    out
}

/// A deadline as the list writes it: 2026年6月30日, or the text as written.
fn due(lang: Lang, t: &TaskRecord) -> String {
    match (t.due, super::tables::due_text_beyond(t)) {
        (Some(d), Some(text)) => report::due_with_text(lang, &minutes::date(lang, d), text),
        (Some(d), None) => minutes::date(lang, d),
        (None, Some(text)) => text.to_string(),
        (None, None) => t.due_text.clone().unwrap_or_default(),
    }
}

/// The list a task belongs to, when it names one.
fn listed(t: &TaskRecord) -> Option<&str> {
    t.list.as_deref().map(str::trim).filter(|l| !l.is_empty())
}

/// 督办清单: the title, then a table per list (the tasks of no list last, under their own
/// heading) with 序号, 事项, 责任单位, 配合单位, 责任领导, 完成时限, 状态, 进展 (latest first).
fn tasks(session: &Session, now: Time, lang: Lang) -> Vec<Part> {
    let rec = Record::of(session, now);
    let tasks = super::tables::task_records(session, now);
    let mut out = vec![para(styled(
        "Title",
        &words::tasks_title(lang, &rec.meeting.title),
    ))];
    if tasks.is_empty() {
        out.push(para(body(&text(words::no_tasks(lang)))));
        return out;
    }
    let mut lists: Vec<Option<&str>> = Vec::new();
    for t in &tasks {
        let l = t.list.as_deref().map(str::trim).filter(|l| !l.is_empty());
        if l.is_some() && !lists.contains(&l) {
            lists.push(l);
        }
    }
    if tasks.iter().any(|t| listed(t).is_none()) {
        lists.push(None);
    }
    let header: Vec<String> = words::task_columns(lang)
        .iter()
        .map(|s| s.to_string())
        .collect();
    let right = vec![true, false, false, false, false, false, false, false];
    let several = lists.len() > 1 || lists[0].is_some();
    for list in lists {
        if several {
            let name = list.unwrap_or(words::no_list(lang));
            out.push(para(styled("Heading1", name)));
        }
        let mut rows = Vec::new();
        for (i, t) in tasks.iter().filter(|t| listed(t) == list).enumerate() {
            let no =
                t.no.as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map_or_else(|| (i + 1).to_string(), str::to_string);
            let progress: Vec<String> = t
                .progress
                .iter()
                .rev()
                .map(|p| format!("{} {}", minutes::date(lang, p.at.date_naive()), p.text))
                .collect();
            let mut status = strings::tasks::status_name(lang, t.status).to_string();
            if t.overdue {
                status.push_str(report::of(lang).overdue_mark);
            }
            rows.push(vec![
                no,
                crate::text::clean_line(&t.text),
                t.owner.clone().unwrap_or_default(),
                t.partners.join(words::list_separator(lang)),
                t.leader.clone().unwrap_or_default(),
                due(lang, t),
                status,
                progress.join("\n"),
            ]);
        }
        out.push(Part::Table(Box::new(table(
            &header,
            &right,
            &rows,
            text_width(true),
            SIZE_5,
        ))));
    }
    out
}
