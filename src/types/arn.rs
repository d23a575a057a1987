//! Typed Step Functions ARNs: [`StateMachineArn`], [`ExecutionArn`] and
//! [`MapRunArn`], parsed strictly so that `Display` gives back exactly the
//! text parsed, and accepted wherever the client takes a string ARN.
//!
//! The forms, from the Step Functions developer guide:
//!
//! | type | form |
//! |---|---|
//! | state machine | `arn:aws:states:REGION:ACCOUNT:stateMachine:NAME` |
//! | version / alias | `...:stateMachine:NAME:7` / `...:stateMachine:NAME:ALIAS` |
//! | Map Run child workflow | `...:stateMachine:NAME/MAP_LABEL` |
//! | standard execution | `arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION` |
//! | express execution | `arn:aws:states:REGION:ACCOUNT:express:NAME:EXECUTION:ID` |
//! | Map Run child execution | `...:execution:NAME/MAP_LABEL:EXECUTION` (or `express:` with `:ID`) |
//! | Map Run | `arn:aws:states:REGION:ACCOUNT:mapRun:NAME/MAP_LABEL:RUN_ID` |
//!
//! This module only parses and prints; it knows nothing of the client.

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The common head of every Step Functions ARN.
struct Head<'a> {
    resource: &'a str,
    /// Where the resource's own parts start in the text.
    rest_at: usize,
}

fn invalid(what: &str, text: &str, problem: impl fmt::Display) -> Error {
    Error::with_message(ErrorKind::InvalidInput, format!("invalid {what} `{text}`: {problem}"))
}

/// Checks `arn:PARTITION:states:REGION:ACCOUNT:RESOURCE:` and returns the
/// resource type and where what follows it starts.
fn head<'a>(what: &str, text: &'a str) -> Result<Head<'a>, Error> {
    let mut parts = text.splitn(7, ':');
    let mut next = |name: &str| {
        parts.next().ok_or_else(|| {
            invalid(what, text, format_args!("it ends before the {name}; expected {}", form(what)))
        })
    };
    let prefix = next("`arn` prefix")?;
    let partition = next("partition")?;
    let service = next("service")?;
    let region = next("region")?;
    let account = next("account")?;
    let resource = next("resource type")?;
    let rest = next("resource name")?;
    if prefix != "arn" {
        return Err(invalid(what, text, "it does not start with `arn:`"));
    }
    if !is_word(partition, false) {
        return Err(invalid(
            what,
            text,
            format_args!("the partition `{partition}` is not like `aws`"),
        ));
    }
    if service != "states" {
        return Err(invalid(what, text, format_args!("the service is `{service}`, not `states`")));
    }
    if !is_word(region, true) {
        return Err(invalid(
            what,
            text,
            format_args!("the region `{region}` is not like `us-east-1`"),
        ));
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(what, text, format_args!("the account `{account}` is not 12 digits")));
    }
    Ok(Head { resource, rest_at: text.len() - rest.len() })
}

fn form(what: &str) -> &'static str {
    match what {
        "state machine ARN" => "`arn:aws:states:REGION:ACCOUNT:stateMachine:NAME[:QUALIFIER]`",
        "execution ARN" => "`arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME`",
        _ => "`arn:aws:states:REGION:ACCOUNT:mapRun:STATE_MACHINE/MAP_LABEL:RUN_ID`",
    }
}

/// Lowercase letters, digits and inner dashes (partitions; regions also
/// need a digit).
fn is_word(s: &str, needs_digit: bool) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && (!needs_digit || s.bytes().any(|b| b.is_ascii_digit()))
}

/// A name part (state machine, execution, label, alias, id): 1 to 80
/// characters, none of the separators `:` and `/`, no whitespace or control
/// characters.
fn check_name(what: &str, text: &str, part: &str, s: &str) -> Result<(), Error> {
    if s.is_empty() {
        return Err(invalid(what, text, format_args!("the {part} is empty")));
    }
    if s.chars().count() > 80 {
        return Err(invalid(what, text, format_args!("the {part} is longer than 80 characters")));
    }
    if let Some(c) =
        s.chars().find(|c| *c == ':' || *c == '/' || c.is_whitespace() || c.is_control())
    {
        return Err(invalid(what, text, format_args!("the {part} `{s}` contains {c:?}")));
    }
    Ok(())
}

/// Splits `NAME` or `NAME/LABEL` (ranges into `text`, which `rest` starts
/// at `at`).
fn name_and_label(
    what: &str,
    text: &str,
    at: usize,
    part: &str,
) -> Result<(Range<usize>, Option<Range<usize>>), Error> {
    match part.split_once('/') {
        None => {
            check_name(what, text, "state machine name", part)?;
            Ok((at..at + part.len(), None))
        }
        Some((name, label)) => {
            check_name(what, text, "state machine name", name)?;
            check_name(what, text, "Map label", label)?;
            let label_at = at + name.len() + 1;
            Ok((at..at + name.len(), Some(label_at..label_at + label.len())))
        }
    }
}

/// The parts shared by the three types: the text, and the range of the
/// account-level prefix `arn:PARTITION:states:REGION:ACCOUNT:`.
macro_rules! arn_type {
    ($ty:ident) => {
        impl $ty {
            /// The ARN as text.
            pub fn as_str(&self) -> &str {
                &self.text
            }

            /// The partition (`aws`, `aws-cn`, `aws-us-gov`, ...).
            pub fn partition(&self) -> &str {
                self.text.split(':').nth(1).unwrap_or_default()
            }

            /// The region (`us-east-1`).
            pub fn region(&self) -> &str {
                self.text.split(':').nth(3).unwrap_or_default()
            }

            /// The 12-digit account id.
            pub fn account(&self) -> &str {
                self.text.split(':').nth(4).unwrap_or_default()
            }

            /// `arn:PARTITION:states:REGION:ACCOUNT:`, to build related ARNs.
            fn account_prefix(&self) -> &str {
                let end = self.text.match_indices(':').nth(4).map_or(0, |(i, _)| i + 1);
                &self.text[..end]
            }

            fn slice(&self, range: &Range<usize>) -> &str {
                &self.text[range.clone()]
            }
        }

        // Equality, order and hash are the text's: the ranges derive from it.
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.text == other.text
            }
        }

        impl Eq for $ty {}

        impl std::hash::Hash for $ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.text.hash(state)
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.text.cmp(&other.text)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&self.text).finish()
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.text
            }
        }

        impl From<$ty> for String {
            fn from(arn: $ty) -> String {
                arn.text
            }
        }

        impl From<&$ty> for String {
            fn from(arn: &$ty) -> String {
                arn.text.clone()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = Error;
            fn try_from(text: String) -> Result<Self, Error> {
                Self::parse(text)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = Error;
            fn try_from(text: &str) -> Result<Self, Error> {
                Self::parse(text.to_owned())
            }
        }

        impl FromStr for $ty {
            type Err = Error;
            fn from_str(text: &str) -> Result<Self, Error> {
                Self::parse(text.to_owned())
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.text == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.text == *other
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.text)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Self::parse(String::deserialize(d)?).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// What follows `stateMachine:NAME`: a version number or an alias name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier<'a> {
    /// A published version (`:7`).
    Version(u64),
    /// An alias (`:PROD`).
    Alias(&'a str),
}

/// A state machine ARN, optionally qualified by a version number or an alias
/// name, or naming the child workflow of a Map Run (`NAME/MAP_LABEL`, as
/// `ListMapRuns` and child executions report it).
///
/// ```
/// use sfn_lite::types::{Qualifier, StateMachineArn};
///
/// let arn: StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD".parse()?;
/// assert_eq!(arn.name(), "orders");
/// assert_eq!(arn.qualifier(), Some(Qualifier::Alias("PROD")));
/// assert_eq!(arn.unqualified().to_string(), "arn:aws:states:us-east-1:123456789012:stateMachine:orders");
///
/// let bad = "arn:aws:states:us-east-1:1234:stateMachine:orders".parse::<StateMachineArn>().unwrap_err();
/// assert!(bad.to_string().contains("the account `1234` is not 12 digits"));
/// # Ok::<(), sfn_lite::Error>(())
/// ```
#[derive(Clone)]
pub struct StateMachineArn {
    text: String,
    name: Range<usize>,
    map_label: Option<Range<usize>>,
    qualifier: Option<Range<usize>>,
}

arn_type!(StateMachineArn);

impl StateMachineArn {
    const WHAT: &'static str = "state machine ARN";

    /// Parses a state machine ARN; the error says which part is wrong.
    pub fn parse(text: impl Into<String>) -> Result<Self, Error> {
        let text = text.into();
        let what = Self::WHAT;
        let head = head(what, &text)?;
        if head.resource != "stateMachine" {
            return Err(invalid(
                what,
                &text,
                format_args!("the resource type is `{}`, not `stateMachine`", head.resource),
            ));
        }
        let rest = &text[head.rest_at..];
        let (name_part, qualifier) = match rest.split_once(':') {
            None => (rest, None),
            Some((name, q)) => (name, Some(q)),
        };
        let (name, map_label) = name_and_label(what, &text, head.rest_at, name_part)?;
        let qualifier = match qualifier {
            None => None,
            Some(q) => {
                check_name(what, &text, "qualifier (version or alias)", q)?;
                if q.bytes().all(|b| b.is_ascii_digit())
                    && (q.starts_with('0') || q.parse::<u64>().is_err())
                {
                    return Err(invalid(
                        what,
                        &text,
                        format_args!("the version `{q}` is not a number from 1"),
                    ));
                }
                if map_label.is_some() {
                    return Err(invalid(what, &text, "a Map Run child workflow has no qualifier"));
                }
                let at = head.rest_at + name_part.len() + 1;
                Some(at..at + q.len())
            }
        };
        Ok(Self { text, name, map_label, qualifier })
    }

    /// The state machine's name.
    pub fn name(&self) -> &str {
        self.slice(&self.name)
    }

    /// The Map state's label, when this names a Map Run's child workflow.
    pub fn map_label(&self) -> Option<&str> {
        self.map_label.as_ref().map(|r| self.slice(r))
    }

    /// The version number or alias name, if any.
    pub fn qualifier(&self) -> Option<Qualifier<'_>> {
        self.qualifier.as_ref().map(|r| {
            let q = self.slice(r);
            match q.parse() {
                Ok(version) => Qualifier::Version(version),
                Err(_) => Qualifier::Alias(q),
            }
        })
    }

    /// The state machine itself: no qualifier, no Map label.
    pub fn unqualified(&self) -> StateMachineArn {
        let text = format!("{}stateMachine:{}", self.account_prefix(), self.name());
        let start = text.len() - self.name().len();
        StateMachineArn { name: start..text.len(), text, map_label: None, qualifier: None }
    }
}

/// An execution ARN: standard (`execution:`) or express (`express:`, with a
/// trailing id), of a state machine or of a Map Run's child workflow
/// (`STATE_MACHINE/MAP_LABEL`).
///
/// ```
/// use sfn_lite::types::ExecutionArn;
///
/// let arn = ExecutionArn::parse("arn:aws:states:us-east-1:123456789012:execution:orders/ProcessItems:0d9c3a2e")?;
/// assert_eq!(arn.name(), "0d9c3a2e");
/// assert_eq!(arn.map_label(), Some("ProcessItems"));
/// assert_eq!(arn.state_machine_arn().to_string(), "arn:aws:states:us-east-1:123456789012:stateMachine:orders");
/// # async fn demo(client: sfn_lite::Client, arn: ExecutionArn) -> Result<(), sfn_lite::Error> {
/// let described = client.describe_execution(&arn).await?; // wherever a string ARN goes
/// # Ok(()) }
/// # Ok::<(), sfn_lite::Error>(())
/// ```
#[derive(Clone)]
pub struct ExecutionArn {
    text: String,
    express: bool,
    state_machine: Range<usize>,
    map_label: Option<Range<usize>>,
    name: Range<usize>,
    id: Option<Range<usize>>,
}

arn_type!(ExecutionArn);

impl ExecutionArn {
    const WHAT: &'static str = "execution ARN";

    /// Parses an execution ARN; the error says which part is wrong.
    pub fn parse(text: impl Into<String>) -> Result<Self, Error> {
        let text = text.into();
        let what = Self::WHAT;
        let head = head(what, &text)?;
        let express = match head.resource {
            "execution" => false,
            "express" => true,
            other => {
                return Err(invalid(
                    what,
                    &text,
                    format_args!("the resource type is `{other}`, not `execution` or `express`"),
                ));
            }
        };
        let rest = &text[head.rest_at..];
        let mut parts = rest.split(':');
        let sm = parts.next().unwrap_or_default();
        let name =
            parts.next().ok_or_else(|| invalid(what, &text, "the execution name is missing"))?;
        let id = parts.next();
        if let Some(extra) = parts.next() {
            return Err(invalid(what, &text, format_args!("unexpected part `{extra}` at the end")));
        }
        let (state_machine, map_label) = name_and_label(what, &text, head.rest_at, sm)?;
        check_name(what, &text, "execution name", name)?;
        let name_at = head.rest_at + sm.len() + 1;
        let id = match (express, id) {
            (false, Some(id)) => {
                return Err(invalid(
                    what,
                    &text,
                    format_args!("a standard execution ARN has no part after the name (`{id}`)"),
                ));
            }
            (true, None) => {
                return Err(invalid(
                    what,
                    &text,
                    "an express execution ARN needs an id after the name",
                ));
            }
            (true, Some(id)) => {
                check_name(what, &text, "express execution id", id)?;
                let at = name_at + name.len() + 1;
                Some(at..at + id.len())
            }
            (false, None) => None,
        };
        Ok(Self {
            express,
            state_machine,
            map_label,
            name: name_at..name_at + name.len(),
            id,
            text,
        })
    }

    /// Whether this is an express execution (`express:`).
    pub fn is_express(&self) -> bool {
        self.express
    }

    /// The execution's name.
    pub fn name(&self) -> &str {
        self.slice(&self.name)
    }

    /// The express execution's trailing id.
    pub fn express_id(&self) -> Option<&str> {
        self.id.as_ref().map(|r| self.slice(r))
    }

    /// The name of the state machine (for a Map Run child, of the parent).
    pub fn state_machine_name(&self) -> &str {
        self.slice(&self.state_machine)
    }

    /// The Map state's label, when this is a Map Run's child execution.
    pub fn map_label(&self) -> Option<&str> {
        self.map_label.as_ref().map(|r| self.slice(r))
    }

    /// The (unqualified) state machine: for a Map Run child, the parent's.
    pub fn state_machine_arn(&self) -> StateMachineArn {
        let text = format!("{}stateMachine:{}", self.account_prefix(), self.state_machine_name());
        let start = text.len() - self.state_machine_name().len();
        StateMachineArn { name: start..text.len(), text, map_label: None, qualifier: None }
    }
}

/// A Map Run ARN: `mapRun:STATE_MACHINE/MAP_LABEL:RUN_ID`.
///
/// ```
/// use sfn_lite::types::MapRunArn;
///
/// let arn: MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:orders/ProcessItems:4f1e".parse()?;
/// assert_eq!((arn.state_machine_name(), arn.map_label(), arn.run_id()), ("orders", "ProcessItems", "4f1e"));
/// assert_eq!(arn.state_machine_arn().as_str(), "arn:aws:states:us-east-1:123456789012:stateMachine:orders");
/// # Ok::<(), sfn_lite::Error>(())
/// ```
#[derive(Clone)]
pub struct MapRunArn {
    text: String,
    state_machine: Range<usize>,
    map_label: Range<usize>,
    run_id: Range<usize>,
}

arn_type!(MapRunArn);

impl MapRunArn {
    const WHAT: &'static str = "Map Run ARN";

    /// Parses a Map Run ARN; the error says which part is wrong.
    pub fn parse(text: impl Into<String>) -> Result<Self, Error> {
        let text = text.into();
        let what = Self::WHAT;
        let head = head(what, &text)?;
        if head.resource != "mapRun" {
            return Err(invalid(
                what,
                &text,
                format_args!("the resource type is `{}`, not `mapRun`", head.resource),
            ));
        }
        let rest = &text[head.rest_at..];
        let (path, run_id) = rest.split_once(':').ok_or_else(|| {
            invalid(what, &text, "the run id after `STATE_MACHINE/MAP_LABEL:` is missing")
        })?;
        let (state_machine, map_label) = name_and_label(what, &text, head.rest_at, path)?;
        let map_label = map_label.ok_or_else(|| {
            invalid(what, &text, "the Map label (`STATE_MACHINE/MAP_LABEL`) is missing")
        })?;
        check_name(what, &text, "run id", run_id)?;
        let at = head.rest_at + path.len() + 1;
        Ok(Self { state_machine, map_label, run_id: at..at + run_id.len(), text })
    }

    /// The name of the state machine whose Map state started the run.
    pub fn state_machine_name(&self) -> &str {
        self.slice(&self.state_machine)
    }

    /// The Map state's label.
    pub fn map_label(&self) -> &str {
        self.slice(&self.map_label)
    }

    /// The run's id.
    pub fn run_id(&self) -> &str {
        self.slice(&self.run_id)
    }

    /// The (unqualified) state machine whose Map state started the run.
    pub fn state_machine_arn(&self) -> StateMachineArn {
        let text = format!("{}stateMachine:{}", self.account_prefix(), self.state_machine_name());
        let start = text.len() - self.state_machine_name().len();
        StateMachineArn { name: start..text.len(), text, map_label: None, qualifier: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const P: &str = "arn:aws:states:us-east-1:123456789012:";

    #[test]
    fn every_documented_form_parses_and_prints_back() {
        let sm = StateMachineArn::parse(format!("{P}stateMachine:HelloWorld")).unwrap();
        assert_eq!((sm.name(), sm.qualifier(), sm.map_label()), ("HelloWorld", None, None));
        assert_eq!(
            (sm.partition(), sm.region(), sm.account()),
            ("aws", "us-east-1", "123456789012")
        );
        let v = StateMachineArn::parse(format!("{P}stateMachine:HelloWorld:12")).unwrap();
        assert_eq!(v.qualifier(), Some(Qualifier::Version(12)));
        assert_eq!(v.unqualified(), sm);
        let a = StateMachineArn::parse(format!("{P}stateMachine:HelloWorld:PROD")).unwrap();
        assert_eq!(a.qualifier(), Some(Qualifier::Alias("PROD")));
        let child = StateMachineArn::parse(format!("{P}stateMachine:HelloWorld/Map")).unwrap();
        assert_eq!((child.name(), child.map_label()), ("HelloWorld", Some("Map")));
        assert_eq!(child.unqualified(), sm);
        let gov = StateMachineArn::parse(
            "arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:s",
        )
        .unwrap();
        assert_eq!((gov.partition(), gov.region()), ("aws-us-gov", "us-gov-west-1"));
        let cn = StateMachineArn::parse("arn:aws-cn:states:cn-north-1:123456789012:stateMachine:s")
            .unwrap();
        assert_eq!(cn.partition(), "aws-cn");

        let e = ExecutionArn::parse(format!("{P}execution:HelloWorld:run-1")).unwrap();
        assert_eq!(
            (e.state_machine_name(), e.name(), e.is_express()),
            ("HelloWorld", "run-1", false)
        );
        assert_eq!((e.map_label(), e.express_id()), (None, None));
        assert_eq!(e.state_machine_arn(), sm);
        let x = ExecutionArn::parse(format!("{P}express:HelloWorld:run-1:5e3a-77")).unwrap();
        assert_eq!((x.is_express(), x.name(), x.express_id()), (true, "run-1", Some("5e3a-77")));
        let c = ExecutionArn::parse(format!("{P}execution:HelloWorld/Map:0d9c")).unwrap();
        assert_eq!((c.map_label(), c.name()), (Some("Map"), "0d9c"));
        assert_eq!(c.state_machine_arn(), sm);
        let cx = ExecutionArn::parse(format!("{P}express:HelloWorld/Map:0d9c:77")).unwrap();
        assert_eq!((cx.map_label(), cx.name(), cx.express_id()), (Some("Map"), "0d9c", Some("77")));

        let m = MapRunArn::parse(format!("{P}mapRun:HelloWorld/Map:a1b2")).unwrap();
        assert_eq!(
            (m.state_machine_name(), m.map_label(), m.run_id()),
            ("HelloWorld", "Map", "a1b2")
        );
        assert_eq!(m.state_machine_arn(), sm);

        for arn in [sm.to_string(), v.to_string(), a.to_string(), child.to_string()] {
            assert_eq!(arn.parse::<StateMachineArn>().unwrap().to_string(), arn);
        }
        for arn in [&e, &x, &c, &cx] {
            assert_eq!(String::from(arn).parse::<ExecutionArn>().unwrap(), *arn);
        }
        assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""));
        assert_eq!(serde_json::from_str::<MapRunArn>(&format!("\"{m}\"")).unwrap(), m);
    }

    #[test]
    fn each_malformed_part_is_named() {
        let cases: [(&str, &str); 21] = [
            ("aws:states:us-east-1:123456789012:execution:s:e", "does not start with `arn:`"),
            ("arn:aws:states:us-east-1:123456789012", "ends before the resource type"),
            ("urn:aws:states:us-east-1:123456789012:execution:s:e", "does not start with"),
            ("arn::states:us-east-1:123456789012:execution:s:e", "partition ``"),
            ("arn:AWS:states:us-east-1:123456789012:execution:s:e", "partition `AWS`"),
            ("arn:aws:lambda:us-east-1:123456789012:execution:s:e", "service is `lambda`"),
            ("arn:aws:states:useast:123456789012:execution:s:e", "region `useast`"),
            ("arn:aws:states:us-east-1:12345678901:execution:s:e", "account `12345678901`"),
            ("arn:aws:states:us-east-1:12345678901x:execution:s:e", "account"),
            (
                "arn:aws:states:us-east-1:123456789012:stateMachine:s:e",
                "resource type is `stateMachine`",
            ),
            ("arn:aws:states:us-east-1:123456789012:execution:s", "execution name is missing"),
            ("arn:aws:states:us-east-1:123456789012:execution::e", "state machine name is empty"),
            ("arn:aws:states:us-east-1:123456789012:execution:s:", "execution name is empty"),
            (
                "arn:aws:states:us-east-1:123456789012:execution:s:e:1",
                "standard execution ARN has no part",
            ),
            ("arn:aws:states:us-east-1:123456789012:express:s:e", "needs an id"),
            ("arn:aws:states:us-east-1:123456789012:express:s:e:1:2", "unexpected part `2`"),
            ("arn:aws:states:us-east-1:123456789012:execution:s/:e", "Map label is empty"),
            (
                "arn:aws:states:us-east-1:123456789012:execution:s/a/b:e",
                "Map label `a/b` contains '/'",
            ),
            (
                "arn:aws:states:us-east-1:123456789012:execution:s:e f",
                "execution name `e f` contains ' '",
            ),
            ("arn:aws:states:us-east-1:123456789012:execution:s:e\n", "contains '\\n'"),
            ("arn:aws:states:us-east-1:123456789012:execution:s:e", ""),
        ];
        for (text, says) in cases {
            match ExecutionArn::parse(text) {
                Ok(_) => assert!(says.is_empty(), "{text} parsed"),
                Err(error) => {
                    assert_eq!(error.kind(), ErrorKind::InvalidInput);
                    let message = error.to_string();
                    assert!(
                        !says.is_empty() && message.contains(says),
                        "{message} should say {says}"
                    );
                    assert!(message.contains("invalid execution ARN"), "{message}");
                }
            }
        }
        let long = "x".repeat(81);
        let sm_cases = [
            (format!("{P}stateMachine:s:0"), "version `0` is not a number from 1"),
            (format!("{P}stateMachine:s:07"), "version `07`"),
            (format!("{P}stateMachine:s:99999999999999999999999"), "version"),
            (format!("{P}stateMachine:s:"), "qualifier (version or alias) is empty"),
            (format!("{P}stateMachine:s:a:b"), "qualifier (version or alias) `a:b` contains ':'"),
            (format!("{P}stateMachine:s/Map:1"), "child workflow has no qualifier"),
            (format!("{P}stateMachine:{long}"), "longer than 80"),
        ];
        for (text, says) in sm_cases {
            let message = StateMachineArn::parse(text).unwrap_err().to_string();
            assert!(message.contains(says), "{message} should say {says}");
            assert!(message.contains("invalid state machine ARN"), "{message}");
        }
        let map_cases = [
            (format!("{P}mapRun:s/Map"), "run id after"),
            (format!("{P}mapRun:s:1"), "Map label (`STATE_MACHINE/MAP_LABEL`) is missing"),
            (format!("{P}mapRun:s/Map:"), "run id is empty"),
            (format!("{P}execution:s/Map:1"), "resource type is `execution`, not `mapRun`"),
        ];
        for (text, says) in map_cases {
            let message = MapRunArn::parse(text).unwrap_err().to_string();
            assert!(message.contains(says), "{message} should say {says}");
        }
        assert!(serde_json::from_str::<MapRunArn>("\"arn:aws\"").is_err());
    }

    fn name() -> impl Strategy<Value = String> {
        "[A-Za-z0-9_.-][A-Za-z0-9_.é-]{0,30}"
    }

    proptest! {
        #[test]
        fn state_machine_arns_round_trip(
            partition in "aws(-[a-z]{2,3}){0,2}", region in "[a-z]{2}-[a-z]{4,7}-[1-9]",
            account in "[0-9]{12}", sm in name(), label in proptest::option::of(name()),
            qualifier in proptest::option::of(prop_oneof![(1u64..u64::MAX).prop_map(|v| v.to_string()), "[A-Za-z_][A-Za-z0-9_-]{0,20}"]),
        ) {
            let mut text = format!("arn:{partition}:states:{region}:{account}:stateMachine:{sm}");
            match (&label, &qualifier) {
                (Some(label), _) => text += &format!("/{label}"),
                (None, Some(q)) => text += &format!(":{q}"),
                (None, None) => {}
            }
            let arn = StateMachineArn::parse(text.clone()).unwrap();
            prop_assert_eq!(arn.to_string(), text.clone());
            prop_assert_eq!(arn.name(), sm.as_str());
            prop_assert_eq!(arn.map_label(), label.as_deref());
            prop_assert_eq!(arn.account(), account.as_str());
            prop_assert_eq!(arn.partition(), partition.as_str());
            prop_assert_eq!(arn.region(), region.as_str());
            let unqualified = arn.unqualified();
            prop_assert_eq!(unqualified.unqualified(), unqualified.clone());
        }

        #[test]
        fn execution_and_map_run_arns_round_trip(
            sm in name(), label in proptest::option::of(name()), exec in name(),
            id in proptest::option::of(name()), run in name(),
        ) {
            let path = match &label { Some(l) => format!("{sm}/{l}"), None => sm.clone() };
            let text = match &id {
                Some(id) => format!("{P}express:{path}:{exec}:{id}"),
                None => format!("{P}execution:{path}:{exec}"),
            };
            let arn: ExecutionArn = text.parse().unwrap();
            prop_assert_eq!(arn.to_string(), text.clone());
            prop_assert_eq!((arn.state_machine_name(), arn.map_label(), arn.name(), arn.express_id()),
                (sm.as_str(), label.as_deref(), exec.as_str(), id.as_deref()));
            let parent = arn.state_machine_arn();
            prop_assert_eq!(parent.name(), sm.as_str());

            let text = format!("{P}mapRun:{sm}/{}:{run}", label.as_deref().unwrap_or("Map"));
            let map_run: MapRunArn = text.parse().unwrap();
            prop_assert_eq!(map_run.to_string(), text);
            prop_assert_eq!(map_run.run_id(), run.as_str());
            prop_assert_eq!(map_run.state_machine_arn(), arn.state_machine_arn());
        }

        #[test]
        fn parsing_never_panics(text in "(arn:aws:states:us-east-1:123456789012:)?[a-zA-Z:/ 0-9]{0,40}") {
            let _ = StateMachineArn::parse(text.clone());
            let _ = ExecutionArn::parse(text.clone());
            let _ = MapRunArn::parse(text);
        }
    }
}
