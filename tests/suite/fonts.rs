//! Every character the app shows — lessons, diagrams, quiz banks, translations — has a glyph in the
//! embedded font, and that font is installed first, so no Vietnamese letter is ever drawn as a box.

use std::collections::BTreeSet;
use std::path::Path;

use egui::FontFamily;
use kynangso::{assets, ui::theme};

fn chars_in(dir: &Path, out: &mut BTreeSet<(char, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            chars_in(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            let name = path.display().to_string();
            for c in text.chars().filter(|c| !c.is_control() && !c.is_whitespace()) {
                out.insert((c, name.clone()));
            }
        }
    }
}

#[test]
fn every_character_in_lessons_and_translations_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    chars_in(&root.join("lessons"), &mut used);
    chars_in(&root.join("i18n"), &mut used);
    assert!(
        used.iter().any(|(c, _)| *c == 'ệ'),
        "the scan found no Vietnamese text"
    );
    for font in [assets::FONT_REGULAR, assets::FONT_BOLD] {
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        let missing: Vec<String> = used
            .iter()
            .filter(|(c, _)| face.glyph_index(*c).is_none())
            .map(|(c, file)| format!("U+{:04X} {c} in {file}", *c as u32))
            .collect();
        assert!(
            missing.is_empty(),
            "characters without a glyph:\n{}",
            missing.join("\n")
        );
    }
}

#[test]
fn the_vietnamese_block_is_covered() {
    let face = ttf_parser::Face::parse(assets::FONT_REGULAR, 0).unwrap();
    for c in '\u{1EA0}'..='\u{1EF9}' {
        assert!(face.glyph_index(c).is_some(), "U+{:04X}", c as u32);
    }
}

#[test]
fn embedded_font_is_first_for_proportional_and_monospace() {
    let fonts = theme::font_definitions();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        assert_eq!(fonts.families[&family][0], theme::FONT_REGULAR, "{family:?}");
    }
    assert_eq!(fonts.families[&theme::bold_family()][0], theme::FONT_BOLD);
}
