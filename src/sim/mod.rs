//! Practice simulations driven by content: a scenario file describes an imitation portal (screens,
//! fields, buttons, messages), the checks on each action, hints and feedback; this module loads nothing
//! itself and draws nothing. It holds the scenario types ([`model`]), how answers are compared
//! ([`value`]), one learner's run ([`run`]), the graph walk that proves a scenario can be completed
//! ([`walk`]) and the validation `check-content` runs ([`validate`], its findings as data in [`problem`]). The learner's view is
//! `ui::simulation`.

pub mod model;
pub mod problem;
pub mod run;
pub mod validate;
pub mod value;
pub mod walk;

pub use model::{Check, Expect, Field, FieldKind, FieldSpec, Item, Scenario, SimAction, SimScreen, When};
pub use problem::{IdOf, SimProblem};
pub use run::{FieldMistake, Mistake, SimRun, Summary};
pub use validate::{SimIssue, validate};
pub use value::Value;
pub use walk::{Step, solve};

#[cfg(test)]
mod fixture;
