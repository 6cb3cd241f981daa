//! End-to-end: `podium plan new` in a pseudo-terminal (the real binary, its screen parsed by
//! vt100), driven by the bytes a keyboard and a terminal's paste send — Chinese typed as
//! composed characters, a range of a sheet pasted in bracketed-paste mode — then the plan it
//! wrote checked by `podium check` (also a speech, attendees and a meeting that does not score).

mod common {
    pub mod pty;
}

use common::pty::{TIMEOUT, Term, list_dir};
use std::path::Path;
use std::process::Command;

const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_N: &str = "\x0e";
const CTRL_C: &str = "\x03";

/// A bracketed paste of `text`, as a terminal sends it.
fn paste(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

fn check(dir: &Path, plan: &str) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", plan, "--lang", "zh"])
        .current_dir(dir)
        .output()
        .expect("run podium check");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_plan_made_in_the_form_passes_podium_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut t = Term::spawn(
        dir.path(),
        &["plan", "new", "-o", "会议.json", "--lang", "zh"],
    );
    t.wait_for("会议标题", TIMEOUT);
    // Step 1: the title and the date; the rest left empty.
    t.send("第三季度工作汇报会");
    t.send(ENTER);
    t.send("2026-10-15");
    t.wait_for("2026-10-15", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("单位名称", TIMEOUT);
    // Step 2: three units copied from a sheet (unit, presenter, minutes), one more typed.
    t.send(paste(
        "市财政局\t张三\t8\r\n城郊街道办事处\t李四\t6分钟\r\n市发改局\t王五\t7\r\n",
    ));
    t.wait_for("粘贴了 3 行", TIMEOUT);
    t.send(ENTER);
    t.send("市应急管理局");
    t.send(TAB);
    t.send("赵六");
    t.wait_for("赵六", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("回避单位", TIMEOUT);
    // Step 3: two reviewers.
    t.send("市委书记");
    t.send(ENTER);
    t.send("人大代表甲");
    t.send(TAB);
    t.send(TAB);
    t.send(TAB);
    t.send("市财政局");
    t.wait_for("人大代表甲", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("评分方式", TIMEOUT);
    // Step 4: two criteria.
    t.send("\x1b[B");
    t.send("工作成效");
    t.send(TAB);
    t.send("60");
    t.send(ENTER);
    t.send("创新亮点");
    t.send(TAB);
    t.send("40");
    t.wait_for("创新亮点", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("分数步长", TIMEOUT);
    // Step 5: the rules as they are; step 6: save.
    t.send(CTRL_N);
    t.wait_for("没有错误", TIMEOUT);
    assert!(t.screen().contains("汇报单位 4 个"), "{}", t.screen());
    assert!(
        !dir.path().join("会议.json").exists(),
        "nothing written before the last step"
    );
    t.send(ENTER);
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert_eq!(
        list_dir(dir.path()),
        ["会议.json"],
        "no temporary file left"
    );

    let (ok, stdout, stderr) = check(dir.path(), "会议.json");
    assert!(ok, "podium check refused the plan: {stderr}");
    assert!(stdout.contains("第三季度工作汇报会"), "{stdout}");
    assert!(stdout.contains("汇报单位 4 个"), "{stdout}");
    assert!(stdout.contains("点评人 2 位"), "{stdout}");
    let text = std::fs::read_to_string(dir.path().join("会议.json")).expect("the plan");
    let plan: podium::plan::Plan = serde_json::from_str(&text).expect("a plan");
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        ["市财政局", "城郊街道办事处", "市发改局", "市应急管理局"]
    );
    assert_eq!(plan.units[1].minutes, Some(6.0));
    assert_eq!(plan.units[3].presenter.as_deref(), Some("赵六"));
    assert_eq!(plan.reviewers[1].recused, ["市财政局"]);
    assert_eq!(plan.scoring().criteria.len(), 2);
}

#[test]
fn quitting_with_changes_asks_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut t = Term::spawn(dir.path(), &["plan", "new", "--lang", "zh"]);
    t.wait_for("会议标题", TIMEOUT);
    t.send("汇报会");
    t.wait_for("汇报会", TIMEOUT);
    t.send(CTRL_C);
    t.wait_for("不保存就退出吗", TIMEOUT);
    t.send("n");
    t.wait_gone("不保存就退出吗", TIMEOUT);
    t.send(CTRL_C);
    t.wait_for("不保存就退出吗", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert!(
        list_dir(dir.path()).is_empty(),
        "{:?}",
        list_dir(dir.path())
    );
}

#[test]
fn editing_a_plan_writes_it_back_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = common::pty::copy_plan(dir.path(), "city-report.json");
    let before: podium::plan::Plan =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let mut t = Term::spawn(
        dir.path(),
        &["plan", "edit", "city-report.json", "--lang", "en"],
    );
    t.wait_for("Edit a plan", TIMEOUT);
    // The title gets a suffix; Ctrl+S twice: to the last step, then save.
    t.send(" (2)");
    t.wait_for("(2)", TIMEOUT);
    t.send("\x13");
    t.wait_for("No errors", TIMEOUT);
    t.send("\x13");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    let after: podium::plan::Plan =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(after.title, format!("{} (2)", before.title));
    assert_eq!(after.units, before.units);
    assert_eq!(after.reviewers, before.reviewers);
    assert_eq!(after.scoring, before.scoring);
    assert_eq!(list_dir(dir.path()), ["city-report.json"]);
}

#[test]
fn a_plan_changed_on_disk_while_edited_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = common::pty::copy_plan(dir.path(), "city-report.json");
    let mut t = Term::spawn(
        dir.path(),
        &["plan", "edit", "city-report.json", "--lang", "en"],
    );
    t.wait_for("Edit a plan", TIMEOUT);
    t.send("!");
    t.wait_for("!", TIMEOUT);
    // Someone else changes the file meanwhile.
    let theirs =
        std::fs::read_to_string(&plan)
            .unwrap()
            .replacen("\"title\": \"", "\"title\": \"X", 1);
    std::fs::write(&plan, &theirs).unwrap();
    t.send("\x13");
    t.wait_for("No errors", TIMEOUT);
    t.send("\x13");
    t.wait_for("changed on disk", TIMEOUT);
    t.send("n");
    t.wait_gone("changed on disk", TIMEOUT);
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        theirs,
        "no: theirs kept"
    );
    t.send("\x13");
    t.wait_for("changed on disk", TIMEOUT);
    t.send("y");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    let after: podium::plan::Plan =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert!(
        after.title.ends_with('!') && !after.title.starts_with('X'),
        "{}",
        after.title
    );
}

#[test]
fn saving_into_a_folder_that_does_not_exist_says_so_in_the_forms_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut t = Term::spawn(
        dir.path(),
        &["plan", "new", "-o", "nowhere/p.json", "--lang", "zh"],
    );
    t.wait_for("会议标题", TIMEOUT);
    t.send("汇报会");
    t.wait_for("汇报会", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("单位名称", TIMEOUT);
    t.send(paste("市财政局"));
    t.wait_for("市财政局", TIMEOUT);
    t.send("\x13"); // Ctrl+S: the last step
    t.wait_for("保存到", TIMEOUT);
    t.send(ENTER);
    t.wait_for("文件夹 nowhere 不存在", TIMEOUT);
    t.send(CTRL_C);
    t.wait_for("不保存就退出吗", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
    assert!(
        list_dir(dir.path()).is_empty(),
        "{:?}",
        list_dir(dir.path())
    );
}

#[test]
fn saving_over_a_folder_is_refused_without_asking_to_overwrite_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("plans")).expect("a folder");
    let mut t = Term::spawn(dir.path(), &["plan", "new", "-o", "plans", "--lang", "zh"]);
    t.wait_for("会议标题", TIMEOUT);
    t.send("汇报会");
    t.wait_for("汇报会", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("单位名称", TIMEOUT);
    t.send(paste("市财政局"));
    t.wait_for("市财政局", TIMEOUT);
    t.send("\x13"); // Ctrl+S: the last step
    t.wait_for("保存到", TIMEOUT);
    t.send(ENTER);
    t.wait_for("无法写入 plans：这是一个文件夹，不是文件", TIMEOUT);
    assert!(!t.screen().contains("覆盖它吗"), "{}", t.screen());
    t.send(CTRL_C);
    t.wait_for("不保存就退出吗", TIMEOUT);
    t.send("y");
    assert!(t.wait_exit(TIMEOUT).success());
}

#[test]
fn a_speech_attendees_and_a_meeting_that_does_not_score_made_in_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut t = Term::spawn(
        dir.path(),
        &["plan", "new", "-o", "全会.json", "--lang", "zh"],
    );
    t.wait_for("会议标题", TIMEOUT);
    // Step 1: the title, then 出席 (the sixth field) typed as an input method sends it.
    t.send("区委全会");
    for _ in 0..5 {
        t.send(ENTER);
    }
    t.send("王明（区委书记）、李明（区长）");
    t.wait_for("李明（区长）", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("单位名称", TIMEOUT);
    // Step 2: a row pasted, its kind chosen with Space on the last column; a unit typed.
    t.send(paste("区委书记讲话\t区委书记\t20"));
    t.wait_for("区委书记讲话", TIMEOUT);
    for _ in 0..6 {
        t.send(TAB);
    }
    t.wait_for("空格或 ←→ 切换", TIMEOUT);
    t.send(" ");
    t.send(ENTER);
    t.send("城东街道");
    t.wait_for("城东街道", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("回避单位", TIMEOUT);
    // Step 4: no scoring (Space twice), then straight to the last step.
    t.send(CTRL_N);
    t.wait_for("评分方式", TIMEOUT);
    t.send(" ");
    t.send(" ");
    t.wait_for("‹ 不评分 ›", TIMEOUT);
    t.send(CTRL_N);
    t.wait_for("没有错误", TIMEOUT);
    assert!(t.screen().contains("汇报单位 1 个"), "{}", t.screen());
    t.send(ENTER);
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");

    let (ok, stdout, stderr) = check(dir.path(), "全会.json");
    assert!(ok, "podium check refused the plan: {stderr}");
    assert!(stdout.contains("汇报单位 1 个"), "{stdout}");
    let text = std::fs::read_to_string(dir.path().join("全会.json")).expect("the plan");
    assert!(text.starts_with("{\n  \"version\": 2,\n"), "{text}");
    let plan: podium::plan::Plan = serde_json::from_str(&text).expect("a plan");
    let kinds: Vec<&str> = plan.units.iter().map(|u| u.kind().key()).collect();
    assert_eq!(kinds, ["speech", "report"]);
    assert_eq!(plan.attendees, ["王明（区委书记）", "李明（区长）"]);
    assert_eq!(
        plan.scoring_mode(),
        podium::plan::ScoringMode::None,
        "{text}"
    );
}
