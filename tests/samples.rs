//! The sample plans in `data/` (issue 16): the five real meetings podium was built for, as the
//! news reports of them tell them, with agenda items of every kind, and the two older samples.
//!
//! - Every `data/*.json` passes `podium check` (the built binary), and its summary counts as
//!   汇报单位 exactly the plan's `report` items.
//! - Each seed sample is run through its whole agenda in the real console in a pseudo-terminal
//!   (`Space` to start, `n` for the next item), with `podium display` following the same session
//!   in a second one: the console counts the plan's `report` items as 汇报单位; a speech or the
//!   comments never show a countdown, a warning or overtime on the console, and nothing of a
//!   timer on the display; a written item ends `done`, never `skipped`; `v` lists report items
//!   only (and nothing in a meeting that does not score); Daguan's grades are refused for a
//!   speech and taken for its 11 reports; `podium report` ranks `report` items only, in the
//!   JSON record and in the CSV ranking.
//! - However long a speech runs: the pty cannot move the console's clock, so a session is made
//!   beforehand whose first speech (or the comments) started two hours ago, and the console and
//!   the display resume it; and in-process, the console's `App` and the display's `draw` are
//!   driven through every sample with a fake clock, each speech running three hours.
//!
//! Every "never shows" is checked against its positive control: a `report` or `briefing` item
//! of the same meeting, at the same moment, does show its countdown.

mod common {
    pub mod pty;
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::pty::{TIMEOUT, Term, copy_plan};
use common::screen::screen_text;
use podium::display::view::{self as display_view, DisplayOptions};
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Command, Session, Status, Time};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The five real meetings the samples follow, one sample each.
const SEEDS: [&str; 5] = [
    "suizhou-five-tasks.json",
    "guangshui-report.json",
    "bengbu-plenary.json",
    "daguan-bishai.json",
    "xining-mobilisation.json",
];

/// For waits on the clock itself: a loaded machine (other builds) can hold a redraw back.
const SLOW: std::time::Duration = std::time::Duration::from_secs(30);

const DISPLAY_COLS: u16 = 80;
const DISPLAY_ROWS: u16 = 24;

/// What a countdown shows on the console: its phases (计时中, 即将到时, 时间到, 已超时) and the
/// overtime column's figure. The agenda's column heading 超时 is not counted.
const CONSOLE_TIMER_WORDS: [&str; 4] = ["计时中", "即将到时", "时间到", "超时"];
/// What a timer shows on the stage display: any phase, the limit, the time used.
const DISPLAY_TIMER_WORDS: [&str; 7] = [
    "计时中",
    "即将到时",
    "时间到",
    "超时",
    "时限",
    "剩余",
    "已用时",
];

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// One agenda item of a plan, read from its JSON (not through podium's own parser).
#[derive(Debug, Clone)]
struct Item {
    name: String,
    /// `report` when the plan says nothing.
    kind: String,
}

impl Item {
    fn is_report(&self) -> bool {
        self.kind == "report"
    }
    /// A speech or the comments: elapsed time only, never a countdown.
    fn counts_up(&self) -> bool {
        self.kind == "speech" || self.kind == "comments"
    }
    fn counts_down(&self) -> bool {
        self.kind == "report" || self.kind == "briefing"
    }
}

struct Sample {
    file: String,
    json: Value,
    items: Vec<Item>,
}

impl Sample {
    fn read(file: &str) -> Sample {
        let path = data().join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("data/{file}: {e} (the sample is missing)"));
        let json: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .unwrap_or_else(|e| panic!("data/{file}: {e}"));
        let items = json["units"]
            .as_array()
            .unwrap_or_else(|| panic!("data/{file}: no units"))
            .iter()
            .map(|u| Item {
                name: u["name"].as_str().expect("a unit's name").to_string(),
                kind: u["kind"].as_str().unwrap_or("report").to_string(),
            })
            .collect();
        Sample {
            file: file.to_string(),
            json,
            items,
        }
    }

    fn reports(&self) -> BTreeSet<String> {
        self.items
            .iter()
            .filter(|i| i.is_report())
            .map(|i| i.name.clone())
            .collect()
    }

    fn mode(&self) -> &str {
        self.json["scoring"]["mode"].as_str().unwrap_or("points")
    }

    fn session_name(&self) -> String {
        format!("{}.session.json", self.file.trim_end_matches(".json"))
    }
}

/// Every `*.json` in `data/`, sorted.
fn data_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data())
        .expect("data/")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// `podium ARGS` in `dir` with a Chinese locale; (exit success, stdout, stderr).
fn podium(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PODIUM_LANG")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("podium runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether `text` states `n` 汇报单位; a meeting without any may also not mention them.
fn states_reports(text: &str, n: usize) -> bool {
    match stated_report_count(text) {
        Some(k) => k == n,
        None => n == 0 && !text.contains("汇报单位"),
    }
}

/// The number of 汇报单位 a text states: “汇报单位 7 个”, “汇报单位：7 个” or “7 个汇报单位”.
fn stated_report_count(text: &str) -> Option<usize> {
    const WORD: &str = "汇报单位";
    for (at, _) in text.match_indices(WORD) {
        let after = text[at + WORD.len()..].trim_start_matches([' ', '：', ':', '\u{3000}']);
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && after[digits.len()..]
                .trim_start_matches(' ')
                .starts_with('个')
        {
            return digits.parse().ok();
        }
        let before = text[..at].trim_end_matches(' ');
        if let Some(before) = before.strip_suffix('个') {
            let before = before.trim_end_matches(' ');
            let digits: String = before
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !digits.is_empty() {
                return digits.parse().ok();
            }
        }
    }
    None
}

#[test]
fn the_report_count_reader_reads_every_way_of_saying_it() {
    assert_eq!(
        stated_report_count("汇报单位 7 个，计划用时 56:00"),
        Some(7)
    );
    assert_eq!(stated_report_count("议程 10 项 · 汇报单位：4 个"), Some(4));
    assert_eq!(stated_report_count("共 11 个汇报单位"), Some(11));
    assert_eq!(stated_report_count("当前汇报单位 市财政局"), None);
    assert_eq!(
        used_seconds("│>  2 讲话 区委书记讲话    30:00  00:07 进行中", true),
        Some(7)
    );
    assert_eq!(
        used_seconds("│>  1 讲话 市长讲话  15:00 2:00:10 进行中", true),
        Some(7210)
    );
    assert_eq!(
        used_seconds("│   2 讲话 区长讲话   30:00   未开始", true),
        None
    );
    assert_eq!(
        used_seconds("│>  3 讲话 区长讲话          00:04 进行中", false),
        Some(4)
    );
    assert!(states_reports("议程 2 项：讲话 2 个", 0));
    assert!(!states_reports("议程 2 项：讲话 2 个", 2));
    assert!(!states_reports("议程 8 项：汇报单位 7 个", 8));
    assert!(!states_reports("议程 8 项 · 汇报单位", 0));
}

// ---- podium check --------------------------------------------------------------------------

#[test]
fn every_sample_passes_podium_check_and_counts_its_report_items() {
    let files = data_files();
    for seed in SEEDS {
        assert!(files.iter().any(|f| f == seed), "data/{seed} is missing");
    }
    assert!(files.len() >= 7, "data/ lost samples: {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let sample = Sample::read(file);
        let path = format!("data/{file}");
        let (ok, out, err) = podium(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &["check", &path, "--lang", "zh"],
        );
        if !ok {
            problems.push(format!("{path}: podium check refuses it:\n{err}"));
            continue;
        }
        // No errors, and no warnings either: every sample is written to be clean.
        if !err.trim().is_empty() {
            problems.push(format!("{path}: podium check warns:\n{err}"));
        }
        let title = sample.json["title"].as_str().expect("a title");
        if !out.contains(title) {
            problems.push(format!(
                "{path}: the summary does not name the meeting:\n{out}"
            ));
        }
        let reports = sample.reports().len();
        match stated_report_count(&out) {
            _ if states_reports(&out, reports) => {}
            shown => problems.push(format!(
                "{path}: the summary counts {shown:?} 汇报单位, the plan has {reports} report items \
                 (of {} items):\n{out}",
                sample.items.len()
            )),
        }
        // A meeting that does not score must not be summarised as scoring by points or grades.
        if sample.mode() == "none" && (out.contains("评分方式：打分") || out.contains("等次评议"))
        {
            problems.push(format!(
                "{path}: scoring.mode is none, the summary says otherwise:\n{out}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_seed_samples_are_plan_version_2_with_the_meetings_roles_and_no_real_names() {
    // The real officials named in the five reports: the samples ship with the program, so people
    // are roles or invented names.
    const REAL_NAMES: [&str; 41] = [
        "马泽江",
        "甘国栋",
        "张涛",
        "吴晓军",
        "杨光胜",
        "崔传金",
        "刘秀玲",
        "何庆海",
        "张杰",
        "梁晗鹍",
        "黄俊",
        "王双飞",
        "吴大鹏",
        "王诚",
        "郑东涛",
        "胡启望",
        "潘功发",
        "金玉",
        "洪源源",
        "彭凯",
        "王卫东",
        "石建平",
        "李家成",
        "洛珠南杰",
        "秦武",
        "吴中尧",
        "秦仲鑫",
        "姜晓天",
        "汪俊启",
        "余红松",
        "程亮",
        "江俊杰",
        "刘小平",
        "邱金生",
        "黄城",
        "王刚",
        "馬澤江",
        "張濤",
        "吳曉軍",
        "潘功發",
        "王衛東",
    ];
    let mut scored = Vec::new();
    for file in SEEDS {
        let s = Sample::read(file);
        assert_eq!(
            s.json["version"], 2,
            "data/{file}: uses plan version 2 fields"
        );
        for field in ["title", "date", "host", "recorder"] {
            assert!(
                s.json[field].as_str().is_some_and(|v| !v.trim().is_empty()),
                "data/{file}: {field}"
            );
        }
        assert!(
            s.json["attendees"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            "data/{file}: attendees"
        );
        // Each attendee or observer is one entry: no list separator outside its brackets (the
        // minutes and the console join them with 、, and podium import splits on these).
        for field in ["attendees", "observers"] {
            for entry in s.json[field].as_array().into_iter().flatten() {
                let entry = entry.as_str().expect("a string");
                let mut depth = 0i32;
                for c in entry.chars() {
                    match c {
                        '（' | '(' => depth += 1,
                        '）' | ')' => depth -= 1,
                        '、' | '，' | ',' | '；' | ';' if depth == 0 => {
                            panic!("data/{file}: {field} entry “{entry}” holds a separator")
                        }
                        _ => {}
                    }
                }
            }
        }
        // 主持 is the host, not an agenda item.
        assert!(
            !s.items.iter().any(|i| i.name.contains("主持")),
            "data/{file}: the host's opening is no item"
        );
        let text = serde_json::to_string(&s.json).expect("JSON");
        for name in REAL_NAMES {
            assert!(!text.contains(name), "data/{file} names {name}");
        }
        if s.mode() != "none" {
            scored.push((file, s.mode().to_string()));
        }
    }
    // Four of the five meetings do not score; Daguan's attendees grade the talks on site.
    assert_eq!(
        scored,
        [("daguan-bishai.json", "grades".to_string())],
        "only the 比晒拼创 meeting scores"
    );
    // The Bengbu plenary is speeches only.
    let bengbu = Sample::read("bengbu-plenary.json");
    assert!(bengbu.items.iter().all(|i| i.kind == "speech"));
    // Between them the samples use every kind.
    let kinds: BTreeSet<String> = SEEDS
        .iter()
        .flat_map(|f| Sample::read(f).items)
        .map(|i| i.kind)
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["briefing", "comments", "report", "speech", "written"]
    );
}

// ---- the console and the display in pseudo-terminals ----------------------------------------

/// The status of `item` in the session at `path` as podium reads it (snapshot and journal).
fn status_of(path: &Path, item: &str) -> Option<Status> {
    let session = store::read(path).ok()?;
    let st = session.state();
    st.units.iter().find(|u| u.name == item).map(|u| u.status())
}

fn wait_status(path: &Path, item: &str, want: Status, console: &Term) {
    let end = Instant::now() + TIMEOUT;
    loop {
        let now = status_of(path, item);
        if now == Some(want) {
            return;
        }
        if Instant::now() >= end {
            panic!(
                "waited for {item} to be {want:?} (it is {now:?}); the console shows:\n{}",
                console.screen()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The console's screen without the agenda's column headings (序 单位 计划 用时 状态 超时 点评).
fn without_headings(screen: &str) -> String {
    screen
        .lines()
        .filter(|l| !(l.contains('序') && l.contains("计划") && l.contains("用时")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The countdown words the console shows (outside the column headings).
fn console_timer_words(screen: &str) -> Vec<&'static str> {
    let body = without_headings(screen);
    CONSOLE_TIMER_WORDS
        .into_iter()
        .filter(|w| body.contains(w))
        .collect()
}

/// The timer words and big digits the stage display shows.
fn display_timer_marks(screen: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = DISPLAY_TIMER_WORDS
        .into_iter()
        .filter(|w| screen.contains(w))
        .collect();
    if screen.contains('█') {
        found.push("big digits");
    }
    found
}

/// The agenda row of item `n` (1-based) named `name`, as the console draws it.
fn agenda_row(screen: &str, n: usize, name: &str) -> Option<String> {
    let prefix: String = name.chars().take(3).collect();
    screen
        .lines()
        .find(|l| {
            let l = l.trim_start_matches(['│', '>', ' ']);
            // The number, then (where the agenda has the column) the item's kind, the name.
            l.strip_prefix(&n.to_string()).is_some_and(|rest| {
                rest.starts_with(' ')
                    && rest
                        .split_whitespace()
                        .take(2)
                        .any(|w| w.starts_with(&prefix))
            })
        })
        .map(str::to_string)
}

/// The time used an agenda row shows, in seconds: its first `mm:ss` or `h:mm:ss`, or its second
/// when the row shows a planned time (a speech's soft limit) before it.
fn used_seconds(row: &str, planned: bool) -> Option<i64> {
    row.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .filter_map(|w| {
            let parts: Vec<i64> = w
                .split(':')
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            match parts[..] {
                [m, s] => Some(m * 60 + s),
                [h, m, s] => Some(h * 3600 + m * 60 + s),
                _ => None,
            }
        })
        .nth(usize::from(planned))
}

/// The longest `h:mm:ss` time on a line, in seconds.
fn longest_hours(line: &str) -> Option<i64> {
    line.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .filter_map(|w| {
            let parts: Vec<&str> = w.split(':').collect();
            if parts.len() != 3 {
                return None;
            }
            let n: Vec<i64> = parts
                .iter()
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            Some(n[0] * 3600 + n[1] * 60 + n[2])
        })
        .max()
}

/// The name as a narrow screen can cut it: its first four characters.
fn head(name: &str) -> String {
    name.chars().take(4).collect()
}

fn quit_console(t: &mut Term) {
    t.send("q");
    t.wait_for("退出 podium？", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "the console exited with {status:?}");
}

/// The console's 汇报单位 count, waited for.
fn assert_console_counts_reports(t: &Term, sample: &Sample, when: &str) {
    let reports = sample.reports().len();
    let end = Instant::now() + TIMEOUT;
    loop {
        let screen = t.screen();
        let shown = stated_report_count(&screen);
        if states_reports(&screen, reports) {
            return;
        }
        if Instant::now() >= end {
            panic!(
                "data/{} {when}: the console states {shown:?} 汇报单位, the plan has {reports} \
                 report items of {} (look for “汇报单位 N 个”):\n{screen}",
                sample.file,
                sample.items.len()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// A speech (or the comments) is running: no countdown on the console, no timer on the display.
fn assert_untimed_on_screens(c: &Term, d: &Term, sample: &Sample, n: usize, item: &Item) {
    let screen = c.screen();
    let words = console_timer_words(&screen);
    assert!(
        words.is_empty(),
        "data/{}: the {} “{}” shows {words:?} on the console:\n{screen}",
        sample.file,
        item.kind,
        item.name
    );
    let row = agenda_row(&screen, n, &item.name)
        .unwrap_or_else(|| panic!("no agenda row {n} {}:\n{screen}", item.name));
    assert!(
        !row.contains('+'),
        "data/{}: the {}'s agenda row shows overtime: {row}",
        sample.file,
        item.kind
    );
    d.wait_for(&head(&item.name), TIMEOUT);
    let shown = d.screen();
    let marks = display_timer_marks(&shown);
    assert!(
        marks.is_empty(),
        "data/{}: the {} “{}” shows {marks:?} on the stage display:\n{shown}",
        sample.file,
        item.kind,
        item.name
    );
}

/// A report or briefing is running: the console counts it down (计时中) and the display shows
/// its digits. The positive control of the checks above.
fn assert_countdown_on_screens(c: &Term, d: &Term, item: &Item) {
    c.wait_until(
        &format!("the countdown of {} on the console", item.name),
        TIMEOUT,
        |s| s.contains("计时中"),
    );
    d.wait_until(
        &format!("the countdown of {} on the display", item.name),
        TIMEOUT,
        |s| s.contains(&head(&item.name)) && s.contains('█'),
    );
}

/// Grade tallies for every report item of a grades meeting, the first the best.
fn grade_sheet(sample: &Sample) -> String {
    let mut csv = String::from("单位,等次,票数\n");
    for (i, name) in sample
        .items
        .iter()
        .filter(|i| i.is_report())
        .map(|i| &i.name)
        .enumerate()
    {
        let good = 40 - i;
        csv.push_str(&format!("{name},好,{good}\n{name},较好,{}\n", 10 + i));
        csv.push_str(&format!("{name},一般,3\n{name},差,1\n"));
    }
    csv
}

/// The whole agenda of `file` in the console, the display following: Space starts an item (or
/// marks a written one announced), n ends it; then the record.
fn run_whole_agenda(file: &str) {
    let sample = Sample::read(file);
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_plan(dir.path(), file);
    let session_name = sample.session_name();
    let session = dir.path().join(&session_name);
    let mut c = Term::spawn(dir.path(), &["run", file, "--lang", "zh"]);
    c.wait_for(&head(&sample.items[0].name), TIMEOUT);
    let mut d = Term::spawn_sized(
        dir.path(),
        &["display", &session_name, "--lang", "zh"],
        DISPLAY_COLS,
        DISPLAY_ROWS,
    );
    d.wait_for(&head(&sample.items[0].name), TIMEOUT);

    let mut written_by_space = true;
    for (i, item) in sample.items.iter().enumerate() {
        let n = i + 1;
        if item.kind == "written" {
            // Space marks it announced; undone, n does the same. Never skipped.
            let key = if written_by_space { " " } else { "n" };
            c.send(key);
            wait_status(&session, &item.name, Status::Done, &c);
            if written_by_space {
                c.send("u");
                wait_status(&session, &item.name, Status::Pending, &c);
                c.send("n");
                wait_status(&session, &item.name, Status::Done, &c);
            }
            written_by_space = !written_by_space;
            let row = agenda_row(&c.screen(), n, &item.name);
            assert!(
                row.as_deref().is_some_and(|r| !r.contains("已跳过")),
                "data/{file}: the written item's row: {row:?}"
            );
            continue;
        }
        c.send(" ");
        wait_status(&session, &item.name, Status::Presenting, &c);
        if item.counts_up() {
            // Let the clock run a little, then look at both screens twice.
            let planned = sample.json["units"][i]["minutes"].is_number();
            let used =
                |s: &str| agenda_row(s, n, &item.name).and_then(|r| used_seconds(&r, planned));
            c.wait_until("the elapsed time to move", SLOW, |s| {
                used(s).is_some_and(|t| t >= 1)
            });
            let first = used(&c.screen()).expect("the time used");
            assert_untimed_on_screens(&c, &d, &sample, n, item);
            c.wait_until("the elapsed time to move on", SLOW, |s| {
                used(s).is_some_and(|t| t > first)
            });
            assert_untimed_on_screens(&c, &d, &sample, n, item);
        } else if item.counts_down() {
            assert_countdown_on_screens(&c, &d, item);
        }
        c.send("n");
        wait_status(&session, &item.name, Status::Done, &c);
    }
    // The 汇报单位 count is asserted last (below), so that a console that does not state it
    // yet does not hide what the record says.
    let end_screen = c.screen();
    results_view(&mut c, &sample);
    quit_console(&mut c);
    d.send("q");
    d.wait_exit(TIMEOUT);

    if sample.mode() == "grades" {
        // The attendees' on-site grades, typed up: only report items can be graded.
        let mut speech_sheet = String::from("单位,等次,票数\n");
        let speech = sample
            .items
            .iter()
            .find(|i| !i.is_report())
            .expect("a non-report item");
        speech_sheet.push_str(&format!("{},好,3\n", speech.name));
        std::fs::write(dir.path().join("speech.csv"), speech_sheet).expect("write");
        let (ok, _, err) = podium(dir.path(), &["scores", &session_name, "speech.csv"]);
        assert!(
            !ok,
            "grades for the {} “{}” were taken",
            speech.kind, speech.name
        );
        assert!(err.contains(&speech.name), "{err}");
        std::fs::write(dir.path().join("grades.csv"), grade_sheet(&sample)).expect("write");
        let (ok, out, err) = podium(dir.path(), &["scores", &session_name, "grades.csv"]);
        assert!(ok, "podium scores: {out}\n{err}");
    }
    ranking_csv(dir.path(), &sample);

    let (ok, out, err) = podium(
        dir.path(),
        &["report", &session_name, "--format", "json", "--lang", "zh"],
    );
    assert!(ok, "podium report: {err}");
    let record: Value = serde_json::from_str(&out).expect("the record is JSON");
    check_record(&sample, &record);
    assert!(
        states_reports(&end_screen, sample.reports().len()),
        "data/{file} after the whole agenda: the console's 汇报单位 count (“汇报单位 N 个”) \
         is not the plan's {} report items of {}:\n{end_screen}",
        sample.reports().len(),
        sample.items.len()
    );
}

/// The rows of the console's results view (`╭结果…` to its bottom border), if it is open.
fn results_box(screen: &str) -> Option<String> {
    let mut lines = screen.lines().skip_while(|l| !l.starts_with("╭结果"));
    let first = lines.next()?;
    let rest: Vec<&str> = lines.take_while(|l| !l.starts_with('╰')).collect();
    Some(format!("{first}\n{}", rest.join("\n")))
}

/// `v` in the console: a scoring meeting's results list its report items and nothing else; a
/// meeting that does not score has no results view (and no 缺评 anywhere). Esc closes it.
fn results_view(c: &mut Term, sample: &Sample) {
    c.send("v");
    if sample.mode() == "none" {
        std::thread::sleep(std::time::Duration::from_millis(700));
        let screen = c.screen();
        assert!(
            results_box(&screen).is_none() && !screen.contains("名次") && !screen.contains("缺评"),
            "data/{}: a meeting that does not score shows results on v:\n{screen}",
            sample.file
        );
    } else {
        c.wait_until("the results view", TIMEOUT, |s| {
            results_box(s).is_some_and(|b| b.contains("名次"))
        });
        let screen = c.screen();
        let shown = results_box(&screen).expect("the results view");
        for item in &sample.items {
            let listed = shown.contains(&head(&item.name));
            if item.is_report() {
                assert!(
                    listed,
                    "data/{}: {} not in the results:\n{shown}",
                    sample.file, item.name
                );
            } else {
                assert!(
                    !listed,
                    "data/{}: the {} “{}” is in the results:\n{shown}",
                    sample.file, item.kind, item.name
                );
            }
        }
    }
    c.send("\x1b");
    c.wait_until("the results view to close", TIMEOUT, |s| {
        results_box(s).is_none()
    });
}

/// `podium report --format csv` (the ranking): report items only, every one of them in a
/// meeting that scores; nothing ranked in one that does not.
fn ranking_csv(dir: &Path, sample: &Sample) {
    let session = sample.session_name();
    let (ok, out, err) = podium(
        dir,
        &["report", &session, "--format", "csv", "--lang", "zh"],
    );
    if sample.mode() == "none" {
        // Refused, or a ranking that names no item.
        if ok {
            for item in &sample.items {
                assert!(
                    !out.contains(&item.name),
                    "data/{}: a meeting that does not score ranks “{}”:\n{out}",
                    sample.file,
                    item.name
                );
            }
        }
        assert!(!out.contains("缺评"), "{out}");
        return;
    }
    assert!(ok, "podium report --format csv: {err}");
    // The 单位 column: second, or fourth after 类别, 类别排名 and 总排名.
    let unit = out
        .lines()
        .next()
        .and_then(|h| {
            h.trim_start_matches('\u{feff}')
                .split(',')
                .position(|c| c == "单位")
        })
        .unwrap_or_else(|| panic!("data/{}: a 单位 column:\n{out}", sample.file));
    let ranked: BTreeSet<String> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(unit))
        .map(str::to_string)
        .collect();
    assert_eq!(
        ranked,
        sample.reports(),
        "data/{}: the CSV ranking:\n{out}",
        sample.file
    );
}

/// What the record of a meeting run through its whole agenda must say.
fn check_record(sample: &Sample, record: &Value) {
    let file = &sample.file;
    let units = record["units"].as_array().expect("record.units");
    assert_eq!(units.len(), sample.items.len(), "data/{file}: every item");
    for (u, item) in units.iter().zip(&sample.items) {
        assert_eq!(u["name"], item.name.as_str());
        assert_eq!(u["kind"], item.kind.as_str(), "data/{file}: {}", item.name);
        assert_eq!(u["status"], "done", "data/{file}: {u:#}");
        if !item.is_report() {
            assert!(
                u["result"].is_null(),
                "data/{file}: a {} has no result: {u:#}",
                item.kind
            );
        }
        if item.counts_up() || item.kind == "written" {
            assert_eq!(u["overtime_seconds"], 0, "data/{file}: {u:#}");
        }
        if item.kind == "written" {
            assert_eq!(u["talk_seconds"], 0, "data/{file}: not spoken: {u:#}");
        }
    }
    assert_eq!(
        record["meeting"]["reports"].as_u64(),
        Some(sample.reports().len() as u64),
        "data/{file}: record.meeting.reports"
    );
    let ranking: Vec<String> = record["ranking"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|e| e["unit"].as_str().expect("ranking[].unit").to_string())
                .collect()
        })
        .unwrap_or_default();
    let reports = sample.reports();
    for name in &ranking {
        assert!(
            reports.contains(name),
            "data/{file}: “{name}” is not a report item but is ranked: {ranking:?}"
        );
    }
    if sample.mode() == "none" {
        assert!(
            ranking.is_empty(),
            "data/{file}: a meeting that does not score ranks nobody: {ranking:?}"
        );
    } else {
        let ranked: BTreeSet<String> = ranking.into_iter().collect();
        assert_eq!(ranked, reports, "data/{file}: every report item is ranked");
    }
}

#[test]
fn suizhou_five_tasks_runs_through_its_agenda_in_the_console() {
    run_whole_agenda("suizhou-five-tasks.json");
}

#[test]
fn guangshui_report_runs_through_its_agenda_in_the_console() {
    run_whole_agenda("guangshui-report.json");
}

#[test]
fn bengbu_plenary_runs_through_its_agenda_in_the_console() {
    run_whole_agenda("bengbu-plenary.json");
}

#[test]
fn daguan_bishai_runs_through_its_agenda_in_the_console() {
    run_whole_agenda("daguan-bishai.json");
}

#[test]
fn xining_mobilisation_runs_through_its_agenda_in_the_console() {
    run_whole_agenda("xining-mobilisation.json");
}

#[test]
fn the_console_counts_the_report_items_of_every_seed_sample_as_units() {
    for file in SEEDS {
        let sample = Sample::read(file);
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_plan(dir.path(), file);
        let mut c = Term::spawn(dir.path(), &["run", file, "--lang", "zh"]);
        c.wait_for(&head(&sample.items[0].name), TIMEOUT);
        assert_console_counts_reports(&c, &sample, "before the meeting");
        quit_console(&mut c);
    }
}

// ---- a speech running two hours, in the pty ---------------------------------------------------

/// The wall clock now, as podium keeps it.
fn wall_now() -> Time {
    chrono::Local::now().fixed_offset()
}

/// A session of `sample` beside its plan in `dir`, written as the console would have: every
/// item before the first speech (or the comments) taken in a minute each, then that item
/// started, all two hours and more ago. Returns the item's index.
fn session_with_a_long_speech(dir: &Path, sample: &Sample) -> usize {
    let index = sample
        .items
        .iter()
        .position(Item::counts_up)
        .unwrap_or_else(|| panic!("data/{}: no speech or comments", sample.file));
    let text = std::fs::read_to_string(dir.join(&sample.file)).expect("the plan");
    let plan = planfile::parse(&sample.file, &text, Lang::Zh)
        .expect("a valid plan")
        .plan;
    let started = wall_now() - Duration::hours(2);
    let mut t = started - Duration::minutes(index as i64 + 1);
    let path = dir.join(sample.session_name());
    let mut w = Writer::create(&path, plan, t).expect("session created");
    let run = |w: &mut Writer, c: Command, at: Time| {
        w.execute(&c, at)
            .unwrap_or_else(|e| panic!("{c:?} refused: {e:?}"));
    };
    for item in &sample.items[..index] {
        if item.kind == "written" {
            run(&mut w, Command::Next, t);
        } else {
            run(&mut w, Command::ToggleTalk, t);
            t += Duration::seconds(50);
            run(&mut w, Command::Next, t);
            t += Duration::seconds(10);
        }
    }
    run(&mut w, Command::ToggleTalk, started);
    w.close(started).expect("closed");
    index
}

/// The console and the display resume a meeting whose speech started two hours ago.
fn long_speech_in_the_pty(file: &str) {
    let sample = Sample::read(file);
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_plan(dir.path(), file);
    let index = session_with_a_long_speech(dir.path(), &sample);
    let item = &sample.items[index];
    let session_name = sample.session_name();
    let session = dir.path().join(&session_name);
    assert_eq!(status_of(&session, &item.name), Some(Status::Presenting));

    let mut c = Term::spawn(dir.path(), &["run", file, "--lang", "zh"]);
    let d = Term::spawn_sized(
        dir.path(),
        &["display", &session_name, "--lang", "zh"],
        DISPLAY_COLS,
        DISPLAY_ROWS,
    );
    let n = index + 1;
    c.wait_until(
        &format!("{} running two hours on the console", item.name),
        TIMEOUT,
        |s| {
            agenda_row(s, n, &item.name)
                .and_then(|r| longest_hours(&r))
                .is_some_and(|secs| secs >= 2 * 3600)
        },
    );
    assert_untimed_on_screens(&c, &d, &sample, n, item);
    // A second later, still nothing.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_untimed_on_screens(&c, &d, &sample, n, item);

    c.send("n");
    wait_status(&session, &item.name, Status::Done, &c);
    quit_console(&mut c);
    let (ok, out, err) = podium(
        dir.path(),
        &["report", &session_name, "--format", "json", "--lang", "zh"],
    );
    assert!(ok, "{err}");
    let record: Value = serde_json::from_str(&out).expect("JSON");
    let u = &record["units"][index];
    assert_eq!(u["name"], item.name.as_str());
    assert!(
        u["talk_seconds"].as_i64().is_some_and(|s| s >= 7200),
        "{u:#}"
    );
    assert_eq!(u["overtime_seconds"], 0, "never over time: {u:#}");
    assert!(u["result"].is_null(), "{u:#}");
}

#[test]
fn suizhou_five_tasks_secretarys_speech_runs_two_hours_without_a_timer() {
    long_speech_in_the_pty("suizhou-five-tasks.json");
}

#[test]
fn guangshui_report_comments_run_two_hours_without_a_timer() {
    long_speech_in_the_pty("guangshui-report.json");
}

#[test]
fn bengbu_plenary_speech_runs_two_hours_without_a_timer() {
    long_speech_in_the_pty("bengbu-plenary.json");
}

#[test]
fn daguan_bishai_speech_runs_two_hours_without_a_timer() {
    long_speech_in_the_pty("daguan-bishai.json");
}

#[test]
fn xining_mobilisation_speech_runs_two_hours_without_a_timer() {
    long_speech_in_the_pty("xining-mobilisation.json");
}

// ---- in process: the console's App and the display's draw, with a fake clock ---------------

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

fn press(app: &mut App, c: char, now: Time) {
    app.tick(now);
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), now);
}

/// The console at 100×30 after one frame at `now`.
fn console_at(app: &mut App, now: Time) -> String {
    app.tick(now);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| view::draw(f, app, now)).expect("drawn");
    screen_text(terminal.backend().buffer())
}

/// The stage display at 80×24 at `now`.
fn display_at(session: &Session, now: Time) -> String {
    let area = Rect::new(0, 0, DISPLAY_COLS, DISPLAY_ROWS);
    let mut buf = Buffer::empty(area);
    let opts = DisplayOptions {
        lang: Lang::Zh,
        ambiguous: Ambiguous::Narrow,
        clock_only: false,
    };
    display_view::draw(&mut buf, area, session, opts, now);
    screen_text(&buf)
}

fn unit_status(app: &App, name: &str) -> Status {
    app.session()
        .state()
        .units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or_else(|| panic!("no item {name}"))
        .status()
}

/// Every seed sample through its whole agenda in the console's App: each speech and the
/// comments run three hours (past any soft limit), each report and briefing runs a minute past
/// its limit (the positive control: overtime shows there).
#[test]
fn in_process_every_speech_runs_three_hours_without_a_countdown_and_written_items_are_done() {
    let mut counts = Vec::new();
    for file in SEEDS {
        let sample = Sample::read(file);
        let text = std::fs::read_to_string(data().join(file)).expect("the plan");
        let plan = planfile::parse(file, &text, Lang::Zh)
            .expect("a valid plan")
            .plan;
        let limits: Vec<i64> = plan
            .units
            .iter()
            .map(|u| plan.unit_limit_seconds(u))
            .collect();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("meeting.session.json");
        let writer = Writer::create(&path, plan, at(0)).expect("session created");
        let opts = Options {
            lang: Lang::Zh,
            quiet: true,
            ambiguous: Ambiguous::Narrow,
        };
        let mut app = App::new(writer, opts, at(0));
        // The 汇报单位 count is asserted last, so that it hides nothing else.
        let start = console_at(&mut app, at(0));

        let mut s = 1;
        for (i, item) in sample.items.iter().enumerate() {
            let n = i + 1;
            if item.kind == "written" {
                press(&mut app, ' ', at(s));
                assert_eq!(unit_status(&app, &item.name), Status::Done, "{file}");
                let screen = console_at(&mut app, at(s));
                let row = agenda_row(&screen, n, &item.name).expect("its row");
                assert!(!row.contains("已跳过"), "{row}");
                s += 1;
                continue;
            }
            press(&mut app, ' ', at(s));
            assert_eq!(
                unit_status(&app, &item.name),
                Status::Presenting,
                "data/{file}: {}",
                item.name
            );
            let end = if item.counts_up() {
                // Past its soft limit, on through three hours: look at every half hour.
                for half_hours in 1..=6 {
                    let now = at(s + half_hours * 1800);
                    let screen = console_at(&mut app, now);
                    let words = console_timer_words(&screen);
                    assert!(
                        words.is_empty(),
                        "data/{file}: the {} “{}” after {} min shows {words:?} on the console:\n{screen}",
                        item.kind,
                        item.name,
                        half_hours * 30
                    );
                    let row = agenda_row(&screen, n, &item.name).expect("its row");
                    assert!(!row.contains('+'), "overtime on its row: {row}");
                    let shown = display_at(app.session(), now);
                    let marks = display_timer_marks(&shown);
                    assert!(
                        marks.is_empty(),
                        "data/{file}: the {} “{}” after {} min shows {marks:?} on the display:\n{shown}",
                        item.kind,
                        item.name,
                        half_hours * 30
                    );
                    assert!(shown.contains(&head(&item.name)), "{shown}");
                }
                s + 3 * 3600
            } else {
                // A minute over its limit: the console says so and the display counts.
                let now = at(s + limits[i] + 60);
                let screen = console_at(&mut app, now);
                assert!(
                    screen.contains("已超时"),
                    "data/{file}: “{}” a minute over its limit:\n{screen}",
                    item.name
                );
                let shown = display_at(app.session(), now);
                assert!(shown.contains('█'), "the display's digits:\n{shown}");
                s + limits[i] + 60
            };
            press(&mut app, 'n', at(end));
            assert_eq!(unit_status(&app, &item.name), Status::Done, "{file}");
            s = end + 5;
        }
        let record = serde_json::to_value(Record::of(app.session(), at(s))).expect("JSON");
        // Every report item ran over here: the comparison of ranking and reports still holds
        // (ranked or not, only report items may appear).
        let ranking: Vec<&str> = record["ranking"]
            .as_array()
            .map(|r| r.iter().filter_map(|e| e["unit"].as_str()).collect())
            .unwrap_or_default();
        let reports = sample.reports();
        for name in &ranking {
            assert!(reports.contains(*name), "data/{file}: “{name}” ranked");
        }
        for (u, item) in record["units"]
            .as_array()
            .expect("units")
            .iter()
            .zip(&sample.items)
        {
            assert_eq!(u["kind"], item.kind.as_str());
            assert_eq!(u["status"], "done", "{u:#}");
            if item.counts_up() {
                assert_eq!(u["talk_seconds"], 3 * 3600, "{u:#}");
                assert_eq!(u["overtime_seconds"], 0, "{u:#}");
            }
        }
        if !states_reports(&start, sample.reports().len()) {
            counts.push(format!(
                "data/{file}: the console states {:?} 汇报单位 (“汇报单位 N 个”), the plan has {} \
                 report items:\n{start}",
                stated_report_count(&start),
                sample.reports().len()
            ));
        }
    }
    assert!(counts.is_empty(), "{}", counts.join("\n"));
}

/// `n` on a written item marks it announced too (the pty covers Space, undo, then n).
#[test]
fn in_process_n_on_a_written_item_marks_it_done() {
    let file = "daguan-bishai.json";
    let sample = Sample::read(file);
    let text = std::fs::read_to_string(data().join(file)).expect("the plan");
    let plan = planfile::parse(file, &text, Lang::Zh).expect("valid").plan;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let writer = Writer::create(&dir.path().join("m.session.json"), plan, at(0)).expect("created");
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(writer, opts, at(0));
    let written = sample
        .items
        .iter()
        .position(|i| i.kind == "written")
        .expect("a written item");
    let mut s = 0;
    for _ in 0..written {
        press(&mut app, ' ', at(s));
        press(&mut app, 'n', at(s + 60));
        s += 61;
    }
    let name = &sample.items[written].name;
    assert_eq!(unit_status(&app, name), Status::Pending);
    press(&mut app, 'n', at(s));
    assert_eq!(unit_status(&app, name), Status::Done);
    let next = &sample.items[written + 1].name;
    assert_eq!(
        app.session().state().current.as_deref(),
        Some(next.as_str()),
        "the next item is current"
    );
}
