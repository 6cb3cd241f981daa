//! The host's connection list (`c`): the addresses and the code to join with, who joined
//! and since when, what still waits on their laptops, and whether they may enter scores.

use super::app::App;
use super::theme;
use super::view::{fill, popup, put};
use crate::net::wire::Role;
use crate::strings::Lang;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Column widths: name, address, since, waiting, entered.
const WIDTHS: [usize; 5] = [16, 26, 12, 10, 10];

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let Some(server) = &app.server else {
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
    let columns = |cells: [&str; 5]| -> String {
        let mut out = String::new();
        for (cell, width) in cells.iter().zip(WIDTHS) {
            let cell = text::truncate(cell, width - 1, amb);
            let room = width.saturating_sub(text::width(&cell, amb));
            out.push_str(&cell);
            out.push_str(&" ".repeat(room));
        }
        out
    };
    let header = if zh {
        columns(["名字", "地址", "加入时间", "待发送", "已录入"])
    } else {
        columns(["Name", "Address", "Since", "Waiting", "Entered"])
    };
    line(buf, &mut y, &header, theme::dim());
    if server.peers.is_empty() {
        let none = if zh {
            "还没有人加入"
        } else {
            "Nobody has joined yet"
        };
        line(buf, &mut y, none, theme::dim());
    }
    for (i, p) in server.peers.iter().enumerate() {
        let name = match p.role {
            Role::Notetaker => p.name.clone(),
            Role::Display => (if zh { "（大屏）" } else { "(display)" }).to_string(),
        };
        let since = p.since.format("%H:%M:%S").to_string();
        let row = columns([
            &name,
            &p.addr.to_string(),
            &since,
            &p.pending.to_string(),
            &p.entered.to_string(),
        ]);
        let style = if i == selected {
            theme::selected(true)
        } else if p.pending > 0 {
            theme::warn()
        } else {
            Style::default()
        };
        line(buf, &mut y, &row, style);
    }
}
