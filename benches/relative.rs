//! Steady-state cost per update of the relative-strength and put/call indicators, each next
//! to a hand-written loop of the same formula. Every measurement streams 2,000,000 points of
//! two correlated random walks (or of a put/call-like ratio) through a state that has
//! already been warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench relative`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::relative::{Beta, Correlation, PerformanceSpread};
use ta_stream::sentiment::{OptionVolume, PutCall};
use ta_stream::Indicator;

const POINTS: usize = 2_000_000;

/// xorshift64 uniforms in [-0.5, 0.5).
fn noise(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
}

/// Two positive random walks sharing a common factor.
fn pairs(length: usize) -> Vec<(f64, f64)> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let (mut a, mut b) = (100.0_f64, 100.0_f64);
    (0..length)
        .map(|_| {
            let common = noise(&mut state) * 0.02;
            a *= 1.0 + common + noise(&mut state) * 0.01;
            b *= 1.0 + common * 0.8 + noise(&mut state) * 0.005;
            (a, b)
        })
        .collect()
}

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
    group.sample_size(10);
    group.bench_function(BenchmarkId::new(label, parameter), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// A ring of the last `n` values (the textbook loop's window).
struct Ring<T> {
    values: Vec<T>,
    head: usize,
}

impl<T: Copy> Ring<T> {
    fn new(n: usize, fill: T) -> Self {
        Self {
            values: vec![fill; n],
            head: 0,
        }
    }

    /// Replaces the oldest value with `x` and returns the oldest.
    #[inline]
    fn swap(&mut self, x: T) -> T {
        let old = std::mem::replace(&mut self.values[self.head], x);
        self.head = if self.head + 1 == self.values.len() {
            0
        } else {
            self.head + 1
        };
        old
    }
}

fn spread(c: &mut Criterion) {
    let data = pairs(POINTS);
    let mut spread = PerformanceSpread::new(20).unwrap();
    spread.batch(&data[..100]);
    bench_steps(c, "spread", "ta_stream", "20", &data, move |p| {
        spread.update(p)
    });
    let mut ring = Ring::new(20, data[0]);
    bench_steps(c, "spread", "hand_written", "20", &data, move |(a, b)| {
        let (a0, b0) = ring.swap((a, b));
        100.0 * ((a / a0 - 1.0) - (b / b0 - 1.0))
    });
}

/// The textbook rolling-sums loop (Σx, Σy, Σx², Σy², Σxy added and subtracted): what
/// TA-Lib does; it drifts and cancels, ours does not.
struct NaiveMoments {
    ring: Ring<(f64, f64)>,
    n: f64,
    sx: f64,
    sy: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
}

impl NaiveMoments {
    fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n, (0.0, 0.0)),
            n: n as f64,
            sx: 0.0,
            sy: 0.0,
            sxx: 0.0,
            syy: 0.0,
            sxy: 0.0,
        }
    }

    /// `(Cxx, Cyy, Cxy)` after pushing `(x, y)`.
    #[inline]
    fn push(&mut self, x: f64, y: f64) -> (f64, f64, f64) {
        let (ox, oy) = self.ring.swap((x, y));
        self.sx += x - ox;
        self.sy += y - oy;
        self.sxx += x * x - ox * ox;
        self.syy += y * y - oy * oy;
        self.sxy += x * y - ox * oy;
        (
            self.sxx - self.sx * self.sx / self.n,
            self.syy - self.sy * self.sy / self.n,
            self.sxy - self.sx * self.sy / self.n,
        )
    }
}

fn beta_and_correlation(c: &mut Criterion) {
    let data = pairs(POINTS);
    let mut beta = Beta::new(20).unwrap();
    beta.batch(&data[..100]);
    bench_steps(c, "beta", "ta_stream", "20", &data, move |p| beta.update(p));
    let (mut naive, mut previous) = (NaiveMoments::new(20), data[0]);
    bench_steps(c, "beta", "hand_written", "20", &data, move |(a, b)| {
        let (ra, rb) = ((a - previous.0) / previous.0, (b - previous.1) / previous.1);
        previous = (a, b);
        let (_, yy, xy) = naive.push(ra, rb);
        if yy != 0.0 {
            xy / yy
        } else {
            0.0
        }
    });

    let mut correlation = Correlation::talib(20).unwrap();
    correlation.batch(&data[..100]);
    bench_steps(c, "correlation", "ta_stream", "20", &data, move |p| {
        correlation.update(p)
    });
    let mut naive = NaiveMoments::new(20);
    bench_steps(
        c,
        "correlation",
        "hand_written",
        "20",
        &data,
        move |(a, b)| {
            let (xx, yy, xy) = naive.push(a, b);
            let product = xx * yy;
            if product > 1e-14 {
                (xy / product.sqrt()).clamp(-1.0, 1.0)
            } else {
                0.0
            }
        },
    );
    // The period does not change the cost.
    let mut correlation = Correlation::talib(200).unwrap();
    correlation.batch(&data[..1000]);
    bench_steps(c, "correlation", "ta_stream", "200", &data, move |p| {
        correlation.update(p)
    });
}

fn put_call(c: &mut Criterion) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let volumes: Vec<OptionVolume> = (0..POINTS)
        .map(|i| {
            let ratio = 0.9 + 0.2 * (i as f64 / 40.0).sin() + 0.3 * noise(&mut state);
            OptionVolume {
                puts: ratio * 1e6,
                calls: 1e6,
            }
        })
        .collect();
    for lookback in [20, 252] {
        let mut put_call = PutCall::new(10, lookback).unwrap();
        put_call.batch(&volumes[..1000]);
        bench_steps(
            c,
            "put_call",
            "ta_stream",
            &format!("10_{lookback}"),
            &volumes,
            move |v| {
                put_call
                    .update(v)
                    .map(|r| (r.z_score, r.percentile, r.regime))
            },
        );
    }
    // Hand-written: SMA, naive rolling mean/variance, and a scan for the percentile.
    let lookback = 20;
    let mut sma = Ring::new(10, 0.9);
    let mut sma_sum = 9.0;
    let mut window = Ring::new(lookback, 0.9);
    let (mut s, mut ss) = (0.9 * lookback as f64, 0.81 * lookback as f64);
    bench_steps(c, "put_call", "hand_written", "10_20", &volumes, move |v| {
        let x = v.puts / v.calls;
        sma_sum += x - sma.swap(x);
        let smoothed = sma_sum / 10.0;
        let old = window.swap(x);
        s += x - old;
        ss += x * x - old * old;
        let n = lookback as f64;
        let mean = s / n;
        let var = (ss - s * mean) / (n - 1.0);
        let z = if var > 0.0 {
            (x - mean) / var.sqrt()
        } else {
            0.0
        };
        let below = window.values.iter().filter(|&&w| w < x).count();
        let regime = if z >= 2.5 {
            4
        } else if z >= 1.5 {
            3
        } else if z <= -2.5 {
            0
        } else if z <= -1.5 {
            1
        } else {
            2
        };
        (smoothed, z, 100.0 * below as f64 / (n - 1.0), regime)
    });
}

criterion_group!(benches, spread, beta_and_correlation, put_call);
criterion_main!(benches);
