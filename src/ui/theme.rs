//! The look: the embedded Vietnamese font, text sizes for readers over 45, the three colour themes, and
//! the text-size setting applied to the whole interface as a zoom factor (so buttons grow with the text).

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::assets;
use crate::settings::Theme;

/// Name of the regular font in egui's font table.
pub const FONT_REGULAR: &str = "noto-sans";
/// Name of the bold font.
pub const FONT_BOLD: &str = "noto-sans-bold";

/// The family used for bold text in lessons.
#[must_use]
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Text style for lesson section headings.
#[must_use]
pub fn h2() -> TextStyle {
    TextStyle::Name("h2".into())
}

/// Text style for lesson sub-headings.
#[must_use]
pub fn h3() -> TextStyle {
    TextStyle::Name("h3".into())
}

/// egui's default fonts lack most Vietnamese letters (U+1EA0–U+1EF9), so Noto Sans goes first for
/// proportional and monospace text; egui's own fonts stay behind it for symbols and emoji.
#[must_use]
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        FONT_REGULAR.to_owned(),
        Arc::new(FontData::from_static(assets::FONT_REGULAR)),
    );
    fonts.font_data.insert(
        FONT_BOLD.to_owned(),
        Arc::new(FontData::from_static(assets::FONT_BOLD)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, FONT_REGULAR.to_owned());
    }
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut bold = vec![FONT_BOLD.to_owned()];
    bold.extend(fallback);
    fonts.families.insert(bold_family(), bold);
    fonts
}

/// Installs the fonts. Call once when the context is created.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

fn visuals(theme: Theme) -> Visuals {
    match theme {
        Theme::Light => {
            let mut v = Visuals::light();
            v.panel_fill = Color32::from_rgb(0xF7, 0xF7, 0xF4);
            v.hyperlink_color = Color32::from_rgb(0x0B, 0x4F, 0x9C);
            v.selection.bg_fill = Color32::from_rgb(0xC8, 0xDD, 0xF5);
            v.selection.stroke = Stroke::new(1.5, Color32::from_rgb(0x0B, 0x4F, 0x9C));
            v
        }
        Theme::Dark => {
            let mut v = Visuals::dark();
            v.hyperlink_color = Color32::from_rgb(0x8C, 0xC4, 0xFF);
            v
        }
        Theme::HighContrast => {
            let mut v = Visuals::dark();
            let yellow = Color32::from_rgb(0xFF, 0xE6, 0x00);
            v.override_text_color = Some(Color32::WHITE);
            v.panel_fill = Color32::BLACK;
            v.window_fill = Color32::BLACK;
            v.extreme_bg_color = Color32::BLACK;
            v.faint_bg_color = Color32::from_gray(24);
            v.hyperlink_color = yellow;
            v.selection.bg_fill = Color32::from_rgb(0x00, 0x3C, 0x8F);
            v.selection.stroke = Stroke::new(2.0, yellow);
            v.window_stroke = Stroke::new(2.0, Color32::WHITE);
            for w in [
                &mut v.widgets.noninteractive,
                &mut v.widgets.inactive,
                &mut v.widgets.hovered,
                &mut v.widgets.active,
                &mut v.widgets.open,
            ] {
                w.bg_fill = Color32::BLACK;
                w.weak_bg_fill = Color32::BLACK;
                w.fg_stroke = Stroke::new(2.0, Color32::WHITE);
                w.bg_stroke = Stroke::new(2.0, Color32::WHITE);
            }
            v.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(200));
            v.widgets.hovered.bg_stroke = Stroke::new(3.0, yellow);
            v.widgets.hovered.fg_stroke = Stroke::new(2.0, yellow);
            v.widgets.active.bg_stroke = Stroke::new(3.0, yellow);
            v.widgets.active.fg_stroke = Stroke::new(2.0, yellow);
            v
        }
    }
}

/// Colours for notes, success and warnings that read well on the theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub note_fill: Color32,
    pub note_stroke: Color32,
    pub good: Color32,
    pub bad: Color32,
    pub muted: Color32,
}

/// The palette for a theme.
#[must_use]
pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            note_fill: Color32::from_rgb(0xFF, 0xF6, 0xD5),
            note_stroke: Color32::from_rgb(0xC9, 0x8A, 0x00),
            good: Color32::from_rgb(0x1B, 0x6E, 0x20),
            bad: Color32::from_rgb(0xB0, 0x1E, 0x1E),
            muted: Color32::from_gray(80),
        },
        Theme::Dark => Palette {
            note_fill: Color32::from_rgb(0x3A, 0x32, 0x12),
            note_stroke: Color32::from_rgb(0xE0, 0xB0, 0x30),
            good: Color32::from_rgb(0x7C, 0xD9, 0x82),
            bad: Color32::from_rgb(0xFF, 0x8A, 0x80),
            muted: Color32::from_gray(185),
        },
        Theme::HighContrast => Palette {
            note_fill: Color32::BLACK,
            note_stroke: Color32::from_rgb(0xFF, 0xE6, 0x00),
            good: Color32::from_rgb(0x66, 0xFF, 0x66),
            bad: Color32::from_rgb(0xFF, 0x80, 0x80),
            muted: Color32::WHITE,
        },
    }
}

/// Applies the theme, the large base text sizes and the text-size setting.
pub fn apply(ctx: &egui::Context, theme: Theme, text_size_percent: u16) {
    let visuals = visuals(theme);
    ctx.all_styles_mut(|style| {
        style.visuals = visuals.clone();
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(15.0)),
            (TextStyle::Body, FontId::proportional(18.0)),
            (TextStyle::Button, FontId::proportional(18.0)),
            (TextStyle::Monospace, FontId::monospace(16.0)),
            (TextStyle::Heading, FontId::new(27.0, bold_family())),
            (h2(), FontId::new(23.0, bold_family())),
            (h3(), FontId::new(20.0, bold_family())),
        ]
        .into();
        style.spacing.button_padding = egui::vec2(12.0, 7.0);
        style.spacing.item_spacing = egui::vec2(10.0, 9.0);
        style.spacing.interact_size.y = 34.0;
        style.spacing.scroll.bar_width = 14.0;
        style.url_in_tooltip = true;
    });
    ctx.set_zoom_factor(f32::from(text_size_percent) / 100.0);
}
