//! The [`Operation`] trait: what the one request path needs to know about an
//! operation (its target name, output type and input rules). Input structs
//! implement it; nothing here does I/O.

use crate::error::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// An operation's input: serializable to the request body, checked before it
/// is sent, and tied to its output type.
///
/// Implemented by every `*Input` struct in [`crate::operations`]; pass any of
/// them to [`Client::send`](crate::Client::send).
pub trait Operation: Serialize + Clone + Send + Sync + Sealed + 'static {
    /// The operation name, as in `X-Amz-Target: AWSStepFunctions.<NAME>`.
    const NAME: &'static str;

    /// What a successful call returns.
    type Output: DeserializeOwned + Send + 'static;

    /// Checks the input against the service model's constraints (required
    /// members, lengths, ranges), so a bad request never leaves the process.
    fn validate(&self) -> Result<(), Error>;
}

/// Checks of the model's constraints, named after the member they guard.
pub(crate) mod check {
    use crate::error::Error;

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

    /// An optional integer in `min..=max`.
    pub(crate) fn range<T>(field: &str, value: Option<T>, min: T, max: T) -> Result<(), Error>
    where
        T: PartialOrd + std::fmt::Display + Copy,
    {
        match value {
            Some(v) if v < min || v > max => Err(Error::invalid_input(
                field,
                format!("must be between {min} and {max}, got {v}"),
            )),
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
            Some(v) if !(min..=max).contains(&v) => Err(Error::invalid_input(
                field,
                format!("must be between {min} and {max}, got {v}"),
            )),
            _ => Ok(()),
        }
    }
}
