//! Every integration test in one binary. Each module below was once its own test file; one binary links
//! the app (eframe, krilla, …) once instead of twenty times, which keeps CI's build time and disk use
//! down. Run one group with `cargo test ui_trainer::` or one test by its name.

// A failed unwrap is a failed test, and helpers (not `#[test]` functions, so clippy.toml's
// allow-unwrap-in-tests does not reach them) unwrap too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::needless_range_loop,
    clippy::needless_pass_by_value,
    clippy::semicolon_if_nothing_returned
)]

mod common;
mod export_fixture;
mod lrs_fake;
mod pack_fixture;

mod classes_analysis;
mod classes_multi_pc;
mod classes_records;
mod classes_report;
mod cli_records;
mod content_embedded;
mod content_validation;
mod durability;
mod export_csv;
mod export_json;
mod export_pdf;
mod export_xapi;
mod export_xlsx;
mod fonts;
mod i18n;
mod lrs_push;
mod lrs_ralph;
mod pack_flow;
mod pack_hostile;
mod props_journal;
mod quiz_fairness;
mod readers_prop;
mod records_clock;
mod records_event;
mod records_progress;
mod records_review;
mod records_sense;
mod records_store;
mod records_versions;
mod sim_scenarios;
mod sim_ui;
mod snapshots;
mod ui_classes;
mod ui_foundation;
mod ui_learning;
mod ui_lrs;
mod ui_packs;
mod ui_present;
mod ui_review;
mod ui_simulation_app;
mod ui_trainer;
mod ui_trainer_notes;
