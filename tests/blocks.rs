//! The windowed building blocks' layouts (issue 14): the chunked drift-free rolling sum is
//! bit for bit the full-suffix-array scheme it replaces, the block (van Herk / Gil-Werman)
//! rolling extreme is the extreme of its window with the age of its newest occurrence, both
//! round-trip through serde mid-stream, and a window of `n` values costs about `n` values.
//!
//! References are independent of the code under test: a straight transcription of the
//! full-suffix rolling sum, and naive scans of the window.

use proptest::prelude::*;
use ta_stream::average::{Sma, Wma};
use ta_stream::statistics::{MidPoint, RollingMax, RollingMin};
use ta_stream::volatility::{StdDev, Variance};
use ta_stream::window::{Extremum, MonotonicDeque, RollingSum};
use ta_stream::Indicator;

/// The drift-free rolling sum with a full array of suffix sums: rebuilt every `n` pushes,
/// `sum = suffix[k] + recent`.
struct FullSuffixSum {
    slots: Vec<f64>,
    suffix: Vec<f64>,
    next: usize,
    recent: f64,
    sum: f64,
}

impl FullSuffixSum {
    fn new(period: usize) -> Self {
        Self {
            slots: vec![0.0; period],
            suffix: vec![0.0; period + 1],
            next: 0,
            recent: 0.0,
            sum: 0.0,
        }
    }

    fn peek(&self, x: f64) -> f64 {
        self.suffix[self.next + 1] + (self.recent + x)
    }

    fn push(&mut self, x: f64) {
        self.recent += x;
        self.sum = self.suffix[self.next + 1] + self.recent;
        self.slots[self.next] = x;
        self.next += 1;
        if self.next == self.slots.len() {
            let mut running = 0.0;
            for i in (0..self.slots.len()).rev() {
                running += self.slots[i];
                self.suffix[i] = running;
            }
            self.next = 0;
            self.recent = 0.0;
        }
    }
}

/// Values over many magnitudes, both signs, with spikes whose sums round.
fn wide_values() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        20 => -1e6..1e6_f64,
        3 => -1e-6..1e-6_f64,
        2 => prop::sample::select(vec![std::f64::consts::PI * 1e13, -std::f64::consts::E * 1e15, 1e15, 0.1]),
    ];
    prop::collection::vec(value, 0..400)
}

/// Few distinct values, so that ties are frequent (`0.0` and `-0.0` among them: equal, but
/// told apart by their bits).
fn tied_values() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop::sample::select(vec![1.0, 2.0, 2.0, 3.0, -0.5, 0.0, -0.0]),
        0..200,
    )
}

/// The extreme of `window` and its age: of equal values, the newest one, with its bits.
fn naive_extreme(window: &[f64], extremum: Extremum) -> (f64, u64) {
    let best = match extremum {
        Extremum::Max => window.iter().copied().fold(f64::MIN, f64::max),
        Extremum::Min => window.iter().copied().fold(f64::MAX, f64::min),
    };
    let newest = window.iter().rposition(|&v| v == best).unwrap();
    (window[newest], (window.len() - 1 - newest) as u64)
}

proptest! {
    #[test]
    fn chunked_rolling_sum_is_bit_for_bit_the_full_suffix_scheme(
        period in 1..70usize,
        xs in wide_values(),
        split in 0..1000usize,
    ) {
        same_as_full_suffix_sum(period, &xs, split)?;
    }

    /// Windows of at most 8 values add their old block up on each push instead of caching it;
    /// 9 and 10 are the first cached ones.
    #[test]
    fn short_rolling_sums_are_bit_for_bit_the_full_suffix_scheme(
        period in 1..=10usize,
        xs in wide_values(),
        split in 0..1000usize,
    ) {
        same_as_full_suffix_sum(period, &xs, split)?;
    }
}

/// Pushes `xs` through a `RollingSum` and the reference, saving and loading the sum before
/// push number `split`: every peeked and pushed sum, and the saved partial sums still in use,
/// equal bit for bit.
fn same_as_full_suffix_sum(period: usize, xs: &[f64], split: usize) -> Result<(), TestCaseError> {
    let mut sum = RollingSum::new(period).unwrap();
    let mut reference = FullSuffixSum::new(period);
    let split = split % (xs.len() + 1);
    for (index, &x) in xs.iter().enumerate() {
        if index == split {
            // Resuming from a saved state changes nothing either.
            let json = serde_json::to_string(&sum).unwrap();
            let loaded: RollingSum<f64> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&loaded, &sum);
            sum = loaded;
        }
        prop_assert_eq!(sum.peek_sum(x).to_bits(), reference.peek(x).to_bits());
        sum.push(x);
        reference.push(x);
        prop_assert_eq!(sum.sum().to_bits(), reference.sum.to_bits());
    }
    // The saved partial sums still in use are the full array's.
    let state = serde_json::to_value(&sum).unwrap();
    let next = state["next"].as_u64().unwrap() as usize;
    if sum.is_full() {
        for slot in next..=period {
            let saved = state["suffix"][slot].as_f64().unwrap();
            prop_assert_eq!(
                saved.to_bits(),
                reference.suffix[slot].to_bits(),
                "slot {}",
                slot
            );
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn block_extremes_are_the_extremes_of_their_window_with_the_newest_age(
        period in 1..40usize,
        xs in tied_values(),
        split in 0..1000usize,
    ) {
        let split = split % (xs.len() + 1);
        for extremum in [Extremum::Max, Extremum::Min] {
            let mut deque = MonotonicDeque::new(period, extremum).unwrap();
            for (index, &x) in xs.iter().enumerate() {
                if index == split {
                    let json = serde_json::to_string(&deque).unwrap();
                    let loaded: MonotonicDeque<f64> = serde_json::from_str(&json).unwrap();
                    prop_assert_eq!(&loaded, &deque);
                    // Saved again, the loaded state reads the same.
                    prop_assert_eq!(serde_json::to_string(&loaded).unwrap(), json);
                    deque = loaded;
                }
                let window = &xs[(index + 1).saturating_sub(period)..=index];
                let (best, age) = naive_extreme(window, extremum);
                prop_assert_eq!(deque.peek(x).map(f64::to_bits), Some(best.to_bits()));
                deque.push(x);
                prop_assert_eq!(deque.extreme().map(f64::to_bits), Some(best.to_bits()));
                prop_assert_eq!(deque.extreme_age(), Some(age));
            }
        }
    }

    /// A deque without ages is the deque with them minus the ages: the same extremes and
    /// peeks bit for bit, the same saved form, and a state saved by either loads into the
    /// other and resumes identically.
    #[test]
    fn a_deque_without_ages_matches_one_with_them(
        period in 1..40usize,
        xs in tied_values(),
        split in 0..1000usize,
    ) {
        let split = split % (xs.len() + 1);
        for extremum in [Extremum::Max, Extremum::Min] {
            let mut with = MonotonicDeque::new(period, extremum).unwrap();
            let mut without = MonotonicDeque::<f64, false>::without_ages(period, extremum).unwrap();
            for (index, &x) in xs.iter().enumerate() {
                if index == split {
                    let saved_with = serde_json::to_string(&with).unwrap();
                    let saved_without = serde_json::to_string(&without).unwrap();
                    prop_assert_eq!(&saved_without, &saved_with);
                    // Crossed: each loads the other's state.
                    with = serde_json::from_str(&saved_without).unwrap();
                    without = serde_json::from_str(&saved_with).unwrap();
                }
                let bits = |value: Option<f64>| value.map(f64::to_bits);
                prop_assert_eq!(bits(without.peek(x)), bits(with.peek(x)));
                with.push(x);
                without.push(x);
                prop_assert_eq!(bits(without.extreme()), bits(with.extreme()));
                let window = &xs[(index + 1).saturating_sub(period)..=index];
                prop_assert_eq!(bits(without.extreme()), Some(naive_extreme(window, extremum).0.to_bits()));
            }
            prop_assert!(without.heap_bytes() < with.heap_bytes());
        }
    }

    /// `RollingMax::age` and `RollingMin::age` are the naive ages (the newest occurrence of
    /// the extreme), and the outputs the naive extremes, after a slice, through a saved and
    /// loaded state, and along the stream that follows.
    #[test]
    fn rolling_max_and_min_ages_are_the_newest_occurrences(
        period in 1..30usize,
        xs in tied_values(),
        split in 0..1000usize,
    ) {
        let split = split % (xs.len() + 1);
        let mut max = RollingMax::new(period).unwrap();
        let mut min = RollingMin::new(period).unwrap();
        let mut out = vec![0.0; split];
        max.update_slice(&xs[..split], &mut out).unwrap();
        min.update_slice(&xs[..split], &mut out).unwrap();
        let loaded_max: RollingMax = serde_json::from_str(&serde_json::to_string(&max).unwrap()).unwrap();
        let loaded_min: RollingMin = serde_json::from_str(&serde_json::to_string(&min).unwrap()).unwrap();
        prop_assert_eq!((&loaded_max, &loaded_min), (&max, &min));
        let (mut max, mut min) = (loaded_max, loaded_min);
        for end in split..=xs.len() {
            let window = &xs[end.saturating_sub(period)..end];
            let expected = |extremum| (end >= period).then(|| naive_extreme(window, extremum));
            if end > split {
                let value = |extreme: Option<(f64, u64)>| extreme.map(|(x, _)| x.to_bits());
                prop_assert_eq!(max.update(xs[end - 1]).map(f64::to_bits), value(expected(Extremum::Max)));
                prop_assert_eq!(min.update(xs[end - 1]).map(f64::to_bits), value(expected(Extremum::Min)));
            }
            prop_assert_eq!(max.age(), expected(Extremum::Max).map(|(_, age)| age));
            prop_assert_eq!(min.age(), expected(Extremum::Min).map(|(_, age)| age));
        }
    }
}

#[test]
fn a_deque_saved_in_circular_layout_loads() {
    // The saved form of a monotonic deque whose candidates wrap around its storage: after
    // 5, 1, 4, 3, 2 (period 4, maximum) the candidates are 4, 3, 2 (pushes 2, 3, 4).
    let state = serde_json::json!({
        "extremum": "Max", "period": 4,
        "slots": [[3, 3.0], [4, 2.0], [0, 0.0], [2, 4.0]],
        "head": 3, "len": 3, "pushed": 5
    });
    let mut loaded: MonotonicDeque<f64> = serde_json::from_value(state).unwrap();
    let mut pushed = MonotonicDeque::new(4, Extremum::Max).unwrap();
    for x in [5.0, 1.0, 4.0, 3.0, 2.0] {
        pushed.push(x);
    }
    assert_eq!(loaded, pushed);
    assert_eq!(
        (loaded.extreme(), loaded.extreme_age()),
        (Some(4.0), Some(2))
    );
    for x in [0.0, 0.0, 1.0, 0.5] {
        loaded.push(x);
        pushed.push(x);
        assert_eq!(
            (loaded.extreme(), loaded.extreme_age()),
            (pushed.extreme(), pushed.extreme_age())
        );
    }
    assert_eq!(
        (loaded.extreme(), loaded.extreme_age()),
        (Some(1.0), Some(1))
    );
}

/// `size_of` plus heap bytes, against `n` values of 8 bytes.
fn assert_about_n_values(label: &str, total: usize, n: usize, at_most: f64) {
    let values = (n * 8) as f64;
    assert!(
        total as f64 <= at_most * values,
        "{label}: {total} bytes for a window of {n} values ({:.2} values per value)",
        total as f64 / values
    );
}

#[test]
fn a_window_of_n_values_costs_about_n_values() {
    let sma = Sma::<f64>::new(200).unwrap();
    let sma_bytes = size_of::<Sma<f64>>() + sma.heap_bytes();
    // Its 200 values, replaced in place by suffix sums, and 40 bytes of fields: 1,640 bytes
    // (was 3,288, then 1,976 with chunked partial sums), as yata's.
    assert_eq!(sma.heap_bytes(), 200 * 8);
    assert_about_n_values("SMA(200)", sma_bytes, 200, 1.03);
    // 50 values, 15 partial sums and 144 bytes of fields: 664 bytes (was 1,016).
    let sum = RollingSum::<f64>::new(50).unwrap();
    assert_about_n_values(
        "SUM(50)",
        size_of::<RollingSum<f64>>() + sum.heap_bytes(),
        50,
        1.7,
    );
    assert!(sum.heap_bytes() <= (50 + 2 * 8) * 8);
    // WMA: its 200 values, replaced in place by weighted suffix sums, and 56 bytes of
    // fields: 1,656 bytes (was 3,640), as yata's.
    let wma = Wma::<f64>::new(200).unwrap();
    let wma_bytes = size_of::<Wma<f64>>() + wma.heap_bytes();
    assert_eq!(wma.heap_bytes(), 200 * 8);
    assert_about_n_values("WMA(200)", wma_bytes, 200, 1.04);
    // A rolling extreme: one value and one 32-bit position per slot.
    let max = RollingMax::<f64>::new(200).unwrap();
    assert_about_n_values(
        "MAX(200)",
        size_of::<RollingMax<f64>>() + max.heap_bytes(),
        200,
        1.6,
    );
}

#[test]
fn heap_bytes_do_not_grow_with_updates() {
    let mut sma = Sma::<f64>::new(20).unwrap();
    let mut max = RollingMax::<f64>::new(20).unwrap();
    let mut wma = Wma::<f64>::new(20).unwrap();
    let mut sd = StdDev::<f64>::new(20).unwrap();
    let mut variance = Variance::<f64>::new(20).unwrap();
    let before = (
        sma.heap_bytes(),
        max.heap_bytes(),
        wma.heap_bytes(),
        sd.heap_bytes(),
        variance.heap_bytes(),
    );
    for i in 0..1000 {
        let x = 100.0 + (i % 37) as f64;
        sma.update(x);
        max.update(x);
        wma.update(x);
        sd.update(x);
        variance.update(x);
    }
    let after = (
        sma.heap_bytes(),
        max.heap_bytes(),
        wma.heap_bytes(),
        sd.heap_bytes(),
        variance.heap_bytes(),
    );
    assert_eq!(before, after);
    assert!(before.0 > 0 && before.1 > 0 && before.2 > 0 && before.3 > 0);
}

/// `0.0 == -0.0`, so a window holding both has two equal extremes; the newest one is the
/// extreme, with its sign, whether peeked, pushed or read from a slice.
#[test]
fn of_equal_signed_zeros_the_newest_is_the_extreme() {
    let xs = [0.0, 0.0, 0.0, -0.0, 0.0, -0.0, -0.0, 0.0];
    for period in 1..=4 {
        let mut mid = MidPoint::new(period).unwrap();
        let mut sliced = MidPoint::new(period).unwrap();
        let mut out = vec![f64::NAN; xs.len()];
        sliced.update_slice(&xs, &mut out).unwrap();
        for (index, &x) in xs.iter().enumerate() {
            let peeked = mid.peek(x);
            let updated = mid.update(x);
            assert_eq!(
                peeked.map(f64::to_bits),
                updated.map(f64::to_bits),
                "period {period}, input {index}"
            );
            if index + 1 >= period {
                assert_eq!(
                    updated.map(f64::to_bits),
                    Some(x.to_bits()),
                    "period {period}, input {index}"
                );
                assert_eq!(
                    out[index].to_bits(),
                    x.to_bits(),
                    "slice, period {period}, input {index}"
                );
            }
        }
    }
}

/// Two-pass `M2` of a window: the mean first, then the squared deviations from it.
fn two_pass_m2(window: &[f64]) -> f64 {
    let mean = window.iter().sum::<f64>() / window.len() as f64;
    window.iter().map(|x| (x - mean) * (x - mean)).sum()
}

/// `Σ (i + 1)·x_i / (n(n + 1)/2)` over a window, oldest first.
fn naive_wma(window: &[f64]) -> f64 {
    let n = window.len() as f64;
    let weighted: f64 = window
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    weighted / (n * (n + 1.0) / 2.0)
}

/// A deterministic series around 100 with spikes of 1e13 and −1e15, so that a wrong stored
/// suffix (one that still holds a spike, or misses a value) shows at every later output.
fn spiky_walk(length: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..length)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match i % 331 {
                17 => std::f64::consts::PI * 1e13,
                190 => -std::f64::consts::E * 1e15,
                _ => 100.0 + (state >> 11) as f64 / (1u64 << 53) as f64,
            }
        })
        .collect()
}

/// Long windows (the rolling sums' chunks of `√n` slots dividing the period or not), a spike
/// entering and leaving every part of the block: every variance and WMA equals the naive one
/// on the window, within rounding relative to the window's own spread.
#[test]
fn long_windows_with_chunked_suffixes_match_the_naive_window() {
    let xs = spiky_walk(1500);
    for period in [33, 36, 47, 64, 100, 200] {
        let variances = Variance::new(period).unwrap().batch(&xs);
        let wmas = Wma::new(period).unwrap().batch(&xs);
        for index in period - 1..xs.len() {
            let window = &xs[index + 1 - period..=index];
            let expected = two_pass_m2(window) / period as f64;
            let variance = variances[index].unwrap();
            assert!(
                (variance - expected).abs() <= 1e-12 * expected,
                "VAR({period}) at {index}: {variance} vs {expected}"
            );
            let scale = window.iter().map(|x| x.abs()).fold(0.0, f64::max);
            let wma = wmas[index].unwrap();
            assert!(
                (wma - naive_wma(window)).abs() <= 1e-12 * scale,
                "WMA({period}) at {index}: {wma} vs {}",
                naive_wma(window)
            );
        }
    }
}

/// `M2` of integer values, exactly (in `i128`), rounded once: `(n·Σx² − (Σx)²)/n`.
fn exact_m2(window: &[i64]) -> f64 {
    let n = window.len() as i128;
    let sum: i128 = window.iter().map(|&x| i128::from(x)).sum();
    let squares: i128 = window.iter().map(|&x| i128::from(x) * i128::from(x)).sum();
    (n * squares - sum * sum) as f64 / n as f64
}

/// The variance shifts its sums by the old block's newest value, a value inside the window:
/// the worst case is that value being an outlier (here 1e12 among values of 1e8 ± 500, in a
/// window of 1000), where `Σ d²` is about `n` times `M2`. Every output, while the outlier is
/// the shift and after it has left, against the exact `M2` of the integer inputs (the
/// bound, a few `n²` ulps of `M2`, is 1e-10 here).
#[test]
fn a_variance_shifted_by_an_outlier_keeps_its_digits() {
    let period = 1000;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let xs: Vec<i64> = (0..5 * period)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // The newest value of the second block: the shift of the third block's updates.
            if i == 2 * period - 1 {
                1_000_000_000_000
            } else {
                100_000_000 + (state % 1001) as i64 - 500
            }
        })
        .collect();
    let inputs: Vec<f64> = xs.iter().map(|&x| x as f64).collect();
    let variances = Variance::new(period).unwrap().batch(&inputs);
    for index in period - 1..xs.len() {
        let expected = exact_m2(&xs[index + 1 - period..=index]) / period as f64;
        let error = (variances[index].unwrap() - expected).abs() / expected;
        // Measured at most 1.7e-12.
        assert!(
            error <= 1e-11,
            "VAR({period}) at {index}: relative error {error:e}"
        );
    }
}

/// Saved and loaded at every write position of a block (in each chunk of the rolling sums, at
/// their edges, and right after a rebuild), the variance and the WMA over long windows compare
/// equal to the originals and continue bit for bit as they would have.
#[test]
fn long_windows_resume_bit_for_bit_from_any_write_position() {
    let xs = spiky_walk(400);
    for period in [33, 47, 49] {
        let mut variance = Variance::new(period).unwrap();
        let mut wma = Wma::new(period).unwrap();
        let continued_variance = Variance::new(period).unwrap().batch(&xs);
        let continued_wma = Wma::new(period).unwrap().batch(&xs);
        for (split, &x) in xs.iter().enumerate().take(3 * period + 1) {
            let loaded_variance: Variance =
                serde_json::from_str(&serde_json::to_string(&variance).unwrap()).unwrap();
            let loaded_wma: Wma =
                serde_json::from_str(&serde_json::to_string(&wma).unwrap()).unwrap();
            assert_eq!(
                loaded_variance, variance,
                "VAR({period}) saved after {split}"
            );
            assert_eq!(loaded_wma, wma, "WMA({period}) saved after {split}");
            let (mut resumed_variance, mut resumed_wma) = (loaded_variance, loaded_wma);
            for (index, &y) in xs.iter().enumerate().skip(split) {
                let (v, w) = (resumed_variance.update(y), resumed_wma.update(y));
                assert_eq!(
                    v.map(f64::to_bits),
                    continued_variance[index].map(f64::to_bits),
                    "VAR({period}) saved after {split}, at {index}"
                );
                assert_eq!(
                    w.map(f64::to_bits),
                    continued_wma[index].map(f64::to_bits),
                    "WMA({period}) saved after {split}, at {index}"
                );
            }
            variance.update(x);
            wma.update(x);
        }
    }
}

/// A pair of rolling extremes is loaded only if both halves took the same number of inputs:
/// halves spliced from states 3 and 4 inputs long (window 5, so neither has a value yet) are
/// refused by name, before a later update could give one half a value and not the other.
#[test]
fn extreme_pairs_with_halves_of_different_lengths_are_refused() {
    use ta_stream::bar::Candle;
    use ta_stream::math::MinMax;
    use ta_stream::statistics::MidPrice;

    fn spliced<I: Indicator + serde::Serialize>(
        mut build: impl FnMut() -> I,
        input: I::Input,
        fields: [&str; 2],
    ) -> serde_json::Value
    where
        I::Input: Copy,
    {
        let (mut short, mut long) = (build(), build());
        for _ in 0..3 {
            short.update(input);
            long.update(input);
        }
        long.update(input);
        let mut state = serde_json::to_value(&short).unwrap();
        state[fields[1]] = serde_json::to_value(&long).unwrap()[fields[1]].clone();
        state
    }

    let minmax = spliced(|| MinMax::new(5).unwrap(), 1.0, ["min", "max"]);
    let err = serde_json::from_value::<MinMax>(minmax)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("MINMAX") && (err.contains("3 and 4") || err.contains("4 and 3")),
        "{err}"
    );

    let midpoint = spliced(|| MidPoint::new(5).unwrap(), 1.0, ["max", "min"]);
    let err = serde_json::from_value::<MidPoint>(midpoint)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("MIDPOINT") && err.contains("different numbers of inputs"),
        "{err}"
    );

    let bar = Candle::new(1.0, 2.0, 0.5, 1.5, 10.0).unwrap();
    let midprice = spliced(|| MidPrice::new(5).unwrap(), bar, ["highs", "lows"]);
    let err = serde_json::from_value::<MidPrice>(midprice)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("MIDPRICE") && err.contains("different numbers of inputs"),
        "{err}"
    );

    // Halves of equal lengths still load.
    let whole = serde_json::to_value({
        let mut m = MinMax::new(5).unwrap();
        m.batch(&[1.0, 2.0, 3.0]);
        m
    })
    .unwrap();
    assert!(serde_json::from_value::<MinMax>(whole).is_ok());
}
