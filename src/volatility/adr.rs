use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{CheckedInput, Error, Indicator, Real};

/// `high − low` of a candle the range indicators ([`AverageDayRange`],
/// [`ChaikinVolatility`](super::ChaikinVolatility), [`MassIndex`](super::MassIndex)) accept:
/// every number usable and `high ≥ low`. `None` for any other candle.
#[inline]
pub(crate) fn day_range<T: Real>(candle: &Candle<T>) -> Option<T> {
    (candle.is_usable() && candle.high >= candle.low).then(|| candle.high - candle.low)
}

/// The largest range of a candle of usable prices: `2·max_input`, with room for rounding.
#[cfg(feature = "serde")]
pub(crate) fn max_range<T: Real>() -> T {
    use crate::float::lit;
    lit::<T>(2.0) * T::max_input() * (T::one() + lit::<T>(8.0) * T::epsilon())
}

/// Average day range: the mean of `high − low` over the last `n` candles (the range without
/// the gaps that [`Atr`](super::Atr) adds, and a plain mean instead of Wilder's smoothing).
///
/// # Formula
///
/// `ADR_t = Σ (H_i − L_i) / n` over the last `n` candles; first output after `n` candles.
/// The sum is a drift-free [`RollingSum`].
///
/// # Inputs and range
///
/// A candle whose high is below its low has no range: it is refused like an unusable input
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it). A candle with any unusable number is refused too. So the output lies
/// in `0..=2e150` (`2e15` for `f32`).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; TA-Lib's default is 14 (also [`Default`]).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::AverageDayRange, Indicator};
///
/// let bar = |h: f64, l: f64| Candle::new(l, h, l, h, 0.0);
/// let mut adr = AverageDayRange::new(2)?;
/// assert_eq!(adr.update(bar(11.0, 9.0)?), None);
/// assert_eq!(adr.update(bar(15.0, 11.0)?), Some(3.0)); // ranges 2 and 4
/// assert_eq!(adr.update(bar(15.0, 14.0)?), Some(2.5)); // ranges 4 and 1
/// let inverted = Candle { high: 1.0, low: 2.0, open: 1.5, close: 1.5, volume: 0.0 };
/// assert!(adr.try_update(inverted).is_err()); // high below low
/// assert_eq!(adr.to_string(), "ADR(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `ADR` ("Average Day Range"); matches it at every index.
#[doc(alias = "ADR")]
#[doc(alias = "average daily range")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AverageDayRangeState<T>")
)]
pub struct AverageDayRange<T: Real = f64> {
    /// The last `n` ranges.
    ranges: RollingSum<T>,
}

impl AverageDayRange {
    /// The mean range of the last `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> AverageDayRange<T> {
    /// [`AverageDayRange::new`] in any precision `T` (`f32`, or generic code): `AverageDayRange::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            ranges: RollingSum::new_generic(check_period("period", period)?)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.ranges.period()
    }

    #[inline]
    fn mean(&self, sum: T) -> T {
        sum / from_usize::<T>(self.ranges.period())
    }
}

impl<T: Real> Default for AverageDayRange<T> {
    /// ADR(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            ranges: RollingSum::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for AverageDayRange<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if let Some(range) = day_range(&candle) {
            self.ranges.push_inlined(range);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        let Some(range) = day_range(&candle) else {
            return self.value();
        };
        let full_after = self.ranges.len() + 1 >= self.ranges.period();
        full_after.then(|| self.mean(self.ranges.peek_sum(range)))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.ranges.is_full().then(|| self.mean(self.ranges.sum()))
    }

    fn reset(&mut self) {
        self.ranges.clear();
    }

    fn warmup_period(&self) -> usize {
        self.ranges.period()
    }

    /// Rejects candles with an unusable number or a high below the low.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match day_range(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for AverageDayRange<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ADR({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AverageDayRangeState<T: Real> {
    ranges: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AverageDayRangeState<T>> for AverageDayRange<T> {
    type Error = Error;

    /// Every range is one an accepted candle gives: in `0..=2·max_input`.
    fn try_from(state: AverageDayRangeState<T>) -> Result<Self, Error> {
        check_period("period", state.ranges.period())?;
        if !state
            .ranges
            .iter()
            .all(|r| r >= T::zero() && r <= max_range::<T>())
        {
            return Err(invalid_state(
                "ADR range negative, not finite or beyond the usable range",
            ));
        }
        Ok(Self {
            ranges: state.ranges,
        })
    }
}
