//! Building history events by hand, for fakes and tests: a coherent
//! [`HistoryEvent`] from its details, and `with_<member>` setters on the
//! event and every details struct. Kept apart from the decoding in
//! `history.rs`.

use super::*;
use std::collections::HashMap;

impl HistoryEvent {
    /// An event with this id and timestamp carrying `details`, its type the
    /// one the details imply ([`EventDetails::event_type`]).
    ///
    /// Details shared by several types (`StateEntered`, `StateExited`) or
    /// absent ([`EventDetails::None`]) imply none, and `new` leaves the
    /// type `Unknown("")`: build those events with [`HistoryEvent::of_type`].
    ///
    /// ```
    /// use sfn_lite::types::history::{EventDetails, HistoryEvent, HistoryEventType};
    /// use sfn_lite::types::history::{FailureEventDetails, MapRunStartedEventDetails};
    /// use std::time::SystemTime;
    ///
    /// let started = HistoryEvent::new(
    ///     5,
    ///     SystemTime::now(),
    ///     EventDetails::MapRunStarted(
    ///         MapRunStartedEventDetails::default()
    ///             .with_map_run_arn("arn:aws:states:us-east-1:123456789012:mapRun:sm/Map:1"),
    ///     ),
    /// )
    /// .with_previous_event_id(4);
    /// assert_eq!(started.r#type, HistoryEventType::MapRunStarted);
    ///
    /// let failed = HistoryEvent::new(
    ///     9,
    ///     SystemTime::now(),
    ///     EventDetails::ExecutionFailed(
    ///         FailureEventDetails::default().with_error("States.Timeout").with_cause("too slow"),
    ///     ),
    /// );
    /// assert_eq!(failed.error_and_cause(), Some((Some("States.Timeout"), Some("too slow"))));
    /// ```
    pub fn new(id: i64, timestamp: impl Into<OffsetDateTime>, details: EventDetails) -> Self {
        let r#type = details.event_type().unwrap_or_default();
        Self { timestamp: timestamp.into(), r#type, id, previous_event_id: None, details }
    }

    /// An event of this type, with this id and timestamp, and no details
    /// yet ([`HistoryEvent::with_details`] adds them): for the types whose
    /// details do not imply them, such as `PassStateEntered` or
    /// `MapRunSucceeded`.
    ///
    /// ```
    /// use sfn_lite::types::history::{
    ///     EventDetails, HistoryEvent, HistoryEventType, StateEnteredEventDetails,
    /// };
    /// use std::time::SystemTime;
    ///
    /// let entered = HistoryEvent::of_type(2, SystemTime::now(), HistoryEventType::PassStateEntered)
    ///     .with_previous_event_id(1)
    ///     .with_details(EventDetails::StateEntered(
    ///         StateEnteredEventDetails::default().with_name("Prepare").with_input("{}"),
    ///     ));
    /// assert_eq!(entered.state_name(), Some("Prepare"));
    /// ```
    pub fn of_type(
        id: i64,
        timestamp: impl Into<OffsetDateTime>,
        r#type: HistoryEventType,
    ) -> Self {
        Self {
            timestamp: timestamp.into(),
            r#type,
            id,
            previous_event_id: None,
            details: EventDetails::None,
        }
    }
}

impl EventDetails {
    /// The event type these details imply, when only one type carries them
    /// (`MapRunStarted` details: a `MapRunStarted` event); `None` for
    /// `StateEntered` and `StateExited` (one per kind of state), for no
    /// details and for unknown ones.
    pub fn event_type(&self) -> Option<HistoryEventType> {
        use HistoryEventType as T;
        Some(match self {
            Self::ActivityFailed(_) => T::ActivityFailed,
            Self::ActivityScheduleFailed(_) => T::ActivityScheduleFailed,
            Self::ActivityScheduled(_) => T::ActivityScheduled,
            Self::ActivityStarted(_) => T::ActivityStarted,
            Self::ActivitySucceeded(_) => T::ActivitySucceeded,
            Self::ActivityTimedOut(_) => T::ActivityTimedOut,
            Self::TaskFailed(_) => T::TaskFailed,
            Self::TaskScheduled(_) => T::TaskScheduled,
            Self::TaskStartFailed(_) => T::TaskStartFailed,
            Self::TaskStarted(_) => T::TaskStarted,
            Self::TaskSubmitFailed(_) => T::TaskSubmitFailed,
            Self::TaskSubmitted(_) => T::TaskSubmitted,
            Self::TaskSucceeded(_) => T::TaskSucceeded,
            Self::TaskTimedOut(_) => T::TaskTimedOut,
            Self::ExecutionFailed(_) => T::ExecutionFailed,
            Self::ExecutionStarted(_) => T::ExecutionStarted,
            Self::ExecutionSucceeded(_) => T::ExecutionSucceeded,
            Self::ExecutionAborted(_) => T::ExecutionAborted,
            Self::ExecutionTimedOut(_) => T::ExecutionTimedOut,
            Self::ExecutionRedriven(_) => T::ExecutionRedriven,
            Self::MapStateStarted(_) => T::MapStateStarted,
            Self::MapIterationStarted(_) => T::MapIterationStarted,
            Self::MapIterationSucceeded(_) => T::MapIterationSucceeded,
            Self::MapIterationFailed(_) => T::MapIterationFailed,
            Self::MapIterationAborted(_) => T::MapIterationAborted,
            Self::LambdaFunctionFailed(_) => T::LambdaFunctionFailed,
            Self::LambdaFunctionScheduleFailed(_) => T::LambdaFunctionScheduleFailed,
            Self::LambdaFunctionScheduled(_) => T::LambdaFunctionScheduled,
            Self::LambdaFunctionStartFailed(_) => T::LambdaFunctionStartFailed,
            Self::LambdaFunctionSucceeded(_) => T::LambdaFunctionSucceeded,
            Self::LambdaFunctionTimedOut(_) => T::LambdaFunctionTimedOut,
            Self::MapRunStarted(_) => T::MapRunStarted,
            Self::MapRunFailed(_) => T::MapRunFailed,
            Self::MapRunRedriven(_) => T::MapRunRedriven,
            Self::EvaluationFailed(_) => T::EvaluationFailed,
            Self::StateEntered(_) | Self::StateExited(_) | Self::None | Self::Unknown { .. } => {
                return None;
            }
        })
    }
}

crate::builders::with_setters! {
    HistoryEvent + Default {
        with_timestamp => timestamp: OffsetDateTime;
        with_type => r#type: HistoryEventType;
        with_id => id: i64;
        with_previous_event_id => previous_event_id: Option<i64>;
        with_details => details: EventDetails;
    }
}

crate::builders::with_setters! {
    FailureEventDetails {
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
    }
    ActivityScheduledEventDetails {
        with_resource => resource: String;
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<HistoryEventExecutionDataDetails>;
        with_timeout_in_seconds => timeout_in_seconds: Option<i64>;
        with_heartbeat_in_seconds => heartbeat_in_seconds: Option<i64>;
    }
    ActivityStartedEventDetails {
        with_worker_name => worker_name: Option<String>;
    }
    OutputEventDetails {
        with_output => output: Option<Sensitive<String>>;
        with_output_details => output_details: Option<HistoryEventExecutionDataDetails>;
    }
    TaskFailureEventDetails {
        with_resource_type => resource_type: String;
        with_resource => resource: String;
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
    }
    TaskScheduledEventDetails {
        with_resource_type => resource_type: String;
        with_resource => resource: String;
        with_region => region: String;
        with_parameters => parameters: Sensitive<String>;
        with_timeout_in_seconds => timeout_in_seconds: Option<i64>;
        with_heartbeat_in_seconds => heartbeat_in_seconds: Option<i64>;
        with_task_credentials => task_credentials: Option<TaskCredentials>;
    }
    TaskStartedEventDetails {
        with_resource_type => resource_type: String;
        with_resource => resource: String;
    }
    TaskOutputEventDetails {
        with_resource_type => resource_type: String;
        with_resource => resource: String;
        with_output => output: Option<Sensitive<String>>;
        with_output_details => output_details: Option<HistoryEventExecutionDataDetails>;
    }
    ExecutionStartedEventDetails {
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<HistoryEventExecutionDataDetails>;
        with_role_arn => role_arn: Option<String>;
        with_state_machine_alias_arn => state_machine_alias_arn: Option<String>;
        with_state_machine_version_arn => state_machine_version_arn: Option<String>;
    }
    ExecutionRedrivenEventDetails {
        with_redrive_count => redrive_count: Option<i32>;
    }
    MapStateStartedEventDetails {
        with_length => length: Option<i32>;
    }
    MapIterationEventDetails {
        with_name => name: Option<String>;
        with_index => index: Option<i32>;
    }
    LambdaFunctionScheduledEventDetails {
        with_resource => resource: String;
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<HistoryEventExecutionDataDetails>;
        with_timeout_in_seconds => timeout_in_seconds: Option<i64>;
        with_task_credentials => task_credentials: Option<TaskCredentials>;
    }
    StateEnteredEventDetails {
        with_name => name: String;
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<HistoryEventExecutionDataDetails>;
    }
    StateExitedEventDetails {
        with_name => name: String;
        with_output => output: Option<Sensitive<String>>;
        with_output_details => output_details: Option<HistoryEventExecutionDataDetails>;
        with_assigned_variables => assigned_variables: Option<Sensitive<HashMap<String, String>>>;
        with_assigned_variables_details => assigned_variables_details: Option<AssignedVariablesDetails>;
    }
    MapRunStartedEventDetails {
        with_map_run_arn => map_run_arn: Option<String>;
    }
    MapRunRedrivenEventDetails {
        with_map_run_arn => map_run_arn: Option<String>;
        with_redrive_count => redrive_count: Option<i32>;
    }
    EvaluationFailedEventDetails {
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
        with_location => location: Option<Sensitive<String>>;
        with_state => state: String;
    }
    HistoryEventExecutionDataDetails {
        with_truncated => truncated: Option<bool>;
    }
    TaskCredentials {
        with_role_arn => role_arn: Option<String>;
    }
    AssignedVariablesDetails {
        with_truncated => truncated: Option<bool>;
    }
}
