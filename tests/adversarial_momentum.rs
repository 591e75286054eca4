//! The contract under adversarial inputs and serde fuzz for every momentum indicator, and
//! the regression cases of issue 15 for this family.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::momentum::{
    FastStochastic, FlatRsi, Macd, MacdOutput, Momentum, Roc, Rocp, Rsi, Stochastic,
    StochasticOutput,
};
use ta_stream::Indicator;

fn percentage<T: Into<f64> + Copy>(x: T) -> bool {
    let x: f64 = x.into();
    (0.0..=100.0).contains(&x)
}

fn stochastic_ok<T: Into<f64> + Copy>(out: &StochasticOutput<T>) -> bool {
    percentage(out.k) && percentage(out.d)
}

fn macd_ok<T: Into<f64> + Copy>(bound: f64) -> impl Fn(&MacdOutput<T>) -> bool {
    move |out: &MacdOutput<T>| {
        [out.macd, out.signal, out.histogram]
            .into_iter()
            .all(|x| x.into().is_finite() && x.into().abs() <= bound)
    }
}

/// Finite and at most `bound` in magnitude.
fn within<T: Into<f64> + Copy>(bound: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && x.abs() <= bound
    }
}

// Documented bounds: |MOM| ≤ 2·1e150, |ROCP| ≤ 1 + 1e300 (a ratio of usable inputs),
// |ROC| ≤ 100·(1 + 1e300); f32: 2e15, 1 + 1e30, 100·(1 + 1e30).
const MOM: f64 = 2.000_001e150;
const ROCP: f64 = 1.000_001e300;
const ROC: f64 = 1.000_001e302;

adversarial_contract!(
    rsi_f64,
    || Rsi::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    |x: &f64| percentage(*x)
);
adversarial_contract!(
    rsi_talib_f32,
    || Rsi::<f32>::new_generic(2)
        .unwrap()
        .with_flat(FlatRsi::TaLib),
    adversarial_f32s(),
    |x: &f32| percentage(*x)
);
adversarial_contract!(
    macd_f64,
    || Macd::<f64>::new(2, 3, 2).unwrap(),
    adversarial_f64s(),
    macd_ok(4.1e150)
);
adversarial_contract!(
    macd_f32,
    || Macd::<f32>::new_generic(2, 4, 2).unwrap(),
    adversarial_f32s(),
    macd_ok(4.1e15)
);
adversarial_contract!(
    momentum_f64,
    || Momentum::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(MOM)
);
adversarial_contract!(
    roc_f64,
    || Roc::<f64>::new(1).unwrap(),
    adversarial_f64s(),
    within(ROC)
);
adversarial_contract!(
    roc_f32,
    || Roc::<f32>::new_generic(1).unwrap(),
    adversarial_f32s(),
    within(1.000_001e32)
);
adversarial_contract!(
    rocp_f64,
    || Rocp::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(ROCP)
);
adversarial_contract!(
    rocp_f32,
    || Rocp::<f32>::new_generic(1).unwrap(),
    adversarial_f32s(),
    within(1.000_001e30)
);
adversarial_contract!(
    stochastic_f64,
    || Stochastic::<f64>::new(3, 2, 2).unwrap(),
    adversarial_candles(),
    stochastic_ok
);
adversarial_contract!(
    stochastic_f32,
    || Stochastic::<f32>::new_generic(2, 3, 1).unwrap(),
    adversarial_candles_f32(),
    stochastic_ok
);
adversarial_contract!(
    fast_stochastic_f64,
    || FastStochastic::<f64>::new(1, 1).unwrap(),
    adversarial_candles(),
    stochastic_ok
);
adversarial_contract!(
    fast_stochastic_f32,
    || FastStochastic::<f32>::new_generic(2, 2).unwrap(),
    adversarial_candles_f32(),
    stochastic_ok
);

serde_fuzz!(
    rsi_serde_fuzz,
    || Rsi::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    |x: &f64| percentage(*x)
);
serde_fuzz!(
    macd_serde_fuzz,
    || Macd::<f64>::new(2, 3, 2).unwrap(),
    adversarial_f64s(),
    macd_ok(1e160)
);
serde_fuzz!(
    momentum_serde_fuzz,
    || Momentum::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(MOM)
);
serde_fuzz!(
    roc_serde_fuzz,
    || Roc::<f64>::new(1).unwrap(),
    adversarial_f64s(),
    within(ROC)
);
serde_fuzz!(
    rocp_serde_fuzz,
    || Rocp::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    within(ROCP)
);
serde_fuzz!(
    stochastic_serde_fuzz,
    || Stochastic::<f64>::new(3, 2, 2).unwrap(),
    adversarial_candles(),
    stochastic_ok
);
serde_fuzz!(
    fast_stochastic_serde_fuzz,
    || FastStochastic::<f64>::new(2, 2).unwrap(),
    adversarial_candles(),
    stochastic_ok
);

#[test]
fn roc_and_rocp_at_the_edges_of_the_usable_range_are_finite() {
    // Issue 15: Roc::new(1) (and Rocp) on [-1e-300, 1e154] gave Some(-inf); those inputs
    // are now refused, and the same shape at the new edges is finite and exact (reference:
    // Python fractions: (1e150/−1e-150 − 1)·100 and (1e150 + 1e-150)/−1e-150).
    let mut roc = Roc::<f64>::new(1).unwrap();
    assert!(roc.try_update(-1e-300).is_err());
    assert!(roc.try_update(1e154).is_err());
    let out = roc.batch(&[-1e-150, 1e150])[1].unwrap();
    assert!(
        (out + 9.999999999999999e301).abs() <= 1e-14 * 1e302,
        "{out}"
    );
    let out = Rocp::<f64>::new(1).unwrap().batch(&[-1e-150, 1e150])[1].unwrap();
    assert!(
        (out + 9.999999999999999e299).abs() <= 1e-14 * 1e300,
        "{out}"
    );
    let out = Roc::<f32>::new_generic(1).unwrap().batch(&[-1e-15, 1e15])[1].unwrap();
    assert!(
        out.is_finite() && (out as f64 + 1e32).abs() <= 1e-5 * 1e32,
        "{out}"
    );
}

#[test]
fn fast_stochastic_k_never_exceeds_100() {
    // Issue 15: high 0, low −1e-310, close 0 gave %K = 100.00000000015316 (a subnormal
    // range). The subnormal low is now refused; at the new edge %K is exactly 100, and %K is
    // clamped to 0..=100 by construction, even for a close outside the bar.
    let bar = |high: f64, low: f64, close: f64| Candle {
        open: close,
        high,
        low,
        close,
        volume: 0.0,
    };
    let mut stochastic = FastStochastic::new(1, 1).unwrap();
    assert!(stochastic.try_update(bar(0.0, -1e-310, 0.0)).is_err());
    let out = stochastic.update(bar(0.0, -1e-150, 0.0)).unwrap();
    assert_eq!((out.k, out.d), (100.0, 100.0));
    let above = stochastic.update(bar(1.0, 0.0, 3.0)).unwrap();
    assert_eq!(
        (above.k, above.d),
        (100.0, 100.0),
        "a close above the high reads 100"
    );
    let below = stochastic.update(bar(1.0, 0.0, -3.0)).unwrap();
    assert_eq!(
        (below.k, below.d),
        (0.0, 0.0),
        "a close below the low reads 0"
    );
    // Slow %K and %D are means of clamped values, clamped again against rounding.
    let mut slow = Stochastic::new(2, 3, 3).unwrap();
    for i in 0..20 {
        let close = if i % 2 == 0 { 1e150 } else { 0.1 };
        if let Some(out) = slow.update(bar(1e150, 1e-150, close)) {
            assert!(percentage(out.k) && percentage(out.d), "{out:?}");
        }
    }
}

#[test]
fn stochastic_checkpoints_at_extreme_magnitudes_load_back() {
    // Issue 15: live Stochastic states whose own checkpoint was refused. Ranges of every
    // magnitude, from 1e-150 to 2e150, in one stream.
    let bar = |high: f64, low: f64, close: f64| Candle {
        open: close,
        high,
        low,
        close,
        volume: 0.0,
    };
    let bars = [
        bar(1e150, -1e150, 0.0),
        bar(1e-150, 0.0, 1e-150),
        bar(1e-150, 1e-150, 1e-150),
        bar(1e150, 1e150, 1e150),
        bar(3.0, 1.0, 2.0),
        bar(1e-149, -1e-150, 0.0),
        bar(1e150, -1e150, 1e150),
    ];
    let mut slow = Stochastic::new(2, 2, 2).unwrap();
    let mut fast = FastStochastic::new(3, 2).unwrap();
    for (step, &b) in bars.iter().cycle().take(40).enumerate() {
        slow.update(b);
        fast.update(b);
        let json = serde_json::to_string(&slow).unwrap();
        let loaded: Stochastic =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{step}: {e}"));
        assert_eq!(loaded, slow);
        let json = serde_json::to_string(&fast).unwrap();
        let loaded: FastStochastic =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{step}: {e}"));
        assert_eq!(loaded, fast);
    }
}

#[test]
fn rsi_state_with_a_previous_price_outside_the_usable_range_is_refused() {
    // Found by the serde fuzz: a previous price of 1e300 loaded, then the next change fed a
    // gain of 1e300 to the averages, whose checkpoint was then refused.
    let mut rsi = Rsi::new(3).unwrap();
    rsi.batch(&[1.0, 2.0]);
    let mut state = serde_json::to_value(&rsi).unwrap();
    state["previous"] = serde_json::json!(1e300);
    assert!(serde_json::from_value::<Rsi>(state).is_err());
}

#[test]
fn stochastic_flat_window_test_is_talibs_at_every_scale() {
    // TA-Lib 0.8.1 reads a window as flat when |HH − LL| ≤ 1e-14·(|HH| + |LL|), a relative
    // test. Expected %K from TA-Lib's STOCHF(1, 1) on one bar with close = high, `ulps` above
    // the low (generated with Python's talib).
    let up = |x: f64, ulps: i64| f64::from_bits((x.to_bits() as i64 + ulps) as u64);
    let cases = [
        (1.0, 89, 0.0),
        (1.0, 91, 100.0),
        (1e-140, 91, 0.0),
        (1e-140, 200, 100.0),
        (1e100, 91, 0.0),
        (1e100, 200, 100.0),
    ];
    for (low, ulps, expected) in cases {
        let high = up(low, ulps);
        let bar = Candle {
            open: high,
            high,
            low,
            close: high,
            volume: 0.0,
        };
        let k = FastStochastic::new(1, 1).unwrap().update(bar).unwrap().k;
        assert_eq!(k, expected, "low {low:e}, high {ulps} ulps above");
    }
    // Negative prices, as TA-Lib: -300000 with the low 91 ulps further down reads flat.
    let low = up(-300000.0, 91);
    let bar = Candle {
        open: -300000.0,
        high: -300000.0,
        low,
        close: -300000.0,
        volume: 0.0,
    };
    assert_eq!(
        FastStochastic::new(1, 1).unwrap().update(bar).unwrap().k,
        0.0
    );
}
