//! The contract under adversarial inputs and serde fuzz for every price transform.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_candles, adversarial_candles_f32};
use proptest::prelude::*;
use ta_stream::price::TypicalPrice;
use ta_stream::Indicator;

/// A mean of usable numbers: finite and within the usable range, with room for rounding.
fn within<T: Into<f64> + Copy>(max: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= max * (1.0 + 1e-6)
    }
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

adversarial_contract!(
    typical_price_f64,
    || TypicalPrice::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    typical_price_f32,
    || TypicalPrice::<f32>::new(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
serde_fuzz!(
    typical_price_serde_fuzz,
    || TypicalPrice::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
