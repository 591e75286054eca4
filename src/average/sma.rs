use core::fmt;

use crate::Real;

use crate::window::InPlaceSum;
use crate::{Error, Indicator};

/// Simple moving average: the mean of the last `n` inputs.
///
/// # Formula
///
/// `SMA_t = (x_t + x_{t−1} + … + x_{t−n+1}) / n`, first output after `n` inputs.
///
/// The window sum is drift-free, the sum of a [`RollingSum`](crate::window::RollingSum) bit
/// for bit: exact to about one rounding after any number of updates, even after a value of
/// 1e15 has passed through the window. It is kept in one array of `n` values: every `n`
/// updates the window is one block, whose values are replaced in place by their suffix sums
/// `S[i] = Σ_{j≥i} x_j` (newest first); the `k` inputs since overwrite the slots whose `S` is
/// no longer read, and the window sum is `S[k] + (x_1 + … + x_k)`. The mean is the sum
/// divided by `n` (the correctly rounded quotient).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Sma, Indicator};
///
/// let mut sma = Sma::new(3)?;
/// let out = sma.batch(&[1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(out, [None, None, Some(2.0), Some(3.0)]);
/// assert_eq!(sma.to_string(), "SMA(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `SMA`; matches it at every index (see `tests/talib_parity.rs`).
#[doc(alias = "SMA")]
#[doc(alias = "MA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Sma<T: Real = f64> {
    sum: InPlaceSum<T>,
}

impl Sma {
    /// A simple moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Sma<T> {
    /// [`Sma::new`] in any precision `T` (`f32`, or generic code): `Sma::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(crate::error::check_period(
            "period", period,
        )?))
    }

    /// For periods known to be valid (constants); anything else is clamped into range.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            sum: InPlaceSum::with_valid_period(period),
        }
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.sum.period()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.sum.heap_bytes()
    }

    /// The values averaged, oldest first, each with a bound on its error (0 for the newest
    /// and for those pushed since the last block completed; the older ones are recovered
    /// from suffix sums): for composite indicators that validate a loaded state.
    #[cfg(feature = "serde")]
    pub(crate) fn window_values(&self) -> Vec<(T, T)> {
        self.sum.window_values()
    }

    /// The newest value averaged (`None` before the first): exact.
    #[cfg(feature = "serde")]
    pub(crate) fn newest(&self) -> Option<T> {
        self.sum.newest()
    }

    /// `true` when every value averaged may be positive: each above zero within the error
    /// of its recovery (see [`window_values`](Self::window_values)). For composites that
    /// average positive ratios and validate a loaded state.
    #[cfg(feature = "serde")]
    pub(crate) fn values_may_be_positive(&self) -> bool {
        self.window_values()
            .iter()
            .all(|&(value, error)| value + error > T::zero())
    }
}

impl<T: Real> Indicator for Sma<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.sum.push(x);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.sum
            .fills_with_next()
            .then(|| self.sum.peek_sum(x) / crate::float::from_usize(self.period()))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.sum
            .is_full()
            .then(|| self.sum.sum() / crate::float::from_usize(self.period()))
    }

    fn reset(&mut self) {
        self.sum.clear();
    }

    crate::slice::batch_by_slices!();

    /// The streaming loop with the window's counters held in registers: the same outputs
    /// bit for bit, faster than calling `update` in a loop.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        crate::slice::check_lengths("out", inputs.len(), out.len())?;
        self.sum.means_into(inputs, out);
        Ok(())
    }

    fn warmup_period(&self) -> usize {
        self.sum.period()
    }
}

impl<T: Real> fmt::Display for Sma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SMA({})", self.period())
    }
}
