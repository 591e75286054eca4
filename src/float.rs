//! The float types the crate computes with, and small numeric helpers.

use core::fmt::Debug;

use num_traits::Float;

use crate::CheckedInput;

/// The float types indicators are generic over: `f64` (the default everywhere) and `f32`.
///
/// A [`num_traits::Float`] that is also `Debug` and `'static`; implemented for `f32` and `f64`.
///
/// # The usable input range
///
/// Indicators accept a number only when it is `0` or its magnitude lies in
/// [`min_input`](Real::min_input)`..=`[`max_input`](Real::max_input): `1e-150..=1e150` for
/// `f64`, `1e-15..=1e15` for `f32`. Prices above 1e150 or below 1e-150 are not prices; inside
/// the range, sums of 100000 squares, products of two inputs and ratios of one input to
/// another all stay finite and normal, so no accepted input can poison a state or make an
/// output non-finite. A NaN, an infinity or a magnitude outside the range is refused (see
/// [`Indicator`](crate::Indicator)).
pub trait Real: Float + Debug + Default + CheckedInput + 'static {
    /// The largest input magnitude accepted: `1e150` for `f64`, `1e15` for `f32`.
    fn max_input() -> Self;
    /// The smallest non-zero input magnitude accepted: `1e-150` for `f64`, `1e-15` for
    /// `f32`. Zero itself is accepted.
    fn min_input() -> Self;
}

impl Real for f64 {
    #[inline]
    fn max_input() -> Self {
        1e150
    }
    #[inline]
    fn min_input() -> Self {
        1e-150
    }
}

impl Real for f32 {
    #[inline]
    fn max_input() -> Self {
        1e15
    }
    #[inline]
    fn min_input() -> Self {
        1e-15
    }
}

/// `true` when `x` is `0` or its magnitude is in `min..=max` (so never NaN or ±∞): the
/// definition of a usable number, which the tests hold `is_usable`'s bit tests to.
#[cfg(test)]
pub(crate) fn in_input_range<T: Float>(x: T, min: T, max: T) -> bool {
    let magnitude = x.abs();
    magnitude <= max && (magnitude >= min || magnitude == T::zero())
}

/// `true` when every one of `values` is usable (`0`, or a magnitude in
/// `T::min_input()..=T::max_input()`), checked without a branch: the same three comparisons
/// on each value, combined with `&`, which on x86-64 the compiler runs two values at a time
/// in SSE2 registers (a candle's five numbers, a pair's two).
#[inline]
pub(crate) fn all_usable<T: Real, const N: usize>(values: [T; N]) -> bool {
    let (min, max) = (T::min_input(), T::max_input());
    values.iter().fold(true, |usable, x| {
        let magnitude = x.abs();
        usable & (magnitude <= max) & ((magnitude >= min) | (magnitude == T::zero()))
    })
}

/// The larger of `a` and `b`, neither NaN (`b` on a tie): one comparison and one select,
/// where `max`'s NaN handling takes six instructions on x86-64.
#[inline]
pub(crate) fn larger<T: Real>(a: T, b: T) -> T {
    if a > b {
        a
    } else {
        b
    }
}

/// `x` clamped to `low..=high` (`low <= high`) by comparisons: `x.max(low).min(high)`, NaN
/// included (it gives `low`), but for the sign of a zero on a tie, without the NaN handling
/// of `max` and `min`.
#[inline]
pub(crate) fn clamp<T: Real>(x: T, low: T, high: T) -> T {
    let at_least_low = larger(x, low);
    if at_least_low < high {
        at_least_low
    } else {
        high
    }
}

/// `n` as a float. Exact for every period the crate accepts (at most 100000 < 2^24).
///
/// Through `i64`: x86-64 converts a signed integer in one instruction, an unsigned 64-bit
/// one in a sequence of five, and a branch to the exact unsigned conversion above `i64::MAX`
/// is merged back into that sequence by the compiler. So a count above `i64::MAX` (never
/// reached: the crate's counts are periods and numbers of updates) reads as `i64::MAX`.
#[inline]
pub(crate) fn from_usize<T: Real>(n: usize) -> T {
    let signed = i64::try_from(n).unwrap_or(i64::MAX);
    T::from(signed).unwrap_or_else(T::infinity)
}

/// How far a stored sum of values of total magnitude `magnitude` (`Σ|x|`, or `Σ w·|x|` for
/// a weighted sum) may sit from a recomputation, each carrying at most `period` roundings:
/// `4·(period + 1)·ε·magnitude`, the slack with which a loaded state's sums are checked
/// against its window (a lossy format may move a float by an ulp, and the two summation
/// orders differ).
#[cfg(feature = "serde")]
#[inline]
pub(crate) fn sum_rounding<T: Real>(magnitude: T, period: usize) -> T {
    magnitude * T::epsilon() * lit::<T>(4.0) * from_usize::<T>(period + 1)
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
    fn from_usize_is_the_rounded_conversion_up_to_i64_max() {
        let big = i64::MAX as usize;
        let counts = [
            0,
            1,
            2,
            100_000,
            (1 << 24) + 1,
            (1 << 53) + 1,
            u32::MAX as usize + 1,
            big - 1,
            big,
        ];
        for n in counts {
            assert_eq!(from_usize::<f64>(n).to_bits(), (n as f64).to_bits(), "{n}");
            assert_eq!(from_usize::<f32>(n).to_bits(), (n as f32).to_bits(), "{n}");
        }
        // Above it, saturated (never reached by a count).
        for n in [big + 1, usize::MAX] {
            assert_eq!(from_usize::<f64>(n), i64::MAX as f64, "{n}");
            assert_eq!(from_usize::<f32>(n), i64::MAX as f32, "{n}");
        }
    }

    #[test]
    fn the_bit_tests_of_a_usable_number_are_the_range_test() {
        use crate::CheckedInput;
        let (least, most) = (1e-150_f64, 1e150_f64);
        let mut values = vec![
            0.0,
            f64::MIN_POSITIVE,
            5e-324,
            least,
            least.next_down(),
            least.next_up(),
            most,
            most.next_down(),
            most.next_up(),
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(u64::MAX),
            100.0,
        ];
        // And a spread of bit patterns: every exponent, a few mantissas.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            values.push(f64::from_bits(state));
        }
        for x in values.iter().flat_map(|&x| [x, -x]) {
            assert_eq!(x.is_usable(), in_input_range(x, least, most), "{x:e}");
        }
        assert!(0.0_f64.is_usable() && (-0.0_f64).is_usable() && least.is_usable());
        assert!(!least.next_down().is_usable() && !most.next_up().is_usable());
        // `f32`'s, over every 997th bit pattern with the sign clear, the bounds, and their
        // neighbours (both signs).
        let (least, most) = (1e-15_f32, 1e15_f32);
        for bits in (0..=u32::MAX >> 1)
            .step_by(997)
            .chain([0, least.to_bits(), most.to_bits()])
        {
            let x = f32::from_bits(bits);
            for x in [x, -x, x.next_down(), x.next_up()] {
                assert_eq!(x.is_usable(), in_input_range(x, least, most), "{x:e}");
            }
        }
    }

    #[test]
    fn clamp_and_larger_are_max_and_min_without_their_nan_handling() {
        let values = [
            f64::NAN,
            f64::NEG_INFINITY,
            -1e300,
            -100.0,
            -100.5,
            -99.5,
            -1.0,
            -5e-324,
            0.0,
            5e-324,
            0.5,
            99.9,
            100.0,
            100.1,
            1e300,
            f64::INFINITY,
        ];
        for &x in &values {
            for (low, high) in [(0.0, 100.0), (-100.0, 0.0), (-1.0, 1.0), (3.0, 3.0)] {
                let expected = x.max(low).min(high);
                assert_eq!(
                    clamp(x, low, high).to_bits(),
                    expected.to_bits(),
                    "{x} in {low}..={high}"
                );
            }
            for &y in &values {
                if !x.is_nan() && !y.is_nan() && x != y {
                    assert_eq!(larger(x, y), x.max(y), "{x}, {y}");
                }
            }
        }
        // A tie gives the second number.
        assert_eq!(larger(-0.0_f64, 0.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(larger(0.0_f64, -0.0).to_bits(), (-0.0_f64).to_bits());
    }

    #[test]
    fn two_sum_recovers_the_bits_lost_to_rounding() {
        let (sum, error) = two_sum(1e16_f64, 1.0);
        assert_eq!(sum, 1e16);
        assert_eq!(error, 1.0);
        let (sum, error) = two_sum(0.1_f64, 0.2);
        assert_eq!(sum, 0.30000000000000004);
        assert_eq!(error, -2.7755575615628914e-17);
    }

    /// The branch-free check of several numbers agrees with the scalar one on each, for
    /// every edge of the usable range in every position (a candle's five, a pair's two),
    /// in both precisions.
    #[test]
    fn all_usable_is_every_number_in_the_input_range() {
        fn check<T: Real>() {
            let scalar = |x: T| in_input_range(x, T::min_input(), T::max_input());
            let (one, epsilon) = (T::one(), T::epsilon());
            let around = |x: T| [x, -x, x * (one + epsilon), x * (one - epsilon)];
            let mut edges = vec![T::zero(), -T::zero(), T::nan(), T::infinity()];
            edges.extend([-T::infinity(), T::max_value(), one, lit(-42.5)]);
            edges.extend(around(T::max_input()));
            edges.extend(around(T::min_input()));
            // The smallest normal and the smallest subnormal.
            edges.extend([T::min_positive_value(), T::min_positive_value() * epsilon]);
            for edge in edges {
                for position in 0..5 {
                    let mut values = [one; 5];
                    if let Some(value) = values.get_mut(position) {
                        *value = edge;
                    }
                    assert_eq!(all_usable(values), scalar(edge), "{edge:?} at {position}");
                }
                assert_eq!(all_usable([edge, one]), scalar(edge), "{edge:?} first");
                assert_eq!(all_usable([one, edge]), scalar(edge), "{edge:?} second");
                assert_eq!(all_usable([edge]), scalar(edge), "{edge:?} alone");
            }
        }
        check::<f64>();
        check::<f32>();
        assert_eq!(f64::MIN_POSITIVE * f64::EPSILON, 5e-324);
        assert_eq!(f32::MIN_POSITIVE * f32::EPSILON, 1e-45);
        // The scalar check itself at the edges.
        assert!(in_input_range(1e150, 1e-150, 1e150) && in_input_range(-1e-150, 1e-150, 1e150));
        assert!(!in_input_range(1e150 * (1.0 + f64::EPSILON), 1e-150, 1e150));
        assert!(!in_input_range(
            1e-150 * (1.0 - f64::EPSILON),
            1e-150,
            1e150
        ));
    }
}
