//! Limiting an export to one class (`kynangso export … --class CLASS`): the roster keeps the class's
//! members, and the events their own (and those of profiles merged into them) plus the class's
//! `class_created` and `class_updated`, so an exchange file of a class imported elsewhere shows the class.

use std::collections::HashSet;

use uuid::Uuid;

use crate::export::{Events, ExportError};
use crate::records::{Class, Event, EventKind, Progress};
use crate::trainer::transfer::ExportJob;

/// The events of one class's members and of the class itself.
pub struct ClassEvents {
    inner: Box<dyn Events + Send + Sync>,
    learners: HashSet<Uuid>,
    class: Uuid,
}

impl ClassEvents {
    /// `inner` limited to `class`.
    #[must_use]
    pub fn new(inner: Box<dyn Events + Send + Sync>, progress: &Progress, class: &Class) -> ClassEvents {
        ClassEvents {
            inner,
            learners: learners_of(progress, class),
            class: class.id,
        }
    }

    fn keeps(&self, event: &Event) -> bool {
        match &event.kind {
            Some(EventKind::ClassCreated { class, .. } | EventKind::ClassUpdated { class, .. }) => {
                *class == self.class
            }
            _ => self.learners.contains(&event.learner),
        }
    }
}

impl Events for ClassEvents {
    fn each(&self, f: &mut dyn FnMut(&Event)) -> Result<(), ExportError> {
        self.inner.each(&mut |event| {
            if self.keeps(event) {
                f(event);
            }
        })
    }
}

/// The class's members and the profiles merged into them.
#[must_use]
pub fn learners_of(progress: &Progress, class: &Class) -> HashSet<Uuid> {
    let mut learners: HashSet<Uuid> = class.members.iter().copied().collect();
    for member in &class.members {
        if let Some(learner) = progress.learner(*member) {
            learners.extend(learner.merged.iter().copied());
        }
    }
    learners
}

/// Limits an export job to `class`: its roster to the members, its events to [`ClassEvents`].
pub fn limit_job(job: &mut ExportJob, progress: &Progress, class: &Class) {
    job.roster.retain(|row| class.members.contains(&row.learner));
    let all = std::mem::replace(&mut job.events, Box::new(Vec::<Event>::new()));
    job.events = Box::new(ClassEvents::new(all, progress, class));
}
