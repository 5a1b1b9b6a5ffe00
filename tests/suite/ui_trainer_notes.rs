//! The trainer notes page through the real UI (no GPU): behind the PIN, a tab shows each module's
//! `trainer.md`, the trainer switches modules, and a module without notes says so.

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::trainer::pin::Cost;

use crate::common::{click, harness_on, type_into_role};

type H = Harness<'static, App>;

fn has(h: &H, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Sets a PIN on first use, which opens the area, and waits for it to be hashed.
fn open_area(h: &mut H) {
    click(h, Role::Button, "Giảng viên");
    assert_eq!(h.state().screen, Screen::Trainer);
    for label in ["Mã PIN mới", "Nhập lại mã PIN mới"] {
        type_into_role(h, Role::PasswordInput, label, "246813");
    }
    click(h, Role::Button, "Lưu mã PIN");
    for _ in 0..3000 {
        h.step();
        if h.state().trainer.unlocked {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    assert!(h.state().trainer.unlocked);
}

#[test]
fn trainer_notes_show_per_module_and_say_when_a_module_has_none() {
    let mut catalog = kynangso::content::embedded().unwrap();
    assert!(
        catalog.modules.iter().all(|m| m.trainer_notes.is_some()),
        "every shipped module has trainer notes"
    );
    // Take module 5's notes away to see the page without them.
    catalog.modules[4].trainer_notes = None;
    let title = |i: usize| catalog.modules[i].meta.title.clone();
    let (first, fourth, fifth) = (title(0), title(3), title(4));
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::with_clock(
        Arc::new(catalog),
        dir.path().to_path_buf(),
        kynangso::learning::now,
    );
    app.trainer.pin_cost = Cost::TESTS_ONLY;
    let mut h = harness_on(app, [1400.0, 2400.0]);
    open_area(&mut h);
    assert!(!has(&h, "Kế hoạch buổi học 90 phút"));

    click(&mut h, Role::Button, "Ghi chú cho giảng viên");
    assert!(has(&h, "Học viên không thấy trang này"));
    // Module 1 first: its plan, mistakes, questions and the simulation to show.
    assert!(h.query_by_label(&first).is_some());
    for heading in [
        "Kế hoạch buổi học 90 phút",
        "Ba lỗi học viên hay mắc nhất",
        "Câu hỏi thảo luận",
        "Làm mẫu trong bài thực hành mô phỏng",
    ] {
        assert!(has(&h, heading), "{heading}");
    }
    assert!(has(&h, "15/02"), "module 1's own notes");

    click(&mut h, Role::Button, &format!("4. {fourth}"));
    assert_eq!(h.state().trainer.notes_module, 3);
    assert!(has(&h, "Kế hoạch buổi học 90 phút"));
    assert!(has(&h, "CH Play"), "module 4's own notes");
    assert!(!has(&h, "15/02"));

    click(&mut h, Role::Button, &format!("5. {fifth}"));
    assert!(has(&h, "Học phần này chưa có ghi chú cho giảng viên."));
    assert!(!has(&h, "Kế hoạch buổi học 90 phút"));
}
