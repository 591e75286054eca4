use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::bar::Candle;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

use super::adr::day_range;
#[cfg(feature = "serde")]
use super::adr::max_range;

/// Chaikin's volatility: the rate of change, in percent, of an EMA of the candles' ranges.
///
/// # Formula
///
/// `E_t` = EMA over `n` of `H − L` (TA-Lib's EMA: `k = 2/(n + 1)`, seeded with the mean of
/// the first `n` ranges), then
/// `CVI_t = 100 · (E_t − E_{t−r}) / E_{t−r}`, and `0` when `E_{t−r} = 0` (as TA-Lib).
/// First output after `n + r` candles.
///
/// # Inputs and range
///
/// A candle whose high is below its low has no range: it is refused like an unusable input
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it), as is a candle with any unusable number. The ranges are then never
/// negative, so `CVI ≥ −100`. There is no upper bound: after a long run of flat candles the
/// average decays towards 0, and a wide candle then multiplies it by any factor. A ratio
/// beyond the float range saturates at `T::MAX` (`f64::MAX`), so every output is finite.
///
/// # Parameters
///
/// - `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 10;
/// - `roc_period` (`r`, TA-Lib `rocperiod`): `1..=100000`, default 10.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::ChaikinVolatility, Indicator};
///
/// let bar = |range: f64| Candle::new(100.0, 100.0 + range, 100.0, 100.0, 0.0);
/// let mut cvi = ChaikinVolatility::new(3, 1)?; // k = 2/(3 + 1) = 0.5
/// let out = cvi.batch(&[bar(2.0)?, bar(2.0)?, bar(2.0)?, bar(6.0)?, bar(4.0)?]);
/// // EMA 2 (the seed), then 4 (+100 %), then 4 (0 %): TA-Lib's CVI(3, 1) on these bars
/// assert_eq!(out, [None, None, None, Some(100.0), Some(0.0)]);
/// assert_eq!(cvi.to_string(), "CVI(3,1)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Marc Chaikin's volatility, as in TA-Lib `CVI`; matches it at every index.
#[doc(alias = "CVI")]
#[doc(alias = "Chaikin volatility")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ChaikinVolatilityState<T>")
)]
pub struct ChaikinVolatility<T: Real = f64> {
    /// The EMA of the ranges.
    average: Smoother<T>,
    /// The last `r + 1` EMA values: the oldest is the base of the rate of change.
    averages: RingBuffer<T>,
}

impl ChaikinVolatility {
    /// Chaikin's volatility: the `roc_period`-candle rate of change of the `period` EMA of
    /// the ranges.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000` and `roc_period` in
    /// `1..=100000`.
    pub fn new(period: usize, roc_period: usize) -> Result<Self, Error> {
        Self::new_generic(period, roc_period)
    }
}

impl<T: Real> ChaikinVolatility<T> {
    /// [`ChaikinVolatility::new`] in any precision `T` (`f32`, or generic code): `ChaikinVolatility::<f32>::new_generic(3, 1)`.
    pub fn new_generic(period: usize, roc_period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        let roc_period = check_period("roc_period", roc_period)?;
        Ok(Self {
            average: Smoother::new(period, Seed::Sma, Rule::Ema)?,
            averages: RingBuffer::new(roc_period + 1)?,
        })
    }

    /// The EMA period `n`.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    /// The rate-of-change period `r`.
    pub fn roc_period(&self) -> usize {
        self.averages.capacity() - 1
    }

    /// `100 · (now − base) / base`, 0 for a zero base, saturated into `−100..=T::MAX`.
    #[inline]
    fn rate(now: T, base: T) -> T {
        if base == T::zero() {
            return T::zero();
        }
        let rate = (now - base) / base * lit::<T>(100.0);
        rate.max(lit::<T>(-100.0)).min(T::max_value())
    }
}

impl<T: Real> Default for ChaikinVolatility<T> {
    /// CVI(10, 10), TA-Lib's defaults.
    fn default() -> Self {
        Self {
            average: Smoother::with_valid_period(10, Seed::Sma, Rule::Ema),
            averages: RingBuffer::with_valid_capacity(11),
        }
    }
}

impl<T: Real> Indicator for ChaikinVolatility<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if let Some(average) = day_range(&candle).and_then(|r| self.average.update(r)) {
            self.averages.push(average);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        let Some(range) = day_range(&candle) else {
            return self.value();
        };
        let average = self.average.peek(range)?;
        let averages = &self.averages;
        // The base after the push: the second oldest once full, the oldest when one short.
        let base = if averages.is_full() {
            averages.iter().nth(1)
        } else if averages.len() + 1 == averages.capacity() {
            averages.oldest()
        } else {
            None
        }?;
        Some(Self::rate(average, base))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if !self.averages.is_full() {
            return None;
        }
        Some(Self::rate(self.averages.newest()?, self.averages.oldest()?))
    }

    fn reset(&mut self) {
        self.average.reset();
        self.averages.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + self.roc_period()
    }

    /// Rejects candles with an unusable number or a high below the low.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match day_range(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for ChaikinVolatility<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CVI({},{})", self.period(), self.roc_period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ChaikinVolatilityState<T: Real> {
    average: Smoother<T>,
    averages: RingBuffer<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ChaikinVolatilityState<T>> for ChaikinVolatility<T> {
    type Error = Error;

    /// The parameters in range, the average an SMA-seeded EMA of ranges (never negative),
    /// the stored averages within what ranges give, and none before the EMA is seeded.
    fn try_from(state: ChaikinVolatilityState<T>) -> Result<Self, Error> {
        let capacity = state.averages.capacity();
        Self::new_generic(state.average.period(), capacity.saturating_sub(1))?;
        let average = &state.average;
        let consistent = !average.is_wilder()
            && average.seed() == Seed::Sma
            && average.state() >= T::zero()
            && (state.averages.is_empty() || average.value().is_some())
            && state
                .averages
                .iter()
                .all(|a| a >= T::zero() && a <= max_range::<T>());
        if !consistent {
            return Err(invalid_state(
                "CVI average not an SMA-seeded EMA, negative, beyond the range of usable \
                 candles, or stored before its seed",
            ));
        }
        Ok(Self {
            average: state.average,
            averages: state.averages,
        })
    }
}
