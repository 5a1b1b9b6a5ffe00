//! Diagrams: SVG parsed and rasterised with resvg, with text set in the embedded Noto Sans so diagrams
//! look the same on every PC (old Windows machines have no Vietnamese-capable system fonts we can count on).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::assets;

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(assets::FONT_REGULAR.to_vec());
        db.load_font_data(assets::FONT_BOLD.to_vec());
        db.set_sans_serif_family("Noto Sans");
        usvg::Options {
            font_family: "Noto Sans".to_owned(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        }
    })
}

/// Parses an SVG document.
///
/// # Errors
/// The parser's message when the document is not valid SVG.
pub fn parse(data: &[u8]) -> Result<usvg::Tree, String> {
    usvg::Tree::from_data(data, options()).map_err(|e| e.to_string())
}

/// The natural size of a diagram in SVG units.
#[must_use]
pub fn natural_size(tree: &usvg::Tree) -> (f32, f32) {
    let s = tree.size();
    (s.width(), s.height())
}

/// Rasterises at `width_px` pixels wide (height keeps the aspect ratio) into premultiplied RGBA.
/// Returns `(width, height, pixels)`, or `None` for a zero-sized result.
#[must_use]
pub fn render(tree: &usvg::Tree, width_px: u32) -> Option<(u32, u32, Vec<u8>)> {
    let (w, h) = natural_size(tree);
    if w <= 0.0 || h <= 0.0 || width_px == 0 {
        return None;
    }
    let scale = width_px as f32 / w;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let height_px = (h * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height_px)?;
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Some((width_px, height_px, pixmap.take()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_vietnamese_text_with_embedded_font() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200" height="50">
            <rect width="200" height="50" fill="white"/>
            <text x="10" y="35" font-family="Noto Sans" font-size="24" fill="black">Chốt số liệu</text></svg>"#;
        let tree = parse(svg.as_bytes()).unwrap();
        let (w, h, px) = render(&tree, 400).unwrap();
        assert_eq!((w, h), (400, 100));
        // Text was drawn: some pixels are dark.
        assert!(px.chunks(4).any(|p| p[0] < 100 && p[3] > 200));
    }

    #[test]
    fn rejects_broken_svg() {
        assert!(parse(b"<svg").is_err());
    }
}
