//! Presentation logic: slides of a lesson, stepping across sections and lessons, the quiz projection.

use super::quiz::{self, QuizMove, QuizPlace, letter};
use super::*;
use crate::content::markdown::{Block, Span};
use crate::quiz::{Answer, View, right_answer};

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: vec![Span {
            text: text.into(),
            ..Span::default()
        }],
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph(vec![Span {
        text: text.into(),
        ..Span::default()
    }])
}

fn place(lesson: usize, section: usize) -> Place {
    Place { lesson, section }
}

const NONE: Overflow = Overflow {
    above: false,
    below: false,
};

#[test]
fn a_lesson_is_cut_at_level_two_headings_only() {
    let blocks = vec![
        para("intro"),
        heading(2, "Một"),
        para("a"),
        heading(3, "Một ý nhỏ"),
        para("b"),
        heading(2, "Hai"),
        para("c"),
    ];
    assert_eq!(sections(&blocks), vec![0..1, 1..5, 5..7]);
    // Starting with a heading: no empty section before it.
    assert_eq!(sections(&blocks[1..]), vec![0..4, 4..6]);
    // Every block is in exactly one section, in order.
    let all: Vec<usize> = sections(&blocks).into_iter().flatten().collect();
    assert_eq!(all, (0..blocks.len()).collect::<Vec<_>>());
    assert_eq!(sections(&[]), vec![0..0]);
}

#[test]
fn a_diagram_is_a_slide_of_its_own() {
    let image = || Block::Image {
        src: "so-do.svg".into(),
        alt: "Sơ đồ".into(),
    };
    let blocks = vec![
        heading(2, "Một"),
        para("a"),
        image(),
        para("b"),
        heading(2, "Hai"),
        image(),
        image(),
        para("c"),
    ];
    assert_eq!(sections(&blocks), vec![0..2, 2..3, 3..4, 4..6, 6..7, 7..8]);
    let slides: Vec<bool> = sections(&blocks)
        .into_iter()
        .map(|r| is_picture(&blocks[r]))
        .collect();
    assert_eq!(slides, [false, true, false, true, true, false]);
}

#[test]
fn every_embedded_lesson_is_cut_without_losing_a_block() {
    let catalog = crate::content::embedded().unwrap();
    for module in &catalog.modules {
        let deck = Deck::new(&module.lessons);
        for (l, lesson) in module.lessons.iter().enumerate() {
            let shown: usize = (0..deck.sections(l))
                .map(|s| deck.blocks(lesson, place(l, s)).unwrap().len())
                .sum();
            assert_eq!(
                shown,
                lesson.blocks.len(),
                "{} / {}",
                module.meta.id,
                lesson.meta.id
            );
            assert!(deck.sections(l) > 1, "{} has one section", lesson.meta.id);
        }
    }
}

#[test]
fn stepping_crosses_sections_and_lessons_both_ways() {
    let deck = Deck::from_sections(vec![vec![0..1, 1..2, 2..3], vec![0..2], vec![0..1, 1..3]]);
    assert_eq!(deck.step(place(0, 0), Step::Forward, NONE), Move::To(place(0, 1)));
    assert_eq!(deck.step(place(0, 2), Step::Forward, NONE), Move::To(place(1, 0)));
    assert_eq!(deck.step(place(1, 0), Step::Forward, NONE), Move::To(place(2, 0)));
    assert_eq!(deck.step(place(2, 1), Step::Forward, NONE), Move::Stay);
    assert_eq!(deck.step(place(2, 0), Step::Back, NONE), Move::To(place(1, 0)));
    assert_eq!(deck.step(place(1, 0), Step::Back, NONE), Move::To(place(0, 2)));
    assert_eq!(deck.step(place(0, 0), Step::Back, NONE), Move::Stay);
    assert_eq!(deck.step(place(0, 1), Step::Last, NONE), Move::To(place(0, 2)));
    assert_eq!(deck.step(place(2, 1), Step::First, NONE), Move::To(place(2, 0)));
}

#[test]
fn a_long_slide_is_scrolled_through_before_the_next_one() {
    let deck = Deck::from_sections(vec![vec![0..1, 1..2]]);
    let below = Overflow {
        above: false,
        below: true,
    };
    let above = Overflow {
        above: true,
        below: false,
    };
    assert_eq!(deck.step(place(0, 0), Step::Forward, below), Move::ScrollDown);
    assert_eq!(
        deck.step(place(0, 0), Step::Forward, above),
        Move::To(place(0, 1))
    );
    assert_eq!(deck.step(place(0, 1), Step::Back, above), Move::ScrollUp);
    assert_eq!(deck.step(place(0, 1), Step::Back, below), Move::To(place(0, 0)));
    // Home and End jump, scrolled or not.
    assert_eq!(deck.step(place(0, 0), Step::First, above), Move::To(place(0, 0)));
}

#[test]
fn lessons_without_slides_are_skipped() {
    let deck = Deck::from_sections(vec![vec![0..1], vec![], vec![0..1]]);
    assert_eq!(deck.step(place(0, 0), Step::Forward, NONE), Move::To(place(2, 0)));
    assert_eq!(deck.step(place(2, 0), Step::Back, NONE), Move::To(place(0, 0)));
    assert!(!deck.contains(place(1, 0)));
    assert!(deck.contains(place(2, 0)));
}

#[test]
fn forward_reveals_then_moves_on_and_back_undoes_it() {
    let q = |question, revealed| QuizMove::To(QuizPlace { question, revealed });
    let at = |question, revealed| QuizPlace { question, revealed };
    let step = |place, step| quiz::step(3, place, step, NONE);
    assert_eq!(step(at(0, false), Step::Forward), q(0, true));
    assert_eq!(step(at(0, true), Step::Forward), q(1, false));
    assert_eq!(step(at(2, true), Step::Forward), q(2, true));
    assert_eq!(step(at(1, false), Step::Back), q(0, true));
    assert_eq!(step(at(1, true), Step::Back), q(1, false));
    assert_eq!(step(at(0, false), Step::Back), q(0, false));
    assert_eq!(step(at(1, true), Step::Last), q(2, false));
    assert_eq!(step(at(2, true), Step::First), q(0, false));
    assert_eq!(quiz::step(0, at(0, false), Step::Last, NONE), q(0, false));
    // A question longer than the screen is scrolled through before its answer is revealed.
    let below = Overflow {
        above: false,
        below: true,
    };
    assert_eq!(
        quiz::step(3, at(0, false), Step::Forward, below),
        QuizMove::ScrollDown
    );
    let above = Overflow {
        above: true,
        below: false,
    };
    assert_eq!(quiz::step(3, at(0, true), Step::Back, above), QuizMove::ScrollUp);
    assert_eq!(quiz::step(3, at(0, true), Step::First, above), q(0, false));
}

#[test]
fn a_projected_question_is_the_same_each_time_and_its_answer_is_right() {
    let catalog = crate::content::embedded().unwrap();
    for module in &catalog.modules {
        for (i, question) in module.questions.iter().enumerate() {
            let shown = quiz::projected(question, i);
            assert_eq!(shown, quiz::projected(question, i));
            assert!(crate::quiz::grade(&shown, &right_answer(&shown)).unwrap());
            if let (View::Ordering { steps }, Answer::Ordering(order)) = (&shown.view, right_answer(&shown)) {
                assert!(order.len() < 2 || order != (0..steps.len()).collect::<Vec<_>>());
            }
        }
    }
    assert_eq!(letter(0), "A");
    assert_eq!(letter(2), "C");
    assert_eq!(letter(26), "A1");
}
