//! Opening the real window with eframe (glow renderer), for the app and for `smoke-test`.

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use crate::app::App;
use crate::command::{Projection, Screen};
use crate::content::Catalog;

/// Walks every main screen once, then closes the window.
struct Smoke {
    screens: Vec<Screen>,
    next: usize,
    first_frame_ms: Rc<Cell<Option<u128>>>,
    drawn: Rc<Cell<usize>>,
}

struct Shell {
    app: App,
    started: Instant,
    smoke: Option<Smoke>,
    first_frame_done: bool,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        if !self.first_frame_done {
            self.first_frame_done = true;
            if let Some(smoke) = &self.smoke {
                smoke.first_frame_ms.set(Some(self.started.elapsed().as_millis()));
            }
        }
        if let Some(smoke) = &mut self.smoke {
            if self.app.is_opening() {
                // The walk starts once the records are there.
            } else if let Some(screen) = smoke.screens.get(smoke.next) {
                self.app.open(*screen);
                smoke.next += 1;
                smoke.drawn.set(smoke.next);
                ui.ctx().request_repaint();
            } else {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}

fn options(title: &str) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            // Maximised: a 1366×768 laptop or a 1024×768 projector has no room to spare, and a learner
            // should not have to find the maximise button. The size is the one restored to.
            .with_maximized(true)
            .with_inner_size([1180.0, 720.0])
            .with_min_inner_size([640.0, 480.0]),
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    }
}

/// The screens `smoke-test` draws: the learner picker, home, every module page, the first and last lesson
/// the quiz and the recall practice of each, settings.
#[must_use]
pub fn smoke_screens(catalog: &Catalog) -> Vec<Screen> {
    let mut screens = vec![Screen::Learners, Screen::Home];
    for (i, m) in catalog.modules.iter().enumerate() {
        screens.push(Screen::Module(i));
        screens.push(Screen::Lesson { module: i, lesson: 0 });
        screens.push(Screen::Lesson {
            module: i,
            lesson: m.lessons.len().saturating_sub(1),
        });
        screens.push(Screen::Quiz(i));
        screens.push(Screen::Drill {
            module: i,
            review: false,
        });
        for sim in 0..m.simulations.len() {
            screens.push(Screen::Simulation { module: i, sim });
        }
    }
    screens.push(Screen::Settings);
    screens.push(Screen::Trainer);
    screens.push(Screen::Home);
    screens
}

/// A screen named like `module:1`, `lesson:1:3` or `settings` (1-based), for screenshots and trainers'
/// demonstrations: `KYNANGSO_OPEN=lesson:2:1 kynangso` opens straight on that lesson, `present:2:1` presents
/// it, `present-quiz:2` projects module 2's questions.
#[must_use]
pub fn parse_screen(s: &str) -> Option<Screen> {
    let parts: Vec<&str> = s.split(':').collect();
    let n = |i: usize| {
        parts
            .get(i)
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|v| v.checked_sub(1))
    };
    match parts.first().copied() {
        Some("home") => Some(Screen::Home),
        Some("settings") => Some(Screen::Settings),
        Some("module") => Some(Screen::Module(n(1)?)),
        Some("quiz") => Some(Screen::Quiz(n(1)?)),
        Some(mode @ ("review" | "practice")) => Some(Screen::Drill {
            module: n(1)?,
            review: mode == "review",
        }),
        Some("sim") => Some(Screen::Simulation {
            module: n(1)?,
            sim: n(2)?,
        }),
        Some("learners") => Some(Screen::Learners),
        Some("trainer") => Some(Screen::Trainer),
        Some("lesson") => Some(Screen::Lesson {
            module: n(1)?,
            lesson: n(2)?,
        }),
        Some("present") => Some(Screen::Present(Projection::Lesson {
            module: n(1)?,
            lesson: n(2).unwrap_or(0),
        })),
        Some("present-quiz") => Some(Screen::Present(Projection::Quiz(n(1)?))),
        _ => None,
    }
}

/// Result of a smoke run: time to first frame and screens drawn.
#[derive(Debug, Clone, Copy)]
pub struct SmokeReport {
    pub first_frame_ms: u128,
    pub screens: usize,
}

/// Opens the window and runs until it is closed. With `smoke`, draws every main screen once and closes.
///
/// # Errors
/// eframe's error when the window or the renderer cannot start.
#[allow(clippy::needless_pass_by_value)] // the path moves into the app inside a closure
pub fn run(
    catalog: Arc<Catalog>,
    data_dir: PathBuf,
    started: Instant,
    smoke: bool,
) -> Result<Option<SmokeReport>, eframe::Error> {
    let first_frame_ms = Rc::new(Cell::new(None));
    let drawn = Rc::new(Cell::new(0));
    let mut app = App::opening(catalog.clone(), data_dir);
    if let Some(screen) = std::env::var("KYNANGSO_OPEN")
        .ok()
        .as_deref()
        .and_then(parse_screen)
    {
        app.open(screen);
    }
    let title = app.t.app_name();
    let smoke_state = smoke.then(|| Smoke {
        screens: smoke_screens(&catalog),
        next: 0,
        first_frame_ms: first_frame_ms.clone(),
        drawn: drawn.clone(),
    });
    eframe::run_native(
        &title,
        options(&title),
        Box::new(move |cc| {
            crate::ui::theme::install_fonts(&cc.egui_ctx);
            Ok(Box::new(Shell {
                app,
                started,
                smoke: smoke_state,
                first_frame_done: false,
            }))
        }),
    )?;
    Ok(first_frame_ms.get().map(|ms| SmokeReport {
        first_frame_ms: ms,
        screens: drawn.get(),
    }))
}
