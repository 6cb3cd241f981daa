//! Linking a new session to the meeting before it (`podium run PLAN --previous FILE`, or the
//! plan's `previous`): one `LinkPrevious` command, the session's first event, copies the
//! earlier meeting's title, date, path and SHA-256 and every task it left unfinished, with
//! its history. The earlier session is only read (`store::read`: no lock, nothing written),
//! so its bytes never change.

use crate::plan::Plan;
use crate::session::{
    Command, MeetingRef, PreviousMeeting, PreviousResult, PreviousResults, Session, Task, Time,
};
use crate::sessions::{self, Meant};
use crate::store::{self, ExecError, StoreError, Writer};
use crate::strings::{Lang, previous as words};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The meeting before, read and ready to be linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// What the link records: title, date, the path as given, SHA-256.
    pub previous: PreviousMeeting,
    /// Its unfinished tasks, with their history and `carried_from` set.
    pub tasks: Vec<Task>,
    /// Its results as they stand (none when it does not score).
    pub results: Option<PreviousResults>,
    /// The session file that was read.
    pub file: PathBuf,
    /// When a plan was named: the session of it that was used (its path as shown).
    pub from_plan: Option<String>,
}

impl Link {
    /// The one line that says what was linked.
    pub fn notice(&self, lang: Lang) -> String {
        let line = words::linked(
            lang,
            &self.previous.title,
            self.previous.date.as_deref(),
            self.tasks.len(),
            self.from_plan.as_deref(),
        );
        match &self.results {
            Some(r) => words::with_results(lang, &line, r.units.len(), r.published),
            None => line,
        }
    }
}

/// Where the earlier meeting is named: the path as given, where it is on this machine, and
/// the plan that named it (none for `--previous`).
struct Named {
    given: String,
    path: PathBuf,
    plan: Option<String>,
}

/// Which earlier meeting is meant: `explicit` (`--previous`, relative to the current folder)
/// wins over the plan's `previous` (relative to the plan file's folder; without a plan file,
/// to the folder of `session`, the session being made).
fn named(
    session: Option<&Path>,
    plan_file: Option<&Path>,
    plan: &Plan,
    explicit: Option<&Path>,
) -> Option<Named> {
    if let Some(path) = explicit {
        return Some(Named {
            given: path.display().to_string(),
            path: path.to_path_buf(),
            plan: None,
        });
    }
    let given = plan.previous.as_deref()?.trim();
    if given.is_empty() {
        return None;
    }
    let base = plan_file.or(session).and_then(Path::parent);
    let path = match base {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(given),
        _ => PathBuf::from(given),
    };
    let plan = plan_file.map_or_else(|| plan.title.clone(), |p| p.display().to_string());
    Some(Named {
        given: given.to_string(),
        path,
        plan: Some(plan),
    })
}

/// The same file on this machine (both canonical paths; a file that does not exist yet by
/// its folder's canonical path and its name).
fn same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Some(dir.canonicalize().ok()?.join(p.file_name()?))
        })
    };
    match (canon(a), canon(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A meeting's date: its plan's, else the day of its first event.
fn meeting_date(session: &Session) -> Option<String> {
    session.plan().date.clone().or_else(|| {
        session
            .events()
            .first()
            .map(|e| e.at.date_naive().format("%Y-%m-%d").to_string())
    })
}

/// What `session` (the earlier meeting, read from `given`) hands on: the link and every task
/// not done, closed or cancelled, with its history, carried from it.
pub fn link_of(session: &Session, given: &str, sha256: String) -> (PreviousMeeting, Vec<Task>) {
    let title = session.plan().title.clone();
    let date = meeting_date(session);
    let from = MeetingRef {
        title: title.clone(),
        date: date.clone(),
    };
    let tasks = session
        .state()
        .tasks
        .iter()
        .filter(|t| !t.status.is_finished())
        .map(|t| {
            let mut t = t.clone();
            t.carried_from = Some(from.clone());
            t.origin = Default::default();
            t
        })
        .collect();
    let previous = PreviousMeeting {
        title,
        date,
        path: given.to_string(),
        sha256,
    };
    (previous, tasks)
}

/// The results of `session` (the earlier meeting) as they stand at its last event: every
/// 汇报单位 with its final as published, rank, category rank and band, in ranking order.
/// None when that meeting does not score.
pub fn results_of(session: &Session) -> Option<PreviousResults> {
    let rules = session.rules();
    if !rules.mode.scores() {
        return None;
    }
    let at = session
        .events()
        .last()
        .map(|e| e.at)
        .unwrap_or_else(|| session.clock(crate::session::Time::default()));
    let results = crate::scoring::results(rules, session.plan(), session.state(), at);
    let units = crate::scoring::ranking(&results)
        .into_iter()
        .map(|r| PreviousResult {
            unit: r.unit.clone(),
            category: r.category.clone(),
            final_score: r
                .final_score
                .map(|v| crate::session::record::number(rules, v)),
            rank: r.rank,
            category_rank: r.category_rank,
            band: r.band.clone(),
        })
        .collect();
    Some(PreviousResults {
        published: session.state().scores.published,
        decimals: rules.decimals,
        units,
    })
}

/// Reads the earlier meeting named by `explicit` or the plan's `previous` (see `named`) for
/// the session at `session` (none: no session is being made, as for `podium check`). Ok(None)
/// when none is named. Nothing is written; errors are sentences naming the file.
pub fn find(
    session: Option<&Path>,
    plan_file: Option<&Path>,
    plan: &Plan,
    explicit: Option<&Path>,
    lang: Lang,
    now: Time,
) -> Result<Option<Link>, String> {
    let Some(named) = named(session, plan_file, plan, explicit) else {
        return Ok(None);
    };
    let source = words::source(lang, named.plan.as_deref());
    let shown = named.given.as_str();
    let resolved = named.path.display().to_string();
    let resolved = (resolved != named.given).then_some(resolved);
    let meta = match std::fs::metadata(&named.path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(words::missing(lang, &source, shown, resolved.as_deref()));
        }
        Err(e) => return Err(words::unreadable(lang, &source, shown, &e.to_string())),
    };
    if meta.is_dir() {
        return Err(words::not_session(lang, &source, shown));
    }
    let bytes = std::fs::read(&named.path)
        .map_err(|e| words::unreadable(lang, &source, shown, &e.to_string()))?;
    let (file, given, from_plan, bytes) = if looks_like_session(&bytes) {
        (named.path.clone(), named.given.clone(), None, bytes)
    } else {
        // A plan: its most recent session, as `podium report PLAN` takes it.
        let text =
            String::from_utf8(bytes).map_err(|_| words::not_session(lang, &source, shown))?;
        let is_plan = crate::planfile::parse("", &text, lang).is_ok();
        if !is_plan || crate::commands::sessions::file_name(&named.path).ends_with(".session.json")
        {
            return Err(words::not_session(lang, &source, shown));
        }
        let found =
            sessions::list(&named.path).map_err(|e| words::unreadable(lang, &source, shown, &e))?;
        let i = match sessions::meant(&found, now) {
            Meant::None => return Err(words::plan_without_session(lang, &source, shown)),
            Meant::Newest(i) | Meant::Doubtful(i, _) => i,
        };
        let chosen = &found[i];
        let given = Path::new(&named.given)
            .with_file_name(&chosen.name)
            .display()
            .to_string();
        // One that cannot be read is said below, as for a session named directly.
        let bytes = std::fs::read(&chosen.path)
            .map_err(|e| words::unreadable(lang, &source, &given, &e.to_string()))?;
        (chosen.path.clone(), given.clone(), Some(given), bytes)
    };
    let shown = given.as_str();
    if let Some(session) = session
        && same_file(&file, session)
    {
        return Err(words::same_file(lang, &source, shown));
    }
    // A console may be writing the earlier meeting meanwhile (its snapshot replaced whole):
    // the session is read again until the file is the one whose bytes were hashed, so that
    // the SHA-256 recorded is of the bytes the carried tasks came from.
    let mut bytes = bytes;
    let mut tries = 0;
    let earlier = loop {
        let earlier = store::read(&file).map_err(|e| match e {
            StoreError::NewerVersion { version, .. } => words::newer(lang, &source, shown, version),
            StoreError::NotSession { .. } => words::not_session(lang, &source, shown),
            StoreError::Io { source: io, .. } => {
                words::unreadable(lang, &source, shown, &io.to_string())
            }
            other => words::bad_session(lang, &source, shown, &other.to_string()),
        })?;
        let again = std::fs::read(&file)
            .map_err(|e| words::unreadable(lang, &source, shown, &e.to_string()))?;
        if again == bytes {
            break earlier;
        }
        tries += 1;
        if tries >= 20 {
            return Err(words::unreadable(
                lang,
                &source,
                shown,
                &words::kept_changing(lang),
            ));
        }
        bytes = again;
    };
    let (previous, tasks) = link_of(&earlier, &given, sha256_hex(&bytes));
    Ok(Some(Link {
        previous,
        tasks,
        results: results_of(&earlier),
        file,
        from_plan,
    }))
}

/// Whether a file's bytes are a session's (its JSON has a `format` field).
fn looks_like_session(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(store::is_session_text)
}

/// Writes the link into a session just created (no event yet): one `LinkPrevious`, its first
/// event. Returns the notice line.
pub fn link(writer: &mut Writer, link: Link, lang: Lang, now: Time) -> Result<String, String> {
    let notice = link.notice(lang);
    let command = Command::LinkPrevious {
        previous: Box::new(link.previous),
        tasks: link.tasks,
        results: link.results.map(Box::new),
    };
    writer
        .execute(&command, now)
        .map_err(|e| not_written(e, lang))?;
    on_disk(writer, lang)?;
    Ok(notice)
}

/// The sentence for a command that could not be written: refused, or not saved.
fn not_written(e: ExecError, lang: Lang) -> String {
    match e {
        ExecError::Refused(r) => crate::strings::refusal(lang, &r),
        ExecError::Store(e) => words::not_saved(lang, &e.to_string()),
    }
}

/// Ok when what was just executed is on disk; a sentence when it is held only in memory
/// (the journal could not take it).
fn on_disk(writer: &Writer, lang: Lang) -> Result<(), String> {
    if writer.unsaved() > 0 {
        let e = writer.save_error().unwrap_or_default().to_string();
        return Err(words::not_saved(lang, &e));
    }
    Ok(())
}

/// `--previous FILE` for a session that already exists (`session`, at `path`): fine when it
/// is already linked to that very file (the path as recorded, the same file, or the same
/// SHA-256), refused otherwise with a sentence saying how to make a new linked session.
pub fn check_resumed(
    session: &Session,
    path: &Path,
    explicit: &Path,
    lang: Lang,
    now: Time,
) -> Result<(), String> {
    let name = crate::commands::sessions::file_name(path);
    let given = explicit.display().to_string();
    let Some(linked) = &session.state().previous else {
        return Err(words::refused(lang, &words::too_late(lang, &name, &given)));
    };
    if linked.path == given {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(Path::new(""));
    let recorded = [PathBuf::from(&linked.path), folder.join(&linked.path)];
    if recorded.iter().any(|r| same_file(r, explicit)) {
        return Ok(());
    }
    if let Ok(Some(found)) = find(None, None, session.plan(), Some(explicit), lang, now)
        && (found.previous.sha256 == linked.sha256
            || recorded.iter().any(|r| same_file(r, &found.file)))
    {
        return Ok(());
    }
    Err(words::refused(
        lang,
        &words::linked_elsewhere(lang, &name, &linked.path, &given),
    ))
}

/// `--previous FILE` on a session that already exists and is linked to that file
/// (`check_resumed` said so): its results are read again and copied with a new event
/// (scores are often typed up late). Returns the line that says so.
pub fn recopy(
    writer: &mut Writer,
    explicit: &Path,
    lang: Lang,
    now: Time,
) -> Result<String, String> {
    let session_path = writer.paths().session.clone();
    let found = find(
        Some(&session_path),
        None,
        writer.session().plan(),
        Some(explicit),
        lang,
        now,
    )
    .map_err(|e| words::refused(lang, &e))?
    .ok_or_else(|| words::refused(lang, &explicit.display().to_string()))?;
    // The file at the linked path replaced by another meeting (another title or date): its
    // results are not this series' round before. (A date only one side has — a meeting
    // without a planned date linked before its first event — is no difference.)
    if let Some(linked) = &writer.session().state().previous
        && (linked.title != found.previous.title
            || (linked.date.is_some()
                && found.previous.date.is_some()
                && linked.date != found.previous.date))
    {
        let shown = |m: &PreviousMeeting| match &m.date {
            Some(d) => format!("{} {d}", m.title),
            None => m.title.clone(),
        };
        return Err(words::refused(
            lang,
            &words::replaced(
                lang,
                &explicit.display().to_string(),
                &shown(linked),
                &shown(&found.previous),
            ),
        ));
    }
    let Some(results) = found.results else {
        return Ok(words::no_results(lang, &found.previous.title));
    };
    let notice = words::recopied(
        lang,
        &found.previous.title,
        results.units.len(),
        results.published,
    );
    let command = Command::CopyPreviousResults {
        sha256: found.previous.sha256,
        results: Box::new(results),
    };
    match writer.execute(&command, now) {
        Ok(_) => {}
        // Published: the session opens as it is, and says why nothing was copied.
        Err(ExecError::Refused(crate::session::Refusal::ResultsPublished)) => {
            return Ok(words::not_recopied_published(lang, &found.previous.title));
        }
        Err(e) => return Err(not_written(e, lang)),
    }
    on_disk(writer, lang)?;
    Ok(notice)
}

/// Carries the meeting before into the session `writer` has just created: the earlier
/// session named by `explicit` (`--previous`, relative to the current folder) or else by the
/// plan's `previous` (relative to `plan_file`'s folder, or to the session's when there is no
/// plan file). Ok(None) when none is named. The returned line says what was carried (for the
/// console or the standard error). Errors are sentences naming the file; nothing is written
/// then. A session that already has events is not linked again: with `explicit`, it must
/// already be linked to that file (else refused); the plan's `previous` alone is passed over.
pub fn carry(
    writer: &mut Writer,
    plan_file: Option<&Path>,
    plan: &Plan,
    explicit: Option<&Path>,
    lang: Lang,
    now: Time,
) -> Result<Option<String>, String> {
    let session_path = writer.paths().session.clone();
    if writer.session().last_seq() > 0 {
        return match explicit {
            Some(explicit) => {
                check_resumed(writer.session(), &session_path, explicit, lang, now).map(|()| None)
            }
            None => Ok(None),
        };
    }
    let found = find(Some(&session_path), plan_file, plan, explicit, lang, now)
        .map_err(|e| words::refused(lang, &e))?;
    match found {
        None => Ok(None),
        Some(found) => link(writer, found, lang, now).map(Some),
    }
}
