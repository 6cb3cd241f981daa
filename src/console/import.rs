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
    /// Imports a score file typed in the prompt, off the console's thread.
    pub fn import_scores(&mut self, path: &str, now: Time) {
        let lang = self.lang;
        let path = PathBuf::from(path.trim().trim_matches(['"', '\'']));
        if let Some(job) = &self.import_job {
            let text = strings::console::still_reading(lang, &job.path.display().to_string());
            return self.notify(text, Level::Warn, now);
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
                let read = crate::import::read_table(&file).map(|table| {
                    let checked = crate::import::scores(&table, &session, lang);
                    (table, checked)
                });
                let _ = send.send(read);
            });
        match spawned {
            Ok(_) => {
                let text = strings::console::reading(lang, &path.display().to_string());
                self.banner(text, Level::Info);
                self.import_job = Some(ImportJob { path, seq, result });
            }
            Err(e) => self.notify(format!("{}: {e}", path.display()), Level::Error, now),
        }
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
            crate::import::scores(&table, self.session(), lang)
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
