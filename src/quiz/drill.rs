//! An ungraded drill: the review of questions answered wrong, or the recall practice ("Ôn tập"). One
//! question at a time with feedback, like a quiz, but nothing is passed or failed: a question answered
//! wrong (or, in the review, right but with a step still to do) comes back after a few other questions,
//! and the drill ends when every question is done. Each answer becomes one `question_practised` event.
//!
//! The steps follow `records::review`: in the review a question needs as many right answers in a row as
//! it lacks on the learner's list; in the practice one right answer is enough.

use std::collections::VecDeque;

use rand::SeedableRng as _;
use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;

use super::grade::{Answer, grade, right_answer};
use super::present::Presented;
use super::session::{Feedback, QuizError, chosen};
use crate::content::model::Question;
use crate::records::event::{EventKind, PracticeMode};
use crate::records::review::{GAP, RIGHTS_TO_LEAVE, ToReview};

/// A running drill.
#[derive(Debug, Clone)]
pub struct Drill {
    mode: PracticeMode,
    module: String,
    /// The question on screen, shuffled anew each time it is shown, with its feedback once answered.
    current: Option<(Presented, Option<Feedback>)>,
    /// Right answers the current question still needs.
    needs: u8,
    /// The questions still to show after the current one, with the right answers each still needs.
    queue: VecDeque<(Question, u8)>,
    /// Questions finished (no more right answers needed).
    done: usize,
    total: usize,
    rng: StdRng,
}

impl Drill {
    /// The review of `due` (the learner's list, oldest first) with the module's `questions`; ids the
    /// module no longer has are left out.
    #[must_use]
    pub fn review(module: &str, questions: &[Question], due: &[ToReview], seed: u64) -> Drill {
        let items = due
            .iter()
            .filter_map(|d| {
                let q = questions.iter().find(|q| q.id == d.question)?;
                Some((q.clone(), RIGHTS_TO_LEAVE.saturating_sub(d.steps).max(1)))
            })
            .collect();
        Drill::new(PracticeMode::Review, module, items, seed)
    }

    /// The practice of the module's recall questions, in a shuffled order.
    #[must_use]
    pub fn practice(module: &str, questions: &[Question], seed: u64) -> Drill {
        let items = questions
            .iter()
            .filter(|q| !q.tests.graded())
            .map(|q| (q.clone(), 1))
            .collect();
        Drill::new(PracticeMode::Practice, module, items, seed)
    }

    fn new(mode: PracticeMode, module: &str, mut items: Vec<(Question, u8)>, seed: u64) -> Drill {
        let mut rng = StdRng::seed_from_u64(seed);
        if mode == PracticeMode::Practice {
            items.shuffle(&mut rng);
        }
        let mut drill = Drill {
            mode,
            module: module.to_owned(),
            current: None,
            needs: 0,
            total: items.len(),
            queue: items.into(),
            done: 0,
            rng,
        };
        drill.show_next();
        drill
    }

    fn show_next(&mut self) {
        self.current = self.queue.pop_front().map(|(q, needs)| {
            self.needs = needs;
            (Presented::new(&q, &mut self.rng), None)
        });
    }

    /// Review or practice.
    #[must_use]
    pub fn mode(&self) -> PracticeMode {
        self.mode
    }

    /// The question on screen; `None` when the drill is over.
    #[must_use]
    pub fn current(&self) -> Option<&Presented> {
        self.current.as_ref().map(|(p, _)| p)
    }

    /// The feedback on the current question, once answered.
    #[must_use]
    pub fn feedback(&self) -> Option<&Feedback> {
        self.current.as_ref().and_then(|(_, f)| f.as_ref())
    }

    /// Questions finished and questions in all.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Whether the current question, once answered, still needs a right answer (it will come back).
    #[must_use]
    pub fn needs_more(&self) -> bool {
        self.feedback().is_some() && self.needs > 0
    }

    /// Whether every question is done (or there were none).
    #[must_use]
    pub fn finished(&self) -> bool {
        self.current.is_none()
    }

    /// Answers the current question, and returns the feedback with the `question_practised` event to
    /// record.
    ///
    /// # Errors
    /// [`QuizError`] if the drill is over, the question already answered, or the answer does not fit.
    pub fn answer(&mut self, answer: &Answer) -> Result<(Feedback, EventKind), QuizError> {
        let (presented, slot) = self.current.as_mut().ok_or(QuizError::Finished)?;
        if slot.is_some() {
            return Err(QuizError::AlreadyAnswered);
        }
        let correct = grade(presented, answer).map_err(QuizError::Answer)?;
        let feedback = Feedback {
            correct,
            right: right_answer(presented),
            explanation: presented.question.explanation.clone(),
        };
        *slot = Some(feedback.clone());
        let event = EventKind::QuestionPractised {
            module: self.module.clone(),
            question: presented.question.id.clone(),
            correct,
            chosen: chosen(presented, answer),
            mode: self.mode,
        };
        self.needs = if correct {
            self.needs.saturating_sub(1)
        } else {
            // A wrong answer starts the steps again, as on the learner's list.
            match self.mode {
                PracticeMode::Review => RIGHTS_TO_LEAVE,
                PracticeMode::Practice => 1,
            }
        };
        Ok((feedback, event))
    }

    /// Moves on once the current question is answered: it comes back after [`GAP`] other questions if
    /// it still needs a right answer. False (no move) if it is not answered yet or the drill is over.
    #[expect(
        clippy::should_implement_trait,
        reason = "a step of the state machine, not an iterator"
    )]
    pub fn next(&mut self) -> bool {
        if self.feedback().is_none() {
            return false;
        }
        let Some((presented, _)) = self.current.take() else {
            return false;
        };
        if self.needs == 0 {
            self.done += 1;
        } else {
            let at = GAP.min(self.queue.len());
            self.queue.insert(at, (presented.question, self.needs));
        }
        self.show_next();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{QuestionKind, Tests};

    fn question(id: &str, tests: Tests) -> Question {
        Question {
            id: id.to_owned(),
            lesson: Some("bai".to_owned()),
            tests,
            prompt: format!("{id}?"),
            explanation: "Vì vậy.".to_owned(),
            kind: QuestionKind::TrueFalse { answer: true },
        }
    }

    fn due(id: &str, steps: u8) -> ToReview {
        ToReview {
            question: id.to_owned(),
            steps,
        }
    }

    /// Answers the current question right or wrong; returns its id.
    fn answer(drill: &mut Drill, right: bool) -> String {
        let id = drill.current().unwrap().question.id.clone();
        let (feedback, event) = drill.answer(&Answer::TrueFalse(right)).unwrap();
        assert_eq!(feedback.correct, right);
        assert!(
            matches!(event, EventKind::QuestionPractised { correct, mode: PracticeMode::Review, .. } if correct == right)
        );
        assert!(drill.next());
        id
    }

    #[test]
    fn a_review_asks_each_question_twice_right_and_a_wrong_one_comes_back_after_two_others() {
        let qs: Vec<Question> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| question(id, Tests::Skill))
            .collect();
        let list = [due("a", 0), due("b", 1), due("c", 0), due("gone", 0)];
        let mut drill = Drill::review("m", &qs, &list, 1);
        assert_eq!(
            drill.progress(),
            (0, 3),
            "a question the module no longer has is left out"
        );
        assert_eq!(answer(&mut drill, false), "a");
        assert_eq!(answer(&mut drill, true), "b");
        assert_eq!(drill.progress(), (1, 3), "b had one step already");
        assert_eq!(answer(&mut drill, true), "c");
        assert_eq!(answer(&mut drill, true), "a", "a comes back after two others");
        // c (one step left) was put back after two others; a after c.
        let mut order = Vec::new();
        while !drill.finished() {
            order.push(answer(&mut drill, true));
        }
        assert_eq!(order, ["c", "a"]);
        assert_eq!(drill.progress(), (3, 3));
        assert!(!drill.next(), "nothing after the end");
    }

    #[test]
    fn a_lone_question_comes_back_at_once_and_must_be_answered_before_moving_on() {
        let qs = [question("a", Tests::Skill)];
        let mut drill = Drill::review("m", &qs, &[due("a", 0)], 3);
        assert!(!drill.next(), "no move before an answer");
        assert_eq!(answer(&mut drill, true), "a");
        assert_eq!(answer(&mut drill, true), "a");
        assert!(drill.finished());
    }

    #[test]
    fn the_practice_asks_only_recall_questions_once_each_when_right() {
        let qs = [
            question("k", Tests::Skill),
            question("r1", Tests::Recall),
            question("r2", Tests::Recall),
        ];
        let mut drill = Drill::practice("m", &qs, 7);
        assert_eq!(drill.progress(), (0, 2));
        let mut seen = Vec::new();
        while let Some(p) = drill.current() {
            seen.push(p.question.id.clone());
            let (_, event) = drill.answer(&Answer::TrueFalse(true)).unwrap();
            assert!(matches!(
                event,
                EventKind::QuestionPractised {
                    mode: PracticeMode::Practice,
                    ..
                }
            ));
            drill.next();
        }
        seen.sort();
        assert_eq!(seen, ["r1", "r2"]);
    }
}
