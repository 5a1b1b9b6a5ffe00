//! Presentation mode through the real UI (no GPU): entered from a lesson with the button and with F5 and
//! from the module page, stepped with the presenter's keys across a section and a lesson boundary, a long
//! section scrolled through before the next, Esc back to where the trainer was; the quiz projected and
//! its answer revealed. The journal and the learner's text size are the same afterwards.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kynangso::app::App;
use kynangso::command::{Command, Projection, Screen};
use kynangso::present::{Deck, TEXT_SIZE};
use kynangso::records::Event;

use crate::common::{self, click, type_into};

/// The app with a learner chosen (so reading would be recorded) and a larger text size of her own.
fn presenter(dir: &Path, size: [f32; 2]) -> Harness<'static, App> {
    let mut h = common::app_harness(dir, size);
    common::start_adding_learner(&mut h);
    type_into(&mut h, "Họ và tên", "Phạm Thị Lan");
    h.get_by_label("Lưu và bắt đầu học").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
    h.state_mut().push(Command::SetTextSize(130));
    h.run();
    assert_eq!(h.state().settings.text_size, 130);
    h
}

fn journal(h: &Harness<'_, App>) -> Vec<Event> {
    h.state().records.as_ref().unwrap().read_events().unwrap()
}

fn open(h: &mut Harness<'_, App>, screen: Screen) {
    h.state_mut().open(screen);
    h.run();
}

/// Presses `key` and returns the window commands of the frame that saw it go down.
fn press(h: &mut Harness<'_, App>, key: Key) -> Vec<ViewportCommand> {
    h.key_down(key);
    h.step();
    let commands = h.output().viewport_output[&ViewportId::ROOT].commands.clone();
    h.key_up(key);
    h.run();
    commands
}

fn footer(h: &Harness<'_, App>) -> String {
    let node = h.get_by_label_contains("Esc để thoát");
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// Where the lesson presentation is.
fn place(h: &Harness<'_, App>) -> (usize, usize) {
    match &h.state().present.as_ref().unwrap().showing {
        kynangso::ui::present::Showing::Lesson { place, .. } => (place.lesson, place.section),
        other => panic!("not a lesson: {other:?}"),
    }
}

/// Steps forward with `key` until the place changes; returns how many presses it took.
fn forward_to_next_slide(h: &mut Harness<'_, App>, key: Key) -> usize {
    let start = place(h);
    for presses in 1..=50 {
        press(h, key);
        if place(h) != start {
            return presses;
        }
    }
    panic!("{key:?} never left {start:?}");
}

/// The part of the window the slide is shown in: above the footer.
fn slide_area(h: &Harness<'_, App>) -> egui::Rect {
    let footer_top = h.get_by_role_and_label(Role::Button, "Thoát").rect().min.y;
    let screen = h.ctx.content_rect();
    egui::Rect::from_min_max(screen.min, egui::pos2(screen.max.x, footer_top))
}

fn assert_presenting(h: &Harness<'_, App>) {
    assert!(matches!(h.state().screen, Screen::Present(_)));
    assert!((h.ctx.zoom_factor() - f32::from(TEXT_SIZE) / 100.0).abs() < 1e-3);
    // A plain slide: the top bar (with the app's name and "Trang chủ") is not there.
    assert!(h.query_by_label("Trang chủ").is_none());
}

#[test]
fn a_lesson_is_presented_section_by_section_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    // Tall enough that every section fits: each press of a key is one slide.
    let mut h = presenter(dir.path(), [1280.0, 9000.0]);
    let lesson_page = Screen::Lesson { module: 1, lesson: 1 };
    open(&mut h, lesson_page);
    let before = journal(&h);
    let settings_before = std::fs::read(dir.path().join("settings.json")).unwrap();

    // The button enters presentation mode, full screen.
    h.get_by_role_and_label(Role::Button, "Trình chiếu").click();
    h.step();
    let commands = h.output().viewport_output[&ViewportId::ROOT].commands.clone();
    assert!(
        commands.contains(&ViewportCommand::Fullscreen(true)),
        "{commands:?}"
    );
    h.run();
    assert_presenting(&h);
    let module = h.state().catalog.modules[1].clone();
    let deck = Deck::new(&module.lessons);
    let sections = deck.sections(1);
    // The lesson's title on its first slide, and where the trainer is.
    h.get_by_label(&module.lessons[1].meta.title);
    let lessons = module.lessons.len();
    assert_eq!(
        footer(&h),
        format!("Bài 2/{lessons} · Phần 1/{sections} · Phím mũi tên để chuyển, Esc để thoát")
    );

    // → and PageDown step through the sections (one press each here), and past the last section into
    // the next lesson; ← comes back across the boundary.
    assert_eq!(forward_to_next_slide(&mut h, Key::ArrowRight), 1);
    assert_eq!(place(&h), (1, 1));
    for s in 2..sections {
        assert_eq!(forward_to_next_slide(&mut h, Key::PageDown), 1);
        assert_eq!(place(&h), (1, s));
    }
    assert!(!footer(&h).contains("Phần 1/"));
    press(&mut h, Key::PageDown);
    assert_eq!(place(&h), (2, 0));
    h.get_by_label(&module.lessons[2].meta.title);
    assert!(footer(&h).starts_with(&format!("Bài 3/{lessons} · Phần 1/")));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(place(&h), (1, sections - 1));
    press(&mut h, Key::Home);
    assert_eq!(place(&h), (1, 0));
    press(&mut h, Key::End);
    assert_eq!(place(&h), (1, sections - 1));

    // B blanks the screen (nothing of the slide is shown), B again brings it back.
    press(&mut h, Key::B);
    assert!(h.query_by_label_contains("Esc để thoát").is_none());
    press(&mut h, Key::B);
    assert!(footer(&h).contains(&format!("Phần {sections}/{sections}")));

    // N shows the module's trainer notes beside the slide, N again hides them.
    assert!(module.trainer_notes.is_some());
    assert!(h.query_by_label("Kế hoạch buổi học 90 phút").is_none());
    press(&mut h, Key::N);
    h.get_by_label("Kế hoạch buổi học 90 phút");
    press(&mut h, Key::N);
    assert!(h.query_by_label("Kế hoạch buổi học 90 phút").is_none());

    // Esc: back to the lesson page, the window as it was, the learner's text size as it was.
    let commands = press(&mut h, Key::Escape);
    assert!(
        commands.contains(&ViewportCommand::Fullscreen(false)),
        "{commands:?}"
    );
    assert_eq!(h.state().screen, lesson_page);
    assert!(h.state().present.is_none());
    assert_eq!(h.state().settings.text_size, 130);
    assert!((h.ctx.zoom_factor() - 1.3).abs() < 1e-3);
    assert_eq!(
        std::fs::read(dir.path().join("settings.json")).unwrap(),
        settings_before
    );
    // Lessons 2 and 3 were on the screen from top to bottom, and nothing was recorded.
    assert_eq!(journal(&h), before);
}

#[test]
fn f5_presents_and_a_long_section_is_scrolled_through_before_the_next() {
    let dir = tempfile::tempdir().unwrap();
    // A 1024 × 768 projector: at 250 % most sections are longer than the screen.
    let mut h = presenter(dir.path(), [1024.0, 768.0]);
    let before = journal(&h);
    open(&mut h, Screen::Lesson { module: 0, lesson: 0 });
    let commands = press(&mut h, Key::F5);
    assert!(
        commands.contains(&ViewportCommand::Fullscreen(true)),
        "{commands:?}"
    );
    assert_presenting(&h);
    assert_eq!(
        h.state().screen,
        Screen::Present(Projection::Lesson { module: 0, lesson: 0 })
    );

    // The first section's last line of text is reached before the second section comes.
    let lesson = h.state().catalog.modules[0].lessons[0].clone();
    let deck = Deck::new(&h.state().catalog.modules[0].lessons);
    let slide = deck.blocks(&lesson, kynangso::present::Place::default()).unwrap();
    let last_line = slide
        .iter()
        .rev()
        .find_map(|b| match b {
            kynangso::content::markdown::Block::List { items, .. } => items.last().and_then(|i| i.first()),
            _ => None,
        })
        .and_then(|b| match b {
            kynangso::content::markdown::Block::Paragraph(spans) => {
                Some(kynangso::content::markdown::plain(spans))
            }
            _ => None,
        })
        .unwrap();
    let mut seen = false;
    let mut presses = 0;
    while place(&h) == (0, 0) {
        let screen = slide_area(&h);
        seen |= h
            .query_by_label(&last_line)
            .is_some_and(|n| screen.contains_rect(n.rect()));
        press(&mut h, Key::PageDown);
        presses += 1;
        assert!(presses < 50);
    }
    assert!(presses > 1, "the first section fitted: the test proves nothing");
    assert!(seen, "the end of the first section was never on screen");
    assert_eq!(place(&h), (0, 1));
    // Space steps on like PageDown.
    forward_to_next_slide(&mut h, Key::Space);
    assert_eq!(place(&h), (0, 2));

    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 0 });
    assert_eq!(journal(&h), before);
    assert_eq!(h.state().settings.text_size, 130);
}

#[test]
fn the_quiz_is_projected_question_by_question_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenter(dir.path(), [1280.0, 4000.0]);
    open(&mut h, Screen::Module(3));
    let before = journal(&h);
    click(&mut h, Role::Button, "Trình chiếu câu hỏi");
    assert_presenting(&h);
    let module = h.state().catalog.modules[3].clone();
    let total = module.questions.len();
    let first = &module.questions[0];
    h.get_by_label(&first.prompt);
    assert_eq!(
        footer(&h),
        format!("Câu 1/{total} · Phím mũi tên để chuyển, Enter để hiện đáp án, Esc để thoát")
    );
    // Before "Hiện đáp án": no answer marked, no explanation.
    assert!(h.query_by_label_contains("đáp án đúng").is_none());
    assert!(h.query_by_label(&first.explanation).is_none());
    click(&mut h, Role::Button, "Hiện đáp án");
    h.get_by_label(&first.explanation);
    // The right answer carries a mark and words, not only a colour.
    assert!(h.query_all_by_label_contains("(đáp án đúng)").next().is_some());

    // → goes on to the next question, hidden; Enter reveals it; ← hides it again.
    press(&mut h, Key::ArrowRight);
    h.get_by_label(&module.questions[1].prompt);
    assert!(footer(&h).starts_with(&format!("Câu 2/{total}")));
    assert!(h.query_by_label(&module.questions[1].explanation).is_none());
    press(&mut h, Key::Enter);
    h.get_by_label(&module.questions[1].explanation);
    press(&mut h, Key::PageUp);
    assert!(h.query_by_label(&module.questions[1].explanation).is_none());
    // A remote's "next" alone reveals, then moves on.
    press(&mut h, Key::PageDown);
    h.get_by_label(&module.questions[1].explanation);
    press(&mut h, Key::PageDown);
    assert!(footer(&h).starts_with(&format!("Câu 3/{total}")));

    click(&mut h, Role::Button, "Thoát");
    assert_eq!(h.state().screen, Screen::Module(3));
    assert_eq!(journal(&h), before, "presentation mode recorded something");
}

#[test]
fn every_kind_of_question_shows_its_right_answer_when_revealed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenter(dir.path(), [1280.0, 4000.0]);
    let catalog = h.state().catalog.clone();
    for kind in ["single", "multiple", "true_false", "ordering", "matching"] {
        let (m, q) = catalog
            .modules
            .iter()
            .enumerate()
            .find_map(|(m, module)| {
                module
                    .questions
                    .iter()
                    .position(|q| q.kind.name() == kind)
                    .map(|q| (m, q))
            })
            .unwrap();
        open(&mut h, Screen::Present(Projection::Quiz(m)));
        press(&mut h, Key::End);
        while h.state().present.as_ref().is_some_and(
            |p| !matches!(&p.showing, kynangso::ui::present::Showing::Quiz(place) if place.question == q),
        ) {
            press(&mut h, Key::ArrowLeft);
        }
        press(&mut h, Key::Enter);
        let question = &catalog.modules[m].questions[q];
        h.get_by_label(&question.explanation);
        let marked = |h: &Harness<'_, App>, text: &str| {
            h.query_all_by_label_contains(text)
                .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
                .collect::<Vec<String>>()
        };
        use kynangso::content::QuestionKind;
        match &question.kind {
            QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } => {
                assert_eq!(marked(&h, "(đáp án đúng)").len(), 1, "{kind}");
            }
            QuestionKind::Multiple { correct, .. } => {
                assert_eq!(marked(&h, "(đáp án đúng)").len(), correct.len(), "{kind}");
            }
            QuestionKind::Ordering { steps } => {
                h.get_by_label("Thứ tự đúng:");
                // Each step in its place: "1. (C) …", "2. (A) …".
                for (k, step) in steps.iter().enumerate() {
                    let line = marked(&h, &format!("{}. (", k + 1));
                    assert!(line.iter().any(|l| l.ends_with(step.as_str())), "{line:?}");
                }
            }
            QuestionKind::Matching { pairs } => {
                h.get_by_label("Cách ghép đúng:");
                for pair in pairs {
                    let line = format!("{} – {}", pair.left, pair.right);
                    assert_eq!(marked(&h, &line).len(), 1, "{line}");
                }
            }
        }
        press(&mut h, Key::Escape);
    }
}

#[test]
fn on_a_small_projector_a_remote_alone_shows_every_option_and_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenter(dir.path(), [1024.0, 768.0]);
    open(&mut h, Screen::Present(Projection::Quiz(1)));
    let question = h.state().catalog.modules[1].questions[0].clone();
    let on_screen = |h: &Harness<'_, App>, label: &str| {
        let screen = slide_area(h);
        h.query_by_label_contains(label)
            .is_some_and(|n| screen.contains_rect(n.rect()))
    };
    let mut seen_explanation = false;
    let mut presses = 0;
    while footer(&h).starts_with("Câu 1/") {
        seen_explanation |= on_screen(&h, &question.explanation);
        press(&mut h, Key::PageDown);
        presses += 1;
        assert!(presses < 50);
    }
    // More than "reveal, next": the question did not fit, and was scrolled through.
    assert!(
        presses > 2,
        "{presses} presses: the question fitted, the test proves nothing"
    );
    assert!(seen_explanation, "the explanation never came on screen");
}
