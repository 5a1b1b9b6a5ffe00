//! Helpers shared by the kittest UI tests: a harness on the whole app, and acting on widgets the way a
//! learner does (scroll to it, focus, type, click), found by role and label in the accessibility tree.

use std::path::Path;
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;

/// The whole app on `data_dir`, with the embedded fonts, after its first frames.
pub fn app_harness(data_dir: &Path, size: [f32; 2]) -> Harness<'static, App> {
    harness_on(App::new(catalog(), data_dir.to_path_buf()), size)
}

/// The embedded lessons, as the app loads them.
pub fn catalog() -> Arc<kynangso::content::Catalog> {
    Arc::new(kynangso::content::embedded().unwrap())
}

/// A harness on an app built by the test (another clock, say), with the embedded fonts.
pub fn harness_on(app: App, size: [f32; 2]) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(size)
        // Pages with many widgets (the trainer area's tab row wrapping, tables sizing their columns) settle
        // in up to six frames; egui's default is four.
        .with_max_steps(8)
        .with_context_setup(kynangso::ui::theme::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

/// Scrolls a widget into view and clicks it.
pub fn click<S>(h: &mut Harness<'_, S>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// Types into a text box, replacing what is there, as a learner selects the old text and types over it.
pub fn type_into<S>(h: &mut Harness<'_, S>, label: &str, text: &str) {
    type_into_role(h, Role::TextInput, label, text);
}

/// Types into a field of `role` (a text box or a PIN box), replacing what is there, also with nothing:
/// select all, delete, type.
pub fn type_into_role<S>(h: &mut Harness<'_, S>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Presses a button, or a link where the label is a link.
pub fn press<S>(h: &mut Harness<'_, S>, label: &str) {
    let role = if h.query_by_role_and_label(Role::Link, label).is_some() {
        Role::Link
    } else {
        Role::Button
    };
    click(h, role, label);
}

/// Opens the form to add a learner: "Bắt đầu" on the welcome of a PC with no learner yet, else
/// "Thêm học viên".
pub fn start_adding_learner<S>(h: &mut Harness<'_, S>) {
    let label = if h.query_by_role_and_label(Role::Button, "Bắt đầu").is_some() {
        "Bắt đầu"
    } else {
        "Thêm học viên"
    };
    click(h, Role::Button, label);
}
