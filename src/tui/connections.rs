//! The host's connection list (`c`): the addresses and the code to join with, who joined
//! and since when, what still waits on their laptops, and whether they may enter scores.

use super::app::App;
use super::theme;
use super::view::{fill, popup, put};
use crate::net::wire::Role;
use crate::strings::Lang;
use crate::text;
use crate::widgets::table::{Column, Row, Table};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Column widths: name, address, since, waiting, entered.
const WIDTHS: [u16; 5] = [15, 25, 11, 9, 9];
/// On a narrow screen the join time goes first, then the scores entered, then the queue.
const PRIORITIES: [u8; 5] = [u8::MAX, u8::MAX, 1, 3, 2];
/// The narrowest the name and the address get once the others are gone.
const MINIMA: [u16; 5] = [8, 15, 11, 9, 9];

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let Some(server) = &app.core.server else {
        return;
    };
    let zh = lang == Lang::Zh;
    let title = if zh {
        "联网 · 记录员连接"
    } else {
        "Network · note-takers"
    };
    let rows = server.peers.len().max(1) as u16;
    let inner = popup(buf, area, 84, rows + 8, title, amb);
    let w = inner.width.saturating_sub(1);
    let x = inner.x + 1;
    let mut y = inner.y;
    let line = |buf: &mut Buffer, y: &mut u16, text: &str, style: Style| {
        if *y < inner.bottom() {
            if style == theme::selected(true) {
                fill(buf, Rect::new(inner.x, *y, inner.width, 1), style);
            }
            let t = text::truncate(text, w as usize, amb);
            put(buf, x, *y, w, &t, style, amb);
        }
        *y += 1;
    };
    let code = if app.private {
        "••••••".to_string()
    } else {
        server.code().to_string()
    };
    let addrs = server.addrs.join("  ");
    let join = if zh {
        format!("加入码 {code}    地址 {addrs}")
    } else {
        format!("Join code {code}    at {addrs}")
    };
    line(buf, &mut y, &join, theme::info());
    let hint = if zh {
        format!(
            "记录员：podium join {} --name 姓名",
            server.addrs.first().map_or("", |a| a.as_str())
        )
    } else {
        format!(
            "Note-takers: podium join {} --name NAME",
            server.addrs.first().map_or("", |a| a.as_str())
        )
    };
    line(buf, &mut y, &hint, theme::dim());
    let scores = match (zh, server.scores()) {
        (true, true) => "评分录入：记录员可以录入（s 停止）",
        (true, false) => "评分录入：只有主持人（s 允许记录员录入）",
        (false, true) => "Score entry: note-takers may enter scores (s stops it)",
        (false, false) => "Score entry: the host only (s opens it to note-takers)",
    };
    line(buf, &mut y, scores, Style::default());
    y += 1;
    let headers = if zh {
        ["名字", "地址", "加入时间", "待发送", "已录入"]
    } else {
        ["Name", "Address", "Since", "Waiting", "Entered"]
    };
    let columns = (0..5)
        .map(|i| {
            Column::fixed(headers[i], WIDTHS[i])
                .min(MINIMA[i])
                .priority(PRIORITIES[i])
        })
        .collect();
    let rows = server
        .peers
        .iter()
        .map(|p| {
            let name = match p.role {
                Role::Notetaker => p.name.clone(),
                Role::Display => (if zh { "（大屏）" } else { "(display)" }).to_string(),
            };
            Row::new([
                name,
                p.addr.to_string(),
                p.since.format("%H:%M:%S").to_string(),
                p.pending.to_string(),
                p.entered.to_string(),
            ])
            .style(if p.pending > 0 {
                theme::warn()
            } else {
                Style::default()
            })
        })
        .collect();
    let list = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    Table::new(columns, amb)
        .rows(rows)
        .lead(1)
        .header_style(Some(theme::dim()))
        .selected(Some(selected), theme::selected(true))
        .draw(buf, list);
    if server.peers.is_empty() {
        y += 1;
        let none = if zh {
            "还没有人加入"
        } else {
            "Nobody has joined yet"
        };
        line(buf, &mut y, none, theme::dim());
    }
}
