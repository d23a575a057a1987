//! The paginator, for each paginated operation (ListMapRuns, ListExecutions,
//! GetExecutionHistory, ListStateMachines, ListActivities: those the service
//! model gives a paginator, per `fixtures/paginated-operations.json`, checked
//! against the model when it is present; and ListStateMachineVersions and
//! ListStateMachineAliases, which page by `nextToken` without one): pages and
//! items in order and exactly once, `maxResults` and the other arguments on
//! every request, page tokens sent
//! back verbatim, the ways a listing ends (no token, an empty token, a
//! repeated token, an error), page sizes outside 1 to 1000 refused unsent,
//! laziness, cancellation, `Send + 'static`, and prefetch overlapping the
//! consumer's work.
//!
//! Every scenario is a generic function over [`Case`]; [`suite!`] runs each
//! one for each operation, and checks that its operations are exactly the
//! paginated ones. To add an operation, implement [`Case`] for its input and
//! add one line to the `suite!` call.

mod common;

use common::{
    Recorded, Reply, Server, assert_request, client, model, offline_client, plain_credentials,
};
use futures::{Stream, StreamExt, TryStreamExt};
use serde_json::{Value, json};
use sfn_lite::operations::{
    ActivityListItem, ExecutionListItem, GetExecutionHistoryInput, ListActivitiesInput,
    ListExecutionsInput, ListMapRunsInput, ListStateMachineAliasesInput,
    ListStateMachineVersionsInput, ListStateMachinesInput, MapRunListItem,
    StateMachineAliasListItem, StateMachineListItem, StateMachineVersionListItem,
};
use sfn_lite::types::{ExecutionRedriveFilter, ExecutionStatus, HistoryEvent, HistoryEventType};
use sfn_lite::{Client, ErrorCode, ErrorKind, Operation, Paginated, RequestBuilder};
use std::collections::HashMap;
use std::future::Future;
use std::ops::Range;
use std::time::{Duration, Instant};

const EXECUTION_ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
const STATE_MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const ACTIVITY_ARN: &str = "arn:aws:states:us-east-1:123456789012:activity:resize-images";
const MAP_RUN_ARN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9";

/// How long to wait for something that should happen at once; only a broken
/// paginator (or a hung machine) ever waits this long.
const PATIENCE: Duration = Duration::from_secs(10);

/// What the suite needs to know about one paginated operation.
trait Case: Paginated {
    /// The output member that holds a page's items.
    const ITEMS: &'static str;

    /// A request with every argument but `maxResults` and `nextToken` set,
    /// so the suite can check that each page request repeats them.
    fn request(client: &Client) -> RequestBuilder<Self>;

    /// Item `n` as the service sends it; distinct for every `n`.
    fn item(n: usize) -> Value;

    /// The `n` that [`Case::item`] built a decoded item from.
    fn index(item: &Self::Item) -> usize;
}

/// The number after the last `-` of an identifier built by [`Case::item`].
fn suffix(id: &str) -> usize {
    id.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("no index: {id}"))
}

impl Case for ListMapRunsInput {
    const ITEMS: &'static str = "mapRuns";

    fn request(client: &Client) -> RequestBuilder<Self> {
        client.list_map_runs(EXECUTION_ARN)
    }

    fn item(n: usize) -> Value {
        json!({
            "executionArn": EXECUTION_ARN,
            "mapRunArn": format!("{MAP_RUN_ARN}-{n}"),
            "stateMachineArn": STATE_MACHINE_ARN,
            "startDate": 1_795_559_751.538,
            "stopDate": 1_795_559_812,
        })
    }

    fn index(item: &MapRunListItem) -> usize {
        suffix(&item.map_run_arn)
    }
}

impl Case for GetExecutionHistoryInput {
    const ITEMS: &'static str = "events";

    fn request(client: &Client) -> RequestBuilder<Self> {
        client.get_execution_history(EXECUTION_ARN).include_execution_data(false)
    }

    fn item(n: usize) -> Value {
        json!({
            "id": n + 1,
            "previousEventId": n,
            "timestamp": 1_795_559_751.538,
            "type": "TaskStateEntered",
            "stateEnteredEventDetails": {"name": "ProcessItem", "input": "{\"orderId\":42}"}
        })
    }

    fn index(e: &HistoryEvent) -> usize {
        usize::try_from(e.id - 1).unwrap_or(usize::MAX)
    }
}

impl Case for ListExecutionsInput {
    const ITEMS: &'static str = "executions";

    fn request(client: &Client) -> RequestBuilder<Self> {
        client
            .list_executions()
            .state_machine_arn(STATE_MACHINE_ARN)
            .status_filter(ExecutionStatus::Failed)
            .redrive_filter(ExecutionRedriveFilter::NotRedriven)
    }

    fn item(n: usize) -> Value {
        json!({
            "executionArn": format!("{EXECUTION_ARN}-{n}"),
            "stateMachineArn": STATE_MACHINE_ARN,
            "name": format!("run-{n}"),
            "status": "FAILED",
            "startDate": 1_795_559_751.538,
            "stopDate": 1_795_559_752.9,
        })
    }

    fn index(item: &ExecutionListItem) -> usize {
        suffix(&item.name)
    }
}

impl Case for ListStateMachinesInput {
    const ITEMS: &'static str = "stateMachines";

    /// ListStateMachines takes no argument but the page size and token.
    fn request(client: &Client) -> RequestBuilder<Self> {
        client.list_state_machines()
    }

    fn item(n: usize) -> Value {
        json!({
            "stateMachineArn": format!("{STATE_MACHINE_ARN}-{n}"),
            "name": format!("machine-{n}"),
            "type": if n % 2 == 0 { "STANDARD" } else { "EXPRESS" },
            "creationDate": 1_795_559_751.538,
        })
    }

    fn index(item: &StateMachineListItem) -> usize {
        suffix(&item.name)
    }
}

impl Case for ListActivitiesInput {
    const ITEMS: &'static str = "activities";

    /// ListActivities takes no argument but the page size and token.
    fn request(client: &Client) -> RequestBuilder<Self> {
        client.list_activities()
    }

    fn item(n: usize) -> Value {
        json!({
            "activityArn": format!("{ACTIVITY_ARN}-{n}"),
            "name": format!("activity-{n}"),
            "creationDate": 1_795_559_751.538,
        })
    }

    fn index(item: &ActivityListItem) -> usize {
        suffix(&item.name)
    }
}

impl Case for ListStateMachineVersionsInput {
    const ITEMS: &'static str = "stateMachineVersions";

    fn request(client: &Client) -> RequestBuilder<Self> {
        client.list_state_machine_versions(STATE_MACHINE_ARN)
    }

    fn item(n: usize) -> Value {
        json!({
            "stateMachineVersionArn": format!("{STATE_MACHINE_ARN}:{n}"),
            "creationDate": 1_795_559_751.538,
        })
    }

    fn index(item: &StateMachineVersionListItem) -> usize {
        let arn = &item.state_machine_version_arn;
        arn.rsplit(':').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{arn}"))
    }
}

impl Case for ListStateMachineAliasesInput {
    const ITEMS: &'static str = "stateMachineAliases";

    fn request(client: &Client) -> RequestBuilder<Self> {
        client.list_state_machine_aliases(STATE_MACHINE_ARN)
    }

    fn item(n: usize) -> Value {
        json!({
            "stateMachineAliasArn": format!("{STATE_MACHINE_ARN}:alias-{n}"),
            "creationDate": 1_795_559_751.538,
        })
    }

    fn index(item: &StateMachineAliasListItem) -> usize {
        suffix(&item.state_machine_alias_arn)
    }
}

// ---------------------------------------------------------------------------
// A service that pages.

/// The body of a page holding items `items`, followed by `next`.
fn page<O: Case>(items: Range<usize>, next: Option<&str>) -> Value {
    let items: Vec<Value> = items.map(O::item).collect();
    let mut body = json!({ O::ITEMS: items });
    if let Some(token) = next {
        body["nextToken"] = json!(token);
    }
    body
}

/// A 200 reply with `body`.
fn ok(body: &Value) -> Reply {
    Reply::ok(body.to_string())
}

/// The token after page `n`: awkward characters a paginator must not
/// re-encode, trim or touch.
fn token(n: usize) -> String {
    format!("AAAA+/== \"page\" {n}\\ é ✓ ")
}

/// The `nextToken` a recorded request sent.
fn sent_token(request: &Recorded) -> Option<String> {
    request.json().unwrap().get("nextToken").map(|t| t.as_str().expect("a string token").to_owned())
}

/// A server that answers by the request's `nextToken` (`None` for the first
/// page) and refuses a token it does not know.
async fn serve(replies: Vec<(Option<String>, Reply)>) -> Server {
    let replies: HashMap<Option<String>, Reply> = replies.into_iter().collect();
    Server::with_handler(move |request| {
        let token = sent_token(request);
        replies.get(&token).cloned().unwrap_or_else(|| {
            Reply::service_error("InvalidToken", &format!("no page for token {token:?}"))
        })
    })
    .await
}

/// A server with `sizes.len()` pages of `sizes[i]` items each, linked by
/// [`token`], every reply after `delay`.
async fn serve_pages<O: Case>(sizes: &[usize], delay: Duration) -> Server {
    let mut replies = Vec::new();
    let mut start = 0;
    for (n, size) in sizes.iter().enumerate() {
        let sent = n.checked_sub(1).map(token);
        let next = (n + 1 < sizes.len()).then(|| token(n));
        let body = page::<O>(start..start + size, next.as_deref());
        replies.push((sent, ok(&body).delayed(delay)));
        start += size;
    }
    serve(replies).await
}

/// The paginator for [`Case::request`] against `server`.
fn paginator<O: Case>(server: &Server) -> sfn_lite::Paginator<O> {
    O::request(&client(server)).into_paginator()
}

/// More items than any scenario serves: a paginator that loops stops here.
const RUNAWAY: usize = 50_000;

/// Drains `items`, returning the indexes of the items before the first
/// error, and that error.
async fn drain<O: Case>(
    mut items: impl Stream<Item = Result<O::Item, sfn_lite::Error>> + Unpin,
) -> (Vec<usize>, Option<sfn_lite::Error>) {
    let mut seen = Vec::new();
    while let Some(item) = items.next().await {
        match item {
            Ok(item) => {
                seen.push(O::index(&item));
                assert!(seen.len() <= RUNAWAY, "the paginator does not stop");
            }
            Err(e) => {
                assert!(items.next().await.is_none(), "the stream goes on after an error");
                return (seen, Some(e));
            }
        }
    }
    (seen, None)
}

/// Polls `done` until it holds or [`PATIENCE`] runs out; returns whether it
/// held.
async fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + PATIENCE;
    while !done() {
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    true
}

/// Waits long enough for a request that should not happen to show up: the
/// negative checks can only pass wrongly on a slow machine, never fail.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(150)).await;
}

/// The request body without the members that change from page to page.
fn fixed_members(body: &Value) -> Value {
    let mut body = body.clone();
    let members = body.as_object_mut().expect("a JSON object body");
    members.remove("nextToken");
    members.remove("maxResults");
    body
}

/// Asserts that the requests are well-formed calls of `O`, each repeating
/// the arguments of [`Case::request`], with `maxResults` = `page_size`, the
/// first without a token and each next one with the previous page's token.
fn assert_page_requests<O: Case>(requests: &[Recorded], page_size: Option<i32>) {
    let arguments =
        serde_json::to_value(O::request(&offline_client()).as_input()).expect("input JSON");
    for (n, request) in requests.iter().enumerate() {
        assert_request(request, O::NAME, &plain_credentials());
        let body = request.json().unwrap();
        assert_eq!(fixed_members(&body), arguments, "request {n}");
        assert_eq!(body.get("maxResults"), page_size.map(|s| json!(s)).as_ref(), "request {n}");
        assert_eq!(sent_token(request), n.checked_sub(1).map(token), "request {n}");
    }
}

// ---------------------------------------------------------------------------
// The scenarios.

async fn a_single_page_is_one_request<O: Case>() {
    let server = serve_pages::<O>(&[3], Duration::ZERO).await;
    let (items, error) = drain::<O>(paginator::<O>(&server).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items, vec![0, 1, 2]);
    settle().await;
    assert_eq!(server.request_count(), 1);
    assert_page_requests::<O>(&server.requests(), None);
}

async fn many_pages_give_every_item_in_order_exactly_once<O: Case>() {
    let server = serve_pages::<O>(&[4, 4, 4, 4, 2], Duration::ZERO).await;
    let (items, error) = drain::<O>(paginator::<O>(&server).page_size(4).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items, (0..18).collect::<Vec<_>>());
    settle().await;
    assert_eq!(server.request_count(), 5);
}

async fn pages_come_whole_and_in_order<O: Case>() {
    let server = serve_pages::<O>(&[2, 3, 1], Duration::ZERO).await;
    let pages: Vec<O::Output> =
        paginator::<O>(&server).pages().try_collect().await.expect("every page");
    let pages: Vec<Vec<usize>> =
        pages.into_iter().map(|page| O::into_items(page).iter().map(O::index).collect()).collect();
    assert_eq!(pages, vec![vec![0, 1], vec![2, 3, 4], vec![5]]);
}

async fn every_request_repeats_the_arguments_page_size_and_previous_token<O: Case>() {
    let server = serve_pages::<O>(&[7, 7, 7, 3], Duration::ZERO).await;
    let (items, error) = drain::<O>(paginator::<O>(&server).page_size(7).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), 24);
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    assert_page_requests::<O>(&requests, Some(7));
}

async fn page_sizes_outside_1_to_1000_are_refused_unsent<O: Case>() {
    let server = serve_pages::<O>(&[1], Duration::ZERO).await;
    for size in [0, 1001, -1, i32::MIN, i32::MAX] {
        let (items, error) = drain::<O>(paginator::<O>(&server).page_size(size).items()).await;
        assert!(items.is_empty(), "page size {size}");
        let error = error.unwrap_or_else(|| panic!("page size {size} is accepted"));
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "page size {size}: {error}");
        assert_eq!(error.operation(), Some(O::NAME));
        assert!(error.to_string().contains("maxResults"), "{error}");

        let mut pages = paginator::<O>(&server).page_size(size).pages();
        let error = pages.next().await.expect("an error").err().expect("an error");
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "page size {size}: {error}");
        assert!(pages.next().await.is_none());
    }
    for size in [1, 1000] {
        let (items, error) = drain::<O>(paginator::<O>(&server).page_size(size).items()).await;
        assert!(error.is_none(), "page size {size}: {error:?}");
        assert_eq!(items, vec![0]);
    }
    settle().await;
    assert_eq!(server.request_count(), 2, "only the valid sizes sent requests");
}

async fn an_empty_page_with_a_token_is_followed<O: Case>() {
    let server = serve(vec![
        (None, ok(&page::<O>(0..2, Some(&token(0))))),
        (Some(token(0)), ok(&page::<O>(2..2, Some(&token(1))))),
        (Some(token(1)), ok(&page::<O>(2..2, Some(&token(2))))),
        (Some(token(2)), ok(&page::<O>(2..5, None))),
    ])
    .await;
    let (items, error) = drain::<O>(paginator::<O>(&server).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items, vec![0, 1, 2, 3, 4]);
    assert_eq!(server.request_count(), 4);
}

async fn an_empty_token_ends_the_listing<O: Case>() {
    let server = serve(vec![(None, ok(&page::<O>(0..3, Some(""))))]).await;
    let (items, error) = drain::<O>(paginator::<O>(&server).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items, vec![0, 1, 2]);
    settle().await;
    assert_eq!(server.request_count(), 1);
}

async fn a_repeated_token_is_one_pagination_error_then_the_end<O: Case>() {
    // The second page hands back the token it was requested with.
    let server = serve(vec![
        (None, ok(&page::<O>(0..2, Some(&token(0))))),
        (Some(token(0)), ok(&page::<O>(2..4, Some(&token(0))))),
    ])
    .await;
    let (items, error) = drain::<O>(paginator::<O>(&server).items()).await;
    assert_eq!(items, vec![0, 1, 2, 3]);
    let error = error.expect("a pagination error");
    assert_eq!(error.kind(), ErrorKind::Pagination, "{error}");
    assert_eq!(error.operation(), Some(O::NAME));
    settle().await;
    assert_eq!(server.request_count(), 2);

    server.reset();
    let mut pages = paginator::<O>(&server).pages();
    assert!(pages.try_next().await.expect("page 1").is_some());
    assert!(pages.try_next().await.expect("page 2").is_some());
    let error = pages.next().await.expect("an error").err().expect("an error");
    assert_eq!(error.kind(), ErrorKind::Pagination, "{error}");
    assert!(pages.next().await.is_none());
    settle().await;
    assert_eq!(server.request_count(), 2);
}

async fn a_service_error_on_page_3_ends_the_listing_after_pages_1_and_2<O: Case>() {
    let server = serve(vec![
        (None, ok(&page::<O>(0..2, Some(&token(0))))),
        (Some(token(0)), ok(&page::<O>(2..4, Some(&token(1))))),
        (Some(token(1)), Reply::service_error("InvalidToken", "the token has expired")),
        (Some(token(2)), ok(&page::<O>(4..6, None))),
    ])
    .await;
    let (items, error) = drain::<O>(paginator::<O>(&server).items()).await;
    assert_eq!(items, vec![0, 1, 2, 3]);
    let error = error.expect("the service error");
    assert_eq!(error.kind(), ErrorKind::Service, "{error}");
    assert_eq!(error.code(), Some(&ErrorCode::InvalidToken));
    assert_eq!(error.message(), Some("the token has expired"));
    assert_eq!(error.operation(), Some(O::NAME));
    settle().await;
    assert_eq!(server.request_count(), 3);
}

async fn nothing_is_sent_before_the_first_poll<O: Case>() {
    let server = serve_pages::<O>(&[2, 2], Duration::ZERO).await;
    let built = paginator::<O>(&server).page_size(2);
    let mut items = built.items();
    let pages = paginator::<O>(&server).pages();
    settle().await;
    assert_eq!(server.request_count(), 0);
    drop(pages);

    let first = items.try_next().await.expect("an item").expect("an item");
    assert_eq!(O::index(&first), 0);
    assert!(server.request_count() >= 1);
}

async fn dropping_the_stream_cancels_the_prefetch_in_flight<O: Case>() {
    // The second page takes far longer than the test: it only ends early if
    // the request is cancelled.
    let server = serve(vec![
        (None, ok(&page::<O>(0..2, Some(&token(0))))),
        (Some(token(0)), ok(&page::<O>(2..4, None)).delayed(PATIENCE * 3)),
    ])
    .await;
    let mut items = paginator::<O>(&server).items();
    let first = items.try_next().await.expect("an item").expect("an item");
    assert_eq!(O::index(&first), 0);
    assert!(wait_until(|| server.request_count() == 2).await, "page 2 is not prefetched");

    drop(items);
    assert!(
        wait_until(|| server.abandoned_count() == 1).await,
        "the request for page 2 is still in flight after the stream was dropped"
    );
    settle().await;
    assert_eq!(server.request_count(), 2, "requests went on after the stream was dropped");
}

async fn the_stream_is_send_and_static<O: Case>() {
    fn send_static<T: Send + 'static>(t: T) -> T {
        t
    }
    let server = serve_pages::<O>(&[3, 3, 1], Duration::ZERO).await;
    let items = send_static(paginator::<O>(&server).items());
    let items = tokio::spawn(async move { items.try_collect::<Vec<O::Item>>().await })
        .await
        .expect("the task")
        .expect("every item");
    assert_eq!(items.iter().map(O::index).collect::<Vec<_>>(), (0..7).collect::<Vec<_>>());

    let pages = send_static(paginator::<O>(&server).pages());
    let pages = tokio::spawn(pages.try_collect::<Vec<O::Output>>()).await.expect("the task");
    assert_eq!(pages.expect("every page").len(), 3);
}

async fn without_prefetch_the_next_page_waits_for_the_consumer<O: Case>() {
    let server = serve_pages::<O>(&[2, 2, 2], Duration::ZERO).await;
    let mut pages = paginator::<O>(&server).prefetch(false).pages();
    for n in 1..=3 {
        assert!(pages.try_next().await.expect("a page").is_some());
        settle().await;
        assert_eq!(server.request_count(), n, "page {n}");
    }
    assert!(pages.try_next().await.expect("the end").is_none());
    assert_eq!(server.request_count(), 3);

    // With prefetch (the default) the next page is requested unasked.
    server.reset();
    let mut pages = paginator::<O>(&server).pages();
    assert!(pages.try_next().await.expect("a page").is_some());
    assert!(wait_until(|| server.request_count() == 2).await, "page 2 is not prefetched");
}

async fn a_finished_stream_stays_finished<O: Case>() {
    let server = serve_pages::<O>(&[2, 1], Duration::ZERO).await;
    let mut items = paginator::<O>(&server).items();
    assert_eq!(items.by_ref().try_collect::<Vec<_>>().await.expect("every item").len(), 3);
    let mut pages = paginator::<O>(&server).pages();
    assert_eq!(pages.by_ref().try_collect::<Vec<_>>().await.expect("every page").len(), 2);
    let mut failed = paginator::<O>(&server).page_size(0).items();
    assert!(failed.next().await.expect("an error").is_err());
    for _ in 0..3 {
        assert!(items.next().await.is_none());
        assert!(pages.next().await.is_none());
        assert!(failed.next().await.is_none());
    }
    assert_eq!(server.request_count(), 4);
}

async fn ten_thousand_items_in_pages_of_1000_arrive_whole<O: Case>() {
    let server = serve_pages::<O>(&[1000; 10], Duration::ZERO).await;
    let (items, error) = drain::<O>(paginator::<O>(&server).page_size(1000).items()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), 10_000);
    assert!(items.iter().copied().eq(0..10_000), "items out of order, missing or repeated");
    assert_eq!(server.request_count(), 10);
}

/// Consumes five pages, each served 50 ms late, "working" 50 ms on each
/// (not polling the stream). Returns when the consumer finished each page,
/// and the requests.
async fn consume_slowly<O: Case>(prefetch: bool) -> (Vec<Instant>, Vec<Recorded>) {
    const PAGES: usize = 5;
    let work = Duration::from_millis(50);
    let server = serve_pages::<O>(&[2; PAGES], work).await;
    let mut pages = paginator::<O>(&server).prefetch(prefetch).pages();
    let mut finished = Vec::new();
    while let Some(page) = pages.try_next().await.expect("a page") {
        drop(page);
        tokio::time::sleep(work).await;
        if prefetch && finished.len() + 1 < PAGES {
            // On a loaded machine the prefetch may take longer than the work;
            // the consumer keeps working (still not polling) until it
            // arrives, so this proves the overlap without a time limit.
            let next = finished.len() + 2;
            assert!(
                wait_until(|| server.request_count() >= next).await,
                "request {next} never came while the consumer was busy"
            );
        }
        finished.push(Instant::now());
    }
    assert_eq!(finished.len(), PAGES);
    let mut requests = server.requests();
    requests.sort_by_key(|r| r.at);
    assert_eq!(requests.len(), PAGES);
    (finished, requests)
}

async fn prefetch_overlaps_requests_with_consumption<O: Case>() {
    let (finished, requests) = consume_slowly::<O>(true).await;
    for (n, done) in finished.iter().enumerate().take(finished.len() - 1) {
        assert!(
            requests[n + 1].at < *done,
            "with prefetch, the request for page {} came after page {} was consumed",
            n + 2,
            n + 1
        );
    }

    let (finished, requests) = consume_slowly::<O>(false).await;
    for (n, done) in finished.iter().enumerate().take(finished.len() - 1) {
        assert!(
            requests[n + 1].at >= *done,
            "without prefetch, the request for page {} came before page {} was consumed",
            n + 2,
            n + 1
        );
    }
}

// ---------------------------------------------------------------------------
// One module per operation, one test per scenario.

/// Runs `scenario` on a two-thread runtime, as prefetch spawns onto it.
fn run(scenario: impl Future<Output = ()>) {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(scenario);
}

macro_rules! suite {
    ($($module:ident: $op:ty),* $(,)?) => {
        /// The operations the suite runs for.
        const SUITE: &[&str] = &[$(<$op as Operation>::NAME),*];

        $(suite!(@one $module: $op);)*
    };
    (@one $module:ident: $op:ty) => {
        mod $module {
            use super::*;
            scenarios!($op;
                a_single_page_is_one_request,
                many_pages_give_every_item_in_order_exactly_once,
                pages_come_whole_and_in_order,
                every_request_repeats_the_arguments_page_size_and_previous_token,
                page_sizes_outside_1_to_1000_are_refused_unsent,
                an_empty_page_with_a_token_is_followed,
                an_empty_token_ends_the_listing,
                a_repeated_token_is_one_pagination_error_then_the_end,
                a_service_error_on_page_3_ends_the_listing_after_pages_1_and_2,
                nothing_is_sent_before_the_first_poll,
                dropping_the_stream_cancels_the_prefetch_in_flight,
                the_stream_is_send_and_static,
                without_prefetch_the_next_page_waits_for_the_consumer,
                a_finished_stream_stays_finished,
                ten_thousand_items_in_pages_of_1000_arrive_whole,
                prefetch_overlaps_requests_with_consumption,
            );
        }
    };
}

macro_rules! scenarios {
    ($op:ty; $($scenario:ident),* $(,)?) => {$(
        #[test]
        fn $scenario() {
            run(super::$scenario::<$op>());
        }
    )*};
}

suite! {
    list_map_runs: ListMapRunsInput,
    list_executions: ListExecutionsInput,
    get_execution_history: GetExecutionHistoryInput,
    list_state_machines: ListStateMachinesInput,
    list_activities: ListActivitiesInput,
    list_state_machine_versions: ListStateMachineVersionsInput,
    list_state_machine_aliases: ListStateMachineAliasesInput,
}

/// Operations that page by `nextToken` though the model gives them no
/// paginator.
const UNLISTED_PAGINATED: &[&str] = &["ListStateMachineVersions", "ListStateMachineAliases"];

/// The suite runs for exactly the operations the model paginates and those
/// that page without a paginator in the model, each once.
#[test]
fn the_suite_covers_every_paginated_operation() {
    let mut suite = SUITE.to_vec();
    suite.sort_unstable();
    let mut paginated = model::paginated();
    paginated.extend(UNLISTED_PAGINATED.iter().map(|op| (*op).to_owned()));
    paginated.sort_unstable();
    assert_eq!(suite, paginated, "fixtures/paginated-operations.json");
    for op in &paginated {
        assert!(common::OPERATIONS.contains(&op.as_str()), "{op} is not an operation of the crate");
    }
}

/// Skipped (with a note) when the model is not present.
#[test]
fn the_paginated_fixture_is_what_the_model_says() {
    if let Some(derived) = model::from_spec() {
        assert_eq!(
            model::paginated(),
            derived.paginated,
            "fixtures/paginated-operations.json is stale: run \
             python3 tests/fixtures/generate_model_fixtures.py"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_executions_items_collect_from_the_builder() {
    let server = serve_pages::<ListExecutionsInput>(&[2, 2], Duration::ZERO).await;
    let client = client(&server);
    let executions = client
        .list_executions()
        .state_machine_arn(STATE_MACHINE_ARN)
        .into_paginator()
        .items()
        .try_collect::<Vec<_>>()
        .await
        .expect("every execution");
    let names: Vec<&str> = executions.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["run-0", "run-1", "run-2", "run-3"]);
    let first = server.requests()[0].json().unwrap();
    assert_eq!(first, json!({ "stateMachineArn": STATE_MACHINE_ARN }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn state_machines_collect_from_the_builder() {
    let server = serve_pages::<ListStateMachinesInput>(&[2, 1], Duration::ZERO).await;
    let client = client(&server);
    let machines = client
        .list_state_machines()
        .into_paginator()
        .page_size(2)
        .items()
        .try_collect::<Vec<_>>()
        .await
        .expect("every state machine");
    let names: Vec<&str> = machines.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["machine-0", "machine-1", "machine-2"]);
    let types: Vec<&str> = machines.iter().map(|m| m.r#type.as_str()).collect();
    assert_eq!(types, ["STANDARD", "EXPRESS", "STANDARD"]);
    let bodies: Vec<Value> = server.requests().iter().map(|r| r.json().unwrap()).collect();
    assert_eq!(
        bodies,
        [json!({ "maxResults": 2 }), json!({ "maxResults": 2, "nextToken": token(0) })]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_events_collect_from_the_builder() {
    let server = serve_pages::<GetExecutionHistoryInput>(&[3, 2], Duration::ZERO).await;
    let client = client(&server);
    let events = client
        .get_execution_history(EXECUTION_ARN)
        .into_paginator()
        .items()
        .try_collect::<Vec<_>>()
        .await
        .expect("every event");
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert!(events.iter().all(|e| e.r#type == HistoryEventType::TaskStateEntered));
    assert_eq!(events[0].state_name(), Some("ProcessItem"));
    let first = server.requests()[0].json().unwrap();
    assert_eq!(first, json!({ "executionArn": EXECUTION_ARN }));
}
