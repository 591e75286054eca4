use core::fmt;

use crate::error::check_period;
use crate::float::from_usize;
use crate::window::RollingWeightedSum;
use crate::{Error, Indicator, Real};

/// Linearly weighted moving average: the newest input weighs `n`, the oldest `1`.
///
/// # Formula
///
/// `WMA_t = (n·x_t + (n−1)·x_{t−1} + … + 1·x_{t−n+1}) / (n(n+1)/2)`, first output after `n`
/// inputs.
///
/// Updated in O(1) without drift, in one array of `n` values: every `n` updates the window
/// is one block `v_0 … v_{n−1}`, whose values are replaced in place by their weighted
/// suffix sums `U[i] = Σ_{j≥i} (j−i+1)·v_j`; in between, with `k` values pushed since (plain
/// sum `R`, weighted `RW`, overwriting the slots whose `U` is no longer read),
///
/// `n(n+1)/2 · WMA = U[k] + RW + (n−k)·R`.
///
/// Every term holds only values still in the window, so nothing that left it (a spike of
/// 1e15 included) leaves a trace.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Wma, Indicator};
///
/// let mut wma = Wma::new(3)?;
/// // (1·1 + 2·2 + 3·3) / 6
/// assert_eq!(wma.batch(&[1.0, 2.0, 3.0]), [None, None, Some(14.0 / 6.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `WMA`; matches it at every index.
#[doc(alias = "WMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "WmaState<T>")
)]
pub struct Wma<T: Real = f64> {
    /// The window's weighted sum `Σ (i+1)·x_i` (newest weight `n`).
    sums: RollingWeightedSum<T>,
}

impl Wma {
    /// A weighted moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Wma<T> {
    /// [`Wma::new`] in any precision `T` (`f32`, or generic code): `Wma::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("period", period)?))
    }

    /// For a period known to be in `1..=100000`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            sums: RollingWeightedSum::with_valid_period(period),
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.sums.period()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.sums.heap_bytes()
    }

    /// `n(n+1)/2`: a conversion and two operations per output rather than a field, so that
    /// a WMA(200) costs what its 200 values do plus 56 bytes.
    #[inline]
    fn divisor(&self) -> T {
        let n: T = from_usize(self.period());
        n * (n + T::one()) / (T::one() + T::one())
    }

    /// Updates with a value computed from usable inputs (inside a HMA: `2·WMA − WMA`, which
    /// may exceed `max_input` or fall below `min_input`): no usability check.
    #[inline(always)]
    pub(crate) fn feed(&mut self, x: T) -> Option<T> {
        self.sums.push(x);
        self.value()
    }

    /// `true` before the first value.
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        self.sums.is_empty()
    }

    /// What [`feed`](Self::feed) would return, without committing.
    #[inline]
    pub(crate) fn peek_fed(&self, x: T) -> Option<T> {
        // A division, not a product with `1/divisor`: the average is the correctly rounded
        // quotient (e.g. exactly 14/6 for 1, 2, 3), as TA-Lib's.
        self.sums
            .fills_with_next()
            .then(|| self.sums.peek_weighted(x) / self.divisor())
    }
}

impl<T: Real> Indicator for Wma<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.feed(x)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.peek_fed(x)
    }

    crate::slice::batch_by_slices!();

    /// The steady state a block at a time, in chunks of usable inputs that end where the
    /// window's blocks do (the window's counters in registers, the weights counted, not
    /// converted, the divisor computed once, and a whole block's sums added side by side
    /// with the suffix sums that replace it): the same outputs and state as `update`, bit
    /// for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        let divisor = self.divisor();
        let chunk = crate::slice::block_chunk(self.period());
        crate::slice::value_chunks_of(chunk, self, inputs, out, |wma, inputs, out| {
            let full = wma.sums.is_full();
            if full {
                wma.sums.push_usable_quotients(inputs, out, divisor);
            }
            full
        })
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.sums
            .is_full()
            .then(|| self.sums.weighted() / self.divisor())
    }

    fn reset(&mut self) {
        self.sums.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Wma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WmaState<T: Real> {
    sums: crate::window::RollingWeightedSumState<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<WmaState<T>> for Wma<T> {
    type Error = Error;

    /// The window holds usable inputs; its weighted sums are checked against them.
    fn try_from(state: WmaState<T>) -> Result<Self, Error> {
        Self::load(state, None)
    }
}

#[cfg(feature = "serde")]
impl<T: Real> Wma<T> {
    /// Loads a saved state whose window holds usable inputs (`fed_limit` `None`), or, for a
    /// WMA updated through [`feed`](Self::feed), finite values of magnitude at most
    /// `fed_limit`.
    pub(crate) fn load(state: WmaState<T>, fed_limit: Option<T>) -> Result<Self, Error> {
        let sums = match fed_limit {
            None => {
                RollingWeightedSum::load(state.sums, |x: T| x.is_usable(), T::max_input(), "WMA")
            }
            Some(limit) => RollingWeightedSum::load(
                state.sums,
                |x: T| x.is_finite() && x.abs() <= limit,
                limit,
                "WMA",
            ),
        }?;
        Ok(Self { sums })
    }
}
