//! The shapes of lesson content: what `module.json`, `quiz.json` and `glossary.json` hold, and the loaded
//! catalog the app reads from. Unknown fields are rejected, so a typo in a content file is an error, not
//! a silently ignored setting.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::markdown::Block;

fn default_pass_mark() -> u8 {
    80
}

fn default_version() -> u32 {
    1
}

fn default_quiz_draw() -> usize {
    10
}

/// `module.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleMeta {
    pub id: String,
    pub order: u32,
    /// The content's version, an integer raised by each published change (1 for the first). Events record
    /// it, and a lesson pack replaces a module only with a higher one.
    #[serde(default = "default_version")]
    pub version: u32,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub audience: Option<String>,
    pub estimated_minutes: u32,
    /// A small square SVG beside the module's title on the home screen (optional; a plain disc without).
    #[serde(default)]
    pub icon: Option<String>,
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    #[serde(default = "default_quiz_draw")]
    pub quiz_draw: usize,
    pub lessons: Vec<LessonMeta>,
    pub quiz: String,
    #[serde(default)]
    pub simulations: Vec<SimulationRef>,
}

/// One entry of `lessons` in `module.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LessonMeta {
    pub id: String,
    pub title: String,
    pub file: String,
    pub minutes: u32,
}

/// One entry of `simulations` in `module.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SimulationRef {
    pub id: String,
    pub file: String,
    #[serde(default)]
    pub required: bool,
}

/// `quiz.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    pub questions: Vec<RawQuestion>,
}

/// A question as written in `quiz.json`; turned into [`Question`] after validation.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RawQuestion {
    Single {
        id: String,
        #[serde(default)]
        lesson: Option<String>,
        prompt: String,
        options: Vec<String>,
        correct: usize,
        explanation: String,
    },
    Multiple {
        id: String,
        #[serde(default)]
        lesson: Option<String>,
        prompt: String,
        options: Vec<String>,
        correct: Vec<usize>,
        explanation: String,
    },
    TrueFalse {
        id: String,
        #[serde(default)]
        lesson: Option<String>,
        prompt: String,
        answer: bool,
        explanation: String,
    },
    Ordering {
        id: String,
        #[serde(default)]
        lesson: Option<String>,
        prompt: String,
        steps: Vec<String>,
        explanation: String,
    },
    Matching {
        id: String,
        #[serde(default)]
        lesson: Option<String>,
        prompt: String,
        pairs: Vec<Pair>,
        explanation: String,
    },
}

/// A left–right pair of a matching question.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub left: String,
    pub right: String,
}

/// What kind of answer a question asks for, with the right answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// One option is right.
    Single { options: Vec<String>, correct: usize },
    /// Every right option and no wrong one must be chosen.
    Multiple {
        options: Vec<String>,
        correct: Vec<usize>,
    },
    /// A statement that is true or false.
    TrueFalse { answer: bool },
    /// Steps, stored in the right order.
    Ordering { steps: Vec<String> },
    /// Pairs, stored matched.
    Matching { pairs: Vec<Pair> },
}

impl QuestionKind {
    /// A stable name for the kind, as written in `quiz.json`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Ordering { .. } => "ordering",
            QuestionKind::Matching { .. } => "matching",
        }
    }
}

/// A validated quiz question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub lesson: Option<String>,
    pub prompt: String,
    pub explanation: String,
    pub kind: QuestionKind,
}

impl From<RawQuestion> for Question {
    fn from(raw: RawQuestion) -> Self {
        match raw {
            RawQuestion::Single {
                id,
                lesson,
                prompt,
                options,
                correct,
                explanation,
            } => Question {
                id,
                lesson,
                prompt,
                explanation,
                kind: QuestionKind::Single { options, correct },
            },
            RawQuestion::Multiple {
                id,
                lesson,
                prompt,
                options,
                correct,
                explanation,
            } => Question {
                id,
                lesson,
                prompt,
                explanation,
                kind: QuestionKind::Multiple { options, correct },
            },
            RawQuestion::TrueFalse {
                id,
                lesson,
                prompt,
                answer,
                explanation,
            } => Question {
                id,
                lesson,
                prompt,
                explanation,
                kind: QuestionKind::TrueFalse { answer },
            },
            RawQuestion::Ordering {
                id,
                lesson,
                prompt,
                steps,
                explanation,
            } => Question {
                id,
                lesson,
                prompt,
                explanation,
                kind: QuestionKind::Ordering { steps },
            },
            RawQuestion::Matching {
                id,
                lesson,
                prompt,
                pairs,
                explanation,
            } => Question {
                id,
                lesson,
                prompt,
                explanation,
                kind: QuestionKind::Matching { pairs },
            },
        }
    }
}

/// One glossary entry.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
}

/// A loaded lesson: its entry in `module.json` and its parsed Markdown.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub meta: LessonMeta,
    pub blocks: Vec<Block>,
    /// Words in the lesson, for the reading-time estimate and content checks.
    pub words: usize,
}

/// A loaded module.
#[derive(Debug, Clone)]
pub struct Module {
    /// The folder name, e.g. `01-bao-cao`.
    pub dir: String,
    pub meta: ModuleMeta,
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
    pub glossary: Vec<GlossaryEntry>,
    /// The practice simulations listed in `module.json`, loaded and validated, in the same order.
    pub simulations: Vec<crate::sim::Scenario>,
    /// Notes for the trainer (`trainer.md` in the module folder, parsed like a lesson), when present:
    /// a session plan, common mistakes, discussion questions. Shown in the trainer area, never to learners.
    pub trainer_notes: Option<Vec<Block>>,
}

impl Module {
    /// The module's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// The index of a lesson by id.
    #[must_use]
    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.meta.id == id)
    }
}

/// Every module, sorted by `order`, and the images lessons refer to (keyed `dir/file`).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub modules: Vec<Module>,
    pub images: HashMap<String, Arc<[u8]>>,
}

impl Catalog {
    /// A module by id.
    #[must_use]
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.meta.id == id)
    }

    /// Totals for `check-content`: modules, lessons, questions, simulations.
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let lessons = self.modules.iter().map(|m| m.lessons.len()).sum();
        let questions = self.modules.iter().map(|m| m.questions.len()).sum();
        let sims = self.modules.iter().map(|m| m.simulations.len()).sum();
        (self.modules.len(), lessons, questions, sims)
    }
}
