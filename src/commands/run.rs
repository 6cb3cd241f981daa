//! `podium run`: opens or resumes a session and runs the live console.

use super::sessions::{Answer, ask_resume, file_name};
use super::{CmdResult, load_plan, now, read_text};
use crate::plan::Plan;
use crate::session::Time;
use crate::sessions::{self, Meant};
use crate::store::{self, Writer};
use crate::strings::{self, Choice};
use crate::tui::{
    self,
    app::{App, Level, Options},
};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The demo meeting, built into the binary.
pub const DEMO_PLAN: &str = include_str!("../../data/city-report.json");
pub const DEMO_SESSION: &str = "podium-demo.session.json";

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// A plan (its most recently changed session, or a new one) or a session file
    pub file: Option<PathBuf>,
    /// The built-in demo meeting (its session: ./podium-demo.session.json)
    #[arg(long, conflicts_with_all = ["file", "new", "previous"])]
    pub demo: bool,
    /// No terminal bell at the warning and at time up
    #[arg(long)]
    pub quiet: bool,
    /// The session file to use instead of `<plan>.session.json`
    #[arg(long)]
    pub session: Option<PathBuf>,
    /// Start a fresh session beside the old one, named with the date and time
    #[arg(long)]
    pub new: bool,
    /// Lay out East Asian ambiguous-width characters as wide (also PODIUM_WIDE_AMBIGUOUS=1)
    #[arg(long)]
    pub wide_ambiguous: bool,
    /// Let note-takers join over the network (all interfaces, port 7373 unless given;
    /// 127.0.0.1 for this machine only)
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "ADDR[:PORT]")]
    pub serve: Option<String>,
    /// The session of the meeting before: its unfinished tasks are carried into the new session
    /// (instead of the plan's `previous`)
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// With --serve, for a plan with ballot groups: the port of the ballot page (7374 unless
    /// given), on the same address
    #[arg(long, value_name = "PORT")]
    pub ballots_port: Option<u16>,
    /// With --serve: open voting at the start
    #[arg(long)]
    pub open_voting: bool,
    /// With --serve: the venue's Wi-Fi, shown on the stage as a QR code
    #[arg(long, value_name = "SSID:PASSWORD")]
    pub wifi: Option<String>,
}

impl RunArgs {
    pub fn demo() -> RunArgs {
        RunArgs {
            file: None,
            demo: true,
            quiet: false,
            session: None,
            new: false,
            wide_ambiguous: false,
            serve: None,
            previous: None,
            ballots_port: None,
            open_voting: false,
            wifi: None,
        }
    }
}

/// Where the session lives and what to start it from when it does not exist yet.
struct Target {
    session: PathBuf,
    plan: Option<Plan>,
    /// The plan file it came from (none for a session's plan and the demo's): the folder a
    /// plan's `previous` is relative to.
    plan_file: Option<PathBuf>,
    demo: bool,
}

fn beside(plan_path: &Path, name: String) -> PathBuf {
    plan_path.with_file_name(name)
}

fn target(args: &RunArgs, choice: Choice, now: Time) -> Result<Target, String> {
    let lang = choice.first();
    let file = args.file.as_ref().filter(|_| !args.demo);
    let Some(file) = file else {
        let plan = crate::planfile::parse("demo", DEMO_PLAN, lang)
            .map_err(|e| e.join("\n"))?
            .plan;
        let session = args
            .session
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEMO_SESSION));
        return Ok(Target {
            session,
            plan: Some(plan),
            plan_file: None,
            demo: true,
        });
    };
    let text = read_text(file, lang)?;
    if store::is_session_text(&text) {
        if args.new {
            // The next meeting from the same plan: a fresh session beside this one.
            let plan = store::read(file).map_err(|e| e.to_string())?.plan().clone();
            // The plan's stem, without the date a dated session's name has: the new session
            // is one of the same plan's (`plan-DATE-TIME.session.json`), never
            // `plan-DATE-TIME-DATE-TIME.session.json`, which no command would count as one.
            let stem = sessions::plan_stem(file);
            let session = dated_session(file, &stem);
            return Ok(Target {
                session,
                plan: Some(plan),
                plan_file: None,
                demo: false,
            });
        }
        return Ok(Target {
            session: file.clone(),
            plan: None,
            plan_file: None,
            demo: false,
        });
    }
    // Named like a session, it is no plan's (its sessions would be another plan's).
    if file_name(file).ends_with(".session.json") {
        let lang = crate::planfile::parse("", &text, lang).map_or(lang, |l| choice.plan(&l.plan));
        return Err(strings::cli::named_like_a_session(lang, &file_name(file)));
    }
    let loaded = load_plan(file, lang)?;
    for w in &loaded.warnings {
        eprintln!("podium: {w}");
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "meeting".into());
    let session = match (&args.session, args.new) {
        (Some(p), _) => p.clone(),
        (None, true) => dated_session(file, &stem),
        (None, false) => meant_session(file, &stem, &loaded.plan, choice, now)?,
    };
    Ok(Target {
        session,
        plan: Some(loaded.plan),
        plan_file: Some(file.clone()),
        demo: false,
    })
}

/// The session `podium run PLAN` means: the plan's most recently changed session; when it
/// has ended or is older than `sessions::STALE_HOURS`, or `plan` (the plan file as it is now)
/// differs from the plan it began with, the user is asked first on the terminal (Enter
/// resumes, `n` starts a dated session); without a terminal (on both the standard input and
/// the standard error, where the question goes) it is resumed with a line on the standard
/// error. No session yet: `PLAN.session.json`.
fn meant_session(
    plan_path: &Path,
    stem: &str,
    plan: &Plan,
    choice: Choice,
    now: Time,
) -> Result<PathBuf, String> {
    let found = sessions::list(plan_path)?;
    let (i, doubt) = match sessions::meant(&found, now) {
        Meant::None => return Ok(beside(plan_path, format!("{stem}.session.json"))),
        Meant::Newest(i) => (i, None),
        Meant::Doubtful(i, doubt) => (i, Some(doubt)),
    };
    let newest = &found[i];
    if let Err(e) = &newest.summary {
        return Err(strings::cli::newest_unreadable(
            choice.plan(plan),
            &plan_path.display().to_string(),
            &newest.name,
            e,
        ));
    }
    let read = store::read(&newest.path);
    let plan_changed = read.as_ref().is_ok_and(|s| s.plan() != plan);
    // Asked in the user's language, else the one that session was run in, else its plan's.
    let lang = read
        .as_ref()
        .map_or(choice.plan(plan), |s| choice.session(s));
    if doubt.is_none() && !plan_changed {
        return Ok(newest.path.clone());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() && std::io::stderr().is_terminal() {
        let mut input = stdin.lock();
        let mut out = std::io::stderr();
        // A session whose plan has another title may be another plan's (a folder copied
        // together, a name reused): said first, with both titles.
        if let Ok(session) = &read
            && session.plan().title != plan.title
        {
            use std::io::Write;
            let _ = writeln!(
                out,
                "{}",
                strings::cli::other_title(
                    lang,
                    &newest.name,
                    &session.plan().title,
                    &plan_path.display().to_string(),
                    &plan.title
                )
            );
        }
        let answer = ask_resume(
            plan_path,
            newest,
            doubt,
            plan_changed,
            lang,
            &mut input,
            &mut out,
        );
        return match answer {
            Answer::Resume => Ok(newest.path.clone()),
            Answer::New => Ok(dated_session(plan_path, stem)),
            Answer::Cancel => Err(strings::cli::resume_unanswered(
                lang,
                &plan_path.display().to_string(),
            )),
        };
    }
    if let Some(doubt) = doubt {
        let doubt = super::sessions::doubt_text(lang, doubt);
        let plan = plan_path.display().to_string();
        eprintln!(
            "podium: {}",
            strings::cli::resumed_without_asking(lang, &newest.name, &doubt, &plan)
        );
    }
    Ok(newest.path.clone())
}

/// A new session beside `file`, named with the date and time: `-2`, `-3`… when a session of
/// that name (or its journal or lock) is already there, so `--new` twice in one second never
/// resumes or collides with the first.
fn dated_session(file: &Path, stem: &str) -> PathBuf {
    let stamp = now().format("%Y%m%d-%H%M%S").to_string();
    let taken = |p: &Path| {
        let paths = store::Paths::of(p);
        [&paths.session, &paths.journal, &paths.lock]
            .iter()
            .any(|f| std::fs::symlink_metadata(f).is_ok())
    };
    let mut session = beside(file, format!("{stem}-{stamp}.session.json"));
    let mut n = 2;
    while taken(&session) && n < 10_000 {
        session = beside(file, format!("{stem}-{stamp}-{n}.session.json"));
        n += 1;
    }
    session
}

/// With `--serve`: the ballot page, when the plan has ballot groups, on the same address at
/// `--ballots-port` (7374), its address (and the venue's Wi-Fi) in the join file for the
/// stage, and voting opened when `--open-voting` asks. Without ballot groups the page's flags
/// are refused.
fn serve_ballots(
    app: &mut App,
    bind: &str,
    args: &RunArgs,
    wifi: Option<String>,
    lang: strings::Lang,
) -> Result<Option<String>, String> {
    if app.session().plan().scoring().ballot_groups.is_empty() {
        if args.ballots_port.is_some() || args.open_voting || args.wifi.is_some() {
            return Err(strings::page::needs_ballot_groups(lang).into());
        }
        return Ok(None);
    }
    let port = args.ballots_port.unwrap_or(crate::net::BALLOTS_PORT);
    let addr = crate::net::parse_addr(bind, "0.0.0.0")?;
    let host = addr.rsplit_once(':').map_or(addr.as_str(), |(h, _)| h);
    let writer = app
        .core
        .ledger
        .writer()
        .ok_or_else(|| strings::cli::no_session_writer(lang).to_string())?;
    let server = crate::net::ballots::BallotServer::start(
        &format!("{host}:{port}"),
        writer,
        lang,
        crate::net::ballots::Limits::default(),
    )
    .map_err(|e| strings::page::cannot_serve_ballots(lang, &e))?;
    let url = server.url.clone();
    if let Some(notes) = app.core.server.as_mut() {
        notes
            .set_ballot_page(Some(url.clone()), wifi)
            .map_err(|e| strings::page::cannot_serve_ballots(lang, &e))?;
    }
    app.core.ballots = Some(server);
    let mut said = strings::page::serving(lang, &url);
    if args.open_voting {
        match app
            .core
            .ledger
            .execute(&crate::session::Command::OpenVoting, now())
        {
            Ok(_) | Err(store::ExecError::Refused(crate::session::Refusal::NothingChanged)) => {}
            Err(store::ExecError::Refused(r)) => {
                let why = strings::refusal(lang, &r);
                said = format!(
                    "{said} · {}",
                    strings::page::open_voting_refused(lang, &why)
                );
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    eprintln!("podium: {said}");
    Ok(Some(said))
}

/// Whether the console can take the terminal: its raw mode can be set (and is set back at
/// once), as the console's start needs.
fn usable_terminal() -> std::io::Result<()> {
    use ratatui::crossterm::terminal;
    terminal::enable_raw_mode()?;
    terminal::disable_raw_mode()
}

pub fn run(args: RunArgs, choice: Choice) -> CmdResult {
    let lang = choice.first();
    // The ballot page's flags, said wrong before anything is opened.
    let ballot_flags = args.ballots_port.is_some() || args.open_voting || args.wifi.is_some();
    if ballot_flags && args.serve.is_none() {
        return Err(strings::page::needs_serve(lang).into());
    }
    // Kept as `SSID:PASSWORD` in the join file, where the stage display reads it.
    let wifi = match &args.wifi {
        Some(text) => Some(
            crate::report::slips::Wifi::parse(text)
                .map(|w| format!("{}:{}", w.ssid, w.password))
                .ok_or_else(|| strings::page::bad_wifi(lang).to_string())?,
        ),
        None => None,
    };
    let target = target(&args, choice, now())?;
    let t = now();
    let resuming = target.session.exists();
    // The session remembers the language it is run in: the user's choice, else the one it
    // remembers, else its plan's.
    let mut linked = None;
    let (writer, report) = if resuming {
        // `--previous` links a session only when it is created: refused for one resumed,
        // unless it is already linked to that very file; said before anything is opened.
        if let Some(previous) = &args.previous {
            let session = store::read(&target.session).map_err(|e| e.to_string())?;
            let lang = choice.session(&session);
            super::previous::check_resumed(&session, &target.session, previous, lang, t)?;
        }
        // Without a terminal the console cannot start: said before the session is opened
        // for writing, which may rewrite it (an older version's session is brought up to
        // this version).
        usable_terminal().map_err(|e| {
            let lang = store::read(&target.session).map_or(lang, |s| choice.session(&s));
            strings::cli::terminal_unusable(lang, &e.to_string())
        })?;
        let (mut writer, report) = Writer::open(&target.session, t).map_err(|e| match e {
            store::StoreError::Locked { name, pid } => {
                let lang = store::read(&target.session).map_or(lang, |s| choice.session(&s));
                strings::cli::run_locked(lang, &name, &pid)
            }
            other => other.to_string(),
        })?;
        if let Some(chosen) = choice.0
            && writer.session().lang() != Some(chosen)
        {
            writer.set_lang(chosen);
        }
        // Linked to that very file: its results are copied again (typed up late).
        if let Some(previous) = &args.previous {
            let lang = choice.session(writer.session());
            match super::previous::recopy(&mut writer, previous, lang, t) {
                Ok(notice) => {
                    eprintln!("podium: {notice}");
                    linked = Some(notice);
                }
                Err(e) => {
                    let _ = writer.release(t);
                    return Err(e);
                }
            }
        }
        (writer, report)
    } else {
        let plan = target
            .plan
            .clone()
            .ok_or_else(|| strings::cli::not_found(lang, &target.session.display().to_string()))?;
        let lang = choice.plan(&plan);
        // The meeting before (`--previous`, else the plan's `previous`; never for the demo),
        // read before anything is written: a refusal leaves no session behind.
        let link = if target.demo {
            None
        } else {
            super::previous::find(
                Some(&target.session),
                target.plan_file.as_deref(),
                &plan,
                args.previous.as_deref(),
                lang,
                t,
            )
            .map_err(|e| strings::previous::refused(lang, &e))?
        };
        let mut writer =
            Writer::create_in(&target.session, plan, Some(lang), t).map_err(|e| e.to_string())?;
        // Without a terminal the console cannot start: the session just made goes again, so
        // that an empty session never becomes the plan's newest (which `report PLAN` would
        // then take for the meeting).
        if let Err(e) = usable_terminal() {
            if writer.release(t).is_ok() {
                let _ = std::fs::remove_file(&target.session);
            }
            return Err(strings::cli::terminal_unusable(lang, &e.to_string()));
        }
        // The link is the session's first event, written before the console shows anything.
        if let Some(link) = link {
            match super::previous::link(&mut writer, link, lang, t) {
                Ok(notice) => {
                    eprintln!("podium: {notice}");
                    linked = Some(notice);
                }
                Err(e) => {
                    if writer.release(t).is_ok() {
                        let _ = std::fs::remove_file(&target.session);
                    }
                    return Err(e);
                }
            }
        }
        (writer, Default::default())
    };
    let lang = choice.session(writer.session());
    let opts = Options {
        lang,
        quiet: args.quiet,
        ambiguous: super::ambiguous(args.wide_ambiguous),
    };
    let mut app = App::new(writer, opts, t);
    // Said again in full on the terminal once the console is closed.
    let mut after = None;
    // Where the ballot page is served, said on the console once it starts.
    let mut ballot_page = None;
    if let Some(bind) = &args.serve {
        let started = crate::net::parse_addr(bind, "0.0.0.0").and_then(|addr| {
            let writer = app
                .core
                .ledger
                .writer()
                .ok_or_else(|| strings::cli::no_session_writer(lang).to_string())?;
            crate::net::host::Server::start(&addr, &target.session, writer, now)
        });
        match started {
            Ok(server) => app.core.server = Some(server),
            Err(e) => {
                app.core.ledger.close(now()).map_err(|e| e.to_string())?;
                return Err(strings::cli::cannot_serve(lang, &e));
            }
        }
        match serve_ballots(&mut app, bind, &args, wifi, lang) {
            Ok(said) => ballot_page = said,
            Err(e) => {
                app.core.ledger.close(now()).map_err(|e| e.to_string())?;
                return Err(e);
            }
        }
    }
    let s = lang.s();
    if target.demo {
        app.demo = Some(format!(
            "{} · {}",
            s.demo_notice,
            strings::session_note(lang, &target.session.display().to_string())
        ));
    }
    if resuming {
        let st = app.session().state();
        let cur = st.current_unit();
        let text = if st.is_ended() {
            s.ended_notice.to_string()
        } else {
            strings::resumed(
                lang,
                cur.map(|u| u.name.as_str()),
                cur.is_none_or(|u| u.kind.is_report()),
                cur.is_some_and(|u| u.talk.is_running()),
                cur.is_some_and(|u| u.status() == crate::session::Status::Paused),
                st.remarks.len(),
            )
        };
        let mut text = text;
        if report.torn_tail {
            text = format!("{text} · {}", strings::torn_tail(lang));
        }
        // The round before's results copied again (`--previous` on this session): said on
        // the console too, not only on the terminal it hides.
        if let Some(notice) = linked.take() {
            text = format!("{text} · {notice}");
        }
        let name = file_name(&target.session);
        let note = strings::session_note(lang, &name);
        let plan_changed = target
            .plan
            .as_ref()
            .is_some_and(|plan| !target.demo && plan != app.session().plan());
        if plan_changed {
            // What happened and what to do, naming both files, before the rest.
            let plan = args.file.as_deref().map(file_name).unwrap_or_default();
            let changed = strings::cli::plan_changed_banner(lang, &plan);
            after = Some(strings::cli::plan_changed(lang, &plan, &name));
            app.banner(format!("{changed} · {text}"), Level::Warn);
        } else {
            app.banner(format!("{note} · {text}"), Level::Info);
        }
        // The session's name stays on the notice line once the banner is gone.
        if !target.demo {
            app.demo = Some(note);
        }
    } else if !target.demo {
        app.demo = Some(strings::session_note(
            lang,
            &target.session.display().to_string(),
        ));
        if let Some(notice) = linked {
            app.banner(notice, Level::Info);
        }
    }
    if let Some(said) = ballot_page {
        match app.core.notice.take() {
            Some(n) => app.banner(format!("{} · {said}", n.text), n.level),
            None => app.banner(said, Level::Info),
        }
    }
    app.restore_draft(t);
    // Whatever ends the console — a quit, a signal, a broken terminal, a bug — the session is
    // closed cleanly afterwards (every event was already on disk before it was shown).
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tui::run(&mut app)));
    // A close that fails (the disk is still full) says what was not saved and where the
    // copies written from the quit dialog are: the screen that said so is gone.
    let unsaved = app.core.ledger.unsaved();
    let last = app.session().last_seq();
    if unsaved > 0 && !app.quit {
        // Ended without the host's decision (a signal, a lost terminal, a bug) while changes
        // were only in memory: they go to an emergency copy before anything else.
        let folders = [
            dirs::desktop_dir(),
            dirs::home_dir(),
            Some(std::env::temp_dir()),
        ];
        app.emergency_copy(folders.into_iter().flatten(), now());
    }
    let copies: Vec<(String, u64)> = app
        .core
        .copies
        .iter()
        .map(|(p, seq)| (p.display().to_string(), last.saturating_sub(*seq)))
        .collect();
    let closed = app
        .core
        .ledger
        .close(now())
        .map_err(|e| strings::close_failed(lang, &e.to_string(), unsaved, &copies));
    if let Some(note) = after {
        eprintln!("podium: {note}");
    }
    match outcome {
        Ok(Ok(())) => closed,
        Ok(Err(e)) => {
            closed?;
            Err(strings::cli::terminal_unusable(lang, &e.to_string()))
        }
        Err(_) => {
            closed?;
            Err(strings::cli::run_internal_error(lang).into())
        }
    }
}
