//! The contract under adversarial inputs and serde fuzz for every moving average.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32s, adversarial_f64s};
use proptest::prelude::*;
use ta_stream::average::{Dema, Ema, Rma, Seed, Sma, Tema, Wma};
use ta_stream::Indicator;

/// An average of usable inputs stays within the usable range (its inputs' hull, with room for
/// rounding); DEMA and TEMA extrapolate, by at most 2× and 6× the largest input.
fn within<T: Into<f64> + Copy>(bound: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= bound
    }
}

const HULL: f64 = 1.000_000_1e150;
const HULL_F32: f64 = 1.000_001e15;

adversarial_contract!(sma_f64, || Sma::<f64>::new(3).unwrap(), adversarial_f64s(), within(HULL));
adversarial_contract!(sma_f32, || Sma::<f32>::new(4).unwrap(), adversarial_f32s(), within(HULL_F32));
adversarial_contract!(wma_f64, || Wma::<f64>::new(4).unwrap(), adversarial_f64s(), within(HULL));
adversarial_contract!(wma_f32, || Wma::<f32>::new(3).unwrap(), adversarial_f32s(), within(HULL_F32));
adversarial_contract!(ema_f64, || Ema::<f64>::new(3).unwrap(), adversarial_f64s(), within(HULL));
adversarial_contract!(
    ema_first_value_f32,
    || Ema::<f32>::with_seed(5, Seed::FirstValue).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(rma_f64, || Rma::<f64>::new(4).unwrap(), adversarial_f64s(), within(HULL));
adversarial_contract!(rma_f32, || Rma::<f32>::new(2).unwrap(), adversarial_f32s(), within(HULL_F32));
adversarial_contract!(dema_f64, || Dema::<f64>::new(3).unwrap(), adversarial_f64s(), within(3.0 * HULL));
adversarial_contract!(dema_f32, || Dema::<f32>::new(2).unwrap(), adversarial_f32s(), within(3.0 * HULL_F32));
adversarial_contract!(tema_f64, || Tema::<f64>::new(2).unwrap(), adversarial_f64s(), within(7.0 * HULL));
adversarial_contract!(tema_f32, || Tema::<f32>::new(3).unwrap(), adversarial_f32s(), within(7.0 * HULL_F32));

serde_fuzz!(sma_serde_fuzz, || Sma::<f64>::new(3).unwrap(), adversarial_f64s(), within(HULL));
serde_fuzz!(wma_serde_fuzz, || Wma::<f64>::new(4).unwrap(), adversarial_f64s(), within(HULL));
serde_fuzz!(ema_serde_fuzz, || Ema::<f64>::new(3).unwrap(), adversarial_f64s(), within(4.0 * HULL));
serde_fuzz!(rma_serde_fuzz, || Rma::<f64>::new(4).unwrap(), adversarial_f64s(), within(4.0 * HULL));
serde_fuzz!(dema_serde_fuzz, || Dema::<f64>::new(3).unwrap(), adversarial_f64s(), within(12.0 * HULL));
serde_fuzz!(tema_serde_fuzz, || Tema::<f64>::new(2).unwrap(), adversarial_f64s(), within(28.0 * HULL));
serde_fuzz!(wma_f32_serde_fuzz, || Wma::<f32>::new(3).unwrap(), adversarial_f32s(), within(HULL_F32));
