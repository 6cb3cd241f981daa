//! `podium join ADDR --name NAME`: a note-taker's console on another laptop. It asks for the
//! join code, opens the encrypted channel to the host and runs the console with the host's
//! meeting; what the note-taker enters goes to the host through the laptop's outbox.

use super::CmdResult;
use crate::net::client::{self, JoinSpec, Link};
use crate::net::outbox::{self, Outbox};
use crate::net::wire::Role;
use crate::net::{HandshakeError, parse_addr};
use crate::strings::{Choice, Lang, cli};
use crate::tui::{
    self,
    app::{App, Level, Options},
    ledger::Remote,
};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct JoinArgs {
    /// The host's address as its console shows it (ADDR[:PORT], port 7373 by default)
    pub addr: String,
    /// Your name: recorded with every remark you enter
    #[arg(long)]
    pub name: String,
    /// The join code (otherwise asked for; also PODIUM_CODE)
    #[arg(long)]
    pub code: Option<String>,
    /// Where entries wait until the host confirms them (default: the user's data folder)
    #[arg(long)]
    pub outbox: Option<PathBuf>,
    /// No terminal bell at the warning and at time up
    #[arg(long)]
    pub quiet: bool,
    /// Lay out East Asian ambiguous-width characters as wide (also PODIUM_WIDE_AMBIGUOUS=1)
    #[arg(long)]
    pub wide_ambiguous: bool,
}

/// A code as typed: full-width digits (a Chinese input method) made plain, spaces left out.
fn normalize_code(text: &str) -> String {
    text.chars()
        .map(crate::text::ascii_digit)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The join code: from `--code`, `PODIUM_CODE`, or typed at the prompt.
pub fn ask_code(given: Option<&str>, lang: Lang, again: bool) -> Result<String, String> {
    if !again {
        if let Some(code) = given {
            return Ok(normalize_code(code));
        }
        if let Ok(code) = std::env::var("PODIUM_CODE")
            && !code.trim().is_empty()
        {
            return Ok(normalize_code(&code));
        }
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() && given.is_none() && again {
        return Err(cli::wrong_code(lang).into());
    }
    let prompt = cli::code_prompt(lang);
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let code = normalize_code(&line);
    if code.is_empty() {
        return Err(cli::no_code(lang).into());
    }
    Ok(code)
}

/// Opens the link, asking for the code again (up to three times) when it is wrong.
pub fn open_link(
    addr: &str,
    role: Role,
    name: &str,
    client_id: &str,
    given: Option<&str>,
    pending: usize,
    lang: Lang,
) -> Result<Link, String> {
    let mut again = false;
    for _ in 0..3 {
        let code = ask_code(given, lang, again)?;
        let spec = JoinSpec {
            addr: addr.to_string(),
            role,
            name: name.to_string(),
            client: client_id.to_string(),
            code,
        };
        // What the other side says is shown without control characters: it is not yet
        // known to be the host.
        let refused = match client::open(spec, pending, crate::wallclock::now) {
            Ok(link) => return Ok(link),
            Err(HandshakeError::Io(e)) => {
                return Err(cli::cannot_reach(lang, addr, &e));
            }
            Err(e @ HandshakeError::NotVerified) => crate::text::clean_line(e.text().pick(lang)),
            Err(HandshakeError::Refused {
                code: crate::net::wire::ErrorCode::WrongCode,
                message,
            }) => crate::text::clean_line(message.pick(lang)),
            Err(e) => return Err(crate::text::clean_line(e.text().pick(lang))),
        };
        // Said once: as the error when the code cannot be asked again, else above the
        // next prompt.
        if given.is_some() || !std::io::stdin().is_terminal() {
            return Err(refused);
        }
        eprintln!("podium: {refused}");
        again = true;
    }
    Err(cli::wrong_code_thrice(lang).into())
}

pub fn run(args: JoinArgs, choice: Choice) -> CmdResult {
    let lang = choice.first();
    let name = args.name.trim().to_string();
    if !crate::net::host::name_ok(&name) {
        return Err(cli::bad_name(lang).into());
    }
    let addr = parse_addr(&args.addr, "127.0.0.1")?;
    let path = args
        .outbox
        .clone()
        .unwrap_or_else(|| outbox::default_path(&name));
    let mut outbox = Outbox::open(&path)?;
    outbox.claim(&name)?;
    let pending = outbox.pending().len();
    if pending > 0 {
        eprintln!(
            "podium: {}",
            cli::outbox_pending(lang, pending, &path.display().to_string())
        );
    }
    let link = open_link(
        &addr,
        Role::Notetaker,
        &name,
        outbox.client(),
        args.code.as_deref(),
        pending,
        lang,
    )?;
    // The user's language, else the host's meeting's (the language of its plan).
    let lang = choice.session(&link.session);
    let opts = Options {
        lang,
        quiet: args.quiet,
        ambiguous: super::ambiguous(args.wide_ambiguous),
    };
    let remote = Remote::new(name.clone(), link, outbox);
    let t = remote.link.host_time(super::now());
    let mut app = App::remote(remote, opts, t);
    let text = cli::joined(lang, &name, &addr);
    app.banner(text, Level::Info);
    app.restore_draft(t);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tui::run(&mut app)));
    let waiting = app.core.ledger.remote().map_or(0, |r| r.waiting().count());
    if waiting > 0 {
        eprintln!("podium: {}", cli::unconfirmed_at_exit(lang, waiting));
    }
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(cli::terminal_unusable(lang, &e.to_string())),
        Err(_) => Err(cli::join_internal_error(lang).into()),
    }
}
