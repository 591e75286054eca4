//! The contract under adversarial inputs and serde fuzz for the midpoints, bands, channels and
//! stops of issue 10 (MIDPOINT, MIDPRICE, DONCHIAN, ACCBANDS, KC, SAR, SAREXT, SUPERTREND).
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::statistics::{MidPoint, MidPrice};
use ta_stream::Indicator;

/// Within the usable range (a midpoint of inputs is between two inputs).
fn within<T: Into<f64> + Copy>(limit: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= limit
    }
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

adversarial_contract!(
    midpoint_f64,
    || MidPoint::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(MAX)
);
adversarial_contract!(
    midpoint_f32,
    || MidPoint::<f32>::new(4).unwrap(),
    adversarial_f32s(),
    within(MAX_F32)
);
serde_fuzz!(
    midpoint_serde_fuzz,
    || MidPoint::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(MAX)
);

adversarial_contract!(
    midprice_f64,
    || MidPrice::<f64>::new(3).unwrap(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    midprice_f32,
    || MidPrice::<f32>::new(2).unwrap(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
serde_fuzz!(
    midprice_serde_fuzz,
    || MidPrice::<f64>::new(3).unwrap(),
    adversarial_candles(),
    within(MAX)
);
