//! A note-taker's outbox: every command the note-taker saves is appended here (and flushed
//! to the device) before the screen shows it as saved, and stays until the host confirms or
//! refuses it. A laptop that crashes or loses the network loses nothing: the next start
//! sends what is still waiting, with the same ids, and the host carries each out once.
//!
//! One JSON object a line: `{"client": ID}` first, then `{"queued": ...}`, `{"done": ...}`
//! and `{"refused": ...}` entries (docs/PROTOCOL.md).

use super::Text;
use crate::session::{Command, Time};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    pub id: String,
    /// The meeting it was written in: it is never sent to another one.
    pub meeting: String,
    pub at: Time,
    pub command: Command,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Client(String),
    /// How many ids were given out before the outbox was emptied (ids are never reused).
    Issued(u64),
    /// The note-taker whose commands these are: an outbox serves one name.
    Name(String),
    Queued(Queued),
    Done {
        id: String,
        seq: u64,
    },
    Refused {
        id: String,
        message: Text,
    },
}

pub struct Outbox {
    path: PathBuf,
    /// The note-taker it belongs to, once claimed.
    name: Option<String>,
    _lock: File,
    file: File,
    client: String,
    /// Commands written so far (the next id's number).
    count: u64,
    pending: Vec<Queued>,
}

impl Outbox {
    /// Opens (or creates) the outbox at `path`. A line cut short by a crash is dropped; an
    /// outbox with nothing waiting is emptied.
    pub fn open(path: &Path) -> Result<Outbox, String> {
        let err = |e: io::Error| format!("{}: {e}", path.display());
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        // One console per outbox: a second `podium join` with the same outbox would send the
        // same commands over two connections. The lock is a file of its own, so that emptying
        // the outbox (a rename) never escapes it.
        let lock_path = PathBuf::from(format!("{}.lock", path.display()));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(err)?;
        if let Err(e) = lock.try_lock() {
            return Err(match e {
                std::fs::TryLockError::WouldBlock => format!(
                    "{}: another podium join is using this outbox (the same --name on this laptop?)",
                    path.display()
                ),
                std::fs::TryLockError::Error(e) => err(e),
            });
        }
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(err(e)),
        };
        // Only whole lines count: a crash in the middle of an append leaves a cut line.
        let whole = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut client = None;
        let mut name = None;
        let mut count = 0;
        let mut pending: Vec<Queued> = Vec::new();
        for (n, line) in String::from_utf8_lossy(&text[..whole]).lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let parsed: Line = serde_json::from_str(line).map_err(|e| {
                format!(
                    "{}:{}: this line of the outbox cannot be read ({e}); the file was left as it is",
                    path.display(),
                    n + 1
                )
            })?;
            match parsed {
                Line::Client(c) => client = Some(c),
                Line::Issued(n) => count = count.max(n),
                Line::Name(n) => name = Some(n),
                Line::Queued(q) => {
                    // Ids are `CLIENT-N`: the count never goes back, whatever was emptied.
                    let n = q.id.rsplit('-').next().and_then(|n| n.parse().ok());
                    count = count.max(n.unwrap_or(count + 1));
                    pending.push(q);
                }
                Line::Done { id, .. } | Line::Refused { id, .. } => {
                    pending.retain(|q| q.id != id);
                }
            }
        }
        let client = client.unwrap_or_else(super::new_id);
        if pending.is_empty() || whole < text.len() {
            // Start afresh (keeping the laptop's id and the count, so ids stay unique).
            let mut fresh =
                serde_json::to_string(&Line::Client(client.clone())).unwrap_or_default();
            fresh.push('\n');
            fresh.push_str(&serde_json::to_string(&Line::Issued(count)).unwrap_or_default());
            fresh.push('\n');
            if let Some(n) = &name {
                fresh.push_str(&serde_json::to_string(&Line::Name(n.clone())).unwrap_or_default());
                fresh.push('\n');
            }
            for q in &pending {
                fresh
                    .push_str(&serde_json::to_string(&Line::Queued(q.clone())).unwrap_or_default());
                fresh.push('\n');
            }
            let temp = path.with_extension("tmp");
            crate::store::write_private(path, &temp, fresh.as_bytes()).map_err(err)?;
        }
        let file = OpenOptions::new().append(true).open(path).map_err(err)?;
        Ok(Outbox {
            path: path.to_path_buf(),
            name,
            _lock: lock,
            file,
            client,
            count,
            pending,
        })
    }

    /// Claims the outbox for note-taker `name`: an outbox written under another name is not
    /// used (its commands would be sent under the wrong name, and could be carried out twice).
    pub fn claim(&mut self, name: &str) -> Result<(), String> {
        match &self.name {
            Some(n) if n == name => Ok(()),
            Some(n) => Err(format!(
                "{}: this outbox belongs to “{n}”; join as “{n}”, or give another --outbox",
                self.path.display()
            )),
            None => {
                self.append(&Line::Name(name.to_string()))
                    .map_err(|e| format!("{}: {e}", self.path.display()))?;
                self.name = Some(name.to_string());
                Ok(())
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// This laptop's id.
    pub fn client(&self) -> &str {
        &self.client
    }

    /// Commands not yet confirmed or refused by the host, oldest first.
    pub fn pending(&self) -> &[Queued] {
        &self.pending
    }

    fn append(&mut self, line: &Line) -> io::Result<()> {
        let mut bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        // A write cut short (a full disk) is taken back, so that the next line never follows
        // half a line.
        let before = self.file.metadata()?.len();
        let written = self
            .file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data());
        if written.is_err() {
            let _ = self.file.set_len(before);
        }
        written
    }

    /// Saves a command durably and returns it with its id.
    pub fn push(&mut self, meeting: &str, command: Command, at: Time) -> io::Result<Queued> {
        let queued = Queued {
            id: format!("{}-{}", self.client, self.count + 1),
            meeting: meeting.to_string(),
            at,
            command,
        };
        self.append(&Line::Queued(queued.clone()))?;
        self.count += 1;
        self.pending.push(queued.clone());
        Ok(queued)
    }

    /// The host confirmed `id`. False when it was not waiting (a second confirmation).
    pub fn done(&mut self, id: &str, seq: u64) -> io::Result<bool> {
        if !self.pending.iter().any(|q| q.id == id) {
            return Ok(false);
        }
        self.append(&Line::Done {
            id: id.to_string(),
            seq,
        })?;
        self.pending.retain(|q| q.id != id);
        Ok(true)
    }

    /// The host refused `id`: it is no longer waiting. Returns the command.
    pub fn refused(&mut self, id: &str, message: &Text) -> io::Result<Option<Queued>> {
        let Some(q) = self.pending.iter().find(|q| q.id == id).cloned() else {
            return Ok(None);
        };
        self.append(&Line::Refused {
            id: id.to_string(),
            message: message.clone(),
        })?;
        self.pending.retain(|q| q.id != id);
        Ok(Some(q))
    }
}

/// Where a note-taker's outbox lives unless `--outbox` says otherwise: the user's local data
/// folder (`~/.local/share/podium`, `%LOCALAPPDATA%\podium`, `~/Library/Application
/// Support/podium`), one file per name.
pub fn default_path(name: &str) -> PathBuf {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    dirs::data_local_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("podium")
        .join(format!("outbox-{safe}.jsonl"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::RemarkKind;

    fn remark(text: &str) -> Command {
        Command::AddRemark {
            unit: Some("市财政局".into()),
            reviewer: "王局长".into(),
            text: text.into(),
            kind: RemarkKind::Remark,
        }
    }

    #[test]
    fn pending_commands_survive_a_restart_and_a_cut_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.jsonl");
        let now = crate::wallclock::now();
        let mut o = Outbox::open(&path).unwrap();
        let client = o.client().to_string();
        let a = o.push("m1", remark("一"), now).unwrap();
        let b = o.push("m1", remark("二"), now).unwrap();
        o.push("m1", remark("三"), now).unwrap();
        assert!(o.done(&a.id, 5).unwrap());
        assert!(
            !o.done(&a.id, 5).unwrap(),
            "a second confirmation changes nothing"
        );
        drop(o);
        // A crash in the middle of the next append.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"queued\":{\"id\":\"x\",\"mee").unwrap();
        drop(f);
        let mut o = Outbox::open(&path).unwrap();
        assert_eq!(o.client(), client, "the laptop keeps its id");
        let ids: Vec<_> = o.pending().iter().map(|q| q.id.clone()).collect();
        assert_eq!(ids, vec![b.id.clone(), format!("{client}-3")]);
        let d = o.push("m1", remark("四"), now).unwrap();
        assert_eq!(d.id, format!("{client}-4"), "ids are never reused");
        o.refused(&b.id, &Text::new("不", "no")).unwrap();
        drop(o);
        let mut o = Outbox::open(&path).unwrap();
        assert_eq!(o.pending().len(), 2);
        // Everything confirmed: the next start empties the file, and ids still go on.
        let ids: Vec<String> = o.pending().iter().map(|q| q.id.clone()).collect();
        for id in &ids {
            o.done(id, 9).unwrap();
        }
        drop(o);
        let mut o = Outbox::open(&path).unwrap();
        assert!(o.pending().is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2);
        let e = o.push("m1", remark("五"), now).unwrap();
        assert_eq!(
            e.id,
            format!("{client}-5"),
            "an emptied outbox never reuses an id"
        );
        drop(o);
        let o = Outbox::open(&path).unwrap();
        assert_eq!(o.pending()[0].id, format!("{client}-5"));
    }

    #[test]
    fn an_outbox_serves_one_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.jsonl");
        let mut o = Outbox::open(&path).unwrap();
        o.claim("张三").unwrap();
        o.claim("张三").unwrap();
        drop(o);
        let mut o = Outbox::open(&path).unwrap();
        let e = o.claim("李四").err().unwrap();
        assert!(e.contains("张三"), "{e}");
        o.claim("张三").unwrap();
    }

    #[test]
    fn one_console_per_outbox() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.jsonl");
        let first = Outbox::open(&path).unwrap();
        let second = Outbox::open(&path).err().unwrap();
        assert!(second.contains("another podium join"), "{second}");
        drop(first);
        assert!(Outbox::open(&path).is_ok());
    }

    #[test]
    fn an_unreadable_outbox_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.jsonl");
        std::fs::write(&path, "garbage\n").unwrap();
        let e = Outbox::open(&path).err().unwrap();
        assert!(e.contains(":1:"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "garbage\n");
    }
}
