//! Lesson content: the model, Markdown parsing, diagrams, loading from the binary or a folder, and
//! validation. Nothing here knows about the window.

mod glossary;
pub mod load;
pub mod markdown;
pub mod model;
pub mod problem;
pub mod source;
pub mod svg;

pub use load::load;
pub use model::{Catalog, Lesson, Module, Question, QuestionKind, Tests};
pub use problem::{Issue, Problem};
pub use source::{DirSource, EmbeddedSource, ReadProblem, Source};

/// Loads the lessons compiled into the binary.
///
/// # Errors
/// The content problems, which the build's own content test rules out for shipped binaries.
pub fn embedded() -> Result<Catalog, Vec<Issue>> {
    load(&EmbeddedSource)
}
