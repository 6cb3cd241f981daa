//! The words of deadlines as offices write them (完成时限), which `crate::deadline` reads:
//! vocabulary, not messages, kept here with every other CJK text.

/// A task with no end date.
pub const ONGOING: &[&str] = &["长期坚持", "长期", "持续推进", "持续", "常态化", "长效"];
/// Endings that add nothing: “6月底前”, “6月底以前”, “6月底之前”, a full stop.
pub const TRAILING: &[&str] = &["。", "；", ";", ".", "以前", "之前", "前"];
/// What follows a year (or stands alone) for its last day.
pub const YEAR_END: &[&str] = &["底", "年底", "末", "年末", "内", "年内", "全年", "下半年"];
/// What follows a year (or stands alone) for the 30th of June.
pub const HALF_YEAR: &[&str] = &["上半年", "年中"];
/// After a quarter's number: its last day.
pub const QUARTER: &[&str] = &["季度末", "季度底", "季度"];
/// After a month: its last day.
pub const MONTH_END: &[&str] = &["", "底", "末", "份", "内", "下旬"];
/// After a month: its 15th.
pub const MONTH_MIDDLE: &[&str] = &["中", "中旬"];
/// After a month: its 10th.
pub const MONTH_EARLY: &[&str] = &["上旬"];
/// After a day's number.
pub const DAY: &[&str] = &["日", "号"];
/// Chinese digits, by value.
pub const DIGITS: &str = "零一二三四五六七八九";
