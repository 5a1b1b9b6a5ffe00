//! Vietnamese text helpers: NFC normalisation of what people type, and the search key that ignores
//! diacritics and case ("nguyen van an" finds "Nguyễn Văn An").

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Trimmed, inner runs of spaces collapsed, NFC.
#[must_use]
pub fn clean(input: &str) -> String {
    input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
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
    }
}
