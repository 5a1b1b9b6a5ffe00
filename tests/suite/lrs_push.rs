//! The LRS sender against an LRS in the test process (`lrs_fake`): what each answer does to the queue.
//! Nothing here needs a network; `lrs_ralph` runs the same against a real Ralph.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use kynangso::lrs::push::{self, Outcome, Source};
use kynangso::lrs::{Client, Endpoint, HttpProblem, PushError, Retry, Timeouts, ledger};
use uuid::Uuid;

use crate::lrs_fake::{FakeLrs, journal};

const FAST: Retry = Retry {
    attempts: 3,
    first_delay: Duration::from_millis(10),
};

fn client(url: &str, answer: Duration) -> Client {
    let timeouts = Timeouts {
        connect: Duration::from_secs(5),
        answer,
    };
    Client::new(Endpoint::parse(url).unwrap(), "xa-1", "bí mật", timeouts)
}

fn source(dir: &Path) -> Source {
    Source::read(dir, &crate::common::catalog(), "https://kynangso.example.vn").unwrap()
}

fn run(dir: &Path, url: &str, batch: usize) -> Outcome {
    push::push(
        dir,
        &client(url, Duration::from_secs(10)),
        &source(dir),
        FAST,
        batch,
        "2026-12-02T09:41:00.000+07:00",
        &mut |_, _| {},
    )
}

fn acked(dir: &Path, url: &str) -> HashSet<Uuid> {
    ledger::read(dir, &Endpoint::parse(url).unwrap()).unwrap().acked
}

#[test]
fn everything_goes_once_and_a_second_push_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let expected: HashSet<Uuid> = journal(dir.path(), 10).into_iter().collect();
    let lrs = FakeLrs::start(|_| None);
    let outcome = run(dir.path(), &lrs.url, 7);
    assert_eq!(outcome.stopped, None);
    assert_eq!(outcome.report.sent, 30);
    assert_eq!(outcome.report.waiting, 0);
    assert_eq!(lrs.stored().keys().copied().collect::<HashSet<_>>(), expected);
    assert_eq!(lrs.posted().len(), 30, "each statement posted once");
    assert!(lrs.log.lock().unwrap().posts.iter().all(|p| p.len() <= 7));
    assert!(
        lrs.log
            .lock()
            .unwrap()
            .auth
            .as_deref()
            .is_some_and(|a| a.starts_with("Basic ")),
        "Basic auth is sent"
    );
    let quiz = lrs
        .stored()
        .into_values()
        .find(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed")
        .unwrap();
    assert_eq!(
        quiz["result"]["extensions"]["https://kynangso.example.vn/extensions/answers"][0]["question"],
        "q1"
    );
    assert_eq!(
        quiz["context"]["extensions"]["https://kynangso.example.vn/extensions/device"],
        crate::lrs_fake::DEVICE.to_string()
    );
    assert_eq!(
        quiz["context"]["contextActivities"]["grouping"][0]["id"],
        "https://kynangso.example.vn/activities"
    );

    let again = run(dir.path(), &lrs.url, 7);
    assert_eq!(again.report, push::PushReport::default());
    assert_eq!(lrs.posted().len(), 30, "nothing is sent again");
}

#[test]
fn imported_records_from_another_pc_wait_too() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 2);
    let lrs = FakeLrs::start(|_| None);
    assert_eq!(run(dir.path(), &lrs.url, 50).report.sent, 6);
    let other = tempfile::tempdir().unwrap();
    let theirs: HashSet<Uuid> = journal(other.path(), 3).into_iter().collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00.000+07:00").unwrap();
    let mut events = Vec::new();
    kynangso::records::Journal::scan_file(other.path(), &mut |e| events.push(e)).unwrap();
    let (mut mine, _) = kynangso::records::Journal::open(dir.path(), now).unwrap();
    mine.import(events, &now).unwrap();
    drop(mine);
    let outcome = run(dir.path(), &lrs.url, 50);
    assert_eq!(outcome.report.sent, 9);
    assert_eq!(lrs.posted()[6..].iter().copied().collect::<HashSet<_>>(), theirs);
}

#[test]
fn server_errors_are_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 3);
    // Two failures, then the normal answer: the third try of the first batch gets through.
    let lrs = FakeLrs::start(|seen| (seen.method == "POST" && seen.posts < 2).then(|| (503, "busy".into())));
    let outcome = run(dir.path(), &lrs.url, 100);
    assert_eq!(outcome.stopped, None);
    assert_eq!(outcome.report.sent, 9);
    assert_eq!(lrs.log.lock().unwrap().posts.len(), 3);
}

#[test]
fn an_lrs_that_keeps_failing_leaves_everything_waiting() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 3);
    let lrs = FakeLrs::start(|_| Some((500, "boom".into())));
    let outcome = run(dir.path(), &lrs.url, 4);
    assert_eq!(outcome.stopped, Some(PushError::Server(500)));
    assert_eq!(outcome.report.waiting, 9);
    assert_eq!(lrs.log.lock().unwrap().posts.len(), 3, "three tries, then stop");
    assert!(acked(dir.path(), &lrs.url).is_empty());
}

#[test]
fn a_slow_lrs_times_out_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 2);
    let lrs = FakeLrs::start(|_| {
        std::thread::sleep(Duration::from_millis(1500));
        None
    });
    let started = Instant::now();
    let outcome = push::push(
        dir.path(),
        &client(&lrs.url, Duration::from_millis(300)),
        &source(dir.path()),
        Retry {
            attempts: 1,
            first_delay: Duration::ZERO,
        },
        100,
        "2026-12-02T09:41:00.000+07:00",
        &mut |_, _| {},
    );
    assert_eq!(outcome.stopped, Some(PushError::Network(HttpProblem::Timeout)));
    assert_eq!(outcome.report.waiting, 6);
    assert!(
        started.elapsed() < Duration::from_millis(1400),
        "{:?}",
        started.elapsed()
    );
    let t = kynangso::i18n::I18n::new(kynangso::i18n::Lang::Vi);
    assert!(outcome.stopped.unwrap().render(&t).contains("quá chậm"));
}

#[test]
fn a_refused_password_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 3);
    let lrs = FakeLrs::start(|_| Some((401, "no".into())));
    let outcome = run(dir.path(), &lrs.url, 2);
    assert_eq!(outcome.stopped, Some(PushError::Auth(401)));
    assert_eq!(outcome.report.waiting, 9);
    assert_eq!(lrs.log.lock().unwrap().posts.len(), 1);
}

#[test]
fn a_batch_too_large_is_halved() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 10);
    let lrs = FakeLrs::start(|seen| (seen.ids.len() > 4).then(|| (413, "too large".into())));
    let outcome = run(dir.path(), &lrs.url, 16);
    assert_eq!(outcome.stopped, None);
    assert_eq!(outcome.report.sent, 30);
    assert_eq!(lrs.stored().len(), 30);
    let posts = lrs.log.lock().unwrap().posts.clone();
    assert_eq!(posts[0].len(), 16);
    assert_eq!(posts[1].len(), 8);
    assert_eq!(posts[2].len(), 4);
}

#[test]
fn one_refused_statement_is_set_aside_and_the_rest_go() {
    let dir = tempfile::tempdir().unwrap();
    let ids = journal(dir.path(), 10);
    let bad = ids[13];
    let lrs = FakeLrs::start(move |seen| {
        seen.ids
            .contains(&bad)
            .then(|| (400, "{\"message\": \"invalid statement\"}".into()))
    });
    let outcome = run(dir.path(), &lrs.url, 30);
    assert_eq!(outcome.stopped, None);
    assert_eq!(outcome.report.sent, 29);
    assert_eq!(outcome.report.refused, 1);
    assert_eq!(outcome.report.waiting, 0);
    assert!(!lrs.stored().contains_key(&bad));
    let contents = ledger::read(dir.path(), &Endpoint::parse(&lrs.url).unwrap()).unwrap();
    assert_eq!(contents.aside[&bad].status, 400);
    assert!(contents.aside[&bad].reason.contains("invalid statement"));
    let posts = lrs.log.lock().unwrap().posts.len();
    assert!(posts <= 12, "bisection, not one by one: {posts}");
    assert_eq!(run(dir.path(), &lrs.url, 30).report, push::PushReport::default());
}

#[test]
fn a_statement_already_there_counts_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let ids = journal(dir.path(), 2);
    let there = ids[0];
    let lrs = FakeLrs::start(move |seen| seen.ids.contains(&there).then(|| (409, "conflict".into())));
    let outcome = run(dir.path(), &lrs.url, 10);
    assert_eq!(
        (
            outcome.report.sent,
            outcome.report.already,
            outcome.report.waiting
        ),
        (5, 1, 0)
    );
    assert!(acked(dir.path(), &lrs.url).contains(&there));
}

#[test]
fn a_web_page_is_not_an_lrs() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 2);
    let html = FakeLrs::start(|_| Some((200, "<html><body>Cổng thông tin</body></html>".into())));
    let outcome = run(dir.path(), &html.url, 10);
    assert!(
        matches!(outcome.stopped, Some(PushError::NotAnLrs(_))),
        "{outcome:?}"
    );
    assert_eq!(outcome.report.waiting, 6);
    assert!(acked(dir.path(), &html.url).is_empty());
    let missing = FakeLrs::start(|_| Some((404, "<html>404</html>".into())));
    let outcome = run(dir.path(), &missing.url, 10);
    assert!(matches!(outcome.stopped, Some(PushError::NotAnLrs(_))));
    assert_eq!(
        missing.log.lock().unwrap().posts.len(),
        1,
        "a 404 sets nothing aside"
    );
    assert!(push::check(&client(&html.url, Duration::from_secs(5))).is_err());
}

#[test]
fn network_failures_are_named() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 1);
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let outcome = run(dir.path(), &format!("http://127.0.0.1:{port}/xAPI"), 10);
    assert_eq!(outcome.stopped, Some(PushError::Network(HttpProblem::Refused)));
    assert_eq!(outcome.report.waiting, 3);
    // TLS to a server that answers in plain HTTP: the handshake fails, and is not tried again.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = plain.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in plain.incoming() {
            use std::io::Write as _;
            let _ = stream
                .unwrap()
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let outcome = run(dir.path(), &format!("https://127.0.0.1:{port}/xAPI"), 10);
    assert_eq!(
        outcome.stopped,
        Some(PushError::Network(HttpProblem::Certificate))
    );
    assert_eq!(outcome.report.waiting, 3);
}

#[test]
fn the_connection_check_reports_the_version_and_the_user() {
    let lrs = FakeLrs::start(|_| None);
    assert_eq!(
        push::check(&client(&lrs.url, Duration::from_secs(5))),
        Ok(Some("1.0.3".into()))
    );
    let no_about = FakeLrs::start(|seen| seen.path.ends_with("/about").then(|| (404, String::new())));
    assert_eq!(
        push::check(&client(&no_about.url, Duration::from_secs(5))),
        Ok(None)
    );
    let locked = FakeLrs::start(|seen| seen.path.contains("statements").then(|| (401, String::new())));
    assert_eq!(
        push::check(&client(&locked.url, Duration::from_secs(5))),
        Err(PushError::Auth(401))
    );
}

fn kynangso(dir: &Path, url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kynangso"));
    cmd.args([
        "push",
        "--lrs",
        url,
        "--user",
        "xa-1",
        "--password",
        "p",
        "--lang",
        "en",
        "--data-dir",
    ])
    .arg(dir)
    .env_remove("KYNANGSO_LRS_URL");
    cmd
}

#[test]
fn the_command_line_prints_counts_and_exits_by_what_waits() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 3);
    let down = FakeLrs::start(|_| Some((503, String::new())));
    let out = kynangso(dir.path(), &down.url).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "sent 0, already there 0, refused 0, waiting 9"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("failing (code 503)"));
    let up = FakeLrs::start(|_| None);
    let out = kynangso(dir.path(), &up.url).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "sent 9, already there 0, refused 0, waiting 0"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_kynangso"))
        .args(["push", "--data-dir"])
        .arg(dir.path())
        .env_remove("KYNANGSO_LRS_URL")
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Chưa có địa chỉ LRS"));
    let empty = tempfile::tempdir().unwrap();
    let out = kynangso(empty.path(), &up.url).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was sent"));
    let out = kynangso(dir.path(), "lrs.example.vn").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must start with https://"));
}

#[test]
fn a_push_killed_midway_loses_nothing_and_makes_no_new_ids() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    // 150 learners: 450 statements, three batches of the command line's 200.
    let expected: HashSet<Uuid> = journal(dir.path(), 150).into_iter().collect();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let hang = Arc::new(AtomicBool::new(true));
    let hanging = Arc::clone(&hang);
    let lrs = FakeLrs::start(move |seen| {
        if seen.method == "POST" && seen.posts >= 1 && hanging.load(Ordering::SeqCst) {
            // The second batch arrives and its answer does not come: the process is killed meanwhile.
            let _ = tx.lock().unwrap().send(());
            while hanging.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
            return Some((500, String::new()));
        }
        None
    });
    let mut child = kynangso(dir.path(), &lrs.url).spawn().unwrap();
    rx.recv_timeout(Duration::from_secs(60)).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    hang.store(false, Ordering::SeqCst);
    assert_eq!(
        lrs.posted().len(),
        400,
        "the first batch was answered, the second was in flight"
    );
    assert_eq!(acked(dir.path(), &lrs.url).len(), 200);

    let out = kynangso(dir.path(), &lrs.url).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "sent 250, already there 0, refused 0, waiting 0"
    );
    let posted = lrs.posted();
    assert!(
        posted.iter().all(|id| expected.contains(id)),
        "no statement under a new id"
    );
    assert_eq!(
        posted.iter().copied().collect::<HashSet<_>>(),
        expected,
        "none lost"
    );
    assert_eq!(
        posted.len(),
        650,
        "only the batch in flight went twice, with its same ids"
    );
    assert_eq!(acked(dir.path(), &lrs.url), expected);
}

#[test]
fn a_refusing_proxy_is_named() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 1);
    // A proxy that refuses everything it is asked.
    let proxy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = proxy.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in proxy.incoming() {
            use std::io::{Read as _, Write as _};
            let mut stream = stream.unwrap();
            // Read the whole request head before answering, and close politely afterwards: answering
            // early, or dropping a socket with unread bytes, resets the connection, and the client would
            // then see a network error instead of the refusal (it did, once, on a loaded machine).
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let _ =
                stream.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
            while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
        }
    });
    let out = kynangso(dir.path(), "http://lrs.tinh.example/xAPI")
        .env("HTTP_PROXY", format!("http://127.0.0.1:{port}"))
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{port}"))
        .env("ALL_PROXY", format!("http://127.0.0.1:{port}"))
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "sent 0, already there 0, refused 0, waiting 3"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("proxy refused"),
        "{out:?}"
    );
}
