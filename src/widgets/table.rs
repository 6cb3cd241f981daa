//! A table whose columns give way by priority: on a narrow area the least important columns
//! are dropped first, then the growing columns shrink to what is left. Widths are display
//! columns, measured with the ambiguous-width option, and text too long for its column is
//! cut with an ellipsis that never splits a double-width character.
//!
//! ratatui's own `Table` measures text without the ambiguous-width option, so the console
//! and the stage display lay out their tables here.

use super::{fill, put};
use crate::text::{self, Ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::borrow::Cow;

/// The priority of a column that is never dropped.
pub const KEEP: u8 = u8::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// What happens to text wider than its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Cut, ending with "…".
    Ellipsis,
    /// Cut at the column's edge.
    Clip,
}

/// One column: its header, its width, how its text sits, and how soon it gives way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub header_align: Align,
    pub align: Align,
    /// The width the column takes when there is room. A growing column takes at least this
    /// much of the room left over by the others, shared by `grow`.
    pub width: u16,
    /// The narrowest the column gets before a lower-priority column is dropped for it.
    pub min: u16,
    /// A share of the room left over by the fixed columns; 0 for a fixed column.
    pub grow: u16,
    /// Lower priorities are dropped first; `KEEP` is never dropped.
    pub priority: u8,
    /// Blank columns before this one (ignored for the first column shown).
    pub gap: u16,
    pub overflow: Overflow,
}

impl Column {
    /// A column `width` wide, left-aligned, never dropped, one blank before it.
    pub fn fixed(header: impl Into<String>, width: u16) -> Column {
        Column {
            header: header.into(),
            header_align: Align::Left,
            align: Align::Left,
            width,
            min: width,
            grow: 0,
            priority: KEEP,
            gap: 1,
            overflow: Overflow::Ellipsis,
        }
    }

    /// A column that takes a `grow` share of the room the fixed columns leave, at least
    /// `min` wide while lower-priority columns can still be dropped.
    pub fn growing(header: impl Into<String>, min: u16, grow: u16) -> Column {
        Column {
            width: min,
            grow: grow.max(1),
            ..Column::fixed(header, min)
        }
    }

    /// Right-aligned, header and cells.
    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self.header_align = Align::Right;
        self
    }

    /// The header aligned on its own (after `right`, to keep a header left).
    pub fn header_align(mut self, align: Align) -> Column {
        self.header_align = align;
        self
    }

    pub fn priority(mut self, priority: u8) -> Column {
        self.priority = priority;
        self
    }

    pub fn gap(mut self, gap: u16) -> Column {
        self.gap = gap;
        self
    }

    /// The narrowest a fixed column is shrunk to when nothing more can be dropped.
    pub fn min(mut self, min: u16) -> Column {
        self.min = min;
        self
    }

    pub fn clip(mut self) -> Column {
        self.overflow = Overflow::Clip;
        self
    }
}

/// A column as laid out: which one (its index in the table's list), where, how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub column: usize,
    /// Left edge, counted from the area's left edge.
    pub x: u16,
    pub width: u16,
}

/// Lays out `columns` in `width` display columns: drops the lowest priorities until the
/// growing columns have their minimum (or nothing more can be dropped), shares the room
/// left among the growing columns, and, with no growing column, shrinks the fixed columns
/// from the right down to their minimum. Columns past the right edge are cut there.
pub fn layout(columns: &[Column], width: u16) -> Vec<Placed> {
    let mut shown = vec![true; columns.len()];
    let gaps = |shown: &[bool]| -> u16 {
        let mut first = true;
        let mut sum = 0u16;
        for (c, _) in columns.iter().zip(shown).filter(|(_, s)| **s) {
            if !first {
                sum = sum.saturating_add(c.gap);
            }
            first = false;
        }
        sum
    };
    let mut room;
    loop {
        let fixed: u16 = columns
            .iter()
            .zip(&shown)
            .filter(|(c, s)| **s && c.grow == 0)
            .fold(0u16, |a, (c, _)| a.saturating_add(c.width));
        let wanted: u16 = columns
            .iter()
            .zip(&shown)
            .filter(|(c, s)| **s && c.grow > 0)
            .fold(0u16, |a, (c, _)| a.saturating_add(c.width));
        room = width.saturating_sub(fixed.saturating_add(gaps(&shown)));
        let fits = if wanted > 0 {
            room >= wanted
        } else {
            fixed.saturating_add(gaps(&shown)) <= width
        };
        // The lowest priority goes first; of equals, the rightmost.
        let drop = columns
            .iter()
            .enumerate()
            .filter(|(i, c)| shown[*i] && c.priority != KEEP)
            .min_by_key(|(i, c)| (c.priority, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        match drop {
            Some(i) if !fits => shown[i] = false,
            _ => break,
        }
    }
    let mut widths: Vec<u16> = columns.iter().map(|c| c.width).collect();
    let growing: Vec<usize> = (0..columns.len())
        .filter(|&i| shown[i] && columns[i].grow > 0)
        .collect();
    if let Some((&last, others)) = growing.split_last() {
        let shares: u32 = growing.iter().map(|&i| columns[i].grow as u32).sum();
        let mut left = room;
        for &i in others {
            let w = ((room as u32 * columns[i].grow as u32 / shares) as u16).max(columns[i].min);
            widths[i] = w;
            left = left.saturating_sub(w);
        }
        widths[last] = left;
    } else {
        // Nothing grows: shrink from the right while the row is too wide.
        let mut over = columns
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .fold(gaps(&shown), |a, (c, _)| a.saturating_add(c.width))
            .saturating_sub(width);
        for i in (0..columns.len()).rev().filter(|&i| shown[i]) {
            if over == 0 {
                break;
            }
            let give = widths[i].saturating_sub(columns[i].min).min(over);
            widths[i] -= give;
            over -= give;
        }
    }
    let mut placed = Vec::new();
    let mut x = 0u16;
    for (i, c) in columns.iter().enumerate().filter(|(i, _)| shown[*i]) {
        if !placed.is_empty() {
            x = x.saturating_add(c.gap);
        }
        if x >= width {
            break;
        }
        let w = widths[i].min(width - x);
        placed.push(Placed {
            column: i,
            x,
            width: w,
        });
        x = x.saturating_add(widths[i]);
    }
    placed
}

/// One cell's text, with its own style where it differs from the row's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell<'a> {
    pub text: Cow<'a, str>,
    /// The text's style instead of the row's (not on the selected row).
    pub style: Option<Style>,
    /// Laid over the cell's whole width after drawing (not on the selected row).
    pub mark: Option<Style>,
}

impl<'a> Cell<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell {
            text: text.into(),
            style: None,
            mark: None,
        }
    }

    pub fn style(mut self, style: Style) -> Cell<'a> {
        self.style = Some(style);
        self
    }

    pub fn mark(mut self, style: Style) -> Cell<'a> {
        self.mark = Some(style);
        self
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(text: &'a str) -> Cell<'a> {
        Cell::new(text)
    }
}

impl From<String> for Cell<'_> {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

/// One row: a cell for each column (by the column's index; missing cells are blank) and
/// the row's style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
    pub style: Style,
}

impl<'a> Row<'a> {
    pub fn new<C: Into<Cell<'a>>>(cells: impl IntoIterator<Item = C>) -> Row<'a> {
        Row {
            cells: cells.into_iter().map(Into::into).collect(),
            style: Style::default(),
        }
    }

    pub fn style(mut self, style: Style) -> Row<'a> {
        self.style = style;
        self
    }
}

/// Where a row was drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnRow {
    /// The row's index in the table's rows.
    pub index: usize,
    pub y: u16,
    /// For each placed column, the x just after the text drawn in it.
    pub ends: Vec<u16>,
}

/// What `Table::draw` did: the columns (with absolute x) and the rows in sight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub columns: Vec<Placed>,
    pub rows: Vec<DrawnRow>,
}

impl Drawn {
    /// Where column `index` (in the table's list) was placed, if it was not dropped.
    pub fn column(&self, index: usize) -> Option<Placed> {
        self.columns.iter().copied().find(|p| p.column == index)
    }

    /// The y of row `index`, if it is in sight.
    pub fn row_y(&self, index: usize) -> Option<u16> {
        self.rows.iter().find(|r| r.index == index).map(|r| r.y)
    }
}

/// A table to draw: columns, rows, the selected row, and how the header looks.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub columns: Vec<Column>,
    pub rows: Vec<Row<'a>>,
    /// Drawn in `selected_style` across the whole width, and kept in sight.
    pub selected: Option<usize>,
    pub selected_style: Style,
    /// `None` draws no header row.
    pub header_style: Option<Style>,
    /// Blank columns left of the first column (for a marker the caller draws).
    pub lead: u16,
    pub amb: Ambiguous,
}

impl<'a> Table<'a> {
    pub fn new(columns: Vec<Column>, amb: Ambiguous) -> Table<'a> {
        Table {
            columns,
            rows: Vec::new(),
            selected: None,
            selected_style: Style::default(),
            header_style: Some(Style::default()),
            lead: 0,
            amb,
        }
    }

    pub fn rows(mut self, rows: Vec<Row<'a>>) -> Table<'a> {
        self.rows = rows;
        self
    }

    pub fn selected(mut self, selected: Option<usize>, style: Style) -> Table<'a> {
        self.selected = selected;
        self.selected_style = style;
        self
    }

    pub fn header_style(mut self, style: Option<Style>) -> Table<'a> {
        self.header_style = style;
        self
    }

    pub fn lead(mut self, lead: u16) -> Table<'a> {
        self.lead = lead;
        self
    }

    /// The columns laid out for `width` (the area's width, lead included), x from the
    /// area's left edge.
    pub fn layout(&self, width: u16) -> Vec<Placed> {
        let mut placed = layout(&self.columns, width.saturating_sub(self.lead));
        for p in &mut placed {
            p.x += self.lead;
        }
        placed
    }

    /// The first row in sight when `room` rows fit: the selected row stays in view.
    pub fn first_row(&self, room: usize) -> usize {
        match self.selected {
            Some(s) if room > 0 && s >= room => s + 1 - room,
            _ => 0,
        }
    }

    /// Draws the header (if any) and the rows that fit in `area`.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) -> Drawn {
        let mut columns = self.layout(area.width);
        for p in &mut columns {
            p.x += area.x;
        }
        let mut drawn = Drawn {
            columns,
            rows: Vec::new(),
        };
        if area.height == 0 || area.width == 0 {
            return drawn;
        }
        let mut y = area.y;
        if let Some(style) = self.header_style {
            for p in &drawn.columns {
                let c = &self.columns[p.column];
                self.cell(buf, p, y, &c.header, c.header_align, c.overflow, style);
            }
            y += 1;
        }
        let room = area.bottom().saturating_sub(y) as usize;
        let first = self.first_row(room);
        for (index, row) in self.rows.iter().enumerate().skip(first).take(room) {
            let selected = self.selected == Some(index);
            let style = if selected {
                fill(
                    buf,
                    Rect::new(area.x, y, area.width, 1),
                    self.selected_style,
                );
                self.selected_style
            } else {
                row.style
            };
            let mut ends = Vec::with_capacity(drawn.columns.len());
            for p in &drawn.columns {
                let c = &self.columns[p.column];
                let cell = row.cells.get(p.column);
                let content = cell.map_or("", |c| c.text.as_ref());
                let own = cell.and_then(|c| c.style).filter(|_| !selected);
                let end = self.cell(
                    buf,
                    p,
                    y,
                    content,
                    c.align,
                    c.overflow,
                    own.unwrap_or(style),
                );
                ends.push(end);
                if let Some(mark) = cell.and_then(|c| c.mark).filter(|_| !selected) {
                    buf.set_style(Rect::new(p.x, y, p.width, 1), mark);
                }
            }
            drawn.rows.push(DrawnRow { index, y, ends });
            y += 1;
        }
        drawn
    }

    /// Writes one cell's text in its column; returns the x just after it.
    #[allow(clippy::too_many_arguments)]
    fn cell(
        &self,
        buf: &mut Buffer,
        p: &Placed,
        y: u16,
        content: &str,
        align: Align,
        overflow: Overflow,
        style: Style,
    ) -> u16 {
        let amb = self.amb;
        let clean = text::clean_line(content);
        let t = match overflow {
            Overflow::Ellipsis => text::truncate(&clean, p.width as usize, amb),
            Overflow::Clip => clean,
        };
        let w = (text::width(&t, amb) as u16).min(p.width);
        let at = match align {
            Align::Left => p.x,
            Align::Right => p.x + p.width - w,
        };
        at + put(buf, at, y, p.width - (at - p.x), &t, style, amb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    /// The console's agenda: number, unit, presenter, plan, actual, status, over, remarks.
    fn agenda(status_w: u16) -> Vec<Column> {
        vec![
            Column::fixed("#", 3).right().priority(5),
            Column::growing("Unit", 10, 3),
            Column::growing("Presenter", 10, 2).priority(1),
            Column::fixed("Plan", 6).right().priority(2),
            Column::fixed("Actual", 6).right(),
            Column::fixed("Status", status_w),
            Column::fixed("Over", 7).right().priority(4),
            Column::fixed("Notes", 4).right().priority(3),
        ]
    }

    fn shown(placed: &[Placed]) -> Vec<(usize, u16, u16)> {
        placed.iter().map(|p| (p.column, p.x, p.width)).collect()
    }

    /// A row as the terminal shows it: the cell a wide character covers is skipped.
    fn row_text(buf: &Buffer, y: u16) -> String {
        let area = buf.area;
        let mut out = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += text::width(symbol, Ambiguous::Narrow).max(1) as u16;
        }
        out
    }

    #[test]
    fn everything_fits_on_a_wide_area() {
        // 8 columns, fixed 3+6+6+7+7+4 = 33, gaps 7: 60 - 40 = 20 left, 12 and 8.
        let p = layout(&agenda(7), 60);
        assert_eq!(
            shown(&p),
            vec![
                (0, 0, 3),
                (1, 4, 12),
                (2, 17, 8),
                (3, 26, 6),
                (4, 33, 6),
                (5, 40, 7),
                (6, 48, 7),
                (7, 56, 4)
            ]
        );
    }

    #[test]
    fn the_lowest_priority_goes_first_then_the_growing_column_shrinks() {
        // 59: the two growing columns would have 19 < 20: the presenter goes.
        let p = layout(&agenda(7), 59);
        assert_eq!(
            p.iter().map(|p| p.column).collect::<Vec<_>>(),
            [0, 1, 3, 4, 5, 6, 7]
        );
        assert_eq!(p[1].width, 59 - (33 + 6));
        // Narrower: plan, remarks, over and the number follow, in that order.
        let cols = |w| {
            layout(&agenda(7), w)
                .iter()
                .map(|p| p.column)
                .collect::<Vec<_>>()
        };
        assert_eq!(cols(49), [0, 1, 3, 4, 5, 6, 7]);
        assert_eq!(cols(48), [0, 1, 4, 5, 6, 7]);
        assert_eq!(cols(41), [0, 1, 4, 5, 6]);
        assert_eq!(cols(36), [0, 1, 4, 5]);
        assert_eq!(cols(28), [1, 4, 5]);
        // Nothing more to drop: the unit name shrinks below its minimum.
        let p = layout(&agenda(7), 20);
        assert_eq!(shown(&p), vec![(1, 0, 5), (4, 6, 6), (5, 13, 7)]);
        assert_eq!(shown(&layout(&agenda(7), 0)), vec![]);
    }

    #[test]
    fn the_growing_share_keeps_its_minimum() {
        let cols = vec![
            Column::growing("a", 10, 1),
            Column::growing("b", 5, 4).priority(1),
        ];
        // 1/5 of 20 is 4, below the minimum of 10: a takes 10, b the rest.
        assert_eq!(shown(&layout(&cols, 21)), vec![(0, 0, 10), (1, 11, 10)]);
        assert_eq!(shown(&layout(&cols, 51)), vec![(0, 0, 10), (1, 11, 40)]);
        assert_eq!(shown(&layout(&cols, 101)), vec![(0, 0, 20), (1, 21, 80)]);
    }

    #[test]
    fn fixed_columns_shrink_from_the_right_then_are_cut_at_the_edge() {
        let cols = vec![
            Column::fixed("Name", 15).min(8),
            Column::fixed("Address", 25).min(12),
            Column::fixed("Since", 11).priority(1),
        ];
        assert_eq!(
            shown(&layout(&cols, 60)),
            vec![(0, 0, 15), (1, 16, 25), (2, 42, 11)]
        );
        // Since is dropped, then the address shrinks to 12, the name to 8, then the cut.
        assert_eq!(shown(&layout(&cols, 40)), vec![(0, 0, 15), (1, 16, 24)]);
        assert_eq!(shown(&layout(&cols, 25)), vec![(0, 0, 12), (1, 13, 12)]);
        assert_eq!(shown(&layout(&cols, 15)), vec![(0, 0, 8), (1, 9, 6)]);
    }

    #[test]
    fn cjk_text_is_cut_with_an_ellipsis_between_characters() {
        let cols = vec![Column::fixed("单位", 7), Column::fixed("得分", 6).right()];
        let table = Table::new(cols, Ambiguous::Narrow).rows(vec![
            Row::new(["第一研究室", "85.5"]),
            Row::new(["ab", "一二三四"]),
        ]);
        let buf_area = Rect::new(0, 0, 14, 3);
        let mut buf = Buffer::empty(buf_area);
        let drawn = table.draw(&mut buf, buf_area);
        // 7 columns hold three CJK characters and the ellipsis; the header is right-aligned.
        assert_eq!(row_text(&buf, 0), "单位      得分");
        assert_eq!(row_text(&buf, 1), "第一研…   85.5");
        // Four CJK characters in 6 columns: two, the ellipsis, and one blank before them.
        assert_eq!(row_text(&buf, 2), "ab       一二…");
        assert_eq!(drawn.rows[0].ends, vec![7, 14]);
        assert_eq!(drawn.rows[1].ends, vec![2, 14]);
    }

    #[test]
    fn ambiguous_characters_count_by_the_option() {
        // "±" and "…" are ambiguous: one column narrow, two wide.
        let cols = vec![Column::fixed("x", 5).right()];
        let rows = vec![Row::new(["±1±2±"])];
        let narrow_area = Rect::new(0, 0, 5, 2);
        let mut narrow = Buffer::empty(narrow_area);
        Table::new(cols.clone(), Ambiguous::Narrow)
            .rows(rows.clone())
            .draw(&mut narrow, narrow_area);
        assert_eq!(row_text(&narrow, 1), "±1±2±");
        let wide_area = Rect::new(0, 0, 5, 2);
        let mut wide = Buffer::empty(wide_area);
        let drawn = Table::new(cols, Ambiguous::Wide)
            .rows(rows)
            .draw(&mut wide, wide_area);
        // Wide: "±1" (3 columns) and a two-column ellipsis.
        assert_eq!(wide[(0, 1)].symbol(), "±");
        assert_eq!(wide[(2, 1)].symbol(), "1");
        assert_eq!(wide[(3, 1)].symbol(), "…");
        assert_eq!(drawn.rows[0].ends, vec![5]);
        // A wide column's growing share is counted in display columns too.
        assert_eq!(text::width("±", Ambiguous::Wide), 2);
    }

    #[test]
    fn clipped_text_stops_at_the_column_edge() {
        let cols = vec![Column::fixed("a", 4).clip(), Column::fixed("b", 3)];
        let table = Table::new(cols, Ambiguous::Narrow)
            .header_style(None)
            .rows(vec![Row::new(["abcdef", "xy"])]);
        let buf_area = Rect::new(0, 0, 8, 1);
        let mut buf = Buffer::empty(buf_area);
        table.draw(&mut buf, buf_area);
        assert_eq!(row_text(&buf, 0), "abcd xy ");
    }

    #[test]
    fn the_selected_row_is_filled_kept_in_sight_and_plain() {
        let cols = vec![Column::fixed("n", 2), Column::fixed("v", 3).priority(1)];
        let warn = Style::default().fg(Color::Yellow);
        let red = Style::default().fg(Color::Red);
        let sel = Style::default().bg(Color::Cyan);
        let rows = (0..6)
            .map(|i| {
                Row::new([
                    Cell::new(i.to_string()).style(warn),
                    Cell::new("v").mark(red),
                ])
                .style(Style::default().fg(Color::Green))
            })
            .collect();
        let table = Table::new(cols, Ambiguous::Narrow)
            .rows(rows)
            .lead(1)
            .selected(Some(4), sel);
        let buf_area = Rect::new(0, 0, 8, 4);
        let mut buf = Buffer::empty(buf_area);
        let drawn = table.draw(&mut buf, buf_area);
        // Three rows fit under the header: 2, 3 and the selected 4.
        assert_eq!(
            drawn
                .rows
                .iter()
                .map(|r| (r.index, r.y))
                .collect::<Vec<_>>(),
            [(2, 1), (3, 2), (4, 3)]
        );
        assert_eq!(row_text(&buf, 0), " n  v   ");
        assert_eq!(row_text(&buf, 3), " 4  v   ");
        assert_eq!(drawn.column(1).map(|p| p.x), Some(4));
        // The selected row: filled across the whole width, without the cells' own styles.
        for x in 0..8 {
            assert_eq!(buf[(x, 3)].bg, Color::Cyan);
            assert_eq!(buf[(x, 3)].fg, Color::Reset);
        }
        // Other rows: the cell's own style for its text, the mark over the whole cell.
        assert_eq!(buf[(1, 2)].fg, Color::Yellow);
        assert_eq!(buf[(4, 2)].fg, Color::Red);
        assert_eq!(buf[(6, 2)].fg, Color::Red);
        assert_eq!(buf[(7, 2)].fg, Color::Reset);
    }
}
