//! The full key list (`?`), and the names of actions for the `F10` menu.

use super::app::{Action, MENU};
use super::theme;
use super::view::put;
use crate::strings::Lang;
use crate::text::{self, Ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

/// The keys of an action and what it does.
pub fn describe(lang: Lang, action: Action) -> (&'static str, &'static str) {
    let zh = lang == Lang::Zh;
    let pick = |z: &'static str, e: &'static str| if zh { z } else { e };
    match action {
        Action::ToggleTalk => (
            "Space F5",
            pick(
                "开始 / 暂停 / 继续当前汇报",
                "Start / pause / resume the current talk",
            ),
        ),
        Action::Next => (
            "n F6",
            pick(
                "结束当前汇报，转到下一个单位",
                "End the talk, move to the next unit",
            ),
        ),
        Action::SetCurrent => (
            "Enter",
            pick("把选中的单位设为当前", "Make the selected unit current"),
        ),
        Action::Remark => (
            "r F2",
            pick("给选中的行添加点评", "New remark on the selected row"),
        ),
        Action::General => ("g F3", pick("添加总体点评", "New general remark")),
        Action::Task => (
            "t F4",
            pick(
                "给选中的单位添加交办事项",
                "New follow-up task on the selected unit",
            ),
        ),
        Action::Undo => (
            "u F7",
            pick(
                "撤销最近一次操作（可重复）",
                "Undo the most recent action (repeatable)",
            ),
        ),
        Action::EditRemark => ("e", pick("编辑选中的点评", "Edit the selected remark")),
        Action::DeleteRemark => (
            "Delete",
            pick("删除选中的点评", "Delete the selected remark"),
        ),
        Action::ToggleSkip => (
            "x",
            pick("跳过 / 恢复选中的单位", "Skip / restore the selected unit"),
        ),
        Action::AddTime => (
            "+",
            pick("当前时限加 30 秒", "Add 30 s to the current limit"),
        ),
        Action::TakeTime => (
            "-",
            pick("当前时限减 30 秒", "Take 30 s from the current limit"),
        ),
        Action::AddUnit => (
            "a",
            pick("在当前单位后增加单位", "Add a unit after the current one"),
        ),
        Action::UpdateUnit => (
            "o",
            pick(
                "修改选中单位的汇报人和职务",
                "Change the selected unit's presenter and role",
            ),
        ),
        Action::MoveUp => (
            "Shift+↑",
            pick("选中的待汇报单位上移", "Move the selected pending unit up"),
        ),
        Action::MoveDown => (
            "Shift+↓",
            pick(
                "选中的待汇报单位下移",
                "Move the selected pending unit down",
            ),
        ),
        Action::Help => ("? F1", pick("按键帮助", "This help")),
        Action::EndMeeting => (
            "F10 ▸",
            pick("结束会议（在菜单中）", "End the meeting (in this menu)"),
        ),
        Action::Quit => (
            "q Ctrl+C",
            pick("退出（内容都已保存）", "Quit (everything is already saved)"),
        ),
    }
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

/// Every line of the help: (keys, what they do); notes have no keys.
fn lines(lang: Lang, width: usize, amb: Ambiguous) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = MENU
        .iter()
        .map(|a| {
            let (k, l) = describe(lang, *a);
            (k, l.to_string())
        })
        .collect();
    out.push(("", String::new()));
    for note in notes(lang) {
        for line in text::wrap(note, width, amb) {
            out.push(("", line));
        }
    }
    out
}

/// The full key list, scrolled by `scroll` lines when it is taller than the screen.
pub fn draw(buf: &mut Buffer, area: Rect, lang: Lang, amb: Ambiguous, scroll: u16) {
    Clear.render(area, buf);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(lang.s().help_title);
    let inner = b.inner(area);
    b.render(area, buf);
    let key_w = 12u16;
    let all = lines(lang, inner.width.saturating_sub(2) as usize, amb);
    let room = inner.height as usize;
    let top = (scroll as usize).min(all.len().saturating_sub(room));
    for (row, (keys, label)) in all.iter().skip(top).take(room).enumerate() {
        let y = inner.y + row as u16;
        if keys.is_empty() {
            put(
                buf,
                inner.x + 1,
                y,
                inner.width.saturating_sub(1),
                label,
                theme::dim(),
                amb,
            );
        } else {
            put(buf, inner.x + 1, y, key_w, keys, theme::title(), amb);
            let rest = inner.width.saturating_sub(key_w + 1);
            put(
                buf,
                inner.x + 1 + key_w,
                y,
                rest,
                &text::truncate(label, rest as usize, amb),
                Default::default(),
                amb,
            );
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
