//! A class of 500 learners with 20,000 quiz attempts (ten answers each, with what was chosen) and their
//! lesson views, over the embedded modules: how long the class dashboard's numbers take. The fold and
//! the analysis run after each recorded event; the question analysis reads the events again (from
//! memory here, and from the journal file as the app does).
//!
//! Run: `cargo bench --bench class`.

#![allow(clippy::panic)] // a benchmark: a broken fixture should stop it loudly

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset};
use divan::Bencher;
use kynangso::class::{analysis, questions};
use kynangso::content::Catalog;
use kynangso::export::JournalEvents;
use kynangso::records::store::JOURNAL_FILE;
use kynangso::records::{AnswerRecord, Chosen, Event, EventKind, Facts, ModuleSpec, fold_facts};
use uuid::Uuid;

const LEARNERS: u128 = 500;
const ATTEMPTS: usize = 20_000;
const CLASS: Uuid = Uuid::from_u128(0xC1A55);

fn main() {
    divan::main();
}

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| kynangso::content::embedded().unwrap_or_else(|e| panic!("catalog: {e:?}")));

/// The class's journal: the class, 500 learners who join it, every lesson of every module viewed by
/// each, and 20,000 attempts spread over the learners and modules.
static EVENTS: LazyLock<Vec<Event>> = LazyLock::new(|| {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-12-01T07:30:00.000+07:00").unwrap_or_default();
    let device = Uuid::from_u128(0xDE71CE);
    let mut out = Vec::new();
    let mut n: u128 = 0;
    let mut push = |learner: Uuid, kind: EventKind| {
        n += 1;
        let at = start + Duration::milliseconds(n as i64 * 500);
        out.push(Event::with_id(Uuid::from_u128(n), learner, device, at, kind).with_version(1));
    };
    push(
        Uuid::nil(),
        EventKind::ClassCreated {
            class: CLASS,
            name: "Lớp tập huấn huyện".into(),
            unit: None,
            starts: "2026-12-01".into(),
            ends: None,
            trainer: None,
        },
    );
    let learner = |l: u128| Uuid::from_u128(0x1000 + l);
    for l in 0..LEARNERS {
        let kind = EventKind::LearnerCreated {
            name: format!("Nguyễn Thị Phương Thảo {l}"),
            unit: Some(format!("UBND xã Tân Lập {}", l % 20)),
            position: None,
        };
        push(learner(l), kind);
        push(learner(l), EventKind::ClassJoined { class: CLASS });
        for module in &CATALOG.modules {
            for lesson in &module.lessons {
                let kind = EventKind::LessonViewed {
                    module: module.meta.id.clone(),
                    lesson: lesson.meta.id.clone(),
                };
                push(learner(l), kind);
            }
        }
    }
    for a in 0..ATTEMPTS {
        let module = &CATALOG.modules[a % CATALOG.modules.len()];
        let answers: Vec<AnswerRecord> = module
            .questions
            .iter()
            .cycle()
            .skip(a % module.questions.len())
            .take(10)
            .enumerate()
            .map(|(i, q)| AnswerRecord {
                question: q.id.clone(),
                correct: (a + i) % 3 != 0,
                chosen: Some(Chosen::Indexes(vec![((a + i) % 2) as u32])),
            })
            .collect();
        let score = answers.iter().filter(|x| x.correct).count() as u32;
        let kind = EventKind::QuizAttempted {
            module: module.meta.id.clone(),
            score,
            max: 10,
            passed: score >= 8,
            duration_s: 300,
            answers,
        };
        push(learner(a as u128 % LEARNERS), kind);
    }
    out
});

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let text: String = EVENTS.iter().map(|e| e.to_line() + "\n").collect();
    std::fs::write(dir.path().join(JOURNAL_FILE), text).unwrap_or_else(|e| panic!("write: {e}"));
    dir
});

/// Fold of the class's facts and the dashboard's numbers: what runs after each recorded event.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn fold_and_analyse(bencher: Bencher) {
    let facts = Facts::from_events(EVENTS.iter());
    let specs = ModuleSpec::from_catalog(&CATALOG);
    bencher.bench(|| {
        let progress = fold_facts(&facts, &specs);
        let class = progress.class(CLASS).unwrap_or_else(|| panic!("no class"));
        assert_eq!(class.members.len(), LEARNERS as usize);
        let analysis = analysis::analyse(&progress, class);
        (progress, analysis)
    });
}

/// The dashboard's numbers alone, on a fold already made.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn analyse_only(bencher: Bencher) {
    let progress = fold_facts(
        &Facts::from_events(EVENTS.iter()),
        &ModuleSpec::from_catalog(&CATALOG),
    );
    let class = progress
        .class(CLASS)
        .cloned()
        .unwrap_or_else(|| panic!("no class"));
    bencher.bench(|| analysis::analyse(&progress, &class));
}

/// The question analysis over events already in memory (200,000 answers).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn questions_in_memory(bencher: Bencher) {
    let progress = fold_facts(
        &Facts::from_events(EVENTS.iter()),
        &ModuleSpec::from_catalog(&CATALOG),
    );
    let class = progress
        .class(CLASS)
        .cloned()
        .unwrap_or_else(|| panic!("no class"));
    bencher.bench(|| {
        let stats =
            questions::analyse(&progress, &class, &*EVENTS, &CATALOG).unwrap_or_else(|e| panic!("{e}"));
        assert!(!stats.is_empty());
        stats
    });
}

/// The question analysis as the app runs it: reading the journal file again.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn questions_from_the_journal(bencher: Bencher) {
    let progress = fold_facts(
        &Facts::from_events(EVENTS.iter()),
        &ModuleSpec::from_catalog(&CATALOG),
    );
    let class = progress
        .class(CLASS)
        .cloned()
        .unwrap_or_else(|| panic!("no class"));
    let events = JournalEvents(DIR.path().to_path_buf());
    bencher
        .bench(|| questions::analyse(&progress, &class, &events, &CATALOG).unwrap_or_else(|e| panic!("{e}")));
}
