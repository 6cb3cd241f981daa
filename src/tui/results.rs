//! Drawing the score sheet and the results view (ranking, bar chart of finals, and how the
//! selected unit's final was computed, step by step).

use super::app::App;
use super::sheet::Sheet;
use super::theme;
use super::view::put;
use crate::decimal::plain;
use crate::plan::ScoringMode;
use crate::report::tables::flag_text;
use crate::scoring::{Rules, UnitResult};
use crate::session::Time;
use crate::strings::{self, Lang};
use crate::text::{self, Ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

fn frame(buf: &mut Buffer, area: Rect, title: &str, amb: Ambiguous) -> Rect {
    Clear.render(area, buf);
    let b = Block::bordered()
        .border_set(theme::border_set(amb))
        .border_style(theme::info())
        .title(text::clean_line(title));
    let inner = b.inner(area);
    b.render(area, buf);
    inner
}

fn shown(rules: &Rules, v: Option<i64>) -> String {
    v.map_or_else(|| "—".into(), |v| rules.show(v))
}

/// The lines that explain one unit's result, in the host's language.
pub fn explain(lang: Lang, rules: &Rules, r: &UnitResult) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    // Exact values are in ten-thousandths: shown with four decimals.
    let four = |x: crate::ratio::Ratio| crate::decimal::format_scaled(x.round(0), 4, 4);
    match rules.mode {
        ScoringMode::Points => {
            for (gi, g) in r.groups.iter().enumerate() {
                let name = if g.name.is_empty() {
                    if zh {
                        "全体".to_string()
                    } else {
                        "all".to_string()
                    }
                } else {
                    g.name.clone()
                };
                let totals: Vec<String> = r
                    .totals
                    .iter()
                    .filter(|(who, _)| rules.reviewer_group.get(who).copied().unwrap_or(0) == gi)
                    .map(|(who, t)| format!("{who} {}", plain(*t)))
                    .collect();
                if g.n == 0 {
                    out.push(if zh {
                        format!("{name}：无完整评分，不计入")
                    } else {
                        format!("{name}: no complete sheet, left out")
                    });
                    continue;
                }
                out.push(if zh {
                    format!("{name}（{}）：{}", g.n, totals.join("、"))
                } else {
                    format!("{name} ({}): {}", g.n, totals.join(", "))
                });
                if g.trimmed {
                    out.push(if zh {
                        format!(
                            "  去掉最高 {}，最低 {}",
                            g.dropped_high.join("、"),
                            g.dropped_low.join("、")
                        )
                    } else {
                        format!(
                            "  dropped highest {}, lowest {}",
                            g.dropped_high.join(", "),
                            g.dropped_low.join(", ")
                        )
                    });
                } else if rules.trim > 0 {
                    out.push(if zh {
                        format!("  不足 {} 份，不去分", rules.trim_min)
                    } else {
                        format!("  fewer than {}, not trimmed", rules.trim_min)
                    });
                }
                if let Some(s) = g.score {
                    out.push(if zh {
                        format!("  平均 {}", four(s))
                    } else {
                        format!("  mean {}", four(s))
                    });
                }
            }
            if let Some(score) = r.score {
                let parts: Vec<String> = r
                    .groups
                    .iter()
                    .zip(&rules.groups)
                    .filter_map(|(g, rule)| {
                        g.score
                            .map(|s| format!("{}×{}", plain(rule.weight), four(s)))
                    })
                    .collect();
                let weights: i64 = r
                    .groups
                    .iter()
                    .zip(&rules.groups)
                    .filter(|(g, _)| g.score.is_some())
                    .map(|(_, rule)| rule.weight)
                    .sum();
                if rules.groups.len() > 1 {
                    out.push(format!(
                        "({}) ÷ {} = {}",
                        parts.join(" + "),
                        plain(weights),
                        four(score)
                    ));
                }
                out.push(if zh {
                    format!(
                        "四舍五入到 {} 位：{}",
                        rules.decimals,
                        shown(rules, r.score_rounded)
                    )
                } else {
                    format!(
                        "rounded to {} decimals: {}",
                        rules.decimals,
                        shown(rules, r.score_rounded)
                    )
                });
            }
        }
        ScoringMode::Grades => {
            let counts: Vec<String> = rules
                .grades
                .iter()
                .zip(&r.grade_counts)
                .map(|(g, c)| format!("{} {c}", g.name))
                .collect();
            out.push(counts.join(if zh { "、" } else { ", " }));
            if let Some(score) = r.score {
                out.push(format!("Σ = {}", four(score)));
            }
        }
    }
    if let Some(o) = &rules.overtime
        && r.overtime_seconds > 0
    {
        out.push(if zh {
            format!(
                "超时 {} 秒（宽限 {} 秒，每 {} 秒扣 {} 分，最多 {} 分）：扣 {}",
                r.overtime_seconds,
                o.grace,
                o.every,
                plain(o.points),
                plain(o.max),
                plain(r.overtime_penalty)
            )
        } else {
            format!(
                "over by {} s (grace {} s, {} per {} s, at most {}): −{}",
                r.overtime_seconds,
                o.grace,
                plain(o.points),
                o.every,
                plain(o.max),
                plain(r.overtime_penalty)
            )
        });
    }
    if r.undertime_penalty > 0 {
        out.push(if zh {
            format!("用时不足：扣 {}", plain(r.undertime_penalty))
        } else {
            format!("too short: −{}", plain(r.undertime_penalty))
        });
    }
    match (r.score_rounded, r.final_score) {
        (Some(s), Some(f)) => out.push(if zh {
            format!(
                "最终得分 {} − {} = {}",
                rules.show(s),
                plain(r.penalty()),
                rules.show(f)
            )
        } else {
            format!(
                "final {} − {} = {}",
                rules.show(s),
                plain(r.penalty()),
                rules.show(f)
            )
        }),
        _ => out.push(if zh {
            "缺评：无得分、不排名".into()
        } else {
            "no scores: no final, no rank".into()
        }),
    }
    if !r.incomplete.is_empty() {
        out.push(if zh {
            format!("评分不完整（未计入）：{}", r.incomplete.join("、"))
        } else {
            format!("incomplete sheets (left out): {}", r.incomplete.join(", "))
        });
    }
    out
}

pub fn draw_sheet(buf: &mut Buffer, area: Rect, app: &App, sheet: &Sheet, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let rules = session.rules();
    let title = match lang {
        Lang::Zh => format!("评分表 · {}", sheet.unit),
        Lang::En => format!("Score sheet · {}", sheet.unit),
    };
    let inner = frame(buf, area, &title, amb);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    if !Sheet::has_cells(session) {
        // No cell to type into: say what to do instead.
        let text = strings::sheet_without_cells(lang);
        let width = inner.width.saturating_sub(2);
        for (y, part) in (inner.y..inner.bottom()).zip(text::wrap(text, width as usize, amb)) {
            put(buf, inner.x + 1, y, width, &part, theme::warn(), amb);
        }
        return;
    }
    let [grid, side] = inner.layout(&Layout::horizontal([
        Constraint::Min(20),
        Constraint::Length(inner.width / 3),
    ]));
    let st = session.state();
    let name_w = 12u16;
    let cell_w = match rules.mode {
        ScoringMode::Points => rules
            .criteria
            .iter()
            .map(|c| text::width(&format!("{}/{}", c.name, plain(c.max)), amb))
            .max()
            .unwrap_or(8)
            .clamp(8, 14) as u16,
        ScoringMode::Grades => 8,
    };
    let mut y = grid.y;
    // Header.
    let headers: Vec<String> = match rules.mode {
        ScoringMode::Points => rules
            .criteria
            .iter()
            .map(|c| format!("{}/{}", c.name, plain(c.max)))
            .chain([lang_pick(lang, "合计", "Total")])
            .collect(),
        ScoringMode::Grades => vec![
            lang_pick(lang, "票数", "Ballots"),
            lang_pick(lang, "加票", "Add"),
        ],
    };
    put(
        buf,
        grid.x + 1,
        y,
        name_w,
        &lang_pick(lang, "评委", "Reviewer"),
        theme::title(),
        amb,
    );
    for (i, h) in headers.iter().enumerate() {
        let x = grid.x + 1 + name_w + i as u16 * (cell_w + 1);
        put(
            buf,
            x,
            y,
            cell_w,
            &text::truncate(h, cell_w as usize, amb),
            theme::title(),
            amb,
        );
    }
    y += 1;
    let rows: Vec<String> = match rules.mode {
        ScoringMode::Points => session
            .plan()
            .reviewers
            .iter()
            .map(|r| r.name.clone())
            .collect(),
        ScoringMode::Grades => rules.grades.iter().map(|g| g.name.clone()).collect(),
    };
    let room = grid.bottom().saturating_sub(y + 2) as usize;
    let first = (sheet.row + 1).saturating_sub(room.max(1));
    for (i, name) in rows.iter().enumerate().skip(first).take(room) {
        put(
            buf,
            grid.x + 1,
            y,
            name_w,
            &text::truncate(name, name_w as usize, amb),
            Style::default(),
            amb,
        );
        let recused = rules
            .recused
            .get(name)
            .is_some_and(|u| u.contains(&sheet.unit));
        let cells: Vec<String> = match rules.mode {
            ScoringMode::Points if recused => vec![lang_pick(lang, "回避", "recused")],
            ScoringMode::Points => {
                let values: Vec<Option<i64>> = (0..rules.criteria.len())
                    .map(|c| st.scores.value(&sheet.unit, name, c))
                    .collect();
                let total = if values.iter().all(Option::is_some) {
                    plain(values.iter().flatten().sum())
                } else if values.iter().any(Option::is_some) {
                    lang_pick(lang, "不完整", "partial")
                } else {
                    String::new()
                };
                values
                    .iter()
                    .map(|v| v.map(plain).unwrap_or_else(|| "·".into()))
                    .chain([total])
                    .collect()
            }
            ScoringMode::Grades => {
                let count = st
                    .scores
                    .grades
                    .get(&sheet.unit)
                    .and_then(|c| c.get(i))
                    .copied()
                    .unwrap_or(0);
                vec![count.to_string(), String::new()]
            }
        };
        for (c, value) in cells.iter().enumerate() {
            let x = grid.x + 1 + name_w + c as u16 * (cell_w + 1);
            let editable_col = match rules.mode {
                ScoringMode::Points => c,
                ScoringMode::Grades => c.saturating_sub(1),
            };
            let is_cursor = i == sheet.row
                && editable_col == sheet.col
                && (rules.mode == ScoringMode::Points || c == 1);
            let (content, style) = if is_cursor {
                let shown = if sheet.input.is_empty() {
                    value.clone()
                } else {
                    sheet.input.clone()
                };
                let style = if sheet.problem.is_some() {
                    theme::error()
                } else {
                    theme::selected(true)
                };
                (shown, style)
            } else {
                (value.clone(), Style::default())
            };
            buf.set_style(Rect::new(x, y, cell_w, 1).intersection(grid), style);
            put(
                buf,
                x,
                y,
                cell_w,
                &text::truncate(&content, cell_w as usize, amb),
                style,
                amb,
            );
        }
        y += 1;
    }
    // The inline problem, under the grid.
    if let Some(p) = &sheet.problem {
        let line = strings::score_problem(lang, p);
        put(
            buf,
            grid.x + 1,
            grid.bottom().saturating_sub(1),
            grid.width.saturating_sub(1),
            &line,
            theme::warn(),
            amb,
        );
    }
    // The unit's live result and who has not scored.
    let results = crate::scoring::results(rules, session.plan(), st, session.clock(now));
    if let Some(r) = results.iter().find(|r| r.unit == sheet.unit) {
        let mut lines = explain(lang, rules, r);
        if rules.mode == ScoringMode::Points && !r.missing.is_empty() {
            lines.push(match lang {
                Lang::Zh => format!("未评：{}", r.missing.join("、")),
                Lang::En => format!("not scored yet: {}", r.missing.join(", ")),
            });
        }
        if let Some(rank) = r.rank {
            lines.push(match lang {
                Lang::Zh => format!("当前名次：{rank}"),
                Lang::En => format!("rank now: {rank}"),
            });
        }
        let mut y = side.y;
        for line in lines {
            for part in text::wrap(&line, side.width.saturating_sub(2) as usize, amb) {
                if y >= side.bottom() {
                    break;
                }
                put(
                    buf,
                    side.x + 1,
                    y,
                    side.width.saturating_sub(1),
                    &part,
                    theme::dim(),
                    amb,
                );
                y += 1;
            }
        }
    }
}

/// A few words for a unit's flags in the ranking table (the explanation says it in full).
fn short_notes(lang: Lang, r: &UnitResult) -> String {
    let zh = lang == Lang::Zh;
    let mut notes = Vec::new();
    if r.score.is_none() {
        notes.push(if zh { "缺评" } else { "no scores" });
    } else {
        if r.groups.iter().any(|g| g.n == 0) && r.groups.len() > 1 {
            notes.push(if zh { "缺组" } else { "group missing" });
        }
        if r.trim_setting {
            // Whether the highest and lowest were dropped: in every group, in some, in none.
            let scored: Vec<_> = r.groups.iter().filter(|g| g.n > 0).collect();
            let trimmed = scored.iter().filter(|g| g.trimmed).count();
            notes.push(match (trimmed, zh) {
                (0, true) => "未去分",
                (0, false) => "not trimmed",
                (t, true) if t == scored.len() => "已去分",
                (t, false) if t == scored.len() => "trimmed",
                (_, true) => "部分组去分",
                (_, false) => "partly trimmed",
            });
        }
    }
    if !r.incomplete.is_empty() {
        notes.push(if zh { "不完整" } else { "incomplete" });
    }
    if r.spread_flag {
        notes.push(if zh { "分歧大" } else { "spread" });
    }
    notes.join(" ")
}

fn lang_pick(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh {
        zh.into()
    } else {
        en.into()
    }
}

pub fn draw_results(buf: &mut Buffer, area: Rect, app: &App, selected: usize, now: Time) {
    let amb = app.opts.ambiguous;
    let lang = app.lang();
    let session = app.session();
    let rules = session.rules();
    let published = session.state().scores.published;
    let title = match (lang, published) {
        (Lang::Zh, true) => "结果（已公布，评分已锁定）",
        (Lang::Zh, false) => "结果（实时，未公布）",
        (Lang::En, true) => "Results (published, scores locked)",
        (Lang::En, false) => "Results (live, not published)",
    };
    let inner = frame(buf, area, title, amb);
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
    let mut head = match lang {
        Lang::Zh => "名次 单位              最终    得分   扣分".to_string(),
        Lang::En => "Rank Unit              Final   Score  Pen.".to_string(),
    };
    for g in &groups {
        let name = text::truncate(g, group_w - 1, amb);
        let pad = group_w.saturating_sub(text::width(&name, amb));
        head.push_str(&format!("{}{name}", " ".repeat(pad)));
    }
    head.push_str(match lang {
        Lang::Zh => "  备注",
        Lang::En => "  Notes",
    });
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
            shown(rules, r.final_score),
            shown(rules, r.score_rounded),
            if r.penalty() > 0 {
                format!("-{}", plain(r.penalty()))
            } else {
                String::new()
            },
        );
        for g in r.groups.iter().filter(|_| !groups.is_empty()) {
            line.push_str(&format!(
                "{:>w$}",
                shown(rules, g.score.map(|s| rules.publish(s))),
                w = group_w
            ));
        }
        let notes = short_notes(lang, r);
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
        lines.extend(explain(lang, rules, r));
        let flags: Vec<String> = r.flags().iter().map(|f| flag_text(lang, f)).collect();
        if !flags.is_empty() {
            lines.push(flags.join(match lang {
                Lang::Zh => "；",
                Lang::En => "; ",
            }));
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
