//! `kynangso export` and `kynangso import`: the records on the command line, for trainers' scripts and for
//! gathering records from many PCs. Export reads the journal without locking it (the app may be open);
//! import takes the lock, checks every file first, and writes nothing from a file that is not valid.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content;
use crate::export::Format;
use crate::export::JournalEvents;
use crate::i18n::I18n;
use crate::records::{Facts, Journal, ModuleSpec, fold_facts};
use crate::trainer::transfer::{self, ExportJob};
use crate::{learning, paths};

/// Writes the records of the data folder in `format` to `out`.
#[must_use]
pub fn export(t: &I18n, data_dir: Option<&Path>, format: &str, out: &Path) -> ExitCode {
    let Some(format) = Format::from_name(format) else {
        return ExitCode::from(2);
    };
    let Ok(catalog) = content::embedded() else {
        eprintln!("{}", t.error_content());
        return ExitCode::from(1);
    };
    let dir = paths::data_dir(data_dir);
    // Facts only: a province's journal as whole events would not fit in a training PC's memory.
    let mut facts = Facts::default();
    if let Err(e) = Journal::scan_file(&dir, &mut |event| {
        facts.push(&event);
    }) {
        log::error!("export: {e}");
        eprintln!("{}", t.error_journal_io());
        return ExitCode::from(1);
    }
    let specs = ModuleSpec::from_catalog(&catalog);
    let progress = fold_facts(&facts, &specs);
    let settings = crate::settings::Settings::load(&dir);
    let job = ExportJob::new(
        format,
        &progress,
        JournalEvents(dir.clone()),
        &catalog,
        device_of(&dir),
        learning::now(),
        &settings.xapi_home_page,
    );
    let nameless = job.nameless_left_out();
    if let Err(e) = job.write(t, out, &mut |_, _| {}) {
        log::error!("export to {}: {e}", out.display());
        eprintln!("{}", e.render(t, out));
        return ExitCode::from(1);
    }
    println!(
        "{}",
        t.cli_export_done(
            job.roster
                .iter()
                .map(|r| r.learner)
                .collect::<std::collections::HashSet<_>>()
                .len(),
            out.display().to_string()
        )
    );
    if nameless > 0 {
        eprintln!("{}", t.export_nameless_left_out(nameless));
    }
    ExitCode::SUCCESS
}

fn device_of(dir: &Path) -> uuid::Uuid {
    std::fs::read_to_string(dir.join(learning::DEVICE_FILE))
        .ok()
        .and_then(|s| uuid::Uuid::parse_str(s.trim()).ok())
        .unwrap_or_else(uuid::Uuid::nil)
}

/// Merges exchange files into the data folder's journal: the union of events by id.
#[must_use]
pub fn import(t: &I18n, data_dir: Option<&Path>, files: &[PathBuf]) -> ExitCode {
    let dir = paths::data_dir(data_dir);
    let (mut journal, _) = match Journal::open(&dir, learning::now()) {
        Ok(j) => j,
        Err(e) => {
            log::error!("import: {e}");
            eprintln!("{}", crate::app::store_message(t, &e));
            return ExitCode::from(1);
        }
    };
    let mut failed = false;
    for file in files {
        let name = file.display().to_string();
        let exchange = match transfer::read_exchange(file) {
            Ok(x) => x,
            Err(problem) => {
                eprintln!("{}", problem.render(t, &name));
                failed = true;
                continue;
            }
        };
        match journal.import(exchange.events(), &learning::now()) {
            // A fixed English line: scripts read it (design Part A).
            Ok(c) => {
                println!(
                    "{name}: imported {}, already present {}",
                    c.imported, c.already_present
                );
                for warning in crate::trainer::transfer::import_warnings(t, &c) {
                    eprintln!("{name}: {warning}");
                }
            }
            Err(e) => {
                log::error!("import {name}: {e}");
                eprintln!("{}", crate::app::store_message(t, &e));
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
