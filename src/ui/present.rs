//! Presentation mode for the projector: no top bar, text at 250% or more, a lesson one `##` section at a
//! time (the lesson's title on its first slide, diagrams as wide as the screen), or the module's quiz
//! question by question (`present_quiz`). A presenter's keys step (→ ← Page Down, Page Up, Space, Home, End),
//! B or "." blanks the screen, N shows the module's trainer notes beside the slide, + / − change the
//! projected text size, Esc leaves. Which slide comes next
//! is decided by `crate::present`; nothing here records anything. The app switches the window to full
//! screen while this screen is open (`App::ui`).

use egui::{Key, RichText};

use crate::command::{Command, Projection, Screen};
use crate::content::Module;
use crate::present::quiz::{self as projection, QuizMove, QuizPlace};
use crate::present::{self, Deck, Move, Overflow, Place, Step};
use crate::ui::{Commands, ScreenCtx, UiExt, diagram, markdown, present_quiz, theme};

/// What is projected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Showing {
    /// The module's lessons, slide by slide.
    Lesson { deck: Deck, place: Place },
    /// The module's quiz questions.
    Quiz(QuizPlace),
}

/// A presentation in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentState {
    pub module: usize,
    pub showing: Showing,
    /// Where Esc goes back to.
    pub return_to: Screen,
    /// B: the screen is blanked.
    pub blank: bool,
    /// N: the module's trainer notes are shown beside the slide (when it has any).
    pub notes: bool,
    /// The projected text size in percent (never under `present::TEXT_SIZE`); the learner's own setting
    /// is not touched.
    pub text_size: u16,
    /// How much of the slide was out of view in the last frame, and how far it was scrolled.
    pub overflow: Overflow,
    offset: f32,
    page: f32,
    /// How far the slide can scroll.
    room: f32,
    /// Where to scroll the slide to in the next frame.
    scroll_to: Option<f32>,
}

impl PresentState {
    /// A presentation of `start` in `module`, going back to `return_to`.
    #[must_use]
    pub fn new(module: &Module, start: Projection, return_to: Screen) -> PresentState {
        let (index, showing) = match start {
            Projection::Lesson { module: m, lesson } => {
                let deck = Deck::new(&module.lessons);
                let lesson = lesson.min(deck.lessons().saturating_sub(1));
                (
                    m,
                    Showing::Lesson {
                        deck,
                        place: Place { lesson, section: 0 },
                    },
                )
            }
            Projection::Quiz(m) => (m, Showing::Quiz(QuizPlace::default())),
        };
        PresentState {
            module: index,
            showing,
            return_to,
            blank: false,
            notes: false,
            text_size: present::TEXT_SIZE,
            overflow: Overflow::default(),
            offset: 0.0,
            page: 0.0,
            room: 0.0,
            scroll_to: None,
        }
    }

    /// The next screenful of a slide longer than the screen (a little of the last one stays in view).
    fn scroll_down(&mut self) {
        self.scroll_to = Some((self.offset + self.page * 0.85).min(self.room));
    }

    fn scroll_up(&mut self) {
        self.scroll_to = Some((self.offset - self.page * 0.85).max(0.0));
    }

    /// Carries out `step`.
    pub fn step(&mut self, module: &Module, step: Step) {
        match &mut self.showing {
            Showing::Lesson { deck, place } => match deck.step(*place, step, self.overflow) {
                Move::ScrollDown => self.scroll_down(),
                Move::ScrollUp => self.scroll_up(),
                Move::To(to) => {
                    *place = to;
                    self.scroll_to = Some(0.0);
                    self.overflow = Overflow::default();
                }
                Move::Stay => {}
            },
            Showing::Quiz(place) => {
                match projection::step(module.questions.len(), *place, step, self.overflow) {
                    QuizMove::ScrollDown => self.scroll_down(),
                    QuizMove::ScrollUp => self.scroll_up(),
                    QuizMove::To(to) => {
                        if to.question != place.question {
                            self.scroll_to = Some(0.0);
                            self.overflow = Overflow::default();
                        }
                        *place = to;
                    }
                }
            }
        }
    }
}

/// What the keys of one frame ask for.
#[derive(Debug, Default)]
struct Keys {
    step: Option<Step>,
    leave: bool,
    blank: bool,
    notes: bool,
    reveal: bool,
    bigger: bool,
    smaller: bool,
}

/// Reads (and takes) the presenter's keys, so no focused button also reacts to Space or Enter.
fn keys(ctx: &egui::Context) -> Keys {
    ctx.input_mut(|i| {
        let mut any = |keys: &[Key]| {
            keys.iter()
                .fold(false, |hit, key| i.consume_key(egui::Modifiers::NONE, *key) | hit)
        };
        let forward = any(&[Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space]);
        let back = any(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp]);
        let first = any(&[Key::Home]);
        let last = any(&[Key::End]);
        let step = [
            (forward, Step::Forward),
            (back, Step::Back),
            (first, Step::First),
            (last, Step::Last),
        ]
        .into_iter()
        .find_map(|(hit, step)| hit.then_some(step));
        Keys {
            step,
            leave: any(&[Key::Escape]),
            blank: any(&[Key::B, Key::Period]),
            notes: any(&[Key::N]),
            reveal: any(&[Key::Enter]),
            bigger: any(&[Key::Plus, Key::Equals]),
            smaller: any(&[Key::Minus]),
        }
    })
}

/// Draws the presentation.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: Option<&mut PresentState>, out: &mut Commands) {
    let Some(state) = state else {
        out.push(Command::LeavePresentation);
        return;
    };
    let Some(module) = ctx.catalog.modules.get(state.module) else {
        out.push(Command::LeavePresentation);
        return;
    };
    let keys = keys(ui.ctx());
    if keys.leave {
        out.push(Command::LeavePresentation);
    }
    if keys.bigger {
        state.text_size = (state.text_size + 25).min(present::TEXT_SIZE_MAX);
    }
    if keys.smaller {
        state.text_size = state.text_size.saturating_sub(25).max(present::TEXT_SIZE);
    }
    if keys.notes && module.trainer_notes.is_some() {
        state.notes = !state.notes;
    }
    if keys.blank {
        state.blank = !state.blank;
    } else if state.blank && keys.step.is_some() {
        // The first key after a blank brings the slide back rather than moving on unseen.
        state.blank = false;
    } else if let Some(step) = keys.step {
        state.step(module, step);
    }
    if keys.reveal
        && let Showing::Quiz(place) = &mut state.showing
    {
        place.revealed = true;
    }

    if state.blank {
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(theme::BLANK_SCREEN))
            .show(ui, |ui| {
                ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                    ui.label(
                        RichText::new(ctx.t.present_blank())
                            .small()
                            .color(ui.tokens().colors.muted),
                    );
                });
            });
        return;
    }

    footer(ui, ctx, state, module, out);
    if state.notes
        && let Some(notes) = &module.trainer_notes
    {
        notes_panel(ui, ctx, module, notes);
    }
    let tokens = ui.tokens();
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(tokens.colors.background)
                .inner_margin(egui::Margin::symmetric(
                    tokens.sizes.gap_large as i8,
                    tokens.sizes.gap as i8,
                )),
        )
        .show(ui, |ui| {
            let page_height = ui.available_height();
            let id = match &state.showing {
                Showing::Lesson { place, .. } => ("present-slide", state.module, place.lesson, place.section),
                Showing::Quiz(place) => ("present-question", state.module, place.question, 0),
            };
            let mut scroll = egui::ScrollArea::vertical().id_salt(id).auto_shrink(false);
            if let Some(y) = state.scroll_to.take() {
                scroll = scroll.vertical_scroll_offset(y);
            }
            let output = scroll.show(ui, |ui| match &mut state.showing {
                Showing::Lesson { deck, place } => lesson_slide(ui, ctx, module, deck, *place, page_height),
                Showing::Quiz(place) => present_quiz::show(ui, ctx, module, place),
            });
            // What the keys need next frame: is there more of the slide above or below the screen?
            let room = (output.content_size.y - output.inner_rect.height()).max(0.0);
            state.offset = output.state.clamped_offset().y;
            state.page = output.inner_rect.height();
            state.room = room;
            state.overflow = Overflow {
                above: state.offset > 1.0,
                below: state.offset < room - 1.0,
            };
        });
}

/// One slide of a lesson: the lesson's title on its first, then the section's blocks.
fn lesson_slide(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    module: &Module,
    deck: &Deck,
    place: Place,
    page_height: f32,
) {
    let Some(lesson) = module.lessons.get(place.lesson) else {
        return;
    };
    let tokens = ui.tokens();
    if place.section == 0 {
        ui.add(
            egui::Label::new(RichText::new(&lesson.meta.title).text_style(egui::TextStyle::Heading)).wrap(),
        );
        ui.add_space(tokens.sizes.gap_small);
    }
    let blocks = deck.blocks(lesson, place).unwrap_or_default();
    // A diagram's own slide: as wide as the screen, unless that would make it taller than the screen
    // (with room left for its heading and caption); elsewhere a diagram takes most of a screen at most.
    let max_height = if present::is_picture(blocks) {
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let heading = if blocks.len() > 1 {
            ui.text_style_height(&theme::h2()) + tokens.sizes.gap_large
        } else {
            0.0
        };
        let title = if place.section == 0 {
            ui.text_style_height(&egui::TextStyle::Heading) * 2.0
        } else {
            0.0
        };
        // The caption: one line, and the spacing around it.
        page_height - heading - title - line * 1.6 - tokens.sizes.gap * 2.0
    } else {
        page_height * 0.8
    };
    let wide = diagram::Fit::Wide { max_height };
    let md = markdown::Context::of(ctx, module, tokens, wide);
    markdown::blocks_ui(ui, &md, blocks);
}

/// The discreet line at the bottom: where the presentation is, the keys, and buttons for a mouse.
fn footer(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut PresentState, module: &Module, out: &mut Commands) {
    let t = ctx.t;
    let tokens = ui.tokens();
    // Small next to the projected text: it is for the trainer, not the class.
    let size = tokens.sizes.text_small * 0.5;
    let text = match &state.showing {
        Showing::Lesson { deck, place } => t.present_footer(
            place.lesson + 1,
            deck.lessons(),
            place.section + 1,
            deck.sections(place.lesson),
        ),
        Showing::Quiz(place) => {
            let total = module.questions.len();
            t.present_quiz_footer((place.question + 1).min(total), total)
        }
    };
    let more = state.overflow.below;
    egui::Panel::bottom("present_footer")
        .frame(
            egui::Frame::new()
                .fill(tokens.colors.background)
                .inner_margin(egui::Margin::symmetric(tokens.sizes.gap as i8, 2)),
        )
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = tokens.sizes.gap_small;
                let small = |s: String| RichText::new(s).size(size);
                if ui.small_button(small(t.present_prev())).clicked() {
                    state.step(module, Step::Back);
                }
                if ui.small_button(small(t.present_next())).clicked() {
                    state.step(module, Step::Forward);
                }
                if ui.small_button(small(t.present_leave())).clicked() {
                    out.push(Command::LeavePresentation);
                }
                if module.trainer_notes.is_some()
                    && ui
                        .add(egui::Button::selectable(state.notes, small(t.present_notes())).small())
                        .clicked()
                {
                    state.notes = !state.notes;
                }
                if more {
                    ui.label(small(t.present_more_below()).strong().color(tokens.colors.accent));
                }
                ui.label(small(text).color(tokens.colors.muted));
            });
        });
}

/// The module's trainer notes beside the slide, in smaller text (they are for the trainer; on one screen
/// the class sees them too, so they are off until N is pressed).
fn notes_panel(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    module: &Module,
    notes: &[crate::content::markdown::Block],
) {
    let tokens = ui.tokens();
    let width = ui.available_width() * 0.4;
    egui::Panel::right("present_notes")
        .exact_size(width)
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(tokens.colors.surface)
                .stroke(egui::Stroke::new(tokens.sizes.border_width, tokens.colors.border))
                .inner_margin(tokens.sizes.gap),
        )
        .show(ui, |ui| {
            for font in ui.style_mut().text_styles.values_mut() {
                font.size *= 0.5;
            }
            egui::ScrollArea::vertical()
                .id_salt(("present-notes", module.dir.as_str()))
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.label(RichText::new(ctx.t.present_notes_title()).text_style(theme::h2()));
                    let md = markdown::Context::of(ctx, module, tokens, diagram::Fit::Column);
                    markdown::blocks_ui(ui, &md, notes);
                });
        });
}

/// F5 on a lesson or a module page starts presenting it.
#[must_use]
pub fn f5_projection(screen: Screen) -> Option<Projection> {
    match screen {
        Screen::Lesson { module, lesson } => Some(Projection::Lesson { module, lesson }),
        Screen::Module(module) => Some(Projection::Lesson { module, lesson: 0 }),
        _ => None,
    }
}
