//! The command line (design Part A): parsing with clap, and each sub-command. Messages go out in the
//! interface language (`--lang`, else `LANG`, else Vietnamese); exit codes are 0 success, 1 a user error,
//! 2 bad usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::content::{self, DirSource};
use crate::export::Format;
use crate::i18n::{I18n, Lang};
use crate::paths;

/// Kỹ Năng Số — học sử dụng dịch vụ công trực tuyến.
#[derive(Debug, Parser)]
#[command(name = "kynangso", version, about)]
pub struct Cli {
    /// Data folder (default: `KYNANGSO_DATA_DIR`, then kynangso-data next to the program, then the OS data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Interface language for messages: vi or en
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// Sub-commands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Validate the embedded lessons, a lesson folder DIR, or a lesson pack FILE.kns
    CheckContent {
        /// A lessons folder, or a .kns pack, to check instead of the embedded lessons
        dir: Option<PathBuf>,
    },
    /// Open the window, draw every main screen once, print the time to first frame, exit
    SmokeTest,
    /// Write completion records: csv, xlsx, json (for import on another PC), xapi, pdf certificates, or a class report
    Export {
        /// What to write
        #[arg(long, value_name = "FORMAT")]
        format: ExportFormat,
        /// The file to write (for class-report: .xlsx or .pdf)
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Only the learners of this training class: its id or its exact name (needed for class-report)
        #[arg(long, value_name = "CLASS", required_if_eq("format", "class-report"))]
        class: Option<String>,
    },
    /// List the training classes: name, unit, dates, learners, how many completed everything
    Classes,
    /// Merge records exported with `export --format json` on other PCs
    Import {
        /// Exchange files (.json)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Send the xAPI statements a Learning Record Store has not acknowledged yet; exit 0 when nothing waits
    Push {
        /// The LRS endpoint, e.g. `https://lrs.example.vn/xAPI` (default: `KYNANGSO_LRS_URL`)
        #[arg(long, value_name = "URL")]
        lrs: Option<String>,
        /// The LRS user, or key (default: `KYNANGSO_LRS_USER`)
        #[arg(long, value_name = "U")]
        user: Option<String>,
        /// The LRS password, or secret (default: `KYNANGSO_LRS_PASSWORD`)
        #[arg(long, value_name = "P")]
        password: Option<String>,
    },
    /// Signed lesson packs (.kns): make keys, build, verify, trust, install, list, remove
    Pack {
        #[command(subcommand)]
        command: crate::cli_pack::PackCmd,
    },
}

/// What `export --format` writes: the records in one of the export formats, or a class report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Records(Format),
    ClassReport,
}

impl clap::ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ExportFormat::Records(Format::Csv),
            ExportFormat::Records(Format::Xlsx),
            ExportFormat::Records(Format::Json),
            ExportFormat::Records(Format::Xapi),
            ExportFormat::Records(Format::Pdf),
            ExportFormat::ClassReport,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            ExportFormat::Records(format) => format.to_possible_value(),
            ExportFormat::ClassReport => Some(
                clap::builder::PossibleValue::new("class-report")
                    .help("a training class's report (with --class), as .xlsx or .pdf"),
            ),
        }
    }
}

// By hand rather than derived, so the spellings stay those of `Format::name`, which the window's file
// dialog uses too. Matching is case-sensitive, as it was when the values were a list of strings.
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Csv, Format::Xlsx, Format::Json, Format::Xapi, Format::Pdf]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Format::Csv => "the roster table, for a spreadsheet",
            Format::Xlsx => "the roster table as an Excel workbook",
            Format::Json => "every event, for `import` on another PC",
            Format::Xapi => "xAPI statements for a Learning Record Store",
            Format::Pdf => "a certificate page per learner who completed a module",
        };
        Some(clap::builder::PossibleValue::new(self.name()).help(help))
    }
}

/// The language for command-line messages.
#[must_use]
pub fn cli_lang(flag: Option<&str>) -> Lang {
    flag.and_then(Lang::from_locale)
        .or_else(|| std::env::var("LANG").ok().as_deref().and_then(Lang::from_locale))
        .unwrap_or_default()
}

/// Runs the parsed command line.
#[must_use]
pub fn run(cli: Cli, started: Instant) -> ExitCode {
    let lang = cli.lang.as_deref().map_or_else(
        || cli.command.as_ref().map_or(Lang::Vi, |_| cli_lang(None)),
        |l| cli_lang(Some(l)),
    );
    let t = I18n::new(lang);
    match cli.command {
        Some(Cmd::CheckContent { dir }) => check_content(&t, dir.as_deref()),
        Some(Cmd::SmokeTest) => open_window(&t, cli.data_dir.as_deref(), started, true),
        Some(Cmd::Export { format, out, class }) => match format {
            ExportFormat::Records(format) => {
                crate::cli_records::export(&t, cli.data_dir.as_deref(), format, &out, class.as_deref())
            }
            ExportFormat::ClassReport => {
                crate::cli_classes::report(&t, cli.data_dir.as_deref(), &out, class.as_deref())
            }
        },
        Some(Cmd::Classes) => crate::cli_classes::list(&t, cli.data_dir.as_deref()),
        Some(Cmd::Import { files }) => crate::cli_records::import(&t, cli.data_dir.as_deref(), &files),
        Some(Cmd::Push { lrs, user, password }) => crate::cli_push::push(
            &t,
            cli.data_dir.as_deref(),
            crate::cli_push::Target {
                url: lrs,
                user,
                password,
            },
        ),
        Some(Cmd::Pack { command }) => crate::cli_pack::run(&t, cli.data_dir.as_deref(), command),
        None => open_window(&t, cli.data_dir.as_deref(), started, false),
    }
}

/// Prints content problems, one `path:line: message` each, then their count.
pub fn print_issues(t: &I18n, issues: &[content::Issue]) {
    for issue in issues {
        eprintln!("{}", issue.render(t));
    }
    eprintln!("{}", t.cli_content_errors(issues.len()));
}

fn check_content(t: &I18n, dir: Option<&Path>) -> ExitCode {
    if let Some(file) = dir.filter(|d| d.is_file()) {
        return crate::cli_pack::check_content_pack(t, file);
    }
    let result = match dir {
        Some(d) => content::load(&DirSource::new(d)),
        None => content::embedded(),
    };
    match result {
        Ok(catalog) => {
            let (m, l, q, s) = catalog.counts();
            // A fixed English line: scripts read it (design Part A).
            println!("{m} modules, {l} lessons, {q} questions, {s} simulations");
            ExitCode::SUCCESS
        }
        Err(issues) => {
            print_issues(t, &issues);
            ExitCode::from(1)
        }
    }
}

fn open_window(t: &I18n, data_dir: Option<&Path>, started: Instant, smoke: bool) -> ExitCode {
    let catalog = match crate::pack::catalog::shown(&paths::data_dir(data_dir)) {
        Ok(c) => Arc::new(c),
        Err(issues) => {
            print_issues(t, &issues);
            eprintln!("{}", t.error_content());
            return ExitCode::from(1);
        }
    };
    let dir = paths::data_dir(data_dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        log::error!("create {}: {e}", dir.display());
        eprintln!("{}", t.cli_data_dir_failed(dir.display().to_string()));
        return ExitCode::from(1);
    }
    if smoke {
        // A window that never draws would hang CI; give up after a minute.
        let message = t.cli_smoke_no_frame();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(60));
            eprintln!("{message}");
            std::process::exit(1);
        });
    }
    match crate::window::run(catalog, dir, started, smoke) {
        Ok(Some(report)) => {
            println!(
                "{}",
                t.cli_smoke_ok(report.first_frame_ms.to_string(), report.screens)
            );
            ExitCode::SUCCESS
        }
        Ok(None) if smoke => {
            eprintln!("{}", t.cli_window_failed());
            ExitCode::from(1)
        }
        Ok(None) => ExitCode::SUCCESS,
        Err(e) => {
            log::error!("window: {e}");
            eprintln!("{}", t.cli_window_failed());
            ExitCode::from(1)
        }
    }
}
