//! The quiz projected for a class: every question of the module in the content's order, its choices
//! labelled A, B, C…, then its answer revealed. Stepping on from a question first scrolls through it if it
//! is longer than the screen, then reveals its answer (as a slide's build does on a presenter's remote,
//! which has no Enter key), then goes to the next question.

use rand::SeedableRng as _;
use rand::rngs::StdRng;

use super::{Overflow, Step};
use crate::content::Question;
use crate::quiz::Presented;

/// Where a quiz projection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuizPlace {
    /// The question, as an index into the module's questions.
    pub question: usize,
    /// Whether its answer and explanation are shown.
    pub revealed: bool,
}

/// What a key does in a quiz projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizMove {
    /// Show the next screenful of the same question (its options, or its explanation).
    ScrollDown,
    /// Show the previous screenful.
    ScrollUp,
    /// Show this question (revealed or not).
    To(QuizPlace),
}

/// What `step` does at `place` among `count` questions, given how much of the question was out of view:
/// a long question is scrolled through first; then forward reveals, then moves on; back hides the
/// answer, then goes to the previous question with its answer shown (as it was left).
#[must_use]
pub fn step(count: usize, place: QuizPlace, step: Step, overflow: Overflow) -> QuizMove {
    let last = count.saturating_sub(1);
    QuizMove::To(match step {
        Step::Forward if overflow.below => return QuizMove::ScrollDown,
        Step::Back if overflow.above => return QuizMove::ScrollUp,
        Step::Forward if !place.revealed => QuizPlace {
            revealed: true,
            ..place
        },
        Step::Forward if place.question < last => QuizPlace {
            question: place.question + 1,
            revealed: false,
        },
        Step::Back if place.revealed => QuizPlace {
            revealed: false,
            ..place
        },
        Step::Back if place.question > 0 => QuizPlace {
            question: place.question.min(count) - 1,
            revealed: true,
        },
        Step::Forward | Step::Back => place,
        Step::First => QuizPlace::default(),
        Step::Last => QuizPlace {
            question: last,
            revealed: false,
        },
    })
}

/// Question `question` as projected: choices, steps and right-hand sides in an order fixed by the
/// question's place (so a projection shown twice looks the same), an ordering never already in order.
#[must_use]
pub fn projected(question: &Question, index: usize) -> Presented {
    let mut rng = StdRng::seed_from_u64(0x5EED_0000 + index as u64);
    Presented::new(question, &mut rng)
}

/// The label of choice `i`: A, B, C… (then A1, B1… past Z, which no quiz reaches).
#[must_use]
pub fn letter(i: usize) -> String {
    let ch = char::from(b'A' + u8::try_from(i % 26).unwrap_or(0));
    match i / 26 {
        0 => ch.to_string(),
        n => format!("{ch}{n}"),
    }
}
