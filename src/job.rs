//! Work that must not freeze the window: opening a province's journal, an export, reading files to
//! import, a PIN hash, a system file dialog. Each runs as one [`Job`] on its own named thread, reports
//! its progress, and wakes the window when it has something to say; the window polls it once a frame,
//! before drawing, so no screen changes state halfway through.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// Something a worker says.
enum Message<T> {
    Progress { done: usize, total: usize },
    Done(T),
}

/// Where a job is.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll<T> {
    /// Still working; `done` of `total` steps (both 0 when the work does not count its steps).
    Running { done: usize, total: usize },
    /// Finished with this outcome (given once).
    Done(T),
    /// The worker stopped without an outcome (it panicked, or the thread was lost).
    Lost,
}

/// Lets a worker report progress; every report wakes the window.
pub struct Reporter<T> {
    tx: Sender<Message<T>>,
    wake: Option<egui::Context>,
    /// The whole percent and total last sent.
    last: Option<(usize, usize)>,
}

impl<T> Reporter<T> {
    /// `done` of `total` steps are done. Only a new whole percent (or a new total) is passed on: one per
    /// percent is plenty for a bar, and a worker calling this per event must not redraw the window per
    /// event.
    pub fn progress(&mut self, done: usize, total: usize) {
        let step = (done * 100 / total.max(1), total);
        if self.last == Some(step) {
            return;
        }
        self.last = Some(step);
        let _ = self.tx.send(Message::Progress { done, total });
        if let Some(ctx) = &self.wake {
            ctx.request_repaint();
        }
    }
}

/// A piece of work on its own thread.
pub struct Job<T> {
    rx: Receiver<Message<T>>,
    done: usize,
    total: usize,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("done", &self.done)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`; `wake` is the window to repaint when the worker reports
    /// (none in tests and on the command line).
    ///
    /// # Errors
    /// The thread could not be started (the system is out of threads or memory).
    pub fn spawn<F>(name: &str, wake: Option<egui::Context>, work: F) -> std::io::Result<Job<T>>
    where
        F: FnOnce(&mut Reporter<T>) -> T + Send + 'static,
    {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            let mut reporter = Reporter { tx, wake, last: None };
            let outcome = work(&mut reporter);
            let _ = reporter.tx.send(Message::Done(outcome));
            if let Some(ctx) = &reporter.wake {
                ctx.request_repaint();
            }
        })?;
        Ok(Job {
            rx,
            done: 0,
            total: 0,
        })
    }
}

impl<T> Job<T> {
    /// Takes every report since the last poll: the outcome once the work is done.
    pub fn poll(&mut self) -> Poll<T> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress { done, total }) => (self.done, self.total) = (done, total),
                Ok(Message::Done(outcome)) => return Poll::Done(outcome),
                Err(TryRecvError::Empty) => {
                    return Poll::Running {
                        done: self.done,
                        total: self.total,
                    };
                }
                Err(TryRecvError::Disconnected) => return Poll::Lost,
            }
        }
    }

    /// The last progress reported: the fraction done, 0 when the total is unknown.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_progress_then_the_outcome_once() {
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let mut job = Job::spawn("test", None, move |r| {
            r.progress(1, 4);
            let _ = go_rx.recv();
            42
        })
        .unwrap();
        // The worker has reported 1 of 4 and waits for the go.
        while job.poll() != (Poll::Running { done: 1, total: 4 }) {
            std::thread::yield_now();
        }
        assert!((job.fraction() - 0.25).abs() < f32::EPSILON);
        go_tx.send(()).unwrap();
        let outcome = loop {
            match job.poll() {
                Poll::Running { .. } => std::thread::yield_now(),
                other => break other,
            }
        };
        assert_eq!(outcome, Poll::Done(42));
        // The worker thread may take a moment to end after sending; until it has, the job still runs.
        let after = loop {
            match job.poll() {
                Poll::Running { .. } => std::thread::yield_now(),
                other => break other,
            }
        };
        assert_eq!(
            after,
            Poll::Lost,
            "the outcome is given once, then the worker is gone"
        );
    }

    #[test]
    fn a_worker_that_panics_is_lost_not_hung() {
        #[allow(clippy::panic)]
        let mut job: Job<u8> = Job::spawn("test-panic", None, |_| panic!("boom")).unwrap();
        let outcome = loop {
            match job.poll() {
                Poll::Running { .. } => std::thread::yield_now(),
                other => break other,
            }
        };
        assert_eq!(outcome, Poll::Lost);
    }
}
