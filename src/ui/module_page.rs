//! A module's page: summary, who it is for, the presentation buttons, the lessons in order, the quiz (with
//! the review of wrong answers and the recall practice) and the practice simulations.
//! No state of its own.

use egui::RichText;

use crate::command::{Projection, Screen};
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt};

/// Draws the page of module `index`.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, index: usize, out: &mut Commands) {
    let t = ctx.t;
    let Some(module) = ctx.catalog.modules.get(index) else {
        out.go(Screen::Home);
        return;
    };
    let mine = ctx.progress_in(module);
    let sizes = ui.tokens().sizes;
    ui.page(("module", index), sizes.page_width, |ui| {
        if ui.button(format!("« {}", t.nav_home())).clicked() {
            out.go(Screen::Home);
        }
        ui.horizontal(|ui| {
            crate::ui::diagram::icon(ui, ctx.catalog, module);
            // A long title wraps beside the icon instead of running past the window at 200%.
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(RichText::new(&module.meta.title).text_style(egui::TextStyle::Heading))
                        .wrap(),
                )
            });
        });
        ui.label(&module.meta.summary);
        present_row(ui, ctx, index, out);
        if let Some(audience) = &module.meta.audience {
            ui.muted(t.module_audience(audience.clone()));
        }
        ui.add_space(sizes.gap);
        ui.section(t.module_lessons());
        for (i, lesson) in module.lessons.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let label = format!("{}. {}", i + 1, lesson.meta.title);
                let button =
                    egui::Button::new(RichText::new(label)).min_size(egui::vec2(0.0, sizes.button_height));
                if ui.add(button).clicked() {
                    out.go(Screen::Lesson {
                        module: index,
                        lesson: i,
                    });
                }
                ui.muted(t.module_lesson_minutes(lesson.meta.minutes));
                if mine.is_some_and(|p| p.lessons_viewed.contains(&lesson.meta.id)) {
                    ui.tone_label(NoticeKind::Good, t.module_lesson_read());
                } else if mine.is_some_and(|p| p.is_new_lesson(&lesson.meta.id)) {
                    ui.status_chip(crate::records::roster::Status::InProgress, t.pack_lesson_new());
                }
            });
        }
        ui.add_space(sizes.gap_large);
        ui.section(t.module_quiz());
        ui.label(t.module_quiz_info(module.meta.quiz_draw, module.meta.pass_mark));
        if let Some(best) = mine.and_then(|p| p.best_percent) {
            ui.label(t.module_best_score(best));
        }
        if ui.primary_button(t.module_start_quiz()).clicked() {
            out.go(Screen::Quiz(index));
        }
        crate::ui::review::module_section(ui, ctx, module, index, mine, out);
        if !module.simulations.is_empty() {
            ui.add_space(sizes.gap_large);
            ui.section(t.module_simulations());
            ui.label(t.module_simulations_intro());
            for (s, scenario) in module.simulations.iter().enumerate() {
                let required = module
                    .meta
                    .simulations
                    .iter()
                    .any(|r| r.id == scenario.id && r.required);
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .big_button(t.module_simulation_start(scenario.title.clone()))
                        .clicked()
                    {
                        out.go(Screen::Simulation {
                            module: index,
                            sim: s,
                        });
                    }
                    if required {
                        ui.muted(t.module_simulation_required());
                    }
                    if mine.is_some_and(|p| p.simulations_done.contains(&scenario.id)) {
                        ui.tone_label(NoticeKind::Good, t.module_simulation_done());
                    }
                });
            }
        }
    });
}

/// "Trình chiếu" (the lessons, also F5) and "Trình chiếu câu hỏi" for a trainer at the projector.
fn present_row(ui: &mut egui::Ui, ctx: &ScreenCtx, index: usize, out: &mut Commands) {
    let t = ctx.t;
    ui.horizontal_wrapped(|ui| {
        if ui
            .big_button(t.present_button())
            .on_hover_text(t.present_button_hint())
            .clicked()
        {
            out.go(Screen::Present(Projection::Lesson {
                module: index,
                lesson: 0,
            }));
        }
        if ui
            .big_button(t.present_quiz_button())
            .on_hover_text(t.present_button_hint())
            .clicked()
        {
            out.go(Screen::Present(Projection::Quiz(index)));
        }
    });
}
