//! A list of names pasted into the class page (copied from an Excel column or a Word list): one name per
//! line, each cleaned ([`text::clean`]: trimmed, no control characters, NFC), empty lines skipped. Each
//! line is matched against the roster ignoring diacritics and case, so the screen can offer "the same
//! person" for a name that is already there instead of creating a second profile silently.

use uuid::Uuid;

use crate::learning::{LearnerError, NewLearner};
use crate::records::Progress;
use crate::text;

/// The most names one paste may hold: a class is 20–40 people; a whole commune's list still fits.
pub const MAX_LINES: usize = 2_000;

/// Why a paste was refused as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteError {
    /// No name in it.
    Empty,
    /// More than [`MAX_LINES`] names (`lines`: how many, counted up to a bound).
    TooMany { lines: usize },
}

/// One pasted name and what the roster knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedName {
    /// The line number in the paste, from 1 (for messages).
    pub line: usize,
    /// The name cleaned.
    pub name: String,
    /// The learners whose name is the same ignoring diacritics and case ("Nguyen van an" is
    /// "Nguyễn Văn An"), in roster order: the screen offers each as "the same person".
    pub same_name: Vec<Uuid>,
    /// The index in the list of an earlier line with the same name, if the paste repeats it.
    pub repeats: Option<usize>,
    /// The name cannot be a learner's as it is (too long): shown, not added.
    pub problem: Option<LearnerError>,
}

impl PastedName {
    /// The new learner this line would become, if it can.
    #[must_use]
    pub fn new_learner(&self, unit: &str) -> Option<NewLearner> {
        NewLearner::parse(&self.name, unit, "").ok()
    }
}

/// Reads a paste against the roster of `progress` (visible learners).
///
/// # Errors
/// [`PasteError`] when there is no name or more than [`MAX_LINES`].
pub fn read(pasted: &str, progress: &Progress) -> Result<Vec<PastedName>, PasteError> {
    // Counting stops a little past the limit: a 50 MB paste is not cleaned to say it is too long.
    let mut lines = Vec::new();
    for (index, raw) in pasted.lines().enumerate() {
        let name = text::clean(raw);
        if name.is_empty() {
            continue;
        }
        lines.push((index + 1, name));
        if lines.len() > MAX_LINES {
            let more = pasted
                .lines()
                .skip(index + 1)
                .take(100_000)
                .filter(|l| !l.trim().is_empty())
                .count();
            return Err(PasteError::TooMany {
                lines: lines.len() + more,
            });
        }
    }
    if lines.is_empty() {
        return Err(PasteError::Empty);
    }
    let roster: Vec<(String, Uuid)> = progress
        .learners()
        .iter()
        .map(|l| (text::search_key(&l.name), l.id))
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, name) in lines {
        let key = text::search_key(&name);
        let same_name = roster
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, id)| *id)
            .collect();
        let repeats = first.get(&key).copied();
        first.entry(key).or_insert(out.len());
        let problem = NewLearner::parse(&name, "", "").err();
        out.push(PastedName {
            line,
            name,
            same_name,
            repeats,
            problem,
        });
    }
    Ok(out)
}
