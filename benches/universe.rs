//! The universe path and the slice path, against the loops they replace, in one run.
//!
//! - `universe_*`: 5,000 series, one update each per tick, 400 ticks per iteration
//!   (2,000,000 updates): the structure-of-arrays universe, a `Vec` of single indicators
//!   updated in a loop, and a hand-written structure-of-arrays loop of the same formula
//!   without input checks (for the SMA, the textbook add-and-subtract ring, which drifts).
//! - `slice_*`: the 2,000,000-point random walk (bars around it for the ATR) through
//!   `update` in a loop and through `update_slice` into a caller-provided slice.
//!
//! Run with `cargo bench --bench universe`; ns per update = time / 2,000,000. Everything is
//! warmed up before timing; compare ratios within one run (the machine may be shared).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::{Ema, Sma, Wma};
use ta_stream::bar::Candle;
use ta_stream::momentum::Rsi;
use ta_stream::statistics::RollingMax;
use ta_stream::universe::{EmaUniverse, RsiUniverse, SmaUniverse};
use ta_stream::volatility::Atr;
use ta_stream::Indicator;

const POINTS: usize = 2_000_000;
const SERIES: usize = 5_000;
const TICKS: usize = POINTS / SERIES;

/// Uniform numbers in [0, 1) from xorshift64.
fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The benches' 2,000,000-point random walk from 100.
fn random_walk(length: usize) -> Vec<f64> {
    let mut next = uniform(0x2545_F491_4F6C_DD1D);
    let mut price = 100.0;
    (0..length)
        .map(|_| {
            price += next() - 0.5;
            price
        })
        .collect()
}

/// Bars around the walk: open at the previous close, wicks up to 0.5.
fn bars(walk: &[f64]) -> Vec<Candle> {
    let mut next = uniform(0x9E37_79B9_7F4A_7C15);
    let mut previous = walk[0];
    walk.iter()
        .map(|&close| {
            let (high, low) = (
                close.max(previous) + 0.5 * next(),
                close.min(previous) - 0.25 * next(),
            );
            let candle = Candle::new(previous.clamp(low, high), high, low, close, 0.0).unwrap();
            previous = close;
            candle
        })
        .collect()
}

/// `ticks` rows of `SERIES` prices: one random walk per series, from 100.
fn universe_ticks(ticks: usize) -> Vec<Vec<f64>> {
    let mut next = uniform(0x2545_F491_4F6C_DD1D);
    let mut prices = vec![100.0; SERIES];
    (0..ticks)
        .map(|_| {
            prices.iter_mut().for_each(|p| *p += next() - 0.5);
            prices.clone()
        })
        .collect()
}

fn group<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(10);
    group
}

/// Times `step(tick, out)` over every tick, after a warm-up pass.
fn bench_ticks(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    label: &str,
    period: usize,
    ticks: &[Vec<f64>],
    mut step: impl FnMut(&[f64], &mut [f64]),
) {
    let mut out = vec![0.0; SERIES];
    for tick in ticks {
        step(tick, &mut out);
    }
    group.bench_function(BenchmarkId::new(label, period), |b| {
        b.iter(|| {
            for tick in ticks {
                step(black_box(tick), &mut out);
                black_box(&mut out);
            }
        })
    });
}

/// A `Vec` of single indicators, updated in a loop.
fn vec_of<I: Indicator<Input = f64, Output = f64>>(
    mut singles: Vec<I>,
) -> impl FnMut(&[f64], &mut [f64]) {
    move |tick, out| {
        for ((one, &x), slot) in singles.iter_mut().zip(tick).zip(out.iter_mut()) {
            *slot = one.update(x).unwrap_or(f64::NAN);
        }
    }
}

fn universe_sma(c: &mut Criterion) {
    let ticks = universe_ticks(TICKS);
    for period in [14, 50] {
        let mut group = group(c, "universe_sma");
        let mut universe = SmaUniverse::new(SERIES, period).unwrap();
        bench_ticks(
            &mut group,
            "ta_stream_universe",
            period,
            &ticks,
            |tick, out| universe.update(tick, out).unwrap(),
        );
        let singles = vec![Sma::new(period).unwrap(); SERIES];
        bench_ticks(&mut group, "vec_of_sma", period, &ticks, vec_of(singles));
        // The hand-written structure-of-arrays loop: one ring row per slot, a common head,
        // add-and-subtract sums (drift), no input check.
        let mut ring = vec![0.0; period * SERIES];
        let mut sums = vec![0.0; SERIES];
        let mut head = 0;
        let n = period as f64;
        bench_ticks(
            &mut group,
            "hand_written_soa",
            period,
            &ticks,
            move |tick, out| {
                let row = &mut ring[head * SERIES..(head + 1) * SERIES];
                for (((&x, old), sum), out) in
                    tick.iter().zip(row).zip(&mut sums).zip(out.iter_mut())
                {
                    *sum += x - *old;
                    *old = x;
                    *out = *sum / n;
                }
                head = if head + 1 == period { 0 } else { head + 1 };
            },
        );
        group.finish();
    }
}

fn universe_ema(c: &mut Criterion) {
    let ticks = universe_ticks(TICKS);
    let period = 50;
    let mut group = group(c, "universe_ema");
    let mut universe = EmaUniverse::new(SERIES, period).unwrap();
    bench_ticks(
        &mut group,
        "ta_stream_universe",
        period,
        &ticks,
        |tick, out| universe.update(tick, out).unwrap(),
    );
    let singles = vec![Ema::new(period).unwrap(); SERIES];
    bench_ticks(&mut group, "vec_of_ema", period, &ticks, vec_of(singles));
    let mut state = ticks[0].clone();
    let k = 2.0 / (period as f64 + 1.0);
    bench_ticks(
        &mut group,
        "hand_written_soa",
        period,
        &ticks,
        move |tick, out| {
            for ((&x, s), out) in tick.iter().zip(&mut state).zip(out.iter_mut()) {
                *s += (x - *s) * k;
                *out = *s;
            }
        },
    );
    group.finish();
}

fn universe_rsi(c: &mut Criterion) {
    let ticks = universe_ticks(TICKS);
    let period = 14;
    let mut group = group(c, "universe_rsi");
    let mut universe = RsiUniverse::new(SERIES, period).unwrap();
    bench_ticks(
        &mut group,
        "ta_stream_universe",
        period,
        &ticks,
        |tick, out| universe.update(tick, out).unwrap(),
    );
    let singles = vec![Rsi::new(period).unwrap(); SERIES];
    bench_ticks(&mut group, "vec_of_rsi", period, &ticks, vec_of(singles));
    // Wilder's recursion on arrays, without input checks or warm-up logic.
    let mut previous = ticks[0].clone();
    let mut gains = vec![0.5; SERIES];
    let mut losses = vec![0.5; SERIES];
    let n = period as f64;
    let (weight, inverse) = ((n - 1.0) / n, 1.0 / n);
    bench_ticks(
        &mut group,
        "hand_written_soa",
        period,
        &ticks,
        move |tick, out| {
            let lanes = tick
                .iter()
                .zip(&mut previous)
                .zip(&mut gains)
                .zip(&mut losses)
                .zip(out.iter_mut());
            for ((((&x, previous), gain), loss), out) in lanes {
                let change = x - *previous;
                *previous = x;
                *gain = *gain * weight + change.max(0.0) * inverse;
                *loss = *loss * weight + (-change).max(0.0) * inverse;
                let total = *gain + *loss;
                *out = if total == 0.0 {
                    50.0
                } else {
                    100.0 * (*gain / total)
                };
            }
        },
    );
    group.finish();
}

/// `update` in a loop against `update_slice`, over `data`.
fn bench_slice<I>(c: &mut Criterion, name: &str, period: usize, data: &[I::Input], mut indicator: I)
where
    I: Indicator<Output = f64> + Clone,
{
    indicator.warm_up(data[..4 * period].iter().copied());
    let mut group = group(c, name);
    let mut streaming = indicator.clone();
    group.bench_function(BenchmarkId::new("update", period), |b| {
        b.iter(|| {
            for &x in data {
                black_box(streaming.update(black_box(x)));
            }
        })
    });
    let mut out = vec![0.0; data.len()];
    group.bench_function(BenchmarkId::new("update_slice", period), |b| {
        b.iter(|| {
            indicator.update_slice(black_box(data), &mut out).unwrap();
            black_box(&mut out);
        })
    });
    group.finish();
}

fn slices(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let candles = bars(&walk);
    bench_slice(c, "slice_sma", 50, &walk, Sma::new(50).unwrap());
    bench_slice(c, "slice_ema", 50, &walk, Ema::new(50).unwrap());
    bench_slice(c, "slice_rsi", 14, &walk, Rsi::new(14).unwrap());
    bench_slice(c, "slice_wma", 20, &walk, Wma::new(20).unwrap());
    bench_slice(c, "slice_max", 20, &walk, RollingMax::new(20).unwrap());
    bench_slice(c, "slice_atr", 14, &candles, Atr::new(14).unwrap());
}

criterion_group!(benches, universe_sma, universe_ema, universe_rsi, slices);
criterion_main!(benches);
