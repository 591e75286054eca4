//! The contract under adversarial inputs and serde fuzz for the statistic functions
//! (LINEARREG, LINEARREG_SLOPE, LINEARREG_INTERCEPT, LINEARREG_ANGLE, TSF, FOSC, PERCENTILE,
//! PERCENTRANK), in `f64` and `f32`, with the output bounds their docs promise.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32s, adversarial_f64s};
use proptest::prelude::*;
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

// The line's values (end, start, forecast): at most 4·max|y| of the window.
adversarial_contract!(
    linearreg_f64,
    || LinearRegression::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    linearreg_f32,
    || LinearRegression::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(-4.0 * MAX_F32 * (1.0 + 1e-5), 4.0 * MAX_F32 * (1.0 + 1e-5))
);
serde_fuzz!(
    linearreg_serde_fuzz,
    || LinearRegression::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    intercept_f64,
    || RegressionIntercept::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    intercept_f32,
    || RegressionIntercept::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    between(-4.0 * MAX_F32 * (1.0 + 1e-5), 4.0 * MAX_F32 * (1.0 + 1e-5))
);
adversarial_contract!(
    tsf_f64,
    || TimeSeriesForecast::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    tsf_f32,
    || TimeSeriesForecast::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    between(-4.0 * MAX_F32 * (1.0 + 1e-5), 4.0 * MAX_F32 * (1.0 + 1e-5))
);
serde_fuzz!(
    tsf_serde_fuzz,
    || TimeSeriesForecast::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-4.0 * MAX * (1.0 + 1e-9), 4.0 * MAX * (1.0 + 1e-9))
);

// The slope: at most 2·max|y|; the angle within −90..=90.
adversarial_contract!(
    slope_f64,
    || RegressionSlope::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-2.0 * MAX * (1.0 + 1e-9), 2.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    slope_f32,
    || RegressionSlope::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    between(-2.0 * MAX_F32 * (1.0 + 1e-5), 2.0 * MAX_F32 * (1.0 + 1e-5))
);
adversarial_contract!(
    angle_f64,
    || RegressionAngle::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-90.0, 90.0)
);
adversarial_contract!(
    angle_f32,
    || RegressionAngle::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(-90.0, 90.0)
);
serde_fuzz!(
    angle_serde_fuzz,
    || RegressionAngle::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-90.0, 90.0)
);

// FOSC: finite, below 500·max_input/min_input in magnitude.
adversarial_contract!(
    fosc_f64,
    || ForecastOscillator::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-5e302, 5e302)
);
adversarial_contract!(
    fosc_f32,
    || ForecastOscillator::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    between(-5e32, 5e32)
);
serde_fuzz!(
    fosc_serde_fuzz,
    || ForecastOscillator::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-f64::MAX, f64::MAX)
);

// PERCENTILE: one of the inputs; PERCENTRANK: 0..=100.
adversarial_contract!(
    percentile_f64,
    || Percentile::<f64>::new(3, 50.0).unwrap(),
    adversarial_f64s(),
    between(-MAX, MAX)
);
adversarial_contract!(
    percentile_f32,
    || Percentile::<f32>::new_generic(4, 90.0).unwrap(),
    adversarial_f32s(),
    between(-MAX_F32, MAX_F32)
);
serde_fuzz!(
    percentile_serde_fuzz,
    || Percentile::<f64>::new(3, 0.0).unwrap(),
    adversarial_f64s(),
    between(-MAX, MAX)
);
adversarial_contract!(
    percentrank_f64,
    || PercentRank::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 100.0)
);
adversarial_contract!(
    percentrank_f32,
    || PercentRank::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(0.0, 100.0)
);
serde_fuzz!(
    percentrank_serde_fuzz,
    || PercentRank::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 100.0)
);
