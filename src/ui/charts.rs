//! The class dashboard's charts, drawn with the painter from plain data (no plotting crate: the binary
//! is at its size limit, and these are three simple shapes): labelled bars with their numbers on them,
//! a score histogram, and the status cell of the learner × module grid, which says its status by colour
//! *and* by a painted symbol and a word, so it is never read by colour alone.
//!
//! Every chart gives its numbers to screen readers (and to the tests) as its accessible label.

use egui::{Align2, FontId, Rect, Response, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::ui::UiExt;

/// One labelled bar: `value` out of `total`, with its caption drawn on it (e.g. "18/30 · 60%").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub total: usize,
    /// Drawn on the bar, and read out with the label.
    pub caption: String,
}

impl Bar {
    /// The filled share, 0–1 (0 when `total` is 0).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            #[allow(clippy::cast_precision_loss)] // counts of learners: far below 2^24
            let f = self.value.min(self.total) as f32 / self.total as f32;
            f
        }
    }
}

/// What a cell of the learner × module grid says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    NotStarted,
    InProgress,
    Completed,
    /// Stuck: failed the quiz twice or more without passing.
    NeedsHelp,
}

/// Horizontal bars, one per row: the label on its own line (it wraps), then the bar with its caption on
/// it, in the accent colour on the filled part or in the text colour on the track.
pub fn bars(ui: &mut Ui, rows: &[Bar]) {
    let t = ui.tokens();
    let height = ui.text_style_height(&egui::TextStyle::Body) * 1.6;
    for bar in rows {
        ui.label(egui::RichText::new(&bar.label).strong());
        let width = ui.available_width().max(60.0);
        let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        if ui.is_rect_visible(rect) {
            let painter = ui.painter();
            let radius = t.sizes.radius_small;
            painter.rect_filled(rect, radius, t.colors.surface);
            let mut filled = rect;
            filled.set_width(rect.width() * bar.fraction());
            if filled.width() > 0.0 {
                painter.rect_filled(filled, radius, t.colors.accent);
            }
            painter.rect_stroke(
                rect,
                radius,
                Stroke::new(t.sizes.border_width, t.colors.border),
                StrokeKind::Inside,
            );
            let font = FontId::proportional(t.sizes.text_body);
            let pad = t.sizes.gap_small * 2.0;
            let room = rect.width() - 2.0 * pad;
            let width = one_line(painter, &bar.caption, font.clone(), t.colors.text, room)
                .size()
                .x;
            // On the filled part when it fits there, else just after it on the track.
            let (x, color) = if width + 2.0 * pad <= filled.width() {
                (filled.left() + pad, t.colors.on_accent)
            } else {
                let x = (filled.right() + pad).min(rect.right() - width - pad);
                (x.max(rect.left() + pad), t.colors.text)
            };
            let galley = one_line(painter, &bar.caption, font, color, room);
            painter.galley(pos2(x, rect.center().y - galley.size().y / 2.0), galley, color);
        }
        let label = format!("{}: {}", bar.label, bar.caption);
        response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
        ui.add_space(t.sizes.gap_small);
    }
}

/// A histogram of scores from 0 to 100 %: `counts[i]` learners in the i-th of `counts.len()` equal
/// bins, each column with its count above it and its range under it; `pass_mark` (percent) is drawn as
/// a labelled line. `summary` is what a screen reader says of it.
pub fn histogram(ui: &mut Ui, counts: &[u32], pass_mark: u8, pass_label: &str, summary: &str) -> Response {
    let t = ui.tokens();
    let small = FontId::proportional(t.sizes.text_small);
    let line = ui
        .text_style_height(&egui::TextStyle::Small)
        .max(t.sizes.text_small)
        + 4.0;
    let width = ui.available_width().max(120.0);
    let plot_height = (t.sizes.text_body * 7.0).max(80.0);
    // A line for the counts above the columns, two under: the scale, and the pass mark's name.
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, plot_height + 3.0 * line + 4.0), Sense::hover());
    if ui.is_rect_visible(rect) && !counts.is_empty() {
        let painter = ui.painter();
        // Inset so "0" and "100" under the ends stay inside.
        let inset = t.sizes.text_small * 1.2;
        let plot = Rect::from_min_max(
            pos2(rect.left() + inset, rect.top() + line),
            pos2(rect.right() - inset, rect.top() + line + plot_height),
        );
        let most = counts.iter().copied().max().unwrap_or(0).max(1);
        #[allow(clippy::cast_precision_loss)]
        let step = plot.width() / counts.len() as f32;
        let gap = (step * 0.12).min(8.0);
        for (i, &n) in counts.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let (x0, h) = (
                plot.left() + step * i as f32,
                plot.height() * n as f32 / most as f32,
            );
            let column = Rect::from_min_max(
                pos2(x0 + gap, plot.bottom() - h),
                pos2(x0 + step - gap, plot.bottom()),
            );
            if n > 0 {
                painter.rect_filled(column, t.sizes.radius_small * 0.5, t.colors.accent);
                painter.text(
                    pos2(column.center().x, column.top() - 2.0),
                    Align2::CENTER_BOTTOM,
                    n.to_string(),
                    small.clone(),
                    t.colors.text,
                );
            }
        }
        // The scale: the percent at each edge between columns (0, 10, …, 100).
        let bins = counts.len();
        for i in 0..=bins {
            let (from, _) = bin_range(i, bins);
            let label = if i == bins { 100 } else { from };
            #[allow(clippy::cast_precision_loss)]
            let x = plot.left() + step * i as f32;
            painter.text(
                pos2(x, plot.bottom() + 2.0),
                Align2::CENTER_TOP,
                label.to_string(),
                small.clone(),
                t.colors.muted,
            );
        }
        painter.line_segment(
            [plot.left_bottom(), plot.right_bottom()],
            Stroke::new(t.sizes.border_width, t.colors.border),
        );
        // The pass mark: a dashed line, named under the scale.
        let x = plot.left() + plot.width() * f32::from(pass_mark.min(100)) / 100.0;
        let stroke = Stroke::new(2.0, t.colors.warn);
        painter.extend(egui::Shape::dashed_line(
            &[pos2(x, plot.top()), pos2(x, plot.bottom() + line)],
            stroke,
            6.0,
            4.0,
        ));
        let right_half = x > plot.center().x;
        painter.text(
            pos2(if right_half { x - 4.0 } else { x + 4.0 }, rect.bottom()),
            if right_half {
                Align2::RIGHT_BOTTOM
            } else {
                Align2::LEFT_BOTTOM
            },
            pass_label,
            small,
            t.colors.warn,
        );
    }
    let summary = summary.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    response
}

/// The percent range of bin `i` of `n` over 0–100, both ends included ("0–9", …, "90–100").
#[must_use]
pub fn bin_range(i: usize, n: usize) -> (usize, usize) {
    let n = n.max(1);
    let from = i * 100 / n;
    let to = if i + 1 >= n { 100 } else { (i + 1) * 100 / n - 1 };
    (from, to)
}

/// One cell of the learner × module grid, filling the space it is given: a tint of the status colour,
/// the status's symbol and `word` in that colour. `label` is what a screen reader says (the learner,
/// the module and the status). Clickable.
pub fn status_cell(ui: &mut Ui, mark: Mark, word: &str, label: String) -> Response {
    let t = ui.tokens();
    let color = mark_color(t, mark);
    let size = vec2(ui.available_width(), ui.available_height());
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let inner = rect.shrink(1.0);
        if mark != Mark::NotStarted {
            painter.rect_filled(inner, t.sizes.radius_small * 0.5, color.gamma_multiply(0.16));
        }
        let d = (rect.height() * 0.45).min(t.sizes.text_body * 0.8);
        let center = pos2(rect.left() + t.sizes.gap_small + d / 2.0 + 2.0, rect.center().y);
        symbol(painter, mark, center, d, color, t.colors.background);
        let left = center.x + d / 2.0 + t.sizes.gap_small;
        let font = FontId::new(t.sizes.text_body, crate::ui::theme::bold_family());
        let galley = one_line(painter, word, font, color, rect.right() - left - 2.0);
        painter.galley(pos2(left, rect.center().y - galley.size().y / 2.0), galley, color);
    }
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response
}

/// A status's symbol and word, in its colour, as one label (the grid's legend).
pub fn mark_label(ui: &mut Ui, mark: Mark, word: String) -> Response {
    ui.horizontal(|ui| {
        mark_symbol(ui, mark);
        let color = mark_color(ui.tokens(), mark);
        ui.label(egui::RichText::new(word).strong().color(color))
    })
    .inner
}

/// A status's symbol alone, the size of the text, in its colour.
pub fn mark_symbol(ui: &mut Ui, mark: Mark) {
    let t = ui.tokens();
    let d = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
    let (rect, _) = ui.allocate_exact_size(vec2(d, d), Sense::hover());
    symbol(
        ui.painter(),
        mark,
        rect.center(),
        d,
        mark_color(t, mark),
        t.colors.background,
    );
}

fn mark_color(t: &crate::ui::theme::Tokens, mark: Mark) -> egui::Color32 {
    match mark {
        Mark::Completed => t.colors.good,
        Mark::InProgress => t.colors.info,
        Mark::NotStarted => t.colors.muted,
        Mark::NeedsHelp => t.colors.bad,
    }
}

/// `text` on one line at most `width` wide, cut with "…" when longer (the whole word is in the
/// accessible label and the legend).
fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    color: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
    job.wrap = egui::text::TextWrapping {
        max_width: width.max(1.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

/// The symbol of a status, `d` across: an empty ring (not started), a half-filled disc (in progress), a
/// disc with a tick (completed), a triangle with an exclamation mark (needs help). Painted, because the
/// embedded font has no such glyphs.
fn symbol(
    painter: &egui::Painter,
    mark: Mark,
    c: egui::Pos2,
    d: f32,
    color: egui::Color32,
    cut: egui::Color32,
) {
    let r = d / 2.0;
    match mark {
        Mark::NotStarted => {
            painter.circle_stroke(c, r - 1.0, Stroke::new(1.5, color));
        }
        Mark::InProgress => {
            painter.circle_stroke(c, r - 1.0, Stroke::new(1.5, color));
            // The left half filled: a polygon along the arc.
            let steps = 16;
            let mut points = Vec::with_capacity(steps + 1);
            for i in 0..=steps {
                #[allow(clippy::cast_precision_loss)]
                let a = std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * i as f32 / steps as f32;
                points.push(c + (r - 1.0) * vec2(a.cos(), a.sin()));
            }
            painter.add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
        }
        Mark::Completed => {
            painter.circle_filled(c, r, color);
            let tick = vec![
                c + vec2(-r * 0.5, 0.0),
                c + vec2(-r * 0.1, r * 0.4),
                c + vec2(r * 0.55, -r * 0.4),
            ];
            painter.add(egui::Shape::line(tick, Stroke::new((d * 0.14).max(1.5), cut)));
        }
        Mark::NeedsHelp => {
            let points = vec![c + vec2(0.0, -r), c + vec2(r, r * 0.8), c + vec2(-r, r * 0.8)];
            painter.add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
            let w = (d * 0.12).max(1.5);
            painter.line_segment(
                [c + vec2(0.0, -r * 0.35), c + vec2(0.0, r * 0.25)],
                Stroke::new(w, cut),
            );
            painter.circle_filled(c + vec2(0.0, r * 0.55), w * 0.6, cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_cover_0_to_100_without_gaps() {
        assert_eq!(bin_range(0, 10), (0, 9));
        assert_eq!(bin_range(9, 10), (90, 100));
        assert_eq!(bin_range(4, 5), (80, 100));
        // The same ranges as the analysis's buckets.
        for p in 0..=100u32 {
            let (from, to) = bin_range(crate::class::analysis::bucket(p), 10);
            assert!((from..=to).contains(&(p as usize)), "{p}");
        }
    }

    #[test]
    fn a_bar_of_nothing_is_empty() {
        let bar = |value, total| Bar {
            label: String::new(),
            value,
            total,
            caption: String::new(),
        };
        assert!(bar(3, 0).fraction().abs() < f32::EPSILON);
        assert!((bar(5, 4).fraction() - 1.0).abs() < f32::EPSILON);
        assert!((bar(1, 4).fraction() - 0.25).abs() < f32::EPSILON);
    }
}
