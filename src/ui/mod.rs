//! Drawing: one file per screen, plus the shared look (`theme`), the lesson renderer (`markdown`) and the
//! diagram cache (`diagram`). Screens read the [`App`] and push [`Command`]s; they never change state
//! directly.

pub mod diagram;
pub mod glossary;
pub mod home;
pub mod learner_page;
pub mod learners;
pub mod lesson;
pub mod markdown;
pub mod module_page;
pub mod opening;
pub mod quiz;
pub mod settings;
pub mod simulation;
pub mod theme;
pub mod top_bar;
pub mod trainer;

use egui::{Key, Modifiers};

use crate::app::App;
use crate::command::{Command, Screen};

/// Keyboard shortcuts that work on every screen: Ctrl + / Ctrl − change the text size (egui's own zoom
/// keys are off so the setting stays the one source of truth), ← / → move between lessons.
pub fn shortcuts(app: &mut App, ctx: &egui::Context) {
    if ctx.text_edit_focused() {
        return;
    }
    let (bigger, smaller, left, right) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::COMMAND, Key::Plus) || i.consume_key(Modifiers::COMMAND, Key::Equals),
            i.consume_key(Modifiers::COMMAND, Key::Minus),
            i.key_pressed(Key::ArrowLeft),
            i.key_pressed(Key::ArrowRight),
        )
    });
    let size = app.settings.text_size();
    if bigger {
        app.push(Command::SetTextSize(size + 10));
    }
    if smaller {
        app.push(Command::SetTextSize(size.saturating_sub(10)));
    }
    if matches!(app.screen, Screen::Lesson { .. }) {
        if left {
            app.push(Command::PrevLesson);
        }
        if right {
            app.push(Command::NextLesson);
        }
    }
}

/// The message bar under the top bar.
pub fn notice_bar(app: &mut App, ui: &mut egui::Ui) {
    let Some(notice) = app.notice.clone() else {
        return;
    };
    let pal = theme::palette(app.settings.theme);
    egui::Panel::top("notice").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let color = if notice.is_error { pal.bad } else { pal.good };
            ui.label(egui::RichText::new(&notice.text).color(color).strong());
            if ui.button(app.t.dismiss()).clicked() {
                app.push(Command::DismissNotice);
            }
        });
    });
}

/// A large primary button.
pub fn big_button(ui: &mut egui::Ui, text: impl Into<String>) -> egui::Response {
    ui.add(egui::Button::new(egui::RichText::new(text.into()).strong()).min_size(egui::vec2(0.0, 40.0)))
}
