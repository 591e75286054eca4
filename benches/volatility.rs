//! Steady-state cost per update of the volatility indicators, against hand-written loops of
//! the same formulas. Each measurement streams a 2,000,000-point random walk (bars built
//! around it for the OHLC indicators) through an indicator that has already been warmed up;
//! throughput is in updates per second.
//!
//! The hand-written variance loop is the textbook (and TA-Lib) one: running `Σx` and `Σx²`
//! with add-and-subtract, `E[x²] − E[x]²`. It is the floor, not an equivalent: it drifts and
//! loses every digit at high price levels, which `Variance` does not (see its docs).
//!
//! Run with `cargo bench --bench volatility`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::volatility::{
    Atr, AverageDayRange, Bollinger, ChaikinVolatility, MassIndex, RelativeVolatility, StdDev,
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

fn closes() -> Vec<f64> {
    random_walk(POINTS).0
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

/// Streams `data` through an indicator warmed up on `data` beforehand.
fn bench_indicator<I>(
    c: &mut Criterion,
    group: &str,
    period: usize,
    data: &[I::Input],
    mut indicator: I,
) where
    I: Indicator,
{
    indicator.batch(&data[..4 * period]);
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

/// Rolling `Σx`, `Σx²` over a ring buffer: `(mean, population variance)`.
fn naive_moments(period: usize) -> impl FnMut(f64) -> (f64, f64) {
    let mut ring = vec![100.0; period];
    let (mut head, mut sum, mut square) = (0, 100.0 * period as f64, 1e4 * period as f64);
    let n = period as f64;
    move |x| {
        let old = ring[head];
        sum += x - old;
        square += x * x - old * old;
        ring[head] = x;
        head = if head + 1 == period { 0 } else { head + 1 };
        let mean = sum / n;
        (mean, (square / n - mean * mean).max(0.0))
    }
}

fn std_dev(c: &mut Criterion) {
    let data = closes();
    for period in [20, 200] {
        bench_indicator(c, "stddev", period, &data, StdDev::new(period).unwrap());
        let mut moments = naive_moments(period);
        bench_loop(c, "stddev", period, &data, move |x| moments(x).1.sqrt());
    }
}

fn bollinger(c: &mut Criterion) {
    let data = closes();
    for period in [20, 200] {
        bench_indicator(
            c,
            "bollinger",
            period,
            &data,
            Bollinger::new(period, 2.0).unwrap(),
        );
        let mut moments = naive_moments(period);
        bench_loop(c, "bollinger", period, &data, move |x| {
            let (middle, variance) = moments(x);
            let offset = 2.0 * variance.sqrt();
            let (upper, lower) = (middle + offset, middle - offset);
            let width = upper - lower;
            let percent_b = if width == 0.0 {
                0.5
            } else {
                (x - lower) / width
            };
            (upper, middle, lower, percent_b, width / middle)
        });
    }
}

fn atr(c: &mut Criterion) {
    let data = bars();
    for period in [14, 200] {
        bench_indicator(c, "atr", period, &data, Atr::new(period).unwrap());
        let n = period as f64;
        let (decay, weight) = ((n - 1.0) / n, 1.0 / n);
        let (mut previous, mut atr) = (100.0, 1.0);
        bench_loop(c, "atr", period, &data, move |bar: Candle| {
            let range = (bar.high - bar.low)
                .max((previous - bar.high).abs())
                .max((bar.low - previous).abs());
            previous = bar.close;
            atr = atr * decay + range * weight;
            atr
        });
        // The same loop with the crate's input policy: a candle with a non-finite number
        // is skipped (five checks per bar). The difference to the line above is the price
        // of that policy; the difference to `ta_stream` is the rest.
        let (mut previous, mut atr) = (100.0, 1.0);
        let mut group = configure(c, "atr");
        group.bench_function(BenchmarkId::new("hand_written_checked", period), |b| {
            b.iter(|| {
                for &bar in &data {
                    let bar: Candle = black_box(bar);
                    if bar.is_usable() {
                        let range = (bar.high - bar.low)
                            .max((previous - bar.high).abs())
                            .max((bar.low - previous).abs());
                        previous = bar.close;
                        atr = atr * decay + range * weight;
                    }
                    black_box(atr);
                }
            })
        });
        group.finish();
    }
}

/// The volatility functions of the TA-Lib coverage (issue 10), at TA-Lib's defaults and at
/// longer periods: the cost does not grow with the period.
fn coverage(c: &mut Criterion) {
    let data = bars();
    let data_closes = closes();
    for period in [14, 200] {
        bench_indicator(
            c,
            "adr",
            period,
            &data,
            AverageDayRange::new(period).unwrap(),
        );
    }
    for (period, roc) in [(10, 10), (200, 200)] {
        bench_indicator(
            c,
            "cvi",
            period,
            &data,
            ChaikinVolatility::new(period, roc).unwrap(),
        );
    }
    for (fast, slow) in [(9, 25), (100, 200)] {
        bench_indicator(c, "massi", slow, &data, MassIndex::new(fast, slow).unwrap());
    }
    for (period, std_period) in [(14, 10), (200, 200)] {
        bench_indicator(
            c,
            "rvi",
            std_period,
            &data_closes,
            RelativeVolatility::new(period, std_period).unwrap(),
        );
    }
}

criterion_group!(benches, std_dev, bollinger, atr, coverage);
criterion_main!(benches);
