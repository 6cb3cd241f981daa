//! Printed score sheets (`podium sheets`): from the plan, one sheet per reviewer (units ×
//! criteria, each criterion with its maximum, a total column, a signature line), or in grades
//! mode a ballot with a box per grade; for anonymous scoring, numbered unnamed sheets per
//! group. As a workbook (one worksheet per sheet, printable: A4, one page wide, borders, the
//! header repeated) or as a Word document (one sheet per page).
//!
//! The workbook, filled in, goes back in with `podium scores`: the importer reads the
//! reviewer from the cell “评委：王明” (row 3, column A) and the table under the header row
//! (序号, 单位, one column per criterion headed “工作实绩（40分）”, 合计).

use crate::plan::{Plan, ScoringMode};
use crate::scoring::Rules;
use crate::strings::{self, Lang, sheets as words};
use crate::text::{Ambiguous, width};
use std::collections::BTreeSet;

/// One printed sheet.
#[derive(Debug, Clone)]
pub struct Paper {
    /// The worksheet's name (Excel's rules: at most 31 characters, unique, no `[]:*?/\`).
    pub tab: String,
    /// The meeting's title.
    pub title: String,
    /// “评分表”, or “评分表（领导）第 3 张 / 共 12 张”.
    pub subtitle: String,
    /// “评委：王明”, or “组别：领导” on an unnamed sheet.
    pub who: String,
    /// “会议日期：2026年5月30日”, when the plan has a date.
    pub date: Option<String>,
    /// The ballot's instruction (grades mode).
    pub instruction: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Line>,
    /// Whether the table ends with a total column.
    pub total: bool,
    pub signature: String,
}

/// A unit's row: its number in the agenda's reports, its name, whether the reviewer is
/// recused from it, and what each score column holds before it is filled (`□` on a ballot).
#[derive(Debug, Clone)]
pub struct Line {
    pub no: usize,
    pub unit: String,
    pub recused: bool,
}

use crate::decimal::plain;

/// A worksheet name from `wanted`: Excel's forbidden characters replaced, at most 31
/// characters, unique among `taken` (case-insensitive) with `-2`, `-3`… when not.
fn tab_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let clean = if clean.is_empty() { "_".into() } else { clean };
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(&clean, 31);
    let mut n = 1;
    while taken.contains(&name.to_lowercase()) {
        n += 1;
        let tail = format!("-{n}");
        name = format!("{}{tail}", cut(&clean, 31 - tail.chars().count()));
    }
    taken.insert(name.to_lowercase());
    name
}

/// The sheets of a plan: one per reviewer, or with `groups` (name, count) that many unnamed
/// sheets per group. Refused when the plan does not score, or names no reviewer and no group
/// is asked for. With ballot groups (`scoring.ballot_groups`) the sheets are the groups'
/// paper ballots: each group's `ballots` count, or the `groups` asked for, which must be
/// ballot groups.
pub fn papers(plan: &Plan, lang: Lang, groups: &[(String, usize)]) -> Result<Vec<Paper>, String> {
    let rules = Rules::of(plan);
    let ballot = match rules.mode {
        ScoringMode::Points => false,
        ScoringMode::Grades => true,
        ScoringMode::None => return Err(words::not_scored(lang)),
    };
    let declared = plan
        .scoring
        .as_ref()
        .map(|s| s.ballot_groups.as_slice())
        .unwrap_or_default();
    let from_plan: Vec<(String, usize)>;
    let groups = if declared.is_empty() {
        groups
    } else if groups.is_empty() {
        from_plan = declared
            .iter()
            .map(|g| match g.ballots {
                Some(n) => Ok((g.name.clone(), n as usize)),
                None => Err(words::ballots_count_needed(lang, &g.name)),
            })
            .collect::<Result<_, _>>()?;
        &from_plan
    } else {
        for (name, _) in groups {
            if !declared.iter().any(|g| &g.name == name) {
                let names: Vec<String> = declared.iter().map(|g| g.name.clone()).collect();
                return Err(words::not_a_ballot_group(lang, name, &names));
            }
        }
        groups
    };
    if groups.is_empty() && plan.reviewers.is_empty() {
        return Err(words::no_reviewers(lang));
    }
    let mut header = vec![
        words::col_no(lang).to_string(),
        words::col_unit(lang).to_string(),
    ];
    if ballot {
        header.extend(rules.grades.iter().map(|g| g.name.clone()));
    } else {
        header.extend(
            rules
                .criteria
                .iter()
                .map(|c| words::criterion_head(lang, &c.name, &plain(c.max))),
        );
        header.push(words::col_total(lang).to_string());
    }
    let date = plan
        .meeting_date()
        .map(|d| words::date_cell(lang, &strings::print::date(lang, d)));
    let units: Vec<&str> = plan.reports().map(|u| u.name.as_str()).collect();
    let mut taken = BTreeSet::new();
    let paper =
        |tab: String, subtitle: String, who: String, recused: &[String], anonymous: bool| Paper {
            tab,
            title: plan.title.clone(),
            subtitle,
            who,
            date: date.clone(),
            instruction: ballot.then(|| words::ballot_instruction(lang).to_string()),
            header: header.clone(),
            rows: units
                .iter()
                .enumerate()
                .map(|(i, u)| Line {
                    no: i + 1,
                    unit: u.to_string(),
                    recused: recused.iter().any(|r| r == u),
                })
                .collect(),
            total: !ballot,
            signature: words::signature(lang, anonymous).to_string(),
        };
    let mut out = Vec::new();
    if groups.is_empty() {
        for r in &plan.reviewers {
            let recused = rules.recused.get(&r.name).cloned().unwrap_or_default();
            out.push(paper(
                tab_name(&r.name, &mut taken),
                words::sheet_word(lang, ballot).to_string(),
                words::reviewer_cell(lang, &r.name),
                &recused,
                false,
            ));
        }
    } else {
        for (group, count) in groups {
            for n in 1..=*count {
                out.push(paper(
                    tab_name(&format!("{group}-{n}"), &mut taken),
                    words::numbered(lang, ballot, group, n, *count),
                    words::group_cell(lang, group),
                    &[],
                    true,
                ));
            }
        }
    }
    Ok(out)
}

/// Widths of the columns, in half-width characters: 序号, 单位 as wide as its longest name
/// (16 to 30), each score column from its header (wrapped at 12), the total.
fn widths(p: &Paper) -> Vec<f64> {
    let unit = p
        .rows
        .iter()
        .map(|l| width(&l.unit, Ambiguous::Wide))
        .max()
        .unwrap_or(0)
        .clamp(14, 28)
        + 2;
    p.header
        .iter()
        .enumerate()
        .map(|(c, h)| match c {
            0 => 6.0,
            1 => unit as f64,
            _ => (width(h, Ambiguous::Wide).clamp(6, 12) + 2) as f64,
        })
        .collect()
}

/// The sheets as a workbook, one worksheet each.
pub fn xlsx(papers: &[Paper], lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{
        Color, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook,
    };
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    if let Some(p) = papers.first() {
        book.set_properties(&DocProperties::new().set_title(format!(
            "{} {}",
            p.title,
            words::sheet_word(lang, !p.total)
        )));
    }
    let centre = Format::new()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let title = centre.clone().set_bold().set_font_size(16);
    let subtitle = centre.clone().set_bold().set_font_size(14);
    let left = Format::new()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter);
    let right = left.clone().set_align(FormatAlign::Right);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let head = cell.clone().set_bold().set_align(FormatAlign::Center);
    let middle = cell.clone().set_align(FormatAlign::Center);
    let grey = middle.clone().set_background_color(Color::RGB(0xD9D9D9));
    // A total of nothing shows nothing (a spreadsheet that keeps the formula's saved result
    // would print 0 on a blank sheet).
    let total = middle.clone().set_num_format("General;-General;;@");
    for p in papers {
        let ws = book.add_worksheet();
        ws.set_name(&p.tab).map_err(e)?;
        let w = widths(p);
        let last = (p.header.len() - 1) as u16;
        ws.merge_range(0, 0, 0, last, &p.title, &title).map_err(e)?;
        ws.set_row_height(0, 26).map_err(e)?;
        ws.merge_range(1, 0, 1, last, &p.subtitle, &subtitle)
            .map_err(e)?;
        ws.set_row_height(1, 22).map_err(e)?;
        // The reviewer in A3 (read back by the importer), the date on the right.
        ws.merge_range(2, 0, 2, 1, &p.who, &left).map_err(e)?;
        if let Some(d) = &p.date {
            ws.merge_range(2, 2, 2, last, d, &right).map_err(e)?;
        }
        if let Some(i) = &p.instruction {
            ws.merge_range(3, 0, 3, last, i, &left).map_err(e)?;
        }
        let header_row = 4;
        for (c, h) in p.header.iter().enumerate() {
            ws.write_string_with_format(header_row, c as u16, h, &head)
                .map_err(e)?;
        }
        ws.set_row_height(header_row, 32).map_err(e)?;
        let scores = p.header.len() - 2 - usize::from(p.total);
        for (i, line) in p.rows.iter().enumerate() {
            let r = header_row + 1 + i as u32;
            ws.write_number_with_format(r, 0, line.no as f64, &middle)
                .map_err(e)?;
            ws.write_string_with_format(r, 1, &line.unit, &cell)
                .map_err(e)?;
            for c in 0..scores {
                let col = 2 + c as u16;
                if line.recused {
                    ws.write_string_with_format(r, col, words::recused(lang), &grey)
                        .map_err(e)?;
                } else if p.total {
                    ws.write_blank(r, col, &middle).map_err(e)?;
                } else {
                    ws.write_string_with_format(r, col, words::BOX, &middle)
                        .map_err(e)?;
                }
            }
            if p.total {
                let col = 2 + scores as u16;
                if line.recused {
                    ws.write_blank(r, col, &grey).map_err(e)?;
                } else {
                    let first = rust_xlsxwriter::utility::row_col_to_cell(r, 2);
                    let end = rust_xlsxwriter::utility::row_col_to_cell(r, col - 1);
                    let sum = Formula::new(format!(
                        "=IF(COUNT({first}:{end})=0,\"\",SUM({first}:{end}))"
                    ))
                    .set_result("");
                    ws.write_formula_with_format(r, col, sum, &total)
                        .map_err(e)?;
                }
            }
            ws.set_row_height(r, 24).map_err(e)?;
        }
        let sign = header_row + p.rows.len() as u32 + 2;
        ws.merge_range(sign, 0, sign, last, &p.signature, &left)
            .map_err(e)?;
        ws.set_row_height(sign, 28).map_err(e)?;
        for (c, width) in w.iter().enumerate() {
            ws.set_column_width(c as u16, *width).map_err(e)?;
        }
        super::xlsx::print_setup(ws, w.iter().sum(), header_row, lang)?;
    }
    book.save_to_buffer().map_err(e)
}

/// The sheets as a Word document: one per page (A4; landscape when the table is wide), the
/// table with borders, the signature line under it.
pub fn docx(papers: &[Paper], lang: Lang) -> Result<Vec<u8>, String> {
    use docx_rs::{
        AlignmentType, BreakType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts,
        Shading, Table, TableCell, TableRow, VAlignType, WidthType,
    };
    let wide = papers
        .first()
        .is_some_and(|p| widths(p).iter().sum::<f64>() > 90.0);
    // A4 in twentieths of a point; margins of 2 cm.
    let (w, h) = if wide { (16838, 11906) } else { (11906, 16838) };
    let mut doc = Docx::new()
        .page_size(w, h)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134),
        )
        .default_fonts(RunFonts::new().east_asia("SimSun").ascii("Times New Roman"))
        .default_size(24);
    if wide {
        doc = doc.page_orient(PageOrientationType::Landscape);
    }
    let room = (w - 2 * 1134) as usize;
    let text = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let centred = |t: &str, size: usize| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(t).bold().size(size))
    };
    for (i, p) in papers.iter().enumerate() {
        let mut title = centred(&p.title, 36);
        if i > 0 {
            title = Paragraph::new()
                .add_run(Run::new().add_break(BreakType::Page))
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(&p.title).bold().size(36));
        }
        doc = doc
            .add_paragraph(title)
            .add_paragraph(centred(&p.subtitle, 30));
        let mut who = p.who.clone();
        if let Some(d) = &p.date {
            who = format!("{who}    {d}");
        }
        doc = doc.add_paragraph(text(&who));
        if let Some(i) = &p.instruction {
            doc = doc.add_paragraph(text(i));
        }
        // Word's 12-point text and cell margins take more room than a spreadsheet's cell.
        let mut ws = widths(p);
        if let Some(no) = ws.get_mut(0) {
            *no += 2.0;
        }
        if let Some(unit) = ws.get_mut(1) {
            *unit += 4.0;
        }
        let sum: f64 = ws.iter().sum();
        let grid: Vec<usize> = ws
            .iter()
            .map(|x| (x / sum * room as f64) as usize)
            .collect();
        let cellw = |c: usize| grid.get(c).copied().unwrap_or(1000);
        let head = TableRow::new(
            p.header
                .iter()
                .enumerate()
                .map(|(c, h)| {
                    TableCell::new()
                        .vertical_align(VAlignType::Center)
                        .width(cellw(c), WidthType::Dxa)
                        .add_paragraph(
                            Paragraph::new()
                                .align(AlignmentType::Center)
                                .add_run(Run::new().add_text(h).bold()),
                        )
                })
                .collect(),
        );
        let scores = p.header.len() - 2 - usize::from(p.total);
        let mut rows = vec![head];
        for line in &p.rows {
            let mut cells = vec![
                TableCell::new()
                    .vertical_align(VAlignType::Center)
                    .width(cellw(0), WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_text(line.no.to_string())),
                    ),
                TableCell::new()
                    .vertical_align(VAlignType::Center)
                    .width(cellw(1), WidthType::Dxa)
                    .add_paragraph(text(&line.unit)),
            ];
            for c in 0..scores + usize::from(p.total) {
                let is_total = c == scores;
                let shown = if line.recused && !is_total {
                    words::recused(lang)
                } else if !p.total {
                    words::BOX
                } else {
                    ""
                };
                let mut cell = TableCell::new()
                    .vertical_align(VAlignType::Center)
                    .width(cellw(2 + c), WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_text(shown)),
                    );
                if line.recused {
                    cell = cell.shading(Shading::new().fill("D9D9D9"));
                }
                cells.push(cell);
            }
            rows.push(TableRow::new(cells).row_height(440.0));
        }
        doc = doc
            .add_table(Table::new(rows).set_grid(grid.clone()))
            .add_paragraph(text(""))
            .add_paragraph(text(&p.signature));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_names_follow_excel_rules() {
        let mut taken = BTreeSet::new();
        assert_eq!(tab_name("王明", &mut taken), "王明");
        assert_eq!(tab_name("王明", &mut taken), "王明-2");
        assert_eq!(tab_name("a/b:c", &mut taken), "a_b_c");
        let long = "长".repeat(40);
        let one = tab_name(&long, &mut taken);
        let two = tab_name(&long, &mut taken);
        assert_eq!(one.chars().count(), 31);
        assert!(two.chars().count() <= 31 && two.ends_with("-2"), "{two}");
        assert_eq!(plain(400_000), "40");
        assert_eq!(plain(75_000), "7.5");
    }
}
