//! Words of a series of rounds in the console and on the stage: categories, bands (等次), the round before (上期) and rank changes (进位 / 退位).

use super::{Lang, Said};

/// The `?` help's and the docs' words for the key that shows the round before's ranking in
/// the results view.
pub const PREVIOUS_RANKING: Said = Said::new(
    "上期排名 / 本期排名（在结果页）",
    "Earlier ranking / this ranking (results view)",
);

/// The `?` help's and the docs' words for the key that puts the round before's ranking on
/// the stage display.
pub const PREVIOUS_ON_STAGE: Said = Said::new(
    "上期排名上大屏 / 撤下（在结果页）",
    "Earlier ranking on / off stage (results view)",
);

/// The key bar's word for the results view's 上期 key.
pub fn key_previous(lang: Lang) -> &'static str {
    lang.pick("上期", "earlier")
}

/// The key bar's word for the same key over the round before's ranking: back to this one.
pub fn key_current(lang: Lang) -> &'static str {
    lang.pick("本期", "this round")
}

/// The key bar's word for the key that puts the round before's ranking on the stage.
pub fn key_previous_on_stage(lang: Lang) -> &'static str {
    lang.pick("上期上屏", "earlier on stage")
}

/// The head of the overall rank's column, beside the rank within the category.
pub fn overall_head(lang: Lang) -> &'static str {
    lang.pick("总排名", "Overall")
}

/// The head of the band's column (等次).
pub fn band_head(lang: Lang) -> &'static str {
    lang.pick("等次", "Band")
}

/// The head of the rank change's column (较上期).
pub fn change_head(lang: Lang) -> &'static str {
    lang.pick("较上期", "vs. last")
}

/// The heading of the units without a category, when others have one.
pub fn no_category(lang: Lang) -> &'static str {
    lang.pick("其他单位", "Other units")
}

/// The heading line of a category in the results.
pub fn category_heading(lang: Lang, category: Option<&str>) -> String {
    let name = category.unwrap_or(no_category(lang));
    match lang {
        Lang::Zh => format!("【{name}】"),
        Lang::En => format!("[{name}]"),
    }
}

/// 较上期 as every output writes it (`UnitResult::shown_change`): "↑2" moved up (进位), "↓1"
/// moved down (退位), "持平" the same place, "新" not ranked in the round before (or not in
/// it at all); nothing for a unit not ranked now.
pub fn change(lang: Lang, shown: Option<Option<i64>>) -> String {
    match shown {
        None => String::new(),
        Some(Some(k)) if k > 0 => format!("↑{k}"),
        Some(Some(k)) if k < 0 => format!("↓{}", k.unsigned_abs()),
        Some(Some(_)) => lang.pick("持平", "same").to_string(),
        Some(None) => lang.pick("新", "new").to_string(),
    }
}

/// A date as `YYYY-MM-DD` written as offices write it (`strings::minutes::date`):
/// 2026年3月30日, 30 March 2026; any other text as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d") {
        Ok(day) => super::minutes::date(lang, day),
        Err(_) => iso.to_string(),
    }
}

/// The results view's title over the round before's ranking: 上期排名（《title》，date），
/// and whether it had been published.
pub fn previous_view_title(
    lang: Lang,
    title: &str,
    meeting_date: Option<&str>,
    published: bool,
) -> String {
    let when = meeting_date.map(|d| date(lang, d));
    let state = match (lang, published) {
        (Lang::Zh, true) => "已公布",
        (Lang::Zh, false) => "未公布",
        (Lang::En, true) => "published",
        (Lang::En, false) => "not published",
    };
    match (lang, when) {
        (Lang::Zh, Some(d)) => format!("上期排名（《{title}》，{d}，{state}）"),
        (Lang::Zh, None) => format!("上期排名（《{title}》，{state}）"),
        (Lang::En, Some(d)) => format!("Earlier ranking ({title}, {d}, {state})"),
        (Lang::En, None) => format!("Earlier ranking ({title}, {state})"),
    }
}

/// The line under the round before's ranking: it is a copy, read-only, and the key back.
pub fn previous_view_note(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("上期结果为接续时复制的副本，只读；按 {key} 返回本期排名"),
        Lang::En => format!(
            "A read-only copy taken when the meetings were linked; {key} goes back to this ranking"
        ),
    }
}

/// The stage's title over the round before's ranking.
pub fn previous_stage_title(lang: Lang, title: &str) -> String {
    let head = lang.pick("上期测评结果", "Earlier results");
    if title.trim().is_empty() {
        head.to_string()
    } else {
        format!("{head} · {title}")
    }
}

/// The stage's rank within a category, with the overall rank after it: "第2名", "总第5名".
pub fn overall(lang: Lang, rank: &str, tied: bool) -> String {
    let tie = match (tied, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（并列）",
        (true, Lang::En) => " (tied)",
    };
    match lang {
        Lang::Zh => format!("总第{rank}名{tie}"),
        Lang::En => format!("overall #{rank}{tie}"),
    }
}

/// The stage's head of the rank change's column.
pub fn stage_change_head(lang: Lang) -> &'static str {
    change_head(lang)
}

/// The round before in the explanation: the place the change counts from (its category when
/// within one, and the rank), and the final as shown.
pub type Before<'a> = (Option<(Option<&'a str>, usize)>, Option<String>);

/// The explanation's lines for a unit in a series: its category and rank in it, its band,
/// and its result in the round before.
pub fn explain(
    lang: Lang,
    category: Option<(&str, Option<usize>)>,
    overall: Option<usize>,
    band: Option<&str>,
    before: Option<Before<'_>>,
    change: Option<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((name, rank)) = category {
        let rank = rank.map(|k| k.to_string()).unwrap_or_else(|| "—".into());
        let total = overall.map(|k| match lang {
            Lang::Zh => format!("，总第{k}名"),
            Lang::En => format!(", overall #{k}"),
        });
        out.push(match lang {
            Lang::Zh => format!("类别：{name}，第{rank}名{}", total.unwrap_or_default()),
            Lang::En => format!("Category: {name}, #{rank}{}", total.unwrap_or_default()),
        });
    }
    if let Some(band) = band {
        out.push(match lang {
            Lang::Zh => format!("等次：{band}"),
            Lang::En => format!("Band: {band}"),
        });
    }
    if let Some((rank, final_score)) = before {
        // The place in the unit's category (“县区第2名”) or overall (“第3名”).
        let rank = match (lang, rank) {
            (Lang::Zh, Some((Some(c), k))) => format!("{c}第{k}名"),
            (Lang::Zh, Some((None, k))) => format!("第{k}名"),
            (Lang::En, Some((Some(c), k))) => format!("{c} #{k}"),
            (Lang::En, Some((None, k))) => format!("#{k}"),
            (Lang::Zh, None) => "未排名".into(),
            (Lang::En, None) => "not ranked".into(),
        };
        let f = final_score.unwrap_or_else(|| "—".into());
        // Not ranked now: no change to give, so no dangling 较上期.
        out.push(match (lang, change) {
            (Lang::Zh, Some(change)) => format!("上期：{rank}，{f}分；较上期 {change}"),
            (Lang::Zh, None) => format!("上期：{rank}，{f}分"),
            (Lang::En, Some(change)) => format!("Last round: {rank}, {f}; change {change}"),
            (Lang::En, None) => format!("Last round: {rank}, {f}"),
        });
    } else if let Some(change) = change {
        out.push(match lang {
            Lang::Zh => format!("上期：未排名；较上期 {change}"),
            Lang::En => format!("Last round: not ranked; change {change}"),
        });
    }
    out
}

/// A final of the round before, with the decimals it was published with.
pub fn previous_final(final_score: Option<f64>, decimals: u32) -> String {
    match final_score {
        Some(f) if f.is_finite() => format!("{f:.*}", decimals.min(6) as usize),
        _ => "—".to_string(),
    }
}
