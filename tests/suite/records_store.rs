//! The journal file: durable append, union import, and every damaged or unusual file the design names.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::records::backup::{self, Backup};
use kynangso::records::event::{Event, EventKind};
use kynangso::records::store::{JOURNAL_FILE, Journal, StoreError};
use uuid::Uuid;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T09:41:27.123+07:00").unwrap()
}

fn event(n: u128) -> Event {
    Event::with_id(
        Uuid::from_u128(n),
        Uuid::from_u128(1),
        Uuid::from_u128(2),
        now() + Duration::seconds(n as i64),
        EventKind::LessonViewed {
            module: "bao-cao".into(),
            lesson: format!("bai-{n}"),
        },
    )
}

fn lines(events: &[Event]) -> String {
    events.iter().map(|e| e.to_line() + "\n").collect()
}

fn ids(journal: &Journal) -> Vec<Uuid> {
    journal.read_events().unwrap().iter().map(|e| e.id).collect()
}

fn torn_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("journal.torn-"))
        .collect();
    names.sort();
    names
}

#[test]
fn missing_file_gives_an_empty_journal_and_creates_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new").join("data");
    let (journal, report) = Journal::open(&dir, now()).unwrap();
    assert!(journal.read_events().unwrap().is_empty());
    assert_eq!(report.events_loaded, 0);
    assert_eq!(report.torn_tail, None);
    assert!(report.bad_lines.is_empty());
    assert_eq!(report.backup, Backup::EmptyJournal);
    assert!(dir.join(JOURNAL_FILE).exists());
}

#[test]
fn empty_file_gives_an_empty_journal() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(JOURNAL_FILE), "").unwrap();
    let (journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert!(journal.read_events().unwrap().is_empty());
    assert_eq!(
        (report.events_loaded, report.torn_tail, report.bad_lines.len()),
        (0, None, 0)
    );
}

#[test]
fn append_is_on_disk_and_survives_reopening() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let (mut journal, _) = Journal::open(tmp.path(), now()).unwrap();
        journal.append(&event(1)).unwrap();
        journal.append(&event(2)).unwrap();
        journal.append(&event(1)).unwrap(); // same id: not written twice
        assert_eq!(ids(&journal), [Uuid::from_u128(1), Uuid::from_u128(2)]);
        // Already in the file before the journal is dropped.
        assert_eq!(
            fs::read_to_string(tmp.path().join(JOURNAL_FILE)).unwrap(),
            lines(&[event(1), event(2)])
        );
    }
    let (journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(report.events_loaded, 2);
    assert_eq!(journal.read_events().unwrap(), [event(1), event(2)]);
}

#[test]
fn a_second_open_is_locked_until_the_first_closes() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, _) = Journal::open(tmp.path(), now()).unwrap();
    assert!(matches!(
        Journal::open(tmp.path(), now()),
        Err(StoreError::Locked)
    ));
    drop(first);
    assert!(Journal::open(tmp.path(), now()).is_ok());
}

#[test]
fn torn_last_line_is_set_aside_reported_and_cut() {
    let tmp = tempfile::tempdir().unwrap();
    let good = lines(&[event(1), event(2)]);
    let torn = &event(3).to_line()[..40];
    fs::write(tmp.path().join(JOURNAL_FILE), format!("{good}{torn}")).unwrap();

    let (mut journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(report.events_loaded, 2);
    assert!(report.bad_lines.is_empty());
    let torn_path = report.torn_tail.expect("torn tail reported");
    assert_eq!(
        torn_path,
        tmp.path().join("journal.torn-2026-11-26T09-41-27.jsonl")
    );
    assert_eq!(
        fs::read_to_string(&torn_path).unwrap(),
        torn,
        "the torn bytes are kept"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join(JOURNAL_FILE)).unwrap(),
        good,
        "the journal is cut back"
    );

    // The next append starts on a line of its own, and a reopen is clean.
    journal.append(&event(4)).unwrap();
    drop(journal);
    let (journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(ids(&journal), [1, 2, 4].map(Uuid::from_u128));
    assert_eq!(report.torn_tail, None);
}

#[test]
fn invalid_last_line_with_a_newline_is_torn_too_and_names_do_not_collide() {
    let tmp = tempfile::tempdir().unwrap();
    for round in 1..=2 {
        let mut text = lines(&[event(1)]);
        text.push_str("{\"id\": \"garbage\n");
        fs::write(tmp.path().join(JOURNAL_FILE), text).unwrap();
        let (_journal, report) = Journal::open(tmp.path(), now()).unwrap();
        assert!(report.torn_tail.is_some(), "round {round}");
    }
    assert_eq!(
        torn_files(tmp.path()),
        [
            "journal.torn-2026-11-26T09-41-27-2.jsonl",
            "journal.torn-2026-11-26T09-41-27.jsonl"
        ]
    );
}

#[test]
fn garbage_line_in_the_middle_is_skipped_reported_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let text = format!(
        "{}Xin chào, đây không phải JSON\n{}",
        lines(&[event(1)]),
        lines(&[event(2), event(3)])
    );
    fs::write(tmp.path().join(JOURNAL_FILE), &text).unwrap();
    let (mut journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(report.bad_lines, [2]);
    assert_eq!(report.torn_tail, None);
    assert_eq!(ids(&journal), [1, 2, 3].map(Uuid::from_u128));
    journal.append(&event(4)).unwrap();
    let on_disk = fs::read_to_string(tmp.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(
        on_disk,
        format!("{text}{}", lines(&[event(4)])),
        "the garbage line stays in the file"
    );
    assert!(torn_files(tmp.path()).is_empty());
}

#[test]
fn whole_last_event_without_newline_is_kept_and_the_line_finished() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join(JOURNAL_FILE),
        format!("{}{}", lines(&[event(1)]), event(2).to_line()),
    )
    .unwrap();
    let (mut journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!((report.events_loaded, report.torn_tail), (2, None));
    journal.append(&event(3)).unwrap();
    assert_eq!(
        fs::read_to_string(tmp.path().join(JOURNAL_FILE)).unwrap(),
        lines(&[event(1), event(2), event(3)])
    );
}

#[test]
fn import_is_a_union_by_id_and_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(tmp.path(), now()).unwrap();
    journal.append(&event(1)).unwrap();
    let batch = vec![event(1), event(2), event(3), event(2)];
    let counts = journal.import(batch.clone(), &now()).unwrap();
    assert_eq!((counts.imported, counts.already_present), (2, 2));
    let counts = journal.import(batch, &now()).unwrap();
    assert_eq!((counts.imported, counts.already_present), (0, 4));
    assert_eq!(ids(&journal), [1, 2, 3].map(Uuid::from_u128));
    drop(journal);
    let (journal, _) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(ids(&journal), [1, 2, 3].map(Uuid::from_u128));
}

#[test]
fn unknown_kinds_survive_load_and_import_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let future = r#"{"at":"2026-11-26T09:41:27.123+07:00","badge":"vàng","device":"00000000-0000-0000-0000-000000000002","id":"00000000-0000-0000-0000-000000000009","kind":"badge_earned","learner":"00000000-0000-0000-0000-000000000001"}"#;
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join(JOURNAL_FILE), format!("{future}\n")).unwrap();
    let loaded = Journal::read(other.path()).unwrap();
    let (mut journal, _) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(journal.import(loaded.events, &now()).unwrap().imported, 1);
    assert_eq!(
        fs::read_to_string(tmp.path().join(JOURNAL_FILE)).unwrap(),
        format!("{future}\n")
    );
}

#[test]
fn open_makes_one_backup_a_day() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(JOURNAL_FILE), lines(&[event(1)])).unwrap();
    let today = tmp.path().join(backup::DIR).join("journal-2026-11-26.jsonl");
    let (journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(report.backup, Backup::Written(today.clone()));
    assert_eq!(fs::read_to_string(&today).unwrap(), lines(&[event(1)]));
    drop(journal);
    let (_journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(report.backup, Backup::AlreadyToday);
}

#[test]
fn read_does_not_need_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(tmp.path(), now()).unwrap();
    journal.append(&event(1)).unwrap();
    let loaded = Journal::read(tmp.path()).unwrap();
    assert_eq!(loaded.events, [event(1)]);
}

/// On a full disk the torn tail cannot be copied aside. Recording must not stop for it: the torn line
/// stays as a bad line, and the next event starts a line of its own and survives a restart.
#[test]
fn a_torn_tail_that_cannot_be_set_aside_does_not_stop_recording() {
    let tmp = tempfile::tempdir().unwrap();
    let good = lines(&[event(1)]);
    fs::write(tmp.path().join(JOURNAL_FILE), format!("{good}{{\"id\":\"cut")).unwrap();
    // Every name the copy could take is taken, as no room would refuse it.
    let stamp = now().format("%Y-%m-%dT%H-%M-%S");
    fs::write(tmp.path().join(format!("journal.torn-{stamp}.jsonl")), "").unwrap();
    for n in 2..=1000 {
        fs::write(tmp.path().join(format!("journal.torn-{stamp}-{n}.jsonl")), "").unwrap();
    }
    {
        let (mut journal, report) = Journal::open(tmp.path(), now()).unwrap();
        assert_eq!(report.torn_tail, None);
        assert_eq!(report.bad_lines, [2]);
        journal.append(&event(2)).unwrap();
    }
    let (journal, report) = Journal::open(tmp.path(), now()).unwrap();
    assert_eq!(ids(&journal), [1, 2].map(Uuid::from_u128));
    assert_eq!(report.bad_lines, [2]);
}

/// An event whose id is already here with other content is not dropped in silence: the one here stays,
/// the other is counted and kept aside in a file of its own.
#[test]
fn an_id_repeated_with_other_content_is_reported_and_kept_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(tmp.path(), now()).unwrap();
    journal.append(&event(1)).unwrap();
    let forged = Event::with_id(
        Uuid::from_u128(1),
        Uuid::from_u128(1),
        Uuid::from_u128(2),
        now(),
        EventKind::QuizAttempted {
            module: "bao-cao".into(),
            score: 10,
            max: 10,
            passed: true,
            duration_s: 1,
            answers: vec![],
        },
    );
    let counts = journal
        .import(vec![event(1), forged.clone(), event(2)], &now())
        .unwrap();
    assert_eq!(
        (counts.imported, counts.already_present, counts.conflicts),
        (1, 2, 1)
    );
    let aside = counts.conflicts_file.unwrap();
    assert_eq!(fs::read_to_string(aside).unwrap(), lines(&[forged]));
    assert_eq!(journal.read_events().unwrap(), [event(1), event(2)]);
}
