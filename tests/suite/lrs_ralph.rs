//! `kynangso push` against a real LRS: Ralph, started by `scripts/test` (the project's test command) and
//! named in `KYNANGSO_TEST_LRS_URL`/`_USER`/`_PASSWORD`. Without them these tests fail with a message
//! saying so; they never skip. The second test starts and stops a Ralph of its own (the venv's
//! `KYNANGSO_TEST_RALPH_PYTHON` running `scripts/ralph-lrs.py`, the same credentials) to push while the LRS is down.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

use kynangso::lrs::{Client, Endpoint, Timeouts};
use serde_json::Value;
use uuid::Uuid;

use crate::lrs_fake::journal;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: this test needs a real LRS. Run the tests with `scripts/test`, which starts Ralph.")
    })
}

fn push(dir: &Path, url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kynangso"))
        .args(["push", "--lang", "en", "--data-dir"])
        .arg(dir)
        .env("KYNANGSO_LRS_URL", url)
        .env("KYNANGSO_LRS_USER", var("KYNANGSO_TEST_LRS_USER"))
        .env("KYNANGSO_LRS_PASSWORD", var("KYNANGSO_TEST_LRS_PASSWORD"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Every statement the LRS holds, by id, following `more` links; each id counted.
fn read_back(url: &str) -> HashMap<Uuid, (usize, Value)> {
    let client = Client::new(
        Endpoint::parse(url).unwrap(),
        &var("KYNANGSO_TEST_LRS_USER"),
        &var("KYNANGSO_TEST_LRS_PASSWORD"),
        Timeouts::default(),
    );
    let origin = url.find("/xAPI").map_or(url, |i| &url[..i]).to_owned();
    let mut all: HashMap<Uuid, (usize, Value)> = HashMap::new();
    let mut reply = client.get("statements?limit=100").unwrap();
    let mut pages = 0;
    loop {
        assert_eq!(reply.status, 200, "{}", reply.body);
        let page: Value = serde_json::from_str(&reply.body).unwrap();
        for s in page["statements"].as_array().unwrap() {
            let id = Uuid::parse_str(s["id"].as_str().unwrap()).unwrap();
            all.entry(id).or_insert((0, s.clone())).0 += 1;
        }
        pages += 1;
        match page["more"].as_str() {
            Some(more) if !more.is_empty() => {
                let next = if more.starts_with("http") {
                    more.to_owned()
                } else {
                    format!("{origin}{more}")
                };
                reply = client.get_url(&next).unwrap();
            }
            _ => break,
        }
        assert!(pages < 10_000, "paging does not end");
    }
    all
}

#[test]
fn every_statement_reaches_ralph_exactly_once() {
    let url = var("KYNANGSO_TEST_LRS_URL");
    let dir = tempfile::tempdir().unwrap();
    // 120 learners: 360 statements, two batches, and more than one page to read back.
    let expected: HashSet<Uuid> = journal(dir.path(), 120).into_iter().collect();
    let out = push(dir.path(), &url);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "sent 360, already there 0, refused 0, waiting 0");

    let held = read_back(&url);
    let ours: HashMap<_, _> = held.iter().filter(|(id, _)| expected.contains(id)).collect();
    assert_eq!(ours.len(), expected.len(), "every statement is in the LRS");
    assert!(ours.values().all(|(n, _)| *n == 1), "each exactly once");
    let (_, quiz) = ours
        .values()
        .find(|(_, s)| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed")
        .unwrap();
    assert_eq!(quiz["result"]["score"]["scaled"], 0.8);
    assert!(quiz["context"]["contextActivities"]["parent"].is_array());

    let again = push(dir.path(), &url);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), "sent 0, already there 0, refused 0, waiting 0");
    let after = read_back(&url);
    assert_eq!(after.len(), held.len(), "a second push adds nothing");
}

/// A Ralph of this test's own, on a free port, keeping its statements in `store`.
struct OwnRalph {
    child: Child,
    url: String,
}

impl OwnRalph {
    fn start(store: &Path, port: u16) -> OwnRalph {
        let child = Command::new(var("KYNANGSO_TEST_RALPH_PYTHON"))
            .arg(var("KYNANGSO_TEST_RALPH_LAUNCHER"))
            .args(["127.0.0.1", &port.to_string()])
            .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}/xAPI");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "Ralph did not start");
            std::thread::sleep(Duration::from_millis(200));
        }
        OwnRalph { child, url }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OwnRalph {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn a_push_while_the_lrs_is_down_waits_and_completes_later() {
    let store = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ralph = OwnRalph::start(store.path(), port);
    let url = ralph.url.clone();
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 5);
    assert_eq!(push(dir.path(), &url).status.code(), Some(0));

    // New records, and the LRS goes away.
    let more: HashSet<Uuid> = journal(dir.path(), 4).into_iter().collect();
    ralph.stop();
    let down = push(dir.path(), &url);
    assert_eq!(down.status.code(), Some(1), "{down:?}");
    assert_eq!(stdout(&down), "sent 0, already there 0, refused 0, waiting 12");
    assert!(String::from_utf8_lossy(&down.stderr).contains("Could not connect"));

    let ralph = OwnRalph::start(store.path(), port);
    let up = push(dir.path(), &url);
    assert_eq!(up.status.code(), Some(0), "{up:?}");
    assert_eq!(stdout(&up), "sent 12, already there 0, refused 0, waiting 0");
    let held = read_back_from(&url);
    assert!(more.iter().all(|id| held.contains(id)));
    assert_eq!(held.len(), 27);
    ralph.stop();
}

fn read_back_from(url: &str) -> HashSet<Uuid> {
    read_back(url).into_keys().collect()
}
