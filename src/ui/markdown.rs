//! Draws a lesson's [`Block`]s: headings, paragraphs with bold/italic/code, lists, note boxes, tables,
//! diagrams. Links are drawn as links but not opened (the app is offline, and a learner should never be
//! sent to a page from a lesson); hovering shows the address.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{FontId, RichText, Stroke, TextFormat, TextStyle};

use crate::content::markdown::{Block, Inline, plain};
use crate::i18n::I18n;
use crate::ui::theme::{self, Colors, Sizes};

/// What the renderer needs besides the blocks.
pub struct Context<'a> {
    pub module_dir: &'a str,
    pub images: &'a HashMap<String, Arc<[u8]>>,
    pub t: &'a I18n,
    pub colors: Colors,
    pub sizes: Sizes,
    /// How diagrams are drawn: the reader's column, or as wide as a projected slide.
    pub pictures: crate::ui::diagram::Fit,
}

impl<'a> Context<'a> {
    /// The context for drawing a lesson of `module` with the theme's `tokens`.
    #[must_use]
    pub fn of(
        ctx: &crate::ui::ScreenCtx<'a>,
        module: &'a crate::content::Module,
        tokens: &theme::Tokens,
        pictures: crate::ui::diagram::Fit,
    ) -> Context<'a> {
        Context {
            module_dir: &module.dir,
            images: &ctx.catalog.images,
            t: ctx.t,
            colors: tokens.colors,
            sizes: tokens.sizes,
            pictures,
        }
    }
}

/// Draws blocks top to bottom.
pub fn blocks_ui(ui: &mut egui::Ui, ctx: &Context<'_>, blocks: &[Block]) {
    for block in blocks {
        block_ui(ui, ctx, block);
    }
}

fn block_ui(ui: &mut egui::Ui, ctx: &Context<'_>, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            ui.add_space(if *level <= 2 {
                ctx.sizes.gap_large * 0.6
            } else {
                ctx.sizes.gap * 0.6
            });
            let style = if *level <= 2 { theme::h2() } else { theme::h3() };
            ui.label(RichText::new(plain(text)).text_style(style));
        }
        Block::Paragraph(inline) => inline_ui(ui, ctx, inline, None),
        Block::List { start, items } => list_ui(ui, ctx, *start, items),
        Block::Quote(inner) => {
            egui::Frame::new()
                .fill(ctx.colors.note_fill)
                .stroke(Stroke::new(2.0, ctx.colors.note_stroke))
                .corner_radius(ctx.sizes.radius_small)
                .inner_margin(ctx.sizes.card_padding * 0.75)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    blocks_ui(ui, ctx, inner);
                });
            ui.add_space(4.0);
        }
        Block::Table { header, rows } => table_ui(ui, ctx, header, rows),
        Block::Image { src, alt } => {
            let key = format!("{}/{src}", ctx.module_dir);
            let shown = ctx
                .images
                .get(&key)
                .is_some_and(|data| crate::ui::diagram::show_sized(ui, &key, data, alt, ctx.pictures));
            if shown {
                if !alt.is_empty() {
                    ui.label(RichText::new(alt).italics().color(ctx.colors.muted));
                }
            } else {
                ui.label(RichText::new(ctx.t.lesson_image_missing(src.clone())).color(ctx.colors.bad));
            }
        }
        Block::Code(code) => {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.label(RichText::new(code).monospace());
                });
        }
        Block::Rule => {
            ui.separator();
        }
    }
}

fn list_ui(ui: &mut egui::Ui, ctx: &Context<'_>, start: Option<u64>, items: &[Vec<Block>]) {
    let marker_width = ui.fonts_mut(|f| f.glyph_width(&FontId::proportional(18.0), '0')) * 3.0;
    for (i, item) in items.iter().enumerate() {
        let marker = match start {
            Some(n) => format!("{}.", n + i as u64),
            None => "•".to_owned(),
        };
        ui.horizontal_top(|ui| {
            ui.add_sized(
                [marker_width, 0.0],
                egui::Label::new(RichText::new(marker).strong()),
            );
            ui.vertical(|ui| {
                for block in item {
                    block_ui(ui, ctx, block);
                }
            });
        });
    }
}

fn table_ui(ui: &mut egui::Ui, ctx: &Context<'_>, header: &[Inline], rows: &[Vec<Inline>]) {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let col_width = (ui.available_width() / columns as f32 - 16.0).max(80.0);
    egui::Frame::new()
        .stroke(Stroke::new(
            1.0,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ))
        .inner_margin(6.0)
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt(ui.next_auto_id())
                .show(ui, |ui| {
                    egui::Grid::new(ui.next_auto_id())
                        .striped(true)
                        .min_col_width(60.0)
                        .max_col_width(col_width)
                        .spacing([14.0, 8.0])
                        .show(ui, |ui| {
                            for cell in header {
                                let text = plain(cell);
                                ui.add(
                                    egui::Label::new(RichText::new(text).text_style(theme::h3()).size(18.0))
                                        .wrap(),
                                );
                            }
                            ui.end_row();
                            for row in rows {
                                for cell in row {
                                    inline_ui(ui, ctx, cell, Some(col_width));
                                }
                                ui.end_row();
                            }
                        });
                });
        });
    ui.add_space(4.0);
}

fn inline_ui(ui: &mut egui::Ui, ctx: &Context<'_>, inline: &Inline, max_width: Option<f32>) {
    let body = TextStyle::Body.resolve(ui.style());
    let mono = TextStyle::Monospace.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    let mut links = Vec::new();
    for span in inline {
        let mut format = TextFormat {
            font_id: if span.code {
                mono.clone()
            } else if span.bold {
                FontId::new(body.size, theme::bold_family())
            } else {
                body.clone()
            },
            color: text_color,
            italics: span.italic,
            line_height: Some(body.size * 1.45),
            ..TextFormat::default()
        };
        if span.code {
            format.background = ui.visuals().faint_bg_color;
        }
        if let Some(url) = &span.link {
            format.color = ui.visuals().hyperlink_color;
            format.underline = Stroke::new(1.0, ui.visuals().hyperlink_color);
            links.push(url.clone());
        }
        job.append(&span.text, 0.0, format);
    }
    job.wrap.max_width = max_width.unwrap_or(f32::INFINITY);
    let response = ui.add(egui::Label::new(job).wrap());
    if !links.is_empty() {
        let hint = ctx.t.lesson_link_hint();
        response.on_hover_ui(|ui| {
            for url in &links {
                let color = ui.visuals().hyperlink_color;
                ui.label(RichText::new(url).color(color));
            }
            ui.label(hint);
        });
    }
}
