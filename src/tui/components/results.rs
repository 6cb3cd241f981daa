//! The results view (`v`): the ranking, a bar chart of the finals, and how the selected
//! unit's final was computed, step by step; the keys that put the results on the stage
//! display and reveal them place by place.

use super::{Hint, Outcome};
use crate::decimal::plain;
use crate::report::tables::flag_text;
use crate::session::Time;
use crate::strings;
use crate::text::{self, Ambiguous};
use crate::tui::app::{App, Mode, Sheet};
use crate::tui::keys::Screen;
use crate::widgets::{put, theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

pub fn key(selected: &mut usize, key: &KeyEvent, app: &mut App, now: Time) -> Outcome {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let n = app.session().state().units.len().max(1);
    if let Some(action) = app.keys.action(Screen::Results, key) {
        return Outcome::Run(action);
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('v' | 'V') if !ctrl => return Outcome::Close,
        KeyCode::Up => *selected = selected.saturating_sub(1),
        KeyCode::Down => *selected = (*selected + 1).min(n - 1),
        KeyCode::Char('s' | 'S') if !ctrl => {
            let session = app.session();
            let results = crate::scoring::results(
                session.rules(),
                session.plan(),
                session.state(),
                session.clock(now),
            );
            if let Some(r) = crate::scoring::ranking(&results).get(*selected) {
                return Outcome::Replace(Mode::Sheet(Box::new(Sheet::new(r.unit.clone()))));
            }
        }
        _ => {}
    }
    Outcome::Stay
}

pub fn key_hints(app: &App) -> Vec<Hint> {
    super::keybar::table_hints(app, Screen::Results)
}

/// The results over `area`: the ranking, a bar chart of the finals, and how the selected
/// unit's final was computed.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let rules = session.rules();
    let published = session.state().scores.published;
    let title = strings::console::results_title(lang, published);
    let inner = super::sheet_view::frame(buf, area, title, amb);
    if inner.height < 4 || inner.width < 30 {
        return;
    }
    let results =
        crate::scoring::results(rules, session.plan(), session.state(), session.clock(now));
    let order = crate::scoring::ranking(&results);
    // Columns: rank, unit, final, score, penalty, one per group, then notes (and bars when
    // there is room for them); the explanation of the selected unit takes the rest.
    let groups: Vec<&str> = if rules.declared_groups {
        rules.groups.iter().map(|g| g.name.as_str()).collect()
    } else {
        Vec::new()
    };
    let group_w = 7usize;
    let table_need = (44 + group_w * groups.len() + 16) as u16;
    // Side by side where the table fits beside the explanation; stacked on narrow screens.
    let [table, detail] = if inner.width >= table_need + 28 {
        inner.layout(&Layout::horizontal([
            Constraint::Length(table_need),
            Constraint::Min(20),
        ]))
    } else {
        let rows = (order.len() as u16 + 1).min(inner.height / 2).max(2);
        inner.layout(&Layout::vertical([
            Constraint::Length(rows),
            Constraint::Min(1),
        ]))
    };
    let mut y = table.y;
    let mut head = strings::console::ranking_head(lang).to_string();
    for g in &groups {
        let name = text::truncate(g, group_w - 1, amb);
        let pad = group_w.saturating_sub(text::width(&name, amb));
        head.push_str(&format!("{}{name}", " ".repeat(pad)));
    }
    head.push_str(strings::console::ranking_notes(lang));
    put(
        buf,
        table.x + 1,
        y,
        table.width.saturating_sub(1),
        &head,
        theme::title(),
        amb,
    );
    y += 1;
    // Bars start from a floor below the lowest final, so close finals still look different.
    let finals: Vec<i64> = order.iter().filter_map(|r| r.final_score).collect();
    let best = finals.iter().copied().max().unwrap_or(1);
    let worst = finals.iter().copied().min().unwrap_or(0);
    let floor = (worst - (best - worst).max(1)).max(0);
    let room = table.bottom().saturating_sub(y) as usize;
    let first = (selected + 1).saturating_sub(room.max(1));
    for (i, r) in order.iter().enumerate().skip(first).take(room) {
        let is_sel = i == selected;
        let style = if is_sel {
            theme::selected(true)
        } else {
            Style::default()
        };
        if is_sel {
            buf.set_style(Rect::new(table.x, y, table.width, 1), style);
        }
        let rank = match (r.rank, r.tied) {
            (Some(k), true) => format!("{k}="),
            (Some(k), false) => k.to_string(),
            (None, _) => "—".into(),
        };
        let name = text::truncate(&text::clean_line(&r.unit), 16, amb);
        let pad = 16usize.saturating_sub(text::width(&name, amb));
        let mut line = format!(
            "{rank:>4} {name}{} {:>7} {:>7} {:>5}",
            " ".repeat(pad),
            strings::console::shown(rules, r.final_score),
            strings::console::shown(rules, r.score_rounded),
            if r.penalty() > 0 {
                format!("-{}", plain(r.penalty()))
            } else {
                String::new()
            },
        );
        for g in r.groups.iter().filter(|_| !groups.is_empty()) {
            line.push_str(&format!(
                "{:>w$}",
                strings::console::shown(rules, g.score.map(|s| rules.publish(s))),
                w = group_w
            ));
        }
        let notes = strings::console::short_notes(lang, r);
        line.push_str("  ");
        let used = put(
            buf,
            table.x + 1,
            y,
            table.width.saturating_sub(1),
            &line,
            style,
            amb,
        );
        let notes_used = put(
            buf,
            table.x + 1 + used,
            y,
            table.width.saturating_sub(used + 1),
            &notes,
            if is_sel { style } else { theme::warn() },
            amb,
        );
        // A bar of the final, scaled from the floor to the best, where room is left.
        let bar_x = table.x + 1 + used + notes_used + 1;
        let bar_room = table.right().saturating_sub(bar_x + 1);
        if let Some(f) = r.final_score
            && bar_room > 4
        {
            let span = (best - floor).max(1) as f64;
            let len = (((f - floor) as f64 / span) * bar_room as f64)
                .round()
                .max(1.0) as u16;
            let (symbol, bar_style) = match amb {
                Ambiguous::Narrow => ("█", Style::default().fg(ratatui::style::Color::Cyan)),
                Ambiguous::Wide => (" ", Style::default().bg(ratatui::style::Color::Cyan)),
            };
            for x in 0..len.min(bar_room) {
                buf[(bar_x + x, y)].set_symbol(symbol).set_style(bar_style);
            }
        }
        y += 1;
    }
    // How the selected unit's final was computed.
    if let Some(r) = order.get(selected) {
        let mut lines = vec![r.unit.clone()];
        lines.extend(strings::console::explain(lang, rules, r));
        let flags: Vec<String> = r.flags().iter().map(|f| flag_text(lang, f)).collect();
        if !flags.is_empty() {
            lines.push(flags.join(strings::console::flag_separator(lang)));
        }
        let mut y = detail.y;
        for (n, line) in lines.iter().enumerate() {
            for part in text::wrap(line, detail.width.saturating_sub(2) as usize, amb) {
                if y >= detail.bottom() {
                    return;
                }
                let style = if n == 0 {
                    theme::title()
                } else {
                    Style::default()
                };
                put(
                    buf,
                    detail.x + 1,
                    y,
                    detail.width.saturating_sub(1),
                    &part,
                    style,
                    amb,
                );
                y += 1;
            }
        }
    }
}
