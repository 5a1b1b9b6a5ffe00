//! The work behind the app's "Gửi dữ liệu về LRS" page, run as a `crate::job::Job` (never on the
//! window's thread): a connection check, a push, or only counting what waits; each ends with the
//! status line's numbers.

use std::path::Path;

use uuid::Uuid;

use super::ledger::{self, Aside};
use super::push::{self, BATCH, PushError, PushReport, Retry, Source};
use super::{Client, Endpoint};

/// What to do.
pub enum Task {
    /// `GET /about` and one statement: does the LRS answer, and accept the user?
    Check,
    /// Send what waits.
    Push { now: String },
    /// Only count, for the status line.
    Status,
}

/// What a task found, for the page.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Acknowledged by this LRS, in all.
    pub sent: usize,
    pub waiting: usize,
    /// As written in the ledger (RFC 3339).
    pub last_push: Option<String>,
    /// Set aside, with why.
    pub refused: Vec<(Uuid, Aside)>,
    /// This push's counts.
    pub report: Option<PushReport>,
    /// The connection check passed: the xAPI version, if the LRS said it.
    pub checked: Option<Option<String>>,
    pub error: Option<PushError>,
}

/// Runs `task` against `client`'s LRS for the records of `data_dir` in `source`.
#[must_use]
pub fn run(
    task: Task,
    data_dir: &Path,
    client: &Client,
    source: &Source,
    progress: &mut dyn FnMut(usize, usize),
) -> Summary {
    let mut summary = Summary::default();
    match task {
        Task::Check => match push::check(client) {
            Ok(version) => summary.checked = Some(version),
            Err(e) => summary.error = Some(e),
        },
        Task::Push { now } => {
            let outcome = push::push(data_dir, client, source, Retry::STANDARD, BATCH, &now, progress);
            summary.report = Some(outcome.report);
            summary.error = outcome.stopped;
        }
        Task::Status => {}
    }
    fill_status(&mut summary, data_dir, client.endpoint(), source);
    summary
}

fn fill_status(summary: &mut Summary, data_dir: &Path, endpoint: &Endpoint, source: &Source) {
    let contents = match ledger::read(data_dir, endpoint) {
        Ok(c) => c,
        Err(e) => {
            log::error!("LRS status: {e}");
            summary.error.get_or_insert(PushError::Ledger(e.to_string()));
            return;
        }
    };
    match push::count_waiting(source, &contents) {
        Ok(n) => summary.waiting = n,
        Err(e) => {
            summary.error.get_or_insert(e);
        }
    }
    summary.sent = contents.acked.len();
    summary.last_push.clone_from(&contents.last_push);
    let mut refused: Vec<(Uuid, Aside)> = contents.aside.into_iter().collect();
    refused.sort_by_key(|(id, _)| *id);
    summary.refused = refused;
}
