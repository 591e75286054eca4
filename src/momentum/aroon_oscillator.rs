use core::fmt;

use crate::bar::Candle;
use crate::float::{from_usize, lit};
use crate::{CheckedInput, Error, Indicator, Real};

use super::aroon::AroonWindow;

/// Aroon oscillator: Aroon up minus Aroon down, in `−100..=100`.
///
/// # Formula
///
/// With `a_H`, `a_L` the bars since the highest high and the lowest low of the last `n + 1`
/// candles (the most recent on ties), as in [`Aroon`](super::Aroon):
///
/// `AROONOSC = up − down = (100/n)·(a_L − a_H)`, evaluated in that form as TA-Lib does;
/// first output after `n + 1` candles. O(1) amortized per update (two
/// [`MonotonicDeque`](crate::window::MonotonicDeque)s).
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]). The output is a
/// multiple of `100/n` in `−100..=100`.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::AroonOscillator, Indicator};
///
/// let bar = |low: f64, high: f64| Candle::new(low, high, low, high, 0.0);
/// let mut osc = AroonOscillator::new(4)?;
/// let bars = [bar(9.0, 10.0)?, bar(10.0, 13.0)?, bar(8.0, 12.0)?, bar(9.0, 11.0)?, bar(10.0, 11.0)?];
/// // highest high 3 bars ago (up 25), lowest low 2 bars ago (down 50)
/// assert_eq!(osc.batch(&bars).pop().flatten(), Some(-25.0));
/// assert_eq!(osc.to_string(), "AROONOSC(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande's Aroon oscillator, as TA-Lib `AROONOSC`; matches it at every index.
#[doc(alias = "AROONOSC")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AroonOscillator<T: Real = f64> {
    window: AroonWindow<T>,
}

impl AroonOscillator {
    /// The Aroon oscillator over the last `period + 1` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> AroonOscillator<T> {
    /// [`AroonOscillator::new`] in any precision `T` (`f32`, or generic code): `AroonOscillator::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            window: AroonWindow::new(period)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.window.period()
    }

    #[inline]
    fn output(&self, (high_age, low_age): (u64, u64)) -> T {
        let bars = |age: u64| from_usize::<T>(age as usize);
        let osc = self.window.factor() * (bars(low_age) - bars(high_age));
        osc.max(lit(-100.0)).min(lit(100.0))
    }
}

impl<T: Real> Default for AroonOscillator<T> {
    /// AROONOSC(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: AroonWindow::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for AroonOscillator<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if candle.is_usable() {
            self.window.push(&candle);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        self.window.peek_ages(&candle).map(|ages| self.output(ages))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.window.ages().map(|ages| self.output(ages))
    }

    fn reset(&mut self) {
        self.window.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for AroonOscillator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AROONOSC({})", self.period())
    }
}
