//! `podium tasks SESSION|PLAN FILE`: an office's task list (责任分解表) read into the task
//! ledger. The fixtures in tests/fixtures/tasks/ are made the way an office keeps them — a
//! title row merged across the sheet, 类别 merged down each list's rows with 序号 restarting
//! in every list, Excel date cells and deadlines written as words, partners in one cell — and
//! the workbook's twin as Excel saves "CSV (逗号分隔)" on Chinese Windows: GBK. `ROWS` below is
//! what they were made from; `cargo test --test tasks_import -- --ignored make_fixtures`
//! writes them again (then commit the files).

use chrono::NaiveDate;
use podium::session::Task;
use podium::store::Writer;
use podium::strings::Lang;
use podium::task::Status;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common {
    pub mod cli;
}

use common::cli::{podium, text};

const TITLE: &str = "2026年重点工作任务责任分解表";
const HEADER: [&str; 11] = [
    "序号",
    "类别",
    "重点任务",
    "牵头单位",
    "责任单位",
    "配合单位",
    "牵头\n市领导",
    "完成时限",
    "状态",
    "进展情况",
    "备注",
];
const NOTE: &str = "注：各牵头单位每月25日前报送进展情况。";
const MEETING: &str = "2026-03-20";

/// A deadline as the sheet holds it: an Excel date cell, or words.
#[derive(Clone, Copy)]
enum Due {
    Date(i32, u32, u32),
    /// The words, and the date podium must read from them (none: open-ended or unreadable).
    Text(&'static str, Option<(i32, u32, u32)>),
}

/// One row: list, 序号, 事项, 牵头单位, 责任单位, 配合单位 (cells as written), the partners
/// they come to, 牵头市领导, 完成时限, 状态, 进展, 备注.
struct Row {
    list: &'static str,
    no: &'static str,
    text: &'static str,
    lead: &'static str,
    responsible: &'static str,
    partners_cell: &'static str,
    partners: &'static [&'static str],
    leader: &'static str,
    due: Due,
    status: &'static str,
    progress: &'static str,
    note: &'static str,
}

const fn row(
    (list, no, text): (&'static str, &'static str, &'static str),
    (lead, responsible, partners_cell, partners): (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ),
    (leader, due, status, progress, note): (
        &'static str,
        Due,
        &'static str,
        &'static str,
        &'static str,
    ),
) -> Row {
    Row {
        list,
        no,
        text,
        lead,
        responsible,
        partners_cell,
        partners,
        leader,
        due,
        status,
        progress,
        note,
    }
}

use Due::{Date, Text};

/// Invented units and role titles only.
const ROWS: [Row; 14] = [
    row(
        ("项目建设", "1", "推进城东综合交通枢纽一期工程建设"),
        (
            "市交通运输局",
            "城东区、市自然资源局",
            "市财政局，市生态环境局",
            &["城东区", "市自然资源局", "市财政局", "市生态环境局"],
        ),
        (
            "常务副市长",
            Date(2026, 6, 30),
            "推进中",
            "完成主体结构招标",
            "",
        ),
    ),
    row(
        ("项目建设", "2", "完成老旧小区改造120个"),
        ("市住房城乡建设局", "", "各区政府", &["各区政府"]),
        (
            "分管副市长（城建）",
            Text("年底前", Some((2026, 12, 31))),
            "序时推进",
            "",
            "",
        ),
    ),
    row(
        ("项目建设", "3", "建成智慧停车平台"),
        (
            "市城市管理局",
            "",
            "市公安局交警支队;市大数据中心",
            &["市公安局交警支队", "市大数据中心"],
        ),
        (
            "分管副市长（城建）",
            Text("三季度末", Some((2026, 9, 30))),
            "未启动",
            "",
            "",
        ),
    ),
    row(
        ("项目建设", "4", "开工建设第二水厂"),
        ("市水务集团", "市水利局", "", &["市水利局"]),
        (
            "常务副市长",
            Text("2026年6月15日前", Some((2026, 6, 15))),
            "滞后",
            "用地手续尚在报批",
            "",
        ),
    ),
    row(
        ("项目建设", "5", "推进5G基站建设"),
        (
            "市工业和信息化局",
            "",
            "各通信运营企业",
            &["各通信运营企业"],
        ),
        (
            "分管副市长（工业）",
            Text("按省统一部署", None),
            "推进中",
            "",
            "省里尚未下达计划",
        ),
    ),
    row(
        ("营商环境", "1", "企业开办时间压缩至1个工作日"),
        (
            "市市场监管局",
            "",
            "市政务服务中心、市税务局",
            &["市政务服务中心", "市税务局"],
        ),
        (
            "分管副市长（经济）",
            Text("6月底前", Some((2026, 6, 30))),
            "已完成",
            "已全面实施",
            "",
        ),
    ),
    row(
        ("营商环境", "2", "推行“一件事一次办”改革"),
        ("市政务服务中心", "", "各相关部门", &["各相关部门"]),
        ("常务副市长", Text("长期坚持", None), "推进中", "", ""),
    ),
    row(
        ("营商环境", "3", "开展涉企收费专项清理"),
        (
            "市发展改革委",
            "市财政局",
            "市市场监管局",
            &["市财政局", "市市场监管局"],
        ),
        ("分管副市长（经济）", Date(2026, 9, 30), "未开始", "", ""),
    ),
    row(
        ("营商环境", "4", "建立企业诉求闭环办理机制"),
        (
            "市工商联",
            "",
            "市信访局；市12345热线中心",
            &["市信访局", "市12345热线中心"],
        ),
        (
            "分管副市长（经济）",
            Text("10月底前", Some((2026, 10, 31))),
            "推进中",
            "",
            "",
        ),
    ),
    row(
        ("民生实事", "1", "新增公办幼儿园学位3000个"),
        (
            "市教育局",
            "",
            "市财政局、各区政府",
            &["市财政局", "各区政府"],
        ),
        (
            "分管副市长（社会事业）",
            Text("8月底前", Some((2026, 8, 31))),
            "推进中",
            "6所新建园已开工",
            "",
        ),
    ),
    row(
        ("民生实事", "2", "建设社区嵌入式养老服务中心20个"),
        ("市民政局", "", "市卫生健康委", &["市卫生健康委"]),
        (
            "分管副市长（社会事业）",
            Date(2026, 12, 31),
            "未启动",
            "",
            "",
        ),
    ),
    row(
        ("民生实事", "3", "实施城乡供水一体化工程"),
        (
            "市水利局",
            "市水务集团",
            "市财政局",
            &["市水务集团", "市财政局"],
        ),
        (
            "常务副市长",
            Text("二季度末", Some((2026, 6, 30))),
            "进行中",
            "",
            "",
        ),
    ),
    row(
        ("民生实事", "4", "开展食品安全放心工程"),
        ("市市场监管局", "", "市农业农村局", &["市农业农村局"]),
        (
            "分管副市长（社会事业）",
            Text("长期坚持", None),
            "序时推进",
            "",
            "",
        ),
    ),
    row(
        ("民生实事", "5", "完成城区积水点改造15处"),
        ("市住房城乡建设局", "市城市管理局", "", &["市城市管理局"]),
        (
            "分管副市长（城建）",
            Text("5月底前", Some((2026, 5, 31))),
            "推进中",
            "已完成8处",
            "",
        ),
    ),
];

/// A change of the second version: list, 序号, and the status, progress and deadline that
/// replace the first version's (none: the same).
type Change = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<Due>,
);

/// The second version of the list (a month later): what changed in which row (list, 序号).
/// Status, progress and a deadline.
const V2: [Change; 3] = [
    (
        "项目建设",
        "1",
        Some("已完成"),
        Some("主体工程已开工"),
        None,
    ),
    (
        "营商环境",
        "3",
        Some("推进中"),
        Some("已梳理收费项目46项"),
        None,
    ),
    (
        "民生实事",
        "1",
        None,
        None,
        Some(Text("9月底前", Some((2026, 9, 30)))),
    ),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tasks")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// The row as changed in the second version.
fn row_v2(r: &Row) -> (&'static str, &'static str, Due) {
    match V2.iter().find(|(l, n, ..)| *l == r.list && *n == r.no) {
        Some((_, _, status, progress, due)) => (
            status.unwrap_or(r.status),
            progress.unwrap_or(r.progress),
            due.unwrap_or(r.due),
        ),
        None => (r.status, r.progress, r.due),
    }
}

fn write_workbook(path: &Path, second: bool) {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("责任分解表").expect("a name");
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap();
    let dates = Format::new().set_num_format("yyyy-mm-dd");
    let last = HEADER.len() as u16 - 1;
    ws.merge_range(0, 0, 0, last, TITLE, &title)
        .expect("the title");
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &wrap)
            .expect("a header");
    }
    let mut first_of_list = 2u32;
    for (i, r) in ROWS.iter().enumerate() {
        let at = i as u32 + 2;
        let (status, progress, due) = if second {
            row_v2(r)
        } else {
            (r.status, r.progress, r.due)
        };
        ws.write_number(at, 0, r.no.parse::<f64>().expect("a number"))
            .expect("序号");
        let cells = [
            (2, r.text),
            (3, r.lead),
            (4, r.responsible),
            (5, r.partners_cell),
            (6, r.leader),
            (8, status),
            (9, progress),
            (10, r.note),
        ];
        for (c, text) in cells {
            if !text.is_empty() {
                ws.write_string(at, c, text).expect("a cell");
            }
        }
        match due {
            Date(y, m, d) => {
                let day = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).expect("a date");
                ws.write_datetime_with_format(at, 7, &day, &dates)
                    .expect("a date cell");
            }
            Text(t, _) => {
                ws.write_string(at, 7, t).expect("a deadline");
            }
        }
        // 类别 merged down the list's rows.
        let next = ROWS.get(i + 1).map(|n| n.list);
        if next != Some(r.list) {
            ws.merge_range(first_of_list, 1, at, 1, r.list, &Format::new())
                .expect("a list");
            first_of_list = at + 1;
        }
    }
    let below = ROWS.len() as u32 + 2;
    ws.merge_range(below, 0, below, last, NOTE, &Format::new())
        .expect("the note");
    book.save(path).expect("saved");
}

/// The workbook as Excel saves it as CSV on Chinese Windows: GBK, CRLF, a merged cell's text
/// in its first cell only, date cells as they show (yyyy-mm-dd).
fn gbk_csv() -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let mut title = vec![TITLE.to_string()];
    title.resize(HEADER.len(), String::new());
    w.write_record(&title).expect("a row");
    w.write_record(HEADER).expect("a row");
    let mut list = "";
    for r in &ROWS {
        let due = match r.due {
            Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Text(t, _) => t.to_string(),
        };
        let shown_list = if r.list == list { "" } else { r.list };
        list = r.list;
        w.write_record([
            r.no,
            shown_list,
            r.text,
            r.lead,
            r.responsible,
            r.partners_cell,
            r.leader,
            &due,
            r.status,
            r.progress,
            r.note,
        ])
        .expect("a row");
    }
    let mut note = vec![NOTE.to_string()];
    note.resize(HEADER.len(), String::new());
    w.write_record(&note).expect("a row");
    let text = String::from_utf8(w.into_inner().expect("written")).expect("UTF-8");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "every character has a GBK code");
    bytes.into_owned()
}

/// A list with a status podium does not know (row 4) and a row without its 事项 (row 5).
const BAD: &str = "2026年重点工作任务责任分解表\r\n\
序号,类别,重点任务,牵头单位,完成时限,状态\r\n\
1,项目建设,推进城东综合交通枢纽一期工程建设,市交通运输局,2026-06-30,推进中\r\n\
2,项目建设,完成老旧小区改造120个,市住房城乡建设局,年底前,差不多\r\n\
3,项目建设,,市城市管理局,三季度末,未启动\r\n";

/// Writes the fixtures again (not run by default: the committed files are what the tests
/// read).
#[test]
#[ignore]
fn make_fixtures() {
    std::fs::create_dir_all(fixtures()).expect("the folder");
    write_workbook(&fixture("tasks.xlsx"), false);
    write_workbook(&fixture("tasks-v2.xlsx"), true);
    std::fs::write(fixture("tasks-gbk.csv"), gbk_csv()).expect("written");
    std::fs::write(fixture("tasks-bad.csv"), BAD).expect("written");
}

/// `podium tasks TARGET FILE --lang LANG`.
fn tasks(dir: &Path, target: &Path, file: &Path, lang: &str) -> Output {
    podium(
        dir,
        &[
            "tasks".as_ref(),
            target.as_os_str(),
            file.as_os_str(),
            "--lang".as_ref(),
            lang.as_ref(),
        ],
    )
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "podium failed: {}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

const PLAN: &str = r#"{"title": "2026年重点工作推进会", "date": "2026-03-20",
  "units": [{"name": "市交通运输局"}, {"name": "市教育局"}]}"#;

fn plan_in(dir: &Path) -> PathBuf {
    let path = dir.join("推进会.json");
    std::fs::write(&path, PLAN).expect("the plan");
    path
}

/// A session of the plan, with no event yet.
fn session_in(dir: &Path) -> PathBuf {
    let plan = podium::planfile::parse("推进会.json", PLAN, Lang::Zh)
        .expect("the plan")
        .plan;
    let path = dir.join("推进会.session.json");
    let t = chrono::DateTime::parse_from_rfc3339("2026-03-20T09:00:00+08:00").expect("a time");
    Writer::create(&path, plan, t)
        .expect("created")
        .close(t)
        .expect("closed");
    path
}

fn ledger(session: &Path) -> Vec<Task> {
    podium::store::read(session)
        .expect("the session reads")
        .state()
        .tasks
        .clone()
}

fn record(dir: &Path, session: &Path) -> Value {
    let out = ok(podium(
        dir,
        &[
            "report".as_ref(),
            session.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
    ));
    serde_json::from_str(&out).expect("the report is JSON")
}

/// The record's tasks say exactly what `ROWS` (or its second version) says.
fn assert_ledger(rec: &Value, second: bool) {
    let tasks = rec["tasks"].as_array().expect("record.tasks");
    assert_eq!(tasks.len(), ROWS.len(), "{tasks:#?}");
    let meeting = NaiveDate::parse_from_str(MEETING, "%Y-%m-%d").expect("a date");
    for r in &ROWS {
        let t = tasks
            .iter()
            .find(|t| t["list"] == r.list && t["no"] == r.no)
            .unwrap_or_else(|| panic!("{} {} is in the ledger", r.list, r.no));
        let (status, progress, due) = if second {
            row_v2(r)
        } else {
            (r.status, r.progress, r.due)
        };
        let what = format!("{} {}", r.list, r.no);
        assert_eq!(t["text"], r.text, "{what}");
        assert_eq!(t["owner"], r.lead, "{what}: 牵头单位 is the owner");
        let partners: Vec<&str> = t["partners"]
            .as_array()
            .map(|p| p.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(partners, r.partners, "{what}");
        assert_eq!(t["leader"], r.leader, "{what}");
        let (due_date, due_text) = match due {
            Date(y, m, d) => (Some(date((y, m, d))), format!("{y:04}-{m:02}-{d:02}")),
            Text(words, day) => (day.map(date), words.to_string()),
        };
        let due_iso = due_date.map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(t["due"].as_str(), due_iso.as_deref(), "{what}");
        assert_eq!(t["due_text"], due_text.as_str(), "{what}");
        let (want, behind) = Status::read(status).expect("a status word");
        assert_eq!(t["status"], want.key(), "{what}");
        let overdue = due_date.is_some_and(|d| d < meeting) && !want.is_finished();
        assert_eq!(t["overdue"], overdue, "{what}");
        let texts: Vec<&str> = t["progress"]
            .as_array()
            .map(|p| p.iter().filter_map(|p| p["text"].as_str()).collect())
            .unwrap_or_default();
        if behind {
            assert!(texts.contains(&status), "{what}: 滞后 noted: {texts:?}");
        }
        if !progress.is_empty() {
            assert_eq!(
                texts.iter().filter(|t| **t == progress).count(),
                1,
                "{what}: {texts:?}"
            );
        }
        if second && !r.progress.is_empty() {
            assert!(texts.contains(&r.progress), "{what}: earlier progress kept");
        }
    }
}

#[test]
fn every_no_owner_partner_leader_and_due_date_comes_back_from_the_workbook_and_its_gbk_twin() {
    let dir = tempfile::tempdir().expect("a folder");
    let a = session_in(dir.path());
    let out = tasks(dir.path(), &a, &fixture("tasks.xlsx"), "zh");
    let said = ok(out.clone());
    assert!(
        said.contains(
            "tasks.xlsx（XLSX，工作表“责任分解表”）：14 行 — 新增 14 项，更新 0 项；未变 0 项"
        ),
        "{said}"
    );
    let warned = text(&out.stderr);
    // The deadline podium cannot read is kept and said, at its row and column.
    assert!(
        warned.contains("责任分解表]:7:H：完成时限“按省统一部署”读不出日期"),
        "{warned}"
    );
    assert!(warned.contains("未读取的列：K“备注”"), "{warned}");
    assert!(warned.contains(":17：说明文字，跳过"), "{warned}");
    let rec_a = record(dir.path(), &a);
    assert_ledger(&rec_a, false);

    let other = tempfile::tempdir().expect("a folder");
    let b = session_in(other.path());
    let out = tasks(other.path(), &b, &fixture("tasks-gbk.csv"), "zh");
    let said = ok(out);
    assert!(said.contains("tasks-gbk.csv（GB18030）：14 行"), "{said}");
    let rec_b = record(other.path(), &b);
    assert_ledger(&rec_b, false);
    // The same ledger, field by field (the times of progress aside).
    let (la, lb) = (ledger(&a), ledger(&b));
    assert_eq!(la.len(), lb.len());
    for (x, y) in la.iter().zip(&lb) {
        assert_eq!(x.fields, y.fields);
        assert_eq!(x.status, y.status);
        let texts = |t: &Task| {
            t.progress
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(x), texts(y));
    }
}

#[test]
fn a_bad_row_is_named_with_its_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a folder");
    let s = session_in(dir.path());
    let before = std::fs::read(&s).expect("the session");
    for (lang, status, no_text) in [
        (
            "zh",
            "tasks-bad.csv:4:F：状态“差不多”无法识别；可写：未开始、",
            "tasks-bad.csv:5:C：这一行没有事项",
        ),
        (
            "en",
            "tasks-bad.csv:4:F: status \"差不多\" is not one podium knows; write one of: 未开始, ",
            "tasks-bad.csv:5:C: this row has no task",
        ),
    ] {
        let out = tasks(dir.path(), &s, &fixture("tasks-bad.csv"), lang);
        assert!(!out.status.success(), "{lang}: refused");
        let e = text(&out.stderr);
        assert!(e.contains(status), "{lang}: {e}");
        assert!(e.contains(no_text), "{lang}: {e}");
        assert!(!e.contains("panicked"), "{e}");
        assert_eq!(
            std::fs::read(&s).expect("the session"),
            before,
            "{lang}: unchanged"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names.len(), 1, "no lock or journal left: {names:?}");
}

#[test]
fn a_second_import_updates_by_list_and_number_and_says_what_changed() {
    let dir = tempfile::tempdir().expect("a folder");
    let s = session_in(dir.path());
    ok(tasks(dir.path(), &s, &fixture("tasks.xlsx"), "zh"));
    let ids: Vec<(u64, Option<String>, Option<String>)> = ledger(&s)
        .iter()
        .map(|t| (t.id, t.fields.list.clone(), t.fields.no.clone()))
        .collect();
    let said = ok(tasks(dir.path(), &s, &fixture("tasks-v2.xlsx"), "zh"));
    assert!(
        said.contains(
            "新增 0 项，更新 3 项：\
             第3行 序号1 状态 推进中→已办结，新进展“主体工程已开工”；\
             第10行 序号3 状态 未启动→推进中，新进展“已梳理收费项目46项”；\
             第12行 序号1 完成时限 8月底前→9月底前；未变 11 项"
        ),
        "{said}"
    );
    assert_ledger(&record(dir.path(), &s), true);
    // The same tasks, updated in place: no task added, none renumbered.
    let after: Vec<(u64, Option<String>, Option<String>)> = ledger(&s)
        .iter()
        .map(|t| (t.id, t.fields.list.clone(), t.fields.no.clone()))
        .collect();
    assert_eq!(after, ids);
    // Again: nothing changes, nothing is written.
    let before = std::fs::read(&s).expect("the session");
    let said = ok(tasks(dir.path(), &s, &fixture("tasks-v2.xlsx"), "en"));
    assert!(
        said.contains("14 rows, as the session's task ledger already has them: nothing changed"),
        "{said}"
    );
    assert_eq!(std::fs::read(&s).expect("the session"), before);
}

#[test]
fn a_plan_path_makes_its_first_session_then_uses_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let plan = plan_in(dir.path());
    let plan_bytes = std::fs::read(&plan).expect("the plan");
    let out = tasks(dir.path(), &plan, &fixture("tasks.xlsx"), "zh");
    let said = ok(out.clone());
    assert!(said.contains("新增 14 项"), "{said}");
    assert!(
        text(&out.stderr).contains("已新建 推进会.session.json"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&plan).expect("the plan"),
        plan_bytes,
        "the plan is not written"
    );
    let session = dir.path().join("推进会.session.json");
    assert_eq!(ledger(&session).len(), ROWS.len());
    // The plan now means that session: the second version updates it.
    let out = tasks(dir.path(), &plan, &fixture("tasks-v2.xlsx"), "zh");
    let said = ok(out.clone());
    assert!(said.contains("更新 3 项"), "{said}");
    assert!(
        text(&out.stderr).contains("会议记录：推进会.session.json"),
        "{}",
        text(&out.stderr)
    );
    assert_ledger(&record(dir.path(), &session), true);
}

#[test]
fn a_bad_list_given_a_plan_makes_no_session_and_a_file_that_is_no_plan_is_not_written() {
    let dir = tempfile::tempdir().expect("a folder");
    let plan = plan_in(dir.path());
    let out = tasks(dir.path(), &plan, &fixture("tasks-bad.csv"), "en");
    assert!(!out.status.success());
    assert!(!dir.path().join("推进会.session.json").exists());
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "{\"hello\": 1}").expect("written");
    let out = tasks(dir.path(), &notes, &fixture("tasks.xlsx"), "en");
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert_eq!(
        std::fs::read_to_string(&notes).expect("kept"),
        "{\"hello\": 1}"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names.len(), 2, "nothing made: {names:?}");
}

#[test]
fn refused_while_a_console_holds_the_session() {
    let dir = tempfile::tempdir().expect("a folder");
    let s = session_in(dir.path());
    let t = chrono::DateTime::parse_from_rfc3339("2026-03-20T09:05:00+08:00").expect("a time");
    let (held, _) = Writer::open(&s, t).expect("opened");
    let before = std::fs::read(&s).expect("the session");
    let out = tasks(dir.path(), &s, &fixture("tasks.xlsx"), "zh");
    assert!(!out.status.success());
    let e = text(&out.stderr);
    assert!(e.contains("已在另一个 podium 中打开"), "{e}");
    assert!(e.contains("请关闭那个控制台后再导入任务清单"), "{e}");
    assert_eq!(std::fs::read(&s).expect("the session"), before);
    held.release(t).expect("released");
    assert!(ledger(&s).is_empty());
    ok(tasks(dir.path(), &s, &fixture("tasks.xlsx"), "zh"));
    assert_eq!(ledger(&s).len(), ROWS.len());
}

#[test]
fn the_same_number_twice_in_one_list_names_both_rows() {
    let dir = tempfile::tempdir().expect("a folder");
    let s = session_in(dir.path());
    let file = dir.path().join("dup.csv");
    std::fs::write(
        &file,
        "序号,清单,事项,责任单位\n1,甲,修路,市交通运输局\n1,乙,修桥,市交通运输局\n1,甲,建站,市教育局\n",
    )
    .expect("written");
    let out = tasks(dir.path(), &s, &file, "zh");
    assert!(!out.status.success());
    let e = text(&out.stderr);
    assert!(e.contains("dup.csv:4:A：序号“1”在清单“甲”中与"), "{e}");
    assert!(e.contains("dup.csv:2 重复"), "{e}");
    assert!(ledger(&s).is_empty());
}

#[test]
fn a_plan_whose_previous_meeting_is_named_carries_its_open_tasks_and_the_list_updates_them() {
    let dir = tempfile::tempdir().expect("a folder");
    let first_plan = dir.path().join("一月.json");
    std::fs::write(
        &first_plan,
        r#"{"title": "一月推进会", "date": "2026-03-20", "units": [{"name": "市教育局"}]}"#,
    )
    .expect("the plan");
    ok(tasks(dir.path(), &first_plan, &fixture("tasks.xlsx"), "zh"));
    let first = dir.path().join("一月.session.json");
    let first_bytes = std::fs::read(&first).expect("the first session");
    let done: Vec<&Row> = ROWS
        .iter()
        .filter(|r| Status::read(r.status).expect("a status").0.is_finished())
        .collect();
    assert_eq!(done.len(), 1, "the fixture has one finished task");
    let second_plan = dir.path().join("二月.json");
    std::fs::write(
        &second_plan,
        r#"{"title": "二月推进会", "date": "2026-04-20", "units": [{"name": "市教育局"}],
            "previous": "一月.session.json"}"#,
    )
    .expect("the plan");
    let out = tasks(dir.path(), &second_plan, &fixture("tasks-v2.xlsx"), "zh");
    let said = ok(out.clone());
    // The finished task was not carried: its row is new; the three changed rows update the
    // carried tasks.
    assert!(said.contains("新增 1 项，更新 3 项："), "{said}");
    assert!(said.contains("；未变 10 项"), "{said}");
    assert_eq!(
        std::fs::read(&first).expect("the first session"),
        first_bytes,
        "the earlier session is only read"
    );
    let second = dir.path().join("二月.session.json");
    let rec = record(dir.path(), &second);
    assert_eq!(rec["previous"]["path"], "一月.session.json");
    assert_eq!(rec["previous"]["title"], "一月推进会");
    let tasks = rec["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), ROWS.len());
    for t in tasks {
        let finished = done.iter().any(|r| t["list"] == r.list && t["no"] == r.no);
        if finished {
            assert!(t.get("carried_from").is_none_or(Value::is_null), "{t}");
        } else {
            assert_eq!(t["carried_from"]["title"], "一月推进会", "{t}");
        }
    }
    // The carried task keeps its history and takes the new progress.
    let t = tasks
        .iter()
        .find(|t| t["list"] == "项目建设" && t["no"] == "1")
        .expect("项目建设 1");
    let texts: Vec<&str> = t["progress"]
        .as_array()
        .expect("progress")
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert_eq!(texts, ["完成主体结构招标", "主体工程已开工"]);
    assert_eq!(t["status"], "done");
}

#[test]
fn several_task_sheets_are_each_a_list_and_other_sheets_are_left_alone() {
    use podium::import::{read_table, tasks};
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("三张清单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let intro = book.add_worksheet();
    intro.set_name("说明").expect("a name");
    intro
        .write_string(0, 0, "本表由市委督查室汇总，每月更新。")
        .expect("a cell");
    for (name, tasks) in [
        (
            "目标清单",
            [("1", "地区生产总值增长6%"), ("2", "新增就业2万人")],
        ),
        ("问题清单", [("1", "审批时限偏长"), ("2", "停车难")]),
    ] {
        let ws = book.add_worksheet();
        ws.set_name(name).expect("a name");
        ws.write_string(0, 0, name).expect("a title");
        for (c, h) in ["序号", "工作任务", "责任单位", "时间节点"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, c as u16, *h).expect("a header");
        }
        for (r, (no, text)) in tasks.iter().enumerate() {
            let r = r as u32 + 2;
            ws.write_string(r, 0, *no).expect("a cell");
            ws.write_string(r, 1, *text).expect("a cell");
            ws.write_string(r, 2, "市发展改革委").expect("a cell");
            // A time of day is no deadline: kept as written, said.
            let time = rust_xlsxwriter::ExcelDateTime::from_hms(9, 30, 0).expect("a time");
            let shown = rust_xlsxwriter::Format::new().set_num_format("hh:mm");
            ws.write_datetime_with_format(r, 3, &time, &shown)
                .expect("a time cell");
        }
    }
    book.save(&path).expect("saved");
    let table = read_table(&path).expect("reads");
    let got = tasks::read(&table, date((2026, 3, 20)), Lang::En).expect("imports");
    let keys: Vec<(Option<&str>, Option<&str>, &str)> = got
        .tasks
        .iter()
        .map(|t| {
            (
                t.task.list.as_deref(),
                t.task.no.as_deref(),
                t.task.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            (Some("目标清单"), Some("1"), "地区生产总值增长6%"),
            (Some("目标清单"), Some("2"), "新增就业2万人"),
            (Some("问题清单"), Some("1"), "审批时限偏长"),
            (Some("问题清单"), Some("2"), "停车难"),
        ]
    );
    assert_eq!(got.sheets, ["目标清单", "问题清单"]);
    assert!(got.tasks.iter().all(|t| t.task.due.is_none()));
    let unread = got
        .warnings
        .iter()
        .filter(|w| w.contains("cannot be read as a date"))
        .count();
    assert_eq!(unread, 4, "{:#?}", got.warnings);
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("三张清单.xlsx[问题清单]:4:D: deadline \"09:30:00\"")),
        "{:#?}",
        got.warnings
    );
}
