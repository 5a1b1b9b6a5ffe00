//! Learner merges: which profile a learner's events count for after `learner_merged` events.
//!
//! Merges are transitive (A into B, B into C: A's events count for C) and the result depends only on
//! the set of events, never on the order they arrived in, so every PC that holds the same events shows
//! the same roster. Two rules make that so:
//! - a learner merged more than once (on two PCs) follows its latest merge, by `(at, id)`;
//! - merges that form a cycle (A into B on one PC, B into A on another) drop the latest merge of the
//!   cycle, by `(at, id)`, so the profile that merge would have moved stays the one that remains.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::event::{Event, EventKind};
use super::fact::{Fact, FactKind};

/// The order key of a merge decision: later wins, the id breaks ties.
type Key = (DateTime<FixedOffset>, Uuid);

/// The resolved merges: learner id → the profile its events count for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merges {
    /// Only learners that were merged away; anyone else resolves to themselves.
    target: HashMap<Uuid, Uuid>,
}

impl Merges {
    /// Resolves the merges among `events`.
    #[must_use]
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Merges {
        Merges::resolve_all(events.into_iter().filter_map(|e| match e.kind {
            Some(EventKind::LearnerMerged { into }) => Some((e.learner, into, (e.at, e.id))),
            _ => None,
        }))
    }

    /// Resolves the merges among `facts`.
    #[must_use]
    pub fn from_facts<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> Merges {
        Merges::resolve_all(facts.into_iter().filter_map(|f| match f.kind {
            FactKind::Merged { into } => Some((f.learner, into, (f.at, f.id))),
            _ => None,
        }))
    }

    /// Resolves merges given as `(from, into, key)`.
    fn resolve_all(merges: impl Iterator<Item = (Uuid, Uuid, Key)>) -> Merges {
        let mut edges: HashMap<Uuid, (Uuid, Key)> = HashMap::new();
        for (from, into, key) in merges {
            if into == from {
                continue;
            }
            let entry = edges.entry(from).or_insert((into, key));
            if key > entry.1 {
                *entry = (into, key);
            }
        }
        while let Some(cycle) = find_cycle(&edges) {
            let latest = cycle
                .iter()
                .copied()
                .max_by_key(|from| edges.get(from).map(|(_, key)| *key));
            if let Some(from) = latest {
                edges.remove(&from);
            }
        }
        let mut target = HashMap::with_capacity(edges.len());
        for &from in edges.keys() {
            let mut to = from;
            // Acyclic now, so this ends; the bound is a guard against a bug, not a rule.
            for _ in 0..=edges.len() {
                match edges.get(&to) {
                    Some((next, _)) => to = *next,
                    None => break,
                }
            }
            target.insert(from, to);
        }
        Merges { target }
    }

    /// The profile `learner`'s events count for (itself unless merged).
    #[must_use]
    pub fn resolve(&self, learner: Uuid) -> Uuid {
        self.target.get(&learner).copied().unwrap_or(learner)
    }

    /// Whether `learner` was merged into another profile.
    #[must_use]
    pub fn is_merged(&self, learner: Uuid) -> bool {
        self.target.contains_key(&learner)
    }

    /// Every merged learner with the profile it now counts for.
    pub fn iter(&self) -> impl Iterator<Item = (Uuid, Uuid)> + '_ {
        self.target.iter().map(|(from, to)| (*from, *to))
    }
}

/// The nodes of one cycle of the merge graph (each node has at most one outgoing edge), if any.
fn find_cycle(edges: &HashMap<Uuid, (Uuid, Key)>) -> Option<Vec<Uuid>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<Uuid, Mark> = HashMap::with_capacity(edges.len());
    // Sorted starts keep the choice of which cycle to break first independent of hash order; with
    // disjoint cycles it does not matter anyway, each is broken by its own latest merge.
    let mut starts: Vec<Uuid> = edges.keys().copied().collect();
    starts.sort_unstable();
    for start in starts {
        let mut path = Vec::new();
        let mut node = start;
        loop {
            match marks.get(&node) {
                Some(Mark::Done) => break,
                Some(Mark::OnPath) => {
                    let from = path.iter().position(|n| *n == node).unwrap_or(0);
                    return Some(path[from..].to_vec());
                }
                None => {}
            }
            marks.insert(node, Mark::OnPath);
            path.push(node);
            match edges.get(&node) {
                Some((next, _)) => node = *next,
                None => break,
            }
        }
        for n in path {
            marks.insert(n, Mark::Done);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone as _};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn merge(n: u128, from: u128, into: u128, minute: i64) -> Event {
        let at = FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .unwrap()
            + Duration::minutes(minute);
        Event::with_id(
            id(n),
            id(from),
            id(99),
            at,
            EventKind::LearnerMerged { into: id(into) },
        )
    }

    #[test]
    fn transitive_and_order_independent() {
        let events = [merge(1, 10, 11, 0), merge(2, 11, 12, 1)];
        let forward = Merges::from_events(&events);
        let backward = Merges::from_events(events.iter().rev());
        assert_eq!(forward, backward);
        assert_eq!(forward.resolve(id(10)), id(12));
        assert_eq!(forward.resolve(id(11)), id(12));
        assert_eq!(forward.resolve(id(12)), id(12));
        assert!(!forward.is_merged(id(12)));
    }

    #[test]
    fn a_cycle_drops_its_latest_merge() {
        // A into B at 9:00 on one PC, B into A at 9:05 on another: the later one is dropped, so B stays.
        let events = [merge(1, 10, 11, 0), merge(2, 11, 10, 5)];
        for m in [
            Merges::from_events(&events),
            Merges::from_events(events.iter().rev()),
        ] {
            assert_eq!(m.resolve(id(10)), id(11));
            assert_eq!(m.resolve(id(11)), id(11));
        }
    }

    #[test]
    fn the_latest_of_two_merges_of_one_learner_wins() {
        let events = [merge(1, 10, 11, 5), merge(2, 10, 12, 0)];
        assert_eq!(Merges::from_events(&events).resolve(id(10)), id(11));
        assert_eq!(Merges::from_events(events.iter().rev()).resolve(id(10)), id(11));
    }

    #[test]
    fn merging_into_oneself_is_ignored() {
        assert_eq!(Merges::from_events(&[merge(1, 10, 10, 0)]), Merges::default());
    }
}
