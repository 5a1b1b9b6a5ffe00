//! The PIN screens: set it on first use, enter it to open the area (with the 30-second wait after
//! three wrong tries, counting down on screen and remembered across a restart), and change it.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use egui::RichText;

use crate::app::{App, Notice};
use crate::command::Command;
use crate::trainer::Action;
use crate::trainer::pin::{self, Attempt, PinError};
use crate::ui::trainer::{bad, notice_ui};
use crate::ui::{big_button, theme};

/// What is typed on the PIN screens.
#[derive(Debug, Clone, Default)]
pub struct PinForm {
    /// The PIN typed to open the area.
    pub pin: String,
    /// The PIN now in use, to change it.
    pub current: String,
    pub new: String,
    pub again: String,
    pub message: Option<Notice>,
}

/// A PIN field: masked, labelled for screen readers and tests; true when Enter was pressed in it. The
/// `first` field of a form takes the keyboard when nothing else has it, so the trainer can type at once.
fn pin_field(ui: &mut egui::Ui, label: String, value: &mut String, first: bool) -> bool {
    let l = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .password(true)
                .char_limit(pin::MAX_DIGITS)
                .desired_width(160.0),
        )
        .labelled_by(l.id);
    if first && ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    ui.end_row();
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// The area while locked: set the PIN (first use) or enter it.
pub fn gate_ui(app: &mut App, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(700.0));
        ui.heading(app.t.trainer_title());
        ui.add_space(6.0);
        match app.settings.trainer_pin.clone() {
            None => setup_ui(app, ui),
            Some(phc) => enter_ui(app, ui, &phc),
        }
    });
}

fn setup_ui(app: &mut App, ui: &mut egui::Ui) {
    let t = &app.t;
    let pal = theme::palette(app.settings.theme);
    let form = &mut app.trainer.pin;
    ui.label(RichText::new(t.trainer_pin_setup_title()).text_style(theme::h2()));
    ui.label(t.trainer_pin_setup_body());
    ui.add_space(6.0);
    let mut submit = false;
    egui::Grid::new("trainer_pin_setup")
        .num_columns(2)
        .spacing([12.0, 10.0])
        .show(ui, |ui| {
            submit |= pin_field(ui, t.trainer_pin_new(), &mut form.new, true);
            submit |= pin_field(ui, t.trainer_pin_again(), &mut form.again, false);
        });
    if let Some(message) = &form.message {
        notice_ui(ui, &pal, message);
    }
    submit |= big_button(ui, t.trainer_pin_save()).clicked();
    if submit {
        let action = new_pin(t, form);
        if let Some(action) = action {
            app.push(Command::Trainer(action));
        }
    }
}

/// Checks and hashes the new PIN of `form`; the action to store it, or the reason on the form.
fn new_pin(t: &crate::i18n::I18n, form: &mut PinForm) -> Option<Action> {
    let result = pin::new_pin(&form.new, &form.again);
    form.new.clear();
    form.again.clear();
    match result {
        Ok(phc) => Some(Action::SetPin(phc)),
        Err(e) => {
            form.message = Some(bad(match e {
                PinError::Format => t.trainer_pin_error_format(),
                PinError::Mismatch => t.trainer_pin_error_mismatch(),
                PinError::Hash => t.trainer_pin_error_hash(),
            }));
            None
        }
    }
}

fn enter_ui(app: &mut App, ui: &mut egui::Ui, phc: &str) {
    let t = &app.t;
    let pal = theme::palette(app.settings.theme);
    let state = &mut app.trainer;
    ui.label(t.trainer_pin_enter_body());
    ui.add_space(6.0);
    let now = Instant::now();
    let locked = state.gate.is_locked(now);
    let mut submit = false;
    let mut lock_change = None;
    egui::Grid::new("trainer_pin_enter")
        .num_columns(2)
        .spacing([12.0, 10.0])
        .show(ui, |ui| {
            submit |= pin_field(ui, t.trainer_pin(), &mut state.pin.pin, true);
        });
    submit |= ui
        .add_enabled_ui(!locked, |ui| big_button(ui, t.trainer_pin_open()))
        .inner
        .clicked();
    if submit {
        let attempt = state.gate.try_pin(&state.pin.pin, phc, now);
        lock_change = remembered_lock(attempt, locked, app.settings.trainer_locked_until.is_some());
        state.pin.pin.clear();
        state.pin.message = match attempt {
            Attempt::Granted => {
                state.unlocked = true;
                None
            }
            Attempt::Wrong { tries_left } => Some(bad(t.trainer_pin_wrong(tries_left))),
            // The countdown below says it.
            Attempt::Locked { .. } => None,
        };
        ui.ctx().request_repaint();
    }
    lock_or_message_ui(t, ui, &pal, &state.pin, &state.gate);
    if let Some(until) = lock_change {
        app.push(Command::Trainer(Action::SaveLock(until)));
    }
}

/// What to remember in the settings after a try: the end of a wait this try started, or that the
/// remembered wait is over once the right PIN got through. `None`: nothing changes.
#[allow(clippy::option_option)] // outer: whether to save; inner: the date to save, or none
fn remembered_lock(attempt: Attempt, was_locked: bool, remembered: bool) -> Option<Option<DateTime<Utc>>> {
    match attempt {
        Attempt::Locked { .. } if !was_locked => Some(Some(Utc::now() + pin::LOCK)),
        Attempt::Granted if remembered => Some(None),
        _ => None,
    }
}

/// The countdown while locked (repainting until it ends), else the last message.
fn lock_or_message_ui(
    t: &crate::i18n::I18n,
    ui: &mut egui::Ui,
    pal: &theme::Palette,
    form: &PinForm,
    gate: &pin::Gate,
) {
    if let Some(seconds) = gate.seconds_left(Instant::now()) {
        notice_ui(ui, pal, &bad(t.trainer_pin_locked(seconds)));
        ui.ctx().request_repaint_after(Duration::from_millis(250));
    } else if let Some(message) = &form.message {
        notice_ui(ui, pal, message);
    }
}

/// Page "Đổi mã PIN": the PIN in use, then the new one twice.
pub fn change_ui(app: &mut App, ui: &mut egui::Ui) {
    let pal = theme::palette(app.settings.theme);
    let Some(phc) = app.settings.trainer_pin.clone() else {
        return;
    };
    let t = &app.t;
    let state = &mut app.trainer;
    let mut action = None;
    let mut lock_change = None;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(700.0));
        ui.label(RichText::new(t.trainer_tab_pin()).text_style(theme::h2()));
        let mut submit = false;
        egui::Grid::new("trainer_pin_change")
            .num_columns(2)
            .spacing([12.0, 10.0])
            .show(ui, |ui| {
                submit |= pin_field(ui, t.trainer_pin_current(), &mut state.pin.current, true);
                submit |= pin_field(ui, t.trainer_pin_new(), &mut state.pin.new, false);
                submit |= pin_field(ui, t.trainer_pin_again(), &mut state.pin.again, false);
            });
        let locked = state.gate.is_locked(Instant::now());
        submit |= ui
            .add_enabled_ui(!locked, |ui| big_button(ui, t.trainer_pin_save()))
            .inner
            .clicked();
        if submit {
            let attempt = state.gate.try_pin(&state.pin.current, &phc, Instant::now());
            lock_change = remembered_lock(attempt, locked, app.settings.trainer_locked_until.is_some());
            state.pin.current.clear();
            match attempt {
                Attempt::Granted => {
                    state.pin.message = None;
                    action = new_pin(t, &mut state.pin);
                }
                Attempt::Wrong { tries_left } => {
                    state.pin.message = Some(bad(t.trainer_pin_wrong(tries_left)));
                }
                Attempt::Locked { .. } => state.pin.message = None,
            }
        }
        lock_or_message_ui(t, ui, &pal, &state.pin, &state.gate);
    });
    if let Some(until) = lock_change {
        app.push(Command::Trainer(Action::SaveLock(until)));
    }
    if let Some(action) = action {
        app.push(Command::Trainer(action));
    }
}
