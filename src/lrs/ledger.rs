//! What one LRS has of this PC's statements: `lrs/<key>.jsonl` in the data folder ([`Endpoint::key`]),
//! append-only JSON Lines, written like the journal (write, flush, fsync before anything counts as
//! done), so a crash loses at most the line being written — and a lost acknowledgement only means the
//! statement is sent again with its same id, which the LRS already holds.
//!
//! Lines: `{"endpoint": URL}` first (for people reading the folder), then `{"ack": ID}` (stored),
//! `{"ack": ID, "already": true}` (the LRS had it: 409), `{"aside": ID, "status": N, "reason": TEXT}`
//! (refused; not sent again), `{"pushed": TIMESTAMP}` (a push ended). A torn last line or a line this
//! version does not read is skipped. `lrs/<key>.lock` keeps two senders (the app and a scheduled
//! `kynangso push`) from sending the same statements at once.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufRead as _, Write as _};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use uuid::Uuid;

use super::endpoint::Endpoint;
use crate::durable;

/// The folder in the data folder that holds the ledgers.
pub const LRS_DIR: &str = "lrs";

/// Why a ledger could not be opened or written.
#[derive(Debug)]
pub enum LedgerError {
    /// Another sender (the app, a scheduled push) is sending to this LRS now.
    Busy,
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LedgerError::Busy => f.write_str("another sender is using this LRS's ledger"),
            LedgerError::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for LedgerError {}

/// A statement the LRS refused, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aside {
    pub status: u16,
    pub reason: String,
}

/// What the ledger file holds.
#[derive(Debug, Default, Clone)]
pub struct Contents {
    /// Statement ids the LRS holds (stored by us, or already there).
    pub acked: HashSet<Uuid>,
    /// Of those, how many were already there.
    pub already: usize,
    /// Refused statements.
    pub aside: HashMap<Uuid, Aside>,
    /// When the last push ended (as written).
    pub last_push: Option<String>,
}

impl Contents {
    /// The statement needs no sending (acknowledged or set aside).
    #[must_use]
    pub fn settled(&self, id: &Uuid) -> bool {
        self.acked.contains(id) || self.aside.contains_key(id)
    }

    fn read_line(&mut self, line: &str) {
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(line) else {
            return;
        };
        let id = |key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .and_then(|s| Uuid::parse_str(s).ok())
        };
        if let Some(ack) = id("ack") {
            if self.acked.insert(ack) && map.get("already") == Some(&Value::Bool(true)) {
                self.already += 1;
            }
        } else if let Some(aside) = id("aside") {
            let status = map
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0);
            let reason = map
                .get("reason")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            self.aside.insert(aside, Aside { status, reason });
        } else if let Some(at) = map.get("pushed").and_then(Value::as_str) {
            self.last_push = Some(at.to_owned());
        }
    }
}

fn path_of(data_dir: &Path, endpoint: &Endpoint, ext: &str) -> PathBuf {
    data_dir.join(LRS_DIR).join(format!("{}.{ext}", endpoint.key()))
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> LedgerError + '_ {
    move |source| LedgerError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads the ledger of `endpoint` without its lock (for a status line while a push runs). A missing
/// file is an empty ledger.
///
/// # Errors
/// The file exists but cannot be read.
pub fn read(data_dir: &Path, endpoint: &Endpoint) -> Result<Contents, LedgerError> {
    let path = path_of(data_dir, endpoint, "jsonl");
    let mut contents = Contents::default();
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(contents),
        Err(e) => return Err(io_at(&path)(e)),
    };
    for line in io::BufReader::new(file).split(b'\n') {
        let line = line.map_err(io_at(&path))?;
        contents.read_line(&String::from_utf8_lossy(&line));
    }
    Ok(contents)
}

/// The open, locked ledger of one endpoint.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    file: File,
    _lock: File,
    pub contents: Contents,
    /// The file does not end with a newline (a torn last line): the next write starts with one.
    needs_newline: bool,
}

impl Ledger {
    /// Opens (creating) the ledger of `endpoint` in `data_dir`, locked.
    ///
    /// # Errors
    /// [`LedgerError::Busy`] if another sender holds it; [`LedgerError::Io`].
    pub fn open(data_dir: &Path, endpoint: &Endpoint) -> Result<Ledger, LedgerError> {
        let dir = data_dir.join(LRS_DIR);
        let created = !dir.exists();
        fs::create_dir_all(&dir).map_err(io_at(&dir))?;
        if created {
            durable::sync_dir(data_dir);
        }
        let lock_path = path_of(data_dir, endpoint, "lock");
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_at(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LedgerError::Busy),
            // A file system without locks (a network share): go on, as the journal does.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                log::warn!("{}: no file locking here", lock_path.display());
            }
            Err(TryLockError::Error(e)) => return Err(io_at(&lock_path)(e)),
        }
        let path = path_of(data_dir, endpoint, "jsonl");
        let contents = read(data_dir, endpoint)?;
        let existing = fs::read(&path).map_or(Vec::new(), |b| b);
        let mut file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io_at(&path))?;
        let mut needs_newline = existing.last().is_some_and(|b| *b != b'\n');
        if existing.is_empty() {
            writeln!(file, "{}", json!({ "endpoint": endpoint.as_str() }))
                .and_then(|()| file.sync_all())
                .map_err(io_at(&path))?;
            durable::sync_dir(&dir);
            needs_newline = false;
        }
        Ok(Ledger {
            path,
            file,
            _lock: lock,
            contents,
            needs_newline,
        })
    }

    fn append(&mut self, lines: &[Value]) -> Result<(), LedgerError> {
        let mut text = String::new();
        if self.needs_newline {
            text.push('\n');
        }
        for line in lines {
            text.push_str(&line.to_string());
            text.push('\n');
        }
        self.file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_data())
            .map_err(io_at(&self.path))?;
        self.needs_newline = false;
        Ok(())
    }

    /// Records that the LRS holds `ids` (`already`: it had them before).
    ///
    /// # Errors
    /// The write or fsync failed; the ids are then not recorded (and will be sent again).
    pub fn ack(&mut self, ids: &[Uuid], already: bool) -> Result<(), LedgerError> {
        let lines: Vec<Value> = ids
            .iter()
            .map(|id| {
                if already {
                    json!({ "ack": id, "already": true })
                } else {
                    json!({ "ack": id })
                }
            })
            .collect();
        self.append(&lines)?;
        for id in ids {
            if self.contents.acked.insert(*id) && already {
                self.contents.already += 1;
            }
        }
        Ok(())
    }

    /// Records that the LRS refused `id`.
    ///
    /// # Errors
    /// The write failed.
    pub fn set_aside(&mut self, id: Uuid, aside: Aside) -> Result<(), LedgerError> {
        self.append(&[json!({ "aside": id, "status": aside.status, "reason": aside.reason })])?;
        self.contents.aside.insert(id, aside);
        Ok(())
    }

    /// Records the end of a push at `at`.
    ///
    /// # Errors
    /// The write failed.
    pub fn note_push(&mut self, at: &str) -> Result<(), LedgerError> {
        self.append(&[json!({ "pushed": at })])?;
        self.contents.last_push = Some(at.to_owned());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint() -> Endpoint {
        Endpoint::parse("http://127.0.0.1:9/xAPI").unwrap()
    }

    #[test]
    fn acks_survive_reopening_and_a_torn_line() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        {
            let mut ledger = Ledger::open(dir.path(), &endpoint()).unwrap();
            assert!(matches!(
                Ledger::open(dir.path(), &endpoint()),
                Err(LedgerError::Busy)
            ));
            ledger.ack(&[a], false).unwrap();
            ledger.ack(&[b], true).unwrap();
            ledger
                .set_aside(
                    c,
                    Aside {
                        status: 400,
                        reason: "bad".into(),
                    },
                )
                .unwrap();
        }
        let file = dir
            .path()
            .join(LRS_DIR)
            .join(format!("{}.jsonl", endpoint().key()));
        let mut f = OpenOptions::new().append(true).open(&file).unwrap();
        f.write_all(b"{\"ack\": \"0000").unwrap();
        drop(f);
        let mut ledger = Ledger::open(dir.path(), &endpoint()).unwrap();
        assert!(ledger.contents.settled(&a) && ledger.contents.settled(&b) && ledger.contents.settled(&c));
        assert_eq!(ledger.contents.already, 1);
        assert_eq!(ledger.contents.aside[&c].status, 400);
        let d = Uuid::new_v4();
        ledger.ack(&[d], false).unwrap();
        drop(ledger);
        let contents = read(dir.path(), &endpoint()).unwrap();
        assert!(contents.acked.contains(&d), "the line after a torn one is read");
        assert_eq!(contents.acked.len(), 3);
    }
}
