//! `podium run`: opens or resumes a session and runs the live console.

use super::{CmdResult, load_plan, now, read_text};
use crate::plan::Plan;
use crate::store::{self, Writer};
use crate::strings::{self, Lang};
use crate::tui::{
    self,
    app::{App, Level, Options},
};
use std::path::{Path, PathBuf};

/// The demo meeting, built into the binary.
pub const DEMO_PLAN: &str = include_str!("../../data/city-report.json");
pub const DEMO_SESSION: &str = "podium-demo.session.json";

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// A plan (a new session beside it, or the one already there) or a session file
    pub file: Option<PathBuf>,
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
}

impl RunArgs {
    pub fn demo() -> RunArgs {
        RunArgs {
            file: None,
            quiet: false,
            session: None,
            new: false,
            wide_ambiguous: false,
            serve: None,
        }
    }
}

/// Where the session lives and what to start it from when it does not exist yet.
struct Target {
    session: PathBuf,
    plan: Option<Plan>,
    demo: bool,
}

fn beside(plan_path: &Path, name: String) -> PathBuf {
    plan_path.with_file_name(name)
}

fn target(args: &RunArgs, lang: Lang) -> Result<Target, String> {
    let Some(file) = &args.file else {
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
            demo: true,
        });
    };
    let text = read_text(file, lang)?;
    if store::is_session_text(&text) {
        if args.new {
            // The next meeting from the same plan: a fresh session beside this one.
            let plan = store::read(file).map_err(|e| e.to_string())?.plan().clone();
            let stem = session_stem(file);
            let session = dated_session(file, &stem);
            return Ok(Target {
                session,
                plan: Some(plan),
                demo: false,
            });
        }
        return Ok(Target {
            session: file.clone(),
            plan: None,
            demo: false,
        });
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
        (None, false) => beside(file, format!("{stem}.session.json")),
    };
    Ok(Target {
        session,
        plan: Some(loaded.plan),
        demo: false,
    })
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

fn session_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".session.json")
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name)
        .to_string()
}

pub fn run(args: RunArgs, lang: Lang) -> CmdResult {
    let opts = Options {
        lang,
        quiet: args.quiet,
        ambiguous: super::ambiguous(args.wide_ambiguous),
    };
    let target = target(&args, lang)?;
    let t = now();
    let resuming = target.session.exists();
    let (writer, report) = if resuming {
        Writer::open(&target.session, t).map_err(|e| e.to_string())?
    } else {
        let plan = target
            .plan
            .clone()
            .ok_or_else(|| strings::cli::not_found(lang, &target.session.display().to_string()))?;
        (
            Writer::create(&target.session, plan, t).map_err(|e| e.to_string())?,
            Default::default(),
        )
    };
    let mut app = App::new(writer, opts, t);
    if let Some(bind) = &args.serve {
        let started = crate::net::parse_addr(bind, "0.0.0.0").and_then(|addr| {
            let writer = app.core.ledger.writer().ok_or("no session")?;
            crate::net::host::Server::start(&addr, &target.session, writer, now)
        });
        match started {
            Ok(server) => app.core.server = Some(server),
            Err(e) => {
                app.core.ledger.close(now()).map_err(|e| e.to_string())?;
                return Err(strings::cli::cannot_serve(lang, &e));
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
                cur.is_some_and(|u| u.talk.is_running()),
                cur.is_some_and(|u| u.status() == crate::session::Status::Paused),
                st.remarks.len(),
            )
        };
        let mut text = text;
        if report.torn_tail {
            text = format!("{text} · {}", strings::torn_tail(lang));
        }
        if let Some(plan) = &target.plan
            && !target.demo
            && plan != app.session().plan()
        {
            text = format!("{text} · {}", s.plan_changed);
        }
        app.banner(text, Level::Info);
    } else if !target.demo {
        app.demo = Some(strings::session_note(
            lang,
            &target.session.display().to_string(),
        ));
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
