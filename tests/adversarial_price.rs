//! The contract under adversarial inputs and serde fuzz for every price transform.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::price::{
    AverageDeviation, AveragePrice, HeikinAshi, MedianPrice, TypicalPrice, WeightedClose,
};
use ta_stream::Indicator;

/// A mean of usable numbers: finite and within the usable range, with room for rounding.
fn within<T: Into<f64> + Copy>(max: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= max * (1.0 + 1e-6)
    }
}

/// A Heikin-Ashi candle: every price within the usable range, ordered.
fn heikin_ashi_ok<T: Into<f64> + Copy>(max: f64) -> impl Fn(&Candle<T>) -> bool {
    move |c: &Candle<T>| {
        let [open, high, low, close] = [c.open, c.high, c.low, c.close].map(Into::into);
        [open, high, low, close]
            .iter()
            .all(|x| x.is_finite() && x.abs() <= max * (1.0 + 1e-6))
            && low <= open.min(close)
            && open.max(close) <= high
    }
}

/// A mean absolute deviation: at most half the range of usable inputs.
fn deviation_ok<T: Into<f64> + Copy>(max: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (0.0..=max * (1.0 + 1e-6)).contains(&x)
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
    || TypicalPrice::<f32>::new_generic(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
serde_fuzz!(
    typical_price_serde_fuzz,
    || TypicalPrice::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);

adversarial_contract!(
    average_price_f64,
    || AveragePrice::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    median_price_f32,
    || MedianPrice::<f32>::new_generic(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
adversarial_contract!(
    median_price_f64,
    || MedianPrice::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    weighted_close_f64,
    || WeightedClose::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    weighted_close_f32,
    || WeightedClose::<f32>::new_generic(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
serde_fuzz!(
    weighted_close_serde_fuzz,
    || WeightedClose::<f64>::new(),
    adversarial_candles(),
    within(MAX)
);
adversarial_contract!(
    heikin_ashi_f64,
    || HeikinAshi::<f64>::new(),
    adversarial_candles(),
    heikin_ashi_ok(MAX)
);
adversarial_contract!(
    heikin_ashi_f32,
    || HeikinAshi::<f32>::new_generic(),
    adversarial_candles_f32(),
    heikin_ashi_ok(MAX_F32)
);
serde_fuzz!(
    heikin_ashi_serde_fuzz,
    || HeikinAshi::<f64>::new(),
    adversarial_candles(),
    heikin_ashi_ok(MAX)
);
adversarial_contract!(
    average_deviation_f64,
    || AverageDeviation::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    deviation_ok(MAX)
);
adversarial_contract!(
    average_deviation_f32,
    || AverageDeviation::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    deviation_ok(MAX_F32)
);
serde_fuzz!(
    average_deviation_serde_fuzz,
    || AverageDeviation::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    deviation_ok(MAX)
);
