use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::bar::Candle;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

use super::adr::day_range;

/// Dorsey's mass index: the sum, over `slow` candles, of the ratio of an EMA of the ranges
/// to the EMA of that EMA. It rises when ranges widen against their own trend (Dorsey's
/// "reversal bulge": above 27, then back below 26.5, with the defaults).
///
/// # Formula
///
/// With `E1` the EMA over `fast` of `H − L` and `E2` the EMA over `fast` of `E1` (both
/// TA-Lib's EMA: `k = 2/(fast + 1)`, seeded with the mean of their first `fast` inputs):
///
/// `MASSI_t = Σ E1_i / E2_i` over the last `slow` candles, a ratio being `1` when
/// `E2_i = 0` (flat candles, as TA-Lib). First output after `2·fast + slow − 2` candles.
///
/// # Inputs and range
///
/// A candle whose high is below its low has no range: it is refused like an unusable input
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it), as is a candle with any unusable number. With ranges never negative,
/// `E2 ≥ E1/fast` (at its seed, a mean of `fast` values of `E1`; then `E2 ≥ k·E1` with
/// `k ≥ 1/fast`), so each ratio lies in `0..=fast` (it is kept there when rounding in the
/// tiny numbers of a decayed average would overstep), and the index in `0..=slow·fast`.
///
/// # Parameters
///
/// - `fast` (TA-Lib `fastperiod`): `2..=100000`, default 9;
/// - `slow` (TA-Lib `slowperiod`): `2..=100000`, default 25.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::MassIndex, Indicator};
///
/// let bar = |range: f64| Candle::new(100.0, 100.0 + range, 100.0, 100.0, 0.0);
/// let mut mass = MassIndex::new(3, 2)?;
/// let out = mass.batch(&[bar(2.0)?, bar(2.0)?, bar(2.0)?, bar(2.0)?, bar(2.0)?, bar(2.0)?]);
/// assert_eq!(out, [None, None, None, None, None, Some(2.0)]); // constant ranges: 1 + 1
/// let widening = mass.update(bar(10.0)?).unwrap(); // E1 6, E2 4: 1 + 1.5
/// assert_eq!(widening, 2.5);
/// assert_eq!(mass.to_string(), "MASSI(3,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Donald Dorsey (1992), "The Mass Index", *Technical Analysis of Stocks & Commodities*.
/// TA-Lib `MASSI`; matches it at every index.
#[doc(alias = "MASSI")]
#[doc(alias = "mass index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MassIndexState<T>")
)]
pub struct MassIndex<T: Real = f64> {
    /// `E1`: the EMA of the ranges.
    single: Smoother<T>,
    /// `E2`: the EMA of `E1`.
    double: Smoother<T>,
    /// The last `slow` ratios `E1 / E2`.
    ratios: RollingSum<T>,
}

impl MassIndex {
    /// The mass index: `slow` ratios of the `fast` EMA of the ranges to its own `fast` EMA.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `fast` and `slow` are in `2..=100000`.
    pub fn new(fast: usize, slow: usize) -> Result<Self, Error> {
        Self::new_generic(fast, slow)
    }
}

impl<T: Real> MassIndex<T> {
    /// [`MassIndex::new`] in any precision `T` (`f32`, or generic code): `MassIndex::<f32>::new_generic(3, 2)`.
    pub fn new_generic(fast: usize, slow: usize) -> Result<Self, Error> {
        let fast = Self::check("fast", fast)?;
        let slow = Self::check("slow", slow)?;
        Ok(Self {
            single: Smoother::new(fast, Seed::Sma, Rule::Ema)?,
            double: Smoother::new(fast, Seed::Sma, Rule::Ema)?,
            ratios: RollingSum::new_generic(slow)?,
        })
    }

    fn check(name: &'static str, period: usize) -> Result<usize, Error> {
        match check_period(name, period)? {
            1 => Err(Error::InvalidParameter {
                name,
                value: period.to_string(),
                expected: "2..=100000",
            }),
            period => Ok(period),
        }
    }

    /// The EMA period `fast`.
    pub fn fast(&self) -> usize {
        self.single.period()
    }

    /// The number of ratios summed, `slow`.
    pub fn slow(&self) -> usize {
        self.ratios.period()
    }

    /// The largest ratio `E1 / E2` of ranges that are never negative: `fast`, reached when
    /// `E2` is seeded with the mean of `fast − 1` zeros and one `E1` (after it, `E2 ≥ k·E1`).
    #[inline]
    fn max_ratio(&self) -> T {
        from_usize::<T>(self.fast())
    }

    /// `E1 / E2`, `1` when `E2 = 0` (TA-Lib), kept within `0..=fast`.
    #[inline]
    fn ratio(&self, single: T, double: T) -> T {
        if double == T::zero() {
            return T::one();
        }
        (single / double).max(T::zero()).min(self.max_ratio())
    }
}

impl<T: Real> Default for MassIndex<T> {
    /// MASSI(9, 25), Dorsey's and TA-Lib's defaults.
    fn default() -> Self {
        Self {
            single: Smoother::with_valid_period(9, Seed::Sma, Rule::Ema),
            double: Smoother::with_valid_period(9, Seed::Sma, Rule::Ema),
            ratios: RollingSum::with_valid_period(25),
        }
    }
}

impl<T: Real> Indicator for MassIndex<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if let Some(single) = day_range(&candle).and_then(|r| self.single.update(r)) {
            if let Some(double) = self.double.update(single) {
                let ratio = self.ratio(single, double);
                self.ratios.push_inlined(ratio);
            }
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        let Some(range) = day_range(&candle) else {
            return self.value();
        };
        let single = self.single.peek(range)?;
        let double = self.double.peek(single)?;
        let full_after = self.ratios.len() + 1 >= self.ratios.period();
        full_after.then(|| self.ratios.peek_sum(self.ratio(single, double)))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.ratios.is_full().then(|| self.ratios.sum())
    }

    fn reset(&mut self) {
        self.single.reset();
        self.double.reset();
        self.ratios.clear();
    }

    fn warmup_period(&self) -> usize {
        2 * self.fast() + self.slow() - 2
    }

    /// Rejects candles with an unusable number or a high below the low.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match day_range(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for MassIndex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MASSI({},{})", self.fast(), self.slow())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MassIndexState<T: Real> {
    single: Smoother<T>,
    double: Smoother<T>,
    ratios: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MassIndexState<T>> for MassIndex<T> {
    type Error = Error;

    /// The parameters in range, both averages SMA-seeded EMAs of one period, never negative,
    /// each fed only once the one before is seeded, and the ratios within `0..=fast`.
    fn try_from(state: MassIndexState<T>) -> Result<Self, Error> {
        let fresh = Self::new_generic(state.single.period(), state.ratios.period())?;
        let ema = |s: &Smoother<T>| {
            !s.is_wilder()
                && s.seed() == Seed::Sma
                && s.period() == fresh.fast()
                && s.state() >= T::zero()
        };
        let max_ratio = fresh.max_ratio();
        let consistent = ema(&state.single)
            && ema(&state.double)
            && (state.double.count() == 0 || state.single.value().is_some())
            && (state.ratios.is_empty() || state.double.value().is_some())
            && state
                .ratios
                .iter()
                .all(|r| r >= T::zero() && r <= max_ratio);
        if !consistent {
            return Err(invalid_state(
                "MASSI averages not SMA-seeded EMAs of the fast period, negative, ahead of \
                 their input, or a ratio outside 0..=fast",
            ));
        }
        Ok(Self {
            single: state.single,
            double: state.double,
            ratios: state.ratios,
        })
    }
}
