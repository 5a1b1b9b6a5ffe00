//! Property tests of the journal reader: random and mutated lines and files never make it panic, an
//! accepted line reads back the same after writing, and whatever a damaged file holds, an event
//! appended after opening it survives a restart. A bounded number of cases, so CI stays quick.

use chrono::DateTime;
use kynangso::records::event::{Event, EventKind};
use kynangso::records::load;
use kynangso::records::store::{JOURNAL_FILE, Journal};
use proptest::prelude::*;
use uuid::Uuid;

fn valid_line() -> String {
    Event::with_id(
        Uuid::from_u128(7),
        Uuid::from_u128(8),
        Uuid::from_u128(9),
        DateTime::parse_from_rfc3339("2026-12-01T09:00:00.000+07:00").unwrap(),
        EventKind::QuizAttempted {
            module: "bao-cao".into(),
            score: 8,
            max: 10,
            passed: true,
            duration_s: 60,
            answers: vec![],
        },
    )
    .to_line()
}

/// A valid line with some bytes replaced, removed or inserted.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0usize..400, any::<u8>(), 0u8..3), 1..8).prop_map(|edits| {
        let mut bytes = valid_line().into_bytes();
        for (at, byte, op) in edits {
            let at = at % (bytes.len() + 1);
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_an_event_or_an_error(text in ".{0,300}") {
        let _ = Event::parse_line(&text);
    }

    #[test]
    fn a_mutated_line_reads_back_the_same_if_it_is_accepted(bytes in mutated()) {
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(event) = Event::parse_line(text)
        {
            prop_assert_eq!(Event::parse_line(&event.to_line()), Ok(event));
        }
    }

    #[test]
    fn any_bytes_scan_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let loaded = load::parse(&bytes);
        prop_assert!(loaded.events.len() <= bytes.len());
    }

    #[test]
    fn an_event_appended_to_a_damaged_journal_survives_a_restart(
        lines in prop::collection::vec(mutated(), 0..6),
        tail in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut file = lines.join(&b'\n');
        file.push(b'\n');
        file.extend(tail);
        std::fs::write(dir.path().join(JOURNAL_FILE), &file).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00.000+07:00").unwrap();
        let fresh = Event::new(Uuid::new_v4(), Uuid::new_v4(), now, EventKind::LearnerDeleted);
        {
            let (mut journal, _) = Journal::open(dir.path(), now).unwrap();
            journal.append(&fresh).unwrap();
        }
        let (journal, _) = Journal::open(dir.path(), now).unwrap();
        prop_assert!(journal.read_events().unwrap().contains(&fresh));
    }
}
