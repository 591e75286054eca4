//! The contract under adversarial inputs and serde fuzz for the momentum functions built on
//! moving averages (APO, PPO, MACDEXT, MACDFIX, TRIX, TSI, STOCHRSI, STOCH/STOCHF with any
//! average, KDJ, SMI), in `f64` and `f32`, with the bounds their docs promise.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::average::{Dema, Ema, Kama, Rma, Sma, Wma, T3};
use ta_stream::momentum::{
    Apo, Kdj, KdjOutput, MaFastStochastic, MaStochastic, MacdExt, MacdFix, MacdOutput, Ppo, Smi,
    SmiOutput, StochRsi, StochasticOutput, Trix, Tsi,
};
use ta_stream::Indicator;

fn finite<T: Into<f64> + Copy>() -> impl Fn(&T) -> bool {
    |x: &T| (*x).into().is_finite()
}

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

fn macd_finite<T: Into<f64> + Copy>() -> impl Fn(&MacdOutput<T>) -> bool {
    |o: &MacdOutput<T>| {
        [o.macd, o.signal, o.histogram]
            .iter()
            .all(|v| (*v).into().is_finite())
    }
}

/// `0..=100` up to TA-Lib's rounding of %K (`100·(1 + 2ε)`, in `f32` too).
const ROUNDING: f64 = 1e-5;

fn percent<T: Into<f64> + Copy>() -> impl Fn(&StochasticOutput<T>) -> bool {
    |o: &StochasticOutput<T>| {
        [o.k, o.d]
            .iter()
            .all(|v| (0.0..=100.0 + ROUNDING).contains(&(*v).into()))
    }
}

fn kdj_bounds<T: Into<f64> + Copy>() -> impl Fn(&KdjOutput<T>) -> bool {
    |o: &KdjOutput<T>| {
        let (k, d, j) = (o.k.into(), o.d.into(), o.j.into());
        let band = 0.0..=100.0 + ROUNDING;
        band.contains(&k)
            && band.contains(&d)
            && (-200.0 - ROUNDING..=300.0 + ROUNDING).contains(&j)
    }
}

/// Every line finite.
fn finite_lines<O: serde::Serialize>() -> impl Fn(&O) -> bool {
    |o: &O| common::adversarial::all_finite(o)
}

fn smi_bounds<T: Into<f64> + Copy>() -> impl Fn(&SmiOutput<T>) -> bool {
    |o: &SmiOutput<T>| {
        [o.smi, o.signal]
            .iter()
            .all(|v| (-100.0..=100.0).contains(&(*v).into()))
    }
}

// APO, PPO: finite (PPO's divisor is at least 1e-8).
adversarial_contract!(
    apo_f64,
    || Apo::new(2, 3, Ema::<f64>::new).unwrap(),
    adversarial_f64s(),
    finite()
);
adversarial_contract!(
    apo_f32,
    || Apo::new(2, 4, Dema::<f32>::new_generic).unwrap(),
    adversarial_f32s(),
    finite()
);
serde_fuzz!(
    apo_serde_fuzz,
    || Apo::new(2, 3, Kama::<f64>::new).unwrap(),
    adversarial_f64s(),
    finite()
);
adversarial_contract!(
    ppo_f64,
    || Ppo::new(2, 3, |n| T3::<f64>::new(n, 0.7)).unwrap(),
    adversarial_f64s(),
    finite()
);
adversarial_contract!(
    ppo_f32,
    || Ppo::new(3, 2, Sma::<f32>::new_generic).unwrap(),
    adversarial_f32s(),
    finite()
);
serde_fuzz!(
    ppo_serde_fuzz,
    || Ppo::new(2, 3, Ema::<f64>::new).unwrap(),
    adversarial_f64s(),
    finite()
);

// MACDEXT, MACDFIX: finite lines.
adversarial_contract!(
    macdext_f64,
    || MacdExt::new(
        Ema::<f64>::new(2).unwrap(),
        Wma::new(3).unwrap(),
        Dema::new(2).unwrap()
    ),
    adversarial_f64s(),
    macd_finite()
);
adversarial_contract!(
    macdext_f32,
    || MacdExt::new(
        Sma::<f32>::new_generic(2).unwrap(),
        Ema::new_generic(3).unwrap(),
        Sma::new_generic(2).unwrap()
    ),
    adversarial_f32s(),
    macd_finite()
);
serde_fuzz!(
    macdext_serde_fuzz,
    || MacdExt::new(
        Ema::<f64>::new(2).unwrap(),
        Sma::new(4).unwrap(),
        Ema::new(2).unwrap()
    ),
    adversarial_f64s(),
    macd_finite()
);
adversarial_contract!(
    macdfix_f64,
    || MacdFix::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    macd_finite()
);
adversarial_contract!(
    macdfix_f32,
    || MacdFix::<f32>::new_generic(1).unwrap(),
    adversarial_f32s(),
    macd_finite()
);
serde_fuzz!(
    macdfix_serde_fuzz,
    || MacdFix::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    macd_finite()
);

// TRIX: finite (saturated); TSI: −100..=100.
adversarial_contract!(
    trix_f64,
    || Trix::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    finite()
);
adversarial_contract!(
    trix_f32,
    || Trix::<f32>::new_generic(1).unwrap(),
    adversarial_f32s(),
    finite()
);
serde_fuzz!(
    trix_serde_fuzz,
    || Trix::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    finite()
);
adversarial_contract!(
    tsi_f64,
    || Tsi::<f64>::new(2, 2).unwrap(),
    adversarial_f64s(),
    between(-100.0, 100.0)
);
adversarial_contract!(
    tsi_f32,
    || Tsi::<f32>::new_generic(3, 1).unwrap(),
    adversarial_f32s(),
    between(-100.0, 100.0)
);
serde_fuzz!(
    tsi_serde_fuzz,
    || Tsi::<f64>::new(2, 2).unwrap(),
    adversarial_f64s(),
    between(-100.0, 100.0)
);

// STOCHRSI with a mean for %D: 0..=100 (serde fuzz: finite, as for the stochastics below).
adversarial_contract!(
    stochrsi_f64,
    || StochRsi::new(2, 3, Ema::<f64>::new(2).unwrap()).unwrap(),
    adversarial_f64s(),
    percent()
);
adversarial_contract!(
    stochrsi_f32,
    || StochRsi::new(3, 2, Sma::<f32>::new_generic(2).unwrap()).unwrap(),
    adversarial_f32s(),
    percent()
);
serde_fuzz!(
    stochrsi_serde_fuzz,
    || StochRsi::new(2, 2, Sma::<f64>::new(2).unwrap()).unwrap(),
    adversarial_f64s(),
    finite_lines()
);

// Stochastics with means (EMA, Wilder's, WMA): 0..=100; KDJ: J in −200..=300. The serde
// fuzz checks finiteness only: the averages inside are generic and validate themselves
// (their own bounds), so an edited average can read outside the band for a while.
adversarial_contract!(
    ma_stochastic_f64,
    || MaStochastic::new(3, Ema::<f64>::new(2).unwrap(), Rma::new(2).unwrap()).unwrap(),
    adversarial_candles(),
    percent()
);
adversarial_contract!(
    ma_stochastic_f32,
    || MaStochastic::new(
        2,
        Wma::<f32>::new_generic(2).unwrap(),
        Ema::new_generic(3).unwrap()
    )
    .unwrap(),
    adversarial_candles_f32(),
    percent()
);
serde_fuzz!(
    ma_stochastic_serde_fuzz,
    || MaStochastic::new(3, Ema::<f64>::new(2).unwrap(), Wma::new(2).unwrap()).unwrap(),
    adversarial_candles(),
    finite_lines()
);
adversarial_contract!(
    ma_fast_stochastic_f64,
    || MaFastStochastic::new(3, Rma::<f64>::new(2).unwrap()).unwrap(),
    adversarial_candles(),
    percent()
);
adversarial_contract!(
    ma_fast_stochastic_f32,
    || MaFastStochastic::new(2, Ema::<f32>::new_generic(2).unwrap()).unwrap(),
    adversarial_candles_f32(),
    percent()
);
serde_fuzz!(
    ma_fast_stochastic_serde_fuzz,
    || MaFastStochastic::new(3, Ema::<f64>::new(2).unwrap()).unwrap(),
    adversarial_candles(),
    finite_lines()
);
adversarial_contract!(
    kdj_f64,
    || Kdj::new(3, Rma::<f64>::new(3).unwrap(), Rma::new(3).unwrap()).unwrap(),
    adversarial_candles(),
    kdj_bounds()
);
adversarial_contract!(
    kdj_f32,
    || Kdj::new(
        2,
        Rma::<f32>::new_generic(2).unwrap(),
        Sma::new_generic(2).unwrap()
    )
    .unwrap(),
    adversarial_candles_f32(),
    kdj_bounds()
);
serde_fuzz!(
    kdj_serde_fuzz,
    || Kdj::new(3, Rma::<f64>::new(2).unwrap(), Rma::new(2).unwrap()).unwrap(),
    adversarial_candles(),
    finite_lines()
);

// SMI: −100..=100.
adversarial_contract!(
    smi_f64,
    || Smi::<f64>::new(3, 2, 3, 2).unwrap(),
    adversarial_candles(),
    smi_bounds()
);
adversarial_contract!(
    smi_f32,
    || Smi::<f32>::new_generic(2, 2, 2, 1).unwrap(),
    adversarial_candles_f32(),
    smi_bounds()
);
serde_fuzz!(
    smi_serde_fuzz,
    || Smi::<f64>::new(3, 2, 2, 2).unwrap(),
    adversarial_candles(),
    smi_bounds()
);

/// Found by `tsi_serde_fuzz`: a saved TSI whose second average of sizes is still seeding
/// (no value yet) with a negative running sum loaded, and the next update gave a negative
/// average, so the next checkpoint was refused. The seed sum is checked on load now.
#[test]
fn tsi_refuses_a_negative_seed_sum_of_sizes() {
    let mut tsi = Tsi::<f64>::new(2, 2).unwrap();
    for x in [1.0, 2.0, 1.5] {
        tsi.update(x);
    }
    let mut state = serde_json::to_value(&tsi).unwrap();
    assert_eq!(
        state["size_smoothed"]["smoother"]["count"], 1,
        "still seeding"
    );
    let good: Result<Tsi<f64>, _> = serde_json::from_value(state.clone());
    assert_eq!(good.unwrap(), tsi);
    state["size_smoothed"]["smoother"]["state"] = serde_json::json!(-0.5);
    let loaded: Result<Tsi<f64>, _> = serde_json::from_value(state);
    let error = loaded.unwrap_err().to_string();
    assert!(error.contains("no input could give"), "{error}");
}
