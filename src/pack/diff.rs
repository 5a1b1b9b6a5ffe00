//! "What changes" before a pack is installed: per module of the pack, whether it is new, an update
//! (from which version to which, with lessons changed, added and removed and questions new, changed and
//! removed), or not newer than what is shown now (then it is not used).

use std::collections::HashMap;

use super::verify::Pack;
use crate::content::{Catalog, Module};

/// What installing a pack does to one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleChange {
    /// A module this PC does not have.
    Added { title: String, version: u32 },
    /// A newer version of a module shown now.
    Updated {
        title: String,
        from: u32,
        to: u32,
        counts: Counts,
    },
    /// The pack's version is not higher than the one shown now: the pack's copy is not used.
    NotNewer { title: String, have: u32, pack: u32 },
}

/// How many lessons and questions an update changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub lessons_changed: usize,
    pub lessons_added: usize,
    pub lessons_removed: usize,
    pub questions_changed: usize,
    pub questions_added: usize,
    pub questions_removed: usize,
}

/// What installing `pack` changes in `current` (the catalog shown now).
#[must_use]
pub fn changes(current: &Catalog, pack: &Pack) -> Vec<ModuleChange> {
    pack.catalog
        .modules
        .iter()
        .map(|new| match current.module(new.id()) {
            None => ModuleChange::Added {
                title: new.meta.title.clone(),
                version: new.meta.version,
            },
            Some(old) if old.meta.version >= new.meta.version => ModuleChange::NotNewer {
                title: old.meta.title.clone(),
                have: old.meta.version,
                pack: new.meta.version,
            },
            Some(old) => ModuleChange::Updated {
                title: new.meta.title.clone(),
                from: old.meta.version,
                to: new.meta.version,
                counts: counts(old, new),
            },
        })
        .collect()
}

/// Lessons compare by id, then title and text; questions by id, then everything they hold.
fn counts(old: &Module, new: &Module) -> Counts {
    let old_lessons: HashMap<&str, _> = old.lessons.iter().map(|l| (l.meta.id.as_str(), l)).collect();
    let new_lessons: HashMap<&str, _> = new.lessons.iter().map(|l| (l.meta.id.as_str(), l)).collect();
    let old_questions: HashMap<&str, _> = old.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let new_questions: HashMap<&str, _> = new.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let mut c = Counts::default();
    for (id, l) in &new_lessons {
        match old_lessons.get(id) {
            None => c.lessons_added += 1,
            Some(o) if o.meta.title != l.meta.title || o.blocks != l.blocks => c.lessons_changed += 1,
            Some(_) => {}
        }
    }
    c.lessons_removed = old_lessons
        .keys()
        .filter(|id| !new_lessons.contains_key(*id))
        .count();
    for (id, q) in &new_questions {
        match old_questions.get(id) {
            None => c.questions_added += 1,
            Some(o) if o != q => c.questions_changed += 1,
            Some(_) => {}
        }
    }
    c.questions_removed = old_questions
        .keys()
        .filter(|id| !new_questions.contains_key(*id))
        .count();
    c
}
