//! An in-process fake Step Functions for your own tests (feature `testing`):
//! [`FakeSfn::start`] serves the service's operations on 127.0.0.1 from
//! state you seed with the crate's own types, and [`FakeSfn::client`] is a
//! [`Client`] pointed at it.
//!
//! It runs no state machine: executions stay as seeded (or as the
//! operations you send leave them) until the test changes them.

pub mod seed;
mod server;
mod service;

use crate::client::Client;
use aws_credential_types::Credentials;
use server::Server;
use service::World;
use std::sync::{Arc, Mutex, MutexGuard};

/// The region the fake's clients sign for.
pub const REGION: &str = "us-east-1";

/// An in-process fake Step Functions on 127.0.0.1. Dropping it stops the
/// server and closes its connections.
pub struct FakeSfn {
    world: Arc<Mutex<World>>,
    server: Server,
}

impl FakeSfn {
    /// Starts a fake with no state on an OS-chosen port of 127.0.0.1.
    pub async fn start() -> Self {
        let world = Arc::new(Mutex::new(World::default()));
        let server = Server::start(Arc::clone(&world)).await;
        Self { world, server }
    }

    /// `http://127.0.0.1:<port>`, for [`ClientBuilder::endpoint_url`](crate::ClientBuilder::endpoint_url).
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// The credentials [`client`](Self::client) signs with (dummy ones).
    pub fn credentials(&self) -> Credentials {
        Credentials::new("AKIDFAKESFN", "fake-sfn-secret", None, None, "sfn-lite fake")
    }

    /// A client pointed at the fake, signing with [`credentials`](Self::credentials)
    /// for [`REGION`].
    pub fn client(&self) -> Client {
        Client::builder()
            .region(REGION)
            .endpoint_url(self.url())
            .credentials_provider(self.credentials())
            .build()
            .expect("a client for the fake: its settings are all valid")
    }

    /// The fake's state, locked.
    #[allow(dead_code)]
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }
}

/// Locks `m`, ignoring poisoning: a test that panicked while holding the
/// lock must not hide the state from the next assertion.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
