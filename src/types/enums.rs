//! The service's string enums. Each is `#[non_exhaustive]` and keeps a value
//! this crate does not know yet as `Unknown(String)`, so a new value from AWS
//! never breaks decoding and round-trips unchanged.

use crate::service_enum::service_enum;

service_enum! {
    /// The status of an execution.
    ExecutionStatus {
        /// Running.
        Running = "RUNNING",
        /// Finished successfully.
        Succeeded = "SUCCEEDED",
        /// Failed.
        Failed = "FAILED",
        /// Timed out.
        TimedOut = "TIMED_OUT",
        /// Stopped by a user or a parent.
        Aborted = "ABORTED",
        /// Redriven, waiting to run again.
        PendingRedrive = "PENDING_REDRIVE",
    }
}

service_enum! {
    /// The status of a Map Run.
    MapRunStatus {
        /// Running.
        Running = "RUNNING",
        /// Finished successfully.
        Succeeded = "SUCCEEDED",
        /// Failed.
        Failed = "FAILED",
        /// Stopped.
        Aborted = "ABORTED",
    }
}

service_enum! {
    /// The status of a state machine.
    StateMachineStatus {
        /// Usable.
        Active = "ACTIVE",
        /// Being deleted.
        Deleting = "DELETING",
    }
}

service_enum! {
    /// The type of a state machine.
    StateMachineType {
        /// Standard workflows: exactly-once, up to a year.
        Standard = "STANDARD",
        /// Express workflows: at-least-once, up to five minutes.
        Express = "EXPRESS",
    }
}

service_enum! {
    /// How much an execution's history is logged to CloudWatch Logs.
    LogLevel {
        /// Every event.
        All = "ALL",
        /// Errors.
        Error = "ERROR",
        /// Fatal errors only.
        Fatal = "FATAL",
        /// Nothing.
        Off = "OFF",
    }
}

service_enum! {
    /// What a describe call returns of encrypted data.
    IncludedData {
        /// Everything, decrypted.
        AllData = "ALL_DATA",
        /// Metadata only; no KMS permission needed.
        MetadataOnly = "METADATA_ONLY",
    }
}

service_enum! {
    /// Whether an execution can be redriven.
    ExecutionRedriveStatus {
        /// It can be redriven.
        Redrivable = "REDRIVABLE",
        /// It cannot be redriven.
        NotRedrivable = "NOT_REDRIVABLE",
        /// A child of a Map Run: its parent's redrive reruns it.
        RedrivableByMapRun = "REDRIVABLE_BY_MAP_RUN",
    }
}

service_enum! {
    /// Lists only redriven, or only never-redriven, executions.
    ExecutionRedriveFilter {
        /// Executions redriven at least once.
        Redriven = "REDRIVEN",
        /// Executions never redriven.
        NotRedriven = "NOT_REDRIVEN",
    }
}

service_enum! {
    /// How a state machine's data is encrypted.
    EncryptionType {
        /// A key AWS owns.
        AwsOwnedKey = "AWS_OWNED_KEY",
        /// A customer-managed KMS key.
        CustomerManagedKmsKey = "CUSTOMER_MANAGED_KMS_KEY",
    }
}

service_enum! {
    /// Why the service rejected a request as invalid.
    ValidationExceptionReason {
        /// The operation does not accept a version or alias ARN.
        ApiDoesNotSupportLabeledArns = "API_DOES_NOT_SUPPORT_LABELED_ARNS",
        /// A required parameter is missing.
        MissingRequiredParameter = "MISSING_REQUIRED_PARAMETER",
        /// The Map Run has already finished.
        CannotUpdateCompletedMapRun = "CANNOT_UPDATE_COMPLETED_MAP_RUN",
        /// An alias's routing configuration is invalid.
        InvalidRoutingConfiguration = "INVALID_ROUTING_CONFIGURATION",
    }
}

service_enum! {
    /// The state of a KMS key.
    KmsKeyState {
        /// Disabled.
        Disabled = "DISABLED",
        /// Scheduled for deletion.
        PendingDeletion = "PENDING_DELETION",
        /// Waiting for key material.
        PendingImport = "PENDING_IMPORT",
        /// Unavailable.
        Unavailable = "UNAVAILABLE",
        /// Being created.
        Creating = "CREATING",
    }
}

service_enum! {
    /// How serious a diagnostic of `ValidateStateMachineDefinition` is (as
    /// an input: the least serious to report).
    ValidateStateMachineDefinitionSeverity {
        /// The definition cannot be used.
        Error = "ERROR",
        /// The definition works, but probably not as meant.
        Warning = "WARNING",
    }
}

service_enum! {
    /// The verdict of `ValidateStateMachineDefinition`.
    ValidateStateMachineDefinitionResultCode {
        /// No error found.
        Ok = "OK",
        /// At least one error found.
        Fail = "FAIL",
    }
}

service_enum! {
    /// How a synchronous (Express) execution ended.
    SyncExecutionStatus {
        /// Finished successfully.
        Succeeded = "SUCCEEDED",
        /// Failed.
        Failed = "FAILED",
        /// Timed out.
        TimedOut = "TIMED_OUT",
    }
}

service_enum! {
    /// How much `TestState` reports about the state's data processing.
    InspectionLevel {
        /// Input and output, and the data after each processing step.
        Info = "INFO",
        /// `INFO`, and the data after each processing step in detail.
        Debug = "DEBUG",
        /// `DEBUG`, and the raw HTTP request and response of an HTTP Task.
        Trace = "TRACE",
    }
}

service_enum! {
    /// How strictly `TestState` checks a mocked result against the API's
    /// response shape.
    MockResponseValidationMode {
        /// Every member must be modelled and well typed.
        Strict = "STRICT",
        /// Members present must be well typed.
        Present = "PRESENT",
        /// No check.
        None = "NONE",
    }
}

service_enum! {
    /// How a `TestState` run of one state ended.
    TestExecutionStatus {
        /// The state succeeded.
        Succeeded = "SUCCEEDED",
        /// The state failed.
        Failed = "FAILED",
        /// The state failed, and a `Retry` would run it again.
        Retriable = "RETRIABLE",
        /// The state failed, and a `Catch` caught the error.
        CaughtError = "CAUGHT_ERROR",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let s: ExecutionStatus = serde_json::from_str("\"PENDING_REDRIVE\"").unwrap();
        assert_eq!(s, ExecutionStatus::PendingRedrive);
        let u: ExecutionStatus = serde_json::from_str("\"PAUSED\"").unwrap();
        assert_eq!(u, ExecutionStatus::Unknown("PAUSED".into()));
        assert!(u.is_unknown());
        assert_eq!(serde_json::to_string(&u).unwrap(), "\"PAUSED\"");
        assert_eq!(MapRunStatus::from("ABORTED".to_string()), MapRunStatus::Aborted);
        assert_eq!(LogLevel::KNOWN.len(), 4);
        assert!(serde_json::from_str::<ExecutionStatus>("3").is_err());
    }
}
