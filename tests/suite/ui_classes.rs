//! Classes in the trainer area through the real UI: a class created (its form refusing a bad date and
//! an end before the start), learners added by picking from the roster and by pasting names copied
//! from Excel (a name already on the PC offered as the same person, nobody doubled), a learner
//! removed; "this PC is in class X" taking the next learner created on the PC; a learner's quiz
//! reaching the class dashboard (completion bars, the grid, "cần hỗ trợ", the question analysis); and
//! the class report written from the dashboard.

use egui::accesskit::{Role, Toggled};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kynangso::command::Screen;
use kynangso::ui::trainer::Page;
use uuid::Uuid;

use crate::common::{click, type_into_role};
use crate::ui_learning::{add_learner, take_quiz};
use crate::ui_trainer::{H, PIN, button, enter_pin, harness, has, open_area, seed, set_pin};

/// The one class on the PC.
fn the_class(h: &H) -> kynangso::records::class::Class {
    let classes = h.state().records.as_ref().unwrap().progress().classes().to_vec();
    assert_eq!(classes.len(), 1, "{classes:?}");
    classes.into_iter().next().unwrap()
}

fn field(h: &mut H, label: &str, text: &str) {
    type_into_role(h, Role::TextInput, label, text);
}

/// Creates a class through the form (the fields that matter here).
fn create_class(h: &mut H, name: &str) -> Uuid {
    button(h, "Lớp học");
    button(h, "Tạo lớp mới");
    field(h, "Tên lớp", name);
    field(h, "Đơn vị (xã/phường)", "UBND xã Yên Khánh");
    field(h, "Ngày bắt đầu", "12/03/2026");
    button(h, "Lưu lớp");
    the_class(h).id
}

/// Pastes `text` into the focused box as Ctrl+V does.
fn paste(h: &mut H, label: &str, text: &str) {
    type_into_role(h, Role::MultilineTextInput, label, "");
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
}

fn learner_count(h: &H) -> usize {
    h.state().records.as_ref().unwrap().progress().learners().len()
}

#[test]
fn a_class_is_created_and_learners_join_by_picking_and_by_paste() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let an = seed(&mut h, "Nguyễn Văn An", "Xã Yên Khánh");
    let binh = seed(&mut h, "Đỗ Thị Bình", "Phường Nam Định");
    let chi = seed(&mut h, "Lê Văn Chi", "Xã Yên Khánh");
    set_pin(&mut h, PIN);

    button(&mut h, "Lớp học");
    assert!(has(&h, "Máy này chưa có lớp nào"));
    button(&mut h, "Tạo lớp mới");
    field(&mut h, "Tên lớp", "Lớp chuyển đổi số tháng 3");
    field(&mut h, "Đơn vị (xã/phường)", "UBND xã Yên Khánh");
    field(&mut h, "Giảng viên", "Phạm Thu Trang");
    // A date that does not exist, then an end before the start: said, nothing recorded.
    field(&mut h, "Ngày bắt đầu", "31/02/2026");
    button(&mut h, "Lưu lớp");
    assert!(has(&h, "Ngày không đúng."));
    field(&mut h, "Ngày bắt đầu", "12/03/2026");
    field(&mut h, "Ngày kết thúc", "10/03/2026");
    button(&mut h, "Lưu lớp");
    assert!(has(&h, "Ngày kết thúc đang ở trước ngày bắt đầu"));
    assert!(
        h.state()
            .records
            .as_ref()
            .unwrap()
            .progress()
            .classes()
            .is_empty()
    );
    field(&mut h, "Ngày kết thúc", "14/03/2026");
    button(&mut h, "Lưu lớp");
    assert!(has(&h, "Đã tạo lớp Lớp chuyển đổi số tháng 3."));
    let class = the_class(&h);
    assert_eq!(class.name, "Lớp chuyển đổi số tháng 3");
    assert_eq!(class.trainer, "Phạm Thu Trang");
    assert_eq!(class.starts.unwrap().to_string(), "2026-03-12");
    assert_eq!(class.ends.unwrap().to_string(), "2026-03-14");
    assert_eq!(h.state().trainer.page, Page::Class(class.id));
    assert!(has(&h, "12/03/2026 – 14/03/2026"));

    // Pick from the roster: the search ignores diacritics.
    button(&mut h, "Thêm hoặc bỏ học viên");
    field(&mut h, "Tìm học viên để thêm", "do thi binh");
    assert!(
        h.query_by_role_and_label(Role::CheckBox, "Lê Văn Chi — Xã Yên Khánh")
            .is_none()
    );
    click(&mut h, Role::CheckBox, "Đỗ Thị Bình — Phường Nam Định");
    button(&mut h, "Thêm 1 học viên đã chọn vào lớp");
    assert_eq!(the_class(&h).members, [binh]);
    assert!(has(&h, "Đã thêm 1 học viên vào lớp."));

    // Paste from Excel (CR LF, an empty line, a name already in the class, one already on the PC).
    paste(
        &mut h,
        "Danh sách họ tên, mỗi dòng một người",
        "Nguyễn Văn An\r\nLê Thị Mới\r\n\r\nĐỗ Thị Bình\r\n",
    );
    button(&mut h, "Kiểm tra danh sách");
    assert!(has(&h, "Trên máy đã có học viên tên \"Nguyễn Văn An\""));
    let same = h.get_by_role_and_label(Role::RadioButton, "Cùng một người: Nguyễn Văn An — Xã Yên Khánh");
    assert_eq!(
        same.accesskit_node().toggled(),
        Some(Toggled::True),
        "the same person is the default"
    );
    assert!(has(&h, "Đã ở trong lớp, không thêm lại: Đỗ Thị Bình"));
    assert!(has(&h, "Học viên mới sẽ được tạo (1)"));
    assert_eq!(learner_count(&h), 3, "nothing is recorded before the button");
    button(&mut h, "Thêm 2 học viên vào lớp");
    assert!(has(&h, "Đã thêm 2 học viên vào lớp."));
    let class = the_class(&h);
    let progress = h.state().records.as_ref().unwrap().progress();
    assert_eq!(progress.learners().len(), 4, "An was not doubled");
    let moi = progress
        .learners()
        .iter()
        .find(|l| l.name == "Lê Thị Mới")
        .unwrap()
        .id;
    let mut members = class.members.clone();
    members.sort();
    let mut expected = vec![an, binh, moi];
    expected.sort();
    assert_eq!(members, expected);
    // The learner at the keyboard is still who it was (the trainer's paste signs nobody in).
    assert_eq!(h.state().records.as_ref().unwrap().current, Some(chi));

    // A paste of the same name, answered "someone else": a new learner of the same name.
    paste(&mut h, "Danh sách họ tên, mỗi dòng một người", "Lê Văn Chi");
    button(&mut h, "Kiểm tra danh sách");
    click(&mut h, Role::RadioButton, "Người khác, tạo học viên mới");
    button(&mut h, "Thêm 1 học viên vào lớp");
    assert_eq!(learner_count(&h), 5);
    assert_eq!(the_class(&h).members.len(), 4);

    // Remove one: they leave the class, their profile stays.
    button(&mut h, "Bỏ Đỗ Thị Bình khỏi lớp");
    assert!(has(&h, "Đã bỏ Đỗ Thị Bình khỏi lớp."));
    assert!(!the_class(&h).members.contains(&binh));
    assert_eq!(learner_count(&h), 5);

    // An empty paste and one of more names than a paste may hold: said, nothing recorded.
    paste(&mut h, "Danh sách họ tên, mỗi dòng một người", "\n  \n\t\n");
    button(&mut h, "Kiểm tra danh sách");
    assert!(has(&h, "Danh sách không có tên nào."));
    let many: String = (0..2_500).map(|i| format!("Học viên số {i}\n")).collect();
    paste(&mut h, "Danh sách họ tên, mỗi dòng một người", &many);
    button(&mut h, "Kiểm tra danh sách");
    assert!(has(&h, "Danh sách có 2.500 tên, nhiều hơn mức 2.000 tên"));
    assert_eq!(learner_count(&h), 5);

    // The list: the class with its dates and count.
    button(&mut h, "Quay lại lớp Lớp chuyển đổi số tháng 3");
    button(&mut h, "Quay lại danh sách lớp");
    assert!(
        h.query_by_role_and_label(Role::Link, "Lớp chuyển đổi số tháng 3")
            .is_some()
    );

    // All of it is in the journal: a restart shows the same class.
    drop(h);
    let h = harness(dir.path());
    let class = the_class(&h);
    assert_eq!(class.members.len(), 3);
}

#[test]
fn the_pc_class_takes_new_learners_and_the_dashboard_follows_their_quizzes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    seed(&mut h, "Nguyễn Văn An", "Xã Yên Khánh");
    h.state_mut().records.as_mut().unwrap().current = None;
    set_pin(&mut h, PIN);
    let class = create_class(&mut h, "Lớp Yên Khánh");

    // This PC is in the class: kept in the settings.
    button(&mut h, "Đặt máy này thuộc lớp này");
    assert_eq!(h.state().settings.pc_class, Some(class));
    let settings = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(settings.contains(&class.to_string()), "{settings}");
    button(&mut h, "Lớp học");
    assert!(has(&h, "Máy này thuộc lớp: Lớp Yên Khánh"));

    // A learner added on this PC joins the class.
    button(&mut h, "Khóa khu vực giảng viên");
    add_learner(&mut h, "Vũ Thị Hoa", "Xã Yên Khánh");
    let hoa = h.state().learner().unwrap();
    assert_eq!(the_class(&h).members, [hoa]);

    // She fails the first module's quiz.
    h.state_mut().open(Screen::Quiz(0));
    h.run();
    let questions = h.state().quiz.as_ref().unwrap().session.len();
    take_quiz(&mut h, questions);

    let module = h.state().catalog.modules[0].meta.title.clone();
    open_dashboard(&mut h);
    assert!(
        has(&h, &format!("1. {module}: 0/1 học viên · 0%")),
        "completion bar"
    );
    assert!(has(&h, "Cần hỗ trợ (0)"));
    button(&mut h, "Tiến độ từng học viên");
    assert!(
        has(&h, &format!("Vũ Thị Hoa, {module}: 0% · Đang học")),
        "the grid cell says the status in words"
    );
    button(&mut h, "Câu hỏi cần dạy lại");
    // The answers are counted from the journal on a worker thread.
    settle(&mut h, |h| !has(h, "Đang tính lại"));
    assert!(has(&h, "1. 0% trả lời đúng (0/1)"));
    assert!(
        h.query_all_by_label_contains("Câu trả lời sai được chọn nhiều nhất (1 người)")
            .next()
            .is_some()
    );

    // Failing it twice: she needs help, and the dashboard says so after the next frame.
    button(&mut h, "Khóa khu vực giảng viên");
    h.state_mut().records.as_mut().unwrap().current = Some(hoa);
    h.state_mut().open(Screen::Quiz(0));
    h.run();
    take_quiz(&mut h, questions);
    open_dashboard(&mut h);
    assert!(has(&h, "Cần hỗ trợ (1)"));
    assert!(h.query_by_role_and_label(Role::Link, "Vũ Thị Hoa").is_some());

    // Clicking her opens her page in the trainer area; back returns to the class.
    h.get_by_role_and_label(Role::Link, "Vũ Thị Hoa").click();
    h.run();
    assert_eq!(h.state().trainer.page, Page::Learner(hoa));
    button(&mut h, "Quay lại lớp Lớp Yên Khánh");
    assert_eq!(h.state().trainer.page, Page::Class(class));

    // The class report, written from the dashboard to a folder (no dialog in a test).
    let out = tempfile::tempdir().unwrap();
    h.state_mut().trainer.classes.report.save_to = Some(out.path().to_path_buf());
    button(&mut h, "Xuất báo cáo lớp (Excel)");
    settle(&mut h, |h| has(h, "Đã lưu báo cáo lớp vào"));
    let files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].extension().is_some_and(|e| e == "xlsx"));
    assert!(std::fs::metadata(&files[0]).unwrap().len() > 1000);

    // Clearing the PC's class: the next learner joins nothing.
    button(&mut h, "Bỏ chọn lớp cho máy này");
    assert_eq!(h.state().settings.pc_class, None);
    button(&mut h, "Khóa khu vực giảng viên");
    h.state_mut().open(Screen::Learners);
    h.run();
    add_learner(&mut h, "Trần Văn Khoa", "");
    assert_eq!(the_class(&h).members, [hoa]);
}

/// Steps frames until `done` holds (a worker thread is busy; it wakes the window when it ends, so
/// frames are stepped one by one rather than run to rest), for at most 30 s.
fn settle(h: &mut H, done: impl Fn(&H) -> bool) {
    for _ in 0..1500 {
        h.step();
        if done(h) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the worker never finished");
}

/// Opens the trainer area with the PIN, then the one class's dashboard.
fn open_dashboard(h: &mut H) {
    open_area(h);
    enter_pin(h, PIN);
    button(h, "Lớp học");
    let name = the_class(h).name;
    click(h, Role::Link, &name);
}

/// Not a check: writes a realistic class (28 learners of a commune, some far along, some stuck, some
/// not started) into `$KYNANGSO_DEMO_DIR`, for the README's screenshot of the dashboard:
/// `KYNANGSO_DEMO_DIR=/tmp/demo cargo test --test suite ui_classes::demo -- --ignored`.
#[test]
#[ignore = "writes demo data for the README's screenshot"]
fn demo_class_for_the_screenshot() {
    use kynangso::learning::{NewLearner, Records};
    use kynangso::quiz::QuizSession;
    use kynangso::records::EventKind;

    let Ok(dir) = std::env::var("KYNANGSO_DEMO_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = crate::common::catalog();
    let (mut records, _) = Records::open(&dir, &catalog, kynangso::learning::now).unwrap();
    let form = kynangso::class::ClassForm::parse(
        "Lớp tập huấn chuyển đổi số – đợt 1",
        "UBND xã Yên Khánh, tỉnh Ninh Bình",
        "12/03/2026",
        "14/03/2026",
        "Phạm Thu Trang",
    )
    .unwrap();
    let class = records.create_class(&form).unwrap();
    // The trainer's PIN (246813), the text at 100 %, and this PC in the class.
    let mut settings = kynangso::settings::Settings::default();
    settings.trainer_pin = kynangso::settings::TrainerPin::Set(
        kynangso::trainer::pin::hash(PIN, kynangso::trainer::pin::Cost::TESTS_ONLY).unwrap(),
    );
    settings.text_size = 100;
    settings.pc_class = Some(class);
    settings.save(&dir).unwrap();
    let names = [
        "Nguyễn Thị Thu Hà",
        "Trần Văn Đức",
        "Lê Hoàng Yến",
        "Phạm Minh Tuấn",
        "Hoàng Thị Lan",
        "Vũ Đình Khoa",
        "Đặng Thị Mai",
        "Bùi Quang Huy",
        "Đỗ Thị Ngọc Ánh",
        "Ngô Văn Thắng",
        "Dương Thị Hồng",
        "Lý Văn Nam",
        "Đinh Thị Thu Trang",
        "Mai Văn Long",
        "Tạ Thị Hạnh",
        "Phan Văn Bình",
        "Trịnh Thị Dung",
        "Cao Văn Sơn",
        "Lưu Thị Phương",
        "Hồ Văn Tài",
        "Nguyễn Văn Hùng",
        "Trần Thị Kim Oanh",
        "Lê Văn Tâm",
        "Phạm Thị Hoa",
        "Đoàn Văn Lực",
        "Chu Thị Nga",
        "Kiều Văn Phúc",
        "Tôn Nữ Thanh Hương",
    ];
    let mut seed: u64 = 7;
    let mut roll = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % 100
    };
    for (i, name) in names.iter().enumerate() {
        let learner = records
            .add_learner(NewLearner::parse(name, "UBND xã Yên Khánh", "Công chức").unwrap())
            .unwrap();
        records.join_class(class, &[learner]).unwrap();
        // How far each learner got: the last three have not started.
        let modules = match i {
            0..=5 => 5,
            6..=12 => 3,
            13..=19 => 2,
            20..=24 => 1,
            _ => 0,
        };
        let skill = 55 + (i as u64 * 7) % 40;
        for module in catalog.modules.iter().take(modules) {
            for lesson in &module.lessons {
                let kind = EventKind::LessonViewed {
                    module: module.meta.id.clone(),
                    lesson: lesson.meta.id.clone(),
                };
                records.record(learner, kind).unwrap();
            }
            for sim in &module.simulations {
                let kind = EventKind::SimulationCompleted {
                    module: module.meta.id.clone(),
                    simulation: sim.id.clone(),
                    mistakes: 1,
                    duration_s: 300,
                };
                records.record(learner, kind).unwrap();
            }
            // Up to three tries; the weakest fail twice and stop.
            for attempt in 0..3 {
                let mut session = QuizSession::new(
                    &module.questions,
                    module.meta.quiz_draw,
                    module.meta.pass_mark,
                    roll(),
                );
                while let Some(presented) = session.current().cloned() {
                    let right = kynangso::quiz::right_answer(&presented);
                    // Some questions are hard for everyone.
                    let hard = if presented.question.id.len() % 3 == 0 {
                        35
                    } else {
                        0
                    };
                    let answer = if roll() + hard < skill + attempt * 8 {
                        right
                    } else {
                        crate::snapshots::wrong(&presented.view, right)
                    };
                    session.answer(answer).unwrap();
                    session.next();
                }
                let result = session.result();
                let passed = result.passed;
                records
                    .record(learner, result.event_kind(&module.meta.id, 420))
                    .unwrap();
                if passed || (skill < 65 && attempt == 1) {
                    break;
                }
            }
        }
    }
}
