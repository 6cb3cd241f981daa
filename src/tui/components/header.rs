//! The header line: the meeting's title, and the clock, the time elapsed, the planned and
//! projected end. While a talk runs it counts on the talk timer's tick (`Console::shown`), so
//! the screen changes once a second.

use crate::session::Time;
use crate::text;
use crate::timer::clock_text;
use crate::tui::app::App;
use crate::widgets::{fill, put, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// The pieces on the right, by importance: the least important go first when the line is
/// narrow.
fn pieces(app: &App, now: Time) -> Vec<String> {
    let lang = app.lang();
    let s = lang.s();
    // Held back to the talk timer's last tick while a talk runs (at most a second late).
    let shown = app.core.shown(now);
    let st = app.session().state();
    let elapsed = match (st.started_at, st.ended_at) {
        (Some(start), Some(end)) => clock_text((end - start).num_seconds()),
        (Some(start), None) => clock_text((shown - start).num_seconds()),
        _ => "--:--".into(),
    };
    let times = app.core.meeting_times(shown);
    vec![
        format!(
            "{} {}",
            s.now,
            app.core.header_clock(now).format("%H:%M:%S")
        ),
        format!("{} {}", s.elapsed, elapsed),
        format!("{} {}", s.planned_end, times.planned_text()),
        // Once the meeting has ended its end is no longer projected: when it ended, and
        // how far from the plan.
        format!(
            "{} {}",
            if st.ended_at.is_some() {
                crate::strings::console::ended_at(lang)
            } else {
                s.projected_end
            },
            times.projected_text(lang)
        ),
    ]
}

/// The pieces on the right dropped first when the line is narrow: the planned end, then the
/// time elapsed. The clock and the projected end stay.
const DROP_ORDER: [usize; 2] = [2, 1];

/// The narrowest the title is cut to before the pieces on the right are cut instead.
const TITLE_MIN: usize = 16;

/// The header's two halves for a line `width` wide: the title (whole, or cut with "…" at a
/// character boundary) and the pieces on the right that fit beside it. The title comes
/// first: the less important pieces give way to show it whole.
pub fn layout(
    title: &str,
    mut pieces: Vec<String>,
    width: usize,
    amb: text::Ambiguous,
) -> (String, String) {
    let title = text::clean_line(title);
    let joined = |p: &[String]| format!(" {} ", p.join("  "));
    // The title, a blank column before it, and the pieces.
    let fits = |p: &[String], title_w: usize| 1 + title_w + text::width(&joined(p), amb) <= width;
    let title_w = text::width(&title, amb);
    for drop in DROP_ORDER {
        if fits(&pieces, title_w) {
            break;
        }
        pieces.remove(drop);
    }
    let right = joined(&pieces);
    let room = width.saturating_sub(1 + text::width(&right, amb));
    let title = text::truncate(&title, room.max(TITLE_MIN.min(title_w)), amb);
    (title, right)
}
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Time) {
    let amb = app.opts.ambiguous;
    fill(buf, area, theme::header());
    let (title, right) = layout(
        &app.session().plan().title,
        pieces(app, now),
        area.width as usize,
        amb,
    );
    // The title from the left, the pieces against the right edge (cut on the right when
    // even the shortest title leaves them too little room).
    let tw = put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &title,
        theme::header().add_modifier(Modifier::BOLD),
        amb,
    );
    let rw = text::width(&right, amb) as u16;
    let x = area.right().saturating_sub(rw).max(area.x + 1 + tw);
    put(
        buf,
        x,
        area.y,
        area.right().saturating_sub(x),
        &right,
        theme::header(),
        amb,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::Lang;
    use crate::text::Ambiguous::Narrow;

    fn pieces(lang: Lang) -> Vec<String> {
        let s = lang.s();
        vec![
            format!("{} 21:03:07", s.now),
            format!("{} 1:02:03", s.elapsed),
            format!("{} 22:18", s.planned_end),
            format!(
                "{} 22:31 ({})",
                s.projected_end,
                crate::strings::drift(lang, 13)
            ),
        ]
    }

    #[test]
    fn the_title_comes_before_the_less_important_pieces() {
        // A normal Chinese meeting title, 54 columns: whole at 120, the planned end gone.
        let title = "2026年度全市“明职责、对目标、争一流”工作汇报会（首场）";
        assert_eq!(text::width(title, Narrow), 54);
        let (t, right) = layout(title, pieces(Lang::Zh), 120, Narrow);
        assert_eq!(t, title);
        assert!(
            right.contains("预计结束 22:31") && right.contains("已进行"),
            "{right}"
        );
        assert!(!right.contains("计划结束"), "{right}");
        assert!(1 + text::width(&t, Narrow) + text::width(&right, Narrow) <= 120);
        // Room for everything: nothing dropped.
        let (t, right) = layout(title, pieces(Lang::Zh), 160, Narrow);
        assert_eq!(t, title);
        assert!(right.contains("计划结束"), "{right}");
        // Narrower: the time elapsed goes too before the title is cut.
        let (t, right) = layout(title, pieces(Lang::Zh), 100, Narrow);
        assert_eq!(t, title);
        assert!(
            !right.contains("已进行") && right.contains("现在"),
            "{right}"
        );
        // Narrower still: the title is cut, with "…" between two characters.
        let (t, right) = layout(title, pieces(Lang::Zh), 80, Narrow);
        assert!(t.ends_with('…'), "{t}");
        assert!(title.starts_with(t.trim_end_matches('…')), "{t}");
        assert!(
            1 + text::width(&t, Narrow) + text::width(&right, Narrow) <= 80,
            "{t}{right}"
        );
        assert!(right.contains("预计结束"), "{right}");
    }

    #[test]
    fn a_title_too_long_for_any_width_is_cut_at_a_character() {
        let title = "关于".repeat(80);
        let (t, right) = layout(&title, pieces(Lang::En), 120, Narrow);
        assert!(t.ends_with('…'));
        // "关于…" cut on a character: an even number of wide characters and the ellipsis.
        let room = 120 - 1 - text::width(&right, Narrow);
        let w = text::width(&t, Narrow);
        assert!(w <= room && w + 1 >= room, "{w} in {room}");
        assert!(
            t.chars()
                .filter(|c| *c != '…')
                .all(|c| c == '关' || c == '于')
        );
        assert!(right.contains("Projected end 22:31 (+13 min)"), "{right}");
    }
}
