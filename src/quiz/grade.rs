//! Grading one answer. All or nothing per question, as the design's quizzes are: a multiple-choice
//! answer with some right options missing or one wrong option added is wrong, an ordering must be exact,
//! and every pair of a matching question must be right.

use std::collections::BTreeSet;

use super::present::Presented;
use crate::content::model::QuestionKind;

/// A learner's answer, in shown indexes (see [`View`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The chosen option.
    Single(usize),
    /// The chosen options.
    Multiple(BTreeSet<usize>),
    TrueFalse(bool),
    /// The shown steps in the order the learner put them: a permutation of `0..steps`.
    Ordering(Vec<usize>),
    /// For each left item (in order), the shown right item chosen for it.
    Matching(Vec<usize>),
}

/// Why an answer cannot be graded: the UI sent something the question does not ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    /// The answer is for another kind of question.
    WrongKind,
    /// An index is past the shown choices, or an ordering/matching has the wrong length or repeats.
    OutOfRange,
}

/// Whether `answer` is right.
///
/// # Errors
/// [`AnswerError`] when the answer does not fit the question.
pub fn grade(presented: &Presented, answer: &Answer) -> Result<bool, AnswerError> {
    let order = &presented.order;
    let original = |shown: usize| order.get(shown).copied().ok_or(AnswerError::OutOfRange);
    match (&presented.question.kind, answer) {
        (QuestionKind::Single { correct, .. }, Answer::Single(chosen)) => Ok(original(*chosen)? == *correct),
        (QuestionKind::Multiple { correct, .. }, Answer::Multiple(chosen)) => {
            let chosen = chosen
                .iter()
                .map(|&c| original(c))
                .collect::<Result<BTreeSet<_>, _>>()?;
            Ok(chosen == correct.iter().copied().collect())
        }
        (QuestionKind::TrueFalse { answer: right }, Answer::TrueFalse(given)) => Ok(right == given),
        (QuestionKind::Ordering { steps }, Answer::Ordering(shown)) => {
            if shown.len() != steps.len() || shown.iter().collect::<BTreeSet<_>>().len() != shown.len() {
                return Err(AnswerError::OutOfRange);
            }
            // Compared by text, so two steps with the same words can be in either place.
            let mut right = true;
            for (position, &s) in shown.iter().enumerate() {
                right &= steps.get(original(s)?) == steps.get(position);
            }
            Ok(right)
        }
        (QuestionKind::Matching { pairs }, Answer::Matching(shown)) => {
            if shown.len() != pairs.len() {
                return Err(AnswerError::OutOfRange);
            }
            let mut right = true;
            for (left, &s) in shown.iter().enumerate() {
                let chosen = pairs.get(original(s)?).map(|p| &p.right);
                right &= chosen == pairs.get(left).map(|p| &p.right);
            }
            Ok(right)
        }
        _ => Err(AnswerError::WrongKind),
    }
}

/// The right answer, in shown indexes.
#[must_use]
pub fn right_answer(presented: &Presented) -> Answer {
    let shown = |original: usize| presented.shown(original).unwrap_or(original);
    match &presented.question.kind {
        QuestionKind::Single { correct, .. } => Answer::Single(shown(*correct)),
        QuestionKind::Multiple { correct, .. } => {
            Answer::Multiple(correct.iter().map(|&c| shown(c)).collect())
        }
        QuestionKind::TrueFalse { answer } => Answer::TrueFalse(*answer),
        QuestionKind::Ordering { steps } => Answer::Ordering((0..steps.len()).map(shown).collect()),
        QuestionKind::Matching { pairs } => Answer::Matching((0..pairs.len()).map(shown).collect()),
    }
}
