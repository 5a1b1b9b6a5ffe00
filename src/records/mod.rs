//! Learner records: the append-only journal of events, the fold into progress, and merging.
//!
//! - [`event`]: the event schema (design Part A) and its JSON form (kinds read in place by `kind_read`);
//! - [`fact`]: the 72 bytes of an event that the fold reads, kept in memory instead of the event;
//! - [`load`]: reading a journal file's bytes, damaged or not;
//! - [`store`]: the locked, fsynced journal file; [`backup`]: its daily copies;
//! - [`class`]: training classes as the fold sees them;
//! - [`merge`]: which profile a merged learner's events count for;
//! - [`progress`]: the fold into learners and module progress; [`roster`]: the trainer's table;
//!   [`resume`]: where a learner continues;
//! - [`time`]: which event times are plausible, and which may order this PC's clock.

pub mod backup;
pub mod class;
pub mod event;
pub mod fact;
mod kind_read;
pub mod load;
pub mod merge;
pub mod progress;
pub mod resume;
pub mod roster;
pub mod store;
pub mod time;

pub use class::Class;
pub use event::{AnswerRecord, Chosen, Event, EventKind};
pub use fact::{Fact, FactKind, Facts};
pub use progress::{ModuleSpec, Progress, fold, fold_facts, newly_completed};
pub use resume::{Resume, resume};
pub use roster::{RosterRow, Status, roster};
pub use store::{ImportCounts, Journal, OpenReport, StoreError};
