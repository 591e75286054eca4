//! The contract under adversarial inputs and serde fuzz for the momentum functions of window
//! highs and lows (AROON, AROONOSC, CCI, WILLR, ULTOSC, VHF, ERI, FRACTAL, AO, AC), in `f64`
//! and `f32`, with the output bounds their docs promise.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::levels::SwingReading;
use ta_stream::momentum::{
    Accelerator, Aroon, AroonOscillator, AroonOutput, AwesomeOscillator, Cci, ElderRay,
    ElderRayOutput, Fractal, UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

fn aroon_lines<T: Into<f64> + Copy>(a: &AroonOutput<T>) -> bool {
    between(0.0, 100.0)(&a.up) && between(0.0, 100.0)(&a.down)
}

fn powers<T: Into<f64> + Copy>(max: f64) -> impl Fn(&ElderRayOutput<T>) -> bool {
    move |e| {
        between(-2.0 * max * (1.0 + 1e-6), 2.0 * max * (1.0 + 1e-6))(&e.bull)
            && between(-2.0 * max * (1.0 + 1e-6), 2.0 * max * (1.0 + 1e-6))(&e.bear)
    }
}

fn swings<T: ta_stream::Real + Into<f64>>(r: &SwingReading<T>) -> bool {
    r.pivots().all(|s| between(-1e300, 1e300)(&s.price))
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

// AROON: both lines in 0..=100.
adversarial_contract!(
    aroon_f64,
    || Aroon::<f64>::new(3).unwrap(),
    adversarial_candles(),
    aroon_lines
);
adversarial_contract!(
    aroon_f32,
    || Aroon::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    aroon_lines
);
serde_fuzz!(
    aroon_serde_fuzz,
    || Aroon::<f64>::new(3).unwrap(),
    adversarial_candles(),
    aroon_lines
);

// AROONOSC: −100..=100.
adversarial_contract!(
    aroonosc_f64,
    || AroonOscillator::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-100.0, 100.0)
);
adversarial_contract!(
    aroonosc_f32,
    || AroonOscillator::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(-100.0, 100.0)
);
serde_fuzz!(
    aroonosc_serde_fuzz,
    || AroonOscillator::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(-100.0, 100.0)
);

// CCI(n): within ±n/0.03.
adversarial_contract!(
    cci_f64,
    || Cci::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-100.0, 100.0)
);
adversarial_contract!(
    cci_f32,
    || Cci::<f32>::new_generic(4).unwrap(),
    adversarial_candles_f32(),
    between(-4.0 / 0.03 * (1.0 + 1e-6), 4.0 / 0.03 * (1.0 + 1e-6))
);
serde_fuzz!(
    cci_serde_fuzz,
    || Cci::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-100.0, 100.0)
);

// WILLR: −100..=0.
adversarial_contract!(
    willr_f64,
    || WilliamsR::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-100.0, 0.0)
);
adversarial_contract!(
    willr_f32,
    || WilliamsR::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(-100.0, 0.0)
);
serde_fuzz!(
    willr_serde_fuzz,
    || WilliamsR::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-100.0, 0.0)
);

// ULTOSC: 0..=100.
adversarial_contract!(
    ultosc_f64,
    || UltimateOscillator::<f64>::new(1, 2, 3).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);
adversarial_contract!(
    ultosc_f32,
    || UltimateOscillator::<f32>::new_generic(2, 1, 3).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 100.0)
);
serde_fuzz!(
    ultosc_serde_fuzz,
    || UltimateOscillator::<f64>::new(1, 2, 3).unwrap(),
    adversarial_candles(),
    between(0.0, 100.0)
);

// VHF: 0..=1.
adversarial_contract!(
    vhf_f64,
    || VerticalHorizontalFilter::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 1.0)
);
adversarial_contract!(
    vhf_f32,
    || VerticalHorizontalFilter::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(0.0, 1.0)
);
serde_fuzz!(
    vhf_serde_fuzz,
    || VerticalHorizontalFilter::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 1.0)
);

// ERI: within ±2·max_input.
adversarial_contract!(
    eri_f64,
    || ElderRay::<f64>::new(3).unwrap(),
    adversarial_candles(),
    powers(MAX)
);
adversarial_contract!(
    eri_f32,
    || ElderRay::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    powers(MAX_F32)
);
serde_fuzz!(
    eri_serde_fuzz,
    || ElderRay::<f64>::new(3).unwrap(),
    adversarial_candles(),
    powers(MAX)
);

// FRACTAL: finite swing prices.
adversarial_contract!(
    fractal_f64,
    || Fractal::<f64>::new(2, 1).unwrap(),
    adversarial_candles(),
    swings
);
adversarial_contract!(
    fractal_f32,
    || Fractal::<f32>::new_generic(1, 2).unwrap(),
    adversarial_candles_f32(),
    swings
);
serde_fuzz!(
    fractal_serde_fuzz,
    || Fractal::<f64>::new(1, 1).unwrap(),
    adversarial_candles(),
    swings
);

// AO: within ±2·max_input; AC within ±4·max_input.
adversarial_contract!(
    ao_f64,
    || AwesomeOscillator::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    between(-2.0 * MAX * (1.0 + 1e-9), 2.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    ao_f32,
    || AwesomeOscillator::<f32>::new_generic(3, 2).unwrap(),
    adversarial_candles_f32(),
    between(-2.0 * MAX_F32 * (1.0 + 1e-6), 2.0 * MAX_F32 * (1.0 + 1e-6))
);
serde_fuzz!(
    ao_serde_fuzz,
    || AwesomeOscillator::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    between(-2.0 * MAX * (1.0 + 1e-9), 2.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    ac_f64,
    || Accelerator::<f64>::new(2, 3, 2).unwrap(),
    adversarial_candles(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    ac_f32,
    || Accelerator::<f32>::new_generic(3, 2, 2).unwrap(),
    adversarial_candles_f32(),
    between(-4.0 * MAX_F32 * (1.0 + 1e-6), 4.0 * MAX_F32 * (1.0 + 1e-6))
);
serde_fuzz!(
    ac_serde_fuzz,
    || Accelerator::<f64>::new(2, 3, 2).unwrap(),
    adversarial_candles(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
