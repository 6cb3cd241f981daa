//! What an office prints and circulates (issue [E1], "Printable, readable outputs" and
//! "Public outputs"): a round of a series with categories, bands, groups, trimming and the
//! round before's results, built in code at fixed times, rendered with
//! `report::export::render_for`, and read back as the files hold it — the workbook unzipped
//! (the sheets' XML, the styles, the defined names, the document properties), the CSV as
//! bytes.
//!
//! - every sheet: A4, fit to one page wide, landscape when wide, portrait when narrow, page
//!   N of M in the footer; a title row (the meeting, the sheet, 2026年5月30日) merged over the
//!   table; the header repeated on every printed page (`_xlnm.Print_Titles`) and frozen;
//!   thin borders on header and data cells;
//! - numbers with their formats: finals `0.00`, durations `[mm]:ss` (numbers: seconds ÷
//!   86400), times of day `hh:mm:ss`; a three-line remark and a 600-character one wrapped,
//!   top-aligned, in rows tall enough for them;
//! - the ranking grouped by category with 类别排名, 总排名, 等次, 上期类别排名, 上期排名,
//!   上期得分 and 较上期 (↑2, ↓1, —, 新), in the workbook and the CSV (UTF-8 with a BOM);
//! - `--public`: no reviewer who made no remark is named anywhere in the workbook or the
//!   CSV, while the internal ones name them; no 评分 sheet; no group column when a group has
//!   fewer than three scorers.

use chrono::{DateTime, Duration};
use podium::plan::Plan;
use podium::planfile;
use podium::report::ReportFormat;
use podium::report::export::render_for;
use podium::scoring::ONE;
use podium::session::{
    Command, PreviousMeeting, PreviousResult, PreviousResults, RemarkKind, ScoreEntry, Session,
    Time,
};
use podium::strings::Lang;
use std::io::Read;

const PLAN: &str = r#"{
  "version": 4,
  "title": "二季度比晒拼创汇报会",
  "date": "2026-05-30",
  "talk_minutes": 8,
  "units": [
    {"name": "城东区", "presenter": "区长", "category": "县区"},
    {"name": "城西区", "presenter": "区长", "category": "县区"},
    {"name": "湟中区", "presenter": "区长", "category": "县区"},
    {"name": "市财政局", "presenter": "局长", "category": "部门"},
    {"name": "市交通局", "presenter": "局长", "category": "部门"}
  ],
  "reviewers": [
    {"name": "梁晗鹍", "role": "常务副市长", "group": "领导"},
    {"name": "金玉", "role": "副市长", "group": "领导"},
    {"name": "潘功发", "role": "市政府秘书长", "group": "领导"},
    {"name": "祁向东", "role": "市发改委主任", "group": "领导"},
    {"name": "马海燕", "role": "人大代表", "group": "代表"},
    {"name": "李秀兰", "role": "政协委员", "group": "代表"}
  ],
  "scoring": {
    "mode": "points",
    "criteria": [{"name": "工作成效", "max": 60}, {"name": "创新亮点", "max": 40}],
    "groups": [{"name": "领导", "weight": 70}, {"name": "代表", "weight": 30}],
    "trim": 1,
    "trim_min": 4,
    "decimals": 2,
    "bands": {"by": "score", "levels": [
      {"name": "好", "min": 90}, {"name": "较好", "min": 85}, {"name": "一般"}
    ]}
  }
}"#;

/// The reviewers who made no remark: no public output may name them.
const SILENT: [&str; 5] = ["金玉", "潘功发", "祁向东", "马海燕", "李秀兰"];

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

fn plan() -> Plan {
    planfile::parse("plan.json", PLAN, Lang::Zh)
        .expect("the plan loads")
        .plan
}

fn run(s: &mut Session, command: Command, at: Time) {
    let events = s
        .decide(&command, at)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    s.commit(events);
}

fn previous(
    unit: &str,
    category: &str,
    rank: usize,
    category_rank: usize,
    fin: f64,
) -> PreviousResult {
    PreviousResult {
        unit: unit.into(),
        category: Some(category.into()),
        final_score: Some(fin),
        rank: Some(rank),
        category_rank: Some(category_rank),
        band: None,
    }
}

/// The round before: 城西区 first of 县区, 城东区 third (大通县 between them is not on this
/// agenda), 湟中区 not ranked; 市财政局 and 市交通局 first and second of 部门.
fn link_previous() -> Command {
    Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "一季度比晒拼创汇报会".into(),
            date: Some("2026-03-30".into()),
            path: "一季度.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: Vec::new(),
        results: Some(Box::new(PreviousResults {
            published: true,
            decimals: 2,
            units: vec![
                previous("城西区", "县区", 1, 1, 93.5),
                previous("市财政局", "部门", 2, 1, 92.25),
                previous("市交通局", "部门", 3, 2, 90.0),
                previous("大通县", "县区", 4, 2, 89.0),
                previous("城东区", "县区", 5, 3, 86.4),
            ],
        })),
    }
}

/// A reviewer's sheet for a unit: the total split over the two criteria (38 for 创新亮点).
fn sheet(unit: &str, reviewer: &str, total: i64) -> Vec<ScoreEntry> {
    [("工作成效", total - 38), ("创新亮点", 38)]
        .into_iter()
        .map(|(criterion, v)| ScoreEntry {
            unit: unit.into(),
            reviewer: reviewer.into(),
            criterion: criterion.into(),
            value: v * ONE,
        })
        .collect()
}

/// A three-line remark (one line each) and one of 600 characters, both by 梁晗鹍.
const THREE_LINES: &str = "一是要压实责任。\n二是要补齐短板。\n三是要建立台账、对账销号。";

fn long_remark() -> String {
    "要坚持问题导向，".repeat(75)
}

/// The meeting: five units talk 7 minutes each (湟中区 9: a minute over), two remarks,
/// every sheet scored (李秀兰's for 市交通局 only half), results published.
///
/// Finals by hand (领导 70 %, 代表 30 %; 领导 trims its highest and lowest):
/// 城东区 0.7·(92+90)/2 + 0.3·(90+86)/2 = 90.10; 城西区 0.7·88 + 0.3·90 = 88.60;
/// 湟中区 0.7·83 + 0.3·86 = 83.90; 市财政局 0.7·94.5 + 0.3·93 = 94.05;
/// 市交通局 0.7·88 + 0.3·91 (马海燕 alone) = 88.90.
fn meeting() -> Session {
    let mut s = Session::new(plan());
    let mut now = t0();
    run(&mut s, link_previous(), now);
    for minutes in [7, 7, 9, 7, 7] {
        run(&mut s, Command::ToggleTalk, now);
        now += Duration::minutes(minutes);
        run(&mut s, Command::Next, now);
        now += Duration::seconds(30);
    }
    for (unit, text) in [
        ("城东区", THREE_LINES.to_string()),
        ("城西区", long_remark()),
    ] {
        run(
            &mut s,
            Command::AddRemark {
                unit: Some(unit.into()),
                reviewer: "梁晗鹍".into(),
                text,
                kind: RemarkKind::Remark,
            },
            now,
        );
    }
    let leaders = ["梁晗鹍", "金玉", "潘功发", "祁向东"];
    let totals: [(&str, [i64; 4], [i64; 2]); 5] = [
        ("城东区", [92, 90, 88, 95], [90, 86]),
        ("城西区", [85, 87, 89, 91], [90, 90]),
        ("湟中区", [80, 82, 84, 86], [85, 87]),
        ("市财政局", [93, 94, 95, 96], [92, 94]),
        ("市交通局", [88, 88, 88, 89], [91, 0]),
    ];
    let mut entries = Vec::new();
    for (unit, lead, reps) in totals {
        for (who, total) in leaders.iter().zip(lead) {
            entries.extend(sheet(unit, who, total));
        }
        entries.extend(sheet(unit, "马海燕", reps[0]));
        if reps[1] > 0 {
            entries.extend(sheet(unit, "李秀兰", reps[1]));
        }
    }
    // 李秀兰's sheet for 市交通局: one criterion only (incomplete).
    entries.push(ScoreEntry {
        unit: "市交通局".into(),
        reviewer: "李秀兰".into(),
        criterion: "创新亮点".into(),
        value: 30 * ONE,
    });
    run(&mut s, Command::SetScores { entries }, now);
    run(&mut s, Command::EndMeeting, now);
    s
}

fn render(s: &Session, format: ReportFormat, public: bool) -> Vec<u8> {
    render_for(s, format, t0() + Duration::hours(2), Lang::Zh, public).expect("rendered")
}

/// The workbook's parts by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let name = part.name().expect("a part's name").to_string();
        let mut text = String::new();
        if part.read_to_string(&mut text).is_ok() {
            out.insert(name, text);
        }
    }
    out
}

/// The value of `name="…"` in an element's text.
fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let at = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &element[at..];
    Some(&rest[..rest.find('"')?])
}

/// Every `<tag …>` element (its opening tag up to `>`, or to its end tag when it has one).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let from = &rest[at..];
        let after = from.as_bytes().get(open.len()).copied();
        if !matches!(after, Some(b' ' | b'>' | b'/')) {
            rest = &from[open.len()..];
            continue;
        }
        let head = from.find('>').map_or(from.len(), |e| e + 1);
        let end = if from[..head].ends_with("/>") {
            head
        } else {
            from.find(&close).map_or(head, |e| e + close.len())
        };
        out.push(&from[..end]);
        rest = &from[end..];
    }
    out
}

/// The styles: each cell format (`cellXfs`) as its number format code (General: ""),
/// whether it has a thin border, wraps, and aligns to the top.
struct Style {
    format: String,
    border: bool,
    wrap: bool,
    top: bool,
}

fn styles(xml: &str) -> Vec<Style> {
    let formats: Vec<(String, String)> = elements(xml, "numFmt")
        .iter()
        .filter_map(|e| Some((attr(e, "numFmtId")?.into(), attr(e, "formatCode")?.into())))
        .collect();
    let borders = elements(xml, "border");
    let cell_xfs = &xml[xml.find("<cellXfs").expect("cellXfs")..];
    let cell_xfs = &cell_xfs[..cell_xfs.find("</cellXfs>").expect("its end")];
    elements(cell_xfs, "xf")
        .iter()
        .map(|xf| {
            let id = attr(xf, "numFmtId").unwrap_or("0");
            let format = formats
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, c)| c.replace("&quot;", "\""))
                .unwrap_or_default();
            let border = attr(xf, "borderId")
                .and_then(|b| b.parse::<usize>().ok())
                .and_then(|b| borders.get(b))
                .is_some_and(|b| {
                    b.contains("<left style=\"thin\"") && b.contains("<top style=\"thin\"")
                });
            Style {
                format,
                border,
                wrap: xf.contains("wrapText=\"1\""),
                top: xf.contains("vertical=\"top\""),
            }
        })
        .collect()
}

/// A cell of a sheet: its style index and its value (`<v>`: a number, or a shared string's
/// index).
fn cell<'a>(sheet: &'a str, at: &str) -> (usize, &'a str) {
    let c = elements(sheet, "c")
        .into_iter()
        .find(|c| attr(c, "r") == Some(at))
        .unwrap_or_else(|| panic!("cell {at}"));
    let style = attr(c, "s").map_or(0, |s| s.parse().expect("a style index"));
    let value = c.find("<v>").map_or("", |v| {
        &c[v + 3..v + 3 + c[v + 3..].find("</v>").expect("</v>")]
    });
    (style, value)
}

fn shared_strings(parts: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let xml = parts.get("xl/sharedStrings.xml").map_or("", String::as_str);
    elements(xml, "si")
        .iter()
        .map(|si| {
            elements(si, "t")
                .iter()
                .map(|t| {
                    let body = &t[t.find('>').expect(">") + 1..];
                    body.strip_suffix("</t>").unwrap_or(body).to_string()
                })
                .collect::<String>()
        })
        .collect()
}

/// The text of a shared-string cell.
fn text_of(strings: &[String], sheet: &str, at: &str) -> String {
    let (_, v) = cell(sheet, at);
    strings[v
        .parse::<usize>()
        .unwrap_or_else(|_| panic!("{at} is text"))]
    .clone()
}

/// A row's height in points (none: the default).
fn row_height(sheet: &str, row: usize) -> Option<f64> {
    elements(sheet, "row")
        .into_iter()
        .map(|r| &r[..r.find('>').unwrap_or(r.len())])
        .find(|r| attr(r, "r") == Some(&row.to_string()))
        .and_then(|r| attr(r, "ht"))
        .map(|h| h.parse().expect("a height"))
}

/// A column's width (1-based column number).
fn column_width(sheet: &str, col: usize) -> f64 {
    elements(sheet, "col")
        .into_iter()
        .find(|c| {
            let (min, max) = (attr(c, "min").unwrap_or("0"), attr(c, "max").unwrap_or("0"));
            min.parse::<usize>().unwrap() <= col && col <= max.parse::<usize>().unwrap()
        })
        .and_then(|c| attr(c, "width"))
        .map(|w| w.parse().expect("a width"))
        .unwrap_or_else(|| panic!("column {col}"))
}

/// How many cells a row has.
fn row_cells(sheet: &str, row: usize) -> usize {
    elements(sheet, "row")
        .into_iter()
        .find(|r| attr(&r[..r.find('>').unwrap_or(r.len())], "r") == Some(&row.to_string()))
        .map_or(0, |r| elements(r, "c").len())
}

/// The sheets by name, in order, with their parts.
fn sheets(parts: &std::collections::BTreeMap<String, String>) -> Vec<(String, String)> {
    let book = &parts["xl/workbook.xml"];
    elements(book, "sheet")
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = attr(s, "name").expect("a sheet name").to_string();
            let xml = parts[&format!("xl/worksheets/sheet{}.xml", i + 1)].clone();
            (name, xml)
        })
        .collect()
}

#[test]
fn every_sheet_prints_on_a4_one_page_wide_with_a_title_row_print_titles_and_a_footer() {
    let s = meeting();
    let parts = unzip(&render(&s, ReportFormat::Xlsx, false));
    let strings = shared_strings(&parts);
    let styles = styles(&parts["xl/styles.xml"]);
    let all = sheets(&parts);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["排名", "评分", "点评", "计时", "交办"]);
    let book = &parts["xl/workbook.xml"];
    let titles: Vec<&str> = elements(book, "definedName")
        .into_iter()
        .filter(|d| attr(d, "name") == Some("_xlnm.Print_Titles"))
        .collect();
    for (i, (name, xml)) in all.iter().enumerate() {
        let setup = elements(xml, "pageSetup");
        let setup = setup
            .first()
            .unwrap_or_else(|| panic!("{name}: a page setup"));
        assert_eq!(attr(setup, "paperSize"), Some("9"), "{name}: A4");
        assert_eq!(attr(setup, "fitToHeight"), Some("0"), "{name}: pages tall");
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name}: fit to the page's width"
        );
        assert!(
            xml.contains("&amp;P") && xml.contains("&amp;N") && xml.contains("<oddFooter>"),
            "{name}: page N of M in the footer"
        );
        // The header row repeated on every printed page: row 2 under the title row, row 1
        // on 评分 (read back by `podium scores`: its header stays on the first row).
        let header_row = if name == "评分" { 1 } else { 2 };
        let title = titles
            .iter()
            .find(|d| attr(d, "localSheetId") == Some(&i.to_string()))
            .unwrap_or_else(|| panic!("{name}: print titles"));
        assert!(
            title.contains(&format!("!${header_row}:${header_row}<")),
            "{name}: {title}"
        );
        let pane = elements(xml, "pane");
        let pane = pane
            .first()
            .unwrap_or_else(|| panic!("{name}: a frozen header"));
        assert_eq!(
            attr(pane, "topLeftCell"),
            Some(format!("A{}", header_row + 1).as_str()),
            "{name}: frozen under the header"
        );
        // The header cells: bold in a thin border.
        let (style, _) = cell(xml, &format!("A{header_row}"));
        assert!(styles[style].border, "{name}: a bordered header");
        if name == "评分" {
            continue;
        }
        // The title row: the meeting, the sheet, the date, merged over the table's width.
        let title = text_of(&strings, xml, "A1");
        assert_eq!(
            title,
            format!("二季度比晒拼创汇报会　{name}　2026年5月30日")
        );
        let merge = elements(xml, "mergeCell");
        let merge = merge
            .first()
            .unwrap_or_else(|| panic!("{name}: a merged title"));
        let width = row_cells(xml, header_row);
        let last = (b'A' + width as u8 - 1) as char;
        assert_eq!(
            attr(merge, "ref"),
            Some(format!("A1:{last}1").as_str()),
            "{name}"
        );
    }
    // 排名 has 15 columns: landscape; 评分 five narrow ones: portrait.
    let orientation = |name: &str| {
        let xml = &all.iter().find(|(n, _)| n == name).expect(name).1;
        attr(elements(xml, "pageSetup")[0], "orientation").map(String::from)
    };
    assert_eq!(orientation("排名").as_deref(), Some("landscape"));
    assert_eq!(orientation("交办").as_deref(), Some("landscape"));
    assert_eq!(orientation("评分").as_deref(), Some("portrait"));
    // The document's title.
    assert!(
        parts["docProps/core.xml"]
            .contains("<dc:title>二季度比晒拼创汇报会（会议报表）</dc:title>"),
        "{}",
        parts["docProps/core.xml"]
    );
}

#[test]
fn numbers_have_their_formats_and_long_text_wraps_in_rows_tall_enough() {
    let s = meeting();
    let parts = unzip(&render(&s, ReportFormat::Xlsx, false));
    let strings = shared_strings(&parts);
    let styles = styles(&parts["xl/styles.xml"]);
    let all = sheets(&parts);
    let sheet = |name: &str| all.iter().find(|(n, _)| n == name).expect(name).1.as_str();

    // 排名: grouped by category (县区 then 部门), each in category-rank order.
    let ranking = sheet("排名");
    let header: Vec<String> = (0..15)
        .map(|c| text_of(&strings, ranking, &format!("{}2", (b'A' + c) as char)))
        .collect();
    assert_eq!(
        header,
        [
            "类别",
            "类别排名",
            "总排名",
            "单位",
            "最终得分",
            "等次",
            "上期类别排名",
            "上期排名",
            "上期得分",
            "较上期",
            "得分",
            "扣分",
            "领导",
            "代表",
            "备注"
        ]
    );
    let row = |r: usize| -> Vec<String> {
        (0..15)
            .map(|c| {
                let at = format!("{}{r}", (b'A' + c) as char);
                let (_, v) = cell(ranking, &at);
                let is_text = elements(ranking, "c")
                    .iter()
                    .any(|e| attr(e, "r") == Some(at.as_str()) && attr(e, "t") == Some("s"));
                if is_text {
                    strings[v.parse::<usize>().unwrap()].clone()
                } else {
                    v.to_string()
                }
            })
            .collect()
    };
    // 类别, 类别排名, 总排名, 单位, 最终得分, 等次, 上期类别排名, 上期排名, 上期得分, 较上期.
    let want = [
        [
            "县区",
            "1",
            "2",
            "城东区",
            "90.1",
            "好",
            "3",
            "5",
            "86.4",
            "↑2",
        ],
        [
            "县区",
            "2",
            "4",
            "城西区",
            "88.6",
            "较好",
            "1",
            "1",
            "93.5",
            "↓1",
        ],
        ["县区", "3", "5", "湟中区", "83.9", "一般", "", "", "", "新"],
        [
            "部门",
            "1",
            "1",
            "市财政局",
            "94.05",
            "好",
            "1",
            "2",
            "92.25",
            "持平",
        ],
        [
            "部门",
            "2",
            "3",
            "市交通局",
            "88.9",
            "较好",
            "2",
            "3",
            "90",
            "持平",
        ],
    ];
    for (i, want) in want.iter().enumerate() {
        let got = row(3 + i);
        assert_eq!(got[..10], want[..], "row {}", 3 + i);
    }
    // Finals, scores, penalties, group scores and 上期得分: numbers shown `0.00`, in borders.
    for col in ["E", "I", "K", "L", "M", "N"] {
        let (style, v) = cell(ranking, &format!("{col}3"));
        assert!(v.parse::<f64>().is_ok(), "{col}3 is a number: {v}");
        assert_eq!(styles[style].format, "0.00", "{col}3");
        assert!(styles[style].border, "{col}3 bordered");
    }
    // Ranks: plain whole numbers.
    let (style, v) = cell(ranking, "C3");
    assert_eq!((v, styles[style].format.as_str()), ("2", ""));
    // 备注 wraps, at the top; internal, it names who was trimmed and whose sheet is half.
    let (style, _) = cell(ranking, "O3");
    assert!(styles[style].wrap && styles[style].top && styles[style].border);
    assert_eq!(
        text_of(&strings, ranking, "O3"),
        "领导去掉最高最低：祁向东、潘功发；代表人数不足未去分"
    );
    assert!(
        text_of(&strings, ranking, "O7").contains("李秀兰评分不完整"),
        "{}",
        text_of(&strings, ranking, "O7")
    );

    // 点评: the three-line remark and the 600-character one wrapped, top-aligned, in rows
    // that show them whole (15 points a line, Excel's 409 at most).
    let remarks = sheet("点评");
    assert_eq!(text_of(&strings, remarks, "D3"), THREE_LINES);
    assert_eq!(text_of(&strings, remarks, "D4"), long_remark());
    for at in ["D3", "D4"] {
        let (style, _) = cell(remarks, at);
        assert!(styles[style].wrap, "{at} wraps");
        assert!(styles[style].top, "{at} at the top");
        assert!(styles[style].border, "{at} bordered");
    }
    let width = column_width(remarks, 4);
    assert!(
        (30.0..=80.0).contains(&width),
        "a column of sensible width: {width}"
    );
    let three = row_height(remarks, 3).expect("the three-line remark's row is set");
    assert!(three >= 45.0, "three lines: {three}");
    // 600 CJK characters are 1,200 half-widths: at least that many lines of the column.
    let lines = (1200.0 / (width - 1.0)).ceil();
    let long = row_height(remarks, 4).expect("the long remark's row is set");
    assert!(
        long >= (lines * 15.0).min(409.0) && long <= 409.0,
        "{lines} lines in a column {width} wide: {long}"
    );
    assert!(long > three);

    // 计时: 限时, 用时, 超时 durations as numbers (days) shown `[mm]:ss`; 开始 and 结束
    // times of day `hh:mm:ss`.
    let timing = sheet("计时");
    let heads: Vec<String> = ["E2", "F2", "G2"]
        .iter()
        .map(|at| text_of(&strings, timing, at))
        .collect();
    assert_eq!(heads, ["限时", "用时", "超时"]);
    // 湟中区 (row 5): limit 8:00, talked 9:00, a minute over; started 09:15:00.
    for (at, seconds) in [("E5", 480.0), ("F5", 540.0), ("G5", 60.0)] {
        let (style, v) = cell(timing, at);
        let days: f64 = v
            .parse()
            .unwrap_or_else(|_| panic!("{at} is a number: {v}"));
        assert!((days * 86_400.0 - seconds).abs() < 1e-6, "{at}: {days}");
        assert_eq!(styles[style].format, "[mm]:ss", "{at}");
    }
    let (style, v) = cell(timing, "H5");
    let days: f64 = v.parse().expect("a time of day");
    assert!(
        (days * 86_400.0 - (9.0 * 3600.0 + 15.0 * 60.0)).abs() < 1e-6,
        "{days}"
    );
    assert_eq!(styles[style].format, "hh:mm:ss");
}

#[test]
fn the_ranking_csv_has_a_bom_the_series_columns_and_the_published_decimals() {
    let s = meeting();
    let bytes = render(&s, ReportFormat::Csv, false);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "类别",
            "类别排名",
            "总排名",
            "单位",
            "最终得分",
            "等次",
            "上期类别排名",
            "上期排名",
            "上期得分",
            "较上期",
            "得分",
            "扣分",
            "领导",
            "代表",
            "备注"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let firsts: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| [&r[0], &r[3], &r[4], &r[5], &r[8], &r[9]].map(String::as_str))
        .collect();
    assert_eq!(
        firsts,
        [
            ["县区", "城东区", "90.10", "好", "86.40", "↑2"],
            ["县区", "城西区", "88.60", "较好", "93.50", "↓1"],
            ["县区", "湟中区", "83.90", "一般", "", "新"],
            ["部门", "市财政局", "94.05", "好", "92.25", "持平"],
            ["部门", "市交通局", "88.90", "较好", "90.00", "持平"],
        ]
    );
    assert_eq!(rows[0][11], "0.00", "a penalty with the decimals");
}

#[test]
fn public_outputs_name_no_reviewer_who_made_no_remark() {
    let s = meeting();
    let internal_book = unzip(&render(&s, ReportFormat::Xlsx, false));
    let public_book = unzip(&render(&s, ReportFormat::Xlsx, true));
    let internal_csv = String::from_utf8(render(&s, ReportFormat::Csv, false)).unwrap();
    let public_csv = String::from_utf8(render(&s, ReportFormat::Csv, true)).unwrap();
    // Every part of the workbook: the shared strings, the sheets, the properties.
    let text = |parts: &std::collections::BTreeMap<String, String>| {
        parts.values().cloned().collect::<Vec<_>>().join("\n")
    };
    let (internal_book, public_book) = (text(&internal_book), text(&public_book));
    for name in SILENT {
        assert!(
            internal_book.contains(name),
            "the internal workbook names {name}"
        );
        assert!(
            !public_book.contains(name),
            "the public workbook names {name}"
        );
        assert!(
            !public_csv.contains(name),
            "the public CSV names {name}:\n{public_csv}"
        );
    }
    // The internal CSV names who was trimmed and whose sheet is incomplete.
    for name in ["祁向东", "潘功发", "李秀兰"] {
        assert!(internal_csv.contains(name), "the internal CSV names {name}");
    }
    // The remarker stays: remarks are public statements, with their speakers.
    assert!(public_book.contains("梁晗鹍"));
    assert!(public_book.contains("要坚持问题导向"));
    // No 评分 sheet; notes say trimming was done without naming anyone; 代表 had two
    // scorers for some units, so no group column at all.
    assert!(!public_book.contains("name=\"评分\""));
    assert!(internal_book.contains("name=\"评分\""));
    let mut reader = csv::Reader::from_reader(&public_csv.as_bytes()[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert!(
        !header.iter().any(|h| h == "领导" || h == "代表"),
        "{header:?}"
    );
    assert!(header.iter().any(|h| h == "较上期"), "{header:?}");
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(
        &first[first.len() - 1],
        "领导去掉最高分和最低分；代表人数不足未去分"
    );
    assert!(public_book.contains("（通报用报表）"));
}

/// A grades meeting without categories, in English: the overall rank and its change (↑1,
/// ↓2, new), the ballots as whole numbers, the excellent share a number shown `0.0%`, and
/// the title row with the date written out.
#[test]
fn a_grades_round_in_english_has_its_rank_change_and_a_percent_share() {
    let plan = planfile::parse(
        "plan.json",
        r#"{
  "version": 4,
  "title": "Quarterly review",
  "date": "2026-05-30",
  "units": [{"name": "North"}, {"name": "South"}, {"name": "West"}],
  "reviewers": [{"name": "Ann"}, {"name": "Bo"}, {"name": "Cy"}, {"name": "Di"}],
  "scoring": {"mode": "grades", "grades": [
    {"name": "Good", "points": 100}, {"name": "Fair", "points": 80}, {"name": "Poor", "points": 60}
  ]}
}"#,
        Lang::En,
    )
    .expect("the plan loads")
    .plan;
    let mut s = Session::new(plan);
    let before = |unit: &str, rank: usize, fin: f64| PreviousResult {
        unit: unit.into(),
        category: None,
        final_score: Some(fin),
        rank: Some(rank),
        category_rank: None,
        band: None,
    };
    let mut link = link_previous();
    if let Command::LinkPrevious { results, .. } = &mut link {
        *results = Some(Box::new(PreviousResults {
            published: true,
            decimals: 1,
            units: vec![before("South", 1, 92.5), before("North", 2, 90.0)],
        }));
    }
    run(&mut s, link, t0());
    // North (3 Good, 1 Fair) 95, first; West (2, 2) 90; South (1, 2, 1) 80.
    let ballots = [
        ("North", [3, 1, 0]),
        ("South", [1, 2, 1]),
        ("West", [2, 2, 0]),
    ];
    let entries = ballots
        .iter()
        .flat_map(|(unit, counts)| {
            ["Good", "Fair", "Poor"]
                .iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|(grade, n)| podium::session::GradeEntry {
                    unit: unit.to_string(),
                    grade: grade.to_string(),
                    count: *n,
                    group: None,
                })
        })
        .collect();
    run(&mut s, Command::AddGrades { entries }, t0());
    let bytes = render_for(&s, ReportFormat::Xlsx, t0(), Lang::En, false).expect("rendered");
    let parts = unzip(&bytes);
    let strings = shared_strings(&parts);
    let styles = styles(&parts["xl/styles.xml"]);
    let ranking = &parts["xl/worksheets/sheet1.xml"];
    assert_eq!(
        text_of(&strings, ranking, "A1"),
        "Quarterly review — Ranking — 30 May 2026"
    );
    let header: Vec<String> = (0..13)
        .map(|c| text_of(&strings, ranking, &format!("{}2", (b'A' + c) as char)))
        .collect();
    assert_eq!(
        header,
        [
            "Rank",
            "Unit",
            "Final",
            "Previous rank",
            "Previous final",
            "Change",
            "Score",
            "Penalty",
            "Good",
            "Fair",
            "Poor",
            "Excellent share",
            "Notes"
        ]
    );
    let units: Vec<String> = (3..6)
        .map(|r| text_of(&strings, ranking, &format!("B{r}")))
        .collect();
    assert_eq!(units, ["North", "West", "South"]);
    let changes: Vec<String> = (3..6)
        .map(|r| text_of(&strings, ranking, &format!("F{r}")))
        .collect();
    assert_eq!(changes, ["↑1", "new", "↓2"]);
    // 上期得分 with the round before's decimals (one).
    let (style, v) = cell(ranking, "E3");
    assert_eq!((v, styles[style].format.as_str()), ("90", "0.0"));
    // Ballots whole numbers; the share a number shown as a percent.
    let (style, v) = cell(ranking, "I3");
    assert_eq!((v, styles[style].format.as_str()), ("3", ""));
    let (style, v) = cell(ranking, "L3");
    assert_eq!((v, styles[style].format.as_str()), ("0.75", "0.0%"));
    // The CSV writes the share as the fraction.
    let csv = String::from_utf8(render_for(&s, ReportFormat::Csv, t0(), Lang::En, false).unwrap())
        .unwrap();
    let north = csv.lines().nth(1).expect("North's row");
    assert!(
        north.starts_with("1,North,95.00,2,90.0,↑1,95.00,0.00,3,1,0,0.75,"),
        "{north}"
    );
}
