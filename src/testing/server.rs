//! The fake's HTTP/1.1 server: it reads each request and answers with what
//! the [`World`] says.

use super::lock;
use super::service::World;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use time::OffsetDateTime;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// The `X-Amz-Target` prefix of every Step Functions operation.
const TARGET_PREFIX: &str = "AWSStepFunctions.";

/// A running server; dropping it stops it.
pub(crate) struct Server {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Server {
    /// Binds 127.0.0.1:0 and serves `world`.
    pub(crate) async fn start(world: Arc<Mutex<World>>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("the listener's address");
        let task = tokio::spawn(accept_loop(listener, world));
        Self { addr, task }
    }

    /// `http://127.0.0.1:<port>`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, world: Arc<Mutex<World>>) {
    // Connections live in this set, so aborting the loop closes them too.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let world = Arc::clone(&world);
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let world = Arc::clone(&world);
                        async move { respond(&world, request).await }
                    });
                    // A client hanging up mid-exchange is not the fake's error.
                    let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn respond(
    world: &Mutex<World>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let operation = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix(TARGET_PREFIX))
        .unwrap_or_default()
        .to_owned();
    let reply = lock(world).handle(&operation, &body, OffsetDateTime::now_utc());
    let mut response = hyper::Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() = hyper::StatusCode::from_u16(reply.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        hyper::header::HeaderValue::from_static("application/x-amz-json-1.0"),
    );
    Ok(response)
}
