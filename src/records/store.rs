//! The journal on disk: `journal.jsonl` in the data folder, one event per line, append-only.
//!
//! - One running copy at a time: [`Journal::open`] takes an exclusive lock on `journal.lock`; a second
//!   copy gets [`StoreError::Locked`] instead of two writers interleaving lines.
//! - [`Journal::append`] returns `Ok` only after the line is written, flushed and fsynced, so the UI may
//!   say "saved" then. A crash loses at most the line being written.
//! - Opening repairs what a crash can leave: a torn last line is moved to
//!   `journal.torn-<timestamp>.jsonl` and reported, never fatal; garbage lines in the middle are
//!   skipped and reported but left in the file (they may be a newer tool's or a person's, and deleting
//!   data is not this module's call).
//! - Errors are typed ([`StoreError`]); the UI words them for people.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::backup::{self, Backup};
use super::event::Event;
use super::fact::Facts;
use super::load::{self, Loaded, Scan, Tail};
use crate::durable;

/// The journal's file name in the data folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The lock file's name in the data folder. It is never deleted: deleting a lock file races with a
/// process that is about to lock it.
pub const LOCK_FILE: &str = "journal.lock";

/// Why the journal could not be opened or written.
#[derive(Debug)]
pub enum StoreError {
    /// Another running copy of the app holds the journal.
    Locked,
    /// The operating system refused a read or write of `path`.
    Io { path: PathBuf, source: io::Error },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Locked => f.write_str("the journal is in use by another running copy"),
            StoreError::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Locked => None,
            StoreError::Io { source, .. } => Some(source),
        }
    }
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What opening found and did, for the UI to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReport {
    /// Events loaded (each id once).
    pub events_loaded: usize,
    /// Where a torn last line was moved, if there was one.
    pub torn_tail: Option<PathBuf>,
    /// 1-based line numbers of unreadable lines in the middle (left in the file, skipped).
    pub bad_lines: Vec<usize>,
    /// Lines that repeated an earlier id (left in the file, skipped).
    pub duplicates: usize,
    /// The daily backup step.
    pub backup: Backup,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub imported: usize,
    pub already_present: usize,
    /// Of the imported, how many are dated more than a day after the import (the other PC's clock is
    /// wrong). They are kept, but they never order this PC's clock (see [`super::time`]).
    pub future: usize,
    /// Of the already present, how many have the same id as an event here but other content. The one
    /// here is kept; the others are written to `conflicts_file`.
    pub conflicts: usize,
    pub conflicts_file: Option<PathBuf>,
}

/// The open, locked journal and the events in it.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    /// Held for the journal's lifetime; dropping it releases the lock.
    _lock: File,
    /// Length of the file as this process wrote it, to cut back a failed write.
    len: u64,
    /// What the fold needs of each event; whole events stay in the file (see [`super::fact`]).
    facts: Facts,
    /// Every event id, with the index of its fact ([`NO_FACT`] for a kind this version does not know):
    /// an imported event with a known id is compared with what is here.
    index: HashMap<Uuid, u32>,
    /// The file ends inside a torn line that could not be set aside: the next write starts with a
    /// newline, so the event it holds is not glued onto the torn line.
    needs_newline: bool,
}

impl Journal {
    /// Opens (creating if needed) the journal in `data_dir`: lock, load, repair a torn tail, make
    /// today's backup. `now` is the clock (for the torn file's name and the backup's date).
    ///
    /// # Errors
    /// [`StoreError::Locked`] if another copy holds it; [`StoreError::Io`] if the folder or file cannot
    /// be created, read or repaired.
    pub fn open(data_dir: &Path, now: DateTime<FixedOffset>) -> Result<(Journal, OpenReport), StoreError> {
        Journal::open_observed(data_dir, now, &mut |_| {})
    }

    /// Like [`Journal::open`], showing each event read to `observe` (which sees whole events; the
    /// journal keeps only their facts).
    ///
    /// # Errors
    /// As [`Journal::open`].
    pub fn open_observed(
        data_dir: &Path,
        now: DateTime<FixedOffset>,
        observe: &mut dyn FnMut(&Event),
    ) -> Result<(Journal, OpenReport), StoreError> {
        fs::create_dir_all(data_dir).map_err(io_at(data_dir))?;
        let lock_path = data_dir.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_at(&lock_path))?;
        match try_lock(&lock) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(StoreError::Locked),
            // A file system without locks (some network shares): refusing to start would leave the
            // learner with nothing, while two copies on one such share at once is rare. Go on.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                log::warn!(
                    "{}: file locking is not supported here; running without the lock",
                    lock_path.display()
                );
            }
            Err(TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    path: lock_path,
                    source,
                });
            }
        }

        let path = data_dir.join(JOURNAL_FILE);
        // Room for the events the file's size suggests (about 300 bytes a line), so the two largest
        // tables are not copied as they grow: that copy was the peak of a province's journal.
        let estimate = fs::metadata(&path).map_or(0, |m| usize::try_from(m.len() / 300).unwrap_or(0));
        let mut facts = Facts::default();
        facts.list.reserve(estimate);
        let mut index = HashMap::with_capacity(estimate);
        // Read line by line: a province's journal is never in memory whole.
        let (scan, mut len) = scan_path(&path, &mut |event| {
            if index.contains_key(&event.id) {
                return false;
            }
            observe(&event);
            index.insert(event.id, fact_index(facts.push(&event)));
            true
        })?;
        let Scan {
            bad_lines,
            duplicates,
            tail,
        } = scan;
        let existed = path.exists();
        // Not append mode: on Windows an append-only handle cannot cut the file back. The lock makes
        // this process the only writer, so it keeps the write position itself.
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_at(&path))?;
        if !existed {
            // A new file's name must be durable too, or the first "saved" event can vanish with it.
            durable::sync_dir(data_dir);
        }

        let mut torn_tail = None;
        let mut bad_lines = bad_lines;
        let mut needs_newline = false;
        match tail {
            Tail::Clean => {}
            Tail::Unterminated => {
                // A whole event without its newline: finish the line so the next append starts its own.
                file.seek(SeekFrom::Start(len))
                    .and_then(|_| file.write_all(b"\n"))
                    .and_then(|()| file.sync_all())
                    .map_err(io_at(&path))?;
                len += 1;
            }
            Tail::Torn { offset, line } => {
                match read_from(&path, offset as u64).and_then(|torn| set_aside(data_dir, &torn, now)) {
                    Ok(torn) => {
                        // Cut only after the torn bytes are safe in their own file.
                        file.set_len(offset as u64)
                            .and_then(|()| file.sync_all())
                            .map_err(io_at(&path))?;
                        len = offset as u64;
                        torn_tail = Some(torn);
                    }
                    Err(e) => {
                        // No room for a copy (a full disk): recording must not stop for it. The torn line
                        // stays where it is, as a bad line, and the next write starts a line of its own.
                        log::warn!("torn journal tail kept in place: {e}");
                        bad_lines.push(line);
                        needs_newline = true;
                    }
                }
            }
        }
        file.seek(SeekFrom::Start(len)).map_err(io_at(&path))?;

        let backup = backup::daily(
            data_dir,
            &path,
            !index.is_empty() || !bad_lines.is_empty(),
            now.date_naive(),
        );
        let report = OpenReport {
            events_loaded: index.len(),
            torn_tail,
            bad_lines,
            duplicates,
            backup,
        };
        let journal = Journal {
            path,
            file,
            _lock: lock,
            len,
            facts,
            index,
            needs_newline,
        };
        Ok((journal, report))
    }

    /// Reads the journal in `data_dir` like [`Journal::read`], handing each event to `sink` instead of
    /// keeping them all: for exports of a journal too large to hold as events.
    ///
    /// # Errors
    /// [`StoreError::Io`] if the file exists but cannot be read.
    pub fn scan_file(data_dir: &Path, sink: &mut dyn FnMut(Event)) -> Result<Scan, StoreError> {
        let mut ids = HashSet::new();
        let (scan, _) = scan_path(&data_dir.join(JOURNAL_FILE), &mut |event| {
            let new = ids.insert(event.id);
            if new {
                sink(event);
            }
            new
        })?;
        Ok(scan)
    }

    /// Reads the journal in `data_dir` without locking, repairing or backing up: for exports while the
    /// app may be running. A torn tail is skipped (and reported in [`Loaded::tail`]).
    ///
    /// # Errors
    /// [`StoreError::Io`] if the file exists but cannot be read.
    pub fn read(data_dir: &Path) -> Result<Loaded, StoreError> {
        let path = data_dir.join(JOURNAL_FILE);
        Ok(load::parse(&read_or_empty(&path)?))
    }

    /// The facts of the events, in the order they were written.
    #[must_use]
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// How many events the journal holds (of every kind, known to this version or not).
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the journal holds no event.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Every event, read again from the file: whole events are not kept in memory. For exports and
    /// tests; the file only grows, and only through this journal, so this is what was written.
    ///
    /// # Errors
    /// [`StoreError::Io`] if the file cannot be read.
    pub fn read_events(&self) -> Result<Vec<Event>, StoreError> {
        Ok(load::parse(&read_or_empty(&self.path)?).events)
    }

    /// Whether an event with this id is in the journal.
    #[must_use]
    pub fn contains(&self, id: Uuid) -> bool {
        self.index.contains_key(&id)
    }

    /// The journal file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one event durably: when this returns `Ok`, the line is on disk. An event whose id is
    /// already in the journal is not written again (events are immutable; the id is the merge key).
    ///
    /// # Errors
    /// [`StoreError::Io`] if the write or fsync fails; nothing is then recorded.
    pub fn append(&mut self, event: &Event) -> Result<(), StoreError> {
        if self.index.contains_key(&event.id) {
            return Ok(());
        }
        let mut line = event.to_line();
        line.push('\n');
        self.write_synced(line.as_bytes())?;
        let fact = self.facts.push(event);
        self.index.insert(event.id, fact_index(fact));
        Ok(())
    }

    /// Adds events from another machine: the union by id. All new lines go in one write and one fsync.
    /// `now` is the clock, to count events dated in the future.
    ///
    /// # Errors
    /// [`StoreError::Io`] if the write or fsync fails; nothing is then recorded.
    pub fn import(
        &mut self,
        events: impl IntoIterator<Item = Event>,
        now: &DateTime<FixedOffset>,
    ) -> Result<ImportCounts, StoreError> {
        let mut counts = ImportCounts::default();
        let mut new_ids: HashMap<Uuid, u32> = HashMap::new();
        let facts_before = self.facts.list.len();
        let mut buffer = String::new();
        let mut conflicts = String::new();
        for event in events {
            if let Some(&here) = self.index.get(&event.id).or_else(|| new_ids.get(&event.id)) {
                counts.already_present += 1;
                // Events are immutable: the same id with other content is a broken or forged copy.
                // The first stays; the other is kept aside for a person to look at.
                let incoming = self.facts.fact_of(&event);
                let differs = match (self.facts.list.get(here as usize), incoming) {
                    (Some(fact), Some(incoming)) => *fact != incoming,
                    _ => false,
                };
                if differs {
                    counts.conflicts += 1;
                    conflicts.push_str(&event.to_line());
                    conflicts.push('\n');
                }
                continue;
            }
            if super::time::is_future(&event.at, now) {
                counts.future += 1;
            }
            buffer.push_str(&event.to_line());
            buffer.push('\n');
            // Facts now, whole events never kept: taken back below if the write fails.
            new_ids.insert(event.id, fact_index(self.facts.push(&event)));
            counts.imported += 1;
        }
        if !buffer.is_empty()
            && let Err(e) = self.write_synced(buffer.as_bytes())
        {
            self.facts.list.truncate(facts_before);
            return Err(e);
        }
        self.index.extend(new_ids);
        if !conflicts.is_empty() {
            let dir = self.path.parent().unwrap_or(Path::new("."));
            match write_aside(dir, "conflicts", conflicts.as_bytes(), *now) {
                Ok(path) => counts.conflicts_file = Some(path),
                Err(e) => log::error!("setting aside conflicting events: {e}"),
            }
        }
        Ok(counts)
    }

    fn write_synced(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        let newline: &[u8] = if self.needs_newline { b"\n" } else { b"" };
        let result = self
            .file
            .write_all(newline)
            .and_then(|()| self.file.write_all(bytes))
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_all());
        if let Err(source) = result {
            // Cut back a partial line so the next append does not glue onto it; if this fails too,
            // the next open sets the torn line aside.
            let _ = self
                .file
                .set_len(self.len)
                .and_then(|()| self.file.seek(SeekFrom::Start(self.len)));
            return Err(StoreError::Io {
                path: self.path.clone(),
                source,
            });
        }
        self.len += (newline.len() + bytes.len()) as u64;
        self.needs_newline = false;
        Ok(())
    }
}

/// [`Journal::index`]'s value for an event without a fact.
const NO_FACT: u32 = u32::MAX;

fn fact_index(fact: Option<usize>) -> u32 {
    fact.and_then(|i| u32::try_from(i).ok()).unwrap_or(NO_FACT)
}

/// Takes the lock, trying again a few times over 100 ms before calling it held: a program this process
/// starts (a file dialog's helper, a test's child process) shares the lock for the instant between its
/// start and its `exec`, and a journal closed and reopened in that instant must not be called locked.
fn try_lock(lock: &File) -> Result<(), TryLockError> {
    for _ in 0..5 {
        match lock.try_lock() {
            Err(TryLockError::WouldBlock) => std::thread::sleep(std::time::Duration::from_millis(20)),
            other => return other,
        }
    }
    lock.try_lock()
}

/// Scans the journal file at `path` line by line (an absent file is empty); returns its length too.
fn scan_path(path: &Path, sink: &mut dyn FnMut(Event) -> bool) -> Result<(Scan, u64), StoreError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return load::scan_reader(&b""[..], sink).map_err(io_at(path));
        }
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    load::scan_reader(io::BufReader::with_capacity(1 << 20, file), sink).map_err(io_at(path))
}

/// The bytes of the file at `path` from `offset` to its end: a torn tail, a few bytes.
fn read_from(path: &Path, offset: u64) -> Result<Vec<u8>, StoreError> {
    use std::io::Read as _;
    let mut file = File::open(path).map_err(io_at(path))?;
    file.seek(SeekFrom::Start(offset)).map_err(io_at(path))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io_at(path))?;
    Ok(bytes)
}

fn read_or_empty(path: &Path) -> Result<Vec<u8>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Writes a torn tail to `journal.torn-<timestamp>.jsonl` (a new name if that exists) and fsyncs it.
fn set_aside(data_dir: &Path, tail: &[u8], now: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
    write_aside(data_dir, "torn", tail, now)
}

/// Writes `bytes` to a new `journal.<what>-<timestamp>.jsonl` (a new name if that exists) and fsyncs it.
fn write_aside(
    data_dir: &Path,
    what: &str,
    bytes: &[u8],
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, StoreError> {
    // No ':' in the name: Windows does not allow it.
    let stamp = now.format("%Y-%m-%dT%H-%M-%S");
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("journal.{what}-{stamp}.jsonl")
        } else {
            format!("journal.{what}-{stamp}-{n}.jsonl")
        };
        let path = data_dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(bytes)
                    .and_then(|()| file.sync_all())
                    .map_err(io_at(&path))?;
                durable::sync_dir(data_dir);
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(source) => return Err(StoreError::Io { path, source }),
        }
    }
}
