//! The service model's constraints on inputs (lengths, ranges, patterns,
//! required members) and its limits, checked before anything is sent. One
//! place for every limit: the inputs' docs and validators, the paginator and
//! the tests read them from here.

use crate::error::Error;
use crate::types::{
    EncryptionConfiguration, LoggingConfiguration, RoutingConfigurationListItem, Tag,
};

pub(crate) use crate::paginate::PAGE_SIZE_MAX;

/// The model's `Arn` maximum length.
pub(crate) const ARN_MAX: usize = 256;
/// The model's `LongArn` maximum length (Map Run ARNs).
pub(crate) const LONG_ARN_MAX: usize = 2000;
/// The model's `PageToken` maximum length.
pub(crate) const PAGE_TOKEN_MAX: usize = 1024;
/// The model's `ListExecutionsPageToken` maximum length.
pub(crate) const LIST_EXECUTIONS_PAGE_TOKEN_MAX: usize = 3096;
/// The model's `Name` maximum length (state machines and executions).
pub(crate) const NAME_MAX: usize = 80;
/// The model's `Definition` maximum length.
pub(crate) const DEFINITION_MAX: usize = 1_048_576;
/// The model's `VersionDescription` maximum length.
pub(crate) const VERSION_DESCRIPTION_MAX: usize = 256;
/// The model's `SensitiveData` maximum length (execution input).
pub(crate) const EXECUTION_INPUT_MAX: usize = 262_144;
/// The model's `TraceHeader` maximum length.
pub(crate) const TRACE_HEADER_MAX: usize = 256;
/// The model's `SensitiveError` maximum length.
pub(crate) const ERROR_MAX: usize = 256;
/// The model's `SensitiveCause` maximum length.
pub(crate) const CAUSE_MAX: usize = 32_768;
/// The model's `ClientToken` maximum length.
pub(crate) const CLIENT_TOKEN_MAX: usize = 64;
/// The model's `AliasDescription` maximum length.
pub(crate) const ALIAS_DESCRIPTION_MAX: usize = 256;
/// The fewest versions an alias routes to.
const ROUTES_MIN: usize = 1;
/// The most versions an alias routes to.
const ROUTES_MAX: usize = 2;
/// The model's `TagKey` maximum length.
pub(crate) const TAG_KEY_MAX: usize = 128;
/// The model's `TagValue` maximum length.
pub(crate) const TAG_VALUE_MAX: usize = 256;
/// The model's `TaskToken` maximum length.
pub(crate) const TASK_TOKEN_MAX: usize = 2048;
/// The model's `SensitiveData` maximum length (task output).
pub(crate) const TASK_OUTPUT_MAX: usize = EXECUTION_INPUT_MAX;

/// A required string: present, with a length in `min..=max`.
pub(crate) fn required(field: &str, value: &str, min: usize, max: usize) -> Result<(), Error> {
    if value.is_empty() && min > 0 {
        return Err(Error::invalid_input(field, "is required and must not be empty"));
    }
    length(field, value, min, max)
}

/// An optional string: when present, a length in `min..=max`.
pub(crate) fn optional(
    field: &str,
    value: Option<&str>,
    min: usize,
    max: usize,
) -> Result<(), Error> {
    value.map_or(Ok(()), |v| length(field, v, min, max))
}

fn length(field: &str, value: &str, min: usize, max: usize) -> Result<(), Error> {
    // The model counts characters; only non-ASCII text needs counting.
    let len = if value.is_ascii() { value.len() } else { value.chars().count() };
    if len < min || len > max {
        return Err(Error::invalid_input(
            field,
            format!("must be {min} to {max} characters long, got {len}"),
        ));
    }
    Ok(())
}

/// A `CharacterRestrictedName` (alias names): the model's pattern
/// `^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$`, letters, digits, `_`, `-`
/// and `.`, not all digits (an all-digit name would read as a version).
pub(crate) fn character_restricted_name(field: &str, value: &str) -> Result<(), Error> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    if !value.chars().all(allowed) {
        return Err(Error::invalid_input(field, "may hold only letters, digits, `_`, `-` and `.`"));
    }
    if value.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::invalid_input(field, "must not be all digits"));
    }
    Ok(())
}

/// A `RoutingConfigurationList`: 1 or 2 versions, each a version ARN and a
/// weight of 0 to 100.
pub(crate) fn routing(routes: &[RoutingConfigurationListItem]) -> Result<(), Error> {
    let count = routes.len();
    if !(ROUTES_MIN..=ROUTES_MAX).contains(&count) {
        return Err(Error::invalid_input(
            "routingConfiguration",
            format!("must hold {ROUTES_MIN} or {ROUTES_MAX} versions, got {count}"),
        ));
    }
    for route in routes {
        required("stateMachineVersionArn", &route.state_machine_version_arn, 1, ARN_MAX)?;
        range("weight", Some(route.weight), 0, 100)?;
    }
    Ok(())
}

/// A required list: the model's "required" for a list member means present,
/// and a Rust `Vec` is always present, so the empty list stands for missing
/// (a call that tags or untags nothing is a mistake, not a request).
pub(crate) fn non_empty<T>(field: &str, value: &[T]) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid_input(field, "is required and must have at least one element"));
    }
    Ok(())
}

/// An optional integer in `min..=max`.
pub(crate) fn range<T>(field: &str, value: Option<T>, min: T, max: T) -> Result<(), Error>
where
    T: PartialOrd + std::fmt::Display + Copy,
{
    match value {
        Some(v) if v < min || v > max => {
            Err(Error::invalid_input(field, format!("must be between {min} and {max}, got {v}")))
        }
        _ => Ok(()),
    }
}

/// An optional integer of at least `min`.
pub(crate) fn at_least<T>(field: &str, value: Option<T>, min: T) -> Result<(), Error>
where
    T: PartialOrd + std::fmt::Display + Copy,
{
    match value {
        Some(v) if v < min => {
            Err(Error::invalid_input(field, format!("must be at least {min}, got {v}")))
        }
        _ => Ok(()),
    }
}

/// An optional float in `min..=max`; NaN is refused.
pub(crate) fn float_range(
    field: &str,
    value: Option<f64>,
    min: f64,
    max: f64,
) -> Result<(), Error> {
    match value {
        Some(v) if v.is_nan() => Err(Error::invalid_input(field, "must be a number, got NaN")),
        Some(v) if !(min..=max).contains(&v) => {
            Err(Error::invalid_input(field, format!("must be between {min} and {max}, got {v}")))
        }
        _ => Ok(()),
    }
}

/// An idempotency token: 1 to 64 printable ASCII characters without spaces
/// (the model's `ClientToken`, pattern `[!-~]+`).
pub(crate) fn client_token(field: &str, value: Option<&str>) -> Result<(), Error> {
    optional(field, value, 1, CLIENT_TOKEN_MAX)?;
    if value.is_some_and(|t| !t.bytes().all(|b| (b'!'..=b'~').contains(&b))) {
        return Err(Error::invalid_input(field, "must be printable ASCII without spaces"));
    }
    Ok(())
}

/// A `LoggingConfiguration`.
pub(crate) fn logging(logging: &LoggingConfiguration) -> Result<(), Error> {
    let groups =
        logging.destinations.iter().flatten().filter_map(|d| d.cloud_watch_logs_log_group.as_ref());
    for group in groups {
        optional("logGroupArn", group.log_group_arn.as_deref(), 1, ARN_MAX)?;
    }
    Ok(())
}

/// Tags: keys of 1 to 128 characters, values of up to 256.
pub(crate) fn tags(tags: &[Tag]) -> Result<(), Error> {
    for tag in tags {
        optional("key", tag.key.as_deref(), 1, TAG_KEY_MAX)?;
        optional("value", tag.value.as_deref(), 0, TAG_VALUE_MAX)?;
    }
    Ok(())
}

/// An `EncryptionConfiguration`.
pub(crate) fn encryption(encryption: &EncryptionConfiguration) -> Result<(), Error> {
    // `type` is required; a plain enum field holds "unset" as its empty
    // default, which would go out as `"type": ""`.
    if encryption.r#type.as_str().is_empty() {
        return Err(Error::invalid_input("type", "is required"));
    }
    optional("kmsKeyId", encryption.kms_key_id.as_deref(), 1, 2048)?;
    range("kmsDataKeyReusePeriodSeconds", encryption.kms_data_key_reuse_period_seconds, 60, 900)
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::operation::Operation;
    use crate::operations::*;
    use crate::types::{EncryptionConfiguration, Sensitive, Tag};

    #[test]
    fn validation_names_the_wire_member() {
        let cases: Vec<(Result<(), Error>, &str)> = vec![
            (CreateStateMachineInput::new("", "{}", "r").validate(), "`name`"),
            (CreateStateMachineInput::new("n", "", "r").validate(), "`definition`"),
            (CreateStateMachineInput::new("n", "{}", "").validate(), "`roleArn`"),
            (
                CreateStateMachineInput {
                    tags: Some(vec![Tag::new("", "v")]),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`key`",
            ),
            (
                CreateStateMachineInput {
                    encryption_configuration: Some(EncryptionConfiguration {
                        kms_data_key_reuse_period_seconds: Some(59),
                        r#type: crate::types::EncryptionType::CustomerManagedKmsKey,
                        ..EncryptionConfiguration::default()
                    }),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`kmsDataKeyReusePeriodSeconds`",
            ),
            (
                CreateStateMachineInput {
                    version_description: Some(Sensitive::new("x".repeat(257))),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`versionDescription`",
            ),
            (DeleteStateMachineInput::new("").validate(), "`stateMachineArn`"),
            (
                ListStateMachinesInput { max_results: Some(1001), ..ListStateMachinesInput::new() }
                    .validate(),
                "`maxResults`",
            ),
            (
                StartExecutionInput { name: Some("x".repeat(81)), ..StartExecutionInput::new("a") }
                    .validate(),
                "`name`",
            ),
            (
                StartExecutionInput {
                    trace_header: Some("é".into()),
                    ..StartExecutionInput::new("a")
                }
                .validate(),
                "`traceHeader`",
            ),
            (
                StopExecutionInput {
                    error: Some(Sensitive::new("e".repeat(257))),
                    ..StopExecutionInput::new("a")
                }
                .validate(),
                "`error`",
            ),
            (
                RedriveExecutionInput {
                    client_token: Some("has space".into()),
                    ..RedriveExecutionInput::new("a")
                }
                .validate(),
                "`clientToken`",
            ),
        ];
        for (result, member) in cases {
            match result {
                Err(e) => {
                    assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
                    assert!(e.to_string().contains(member), "{e} should name {member}");
                }
                Ok(()) => panic!("expected {member} to be refused"),
            }
        }
    }
}
