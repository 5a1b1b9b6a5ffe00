//! The lesson reader: the lesson's Markdown in a comfortable column, with previous/next buttons and the
//! ← / → keys (see `ui::shortcuts`).

use egui::RichText;

use crate::app::App;
use crate::command::{Command, Screen};
use crate::ui::{big_button, markdown, theme};

/// Widest reading column, in points: longer lines are hard to follow.
const READING_WIDTH: f32 = 820.0;

/// Draws lesson `lesson` of module `module`.
pub fn show(app: &mut App, ui: &mut egui::Ui, module: usize, lesson: usize) {
    let catalog = app.catalog.clone();
    let Some(m) = catalog.modules.get(module) else {
        app.push(Command::Go(Screen::Home));
        return;
    };
    let Some(l) = m.lessons.get(lesson) else {
        app.push(Command::Go(Screen::Module(module)));
        return;
    };
    let pal = theme::palette(app.settings.theme);

    crate::ui::glossary::panel_ui(ui, &app.t, &catalog, module, pal);
    egui::Panel::bottom("lesson_nav").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if big_button(ui, app.t.lesson_prev()).clicked() {
                app.push(Command::PrevLesson);
            }
            let next = if lesson + 1 < m.lessons.len() {
                app.t.lesson_next()
            } else {
                app.t.lesson_back_to_module()
            };
            if big_button(ui, next).clicked() {
                app.push(Command::NextLesson);
            }
            crate::ui::glossary::toggle_ui(ui, &app.t);
            // The hint would wrap onto its own lines at large text sizes, where reading space matters more.
            if ui.available_width() > 420.0 {
                ui.label(RichText::new(app.t.lesson_keys_hint()).color(pal.muted));
            }
        });
        ui.add_space(4.0);
    });

    egui::ScrollArea::vertical()
        .id_salt(("lesson", module, lesson))
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width().min(READING_WIDTH);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.horizontal_wrapped(|ui| {
                        if ui.link(&m.meta.title).clicked() {
                            app.push(Command::Go(Screen::Module(module)));
                        }
                        ui.label(RichText::new("·").color(pal.muted));
                        ui.label(
                            RichText::new(app.t.lesson_position(lesson + 1, m.lessons.len()))
                                .color(pal.muted),
                        );
                    });
                    ui.heading(&l.meta.title);
                    ui.add_space(6.0);
                    let mut ctx = markdown::Context {
                        module_dir: &m.dir,
                        images: &catalog.images,
                        diagrams: &mut app.diagrams,
                        t: &app.t,
                        palette: pal,
                    };
                    markdown::blocks_ui(ui, &mut ctx, &l.blocks);
                    // Reaching the end of the text is what counts as having read the lesson.
                    let (end, _) = ui.allocate_exact_size(egui::vec2(1.0, 24.0), egui::Sense::hover());
                    if ui.is_rect_visible(end) {
                        app.push(Command::LessonReachedEnd { module, lesson });
                    }
                });
            });
        });
}
