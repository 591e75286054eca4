//! Steady-state cost per update of the momentum indicators of window highs and lows (AROON,
//! AROONOSC, CCI, WILLR, ULTOSC, VHF, ERI, FRACTAL, AO, AC), at TA-Lib's default periods and
//! at long ones (to show which costs grow with the period: only CCI's, O(n) like TA-Lib's),
//! with hand-written loops for AO (two add-and-subtract sums, the floor) and CCI (the same
//! O(n) mean deviation over a ring buffer).
//!
//! Run with `cargo bench --bench momentum_range`; ns per update = time / 2,000,000.

mod common;

use common::{bench_indicator, bench_loop, random_bars, random_walk, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::momentum::{
    Accelerator, Aroon, AroonOscillator, AwesomeOscillator, Cci, ElderRay, Fractal,
    UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};

fn momentum_range(c: &mut Criterion) {
    let bars = random_bars(POINTS);
    let closes = random_walk(POINTS);
    for period in [14, 200] {
        bench_indicator(c, "aroon", period, &bars, Aroon::new(period).unwrap());
        bench_indicator(
            c,
            "aroonosc",
            period,
            &bars,
            AroonOscillator::new(period).unwrap(),
        );
        bench_indicator(c, "cci", period, &bars, Cci::new(period).unwrap());
        bench_indicator(c, "willr", period, &bars, WilliamsR::new(period).unwrap());
    }
    for (a, b, d) in [(7, 14, 28), (50, 100, 200)] {
        let ult = UltimateOscillator::new(a, b, d).unwrap();
        bench_indicator(c, "ultosc", d, &bars, ult);
    }
    for period in [28, 200] {
        let vhf = VerticalHorizontalFilter::new(period).unwrap();
        bench_indicator(c, "vhf", period, &closes, vhf);
    }
    for period in [13, 200] {
        bench_indicator(c, "eri", period, &bars, ElderRay::new(period).unwrap());
    }
    for side in [2, 50] {
        bench_indicator(c, "fractal", side, &bars, Fractal::new(side, side).unwrap());
    }
    for (fast, slow) in [(5, 34), (50, 200)] {
        bench_indicator(
            c,
            "ao",
            slow,
            &bars,
            AwesomeOscillator::new(fast, slow).unwrap(),
        );
        let ac = Accelerator::new(fast, slow, 5).unwrap();
        bench_indicator(c, "ac", slow, &bars, ac);
    }

    // AO by hand: two ring buffers with running sums (add and subtract; drifts).
    let (fast, slow) = (5, 34);
    let (mut ring, mut at, mut count) = (vec![0.0; slow], 0, 0);
    let (mut fast_sum, mut slow_sum) = (0.0, 0.0);
    bench_loop(c, "ao", slow, &bars, move |bar| {
        let median = (bar.high + bar.low) / 2.0;
        fast_sum += median
            - if count >= fast {
                ring[(at + slow - fast) % slow]
            } else {
                0.0
            };
        slow_sum += median - if count >= slow { ring[at] } else { 0.0 };
        ring[at] = median;
        at = (at + 1) % slow;
        count += 1;
        fast_sum / fast as f64 - slow_sum / slow as f64
    });

    // CCI by hand: the typical prices in a ring, the mean and deviation by two passes.
    let period = 14;
    let (mut ring, mut at) = (vec![0.0; period], 0);
    bench_loop(c, "cci", period, &bars, move |bar| {
        let typical = (bar.high + bar.low + bar.close) / 3.0;
        ring[at] = typical;
        at = (at + 1) % period;
        let mean = ring.iter().sum::<f64>() / period as f64;
        let deviation = ring.iter().map(|x| (x - mean).abs()).sum::<f64>() / period as f64;
        if deviation == 0.0 {
            0.0
        } else {
            (typical - mean) / (0.015 * deviation)
        }
    });
}

criterion_group!(benches, momentum_range);
criterion_main!(benches);
