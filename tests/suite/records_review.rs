//! The review list in the fold (`records::review`): questions answered wrong in a graded quiz are to
//! review until answered right twice in a row in the review; practice answers and later graded answers do
//! not change it; `question_practised` is never an attempt; the result depends only on the set of events,
//! and the events survive a journal line round trip (so they travel with exports).

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::records::event::{AnswerRecord, Event, EventKind, PracticeMode};
use kynangso::records::progress::{ModuleSpec, fold};
use kynangso::records::roster::Status;
use rand::SeedableRng as _;
use rand::seq::SliceRandom as _;
use uuid::Uuid;

const LEARNER: Uuid = Uuid::from_u128(0xA);
const OTHER: Uuid = Uuid::from_u128(0xB);
const DEVICE: Uuid = Uuid::from_u128(0xD);

/// The one-module spec of the sense tests: module "m", lesson "l".
fn specs() -> Vec<ModuleSpec> {
    vec![crate::records_sense::spec()]
}

fn event(n: usize, learner: Uuid, kind: EventKind) -> Event {
    let at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-12-01T08:00:00.000+07:00").unwrap() + Duration::seconds(n as i64);
    Event::with_id(Uuid::from_u128(100 + n as u128), learner, DEVICE, at, kind)
}

fn attempt(answers: &[(&str, bool)]) -> EventKind {
    let score = answers.iter().filter(|a| a.1).count() as u32;
    EventKind::QuizAttempted {
        module: "m".into(),
        score,
        max: answers.len() as u32,
        passed: false,
        duration_s: 60,
        answers: answers
            .iter()
            .map(|&(q, correct)| AnswerRecord {
                question: q.into(),
                correct,
                chosen: None,
            })
            .collect(),
    }
}

fn practised(question: &str, correct: bool, mode: PracticeMode) -> EventKind {
    EventKind::QuestionPractised {
        module: "m".into(),
        question: question.into(),
        correct,
        chosen: Some(kynangso::records::Chosen::Indexes(vec![0])),
        mode,
    }
}

fn to_review(events: &[Event], learner: Uuid) -> Vec<(String, u8)> {
    let progress = fold(events, &specs());
    progress
        .module(learner, "m")
        .map(|p| {
            p.to_review
                .iter()
                .map(|r| (r.question.clone(), r.steps))
                .collect()
        })
        .unwrap_or_default()
}

fn journey() -> Vec<Event> {
    use PracticeMode::{Practice, Review};
    let kinds = [
        attempt(&[("a", false), ("b", true), ("c", false), ("d", false)]),
        practised("a", true, Review),
        practised("a", true, Review),
        practised("c", false, Review),
        practised("c", true, Review),
        practised("d", true, Practice),
        practised("b", false, Review),
        attempt(&[("d", true), ("e", false)]),
    ];
    kinds
        .into_iter()
        .enumerate()
        .map(|(n, k)| event(n, LEARNER, k))
        .collect()
}

#[test]
fn wrong_answers_stay_until_two_rights_in_a_row_in_the_review() {
    let events = journey();
    assert_eq!(
        to_review(&events, LEARNER),
        [("c".to_owned(), 1), ("d".to_owned(), 0), ("e".to_owned(), 0)],
        "a is done; c has one step; d's practice and later right answer do not count; b was never wrong in a quiz"
    );
    assert!(to_review(&events, OTHER).is_empty());
}

#[test]
fn practising_is_never_an_attempt_and_never_starts_a_module() {
    let only_practice: Vec<Event> = [
        practised("a", true, PracticeMode::Practice),
        practised("a", false, PracticeMode::Review),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, k)| event(n, LEARNER, k))
    .collect();
    let progress = fold(&only_practice, &specs());
    let mine = progress.module(LEARNER, "m").unwrap();
    assert!(mine.attempts.is_empty() && mine.to_review.is_empty());
    assert_eq!(mine.status(), Status::NotStarted);
    assert!(!mine.completed());

    let events = journey();
    let progress = fold(&events, &specs());
    assert_eq!(progress.module(LEARNER, "m").unwrap().attempts.len(), 2);
}

#[test]
fn the_list_depends_only_on_the_events_and_survives_a_round_trip() {
    let events = journey();
    let expected = to_review(&events, LEARNER);
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    for _ in 0..20 {
        let mut shuffled = events.clone();
        shuffled.shuffle(&mut rng);
        assert_eq!(to_review(&shuffled, LEARNER), expected);
    }
    let lines: Vec<Event> = events
        .iter()
        .map(|e| Event::parse_line(&e.to_line()).unwrap())
        .collect();
    assert_eq!(lines, events);
    assert_eq!(to_review(&lines, LEARNER), expected);
    let line = events[1].to_line();
    assert!(
        line.contains(r#""kind":"question_practised""#) && line.contains(r#""mode":"review""#),
        "{line}"
    );
}
