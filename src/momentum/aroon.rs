use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
use crate::float::{from_usize, lit};
use crate::window::{Extremum, MonotonicDeque};
use crate::{CheckedInput, Error, Indicator, Real};

/// One reading of [`Aroon`]: how recent the window's lowest low and highest high are, both in
/// `0..=100` (TA-Lib's `aroondown`, `aroonup`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AroonOutput<T = f64> {
    /// Aroon down: `100·(n − bars since the lowest low)/n`.
    pub down: T,
    /// Aroon up: `100·(n − bars since the highest high)/n`.
    pub up: T,
}

/// The window shared by [`Aroon`] and [`AroonOscillator`](super::AroonOscillator): where the
/// highest high and the lowest low of the last `n + 1` candles are, as ages (0 = this
/// candle; the newest one when several tie, as TA-Lib).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AroonWindowState<T>")
)]
pub(super) struct AroonWindow<T: Real> {
    highs: MonotonicDeque<T>,
    lows: MonotonicDeque<T>,
}

impl<T: Real> AroonWindow<T> {
    /// `period` (`n`) in `2..=100000`, TA-Lib's range; the window holds `n + 1` candles.
    pub(super) fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self::with_valid_period(period))
    }

    /// For periods known to be valid (constants).
    pub(super) fn with_valid_period(period: usize) -> Self {
        Self {
            highs: MonotonicDeque::with_valid_period(period + 1, Extremum::Max),
            lows: MonotonicDeque::with_valid_period(period + 1, Extremum::Min),
        }
    }

    /// The period `n`.
    pub(super) fn period(&self) -> usize {
        self.highs.period() - 1
    }

    /// TA-Lib's factor `100/n`.
    #[inline]
    pub(super) fn factor(&self) -> T {
        lit::<T>(100.0) / from_usize::<T>(self.period())
    }

    /// Pushes the candle (already checked).
    #[inline]
    pub(super) fn push(&mut self, candle: &Candle<T>) {
        self.highs.push(candle.high);
        self.lows.push(candle.low);
    }

    /// Ages of the highest high and the lowest low once `n + 1` candles were seen.
    #[inline]
    pub(super) fn ages(&self) -> Option<(u64, u64)> {
        if self.highs.pushed() < self.highs.period() as u64 {
            return None;
        }
        Some((self.highs.extreme_age()?, self.lows.extreme_age()?))
    }

    /// The ages [`ages`](Self::ages) would give after pushing `candle`.
    #[inline]
    pub(super) fn peek_ages(&self, candle: &Candle<T>) -> Option<(u64, u64)> {
        if self.highs.pushed().saturating_add(1) < self.highs.period() as u64 {
            return None;
        }
        Some((
            self.highs.peek_age(candle.high),
            self.lows.peek_age(candle.low),
        ))
    }

    pub(super) fn clear(&mut self) {
        self.highs.clear();
        self.lows.clear();
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AroonWindowState<T: Real> {
    highs: MonotonicDeque<T>,
    lows: MonotonicDeque<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AroonWindowState<T>> for AroonWindow<T> {
    type Error = Error;

    /// Highs tracked by their maximum and lows by their minimum over the same `n + 1`
    /// candles (`n` in range), the same number of each, every value a usable input.
    fn try_from(state: AroonWindowState<T>) -> Result<Self, Error> {
        let AroonWindowState { highs, lows } = state;
        Self::new(highs.period().saturating_sub(1))?;
        if highs.extremum() != Extremum::Max
            || lows.extremum() != Extremum::Min
            || highs.period() != lows.period()
            || highs.pushed() != lows.pushed()
        {
            return Err(crate::error::invalid_state(
                "Aroon high and low windows disagree (extremum, period or length)",
            ));
        }
        if !highs
            .candidates()
            .chain(lows.candidates())
            .all(|x| x.is_usable())
        {
            return Err(crate::error::invalid_state(
                "Aroon window holds a value outside the usable input range",
            ));
        }
        Ok(Self { highs, lows })
    }
}

/// Aroon up and down: how many bars ago the window's highest high and lowest low were, on a
/// `0..=100` scale (100 = this bar, 0 = `n` bars ago).
///
/// # Formula
///
/// Over the last `n + 1` candles (this one and the `n` before it), with `a_H` the number of
/// bars since the highest high and `a_L` since the lowest low (the **most recent** one when
/// several tie, as TA-Lib):
///
/// `up = (100/n)·(n − a_H)`, `down = (100/n)·(n − a_L)`, first output after `n + 1`
/// candles (evaluated as TA-Lib does, so the values match it bit for bit).
///
/// The positions come from two [`MonotonicDeque`]s (a block scheme): O(1) amortized per
/// update, never a scan of the window.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]). Both lines are
/// multiples of `100/n` in `0..=100`.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Events
///
/// Aroon up crossing above Aroon down (a new uptrend by Chande's reading) is a
/// [`Crossover`](crate::signal::Crossover) of the pair `(up, down)`:
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Aroon, signal::{Cross, Crossover}, Indicator};
///
/// let bar = |low: f64, high: f64| Candle::new(low, high, low, high, 0.0);
/// let mut aroon = Aroon::new(2)?;
/// let mut cross = Crossover::new();
/// let mut crosses = Vec::new();
/// for (low, high) in [(5.0, 6.0), (4.0, 5.0), (3.0, 4.0), (4.0, 5.0), (5.0, 7.0)] {
///     if let Some(a) = aroon.update(bar(low, high)?) {
///         crosses.push(cross.update((a.up, a.down)).flatten());
///     }
/// }
/// // (up, down): (0, 100), then (100, 50): up crosses above down, then (100, 0)
/// assert_eq!(crosses, [None, Some(Cross::Above), None]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Aroon, Indicator};
///
/// let bar = |low: f64, high: f64| Candle::new(low, high, low, high, 0.0);
/// let mut aroon = Aroon::new(4)?;
/// let bars = [bar(9.0, 10.0)?, bar(10.0, 13.0)?, bar(8.0, 12.0)?, bar(9.0, 11.0)?, bar(10.0, 11.0)?];
/// let out = aroon.batch(&bars).pop().flatten().expect("5 candles");
/// // highest high 13 was 3 bars ago: 25·(4 − 3); lowest low 8 was 2 bars ago: 25·(4 − 2)
/// assert_eq!((out.up, out.down), (25.0, 50.0));
/// assert_eq!(aroon.to_string(), "AROON(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande's Aroon (1995), as TA-Lib `AROON`; matches it at every index. The difference
/// `up − down` is [`AroonOscillator`](super::AroonOscillator).
#[doc(alias = "AROON")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Aroon<T: Real = f64> {
    window: AroonWindow<T>,
}

impl Aroon {
    /// Aroon over the last `period + 1` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Aroon<T> {
    /// [`Aroon::new`] in any precision `T` (`f32`, or generic code): `Aroon::<f32>::new_generic(2)`.
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
    fn output(&self, (high_age, low_age): (u64, u64)) -> AroonOutput<T> {
        let n = self.window.period() as u64;
        let line = |age: u64| {
            let bars = from_usize::<T>(n.saturating_sub(age) as usize);
            (self.window.factor() * bars).min(lit(100.0))
        };
        AroonOutput {
            down: line(low_age),
            up: line(high_age),
        }
    }
}

impl<T: Real> Default for Aroon<T> {
    /// AROON(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: AroonWindow::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for Aroon<T> {
    type Input = Candle<T>;
    type Output = AroonOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<AroonOutput<T>> {
        if candle.is_usable() {
            self.window.push(&candle);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<AroonOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        self.window.peek_ages(&candle).map(|ages| self.output(ages))
    }

    #[inline]
    fn value(&self) -> Option<AroonOutput<T>> {
        self.window.ages().map(|ages| self.output(ages))
    }

    fn reset(&mut self) {
        self.window.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Aroon<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AROON({})", self.period())
    }
}
