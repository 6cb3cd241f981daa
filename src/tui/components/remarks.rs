//! The remarks panel (right of the live screen, under the timer): the remarks and tasks of the
//! selected row. With the focus on it, the arrows move the selected remark.

use crate::session::RemarkKind;
use crate::strings;
use crate::text;
use crate::tui::app::{App, Focus, Mode, PanelItem};
use crate::widgets::{block, fill, put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Moves the selected remark.
pub fn move_selection(app: &mut App, code: KeyCode) {
    let n = app.panel_items().len();
    if n == 0 {
        return;
    }
    let i = app.remark_selected.unwrap_or(n - 1);
    app.remark_selected = Some(match code {
        KeyCode::Up => i.saturating_sub(1),
        KeyCode::Down => (i + 1).min(n - 1),
        KeyCode::PageUp => i.saturating_sub(5),
        KeyCode::PageDown => (i + 5).min(n - 1),
        KeyCode::Home => 0,
        _ => n - 1,
    });
}

/// The remarks of the selected row, the selected remark kept in view; a note-taker's remarks
/// not yet confirmed by the host at the bottom.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let s = lang.s();
    let unit = app.remark_unit();
    let ids = app.panel_items();
    // A unit's open tasks (and how many are overdue) beside its remarks, on the host's screen.
    let open = |u: &str| {
        let day = app.meeting_day();
        let st = app.session().state();
        let open: Vec<_> = st.tasks_of(u).filter(|t| !t.status.is_finished()).collect();
        let late = open.iter().filter(|t| t.overdue(day)).count();
        match (open.len(), app.private) {
            (0, _) | (_, true) => String::new(),
            (n, false) => format!(" · {}", strings::taskview::open_count(lang, n, late)),
        }
    };
    let title = match &unit {
        Some(u) => format!("{} · {} ({}){}", s.remarks, u, ids.len(), open(u)),
        None => format!("{} ({})", s.general_remarks, ids.len()),
    };
    let focused = app.focus == Focus::Remarks && matches!(app.mode(), Mode::Live);
    let b = block(&title, amb, focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    // One blank column on the left of the text; a selected remark's rows are filled across.
    let text_column = |row: Rect| {
        let [_, text] = row.layout(&Layout::horizontal([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        text
    };
    if app.private {
        let row = text_column(inner);
        put(buf, row.x, row.y, row.width, s.hidden, theme::warn(), amb);
        return;
    }
    let width = (inner.width - 1) as usize;
    // A note-taker's remarks that the host has not confirmed yet, at the bottom.
    let mut waiting: Vec<String> = Vec::new();
    if let Some(r) = app.core.ledger.remote() {
        // Newest first, only as many as the panel holds (the wrapping is the cost).
        let queued: Vec<_> = r.waiting().collect();
        for q in queued.into_iter().rev() {
            if waiting.len() >= inner.height as usize {
                break;
            }
            let line = match &q.command {
                crate::session::Command::AddRemark {
                    unit: u,
                    reviewer,
                    text: t,
                    kind,
                } if *u == unit => {
                    let mark = if *kind == RemarkKind::Task {
                        s.task_mark
                    } else {
                        ""
                    };
                    let who = if reviewer.is_empty() { "—" } else { reviewer };
                    format!("{who} — {mark}{t}")
                }
                // A task typed on this laptop, not yet in the host's ledger.
                crate::session::Command::AddTask { task, unit: u, .. } if *u == unit => {
                    let due = task.due_text.clone();
                    let mark = strings::taskview::panel_task(
                        lang,
                        task.owner.as_deref(),
                        due.as_deref(),
                        false,
                    );
                    format!("{mark} — {}", task.text)
                }
                _ => continue,
            };
            let label = strings::console::waiting_mark(lang);
            let lines = text::wrap(&format!("{label}{line}"), width, amb);
            waiting.splice(0..0, lines);
        }
    }
    let keep = waiting.len().min(inner.height as usize);
    let [inner, waiting_rows] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(keep as u16),
    ]));
    for (row, line) in waiting_rows.rows().zip(&waiting[waiting.len() - keep..]) {
        let at = text_column(row);
        put(buf, at.x, at.y, at.width, line, theme::dim(), amb);
    }
    if ids.is_empty() {
        if keep == 0 {
            let row = text_column(inner);
            put(
                buf,
                row.x,
                row.y,
                row.width,
                s.no_remarks,
                theme::dim(),
                amb,
            );
        }
        return;
    }
    let st = app.session().state();
    // Lay out the selected remark and those before it, only as many as fill the panel, so a
    // row with thousands of remarks costs no more to draw than one with ten.
    let selected = app
        .remark_selected
        .unwrap_or(ids.len() - 1)
        .min(ids.len() - 1);
    let room = inner.height as usize;
    // Whole remarks only: the panel starts at a remark's first line, and when older remarks
    // do not fit, its top row says so. A selected remark taller than the panel shows from
    // its first line.
    let mut lines: Vec<(String, Style, usize)> = Vec::new();
    let mut first_shown = selected + 1;
    let day = app.meeting_day();
    for i in (0..=selected).rev() {
        let (line, style) = match ids.get(i) {
            Some(PanelItem::Remark(id)) => {
                let Some(r) = st.remark(*id) else { continue };
                let who = if r.reviewer.is_empty() {
                    "—"
                } else {
                    r.reviewer.as_str()
                };
                let (mark, style) = if r.kind == RemarkKind::Task {
                    (s.task_mark, theme::task())
                } else {
                    ("", Style::default())
                };
                (format!("{who} — {mark}{}", r.text), style)
            }
            Some(PanelItem::Task(id)) => {
                let Some(t) = st.task(*id) else { continue };
                let due = super::tasks::due_shown(t);
                let mark = strings::taskview::panel_task(
                    lang,
                    t.fields.owner.as_deref(),
                    due.as_deref(),
                    t.status.is_finished(),
                );
                let style = if t.overdue(day) {
                    theme::warn()
                } else {
                    theme::task()
                };
                (format!("{mark} — {}", t.fields.text), style)
            }
            None => continue,
        };
        let wrapped = text::wrap(&line, width, amb);
        // The row the "earlier remarks" line takes while older remarks stay hidden.
        let above = usize::from(i > 0);
        if !lines.is_empty() && lines.len() + wrapped.len() + above > room {
            break;
        }
        lines.splice(0..0, wrapped.into_iter().map(|l| (l, style, i)));
        first_shown = i;
        if lines.len() + above >= room {
            break;
        }
    }
    if first_shown > 0 && room > 1 {
        lines.insert(0, (s.earlier_remarks.to_string(), theme::dim(), usize::MAX));
    }
    if lines.len() > room {
        // The selected remark is taller than the panel: its last row shown ends in "…".
        lines.truncate(room);
        if let Some((line, _, _)) = lines.last_mut() {
            let cut = text::truncate(line, width.saturating_sub(1), amb);
            *line = if cut.ends_with('…') {
                cut
            } else {
                format!("{cut}…")
            };
        }
    }
    for (row, (line, style, i)) in inner.rows().zip(&lines) {
        let style = if *i == selected && focused {
            fill(buf, row, theme::selected(true));
            theme::selected(true)
        } else {
            *style
        };
        let at = text_column(row);
        put(buf, at.x, at.y, at.width, line, style, amb);
    }
}
