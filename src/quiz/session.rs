//! A quiz session: draw questions, take answers one at a time with feedback, and sum up.
//!
//! States: question `index` unanswered → [`QuizSession::answer`] → answered (feedback shown) →
//! [`QuizSession::next`] → the next question, or finished after the last. Everything random comes from
//! the seed, so the same seed gives the same questions in the same shown order.

use rand::SeedableRng as _;
use rand::rngs::StdRng;

use super::grade::{Answer, AnswerError, grade, right_answer};
use super::present::Presented;
use crate::content::model::{Question, QuestionKind};
use crate::records::event::{AnswerRecord, Chosen, EventKind};
use crate::records::progress::percent;

/// Shown after each answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub correct: bool,
    /// The right answer, in shown indexes.
    pub right: Answer,
    pub explanation: String,
}

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizError {
    /// Every question is done.
    Finished,
    /// The current question already has an answer; answers are final once feedback is shown.
    AlreadyAnswered,
    /// The answer does not fit the question.
    Answer(AnswerError),
}

/// A question answered wrong (or left unanswered), for the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Position in the session.
    pub index: usize,
    pub presented: Presented,
    /// `None` if the session ended before it was answered.
    pub given: Option<Answer>,
    pub right: Answer,
}

/// The outcome of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    /// Right answers.
    pub score: u32,
    /// Questions drawn.
    pub max: u32,
    /// `score / max` in whole percent, rounded down.
    pub percent: u32,
    /// `percent ≥ pass mark` (an empty quiz never passes).
    pub passed: bool,
    pub wrong: Vec<Review>,
    /// One per drawn question, in the order asked, for the `quiz_attempted` event.
    pub answers: Vec<AnswerRecord>,
}

impl QuizResult {
    /// The `quiz_attempted` event for this result.
    #[must_use]
    pub fn event_kind(&self, module: &str, duration_s: u64) -> EventKind {
        EventKind::QuizAttempted {
            module: module.to_owned(),
            score: self.score,
            max: self.max,
            passed: self.passed,
            duration_s,
            answers: self.answers.clone(),
        }
    }
}

/// A running quiz.
#[derive(Debug, Clone)]
pub struct QuizSession {
    pool: Vec<Question>,
    draw: usize,
    pass_mark: u8,
    questions: Vec<Presented>,
    given: Vec<Option<(Answer, Feedback)>>,
    index: usize,
}

impl QuizSession {
    /// Draws `draw` questions (all if there are fewer) from `questions` in a random order, with
    /// shuffled choices, from `seed`.
    #[must_use]
    pub fn new(questions: &[Question], draw: usize, pass_mark: u8, seed: u64) -> QuizSession {
        let mut session = QuizSession {
            pool: questions.to_vec(),
            draw,
            pass_mark,
            questions: Vec::new(),
            given: Vec::new(),
            index: 0,
        };
        session.retry(seed);
        session
    }

    /// Starts over with a new draw from the same questions.
    pub fn retry(&mut self, seed: u64) {
        let mut rng = StdRng::seed_from_u64(seed);
        let amount = self.draw.min(self.pool.len());
        let drawn = rand::seq::index::sample(&mut rng, self.pool.len(), amount);
        self.questions = drawn
            .iter()
            .filter_map(|i| self.pool.get(i))
            .map(|q| Presented::new(q, &mut rng))
            .collect();
        self.given = vec![None; self.questions.len()];
        self.index = 0;
    }

    /// The drawn questions, in the order asked.
    #[must_use]
    pub fn questions(&self) -> &[Presented] {
        &self.questions
    }

    /// How many questions were drawn.
    #[must_use]
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    /// Whether no question was drawn (an empty quiz).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The current question's position (equals [`QuizSession::len`] when finished).
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The current question, `None` when finished.
    #[must_use]
    pub fn current(&self) -> Option<&Presented> {
        self.questions.get(self.index)
    }

    /// The feedback for the current question, once answered.
    #[must_use]
    pub fn feedback(&self) -> Option<&Feedback> {
        self.given
            .get(self.index)
            .and_then(Option::as_ref)
            .map(|(_, feedback)| feedback)
    }

    /// Answers the current question.
    ///
    /// # Errors
    /// [`QuizError`] if finished, already answered, or the answer does not fit; nothing changes then.
    pub fn answer(&mut self, answer: Answer) -> Result<Feedback, QuizError> {
        let presented = self.questions.get(self.index).ok_or(QuizError::Finished)?;
        let slot = self.given.get_mut(self.index).ok_or(QuizError::Finished)?;
        if slot.is_some() {
            return Err(QuizError::AlreadyAnswered);
        }
        let correct = grade(presented, &answer).map_err(QuizError::Answer)?;
        let feedback = Feedback {
            correct,
            right: right_answer(presented),
            explanation: presented.question.explanation.clone(),
        };
        *slot = Some((answer, feedback.clone()));
        Ok(feedback)
    }

    /// Moves past the current question once it is answered; false (no move) if it is not, or if the
    /// session is finished.
    #[expect(
        clippy::should_implement_trait,
        reason = "a step of the state machine, not an iterator"
    )]
    pub fn next(&mut self) -> bool {
        if self.feedback().is_none() {
            return false;
        }
        self.index += 1;
        true
    }

    /// Whether every question was answered and moved past.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// The result so far; unanswered questions count as wrong.
    #[must_use]
    pub fn result(&self) -> QuizResult {
        let mut score = 0u32;
        let mut wrong = Vec::new();
        let mut answers = Vec::with_capacity(self.questions.len());
        for (index, (presented, given)) in self.questions.iter().zip(&self.given).enumerate() {
            let correct = given.as_ref().is_some_and(|(_, f)| f.correct);
            if correct {
                score += 1;
            } else {
                wrong.push(Review {
                    index,
                    presented: presented.clone(),
                    given: given.as_ref().map(|(a, _)| a.clone()),
                    right: right_answer(presented),
                });
            }
            answers.push(AnswerRecord {
                question: presented.question.id.clone(),
                correct,
                chosen: given.as_ref().and_then(|(a, _)| chosen(presented, a)),
            });
        }
        let max = u32::try_from(self.questions.len()).unwrap_or(u32::MAX);
        // Compared exactly, not via the rounded percent: 79.5% does not pass an 80% mark.
        let passed = crate::records::progress::passes(score, max, self.pass_mark);
        QuizResult {
            score,
            max,
            percent: percent(score, max),
            passed,
            wrong,
            answers,
        }
    }
}

/// `answer` (in shown indexes) as recorded: in the content's indexes (the encoding of [`Chosen`]).
/// `None` if an index is out of range, which grading has already refused.
fn chosen(presented: &Presented, answer: &Answer) -> Option<Chosen> {
    let original = |shown: usize| {
        let index = match presented.question.kind {
            QuestionKind::TrueFalse { .. } => shown,
            _ => *presented.order.get(shown)?,
        };
        u32::try_from(index).ok()
    };
    let chosen = match answer {
        Answer::Single(shown) => Chosen::Indexes(vec![original(*shown)?]),
        Answer::Multiple(shown) => {
            let mut indexes = shown.iter().map(|&s| original(s)).collect::<Option<Vec<_>>>()?;
            indexes.sort_unstable();
            Chosen::Indexes(indexes)
        }
        Answer::TrueFalse(given) => Chosen::Indexes(vec![u32::from(!given)]),
        Answer::Ordering(shown) => {
            Chosen::Indexes(shown.iter().map(|&s| original(s)).collect::<Option<_>>()?)
        }
        Answer::Matching(shown) => Chosen::Pairs(
            shown
                .iter()
                .enumerate()
                .map(|(left, &s)| Some([u32::try_from(left).ok()?, original(s)?]))
                .collect::<Option<_>>()?,
        ),
    };
    Some(chosen)
}
