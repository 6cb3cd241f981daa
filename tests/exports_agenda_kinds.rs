//! Agenda items of every kind in what leaves the room (issue 16): a plan with a briefing, two
//! 汇报单位, a written notice, the reviewers' comments and a leader's speech, with 出席, 列席
//! and 记录. The minutes name every item with its kind, count only the 汇报单位, time a speech
//! without overtime and a written item not at all, and give no 缺评 or score to anything but
//! a 汇报单位; the workbook's 排名 holds the 汇报单位 only. A meeting that does not score
//! (`scoring.mode: "none"`) has no 评分 or 排名 anywhere, no CSV, and no 缺评. `podium check`
//! counts the agenda by kind and `podium scores` refuses a row naming a speech, and a whole
//! sheet for a meeting that does not score — in the meeting's language.

mod common {
    pub mod forks;
}

use calamine::{Data, Reader};
use chrono::{DateTime, Duration};
use podium::commands::ReportFormat;
use podium::commands::report::render;
use podium::planfile;
use podium::session::{Command, RemarkKind, ScoreEntry, Session, Time};
use podium::strings::Lang;
use std::path::Path;
use std::process::Output;

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-05-30T09:00:00+08:00").unwrap()
}

/// The agenda: a briefing, two 汇报单位, a written notice, the comments, a speech.
fn plan_text(mode: &str) -> String {
    format!(
        r#"{{
  "version": 2,
  "title": "全市重点工作推进会",
  "date": "2026-05-30",
  "venue": "市行政中心第一会议室",
  "host": "市长",
  "attendees": ["市委书记", "市长", "市委副书记"],
  "observers": ["各县区主要负责人", "市直各部门主要负责人"],
  "recorder": "市委办公室秘书科",
  "talk_minutes": 8,
  "units": [
    {{"name": "传达学习省委会议精神", "kind": "briefing", "minutes": 5, "presenter": "市委秘书长"}},
    {{"name": "市财政局", "presenter": "党组书记"}},
    {{"name": "市交通运输局", "presenter": "党组书记"}},
    {{"name": "一季度督查情况", "kind": "written"}},
    {{"name": "集中点评", "kind": "comments"}},
    {{"name": "市委书记讲话", "kind": "speech", "minutes": 20, "presenter": "市委书记"}}
  ],
  "reviewers": [{{"name": "评委甲"}}, {{"name": "评委乙"}}],
  "scoring": {{"mode": "{mode}"}}
}}"#
    )
}

fn plan(mode: &str) -> podium::plan::Plan {
    planfile::parse("plan.json", &plan_text(mode), Lang::Zh)
        .expect("the plan loads")
        .plan
}

fn run(s: &mut Session, command: Command, at: Time) {
    let events = s
        .decide(&command, at)
        .unwrap_or_else(|r| panic!("{command:?}: {r:?}"));
    s.commit(events);
}

/// The whole meeting: every item taken in order; the speech runs 25 minutes (5 past its soft
/// limit of 20), 市交通运输局 has no scores, 市财政局 one reviewer's score; a remark on the
/// speech. Returns the session and the time it ended.
fn meeting(mode: &str) -> (Session, Time) {
    let mut s = Session::new(plan(mode));
    let mut now = t0();
    // Minutes each item talks: the briefing 4, the reports 9 (one over), the written notice
    // none, the comments 6, the speech 25.
    for minutes in [4, 9, 7, 0, 6, 25] {
        let written = minutes == 0;
        if !written {
            run(&mut s, Command::ToggleTalk, now);
            now += Duration::minutes(minutes);
        }
        run(&mut s, Command::Next, now);
        now += Duration::seconds(30);
    }
    run(
        &mut s,
        Command::AddRemark {
            unit: Some("市委书记讲话".into()),
            reviewer: "记录员".into(),
            text: "要求各单位对账销号".into(),
            kind: RemarkKind::Task,
        },
        now,
    );
    if mode == "points" {
        run(
            &mut s,
            Command::SetScores {
                entries: vec![ScoreEntry {
                    unit: "市财政局".into(),
                    reviewer: "评委甲".into(),
                    criterion: "总分".into(),
                    value: 90 * podium::scoring::ONE,
                }],
            },
            now,
        );
    }
    if !s.state().is_ended() {
        run(&mut s, Command::EndMeeting, now);
    }
    (s, now)
}

fn text(s: &Session, format: ReportFormat, now: Time, lang: Lang) -> String {
    String::from_utf8(render(s, format, now, lang).expect("rendered")).expect("UTF-8")
}

/// The section of the minutes under `### N. `, up to the next heading.
fn item<'a>(md: &'a str, heading_start: &str) -> &'a str {
    let at = md
        .find(heading_start)
        .unwrap_or_else(|| panic!("{heading_start} in:\n{md}"));
    let rest = &md[at..];
    let body = rest.find('\n').unwrap_or(rest.len());
    let end = rest[body..].find("\n#").map_or(rest.len(), |e| e + body);
    &rest[..end]
}

/// The row of the minutes' timing table (附件：计时) whose second cell is `name`.
fn timing_row(md: &str, name: &str) -> Vec<String> {
    let at = md
        .find("## 附件：计时")
        .or_else(|| md.find("## Appendix: timing"))
        .unwrap_or_else(|| panic!("a timing table in:\n{md}"));
    md[at..]
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|row| row.get(1).is_some_and(|c| c == name))
        .unwrap_or_else(|| panic!("{name} in the timing table:\n{md}"))
}

#[test]
fn the_minutes_name_the_roles_and_every_item_with_its_kind() {
    let (s, now) = meeting("points");
    let md = text(&s, ReportFormat::Md, now, Lang::Zh);
    for line in [
        "- 时间：2026年5月30日 9:00—9:54\n",
        "- 地点：市行政中心第一会议室\n",
        "- 主持：市长\n",
        "- 出席：市委书记、市长、市委副书记\n",
        "- 列席：各县区主要负责人、市直各部门主要负责人\n",
        "- 记录：市委办公室秘书科\n",
        "议程 6 项：汇报单位 2 个、讲话 1 个、通报 1 个、书面通报 1 个、集中点评 1 个\n",
        "## 二、会议听取了以下汇报和议程\n",
        "1. **传达学习省委会议精神**（通报）：通报人：市委秘书长；用时 4分钟\n",
        "2. **市财政局**：汇报人：党组书记；用时 9分钟，超时 1分钟\n",
        "4. **一季度督查情况**（书面通报）：已宣读\n",
        // A name that ends with its kind is not followed by it again.
        "5. **集中点评**：用时 6分钟\n",
        // A speech: its time, never overtime.
        "6. **市委书记讲话**：讲话人：市委书记；用时 25分钟\n",
    ] {
        assert!(md.contains(line), "{line:?} in:\n{md}");
    }
    assert!(
        !md.contains("会议听取了以下汇报\n"),
        "not every item is a 汇报单位:\n{md}"
    );
    // The briefing counts down like a talk: its limit and overtime are given.
    assert_eq!(
        timing_row(&md, "传达学习省委会议精神（通报）")[2..5],
        ["5分钟", "4分钟", "—"]
    );
    // The speech ran 5 minutes past its soft limit: its time, never overtime.
    let speech = timing_row(&md, "市委书记讲话");
    assert_eq!(speech[2..5], ["约20分钟", "25分钟", "—"]);
    // The task raised during the speech is the ledger's: in the task list, under no owner
    // (a speech owns no task), with who handed it down — not among the remarks.
    let remarks = item(&md, "## 三、");
    assert!(!remarks.contains("要求各单位对账销号"), "{remarks}");
    let tasks = &md[md.find("## 四、议定事项").expect("a task list")..];
    assert!(
        tasks.contains(
            "### 未明确责任单位\n\n- 要求各单位对账销号\n  - 状态：未启动；提出人：记录员\n"
        ),
        "{tasks}"
    );
    // The written item: “已宣读”, no talk time, no limit, no overtime.
    let written = timing_row(&md, "一季度督查情况（书面通报）");
    assert_eq!(written[2..5], ["—", "—", "—"]);
    assert_eq!(written[7], "已宣读");
    // The results: the two 汇报单位 only; 缺评 for the unscored one, for nothing else.
    let ranking = item(&md, "## 五、测评结果");
    assert!(ranking.contains("市财政局") && ranking.contains("市交通运输局"));
    for other in ["讲话", "集中点评", "督查", "传达"] {
        assert!(!ranking.contains(other), "{other} ranked:\n{ranking}");
    }
    assert_eq!(md.matches("缺评").count(), 1, "{md}");

    let en = text(&s, ReportFormat::Md, now, Lang::En);
    for line in [
        "- Attending: 市委书记, 市长, 市委副书记\n",
        "- Minutes by: 市委办公室秘书科\n",
        "6 agenda items: 2 units, 1 speech, 1 briefing, 1 written notice, 1 round of comments\n",
        "5. **集中点评** (reviewers' comments): took 6 min\n",
        "6. **市委书记讲话** (speech): Speaker: 市委书记; took 25 min\n",
        "4. **一季度督查情况** (written notice): announced\n",
    ] {
        assert!(en.contains(line), "{line:?} in:\n{en}");
    }
    assert_eq!(
        timing_row(&en, "市委书记讲话 (speech)")[2..5],
        ["about 20 min", "25 min", "—"]
    );
}

#[test]
fn an_agenda_of_units_only_keeps_its_minutes_as_they_were() {
    let text_ = r#"{"title": "交流汇报会", "date": "2026-06-01", "start": "14:30",
        "units": [{"name": "城东街道"}, {"name": "城西街道"}]}"#;
    let p = planfile::parse("p.json", text_, Lang::Zh).unwrap().plan;
    let s = Session::new(p);
    let md = text(&s, ReportFormat::Md, t0(), Lang::Zh);
    assert!(
        md.contains("- 时间：2026年6月1日 14:30\n"),
        "not yet begun: {md}"
    );
    assert!(md.contains("\n汇报单位 2 个\n"), "{md}");
    assert!(md.contains("## 二、会议听取了以下汇报\n"), "{md}");
    assert!(md.contains("1. **城东街道**：待汇报\n"), "{md}");
    for role in ["出席", "列席", "记录："] {
        assert!(!md.contains(role), "{role} without one in the plan:\n{md}");
    }
}

#[test]
fn the_record_and_the_workbook_rank_and_score_the_units_only() {
    let (s, now) = meeting("points");
    let record: serde_json::Value =
        serde_json::from_str(&text(&s, ReportFormat::Json, now, Lang::Zh)).unwrap();
    assert_eq!(record["meeting"]["reports"], 2);
    assert_eq!(record["meeting"]["recorder"], "市委办公室秘书科");
    assert_eq!(record["units"][5]["kind"], "speech");
    assert_eq!(record["units"][5]["overtime_seconds"], 0);
    assert!(record["units"][5]["result"].is_null());
    assert_eq!(record["ranking"].as_array().unwrap().len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.xlsx");
    std::fs::write(
        &path,
        render(&s, ReportFormat::Xlsx, now, Lang::Zh).unwrap(),
    )
    .unwrap();
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["排名", "评分", "点评", "计时", "交办"]);
    let ranking = book.worksheet_range("排名").unwrap();
    // The title row and the header, then the units.
    let units: Vec<String> = ranking
        .rows()
        .skip(2)
        .map(|row| row[1].to_string())
        .collect();
    assert_eq!(units.len(), 2, "{units:?}");
    assert!(units.contains(&"市财政局".to_string()), "{units:?}");
    assert!(units.contains(&"市交通运输局".to_string()), "{units:?}");

    // 计时: every item with its kind; the speech with its time and no overtime, the written
    // item with none at all.
    let timing = book.worksheet_range("计时").unwrap();
    // Under the title row: the header and six items; durations are Excel times (days).
    let rows: Vec<&[Data]> = timing.rows().skip(1).collect();
    assert_eq!(rows.len(), 7, "a header and six items");
    assert_eq!(rows[0][9], Data::String("类型".into()));
    let seconds = |d: &Data| match d {
        Data::DateTime(t) => Some((t.as_f64() * 86_400.0).round()),
        _ => None,
    };
    let speech = rows[6];
    assert_eq!(speech[1], Data::String("市委书记讲话".into()));
    assert_eq!(speech[9], Data::String("讲话".into()));
    assert_eq!(seconds(&speech[4]), Some(1200.0), "the soft limit");
    assert_eq!(seconds(&speech[5]), Some(1500.0), "the time it took");
    assert_eq!(speech[6], Data::Empty, "never overtime");
    let written = rows[4];
    assert_eq!(written[9], Data::String("书面通报".into()));
    assert_eq!(written[4..7], [Data::Empty, Data::Empty, Data::Empty]);
    let report = rows[2];
    assert_eq!(seconds(&report[6]), Some(60.0), "a 汇报单位 a minute over");
}

#[test]
fn a_meeting_that_does_not_score_has_no_scores_ranking_or_missing_scores_anywhere() {
    let (s, now) = meeting("none");
    let record: serde_json::Value =
        serde_json::from_str(&text(&s, ReportFormat::Json, now, Lang::Zh)).unwrap();
    assert_eq!(record["meeting"]["scoring_mode"], "none");
    assert!(record["ranking"].as_array().unwrap().is_empty());
    assert!(record["units"][1]["result"].is_null());

    for lang in [Lang::Zh, Lang::En] {
        let md = text(&s, ReportFormat::Md, now, lang);
        for word in ["缺评", "no scores", "排名", "Ranking", "评委", "Reviewer |"] {
            assert!(!md.contains(word), "{word} in:\n{md}");
        }
        // Remarks, tasks and timing are all there.
        assert!(md.contains("要求各单位对账销号"), "{md}");
        assert!(md.contains("09:00:00"), "{md}");

        let csv = render(&s, ReportFormat::Csv, now, lang).unwrap_err();
        assert!(csv.contains("--format md"), "{csv}");
        assert_eq!(
            csv.contains("不评分"),
            lang == Lang::Zh,
            "in the meeting's language: {csv}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.xlsx");
    std::fs::write(
        &path,
        render(&s, ReportFormat::Xlsx, now, Lang::Zh).unwrap(),
    )
    .unwrap();
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["点评", "计时", "交办"]);
    for name in book.sheet_names() {
        let sheet = book.worksheet_range(&name).unwrap();
        for row in sheet.rows() {
            for cell in row {
                assert!(!cell.to_string().contains("缺评"), "{name}: {row:?}");
            }
        }
    }

    // Ctrl+E's exports beside the session: the workbook and the minutes (Markdown and Word),
    // no CSV, no failure.
    let session_path = dir.path().join("plan.session.json");
    let files =
        podium::report::export::export_beside(&session_path, &s, now, Lang::Zh).expect("exported");
    let mut exts: Vec<String> = files
        .iter()
        .map(|p| p.extension().unwrap().to_string_lossy().into_owned())
        .collect();
    exts.sort();
    assert_eq!(exts, ["docx", "md", "xlsx"]);
}

// ---------------------------------------------------------------------------------------
// The command line: `podium check` and `podium scores`
// ---------------------------------------------------------------------------------------

/// The real binary with a neutral locale, started through `common::forks` (a test here holds
/// a writer of its own).
fn podium(args: &[&str], dir: &Path) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_podium"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG");
    common::forks::output(&mut command)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn podium_check_counts_the_agenda_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), plan_text("points")).unwrap();
    let zh = podium(&["check", "plan.json"], dir.path());
    assert!(zh.status.success(), "{}", err(&zh));
    let said = out(&zh);
    // Planned: the briefing 5, two talks of 8, the written notice nothing, the comments
    // nothing (no soft limit), the speech its soft limit of 20: 41 minutes.
    assert!(
        said.contains(
            "议程 6 项：汇报单位 2 个、讲话 1 个、通报 1 个、书面通报 1 个、集中点评 1 个，计划用时 41:00\n"
        ),
        "{said}"
    );
    assert!(said.contains("评分方式：打分\n"), "{said}");
    assert!(
        said.contains("出席：市委书记、市长、市委副书记\n"),
        "{said}"
    );
    assert!(
        said.contains("列席：各县区主要负责人、市直各部门主要负责人\n"),
        "{said}"
    );
    assert!(said.contains("记录：市委办公室秘书科\n"), "{said}");

    let en = out(&podium(&["check", "plan.json", "--lang", "en"], dir.path()));
    assert!(
        en.contains("6 agenda items: 2 units, 1 speech, 1 briefing, 1 written notice, 1 round of comments; 41:00 planned\n"),
        "{en}"
    );

    std::fs::write(dir.path().join("none.json"), plan_text("none")).unwrap();
    let none = out(&podium(&["check", "none.json"], dir.path()));
    assert!(none.contains("评分方式：不评分\n"), "{none}");
}

#[test]
fn podium_check_of_a_session_counts_its_units_only() {
    let dir = tempfile::tempdir().unwrap();
    let (s, now) = meeting("points");
    let path = dir.path().join("plan.session.json");
    {
        let _no_process_starts = common::forks::exclusive();
        let mut writer = podium::store::Writer::create(&path, s.plan().clone(), t0()).unwrap();
        writer.execute(&Command::ToggleTalk, t0()).unwrap();
        writer.close(now).unwrap();
    }
    let said = out(&podium(&["check", "plan.session.json"], dir.path()));
    assert!(said.contains("2 个汇报单位"), "{said}");
}

#[test]
fn podium_scores_refuses_a_row_naming_a_speech_with_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), plan_text("points")).unwrap();
    std::fs::write(
        dir.path().join("scores.csv"),
        "单位,评委,指标,得分\n市财政局,评委甲,总分,90\n市委书记讲话,评委甲,总分,95\n",
    )
    .unwrap();
    let o = podium(&["scores", "plan.json", "scores.csv"], dir.path());
    assert!(!o.status.success(), "refused: {}", out(&o));
    let said = err(&o);
    assert!(
        said.contains("scores.csv:3:A: “市委书记讲话”不是汇报单位"),
        "row 3, column A: {said}"
    );
    assert!(!said.contains(":2:"), "the good row is not refused: {said}");
    assert!(
        !dir.path().join("plan.session.json").exists(),
        "nothing written"
    );

    let o = podium(
        &["scores", "plan.json", "scores.csv", "--lang", "en"],
        dir.path(),
    );
    assert!(
        err(&o).contains("“市委书记讲话” is not a reporting unit"),
        "{}",
        err(&o)
    );
}

#[test]
fn podium_scores_refuses_the_sheet_of_a_meeting_that_does_not_score_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), plan_text("none")).unwrap();
    std::fs::write(
        dir.path().join("scores.csv"),
        "单位,评委,指标,得分\n市财政局,评委甲,总分,90\n市交通运输局,评委甲,总分,85\n",
    )
    .unwrap();
    let o = podium(&["scores", "plan.json", "scores.csv"], dir.path());
    assert!(!o.status.success(), "refused: {}", out(&o));
    let said = err(&o);
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
    assert!(
        said.contains("scores.csv：本场会议不评分（计划的评分方式为“不评分”），不导入评分表"),
        "{said}"
    );
    assert!(!dir.path().join("plan.session.json").exists());
    let en = err(&podium(
        &["scores", "plan.json", "scores.csv", "--lang", "en"],
        dir.path(),
    ));
    assert!(
        en.contains("scores.csv: this meeting does not score") && !en.contains('，'),
        "{en}"
    );
}

#[test]
fn a_grades_sheet_naming_a_briefing_is_refused_at_its_unit_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.json"), plan_text("grades")).unwrap();
    std::fs::write(
        dir.path().join("ballots.csv"),
        "单位,等次,票数\n市财政局,优秀,3\n传达学习省委会议精神,良好,2\n",
    )
    .unwrap();
    let o = podium(&["scores", "plan.json", "ballots.csv"], dir.path());
    assert!(!o.status.success(), "refused: {}", out(&o));
    let said = err(&o);
    assert!(
        said.contains("ballots.csv:3:A: “传达学习省委会议精神”不是汇报单位"),
        "row 3, column A: {said}"
    );
    assert!(!said.contains(":2:"), "the good row is not refused: {said}");
    assert!(!dir.path().join("plan.session.json").exists());
}

/// A meeting stopped half-way: the running speech is 进行中 and the written item not yet read
/// is 待宣读, in the minutes and the 计时 sheet; neither is called a talk (汇报中, 待汇报).
#[test]
fn items_that_are_not_talks_have_their_own_status_words() {
    let mut s = Session::new(plan("points"));
    let mut now = t0();
    for _ in 0..2 {
        run(&mut s, Command::ToggleTalk, now);
        now += Duration::minutes(3);
        run(&mut s, Command::Next, now);
    }
    let pos = s.state().position("市委书记讲话").expect("listed");
    let speech = s.state().units[pos].name.clone();
    run(&mut s, Command::SetCurrent { unit: speech }, now);
    run(&mut s, Command::ToggleTalk, now);
    now += Duration::minutes(2);
    let md = text(&s, ReportFormat::Md, now, Lang::Zh);
    assert!(
        md.contains("4. **一季度督查情况**（书面通报）：待宣读\n"),
        "{md}"
    );
    assert_eq!(timing_row(&md, "一季度督查情况（书面通报）")[7], "待宣读");
    assert!(
        md.contains("6. **市委书记讲话**：讲话人：市委书记；用时 2分钟；进行中\n"),
        "{md}"
    );
    assert_eq!(timing_row(&md, "市委书记讲话")[7], "进行中");
    assert!(
        md.contains("3. **市交通运输局**：汇报人：党组书记；待汇报\n"),
        "{md}"
    );
    assert_eq!(timing_row(&md, "市交通运输局")[7], "待汇报");
    assert!(!md.contains("汇报中"), "{md}");
}
