//! Words of the printable workbook: title rows, page footers, document properties, and the
//! ranking's series columns (类别, 类别排名, 等次, 上期排名, 较上期).

use super::Lang;
use chrono::NaiveDate;

/// A date as an office writes it: 2026年5月30日; 30 May 2026 (the one way every output writes
/// a date: `strings::minutes::date`).
pub fn date(lang: Lang, day: NaiveDate) -> String {
    super::minutes::date(lang, day)
}

/// A sheet's title row: the meeting, the sheet, the date.
pub fn sheet_title(lang: Lang, meeting: &str, sheet: &str, day: &str) -> String {
    match lang {
        Lang::Zh => format!("{meeting}　{sheet}　{day}"),
        Lang::En => format!("{meeting} — {sheet} — {day}"),
    }
}

/// The page footer: page N of M (`&P`, `&N` are the spreadsheet's page fields, `&C` centres).
pub fn page_footer(lang: Lang) -> &'static str {
    lang.pick("&C第 &P 页，共 &N 页", "&CPage &P of &N")
}

/// The workbook's title in its document properties: the meeting and what the file is.
pub fn document_title(lang: Lang, meeting: &str, public: bool) -> String {
    match (lang, public) {
        (Lang::Zh, false) => format!("{meeting}（会议报表）"),
        (Lang::Zh, true) => format!("{meeting}（通报用报表）"),
        (Lang::En, false) => format!("{meeting} (meeting workbook)"),
        (Lang::En, true) => format!("{meeting} (workbook for circulation)"),
    }
}

/// The ranking's columns of a series, of categories and of bands.
pub struct SeriesColumns {
    /// 类别.
    pub category: &'static str,
    /// 类别排名.
    pub category_rank: &'static str,
    /// The overall rank beside the category rank (总排名); without categories the rank
    /// column keeps its name (名次).
    pub overall_rank: &'static str,
    /// 等次 (`scoring.bands`).
    pub band: &'static str,
    /// The round before's rank (上期排名), its category rank (上期类别排名), its final.
    pub previous_rank: &'static str,
    pub previous_category_rank: &'static str,
    pub previous_final: &'static str,
    /// 较上期: the change of the rank (within the category when there are categories).
    pub change: &'static str,
}

pub static ZH: SeriesColumns = SeriesColumns {
    category: "类别",
    category_rank: "类别排名",
    overall_rank: "总排名",
    band: "等次",
    previous_rank: "上期排名",
    previous_category_rank: "上期类别排名",
    previous_final: "上期得分",
    change: "较上期",
};

pub static EN: SeriesColumns = SeriesColumns {
    category: "Category",
    category_rank: "Category rank",
    overall_rank: "Overall rank",
    band: "Band",
    previous_rank: "Previous rank",
    previous_category_rank: "Previous category rank",
    previous_final: "Previous final",
    change: "Change",
};

/// The series columns' headers in `lang`.
pub fn columns(lang: Lang) -> &'static SeriesColumns {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl SeriesColumns {
    /// Every header, in the order of the fields (a field added without being listed here
    /// does not compile).
    pub fn all(&self) -> Vec<&'static str> {
        let SeriesColumns {
            category,
            category_rank,
            overall_rank,
            band,
            previous_rank,
            previous_category_rank,
            previous_final,
            change,
        } = self;
        vec![
            category,
            category_rank,
            overall_rank,
            band,
            previous_rank,
            previous_category_rank,
            previous_final,
            change,
        ]
        .into_iter()
        .copied()
        .collect()
    }
}

/// The timing sheet's durations, shown `mm:ss` (no “(秒)” any more).
pub fn timing_headers(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["限时", "用时", "超时"],
        Lang::En => ["Limit", "Talked", "Over"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_changes_read_as_an_office_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 30).expect("a date");
        assert_eq!(date(Lang::Zh, d), "2026年5月30日");
        assert_eq!(date(Lang::En, d), "30 May 2026");
        use crate::strings::series::change;
        assert_eq!(change(Lang::Zh, Some(Some(2))), "↑2");
        assert_eq!(change(Lang::Zh, Some(Some(-1))), "↓1");
        assert_eq!(change(Lang::Zh, Some(Some(0))), "持平");
        assert_eq!(change(Lang::Zh, Some(None)), "新");
        assert_eq!(change(Lang::En, Some(None)), "new");
        assert_eq!(change(Lang::En, None), "");
        assert_eq!(ZH.all().len(), EN.all().len());
    }
}
