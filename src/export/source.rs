//! Where an export reads whole events from. The app keeps only facts in memory (`records::fact`), so the
//! exchange file, the xAPI statements and the certificate codes read the journal file again, event by
//! event; tests and small callers pass a slice.

use std::path::PathBuf;

use super::ExportError;
use crate::records::Event;
use crate::records::store::{JOURNAL_FILE, Journal};

/// A source of events, in journal order, each id once. It can be read more than once.
pub trait Events {
    /// Calls `f` with each event.
    ///
    /// # Errors
    /// [`ExportError::Read`] if the journal file cannot be read.
    fn each(&self, f: &mut dyn FnMut(&Event)) -> Result<(), ExportError>;
}

impl Events for &[Event] {
    fn each(&self, f: &mut dyn FnMut(&Event)) -> Result<(), ExportError> {
        self.iter().for_each(f);
        Ok(())
    }
}

impl Events for Vec<Event> {
    fn each(&self, f: &mut dyn FnMut(&Event)) -> Result<(), ExportError> {
        self.iter().for_each(f);
        Ok(())
    }
}

/// The events of the journal in a data folder, read from the file each time (without its lock: the app
/// may be open; a torn last line is skipped).
#[derive(Debug, Clone)]
pub struct JournalEvents(pub PathBuf);

impl Events for JournalEvents {
    fn each(&self, f: &mut dyn FnMut(&Event)) -> Result<(), ExportError> {
        Journal::scan_file(&self.0, &mut |e| f(&e))
            .map(|_| ())
            .map_err(|e| ExportError::Read(format!("{}: {e}", self.0.join(JOURNAL_FILE).display())))
    }
}
