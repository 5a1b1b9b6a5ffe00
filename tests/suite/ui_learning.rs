//! The learner's whole journey through the real UI (no GPU): add a learner, read every lesson of a module,
//! pass the quiz, see "Hoàn thành", restart on the same data folder and find it still complete with
//! "Tiếp tục" pointing at the next module; and fail a quiz, review, retry with a different draw.

use std::path::Path;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::quiz::{Answer, Presented, View, right_answer};
use kynangso::records::{EventKind, Resume};

use crate::common;

use crate::common::type_into;
use kynangso::ui::quiz::{NUMBER_KEYS, Pending};

/// Tall enough that the end of every lesson is on screen, so reading it is what a learner does.
pub(crate) fn harness(data_dir: &Path) -> Harness<'static, App> {
    let mut h = common::app_harness(data_dir, [1200.0, 40_000.0]);
    h.state_mut().next_seed = 42;
    h
}

pub(crate) fn add_learner(h: &mut Harness<'_, App>, name: &str, unit: &str) {
    common::start_adding_learner(h);
    type_into(h, "Họ và tên", name);
    if !unit.is_empty() {
        type_into(h, "Đơn vị (xã/phường)", unit);
    }
    h.get_by_label("Lưu và bắt đầu học").click();
    h.run();
}

/// Chooses the right (or a wrong) answer to `presented` as a learner would, and presses "Trả lời"; the
/// quiz and the review screens draw questions alike. `pending` reaches the screen's pending answer, for
/// the widgets a test cannot drive by label (drop-down lists).
pub(crate) fn choose_and_confirm(
    h: &mut Harness<'_, App>,
    presented: &Presented,
    right: bool,
    pending: fn(&mut App) -> &mut Pending,
) {
    let correct = right_answer(presented);
    match (&presented.view, correct) {
        (View::Single { options }, Answer::Single(i)) => {
            let pick = if right { i } else { (i + 1) % options.len() };
            h.get_by_label(&format!("{}. {}", pick + 1, options[pick]))
                .click();
        }
        (View::Multiple { options }, Answer::Multiple(set)) => {
            for i in 0..options.len() {
                let choose = if right {
                    set.contains(&i)
                } else {
                    !set.contains(&i)
                };
                if choose {
                    h.get_by_label(&format!("{}. {}", i + 1, options[i])).click();
                }
            }
        }
        (View::TrueFalse, Answer::TrueFalse(b)) => {
            let say_true = b == right;
            h.get_by_label(if say_true { "1. Đúng" } else { "2. Sai" })
                .click();
        }
        (View::Ordering { .. }, Answer::Ordering(target)) => {
            if right {
                // Keyboard only: pick a step by its number, move it up with the arrow key.
                for (k, step) in target.iter().enumerate() {
                    let order = pending(h.state_mut()).order.clone();
                    let pos = order.iter().position(|s| s == step).unwrap();
                    h.key_press(NUMBER_KEYS[pos]);
                    h.run();
                    for _ in k..pos {
                        h.key_press(Key::ArrowUp);
                        h.run();
                    }
                }
            }
            // Left as shown, an ordering is always wrong (it is never shown in order).
        }
        (View::Matching { left, .. }, Answer::Matching(chosen)) => {
            // Drop-down lists: set what the learner picks in each.
            let n = left.len();
            let picks: Vec<Option<usize>> = (0..n)
                .map(|i| Some(if right { chosen[i] } else { chosen[(i + 1) % n] }))
                .collect();
            pending(h.state_mut()).matching = picks;
        }
        other => panic!("answer does not fit the question: {other:?}"),
    }
    h.run();
    h.get_by_label("Trả lời").click();
    h.run();
}

/// The quiz's pending answer, for [`choose_and_confirm`].
fn quiz_pending(app: &mut App) -> &mut Pending {
    &mut app.quiz.as_mut().unwrap().pending
}

/// Answers the current question as a learner would: the right answer, or a wrong one.
fn answer_current(h: &mut Harness<'_, App>, right: bool) {
    let presented = h
        .state()
        .quiz
        .as_ref()
        .unwrap()
        .session
        .current()
        .unwrap()
        .clone();
    choose_and_confirm(h, &presented, right, quiz_pending);
    h.get_by_label(if right { "Đúng rồi!" } else { "Chưa đúng." });
    let last = {
        let s = &h.state().quiz.as_ref().unwrap().session;
        s.index() + 1 == s.len()
    };
    h.get_by_label(if last {
        "Xem kết quả"
    } else {
        "Câu tiếp theo"
    })
    .click();
    h.run();
}

pub(crate) fn take_quiz(h: &mut Harness<'_, App>, wrong: usize) {
    let total = h.state().quiz.as_ref().unwrap().session.len();
    for i in 0..total {
        answer_current(h, i >= wrong);
    }
}

#[test]
fn read_everything_pass_the_quiz_and_stay_complete_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Chào mừng anh/chị đến với Kỹ Năng Số");
    add_learner(&mut h, "  Nguyễn Văn An ", "Xã Yên Khánh");
    assert_eq!(h.state().screen, Screen::Home);
    h.get_by_label("Nguyễn Văn An");
    h.get_by_label("Tiếp tục").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 0 });

    // Read every lesson of the first module, one after the other.
    let lessons = h.state().catalog.modules[0].lessons.len();
    for _ in 1..lessons {
        h.get_by_label("Bài tiếp theo »").click();
        h.run();
    }
    h.get_by_label("Về trang học phần").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Module(0));
    assert_eq!(h.query_all_by_label("Đã đọc").count(), lessons);

    h.get_by_label("Làm bài kiểm tra").click();
    h.run();
    h.get_by_label("Câu 1/10");
    take_quiz(&mut h, 0);
    h.get_by_label("Điểm: 10/10 câu đúng (100%)");
    h.get_by_label("Đạt (cần 80%). Chúc mừng anh/chị!");

    let events: Vec<EventKind> = h
        .state()
        .records
        .as_ref()
        .unwrap()
        .read_events()
        .unwrap()
        .iter()
        .filter_map(|e| e.kind.clone())
        .collect();
    assert_eq!(
        events
            .iter()
            .filter(|k| matches!(k, EventKind::LessonViewed { .. }))
            .count(),
        lessons
    );
    assert!(events.iter().any(|k| matches!(
        k,
        EventKind::QuizAttempted {
            score: 10,
            max: 10,
            passed: true,
            ..
        }
    )));
    assert_eq!(
        events
            .iter()
            .filter(|k| matches!(k, EventKind::ModuleCompleted { module } if module == "bao-cao"))
            .count(),
        1
    );

    h.get_by_label("Trang chủ").click();
    h.run();
    assert!(h.query_by_label_contains("Hoàn thành ngày").is_some());

    // Restart on the same data folder.
    drop(h);
    let mut h = harness(dir.path());
    h.get_by_label("Nguyễn Văn An — Xã Yên Khánh").click();
    h.run();
    assert!(h.query_by_label_contains("Hoàn thành ngày").is_some());
    assert_eq!(
        h.state().resume_point(),
        Some(Resume::Lesson {
            module: "khai-sinh".into(),
            lesson: "quy-dinh-chung".into()
        })
    );
    h.get_by_label("Tiếp tục").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 1, lesson: 0 });
}

#[test]
fn fail_review_and_retry_with_a_different_draw() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Trần Thị Hoa", "Xã Kim Sơn");
    h.state_mut().open(Screen::Quiz(2));
    h.run();
    let first_draw: Vec<String> = h
        .state()
        .quiz
        .as_ref()
        .unwrap()
        .session
        .questions()
        .iter()
        .map(|p| p.question.id.clone())
        .collect();
    take_quiz(&mut h, 4);
    h.get_by_label("Điểm: 6/10 câu đúng (60%)");
    h.get_by_label("Chưa đạt (cần 80%). Hãy xem lại các câu sai bên dưới rồi làm lại.");
    h.get_by_label("Xem lại các câu sai");
    assert_eq!(h.query_all_by_label("Câu trả lời của anh/chị:").count(), 4);

    h.get_by_label("Làm lại").click();
    h.run();
    h.get_by_label("Câu 1/10");
    let second_draw: Vec<String> = h
        .state()
        .quiz
        .as_ref()
        .unwrap()
        .session
        .questions()
        .iter()
        .map(|p| p.question.id.clone())
        .collect();
    assert_ne!(first_draw, second_draw);
    let attempts = h
        .state()
        .records
        .as_ref()
        .unwrap()
        .read_events()
        .unwrap()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                Some(EventKind::QuizAttempted {
                    passed: false,
                    score: 6,
                    ..
                })
            )
        })
        .count();
    assert_eq!(attempts, 1);
}

#[test]
fn leaving_a_quiz_midway_asks_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Lê Văn Bình", "");
    h.state_mut().open(Screen::Quiz(0));
    h.run();
    answer_current(&mut h, true);
    h.get_by_label("Thoát bài kiểm tra").click();
    h.run();
    h.get_by_label("Thoát giữa chừng?");
    h.get_by_label("Thoát").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Module(0));
    let attempts = h
        .state()
        .records
        .as_ref()
        .unwrap()
        .read_events()
        .unwrap()
        .iter()
        .filter(|e| e.kind_name() == "quiz_attempted")
        .count();
    assert_eq!(attempts, 0);
}

#[test]
fn search_ignores_diacritics_and_bad_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Nguyễn Văn An", "Phường Nam Định");
    h.get_by_label("Đổi học viên").click();
    h.run();
    add_learner(&mut h, "Đỗ Thị Lan", "Xã Kim Sơn");
    h.get_by_label("Đổi học viên").click();
    h.run();
    type_into(&mut h, "Tìm học viên", "nguyen van an");
    assert!(h.query_by_label("Nguyễn Văn An — Phường Nam Định").is_some());
    assert!(h.query_by_label("Đỗ Thị Lan — Xã Kim Sơn").is_none());

    h.get_by_label("Thêm học viên").click();
    h.run();
    h.get_by_label("Lưu và bắt đầu học").click();
    h.run();
    h.get_by_label("Hãy nhập họ và tên của học viên.");
    type_into(&mut h, "Họ và tên", &"A".repeat(200));
    h.get_by_label("Lưu và bắt đầu học").click();
    h.run();
    h.get_by_label("Họ và tên dài quá 100 ký tự. Hãy viết ngắn lại.");
    assert_eq!(h.state().records.as_ref().unwrap().progress().learners().len(), 2);
}

#[test]
fn the_top_bar_mid_quiz_asks_before_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Phạm Văn Minh", "");
    h.state_mut().open(Screen::Quiz(1));
    h.run();
    h.get_by_label("Trang chủ").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Quiz(1), "not left without asking");
    h.get_by_label("Thoát giữa chừng?");
    h.get_by_label("Làm tiếp").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Quiz(1));
    h.get_by_label("Trang chủ").click();
    h.run();
    h.get_by_label("Thoát").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
}

#[test]
fn a_new_pc_greets_the_learner_and_the_form_works_from_the_keyboard() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Chào mừng anh/chị đến với Kỹ Năng Số");
    h.run();
    assert!(h.get_by_role_and_label(Role::Button, "Bắt đầu").is_focused());
    // Enter on "Bắt đầu" opens the form with the name box ready to type in.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(h.get_by_role_and_label(Role::TextInput, "Họ và tên").is_focused());
    // Esc leaves the form and records nothing.
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Chào mừng anh/chị đến với Kỹ Năng Số");
    assert_eq!(h.state().records.as_ref().unwrap().event_count(), 0);
    // Enter in the form saves, as the hint under it says.
    h.get_by_role_and_label(Role::Button, "Bắt đầu").click();
    h.run();
    h.run();
    h.get_by_label("Bấm Enter để lưu, Esc để hủy.");
    h.get_by_role_and_label(Role::TextInput, "Họ và tên")
        .type_text("Trần Văn Bình");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
    let records = h.state().records.as_ref().unwrap();
    assert_eq!(records.progress().learners()[0].name, "Trần Văn Bình");
}
