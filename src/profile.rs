//! The shared AWS config and credentials files (`~/.aws/config`,
//! `~/.aws/credentials`): a parser for their INI dialect and the merged view
//! of their profiles, following the rules every AWS SDK shares.
//!
//! - Only spaces and tabs are whitespace. A line starting with `#` or `;` is a
//!   comment; after a section header any `#`/`;` starts a comment, after a
//!   value only one preceded by whitespace does (`key = a;b` keeps `a;b`).
//! - A line starting with whitespace continues the previous property. When
//!   that property's value was empty, its continuation lines are
//!   sub-properties (`s3 =` then `  max_concurrent_requests = 10`); each must
//!   hold an `=`.
//! - Property names are matched ignoring ASCII case. Section and property
//!   names that are not identifiers (`[A-Za-z0-9_\-/.%@:+]+`) are ignored.
//! - In the config file profiles are `[default]` or `[profile NAME]`
//!   (`[profile default]` replaces `[default]`), `[services NAME]` holds
//!   per-service settings and `[sso-session NAME]` an SSO session's; in the
//!   credentials file profiles are `[NAME]`.
//!   Other sections are ignored. Repeated sections merge, the last value of a
//!   property wins, and the credentials file wins over the config file.

use crate::error::Error;
use std::collections::HashMap;

/// A profile's (or a `[services]` section's) properties, by lowercase name.
pub(crate) type Properties = HashMap<String, String>;

/// Which of the two files a text came from: they name sections differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `~/.aws/config`
    Config,
    /// `~/.aws/credentials`
    Credentials,
}

/// The profiles and `[services]` sections of both files, merged.
#[derive(Debug, Default)]
pub(crate) struct ProfileSet {
    profiles: HashMap<String, Properties>,
    services: HashMap<String, Properties>,
    sso_sessions: HashMap<String, Properties>,
}

const WHITESPACE: &[char] = &[' ', '\t'];
const COMMENT: &[char] = &['#', ';'];

impl ProfileSet {
    /// The profile called `name`, if either file defines it.
    pub(crate) fn profile(&self, name: &str) -> Option<&Properties> {
        self.profiles.get(name)
    }

    /// The `[services NAME]` section, if the config file defines it.
    pub(crate) fn services(&self, name: &str) -> Option<&Properties> {
        self.services.get(name)
    }

    /// The `[sso-session NAME]` section, if the config file defines it.
    pub(crate) fn sso_session(&self, name: &str) -> Option<&Properties> {
        self.sso_sessions.get(name)
    }

    /// Parses one file and merges it over what is already here; `path` only
    /// names the file in errors. Load the config file first.
    pub(crate) fn merge_file(
        &mut self,
        text: &str,
        path: &str,
        kind: FileKind,
    ) -> Result<(), Error> {
        let sections = parse(text).map_err(|(line, message)| {
            Error::config(format!("cannot parse {path}, line {line}: {message}"))
        })?;
        let has_profile_default =
            sections.iter().any(|(header, _)| section_key(header) == (Some("profile"), "default"));
        for (header, properties) in sections {
            let target = match (kind, section_key(&header)) {
                (FileKind::Config, (None, "default")) if has_profile_default => continue,
                (FileKind::Config, (None, "default")) => self.profiles.entry("default".into()),
                (FileKind::Config, (Some("profile"), name)) if is_identifier(name) => {
                    self.profiles.entry(name.into())
                }
                (FileKind::Config, (Some("services"), name)) if is_identifier(name) => {
                    self.services.entry(name.into())
                }
                (FileKind::Config, (Some("sso-session"), name)) if is_identifier(name) => {
                    self.sso_sessions.entry(name.into())
                }
                (FileKind::Credentials, (None, name)) if is_identifier(name) => {
                    self.profiles.entry(name.into())
                }
                _ => {
                    tracing::debug!(file = path, section = %header, "section ignored");
                    continue;
                }
            };
            let target = target.or_default();
            for (key, value) in properties.into_iter().filter(|(k, _)| is_identifier(k)) {
                target.insert(key, value);
            }
        }
        Ok(())
    }
}

/// The value of `key` among the sub-properties of a property whose value was
/// empty (`sfn =` followed by indented `endpoint_url = ...` lines).
pub(crate) fn sub_property<'v>(value: &'v str, key: &str) -> Option<&'v str> {
    value.lines().rev().find_map(|line| {
        let (k, v) = property(line).ok()?;
        k.eq_ignore_ascii_case(key).then_some(v)
    })
}

/// `[profile foo]` → (`Some("profile")`, `"foo"`); `[foo]` → (`None`, `"foo"`).
fn section_key(header: &str) -> (Option<&str>, &str) {
    match header.split_once(WHITESPACE) {
        Some((prefix, name)) => (Some(prefix), name.trim_matches(WHITESPACE)),
        None => (None, header),
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "_-/.%@:+".contains(c))
}

/// A file's sections in order: (header without brackets, properties with
/// lowercase names). Errors are (1-based line, message).
type Sections = Vec<(String, Vec<(String, String)>)>;

fn parse(text: &str) -> Result<Sections, (usize, &'static str)> {
    let mut sections: Sections = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let error = |message| (index + 1, message);
        if line.trim_matches(WHITESPACE).is_empty() || line.starts_with(COMMENT) {
            continue;
        }
        if line.starts_with('[') {
            let header = strip_comment(line, false)
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .ok_or(error("a section header must end with ']'"))?;
            sections.push((header.trim_matches(WHITESPACE).to_owned(), Vec::new()));
            continue;
        }
        let (_, properties) =
            sections.last_mut().ok_or(error("expected a section header first"))?;
        if line.starts_with(WHITESPACE) {
            let (_, value) = properties
                .last_mut()
                .ok_or(error("expected a property before this continuation line"))?;
            let line = line.trim_matches(WHITESPACE);
            // Sub-properties (continuations of an empty value) must be `k = v`.
            if (value.is_empty() || value.starts_with('\n')) && property(line).is_err() {
                return Err(error("expected `name = value` for a sub-property"));
            }
            value.push('\n');
            value.push_str(line);
        } else {
            let (key, value) = property(line).map_err(error)?;
            properties.push((key.to_ascii_lowercase(), value.to_owned()));
        }
    }
    Ok(sections)
}

fn property(line: &str) -> Result<(&str, &str), &'static str> {
    let (key, value) =
        strip_comment(line, true).split_once('=').ok_or("expected `name = value`")?;
    let key = key.trim_matches(WHITESPACE);
    if key.is_empty() {
        return Err("a property must have a name");
    }
    Ok((key, value.trim_matches(WHITESPACE)))
}

/// The line without surrounding whitespace and without a trailing comment.
fn strip_comment(line: &str, comment_needs_whitespace: bool) -> &str {
    let line = line.trim_matches(WHITESPACE);
    let mut previous_is_space = false;
    let end = line
        .char_indices()
        .find(|&(_, c)| {
            let starts_comment =
                COMMENT.contains(&c) && (previous_is_space || !comment_needs_whitespace);
            previous_is_space = WHITESPACE.contains(&c);
            starts_comment
        })
        .map_or(line.len(), |(i, _)| i);
    line[..end].trim_matches(WHITESPACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> ProfileSet {
        let mut set = ProfileSet::default();
        set.merge_file(text, "/test/config", FileKind::Config).unwrap();
        set
    }

    fn config_error(text: &str) -> String {
        let mut set = ProfileSet::default();
        set.merge_file(text, "/test/config", FileKind::Config).unwrap_err().to_string()
    }

    fn props(pairs: &[(&str, &str)]) -> Properties {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn profiles_and_properties() {
        let set = config(
            "[default]\nregion = eu-west-1\n[profile dev]\nregion=us-east-2\nname = val=ue\n",
        );
        assert_eq!(set.profile("default"), Some(&props(&[("region", "eu-west-1")])));
        assert_eq!(
            set.profile("dev"),
            Some(&props(&[("region", "us-east-2"), ("name", "val=ue")]))
        );
        assert_eq!(set.profile("missing"), None);
    }

    #[test]
    fn empty_file_and_empty_profile() {
        assert!(config("").profiles.is_empty());
        assert_eq!(config("[profile foo]").profile("foo"), Some(&Properties::new()));
    }

    #[test]
    fn whitespace_crlf_and_blank_lines() {
        let set = config("\t \n[ profile \t foo \t]\r\n\t\nname \t=  \tvalue \t\r\n \t\n");
        assert_eq!(set.profile("foo"), Some(&props(&[("name", "value")])));
        // An indented property is a continuation, with nothing to continue.
        assert!(config_error("[profile foo]\n  name = value").contains("line 2"));
    }

    #[test]
    fn comments() {
        let set = config(
            "# comment\n; comment\n[profile foo] # comment\na = 1 # comment # more\n\
             b = 2 ; comment\nc = x;y\nd = x#y\ne =\n[profile bar]; adjacent\n[profile baz]#\n",
        );
        assert_eq!(
            set.profile("foo"),
            Some(&props(&[("a", "1"), ("b", "2"), ("c", "x;y"), ("d", "x#y"), ("e", "")]))
        );
        assert!(set.profile("bar").is_some() && set.profile("baz").is_some());
    }

    #[test]
    fn names_ignore_ascii_case_and_last_value_wins() {
        let set = config("[profile foo]\nRegion = a\n[profile foo]\nREGION = b\nother = c\n");
        assert_eq!(set.profile("foo"), Some(&props(&[("region", "b"), ("other", "c")])));
    }

    #[test]
    fn continuations() {
        let set = config("[profile foo]\nname = value\n -continued # kept\n\t -more \t\n");
        assert_eq!(set.profile("foo").unwrap()["name"], "value\n-continued # kept\n-more");
    }

    #[test]
    fn sub_properties_are_kept_and_skipped() {
        let set = config(
            "[profile foo]\ns3 =\n  max_concurrent_requests = 10\n\n  region = nope\nregion = us-west-2\n",
        );
        let foo = set.profile("foo").unwrap();
        assert_eq!(foo["region"], "us-west-2");
        assert_eq!(sub_property(&foo["s3"], "max_concurrent_requests"), Some("10"));
        assert_eq!(sub_property(&foo["s3"], "missing"), None);
        // Empty sub-property values and invalid names are accepted.
        let set = config("[profile foo]\ns3 =\n name =\n in valid = x\n");
        assert_eq!(sub_property(&set.profile("foo").unwrap()["s3"], "NAME"), Some(""));
    }

    #[test]
    fn services_sections() {
        let set = config(
            "[profile dev]\nservices = local\n[services local]\nsfn =\n  endpoint_url = \
             http://127.0.0.1:8083 # the local one\ns3 =\n  endpoint_url = http://s3\n",
        );
        assert_eq!(set.profile("dev").unwrap()["services"], "local");
        let local = set.services("local").unwrap();
        assert_eq!(sub_property(&local["sfn"], "endpoint_url"), Some("http://127.0.0.1:8083"));
        assert_eq!(sub_property(&local["s3"], "endpoint_url"), Some("http://s3"));
        assert!(set.profile("local").is_none());
    }

    #[test]
    fn profile_default_replaces_default() {
        let set = config("[profile default]\na = 1\n[default]\nb = 2\n[profile default]\nc = 3\n");
        assert_eq!(set.profile("default"), Some(&props(&[("a", "1"), ("c", "3")])));
        let set = config("[default]\nb = 2\n");
        assert_eq!(set.profile("default"), Some(&props(&[("b", "2")])));
    }

    #[test]
    fn ignored_sections_and_keys() {
        let set = config(
            "[foo]\na = 1\n[profilefoo]\na = 1\n[profile in valid]\na = 1\n[profile foo!bar]\n\
             [sso-session s]\na = 1\n[profile ok]\nin valid = 1\nfine = 2\n",
        );
        assert_eq!(set.profiles.len(), 1);
        assert_eq!(set.profile("ok"), Some(&props(&[("fine", "2")])));
        assert!(set.services.is_empty());
        assert_eq!(set.sso_session("s"), Some(&props(&[("a", "1")])));
        let set = config("[profile some-thing:long/the_one%only.foo@bar+]");
        assert!(set.profile("some-thing:long/the_one%only.foo@bar+").is_some());
    }

    #[test]
    fn credentials_file_sections_and_merging() {
        let mut set = config("[profile foo]\nname = config\nregion = r\n[default]\nx = 1\n");
        set.merge_file(
            "[foo]\nname = credentials\n[profile bar]\nname = 1\n[services x]\na = 1\n[ default ]\ny = 2",
            "/test/credentials",
            FileKind::Credentials,
        )
        .unwrap();
        assert_eq!(set.profile("foo"), Some(&props(&[("name", "credentials"), ("region", "r")])));
        assert_eq!(set.profile("default"), Some(&props(&[("x", "1"), ("y", "2")])));
        assert!(set.profile("bar").is_none() && set.services("x").is_none());
    }

    #[test]
    fn unicode_values() {
        assert_eq!(config("[profile foo]\nname = 😂 ü\n").profile("foo").unwrap()["name"], "😂 ü");
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("[profile foo", 1, "must end with ']'"),
            ("[profile foo] extra", 1, "must end with ']'"),
            ("name = value", 1, "section header"),
            (" -continued", 1, "section header"),
            ("[profile foo]\n -continued", 2, "property before this continuation"),
            ("[profile foo]\nname = v\n[profile foo]\n -continued", 4, "continuation"),
            ("[profile foo]\n\n= value", 3, "must have a name"),
            ("[profile foo]\nkey : value", 2, "name = value"),
            ("[profile foo]\ns3 =\n invalid", 3, "sub-property"),
            ("[profile foo]\ns3 =\n = value", 3, "sub-property"),
        ];
        for (text, line, message) in cases {
            let error = config_error(text);
            assert!(
                error.contains(&format!("/test/config, line {line}:")) && error.contains(message),
                "{text:?}: {error}"
            );
        }
    }
}
