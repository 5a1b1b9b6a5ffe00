//! `kynangso export` and `kynangso import`: the records on the command line, for trainers' scripts and for
//! gathering records from many PCs.
//!
//! - Both refuse a data folder that holds no records (a mistyped `--data-dir` must not export an empty
//!   file with success, nor quietly start a new folder); import may start in an empty folder.
//! - Export reads the journal without locking it (the app may be open), and never writes into the data
//!   folder (see [`transfer::check_target`]).
//! - Import reads and checks every file before it takes the journal's lock, so a slow or hostile file
//!   never keeps the app from saving, and when every file is refused the journal is not even opened.
//! - Repairs of the journal (a torn last line set aside, damaged lines skipped) are reported on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content;
use crate::export::Format;
use crate::export::JournalEvents;
use crate::i18n::I18n;
use crate::records::load::Tail;
use crate::records::store::JOURNAL_FILE;
use crate::records::{Facts, Journal, ModuleSpec, OpenReport, StoreError, fold_facts};
use crate::trainer::transfer::{self, ExportJob, FileProblem};
use crate::{learning, paths};

/// Writes the records of the data folder in `format` to `out`; with `class`, only that class's.
#[must_use]
pub fn export(
    t: &I18n,
    data_dir: Option<&Path>,
    format: Format,
    out: &Path,
    class: Option<&str>,
) -> ExitCode {
    let dir = paths::data_dir(data_dir);
    // The modules as the window shows them: installed lesson packs included.
    let Ok(catalog) = crate::pack::catalog::shown(&dir) else {
        eprintln!("{}", t.error_content());
        return ExitCode::from(1);
    };
    let (progress, facts) = match fold_folder(t, &dir, &catalog) {
        Ok(folded) => folded,
        Err(code) => return code,
    };
    let class = match class.map(|c| crate::cli_classes::find(t, &progress, c)) {
        Some(Err(code)) => return code,
        Some(Ok(class)) => Some(class.clone()),
        None => None,
    };
    let settings = crate::settings::Settings::load(&dir);
    let mut job = ExportJob::new(
        format,
        &progress,
        JournalEvents(dir.clone()),
        &catalog,
        // An export never creates the id: it only reads this folder. The nil id says "not known".
        learning::read_device_id(&dir).unwrap_or_else(uuid::Uuid::nil),
        learning::now(),
        &settings.xapi_home_page,
    );
    if let Some(class) = &class {
        crate::class::filter::limit_job(&mut job, &progress, class);
    }
    // The job holds its roster; the facts and the fold are not needed while it writes (a 10,000-page
    // PDF needs the room).
    drop(progress);
    drop(facts);
    let nameless = job.nameless_left_out();
    if let Err(e) = job.write(t, out, &dir, &mut |_, _| {}) {
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

/// Reads the journal of `dir` (without its lock) as facts and folds it; a missing or unreadable
/// journal is told on stderr and gives the exit code. Repairs are reported.
///
/// # Errors
/// The exit code when there are no readable records.
pub(crate) fn fold_folder(
    t: &I18n,
    dir: &Path,
    catalog: &content::Catalog,
) -> Result<(crate::records::Progress, Facts), ExitCode> {
    if !dir.join(JOURNAL_FILE).is_file() {
        eprintln!("{}", t.cli_no_records(dir.display().to_string()));
        return Err(ExitCode::from(1));
    }
    // Facts only: a province's journal as whole events would not fit in a training PC's memory.
    let mut facts = Facts::default();
    let scan = match Journal::scan_file(dir, &mut |event| {
        facts.push(&event);
    }) {
        Ok(scan) => scan,
        Err(e) => {
            log::error!("export: {e}");
            eprintln!("{}", t.cli_journal_unreadable(dir.display().to_string()));
            return Err(ExitCode::from(1));
        }
    };
    if matches!(scan.tail, Tail::Torn { .. }) {
        eprintln!("{}", t.cli_journal_torn_skipped());
    }
    if !scan.bad_lines.is_empty() {
        eprintln!("{}", t.cli_journal_bad_lines(scan.bad_lines.len()));
    }
    let specs = ModuleSpec::from_catalog(catalog);
    let progress = fold_facts(&facts, &specs);
    Ok((progress, facts))
}

/// Merges exchange files into the data folder's journal: the union of events by id.
#[must_use]
pub fn import(t: &I18n, data_dir: Option<&Path>, files: &[PathBuf]) -> ExitCode {
    let dir = paths::data_dir(data_dir);
    if paths::named_by_user(data_dir)
        && let Err(message) = import_folder_problem(t, &dir)
    {
        eprintln!("{message}");
        return ExitCode::from(1);
    }
    let reads: Vec<(String, Result<_, FileProblem>)> = files
        .iter()
        .map(|file| (file.display().to_string(), transfer::read_exchange(file)))
        .collect();
    if reads.iter().all(|(_, read)| read.is_err()) {
        for (name, read) in &reads {
            if let Err(problem) = read {
                eprintln!("{}", problem.render(t, name));
            }
        }
        return ExitCode::from(1);
    }
    let (mut journal, report) = match Journal::open(&dir, learning::now()) {
        Ok(j) => j,
        Err(e) => {
            log::error!("import: {e}");
            let message = match e {
                StoreError::Locked => t.cli_journal_locked(),
                _ => t.cli_journal_open_failed(dir.display().to_string()),
            };
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    report_repairs(t, &report);
    let mut failed = false;
    for (name, read) in reads {
        let exchange = match read {
            Ok(x) => x,
            Err(problem) => {
                eprintln!("{}", problem.render_skipped(t, &name));
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

/// Why `dir`, named by the user, cannot take an import: it does not exist (a typing mistake must not
/// quietly start a new data folder somewhere), or it holds other things but no journal (a folder of
/// documents). An existing empty folder is fine: that is how a trainer starts gathering a district.
fn import_folder_problem(t: &I18n, dir: &Path) -> Result<(), String> {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        return Err(t.cli_data_dir_missing(shown));
    }
    if dir.join(JOURNAL_FILE).is_file() {
        return Ok(());
    }
    match std::fs::read_dir(dir).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Ok(false) => Err(t.cli_data_dir_not_records(shown)),
        Err(e) => {
            log::error!("import: {}: {e}", dir.display());
            Err(t.cli_journal_open_failed(shown))
        }
    }
}

/// Tells the trainer what opening the journal repaired: the records changed even if no file is imported.
fn report_repairs(t: &I18n, report: &OpenReport) {
    if let Some(torn) = &report.torn_tail {
        log::warn!("journal repaired: {report:?}");
        eprintln!("{}", t.cli_journal_torn_moved(torn.display().to_string()));
    }
    if !report.bad_lines.is_empty() {
        eprintln!("{}", t.cli_journal_bad_lines(report.bad_lines.len()));
    }
}
