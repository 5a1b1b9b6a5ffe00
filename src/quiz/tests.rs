//! Quiz engine tests: grading of every kind, shuffling, determinism, the state machine and results.

use std::collections::BTreeSet;

use super::*;
use crate::content::model::{Pair, Question, QuestionKind};
use crate::records::event::{AnswerRecord, Chosen, EventKind};

fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        lesson: None,
        prompt: format!("Câu {id}?"),
        explanation: format!("Vì {id}."),
        kind,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn single(id: &str) -> Question {
    question(
        id,
        QuestionKind::Single {
            options: strings(&["A", "B", "C", "D"]),
            correct: 2,
        },
    )
}

fn multiple() -> Question {
    question(
        "multi",
        QuestionKind::Multiple {
            options: strings(&["A", "B", "C", "D", "E"]),
            correct: vec![0, 3],
        },
    )
}

fn true_false() -> Question {
    question("tf", QuestionKind::TrueFalse { answer: false })
}

fn ordering(n: usize) -> Question {
    question(
        "order",
        QuestionKind::Ordering {
            steps: (1..=n).map(|i| format!("Bước {i}")).collect(),
        },
    )
}

fn matching() -> Question {
    let pairs = [
        ("CCCD", "Căn cước"),
        ("VNeID", "Định danh"),
        ("DVC", "Dịch vụ công"),
        ("QR", "Mã"),
    ]
    .map(|(left, right)| Pair {
        left: left.into(),
        right: right.into(),
    })
    .to_vec();
    question("match", QuestionKind::Matching { pairs })
}

/// A one-question session, to grade one kind.
fn one(q: Question, seed: u64) -> QuizSession {
    QuizSession::new(&[q], 1, 80, seed)
}

fn grade_current(session: &QuizSession, answer: &Answer) -> Result<bool, AnswerError> {
    grade(session.current().unwrap(), answer)
}

#[test]
fn single_choice_is_graded_through_the_shuffle() {
    for seed in 0..20 {
        let s = one(single("s"), seed);
        let View::Single { options } = &s.current().unwrap().view else {
            panic!("single view")
        };
        let right = options.iter().position(|o| o == "C").unwrap();
        assert_eq!(right_answer(s.current().unwrap()), Answer::Single(right));
        assert_eq!(grade_current(&s, &Answer::Single(right)), Ok(true));
        assert_eq!(grade_current(&s, &Answer::Single((right + 1) % 4)), Ok(false));
        assert_eq!(
            grade_current(&s, &Answer::Single(4)),
            Err(AnswerError::OutOfRange)
        );
        assert_eq!(
            grade_current(&s, &Answer::TrueFalse(true)),
            Err(AnswerError::WrongKind)
        );
    }
}

#[test]
fn multiple_choice_needs_exactly_the_right_set() {
    for seed in 0..20 {
        let s = one(multiple(), seed);
        let View::Multiple { options } = &s.current().unwrap().view else {
            panic!("multiple view")
        };
        let at = |text: &str| options.iter().position(|o| o == text).unwrap();
        let set = |texts: &[&str]| Answer::Multiple(texts.iter().map(|t| at(t)).collect::<BTreeSet<_>>());
        assert_eq!(right_answer(s.current().unwrap()), set(&["A", "D"]));
        assert_eq!(grade_current(&s, &set(&["A", "D"])), Ok(true));
        assert_eq!(grade_current(&s, &set(&["A"])), Ok(false), "partial is wrong");
        assert_eq!(
            grade_current(&s, &set(&["A", "D", "B"])),
            Ok(false),
            "an extra wrong option is wrong"
        );
        assert_eq!(grade_current(&s, &set(&[])), Ok(false));
    }
}

#[test]
fn true_false_is_not_shuffled() {
    let s = one(true_false(), 3);
    assert_eq!(s.current().unwrap().view, View::TrueFalse);
    assert_eq!(grade_current(&s, &Answer::TrueFalse(false)), Ok(true));
    assert_eq!(grade_current(&s, &Answer::TrueFalse(true)), Ok(false));
    assert_eq!(right_answer(s.current().unwrap()), Answer::TrueFalse(false));
}

#[test]
fn ordering_is_never_shown_in_order_and_must_be_exact() {
    for n in [2, 3, 5] {
        let original = match &ordering(n).kind {
            QuestionKind::Ordering { steps } => steps.clone(),
            _ => unreachable!(),
        };
        for seed in 0..100 {
            let s = one(ordering(n), seed);
            let View::Ordering { steps } = &s.current().unwrap().view else {
                panic!("ordering view")
            };
            assert_ne!(*steps, original, "n={n} seed={seed}: shown in order");
            let mut sorted = steps.clone();
            sorted.sort();
            assert_eq!(sorted, original, "a permutation of the steps");
            // The learner's order: shown indexes of step 1, step 2, ...
            let exact: Vec<usize> = original
                .iter()
                .map(|t| steps.iter().position(|s| s == t).unwrap())
                .collect();
            assert_eq!(
                right_answer(s.current().unwrap()),
                Answer::Ordering(exact.clone())
            );
            assert_eq!(grade_current(&s, &Answer::Ordering(exact.clone())), Ok(true));
            let mut swapped = exact.clone();
            swapped.swap(0, 1);
            assert_eq!(grade_current(&s, &Answer::Ordering(swapped)), Ok(false));
            assert_eq!(
                grade_current(&s, &Answer::Ordering((0..n).collect())),
                Ok(false),
                "as shown is wrong"
            );
            assert_eq!(
                grade_current(&s, &Answer::Ordering(exact[..n - 1].to_vec())),
                Err(AnswerError::OutOfRange)
            );
            assert_eq!(
                grade_current(&s, &Answer::Ordering(vec![0; n])),
                Err(AnswerError::OutOfRange)
            );
        }
    }
}

#[test]
fn matching_needs_every_pair() {
    for seed in 0..20 {
        let s = one(matching(), seed);
        let View::Matching { left, right } = &s.current().unwrap().view else {
            panic!("matching view")
        };
        assert_eq!(
            *left,
            strings(&["CCCD", "VNeID", "DVC", "QR"]),
            "left side keeps its order"
        );
        let mut sorted = right.clone();
        sorted.sort();
        let mut expected = strings(&["Căn cước", "Định danh", "Dịch vụ công", "Mã"]);
        expected.sort();
        assert_eq!(sorted, expected, "a permutation of the right-hand sides");
        let at = |text: &str| right.iter().position(|r| r == text).unwrap();
        let correct = vec![at("Căn cước"), at("Định danh"), at("Dịch vụ công"), at("Mã")];
        assert_eq!(
            right_answer(s.current().unwrap()),
            Answer::Matching(correct.clone())
        );
        assert_eq!(grade_current(&s, &Answer::Matching(correct.clone())), Ok(true));
        let mut one_swap = correct.clone();
        one_swap.swap(2, 3);
        assert_eq!(
            grade_current(&s, &Answer::Matching(one_swap)),
            Ok(false),
            "two of four right is wrong"
        );
        assert_eq!(
            grade_current(&s, &Answer::Matching(correct[..3].to_vec())),
            Err(AnswerError::OutOfRange)
        );
    }
}

fn pool(n: usize) -> Vec<Question> {
    (0..n).map(|i| single(&format!("q{i:02}"))).collect()
}

fn drawn_ids(s: &QuizSession) -> Vec<String> {
    s.questions().iter().map(|p| p.question.id.clone()).collect()
}

#[test]
fn the_same_seed_gives_the_same_session() {
    let mut questions = pool(20);
    questions.extend([multiple(), true_false(), ordering(4), matching()]);
    let a = QuizSession::new(&questions, 10, 80, 42);
    let b = QuizSession::new(&questions, 10, 80, 42);
    assert_eq!(a.questions(), b.questions());
    assert_eq!(a.len(), 10);
}

#[test]
fn different_seeds_give_different_draws() {
    let questions = pool(20);
    let a = QuizSession::new(&questions, 10, 80, 1);
    let b = QuizSession::new(&questions, 10, 80, 2);
    assert_ne!(drawn_ids(&a), drawn_ids(&b));
    let mut ids = drawn_ids(&a);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10, "no question twice");
}

#[test]
fn drawing_more_than_there_are_takes_them_all() {
    let s = QuizSession::new(&pool(3), 10, 80, 5);
    let mut ids = drawn_ids(&s);
    ids.sort();
    assert_eq!(ids, ["q00", "q01", "q02"]);
}

#[test]
fn the_session_moves_only_after_an_answer() {
    let questions = vec![
        true_false(),
        question("tf2", QuestionKind::TrueFalse { answer: true }),
    ];
    let mut s = QuizSession::new(&questions, 2, 50, 9);
    assert_eq!((s.index(), s.finished(), s.feedback()), (0, false, None));
    assert!(!s.next(), "no moving on without an answer");
    assert_eq!(
        s.answer(Answer::Single(0)),
        Err(QuizError::Answer(AnswerError::WrongKind))
    );
    assert_eq!(s.feedback(), None, "a refused answer changes nothing");
    let first = s.current().unwrap().question.clone();
    let feedback = s.answer(Answer::TrueFalse(true)).unwrap();
    let QuestionKind::TrueFalse { answer } = first.kind else {
        unreachable!()
    };
    assert_eq!(feedback.correct, answer);
    assert_eq!(feedback.right, Answer::TrueFalse(answer));
    assert_eq!(feedback.explanation, first.explanation);
    assert_eq!(s.feedback(), Some(&feedback));
    assert_eq!(
        s.answer(Answer::TrueFalse(false)),
        Err(QuizError::AlreadyAnswered)
    );
    assert!(s.next());
    assert_eq!(s.index(), 1);
    s.answer(Answer::TrueFalse(true)).unwrap();
    assert!(!s.finished());
    assert!(s.next());
    assert!(s.finished());
    assert_eq!(s.current(), None);
    assert!(!s.next());
    assert_eq!(s.answer(Answer::TrueFalse(true)), Err(QuizError::Finished));
}

/// Answers every question of a single-choice session, right for the first `right` ones.
fn play(s: &mut QuizSession, right: usize) {
    let mut i = 0;
    while let Some(p) = s.current() {
        let Answer::Single(correct) = right_answer(p) else {
            unreachable!()
        };
        let given = if i < right { correct } else { (correct + 1) % 4 };
        s.answer(Answer::Single(given)).unwrap();
        s.next();
        i += 1;
    }
}

#[test]
fn the_result_counts_scores_and_passes_at_the_mark() {
    let questions = pool(12);
    let mut s = QuizSession::new(&questions, 10, 80, 11);
    play(&mut s, 8);
    let r = s.result();
    assert_eq!((r.score, r.max, r.percent, r.passed), (8, 10, 80, true));
    assert_eq!(r.wrong.len(), 2);
    assert_eq!(r.wrong.iter().map(|w| w.index).collect::<Vec<_>>(), [8, 9]);
    assert!(
        r.wrong
            .iter()
            .all(|w| w.given.is_some() && w.given.as_ref() != Some(&w.right))
    );
    let ids = drawn_ids(&s);
    let expected: Vec<AnswerRecord> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| AnswerRecord {
            question: id.clone(),
            correct: i < 8,
            // Content index 2 is right; a wrong answer is another content index.
            chosen: Some(Chosen::Indexes(vec![if i < 8 {
                2
            } else {
                match &r.answers[i].chosen {
                    Some(Chosen::Indexes(c)) if c.len() == 1 && c[0] != 2 && c[0] < 4 => c[0],
                    other => panic!("{other:?}"),
                }
            }])),
        })
        .collect();
    assert_eq!(r.answers, expected);
    assert_eq!(
        r.event_kind("bao-cao", 95),
        EventKind::QuizAttempted {
            module: "bao-cao".into(),
            score: 8,
            max: 10,
            passed: true,
            duration_s: 95,
            answers: expected
        }
    );

    s.retry(12);
    assert_eq!((s.index(), s.feedback()), (0, None));
    play(&mut s, 7);
    let r = s.result();
    assert_eq!((r.score, r.percent, r.passed), (7, 70, false));
}

#[test]
fn unanswered_questions_count_as_wrong_and_an_empty_quiz_never_passes() {
    let s = QuizSession::new(&pool(4), 3, 0, 1);
    let r = s.result();
    assert_eq!((r.score, r.max), (0, 3));
    assert!(r.wrong.iter().all(|w| w.given.is_none()));
    assert!(r.passed, "pass mark 0");
    let empty = QuizSession::new(&[], 10, 80, 1);
    assert!(empty.is_empty() && empty.finished());
    let r = empty.result();
    assert_eq!((r.score, r.max, r.percent, r.passed), (0, 0, 0, false));
}

#[test]
fn retry_draws_a_new_set() {
    let questions = pool(20);
    let mut s = QuizSession::new(&questions, 5, 80, 1);
    let before = drawn_ids(&s);
    s.retry(2);
    assert_ne!(drawn_ids(&s), before);
    assert_eq!(s.len(), 5);
}

/// `chosen` is recorded in the content's indexes whatever the shuffle (the records contract).
#[test]
fn what_was_chosen_is_recorded_in_content_indexes() {
    for seed in 0..20 {
        let questions = [single("s"), multiple(), true_false(), ordering(4), matching()];
        let mut s = QuizSession::new(&questions, 5, 80, seed);
        let mut expected = std::collections::HashMap::new();
        while let Some(p) = s.current() {
            let shown = |original: usize| p.shown(original).unwrap();
            let (answer, chosen) = match p.question.id.as_str() {
                "s" => (Answer::Single(shown(1)), Chosen::Indexes(vec![1])),
                "multi" => (
                    Answer::Multiple([shown(4), shown(0)].into()),
                    Chosen::Indexes(vec![0, 4]),
                ),
                "tf" => (Answer::TrueFalse(true), Chosen::Indexes(vec![0])),
                "order" => (
                    Answer::Ordering(vec![shown(3), shown(0), shown(1), shown(2)]),
                    Chosen::Indexes(vec![3, 0, 1, 2]),
                ),
                _ => (
                    Answer::Matching(vec![shown(1), shown(0), shown(2), shown(3)]),
                    Chosen::Pairs(vec![[0, 1], [1, 0], [2, 2], [3, 3]]),
                ),
            };
            expected.insert(p.question.id.clone(), chosen);
            s.answer(answer).unwrap();
            s.next();
        }
        for record in s.result().answers {
            assert_eq!(
                record.chosen.as_ref(),
                expected.get(&record.question),
                "seed {seed}"
            );
        }
    }
    let mut s = QuizSession::new(&[true_false()], 1, 80, 1);
    s.answer(Answer::TrueFalse(false)).unwrap();
    assert_eq!(
        s.result().answers[0].chosen,
        Some(Chosen::Indexes(vec![1])),
        "Sai"
    );
    let unanswered = QuizSession::new(&[single("s")], 1, 80, 1);
    assert_eq!(unanswered.result().answers[0].chosen, None);
}
