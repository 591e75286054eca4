//! The contract under adversarial inputs and serde fuzz for the math operators and
//! transforms, in `f64` and `f32`: outputs always finite and within what usable inputs can
//! give, peek equal to update, refused inputs leaving the state untouched, every checkpoint
//! loading back, and no mutated state loading into one that breaks these.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32s, adversarial_f64s};
use proptest::prelude::*;
use ta_stream::math::{
    Arithmetic, CumulativeSum, MathFunction, MathTransform, MaxIndex, MinIndex, MinMax,
    MinMaxIndex, MinMaxIndexOutput, MinMaxOutput, Operator, Sum,
};
use ta_stream::Indicator;

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

fn within(bound: f64) -> impl Fn(&f64) -> bool {
    move |x: &f64| x.is_finite() && x.abs() <= bound
}

fn within_f32(bound: f64) -> impl Fn(&f32) -> bool {
    move |x: &f32| x.is_finite() && f64::from(*x).abs() <= bound
}

fn ordered(out: &MinMaxOutput<f64>) -> bool {
    out.min.is_finite() && out.max.is_finite() && out.min <= out.max && out.max.abs() <= MAX
}

/// An index never points past the inputs seen (a stream of at most 80 here).
fn plausible(index: &u64) -> bool {
    *index < 80
}

fn plausible_pair(out: &MinMaxIndexOutput) -> bool {
    plausible(&out.min) && plausible(&out.max)
}

fn adversarial_pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    (adversarial_f64s(), adversarial_f64s()).prop_map(|(a, b)| a.into_iter().zip(b).collect())
}

// SUM(3): at most 3 usable inputs.
adversarial_contract!(
    sum_f64,
    || Sum::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(3.0 * MAX * (1.0 + 1e-12))
);
adversarial_contract!(
    sum_f32,
    || Sum::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    within_f32(2.0 * MAX_F32 * (1.0 + 1e-5))
);
serde_fuzz!(
    sum_serde_fuzz,
    || Sum::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(3.0 * MAX * (1.0 + 1e-12))
);

// CUMSUM over at most 80 inputs.
adversarial_contract!(
    cumsum_f64,
    CumulativeSum::<f64>::new,
    adversarial_f64s(),
    within(80.0 * MAX)
);
adversarial_contract!(
    cumsum_f32,
    CumulativeSum::<f32>::new_generic,
    adversarial_f32s(),
    within_f32(80.0 * MAX_F32)
);
// A loaded count may be large: the bound is count × max, finite in any case.
serde_fuzz!(
    cumsum_serde_fuzz,
    CumulativeSum::<f64>::new,
    adversarial_f64s(),
    |x: &f64| x.is_finite()
);

adversarial_contract!(
    minmax_f64,
    || MinMax::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    ordered
);
serde_fuzz!(
    minmax_serde_fuzz,
    || MinMax::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    ordered
);

adversarial_contract!(
    maxindex_f64,
    || MaxIndex::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    plausible
);
adversarial_contract!(
    minindex_f32,
    || MinIndex::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    plausible
);
// A loaded state may carry any count: an index is then only bounded by it.
serde_fuzz!(
    maxindex_serde_fuzz,
    || MaxIndex::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    |_: &u64| true
);
adversarial_contract!(
    minmaxindex_f64,
    || MinMaxIndex::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    plausible_pair
);
serde_fuzz!(
    minmaxindex_serde_fuzz,
    || MinMaxIndex::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    |_: &MinMaxIndexOutput| true
);

// The transforms: finite, whatever the function (EXP, COSH, SINH overflow to no value).
adversarial_contract!(
    exp_f64,
    || MathTransform::<f64>::new(MathFunction::Exp),
    adversarial_f64s(),
    within(f64::MAX)
);
adversarial_contract!(
    sinh_f32,
    || MathTransform::<f32>::new_generic(MathFunction::Sinh),
    adversarial_f32s(),
    within_f32(f64::from(f32::MAX))
);
adversarial_contract!(
    acos_f64,
    || MathTransform::<f64>::new(MathFunction::Acos),
    adversarial_f64s(),
    within(std::f64::consts::PI)
);
adversarial_contract!(
    ln_f64,
    || MathTransform::<f64>::new(MathFunction::Ln),
    adversarial_f64s(),
    within(400.0)
);
serde_fuzz!(
    tan_serde_fuzz,
    || MathTransform::<f64>::new(MathFunction::Tan),
    adversarial_f64s(),
    within(f64::MAX)
);
serde_fuzz!(
    sqrt_serde_fuzz,
    || MathTransform::<f64>::new(MathFunction::Sqrt),
    adversarial_f64s(),
    within(1e75 * (1.0 + 1e-12))
);

// The operators: within max², max/min.
adversarial_contract!(
    mult_f64,
    || Arithmetic::<f64>::new(Operator::Mult),
    adversarial_pairs(),
    within(MAX * MAX)
);
adversarial_contract!(
    div_f64,
    || Arithmetic::<f64>::new(Operator::Div),
    adversarial_pairs(),
    within(MAX / 1e-150)
);
serde_fuzz!(
    add_serde_fuzz,
    || Arithmetic::<f64>::new(Operator::Add),
    adversarial_pairs(),
    within(2.0 * MAX)
);
serde_fuzz!(
    div_serde_fuzz,
    || Arithmetic::<f64>::new(Operator::Div),
    adversarial_pairs(),
    within(MAX / 1e-150)
);
