//! Steady-state cost per update of the averages and RSI, against hand-written loops of the
//! same formulas. Each measurement streams a 2,000,000-point random walk through an indicator
//! that has already been warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench averages`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::{Dema, Ema, Hma, Kama, Mavp, Rma, Sma, Tema, Trima, Vwma, Wma, Zlema, T3};
use ta_stream::momentum::Rsi;
use ta_stream::volatility::MaBands;
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
fn bench_indicator<I>(c: &mut Criterion, group: &str, label: &str, period: usize, mut indicator: I)
where
    I: Indicator<Input = f64>,
{
    let data = random_walk(POINTS);
    indicator.batch(&data[..4 * period]);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new(label, period), |b| {
        b.iter(|| {
            for x in &data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// An indicator of (price, second) pairs: the random walk with `second(i)` beside it.
fn bench_pairs<I>(
    c: &mut Criterion,
    group: &str,
    period: usize,
    mut indicator: I,
    second: impl Fn(usize) -> f64,
) where
    I: Indicator<Input = (f64, f64), Output = f64>,
{
    let data: Vec<(f64, f64)> = random_walk(POINTS)
        .into_iter()
        .enumerate()
        .map(|(i, x)| (x, second(i)))
        .collect();
    indicator.batch(&data[..4 * period]);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("ta_stream", period), |b| {
        b.iter(|| {
            for x in &data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The floor: a hand-written streaming loop of the same formula.
fn bench_loop(c: &mut Criterion, group: &str, period: usize, mut step: impl FnMut(f64) -> f64) {
    let data = random_walk(POINTS);
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("hand_written", period), |b| {
        b.iter(|| {
            for x in &data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

fn sma(c: &mut Criterion) {
    for period in [14, 50, 200] {
        bench_indicator(c, "sma", "ta_stream", period, Sma::new(period).unwrap());
        // Plain rolling sum over a ring buffer: the textbook loop (it drifts; ours does not).
        let mut ring = vec![0.0; period];
        let (mut head, mut sum) = (0, 0.0);
        bench_loop(c, "sma", period, move |x| {
            sum += x - ring[head];
            ring[head] = x;
            head = if head + 1 == period { 0 } else { head + 1 };
            sum / period as f64
        });
    }
}

fn ema(c: &mut Criterion) {
    for period in [14, 50, 200] {
        bench_indicator(c, "ema", "ta_stream", period, Ema::new(period).unwrap());
        let k = 2.0 / (period as f64 + 1.0);
        let mut ema = 100.0;
        bench_loop(c, "ema", period, move |x| {
            ema += (x - ema) * k;
            ema
        });
    }
}

fn rsi(c: &mut Criterion) {
    for period in [14, 200] {
        bench_indicator(c, "rsi", "ta_stream", period, Rsi::new(period).unwrap());
        let n = period as f64;
        let (decay, weight) = ((n - 1.0) / n, 1.0 / n);
        let (mut previous, mut gain, mut loss) = (100.0, 0.5, 0.5);
        bench_loop(c, "rsi", period, move |x| {
            let change: f64 = x - previous;
            previous = x;
            gain = gain * decay + change.max(0.0) * weight;
            loss = loss * decay + (-change).max(0.0) * weight;
            100.0 * (gain / (gain + loss))
        });
    }
}

fn others(c: &mut Criterion) {
    for period in [14, 200] {
        bench_indicator(c, "wma", "ta_stream", period, Wma::new(period).unwrap());
        bench_indicator(c, "trima", "ta_stream", period, Trima::new(period).unwrap());
        bench_indicator(c, "kama", "ta_stream", period, Kama::new(period).unwrap());
        bench_indicator(c, "t3", "ta_stream", period, T3::new(period, 0.7).unwrap());
        bench_indicator(c, "hma", "ta_stream", period, Hma::new(period).unwrap());
        bench_indicator(c, "zlema", "ta_stream", period, Zlema::new(period).unwrap());
        bench_indicator(c, "rma", "ta_stream", period, Rma::new(period).unwrap());
        bench_indicator(c, "dema", "ta_stream", period, Dema::new(period).unwrap());
        bench_indicator(c, "tema", "ta_stream", period, Tema::new(period).unwrap());
        let volume = |i: usize| 1000.0 + (i % 17) as f64 * 250.0;
        bench_pairs(c, "vwma", period, Vwma::new(period).unwrap(), volume);
        let bands = MaBands::new(period, 2.0, 2.0, Ema::new).unwrap();
        bench_indicator(c, "bbands_ema", "ta_stream", period, bands);
    }
    // TA-Lib's defaults (2..=30), SMA and EMA; periods 2 + 7i mod 30 as in the fixtures.
    let periods = |i: usize| (2 + (7 * i) % 30) as f64;
    bench_pairs(
        c,
        "mavp_sma",
        30,
        Mavp::new(2, 30, Sma::new).unwrap(),
        periods,
    );
    bench_pairs(
        c,
        "mavp_ema",
        30,
        Mavp::new(2, 30, Ema::new).unwrap(),
        periods,
    );
}

criterion_group!(benches, sma, ema, rsi, others);
criterion_main!(benches);
