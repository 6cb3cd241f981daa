//! `podium import` on the files an office really keeps (issue 15): tests/fixtures/office/
//! holds a workbook saved the way WPS/Excel save it (a merged title row, 汇报单位 with line
//! breaks in the headers, `8分钟`, Excel time cells, a blank row, a 合计 row, a note under the
//! table, a 类别 column, columns podium has no use for, the sheets 评委 and 指标) and the unit
//! sheet's GBK CSV twin; tests/fixtures/office/make_office_files.py makes them. agenda.csv is an
//! agenda (issue 16): a kind column (讲话, 交流发言, 传达学习, 书面通报, 集中点评) and the
//! meeting's roles stated in a title row (出席：…) and rows under the table (列席：…, 记录：…).

use podium::import::{self, office};
use podium::plan::{Plan, UnitKind, UnitPlan};
use podium::strings::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/office")
        .join(name)
}

fn read(name: &str, lang: Lang) -> office::PlanImport {
    let table = import::read_table(&fixture(name)).expect("the fixture reads");
    office::plan(&table, office::Extra::default(), "会", lang)
        .unwrap_or_else(|e| panic!("{name} imports: {e:#?}"))
}

/// (name, category, presenter, role, minutes, topic) of every unit, in order.
type UnitRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    Option<&'static str>,
);

const UNITS: [UnitRow; 7] = [
    (
        "城东区",
        "县区",
        "张伟",
        "区长",
        8.0,
        Some("城东区三季度经济运行情况"),
    ),
    (
        "西湖区",
        "县区",
        "李娜",
        "区委副书记",
        8.0,
        Some("西湖区营商环境建设"),
    ),
    (
        "市发展改革委",
        "部门",
        "王强",
        "主任",
        6.5,
        Some("重大项目推进情况"),
    ),
    (
        "市财政局",
        "部门",
        "赵敏",
        "副局长",
        8.0,
        Some("财政收支与预算执行"),
    ),
    ("市教育局", "部门", "刘洋", "局长", 8.0, None),
    (
        "高新技术产业开发区",
        "园区",
        "陈静",
        "管委会主任",
        10.0,
        Some("园区招商引资情况"),
    ),
    ("经济开发区", "园区", "杨帆", "党工委书记", 6.5, None),
];

fn assert_units(units: &[UnitPlan], from: &str) {
    let got: Vec<_> = units
        .iter()
        .map(|u| {
            (
                u.name.as_str(),
                u.category.as_deref().unwrap_or("-"),
                u.presenter.as_deref().unwrap_or("-"),
                u.role.as_deref().unwrap_or("-"),
                u.minutes.unwrap_or(-1.0),
                u.topic.as_deref(),
            )
        })
        .collect();
    assert_eq!(got, UNITS.to_vec(), "{from}");
}

#[test]
fn the_workbook_gives_every_unit_reviewer_and_criterion() {
    let done = read("units.xlsx", Lang::Zh);
    assert_units(&done.plan.units, "units.xlsx");
    assert_eq!(done.sheet.as_deref(), Some("汇报安排"));
    // The second title row: the date, the start and the venue.
    let p = &done.plan;
    assert_eq!(
        (p.date.as_deref(), p.start.as_deref(), p.venue.as_deref()),
        (Some("2026-09-28"), Some("14:30"), Some("市政府第一会议室"))
    );
    assert_eq!(
        done.title_row.as_deref(),
        Some("2026年第三季度重点工作汇报会安排表")
    );

    let reviewers: Vec<_> = done
        .plan
        .reviewers
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.role.as_deref().unwrap_or("-"),
                r.group.as_deref().unwrap_or("-"),
                r.recused.join("|"),
            )
        })
        .collect();
    assert_eq!(
        reviewers,
        vec![
            ("周建国", "市委副书记", "领导组", String::new()),
            ("吴晓红", "副市长", "领导组", "城东区".to_string()),
            ("郑海涛", "市政府秘书长", "领导组", String::new()),
            (
                "孙丽",
                "市委党校教授",
                "专家组",
                "市财政局|市教育局".to_string()
            ),
            ("钱军", "市社科院研究员", "专家组", String::new()),
            (
                "冯雪",
                "市人大代表",
                "群众代表组",
                "高新技术产业开发区".to_string()
            ),
        ]
    );
    let scoring = done.plan.scoring.as_ref().expect("criteria and weights");
    let criteria: Vec<_> = scoring
        .criteria
        .iter()
        .map(|c| (c.name.as_str(), c.max))
        .collect();
    assert_eq!(
        criteria,
        vec![("工作实绩", 40.0), ("创新亮点", 30.0), ("汇报质量", 30.0)]
    );
    let groups: Vec<_> = scoring
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.weight))
        .collect();
    assert_eq!(
        groups,
        vec![("领导组", 50.0), ("专家组", 30.0), ("群众代表组", 20.0)]
    );
    // The plan is sound, and its scoring works.
    let text = serde_json::to_string(&done.plan).expect("serialises");
    let loaded = podium::planfile::parse("plan.json", &text, Lang::Zh).expect("a sound plan");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(podium::planfile::scoring_gaps(&loaded.plan), vec![]);
}

#[test]
fn every_unused_column_and_skipped_row_is_said() {
    let done = read("units.xlsx", Lang::Zh);
    let warnings = done.warnings.join("\n");
    for (sheet, letter, head) in [
        ("汇报安排", "H", "备注"),
        ("汇报安排", "I", "联系电话"),
        ("评委", "A", "序号"),
        ("评委", "F", "联系电话"),
        ("指标", "A", "序号"),
        ("指标", "D", "评分要点"),
    ] {
        let said = format!("units.xlsx[{sheet}]：{letter} 列“{head}”未导入");
        assert!(warnings.contains(&said), "{said} not in:\n{warnings}");
    }
    assert_eq!(done.warnings.len(), 6, "{warnings}");
    let notes = done.notes.join("\n");
    for said in [
        "[汇报安排]：跳过表头上方的标题行（第 1 行“2026年第三季度重点工作汇报会安排表”；第 2 行",
        "[汇报安排]：跳过空行（第 7 行）",
        "[汇报安排]：跳过合计/小计行（第 12 行）",
        "[汇报安排]：跳过没有名称的说明行（第 13 行）",
        "[指标]：跳过合计/小计行（第 5 行）",
        "[评委]：跳过表头上方的标题行（第 1 行“评委名单”）",
        // The categories are merged down their units: each unit has its own.
        "[汇报安排]：合并单元格 C4:C5“县区”用于其跨越的每一行",
        "[汇报安排]：合并单元格 C8:C9“部门”用于其跨越的每一行",
        "[汇报安排]：合并单元格 C10:C11“园区”用于其跨越的每一行",
        // 8:00 typed into a cell is a time of day to Excel: taken as minutes, and said.
        "[汇报安排]:9:G：单元格是时间 08:00:00",
    ] {
        assert!(notes.contains(said), "{said} not in:\n{notes}");
    }

    let en = read("units.xlsx", Lang::En);
    let warnings = en.warnings.join("\n");
    assert!(
        warnings.contains("units.xlsx[汇报安排]: column H \"备注\" is not imported"),
        "{warnings}"
    );
    assert!(
        en.notes
            .iter()
            .any(|n| n.contains("[汇报安排]: total row skipped (row 12)")),
        "{:?}",
        en.notes
    );
}

#[test]
fn a_unit_name_merged_over_two_rows_is_refused_and_other_merges_spread() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("merged.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    for (c, h) in ["单位", "汇报人", "时长"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("a header");
    }
    ws.merge_range(1, 0, 2, 0, "市财政局", &plain)
        .expect("a merge");
    ws.write_string(1, 1, "张三").expect("a cell");
    ws.write_string(2, 1, "李四").expect("a cell");
    ws.merge_range(1, 2, 2, 2, "8分钟", &plain)
        .expect("a merge");
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let e = office::plan(&table, office::Extra::default(), "会", Lang::Zh)
        .expect_err("the second row has no unit name")
        .join("\n");
    assert!(
        e.contains("merged.xlsx[Sheet1]:3:A：单位名称为空（合并单元格请拆开"),
        "{e}"
    );

    // Minutes merged over two units apply to both.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["单位", "时长"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("a header");
    }
    ws.write_string(1, 0, "甲").expect("a cell");
    ws.write_string(2, 0, "乙").expect("a cell");
    ws.merge_range(1, 1, 2, 1, "6.5", &plain).expect("a merge");
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let done = office::plan(&table, office::Extra::default(), "会", Lang::En).expect("imports");
    let minutes: Vec<_> = done.plan.units.iter().map(|u| u.minutes).collect();
    assert_eq!(minutes, vec![Some(6.5), Some(6.5)]);
    assert!(
        done.notes
            .iter()
            .any(|n| n.contains("the merged cells B2:B3 \"6.5\" are read for every row")),
        "{:?}",
        done.notes
    );
}

#[test]
fn a_score_sheet_beside_the_unit_list_is_not_taken_for_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheets: [(&str, &[&[&str]]); 2] = [
        (
            "评分",
            &[
                &["单位", "评委", "指标", "得分"],
                &["甲", "张三", "实绩", "50"],
            ],
        ),
        ("名单", &[&["序号", "单位", "时长"], &["1", "甲", "8"]]),
    ];
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).expect("a name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).expect("a cell");
            }
        }
    }
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let done = office::plan(&table, office::Extra::default(), "会", Lang::En).expect("imports");
    assert_eq!(done.sheet.as_deref(), Some("名单"));
    assert_eq!(done.plan.units[0].minutes, Some(8.0));
}

#[test]
fn the_gbk_csv_twin_gives_the_same_units() {
    let table = import::read_table(&fixture("units-gbk.csv")).expect("reads");
    assert_eq!(table.encoding, "GB18030");
    let done = read("units-gbk.csv", Lang::En);
    assert_units(&done.plan.units, "units-gbk.csv");
    assert_eq!(done.plan.date.as_deref(), Some("2026-09-28"));
    assert!(done.plan.reviewers.is_empty() && done.plan.scoring.is_none());
    let warnings = done.warnings.join("\n");
    assert!(
        warnings.contains("units-gbk.csv: column H \"备注\" is not imported"),
        "{warnings}"
    );
    assert!(
        warnings.contains("units-gbk.csv: column I \"联系电话\" is not imported"),
        "{warnings}"
    );
    assert_eq!(done.warnings.len(), 2, "{warnings}");
    let notes = done.notes.join("\n");
    for said in [
        "blank row skipped (row 7)",
        "total row skipped (row 12)",
        "note row without a name skipped (row 13)",
        "title rows above the header skipped (row 1",
    ] {
        assert!(notes.contains(said), "{said} not in:\n{notes}");
    }
    // Without reviewers, `podium check` says what to add.
    let gaps = podium::planfile::scoring_warnings("plan.json", &done.plan, Lang::Zh);
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert!(gaps[0].contains("没有评委"), "{}", gaps[0]);
}

/// A file in a temporary folder.
fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn import_csv(text: &str, lang: Lang) -> Result<office::PlanImport, Vec<String>> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = file(dir.path(), "units.csv", text);
    let table = import::read_table(&path).expect("reads");
    office::plan(&table, office::Extra::default(), "会", lang)
}

#[test]
fn errors_name_the_row_and_cell_in_the_users_language() {
    let e = import_csv("单位,时长\n甲,八分钟\n,8\n", Lang::Zh)
        .expect_err("bad minutes and a unit without its name")
        .join("\n");
    assert!(e.contains("units.csv:2:B：时长“八分钟”无法识别"), "{e}");
    assert!(e.contains("units.csv:3:A：单位名称为空"), "{e}");
    let e = import_csv("单位,时长\n甲,八分钟\n", Lang::En)
        .expect_err("bad minutes")
        .join("\n");
    assert!(
        e.contains("units.csv:2:B: the minutes \"八分钟\" are not a number"),
        "{e}"
    );
    // No header anywhere in the first rows.
    let e = import_csv("名单\n甲\n乙\n", Lang::Zh)
        .expect_err("no header")
        .join("\n");
    assert!(e.contains("units.csv：前 20 行中没有表头行"), "{e}");
}

#[test]
fn reviewers_and_criteria_from_files_of_their_own() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let units = file(
        dir.path(),
        "units.csv",
        "汇报单位,汇报时长\n市财政局,8分钟\n城东街道,6.5分钟\n",
    );
    let reviewers = file(
        dir.path(),
        "reviewers.csv",
        "姓名,职务,分组,回避\n张三,副市长,领导,市财政局 城东街道\n李四,教授,专家,\n",
    );
    let criteria = file(
        dir.path(),
        "criteria.csv",
        "指标,满分,分组权重\n实绩,60,领导 70%；专家 30%\n创新,40,\n",
    );
    let read = |p: &Path| import::read_table(p).expect("reads");
    let (u, r, c) = (read(&units), read(&reviewers), read(&criteria));
    let extra = office::Extra {
        reviewers: Some(&r),
        criteria: Some(&c),
    };
    let done = office::plan(&u, extra, "会", Lang::Zh).expect("imports");
    let plan: &Plan = &done.plan;
    assert_eq!(plan.reviewers[0].recused, vec!["市财政局", "城东街道"]);
    assert_eq!(plan.reviewers[1].group.as_deref(), Some("专家"));
    let scoring = plan.scoring.as_ref().expect("scoring");
    assert_eq!(scoring.groups.len(), 2);
    assert_eq!(scoring.criteria[1].max, 40.0);
    assert_eq!(plan.units[1].minutes, Some(6.5));

    // Groups without weights: one group, and said.
    let extra = office::Extra {
        reviewers: Some(&r),
        criteria: None,
    };
    let done = office::plan(&u, extra, "会", Lang::Zh).expect("imports");
    assert!(done.plan.scoring.is_none());
    assert!(
        done.notes
            .iter()
            .any(|n| n.contains("评委分为 2 组（领导、专家），但没有分组权重")),
        "{:?}",
        done.notes
    );

    // A recused unit that is not on the list, a group without a weight, weights not 100.
    let reviewers = file(
        dir.path(),
        "reviewers2.csv",
        "姓名,分组,回避\n张三,领导,市税务局\n李四,群众,\n",
    );
    let criteria = file(
        dir.path(),
        "criteria2.csv",
        "指标,满分,分组权重\n实绩,60,领导 70%\n创新,,专家 20%\n",
    );
    let (r, c) = (read(&reviewers), read(&criteria));
    let extra = office::Extra {
        reviewers: Some(&r),
        criteria: Some(&c),
    };
    let e = office::plan(&u, extra, "会", Lang::Zh)
        .expect_err("refused")
        .join("\n");
    assert!(
        e.contains("reviewers2.csv:2:C：回避的“市税务局”不是单位名单中的单位"),
        "{e}"
    );
    assert!(
        e.contains("reviewers2.csv:3:B：分组“群众”在指标表的分组权重中没有权重"),
        "{e}"
    );
    assert!(e.contains("criteria2.csv:3:B：指标“创新”没有满分"), "{e}");
    assert!(e.contains("分组权重合计为 90，应为 100"), "{e}");
}

fn podium(args: &[&std::ffi::OsStr], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env_remove("PODIUM_LANG")
        .output()
        .expect("podium runs")
}

#[test]
fn the_real_binary_imports_the_workbook_and_check_accepts_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = fixture("units.xlsx");
    let out = podium(
        &[
            "import".as_ref(),
            book.as_os_str(),
            "-o".as_ref(),
            "plan.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("plan.json：7 个汇报单位，6 位评委，3 项指标（XLSX，工作表“汇报安排”）"),
        "{said}"
    );
    assert!(
        said.contains("评委名单读取自 units.xlsx（XLSX，工作表“评委”）"),
        "{said}"
    );
    assert!(said.contains("I 列“联系电话”未导入"), "{said}");
    assert!(
        said.contains("会议标题取自表格的标题行：“2026年第三季度重点工作汇报会安排表”"),
        "{said}"
    );
    let text = std::fs::read_to_string(dir.path().join("plan.json")).expect("written");
    let plan: Plan = serde_json::from_str(&text).expect("a plan");
    assert_eq!(plan.title, "2026年第三季度重点工作汇报会安排表");
    assert_units(&plan.units, "plan.json");

    let out = podium(
        &[
            "check".as_ref(),
            "plan.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.is_empty(), "no warning: {said}");
    assert!(
        summary.contains("点评人 6 位（领导组 3, 专家组 2, 群众代表组 1）"),
        "{summary}"
    );

    // The CSV twin: no reviewers, and check says what to add.
    let csv = fixture("units-gbk.csv");
    let out = podium(
        &[
            "import".as_ref(),
            csv.as_os_str(),
            "-o".as_ref(),
            "twin.json".as_ref(),
            "--title".as_ref(),
            "三季度汇报会".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("（GB18030）"), "{said}");
    assert!(!said.contains("会议标题取自"), "--title given: {said}");
    let out = podium(
        &[
            "check".as_ref(),
            "twin.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("twin.json: 警告：按打分方式评分，但计划中没有评委"),
        "{said}"
    );
}

#[test]
fn the_record_and_the_report_keep_the_category() {
    let done = read("units.xlsx", Lang::Zh);
    let session = podium::session::Session::new(done.plan);
    let now = chrono::DateTime::parse_from_rfc3339("2026-09-28T14:30:00+08:00").expect("a time");
    let record = podium::session::record::Record::of(&session, now);
    let json = serde_json::to_value(&record).expect("serialises");
    assert_eq!(json["units"][0]["category"], "县区");
    assert_eq!(json["units"][6]["category"], "园区");
}

#[test]
fn english_messages_have_no_chinese_punctuation() {
    use podium::strings::import as s;
    let l = Lang::En;
    let texts = [
        s::no_header(l, "u.csv", &s::UNIT, s::UNIT_LIST),
        s::title_rows(l, "u.csv", &[(1, "Title".into())]),
        s::title_from_sheet(l, "Title"),
        s::skipped_rows(l, "u.csv", s::Skipped::Total, &[3, 4]),
        s::unused_column(l, "u.csv", "H", "Notes"),
        s::unnamed_column(l, "u.csv", "H"),
        s::empty_unit(l, "u.csv:2:A"),
        s::bad_order(l, "u.csv:2:A", "x"),
        s::bad_minutes(l, "u.csv:2:A", "x"),
        s::time_as_minutes(l, "u.csv:2:A", "08:00:00", "8"),
        s::unknown_recused(l, "u.csv:2:A", "x"),
        s::no_max(l, "u.csv:2:A", "x"),
        s::bad_weight(l, "u.csv:2:A", "x"),
        s::weights_not_100(l, "u.csv", "90"),
        s::written(l, "plan.json", (1, 2, 3), "UTF-8"),
        s::scoring_gap(l, &s::ScoringGap::NoReviewers),
        s::scoring_gap(l, &s::ScoringGap::EmptyGroup("A".into())),
        s::scoring_gap(l, &s::ScoringGap::Ungrouped("R".into(), "A".into())),
        s::scoring_gap(l, &s::ScoringGap::AllRecused("U".into())),
        s::merged_spread(l, "u.xlsx[S]", "C4:C5", "County"),
        s::groups_without_weights(l, &["A", "B"]),
        s::heading_read(
            l,
            "u.csv",
            [
                "2026-09-28".into(),
                "14:30".into(),
                "Hall".into(),
                String::new(),
            ],
        ),
        s::group_without_weight(l, "u.csv:2:A", "A"),
        s::weight_twice(l, "u.csv:2:A", "A"),
        s::empty_reviewer(l, "u.csv:2:A"),
        s::empty_criterion(l, "u.csv:2:A"),
        s::bad_number(l, "u.csv:2:A", "x", s::A_MAX),
        s::no_such_sheet(l, "r.xlsx", s::REVIEWER_SHEETS, s::REVIEWER_LIST),
        s::file_source(l, "u.xlsx", "XLSX"),
        s::read_from(l, s::CRITERIA_LIST, "u.xlsx"),
    ];
    for t in texts {
        assert!(
            !t.chars()
                .any(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}')),
            "{t}"
        );
    }
}

#[test]
fn a_plan_rule_broken_by_a_cell_names_that_cell() {
    // Minutes of 0, -5, 99999; a unit twice (full-width); rows sorted by 序号.
    let e = import_csv(
        "序号,单位,时长\n3,乙,0\n1,甲,-5\n2,丙,99999\n4,Ａ,8\n5,A,8\n",
        Lang::En,
    )
    .expect_err("broken rules")
    .join("\n");
    assert!(
        e.contains("units.csv:3:C: units[0].minutes: must be more than 0"),
        "{e}"
    );
    assert!(
        e.contains("units.csv:4:C: units[1].minutes: must be at most 600"),
        "{e}"
    );
    assert!(
        e.contains("units.csv:2:C: units[2].minutes: must be more than 0"),
        "{e}"
    );
    assert!(e.contains("units.csv:6:B: units[4].name:"), "{e}");
}

#[test]
fn a_workbook_of_only_the_reviewers_sheet_is_not_called_empty() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("评委").expect("a name");
    for (r, row) in [["姓名", "分组"], ["周", "领导组"]].iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("a cell");
        }
    }
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let e = office::plan(&table, office::Extra::default(), "会", Lang::Zh)
        .expect_err("no unit list")
        .join("\n");
    assert!(e.contains("只有工作表 评委，没有汇报单位名单"), "{e}");
    assert!(!e.contains("空"), "{e}");
}

#[test]
fn output_into_a_missing_folder_says_so_in_the_users_language() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let units = file(dir.path(), "units.csv", "单位,时长\n甲,8\n");
    let out = podium(
        &[
            "import".as_ref(),
            units.as_os_str(),
            "-o".as_ref(),
            "nowhere/plan.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("无法写入 nowhere/plan.json：文件夹 nowhere 不存在"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn a_header_of_two_rows_is_read_as_one_and_a_header_may_sit_in_row_15() {
    // 汇报人 over 姓名 and 职务, 时长 over （分钟）, as a merged two-row header looks.
    let done = import_csv(
        "序号,汇报单位,汇报人,,时长,备注\n,,姓名,职务,（分钟）,\n1,甲,张伟,局长,8分钟,\n2,乙,李娜,区长,08:00,x\n",
        Lang::Zh,
    )
    .expect("imports");
    let u = &done.plan.units;
    assert_eq!(u.len(), 2, "{u:?}");
    assert_eq!(
        (
            u[0].presenter.as_deref(),
            u[0].role.as_deref(),
            u[0].minutes
        ),
        (Some("张伟"), Some("局长"), Some(8.0))
    );
    assert_eq!(u[1].minutes, Some(8.0));
    let notes = done.notes.join("\n");
    assert!(
        notes.contains("units.csv：第 1、2 行合起来作为表头"),
        "{notes}"
    );
    assert!(!notes.contains("跳过"), "{notes}");
    assert_eq!(done.warnings.len(), 1, "{:?}", done.warnings);
    // A unit row missing its name under the header is still an error, not a header.
    let e = import_csv("单位,汇报人,时长\n,张伟,8\n", Lang::Zh)
        .expect_err("no name")
        .join("\n");
    assert!(e.contains("units.csv:2:A：单位名称为空"), "{e}");
    let e = import_csv("单位,汇报人,类别\n,张伟,县区\n甲,李娜,部门\n", Lang::Zh)
        .expect_err("no name")
        .join("\n");
    assert!(e.contains("units.csv:2:A：单位名称为空"), "{e}");
    // Fourteen rows of notice above the header.
    let mut text = "关于召开汇报会的通知\n".repeat(14);
    text.push_str("单位,时长\n甲,8\n");
    let done = import_csv(&text, Lang::Zh).expect("imports");
    assert_eq!(done.plan.units[0].name, "甲");
}

#[test]
fn a_csv_wider_than_a_podium_table_is_refused_in_one_sentence() {
    let mut text = String::from("单位,时长");
    text.push_str(&",x".repeat(100_000));
    text.push_str("\n甲,8\n");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = file(dir.path(), "wide.csv", &text);
    let e = import::read_table_in(&path, Lang::Zh).expect_err("too wide");
    assert!(e.contains("第 1 行"), "{e}");
    assert!(e.contains("最多 256 列"), "{e}");
    // Stray commas after the last cell are nothing.
    let mut text = String::from("单位,时长");
    text.push_str(&",".repeat(1_000));
    text.push_str("\n甲,8\n");
    let done = import_csv(&text, Lang::Zh).expect("imports");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn an_excel_error_value_is_never_a_name_nor_minutes() {
    let e = import_csv(
        "单位,汇报人,时长\n#N/A,张伟,8\n乙,#REF!,8\n丙,李娜,#DIV/0!\n",
        Lang::En,
    )
    .expect_err("error values")
    .join("\n");
    for (at, value) in [("2:A", "#N/A"), ("3:B", "#REF!"), ("4:C", "#DIV/0!")] {
        assert!(
            e.contains(&format!(
                "units.csv:{at}: the cell holds the Excel error {value}"
            )),
            "{at} {value}: {e}"
        );
    }
}

#[test]
fn group_weights_written_as_fractions_are_told_to_be_percentages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let units = file(dir.path(), "units.csv", "单位,时长\n甲,8\n");
    let criteria = file(
        dir.path(),
        "criteria.csv",
        "指标,满分,分组权重\n实绩,40,领导组 0.5\n创新,60,专家组 ０.５\n",
    );
    let reviewers = file(
        dir.path(),
        "reviewers.csv",
        "姓名,分组\n周,领导组\n吴,专家组\n",
    );
    let read = |p: &Path| import::read_table(p).expect("reads");
    let (u, c, r) = (read(&units), read(&criteria), read(&reviewers));
    let extra = office::Extra {
        reviewers: Some(&r),
        criteria: Some(&c),
    };
    let e = office::plan(&u, extra, "会", Lang::Zh)
        .expect_err("weights of 1")
        .join("\n");
    assert!(
        e.contains("分组权重合计为 1，应为 100；权重按百分数写"),
        "{e}"
    );
}

#[test]
fn a_formula_the_workbook_holds_no_result_for_is_refused_not_left_empty() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, v) in ["单位", "时长"].iter().enumerate() {
        ws.write_string(0, c as u16, *v).expect("a cell");
    }
    ws.write_string(1, 0, "甲").expect("a cell");
    // A formula written by a program, with no result saved.
    let formula = rust_xlsxwriter::Formula::new("=4+4").set_result("");
    ws.write_formula(1, 1, formula).expect("a formula");
    book.save(&path).expect("saved");
    drop_formula_results(&path);
    let table = import::read_table(&path).expect("reads");
    let e = office::plan(&table, office::Extra::default(), "会", Lang::En)
        .expect_err("no result saved")
        .join("\n");
    assert!(
        e.contains("book.xlsx[Sheet1]:2:B: the cell is the formula =4+4"),
        "{e}"
    );
}

/// The workbook at `path` with its formulas' saved results taken out, as a program that
/// writes formulas without computing them leaves it.
fn drop_formula_results(path: &Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read an entry");
        if name.starts_with("xl/worksheets/") {
            let mut text = String::from_utf8(data).expect("xml");
            while let Some(f) = text.find("</f><v>") {
                let v = f + "</f>".len();
                let end = text[v..].find("</v>").expect("a value's end") + v + "</v>".len();
                text.replace_range(v..end, "");
            }
            data = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        out.write_all(&data).expect("write an entry");
    }
    let done = out.finish().expect("a zip").into_inner();
    std::fs::write(path, done).expect("write");
}

#[test]
fn a_date_cell_is_no_unit_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, v) in ["单位", "时长"].iter().enumerate() {
        ws.write_string(0, c as u16, *v).expect("a cell");
    }
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 9, 28).expect("a date");
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(1, 0, &date, &format)
        .expect("a date cell");
    ws.write_number(1, 1, 8).expect("a cell");
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let e = office::plan(&table, office::Extra::default(), "会", Lang::En)
        .expect_err("a date for a name")
        .join("\n");
    assert!(
        e.contains("cell A2 is a date (2026-09-28), not a unit name"),
        "{e}"
    );
}

// ----- agenda kinds and the meeting's roles (issue 16) ----------------------------------------

#[test]
fn an_agenda_with_kinds_and_the_meetings_roles_imports_them() {
    let done = read("agenda.csv", Lang::Zh);
    let plan = &done.plan;
    let kinds: Vec<(&str, UnitKind)> = plan
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("市委书记讲话", UnitKind::Speech),
            ("城东区", UnitKind::Report),
            ("西湖区", UnitKind::Report),
            ("传达省委会议精神", UnitKind::Briefing),
            ("市统计局", UnitKind::Written),
            ("集中点评", UnitKind::Comments),
        ]
    );
    // 交流发言 and 汇报 are reports: the plan leaves their kind out.
    assert_eq!(plan.units[1].kind, None);
    assert_eq!(plan.units[2].kind, None);
    assert_eq!(plan.reports().count(), 2);
    // The title row's 出席 (a role holding 、 in its brackets is one name), the rows under
    // the table: 列席 split on ；, 记录 as written.
    assert_eq!(
        plan.attendees,
        [
            "王明（市委书记）",
            "李明（市长）",
            "王强（市委常委、常务副市长）"
        ]
    );
    assert_eq!(
        plan.observers,
        ["各区（县）政府负责人", "市直各部门主要负责人"]
    );
    assert_eq!(plan.recorder.as_deref(), Some("市委办公室 张敏"));
    assert_eq!(plan.version, Some(2), "new fields: the plan says version 2");
    assert!(
        plan.validate().iter().all(|f| f.warning),
        "{:?}",
        plan.validate()
    );
    // What was read is said, row by row; the role rows are no unit and no skipped note.
    let notes = done.notes.join("\n");
    assert!(
        notes.contains("agenda.csv:10：读得会议人员 列席"),
        "{notes}"
    );
    assert!(
        notes.contains("agenda.csv:11：读得会议人员 记录 市委办公室 张敏"),
        "{notes}"
    );
    assert!(!notes.contains("说明行"), "{notes}");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    // A unit list without kinds or roles stays a version-1 plan.
    assert_eq!(read("units.xlsx", Lang::Zh).plan.version, None);
}

#[test]
fn an_unknown_kind_is_an_error_at_its_cell_never_a_report() {
    let e = import_csv("单位,类型,时长\n甲,讲话,8\n乙,茶歇,5\n丙,,8\n", Lang::Zh)
        .expect_err("茶歇 is no kind")
        .join("\n");
    assert!(
        e.contains("units.csv:3:B：类型“茶歇”无法识别；应为 汇报、讲话"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    let e = import_csv("unit,kind\nA,keynote\n", Lang::En)
        .expect_err("keynote is no kind")
        .join("\n");
    assert!(
        e.contains("units.csv:2:B: the kind \"keynote\" is not one podium knows"),
        "{e}"
    );
    // An empty kind cell is a report; English words in any case, spaces around.
    let done = import_csv(
        "unit,kind,minutes\nA, Speech ,5\nB,,8\nC,WRITTEN,\n",
        Lang::En,
    )
    .expect("imports");
    let kinds: Vec<UnitKind> = done.plan.units.iter().map(|u| u.kind()).collect();
    assert_eq!(
        kinds,
        [UnitKind::Speech, UnitKind::Report, UnitKind::Written]
    );
}

#[test]
fn a_workbook_with_a_kind_column_and_a_row_of_the_meetings_data() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("agenda.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("议程").expect("a name");
    let rows: &[&[&str]] = &[
        &["区委全会议程"],
        &["时间：2026年9月28日14:30  记录：区委办 李娜  主持人：区委书记"],
        &["序号", "汇报单位", "形式", "汇报人", "时长（分钟）"],
        &["1", "区委书记讲话", "领导讲话", "区委书记", ""],
        &["2", "城东街道", "交流发言", "街道书记", "8"],
        &["3", "清单说明", "清单说明", "区委办主任", "5"],
        &["4", "各部门工作情况", "书面", "", ""],
        &["5", "现场点评", "现场点评", "", ""],
        &["", "出席：区委常委、区政府领导", "", "", ""],
        &["", "列席：各街道党工委书记", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).expect("a cell");
            }
        }
    }
    book.save(&path).expect("saved");
    let table = import::read_table(&path).expect("reads");
    let done = office::plan(&table, office::Extra::default(), "会", Lang::Zh)
        .unwrap_or_else(|e| panic!("imports: {e:#?}"));
    let plan = &done.plan;
    let kinds: Vec<UnitKind> = plan.units.iter().map(|u| u.kind()).collect();
    assert_eq!(
        kinds,
        [
            UnitKind::Speech,
            UnitKind::Report,
            UnitKind::Briefing,
            UnitKind::Written,
            UnitKind::Comments
        ]
    );
    // 出席 as written (区委常委、区政府领导: two), from a row under the table.
    assert_eq!(plan.attendees, ["区委常委", "区政府领导"]);
    assert_eq!(plan.observers, ["各街道党工委书记"]);
    // 记录 from the title row, up to the next label.
    assert_eq!(plan.recorder.as_deref(), Some("区委办 李娜"));
    assert_eq!(plan.host.as_deref(), Some("区委书记"));
    assert_eq!(plan.units.len(), 5, "the rows of roles are no units");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn the_real_binary_imports_an_agenda_and_counts_only_the_reports() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = fixture("agenda.csv");
    let out = podium(
        &[
            "import".as_ref(),
            csv.as_os_str(),
            "-o".as_ref(),
            "plan.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("plan.json：议程 6 项：汇报单位 2 个、讲话 1 个"),
        "{said}"
    );
    let text = std::fs::read_to_string(dir.path().join("plan.json")).expect("written");
    assert!(text.starts_with("{\n  \"version\": 2,"), "{text}");
    let out = podium(
        &[
            "check".as_ref(),
            "plan.json".as_ref(),
            "--lang".as_ref(),
            "zh".as_ref(),
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_first_row_of_the_meetings_people_is_not_the_title_and_an_empty_one_is_a_note() {
    let done = import_csv(
        "出席：张三、李四\n单位,类型\n甲,讲话\n乙,\n记录：\n",
        Lang::Zh,
    )
    .expect("imports");
    assert_eq!(done.title_row, None, "出席：… is not the meeting's title");
    assert_eq!(done.plan.attendees, ["张三", "李四"]);
    assert_eq!(done.plan.recorder, None);
    let notes = done.notes.join("\n");
    assert!(notes.contains("跳过没有名称的说明行（第 5 行）"), "{notes}");
    assert_eq!(done.plan.units.len(), 2);
}

#[test]
fn a_column_of_how_units_report_reads_as_their_kind() {
    // 汇报形式 as offices fill it in: 现场汇报, 视频汇报, 书面汇报.
    let done = import_csv(
        "单位,汇报形式,时长\n甲,现场汇报,8\n乙,视频汇报,6\n丙,书面汇报,\n",
        Lang::Zh,
    )
    .expect("imports");
    let kinds: Vec<UnitKind> = done.plan.units.iter().map(|u| u.kind()).collect();
    assert_eq!(
        kinds,
        [UnitKind::Report, UnitKind::Report, UnitKind::Written]
    );
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    // A written item's minutes are kept and said: nothing uses them.
    let done = import_csv("单位,类型,时长\n甲,书面,5\n", Lang::Zh).expect("imports");
    assert_eq!(done.plan.units[0].minutes, Some(5.0));
    let w = done.warnings.join("\n");
    assert!(w.contains("units.csv:2:C: 警告："), "{w}");
    assert!(w.contains("“甲”是书面通报，不计时"), "{w}");
}
