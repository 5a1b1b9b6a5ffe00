//! The records side of the app, without a window: the open journal, this PC's device id, the folded
//! progress, and the learner now at the keyboard. Every change goes through [`Records::record`], which
//! writes the event durably, refolds, and records `module_completed` once the rules are met.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::content::Catalog;
use crate::records::{
    Event, EventKind, Journal, ModuleSpec, OpenReport, Progress, StoreError, fold_facts, newly_completed,
    time,
};
use crate::text;

/// The file holding this PC's device id.
pub const DEVICE_FILE: &str = "device-id";

/// Longest accepted name, unit or position, in characters.
pub const MAX_TEXT: usize = text::MAX_FIELD;

/// The clock, passed in so tests are deterministic.
pub type Clock = fn() -> DateTime<FixedOffset>;

/// The local time with its offset.
#[must_use]
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Why a new learner's details were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnerError {
    /// The full name is empty.
    EmptyName,
    /// The full name is longer than [`MAX_TEXT`] characters.
    NameTooLong,
    /// The unit or position is longer than [`MAX_TEXT`] characters.
    FieldTooLong,
}

/// Checked details of a new learner: trimmed, NFC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLearner {
    pub name: String,
    pub unit: String,
    pub position: String,
}

impl NewLearner {
    /// Checks and cleans what was typed.
    ///
    /// # Errors
    /// [`LearnerError`] for an empty or overlong field.
    pub fn parse(name: &str, unit: &str, position: &str) -> Result<NewLearner, LearnerError> {
        let (name, unit, position) = (text::clean(name), text::clean(unit), text::clean(position));
        if name.is_empty() {
            return Err(LearnerError::EmptyName);
        }
        if name.chars().count() > MAX_TEXT {
            return Err(LearnerError::NameTooLong);
        }
        if unit.chars().count() > MAX_TEXT || position.chars().count() > MAX_TEXT {
            return Err(LearnerError::FieldTooLong);
        }
        Ok(NewLearner { name, unit, position })
    }
}

/// The journal, the fold and the current learner.
#[derive(Debug)]
pub struct Records {
    journal: Journal,
    specs: Vec<ModuleSpec>,
    progress: Progress,
    device: Uuid,
    clock: Clock,
    /// The latest time stamped on this PC: events recorded here get strictly increasing times, so their
    /// order survives even when the clock is coarse or stands still. Only this PC's own events set it
    /// (see [`crate::records::time`]): an imported event from a PC with a wrong clock must not.
    last_at: Option<DateTime<FixedOffset>>,
    /// The learner using the app now.
    pub current: Option<Uuid>,
    /// The class this PC is in (the setting `Settings::pc_class`, kept here by the app): a learner added
    /// on this PC joins it.
    pub pc_class: Option<Uuid>,
}

/// This PC's device id as the data folder holds it, if it does and the file is sound.
#[must_use]
pub fn read_device_id(data_dir: &Path) -> Option<Uuid> {
    std::fs::read_to_string(data_dir.join(DEVICE_FILE))
        .ok()
        .and_then(|s| Uuid::parse_str(s.trim()).ok())
}

/// Reads this PC's device id, creating it on first use. A damaged file gets a new id (the old events
/// keep theirs; the device id only tells where an event was recorded).
fn device_id(data_dir: &Path) -> Uuid {
    if let Some(id) = read_device_id(data_dir) {
        return id;
    }
    let path = data_dir.join(DEVICE_FILE);
    let id = Uuid::new_v4();
    if let Err(e) = crate::durable::write_in_own_folder(&path, id.to_string().as_bytes()) {
        log::error!("{}: {e}", path.display());
    }
    id
}

impl Records {
    /// Opens the journal in `data_dir` and folds it.
    ///
    /// # Errors
    /// [`StoreError`] when the journal is locked by another copy or cannot be read.
    pub fn open(
        data_dir: &Path,
        catalog: &Catalog,
        clock: Clock,
    ) -> Result<(Records, OpenReport), StoreError> {
        let now = clock();
        let device = device_id(data_dir);
        let mut own = Vec::new();
        let (journal, report) = Journal::open_observed(data_dir, now, &mut |e| {
            if e.device == device {
                own.push(e.at);
            }
        })?;
        let specs = ModuleSpec::from_catalog(catalog);
        let progress = fold_facts(journal.facts(), &specs);
        let last_at = time::last_own(own.iter().map(|at| (device, at)), device, &now);
        let records = Records {
            journal,
            specs,
            progress,
            device,
            clock,
            last_at,
            current: None,
            pc_class: None,
        };
        Ok((records, report))
    }

    /// Folds again with the modules of `catalog` (a lesson pack was installed or removed). Records are
    /// kept by module, lesson and question ids, so what still exists keeps its progress.
    pub fn set_catalog(&mut self, catalog: &Catalog) {
        self.specs = ModuleSpec::from_catalog(catalog);
        self.progress = fold_facts(self.journal.facts(), &self.specs);
    }

    /// The folded progress.
    #[must_use]
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What the fold reads of every event in the journal.
    #[must_use]
    pub fn facts(&self) -> &crate::records::Facts {
        self.journal.facts()
    }

    /// How many events the journal holds.
    #[must_use]
    pub fn event_count(&self) -> usize {
        self.journal.len()
    }

    /// Every event, read again from the journal file (whole events are not kept in memory).
    ///
    /// # Errors
    /// [`StoreError`] if the file cannot be read.
    pub fn read_events(&self) -> Result<Vec<Event>, StoreError> {
        self.journal.read_events()
    }

    /// This PC's device id.
    #[must_use]
    pub fn device(&self) -> Uuid {
        self.device
    }

    /// Records an event about `learner` durably, refolds, and records any module the learner has now
    /// completed. Returns the modules newly completed.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written; nothing is recorded then.
    pub fn record(&mut self, learner: Uuid, kind: EventKind) -> Result<Vec<String>, StoreError> {
        self.record_after(learner, kind, None)
    }

    /// Like [`Records::record`], but dated after `after` too: an event that undoes another (a restore
    /// after a delete) must fold after it, even when the other came from a PC whose clock is ahead.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written; nothing is recorded then.
    pub fn record_after(
        &mut self,
        learner: Uuid,
        kind: EventKind,
        after: Option<DateTime<FixedOffset>>,
    ) -> Result<Vec<String>, StoreError> {
        let mut at = self.stamp();
        if let Some(after) = after {
            let next = after + chrono::Duration::milliseconds(1);
            if next > at && time::is_plausible(&next) {
                at = next;
                self.last_at = Some(at);
            }
        }
        let event = self.versioned(Event::new(learner, self.device, at, kind));
        self.journal.append(&event)?;
        self.progress = fold_facts(self.journal.facts(), &self.specs);
        self.record_completions(learner)
    }

    /// Records several events (each durably, in order) and refolds once: adding a class of 40 learners
    /// must not fold a province's journal 80 times. Modules completed by them are recorded too.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written; the events before the failure stay recorded
    /// (and folded), the rest are not.
    pub fn record_all(&mut self, events: Vec<(Uuid, EventKind)>) -> Result<(), StoreError> {
        let mut learners = Vec::new();
        let mut result = Ok(());
        for (learner, kind) in events {
            let at = self.stamp();
            let event = self.versioned(Event::new(learner, self.device, at, kind));
            if let Err(e) = self.journal.append(&event) {
                result = Err(e);
                break;
            }
            if !learners.contains(&learner) {
                learners.push(learner);
            }
        }
        self.progress = fold_facts(self.journal.facts(), &self.specs);
        result?;
        for learner in learners {
            self.record_completions(learner)?;
        }
        Ok(())
    }

    /// Records `module_completed` for the modules `learner` has completed by the rules and not yet
    /// recorded; returns them.
    fn record_completions(&mut self, learner: Uuid) -> Result<Vec<String>, StoreError> {
        let learner = self.progress.resolve(learner);
        let completed = newly_completed(&self.progress, learner);
        for module in &completed {
            let at = self.stamp();
            let event = self.versioned(Event::new(
                learner,
                self.device,
                at,
                EventKind::ModuleCompleted {
                    module: module.clone(),
                },
            ));
            self.journal.append(&event)?;
        }
        if !completed.is_empty() {
            self.progress = fold_facts(self.journal.facts(), &self.specs);
        }
        Ok(completed)
    }

    /// `event` with the `version` of the module it is about, if it names one this catalog has.
    fn versioned(&self, event: Event) -> Event {
        let version = event
            .kind
            .as_ref()
            .and_then(EventKind::module)
            .and_then(|module| self.specs.iter().find(|s| s.id == module))
            .map(|spec| spec.version);
        match version {
            Some(version) => event.with_version(version),
            None => event,
        }
    }

    /// Now, or a millisecond after the last event recorded here if the clock has not moved on.
    fn stamp(&mut self) -> DateTime<FixedOffset> {
        let at = time::next_stamp(self.last_at, (self.clock)());
        self.last_at = Some(at);
        at
    }

    /// Adds a learner and makes them current; they join [`Records::pc_class`] when it is set.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written.
    pub fn add_learner(&mut self, new: NewLearner) -> Result<Uuid, StoreError> {
        let id = Uuid::new_v4();
        let opt = |s: String| if s.is_empty() { None } else { Some(s) };
        self.record(
            id,
            EventKind::LearnerCreated {
                name: new.name,
                unit: opt(new.unit),
                position: opt(new.position),
            },
        )?;
        if let Some(class) = self.pc_class {
            self.record(id, EventKind::ClassJoined { class })?;
        }
        self.current = Some(id);
        Ok(id)
    }

    /// Imports events from another PC (union by id) and refolds.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written; nothing is imported then.
    pub fn import(
        &mut self,
        events: impl IntoIterator<Item = Event>,
    ) -> Result<crate::records::ImportCounts, StoreError> {
        let counts = self.journal.import(events, &(self.clock)())?;
        self.progress = fold_facts(self.journal.facts(), &self.specs);
        Ok(counts)
    }

    /// Learners, most recently active first; filtered by a search that ignores diacritics and case.
    #[must_use]
    pub fn learners_matching(&self, query: &str) -> Vec<&crate::records::progress::Learner> {
        let mut list: Vec<_> = self
            .progress
            .learners()
            .iter()
            .filter(|l| {
                query.trim().is_empty() || text::matches(&l.name, query) || text::matches(&l.unit, query)
            })
            .collect();
        list.sort_by_key(|l| std::cmp::Reverse(l.last_activity.or(l.created_at)));
        list
    }

    /// Units already used on this PC, for suggestions, sorted.
    #[must_use]
    pub fn units(&self) -> Vec<String> {
        let mut units: Vec<String> = self
            .progress
            .learners()
            .iter()
            .map(|l| l.unit.clone())
            .filter(|u| !u.is_empty())
            .collect();
        units.sort();
        units.dedup();
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::fold;

    fn frozen() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-26T09:00:00.000+07:00").unwrap()
    }

    #[test]
    fn a_rename_right_after_creation_wins_even_with_a_frozen_clock() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::default();
        let (mut records, _) = Records::open(dir.path(), &catalog, frozen).unwrap();
        let id = records
            .add_learner(NewLearner::parse("Nguyen Van An", "", "").unwrap())
            .unwrap();
        let rename = EventKind::LearnerUpdated {
            name: Some("Nguyễn Văn An".into()),
            unit: None,
            position: None,
        };
        records.record(id, rename).unwrap();
        assert_eq!(records.progress().learner(id).unwrap().name, "Nguyễn Văn An");
        let times: Vec<_> = records.read_events().unwrap().iter().map(|e| e.at).collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    }

    #[test]
    fn creation_folds_before_an_update_in_the_same_millisecond() {
        let (learner, device) = (Uuid::new_v4(), Uuid::new_v4());
        // The update's id sorts first, as a random id may.
        let update = Event::with_id(
            Uuid::from_u128(1),
            learner,
            device,
            frozen(),
            EventKind::LearnerUpdated {
                name: Some("Đỗ Thị Lan".into()),
                unit: None,
                position: None,
            },
        );
        let create = Event::with_id(
            Uuid::from_u128(2),
            learner,
            device,
            frozen(),
            EventKind::LearnerCreated {
                name: "Do Thi Lan".into(),
                unit: None,
                position: None,
            },
        );
        let progress = fold(&[create, update], &[]);
        assert_eq!(progress.learner(learner).unwrap().name, "Đỗ Thị Lan");
    }

    #[test]
    fn names_are_cleaned_and_checked() {
        let ok = NewLearner::parse("  Nguye\u{302}\u{303}n  Văn An ", " Xã Yên Khánh", "").unwrap();
        assert_eq!(ok.name, "Nguyễn Văn An");
        assert_eq!(ok.unit, "Xã Yên Khánh");
        assert_eq!(NewLearner::parse("   ", "", ""), Err(LearnerError::EmptyName));
        assert_eq!(
            NewLearner::parse(&"a".repeat(200), "", ""),
            Err(LearnerError::NameTooLong)
        );
        assert_eq!(
            NewLearner::parse("An", &"x".repeat(101), ""),
            Err(LearnerError::FieldTooLong)
        );
    }
}
