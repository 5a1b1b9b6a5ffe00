//! Everything a user can do, as data. Screens push commands while drawing; the app applies them after the
//! frame, so drawing never mutates state halfway through a pass.

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
    /// Preferences.
    Settings,
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
}
