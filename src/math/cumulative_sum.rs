//! [`CumulativeSum`]: the sum of every input so far (TA-Lib `CUMSUM`).

use core::fmt;

#[cfg(feature = "serde")]
use crate::float::from_usize;
use crate::window::CompensatedSum;
use crate::{Indicator, Real};

/// The running total of every input so far: `S_t = Σ_{i≤t} x_i`.
///
/// Compensated (Neumaier): the rounding error of every addition is carried along, so the
/// total stays within a few units in the last place of the exact sum however long the
/// stream (a plain running sum, like TA-Lib's, loses about one rounding per input; over
/// ten million inputs that can be millions of ulps). O(1) per update, no warm-up.
///
/// # Example
///
/// ```
/// use ta_stream::math::CumulativeSum;
/// use ta_stream::Indicator;
///
/// let mut total = CumulativeSum::new();
/// // 0.1 ten times: a plain f64 running sum gives 0.9999999999999999
/// let last = (0..10).map(|_| total.update(0.1)).last().flatten();
/// assert_eq!(last, Some(1.0));
/// assert_eq!(total.to_string(), "CUMSUM");
/// # let _: CumulativeSum = total;
/// ```
#[doc(alias = "CUMSUM")]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CumulativeSumState<T>")
)]
pub struct CumulativeSum<T: Real = f64> {
    sum: CompensatedSum<T>,
    /// Inputs added since the start (or the last reset).
    count: u64,
}

impl CumulativeSum {
    /// A total of no inputs yet.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> CumulativeSum<T> {
    /// [`CumulativeSum::new`] in any precision `T` (`f32`, or generic code): `CumulativeSum::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            sum: CompensatedSum::new_generic(),
            count: 0,
        }
    }

    /// How many inputs the total holds.
    pub fn count(&self) -> u64 {
        self.count
    }
}

impl<T: Real> Indicator for CumulativeSum<T> {
    type Input = T;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if x.is_usable() {
            self.sum = self.sum.plus(x);
            self.count = self.count.saturating_add(1);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if x.is_usable() {
            Some(self.sum.plus(x).total())
        } else {
            self.value()
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        (self.count > 0).then(|| self.sum.total())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for CumulativeSum<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CUMSUM")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CumulativeSumState<T> {
    sum: CompensatedSum<T>,
    count: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CumulativeSumState<T>> for CumulativeSum<T> {
    type Error = crate::Error;

    /// A finite total, zero before the first input, and at most `count` usable inputs
    /// can make it (`|S| ≤ count · max`, within 8 roundings: the product `count · max` is
    /// rounded, and a state whose sum was off by an ulp when loaded stays off by that ulp
    /// after more inputs, when its checkpoint must load as well).
    fn try_from(state: CumulativeSumState<T>) -> Result<Self, crate::Error> {
        let total = state.sum.total();
        let count = usize::try_from(state.count).unwrap_or(usize::MAX);
        let slack = T::one() + crate::float::lit::<T>(8.0) * T::epsilon();
        let bound = from_usize::<T>(count) * T::max_input() * slack;
        let empty_is_zero = state.count > 0 || total == T::zero();
        if !state.sum.is_finite() || !total.is_finite() || total.abs() > bound || !empty_is_zero {
            return Err(crate::error::invalid_state(
                "a cumulative sum that is not finite, or beyond what its count of usable \
                 inputs can make",
            ));
        }
        Ok(Self {
            sum: state.sum,
            count: state.count,
        })
    }
}
