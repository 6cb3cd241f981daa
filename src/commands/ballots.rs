//! `podium ballots PLAN|SESSION [--group NAME=N]… [--void SERIAL]… [--url URL]
//! [--wifi SSID:PASSWORD] [-o FILE] [--format docx|csv]`: issues and voids anonymous ballots
//! and prints the new ones' slips.

use super::CmdResult;
use crate::report::slips::{self, Slip, Slips, Wifi};
use crate::session::ballots;
use crate::session::{Command, Session};
use crate::store::{StoreError, Writer};
use crate::strings::{self, Choice, Lang, ballots as words, cli};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct BallotsArgs {
    /// The plan or the session
    pub plan: PathBuf,
    /// Issue up to N ballots for a group: NAME=N (repeatable)
    #[arg(long = "group", value_name = "NAME=N")]
    pub groups: Vec<String>,
    /// Void a ballot by its serial (repeatable)
    #[arg(long = "void", value_name = "SERIAL")]
    pub void: Vec<String>,
    /// The ballot page's address, in the QR codes
    #[arg(long)]
    pub url: Option<String>,
    /// The venue's Wi-Fi: SSID:PASSWORD
    #[arg(long)]
    pub wifi: Option<String>,
    /// The file to write (.docx or .csv)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// docx slips or csv codes
    #[arg(long, value_enum)]
    pub format: Option<SlipFormat>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipFormat {
    Docx,
    Csv,
}

/// `n` new codes and the salt their hashes are made with, from the system's random source.
pub fn draw(n: usize) -> Result<(String, Vec<String>), String> {
    let mut salt = [0u8; ballots::SALT_BYTES];
    getrandom::getrandom(&mut salt).map_err(|e| e.to_string())?;
    let mut codes = Vec::with_capacity(n);
    for _ in 0..n {
        let mut bytes = [0u8; ballots::CODE_BYTES];
        getrandom::getrandom(&mut bytes).map_err(|e| e.to_string())?;
        codes.push(ballots::code_from(&bytes));
    }
    Ok((ballots::hex(&salt), codes))
}

/// The address the ballot page would be served at now: this computer's first LAN address
/// and port 7374 (`http://192.168.1.5:7374`); loopback when it has none.
pub fn default_url() -> String {
    crate::net::ballots::page_url(std::net::SocketAddr::from((
        [0, 0, 0, 0],
        crate::net::BALLOTS_PORT,
    )))
}

pub fn run(args: BallotsArgs, choice: Choice) -> CmdResult {
    let now = super::now();
    let path = args.plan.as_path();
    // The session as it is now (read, not opened): the summary, and whether there is anything
    // to do at all; a plan without a session is an empty session of its plan.
    let (before, lang, session_path, exists) =
        match super::sessions::import_target(path, "ballots", choice)? {
            Some(t) => {
                let s = t.current.map_err(|e| e.to_string())?;
                (s, t.lang, t.path, true)
            }
            None => {
                let loaded = super::load_plan(path, choice.first())?;
                let lang = choice.plan(&loaded.plan);
                for w in &loaded.warnings {
                    eprintln!("podium: {w}");
                }
                let s = Session::new(loaded.plan);
                (s, lang, crate::sessions::first_session(path), false)
            }
        };
    let groups = before.ballot_groups();
    if groups.is_empty() {
        return Err(words::no_groups(lang, &crate::text::file_name(path)));
    }
    // Everything the user typed is checked before anything is drawn, written or opened.
    let base = match &args.url {
        Some(url) => check_url(url).ok_or_else(|| words::bad_url(lang, url))?,
        None => default_url(),
    };
    let wifi = args
        .wifi
        .as_deref()
        .map(|w| parse_wifi(w, lang))
        .transpose()?;
    let csv = match (args.format, &args.output) {
        (Some(f), Some(out)) => {
            let ext = out
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let csv = f == SlipFormat::Csv;
            // Codes in a file named .docx (or slips in .csv) would not open: said.
            if ext != if csv { "csv" } else { "docx" } {
                return Err(words::bad_extension(lang, &out.display().to_string()));
            }
            csv
        }
        (Some(f), None) => f == SlipFormat::Csv,
        (None, Some(out)) => {
            let ext = out
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match ext.as_str() {
                "docx" => false,
                "csv" => true,
                _ => return Err(words::bad_extension(lang, &out.display().to_string())),
            }
        }
        (None, None) => false,
    };
    if let Some(out) = &args.output
        && (out.exists() || out.is_symlink())
    {
        return Err(words::exists(lang, &out.display().to_string()));
    }
    let mut asked: Vec<(String, usize)> = Vec::new();
    for g in &args.groups {
        let (name, n) =
            super::sheets::parse_group_up_to(g, lang, crate::plan::MAX_BALLOTS as usize)?;
        if asked.iter().any(|(other, _)| *other == name) {
            return Err(words::group_twice(lang, &name));
        }
        if !groups.contains(&name) {
            return Err(words::unknown_group(lang, &name, &groups));
        }
        asked.push((name, n));
    }
    let voids: Vec<String> = args.void.iter().map(|v| v.trim().to_string()).collect();
    let todo = to_issue(&before, &asked, lang)?;
    if todo.is_empty() && voids.is_empty() {
        if !asked.is_empty() {
            eprintln!("podium: {}", words::nothing_to_issue(lang));
        }
        println!("{}", summary(&before, lang));
        return Ok(());
    }
    // Voids alone are checked against the session as read (a refusal leaves it untouched).
    check(&before, &voids, &[], now, lang)?;

    let said = |e: StoreError| match e {
        StoreError::Locked { name, pid } => {
            words::locked(lang, &cli::session_locked(lang, &name, &pid))
        }
        other => other.to_string(),
    };
    let (mut writer, new_session) = if exists {
        let (w, _) = Writer::open(&session_path, now).map_err(said)?;
        (w, false)
    } else {
        let w = Writer::create(&session_path, before.plan().clone(), now).map_err(said)?;
        (w, true)
    };
    if new_session {
        let name = super::sessions::file_name(&session_path);
        eprintln!("podium: {}", cli::scores_new_session(lang, &name));
    }
    // Planned again on the session as opened (a console may have issued meanwhile).
    let planned = (|| {
        let todo = to_issue(writer.session(), &asked, lang)?;
        let mut batches = Vec::new();
        for (group, _, n) in todo {
            let (salt, codes) = draw(n).map_err(|e| words::not_issued(lang, &e))?;
            // The serials the session will give (a taken one skipped), printed on the slips.
            let serials = writer.session().state().ballots.next_serials(&group, n);
            batches.push(Batch {
                group,
                serials,
                salt,
                codes,
            });
        }
        check(writer.session(), &voids, &batches, now, lang)?;
        Ok::<_, String>(batches)
    })();
    let batches = match planned {
        Ok(b) => b,
        Err(e) => {
            let _ = writer.release(now);
            return Err(e);
        }
    };
    // The codes exist only now: they go to a file beside the target first, and only then
    // are their hashes issued.
    let mut file = None;
    if !batches.is_empty() {
        let written = (|| {
            let target = match &args.output {
                Some(out) => out.clone(),
                None => default_target(path, lang, csv),
            };
            let the_slips = Slips {
                title: writer.session().plan().title.clone(),
                date: writer
                    .session()
                    .plan()
                    .meeting_date()
                    .map(|d| strings::print::date(lang, d)),
                slips: batches.iter().flat_map(|b| b.slips(&base)).collect(),
                wifi: wifi.clone(),
                lang,
            };
            let bytes = if csv {
                slips::csv(&the_slips).into_bytes()
            } else {
                slips::docx(&the_slips)?
            };
            let temp = write_temp(&target, &bytes, lang)?;
            Ok::<_, String>((target, temp))
        })();
        match written {
            Ok(f) => file = Some(f),
            Err(e) => {
                let _ = writer.release(now);
                return Err(words::not_issued(lang, &e));
            }
        }
    }
    let drop_temp = |file: &Option<(PathBuf, PathBuf)>| {
        if let Some((_, temp)) = file {
            let _ = std::fs::remove_file(temp);
        }
    };
    let items: Vec<(Command, Option<crate::session::Author>)> = voids
        .iter()
        .map(|serial| Command::VoidBallot {
            serial: serial.clone(),
        })
        .chain(batches.iter().map(Batch::command))
        .map(|c| (c, None))
        .collect();
    let results = writer.execute_batch(&items, now);
    if let Some(r) = results.into_iter().find_map(Result::err) {
        // Checked just before on the same session: not expected; whatever went through is
        // said by the summary.
        drop_temp(&file);
        let _ = writer.close(now);
        return Err(strings::refusal(lang, &r));
    }
    if writer.unsaved() > 0 {
        let e = writer.save_error().unwrap_or_default().to_string();
        drop_temp(&file);
        return Err(words::not_saved(lang, &e));
    }
    let state = writer.session().clone();
    if let Err(e) = writer.close(now) {
        let journal = crate::store::Paths::of(&session_path).journal;
        eprintln!(
            "podium: {}",
            words::journal_only(lang, &crate::text::file_name(&journal), &e.to_string())
        );
    }
    for serial in &voids {
        println!("{}", words::voided(lang, serial));
    }
    for b in &batches {
        let n = b.codes.len();
        println!(
            "{}",
            words::issued(lang, &b.group, n, &b.serials[0], &b.serials[n - 1])
        );
    }
    println!("{}", summary(&state, lang));
    if let Some((target, temp)) = file {
        let shown = target.display().to_string();
        if let Err(e) = place(&temp, &target) {
            return Err(words::not_renamed(
                lang,
                &temp.display().to_string(),
                &shown,
                &e.to_string(),
            ));
        }
        println!("{}", words::written(lang, &shown, csv));
        eprintln!("podium: {}", words::secret(lang, csv));
    }
    Ok(())
}

/// One group's new ballots: the codes (only in memory, and in the file) and the salt.
struct Batch {
    group: String,
    /// The serials the session gives them, in order.
    serials: Vec<String>,
    salt: String,
    codes: Vec<String>,
}

impl Batch {
    fn command(&self) -> Command {
        Command::IssueBallots {
            group: self.group.clone(),
            salt: self.salt.clone(),
            hashes: self
                .codes
                .iter()
                .map(|c| ballots::hash(&self.salt, c))
                .collect(),
        }
    }

    fn slips(&self, base: &str) -> Vec<Slip> {
        self.codes
            .iter()
            .enumerate()
            .map(|(i, code)| Slip {
                group: self.group.clone(),
                serial: self.serials[i].clone(),
                code: code.clone(),
                link: slips::link(base, code),
            })
            .collect()
    }
}

/// Per group with a target (`--group`, else the plan's `ballots`), how many to issue and the
/// first new serial's number: (group, from, n). A `--group` below what is issued is refused.
fn to_issue(
    session: &Session,
    asked: &[(String, usize)],
    lang: Lang,
) -> Result<Vec<(String, usize, usize)>, String> {
    let mut out = Vec::new();
    for g in &session.plan().scoring().ballot_groups {
        // (target, whether the user typed it): the plan's number is met once that many are
        // issued, and a group grown past it with `--group` stays as it is.
        let target = match asked.iter().find(|(name, _)| *name == g.name) {
            Some((_, n)) => Some((*n, true)),
            // The plan's number only for a group none of whose ballots exist yet: once some
            // are (slips, a questionnaire, paper), more come only with `--group`.
            None if asked.is_empty() && session.state().ballots.issued_in(&g.name) == 0 => {
                g.ballots.map(|n| (n as usize, false))
            }
            None => None,
        };
        let Some((target, typed)) = target else {
            continue;
        };
        let issued = session.state().ballots.issued_in(&g.name);
        if typed && target < issued {
            return Err(words::below_issued(lang, &g.name, target, issued));
        }
        if target > issued {
            out.push((g.name.clone(), issued + 1, target - issued));
        }
    }
    Ok(out)
}

/// Every void and issue decided in order on a copy of `session`: all go through, or none.
fn check(
    session: &Session,
    voids: &[String],
    batches: &[Batch],
    now: crate::session::Time,
    lang: Lang,
) -> Result<(), String> {
    for serial in voids {
        match session.state().ballots.get(serial) {
            None => return Err(words::unknown_serial(lang, serial)),
            Some(b) if b.voided => return Err(words::voided_before(lang, serial)),
            Some(_) => {}
        }
    }
    let mut s = session.clone();
    let commands = voids
        .iter()
        .map(|serial| Command::VoidBallot {
            serial: serial.clone(),
        })
        .chain(batches.iter().map(Batch::command));
    for c in commands {
        let events = s.decide(&c, now).map_err(|r| strings::refusal(lang, &r))?;
        s.commit(events);
    }
    Ok(())
}

/// Per group: issued, cast, voided; and whether voting is open.
fn summary(session: &Session, lang: Lang) -> String {
    let b = &session.state().ballots;
    let mut lines = vec![words::summary_head(lang, b.open).to_string()];
    for g in session.ballot_groups() {
        let c = b.counts(Some(&g));
        lines.push(words::summary_line(lang, &g, c.issued, c.cast, c.voided));
    }
    let c = b.counts(None);
    lines.push(words::summary_line(
        lang,
        words::summary_total(lang),
        c.issued,
        c.cast,
        c.voided,
    ));
    lines.join("\n")
}

/// `http://HOST[:PORT][/]` or `https://…`, without the trailing slash; `None` otherwise.
pub fn check_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        if inside.is_empty() || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return None;
        }
        match after {
            "" => (inside, None),
            _ => (inside, Some(after.strip_prefix(':')?)),
        }
    } else {
        match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        }
    };
    let host_ok = !host.is_empty()
        && (rest.starts_with('[')
            || host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        && !host.starts_with(['.', '-']);
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    });
    (host_ok && port_ok).then(|| url.trim_end_matches('/').to_string())
}

/// `SSID:PASSWORD` (`Wifi::parse`), or the sentence that says how to write it.
fn parse_wifi(arg: &str, lang: Lang) -> Result<Wifi, String> {
    Wifi::parse(arg).ok_or_else(|| words::bad_wifi(lang))
}

/// `<plan>-测评票.docx` beside the plan (`-2`, `-3`… when taken).
fn default_target(path: &Path, lang: Lang, csv: bool) -> PathBuf {
    let stem = crate::report::export::export_stem(path);
    let ext = if csv { "csv" } else { "docx" };
    let tail = words::file_tail(lang, csv);
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{stem}-{tail}.{ext}"),
            n => format!("{stem}-{tail}-{n}.{ext}"),
        };
        let target = path.with_file_name(name);
        if !(target.exists() || target.is_symlink()) || n >= 1000 {
            return target;
        }
        n += 1;
    }
}

/// Writes `bytes` to a new hidden file beside `target` (`.NAME.PID.tmp`).
/// Writes `bytes` to a new hidden file beside `target` (flushed to disk), refusing when
/// `target` exists; the temporary file's path.
pub fn write_temp(target: &Path, bytes: &[u8], lang: Lang) -> Result<PathBuf, String> {
    use std::io::Write;
    if target.exists() || target.is_symlink() {
        return Err(words::exists(lang, &target.display().to_string()));
    }
    let name = crate::text::file_name(target);
    let temp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let shown = temp.display().to_string();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    // The codes are secret: readable by their owner only.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(&temp).map_err(|e| format!("{shown}: {e}"))?;
    if let Err(e) = f.write_all(bytes).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(&temp);
        return Err(format!("{shown}: {e}"));
    }
    Ok(temp)
}

/// Gives `temp` the name `target`, never replacing a file that took the name meanwhile.
pub fn place(temp: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(temp, target) {
        Ok(()) => {
            let _ = std::fs::remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: checked, then renamed.
        Err(_) if !(target.exists() || target.is_symlink()) => std::fs::rename(temp, target),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_an_address_and_a_port() {
        for good in [
            "http://192.168.1.5:7374",
            "http://192.168.1.5:7374/",
            "https://podium.example",
            "http://[fe80::1]:80",
        ] {
            assert!(check_url(good).is_some(), "{good}");
        }
        assert_eq!(check_url("http://h:1/").as_deref(), Some("http://h:1"));
        for bad in [
            "ftp://h",
            "http://",
            "http://h/path",
            "http://h:99999",
            "http://h:",
            "http://h?x=1",
            "http://u@h",
            "192.168.1.5:7374",
            "http://h:80#f",
        ] {
            assert!(check_url(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn wifi_splits_at_the_first_colon() {
        let w = parse_wifi("会场:a:b", Lang::Zh).unwrap();
        assert_eq!((w.ssid.as_str(), w.password.as_str()), ("会场", "a:b"));
        assert_eq!(parse_wifi("Open:", Lang::Zh).unwrap().password, "");
        assert!(parse_wifi(":pw", Lang::Zh).is_err());
        assert!(parse_wifi("nocolon", Lang::Zh).is_err());
    }
}
