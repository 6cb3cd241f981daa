//! Finds where a value sits in a JSON text, so that an error about `units[3].minutes` can name
//! its line and column. serde_json does not keep positions, so this walks the (already valid)
//! text once, the way a person would scroll to the field.

/// One step of a field path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Renders a path the way errors show it: `units[3].minutes`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The 1-based line and column (in characters) where the value at `path` starts.
/// `None` when the path is not in the text or the text is not JSON.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let mut walker = Walker {
        chars: text.char_indices().collect(),
        pos: 0,
    };
    walker.skip_ws();
    let at = walker.find(path)?;
    let offset = walker.chars.get(at).map(|(o, _)| *o)?;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col))
}

struct Walker {
    chars: Vec<(usize, char)>,
    pos: usize,
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|(_, c)| *c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.pos += 1;
        }
    }

    /// At the start of a value: descend along `path`, returning the index of its first char.
    fn find(&mut self, path: &[Seg]) -> Option<usize> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        match (first, self.peek()?) {
            (Seg::Key(want), '{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == '}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != ':' {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_ws();
                    if &key == want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == ',' {
                        self.pos += 1;
                    }
                }
            }
            (Seg::Index(want), '[') => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == ']' {
                        return None;
                    }
                    if index == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    index += 1;
                    self.skip_ws();
                    if self.peek()? == ',' {
                        self.pos += 1;
                    }
                }
            }
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.peek()? != '"' {
            return None;
        }
        let start = self.pos;
        self.skip_value()?;
        let raw: String = self.chars[start..self.pos]
            .iter()
            .map(|(_, c)| *c)
            .collect();
        serde_json::from_str(&raw).ok()
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            '"' => {
                self.pos += 1;
                loop {
                    match self.peek()? {
                        '\\' => self.pos += 2,
                        '"' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => self.pos += 1,
                    }
                }
            }
            '{' | '[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        '"' => {
                            self.skip_value()?;
                            continue;
                        }
                        '{' | '[' => depth += 1,
                        '}' | ']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(',' | '}' | ']' | ' ' | '\t' | '\n' | '\r')
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields() {
        let text = "{\n  \"title\": \"会\",\n  \"units\": [\n    {\"name\": \"甲\"},\n    {\"name\": \"乙\", \"minutes\": -5}\n  ]\n}";
        let path = [
            Seg::Key("units".into()),
            Seg::Index(1),
            Seg::Key("minutes".into()),
        ];
        assert_eq!(locate(text, &path), Some((5, 30)));
        assert_eq!(path_text(&path), "units[1].minutes");
        assert_eq!(locate(text, &[Seg::Key("title".into())]), Some((2, 12)));
        assert_eq!(locate(text, &[Seg::Key("nope".into())]), None);
    }
}
