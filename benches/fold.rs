//! Load + fold of a trainer-sized journal: 100,000 events, about 300 learners going through five
//! modules (lesson views, quiz attempts with answers, simulations, completions). The target is under
//! 300 ms for open (read, parse, checks) plus fold on a two-core PC.
//!
//! Run: `cargo bench --bench fold`.

#![allow(clippy::panic, clippy::manual_is_multiple_of)] // a benchmark: a broken fixture should stop it loudly

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset};
use divan::Bencher;
use kynangso::records::event::{AnswerRecord, Event, EventKind};
use kynangso::records::load;
use kynangso::records::progress::{ModuleSpec, fold, fold_facts};
use kynangso::records::roster::roster;
use kynangso::records::store::{JOURNAL_FILE, Journal};
use uuid::Uuid;

const EVENTS: usize = 100_000;
const LEARNERS: u128 = 300;
const MODULES: usize = 5;
const LESSONS: usize = 6;

fn main() {
    divan::main();
}

fn specs() -> Vec<ModuleSpec> {
    (0..MODULES)
        .map(|m| ModuleSpec {
            id: format!("module-{m}"),
            title: format!("Mô-đun {m}"),
            lessons: (0..LESSONS).map(|l| format!("bai-{l}")).collect(),
            required_simulations: vec![format!("mo-phong-{m}")],
            pass_mark: 80,
            version: 1,
        })
        .collect()
}

/// A deterministic journal of exactly `EVENTS` events.
fn events() -> Vec<Event> {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-09-01T07:30:00.000+07:00").unwrap_or_default();
    let device = Uuid::from_u128(0xDE71CE);
    let mut out = Vec::with_capacity(EVENTS);
    let mut n: u128 = 0;
    let mut push = |out: &mut Vec<Event>, learner: u128, kind: EventKind| {
        n += 1;
        let at = start + Duration::seconds(n as i64 * 7);
        out.push(Event::with_id(
            Uuid::from_u128(n),
            Uuid::from_u128(learner),
            device,
            at,
            kind,
        ));
    };
    for l in 0..LEARNERS {
        push(
            &mut out,
            l,
            EventKind::LearnerCreated {
                name: format!("Nguyễn Thị Phương Thảo {l}"),
                unit: Some(format!("UBND xã Tân Lập {}", l % 20)),
                position: Some("Công chức Văn phòng – Thống kê".into()),
            },
        );
    }
    'fill: for round in 0.. {
        for l in 0..LEARNERS {
            let m = (round / 12) % MODULES;
            let module = format!("module-{m}");
            let kind = match round % 12 {
                0..=7 => EventKind::LessonViewed {
                    module,
                    lesson: format!("bai-{}", (round + l as usize) % LESSONS),
                },
                8 | 9 => EventKind::QuizAttempted {
                    module,
                    score: 6 + (l as u32 + round as u32) % 5,
                    max: 10,
                    passed: (l + round as u128) % 3 != 0,
                    duration_s: 300,
                    answers: (0..10)
                        .map(|q| AnswerRecord {
                            question: format!("q-{m}-{q:02}"),
                            correct: q % 4 != 0,
                            chosen: None,
                        })
                        .collect(),
                },
                10 => EventKind::SimulationCompleted {
                    module,
                    simulation: format!("mo-phong-{m}"),
                    mistakes: 1,
                    duration_s: 240,
                },
                _ => EventKind::ModuleCompleted { module },
            };
            push(&mut out, l, kind);
            if out.len() == EVENTS {
                break 'fill;
            }
        }
    }
    out
}

/// The journal file, written once.
static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let text: String = events().iter().map(|e| e.to_line() + "\n").collect();
    std::fs::write(dir.path().join(JOURNAL_FILE), text).unwrap_or_else(|e| panic!("write: {e}"));
    dir
});

static BYTES: LazyLock<Vec<u8>> =
    LazyLock::new(|| std::fs::read(DIR.path().join(JOURNAL_FILE)).unwrap_or_else(|e| panic!("read: {e}")));

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T08:00:00.000+07:00").unwrap_or_default()
}

/// The whole path the app takes at start: open (lock, read, parse, checks) + fold + roster.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_fold_roster(bencher: Bencher) {
    let specs = specs();
    let dir = DIR.path();
    bencher.bench(|| {
        let (journal, report) = Journal::open(dir, now()).unwrap_or_else(|e| panic!("open: {e}"));
        assert_eq!(report.events_loaded, EVENTS);
        let progress = fold_facts(journal.facts(), &specs);
        let rows = roster(&progress);
        // Returned, so divan drops them after the timed part: freeing memory is not loading.
        (journal, progress, rows)
    });
}

/// Parsing alone (bytes already in memory).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse(bencher: Bencher) {
    bencher.bench(|| load::parse(&BYTES));
}

/// Fold alone.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn fold_only(bencher: Bencher) {
    let specs = specs();
    let events = load::parse(&BYTES).events;
    bencher.bench(|| fold(&events, &specs));
}
