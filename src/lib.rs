//! Kỹ Năng Số: an offline desktop app that teaches commune officials and citizens to use digital
//! government (the provincial reporting system, online birth registration, online payment of fees,
//! `VNeID` sign-in and digital safety).
//!
//! The core (`content`, `i18n`, `settings`, `paths`) has no window; `ui` and `app` draw with egui; `cli`
//! holds the sub-commands. See ARCHITECTURE.md.

pub mod app;
pub mod assets;
pub mod cli;
pub mod cli_records;
pub mod command;
pub mod content;
pub mod durable;
pub mod export;
pub mod i18n;
pub mod job;
pub mod learning;
pub mod paths;
pub mod quiz;
pub mod records;
pub mod settings;
pub mod sim;
pub mod text;
pub mod trainer;
pub mod ui;
pub mod window;
