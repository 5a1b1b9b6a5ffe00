//! The learner's view of a practice simulation: the task card beside an imitation of a plain, generic
//! government portal (stacked above it when the window is narrow or the text is large), a hint button,
//! the mistake count, feedback after each wrong action, and at the end a summary of time, mistakes and
//! the rule behind each.
//!
//! Every screen carries the banner "Mô phỏng — không phải trang thật" so no one mistakes it for a real
//! site; the portal is drawn with plain frames and colours, never a real site's look or logo. Every
//! widget is named for assistive technology and tests (a text box is `labelled_by` its visible label; a
//! button, radio button or checkbox is named by its own text), and everything works from the keyboard
//! with egui's Tab / Shift+Tab, Space and Enter.
//!
//! State lives in [`SimRun`]; this file only draws it. A pressed action is applied after the frame is
//! drawn, so one frame never shows half of the old screen and half of the new one.

use std::time::{Duration, Instant};

use egui::{Align, Color32, RichText, Stroke, TextEdit, TextStyle};

use crate::i18n::I18n;
use crate::sim::model::{Channel, Field, FieldKind, Item, Look, Scenario, SimAction, SimScreen, Tone};
use crate::sim::{Mistake, SimRun, Value};
use crate::ui::{big_button, theme};

/// Below this width (in points, so it shrinks as the text size grows) the task card goes above the
/// imitation instead of beside it.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 900.0;

/// How a simulation ended for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimOutcome {
    /// The learner reached the end screen. Returned once, on the frame it happens; the summary stays on
    /// screen until the learner leaves.
    Finished { mistakes: usize, duration: Duration },
    /// The learner asked to leave (after the summary, or part-way through after confirming).
    Left,
}

/// What the learner asked for while the frame was drawn; applied afterwards.
#[derive(Default)]
struct Pressed {
    action: Option<String>,
    hint: bool,
    leave: bool,
}

fn memory_id(run: &SimRun, what: &str) -> egui::Id {
    egui::Id::unique(("kynangso-sim", run.scenario().id.as_str(), what))
}

/// Draws the simulation and returns what the caller must act on, if anything. `started` is when the
/// learner opened the simulation; the time taken is measured from it.
pub fn show(ui: &mut egui::Ui, run: &mut SimRun, t: &I18n, started: Instant) -> Option<SimOutcome> {
    let mut pressed = Pressed::default();
    egui::Panel::top("sim-bar").show(ui, |ui| top_bar_ui(ui, run, t, &mut pressed));
    egui::CentralPanel::default().show(ui, |ui| {
        if ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.horizontal_top(|ui| {
                let card_width = (ui.available_width() * 0.32).clamp(300.0, 440.0);
                let height = ui.available_height();
                ui.vertical(|ui| {
                    ui.set_width(card_width);
                    egui::ScrollArea::vertical()
                        .id_salt("sim-card")
                        .max_height(height)
                        .show(ui, |ui| task_card_ui(ui, run, t));
                });
                ui.separator();
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("sim-screen", run.screen().id.as_str()))
                        .max_height(height)
                        .auto_shrink(false)
                        .show(ui, |ui| main_column_ui(ui, run, t, &mut pressed));
                });
            });
        } else {
            egui::ScrollArea::vertical()
                .id_salt(("sim-stacked", run.screen().id.as_str()))
                .auto_shrink(false)
                .show(ui, |ui| {
                    task_card_ui(ui, run, t);
                    ui.add_space(8.0);
                    main_column_ui(ui, run, t, &mut pressed);
                });
        }
    });
    apply(ui, run, started, pressed)
}

/// The app's own heading style, or egui's heading where the theme was not applied (a bare test context).
fn style(ui: &egui::Ui, wanted: TextStyle) -> TextStyle {
    if ui.style().text_styles.contains_key(&wanted) {
        wanted
    } else {
        TextStyle::Heading
    }
}

fn apply(ui: &egui::Ui, run: &mut SimRun, started: Instant, pressed: Pressed) -> Option<SimOutcome> {
    if pressed.hint {
        run.hint();
        ui.ctx().request_repaint();
    }
    if pressed.leave {
        return Some(SimOutcome::Left);
    }
    let action = pressed.action?;
    let was_finished = run.finished();
    let result = run.act(&action);
    ui.ctx().request_repaint();
    if result.is_err() {
        ui.data_mut(|d| d.insert_temp(memory_id(run, "scroll-to-feedback"), true));
    }
    if !was_finished && run.finished() {
        let duration = started.elapsed();
        run.record_duration(duration);
        return Some(SimOutcome::Finished {
            mistakes: run.mistakes().len(),
            duration,
        });
    }
    None
}

fn top_bar_ui(ui: &mut egui::Ui, run: &SimRun, t: &I18n, pressed: &mut Pressed) {
    let confirm_id = memory_id(run, "confirm-leave");
    let confirming = ui.data(|d| d.get_temp::<bool>(confirm_id)).unwrap_or(false);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(t.sim_heading(run.scenario().title.clone())).text_style(style(ui, theme::h3())),
        );
        ui.label(RichText::new(t.sim_mistake_count(run.mistakes().len())).strong());
        if run.finished() {
            return;
        }
        if big_button(ui, t.sim_hint_button()).clicked() {
            pressed.hint = true;
        }
        if !confirming && big_button(ui, t.sim_leave()).clicked() {
            ui.data_mut(|d| d.insert_temp(confirm_id, true));
        }
    });
    if confirming && !run.finished() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t.sim_leave_question()).strong());
            if big_button(ui, t.sim_leave_confirm()).clicked() {
                ui.data_mut(|d| d.remove_temp::<bool>(confirm_id));
                pressed.leave = true;
            }
            if big_button(ui, t.sim_leave_cancel()).clicked() {
                ui.data_mut(|d| d.remove_temp::<bool>(confirm_id));
            }
        });
    }
    ui.add_space(4.0);
}

fn task_card_ui(ui: &mut egui::Ui, run: &SimRun, t: &I18n) {
    let scenario = run.scenario();
    egui::Frame::group(ui.style()).inner_margin(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t.sim_task_title()).text_style(style(ui, theme::h3())));
        // Full-strength text: the intro is read by people over 45, often on old, dim screens.
        ui.label(RichText::new(&scenario.intro).italics());
        ui.add_space(4.0);
        ui.label(&scenario.task.text);
        if !scenario.task.data.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(t.sim_task_data()).strong());
            for row in &scenario.task.data {
                row_ui(ui, &row.label, &row.value);
            }
        }
    });
}

/// One "label: value" line that wraps as a whole.
fn row_ui(ui: &mut egui::Ui, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{label}:")).strong());
        ui.label(value);
    });
}

fn main_column_ui(ui: &mut egui::Ui, run: &mut SimRun, t: &I18n, pressed: &mut Pressed) {
    if run.finished() {
        summary_ui(ui, run, t, pressed);
        ui.add_space(10.0);
    }
    portal_ui(ui, run, t, pressed);
}

/// Colours for the imitation that read on light, dark and high-contrast themes alike.
struct Colors {
    header_fill: Color32,
    header_text: Color32,
    warn: Color32,
    good: Color32,
    bad: Color32,
    info: Color32,
}

fn colors(ui: &egui::Ui) -> Colors {
    let dark = ui.visuals().dark_mode;
    Colors {
        // A plain navy band: generic, not any real portal's colours or logo.
        header_fill: Color32::from_rgb(0x1F, 0x3A, 0x5F),
        header_text: Color32::WHITE,
        warn: if dark {
            Color32::from_rgb(0xFF, 0xD2, 0x5E)
        } else {
            Color32::from_rgb(0x7A, 0x4A, 0x00)
        },
        good: if dark {
            Color32::from_rgb(0x7C, 0xD9, 0x82)
        } else {
            Color32::from_rgb(0x1B, 0x6E, 0x20)
        },
        bad: if dark {
            Color32::from_rgb(0xFF, 0x8A, 0x80)
        } else {
            Color32::from_rgb(0xB0, 0x1E, 0x1E)
        },
        info: if dark {
            Color32::from_rgb(0x8C, 0xC4, 0xFF)
        } else {
            Color32::from_rgb(0x0B, 0x4F, 0x9C)
        },
    }
}

fn portal_ui(ui: &mut egui::Ui, run: &mut SimRun, t: &I18n, pressed: &mut Pressed) {
    let c = colors(ui);
    let scenario = run.shared_scenario();
    let Some(screen) = current_screen(&scenario, run) else {
        return;
    };
    let window = screen.window.as_deref().unwrap_or(&scenario.window);
    let stroke = Stroke::new(1.5, ui.visuals().widgets.noninteractive.fg_stroke.color);
    egui::Frame::new().stroke(stroke).corner_radius(6).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.spacing_mut().item_spacing.y = 0.0;
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .inner_margin(8)
            .stroke(Stroke::new(2.0, c.warn))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(t.sim_banner()).strong().color(c.warn));
            });
        egui::Frame::new()
            .fill(c.header_fill)
            .inner_margin(10)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(window)
                        .text_style(style(ui, theme::h3()))
                        .color(c.header_text),
                );
            });
        if let Some(address) = &screen.address {
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .inner_margin(8)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(t.sim_address_bar(address.clone())).monospace());
                });
        }
        ui.spacing_mut().item_spacing.y = 9.0;
        egui::Frame::new().inner_margin(14).show(ui, |ui| {
            ui.set_width(ui.available_width());
            screen_ui(ui, run, t, pressed, &c);
        });
    });
}

/// The current screen, borrowed from the shared scenario so `run` stays free for edits.
fn current_screen<'a>(scenario: &'a Scenario, run: &SimRun) -> Option<&'a SimScreen> {
    let id = &run.screen().id;
    scenario.screens.iter().find(|s| &s.id == id)
}

fn screen_ui(ui: &mut egui::Ui, run: &mut SimRun, t: &I18n, pressed: &mut Pressed, c: &Colors) {
    let scenario = run.shared_scenario();
    let Some(screen) = current_screen(&scenario, run) else {
        return;
    };
    ui.label(RichText::new(&screen.title).text_style(style(ui, theme::h2())));
    // Focus the first control of a new screen, so a keyboard user goes on from where the page starts.
    let seen_id = memory_id(run, "screen");
    let previous = ui.data(|d| d.get_temp::<String>(seen_id));
    let mut focus_first = previous.as_ref().is_some_and(|p| p != &screen.id);
    if previous.as_deref() != Some(screen.id.as_str()) {
        ui.data_mut(|d| d.insert_temp(seen_id, screen.id.clone()));
    }
    hints_ui(ui, run, t, c);
    feedback_ui(ui, run, t, c);
    let inline: Vec<&str> = screen
        .items
        .iter()
        .filter_map(|i| {
            if let Item::Action { action } = i {
                Some(action.as_str())
            } else {
                None
            }
        })
        .collect();
    for item in &screen.items {
        match item {
            Item::Paragraph { text } => {
                ui.label(text);
            }
            Item::Notice { text, tone } => notice_ui(ui, text, *tone, c),
            Item::Info { title, rows } => {
                egui::Frame::group(ui.style()).inner_margin(10).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    if let Some(title) = title {
                        ui.label(RichText::new(title).strong());
                    }
                    for row in rows {
                        let value = match (&row.value, &row.field) {
                            (Some(v), _) => v.clone(),
                            (None, Some(f)) => shown_value(run.value(f), t),
                            (None, None) => String::new(),
                        };
                        row_ui(ui, &row.label, &value);
                    }
                });
            }
            Item::Message {
                channel,
                from,
                time,
                text,
            } => message_ui(ui, *channel, from, time.as_deref(), text, t),
            Item::Action { action } => {
                if let Some(a) = screen.action(action) {
                    action_ui(ui, a, pressed, &mut focus_first);
                }
            }
            _ => {
                if let Some(field) = item.field() {
                    field_ui(ui, run, field, t, c, &mut focus_first);
                }
            }
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for action in screen.actions.iter().filter(|a| !inline.contains(&a.id.as_str())) {
            action_ui(ui, action, pressed, &mut focus_first);
        }
    });
}

fn shown_value(value: Option<&Value>, t: &I18n) -> String {
    match value {
        Some(Value::Checked(true)) => t.sim_checked(),
        Some(Value::Checked(false)) => t.sim_unchecked(),
        Some(Value::Text(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => t.sim_empty_value(),
    }
}

fn hints_ui(ui: &mut egui::Ui, run: &SimRun, t: &I18n, c: &Colors) {
    let hints = run.hints_shown();
    if hints.is_empty() {
        return;
    }
    egui::Frame::new()
        .stroke(Stroke::new(2.0, c.info))
        .corner_radius(4)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t.sim_hints_title()).strong().color(c.info));
            for hint in hints {
                ui.label(hint);
            }
        });
}

fn feedback_ui(ui: &mut egui::Ui, run: &SimRun, t: &I18n, c: &Colors) {
    let mistakes = run.last_mistakes();
    if mistakes.is_empty() {
        return;
    }
    let response = egui::Frame::new()
        .stroke(Stroke::new(2.0, c.bad))
        .corner_radius(4)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t.sim_feedback_title()).strong().color(c.bad));
            for m in mistakes {
                ui.label(feedback_text(m, t));
            }
        });
    // Bring the feedback into view after the learner pressed a button further down.
    let scroll_id = memory_id(run, "scroll-to-feedback");
    if ui.data_mut(|d| d.remove_temp::<bool>(scroll_id)).unwrap_or(false) {
        response.response.scroll_to_me(Some(Align::TOP));
    }
}

fn feedback_text(m: &Mistake, t: &I18n) -> String {
    match &m.field {
        Some(f) => t.sim_feedback_field(m.feedback.clone(), f.label.trim_end_matches(" *").to_owned()),
        None => m.feedback.clone(),
    }
}

fn notice_ui(ui: &mut egui::Ui, text: &str, tone: Tone, c: &Colors) {
    let color = match tone {
        Tone::Info => c.info,
        Tone::Success => c.good,
        Tone::Warning => c.warn,
        Tone::Error => c.bad,
    };
    egui::Frame::new()
        .stroke(Stroke::new(2.0, color))
        .corner_radius(4)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).strong().color(color));
        });
}

fn message_ui(ui: &mut egui::Ui, channel: Channel, from: &str, time: Option<&str>, text: &str, t: &I18n) {
    let from = from.to_owned();
    let heading = match channel {
        Channel::Sms => t.sim_channel_sms(from),
        Channel::App => t.sim_channel_app(from),
        Channel::Call => t.sim_channel_call(from),
        Channel::Email => t.sim_channel_email(from),
    };
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(10)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(heading).strong());
                if let Some(time) = time {
                    ui.label(RichText::new(time).weak());
                }
            });
            ui.label(text);
        });
}

fn action_ui(ui: &mut egui::Ui, action: &SimAction, pressed: &mut Pressed, focus_first: &mut bool) {
    let response = match action.look {
        Look::Button => big_button(ui, &action.label),
        Look::Link => ui.link(&action.label),
    };
    take_focus(&response, focus_first);
    if response.clicked() {
        pressed.action = Some(action.id.clone());
    }
}

fn take_focus(response: &egui::Response, focus_first: &mut bool) {
    if *focus_first {
        response.request_focus();
        *focus_first = false;
    }
}

fn field_ui(
    ui: &mut egui::Ui,
    run: &mut SimRun,
    field: Field<'_>,
    t: &I18n,
    c: &Colors,
    focus_first: &mut bool,
) {
    let spec = field.spec;
    let wrong = run
        .last_mistakes()
        .iter()
        .any(|m| m.field.as_ref().is_some_and(|f| f.id == spec.id));
    ui.add_space(4.0);
    // A checkbox is named by its own text; every other field by the label above it.
    let label = (field.kind != FieldKind::Checkbox).then(|| ui.label(RichText::new(&spec.label).strong()));
    let width = (ui.available_width() - 90.0).clamp(120.0, 460.0);
    let mut current = run
        .value(&spec.id)
        .cloned()
        .unwrap_or_else(|| Value::empty(field.kind));
    let before = current.clone();
    match (field.kind, &mut current) {
        (FieldKind::Checkbox, Value::Checked(checked)) => {
            let r = ui.checkbox(checked, &spec.label);
            take_focus(&r, focus_first);
        }
        (FieldKind::Select, Value::Text(chosen)) => {
            let shown = if chosen.is_empty() {
                t.sim_choose()
            } else {
                chosen.clone()
            };
            let inner = egui::ComboBox::from_id_salt(("sim-select", spec.id.as_str()))
                .selected_text(shown)
                .width(width)
                .show_ui(ui, |ui| {
                    for option in &spec.options {
                        ui.selectable_value(chosen, option.clone(), option);
                    }
                });
            let r = match &label {
                Some(l) => inner.response.labelled_by(l.id),
                None => inner.response,
            };
            take_focus(&r, focus_first);
        }
        (FieldKind::Radio, Value::Text(chosen)) => {
            for option in &spec.options {
                let r = ui.radio_value(chosen, option.clone(), option);
                take_focus(&r, focus_first);
            }
        }
        (FieldKind::File, Value::Text(chosen)) => {
            for file in &spec.files {
                let r = ui.radio_value(chosen, file.name.clone(), &file.name);
                take_focus(&r, focus_first);
                if let Some(note) = &file.note {
                    ui.indent(("sim-file-note", spec.id.as_str(), file.name.as_str()), |ui| {
                        ui.label(RichText::new(note).italics());
                    });
                }
            }
        }
        (kind, Value::Text(text)) => {
            ui.horizontal_wrapped(|ui| {
                let mut edit = TextEdit::singleline(text).desired_width(width);
                if kind == FieldKind::Date {
                    edit = edit.hint_text(t.sim_date_placeholder());
                }
                if kind == FieldKind::Password {
                    edit = edit.password(true);
                }
                let r = ui.add(edit);
                let r = match &label {
                    Some(l) => r.labelled_by(l.id),
                    None => r,
                };
                take_focus(&r, focus_first);
                if let Some(unit) = &spec.unit {
                    ui.label(unit).on_hover_text(t.sim_unit(unit.clone()));
                }
            });
        }
        _ => {}
    }
    if let Some(help) = &spec.help {
        ui.label(RichText::new(help).italics());
    }
    if wrong {
        ui.label(RichText::new(t.sim_field_wrong()).color(c.bad));
    }
    if current != before {
        run.set_value(&spec.id, current);
    }
}

fn summary_ui(ui: &mut egui::Ui, run: &SimRun, t: &I18n, pressed: &mut Pressed) {
    let c = colors(ui);
    let summary = run.summary();
    egui::Frame::new()
        .stroke(Stroke::new(2.0, c.good))
        .corner_radius(6)
        .inner_margin(14)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(t.sim_done_title())
                    .text_style(style(ui, theme::h2()))
                    .color(c.good),
            );
            let secs = summary.duration.unwrap_or_default().as_secs();
            ui.label(t.sim_summary_time(secs / 60, secs % 60));
            ui.label(RichText::new(t.sim_summary_mistakes(summary.mistakes.len())).strong());
            ui.label(t.sim_summary_hints(summary.hints_used));
            if summary.mistakes.is_empty() {
                ui.label(RichText::new(t.sim_summary_perfect()).color(c.good));
            } else {
                ui.add_space(6.0);
                ui.label(RichText::new(t.sim_summary_list()).text_style(style(ui, theme::h3())));
                for (i, m) in summary.mistakes.iter().enumerate() {
                    egui::Frame::group(ui.style()).inner_margin(8).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(format!("{}. {}", i + 1, what_happened(m, t))).strong());
                        ui.label(&m.feedback);
                        ui.label(RichText::new(t.sim_rule(m.rule.clone())).color(c.info));
                    });
                }
            }
            ui.add_space(8.0);
            if big_button(ui, t.sim_back()).clicked() {
                pressed.leave = true;
            }
        });
}

fn what_happened(m: &Mistake, t: &I18n) -> String {
    let screen = m.screen_title.clone();
    match &m.field {
        None => t.sim_mistake_trap(m.action_label.clone(), screen),
        Some(f) => {
            let value = shown_value(Some(&f.value), t);
            t.sim_mistake_value(f.label.trim_end_matches(" *").to_owned(), screen, value)
        }
    }
}
