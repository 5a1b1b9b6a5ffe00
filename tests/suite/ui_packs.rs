//! The trainer's "Cập nhật bài học" page through the real UI: a pack from an unknown publisher refused
//! naming the fingerprint, the key pasted and trusted, the pack checked again showing publisher,
//! fingerprint and what changes, "Cài đặt gói" swapping the lessons in live (the new module on the home
//! screen), an update whose new lesson shows "Mới" for a learner who had completed the module, and "Gỡ"
//! (asked again) falling back. And the learner's place kept when the catalog changes under them.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::learning::NewLearner;
use kynangso::pack::{self, SecretKey, Trust};
use kynangso::records::{AnswerRecord, EventKind};

use crate::common::{catalog, click, harness_on, type_into};
use crate::pack_fixture::{MODULE, files_of, pack_of, write_module};

type H = Harness<'static, App>;

fn has(h: &H, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// Runs frames until `done` holds (the pack is checked on a worker thread), for at most 30 s.
fn wait_for(h: &mut H, done: impl Fn(&H) -> bool) {
    for _ in 0..600 {
        h.run_steps(4);
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out");
}

/// The app on `data`, in the trainer area (unlocked) on "Cập nhật bài học".
fn on_packs_page(data: &Path) -> H {
    let mut h = harness_on(App::new(catalog(), data.to_path_buf()), [1200.0, 2400.0]);
    h.state_mut().trainer.unlocked = true;
    h.state_mut().open(Screen::Trainer);
    h.run();
    click(&mut h, Role::Button, "Cập nhật bài học");
    h
}

/// Clicks a button whose click changes much of the page (the form greys out, a card appears): frames
/// run until it settles.
fn press(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    h.run_steps(8);
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(8);
}

fn check_pack(h: &mut H, file: &Path) {
    type_into(h, "Hoặc gõ đường dẫn tệp:", file.to_str().unwrap());
    press(h, "Kiểm tra gói");
    wait_for(h, |h| {
        has(h, "Không cài gói này") || has(h, "Những gì sẽ thay đổi")
    });
}

#[test]
fn trainer_trusts_a_key_checks_installs_updates_and_removes_a_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let key = SecretKey::generate();
    let fingerprint = key.public().fingerprint();
    let v1 = tmp.path().join("tinh-v1.kns");
    std::fs::write(&v1, pack_of(&key, 1, false, false)).unwrap();
    let mut h = on_packs_page(&data);
    assert!(has(&h, "Chưa cài gói nào"));
    assert!(has(&h, "Dự án Kỹ Năng Số (có sẵn)"));

    // Unknown publisher: refused, naming the fingerprint; nothing installed.
    check_pack(&mut h, &v1);
    assert!(has(&h, "chưa được tin cậy") && has(&h, &fingerprint));
    assert!(!data.join("packs/installed.json").exists());

    // The key pasted: its fingerprint shown, then trusted.
    type_into(
        &mut h,
        "Dán khoá công khai (dòng bắt đầu bằng kynangso-public-key):",
        key.public().to_line().trim(),
    );
    click(&mut h, Role::Button, "Xem dấu vân tay");
    assert!(has(&h, &format!("Dấu vân tay của khoá này: {fingerprint}")));
    click(&mut h, Role::Button, "Thêm khoá");
    assert!(has(&h, &format!("Đã thêm khoá {fingerprint}")));
    assert!(has(&h, &format!("Khoá {fingerprint}, thêm ngày")));
    assert!(Trust::load(&data).trusts(&key.public()));

    // Checked again: publisher, fingerprint, what changes; "Huỷ" installs nothing.
    check_pack(&mut h, &v1);
    assert!(has(&h, "Nhà phát hành: Sở thử nghiệm"));
    assert!(has(&h, &format!("Dấu vân tay khoá: {fingerprint}")));
    assert!(has(&h, "Thêm học phần “Học phần của tỉnh thử” (phiên bản 1)"));
    press(&mut h, "Huỷ");
    assert!(!has(&h, "Những gì sẽ thay đổi"));
    assert!(h.state().catalog.module(MODULE).is_none());

    check_pack(&mut h, &v1);
    press(&mut h, "Cài đặt gói");
    assert!(has(&h, "Đã cài gói “Gói thử”"));
    assert!(has(&h, "“Gói thử” của Sở thử nghiệm, cài ngày"));
    assert!(
        h.state().catalog.module(MODULE).is_some(),
        "the lessons switched live"
    );

    // A learner completes the new module; then version 2 adds a lesson.
    let records = h.state_mut().records.as_mut().unwrap();
    let learner = records
        .add_learner(NewLearner::parse("Lê Văn Cường", "Phường Hoa Lư", "").unwrap())
        .unwrap();
    records.current = Some(learner);
    for lesson in ["bai-1", "bai-2"] {
        let kind = EventKind::LessonViewed {
            module: MODULE.into(),
            lesson: lesson.into(),
        };
        records.record(learner, kind).unwrap();
    }
    let answers = ["q1", "q2", "q3"]
        .map(|q| AnswerRecord {
            question: q.into(),
            correct: true,
            chosen: None,
        })
        .to_vec();
    let kind = EventKind::QuizAttempted {
        module: MODULE.into(),
        score: 3,
        max: 3,
        passed: true,
        duration_s: 30,
        answers,
    };
    assert_eq!(records.record(learner, kind).unwrap(), vec![MODULE.to_owned()]);

    let v2 = tmp.path().join("tinh-v2.kns");
    std::fs::write(&v2, pack_of(&key, 2, true, true)).unwrap();
    check_pack(&mut h, &v2);
    assert!(has(
        &h,
        "Cập nhật “Học phần của tỉnh thử” từ phiên bản 1 lên 2: 1 bài mới, 2 câu hỏi sửa"
    ));
    press(&mut h, "Cài đặt gói");
    let index = h
        .state()
        .catalog
        .modules
        .iter()
        .position(|m| m.meta.id == MODULE)
        .unwrap();
    h.state_mut().open(Screen::Module(index));
    h.run();
    assert!(has(&h, "Bài ba"));
    assert!(has(&h, "Mới"), "the lesson new since the completion");
    let records = h.state().records.as_ref().unwrap();
    assert!(
        records.progress().module(learner, MODULE).unwrap().completed(),
        "still completed"
    );

    // "Gỡ", asked again, falls back: the module is gone, the records stay.
    h.state_mut().trainer.unlocked = true;
    h.state_mut().open(Screen::Trainer);
    h.run();
    click(&mut h, Role::Button, "Cập nhật bài học");
    click(&mut h, Role::Button, "Gỡ");
    assert!(has(&h, "Gỡ gói “Gói thử”?"));
    click(&mut h, Role::Button, "Gỡ gói");
    assert!(has(&h, "Đã gỡ gói “Gói thử”"));
    assert!(has(&h, "Chưa cài gói nào"));
    assert!(h.state().catalog.module(MODULE).is_none());
    assert!(
        h.state()
            .records
            .as_ref()
            .unwrap()
            .progress()
            .learner(learner)
            .is_some()
    );
}

#[test]
fn the_learner_keeps_their_place_when_the_lessons_change() {
    let data = tempfile::tempdir().unwrap();
    let key = SecretKey::generate();
    let mut app = App::new(catalog(), data.path().to_path_buf());
    let safety = app
        .catalog
        .modules
        .iter()
        .position(|m| m.meta.id == "an-toan-so")
        .unwrap();
    app.open(Screen::Lesson {
        module: safety,
        lesson: 2,
    });
    // A pack whose module comes first: every index after it moves.
    let src = tempfile::tempdir().unwrap();
    write_module(src.path(), 1, false, false);
    let meta = src.path().join("80-tinh-thu/module.json");
    let text = std::fs::read_to_string(&meta)
        .unwrap()
        .replace("\"order\": 80", "\"order\": 0");
    std::fs::write(&meta, text).unwrap();
    let bytes = pack::build::build(src.path(), &key, &crate::pack_fixture::info("dau")).unwrap();
    let p = pack::verify::verify(files_of(&bytes), &Trust::only(key.public())).unwrap();
    let merged = pack::catalog::merge(kynangso::content::embedded().unwrap(), &[&p]);
    app.set_catalog(merged);
    assert_eq!(app.catalog.modules[0].meta.id, MODULE);
    assert_eq!(
        app.screen,
        Screen::Lesson {
            module: safety + 1,
            lesson: 2
        },
        "same lesson, new index"
    );
    // The module of the screen gone: home.
    app.open(Screen::Module(0));
    app.set_catalog(kynangso::content::embedded().unwrap());
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn a_damaged_pack_is_listed_as_such_and_can_be_removed() {
    let data = tempfile::tempdir().unwrap();
    let key = SecretKey::generate();
    Trust::add(data.path(), key.public(), "2026-12-02").unwrap();
    let p = pack::verify::verify(
        files_of(&pack_of(&key, 1, false, false)),
        &Trust::load(data.path()),
    )
    .unwrap();
    pack::install::install(data.path(), &p, "2026-12-02").unwrap();
    let entry = &pack::install::entries(data.path())[0];
    let lesson = data
        .path()
        .join("packs")
        .join(&entry.folder)
        .join("lessons/80-tinh-thu/bai-2.md");
    std::fs::write(lesson, "Sửa trộm.\n\n## Căn cứ pháp lý và nguồn\n").unwrap();
    let mut h = on_packs_page(data.path());
    assert!(has(&h, "Gói tinh-thu bị hỏng nên không được dùng"));
    assert!(has(&h, "đã bị thay đổi sau khi ký"));
    click(&mut h, Role::Button, "Gỡ");
    press(&mut h, "Gỡ gói");
    assert!(has(&h, "Chưa cài gói nào"));
    assert!(pack::install::entries(data.path()).is_empty());
}
