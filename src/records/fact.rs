//! What the fold needs of an event, and nothing more, so a province's journal fits in a training PC's
//! memory. A parsed [`Event`] keeps its whole JSON object (a few KB for a quiz attempt with its answers);
//! a [`Fact`] is 72 bytes: the id, the time, the learner, and the kind with its ids interned ([`Sym`]) and
//! its numbers. The journal is still the only truth: facts are derived from it on every start and never
//! stored; exports that need whole events read them again from the file.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::event::{Event, EventKind};

/// An interned id (module, lesson, simulation): an index into [`Names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

/// The interned ids: each distinct text once.
#[derive(Debug, Clone, Default)]
pub struct Names {
    texts: Vec<Box<str>>,
    index: HashMap<Box<str>, Sym>,
}

impl Names {
    /// The symbol of `text`, adding it if new.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(&sym) = self.index.get(text) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.texts.len()).unwrap_or(u32::MAX));
        self.texts.push(text.into());
        self.index.insert(text.into(), sym);
        sym
    }

    /// The symbol of `text` if it was ever interned.
    #[must_use]
    pub fn get(&self, text: &str) -> Option<Sym> {
        self.index.get(text).copied()
    }

    /// The text of `sym`.
    #[must_use]
    pub fn text(&self, sym: Sym) -> &str {
        self.texts.get(sym.0 as usize).map_or("", |t| t)
    }
}

/// A profile's text as an event sets it (`None`: not changed by an update).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileText {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub position: Option<String>,
}

/// The kind of a fact: an [`EventKind`] with ids interned and the answers left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    Created(Box<ProfileText>),
    Updated(Box<ProfileText>),
    Merged {
        into: Uuid,
    },
    Deleted,
    Restored,
    Viewed {
        module: Sym,
        lesson: Sym,
    },
    Attempted {
        module: Sym,
        score: u32,
        max: u32,
        passed: bool,
    },
    Simulated {
        module: Sym,
        simulation: Sym,
    },
    Completed {
        module: Sym,
        /// The module version it was completed in, if the event says.
        version: Option<u32>,
    },
    /// `class_created` (every field but `class` optional only for an update).
    ClassCreated(Box<ClassText>),
    ClassUpdated(Box<ClassText>),
    ClassJoined {
        class: Uuid,
    },
    ClassLeft {
        class: Uuid,
    },
}

/// A class's text as a `class_created` or `class_updated` event sets it (`None`: not changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassText {
    pub class: Uuid,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
}

impl ClassText {
    /// From `class` and its `[name, unit, starts, ends, trainer]`.
    fn boxed(class: Uuid, [name, unit, starts, ends, trainer]: [Option<&String>; 5]) -> Box<ClassText> {
        Box::new(ClassText {
            class,
            name: name.cloned(),
            unit: unit.cloned(),
            starts: starts.cloned(),
            ends: ends.cloned(),
            trainer: trainer.cloned(),
        })
    }
}

/// One event as the fold sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub id: Uuid,
    pub at: DateTime<FixedOffset>,
    pub learner: Uuid,
    pub kind: FactKind,
}

/// The facts of a journal, in file order, with their interned ids.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub list: Vec<Fact>,
    pub names: Names,
}

impl Facts {
    /// The facts of `events`; events of kinds this version does not know are left out (the fold
    /// ignores them).
    #[must_use]
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Facts {
        let mut facts = Facts::default();
        for event in events {
            facts.push(event);
        }
        facts
    }

    /// Adds the fact of `event`, if its kind is known; returns its index.
    pub fn push(&mut self, event: &Event) -> Option<usize> {
        let fact = self.fact_of(event)?;
        self.list.push(fact);
        Some(self.list.len() - 1)
    }

    /// The fact of `event` (its ids interned here), without adding it; `None` for an unknown kind.
    pub fn fact_of(&mut self, event: &Event) -> Option<Fact> {
        let kind = event.kind.as_ref()?;
        let names = &mut self.names;
        let text = |name: &String, unit: &Option<String>, position: &Option<String>| {
            Box::new(ProfileText {
                name: Some(name.clone()),
                unit: unit.clone(),
                position: position.clone(),
            })
        };
        let kind = match kind {
            EventKind::LearnerCreated { name, unit, position } => {
                FactKind::Created(text(name, unit, position))
            }
            EventKind::LearnerUpdated { name, unit, position } => FactKind::Updated(Box::new(ProfileText {
                name: name.clone(),
                unit: unit.clone(),
                position: position.clone(),
            })),
            EventKind::LearnerMerged { into } => FactKind::Merged { into: *into },
            EventKind::LearnerDeleted => FactKind::Deleted,
            EventKind::LearnerRestored => FactKind::Restored,
            EventKind::LessonViewed { module, lesson } => FactKind::Viewed {
                module: names.intern(module),
                lesson: names.intern(lesson),
            },
            EventKind::QuizAttempted {
                module,
                score,
                max,
                passed,
                ..
            } => FactKind::Attempted {
                module: names.intern(module),
                score: *score,
                max: *max,
                passed: *passed,
            },
            EventKind::SimulationCompleted {
                module, simulation, ..
            } => FactKind::Simulated {
                module: names.intern(module),
                simulation: names.intern(simulation),
            },
            EventKind::ModuleCompleted { module } => FactKind::Completed {
                module: names.intern(module),
                version: event.version(),
            },
            EventKind::ClassCreated {
                class,
                name,
                unit,
                starts,
                ends,
                trainer,
            } => FactKind::ClassCreated(ClassText::boxed(
                *class,
                [
                    Some(name),
                    unit.as_ref(),
                    Some(starts),
                    ends.as_ref(),
                    trainer.as_ref(),
                ],
            )),
            EventKind::ClassUpdated {
                class,
                name,
                unit,
                starts,
                ends,
                trainer,
            } => FactKind::ClassUpdated(ClassText::boxed(
                *class,
                [name, unit, starts, ends, trainer].map(Option::as_ref),
            )),
            EventKind::ClassJoined { class } => FactKind::ClassJoined { class: *class },
            EventKind::ClassLeft { class } => FactKind::ClassLeft { class: *class },
        };
        Some(Fact {
            id: event.id,
            at: event.at,
            learner: event.learner,
            kind,
        })
    }

    /// How many facts.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_is_small() {
        assert!(
            std::mem::size_of::<Fact>() <= 72,
            "{}",
            std::mem::size_of::<Fact>()
        );
    }

    #[test]
    fn ids_are_interned_once() {
        let mut names = Names::default();
        let a = names.intern("bao-cao");
        assert_eq!(names.intern("bao-cao"), a);
        assert_ne!(names.intern("khai-sinh"), a);
        assert_eq!(names.text(a), "bao-cao");
        assert_eq!(names.get("bao-cao"), Some(a));
        assert_eq!(names.get("x"), None);
    }
}
