//! The float types the crate computes with, and small numeric helpers.

use core::fmt::Debug;

use num_traits::Float;

use crate::CheckedInput;

/// The float types indicators are generic over: `f64` (the default everywhere) and `f32`.
///
/// A [`num_traits::Float`] that is also `Debug` and `'static`; implemented for `f32` and `f64`.
/// Indicators accept an input only when it is finite and no larger in magnitude than
/// [`Real::max_input`] (the square root of the largest float), so that sums over 100000
/// values, products and squares stay finite and no input can poison a state.
pub trait Real: Float + Debug + Default + CheckedInput + 'static {
    /// The largest input magnitude accepted: `sqrt(MAX)`, about 1.3e154 for `f64` and
    /// 1.8e19 for `f32`.
    fn max_input() -> Self;
}

impl Real for f64 {
    #[inline]
    fn max_input() -> Self {
        1.3407807929942596e154 // sqrt(f64::MAX)
    }
}

impl Real for f32 {
    #[inline]
    fn max_input() -> Self {
        1.844_674_4e19 // sqrt(f32::MAX)
    }
}

/// `n` as a float. Exact for every period the crate accepts (at most 100000 < 2^24).
#[inline]
pub(crate) fn from_usize<T: Real>(n: usize) -> T {
    T::from(n).unwrap_or_else(T::infinity)
}

/// A small literal as a float (`0.5`, `100.0`): exact in both `f32` and `f64`.
#[inline]
pub(crate) fn lit<T: Real>(x: f64) -> T {
    T::from(x).unwrap_or_else(T::nan)
}

/// Knuth's TwoSum: `a + b` rounded, and the exact rounding error, so that
/// `sum + error == a + b` exactly. No branch, six additions.
#[inline]
pub(crate) fn two_sum<T: Real>(a: T, b: T) -> (T, T) {
    let sum = a + b;
    let b_virtual = sum - a;
    let a_virtual = sum - b_virtual;
    let error = (a - a_virtual) + (b - b_virtual);
    (sum, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sum_recovers_the_bits_lost_to_rounding() {
        let (sum, error) = two_sum(1e16_f64, 1.0);
        assert_eq!(sum, 1e16);
        assert_eq!(error, 1.0);
        let (sum, error) = two_sum(0.1_f64, 0.2);
        assert_eq!(sum, 0.30000000000000004);
        assert_eq!(error, -2.7755575615628914e-17);
    }
}
