//! Diagram textures: each SVG is parsed once and rasterised at the pixel width it is shown at (rounded to
//! a step, so resizing the window does not redraw it every frame), then kept as a texture.

use std::collections::HashMap;

use resvg::usvg;

use crate::content::svg;

/// Rasterise at multiples of this many pixels.
const WIDTH_STEP: u32 = 64;

/// Parsed diagrams and their textures.
#[derive(Default)]
pub struct DiagramCache {
    trees: HashMap<String, Option<usvg::Tree>>,
    textures: HashMap<(String, u32), egui::TextureHandle>,
}

impl DiagramCache {
    /// Draws the diagram `key` (its bytes in `data`) at most `max_width` points wide.
    /// Returns `false` if it cannot be drawn.
    pub fn show(&mut self, ui: &mut egui::Ui, key: &str, data: &[u8], alt: &str) -> bool {
        let tree = self
            .trees
            .entry(key.to_owned())
            .or_insert_with(|| match svg::parse(data) {
                Ok(t) => Some(t),
                Err(e) => {
                    log::error!("diagram {key}: {e}");
                    None
                }
            });
        let Some(tree) = tree.as_ref() else {
            return false;
        };
        let (w, h) = svg::natural_size(tree);
        // A little larger than natural size is fine; never wider than the column.
        let shown_w = ui.available_width().min(w * 1.2);
        let ppp = ui.ctx().pixels_per_point();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let px = (((shown_w * ppp) as u32).div_ceil(WIDTH_STEP) * WIDTH_STEP).max(WIDTH_STEP);
        let cache_key = (key.to_owned(), px);
        if !self.textures.contains_key(&cache_key) {
            let Some((pw, ph, pixels)) = svg::render(tree, px) else {
                return false;
            };
            let image = egui::ColorImage::from_rgba_premultiplied([pw as usize, ph as usize], &pixels);
            let handle = ui
                .ctx()
                .load_texture(format!("{key}@{px}"), image, egui::TextureOptions::LINEAR);
            self.textures.retain(|(k, _), _| k != key);
            self.textures.insert(cache_key.clone(), handle);
        }
        let Some(texture) = self.textures.get(&cache_key) else {
            return false;
        };
        let size = egui::vec2(shown_w, shown_w * h / w);
        ui.add(egui::Image::new((texture.id(), size)).alt_text(alt));
        true
    }
}
