//! `podium display SESSION|ADDR [--ballots-url URL] [--wifi SSID:PASSWORD]`: the stage
//! display, read-only. While voting is open it shows the ballot page's QR code: the page's
//! address from `--ballots-url`, else the join file beside the session (a meeting on this
//! machine), else the served meeting's host at the ballots port.

use super::CmdResult;
use crate::display::{self, BallotPage, DisplayOptions, Follower, PageSource, page};
use crate::strings::{Choice, stage};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct DisplayArgs {
    /// The session file, or ADDR[:PORT] of a meeting served with --serve
    pub session: PathBuf,
    /// The join code, for a served meeting (otherwise asked for; also PODIUM_CODE)
    #[arg(long)]
    pub code: Option<String>,
    /// Lay out East Asian ambiguous-width characters as wide
    #[arg(long)]
    pub wide_ambiguous: bool,
    /// Only the big countdown, for a speaker's monitor
    #[arg(long)]
    pub clock_only: bool,
    /// The ballot page's address on the voting screen's QR code (http://ADDR:PORT)
    #[arg(long, value_name = "URL")]
    pub ballots_url: Option<String>,
    /// The venue's Wi-Fi, as a QR code on the voting screen: SSID:PASSWORD
    #[arg(long, value_name = "SSID:PASSWORD")]
    pub wifi: Option<String>,
}

/// True when `arg` names a served meeting (`ADDR[:PORT]`) rather than a file.
fn is_address(arg: &Path) -> bool {
    if arg.exists() {
        return false;
    }
    let text = arg.to_string_lossy();
    text.parse::<std::net::SocketAddr>().is_ok()
        || text.parse::<std::net::IpAddr>().is_ok()
        || text
            .rsplit_once(':')
            .is_some_and(|(host, port)| !host.contains(['/', '\\']) && port.parse::<u16>().is_ok())
}

/// The page as the flags give it; an address that is not the page's is refused.
fn flags(args: &DisplayArgs, lang: crate::strings::Lang) -> Result<BallotPage, String> {
    let url = match &args.ballots_url {
        Some(u) => Some(page::check_url(u).map_err(|e| e.say(lang))?),
        None => None,
    };
    let wifi = match &args.wifi {
        Some(w) => Some(
            crate::report::slips::Wifi::parse(w)
                .ok_or_else(|| stage::bad_wifi(lang).to_string())?,
        ),
        None => None,
    };
    Ok(BallotPage { url, wifi })
}

pub fn run(args: DisplayArgs, choice: Choice) -> CmdResult {
    // The user's language, else the meeting's (the session's, or the served plan's).
    let lang = choice.first();
    let given = flags(&args, lang)?;
    let file = args.session.as_path();
    let opts = |session: &crate::session::Session| DisplayOptions {
        lang: choice.session(session),
        ambiguous: super::ambiguous(args.wide_ambiguous),
        clock_only: args.clock_only,
    };
    let (shown, lang) = if is_address(file) {
        let addr = crate::net::parse_addr(&file.to_string_lossy(), "127.0.0.1")?;
        let link = super::join::open_link(
            &addr,
            crate::net::wire::Role::Display,
            "",
            &crate::net::new_id(),
            args.code.as_deref(),
            0,
            lang,
        )?;
        let opts = opts(&link.session);
        let served = BallotPage {
            url: Some(page::served_url(&addr)),
            wifi: None,
        };
        let pages = PageSource::fixed(given.over(&served));
        (display::run(link, opts, pages), opts.lang)
    } else {
        // A plan means its most recent session (docs/SESSIONS.md).
        let session = super::sessions::existing(file, "display", choice)?;
        let follower = Follower::open(&session)?;
        let opts = opts(&follower.session);
        let pages = PageSource::beside(&session, given);
        (display::run(follower, opts, pages), opts.lang)
    };
    shown.map_err(|e| crate::strings::cli::terminal_unusable(lang, &e.to_string()))
}
