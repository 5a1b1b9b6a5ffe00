//! Text as the app keeps and compares it, in one place: Unicode NFC (what is stored, exported and
//! checked in lessons), cleaning what people type or files bring (trimming, single spaces, no control
//! characters, a length cut), case folding for comparing answers, and the search key that ignores
//! diacritics and case ("nguyen van an" finds "Nguyễn Văn An").
//!
//! Vietnamese can be typed or pasted in two forms (NFC "ễ", or NFD "e" + two combining marks); they look
//! the same but compare, sort and search differently, so everything goes through [`nfc`] before it is
//! kept or compared.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Longest name, unit or position, in characters: what the forms accept, and what an imported profile
/// is cut to (a 40,000-character name broke the XLSX export and overflowed its certificate).
pub const MAX_FIELD: usize = 100;

/// Whether `s` is already NFC.
#[must_use]
pub fn is_nfc(s: &str) -> bool {
    s.is_ascii() || unicode_normalization::is_nfc(s)
}

/// `s` in NFC, borrowed when it already is (nearly always: ids are ASCII, and typed text is NFC).
#[must_use]
pub fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// [`nfc`] of an owned string, which is returned as it is when already NFC.
#[must_use]
pub fn into_nfc(s: String) -> String {
    if is_nfc(&s) { s } else { s.nfc().collect() }
}

/// Every string in a JSON value, object keys included, made NFC in place: fields this version does not
/// know are kept, and must be as comparable as the known ones.
pub fn nfc_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if !is_nfc(s) {
                *s = s.nfc().collect();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(nfc_json),
        Value::Object(map) => {
            if map.keys().any(|k| !is_nfc(k)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (into_nfc(k), v))
                    .collect();
            }
            map.values_mut().for_each(nfc_json);
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Trimmed, inner runs of white space (tabs and line breaks too) made one space, control characters
/// (NUL, ESC, …) dropped, NFC.
#[must_use]
pub fn clean(input: &str) -> String {
    let joined = input
        .split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    into_nfc(joined)
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

/// [`clean`] and lower case, diacritics kept: how typed answers and labels are compared ("phạm gia
/// bảo" is the name "Phạm Gia Bảo", "Pham Gia Bao" is not).
#[must_use]
pub fn fold(input: &str) -> String {
    // Lowering can leave a string that is not NFC (e.g. U+0130 becomes i + a combining dot).
    into_nfc(clean(input).to_lowercase())
}

/// The text without diacritics, case kept (đ as d, Đ as D): "Phạm Gia Bảo" → "Pham Gia Bao".
#[must_use]
pub fn without_diacritics(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// The search key: [`clean`], no diacritics (đ counts as d), lower case.
#[must_use]
pub fn search_key(input: &str) -> String {
    without_diacritics(&clean(input)).to_lowercase()
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
        // Spaces typed twice or around the query do not matter.
        assert!(matches("Nguyễn Văn An", "  van   an "));
        assert_eq!(search_key("  ĐẶNG  Thị\tĐào "), "dang thi dao");
        assert!(matches("anything", ""), "an empty query matches everything");
    }

    #[test]
    fn clean_trims_collapses_and_normalises() {
        assert_eq!(clean("  Nguye\u{302}\u{303}n   Văn  An "), "Nguyễn Văn An");
        assert_eq!(clean("Lò\u{0}Văn\u{1b}[31m Páo\t\nA"), "LòVăn[31m Páo A");
        assert_eq!(clean(" \u{0} \t "), "");
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

    #[test]
    fn nfc_borrows_what_is_already_nfc() {
        assert!(matches!(nfc("Nguyễn"), Cow::Borrowed(_)));
        assert!(matches!(nfc("bao-cao"), Cow::Borrowed(_)));
        let nfd = "Nguye\u{302}\u{303}n";
        assert!(!is_nfc(nfd));
        assert_eq!(nfc(nfd), "Nguyễn");
        assert_eq!(into_nfc(nfd.to_owned()), "Nguyễn");
        // Normalisation is not cleaning: spaces and control characters stay.
        assert_eq!(nfc(" a\u{0} "), " a\u{0} ");
    }

    #[test]
    fn json_strings_and_keys_become_nfc() {
        let nfd = "Nguye\u{302}\u{303}n";
        let mut v = serde_json::json!({ nfd: [nfd, 1, { "k": nfd }], "n": null });
        nfc_json(&mut v);
        assert_eq!(
            v,
            serde_json::json!({ "Nguyễn": ["Nguyễn", 1, { "k": "Nguyễn" }], "n": null })
        );
    }

    #[test]
    fn fold_ignores_case_and_spaces_but_not_diacritics() {
        assert_eq!(fold("  PHẠM  Gia\tBảo "), "phạm gia bảo");
        assert_eq!(fold("Pha\u{323}m"), "phạm");
        assert_ne!(fold("Phạm Gia Bão"), fold("Phạm Gia Bảo"));
        assert_eq!(without_diacritics("Đỗ Thị Lan"), "Do Thi Lan");
        assert_eq!(
            without_diacritics("Phạm Gia Bão"),
            without_diacritics("Phạm Gia Bảo")
        );
    }
}
