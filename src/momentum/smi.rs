use core::fmt;

use crate::average::Ema;
use crate::bar::Candle;
use crate::float::lit;
use crate::window::{Extremum, MonotonicDeque};
use crate::{CheckedInput, Error, Indicator, Real};

/// One reading of [`Smi`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SmiOutput<T = f64> {
    /// The stochastic momentum index.
    pub smi: T,
    /// Its signal line, an EMA of it.
    pub signal: T,
}

/// Stochastic momentum index (Blau): the close against the middle of the window's range,
/// double-smoothed, in percent of half the range. TA-Lib's `SMI`.
///
/// # Formula
///
/// Over the last `n` candles, with `HH` the highest high and `LL` the lowest low:
/// `m = close − (HH + LL)/2` and `r = HH − LL`; with TA-Lib's EMAs (`k = 2/(p + 1)`, seeded
/// with the mean of their first `p` inputs, each fed from the previous one's first value):
/// `SMI = 100 · E_fast(E_slow(m)) / (E_fast(E_slow(r)) / 2)`, and **0 when the denominator
/// is 0** (flat windows; an exact test, as TA-Lib's); `signal = E_signal(SMI)`. Both lines
/// start together, with the signal (TA-Lib aligns them): after
/// `n + slow + fast + signal − 3` candles (46 for 13/2/25/9).
///
/// # Range
///
/// `−100..=100`: `|m| ≤ r/2` whenever the close lies within the window's range, and the two
/// are smoothed with the same weights. A close outside it (a candle that is not valid, see
/// [`Candle::validate`]) is clamped into the band. No candle is refused beyond the usable
/// range.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 13; `fast` (`fastperiod`),
/// default 2; `slow` (`slowperiod`), default 25; `signal` (`signalperiod`), default 9; each
/// `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Smi, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut smi: Smi = Smi::new(1, 1, 1, 1)?;
/// // One candle: the close at the top of its range reads 100, at the middle 0.
/// assert_eq!(smi.update(candle(12.0, 10.0, 12.0)?).unwrap().smi, 100.0);
/// assert_eq!(smi.update(candle(12.0, 10.0, 11.0)?).unwrap().smi, 0.0);
/// assert_eq!(Smi::<f64>::default().to_string(), "SMI(13,2,25,9)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// William Blau, *Momentum, Direction, and Divergence* (1995); TA-Lib `SMI`, matched at every
/// index.
#[doc(alias = "SMI")]
#[doc(alias = "stochastic momentum index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SmiState<T>")
)]
pub struct Smi<T: Real = f64> {
    highest: MonotonicDeque<T, false>,
    lowest: MonotonicDeque<T, false>,
    middle: Ema<T>,
    middle_smoothed: Ema<T>,
    range: Ema<T>,
    range_smoothed: Ema<T>,
    signal: Ema<T>,
    /// The last SMI value (before the signal has one, too).
    smi: Option<T>,
}

impl Smi {
    /// SMI over `period` candles, smoothed over `slow` then `fast`, its signal over `signal`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first parameter outside `1..=100000`.
    pub fn new(period: usize, fast: usize, slow: usize, signal: usize) -> Result<Self, Error> {
        Self::new_generic(period, fast, slow, signal)
    }
}

impl<T: Real> Smi<T> {
    /// [`Smi::new`] in any precision `T` (`f32`, or generic code): `Smi::<f32>::new_generic(1, 1, 1, 1)`.
    pub fn new_generic(
        period: usize,
        fast: usize,
        slow: usize,
        signal: usize,
    ) -> Result<Self, Error> {
        use crate::error::check_period;
        Ok(Self::with_valid_periods(
            check_period("period", period)?,
            check_period("fast", fast)?,
            check_period("slow", slow)?,
            check_period("signal", signal)?,
        ))
    }

    fn with_valid_periods(period: usize, fast: usize, slow: usize, signal: usize) -> Self {
        Self {
            highest: MonotonicDeque::with_valid_period(period, Extremum::Max),
            lowest: MonotonicDeque::with_valid_period(period, Extremum::Min),
            middle: Ema::with_valid_period(slow),
            middle_smoothed: Ema::with_valid_period(fast),
            range: Ema::with_valid_period(slow),
            range_smoothed: Ema::with_valid_period(fast),
            signal: Ema::with_valid_period(signal),
            smi: None,
        }
    }

    /// The window `n`, in candles.
    pub fn period(&self) -> usize {
        self.highest.period()
    }

    /// The second smoothing period.
    pub fn fast_period(&self) -> usize {
        self.middle_smoothed.period()
    }

    /// The first smoothing period.
    pub fn slow_period(&self) -> usize {
        self.middle.period()
    }

    /// The signal EMA period.
    pub fn signal_period(&self) -> usize {
        self.signal.period()
    }

    #[inline]
    fn index(middle: T, range: T) -> T {
        if range == T::zero() {
            return T::zero();
        }
        let hundred = lit::<T>(100.0);
        (hundred * (middle / (range / (T::one() + T::one()))))
            .max(-hundred)
            .min(hundred)
    }

    /// `x` within `−100..=100` (the signal, an EMA of values in the band, up to rounding).
    #[inline]
    fn band(x: T) -> T {
        let hundred = lit::<T>(100.0);
        x.max(-hundred).min(hundred)
    }

    /// `(m/2, r/2)` from the window's extremes and the close: halved so that the averages stay
    /// within the usable range (the index is a ratio: the same, halving is exact).
    #[inline]
    fn position(highest: T, lowest: T, close: T) -> (T, T) {
        let half = lit::<T>(0.5);
        let middle = close * half - (highest * half + lowest * half) * half;
        (middle, highest * half - lowest * half)
    }
}

impl<T: Real> Default for Smi<T> {
    /// SMI(13, 2, 25, 9), TA-Lib's defaults.
    fn default() -> Self {
        Self::with_valid_periods(13, 2, 25, 9)
    }
}

impl<T: Real> Indicator for Smi<T> {
    type Input = Candle<T>;
    type Output = SmiOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<SmiOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        self.highest.push(candle.high);
        self.lowest.push(candle.low);
        if self.highest.pushed() < self.period() as u64 {
            return None;
        }
        let (highest, lowest) = (self.highest.extreme()?, self.lowest.extreme()?);
        let (middle, range) = Self::position(highest, lowest, candle.close);
        let middle = self
            .middle
            .feed(middle)
            .and_then(|m| self.middle_smoothed.feed(m));
        let range = self
            .range
            .feed(range)
            .and_then(|r| self.range_smoothed.feed(r));
        let smi = Self::index(middle?, range?);
        self.smi = Some(smi);
        let signal = Self::band(self.signal.feed(smi)?);
        Some(SmiOutput { smi, signal })
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<SmiOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        if self.highest.pushed().saturating_add(1) < self.period() as u64 {
            return None;
        }
        let highest = self.highest.peek(candle.high)?;
        let lowest = self.lowest.peek(candle.low)?;
        let (middle, range) = Self::position(highest, lowest, candle.close);
        let middle = self
            .middle_smoothed
            .peek_fed(self.middle.peek_fed(middle)?)?;
        let range = self.range_smoothed.peek_fed(self.range.peek_fed(range)?)?;
        let smi = Self::index(middle, range);
        let signal = Self::band(self.signal.peek_fed(smi)?);
        Some(SmiOutput { smi, signal })
    }

    #[inline]
    fn value(&self) -> Option<SmiOutput<T>> {
        Some(SmiOutput {
            smi: self.smi?,
            signal: Self::band(self.signal.value()?),
        })
    }

    fn reset(&mut self) {
        self.highest.clear();
        self.lowest.clear();
        self.middle.reset();
        self.middle_smoothed.reset();
        self.range.reset();
        self.range_smoothed.reset();
        self.signal.reset();
        self.smi = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + self.slow_period() + self.fast_period() + self.signal_period() - 3
    }
}

impl<T: Real> fmt::Display for Smi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SMI({},{},{},{})",
            self.period(),
            self.fast_period(),
            self.slow_period(),
            self.signal_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SmiState<T: Real> {
    highest: MonotonicDeque<T, false>,
    lowest: MonotonicDeque<T, false>,
    middle: Ema<T>,
    middle_smoothed: Ema<T>,
    range: Ema<T>,
    range_smoothed: Ema<T>,
    signal: Ema<T>,
    smi: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SmiState<T>> for Smi<T> {
    type Error = Error;

    /// The windows in step and usable; the averages of `m` and `r` in step (same periods,
    /// same progress), each pair chained (the second not fed before the first has a value),
    /// nothing smoothed before the window is full (a range can be negative: candles whose
    /// high is below their low are not refused); the SMI within
    /// `−100..=100`, stored once both smoothed lines have a value, the signal not before.
    fn try_from(state: SmiState<T>) -> Result<Self, Error> {
        let SmiState {
            highest,
            lowest,
            middle,
            middle_smoothed,
            range,
            range_smoothed,
            signal,
            smi,
        } = state;
        let windows = highest.extremum() == Extremum::Max
            && lowest.extremum() == Extremum::Min
            && highest.period() == lowest.period()
            && highest.pushed() == lowest.pushed()
            && highest
                .candidates()
                .chain(lowest.candidates())
                .all(|x| x.is_usable());
        let full = highest.pushed() >= highest.period() as u64;
        let same = |a: &Ema<T>, b: &Ema<T>| {
            a.period() == b.period()
                && a.seed() == b.seed()
                && a.is_ready() == b.is_ready()
                && a.is_untouched() == b.is_untouched()
        };
        let averages = same(&middle, &range)
            && same(&middle_smoothed, &range_smoothed)
            && (middle.is_untouched() || full)
            && (middle_smoothed.is_untouched() || middle.is_ready());
        let hundred = lit::<T>(100.0);
        let index = match smi {
            Some(v) => middle_smoothed.is_ready() && v.abs() <= hundred,
            None => !middle_smoothed.is_ready(),
        } && (signal.is_untouched() || smi.is_some());
        if !(windows && averages && index) {
            return Err(crate::error::invalid_state(
                "SMI windows or averages out of step, or a stored value no candle could give",
            ));
        }
        Ok(Self {
            highest,
            lowest,
            middle,
            middle_smoothed,
            range,
            range_smoothed,
            signal,
            smi,
        })
    }
}
