//! [`Sensitive`]: a wrapper that keeps secrets and customer payloads out of
//! `Debug` output and logs while serializing the real value.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;

/// A value the service model marks sensitive (execution input and output,
/// error and cause, definitions, variable values, ...).
///
/// `Debug` prints `*** Sensitive Data Redacted ***`; `Serialize` writes the
/// real value, so a stored or forwarded output keeps its data. Reading the
/// value is explicit: [`Sensitive::expose`], [`Sensitive::into_inner`], or
/// `Deref`.
///
/// ```
/// use sfn_lite::types::Sensitive;
///
/// let input = Sensitive::new(String::from(r#"{"password":"hunter2"}"#));
/// assert!(!format!("{input:?}").contains("hunter2"));
/// assert_eq!(input.expose(), r#"{"password":"hunter2"}"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// Borrows the real value.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Returns the real value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("*** Sensitive Data Redacted ***")
    }
}

impl<T> Deref for Sensitive<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl From<&str> for Sensitive<String> {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<&String> for Sensitive<String> {
    fn from(value: &String) -> Self {
        Self(value.clone())
    }
}

impl AsRef<str> for Sensitive<String> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Sensitive<String> {
    /// The string, borrowed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
