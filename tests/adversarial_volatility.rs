//! The contract under adversarial inputs and serde fuzz for every volatility, statistics and
//! risk indicator, and the regression cases of issue 15 for these families.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
    adversarial_positive_f64s,
};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::risk::{Drawdown, DrawdownOutput, RealizedVolatility, Returns};
use ta_stream::statistics::{RollingMax, RollingMin};
use ta_stream::volatility::{Atr, Bands, Bollinger, Natr, StdDev, TrueRange, Variance};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

/// Bands of period `n` and multiplier `k`: finite, ordered, `%B` within `0.5 ± sqrt(n−1)/(2k)`.
fn bands_ok<T: Into<f64> + Copy>(n: usize, k: f64) -> impl Fn(&Bands<T>) -> bool {
    move |b: &Bands<T>| {
        let [upper, middle, lower, percent_b, bandwidth] =
            [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth].map(Into::into);
        let reach = ((n - 1) as f64).sqrt() / (2.0 * k);
        [upper, middle, lower, percent_b, bandwidth]
            .iter()
            .all(|x| x.is_finite())
            && lower <= middle
            && middle <= upper
            && (0.5 - reach - 1e-9..=0.5 + reach + 1e-9).contains(&percent_b)
    }
}

fn drawdown_ok(out: &DrawdownOutput<f64>) -> bool {
    (-1.0..=0.0).contains(&out.drawdown)
        && (-1.0..=out.drawdown).contains(&out.max_drawdown)
        && out.peak > 0.0
        && out.peak <= 1e150
}

const MAX: f64 = 1e150;
const MAX_F32: f64 = 1e15;

// Population variance of inputs within ±max is at most max²; with ddof, n/(n − ddof) times.
adversarial_contract!(
    variance_f64,
    || Variance::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 1.000_001e300)
);
adversarial_contract!(
    variance_sample_f64,
    || Variance::<f64>::sample(2).unwrap(),
    adversarial_f64s(),
    between(0.0, 2.000_001e300)
);
adversarial_contract!(
    variance_f32,
    || Variance::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(0.0, 1.001e30)
);
adversarial_contract!(
    std_dev_f64,
    || StdDev::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 1.000_001 * MAX)
);
adversarial_contract!(
    std_dev_sample_f32,
    || StdDev::<f32>::sample_generic(3).unwrap(),
    adversarial_f32s(),
    between(0.0, 1.23 * MAX_F32)
);
adversarial_contract!(
    bollinger_f64,
    || Bollinger::<f64>::new(3, 2.0).unwrap(),
    adversarial_f64s(),
    bands_ok(3, 2.0)
);
adversarial_contract!(
    bollinger_wide_f64,
    || Bollinger::<f64>::new(5, 1000.0).unwrap(),
    adversarial_f64s(),
    bands_ok(5, 1000.0)
);
adversarial_contract!(
    bollinger_narrow_f64,
    || Bollinger::<f64>::new(4, 0.001).unwrap(),
    adversarial_f64s(),
    bands_ok(4, 0.001)
);
adversarial_contract!(
    bollinger_f32,
    || Bollinger::<f32>::new(2, 2.0).unwrap(),
    adversarial_f32s(),
    bands_ok(2, 2.0)
);
adversarial_contract!(
    true_range_f64,
    TrueRange::<f64>::new,
    adversarial_candles(),
    between(0.0, 2.0 * MAX)
);
adversarial_contract!(
    true_range_f32,
    TrueRange::<f32>::new_generic,
    adversarial_candles_f32(),
    between(0.0, 2.0 * MAX_F32)
);
adversarial_contract!(
    atr_f64,
    || Atr::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 2.000_001 * MAX)
);
adversarial_contract!(
    atr_f32,
    || Atr::<f32>::new_generic(3).unwrap(),
    adversarial_candles_f32(),
    between(0.0, 2.001 * MAX_F32)
);
// |NATR| ≤ 100·ATR/|close| ≤ 100·2e150/1e-150.
adversarial_contract!(
    natr_f64,
    || Natr::<f64>::new(1).unwrap(),
    adversarial_candles(),
    between(-2.000_001e302, 2.000_001e302)
);
adversarial_contract!(
    natr_f32,
    || Natr::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(-2.001e32, 2.001e32)
);
adversarial_contract!(
    rolling_max_f64,
    || RollingMax::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-MAX, MAX)
);
adversarial_contract!(
    rolling_min_f32,
    || RollingMin::<f32>::new_generic(2).unwrap(),
    adversarial_f32s(),
    between(-MAX_F32, MAX_F32)
);
adversarial_contract!(
    drawdown_f64,
    Drawdown::<f64>::new,
    adversarial_f64s(),
    drawdown_ok
);
adversarial_contract!(
    realized_volatility_log_f64,
    || RealizedVolatility::<f64>::new(3).unwrap(),
    adversarial_positive_f64s(),
    between(0.0, 1e6)
);
adversarial_contract!(
    realized_volatility_simple_f64,
    || RealizedVolatility::<f64>::new(2)
        .unwrap()
        .with_returns(Returns::Simple)
        .with_periods_per_year(31_622_400)
        .unwrap(),
    adversarial_positive_f64s(),
    between(0.0, 1e160)
);
adversarial_contract!(
    realized_volatility_simple_f32,
    || RealizedVolatility::<f32>::new_generic(2)
        .unwrap()
        .with_returns(Returns::Simple),
    adversarial_f32s().prop_map(|xs| xs.into_iter().map(f32::abs).collect::<Vec<_>>()),
    between(0.0, 1e19)
);

// A loaded state may carry any valid ddof (up to n − 1) and multiplier: the bounds are those
// of the loosest (variance ≤ n·max², %B within 0.5 ± sqrt(n−1)/(2·0.001)).
serde_fuzz!(
    variance_serde_fuzz,
    || Variance::<f64>::new(4).unwrap(),
    adversarial_f64s(),
    between(0.0, 4.000_001e300)
);
serde_fuzz!(
    variance_f32_serde_fuzz,
    || Variance::<f32>::sample_generic(3).unwrap(),
    adversarial_f32s(),
    between(0.0, 3.01e30)
);
serde_fuzz!(
    std_dev_serde_fuzz,
    || StdDev::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, 1.733 * MAX)
);
serde_fuzz!(
    bollinger_serde_fuzz,
    || Bollinger::<f64>::new(3, 2.0).unwrap(),
    adversarial_f64s(),
    bands_ok(3, 0.001)
);
serde_fuzz!(
    true_range_serde_fuzz,
    TrueRange::<f64>::new,
    adversarial_candles(),
    between(0.0, 2.0 * MAX)
);
serde_fuzz!(
    atr_serde_fuzz,
    || Atr::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(0.0, 4.000_001 * MAX)
);
serde_fuzz!(
    natr_serde_fuzz,
    || Natr::<f64>::new(2).unwrap(),
    adversarial_candles(),
    between(-4.000_001e302, 4.000_001e302)
);
serde_fuzz!(
    rolling_max_serde_fuzz,
    || RollingMax::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(-MAX, MAX)
);
serde_fuzz!(
    rolling_min_serde_fuzz,
    || RollingMin::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(-MAX, MAX)
);
serde_fuzz!(
    drawdown_serde_fuzz,
    Drawdown::<f64>::new,
    adversarial_f64s(),
    drawdown_ok
);
serde_fuzz!(
    realized_volatility_serde_fuzz,
    || RealizedVolatility::<f64>::new(3)
        .unwrap()
        .with_returns(Returns::Simple),
    adversarial_positive_f64s(),
    between(0.0, 1e160)
);

/// `|actual − expected| ≤ 1e-14·|expected|`.
fn close_to(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-14 * expected.abs()
}

#[test]
fn std_dev_at_the_edges_of_the_usable_range_is_finite_and_exact() {
    // Issue 15: [1e-300, -1e154, 1e154] gave Some(inf). Those inputs are now refused ...
    let mut sd = StdDev::new(3).unwrap();
    for refused in [1e-300, -1e154, 1e154] {
        assert!(sd.try_update(refused).is_err());
    }
    assert_eq!(sd.value(), None);
    // ... and the same shape at the new edges is exact (reference: Python fractions).
    let out = sd.batch(&[1e-150, -1e150, 1e150]);
    assert!(close_to(out[2].unwrap(), 8.16496580927726e149), "{out:?}");
}

#[test]
fn f32_variance_at_the_edge_of_the_usable_range_is_finite_and_exact() {
    // Issue 15: Variance::<f32>::new(2) on [1e19, -1e19] gave Some(inf).
    let mut variance = Variance::<f32>::new_generic(2).unwrap();
    assert!(variance.try_update(1e19).is_err());
    assert!(variance.try_update(-1e19).is_err());
    let out = variance.batch(&[1e15, -1e15]);
    // 1e15_f32 = 999999986991104; population variance = its square.
    let expected = 999_999_986_991_104.0_f64 * 999_999_986_991_104.0;
    assert!(
        ((out[1].unwrap() as f64) - expected).abs() <= 1e-6 * expected,
        "{out:?}"
    );
}

#[test]
fn std_dev_and_variance_of_opposite_extremes_are_not_zero() {
    // Issue 15: [1e154, -1e154] gave Some(0.0) (true: 1e154 and 1e308); now refused, and
    // [1e150, -1e150] is right, like the control one decade down.
    assert_eq!(
        StdDev::new(2).unwrap().batch(&[1e154, -1e154]),
        [None, None]
    );
    assert!(close_to(
        StdDev::new(2).unwrap().batch(&[1e150, -1e150])[1].unwrap(),
        1e150
    ));
    assert!(close_to(
        Variance::new(2).unwrap().batch(&[1e150, -1e150])[1].unwrap(),
        1e300
    ));
    assert!(close_to(
        Variance::new(2).unwrap().batch(&[1e149, -1e149])[1].unwrap(),
        1e298
    ));
    let bands = Bollinger::new(2, 2.0).unwrap().batch(&[1e150, -1e150])[1].unwrap();
    assert_eq!(bands.middle, 0.0);
    assert!(
        close_to(bands.upper, 2e150) && close_to(bands.lower, -2e150),
        "{bands:?}"
    );
    assert!(close_to(bands.percent_b, 0.25), "{bands:?}");
    assert_eq!(
        bands.bandwidth, 0.0,
        "zero middle band: bandwidth 0 by convention"
    );
}

#[test]
fn bollinger_at_the_edges_of_the_usable_range_is_finite_and_exact() {
    // Issue 15: inf bands and NaN %B on [1e-300, -1e154, 1e154].
    let bands = Bollinger::<f64>::new(3, 2.0)
        .unwrap()
        .batch(&[1e-150, -1e150, 1e150])[2]
        .unwrap();
    // Reference: Python fractions. The mean 3.3e-151 is below the rounding of a sum of
    // ±1e150 (the SMA gives 0, TA-Lib too): absolute error relative to the window's scale.
    assert!(
        (bands.middle - 3.3333333333333334e-151).abs() <= 1e-15 * 1e150,
        "{bands:?}"
    );
    assert!(close_to(bands.upper, 1.632993161855452e150), "{bands:?}");
    assert!(close_to(bands.lower, -1.632993161855452e150), "{bands:?}");
    assert!(close_to(bands.percent_b, 0.8061862178478972), "{bands:?}");
    assert!(bands.bandwidth.is_finite(), "{bands:?}");
}

#[test]
fn natr_of_the_smallest_usable_close_is_finite() {
    // Issue 15: a close of 1e-300 gave 2e302, and inf for smaller closes: now refused.
    let bar = |high: f64, low: f64, close: f64| {
        Candle::new(low, high, low, close, 0.0).unwrap_or(Candle {
            open: low,
            high,
            low,
            close,
            volume: 0.0,
        })
    };
    let mut natr = Natr::new(1).unwrap();
    natr.update(bar(1.0, 1.0, 1.0));
    assert!(natr.try_update(bar(1.0, 1e-300, 1e-300)).is_err());
    assert!(natr.try_update(bar(1.0, 5e-324, 5e-324)).is_err());
    let out = natr.update(bar(1.0, 1e-150, 1e-150)).unwrap();
    assert!(close_to(out, 1e152), "{out}");
}

#[test]
fn realized_volatility_skips_a_subnormal_price_and_stays_finite() {
    // Issue 15: NaN on [1e19, 1e19, 9007199254740992, 1e-310, 9007199254740992].
    let mut vol = RealizedVolatility::new(2).unwrap();
    let prices = [1e19, 1e19, 9007199254740992.0, 1e-310, 9007199254740992.0];
    let refused: Vec<bool> = prices.iter().map(|&p| vol.try_update(p).is_err()).collect();
    assert_eq!(refused, [false, false, false, true, false]);
    // Returns 0, ln(9007199254740992/1e19), 0: sample sd of the last two, times sqrt(252)
    // (reference: Python's statistics.stdev).
    assert!(
        close_to(vol.value().unwrap(), 78.71305409305344),
        "{:?}",
        vol.value()
    );
}

#[test]
fn simple_returns_too_large_to_square_are_refused() {
    let mut vol = RealizedVolatility::new(2)
        .unwrap()
        .with_returns(Returns::Simple)
        .with_periods_per_year(1)
        .unwrap();
    vol.update(1e-150);
    assert!(
        vol.try_update(2.0).is_err(),
        "a return of 2e150 would be refused as an input"
    );
    assert!(
        vol.try_update(1.0).is_ok(),
        "1e150 times the previous price is the limit"
    );
    // Log returns of the same prices are small numbers: accepted.
    let mut log = RealizedVolatility::new(2).unwrap();
    assert!(log
        .batch(&[1e-150, 1e150, 1e-150])
        .iter()
        .all(|x| x.is_none_or(f64::is_finite)));
    assert!(log.value().is_some());
}

#[test]
fn bollinger_multipliers_that_could_overflow_are_invalid_parameters() {
    // Issue 15: k = 1e300 and f64::MAX were accepted (then non-finite bands).
    for bad in [
        1e300,
        f64::MAX,
        1000.0001,
        0.000999,
        0.0,
        -2.0,
        f64::NAN,
        f64::INFINITY,
    ] {
        match Bollinger::new(20, bad) {
            Err(ta_stream::Error::InvalidParameter { name, expected, .. }) => {
                assert_eq!(name, "multiplier");
                assert_eq!(expected, "0.001..=1000");
            }
            other => panic!("k = {bad}: {other:?}"),
        }
    }
    assert!(Bollinger::new(20, 1000.0).is_ok());
    assert!(Bollinger::new(20, 0.001).is_ok());
    assert!(Bollinger::<f32>::new(20, 1000.0).is_ok());
}

#[test]
fn periods_per_year_beyond_one_per_second_is_an_invalid_parameter() {
    // Issue 15: with_periods_per_year(usize::MAX) was accepted.
    for bad in [0, 31_622_401, usize::MAX] {
        let result = RealizedVolatility::<f64>::new(20)
            .unwrap()
            .with_periods_per_year(bad);
        assert!(
            matches!(
                result,
                Err(ta_stream::Error::InvalidParameter {
                    name: "periods_per_year",
                    ..
                })
            ),
            "{bad}: {result:?}"
        );
    }
    assert!(RealizedVolatility::<f64>::new(20)
        .unwrap()
        .with_periods_per_year(31_622_400)
        .is_ok());
}

/// Two-pass population variance, the reference for a loaded window.
fn two_pass(window: &[f64]) -> f64 {
    let mean = window.iter().sum::<f64>() / window.len() as f64;
    window.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / window.len() as f64
}

/// Loads `state` (a saved `make()` whose window slot `slot` was edited into `edited`, the
/// window then being `window`) and checks that, if accepted, it behaves exactly like that
/// window: outputs equal `reference` of the window, and every later checkpoint loads back
/// identically. Returns whether it was accepted.
fn loads_as_its_window<I>(
    state: serde_json::Value,
    mut window: Vec<f64>,
    reference: impl Fn(&[f64]) -> f64,
) -> bool
where
    I: Indicator<Input = f64, Output = f64>
        + serde::Serialize
        + serde::de::DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let Ok(mut loaded) = serde_json::from_value::<I>(state) else {
        return false;
    };
    for x in [4.0, 5.0, 6.0, 7.0, 8.0, 9.0] {
        window.remove(0);
        window.push(x);
        let out = loaded.update(x).unwrap();
        let expected = reference(&window);
        assert!(
            (out - expected).abs() <= 1e-12 * expected.abs().max(1.0),
            "{out} for {window:?}"
        );
        let json = serde_json::to_string(&loaded).unwrap();
        let again: I = serde_json::from_str(&json).expect("own checkpoint accepted");
        assert_eq!(again, loaded);
    }
    true
}

#[test]
fn a_window_slot_edited_within_rounding_of_a_huge_value_cannot_poison_later_checkpoints() {
    // The serde fuzz found a StdDev state with an edited window slot that loaded, and whose
    // own checkpoint was refused a few updates later ("rolling sum does not match the
    // values in its window"): the stored sums, within a tolerance scaled by the window (and
    // so by the edited value itself, or by a huge value that later left), disagreed with
    // the window once that value had left. Loading now recomputes every sum in use from
    // the window, so a loaded state is the state its window produces.
    let inputs = [1.0, 1e149, 1.0, 2.0, 3.0];
    let mean = |w: &[f64]| w.iter().sum::<f64>() / w.len() as f64;

    // An SMA: editing its newest input 3 into 3.5 is within rounding of 1e149 (the window
    // sum): refused, or loaded as the edited window. Its slots hold [3, then the suffix sums
    // 1e149 + 3, 3, 2 of the last block].
    let mut sma = ta_stream::average::Sma::new(4).unwrap();
    sma.batch(&inputs);
    let mut state = serde_json::to_value(&sma).unwrap();
    state["sum"]["slots"][0] = serde_json::json!(3.5);
    loads_as_its_window::<ta_stream::average::Sma>(state, vec![1e149, 1.0, 2.0, 3.5], mean);

    // A standard deviation whose newest slot (3) is edited into 1e149: refused, or loaded as
    // the edited window.
    let mut sd = StdDev::new(4).unwrap();
    sd.batch(&inputs);
    let mut state = serde_json::to_value(&sd).unwrap();
    state["variance"]["sum"]["slots"][0] = serde_json::json!(1e149);
    loads_as_its_window::<StdDev>(state, vec![1e149, 1.0, 2.0, 1e149], |w| two_pass(w).sqrt());
}

#[test]
fn an_edited_window_slot_outside_the_usable_range_is_refused() {
    let mut variance = Variance::new(3).unwrap();
    variance.batch(&[1.0, 2.0, 3.0, 4.0]);
    for bad in [1e154, 1e-300, 1e149] {
        let mut state = serde_json::to_value(&variance).unwrap();
        state["sum"]["slots"][1] = serde_json::json!(bad);
        assert!(serde_json::from_value::<Variance>(state).is_err(), "{bad}");
    }
}

#[test]
fn drawdown_bar_counts_cannot_overflow() {
    // Found by the serde fuzz: a count of u64::MAX loaded, then a new peak at index
    // u64::MAX made the next checkpoint (peak index < count) refused. Counts saturate, and
    // the peak index one below them.
    let mut drawdown = Drawdown::new();
    drawdown.batch(&[1.0, 0.5]);
    let mut state = serde_json::to_value(drawdown).unwrap();
    state["count"] = serde_json::json!(u64::MAX - 2);
    let mut loaded: Drawdown = serde_json::from_value(state).unwrap();
    for x in [2.0, 1.0, 3.0, 4.0, 0.5, 5.0] {
        let out = loaded.update(x).unwrap();
        assert!(drawdown_ok(&out), "{out:?}");
        let json = serde_json::to_string(&loaded).unwrap();
        assert_eq!(serde_json::from_str::<Drawdown>(&json).unwrap(), loaded);
    }
    let out = loaded.value().unwrap();
    assert_eq!(
        (out.peak, out.peak_index, out.duration),
        (5.0, u64::MAX - 1, 0)
    );
}
