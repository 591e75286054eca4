//! The contract under adversarial inputs for every relative-strength indicator (ratio line,
//! performance spread, Mansfield RS, beta, correlation, leadership): every `Some` output
//! finite and within its documented bounds, every reachable state a checkpoint, mutated
//! checkpoints refused or harmless; plus a regression test per case quoted in issue 15.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32s, adversarial_f64s, adversarial_positive_f64s};
use proptest::prelude::*;
use ta_stream::relative::{
    Beta, Correlation, Leadership, LeadershipEvent, Mansfield, PerformanceSpread, RatioLine,
    RatioLineOutput, Returns,
};
use ta_stream::{Error, Indicator};

/// The pairs that broke these indicators: the usable range's edges against each other
/// (asset 1e150 on benchmark 1e-150), values just outside, and ordinary prices.
fn edge_pair() -> impl Strategy<Value = (f64, f64)> {
    let edge = prop::sample::select(vec![
        1e150,
        1e-150,
        1.0,
        100.0,
        9007199254740992.0,
        1e19,
        1e75,
        1e-75,
        5e-324,
        1e-310,
        1e154,
        0.0,
    ]);
    (edge.clone(), edge)
}

/// Pairs of adversarial numbers: independent positive sequences, signed sequences, and
/// sequences of edge pairs.
fn pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop_oneof![
        (adversarial_positive_f64s(), adversarial_positive_f64s())
            .prop_map(|(a, b)| a.into_iter().zip(b).collect()),
        (adversarial_f64s(), adversarial_f64s()).prop_map(|(a, b)| a.into_iter().zip(b).collect()),
        prop::collection::vec(edge_pair(), 0..60),
        (adversarial_positive_f64s(), edge_pair())
            .prop_map(|(a, (x, y))| a.into_iter().map(|v| (v * x.min(1.0), y)).collect()),
    ]
}

fn pairs_f32() -> impl Strategy<Value = Vec<(f32, f32)>> {
    let edge = prop::sample::select(vec![1e15_f32, 1e-15, 1.0, 100.0, 16777216.0, 1e-30, 0.0]);
    prop_oneof![
        (adversarial_f32s(), adversarial_f32s()).prop_map(|(a, b)| a
            .into_iter()
            .map(f32::abs)
            .zip(b)
            .collect()),
        prop::collection::vec((edge.clone(), edge), 0..60),
    ]
}

fn ratio_line_ok(out: &RatioLineOutput<f64>) -> bool {
    (1e-150..=1e150).contains(&out.ratio)
        && out.change_percent.is_finite()
        && out.change_percent >= -100.0
}

fn ratio_line_ok_f32(out: &RatioLineOutput<f32>) -> bool {
    (1e-15..=1e15).contains(&out.ratio)
        && out.change_percent.is_finite()
        && out.change_percent >= -100.0
}

fn finite(out: &f64) -> bool {
    out.is_finite()
}

/// Mansfield RS over 3 bars: `RP` is one of the 3 values averaged, so
/// `−100 ≤ MRS ≤ 100·(3 − 1)` (plus rounding).
fn mansfield_ok(out: &f64) -> bool {
    (-100.0..=200.0 * (1.0 + 1e-12)).contains(out)
}

fn correlation_ok(out: &f64) -> bool {
    (-1.0..=1.0).contains(out)
}

fn correlation_ok_f32(out: &f32) -> bool {
    (-1.0..=1.0).contains(out)
}

/// An event carries no number: every value of the type is in contract (what matters for
/// leadership is that every state stays a checkpoint, checked by the macros).
fn leadership_ok(out: &Option<LeadershipEvent>) -> bool {
    matches!(
        out,
        None | Some(LeadershipEvent::AssetLeads | LeadershipEvent::BenchmarkLeads)
    )
}

// ---------------------------------------------------------------- adversarial contract

adversarial_contract!(
    ratio_line_anchored_keeps_the_contract,
    || RatioLine::<f64>::anchored(),
    pairs(),
    ratio_line_ok
);
adversarial_contract!(
    ratio_line_window_keeps_the_contract,
    || RatioLine::<f64>::new(3).unwrap(),
    pairs(),
    ratio_line_ok
);
adversarial_contract!(
    ratio_line_f32_keeps_the_contract,
    || RatioLine::<f32>::new_generic(2).unwrap(),
    pairs_f32(),
    ratio_line_ok_f32
);
adversarial_contract!(
    spread_anchored_keeps_the_contract,
    || PerformanceSpread::<f64>::anchored(),
    pairs(),
    finite
);
adversarial_contract!(
    spread_window_log_keeps_the_contract,
    || PerformanceSpread::<f64>::new(3)
        .unwrap()
        .with_returns(Returns::Log),
    pairs(),
    finite
);
adversarial_contract!(
    spread_fixed_keeps_the_contract,
    || PerformanceSpread::<f64>::since(1e-150, 1e150).unwrap(),
    pairs(),
    finite
);
adversarial_contract!(
    spread_f32_keeps_the_contract,
    || PerformanceSpread::<f32>::new_generic(2).unwrap(),
    pairs_f32(),
    |out: &f32| out.is_finite()
);
adversarial_contract!(
    mansfield_keeps_the_contract,
    || Mansfield::<f64>::new(3).unwrap(),
    pairs(),
    mansfield_ok
);
adversarial_contract!(
    mansfield_f32_keeps_the_contract,
    || Mansfield::<f32>::new_generic(3).unwrap(),
    pairs_f32(),
    |out: &f32| (-100.0..=200.0 * (1.0 + 1e-5)).contains(out)
);
adversarial_contract!(
    leadership_keeps_the_contract,
    || Leadership::<f64>::new(3).unwrap(),
    pairs(),
    leadership_ok
);
adversarial_contract!(
    leadership_f32_keeps_the_contract,
    || Leadership::<f32>::new_generic(2).unwrap(),
    pairs_f32(),
    leadership_ok
);
adversarial_contract!(
    beta_keeps_the_contract,
    || Beta::<f64>::new(3).unwrap(),
    pairs(),
    finite
);
adversarial_contract!(
    beta_talib_keeps_the_contract,
    || Beta::<f64>::talib(2).unwrap(),
    pairs(),
    finite
);
adversarial_contract!(
    beta_log_keeps_the_contract,
    || Beta::<f64>::new(4).unwrap().with_returns(Returns::Log),
    pairs(),
    finite
);
adversarial_contract!(
    beta_f32_keeps_the_contract,
    || Beta::<f32>::new_generic(3).unwrap(),
    pairs_f32(),
    |out: &f32| out.is_finite()
);
adversarial_contract!(
    correlation_keeps_the_contract,
    || Correlation::<f64>::new(3).unwrap(),
    pairs(),
    correlation_ok
);
adversarial_contract!(
    correlation_talib_keeps_the_contract,
    || Correlation::<f64>::talib(3).unwrap(),
    pairs(),
    correlation_ok
);
adversarial_contract!(
    correlation_log_keeps_the_contract,
    || Correlation::<f64>::new(2)
        .unwrap()
        .with_returns(Returns::Log),
    pairs(),
    correlation_ok
);
adversarial_contract!(
    correlation_f32_keeps_the_contract,
    || Correlation::<f32>::new_generic(3).unwrap(),
    pairs_f32(),
    correlation_ok_f32
);
adversarial_contract!(
    correlation_talib_f32_keeps_the_contract,
    || Correlation::<f32>::talib_generic(3).unwrap(),
    pairs_f32(),
    correlation_ok_f32
);

// ---------------------------------------------------------------- serde fuzz

serde_fuzz!(
    ratio_line_anchored_loads_only_safe_states,
    || RatioLine::<f64>::anchored(),
    pairs(),
    ratio_line_ok
);
serde_fuzz!(
    ratio_line_window_loads_only_safe_states,
    || RatioLine::<f64>::new(3).unwrap(),
    pairs(),
    ratio_line_ok
);
serde_fuzz!(
    spread_anchored_loads_only_safe_states,
    || PerformanceSpread::<f64>::anchored(),
    pairs(),
    finite
);
serde_fuzz!(
    spread_window_loads_only_safe_states,
    || PerformanceSpread::<f64>::new(3).unwrap(),
    pairs(),
    finite
);
serde_fuzz!(
    mansfield_loads_only_safe_states,
    || Mansfield::<f64>::new(3).unwrap(),
    pairs(),
    mansfield_ok
);
serde_fuzz!(
    leadership_loads_only_safe_states,
    || Leadership::<f64>::new(3).unwrap(),
    pairs(),
    leadership_ok
);
serde_fuzz!(
    beta_loads_only_safe_states,
    || Beta::<f64>::new(3).unwrap(),
    pairs(),
    finite
);
serde_fuzz!(
    beta_f32_loads_only_safe_states,
    || Beta::<f32>::new_generic(3).unwrap(),
    pairs_f32(),
    |out: &f32| out.is_finite()
);
serde_fuzz!(
    correlation_loads_only_safe_states,
    || Correlation::<f64>::new(3).unwrap(),
    pairs(),
    correlation_ok
);
serde_fuzz!(
    correlation_talib_loads_only_safe_states,
    || Correlation::<f64>::talib(3).unwrap(),
    pairs(),
    correlation_ok
);
serde_fuzz!(
    correlation_f32_loads_only_safe_states,
    || Correlation::<f32>::talib_generic(3).unwrap(),
    pairs_f32(),
    correlation_ok_f32
);

// ---------------------------------------------------------------- issue 15, case by case

#[test]
fn a_tiny_benchmark_cannot_make_the_ratio_line_or_mansfield_infinite() {
    // Asset 1e150 on benchmark 1e-150: both usable, their ratio 1e300 is not. Before, a
    // benchmark of 5e-324 made these infinite.
    let edge = (1e150, 1e-150);
    let mut line = RatioLine::<f64>::anchored();
    let first = line.update((1.0, 1.0)).unwrap();
    assert_eq!(line.try_update(edge), Err(Error::InvalidInput));
    assert_eq!(line.try_update((1.0, 5e-324)), Err(Error::InvalidInput));
    assert_eq!(line.update(edge), Some(first));
    let mut mansfield = Mansfield::<f64>::new(2).unwrap();
    assert_eq!(mansfield.try_update(edge), Err(Error::InvalidInput));
    assert_eq!(
        mansfield.try_update((1.0, 1e-150)),
        Err(Error::InvalidInput)
    );
    // At the edges themselves, ratios of ratios stay finite: the ratio line from
    // 1e-150 to 1e150 changes by 1e302 %; Mansfield RS is bounded by its own window
    // (RP is one of the n values averaged): −100 < MRS ≤ 100·(n − 1).
    let mut line = RatioLine::<f64>::anchored();
    line.update((1e-150, 1.0));
    let change = line.update((1e150, 1.0)).unwrap().change_percent;
    assert!(change.is_finite() && change > 9.9e301, "{change}");
    let mut mansfield = Mansfield::<f64>::new(2).unwrap();
    mansfield.update((1e-150, 1.0)); // RP = 1e-148
    let mrs = mansfield.update((9.9e147, 1.0)).unwrap(); // RP = 9.9e149
    assert!((mrs - 100.0).abs() < 1e-9, "{mrs}");
    let mrs = mansfield.update((1e-150, 1.0)).unwrap();
    assert!((-100.0..-99.0).contains(&mrs), "{mrs}");
}

#[test]
fn the_spread_stays_finite_with_a_benchmark_at_the_bottom_of_the_range() {
    let mut spread = PerformanceSpread::<f64>::anchored();
    spread.update((1e-150, 1e150));
    let out = spread.update((1e150, 1e-150)).unwrap();
    // 100·[(1e300 − 1) − (1e-300 − 1)] = 1e302.
    assert!(
        out.is_finite() && (out / 1e302 - 1.0).abs() < 1e-12,
        "{out}"
    );
    let mut log = PerformanceSpread::<f64>::since(1e-150, 1e150)
        .unwrap()
        .with_returns(Returns::Log);
    let out = log.update((1e150, 1e-150)).unwrap();
    let expected = 100.0 * 2.0 * 300.0 * std::f64::consts::LN_10;
    assert!((out / expected - 1.0).abs() < 1e-12, "{out}");
    assert_eq!(spread.try_update((1.0, 5e-324)), Err(Error::InvalidInput));
}

#[test]
fn beta_and_correlation_stay_finite_on_the_quoted_sequence() {
    // [1e19, 1e19, 2^53, 1e-310, 2^53]: 1e-310 is outside the usable range and refused;
    // the rest gives returns −0.99…, 0 and finite betas.
    let prices = [1e19, 1e19, 9007199254740992.0, 1e-310, 9007199254740992.0];
    let shapes: [fn(f64) -> (f64, f64); 3] = [|x| (x, x), |x| (x, 1.0), |x| (1.0, x)];
    for shape in shapes {
        let mut beta = Beta::<f64>::new(2).unwrap();
        let mut talib = Beta::<f64>::talib(2).unwrap();
        let mut correlation = Correlation::<f64>::new(2).unwrap();
        for &x in &prices {
            let pair = shape(x);
            let refused = x == 1e-310;
            assert_eq!(beta.try_update(pair).is_err(), refused);
            assert_eq!(talib.try_update(pair).is_err(), refused);
            assert_eq!(correlation.try_update(pair).is_err(), refused);
        }
        for value in [beta.value(), talib.value(), correlation.value()] {
            let value = value.unwrap();
            assert!(value.is_finite(), "{value}");
        }
        assert!(correlation.value().unwrap().abs() <= 1.0);
    }
    // Both series identical: beta 1 wherever the benchmark moved.
    let mut beta = Beta::<f64>::new(2).unwrap();
    let out = beta.batch(&prices.map(|x| (x, x)));
    assert_eq!(out[4], Some(1.0));
}

#[test]
fn returns_too_large_to_square_are_refused_and_the_edge_is_kept() {
    // 1e-150 → 1e150 is a return of 1e300: its square overflows, so the pair is refused
    // (and the next pair is measured from the last accepted one).
    let mut beta = Beta::<f64>::new(2).unwrap();
    beta.update((1e-150, 1.0));
    assert_eq!(beta.try_update((1e150, 2.0)), Err(Error::InvalidInput));
    assert_eq!(beta.try_update((2.0, 1e150)), Err(Error::InvalidInput));
    let mut correlation = Correlation::<f64>::new(2).unwrap();
    correlation.update((1.0, 1e-150));
    assert_eq!(
        correlation.try_update((2.0, 1e150)),
        Err(Error::InvalidInput)
    );
    // A return of 1e150 − 1 (from 1 to 1e150) is usable: squares of 1e150 stay finite.
    let pairs = [
        (1.0, 1.0),
        (1e150, 2.0),
        (1.0, 1.0),
        (1e150, 3.0),
        (1.0, 1.0),
    ];
    let betas = Beta::<f64>::new(2).unwrap().batch(&pairs);
    let rhos = Correlation::<f64>::new(2).unwrap().batch(&pairs);
    for (beta, rho) in betas.iter().zip(&rhos).skip(2) {
        assert!(beta.unwrap().is_finite());
        assert!(rho.unwrap().abs() <= 1.0);
    }
    // Log returns of 1e-150 → 1e150 are 690.8: accepted, finite.
    let log = Beta::<f64>::new(2)
        .unwrap()
        .with_returns(Returns::Log)
        .batch(&[
            (1e-150, 1e150),
            (1e150, 1e-150),
            (1e-150, 1e150),
            (1.0, 1.0),
        ]);
    assert!(log[3].unwrap().is_finite());
}

#[test]
fn leadership_at_the_bottom_of_the_range_always_reloads_its_checkpoint() {
    // Root cause of "remembered relation does not match the ratio": the crossover was fed
    // the raw (ratio, average), and its input filter dropped a bar whose ratio or average
    // was outside the usable range while the average had taken it. Now ratios outside the
    // range are refused, and the crossover is fed only where the ratio stands.
    let pairs = [
        (1e-150, 1.0),
        (1e-150, 1.0),
        (1e-150, 1.0),
        (1.0000000000000002e-150, 1.0),
        (1e-150, 1.0),
        (1e-150, 1e150), // 1e-300: refused
        (3e-150, 1.0),
        (1e-150, 1.0),
        (1e-150, 5e-324), // refused
        (1e-148, 1.0),
        (1e-150, 1.0),
    ];
    let mut leadership = Leadership::<f64>::new(3).unwrap();
    for pair in pairs {
        let refused = pair.1 == 1e150 || pair.1 == 5e-324;
        assert_eq!(leadership.try_update(pair).is_err(), refused, "{pair:?}");
        let json = serde_json::to_string(&leadership).unwrap();
        let back: Leadership = serde_json::from_str(&json).unwrap();
        assert_eq!(back, leadership);
    }
    // The events at the bottom of the range are those of the same accepted ratios scaled
    // by 2^498 (an exact scaling: every sum and mean rounds the same way).
    let accepted: Vec<(f64, f64)> = pairs.into_iter().filter(|pair| pair.1 == 1.0).collect();
    let scaled: Vec<(f64, f64)> = accepted
        .iter()
        .map(|&(a, b)| (a * 2f64.powi(498), b))
        .collect();
    assert!(scaled[0].0 > 0.5 && scaled[0].0 < 2.0);
    let events = Leadership::<f64>::new(3).unwrap().batch(&accepted);
    assert_eq!(events, Leadership::<f64>::new(3).unwrap().batch(&scaled));
    assert!(events.iter().flatten().flatten().count() >= 2, "{events:?}");
}

#[test]
fn an_ignored_pair_repeats_leadership_without_its_event() {
    let mut leadership = Leadership::<f64>::new(2).unwrap();
    let events = leadership.batch(&[(100.0, 100.0), (99.0, 100.0), (98.0, 100.0), (103.0, 100.0)]);
    assert_eq!(events[3], Some(Some(LeadershipEvent::AssetLeads)));
    for bad in [(f64::NAN, 1.0), (0.0, 1.0), (1e150, 1e-150)] {
        assert_eq!(leadership.peek(bad), Some(None));
        assert_eq!(leadership.update(bad), Some(None));
        assert_eq!(leadership.try_update(bad), Err(Error::InvalidInput));
    }
    // The committed bar still reports its own event.
    assert_eq!(leadership.value(), Some(Some(LeadershipEvent::AssetLeads)));
}

#[test]
fn talib_correlation_reads_pairs_quoted_in_millionths_like_talib() {
    // TA-Lib 0.8.1: CORREL(5) of x = [1,2,3,5,4]·1e-6, y = [1.1,3.2,3.3,6.5,4.4]·1e-6.
    let expected = 0.9638631946829985;
    for scale in [1.0, 1e-6, 1e-9, 1e-50] {
        let x = [1.0, 2.0, 3.0, 5.0, 4.0].map(|v| v * scale);
        let y = [1.1, 3.2, 3.3, 6.5, 4.4].map(|v| v * scale);
        let pairs: Vec<(f64, f64)> = x.into_iter().zip(y).collect();
        let rho = Correlation::<f64>::talib(5).unwrap().batch(&pairs)[4].unwrap();
        assert!((rho / expected - 1.0).abs() < 1e-9, "scale {scale}: {rho}");
    }
    // Below about 1e-81 the product of the summed squares underflows: TA-Lib reads 0.
    let x = [1.0, 2.0, 3.0, 5.0, 4.0].map(|v| v * 1e-150);
    let y = [1.1, 3.2, 3.3, 6.5, 4.4].map(|v| v * 1e-150);
    let pairs: Vec<(f64, f64)> = x.into_iter().zip(y).collect();
    assert_eq!(
        Correlation::<f64>::talib(5).unwrap().batch(&pairs)[4],
        Some(0.0)
    );
}

#[test]
fn talib_beta_reads_a_benchmark_moving_by_a_billionth_like_talib() {
    // TA-Lib 0.8.1: BETA(1 + [0,1,0,1,0,1]·1e-9, [100,102,101,104,105.5,106], 5).
    let asset = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];
    let benchmark = [0.0, 1.0, 0.0, 1.0, 0.0, 1.0].map(|v| 1.0 + v * 1e-9);
    let pairs: Vec<(f64, f64)> = asset.into_iter().zip(benchmark).collect();
    let expected = 7918928.308452145;
    for beta in [Beta::talib(5).unwrap(), Beta::new(5).unwrap()] {
        let out = beta.clone().batch(&pairs)[5].unwrap();
        assert!((out / expected - 1.0).abs() < 1e-9, "{beta}: {out}");
    }
    // A benchmark that did not move at all still gives 0.
    let flat: Vec<(f64, f64)> = asset.into_iter().map(|a| (a, 1.0)).collect();
    assert_eq!(Beta::<f64>::talib(5).unwrap().batch(&flat)[5], Some(0.0));
}

#[test]
fn loaded_co_moment_suffixes_are_checked_against_their_own_pairs() {
    // After [(1e100, 1e100), (1, 1), (1, 1), (1, 1)] the last suffix covers one pair:
    // every co-moment there is exactly 0. A state claiming 1 used to load against the
    // whole window's spread, then refused its own checkpoint once 1e100 had left.
    let mut correlation = Correlation::<f64>::talib(4).unwrap();
    correlation.batch(&[(1e100, 1e100), (1.0, 1.0), (1.0, 1.0), (1.0, 1.0)]);
    let state = serde_json::to_value(&correlation).unwrap();
    assert!(serde_json::from_value::<Correlation>(state.clone()).is_ok());
    for field in ["xx", "yy", "xy"] {
        let mut bad = state.clone();
        bad["moments"]["old"][3][field] = serde_json::json!(1.0);
        assert!(
            serde_json::from_value::<Correlation>(bad).is_err(),
            "{field}"
        );
    }
    // And an SMA's suffix sums, here Leadership's average of ratios: the block of four
    // has just completed, so its slots hold [1e100 + 3, 3, 2, 1]. The last is the newest
    // ratio; a middle one edited makes a recovered ratio negative.
    let mut leadership = Leadership::<f64>::new(4).unwrap();
    leadership.batch(&[(1e100, 1.0), (1.0, 1.0), (1.0, 1.0), (1.0, 1.0)]);
    let state = serde_json::to_value(&leadership).unwrap();
    assert!(serde_json::from_value::<Leadership>(state.clone()).is_ok());
    for (slot, value) in [(3, 2.0), (2, 5.0)] {
        let mut bad = state.clone();
        bad["average"]["sum"]["slots"][slot] = serde_json::json!(value);
        assert!(serde_json::from_value::<Leadership>(bad).is_err(), "{slot}");
    }
}
