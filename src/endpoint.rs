//! The endpoint requests go to: a custom URL, or the default of a region
//! from the Step Functions endpoint rule set
//! (`sfn-2016-11-23.endpoint-rules.json`) evaluated by hand over the standard
//! AWS partition table (`partitions.json` 1.1). Pure functions of settings:
//! it reads no environment and sends nothing.

use crate::error::Error;

/// One AWS partition: which regions it holds and its DNS suffixes.
struct Partition {
    name: &'static str,
    /// Region names outside the pattern (`aws-global`, ...).
    named_regions: &'static [&'static str],
    /// The pattern `^(PREFIX)-\w+-\d+$`, as its alternative prefixes.
    prefixes: &'static [&'static str],
    dns_suffix: &'static str,
    dual_stack_dns_suffix: &'static str,
}

// Every partition of partitions.json 1.1 supports FIPS and dual-stack, so the
// rule set's "partition does not support FIPS/DualStack" errors cannot occur
// and the table leaves those flags out.
const PARTITIONS: &[Partition] = &[
    Partition {
        name: "aws",
        named_regions: &["aws-global"],
        prefixes: &["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"],
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
    },
    Partition {
        name: "aws-cn",
        named_regions: &["aws-cn-global"],
        prefixes: &["cn"],
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
    },
    Partition {
        name: "aws-eusc",
        named_regions: &[],
        prefixes: &["eusc-de"],
        dns_suffix: "amazonaws.eu",
        dual_stack_dns_suffix: "api.amazonwebservices.eu",
    },
    Partition {
        name: "aws-iso",
        named_regions: &["aws-iso-global"],
        prefixes: &["us-iso"],
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "api.aws.ic.gov",
    },
    Partition {
        name: "aws-iso-b",
        named_regions: &["aws-iso-b-global"],
        prefixes: &["us-isob"],
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "api.aws.scloud",
    },
    Partition {
        name: "aws-iso-e",
        named_regions: &["aws-iso-e-global"],
        prefixes: &["eu-isoe"],
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "api.cloud-aws.adc-e.uk",
    },
    Partition {
        name: "aws-iso-f",
        named_regions: &["aws-iso-f-global"],
        prefixes: &["us-isof"],
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "api.aws.hci.ic.gov",
    },
    Partition {
        name: "aws-us-gov",
        named_regions: &["aws-us-gov-global"],
        prefixes: &["us-gov"],
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
    },
];

/// The endpoint URL: `custom` when set (a local server, a VPC endpoint, a
/// proxy), else the default of `region`. The rule set forbids a custom
/// endpoint with FIPS or dual-stack.
pub(crate) fn resolve(
    region: &str,
    custom: Option<&str>,
    fips: bool,
    dual_stack: bool,
) -> Result<reqwest::Url, Error> {
    let url = match custom {
        Some(url) if fips => {
            return Err(Error::config(format!(
                "the custom endpoint {url} cannot be combined with FIPS"
            )));
        }
        Some(url) if dual_stack => {
            return Err(Error::config(format!(
                "the custom endpoint {url} cannot be combined with dual-stack"
            )));
        }
        Some(url) => url.to_owned(),
        None => default_url(region, fips, dual_stack)?,
    };
    let parsed = reqwest::Url::parse(&url)
        .map_err(|e| Error::config(format!("endpoint {url:?} is not a URL")).with_source(e))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::config(format!("endpoint {parsed} is not http or https")));
    }
    Ok(parsed)
}

/// The endpoint URL for `region`, as the rule set derives it.
///
/// The region must be a valid DNS label; any such name resolves, an unknown
/// one in the `aws` partition (as the SDKs do), so new regions work.
fn default_url(region: &str, fips: bool, dual_stack: bool) -> Result<String, Error> {
    if !is_host_label(region) {
        return Err(Error::config(format!("region {region:?} is not a valid region name")));
    }
    let p = partition(region);
    let (prefix, suffix) = match (fips, dual_stack) {
        // Rule-set special cases: GovCloud (US-West) serves FIPS on the
        // regular name, and GovCloud dual-stack is always FIPS.
        (true, false) if region == "us-gov-west-1" => ("states", p.dns_suffix),
        (false, true) if p.name == "aws-us-gov" => ("states-fips", p.dual_stack_dns_suffix),
        (true, true) => ("states-fips", p.dual_stack_dns_suffix),
        (true, false) => ("states-fips", p.dns_suffix),
        (false, true) => ("states", p.dual_stack_dns_suffix),
        (false, false) => ("states", p.dns_suffix),
    };
    Ok(format!("https://{prefix}.{region}.{suffix}"))
}

/// The partition of a region: by exact name, then by pattern, else `aws`.
fn partition(region: &str) -> &'static Partition {
    PARTITIONS
        .iter()
        .find(|p| p.named_regions.contains(&region))
        .or_else(|| PARTITIONS.iter().find(|p| p.prefixes.iter().any(|x| matches(region, x))))
        .unwrap_or(&PARTITIONS[0])
}

/// `^PREFIX-\w+-\d+$`, for a region already known to be a host label.
fn matches(region: &str, prefix: &str) -> bool {
    let Some(rest) = region.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    rest.split_once('-').is_some_and(|(word, number)| {
        !word.is_empty() && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
    })
}

/// 1 to 63 ASCII letters, digits and hyphens, not starting or ending with a
/// hyphen (RFC 1123).
fn is_host_label(s: &str) -> bool {
    (1..=63).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    /// (region, FIPS, dual-stack) → URL, walking every branch of the rule
    /// set for every partition.
    #[test]
    fn rule_set_cases() {
        let cases = [
            // aws
            ("us-east-1", false, false, "https://states.us-east-1.amazonaws.com"),
            ("us-east-1", true, false, "https://states-fips.us-east-1.amazonaws.com"),
            ("us-east-1", false, true, "https://states.us-east-1.api.aws"),
            ("us-east-1", true, true, "https://states-fips.us-east-1.api.aws"),
            ("eu-west-1", false, false, "https://states.eu-west-1.amazonaws.com"),
            ("ap-south-2", true, true, "https://states-fips.ap-south-2.api.aws"),
            ("il-central-1", false, false, "https://states.il-central-1.amazonaws.com"),
            ("mx-central-1", false, true, "https://states.mx-central-1.api.aws"),
            ("aws-global", false, false, "https://states.aws-global.amazonaws.com"),
            // aws-cn
            ("cn-north-1", false, false, "https://states.cn-north-1.amazonaws.com.cn"),
            ("cn-north-1", true, false, "https://states-fips.cn-north-1.amazonaws.com.cn"),
            ("cn-north-1", false, true, "https://states.cn-north-1.api.amazonwebservices.com.cn"),
            (
                "cn-northwest-1",
                true,
                true,
                "https://states-fips.cn-northwest-1.api.amazonwebservices.com.cn",
            ),
            ("aws-cn-global", false, false, "https://states.aws-cn-global.amazonaws.com.cn"),
            // aws-us-gov, with the rule set's two special cases
            ("us-gov-west-1", false, false, "https://states.us-gov-west-1.amazonaws.com"),
            ("us-gov-west-1", true, false, "https://states.us-gov-west-1.amazonaws.com"),
            ("us-gov-west-1", false, true, "https://states-fips.us-gov-west-1.api.aws"),
            ("us-gov-west-1", true, true, "https://states-fips.us-gov-west-1.api.aws"),
            ("us-gov-east-1", false, false, "https://states.us-gov-east-1.amazonaws.com"),
            ("us-gov-east-1", true, false, "https://states-fips.us-gov-east-1.amazonaws.com"),
            ("us-gov-east-1", false, true, "https://states-fips.us-gov-east-1.api.aws"),
            ("us-gov-east-1", true, true, "https://states-fips.us-gov-east-1.api.aws"),
            ("aws-us-gov-global", false, true, "https://states-fips.aws-us-gov-global.api.aws"),
            // aws-iso
            ("us-iso-east-1", false, false, "https://states.us-iso-east-1.c2s.ic.gov"),
            ("us-iso-east-1", true, false, "https://states-fips.us-iso-east-1.c2s.ic.gov"),
            ("us-iso-west-1", false, true, "https://states.us-iso-west-1.api.aws.ic.gov"),
            ("us-iso-east-1", true, true, "https://states-fips.us-iso-east-1.api.aws.ic.gov"),
            // aws-iso-b
            ("us-isob-east-1", false, false, "https://states.us-isob-east-1.sc2s.sgov.gov"),
            ("us-isob-east-1", true, false, "https://states-fips.us-isob-east-1.sc2s.sgov.gov"),
            ("us-isob-east-1", false, true, "https://states.us-isob-east-1.api.aws.scloud"),
            ("us-isob-east-1", true, true, "https://states-fips.us-isob-east-1.api.aws.scloud"),
            // aws-iso-e
            ("eu-isoe-west-1", false, false, "https://states.eu-isoe-west-1.cloud.adc-e.uk"),
            ("eu-isoe-west-1", true, false, "https://states-fips.eu-isoe-west-1.cloud.adc-e.uk"),
            ("eu-isoe-west-1", false, true, "https://states.eu-isoe-west-1.api.cloud-aws.adc-e.uk"),
            // aws-iso-f
            ("us-isof-south-1", false, false, "https://states.us-isof-south-1.csp.hci.ic.gov"),
            ("us-isof-east-1", true, false, "https://states-fips.us-isof-east-1.csp.hci.ic.gov"),
            (
                "us-isof-south-1",
                true,
                true,
                "https://states-fips.us-isof-south-1.api.aws.hci.ic.gov",
            ),
            // aws-eusc
            ("eusc-de-east-1", false, false, "https://states.eusc-de-east-1.amazonaws.eu"),
            ("eusc-de-east-1", true, false, "https://states-fips.eusc-de-east-1.amazonaws.eu"),
            (
                "eusc-de-east-1",
                false,
                true,
                "https://states.eusc-de-east-1.api.amazonwebservices.eu",
            ),
            // Future regions follow their partition's pattern...
            ("cn-south-7", false, false, "https://states.cn-south-7.amazonaws.com.cn"),
            ("us-gov-north-9", false, true, "https://states-fips.us-gov-north-9.api.aws"),
            ("us-isob-west-12", false, false, "https://states.us-isob-west-12.sc2s.sgov.gov"),
            // ... and anything else falls back to `aws`.
            ("xx-new-1", false, false, "https://states.xx-new-1.amazonaws.com"),
            ("xx-new-1", true, true, "https://states-fips.xx-new-1.api.aws"),
            ("eusc-fr-east-1", false, false, "https://states.eusc-fr-east-1.amazonaws.com"),
            ("cn-north", false, false, "https://states.cn-north.amazonaws.com"),
            ("us-gov-west-1a", false, false, "https://states.us-gov-west-1a.amazonaws.com"),
            ("local", false, false, "https://states.local.amazonaws.com"),
        ];
        for (region, fips, dual_stack, url) in cases {
            assert_eq!(
                default_url(region, fips, dual_stack).unwrap(),
                url,
                "{region} fips={fips} dual_stack={dual_stack}"
            );
        }
    }

    #[test]
    fn partition_patterns() {
        assert_eq!(partition("us-gov-west-1").name, "aws-us-gov");
        assert_eq!(partition("us-iso-east-1").name, "aws-iso");
        assert_eq!(partition("us-isof-south-1").name, "aws-iso-f");
        assert_eq!(partition("eu-isoe-west-1").name, "aws-iso-e");
        assert_eq!(partition("eu-west-1").name, "aws");
        assert_eq!(partition("aws-iso-b-global").name, "aws-iso-b");
        assert_eq!(partition("us-east-x").name, "aws");
        assert_eq!(partition("us--1").name, "aws");
    }

    #[test]
    fn invalid_regions_are_config_errors() {
        let long = "a".repeat(64);
        for region in ["", "us east", "us_east_1", "-us-east-1", "us-east-1-", "us-east-1.", "a/b"]
            .into_iter()
            .chain([long.as_str(), "ü-west-1"])
        {
            let error = default_url(region, false, false).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config, "{region:?}");
            assert!(error.to_string().contains("not a valid region name"), "{error}");
        }
    }

    #[test]
    fn custom_endpoints() {
        let resolve = |custom, fips, dual| {
            resolve("us-gov-west-1", custom, fips, dual).map(|url| url.to_string())
        };
        assert_eq!(
            resolve(None, false, false).unwrap(),
            "https://states.us-gov-west-1.amazonaws.com/"
        );
        assert_eq!(
            resolve(None, true, false).unwrap(),
            "https://states.us-gov-west-1.amazonaws.com/"
        );
        assert_eq!(
            resolve(None, false, true).unwrap(),
            "https://states-fips.us-gov-west-1.api.aws/"
        );
        let custom = Some("http://127.0.0.1:9");
        assert_eq!(resolve(custom, false, false).unwrap(), "http://127.0.0.1:9/");
        for (fips, dual, what) in [(true, false, "FIPS"), (false, true, "dual-stack")] {
            let error = resolve(custom, fips, dual).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config);
            assert!(error.to_string().contains(what), "{error}");
        }
        for bad in ["not a url", "ftp://host/"] {
            let error = resolve(Some(bad), false, false).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config, "{bad}");
        }
        let error = super::resolve("us east", None, false, false).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
    }
}
