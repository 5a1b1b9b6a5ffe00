//! The `kynangso` program: parse the command line, then open the window or run a sub-command.

// On Windows, a GUI program without a console window; sub-commands attach to the parent console below.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser as _;

fn main() -> ExitCode {
    let started = Instant::now();
    #[cfg(windows)]
    attach_console();
    let parsed = kynangso::cli::Cli::try_parse();
    // On the command line users read the translated messages; log lines (`[ERROR …]`, English,
    // technical) are for whoever sets RUST_LOG, e.g. `RUST_LOG=warn kynangso import …`. The window logs
    // warnings and errors to its console, where a trainer's terminal or a support person sees them.
    let window = parsed.as_ref().is_ok_and(|cli| cli.command.is_none());
    let default = if window { "warn" } else { "off" };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(default))
        // The HTTP client's trace level logs the wire, the LRS password's Authorization header included:
        // warnings only, whatever RUST_LOG says.
        .filter_module("ureq", log::LevelFilter::Warn)
        .filter_module("ureq_proto", log::LevelFilter::Warn)
        .init();
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    kynangso::cli::run(cli, started)
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_console() {
    // Without this, `kynangso check-content` run from cmd.exe would print nothing.
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    // SAFETY: AttachConsole has no preconditions; failure (no parent console) is harmless.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
