//! The fold: from journal events and the module list to learners and their progress per module.
//!
//! The result depends only on the set of events (they are sorted by `(at, creation first, id)` first), so the same
//! events imported on another PC in another order give the same learners, progress and roster.
//!
//! Completion rule (design Part A): every lesson viewed, the quiz passed, every required simulation
//! completed. `module_completed` is derived: the app records it once, as its own event, for the modules
//! [`newly_completed`] returns; once recorded, a module stays completed even if a later version adds a
//! lesson to it (a certificate is a fact about the past).
//!
//! Imported events are not trusted for sense: a quiz attempt counts as passed only when its score
//! agrees with its `max` and the module's pass mark (a file claiming `passed: true` with score 0 does
//! not pass), an attempt with no questions or more points than questions is left out, and profile
//! text is cleaned and cut to the forms' limit ([`text::field`]).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::class::{Applied, Class, ClassFold};
use super::event::Event;
use super::fact::{Fact, FactKind, Facts, Names, Sym};
use super::merge::Merges;
use super::roster::Status;
use crate::content::{Catalog, Module};
use crate::text;

type Time = DateTime<FixedOffset>;

/// What the fold needs to know about a module: a light copy of its `module.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleSpec {
    pub id: String,
    pub title: String,
    /// Lesson ids, in order.
    pub lessons: Vec<String>,
    /// Ids of the simulations that completion requires.
    pub required_simulations: Vec<String>,
    /// Percent needed to pass the quiz.
    pub pass_mark: u8,
    /// The module's `version` (`module.json`), recorded on every event about the module.
    pub version: u32,
}

impl ModuleSpec {
    /// The spec of a loaded module.
    #[must_use]
    pub fn from_module(module: &Module) -> ModuleSpec {
        ModuleSpec {
            id: module.meta.id.clone(),
            title: module.meta.title.clone(),
            lessons: module.lessons.iter().map(|l| l.meta.id.clone()).collect(),
            required_simulations: module
                .meta
                .simulations
                .iter()
                .filter(|s| s.required)
                .map(|s| s.id.clone())
                .collect(),
            pass_mark: module.meta.pass_mark,
            version: module.meta.version,
        }
    }

    /// The specs of every module of the catalog, in the catalog's order.
    #[must_use]
    pub fn from_catalog(catalog: &Catalog) -> Vec<ModuleSpec> {
        catalog.modules.iter().map(ModuleSpec::from_module).collect()
    }
}

/// A learner profile as the fold sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub id: Uuid,
    /// Empty if the profile's `learner_created` event is not (yet) on this PC.
    pub name: String,
    pub unit: String,
    pub position: String,
    pub created_at: Option<Time>,
    /// The latest event counted for this learner, their own or a merged profile's.
    pub last_activity: Option<Time>,
    /// Profiles merged into this one, directly or not, sorted.
    pub merged: Vec<Uuid>,
}

/// One quiz attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub event: Uuid,
    pub at: Time,
    pub score: u32,
    pub max: u32,
    pub passed: bool,
}

impl Attempt {
    /// The score in percent, rounded down (so "80%" never shows for a 79.5% fail), 0 for an empty quiz.
    #[must_use]
    pub fn percent(&self) -> u32 {
        percent(self.score, self.max)
    }
}

/// `score / max` in whole percent, rounded down; 0 when `max` is 0.
#[must_use]
pub fn percent(score: u32, max: u32) -> u32 {
    if max == 0 {
        0
    } else {
        (u64::from(score.min(max)) * 100 / u64::from(max)) as u32
    }
}

/// Whether `score` out of `max` reaches `pass_mark` percent: the quiz's own rule
/// (`quiz::QuizSession`), applied again to what a file claims.
#[must_use]
pub fn passes(score: u32, max: u32, pass_mark: u8) -> bool {
    max > 0 && score <= max && u64::from(score) * 100 >= u64::from(pass_mark) * u64::from(max)
}

/// One learner's progress in one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleProgress {
    pub module: String,
    /// Viewed lessons that the module has (ids of lessons it no longer has are left out).
    pub lessons_viewed: BTreeSet<String>,
    /// Quiz attempts, oldest first.
    pub attempts: Vec<Attempt>,
    /// Best attempt in percent.
    pub best_percent: Option<u32>,
    /// Completed simulations (required or not).
    pub simulations_done: BTreeSet<String>,
    /// The completion rule holds now.
    pub rule_met: bool,
    /// A `module_completed` event exists for this learner and module.
    pub completion_recorded: bool,
    /// When the module was completed: the first `module_completed` event's time, or else the time the
    /// rule became true (the last missing piece). `Some` exactly when [`ModuleProgress::completed`].
    pub completed_at: Option<Time>,
    /// The module version it was completed in: the `version` of that first `module_completed` event
    /// (`None` for an event written before versions were recorded), or the module's version now when
    /// only the rule holds. For certificates.
    pub completed_version: Option<u32>,
    /// Questions still to review, oldest first (`records::review`); ids the module no longer has may be
    /// among them, so screens count only the module's own questions.
    pub to_review: Vec<super::review::ToReview>,
}

impl ModuleProgress {
    /// Completed: recorded, or the rule holds.
    #[must_use]
    pub fn completed(&self) -> bool {
        self.completed_at.is_some()
    }

    /// A lesson shown as new ("Mới"): the module is completed but the lesson was never viewed, so it came
    /// with an update after the completion (which needed every lesson of its time). The module stays
    /// completed; the new lesson does not make it "not finished".
    #[must_use]
    pub fn is_new_lesson(&self, lesson: &str) -> bool {
        self.completed() && !self.lessons_viewed.contains(lesson)
    }

    /// Whether any attempt passed.
    #[must_use]
    pub fn quiz_passed(&self) -> bool {
        self.attempts.iter().any(|a| a.passed)
    }

    /// The roster status.
    #[must_use]
    pub fn status(&self) -> Status {
        if self.completed() {
            Status::Completed
        } else if self.lessons_viewed.is_empty()
            && self.attempts.is_empty()
            && self.simulations_done.is_empty()
        {
            Status::NotStarted
        } else {
            Status::InProgress
        }
    }
}

/// Everything the fold knows.
#[derive(Debug, Clone)]
pub struct Progress {
    modules: Vec<ModuleSpec>,
    learners: Vec<Learner>,
    /// Deleted learners (not merged away), for the trainer to restore; oldest profile first.
    deleted: Vec<Learner>,
    /// Per visible learner, one entry per module in `modules`' order.
    by_learner: HashMap<Uuid, Vec<ModuleProgress>>,
    merges: Merges,
    /// Training classes (see [`super::class`]).
    classes: Vec<Class>,
}

impl Progress {
    /// The modules, in order.
    #[must_use]
    pub fn modules(&self) -> &[ModuleSpec] {
        &self.modules
    }

    /// Visible learners (not deleted, not merged away), oldest profile first.
    #[must_use]
    pub fn learners(&self) -> &[Learner] {
        &self.learners
    }

    /// Learners whose latest delete is not undone, oldest profile first: the trainer may restore them.
    #[must_use]
    pub fn deleted(&self) -> &[Learner] {
        &self.deleted
    }

    /// A visible learner, following merges (a merged id finds the profile it was merged into).
    #[must_use]
    pub fn learner(&self, id: Uuid) -> Option<&Learner> {
        let id = self.merges.resolve(id);
        self.learners.iter().find(|l| l.id == id)
    }

    /// The profile `id`'s events count for: itself unless it was merged.
    #[must_use]
    pub fn resolve(&self, id: Uuid) -> Uuid {
        self.merges.resolve(id)
    }

    /// A learner's progress in every module, in module order (empty for an unknown or hidden learner).
    #[must_use]
    pub fn progress(&self, learner: Uuid) -> &[ModuleProgress] {
        self.by_learner
            .get(&self.merges.resolve(learner))
            .map_or(&[], Vec::as_slice)
    }

    /// Training classes, newest start first.
    #[must_use]
    pub fn classes(&self) -> &[Class] {
        &self.classes
    }

    /// A class by id.
    #[must_use]
    pub fn class(&self, id: Uuid) -> Option<&Class> {
        self.classes.iter().find(|c| c.id == id)
    }

    /// The classes a visible learner is in now (a merged id finds its profile's), newest start first.
    #[must_use]
    pub fn classes_of(&self, learner: Uuid) -> Vec<&Class> {
        let learner = self.merges.resolve(learner);
        self.classes
            .iter()
            .filter(|c| c.members.contains(&learner))
            .collect()
    }

    /// A learner's progress in one module.
    #[must_use]
    pub fn module(&self, learner: Uuid, module: &str) -> Option<&ModuleProgress> {
        self.progress(learner).iter().find(|m| m.module == module)
    }
}

/// Modules that `learner` completed by the rules but that have no `module_completed` event yet: the
/// caller records one event for each.
#[must_use]
pub fn newly_completed(progress: &Progress, learner: Uuid) -> Vec<String> {
    progress
        .progress(learner)
        .iter()
        .filter(|m| m.rule_met && !m.completion_recorded)
        .map(|m| m.module.clone())
        .collect()
}

/// Profile fields as the events set them.
#[derive(Default)]
struct Profile {
    deleted: bool,
    name: String,
    unit: String,
    position: String,
    created_at: Option<Time>,
}

/// Per learner × module, while folding.
#[derive(Default)]
struct Acc {
    first_view: HashMap<Sym, Time>,
    attempts: Vec<Attempt>,
    first_sim: HashMap<Sym, Time>,
    recorded_at: Option<Time>,
    recorded_version: Option<u32>,
    review: Vec<(Sym, u8)>,
}

/// Folds events into progress. Events of unknown kinds are skipped; repeated ids count once.
#[must_use]
pub fn fold(events: &[Event], modules: &[ModuleSpec]) -> Progress {
    fold_facts(&Facts::from_events(events), modules)
}

/// Folds facts into progress (see [`fold`]): what the app does, as it keeps facts, not events.
#[must_use]
pub fn fold_facts(facts: &Facts, modules: &[ModuleSpec]) -> Progress {
    let names = &facts.names;
    let mut sorted: Vec<&Fact> = facts.list.iter().collect();
    // Within one millisecond a profile's creation must come before its updates, whatever the random ids.
    let rank = |f: &Fact| {
        u8::from(!matches!(
            f.kind,
            FactKind::Created(_) | FactKind::ClassCreated(_)
        ))
    };
    sorted.sort_unstable_by_key(|f| (f.at, rank(f), f.id));
    sorted.dedup_by_key(|f| f.id);

    let merges = Merges::from_facts(sorted.iter().copied());
    let module_index: HashMap<Sym, usize> = modules
        .iter()
        .enumerate()
        .filter_map(|(i, m)| names.get(&m.id).map(|sym| (sym, i)))
        .collect();
    let lessons: Vec<Vec<Sym>> = modules
        .iter()
        .map(|m| m.lessons.iter().filter_map(|l| names.get(l)).collect())
        .collect();
    let mut profiles: HashMap<Uuid, Profile> = HashMap::new();
    let mut last_activity: HashMap<Uuid, Time> = HashMap::new();
    let mut acc: HashMap<(Uuid, usize), Acc> = HashMap::new();
    let mut classes = ClassFold::default();

    for fact in &sorted {
        let owner = merges.resolve(fact.learner);
        if let Applied::Class = classes.apply(fact, owner) {
            // About a class, recorded for the nil learner: nobody's activity.
            continue;
        }
        // Sorted by time, so the last insert is the latest.
        last_activity.insert(owner, fact.at);
        let (FactKind::Viewed { module, .. }
        | FactKind::Attempted { module, .. }
        | FactKind::Simulated { module, .. }
        | FactKind::Completed { module, .. }
        | FactKind::Practised { module, .. }) = fact.kind
        else {
            apply_profile(profiles.entry(fact.learner).or_default(), &fact.kind, fact.at);
            continue;
        };
        let Some(&index) = module_index.get(&module) else {
            continue;
        };
        let spec = &modules[index];
        let entry = acc.entry((owner, index)).or_default();
        match fact.kind {
            FactKind::Viewed { lesson, .. } if lessons[index].contains(&lesson) => {
                entry.first_view.entry(lesson).or_insert(fact.at);
            }
            FactKind::Attempted {
                score,
                max,
                passed,
                ref wrong,
                ..
            } if max > 0 && score <= max => {
                entry.attempts.push(Attempt {
                    event: fact.id,
                    at: fact.at,
                    score,
                    max,
                    passed: passed && passes(score, max, spec.pass_mark),
                });
                for &question in wrong.iter().flat_map(|w| w.iter()) {
                    super::review::missed(&mut entry.review, question);
                }
            }
            FactKind::Practised {
                question,
                correct,
                review: true,
                ..
            } => super::review::practised(&mut entry.review, question, correct),
            FactKind::Simulated { simulation, .. } => {
                entry.first_sim.entry(simulation).or_insert(fact.at);
            }
            FactKind::Completed { version, .. } if entry.recorded_at.is_none() => {
                entry.recorded_at = Some(fact.at);
                entry.recorded_version = version;
            }
            _ => {}
        }
    }

    let mut merged_into: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (from, to) in merges.iter() {
        merged_into.entry(to).or_default().push(from);
    }
    let mut learners: Vec<Learner> = Vec::new();
    let mut deleted: Vec<Learner> = Vec::new();
    // Everyone with an event of their own or of a profile merged into them.
    let mut ids: Vec<Uuid> = last_activity
        .keys()
        .copied()
        .filter(|id| !merges.is_merged(*id))
        .collect();
    ids.sort_unstable();
    let no_profile = Profile::default();
    for id in ids {
        let profile = profiles.get(&id).unwrap_or(&no_profile);
        let mut merged = merged_into.remove(&id).unwrap_or_default();
        merged.sort_unstable();
        let list = if profile.deleted {
            &mut deleted
        } else {
            &mut learners
        };
        list.push(Learner {
            id,
            name: profile.name.clone(),
            unit: profile.unit.clone(),
            position: profile.position.clone(),
            created_at: profile.created_at,
            last_activity: last_activity.get(&id).copied(),
            merged,
        });
    }
    // Oldest profile first; profiles whose creation is not on this PC last. Ids were sorted, and the
    // sort is stable, so ties stay in id order.
    learners.sort_by_key(|l| (l.created_at.is_none(), l.created_at));
    deleted.sort_by_key(|l| (l.created_at.is_none(), l.created_at));

    let by_learner = learners
        .iter()
        .map(|l| {
            let per_module = modules
                .iter()
                .enumerate()
                .map(|(i, spec)| finish(spec, names, acc.remove(&(l.id, i)).unwrap_or_default()))
                .collect();
            (l.id, per_module)
        })
        .collect();
    let classes = classes.finish(&learners);
    Progress {
        modules: modules.to_vec(),
        classes,
        learners,
        deleted,
        by_learner,
        merges,
    }
}

/// Applies a profile fact (the caller passes no other kind).
fn apply_profile(profile: &mut Profile, kind: &FactKind, at: Time) {
    match kind {
        // Profile text may come from any file: cleaned and cut as the forms would have it.
        FactKind::Created(new) => {
            profile.created_at.get_or_insert(at);
            profile.name = new.name.as_deref().map(text::field).unwrap_or_default();
            profile.unit = new.unit.as_deref().map(text::field).unwrap_or_default();
            profile.position = new.position.as_deref().map(text::field).unwrap_or_default();
        }
        FactKind::Updated(new) => {
            for (field, value) in [
                (&mut profile.name, &new.name),
                (&mut profile.unit, &new.unit),
                (&mut profile.position, &new.position),
            ] {
                if let Some(value) = value {
                    *field = text::field(value);
                }
            }
        }
        FactKind::Deleted => profile.deleted = true,
        FactKind::Restored => profile.deleted = false,
        FactKind::Merged { .. }
        | FactKind::Viewed { .. }
        | FactKind::Attempted { .. }
        | FactKind::Simulated { .. }
        | FactKind::Completed { .. }
        | FactKind::Practised { .. }
        | FactKind::ClassCreated(_)
        | FactKind::ClassUpdated(_)
        | FactKind::ClassJoined { .. }
        | FactKind::ClassLeft { .. } => {}
    }
}

fn finish(spec: &ModuleSpec, names: &Names, acc: Acc) -> ModuleProgress {
    let first_pass = acc.attempts.iter().find(|a| a.passed).map(|a| a.at);
    // The time the rule became true: the latest of the first view of each lesson, the first pass and
    // the first run of each required simulation; None while a piece is missing.
    let rule_time = spec
        .lessons
        .iter()
        .map(|l| names.get(l).and_then(|l| acc.first_view.get(&l)).copied())
        .chain(std::iter::once(first_pass))
        .chain(
            spec.required_simulations
                .iter()
                .map(|s| names.get(s).and_then(|s| acc.first_sim.get(&s)).copied()),
        )
        .try_fold(None::<Time>, |latest, t| {
            t.map(|t| Some(latest.map_or(t, |l| l.max(t))))
        })
        .flatten();
    ModuleProgress {
        module: spec.id.clone(),
        lessons_viewed: acc
            .first_view
            .into_keys()
            .map(|l| names.text(l).to_owned())
            .collect(),
        best_percent: acc.attempts.iter().map(Attempt::percent).max(),
        attempts: acc.attempts,
        simulations_done: acc
            .first_sim
            .into_keys()
            .map(|s| names.text(s).to_owned())
            .collect(),
        rule_met: rule_time.is_some(),
        to_review: acc
            .review
            .iter()
            .map(|&(q, steps)| super::review::ToReview {
                question: names.text(q).to_owned(),
                steps,
            })
            .collect(),
        completion_recorded: acc.recorded_at.is_some(),
        completed_version: match acc.recorded_at {
            Some(_) => acc.recorded_version,
            None => rule_time.map(|_| spec.version),
        },
        completed_at: acc.recorded_at.or(rule_time),
    }
}
