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
                "Start / pause / resume the talk",
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
            pick("给选中的单位添加交办事项", "New task on the selected unit"),
        ),
        Action::Connections => (
            "c",
            pick("联网：记录员与加入码", "Network: note-takers, join code"),
        ),
        Action::Undo => (
            "u F7",
            pick(
                "撤销最近一次操作（可重复）",
                "Undo the last action (repeatable)",
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
            pick("修改选中单位的汇报人和职务", "Change presenter and role"),
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
        Action::ScoreSheet => (
            "s",
            pick("选中单位的评分表", "Score sheet of the selected unit"),
        ),
        Action::Results => ("v", pick("结果与排名", "Results and ranking")),
        Action::Publish => (
            "Ctrl+P",
            pick("公布结果（在结果页）", "Publish the results (results view)"),
        ),
        Action::Unlock => (
            "Ctrl+U",
            pick(
                "解锁已公布的评分（在结果页）",
                "Unlock published scores (results view)",
            ),
        ),
        Action::ImportScores => ("Ctrl+O", pick("导入评分文件", "Import a score file")),
        Action::Export => (
            "Ctrl+E",
            pick("导出 XLSX / CSV / 纪要", "Export XLSX / CSV / minutes"),
        ),
        Action::StageMessage => (
            "m F9",
            pick(
                "向大屏发送提示（留空撤下）",
                "Message to the stage display (empty clears)",
            ),
        ),
        Action::Privacy => (
            "p F8",
            pick(
                "本屏隐藏 / 显示点评和评分",
                "Hide / show remarks and scores here",
            ),
        ),
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

/// One row of the help: one or two actions side by side, or a note.
enum Row {
    Actions(Vec<(&'static str, &'static str)>),
    Note(String),
}

/// The rows of the help for a width: actions in two columns when there is room.
fn rows(lang: Lang, width: usize, amb: Ambiguous) -> Vec<Row> {
    let actions: Vec<(&str, &str)> = MENU.iter().map(|a| describe(lang, *a)).collect();
    let mut out = Vec::new();
    if width >= 96 {
        let half = actions.len().div_ceil(2);
        for i in 0..half {
            let mut row = vec![actions[i]];
            if let Some(right) = actions.get(half + i) {
                row.push(*right);
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
pub fn draw(buf: &mut Buffer, area: Rect, lang: Lang, amb: Ambiguous, scroll: u16) {
    Clear.render(area, buf);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(lang.s().help_title);
    let inner = b.inner(area);
    b.render(area, buf);
    let key_w = 10u16;
    let all = rows(lang, inner.width.saturating_sub(2) as usize, amb);
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
