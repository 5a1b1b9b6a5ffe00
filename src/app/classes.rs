//! The trainer's changes to classes, applied after the frame (see `crate::class::edit`):
//! the outcome goes on the form that asked (what to fix) or on the notice bar (done), and the page moves
//! on where it should (a new class opens its dashboard).

use uuid::Uuid;

use crate::app::{App, store_message};
use crate::class::{ClassError, ClassForm};
use crate::learning::NewLearner;
use crate::records::StoreError;
use crate::trainer::PastedChoice;
use crate::ui::trainer::{Page, bad, ok};

use super::trainer::{learner_name, save_settings};

/// The words for a refused class form.
fn form_message(app: &App, e: ClassError) -> String {
    let t = &app.t;
    match e {
        ClassError::EmptyName => t.class_error_name(),
        ClassError::TooLong => t.class_error_long(crate::learning::MAX_TEXT),
        ClassError::NoStart => t.class_error_no_start(),
        ClassError::BadDate => t.class_error_date(),
        ClassError::EndsBeforeStart => t.class_error_ends_before(),
    }
}

/// The journal could not be written: said, and logged once.
fn store_failed(app: &App, e: &StoreError) -> crate::app::Notice {
    log::error!("class change: {e}");
    bad(store_message(&app.t, e))
}

/// Creates or edits a class from the form's fields (name, unit, starts, ends, trainer).
pub(super) fn save(app: &mut App, class: Option<Uuid>, [name, unit, starts, ends, trainer]: [&str; 5]) {
    let form = match ClassForm::parse(name, unit, starts, ends, trainer) {
        Ok(form) => form,
        Err(e) => {
            app.trainer.classes.form.message = Some(bad(form_message(app, e)));
            return;
        }
    };
    let Some(records) = &mut app.records else { return };
    if class.is_some_and(|id| records.progress().class(id).is_none()) {
        app.trainer.classes.form.message = Some(bad(app.t.class_gone()));
        return;
    }
    let outcome = match class {
        None => records.create_class(&form).map(|id| (id, true)),
        Some(id) => records.update_class(id, &form).map(|changed| (id, changed)),
    };
    match outcome {
        Ok((id, changed)) => {
            app.trainer.classes.form = crate::ui::trainer::classes::form::ClassForm::default();
            app.trainer.page = Page::Class(id);
            app.notice = Some(ok(match (class, changed) {
                (None, _) => app.t.class_created(form.name),
                (Some(_), true) => app.t.class_saved(form.name),
                (Some(_), false) => app.t.class_unchanged(),
            }));
        }
        Err(e) => app.trainer.classes.form.message = Some(store_failed(app, &e)),
    }
}

/// Learners picked from the roster join the class.
pub(super) fn join(app: &mut App, class: Uuid, learners: &[Uuid]) {
    let Some(records) = &mut app.records else { return };
    let outcome = records.join_class(class, learners);
    let message = match outcome {
        Ok(n) => ok(app.t.class_joined(n)),
        Err(e) => store_failed(app, &e),
    };
    let form = &mut app.trainer.classes.learners;
    form.picked.clear();
    form.search.clear();
    form.message = Some(message);
}

/// A reviewed paste joins the class: the new names become learners (with the class's unit), then
/// the existing learners chosen join.
pub(super) fn add_pasted(app: &mut App, class: Uuid, choices: &[PastedChoice]) {
    let Some(records) = &mut app.records else { return };
    let unit = records
        .progress()
        .class(class)
        .map(|c| c.unit.clone())
        .unwrap_or_default();
    let mut existing = Vec::new();
    let mut new = Vec::new();
    for choice in choices {
        match choice {
            PastedChoice::Existing(id) => existing.push(*id),
            // The review leaves out names that cannot be a learner's; the unit may be too long.
            PastedChoice::New(name) => {
                if let Ok(learner) =
                    NewLearner::parse(name, &unit, "").or_else(|_| NewLearner::parse(name, "", ""))
                {
                    new.push(learner);
                }
            }
        }
    }
    let outcome = records
        .add_learners_to_class(class, new)
        .and_then(|added| Ok(added.len() + records.join_class(class, &existing)?));
    let message = match &outcome {
        Ok(n) => ok(app.t.class_joined(*n)),
        Err(e) => store_failed(app, e),
    };
    let form = &mut app.trainer.classes.learners;
    if outcome.is_ok() {
        form.paste.clear();
        form.review = None;
    }
    form.message = Some(message);
}

/// A learner leaves the class.
pub(super) fn leave(app: &mut App, class: Uuid, learner: Uuid) {
    let name = learner_name(app, learner);
    let Some(records) = &mut app.records else { return };
    let message = match records.leave_class(class, &[learner]) {
        Ok(_) => ok(app.t.class_left(name)),
        Err(e) => store_failed(app, &e),
    };
    app.trainer.classes.learners.message = Some(message);
}

/// "This PC is in class X": saved in the settings, and learners added from now on join it.
pub(super) fn set_pc_class(app: &mut App, class: Option<Uuid>) {
    app.settings.pc_class = class;
    if let Some(records) = &mut app.records {
        records.pc_class = class;
    }
    let saved = save_settings(app);
    let name = class.map(|id| {
        app.records
            .as_ref()
            .and_then(|r| r.progress().class(id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    });
    app.notice = Some(match (saved, name) {
        (false, _) => bad(app.t.trainer_settings_save_failed()),
        (true, Some(name)) => ok(app.t.class_pc_set(name)),
        (true, None) => ok(app.t.class_pc_cleared()),
    });
}
