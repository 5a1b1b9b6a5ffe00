//! Province scale: a journal of 500,000 events from 10,000 learners on 20 PCs, with the real modules,
//! lessons and questions. Prints, for the release binary, the peak memory (RSS) and the time of every
//! export, of an import of a 100,000-event exchange file, and of the window's start (first frame), next
//! to an empty journal's. Figures, not assertions: the goals (issue 9) are every export and import under
//! 300 MiB, the window under 400 MiB, and a first frame at most 5× an empty journal's.
//!
//! Run: `cargo build --release && cargo bench --bench scale` (needs `/usr/bin/time`; the window part
//! needs `xvfb-run` and is skipped without it). `SCALE_EVENTS=100000` makes a smaller data set;
//! `SCALE_ONLY_WRITE=DIR` only writes the journal into DIR.

#![allow(clippy::panic, clippy::print_stdout, clippy::cast_possible_truncation)] // a benchmark script

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::records::event::{AnswerRecord, Event, EventKind};
use kynangso::records::store::JOURNAL_FILE;
use std::io::Write as _;
use uuid::Uuid;

const LEARNERS: usize = 10_000;
const DEVICES: u128 = 20;

fn main() {
    let events: usize = std::env::var("SCALE_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500_000);
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_kynangso"));
    let work = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    // SCALE_ONLY_WRITE=DIR writes the data set's journal into DIR and stops (for screenshots).
    if let Ok(dir) = std::env::var("SCALE_ONLY_WRITE") {
        let written = write_journal(Path::new(&dir), events);
        println!("{written} events written to {dir}");
        return;
    }
    let data = work.path().join("data");
    let written = write_journal(&data, events);
    let size = std::fs::metadata(data.join(JOURNAL_FILE)).map_or(0, |m| m.len());
    println!(
        "journal: {written} events, {LEARNERS} learners, {:.1} MiB",
        size as f64 / 1048576.0
    );
    println!("{:<28} {:>12} {:>10}", "what", "peak RSS MiB", "seconds");

    for format in ["csv", "xlsx", "pdf", "json", "xapi"] {
        let out = work.path().join(format!("out.{format}"));
        let args = [
            "export",
            "--format",
            format,
            "--out",
            path(&out),
            "--data-dir",
            path(&data),
        ];
        report(&format!("export {format}"), measure(&bin, &args));
    }

    // An import of one PC's share: the first 100,000 events (or all, if fewer) as an exchange file.
    let part = work.path().join("part");
    write_journal(&part, events.min(100_000));
    let file = work.path().join("part.json");
    let args = [
        "export",
        "--format",
        "json",
        "--out",
        path(&file),
        "--data-dir",
        path(&part),
    ];
    measure(&bin, &args);
    let target = work.path().join("target");
    std::fs::create_dir_all(&target).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let args = ["import", path(&file), "--data-dir", path(&target)];
    report(
        &format!("import {} events", events.min(100_000)),
        measure(&bin, &args),
    );

    if Command::new("xvfb-run").arg("--help").output().is_err() {
        println!("window: skipped (no xvfb-run)");
        return;
    }
    let empty = work.path().join("empty");
    for (what, dir) in [("window, empty journal", &empty), ("window, this journal", &data)] {
        let args = [
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            "/usr/bin/time",
            "-f",
            "%M %e",
            path(&bin),
            "smoke-test",
            "--data-dir",
            path(dir),
        ];
        let out = Command::new("xvfb-run")
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("xvfb-run: {e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        report(what, parse_time(&stderr));
        println!("    {}", stdout.trim());
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"))
}

/// Runs the binary under `/usr/bin/time`: (peak RSS in KiB, seconds).
fn measure(bin: &Path, args: &[&str]) -> Option<(u64, f64)> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M %e"])
        .arg(bin)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/time: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        println!("  failed: {args:?}\n{stderr}");
    }
    parse_time(&stderr)
}

fn parse_time(stderr: &str) -> Option<(u64, f64)> {
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty())?;
    let mut parts = last.split_whitespace();
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn report(what: &str, figures: Option<(u64, f64)>) {
    match figures {
        Some((kib, secs)) => println!("{what:<28} {:>12.0} {secs:>10.2}", kib as f64 / 1024.0),
        None => println!("{what:<28} {:>12} {:>10}", "?", "?"),
    }
}

/// Writes a journal of `count` events with the real catalog's ids; returns how many were written.
fn write_journal(dir: &Path, count: usize) -> usize {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let catalog = kynangso::content::embedded().unwrap_or_else(|_| panic!("embedded lessons"));
    let file = std::fs::File::create(dir.join(JOURNAL_FILE)).unwrap_or_else(|e| panic!("create: {e}"));
    let mut out = std::io::BufWriter::new(file);
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-09-01T07:30:00.000+07:00").unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0usize;
    let mut emit = |learner: usize, kind: EventKind| -> bool {
        if n == count {
            return false;
        }
        n += 1;
        let event = Event::with_id(
            Uuid::from_u128(n as u128),
            Uuid::from_u128(1_000_000 + learner as u128),
            Uuid::from_u128(0xDE71CE00 + learner as u128 % DEVICES),
            start + Duration::seconds(n as i64 * 13),
            kind,
        );
        writeln!(out, "{}", event.to_line()).unwrap_or_else(|e| panic!("write: {e}"));
        true
    };
    // Round-robin over learners, so a smaller count still has every learner and a spread of kinds.
    let mut steps: Vec<EventKind> = Vec::new();
    for module in &catalog.modules {
        let id = &module.meta.id;
        for lesson in &module.lessons {
            steps.push(EventKind::LessonViewed {
                module: id.clone(),
                lesson: lesson.meta.id.clone(),
            });
        }
        for pass in [false, true] {
            let answers: Vec<AnswerRecord> = module
                .questions
                .iter()
                .take(10)
                .enumerate()
                .map(|(i, q)| AnswerRecord {
                    question: q.id.clone(),
                    correct: pass || i % 3 != 0,
                    chosen: None,
                })
                .collect();
            let max = answers.len() as u32;
            let score = answers.iter().filter(|a| a.correct).count() as u32;
            steps.push(EventKind::QuizAttempted {
                module: id.clone(),
                score,
                max,
                passed: pass,
                duration_s: 420,
                answers,
            });
        }
        for sim in &module.meta.simulations {
            steps.push(EventKind::SimulationCompleted {
                module: id.clone(),
                simulation: sim.id.clone(),
                mistakes: 2,
                duration_s: 300,
            });
        }
        steps.push(EventKind::ModuleCompleted { module: id.clone() });
    }
    for l in 0..LEARNERS {
        let created = EventKind::LearnerCreated {
            name: format!("Nguyễn Thị Phương Thảo {l}"),
            unit: Some(format!("UBND xã Tân Lập {}", l % 120)),
            position: Some("Công chức Văn phòng – Thống kê".into()),
        };
        if !emit(l, created) {
            break;
        }
    }
    'fill: for step in steps.iter().cycle() {
        for l in 0..LEARNERS {
            if !emit(l, step.clone()) {
                break 'fill;
            }
        }
    }
    out.flush().unwrap_or_else(|e| panic!("flush: {e}"));
    n
}
