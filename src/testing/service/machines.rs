//! State machines, their versions and aliases, and the operations that only
//! read a definition: Create/Describe/Update/Delete/ListStateMachines,
//! DescribeStateMachineForExecution, Publish/List/DeleteStateMachineVersion,
//! the alias operations, StartSyncExecution, ValidateStateMachineDefinition
//! and TestState.

use super::pages::page;
use super::{Fault, Outcome, World, no_execution, no_machine, split_qualifier};
use crate::operations::{
    CreateStateMachineAliasInput, CreateStateMachineAliasOutput, CreateStateMachineInput,
    CreateStateMachineOutput, DeleteStateMachineAliasInput, DeleteStateMachineAliasOutput,
    DeleteStateMachineInput, DeleteStateMachineOutput, DeleteStateMachineVersionInput,
    DeleteStateMachineVersionOutput, DescribeStateMachineAliasInput,
    DescribeStateMachineAliasOutput, DescribeStateMachineForExecutionInput,
    DescribeStateMachineForExecutionOutput, DescribeStateMachineInput, DescribeStateMachineOutput,
    ListStateMachineAliasesInput, ListStateMachineAliasesOutput, ListStateMachineVersionsInput,
    ListStateMachineVersionsOutput, ListStateMachinesInput, ListStateMachinesOutput,
    PublishStateMachineVersionInput, PublishStateMachineVersionOutput, StartSyncExecutionInput,
    StartSyncExecutionOutput, StateMachineAliasListItem, StateMachineListItem,
    StateMachineVersionListItem, TestStateInput, TestStateOutput, UpdateStateMachineAliasInput,
    UpdateStateMachineAliasOutput, UpdateStateMachineInput, UpdateStateMachineOutput,
    ValidateStateMachineDefinitionDiagnostic, ValidateStateMachineDefinitionInput,
    ValidateStateMachineDefinitionOutput,
};
use crate::random;
use crate::types::{
    EncryptionConfiguration, EncryptionType, IncludedData, LogLevel, LoggingConfiguration,
    Sensitive, StateMachineStatus, StateMachineType, SyncExecutionStatus, TestExecutionStatus,
    TracingConfiguration, ValidateStateMachineDefinitionResultCode,
    ValidateStateMachineDefinitionSeverity,
};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// A state machine: its description (the latest revision), its versions
/// and aliases, and what `StartSyncExecution` answers for it.
#[derive(Debug, Clone)]
pub(crate) struct Machine {
    pub(crate) description: DescribeStateMachineOutput,
    pub(crate) update_date: OffsetDateTime,
    /// Versions by number.
    pub(crate) versions: BTreeMap<u32, Version>,
    /// Aliases by name.
    pub(crate) aliases: BTreeMap<String, DescribeStateMachineAliasOutput>,
    /// The seeded answer of `StartSyncExecution`, if any.
    pub(crate) sync_result: Option<StartSyncExecutionOutput>,
}

/// A published version: the machine as it was, with the version's ARN and
/// description.
#[derive(Debug, Clone)]
pub(crate) struct Version {
    pub(crate) description: DescribeStateMachineOutput,
}

impl Machine {
    /// A machine as described, with no versions or aliases.
    pub(crate) fn new(description: DescribeStateMachineOutput) -> Self {
        let update_date = description.creation_date;
        Self {
            description,
            update_date,
            versions: BTreeMap::new(),
            aliases: BTreeMap::new(),
            sync_result: None,
        }
    }

    /// Publishes the current revision (or answers its existing version).
    pub(crate) fn publish(
        &mut self,
        description: Option<Sensitive<String>>,
        now: OffsetDateTime,
    ) -> (String, OffsetDateTime) {
        let current = self.description.revision_id.clone();
        if let Some(v) =
            self.versions.values().last().filter(|v| v.description.revision_id == current)
        {
            return (v.description.state_machine_arn.clone(), v.description.creation_date);
        }
        let number = self.versions.keys().last().map_or(1, |n| n + 1);
        let mut version = self.description.clone();
        version.state_machine_arn = format!("{}:{number}", self.description.state_machine_arn);
        version.description = description;
        version.creation_date = now;
        let arn = version.state_machine_arn.clone();
        self.versions.insert(number, Version { description: version });
        (arn, now)
    }
}

/// Where StartExecution's ARN leads: the machine, and the version and alias
/// it went through.
pub(super) struct Target {
    pub(super) machine_arn: String,
    pub(super) version_arn: Option<String>,
    pub(super) alias_arn: Option<String>,
}

fn no_alias(alias_arn: &str) -> Fault {
    Fault::new("ResourceNotFound", format!("Resource not found: '{alias_arn}'"))
}

/// A state machine as CreateStateMachine makes it: ACTIVE, created at
/// `now`, with the service's defaults (logging and tracing off, an AWS owned
/// key) and a fresh revision id.
pub(crate) fn created(
    name: &str,
    definition: Sensitive<String>,
    role_arn: String,
    r#type: StateMachineType,
    now: OffsetDateTime,
) -> DescribeStateMachineOutput {
    DescribeStateMachineOutput {
        state_machine_arn: super::arn("stateMachine", name),
        name: name.to_owned(),
        status: Some(StateMachineStatus::Active),
        definition,
        role_arn,
        r#type,
        creation_date: now,
        logging_configuration: Some(logging_off()),
        tracing_configuration: Some(tracing_off()),
        label: None,
        revision_id: Some(random::uuid_v4()),
        description: None,
        encryption_configuration: Some(aws_owned_key()),
        variable_references: None,
    }
}

/// The logging of a state machine created without any: off.
pub(crate) fn logging_off() -> LoggingConfiguration {
    LoggingConfiguration {
        level: Some(LogLevel::Off),
        include_execution_data: Some(false),
        destinations: None,
    }
}

/// The tracing of a state machine created without any: off.
pub(crate) fn tracing_off() -> TracingConfiguration {
    TracingConfiguration { enabled: Some(false) }
}

/// The encryption of a state machine created without any: an AWS owned key.
pub(crate) fn aws_owned_key() -> EncryptionConfiguration {
    EncryptionConfiguration { r#type: EncryptionType::AwsOwnedKey, ..Default::default() }
}

/// Checks a definition as the service's parser would at its simplest: a
/// JSON object with a `StartAt` naming one of its `States`. The problem,
/// if any.
fn definition_problem(definition: &str) -> Option<String> {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(definition) else {
        return Some("The definition is not valid JSON".to_owned());
    };
    let Some(start_at) = json.get("StartAt").and_then(|s| s.as_str()) else {
        return Some("The definition has no `StartAt` string".to_owned());
    };
    let Some(states) = json.get("States").and_then(|s| s.as_object()) else {
        return Some("The definition has no `States` object".to_owned());
    };
    (!states.contains_key(start_at))
        .then(|| format!("`StartAt` names `{start_at}`, which is not one of the `States`"))
}

fn invalid_definition(problem: &str) -> Fault {
    Fault::new("InvalidDefinition", format!("Invalid State Machine Definition: '{problem}'"))
}

impl World {
    pub(super) fn machine(&self, state_machine_arn: &str) -> Outcome<&Machine> {
        self.machines.get(state_machine_arn).ok_or_else(|| no_machine(state_machine_arn))
    }

    fn machine_mut(&mut self, state_machine_arn: &str) -> Outcome<&mut Machine> {
        self.machines.get_mut(state_machine_arn).ok_or_else(|| no_machine(state_machine_arn))
    }

    /// Resolves a state machine, version or alias ARN. An alias routes to
    /// its first routing entry (the fake does not split traffic).
    pub(super) fn resolve_target(&self, arn: &str) -> Outcome<Target> {
        let (unqualified, qualifier) = split_qualifier(arn);
        let machine = self.machine(unqualified).map_err(|_| no_machine(arn))?;
        let machine_arn = unqualified.to_owned();
        match qualifier {
            None => Ok(Target { machine_arn, version_arn: None, alias_arn: None }),
            Some(q) if q.bytes().all(|b| b.is_ascii_digit()) => {
                let known = q.parse().ok().is_some_and(|n: u32| machine.versions.contains_key(&n));
                if !known {
                    return Err(no_machine(arn));
                }
                Ok(Target { machine_arn, version_arn: Some(arn.to_owned()), alias_arn: None })
            }
            Some(name) => {
                let alias = machine.aliases.get(name).ok_or_else(|| no_alias(arn))?;
                let version_arn = alias
                    .routing_configuration
                    .as_ref()
                    .and_then(|r| r.first())
                    .map(|r| r.state_machine_version_arn.clone());
                Ok(Target { machine_arn, version_arn, alias_arn: Some(arn.to_owned()) })
            }
        }
    }

    pub(super) fn create_state_machine(
        &mut self,
        input: CreateStateMachineInput,
        now: OffsetDateTime,
    ) -> Outcome<CreateStateMachineOutput> {
        if let Some(problem) = definition_problem(input.definition.as_str()) {
            return Err(invalid_definition(&problem));
        }
        let arn = super::arn("stateMachine", &input.name);
        if let Some(existing) = self.machines.get(&arn) {
            let d = &existing.description;
            // The service answers a repeated create of the same machine
            // with the machine; a different one is a conflict.
            if d.definition == input.definition && d.role_arn == input.role_arn {
                return Ok(CreateStateMachineOutput {
                    state_machine_arn: arn,
                    creation_date: d.creation_date,
                    state_machine_version_arn: None,
                });
            }
            return Err(Fault::new(
                "StateMachineAlreadyExists",
                format!("State Machine Already Exists: '{arn}'"),
            ));
        }
        let mut description = created(
            &input.name,
            input.definition,
            input.role_arn,
            input.r#type.unwrap_or(StateMachineType::Standard),
            now,
        );
        description.logging_configuration =
            input.logging_configuration.or(description.logging_configuration);
        description.tracing_configuration =
            input.tracing_configuration.or(description.tracing_configuration);
        description.encryption_configuration =
            input.encryption_configuration.or(description.encryption_configuration);
        let mut machine = Machine::new(description);
        let version_arn = input
            .publish
            .unwrap_or(false)
            .then(|| machine.publish(input.version_description, now).0);
        self.machines.insert(arn.clone(), machine);
        if let Some(tags) = input.tags.filter(|t| !t.is_empty()) {
            self.tags.insert(arn.clone(), tags);
        }
        Ok(CreateStateMachineOutput {
            state_machine_arn: arn,
            creation_date: now,
            state_machine_version_arn: version_arn,
        })
    }

    pub(super) fn describe_state_machine(
        &mut self,
        input: DescribeStateMachineInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeStateMachineOutput> {
        let arn = &input.state_machine_arn;
        let (unqualified, qualifier) = split_qualifier(arn);
        let machine = self.machine(unqualified).map_err(|_| no_machine(arn))?;
        let mut description = match qualifier {
            None => machine.description.clone(),
            Some(q) => q
                .parse::<u32>()
                .ok()
                .and_then(|n| machine.versions.get(&n))
                .map(|v| v.description.clone())
                .ok_or_else(|| no_machine(arn))?,
        };
        if input.included_data == Some(IncludedData::MetadataOnly) {
            description.definition = Sensitive::default();
        }
        Ok(description)
    }

    pub(super) fn describe_state_machine_for_execution(
        &mut self,
        input: DescribeStateMachineForExecutionInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeStateMachineForExecutionOutput> {
        let execution = &self.execution(&input.execution_arn)?.description;
        let (unqualified, _) = split_qualifier(&execution.state_machine_arn);
        let machine = self.machine(unqualified).map_err(|_| no_execution(&input.execution_arn))?;
        let version = execution
            .state_machine_version_arn
            .as_deref()
            .and_then(|v| split_qualifier(v).1)
            .and_then(|q| q.parse::<u32>().ok())
            .and_then(|n| machine.versions.get(&n));
        let d = version.map_or(&machine.description, |v| &v.description);
        Ok(DescribeStateMachineForExecutionOutput {
            state_machine_arn: d.state_machine_arn.clone(),
            name: d.name.clone(),
            definition: d.definition.clone(),
            role_arn: d.role_arn.clone(),
            update_date: version.map_or(machine.update_date, |v| v.description.creation_date),
            logging_configuration: d.logging_configuration.clone(),
            tracing_configuration: d.tracing_configuration.clone(),
            map_run_arn: execution.map_run_arn.clone(),
            label: d.label.clone(),
            revision_id: d.revision_id.clone(),
            encryption_configuration: d.encryption_configuration.clone(),
            variable_references: d.variable_references.clone(),
        })
    }

    pub(super) fn update_state_machine(
        &mut self,
        input: UpdateStateMachineInput,
        now: OffsetDateTime,
    ) -> Outcome<UpdateStateMachineOutput> {
        if let Some(problem) =
            input.definition.as_ref().and_then(|d| definition_problem(d.as_str()))
        {
            return Err(invalid_definition(&problem));
        }
        let machine = self.machine_mut(&input.state_machine_arn)?;
        let d = &mut machine.description;
        if let Some(definition) = input.definition {
            d.definition = definition;
        }
        if let Some(role_arn) = input.role_arn {
            d.role_arn = role_arn;
        }
        if input.logging_configuration.is_some() {
            d.logging_configuration = input.logging_configuration;
        }
        if input.tracing_configuration.is_some() {
            d.tracing_configuration = input.tracing_configuration;
        }
        if input.encryption_configuration.is_some() {
            d.encryption_configuration = input.encryption_configuration;
        }
        d.revision_id = Some(random::uuid_v4());
        let revision_id = d.revision_id.clone();
        machine.update_date = now;
        let version_arn = input
            .publish
            .unwrap_or(false)
            .then(|| machine.publish(input.version_description, now).0);
        Ok(UpdateStateMachineOutput {
            update_date: now,
            revision_id,
            state_machine_version_arn: version_arn,
        })
    }

    pub(super) fn delete_state_machine(
        &mut self,
        input: DeleteStateMachineInput,
        _now: OffsetDateTime,
    ) -> Outcome<DeleteStateMachineOutput> {
        // Deleting what is not there succeeds, as with the service; the
        // executions stay describable.
        let (unqualified, qualifier) = split_qualifier(&input.state_machine_arn);
        if qualifier.is_none() && self.machines.remove(unqualified).is_some() {
            self.tags.remove(unqualified);
        }
        Ok(DeleteStateMachineOutput {})
    }

    pub(super) fn list_state_machines(
        &mut self,
        input: ListStateMachinesInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListStateMachinesOutput> {
        let items = self
            .machines
            .values()
            .map(|m| StateMachineListItem {
                state_machine_arn: m.description.state_machine_arn.clone(),
                name: m.description.name.clone(),
                r#type: m.description.r#type.clone(),
                creation_date: m.description.creation_date,
            })
            .collect();
        let (state_machines, next_token) =
            page(items, "ListStateMachines", input.max_results, input.next_token.as_deref())?;
        Ok(ListStateMachinesOutput { state_machines, next_token })
    }

    pub(super) fn publish_state_machine_version(
        &mut self,
        input: PublishStateMachineVersionInput,
        now: OffsetDateTime,
    ) -> Outcome<PublishStateMachineVersionOutput> {
        let machine = self.machine_mut(&input.state_machine_arn)?;
        if let Some(expected) = &input.revision_id {
            if machine.description.revision_id.as_ref() != Some(expected) {
                return Err(Fault::new(
                    "ConflictException",
                    format!(
                        "The revision id '{expected}' is not the state machine's latest revision"
                    ),
                ));
            }
        }
        let (state_machine_version_arn, creation_date) = machine.publish(input.description, now);
        Ok(PublishStateMachineVersionOutput { creation_date, state_machine_version_arn })
    }

    pub(super) fn list_state_machine_versions(
        &mut self,
        input: ListStateMachineVersionsInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListStateMachineVersionsOutput> {
        let machine = self.machine(&input.state_machine_arn)?;
        // Newest first.
        let items = machine
            .versions
            .values()
            .rev()
            .map(|v| StateMachineVersionListItem {
                state_machine_version_arn: v.description.state_machine_arn.clone(),
                creation_date: v.description.creation_date,
            })
            .collect();
        let listing = format!("ListStateMachineVersions {}", input.state_machine_arn);
        let (state_machine_versions, next_token) =
            page(items, &listing, input.max_results, input.next_token.as_deref())?;
        Ok(ListStateMachineVersionsOutput { state_machine_versions, next_token })
    }

    pub(super) fn delete_state_machine_version(
        &mut self,
        input: DeleteStateMachineVersionInput,
        _now: OffsetDateTime,
    ) -> Outcome<DeleteStateMachineVersionOutput> {
        let arn = &input.state_machine_version_arn;
        let (unqualified, qualifier) = split_qualifier(arn);
        let Some(number) = qualifier.and_then(|q| q.parse::<u32>().ok()) else {
            return Err(Fault::new(
                "InvalidArn",
                format!("Invalid Arn: '{arn}' is not a version ARN"),
            ));
        };
        let Some(machine) = self.machines.get_mut(unqualified) else {
            return Ok(DeleteStateMachineVersionOutput {});
        };
        let routed = machine.aliases.values().find(|a| {
            a.routing_configuration.iter().flatten().any(|r| r.state_machine_version_arn == *arn)
        });
        if let Some(alias) = routed {
            return Err(Fault::new(
                "ConflictException",
                format!(
                    "Version '{arn}' is referenced by alias '{}'",
                    alias.state_machine_alias_arn.as_deref().unwrap_or_default()
                ),
            ));
        }
        machine.versions.remove(&number);
        Ok(DeleteStateMachineVersionOutput {})
    }

    /// The machine the routing's versions belong to, all of them known.
    fn routed_machine(
        &self,
        routing: &[crate::types::RoutingConfigurationListItem],
    ) -> Outcome<String> {
        let mut machine_arn = None;
        for entry in routing {
            let arn = &entry.state_machine_version_arn;
            let (unqualified, qualifier) = split_qualifier(arn);
            let known = qualifier.and_then(|q| q.parse::<u32>().ok()).is_some_and(|n| {
                self.machines.get(unqualified).is_some_and(|m| m.versions.contains_key(&n))
            });
            if !known {
                return Err(Fault::new("ResourceNotFound", format!("Resource not found: '{arn}'")));
            }
            if machine_arn.get_or_insert(unqualified) != &unqualified {
                return Err(Fault::validation(
                    "The routing configuration's versions belong to different state machines",
                ));
            }
        }
        machine_arn
            .map(str::to_owned)
            .ok_or_else(|| Fault::validation("The routing configuration is empty"))
    }

    pub(super) fn create_state_machine_alias(
        &mut self,
        input: CreateStateMachineAliasInput,
        now: OffsetDateTime,
    ) -> Outcome<CreateStateMachineAliasOutput> {
        let machine_arn = self.routed_machine(&input.routing_configuration)?;
        let alias_arn = format!("{machine_arn}:{}", input.name);
        let machine = self.machine_mut(&machine_arn)?;
        if let Some(existing) = machine.aliases.get(&input.name) {
            if existing.routing_configuration.as_ref() == Some(&input.routing_configuration)
                && existing.description == input.description
            {
                return Ok(CreateStateMachineAliasOutput {
                    state_machine_alias_arn: alias_arn,
                    creation_date: existing.creation_date.unwrap_or(now),
                });
            }
            return Err(Fault::new(
                "ConflictException",
                format!(
                    "An alias named '{}' already exists with another configuration",
                    input.name
                ),
            ));
        }
        let alias = DescribeStateMachineAliasOutput {
            state_machine_alias_arn: Some(alias_arn.clone()),
            name: Some(input.name.clone()),
            description: input.description,
            routing_configuration: Some(input.routing_configuration),
            creation_date: Some(now),
            update_date: Some(now),
        };
        machine.aliases.insert(input.name, alias);
        Ok(CreateStateMachineAliasOutput { state_machine_alias_arn: alias_arn, creation_date: now })
    }

    fn alias_mut(&mut self, alias_arn: &str) -> Outcome<&mut DescribeStateMachineAliasOutput> {
        let (unqualified, qualifier) = split_qualifier(alias_arn);
        qualifier
            .and_then(|name| self.machines.get_mut(unqualified)?.aliases.get_mut(name))
            .ok_or_else(|| no_alias(alias_arn))
    }

    pub(super) fn describe_state_machine_alias(
        &mut self,
        input: DescribeStateMachineAliasInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeStateMachineAliasOutput> {
        self.alias_mut(&input.state_machine_alias_arn).map(|a| a.clone())
    }

    pub(super) fn update_state_machine_alias(
        &mut self,
        input: UpdateStateMachineAliasInput,
        now: OffsetDateTime,
    ) -> Outcome<UpdateStateMachineAliasOutput> {
        let arn = &input.state_machine_alias_arn;
        if let Some(routing) = &input.routing_configuration {
            let machine_arn = self.routed_machine(routing)?;
            if machine_arn != split_qualifier(arn).0 {
                return Err(Fault::validation(
                    "The routing configuration's versions belong to another state machine",
                ));
            }
        }
        let alias = self.alias_mut(arn)?;
        if input.description.is_some() {
            alias.description = input.description;
        }
        if input.routing_configuration.is_some() {
            alias.routing_configuration = input.routing_configuration;
        }
        alias.update_date = Some(now);
        Ok(UpdateStateMachineAliasOutput { update_date: now })
    }

    pub(super) fn delete_state_machine_alias(
        &mut self,
        input: DeleteStateMachineAliasInput,
        _now: OffsetDateTime,
    ) -> Outcome<DeleteStateMachineAliasOutput> {
        let arn = &input.state_machine_alias_arn;
        let (unqualified, qualifier) = split_qualifier(arn);
        let removed =
            qualifier.and_then(|name| self.machines.get_mut(unqualified)?.aliases.remove(name));
        removed.map(|_| DeleteStateMachineAliasOutput {}).ok_or_else(|| no_alias(arn))
    }

    pub(super) fn list_state_machine_aliases(
        &mut self,
        input: ListStateMachineAliasesInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListStateMachineAliasesOutput> {
        let machine = self.machine(&input.state_machine_arn)?;
        let items = machine
            .aliases
            .values()
            .map(|a| StateMachineAliasListItem {
                state_machine_alias_arn: a.state_machine_alias_arn.clone().unwrap_or_default(),
                creation_date: a.creation_date.unwrap_or(OffsetDateTime::UNIX_EPOCH),
            })
            .collect();
        let listing = format!("ListStateMachineAliases {}", input.state_machine_arn);
        let (state_machine_aliases, next_token) =
            page(items, &listing, input.max_results, input.next_token.as_deref())?;
        Ok(ListStateMachineAliasesOutput { state_machine_aliases, next_token })
    }

    /// Answers as seeded for the machine, else SUCCEEDED with the input as
    /// the output. Only EXPRESS machines run synchronously.
    pub(super) fn start_sync_execution(
        &mut self,
        input: StartSyncExecutionInput,
        now: OffsetDateTime,
    ) -> Outcome<StartSyncExecutionOutput> {
        let target = self.resolve_target(&input.state_machine_arn)?;
        let machine = &self.machines[&target.machine_arn];
        if machine.description.r#type != StateMachineType::Express {
            return Err(Fault::new(
                "StateMachineTypeNotSupported",
                format!(
                    "This operation is not supported by this type of state machine: '{}'",
                    input.state_machine_arn
                ),
            ));
        }
        let name = input.name.unwrap_or_else(random::uuid_v4);
        let execution_arn = format!(
            "{}:{}",
            super::arn("express", &format!("{}:{name}", machine.description.name)),
            random::uuid_v4()
        );
        let input_text = input.input.unwrap_or_else(|| "{}".into());
        let mut output = machine.sync_result.clone().unwrap_or_else(|| StartSyncExecutionOutput {
            execution_arn: String::new(),
            state_machine_arn: None,
            name: None,
            start_date: now,
            stop_date: now,
            status: SyncExecutionStatus::Succeeded,
            error: None,
            cause: None,
            input: None,
            input_details: None,
            output: Some(input_text.clone()),
            output_details: None,
            trace_header: None,
            billing_details: None,
        });
        output.execution_arn = execution_arn;
        output.state_machine_arn = Some(input.state_machine_arn);
        output.name = Some(name);
        output.input = Some(input_text);
        output.trace_header = input.trace_header;
        if input.included_data == Some(IncludedData::MetadataOnly) {
            output.input = None;
            output.output = None;
        }
        Ok(output)
    }

    pub(super) fn validate_state_machine_definition(
        &mut self,
        input: ValidateStateMachineDefinitionInput,
        _now: OffsetDateTime,
    ) -> Outcome<ValidateStateMachineDefinitionOutput> {
        let diagnostics: Vec<_> = definition_problem(input.definition.as_str())
            .map(|problem| ValidateStateMachineDefinitionDiagnostic {
                severity: ValidateStateMachineDefinitionSeverity::Error,
                code: "SCHEMA_VALIDATION_FAILED".into(),
                message: problem.into(),
                location: None,
            })
            .into_iter()
            .collect();
        let result = if diagnostics.is_empty() {
            ValidateStateMachineDefinitionResultCode::Ok
        } else {
            ValidateStateMachineDefinitionResultCode::Fail
        };
        Ok(ValidateStateMachineDefinitionOutput { result, diagnostics, truncated: Some(false) })
    }

    /// Runs no state: a mocked error fails, a mocked result succeeds with
    /// it, and otherwise the state passes its input through; `nextState`
    /// is the state's `Next`.
    pub(super) fn test_state(
        &mut self,
        input: TestStateInput,
        _now: OffsetDateTime,
    ) -> Outcome<TestStateOutput> {
        let Ok(state) = serde_json::from_str::<serde_json::Value>(input.definition.as_str()) else {
            return Err(invalid_definition("The state definition is not valid JSON"));
        };
        let Some(state) = state.as_object().filter(|s| s.contains_key("Type")) else {
            return Err(invalid_definition("The state definition has no `Type`"));
        };
        let next_state = state.get("Next").and_then(|n| n.as_str()).map(str::to_owned);
        let mock = input.mock.unwrap_or_default();
        let mut output = TestStateOutput {
            output: None,
            error: None,
            cause: None,
            inspection_data: None,
            next_state: None,
            status: Some(TestExecutionStatus::Succeeded),
        };
        if let Some(failure) = mock.error_output {
            output.status = Some(TestExecutionStatus::Failed);
            output.error = failure.error;
            output.cause = failure.cause;
        } else {
            output.output = mock.result.or(input.input).or_else(|| Some("{}".into()));
            output.next_state = next_state;
        }
        Ok(output)
    }
}
