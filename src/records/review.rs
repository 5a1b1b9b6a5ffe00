//! The review list: which questions a learner still has to practise in a module, folded from the
//! journal (`docs/records-format.md`, "The review list").
//!
//! The rule, Anki's learning steps in small: a question answered wrong in a graded quiz (`quiz_attempted`)
//! enters the list, or goes back to the start of its steps if already there; each right answer in the
//! review (`question_practised` with `mode: "review"`) is a step; after [`RIGHTS_TO_LEAVE`] right answers
//! in a row it leaves the list; a wrong answer in the review starts its steps again. Within one review
//! session a question answered wrong or not yet done comes back after [`GAP`] other questions
//! (`quiz::drill`). Right answers in a later graded quiz and answers in the recall practice do not
//! change the list.

use super::fact::Sym;

/// Right answers in a row, in the review, that take a question off the list.
pub const RIGHTS_TO_LEAVE: u8 = 2;

/// How many other questions come between two showings of the same question in a review session.
pub const GAP: usize = 2;

/// A question answered wrong in a graded quiz: on the list with no step done.
pub(crate) fn missed(list: &mut Vec<(Sym, u8)>, question: Sym) {
    match list.iter_mut().find(|(q, _)| *q == question) {
        Some((_, steps)) => *steps = 0,
        None => list.push((question, 0)),
    }
}

/// An answer in the review: a step if right (off the list after enough), back to no step if wrong.
/// A question not on the list is left alone (a review answer imported without its quiz attempt).
pub(crate) fn practised(list: &mut Vec<(Sym, u8)>, question: Sym, correct: bool) {
    let Some(at) = list.iter().position(|(q, _)| *q == question) else {
        return;
    };
    if !correct {
        list[at].1 = 0;
        return;
    }
    list[at].1 += 1;
    if list[at].1 >= RIGHTS_TO_LEAVE {
        list.remove(at);
    }
}

/// A question still to review, with the right answers in a row it already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToReview {
    pub question: String,
    pub steps: u8,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::fact::Names;

    #[test]
    fn two_rights_in_a_row_take_a_question_off_and_a_wrong_starts_again() {
        let mut names = Names::default();
        let (a, b) = (names.intern("a"), names.intern("b"));
        let mut list = Vec::new();
        missed(&mut list, a);
        missed(&mut list, b);
        practised(&mut list, a, true);
        assert_eq!(list, [(a, 1), (b, 0)]);
        practised(&mut list, a, false);
        assert_eq!(list, [(a, 0), (b, 0)]);
        practised(&mut list, a, true);
        practised(&mut list, a, true);
        assert_eq!(list, [(b, 0)]);
        practised(&mut list, a, true);
        assert_eq!(list, [(b, 0)], "a question off the list stays off");
        practised(&mut list, b, true);
        missed(&mut list, b);
        assert_eq!(
            list,
            [(b, 0)],
            "failing it again in a quiz starts its steps again"
        );
    }
}
