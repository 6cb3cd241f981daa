//! `--lang zh|en` is one global option: accepted before the subcommand and after it, on
//! every subcommand, and refused (by the argument parser, naming both languages) for any
//! other value. Without it the environment decides (LC_ALL, LC_MESSAGES, LANG).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn podium(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("podium runs")
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

fn plan() -> String {
    repo("data/city-report.json")
}

fn session() -> String {
    repo("tests/fixtures/corpus/city-points.session.json")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn another_language_is_refused_naming_zh_and_en() {
    let dir = temp();
    for args in [
        &["--lang", "fr", "check", &plan()][..],
        &["check", "--lang", "fr", &plan()][..],
        &["report", &session(), "--lang", "fr"][..],
        &["--lang", "fr"][..],
    ] {
        let out = podium(args, dir.path());
        let said = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains("fr"), "{args:?}: {said}");
        assert!(
            said.contains("zh") && said.contains("en"),
            "{args:?}: {said}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn check_speaks_the_language_asked_for_before_or_after_the_subcommand() {
    let dir = temp();
    let plan = plan();
    for args in [
        &["--lang", "en", "check", &plan][..],
        &["check", "--lang", "en", &plan][..],
        &["check", &plan, "--lang", "en"][..],
        &["--lang", "en-US", "check", &plan][..],
    ] {
        let out = podium(args, dir.path());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(
            said.contains(" units, ") && said.contains("scoring: "),
            "{said}"
        );
        assert!(!said.contains("汇报单位"), "{said}");
    }
    for args in [
        &["--lang", "zh", "check", &plan][..],
        &["check", "--lang", "zh", &plan][..],
        // As a locale names it.
        &["--lang", "zh-CN", "check", &plan][..],
        &["--lang", "zh_CN", "check", &plan][..],
    ] {
        let out = podium(args, dir.path());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(
            said.contains("汇报单位") && said.contains("评分方式："),
            "{said}"
        );
    }
}

#[test]
fn report_speaks_the_language_asked_for_before_or_after_the_subcommand() {
    let dir = temp();
    let session = session();
    for args in [
        &["--lang", "en", "report", &session, "--format", "md"][..],
        &["report", "--lang", "en", &session, "--format", "md"][..],
    ] {
        let out = podium(args, dir.path());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(said.contains("## Units"), "{said}");
        assert!(!said.contains("## 汇报单位"), "{said}");
    }
    for args in [
        &["--lang", "zh", "report", &session, "--format", "md"][..],
        &["report", &session, "--format", "md", "--lang", "zh"][..],
    ] {
        let out = podium(args, dir.path());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(said.contains("## 汇报单位"), "{said}");
    }
    // An error, too, is in the language asked for.
    let out = podium(
        &["--lang", "zh", "report", &session, "--format", "xlsx"],
        dir.path(),
    );
    assert!(text(&out).contains("二进制文件"), "{}", text(&out));
    let out = podium(
        &["report", &session, "--format", "xlsx", "--lang", "en"],
        dir.path(),
    );
    let said = text(&out);
    assert!(said.contains("binary file") && !has_han(&said), "{said}");
}

#[test]
fn import_speaks_the_language_asked_for() {
    let dir = temp();
    let units: PathBuf = dir.path().join("units.csv");
    std::fs::write(&units, "unit,minutes\nEast,10\nWest,8\n").expect("the unit list");
    let units = units.display().to_string();
    let out = podium(
        &["--lang", "en", "import", &units, "-o", "en.json"],
        dir.path(),
    );
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("2 units") && !has_han(&said), "{said}");
    let out = podium(
        &["import", &units, "-o", "zh.json", "--lang", "zh"],
        dir.path(),
    );
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("2 个汇报单位"), "{said}");
}

#[test]
fn without_the_option_the_environment_decides() {
    let dir = temp();
    let plan = plan();
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", &plan])
        .env("LC_ALL", "zh_CN.UTF-8")
        .current_dir(dir.path())
        .output()
        .expect("podium runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("汇报单位"));
    let out = podium(&["check", &plan], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains(" units, "));
    // The option wins over the environment.
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["--lang", "en", "check", &plan])
        .env("LC_ALL", "zh_CN.UTF-8")
        .current_dir(dir.path())
        .output()
        .expect("podium runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains(" units, "));
}

#[test]
fn the_option_is_accepted_without_a_subcommand() {
    // `podium --lang en` runs the demo meeting; without a terminal the console cannot start,
    // but the option itself is accepted (the parser's refusal exits 2 and names the option).
    let dir = temp();
    let out = podium(&["--lang", "en"], dir.path());
    let said = text(&out);
    assert_ne!(out.status.code(), Some(2), "{said}");
    assert!(!said.contains("unexpected argument"), "{said}");
    assert!(!has_han(&said), "{said}");
}
