//! An LRS in the test process (`tiny_http` on 127.0.0.1): it stores what is sent to `/xAPI/statements`
//! like a real one, answers `/xAPI/about`, and lets a test decide any answer first (500s, 401, 413, a
//! 400 for one statement, an HTML page, a slow answer).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use kynangso::records::{Event, EventKind, Journal};
use serde_json::Value;
use uuid::Uuid;

/// What a test's rule sees: the request's method and path, and the statement ids of a POST.
pub struct Seen<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub ids: &'a [Uuid],
    /// POSTs before this one.
    pub posts: usize,
}

/// A rule: `Some((status, body))` to answer that way, `None` for the normal LRS answer.
pub type Rule = Box<dyn Fn(&Seen<'_>) -> Option<(u16, String)> + Send + Sync>;

#[derive(Default)]
pub struct Log {
    /// Every POST's statement ids, in order.
    pub posts: Vec<Vec<Uuid>>,
    pub stored: HashMap<Uuid, Value>,
    /// The Authorization header of the last request.
    pub auth: Option<String>,
}

pub struct FakeLrs {
    pub url: String,
    pub log: Arc<Mutex<Log>>,
    server: Arc<tiny_http::Server>,
}

impl Drop for FakeLrs {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

impl FakeLrs {
    pub fn start(rule: impl Fn(&Seen<'_>) -> Option<(u16, String)> + Send + Sync + 'static) -> FakeLrs {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let log = Arc::new(Mutex::new(Log::default()));
        let rule: Rule = Box::new(rule);
        {
            let server = Arc::clone(&server);
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let mut body = String::new();
                    let _ = request.as_reader().read_to_string(&mut body);
                    let method = request.method().to_string();
                    let path = request.url().to_owned();
                    let auth = request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv("Authorization"))
                        .map(|h| h.value.to_string());
                    let statements: Vec<Value> = if method == "POST" {
                        serde_json::from_str(&body).unwrap_or_default()
                    } else {
                        Vec::new()
                    };
                    let ids: Vec<Uuid> = statements
                        .iter()
                        .filter_map(|s| s["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
                        .collect();
                    let posts = {
                        let mut log = log.lock().unwrap();
                        log.auth = auth;
                        if method == "POST" {
                            log.posts.push(ids.clone());
                        }
                        log.posts.len() - usize::from(method == "POST")
                    };
                    let seen = Seen {
                        method: &method,
                        path: &path,
                        ids: &ids,
                        posts,
                    };
                    let (status, answer) =
                        rule(&seen).unwrap_or_else(|| normal(&log, &method, &path, &statements));
                    let response = tiny_http::Response::from_string(answer).with_status_code(status);
                    let _ = request.respond(response);
                }
            });
        }
        FakeLrs {
            url: format!("http://127.0.0.1:{port}/xAPI"),
            log,
            server,
        }
    }

    /// Every statement id sent, in order, repeats included.
    pub fn posted(&self) -> Vec<Uuid> {
        self.log.lock().unwrap().posts.iter().flatten().copied().collect()
    }

    pub fn stored(&self) -> HashMap<Uuid, Value> {
        self.log.lock().unwrap().stored.clone()
    }
}

fn normal(log: &Mutex<Log>, method: &str, path: &str, statements: &[Value]) -> (u16, String) {
    match (method, path) {
        ("GET", "/xAPI/about") => (200, r#"{"version":["1.0.3"]}"#.to_owned()),
        ("GET", p) if p.starts_with("/xAPI/statements") => (200, r#"{"statements":[]}"#.to_owned()),
        ("POST", "/xAPI/statements") => {
            let mut log = log.lock().unwrap();
            let mut ids = Vec::new();
            for s in statements {
                let id = Uuid::parse_str(s["id"].as_str().unwrap_or_default()).unwrap();
                log.stored.insert(id, s.clone());
                ids.push(Value::String(id.to_string()));
            }
            (200, Value::Array(ids).to_string())
        }
        _ => (404, "not found".to_owned()),
    }
}

pub const DEVICE: Uuid = Uuid::from_u128(0x00d1_ce00_0000_4000_8000_0000_0000_0042);

/// A journal in `dir` with `learners` learners, each with a profile (no statement), a lesson viewed, a
/// quiz attempt with answers, a simulation (no statement) and a module completed; plus a deleted
/// learner's lesson (no statement). Returns the ids of the events that are statements.
pub fn journal(dir: &Path, learners: usize) -> Vec<Uuid> {
    let catalog = crate::common::catalog();
    let module = &catalog.modules[0].meta;
    let (m, lesson) = (module.id.clone(), module.lessons[0].id.clone());
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00.000+07:00").unwrap();
    let (mut journal, _) = Journal::open(dir, at).unwrap();
    let mut statements = Vec::new();
    let mut add = |learner, kind, statement: bool| {
        let event = Event::new(learner, DEVICE, at, kind);
        if statement {
            statements.push(event.id);
        }
        journal.append(&event).unwrap();
    };
    for i in 0..learners {
        let learner = Uuid::new_v4();
        add(
            learner,
            EventKind::LearnerCreated {
                name: format!("Nguyễn Văn Số {i}"),
                unit: Some("Xã Tân Hòa".into()),
                position: None,
            },
            false,
        );
        add(
            learner,
            EventKind::LessonViewed {
                module: m.clone(),
                lesson: lesson.clone(),
            },
            true,
        );
        add(
            learner,
            EventKind::QuizAttempted {
                module: m.clone(),
                score: 8,
                max: 10,
                passed: true,
                duration_s: 300,
                answers: vec![kynangso::records::event::AnswerRecord {
                    question: "q1".into(),
                    correct: true,
                    chosen: None,
                }],
            },
            true,
        );
        add(
            learner,
            EventKind::SimulationCompleted {
                module: m.clone(),
                simulation: "s".into(),
                mistakes: 0,
                duration_s: 60,
            },
            false,
        );
        add(learner, EventKind::ModuleCompleted { module: m.clone() }, true);
    }
    let gone = Uuid::new_v4();
    let created = EventKind::LearnerCreated {
        name: "Đã xóa".into(),
        unit: None,
        position: None,
    };
    add(gone, created, false);
    add(gone, EventKind::LearnerDeleted, false);
    add(gone, EventKind::LessonViewed { module: m, lesson }, false);
    statements
}
