//! Page "Gửi dữ liệu về LRS": the LRS address, user and password, "Kiểm tra kết nối", "Gửi ngay",
//! "Tự động gửi khi có mạng", and a status line ("Đã gửi 1.240 · Đang chờ 12 · Lần gửi cuối 09:41 ·
//! Lỗi: …"). The work runs as a `Job` (`crate::lrs::worker`). Automatic sending is driven from [`poll`],
//! which the app calls before every frame on every screen: at start-up, and whenever the journal has
//! grown since the last push, it starts a push in the background; after a failure it waits longer each
//! time (30 s, doubling, at most 30 min) before the next try.

use std::time::{Duration, Instant};

use crate::app::Notice;
use crate::job::{Job, Poll};
use crate::lrs::config::{self, LrsConfig};
use crate::lrs::push::Source;
use crate::lrs::worker::{self, Summary, Task};
use crate::lrs::{Client, Endpoint, PushError, Timeouts};
use crate::ui::trainer::{TrainerState, bad, count, notice_ui, ok};
use crate::ui::{ScreenCtx, UiExt};

/// The first wait after a failed automatic push; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(30);
const MAX_BACKOFF: Duration = Duration::from_secs(30 * 60);

/// The page's state: the form, the job, the last summary, and automatic sending's clock.
#[derive(Debug, Default)]
pub struct LrsState {
    /// The saved settings were read into the form.
    loaded: bool,
    pub endpoint: String,
    pub user: String,
    /// Shown masked; never logged.
    pub password: String,
    pub auto: bool,
    job: Option<Job<Summary>>,
    /// What the job does ("checking…" or "sending…").
    checking: bool,
    pub summary: Option<Summary>,
    /// The status was counted once for the saved address.
    status_asked: bool,
    /// The connection check's or the save's message.
    pub notice: Option<Notice>,
    /// The journal length the last automatic push started at.
    pushed_at_len: Option<usize>,
    /// No automatic push before this.
    next_try: Option<Instant>,
    backoff: Duration,
    /// The first wait after a failed automatic push: [`FIRST_BACKOFF`] unless a test makes it short.
    pub first_backoff: Option<Duration>,
}

impl LrsState {
    /// Whether a check or a push is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn load(&mut self, ctx: &ScreenCtx) {
        if self.loaded {
            return;
        }
        self.loaded = true;
        let saved = LrsConfig::load(ctx.data_dir);
        self.endpoint = saved.endpoint;
        self.user = saved.user;
        self.auto = saved.auto;
        self.password = config::load_secret(ctx.data_dir);
    }

    fn config(&self) -> LrsConfig {
        LrsConfig {
            endpoint: self.endpoint.trim().to_owned(),
            user: self.user.trim().to_owned(),
            auto: self.auto,
        }
    }
}

/// Takes a finished job's summary, and starts an automatic push when one is due.
pub fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    let page = &mut state.lrs;
    page.load(ctx);
    if let Some(job) = &mut page.job {
        match job.poll() {
            Poll::Running { .. } => return,
            Poll::Done(summary) => {
                page.job = None;
                take(page, ctx, summary);
            }
            Poll::Lost => {
                page.job = None;
                page.notice = Some(bad(ctx.t.lrs_error_records()));
            }
        }
    }
    let Some(records) = ctx.records else { return };
    let due = page.next_try.is_none_or(|at| Instant::now() >= at);
    if page.auto
        && due
        && page.pushed_at_len != Some(records.event_count())
        && Endpoint::parse(&page.endpoint).is_ok()
    {
        start(page, ctx, wake, Task::Push { now: now() });
    }
}

fn now() -> String {
    crate::records::event::format_at(&crate::learning::now())
}

fn take(page: &mut LrsState, ctx: &ScreenCtx, summary: Summary) {
    let t = ctx.t;
    if let Some(checked) = &summary.checked {
        page.notice = Some(ok(match checked {
            Some(version) => t.lrs_check_ok(version.clone()),
            None => t.lrs_check_ok_no_version(),
        }));
    }
    if summary.report.is_some() {
        if summary.error.is_some() {
            let first = page.first_backoff.unwrap_or(FIRST_BACKOFF);
            page.backoff = (page.backoff * 2).clamp(first, MAX_BACKOFF);
            page.next_try = Some(Instant::now() + page.backoff);
            // Try again when the wait is over, new records or not.
            page.pushed_at_len = None;
        } else {
            page.backoff = Duration::ZERO;
            page.next_try = None;
        }
    }
    page.summary = Some(summary);
}

fn start(page: &mut LrsState, ctx: &ScreenCtx, wake: &egui::Context, task: Task) {
    let endpoint = match Endpoint::parse(&page.endpoint) {
        Ok(e) => e,
        Err(p) => {
            page.notice = Some(bad(PushError::Url(p).render(ctx.t)));
            return;
        }
    };
    let Some(records) = ctx.records else {
        page.notice = Some(bad(ctx.t.lrs_error_records()));
        return;
    };
    page.checking = matches!(task, Task::Check);
    if matches!(task, Task::Push { .. }) {
        // What this push will send; automatic sending waits for more.
        page.pushed_at_len = Some(records.event_count());
    }
    if page.checking {
        page.notice = None;
    }
    let client = Client::new(endpoint, page.user.trim(), &page.password, Timeouts::default());
    let source = Source::from_journal(
        ctx.data_dir,
        records.progress(),
        ctx.catalog,
        &ctx.settings.xapi_home_page,
    );
    let dir = ctx.data_dir.to_path_buf();
    let spawned = Job::spawn("lrs", Some(wake.clone()), move |reporter| {
        worker::run(task, &dir, &client, &source, &mut |done, total| {
            reporter.progress(done, total);
        })
    });
    match spawned {
        Ok(job) => page.job = Some(job),
        Err(e) => {
            log::error!("LRS thread: {e}");
            page.notice = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Saves the form; says so unless `quiet`.
fn save(page: &mut LrsState, ctx: &ScreenCtx, quiet: bool) {
    let saved = page
        .config()
        .save(ctx.data_dir)
        .and_then(|()| config::save_secret(ctx.data_dir, &page.password));
    match saved {
        Ok(()) if quiet => {}
        Ok(()) => page.notice = Some(ok(ctx.t.lrs_saved())),
        Err(e) => {
            log::error!("LRS settings: {e}");
            page.notice = Some(bad(ctx.t.lrs_save_failed()));
        }
    }
}

/// Draws the page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState) {
    let t = ctx.t;
    let page = &mut state.lrs;
    page.load(ctx);
    let busy = page.busy();
    let mut task = None;
    ui.page("trainer-lrs", ui.tokens().sizes.page_width, |ui| {
        ui.section(t.lrs_title());
        ui.label(t.lrs_intro());
        ui.add_space(ui.tokens().sizes.gap_small);
        // The fields stay open while a job runs (it works on a copy); the buttons wait for it.
        let width = ui.available_width().min(520.0);
        ui.form_grid("lrs-form", |ui| {
            ui.text_row(
                t.lrs_endpoint(),
                &mut page.endpoint,
                Some(t.lrs_endpoint_hint()),
                width,
            );
            ui.text_row(t.lrs_user(), &mut page.user, None, width);
            let l = ui.label(t.lrs_password());
            ui.add(
                egui::TextEdit::singleline(&mut page.password)
                    .password(true)
                    .desired_width(width),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
        ui.muted(t.lrs_secret_kept());
        ui.add_enabled_ui(!busy, |ui| {
            if ui.checkbox(&mut page.auto, t.lrs_auto()).changed() {
                save(page, ctx, true);
                page.pushed_at_len = None;
                page.next_try = None;
            }
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.lrs_save()).clicked() {
                    save(page, ctx, false);
                }
                if ui.button(t.lrs_check()).clicked() {
                    task = Some(Task::Check);
                }
                if ui.primary_button(t.lrs_send()).clicked() {
                    save(page, ctx, true);
                    task = Some(Task::Push { now: now() });
                }
            });
        });
        if busy {
            let text = if page.checking {
                t.lrs_checking()
            } else {
                t.lrs_sending()
            };
            ui.label(egui::RichText::new(text).strong());
        }
        if let Some(notice) = &page.notice {
            notice_ui(ui, notice);
        }
        if let Some(summary) = &page.summary {
            status_ui(ui, ctx, summary);
        }
    });
    if let Some(task) = task {
        page.status_asked = true;
        start(page, ctx, ui.ctx(), task);
    } else if !page.status_asked && !busy {
        // Once, for the saved address: the numbers for the status line.
        page.status_asked = true;
        if Endpoint::parse(&page.endpoint).is_ok() {
            start(page, ctx, ui.ctx(), Task::Status);
        }
    }
}

/// The status line, and the statements the LRS refused.
fn status_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, summary: &Summary) {
    let t = ctx.t;
    ui.label(status_line(ctx, summary));
    if !summary.refused.is_empty() {
        ui.tone_label(
            crate::ui::NoticeKind::Bad,
            t.lrs_status_refused(count(t, summary.refused.len())),
        );
        for (id, aside) in summary.refused.iter().take(20) {
            ui.muted(t.lrs_refused_item(id.to_string(), aside.reason.clone(), aside.status.to_string()));
        }
    }
}

/// "Đã gửi 1.240 · Đang chờ 12 · Lần gửi cuối 09:41 · Lỗi: …".
#[must_use]
pub fn status_line(ctx: &ScreenCtx, summary: &Summary) -> String {
    let t = ctx.t;
    let mut parts = vec![t.lrs_status_counts(count(t, summary.sent), count(t, summary.waiting))];
    if let Some(at) = summary
        .last_push
        .as_deref()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
    {
        let today = crate::learning::now().date_naive() == at.date_naive();
        let shown = if today {
            at.format("%H:%M")
        } else {
            at.format("%H:%M %d/%m/%Y")
        };
        parts.push(t.lrs_status_last(shown.to_string()));
    }
    if let Some(e) = &summary.error {
        parts.push(t.lrs_status_error(e.render(t)));
    }
    parts.join(" · ")
}
