//! Changing classes: checking what the trainer typed, and recording `class_created`, `class_updated`,
//! `class_joined` and `class_left` through [`Records`] (design "Version 1 extensions").

use chrono::NaiveDate;
use uuid::Uuid;

use crate::learning::{MAX_TEXT, NewLearner, Records};
use crate::records::class::{format_date, parse_date};
use crate::records::{EventKind, StoreError};
use crate::text;

/// Why a class form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassError {
    /// The class's name is empty.
    EmptyName,
    /// The name, unit or trainer is longer than [`MAX_TEXT`] characters.
    TooLong,
    /// No start date.
    NoStart,
    /// A date is neither `dd/mm/yyyy` nor `yyyy-mm-dd`, or no such day.
    BadDate,
    /// The end is before the start.
    EndsBeforeStart,
}

/// A checked class form: text cleaned and NFC, dates read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassForm {
    pub name: String,
    /// The xã/phường; empty when not given.
    pub unit: String,
    pub starts: NaiveDate,
    pub ends: Option<NaiveDate>,
    /// Empty when not given.
    pub trainer: String,
}

/// A date as typed: `dd/mm/yyyy` (how Vietnamese write dates; `d/m/yyyy` too) or `yyyy-mm-dd`.
#[must_use]
pub fn parse_typed_date(input: &str) -> Option<NaiveDate> {
    let input = input.trim();
    parse_date(input).or_else(|| {
        let mut parts = input.split('/').map(str::trim);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

impl ClassForm {
    /// Checks and cleans what was typed. `ends` may be empty.
    ///
    /// # Errors
    /// [`ClassError`] for an empty name, an overlong field, a missing or malformed date, or an end
    /// before the start.
    pub fn parse(
        name: &str,
        unit: &str,
        starts: &str,
        ends: &str,
        trainer: &str,
    ) -> Result<ClassForm, ClassError> {
        let (name, unit, trainer) = (text::clean(name), text::clean(unit), text::clean(trainer));
        if name.is_empty() {
            return Err(ClassError::EmptyName);
        }
        if [&name, &unit, &trainer]
            .iter()
            .any(|t| t.chars().count() > MAX_TEXT)
        {
            return Err(ClassError::TooLong);
        }
        if starts.trim().is_empty() {
            return Err(ClassError::NoStart);
        }
        let starts = parse_typed_date(starts).ok_or(ClassError::BadDate)?;
        let ends = match ends.trim() {
            "" => None,
            typed => Some(parse_typed_date(typed).ok_or(ClassError::BadDate)?),
        };
        if ends.is_some_and(|ends| ends < starts) {
            return Err(ClassError::EndsBeforeStart);
        }
        Ok(ClassForm {
            name,
            unit,
            starts,
            ends,
            trainer,
        })
    }
}

fn some_text(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

impl Records {
    /// Records a new class; returns its id.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written.
    pub fn create_class(&mut self, form: &ClassForm) -> Result<Uuid, StoreError> {
        let class = Uuid::new_v4();
        let kind = EventKind::ClassCreated {
            class,
            name: form.name.clone(),
            unit: some_text(&form.unit),
            starts: format_date(form.starts),
            ends: form.ends.map(format_date),
            trainer: some_text(&form.trainer),
        };
        self.record(Uuid::nil(), kind)?;
        Ok(class)
    }

    /// Records the fields of `form` that differ from the class now (only those, so two PCs changing
    /// different fields both keep theirs); an emptied unit, end or trainer is recorded as empty text.
    /// Returns whether anything changed.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written.
    pub fn update_class(&mut self, class: Uuid, form: &ClassForm) -> Result<bool, StoreError> {
        let now = self.progress().class(class);
        let differs = |old: Option<&str>, new: &str| (old != Some(new)).then(|| new.to_owned());
        let ends = form.ends.map(format_date).unwrap_or_default();
        let kind = EventKind::ClassUpdated {
            class,
            name: differs(now.map(|c| c.name.as_str()), &form.name),
            unit: differs(now.map(|c| c.unit.as_str()), &form.unit),
            starts: (now.and_then(|c| c.starts) != Some(form.starts)).then(|| format_date(form.starts)),
            ends: (now.map(|c| c.ends) != Some(form.ends)).then_some(ends),
            trainer: differs(now.map(|c| c.trainer.as_str()), &form.trainer),
        };
        if let EventKind::ClassUpdated {
            name: None,
            unit: None,
            starts: None,
            ends: None,
            trainer: None,
            ..
        } = kind
        {
            return Ok(false);
        }
        self.record(Uuid::nil(), kind)?;
        Ok(true)
    }

    /// Puts learners in a class; those already in it are left as they are. Returns how many joined.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written (those recorded before stay).
    pub fn join_class(&mut self, class: Uuid, learners: &[Uuid]) -> Result<usize, StoreError> {
        let events = self.membership_changes(class, learners, true);
        let joined = events.len();
        self.record_all(events)?;
        Ok(joined)
    }

    /// Takes learners out of a class; those not in it are left as they are. Returns how many left.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written (those recorded before stay).
    pub fn leave_class(&mut self, class: Uuid, learners: &[Uuid]) -> Result<usize, StoreError> {
        let events = self.membership_changes(class, learners, false);
        let left = events.len();
        self.record_all(events)?;
        Ok(left)
    }

    /// New learners from a pasted list, each in `class`: one `learner_created` and one
    /// `class_joined` each, folded once. Returns their ids, in order.
    ///
    /// # Errors
    /// [`StoreError`] if the journal cannot be written (those recorded before stay).
    pub fn add_learners_to_class(
        &mut self,
        class: Uuid,
        learners: Vec<NewLearner>,
    ) -> Result<Vec<Uuid>, StoreError> {
        let mut ids = Vec::with_capacity(learners.len());
        let mut events = Vec::with_capacity(learners.len() * 2);
        for new in learners {
            let id = Uuid::new_v4();
            ids.push(id);
            events.push((
                id,
                EventKind::LearnerCreated {
                    name: new.name,
                    unit: some_text(&new.unit),
                    position: some_text(&new.position),
                },
            ));
            events.push((id, EventKind::ClassJoined { class }));
        }
        self.record_all(events)?;
        Ok(ids)
    }

    /// The join or leave events that change something: one per learner (after merges) whose
    /// membership is not already `join`.
    fn membership_changes(&self, class: Uuid, learners: &[Uuid], join: bool) -> Vec<(Uuid, EventKind)> {
        let progress = self.progress();
        let members = progress
            .class(class)
            .map(|c| c.members.as_slice())
            .unwrap_or_default();
        let mut seen = Vec::new();
        let mut events = Vec::new();
        for &learner in learners {
            let id = progress.resolve(learner);
            if progress.learner(id).is_none() || seen.contains(&id) || members.contains(&id) == join {
                continue;
            }
            seen.push(id);
            let kind = if join {
                EventKind::ClassJoined { class }
            } else {
                EventKind::ClassLeft { class }
            };
            events.push((id, kind));
        }
        events
    }
}
