//! The full key list (`?`), and the names of actions for the `F10` menu.

use super::app::Action;
use super::keys::{self, Keymap, TABLE};
use super::theme;
use super::view::put;
use crate::strings::Lang;
use crate::text::{self, Ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

/// The keys of an action (those in use) and what it does, from `keys::TABLE`.
pub fn describe(lang: Lang, keys: &Keymap, action: Action) -> (String, &'static str) {
    (keys.text(action), keys::label(action, lang))
}

/// Lines about the other modes, after the action list.
fn notes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Zh => &[
            "↑↓ 选择行 · Tab 在议程和点评之间切换 · Esc 关闭任何窗口",
            "F10 或 Ctrl+K：全部操作菜单（不需要记字母）",
            "输入时：Enter 保存 · Esc 取消 · Ctrl+J 换行 · Tab 切换点评人 · Ctrl+R 搜索点评人",
            "确认时：y 是 · n / Esc 否 · ←→ 选择 · Enter 执行所选",
        ],
        Lang::En => &[
            "↑↓ select a row · Tab switch agenda / remarks · Esc closes any view",
            "F10 or Ctrl+K: a menu of every action (no letters to remember)",
            "Typing: Enter saves · Esc cancels · Ctrl+J new line · Tab next reviewer · Ctrl+R find reviewer",
            "Confirming: y yes · n / Esc no · ←→ choose · Enter takes the highlighted answer",
        ],
    }
}

/// One row of the help: one or two actions side by side, or a note.
enum Row {
    Actions(Vec<(String, &'static str)>),
    Note(String),
}

/// The rows of the help for a width: actions in two columns when there is room.
fn rows(lang: Lang, keys: &Keymap, width: usize, amb: Ambiguous) -> Vec<Row> {
    let actions: Vec<(String, &str)> = TABLE
        .iter()
        .filter(|b| b.help)
        .map(|b| describe(lang, keys, b.action))
        .collect();
    let mut out = Vec::new();
    if width >= 96 {
        let half = actions.len().div_ceil(2);
        for i in 0..half {
            let mut row = vec![actions[i].clone()];
            if let Some(right) = actions.get(half + i) {
                row.push(right.clone());
            }
            out.push(Row::Actions(row));
        }
    } else {
        out.extend(actions.into_iter().map(|a| Row::Actions(vec![a])));
    }
    out.push(Row::Note(String::new()));
    for note in notes(lang) {
        for line in text::wrap(note, width, amb) {
            out.push(Row::Note(line));
        }
    }
    out
}

/// The full key list, scrolled by `scroll` rows when it is taller than the screen.
pub fn draw(buf: &mut Buffer, area: Rect, lang: Lang, keys: &Keymap, amb: Ambiguous, scroll: u16) {
    Clear.render(area, buf);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(lang.s().help_title);
    let inner = b.inner(area);
    b.render(area, buf);
    let key_w = 10u16;
    let all = rows(lang, keys, inner.width.saturating_sub(2) as usize, amb);
    let room = inner.height as usize;
    let top = (scroll as usize).min(all.len().saturating_sub(room));
    let col_w = if inner.width >= 98 {
        (inner.width - 2) / 2
    } else {
        inner.width.saturating_sub(1)
    };
    for (i, row) in all.iter().skip(top).take(room).enumerate() {
        let y = inner.y + i as u16;
        match row {
            Row::Note(line) => {
                put(
                    buf,
                    inner.x + 1,
                    y,
                    inner.width.saturating_sub(1),
                    line,
                    theme::dim(),
                    amb,
                );
            }
            Row::Actions(actions) => {
                for (c, (keys, label)) in actions.iter().enumerate() {
                    let x = inner.x + 1 + c as u16 * (col_w + 1);
                    put(buf, x, y, key_w, keys, theme::title(), amb);
                    let rest = col_w.saturating_sub(key_w);
                    let label = text::truncate(label, rest as usize, amb);
                    put(buf, x + key_w, y, rest, &label, Default::default(), amb);
                }
            }
        }
    }
    // Say that there is more above or below.
    if top > 0 {
        put(
            buf,
            inner.right().saturating_sub(2),
            inner.y,
            1,
            "↑",
            theme::info(),
            amb,
        );
    }
    if top + room < all.len() && inner.height > 0 {
        put(
            buf,
            inner.right().saturating_sub(2),
            inner.bottom() - 1,
            1,
            "↓",
            theme::info(),
            amb,
        );
    }
}
