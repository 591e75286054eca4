use core::fmt;

use crate::cycle::hilbert::{count_as, history, newest_first, whole_period, Hilbert, Lookback};
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Indicator, Real};

/// The instantaneous trendline's state, shared with
/// [`HtTrendMode`](crate::cycle::HtTrendMode): the last inputs and the last three averages.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct TrendlineBlock<T: Real> {
    /// Inputs before the current one (49 at most).
    prices: RingBuffer<T>,
    /// The averages of the last three steps, newest first.
    averages: [T; 3],
}

impl<T: Real> TrendlineBlock<T> {
    pub(crate) fn new() -> Self {
        Self {
            prices: history(),
            averages: [T::zero(); 3],
        }
    }

    /// The average over the dominant cycle ending with `x`, and the trendline: the 4-bar WMA
    /// of that average.
    #[inline]
    pub(crate) fn next(&self, x: T, smooth_period: T) -> (T, T) {
        let n = whole_period(smooth_period);
        let values = core::iter::once(x).chain(newest_first(&self.prices));
        let mut average = values.take(n).fold(T::zero(), |sum, value| sum + value);
        if n > 0 {
            average = average / count_as::<T>(n);
        }
        let [a1, a2, a3] = self.averages;
        let trendline = (lit::<T>(4.0) * average + lit::<T>(3.0) * a1 + lit::<T>(2.0) * a2 + a3)
            / lit::<T>(10.0);
        (average, trendline)
    }

    /// Commits an input; `average` from [`next`](Self::next) on the steps of the transform.
    #[inline]
    pub(crate) fn commit(&mut self, x: T, average: Option<T>) {
        self.prices.push(x);
        if let Some(average) = average {
            let [a1, a2, _] = self.averages;
            self.averages = [average, a1, a2];
        }
    }

    /// Checks a loaded state after `count` inputs and `steps` steps: as many usable prices,
    /// and averages of usable inputs (0 before the first steps).
    #[cfg(feature = "serde")]
    pub(crate) fn validate(&self, count: usize, steps: usize) -> Result<(), crate::Error> {
        use crate::error::invalid_state;
        crate::cycle::hilbert::check_history(&self.prices, count, "trendline")?;
        if !self.prices.iter().all(|p| p.is_usable()) {
            return Err(invalid_state("trendline: a price is not a usable input"));
        }
        let averages_ok = self.averages.iter().enumerate().all(|(i, a)| {
            a.abs() <= crate::cycle::hilbert::mean_bound::<T>() && (i < steps || *a == T::zero())
        });
        if !averages_ok {
            return Err(invalid_state(
                "trendline: an average no input sequence produces",
            ));
        }
        Ok(())
    }
}

/// Ehlers' instantaneous trendline (Hilbert transform): the average over the current
/// dominant cycle, smoothed by a 4-bar WMA, so the cycle itself cancels out.
///
/// # Formula
///
/// With `SP` the dominant cycle period of the
/// [Hilbert transform](crate::cycle#the-hilbert-transform) and `n = ⌊SP + 0.5⌋`:
/// `A_t = (x_t + … + x_{t−n+1}) / n` (the inputs, not the smoothed prices; 0 before the
/// first), and `trendline_t = (4·A_t + 3·A_{t−1} + 2·A_{t−2} + A_{t−3}) / 10`.
///
/// No parameters. First output on the 64th input (TA-Lib's lookback of 63), computed from the
/// 38th input on. O(`SP`) per update: a sum of at most 50 inputs, as in TA-Lib.
///
/// # Bounds
///
/// A weighted mean of inputs (and of the zeros before the first): within `min(0, inputs)`
/// and `max(0, inputs)`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::HtTrendline, Indicator};
///
/// // A sine wave with a 20-bar cycle around 100: the trendline is its centre.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut trendline = HtTrendline::new();
/// let out = trendline.batch(&closes);
/// assert!(out[..63].iter().all(Option::is_none));
/// // TA-Lib's HT_TRENDLINE on the same closes: 100.0.
/// assert!((out[99].unwrap() - 100.0).abs() < 1e-9);
/// assert_eq!(trendline.to_string(), "HT_TRENDLINE");
/// ```
///
/// # Links
///
/// TA-Lib `HT_TRENDLINE`; matches it at every index.
#[doc(alias = "HT_TRENDLINE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtTrendlineState<T>")
)]
pub struct HtTrendline<T: Real = f64> {
    hilbert: Hilbert<T>,
    trend: TrendlineBlock<T>,
    /// The trendline of the last step (0 before the first).
    last: T,
}

impl HtTrendline {
    /// The instantaneous trendline, as TA-Lib computes it.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtTrendline<T> {
    /// [`HtTrendline::new`] in any precision `T` (`f32`, or generic code): `HtTrendline::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Long),
            trend: TrendlineBlock::new(),
            last: T::zero(),
        }
    }
}

impl<T: Real> Default for HtTrendline<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtTrendline<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x);
        let average = step.map(|step| {
            let (average, trendline) = self.trend.next(x, step.smooth_period);
            self.last = trendline;
            average
        });
        self.trend.commit(x, average);
        self.hilbert.commit(x, step);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if !self.hilbert.next_is_ready() {
            return None;
        }
        let step = self.hilbert.next(x)?;
        Some(self.trend.next(x, step.smooth_period).1)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.hilbert.is_ready().then_some(self.last)
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Long.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtTrendline<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_TRENDLINE")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtTrendlineState<T: Real> {
    hilbert: Hilbert<T>,
    trend: TrendlineBlock<T>,
    last: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtTrendlineState<T>> for HtTrendline<T> {
    type Error = crate::Error;

    fn try_from(state: HtTrendlineState<T>) -> Result<Self, crate::Error> {
        crate::cycle::hilbert::check_lookback(&state.hilbert, Lookback::Long)?;
        let (count, steps) = (state.hilbert.count(), state.hilbert.steps());
        state.trend.validate(count, steps)?;
        if state.last.abs() > crate::cycle::hilbert::mean_bound::<T>()
            || (steps == 0 && state.last != T::zero())
        {
            return Err(crate::error::invalid_state(
                "HT_TRENDLINE value no input sequence produces",
            ));
        }
        Ok(Self {
            hilbert: state.hilbert,
            trend: state.trend,
            last: state.last,
        })
    }
}
