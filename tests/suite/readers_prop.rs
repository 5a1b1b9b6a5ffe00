//! Property-based tests of the readers that take files from outside (issue 9): the exchange reader
//! (`parse_exchange`) and the lesson loader. Random and mutated inputs must never panic or hang, and an
//! exchange file that is refused must change nothing in the journal when imported on the command line.
//! Case counts are bounded so CI stays fast; a failure prints the input proptest shrank it to.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

use crate::content_validation::{LESSON, MODULE, QUIZ, SVG};
use crate::export_fixture::{DEVICE, at, events, unknown_event};
use kynangso::content::{DirSource, load};
use kynangso::export::json::{parse_exchange, to_exchange};

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
    /// Copies a stretch of the file over another place: keeps JSON tokens, breaks structure.
    Splice {
        from: usize,
        to: usize,
        len: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>(), 1usize..64).prop_map(|(from, to, len)| Mutation::Splice {
            from,
            to,
            len
        }),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % n] = b,
            Mutation::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Mutation::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % n);
            }
            Mutation::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
            Mutation::Splice { from, to, len } if !bytes.is_empty() => {
                let from = from % n;
                let piece: Vec<u8> = bytes[from..(from + len).min(bytes.len())].to_vec();
                let to = to % n;
                let end = (to + piece.len()).min(bytes.len());
                bytes.splice(to..end, piece);
            }
            _ => {}
        }
    }
}

/// A valid exchange file with every kind of event the fixture has, an unknown kind among them.
fn valid_exchange() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut all = events();
        all.push(unknown_event());
        to_exchange(&all, DEVICE, at("2026-11-26T17:05:00.250+07:00")).unwrap()
    })
}

/// A short text from any characters (proptest's string regexes are not built in here).
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..12).prop_map(|c| c.into_iter().collect())
}

/// A JSON value of a shape an event field may take, or may wrongly take.
fn field_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::from),
        Just(json!("2026-11-26T09:41:27.123+07:00")),
        Just(json!("9999-12-31T23:59:59.999Z")),
        Just(json!("6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5")),
        Just(json!("lesson_viewed")),
        Just(json!("quiz_attempted")),
        Just(json!("learner_created")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::vec((text(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// An exchange file whose header is right and whose events are objects of known field names with any values.
fn structured_exchange() -> impl Strategy<Value = Vec<u8>> {
    const FIELDS: [&str; 14] = [
        "id", "at", "device", "learner", "kind", "name", "unit", "module", "lesson", "score", "max",
        "passed", "answers", "into",
    ];
    let event = proptest::collection::vec((0..FIELDS.len(), field_value()), 0..10).prop_map(|fields| {
        Value::Object(
            fields
                .into_iter()
                .map(|(i, v)| (FIELDS[i].to_owned(), v))
                .collect(),
        )
    });
    proptest::collection::vec(event, 0..6).prop_map(|events| {
        serde_json::to_vec(&json!({
            "format": "kynangso-records",
            "version": 1,
            "device": DEVICE.to_string(),
            "exported_at": "2026-11-26T17:05:00.250+07:00",
            "events": events,
        }))
        .unwrap()
    })
}

/// Runs `check` over `cases` inputs from `strategy` on its own thread, and fails if the whole run takes
/// longer than `limit`: a reader that hangs fails the test instead of hanging CI.
/// The strategy is made on that thread: recursive strategies cannot be sent between threads.
fn run_bounded<S>(
    cases: u32,
    limit: Duration,
    strategy: fn() -> S,
    check: fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy + 'static,
    S::Value: 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let strategy = strategy();
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, check).map_err(|e| e.to_string());
        let _ = tx.send(result);
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(())) => {}
        Ok(Err(failure)) => panic!("{failure}"),
        Err(_) => panic!("the reader did not finish {cases} cases within {limit:?}"),
    }
}

#[test]
fn the_exchange_reader_never_panics_on_random_bytes() {
    run_bounded(
        256,
        Duration::from_secs(120),
        || proptest::collection::vec(any::<u8>(), 0..512),
        |bytes| {
            let _ = parse_exchange(&bytes);
            Ok(())
        },
    );
}

#[test]
fn the_exchange_reader_never_panics_on_mutated_files() {
    run_bounded(
        256,
        Duration::from_secs(120),
        || proptest::collection::vec(mutation(), 1..6),
        |mutations| {
            let mut bytes = valid_exchange().to_vec();
            mutate(&mut bytes, &mutations);
            if let Ok(exchange) = parse_exchange(&bytes) {
                // What is accepted is whole: every event can be written back as one journal line.
                for event in exchange.events() {
                    prop_assert!(!event.to_line().contains('\n'));
                }
            }
            Ok(())
        },
    );
}

#[test]
fn the_exchange_reader_never_panics_on_strange_events() {
    run_bounded(256, Duration::from_secs(120), structured_exchange, |bytes| {
        let _ = parse_exchange(&bytes);
        Ok(())
    });
}

/// A refused file changes nothing, byte for byte, when imported on the command line.
#[test]
fn a_refused_file_changes_nothing_in_the_journal() {
    run_bounded(
        12,
        Duration::from_secs(300),
        || proptest::collection::vec(mutation(), 1..4),
        |mutations| {
            let mut bytes = valid_exchange().to_vec();
            // Cut it short first: most such files are refused, which is what this test is about.
            let keep = bytes.len() / 2;
            bytes.truncate(keep);
            mutate(&mut bytes, &mutations);
            if parse_exchange(&bytes).is_ok() {
                return Ok(());
            }
            let data = tempfile::tempdir().unwrap();
            let file = tempfile::tempdir().unwrap();
            let json = file.path().join("pc.json");
            std::fs::write(&json, &bytes).unwrap();
            let journal = data.path().join("journal.jsonl");
            let mut before = valid_exchange_as_journal();
            before.push(b'\n');
            std::fs::write(&journal, &before).unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_kynangso"))
                .args(["import", json.to_str().unwrap(), "--data-dir"])
                .arg(data.path())
                .output()
                .unwrap();
            prop_assert_eq!(out.status.code(), Some(1));
            prop_assert_eq!(std::fs::read(&journal).unwrap(), before);
            let names: Vec<_> = std::fs::read_dir(data.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            prop_assert_eq!(names.len(), 1, "nothing else was written: {:?}", names);
            Ok(())
        },
    );
}

/// The fixture's events as journal lines.
fn valid_exchange_as_journal() -> Vec<u8> {
    let lines: Vec<String> = events().iter().map(kynangso::records::Event::to_line).collect();
    lines.join("\n").into_bytes()
}

/// The one-module fixture of `content_validation`, with these three files.
fn write_module(root: &Path, module: &[u8], lesson: &[u8], quiz: &[u8]) {
    let dir = root.join("01-thu");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("so-do.svg"), SVG).unwrap();
    std::fs::write(dir.join("module.json"), module).unwrap();
    std::fs::write(dir.join("01-mot.md"), lesson).unwrap();
    std::fs::write(dir.join("quiz.json"), quiz).unwrap();
}

#[test]
fn the_fixture_module_is_valid() {
    let root = tempfile::tempdir().unwrap();
    write_module(root.path(), MODULE.as_bytes(), LESSON.as_bytes(), QUIZ.as_bytes());
    assert!(load(&DirSource::new(root.path())).is_ok());
}

/// Mutated module.json, lesson Markdown and quiz.json: the loader reports or accepts, never panics or hangs.
#[test]
fn the_lesson_loader_never_panics_on_mutated_files() {
    let strategy = || (0usize..3, proptest::collection::vec(mutation(), 1..6));
    run_bounded(256, Duration::from_secs(240), strategy, |(which, mutations)| {
        let mut files = [
            MODULE.as_bytes().to_vec(),
            LESSON.as_bytes().to_vec(),
            QUIZ.as_bytes().to_vec(),
        ];
        mutate(&mut files[which], &mutations);
        let root = tempfile::tempdir().unwrap();
        write_module(root.path(), &files[0], &files[1], &files[2]);
        if let Err(issues) = load(&DirSource::new(root.path())) {
            prop_assert!(!issues.is_empty());
            let t = kynangso::i18n::I18n::new(kynangso::i18n::Lang::En);
            for issue in &issues {
                prop_assert!(!issue.render(&t).is_empty());
            }
        }
        Ok(())
    });
}
