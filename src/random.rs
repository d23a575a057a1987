//! The crate's one source of randomness: a process-wide xorshift64*
//! generator seeded from the standard library's per-process random hash keys
//! and the clock. It spreads retries apart (backoff jitter) and makes
//! idempotency tokens unique; it is not for anything secret, and it needs
//! no dependency.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// A number in `[0, 1)`, for backoff jitter.
pub(crate) fn unit() -> f64 {
    global().unit()
}

/// A random version-4 UUID in its text form, as the AWS SDKs send for
/// idempotency tokens.
pub(crate) fn uuid_v4() -> String {
    const VERSION_MASK: u128 = 0xf << 76;
    const VERSION_4: u128 = 0x4 << 76;
    const VARIANT_MASK: u128 = 0xc << 60;
    const VARIANT_RFC: u128 = 0x8 << 60;
    let rng = global();
    let random = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
    let bits = (random & !(VERSION_MASK | VARIANT_MASK)) | VERSION_4 | VARIANT_RFC;
    let hex = format!("{bits:032x}");
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

fn global() -> &'static Rng {
    static RNG: OnceLock<Rng> = OnceLock::new();
    RNG.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
        hasher.write_u128(nanos.as_nanos());
        hasher.write_u32(std::process::id());
        Rng::seeded(hasher.finish())
    })
}

/// xorshift64*: one atomic word of state, so every thread can draw from it.
#[derive(Debug)]
struct Rng(AtomicU64);

impl Rng {
    /// A generator with a fixed seed (0 is replaced, as xorshift stays at 0).
    fn seeded(seed: u64) -> Self {
        Self(AtomicU64::new(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed }))
    }

    fn next_u64(&self) -> u64 {
        let step = |mut x: u64| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x
        };
        // The closure always returns `Some`; `unwrap_or_else` just names the
        // value the update saw either way.
        let previous = self
            .0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |x| Some(step(x)))
            .unwrap_or_else(|x| x);
        step(previous).wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&self) -> f64 {
        // The top 53 bits fill an f64 mantissa exactly.
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_are_uniform_enough_and_seedable() {
        let rng = Rng::seeded(42);
        let draws: Vec<f64> = (0..10_000).map(|_| rng.unit()).collect();
        assert!(draws.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
        for decile in 0..10 {
            let lo = f64::from(decile) / 10.0;
            let n = draws.iter().filter(|x| (lo..lo + 0.1).contains(*x)).count();
            assert!((800..1200).contains(&n), "decile {decile}: {n}");
        }
        assert_eq!(Rng::seeded(42).unit(), draws[0]);
        let zero = Rng::seeded(0);
        assert!((0..10).any(|_| zero.unit() > 0.0), "a zero seed still moves");
        assert!((0..100).map(|_| unit()).all(|x| (0.0..1.0).contains(&x)));
    }

    #[test]
    fn uuids_are_version_4_and_unique() {
        let tokens: std::collections::HashSet<String> = (0..10_000).map(|_| uuid_v4()).collect();
        assert_eq!(tokens.len(), 10_000);
        for token in tokens.iter().take(100) {
            let bytes = token.as_bytes();
            assert_eq!(token.len(), 36, "{token}");
            assert_eq!([bytes[8], bytes[13], bytes[18], bytes[23]], [b'-'; 4], "{token}");
            assert_eq!(bytes[14], b'4', "{token}");
            assert!(matches!(bytes[19], b'8' | b'9' | b'a' | b'b'), "{token}");
            assert!(token.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()), "{token}");
        }
    }
}
