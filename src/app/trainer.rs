//! The trainer's changes, applied after the frame: the PIN and its wait, the xAPI home page, and the
//! changes to profiles (rename, merge, delete, restore) and imports, each one new event in the journal
//! (see `crate::trainer`). The outcome goes on the notice bar or on the page that asked.

use uuid::Uuid;

use crate::app::App;
use crate::settings::TrainerPin;
use crate::trainer::transfer;
use crate::trainer::{self, Change, ProfileError};
use crate::ui::trainer::{Page, PinForm, Read, bad, display_name, invalid_message, ok};

/// Applies a trainer's change after the frame.
pub(super) fn apply(app: &mut App, action: Change) {
    match action {
        Change::SetPin(phc) => {
            app.settings.trainer_pin = TrainerPin::Set(phc);
            app.trainer.unlocked = true;
            app.trainer.pin = PinForm::default();
            let saved = save_settings(app);
            app.notice = Some(if saved {
                ok(app.t.trainer_pin_changed())
            } else {
                bad(app.t.trainer_pin_error_save())
            });
        }
        Change::RehashPin(phc) => {
            app.settings.trainer_pin = TrainerPin::Set(phc);
            // Logged if it fails; the old hash still opens the area.
            save_settings(app);
        }
        Change::SaveGate(kept) => {
            if app.settings.trainer_gate != kept {
                app.settings.trainer_gate = kept;
                // Logged if it fails; the wait still holds for as long as the app stays open.
                save_settings(app);
            }
        }
        Change::SetHomePage(url) => {
            let url = url.trim().to_owned();
            let valid = ["http://", "https://"]
                .iter()
                .any(|p| url.len() > p.len() && url.to_ascii_lowercase().starts_with(p));
            app.trainer.export.home_message = Some(if !valid {
                bad(app.t.trainer_home_page_invalid())
            } else {
                app.settings.xapi_home_page = url;
                if save_settings(app) {
                    ok(app.t.trainer_home_page_saved())
                } else {
                    bad(app.t.trainer_settings_save_failed())
                }
            });
        }
        Change::Rename {
            learner,
            name,
            unit,
            position,
        } => apply_rename(app, learner, &name, &unit, &position),
        Change::Merge { from, into } => {
            let (from_name, into_name) = (learner_name(app, from), learner_name(app, into));
            let Some(records) = &mut app.records else { return };
            match trainer::merge(records, from, into) {
                Ok(()) => {
                    app.notice = Some(ok(app.t.trainer_merged(from_name, into_name)));
                    app.trainer.merge_search.clear();
                    app.trainer.page = Page::Learner(into);
                }
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::Delete(learner) => {
            let name = learner_name(app, learner);
            let Some(records) = &mut app.records else { return };
            match trainer::delete(records, learner) {
                Ok(()) => {
                    app.notice = Some(ok(app.t.trainer_deleted(name)));
                    app.trainer.page = Page::Roster;
                }
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::Restore(learner) => {
            let Some(records) = &mut app.records else { return };
            let name = records
                .progress()
                .deleted()
                .iter()
                .find(|l| l.id == learner)
                .map(|l| display_name(&app.t, &l.name))
                .unwrap_or_default();
            match trainer::restore(records, learner) {
                Ok(()) => app.notice = Some(ok(app.t.trainer_restored(name))),
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::ApplyImport => apply_import(app),
        Change::SaveClass {
            class,
            name,
            unit,
            starts,
            ends,
            trainer,
        } => super::classes::save(app, class, [&name, &unit, &starts, &ends, &trainer]),
        Change::JoinClass { class, learners } => super::classes::join(app, class, &learners),
        Change::AddPasted { class, choices } => super::classes::add_pasted(app, class, &choices),
        Change::LeaveClass { class, learner } => super::classes::leave(app, class, learner),
        Change::SetPcClass(class) => super::classes::set_pc_class(app, class),
        Change::InstallPack => super::packs::install(app),
        Change::RemovePack(id) => super::packs::remove(app, &id),
        Change::TrustKey(text) => super::packs::trust(app, &text),
    }
}

/// Saves the settings; false (and logged) if they could not be written.
pub(super) fn save_settings(app: &App) -> bool {
    match app.settings.save(&app.data_dir) {
        Ok(()) => true,
        Err(e) => {
            log::error!("saving settings in {}: {e}", app.data_dir.display());
            false
        }
    }
}

/// A learner's name for messages: the name, or "(chưa có tên)" when the profile has none here.
pub(super) fn learner_name(app: &App, id: Uuid) -> String {
    app.records
        .as_ref()
        .and_then(|r| r.progress().learner(id))
        .map(|l| display_name(&app.t, &l.name))
        .unwrap_or_default()
}

pub(super) fn profile_message(app: &App, e: &ProfileError) -> String {
    let t = &app.t;
    match e {
        ProfileError::Invalid(e) => invalid_message(t, *e),
        ProfileError::Unknown => t.trainer_learner_unknown(),
        ProfileError::SameProfile => t.trainer_same_profile(),
        ProfileError::Store(e) => crate::app::store_message(t, e),
    }
}

/// Merges the events of the files read into the journal, one file at a time, and reports each.
fn apply_import(app: &mut App) {
    let reads = std::mem::take(&mut app.trainer.import.pending);
    let t = &app.t;
    // "Nothing was changed" is only true when no file of this import is taken.
    let any_taken = reads
        .iter()
        .any(|r| matches!(r, Read::File { result: Ok(_), .. }));
    let mut report = Vec::with_capacity(reads.len());
    for read in reads {
        let mut warnings = Vec::new();
        report.push(match read {
            Read::NotFound(path) => bad(t.trainer_import_not_found(path)),
            Read::NoFiles(path) => bad(t.trainer_import_no_files(path)),
            Read::File {
                name,
                result: Err(problem),
            } if any_taken => bad(problem.render_skipped(t, &name)),
            Read::File {
                name,
                result: Err(problem),
            } => bad(problem.render(t, &name)),
            Read::File {
                name,
                result: Ok(exchange),
            } => match app.records.as_mut().map(|r| r.import(exchange.events())) {
                Some(Ok(c)) => {
                    warnings = transfer::import_warnings(t, &c);
                    ok(t.trainer_import_file_done(c.imported, name, c.already_present))
                }
                Some(Err(e)) => {
                    log::error!("import {name}: {e}");
                    bad(crate::app::store_message(t, &e))
                }
                None => bad(app.records_error.clone().unwrap_or_default()),
            },
        });
        report.extend(warnings.into_iter().map(bad));
    }
    app.trainer.import.report = report;
}

/// Applies a rename: the message goes on the form (what to fix) or the notice bar (done).
fn apply_rename(app: &mut App, learner: Uuid, name: &str, unit: &str, position: &str) {
    let Some(records) = &mut app.records else { return };
    match trainer::rename(records, learner, name, unit, position) {
        Ok(true) => {
            app.trainer.edit.message = None;
            // Refill the form from the profile as now folded (cleaned, NFC).
            app.trainer.edit.learner = None;
            app.notice = Some(ok(app.t.trainer_renamed(learner_name(app, learner))));
        }
        Ok(false) => app.trainer.edit.message = Some(ok(app.t.trainer_edit_unchanged())),
        Err(ProfileError::Invalid(e)) => app.trainer.edit.message = Some(bad(invalid_message(&app.t, e))),
        Err(e) => app.notice = Some(bad(profile_message(app, &e))),
    }
}
