//! Deadlines as offices write them in task lists (完成时限): “6月底前”, “2026年6月15日前”,
//! “年底前”, “三季度末”, “长期坚持”, or an ISO date. Read relative to the meeting's date: a
//! deadline without a year is in the meeting's year. Pure: the meeting's date is passed in.

use chrono::{Datelike, NaiveDate};

/// What a written deadline means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Due on this day (a deadline “before the end of June” is due on the 30th).
    On(NaiveDate),
    /// Open-ended (长期坚持, 持续推进, 常态化): no due date.
    Ongoing,
}

use crate::strings::deadline as words;

/// Reads `text` as a deadline, the meeting being on `meeting`. `None` when it is not one of
/// the forms offices write (the caller keeps the text as written and says so).
pub fn read(text: &str, meeting: NaiveDate) -> Option<Deadline> {
    let mut t: String = text
        .trim()
        .chars()
        .map(crate::text::ascii_digit)
        .filter(|c| !c.is_whitespace())
        .collect();
    while let Some(end) = words::TRAILING.iter().find(|w| t.ends_with(*w)) {
        t.truncate(t.len() - end.len());
    }
    if t.is_empty() {
        return None;
    }
    if words::ONGOING.contains(&t.as_str()) {
        return Some(Deadline::Ongoing);
    }
    if let Some(date) = iso(&t) {
        return Some(Deadline::On(date));
    }
    // An optional year (“2026年”), then what is left of the year.
    let (year, rest) = match t.split_once('年') {
        Some((y, rest)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            (y.parse().ok()?, rest)
        }
        _ => (meeting.year(), t.as_str()),
    };
    let date = if words::YEAR_END.contains(&rest) {
        NaiveDate::from_ymd_opt(year, 12, 31)
    } else if words::HALF_YEAR.contains(&rest) {
        NaiveDate::from_ymd_opt(year, 6, 30)
    } else {
        quarter_end(rest, year).or_else(|| month_day(rest, year, meeting))?
    }?;
    Some(Deadline::On(date))
}

/// `2026-06-30`, `2026/6/30`, `2026.6.30`.
fn iso(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// “三季度末”, “第三季度末”, “三季度”, “Q3”: the quarter's last day.
fn quarter_end(rest: &str, year: i32) -> Option<Option<NaiveDate>> {
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let q = words::QUARTER
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .or_else(|| rest.strip_prefix(['Q', 'q']))?;
    let q = number(q).filter(|q| (1..=4).contains(q))?;
    Some(last_day(year, q * 3))
}

/// “6月底”, “6月末”, “6月15日”, “6月”, “十二月底”, “月底” (the meeting's month).
fn month_day(rest: &str, year: i32, meeting: NaiveDate) -> Option<Option<NaiveDate>> {
    let (month, day) = rest.split_once('月')?;
    let month = if month.is_empty() {
        meeting.month()
    } else {
        number(month).filter(|m| (1..=12).contains(m))?
    };
    if words::MONTH_END.contains(&day) {
        Some(last_day(year, month))
    } else if words::MONTH_MIDDLE.contains(&day) {
        Some(NaiveDate::from_ymd_opt(year, month, 15))
    } else if words::MONTH_EARLY.contains(&day) {
        Some(NaiveDate::from_ymd_opt(year, month, 10))
    } else {
        let d = words::DAY.iter().find_map(|w| day.strip_suffix(w))?;
        Some(NaiveDate::from_ymd_opt(year, month, number(d)?))
    }
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// 1 to 31 in ASCII digits or Chinese numerals (一, 十, 十二, 二十三, 三十一).
fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 2 {
        return text.parse().ok();
    }
    let digit = |c: char| words::DIGITS.chars().position(|d| d == c);
    let chars: Vec<char> = text.chars().collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', d] => digit(*t)? * 10 + digit(*d)?,
        _ => return None,
    };
    u32::try_from(n).ok().filter(|n| (1..=31).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Deadline {
        Deadline::On(NaiveDate::from_ymd_opt(y, m, d).expect("date"))
    }

    fn meeting() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, 5).expect("date")
    }

    #[test]
    fn the_forms_offices_write() {
        let cases = [
            ("6月底前", day(2026, 6, 30)),
            ("6月底", day(2026, 6, 30)),
            ("2月底前", day(2026, 2, 28)),
            ("十二月底前", day(2026, 12, 31)),
            ("十月底前", day(2026, 10, 31)),
            ("3月二十日前", day(2026, 3, 20)),
            ("7月三十一日", day(2026, 7, 31)),
            ("2026年6月15日前", day(2026, 6, 15)),
            ("2027年3月底前", day(2027, 3, 31)),
            ("6月15日", day(2026, 6, 15)),
            ("９月３０日前", day(2026, 9, 30)),
            ("年底前", day(2026, 12, 31)),
            ("2026年底前", day(2026, 12, 31)),
            ("年内", day(2026, 12, 31)),
            ("上半年", day(2026, 6, 30)),
            ("三季度末", day(2026, 9, 30)),
            ("第一季度末", day(2026, 3, 31)),
            ("二季度", day(2026, 6, 30)),
            ("Q4", day(2026, 12, 31)),
            ("月底前", day(2026, 2, 28)),
            ("5月中旬", day(2026, 5, 15)),
            ("2026-06-30", day(2026, 6, 30)),
            ("2026/6/30", day(2026, 6, 30)),
            (" 6 月 底 前。", day(2026, 6, 30)),
            ("长期坚持", Deadline::Ongoing),
            ("持续推进", Deadline::Ongoing),
            ("常态化", Deadline::Ongoing),
        ];
        for (text, want) in cases {
            assert_eq!(read(text, meeting()), Some(want), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_deadline_is_none() {
        for text in [
            "",
            "尽快",
            "13月底前",
            "6月31日",
            "2月30日",
            "五季度末",
            "2026年",
            "明年",
            "abc",
            "2026-13-01",
            "三十二日",
        ] {
            assert_eq!(read(text, meeting()), None, "{text}");
        }
    }

    #[test]
    fn a_leap_year_ends_february_on_the_29th() {
        let meeting = NaiveDate::from_ymd_opt(2028, 1, 10).expect("date");
        assert_eq!(read("2月底前", meeting), Some(day(2028, 2, 29)));
    }
}
