use crate::Real;

use crate::float::two_sum;

/// A running sum that keeps the rounding error of every addition (Knuth's TwoSum), so the
/// total stays correct to about one rounding however long the stream and however large the
/// values that passed through it.
///
/// A plain `sum += x; sum -= old` loses the low bits of everything added while a huge value
/// was in the sum, and never gets them back; this one does.
///
/// ```
/// use ta_stream::window::CompensatedSum;
///
/// let mut plain = 1.0_f64;
/// let mut compensated = CompensatedSum::new().plus(1.0);
/// for _ in 0..10 {
///     plain += 1e16;
///     plain -= 1e16;
///     compensated = compensated.plus_difference(1e16, 1e16);
/// }
/// compensated = compensated.plus(1e16).plus(0.5).plus(-1e16);
/// assert_eq!(compensated.total(), 1.5);
/// assert_ne!(plain, 1.0); // the plain sum has drifted
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CompensatedSum<T> {
    sum: T,
    compensation: T,
}

impl CompensatedSum<f64> {
    /// The empty sum, zero.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> CompensatedSum<T> {
    /// [`CompensatedSum::new`] in any precision `T` (`f32`, or generic code): `CompensatedSum::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            sum: T::zero(),
            compensation: T::zero(),
        }
    }

    /// This sum plus `x`.
    #[inline]
    #[must_use]
    pub fn plus(self, x: T) -> Self {
        let (sum, error) = two_sum(self.sum, x);
        Self {
            sum,
            compensation: self.compensation + error,
        }
    }

    /// This sum plus `added` minus `removed`, with the subtraction itself also compensated.
    #[inline]
    #[must_use]
    pub fn plus_difference(self, added: T, removed: T) -> Self {
        let (difference, difference_error) = two_sum(added, -removed);
        let (sum, error) = two_sum(self.sum, difference);
        Self {
            sum,
            compensation: self.compensation + (difference_error + error),
        }
    }

    /// This sum minus another compensated sum, both of its parts (so nothing of `other`'s
    /// correction is lost to rounding).
    #[inline]
    #[must_use]
    pub fn minus(self, other: Self) -> Self {
        let (sum, error) = two_sum(self.sum, -other.sum);
        Self {
            sum,
            compensation: (self.compensation - other.compensation) + error,
        }
    }

    /// The total: the running sum corrected by the accumulated rounding errors.
    #[inline]
    pub fn total(self) -> T {
        self.sum + self.compensation
    }

    /// The running sum and the accumulated correction (to validate a deserialized state).
    #[cfg(feature = "serde")]
    pub(crate) fn parts(self) -> (T, T) {
        (self.sum, self.compensation)
    }

    /// `true` when both parts are finite (used to validate a deserialized state).
    pub fn is_finite(self) -> bool {
        self.sum.is_finite() && self.compensation.is_finite()
    }
}
