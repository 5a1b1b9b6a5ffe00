//! `kynangso classes` and `kynangso export --format class-report`: training classes on the command line.
//! Like `export`, both read the journal without its lock and never write into the data folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::class::report::{ClassReportJob, ReportFile, class_name};
use crate::class::{self, FindError, analysis};
use crate::content;
use crate::export::{JournalEvents, dmy};
use crate::i18n::I18n;
use crate::records::{Class, Progress};
use crate::{learning, paths};

/// Prints the classes: name, unit, dates, learners, how many completed every module, id.
#[must_use]
pub fn list(t: &I18n, data_dir: Option<&Path>) -> ExitCode {
    // A PC where nobody has learnt yet has no journal, and so no class: that is an answer, not an error.
    if !paths::data_dir(data_dir)
        .join(crate::records::store::JOURNAL_FILE)
        .is_file()
    {
        println!("{}", t.cli_classes_none());
        return ExitCode::SUCCESS;
    }
    let (_, _, progress) = match fold(t, data_dir) {
        Ok(folded) => folded,
        Err(code) => return code,
    };
    if progress.classes().is_empty() {
        println!("{}", t.cli_classes_none());
        return ExitCode::SUCCESS;
    }
    println!("{}", t.cli_classes_header());
    let date = |d: Option<chrono::NaiveDate>| d.map(dmy).unwrap_or_default();
    for class in progress.classes() {
        let done = analysis::analyse(&progress, class).completed_all();
        println!(
            "{} | {} | {} | {} | {} | {} | {}",
            class_name(class, t),
            class.unit,
            date(class.starts),
            date(class.ends),
            class.members.len(),
            done,
            class.id
        );
    }
    ExitCode::SUCCESS
}

/// The lessons, the data folder and its records folded; a problem is told on stderr (exit code).
fn fold(t: &I18n, data_dir: Option<&Path>) -> Result<(content::Catalog, PathBuf, Progress), ExitCode> {
    let dir = paths::data_dir(data_dir);
    // The modules as the window shows them: installed lesson packs included.
    let Ok(catalog) = crate::pack::catalog::shown(&dir) else {
        eprintln!("{}", t.error_content());
        return Err(ExitCode::from(1));
    };
    let (progress, _) = crate::cli_records::fold_folder(t, &dir, &catalog)?;
    Ok((catalog, dir, progress))
}

/// The class named on the command line (its id or exact name); a miss is told on stderr (exit 1).
///
/// # Errors
/// The exit code when no class or several match.
pub fn find<'a>(t: &I18n, progress: &'a Progress, query: &str) -> Result<&'a Class, ExitCode> {
    class::find(progress, query).map_err(|e| {
        match e {
            FindError::NotFound => eprintln!("{}", t.cli_class_not_found(query.to_owned())),
            FindError::Ambiguous(ids) => {
                let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
                eprintln!(
                    "{}",
                    t.cli_class_ambiguous(ids.len(), query.to_owned(), ids.join(", "))
                );
            }
        }
        ExitCode::from(1)
    })
}

/// Writes the report of `class` to `out` (.xlsx or .pdf).
#[must_use]
pub fn report(t: &I18n, data_dir: Option<&Path>, out: &Path, class: Option<&str>) -> ExitCode {
    let Some(query) = class else {
        // clap requires --class with class-report; kept for callers that do not go through clap.
        eprintln!("{}", t.cli_class_report_needs_class());
        return ExitCode::from(2);
    };
    let Some(file) = ReportFile::from_path(out) else {
        eprintln!("{}", t.cli_class_report_extension(out.display().to_string()));
        return ExitCode::from(1);
    };
    let (catalog, dir, progress) = match fold(t, data_dir) {
        Ok(folded) => folded,
        Err(code) => return code,
    };
    let class = match find(t, &progress, query) {
        Ok(class) => class,
        Err(code) => return code,
    };
    let job = ClassReportJob::new(
        file,
        &progress,
        class,
        JournalEvents(dir.clone()),
        Arc::new(catalog),
        learning::now(),
    );
    if let Err(e) = job.write(t, out, &dir, &mut |_, _| {}) {
        log::error!("class report to {}: {e}", out.display());
        eprintln!("{}", e.render(t, out));
        return ExitCode::from(1);
    }
    println!(
        "{}",
        t.cli_class_report_done(
            class_name(class, t),
            class.members.len(),
            out.display().to_string()
        )
    );
    ExitCode::SUCCESS
}
