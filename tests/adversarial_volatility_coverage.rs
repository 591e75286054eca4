//! The contract under adversarial inputs and serde fuzz for the volatility functions of the
//! TA-Lib coverage (ADR, CVI, MASSI, RVI), in `f64` and `f32`.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::volatility::{AverageDayRange, ChaikinVolatility, MassIndex, RelativeVolatility};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

// ADR: a mean of ranges of usable prices, 0..=2·max.
adversarial_contract!(
    adr_f64,
    || AverageDayRange::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(0.0, 2.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    adr_f32,
    || AverageDayRange::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 2.0 * MAX_F32 * (1.0 + 1e-6))
);
serde_fuzz!(
    adr_serde_fuzz,
    || AverageDayRange::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(0.0, 2.0 * MAX * (1.0 + 1e-9))
);

// CVI: at least −100, saturating at the float's maximum.
adversarial_contract!(
    cvi_f64,
    || ChaikinVolatility::<f64>::new(2, 2).unwrap(),
    adversarial_candles(),
    between(-100.0, f64::MAX)
);
adversarial_contract!(
    cvi_f32,
    || ChaikinVolatility::<f32>::new_generic(3, 1).unwrap(),
    adversarial_candles_f32(),
    between(-100.0, f32::MAX as f64)
);
serde_fuzz!(
    cvi_serde_fuzz,
    || ChaikinVolatility::<f64>::new(2, 1).unwrap(),
    adversarial_candles(),
    between(-100.0, f64::MAX)
);

// MASSI(2, 3): each ratio within 0..=2 (the fast period), so the sum within 0..=6.
adversarial_contract!(
    massi_f64,
    || MassIndex::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    between(0.0, 6.0 * (1.0 + 1e-12))
);
adversarial_contract!(
    massi_f32,
    || MassIndex::<f32>::new_generic(2, 3).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 6.0 * (1.0 + 1e-6))
);
serde_fuzz!(
    massi_serde_fuzz,
    || MassIndex::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    between(0.0, 6.0 * (1.0 + 1e-12))
);

// RVI: 0..=100.
adversarial_contract!(
    rvi_f64,
    || RelativeVolatility::<f64>::new(2, 3).unwrap(),
    adversarial_f64s(),
    between(0.0, 100.0)
);
adversarial_contract!(
    rvi_f32,
    || RelativeVolatility::<f32>::new_generic(2, 2).unwrap(),
    adversarial_f32s(),
    between(0.0, 100.0)
);
serde_fuzz!(
    rvi_serde_fuzz,
    || RelativeVolatility::<f64>::new(3, 2).unwrap(),
    adversarial_f64s(),
    between(0.0, 100.0)
);
