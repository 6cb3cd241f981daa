//! The baseline of benches/idle_cpu.sh: the least a ratatui program can do to show a clock.
//! It draws one line, the time of day, once a second (just after the second turns) and
//! otherwise waits for a key with `crossterm::event::poll`; `q`, `Esc` or `Ctrl+C` ends it.
//!
//! `cargo build --release --example idle_baseline`, then `target/release/examples/idle_baseline`.

use chrono::{Local, Timelike};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::widgets::Paragraph;
use std::io;
use std::time::Duration;

fn main() -> io::Result<()> {
    let mut terminal = ratatui::init();
    let result = run(&mut terminal);
    ratatui::restore();
    result
}

fn run(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    let mut shown = String::new();
    loop {
        let now = Local::now();
        let line = now.format("%H:%M:%S").to_string();
        if line != shown {
            shown.clone_from(&line);
            terminal.draw(|frame| frame.render_widget(Paragraph::new(line), frame.area()))?;
        }
        // Sleep until the next second begins, waking early only for a key.
        let into = Duration::from_nanos(u64::from(now.nanosecond() % 1_000_000_000));
        let wait = Duration::from_secs(1).saturating_sub(into);
        if event::poll(wait)?
            && let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
            && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
                || (key.code == KeyCode::Char('c')
                    && key.modifiers.contains(KeyModifiers::CONTROL)))
        {
            return Ok(());
        }
    }
}
