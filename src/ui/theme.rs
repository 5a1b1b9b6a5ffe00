//! The look, as data: one [`Tokens`] set per theme (light, dark, high contrast) holding every colour,
//! spacing, radius and text size the interface uses, the embedded Vietnamese font, and the text-size
//! setting applied to the whole interface as a zoom factor (so buttons grow with the text).
//!
//! No colour is written anywhere else: screens ask `ui.tokens()` (see `ui::widgets::UiExt`), so a new
//! theme or a darker green is one edit here, and the high-contrast theme reaches every screen, the
//! imitation portals of the simulations included.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::assets;
use crate::settings::Theme;

/// Name of the regular font in egui's font table.
pub const FONT_REGULAR: &str = "noto-sans";
/// Name of the bold font.
pub const FONT_BOLD: &str = "noto-sans-bold";

/// Every colour of one theme, named for what it is used for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colors {
    /// Behind every screen.
    pub background: Color32,
    /// Cards, notes and the imitation portal's page.
    pub surface: Color32,
    /// The border of cards and inputs.
    pub border: Color32,
    pub text: Color32,
    /// Secondary text (times, counts, hints); still at least 4.5:1 on `background`.
    pub muted: Color32,
    /// Primary buttons and the progress ring.
    pub accent: Color32,
    /// Text on `accent`.
    pub on_accent: Color32,
    /// The ring around the widget that has the keyboard focus.
    pub focus: Color32,
    pub link: Color32,
    pub selection: Color32,
    /// Success: a finished module, a right answer.
    pub good: Color32,
    /// Errors and wrong answers.
    pub bad: Color32,
    /// Warnings, and the band that says a simulation is an imitation.
    pub warn: Color32,
    /// Information notes.
    pub info: Color32,
    /// A note's background (the explanation after an answer, a lesson's note block).
    pub note_fill: Color32,
    /// A note's border.
    pub note_stroke: Color32,
    /// The imitation portal's title band: a plain navy, no real portal's colours.
    pub portal_band: Color32,
    pub portal_band_text: Color32,
    /// The address bar of an imitation web page.
    pub portal_address: Color32,
}

/// Spacing, radii and sizes, in points before the text-size zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Between related items (a label and its value).
    pub gap_small: f32,
    /// Between items of a list.
    pub gap: f32,
    /// Between sections of a page.
    pub gap_large: f32,
    /// Inside cards and notes.
    pub card_padding: f32,
    pub radius: f32,
    pub radius_small: f32,
    /// The widest column of running text: longer lines are hard to follow.
    pub reading_width: f32,
    /// The widest column of a page that is not running text (forms, lists).
    pub page_width: f32,
    /// A card on the home screen is never narrower than this; under it cards stack in one column.
    pub card_width: f32,
    pub button_height: f32,
    pub primary_height: f32,
    pub focus_width: f32,
    pub border_width: f32,
    pub icon: f32,
    pub ring: f32,
    pub text_small: f32,
    pub text_body: f32,
    pub text_h1: f32,
    pub text_h2: f32,
    pub text_h3: f32,
}

/// Everything one theme looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tokens {
    pub theme: Theme,
    pub colors: Colors,
    pub sizes: Sizes,
}

/// The same sizes in every theme: a theme changes colours, not layout.
const SIZES: Sizes = Sizes {
    gap_small: 4.0,
    gap: 10.0,
    gap_large: 20.0,
    card_padding: 16.0,
    radius: 10.0,
    radius_small: 6.0,
    reading_width: 820.0,
    page_width: 940.0,
    card_width: 400.0,
    button_height: 40.0,
    primary_height: 48.0,
    focus_width: 3.0,
    border_width: 1.0,
    icon: 56.0,
    ring: 60.0,
    text_small: 15.0,
    text_body: 18.0,
    text_h1: 28.0,
    text_h2: 23.0,
    text_h3: 20.0,
};

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// A warm paper white with a deep blue accent: calm, and readable on a washed-out projector.
pub const LIGHT: Tokens = Tokens {
    theme: Theme::Light,
    colors: Colors {
        background: rgb(0xF6F5F1),
        surface: rgb(0xFFFFFF),
        border: rgb(0xC9C6BD),
        text: rgb(0x1C1C1C),
        muted: rgb(0x505050),
        accent: rgb(0x0B57A4),
        on_accent: rgb(0xFFFFFF),
        focus: rgb(0xD9480F),
        link: rgb(0x0B4F9C),
        selection: rgb(0xC8DDF5),
        good: rgb(0x1B6E20),
        bad: rgb(0xB01E1E),
        warn: rgb(0x7A4A00),
        info: rgb(0x0B4F9C),
        note_fill: rgb(0xFFF6D5),
        note_stroke: rgb(0xC98A00),
        portal_band: rgb(0x1F3A5F),
        portal_band_text: rgb(0xFFFFFF),
        portal_address: rgb(0xECEAE4),
    },
    sizes: SIZES,
};

/// For dim rooms and evening study at home.
pub const DARK: Tokens = Tokens {
    theme: Theme::Dark,
    colors: Colors {
        background: rgb(0x1E1F22),
        surface: rgb(0x2A2C30),
        border: rgb(0x55585E),
        text: rgb(0xE8E8E8),
        muted: rgb(0xB9B9B9),
        accent: rgb(0x8CC4FF),
        on_accent: rgb(0x0A1A2E),
        focus: rgb(0xFFB454),
        link: rgb(0x8CC4FF),
        selection: rgb(0x27476E),
        good: rgb(0x7CD982),
        bad: rgb(0xFF8A80),
        warn: rgb(0xFFD25E),
        info: rgb(0x8CC4FF),
        note_fill: rgb(0x3A3212),
        note_stroke: rgb(0xE0B030),
        portal_band: rgb(0x1F3A5F),
        portal_band_text: rgb(0xFFFFFF),
        portal_address: rgb(0x141517),
    },
    sizes: SIZES,
};

/// White on black with yellow for what can be pressed or is focused: for low vision and glare.
pub const HIGH_CONTRAST: Tokens = Tokens {
    theme: Theme::HighContrast,
    colors: Colors {
        background: rgb(0x000000),
        surface: rgb(0x000000),
        border: rgb(0xFFFFFF),
        text: rgb(0xFFFFFF),
        muted: rgb(0xFFFFFF),
        accent: rgb(0xFFE600),
        on_accent: rgb(0x000000),
        focus: rgb(0x00E5FF),
        link: rgb(0xFFE600),
        selection: rgb(0x003C8F),
        good: rgb(0x66FF66),
        bad: rgb(0xFF8080),
        warn: rgb(0xFFE600),
        info: rgb(0x00E5FF),
        note_fill: rgb(0x000000),
        note_stroke: rgb(0xFFE600),
        portal_band: rgb(0x000000),
        portal_band_text: rgb(0xFFE600),
        portal_address: rgb(0x000000),
    },
    sizes: SIZES,
};

/// A projector's blank screen (B in presentation mode): black in every theme, as a switched-off
/// projector looks, so the room's eyes go back to the trainer.
pub const BLANK_SCREEN: Color32 = Color32::BLACK;

impl Tokens {
    /// The token set of a theme.
    #[must_use]
    pub fn of(theme: Theme) -> &'static Tokens {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
            Theme::HighContrast => &HIGH_CONTRAST,
        }
    }

    /// The tokens of the theme last applied to this context (light before any).
    #[must_use]
    pub fn current(ctx: &egui::Context) -> &'static Tokens {
        Tokens::of(
            ctx.data(|d| d.get_temp::<Theme>(theme_id()))
                .unwrap_or(Theme::Light),
        )
    }
}

fn theme_id() -> egui::Id {
    egui::Id::unique("kynangso-theme")
}

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

/// egui's own visuals, coloured from the tokens.
fn visuals(tokens: &Tokens) -> Visuals {
    let c = &tokens.colors;
    let s = &tokens.sizes;
    let mut v = match tokens.theme {
        Theme::Light => Visuals::light(),
        Theme::Dark | Theme::HighContrast => Visuals::dark(),
    };
    v.override_text_color = Some(c.text);
    v.panel_fill = c.background;
    v.window_fill = c.surface;
    v.extreme_bg_color = c.surface;
    v.text_edit_bg_color = Some(c.surface);
    v.faint_bg_color = c.portal_address;
    v.hyperlink_color = c.link;
    v.selection.bg_fill = c.selection;
    v.selection.stroke = Stroke::new(s.focus_width, c.focus);
    v.window_stroke = Stroke::new(s.border_width * 2.0, c.border);
    v.widgets.noninteractive.bg_stroke = Stroke::new(s.border_width, c.border);
    v.widgets.noninteractive.fg_stroke.color = c.text;
    v.widgets.inactive.bg_stroke = Stroke::new(s.border_width, c.border);
    v.widgets.inactive.fg_stroke.color = c.text;
    v.widgets.hovered.bg_stroke = Stroke::new(s.border_width * 2.0, c.accent);
    v.widgets.hovered.fg_stroke.color = c.text;
    // egui draws a focused widget with the `active` look: that is the focus ring keyboard users follow.
    v.widgets.active.bg_stroke = Stroke::new(s.focus_width, c.focus);
    v.widgets.active.fg_stroke.color = c.text;
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.corner_radius = egui::CornerRadius::same(s.radius_small as u8);
    }
    if tokens.theme == Theme::HighContrast {
        for w in [
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.bg_fill = c.background;
            w.weak_bg_fill = c.background;
            w.bg_stroke.width = w.bg_stroke.width.max(2.0);
        }
        v.widgets.inactive.bg_stroke.color = c.border;
        v.widgets.hovered.bg_stroke.color = c.accent;
        v.widgets.hovered.fg_stroke.color = c.accent;
    }
    v
}

/// Applies the theme, the large base text sizes and the text-size setting.
pub fn apply(ctx: &egui::Context, theme: Theme, text_size_percent: u16) {
    let tokens = Tokens::of(theme);
    let visuals = visuals(tokens);
    let s = tokens.sizes;
    ctx.data_mut(|d| d.insert_temp(theme_id(), theme));
    ctx.all_styles_mut(|style| {
        style.visuals = visuals.clone();
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(s.text_small)),
            (TextStyle::Body, FontId::proportional(s.text_body)),
            (TextStyle::Button, FontId::proportional(s.text_body)),
            (TextStyle::Monospace, FontId::monospace(s.text_small + 1.0)),
            (TextStyle::Heading, FontId::new(s.text_h1, bold_family())),
            (h2(), FontId::new(s.text_h2, bold_family())),
            (h3(), FontId::new(s.text_h3, bold_family())),
        ]
        .into();
        style.spacing.button_padding = egui::vec2(14.0, 8.0);
        style.spacing.item_spacing = egui::vec2(s.gap, s.gap - 1.0);
        style.spacing.interact_size.y = 34.0;
        // Radio buttons and checkboxes big enough to hit and to see from a training room's back row.
        style.spacing.icon_width = s.text_body * 1.1;
        style.spacing.icon_width_inner = s.text_body * 0.55;
        style.spacing.icon_spacing = s.gap * 0.8;
        style.spacing.scroll.bar_width = 14.0;
        style.url_in_tooltip = true;
    });
    ctx.set_zoom_factor(f32::from(text_size_percent) / 100.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: Color32) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Every text colour reads at WCAG AA (4.5:1) on the backgrounds it is drawn on, in every theme.
    #[test]
    fn text_colours_meet_wcag_aa_in_every_theme() {
        for tokens in [&LIGHT, &DARK, &HIGH_CONTRAST] {
            let c = &tokens.colors;
            for (name, fg, bg) in [
                ("text", c.text, c.background),
                ("text on surface", c.text, c.surface),
                ("muted", c.muted, c.background),
                ("muted on surface", c.muted, c.surface),
                ("button text", c.on_accent, c.accent),
                ("good", c.good, c.background),
                ("bad", c.bad, c.background),
                ("warn", c.warn, c.background),
                ("info", c.info, c.background),
                ("link", c.link, c.background),
                ("note text", c.text, c.note_fill),
                ("portal band", c.portal_band_text, c.portal_band),
            ] {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{:?}: {name} is {ratio:.2}:1", tokens.theme);
            }
            assert!(
                contrast(c.focus, c.background) >= 3.0,
                "{:?}: focus ring",
                tokens.theme
            );
        }
    }
}
