//! What can be wrong with lesson content, as data. Messages are produced in the interface language only
//! when shown, so the validator stays free of wording and tests match on the variant.

use crate::i18n::I18n;

/// One thing wrong with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No module folder was found.
    NoModules,
    /// A folder under `lessons/` not named `NN-slug`.
    BadFolderName,
    /// The file is not readable UTF-8.
    NotUtf8,
    /// JSON syntax, a missing field, a wrong type or an unknown field (serde's own words).
    Json(String),
    /// Text that is not Unicode NFC.
    NotNfc,
    /// An id that is not lowercase ASCII letters, digits and dashes.
    BadId(String),
    /// An id used twice.
    DuplicateId(String),
    /// Two modules share an `order`.
    DuplicateOrder(u32),
    /// A file listed (lesson, quiz, simulation) that does not exist.
    MissingFile(String),
    /// A file listed that is a folder, a named pipe or a device.
    NotAFile(String),
    /// A file listed whose path, or a link on it, leads out of the lesson folder.
    OutsideFolder(String),
    /// A file listed that is larger than [`super::source::MAX_CONTENT_FILE_BYTES`].
    TooLarge(String),
    /// A file listed that the operating system would not read (no permission, a link that loops).
    Unreadable(String),
    /// An image a lesson refers to that does not exist.
    MissingImage(String),
    /// An image that is not SVG.
    ImageNotSvg(String),
    /// An SVG that cannot be drawn.
    BadSvg(String, String),
    /// A lesson with a level-1 heading (the title comes from module.json).
    LessonH1,
    /// A lesson whose last `##` section is not the sources section.
    NoSourcesSection,
    /// A text field left empty.
    EmptyText(String),
    /// A question with no right answer.
    NoCorrectAnswer(String),
    /// A right-answer index that points past the options.
    CorrectOutOfRange(String),
    /// Fewer than two options, steps or pairs.
    TooFewChoices(String),
    /// Two identical options, steps or right-hand sides, which could not be told apart.
    DuplicateChoice(String),
    /// A question naming a lesson the module does not have.
    UnknownLesson(String),
    /// A question without `tests` (skill, fact or recall).
    MissingTests(String),
    /// A question without `lesson`.
    MissingLesson(String),
    /// A lesson with no skill or fact question, so a graded quiz cannot cover it.
    LessonNotGraded(String),
    /// A graded draw smaller than the number of lessons cannot take a question from each.
    DrawBelowLessons { draw: usize, lessons: usize },
    /// A pass mark outside 1–100.
    BadPassMark(u8),
    /// An attempt draws more questions than the bank has, or none.
    BadDraw { draw: usize, have: usize },
    /// A problem found in a simulation scenario.
    Simulation(crate::sim::SimProblem),
    /// A glossary term explained differently elsewhere in the catalog (`first` is `path:line`).
    GlossaryConflict { term: String, first: String },
}

impl Problem {
    /// The message in the interface language.
    #[must_use]
    pub fn message(&self, t: &I18n) -> String {
        match self {
            Problem::NoModules => t.content_no_modules(),
            Problem::BadFolderName => t.content_bad_folder(),
            Problem::NotUtf8 => t.content_not_utf8(),
            Problem::Json(detail) => t.content_json(detail.clone()),
            Problem::NotNfc => t.content_not_nfc(),
            Problem::BadId(id) => t.content_bad_id(id.clone()),
            Problem::DuplicateId(id) => t.content_duplicate_id(id.clone()),
            Problem::DuplicateOrder(n) => t.content_duplicate_order(*n),
            Problem::MissingFile(f) => t.content_missing_file(f.clone()),
            Problem::NotAFile(f) => t.content_not_a_file(f.clone()),
            Problem::OutsideFolder(f) => t.content_outside_folder(f.clone()),
            Problem::TooLarge(f) => {
                t.content_too_large(f.clone(), super::source::MAX_CONTENT_FILE_BYTES / (1024 * 1024))
            }
            Problem::Unreadable(f) => t.content_unreadable(f.clone()),
            Problem::MissingImage(f) => t.content_missing_image(f.clone()),
            Problem::ImageNotSvg(f) => t.content_image_not_svg(f.clone()),
            Problem::BadSvg(name, detail) => t.content_bad_svg(detail.clone(), name.clone()),
            Problem::LessonH1 => t.content_lesson_h1(),
            Problem::NoSourcesSection => t.content_no_sources(),
            Problem::EmptyText(field) => t.content_empty_text(field.clone()),
            Problem::NoCorrectAnswer(id) => t.content_no_correct(id.clone()),
            Problem::CorrectOutOfRange(id) => t.content_correct_range(id.clone()),
            Problem::TooFewChoices(id) => t.content_too_few(id.clone()),
            Problem::DuplicateChoice(id) => t.content_duplicate_choice(id.clone()),
            Problem::UnknownLesson(id) => t.content_unknown_lesson(id.clone()),
            Problem::MissingTests(id) => t.review_check_missing_tests(id.clone()),
            Problem::MissingLesson(id) => t.review_check_missing_lesson(id.clone()),
            Problem::LessonNotGraded(id) => t.review_check_lesson_not_graded(id.clone()),
            Problem::DrawBelowLessons { draw, lessons } => t.review_check_draw_below_lessons(*draw, *lessons),
            Problem::BadPassMark(n) => t.content_bad_pass_mark(*n),
            Problem::BadDraw { draw, have } => t.content_bad_draw(*draw, *have),
            Problem::Simulation(p) => t.content_simulation(p.message(t)),
            Problem::GlossaryConflict { term, first } => {
                t.content_glossary_conflict(first.clone(), term.clone())
            }
        }
    }
}

/// A problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The file as the user should see it (`lessons/01-bao-cao/quiz.json`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    pub problem: Problem,
}

impl Issue {
    /// `path:line: message`.
    #[must_use]
    pub fn render(&self, t: &I18n) -> String {
        format!("{}:{}: {}", self.file, self.line, self.problem.message(t))
    }
}
