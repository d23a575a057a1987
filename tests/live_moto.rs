//! The live operations against a real server: moto 5.2.5 (see
//! `moto_support`), which runs executions in the background, ignores
//! `reverseOrder` and `maxResults` on GetExecutionHistory, and finishes Map
//! Runs quickly. Every test is under `moto::`, the path that filters them
//! out (`cargo test -- --skip moto::`).

#[allow(dead_code)]
mod moto_support;

mod moto {
    use crate::moto_support::{self, create_state_machine, run_distributed_map, unique};
    use futures::TryStreamExt;
    use sfn_lite::ErrorKind;
    use sfn_lite::live::WaitTimedOut;
    use sfn_lite::operations::DescribeExecutionOutput;
    use sfn_lite::types::{
        ExecutionArn, ExecutionStatus, HistoryEvent, HistoryEventType, MapRunArn, MapRunStatus,
    };
    use std::time::Duration;

    /// Pass, wait, pass, wait, pass: a history that grows for about two
    /// seconds after the start.
    fn stepping_definition() -> String {
        serde_json::json!({
            "StartAt": "A",
            "States": {
                "A": { "Type": "Pass", "Next": "W1" },
                "W1": { "Type": "Wait", "Seconds": 1, "Next": "B" },
                "B": { "Type": "Pass", "Next": "W2" },
                "W2": { "Type": "Wait", "Seconds": 1, "Next": "C" },
                "C": { "Type": "Pass", "End": true }
            }
        })
        .to_string()
    }

    async fn start(client: &sfn_lite::Client, definition: &str) -> ExecutionArn {
        let (_, created) = create_state_machine(client, "live", definition).await;
        let started = client
            .start_execution(&created.state_machine_arn)
            .name(unique("follow"))
            .await
            .unwrap_or_else(|e| panic!("StartExecution: {e}"));
        ExecutionArn::parse(started.execution_arn).expect("moto's execution ARN parses")
    }

    #[tokio::test]
    async fn follow_a_running_execution_to_its_end() {
        let client = moto_support::client();
        let arn = start(&client, &stepping_definition()).await;
        let follow = client
            .get_execution_history(&arn)
            .follow()
            .poll_interval(Duration::from_millis(100))
            .max_poll_interval(Duration::from_millis(400))
            .try_collect::<Vec<HistoryEvent>>();
        let followed = tokio::time::timeout(moto_support::WAIT, follow)
            .await
            .expect("the stream ends with the execution")
            .unwrap_or_else(|e| panic!("follow: {e}"));
        let ids: Vec<i64> = followed.iter().map(|e| e.id).collect();
        assert_eq!(ids, (1..=followed.len() as i64).collect::<Vec<_>>(), "{followed:#?}");
        assert_eq!(followed.last().unwrap().r#type, HistoryEventType::ExecutionSucceeded);
        let whole: Vec<HistoryEvent> =
            client.get_execution_history(&arn).await.unwrap_or_else(|e| panic!("{e}")).events;
        assert_eq!(followed, whole);
        let states: Vec<_> = followed.iter().filter_map(|e| e.state_name()).collect();
        assert!(states.len() >= 5 && states.contains(&"C"), "{states:?}");
    }

    #[tokio::test]
    async fn wait_for_an_execution_or_time_out_with_its_status() {
        let client = moto_support::client();
        let arn = start(&client, &moto_support::waiting_definition(2)).await;
        let error = client
            .wait_for_execution(&arn)
            .poll_interval(Duration::from_millis(100))
            .max_wait(Duration::from_millis(300))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
        let timeout = WaitTimedOut::<DescribeExecutionOutput>::of(&error).expect("the last status");
        assert_eq!(timeout.last().status, ExecutionStatus::Running);

        let done = client
            .wait_for_execution(&arn)
            .poll_interval(Duration::from_millis(100))
            .max_wait(moto_support::WAIT)
            .await
            .unwrap_or_else(|e| panic!("wait: {e}"));
        assert_eq!(
            (done.status, done.execution_arn),
            (ExecutionStatus::Succeeded, arn.to_string())
        );
    }

    #[tokio::test]
    async fn watch_a_map_run_to_its_end() {
        let client = moto_support::client();
        let run = run_distributed_map(&client, "Watched", 3, 12).await;
        let arn =
            MapRunArn::parse(run.listed.map_run_arn.clone()).expect("moto's Map Run ARN parses");
        assert_eq!(arn.map_label(), "Watched");
        let snapshots: Vec<_> = client
            .watch_map_run(&arn)
            .poll_interval(Duration::from_millis(100))
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("watch: {e}"));
        let last = snapshots.last().expect("a snapshot");
        assert_eq!(last.status, MapRunStatus::Succeeded);
        assert_eq!(last.item_counts.done_fraction(), Some(1.0));
        assert!(!last.exceeds_tolerated_failures());
        assert_eq!(snapshots.len(), 1, "a finished run is one snapshot: {snapshots:#?}");
    }
}
