//! Properties of the relative-strength and put/call indicators (proptest): the common
//! indicator contract for every type, antisymmetry of spreads, scale invariance of the
//! put/call z-score, correlation bounds, beta and correlation against naive two-pass
//! recomputations, and refusal of corrupt serialized states.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use serde_json::{json, Value};
use ta_stream::relative::{
    Beta, Correlation, Leadership, LeadershipEvent, Mansfield, PerformanceSpread, RatioLine,
    Returns,
};
use ta_stream::sentiment::{Normalize, OptionVolume, PutCall, PutCallReading, Thresholds};
use ta_stream::Indicator;

/// Positive prices with frequent exact ties.
fn price() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => prop::sample::select(vec![99.0, 100.0, 101.0]),
        2 => 1.0..200.0_f64,
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((price(), price()), 0..120)
}

/// Any usable numbers, signs included (for the raw-value correlation).
fn raw_pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    let value = prop_oneof![
        1 => prop::sample::select(vec![-1.0, 0.0, 1.0]),
        2 => -1e3..1e3_f64,
    ];
    prop::collection::vec((value.clone(), value), 0..120)
}

fn unusable_pair() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        (unusable(), price()),
        (price(), unusable()),
        (unusable(), unusable())
    ]
}

/// For indicators of positive prices: also zero and negative prices.
fn unusable_price_pair() -> impl Strategy<Value = (f64, f64)> {
    let bad = prop_oneof![unusable(), prop::sample::select(vec![0.0, -0.0, -5.0])];
    prop_oneof![(bad.clone(), price()), (price(), bad)]
}

fn volumes() -> impl Strategy<Value = Vec<OptionVolume>> {
    let volume = prop_oneof![
        1 => prop::sample::select(vec![(500.0, 1000.0), (1000.0, 1000.0)]),
        2 => (0.0..2e6_f64, 1.0..2e6_f64),
    ];
    prop::collection::vec(
        volume.prop_map(|(puts, calls)| OptionVolume { puts, calls }),
        0..120,
    )
}

fn unusable_volume() -> impl Strategy<Value = OptionVolume> {
    prop::sample::select(vec![
        (100.0, 0.0),
        (-1.0, 10.0),
        (10.0, -3.0),
        (f64::NAN, 1.0),
        (1.0, f64::INFINITY),
        (0.0, 0.0),
        // Usable volumes whose ratio is not: 1e300 would overflow the variance.
        (1e150, 1e-150),
        (1e-150, 1e150),
    ])
    .prop_map(|(puts, calls)| OptionVolume { puts, calls })
}

/// What an ignored input returns: the last reading without its regime change.
fn quiet_reading(last: Option<PutCallReading>) -> Option<PutCallReading> {
    last.map(|reading| PutCallReading {
        change: None,
        ..reading
    })
}

// ---------------------------------------------------------------- the common contract

indicator_contract!(
    ratio_line_anchored,
    |_p: usize| RatioLine::<f64>::anchored(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    ratio_line_window,
    |p: usize| RatioLine::<f64>::new(p).unwrap(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    spread_anchored,
    |_p: usize| PerformanceSpread::<f64>::anchored(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    spread_window_log,
    |p: usize| PerformanceSpread::<f64>::new(p)
        .unwrap()
        .with_returns(Returns::Log),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    spread_fixed,
    |_p: usize| PerformanceSpread::since(100.0, 50.0).unwrap(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    mansfield,
    |p: usize| Mansfield::<f64>::new(p).unwrap(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    leadership,
    |p: usize| Leadership::<f64>::new(p).unwrap(),
    pairs(),
    unusable_price_pair(),
    quiet = |last: Option<Option<LeadershipEvent>>| last.map(|_| None)
);
indicator_contract!(
    beta,
    |p: usize| Beta::<f64>::new(p + 1).unwrap(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    beta_talib_log,
    |p: usize| Beta::<f64>::talib(p + 1)
        .unwrap()
        .with_returns(Returns::Log),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    correlation_returns,
    |p: usize| Correlation::<f64>::new(p + 1).unwrap(),
    pairs(),
    unusable_price_pair()
);
indicator_contract!(
    correlation_talib,
    |p: usize| Correlation::<f64>::talib(p + 1).unwrap(),
    raw_pairs(),
    unusable_pair()
);
indicator_contract!(
    put_call,
    |p: usize| PutCall::<f64>::new(p, p + 1).unwrap(),
    volumes(),
    unusable_volume(),
    quiet = quiet_reading
);
indicator_contract!(
    put_call_smoothed_levels,
    |p: usize| PutCall::<f64>::new(p, 3)
        .unwrap()
        .with_normalize(Normalize::Smoothed)
        .with_thresholds(Thresholds::total_levels()),
    volumes(),
    unusable_volume(),
    quiet = quiet_reading
);

// ---------------------------------------------------------------- naive recomputations

/// Two-pass (mean, Σ(x−x̄)(y−ȳ), Σ(x−x̄)², Σ(y−ȳ)²) of a window.
fn comoments(xs: &[f64], ys: &[f64]) -> (f64, f64, f64) {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    xs.iter()
        .zip(ys)
        .fold((0.0, 0.0, 0.0), |(xy, xx, yy), (&x, &y)| {
            (
                xy + (x - mx) * (y - my),
                xx + (x - mx) * (x - mx),
                yy + (y - my) * (y - my),
            )
        })
}

proptest! {
    #[test]
    fn beta_and_correlation_equal_their_two_pass_recomputation(period in 2..30usize, xs in pairs()) {
        let beta = Beta::new(period).unwrap().batch(&xs);
        let rho = Correlation::new(period).unwrap().batch(&xs);
        let returns: Vec<(f64, f64)> = xs.windows(2).map(|w| (w[1].0 / w[0].0 - 1.0, w[1].1 / w[0].1 - 1.0)).collect();
        for index in period..xs.len() {
            let window = &returns[index - period..index];
            let ra: Vec<f64> = window.iter().map(|r| r.0).collect();
            let rb: Vec<f64> = window.iter().map(|r| r.1).collect();
            let (xy, xx, yy) = comoments(&ra, &rb);
            let scale = (xx * yy).sqrt();
            let b = beta[index].unwrap();
            let r = rho[index].unwrap();
            if yy > 1e-20 {
                prop_assert!((b - xy / yy).abs() <= 1e-8 * (1.0 + (xy / yy).abs()) * (1.0 + (xx / yy).sqrt()), "beta {} vs {}", b, xy / yy);
            }
            if xx > 1e-20 && yy > 1e-20 {
                prop_assert!((r - xy / scale).abs() <= 1e-8, "rho {} vs {}", r, xy / scale);
            }
        }
    }

    #[test]
    fn correlation_stays_in_its_range(period in 2..30usize, xs in raw_pairs(), k in -3.0..3.0_f64) {
        // Nearly collinear pairs stress the bound the most.
        let collinear: Vec<(f64, f64)> = xs.iter().map(|&(x, e)| (x, k * x + 1e-9 * e)).collect();
        for input in [&xs, &collinear] {
            for r in Correlation::talib(period).unwrap().batch(input).into_iter().flatten() {
                prop_assert!((-1.0..=1.0).contains(&r), "{}", r);
            }
        }
    }

    #[test]
    fn spreads_are_antisymmetric(period in 1..30usize, xs in pairs(), log in any::<bool>()) {
        let returns = if log { Returns::Log } else { Returns::Simple };
        let swapped: Vec<(f64, f64)> = xs.iter().map(|&(a, b)| (b, a)).collect();
        for make in [
            &(|| PerformanceSpread::<f64>::anchored()) as &dyn Fn() -> PerformanceSpread<f64>,
            &|| PerformanceSpread::new(period).unwrap(),
        ] {
            let forward = make().with_returns(returns).batch(&xs);
            let backward = make().with_returns(returns).batch(&swapped);
            for (f, b) in forward.iter().zip(&backward) {
                prop_assert_eq!(f.map(|x| -x), *b);
            }
        }
    }

    #[test]
    fn spread_equals_its_definition(period in 1..30usize, xs in pairs()) {
        let out = PerformanceSpread::new(period).unwrap().batch(&xs);
        for index in period..xs.len() {
            let ((a0, b0), (a, b)) = (xs[index - period], xs[index]);
            let expected = 100.0 * ((a / a0 - 1.0) - (b / b0 - 1.0));
            prop_assert!((out[index].unwrap() - expected).abs() <= 1e-12 * (1.0 + expected.abs()));
        }
    }

    #[test]
    fn put_call_z_score_and_percentile_ignore_the_scale_of_the_ratio(lookback in 2..40usize, xs in volumes()) {
        let scaled = |k: f64| -> Vec<OptionVolume> {
            xs.iter().map(|v| OptionVolume { puts: v.puts * k, calls: v.calls }).collect()
        };
        let base = PutCall::new(5, lookback).unwrap().batch(&xs);
        let exact = PutCall::new(5, lookback).unwrap().batch(&scaled(4.0));
        let inexact = PutCall::new(5, lookback).unwrap().batch(&scaled(3.7));
        for ((b, e), i) in base.iter().zip(&exact).zip(&inexact) {
            prop_assert_eq!(b.is_some(), i.is_some());
            if let (Some(b), Some(e), Some(i)) = (b, e, i) {
                prop_assert_eq!(b.z_score, e.z_score); // a power of two scales exactly
                prop_assert_eq!(b.percentile, e.percentile);
                prop_assert_eq!(b.regime, e.regime);
                prop_assert!((b.z_score - i.z_score).abs() <= 1e-9 * (1.0 + b.z_score.abs()));
            }
        }
    }

    #[test]
    fn put_call_percentile_equals_a_naive_count(lookback in 2..40usize, xs in volumes()) {
        let out = PutCall::new(3, lookback).unwrap().batch(&xs);
        let ratios: Vec<f64> = xs.iter().map(|v| v.puts / v.calls).collect();
        for index in 0..xs.len() {
            if let Some(reading) = out[index] {
                let earlier = &ratios[index + 1 - lookback..index];
                let below = earlier.iter().filter(|&&r| r < ratios[index]).count();
                prop_assert_eq!(reading.percentile, 100.0 * below as f64 / (lookback - 1) as f64);
            }
        }
    }
}

// ---------------------------------------------------------------- corrupt states

fn fed<I: Indicator + serde::Serialize>(mut indicator: I, inputs: &[I::Input]) -> Value {
    indicator.batch(inputs);
    serde_json::to_value(&indicator).unwrap()
}

fn refused<I: serde::de::DeserializeOwned + std::fmt::Debug>(value: Value) -> String {
    serde_json::from_value::<I>(value)
        .expect_err("a corrupt state must be refused")
        .to_string()
}

fn walk(n: usize) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let i = i as f64;
            (
                100.0 + (i / 3.0).sin() * 5.0 + i * 0.1,
                50.0 + (i / 5.0).cos() * 2.0,
            )
        })
        .collect()
}

#[test]
fn corrupt_beta_and_correlation_states_are_refused() {
    let pairs = walk(37);
    let state = fed(Beta::new(10).unwrap(), &pairs);
    let restored: Beta = serde_json::from_value(state.clone()).unwrap();
    assert_eq!(restored.value(), Beta::new(10).unwrap().batch(&pairs)[36]);

    let mut bad = state.clone();
    bad["moments"]["xs"][3] = json!(0.5);
    assert!(refused::<Beta>(bad).contains("co-moments"));
    let mut bad = state.clone();
    bad["moments"]["current"]["xy"] = json!(1.0);
    assert!(refused::<Beta>(bad).contains("co-moments"));
    let mut bad = state.clone();
    bad["moments"]["next"] = json!(10);
    assert!(refused::<Beta>(bad).contains("write slot"));
    let mut bad = state.clone();
    bad["previous"] = json!([-1.0, 5.0]);
    assert!(refused::<Beta>(bad).contains("positive"));
    let mut bad = state;
    bad["moments"]["ys"] = json!([1.0]);
    assert!(refused::<Beta>(bad).contains("invalid"));

    let state = fed(Correlation::talib(7).unwrap(), &pairs);
    let mut bad = state.clone();
    bad["moments"]["old"][6]["yy"] = json!(1e9);
    assert!(refused::<Correlation>(bad).contains("co-moments"));
    let mut bad = state;
    bad["previous"] = json!([1.0, 1.0]);
    assert!(refused::<Correlation>(bad).contains("correlation"));
}

#[test]
fn corrupt_spread_ratio_mansfield_and_leadership_states_are_refused() {
    let pairs = walk(30);
    let state = fed(PerformanceSpread::anchored(), &pairs);
    let mut bad = state.clone();
    bad["base"]["First"] = json!([0.0, 1.0]);
    assert!(refused::<PerformanceSpread>(bad).contains("positive"));
    let mut bad = state;
    bad["last"] = Value::Null;
    assert!(refused::<PerformanceSpread>(bad).contains("spread"));
    let state = fed(PerformanceSpread::since(10.0, 10.0).unwrap(), &pairs);
    let mut bad = state;
    bad["base"]["Fixed"] = json!([10.0, -10.0]);
    assert!(refused::<PerformanceSpread>(bad).contains("positive"));

    let state = fed(RatioLine::new(5).unwrap(), &pairs);
    let mut bad = state.clone();
    bad["last"]["ratio"] = json!(7.0);
    assert!(refused::<RatioLine>(bad).contains("ratio line"));
    let mut bad = state;
    bad["history"]["values"][0] = json!(-1.0);
    assert!(refused::<RatioLine>(bad).contains("ratio line"));

    let state = fed(Mansfield::new(5).unwrap(), &pairs);
    let mut bad = state;
    bad["relative_price"] = Value::Null;
    assert!(refused::<Mansfield>(bad).contains("Mansfield"));

    let state = fed(Leadership::new(5).unwrap(), &pairs);
    let mut bad = state.clone();
    let flipped = match bad["cross"]["latest"].as_str().unwrap() {
        "Above" => "Below",
        _ => "Above",
    };
    bad["cross"]["latest"] = json!(flipped);
    assert!(refused::<Leadership>(bad).contains("leadership"));
    let mut bad = state;
    bad["ratio"] = Value::Null;
    assert!(refused::<Leadership>(bad).contains("leadership"));
}

#[test]
fn corrupt_put_call_states_are_refused() {
    let inputs: Vec<OptionVolume> = (0..40)
        .map(|i| OptionVolume::from_ratio(0.6 + 0.2 * (f64::from(i) / 3.0).sin()).unwrap())
        .collect();
    let state = fed(PutCall::new(5, 10).unwrap(), &inputs);
    let restored: PutCall = serde_json::from_value(state.clone()).unwrap();
    let mut original = PutCall::new(5, 10).unwrap();
    original.batch(&inputs);
    assert_eq!(restored, original);

    let mut bad = state.clone();
    bad["last"]["regime"] = json!("ExtremeFear");
    assert!(refused::<PutCall>(bad).contains("put/call"));
    let mut bad = state.clone();
    bad["last"]["percentile"] = json!(140.0);
    assert!(refused::<PutCall>(bad).contains("put/call"));
    let mut bad = state.clone();
    bad["window"]["values"][2] = json!(-0.5);
    assert!(refused::<PutCall>(bad).contains("put/call"));
    let mut bad = state.clone();
    bad["thresholds"]["fear"] = json!(-3.0);
    assert!(refused::<PutCall>(bad).contains("thresholds"));
    let mut bad = state;
    bad["variance"]["ddof"] = json!(0);
    assert!(refused::<PutCall>(bad).contains("put/call"));
}
