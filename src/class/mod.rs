//! Training classes (lớp tập huấn) beyond the fold (which is `records::class`): editing them
//! ([`edit`]), a pasted list of names ([`paste`]), what a class's records say ([`analysis`],
//! [`questions`]) and finding a class by what the trainer typed. No window: the trainer area's screens
//! and the command line both use this.

pub mod analysis;
pub mod edit;
pub mod filter;
pub mod paste;
pub mod questions;
pub mod report;

use uuid::Uuid;

use crate::records::{Class, Progress};

pub use edit::{ClassError, ClassForm};

/// Why a class named on the command line was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// No class has that id or exact name.
    NotFound,
    /// Several classes have that exact name: their ids, to pick one.
    Ambiguous(Vec<Uuid>),
}

/// The class whose id is `query`, or whose name is exactly `query` (after cleaning and NFC).
///
/// # Errors
/// [`FindError`] when none or several match.
pub fn find<'a>(progress: &'a Progress, query: &str) -> Result<&'a Class, FindError> {
    if let Ok(id) = Uuid::parse_str(query.trim()) {
        return progress.class(id).ok_or(FindError::NotFound);
    }
    let name = crate::text::clean(query);
    let named: Vec<&Class> = progress.classes().iter().filter(|c| c.name == name).collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(FindError::NotFound),
        many => Err(FindError::Ambiguous(many.iter().map(|c| c.id).collect())),
    }
}
