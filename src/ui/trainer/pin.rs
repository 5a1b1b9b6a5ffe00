//! The PIN screens: set it on first use, enter it to open the area (with the wait after wrong tries,
//! counting down on screen and remembered across a restart), change it, and — when the settings
//! file names a PIN that cannot be read — say how to reset it instead of offering a new one.
//!
//! Checking or hashing a PIN takes about half a second on purpose (see `trainer::pin`), so it runs on
//! a worker thread, as exports do, while the screen says "checking…" and refuses another try.

use std::time::{Duration, Instant};

use crate::app::Notice;
use crate::command::Command;
use crate::i18n::I18n;
use crate::settings::TrainerPin;
use crate::trainer::Change;
use crate::trainer::pin::{self, Cost, PinError, Remembered, Verdict};
use crate::ui::UiExt;
use crate::ui::trainer::TrainerState;
use crate::ui::trainer::{bad, notice_ui};
use crate::ui::{Commands, ScreenCtx};

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

/// What the worker thread is asked to do.
enum Job {
    /// Open the area: is `pin` the one hashed in `phc`? If so and `phc` is an earlier version's
    /// cheaper hash, hash the PIN again with today's cost.
    Open { pin: String, phc: String },
    /// Change the PIN: the current one first, then the new one hashed.
    Change {
        current: String,
        phc: String,
        new: String,
    },
    /// First use: hash the new PIN.
    Set { new: String },
}

/// Which page asked: opening and changing go through the gate (wrong tries count), the first PIN does
/// not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Change,
    Set,
}

/// What the worker thread found.
#[derive(Debug)]
struct Checked {
    /// The PIN given was the right one (always, when setting the first PIN).
    right: bool,
    /// The hash to store now, if any.
    new_hash: Option<Result<String, PinError>>,
    /// The right PIN was shorter than a new PIN may be (set by an earlier version).
    short: bool,
}

/// A PIN being checked or hashed on a worker thread.
#[derive(Debug)]
pub struct PinCheck {
    job: crate::job::Job<Checked>,
    kind: Kind,
}

fn run(job: Job, cost: Cost) -> Checked {
    match job {
        Job::Open { pin, phc } => {
            let right = pin::verify(&pin, &phc);
            Checked {
                right,
                new_hash: (right && pin::needs_rehash(&phc, cost)).then(|| pin::hash(&pin, cost)),
                short: right && pin::is_short(&pin),
            }
        }
        Job::Change { current, phc, new } => {
            let right = pin::verify(&current, &phc);
            Checked {
                right,
                new_hash: right.then(|| pin::hash(&new, cost)),
                short: false,
            }
        }
        Job::Set { new } => Checked {
            right: true,
            new_hash: Some(pin::hash(&new, cost)),
            short: false,
        },
    }
}

/// Starts `job` on a worker thread, which wakes the window when it is done.
fn start(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, job: Job) {
    let kind = match job {
        Job::Open { .. } => Kind::Open,
        Job::Change { .. } => Kind::Change,
        Job::Set { .. } => Kind::Set,
    };
    let cost = state.pin_cost;
    match crate::job::Job::spawn("pin", Some(wake.clone()), move |_| run(job, cost)) {
        Ok(job) => state.pin_check = Some(PinCheck { job, kind }),
        Err(e) => {
            log::error!("PIN thread: {e}");
            state.pin.message = Some(bad(ctx.t.trainer_pin_error_hash()));
        }
    }
}

/// Starts a try at the gate: refused while a wait lasts; otherwise it counts as wrong, and is
/// remembered so, until the worker says it was right (closing the app meanwhile gives no free try).
fn begin_try(ui: &egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, job: Job, out: &mut Commands) {
    let now = Instant::now();
    if state.gate.begin(now).is_err() {
        // The countdown on the page says it.
        state.pin.message = None;
        return;
    }
    let kept = state.gate.remember(chrono::Utc::now(), now);
    out.push(Command::Trainer(Change::SaveGate(kept)));
    start(state, ctx, ui.ctx(), job);
}

/// Takes the worker's answer, if it has come: opens the area, stores a new hash, or says why not.
pub(super) fn poll(state: &mut TrainerState, ctx: &ScreenCtx, out: &mut Commands) {
    let Some(check) = &mut state.pin_check else {
        return;
    };
    let checked = match check.job.poll() {
        crate::job::Poll::Done(checked) => checked,
        // The worker wakes the window when it is done.
        crate::job::Poll::Running { .. } => return,
        // The worker died (not expected; logged by the panic hook): a try stays counted as wrong.
        crate::job::Poll::Lost => Checked {
            right: false,
            new_hash: None,
            short: false,
        },
    };
    let kind = check.kind;
    state.pin_check = None;
    let t = ctx.t;
    let attempt = match kind {
        Kind::Set => Verdict::Granted,
        Kind::Open | Kind::Change => state.gate.settle(checked.right, Instant::now()),
    };
    state.pin.message = match attempt {
        Verdict::Wrong { tries_left } => Some(bad(t.trainer_pin_wrong(tries_left))),
        // When locked, the countdown says it.
        Verdict::Granted | Verdict::Locked { .. } => None,
    };
    if attempt != Verdict::Granted {
        return;
    }
    if kind != Kind::Set {
        out.push(Command::Trainer(Change::SaveGate(Remembered::default())));
    }
    match (kind, checked.new_hash) {
        (Kind::Open, Some(Ok(phc))) => out.push(Command::Trainer(Change::RehashPin(phc))),
        // The old hash still opens the area; the failure is logged.
        (Kind::Open, _) => {}
        (Kind::Change | Kind::Set, Some(Ok(phc))) => out.push(Command::Trainer(Change::SetPin(phc))),
        (Kind::Change | Kind::Set, Some(Err(e))) => state.pin.message = Some(bad(pin_error(t, e))),
        (Kind::Change | Kind::Set, None) => {
            state.pin.message = Some(bad(pin_error(t, PinError::Hash)));
        }
    }
    if kind == Kind::Open {
        state.unlocked = true;
        if checked.short {
            out.push(Command::Notify(bad(t.trainer_pin_short(pin::MIN_DIGITS))));
        }
    }
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

/// The area while locked: set the PIN (first use), enter it, or — when it cannot be read — how to
/// reset it.
pub fn gate_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    ui.page("trainer-pin", ui.tokens().sizes.page_width, |ui| {
        ui.heading(ctx.t.trainer_title());
        ui.add_space(6.0);
        match ctx.settings.trainer_pin.clone() {
            TrainerPin::NotSet => setup_ui(ui, ctx, state),
            TrainerPin::Set(phc) => enter_ui(ui, ctx, state, phc, out),
            TrainerPin::Unreadable(_) => unreadable_ui(ui, ctx),
        }
        ui.muted(ctx.t.trainer_pin_keys_hint());
    });
    // Esc leaves the locked area, as it cancels any form: back to learning.
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        out.go(if ctx.learner().is_some() {
            crate::command::Screen::Home
        } else {
            crate::command::Screen::Learners
        });
    }
}

/// The settings name a PIN that cannot be read: no new PIN is offered (a damaged file must not hand
/// the area to whoever sits here), only the README's reset, which needs access to the PC's files.
fn unreadable_ui(ui: &mut egui::Ui, ctx: &ScreenCtx) {
    let t = ctx.t;
    ui.notice(crate::ui::NoticeKind::Bad, t.trainer_pin_unreadable_title());
    ui.label(t.trainer_pin_unreadable_body());
    ui.add_space(6.0);
    ui.label(t.trainer_pin_unreadable_steps());
    ui.add_space(6.0);
    ui.label(t.trainer_data_folder(ctx.data_dir.display().to_string()));
}

fn setup_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState) {
    let t = ctx.t;
    let busy = state.pin_check.is_some();
    let form = &mut state.pin;
    ui.section(t.trainer_pin_setup_title());
    ui.label(t.trainer_pin_setup_body());
    ui.add_space(6.0);
    let mut submit = false;
    ui.form_grid("trainer_pin_setup", |ui| {
        submit |= pin_field(ui, t.trainer_pin_new(), &mut form.new, true);
        submit |= pin_field(ui, t.trainer_pin_again(), &mut form.again, false);
    });
    submit |= save_button_ui(ui, t, busy);
    if busy {
        ui.label(t.trainer_pin_saving());
    } else if let Some(message) = &form.message {
        notice_ui(ui, message);
    }
    if submit && !busy {
        let checked = checked_new_pin(t, form);
        if let Some(new) = checked {
            start(state, ctx, ui.ctx(), Job::Set { new });
        }
    }
}

/// "Lưu mã PIN", off while a PIN is being checked or hashed; true when pressed.
fn save_button_ui(ui: &mut egui::Ui, t: &I18n, busy: bool) -> bool {
    ui.add_enabled_ui(!busy, |ui| ui.big_button(t.trainer_pin_save()))
        .inner
        .clicked()
}

/// Checks the form of the new PIN of `form` (clearing the fields): the PIN to hash, or the reason on
/// the form.
fn checked_new_pin(t: &I18n, form: &mut PinForm) -> Option<String> {
    let result = pin::check_new(&form.new, &form.again).map(str::to_owned);
    form.new.clear();
    form.again.clear();
    match result {
        Ok(new) => {
            form.message = None;
            Some(new)
        }
        Err(e) => {
            form.message = Some(bad(pin_error(t, e)));
            None
        }
    }
}

fn pin_error(t: &I18n, e: PinError) -> String {
    match e {
        PinError::Format => t.trainer_pin_error_format(pin::MAX_DIGITS, pin::MIN_DIGITS),
        PinError::Mismatch => t.trainer_pin_error_mismatch(),
        PinError::Hash => t.trainer_pin_error_hash(),
    }
}

fn enter_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, phc: String, out: &mut Commands) {
    let t = ctx.t;
    let busy = state.pin_check.is_some();
    ui.label(t.trainer_pin_enter_body());
    ui.add_space(6.0);
    let locked = state.gate.is_locked(Instant::now());
    let mut submit = false;
    ui.form_grid("trainer_pin_enter", |ui| {
        submit |= pin_field(ui, t.trainer_pin(), &mut state.pin.pin, true);
    });
    submit |= ui
        .add_enabled_ui(!locked && !busy, |ui| ui.big_button(t.trainer_pin_open()))
        .inner
        .clicked();
    status_ui(t, ui, &state.pin, &state.gate, busy);
    if submit && !busy {
        let pin = std::mem::take(&mut state.pin.pin);
        begin_try(ui, ctx, state, Job::Open { pin, phc }, out);
    }
}

/// Under the form: "checking…" while the worker works, else the countdown while locked (repainting
/// until it ends), else the last message.
fn status_ui(t: &I18n, ui: &mut egui::Ui, form: &PinForm, gate: &pin::Gate, busy: bool) {
    if busy {
        ui.label(t.trainer_pin_checking());
    } else if let Some(seconds) = gate.seconds_left(Instant::now()) {
        let wait = wait_text(t, seconds);
        notice_ui(ui, &bad(t.trainer_pin_locked(wait, gate.wrong_in_a_row())));
        ui.ctx().request_repaint_after(Duration::from_millis(250));
    } else if let Some(message) = &form.message {
        notice_ui(ui, message);
    }
}

/// A wait in words: "30 giây", "2 phút", "14 phút 59 giây".
fn wait_text(t: &I18n, seconds: u64) -> String {
    t.trainer_wait(seconds / 60, seconds % 60)
}

/// Page "Đổi mã PIN": the PIN in use, then the new one twice.
pub fn change_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let Some(phc) = ctx.settings.trainer_pin.hash().map(str::to_owned) else {
        return;
    };
    let busy = state.pin_check.is_some();
    let t = ctx.t;
    let mut job = None;
    ui.page("trainer-pin", ui.tokens().sizes.page_width, |ui| {
        ui.section(t.trainer_tab_pin());
        let mut submit = false;
        ui.form_grid("trainer_pin_change", |ui| {
            submit |= pin_field(ui, t.trainer_pin_current(), &mut state.pin.current, true);
            submit |= pin_field(ui, t.trainer_pin_new(), &mut state.pin.new, false);
            submit |= pin_field(ui, t.trainer_pin_again(), &mut state.pin.again, false);
        });
        let locked = state.gate.is_locked(Instant::now());
        submit |= save_button_ui(ui, t, busy || locked);
        status_ui(t, ui, &state.pin, &state.gate, busy);
        if submit && !busy {
            let current = std::mem::take(&mut state.pin.current);
            // The new PIN's form is checked first: no try is used up on a typing slip.
            job = checked_new_pin(t, &mut state.pin).map(|new| Job::Change { current, phc, new });
        }
    });
    if let Some(job) = job {
        begin_try(ui, ctx, state, job, out);
    }
}
