use core::fmt;

use super::MacdOutput;
use crate::average::smoother::{ema_step, ema_weights, Rule, Smoother};
use crate::average::Seed;
use crate::error::check_period;
use crate::float::{from_usize, lit};
use crate::{Error, Indicator, Real};

/// The fast EMA of `MACDFIX`: 12 inputs, `k = 0.15`.
const FAST: (usize, f64) = (12, 0.15);
/// The slow EMA: 26 inputs, `k = 0.075`.
const SLOW: (usize, f64) = (26, 0.075);

/// An EMA with a fixed smoothing constant `k`, seeded with the mean of its first `period`
/// inputs (`period` and `k` are the owner's constants).
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct FixedEma<T> {
    /// Inputs consumed, saturating at the period.
    count: usize,
    /// The running sum of the seed inputs while warming up; the average after.
    state: T,
}

impl<T: Real> FixedEma<T> {
    #[inline]
    fn next(&self, (period, k): (usize, f64), x: T) -> (usize, T) {
        if self.count >= period {
            let (keep, take) = ema_weights(lit::<T>(k));
            return (period, ema_step(self.state, x, keep, take));
        }
        let sum = self.state + x;
        if self.count + 1 == period {
            (period, sum / from_usize(period))
        } else {
            (self.count + 1, sum)
        }
    }

    #[inline]
    fn update(&mut self, constants: (usize, f64), x: T) -> Option<T> {
        (self.count, self.state) = self.next(constants, x);
        self.value(constants)
    }

    #[inline]
    fn peek(&self, constants: (usize, f64), x: T) -> Option<T> {
        let (count, state) = self.next(constants, x);
        (count >= constants.0).then_some(state)
    }

    #[inline]
    fn value(&self, (period, _): (usize, f64)) -> Option<T> {
        (self.count >= period).then_some(self.state)
    }
}

/// MACD with TA-Lib's fixed smoothing constants 0.15 and 0.075: TA-Lib's `MACDFIX`.
///
/// # Formula
///
/// As [`Macd`](super::Macd)`(12, 26, signal)`, except that the two EMAs of the input use the
/// constants `k = 0.15` (fast) and `k = 0.075` (slow) instead of `2/13 ≈ 0.1538` and
/// `2/27 ≈ 0.0741` (TA-Lib's fixed "12" and "26"). Seeding is TA-Lib's: the slow EMA starts
/// with the mean of inputs `0..26`, the fast one with the mean of inputs `14..26` (its seed
/// window ends with the slow one's), the signal EMA (`k = 2/(signal + 1)`) with the mean of
/// its first `signal` MACD values. All three lines start after `26 + signal − 1` inputs.
///
/// The lines are differences of averages of usable inputs: finite, no fixed bound. No input
/// is refused beyond the usable range.
///
/// # Parameters
///
/// `signal`: `1..=100000` (TA-Lib `signalperiod`, default 9).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::MacdFix, Indicator};
///
/// let mut macd: MacdFix = MacdFix::new(1)?;
/// let line: Vec<f64> = (0..27).map(f64::from).collect();
/// let out = macd.batch(&line);
/// assert_eq!(out[24], None);
/// // On a straight line, both seeds are window means: 19.5 − 12.5 at input 25.
/// assert_eq!(out[25].unwrap().macd, 7.0);
/// assert_eq!(macd.to_string(), "MACDFIX(1)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MACDFIX`; matches it at every index.
#[doc(alias = "MACDFIX")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MacdFixState<T>")
)]
pub struct MacdFix<T: Real = f64> {
    fast: FixedEma<T>,
    slow: FixedEma<T>,
    signal: Smoother<T>,
    /// Inputs consumed, saturating at 26: the fast EMA is fed from input 14 on.
    seen: usize,
}

impl MacdFix {
    /// `MACDFIX(signal)`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `signal` is in `1..=100000`.
    pub fn new(signal: usize) -> Result<Self, Error> {
        Self::new_generic(signal)
    }
}

impl<T: Real> MacdFix<T> {
    /// [`MacdFix::new`] in any precision `T` (`f32`, or generic code): `MacdFix::<f32>::new_generic(1)`.
    pub fn new_generic(signal: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("signal", signal)?))
    }

    fn with_valid_period(signal: usize) -> Self {
        Self {
            fast: FixedEma::default(),
            slow: FixedEma::default(),
            signal: Smoother::with_valid_period(signal, Seed::Sma, Rule::Ema),
            seen: 0,
        }
    }

    /// The signal EMA period.
    pub fn signal_period(&self) -> usize {
        self.signal.period()
    }

    #[inline]
    fn output(macd: T, signal: T) -> MacdOutput<T> {
        MacdOutput {
            macd,
            signal,
            histogram: macd - signal,
        }
    }
}

impl<T: Real> Default for MacdFix<T> {
    /// MACDFIX(9), TA-Lib's default.
    fn default() -> Self {
        Self::with_valid_period(9)
    }
}

impl<T: Real> Indicator for MacdFix<T> {
    type Input = T;
    type Output = MacdOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MacdOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let slow = self.slow.update(SLOW, x);
        let fast = if self.seen >= SLOW.0 - FAST.0 {
            self.fast.update(FAST, x)
        } else {
            None
        };
        if self.seen < SLOW.0 {
            self.seen += 1;
        }
        let macd = fast? - slow?;
        let signal = self.signal.update(macd)?;
        Some(Self::output(macd, signal))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MacdOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        // The fast EMA is ready exactly when the slow one is (their seeds end together).
        let macd = self.fast.peek(FAST, x)? - self.slow.peek(SLOW, x)?;
        let signal = self.signal.peek(macd)?;
        Some(Self::output(macd, signal))
    }

    #[inline]
    fn value(&self) -> Option<MacdOutput<T>> {
        let macd = self.fast.value(FAST)? - self.slow.value(SLOW)?;
        Some(Self::output(macd, self.signal.value()?))
    }

    fn reset(&mut self) {
        *self = Self::with_valid_period(self.signal.period());
    }

    fn warmup_period(&self) -> usize {
        SLOW.0 + self.signal.period() - 1
    }
}

impl<T: Real> fmt::Display for MacdFix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MACDFIX({})", self.signal.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MacdFixState<T: Real> {
    fast: FixedEma<T>,
    slow: FixedEma<T>,
    signal: Smoother<T>,
    seen: usize,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MacdFixState<T>> for MacdFix<T> {
    type Error = Error;

    /// The counts in step (the slow EMA has seen every input, the fast one all but the first
    /// 14, the signal nothing before both are seeded), the signal an SMA-seeded EMA, and the
    /// EMAs no larger than their inputs can make them (`count` inputs while seeding, one
    /// after), so that the MACD line stays within twice the largest input.
    fn try_from(state: MacdFixState<T>) -> Result<Self, Error> {
        let MacdFixState {
            fast,
            slow,
            signal,
            seen,
        } = state;
        let bounded = |ema: &FixedEma<T>, period: usize| {
            // Seeding, the state is the sum of `count` inputs (0 before the first).
            let inputs = if ema.count >= period { 1 } else { ema.count };
            // With room for the rounding of the seed's additions.
            let most = from_usize::<T>(inputs) * T::max_input() * lit::<T>(1.0 + 1e-5);
            ema.state.is_finite() && ema.state.abs() <= most
        };
        let consistent = seen <= SLOW.0
            && slow.count == seen
            && fast.count == seen.saturating_sub(SLOW.0 - FAST.0)
            && (signal.count() == 0 || seen == SLOW.0)
            && signal.seed() == Seed::Sma
            && !signal.is_wilder()
            && signal.fed_at_most(lit::<T>(2.0) * T::max_input())
            && bounded(&fast, FAST.0)
            && bounded(&slow, SLOW.0);
        if !consistent {
            return Err(crate::error::invalid_state(format!(
                "MACDFIX averages are out of step with the {seen} inputs counted, or larger \
                 than usable inputs make them"
            )));
        }
        Ok(Self {
            fast,
            slow,
            signal,
            seen,
        })
    }
}
