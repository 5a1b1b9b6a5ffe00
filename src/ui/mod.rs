//! Drawing. One file per screen, each with its own state type beside it, plus the shared look (`theme`:
//! the token set of each theme; `widgets`: the few widgets screens are built from), the lesson renderer
//! (`markdown`) and the diagram cache (`diagram`).
//!
//! **The screen contract.** A screen is a function
//! `show(ui, &ScreenCtx, &mut ItsState, &mut Commands)`: it reads the app through [`ScreenCtx`]
//! (translations, lessons, settings, records: all shared, read-only), may change only its own state
//! (what is typed, what is chosen), and asks for everything else by pushing a [`Command`]. The app
//! applies the commands after the frame (`App::ui`), so no screen changes the records, the settings or
//! another screen while drawing, and no screen depends on another screen's state.

pub mod charts;
pub mod diagram;
pub mod glossary;
pub mod home;
pub mod learner_page;
pub mod learners;
pub mod lesson;
pub mod markdown;
pub mod module_page;
pub mod notice_bar;
pub mod opening;
pub mod present;
pub mod present_quiz;
pub mod quiz;
pub mod review;
pub mod settings;
pub mod simulation;
pub mod theme;
pub mod top_bar;
pub mod trainer;
pub mod widgets;

use std::path::Path;

use egui::{Key, Modifiers};

use crate::command::{Command, Screen};
use crate::content::{Catalog, Module};
use crate::i18n::I18n;
use crate::learning::Records;
use crate::records::progress::{Learner, ModuleProgress};
use crate::settings::Settings;

pub use widgets::{NoticeKind, UiExt};

/// What every screen may read: shared, never changed while drawing.
#[derive(Clone, Copy)]
pub struct ScreenCtx<'a> {
    pub t: &'a I18n,
    /// Shared, so background work (a class report) can keep it.
    pub catalog: &'a std::sync::Arc<Catalog>,
    pub settings: &'a Settings,
    /// `None` when the journal could not be opened; `records_error` says why.
    pub records: Option<&'a Records>,
    pub records_error: Option<&'a str>,
    /// The screen being drawn.
    pub screen: Screen,
    pub data_dir: &'a Path,
}

impl<'a> ScreenCtx<'a> {
    /// The current learner's profile (after merges), if one is chosen.
    #[must_use]
    pub fn learner(&self) -> Option<&'a Learner> {
        let records = self.records?;
        let progress = records.progress();
        progress.learner(progress.resolve(records.current?))
    }

    /// Where the current learner continues.
    #[must_use]
    pub fn resume_point(&self) -> Option<crate::records::Resume> {
        let records = self.records?;
        let progress = records.progress();
        Some(crate::records::resume(
            progress,
            progress.resolve(records.current?),
        ))
    }

    /// The current learner's progress in `module`, if any.
    #[must_use]
    pub fn progress_in(&self, module: &Module) -> Option<&'a ModuleProgress> {
        let records = self.records?;
        let progress = records.progress();
        progress.module(progress.resolve(records.current?), module.id())
    }
}

/// The commands a frame asks for, applied in order after it is drawn.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Asks for `command` after this frame.
    pub fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    /// Asks to go to `screen`.
    pub fn go(&mut self, screen: Screen) {
        self.push(Command::Go(screen));
    }

    /// Takes the commands, oldest first.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}

/// Keyboard shortcuts that work on every screen: Ctrl + / Ctrl − change the text size (egui's own zoom
/// keys are off so the setting stays the one source of truth), ← / → move between lessons, F5 presents
/// the lesson or module on screen.
pub fn shortcuts(ui: &egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    let (bigger, smaller, left, right, f5) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(Modifiers::COMMAND, Key::Plus) || i.consume_key(Modifiers::COMMAND, Key::Equals),
            i.consume_key(Modifiers::COMMAND, Key::Minus),
            i.key_pressed(Key::ArrowLeft),
            i.key_pressed(Key::ArrowRight),
            i.consume_key(Modifiers::NONE, Key::F5),
        )
    });
    if f5 && let Some(projection) = present::f5_projection(ctx.screen) {
        out.go(Screen::Present(projection));
        return;
    }
    let size = ctx.settings.text_size();
    if bigger {
        out.push(Command::SetTextSize(size + 10));
    }
    if smaller {
        out.push(Command::SetTextSize(size.saturating_sub(10)));
    }
    if matches!(ctx.screen, Screen::Lesson { .. }) {
        if left {
            out.push(Command::PrevLesson);
        }
        if right {
            out.push(Command::NextLesson);
        }
    }
}

/// A ring around the widget that has the keyboard focus, drawn over everything, so a keyboard user sees
/// where Tab went on every screen and in every theme (egui's own cue is a thin border).
pub fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let t = theme::Tokens::current(ctx);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    painter
        .with_clip_rect(response.interact_rect.expand(8.0))
        .rect_stroke(
            response.rect.expand(3.0),
            t.sizes.radius_small,
            egui::Stroke::new(t.sizes.focus_width, t.colors.focus),
            egui::StrokeKind::Outside,
        );
}
