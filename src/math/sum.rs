//! [`Sum`]: the rolling sum of the last `n` inputs (TA-Lib `SUM`).

use core::fmt;

use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// The sum of the last `n` inputs: `Σ_{i<n} x_{t−i}`.
///
/// Drift-free: the window is summed in blocks and nothing is ever subtracted (see
/// [`RollingSum`]), so a huge value leaves no trace once it is out of the window, unlike an
/// add-and-subtract running sum such as TA-Lib's (the two agree to about 1e-15 relative on
/// ordinary prices). O(1) per update.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, TA-Lib's default 30. First output
/// after `n` inputs.
///
/// # Example
///
/// ```
/// use ta_stream::math::Sum;
/// use ta_stream::Indicator;
///
/// let mut sum = Sum::new(3)?;
/// assert_eq!(sum.batch(&[1.0, 2.0, 3.0, 4.0]), [None, None, Some(6.0), Some(9.0)]);
/// assert_eq!(sum.to_string(), "SUM(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "SUM")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Sum<T: Real = f64> {
    sum: RollingSum<T>,
}

impl Sum {
    /// The sum of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Sum<T> {
    /// [`Sum::new`] in any precision `T` (`f32`, or generic code): `Sum::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            sum: RollingSum::new_generic(period)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.sum.period()
    }
}

impl<T: Real> Default for Sum<T> {
    /// SUM(30), TA-Lib's default.
    fn default() -> Self {
        Self {
            sum: RollingSum::with_valid_period(30),
        }
    }
}

impl<T: Real> Indicator for Sum<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if x.is_usable() {
            self.sum.push_inlined(x);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        (self.sum.len() + 1 >= self.sum.period()).then(|| self.sum.peek_sum(x))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.sum.is_full().then(|| self.sum.sum())
    }

    fn reset(&mut self) {
        self.sum.clear();
    }

    fn warmup_period(&self) -> usize {
        self.sum.period()
    }
}

impl<T: Real> fmt::Display for Sum<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SUM({})", self.period())
    }
}
