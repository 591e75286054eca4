use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::bar::Candle;
use crate::{CheckedInput, Error, Indicator, Real};

/// One reading of [`ElderRay`]: the candle's high and low against the EMA of the closes
/// (TA-Lib's `bullpower`, `bearpower`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ElderRayOutput<T = f64> {
    /// Bull power: `H − EMA`.
    pub bull: T,
    /// Bear power: `L − EMA`.
    pub bear: T,
}

/// Elder ray: bull power and bear power, how far the buyers pushed the high above the
/// consensus value (the EMA of the closes) and the sellers the low below it.
///
/// # Formula
///
/// `E` = EMA over `n` of the closes (TA-Lib's: `k = 2/(n + 1)`, seeded with the mean of the
/// first `n` closes); then `bull = H − E`, `bear = L − E`. First output after `n` candles.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]). The EMA is a mean
/// of usable closes, so both outputs are within `±2·max_input` (`2e150` for `f64`).
/// For a candle whose low is below its high `bear ≤ bull`.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 13.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::ElderRay, Indicator};
///
/// let mut ray = ElderRay::new(2)?;
/// let bars = [Candle::new(10.0, 11.0, 9.0, 10.0, 0.0)?, Candle::new(12.0, 13.0, 11.0, 12.0, 0.0)?];
/// let out = ray.batch(&bars)[1].expect("2 candles");
/// // EMA seed (10 + 12)/2 = 11: bull 13 − 11, bear 11 − 11
/// assert_eq!((out.bull, out.bear), (2.0, 0.0));
/// assert_eq!(ray.to_string(), "ERI(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Alexander Elder's elder-ray index (*Trading for a Living*, 1993), as TA-Lib `ERI`;
/// matches it at every index.
#[doc(alias = "ERI")]
#[doc(alias = "elder ray index")]
#[doc(alias = "bull power")]
#[doc(alias = "bear power")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ElderRayState<T>")
)]
pub struct ElderRay<T: Real = f64> {
    /// The EMA of the closes.
    average: Smoother<T>,
    /// High and low of the last accepted candle.
    last: Option<(T, T)>,
}

impl ElderRay {
    /// Bull and bear power against the `period` EMA of the closes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> ElderRay<T> {
    /// [`ElderRay::new`] in any precision `T` (`f32`, or generic code): `ElderRay::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            average: Smoother::new(period, Seed::Sma, Rule::Ema)?,
            last: None,
        })
    }

    /// The EMA period `n`.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    #[inline]
    fn output((high, low): (T, T), average: T) -> ElderRayOutput<T> {
        ElderRayOutput {
            bull: high - average,
            bear: low - average,
        }
    }
}

impl<T: Real> Default for ElderRay<T> {
    /// ERI(13), TA-Lib's default.
    fn default() -> Self {
        Self {
            average: Smoother::with_valid_period(13, Seed::Sma, Rule::Ema),
            last: None,
        }
    }
}

impl<T: Real> Indicator for ElderRay<T> {
    type Input = Candle<T>;
    type Output = ElderRayOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<ElderRayOutput<T>> {
        if candle.is_usable() {
            self.average.update(candle.close);
            self.last = Some((candle.high, candle.low));
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<ElderRayOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let average = self.average.peek(candle.close)?;
        Some(Self::output((candle.high, candle.low), average))
    }

    #[inline]
    fn value(&self) -> Option<ElderRayOutput<T>> {
        Some(Self::output(self.last?, self.average.value()?))
    }

    fn reset(&mut self) {
        self.average.reset();
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for ElderRay<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ERI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ElderRayState<T: Real> {
    average: Smoother<T>,
    last: Option<(T, T)>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ElderRayState<T>> for ElderRay<T> {
    type Error = Error;

    /// The period in range, the average an SMA-seeded EMA no larger than usable closes make
    /// it, and a usable last high and low exactly when a candle was accepted.
    fn try_from(state: ElderRayState<T>) -> Result<Self, Error> {
        Self::new_generic(state.average.period())?;
        let average = &state.average;
        let last = match state.last {
            Some((high, low)) => high.is_usable() && low.is_usable() && average.count() > 0,
            None => average.count() == 0,
        };
        let consistent = !average.is_wilder()
            && average.seed() == Seed::Sma
            && average.fed_at_most(T::max_input())
            && last;
        if !consistent {
            return Err(crate::error::invalid_state(
                "ERI average not an SMA-seeded EMA of usable closes, or the last candle \
                 missing or unusable",
            ));
        }
        Ok(Self {
            average: state.average,
            last: state.last,
        })
    }
}
