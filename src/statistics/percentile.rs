use core::fmt;

use super::sorted_window::SortedWindow;
use crate::error::check_period;
use crate::float::from_usize;
use crate::{Error, Indicator, Real};

/// Rolling percentile, nearest rank: the `⌈p·n/100⌉`-th smallest of the last `n` inputs.
///
/// # Formula
///
/// Sort the window `y_{t−n+1} … y_t` ascending; `PERCENTILE_t` is its `k`-th value with
/// `k = max(1, ⌈p·n/100⌉)` (nearest rank, no interpolation: the output is always one of the
/// inputs; `p = 0` gives the minimum, `p = 100` the maximum, `p = 50` the lower median of an
/// even window). `k` is computed once, in `f64`, as `p·n/100` rounded up, as in TA-Lib. First
/// output after `n` inputs.
///
/// # Cost
///
/// The window is kept sorted: an update finds the evicted value and the new one's place by
/// binary search (O(log n) comparisons), then shifts the values between those places by one
/// slot with one `memmove`: O(n) in the worst case, with a tiny constant (an order-statistics
/// tree would be O(log n) with a larger constant). Measured on a random walk, an update at
/// n = 1000 costs about three times one at n = 14. Reading the value is O(1), `peek`
/// O(log n). No allocation after construction.
///
/// # Parameters
///
/// - `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 30;
/// - `percentile` (`p`, TA-Lib `percentile`): `0..=100`, default 50.
///
/// # Range
///
/// One of the window's inputs: between its minimum and maximum.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::Percentile, Indicator};
///
/// let mut median = Percentile::new(4, 50.0)?; // k = ⌈50·4/100⌉ = 2: the 2nd smallest
/// let out = median.batch(&[1.0, 5.0, 2.0, 3.0, 8.0]);
/// // sorted windows (1, 2, 3, 5), (2, 3, 5, 8)
/// assert_eq!(out, [None, None, None, Some(2.0), Some(3.0)]);
/// assert_eq!(median.to_string(), "PERCENTILE(4,50)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `PERCENTILE` (nearest rank); matches it at every index.
/// [`PercentRank`](super::PercentRank) is the converse: where an input ranks in its window.
#[doc(alias = "PERCENTILE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PercentileState<T>")
)]
pub struct Percentile<T: Real = f64> {
    /// The last `n` inputs, sorted.
    window: SortedWindow<T>,
    /// `p`, in percent.
    percentile: f64,
    /// `k − 1`: the index of the output in the sorted window (derived).
    #[cfg_attr(feature = "serde", serde(skip))]
    index: usize,
}

impl Percentile {
    /// The `percentile`-th percentile (nearest rank) of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000` and `percentile` in
    /// `0..=100`.
    pub fn new(period: usize, percentile: f64) -> Result<Self, Error> {
        Self::new_generic(period, percentile)
    }
}

impl<T: Real> Percentile<T> {
    /// [`Percentile::new`] in any precision `T` (`f32`, or generic code): `Percentile::<f32>::new_generic(4, 50.0)`.
    pub fn new_generic(period: usize, percentile: f64) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        if !(0.0..=100.0).contains(&percentile) {
            return Err(Error::InvalidParameter {
                name: "percentile",
                value: percentile.to_string(),
                expected: "0..=100",
            });
        }
        Ok(Self::with_valid(period, percentile))
    }

    fn with_valid(period: usize, percentile: f64) -> Self {
        // ⌈p·n/100⌉ of at most n ≤ 100000: exact in f64, and the cast cannot truncate.
        let rank = (percentile * period as f64 / 100.0).ceil() as usize;
        Self {
            window: SortedWindow::with_valid_capacity(period),
            percentile,
            index: rank.clamp(1, period) - 1,
        }
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// The percentile `p`, in percent.
    pub fn percentile(&self) -> f64 {
        self.percentile
    }

    /// The nearest rank `k` (from 1) of the output in the sorted window.
    pub fn rank(&self) -> usize {
        self.index + 1
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.window.heap_bytes()
    }
}

impl<T: Real> Default for Percentile<T> {
    /// PERCENTILE(30, 50), TA-Lib's defaults.
    fn default() -> Self {
        Self::with_valid(30, 50.0)
    }
}

impl<T: Real> Indicator for Percentile<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, y: T) -> Option<T> {
        if y.is_usable() {
            self.window.push(y);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, y: T) -> Option<T> {
        if !y.is_usable() {
            return self.value();
        }
        if self.window.len() + 1 < self.period() {
            return None;
        }
        self.window.peek_select(y, self.index)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if !self.window.is_full() {
            return None;
        }
        self.window.select(self.index)
    }

    fn reset(&mut self) {
        self.window.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Percentile<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PERCENTILE({},{})", self.period(), self.percentile)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PercentileState<T: Real> {
    window: SortedWindow<T>,
    percentile: f64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<PercentileState<T>> for Percentile<T> {
    type Error = Error;

    /// The parameters in range; the window (usable inputs) is checked by itself.
    fn try_from(state: PercentileState<T>) -> Result<Self, Error> {
        let fresh = Self::new_generic(state.window.capacity(), state.percentile)?;
        Ok(Self {
            window: state.window,
            ..fresh
        })
    }
}

/// `100 · count / n`, the share of a window below an input, in percent.
#[inline]
pub(crate) fn percent_of<T: Real>(count: usize, n: T) -> T {
    from_usize::<T>(count) * crate::float::lit(100.0) / n
}
