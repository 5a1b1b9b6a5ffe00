//! The lesson reader: the lesson's Markdown in a comfortable column, with previous/next buttons and the
//! ← / → keys (see `ui::shortcuts`), the glossary beside it, and "Trình chiếu" (F5) for the projector.

use crate::command::{Command, Projection, Screen};
use crate::ui::{Commands, ScreenCtx, UiExt, glossary, markdown};

/// What the reader remembers: the glossary panel (open, and what is searched).
#[derive(Debug, Clone, Default)]
pub struct LessonState {
    pub glossary: glossary::GlossaryState,
}

/// Draws lesson `lesson` of module `module`.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    state: &mut LessonState,
    module: usize,
    lesson: usize,
    out: &mut Commands,
) {
    let Some(m) = ctx.catalog.modules.get(module) else {
        out.go(Screen::Home);
        return;
    };
    let Some(l) = m.lessons.get(lesson) else {
        out.go(Screen::Module(module));
        return;
    };
    let tokens = ui.tokens();

    glossary::panel_ui(ui, ctx, &mut state.glossary, module);
    egui::Panel::bottom("lesson_nav").show(ui, |ui| {
        ui.add_space(tokens.sizes.gap_small);
        ui.horizontal_wrapped(|ui| {
            if ui.big_button(ctx.t.lesson_prev()).clicked() {
                out.push(Command::PrevLesson);
            }
            let next = if lesson + 1 < m.lessons.len() {
                ctx.t.lesson_next()
            } else {
                ctx.t.lesson_back_to_module()
            };
            if ui.primary_button(next).clicked() {
                out.push(Command::NextLesson);
            }
            glossary::toggle_ui(ui, ctx, &mut state.glossary);
            if ui
                .big_button(ctx.t.present_button())
                .on_hover_text(ctx.t.present_button_hint())
                .clicked()
            {
                out.go(Screen::Present(Projection::Lesson { module, lesson }));
            }
            // Only where it fits on the row: wrapped onto its own lines at large text sizes, it would take
            // reading space, which matters more.
            let hint = ctx.t.lesson_keys_hint();
            let font = egui::TextStyle::Body.resolve(ui.style());
            let width = ui.fonts_mut(|f| f.layout_no_wrap(hint.clone(), font, tokens.colors.muted).size().x);
            if ui.available_size_before_wrap().x > width + tokens.sizes.gap {
                ui.muted(hint);
            }
        });
        ui.add_space(tokens.sizes.gap_small);
    });

    ui.page(("lesson", module, lesson), tokens.sizes.reading_width, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.link(&m.meta.title).clicked() {
                out.go(Screen::Module(module));
            }
            ui.muted("·");
            ui.muted(ctx.t.lesson_position(lesson + 1, m.lessons.len()));
        });
        ui.heading(&l.meta.title);
        ui.add_space(tokens.sizes.gap_small);
        let md = markdown::Context::of(ctx, m, tokens, crate::ui::diagram::Fit::Column);
        markdown::blocks_ui(ui, &md, &l.blocks);
        // Reaching the end of the text is what counts as having read the lesson.
        let (end, _) = ui.allocate_exact_size(egui::vec2(1.0, 24.0), egui::Sense::hover());
        if ui.is_rect_visible(end) {
            out.push(Command::LessonReachedEnd { module, lesson });
        }
    });
}
