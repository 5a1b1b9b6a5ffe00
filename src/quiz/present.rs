//! How a drawn question is shown: options, steps and right-hand sides shuffled with the session's seeded
//! generator, so a learner cannot pass by remembering positions, and a test can replay a session.
//!
//! True/false is never shuffled ("Đúng" stays before "Sai"). An ordering question with two or more
//! steps is never shown already in order, or it would answer itself.

use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;

use crate::content::model::{Question, QuestionKind};

/// What the learner sees of a question's choices, in the shown order. Answers refer to these indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Single {
        options: Vec<String>,
    },
    Multiple {
        options: Vec<String>,
    },
    TrueFalse,
    Ordering {
        steps: Vec<String>,
    },
    /// `left` in the content's order; `right` shuffled.
    Matching {
        left: Vec<String>,
        right: Vec<String>,
    },
}

/// A drawn question with its shown order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    /// The question as in the content (the right answer in content order).
    pub question: Question,
    pub view: View,
    /// Shown index → content index of the options, steps or right-hand sides.
    pub(crate) order: Vec<usize>,
}

impl Presented {
    /// Shuffles `question` for showing.
    pub(crate) fn new(question: &Question, rng: &mut StdRng) -> Presented {
        let (view, order) = match &question.kind {
            QuestionKind::Single { options, .. } => {
                let order = shuffled(options.len(), rng);
                (
                    View::Single {
                        options: pick(options, &order),
                    },
                    order,
                )
            }
            QuestionKind::Multiple { options, .. } => {
                let order = shuffled(options.len(), rng);
                (
                    View::Multiple {
                        options: pick(options, &order),
                    },
                    order,
                )
            }
            QuestionKind::TrueFalse { .. } => (View::TrueFalse, Vec::new()),
            QuestionKind::Ordering { steps } => {
                let mut order = shuffled(steps.len(), rng);
                if pick(steps, &order) == *steps {
                    // Still in order (always possible for 2 steps): move the first step to the end.
                    order.rotate_left(1);
                }
                (
                    View::Ordering {
                        steps: pick(steps, &order),
                    },
                    order,
                )
            }
            QuestionKind::Matching { pairs } => {
                let order = shuffled(pairs.len(), rng);
                let left = pairs.iter().map(|p| p.left.clone()).collect();
                let right = order
                    .iter()
                    .filter_map(|&i| pairs.get(i))
                    .map(|p| p.right.clone())
                    .collect();
                (View::Matching { left, right }, order)
            }
        };
        Presented {
            question: question.clone(),
            view,
            order,
        }
    }

    /// The shown index of content index `original`.
    pub(crate) fn shown(&self, original: usize) -> Option<usize> {
        self.order.iter().position(|&o| o == original)
    }
}

fn shuffled(len: usize, rng: &mut StdRng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.shuffle(rng);
    order
}

fn pick(items: &[String], order: &[usize]) -> Vec<String> {
    order.iter().filter_map(|&i| items.get(i).cloned()).collect()
}
