//! Drawing the form: the title, the steps, the current step's fields or tables, the problems
//! of this step, a line for the focused field (its hint, or a notice) and the key bar. Reads
//! the form only; the caret goes where the host types so an input method opens its window
//! there.

use super::state::{Ask, Col, Kind, PlanForm, STEPS, Sec};
use crate::strings::planform as t;
use crate::text::{self, Ambiguous};
use crate::widgets::{popup, put, put_in, theme};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// The whole frame, with the caret.
pub fn draw(frame: &mut Frame, form: &PlanForm, amb: Ambiguous) {
    let area = frame.area();
    if let Some(caret) = render(frame.buffer_mut(), area, form, amb) {
        frame.set_cursor_position(caret);
    }
}

/// The form into `buf`; where the caret goes (none while a question is up).
pub fn render(buf: &mut Buffer, area: Rect, form: &PlanForm, amb: Ambiguous) -> Option<Position> {
    let lang = form.lang;
    let issues = form.step_issues(form.focus.step);
    let issue_rows = if form.focus.step == STEPS - 1 {
        0
    } else {
        (issues.len() as u16).min(if area.height >= 28 { 4 } else { 3 })
    };
    let [head, steps, _, body, problems, note, keys] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(issue_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    // The title: what the form does, and the file.
    let file = form.save.cells.first().map_or("", String::as_str);
    let title = format!(
        " podium plan · {} · {}",
        t::title(lang, form.source.is_some()),
        file
    );
    buf.set_style(head, theme::header());
    put_in(buf, head, &title, theme::header(), amb);
    draw_steps(buf, steps, form, amb);
    let caret = if form.focus.step == STEPS - 1 {
        draw_summary(buf, body, form, amb)
    } else {
        draw_step(buf, body, form, amb)
    };
    for (row, issue) in problems.rows().zip(&issues) {
        let style = if issue.warning {
            theme::warn()
        } else {
            theme::error()
        };
        let line = text::truncate(&issue.text, row.width as usize, amb);
        put_in(buf, row, &line, style, amb);
    }
    // The notice, else what the focused field takes.
    let (line, style) = match &form.note {
        Some((n, true)) => (n.as_str(), theme::error()),
        Some((n, false)) => (n.as_str(), theme::info()),
        None if form.focused_sec() == Sec::Rules
            && form.mode == Some(crate::plan::ScoringMode::None) =>
        {
            (t::rules_not_used(lang), theme::warn())
        }
        None => (
            t::hint(lang, form.focused_sec().name(), form.focused_col().key),
            theme::dim(),
        ),
    };
    put_in(
        buf,
        note,
        &text::truncate(line, note.width as usize, amb),
        style,
        amb,
    );
    draw_keys(buf, keys, form, amb);
    if let Some(ask) = &form.ask {
        let question = match ask {
            Ask::Quit => t::ask_quit(lang).to_string(),
            Ask::Overwrite(p) => t::ask_overwrite(lang, &p.display().to_string()),
            Ask::Changed(p) => t::ask_changed(lang, &p.display().to_string()),
        };
        let width = (text::width(&question, amb) as u16 + 6)
            .max(30)
            .min(area.width);
        let lines = text::wrap(&question, width.saturating_sub(4) as usize, amb);
        let inner = popup(
            buf,
            area,
            width,
            lines.len() as u16 + 4,
            " podium plan ",
            amb,
        );
        let rows: Vec<Rect> = inner.rows().collect();
        // The question never on the answers' row (a terminal too small for the whole box).
        let room = rows.len().saturating_sub(2);
        for (row, line) in rows.iter().skip(1).take(room).zip(&lines) {
            put(
                buf,
                row.x + 1,
                row.y,
                row.width.saturating_sub(2),
                line,
                theme::title(),
                amb,
            );
        }
        if let Some(last) = rows.last() {
            put(
                buf,
                last.x + 1,
                last.y,
                last.width.saturating_sub(2),
                t::yes_no(lang),
                theme::key(),
                amb,
            );
        }
        return None;
    }
    caret
}

/// The steps in a row, the current one marked, those with errors in the error colour.
fn draw_steps(buf: &mut Buffer, area: Rect, form: &PlanForm, amb: Ambiguous) {
    let mut x = area.x + 1;
    for i in 0..STEPS {
        let errors = form.errors().any(|e| e.at.sec.step() == i);
        let label = format!(" {} {} ", i + 1, t::step(form.lang, i));
        let style = match (i == form.focus.step, errors) {
            (true, _) => theme::selected(true),
            (false, true) => theme::error(),
            (false, false) if form.skipped(i) => theme::dim().add_modifier(Modifier::CROSSED_OUT),
            (false, false) => theme::dim(),
        };
        x += put(
            buf,
            x,
            area.y,
            area.right().saturating_sub(x),
            &label,
            style,
            amb,
        );
        x += 1;
    }
}

/// A step of fields and tables; the caret.
fn draw_step(buf: &mut Buffer, area: Rect, form: &PlanForm, amb: Ambiguous) -> Option<Position> {
    let secs = form.sections(form.focus.step);
    // Form sections take a row a field; tables share what is left, each with its heading
    // (in the scoring step) and its column labels.
    let headed = secs.len() > 1;
    let constraints: Vec<Constraint> = secs
        .iter()
        .map(|s| match s {
            Sec::Mode => Constraint::Length(2),
            s if !s.is_table() => Constraint::Length(s.cols().len() as u16),
            s => Constraint::Fill(form.rows(*s).len().max(1) as u16 + 3),
        })
        .collect();
    let areas = area.layout_vec(&Layout::vertical(constraints));
    let mut caret = None;
    for (i, (sec, at)) in secs.iter().zip(areas).enumerate() {
        let focused = i == form.focus.sec;
        let c = if sec.is_table() {
            draw_table(buf, at, form, *sec, focused, headed, amb)
        } else {
            draw_fields(buf, at, form, *sec, focused, amb)
        };
        caret = caret.or(c);
    }
    caret
}

/// A column of labelled fields.
fn draw_fields(
    buf: &mut Buffer,
    area: Rect,
    form: &PlanForm,
    sec: Sec,
    focused: bool,
    amb: Ambiguous,
) -> Option<Position> {
    let lang = form.lang;
    let labels: Vec<&str> = sec
        .cols()
        .iter()
        .map(|c| t::label(lang, sec.name(), c.key))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| text::width(l, amb))
        .max()
        .unwrap_or(0) as u16
        + 3;
    let columns = Layout::horizontal([
        Constraint::Length(2),
        Constraint::Length(label_w),
        Constraint::Max(60),
        Constraint::Fill(1),
    ]);
    let mut caret = None;
    for (i, (row, label)) in area.rows().zip(&labels).enumerate() {
        let [_, label_at, field, _] = row.layout(&columns);
        let here = focused && form.focus.row == i;
        let error = form.cell_has_error(sec, 0, i) || form.cell_has_error(sec, i, 0);
        let style = match (here, error) {
            (_, true) => theme::error(),
            (true, false) => theme::title(),
            (false, false) => theme::dim(),
        };
        put_in(buf, label_at, label, style, amb);
        if sec == Sec::Mode {
            let shown = format!("‹ {} ›", t::mode(lang, form.mode.unwrap_or_default()));
            let style = if here {
                theme::info()
            } else {
                Style::default()
            };
            put_in(buf, field, &shown, style, amb);
            if here {
                caret = Some(Position::new(field.x + 2, field.y));
            }
            continue;
        }
        if here {
            caret = draw_editor(buf, field, form);
        } else {
            let value = form.cell(sec, i, 0);
            let shown = text::truncate(&text::clean_line(value), field.width as usize, amb);
            put_in(buf, field, &shown, Style::default(), amb);
        }
    }
    caret
}

/// The focused field's text with its caret, scrolled to keep the caret in sight.
fn draw_editor(buf: &mut Buffer, area: Rect, form: &PlanForm) -> Option<Position> {
    if area.width == 0 {
        return None;
    }
    buf.set_style(area, Style::default().add_modifier(Modifier::UNDERLINED));
    (&form.editor).render(area, buf);
    let c = form.editor.screen_cursor();
    let (_, left) = form.editor.scroll_offset();
    Some(Position::new(
        (area.x + c.col.saturating_sub(left as usize) as u16).min(area.right().saturating_sub(1)),
        area.y,
    ))
}

/// A table: its heading (in the scoring step), the column labels, and the rows in sight.
fn draw_table(
    buf: &mut Buffer,
    area: Rect,
    form: &PlanForm,
    sec: Sec,
    focused: bool,
    headed: bool,
    amb: Ambiguous,
) -> Option<Position> {
    let lang = form.lang;
    let mut area = area;
    if headed && area.height > 0 {
        let heading = t::section(lang, sec.name());
        let style = if focused {
            theme::title()
        } else {
            theme::dim()
        };
        let mut x = area.x + 1;
        x += put(
            buf,
            x,
            area.y,
            area.width.saturating_sub(1),
            heading,
            style,
            amb,
        );
        if sec == Sec::Groups {
            let names = form.reviewer_groups();
            if !names.is_empty() {
                let line = t::reviewer_groups(lang, &names.join(t::list_join(lang)));
                put(
                    buf,
                    x + 2,
                    area.y,
                    area.right().saturating_sub(x + 2),
                    &line,
                    theme::dim(),
                    amb,
                );
            }
        }
        area.y += 1;
        area.height -= 1;
    }
    if area.height < 2 {
        return None;
    }
    let cols = sec.cols();
    let rows = form.rows(sec);
    let mut constraints = vec![Constraint::Length(4)];
    for c in cols {
        constraints.push(match c.kind {
            // The kind is one of five words: as wide as the widest of them and the caret
            // after it, never cut (`brief…` at 80 columns in English).
            Kind::Agenda => Constraint::Length(kind_width(lang, sec, c, rows, amb)),
            _ => Constraint::Fill(c.width),
        });
    }
    let layout = Layout::horizontal(constraints).spacing(1);
    let header = Rect { height: 1, ..area };
    let cells = header.layout_vec(&layout);
    for (c, at) in cols.iter().zip(&cells[1..]) {
        put_in(
            buf,
            *at,
            &text::truncate(t::label(lang, sec.name(), c.key), at.width as usize, amb),
            theme::title().add_modifier(Modifier::UNDERLINED),
            amb,
        );
    }
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let visible = body.height as usize;
    let top = if focused {
        form.focus.row.saturating_sub(visible.saturating_sub(1))
    } else {
        0
    };
    let mut caret = None;
    for (row_area, (i, row)) in body.rows().zip(rows.iter().enumerate().skip(top)) {
        let cells = row_area.layout_vec(&layout);
        let here_row = focused && form.focus.row == i;
        let number_style = if here_row {
            theme::title()
        } else {
            theme::dim()
        };
        put_in(buf, cells[0], &format!("{:>3}", i + 1), number_style, amb);
        for (j, (c, at)) in cols.iter().zip(&cells[1..]).enumerate() {
            if here_row && form.focus.col == j {
                caret = draw_editor(buf, *at, form);
                continue;
            }
            let value = row.cells.get(j).map_or("", String::as_str);
            let style = if form.cell_has_error(sec, i, j) {
                theme::error()
            } else {
                Style::default()
            };
            draw_cell(buf, *at, value, c, style, amb, lang);
        }
        // A row with an error of its own (a name seen twice…) is marked at its number.
        if form
            .errors()
            .any(|e| e.at.sec == sec && e.at.row == Some(i) && e.at.col.is_none())
        {
            put_in(buf, cells[0], "!", theme::error(), amb);
        }
    }
    if rows.len() == 1 && rows[0].is_blank() && !focused {
        let at = Rect {
            x: body.x + 5,
            width: body.width.saturating_sub(5),
            ..body
        };
        put_in(buf, at, t::empty_table(lang), theme::dim(), amb);
    }
    caret
}

/// The width of a kind column: its widest kind name, its label, or a word typed or pasted in
/// it (`书面通报`, at most `KIND_WIDEST` columns), and a cell for the caret.
fn kind_width(
    lang: crate::strings::Lang,
    sec: Sec,
    col: &Col,
    rows: &[super::state::Row],
    amb: Ambiguous,
) -> u16 {
    let index = sec.cols().iter().position(|c| c.key == col.key);
    let typed = rows
        .iter()
        .filter_map(|r| index.and_then(|i| r.cells.get(i)))
        .map(|c| text::width(c.trim(), amb).min(KIND_WIDEST));
    crate::plan::UnitKind::ALL
        .iter()
        .map(|k| text::width(crate::strings::import::kind_name(lang, *k), amb))
        .chain([text::width(t::label(lang, sec.name(), col.key), amb)])
        .chain(typed)
        .max()
        .unwrap_or(0) as u16
        + 1
}

/// The most a word typed in a kind column widens it.
const KIND_WIDEST: usize = 10;

fn draw_cell(
    buf: &mut Buffer,
    at: Rect,
    value: &str,
    col: &Col,
    style: Style,
    amb: Ambiguous,
    lang: crate::strings::Lang,
) {
    // An empty kind is a report: shown so, dimmed.
    if col.kind == Kind::Agenda && value.trim().is_empty() {
        let name = crate::strings::import::kind_name(lang, crate::plan::UnitKind::Report);
        put_in(
            buf,
            at,
            &text::truncate(name, at.width as usize, amb),
            theme::dim(),
            amb,
        );
        return;
    }
    let shown = text::truncate(&text::clean_line(value), at.width as usize, amb);
    put_in(buf, at, &shown, style, amb);
}

/// The last step: where to save, what `podium check` would say, and every problem left.
fn draw_summary(buf: &mut Buffer, area: Rect, form: &PlanForm, amb: Ambiguous) -> Option<Position> {
    let lang = form.lang;
    let [field, _, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let caret = draw_fields(buf, field, form, Sec::Save, true, amb);
    let mut lines: Vec<(String, Style)> = Vec::new();
    if let Some(plan) = &form.plan {
        for line in crate::commands::check::summary(plan, lang).lines() {
            lines.push((line.to_string(), Style::default()));
        }
        lines.push((String::new(), Style::default()));
    }
    let errors: Vec<_> = form.errors().collect();
    if errors.is_empty() {
        lines.push((t::no_errors(lang).to_string(), theme::info()));
    } else {
        lines.push((t::errors_left(lang, errors.len()), theme::error()));
        for e in &errors {
            let step = t::step(lang, e.at.sec.step());
            lines.push((
                format!("  {} · {step} · {}", e.at.sec.step() + 1, e.text),
                theme::error(),
            ));
        }
    }
    for w in form.issues.iter().filter(|i| i.warning) {
        lines.push((format!("  {}", w.text), theme::warn()));
    }
    let width = rest.width.saturating_sub(2) as usize;
    let wrapped: Vec<(String, Style)> = lines
        .into_iter()
        .flat_map(|(l, s)| {
            text::wrap(&l, width, amb)
                .into_iter()
                .map(move |w| (w, s))
                .collect::<Vec<_>>()
        })
        .collect();
    // More than the screen holds: the last row says how many are not shown.
    let mut wrapped = wrapped;
    let room = rest.height as usize;
    if wrapped.len() > room && room > 0 {
        let hidden = wrapped.len() - (room - 1);
        wrapped.truncate(room - 1);
        wrapped.push((t::more_lines(lang, hidden), theme::dim()));
    }
    for (row, (line, style)) in rest.rows().zip(&wrapped) {
        put(
            buf,
            row.x + 2,
            row.y,
            row.width.saturating_sub(2),
            line,
            *style,
            amb,
        );
    }
    caret
}

/// The keys that work now, the least important left out when the row is too narrow.
fn draw_keys(buf: &mut Buffer, area: Rect, form: &PlanForm, amb: Ambiguous) {
    crate::widgets::key_bar(buf, area, super::hints(form), amb);
}
