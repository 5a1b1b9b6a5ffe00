//! Which questions a graded attempt asks: only skill and fact questions (never recall), stratified by
//! lesson so every lesson of the module is asked about, seeded so a test can replay a draw.
//!
//! The rule: lessons in the order they first appear in the pool; if the draw has room for every lesson,
//! each lesson gives one question and the rest is dealt round-robin over the lessons (in a shuffled
//! order) while they have questions left, so no lesson has two more than another unless it ran out;
//! if the draw is smaller than the number of lessons (content `check-content` refuses), a random subset
//! of lessons gives one each. Within a lesson the questions are taken in a shuffled order. The drawn
//! questions are then shuffled, so lessons are not asked in blocks.

use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;

use crate::content::model::Question;

/// Indexes into `pool` of the questions a graded attempt of `draw` questions asks, in the order asked.
#[must_use]
pub fn graded(pool: &[Question], draw: usize, rng: &mut StdRng) -> Vec<usize> {
    let mut lessons: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, q) in pool.iter().enumerate().filter(|(_, q)| q.tests.graded()) {
        let lesson = q.lesson.as_deref();
        match lessons.iter_mut().find(|(l, _)| *l == lesson) {
            Some((_, list)) => list.push(i),
            None => lessons.push((lesson, vec![i])),
        }
    }
    let mut stacks: Vec<Vec<usize>> = lessons.into_iter().map(|(_, list)| list).collect();
    for stack in &mut stacks {
        stack.shuffle(rng);
    }
    stacks.shuffle(rng);
    let mut drawn = Vec::with_capacity(draw);
    // Round-robin: the first round gives every lesson one question, later rounds spread the rest.
    while drawn.len() < draw {
        let before = drawn.len();
        for stack in &mut stacks {
            if drawn.len() == draw {
                break;
            }
            if let Some(i) = stack.pop() {
                drawn.push(i);
            }
        }
        if drawn.len() == before {
            break; // the pool is used up
        }
    }
    drawn.shuffle(rng);
    drawn
}
