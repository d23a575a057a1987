//! The serde helpers the shapes use for AWS JSON 1.0 values: epoch-seconds
//! timestamps, floats that may travel as `"NaN"`/`"Infinity"`, and the
//! defaults a lenient decoder fills in for required members a server left
//! out.
//!
//! Nothing here knows about a particular operation, a response or an error:
//! reading responses is [`crate::response`]'s concern.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use std::fmt;
use time::OffsetDateTime;

/// The value a missing required timestamp decodes to (Smithy's zero value).
pub(crate) fn epoch() -> OffsetDateTime {
    OffsetDateTime::UNIX_EPOCH
}

/// Converts fractional epoch seconds, rounded to the microsecond: the service
/// sends milliseconds, and rounding hides the binary noise of an `f64`.
pub(crate) fn timestamp_from_f64(secs: f64) -> Option<OffsetDateTime> {
    if !secs.is_finite() {
        return None;
    }
    let micros = (secs * 1_000_000.0).round();
    if micros.abs() > 9.0e18 {
        return None;
    }
    // Seconds and the microseconds past them, without 128-bit arithmetic.
    let micros = micros as i64;
    let nanos = micros.rem_euclid(1_000_000) as u32 * 1_000;
    OffsetDateTime::from_unix_timestamp(micros.div_euclid(1_000_000))
        .ok()?
        .replace_nanosecond(nanos)
        .ok()
}

/// Epoch seconds as the service writes them: an integer when whole, else a
/// fraction.
pub(crate) fn timestamp_to_f64(t: &OffsetDateTime) -> f64 {
    // Seconds plus fraction: the nanosecond count exceeds 2^53, so turning it
    // into an f64 first loses digits (1795560000.25 would print ...0.2499998).
    t.unix_timestamp() as f64 + f64::from(t.nanosecond()) / 1e9
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = OffsetDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp in epoch seconds")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        OffsetDateTime::from_unix_timestamp(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let v = i64::try_from(v).map_err(E::custom)?;
        self.visit_i64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        timestamp_from_f64(v).ok_or_else(|| E::custom(format!("timestamp {v} out of range")))
    }
}

/// `#[serde(with = "crate::wire::timestamp")]` for required timestamps.
pub(crate) mod timestamp {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        if t.nanosecond() == 0 {
            s.serialize_i64(t.unix_timestamp())
        } else {
            s.serialize_f64(timestamp_to_f64(t))
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_any(TimestampVisitor)
    }
}

/// `#[serde(with = "crate::wire::timestamp_opt")]` for optional timestamps.
pub(crate) mod timestamp_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        t: &Option<OffsetDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => timestamp::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        struct OptVisitor;
        impl<'de> Visitor<'de> for OptVisitor {
            type Value = Option<OffsetDateTime>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp in epoch seconds or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                timestamp::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(OptVisitor)
    }
}

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or one of \"NaN\", \"Infinity\", \"-Infinity\"")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
        }
    }
}

/// `#[serde(with = "crate::wire::float")]`: non-finite values travel as strings.
pub(crate) mod float {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_nan() {
            s.serialize_str("NaN")
        } else if *v == f64::INFINITY {
            s.serialize_str("Infinity")
        } else if *v == f64::NEG_INFINITY {
            s.serialize_str("-Infinity")
        } else {
            s.serialize_f64(*v)
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        d.deserialize_any(FloatVisitor)
    }
}

/// The optional form of [`float`].
pub(crate) mod float_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => float::serialize(v, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        struct OptVisitor;
        impl<'de> Visitor<'de> for OptVisitor {
            type Value = Option<f64>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a float or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(FloatVisitor).map(Some)
            }
        }
        d.deserialize_option(OptVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct T {
        #[serde(with = "timestamp")]
        at: OffsetDateTime,
        #[serde(with = "timestamp_opt", default, skip_serializing_if = "Option::is_none")]
        maybe: Option<OffsetDateTime>,
        #[serde(with = "float")]
        pct: f64,
    }

    #[test]
    fn fractional_and_exponent_timestamps_decode() {
        let t: T =
            serde_json::from_str(r#"{"at":1795559751.538,"maybe":1.669852E9,"pct":5}"#).unwrap();
        assert_eq!(t.at.unix_timestamp(), 1795559751);
        assert_eq!(t.at.millisecond(), 538);
        assert_eq!(t.at.nanosecond(), 538_000_000);
        assert_eq!(t.maybe.unwrap().unix_timestamp(), 1_669_852_000);
        assert_eq!(t.pct, 5.0);
    }

    #[test]
    fn timestamps_round_trip_exactly() {
        let json = r#"{"at":1795559751.538,"pct":12.5}"#;
        let t: T = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
        let whole = r#"{"at":1669852000,"maybe":1669852001,"pct":0.0}"#;
        let t: T = serde_json::from_str(whole).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), whole);
    }

    #[test]
    fn fractions_re_encode_as_sent() {
        for json in [
            r#"{"at":1795560000.25,"pct":1.0}"#,
            r#"{"at":1795559760.004,"pct":1.0}"#,
            r#"{"at":-0.5,"pct":1.0}"#,
        ] {
            let t: T = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), json);
        }
    }

    #[test]
    fn non_finite_floats_travel_as_strings() {
        let t: T = serde_json::from_str(r#"{"at":0,"pct":"NaN"}"#).unwrap();
        assert!(t.pct.is_nan());
        let t: T = serde_json::from_str(r#"{"at":0,"pct":"-Infinity"}"#).unwrap();
        assert_eq!(t.pct, f64::NEG_INFINITY);
        let s = serde_json::to_string(&T { at: epoch(), maybe: None, pct: f64::INFINITY }).unwrap();
        assert_eq!(s, r#"{"at":0,"pct":"Infinity"}"#);
        assert!(serde_json::from_str::<T>(r#"{"at":0,"pct":"lots"}"#).is_err());
    }

    #[test]
    fn out_of_range_timestamps_are_errors_not_panics() {
        for bad in ["1e300", "-1e300", "9223372036854775807", "\"x\""] {
            let json = format!(r#"{{"at":{bad},"pct":1}}"#);
            assert!(serde_json::from_str::<T>(&json).is_err(), "{bad}");
        }
    }

    #[test]
    fn floats_decode_correctly_rounded() {
        // Found by the fuzz suite: without serde_json's `float_roundtrip`, a
        // float of 17 significant digits could decode one ulp off, so an
        // output re-encoded and decoded again changed.
        for text in ["1.079389193769756e-113", "33.333333333333336", "0.1", "5"] {
            let t: T = serde_json::from_str(&format!(r#"{{"at":0,"pct":{text}}}"#)).unwrap();
            assert_eq!(t.pct.to_bits(), text.parse::<f64>().unwrap().to_bits(), "{text}");
        }
    }
}
