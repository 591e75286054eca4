use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// Triangular moving average: linear weights rising to the middle of the window and falling
/// again, so the middle of the last `n` inputs weighs most.
///
/// # Formula
///
/// The SMA of an SMA. With `a = ⌈n/2⌉` and `b = ⌊n/2⌋ + 1` (so `a + b − 1 = n`):
///
/// `TRIMA_t = SMA_b(SMA_a(x))_t`, which is `Σ wᵢ·x_{t−i} / Σ wᵢ` with weights `1, 2, …, a, …, 2, 1`
/// for odd `n` (`1, 2, 3, 2, 1` for `n = 5`) and `1, 2, …, n/2, n/2, …, 2, 1` for even `n`
/// (`1, 2, 2, 1` for `n = 4`). First output after `n` inputs.
///
/// Both sums are drift-free [`RollingSum`]s, so the average stays exact to a few roundings
/// after any number of updates.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 30; `n = 1` and `n = 2` give the input and
/// the mean of the last two).
///
/// # Example
///
/// ```
/// use ta_stream::{average::Trima, Indicator};
///
/// let mut trima = Trima::new(4)?; // weights 1, 2, 2, 1
/// let out = trima.batch(&[6.0, 0.0, 0.0, 0.0, 6.0]);
/// assert_eq!(out, [None, None, None, Some(1.0), Some(1.0)]);
/// assert_eq!(trima.to_string(), "TRIMA(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `TRIMA` (and `MA` with `matype` 5); matches it at every index.
#[doc(alias = "TRIMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TrimaState<T>")
)]
pub struct Trima<T: Real = f64> {
    period: usize,
    /// The last `a` inputs.
    inputs: RollingSum<T>,
    /// The last `b` means of `inputs`.
    means: RollingSum<T>,
}

impl Trima {
    /// A triangular moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Trima<T> {
    /// [`Trima::new`] in any precision `T` (`f32`, or generic code): `Trima::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        let (a, b) = Self::lengths(period);
        Ok(Self {
            period,
            inputs: RollingSum::new_generic(a)?,
            means: RollingSum::new_generic(b)?,
        })
    }

    /// The lengths of the two SMAs of a TRIMA over `n`.
    fn lengths(n: usize) -> (usize, usize) {
        (n.div_ceil(2), n / 2 + 1)
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    #[inline]
    fn mean(sum: &RollingSum<T>, total: T) -> T {
        total / from_usize::<T>(sum.period())
    }
}

impl<T: Real> Indicator for Trima<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.inputs.push_inlined(x);
        if self.inputs.is_full() {
            self.means
                .push_inlined(Self::mean(&self.inputs, self.inputs.sum()));
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let inputs_full = self.inputs.len() + 1 >= self.inputs.period();
        let means_full = self.means.len() + 1 >= self.means.period();
        (inputs_full && means_full).then(|| {
            let mean = Self::mean(&self.inputs, self.inputs.peek_sum(x));
            Self::mean(&self.means, self.means.peek_sum(mean))
        })
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.means
            .is_full()
            .then(|| Self::mean(&self.means, self.means.sum()))
    }

    fn reset(&mut self) {
        self.inputs.clear();
        self.means.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period
    }
}

impl<T: Real> fmt::Display for Trima<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TRIMA({})", self.period)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TrimaState<T: Real> {
    period: usize,
    inputs: RollingSum<T>,
    means: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<TrimaState<T>> for Trima<T> {
    type Error = Error;

    fn try_from(state: TrimaState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.period)?;
        if (state.inputs.period(), state.means.period()) != Self::lengths(period) {
            return Err(invalid_state(
                "TRIMA window lengths do not match its period",
            ));
        }
        if !state.means.is_empty() && !state.inputs.is_full() {
            return Err(invalid_state(
                "TRIMA has means before its first full window",
            ));
        }
        // The means are means of usable inputs: never beyond the largest usable input.
        if state.means.iter().any(|m| m.abs() > T::max_input()) {
            return Err(invalid_state("TRIMA mean beyond the usable input range"));
        }
        Ok(Self {
            period,
            inputs: state.inputs,
            means: state.means,
        })
    }
}
