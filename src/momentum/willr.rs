use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
use crate::float::{clamp, lit};
use crate::{CheckedInput, Error, Indicator, Real};

use super::stochastic::{Range, FLAT_RANGE};

/// Williams %R: where the close sits in the range of the last `n` candles, from 0 (at the
/// highest high) down to −100 (at the lowest low).
///
/// # Formula
///
/// With `HH`, `LL` the highest high and lowest low of the last `n` candles:
///
/// `%R = −100·(HH − C)/(HH − LL)`, evaluated as TA-Lib 0.8.1 does, `−100·((HH − C)/(HH − LL))`
/// (one division; exactly −100 at the lowest low and 0 at the highest high), and **0 for a
/// flat window**, by TA-Lib's relative test `|HH − LL| ≤ 1e-14·(|HH| + |LL|)`
/// (the same as [`Stochastic`](super::Stochastic)'s, so the answer is TA-Lib's at every
/// price scale). First output after `n` candles. The window is the stochastic oscillator's
/// (two [`MonotonicDeque`](crate::window::MonotonicDeque)s): O(1) amortized per update.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]). The output is
/// clamped to `−100..=0`, which only matters for a candle whose close lies outside its own
/// high–low range (read as 0 above the window, −100 below).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Events
///
/// Leaving the overbought zone (above −20) or the oversold zone (below −80) is what
/// [`Zones`](crate::signal::Zones) reports with the levels −20 and −80:
///
/// ```
/// use ta_stream::{bar::Candle, momentum::WilliamsR, signal::{ZoneEvent, Zones}, Indicator};
///
/// let bar = |close: f64| Candle::new(close, 10.0, 0.0, close, 0.0);
/// let mut willr = WilliamsR::new(2)?;
/// let mut zones = Zones::new(-20.0, -80.0)?;
/// let mut events = Vec::new();
/// for close in [5.0, 5.0, 9.0, 9.5, 5.0, 1.0] {
///     if let Some(reading) = willr.update(bar(close)?).and_then(|r| zones.update(r)) {
///         events.extend(reading.events());
///     }
/// }
/// // %R: −50, −10 (entered overbought), −5, −50 (left it), −90 (entered oversold)
/// assert_eq!(
///     events,
///     [ZoneEvent::EnteredOverbought, ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold],
/// );
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::WilliamsR, Indicator};
///
/// let mut willr = WilliamsR::new(3)?;
/// let bars = [
///     Candle::new(10.0, 12.0, 9.0, 11.0, 0.0)?,
///     Candle::new(11.0, 14.0, 10.0, 13.0, 0.0)?,
///     Candle::new(13.0, 13.0, 10.0, 12.0, 0.0)?,
/// ];
/// // HH 14, LL 9, close 12: −100·(14 − 12)/(14 − 9)
/// assert_eq!(willr.batch(&bars)[2], Some(-40.0));
/// assert_eq!(willr.to_string(), "WILLR(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Larry Williams' %R, as TA-Lib `WILLR`; equal to it at every index.
#[doc(alias = "WILLR")]
#[doc(alias = "Williams %R")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "WilliamsRState<T>")
)]
pub struct WilliamsR<T: Real = f64> {
    /// Highest high and lowest low of the last `n` candles.
    range: Range<T>,
    /// The close of the last accepted candle.
    close: Option<T>,
}

impl WilliamsR {
    /// Williams %R over the last `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> WilliamsR<T> {
    /// [`WilliamsR::new`] in any precision `T` (`f32`, or generic code): `WilliamsR::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self {
            range: Range::with_valid_period(period),
            close: None,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.range.period()
    }

    /// The slice path in TA-Lib's `WILLR` shape: `high`, `low` and `close` columns in, `%R`
    /// of each row into `out`, NaN while warming up. Each row is the candle
    /// `(open: close, high, low, close, volume: 0)`, so the outputs and the final state are
    /// bit for bit those of [`update`](Indicator::update) over those candles: a row with an
    /// unusable number is ignored (its output repeats the previous one). Reads 24 bytes a
    /// row where a [`Candle`] holds 40, and takes a chunk of usable rows through the
    /// window's slice path.
    ///
    /// ```
    /// use ta_stream::momentum::WilliamsR;
    ///
    /// let (high, low, close) = ([12.0, 14.0, 13.0, 13.0], [9.0, 10.0, 10.0, 11.0], [11.0, 13.0, 12.0, 11.0]);
    /// let mut willr = [0.0_f64; 4];
    /// WilliamsR::new(3)?.hlc_into(&high, &low, &close, &mut willr)?;
    /// assert!(willr[1].is_nan());
    /// assert_eq!(willr[2], -40.0); // HH 14, LL 9, close 12: −100·(14 − 12)/(14 − 9)
    /// assert_eq!(willr[3], -75.0); // HH 14, LL 10, close 11
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close` or `out` differs
    /// in length from `high`; nothing is consumed then.
    pub fn hlc_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        crate::slice::hlc_values(self, [high, low, close], out, |willr, columns, out| {
            if !willr.range.full() {
                return false;
            }
            willr.range.full_chunk_into(columns, out, Self::percent_r);
            let [_, _, close] = columns;
            willr.close = close.last().copied().or(willr.close);
            true
        })
    }

    /// `%R` of `close` in the window `(HH, LL)`. Both sides are computed and one is
    /// selected, without a branch, so that the column path's loop can be vectorised (a
    /// flat window's quotient, ±∞ or NaN, is discarded).
    #[inline]
    fn percent_r((highest, lowest): (T, T), close: T) -> T {
        let spread = highest - lowest;
        let flat = spread.abs() <= lit::<T>(FLAT_RANGE) * (highest.abs() + lowest.abs());
        let r = clamp(
            lit::<T>(-100.0) * ((highest - close) / spread),
            lit(-100.0),
            T::zero(),
        );
        if flat {
            T::zero()
        } else {
            r
        }
    }
}

impl<T: Real> Default for WilliamsR<T> {
    /// WILLR(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            range: Range::with_valid_period(14),
            close: None,
        }
    }
}

impl<T: Real> Indicator for WilliamsR<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let window = self.range.push_then_extremes(&candle);
        self.close = Some(candle.close);
        self.range
            .full()
            .then(|| Self::percent_r(window, candle.close))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        self.range
            .peek_extremes(&candle)
            .map(|window| Self::percent_r(window, candle.close))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let close = self.close?;
        self.range
            .extremes()
            .map(|window| Self::percent_r(window, close))
    }

    fn reset(&mut self) {
        self.range.clear();
        self.close = None;
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for WilliamsR<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WILLR({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WilliamsRState<T: Real> {
    range: Range<T>,
    close: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<WilliamsRState<T>> for WilliamsR<T> {
    type Error = Error;

    /// The period in range, the window checked as the stochastic's, and a usable close
    /// exactly when a candle was accepted.
    fn try_from(state: WilliamsRState<T>) -> Result<Self, Error> {
        let mut fresh = Self::new_generic(state.range.period())?;
        let consistent = match state.close {
            Some(close) => close.is_usable() && state.range.pushed() > 0,
            None => state.range.pushed() == 0,
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "WILLR close unusable, or present without a candle in the window (or missing \
                 with one)",
            ));
        }
        fresh.range = state.range;
        fresh.close = state.close;
        Ok(fresh)
    }
}
