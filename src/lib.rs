//! Kỹ Năng Số: an offline desktop app that teaches commune officials and citizens to use digital
//! government (the provincial reporting system, online birth registration, online payment of fees,
//! `VNeID` sign-in and digital safety).
//!
//! Everything but `app`, `command`, `ui` and `window` works without a window, so the command line and
//! the tests drive the same code: `content` (lessons), `records` (the journal and its fold), `learning`
//! (records with a current learner), `quiz`, `present` (presentation mode's slides), `sim`, `export`, `trainer`, `settings`, `i18n`, `text`,
//! `durable`, `paths` and `assets`. `cli` and `cli_records` are the sub-commands. ARCHITECTURE.md has a
//! line on each.

pub mod app;
pub mod assets;
pub mod class;
pub mod cli;
pub mod cli_classes;
pub mod cli_pack;
pub mod cli_push;
pub mod cli_records;
pub mod command;
pub mod content;
pub mod durable;
pub mod export;
pub mod i18n;
pub mod job;
pub mod learning;
pub mod lrs;
pub mod pack;
pub mod paths;
pub mod present;
pub mod quiz;
pub mod records;
pub mod settings;
pub mod sim;
pub mod text;
pub mod trainer;
pub mod ui;
pub mod window;
