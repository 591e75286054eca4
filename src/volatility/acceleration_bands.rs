use core::fmt;

use crate::average::Sma;
use crate::bar::Candle;
use crate::float::lit;
use crate::volatility::channel::channel;
use crate::volatility::Bands;
use crate::{CheckedInput, Error, Indicator, Real};

/// Acceleration bands (Price Headley): SMAs of the highs widened and the lows narrowed by the
/// bar's relative range, around the SMA of the closes.
///
/// # Formula
///
/// With `r_t = 4·(high_t − low_t)/(high_t + low_t)` (0 when `high_t + low_t = 0`, as in
/// TA-Lib):
///
/// `upper = SMA_n(high·(1 + r))`, `middle = SMA_n(close)`, `lower = SMA_n(low·(1 − r))`,
/// first output after `n` bars. The sums are drift-free (see [`Sma`]), O(1) per update.
///
/// The output is [`Bands`]: `%B = (close − lower)/(upper − lower)` (outside `0..=1` when the
/// close leaves the bands; 0.5 for a zero width) and `bandwidth = (upper − lower)/middle`;
/// both saturate at `±T::MAX` (see [`Bands`]).
///
/// # Inputs
///
/// A bar whose `high + low` is tiny next to its range can push `high·(1 + r)` or
/// `low·(1 − r)` out of the usable range (`0` or `1e-150..=1e150` in magnitude for `f64`, see
/// [`Real`](crate::Real)): such a bar is refused like a NaN (`try_update` returns [`Error::InvalidInput`]; `update`
/// and `peek` return the last value), so every band stays finite. Real prices never do this.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 20).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::AccelerationBands, Indicator};
///
/// let mut bands = AccelerationBands::new(1)?;
/// // r = 4·(12 − 8)/(12 + 8) = 0.8: upper 12·1.8, lower 8·0.2.
/// let out = bands.update(Candle::new(10.0, 12.0, 8.0, 11.0, 0.0)?).unwrap();
/// assert!((out.upper - 21.6).abs() < 1e-12 && (out.lower - 1.6).abs() < 1e-12);
/// assert_eq!(out.middle, 11.0);
/// assert_eq!(bands.to_string(), "ACCBANDS(1)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `ACCBANDS`; matches it at every index.
#[doc(alias = "ACCBANDS")]
#[doc(alias = "Acceleration Bands")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AccelerationBandsState<T>")
)]
pub struct AccelerationBands<T: Real = f64> {
    upper: Sma<T>,
    middle: Sma<T>,
    lower: Sma<T>,
    /// The last accepted bar's close (0 before the first).
    close: T,
}

impl AccelerationBands {
    /// Acceleration bands over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> AccelerationBands<T> {
    /// [`AccelerationBands::new`] in any precision `T` (`f32`, or generic code): `AccelerationBands::<f32>::new_generic(14)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            upper: Sma::new_generic(period)?,
            middle: Sma::new_generic(period)?,
            lower: Sma::new_generic(period)?,
            close: T::zero(),
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.middle.period()
    }

    /// The widened high and narrowed low of a bar, or `None` when the bar is unusable or
    /// they leave the usable range.
    #[inline]
    fn widened(candle: &Candle<T>) -> Option<(T, T)> {
        if !candle.is_usable() {
            return None;
        }
        let sum = candle.high + candle.low;
        let ratio = if sum == T::zero() {
            T::zero()
        } else {
            lit::<T>(4.0) * (candle.high - candle.low) / sum
        };
        let high = candle.high * (T::one() + ratio);
        let low = candle.low * (T::one() - ratio);
        (high.is_usable() && low.is_usable()).then_some((high, low))
    }

    #[inline]
    fn bands(upper: Option<T>, middle: Option<T>, lower: Option<T>, close: T) -> Option<Bands<T>> {
        Some(channel(upper?, middle?, lower?, close))
    }
}

impl<T: Real> Indicator for AccelerationBands<T> {
    type Input = Candle<T>;
    type Output = Bands<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Bands<T>> {
        let Some((high, low)) = Self::widened(&candle) else {
            return self.value();
        };
        self.close = candle.close;
        let upper = self.upper.update(high);
        let middle = self.middle.update(candle.close);
        let lower = self.lower.update(low);
        Self::bands(upper, middle, lower, candle.close)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Bands<T>> {
        let Some((high, low)) = Self::widened(&candle) else {
            return self.value();
        };
        Self::bands(
            self.upper.peek(high),
            self.middle.peek(candle.close),
            self.lower.peek(low),
            candle.close,
        )
    }

    #[inline]
    fn value(&self) -> Option<Bands<T>> {
        Self::bands(
            self.upper.value(),
            self.middle.value(),
            self.lower.value(),
            self.close,
        )
    }

    fn reset(&mut self) {
        self.upper.reset();
        self.middle.reset();
        self.lower.reset();
        self.close = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<Bands<T>>, Error> {
        if Self::widened(&candle).is_some() {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for AccelerationBands<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ACCBANDS({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AccelerationBandsState<T: Real> {
    upper: Sma<T>,
    middle: Sma<T>,
    lower: Sma<T>,
    close: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AccelerationBandsState<T>> for AccelerationBands<T> {
    type Error = Error;

    fn try_from(state: AccelerationBandsState<T>) -> Result<Self, Error> {
        let period = state.middle.period();
        if state.upper.period() != period || state.lower.period() != period {
            return Err(crate::error::invalid_state(
                "ACCBANDS averages differ in length",
            ));
        }
        if !state.close.is_usable() {
            return Err(crate::error::invalid_state(
                "ACCBANDS close outside the usable input range",
            ));
        }
        Ok(Self {
            upper: state.upper,
            middle: state.middle,
            lower: state.lower,
            close: state.close,
        })
    }
}
