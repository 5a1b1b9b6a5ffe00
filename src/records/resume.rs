//! "Where to continue": the one place a returning learner lands, days later.
//!
//! The first module in catalog order that is not completed decides: its first unviewed lesson, else
//! its quiz (all lessons viewed, quiz not passed), else its first required simulation not done. When
//! every module is completed there is nothing to continue.

use uuid::Uuid;

use super::progress::{ModuleProgress, Progress};

/// Where a learner should continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    /// Open this lesson.
    Lesson { module: String, lesson: String },
    /// Start this module's quiz.
    Quiz { module: String },
    /// Run this required simulation.
    Simulation { module: String, simulation: String },
    /// Every module is completed (or there are none).
    AllDone,
}

/// Where `learner` should continue. An unknown learner starts at the first lesson.
#[must_use]
pub fn resume(progress: &Progress, learner: Uuid) -> Resume {
    let done = progress.progress(learner);
    for (index, spec) in progress.modules().iter().enumerate() {
        let module = done.get(index);
        if module.is_some_and(ModuleProgress::completed) {
            continue;
        }
        let viewed = |lesson: &String| module.is_some_and(|m| m.lessons_viewed.contains(lesson));
        if let Some(lesson) = spec.lessons.iter().find(|l| !viewed(l)) {
            return Resume::Lesson {
                module: spec.id.clone(),
                lesson: lesson.clone(),
            };
        }
        if !module.is_some_and(ModuleProgress::quiz_passed) {
            return Resume::Quiz {
                module: spec.id.clone(),
            };
        }
        let ran = |sim: &String| module.is_some_and(|m| m.simulations_done.contains(sim));
        if let Some(simulation) = spec.required_simulations.iter().find(|s| !ran(s)) {
            return Resume::Simulation {
                module: spec.id.clone(),
                simulation: simulation.clone(),
            };
        }
    }
    Resume::AllDone
}
