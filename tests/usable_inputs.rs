//! The input check `CheckedInput::is_usable` of `f64` and `f32` is exactly the documented
//! rule: `0`, or a magnitude in `Real::min_input()..=Real::max_input()` (never NaN or ±∞),
//! for any bits (every NaN payload, subnormals, both signs) and at every boundary.

use proptest::prelude::*;
use ta_stream::{CheckedInput, Real};

/// The documented rule, written out here.
fn documented<T: Real>(x: T) -> bool {
    x == T::zero() || (x.abs() >= T::min_input() && x.abs() <= T::max_input())
}

/// The numbers at and around every boundary of the rule, both signs.
fn edges_f64() -> Vec<f64> {
    let around = |x: f64| {
        [
            f64::from_bits(x.to_bits() - 1),
            x,
            f64::from_bits(x.to_bits() + 1),
        ]
    };
    let mut values = vec![
        0.0,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
        1.0,
        100.0,
    ];
    values.extend(around(f64::min_input()));
    values.extend(around(f64::max_input()));
    values.push(f64::from_bits(f64::INFINITY.to_bits() + 1)); // a NaN just above ∞
    values.push(f64::from_bits(u64::MAX)); // a negative NaN with every payload bit
    let negated: Vec<f64> = values.iter().map(|x| -x).collect();
    values.extend(negated);
    values
}

fn edges_f32() -> Vec<f32> {
    let around = |x: f32| {
        [
            f32::from_bits(x.to_bits() - 1),
            x,
            f32::from_bits(x.to_bits() + 1),
        ]
    };
    let mut values = vec![
        0.0,
        f32::MIN_POSITIVE,
        1e-45,
        f32::MAX,
        f32::INFINITY,
        f32::NAN,
        1.0,
    ];
    values.extend(around(f32::min_input()));
    values.extend(around(f32::max_input()));
    values.push(f32::from_bits(f32::INFINITY.to_bits() + 1));
    values.push(f32::from_bits(u32::MAX));
    let negated: Vec<f32> = values.iter().map(|x| -x).collect();
    values.extend(negated);
    values
}

#[test]
fn the_check_is_the_documented_rule_at_every_boundary() {
    for x in edges_f64() {
        assert_eq!(
            x.is_usable(),
            documented(x),
            "f64 {x:e} (bits {:#x})",
            x.to_bits()
        );
    }
    for x in edges_f32() {
        assert_eq!(
            x.is_usable(),
            documented(x),
            "f32 {x:e} (bits {:#x})",
            x.to_bits()
        );
    }
    // The boundaries themselves are in, their outer neighbours out.
    assert!(f64::max_input().is_usable() && f64::min_input().is_usable() && (-0.0_f64).is_usable());
    assert!(!f64::from_bits(f64::max_input().to_bits() + 1).is_usable());
    assert!(!f64::from_bits(f64::min_input().to_bits() - 1).is_usable());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn the_check_is_the_documented_rule_for_any_bits(bits in any::<u64>(), small in any::<u32>()) {
        let x = f64::from_bits(bits);
        prop_assert_eq!(x.is_usable(), documented(x));
        let y = f32::from_bits(small);
        prop_assert_eq!(y.is_usable(), documented(y));
    }

    /// Any bits concentrate on huge and tiny exponents; these are around the prices.
    #[test]
    fn the_check_is_the_documented_rule_for_ordinary_numbers(x in -1e160..1e160_f64, e in -170..170i32) {
        let y = x * 10f64.powi(e).min(f64::MAX);
        prop_assert_eq!(y.is_usable(), documented(y));
        prop_assert_eq!((y as f32).is_usable(), documented(y as f32));
    }
}
