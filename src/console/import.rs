//! Score import (`Ctrl+O`): the file is read and checked on a thread of its own, so a large or
//! slow file never stops the console; `tick` applies the result through the console's own
//! ledger once it is ready.

use super::{Console, Level};
use crate::session::Time;
use crate::strings::{self, Lang};
use std::path::PathBuf;

/// How often the console looks whether a score file given to `Ctrl+O` has been read.
pub(super) const IMPORT_POLL_MS: i64 = 100;

/// What the import thread sends back: the table read and its rows checked, or why the file
/// could not be read.
type ImportOutcome = Result<
    (
        crate::import::Table,
        Result<crate::import::ScoreImport, Vec<String>>,
    ),
    String,
>;

/// A score file given to `Ctrl+O`, being read and checked on a thread of its own.
pub(super) struct ImportJob {
    path: PathBuf,
    /// The session's last event when the file was given (its rows were checked against it).
    seq: u64,
    result: std::sync::mpsc::Receiver<ImportOutcome>,
}

impl Console {
    /// Imports a score file typed in the prompt, off the console's thread. False when it
    /// could not start (nothing typed, no such file, a folder, another file still being
    /// read): the notice says why, in the console's language, and the prompt stays.
    pub fn import_scores(&mut self, typed: &str, now: Time) -> bool {
        let lang = self.lang;
        if let Some(job) = &self.import_job {
            let text = strings::console::still_reading(lang, &job.path.display().to_string());
            self.notify(text, Level::Warn, now);
            return false;
        }
        let Some(path) = typed_path(typed) else {
            let text = strings::console::no_file_given(lang).to_string();
            self.notify(text, Level::Warn, now);
            return false;
        };
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Err(e) => {
                let why = strings::console::io_reason(lang, &e);
                self.notify(
                    strings::console::cannot_read(lang, &shown, &why),
                    Level::Error,
                    now,
                );
                return false;
            }
            Ok(m) if m.is_dir() => {
                self.notify(
                    strings::console::is_a_folder(lang, &shown),
                    Level::Error,
                    now,
                );
                return false;
            }
            Ok(_) => {}
        }
        let session = self.session().clone();
        let seq = session.last_seq();
        let (send, result) = std::sync::mpsc::channel();
        let file = path.clone();
        // Named as the import's guard threads are: a panic reading a damaged file is an error
        // of the file (said when the thread ends without a result), never the console's.
        let spawned = std::thread::Builder::new()
            .name(crate::import::GUARD_THREAD.into())
            .spawn(move || {
                let read = crate::import::read_table_in(&file, lang).map(|table| {
                    let checked = crate::import::scores(&table, &session, lang, None);
                    (table, checked)
                });
                let _ = send.send(read);
            });
        match spawned {
            Ok(_) => {
                let text = strings::console::reading(lang, &path.display().to_string());
                self.banner(text, Level::Info);
                self.import_job = Some(ImportJob { path, seq, result });
                true
            }
            Err(e) => {
                let why = strings::console::io_reason(lang, &e);
                self.notify(
                    strings::console::cannot_read(lang, &shown, &why),
                    Level::Error,
                    now,
                );
                false
            }
        }
    }

    /// `Tab` in the score file field: `typed` completed among the entries of its folder
    /// (`complete_path`); the error, in a sentence, when the folder cannot be listed.
    pub fn complete_score_path(&self, typed: &str) -> Result<Option<Completion>, String> {
        let (head, _) = split_path(typed);
        let folder = match typed_path(head) {
            Some(folder) => folder,
            None => PathBuf::from("."),
        };
        let unreadable = || strings::console::folder_unreadable(self.lang, head);
        let listing = std::fs::read_dir(&folder).map_err(|_| unreadable())?;
        let entries: Vec<(String, bool)> = listing
            .filter_map(Result::ok)
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                // A link to a folder counts as a folder.
                let dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
                (name, dir)
            })
            .collect();
        Ok(complete_path(typed, &entries))
    }

    /// True while a score file given to `Ctrl+O` is still being read or waits to be applied.
    pub fn import_pending(&self) -> bool {
        self.import_job.is_some()
    }

    /// Applies the score file read off the console's thread, once it is ready. True when
    /// something was carried out.
    pub(super) fn poll_import(&mut self, now: Time) -> bool {
        use std::sync::mpsc::TryRecvError;
        let Some(job) = &self.import_job else {
            return false;
        };
        let outcome = match job.result.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(strings::console::damaged_file(
                self.lang,
                &job.path.display().to_string(),
            )),
        };
        let Some(job) = self.import_job.take() else {
            return false;
        };
        self.redraw = true;
        self.apply_import(&job, outcome, now)
    }

    /// Carries out an import read by `import_scores`, through the normal execute path.
    fn apply_import(&mut self, job: &ImportJob, outcome: ImportOutcome, now: Time) -> bool {
        let lang: Lang = self.lang;
        let (table, checked) = match outcome {
            Ok(read) => read,
            Err(e) => {
                self.notify(e, Level::Error, now);
                return false;
            }
        };
        // Checked against the session as it was when the file was given; anything recorded
        // since (a score typed meanwhile) and the file is checked again, here.
        let checked = if self.session().last_seq() == job.seq {
            checked
        } else {
            crate::import::scores(&table, self.session(), lang, None)
        };
        let plan = match checked {
            Ok(p) => p,
            Err(errors) => {
                let more = strings::console::import_errors(lang, errors.len());
                let first = errors.first().cloned().unwrap_or_default();
                self.notify(format!("{first}{more}"), Level::Error, now);
                return false;
            }
        };
        let mut changed = false;
        if plan.changes() {
            let done = self.execute(plan.command(), now);
            if !done.ok {
                return false;
            }
            changed = done.changed;
        }
        let text = strings::console::imported(lang, &plan.summary(&table, lang));
        self.notify(text, Level::Info, now);
        changed
    }
}

/// The path typed in the score file field: quotes around it (a file dragged into the
/// terminal) taken off, `~` the home folder. `None` when nothing was typed.
pub fn typed_path(typed: &str) -> Option<PathBuf> {
    let t = typed.trim().trim_matches(['"', '\'']).trim();
    if t.is_empty() {
        return None;
    }
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    if t == "~" {
        return home().or_else(|| Some(PathBuf::from(t)));
    }
    if let Some(rest) = t.strip_prefix("~/")
        && let Some(home) = home()
    {
        return Some(home.join(rest));
    }
    Some(PathBuf::from(t))
}

/// A path typed: the folder part (up to and with the last separator) and the name begun
/// after it.
fn split_path(typed: &str) -> (&str, &str) {
    let at = typed
        .char_indices()
        .rev()
        .find(|(_, c)| *c == '/' || *c == std::path::MAIN_SEPARATOR)
        .map_or(0, |(i, c)| i + c.len_utf8());
    typed.split_at(at)
}

/// A path completed by `Tab`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text for the field: the path typed, its last part completed as far as the
    /// matching entries agree.
    pub text: String,
    /// The entries that match when more than one does, folders ending in `/`, in order.
    pub choices: Vec<String>,
}

/// Completes the last part of the path `typed` among the `entries` (name, is a folder) of
/// its folder: the longest beginning the entries starting with it share; a single match is
/// completed whole, a folder with its `/`. Hidden entries (`.name`) only when the name typed
/// starts with `.`; a name typed in the wrong case still finds its entries. `None` when no
/// entry matches. Pure: the caller lists the folder.
pub fn complete_path(typed: &str, entries: &[(String, bool)]) -> Option<Completion> {
    let (head, begun) = split_path(typed);
    let visible = |name: &str| begun.starts_with('.') || !name.starts_with('.');
    let mut matches: Vec<&(String, bool)> = entries
        .iter()
        .filter(|(name, _)| visible(name) && name.starts_with(begun))
        .collect();
    if matches.is_empty() {
        let lower = begun.to_lowercase();
        matches = entries
            .iter()
            .filter(|(name, _)| visible(name) && name.to_lowercase().starts_with(&lower))
            .collect();
    }
    matches.sort();
    matches.dedup();
    let choice = |(name, dir): &(String, bool)| match dir {
        true => format!("{name}/"),
        false => name.clone(),
    };
    match matches.as_slice() {
        [] => None,
        [one] => Some(Completion {
            text: format!("{head}{}", choice(one)),
            choices: Vec::new(),
        }),
        many => {
            let first = &many[0].0;
            let mut common = first.len();
            for (name, _) in &many[1..] {
                common = first
                    .char_indices()
                    .zip(name.chars())
                    .take_while(|((_, a), b)| a == b)
                    .last()
                    .map_or(0, |((i, a), _)| i + a.len_utf8())
                    .min(common);
            }
            let shared = &first[..common];
            // Entries found in another case than typed: what was typed stays unless they
            // share more.
            let name = if shared.chars().count() >= begun.chars().count() {
                shared
            } else {
                begun
            };
            Some(Completion {
                text: format!("{head}{name}"),
                choices: many.iter().map(|m| choice(m)).collect(),
            })
        }
    }
}

#[cfg(test)]
mod completion_tests {
    use super::*;

    fn entries(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(n, d)| (n.to_string(), *d)).collect()
    }

    fn folder() -> Vec<(String, bool)> {
        entries(&[
            ("评分-第一组.csv", false),
            ("评分-第二组.xlsx", false),
            ("评分表", true),
            ("scores.csv", false),
            ("Scores-old.csv", false),
            ("notes", true),
            (".hidden.csv", false),
        ])
    }

    #[test]
    fn one_match_is_completed_whole() {
        let c = complete_path("data/sc", &folder()).expect("a match");
        assert_eq!(c.text, "data/scores.csv");
        assert!(c.choices.is_empty());
    }

    #[test]
    fn a_single_folder_gains_its_separator() {
        let c = complete_path("no", &folder()).expect("a match");
        assert_eq!(c.text, "notes/");
    }

    #[test]
    fn several_matches_complete_to_what_they_share_and_list_the_choices() {
        let c = complete_path("~/会议/评", &folder()).expect("matches");
        assert_eq!(
            c.text, "~/会议/评分",
            "the common beginning, cut on a character"
        );
        assert_eq!(
            c.choices,
            vec!["评分-第一组.csv", "评分-第二组.xlsx", "评分表/"]
        );
        let c = complete_path("~/会议/评分-", &folder()).expect("matches");
        assert_eq!(c.text, "~/会议/评分-第");
        assert_eq!(c.choices.len(), 2);
    }

    #[test]
    fn the_wrong_case_still_finds_the_entries() {
        let c = complete_path("SCORES.", &folder()).expect("a match");
        assert_eq!(c.text, "scores.csv");
        let c = complete_path("sCoReS", &folder()).expect("matches");
        assert_eq!(
            c.text, "sCoReS",
            "what was typed stays when they share no more"
        );
        assert_eq!(c.choices, vec!["Scores-old.csv", "scores.csv"]);
    }

    #[test]
    fn hidden_entries_only_when_a_dot_is_typed() {
        assert_eq!(
            complete_path("", &folder()).map(|c| c.choices.len()),
            Some(6)
        );
        let c = complete_path(".h", &folder()).expect("a match");
        assert_eq!(c.text, ".hidden.csv");
    }

    #[test]
    fn nothing_matching_is_none() {
        assert_eq!(complete_path("x", &folder()), None);
        assert_eq!(complete_path("x", &[]), None);
    }

    #[test]
    fn the_folder_part_is_up_to_the_last_separator() {
        assert_eq!(split_path("a/b/c.csv"), ("a/b/", "c.csv"));
        assert_eq!(split_path("c.csv"), ("", "c.csv"));
        assert_eq!(split_path("/"), ("/", ""));
        assert_eq!(split_path("会议/评分"), ("会议/", "评分"));
    }
}
