//! Small numeric helpers shared by every indicator.

use num_traits::Float;

/// `n` as a float. Exact for every period the crate accepts (at most 100000 < 2^24).
#[inline]
pub(crate) fn from_usize<T: Float>(n: usize) -> T {
    T::from(n).unwrap_or_else(T::infinity)
}

/// A small literal as a float (`0.5`, `100.0`): exact in both `f32` and `f64`.
#[inline]
pub(crate) fn lit<T: Float>(x: f64) -> T {
    T::from(x).unwrap_or_else(T::nan)
}

/// Knuth's TwoSum: `a + b` rounded, and the exact rounding error, so that
/// `sum + error == a + b` exactly. No branch, six additions.
#[inline]
pub(crate) fn two_sum<T: Float>(a: T, b: T) -> (T, T) {
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
