use core::fmt;

use crate::bar::Candle;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

use super::awesome::{at_least_two, AwesomeOscillator};

/// Accelerator/decelerator oscillator: the awesome oscillator minus its own SMA, the
/// momentum of momentum.
///
/// # Formula
///
/// `AC = AO − SMA_signal(AO)`, with `AO = SMA_fast(M) − SMA_slow(M)` of the median price
/// `M = (H + L)/2` ([`AwesomeOscillator`]). First output after `max(fast, slow) + signal −
/// 1` candles. The SMA of AO is a drift-free [`RollingSum`] divided by `signal`: O(1) per
/// update.
///
/// # Inputs and range
///
/// A candle is refused as by [`AwesomeOscillator`] (an unusable number or median price):
/// `update` and `peek` ignore it, [`try_update`](Indicator::try_update) returns
/// [`Error::InvalidInput`]. AO is within `±2·max_input`, its mean too, so `|AC| ≤
/// 4·max_input`.
///
/// # Parameters
///
/// - `fast`, `slow` (TA-Lib `fastperiod`, `slowperiod`): `2..=100000`, defaults 5 and 34;
/// - `signal` (TA-Lib `signalperiod`): `2..=100000`, default 5.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Accelerator, Indicator};
///
/// let bar = |median: f64| Candle::new(median - 1.0, median + 1.0, median - 1.0, median, 0.0);
/// let mut ac = Accelerator::new(2, 4, 2)?;
/// let out = ac.batch(&[9.0, 10.0, 12.0, 11.0, 10.0].map(|m| bar(m).unwrap()));
/// // AO: 1 (medians 9, 10, 12, 11), then 10.5 − 10.75 = −0.25; AC = −0.25 − (1 − 0.25)/2
/// assert_eq!(out[4], Some(-0.625));
/// assert_eq!(ac.to_string(), "AC(2,4,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Bill Williams' accelerator oscillator (*New Trading Dimensions*, 1998), as TA-Lib `AC`;
/// matches it at every index.
#[doc(alias = "AC")]
#[doc(alias = "accelerator oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AcceleratorState<T>")
)]
pub struct Accelerator<T: Real = f64> {
    awesome: AwesomeOscillator<T>,
    /// The last `signal` AO values.
    signal: RollingSum<T>,
}

impl Accelerator {
    /// AO(fast, slow) minus its `signal` SMA.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the period unless each is in `2..=100000`.
    pub fn new(fast: usize, slow: usize, signal: usize) -> Result<Self, Error> {
        Self::new_generic(fast, slow, signal)
    }
}

impl<T: Real> Accelerator<T> {
    /// [`Accelerator::new`] in any precision `T` (`f32`, or generic code): `Accelerator::<f32>::new_generic(2, 4, 2)`.
    pub fn new_generic(fast: usize, slow: usize, signal: usize) -> Result<Self, Error> {
        let awesome = AwesomeOscillator::new_generic(fast, slow)?;
        Ok(Self {
            awesome,
            signal: RollingSum::with_valid_period(at_least_two("signal", signal)?),
        })
    }

    /// The awesome oscillator's fast period.
    pub fn fast_period(&self) -> usize {
        self.awesome.fast_period()
    }

    /// The awesome oscillator's slow period.
    pub fn slow_period(&self) -> usize {
        self.awesome.slow_period()
    }

    /// The period of the SMA of AO.
    pub fn signal_period(&self) -> usize {
        self.signal.period()
    }
}

impl<T: Real> Default for Accelerator<T> {
    /// AC(5, 34, 5), TA-Lib's defaults.
    fn default() -> Self {
        Self {
            awesome: AwesomeOscillator::default(),
            signal: RollingSum::with_valid_period(5),
        }
    }
}

impl<T: Real> Indicator for Accelerator<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        let Some(median) = AwesomeOscillator::median(&candle) else {
            return self.value();
        };
        if let Some(ao) = self.awesome.push(median) {
            self.signal.push(ao);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        let Some(median) = AwesomeOscillator::median(&candle) else {
            return self.value();
        };
        let ao = self.awesome.peek_median(median)?;
        (self.signal.len() + 1 >= self.signal.period()).then(|| ao - self.signal.peek_mean(ao))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let ao = self.awesome.value()?;
        self.signal.is_full().then(|| ao - self.signal.mean())
    }

    fn reset(&mut self) {
        self.awesome.reset();
        self.signal.clear();
    }

    fn warmup_period(&self) -> usize {
        self.awesome.warmup_period() + self.signal.period() - 1
    }

    /// Rejects candles with an unusable number or median price.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match AwesomeOscillator::median(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for Accelerator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "AC({},{},{})",
            self.fast_period(),
            self.slow_period(),
            self.signal_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceleratorState<T: Real> {
    awesome: AwesomeOscillator<T>,
    signal: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AcceleratorState<T>> for Accelerator<T> {
    type Error = Error;

    /// The periods in range, AO values within `±2·max_input`, and the newest one the
    /// awesome oscillator's current value whenever there is one.
    fn try_from(state: AcceleratorState<T>) -> Result<Self, Error> {
        let (awesome, signal) = (state.awesome, state.signal);
        at_least_two("signal", signal.period())?;
        let limit = crate::float::lit::<T>(2.0) * T::max_input();
        let newest = signal.iter().last();
        let consistent = signal.iter().all(|x| x.abs() <= limit)
            && match newest {
                Some(last) => awesome.value() == Some(last),
                None => true,
            };
        if !consistent {
            return Err(crate::error::invalid_state(
                "AC signal window holds values no awesome oscillator gives, or its newest \
                 is not the current AO",
            ));
        }
        Ok(Self { awesome, signal })
    }
}
