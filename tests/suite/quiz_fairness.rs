//! Graded quizzes are fair (issue 14): over many seeded draws of every shipped module, a draw asks only
//! skill and fact questions, covers every lesson, and so a learner who answers every skill and fact
//! question right always passes, and one who knows none never passes.

use std::collections::BTreeSet;

use kynangso::content::{self, Module, Tests};
use kynangso::quiz::{Answer, Presented, QuizSession, grade, right_answer};

const SEEDS: u64 = 10_000;

/// A wrong answer of the same shape as the right one.
fn wrong_answer(presented: &Presented) -> Answer {
    match right_answer(presented) {
        Answer::Single(right) => {
            let n = match &presented.view {
                kynangso::quiz::View::Single { options } => options.len(),
                _ => 2,
            };
            Answer::Single((right + 1) % n)
        }
        Answer::Multiple(right) => {
            let n = match &presented.view {
                kynangso::quiz::View::Multiple { options } => options.len(),
                _ => 0,
            };
            let rest: BTreeSet<usize> = (0..n).filter(|i| !right.contains(i)).collect();
            Answer::Multiple(if rest.is_empty() {
                right.into_iter().skip(1).collect()
            } else {
                rest
            })
        }
        Answer::TrueFalse(right) => Answer::TrueFalse(!right),
        Answer::Ordering(mut right) => {
            right.reverse();
            Answer::Ordering(right)
        }
        Answer::Matching(mut right) => {
            right.rotate_left(1);
            Answer::Matching(right)
        }
    }
}

/// Runs one attempt answering right (`knows`) or wrong, and returns whether it passed.
fn attempt(module: &Module, seed: u64, knows: bool) -> bool {
    let mut session = QuizSession::new(
        &module.questions,
        module.meta.quiz_draw,
        module.meta.pass_mark,
        seed,
    );
    while let Some(presented) = session.current().cloned() {
        let answer = if knows {
            right_answer(&presented)
        } else {
            wrong_answer(&presented)
        };
        assert_eq!(grade(&presented, &answer), Ok(knows), "{}", presented.question.id);
        session.answer(answer).unwrap();
        assert!(session.next());
    }
    session.result().passed
}

#[test]
fn every_draw_is_graded_questions_only_and_covers_every_lesson() {
    let catalog = content::embedded().unwrap();
    for module in &catalog.modules {
        let lessons: BTreeSet<&str> = module.lessons.iter().map(|l| l.meta.id.as_str()).collect();
        for seed in 0..SEEDS {
            let session = QuizSession::new(
                &module.questions,
                module.meta.quiz_draw,
                module.meta.pass_mark,
                seed,
            );
            assert_eq!(
                session.len(),
                module.meta.quiz_draw,
                "{} seed {seed}",
                module.id()
            );
            let drawn: BTreeSet<&str> = session
                .questions()
                .iter()
                .map(|p| p.question.lesson.as_deref().unwrap_or(""))
                .collect();
            assert_eq!(drawn, lessons, "{} seed {seed}", module.id());
            let ids: BTreeSet<&str> = session
                .questions()
                .iter()
                .map(|p| p.question.id.as_str())
                .collect();
            assert_eq!(ids.len(), session.len(), "a question drawn twice");
            assert!(
                session
                    .questions()
                    .iter()
                    .all(|p| p.question.tests != Tests::Recall),
                "{} seed {seed}: a recall question in a graded draw",
                module.id()
            );
        }
    }
}

#[test]
fn knowing_every_skill_and_fact_always_passes_and_knowing_none_never_does() {
    let catalog = content::embedded().unwrap();
    for module in &catalog.modules {
        for seed in 0..SEEDS {
            assert!(
                attempt(module, seed, true),
                "{} seed {seed}: failed though all right",
                module.id()
            );
            assert!(
                !attempt(module, seed, false),
                "{} seed {seed}: passed knowing nothing",
                module.id()
            );
        }
    }
}

#[test]
fn the_rest_of_the_draw_is_spread_evenly_over_the_lessons() {
    let catalog = content::embedded().unwrap();
    for module in &catalog.modules {
        for seed in 0..200 {
            let session = QuizSession::new(&module.questions, module.meta.quiz_draw, 80, seed);
            let count = |lesson: &str| {
                session
                    .questions()
                    .iter()
                    .filter(|p| p.question.lesson.as_deref() == Some(lesson))
                    .count()
            };
            let available = |lesson: &str| {
                module
                    .questions
                    .iter()
                    .filter(|q| q.tests.graded() && q.lesson.as_deref() == Some(lesson))
                    .count()
            };
            let counts: Vec<(usize, usize)> = module
                .lessons
                .iter()
                .map(|l| (count(&l.meta.id), available(&l.meta.id)))
                .collect();
            let most = counts.iter().map(|c| c.0).max().unwrap_or(0);
            // A lesson has fewer than the most-asked lesson minus one only when it has no more to give.
            for &(n, have) in &counts {
                assert!(n + 1 >= most || n == have, "{}: {counts:?}", module.id());
            }
        }
    }
}
