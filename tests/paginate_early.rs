//! The paginator's early request: with prefetch, the next page is requested
//! as soon as its token is read from the end of the current page's body,
//! before that page is decoded. The decoded token is the one that counts: a
//! request made from a hint that disagrees with it is dropped and the right
//! page requested. Spawned requests leave the decoding to the stream, on the
//! consumer's task. (The rest of the paginator's behaviour is
//! tests/paginate.rs's, whose awkward tokens never give a hint.)

mod common;

use common::{Reply, Server, client};
use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sfn_lite::{Error, ErrorKind, Operation, Paginated};
use std::thread::ThreadId;

/// A listing whose page token travels as `cursor`, while its bodies also
/// end with a `nextToken` member: a decoy for the early read.
#[derive(Clone, Debug, Serialize)]
struct ListWidgets {
    #[serde(rename = "maxResults", skip_serializing_if = "Option::is_none")]
    max_results: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor: Option<String>,
}

#[derive(Debug, Deserialize)]
struct WidgetPage {
    widgets: Vec<u32>,
    cursor: Option<String>,
    /// The thread the page was decoded on.
    #[serde(skip, default = "this_thread")]
    decoded_on: ThreadId,
}

fn this_thread() -> ThreadId {
    std::thread::current().id()
}

impl Operation for ListWidgets {
    const NAME: &'static str = "ListWidgets";
    type Output = WidgetPage;

    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

impl Paginated for ListWidgets {
    type Item = u32;

    fn set_page_size(&mut self, size: i32) {
        self.max_results = Some(size);
    }

    fn next_token(&self) -> Option<&str> {
        self.cursor.as_deref()
    }

    fn set_next_token(&mut self, token: Option<String>) {
        self.cursor = token;
    }

    fn output_token(output: &WidgetPage) -> Option<&str> {
        output.cursor.as_deref()
    }

    fn into_items(output: WidgetPage) -> Vec<u32> {
        output.widgets
    }
}

/// What a request asked for: its `cursor`, or else its `nextToken`.
fn asked(request: &common::Recorded) -> Option<String> {
    let body = request.json().unwrap();
    let token = body.get("cursor").or_else(|| body.get("nextToken"))?;
    Some(token.as_str().expect("a string token").to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hint_the_decoded_page_disagrees_with_is_not_followed() {
    // Each page but the last ends with `"nextToken":"decoy-N"`; the real
    // token is `cursor`.
    let server = Server::with_handler(|request| {
        let body = match asked(request).as_deref() {
            None => r#"{"widgets":[0,1],"cursor":"c1","nextToken":"decoy-1"}"#,
            Some("c1") => r#"{"widgets":[2,3],"cursor":"c2","nextToken":"decoy-2"}"#,
            Some("c2") => r#"{"widgets":[4]}"#,
            Some(other) => {
                return Reply::service_error("InvalidToken", &format!("no page {other}"));
            }
        };
        Reply::ok(body)
    })
    .await;
    let client = client(&server);
    let items: Vec<u32> = client
        .request(ListWidgets { max_results: None, cursor: None })
        .into_paginator()
        .items()
        .try_collect()
        .await
        .expect("every widget, by the decoded cursors");
    assert_eq!(items, [0, 1, 2, 3, 4]);
    let asked: Vec<Option<String>> = server.requests().iter().map(asked).collect();
    for want in [None, Some("c1".to_owned()), Some("c2".to_owned())] {
        assert_eq!(asked.iter().filter(|a| **a == want).count(), 1, "{want:?} in {asked:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hint_that_agrees_is_the_one_request_for_the_next_page() {
    // Plain tokens at the end of the body, as the service sends them. The
    // first page is long, so the early request for the second reaches the
    // server while it decodes: were it not the one kept, the second page
    // would be asked for twice.
    let events: Vec<_> = (1..=20_000)
        .map(|id| {
            json!({"id": id, "previousEventId": id - 1, "timestamp": 1795559751.538,
                "type": "TaskStateEntered", "stateEnteredEventDetails": {"name": "Resize",
                "input": "{\"orderId\":7,\"key\":\"raw/img_000007.jpg\"}"}})
        })
        .collect();
    let server = Server::with_handler(move |request| {
        let body = request.json().unwrap();
        let page = match body.get("nextToken").and_then(|t| t.as_str()) {
            None => json!({"events": events, "nextToken": "AAAA1"}),
            Some("AAAA1") => json!({"events": [], "nextToken": "AAAA2"}),
            Some("AAAA2") => json!({"events": []}),
            Some(other) => {
                return Reply::service_error("InvalidToken", &format!("no page {other}"));
            }
        };
        Reply::ok(page.to_string())
    })
    .await;
    let client = client(&server);
    let pages: Vec<_> = client
        .get_execution_history("arn:aws:states:us-east-1:123456789012:execution:orders:run-1")
        .into_paginator()
        .pages()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(pages.len(), 3);
    let tokens: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.json().unwrap().get("nextToken").map(|t| t.as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(tokens, [None, Some("AAAA1".into()), Some("AAAA2".into())]);
}

fn widgets() -> ListWidgets {
    ListWidgets { max_results: None, cursor: None }
}

#[test]
fn pages_are_decoded_on_the_consumers_thread_not_the_prefetching_ones() {
    // The stream is polled on this thread, outside the runtime's workers,
    // where the page requests are spawned.
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async {
        let server = Server::with_handler(|request| {
            Reply::ok(match asked(request).as_deref() {
                None => r#"{"widgets":[0],"nextToken":"c1","cursor":"c1"}"#,
                _ => r#"{"widgets":[1]}"#,
            })
        })
        .await;
        let pages: Vec<WidgetPage> = client(&server)
            .request(widgets())
            .into_paginator()
            .pages()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(pages.len(), 2);
        for page in pages {
            assert_eq!(page.decoded_on, this_thread(), "page {:?}", page.widgets);
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_does_not_decode_ends_the_stream_with_the_calls_error() {
    let server = Server::start().await;
    server.push(Reply::ok(r#"{"widgets":[0],"cursor":"c1"}"#));
    // Retried once, then a body that is no page.
    server.push(Reply::json(500, r#"{"__type":"InternalServerError","message":"again"}"#));
    server.push(Reply::ok(r#"{"widgets":"none","cursor":"c2"}"#));
    let mut pages = client(&server).request(widgets()).into_paginator().pages();
    assert_eq!(pages.try_next().await.unwrap().unwrap().widgets, [0]);
    let error = pages.try_next().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode, "{error}");
    assert_eq!(error.operation(), Some("ListWidgets"));
    assert_eq!(error.attempts(), 2);
    assert!(pages.try_next().await.unwrap().is_none());
    assert_eq!(server.requests().len(), 3);
}
