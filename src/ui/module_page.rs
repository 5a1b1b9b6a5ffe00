//! A module's page: summary, who it is for, the lessons in order, and the quiz.

use egui::RichText;

use crate::app::App;
use crate::command::{Command, Screen};
use crate::ui::theme;

/// Draws the page of module `index`.
pub fn show(app: &mut App, ui: &mut egui::Ui, index: usize) {
    let catalog = app.catalog.clone();
    let Some(module) = catalog.modules.get(index) else {
        app.push(Command::Go(Screen::Home));
        return;
    };
    let pal = theme::palette(app.settings.theme);
    let mine = app
        .records
        .as_ref()
        .and_then(|r| r.current.map(|id| (r, r.progress().resolve(id))))
        .and_then(|(r, id)| r.progress().module(id, module.id()).cloned());
    let viewed = mine
        .as_ref()
        .map(|p| p.lessons_viewed.clone())
        .unwrap_or_default();
    let best = mine.as_ref().and_then(|p| p.best_percent);
    let sims_done = mine
        .as_ref()
        .map(|p| p.simulations_done.clone())
        .unwrap_or_default();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        if ui.button(format!("« {}", app.t.nav_home())).clicked() {
            app.push(Command::Go(Screen::Home));
        }
        ui.heading(&module.meta.title);
        ui.label(&module.meta.summary);
        if let Some(audience) = &module.meta.audience {
            ui.label(RichText::new(app.t.module_audience(audience.clone())).color(pal.muted));
        }
        ui.add_space(8.0);
        ui.label(RichText::new(app.t.module_lessons()).text_style(theme::h2()));
        for (i, lesson) in module.lessons.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let label = format!("{}. {}", i + 1, lesson.meta.title);
                let button =
                    egui::Button::new(RichText::new(label).size(19.0)).min_size(egui::vec2(0.0, 40.0));
                if ui.add(button).clicked() {
                    app.push(Command::Go(Screen::Lesson {
                        module: index,
                        lesson: i,
                    }));
                }
                ui.label(RichText::new(app.t.module_lesson_minutes(lesson.meta.minutes)).color(pal.muted));
                if viewed.contains(&lesson.meta.id) {
                    ui.label(RichText::new(app.t.module_lesson_read()).color(pal.good).strong());
                }
            });
        }
        ui.add_space(12.0);
        ui.label(RichText::new(app.t.module_quiz()).text_style(theme::h2()));
        ui.label(
            app.t
                .module_quiz_info(module.meta.quiz_draw, module.meta.pass_mark),
        );
        if let Some(best) = best {
            ui.label(app.t.module_best_score(best));
        }
        if crate::ui::big_button(ui, app.t.module_start_quiz()).clicked() {
            app.push(Command::StartQuiz(index));
        }
        if !module.simulations.is_empty() {
            ui.add_space(12.0);
            ui.label(RichText::new(app.t.module_simulations()).text_style(theme::h2()));
            ui.label(app.t.module_simulations_intro());
            for (s, scenario) in module.simulations.iter().enumerate() {
                let required = module
                    .meta
                    .simulations
                    .iter()
                    .any(|r| r.id == scenario.id && r.required);
                ui.horizontal_wrapped(|ui| {
                    if crate::ui::big_button(ui, app.t.module_simulation_start(scenario.title.clone()))
                        .clicked()
                    {
                        app.push(Command::StartSimulation {
                            module: index,
                            sim: s,
                        });
                    }
                    if required {
                        ui.label(RichText::new(app.t.module_simulation_required()).color(pal.muted));
                    }
                    if sims_done.contains(&scenario.id) {
                        ui.label(
                            RichText::new(app.t.module_simulation_done())
                                .color(pal.good)
                                .strong(),
                        );
                    }
                });
            }
        }
    });
}
