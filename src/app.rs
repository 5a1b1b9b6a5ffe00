//! The application: owns the catalog, translations, settings and the current screen; draws one frame and
//! then applies the commands the screens pushed. `eframe` calls [`App::ui`] through a thin wrapper, and
//! tests drive the same method through `egui_kittest`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::command::{Command, Screen};
use crate::content::Catalog;
use crate::i18n::I18n;
use crate::settings::{Settings, TEXT_SIZE_RANGE};
use crate::ui;

/// A message shown under the top bar until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// The whole app state.
pub struct App {
    pub catalog: Arc<Catalog>,
    pub t: I18n,
    pub settings: Settings,
    pub data_dir: PathBuf,
    pub screen: Screen,
    pub notice: Option<Notice>,
    pub diagrams: ui::diagram::DiagramCache,
    commands: Vec<Command>,
    applied_style: Option<(crate::settings::Theme, u16)>,
}

impl App {
    /// An app on `data_dir`, with settings read from it.
    #[must_use]
    pub fn new(catalog: Arc<Catalog>, data_dir: PathBuf) -> Self {
        let settings = Settings::load(&data_dir);
        Self {
            catalog,
            t: I18n::new(settings.language),
            settings,
            data_dir,
            screen: Screen::Home,
            notice: None,
            diagrams: ui::diagram::DiagramCache::default(),
            commands: Vec::new(),
            applied_style: None,
        }
    }

    /// Queues a command for after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws one frame, then applies the queued commands.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let style = (self.settings.theme, self.settings.text_size());
        if self.applied_style != Some(style) {
            ui::theme::apply(ui.ctx(), style.0, style.1);
            // The root Ui copied the old style at the start of this pass.
            ui.set_style(ui.ctx().global_style());
            self.applied_style = Some(style);
        }
        ui::shortcuts(self, ui.ctx());
        ui::top_bar::show(self, ui);
        ui::notice_bar(self, ui);
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Home => ui::home::show(self, ui),
            Screen::Module(m) => ui::module_page::show(self, ui, m),
            Screen::Lesson { module, lesson } => ui::lesson::show(self, ui, module, lesson),
            Screen::Settings => ui::settings::show(self, ui),
        });
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::Go(screen) => self.screen = screen,
            Command::NextLesson | Command::PrevLesson => {
                self.step_lesson(command == Command::NextLesson)
            }
            Command::SetLanguage(lang) => {
                self.t.set_lang(lang);
                self.settings.language = lang;
                self.save_settings();
            }
            Command::SetTextSize(size) => {
                self.settings.text_size = size.clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1);
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::DismissNotice => self.notice = None,
        }
    }

    fn step_lesson(&mut self, forward: bool) {
        let Screen::Lesson { module, lesson } = self.screen else {
            return;
        };
        let count = self
            .catalog
            .modules
            .get(module)
            .map_or(0, |m| m.lessons.len());
        self.screen = match (forward, lesson) {
            (true, l) if l + 1 < count => Screen::Lesson {
                module,
                lesson: l + 1,
            },
            (true, _) => Screen::Module(module),
            (false, 0) => Screen::Module(module),
            (false, l) => Screen::Lesson {
                module,
                lesson: l - 1,
            },
        };
    }

    fn save_settings(&mut self) {
        match self.settings.save(&self.data_dir) {
            Ok(()) => {
                if self.notice.as_ref().is_some_and(|n| n.is_error) {
                    self.notice = None;
                }
            }
            Err(e) => {
                log::error!("saving settings in {}: {e}", self.data_dir.display());
                self.notice = Some(Notice {
                    text: self.t.error_settings_save(),
                    is_error: true,
                });
            }
        }
    }
}
