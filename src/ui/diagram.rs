//! SVG pictures on screen: lesson diagrams and module icons. Each SVG is parsed once and rasterised at the
//! pixel width it is shown at (rounded to a step, so resizing the window does not redraw it every frame),
//! then kept as a texture. The cache lives in egui's memory: it belongs to the view, like a font atlas,
//! so screens draw pictures without owning or passing a cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use resvg::usvg;

use crate::content::{Catalog, Module, svg};
use crate::ui::UiExt;

/// Rasterise at multiples of this many pixels.
const WIDTH_STEP: u32 = 64;

/// Parsed pictures and their textures.
#[derive(Default)]
struct Cache {
    trees: HashMap<String, Option<usvg::Tree>>,
    textures: HashMap<(String, u32), egui::TextureHandle>,
}

type Shared = Arc<Mutex<Cache>>;

fn cache(ctx: &egui::Context) -> Shared {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(egui::Id::unique("svg-cache"), Shared::default)
            .clone()
    })
}

impl Cache {
    /// The texture of picture `key` (its bytes in `data`) at `px` pixels wide, and its natural size.
    fn texture(&mut self, ctx: &egui::Context, key: &str, data: &[u8], px: u32) -> Option<egui::TextureId> {
        let cache_key = (key.to_owned(), px);
        if let Some(texture) = self.textures.get(&cache_key) {
            return Some(texture.id());
        }
        let tree = self.tree(key, data)?;
        let (pw, ph, pixels) = svg::render(tree, px)?;
        let image = egui::ColorImage::from_rgba_premultiplied([pw as usize, ph as usize], &pixels);
        let handle = ctx.load_texture(format!("{key}@{px}"), image, egui::TextureOptions::LINEAR);
        let id = handle.id();
        self.textures.retain(|(k, _), _| k != key);
        self.textures.insert(cache_key, handle);
        Some(id)
    }

    fn tree(&mut self, key: &str, data: &[u8]) -> Option<&usvg::Tree> {
        self.trees
            .entry(key.to_owned())
            .or_insert_with(|| match svg::parse(data) {
                Ok(t) => Some(t),
                Err(e) => {
                    log::error!("picture {key}: {e}");
                    None
                }
            })
            .as_ref()
    }
}

/// The pixel width to rasterise at for `points` on this screen.
fn pixels(ui: &egui::Ui, points: f32) -> u32 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = (points * ui.ctx().pixels_per_point()) as u32;
    px.div_ceil(WIDTH_STEP).max(1) * WIDTH_STEP
}

/// Draws the diagram `key` (its bytes in `data`) at most the column's width, with `alt` for screen
/// readers. Returns `false` if it cannot be drawn.
pub fn show(ui: &mut egui::Ui, key: &str, data: &[u8], alt: &str) -> bool {
    show_sized(ui, key, data, alt, Fit::Column)
}

/// How large a diagram is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// A little larger than its natural size at most, never wider than the column (the lesson reader).
    Column,
    /// As wide as the column, but no taller than this many points (a projected slide: the whole diagram
    /// on the screen at once).
    Wide { max_height: f32 },
}

/// Draws the diagram `key` as `fit` says. Returns `false` if it cannot be drawn.
pub fn show_sized(ui: &mut egui::Ui, key: &str, data: &[u8], alt: &str, fit: Fit) -> bool {
    let shared = cache(ui.ctx());
    let Ok(mut cache) = shared.lock() else {
        return false;
    };
    let Some((w, h)) = cache.tree(key, data).map(svg::natural_size) else {
        return false;
    };
    let shown_w = match fit {
        Fit::Column => ui.available_width().min(w * 1.2),
        Fit::Wide { max_height } => ui.available_width().min(max_height.max(1.0) * w / h),
    };
    let Some(texture) = cache.texture(ui.ctx(), key, data, pixels(ui, shown_w)) else {
        return false;
    };
    let image = egui::Image::new((texture, egui::vec2(shown_w, shown_w * h / w))).alt_text(alt);
    match fit {
        Fit::Column => ui.add(image),
        // On a slide, a diagram narrower than the screen stands in the middle.
        Fit::Wide { .. } => ui.vertical_centered(|ui| ui.add(image)).inner,
    };
    true
}

/// A module's icon, a square of the theme's icon size; a plain disc in the accent colour when the
/// module has none (or it cannot be drawn), so cards line up either way.
pub fn icon(ui: &mut egui::Ui, catalog: &Catalog, module: &Module) {
    let size = ui.tokens().sizes.icon;
    let picture = module.meta.icon.as_ref().and_then(|src| {
        let key = format!("{}/{src}", module.dir);
        let data = catalog.images.get(&key)?.clone();
        let shared = cache(ui.ctx());
        let mut cache = shared.lock().ok()?;
        cache.texture(ui.ctx(), &key, &data, pixels(ui, size))
    });
    match picture {
        Some(texture) => {
            ui.add(egui::Image::new((texture, egui::vec2(size, size))));
        }
        None => {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), size * 0.4, ui.tokens().colors.accent);
        }
    }
}
