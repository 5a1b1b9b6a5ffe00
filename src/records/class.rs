//! Training classes (lớp tập huấn) in the fold: what `class_created`, `class_updated`, `class_joined` and
//! `class_left` events say once folded (design "Version 1 extensions").
//!
//! - A class's fields: each field is what the latest event setting it says. The facts come sorted by
//!   `(at, creation first, id)`, so two PCs renaming a class in the same millisecond end with the rename
//!   whose event id sorts last, on every PC, whatever the import order.
//! - Members: for each learner, their latest `class_joined` or `class_left` for the class. Events of a
//!   profile merged into another count for that other; deleted learners are not listed.
//! - A class id that no `class_created` on this PC names (a join imported before the class, or a file
//!   whose creation was lost) is still listed, with its members: its name is empty and
//!   [`Class::created_at`] is `None`, and the screens and reports call it "a class without a name".
//!   Nothing is dropped, and importing the creation later fills it in.
//!
//! Class text is cleaned as profile text is ([`text::field`]); a date that is not `YYYY-MM-DD` is
//! ignored (the field keeps its earlier value), and an empty `unit`, `ends` or `trainer` in an update
//! clears it.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::fact::{ClassText, Fact, FactKind};
use super::progress::Learner;
use crate::text;

type Time = DateTime<FixedOffset>;

/// A training class as the events describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub id: Uuid,
    /// Empty when no event on this PC named the class.
    pub name: String,
    /// The xã/phường.
    pub unit: String,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub trainer: String,
    /// The time of its first `class_created`; `None` when that event is not on this PC.
    pub created_at: Option<Time>,
    /// Visible learners in the class now, in the roster's order (oldest profile first).
    pub members: Vec<Uuid>,
}

impl Class {
    /// Whether a `class_created` for it is on this PC.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.created_at.is_some()
    }
}

/// `YYYY-MM-DD`, the only date form the records use.
#[must_use]
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A date as the records write it.
#[must_use]
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// What a class fact did to the fold.
pub(super) enum Applied {
    /// Not a class fact.
    No,
    /// About a class only (created, updated): not a learner's activity.
    Class,
    /// A learner joined or left: their activity.
    Member,
}

#[derive(Default)]
struct Draft {
    name: String,
    unit: String,
    starts: Option<NaiveDate>,
    ends: Option<NaiveDate>,
    trainer: String,
    created_at: Option<Time>,
}

/// The classes while folding (facts come in fold order).
#[derive(Default)]
pub(super) struct ClassFold {
    drafts: HashMap<Uuid, Draft>,
    /// `(class, learner after merges)` → a member now.
    member: HashMap<(Uuid, Uuid), bool>,
}

impl ClassFold {
    /// Takes `fact` in, if it is about classes; `owner` is the learner its events count for.
    pub(super) fn apply(&mut self, fact: &Fact, owner: Uuid) -> Applied {
        match &fact.kind {
            FactKind::ClassCreated(new) => {
                let draft = self.drafts.entry(new.class).or_default();
                draft.created_at.get_or_insert(fact.at);
                set_fields(draft, new);
                Applied::Class
            }
            FactKind::ClassUpdated(new) => {
                set_fields(self.drafts.entry(new.class).or_default(), new);
                Applied::Class
            }
            FactKind::ClassJoined { class } | FactKind::ClassLeft { class } => {
                self.drafts.entry(*class).or_default();
                let joined = matches!(fact.kind, FactKind::ClassJoined { .. });
                self.member.insert((*class, owner), joined);
                Applied::Member
            }
            _ => Applied::No,
        }
    }

    /// The classes, newest start first (classes without a start last), then by name and id.
    pub(super) fn finish(self, learners: &[Learner]) -> Vec<Class> {
        let order: HashMap<Uuid, usize> = learners.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
        let mut members: HashMap<Uuid, Vec<usize>> = HashMap::new();
        for ((class, learner), joined) in self.member {
            if let (true, Some(&index)) = (joined, order.get(&learner)) {
                members.entry(class).or_default().push(index);
            }
        }
        let mut classes: Vec<Class> = self
            .drafts
            .into_iter()
            .map(|(id, d)| {
                let mut indexes = members.remove(&id).unwrap_or_default();
                indexes.sort_unstable();
                Class {
                    id,
                    name: d.name,
                    unit: d.unit,
                    starts: d.starts,
                    ends: d.ends,
                    trainer: d.trainer,
                    created_at: d.created_at,
                    members: indexes.into_iter().map(|i| learners[i].id).collect(),
                }
            })
            .collect();
        classes.sort_by(|a, b| {
            (a.starts.is_none(), std::cmp::Reverse(a.starts), &a.name, a.id).cmp(&(
                b.starts.is_none(),
                std::cmp::Reverse(b.starts),
                &b.name,
                b.id,
            ))
        });
        classes
    }
}

fn set_fields(draft: &mut Draft, new: &ClassText) {
    if let Some(name) = new.name.as_deref().map(text::field).filter(|n| !n.is_empty()) {
        draft.name = name;
    }
    for (field, value) in [(&mut draft.unit, &new.unit), (&mut draft.trainer, &new.trainer)] {
        if let Some(value) = value {
            *field = text::field(value);
        }
    }
    if let Some(starts) = new.starts.as_deref().and_then(parse_date) {
        draft.starts = Some(starts);
    }
    match new.ends.as_deref() {
        Some(ends) if ends.trim().is_empty() => draft.ends = None,
        Some(ends) => {
            if let Some(ends) = parse_date(ends) {
                draft.ends = Some(ends);
            }
        }
        None => {}
    }
}
