use core::fmt;

use crate::bar::Candle;
use crate::statistics::{midpoint, MidPrice};
use crate::volatility::channel::channel;
use crate::volatility::Bands;
use crate::{CheckedInput, Error, Indicator, Real};

/// Donchian channel: the highest high and the lowest low of the last `n` bars, and halfway
/// between them.
///
/// # Formula
///
/// `upper_t = max(high_{t−n+1}, …, high_t)`, `lower_t = min(low_{t−n+1}, …, low_t)`,
/// `middle_t = (upper_t + lower_t)/2` ([`MidPrice`](crate::statistics::MidPrice)); first output
/// after `n` bars. The current bar is inside its own window, as in TA-Lib and TradingView's
/// "Donchian Channels" (both take the middle as the mean of the two lines): a close can touch
/// the upper line but never cross it. For a breakout test against the channel of the bars
/// *before*, compare a bar with the previous output.
///
/// The output is [`Bands`]: `%B = (close − lower)/(upper − lower)` (within `0..=1` for
/// well-formed candles; 0.5 in a flat channel) and `bandwidth = (upper − lower)/middle` (0 for
/// a zero middle; see [`Bands`] for the saturation). O(1) amortized per update.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 20).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::Donchian, Indicator};
///
/// let mut channel = Donchian::new(2)?;
/// channel.update(Candle::new(9.0, 10.0, 8.0, 9.0, 0.0)?);
/// let bands = channel.update(Candle::new(11.0, 12.0, 10.0, 11.0, 0.0)?).unwrap();
/// assert_eq!((bands.upper, bands.middle, bands.lower), (12.0, 10.0, 8.0));
/// assert_eq!(bands.percent_b, 0.75); // close 11 in 8..=12
/// assert_eq!(channel.to_string(), "DONCHIAN(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `DONCHIAN`; matches it at every index.
#[doc(alias = "DONCHIAN")]
#[doc(alias = "Donchian channels")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DonchianState<T>")
)]
pub struct Donchian<T: Real = f64> {
    extremes: MidPrice<T>,
    /// The last usable bar's close (0 before the first).
    close: T,
}

impl Donchian {
    /// A Donchian channel over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Donchian<T> {
    /// [`Donchian::new`] in any precision `T` (`f32`, or generic code): `Donchian::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            extremes: MidPrice::new_generic(period)?,
            close: T::zero(),
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.extremes.period()
    }

    #[inline]
    fn bands((upper, lower): (T, T), close: T) -> Bands<T> {
        channel(upper, midpoint(upper, lower), lower, close)
    }
}

impl<T: Real> Indicator for Donchian<T> {
    type Input = Candle<T>;
    type Output = Bands<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Bands<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        self.close = candle.close;
        self.extremes
            .push(candle)
            .map(|extremes| Self::bands(extremes, candle.close))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Bands<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        self.extremes
            .peek_extremes(candle)
            .map(|extremes| Self::bands(extremes, candle.close))
    }

    #[inline]
    fn value(&self) -> Option<Bands<T>> {
        self.extremes
            .extremes()
            .map(|extremes| Self::bands(extremes, self.close))
    }

    fn reset(&mut self) {
        self.extremes.reset();
        self.close = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Donchian<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DONCHIAN({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DonchianState<T: Real> {
    extremes: MidPrice<T>,
    close: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<DonchianState<T>> for Donchian<T> {
    type Error = Error;

    fn try_from(state: DonchianState<T>) -> Result<Self, Error> {
        if !state.close.is_usable() {
            return Err(crate::error::invalid_state(
                "DONCHIAN close outside the usable input range",
            ));
        }
        Ok(Self {
            extremes: state.extremes,
            close: state.close,
        })
    }
}
