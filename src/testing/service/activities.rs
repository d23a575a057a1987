//! Activities, their tasks, and tags: Create/Describe/Delete/ListActivities,
//! GetActivityTask, SendTaskSuccess/Failure/Heartbeat, TagResource,
//! UntagResource, ListTagsForResource.
//!
//! GetActivityTask does not long-poll: it hands out a queued task, or
//! answers at once with no task when none is queued.

use super::pages::page;
use super::{Fault, Outcome, World, resource_type, split_qualifier};
use crate::operations::{
    ActivityListItem, CreateActivityInput, CreateActivityOutput, DeleteActivityInput,
    DeleteActivityOutput, DescribeActivityInput, DescribeActivityOutput, GetActivityTaskInput,
    GetActivityTaskOutput, ListActivitiesInput, ListActivitiesOutput, ListTagsForResourceInput,
    ListTagsForResourceOutput, SendTaskFailureInput, SendTaskFailureOutput, SendTaskHeartbeatInput,
    SendTaskHeartbeatOutput, SendTaskSuccessInput, SendTaskSuccessOutput, TagResourceInput,
    TagResourceOutput, UntagResourceInput, UntagResourceOutput,
};
use crate::random;
use crate::types::Sensitive;
use std::collections::VecDeque;
use time::OffsetDateTime;

/// The most tags a resource may carry.
const TAGS_MAX: usize = 50;

/// An activity and the tokens of its tasks no worker has taken yet.
#[derive(Clone)]
pub(crate) struct Activity {
    pub(crate) description: DescribeActivityOutput,
    pub(crate) queue: VecDeque<String>,
}

/// An activity task: its input, and what its worker reported.
#[derive(Debug, Clone)]
pub(crate) struct Task {
    pub(crate) input: Sensitive<String>,
    pub(crate) heartbeats: u32,
    pub(crate) outcome: Option<TaskOutcome>,
}

/// What a worker reported for an activity task.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskOutcome {
    /// `SendTaskSuccess` with this output.
    Succeeded {
        /// The output, as JSON text.
        output: String,
    },
    /// `SendTaskFailure` with this error and cause.
    Failed {
        /// The error code.
        error: Option<String>,
        /// The cause.
        cause: Option<String>,
    },
}

// The output, error and cause are customer data.
impl std::fmt::Debug for TaskOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Succeeded { .. } => f.write_str("Succeeded { output: *** }"),
            Self::Failed { .. } => f.write_str("Failed { error: ***, cause: *** }"),
        }
    }
}

fn no_activity(activity_arn: &str) -> Fault {
    Fault::new("ActivityDoesNotExist", format!("Activity Does Not Exist: '{activity_arn}'"))
}

impl World {
    /// Queues a task for the activity; its token, or `None` when the
    /// activity is unknown.
    pub(crate) fn push_activity_task(
        &mut self,
        activity_arn: &str,
        input: String,
    ) -> Option<String> {
        let activity = self.activities.get_mut(activity_arn)?;
        let token = format!("fake-task-token-{}", random::uuid_v4());
        activity.queue.push_back(token.clone());
        self.tasks
            .insert(token.clone(), Task { input: input.into(), heartbeats: 0, outcome: None });
        Some(token)
    }

    pub(super) fn create_activity(
        &mut self,
        input: CreateActivityInput,
        now: OffsetDateTime,
    ) -> Outcome<CreateActivityOutput> {
        let arn = super::arn("activity", &input.name);
        if let Some(existing) = self.activities.get(&arn) {
            // Creating an existing activity answers with it.
            let creation_date = existing.description.creation_date;
            return Ok(CreateActivityOutput { activity_arn: arn, creation_date });
        }
        let description = DescribeActivityOutput {
            activity_arn: arn.clone(),
            name: input.name,
            creation_date: now,
            encryption_configuration: input.encryption_configuration,
        };
        self.activities.insert(arn.clone(), Activity { description, queue: VecDeque::new() });
        if let Some(tags) = input.tags.filter(|t| !t.is_empty()) {
            self.tags.insert(arn.clone(), tags);
        }
        Ok(CreateActivityOutput { activity_arn: arn, creation_date: now })
    }

    pub(super) fn delete_activity(
        &mut self,
        input: DeleteActivityInput,
        _now: OffsetDateTime,
    ) -> Outcome<DeleteActivityOutput> {
        self.activities.remove(&input.activity_arn);
        self.tags.remove(&input.activity_arn);
        Ok(DeleteActivityOutput {})
    }

    pub(super) fn describe_activity(
        &mut self,
        input: DescribeActivityInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeActivityOutput> {
        let activity = self.activities.get(&input.activity_arn);
        activity.map(|a| a.description.clone()).ok_or_else(|| no_activity(&input.activity_arn))
    }

    pub(super) fn list_activities(
        &mut self,
        input: ListActivitiesInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListActivitiesOutput> {
        let items = self
            .activities
            .values()
            .map(|a| ActivityListItem {
                activity_arn: a.description.activity_arn.clone(),
                name: a.description.name.clone(),
                creation_date: a.description.creation_date,
            })
            .collect();
        let (activities, next_token) =
            page(items, "ListActivities", input.max_results, input.next_token.as_deref())?;
        Ok(ListActivitiesOutput { activities, next_token })
    }

    pub(super) fn get_activity_task(
        &mut self,
        input: GetActivityTaskInput,
        _now: OffsetDateTime,
    ) -> Outcome<GetActivityTaskOutput> {
        let activity = self
            .activities
            .get_mut(&input.activity_arn)
            .ok_or_else(|| no_activity(&input.activity_arn))?;
        let Some(token) = activity.queue.pop_front() else {
            return Ok(GetActivityTaskOutput { task_token: None, input: None });
        };
        let input = self.tasks.get(&token).map(|t| t.input.clone());
        Ok(GetActivityTaskOutput { task_token: Some(token.into()), input })
    }

    /// The open task of `token`: `TaskDoesNotExist` for a token never issued,
    /// `TaskTimedOut` for one already closed.
    fn open_task(&mut self, token: &str) -> Outcome<&mut Task> {
        let task = self.tasks.get_mut(token).ok_or_else(|| {
            Fault::new("TaskDoesNotExist", "Task Does Not Exist: the task token is unknown")
        })?;
        if task.outcome.is_some() {
            return Err(Fault::new("TaskTimedOut", "Task Timed Out: the task is already closed"));
        }
        Ok(task)
    }

    pub(super) fn send_task_success(
        &mut self,
        input: SendTaskSuccessInput,
        _now: OffsetDateTime,
    ) -> Outcome<SendTaskSuccessOutput> {
        let task = self.open_task(input.task_token.as_str())?;
        task.outcome = Some(TaskOutcome::Succeeded { output: input.output.into_inner() });
        Ok(SendTaskSuccessOutput {})
    }

    pub(super) fn send_task_failure(
        &mut self,
        input: SendTaskFailureInput,
        _now: OffsetDateTime,
    ) -> Outcome<SendTaskFailureOutput> {
        let task = self.open_task(input.task_token.as_str())?;
        task.outcome = Some(TaskOutcome::Failed {
            error: input.error.map(|e| e.into_inner()),
            cause: input.cause.map(|c| c.into_inner()),
        });
        Ok(SendTaskFailureOutput {})
    }

    pub(super) fn send_task_heartbeat(
        &mut self,
        input: SendTaskHeartbeatInput,
        _now: OffsetDateTime,
    ) -> Outcome<SendTaskHeartbeatOutput> {
        self.open_task(input.task_token.as_str())?.heartbeats += 1;
        Ok(SendTaskHeartbeatOutput {})
    }

    /// Whether `arn` names a resource that carries tags (a state machine,
    /// version, alias or activity) and is there.
    fn taggable(&self, arn: &str) -> Outcome<()> {
        let known = match resource_type(arn) {
            "stateMachine" => {
                let (unqualified, qualifier) = split_qualifier(arn);
                self.machines.get(unqualified).is_some_and(|m| match qualifier {
                    None => true,
                    Some(q) => q.parse::<u32>().map_or_else(
                        |_| m.aliases.contains_key(q),
                        |n| m.versions.contains_key(&n),
                    ),
                })
            }
            "activity" => self.activities.contains_key(arn),
            _ => false,
        };
        if known {
            Ok(())
        } else {
            Err(Fault::new("ResourceNotFound", format!("Resource not found: '{arn}'")))
        }
    }

    pub(super) fn tag_resource(
        &mut self,
        input: TagResourceInput,
        _now: OffsetDateTime,
    ) -> Outcome<TagResourceOutput> {
        self.taggable(&input.resource_arn)?;
        let tags = self.tags.entry(input.resource_arn).or_default();
        let mut merged = tags.clone();
        for tag in input.tags {
            match merged.iter_mut().find(|t| t.key == tag.key) {
                Some(existing) => existing.value = tag.value,
                None => merged.push(tag),
            }
        }
        if merged.len() > TAGS_MAX {
            return Err(Fault::new(
                "TooManyTags",
                format!("Too many tags: a resource carries at most {TAGS_MAX}"),
            ));
        }
        *tags = merged;
        Ok(TagResourceOutput {})
    }

    pub(super) fn untag_resource(
        &mut self,
        input: UntagResourceInput,
        _now: OffsetDateTime,
    ) -> Outcome<UntagResourceOutput> {
        self.taggable(&input.resource_arn)?;
        if let Some(tags) = self.tags.get_mut(&input.resource_arn) {
            tags.retain(|t| !t.key.as_ref().is_some_and(|k| input.tag_keys.contains(k)));
        }
        Ok(UntagResourceOutput {})
    }

    pub(super) fn list_tags_for_resource(
        &mut self,
        input: ListTagsForResourceInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListTagsForResourceOutput> {
        self.taggable(&input.resource_arn)?;
        let tags = self.tags.get(&input.resource_arn).cloned().unwrap_or_default();
        Ok(ListTagsForResourceOutput { tags: Some(tags) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::World;
    use crate::operations::CreateActivityInput;
    use time::OffsetDateTime;

    #[test]
    fn the_world_shows_no_task_token_or_input_in_debug() {
        let mut world = World::default();
        let created = world
            .create_activity(CreateActivityInput::new("a"), OffsetDateTime::UNIX_EPOCH)
            .unwrap_or_else(|f| panic!("{f:?}"));
        let token = world.push_activity_task(&created.activity_arn, "secret-input".into());
        let token = token.unwrap_or_default();
        let shown = format!("{world:?} {:?}", world.tasks.get(&token));
        assert!(!shown.contains(&token) && !shown.contains("secret-input"), "{shown}");
    }
}
