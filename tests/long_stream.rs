//! Ten million updates with occasional 1e15 spikes: the rolling sums behind SMA and WMA must
//! still give the exact mean of their window, including right after a spike has left it.

use ta_stream::average::{Sma, Wma};
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
