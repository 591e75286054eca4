//! The windowed building blocks against hand-written loops of the same formulas, in one run:
//! `MAX(20)` (the crate's block scheme next to a hand-written van Herk / Gil-Werman block loop
//! and a textbook monotonic deque; the crate's `MonotonicDeque` with and without ages),
//! `SMA(50)`, `STDDEV(20)` and `WMA(20)` (next to the
//! add-and-subtract loops, which drift; the crate's do not). Each measurement streams the
//! 2,000,000-point random walk of the other benches through a warmed-up indicator.
//!
//! Run with `cargo bench --bench blocks`; ns per update = time / 2,000,000.

use std::collections::VecDeque;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::{Sma, Wma};
use ta_stream::statistics::RollingMax;
use ta_stream::volatility::StdDev;
use ta_stream::window::{Extremum, MonotonicDeque};
use ta_stream::Indicator;

const POINTS: usize = 2_000_000;

/// A deterministic random walk (xorshift64) starting at 100.
fn random_walk(length: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut price = 100.0;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            price += (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            price
        })
        .collect()
}

/// Streams `data` through an indicator warmed up on `data` beforehand.
fn bench_indicator<I>(c: &mut Criterion, group: &str, period: usize, data: &[f64], mut indicator: I)
where
    I: Indicator<Input = f64, Output = f64>,
{
    indicator.batch(&data[..4 * period]);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("ta_stream", period), |b| {
        b.iter(|| {
            for x in data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// A hand-written streaming loop, warmed up like the indicator.
fn bench_loop(
    c: &mut Criterion,
    group: &str,
    label: &str,
    period: usize,
    data: &[f64],
    mut step: impl FnMut(f64) -> f64,
) {
    for &x in &data[..4 * period] {
        step(x);
    }
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new(label, period), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// Van Herk / Gil-Werman rolling maximum, values only: suffix maxima of the previous block
/// stored in the slots not yet overwritten, the running maximum of the current block.
fn block_max(period: usize) -> impl FnMut(f64) -> f64 {
    let mut slots = vec![f64::NEG_INFINITY; period + 1];
    let (mut next, mut prefix) = (0, f64::NEG_INFINITY);
    move |x| {
        slots[next] = x;
        prefix = prefix.max(x);
        next += 1;
        if next == period {
            let mut running = f64::NEG_INFINITY;
            for slot in slots[..period].iter_mut().rev() {
                running = running.max(*slot);
                *slot = running;
            }
            next = 0;
            prefix = f64::NEG_INFINITY;
        }
        slots[next].max(prefix)
    }
}

/// A textbook monotonic deque over `VecDeque`.
fn deque_max(period: usize) -> impl FnMut(f64) -> f64 {
    let mut deque: VecDeque<(usize, f64)> = VecDeque::with_capacity(period + 1);
    let mut index = 0;
    move |x| {
        while deque.front().is_some_and(|&(i, _)| i + period <= index) {
            deque.pop_front();
        }
        while deque.back().is_some_and(|&(_, v)| x >= v) {
            deque.pop_back();
        }
        deque.push_back((index, x));
        index += 1;
        deque.front().map_or(x, |&(_, v)| v)
    }
}

fn rolling_max(c: &mut Criterion) {
    let data = random_walk(POINTS);
    let period = 20;
    bench_indicator(c, "max", period, &data, RollingMax::new(period).unwrap());
    bench_loop(c, "max", "hand_block", period, &data, block_max(period));
    bench_loop(c, "max", "hand_deque", period, &data, deque_max(period));
    // The block itself, with and without the ages of its extremes (the indicators that
    // never report an age use the second).
    let mut with_ages = MonotonicDeque::new(period, Extremum::Max).unwrap();
    bench_loop(c, "max", "deque_with_ages", period, &data, move |x| {
        with_ages.push(x);
        with_ages.extreme().unwrap_or(x)
    });
    let mut without_ages =
        MonotonicDeque::<f64, false>::without_ages(period, Extremum::Max).unwrap();
    bench_loop(c, "max", "deque_without_ages", period, &data, move |x| {
        without_ages.push(x);
        without_ages.extreme().unwrap_or(x)
    });
}

fn sma(c: &mut Criterion) {
    let data = random_walk(POINTS);
    let period = 50;
    bench_indicator(c, "sma", period, &data, Sma::new(period).unwrap());
    // The textbook add-and-subtract loop over a ring buffer, reciprocal computed once.
    let mut ring = vec![0.0; period];
    let (mut head, mut sum, inverse) = (0, 0.0, 1.0 / period as f64);
    bench_loop(c, "sma", "hand_written", period, &data, move |x| {
        sum += x - ring[head];
        ring[head] = x;
        head = if head + 1 == period { 0 } else { head + 1 };
        sum * inverse
    });
}

fn std_dev(c: &mut Criterion) {
    let data = random_walk(POINTS);
    let period = 20;
    bench_indicator(c, "stddev", period, &data, StdDev::new(period).unwrap());
    // Running Σx and Σx² with add-and-subtract, `E[x²] − E[x]²` (TA-Lib's formula).
    let mut ring = vec![0.0; period];
    let (mut head, mut sum, mut square, inverse) = (0, 0.0, 0.0, 1.0 / period as f64);
    bench_loop(c, "stddev", "hand_written", period, &data, move |x| {
        let old = ring[head];
        sum += x - old;
        square += x * x - old * old;
        ring[head] = x;
        head = if head + 1 == period { 0 } else { head + 1 };
        let mean = sum * inverse;
        (square * inverse - mean * mean).max(0.0).sqrt()
    });
}

fn wma(c: &mut Criterion) {
    let data = random_walk(POINTS);
    let period = 20;
    bench_indicator(c, "wma", period, &data, Wma::new(period).unwrap());
    // Running plain and weighted sums with add-and-subtract: `WS += n·x − S; S += x − old`.
    let mut ring = vec![0.0; period];
    let n = period as f64;
    let (mut head, mut sum, mut weighted, inverse) = (0, 0.0, 0.0, 2.0 / (n * (n + 1.0)));
    bench_loop(c, "wma", "hand_written", period, &data, move |x| {
        weighted += n * x - sum;
        sum += x - ring[head];
        ring[head] = x;
        head = if head + 1 == period { 0 } else { head + 1 };
        weighted * inverse
    });
}

criterion_group!(benches, rolling_max, sma, std_dev, wma);
criterion_main!(benches);
