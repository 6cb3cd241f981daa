//! Exact decimal arithmetic for numbers people typed: plan minutes, steps and scores.
//!
//! JSON numbers arrive as `f64`; their shortest round-trip text ("8.2") is what the user wrote,
//! so podium reads that text back as an exact decimal instead of computing with the binary value.

/// The decimal digits of `x` as written: `(negative, integer digits, fraction digits)`.
fn digits(x: f64) -> Option<(bool, String, String)> {
    if !x.is_finite() {
        return None;
    }
    // `Display` for f64 prints the shortest text that reads back to the same value, never exponents.
    let text = format!("{x}");
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    Some((neg, int.to_string(), frac.trim_end_matches('0').to_string()))
}

/// `x` as an integer count of `10^-places`, when `x` has no more than `places` decimals.
pub fn to_scaled(x: f64, places: u32) -> Option<i64> {
    let (neg, int, frac) = digits(x)?;
    if frac.len() > places as usize {
        return None;
    }
    let mut text = int;
    text.push_str(&frac);
    text.push_str(&"0".repeat(places as usize - frac.len()));
    let value: i64 = text.parse().ok()?;
    Some(if neg { -value } else { value })
}

/// `x × factor`, rounded half up (away from zero for halves) to an integer, computed exactly
/// from the decimal text of `x`. Used for "minutes × 60 rounded to the nearest second".
pub fn mul_round(x: f64, factor: i64) -> Option<i64> {
    let (neg, int, frac) = digits(x)?;
    // 18 fraction digits are far beyond anything that changes a rounding to whole units.
    let frac: String = frac.chars().take(18).collect();
    let scale = 10i128.checked_pow(frac.len() as u32)?;
    let int: i128 = int.parse().ok()?;
    let frac_value: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let scaled = int.checked_mul(scale)?.checked_add(frac_value)?;
    let product = scaled.checked_mul(factor as i128)?;
    let rounded = (product + scale / 2) / scale;
    let rounded = i64::try_from(rounded).ok()?;
    Some(if neg { -rounded } else { rounded })
}

/// Formats an integer count of `10^-places` as a decimal with exactly `shown` decimals,
/// rounding half up (四舍五入) when `shown < places`.
pub fn format_scaled(value: i64, places: u32, shown: u32) -> String {
    let shown = shown.min(places);
    let drop = 10i64.pow(places - shown);
    let neg = value < 0;
    let magnitude = value.unsigned_abs() as i128;
    let rounded = (magnitude + (drop as i128) / 2) / drop as i128;
    let unit = 10i128.pow(shown);
    let int = rounded / unit;
    let frac = rounded % unit;
    let sign = if neg && rounded != 0 { "-" } else { "" };
    if shown == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = shown as usize)
    }
}

/// A value in ten-thousandths as the shortest exact decimal text: 275000 → "27.5".
pub fn plain(value: i64) -> String {
    let text = format_scaled(value, PLACES, PLACES);
    let text = text.trim_end_matches('0');
    text.strip_suffix('.').unwrap_or(text).to_string()
}

/// Typed numbers are read to ten-thousandths.
const PLACES: u32 = 4;

/// A number typed by a person: ASCII or full-width digits, `.`/`．`/`。` as the point.
/// `None` unless it is a plain non-negative decimal with at most four decimals.
pub fn parse_typed(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '．' | '。' => '.',
            c => crate::text::ascii_digit(c),
        })
        .collect();
    if t.is_empty()
        || !t.chars().all(|c| c.is_ascii_digit() || c == '.')
        || t.matches('.').count() > 1
    {
        return None;
    }
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    if frac.len() > PLACES as usize || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse::<i64>().ok()? * 10i64.pow(PLACES - frac.len() as u32)
    };
    int.checked_mul(10i64.pow(PLACES))?.checked_add(frac_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_reads_what_was_written() {
        assert_eq!(to_scaled(0.5, 4), Some(5000));
        assert_eq!(to_scaled(27.5, 4), Some(275000));
        assert_eq!(to_scaled(0.0001, 4), Some(1));
        assert_eq!(to_scaled(0.00015, 4), None);
        assert_eq!(to_scaled(-2.0, 4), Some(-20000));
        assert_eq!(
            to_scaled(0.1 + 0.2, 4),
            None,
            "0.30000000000000004 is not 0.3"
        );
    }

    #[test]
    fn minutes_to_seconds_is_exact() {
        assert_eq!(mul_round(8.2, 60), Some(492));
        assert_eq!(mul_round(0.5, 60), Some(30));
        assert_eq!(mul_round(0.05, 60), Some(3));
        assert_eq!(mul_round(0.0125, 60), Some(1), "0.75 s rounds up to 1");
        assert_eq!(mul_round(0.00833, 60), Some(0), "0.4998 s rounds down");
        assert_eq!(mul_round(600.0, 60), Some(36000));
        assert_eq!(mul_round(0.075, 60), Some(5), "4.5 s rounds half up to 5");
    }

    #[test]
    fn typed_numbers_accept_full_width_digits() {
        assert_eq!(parse_typed("27.5"), Some(275_000));
        assert_eq!(parse_typed("２７．５"), Some(275_000));
        assert_eq!(parse_typed("27。5"), Some(275_000));
        assert_eq!(parse_typed(".5"), Some(5_000));
        assert_eq!(parse_typed("1.23456"), None);
        assert_eq!(parse_typed("-1"), None);
        assert_eq!(parse_typed("abc"), None);
        assert_eq!(parse_typed(""), None);
    }

    #[test]
    fn formatting_rounds_half_up() {
        assert_eq!(format_scaled(900_050, 4, 2), "90.01");
        assert_eq!(format_scaled(900_049, 4, 2), "90.00");
        assert_eq!(format_scaled(5, 4, 4), "0.0005");
        assert_eq!(format_scaled(-15_000, 4, 1), "-1.5");
        assert_eq!(format_scaled(123_456, 4, 0), "12");
    }
}
