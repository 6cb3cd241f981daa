//! Every user-visible string lives in src/strings, in both languages:
//! - no English string carries CJK punctuation (the fixed tables field by field, and every
//!   function of strings::cli, strings::net and strings::report called with sample arguments);
//! - no fixed string is missing in either language, and one with letters differs between
//!   Chinese and English;
//! - no Rust file under src/ outside src/strings holds a CJK character in a string literal
//!   (comments, `#[cfg(test)]` items and the files of `#[cfg(test)] mod name;` aside), read by
//!   a small lexer of Rust's literals. Char literals are not read: the ones with CJK
//!   characters are keys typed on a Chinese keyboard (`'？'`, `'．'`, full-width digits),
//!   matched, never shown.

use podium::net::wire::Text as NetText;
use podium::plan::{ScoringMode, UnitKind};
use podium::strings::{self, EN, Lang, ZH, cli, net, report};
use std::path::{Path, PathBuf};

/// CJK symbols and punctuation, and the full-width forms (，。：；！？（）、「」《》 and the
/// full-width space among them), and the dash pair ——.
fn cjk_punctuation(text: &str) -> Vec<char> {
    let mut bad: Vec<char> = text
        .chars()
        .filter(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}'))
        .collect();
    if text.contains("——") {
        bad.push('—');
    }
    bad
}

/// A CJK character: a Han ideograph, CJK punctuation, or a full-width form.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FA1F}')
}

fn assert_english(place: &str, text: &str) {
    let bad = cjk_punctuation(text);
    assert!(bad.is_empty(), "{place}: {bad:?} in English: {text:?}");
}

/// Every function of strings::cli, strings::net and strings::report, in English, with
/// sample arguments (ASCII, so that whatever CJK punctuation shows up is podium's own).
fn english_functions() -> Vec<(&'static str, String)> {
    let l = Lang::En;
    let names = ["East".to_string(), "West".to_string()];
    let n = |t: NetText| t.en;
    let col = cli::COL_UNIT;
    let mut out: Vec<(&'static str, String)> = vec![
        (
            "cli::ABOUT (English line)",
            cli::ABOUT.lines().next().unwrap_or_default().into(),
        ),
        (
            "check_summary",
            cli::check_summary(l, "T", "2 units", "0:20", 3, "all 3", "points"),
        ),
        (
            "check_summary agenda",
            cli::check_summary(
                l,
                "T",
                "3 agenda items: 2 units, 1 speech",
                "0:20",
                3,
                "all 3",
                "none",
            ),
        ),
        (
            "check_roles",
            cli::check_roles(l, &names, &names, Some("Ann")),
        ),
        ("check_everyone", cli::check_everyone(l).into()),
        (
            "check_mode points",
            cli::check_mode(l, ScoringMode::Points).into(),
        ),
        (
            "check_mode grades",
            cli::check_mode(l, ScoringMode::Grades).into(),
        ),
        (
            "check_mode none",
            cli::check_mode(l, ScoringMode::None).into(),
        ),
        ("scores_not_scored", cli::scores_not_scored(l, "scores.csv")),
        (
            "import_title_from_name",
            cli::import_title_from_name(l, "units"),
        ),
        (
            "import_written",
            cli::import_written(l, "plan.json", 2, "UTF-8"),
        ),
        ("import_sheet_read", cli::import_sheet_read(l, "Units")),
        ("scores_locked", cli::scores_locked(l, "locked")),
        (
            "scores_not_saved 1",
            cli::scores_not_saved(l, 1, false, "disk full"),
        ),
        (
            "scores_not_saved n",
            cli::scores_not_saved(l, 5, true, "disk full"),
        ),
        (
            "scores_journal_only 1",
            cli::scores_journal_only(l, 1, true, "j", "e"),
        ),
        (
            "scores_journal_only n",
            cli::scores_journal_only(l, 4, false, "j", "e"),
        ),
        ("cannot_serve", cli::cannot_serve(l, "in use")),
        ("run_internal_error", cli::run_internal_error(l).into()),
        ("join_internal_error", cli::join_internal_error(l).into()),
        ("wrong_code", cli::wrong_code(l).into()),
        ("wrong_code_thrice", cli::wrong_code_thrice(l).into()),
        ("code_prompt", cli::code_prompt(l).into()),
        ("no_code", cli::no_code(l).into()),
        (
            "cannot_reach",
            cli::cannot_reach(l, "10.0.0.1:7373", "refused"),
        ),
        ("bad_name", cli::bad_name(l).into()),
        (
            "outbox_pending",
            cli::outbox_pending(l, 3, "meeting.outbox"),
        ),
        ("joined", cli::joined(l, "Ann", "10.0.0.1:7373")),
        ("unconfirmed_at_exit", cli::unconfirmed_at_exit(l, 2)),
        ("xlsx_needs_output", cli::xlsx_needs_output(l).into()),
        (
            "cli::AFTER_HELP (English line)",
            cli::AFTER_HELP.lines().next().unwrap_or_default().into(),
        ),
        ("terminal_unusable", cli::terminal_unusable(l, "not a tty")),
        ("already_exists", cli::already_exists(l, "plan.json")),
        ("not_utf8", cli::not_utf8(l, "plan.json", 12)),
        ("not_found", cli::not_found(l, "m.session.json")),
        (
            "two_columns",
            cli::two_columns(l, "s.csv", ("A", "unit"), ("B", "Unit"), &col),
        ),
        ("no_column", cli::no_column(l, "s.csv", &col, &names)),
        (
            "date_cell date",
            cli::date_cell(l, "C2", "2026-05-30", false, cli::A_SCORE),
        ),
        (
            "date_cell time",
            cli::date_cell(l, "C2", "09:00", true, cli::A_COUNT),
        ),
        ("sheet_head", cli::sheet_head(l, "Sheet1", &["a", "b"])),
        (
            "no_sheet_fits",
            cli::no_sheet_fits(
                l,
                "s.xlsx",
                &[cli::COL_UNIT, cli::COL_SCORE],
                cli::SCORE_SHEET,
                &names,
            ),
        ),
        (
            "two_sheets_fit",
            cli::two_sheets_fit(l, "s.xlsx", "A", "B", &[cli::COL_UNIT_NAME], cli::UNIT_LIST),
        ),
        (
            "import_summary",
            cli::import_summary(l, "s.csv", "UTF-8", 3, (1, 1, 1)),
        ),
        ("source", cli::source(l, "XLSX", Some("Scores"))),
        ("repeated_row", cli::repeated_row(l, 4)),
        (
            "ambiguous_name",
            cli::ambiguous_name(l, "unit", "AB", &["AB", "A\u{200B}B"]),
        ),
        ("plan_version 0", cli::plan_version(l, "p.json:2:3", 0, 1)),
        (
            "plan_version newer",
            cli::plan_version(l, "p.json:2:3", 9, 1),
        ),
        (
            "serde_problem eof",
            cli::serde_problem(l, "EOF", true, true),
        ),
        ("serde_problem", cli::serde_problem(l, "bad", false, false)),
        (
            "net::refusal",
            n(net::refusal(&podium::session::Refusal::NoCurrentUnit)),
        ),
        ("net::busy", n(net::busy())),
        ("net::disconnected_by_host", n(net::disconnected_by_host())),
        (
            "net::display_cannot_change",
            n(net::display_cannot_change()),
        ),
        ("net::left", n(net::left("Ann", &net::no_answer()))),
        ("net::name_taken", n(net::name_taken("Ann"))),
        (
            "net::name_taken_notice",
            n(net::name_taken_notice("10.0.0.2", "Ann")),
        ),
        (
            "net::notetaker_joined",
            n(net::notetaker_joined("Ann", "10.0.0.2")),
        ),
        ("net::display_joined", n(net::display_joined("10.0.0.2"))),
        ("net::too_many_tries", n(net::too_many_tries(30))),
        ("net::name_needed", n(net::name_needed())),
        (
            "net::from_addr",
            n(net::from_addr("10.0.0.2", &net::busy())),
        ),
        ("net::wrong_code", n(net::wrong_code())),
        (
            "net::wrong_code_notice",
            n(net::wrong_code_notice("10.0.0.2")),
        ),
        ("net::no_answer", n(net::no_answer())),
        ("net::too_large", n(net::too_large("9 MB"))),
        ("net::connection_closed", n(net::connection_closed())),
        ("net::malformed_message", n(net::malformed_message("eof"))),
        ("net::host_quit", n(net::host_quit())),
        ("net::not_verified", n(net::not_verified())),
        ("net::network_error", n(net::network_error("reset"))),
        ("net::incompatible", n(net::incompatible("unknown tag"))),
        ("net::versions_differ", n(net::versions_differ(1, 2))),
        ("net::malformed_hello", n(net::malformed_hello())),
        ("net::connection_lost", n(net::connection_lost("reset"))),
        (
            "net::other_meeting_kept",
            n(net::other_meeting_kept(2, "meeting.outbox")),
        ),
        ("net::host_refused", n(net::host_refused(&net::busy()))),
        (
            "net::link_lost closed",
            n(net::link_lost(&net::host_quit(), false)),
        ),
        (
            "net::link_lost reconnecting",
            n(net::link_lost(&net::host_quit(), true)),
        ),
        ("report::notes_separator", report::notes_separator(l).into()),
        (
            "report::meeting_times",
            report::meeting_times(l, "1:00:00", "0:58:00"),
        ),
        (
            "report::unit_times",
            report::unit_times(l, "10:00", "9:00", "0:00", "ended", "09:00", "09:09"),
        ),
        (
            "report::export_failure file",
            report::export_failure(l, "XLSX", Some("a.xlsx"), "full"),
        ),
        (
            "report::export_failure",
            report::export_failure(l, "XLSX", None, "full"),
        ),
        (
            "report::agenda_counts",
            report::agenda_counts(l, UnitKind::ALL),
        ),
        (
            "report::item_heading",
            report::item_heading(l, 2, "East", UnitKind::Speech),
        ),
        (
            "report::speaker_label",
            report::speaker_label(l, UnitKind::Comments).into(),
        ),
        ("report::written_times", report::written_times(l, "done")),
        (
            "report::elapsed_times",
            report::elapsed_times(l, Some("20:00"), "25:00", "done", "09:00", "09:25"),
        ),
        ("report::names_list", report::names_list(l, &names)),
        ("report::csv_not_scored", report::csv_not_scored(l)),
        ("report::exported", report::exported(l, &names)),
        ("report::not_exported", report::not_exported(l, &names)),
        ("report::export_summary", report::export_summary(l, &names)),
        (
            "report::output_is_meeting",
            report::output_is_meeting(l, "m.session.json"),
        ),
    ];
    for flag in [
        "no_scores",
        "group_missing:Leaders",
        "trimmed:Leaders:a,b",
        "not_trimmed:Leaders",
        "incomplete:Ann",
        "tied",
        "spread",
    ] {
        out.push(("report::flag", report::flag(l, flag)));
    }
    for c in [
        cli::COL_UNIT,
        cli::COL_REVIEWER,
        cli::COL_CRITERION,
        cli::COL_SCORE,
        cli::COL_GRADE,
        cli::COL_COUNT,
        cli::COL_UNIT_NAME,
        cli::COL_ORDER,
        cli::COL_PRESENTER,
        cli::COL_ROLE,
        cli::COL_MINUTES,
    ] {
        out.push(("cli::Column", c.name(l).into()));
    }
    for said in [
        cli::SCORE_SHEET,
        cli::UNIT_LIST,
        cli::A_SCORE,
        cli::A_COUNT,
        cli::A_NUMBER,
        cli::A_MINUTES,
    ] {
        out.push(("cli::Said", said.get(l).into()));
    }
    out
}

#[test]
fn no_english_string_has_cjk_punctuation() {
    for (i, s) in EN.all().into_iter().enumerate() {
        assert_english(&format!("strings::EN field {i}"), s);
    }
    for (i, s) in strings::unsaved_text(Lang::En)
        .all()
        .into_iter()
        .enumerate()
    {
        assert_english(&format!("unsaved_text(En) field {i}"), s);
    }
    for (i, s) in report::EN.all().into_iter().enumerate() {
        assert_english(&format!("strings::report::EN field {i}"), s);
    }
    let all = english_functions();
    assert!(all.len() > 80, "only {} functions called", all.len());
    for (place, text) in all {
        assert!(!text.is_empty(), "{place}: empty");
        assert_english(place, &text);
    }
}

#[test]
fn no_fixed_string_is_missing_in_either_language() {
    let tables: [(&str, Vec<&str>, Vec<&str>); 3] = [
        ("strings::ZH/EN", ZH.all(), EN.all()),
        (
            "unsaved_text",
            strings::unsaved_text(Lang::Zh).all(),
            strings::unsaved_text(Lang::En).all(),
        ),
        ("strings::report", report::ZH.all(), report::EN.all()),
    ];
    for (table, zh, en) in tables {
        assert_eq!(zh.len(), en.len(), "{table}");
        for (i, (zh, en)) in zh.iter().zip(&en).enumerate() {
            assert!(!zh.trim().is_empty(), "{table} field {i}: empty in Chinese");
            assert!(!en.trim().is_empty(), "{table} field {i}: empty in English");
            if en.chars().any(char::is_alphabetic) {
                assert_ne!(zh, en, "{table} field {i}: the same in both languages");
            }
        }
    }
}

/// A string literal found in Rust source: its text as written (escapes left as they are)
/// and the line it starts on.
#[derive(Debug, PartialEq)]
struct Literal {
    line: usize,
    text: String,
}

/// The string literals of Rust source outside comments and `#[cfg(test)]` items: plain,
/// byte and C strings with their escapes, raw strings with any number of `#`, char and
/// byte literals (read past, not returned) and lifetimes (not literals at all).
fn string_literals(src: &str) -> Vec<Literal> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Tokens since the last `#[cfg(test)]`: once seen, the next item is left out.
    let mut skip_next_item = false;
    // Brace depth at which a skipped item started, while inside one.
    let mut skipping: Option<usize> = None;
    let mut depth = 0usize;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        // Comments: line comments (doc comments too) and nested block comments.
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && at(i + 1) == '*' {
            let mut nest = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    nest += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            continue;
        }
        // `#[cfg(test)]`: the item after it is left out.
        if c == '#' {
            let rest: String = chars[i..chars.len().min(i + 40)].iter().collect();
            let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
            if compact.starts_with("#[cfg(test)]") {
                skip_next_item = true;
            }
        }
        // Raw strings: r"…", r#"…"#, br"…", cr#"…"#.
        let prefix_len = if (c == 'b' || c == 'c') && at(i + 1) == 'r' {
            2
        } else if c == 'r' {
            1
        } else {
            0
        };
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if prefix_len > 0 && !ident_before {
            let mut j = i + prefix_len;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) == '"' {
                let start_line = line;
                j += 1;
                let body_start = j;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                        break;
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    j += 1;
                }
                let text: String = chars[body_start..j.min(chars.len())].iter().collect();
                if skipping.is_none() {
                    out.push(Literal {
                        line: start_line,
                        text,
                    });
                }
                i = j + 1 + hashes;
                continue;
            }
        }
        // Plain, byte and C strings.
        let quoted_at = if c == '"' {
            Some(i)
        } else if (c == 'b' || c == 'c') && at(i + 1) == '"' && !ident_before {
            Some(i + 1)
        } else {
            None
        };
        if let Some(q) = quoted_at {
            let start_line = line;
            let mut j = q + 1;
            let body_start = j;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if at(j) == '\n' {
                    line += 1;
                }
                j += 1;
            }
            let text: String = chars[body_start..j.min(chars.len())].iter().collect();
            if skipping.is_none() {
                out.push(Literal {
                    line: start_line,
                    text,
                });
            }
            i = j + 1;
            continue;
        }
        // Char and byte literals ('x', '\'', '\u{3000}', b'x'), told from lifetimes ('a).
        if c == '\'' {
            if at(i + 1) == '\\' {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            if at(i + 2) == '\'' {
                i += 3;
                continue;
            }
            // A lifetime or a label.
            i += 1;
            continue;
        }
        match c {
            '{' => {
                if skip_next_item && skipping.is_none() {
                    skipping = Some(depth);
                    skip_next_item = false;
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if skipping == Some(depth) {
                    skipping = None;
                }
            }
            ';' if skip_next_item && skipping.is_none() => skip_next_item = false,
            _ => {}
        }
        i += 1;
    }
    out
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a source folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The CJK string literals of `src`, as `line: "text"`.
fn cjk_literals(src: &str) -> Vec<String> {
    string_literals(src)
        .into_iter()
        .filter(|l| l.text.chars().any(is_cjk))
        .map(|l| format!("{}: \"{}\"", l.line, l.text))
        .collect()
}

/// The files of the test-only modules `src` declares (`#[cfg(test)] mod name;`, whose item
/// the lexer leaves out but whose file is read on its own): `name.rs` or `name/mod.rs` beside
/// a `mod.rs`, `lib.rs` or `main.rs`, else in the folder named after `path`.
fn test_module_files(path: &Path, src: &str) -> Vec<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let base = if matches!(stem, "mod" | "lib" | "main") {
        dir.to_path_buf()
    } else {
        dir.join(stem)
    };
    let compact: String = src.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .split("#[cfg(test)]")
        .skip(1)
        .filter_map(|after| {
            let name = after.strip_prefix("mod")?.split(';').next()?;
            let ok = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            ok.then(|| {
                [
                    base.join(format!("{name}.rs")),
                    base.join(name).join("mod.rs"),
                ]
            })
        })
        .flatten()
        .collect()
}

#[test]
fn no_cjk_string_literal_outside_src_strings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let sources: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a source file"))
        .collect();
    let tests_only: Vec<PathBuf> = files
        .iter()
        .zip(&sources)
        .flat_map(|(path, src)| test_module_files(path, src))
        .collect();
    let mut found = Vec::new();
    for (path, src) in files.iter().zip(&sources) {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/strings/") || tests_only.contains(path) {
            continue;
        }
        for l in cjk_literals(src) {
            found.push(format!("{rel}:{l}"));
        }
    }
    assert!(
        files.len() > 20,
        "only {} files under src/ were read",
        files.len()
    );
    assert!(
        found.is_empty(),
        "strings with CJK characters outside src/strings (move them there):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_a_chinese_literal_and_nothing_in_comments_or_tests() {
    // A message added to a command is found, with its line.
    let check = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands/check.rs"),
    )
    .expect("src/commands/check.rs");
    let added = format!("{check}\nfn saved() -> &'static str {{\n    \"已保存\"\n}}\n");
    let lines = check.lines().count();
    assert_eq!(
        cjk_literals(&added),
        vec![format!("{}: \"已保存\"", lines + 3)]
    );
    // Comments, char literals, lifetimes and test modules hold none; `//` inside a string
    // and raw strings with quotes inside do not fool it.
    let sample = r####"
        // 注释 "不是字符串"
        /* 块注释 /* 嵌套 */ "也不是" */
        /// 文档 "注释"
        fn f<'a>(x: &'a str) -> char { let _ = "http://example.com"; '，' }
        const A: &str = "a // 这不是注释";
        const B: &str = r#"raw "引号" inside"#;
        const C: &[u8] = b"bytes";
        const D: &str = "escaped \" 引号";
        const E: char = '\'';
        #[cfg(test)]
        mod tests {
            const T: &str = "测试";
            fn g() { let _ = { "嵌套" }; }
        }
        const F: &str = "之后";
    "####;
    let found: Vec<String> = string_literals(sample)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(
        found,
        vec![
            "http://example.com",
            "a // 这不是注释",
            "raw \"引号\" inside",
            "bytes",
            "escaped \\\" 引号",
            "之后",
        ]
    );
    assert_eq!(cjk_literals(sample).len(), 4);
    // The file of a test-only module is known, beside a mod.rs or under a file's own folder.
    let decl = "mod a;\n#[cfg(test)]\nmod tests;\n#[cfg( test )] mod more_tests ;";
    assert_eq!(
        test_module_files(Path::new("src/console/mod.rs"), decl),
        [
            "src/console/tests.rs",
            "src/console/tests/mod.rs",
            "src/console/more_tests.rs",
            "src/console/more_tests/mod.rs",
        ]
        .map(PathBuf::from)
    );
    assert_eq!(
        test_module_files(Path::new("src/store.rs"), "#[cfg(test)] mod tests;"),
        ["src/store/tests.rs", "src/store/tests/mod.rs"].map(PathBuf::from)
    );
}
