//! What the office prints, printed (issue [E2], "Must show": the render check): each document
//! podium writes for paper is opened in LibreOffice headless (`soffice --convert-to pdf`, with
//! Debian's fonts-noto-cjk for the Chinese) and its PDF's pages counted (`pdfinfo`), each
//! page's text read (`pdftotext`) to tell which sheet or table it holds.
//!
//! Behind `PODIUM_EXTERNAL=1` (`.ci/run` installs LibreOffice and poppler-utils, then sets it):
//! with it, a missing `soffice` fails every test here; without it, each says it is skipped and
//! passes (tests/common/external.rs). Each conversion runs with a LibreOffice profile of its
//! own, so the tests run in parallel, and is killed after 120 s (tests/common/office.rs).
//!
//! - the 排名 sheet of a 10-unit meeting (two categories, the round before's results, every
//!   change column) on ONE A4 page; LibreOffice prints every sheet of the workbook, so the
//!   sheet's pages are found by its title row (`strings::print::sheet_title`): from the page
//!   that holds its title to the page before the next sheet's title;
//! - the 会议纪要 of the Guangshui sample (data/guangshui-report.json: seven units reported,
//!   remarks by both reviewers, two tasks; no scoring) as `--format docx --doc minutes` on at
//!   most 3 A4 pages;
//! - the 督办清单 (`--doc tasks`) of 12 tasks in two lists on ONE landscape A4 page;
//! - the 通报 (`--doc notice`) of the 10-unit meeting on 1 or 2 A4 pages;
//! - the printed score sheets (`podium sheets`) of a 10-unit plan: each reviewer's sheet on
//!   one A4 page (the xlsx: one page per reviewer's sheet).
//!
//! With `PODIUM_RENDER_DIR=/some/folder` each PDF and its pages as PNGs (`pdftoppm -r 60`)
//! are kept there to look at.

mod common {
    pub mod cli;
    pub mod external;
    pub mod office;
}

use calamine::Reader;
use chrono::{DateTime, Duration};
use common::office::{self, Page};
use podium::plan::Plan;
use podium::planfile;
use podium::report::export::{render_doc, render_for};
use podium::report::{DocKind, ReportFormat};
use podium::scoring::ONE;
use podium::session::{
    Command, PreviousMeeting, PreviousResult, PreviousResults, RemarkKind, ScoreEntry, Session,
    TaskFields, Time,
};
use podium::strings::Lang;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Printing

/// A document printed: its PDF's pages, the text of each.
struct Printed {
    pdf: PathBuf,
    pages: Vec<Page>,
    texts: Vec<String>,
}

/// `bytes` written as `name` in `dir`, converted to PDF, read back; kept with its PNGs under
/// `PODIUM_RENDER_DIR` when that is set.
fn print(dir: &Path, name: &str, bytes: &[u8]) -> Printed {
    let input = dir.join(name);
    std::fs::write(&input, bytes).expect("the document is written");
    print_file(dir, &input)
}

fn print_file(dir: &Path, input: &Path) -> Printed {
    let pdf = office::to_pdf(input, dir);
    let pages = office::pages(&pdf);
    let texts = office::texts(&pdf);
    assert_eq!(pages.len(), texts.len());
    if let Some(keep) = office::keep_dir() {
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        std::fs::create_dir_all(&keep).expect("PODIUM_RENDER_DIR is made");
        std::fs::copy(&pdf, keep.join(format!("{stem}.pdf"))).expect("the PDF is kept");
        office::pngs(&pdf, &keep, &stem);
    }
    Printed { pdf, pages, texts }
}

/// Text without any white space (pdftotext lays a line out with runs of spaces, and breaks a
/// long one), to look for a phrase in.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn describe(p: &Printed) -> String {
    let mut s = format!("{}: {} pages\n", p.pdf.display(), p.pages.len());
    for (i, (page, text)) in p.pages.iter().zip(&p.texts).enumerate() {
        let head: String = squeezed(text).chars().take(60).collect();
        s.push_str(&format!(
            "  page {}: {:.0}×{:.0} pt: {head}\n",
            i + 1,
            page.width,
            page.height
        ));
    }
    s
}

/// The pages (from 0) each sheet of a printed workbook takes, in the workbook's order: a sheet
/// starts at the page holding its title and runs to the page before the next sheet's start.
fn sheet_pages(p: &Printed, titles: &[(String, String)]) -> Vec<(String, Vec<usize>)> {
    let texts: Vec<String> = p.texts.iter().map(|t| squeezed(t)).collect();
    let mut starts = Vec::new();
    let mut from = 0;
    for (name, title) in titles {
        let title = squeezed(title);
        let at = (from..texts.len())
            .find(|&i| texts[i].contains(&title))
            .unwrap_or_else(|| {
                panic!(
                    "no page from {} on holds the title of sheet {name} ({title}):\n{}",
                    from + 1,
                    describe(p)
                )
            });
        starts.push((name.clone(), at));
        from = at + 1;
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|(_, at)| *at)
        .chain([texts.len()])
        .collect();
    starts
        .into_iter()
        .zip(ends)
        .map(|((name, start), end)| (name, (start..end).collect()))
        .collect()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

// ---------------------------------------------------------------------------------------------
// A 10-unit scored meeting, the second of a series

const MEETING: &str = "二季度“比晒拼创”工作汇报会";

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

/// Ten units in two categories (six 县区, four 部门), six reviewers in two groups, two
/// criteria, trimming, bands: every column the ranking can have.
const TEN: &str = r#"{
  "version": 4,
  "title": "二季度“比晒拼创”工作汇报会",
  "date": "2026-05-30",
  "venue": "市行政中心第一会议室",
  "host": "市委副书记",
  "talk_minutes": 8,
  "units": [
    {"name": "城东区", "presenter": "区委书记", "category": "县区", "topic": "招商引资攻坚"},
    {"name": "城西区", "presenter": "区委书记", "category": "县区", "topic": "城市更新"},
    {"name": "城中区", "presenter": "区委书记", "category": "县区", "topic": "老旧小区改造"},
    {"name": "城北区", "presenter": "区委书记", "category": "县区", "topic": "产业园区建设"},
    {"name": "湟中区", "presenter": "区委书记", "category": "县区", "topic": "乡村振兴"},
    {"name": "大通回族土族自治县", "presenter": "县委书记", "category": "县区", "topic": "生态保护"},
    {"name": "市财政局", "presenter": "局长", "category": "部门", "topic": "培育税源"},
    {"name": "市交通运输局", "presenter": "局长", "category": "部门", "topic": "四好农村路"},
    {"name": "市发展和改革委员会", "presenter": "主任", "category": "部门", "topic": "重大项目"},
    {"name": "市应急管理局", "presenter": "局长", "category": "部门", "topic": "隐患排查"}
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

fn plan_of(name: &str, text: &str) -> Plan {
    planfile::parse(name, text, Lang::Zh)
        .unwrap_or_else(|e| panic!("{name} loads: {e:?}"))
        .plan
}

fn run(s: &mut Session, command: Command, at: Time) {
    let events = s
        .decide(&command, at)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    s.commit(events);
}

/// The round before: eight of the ten units ranked (two new this round).
fn link_previous(plan: &Plan) -> Command {
    let units = plan
        .units
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, u)| PreviousResult {
            unit: u.name.clone(),
            category: u.category.clone(),
            final_score: Some(95.0 - 1.5 * i as f64),
            rank: Some(8 - i),
            category_rank: Some(if i < 6 { 6 - i } else { 8 - i }),
            band: None,
        })
        .collect();
    Command::LinkPrevious {
        previous: Box::new(PreviousMeeting {
            title: "一季度“比晒拼创”工作汇报会".into(),
            date: Some("2026-03-30".into()),
            path: "一季度.session.json".into(),
            sha256: "0".repeat(64),
        }),
        tasks: Vec::new(),
        results: Some(Box::new(PreviousResults {
            published: true,
            decimals: 2,
            units,
        })),
    }
}

/// The ten units talk 7 minutes each, one remark each, every sheet scored, results published.
fn ten_units() -> Session {
    let plan = plan_of("ten.json", TEN);
    let units: Vec<String> = plan.units.iter().map(|u| u.name.clone()).collect();
    let reviewers: Vec<String> = plan.reviewers.iter().map(|r| r.name.clone()).collect();
    let previous = link_previous(&plan);
    let mut s = Session::new(plan);
    let mut now = t0();
    run(&mut s, previous, now);
    for _ in &units {
        run(&mut s, Command::ToggleTalk, now);
        now += Duration::minutes(7);
        run(&mut s, Command::Next, now);
        now += Duration::seconds(30);
    }
    for unit in &units {
        run(
            &mut s,
            Command::AddRemark {
                unit: Some(unit.clone()),
                reviewer: reviewers[0].clone(),
                text: format!("{unit}的汇报重点突出，下一步要压实责任、补齐短板，按期对账销号。"),
                kind: RemarkKind::Remark,
            },
            now,
        );
    }
    let mut entries = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        for (r, reviewer) in reviewers.iter().enumerate() {
            let first = 44 + ((u * 7 + r * 3) % 15) as i64;
            let second = 28 + ((u * 5 + r * 2) % 11) as i64;
            for (criterion, value) in [("工作成效", first), ("创新亮点", second)] {
                entries.push(ScoreEntry {
                    unit: unit.clone(),
                    reviewer: reviewer.clone(),
                    criterion: criterion.into(),
                    value: value * ONE,
                });
            }
        }
    }
    run(&mut s, Command::SetScores { entries }, now);
    run(&mut s, Command::EndMeeting, now);
    run(&mut s, Command::Publish, now);
    s
}

fn later() -> Time {
    t0() + Duration::hours(3)
}

/// The 排名 sheet's name, as the workbook names it.
const RANKING: &str = "排名";

#[test]
fn the_ranking_of_ten_units_prints_on_one_a4_page() {
    if !common::external::needs("soffice") {
        return;
    }
    let s = ten_units();
    let bytes = render_for(&s, ReportFormat::Xlsx, later(), Lang::Zh, false).expect("rendered");
    let book = calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("an xlsx");
    let names = book.sheet_names();
    assert!(
        names.iter().any(|n| n == RANKING),
        "the workbook has a {RANKING} sheet: {names:?}"
    );
    let day = "2026年5月30日";
    let titles: Vec<(String, String)> = names
        .iter()
        // 评分 has no title row (`podium scores` reads it back): its page header holds the
        // same title.
        .map(|n| {
            let title = podium::strings::print::sheet_title(Lang::Zh, MEETING, n, day);
            (n.clone(), title)
        })
        .collect();
    let dir = tempdir();
    let printed = print(dir.path(), "ranking-10.xlsx", &bytes);
    let sheets = sheet_pages(&printed, &titles);
    let (_, pages) = sheets
        .iter()
        .find(|(n, _)| n == RANKING)
        .expect("the ranking is printed");
    assert_eq!(
        pages.len(),
        1,
        "the {RANKING} sheet of ten units prints on one page:\n{}",
        describe(&printed)
    );
    let page = printed.pages[pages[0]];
    assert!(page.a4(), "on A4: {page:?}");
    let text = squeezed(&printed.texts[pages[0]]);
    for unit in &s.plan().units {
        assert!(
            text.contains(&squeezed(&unit.name)),
            "{} is on the ranking's page:\n{text}",
            unit.name
        );
    }
}

#[test]
fn the_notice_of_ten_units_prints_on_one_or_two_a4_pages() {
    if !common::external::needs("soffice") {
        return;
    }
    let s = ten_units();
    let bytes = render_doc(
        &s,
        ReportFormat::Docx,
        later(),
        Lang::Zh,
        true,
        DocKind::Notice,
    )
    .expect("the notice is rendered");
    let dir = tempdir();
    let printed = print(dir.path(), "notice-10.docx", &bytes);
    assert!(
        (1..=2).contains(&printed.pages.len()),
        "the 通报 of ten units prints on one or two pages:\n{}",
        describe(&printed)
    );
    assert!(
        printed.pages.iter().all(|p| p.a4()),
        "on A4:\n{}",
        describe(&printed)
    );
    let text = squeezed(&printed.texts.concat());
    for unit in &s.plan().units {
        assert!(
            text.contains(&squeezed(&unit.name)),
            "{} is in the printed notice:\n{text}",
            unit.name
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The Guangshui sample's minutes

/// The sample's plan, as the repository ships it.
const GUANGSHUI: &str = include_str!("../data/guangshui-report.json");

/// What each reviewer said about a unit: (unit, reviewer, remark), as a recorder types it
/// during the meeting (a sentence or two each).
const UNIT_REMARKS: [(&str, &str, &str); 7] = [
    (
        "市财政局",
        "常务副市长",
        "要把稳财政收支“定盘星”，全面落实稳经济一揽子措施，不断培育和壮大税源，坚持过紧日子。",
    ),
    (
        "城郊街道办事处",
        "党代表",
        "城郊融合发展思路清晰，建议在基层治理中更多引入法律服务，依法化解矛盾纠纷。",
    ),
    (
        "市发改局",
        "常务副市长",
        "要坚持项目为王，把项目建设摆在中心位置，推动项目早竣工、早建成、早达效。",
    ),
    (
        "市交通运输局",
        "常务副市长",
        "要全力助推“四好农村路”创建和全域交通旅游发展，加快交通体制机制改革。",
    ),
    (
        "市应急管理局",
        "常务副市长",
        "要筑牢安全生产“防火墙”，按照“三管三必须”原则开展隐患大排查大整治，将隐患消灭在萌芽状态。",
    ),
    (
        "市税务局",
        "党代表",
        "优化办税服务成效明显，建议继续压减办税时间，当好“有呼必应、无事不扰”的“店小二”。",
    ),
    (
        "市人社局",
        "常务副市长",
        "要织密民生事业“保障网”，稳就业、强技能，让人民群众有更多获得感。",
    ),
];

/// The two reviewers' comments at the end (the 现场点评 item).
const COMMENTS: [(&str, &str); 2] = [
    (
        "常务副市长",
        "大家的发言很客观、很具体、也很实在，我从中感受到了大家饱满的工作热情和昂扬的拼搏斗志。\
         首季已获“开门红”，半年必须再争先。各地各部门要在“比学赶超”中学先进、提能力、补短板、\
         强弱项、争一流、创品牌，打好项目建设“翻身仗”；要把稳财政收支“定盘星”，协调解决企业在\
         行政审批、要素保障等方面的困难和问题；要织密民生事业“保障网”，积极助推十件民生实事的\
         办理；要筑牢安全生产“防火墙”；要打造营商环境“新高地”，优化项目审批流程和办税服务。",
    ),
    (
        "党代表",
        "各单位汇报思路清晰、目标明确。建议把今天认领的任务逐项建立台账，定期晾晒进度，\
         接受“两代表一委员”监督。",
    ),
];

/// The sample run as it was: each of the seven units reports for 8 minutes or so, the
/// comments take 15; the remarks above; two tasks handed down at the end.
fn guangshui() -> Session {
    let plan = plan_of("guangshui-report.json", GUANGSHUI);
    let items: Vec<String> = plan.units.iter().map(|u| u.name.clone()).collect();
    let mut s = Session::new(plan);
    let mut now = t0();
    for (i, item) in items.iter().enumerate() {
        run(&mut s, Command::ToggleTalk, now);
        let minutes = if i == items.len() - 1 {
            15
        } else {
            7 + (i as i64 % 3)
        };
        let said: Vec<(&str, &str)> = if i == items.len() - 1 {
            COMMENTS.to_vec()
        } else {
            UNIT_REMARKS
                .iter()
                .filter(|(unit, _, _)| unit == item)
                .map(|(_, who, text)| (*who, *text))
                .collect()
        };
        now += Duration::minutes(minutes);
        for (who, text) in said {
            run(
                &mut s,
                Command::AddRemark {
                    unit: Some(item.clone()),
                    reviewer: who.into(),
                    text: text.into(),
                    kind: RemarkKind::Remark,
                },
                now,
            );
        }
        run(&mut s, Command::Next, now);
        now += Duration::seconds(40);
    }
    for (owner, text) in [
        (
            "市发改局",
            "梳理全市重大项目清单，逐个明确责任领导和推进时限",
        ),
        ("市应急管理局", "开展安全生产隐患大排查大整治专项行动"),
    ] {
        run(
            &mut s,
            Command::AddTask {
                task: Box::new(TaskFields {
                    text: text.into(),
                    owner: Some(owner.into()),
                    assigned_by: Some("常务副市长".into()),
                    ..TaskFields::default()
                }),
                unit: Some("现场点评".into()),
                status: None,
                from_remark: None,
            },
            now,
        );
    }
    run(&mut s, Command::EndMeeting, now);
    s
}

#[test]
fn the_minutes_of_the_guangshui_sample_print_on_at_most_three_a4_pages() {
    if !common::external::needs("soffice") {
        return;
    }
    let s = guangshui();
    let bytes = render_doc(
        &s,
        ReportFormat::Docx,
        later(),
        Lang::Zh,
        false,
        DocKind::Minutes,
    )
    .expect("the minutes are rendered");
    let dir = tempdir();
    let printed = print(dir.path(), "minutes-guangshui.docx", &bytes);
    // The 纪要 itself on at most 3 pages; its appendix (附件：计时) starts a page of its own
    // (GB/T 9704: 附件另面编排) and takes one.
    let appendix = printed
        .texts
        .iter()
        .position(|t| squeezed(t).contains("附件：计时"))
        .expect("the timing appendix is printed");
    assert!(
        (1..=3).contains(&appendix),
        "the minutes of the Guangshui sample print on at most 3 pages before the appendix:\n{}",
        describe(&printed)
    );
    assert!(
        squeezed(&printed.texts[appendix]).starts_with("附件：计时"),
        "the appendix starts its page:\n{}",
        describe(&printed)
    );
    assert_eq!(
        printed.pages.len(),
        appendix + 1,
        "the appendix on one page:\n{}",
        describe(&printed)
    );
    assert!(
        printed.pages.iter().all(|p| p.a4() && !p.landscape()),
        "on portrait A4:\n{}",
        describe(&printed)
    );
    // What was said is printed, every unit named.
    let text = squeezed(&printed.texts.concat());
    for (unit, _, remark) in UNIT_REMARKS {
        assert!(text.contains(unit), "{unit} is in the printed minutes");
        let start: String = remark.chars().take(12).collect();
        assert!(
            text.contains(&start),
            "the remark on {unit} is in the printed minutes: {start}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The 督办清单 of 12 tasks

/// A meeting whose plan carries 12 tasks in two lists, every column filled as an office
/// fills it (a text of 20 to 40 characters, partners, the leader, a deadline, a status).
const TASKS: &str = r#"{
  "version": 4,
  "title": "二季度重点工作推进会",
  "date": "2026-05-30",
  "units": [
    {"name": "市财政局", "presenter": "党组书记"},
    {"name": "市交通运输局", "presenter": "党组书记"}
  ],
  "reviewers": [{"name": "常务副市长"}],
  "scoring": {"mode": "none"},
  "tasks": [
    {"no": "1", "list": "重点任务清单", "text": "推进税源培育，建立重点税源企业联系制度，全年新增规上企业不少于20家", "owner": "市财政局", "partners": ["市税务局", "市发改局"], "leader": "李副市长", "due": "2026-06-30", "status": "推进中"},
    {"no": "2", "list": "重点任务清单", "text": "清理拖欠中小企业账款，建立台账、对账销号", "owner": "市财政局", "partners": ["市工信局"], "leader": "李副市长", "due": "2026-06-15", "status": "推进中"},
    {"no": "3", "list": "重点任务清单", "text": "完成“四好农村路”年度建设任务120公里", "owner": "市交通运输局", "partners": ["各镇办开发区"], "leader": "王副市长", "due": "2026-11-30", "status": "推进中"},
    {"no": "4", "list": "重点任务清单", "text": "谋划储备重大项目50个，争取专项债券资金", "owner": "市发改局", "partners": ["市财政局", "市自然资源和规划局"], "leader": "常务副市长", "due": "2026-07-31", "status": "未开始"},
    {"no": "5", "list": "重点任务清单", "text": "开展安全生产隐患大排查大整治专项行动，建立隐患清单", "owner": "市应急管理局", "partners": ["市住建局", "市市场监管局"], "leader": "张副市长", "due": "2026-06-30", "status": "推进中"},
    {"no": "6", "list": "重点任务清单", "text": "优化办税服务，压减办税时间30%", "owner": "市税务局", "leader": "李副市长", "due": "2026-09-30", "status": "推进中"},
    {"no": "7", "list": "重点任务清单", "text": "新建标准化厂房10万平方米，引进亿元以上项目8个", "owner": "经济开发区", "partners": ["市招商服务中心"], "leader": "常务副市长", "due": "2026-12-31", "status": "未开始"},
    {"no": "8", "list": "重点任务清单", "text": "完成审计发现问题整改", "owner": "市审计局", "leader": "李副市长", "due": "2026-04-30", "status": "已完成"},
    {"no": "1", "list": "十件民生实事", "text": "改造老旧小区32个，惠及居民5600户", "owner": "市住建局", "partners": ["城郊街道办事处"], "leader": "王副市长", "due": "2026-10-31", "status": "推进中"},
    {"no": "2", "list": "十件民生实事", "text": "新增城镇就业3000人，开展职业技能培训5000人次", "owner": "市人社局", "leader": "张副市长", "due": "2026-12-31", "status": "推进中"},
    {"no": "3", "list": "十件民生实事", "text": "新建农村饮水安全巩固提升工程6处", "owner": "市水利和湖泊局", "partners": ["市卫健局"], "leader": "王副市长", "due": "2026-09-30", "status": "未开始"},
    {"no": "4", "list": "十件民生实事", "text": "城区新增公共停车泊位800个", "owner": "市城管执法局", "partners": ["市公安局交警大队"], "leader": "张副市长", "due": "2026-08-31", "due_text": "8月底前", "status": "推进中"}
  ]
}"#;

fn twelve_tasks() -> Session {
    let plan = plan_of("tasks.json", TASKS);
    let mut s = Session::new(plan);
    let mut now = t0();
    for _ in 0..2 {
        run(&mut s, Command::ToggleTalk, now);
        now += Duration::minutes(8);
        run(&mut s, Command::Next, now);
    }
    // Progress on three tasks, as the office types it.
    let ids: Vec<u64> = s.state().tasks.iter().map(|t| t.id).take(3).collect();
    assert_eq!(ids.len(), 3, "the plan's tasks are in the ledger");
    for (id, text) in ids.into_iter().zip([
        "已梳理重点税源企业86家，建立联系台账",
        "已清偿拖欠账款1.2亿元",
        "已完成路基工程45公里",
    ]) {
        run(
            &mut s,
            Command::AddTaskProgress {
                id,
                text: text.into(),
            },
            now,
        );
    }
    run(&mut s, Command::EndMeeting, now);
    s
}

#[test]
fn the_list_of_twelve_tasks_prints_on_one_landscape_a4_page() {
    if !common::external::needs("soffice") {
        return;
    }
    let s = twelve_tasks();
    let bytes = render_doc(
        &s,
        ReportFormat::Docx,
        later(),
        Lang::Zh,
        false,
        DocKind::Tasks,
    )
    .expect("the list of tasks is rendered");
    let dir = tempdir();
    let printed = print(dir.path(), "tasks-12.docx", &bytes);
    assert_eq!(
        printed.pages.len(),
        1,
        "the 督办清单 of 12 tasks prints on one page:\n{}",
        describe(&printed)
    );
    let page = printed.pages[0];
    assert!(page.a4() && page.landscape(), "on landscape A4: {page:?}");
    let text = squeezed(&printed.texts[0]);
    for owner in ["市财政局", "市交通运输局", "市水利和湖泊局", "市城管执法局"]
    {
        assert!(text.contains(owner), "{owner} is on the page:\n{text}");
    }
    for list in ["重点任务清单", "十件民生实事"] {
        assert!(
            text.contains(list),
            "the list {list} is on the page:\n{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The printed score sheets

/// `podium sheets ten.json -o FILE` in `dir` (in Chinese); the file written.
fn sheets(dir: &Path, file: &str) -> PathBuf {
    std::fs::write(dir.join("ten.json"), TEN).expect("the plan is written");
    let out = common::cli::podium(dir, &["--lang", "zh", "sheets", "ten.json", "-o", file]);
    assert!(
        out.status.success(),
        "podium sheets -o {file} fails: {}{}",
        common::cli::text(&out.stdout),
        common::cli::text(&out.stderr)
    );
    dir.join(file)
}

/// Each reviewer's printed sheet is one page, in the plan's order: as many pages as reviewers,
/// page N naming reviewer N and every unit.
fn one_page_per_reviewer(printed: &Printed) {
    let plan = plan_of("ten.json", TEN);
    assert_eq!(
        printed.pages.len(),
        plan.reviewers.len(),
        "one page per reviewer's sheet ({} reviewers, 10 units):\n{}",
        plan.reviewers.len(),
        describe(printed)
    );
    for (i, (reviewer, text)) in plan.reviewers.iter().zip(&printed.texts).enumerate() {
        let text = squeezed(text);
        assert!(
            text.contains(&reviewer.name),
            "page {} is {}'s sheet:\n{text}",
            i + 1,
            reviewer.name
        );
        for unit in &plan.units {
            assert!(
                text.contains(&squeezed(&unit.name)),
                "{} is on {}'s sheet",
                unit.name,
                reviewer.name
            );
        }
    }
    assert!(
        printed.pages.iter().all(|p| p.a4()),
        "on A4:\n{}",
        describe(printed)
    );
}

#[test]
fn each_reviewers_score_sheet_for_ten_units_prints_on_one_page_xlsx() {
    if !common::external::needs("soffice") {
        return;
    }
    let dir = tempdir();
    let file = sheets(dir.path(), "sheets-xlsx.xlsx");
    let printed = print_file(dir.path(), &file);
    one_page_per_reviewer(&printed);
}

#[test]
fn each_reviewers_score_sheet_for_ten_units_prints_on_one_page_docx() {
    if !common::external::needs("soffice") {
        return;
    }
    let dir = tempdir();
    let file = sheets(dir.path(), "sheets-docx.docx");
    let printed = print_file(dir.path(), &file);
    one_page_per_reviewer(&printed);
}
