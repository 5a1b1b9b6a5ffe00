//! What a pack's text may not hold beyond the content rules: SVG that runs or fetches anything, and
//! Markdown that would open anything.
//!
//! **SVG.** resvg draws neither scripts nor external images, but a pack is judged by what it holds, not
//! by what today's renderer ignores: a `<script>`, an `on…=` event handler, a `<foreignObject>`, an
//! `href` (plain or `xlink:`) or `url(…)` to anything but `#` inside the same drawing, `@import`, a
//! stylesheet instruction, or a `<!DOCTYPE`/`<!ENTITY` declaration (entity expansion, external
//! entities) refuses the pack. The scan is on the text, ASCII case ignored, so it also refuses these
//! words where an XML parser would see only text; a diagram does not need them.
//!
//! **Markdown.** Links are shown, never opened (ARCHITECTURE: "Own Markdown renderer"), but a pack must
//! not carry targets that another reader could open: a link is allowed only to a plain `https://` address
//! (shown as text), an image only to a file of the same module (no `:`, no leading `/`), and raw HTML is
//! refused.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// What in an SVG document is refused, if anything.
#[must_use]
pub fn svg_problem(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for word in [
        "<!doctype",
        "<!entity",
        "<script",
        "<foreignobject",
        "@import",
        "<?xml-stylesheet",
        "javascript:",
    ] {
        if lower.contains(word) {
            return Some(word.to_owned());
        }
    }
    if let Some(handler) = event_handler(&lower) {
        return Some(handler);
    }
    for (start, _) in lower.match_indices("href") {
        let rest = lower[start + 4..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start().trim_start_matches(['"', '\'']).trim_start();
            if !value.starts_with('#') {
                return Some(format!("href={}", value.chars().take(40).collect::<String>()));
            }
        }
    }
    for (start, _) in lower.match_indices("url(") {
        let value = lower[start + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !value.starts_with('#') {
            return Some(format!("url({}", value.chars().take(40).collect::<String>()));
        }
    }
    None
}

/// An attribute `on…=` after a space: an event handler.
fn event_handler(lower: &str) -> Option<String> {
    let bytes = lower.as_bytes();
    for (at, _) in lower.match_indices("on") {
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let name_end = bytes[at + 2..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .map_or(bytes.len(), |p| at + 2 + p);
        if name_end == at + 2 {
            continue;
        }
        if lower[name_end..].trim_start().starts_with('=') {
            return Some(lower[at..name_end].to_owned());
        }
    }
    None
}

/// The first link, image or HTML in a lesson that could open something, if any.
#[must_use]
pub fn markdown_problem(text: &str) -> Option<String> {
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let ok = dest_url.strip_prefix("https://").is_some_and(|rest| {
                    !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
                });
                if !ok {
                    return Some(dest_url.into_string());
                }
            }
            Event::Start(Tag::Image { dest_url, .. })
                if dest_url.contains(':') || dest_url.starts_with('/') || dest_url.contains('\\') =>
            {
                return Some(dest_url.into_string());
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                return Some(html.chars().take(40).collect());
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_diagrams_pass() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><marker id="m"/></defs>
            <line marker-end="url(#m)"/><use xlink:href="#m"/><text>Chốt số liệu</text></svg>"##;
        assert_eq!(svg_problem(svg), None);
    }

    #[test]
    fn dangerous_diagrams_are_named() {
        for (svg, what) in [
            ("<svg><script>alert(1)</script></svg>", "<script"),
            ("<svg><rect onload='x()'/></svg>", "onload"),
            ("<svg><rect\tONCLICK = \"x()\"/></svg>", "onclick"),
            ("<svg><image href=\"http://x/a.png\"/></svg>", "href=http"),
            (
                "<svg><image xlink:href = 'file:///etc/passwd'/></svg>",
                "href=file",
            ),
            ("<svg><rect fill=\"url(http://x/#a)\"/></svg>", "url(http"),
            ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>", "<!doctype"),
            ("<svg><foreignObject/></svg>", "<foreignobject"),
            ("<svg><style>@import 'x.css';</style></svg>", "@import"),
        ] {
            let got = svg_problem(svg).unwrap_or_default();
            assert!(got.starts_with(what), "{svg}: {got}");
        }
    }

    #[test]
    fn only_plain_https_links_pass() {
        assert_eq!(
            markdown_problem("Xem [Cổng](https://dichvucong.gov.vn) và ![a](so-do.svg)."),
            None
        );
        for md in [
            "[x](http://a.vn)",
            "[x](file:///C:/a.exe)",
            "[x](javascript:alert(1))",
            "<http://a.vn>",
            "[x](mailto:a@b.vn)",
            "<b>đậm</b>",
            "![a](http://a.vn/x.svg)",
            "![a](/etc/x.svg)",
            "[x](tai-lieu.md)",
        ] {
            assert!(markdown_problem(md).is_some(), "{md}");
        }
    }
}
