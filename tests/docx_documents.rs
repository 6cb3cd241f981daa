//! The Word documents (issue [E2]): `podium report --format docx --doc minutes|notice|tasks`,
//! read back with a docx reader (`docx_rs::read_docx`) and as the XML in the zip
//! (`word/document.xml`, `word/styles.xml`, `word/fontTable.xml`, the footer):
//!
//! - the minutes: the paragraphs in the order of the Markdown minutes (title, 会议纪要,
//!   一、基本情况 … 五、测评结果, the appendices), each heading in its style, every table of
//!   the Markdown minutes with the same cells; GB/T 9704 page (A4, margins), fonts named as
//!   East Asian fonts with sizes (二号 = 44, 三号 = 32 half-points), the font table's
//!   substitutes (`w:altName`), the footer's PAGE field;
//! - `--public` minutes and the notice name no reviewer who made no remark (the internal
//!   minutes do);
//! - the notice: its title, a table per category with 名次, 单位, 得分, 等次, 较上期;
//! - the task list: landscape A4, 序号 … 进展, the header row repeated, dates as 2026年6月30日;
//! - the binary: `podium report S --format docx --doc notice -o X.docx` writes it; without
//!   `-o` it is refused with a sentence.
//!
//! The meeting is the one of tests/minutes.rs (two categories, bands, the round before
//! linked, four reviewers of whom three never speak, a task).

mod common {
    pub mod cli;
}

use chrono::{DateTime, Duration};
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use podium::plan::Plan;
use podium::report::DocKind;
use podium::report::docx::document;
use podium::report::markdown::minutes_for;
use podium::session::{
    Command, PreviousMeeting, PreviousResult, PreviousResults, RemarkKind, ScoreEntry, Session,
    TaskFields, Time,
};
use podium::strings::Lang;
use std::io::Read;

const PLAN: &str = r#"{
  "version": 4,
  "title": "第二季度“比晒拼创”交流汇报会",
  "date": "2026-05-30",
  "venue": "区行政中心第一会议室",
  "host": "区长",
  "attendees": ["区委书记", "区长"],
  "observers": ["区直各部门主要负责人"],
  "recorder": "区委办公室",
  "talk_minutes": 8,
  "units": [
    {"name": "一季度测评结果通报", "kind": "briefing", "minutes": 5, "presenter": "区委组织部"},
    {"name": "经开区", "category": "园区", "presenter": "王磊", "role": "党工委书记", "topic": "招商引资攻坚"},
    {"name": "高新区", "category": "园区", "presenter": "刘洋"},
    {"name": "城东街道", "category": "街道", "presenter": "李娜", "role": "党工委书记", "topic": "老旧小区改造"},
    {"name": "城西街道", "category": "街道"},
    {"name": "城南街道", "category": "街道"},
    {"name": "区委书记讲话", "kind": "speech", "minutes": 20, "presenter": "周海", "role": "区委书记"}
  ],
  "reviewers": [
    {"name": "梁晗鹍", "role": "常务副区长"},
    {"name": "金玉", "role": "区人大代表"},
    {"name": "潘功发", "role": "区政协委员"},
    {"name": "胡为民"}
  ],
  "scoring": {
    "trim": 1,
    "bands": {"by": "score", "levels": [{"name": "好", "min": 90}, {"name": "较好", "min": 80}, {"name": "一般"}]}
  }
}"#;

/// The reviewers who never speak: no public output may name them.
const SILENT: [&str; 3] = ["金玉", "潘功发", "胡为民"];

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

fn plan() -> Plan {
    podium::planfile::parse("round2.json", PLAN, Lang::Zh)
        .expect("the plan loads")
        .plan
}

fn run(s: &mut Session, command: Command, at: Time) {
    let events = s
        .decide(&command, at)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    s.commit(events);
}

fn previous(unit: &str, category: &str, rank: usize, category_rank: usize) -> PreviousResult {
    PreviousResult {
        unit: unit.into(),
        category: Some(category.into()),
        final_score: Some(90.0 - rank as f64),
        rank: Some(rank),
        category_rank: Some(category_rank),
        band: None,
    }
}

/// The round before: 高新区 1st (园区 1st), 城东街道 2nd (街道 1st), 经开区 3rd (园区 2nd),
/// 城西街道 4th (街道 2nd); 城南街道 not ranked then.
fn link() -> Command {
    Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "第一季度“比晒拼创”交流汇报会".into(),
            date: Some("2026-03-01".into()),
            path: "round1.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: vec![],
        results: Some(Box::new(PreviousResults {
            published: true,
            decimals: 2,
            units: vec![
                previous("高新区", "园区", 1, 1),
                previous("城东街道", "街道", 2, 1),
                previous("经开区", "园区", 3, 2),
                previous("城西街道", "街道", 4, 2),
            ],
        })),
    }
}

/// Each reviewer's total per unit, in the plan's reviewer order (梁晗鹍, 金玉, 潘功发, 胡为民).
/// With one trimmed at each end: 经开区 93.5, 城西街道 90.5, 高新区 86.5, 城东街道 83.5,
/// 城南街道 73.
const SCORES: [(&str, [i64; 4]); 5] = [
    ("经开区", [95, 94, 93, 80]),
    ("高新区", [88, 87, 86, 85]),
    ("城东街道", [85, 84, 83, 82]),
    ("城西街道", [92, 91, 90, 89]),
    ("城南街道", [70, 72, 74, 76]),
];

/// The whole meeting. 经开区 talks 8 min 36 s (36 s over its 8 minutes), the others 7
/// minutes, the briefing 4, the speech 21; 30 s between items. Returns the session and when
/// it ended.
fn meeting() -> (Session, Time) {
    let mut s = Session::new(plan());
    let mut now = t0();
    run(&mut s, link(), now);
    let seconds = [240, 516, 420, 420, 420, 420, 1260];
    for (i, talk) in seconds.into_iter().enumerate() {
        run(&mut s, Command::ToggleTalk, now);
        now += Duration::seconds(talk);
        if i == 1 {
            run(
                &mut s,
                Command::AddRemark {
                    unit: Some("经开区".into()),
                    reviewer: "梁晗鹍".into(),
                    text: "招商引资成效明显\n下一步要抓项目落地".into(),
                    kind: RemarkKind::Remark,
                },
                now,
            );
        }
        if i == 3 {
            run(
                &mut s,
                Command::AddRemark {
                    unit: Some("城东街道".into()),
                    reviewer: "梁晗鹍".into(),
                    text: "改造进度要加快".into(),
                    kind: RemarkKind::Remark,
                },
                now,
            );
        }
        if i == 6 {
            run(
                &mut s,
                Command::AddRemark {
                    unit: Some("区委书记讲话".into()),
                    reviewer: "周海".into(),
                    text: "争先进位，硬账硬结".into(),
                    kind: RemarkKind::Remark,
                },
                now,
            );
        }
        run(&mut s, Command::Next, now);
        now += Duration::seconds(30);
    }
    run(
        &mut s,
        Command::AddRemark {
            unit: None,
            reviewer: "梁晗鹍".into(),
            text: "各单位总体准备充分".into(),
            kind: RemarkKind::Remark,
        },
        now,
    );
    run(
        &mut s,
        Command::AddTask {
            task: Box::new(TaskFields {
                text: "6月底前完成老旧小区改造方案".into(),
                owner: Some("城东街道".into()),
                leader: Some("梁晗鹍".into()),
                due: chrono::NaiveDate::from_ymd_opt(2026, 6, 30),
                ..TaskFields::default()
            }),
            unit: None,
            status: None,
            from_remark: None,
        },
        now,
    );
    let reviewers = ["梁晗鹍", "金玉", "潘功发", "胡为民"];
    let mut entries = Vec::new();
    for (unit, totals) in SCORES {
        for (reviewer, total) in reviewers.iter().zip(totals) {
            entries.push(ScoreEntry {
                unit: unit.into(),
                reviewer: (*reviewer).into(),
                criterion: "总分".into(),
                value: total * podium::scoring::ONE,
            });
        }
    }
    run(&mut s, Command::SetScores { entries }, now);
    run(&mut s, Command::EndMeeting, now);
    run(&mut s, Command::Publish, now);
    (s, now)
}

// ---------------------------------------------------------------------------------------------
// Reading a document back

/// A paragraph or a table of the document body, in order.
#[derive(Debug)]
enum Part {
    /// The style and the text.
    Paragraph(Option<String>, String),
    /// The rows' cells' text.
    Table(Vec<Vec<String>>),
}

fn read(bytes: &[u8]) -> Vec<Part> {
    let doc = docx_rs::read_docx(bytes).expect("a docx reader opens the document");
    let mut out = Vec::new();
    for child in doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                let style = p.property.style.as_ref().map(|s| s.val.clone());
                out.push(Part::Paragraph(style, p.raw_text()));
            }
            DocumentChild::Table(t) => {
                let rows = t
                    .rows
                    .iter()
                    .map(|TableChild::TableRow(r)| {
                        r.cells
                            .iter()
                            .map(|TableRowChild::TableCell(c)| {
                                c.children
                                    .iter()
                                    .filter_map(|x| match x {
                                        TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                        _ => None,
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            })
                            .collect()
                    })
                    .collect();
                out.push(Part::Table(rows));
            }
            _ => {}
        }
    }
    out
}

/// A part of the zip as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the document"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8");
    s
}

/// The text of every footer part.
fn footers(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut all = String::new();
    for i in 0..4 {
        if let Ok(mut f) = zip.by_name(&format!("word/footer{i}.xml")) {
            f.read_to_string(&mut all).unwrap();
        }
    }
    assert!(!all.is_empty(), "a footer part");
    all
}

/// All the text of a document (paragraphs and cells).
fn all_text(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Paragraph(_, t) => t.clone(),
            Part::Table(rows) => rows
                .iter()
                .map(|r| r.join("|"))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `w:style` element of `id` in styles.xml.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let at = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("style {id} in styles.xml"));
    let end = styles[at..].find("</w:style>").expect("closed") + at;
    &styles[at..end]
}

/// The Markdown minutes' tables: rows of unescaped cells, header first (the alignment row
/// left out).
fn md_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in md.lines().chain(std::iter::once("")) {
        if line.starts_with('|') {
            if line.contains(":---") || line.contains("---:") {
                continue;
            }
            current.push(
                line.trim_matches('|')
                    .split(" | ")
                    .map(|c| c.trim().replace('\\', ""))
                    .collect(),
            );
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The minutes

#[test]
fn the_word_minutes_have_the_paragraphs_and_tables_of_the_markdown_minutes() {
    let (s, end) = meeting();
    let bytes = document(&s, end, Lang::Zh, false, DocKind::Minutes).expect("rendered");
    let parts = read(&bytes);
    let md = minutes_for(&s, end, Lang::Zh, false);
    // The title and the line under it first.
    match (&parts[0], &parts[1]) {
        (Part::Paragraph(Some(a), t), Part::Paragraph(Some(b), u)) => {
            assert_eq!(
                (a.as_str(), t.as_str()),
                ("Title", "第二季度“比晒拼创”交流汇报会")
            );
            assert_eq!((b.as_str(), u.as_str()), ("Subtitle", "会议纪要"));
        }
        other => panic!("title and subtitle first: {other:?}"),
    }
    // Every section heading of the Markdown minutes, in its order, as a level-1 heading.
    let md_headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let headings: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Paragraph(Some(s), t) if s == "Heading1" => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, md_headings);
    assert_eq!(
        headings,
        [
            "一、基本情况",
            "二、会议听取了以下汇报和议程",
            "三、点评与讲话要点",
            "四、议定事项（交办事项）",
            "五、测评结果",
            "附件：评分明细",
            "附件：计时",
        ]
    );
    // The level-2 headings (categories, owners, units' sheets) likewise.
    let md_sub: Vec<String> = md
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(|t| t.replace('\\', ""))
        .collect();
    let sub: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Paragraph(Some(s), t) if s == "Heading2" => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sub, md_sub);
    // Every table with the same cells.
    let tables: Vec<&Vec<Vec<String>>> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Table(rows) => Some(rows),
            _ => None,
        })
        .collect();
    let expected = md_tables(&md);
    assert_eq!(
        tables.len(),
        expected.len(),
        "as many tables as the Markdown minutes"
    );
    for (t, e) in tables.iter().zip(&expected) {
        assert_eq!(*t, e);
    }
    // The 园区 results table: 名次 … with 经开区 first, its band and 较上期.
    let yuanqu = tables
        .iter()
        .find(|t| t.iter().any(|r| r.contains(&"经开区".to_string())) && t[0][0] == "名次")
        .expect("a results table with 经开区");
    assert!(yuanqu[1].contains(&"经开区".to_string()), "{yuanqu:?}");
    assert!(yuanqu[1].contains(&"好".to_string()), "{yuanqu:?}");
    assert!(yuanqu[1].contains(&"↑1".to_string()), "{yuanqu:?}");
    // The basics and the remarks as body paragraphs.
    let text = all_text(&parts);
    assert!(text.contains("地点：区行政中心第一会议室"), "{text}");
    assert!(text.contains("招商引资成效明显"), "{text}");
    assert!(text.contains("6月底前完成老旧小区改造方案"), "{text}");
}

#[test]
fn the_word_minutes_are_laid_out_after_gb_t_9704() {
    let (s, end) = meeting();
    let bytes = document(&s, end, Lang::Zh, false, DocKind::Minutes).expect("rendered");
    let doc = part(&bytes, "word/document.xml");
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    // 37, 35, 28, 26 mm in twips.
    for m in [
        r#"w:top="2097""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(doc.contains(m), "margin {m} in the section's w:pgMar");
    }
    assert!(
        doc.contains("<w:tblHeader />"),
        "a table's header row repeats"
    );
    let styles = part(&bytes, "word/styles.xml");
    let title = style(&styles, "Title");
    assert!(title.contains(r#"w:eastAsia="方正小标宋简体""#), "{title}");
    assert!(title.contains(r#"w:ascii="Times New Roman""#), "{title}");
    assert!(title.contains(r#"<w:sz w:val="44""#), "二号: {title}");
    assert!(title.contains(r#"w:val="center""#), "centred: {title}");
    let normal = style(&styles, "BodyText");
    assert!(normal.contains(r#"w:eastAsia="仿宋_GB2312""#), "{normal}");
    assert!(normal.contains(r#"<w:sz w:val="32""#), "三号: {normal}");
    assert!(
        normal.contains(r#"w:line="560""#) && normal.contains(r#"w:lineRule="exact""#),
        "fixed 28 pt: {normal}"
    );
    let h1 = style(&styles, "Heading1");
    assert!(h1.contains(r#"w:eastAsia="黑体""#), "{h1}");
    assert!(h1.contains(r#"<w:sz w:val="32""#), "{h1}");
    let h2 = style(&styles, "Heading2");
    assert!(h2.contains(r#"w:eastAsia="楷体_GB2312""#), "{h2}");
    // Body paragraphs indent their first line two characters.
    assert!(
        doc.contains(r#"w:firstLine="640""#),
        "a first-line indent of two 三号 characters"
    );
    let fonts = part(&bytes, "word/fontTable.xml");
    for (font, alt) in [
        ("仿宋_GB2312", "仿宋"),
        ("方正小标宋简体", "宋体"),
        ("楷体_GB2312", "楷体"),
        ("黑体", "SimHei"),
    ] {
        assert!(
            fonts.contains(&format!(
                r#"<w:font w:name="{font}"><w:altName w:val="{alt}"/>"#
            )),
            "{font} falls back to {alt}: {fonts}"
        );
    }
    let footer = footers(&bytes);
    assert!(
        footer.contains("<w:instrText>PAGE</w:instrText>"),
        "{footer}"
    );
    assert!(footer.contains("— "), "— 1 —: {footer}");
    assert!(footer.contains(r#"w:val="center""#), "centred: {footer}");
}

#[test]
fn english_word_minutes_use_times_new_roman_and_arial() {
    let (s, end) = meeting();
    let bytes = document(&s, end, Lang::En, false, DocKind::Minutes).expect("rendered");
    let styles = part(&bytes, "word/styles.xml");
    assert!(style(&styles, "BodyText").contains(r#"w:eastAsia="Times New Roman""#));
    assert!(style(&styles, "Heading1").contains(r#"w:ascii="Arial""#));
    let parts = read(&bytes);
    assert!(all_text(&parts).contains("1. Overview"));
}

#[test]
fn public_minutes_and_the_notice_name_no_silent_reviewer() {
    let (s, end) = meeting();
    let internal = all_text(&read(
        &document(&s, end, Lang::Zh, false, DocKind::Minutes).unwrap(),
    ));
    for name in SILENT {
        assert!(internal.contains(name), "the internal minutes name {name}");
    }
    let public = document(&s, end, Lang::Zh, true, DocKind::Minutes).unwrap();
    let public_text = all_text(&read(&public));
    assert!(
        !public_text.contains("附件：评分明细"),
        "no score sheets in public"
    );
    assert!(public_text.contains("梁晗鹍"), "remarks keep their speaker");
    // The notice is public with or without --public.
    for flag in [false, true] {
        let notice = document(&s, end, Lang::Zh, flag, DocKind::Notice).unwrap();
        let raw = part(&notice, "word/document.xml");
        let text = all_text(&read(&notice));
        for name in SILENT.iter().chain(["梁晗鹍"].iter()) {
            assert!(!text.contains(name), "the notice names {name}: {text}");
            assert!(!raw.contains(name), "the notice's XML names {name}");
        }
    }
    let raw = part(&public, "word/document.xml");
    for name in SILENT {
        assert!(!public_text.contains(name), "public minutes name {name}");
        assert!(!raw.contains(name), "public minutes' XML names {name}");
    }
}

#[test]
fn the_notice_ranks_each_category_with_band_and_change() {
    let (s, end) = meeting();
    let bytes = document(&s, end, Lang::Zh, false, DocKind::Notice).unwrap();
    let parts = read(&bytes);
    match &parts[0] {
        Part::Paragraph(Some(st), t) => {
            assert_eq!(st, "Title");
            assert_eq!(t, "关于《第二季度“比晒拼创”交流汇报会》测评结果的通报");
        }
        other => panic!("the title first: {other:?}"),
    }
    let text = all_text(&parts);
    assert!(text.contains("5个单位"), "how many units: {text}");
    assert!(text.contains("2026年5月30日"), "the date: {text}");
    assert!(text.contains("特此通报。"), "{text}");
    let tables: Vec<&Vec<Vec<String>>> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Table(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 2, "one table per category");
    let header = ["名次", "单位", "得分", "等次", "较上期"];
    for t in &tables {
        assert_eq!(t[0], header);
    }
    // 园区: 经开区 93.50 (was 2nd in 园区: ↑1), 高新区 86.50 (was 1st: ↓1).
    assert_eq!(tables[0][1], ["1", "经开区", "93.50", "好", "↑1"]);
    assert_eq!(tables[0][2], ["2", "高新区", "86.50", "较好", "↓1"]);
    // 街道: 城西街道 90.50 (↑1), 城东街道 83.50 (↓1), 城南街道 73.00 (新).
    assert_eq!(tables[1][1], ["1", "城西街道", "90.50", "好", "↑1"]);
    assert_eq!(tables[1][3], ["3", "城南街道", "73.00", "一般", "新"]);
    let headings: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Paragraph(Some(s), t) if s == "Heading2" => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["（一）园区", "（二）街道"]);
}

// ---------------------------------------------------------------------------------------------
// The task list

#[test]
fn the_task_list_is_landscape_with_a_table_per_list() {
    let (mut s, end) = meeting();
    for (list, text, owner) in [
        ("重点任务清单", "推进税源培育", "经开区"),
        ("重点任务清单", "清理拖欠账款", "高新区"),
    ] {
        run(
            &mut s,
            Command::AddTask {
                task: Box::new(TaskFields {
                    text: text.into(),
                    list: Some(list.into()),
                    owner: Some(owner.into()),
                    partners: vec!["区财政局".into(), "区税务局".into()],
                    due: chrono::NaiveDate::from_ymd_opt(2026, 7, 31),
                    ..TaskFields::default()
                }),
                unit: None,
                status: None,
                from_remark: None,
            },
            end,
        );
    }
    let bytes = document(&s, end, Lang::Zh, true, DocKind::Tasks).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(
        doc.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape""#),
        "landscape A4: {}",
        &doc[doc.find("<w:pgSz").unwrap_or(0)..][..80.min(doc.len())]
    );
    assert!(doc.contains("<w:tblHeader />"), "the header row repeats");
    let parts = read(&bytes);
    match &parts[0] {
        Part::Paragraph(Some(st), t) => {
            assert_eq!(st, "Title");
            assert_eq!(t, "《第二季度“比晒拼创”交流汇报会》督办清单");
        }
        other => panic!("{other:?}"),
    }
    let headings: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Paragraph(Some(s), t) if s == "Heading1" => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["重点任务清单", "其他事项"]);
    let tables: Vec<&Vec<Vec<String>>> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Table(r) => Some(r),
            _ => None,
        })
        .collect();
    let header = [
        "序号",
        "事项",
        "责任单位",
        "配合单位",
        "责任领导",
        "完成时限",
        "状态",
        "进展",
    ];
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0][0], header);
    assert_eq!(tables[0].len(), 3, "two tasks in 重点任务清单");
    assert_eq!(tables[0][1][1], "推进税源培育");
    assert_eq!(tables[0][1][2], "经开区");
    assert_eq!(tables[0][1][3], "区财政局、区税务局");
    assert_eq!(tables[0][1][5], "2026年7月31日");
    // The task of no list: the minutes' task, with its leader (a reviewer who spoke).
    assert_eq!(tables[1][1][1], "6月底前完成老旧小区改造方案");
    assert_eq!(tables[1][1][4], "梁晗鹍");
    assert_eq!(tables[1][1][5], "2026年6月30日");
}

// ---------------------------------------------------------------------------------------------
// The binary

#[test]
fn podium_report_writes_the_notice_and_refuses_without_an_output() {
    let dir = tempfile::tempdir().unwrap();
    let (s, end) = meeting();
    let path = dir.path().join("round2.session.json");
    {
        let mut writer = podium::store::Writer::create(&path, s.plan().clone(), t0()).unwrap();
        writer.execute(&Command::ToggleTalk, t0()).unwrap();
        writer.close(end).unwrap();
    }
    let out = common::cli::podium(
        dir.path(),
        &[
            "--lang",
            "zh",
            "report",
            "round2.session.json",
            "--format",
            "docx",
            "--doc",
            "notice",
            "-o",
            "通报.docx",
        ],
    );
    assert!(out.status.success(), "{}", common::cli::text(&out.stderr));
    let bytes = std::fs::read(dir.path().join("通报.docx")).expect("the notice is written");
    let parts = read(&bytes);
    assert!(all_text(&parts).contains("测评结果的通报"));
    let refused = common::cli::podium(
        dir.path(),
        &[
            "--lang",
            "zh",
            "report",
            "round2.session.json",
            "--format",
            "docx",
        ],
    );
    assert!(!refused.status.success(), "refused without -o");
    let said = common::cli::text(&refused.stderr);
    assert!(
        said.contains("-o 文件名.docx"),
        "a sentence naming -o: {said}"
    );
    assert!(!said.contains("panicked"), "{said}");
}
