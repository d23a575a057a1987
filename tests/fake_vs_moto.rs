//! One scripted scenario against the fake and against moto: see
//! [`moto::the_fake_answers_as_moto_does`].

#[allow(dead_code)] // this suite uses a few of its helpers
mod moto_support;

mod moto {
    use crate::moto_support::{self, ROLE_ARN, unique, waiting_definition};
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;
    use sfn_lite::operations::{
        CreateStateMachineAliasOutput, CreateStateMachineOutput, DescribeActivityOutput,
        DescribeExecutionOutput, DescribeStateMachineAliasOutput, DescribeStateMachineOutput,
        ListExecutionsOutput, ListStateMachineVersionsOutput, ListTagsForResourceOutput,
        PublishStateMachineVersionOutput, StartExecutionOutput, StopExecutionOutput,
        UpdateStateMachineOutput,
    };
    use sfn_lite::testing::FakeSfn;
    use sfn_lite::types::{
        EventDetails, ExecutionRedriveStatus, ExecutionStatus, HistoryEvent, LogLevel, Sensitive,
    };
    use sfn_lite::{Client, Error};

    /// What the scenario saw, each output normalized (see [`normalize`]).
    #[derive(Debug, PartialEq)]
    struct Transcript {
        created: CreateStateMachineOutput,
        described_machine: DescribeStateMachineOutput,
        started: Vec<StartExecutionOutput>,
        started_again: Result<StartExecutionOutput, String>,
        described: DescribeExecutionOutput,
        pages: Vec<ListExecutionsOutput>,
        stopped: StopExecutionOutput,
        described_stopped: DescribeExecutionOutput,
        aborted: ListExecutionsOutput,
        running: ListExecutionsOutput,
        execution_events: Vec<HistoryEvent>,
        tags: ListTagsForResourceOutput,
        updated: UpdateStateMachineOutput,
        published: Result<PublishStateMachineVersionOutput, String>,
        versions: Result<ListStateMachineVersionsOutput, String>,
        alias: CreateStateMachineAliasOutput,
        described_alias: DescribeStateMachineAliasOutput,
        activity: DescribeActivityOutput,
        deleted_activity: String,
        unknown: Vec<(&'static str, String)>,
    }

    /// The names the scenario creates: unique on the shared moto server.
    struct Names {
        machine: String,
        activity: String,
    }

    /// The output with what legitimately differs between two servers made
    /// equal: the generated names (to `MACHINE`, `ACTIVITY`), every date (to
    /// the epoch), revision ids and page tokens (to their presence).
    fn normalize<T: Serialize + DeserializeOwned>(output: T, names: &Names) -> T {
        fn walk(value: &mut Value, names: &Names) {
            match value {
                Value::String(s) => {
                    *s = s.replace(&names.machine, "MACHINE").replace(&names.activity, "ACTIVITY");
                }
                Value::Array(items) => items.iter_mut().for_each(|v| walk(v, names)),
                Value::Object(members) => {
                    for (key, value) in members.iter_mut() {
                        if key.ends_with("Date") || key == "timestamp" {
                            *value = Value::from(0);
                        } else if key == "revisionId" || key == "nextToken" {
                            *value = Value::from("PRESENT");
                        } else {
                            walk(value, names);
                        }
                    }
                }
                _ => {}
            }
        }
        let mut json = serde_json::to_value(output).expect("outputs serialize");
        walk(&mut json, names);
        serde_json::from_value(json).expect("a normalized output decodes")
    }

    fn code(err: Error) -> String {
        err.code().map_or_else(|| format!("not a service error: {err}"), |c| c.as_str().to_owned())
    }

    /// The scenario: every call the fake and moto both serve, on state the
    /// scenario makes itself. Its executions wait ten minutes, so they stay
    /// RUNNING on moto (whose interpreter runs them) as on the fake (which
    /// runs nothing) until the scenario stops them.
    async fn scenario(client: &Client, names: &Names) -> Transcript {
        let created = client
            .create_state_machine(&names.machine, waiting_definition(600), ROLE_ARN)
            .tag("team", "data")
            .await
            .unwrap();
        let machine = created.state_machine_arn.clone();
        let described_machine =
            normalize(client.describe_state_machine(&machine).await.unwrap(), names);
        let mut started = Vec::new();
        for i in 1..=3 {
            let input = format!(r#"{{"n":{i}}}"#);
            let output = client.start_execution(&machine).name(format!("e{i}")).input(input).await;
            started.push(normalize(output.unwrap(), names));
        }
        let again = client.start_execution(&machine).name("e1").input(r#"{"n":1}"#).await;
        let started_again = again.map(|o| normalize(o, names)).map_err(code);
        let execution =
            |name: &str| format!("{}:{name}", machine.replacen(":stateMachine:", ":execution:", 1));
        let described = normalize(client.describe_execution(execution("e1")).await.unwrap(), names);

        let mut pages = Vec::new();
        let mut token = None;
        loop {
            let mut request = client.list_executions().state_machine_arn(&machine).max_results(2);
            if let Some(token) = token.take() {
                request = request.next_token(token);
            }
            let page = request.await.unwrap();
            token = page.next_token.clone();
            pages.push(normalize(page, names));
            if token.is_none() || pages.len() > 3 {
                break;
            }
        }

        let stopped =
            client.stop_execution(execution("e2")).error("Halt").cause("by the scenario").await;
        let stopped = normalize(stopped.unwrap(), names);
        let described_stopped =
            normalize(client.describe_execution(execution("e2")).await.unwrap(), names);
        let listed =
            |status| client.list_executions().state_machine_arn(&machine).status_filter(status);
        let aborted = normalize(listed(ExecutionStatus::Aborted).await.unwrap(), names);
        let running = normalize(listed(ExecutionStatus::Running).await.unwrap(), names);
        // The execution-level events: the states in between are the
        // interpreter's (moto runs the Wait state; the fake runs nothing).
        let history = client.get_execution_history(execution("e2")).await.unwrap();
        let execution_events = history
            .events
            .into_iter()
            .filter(|e| e.r#type.as_str().starts_with("Execution"))
            .map(|mut e| {
                e.id = 0;
                e.previous_event_id = None;
                normalize(e, names)
            })
            .collect();

        client.tag_resource(&machine).tag("env", "test").await.unwrap();
        client.untag_resource(&machine, ["team"]).await.unwrap();
        let tags = normalize(client.list_tags_for_resource(&machine).await.unwrap(), names);

        let updated = client
            .update_state_machine(&machine)
            .definition(waiting_definition(601))
            .publish(true)
            .version_description("v1")
            .await;
        let updated = normalize(updated.unwrap(), names);
        let published = client.publish_state_machine_version(&machine).description("v2").await;
        let published = published.map(|p| normalize(p, names)).map_err(code);
        let versions = client.list_state_machine_versions(&machine).await;
        let versions = versions.map(|v| normalize(v, names)).map_err(code);
        let version = format!("{machine}:1");
        let alias = client.create_state_machine_alias("live").route(&version, 100).await.unwrap();
        let described_alias =
            client.describe_state_machine_alias(&alias.state_machine_alias_arn).await;
        let described_alias = normalize(described_alias.unwrap(), names);
        let alias = normalize(alias, names);

        let activity = client.create_activity(&names.activity).await.unwrap().activity_arn;
        let described_activity =
            normalize(client.describe_activity(&activity).await.unwrap(), names);
        client.delete_activity(&activity).await.unwrap();
        let deleted_activity = code(client.describe_activity(&activity).await.unwrap_err());

        let gone_machine = format!("{machine}-gone");
        let gone_execution = execution("gone");
        let unknown = vec![
            (
                "DescribeExecution",
                code(client.describe_execution(&gone_execution).await.unwrap_err()),
            ),
            (
                "GetExecutionHistory",
                code(client.get_execution_history(&gone_execution).await.unwrap_err()),
            ),
            ("StopExecution", code(client.stop_execution(&gone_execution).await.unwrap_err())),
            (
                "DescribeStateMachineForExecution",
                code(
                    client.describe_state_machine_for_execution(&gone_execution).await.unwrap_err(),
                ),
            ),
            (
                "DescribeStateMachine",
                code(client.describe_state_machine(&gone_machine).await.unwrap_err()),
            ),
            (
                "StartExecution",
                code(client.start_execution(&gone_machine).name("x").await.unwrap_err()),
            ),
            (
                "ListExecutions",
                code(client.list_executions().state_machine_arn(&gone_machine).await.unwrap_err()),
            ),
        ];
        client.delete_state_machine(&machine).await.unwrap();
        Transcript {
            created: normalize(created, names),
            described_machine,
            started,
            started_again,
            described,
            pages,
            stopped,
            described_stopped,
            aborted,
            running,
            execution_events,
            tags,
            updated,
            published,
            versions,
            alias,
            described_alias,
            activity: described_activity,
            deleted_activity,
            unknown,
        }
    }

    /// The same scenario against the fake and against moto 5.2.5 gives equal
    /// typed results, once [`normalize`]d (names, dates, revision ids, page
    /// tokens), except where moto falls short of the service; the fake
    /// answers as the service does there. Each of moto's gaps is asserted
    /// as moto shows it and then set to the fake's answer, so a moto that
    /// closes a gap, or any new difference, fails this test:
    ///
    /// 1. DescribeStateMachine and UpdateStateMachine: moto sends no
    ///    `revisionId`.
    /// 2. DescribeStateMachine: moto's default logging configuration lacks
    ///    `includeExecutionData: false`.
    /// 3. DescribeExecution and ListExecutions: moto sends no `redriveCount`
    ///    (0 for a never-redriven execution), and DescribeExecution no
    ///    `redriveStatus` / `redriveStatusReason` (NOT_REDRIVABLE while
    ///    running, REDRIVABLE once aborted).
    /// 4. DescribeExecution of an execution stopped with an error and cause
    ///    omits them.
    /// 5. PublishStateMachineVersion and ListStateMachineVersions answer an
    ///    HTML 500 (versions exist only through Create/UpdateStateMachine
    ///    with `publish`).
    /// 6. DescribeStateMachineForExecution of an unknown execution gives
    ///    `ResourceNotFound`, not `ExecutionDoesNotExist`.
    ///
    /// 7. GetExecutionHistory: the `ExecutionStarted` input comes back
    ///    re-serialized (`{"n": 2}` for `{"n":2}`).
    /// 8. GetExecutionHistory: `ExecutionAborted` carries an empty error and
    ///    cause instead of those StopExecution gave.
    ///
    /// Not compared, as the fake runs no state machine: the state events
    /// between `ExecutionStarted` and `ExecutionAborted` (moto runs the Wait
    /// state), and event ids.
    #[tokio::test]
    async fn the_fake_answers_as_moto_does() {
        let moto_names = Names { machine: unique("diff-sm"), activity: unique("diff-act") };
        let mut moto = scenario(&moto_support::client(), &moto_names).await;
        let fake_server = FakeSfn::start().await;
        let fake_names = Names { machine: unique("diff-sm"), activity: unique("diff-act") };
        let fake = scenario(&fake_server.client(), &fake_names).await;

        // 1. No revision ids.
        assert_eq!(moto.described_machine.revision_id, None);
        assert_eq!(moto.updated.revision_id, None);
        assert!(fake.described_machine.revision_id.is_some() && fake.updated.revision_id.is_some());
        moto.described_machine.revision_id.clone_from(&fake.described_machine.revision_id);
        moto.updated.revision_id.clone_from(&fake.updated.revision_id);
        // 2. Logging without includeExecutionData.
        let logging = moto.described_machine.logging_configuration.as_mut().unwrap();
        assert_eq!(
            (logging.level.clone(), logging.include_execution_data),
            (Some(LogLevel::Off), None)
        );
        logging.include_execution_data = Some(false);
        // 3. No redrive members.
        for execution in [&mut moto.described, &mut moto.described_stopped] {
            assert_eq!((execution.redrive_count, &execution.redrive_status), (None, &None));
            assert!(execution.redrive_status_reason.is_none());
            execution.redrive_count = Some(0);
        }
        moto.described.redrive_status = Some(ExecutionRedriveStatus::NotRedrivable);
        moto.described.redrive_status_reason.clone_from(&fake.described.redrive_status_reason);
        moto.described_stopped.redrive_status = Some(ExecutionRedriveStatus::Redrivable);
        let listed = moto.pages.iter_mut().chain([&mut moto.aborted, &mut moto.running]);
        for item in listed.flat_map(|page| page.executions.iter_mut()) {
            assert_eq!(item.redrive_count, None);
            item.redrive_count = Some(0);
        }
        // 4. No error and cause once stopped.
        assert!(moto.described_stopped.error.is_none() && moto.described_stopped.cause.is_none());
        moto.described_stopped.error.clone_from(&fake.described_stopped.error);
        moto.described_stopped.cause.clone_from(&fake.described_stopped.cause);
        // 5. No version operations.
        assert_eq!((&moto.published, &moto.versions), (&Err("500".into()), &Err("500".into())));
        moto.published.clone_from(&fake.published);
        moto.versions.clone_from(&fake.versions);
        // 6. ResourceNotFound for an unknown execution's state machine.
        let (operation, code) = &mut moto.unknown[3];
        assert_eq!(
            (*operation, code.as_str()),
            ("DescribeStateMachineForExecution", "ResourceNotFound")
        );
        *code = "ExecutionDoesNotExist".into();

        // 7. History input re-serialized (`{"n": 2}`): equal as JSON.
        // 8. ExecutionAborted with an empty error and cause.
        assert_eq!(moto.execution_events.len(), 2, "{:?}", moto.execution_events);
        let (moto_started, fake_started) =
            (&mut moto.execution_events[0], &fake.execution_events[0]);
        let (EventDetails::ExecutionStarted(m), EventDetails::ExecutionStarted(f)) =
            (&mut moto_started.details, &fake_started.details)
        else {
            panic!("not ExecutionStarted events: {moto_started:?} {fake_started:?}");
        };
        let parse = |text: &Option<Sensitive<String>>| -> Value {
            serde_json::from_str(text.as_ref().map_or("null", |t| t.as_str())).unwrap()
        };
        assert_eq!(parse(&m.input), parse(&f.input));
        assert_ne!(m.input, f.input, "moto re-serializes the input");
        m.input.clone_from(&f.input);
        let moto_aborted = &mut moto.execution_events[1];
        assert_eq!(moto_aborted.error_and_cause(), Some((Some(""), Some(""))));
        moto_aborted.details = fake.execution_events[1].details.clone();

        same!(fake, moto: created, described_machine, started, started_again, described, pages,
            stopped, described_stopped, aborted, running, execution_events, tags, updated,
            published, versions, alias, described_alias, activity, deleted_activity, unknown);
        assert_eq!(fake, moto);
    }

    /// Compares the transcripts member by member, showing a difference in
    /// full (the outputs' `Debug` hides sensitive members, their JSON not).
    macro_rules! same {
        ($fake:ident, $moto:ident: $($member:ident),+ $(,)?) => {$(
            if $fake.$member != $moto.$member {
                panic!(
                    "`{}` differs:\n fake: {}\n moto: {}",
                    stringify!($member),
                    json(&$fake.$member),
                    json(&$moto.$member),
                );
            }
        )+};
    }
    use same;

    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_else(|e| format!("(unencodable: {e})"))
    }
}
