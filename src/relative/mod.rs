//! Relative strength: an asset against a benchmark (an index against another, a stock
//! against its index).
//!
//! Every indicator here takes the pair `(asset, benchmark)` of one bar: the **first** number
//! is the asset `A`, the **second** the benchmark `B`. Swapping them swaps the meaning (a
//! spread changes sign, a beta becomes the reverse regression).
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`RatioLine`] | – | `(A, B)` prices | [`RatioLineOutput`] (ratio `A/B`, change in %) | 1 (since the first), `n + 1` (over `n` bars) |
//! | [`PerformanceSpread`] | – | `(A, B)` prices | spread in percentage points | 1 (anchored), `n + 1` (rolling) |
//! | [`Mansfield`] | – | `(A, B)` prices | Mansfield RS (0 = in line with its average) | `n` (200) |
//! | [`Leadership`] | – | `(A, B)` prices | `Option<`[`LeadershipEvent`]`>`: the ratio line crossing its average | `n + 1` |
//! | [`Beta`] | `BETA(B, A)` | `(A, B)` prices | beta of `A` on `B` (returns) | `n + 1` |
//! | [`Correlation`] | `CORREL(A, B)` ([`Correlation::talib`]) | `(A, B)` prices | Pearson ρ in `[−1, 1]` | `n + 1` on returns, `n` on prices |
//!
//! Cross-sectional ranking (IBD-style RS ratings 1–99 across a universe) is not a streaming
//! indicator: see [`percentile_ranks`] and [`ibd_score`].
//!
//! ## Conventions
//!
//! | Question | Default | Alternative |
//! |---|---|---|
//! | Spread unit | percentage points, `100·[(A/A₀ − 1) − (B/B₀ − 1)]` | log spread `100·[ln(A/A₀) − ln(B/B₀)]` ([`Returns::Log`]) |
//! | Base bar `0` | the last close *before* the window (the first input of an anchored spread) | a fixed base ([`PerformanceSpread::since`]) |
//! | Beta returns | simple, like TA-Lib `BETA` | log ([`Returns::Log`]) |
//! | Which argument of TA-Lib `BETA` is the market | the **first**: `BETA(B, A)` is the beta of `A` | – |
//! | Correlation | Pearson on simple returns | raw prices, TA-Lib `CORREL` ([`Correlation::talib`]) |
//! | `ddof` | the same in the numerator and the denominator, so it cancels | – |
//! | Mansfield average | SMA 200 of `RP = 100·A/B` (≈ 52 weeks) | any period; Weinstein's own weighted MA is proprietary |
//!
//! ## Refused inputs
//!
//! Prices are divided by, so **every indicator here except [`Correlation::talib`] needs
//! positive prices**. Every input must also be usable: `0` or a magnitude in
//! `1e-150..=1e150` (`1e-15..=1e15` for `f32`, see [`Real`]). Inside that
//! range a ratio of two prices can still reach 1e300, and a ratio of ratios or a square of
//! returns would overflow, so each indicator also refuses what would break it:
//!
//! | Type | Also refused | Why |
//! |---|---|---|
//! | [`RatioLine`], [`Leadership`] | a ratio `A/B` outside the usable range | the line, its average and its change against a base stay finite |
//! | [`Mansfield`] | a relative price `100·A/B` outside the usable range | the same, for `RP/SMA(RP)` |
//! | [`Beta`], [`Correlation`] on returns | a return (of either price) above `1e150` (`1e15`) in magnitude | squared returns and their sums stay finite |
//! | [`PerformanceSpread`], [`Correlation::talib`] | nothing more | `A_t/A_0` is at most 1e300 (1e30), so spreads are finite; squares of usable inputs are finite |
//!
//! A refused pair is ignored by `update` (the last value is kept; [`Leadership`] drops its
//! event, see [`Indicator`](crate::Indicator)) and rejected by `try_update` with
//! [`Error::InvalidInput`], exactly like a NaN. Every output is finite:
//! [`Correlation`] in `[−1, 1]`, [`Mansfield`] in `−100..=100·(n − 1)`, a [`RatioLine`] ratio in the
//! usable range with a change above −100 %.
//!
//! ## Timestamped pairs
//!
//! Two feeds that drift apart (a holiday in one, a missing print in the other) silently
//! compare different days. [`Observation::from_bars`] and [`Observation::new`] refuse a pair
//! whose timestamps differ; feed [`Observation::pair`] to the indicators.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ta_stream::relative::{Observation, PerformanceSpread};
//! use ta_stream::Indicator;
//!
//! let day = |d| Utc.with_ymd_and_hms(2026, 1, d, 21, 0, 0).unwrap();
//! let mut spread = PerformanceSpread::anchored();
//! for (d, rut, ndx) in [(2, 2508.22, 25206.17), (5, 2547.92, 25401.32)] {
//!     let observation = Observation::new(day(d), rut, day(d), ndx)?;
//!     spread.update(observation.pair());
//! }
//! assert!(spread.value().unwrap() > 0.0); // small caps ahead
//! assert!(Observation::new(day(6), 1.0, day(7), 1.0).is_err());
//! # Ok::<(), ta_stream::Error>(())
//! ```

use chrono::{DateTime, Utc};

use crate::bar::{Bar, Ohlcv};
use crate::{CheckedInput, Error, Real};

mod beta;
mod comoments;
mod correlation;
mod leadership;
mod mansfield;
mod performance_spread;
mod ranking;
mod ratio_line;

pub use crate::risk::Returns;
pub use beta::Beta;
pub use correlation::Correlation;
pub use leadership::{Leadership, LeadershipEvent};
pub use mansfield::Mansfield;
pub use performance_spread::PerformanceSpread;
pub use ranking::{ibd_score, percentile_ranks, percentile_ranks_of};
pub use ratio_line::{RatioLine, RatioLineOutput};

/// One bar of an asset and its benchmark, stamped with the time both prices belong to.
///
/// Built only through checked constructors, so an `Observation` always pairs prices of the
/// same timestamp. The indicators take its [`pair`](Observation::pair).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Observation<T = f64> {
    timestamp: DateTime<Utc>,
    asset: T,
    benchmark: T,
}

impl<T: Real> Observation<T> {
    /// Pairs two timestamped prices.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] with the message `asset and benchmark timestamps differ: ...`
    /// when `asset_time != benchmark_time`.
    pub fn new(
        asset_time: DateTime<Utc>,
        asset: T,
        benchmark_time: DateTime<Utc>,
        benchmark: T,
    ) -> Result<Self, Error> {
        if asset_time != benchmark_time {
            return Err(Error::InvalidBar(format!(
                "asset and benchmark timestamps differ: asset {asset_time}, benchmark \
                 {benchmark_time}"
            )));
        }
        Ok(Self {
            timestamp: asset_time,
            asset,
            benchmark,
        })
    }

    /// Pairs the closes of two bars.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] when the timestamps differ (as [`Observation::new`]).
    pub fn from_bars(asset: &Bar<T>, benchmark: &Bar<T>) -> Result<Self, Error> {
        Self::new(
            asset.timestamp,
            asset.close(),
            benchmark.timestamp,
            benchmark.close(),
        )
    }

    /// The common timestamp.
    pub fn timestamp(&self) -> DateTime<Utc> {
        self.timestamp
    }

    /// The asset's price.
    pub fn asset(&self) -> T {
        self.asset
    }

    /// The benchmark's price.
    pub fn benchmark(&self) -> T {
        self.benchmark
    }

    /// `(asset, benchmark)`: the input of every indicator in this module.
    pub fn pair(&self) -> (T, T) {
        (self.asset, self.benchmark)
    }
}

impl<T: Real> CheckedInput for Observation<T> {
    #[inline]
    fn is_usable(&self) -> bool {
        self.pair().is_usable()
    }
}

/// `true` when both prices are usable and positive.
#[inline]
pub(crate) fn positive_pair<T: Real>(pair: (T, T)) -> bool {
    pair.is_usable() && pair.0 > T::zero() && pair.1 > T::zero()
}

/// The ratio `A/B` of a positive usable pair when the ratio is itself a usable number (`0`
/// excluded: `1e-150..=1e150` for `f64`, `1e-15..=1e15` for `f32`), else `None`.
///
/// Two usable prices can make a ratio of up to 1e300: a line of such ratios, its average
/// and its change relative to a base would leave the float range. The ratio-line
/// indicators refuse those pairs, like a NaN.
#[inline]
pub(crate) fn usable_ratio<T: Real>(pair: (T, T)) -> Option<T> {
    if !positive_pair(pair) {
        return None;
    }
    let ratio = pair.0 / pair.1;
    ratio.is_usable().then_some(ratio)
}

/// The return from `previous` to `x` when it is itself a usable number (`|r| ≤ 1e150` for
/// `f64`, `1e15` for `f32`), else `None`: squares of returns, and sums of 100000 of them,
/// then stay finite. Prices are positive and usable, so a non-zero return is at least about
/// `1e-16` (`f64`) in magnitude and only the upper end can be refused.
#[inline]
pub(crate) fn usable_return<T: Real>(returns: Returns, previous: T, x: T) -> Option<T> {
    let r = match returns {
        Returns::Simple => (x - previous) / previous,
        Returns::Log => (x / previous).ln(),
    };
    r.is_usable().then_some(r)
}

/// A positive usable price pair, or the error named after `name` (for fixed bases).
pub(crate) fn check_base<T: Real>(name: &'static str, pair: (T, T)) -> Result<(T, T), Error> {
    if positive_pair(pair) {
        Ok(pair)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{pair:?}"),
            expected: "two positive finite prices",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn mismatched_timestamps_are_refused_with_both_times() {
        let a = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
        let b = Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap();
        let err = Observation::new(a, 1.0, b, 2.0).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("asset and benchmark timestamps differ"),
            "{message}"
        );
        assert!(message.contains("2026-01-02") && message.contains("2026-01-05"));
        let ok = Observation::new(a, 1.0, a, 2.0).unwrap();
        assert_eq!(ok.pair(), (1.0, 2.0));
        assert!(ok.is_usable());
    }
}
