//! The benchmark's workloads on aws-sdk-sfn + aws-config. See
//! `src/workload.rs`.

#[path = "../workload.rs"]
mod workload;

use aws_config::{BehaviorVersion, Region};
use aws_sdk_sfn::config::Credentials;
use workload::*;

fn main() {
    let args = args();
    runtime().block_on(async {
        let config = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(REGION))
            .endpoint_url(&args.endpoint)
            .credentials_provider(Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "bench"))
            .load()
            .await;
        let client = aws_sdk_sfn::Client::new(&config);
        let describe = || async {
            client.describe_execution().execution_arn(EXECUTION).send().await.expect("a call")
        };
        match args.workload {
            Workload::Describe | Workload::Describe32 => describe_calls(&args, describe).await,
            Workload::History => {
                timed(&args, async {
                    let mut items = client
                        .get_execution_history()
                        .execution_arn(history_arn(args.n))
                        .max_results(PAGE_SIZE)
                        .into_paginator()
                        .items()
                        .send();
                    let mut seen = 0;
                    while let Some(event) = items.next().await {
                        event.expect("an event");
                        seen += 1;
                    }
                    seen
                })
                .await
            }
            Workload::List => {
                timed(&args, async {
                    let mut items = client
                        .list_executions()
                        .state_machine_arn(state_machine_arn(args.n))
                        .max_results(PAGE_SIZE)
                        .into_paginator()
                        .items()
                        .send();
                    let mut seen = 0;
                    while let Some(execution) = items.next().await {
                        execution.expect("an execution");
                        seen += 1;
                    }
                    seen
                })
                .await
            }
        }
    });
}
