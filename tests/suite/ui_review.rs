//! The review of wrong answers and the recall practice through the real UI (issue 14): fail a quiz, see
//! "Câu cần ôn: N" on the module page, review until right (a wrong answer comes back), N drops, and the
//! answers are `question_practised` events in the journal; the practice records no `quiz_attempted`.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::records::EventKind;
use kynangso::records::event::PracticeMode;
use kynangso::ui::quiz::Pending;

use crate::ui_learning::{add_learner, choose_and_confirm, harness, take_quiz};

fn drill_pending(app: &mut App) -> &mut Pending {
    &mut app.drill.as_mut().unwrap().pending
}

/// Answers the question on the review or practice screen, right or wrong, and moves on; returns its id.
fn answer_drill(h: &mut Harness<'_, App>, right: bool) -> String {
    answer_drill_seeing(h, right).0
}

/// As [`answer_drill`], also saying whether the screen said the question will come back.
fn answer_drill_seeing(h: &mut Harness<'_, App>, right: bool) -> (String, bool) {
    let presented = h.state().drill.as_ref().unwrap().drill.current().unwrap().clone();
    choose_and_confirm(h, &presented, right, drill_pending);
    h.get_by_label(if right { "Đúng rồi!" } else { "Chưa đúng." });
    let again = h
        .query_by_label("Câu này sẽ được hỏi lại sau vài câu nữa.")
        .is_some();
    h.get_by_label("Câu tiếp theo").click();
    h.run();
    (presented.question.id, again)
}

fn done(h: &Harness<'_, App>) -> usize {
    h.state().drill.as_ref().unwrap().drill.progress().0
}

/// The journal's events of `kind`.
fn events(h: &Harness<'_, App>, kind: &str) -> Vec<EventKind> {
    let records = h.state().records.as_ref().unwrap();
    records
        .read_events()
        .unwrap()
        .into_iter()
        .filter(|e| e.kind_name() == kind)
        .filter_map(|e| e.kind)
        .collect()
}

#[test]
fn fail_a_quiz_then_review_until_right_and_the_count_drops() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Trần Thị Hoa", "Xã Kim Sơn");
    h.state_mut().open(Screen::Quiz(2));
    h.run();
    take_quiz(&mut h, 3);
    h.get_by_label("Điểm: 7/10 câu đúng (70%)");
    // The result screen offers the review; the module page counts what is to review.
    h.get_by_label("Ôn lại các câu sai");
    h.get_by_label("Về trang học phần").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Module(2));
    h.get_by_label("Câu cần ôn: 3");

    h.get_by_label("Ôn lại câu sai").click();
    h.run();
    assert_eq!(
        h.state().screen,
        Screen::Drill {
            module: 2,
            review: true
        }
    );
    h.get_by_label("Đã xong 0/3 câu");
    // Wrong first: it comes back after the two other questions, and needs two right answers again.
    let (first, again) = answer_drill_seeing(&mut h, false);
    assert!(again, "the screen says it comes back");
    let (second, again) = answer_drill_seeing(&mut h, true);
    assert!(again, "one right answer of two");
    let third = answer_drill(&mut h, true);
    assert_ne!(second, first);
    assert_ne!(third, first);
    assert_eq!(
        answer_drill(&mut h, true),
        first,
        "the wrong one comes back after two others"
    );
    assert_eq!(done(&h), 0, "each needs two right answers in a row");
    assert_eq!(answer_drill(&mut h, true), second);
    assert_eq!(done(&h), 1);

    // Leaving midway keeps what was done.
    h.get_by_label("Về trang học phần").click();
    h.run();
    h.get_by_label("Câu cần ôn: 2");

    h.get_by_label("Ôn lại câu sai").click();
    h.run();
    h.get_by_label("Đã xong 0/2 câu");
    while h.state().drill.as_ref().unwrap().drill.current().is_some() {
        answer_drill(&mut h, true);
    }
    h.get_by_label("Anh/chị đã ôn xong.");
    h.get_by_label("Về trang học phần").click();
    h.run();
    h.get_by_label("Không có câu nào cần ôn.");
    assert!(h.query_by_label("Ôn lại câu sai").is_none());

    let practised = events(&h, "question_practised");
    // 1 wrong + 4 right in the first session; third needed 1 more, first 1 more, in the second.
    assert_eq!(practised.len(), 7, "{practised:#?}");
    assert!(practised.iter().all(|k| matches!(
        k,
        EventKind::QuestionPractised { module, mode: PracticeMode::Review, chosen: Some(_), .. } if module == "thanh-toan"
    )));
    assert_eq!(
        events(&h, "quiz_attempted").len(),
        1,
        "a review is never an attempt"
    );
    let progress = h.state().records.as_ref().unwrap().progress();
    let learner = progress.learners()[0].id;
    let mine = progress.module(learner, "thanh-toan").unwrap();
    assert!(mine.to_review.is_empty());
    assert_eq!(mine.attempts.len(), 1);
}

#[test]
fn the_recall_practice_is_ungraded_and_records_no_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    add_learner(&mut h, "Lê Văn Bình", "");
    h.state_mut().open(Screen::Module(0));
    h.run();
    let recall = h.state().catalog.modules[0]
        .questions
        .iter()
        .filter(|q| !q.tests.graded())
        .count();
    assert!(recall > 0);
    h.get_by_label("Ôn tập câu ghi nhớ").click();
    h.run();
    assert_eq!(
        h.state().screen,
        Screen::Drill {
            module: 0,
            review: false
        }
    );
    let wrong = answer_drill(&mut h, false);
    let mut asked = vec![wrong.clone()];
    while h.state().drill.as_ref().unwrap().drill.current().is_some() {
        asked.push(answer_drill(&mut h, true));
    }
    assert_eq!(
        asked.len(),
        recall + 1,
        "the wrong one was asked again: {asked:?}"
    );
    h.get_by_label("Anh/chị đã trả lời đúng tất cả các câu ghi nhớ.");
    let practised = events(&h, "question_practised");
    assert_eq!(practised.len(), recall + 1);
    assert!(practised.iter().all(|k| matches!(
        k,
        EventKind::QuestionPractised {
            mode: PracticeMode::Practice,
            ..
        }
    )));
    assert!(events(&h, "quiz_attempted").is_empty());
    assert!(events(&h, "module_completed").is_empty());
    let progress = h.state().records.as_ref().unwrap().progress();
    let mine = progress.module(progress.learners()[0].id, "bao-cao").unwrap();
    assert!(mine.attempts.is_empty() && mine.to_review.is_empty());
    assert_eq!(mine.status(), kynangso::records::Status::NotStarted);
}
