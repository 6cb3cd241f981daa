//! Anonymous ballots (测评票) by group: each has a serial printed on its slip (领导-007) and a
//! secret code. The session keeps the serial, the group and a salted hash of the code, never
//! the code; a cast ballot is recorded under its serial, and the last one cast counts.
//! Randomness is an input: the caller draws the bytes (`codes`), this module only shapes them.

use super::event::Time;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// The characters of a code: digits and capital letters that cannot be taken for one
/// another (no 0, O, 1, I; letters are upper case, so no l).
pub const CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// A code's length: 16 characters of 5 bits, 80 random bits.
pub const CODE_LEN: usize = 16;
/// The random bytes one code takes.
pub const CODE_BYTES: usize = 10;
/// A salt's random bytes (hex in the event).
pub const SALT_BYTES: usize = 16;

/// A ballot's code, kept out of every `Debug` print (logs, panics, test failures).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A code from 10 random bytes: 80 bits, 16 characters of [`CODE_ALPHABET`].
pub fn code_from(bytes: &[u8; CODE_BYTES]) -> String {
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(*b);
    }
    (0..CODE_LEN)
        .rev()
        .map(|i| CODE_ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
        .collect()
}

/// A code as printed and shown: four groups of four (`ABCD-EFGH-JKLM-NPQR`).
pub fn show_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed: spaces, dashes and full-width forms allowed, any case. `None` when it
/// cannot be a code (wrong length, a character outside the alphabet).
pub fn normalize_code(text: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_LEN);
    for c in text.chars() {
        let c = crate::text::ascii_digit(c);
        // Full-width Latin letters (Ａ–Ｚ, ａ–ｚ) and the full-width hyphen.
        let c = match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        // Spaces of every kind (a no-break or thin space a chat app puts in, a line break,
        // the ideographic space), the invisible ones, and dashes an input method makes of a
        // hyphen: the code is the same.
        if c.is_whitespace()
            || matches!(
                c,
                '-' | '－' | '‐'..='―' | '−' | '﹣' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        {
            continue;
        }
        let c = c.to_ascii_uppercase();
        if !c.is_ascii() || !CODE_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
        if out.len() > CODE_LEN {
            return None;
        }
    }
    (out.len() == CODE_LEN).then_some(out)
}

/// The hash the session keeps of a code: SHA-256 of the batch's salt and the code, in hex.
pub fn hash(salt: &str, code: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"podium ballot\n");
    h.update(salt.as_bytes());
    h.update(b"\n");
    h.update(code.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex of random bytes (a salt).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` is lowercase hex of `len` characters.
pub fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The serial of the `n`th ballot (from 1) of `group`: 领导-007.
pub fn serial(group: &str, n: usize) -> String {
    format!("{group}-{n:03}")
}

/// One issued ballot in a `ballots_issued` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedBallot {
    pub serial: String,
    /// `hash(salt, code)`.
    pub hash: String,
}

/// What a ballot's last cast gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cast {
    /// The action (the seq of its first event) that cast it.
    pub action: u64,
    pub at: Option<Time>,
    /// Grades mode: unit → grade.
    pub grades: BTreeMap<String, String>,
    /// Points mode: unit → value per criterion (plan order), in ten-thousandths.
    pub points: BTreeMap<String, Vec<Option<i64>>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub serial: String,
    pub group: String,
    pub voided: bool,
    pub cast: Option<Cast>,
}

impl Ballot {
    /// Cast and not voided: it counts.
    pub fn counts(&self) -> bool {
        !self.voided && self.cast.is_some()
    }
}

/// The ballots of a session, folded from its events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ballots {
    /// Voting is open (`voting_opened` … `voting_closed`).
    pub open: bool,
    /// In the order they were issued.
    pub issued: Vec<Ballot>,
    index: HashMap<String, usize>,
    by_hash: HashMap<String, usize>,
    /// Each issuing batch's salt, in order (a code is looked up under each).
    salts: Vec<String>,
}

/// Counts of one group (or all): issued, cast (and counting), voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub issued: usize,
    pub cast: usize,
    pub voided: usize,
}

impl Ballots {
    pub fn get(&self, serial: &str) -> Option<&Ballot> {
        self.index.get(serial).map(|&i| &self.issued[i])
    }

    /// The place of a ballot in issue order.
    pub fn position(&self, serial: &str) -> Option<usize> {
        self.index.get(serial).copied()
    }

    /// The ballot a typed code opens, if any (the code normalized first).
    pub fn by_code(&self, code: &str) -> Option<&Ballot> {
        let code = normalize_code(code)?;
        self.salts
            .iter()
            .find_map(|salt| self.by_hash.get(&hash(salt, &code)))
            .map(|&i| &self.issued[i])
    }

    /// How many of `group`'s ballots have been issued (voided ones included): the next
    /// serial's number is one more.
    pub fn issued_in(&self, group: &str) -> usize {
        self.issued.iter().filter(|b| b.group == group).count()
    }

    pub fn counts(&self, group: Option<&str>) -> Counts {
        let mut c = Counts::default();
        for b in self
            .issued
            .iter()
            .filter(|b| group.is_none_or(|g| b.group == g))
        {
            c.issued += 1;
            if b.voided {
                c.voided += 1;
            } else if b.cast.is_some() {
                c.cast += 1;
            }
        }
        c
    }

    /// The serials of `n` new ballots of `group`: numbered on from the group's ballots, past
    /// any serial a ballot already has (a file edited by hand may give one to another
    /// group), so that no new ballot is dropped as a duplicate.
    pub fn next_serials(&self, group: &str, n: usize) -> Vec<String> {
        let mut number = self.issued_in(group);
        (0..n)
            .map(|_| {
                let (k, s) = self.serial_after(group, number);
                number = k;
                s
            })
            .collect()
    }

    /// The first free serial of `group` numbered after `number`, with its number.
    pub fn serial_after(&self, group: &str, mut number: usize) -> (usize, String) {
        loop {
            number += 1;
            let s = serial(group, number);
            if !self.index.contains_key(&s) {
                return (number, s);
            }
        }
    }

    /// Whether a ballot (voided or not) was issued with this hash.
    pub fn has_hash(&self, hash: &str) -> bool {
        self.by_hash.contains_key(hash)
    }

    /// The hash a ballot was issued with.
    pub fn hash_of(&self, serial: &str) -> Option<&String> {
        let i = *self.index.get(serial)?;
        self.by_hash.iter().find(|(_, j)| **j == i).map(|(h, _)| h)
    }

    pub(super) fn issue(&mut self, group: &str, salt: &str, ballots: &[IssuedBallot]) {
        if !self.salts.iter().any(|s| s == salt) {
            self.salts.push(salt.to_string());
        }
        for b in ballots {
            if self.index.contains_key(&b.serial) || self.by_hash.contains_key(&b.hash) {
                continue;
            }
            let i = self.issued.len();
            self.index.insert(b.serial.clone(), i);
            self.by_hash.insert(b.hash.clone(), i);
            self.issued.push(Ballot {
                serial: b.serial.clone(),
                group: group.to_string(),
                voided: false,
                cast: None,
            });
        }
    }

    pub(super) fn void(&mut self, serial: &str) {
        if let Some(&i) = self.index.get(serial) {
            self.issued[i].voided = true;
        }
    }

    /// A unit that turned out not to be a 汇报单位 (added later as another kind): ballots
    /// cast for it before drop it, and one that scored nothing else is no longer cast.
    pub(super) fn drop_unit(&mut self, unit: &str) {
        for b in &mut self.issued {
            if let Some(c) = &mut b.cast {
                c.grades.remove(unit);
                c.points.remove(unit);
                if c.grades.is_empty() && c.points.is_empty() {
                    b.cast = None;
                }
            }
        }
    }

    /// The cast a ballot event of `action` writes into: a new one when the action is not the
    /// one the ballot was last cast by (the last cast counts).
    pub(super) fn cast_mut(&mut self, serial: &str, action: u64, at: Time) -> Option<&mut Cast> {
        let i = *self.index.get(serial)?;
        let b = &mut self.issued[i];
        if b.cast.as_ref().is_none_or(|c| c.action != action) {
            b.cast = Some(Cast {
                action,
                at: Some(at),
                ..Cast::default()
            });
        }
        b.cast.as_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_alphabet_and_carry_80_bits() {
        let zero = code_from(&[0; CODE_BYTES]);
        assert_eq!(zero, "2222222222222222");
        let ones = code_from(&[0xff; CODE_BYTES]);
        assert_eq!(ones, "ZZZZZZZZZZZZZZZZ");
        let c = code_from(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(c.len(), CODE_LEN);
        assert!(!c.contains(['0', 'O', '1', 'I', 'l']));
        // Different bytes, different codes (each bit lands in the code).
        for i in 0..CODE_BYTES {
            for bit in 0..8 {
                let mut b = [0u8; CODE_BYTES];
                b[i] = 1 << bit;
                assert_ne!(code_from(&b), zero, "byte {i} bit {bit}");
            }
        }
    }

    #[test]
    fn typed_codes_are_normalized() {
        let c = code_from(&[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        let shown = show_code(&c);
        assert_eq!(shown.len(), 19);
        assert_eq!(normalize_code(&shown).as_deref(), Some(c.as_str()));
        assert_eq!(
            normalize_code(&format!(" {} ", shown.to_lowercase())).as_deref(),
            Some(c.as_str())
        );
        let wide: String = shown
            .chars()
            .map(|ch| match ch {
                '-' => '－',
                c if c.is_ascii_alphanumeric() => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                c => c,
            })
            .collect();
        assert_eq!(normalize_code(&wide).as_deref(), Some(c.as_str()));
        assert_eq!(normalize_code("0000-0000-0000-0000"), None);
        assert_eq!(normalize_code(&c[..15]), None);
        assert_eq!(normalize_code(&format!("{c}2")), None);
        assert_eq!(normalize_code("领导领导领导领导领导领导领导领导"), None);
        // Pasted from a chat: no-break, thin and zero-width spaces, a line break, en and em
        // dashes.
        let pasted = format!(
            "\u{a0}{}\u{2009}{}\u{200b}–{}—{}\r\n",
            &c[0..4],
            &c[4..8],
            &c[8..12],
            &c[12..]
        );
        assert_eq!(normalize_code(&pasted).as_deref(), Some(c.as_str()));
    }

    #[test]
    fn the_hash_depends_on_salt_and_code() {
        let a = hash("aa", "2222222222222222");
        assert!(is_hex(&a, 64));
        assert_ne!(a, hash("ab", "2222222222222222"));
        assert_ne!(a, hash("aa", "2222222222222223"));
    }
}
