//! The few widgets every screen is built from, as methods on `egui::Ui` ([`UiExt`]): buttons, cards,
//! notices, status chips, headings, the progress ring and the page column. They take their colours and
//! sizes from the theme's [`Tokens`], so screens never pick a colour or a margin themselves.

use egui::{Align2, Color32, InnerResponse, Response, RichText, Sense, Stroke, Ui, vec2};

use crate::records::Status;
use crate::ui::theme::{self, Tokens};

/// What a message is about, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Good,
    Warn,
    Bad,
}

impl NoticeKind {
    /// The colour of this kind in `tokens`.
    #[must_use]
    pub fn color(self, tokens: &Tokens) -> Color32 {
        let c = &tokens.colors;
        match self {
            NoticeKind::Info => c.info,
            NoticeKind::Good => c.good,
            NoticeKind::Warn => c.warn,
            NoticeKind::Bad => c.bad,
        }
    }
}

/// The shared widgets, on any `Ui`.
pub trait UiExt {
    /// The current theme's tokens.
    fn tokens(&self) -> &'static Tokens;

    /// The one action a screen is for ("Bắt đầu học", "Lưu"): filled with the accent colour, tall.
    fn primary_button(&mut self, text: impl Into<String>) -> Response;

    /// A large ordinary button (other actions, and navigation).
    fn big_button(&mut self, text: impl Into<String>) -> Response;

    /// A card: a bordered, padded surface that fills the width it is given.
    fn card<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R>;

    /// A framed message in the colour of its kind (bold, so it is not read by colour alone).
    fn notice(&mut self, kind: NoticeKind, text: impl Into<String>) -> Response;

    /// A frame in the colour of its kind with a bold `title` in that colour, then `add`'s content (a
    /// simulation's hints, the mistakes just made).
    fn notice_box<R>(
        &mut self,
        kind: NoticeKind,
        title: &str,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> InnerResponse<R>;

    /// A form laid out as a grid of label and box rows (see [`UiExt::text_row`]).
    fn form_grid<R>(&mut self, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R;

    /// A short bold line in the colour of its kind, without a frame.
    fn tone_label(&mut self, kind: NoticeKind, text: impl Into<String>) -> Response;

    /// Secondary text: times, counts, hints.
    fn muted(&mut self, text: impl Into<String>) -> Response;

    /// A section heading (h2).
    fn section(&mut self, text: impl Into<String>) -> Response;

    /// A sub-heading (h3).
    fn subsection(&mut self, text: impl Into<String>) -> Response;

    /// A module's status as a small framed word: not started, in progress, completed.
    fn status_chip(&mut self, status: Status, text: impl Into<String>) -> Response;

    /// A bar filled to `fraction` (0–1), as wide as the column, with a border so its track shows in
    /// every theme (egui's own bar has none, and vanishes on high contrast's black); `caption` is read
    /// out by screen readers and drawn beside it when given.
    fn progress_bar(&mut self, fraction: f32, caption: Option<String>) -> Response;

    /// A ring filled to `fraction` (0–1) with `caption` in its middle (e.g. "40%").
    fn progress_ring(&mut self, fraction: f32, caption: &str) -> Response;

    /// One row of a form grid: the label, then a one-line box named by it (for screen readers and
    /// tests), `width` wide, with a grey `hint` while empty.
    fn text_row(&mut self, label: String, value: &mut String, hint: Option<String>, width: f32) -> Response;

    /// A vertically scrolling page whose content is at most `width` wide, centred.
    fn page<R>(
        &mut self,
        id: impl std::hash::Hash + std::fmt::Debug,
        width: f32,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> R;
}

impl UiExt for Ui {
    fn tokens(&self) -> &'static Tokens {
        Tokens::current(self.ctx())
    }

    fn primary_button(&mut self, text: impl Into<String>) -> Response {
        let t = self.tokens();
        let text = RichText::new(text.into()).strong().color(t.colors.on_accent);
        let button = egui::Button::new(text)
            .fill(t.colors.accent)
            .corner_radius(t.sizes.radius_small)
            .min_size(vec2(t.sizes.primary_height * 2.0, t.sizes.primary_height));
        self.add(button)
    }

    fn big_button(&mut self, text: impl Into<String>) -> Response {
        let t = self.tokens();
        let button =
            egui::Button::new(RichText::new(text.into()).strong()).min_size(vec2(0.0, t.sizes.button_height));
        self.add(button)
    }

    fn card<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
        let t = self.tokens();
        egui::Frame::new()
            .fill(t.colors.surface)
            .stroke(Stroke::new(t.sizes.border_width, t.colors.border))
            .corner_radius(t.sizes.radius)
            .inner_margin(t.sizes.card_padding)
            .show(self, |ui| {
                ui.set_width(ui.available_width());
                // Not justified, even inside `ui.columns`: justified text spreads letters apart and
                // buttons would stretch across the card.
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), add)
                    .inner
            })
    }

    fn notice(&mut self, kind: NoticeKind, text: impl Into<String>) -> Response {
        let t = self.tokens();
        let color = kind.color(t);
        egui::Frame::new()
            .fill(t.colors.surface)
            .stroke(Stroke::new(2.0, color))
            .corner_radius(t.sizes.radius_small)
            .inner_margin(t.sizes.card_padding * 0.75)
            .show(self, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(text.into()).strong().color(color))
            })
            .inner
    }

    fn notice_box<R>(
        &mut self,
        kind: NoticeKind,
        title: &str,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> InnerResponse<R> {
        let t = self.tokens();
        let color = kind.color(t);
        egui::Frame::new()
            .stroke(Stroke::new(2.0, color))
            .corner_radius(t.sizes.radius_small)
            .inner_margin(t.sizes.card_padding * 0.75)
            .show(self, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(title).strong().color(color));
                add(ui)
            })
    }

    fn form_grid<R>(&mut self, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
        let gap = self.tokens().sizes.gap;
        egui::Grid::new(id)
            .num_columns(2)
            .spacing([gap * 1.2, gap])
            .show(self, add)
            .inner
    }

    fn tone_label(&mut self, kind: NoticeKind, text: impl Into<String>) -> Response {
        let color = kind.color(self.tokens());
        self.label(RichText::new(text.into()).strong().color(color))
    }

    fn muted(&mut self, text: impl Into<String>) -> Response {
        let color = self.tokens().colors.muted;
        self.label(RichText::new(text.into()).color(color))
    }

    fn section(&mut self, text: impl Into<String>) -> Response {
        self.label(RichText::new(text.into()).text_style(theme::h2()))
    }

    fn subsection(&mut self, text: impl Into<String>) -> Response {
        self.label(RichText::new(text.into()).text_style(theme::h3()))
    }

    fn status_chip(&mut self, status: Status, text: impl Into<String>) -> Response {
        let t = self.tokens();
        let color = match status {
            Status::Completed => t.colors.good,
            Status::InProgress => t.colors.info,
            Status::NotStarted => t.colors.muted,
        };
        // A dot and a word, not a frame: a framed word looks like a button to press.
        self.horizontal(|ui| {
            let size = ui.text_style_height(&egui::TextStyle::Body) * 0.55;
            let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
            if status == Status::NotStarted {
                ui.painter()
                    .circle_stroke(rect.center(), size / 2.0, Stroke::new(1.5, color));
            } else {
                ui.painter().circle_filled(rect.center(), size / 2.0, color);
            }
            ui.label(RichText::new(text.into()).strong().color(color))
        })
        .inner
    }

    fn progress_bar(&mut self, fraction: f32, caption: Option<String>) -> Response {
        let t = self.tokens();
        let height = self.text_style_height(&egui::TextStyle::Body) * 0.6;
        let response = self
            .horizontal(|ui| {
                let width = (ui.available_width() - if caption.is_some() { 80.0 } else { 0.0 }).max(40.0);
                let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
                if ui.is_rect_visible(rect) {
                    let radius = height / 2.0;
                    let painter = ui.painter();
                    let mut filled = rect;
                    filled.set_width(rect.width() * fraction.clamp(0.0, 1.0));
                    let color = if fraction >= 1.0 {
                        t.colors.good
                    } else {
                        t.colors.accent
                    };
                    painter.rect_filled(filled, radius, color);
                    painter.rect_stroke(
                        rect,
                        radius,
                        Stroke::new(t.sizes.border_width, t.colors.border),
                        egui::StrokeKind::Inside,
                    );
                }
                if let Some(caption) = &caption {
                    ui.label(caption);
                }
                response
            })
            .inner;
        let label = caption.unwrap_or_else(|| format!("{}%", (fraction * 100.0).round()));
        response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
        response
    }

    fn progress_ring(&mut self, fraction: f32, caption: &str) -> Response {
        let t = self.tokens();
        let size = t.sizes.ring;
        let (rect, response) = self.allocate_exact_size(vec2(size, size), Sense::hover());
        if self.is_rect_visible(rect) {
            let painter = self.painter();
            let center = rect.center();
            let width = size * 0.1;
            let radius = size / 2.0 - width;
            painter.circle_stroke(center, radius, Stroke::new(width, t.colors.border));
            let fraction = fraction.clamp(0.0, 1.0);
            if fraction > 0.0 {
                let color = if fraction >= 1.0 {
                    t.colors.good
                } else {
                    t.colors.accent
                };
                // A polyline from 12 o'clock, clockwise: egui has no arc shape.
                let steps = (64.0 * fraction).ceil().max(2.0) as usize;
                let points = (0..=steps)
                    .map(|i| {
                        let angle = std::f32::consts::TAU * fraction * i as f32 / steps as f32
                            - std::f32::consts::FRAC_PI_2;
                        center + radius * vec2(angle.cos(), angle.sin())
                    })
                    .collect();
                painter.add(egui::Shape::line(points, Stroke::new(width, color)));
            }
            painter.text(
                center,
                Align2::CENTER_CENTER,
                caption,
                // "100%" must fit inside the ring.
                egui::FontId::proportional(t.sizes.text_small * 0.85),
                t.colors.text,
            );
        }
        let caption = caption.to_owned();
        response
            .widget_info(move || egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &caption));
        response
    }

    fn text_row(&mut self, label: String, value: &mut String, hint: Option<String>, width: f32) -> Response {
        let l = self.label(label);
        let mut edit = egui::TextEdit::singleline(value).desired_width(width);
        if let Some(hint) = hint {
            edit = edit.hint_text(hint);
        }
        let response = self.add(edit).labelled_by(l.id);
        self.end_row();
        response
    }

    fn page<R>(
        &mut self,
        id: impl std::hash::Hash + std::fmt::Debug,
        width: f32,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> R {
        egui::ScrollArea::vertical()
            .id_salt(id)
            .auto_shrink(false)
            .show(self, |ui| {
                let column = ui.available_width().min(width);
                let margin = ((ui.available_width() - column) / 2.0).max(0.0);
                ui.horizontal(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_width(column);
                        add(ui)
                    })
                    .inner
                })
                .inner
            })
            .inner
    }
}
