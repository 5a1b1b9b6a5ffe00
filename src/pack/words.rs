//! Refusals and "what changes" in the interface language, for the command line and the trainer's page.

use super::diff::{Counts, ModuleChange};
use super::refusal::Refusal;
use crate::i18n::I18n;

/// Why a pack is refused, as a sentence.
#[must_use]
pub fn refusal(t: &I18n, why: &Refusal) -> String {
    match why {
        Refusal::Unreadable => t.pack_why_unreadable(),
        Refusal::NotZip => t.pack_why_not_zip(),
        Refusal::TooManyFiles(n) => t.pack_why_too_many(*n),
        Refusal::TooLarge => t.pack_why_too_large(),
        Refusal::Ratio(f) => t.pack_why_ratio(f.clone()),
        Refusal::BadPath(f) => t.pack_why_bad_path(f.clone()),
        Refusal::Link(f) => t.pack_why_link(f.clone()),
        Refusal::Duplicate(f) => t.pack_why_duplicate(f.clone()),
        Refusal::BadEntry(f) => t.pack_why_bad_entry(f.clone()),
        Refusal::FileType(f) => t.pack_why_file_type(f.clone()),
        Refusal::Missing(f) => t.pack_why_missing(*f),
        Refusal::BadKey => t.pack_why_bad_key(),
        Refusal::BadSignature => t.pack_why_bad_signature(),
        Refusal::Untrusted {
            fingerprint,
            publisher,
        } => t.pack_why_untrusted(fingerprint.clone(), publisher.clone()),
        Refusal::Manifest(d) => t.pack_why_manifest(d.clone()),
        Refusal::HashMismatch(f) => t.pack_why_hash(f.clone()),
        Refusal::Unlisted(f) => t.pack_why_unlisted(f.clone()),
        Refusal::ListedMissing(f) => t.pack_why_listed_missing(f.clone()),
        Refusal::NotUtf8(f) => t.pack_why_not_utf8(f.clone()),
        Refusal::NotNfc(f) => t.pack_why_not_nfc(f.clone()),
        Refusal::UnsafeSvg { file, what } => t.pack_why_unsafe_svg(file.clone(), what.clone()),
        Refusal::UnsafeLink { file, target } => t.pack_why_unsafe_link(file.clone(), target.clone()),
        Refusal::ModulesMismatch(found) => t.pack_why_modules(found.clone()),
        Refusal::Content(issues) => t.pack_why_content(issues.len()),
    }
}

/// One line of "what changes".
#[must_use]
pub fn change(t: &I18n, change: &ModuleChange) -> String {
    match change {
        ModuleChange::Added { title, version } => t.pack_change_added(title.clone(), *version),
        ModuleChange::Updated {
            title,
            from,
            to,
            counts,
        } => t.pack_change_updated(details(t, counts), *from, title.clone(), *to),
        ModuleChange::NotNewer { title, have, pack } => t.pack_change_not_newer(*have, *pack, title.clone()),
    }
}

fn details(t: &I18n, c: &Counts) -> String {
    let parts: Vec<String> = [
        (c.lessons_changed, t.pack_count_lessons_changed(c.lessons_changed)),
        (c.lessons_added, t.pack_count_lessons_added(c.lessons_added)),
        (c.lessons_removed, t.pack_count_lessons_removed(c.lessons_removed)),
        (
            c.questions_changed,
            t.pack_count_questions_changed(c.questions_changed),
        ),
        (c.questions_added, t.pack_count_questions_added(c.questions_added)),
        (
            c.questions_removed,
            t.pack_count_questions_removed(c.questions_removed),
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(_, s)| s)
    .collect();
    if parts.is_empty() {
        t.pack_count_none()
    } else {
        parts.join(", ")
    }
}

/// `YYYY-MM-DD` as the interface writes dates (dd/mm/yyyy), or as it is when it is not a date.
#[must_use]
pub fn date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_owned(), |d| d.format("%d/%m/%Y").to_string())
}
