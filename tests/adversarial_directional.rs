//! The contract under adversarial inputs and serde fuzz for the directional movement family
//! and VORTEX, in `f64` and `f32`, with the bounds the docs promise.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_candles, adversarial_candles_f32};
use proptest::prelude::*;
use ta_stream::momentum::{
    Adx, Adxr, Directional, DirectionalOutput, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex,
    VortexOutput,
};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

/// A Wilder sum of moves of usable prices over `n`: `0..=n · 2 · max_input`.
fn dm_bound(n: f64, max: f64) -> f64 {
    n * 2.0 * max * (1.0 + 1e-6)
}

fn directional_ok(out: &DirectionalOutput) -> bool {
    let percent = between::<f64>(0.0, 100.0);
    let sum = between::<f64>(0.0, dm_bound(3.0, 1e150));
    sum(&out.plus_dm)
        && sum(&out.minus_dm)
        && percent(&out.plus_di)
        && percent(&out.minus_di)
        && percent(&out.dx)
        && out.adx.is_none_or(|v| percent(&v))
        && out.adxr.is_none_or(|v| percent(&v))
}

fn vortex_ok<T: Into<f64> + Copy>(out: &VortexOutput<T>) -> bool {
    let line = between::<T>(0.0, f64::MAX);
    line(&out.plus) && line(&out.minus)
}

// ±DM: sums of moves.
adversarial_contract!(
    plus_dm_f64,
    || PlusDm::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(0.0, dm_bound(3.0, 1e150))
);
adversarial_contract!(
    minus_dm_f32,
    || MinusDm::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(0.0, dm_bound(2.0, 1e15))
);
serde_fuzz!(
    minus_dm_serde_fuzz,
    || MinusDm::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(0.0, dm_bound(3.0, 1e150))
);

// ±DI: percentages (fractions at period 1).
adversarial_contract!(
    plus_di_f64,
    || PlusDi::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
adversarial_contract!(
    minus_di_f64_period_1,
    || MinusDi::<f64>::new(1).unwrap(),
    adversarial_candles(),
    between(0.0, 1.0)
);
adversarial_contract!(
    plus_di_f32,
    || PlusDi::<f32>::new_generic(3).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 100.0)
);
serde_fuzz!(
    plus_di_serde_fuzz,
    || PlusDi::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);

// DX, ADX, ADXR: 0..=100.
adversarial_contract!(
    dx_f64,
    || Dx::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
adversarial_contract!(
    adx_f64,
    || Adx::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
adversarial_contract!(
    adx_f32,
    || Adx::<f32>::new_generic(3).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 100.0)
);
adversarial_contract!(
    adxr_f64,
    || Adxr::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
adversarial_contract!(
    adxr_f32,
    || Adxr::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 100.0)
);
serde_fuzz!(
    dx_serde_fuzz,
    || Dx::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
serde_fuzz!(
    adxr_serde_fuzz,
    || Adxr::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);

// Every line at once.
adversarial_contract!(
    directional_f64,
    || Directional::<f64>::new(3).unwrap(),
    adversarial_candles(),
    directional_ok
);
adversarial_contract!(
    directional_f32,
    || Directional::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    |out: &DirectionalOutput<f32>| {
        let percent = |v: f32| (0.0..=100.0).contains(&v);
        [out.plus_di, out.minus_di, out.dx].into_iter().all(percent)
            && out.plus_dm.is_finite()
            && out.minus_dm.is_finite()
            && out.adx.is_none_or(percent)
            && out.adxr.is_none_or(percent)
    }
);
serde_fuzz!(
    directional_serde_fuzz,
    || Directional::<f64>::new(3).unwrap(),
    adversarial_candles(),
    directional_ok
);

// VORTEX: ≥ 0, saturating at the float's maximum.
adversarial_contract!(
    vortex_f64,
    || Vortex::<f64>::new(2).unwrap(),
    adversarial_candles(),
    vortex_ok
);
adversarial_contract!(
    vortex_f32,
    || Vortex::<f32>::new_generic(1).unwrap(),
    adversarial_candles_f32(),
    vortex_ok
);
serde_fuzz!(
    vortex_serde_fuzz,
    || Vortex::<f64>::new(3).unwrap(),
    adversarial_candles(),
    vortex_ok
);
