//! Snapshot tests of every main screen, drawn by the GPU renderer (wgpu; Mesa's lavapipe in CI) on the
//! target laptop's 1366 × 768 window, in the three themes at 100 % and 200 % text size, and a check that
//! no text or widget runs past the window's edge or is cut off by the area it is drawn in.
//!
//! Each screen gives one compact image, `tests/snapshots/<screen>.png`: a row per theme (light, dark,
//! high contrast), the 100 % window on the left and the 200 % one (683 × 384 points) on the right, each
//! at half size, in 256 colours (about 110 kB a screen).
//!
//! - Update the images after a change of look: `UPDATE_SNAPSHOTS=1 cargo test snapshots`, then look at
//!   what changed (`git diff --stat tests/snapshots`, and the images themselves) before committing.
//!   `UPDATE_SNAPSHOTS=force` rewrites every image, also those within the tolerance.
//! - A failing comparison leaves `<screen>.new.png` (this run) and `<screen>.diff.png` (the changed
//!   pixels) beside the committed image; they are ignored by git.
//! - The renderer must be found: without a GPU adapter the tests fail, they are never skipped. On
//!   Debian/Ubuntu `mesa-vulkan-drivers` (lavapipe, a CPU Vulkan driver) is enough. `egui_kittest`
//!   prefers a CPU adapter when there are several, so with lavapipe installed the images come out the
//!   same on a PC with a graphics card; a graphics card's own driver may differ past the tolerance.
//!
//! The overflow check reads what was painted: every piece of text must lie within the window and within
//! the clip rectangle it was painted in (horizontally; scrolling a long page vertically is fine), and
//! every node of the accessibility tree within the window's width. It runs at both text sizes.

use std::cell::Cell;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use egui::Rect;
use egui::epaint::{ClippedShape, Shape};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, SnapshotOptions};
use image::RgbaImage;
use kynangso::app::App;
use kynangso::command::{Projection, Screen};
use kynangso::learning::{NewLearner, Records};
use kynangso::quiz::{Answer, QuizSession, View};
use kynangso::settings::{Theme, TrainerPin};
use kynangso::sim::{SimRun, Step};
use kynangso::trainer::pin::{self, Cost};
use kynangso::ui::present::Showing;
use kynangso::ui::trainer::Page;
use uuid::Uuid;

use crate::common::catalog;

type H = Harness<'static, App>;

/// The target laptop's window, in points at 100 %.
const WINDOW: [f32; 2] = [1366.0, 768.0];
/// Each window is shown at this fraction of its size in the composed image.
const SCALE: u32 = 2;
/// Text sizes, in percent: the columns of the composed image.
const TEXT_SIZES: [u16; 2] = [100, 200];
/// How far (in points) text or a widget may stick out before it counts: rounding, italic overhang.
const SLACK: f32 = 1.0;

const LEARNER: (&str, &str, &str) = (
    "Nguyễn Thị Thu Hà",
    "UBND xã Yên Khánh, tỉnh Ninh Bình",
    "Công chức Tư pháp – Hộ tịch",
);

// ---------------------------------------------------------------------------------------------------
// The screens

#[test]
fn learners() {
    snapshot("learners", |h| {
        h.state_mut().records.as_mut().unwrap().current = None;
        open(h, Screen::Learners);
    });
}

#[test]
fn learners_new_learner_form() {
    snapshot("learners_new", |h| {
        h.state_mut().records.as_mut().unwrap().current = None;
        open(h, Screen::Learners);
        h.state_mut().learners.open_form();
        h.run();
    });
}

#[test]
fn home() {
    snapshot("home", |h| open(h, Screen::Home));
}

#[test]
fn module_page() {
    snapshot("module", |h| open(h, Screen::Module(1)));
}

#[test]
fn lesson_with_a_diagram() {
    snapshot("lesson_diagram", |h| {
        let (module, lesson, alt) = first_diagram(h.state());
        open(h, Screen::Lesson { module, lesson });
        // The picture and its caption carry the description.
        h.query_all_by_label(&alt).next().unwrap().scroll_to_me();
        h.run();
    });
}

#[test]
fn quiz_single() {
    quiz_snapshots("single");
}

#[test]
fn quiz_multiple() {
    quiz_snapshots("multiple");
}

#[test]
fn quiz_true_false() {
    quiz_snapshots("true_false");
}

#[test]
fn quiz_ordering() {
    quiz_snapshots("ordering");
}

#[test]
fn quiz_matching() {
    quiz_snapshots("matching");
}

#[test]
fn quiz_result() {
    snapshot("quiz_result", |h| {
        open(h, Screen::Quiz(0));
        let app = h.state_mut();
        let quiz = app.quiz.as_mut().unwrap();
        // Every other answer wrong: a failed attempt, with its review.
        answer_all(&mut quiz.session, 2);
        app.push(kynangso::command::Command::FinishQuiz);
        h.run();
    });
}

#[test]
fn review() {
    snapshot("review", |h| {
        open(
            h,
            Screen::Drill {
                module: 0,
                review: false,
            },
        );
        // A wrong answer: the feedback, and the note that the question comes back.
        let drill = &mut h.state_mut().drill.as_mut().unwrap().drill;
        let presented = drill.current().unwrap().clone();
        let answer = wrong(&presented.view, kynangso::quiz::right_answer(&presented));
        assert!(!drill.answer(&answer).unwrap().0.correct);
        h.run();
    });
}

#[test]
fn simulation_step() {
    snapshot("sim_step", |h| {
        let (run, steps) = simulation(h);
        // Up to the first form of three fields or more, then one field filled and the form sent: the
        // learner sees what is missing.
        let mut rest = steps.iter();
        while run.screen().fields().count() < 3 {
            play(run, rest.next().unwrap());
        }
        let fill = rest.clone().find(|s| matches!(s, Step::Set { .. })).unwrap();
        let send = rest.find(|s| matches!(s, Step::Act { .. })).unwrap();
        play(run, fill);
        let Step::Act { action } = send else {
            unreachable!()
        };
        assert!(run.act(action).is_err(), "the half-filled form must be refused");
        h.run();
    });
}

#[test]
fn simulation_summary() {
    snapshot("sim_summary", |h| {
        let (run, steps) = simulation(h);
        let mut trapped = false;
        for step in &steps {
            // The first trap on the way is fallen into once, so the summary lists a mistake.
            if !trapped && let Some(trap) = run.screen().actions.iter().find(|a| a.trap.is_some()) {
                let id = trap.id.clone();
                assert!(run.act(&id).is_err());
                trapped = true;
            }
            play(run, step);
        }
        assert!(run.finished() && trapped);
        run.record_duration(Duration::from_secs(12 * 60 + 34));
        h.run();
    });
}

#[test]
fn present_lesson() {
    snapshot("present_lesson", |h| {
        // The slide of the first diagram: the diagram as large as the screen allows, its caption at 250 %.
        let (module, lesson, alt) = first_diagram(h.state());
        open(h, Screen::Present(Projection::Lesson { module, lesson }));
        let blocks = &h.state().catalog.modules[module].lessons[lesson].blocks;
        let image = blocks
            .iter()
            .position(|b| matches!(b, kynangso::content::markdown::Block::Image { .. }))
            .unwrap();
        let section = kynangso::present::sections(blocks)
            .iter()
            .position(|r| r.contains(&image))
            .unwrap();
        let present = h.state_mut().present.as_mut().unwrap();
        if let Showing::Lesson { place, .. } = &mut present.showing {
            place.section = section;
        }
        h.run();
        // The diagram's own slide: all of it on the screen, without scrolling.
        assert!(!h.state().present.as_ref().unwrap().overflow.below);
        assert!(h.query_all_by_label(&alt).next().is_some());
    });
}

#[test]
fn present_quiz_revealed() {
    snapshot("present_quiz", |h| {
        // A single-answer question of the module page's module, its answer and explanation shown.
        let question = h.state().catalog.modules[1]
            .questions
            .iter()
            .position(|q| q.kind.name() == "single")
            .unwrap();
        open(h, Screen::Present(Projection::Quiz(1)));
        let present = h.state_mut().present.as_mut().unwrap();
        present.showing = Showing::Quiz(kynangso::present::quiz::QuizPlace {
            question,
            revealed: true,
        });
        h.run();
    });
}

#[test]
fn learner_page() {
    snapshot("learner_page", |h| open(h, Screen::LearnerPage));
}

#[test]
fn settings() {
    snapshot("settings", |h| open(h, Screen::Settings));
}

#[test]
fn trainer_pin_set() {
    snapshot("trainer_pin_set", |h| {
        h.state_mut().settings.trainer_pin = TrainerPin::NotSet;
        open(h, Screen::Trainer);
    });
}

#[test]
fn trainer_pin_entry() {
    snapshot("trainer_pin_entry", |h| open(h, Screen::Trainer));
}

#[test]
fn trainer_roster() {
    snapshot("trainer_roster", |h| trainer_page(h, |_| Page::Roster));
}

#[test]
fn trainer_learner() {
    snapshot("trainer_learner", |h| {
        trainer_page(h, |app| Page::Learner(app.learner().unwrap()));
    });
}

#[test]
fn trainer_export() {
    snapshot("trainer_export", |h| trainer_page(h, |_| Page::Export));
}

#[test]
fn trainer_import() {
    snapshot("trainer_import", |h| trainer_page(h, |_| Page::Import));
}

#[test]
fn trainer_classes() {
    snapshot("trainer_classes", |h| {
        seed_class(h);
        trainer_page(h, |_| Page::Classes);
    });
}

#[test]
fn trainer_class_dashboard() {
    snapshot("trainer_class_dashboard", |h| {
        let class = seed_class(h);
        trainer_page(h, |_| Page::Class(class));
        // The analysis may be computed in the background.
        for _ in 0..200 {
            h.run();
            if h.query_by_label_contains("Đang tính").is_none() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
}

#[test]
fn trainer_class_grid() {
    snapshot("trainer_class_grid", |h| {
        let class = seed_class(h);
        h.state_mut().trainer.classes.tab = kynangso::ui::trainer::classes::Tab::Learners;
        trainer_page(h, |_| Page::Class(class));
    });
}

#[test]
fn trainer_packs() {
    // "Cập nhật bài học" showing what a pack changes, before "Cài đặt gói".
    snapshot("trainer_packs", |h| {
        let pack = crate::pack_fixture::demo_pack(&crate::pack_fixture::test_only_key());
        let changes = kynangso::pack::changes(&h.state().catalog, &pack);
        h.state_mut().trainer.packs.verified = Some(kynangso::ui::trainer::Verified { pack, changes });
        trainer_page(h, |_| Page::Packs);
    });
}

#[test]
fn trainer_change_pin() {
    snapshot("trainer_change_pin", |h| trainer_page(h, |_| Page::Pin));
}

#[test]
fn trainer_notes() {
    snapshot("trainer_notes", |h| trainer_page(h, |_| Page::Notes));
}

#[test]
fn trainer_lrs() {
    snapshot("trainer_lrs", |h| trainer_page(h, |_| Page::Lrs));
}

// ---------------------------------------------------------------------------------------------------
// Reaching the screens

/// A class of the three seeded learners, and this PC in it.
fn seed_class(h: &mut H) -> Uuid {
    let records = h.state_mut().records.as_mut().unwrap();
    let form = kynangso::class::ClassForm::parse(
        "Lớp tập huấn chuyển đổi số – đợt 1",
        "UBND xã Yên Khánh, tỉnh Ninh Bình",
        "12/03/2026",
        "14/03/2026",
        "Phạm Thu Trang",
    )
    .unwrap();
    let class = records.create_class(&form).unwrap();
    let learners: Vec<Uuid> = records.progress().learners().iter().map(|l| l.id).collect();
    records.join_class(class, &learners).unwrap();
    h.state_mut().settings.pc_class = Some(class);
    class
}

/// The one way these tests open a screen: as the app does, then its frames.
fn open(h: &mut H, screen: Screen) {
    h.state_mut().open(screen);
    h.run();
}

/// Opens a page of the trainer area as if the right PIN had just been given.
fn trainer_page(h: &mut H, page: impl Fn(&App) -> Page) {
    open(h, Screen::Trainer);
    let page = page(h.state());
    let trainer = &mut h.state_mut().trainer;
    trainer.unlocked = true;
    trainer.page = page;
    h.run();
    assert!(h.state().trainer.unlocked, "the trainer area locked again");
}

/// A quiz of one graded question of `kind` (from the first module that has one), before and after a wrong
/// answer (which shows the right one and the explanation).
fn quiz_snapshots(kind: &str) {
    for answered in [false, true] {
        let name = format!("quiz_{kind}_{}", if answered { "answered" } else { "question" });
        snapshot(&name, |h| {
            let catalog = h.state().catalog.clone();
            let (module, question) = catalog
                .modules
                .iter()
                .enumerate()
                .find_map(|(i, m)| {
                    let graded = |q: &&kynangso::content::Question| q.kind.name() == kind && q.tests.graded();
                    m.questions.iter().find(graded).map(|q| (i, q))
                })
                .unwrap();
            open(h, Screen::Quiz(module));
            let pass_mark = catalog.modules[module].meta.pass_mark;
            let session = QuizSession::new(std::slice::from_ref(question), 1, pass_mark, 7);
            let app = h.state_mut();
            app.quiz = Some(kynangso::ui::quiz::QuizState::new(module, session));
            if answered {
                let quiz = app.quiz.as_mut().unwrap();
                let presented = quiz.session.current().unwrap().clone();
                let answer = wrong(&presented.view, kynangso::quiz::right_answer(&presented));
                assert!(!quiz.session.answer(answer).unwrap().correct);
            }
            h.run();
        });
    }
}

/// Answers every question of `session`: one in `right_every` right, the others wrong.
fn answer_all(session: &mut QuizSession, right_every: usize) {
    let mut i = 0;
    while let Some(presented) = session.current().cloned() {
        let right = kynangso::quiz::right_answer(&presented);
        let answer = if i % right_every == 0 {
            right
        } else {
            wrong(&presented.view, right)
        };
        session.answer(answer).unwrap();
        session.next();
        i += 1;
    }
}

/// A wrong answer near the right one.
pub(crate) fn wrong(view: &View, right: Answer) -> Answer {
    match (view, right) {
        (View::Single { options }, Answer::Single(i)) => Answer::Single((i + 1) % options.len()),
        (View::Multiple { options }, Answer::Multiple(mut chosen)) => {
            // One right option dropped, or, with a single right option, a wrong one added.
            if chosen.len() > 1 {
                chosen.pop_first();
            } else {
                chosen.insert((0..options.len()).find(|i| !chosen.contains(i)).unwrap());
            }
            Answer::Multiple(chosen)
        }
        (_, Answer::TrueFalse(b)) => Answer::TrueFalse(!b),
        (_, Answer::Ordering(mut order)) => {
            order.swap(0, 1);
            Answer::Ordering(order)
        }
        (_, Answer::Matching(mut pairs)) => {
            pairs.swap(0, 1);
            Answer::Matching(pairs)
        }
        (_, right) => panic!("no wrong answer for {right:?}"),
    }
}

/// The birth registration practice, opened, and the steps that complete it.
fn simulation(h: &mut H) -> (&mut SimRun, Vec<Step>) {
    open(h, Screen::Simulation { module: 1, sim: 0 });
    let run = &mut h.state_mut().sim.as_mut().unwrap().run;
    let steps = kynangso::sim::solve(run.scenario()).unwrap();
    (run, steps)
}

fn play(run: &mut SimRun, step: &Step) {
    match step {
        Step::Set { field, value } => assert!(run.set_value(field, value.clone()), "set {field}"),
        Step::Act { action } => assert!(run.act(action).is_ok(), "act {action}"),
    }
}

/// The first lesson with a diagram: its module, index and the diagram's description.
fn first_diagram(app: &App) -> (usize, usize, String) {
    use kynangso::content::markdown::Block;
    for (m, module) in app.catalog.modules.iter().enumerate() {
        for (l, lesson) in module.lessons.iter().enumerate() {
            for block in &lesson.blocks {
                if let Block::Image { alt, .. } = block {
                    return (m, l, alt.clone());
                }
            }
        }
    }
    panic!("no lesson has a diagram");
}

// ---------------------------------------------------------------------------------------------------
// Data, harness, images

thread_local! {
    /// Seconds past [`START`] for the next event of this test's thread.
    static TICK: Cell<i64> = const { Cell::new(0) };
}

const START: &str = "2026-03-12T08:30:00+07:00";

/// A fixed clock, one second further on each call (the fold orders events by time), so dates on
/// screen and quiz draws are the same on every run.
fn clock() -> DateTime<FixedOffset> {
    let tick = TICK.with(|t| {
        let v = t.get();
        t.set(v + 1);
        v
    });
    DateTime::parse_from_rfc3339(START).unwrap() + chrono::Duration::seconds(tick)
}

/// Records with three learners; the first has finished the first module (lessons, a failed then a
/// passed quiz), read some lessons of the second, and done a practice simulation of the third.
/// Returns the first learner.
fn seed(dir: &Path) -> Uuid {
    TICK.with(|t| t.set(0));
    let catalog = catalog();
    let (mut records, _) = Records::open(dir, &catalog, clock).unwrap();
    let (name, unit, position) = LEARNER;
    let learner = records
        .add_learner(NewLearner::parse(name, unit, position).unwrap())
        .unwrap();
    for (name, unit, position) in [
        ("Trần Văn Đức", "Phường Nam Định", "Kế toán – Tài chính"),
        ("Lê Hoàng Yến", "UBND xã Yên Khánh, tỉnh Ninh Bình", ""),
    ] {
        records
            .add_learner(NewLearner::parse(name, unit, position).unwrap())
            .unwrap();
    }
    let record = |records: &mut Records, kind| {
        records.record(learner, kind).unwrap();
    };
    use kynangso::records::EventKind;
    for (m, read) in [(0, usize::MAX), (1, 2)] {
        let module = &catalog.modules[m];
        for lesson in module.lessons.iter().take(read) {
            record(
                &mut records,
                EventKind::LessonViewed {
                    module: module.meta.id.clone(),
                    lesson: lesson.meta.id.clone(),
                },
            );
        }
    }
    let module = &catalog.modules[0];
    for (seed, right_every) in [(1, 3), (2, 1)] {
        let mut session = QuizSession::new(
            &module.questions,
            module.meta.quiz_draw,
            module.meta.pass_mark,
            seed,
        );
        answer_all(&mut session, right_every);
        record(&mut records, session.result().event_kind(&module.meta.id, 400));
    }
    let module = &catalog.modules[2];
    record(
        &mut records,
        EventKind::SimulationCompleted {
            module: module.meta.id.clone(),
            simulation: module.simulations[0].id.clone(),
            mistakes: 2,
            duration_s: 615,
        },
    );
    learner
}

/// The app on seeded records in `dir`, with that learner chosen and a trainer PIN set, in `theme` at
/// `text_size`, after its first frames; with the GPU renderer.
fn harness(dir: &Path, theme: Theme, text_size: u16) -> H {
    let learner = seed(dir);
    let mut app = App::with_clock(catalog(), dir.to_path_buf(), clock);
    app.records.as_mut().unwrap().current = Some(learner);
    app.screen = Screen::Home;
    app.settings.theme = theme;
    app.settings.text_size = text_size;
    app.trainer.pin_cost = Cost::TESTS_ONLY;
    app.settings.trainer_pin = TrainerPin::Set(pin::hash("246813", Cost::TESTS_ONLY).unwrap());
    let mut h = Harness::builder()
        .with_size(WINDOW)
        .with_render_cursor(false)
        .with_context_setup(kynangso::ui::theme::install_fonts)
        .wgpu_setup(vulkan())
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

/// `egui_kittest`'s renderer setup (a CPU adapter first, so lavapipe even on a PC with a graphics card)
/// on Vulkan only: the same adapter everywhere, and no OpenGL probing. Without an adapter the harness
/// panics: the test fails, it is not skipped.
fn vulkan() -> egui_wgpu::WgpuSetup {
    let mut setup = egui_kittest::wgpu::default_wgpu_setup();
    if let egui_wgpu::WgpuSetup::CreateNew(new) = &mut setup {
        new.instance_descriptor.backends = egui_wgpu::wgpu::Backends::VULKAN;
    }
    setup
}

/// Draws the screen `open` reaches in every theme and text size, checks that nothing overflows, and
/// compares the composed image with `tests/snapshots/<name>.png`.
fn snapshot(name: &str, open: impl Fn(&mut H)) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for theme in Theme::ALL {
        let mut row = Vec::new();
        for size in TEXT_SIZES {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), theme, size);
            open(&mut h);
            // Presentation mode has its own text size, whatever the learner's.
            let zoom = match h.state().screen {
                Screen::Present(_) => kynangso::present::TEXT_SIZE,
                _ => size,
            };
            assert!(
                (h.ctx.zoom_factor() - f32::from(zoom) / 100.0).abs() < 1e-3,
                "{name}: the text size did not apply"
            );
            for problem in overflow(&h) {
                problems.push(format!("{theme:?} {size} %: {problem}"));
            }
            let image = h
                .render()
                .unwrap_or_else(|e| panic!("{name}: cannot render: {e}"));
            row.push(image);
        }
        rows.push(row);
    }
    // The image first, so an overflow can be seen in it (`UPDATE_SNAPSHOTS=1` writes it).
    let image = Indexed::new(&compose(&rows));
    let result = egui_kittest::try_image_snapshot_options(&image.to_rgba(), name, &options());
    if result.is_ok() {
        image.keep(&options().output_path.join(format!("{name}.png")));
    }
    assert!(
        problems.is_empty(),
        "{name}: text or widgets past the edge:\n{}",
        problems.join("\n")
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Per pixel, `egui_kittest`'s default tolerance (0.6), and no pixel past it: lavapipe draws the same
/// image every time.
fn options() -> SnapshotOptions {
    SnapshotOptions::new()
}

/// One image: a row per theme, a column per text size, each window scaled down by [`SCALE`].
fn compose(rows: &[Vec<RgbaImage>]) -> RgbaImage {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = (WINDOW[0] as u32 / SCALE, WINDOW[1] as u32 / SCALE);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = RgbaImage::new(w * columns as u32, h * rows.len() as u32);
    for (r, row) in rows.iter().enumerate() {
        for (c, image) in row.iter().enumerate() {
            // Each pixel the mean of the square it covers, through `DynamicImage`: compiled optimised with the
            // image crate.
            let small = image::DynamicImage::ImageRgba8(image.clone())
                .thumbnail_exact(w, h)
                .into_rgba8();
            image::imageops::replace(&mut out, &small, i64::from(w) * c as i64, i64::from(h) * r as i64);
        }
    }
    out
}

/// An image in at most 256 colours, as the snapshots are kept: a quarter of the bytes of RGBA before
/// compression, and the anti-aliased edges of text (thousands of shades) compress far better.
struct Indexed {
    width: u32,
    height: u32,
    palette: Vec<[u8; 3]>,
    pixels: Vec<u8>,
}

impl Indexed {
    /// Colours are counted in cells of 8 × 8 × 8 shades; the 256 commonest cells give the palette (each
    /// as the mean of its pixels, so a flat colour stays itself), and every pixel becomes the palette
    /// colour nearest to its cell. Opaque images only (the app paints every pixel).
    fn new(image: &RgbaImage) -> Indexed {
        let cell = |p: &image::Rgba<u8>| {
            (usize::from(p[0] >> 3) << 10) | (usize::from(p[1] >> 3) << 5) | usize::from(p[2] >> 3)
        };
        let mut count = vec![0u64; 1 << 15];
        let mut sum = vec![[0u64; 3]; 1 << 15];
        for p in image.pixels() {
            let c = cell(p);
            count[c] += 1;
            for i in 0..3 {
                sum[c][i] += u64::from(p[i]);
            }
        }
        let mean = |c: usize| sum[c].map(|s| u8::try_from(s / count[c]).unwrap());
        let mut used: Vec<usize> = (0..count.len()).filter(|&c| count[c] > 0).collect();
        // Ties by cell, so the palette is the same on every run.
        used.sort_by_key(|&c| (std::cmp::Reverse(count[c]), c));
        let palette: Vec<[u8; 3]> = used.iter().take(256).map(|&c| mean(c)).collect();
        let mut nearest = vec![0u8; 1 << 15];
        for &c in &used {
            let m = mean(c);
            let d = |p: &[u8; 3]| {
                (0..3)
                    .map(|i| (i32::from(p[i]) - i32::from(m[i])).pow(2))
                    .sum::<i32>()
            };
            let best = (0..palette.len()).min_by_key(|&i| (d(&palette[i]), i)).unwrap();
            nearest[c] = u8::try_from(best).unwrap();
        }
        Indexed {
            width: image.width(),
            height: image.height(),
            palette,
            pixels: image.pixels().map(|p| nearest[cell(p)]).collect(),
        }
    }

    fn to_rgba(&self) -> RgbaImage {
        RgbaImage::from_fn(self.width, self.height, |x, y| {
            let [r, g, b] = self.palette[self.pixels[(y * self.width + x) as usize] as usize];
            image::Rgba([r, g, b, 255])
        })
    }

    /// Rewrites `path` as an indexed PNG if `egui_kittest` has just (re)written it in RGBA.
    fn keep(&self, path: &Path) {
        let file = std::fs::File::open(path).unwrap();
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        if reader.info().color_type == png::ColorType::Indexed {
            return;
        }
        drop(reader);
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_palette(self.palette.concat());
            encoder.set_compression(png::Compression::High);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&self.pixels).unwrap();
        }
        std::fs::write(path, out).unwrap();
    }
}

// ---------------------------------------------------------------------------------------------------
// The overflow check

/// What sticks out: text past the window or past the clip rectangle it was painted in (a scroll area,
/// a panel, a table cell), horizontally; and accessibility nodes past the window's width (a button, a
/// box, a row). Each thing once, by its words.
fn overflow(h: &H) -> Vec<String> {
    use egui::accesskit::Role;
    let screen = h.ctx.content_rect();
    let mut found = overflowing_text(&h.output().shapes, screen);
    let ppp = h.ctx.pixels_per_point();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        // A line of a label: the label itself is checked.
        let (Some(b), false) = (n.bounding_box(), n.role() == Role::TextRun) else {
            continue;
        };
        #[allow(clippy::cast_possible_truncation)]
        let (left, right) = (b.x0 as f32 / ppp, b.x1 as f32 / ppp);
        let what = n.label().or_else(|| n.value()).unwrap_or_default();
        let told = !what.is_empty() && found.iter().any(|f| f.contains(&format!("{what:?}")));
        if b.x1 > b.x0 && !told && (left < screen.left() - SLACK || right > screen.right() + SLACK) {
            found.push(format!(
                "{:?} {what:?} spans x {left:.0}..{right:.0}, the window {:.0}..{:.0}",
                n.role(),
                screen.left(),
                screen.right()
            ));
        }
    }
    found
}

/// Text painted (partly) outside the window or its clip rectangle, horizontally.
fn overflowing_text(shapes: &[ClippedShape], screen: Rect) -> Vec<String> {
    fn visit(shape: &Shape, clip: Rect, found: &mut Vec<String>) {
        match shape {
            Shape::Vec(shapes) => {
                for s in shapes {
                    visit(s, clip, found);
                }
            }
            Shape::Text(text) => {
                let rect = text.visual_bounding_rect();
                let shown = text.galley.text().trim();
                if !shown.is_empty()
                    && rect.width() > 0.0
                    && (rect.left() < clip.left() - SLACK || rect.right() > clip.right() + SLACK)
                {
                    found.push(format!(
                        "text {shown:?} spans x {:.0}..{:.0}, its area {:.0}..{:.0}",
                        rect.left(),
                        rect.right(),
                        clip.left(),
                        clip.right()
                    ));
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in shapes {
        let clip = clipped.clip_rect.intersect(screen);
        visit(&clipped.shape, clip, &mut found);
    }
    found
}

/// The check itself, on a tiny window without a GPU: a long unbreakable label in a row, a row of
/// buttons wider than the window, and text cut by a narrow scroll area are all caught; wrapped text is
/// not.
#[test]
fn the_overflow_check_catches_text_and_widgets_past_the_edge() {
    fn tiny(contents: impl Fn(&mut egui::Ui) + 'static) -> Vec<String> {
        let mut h = Harness::builder()
            .with_size([300.0, 200.0])
            .with_context_setup(kynangso::ui::theme::install_fonts)
            .build_ui(move |ui| {
                egui::CentralPanel::default().show(ui, |ui| contents(ui));
            });
        h.run();
        let screen = h.ctx.content_rect();
        let mut found = overflowing_text(&h.output().shapes, screen);
        let width = screen.right();
        for node in h.root().children_recursive() {
            if let Some(b) = node.accesskit_node().bounding_box()
                && b.x1 as f32 > width + SLACK
            {
                found.push(format!("{:?}", node.accesskit_node().label()));
            }
        }
        found
    }
    let long = "Ủy_ban_nhân_dân_xã_Yên_Khánh_huyện_Yên_Mô_tỉnh_Ninh_Bình";
    let found = tiny(move |ui| {
        ui.horizontal(|ui| {
            ui.label("Đơn vị:");
            ui.label(long);
        });
    });
    assert!(found.iter().any(|f| f.contains(long)), "{found:?}");

    let found = tiny(|ui| {
        ui.horizontal(|ui| {
            for i in 0..12 {
                let _ = ui.button(format!("Nút số {i}"));
            }
        });
    });
    assert!(found.iter().any(|f| f.contains("Nút số 11")), "{found:?}");

    let found = tiny(move |ui| {
        egui::ScrollArea::vertical().max_width(120.0).show(ui, |ui| {
            ui.add(egui::Label::new(long).wrap_mode(egui::TextWrapMode::Extend));
        });
    });
    assert!(found.iter().any(|f| f.contains(long)), "{found:?}");

    let found = tiny(|ui| {
        ui.label("Một câu dài được xuống dòng khi hết chỗ: ".repeat(6));
        ui.horizontal_wrapped(|ui| {
            for i in 0..12 {
                let _ = ui.button(format!("Nút số {i}"));
            }
        });
    });
    assert_eq!(found, Vec::<String>::new());
}
