//! Applies the lesson-pack changes of the trainer's "Cập nhật bài học" page: install, remove, trust a
//! key. After an install or removal the catalog is rebuilt (embedded + installed packs) and swapped in
//! live: the records refold with the new module list and the screen stays where it was when its module
//! and lesson still exist ([`App::set_catalog`]).

use std::sync::Arc;

use crate::app::App;
use crate::command::Screen;
use crate::content::Catalog;
use crate::pack::{self, PublicKey, Trust};
use crate::ui::trainer::{bad, ok};

/// Installs the pack waiting on the page.
pub(super) fn install(app: &mut App) {
    let Some(verified) = app.trainer.packs.verified.take() else {
        return;
    };
    let title = verified.pack.manifest.title.clone();
    app.trainer.packs.refresh();
    app.trainer.packs.message = Some(
        match pack::install::install(&app.data_dir, &verified.pack, &pack::today()) {
            Ok(()) => {
                reload(app);
                ok(app.t.pack_installed_ok(title))
            }
            Err(e) => {
                log::error!("installing pack {}: {e}", verified.pack.manifest.id);
                bad(app.t.pack_install_failed())
            }
        },
    );
}

/// Removes an installed pack.
pub(super) fn remove(app: &mut App, id: &str) {
    let title = pack::install::entries(&app.data_dir)
        .into_iter()
        .find(|e| e.id == id)
        .and_then(|e| pack::install::manifest_of(&app.data_dir, &e))
        .map_or_else(|| id.to_owned(), |m| m.title);
    app.trainer.packs.refresh();
    app.trainer.packs.message = Some(match pack::install::remove(&app.data_dir, id) {
        Ok(_) => {
            reload(app);
            ok(app.t.pack_removed(title))
        }
        Err(e) => {
            log::error!("removing pack {id}: {e}");
            bad(app.t.pack_remove_failed())
        }
    });
}

/// Trusts a publisher key.
pub(super) fn trust(app: &mut App, text: &str) {
    let page = &mut app.trainer.packs;
    page.refresh();
    let Some(key) = PublicKey::parse(text) else {
        page.key_message = Some(bad(app.t.pack_keys_bad()));
        return;
    };
    page.key_message = Some(match Trust::add(&app.data_dir, key, &pack::today()) {
        Ok(true) => {
            page.key_text.clear();
            ok(app.t.pack_keys_added(key.fingerprint()))
        }
        Ok(false) => ok(app.t.pack_keys_already(key.fingerprint())),
        Err(e) => {
            log::error!("trusting a key: {e}");
            bad(app.t.pack_keys_save_failed())
        }
    });
}

/// Rebuilds the catalog from the embedded lessons and the installed packs.
fn reload(app: &mut App) {
    match pack::catalog::shown(&app.data_dir) {
        Ok(catalog) => app.set_catalog(catalog),
        Err(issues) => log::error!("embedded lessons: {issues:?}"),
    }
}

impl App {
    /// Shows `catalog` from now on: the records refold with its modules, and the screen stays on the same
    /// module and lesson (found again by id) if they still exist, else goes to the home screen. A quiz or
    /// simulation under way goes back to its module's page.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        let old = self.catalog.clone();
        let module_id = |i: usize| old.modules.get(i).map(|m| m.meta.id.clone());
        let place = match self.screen {
            Screen::Module(m) | Screen::Quiz(m) | Screen::Simulation { module: m, .. } => {
                module_id(m).map(|id| (id, None))
            }
            Screen::Lesson { module, lesson } => module_id(module).map(|id| {
                let lesson = old.modules[module].lessons.get(lesson).map(|l| l.meta.id.clone());
                (id, lesson)
            }),
            _ => None,
        };
        let catalog = Arc::new(catalog);
        if let Some(records) = &mut self.records {
            records.set_catalog(&catalog);
        }
        self.catalog = catalog;
        if let Some((module, lesson)) = place {
            self.quiz = None;
            self.sim = None;
            let m = self.catalog.modules.iter().position(|x| x.meta.id == module);
            self.screen = match (m, lesson) {
                (Some(m), Some(lesson)) => match self.catalog.modules[m].lesson_index(&lesson) {
                    Some(l) => Screen::Lesson { module: m, lesson: l },
                    None => Screen::Module(m),
                },
                (Some(m), None) => Screen::Module(m),
                (None, _) => Screen::Home,
            };
        }
    }
}
