//! Everything a user can do, as data. Screens push commands while drawing; the app applies them after the
//! frame, so drawing never mutates shared state halfway through a pass.

use uuid::Uuid;

use crate::i18n::Lang;
use crate::settings::Theme;

/// A place in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The module cards.
    #[default]
    Home,
    /// A module's page (index into the catalog).
    Module(usize),
    /// A lesson of a module.
    Lesson { module: usize, lesson: usize },
    /// The quiz of a module: opening it starts a new draw (its state lives in `App::quiz`).
    Quiz(usize),
    /// Ungraded practice of a module: the review of its questions answered wrong (`review`), or the
    /// "Ôn tập" of its recall questions; opening it starts afresh (its state lives in `App::drill`).
    Drill { module: usize, review: bool },
    /// A practice simulation of a module: opening it starts it afresh (its state lives in `App::sim`).
    Simulation { module: usize, sim: usize },
    /// "Ai đang học?": choose or add a learner.
    Learners,
    /// The current learner's modules and attempts.
    LearnerPage,
    /// Preferences.
    Settings,
    /// "Giảng viên": the trainer area behind a PIN (its pages live in `App::trainer`); leaving it locks it.
    Trainer,
    /// Presentation mode for the projector, started on `Projection` (where it is now, and the screen to
    /// go back to, live in `App::present`): full screen, large text, nothing recorded.
    Present(Projection),
}

/// What a presentation shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// The lessons of a module, from the first section of this one.
    Lesson { module: usize, lesson: usize },
    /// The quiz questions of a module, one by one.
    Quiz(usize),
}

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Go to a screen.
    Go(Screen),
    /// Next lesson (or back to the module page after the last one).
    NextLesson,
    /// Previous lesson.
    PrevLesson,
    SetLanguage(Lang),
    /// Text size in percent.
    SetTextSize(u16),
    SetTheme(Theme),
    /// Hide the message bar.
    DismissNotice,
    /// Make this learner the current one.
    SelectLearner(Uuid),
    /// Add the learner typed in the form.
    AddLearner,
    /// The end of a lesson came into view: it counts as read.
    LessonReachedEnd {
        module: usize,
        lesson: usize,
    },
    /// Open where the current learner left off.
    Continue,
    /// The last question was answered: record the attempt and show the result.
    FinishQuiz,
    /// A new draw of the same quiz.
    RetryQuiz,
    /// Leave a quiz midway (already confirmed): nothing is recorded.
    LeaveQuiz,
    /// An answer in the review or practice: record its `question_practised` event.
    Practised(crate::records::EventKind),
    /// The practice simulation on screen was finished: record it (its summary stays on screen).
    SimulationFinished {
        mistakes: usize,
        duration_s: u64,
    },
    /// Leave the practice simulation for its module's page.
    LeaveSimulation,
    /// Leave presentation mode for the screen it was started from.
    LeavePresentation,
    /// Show a message on the bar under the top bar.
    Notify(crate::app::Notice),
    /// A trainer's change (PIN, xAPI home page, rename, merge, delete, import), applied by
    /// `app::trainer`.
    Trainer(crate::trainer::Change),
}
