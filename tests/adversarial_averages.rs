//! The contract under adversarial inputs and serde fuzz for every moving average.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32, adversarial_f32s, adversarial_f64, adversarial_f64s};
use proptest::prelude::*;
use ta_stream::average::{
    Dema, Ema, Hma, Identity, Kama, Mavp, Rma, Seed, Sma, Tema, Trima, Vwma, Wma, Zlema, T3,
};
use ta_stream::volatility::{BandLines, MaBands};
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

adversarial_contract!(
    sma_f64,
    || Sma::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    sma_f32,
    || Sma::<f32>::new_generic(4).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    wma_f64,
    || Wma::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    wma_f32,
    || Wma::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    trima_f64,
    || Trima::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    trima_even_f32,
    || Trima::<f32>::new_generic(4).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    kama_f64,
    || Kama::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    kama_f32,
    || Kama::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    t3_f64,
    || T3::<f64>::new(2, 1.0).unwrap(),
    adversarial_f64s(),
    within(27.0 * HULL)
);
adversarial_contract!(
    t3_f32,
    || T3::<f32>::new_generic(2, 0.7).unwrap(),
    adversarial_f32s(),
    within(27.0 * HULL_F32)
);
adversarial_contract!(
    hma_f64,
    || Hma::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    within(3.0 * HULL)
);
adversarial_contract!(
    hma_f32,
    || Hma::<f32>::new_generic(4).unwrap(),
    adversarial_f32s(),
    within(3.0 * HULL_F32)
);
adversarial_contract!(
    zlema_f64,
    || Zlema::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    within(3.0 * HULL)
);
adversarial_contract!(
    zlema_f32,
    || Zlema::<f32>::new_generic(4).unwrap(),
    adversarial_f32s(),
    within(3.0 * HULL_F32)
);
adversarial_contract!(
    identity_f64,
    Identity::<f64>::new,
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    vwma_f64,
    || Vwma::<f64>::new(3).unwrap(),
    prop::collection::vec((adversarial_f64(), adversarial_f64()), 0..60),
    within(HULL)
);
adversarial_contract!(
    vwma_f32,
    || Vwma::<f32>::new_generic(2).unwrap(),
    prop::collection::vec((adversarial_f32(), adversarial_f32()), 0..60),
    within(HULL_F32)
);
adversarial_contract!(
    mavp_f64,
    || Mavp::new(2, 5, Kama::<f64>::new).unwrap(),
    prop::collection::vec((adversarial_f64(), adversarial_f64()), 0..60),
    within(HULL)
);
adversarial_contract!(
    mavp_hma_f32,
    || Mavp::new(2, 4, Hma::<f32>::new_generic).unwrap(),
    prop::collection::vec((adversarial_f32(), adversarial_f32()), 0..60),
    within(3.0 * HULL_F32)
);
/// Bands around a T3 (at most 27 × the inputs) of width at most 1000 σ.
fn lines_within(bound: f64) -> impl Fn(&BandLines<f64>) -> bool {
    move |b: &BandLines<f64>| {
        [b.upper, b.middle, b.lower]
            .iter()
            .all(|x| x.is_finite() && x.abs() <= bound)
    }
}

adversarial_contract!(
    ma_bands_f64,
    || MaBands::new(3, 1000.0, 2.0, |n| T3::<f64>::new(n, 1.0)).unwrap(),
    adversarial_f64s(),
    lines_within(1027.0 * HULL)
);
adversarial_contract!(
    ema_f64,
    || Ema::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    ema_first_value_f32,
    || Ema::<f32>::with_seed_generic(5, Seed::FirstValue).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    rma_f64,
    || Rma::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
adversarial_contract!(
    rma_f32,
    || Rma::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);
adversarial_contract!(
    dema_f64,
    || Dema::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(3.0 * HULL)
);
adversarial_contract!(
    dema_f32,
    || Dema::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    within(3.0 * HULL_F32)
);
adversarial_contract!(
    tema_f64,
    || Tema::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(7.0 * HULL)
);
adversarial_contract!(
    tema_f32,
    || Tema::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    within(7.0 * HULL_F32)
);

serde_fuzz!(
    sma_serde_fuzz,
    || Sma::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
serde_fuzz!(
    wma_serde_fuzz,
    || Wma::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
serde_fuzz!(
    trima_serde_fuzz,
    || Trima::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
serde_fuzz!(
    kama_serde_fuzz,
    || Kama::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(HULL)
);
serde_fuzz!(
    t3_serde_fuzz,
    || T3::<f64>::new(2, 0.7).unwrap(),
    adversarial_f64s(),
    within(27.0 * HULL)
);
serde_fuzz!(
    hma_serde_fuzz,
    || Hma::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(3.0 * HULL)
);
serde_fuzz!(
    zlema_serde_fuzz,
    || Zlema::<f64>::new(5).unwrap(),
    adversarial_f64s(),
    within(3.0 * HULL)
);
serde_fuzz!(
    identity_serde_fuzz,
    Identity::<f64>::new,
    adversarial_f64s(),
    within(HULL)
);
serde_fuzz!(
    vwma_serde_fuzz,
    || Vwma::<f64>::new(3).unwrap(),
    prop::collection::vec((adversarial_f64(), adversarial_f64()), 0..60),
    within(HULL)
);
serde_fuzz!(
    mavp_serde_fuzz,
    || Mavp::new(2, 4, Ema::<f64>::new).unwrap(),
    prop::collection::vec((adversarial_f64(), adversarial_f64()), 0..60),
    within(HULL)
);
serde_fuzz!(
    ma_bands_serde_fuzz,
    || MaBands::new(3, 2.0, 2.0, Kama::<f64>::new).unwrap(),
    adversarial_f64s(),
    // A loaded state may carry any valid multiplier (up to 1000), not only the 2 built here.
    lines_within(1001.0 * HULL)
);
serde_fuzz!(
    ema_serde_fuzz,
    || Ema::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(4.0 * HULL)
);
serde_fuzz!(
    rma_serde_fuzz,
    || Rma::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    within(4.0 * HULL)
);
serde_fuzz!(
    dema_serde_fuzz,
    || Dema::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    within(12.0 * HULL)
);
serde_fuzz!(
    tema_serde_fuzz,
    || Tema::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(28.0 * HULL)
);
serde_fuzz!(
    wma_f32_serde_fuzz,
    || Wma::<f32>::new_generic(3).unwrap(),
    adversarial_f32s(),
    within(HULL_F32)
);

#[test]
fn dema_and_tema_smooth_an_average_that_decays_below_the_smallest_usable_input() {
    // The first EMA of [1e-150, 0, 0, ...] falls below 1e-150 at once: the second and third
    // EMAs must still smooth it (they used to ignore it as an unusable input). Reference: the
    // EMA recursion written out here, SMA-seeded, alpha = 2/(n + 1), in TA-Lib's order of
    // operations (the crate's differs by an ulp or so of each average). DEMA and TEMA are
    // differences of averages that cancel here (the exact DEMA of this input is 0), so the
    // tolerance is relative to the terms, not to the result.
    fn ema(xs: &[f64], n: usize) -> Vec<f64> {
        let alpha = 2.0 / (n as f64 + 1.0);
        let mut out = Vec::new();
        let mut state = xs[..n].iter().sum::<f64>() / n as f64;
        out.push(state);
        for &x in &xs[n..] {
            state = (x - state) * alpha + state;
            out.push(state);
        }
        out
    }
    let n = 2;
    let mut xs = vec![1e-150, 0.0];
    xs.extend([0.0; 8]);
    let e1 = ema(&xs, n);
    let e2 = ema(&e1, n);
    let e3 = ema(&e2, n);
    let dema = Dema::new(n).unwrap().batch(&xs);
    let tema = Tema::new(n).unwrap().batch(&xs);
    for (i, e2_value) in e2.iter().enumerate() {
        let expected = 2.0 * e1[i + n - 1] - e2_value;
        let got = dema[i + 2 * n - 2].unwrap();
        let terms = 2.0 * e1[i + n - 1].abs() + e2_value.abs();
        assert!(
            (got - expected).abs() <= 1e-14 * terms,
            "DEMA {i}: {got} vs {expected}"
        );
    }
    for (i, e3_value) in e3.iter().enumerate() {
        let expected = 3.0 * e1[i + 2 * n - 2] - 3.0 * e2[i + n - 1] + e3_value;
        let got = tema[i + 3 * n - 3].unwrap();
        let terms = 3.0 * e1[i + 2 * n - 2].abs() + 3.0 * e2[i + n - 1].abs() + e3_value.abs();
        assert!(
            (got - expected).abs() <= 1e-13 * terms,
            "TEMA {i}: {got} vs {expected}"
        );
    }
    assert!(
        dema.last().unwrap().unwrap() < 1e-150,
        "values below 1e-150 are outputs too"
    );
}

#[test]
fn an_ema_state_larger_than_any_input_is_refused() {
    let mut ema = Ema::new(3).unwrap();
    ema.batch(&[1.0, 2.0, 3.0]);
    let mut state = serde_json::to_value(&ema).unwrap();
    state["smoother"]["state"] = serde_json::json!(1e300);
    assert!(serde_json::from_value::<Ema>(state.clone()).is_err());
    state["smoother"]["state"] = serde_json::json!(1e150);
    assert!(serde_json::from_value::<Ema>(state).is_ok());
}
