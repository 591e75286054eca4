//! Steady-state cost per update of MACD, the stochastic oscillator, the rolling maximum and
//! ROC, each against a hand-written loop of the same formula. Each measurement streams a
//! 2,000,000-point random walk (or bars built from it) through an indicator that has already
//! been warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench momentum`; ns per update = time / 2,000,000.

use std::collections::VecDeque;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::momentum::{Macd, Roc, Stochastic};
use ta_stream::statistics::RollingMax;
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

/// Bars from the walk: open = previous close, close = this point, high and low 0.1 beyond.
fn random_bars(length: usize) -> Vec<Candle> {
    let walk = random_walk(length + 1);
    walk.windows(2)
        .map(|pair| {
            let (open, close) = (pair[0], pair[1]);
            Candle {
                open,
                high: open.max(close) + 0.1,
                low: open.min(close) - 0.1,
                close,
                volume: 0.0,
            }
        })
        .collect()
}

/// Streams `data` through an indicator warmed up on `data` beforehand.
fn bench_indicator<I>(
    c: &mut Criterion,
    group: &str,
    label: &str,
    parameter: &str,
    data: &[I::Input],
    mut indicator: I,
) where
    I: Indicator,
{
    indicator.batch(&data[..1000]);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new(label, parameter), |b| {
        b.iter(|| {
            for x in data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The floor: a hand-written streaming loop of the same formula.
fn bench_loop<X: Copy, Y>(
    c: &mut Criterion,
    group: &str,
    parameter: &str,
    data: &[X],
    mut step: impl FnMut(X) -> Y,
) {
    for &x in &data[..1000] {
        step(x);
    }
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("hand_written", parameter), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// A textbook monotonic deque of `(index, value)` over `VecDeque`: the hand-written rolling
/// extreme (`better(a, b)` is `a >= b` for a maximum).
struct HandDeque {
    period: usize,
    index: usize,
    deque: VecDeque<(usize, f64)>,
}

impl HandDeque {
    fn new(period: usize) -> Self {
        Self {
            period,
            index: 0,
            deque: VecDeque::with_capacity(period + 1),
        }
    }

    #[inline]
    fn push(&mut self, x: f64, better: impl Fn(f64, f64) -> bool) -> f64 {
        while self
            .deque
            .front()
            .is_some_and(|&(i, _)| i + self.period <= self.index)
        {
            self.deque.pop_front();
        }
        while self.deque.back().is_some_and(|&(_, v)| better(x, v)) {
            self.deque.pop_back();
        }
        self.deque.push_back((self.index, x));
        self.index += 1;
        self.deque.front().map_or(x, |&(_, v)| v)
    }
}

fn macd(c: &mut Criterion) {
    let data = random_walk(POINTS);
    bench_indicator(c, "macd", "ta_stream", "12,26,9", &data, Macd::default());
    let (k_fast, k_slow, k_signal) = (2.0 / 13.0, 2.0 / 27.0, 2.0 / 10.0);
    let (mut fast, mut slow, mut signal) = (100.0, 100.0, 0.0);
    bench_loop(c, "macd", "12,26,9", &data, move |x: f64| {
        fast += (x - fast) * k_fast;
        slow += (x - slow) * k_slow;
        let macd = fast - slow;
        signal += (macd - signal) * k_signal;
        (macd, signal, macd - signal)
    });
}

fn stochastic(c: &mut Criterion) {
    let bars = random_bars(POINTS);
    bench_indicator(
        c,
        "stochastic",
        "ta_stream",
        "14,3,3",
        &bars,
        Stochastic::default(),
    );
    let (mut highest, mut lowest) = (HandDeque::new(14), HandDeque::new(14));
    let (mut k_ring, mut d_ring) = ([0.0; 3], [0.0; 3]);
    let (mut k_sum, mut d_sum, mut slot) = (0.0, 0.0, 0);
    bench_loop(c, "stochastic", "14,3,3", &bars, move |bar: Candle| {
        let hh = highest.push(bar.high, |a, b| a >= b);
        let ll = lowest.push(bar.low, |a, b| a <= b);
        let range = (hh - ll) / 100.0;
        let fast_k = if range == 0.0 {
            0.0
        } else {
            (bar.close - ll) / range
        };
        k_sum += fast_k - k_ring[slot];
        k_ring[slot] = fast_k;
        let slow_k = k_sum / 3.0;
        d_sum += slow_k - d_ring[slot];
        d_ring[slot] = slow_k;
        slot = if slot == 2 { 0 } else { slot + 1 };
        (slow_k, d_sum / 3.0)
    });
}

fn rolling_max(c: &mut Criterion) {
    let data = random_walk(POINTS);
    for period in [14, 200] {
        let label = period.to_string();
        bench_indicator(
            c,
            "rolling_max",
            "ta_stream",
            &label,
            &data,
            RollingMax::new(period).unwrap(),
        );
        let mut deque = HandDeque::new(period);
        bench_loop(c, "rolling_max", &label, &data, move |x: f64| {
            deque.push(x, |a, b| a >= b)
        });
    }
}

fn roc(c: &mut Criterion) {
    let data = random_walk(POINTS);
    bench_indicator(c, "roc", "ta_stream", "10", &data, Roc::default());
    // A ring over a Vec with a run-time period, like the SMA floor in `benches/averages.rs`.
    let period = 10;
    let mut ring = vec![100.0; period];
    let mut head = 0;
    bench_loop(c, "roc", "10", &data, move |x: f64| {
        let base = ring[head];
        ring[head] = x;
        head = if head + 1 == period { 0 } else { head + 1 };
        if base == 0.0 {
            0.0
        } else {
            (x / base - 1.0) * 100.0
        }
    });
}

criterion_group!(benches, macd, stochastic, rolling_max, roc);
criterion_main!(benches);
