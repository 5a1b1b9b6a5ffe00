//! Presentation mode without a window: a lesson cut into slides (one `##` section each), stepping through
//! the slides of a module's lessons with a presenter's keys, and the quiz projected question by question.
//! `ui::present` draws what this decides; nothing here records anything.

use std::ops::Range;

use crate::content::Lesson;
use crate::content::markdown::Block;

pub mod quiz;

#[cfg(test)]
mod tests;

/// The text size of presentation mode, in percent: read from the back of a commune hall, whatever the
/// learner's own setting is.
pub const TEXT_SIZE: u16 = 250;
/// The largest text size the trainer can step up to in presentation mode (`+`).
pub const TEXT_SIZE_MAX: u16 = 400;

/// The slides of a lesson, as ranges of its blocks. A new slide starts at each heading of level 1 or 2
/// (a `##` section), and a diagram gets a slide of its own (with its section's heading when it comes
/// right after it), so it can fill the screen. Blocks before the first heading are a slide of their own; a
/// lesson without blocks is one empty slide, so every lesson has at least one.
#[must_use]
pub fn sections(blocks: &[Block]) -> Vec<Range<usize>> {
    let is_heading = |b: &Block| matches!(b, Block::Heading { level, .. } if *level <= 2);
    let is_image = |b: &Block| matches!(b, Block::Image { .. });
    let starts = (1..blocks.len()).filter(|&i| {
        let (before, here) = (&blocks[i - 1], &blocks[i]);
        is_heading(here) || (is_image(here) && !is_heading(before)) || is_image(before)
    });
    let mut starts: Vec<usize> = std::iter::once(0).chain(starts).collect();
    starts.dedup();
    let ends = starts[1..].iter().copied().chain(std::iter::once(blocks.len()));
    starts.iter().copied().zip(ends).map(|(s, e)| s..e).collect()
}

/// Whether a slide is one diagram (after its section's heading, perhaps): it is drawn to fill the screen.
#[must_use]
pub fn is_picture(slide: &[Block]) -> bool {
    matches!(
        slide,
        [Block::Image { .. }] | [Block::Heading { .. }, Block::Image { .. }]
    )
}

/// Where a lesson presentation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// The lesson, as an index into the module's lessons.
    pub lesson: usize,
    /// The section of that lesson.
    pub section: usize,
}

/// What a presenter's key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// → ↓ Page Down, Space: on (a remote's "next").
    Forward,
    /// ← ↑ Page Up: back.
    Back,
    /// Home: the first slide (of the lesson; of the questions).
    First,
    /// End: the last slide (of the lesson; of the questions).
    Last,
}

/// How much of the slide on screen was out of view in the last frame: a long section is scrolled through
/// before the next one comes, so no text is ever skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overflow {
    pub above: bool,
    pub below: bool,
}

/// What to do for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Show the next screenful of the same slide.
    ScrollDown,
    /// Show the previous screenful of the same slide.
    ScrollUp,
    /// Show this slide from its top.
    To(Place),
    /// Nothing before the first slide or after the last.
    Stay,
}

/// The slides of a module's lessons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    /// For each lesson, its sections.
    lessons: Vec<Vec<Range<usize>>>,
}

impl Deck {
    /// The deck of `lessons`.
    #[must_use]
    pub fn new(lessons: &[Lesson]) -> Deck {
        Deck {
            lessons: lessons.iter().map(|l| sections(&l.blocks)).collect(),
        }
    }

    /// A deck from the sections of each lesson (for tests and for content checked elsewhere).
    #[must_use]
    pub fn from_sections(lessons: Vec<Vec<Range<usize>>>) -> Deck {
        Deck { lessons }
    }

    /// How many lessons.
    #[must_use]
    pub fn lessons(&self) -> usize {
        self.lessons.len()
    }

    /// How many sections lesson `lesson` has (0 for a lesson that does not exist).
    #[must_use]
    pub fn sections(&self, lesson: usize) -> usize {
        self.lessons.get(lesson).map_or(0, Vec::len)
    }

    /// The blocks of the slide at `place`, or `None` if there is no such slide.
    #[must_use]
    pub fn blocks<'a>(&self, lesson: &'a Lesson, place: Place) -> Option<&'a [Block]> {
        let range = self.lessons.get(place.lesson)?.get(place.section)?.clone();
        lesson.blocks.get(range)
    }

    /// Whether `place` is a slide of this deck.
    #[must_use]
    pub fn contains(&self, place: Place) -> bool {
        place.section < self.sections(place.lesson)
    }

    /// What `step` does at `place`, given how much of the slide was out of view. Forward past a lesson's
    /// last section goes to the next lesson's first; back before a lesson's first section goes to the
    /// previous lesson's last; Home and End stay within the lesson (and show the slide from its top, also
    /// when it is the one on screen).
    #[must_use]
    pub fn step(&self, place: Place, step: Step, overflow: Overflow) -> Move {
        let count = self.sections(place.lesson);
        let target = match step {
            Step::Forward if overflow.below => return Move::ScrollDown,
            Step::Back if overflow.above => return Move::ScrollUp,
            Step::Forward if place.section + 1 < count => Place {
                section: place.section + 1,
                ..place
            },
            Step::Forward => match (place.lesson + 1..self.lessons()).find(|&l| self.sections(l) > 0) {
                Some(lesson) => Place { lesson, section: 0 },
                None => return Move::Stay,
            },
            Step::Back if place.section > 0 => Place {
                section: place.section - 1,
                ..place
            },
            Step::Back => match (0..place.lesson).rev().find(|&l| self.sections(l) > 0) {
                Some(lesson) => Place {
                    lesson,
                    section: self.sections(lesson) - 1,
                },
                None => return Move::Stay,
            },
            Step::First => Place { section: 0, ..place },
            Step::Last => Place {
                section: count.saturating_sub(1),
                ..place
            },
        };
        Move::To(target)
    }
}
