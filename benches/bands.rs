//! Steady-state cost per update of the midpoints, bands, channels and stops (MIDPOINT,
//! MIDPRICE, DONCHIAN, ACCBANDS, KC, SAR, SAREXT, SUPERTREND). Each measurement streams a
//! 1,000,000-point random walk (bars built around it for the OHLC indicators) through an
//! indicator already warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench bands`; ns per update = time / 1,000,000. TA-Lib's batch
//! ns per element for the same functions: `python3 scripts/talib_batch_timings.py NAME`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::statistics::{MidPoint, MidPrice};
use ta_stream::trend::{ParabolicSar, SarSettings, SuperTrend};
use ta_stream::volatility::{AccelerationBands, Donchian, Keltner};
use ta_stream::Indicator;

const POINTS: usize = 1_000_000;

/// A deterministic random walk (xorshift64) starting at 100, and uniform noise in [0, 1).
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

fn closes() -> Vec<f64> {
    random_walk(POINTS).0
}

/// Bars around the walk: open at the previous close, wicks up to 0.5 on each side.
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

/// Streams `data` through `indicator`, warmed up on `data` beforehand.
fn bench_indicator<I: Indicator>(
    c: &mut Criterion,
    group: &str,
    label: impl std::fmt::Display,
    data: &[I::Input],
    mut indicator: I,
) {
    indicator.batch(&data[..1000]);
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

fn midpoints(c: &mut Criterion) {
    let data = closes();
    for period in [14, 200] {
        bench_indicator(c, "midpoint", period, &data, MidPoint::new(period).unwrap());
    }
    let bars = bars();
    for period in [14, 200] {
        bench_indicator(c, "midprice", period, &bars, MidPrice::new(period).unwrap());
    }
}

fn channels(c: &mut Criterion) {
    let bars = bars();
    for period in [20, 200] {
        bench_indicator(c, "donchian", period, &bars, Donchian::new(period).unwrap());
        bench_indicator(
            c,
            "accbands",
            period,
            &bars,
            AccelerationBands::new(period).unwrap(),
        );
        bench_indicator(
            c,
            "kc",
            period,
            &bars,
            Keltner::new(period, 10, 2.0).unwrap(),
        );
    }
}

fn stops(c: &mut Criterion) {
    let bars = bars();
    bench_indicator(
        c,
        "sar",
        "0.02,0.2",
        &bars,
        ParabolicSar::new(0.02, 0.2).unwrap(),
    );
    bench_indicator(
        c,
        "sarext",
        "defaults",
        &bars,
        ParabolicSar::extended(SarSettings::default()).unwrap(),
    );
    for period in [10, 200] {
        bench_indicator(
            c,
            "supertrend",
            period,
            &bars,
            SuperTrend::new(period, 3.0).unwrap(),
        );
    }
}

criterion_group!(benches, midpoints, channels, stops);
criterion_main!(benches);
