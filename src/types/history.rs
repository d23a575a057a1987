//! History events, as `GetExecutionHistory` returns them: [`HistoryEvent`],
//! its [`HistoryEventType`], and its [`EventDetails`], one variant per
//! `*EventDetails` member of the service model.
//!
//! On the wire an event is one JSON object with at most one details member
//! (`"stateEnteredEventDetails": {...}`); here the details are one enum, so a
//! `match` sees every kind:
//!
//! ```
//! use sfn_lite::types::history::{EventDetails, HistoryEvent};
//!
//! let event: HistoryEvent = serde_json::from_str(
//!     r#"{"timestamp": 1795559751.538, "type": "MapRunStarted", "id": 7, "previousEventId": 6,
//!         "mapRunStartedEventDetails": {"mapRunArn": "arn:aws:states:...:mapRun:sm/map:1"}}"#,
//! )?;
//! if let EventDetails::MapRunStarted(details) = &event.details {
//!     println!("event {} started {:?}", event.id, details.map_run_arn);
//! }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! `HistoryEvent` decodes by hand, straight from the response bytes into the
//! right details struct, without an intermediate JSON tree: histories run to
//! millions of events.

mod buildable;
mod details;

pub use details::*;

use crate::service_enum::service_enum;
use crate::types::Sensitive;
use crate::wire;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use time::OffsetDateTime;

service_enum! {
    /// The type of a history event.
    HistoryEventType {
        /// An activity task failed.
        ActivityFailed = "ActivityFailed",
        /// An activity task was scheduled.
        ActivityScheduled = "ActivityScheduled",
        /// An activity task could not be scheduled.
        ActivityScheduleFailed = "ActivityScheduleFailed",
        /// A worker picked up an activity task.
        ActivityStarted = "ActivityStarted",
        /// An activity task finished.
        ActivitySucceeded = "ActivitySucceeded",
        /// An activity task timed out.
        ActivityTimedOut = "ActivityTimedOut",
        /// A Choice state was entered.
        ChoiceStateEntered = "ChoiceStateEntered",
        /// A Choice state was left.
        ChoiceStateExited = "ChoiceStateExited",
        /// The execution was stopped.
        ExecutionAborted = "ExecutionAborted",
        /// The execution failed.
        ExecutionFailed = "ExecutionFailed",
        /// The execution started.
        ExecutionStarted = "ExecutionStarted",
        /// The execution finished successfully.
        ExecutionSucceeded = "ExecutionSucceeded",
        /// The execution timed out.
        ExecutionTimedOut = "ExecutionTimedOut",
        /// A Fail state was entered.
        FailStateEntered = "FailStateEntered",
        /// A Lambda function failed.
        LambdaFunctionFailed = "LambdaFunctionFailed",
        /// A Lambda function was scheduled.
        LambdaFunctionScheduled = "LambdaFunctionScheduled",
        /// A Lambda function could not be scheduled.
        LambdaFunctionScheduleFailed = "LambdaFunctionScheduleFailed",
        /// A Lambda function started.
        LambdaFunctionStarted = "LambdaFunctionStarted",
        /// A Lambda function could not be started.
        LambdaFunctionStartFailed = "LambdaFunctionStartFailed",
        /// A Lambda function finished.
        LambdaFunctionSucceeded = "LambdaFunctionSucceeded",
        /// A Lambda function timed out.
        LambdaFunctionTimedOut = "LambdaFunctionTimedOut",
        /// An inline Map iteration was stopped.
        MapIterationAborted = "MapIterationAborted",
        /// An inline Map iteration failed.
        MapIterationFailed = "MapIterationFailed",
        /// An inline Map iteration started.
        MapIterationStarted = "MapIterationStarted",
        /// An inline Map iteration finished.
        MapIterationSucceeded = "MapIterationSucceeded",
        /// A Map state was stopped.
        MapStateAborted = "MapStateAborted",
        /// A Map state was entered.
        MapStateEntered = "MapStateEntered",
        /// A Map state was left.
        MapStateExited = "MapStateExited",
        /// A Map state failed.
        MapStateFailed = "MapStateFailed",
        /// A Map state started its iterations.
        MapStateStarted = "MapStateStarted",
        /// A Map state finished.
        MapStateSucceeded = "MapStateSucceeded",
        /// A Parallel state was stopped.
        ParallelStateAborted = "ParallelStateAborted",
        /// A Parallel state was entered.
        ParallelStateEntered = "ParallelStateEntered",
        /// A Parallel state was left.
        ParallelStateExited = "ParallelStateExited",
        /// A Parallel state failed.
        ParallelStateFailed = "ParallelStateFailed",
        /// A Parallel state started its branches.
        ParallelStateStarted = "ParallelStateStarted",
        /// A Parallel state finished.
        ParallelStateSucceeded = "ParallelStateSucceeded",
        /// A Pass state was entered.
        PassStateEntered = "PassStateEntered",
        /// A Pass state was left.
        PassStateExited = "PassStateExited",
        /// A Succeed state was entered.
        SucceedStateEntered = "SucceedStateEntered",
        /// A Succeed state was left.
        SucceedStateExited = "SucceedStateExited",
        /// A task failed.
        TaskFailed = "TaskFailed",
        /// A task was scheduled.
        TaskScheduled = "TaskScheduled",
        /// A task started.
        TaskStarted = "TaskStarted",
        /// A task could not be started.
        TaskStartFailed = "TaskStartFailed",
        /// A Task state was stopped.
        TaskStateAborted = "TaskStateAborted",
        /// A Task state was entered.
        TaskStateEntered = "TaskStateEntered",
        /// A Task state was left.
        TaskStateExited = "TaskStateExited",
        /// A task could not be submitted.
        TaskSubmitFailed = "TaskSubmitFailed",
        /// A task was submitted.
        TaskSubmitted = "TaskSubmitted",
        /// A task finished.
        TaskSucceeded = "TaskSucceeded",
        /// A task timed out.
        TaskTimedOut = "TaskTimedOut",
        /// A Wait state was stopped.
        WaitStateAborted = "WaitStateAborted",
        /// A Wait state was entered.
        WaitStateEntered = "WaitStateEntered",
        /// A Wait state was left.
        WaitStateExited = "WaitStateExited",
        /// A Map Run was stopped.
        MapRunAborted = "MapRunAborted",
        /// A Map Run failed.
        MapRunFailed = "MapRunFailed",
        /// A Distributed Map state started a Map Run.
        MapRunStarted = "MapRunStarted",
        /// A Map Run finished.
        MapRunSucceeded = "MapRunSucceeded",
        /// The execution was redriven.
        ExecutionRedriven = "ExecutionRedriven",
        /// A Map Run was redriven.
        MapRunRedriven = "MapRunRedriven",
        /// An expression could not be evaluated.
        EvaluationFailed = "EvaluationFailed",
    }
}

/// Declares [`EventDetails`] and everything that must agree with it, from
/// one table of `Variant("wireMember", DetailsStruct)`: the member names,
/// the key matcher of the decoder and the encoder.
macro_rules! event_details {
    ( $( $(#[$doc:meta])* $variant:ident($wire:literal, $ty:ident), )+ ) => {
        /// The details of a history event: which `*EventDetails` member it
        /// carries, decoded into its struct.
        ///
        /// Variants are named after the wire member without `EventDetails`;
        /// several event types share one member (every `*StateEntered` type
        /// carries [`EventDetails::StateEntered`]), and some carry none
        /// ([`EventDetails::None`]).
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum EventDetails {
            $( $(#[$doc])* $variant($ty), )+
            /// The event carries no details member.
            #[default]
            None,
            /// A details member this version of the crate does not know,
            /// kept as sent so that re-encoding the event loses nothing.
            Unknown {
                /// The wire member name, such as `futureEventDetails`.
                member: String,
                /// Its value, as raw JSON text.
                json: Sensitive<String>,
            },
        }

        impl EventDetails {
            /// The wire member name the details travel under
            /// (`"stateEnteredEventDetails"`), or `None` for an event without
            /// details.
            pub fn member_name(&self) -> Option<&str> {
                match self {
                    $( Self::$variant(_) => Some($wire), )+
                    Self::None => None,
                    Self::Unknown { member, .. } => Some(member),
                }
            }

            /// Writes the details as their wire member, if any.
            fn serialize_entry<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $( Self::$variant(d) => map.serialize_entry($wire, d), )+
                    Self::None => Ok(()),
                    Self::Unknown { member, json } => {
                        // Borrowing a `&RawValue` checks the text without copying it.
                        let raw: &RawValue =
                            serde_json::from_str(json.as_str()).map_err(M::Error::custom)?;
                        map.serialize_entry(member, raw)
                    }
                }
            }
        }

        /// A known details member, matched from its key before its value is read.
        #[derive(Clone, Copy)]
        enum DetailsKey {
            $( $variant, )+
        }

        impl DetailsKey {
            fn from_wire(key: &str) -> Option<Self> {
                match key {
                    $( $wire => Some(Self::$variant), )+
                    _ => None,
                }
            }

            /// Decodes the member's value straight into its struct; `null`
            /// counts as absent.
            fn next_value<'de, A: MapAccess<'de>>(
                self,
                map: &mut A,
            ) -> Result<Option<EventDetails>, A::Error> {
                match self {
                    $( Self::$variant => {
                        Ok(map.next_value::<Option<$ty>>()?.map(EventDetails::$variant))
                    } )+
                }
            }
        }
    };
}

event_details! {
    /// An activity failed (`activityFailedEventDetails`).
    ActivityFailed("activityFailedEventDetails", ActivityFailedEventDetails),
    /// An activity could not be scheduled (`activityScheduleFailedEventDetails`).
    ActivityScheduleFailed(
        "activityScheduleFailedEventDetails",
        ActivityScheduleFailedEventDetails
    ),
    /// An activity was scheduled (`activityScheduledEventDetails`).
    ActivityScheduled("activityScheduledEventDetails", ActivityScheduledEventDetails),
    /// A worker picked up an activity (`activityStartedEventDetails`).
    ActivityStarted("activityStartedEventDetails", ActivityStartedEventDetails),
    /// An activity finished (`activitySucceededEventDetails`).
    ActivitySucceeded("activitySucceededEventDetails", ActivitySucceededEventDetails),
    /// An activity timed out (`activityTimedOutEventDetails`).
    ActivityTimedOut("activityTimedOutEventDetails", ActivityTimedOutEventDetails),
    /// A task failed (`taskFailedEventDetails`).
    TaskFailed("taskFailedEventDetails", TaskFailedEventDetails),
    /// A task was scheduled (`taskScheduledEventDetails`).
    TaskScheduled("taskScheduledEventDetails", TaskScheduledEventDetails),
    /// A task could not be started (`taskStartFailedEventDetails`).
    TaskStartFailed("taskStartFailedEventDetails", TaskStartFailedEventDetails),
    /// A task started (`taskStartedEventDetails`).
    TaskStarted("taskStartedEventDetails", TaskStartedEventDetails),
    /// A task could not be submitted (`taskSubmitFailedEventDetails`).
    TaskSubmitFailed("taskSubmitFailedEventDetails", TaskSubmitFailedEventDetails),
    /// A task was submitted (`taskSubmittedEventDetails`).
    TaskSubmitted("taskSubmittedEventDetails", TaskSubmittedEventDetails),
    /// A task finished (`taskSucceededEventDetails`).
    TaskSucceeded("taskSucceededEventDetails", TaskSucceededEventDetails),
    /// A task timed out (`taskTimedOutEventDetails`).
    TaskTimedOut("taskTimedOutEventDetails", TaskTimedOutEventDetails),
    /// The execution failed (`executionFailedEventDetails`).
    ExecutionFailed("executionFailedEventDetails", ExecutionFailedEventDetails),
    /// The execution started (`executionStartedEventDetails`).
    ExecutionStarted("executionStartedEventDetails", ExecutionStartedEventDetails),
    /// The execution finished (`executionSucceededEventDetails`).
    ExecutionSucceeded("executionSucceededEventDetails", ExecutionSucceededEventDetails),
    /// The execution was stopped (`executionAbortedEventDetails`).
    ExecutionAborted("executionAbortedEventDetails", ExecutionAbortedEventDetails),
    /// The execution timed out (`executionTimedOutEventDetails`).
    ExecutionTimedOut("executionTimedOutEventDetails", ExecutionTimedOutEventDetails),
    /// The execution was redriven (`executionRedrivenEventDetails`).
    ExecutionRedriven("executionRedrivenEventDetails", ExecutionRedrivenEventDetails),
    /// A Map state started its iterations (`mapStateStartedEventDetails`).
    MapStateStarted("mapStateStartedEventDetails", MapStateStartedEventDetails),
    /// An inline Map iteration started (`mapIterationStartedEventDetails`).
    MapIterationStarted("mapIterationStartedEventDetails", MapIterationEventDetails),
    /// An inline Map iteration finished (`mapIterationSucceededEventDetails`).
    MapIterationSucceeded("mapIterationSucceededEventDetails", MapIterationEventDetails),
    /// An inline Map iteration failed (`mapIterationFailedEventDetails`).
    MapIterationFailed("mapIterationFailedEventDetails", MapIterationEventDetails),
    /// An inline Map iteration was stopped (`mapIterationAbortedEventDetails`).
    MapIterationAborted("mapIterationAbortedEventDetails", MapIterationEventDetails),
    /// A Lambda function failed (`lambdaFunctionFailedEventDetails`).
    LambdaFunctionFailed("lambdaFunctionFailedEventDetails", LambdaFunctionFailedEventDetails),
    /// A Lambda function could not be scheduled (`lambdaFunctionScheduleFailedEventDetails`).
    LambdaFunctionScheduleFailed(
        "lambdaFunctionScheduleFailedEventDetails",
        LambdaFunctionScheduleFailedEventDetails
    ),
    /// A Lambda function was scheduled (`lambdaFunctionScheduledEventDetails`).
    LambdaFunctionScheduled(
        "lambdaFunctionScheduledEventDetails",
        LambdaFunctionScheduledEventDetails
    ),
    /// A Lambda function could not be started (`lambdaFunctionStartFailedEventDetails`).
    LambdaFunctionStartFailed(
        "lambdaFunctionStartFailedEventDetails",
        LambdaFunctionStartFailedEventDetails
    ),
    /// A Lambda function finished (`lambdaFunctionSucceededEventDetails`).
    LambdaFunctionSucceeded(
        "lambdaFunctionSucceededEventDetails",
        LambdaFunctionSucceededEventDetails
    ),
    /// A Lambda function timed out (`lambdaFunctionTimedOutEventDetails`).
    LambdaFunctionTimedOut(
        "lambdaFunctionTimedOutEventDetails",
        LambdaFunctionTimedOutEventDetails
    ),
    /// A state was entered (`stateEnteredEventDetails`).
    StateEntered("stateEnteredEventDetails", StateEnteredEventDetails),
    /// A state was left (`stateExitedEventDetails`).
    StateExited("stateExitedEventDetails", StateExitedEventDetails),
    /// A Map Run started (`mapRunStartedEventDetails`).
    MapRunStarted("mapRunStartedEventDetails", MapRunStartedEventDetails),
    /// A Map Run failed (`mapRunFailedEventDetails`).
    MapRunFailed("mapRunFailedEventDetails", MapRunFailedEventDetails),
    /// A Map Run was redriven (`mapRunRedrivenEventDetails`).
    MapRunRedriven("mapRunRedrivenEventDetails", MapRunRedrivenEventDetails),
    /// An expression could not be evaluated (`evaluationFailedEventDetails`).
    EvaluationFailed("evaluationFailedEventDetails", EvaluationFailedEventDetails),
}

impl EventDetails {
    /// The error code and cause, for the details kinds that report a failure
    /// (`*Failed`, `*TimedOut`, `ExecutionAborted`, `EvaluationFailed`);
    /// `None` for the others.
    fn error_and_cause(&self) -> Option<(Option<&str>, Option<&str>)> {
        let (error, cause) = match self {
            Self::ActivityFailed(d)
            | Self::ActivityScheduleFailed(d)
            | Self::ActivityTimedOut(d)
            | Self::ExecutionFailed(d)
            | Self::ExecutionAborted(d)
            | Self::ExecutionTimedOut(d)
            | Self::LambdaFunctionFailed(d)
            | Self::LambdaFunctionScheduleFailed(d)
            | Self::LambdaFunctionStartFailed(d)
            | Self::LambdaFunctionTimedOut(d)
            | Self::MapRunFailed(d) => (&d.error, &d.cause),
            Self::TaskFailed(d)
            | Self::TaskStartFailed(d)
            | Self::TaskSubmitFailed(d)
            | Self::TaskTimedOut(d) => (&d.error, &d.cause),
            Self::EvaluationFailed(d) => (&d.error, &d.cause),
            _ => return None,
        };
        Some((error.as_ref().map(Sensitive::as_str), cause.as_ref().map(Sensitive::as_str)))
    }
}

/// One event of an execution's history.
///
/// `Serialize` and `Deserialize` use the wire form (epoch-seconds
/// `timestamp`, `type`, `id`, `previousEventId`, and the details under
/// their member name), so an event decodes, re-encodes and decodes back
/// unchanged, unknown types and details members included. A missing
/// `timestamp`, `type` or `id` decodes to the epoch, `Unknown("")` and 0.
/// An event is expected to carry at most one details member; should one
/// carry several, the first known member is kept.
///
/// Unknown details members are captured with `serde_json`'s `RawValue`, so
/// decode events with `serde_json` directly (not through a format-agnostic
/// buffer such as an untagged enum) when they may carry one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HistoryEvent {
    /// When the event happened.
    pub timestamp: OffsetDateTime,
    /// The event's type.
    pub r#type: HistoryEventType,
    /// The event's id, increasing from 1 in the order events happened.
    pub id: i64,
    /// The id of the event this one follows from, such as the
    /// `StateEntered` event of the state a task belongs to.
    pub previous_event_id: Option<i64>,
    /// The event's details.
    pub details: EventDetails,
}

impl HistoryEvent {
    /// The name of the state the event is about, when its details say:
    /// state entered and exited events, inline Map iterations (the Map
    /// state's name) and evaluation failures.
    pub fn state_name(&self) -> Option<&str> {
        match &self.details {
            EventDetails::StateEntered(d) => Some(&d.name),
            EventDetails::StateExited(d) => Some(&d.name),
            EventDetails::MapIterationStarted(d)
            | EventDetails::MapIterationSucceeded(d)
            | EventDetails::MapIterationFailed(d)
            | EventDetails::MapIterationAborted(d) => d.name.as_deref(),
            EventDetails::EvaluationFailed(d) => Some(&d.state),
            _ => None,
        }
    }

    /// The error code and cause of a failure event (`*Failed`, `*TimedOut`,
    /// `ExecutionAborted`, `EvaluationFailed`), each as sent (possibly
    /// absent); `None` for the other kinds of details. Both are sensitive:
    /// this exposes them.
    pub fn error_and_cause(&self) -> Option<(Option<&str>, Option<&str>)> {
        self.details.error_and_cause()
    }
}

/// The members of a history event object, matched from their key.
enum Key {
    Timestamp,
    Type,
    Id,
    PreviousEventId,
    Details(DetailsKey),
    UnknownDetails(String),
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a history event member name")
            }
            // Keys arrive borrowed from the input where possible: matching
            // them allocates nothing.
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "timestamp" => Key::Timestamp,
                    "type" => Key::Type,
                    "id" => Key::Id,
                    "previousEventId" => Key::PreviousEventId,
                    _ => match DetailsKey::from_wire(key) {
                        Some(k) => Key::Details(k),
                        None if key.ends_with("EventDetails") => {
                            Key::UnknownDetails(key.to_owned())
                        }
                        None => Key::Other,
                    },
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// A timestamp member, decoded by the wire rules.
struct WireTimestamp(OffsetDateTime);

impl<'de> Deserialize<'de> for WireTimestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        wire::timestamp::deserialize(d).map(Self)
    }
}

/// A timestamp member, encoded by the wire rules.
struct WireTimestampRef<'a>(&'a OffsetDateTime);

impl Serialize for WireTimestampRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        wire::timestamp::serialize(self.0, s)
    }
}

struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = HistoryEvent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a history event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HistoryEvent, A::Error> {
        let mut timestamp = None;
        let mut r#type = None;
        let mut id = None;
        let mut previous_event_id = None;
        let mut details = EventDetails::None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Timestamp => {
                    if timestamp.is_some() {
                        return Err(de::Error::duplicate_field("timestamp"));
                    }
                    timestamp = Some(map.next_value::<WireTimestamp>()?.0);
                }
                Key::Type => {
                    if r#type.is_some() {
                        return Err(de::Error::duplicate_field("type"));
                    }
                    r#type = Some(map.next_value::<HistoryEventType>()?);
                }
                Key::Id => {
                    if id.is_some() {
                        return Err(de::Error::duplicate_field("id"));
                    }
                    id = Some(map.next_value::<i64>()?);
                }
                Key::PreviousEventId => {
                    if previous_event_id.is_some() {
                        return Err(de::Error::duplicate_field("previousEventId"));
                    }
                    previous_event_id = Some(map.next_value::<Option<i64>>()?);
                }
                // A known member replaces an unknown one; otherwise the first wins.
                Key::Details(k)
                    if matches!(details, EventDetails::None | EventDetails::Unknown { .. }) =>
                {
                    if let Some(d) = k.next_value(&mut map)? {
                        details = d;
                    }
                }
                Key::UnknownDetails(member) if matches!(details, EventDetails::None) => {
                    let raw = map.next_value::<Box<RawValue>>()?;
                    if raw.get() != "null" {
                        let json = Sensitive::new(Box::<str>::from(raw).into_string());
                        details = EventDetails::Unknown { member, json };
                    }
                }
                Key::Details(_) | Key::UnknownDetails(_) | Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(HistoryEvent {
            timestamp: timestamp.unwrap_or_else(wire::epoch),
            r#type: r#type.unwrap_or_default(),
            id: id.unwrap_or_default(),
            previous_event_id: previous_event_id.flatten(),
            details,
        })
    }
}

impl<'de> Deserialize<'de> for HistoryEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EventVisitor)
    }
}

impl Serialize for HistoryEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let len = 3
            + usize::from(self.previous_event_id.is_some())
            + usize::from(self.details.member_name().is_some());
        let mut map = s.serialize_map(Some(len))?;
        map.serialize_entry("timestamp", &WireTimestampRef(&self.timestamp))?;
        map.serialize_entry("type", &self.r#type)?;
        map.serialize_entry("id", &self.id)?;
        if let Some(previous) = &self.previous_event_id {
            map.serialize_entry("previousEventId", previous)?;
        }
        self.details.serialize_entry(&mut map)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(json: &str) -> Result<HistoryEvent, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn keys_match_without_a_tree() {
        let k = |s: &str| serde_json::from_value::<Key>(serde_json::Value::from(s)).unwrap();
        assert!(matches!(k("timestamp"), Key::Timestamp));
        assert!(matches!(k("previousEventId"), Key::PreviousEventId));
        assert!(matches!(k("mapRunStartedEventDetails"), Key::Details(DetailsKey::MapRunStarted)));
        assert!(
            matches!(k("futureEventDetails"), Key::UnknownDetails(m) if m == "futureEventDetails")
        );
        assert!(matches!(k("EventDetails"), Key::UnknownDetails(_)));
        assert!(matches!(k("Timestamp"), Key::Other));
        assert!(matches!(k("eventDetailsX"), Key::Other));
    }

    #[test]
    fn every_details_key_decodes_to_its_own_member_name() {
        // `member_name` and the key matcher come from one table; check they agree.
        for member in [
            "activityFailedEventDetails",
            "mapIterationAbortedEventDetails",
            "lambdaFunctionScheduleFailedEventDetails",
            "stateExitedEventDetails",
            "evaluationFailedEventDetails",
        ] {
            let e = decode(&format!(r#"{{"id": 1, "{member}": {{}}}}"#)).unwrap();
            assert_eq!(e.details.member_name(), Some(member));
        }
    }

    #[test]
    fn a_known_member_wins_over_an_unknown_one_and_the_first_known_stays() {
        let e = decode(
            r#"{"futureEventDetails": {"a": 1}, "stateEnteredEventDetails": {"name": "A"},
                "stateExitedEventDetails": {"name": "B"}, "otherEventDetails": 3}"#,
        )
        .unwrap();
        assert_eq!(e.details.member_name(), Some("stateEnteredEventDetails"));
        assert_eq!(e.state_name(), Some("A"));

        let e =
            decode(r#"{"futureEventDetails": {"a": 1}, "laterEventDetails": {"b": 2}}"#).unwrap();
        assert_eq!(e.details.member_name(), Some("futureEventDetails"));
    }

    #[test]
    fn null_details_are_absent_and_duplicates_are_refused() {
        let e =
            decode(r#"{"stateEnteredEventDetails": null, "futureEventDetails": null}"#).unwrap();
        assert_eq!(e.details, EventDetails::None);
        for dup in [
            r#"{"timestamp": 1, "timestamp": 2}"#,
            r#"{"type": "A", "type": "B"}"#,
            r#"{"previousEventId": 1, "previousEventId": 1}"#,
        ] {
            assert!(decode(dup).is_err(), "{dup}");
        }
    }

    #[test]
    fn encoding_writes_the_wire_form_in_order() {
        let e = decode(
            r#"{"details": 1, "stateEnteredEventDetails": {"name": "S", "input": "{}"},
                "previousEventId": 4, "id": 5, "type": "PassStateEntered", "timestamp": 1.5}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            concat!(
                r#"{"timestamp":1.5,"type":"PassStateEntered","id":5,"previousEventId":4,"#,
                r#""stateEnteredEventDetails":{"name":"S","input":"{}"}}"#
            )
        );
    }
}
