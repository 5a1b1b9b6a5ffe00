//! Sending the records to a Learning Record Store (design Part A, "Learning Record Store (xAPI)").
//!
//! - [`endpoint`]: the LRS address as typed, checked and normalised, and the key its files go under.
//! - [`ledger`]: per endpoint, the statement ids it acknowledged or refused — the only state: the queue is
//!   the journal, and whatever the ledger does not hold is waiting.
//! - [`client`]: HTTP (Basic auth, the xAPI version header, timeouts, proxies from the environment).
//! - [`push`]: batches to `<endpoint>/statements`, and what each answer means.
//! - [`config`]: the address, user and "send automatically" saved in the data folder; the secret kept
//!   apart from them (see there).
//!
//! Statements are the `xapi` export's ([`crate::export::xapi`]) with the event id as statement id, so a
//! statement sent again after a crash or a lost answer is one the LRS already holds, never a second copy.

pub mod client;
pub mod config;
pub mod endpoint;
pub mod ledger;
pub mod push;
pub mod worker;

pub use client::{Client, HttpProblem, Timeouts};
pub use endpoint::Endpoint;
pub use ledger::Ledger;
pub use push::{PushError, PushReport, Retry};
