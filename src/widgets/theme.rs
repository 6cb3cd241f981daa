//! Colours, styles and border symbols, in one place.

use crate::text::Ambiguous;
use crate::timer::Phase;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

pub fn phase_color(phase: Phase) -> Color {
    match phase {
        Phase::Normal => Color::Green,
        Phase::Warning => Color::Yellow,
        Phase::TimeUp | Phase::Overtime => Color::Red,
        Phase::Elapsed => Color::Cyan,
    }
}

/// A lit cell of the big timer digits: a full block in the phase colour, or, where the
/// terminal draws that ambiguous-width block wide, a blank cell with the colour behind it.
pub fn digit_cell(amb: Ambiguous, phase: Phase, paused: bool) -> (&'static str, Style) {
    let color = if paused {
        Color::DarkGray
    } else {
        phase_color(phase)
    };
    let style = match amb {
        Ambiguous::Narrow => Style::default().fg(color),
        Ambiguous::Wide => Style::default().bg(color),
    };
    let style = if phase == Phase::Overtime && !paused {
        style.add_modifier(Modifier::SLOW_BLINK)
    } else {
        style
    };
    let symbol = match amb {
        Ambiguous::Narrow => "█",
        Ambiguous::Wide => " ",
    };
    (symbol, style)
}

pub fn phase_text(phase: Phase) -> Style {
    let style = Style::default()
        .fg(phase_color(phase))
        .add_modifier(Modifier::BOLD);
    if phase == Phase::Overtime {
        style.add_modifier(Modifier::SLOW_BLINK)
    } else {
        style
    }
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn header() -> Style {
    Style::default().fg(Color::Black).bg(Color::Cyan)
}

pub fn selected(focused: bool) -> Style {
    if focused {
        Style::default().fg(Color::Black).bg(Color::Cyan)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

pub fn current_marker() -> Style {
    Style::default()
        .fg(Color::Green)
        .add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD)
}

pub fn info() -> Style {
    Style::default().fg(Color::Cyan)
}

pub fn warn() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::default()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn overtime() -> Style {
    Style::default().fg(Color::Red)
}

pub fn task() -> Style {
    Style::default().fg(Color::Magenta)
}

/// Box-drawing characters are ambiguous-width: terminals that draw them wide get ASCII.
pub fn border_set(amb: Ambiguous) -> border::Set<'static> {
    match amb {
        Ambiguous::Narrow => border::ROUNDED,
        Ambiguous::Wide => border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    }
}
