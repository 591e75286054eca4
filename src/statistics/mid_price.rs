use core::fmt;

use crate::bar::Candle;
use crate::statistics::{midpoint, RollingMax, RollingMin};
use crate::{CheckedInput, Error, Indicator, Real};

/// Midprice: halfway between the highest high and the lowest low of the last `n` bars.
///
/// # Formula
///
/// `MIDPRICE_t = (max(high_{t−n+1}, …, high_t) + min(low_{t−n+1}, …, low_t)) / 2`, first output
/// after `n` bars. The middle line of the Donchian channel ([`Donchian`](crate::volatility::Donchian)).
///
/// The extremes are a [`RollingMax`] of the highs and a [`RollingMin`] of the lows: O(1)
/// amortized per update, whatever the period. Only the high and the low are read; a candle
/// with any unusable number (see [`Real`](crate::Real)) is ignored.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 14 and it accepts `2..=100000`; a period
/// of 1 is the bar's own `(high + low) / 2`).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, statistics::MidPrice, Indicator};
///
/// let bar = |high, low| Candle::new(low, high, low, high, 0.0);
/// let mut mid = MidPrice::new(2)?;
/// assert_eq!(mid.update(bar(10.0, 8.0)?), None);
/// assert_eq!(mid.update(bar(12.0, 9.0)?), Some(10.0)); // (12 + 8) / 2
/// assert_eq!(mid.update(bar(11.0, 10.0)?), Some(10.5)); // (12 + 9) / 2
/// assert_eq!(mid.to_string(), "MIDPRICE(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MIDPRICE`; matches it at every index. For one series, see
/// [`MidPoint`](super::MidPoint).
#[doc(alias = "MIDPRICE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MidPriceState<T>")
)]
pub struct MidPrice<T: Real = f64> {
    highs: RollingMax<T>,
    lows: RollingMin<T>,
}

impl MidPrice {
    /// The midprice of the last `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> MidPrice<T> {
    /// [`MidPrice::new`] in any precision `T` (`f32`, or generic code): `MidPrice::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            highs: RollingMax::new_generic(period)?,
            lows: RollingMin::new_generic(period)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.highs.period()
    }

    /// The highest high and lowest low of the window, after a usable `candle` (state
    /// unchanged for an unusable one).
    #[inline]
    pub(crate) fn push(&mut self, candle: Candle<T>) -> Option<(T, T)> {
        if !candle.is_usable() {
            return self.extremes();
        }
        let (high, low) = (self.highs.update(candle.high), self.lows.update(candle.low));
        Some((high?, low?))
    }

    /// What [`push`](Self::push) would return, without changing the state.
    #[inline]
    pub(crate) fn peek_extremes(&self, candle: Candle<T>) -> Option<(T, T)> {
        if !candle.is_usable() {
            return self.extremes();
        }
        Some((self.highs.peek(candle.high)?, self.lows.peek(candle.low)?))
    }

    /// The highest high and lowest low of the window, once full.
    #[inline]
    pub(crate) fn extremes(&self) -> Option<(T, T)> {
        Some((self.highs.value()?, self.lows.value()?))
    }
}

impl<T: Real> Indicator for MidPrice<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        self.push(candle).map(|(high, low)| midpoint(high, low))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        self.peek_extremes(candle)
            .map(|(high, low)| midpoint(high, low))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.extremes().map(|(high, low)| midpoint(high, low))
    }

    fn reset(&mut self) {
        self.highs.reset();
        self.lows.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for MidPrice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MIDPRICE({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MidPriceState<T: Real> {
    highs: RollingMax<T>,
    lows: RollingMin<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MidPriceState<T>> for MidPrice<T> {
    type Error = Error;

    fn try_from(state: MidPriceState<T>) -> Result<Self, Error> {
        super::mid_point::check_pair(&state.highs, &state.lows, "MIDPRICE")?;
        Ok(Self {
            highs: state.highs,
            lows: state.lows,
        })
    }
}
