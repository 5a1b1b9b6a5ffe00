//! The application: owns the catalog, translations, settings, records, the current screen and each
//! screen's state. One frame is: take what background jobs finished, draw the screen (which reads a
//! [`ScreenCtx`] and pushes [`Command`]s), then apply the commands. Every way of moving between screens
//! goes through [`App::open`]. `eframe` calls [`App::ui`] through a thin wrapper, and tests drive the
//! same method through `egui_kittest`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::command::{Command, Projection, Screen};
use crate::content::Catalog;
use crate::i18n::I18n;
use crate::job::{Job, Poll};
use crate::learning::{Clock, LearnerError, NewLearner, Records};
use crate::quiz::QuizSession;
use crate::records::{EventKind, OpenReport, Resume, StoreError};
use crate::settings::{Health, Settings, TEXT_SIZE_RANGE};
use crate::ui::{self, Commands, ScreenCtx};

mod classes;
mod packs;
mod trainer;

/// What screens read of the app, borrowed field by field so each screen's state stays free to change.
macro_rules! screen_ctx {
    ($app:expr) => {
        ScreenCtx {
            t: &$app.t,
            catalog: &$app.catalog,
            settings: &$app.settings,
            records: $app.records.as_ref(),
            records_error: $app.records_error.as_deref(),
            screen: $app.screen,
            data_dir: &$app.data_dir,
        }
    };
}

/// What opening the journal gives.
type Opened = Result<(Records, OpenReport), StoreError>;

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
    /// `None` when the journal could not be opened; `records_error` says why.
    pub records: Option<Records>,
    pub records_error: Option<String>,
    /// The journal being opened on a worker thread (the window's start does not wait for it).
    opening: Option<Job<Opened>>,
    pub learners: ui::learners::LearnersState,
    pub lesson: ui::lesson::LessonState,
    pub quiz: Option<ui::quiz::QuizState>,
    pub drill: Option<ui::review::DrillState>,
    pub sim: Option<ui::simulation::SimState>,
    /// Presentation mode (`Screen::Present`): where it is and where Esc goes back to.
    pub present: Option<ui::present::PresentState>,
    /// While presenting: whether the window was full screen before, to put it back on leaving.
    restore_fullscreen: Option<bool>,
    /// The trainer area: PIN gate, roster, exports and imports.
    pub trainer: ui::trainer::TrainerState,
    /// Seed for the next quiz draw; tests set it to replay a draw.
    pub next_seed: u64,
    commands: Commands,
    applied_style: Option<(crate::settings::Theme, u16)>,
}

impl App {
    /// An app on `data_dir` with the real clock.
    #[must_use]
    pub fn new(catalog: Arc<Catalog>, data_dir: PathBuf) -> Self {
        Self::with_clock(catalog, data_dir, crate::learning::now)
    }

    /// An app on `data_dir`, with settings and records read from it.
    #[must_use]
    pub fn with_clock(catalog: Arc<Catalog>, data_dir: PathBuf, clock: Clock) -> Self {
        let opened = Records::open(&data_dir, &catalog, clock);
        let mut app = Self::without_records(catalog, data_dir, clock);
        app.take_records(opened);
        app
    }

    /// An app on `data_dir` whose journal opens on a worker thread: the window shows its first frame at
    /// once, with a "opening" line until the records are there. A province's journal takes seconds.
    #[must_use]
    pub fn opening(catalog: Arc<Catalog>, data_dir: PathBuf) -> Self {
        let clock: Clock = crate::learning::now;
        let mut app = Self::without_records(catalog.clone(), data_dir.clone(), clock);
        let spawned = Job::spawn("open-journal", None, move |_| {
            Records::open(&data_dir, &catalog, clock)
        });
        match spawned {
            Ok(job) => app.opening = Some(job),
            Err(e) => {
                log::error!("journal thread: {e}");
                let opened = Records::open(&app.data_dir, &app.catalog, clock);
                app.take_records(opened);
            }
        }
        app
    }

    /// Whether the journal is still being opened.
    #[must_use]
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Keeps the opened records, or says why there are none; a repaired journal is told once.
    fn take_records(&mut self, opened: Opened) {
        match opened {
            Ok((mut records, report)) => {
                records.pc_class = self.settings.pc_class;
                if report.torn_tail.is_some() || !report.bad_lines.is_empty() {
                    log::warn!("journal repaired: {report:?}");
                    self.notice = Some(Notice {
                        text: self.t.journal_repaired(),
                        is_error: true,
                    });
                }
                self.records = Some(records);
            }
            Err(e) => {
                log::error!("journal in {}: {e}", self.data_dir.display());
                self.records_error = Some(store_message(&self.t, &e));
            }
        }
    }

    fn without_records(catalog: Arc<Catalog>, data_dir: PathBuf, clock: Clock) -> Self {
        let (settings, settings_health) = Settings::read(&data_dir);
        let t = I18n::new(settings.language);
        let mut notice = None;
        match settings_health {
            // A file read whole is the one to fall back on, also after a hand edit (the PIN reset).
            Health::Good => settings.keep_good_copy(&data_dir),
            Health::Repaired(_) => {
                // Written back at once, whole, with the damaged file kept aside: then the README's
                // reset (delete the "trainer_pin" line) works even on a file that was garbled.
                if let Err(e) = settings.save(&data_dir) {
                    log::error!("saving repaired settings in {}: {e}", data_dir.display());
                }
                notice = Some(Notice {
                    text: t.settings_repaired(),
                    is_error: true,
                });
            }
            Health::Fresh => {}
        }
        #[allow(clippy::cast_sign_loss)]
        let next_seed = clock().timestamp_nanos_opt().unwrap_or_default() as u64;
        let mut trainer = ui::trainer::TrainerState::default();
        trainer.gate = crate::trainer::pin::Gate::resume(
            settings.trainer_gate,
            chrono::Utc::now(),
            std::time::Instant::now(),
        );
        Self {
            catalog,
            t,
            settings,
            data_dir,
            screen: Screen::Learners,
            notice,
            records: None,
            records_error: None,
            opening: None,
            learners: ui::learners::LearnersState::default(),
            lesson: ui::lesson::LessonState::default(),
            quiz: None,
            drill: None,
            sim: None,
            present: None,
            restore_fullscreen: None,
            trainer,
            next_seed,
            commands: Commands::default(),
            applied_style: None,
        }
    }

    /// Queues a command for after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The current learner, if one is chosen.
    #[must_use]
    pub fn learner(&self) -> Option<uuid::Uuid> {
        self.records.as_ref().and_then(|r| r.current)
    }

    /// Draws one frame, then applies the queued commands.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        // Presentation mode has its own text size; the learner's setting stays as it is.
        let text_size = match (&self.present, self.screen) {
            (Some(present), Screen::Present(_)) => present.text_size,
            _ => self.settings.text_size(),
        };
        let style = (self.settings.theme, text_size);
        if self.applied_style != Some(style) {
            ui::theme::apply(ui.ctx(), style.0, style.1);
            // The root Ui copied the old style at the start of this pass.
            ui.set_style(ui.ctx().global_style());
            self.applied_style = Some(style);
        }
        if let Some(job) = &mut self.opening {
            match job.poll() {
                Poll::Done(opened) => {
                    self.opening = None;
                    self.take_records(opened);
                }
                Poll::Running { .. } => {
                    ui::opening::show(ui, &self.t);
                    return;
                }
                Poll::Lost => {
                    self.opening = None;
                    self.records_error = Some(self.t.error_journal_io());
                }
            }
        }
        self.poll_jobs(ui.ctx());
        self.draw(ui);
        ui::focus_ring(ui.ctx());
        for command in self.commands.take() {
            self.apply(command);
        }
        self.sync_fullscreen(ui.ctx());
    }

    /// Full screen while presenting; on leaving, the window goes back to what it was.
    fn sync_fullscreen(&mut self, ctx: &egui::Context) {
        let presenting = matches!(self.screen, Screen::Present(_));
        match (presenting, self.restore_fullscreen) {
            (true, None) => {
                self.restore_fullscreen = Some(ctx.input(|i| i.viewport().fullscreen.unwrap_or(false)));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            (false, Some(was)) => {
                self.restore_fullscreen = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(was));
            }
            _ => {}
        }
    }

    /// Takes what background jobs reported (before drawing, so a frame shows one state throughout).
    fn poll_jobs(&mut self, wake: &egui::Context) {
        let ctx = screen_ctx!(self);
        ui::trainer::poll(&mut self.trainer, &ctx, wake, &mut self.commands);
    }

    /// Draws the current screen; what it asks for waits in `self.commands`.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = screen_ctx!(self);
        let out = &mut self.commands;
        if let Screen::Present(_) = ctx.screen {
            // A plain slide: no top bar, no message bar, its own keys.
            ui::present::show(ui, &ctx, self.present.as_mut(), out);
            return;
        }
        ui::shortcuts(ui, &ctx, out);
        ui::top_bar::show(ui, &ctx, out);
        ui::notice_bar::show(ui, &ctx, self.notice.as_ref(), out);
        egui::CentralPanel::default().show(ui, |ui| match ctx.screen {
            Screen::Home => ui::home::show(ui, &ctx, out),
            Screen::Module(m) => ui::module_page::show(ui, &ctx, m, out),
            Screen::Lesson { module, lesson } => {
                ui::lesson::show(ui, &ctx, &mut self.lesson, module, lesson, out);
            }
            Screen::Quiz(_) => ui::quiz::show(ui, &ctx, self.quiz.as_mut(), out),
            Screen::Drill { .. } => ui::review::show(ui, &ctx, self.drill.as_mut(), out),
            Screen::Simulation { .. } => ui::simulation::show(ui, &ctx, self.sim.as_mut(), out),
            Screen::Learners => ui::learners::show(ui, &ctx, &mut self.learners, out),
            Screen::LearnerPage => ui::learner_page::show(ui, &ctx, out),
            Screen::Settings => ui::settings::show(ui, &ctx, out),
            Screen::Trainer => ui::trainer::show(ui, &ctx, &mut self.trainer, out),
            Screen::Present(_) => {}
        });
    }

    #[allow(clippy::needless_pass_by_value)] // commands are consumed by value from the queue
    fn apply(&mut self, command: Command) {
        match command {
            Command::Go(screen) => self.go(screen),
            Command::NextLesson | Command::PrevLesson => self.step_lesson(command == Command::NextLesson),
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
            Command::Notify(notice) => self.notice = Some(notice),
            Command::SelectLearner(id) => {
                if let Some(records) = &mut self.records {
                    records.current = Some(id);
                    self.learners = ui::learners::LearnersState::default();
                    self.open(Screen::Home);
                }
            }
            Command::AddLearner => self.add_learner(),
            Command::LessonReachedEnd { module, lesson } => self.lesson_viewed(module, lesson),
            Command::Continue => self.continue_learning(),
            Command::FinishQuiz => self.finish_quiz(),
            Command::RetryQuiz => {
                let seed = self.take_seed();
                if let Some(quiz) = &mut self.quiz {
                    quiz.retry(seed);
                }
            }
            Command::LeaveQuiz => {
                if let Some(quiz) = self.quiz.take() {
                    self.open(quiz.leave_to.unwrap_or(Screen::Module(quiz.module)));
                }
            }
            Command::Practised(kind) => self.record(kind),
            Command::SimulationFinished { mistakes, duration_s } => {
                self.simulation_finished(mistakes, duration_s);
            }
            Command::LeaveSimulation => {
                if let Some(sim) = self.sim.take() {
                    self.open(Screen::Module(sim.module));
                }
            }
            Command::Trainer(change) => trainer::apply(self, change),
            Command::LeavePresentation => {
                let back = self.present.take().map_or(Screen::Home, |p| p.return_to);
                self.open(back);
            }
        }
    }

    /// Goes to `screen`, except from a quiz in progress: that asks first, because leaving records nothing.
    fn go(&mut self, screen: Screen) {
        if let (Screen::Quiz(_), Some(quiz)) = (self.screen, &mut self.quiz)
            && quiz.result.is_none()
            && screen != self.screen
        {
            quiz.confirm_leave = true;
            quiz.leave_to = Some(screen);
            return;
        }
        self.open(screen);
    }

    /// Opens `screen`: the one way to move between screens. A quiz starts a new draw, a simulation starts
    /// afresh, and leaving the trainer area locks it (a learner who comes to the PC next finds it closed).
    /// A quiz or simulation of a module that does not exist leaves the screen as it was.
    pub fn open(&mut self, screen: Screen) {
        if self.screen == Screen::Trainer && screen != Screen::Trainer {
            self.trainer.lock();
        }
        if !matches!(screen, Screen::Present(_)) {
            self.present = None;
        }
        match screen {
            Screen::Quiz(module) => self.start_quiz(module),
            Screen::Simulation { module, sim } => self.start_simulation(module, sim),
            Screen::Drill { module, review } => self.start_drill(module, review),
            Screen::Present(projection) => self.start_presentation(projection),
            other => self.screen = other,
        }
    }

    /// Starts presenting `projection`; Esc will go back to the screen on now (or, from a presentation, to
    /// where that one would have gone back to). A module that does not exist leaves the screen as it was.
    fn start_presentation(&mut self, projection: Projection) {
        let module = match projection {
            Projection::Lesson { module, .. } | Projection::Quiz(module) => module,
        };
        let Some(m) = self.catalog.modules.get(module) else {
            return;
        };
        let return_to = match (&self.present, self.screen) {
            (Some(present), Screen::Present(_)) => present.return_to,
            (_, Screen::Present(_)) => Screen::Module(module),
            (_, screen) => screen,
        };
        self.present = Some(ui::present::PresentState::new(m, projection, return_to));
        self.screen = Screen::Present(projection);
    }

    fn take_seed(&mut self) -> u64 {
        let seed = self.next_seed;
        // An odd step visits every u64 before repeating, so each retry gets a fresh draw.
        self.next_seed = self.next_seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        seed
    }

    /// Starts a new draw of the quiz of `module` (nothing is recorded until the last answer).
    fn start_quiz(&mut self, module: usize) {
        let catalog = self.catalog.clone();
        let Some(m) = catalog.modules.get(module) else {
            return;
        };
        let seed = self.take_seed();
        let session = QuizSession::new(&m.questions, m.meta.quiz_draw, m.meta.pass_mark, seed);
        self.quiz = Some(ui::quiz::QuizState::new(module, session));
        self.screen = Screen::Quiz(module);
    }

    /// Starts the review of the current learner's wrong answers in `module` (`review`), or the practice
    /// of its recall questions.
    fn start_drill(&mut self, module: usize, review: bool) {
        let catalog = self.catalog.clone();
        let Some(m) = catalog.modules.get(module) else {
            return;
        };
        let seed = self.take_seed();
        let drill = if review {
            let due = screen_ctx!(self)
                .progress_in(m)
                .map(|p| p.to_review.clone())
                .unwrap_or_default();
            crate::quiz::Drill::review(m.id(), &m.questions, &due, seed)
        } else {
            crate::quiz::Drill::practice(m.id(), &m.questions, seed)
        };
        self.drill = Some(ui::review::DrillState::new(module, drill));
        self.screen = Screen::Drill { module, review };
    }

    /// Starts practice simulation `sim` of `module` afresh.
    fn start_simulation(&mut self, module: usize, sim: usize) {
        let Some(scenario) = self
            .catalog
            .modules
            .get(module)
            .and_then(|m| m.simulations.get(sim))
        else {
            return;
        };
        self.sim = Some(ui::simulation::SimState::new(module, sim, scenario));
        self.screen = Screen::Simulation { module, sim };
    }

    fn simulation_finished(&mut self, mistakes: usize, duration_s: u64) {
        let Some(state) = &self.sim else { return };
        let module = self.catalog.modules.get(state.module);
        let kind = EventKind::SimulationCompleted {
            module: module.map(|m| m.meta.id.clone()).unwrap_or_default(),
            simulation: module
                .and_then(|m| m.simulations.get(state.index))
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            mistakes: u32::try_from(mistakes).unwrap_or(u32::MAX),
            duration_s,
        };
        self.record(kind);
    }

    fn finish_quiz(&mut self) {
        let Some(quiz) = &mut self.quiz else { return };
        let result = quiz.session.result();
        let duration = quiz.started.elapsed().as_secs();
        let module_id = self
            .catalog
            .modules
            .get(quiz.module)
            .map(|m| m.meta.id.clone())
            .unwrap_or_default();
        let kind = result.event_kind(&module_id, duration);
        quiz.result = Some(result);
        self.record(kind);
    }

    /// Records an event for the current learner and reports the outcome on the notice bar.
    fn record(&mut self, kind: EventKind) {
        let Some(records) = &mut self.records else { return };
        let Some(learner) = records.current else { return };
        match records.record(learner, kind) {
            Ok(completed) => {
                let titles: Vec<String> = completed
                    .iter()
                    .filter_map(|id| self.catalog.module(id).map(|m| m.meta.title.clone()))
                    .collect();
                if titles.is_empty() {
                    if self.notice.as_ref().is_some_and(|n| n.is_error) {
                        self.notice = None;
                    }
                } else {
                    self.notice = Some(Notice {
                        text: self.t.module_completed_notice(titles.join(", ")),
                        is_error: false,
                    });
                }
            }
            Err(e) => {
                log::error!("recording: {e}");
                self.notice = Some(Notice {
                    text: store_message(&self.t, &e),
                    is_error: true,
                });
            }
        }
    }

    fn lesson_viewed(&mut self, module: usize, lesson: usize) {
        let Some(m) = self.catalog.modules.get(module) else {
            return;
        };
        let Some(l) = m.lessons.get(lesson) else { return };
        let Some(records) = &self.records else { return };
        let Some(learner) = records.current else { return };
        let seen = records
            .progress()
            .module(records.progress().resolve(learner), &m.meta.id)
            .is_some_and(|p| p.lessons_viewed.contains(&l.meta.id));
        if !seen {
            let kind = EventKind::LessonViewed {
                module: m.meta.id.clone(),
                lesson: l.meta.id.clone(),
            };
            self.record(kind);
        }
    }

    fn add_learner(&mut self) {
        let form = &self.learners;
        let parsed = NewLearner::parse(&form.name, &form.unit, &form.position);
        let new = match parsed {
            Ok(new) => new,
            Err(e) => {
                self.learners.error = Some(match e {
                    LearnerError::EmptyName => self.t.learners_error_empty(),
                    LearnerError::NameTooLong => self.t.learners_error_long(crate::learning::MAX_TEXT),
                    LearnerError::FieldTooLong => self.t.learners_error_field_long(crate::learning::MAX_TEXT),
                });
                return;
            }
        };
        let Some(records) = &mut self.records else { return };
        match records.add_learner(new) {
            Ok(_) => {
                self.learners = ui::learners::LearnersState::default();
                self.open(Screen::Home);
            }
            Err(e) => {
                log::error!("adding learner: {e}");
                self.learners.error = Some(store_message(&self.t, &e));
            }
        }
    }

    /// Where the current learner continues.
    #[must_use]
    pub fn resume_point(&self) -> Option<Resume> {
        let records = self.records.as_ref()?;
        let learner = records.current?;
        Some(crate::records::resume(
            records.progress(),
            records.progress().resolve(learner),
        ))
    }

    fn continue_learning(&mut self) {
        let index = |id: &str| self.catalog.modules.iter().position(|m| m.meta.id == id);
        match self.resume_point() {
            Some(Resume::Lesson { module, lesson }) => {
                if let Some(m) = index(&module) {
                    let l = self.catalog.modules[m].lesson_index(&lesson).unwrap_or(0);
                    self.open(Screen::Lesson { module: m, lesson: l });
                }
            }
            Some(Resume::Quiz { module }) => {
                if let Some(m) = index(&module) {
                    self.open(Screen::Quiz(m));
                }
            }
            Some(Resume::Simulation { module, simulation }) => {
                if let Some(m) = index(&module) {
                    match self.catalog.modules[m]
                        .simulations
                        .iter()
                        .position(|s| s.id == simulation)
                    {
                        Some(s) => self.open(Screen::Simulation { module: m, sim: s }),
                        None => self.open(Screen::Module(m)),
                    }
                }
            }
            Some(Resume::AllDone) | None => self.open(Screen::Home),
        }
    }

    fn step_lesson(&mut self, forward: bool) {
        let Screen::Lesson { module, lesson } = self.screen else {
            return;
        };
        let count = self.catalog.modules.get(module).map_or(0, |m| m.lessons.len());
        let next = match (forward, lesson) {
            (true, l) if l + 1 < count => Screen::Lesson {
                module,
                lesson: l + 1,
            },
            (true, _) | (false, 0) => Screen::Module(module),
            (false, l) => Screen::Lesson {
                module,
                lesson: l - 1,
            },
        };
        self.open(next);
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

/// The user's words for a journal problem.
#[must_use]
pub fn store_message(t: &I18n, e: &StoreError) -> String {
    match e {
        StoreError::Locked => t.error_journal_locked(),
        StoreError::Io { .. } => t.error_journal_io(),
    }
}
