//! HTTP to an LRS: Basic auth, `X-Experience-API-Version: 1.0.3`, bounded waits and answers, proxies from
//! `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` (ureq reads them), TLS with the bundled Mozilla roots (an old
//! Windows PC's own store may lack today's roots). An HTTP status is an answer, never an error here:
//! what it means is `push`'s business.

use std::io::Read as _;
use std::time::Duration;

use base64::Engine as _;

use super::endpoint::Endpoint;

/// The xAPI version sent and expected.
pub const XAPI_VERSION: &str = "1.0.3";

/// More than this of an answer is not read (an LRS answers a POST with a list of ids; a misconfigured
/// server may send a film).
const MAX_ANSWER: u64 = 4 << 20;

/// How long to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To connect (DNS, TCP, TLS).
    pub connect: Duration,
    /// For a whole request and its answer.
    pub answer: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(20),
            answer: Duration::from_secs(120),
        }
    }
}

/// What the LRS answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// The body as text (invalid UTF-8 replaced), at most [`MAX_ANSWER`] bytes.
    pub body: String,
    /// The `X-Experience-API-Version` header, if any.
    pub version: Option<String>,
}

/// Why no answer came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpProblem {
    /// The name does not resolve (a typo, or no network at all).
    HostNotFound,
    /// Nothing listens there, or the network is down.
    Refused,
    /// No answer in time.
    Timeout,
    /// TLS failed: an expired, self-signed or wrong-name certificate, or no common protocol.
    Certificate,
    /// The proxy refused or could not be reached.
    Proxy,
    /// The answer was not HTTP, or broke off.
    Garbage,
    /// Anything else (the text is for the log).
    Other(String),
}

impl std::fmt::Display for HttpProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpProblem::HostNotFound => f.write_str("host not found"),
            HttpProblem::Refused => f.write_str("connection refused"),
            HttpProblem::Timeout => f.write_str("timed out"),
            HttpProblem::Certificate => f.write_str("TLS or certificate error"),
            HttpProblem::Proxy => f.write_str("proxy failed"),
            HttpProblem::Garbage => f.write_str("not an HTTP answer"),
            HttpProblem::Other(s) => f.write_str(s),
        }
    }
}

fn problem(e: &ureq::Error) -> HttpProblem {
    use std::io::ErrorKind;
    match e {
        ureq::Error::HostNotFound => HttpProblem::HostNotFound,
        ureq::Error::ConnectionFailed => HttpProblem::Refused,
        ureq::Error::Timeout(_) => HttpProblem::Timeout,
        // rustls reports a failed handshake (a bad certificate, a server that does not speak TLS) as an
        // I/O error holding its own.
        ureq::Error::Io(io)
            if io
                .get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<rustls::Error>) =>
        {
            HttpProblem::Certificate
        }
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::NotConnected
            | ErrorKind::NetworkUnreachable
            | ErrorKind::HostUnreachable
            | ErrorKind::AddrNotAvailable => HttpProblem::Refused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => HttpProblem::Timeout,
            ErrorKind::UnexpectedEof | ErrorKind::InvalidData => HttpProblem::Garbage,
            _ => HttpProblem::Other(e.to_string()),
        },
        ureq::Error::Tls(_) | ureq::Error::Pem(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired => {
            HttpProblem::Certificate
        }
        ureq::Error::ConnectProxyFailed(_) | ureq::Error::InvalidProxyUrl => HttpProblem::Proxy,
        ureq::Error::Protocol(_)
        | ureq::Error::BodyStalled
        | ureq::Error::LargeResponseHeader(..)
        | ureq::Error::BodyExceedsLimit(_) => HttpProblem::Garbage,
        _ => HttpProblem::Other(e.to_string()),
    }
}

/// A connection setting for one LRS. Cheap to clone; one per worker.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    endpoint: Endpoint,
    /// `Basic …`, or none when no user is set.
    auth: Option<String>,
}

impl std::fmt::Debug for Client {
    // Never the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("auth", &self.auth.is_some())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for `endpoint`, with Basic auth when `user` is not empty.
    #[must_use]
    pub fn new(endpoint: Endpoint, user: &str, password: &str, timeouts: Timeouts) -> Client {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(timeouts.connect))
            .timeout_global(Some(timeouts.answer))
            .user_agent(concat!("kynangso/", env!("CARGO_PKG_VERSION")))
            .build();
        let auth = (!user.is_empty()).then(|| {
            let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            format!("Basic {token}")
        });
        Client {
            agent: config.into(),
            endpoint,
            auth,
        }
    }

    /// The endpoint.
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// POSTs a JSON array of statements (already serialised) to `<endpoint>/statements`.
    ///
    /// # Errors
    /// [`HttpProblem`] when no HTTP answer came.
    pub fn post_statements(&self, body: &[u8]) -> Result<Reply, HttpProblem> {
        let mut request = self
            .agent
            .post(self.endpoint.join("statements"))
            .header("X-Experience-API-Version", XAPI_VERSION)
            .content_type("application/json");
        if let Some(auth) = &self.auth {
            request = request.header("Authorization", auth);
        }
        reply(request.send(body))
    }

    /// GETs `<endpoint>/<resource>` (a path with its query).
    ///
    /// # Errors
    /// [`HttpProblem`] when no HTTP answer came.
    pub fn get(&self, resource: &str) -> Result<Reply, HttpProblem> {
        self.get_url(&self.endpoint.join(resource))
    }

    /// GETs an absolute URL on the LRS (a `more` link made absolute).
    ///
    /// # Errors
    /// [`HttpProblem`] when no HTTP answer came.
    pub fn get_url(&self, url: &str) -> Result<Reply, HttpProblem> {
        let mut request = self
            .agent
            .get(url)
            .header("X-Experience-API-Version", XAPI_VERSION);
        if let Some(auth) = &self.auth {
            request = request.header("Authorization", auth);
        }
        reply(request.call())
    }
}

fn reply(sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Reply, HttpProblem> {
    let mut response = sent.map_err(|e| problem(&e))?;
    let status = response.status().as_u16();
    let version = response
        .headers()
        .get("X-Experience-API-Version")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut bytes = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_ANSWER)
        .read_to_end(&mut bytes)
        .map_err(|e| problem(&ureq::Error::Io(e)))?;
    Ok(Reply {
        status,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        version,
    })
}
