//! The contract under adversarial inputs and serde fuzz for the midpoints, bands, channels and
//! stops of issue 10 (MIDPOINT, MIDPRICE, DONCHIAN, ACCBANDS, KC, SAR, SAREXT, SUPERTREND).
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::statistics::{MidPoint, MidPrice};
use ta_stream::trend::{ParabolicSar, SarSettings, StopOutput, SuperTrend};
use ta_stream::volatility::{AccelerationBands, Bands, Donchian, Keltner};
use ta_stream::Indicator;

/// Within the usable range (a midpoint of inputs is between two inputs).
fn within<T: Into<f64> + Copy>(limit: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= limit
    }
}

/// Finite bands, every line within `limit`, `%B` within `percent_b` (and finite). The lines
/// are in order only for well-formed candles (`high ≥ low`), which adversarial ones are not
/// always: `tests/properties_bands.rs` checks the order on those.
fn bands_within<T: Into<f64> + Copy>(
    limit: f64,
    percent_b: (f64, f64),
) -> impl Fn(&Bands<T>) -> bool {
    move |b: &Bands<T>| {
        let [upper, middle, lower, pb, bandwidth] =
            [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth].map(Into::into);
        [upper, middle, lower]
            .iter()
            .all(|x| x.is_finite() && x.abs() <= limit)
            && pb.is_finite()
            && (percent_b.0..=percent_b.1).contains(&pb)
            && bandwidth.is_finite()
    }
}

/// Any finite %B (the close can leave these bands).
const ANY: (f64, f64) = (f64::MIN, f64::MAX);

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
    || MidPoint::<f32>::new_generic(4).unwrap(),
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
    || MidPrice::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    within(MAX_F32)
);
serde_fuzz!(
    midprice_serde_fuzz,
    || MidPrice::<f64>::new(3).unwrap(),
    adversarial_candles(),
    within(MAX)
);

// Donchian: %B within 0..=1 needs well-formed candles; the adversarial ones include others.
adversarial_contract!(
    donchian_f64,
    || Donchian::<f64>::new(3).unwrap(),
    adversarial_candles(),
    bands_within(MAX, ANY)
);
adversarial_contract!(
    donchian_f32,
    || Donchian::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    bands_within(MAX_F32, ANY)
);
serde_fuzz!(
    donchian_serde_fuzz,
    || Donchian::<f64>::new(3).unwrap(),
    adversarial_candles(),
    bands_within(MAX, ANY)
);
adversarial_contract!(
    acceleration_bands_f64,
    || AccelerationBands::<f64>::new(3).unwrap(),
    adversarial_candles(),
    |b: &Bands<f64>| [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth]
        .iter()
        .all(|x| x.is_finite())
        && [b.upper, b.middle, b.lower].iter().all(|x| x.abs() <= MAX)
);
adversarial_contract!(
    acceleration_bands_f32,
    || AccelerationBands::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    |b: &Bands<f32>| [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth]
        .iter()
        .all(|x| x.is_finite())
        && [b.upper, b.middle, b.lower].iter().all(|x| x.abs() <= 1e15)
);
serde_fuzz!(
    acceleration_bands_serde_fuzz,
    || AccelerationBands::<f64>::new(3).unwrap(),
    adversarial_candles(),
    |b: &Bands<f64>| [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth]
        .iter()
        .all(|x| x.is_finite())
);
// Keltner: an EMA within the inputs, ± 1000 ATRs of at most 2·MAX each.
adversarial_contract!(
    keltner_f64,
    || Keltner::<f64>::new(3, 2, 1000.0).unwrap(),
    adversarial_candles(),
    bands_within(1001.0 * 2.0 * MAX, ANY)
);
adversarial_contract!(
    keltner_f32,
    || Keltner::<f32>::tradingview(2, 3, 2.0).unwrap(),
    adversarial_candles_f32(),
    bands_within(3.0 * 2.0 * MAX_F32, ANY)
);
serde_fuzz!(
    keltner_serde_fuzz,
    || Keltner::<f64>::new(3, 2, 2.0).unwrap(),
    adversarial_candles(),
    bands_within(1001.0 * 2.0 * MAX, ANY)
);

/// A finite stop within `limit`.
fn stop_within<T: Into<f64> + Copy>(limit: f64) -> impl Fn(&StopOutput<T>) -> bool {
    move |o: &StopOutput<T>| {
        let stop: f64 = o.stop.into();
        stop.is_finite() && stop.abs() <= limit
    }
}

fn sar_extended() -> ParabolicSar<f64> {
    ParabolicSar::extended(SarSettings {
        offset_on_reverse: 1.0,
        acceleration_init_long: 1.0,
        acceleration_long: 0.5,
        acceleration_max_long: 1.0,
        ..SarSettings::default()
    })
    .unwrap()
}

adversarial_contract!(
    sar_f64,
    || ParabolicSar::<f64>::new(0.02, 0.2).unwrap(),
    adversarial_candles(),
    stop_within(MAX)
);
adversarial_contract!(
    sar_f32,
    || ParabolicSar::<f32>::new(0.5, 1.0).unwrap(),
    adversarial_candles_f32(),
    stop_within(MAX_F32)
);
// An offset of 1 doubles the SAR on a reversal: within 2·MAX.
adversarial_contract!(
    sarext_f64,
    sar_extended,
    adversarial_candles(),
    stop_within(2.0 * MAX)
);
serde_fuzz!(
    sar_serde_fuzz,
    sar_extended,
    adversarial_candles(),
    stop_within(2.0 * MAX)
);
// (high + low)/2 ± k·ATR, the ATR at most 2·MAX.
adversarial_contract!(
    supertrend_f64,
    || SuperTrend::<f64>::new(2, 1000.0).unwrap(),
    adversarial_candles(),
    stop_within(MAX + 1000.0 * 2.0 * MAX)
);
adversarial_contract!(
    supertrend_tradingview_f32,
    || SuperTrend::<f32>::tradingview(2, 3.0).unwrap(),
    adversarial_candles_f32(),
    stop_within(MAX_F32 + 3.0 * 2.0 * MAX_F32)
);
serde_fuzz!(
    supertrend_serde_fuzz,
    || SuperTrend::<f64>::new(3, 3.0).unwrap(),
    adversarial_candles(),
    // A loaded state may carry any valid multiplier (up to 1000), not only the 3 built here.
    stop_within(MAX + 1000.0 * 2.0 * MAX)
);
