//! `podium sessions PLAN`: the sessions of a plan, newest first. Also the questions the other
//! commands ask when a plan's newest session may not be the one meant (`ask_resume` for
//! `run`, `for_reading` for `report`, `scores` and `display`); the rule is in
//! docs/SESSIONS.md.

use super::{CmdResult, read_text};
use crate::session::Time;
use crate::sessions::{self, Doubt, Found, Meant};
use crate::store;
use crate::strings::{Choice, Lang, cli};
use crate::text::{self, Ambiguous};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A time as the lists show it.
pub fn when(t: Option<Time>) -> String {
    t.map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

/// Why a session is in doubt, for people.
pub fn doubt_text(lang: Lang, doubt: Doubt) -> String {
    match doubt {
        Doubt::Ended => cli::session_doubt(lang, true, 0),
        Doubt::Stale(hours) => cli::session_doubt(lang, false, hours),
        Doubt::Future => cli::session_doubt_future(lang).to_string(),
    }
}

pub use crate::text::file_name;

fn pad(cell: &str, width: usize) -> String {
    let w = text::width(cell, Ambiguous::Narrow);
    format!("{cell}{}", " ".repeat(width.saturating_sub(w)))
}

/// The sessions as a table, newest first: last change, file, agenda items done / total, remarks,
/// units scored, state; columns aligned by display width (Chinese is two columns wide).
/// `numbered` puts `1)`, `2)`… in front, for a question.
pub fn table(found: &[Found], lang: Lang, numbered: bool) -> String {
    let head = cli::sessions_columns(lang);
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| h.to_string()).collect()];
    for f in found {
        let mut row = vec![
            text::clean_line(&when(f.changed)),
            text::clean_line(&f.name),
        ];
        match &f.summary {
            Ok(s) => row.extend([
                format!("{}/{}", s.done, s.total),
                s.remarks.to_string(),
                s.scored.to_string(),
                cli::session_state(lang, s.ended, s.untouched).to_string(),
            ]),
            Err(e) => row.extend([
                String::new(),
                String::new(),
                String::new(),
                text::clean_line(&cli::session_unreadable(lang, e)),
            ]),
        }
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| text::width(&r[c], Ambiguous::Narrow))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let number_width = found.len().to_string().len() + 2;
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if numbered {
            let number = if i == 0 {
                String::new()
            } else {
                format!("{i})")
            };
            out.push_str(&pad(&number, number_width));
            out.push(' ');
        }
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                if c + 1 == columns {
                    cell.clone()
                } else {
                    pad(cell, widths[c])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The language for messages about a plan's sessions: the user's, else the plan's (when the
/// file is a plan that reads), or the session's (when it is a session: the language it was
/// run in, else its plan's), else the first choice.
pub fn lang_of(path: &Path, choice: Choice) -> Lang {
    if choice.0.is_some() {
        return choice.first();
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return choice.first();
    };
    if store::is_session_text(&text) {
        drop(text);
        return store::read(path).map_or(choice.first(), |s| choice.session(&s));
    }
    crate::planfile::parse("", &text, choice.first())
        .map_or(choice.first(), |loaded| choice.plan(&loaded.plan))
}

/// `podium sessions PLAN` (a session file names its plan's sessions too).
pub fn run(plan: &Path, choice: Choice) -> CmdResult {
    let lang = lang_of(plan, choice);
    let found = sessions::list(plan)?;
    if found.is_empty() {
        if !plan.exists() {
            return Err(cli::not_found(lang, &plan.display().to_string()));
        }
        println!("{}", cli::no_sessions(lang, &plan.display().to_string()));
        return Ok(());
    }
    print!("{}", table(&found, lang, false));
    Ok(())
}

/// What `podium run PLAN` does with a newest session in doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Resume,
    New,
    /// No answer (the end of the input: `Ctrl+D`), or three that were neither: nothing is
    /// opened or made.
    Cancel,
}

/// Reads one line; `None` at the end of the input (or when it cannot be read). Folded as
/// typed through a Chinese input method too: full-width `ｎ` is `n`.
fn read_answer(input: &mut dyn BufRead) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.nfkc().collect::<String>().trim().to_lowercase()),
    }
}

/// `podium run PLAN`, before the console opens, when the newest session ended or is old
/// (`doubt`), or its plan file was edited after it began (`plan_changed`): Enter (or `y`,
/// 是, 继续) resumes it, `n` (or 新, 新开, 否) starts a new session; anything else asks again.
/// The end of the input (`Ctrl+D`), or a third answer that is neither, cancels: nothing is
/// resumed that the user did not choose (docs/SESSIONS.md).
pub fn ask_resume(
    plan: &Path,
    found: &Found,
    doubt: Option<Doubt>,
    plan_changed: bool,
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Answer {
    let (done, total, remarks) = found
        .summary
        .as_ref()
        .map_or((0, 0, 0), |s| (s.done, s.total, s.remarks));
    let question = cli::ask_resume(
        lang,
        &plan.display().to_string(),
        &found.name,
        &when(found.changed),
        doubt.map(|d| doubt_text(lang, d)).as_deref(),
        plan_changed,
        done,
        total,
        remarks,
    );
    let _ = write!(out, "{question}");
    let _ = out.flush();
    for attempt in 0..3 {
        match read_answer(input).as_deref() {
            None => {
                // The prompt's line is ended before anything else is said.
                let _ = writeln!(out);
                return Answer::Cancel;
            }
            Some(a) if cli::RESUME_ANSWERS.contains(&a) => return Answer::Resume,
            Some(a) if cli::NEW_ANSWERS.contains(&a) => return Answer::New,
            Some(_) if attempt < 2 => {
                let _ = write!(out, "{}", cli::ask_resume_again(lang));
                let _ = out.flush();
            }
            Some(_) => {}
        }
    }
    Answer::Cancel
}

/// What a plan path given to `report`, `scores` or `display` comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// A session file: the one given, or the plan's session meant.
    Session(PathBuf),
    /// A file that is no session and has no session beside it (a plan, or not even that).
    NoSession,
}

/// The session that `report`, `scores` or `display` (`command`) means by `path`: a session
/// file is itself; a plan means its newest session. When more than one session could be
/// meant (the newest ended or is old and there are others), `ask` (a terminal's input and
/// where to write the question) chooses from the numbered list; without one it is refused
/// with the list of candidates.
pub fn for_reading(
    path: &Path,
    command: &str,
    lang: Lang,
    now: Time,
    ask: Option<(&mut dyn BufRead, &mut dyn Write)>,
) -> Result<Resolved, String> {
    let text = read_text(path, lang)?;
    if store::is_session_text(&text) {
        return Ok(Resolved::Session(path.to_path_buf()));
    }
    drop(text);
    // Named like a session, it is no plan's: taken for one, it would stand for the sessions
    // of the plan its name names (`plan-DATE-TIME.session.json` → `plan`), another file's.
    if file_name(path).ends_with(".session.json") {
        return Err(cli::named_like_a_session(lang, &file_name(path)));
    }
    let found = sessions::list(path)?;
    let (i, doubt) = match sessions::meant(&found, now) {
        Meant::None => return Ok(Resolved::NoSession),
        Meant::Newest(i) => return Ok(Resolved::Session(found[i].path.clone())),
        Meant::Doubtful(i, _) if found.len() == 1 => {
            return Ok(Resolved::Session(found[i].path.clone()));
        }
        Meant::Doubtful(i, d) => (i, d),
    };
    let plan = path.display().to_string();
    let doubt = doubt_text(lang, doubt);
    let Some((input, out)) = ask else {
        return Err(cli::ambiguous_sessions(
            lang,
            command,
            &plan,
            found.len(),
            &found[i].name,
            &doubt,
            table(&found, lang, false).trim_end(),
        ));
    };
    let _ = writeln!(
        out,
        "{}",
        cli::which_session(lang, &plan, found.len(), &found[i].name, &doubt)
    );
    let _ = write!(out, "{}", table(&found, lang, true));
    for _ in 0..3 {
        let _ = write!(out, "{}", cli::which_number(lang, found.len()));
        let _ = out.flush();
        let Some(answer) = read_answer(input) else {
            return Err(cli::no_session_chosen(lang).into());
        };
        if answer.is_empty() {
            return Ok(Resolved::Session(found[i].path.clone()));
        }
        if let Ok(n) = answer.parse::<usize>()
            && (1..=found.len()).contains(&n)
        {
            return Ok(Resolved::Session(found[n - 1].path.clone()));
        }
    }
    Err(cli::no_session_chosen(lang).into())
}

/// Where an import (`podium scores`, `podium tasks`) into `path` goes: the session (a plan
/// means its most recent one, said on stderr), read as it is now, and the language to speak
/// in (the session's, else the user's).
pub struct ImportTarget {
    pub path: PathBuf,
    pub current: Result<crate::session::Session, store::StoreError>,
    pub lang: Lang,
}

/// The session an import into `path` goes to (`command` names the import in questions), or
/// `None` when `path` is a plan with no session yet.
pub fn import_target(
    path: &Path,
    command: &str,
    choice: Choice,
) -> Result<Option<ImportTarget>, String> {
    let session_path = match resolve(path, command, choice)? {
        Resolved::Session(session) => session,
        Resolved::NoSession => return Ok(None),
    };
    let current = store::read(&session_path);
    let lang = current
        .as_ref()
        .map_or(choice.first(), |s| choice.session(s));
    // A plan means one of its sessions: which one takes the import is said, as `report` does.
    if session_path != path {
        let name = file_name(&session_path);
        eprintln!("podium: {}", crate::strings::session_note(lang, &name));
    }
    Ok(Some(ImportTarget {
        path: session_path,
        current,
        lang,
    }))
}

/// `for_reading` with this process's standard input: asked on the terminal (the question on
/// the standard error, so that a report on the standard output stays clean) when both the
/// standard input and the standard error are one; refused otherwise.
pub fn resolve(path: &Path, command: &str, choice: Choice) -> Result<Resolved, String> {
    resolve_in(path, command, lang_of(path, choice))
}

/// `resolve` with the language of its messages already known.
fn resolve_in(path: &Path, command: &str, lang: Lang) -> Result<Resolved, String> {
    let now = super::now();
    let stdin = std::io::stdin();
    if stdin.is_terminal() && std::io::stderr().is_terminal() {
        let mut input = stdin.lock();
        let mut err = std::io::stderr();
        for_reading(path, command, lang, now, Some((&mut input, &mut err)))
    } else {
        for_reading(path, command, lang, now, None)
    }
}

/// `resolve` for `report` and `display`, which need a session: a plan without one is refused
/// (a file that is not even a plan, with the plan's errors). A session found from a plan is
/// named on the standard error.
pub fn existing(path: &Path, command: &str, choice: Choice) -> Result<PathBuf, String> {
    // Read once: for a session given directly, `lang_of` reads the whole session.
    let lang = lang_of(path, choice);
    match resolve_in(path, command, lang)? {
        Resolved::Session(session) => {
            if session != path {
                let name = file_name(&session);
                eprintln!("podium: {}", crate::strings::session_note(lang, &name));
            }
            Ok(session)
        }
        Resolved::NoSession => {
            super::load_plan(path, lang)?;
            Err(cli::no_session_yet(lang, &path.display().to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sessions::Summary;
    use chrono::DateTime;

    fn at(s: &str) -> Time {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn found(name: &str, changed: &str, ended: bool, done: usize) -> Found {
        Found {
            path: PathBuf::from(name),
            name: name.into(),
            changed: Some(at(changed)),
            summary: Ok(Summary {
                title: "t".into(),
                done,
                total: 12,
                remarks: 3,
                scored: 0,
                ended,
                untouched: false,
                events: 5,
            }),
        }
    }

    #[test]
    fn the_table_is_aligned_by_display_width_in_both_languages() {
        let mut broken = found(
            "会议-20261204-213413.session.json",
            "2026-12-04T21:42:00+08:00",
            false,
            0,
        );
        broken.summary = Err("bad".into());
        let list = [
            found("会议.session.json", "2026-12-05T09:30:00+08:00", true, 12),
            broken,
        ];
        let zh = table(&list, Lang::Zh, false);
        let lines: Vec<&str> = zh.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("最后改动"), "{zh}");
        assert!(
            lines[1].contains("2026-12-05 09:30  会议.session.json"),
            "{zh}"
        );
        assert!(
            lines[1].contains("12/12") && lines[1].ends_with("已结束"),
            "{zh}"
        );
        assert!(lines[2].contains("无法读取：bad"), "{zh}");
        // The file column starts at the same display column on every row.
        let col = |line: &str, what: &str| {
            let i = line.find(what).unwrap();
            text::width(&line[..i], Ambiguous::Narrow)
        };
        assert_eq!(col(lines[0], "会议记录文件"), col(lines[1], "会议.session"));
        assert_eq!(col(lines[1], "会议.session"), col(lines[2], "会议-2026"));
        assert_eq!(col(lines[0], "已完成"), col(lines[1], "12/12"));
        let en = table(&list, Lang::En, true);
        assert!(en.lines().next().unwrap().contains("Last change"), "{en}");
        assert!(en.lines().nth(1).unwrap().starts_with("1)"), "{en}");
        assert!(en.lines().nth(1).unwrap().ends_with("ended"), "{en}");
        assert!(en.lines().nth(2).unwrap().starts_with("2)"), "{en}");
    }

    #[test]
    fn enter_resumes_n_starts_a_new_one_and_nonsense_asks_again() {
        let f = found("p.session.json", "2026-12-04T21:00:00+08:00", true, 3);
        let plan = Path::new("p.json");
        let ask_about = |typed: &str, lang, changed| {
            let mut out = Vec::new();
            let a = ask_resume(
                plan,
                &f,
                Some(Doubt::Ended),
                changed,
                lang,
                &mut typed.as_bytes(),
                &mut out,
            );
            (a, String::from_utf8(out).unwrap())
        };
        let ask = |typed: &str, lang| ask_about(typed, lang, false);
        let (a, said) = ask("\n", Lang::Zh);
        assert_eq!(a, Answer::Resume);
        assert!(
            said.contains("p.session.json") && said.contains("已结束"),
            "{said}"
        );
        assert!(said.contains("2026-12-04 21:00"), "{said}");
        assert_eq!(ask("n\n", Lang::En).0, Answer::New);
        assert_eq!(ask(" N \n", Lang::En).0, Answer::New);
        // Ctrl+D, or three answers that are neither: nothing is resumed unasked.
        assert_eq!(ask("", Lang::En).0, Answer::Cancel, "end of input cancels");
        assert_eq!(ask("x\n", Lang::En).0, Answer::Cancel);
        let (a, said) = ask("what\nn\n", Lang::En);
        assert_eq!(a, Answer::New);
        assert!(said.contains("Press Enter to resume, or type n"), "{said}");
        assert_eq!(ask("x\nx\nx\nn\n", Lang::En).0, Answer::Cancel);
        // As typed through a Chinese input method.
        assert_eq!(ask("ｎ\n", Lang::Zh).0, Answer::New);
        assert_eq!(ask("新开\n", Lang::Zh).0, Answer::New);
        assert_eq!(ask("继续\n", Lang::Zh).0, Answer::Resume);
        assert_eq!(ask("ｙ\n", Lang::Zh).0, Answer::Resume);
        // An edited plan is said in full, naming the plan.
        let (_, said) = ask_about("\n", Lang::Zh, true);
        assert!(said.contains("计划 p.json 在这场会议开始后改过"), "{said}");
        assert!(!ask("\n", Lang::Zh).1.contains("改过"));
        let (_, said) = ask_about("\n", Lang::En, true);
        assert!(
            said.contains("p.json was edited after this meeting began"),
            "{said}"
        );
    }

    #[test]
    fn the_edited_plan_banner_fits_a_100_column_console_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let banner = cli::plan_changed_banner(lang, "city-report.json");
            // The notice line has one column of margin.
            assert!(text::width(&banner, Ambiguous::Narrow) <= 99, "{banner}");
            assert!(
                banner.contains("podium run city-report.json --new"),
                "{banner}"
            );
        }
    }

    fn write_session(dir: &Path, name: &str, end: bool, now: Time) -> PathBuf {
        let plan = crate::planfile::parse(
            "plan",
            r#"{"title":"T","units":[{"name":"A"},{"name":"B"}]}"#,
            Lang::En,
        )
        .unwrap()
        .plan;
        let path = dir.join(name);
        let mut w = store::Writer::create(&path, plan, now).unwrap();
        w.execute(&crate::session::Command::ToggleTalk, now)
            .unwrap();
        if end {
            w.execute(&crate::session::Command::EndMeeting, now)
                .unwrap();
        }
        w.close(now).unwrap();
        path
    }

    #[test]
    fn a_plan_with_several_sessions_in_doubt_is_refused_with_the_candidates_without_a_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("p.json");
        std::fs::write(&plan, r#"{"title":"T","units":[{"name":"A"}]}"#).unwrap();
        let now = at("2026-12-05T10:00:00+08:00");
        // No session yet.
        assert_eq!(
            for_reading(&plan, "report", Lang::En, now, None).unwrap(),
            Resolved::NoSession
        );
        // One session, ended: nothing else it could be.
        let first = write_session(
            dir.path(),
            "p.session.json",
            true,
            at("2026-12-04T20:00:00+08:00"),
        );
        assert_eq!(
            for_reading(&plan, "report", Lang::En, now, None).unwrap(),
            Resolved::Session(first.clone())
        );
        // A newer one, fresh: it is meant.
        let second = write_session(
            dir.path(),
            "p-20261205-093000.session.json",
            false,
            at("2026-12-05T09:30:00+08:00"),
        );
        assert_eq!(
            for_reading(&plan, "report", Lang::En, now, None).unwrap(),
            Resolved::Session(second.clone())
        );
        // Twelve and a half hours later it is stale: refused, naming both.
        let later = at("2026-12-05T22:00:00+08:00");
        let err = for_reading(&plan, "scores", Lang::En, later, None).unwrap_err();
        assert!(err.contains("p-20261205-093000.session.json"), "{err}");
        assert!(err.contains("p.session.json"), "{err}");
        assert!(
            err.contains("podium scores p-20261205-093000.session.json"),
            "{err}"
        );
        let zh = for_reading(&plan, "display", Lang::Zh, later, None).unwrap_err();
        assert!(
            zh.contains("无法确定") && zh.contains("已 12 小时没有改动"),
            "{zh}"
        );
        // A session file given directly is never in doubt.
        assert_eq!(
            for_reading(&first, "report", Lang::En, later, None).unwrap(),
            Resolved::Session(first.clone())
        );
        // With a terminal: Enter takes the newest, 2 the other one.
        let mut out = Vec::new();
        let chosen = for_reading(
            &plan,
            "report",
            Lang::En,
            later,
            Some((&mut "\n".as_bytes(), &mut out)),
        );
        assert_eq!(chosen.unwrap(), Resolved::Session(second.clone()));
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("1) ") && shown.contains("2) "), "{shown}");
        let mut out = Vec::new();
        let chosen = for_reading(
            &plan,
            "report",
            Lang::En,
            later,
            Some((&mut "9\n2\n".as_bytes(), &mut out)),
        );
        assert_eq!(chosen.unwrap(), Resolved::Session(first.clone()));
        let mut out = Vec::new();
        let none = for_reading(
            &plan,
            "report",
            Lang::En,
            later,
            Some((&mut "".as_bytes(), &mut out)),
        );
        assert!(none.is_err());
    }

    #[test]
    fn look_alike_files_are_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.json");
        std::fs::write(&plan, r#"{"title":"T","units":[{"name":"A"}]}"#).unwrap();
        let now = at("2026-12-05T10:00:00+08:00");
        write_session(dir.path(), "a.session.json", false, now);
        write_session(dir.path(), "a-20261205-100000.session.json", false, now);
        write_session(dir.path(), "ab.session.json", false, now);
        write_session(dir.path(), "a-notes.session.json", false, now);
        // Named like a session of `a`, but a plan.
        std::fs::write(
            dir.path().join("a-20261205-110000.session.json"),
            r#"{"title":"T","units":[{"name":"A"}]}"#,
        )
        .unwrap();
        let names: Vec<String> = sessions::list(&plan)
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, ["a-20261205-100000.session.json", "a.session.json"]);
    }
}
