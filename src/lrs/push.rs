//! One push: every statement of the journal that the LRS's ledger does not hold goes out in batches, and
//! each answer is recorded before the next batch (design Part A, "Learning Record Store (xAPI)"):
//!
//! | answer | what happens |
//! |---|---|
//! | 2xx with a JSON list (or nothing) | acknowledged |
//! | 409 | one statement: already there (acknowledged); a batch: split to find it |
//! | 413 | the batch is halved; a single statement that is too large is set aside |
//! | 401, 403 | stop: the user or password is wrong, or lacks the right to write |
//! | 404, 405, 3xx, a 2xx that is not JSON | stop: the address is not an LRS's statements resource |
//! | other 4xx | a batch is split (bisection) until the refused statement is alone; it is set aside with the reason |
//! | 5xx, 408, 429, no answer | tried again after growing delays, then stop: everything left waits |
//!
//! Nothing is ever sent under a new id: a batch interrupted by a crash or a lost answer is sent again
//! as it was, and the LRS answers 409 or stores nothing new.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;
use uuid::Uuid;

use super::client::{Client, HttpProblem};
use super::endpoint::UrlProblem;
use super::ledger::{Aside, Ledger, LedgerError};
use crate::content::Catalog;
use crate::export::{self, Events, JournalEvents, LearnerNames, OnProgress, Titles, xapi};
use crate::i18n::I18n;
use crate::records::{Facts, Journal, ModuleSpec, Progress, fold_facts, roster};

/// Statements per POST: well under common LRS body limits (about 1 MB for 200 statements).
pub const BATCH: usize = 200;

/// The longest reason kept for a refused statement (an LRS may answer with a whole page).
const MAX_REASON: usize = 300;

/// How often and how patiently a batch is tried again when the LRS or the network fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Tries in all (at least 1).
    pub attempts: u32,
    /// The wait before the second try; it doubles each time.
    pub first_delay: Duration,
}

impl Retry {
    /// The command line and the app: three tries, 2 s and 4 s apart. (The app's automatic sending
    /// waits longer between pushes; see `app::lrs`.)
    pub const STANDARD: Retry = Retry {
        attempts: 3,
        first_delay: Duration::from_secs(2),
    };
}

/// Where the statements come from: the journal's events and what the xAPI export needs to word them.
pub struct Source {
    pub events: Box<dyn Events + Send + Sync>,
    pub learners: LearnerNames,
    pub titles: Titles,
    pub home_page: String,
}

impl Source {
    /// The statements of the journal in `data_dir`, read without its lock (the app may be open): the
    /// learners' names and merges from a fold of the journal's facts, the statements from the file,
    /// event by event, when sent.
    ///
    /// # Errors
    /// [`PushError::Records`] if the journal cannot be read.
    pub fn read(data_dir: &Path, catalog: &Catalog, home_page: &str) -> Result<Source, PushError> {
        let mut facts = Facts::default();
        Journal::scan_file(data_dir, &mut |event| {
            facts.push(&event);
        })
        .map_err(|e| PushError::Records(e.to_string()))?;
        let progress = fold_facts(&facts, &ModuleSpec::from_catalog(catalog));
        drop(facts);
        Ok(Source::from_journal(data_dir, &progress, catalog, home_page))
    }

    /// The statements of the journal in `data_dir`, with the learners of the folded `progress` (merged
    /// and deleted profiles are left out, as in the xAPI export).
    #[must_use]
    pub fn from_journal(data_dir: &Path, progress: &Progress, catalog: &Catalog, home_page: &str) -> Source {
        Source {
            events: Box::new(JournalEvents(data_dir.to_path_buf())),
            learners: export::learners_from_roster(&roster(progress)),
            titles: export::titles(catalog),
            home_page: home_page.to_owned(),
        }
    }
}

/// What one push did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushReport {
    /// Stored by the LRS in this push.
    pub sent: usize,
    /// The LRS already had them (409).
    pub already: usize,
    /// Refused in this push, set aside.
    pub refused: usize,
    /// Still waiting after the push.
    pub waiting: usize,
}

/// Why a push stopped (or a connection check failed). Everything not acknowledged still waits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushError {
    Url(UrlProblem),
    /// No HTTP answer.
    Network(HttpProblem),
    /// 401 or 403.
    Auth(u16),
    /// The address answers, but not as an LRS (the text is for the log).
    NotAnLrs(String),
    /// The LRS kept failing (5xx, 408, 429).
    Server(u16),
    /// Another sender is sending to this LRS now.
    Busy,
    /// The journal could not be read.
    Records(String),
    /// The ledger could not be written.
    Ledger(String),
}

impl std::fmt::Display for PushError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PushError::Url(p) => write!(f, "bad LRS address: {p:?}"),
            PushError::Network(p) => write!(f, "network: {p}"),
            PushError::Auth(s) => write!(f, "HTTP {s}: credentials refused"),
            PushError::NotAnLrs(s) => write!(f, "not an LRS: {s}"),
            PushError::Server(s) => write!(f, "the LRS keeps failing: HTTP {s}"),
            PushError::Busy => f.write_str("another sender is using this LRS"),
            PushError::Records(s) => write!(f, "journal: {s}"),
            PushError::Ledger(s) => write!(f, "ledger: {s}"),
        }
    }
}

impl std::error::Error for PushError {}

impl From<LedgerError> for PushError {
    fn from(e: LedgerError) -> Self {
        match e {
            LedgerError::Busy => PushError::Busy,
            LedgerError::Io { .. } => PushError::Ledger(e.to_string()),
        }
    }
}

impl PushError {
    /// The message for the trainer, naming what is wrong and that nothing was lost.
    #[must_use]
    pub fn render(&self, t: &I18n) -> String {
        match self {
            PushError::Url(UrlProblem::Empty) => t.lrs_error_url_empty(),
            PushError::Url(_) => t.lrs_error_url(),
            PushError::Network(p) => match p {
                HttpProblem::HostNotFound => t.lrs_error_host(),
                HttpProblem::Refused => t.lrs_error_refused(),
                HttpProblem::Timeout => t.lrs_error_timeout(),
                HttpProblem::Certificate => t.lrs_error_certificate(),
                HttpProblem::Proxy => t.lrs_error_proxy(),
                HttpProblem::Garbage | HttpProblem::Other(_) => t.lrs_error_garbage(),
            },
            PushError::Auth(_) => t.lrs_error_auth(),
            PushError::NotAnLrs(_) => t.lrs_error_not_lrs(),
            PushError::Server(status) => t.lrs_error_server(status.to_string()),
            PushError::Busy => t.lrs_error_busy(),
            PushError::Records(_) => t.lrs_error_records(),
            PushError::Ledger(_) => t.lrs_error_ledger(),
        }
    }
}

/// A push's counts, and why it stopped early if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub report: PushReport,
    pub stopped: Option<PushError>,
}

/// The statements of `source` that `settled` does not hold, each as its id and JSON text.
///
/// # Errors
/// The journal could not be read.
pub fn each_waiting(
    source: &Source,
    settled: &dyn Fn(&Uuid) -> bool,
    progress: OnProgress<'_>,
    f: &mut dyn FnMut(Uuid, Value),
) -> Result<(), PushError> {
    xapi::each_statement(
        &*source.events,
        &source.learners,
        &source.titles,
        &source.home_page,
        progress,
        &mut |id, statement| {
            if !settled(&id) {
                f(id, statement);
            }
        },
    )
    .map_err(|e| PushError::Records(e.to_string()))
}

/// How many statements of `source` the ledger `contents` does not hold.
///
/// # Errors
/// The journal could not be read.
pub fn count_waiting(source: &Source, contents: &super::ledger::Contents) -> Result<usize, PushError> {
    let mut n = 0;
    each_waiting(source, &|id| contents.settled(id), &mut |_, _| {}, &mut |_, _| {
        n += 1;
    })?;
    Ok(n)
}

/// Sends every waiting statement of `source` to `client`'s LRS, recording answers in the ledger of
/// `data_dir`. `now` is written as the push's end time. `progress` sees events read of all.
#[must_use]
pub fn push(
    data_dir: &Path,
    client: &Client,
    source: &Source,
    retry: Retry,
    batch: usize,
    now: &str,
    progress: OnProgress<'_>,
) -> Outcome {
    let mut ledger = match Ledger::open(data_dir, client.endpoint()) {
        Ok(l) => l,
        Err(e) => {
            log::error!("LRS push: {e}");
            return Outcome {
                report: PushReport::default(),
                stopped: Some(e.into()),
            };
        }
    };
    let mut sender = Sender {
        client,
        ledger: &mut ledger,
        retry,
        report: PushReport::default(),
    };
    let mut stopped = None;
    let mut candidates = Vec::new();
    let mut pending: Vec<(Uuid, String)> = Vec::new();
    let contents = sender.ledger.contents.clone();
    let read = each_waiting(
        source,
        &|id| contents.settled(id),
        progress,
        &mut |id, statement| {
            candidates.push(id);
            if stopped.is_some() {
                return;
            }
            pending.push((id, statement.to_string()));
            if pending.len() >= batch.max(1) {
                if let Err(e) = sender.deliver(&pending) {
                    stopped = Some(e);
                }
                pending.clear();
            }
        },
    );
    if let Err(e) = read {
        stopped.get_or_insert(e);
    }
    if stopped.is_none()
        && !pending.is_empty()
        && let Err(e) = sender.deliver(&pending)
    {
        stopped = Some(e);
    }
    let mut report = sender.report;
    report.waiting = candidates
        .iter()
        .filter(|id| !ledger.contents.settled(id))
        .count();
    if let Err(e) = ledger.note_push(now) {
        log::warn!("LRS push: {e}");
    }
    if let Some(e) = &stopped {
        log::error!("LRS push to {}: {e}", client.endpoint());
    }
    Outcome { report, stopped }
}

struct Sender<'a> {
    client: &'a Client,
    ledger: &'a mut Ledger,
    retry: Retry,
    report: PushReport,
}

impl Sender<'_> {
    /// Sends `batch` and records the answer, splitting it when the LRS refuses part of it.
    fn deliver(&mut self, batch: &[(Uuid, String)]) -> Result<(), PushError> {
        let reply = self.post(batch)?;
        let ids: Vec<Uuid> = batch.iter().map(|(id, _)| *id).collect();
        let status = reply.status;
        match status {
            200..=299 => {
                let body = reply.body.trim();
                if !body.is_empty() && !matches!(serde_json::from_str(body), Ok(Value::Array(_))) {
                    return Err(PushError::NotAnLrs(format!(
                        "HTTP {status} with {}",
                        excerpt(body)
                    )));
                }
                self.ledger.ack(&ids, false)?;
                self.report.sent += ids.len();
                Ok(())
            }
            401 | 403 => Err(PushError::Auth(status)),
            404 | 405 => Err(PushError::NotAnLrs(format!("HTTP {status}"))),
            400..=499 if batch.len() > 1 => {
                let (left, right) = batch.split_at(batch.len() / 2);
                self.deliver(left)?;
                self.deliver(right)
            }
            409 => {
                self.ledger.ack(&ids, true)?;
                self.report.already += 1;
                Ok(())
            }
            400..=499 => {
                let reason = excerpt(&reply.body);
                log::warn!("LRS refused statement {}: HTTP {status} {reason}", ids[0]);
                self.ledger.set_aside(ids[0], Aside { status, reason })?;
                self.report.refused += 1;
                Ok(())
            }
            _ => Err(PushError::NotAnLrs(format!("HTTP {status}"))),
        }
    }

    /// POSTs `batch`, trying again after network errors and server failures.
    fn post(&self, batch: &[(Uuid, String)]) -> Result<super::client::Reply, PushError> {
        let mut body = String::with_capacity(batch.iter().map(|(_, s)| s.len() + 1).sum::<usize>() + 2);
        body.push('[');
        for (i, (_, statement)) in batch.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(statement);
        }
        body.push(']');
        let mut delay = self.retry.first_delay;
        let mut attempt = 1;
        loop {
            let result = self.client.post_statements(body.as_bytes());
            let again = match &result {
                // A certificate does not mend itself within seconds.
                Err(HttpProblem::Certificate) => false,
                Err(_) => true,
                Ok(reply) => reply.status >= 500 || matches!(reply.status, 408 | 429),
            };
            if !again {
                return result.map_err(PushError::Network);
            }
            if attempt >= self.retry.attempts {
                return match result {
                    Err(p) => Err(PushError::Network(p)),
                    Ok(reply) => Err(PushError::Server(reply.status)),
                };
            }
            log::info!("LRS: try {attempt} failed; again in {delay:?}");
            std::thread::sleep(delay);
            delay = delay.saturating_mul(2);
            attempt += 1;
        }
    }
}

/// The start of an answer, on one line, for a reason or a log line.
fn excerpt(body: &str) -> String {
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX_REASON {
        let cut: String = one_line.chars().take(MAX_REASON).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// What "Kiểm tra kết nối" found: the LRS answers, accepts the user, and speaks this xAPI version (when
/// it says).
///
/// # Errors
/// [`PushError`] naming what is wrong.
pub fn check(client: &Client) -> Result<Option<String>, PushError> {
    let about = client.get("about").map_err(PushError::Network)?;
    let mut version = None;
    if about.status == 200 {
        match serde_json::from_str::<Value>(&about.body) {
            Ok(Value::Object(map)) => {
                version = map
                    .get("version")
                    .and_then(Value::as_array)
                    .and_then(|v| v.iter().filter_map(Value::as_str).max().map(str::to_owned));
            }
            _ => return Err(PushError::NotAnLrs(format!("/about: {}", excerpt(&about.body)))),
        }
    }
    // `/about` needs no user; reading one statement checks the user and that this is an LRS (some,
    // like Ralph, have no `/about` and answer 404 there).
    let probe = client.get("statements?limit=1").map_err(PushError::Network)?;
    match probe.status {
        200 => match serde_json::from_str::<Value>(&probe.body) {
            Ok(Value::Object(map)) if map.contains_key("statements") => Ok(version.or(probe.version)),
            _ => Err(PushError::NotAnLrs(format!(
                "statements: {}",
                excerpt(&probe.body)
            ))),
        },
        401 | 403 => Err(PushError::Auth(probe.status)),
        500..=599 => Err(PushError::Server(probe.status)),
        s => Err(PushError::NotAnLrs(format!("statements: HTTP {s}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn reasons_are_short_and_on_one_line() {
        assert_eq!(excerpt("  bad\n  statement "), "bad statement");
        assert_eq!(excerpt(&"x".repeat(1000)).chars().count(), 301);
    }
}
