//! Vietnamese text helpers: NFC normalisation of what people type, and the search key that ignores
//! diacritics and case ("nguyen van an" finds "Nguyễn Văn An").

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Longest name, unit or position, in characters: what the forms accept, and what an imported profile
/// is cut to (a 40,000-character name broke the XLSX export and overflowed its certificate).
pub const MAX_FIELD: usize = 100;

/// Trimmed, inner runs of spaces collapsed, control characters (NUL, ESC, …) dropped, NFC.
#[must_use]
pub fn clean(input: &str) -> String {
    input
        .split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// A profile field from a file: [`clean`], then cut to [`MAX_FIELD`] characters. The forms refuse an
/// overlong field instead; a file cannot be asked to retype it.
#[must_use]
pub fn field(input: &str) -> String {
    let cleaned = clean(input);
    match cleaned.char_indices().nth(MAX_FIELD) {
        Some((cut, _)) => cleaned[..cut].trim_end().to_owned(),
        None => cleaned,
    }
}

/// The search key: no diacritics (đ counts as d), lower case, single spaces.
#[must_use]
pub fn search_key(input: &str) -> String {
    clean(input)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `haystack` contains `query`, ignoring diacritics and case.
#[must_use]
pub fn matches(haystack: &str, query: &str) -> bool {
    search_key(haystack).contains(&search_key(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_diacritics_and_case() {
        assert!(matches("Nguyễn Văn An", "nguyen van an"));
        assert!(matches("Đỗ Thị Lan", "do thi"));
        assert!(matches("Phường Nam Định", "NAM DINH"));
        assert!(!matches("Nguyễn Văn An", "nguyen van anh"));
        // NFD input behaves like NFC.
        assert!(matches("Nguye\u{302}\u{303}n", "nguyễn"));
    }

    #[test]
    fn clean_trims_collapses_and_normalises() {
        assert_eq!(clean("  Nguye\u{302}\u{303}n   Văn  An "), "Nguyễn Văn An");
        assert_eq!(clean("Lò\u{0}Văn\u{1b}[31m Páo\t\nA"), "LòVăn[31m Páo A");
    }

    #[test]
    fn a_field_is_cut_to_the_limit_on_a_character_boundary() {
        let long = "Nguyễn ".repeat(10_000);
        let cut = field(&long);
        assert!(cut.chars().count() <= MAX_FIELD);
        assert!(cut.starts_with("Nguyễn Nguyễn"));
        assert!(!cut.ends_with(' '));
        assert_eq!(field("Đỗ Thị Lan"), "Đỗ Thị Lan");
    }
}
