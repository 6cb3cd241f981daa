//! `--lang zh|en` is one global option: accepted before the subcommand and after it, on
//! every subcommand, and refused (by the argument parser, naming both languages) for any
//! other value. Without it: PODIUM_LANG, then the locale when it names a language (LC_ALL,
//! LC_MESSAGES, LANG; C and POSIX name none), then the language the session was run in, then
//! its plan's (a Chinese title or Chinese unit names mean Chinese). `--help` speaks the same
//! language (no plan yet: English when nothing names one).
//!
//! Every run here sets the whole environment it depends on (no test reads this machine's
//! locale).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn podium(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "")
        .env_remove("PODIUM_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("podium runs")
}

/// `podium ARGS` in `dir` with exactly these language variables (the others unset).
fn podium_with(args: &[&str], dir: &Path, vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_podium"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("PODIUM_LANG")
        .stdin(std::process::Stdio::null());
    for (key, value) in vars {
        command.env(key, value);
    }
    command.output().expect("podium runs")
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
        assert!(said.contains("## 1. Overview"), "{said}");
        assert!(!said.contains("## 一、基本情况"), "{said}");
    }
    for args in [
        &["--lang", "zh", "report", &session, "--format", "md"][..],
        &["report", &session, "--format", "md", "--lang", "zh"][..],
    ] {
        let out = podium(args, dir.path());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(said.contains("## 一、基本情况"), "{said}");
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

/// Which language `podium check` spoke: its summary's words.
fn check_lang(out: &Output) -> &'static str {
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", text(out));
    if said.contains("汇报单位") && said.contains("评分方式：") {
        "zh"
    } else if said.contains(" units, ") && said.contains("scoring: ") {
        "en"
    } else {
        panic!("neither language: {said}")
    }
}

/// An English plan: its title and unit names in Latin letters.
fn english_plan(dir: &Path) -> String {
    let path = dir.join("review.json");
    std::fs::write(
        &path,
        r#"{"title": "Quarterly review", "units": [{"name": "East", "minutes": 5}, {"name": "West", "minutes": 5}]}"#,
    )
    .expect("the plan");
    path.display().to_string()
}

#[test]
fn the_option_then_podium_lang_then_the_locale_then_the_plan() {
    let dir = temp();
    let zh_plan = plan();
    let en_plan = english_plan(dir.path());
    let zh_locale = [("LANG", "zh_CN.UTF-8")];
    let en_locale = [("LANG", "en_US.UTF-8")];
    for (plan, plan_lang) in [(&zh_plan, "zh"), (&en_plan, "en")] {
        let check = |flag: &[&str], vars: &[(&str, &str)]| {
            let mut args = flag.to_vec();
            args.extend(["check", plan.as_str()]);
            check_lang(&podium_with(&args, dir.path(), vars))
        };
        // Nothing names a language (no locale, or one that names none): the plan's.
        for vars in [
            &[][..],
            &[("LANG", "C")][..],
            &[("LANG", "C.UTF-8")][..],
            &[("LC_ALL", "POSIX")][..],
            &[("LANG", ""), ("LC_ALL", "")][..],
            // LC_ALL is the locale when set: C there names none, whatever LANG says.
            &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")][..],
            &[("LC_ALL", "C.UTF-8"), ("LANG", "en_US.UTF-8")][..],
            &[("PODIUM_LANG", "")][..],
        ] {
            assert_eq!(check(&[], vars), plan_lang, "{plan} {vars:?}");
        }
        // The locale, when it names a language, before the plan.
        assert_eq!(check(&[], &zh_locale), "zh", "{plan}");
        assert_eq!(check(&[], &en_locale), "en", "{plan}");
        assert_eq!(check(&[], &[("LC_MESSAGES", "zh_CN.UTF-8")]), "zh");
        assert_eq!(check(&[], &[("LANG", "fr_FR.UTF-8")]), "en", "{plan}");
        assert_eq!(
            check(&[], &[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            "en"
        );
        // PODIUM_LANG before the locale.
        assert_eq!(
            check(&[], &[("PODIUM_LANG", "zh"), ("LANG", "en_US.UTF-8")]),
            "zh"
        );
        assert_eq!(
            check(&[], &[("PODIUM_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")]),
            "en"
        );
        assert_eq!(check(&[], &[("PODIUM_LANG", "zh_CN.UTF-8")]), "zh");
        // Any region or script of the two, as a locale would name them.
        for (value, lang) in [
            ("zh_HK.UTF-8", "zh"),
            ("zh_SG", "zh"),
            ("zh-Hant", "zh"),
            ("zh_CN.GB18030", "zh"),
            ("en_AU.UTF-8", "en"),
            ("en-IN", "en"),
        ] {
            assert_eq!(
                check(&[], &[("PODIUM_LANG", value), ("LANG", "C")]),
                lang,
                "{value}"
            );
        }
        // The option before everything.
        assert_eq!(
            check(
                &["--lang", "en"],
                &[("PODIUM_LANG", "zh"), ("LANG", "zh_CN")]
            ),
            "en"
        );
        assert_eq!(
            check(
                &["--lang", "zh"],
                &[("PODIUM_LANG", "en"), ("LANG", "en_US")]
            ),
            "zh"
        );
    }
}

#[test]
fn a_podium_lang_podium_does_not_speak_is_refused_by_name() {
    let dir = temp();
    let plan = plan();
    let out = podium_with(&["check", &plan], dir.path(), &[("PODIUM_LANG", "fr")]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("PODIUM_LANG") && said.contains("\"fr\"") && said.contains("zh or en"),
        "{said}"
    );
    assert!(out.stdout.is_empty(), "{said}");
    // In the locale's language.
    let out = podium_with(
        &["check", &plan],
        dir.path(),
        &[("PODIUM_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("PODIUM_LANG") && said.contains("klingon") && has_han(&said));
    // `C` names no language, as in LANG=C: the locale decides, then the plan.
    for c in ["C", "POSIX", "C.UTF-8"] {
        let out = podium_with(
            &["check", &plan],
            dir.path(),
            &[("PODIUM_LANG", c), ("LANG", "en_US.UTF-8")],
        );
        let said = text(&out);
        assert_eq!(out.status.code(), Some(0), "{c}: {said}");
        assert!(said.contains("units"), "{c}: {said}");
        let out = podium_with(&["check", &plan], dir.path(), &[("PODIUM_LANG", c)]);
        let said = text(&out);
        assert_eq!(out.status.code(), Some(0), "{c}: {said}");
        assert!(has_han(&said) && !said.contains("units"), "{c}: {said}");
    }
    // The option makes the variable irrelevant.
    let out = podium_with(
        &["--lang", "en", "check", &plan],
        dir.path(),
        &[("PODIUM_LANG", "fr")],
    );
    assert_eq!(check_lang(&out), "en");
}

/// The sheets of a workbook, in order.
fn sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let workbook = calamine::open_workbook_auto(path).expect("a workbook");
    workbook.sheet_names().to_vec()
}

#[test]
fn the_readmes_report_commands_speak_the_plans_language_on_a_plain_machine() {
    // `podium report city-report.session.json --format xlsx -o x.xlsx` with LANG=C and no
    // option: the Chinese meeting's workbook has Chinese sheets (the README promises 排名…).
    let dir = temp();
    let session = session();
    for vars in [&[("LANG", "C")][..], &[][..]] {
        let out = podium_with(
            &["report", &session, "--format", "xlsx", "-o", "x.xlsx"],
            dir.path(),
            vars,
        );
        assert!(out.status.success(), "{}", text(&out));
        let sheets = sheet_names(&dir.path().join("x.xlsx"));
        assert_eq!(
            sheets.first().map(String::as_str),
            Some("排名"),
            "{sheets:?}"
        );
        assert!(sheets.iter().any(|s| s == "评分"), "{sheets:?}");
        std::fs::remove_file(dir.path().join("x.xlsx")).expect("removed");
        let out = podium_with(&["report", &session, "--format", "md"], dir.path(), vars);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("## 一、基本情况"),
            "{}",
            text(&out)
        );
    }
    // An English locale: English sheets.
    let out = podium_with(
        &["report", &session, "--format", "xlsx", "-o", "x.xlsx"],
        dir.path(),
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sheet_names(&dir.path().join("x.xlsx"))
            .first()
            .map(String::as_str),
        Some("Ranking")
    );
}

#[test]
fn a_session_run_in_a_language_reports_in_it_unless_told_otherwise() {
    use podium::store::Writer;
    use podium::strings::Lang;
    let dir = temp();
    // The Chinese demo meeting, run in English (as `podium run` records it).
    let plan = podium::planfile::parse("demo", podium::commands::run::DEMO_PLAN, Lang::En)
        .expect("the demo plan")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let now = chrono::Local::now().fixed_offset();
    Writer::create_in(&path, plan, Some(Lang::En), now)
        .expect("created")
        .close(now)
        .expect("closed");
    let path = path.display().to_string();
    let md = |flag: &[&str], vars: &[(&str, &str)]| {
        let mut args = flag.to_vec();
        args.extend(["report", path.as_str(), "--format", "md"]);
        let out = podium_with(&args, dir.path(), vars);
        assert!(out.status.success(), "{}", text(&out));
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        if said.contains("## 一、基本情况") {
            "zh"
        } else if said.contains("## 1. Overview") {
            "en"
        } else {
            panic!("neither language: {said}")
        }
    };
    // Nothing names a language: the session's, not its (Chinese) plan's.
    assert_eq!(md(&[], &[]), "en");
    assert_eq!(md(&[], &[("LANG", "C.UTF-8")]), "en");
    // Told otherwise: the option, PODIUM_LANG, the locale.
    assert_eq!(md(&["--lang", "zh"], &[]), "zh");
    assert_eq!(md(&[], &[("PODIUM_LANG", "zh")]), "zh");
    assert_eq!(md(&[], &[("LANG", "zh_CN.UTF-8")]), "zh");
    // `podium scores` on that session answers in its language too.
    let csv = dir.path().join("scores.csv");
    std::fs::write(&csv, "unit,reviewer,score\nNowhere,Nobody,80\n").expect("a sheet");
    let out = podium_with(
        &["scores", &path, &csv.display().to_string()],
        dir.path(),
        &[],
    );
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("in the header row") && !said.contains("表头"),
        "{said}"
    );
}

/// The lines of a help text that describe something (indented), without the option syntax.
fn help_lines(help: &str) -> Vec<String> {
    help.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The positional arguments are listed in the order the usage line gives them (the order
/// they are typed in).
fn assert_positionals_in_order(what: &str, said: &str, usage: &str, heading: &str) {
    let usage_line = said
        .lines()
        .find(|l| l.starts_with(usage))
        .unwrap_or_else(|| panic!("{what}: no usage line in {said}"));
    let in_usage: Vec<&str> = usage_line
        .split_whitespace()
        .filter(|w| w.starts_with('<') || (w.starts_with('[') && w.ends_with(']')))
        .filter(|w| !w.contains("OPTIONS") && !w.contains("选项") && !w.starts_with("--"))
        .filter(|w| !w.contains("COMMAND") && !w.contains("命令"))
        .collect();
    let listed: Vec<&str> = said
        .split(heading)
        .nth(1)
        .map(|rest| {
            rest.lines()
                .skip(1)
                .take_while(|l| l.starts_with("  "))
                .filter_map(|l| l.split_whitespace().next())
                .collect()
        })
        .unwrap_or_default();
    let in_usage: Vec<&str> = in_usage
        .into_iter()
        .filter(|w| listed.contains(w))
        .collect();
    assert_eq!(listed, in_usage, "{what}: {said}");
}

/// The subcommands `podium --help` lists.
fn subcommands(dir: &Path) -> Vec<String> {
    let out = podium_with(&["--help"], dir, &[("LANG", "C")]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    said.split("Commands:")
        .nth(1)
        .expect("a Commands section")
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        // `podium help` takes no `--help`: `podium help report` below.
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn help_speaks_chinese_when_the_user_does() {
    let dir = temp();
    let subs = subcommands(dir.path());
    assert!(subs.len() >= 9, "{subs:?}");
    let mut helps = vec![(
        "podium".to_string(),
        podium_with(&["--help"], dir.path(), &[("LANG", "zh_CN.UTF-8")]),
    )];
    for sub in &subs {
        helps.push((
            sub.clone(),
            podium_with(&[sub, "--help"], dir.path(), &[("PODIUM_LANG", "zh")]),
        ));
    }
    // `--lang` is found before the parser runs, in both spellings, before or after.
    helps.push((
        "--lang zh".into(),
        podium_with(
            &["--lang", "zh", "report", "--help"],
            dir.path(),
            &[("LANG", "C")],
        ),
    ));
    helps.push((
        "--lang=zh".into(),
        podium_with(&["report", "--help", "--lang=zh-CN"], dir.path(), &[]),
    ));
    helps.push((
        "help report".into(),
        podium_with(&["help", "report"], dir.path(), &[("LANG", "zh_CN.UTF-8")]),
    ));
    helps.push((
        "-h".into(),
        podium_with(&["run", "-h"], dir.path(), &[("LC_ALL", "zh_CN.UTF-8")]),
    ));
    for (what, out) in &helps {
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{what}: {}", text(out));
        assert!(said.contains("用法: podium"), "{what}: {said}");
        assert_positionals_in_order(what, &said, "用法:", "参数:");
        assert!(said.contains("选项:"), "{what}: {said}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "Print version",
            "possible values",
            "default:",
            "[OPTIONS]",
        ] {
            assert!(!said.contains(english), "{what}: {english:?} in {said}");
        }
        // Every line says something in Chinese, or is the syntax of what it describes.
        for line in help_lines(&said) {
            let syntax = line.starts_with('-') || line.starts_with('<') || line.starts_with('[');
            assert!(
                has_han(&line) || (syntax && !line.contains("  ")),
                "{what}: a line without Chinese: {line:?}\n{said}"
            );
        }
    }
}

#[test]
fn help_speaks_english_otherwise() {
    let dir = temp();
    let subs = subcommands(dir.path());
    let mut helps = vec![(
        "podium".to_string(),
        podium_with(&["--help"], dir.path(), &[]),
    )];
    for sub in &subs {
        helps.push((
            sub.clone(),
            podium_with(&[sub, "--help"], dir.path(), &[("LANG", "C.UTF-8")]),
        ));
    }
    helps.push((
        "en locale".into(),
        podium_with(
            &["report", "--help"],
            dir.path(),
            &[("LANG", "en_US.UTF-8")],
        ),
    ));
    helps.push((
        "--lang en".into(),
        podium_with(
            &["--lang=en", "check", "--help"],
            dir.path(),
            &[("LANG", "zh_CN.UTF-8")],
        ),
    ));
    helps.push((
        "PODIUM_LANG=en".into(),
        podium_with(
            &["join", "--help"],
            dir.path(),
            &[("PODIUM_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")],
        ),
    ));
    for (what, out) in &helps {
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{what}: {}", text(out));
        assert!(said.contains("Usage: podium"), "{what}: {said}");
        assert_positionals_in_order(what, &said, "Usage:", "Arguments:");
        // Chinese words appear only where the user types them (a column named 姓名), never
        // as podium's own: no Chinese heading, no Chinese punctuation, every line in English.
        assert!(!cjk_punctuation(&said), "{what}: {said}");
        for line in help_lines(&said) {
            assert!(
                line.chars().any(|c| c.is_ascii_alphabetic()),
                "{what}: a line without English: {line:?}"
            );
            let han = line.chars().filter(|c| has_han(&c.to_string())).count();
            assert!(han <= 12, "{what}: a Chinese line: {line:?}");
        }
    }
}

/// CJK symbols and punctuation, or full-width forms.
fn cjk_punctuation(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'))
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

#[test]
fn every_help_text_is_written_in_both_languages_once() {
    use podium::strings::help::{ENTRIES, HEADINGS};
    // English may quote a column the user types in Chinese (姓名), never Chinese punctuation.
    let cjk = cjk_punctuation;
    let mut keys = std::collections::HashSet::new();
    for e in ENTRIES {
        assert!(keys.insert(e.key), "{} twice", e.key);
        assert!(has_han(e.help.zh), "{}: {:?}", e.key, e.help.zh);
        assert!(
            !e.help.en.is_empty() && !cjk(e.help.en),
            "{}: {:?}",
            e.key,
            e.help.en
        );
        if let Some(value) = e.value {
            assert!(!value.zh.is_empty() && !cjk(value.en), "{}", e.key);
        }
    }
    let h = HEADINGS;
    for said in [
        h.about,
        h.after_help,
        h.usage,
        h.commands,
        h.arguments,
        h.options,
        h.options_placeholder,
        h.command_placeholder,
        h.possible_values,
        h.default,
    ] {
        assert!(has_han(said.zh), "{:?}", said.zh);
        assert!(!cjk(said.en) && !has_han(said.en), "{:?}", said.en);
    }
}

#[test]
fn import_speaks_the_language_of_the_units_when_nothing_names_one() {
    let dir = temp();
    let chinese = dir.path().join("units-zh.csv");
    std::fs::write(&chinese, "单位,时长\n市财政局,10\n市教育局,8\n").expect("the unit list");
    let english = dir.path().join("units-en.csv");
    std::fs::write(&english, "unit,minutes\nEast,10\nWest,8\n").expect("the unit list");
    let run = |units: &Path, out: &str, vars: &[(&str, &str)]| {
        let units = units.display().to_string();
        let out = podium_with(&["import", &units, "-o", out], dir.path(), vars);
        let said = text(&out);
        assert!(out.status.success(), "{said}");
        said
    };
    let said = run(&chinese, "a.json", &[("LANG", "C")]);
    assert!(said.contains("2 个汇报单位"), "{said}");
    let said = run(&english, "b.json", &[("LANG", "C")]);
    assert!(said.contains("2 units") && !has_han(&said), "{said}");
    // A locale that names a language comes first.
    let said = run(&chinese, "c.json", &[("LANG", "en_US.UTF-8")]);
    assert!(said.contains("2 units"), "{said}");
}
