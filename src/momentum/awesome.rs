use core::fmt;

use crate::average::Sma;
use crate::bar::Candle;
use crate::error::check_period;
use crate::price::MedianPrice;
use crate::{CheckedInput, Error, Indicator, Real};

/// Awesome oscillator: the fast SMA of the median price minus the slow one.
///
/// # Formula
///
/// With `M = (H + L)/2`: `AO = SMA_fast(M) − SMA_slow(M)`, first output once the longer SMA
/// is full (`max(fast, slow)` candles). The SMAs are the crate's drift-free [`Sma`]s: O(1)
/// per update.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]), as is one whose
/// median price is a nonzero magnitude below the usable range. The output, a difference of
/// two means of usable prices, is within `±2·max_input`.
///
/// # Parameters
///
/// - `fast` (TA-Lib `fastperiod`): `2..=100000`, default 5;
/// - `slow` (TA-Lib `slowperiod`): `2..=100000`, default 34 (any order, as TA-Lib).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::AwesomeOscillator, Indicator};
///
/// let bar = |low: f64, high: f64| Candle::new(low, high, low, high, 0.0);
/// let mut ao = AwesomeOscillator::new(2, 4)?;
/// let bars = [bar(8.0, 10.0)?, bar(9.0, 11.0)?, bar(11.0, 13.0)?, bar(10.0, 12.0)?];
/// // medians 9, 10, 12, 11: (12 + 11)/2 − (9 + 10 + 12 + 11)/4
/// assert_eq!(ao.batch(&bars)[3], Some(1.0));
/// assert_eq!(ao.to_string(), "AO(2,4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Bill Williams' awesome oscillator (*New Trading Dimensions*, 1998), as TA-Lib `AO`;
/// matches it at every index. Its momentum is [`Accelerator`](super::Accelerator).
#[doc(alias = "AO")]
#[doc(alias = "awesome oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AwesomeOscillatorState<T>")
)]
pub struct AwesomeOscillator<T: Real = f64> {
    fast: Sma<T>,
    slow: Sma<T>,
}

impl AwesomeOscillator {
    /// The fast SMA of the median price minus the slow one.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the period unless each is in `2..=100000`.
    pub fn new(fast: usize, slow: usize) -> Result<Self, Error> {
        Self::new_generic(fast, slow)
    }
}

impl<T: Real> AwesomeOscillator<T> {
    /// [`AwesomeOscillator::new`] in any precision `T` (`f32`, or generic code): `AwesomeOscillator::<f32>::new_generic(2, 4)`.
    pub fn new_generic(fast: usize, slow: usize) -> Result<Self, Error> {
        Ok(Self {
            fast: Sma::with_valid_period(at_least_two("fast", fast)?),
            slow: Sma::with_valid_period(at_least_two("slow", slow)?),
        })
    }

    /// The fast period.
    pub fn fast_period(&self) -> usize {
        self.fast.period()
    }

    /// The slow period.
    pub fn slow_period(&self) -> usize {
        self.slow.period()
    }

    /// The candle's median price when the candle is accepted.
    #[inline]
    pub(super) fn median(candle: &Candle<T>) -> Option<T> {
        let median = MedianPrice::of(candle);
        (candle.is_usable() && median.is_usable()).then_some(median)
    }

    /// Pushes an accepted candle's median price.
    #[inline]
    pub(super) fn push(&mut self, median: T) -> Option<T> {
        let fast = self.fast.update(median);
        let slow = self.slow.update(median);
        Some(fast? - slow?)
    }

    /// What [`push`](Self::push) would return.
    #[inline]
    pub(super) fn peek_median(&self, median: T) -> Option<T> {
        Some(self.fast.peek(median)? - self.slow.peek(median)?)
    }
}

/// A period checked into `2..=100000`.
pub(super) fn at_least_two(name: &'static str, period: usize) -> Result<usize, Error> {
    let period = check_period(name, period)?;
    if period < 2 {
        return Err(Error::InvalidParameter {
            name,
            value: period.to_string(),
            expected: "2..=100000",
        });
    }
    Ok(period)
}

impl<T: Real> Default for AwesomeOscillator<T> {
    /// AO(5, 34), TA-Lib's defaults.
    fn default() -> Self {
        Self {
            fast: Sma::with_valid_period(5),
            slow: Sma::with_valid_period(34),
        }
    }
}

impl<T: Real> Indicator for AwesomeOscillator<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        match Self::median(&candle) {
            Some(median) => self.push(median),
            None => self.value(),
        }
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        match Self::median(&candle) {
            Some(median) => self.peek_median(median),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(self.fast.value()? - self.slow.value()?)
    }

    fn reset(&mut self) {
        self.fast.reset();
        self.slow.reset();
    }

    fn warmup_period(&self) -> usize {
        self.fast_period().max(self.slow_period())
    }

    /// Rejects candles with an unusable number or median price.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match Self::median(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for AwesomeOscillator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AO({},{})", self.fast_period(), self.slow_period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AwesomeOscillatorState<T: Real> {
    fast: Sma<T>,
    slow: Sma<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AwesomeOscillatorState<T>> for AwesomeOscillator<T> {
    type Error = Error;

    /// Both periods in range, and both SMAs fed the same medians: the same count (up to
    /// their periods) and the same latest values.
    fn try_from(state: AwesomeOscillatorState<T>) -> Result<Self, Error> {
        let (fast, slow) = (state.fast, state.slow);
        Self::new_generic(fast.period(), slow.period())?;
        let (short, long) = if fast.period() <= slow.period() {
            (&fast, &slow)
        } else {
            (&slow, &fast)
        };
        let short_period = short.period();
        let (short, long) = (short.window_values(), long.window_values());
        let skipped = long.len().saturating_sub(short.len());
        // Each keeps its older values as suffix sums: recovered values agree within their
        // error bounds (the newest exactly). The values themselves are checked by `Sma`.
        let in_step = short.len() == long.len().min(short_period)
            && short
                .iter()
                .zip(long.iter().skip(skipped))
                .all(|(&(a, a_error), &(b, b_error))| (a - b).abs() <= a_error + b_error);
        if !in_step {
            return Err(crate::error::invalid_state(
                "AO averages out of step (not fed the same median prices) or holding a value \
                 outside the usable range",
            ));
        }
        Ok(Self { fast, slow })
    }
}
