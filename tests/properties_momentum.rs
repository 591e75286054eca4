//! Properties of the momentum indicators and rolling extremes (proptest): the common contract
//! for every type, naive recomputations, ranges, f32 against f64, and refusal of corrupt
//! serialized states.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use serde_json::{json, Value};
use ta_stream::bar::Candle;
use ta_stream::momentum::{FastStochastic, Macd, Momentum, Roc, Rocp, Stochastic};
use ta_stream::statistics::{RollingMax, RollingMin};
use ta_stream::Indicator;

/// Values of both signs over several magnitudes, with exact zeros (a zero base for ROC).
fn values() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        10 => 1.0..1000.0_f64,
        10 => -1e6..1e6_f64,
        2 => -1e-6..1e-6_f64,
        1 => Just(0.0),
        1 => prop::sample::select(vec![99.0, 100.0, 101.0]),
    ];
    prop::collection::vec(value, 0..160)
}

/// Positive prices only.
fn prices() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(1.0..1000.0_f64, 0..160)
}

/// A valid candle on a 0.25 grid (exact in f32 as well as f64), flat one time in six, so that
/// flat windows (HH == LL) and ties occur.
fn candle() -> impl Strategy<Value = Candle> {
    (4..4000u32, 0..40u32, 0..40u32, 0..=4u32, 0..6u32).prop_map(|(level, up, down, at, flat)| {
        let (up, down) = if flat == 0 { (0, 0) } else { (up, down) };
        let close = f64::from(level) * 0.25;
        let high = close + f64::from(up) * 0.25;
        let low = (close - f64::from(down) * 0.25).max(0.0);
        let open = low + (high - low) * f64::from(at) / 4.0;
        Candle::new(open, high, low, close, 1.0).unwrap()
    })
}

fn candles() -> impl Strategy<Value = Vec<Candle>> {
    prop::collection::vec(candle(), 0..120)
}

/// Candles with one unusable number.
fn unusable_candle() -> impl Strategy<Value = Candle> {
    (unusable(), 0..5usize).prop_map(|(bad, field)| {
        let mut candle = Candle {
            open: 10.0,
            high: 11.0,
            low: 9.0,
            close: 10.5,
            volume: 1.0,
        };
        match field {
            0 => candle.open = bad,
            1 => candle.high = bad,
            2 => candle.low = bad,
            3 => candle.close = bad,
            _ => candle.volume = bad,
        }
        candle
    })
}

indicator_contract!(
    macd,
    |n: usize| Macd::<f64>::new(n + 1, 2 * n + 1, n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    macd_swapped,
    |n: usize| Macd::<f64>::new(3 * n + 1, n + 1, 1 + n % 5).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    roc,
    |n: usize| Roc::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    rocp,
    |n: usize| Rocp::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    momentum,
    |n: usize| Momentum::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    rolling_max,
    |n: usize| RollingMax::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    rolling_min,
    |n: usize| RollingMin::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    stochastic,
    |n: usize| Stochastic::<f64>::new(n, 1 + n % 4, 1 + n % 3).unwrap(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    fast_stochastic,
    |n: usize| FastStochastic::<f64>::new(n, 1 + n % 4).unwrap(),
    candles(),
    unusable_candle()
);

fn to_f32(candle: &Candle) -> Candle<f32> {
    Candle {
        open: candle.open as f32,
        high: candle.high as f32,
        low: candle.low as f32,
        close: candle.close as f32,
        volume: candle.volume as f32,
    }
}

/// Asserts `|f32 − f64| <= tolerance(f64 value)` at every index, with the same warm-up.
fn assert_f32_agrees(
    wide: &[Option<f64>],
    narrow: &[Option<f32>],
    tolerance: impl Fn(f64) -> f64,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(wide.len(), narrow.len());
    for (index, (w, n)) in wide.iter().zip(narrow).enumerate() {
        prop_assert_eq!(w.is_some(), n.is_some(), "index {}", index);
        if let (Some(w), Some(n)) = (w, n) {
            let error = (f64::from(*n) - w).abs();
            prop_assert!(
                error <= tolerance(*w),
                "index {}: f64 {} f32 {}",
                index,
                w,
                n
            );
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn rolling_max_and_min_are_the_naive_extremes(period in 1..40usize, xs in values()) {
        let max = RollingMax::new(period).unwrap().batch(&xs);
        let min = RollingMin::new(period).unwrap().batch(&xs);
        for index in 0..xs.len() {
            if index + 1 < period {
                prop_assert_eq!((max[index], min[index]), (None, None));
                continue;
            }
            let window = &xs[index + 1 - period..=index];
            let (high, low) = (max[index].unwrap(), min[index].unwrap());
            prop_assert!(window.iter().all(|&x| x <= high && x >= low), "index {}", index);
            prop_assert_eq!(high, window.iter().copied().fold(f64::NEG_INFINITY, f64::max));
            prop_assert_eq!(low, window.iter().copied().fold(f64::INFINITY, f64::min));
        }
    }

    #[test]
    fn lagged_indicators_are_their_formulas(period in 1..40usize, xs in values()) {
        let roc = Roc::new(period).unwrap().batch(&xs);
        let rocp = Rocp::new(period).unwrap().batch(&xs);
        let mom = Momentum::new(period).unwrap().batch(&xs);
        for index in 0..xs.len() {
            let Some(base_index) = index.checked_sub(period) else {
                prop_assert_eq!((roc[index], rocp[index], mom[index]), (None, None, None));
                continue;
            };
            let (x, base) = (xs[index], xs[base_index]);
            prop_assert_eq!(mom[index], Some(x - base));
            if base == 0.0 {
                prop_assert_eq!((roc[index], rocp[index]), (Some(0.0), Some(0.0)));
            } else {
                let ratio = x / base;
                let roc_value = roc[index].unwrap();
                let rocp_value = rocp[index].unwrap();
                prop_assert!((roc_value - 100.0 * (ratio - 1.0)).abs() <= 1e-12 * 100.0 * (ratio.abs() + 1.0));
                prop_assert!((rocp_value - (ratio - 1.0)).abs() <= 1e-12 * (ratio.abs() + 1.0));
            }
        }
    }

    #[test]
    fn stochastic_stays_in_0_100(fast_k in 1..30usize, smoothing in 1..5usize, bars in candles()) {
        // 1e-9 of slack: TA-Lib's evaluation order (C − LL)/((HH − LL)/100) can exceed 100 by
        // one rounding (100.00000000000001), and the rolling mean adds its own.
        let in_range = |v: f64| (-1e-9..=100.0 + 1e-9).contains(&v);
        for output in Stochastic::new(fast_k, smoothing, smoothing).unwrap().batch(&bars).into_iter().flatten() {
            prop_assert!(in_range(output.k) && in_range(output.d), "{:?}", output);
        }
        for output in FastStochastic::new(fast_k, smoothing).unwrap().batch(&bars).into_iter().flatten() {
            prop_assert!(in_range(output.k) && in_range(output.d), "{:?}", output);
        }
    }

    #[test]
    fn fast_k_is_the_naive_formula(fast_k in 1..30usize, bars in candles()) {
        let outputs = FastStochastic::new(fast_k, 1).unwrap().batch(&bars);
        for (index, output) in outputs.iter().enumerate() {
            let Some(output) = output else { continue };
            let window = &bars[index + 1 - fast_k..=index];
            let high = window.iter().map(|c| c.high).fold(f64::NEG_INFINITY, f64::max);
            let low = window.iter().map(|c| c.low).fold(f64::INFINITY, f64::min);
            let expected = if high == low { 0.0 } else { 100.0 * (bars[index].close - low) / (high - low) };
            prop_assert!((output.k - expected).abs() <= 1e-12 * 100.0, "index {}", index);
            prop_assert_eq!(output.d, output.k);
        }
    }

    #[test]
    fn f32_agrees_with_f64_for_single_series(period in 1..40usize, xs in prices()) {
        let narrow: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
        // f32 precision relative to the scale of the inputs (prices up to 1000).
        let scale = xs.iter().fold(1.0_f64, |m, x| m.max(x.abs()));
        let price_tolerance = |_: f64| 1e-5 * scale;

        let macd = |n: usize| (n + 1, 2 * n + 1, n);
        let (fast, slow, signal) = macd(period);
        let wide = Macd::<f64>::new(fast, slow, signal).unwrap().batch(&xs);
        let thin = Macd::<f32>::new_generic(fast, slow, signal).unwrap().batch(&narrow);
        for (pick, name) in [(0, "macd"), (1, "signal"), (2, "histogram")] {
            let project = |o: (f64, f64, f64)| [o.0, o.1, o.2][pick];
            let w: Vec<Option<f64>> = wide.iter().map(|o| o.map(|o| project((o.macd, o.signal, o.histogram)))).collect();
            let n: Vec<Option<f32>> = thin.iter().map(|o| o.map(|o| [o.macd, o.signal, o.histogram][pick])).collect();
            assert_f32_agrees(&w, &n, price_tolerance).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        }
        assert_f32_agrees(&Momentum::new_generic(period).unwrap().batch(&xs), &Momentum::new_generic(period).unwrap().batch(&narrow), price_tolerance)?;
        assert_f32_agrees(&RollingMax::new_generic(period).unwrap().batch(&xs), &RollingMax::new_generic(period).unwrap().batch(&narrow), price_tolerance)?;
        assert_f32_agrees(&RollingMin::new_generic(period).unwrap().batch(&xs), &RollingMin::new_generic(period).unwrap().batch(&narrow), price_tolerance)?;
        // The relative changes: f32 precision relative to the ratio x/base (ROC = 100·(ratio − 1)).
        assert_f32_agrees(&Roc::new_generic(period).unwrap().batch(&xs), &Roc::new_generic(period).unwrap().batch(&narrow), |w| 1e-5 * (w.abs() + 100.0))?;
        assert_f32_agrees(&Rocp::new_generic(period).unwrap().batch(&xs), &Rocp::new_generic(period).unwrap().batch(&narrow), |w| 1e-5 * (w.abs() + 1.0))?;
    }

    #[test]
    fn f32_agrees_with_f64_for_stochastics(fast_k in 1..30usize, smoothing in 1..5usize, bars in candles()) {
        // The candles are exact in f32: what differs is f32 arithmetic, on the scale of 100.
        let narrow: Vec<Candle<f32>> = bars.iter().map(to_f32).collect();
        let tolerance = |_: f64| 1e-5 * 100.0;
        let wide = Stochastic::<f64>::new(fast_k, smoothing, smoothing).unwrap().batch(&bars);
        let thin = Stochastic::<f32>::new_generic(fast_k, smoothing, smoothing).unwrap().batch(&narrow);
        let k = |v: &[Option<ta_stream::momentum::StochasticOutput<f64>>]| v.iter().map(|o| o.map(|o| o.k)).collect::<Vec<_>>();
        let d = |v: &[Option<ta_stream::momentum::StochasticOutput<f64>>]| v.iter().map(|o| o.map(|o| o.d)).collect::<Vec<_>>();
        let k32 = |v: &[Option<ta_stream::momentum::StochasticOutput<f32>>]| v.iter().map(|o| o.map(|o| o.k)).collect::<Vec<_>>();
        let d32 = |v: &[Option<ta_stream::momentum::StochasticOutput<f32>>]| v.iter().map(|o| o.map(|o| o.d)).collect::<Vec<_>>();
        assert_f32_agrees(&k(&wide), &k32(&thin), tolerance)?;
        assert_f32_agrees(&d(&wide), &d32(&thin), tolerance)?;
        let wide = FastStochastic::<f64>::new(fast_k, smoothing).unwrap().batch(&bars);
        let thin = FastStochastic::<f32>::new_generic(fast_k, smoothing).unwrap().batch(&narrow);
        assert_f32_agrees(&k(&wide), &k32(&thin), tolerance)?;
        assert_f32_agrees(&d(&wide), &d32(&thin), tolerance)?;
    }
}

// ---- Corrupt serialized states are refused ----

const PRICES: [f64; 12] = [
    10.0, 11.0, 12.5, 12.0, 13.0, 12.0, 11.5, 12.5, 14.0, 13.5, 13.0, 15.0,
];

fn saved<I: serde::Serialize + Indicator>(mut indicator: I, inputs: &[I::Input]) -> Value {
    indicator.batch(inputs);
    serde_json::to_value(&indicator).unwrap()
}

fn refused<T: serde::de::DeserializeOwned>(state: Value) -> String {
    match serde_json::from_value::<T>(state) {
        Ok(_) => panic!("corrupt state accepted"),
        Err(error) => error.to_string(),
    }
}

fn bars() -> Vec<Candle> {
    PRICES
        .iter()
        .map(|&c| Candle::new(c, c + 1.0, c - 1.0, c, 0.0).unwrap())
        .collect()
}

#[test]
fn a_rolling_max_holding_a_min_deque_is_refused() {
    let mut state = saved(RollingMax::new(3).unwrap(), &[1.0, 2.0, 3.0]);
    state["deque"]["extremum"] = json!("Min");
    assert!(refused::<RollingMax>(state)
        .contains("a rolling maximum holds a deque that tracks the other extreme"));
    // A single candidate, so that the deque itself is a valid window of either kind.
    let mut state = saved(RollingMin::new(3).unwrap(), &[3.0, 2.0, 1.0]);
    state["deque"]["extremum"] = json!("Max");
    assert!(refused::<RollingMin>(state)
        .contains("a rolling minimum holds a deque that tracks the other extreme"));
}

#[test]
fn a_lagged_state_with_an_output_before_its_window_is_full_is_refused() {
    let mut state = saved(Roc::new(5).unwrap(), &PRICES[..3]);
    assert_eq!(state["value"], Value::Null);
    state["value"] = json!(3.0);
    assert!(refused::<Roc>(state).contains("lagged output"));
}

#[test]
fn a_lagged_window_with_an_oversized_value_is_refused() {
    let mut state = saved(Momentum::new(3).unwrap(), &PRICES);
    state["window"]["values"][1] = json!(1e300);
    assert!(refused::<Momentum>(state).contains("oversized"));
    let mut state = saved(Rocp::new(3).unwrap(), &PRICES);
    state["window"]["values"][0] = json!(-1e200);
    assert!(refused::<Rocp>(state).contains("oversized"));
}

#[test]
fn macd_states_whose_averages_disagree_are_refused() {
    let valid = saved(Macd::new(3, 5, 2).unwrap(), &PRICES[..4]);
    // The slow average has seen 4 inputs, the fast one 4 − (5 − 3) = 2.
    assert_eq!(
        (valid["seen"].clone(), valid["fast"]["count"].clone()),
        (json!(4), json!(2))
    );
    let mut state = valid.clone();
    state["seen"] = json!(3);
    assert!(refused::<Macd>(state).contains("inconsistent"));
    let mut state = valid.clone();
    state["fast"]["count"] = json!(3);
    state["fast"]["state"] = json!(33.0);
    assert!(refused::<Macd>(state).contains("inconsistent"));
    let mut state = valid.clone();
    state["signal"]["count"] = json!(1);
    state["signal"]["state"] = json!(0.5);
    assert!(refused::<Macd>(state).contains("inconsistent"));
    let mut state = valid.clone();
    state["fast"]["period"] = json!(7);
    assert!(refused::<Macd>(state).contains("fast period <= slow period"));
    let mut state = valid;
    state["slow"]["rule"] = json!("Wilder");
    assert!(refused::<Macd>(state).contains("SMA-seeded EMAs"));
}

#[test]
fn a_macd_state_with_a_fast_period_of_one_is_refused() {
    let mut state = saved(Macd::new(3, 5, 2).unwrap(), &PRICES[..1]);
    state["fast"]["period"] = json!(1);
    assert!(refused::<Macd>(state).contains("`fast` = 1"));
}

#[test]
fn stochastic_states_whose_windows_disagree_are_refused() {
    let valid = saved(Stochastic::new(4, 3, 2).unwrap(), &bars()[..6]);
    let mut state = valid.clone();
    let other_period = saved(Stochastic::new(5, 3, 2).unwrap(), &bars()[..6]);
    state["range"]["lowest"] = other_period["range"]["lowest"].clone();
    assert!(refused::<Stochastic>(state).contains("high and low windows disagree"));
    // One %K value fewer in the smoothing than the range has produced.
    let short = saved(Stochastic::new(4, 3, 2).unwrap(), &bars()[..5]);
    let mut state = valid;
    state["slow_k"] = short["slow_k"].clone();
    assert!(refused::<Stochastic>(state).contains("do not match the number of candles"));
    let valid = saved(FastStochastic::new(4, 3).unwrap(), &bars()[..5]);
    let mut state = valid;
    state["range"]["highest"]["pushed"] = json!(6);
    let message = refused::<FastStochastic>(state);
    assert!(
        message.contains("monotonic deque") || message.contains("disagree"),
        "{message}"
    );
}

#[test]
fn a_valid_state_is_accepted_and_resumes() {
    let state = saved(Stochastic::default(), &bars());
    let mut restored: Stochastic = serde_json::from_value(state).unwrap();
    let mut original = Stochastic::default();
    original.batch(&bars());
    let more = bars();
    assert_eq!(restored.batch(&more), original.batch(&more));
}
