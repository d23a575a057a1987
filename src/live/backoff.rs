//! [`PollBackoff`]: how long a live stream or waiter waits between polls.
//! Pure arithmetic on durations, no clock and no I/O, so it is tested alone.

use std::time::Duration;

/// The delay between polls: `interval` after a poll that saw a change,
/// doubling while nothing changes or the service throttles, up to `max`.
///
/// ```
/// use std::time::Duration;
/// use sfn_lite::live::PollBackoff;
///
/// let mut backoff = PollBackoff::new(Duration::from_secs(1), Duration::from_secs(5));
/// assert_eq!(backoff.idle(), Duration::from_secs(1));
/// assert_eq!(backoff.idle(), Duration::from_secs(2));
/// assert_eq!(backoff.idle(), Duration::from_secs(4));
/// assert_eq!(backoff.idle(), Duration::from_secs(5));
/// assert_eq!(backoff.changed(), Duration::from_secs(1));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollBackoff {
    interval: Duration,
    max: Duration,
    next: Duration,
}

impl PollBackoff {
    /// Polls `interval` apart while things change, backing off up to `max`
    /// (raised to `interval` if smaller).
    pub fn new(interval: Duration, max: Duration) -> Self {
        Self { interval, max: max.max(interval), next: interval }
    }

    /// The delay after a poll that saw a change: back to the interval.
    pub fn changed(&mut self) -> Duration {
        self.next = self.interval;
        self.advance()
    }

    /// The delay after a poll that saw nothing new: the current delay, and
    /// the next one doubles (up to the maximum).
    pub fn idle(&mut self) -> Duration {
        self.advance()
    }

    /// The delay after a poll the service throttled: at least twice the
    /// interval, and doubling as `idle` does, so throttling slows polling
    /// down rather than ending it.
    pub fn throttled(&mut self) -> Duration {
        self.next = self.next.max(self.interval.saturating_mul(2)).min(self.max);
        self.advance()
    }

    /// The configured interval.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The configured maximum.
    pub fn max(&self) -> Duration {
        self.max
    }

    fn advance(&mut self) -> Duration {
        let now = self.next;
        self.next = now.saturating_mul(2).min(self.max);
        now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn idle_doubles_to_the_cap_and_a_change_resets() {
        let mut b = PollBackoff::new(S, 10 * S);
        let idle: Vec<_> = (0..6).map(|_| b.idle()).collect();
        assert_eq!(idle, [S, 2 * S, 4 * S, 8 * S, 10 * S, 10 * S]);
        assert_eq!(b.changed(), S);
        assert_eq!(b.idle(), 2 * S);
    }

    #[test]
    fn throttling_waits_at_least_two_intervals_and_keeps_doubling() {
        let mut b = PollBackoff::new(S, 10 * S);
        assert_eq!(b.throttled(), 2 * S);
        assert_eq!(b.throttled(), 4 * S);
        assert_eq!(b.idle(), 8 * S);
        let mut low = PollBackoff::new(S, S);
        assert_eq!(low.throttled(), S, "never above the maximum");
    }

    #[test]
    fn a_max_below_the_interval_is_raised_to_it() {
        let mut b = PollBackoff::new(4 * S, S);
        assert_eq!((b.max(), b.interval()), (4 * S, 4 * S));
        assert_eq!(b.idle(), 4 * S);
        assert_eq!(b.idle(), 4 * S);
        let huge = Duration::MAX;
        let mut h = PollBackoff::new(huge, huge);
        assert_eq!((h.idle(), h.throttled()), (huge, huge), "no overflow");
    }
}
