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
use ta_stream::Indicator;

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

fn mansfield_ok(out: &f64) -> bool {
    out.is_finite() && *out >= -100.0
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
    || RatioLine::<f32>::new(2).unwrap(),
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
    || PerformanceSpread::<f32>::new(2).unwrap(),
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
    || Mansfield::<f32>::new(3).unwrap(),
    pairs_f32(),
    |out: &f32| out.is_finite() && *out >= -100.0
);
adversarial_contract!(
    leadership_keeps_the_contract,
    || Leadership::<f64>::new(3).unwrap(),
    pairs(),
    leadership_ok
);
adversarial_contract!(
    leadership_f32_keeps_the_contract,
    || Leadership::<f32>::new(2).unwrap(),
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
    || Beta::<f32>::new(3).unwrap(),
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
    || Correlation::<f32>::new(3).unwrap(),
    pairs_f32(),
    correlation_ok_f32
);
adversarial_contract!(
    correlation_talib_f32_keeps_the_contract,
    || Correlation::<f32>::talib(3).unwrap(),
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
    || Beta::<f32>::new(3).unwrap(),
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
    || Correlation::<f32>::talib(3).unwrap(),
    pairs_f32(),
    correlation_ok_f32
);
