//! Whole-app flows through the accessibility tree (no GPU): open a module, open a lesson, move with the
//! buttons and the arrow keys, switch language and back, change the text size — and what is saved.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::settings::{Settings, Theme};

use crate::common;

fn harness(data_dir: &Path) -> Harness<'static, App> {
    let mut h = common::app_harness(data_dir, [1200.0, 900.0]);
    // The app opens on "who is learning?"; these flows read as a learner.
    if h.state().screen == Screen::Learners {
        h.state_mut().open(Screen::Home);
        h.run();
    }
    h
}

#[test]
fn open_module_then_lesson_then_next_and_back_with_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Chọn học phần");
    h.get_by_label("Hệ thống thông tin báo cáo của tỉnh").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Module(0));
    h.get_by_label("Các bài học");
    h.get_by_label("1. Hệ thống báo cáo là gì").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 0 });
    h.get_by_label("Bài 1/5");
    h.get_by_label("Căn cứ pháp lý và nguồn");

    h.get_by_label("Bài tiếp theo »").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 1 });
    h.get_by_label("Thời gian chốt số liệu");

    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 2 });
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().screen, Screen::Lesson { module: 0, lesson: 1 });

    h.get_by_label("« Bài trước").click();
    h.run();
    h.get_by_label("« Bài trước").click();
    h.run();
    assert_eq!(
        h.state().screen,
        Screen::Module(0),
        "before the first lesson is the module page"
    );
}

#[test]
fn last_lesson_leads_back_to_the_module() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.state_mut().open(Screen::Lesson { module: 3, lesson: 4 });
    h.run();
    h.get_by_label("Về trang học phần").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Module(3));
}

#[test]
fn switch_to_english_and_back_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Choose a module");
    assert!(h.query_by_label("Chọn học phần").is_none());
    assert_eq!(Settings::load(dir.path()).language, kynangso::i18n::Lang::En);

    // A restart on the same data folder opens in English.
    drop(h);
    let mut h = harness(dir.path());
    h.get_by_label("Choose a module");
    h.get_by_label("Tiếng Việt").click();
    h.run();
    h.get_by_label("Chọn học phần");
    assert_eq!(Settings::load(dir.path()).language, kynangso::i18n::Lang::Vi);
}

#[test]
fn text_size_and_theme_change_the_whole_ui_and_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let before = h.state().settings.text_size();
    let zoom_before = h.ctx.zoom_factor();
    h.get_by_label("Cài đặt").click();
    h.run();
    h.get_by_label("A+").click();
    h.run();
    h.get_by_label("A+").click();
    h.run();
    assert_eq!(h.state().settings.text_size(), before + 20);
    assert!(
        (h.ctx.zoom_factor() - zoom_before - 0.2).abs() < 1e-3,
        "zoom {}",
        h.ctx.zoom_factor()
    );
    h.get_by_label("Tương phản cao").click();
    h.run();
    assert!(h.ctx.global_style().visuals.dark_mode);
    let saved = Settings::load(dir.path());
    assert_eq!(saved.text_size, before + 20);
    assert_eq!(saved.theme, Theme::HighContrast);

    // The largest size is 200%: pressing A+ more does not go past it.
    for _ in 0..12 {
        h.get_by_label("A+").click();
        h.run();
    }
    assert_eq!(Settings::load(dir.path()).text_size, 200);
    h.get_by_label("200%");
}

#[test]
fn every_screen_draws_at_200_percent_in_every_theme() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.state_mut().settings.text_size = 200;
    let catalog = h.state().catalog.clone();
    for theme in Theme::ALL {
        h.state_mut().settings.theme = theme;
        for screen in kynangso::window::smoke_screens(&catalog) {
            h.state_mut().open(screen);
            h.run();
        }
    }
    assert!((h.ctx.zoom_factor() - 2.0).abs() < 1e-3);
}

#[test]
fn glossary_opens_from_a_lesson_and_search_ignores_diacritics() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // A lesson of another module: the glossary covers every module.
    h.state_mut().open(Screen::Lesson { module: 4, lesson: 0 });
    h.run();
    h.get_by_label("Thuật ngữ").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Tìm thuật ngữ").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Tìm thuật ngữ")
        .type_text("thoi gian chot");
    h.run();
    h.get_by_label("Thời gian chốt số liệu");
    assert!(h.query_by_label("Báo cáo đột xuất").is_none());
}

/// The window opens the journal on a worker thread: the first frames say the records are being
/// opened, and the learners appear once they are there.
#[test]
fn the_window_opens_the_journal_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    {
        let catalog = common::catalog();
        let (mut records, _) =
            kynangso::learning::Records::open(dir.path(), &catalog, kynangso::learning::now).unwrap();
        records
            .add_learner(kynangso::learning::NewLearner::parse("Đỗ Thị Lan", "Xã B", "").unwrap())
            .unwrap();
    }
    let app = App::opening(common::catalog(), dir.path().to_path_buf());
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_context_setup(kynangso::ui::theme::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    for _ in 0..600 {
        h.step();
        if !h.state().is_opening() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().is_opening(), "the journal never opened");
    h.run();
    assert!(h.query_by_label_contains("Đỗ Thị Lan").is_some());
    assert!(h.query_by_label_contains("Đang mở dữ liệu học tập").is_none());
}
