//! The minutes (会议纪要) as an office writes one (issue [E1], "Printable, readable outputs"
//! and "Public outputs"), on a session built in code: the second round of a series, linked
//! to the first with its results copied, units in two categories (园区, 街道), bands by score,
//! four reviewers of whom three never speak, a briefing, a speech and a task.
//!
//! - the sections in order: title, 一、基本情况 … 五、测评结果, the appendices;
//! - 基本情况's lines, dates as 2026年5月30日, the time as a span (9:00—10:02);
//! - each report with its presenter, role and topic; its time as a duration (8分36秒);
//! - remarks by speaker with role, naming the unit they were about;
//! - one results table per category with 名次, 总排名, 等次 and 较上期 (↑1, ↓1, 新);
//! - tables with alignment markers;
//! - `--public`: no reviewer who made no remark is named anywhere, while the internal
//!   minutes name them (score sheets, who was trimmed).

mod common {
    pub mod external;
}

use chrono::{DateTime, Duration};
use podium::plan::Plan;
use podium::report::markdown::{minutes, minutes_for};
use podium::session::{
    Command, PreviousMeeting, PreviousResult, PreviousResults, RemarkKind, ScoreEntry, Session,
    TaskFields, Time,
};
use podium::strings::Lang;

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

/// The text under the heading that starts with `heading`, up to the next `## ` heading.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let at = md
        .find(heading)
        .unwrap_or_else(|| panic!("{heading:?} in:\n{md}"));
    let rest = &md[at + heading.len()..];
    let end = rest.find("\n## ").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

/// The rows of the first table in `text` (header first), each as its trimmed cells.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_minutes_follow_the_sections_of_a_jiyao() {
    let (s, end) = meeting();
    let md = minutes(&s, end, Lang::Zh);
    assert!(
        md.starts_with("# 第二季度“比晒拼创”交流汇报会\n\n**会议纪要**\n\n"),
        "{md}"
    );
    let headings = [
        "## 一、基本情况\n",
        "## 二、会议听取了以下汇报和议程\n",
        "## 三、点评与讲话要点\n",
        "## 四、议定事项（交办事项）\n",
        "## 五、测评结果\n",
        "## 附件：评分明细\n",
        "## 附件：计时\n",
    ];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| md.find(h).unwrap_or_else(|| panic!("{h:?} in:\n{md}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in order: {at:?}\n{md}");
    assert_eq!(md.matches("\n## ").count(), headings.len(), "{md}");

    // 基本情况: the day as an office writes it and the time as a span.
    let basics = section(&md, "## 一、基本情况\n");
    let ended = end.format("%-H:%M").to_string();
    for line in [
        format!("- 时间：2026年5月30日 9:00—{ended}\n"),
        "- 地点：区行政中心第一会议室\n".into(),
        "- 主持：区长\n".into(),
        "- 出席：区委书记、区长\n".into(),
        "- 列席：区直各部门主要负责人\n".into(),
        "- 记录：区委办公室\n".into(),
    ] {
        assert!(basics.contains(&line), "{line:?} in:\n{basics}");
    }
    assert!(!md.contains("2026-05-30"), "no ISO date:\n{md}");

    // 会议听取了…: every item in agenda order; a report with presenter, role, topic and its
    // time as a duration with its overtime.
    let heard = section(&md, "## 二、");
    let items: Vec<&str> = heard
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(items.len(), 7, "{heard}");
    assert_eq!(
        items[1],
        "2. **经开区**：汇报人：王磊（党工委书记）；题目：招商引资攻坚；用时 8分36秒，超时 36秒"
    );
    // A name that already says its kind is not followed by it again.
    assert_eq!(
        items[0],
        "1. **一季度测评结果通报**：通报人：区委组织部；用时 4分钟"
    );
    assert!(items[3].contains("题目：老旧小区改造"), "{}", items[3]);
    assert!(
        items[6].starts_with("7. **区委书记讲话**：讲话人：周海（区委书记）；用时 21分钟"),
        "{}",
        items[6]
    );
    assert!(!items[6].contains("超时"), "a speech never runs over");

    // 点评与讲话要点: by speaker in the order they first spoke, each with their role; a
    // remark about a unit names it; the remark's second line kept in the item.
    let remarks = section(&md, "## 三、点评与讲话要点\n");
    let liang = remarks
        .find("**梁晗鹍（常务副区长）**点评指出：\n\n")
        .unwrap_or_else(|| panic!("{remarks}"));
    let zhou = remarks
        .find("**周海（区委书记）**讲话指出：\n\n")
        .unwrap_or_else(|| panic!("{remarks}"));
    assert!(liang < zhou, "梁晗鹍 spoke first:\n{remarks}");
    for line in [
        "- 关于经开区：招商引资成效明显  \n  下一步要抓项目落地\n",
        "- 关于城东街道：改造进度要加快\n- 各单位总体准备充分\n",
        // On their own speech: no “关于”.
        "**周海（区委书记）**讲话指出：\n\n- 争先进位，硬账硬结\n",
    ] {
        assert!(remarks.contains(line), "{line:?} in:\n{remarks}");
    }

    // 议定事项: the task with its deadline written as a date, and the meeting before.
    let tasks = section(&md, "## 四、");
    assert!(
        tasks.contains("上次会议：《第一季度“比晒拼创”交流汇报会》（2026年3月1日）"),
        "{tasks}"
    );
    assert!(
        tasks.contains("- 6月底前完成老旧小区改造方案\n  - 完成时限：2026年6月30日；状态：未启动；责任领导：梁晗鹍"),
        "{tasks}"
    );

    // 附件：计时: durations, never clock-looking times; the overtime; start and end of day.
    let timing = section(&md, "## 附件：计时\n");
    let rows = table_rows(timing);
    assert_eq!(
        rows[0],
        [
            "序号",
            "单位/议程",
            "计划用时",
            "实际用时",
            "超时",
            "开始",
            "结束",
            "状态"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "---:", ":---", "---:", "---:", "---:", "---:", "---:", ":---"
        ]
    );
    assert_eq!(rows[3][1], "经开区");
    assert_eq!(rows[3][2..5], ["8分钟", "8分36秒", "36秒"]);
    assert_eq!(rows[3][5], "09:04:30");
    assert_eq!(rows[8][1], "区委书记讲话");
    assert_eq!(rows[8][2..5], ["约20分钟", "21分钟", "—"]);
    for row in &rows[2..] {
        for cell in &row[2..5] {
            assert!(!cell.contains(':'), "a duration, not a time: {row:?}");
        }
    }
}

#[test]
fn the_results_are_one_table_per_category_with_band_and_change() {
    let (s, end) = meeting();
    let md = minutes(&s, end, Lang::Zh);
    let results = section(&md, "## 五、测评结果\n");
    assert!(
        results.starts_with("\n测评结果已在会上公布。\n"),
        "{results}"
    );
    let parks = &results[results.find("### 园区\n").expect("园区")..];
    let streets = &results[results.find("### 街道\n").expect("街道")..];
    assert!(
        results.find("### 园区") < results.find("### 街道"),
        "agenda order"
    );
    let parks = table_rows(parks);
    let streets = table_rows(streets);
    assert_eq!(
        parks[0],
        [
            "名次",
            "总排名",
            "单位",
            "得分",
            "等次",
            "较上期",
            "扣分",
            "备注"
        ]
    );
    assert_eq!(
        parks[1],
        [
            "---:", "---:", ":---", "---:", ":---", "---:", "---:", ":---"
        ]
    );
    // 名次 within the category, 总排名 overall; 较上期 within the category.
    assert_eq!(
        parks[2][..7],
        ["1", "1", "经开区", "93.50", "好", "↑1", "0.00"]
    );
    assert_eq!(
        parks[3][..7],
        ["2", "3", "高新区", "86.50", "较好", "↓1", "0.00"]
    );
    assert_eq!(parks.len(), 4, "two parks: {parks:?}");
    assert_eq!(streets[2][..6], ["1", "2", "城西街道", "90.50", "好", "↑1"]);
    assert_eq!(
        streets[3][..6],
        ["2", "4", "城东街道", "83.50", "较好", "↓1"]
    );
    assert_eq!(
        streets[4][..6],
        ["3", "5", "城南街道", "73.00", "一般", "新"]
    );
    assert_eq!(streets.len(), 5);
    // Internal: who was trimmed is named.
    assert!(
        parks[2][7].contains("金玉") || parks[2][7].contains("胡为民"),
        "{parks:?}"
    );

    // English: the same tables in English words.
    let en = minutes(&s, end, Lang::En);
    let results = section(&en, "## 5. Evaluation results\n");
    let parks = table_rows(&results[results.find("### 园区\n").expect("园区")..]);
    assert_eq!(
        parks[0],
        [
            "Rank", "Overall", "Unit", "Score", "Band", "Change", "Penalty", "Notes"
        ]
    );
    assert_eq!(parks[2][..6], ["1", "1", "经开区", "93.50", "好", "↑1"]);
}

#[test]
fn without_an_overall_rank_or_a_round_before_the_columns_go() {
    let text = PLAN.replace("\"trim\": 1,", "\"trim\": 1, \"overall_rank\": false,");
    let plan = podium::planfile::parse("p.json", &text, Lang::Zh)
        .expect("the plan loads")
        .plan;
    let mut s = Session::new(plan);
    let mut entries = Vec::new();
    for (unit, totals) in SCORES {
        for (reviewer, total) in ["梁晗鹍", "金玉", "潘功发", "胡为民"].iter().zip(totals)
        {
            entries.push(ScoreEntry {
                unit: unit.into(),
                reviewer: (*reviewer).into(),
                criterion: "总分".into(),
                value: total * podium::scoring::ONE,
            });
        }
    }
    run(&mut s, Command::SetScores { entries }, t0());
    let md = minutes(&s, t0(), Lang::Zh);
    let results = section(&md, "## 五、测评结果\n");
    assert!(results.contains("测评结果未在会上公布。"), "{results}");
    let parks = table_rows(&results[results.find("### 园区\n").expect("园区")..]);
    assert_eq!(parks[0], ["名次", "单位", "得分", "等次", "扣分", "备注"]);
}

#[test]
fn the_public_minutes_name_no_reviewer_who_made_no_remark() {
    let (s, end) = meeting();
    for lang in [Lang::Zh, Lang::En] {
        let internal = minutes_for(&s, end, lang, false);
        let public = minutes_for(&s, end, lang, true);
        for name in SILENT {
            assert!(
                internal.contains(name),
                "{name} in the internal minutes ({lang:?}):\n{internal}"
            );
            assert!(
                !public.contains(name),
                "{name} in the public minutes ({lang:?}):\n{public}"
            );
        }
        // Remarks keep their speakers; the results keep ranks, finals, bands and changes.
        assert!(public.contains("梁晗鹍"), "{public}");
        assert!(
            public.contains("| 1 | 1 | 经开区 | 93.50 | 好 | ↑1 |"),
            "{public}"
        );
        for heading in ["## 附件：评分明细", "## Appendix: score sheets"] {
            assert!(!public.contains(heading), "{public}");
        }
    }
    // The trimming said without names; no individual total anywhere (胡为民's 80 for 经开区,
    // 梁晗鹍's 95).
    let public = minutes_for(&s, end, Lang::Zh, true);
    assert!(public.contains("去掉最高分和最低分"), "{public}");
    let results = section(&public, "## 五、测评结果\n");
    for total in ["| 95 |", "| 80 |", "95.00", "80.00"] {
        assert!(!results.contains(total), "{total} in:\n{results}");
    }
    let internal = minutes_for(&s, end, Lang::Zh, false);
    let sheets = section(&internal, "## 附件：评分明细\n");
    assert!(sheets.contains("| 胡为民 | 80 | 80 |"), "{sheets}");
}

#[test]
fn the_english_minutes_have_the_same_structure() {
    let (s, end) = meeting();
    let en = minutes(&s, end, Lang::En);
    let headings = [
        "## 1. Overview\n",
        "## 2. Reports and agenda items heard\n",
        "## 3. Remarks and speeches\n",
        "## 4. Decisions and follow-up tasks\n",
        "## 5. Evaluation results\n",
        "## Appendix: score sheets\n",
        "## Appendix: timing\n",
    ];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| en.find(h).unwrap_or_else(|| panic!("{h:?} in:\n{en}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{en}");
    let ended = end.format("%H:%M").to_string();
    for line in [
        format!("- Time: 30 May 2026, 09:00–{ended}\n"),
        "2. **经开区**: Presenter: 王磊 (党工委书记); Topic: 招商引资攻坚; took 8 min 36 s, 36 s over\n".into(),
        "**梁晗鹍 (常务副区长)** remarked:\n".into(),
        "- On 经开区: 招商引资成效明显".into(),
        "  - Due: 30 June 2026; Status: open; Leader: 梁晗鹍\n".into(),
    ] {
        assert!(en.contains(&line), "{line:?} in:\n{en}");
    }
    let timing = table_rows(section(&en, "## Appendix: timing\n"));
    assert_eq!(timing[3][2..5], ["8 min", "8 min 36 s", "36 s"]);
}

#[test]
fn a_meeting_not_yet_begun_gives_its_planned_day_and_start() {
    let text = r#"{"title": "交流汇报会", "date": "2026-06-01", "start": "14:30",
        "units": [{"name": "城东街道"}, {"name": "城西街道"}]}"#;
    let p = podium::planfile::parse("p.json", text, Lang::Zh)
        .unwrap()
        .plan;
    let s = Session::new(p);
    let md = minutes(&s, t0(), Lang::Zh);
    assert!(md.contains("- 时间：2026年6月1日 14:30\n"), "{md}");
    assert!(md.contains("## 二、会议听取了以下汇报\n"), "{md}");
    assert!(md.contains("## 三、点评与讲话要点\n\n无。\n"), "{md}");
    assert!(!md.contains("## 五、"), "nothing scored: {md}");
    let en = minutes(&s, t0(), Lang::En);
    assert!(en.contains("- Time: 1 June 2026, 14:30\n"), "{en}");
}

/// Two groups, one of only two scorers, and a sheet left half done: the internal minutes
/// give each group's score and name whose sheet is incomplete; the public minutes give no
/// group score (the two leaders' own scores could be read from it) and name no reviewer.
#[test]
fn public_minutes_drop_the_scores_of_a_small_group_and_the_names_in_notes() {
    let text = r#"{
      "version": 4,
      "title": "交流汇报会",
      "units": [{"name": "城东街道"}, {"name": "城西街道"}],
      "reviewers": [
        {"name": "甲领导", "group": "领导"}, {"name": "乙领导", "group": "领导"},
        {"name": "丙代表", "group": "代表"}, {"name": "丁代表", "group": "代表"},
        {"name": "戊代表", "group": "代表"}, {"name": "己代表", "group": "代表"}
      ],
      "scoring": {
        "criteria": [{"name": "内容", "max": 50}, {"name": "表达", "max": 50}],
        "groups": [{"name": "领导", "weight": 50}, {"name": "代表", "weight": 50}]
      }
    }"#;
    let plan = podium::planfile::parse("p.json", text, Lang::Zh)
        .expect("the plan loads")
        .plan;
    let mut s = Session::new(plan);
    let mut entries = Vec::new();
    let sheet = |unit: &str, reviewer: &str, criterion: &str, v: i64| ScoreEntry {
        unit: unit.into(),
        reviewer: reviewer.into(),
        criterion: criterion.into(),
        value: v * podium::scoring::ONE,
    };
    for unit in ["城东街道", "城西街道"] {
        for (i, reviewer) in ["甲领导", "乙领导", "丙代表", "丁代表", "戊代表"]
            .into_iter()
            .enumerate()
        {
            entries.push(sheet(unit, reviewer, "内容", 40 + i as i64));
            entries.push(sheet(unit, reviewer, "表达", 40));
        }
    }
    entries.push(sheet("城东街道", "己代表", "内容", 45));
    run(&mut s, Command::SetScores { entries }, t0());
    let internal = minutes_for(&s, t0(), Lang::Zh, false);
    let public = minutes_for(&s, t0(), Lang::Zh, true);
    let rows = table_rows(section(&internal, "## 五、测评结果\n"));
    assert_eq!(
        rows[0],
        ["名次", "单位", "得分", "扣分", "领导", "代表", "备注"]
    );
    let east = rows.iter().find(|r| r[1] == "城东街道").expect("城东街道");
    assert_eq!(east[4..6], ["80.50", "83.00"], "{rows:?}");
    assert!(east[6].contains("己代表评分不完整"), "{east:?}");
    let rows = table_rows(section(&public, "## 五、测评结果\n"));
    let east = rows.iter().find(|r| r[1] == "城东街道").expect("城东街道");
    assert_eq!(east[2], "81.75", "the final stays: {rows:?}");
    assert_eq!(east[4..6], ["—", "—"], "{rows:?}");
    for name in ["甲领导", "乙领导", "丙代表", "丁代表", "戊代表", "己代表"] {
        assert!(internal.contains(name), "{name} in:\n{internal}");
        assert!(!public.contains(name), "{name} in:\n{public}");
    }
}

/// With `PODIUM_EXTERNAL=1` (`.ci/run` installs pandoc): the minutes converted to HTML keep
/// their tables, numbers aligned right. Skipped (and says so) without it.
#[test]
fn pandoc_keeps_the_tables() {
    if !common::external::needs("pandoc") {
        return;
    }
    let (s, end) = meeting();
    let md = minutes(&s, end, Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("minutes.md");
    std::fs::write(&input, &md).unwrap();
    let out = std::process::Command::new("pandoc")
        .arg(&input)
        .args(["-f", "markdown", "-t", "html"])
        .output()
        .expect("pandoc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8_lossy(&out.stdout);
    // The two category tables, the score sheets and the timing: every table survives.
    assert_eq!(
        html.matches("<table").count(),
        md.matches("\n| :--- |").count() + md.matches("\n| ---: |").count(),
        "{html}"
    );
    assert!(html.contains("text-align: right"), "{html}");
    assert!(html.contains(">93.50<"), "{html}");
    assert!(html.contains(">8分36秒<"), "{html}");
}

/// 并列 in a category's table is a tie within the category: two units level overall but in
/// different categories are not 并列 there; two level in one category are.
#[test]
fn a_tie_is_said_within_the_category() {
    let text = r#"{
      "title": "交流汇报会",
      "units": [
        {"name": "经开区", "category": "园区"}, {"name": "高新区", "category": "园区"},
        {"name": "城东街道", "category": "街道"}, {"name": "城西街道", "category": "街道"}
      ],
      "reviewers": [{"name": "甲"}]
    }"#;
    let plan = podium::planfile::parse("p.json", text, Lang::Zh)
        .expect("the plan loads")
        .plan;
    let mut s = Session::new(plan);
    let entries = [
        ("经开区", 90),
        ("高新区", 85),
        ("城东街道", 90),
        ("城西街道", 90),
    ]
    .into_iter()
    .map(|(unit, v)| ScoreEntry {
        unit: unit.into(),
        reviewer: "甲".into(),
        criterion: "总分".into(),
        value: v * podium::scoring::ONE,
    })
    .collect();
    run(&mut s, Command::SetScores { entries }, t0());
    let md = minutes(&s, t0(), Lang::Zh);
    let results = section(&md, "## 五、测评结果\n");
    let parks = table_rows(&results[results.find("### 园区\n").expect("园区")..]);
    let streets = table_rows(&results[results.find("### 街道\n").expect("街道")..]);
    assert_eq!(parks[2][2], "经开区");
    assert!(!parks[2].last().unwrap().contains("并列"), "{parks:?}");
    for row in &streets[2..] {
        assert_eq!(row[0], "1", "{streets:?}");
        assert!(row.last().unwrap().contains("并列"), "{streets:?}");
    }
}
