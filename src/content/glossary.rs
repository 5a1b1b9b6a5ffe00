//! One meaning per glossary term across the whole catalog. The glossary panel shows every module's terms
//! together, so a term that two modules (or one module twice) explain differently would give the learner
//! two answers to one question; `check-content` rejects it.

use super::model::GlossaryEntry;

/// A glossary entry with the file and line where its `"term"` is written.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub path: String,
    pub line: usize,
    pub term: String,
    pub definition: String,
}

/// The entries of one `glossary.json`, each with the line of its `"term"` key. The k-th `"term"` key in
/// the text belongs to the k-th entry: inside a JSON string a quote is always escaped, so the key cannot
/// appear in a definition.
pub(crate) fn locate(path: &str, text: &str, entries: &[GlossaryEntry]) -> Vec<Located> {
    let mut lines = text
        .lines()
        .enumerate()
        .flat_map(|(i, l)| std::iter::repeat_n(i + 1, l.matches("\"term\"").count()));
    entries
        .iter()
        .map(|e| Located {
            path: path.to_owned(),
            line: lines.next().unwrap_or(1),
            term: e.term.clone(),
            definition: e.definition.clone(),
        })
        .collect()
}

/// The key two terms are compared by: NFC, case and spacing ignored, diacritics kept ("Mã" and "Ma" are
/// different Vietnamese words).
fn term_key(term: &str) -> String {
    crate::text::fold(term)
}

/// Pairs `(later, first)` of indexes into `entries`: `later` defines the same term as the earlier entry
/// `first` with a different definition (compared after NFC and spacing clean-up).
pub(crate) fn conflicts(entries: &[Located]) -> Vec<(usize, usize)> {
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match first_of.get(&term_key(&e.term)) {
            Some(&first)
                if crate::text::clean(&entries[first].definition) != crate::text::clean(&e.definition) =>
            {
                out.push((i, first));
            }
            Some(_) => {}
            None => {
                first_of.insert(term_key(&e.term), i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, definition: &str) -> GlossaryEntry {
        GlossaryEntry {
            term: term.to_owned(),
            definition: definition.to_owned(),
        }
    }

    #[test]
    fn the_kth_term_key_gives_the_kth_line() {
        let text = "[\n  { \"term\": \"A\", \"definition\": \"x\" },\n\n  { \"term\": \"B\",\n    \"definition\": \"y\" }\n]\n";
        let located = locate("g.json", text, &[entry("A", "x"), entry("B", "y")]);
        assert_eq!(located.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn same_term_in_other_case_with_another_meaning_conflicts() {
        let entries = [
            Located {
                path: "a".into(),
                line: 1,
                term: "Mã OTP".into(),
                definition: "Mã một lần.".into(),
            },
            Located {
                path: "b".into(),
                line: 2,
                term: "mã  otp".into(),
                definition: "Mã ngân hàng.".into(),
            },
            Located {
                path: "c".into(),
                line: 3,
                term: "Ma OTP".into(),
                definition: "Khác.".into(),
            },
            Located {
                path: "d".into(),
                line: 4,
                term: "MÃ OTP".into(),
                definition: " Mã một lần. ".into(),
            },
        ];
        assert_eq!(conflicts(&entries), [(1, 0)]);
    }
}
