//! `kynangso push`: send the statements an LRS has not acknowledged, for a scheduled task (design Part A).
//! Prints `sent N, already there M, refused K, waiting W` in the interface language and exits 0 only
//! when nothing waits; 1 when something does (the LRS is down, the password is wrong…), with the reason.

use std::path::Path;
use std::process::ExitCode;

use crate::content;
use crate::i18n::I18n;
use crate::lrs::push::{self, BATCH, Source};
use crate::lrs::{Client, Endpoint, PushError, Retry, Timeouts};
use crate::records::store::JOURNAL_FILE;
use crate::{learning, paths};

/// The LRS to push to: the options, else `KYNANGSO_LRS_URL`, `KYNANGSO_LRS_USER`, `KYNANGSO_LRS_PASSWORD`.
#[derive(Debug, Default)]
pub struct Target {
    pub url: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Runs `kynangso push`.
#[must_use]
pub fn push(t: &I18n, data_dir: Option<&Path>, target: Target) -> ExitCode {
    let Some(url) = target.url.or_else(|| env("KYNANGSO_LRS_URL")) else {
        eprintln!("{}", t.cli_push_no_url());
        return ExitCode::from(2);
    };
    let endpoint = match Endpoint::parse(&url) {
        Ok(e) => e,
        Err(p) => {
            eprintln!("{}", PushError::Url(p).render(t));
            return ExitCode::from(1);
        }
    };
    let user = target
        .user
        .or_else(|| env("KYNANGSO_LRS_USER"))
        .unwrap_or_default();
    let password = target
        .password
        .or_else(|| env("KYNANGSO_LRS_PASSWORD"))
        .unwrap_or_default();
    let Ok(catalog) = content::embedded() else {
        eprintln!("{}", t.error_content());
        return ExitCode::from(1);
    };
    let dir = paths::data_dir(data_dir);
    if !dir.join(JOURNAL_FILE).is_file() {
        eprintln!("{}", t.cli_push_no_records(dir.display().to_string()));
        return ExitCode::from(1);
    }
    let settings = crate::settings::Settings::load(&dir);
    let source = match Source::read(&dir, &catalog, &settings.xapi_home_page) {
        Ok(s) => s,
        Err(e) => {
            log::error!("push: {e}");
            eprintln!("{}", t.cli_journal_unreadable(dir.display().to_string()));
            return ExitCode::from(1);
        }
    };
    let client = Client::new(endpoint, &user, &password, Timeouts::default());
    let now = crate::records::event::format_at(&learning::now());
    let outcome = push::push(
        &dir,
        &client,
        &source,
        Retry::STANDARD,
        BATCH,
        &now,
        &mut |_, _| {},
    );
    let r = outcome.report;
    println!("{}", t.cli_push_result(r.already, r.refused, r.sent, r.waiting));
    if let Some(e) = &outcome.stopped {
        eprintln!("{}", e.render(t));
    }
    if r.waiting == 0 && outcome.stopped.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
