//! The trainer area without a window: the PIN ([`pin`]), the roster table as data ([`roster_view`]),
//! exports and imports shared with the command line ([`transfer`]), and the changes a trainer makes to
//! learner profiles (rename, merge, delete), each one new event in the journal.
//!
//! The screen is `ui::trainer`; it pushes [`Change`]s (inside `Command::Trainer`) that the app applies
//! after the frame.

pub mod pin;
pub mod roster_view;
pub mod transfer;

use uuid::Uuid;

use crate::learning::{LearnerError, NewLearner, Records};
use crate::records::{EventKind, FactKind, StoreError};

/// What a trainer can change, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Store this PIN hash (a PHC string) in the settings.
    SetPin(String),
    /// Store the xAPI `account.homePage`.
    SetHomePage(String),
    /// Store the same PIN hashed again with today's cost (it was an earlier version's cheaper hash).
    RehashPin(String),
    /// Remember the count of wrong PINs and the end of their wait, across a restart.
    SaveGate(pin::Remembered),
    /// Change a learner's name, unit and position (as typed; checked when applied).
    Rename {
        learner: Uuid,
        name: String,
        unit: String,
        position: String,
    },
    /// Merge profile `from` into profile `into` (the same person, two profiles).
    Merge { from: Uuid, into: Uuid },
    /// Delete a learner (already confirmed).
    Delete(Uuid),
    /// Bring a deleted learner back.
    Restore(Uuid),
    /// Import the exchange files read in the background (their events wait in the trainer state).
    ApplyImport,
    /// Create a class (`class` is `None`) or change one, as typed (checked when applied; dates
    /// dd/mm/yyyy, `ends` may be empty).
    SaveClass {
        class: Option<Uuid>,
        name: String,
        unit: String,
        starts: String,
        ends: String,
        trainer: String,
    },
    /// These learners join the class.
    JoinClass { class: Uuid, learners: Vec<Uuid> },
    /// The reviewed lines of a pasted list join the class: existing learners, or new ones created first.
    AddPasted { class: Uuid, choices: Vec<PastedChoice> },
    /// A learner leaves the class.
    LeaveClass { class: Uuid, learner: Uuid },
    /// "This PC is in class X" (`None`: in no class): learners created here join it.
    SetPcClass(Option<Uuid>),
    /// Install the lesson pack checked on the "Cập nhật bài học" page (it waits in the trainer state).
    InstallPack,
    /// Remove the installed lesson pack with this id (already confirmed).
    RemovePack(String),
    /// Trust the publisher key pasted or read from a file (checked again when applied).
    TrustKey(String),
}

/// One reviewed line of a pasted list of names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PastedChoice {
    /// The same person as this learner already on the PC.
    Existing(Uuid),
    /// A new learner with this name.
    New(String),
}

/// Why a change to a profile was not made.
#[derive(Debug)]
pub enum ProfileError {
    /// What was typed is not a valid name, unit or position.
    Invalid(LearnerError),
    /// No such learner on this PC (deleted or merged meanwhile).
    Unknown,
    /// Both sides of a merge are the same profile.
    SameProfile,
    /// The journal could not be written; nothing was recorded.
    Store(StoreError),
}

impl From<StoreError> for ProfileError {
    fn from(e: StoreError) -> Self {
        ProfileError::Store(e)
    }
}

/// Records a `learner_updated` event with the fields that differ from the profile now. Returns false
/// (and records nothing) when nothing differs.
///
/// # Errors
/// [`ProfileError::Invalid`], [`ProfileError::Unknown`], [`ProfileError::Store`].
pub fn rename(
    records: &mut Records,
    learner: Uuid,
    name: &str,
    unit: &str,
    position: &str,
) -> Result<bool, ProfileError> {
    let new = NewLearner::parse(name, unit, position).map_err(ProfileError::Invalid)?;
    let progress = records.progress();
    let id = progress.resolve(learner);
    let current = progress.learner(id).ok_or(ProfileError::Unknown)?;
    let changed = |old: &str, new: String| (old != new).then_some(new);
    let kind = EventKind::LearnerUpdated {
        name: changed(&current.name, new.name),
        unit: changed(&current.unit, new.unit),
        position: changed(&current.position, new.position),
    };
    if kind
        == (EventKind::LearnerUpdated {
            name: None,
            unit: None,
            position: None,
        })
    {
        return Ok(false);
    }
    records.record(id, kind)?;
    Ok(true)
}

/// Records `learner_merged { into }` on `from`: from now on `from`'s results count for `into`, and
/// `from` leaves the roster. Any module `into` now completes gets its `module_completed` event.
///
/// # Errors
/// [`ProfileError::SameProfile`], [`ProfileError::Unknown`], [`ProfileError::Store`].
pub fn merge(records: &mut Records, from: Uuid, into: Uuid) -> Result<(), ProfileError> {
    let progress = records.progress();
    let (from, into) = (progress.resolve(from), progress.resolve(into));
    if from == into {
        return Err(ProfileError::SameProfile);
    }
    if progress.learner(from).is_none() || progress.learner(into).is_none() {
        return Err(ProfileError::Unknown);
    }
    records.record(from, EventKind::LearnerMerged { into })?;
    Ok(())
}

/// Records `learner_deleted`: the learner leaves the roster and the exports (their events stay in the
/// journal, which is never rewritten). If they were at the keyboard, nobody is now.
///
/// # Errors
/// [`ProfileError::Unknown`], [`ProfileError::Store`].
pub fn delete(records: &mut Records, learner: Uuid) -> Result<(), ProfileError> {
    let id = records.progress().resolve(learner);
    if records.progress().learner(id).is_none() {
        return Err(ProfileError::Unknown);
    }
    records.record(id, EventKind::LearnerDeleted)?;
    if records
        .current
        .is_some_and(|c| records.progress().resolve(c) == id)
    {
        records.current = None;
    }
    Ok(())
}

/// Records `learner_restored`: a deleted learner comes back to the roster and the exports with all their
/// records. A delete imported from another PC is undone the same way.
///
/// # Errors
/// [`ProfileError::Unknown`] if the learner is not among the deleted; [`ProfileError::Store`].
pub fn restore(records: &mut Records, learner: Uuid) -> Result<(), ProfileError> {
    let id = records.progress().resolve(learner);
    if !records.progress().deleted().iter().any(|l| l.id == id) {
        return Err(ProfileError::Unknown);
    }
    // Dated after the delete it undoes, which may come from a PC whose clock is ahead of this one.
    let last_delete = records
        .facts()
        .list
        .iter()
        .filter(|f| f.kind == FactKind::Deleted && records.progress().resolve(f.learner) == id)
        .map(|f| f.at)
        .max();
    records.record_after(id, EventKind::LearnerRestored, last_delete)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;

    /// A clock one second further on each call: the fold orders events by time, and events recorded
    /// back to back by the real clock can share a millisecond.
    fn ticking() -> chrono::DateTime<chrono::FixedOffset> {
        use std::sync::atomic::{AtomicI64, Ordering};
        static TICKS: AtomicI64 = AtomicI64::new(0);
        let tick = TICKS.fetch_add(1, Ordering::Relaxed);
        crate::learning::now() + chrono::Duration::seconds(tick)
    }

    fn open(dir: &std::path::Path) -> Records {
        let catalog: Catalog = crate::content::embedded().unwrap();
        Records::open(dir, &catalog, ticking).unwrap().0
    }

    fn add(records: &mut Records, name: &str, unit: &str) -> Uuid {
        records
            .add_learner(NewLearner::parse(name, unit, "").unwrap())
            .unwrap()
    }

    #[test]
    fn rename_records_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = open(dir.path());
        let an = add(&mut r, "Nguyễn Văn An", "Xã Yên Khánh");
        let before = r.read_events().unwrap().len();
        assert!(!rename(&mut r, an, " Nguyễn  Văn An ", "Xã Yên Khánh", "").unwrap());
        assert_eq!(r.read_events().unwrap().len(), before);
        assert!(rename(&mut r, an, "Nguyễn Văn Ân", "Xã Yên Khánh", "Công chức tư pháp").unwrap());
        let last = r.read_events().unwrap().last().unwrap().kind.clone().unwrap();
        assert_eq!(
            last,
            EventKind::LearnerUpdated {
                name: Some("Nguyễn Văn Ân".into()),
                unit: None,
                position: Some("Công chức tư pháp".into()),
            }
        );
        assert_eq!(r.progress().learner(an).unwrap().name, "Nguyễn Văn Ân");
        assert!(matches!(
            rename(&mut r, an, "  ", "", ""),
            Err(ProfileError::Invalid(LearnerError::EmptyName))
        ));
        assert!(matches!(
            rename(&mut r, Uuid::nil(), "X", "", ""),
            Err(ProfileError::Unknown)
        ));
    }

    #[test]
    fn merge_and_delete() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = open(dir.path());
        let a = add(&mut r, "Lê Thị Hoa", "Xã A");
        let b = add(&mut r, "Le Thi Hoa", "Xã A");
        let c = add(&mut r, "Trần Văn Bình", "Xã B");
        assert!(matches!(merge(&mut r, a, a), Err(ProfileError::SameProfile)));
        merge(&mut r, b, a).unwrap();
        let names: Vec<&str> = r.progress().learners().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Lê Thị Hoa", "Trần Văn Bình"]);
        assert_eq!(r.progress().learner(a).unwrap().merged, [b]);
        // Merging the merged profile again is merging a profile into itself.
        assert!(matches!(merge(&mut r, b, a), Err(ProfileError::SameProfile)));

        assert_eq!(r.current, Some(c));
        delete(&mut r, c).unwrap();
        assert_eq!(r.current, None);
        let names: Vec<&str> = r.progress().learners().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Lê Thị Hoa"]);
        assert!(matches!(delete(&mut r, c), Err(ProfileError::Unknown)));
        // Survives reopening: the journal holds it.
        drop(r);
        let r = open(dir.path());
        assert_eq!(r.progress().learners().len(), 1);
    }
}
