//! The quiz engine: drawing questions with a seed, shuffling what is shown, grading, and the session
//! state machine the quiz screen drives. No window here; the UI turns clicks into [`Answer`]s.

pub mod draw;
pub mod drill;
pub mod grade;
pub mod present;
pub mod session;

pub use drill::Drill;
pub use grade::{Answer, AnswerError, grade, right_answer};
pub use present::{Presented, View};
pub use session::{Feedback, QuizError, QuizResult, QuizSession, Review};

#[cfg(test)]
mod tests;
