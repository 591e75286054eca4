//! The contract under adversarial inputs for the put/call indicator: every reading finite
//! and within its documented bounds (ratio and smoothed ratio in `0..=max_input`,
//! `|z| ≤ (L − 1)/√L`, percentile in `0..=100`), every reachable state a checkpoint, mutated
//! checkpoints refused or harmless; plus a regression test per case quoted in issue 15.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32s, adversarial_f64s, adversarial_positive_f64s};
use proptest::prelude::*;
use ta_stream::sentiment::{Normalize, OptionVolume, PutCall, PutCallReading, Regime, Thresholds};
use ta_stream::{Error, Indicator};

const LOOKBACK: usize = 4;

/// Volumes from every adversarial region, and the usable range's edges against each other
/// (1e150 puts on 1e-150 calls).
fn volumes() -> impl Strategy<Value = Vec<OptionVolume>> {
    let edge = prop::sample::select(vec![
        1e150,
        1e-150,
        0.0,
        1.0,
        0.3,
        9007199254740992.0,
        1e19,
        1e75,
        5e-324,
        1e-310,
        1e154,
    ]);
    prop_oneof![
        (adversarial_positive_f64s(), adversarial_positive_f64s()).prop_map(|(p, c)| p
            .into_iter()
            .zip(c)
            .map(|(puts, calls)| OptionVolume { puts, calls })
            .collect()),
        (adversarial_f64s(), adversarial_f64s()).prop_map(|(p, c)| p
            .into_iter()
            .zip(c)
            .map(|(puts, calls)| OptionVolume { puts, calls })
            .collect()),
        prop::collection::vec(
            (edge.clone(), edge).prop_map(|(puts, calls)| OptionVolume { puts, calls }),
            0..60
        ),
        // Ratios given directly: flat windows at every scale.
        adversarial_positive_f64s().prop_map(|r| r
            .into_iter()
            .map(|puts| OptionVolume { puts, calls: 1.0 })
            .collect()),
    ]
}

fn volumes_f32() -> impl Strategy<Value = Vec<OptionVolume<f32>>> {
    (adversarial_f32s(), adversarial_f32s()).prop_map(|(p, c)| {
        p.into_iter()
            .zip(c)
            .map(|(puts, calls)| OptionVolume {
                puts: puts.abs(),
                calls: calls.abs(),
            })
            .collect()
    })
}

/// The documented bounds of a reading over a lookback of `LOOKBACK` values.
fn reading_ok(reading: &PutCallReading) -> bool {
    let bound = (LOOKBACK as f64 - 1.0) / (LOOKBACK as f64).sqrt();
    (0.0..=1e150).contains(&reading.ratio)
        && (0.0..=1e150).contains(&reading.smoothed)
        && reading.z_score.abs() <= bound
        && (0.0..=100.0).contains(&reading.percentile)
        && reading
            .change
            .is_none_or(|c| c.to == reading.regime && c.from != c.to)
}

fn reading_ok_f32(reading: &PutCallReading<f32>) -> bool {
    let bound = (LOOKBACK as f32 - 1.0) / (LOOKBACK as f32).sqrt();
    (0.0..=1e15).contains(&reading.ratio)
        && (0.0..=1e15).contains(&reading.smoothed)
        && reading.z_score.abs() <= bound
        && (0.0..=100.0).contains(&reading.percentile)
}

adversarial_contract!(
    put_call_keeps_the_contract,
    || PutCall::<f64>::new(3, LOOKBACK).unwrap(),
    volumes(),
    reading_ok
);
adversarial_contract!(
    put_call_smoothed_keeps_the_contract,
    || PutCall::<f64>::new(2, LOOKBACK)
        .unwrap()
        .with_normalize(Normalize::Smoothed),
    volumes(),
    reading_ok
);
adversarial_contract!(
    put_call_levels_keeps_the_contract,
    || PutCall::<f64>::new(1, LOOKBACK)
        .unwrap()
        .with_thresholds(Thresholds::equity_levels()),
    volumes(),
    reading_ok
);
adversarial_contract!(
    put_call_f32_keeps_the_contract,
    || PutCall::<f32>::new_generic(2, LOOKBACK).unwrap(),
    volumes_f32(),
    reading_ok_f32
);
adversarial_contract!(
    put_call_f32_smoothed_keeps_the_contract,
    || PutCall::<f32>::new_generic(3, LOOKBACK)
        .unwrap()
        .with_normalize(Normalize::Smoothed),
    volumes_f32(),
    reading_ok_f32
);

serde_fuzz!(
    put_call_loads_only_safe_states,
    || PutCall::<f64>::new(3, LOOKBACK).unwrap(),
    volumes(),
    reading_ok
);
serde_fuzz!(
    put_call_smoothed_loads_only_safe_states,
    || PutCall::<f64>::new(2, LOOKBACK)
        .unwrap()
        .with_normalize(Normalize::Smoothed),
    volumes(),
    reading_ok
);
serde_fuzz!(
    put_call_f32_loads_only_safe_states,
    || PutCall::<f32>::new_generic(2, LOOKBACK).unwrap(),
    volumes_f32(),
    reading_ok_f32
);

// ---------------------------------------------------------------- issue 15, case by case

fn ratio(r: f64) -> OptionVolume {
    OptionVolume {
        puts: r,
        calls: 1.0,
    }
}

#[test]
fn a_vanishing_call_volume_is_refused_not_an_infinite_ratio() {
    let mut put_call = PutCall::<f64>::new(1, 2).unwrap();
    put_call.update(ratio(0.5));
    let before = put_call.clone();
    for calls in [5e-324, 1e-310, 9.99e-151] {
        let volume = OptionVolume { puts: 1.0, calls };
        assert_eq!(put_call.try_update(volume), Err(Error::InvalidInput));
        assert_eq!(put_call.update(volume), None);
    }
    // Usable volumes whose ratio is not: 1e150 / 1e-150 = 1e300, whose square overflows.
    let volume = OptionVolume {
        puts: 1e150,
        calls: 1e-150,
    };
    assert_eq!(put_call.try_update(volume), Err(Error::InvalidInput));
    assert_eq!(put_call, before);
    // The edge itself is accepted: a ratio of exactly 1e150.
    let reading = put_call
        .try_update(OptionVolume {
            puts: 1e150,
            calls: 1.0,
        })
        .unwrap()
        .unwrap();
    assert_eq!(reading.ratio, 1e150);
    assert!(reading.z_score.is_finite() && reading.z_score.abs() <= 1.0 / 2f64.sqrt());
    assert_eq!(reading.percentile, 100.0);
}

#[test]
fn equal_smoothed_windows_are_flat_whatever_their_rounding() {
    // PutCall::new(3, 3) on the smoothed ratio, fed 0.1, 0.2, 0.3 repeated: every
    // smoothed value is mathematically 0.2 (they round to 0.20000000000000004 or
    // 0.19999999999999998), so every window is flat: z 0, percentile 0, Neutral, no event.
    let mut put_call = PutCall::<f64>::new(3, 3)
        .unwrap()
        .with_normalize(Normalize::Smoothed);
    let mut smoothed = Vec::new();
    let mut readings = 0;
    for i in 0..60 {
        let r = [0.1, 0.2, 0.3][i % 3];
        if let Some(reading) = put_call.update(ratio(r)) {
            readings += 1;
            smoothed.push(reading.smoothed);
            assert_eq!(reading.z_score, 0.0, "bar {i}: {reading:?}");
            assert_eq!(reading.percentile, 0.0, "bar {i}: {reading:?}");
            assert_eq!(reading.regime, Regime::Neutral, "bar {i}");
            assert_eq!(reading.change, None, "bar {i}");
        }
    }
    assert_eq!(readings, 60 - 4);
    // The rounding noise the tie rule absorbs is really there.
    assert!(smoothed.iter().any(|&s| s != 0.2), "{smoothed:?}");
    assert!(smoothed.iter().all(|&s| (s - 0.2).abs() < 1e-15));
}

#[test]
fn genuine_differences_still_rank_and_score() {
    // The tie width is a few ulps: a difference of 1e-12 relative is a real difference.
    let mut put_call = PutCall::<f64>::new(1, 3).unwrap();
    put_call.update(ratio(0.5));
    put_call.update(ratio(0.5 * (1.0 + 1e-12)));
    let reading = put_call.update(ratio(0.5 * (1.0 + 2e-12))).unwrap();
    assert_eq!(reading.percentile, 100.0);
    // Window [a, a + d, a + 2d]: z of the newest = 1 exactly (sample sd = d).
    assert!((reading.z_score - 1.0).abs() < 1e-3, "{reading:?}");
}

#[test]
fn an_ignored_input_repeats_the_reading_without_its_regime_change() {
    let thresholds = Thresholds::z_score(-2.5, -1.0, 1.0, 2.5).unwrap();
    let mut put_call = PutCall::<f64>::new(1, 4)
        .unwrap()
        .with_thresholds(thresholds);
    for r in [0.5; 5] {
        put_call.update(ratio(r));
    }
    // A spike: z = (4 − 1)/√4 = 1.5, Fear, a contrarian regime change.
    let spike = put_call.update(ratio(5.0)).unwrap();
    assert_eq!(spike.regime, Regime::Fear);
    assert!(spike.change.is_some());
    assert_eq!(put_call.value(), Some(spike));
    let bad = OptionVolume {
        puts: 1.0,
        calls: 0.0,
    };
    let quiet = PutCallReading {
        change: None,
        ..spike
    };
    assert_eq!(put_call.peek(bad), Some(quiet));
    assert_eq!(put_call.update(bad), Some(quiet));
    assert_eq!(put_call.try_update(bad), Err(Error::InvalidInput));
    // The committed bar still reports its own event.
    assert_eq!(put_call.value(), Some(spike));
}

#[test]
fn a_loaded_partial_statistic_is_checked_against_its_own_values() {
    // After [1e100, 1, 1, 1] the variance's suffix statistics of the old block cover the
    // flat tail [1] exactly (M2 = 0). A state claiming M2 = 1 there used to load, because
    // it was compared with the whole window's spread (1e200); once 1e100 left the window
    // the same state refused its own checkpoint. Each partial statistic now answers to the
    // values it summarises.
    let mut put_call = PutCall::<f64>::new(1, 4).unwrap();
    for r in [1e100, 1.0, 1.0, 1.0] {
        put_call.update(ratio(r));
    }
    let mut state = serde_json::to_value(&put_call).unwrap();
    assert!(serde_json::from_value::<PutCall>(state.clone()).is_ok());
    state["variance"]["old_m2"][3] = serde_json::json!(1.0);
    assert!(serde_json::from_value::<PutCall>(state.clone()).is_err());
    // The same for the rolling sum's partial sums (the smoothing and the variance's mean).
    let mut state = serde_json::to_value(&put_call).unwrap();
    state["variance"]["sum"]["suffix"][3] = serde_json::json!(2.0);
    assert!(serde_json::from_value::<PutCall>(state).is_err());
}
