//! The benchmark's workloads on sfn-lite. See `src/workload.rs`.

#[path = "../workload.rs"]
mod workload;

use futures::TryStreamExt;
use workload::*;

fn main() {
    let args = args();
    runtime().block_on(async {
        let client = sfn_lite::Client::builder()
            .region(REGION)
            .endpoint_url(&args.endpoint)
            .credentials_provider(aws_credential_types::Credentials::new(
                ACCESS_KEY, SECRET_KEY, None, None, "bench",
            ))
            .build()
            .expect("a client");
        let describe =
            || async { client.describe_execution(EXECUTION).send().await.expect("a call") };
        match args.workload {
            Workload::Describe | Workload::Describe32 => describe_calls(&args, describe).await,
            Workload::History => {
                timed(&args, async {
                    let mut items = client
                        .get_execution_history(history_arn(args.n))
                        .into_paginator()
                        .page_size(PAGE_SIZE)
                        .items();
                    let mut seen = 0;
                    while let Some(_event) = items.try_next().await.expect("an event") {
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
                        .into_paginator()
                        .page_size(PAGE_SIZE)
                        .items();
                    let mut seen = 0;
                    while let Some(_execution) = items.try_next().await.expect("an execution") {
                        seen += 1;
                    }
                    seen
                })
                .await
            }
        }
    });
}
