//! What every bench needs: the same deterministic inputs and the same measurement, so that
//! figures from different benches compare. Include with `mod common;` (unused items allowed:
//! each bench takes what it needs).
#![allow(dead_code)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::Indicator;

/// Inputs per measurement: ns per update = time / `POINTS`.
pub const POINTS: usize = 2_000_000;

/// A deterministic stream of uniform numbers in [0, 1) (xorshift64).
pub fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed | 1;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random walk of `length` points starting at 100, steps uniform in [−0.5, 0.5).
pub fn random_walk(length: usize) -> Vec<f64> {
    let mut next = uniform(0x2545_F491_4F6C_DD1D);
    let mut price = 100.0;
    (0..length)
        .map(|_| {
            price += next() - 0.5;
            price
        })
        .collect()
}

/// Bars around the random walk: the open at the previous close, wicks up to 0.5 above and
/// 0.25 below, a volume between 1,000 and 11,000.
pub fn random_bars(length: usize) -> Vec<Candle> {
    let walk = random_walk(length);
    let mut next = uniform(0x9E37_79B9_7F4A_7C15);
    let mut previous = walk[0];
    walk.iter()
        .map(|&close| {
            let high = close.max(previous) + 0.5 * next();
            let low = close.min(previous) - 0.25 * next();
            let volume = 1_000.0 + 10_000.0 * next();
            let candle = Candle::new(previous, high, low, close, volume).expect("a valid bar");
            previous = close;
            candle
        })
        .collect()
}

/// Streams `data` through `indicator`, warmed up on the first `warmup` inputs beforehand,
/// as `group/ta_stream/label`.
///
/// Each input is read through an opaque reference to it (`*black_box(x)`), as a feed reads
/// it from its series: passed by value, `black_box` stores a candle to the stack and the
/// update reads it back across the stores, a failed store-to-load forward that cost more
/// than the update itself (ADX(14) 18.6 ns an update that way, 6.2 read from the series).
pub fn bench_indicator<I: Indicator>(
    c: &mut Criterion,
    group: &str,
    label: impl std::fmt::Display,
    data: &[I::Input],
    mut indicator: I,
) {
    let warmup = (4 * indicator.warmup_period()).clamp(1, data.len());
    indicator.batch(&data[..warmup]);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("ta_stream", label), |b| {
        b.iter(|| {
            for x in data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The floor: a hand-written streaming loop of the same formula, as `group/hand_written/label`.
pub fn bench_loop<X: Copy, O>(
    c: &mut Criterion,
    group: &str,
    label: impl std::fmt::Display,
    data: &[X],
    mut step: impl FnMut(X) -> O,
) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("hand_written", label), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}
