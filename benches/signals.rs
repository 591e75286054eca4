//! Steady-state cost per update of the signals, each next to a hand-written loop of the same
//! rule. Every measurement streams 2,000,000 points of a random walk (or of a series derived
//! from it) through a state that has already been warmed up; throughput is in updates per
//! second.
//!
//! Run with `cargo bench --bench signals`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::Ema;
use ta_stream::momentum::Rsi;
use ta_stream::signal::{CrossRule, Crossover, MaCross, MaPosition, Zones};
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

/// Streams `data` through `step` (already warmed up by the caller).
fn bench_steps<I: Copy, O>(
    c: &mut Criterion,
    group: &str,
    label: &str,
    parameter: &str,
    data: &[I],
    mut step: impl FnMut(I) -> O,
) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new(label, parameter), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// A plain ring-buffer SMA, the textbook loop (it drifts; ours does not).
struct RingSma {
    ring: Vec<f64>,
    head: usize,
    sum: f64,
}

impl RingSma {
    fn new(period: usize, warm: f64) -> Self {
        Self {
            ring: vec![warm; period],
            head: 0,
            sum: warm * period as f64,
        }
    }

    #[inline]
    fn update(&mut self, x: f64) -> f64 {
        self.sum += x - self.ring[self.head];
        self.ring[self.head] = x;
        self.head = if self.head + 1 == self.ring.len() {
            0
        } else {
            self.head + 1
        };
        self.sum / self.ring.len() as f64
    }
}

/// Encodes TradingView's rule as 0 (none), 1 (above), 2 (below).
#[inline]
fn tradingview(a: f64, b: f64, previous_a: f64, previous_b: f64) -> u8 {
    u8::from(a > b && previous_a <= previous_b) | (u8::from(a < b && previous_a >= previous_b) << 1)
}

fn crossover(c: &mut Criterion) {
    // The walk against its EMA(20): a cross every few dozen bars.
    let walk = random_walk(POINTS);
    let line = Ema::new(20).unwrap().batch(&walk);
    let pairs: Vec<(f64, f64)> = walk
        .iter()
        .zip(&line)
        .map(|(&x, e)| (x, e.unwrap_or(x)))
        .collect();
    for rule in [CrossRule::TradingView, CrossRule::Strict] {
        let mut cross = Crossover::new().with_rule(rule);
        cross.batch(&pairs[..100]);
        bench_steps(
            c,
            "crossover",
            "ta_stream",
            &format!("{rule:?}"),
            &pairs,
            move |p| cross.update(p),
        );
    }
    let (mut previous_a, mut previous_b) = (100.0, 100.0);
    bench_steps(
        c,
        "crossover",
        "hand_written",
        "TradingView",
        &pairs,
        move |(a, b)| {
            let event = tradingview(a, b, previous_a, previous_b);
            (previous_a, previous_b) = (a, b);
            event
        },
    );
}

fn ma_cross(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let mut cross = MaCross::new(50, 200).unwrap();
    cross.batch(&walk[..800]);
    bench_steps(c, "ma_cross", "ta_stream", "50_200", &walk, move |x| {
        cross.update(x)
    });
    let mut ema_cross = MaCross::<f64>::ema(50, 200).unwrap();
    ema_cross.batch(&walk[..800]);
    bench_steps(c, "ma_cross", "ta_stream_ema", "50_200", &walk, move |x| {
        ema_cross.update(x)
    });
    let (mut fast, mut slow) = (RingSma::new(50, 100.0), RingSma::new(200, 100.0));
    let (mut previous_fast, mut previous_slow) = (100.0, 100.0);
    bench_steps(c, "ma_cross", "hand_written", "50_200", &walk, move |x| {
        let (f, s) = (fast.update(x), slow.update(x));
        let event = tradingview(f, s, previous_fast, previous_slow);
        (previous_fast, previous_slow) = (f, s);
        event
    });
}

fn zones(c: &mut Criterion) {
    // RSI(14) of the walk: visits both zones.
    let walk = random_walk(POINTS);
    let rsi: Vec<f64> = Rsi::new(14)
        .unwrap()
        .batch(&walk)
        .into_iter()
        .map(|r| r.unwrap_or(50.0))
        .collect();
    let mut zones = Zones::default();
    zones.batch(&rsi[..100]);
    bench_steps(c, "zones", "ta_stream", "70_30", &rsi, move |x| {
        zones
            .update(x)
            .map(|reading| (reading.zone(), reading.exit(), reading.entry()))
    });
    let zone = |x: f64| -> u8 {
        if x >= 70.0 {
            2
        } else if x <= 30.0 {
            0
        } else {
            1
        }
    };
    let mut previous = 1;
    bench_steps(c, "zones", "hand_written", "70_30", &rsi, move |x| {
        let current = zone(x);
        let exit =
            (previous == 2 && current != 2) as u8 | (((previous == 0 && current != 0) as u8) << 1);
        let entry =
            (previous != 2 && current == 2) as u8 | (((previous != 0 && current == 0) as u8) << 1);
        previous = current;
        (current, exit, entry)
    });
}

fn ma_position(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let mut position = MaPosition::key_averages().unwrap();
    position.batch(&walk[..800]);
    // Both sides compute "above all" and the three distances.
    bench_steps(
        c,
        "ma_position",
        "ta_stream",
        "20_50_200",
        &walk,
        move |x| {
            position.update(x).map(|reading| {
                let distances: f64 = reading
                    .averages()
                    .flatten()
                    .filter_map(|average| average.distance_percent())
                    .sum();
                (reading.above_all(), distances)
            })
        },
    );
    let mut averages = [
        RingSma::new(20, 100.0),
        RingSma::new(50, 100.0),
        RingSma::new(200, 100.0),
    ];
    bench_steps(
        c,
        "ma_position",
        "hand_written",
        "20_50_200",
        &walk,
        move |x| {
            let mut above_all = true;
            let mut distances = 0.0;
            for average in &mut averages {
                let value = average.update(x);
                above_all &= x > value;
                distances += 100.0 * (x / value - 1.0);
            }
            Some((Some(above_all), distances))
        },
    );
}

criterion_group!(benches, crossover, ma_cross, zones, ma_position);
criterion_main!(benches);
