//! The README's "Testing your code" example, run as written (the code
//! between the `README` marks below is the README's, byte for byte: the
//! last test checks it).

// README begin
use sfn_lite::Client;
use sfn_lite::testing::{FakeSfn, seed};
use sfn_lite::types::MapRunCounts;

/// Code under test: how far a Map Run got, in percent.
async fn progress(client: &Client, map_run_arn: &str) -> Result<f64, sfn_lite::Error> {
    let run = client.describe_map_run(map_run_arn).await?;
    Ok(100.0 * run.item_counts.done_fraction().unwrap_or(0.0))
}

#[tokio::test]
async fn progress_counts_finished_items_through_throttling() {
    let fake = FakeSfn::start().await;
    let machine = fake.put_state_machine(seed::state_machine("orders", seed::PASS_DEFINITION));
    let execution = fake.put_execution(seed::execution(&machine, "nightly"));
    let run = fake.put_map_run(seed::map_run(&execution, "ProcessOrders").with_item_counts(
        MapRunCounts::default().with_total(200).with_succeeded(40).with_failed(10),
    ));
    fake.throttle_next(1); // busy once: the client retries

    assert_eq!(progress(&fake.client(), &run).await.unwrap(), 25.0);

    let calls = fake.requests();
    assert_eq!(calls.len(), 2, "one throttled call, one retry");
    assert!(calls.iter().all(|c| c.operation() == Some("DescribeMapRun")));
    assert!(calls.iter().all(|c| c.signature_verified()));
}
// README end

#[test]
fn the_readme_shows_this_example() {
    let this = include_str!("readme_example.rs");
    let start = this.find("// README begin\n").unwrap() + "// README begin\n".len();
    let end = this.find("// README end").unwrap();
    let example = &this[start..end];
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(example),
        "README.md's \"Testing your code\" example differs from tests/readme_example.rs:\n{example}"
    );
}
