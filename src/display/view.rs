//! Drawing the stage display: a pure function of the session, the settings and the time.
//! Read from the back of a room: the countdown as large as the screen allows, the phase
//! colours of the console, the speaker's name, a stage message, and the results reveal.

use crate::scoring;
use crate::session::{Session, Status, Time};
use crate::strings::Lang;
use crate::text::{self, Ambiguous};
use crate::timer::{self, clock_text};
use crate::widgets::{bigtext, put, talk_label, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct DisplayOptions {
    pub lang: Lang,
    pub ambiguous: Ambiguous,
    pub clock_only: bool,
}

fn centered(buf: &mut Buffer, area: Rect, y: u16, line: &str, style: Style, amb: Ambiguous) {
    let line = text::truncate(&text::clean_line(line), area.width as usize, amb);
    let w = text::width(&line, amb) as u16;
    put(
        buf,
        area.x + area.width.saturating_sub(w) / 2,
        y,
        area.width,
        &line,
        style,
        amb,
    );
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
}

/// Draws the display for the whole `area`.
pub fn draw(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let now = session.clock(now);
    let st = session.state();
    if st.stage.results_shown && st.scores.published && !opts.clock_only {
        draw_results(buf, area, session, opts, now);
        return;
    }
    let amb = opts.ambiguous;
    let lang = opts.lang;
    let mut top = area.y;
    let mut bottom = area.bottom();
    // A stage message, prominent, above everything else.
    if let Some(message) = st.stage.message.as_deref()
        && !opts.clock_only
    {
        let lines = text::wrap(message, area.width.saturating_sub(4).max(1) as usize, amb);
        let rows = (lines.len() as u16 + 2).min(area.height / 3).max(1);
        let style = Style::default()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        buf.set_style(Rect::new(area.x, top, area.width, rows), style);
        let first = top + u16::from(rows > lines.len() as u16);
        for (i, line) in lines.iter().take(rows as usize).enumerate() {
            centered(buf, area, first + i as u16, line, style, amb);
        }
        top += rows + u16::from(area.height > 12);
    }
    let Some(unit) = st.current_unit() else {
        let line = if st.is_ended() {
            pick(lang, "会议结束", "The meeting has ended")
        } else {
            pick(lang, "请稍候", "Please wait")
        };
        let y = (top + (bottom.saturating_sub(top)) / 2).min(bottom.saturating_sub(1));
        centered(buf, area, y, &session.plan().title, theme::dim(), amb);
        centered(
            buf,
            area,
            y.saturating_add(2).min(bottom.saturating_sub(1)),
            line,
            theme::title(),
            amb,
        );
        return;
    };
    let status = unit.status();
    let reading = timer::read(unit, session.plan().warn_seconds(), now);
    let paused = status == Status::Paused;
    // Lines around the digits, kept only while 5-row digits, the label and the bar still fit.
    let digits_need = bigtext::GLYPH_HEIGHT + 2;
    let colon = pick(lang, "：", ": ");
    if !opts.clock_only && bottom.saturating_sub(top) > digits_need {
        // The speaker, in normal text.
        let who = [unit.presenter.as_deref(), unit.role.as_deref()]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let heading = if status == Status::Pending {
            format!("{}{colon}{}", pick(lang, "即将汇报", "Up next"), unit.name)
        } else {
            unit.name.clone()
        };
        centered(buf, area, top, &heading, theme::title(), amb);
        top += 1;
        if !who.is_empty() && bottom.saturating_sub(top) > digits_need + 1 {
            centered(buf, area, top, &who, Style::default(), amb);
            top += 1;
        }
        top += u16::from(bottom - top > 12);
        // Next unit, at the bottom.
        let next = st.next_pending_after(st.current_position());
        if let Some(next) = next
            && status != Status::Pending
            && bottom.saturating_sub(top) > digits_need
        {
            bottom -= 1;
            let line = format!("{}{colon}{}", pick(lang, "下一个", "Next"), next.name);
            centered(buf, area, bottom, &line, theme::dim(), amb);
        }
    }
    // The phase in words and the progress bar under the digits.
    let limit = format!(
        "{} {}",
        pick(lang, "时限", "Limit"),
        clock_text(reading.limit)
    );
    let (label, label_style) = talk_label(lang, status, &reading, limit);
    if bottom - top >= 4 {
        bottom -= 1;
        let bar_w = area.width.saturating_sub(4);
        let filled = (reading.progress() * bar_w as f64).round() as u16;
        buf.set_style(
            Rect::new(area.x + 2, bottom, bar_w, 1),
            Style::default().bg(Color::DarkGray),
        );
        buf.set_style(
            Rect::new(area.x + 2, bottom, filled, 1),
            Style::default().bg(theme::phase_color(reading.phase)),
        );
        bottom -= 1;
        centered(buf, area, bottom, &label, label_style, amb);
    }
    let digits = Rect::new(area.x, top, area.width, bottom.saturating_sub(top));
    let shown = reading.text();
    let (fill, mut style) = theme::digit_cell(amb, reading.phase, paused);
    if status == Status::Pending {
        style = style.fg(Color::DarkGray).bg(match amb {
            Ambiguous::Narrow => Color::Reset,
            Ambiguous::Wide => Color::DarkGray,
        });
    }
    if !bigtext::draw_fitting(buf, digits, &shown, style, fill, u16::MAX) {
        let y = digits.y + digits.height / 2;
        centered(
            buf,
            area,
            y.min(area.bottom() - 1),
            &shown,
            theme::phase_text(reading.phase),
            amb,
        );
    }
}

fn draw_results(buf: &mut Buffer, area: Rect, session: &Session, opts: DisplayOptions, now: Time) {
    let amb = opts.ambiguous;
    let lang = opts.lang;
    let rules = session.rules();
    let results = scoring::results(rules, session.plan(), session.state(), now);
    let ranked: Vec<_> = scoring::ranking(&results)
        .into_iter()
        .filter(|r| r.rank.is_some())
        .collect();
    let revealed = session.state().stage.revealed.min(ranked.len());
    let title = format!(
        "{} · {}",
        pick(lang, "测评结果", "Results"),
        session.plan().title
    );
    centered(buf, area, area.y, &title, theme::title(), amb);
    let room = area.height.saturating_sub(2) as usize;
    let shown: Vec<_> = ranked[ranked.len() - revealed..].iter().collect();
    // Spread the rows out when there is room, for reading from afar.
    let step = if ranked.len() * 2 <= room { 2 } else { 1 };
    let rows = ranked.len().min(room / step);
    // The window keeps the places just revealed in sight (they come from the bottom up).
    let first_revealed = ranked.len() - revealed;
    let start_index = first_revealed.min(ranked.len() - rows);
    let start = area.y + 2;
    for (i, r) in ranked.iter().enumerate().skip(start_index).take(rows) {
        let y = start + ((i - start_index) * step) as u16;
        if y >= area.bottom() {
            break;
        }
        let is_shown = shown.iter().any(|s| s.unit == r.unit);
        let line = if is_shown {
            let rank = r.rank.map_or_else(String::new, |k| k.to_string());
            let tie = if r.tied {
                pick(lang, "（并列）", " (tied)")
            } else {
                ""
            };
            let fin = r.final_score.map_or_else(String::new, |f| rules.show(f));
            match lang {
                Lang::Zh => format!("第{rank}名{tie}   {}   {fin}", r.unit),
                Lang::En => format!("#{rank}{tie}   {}   {fin}", r.unit),
            }
        } else {
            "· · ·".to_string()
        };
        let style = if is_shown && r.rank == Some(1) {
            theme::title().fg(Color::Yellow)
        } else if is_shown {
            theme::title()
        } else {
            theme::dim()
        };
        centered(buf, area, y, &line, style, amb);
    }
}
