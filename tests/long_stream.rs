//! Ten million updates with occasional 1e15 spikes: the rolling sums behind SMA and WMA must
//! still give the exact mean of their window, including right after a spike has left it, and
//! the cumulative sum must stay the exact total, rounded once.

use ta_stream::average::{Sma, Wma};
use ta_stream::math::CumulativeSum;
use ta_stream::Indicator;

/// A deterministic price-like stream (xorshift random walk around 100) with a spike every
/// 250,000 updates: π·1e13 and −e·1e15 in turn, values whose sums and products round.
fn stream(length: usize) -> impl Iterator<Item = f64> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut price = 100.0_f64;
    (0..length).map(move |index| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let step = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
        price = (price + step).clamp(50.0, 150.0);
        if index % 250_000 == 1_000 {
            if index % 500_000 == 1_000 {
                std::f64::consts::PI * 1e13
            } else {
                -std::f64::consts::E * 1e15
            }
        } else {
            price
        }
    })
}

fn naive_sma(window: &[f64]) -> f64 {
    window.iter().sum::<f64>() / window.len() as f64
}

fn naive_wma(window: &[f64]) -> f64 {
    let n = window.len();
    let weighted: f64 = window
        .iter()
        .enumerate()
        .map(|(i, x)| (i + 1) as f64 * x)
        .sum();
    weighted / (n * (n + 1) / 2) as f64
}

#[test]
fn sma_and_wma_stay_exact_over_ten_million_updates_with_spikes() {
    const PERIOD: usize = 50;
    const LENGTH: usize = 10_000_000;
    let mut sma = Sma::new(PERIOD).unwrap();
    let mut wma = Wma::new(PERIOD).unwrap();
    let mut window = std::collections::VecDeque::with_capacity(PERIOD);
    let mut checked = 0;
    let mut worst: f64 = 0.0;
    for (index, x) in stream(LENGTH).enumerate() {
        let mean = sma.update(x);
        let weighted = wma.update(x);
        if window.len() == PERIOD {
            window.pop_front();
        }
        window.push_back(x);
        // Check every 997th update, and every update while a spike is leaving the window.
        let since_spike = index % 250_000;
        let near_spike_exit = (1_000 + PERIOD - 2..1_000 + PERIOD + 3).contains(&since_spike);
        if window.len() == PERIOD && (index % 997 == 0 || near_spike_exit) {
            let values: Vec<f64> = window.iter().copied().collect();
            for (got, expected) in [(mean, naive_sma(&values)), (weighted, naive_wma(&values))] {
                let got = got.expect("warmed up");
                let relative = (got - expected).abs() / expected.abs();
                assert!(relative <= 1e-9, "index {index}: {got} vs exact {expected}");
                worst = worst.max(relative);
            }
            checked += 1;
        }
    }
    println!("{checked} checkpoints, worst relative error {worst:e}");
    assert!(checked > 10_000);
}

/// The exact sum of the stream so far, as a fixed-point integer in units of 2⁻⁶⁰: every
/// value of `stream` is a multiple of 2⁻⁴⁷ (prices in 50..150) or larger, and the total stays
/// far below 2¹²⁷ units, so each addition is exact.
struct ExactSum(i128);

impl ExactSum {
    const SCALE: f64 = (1u64 << 60) as f64;

    fn add(&mut self, x: f64) {
        let units = x * Self::SCALE; // a power-of-two scaling: exact
        assert_eq!(units.fract(), 0.0, "{x} is not a multiple of 2^-60");
        self.0 += units as i128;
    }

    /// The exact sum rounded once to the nearest `f64`.
    fn rounded(&self) -> f64 {
        self.0 as f64 / Self::SCALE
    }
}

#[test]
fn cumsum_stays_the_correctly_rounded_exact_sum_over_ten_million_updates() {
    let mut cumsum = CumulativeSum::new();
    let (mut exact, mut plain) = (ExactSum(0), 0.0_f64);
    let mut worst_plain_error = 0.0_f64;
    for (index, x) in stream(10_000_000).enumerate() {
        let ours = cumsum.update(x).expect("a value from the first input");
        exact.add(x);
        plain += x;
        if index % 100_000 == 99_999 || index < 10 {
            let expected = exact.rounded();
            // Within one rounding of the exact total (in practice equal to it).
            let ulp = expected.abs() * f64::EPSILON;
            assert!(
                (ours - expected).abs() <= ulp,
                "update {index}: ours {ours}, exact {expected}"
            );
            worst_plain_error = worst_plain_error.max((plain - expected).abs() / ulp);
        }
    }
    // What the compensation saves: an uncompensated running sum (TA-Lib's) strays many
    // ulps from the exact total on the same stream.
    assert!(
        worst_plain_error > 4.0,
        "plain sum error {worst_plain_error} ulps"
    );
}
