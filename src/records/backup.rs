//! The daily backup of the journal: `backups/journal-YYYY-MM-DD.jsonl`, one per day, the last
//! [`KEEP`] kept. The journal is append-only and fsynced, so backups are not for crashes; they are for a
//! learner or trainer deleting or overwriting the file, or a disk going bad in one place.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::durable;

/// How many daily backups are kept.
pub const KEEP: usize = 14;
/// The folder, inside the data folder.
pub const DIR: &str = "backups";

/// What the backup step did at open. A failed backup never stops the app: the journal itself is fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backup {
    /// Today's copy was written.
    Written(PathBuf),
    /// There already is a copy for today.
    AlreadyToday,
    /// Nothing to back up; an empty copy could push the last good ones out.
    EmptyJournal,
    /// Writing the copy failed.
    Failed { path: PathBuf, kind: std::io::ErrorKind },
}

/// The file name of the backup for `day`.
#[must_use]
pub fn file_name(day: NaiveDate) -> String {
    format!("journal-{}.jsonl", day.format("%Y-%m-%d"))
}

/// Writes today's backup of the journal file at `journal` unless there is one, then prunes to [`KEEP`].
/// `has_content`: the journal holds at least one line (an empty copy could push the good ones out).
pub(crate) fn daily(data_dir: &Path, journal: &Path, has_content: bool, today: NaiveDate) -> Backup {
    if !has_content {
        return Backup::EmptyJournal;
    }
    let dir = data_dir.join(DIR);
    let path = dir.join(file_name(today));
    if path.exists() {
        return Backup::AlreadyToday;
    }
    match write(&dir, &path, journal) {
        Ok(()) => {
            prune(&dir, KEEP);
            Backup::Written(path)
        }
        Err(e) => Backup::Failed { path, kind: e.kind() },
    }
}

/// Copies through a temp file ([`durable::replace_with`]), so a crash never leaves a half copy under
/// today's name (which would stop today's real backup). Streamed, not read into memory first: the
/// journal may be large.
fn write(dir: &Path, path: &Path, journal: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut from = File::open(journal)?;
    durable::replace_with(path, |out| std::io::copy(&mut from, out).map(drop))
}

/// Deletes all but the newest `keep` backups (by the date in the name) and leftover temporary files.
/// Errors are ignored: a backup that could not be deleted is only wasted space.
pub(crate) fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut dated: Vec<(NaiveDate, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        // The second form is what versions before durable.rs left (`journal-DATE.jsonl.tmp`).
        if durable::is_leftover_temp(name, "journal-")
            || name.starts_with("journal-") && name.ends_with(".jsonl.tmp")
        {
            let _ = fs::remove_file(entry.path());
        } else if let Some(date) = name
            .strip_prefix("journal-")
            .and_then(|rest| rest.strip_suffix(".jsonl"))
            .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
        {
            dated.push((date, entry.path()));
        }
    }
    dated.sort_unstable_by_key(|d| std::cmp::Reverse(d.0));
    for (_, path) in dated.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn one_backup_a_day_and_the_last_fourteen_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let journal = tmp.path().join("journal.jsonl");
        fs::write(&journal, "{}\n").unwrap();
        for d in 1..=20 {
            assert_eq!(
                daily(tmp.path(), &journal, true, day(d)),
                Backup::Written(tmp.path().join(DIR).join(file_name(day(d))))
            );
            assert_eq!(daily(tmp.path(), &journal, true, day(d)), Backup::AlreadyToday);
        }
        let copy = tmp.path().join(DIR).join(file_name(day(20)));
        assert_eq!(fs::read_to_string(copy).unwrap(), "{}\n");
        let mut names: Vec<String> = fs::read_dir(tmp.path().join(DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEEP);
        assert_eq!(names.first().unwrap(), &file_name(day(7)));
        assert_eq!(names.last().unwrap(), &file_name(day(20)));
    }

    #[test]
    fn empty_journal_is_not_backed_up() {
        let tmp = tempfile::tempdir().unwrap();
        let journal = tmp.path().join("journal.jsonl");
        fs::write(&journal, "\n").unwrap();
        assert_eq!(daily(tmp.path(), &journal, false, day(1)), Backup::EmptyJournal);
        assert!(!tmp.path().join(DIR).exists());
    }

    #[test]
    fn prune_removes_leftover_temporary_files_and_keeps_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("journal-2026-11-01.jsonl.tmp"), "x").unwrap();
        fs::write(tmp.path().join(".journal-2026-11-02.jsonl.a1B2c3.tmp"), "x").unwrap();
        fs::write(tmp.path().join("notes.txt"), "x").unwrap();
        fs::write(tmp.path().join(".settings.json.a1B2c3.tmp"), "x").unwrap();
        prune(tmp.path(), KEEP);
        assert!(!tmp.path().join("journal-2026-11-01.jsonl.tmp").exists());
        assert!(!tmp.path().join(".journal-2026-11-02.jsonl.a1B2c3.tmp").exists());
        assert!(tmp.path().join("notes.txt").exists());
        assert!(tmp.path().join(".settings.json.a1B2c3.tmp").exists());
    }
}
