//! Durability under crashes: a writer process appends events in a loop and prints each id once
//! `append` returned `Ok`; this test kills it with SIGKILL (`Child::kill`) at random moments, then checks
//! that the journal still opens and holds every id the writer reported saved.
//!
//! The writer is this same test binary, run again with `--exact durability::writer_child` and an environment
//! variable naming the data folder: no extra program ships with the app for the sake of a test, and
//! nothing needs building first. `KYNANGSO_KILLS` sets the number of kills (default 50) and
//! `KYNANGSO_KILL_SEED` replays a run's random moments (the seed is printed).

use std::collections::HashSet;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kynangso::records::event::{AnswerRecord, Event, EventKind};
use kynangso::records::store::Journal;
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use uuid::Uuid;

/// Set only in the writer process: the data folder to write to.
const CHILD_DIR: &str = "KYNANGSO_DURABILITY_WRITER_DIR";
const SAVED: &str = "saved ";

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Utc::now().fixed_offset()
}

/// The writer. In a normal test run (no `CHILD_DIR`) it does nothing.
#[test]
fn writer_child() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let (mut journal, _) = Journal::open(Path::new(&dir), now()).unwrap();
    let learner = Uuid::new_v4();
    let device = Uuid::new_v4();
    let mut out = std::io::stdout().lock();
    let started = Instant::now();
    for n in 0u64.. {
        // Different sizes and kinds, so kills land in lines of different lengths.
        let kind = match n % 3 {
            0 => EventKind::LessonViewed {
                module: "khai-sinh".into(),
                lesson: format!("bai-{n}"),
            },
            1 => EventKind::QuizAttempted {
                module: "khai-sinh".into(),
                score: 8,
                max: 10,
                passed: true,
                duration_s: n,
                answers: (0..(n % 40))
                    .map(|q| AnswerRecord {
                        question: format!("cau-{q}"),
                        correct: q % 2 == 0,
                        chosen: None,
                    })
                    .collect(),
            },
            _ => EventKind::LearnerUpdated {
                name: Some(format!("Nguyễn Thị Hồng {n}")),
                unit: None,
                position: None,
            },
        };
        let event = Event::new(learner, device, now(), kind);
        journal.append(&event).unwrap();
        // Reported only now that `append` returned: the parent may count it as saved. Stop when the
        // parent is gone (broken pipe) or after a minute, so a stray writer never runs on.
        if writeln!(out, "{SAVED}{}", event.id)
            .and_then(|()| out.flush())
            .is_err()
            || started.elapsed() > Duration::from_secs(60)
        {
            return;
        }
    }
}

#[test]
fn killed_writer_loses_nothing_it_reported_saved() {
    let kills: usize = std::env::var("KYNANGSO_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(50);
    let seed = std::env::var("KYNANGSO_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()) ^ now().timestamp_micros().unsigned_abs());
    eprintln!("durability: {kills} kills, KYNANGSO_KILL_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut saved: HashSet<Uuid> = HashSet::new();
    let mut torn = 0;

    for round in 0..kills {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "durability::writer_child",
                "--nocapture",
                "--test-threads=1",
                "--quiet",
            ])
            .env(CHILD_DIR, tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            // Only whole lines: a line cut by the kill is not a report.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(id) = line.strip_prefix(SAVED).and_then(|id| Uuid::parse_str(id).ok()) {
                    let _ = tx.send(id);
                }
            }
        });
        // Kill while it is appending: after its first report, at a random moment.
        let first = rx.recv_timeout(Duration::from_secs(30));
        assert!(first.is_ok(), "round {round}: the writer reported nothing");
        std::thread::sleep(Duration::from_micros(rng.random_range(0..20_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        saved.extend(first);
        saved.extend(rx.try_iter());

        let (journal, report) = Journal::open(tmp.path(), now())
            .unwrap_or_else(|e| panic!("round {round}: the journal does not open: {e}"));
        assert!(
            report.bad_lines.is_empty(),
            "round {round}: bad lines {:?}",
            report.bad_lines
        );
        torn += usize::from(report.torn_tail.is_some());
        let missing: Vec<&Uuid> = saved.iter().filter(|id| !journal.contains(**id)).collect();
        assert!(
            missing.is_empty(),
            "round {round}: {} saved events missing, e.g. {:?}",
            missing.len(),
            missing.first()
        );
    }
    eprintln!(
        "durability: {} events reported saved, all present; {torn} torn tails set aside",
        saved.len()
    );
    assert!(
        saved.len() >= kills,
        "the writer wrote at least one event per round"
    );
}
