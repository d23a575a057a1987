//! The default TLS stack (rustls on `ring`, set up without touching rustls'
//! process-wide provider) really runs a handshake, and a failed one is a
//! clean transport error, never a panic.

mod common;

use sfn_lite::{Client, ErrorKind};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

#[tokio::test]
async fn a_failed_tls_handshake_is_a_transport_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("an address").port();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("the client connects");
        // Not a TLS server: answer the ClientHello with plain HTTP.
        let _ = socket.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
    });

    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(format!("https://127.0.0.1:{port}"))
        .credentials_provider(common::plain_credentials())
        .max_attempts(1)
        .build()
        .expect("a client with the default TLS stack");
    let e = client.describe_map_run("arn:aws:states:us-east-1:1:mapRun:a/b:c").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    server.await.expect("the server saw the handshake");
}
