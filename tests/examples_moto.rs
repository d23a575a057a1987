//! The operator examples end to end against the moto server (see
//! `moto_support`): `tail_history` follows an execution to its end and
//! `watch_map_run` watches a Map Run to its end, each as a user runs it, a
//! process with the AWS settings in its environment. Under `moto::`, the
//! path that filters the moto tests out.

#[allow(dead_code)]
mod example_bin;
#[allow(dead_code)]
mod moto_support;

mod moto {
    use crate::example_bin::{self, text};
    use crate::moto_support::{self, create_state_machine, run_distributed_map, unique};
    use std::process::Output;

    async fn run(name: &str, args: &[&str]) -> Output {
        let mut command = example_bin::command(name, moto_support::client().endpoint());
        command.args(args);
        tokio::task::spawn_blocking(move || command.output().expect("the example runs"))
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn tail_history_follows_an_execution_to_its_end() {
        let client = moto_support::client();
        let definition = moto_support::waiting_definition(1);
        let (_, created) = create_state_machine(&client, "tail", &definition).await;
        let started = client
            .start_execution(&created.state_machine_arn)
            .name(unique("tail"))
            .await
            .unwrap_or_else(|e| panic!("StartExecution: {e}"));
        let arn = started.execution_arn;

        let out = run("tail_history", &[&arn, "--interval-ms", "100"]).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{stdout}\n{stderr}");
        let lines: Vec<&str> = stdout.lines().collect();
        let types: Vec<&str> =
            lines.iter().map(|l| l.split_whitespace().nth(2).unwrap_or("")).collect();
        assert_eq!(
            types,
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"],
            "{stdout}"
        );
        let ids: Vec<&str> = lines.iter().map(|l| l.split_whitespace().next().unwrap()).collect();
        assert_eq!(ids, ["1", "2", "3", "4"]);

        let out = run("tail_history", &[&arn, "--json"]).await;
        let stdout = text(&out.stdout);
        let events: Vec<serde_json::Value> =
            stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(events.len(), 4, "{stdout}");
        assert_eq!(events[3]["type"], "ExecutionSucceeded");

        let out = run("tail_history", &["arn:aws:states:us-east-1:1:execution:a:b"]).await;
        assert_eq!(out.status.code(), Some(2), "clap refuses a bad ARN");
        assert!(text(&out.stderr).contains("the account `1` is not 12 digits"));
    }

    #[tokio::test]
    async fn watch_map_run_watches_a_run_to_its_end() {
        let client = moto_support::client();
        let run_ = run_distributed_map(&client, "Watched", 4, 9).await;
        let out = run("watch_map_run", &[&run_.listed.map_run_arn, "--interval-ms", "100"]).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{stdout}\n{stderr}");
        assert_eq!(
            stdout.trim(),
            format!(
                "{} SUCCEEDED: 9 of 9 items succeeded, 0 failed (0.0%)",
                run_.listed.map_run_arn
            )
        );

        let execution = run_.execution_arn().to_owned();
        let out = run("watch_map_run", &["--execution", &execution]).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("SUCCEEDED: 9 of 9"), "{}", text(&out.stdout));
    }
}
