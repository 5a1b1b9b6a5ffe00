//! The catalog the app shows: the embedded modules, with a module of an installed pack in place of the
//! embedded one of the same id when the pack's version is higher (an older or equal pack never replaces
//! newer content), and the packs' new modules added. Between two packs with the same module, the higher
//! version wins.
//!
//! A pack module's folder is renamed `pack-ID/NN-slug` in the catalog, so its diagrams never collide
//! with an embedded module's of the same folder name.

use std::path::Path;

use super::install::{Installed, installed};
use super::keys::Trust;
use super::verify::Pack;
use crate::content::{Catalog, Module};

/// The embedded catalog merged with the installed packs of `data_dir`, and the packs skipped (damaged
/// or no longer trusted), each with why.
#[must_use]
pub fn with_installed(embedded: Catalog, data_dir: &Path) -> (Catalog, Vec<Installed>) {
    let all = installed(data_dir, &Trust::load(data_dir));
    let (good, skipped): (Vec<Installed>, Vec<Installed>) = all.into_iter().partition(|i| i.pack.is_ok());
    let packs: Vec<&Pack> = good.iter().filter_map(|i| i.pack.as_ref().ok()).collect();
    (merge(embedded, &packs), skipped)
}

/// The lessons the app shows on `data_dir`: the embedded ones with the installed packs (a damaged pack is
/// skipped and logged).
///
/// # Errors
/// The embedded lessons' problems (ruled out for shipped binaries by the build's content test).
pub fn shown(data_dir: &Path) -> Result<Catalog, Vec<crate::content::Issue>> {
    let (catalog, skipped) = with_installed(crate::content::embedded()?, data_dir);
    for s in skipped {
        log::warn!("lesson pack {} skipped", s.entry.id);
    }
    Ok(catalog)
}

/// `base` with the modules of `packs` in place or added (see the module doc).
#[must_use]
pub fn merge(mut base: Catalog, packs: &[&Pack]) -> Catalog {
    for pack in packs {
        for module in &pack.catalog.modules {
            let current = base.modules.iter().position(|m| m.meta.id == module.meta.id);
            if current.is_some_and(|i| base.modules[i].meta.version >= module.meta.version) {
                continue;
            }
            let taken = take_module(&mut base, current, pack, module);
            match current {
                Some(i) => base.modules[i] = taken,
                None => base.modules.push(taken),
            }
        }
    }
    base.modules.sort_by_key(|m| m.meta.order);
    base
}

/// `module` of `pack`, renamed into its own folder, with its diagrams; the diagrams of the module it
/// replaces (index `current`) leave the catalog.
fn take_module(base: &mut Catalog, current: Option<usize>, pack: &Pack, module: &Module) -> Module {
    if let Some(i) = current {
        let prefix = format!("{}/", base.modules[i].dir);
        base.images.retain(|k, _| !k.starts_with(&prefix));
    }
    let dir = format!("pack-{}/{}", pack.manifest.id, module.dir);
    let own = format!("{}/", module.dir);
    for (key, bytes) in &pack.catalog.images {
        if let Some(rest) = key.strip_prefix(&own) {
            base.images.insert(format!("{dir}/{rest}"), bytes.clone());
        }
    }
    let mut taken = module.clone();
    taken.dir = dir;
    taken
}
