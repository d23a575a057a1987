//! The fake's HTTP/1.1 server: it records each request, answers it as the
//! script, the raw handler or the [`World`](super::service::World) says,
//! and carries out the faults of [`Reply`].

use super::reply::{JSON_1_0, Reply};
use super::request::Request;
use super::{Shared, lock};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// A running server; dropping it stops it and closes its connections.
pub(crate) struct Server {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Server {
    /// Binds 127.0.0.1:0 and serves.
    pub(crate) async fn start(shared: Arc<Shared>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("the listener's address");
        let task = tokio::spawn(accept_loop(listener, shared));
        Self { addr, task }
    }

    /// The address it listens on.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    // Connections live in this set, so aborting the loop closes them too.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let shared = Arc::clone(&shared);
                let reset = Arc::new(AtomicBool::new(false));
                let conn = Conn { stream, reset: Arc::clone(&reset) };
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let shared = Arc::clone(&shared);
                        let reset = Arc::clone(&reset);
                        async move { respond(&shared, &reset, request).await }
                    });
                    // A client hanging up mid-exchange is not the fake's error.
                    let _ = http1::Builder::new().serve_connection(TokioIo::new(conn), service).await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

impl Shared {
    /// The scripted reply for `request` if one matches, its
    /// [`Reply::Normal`] resolved.
    fn reply_for(&self, request: &Request) -> Reply {
        let scripted = lock(&self.script).take(request);
        scripted.unwrap_or(Reply::Normal).resolve(|| self.normal(request))
    }

    /// The raw handler's answer, else the service's (also when the handler
    /// answers [`Reply::Normal`]).
    fn normal(&self, request: &Request) -> Reply {
        let handler = lock(&self.handler).clone();
        match handler {
            Some(handler) => handler(request).resolve(|| self.service(request)),
            None => self.service(request),
        }
    }

    /// The service's answer, with the headers the service sends.
    fn service(&self, request: &Request) -> Reply {
        let operation = request.operation().unwrap_or_default();
        let reply = lock(&self.world).handle(operation, &request.body, OffsetDateTime::now_utc());
        Reply::raw(reply.status, reply.body)
            .header("Content-Type", JSON_1_0)
            .header("x-amzn-RequestId", &crate::random::uuid_v4())
    }
}

/// Counts an answer dropped before it was ready: hyper drops [`respond`]
/// when the client hangs up mid-request.
struct Abandoned<'a>(&'a AtomicUsize);

impl Drop for Abandoned<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// A connection that, once its `reset` flag is set, closes with a TCP RST
/// (zero linger) rather than a FIN when hyper drops it.
struct Conn {
    stream: TcpStream,
    reset: Arc<AtomicBool>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            // Best effort: without it the client sees a FIN, still a fault.
            let _ = self.stream.set_zero_linger();
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// A response body that may fail part-way, so a fault can cut a response
/// off after some bytes (hyper then closes the connection).
type Body = BoxBody<Bytes, std::io::Error>;

/// How the body of an answer goes out.
enum Delivery {
    Whole,
    ResetAfter(usize),
    Truncated(usize),
    Slow(Duration),
}

async fn respond(
    shared: &Shared,
    reset: &Arc<AtomicBool>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Body>, std::io::Error> {
    let at = Instant::now();
    shared.count.fetch_add(1, Ordering::SeqCst);
    let abandoned = Abandoned(&shared.abandoned);
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes().to_vec(),
        Err(_) => Vec::new(),
    };
    let request = Request::received(
        parts.method.to_string(),
        parts.uri.path_and_query().map_or_else(|| "/".into(), |p| p.as_str().into()),
        parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into()))
            .collect(),
        body,
        at,
        Arc::clone(&shared.known),
    );
    let mut reply = shared.reply_for(&request);
    lock(&shared.requests).push(request);
    let mut delivery = Delivery::Whole;
    loop {
        match reply {
            Reply::Delay(delay, inner) => {
                tokio::time::sleep(delay).await;
                reply = *inner;
            }
            Reply::ResetAfter(n, inner) => (delivery, reply) = (Delivery::ResetAfter(n), *inner),
            Reply::Truncated(n, inner) => (delivery, reply) = (Delivery::Truncated(n), *inner),
            Reply::SlowBody(d, inner) => (delivery, reply) = (Delivery::Slow(d), *inner),
            // `reply_for` resolved every `Normal` already.
            Reply::Normal => reply = Reply::raw(500, ""),
            Reply::Hangup => {
                reset.store(true, Ordering::SeqCst);
                std::mem::forget(abandoned);
                return Err(std::io::Error::other("scripted hang-up"));
            }
            Reply::Http { status, headers, body } => {
                // Answered: not abandoned.
                std::mem::forget(abandoned);
                return Ok(response(status, headers, body, delivery, reset));
            }
        }
    }
}

fn response(
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delivery: Delivery,
    reset: &Arc<AtomicBool>,
) -> hyper::Response<Body> {
    let full_length = body.len();
    let mut response = hyper::Response::new(body_for(body, delivery, reset));
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in headers {
        // A header that HTTP cannot carry is left out rather than panicking
        // inside the server's task, where no test would see the panic.
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::from_bytes(name.as_bytes()),
            hyper::header::HeaderValue::from_str(&value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    // A streamed body would go chunked; announce the whole length so a
    // cut-off body is visibly short.
    response
        .headers_mut()
        .entry(hyper::header::CONTENT_LENGTH)
        .or_insert_with(|| full_length.into());
    response
}

fn body_for(body: Vec<u8>, delivery: Delivery, reset: &Arc<AtomicBool>) -> Body {
    use futures::stream::{self, StreamExt};
    let body = Bytes::from(body);
    let prefix = |n: usize| Ok(Frame::data(body.slice(..n.min(body.len()))));
    match delivery {
        Delivery::Whole => Full::new(body).map_err(|never| match never {}).boxed(),
        Delivery::ResetAfter(n) => {
            let reset = Arc::clone(reset);
            let fail = stream::once(async move {
                // Let hyper flush the prefix before the connection dies.
                tokio::time::sleep(Duration::from_millis(20)).await;
                reset.store(true, Ordering::SeqCst);
                Err(std::io::Error::other("scripted reset"))
            });
            BoxBody::new(StreamBody::new(stream::iter([prefix(n)]).chain(fail)))
        }
        Delivery::Truncated(n) => {
            // Pause before ending, so hyper sends the prefix before it notices
            // the body is short and closes the connection.
            let pause = stream::once(tokio::time::sleep(Duration::from_millis(20)))
                .filter_map(|()| async { None });
            BoxBody::new(StreamBody::new(stream::iter([prefix(n)]).chain(pause)))
        }
        Delivery::Slow(delay) => {
            let later = stream::once(async move {
                tokio::time::sleep(delay).await;
                Ok(Frame::data(body))
            });
            BoxBody::new(StreamBody::new(later))
        }
    }
}
