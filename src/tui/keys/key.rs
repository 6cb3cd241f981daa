//! One key of the table: how it matches a key press, how the help and the docs write it, and
//! how a key file writes it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key: letters are kept in lower case and match in either case; `shift` is required
/// only where it is set (`Shift+↑`); other modifiers than `Ctrl` are not looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub shift: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            shift: false,
        }
    }

    pub(super) const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub(super) const fn f(n: u8) -> Key {
        Key::plain(KeyCode::F(n))
    }

    pub(super) const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            shift: false,
        }
    }

    pub(super) const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            shift: true,
        }
    }

    /// Whether a key press is this key.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if ev.modifiers.contains(KeyModifiers::CONTROL) != self.ctrl {
            return false;
        }
        if self.shift && !ev.modifiers.contains(KeyModifiers::SHIFT) {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b.to_ascii_lowercase(),
            (a, b) => a == b,
        }
    }

    /// The same key as typed through a Chinese input method, or on the other half of the
    /// key (`=` for `+`): these work wherever the key does, and are not listed.
    pub fn aliases(&self) -> &'static [Key] {
        if self.ctrl {
            return &[];
        }
        const SPACE: &[Key] = &[Key::ch('\u{3000}')];
        const PLUS: &[Key] = &[Key::ch('＋'), Key::ch('=')];
        const MINUS: &[Key] = &[Key::ch('－'), Key::ch('_')];
        const QUESTION: &[Key] = &[Key::ch('？')];
        match self.code {
            KeyCode::Char(' ') => SPACE,
            KeyCode::Char('+') => PLUS,
            KeyCode::Char('-') => MINUS,
            KeyCode::Char('?') => QUESTION,
            _ => &[],
        }
    }

    /// How the key is written in the help, the menu and the docs (`Ctrl+P`, `Shift+↑`, `F5`).
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char('\u{3000}') => "full-width space (U+3000)".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl+");
        }
        if self.shift {
            out.push_str("Shift+");
        }
        out.push_str(&base);
        out
    }

    /// The key as the key bar writes it (`Del` for `Delete`).
    pub fn short(&self) -> String {
        match (self.code, self.ctrl, self.shift) {
            (KeyCode::Delete, false, false) => "Del".into(),
            _ => self.label(),
        }
    }
}

/// Keys a key file cannot take: they close views, open the menu and quit everywhere.
pub(super) fn reserved(k: &Key) -> bool {
    matches!(
        (k.code, k.ctrl),
        (
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::F(10),
            _
        ) | (KeyCode::Char('k' | 'c'), true)
    )
}

/// A key as a key file writes it: `n`, `+`, `Space`, `Enter`, `PageDown` (`PgDn`), `F5`,
/// `Ctrl+O`, `Shift+Up`… (names in either case).
pub fn parse_key(text: &str) -> Option<Key> {
    let mut ctrl = false;
    let mut shift = false;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("ctrl+") && rest.len() > 5 {
            ctrl = true;
            rest = &rest[5..];
        } else if lower.starts_with("shift+") && rest.len() > 6 {
            shift = true;
            rest = &rest[6..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return None,
            c => KeyCode::Char(c.to_ascii_lowercase()),
        },
        (None, _) => return None,
        _ => {
            let name = rest.to_ascii_lowercase();
            match name.as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "delete" | "del" => KeyCode::Delete,
                "backspace" => KeyCode::Backspace,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
                    _ => return None,
                },
            }
        }
    };
    // Shift is part of a letter already (either case matches).
    let shift = shift && !matches!(code, KeyCode::Char(_));
    Some(Key { code, ctrl, shift })
}
