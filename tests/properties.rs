//! Properties every indicator must have (proptest), plus naive recomputations of the
//! windowed statistics and of the building blocks.

use std::collections::VecDeque;

use proptest::prelude::*;
use ta_stream::average::{
    Dema, Ema, Hma, Identity, Kama, Rma, Seed, Sma, Tema, Trima, Wma, Zlema, T3,
};
use ta_stream::momentum::{FlatRsi, Rsi};
use ta_stream::statistics::MidPoint;
use ta_stream::window::{Extremum, MonotonicDeque, RingBuffer, RollingSum};
use ta_stream::{Error, Indicator, IndicatorIterExt};

fn bits(outputs: &[Option<f64>]) -> Vec<Option<u64>> {
    outputs.iter().map(|v| v.map(f64::to_bits)).collect()
}

fn prices() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(1.0..1000.0_f64, 0..160)
}

/// Values of both signs over many magnitudes, with rare spikes whose products and sums round
/// (π·1e13, e·1e15): for the properties that must hold bit for bit whatever the input.
fn wide_values() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        20 => -1e6..1e6_f64,
        3 => -1e-6..1e-6_f64,
        1 => prop::sample::select(vec![std::f64::consts::PI * 1e13, -std::f64::consts::E * 1e15, 0.0, -0.0]),
    ];
    prop::collection::vec(value, 0..160)
}

/// Either realistic prices or wide values.
fn any_values() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![prices(), wide_values()]
}

/// Prices with a few repeated values, so flat stretches and ties occur.
fn prices_with_repeats() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5, 101.0]), 0..80)
}

fn unusable() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e200,
    ])
}

/// The common properties, for one indicator type built by `$make(period)` (f64) and
/// `$make32(period)` (f32).
macro_rules! common_properties {
    ($name:ident, $make:expr, $make32:expr, f32_tolerance = $tolerance:expr) => {
        mod $name {
            use super::*;

            /// The WMA of the values present, naively: the last `n` present values, weights 1..=n.
fn naive_wma(values: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    let mut seen: Vec<f64> = Vec::new();
    values
        .iter()
        .map(|value| {
            let x = (*value)?;
            seen.push(x);
            (seen.len() >= n).then(|| {
                let window = &seen[seen.len() - n..];
                let weighted: f64 = window.iter().enumerate().map(|(i, x)| (i + 1) as f64 * x).sum();
                weighted / (n * (n + 1) / 2) as f64
            })
        })
        .collect()
}

/// The EMA of the values present, seeded with the mean of the first `n` of them.
fn naive_ema(values: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    let k = 2.0 / (n as f64 + 1.0);
    let mut seed: Vec<f64> = Vec::new();
    let mut ema: Option<f64> = None;
    values
        .iter()
        .map(|value| {
            let x = (*value)?;
            match ema {
                Some(previous) => ema = Some((x - previous) * k + previous),
                None => {
                    seed.push(x);
                    if seed.len() == n {
                        ema = Some(seed.iter().sum::<f64>() / n as f64);
                    }
                }
            }
            ema
        })
        .collect()
}

/// `|a − b| <= tolerance · scale` for every pair, both absent or both present.
fn close_to(ours: &[Option<f64>], naive: &[Option<f64>], scale: f64, tolerance: f64) -> Result<(), TestCaseError> {
    for (index, (a, b)) in ours.iter().zip(naive).enumerate() {
        match (a, b) {
            (Some(a), Some(b)) => prop_assert!((a - b).abs() <= tolerance * scale, "index {}: {} vs {}", index, a, b),
            (None, None) => {}
            _ => prop_assert!(false, "index {}: {:?} vs {:?}", index, a, b),
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn hma_is_the_wma_of_two_wmas(period in 1..40usize, xs in prices()) {
        let present: Vec<Option<f64>> = xs.iter().copied().map(Some).collect();
        let half = naive_wma(&present, (period / 2).max(1));
        let full = naive_wma(&present, period);
        let root = (1..=period).take_while(|r| r * r <= period).last().unwrap();
        let delagged: Vec<Option<f64>> = half.iter().zip(&full).map(|(h, f)| Some(2.0 * (*h)? - (*f)?)).collect();
        let naive = naive_wma(&delagged, root);
        close_to(&Hma::new(period).unwrap().batch(&xs), &naive, 3000.0, 1e-12)?;
    }

    #[test]
    fn zlema_is_the_ema_of_the_delagged_input(period in 1..40usize, xs in prices()) {
        let lag = (period - 1) / 2;
        let delagged: Vec<Option<f64>> = (0..xs.len()).map(|i| (i >= lag).then(|| 2.0 * xs[i] - xs[i - lag])).collect();
        let naive = naive_ema(&delagged, period);
        close_to(&Zlema::new(period).unwrap().batch(&xs), &naive, 3000.0, 1e-12)?;
    }

    #[test]
    fn t3_is_the_combination_of_six_chained_emas(period in 1..12usize, v in 0.0..=1.0_f64, xs in prices()) {
        let mut stages = vec![xs.iter().copied().map(Some).collect::<Vec<_>>()];
        for _ in 0..6 {
            let next = naive_ema(stages.last().unwrap(), period);
            stages.push(next);
        }
        let (c1, c2) = (-v * v * v, 3.0 * v * v + 3.0 * v * v * v);
        let (c3, c4) = (-6.0 * v * v - 3.0 * v - 3.0 * v * v * v, 1.0 + 3.0 * v + v * v * v + 3.0 * v * v);
        let naive: Vec<Option<f64>> = (0..xs.len())
            .map(|i| Some(c1 * stages[6][i]? + c2 * stages[5][i]? + c3 * stages[4][i]? + c4 * stages[3][i]?))
            .collect();
        close_to(&T3::new(period, v).unwrap().batch(&xs), &naive, 27_000.0, 1e-12)?;
    }
}

proptest! {
                #[test]
                fn batch_equals_streaming_and_the_iterator(period in 1..40usize, xs in any_values()) {
                    let make = $make;
                    let batch = make(period).batch(&xs);
                    let mut streaming = make(period);
                    let looped: Vec<_> = xs.iter().map(|&x| streaming.update(x)).collect();
                    let iterated: Vec<_> = xs.iter().copied().indicator(make(period)).collect();
                    prop_assert_eq!(bits(&batch), bits(&looped));
                    prop_assert_eq!(bits(&batch), bits(&iterated));
                }

                #[test]
                fn warmup_period_is_where_outputs_start(period in 1..40usize, xs in any_values()) {
                    let make = $make;
                    let indicator = make(period);
                    let warmup = indicator.warmup_period();
                    let out = make(period).batch(&xs);
                    for (index, value) in out.iter().enumerate() {
                        prop_assert_eq!(value.is_some(), index + 1 >= warmup, "index {}", index);
                    }
                }

                #[test]
                fn peek_equals_update_and_commits_nothing(period in 1..40usize, xs in any_values()) {
                    let make = $make;
                    let mut indicator = make(period);
                    for &x in &xs {
                        let before = indicator.clone();
                        let peeked = indicator.peek(x);
                        prop_assert_eq!(&indicator, &before);
                        let updated = indicator.update(x);
                        prop_assert_eq!(peeked.map(f64::to_bits), updated.map(f64::to_bits));
                        prop_assert_eq!(indicator.value().map(f64::to_bits), updated.map(f64::to_bits));
                        prop_assert_eq!(indicator.is_ready(), updated.is_some());
                    }
                }

                #[test]
                fn reset_equals_a_fresh_instance(period in 1..40usize, xs in any_values(), ys in any_values()) {
                    let make = $make;
                    let mut used = make(period);
                    used.batch(&xs);
                    used.reset();
                    let mut fresh = make(period);
                    prop_assert_eq!(&used, &fresh);
                    prop_assert_eq!(bits(&used.batch(&ys)), bits(&fresh.batch(&ys)));
                }

                #[test]
                fn serde_round_trip_resumes_identically(
                    period in 1..40usize,
                    xs in any_values(),
                    split in 0..1000usize,
                ) {
                    let make = $make;
                    let split = split % (xs.len() + 1);
                    let mut original = make(period);
                    original.batch(&xs[..split]);
                    let json = serde_json::to_string(&original).unwrap();
                    let mut restored = serde_json::from_str(&json).unwrap();
                    prop_assert_eq!(&original, &restored);
                    let rest = &xs[split..];
                    prop_assert_eq!(bits(&original.batch(rest)), bits(&restored.batch(rest)));
                }

                #[test]
                fn unusable_inputs_are_ignored(
                    period in 1..40usize,
                    xs in any_values(),
                    insertions in prop::collection::vec((0..1000usize, unusable()), 1..5),
                ) {
                    let make = $make;
                    let clean = make(period).batch(&xs);
                    let mut dirty = xs.clone();
                    for &(position, bad) in &insertions {
                        dirty.insert(position % (dirty.len() + 1), bad);
                    }
                    let mut indicator = make(period);
                    let mut finite_outputs = Vec::new();
                    let mut last = None;
                    for &x in &dirty {
                        if x == 0.0 || (1e-150..=1e150).contains(&x.abs()) {
                            last = indicator.update(x);
                            finite_outputs.push(last);
                        } else {
                            let before = indicator.clone();
                            prop_assert_eq!(indicator.try_update(x), Err(Error::InvalidInput));
                            prop_assert_eq!(indicator.peek(x).map(f64::to_bits), last.map(f64::to_bits));
                            prop_assert_eq!(indicator.update(x).map(f64::to_bits), last.map(f64::to_bits));
                            prop_assert_eq!(&indicator, &before);
                        }
                    }
                    prop_assert_eq!(bits(&finite_outputs), bits(&clean));
                }

                #[test]
                fn f32_agrees_with_f64(period in 1..40usize, xs in prices()) {
                    let make = $make;
                    let make32 = $make32;
                    let wide = make(period).batch(&xs);
                    let narrow: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
                    let narrow = make32(period).batch(&narrow);
                    // f32 precision is relative to the magnitudes in play: the inputs (an
                    // average's cancellations, as in TEMA, can make the output small) or, for
                    // a bounded oscillator, its scale of 100.
                    let scale = xs.iter().fold(100.0_f64, |m, x| m.max(x.abs()));
                    for (index, (w, n)) in wide.iter().zip(&narrow).enumerate() {
                        prop_assert_eq!(w.is_some(), n.is_some());
                        if let (Some(w), Some(n)) = (w, n) {
                            let error = (f64::from(*n) - w).abs() / scale;
                            prop_assert!(error <= $tolerance, "index {}: f64 {} f32 {}", index, w, n);
                        }
                    }
                }
            }

        }
    };
}

common_properties!(
    sma,
    |n| Sma::<f64>::new(n).unwrap(),
    |n| Sma::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    ema,
    |n| Ema::<f64>::new(n).unwrap(),
    |n| Ema::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    ema_first_value,
    |n| Ema::<f64>::with_seed(n, Seed::FirstValue).unwrap(),
    |n| Ema::<f32>::with_seed_generic(n, Seed::FirstValue).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    rma,
    |n| Rma::<f64>::new(n).unwrap(),
    |n| Rma::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    wma,
    |n| Wma::<f64>::new(n).unwrap(),
    |n| Wma::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    trima,
    |n| Trima::<f64>::new(n).unwrap(),
    |n| Trima::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    kama,
    |n| Kama::<f64>::new(n).unwrap(),
    |n| Kama::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-4
);
common_properties!(
    t3,
    |n| T3::<f64>::new(n, 0.7).unwrap(),
    |n| T3::<f32>::new_generic(n, 0.7).unwrap(),
    f32_tolerance = 1e-3
);
common_properties!(
    hma,
    |n| Hma::<f64>::new(n).unwrap(),
    |n| Hma::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-4
);
common_properties!(
    zlema,
    |n| Zlema::<f64>::new(n).unwrap(),
    |n| Zlema::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-4
);
common_properties!(
    identity,
    |_n| Identity::<f64>::new(),
    |_n| Identity::<f32>::new_generic(),
    f32_tolerance = 1e-6
);
common_properties!(
    midpoint,
    |n| MidPoint::<f64>::new(n).unwrap(),
    |n| MidPoint::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    dema,
    |n| Dema::<f64>::new(n).unwrap(),
    |n| Dema::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    tema,
    |n| Tema::<f64>::new(n).unwrap(),
    |n| Tema::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    rsi,
    |n| Rsi::<f64>::new(n).unwrap(),
    |n| Rsi::<f32>::new_generic(n).unwrap(),
    f32_tolerance = 1e-5
);
common_properties!(
    rsi_talib,
    |n| Rsi::<f64>::new(n).unwrap().with_flat(FlatRsi::TaLib),
    |n| Rsi::<f32>::new_generic(n)
        .unwrap()
        .with_flat(FlatRsi::TaLib),
    f32_tolerance = 1e-5
);

fn naive_mean(window: &[f64]) -> f64 {
    window.iter().sum::<f64>() / window.len() as f64
}

proptest! {
    #[test]
    fn sma_is_the_mean_of_its_window(period in 1..40usize, xs in any_values()) {
        let out = Sma::new(period).unwrap().batch(&xs);
        for (index, value) in out.iter().enumerate() {
            if let Some(value) = value {
                let window = &xs[index + 1 - period..=index];
                let expected = naive_mean(window);
                let scale = naive_mean(&window.iter().map(|x| x.abs()).collect::<Vec<_>>());
                prop_assert!((value - expected).abs() <= 1e-12 * scale, "index {}: {} vs {}", index, value, expected);
            }
        }
    }

    #[test]
    fn wma_is_the_weighted_mean_of_its_window(period in 1..40usize, xs in any_values()) {
        let out = Wma::new(period).unwrap().batch(&xs);
        for (index, value) in out.iter().enumerate() {
            if let Some(value) = value {
                let window = &xs[index + 1 - period..=index];
                let weighted: f64 = window.iter().enumerate().map(|(i, x)| (i + 1) as f64 * x).sum();
                let expected = weighted / (period * (period + 1) / 2) as f64;
                let scale: f64 = window.iter().map(|x| x.abs()).sum::<f64>() / period as f64;
                prop_assert!((value - expected).abs() <= 1e-12 * scale, "index {}: {} vs {}", index, value, expected);
            }
        }
    }

    #[test]
    fn trima_is_the_triangle_weighted_mean_of_its_window(period in 1..40usize, xs in any_values()) {
        // Weights 1, 2, ..., rising to the middle and falling again: min(i + 1, n - i), with
        // the middle weight written twice for an even period (1, 2, 2, 1 for n = 4).
        let out = Trima::new(period).unwrap().batch(&xs);
        let weights: Vec<f64> = (0..period).map(|i| ((i + 1).min(period - i)) as f64).collect();
        let total: f64 = weights.iter().sum();
        for (index, value) in out.iter().enumerate() {
            if let Some(value) = value {
                let window = &xs[index + 1 - period..=index];
                let expected = window.iter().zip(&weights).map(|(x, w)| w * x).sum::<f64>() / total;
                let scale: f64 = window.iter().map(|x| x.abs()).sum::<f64>() / period as f64;
                prop_assert!((value - expected).abs() <= 1e-12 * scale, "index {}: {} vs {}", index, value, expected);
            } else {
                prop_assert!(index + 1 < period, "no output at index {}", index);
            }
        }
    }

    #[test]
    fn kama_is_the_efficiency_smoothed_recursion(period in 2..40usize, xs in any_values()) {
        // Recomputed from scratch at every index: the sum of the last `n` absolute changes,
        // the net change over them, and the recursion started from x[n−1].
        let out = Kama::new(period).unwrap().batch(&xs);
        let mut kama = None;
        for (index, value) in out.iter().enumerate() {
            if index < period {
                prop_assert!(value.is_none(), "output at index {}", index);
                continue;
            }
            let window = &xs[index - period..=index];
            let total: f64 = window.windows(2).map(|w| (w[1] - w[0]).abs()).sum();
            let net = xs[index] - xs[index - period];
            let ratio = if total <= net { 1.0 } else { (net / total).abs().min(1.0) };
            let sc = (ratio * (2.0 / 3.0 - 2.0 / 31.0) + 2.0 / 31.0).powi(2);
            let previous = kama.unwrap_or(xs[index - 1]);
            let expected = previous + (xs[index] - previous) * sc;
            kama = Some(expected);
            let value = value.expect("ready");
            let scale: f64 = window.iter().map(|x| x.abs()).fold(previous.abs(), f64::max);
            prop_assert!((value - expected).abs() <= 1e-9 * scale.max(1e-300), "index {}: {} vs {}", index, value, expected);
        }
    }

    #[test]
    fn midpoint_is_halfway_between_the_window_extremes(period in 1..40usize, xs in any_values()) {
        let out = MidPoint::new(period).unwrap().batch(&xs);
        for (index, value) in out.iter().enumerate() {
            if let Some(value) = value {
                let window = &xs[index + 1 - period..=index];
                let high = window.iter().copied().fold(f64::MIN, f64::max);
                let low = window.iter().copied().fold(f64::MAX, f64::min);
                prop_assert_eq!(*value, (high + low) / 2.0, "index {}", index);
            } else {
                prop_assert!(index + 1 < period, "no output at index {}", index);
            }
        }
    }

    #[test]
    fn rsi_stays_in_0_100(period in 1..40usize, xs in prices(), flat_stretches in prices_with_repeats()) {
        for flat in [FlatRsi::Neutral, FlatRsi::TaLib] {
            for series in [&xs, &flat_stretches] {
                let out = Rsi::new(period).unwrap().with_flat(flat).batch(series);
                for value in out.into_iter().flatten() {
                    prop_assert!((0.0..=100.0).contains(&value), "{}", value);
                }
            }
        }
    }

    #[test]
    fn ring_buffer_keeps_the_last_capacity_values(capacity in 1..20usize, xs in prop::collection::vec(any::<i32>(), 0..100)) {
        let mut ring = RingBuffer::new(capacity).unwrap();
        let mut model = VecDeque::new();
        for &x in &xs {
            let expected_eviction = if model.len() == capacity { model.pop_front() } else { None };
            model.push_back(x);
            prop_assert_eq!(ring.push(x), expected_eviction);
            prop_assert_eq!(ring.iter().collect::<Vec<_>>(), model.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(ring.oldest(), model.front().copied());
            prop_assert_eq!(ring.newest(), model.back().copied());
            prop_assert_eq!(ring.len(), model.len());
        }
    }

    #[test]
    fn rolling_sum_is_the_sum_of_its_window(period in 1..40usize, xs in prop::collection::vec(-1e6..1e6_f64, 0..200)) {
        let mut sum = RollingSum::new(period).unwrap();
        for (index, &x) in xs.iter().enumerate() {
            let peeked = sum.peek_sum(x);
            sum.push(x);
            prop_assert_eq!(peeked.to_bits(), sum.sum().to_bits());
            let window = &xs[(index + 1).saturating_sub(period)..=index];
            prop_assert_eq!(sum.iter().collect::<Vec<_>>(), window.to_vec());
            prop_assert_eq!(sum.len(), window.len());
            let exact: f64 = window.iter().sum();
            let scale: f64 = window.iter().map(|x| x.abs()).sum();
            prop_assert!((sum.sum() - exact).abs() <= 1e-12 * scale.max(1.0));
        }
    }

    #[test]
    fn monotonic_deque_is_the_extreme_of_its_window(
        period in 1..30usize,
        xs in prop::collection::vec(prop::sample::select(vec![1.0, 2.0, 3.0, 4.0, 2.5]), 0..120),
    ) {
        for extremum in [Extremum::Max, Extremum::Min] {
            let mut deque = MonotonicDeque::new(period, extremum).unwrap();
            for (index, &x) in xs.iter().enumerate() {
                let peeked = deque.peek(x);
                deque.push(x);
                let window = &xs[(index + 1).saturating_sub(period)..=index];
                let expected = match extremum {
                    Extremum::Max => window.iter().copied().fold(f64::MIN, f64::max),
                    Extremum::Min => window.iter().copied().fold(f64::MAX, f64::min),
                };
                prop_assert_eq!(deque.extreme(), Some(expected));
                prop_assert_eq!(peeked, Some(expected));
                // The age points at the newest occurrence of the extreme.
                let age = deque.extreme_age().unwrap() as usize;
                let newest = window.iter().rposition(|&v| v == expected).unwrap();
                prop_assert_eq!(age, window.len() - 1 - newest);
                let bounded = window.iter().all(|&v| match extremum {
                    Extremum::Max => v <= expected,
                    Extremum::Min => v >= expected,
                });
                prop_assert!(bounded);
            }
        }
    }

    #[test]
    fn cleared_building_blocks_equal_fresh_ones(period in 1..30usize, xs in prices()) {
        let mut deque = MonotonicDeque::new(period, Extremum::Min).unwrap();
        let mut sum = RollingSum::new(period).unwrap();
        for &x in &xs {
            deque.push(x);
            sum.push(x);
        }
        deque.clear();
        sum.clear();
        prop_assert_eq!(deque, MonotonicDeque::new(period, Extremum::Min).unwrap());
        prop_assert_eq!(sum, RollingSum::new(period).unwrap());
    }

    #[test]
    fn building_blocks_round_trip_through_serde(period in 1..30usize, xs in prices(), split in 0..1000usize) {
        let split = split % (xs.len() + 1);
        let mut deque = MonotonicDeque::new(period, Extremum::Max).unwrap();
        let mut sum = RollingSum::new(period).unwrap();
        for &x in &xs[..split] {
            deque.push(x);
            sum.push(x);
        }
        let mut deque2: MonotonicDeque<f64> = serde_json::from_str(&serde_json::to_string(&deque).unwrap()).unwrap();
        let mut sum2: RollingSum<f64> = serde_json::from_str(&serde_json::to_string(&sum).unwrap()).unwrap();
        for &x in &xs[split..] {
            deque.push(x);
            deque2.push(x);
            sum.push(x);
            sum2.push(x);
            prop_assert_eq!(deque.extreme(), deque2.extreme());
            prop_assert_eq!(sum.sum().to_bits(), sum2.sum().to_bits());
        }
    }
}
