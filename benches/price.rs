//! Steady-state cost per update of the price transforms, against hand-written loops of the
//! same formulas. Each measurement streams a 2,000,000-bar series (bars built around a random
//! walk, as in `benches/volatility.rs`) through an indicator that has already been warmed up;
//! throughput is in updates per second.
//!
//! Run with `cargo bench --bench price`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::price::{
    AverageDeviation, AveragePrice, HeikinAshi, MedianPrice, TypicalPrice, WeightedClose,
};
use ta_stream::{CheckedInput, Indicator};

const POINTS: usize = 2_000_000;

/// A deterministic random walk (xorshift64) starting at 100, and a second stream of
/// uniform numbers in [0, 1) for the bars' wicks.
fn random_walk(length: usize) -> (Vec<f64>, Vec<f64>) {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut price = 100.0;
    let mut walk = Vec::with_capacity(length);
    let mut noise = Vec::with_capacity(length);
    for _ in 0..length {
        price += next() - 0.5;
        walk.push(price);
        noise.push(next());
    }
    (walk, noise)
}

/// Bars around the walk: the open at the previous close (clamped into the bar), wicks up
/// to 0.5 on each side.
fn bars() -> Vec<Candle> {
    let (walk, noise) = random_walk(POINTS);
    let mut previous = walk[0];
    walk.iter()
        .zip(&noise)
        .map(|(&close, &n)| {
            let (high, low) = (
                close.max(previous) + 0.5 * n,
                close.min(previous) - 0.25 * n,
            );
            let candle = Candle::new(previous.clamp(low, high), high, low, close, 0.0).unwrap();
            previous = close;
            candle
        })
        .collect()
}

fn configure<'a>(
    c: &'a mut Criterion,
    group: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(20);
    group
}

/// Streams `data` through an indicator warmed up on the start of `data` beforehand.
fn bench_indicator<I>(
    c: &mut Criterion,
    group: &str,
    period: usize,
    data: &[I::Input],
    mut indicator: I,
) where
    I: Indicator,
{
    indicator.batch(&data[..4 * period.max(1)]);
    let mut group = configure(c, group);
    group.bench_function(BenchmarkId::new("ta_stream", period), |b| {
        b.iter(|| {
            for x in data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The floor: a hand-written streaming loop of the same formula.
fn bench_loop<X: Copy, O>(
    c: &mut Criterion,
    group: &str,
    period: usize,
    data: &[X],
    mut step: impl FnMut(X) -> O,
) {
    let mut group = configure(c, group);
    group.bench_function(BenchmarkId::new("hand_written", period), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The one-candle transforms: the hand-written loop checks the candle as the indicators do.
fn bar_prices(c: &mut Criterion) {
    let data = bars();
    bench_indicator(c, "typprice", 0, &data, TypicalPrice::new());
    bench_loop(c, "typprice", 0, &data, |b: Candle| {
        b.is_usable().then(|| (b.high + b.low + b.close) / 3.0)
    });
}

/// The other one-candle transforms and Heikin-Ashi.
fn candle_transforms(c: &mut Criterion) {
    let data = bars();
    bench_indicator(c, "avgprice", 0, &data, AveragePrice::new());
    bench_indicator(c, "medprice", 0, &data, MedianPrice::new());
    bench_indicator(c, "wclprice", 0, &data, WeightedClose::new());
    bench_indicator(c, "ha", 0, &data, HeikinAshi::new());
    let mut last: Option<(f64, f64)> = None;
    bench_loop(c, "ha", 0, &data, move |b: Candle| {
        let open = match last {
            Some((o, c)) => (o + c) * 0.5,
            None => (b.open + b.close) * 0.5,
        };
        let close = (b.open + b.high + b.low + b.close) * 0.25;
        last = Some((open, close));
        (
            open,
            b.high.max(open).max(close),
            b.low.min(open).min(close),
            close,
        )
    });
}

/// AVGDEV is O(n): 14 (TA-Lib's default) and 200 show the slope.
fn average_deviation(c: &mut Criterion) {
    let data: Vec<f64> = bars().iter().map(|b| b.close).collect();
    for period in [14, 200] {
        bench_indicator(
            c,
            "avgdev",
            period,
            &data,
            AverageDeviation::new(period).unwrap(),
        );
        let mut ring = vec![100.0; period];
        let mut head = 0;
        bench_loop(c, "avgdev", period, &data, move |x: f64| {
            ring[head] = x;
            head = (head + 1) % period;
            let mean = ring.iter().sum::<f64>() / period as f64;
            ring.iter().map(|v| (v - mean).abs()).sum::<f64>() / period as f64
        });
    }
}

criterion_group!(benches, bar_prices, candle_transforms, average_deviation);
criterion_main!(benches);
